package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/store"
)

type orgFormData struct {
	Parent    store.OrgRow
	Org       store.OrgRow
	Kinds     [][2]string
	CellTypes [][2]string
	Followers [][2]string
	Cells     [][2]string // sibling cells (merge targets)
	Parents   [][2]string // possible new parents (move)
	Members   []party.Member
}

func (s *Server) cellTypeOptions(r *http.Request, c *Ctx, tx *store.Tx) ([][2]string, error) {
	cts, err := tx.CellTypes(r.Context())
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, ct := range cts {
		if !ct.Active {
			continue
		}
		name := ct.NameVI
		if c.L == i18n.EN {
			name = ct.NameEN
		}
		out = append(out, [2]string{string(ct.Code), name})
	}
	return out, nil
}

func kindOptions(c *Ctx, parent party.OrgKind) [][2]string {
	var out [][2]string
	for _, k := range party.OrgKinds {
		if parent == "" || parent.CanParent(k) {
			out = append(out, [2]string{string(k), c.T("org.kind." + string(k))})
		}
	}
	return out
}

func (s *Server) orgNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderOrgNew(w, r, c, http.StatusOK, NewForm(url.Values{"on": {s.orgs.Today().VN()}}))
}

func (s *Server) renderOrgNew(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d orgFormData
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Parent, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Parent.Org); err != nil {
			return err
		}
		d.Kinds = kindOptions(c, d.Parent.Kind)
		d.CellTypes, err = s.cellTypeOptions(r, c, tx)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, status, "org_new", View{Title: c.T("web.org.new"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	on, err := party.ParseVN(f.Get("on"))
	n := store.NewOrg{Code: f.Get("code"), Name: f.Get("name"), Kind: party.OrgKind(f.Get("kind")), CellType: party.CellType(f.Get("cell_type")),
		ParentID: pathID(r, "id"), On: on, Place: f.Get("place"), Abbrev: f.Get("abbrev")}
	var id int64
	if err == nil {
		id, err = s.orgs.Create(r.Context(), c.Actor(), n)
	} else {
		err = fieldErr("on", err)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderOrgNew(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.org.created")
	redirect(w, r, "/orgs/"+strconv.FormatInt(id, 10))
}

// fieldErr puts a parse error beside the field it came from.
func fieldErr(field string, err error) error {
	e, ok := party.AsError(err)
	if !ok {
		return err
	}
	return &party.Error{Code: e.Code, Msg: party.M("form.has_errors", 1), Fields: map[string]party.Msg{field: e.Msg}}
}

func (s *Server) orgSettingsShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderOrgSettings(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderOrgSettings(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d orgFormData
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org); err != nil {
			return err
		}
		// The following committee member is a board user of a committee
		// above the cell.
		for _, id := range store.PathIDs(d.Org.Path) {
			if id == d.Org.ID {
				continue
			}
			us, err := tx.UsersOfOrg(ctx, id, auth.RoleBoard)
			if err != nil {
				return err
			}
			for _, u := range us {
				d.Followers = append(d.Followers, [2]string{strconv.FormatInt(u.ID, 10), u.DisplayName + " (" + u.Username + ")"})
			}
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if f == nil {
		o := d.Org
		f = NewForm(url.Values{"code": {o.Code}, "usual_day": {itoaZ(o.UsualDay)}, "usual_time": {o.UsualTime}, "usual_place": {o.UsualPlace},
			"place": {o.Place}, "abbrev": {o.Abbrev}, "follower": {itoa64Z(o.FollowerUserID)}, "version": {strconv.FormatInt(o.Version, 10)}})
	}
	s.render(w, r, status, "org_settings", View{Title: c.T("web.org.settings"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

func itoaZ(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func itoa64Z(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func (s *Server) orgSettingsSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	fe := party.FieldErrors{}
	day, _ := strconv.Atoi(f.Get("usual_day"))
	if f.Get("usual_day") != "" && (day < 1 || day > 28) {
		fe.Add("usual_day", "web.org.usual_day_range")
	}
	if t := f.Get("usual_time"); t != "" && !validHM(t) {
		fe.Add("usual_time", "web.time_invalid")
	}
	follower, _ := strconv.ParseInt(f.Get("follower"), 10, 64)
	version, _ := strconv.ParseInt(f.Get("version"), 10, 64)
	err := fe.Err()
	if err == nil {
		id := pathID(r, "id")
		err = s.db.Update(r.Context(), c.Actor(), func(tx *store.Tx) error {
			before, err := tx.Org(r.Context(), id)
			if err != nil {
				return err
			}
			code := f.Get("code")
			if !auth.Can(c.P, auth.EditOrg, c.Target) {
				code = before.Code // only those who may reorganize change codes
			}
			set := store.OrgSettings{Code: code, FollowerUserID: follower, UsualDay: day, UsualTime: f.Get("usual_time"),
				UsualPlace: f.Get("usual_place"), Place: f.Get("place"), Abbrev: f.Get("abbrev"), Version: version}
			if err := tx.UpdateOrgSettings(r.Context(), id, set); err != nil {
				return err
			}
			return tx.Audit(r.Context(), "settings", "org", id, id, before.Org, set)
		})
	}
	if err != nil {
		f.SetError(c, err)
		s.renderOrgSettings(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/orgs/"+r.PathValue("id"))
}

func validHM(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	hh, e1 := strconv.Atoi(h)
	mm, e2 := strconv.Atoi(m)
	return ok && e1 == nil && e2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && len(m) == 2
}

func (s *Server) orgReorganizeShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderReorganize(w, r, c, http.StatusOK, NewForm(url.Values{"on": {s.orgs.Today().VN()}, "action": {r.URL.Query().Get("action")}}))
}

func (s *Server) renderReorganize(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d orgFormData
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org); err != nil {
			return err
		}
		if d.CellTypes, err = s.cellTypeOptions(r, c, tx); err != nil {
			return err
		}
		// Move targets: committees within the user's scope that may hold
		// this kind; merge targets: cells under the same parent.
		scope := c.P.ScopePath()
		cands, err := tx.SubtreeOrgs(ctx, scope, false)
		if err != nil {
			return err
		}
		for _, o := range cands {
			if o.Kind.CanParent(d.Org.Kind) && o.ID != d.Org.ParentID && !strings.HasPrefix(o.Path, d.Org.Path) && len(d.Parents) < 500 {
				d.Parents = append(d.Parents, [2]string{strconv.FormatInt(o.ID, 10), o.Name})
			}
			if o.IsCell() && o.ParentID == d.Org.ParentID && o.ID != d.Org.ID {
				d.Cells = append(d.Cells, [2]string{strconv.FormatInt(o.ID, 10), o.Name})
			}
		}
		if d.Org.IsCell() {
			d.Members, err = tx.MembersOf(ctx, d.Org.ID, false)
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, status, "org_reorganize", View{Title: c.T("web.org.reorganize"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

// orgReorganize applies one reorganization with its effective date.
func (s *Server) orgReorganize(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	dest, err := s.reorganize(r, c, id, reorgRequest{
		Action: f.Get("action"), On: f.Get("on"), Name: f.Get("name"), ParentID: atoi64(f.Get("parent_id")),
		IntoID: atoi64(f.Get("into_id")), CellType: f.Get("cell_type"), Note: f.Get("note"),
		Version: atoi64(f.Get("version")), NewCode: f.Get("new_code"), NewName: f.Get("new_name"),
		MemberIDs: atoi64s(r.PostForm["member_ids"]), DissolveOriginal: f.Get("dissolve_original") == "1",
	})
	if err != nil {
		f.SetError(c, err)
		s.renderReorganize(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.org.reorganized")
	redirect(w, r, "/orgs/"+strconv.FormatInt(dest, 10))
}

func atoi64(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n
}

func atoi64s(ss []string) []int64 {
	var out []int64
	for _, s := range ss {
		if n := atoi64(s); n != 0 {
			out = append(out, n)
		}
	}
	return out
}

// reorgRequest is one reorganization as the page and the API send it.
type reorgRequest struct {
	Action           string  `json:"action"` // rename, move, retype, merge, split, dissolve
	On               string  `json:"on"`
	Name             string  `json:"name,omitempty"`
	ParentID         int64   `json:"parent_id,omitempty"`
	IntoID           int64   `json:"into_id,omitempty"`
	CellType         string  `json:"cell_type,omitempty"`
	Note             string  `json:"note,omitempty"`
	Version          int64   `json:"version,omitempty"`
	NewCode          string  `json:"new_code,omitempty"`
	NewName          string  `json:"new_name,omitempty"`
	MemberIDs        []int64 `json:"member_ids,omitempty"`
	DissolveOriginal bool    `json:"dissolve_original,omitempty"`
}

// reorganize checks that whatever else a change touches (the new parent,
// the cell merged into) is in the user's scope too, then applies it. It
// returns the organization to show afterwards.
func (s *Server) reorganize(r *http.Request, c *Ctx, id int64, q reorgRequest) (int64, error) {
	ctx := r.Context()
	on, err := party.ParseVN(q.On) // dd/mm/yyyy from forms, YYYY-MM-DD from the API
	if err != nil {
		return 0, fieldErr("on", err)
	}
	if on.IsZero() {
		f := party.FieldErrors{}
		f.Add("on", "field.required")
		return 0, f.Err()
	}
	other := q.ParentID
	if q.Action == "merge" {
		other = q.IntoID
	}
	if other != 0 {
		var path string
		if err := s.db.View(ctx, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, other)
			path = o.Path
			return err
		}); err != nil {
			return 0, err
		}
		if !auth.Can(c.P, auth.CreateOrg, auth.Target{OrgPath: path}) {
			return 0, party.Errorf(party.EForbidden, "auth.forbidden")
		}
	}
	a := c.Actor()
	switch q.Action {
	case "rename":
		return id, s.orgs.Rename(ctx, a, id, q.Name, on, q.Version)
	case "move":
		if q.ParentID == 0 {
			f := party.FieldErrors{}
			f.Add("parent_id", "field.required")
			return 0, f.Err()
		}
		return id, s.orgs.Move(ctx, a, id, q.ParentID, on, q.Version)
	case "retype":
		return id, s.orgs.Retype(ctx, a, id, party.CellType(q.CellType), on, q.Version)
	case "merge":
		if q.IntoID == 0 {
			f := party.FieldErrors{}
			f.Add("into_id", "field.required")
			return 0, f.Err()
		}
		return q.IntoID, s.orgs.Merge(ctx, a, id, q.IntoID, on)
	case "split":
		ids, err := s.orgs.Split(ctx, a, id, on, []orgs.SplitPart{{Code: q.NewCode, Name: q.NewName, CellType: party.CellType(q.CellType), MemberIDs: q.MemberIDs}}, q.DissolveOriginal)
		if err != nil {
			return 0, err
		}
		return ids[0], nil
	case "dissolve":
		var parent int64
		err := s.db.View(ctx, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, id)
			parent = o.ParentID
			return err
		})
		if err != nil {
			return 0, err
		}
		return parent, s.orgs.Dissolve(ctx, a, id, on, q.Note, q.Version)
	}
	f := party.FieldErrors{}
	f.Add("action", "web.org.action_invalid")
	return 0, f.Err()
}
