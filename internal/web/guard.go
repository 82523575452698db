package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// HandlerFunc is a route's handler; the guard has already authorized it.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, c *Ctx)

// Route is one line of the route table: the pattern, the action it needs
// and how to find what it acts on.
type Route struct {
	Method  string
	Pattern string
	Action  auth.Action
	Target  Resolver
	Handle  HandlerFunc
}

// Resolver finds the target of a request (the organization it concerns,
// and the member for member records). Kind names what the route's path
// parameter refers to, so that the route-table test can fill it in.
type Resolver struct {
	Kind    string // "", "org", "member", "query-org", or a feature's own kind
	Param   string
	resolve func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error)
}

// Resolvers of features register themselves here by kind.
var resolvers = map[string]func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error){
	"org": func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error) {
		o, err := tx.Org(ctx, id)
		return auth.Target{OrgPath: o.Path}, err
	},
	"meeting": func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error) {
		m, err := tx.Meeting(ctx, id, false)
		if err != nil {
			return auth.Target{}, err
		}
		o, err := tx.Org(ctx, m.OrgID)
		return auth.Target{OrgPath: o.Path}, err
	},
	"member": func(ctx context.Context, tx *store.Tx, id int64) (auth.Target, error) {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return auth.Target{}, err
		}
		o, err := tx.Org(ctx, m.OrgID)
		return auth.Target{OrgPath: o.Path, MemberID: m.ID}, err
	},
}

// byID resolves a path parameter holding the id of a kind of record.
func byID(kind, param string) Resolver {
	return Resolver{Kind: kind, Param: param, resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil || id <= 0 {
			return auth.Target{}, party.NotFound("web.bad_id", r.PathValue(param))
		}
		return resolvers[kind](ctx, tx, id)
	}}
}

// orgParam, memberParam: the target is named by a path parameter.
func orgParam(p string) Resolver    { return byID("org", p) }
func memberParam(p string) Resolver { return byID("member", p) }

// meetingParam: the target is the cell of the meeting named by a path parameter.
func meetingParam(p string) Resolver { return byID("meeting", p) }

// orgQuery: the target is the organization of the ?org= query parameter,
// or the user's own scope when it is absent.
func orgQuery() Resolver {
	return Resolver{Kind: "query-org", Param: "org", resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		v := r.URL.Query().Get("org")
		if v == "" {
			return auth.Target{OrgPath: c.P.ScopePath(), MemberID: c.P.MemberID}, nil
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return auth.Target{}, party.Invalid("web.bad_id", v)
		}
		return resolvers["org"](ctx, tx, id)
	}}
}

// nothing: the route concerns no organization (own home, search, admin).
func nothing() Resolver { return Resolver{} }

// guard authorizes a route before its handler runs: the single check
// every page and API call goes through.
func (s *Server) guard(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := getCtx(r)
		if !c.P.LoggedIn() {
			s.fail(w, r, c, party.Errorf(party.EUnauthorized, "auth.login_required"))
			return
		}
		if r.Method == http.MethodGet && keptRoutes[rt.Pattern] {
			// A page kept for this user, under this changes mark, passed
			// this check when it was rendered, and nothing has been
			// written since (pagecache.go).
			c.kept = s.keptKey(r, c)
			if s.serveKept(w, c.kept) {
				return
			}
		}
		if rt.Target.resolve != nil {
			err := s.db.View(r.Context(), func(tx *store.Tx) error {
				t, err := rt.Target.resolve(r.Context(), tx, r, c)
				c.Target = t
				return err
			})
			if err != nil {
				s.fail(w, r, c, err)
				return
			}
		}
		if err := auth.Authorize(c.P, rt.Action, c.Target); err != nil {
			s.fail(w, r, c, err)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
		}
		rt.Handle(w, r, c)
	})
}

// pathID reads an integer path parameter the guard has already checked.
func pathID(r *http.Request, name string) int64 {
	id, _ := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id
}

// parentQuery: the target is the ?parent= organization, or the user's own
// scope when absent (the roots of their tree).
func parentQuery() Resolver {
	return Resolver{Kind: "query-org", Param: "parent", resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		v := r.URL.Query().Get("parent")
		if v == "" {
			return auth.Target{OrgPath: c.P.ScopePath()}, nil
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return auth.Target{}, party.Invalid("web.bad_id", v)
		}
		return resolvers["org"](ctx, tx, id)
	}}
}

// bodyOrg: the target is the organization whose id a JSON body holds in
// field (the parent of a new organization, the cell of a new member). The
// body is read and put back for the handler.
func bodyOrg(field string) Resolver {
	return Resolver{Kind: "body-org", Param: field, resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			return auth.Target{}, err
		}
		r.Body = io.NopCloser(bytes.NewReader(b))
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			return auth.Target{}, party.Invalid("web.json_invalid", err.Error())
		}
		var id int64
		if raw, ok := m[field]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, &id); err != nil || id < 0 {
				f := party.FieldErrors{}
				f.Add(field, "web.bad_id", string(raw))
				return auth.Target{}, f.Err()
			}
		}
		if id == 0 {
			// No organization: the root of the whole tree, which only
			// administrators reach.
			return auth.Target{OrgPath: "/"}, nil
		}
		return resolvers["org"](ctx, tx, id)
	}}
}

// Routes returns the route table (for tests and documentation).
func (s *Server) Routes() []Route { return s.routes }
