package web

import (
	"context"
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/training"
)

// The targets of documents and courses: the issuing or organizing
// organization, whose board manages them.
func init() {
	resolvers["document"] = func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error) {
		d, err := tx.Document(ctx, id)
		return auth.Target{OrgPath: d.IssuerPath}, err
	}
	resolvers["course"] = func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error) {
		c, err := tx.Course(ctx, id, false)
		return auth.Target{OrgPath: c.OrganizerPath}, err
	}
}

// documentParam, courseParam: the target is the issuer of the document
// (the organizer of the course) named by a path parameter.
func documentParam(p string) Resolver { return byID("document", p) }
func courseParam(p string) Resolver   { return byID("course", p) }

// docOrgQuery: the route names a document by its path parameter id (which
// must exist) and acts on the organization of ?org= under it (the user's
// own scope when absent): a document's coverage and reminders there.
func docOrgQuery() Resolver {
	return Resolver{Kind: "document-org", Param: "org", resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			return auth.Target{}, party.NotFound("web.bad_id", r.PathValue("id"))
		}
		if _, err := tx.Document(ctx, id); err != nil {
			return auth.Target{}, err
		}
		v := r.URL.Query().Get("org")
		if v == "" {
			return auth.Target{OrgPath: c.P.ScopePath()}, nil
		}
		org, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return auth.Target{}, party.Invalid("web.bad_id", v)
		}
		return resolvers["org"](ctx, tx, org)
	}}
}

// docs and courses are the use cases of this area, built over the server's
// database and clock (files kept in Config.FilesDir when set).
func (s *Server) docs() *documents.Service {
	return &documents.Service{DB: s.db, Now: s.now, Dir: s.cfg.FilesDir}
}

func (s *Server) courses() *training.Service {
	return &training.Service{DB: s.db, Now: s.now}
}

// civilToday is the current day in Vietnam on the server's clock.
func (s *Server) civilToday() party.Date { return party.DateOf(s.now()) }

// listOrgID is the organization a user's lists start from: ?org= when
// given, else their own (the roots' first for administrators).
func (s *Server) listOrgID(r *http.Request, c *Ctx) int64 {
	if id := atoi64(r.URL.Query().Get("org")); id > 0 {
		return id
	}
	if c.P.OrgID != 0 {
		return c.P.OrgID
	}
	var id int64
	_ = s.db.View(r.Context(), func(tx *store.Tx) error {
		roots, err := tx.Children(r.Context(), 0)
		if err == nil && len(roots) > 0 {
			id = roots[0].ID
		}
		return err
	})
	return id
}
