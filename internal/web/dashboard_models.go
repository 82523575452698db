package web

import (
	"fmt"
	"net/http"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Model meetings (nhân rộng điển hình): the list secretaries open when they
// prepare (/models?cell_type=&kind=), and the board's marking.

type modelRow struct {
	store.ModelMeeting
	KindLabel string
	TypeLabel string
	CanUnmark bool
}

type modelsPage struct {
	Rows     []modelRow
	Types    []store.CellTypeRow
	CellType string
	Kind     string
	Kinds    [][2]string
	Org      int64
}

// modelList lists the models the user sees, of a cell type and a kind.
func (s *Server) modelList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := r.URL.Query()
	d := modelsPage{CellType: q.Get("cell_type"), Kind: q.Get("kind")}
	if d.Kind != "" && !party.MeetingKind(d.Kind).Valid() {
		s.fail(w, r, c, party.Invalid("web.oversight.models.bad_kind", d.Kind))
		return
	}
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.Org = org
	var scope string
	err = s.db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		scope = o.Path
		if d.CellType == "" && o.IsCell() && q.Get("all") == "" {
			d.CellType = string(o.CellType) // a secretary sees the models of cells like theirs
		}
		d.Types, err = tx.CellTypes(ctx)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.ovs.Models(ctx, scope, party.CellType(d.CellType), party.MeetingKind(d.Kind))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	for _, k := range []party.MeetingKind{party.ThuongKy, party.ChuyenDe} {
		d.Kinds = append(d.Kinds, [2]string{string(k), c.T("web.oversight.models.kind." + string(k))})
	}
	for _, m := range list {
		d.Rows = append(d.Rows, modelRow{ModelMeeting: m, KindLabel: c.Msg(m.Kind.Label()), TypeLabel: c.T("web.celltype." + string(m.CellType)),
			CanUnmark: auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: m.OrgPath})})
	}
	s.render(w, r, http.StatusOK, "dashboard_models", View{Title: c.T("web.oversight.models.title"), Nav: "models", Data: d})
}

// modelMark marks a meeting as a model for the cells under the board's
// organization (an administrator: under the top of the meeting's tree).
func (s *Server) modelMark(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	id := pathID(r, "id")
	committee, err := s.markingCommittee(r, c, id)
	if err == nil {
		err = s.ovs.MarkModel(r.Context(), c.Actor(), committee, id, r.PostForm.Get("note"))
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.flash(w, "web.oversight.models.marked")
	redirect(w, r, backTo(r, fmt.Sprintf("/models?org=%d&all=1", committee)))
}

// markingCommittee is the organization a user marks models for.
func (s *Server) markingCommittee(r *http.Request, c *Ctx, meeting int64) (int64, error) {
	if c.P.Role == auth.RoleBoard && c.P.OrgID != 0 {
		return c.P.OrgID, nil
	}
	var top int64
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		m, err := tx.Meeting(r.Context(), meeting, false)
		if err != nil {
			return err
		}
		o, err := tx.Org(r.Context(), m.OrgID)
		if err != nil {
			return err
		}
		if ids := store.PathIDs(o.Path); len(ids) > 0 {
			top = ids[0]
		}
		return nil
	})
	return top, err
}

// modelUnmark takes a meeting off the models.
func (s *Server) modelUnmark(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	if err := s.ovs.UnmarkModel(r.Context(), c.Actor(), pathID(r, "id")); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.flash(w, "web.oversight.models.unmarked")
	redirect(w, r, backTo(r, "/models"))
}
