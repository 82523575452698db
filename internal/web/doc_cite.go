package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Documents a meeting cites: its agenda and, for a thematic meeting, its
// topic rest on documents (a resolution to study, a plan to carry out).
// The ids are kept in the meeting's preparation (party.Preparation
// DocumentIDs); the minutes list them (the partial "citeddocs").

type citeData struct {
	Meeting  store.Meeting
	Org      store.OrgRow
	Cited    []store.Document
	Choices  []store.SentDoc // documents sent to the cell
	Edit     bool
	Locked   bool
	Selected map[int64]bool
}

// citedDocuments reads the documents a meeting cites, in the order cited
// (for the meeting's page and its minutes: the partial "citeddocs").
func (s *Server) citedDocuments(ctx context.Context, m store.Meeting) ([]store.Document, error) {
	var out []store.Document
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.DocumentsByID(ctx, m.Prep.DocumentIDs)
		return err
	})
	return out, err
}

func (s *Server) citeShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderCite(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderCite(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d citeData
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Meeting, err = tx.Meeting(ctx, pathID(r, "id"), false); err != nil {
			return err
		}
		if d.Org, err = tx.Org(ctx, d.Meeting.OrgID); err != nil {
			return err
		}
		d.Edit = auth.Can(c.P, auth.EditMeetings, auth.Target{OrgPath: d.Org.Path})
		d.Locked = d.Meeting.Status.Locked()
		if d.Edit && !d.Locked {
			if d.Choices, err = tx.DocumentsSentTo(ctx, d.Org.Path, nil, 0, 200); err != nil {
				return err
			}
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	if err == nil {
		d.Cited, err = s.citedDocuments(ctx, d.Meeting)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.Selected = map[int64]bool{}
	for _, id := range d.Meeting.Prep.DocumentIDs {
		d.Selected[id] = true
	}
	if f == nil {
		f = NewForm(nil)
	} else {
		d.Selected = map[int64]bool{}
		for _, id := range atoi64s(f.Values["document_ids"]) {
			d.Selected[id] = true
		}
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	crumbs = append(crumbs, Crumb{Label: c.Msg(d.Meeting.Kind.Label()) + " " + d.Meeting.Date.VN(), Href: "/meetings/" + strconv.FormatInt(d.Meeting.ID, 10)},
		Crumb{Label: c.T("web.doc.cite.title")})
	s.render(w, r, status, "doc_cite", View{Title: c.T("web.doc.cite.title"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

// citeSave records the documents the meeting cites: each must be one the
// secretary may read (sent to the cell, or above it).
func (s *Server) citeSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	ctx := r.Context()
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	ids := slices.Compact(atoi64s(f.Values["document_ids"]))
	var m store.Meeting
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if m, err = tx.Meeting(ctx, id, false); err != nil {
			return err
		}
		for _, did := range ids {
			d, err := tx.Document(ctx, did)
			if err == nil {
				var ok bool
				if ok, err = documents.CanRead(ctx, tx, c.P, d, s.civilToday()); err == nil && !ok {
					err = party.NotFound("doc.not_found", strconv.FormatInt(did, 10))
				}
			}
			if err != nil {
				fe := party.FieldErrors{}
				if e, ok := party.AsError(err); ok {
					fe["document_ids"] = e.Msg
					return fe.Err()
				}
				return err
			}
		}
		return nil
	})
	if err == nil {
		prep := m.Prep
		prep.DocumentIDs = ids
		_, err = s.meetings.Update(ctx, c.Actor(), id, meetings.Change{Prep: &prep, Version: atoi64(f.Get("version"))})
	}
	if err != nil {
		f.SetError(c, err)
		s.renderCite(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/meetings/"+strconv.FormatInt(id, 10)+"/documents")
}
