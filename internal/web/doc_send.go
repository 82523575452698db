package web

import (
	"net/http"
	"net/url"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
)

// docRoleOptions are the offices a document can be sent to.
func docRoleOptions(c *Ctx) [][2]string {
	out := make([][2]string, len(party.CellRoles))
	for i, r := range party.CellRoles {
		out[i] = [2]string{string(r), c.T("member.role." + string(r))}
	}
	return out
}

type docSendData struct {
	Doc     store.Document
	Issuer  store.OrgRow
	Orgs    []store.OrgRow // the issuer and the organizations directly under it
	Roles   [][2]string
	Targets []store.Dissemination
}

func (s *Server) docSendShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderDocSend(w, r, c, http.StatusOK, NewForm(url.Values{"org_ids": {""}}))
}

func (s *Server) renderDocSend(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d docSendData
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Doc, err = tx.Document(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if d.Issuer, err = tx.Org(ctx, d.Doc.IssuerID); err != nil {
			return err
		}
		kids, err := tx.Children(ctx, d.Issuer.ID)
		if err != nil {
			return err
		}
		d.Orgs = append([]store.OrgRow{d.Issuer}, kids...)
		d.Targets, err = tx.Disseminations(ctx, d.Doc.ID)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if len(f.Values["org_ids"]) == 1 && f.Values["org_ids"][0] == "" {
		f.Values["org_ids"] = []string{strconv.FormatInt(d.Issuer.ID, 10)}
	}
	d.Roles = docRoleOptions(c)
	crumbs := []Crumb{{Label: c.T("web.doc.list_title"), Href: "/documents"}, {Label: d.Doc.Number, Href: "/documents/" + strconv.FormatInt(d.Doc.ID, 10)},
		{Label: c.T("web.doc.send")}}
	s.render(w, r, status, "doc_send", View{Title: c.T("web.doc.send") + " · " + d.Doc.Number, Nav: "documents", Crumbs: crumbs, Form: f, Data: d})
}

// docSend disseminates the document to the organizations and offices
// ticked.
func (s *Server) docSend(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	var err error
	if len(atoi64s(f.Values["org_ids"])) == 0 {
		fe := party.FieldErrors{}
		fe.Add("org_ids", "doc.send_no_org")
		err = fe.Err()
	} else {
		_, err = s.docs().Send(r.Context(), c.Actor(), id, documents.SendInput{OrgIDs: atoi64s(f.Values["org_ids"]), Roles: f.Values["roles"]})
	}
	if err != nil {
		f.SetError(c, err)
		s.renderDocSend(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.doc.sent")
	redirect(w, r, "/documents/"+strconv.FormatInt(id, 10))
}

// docAck is the member's "Tôi đã nghiên cứu".
func (s *Server) docAck(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	if _, err := s.docs().Load(r.Context(), c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if _, err := s.docs().Acknowledge(r.Context(), c.Actor(), id, c.P.MemberID); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.flash(w, "web.doc.acknowledged")
	back := "/documents/" + strconv.FormatInt(id, 10)
	if r.PostFormValue("back") == "me" {
		back = "/me#documents"
	}
	redirect(w, r, back)
}

type docCoverageData struct {
	documents.Coverage
	Up        *store.OrgRow // the organization above, when the user may go there
	CanRemind bool
	Reminders []store.DocReminder
	Reminded  int
}

// Missing is how many members reached have not acknowledged yet.
func (d docCoverageData) Missing() int { return d.Members - d.Acknowledged }

// docCoverage is how far a document reached under an organization, with
// one line per organization under it to drill down.
func (s *Server) docCoverage(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderDocCoverage(w, r, c, http.StatusOK, "")
}

func (s *Server) renderDocCoverage(w http.ResponseWriter, r *http.Request, c *Ctx, status int, flash string) {
	ctx := r.Context()
	id := pathID(r, "id")
	if _, err := s.docs().Load(ctx, c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	cov, err := s.docs().Coverage(ctx, id, s.listOrgID(r, c))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := docCoverageData{Coverage: cov, CanRemind: auth.Can(c.P, auth.ManageDocuments, auth.Target{OrgPath: cov.Org.Path})}
	err = s.db.View(ctx, func(tx *store.Tx) error {
		if cov.Org.ParentID != 0 {
			up, err := tx.Org(ctx, cov.Org.ParentID)
			if err != nil {
				return err
			}
			if auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: up.Path}) {
				d.Up = &up
			}
		}
		var err error
		d.Reminders, err = tx.DocReminders(ctx, id)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs := []Crumb{{Label: c.T("web.doc.list_title"), Href: "/documents"}, {Label: cov.Document.Number, Href: "/documents/" + strconv.FormatInt(id, 10)},
		{Label: c.T("web.doc.coverage")}}
	s.render(w, r, status, "doc_coverage", View{Title: c.T("web.doc.coverage") + " · " + cov.Document.Number, Nav: "documents", Crumbs: crumbs, Flash: flash, Data: d})
}

// docRemind reminds those under ?org= who have not acknowledged.
func (s *Server) docRemind(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	n, err := s.docs().Remind(r.Context(), c.Actor(), id, s.listOrgID(r, c))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderDocCoverage(w, r, c, http.StatusOK, c.T("web.doc.reminded", n))
}
