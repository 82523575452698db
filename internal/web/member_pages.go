package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/members"
	"chibo/internal/party"
	"chibo/internal/store"
)

type memberListData struct {
	Org      store.OrgRow
	Rows     []members.Row
	Today    party.Date
	Warnings []party.Msg
	Counts   party.CellCounts
}

// memberList is a cell's members in Vietnamese name order (given name
// first), each with their state today.
func (s *Server) memberList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := memberListData{Today: s.orgs.Today()}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if !d.Org.IsCell() {
			return party.RuleError("member.org_not_cell", d.Org.Name)
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org); err != nil {
			return err
		}
		if d.Counts, err = tx.CellCounts(ctx, d.Org.ID, d.Today); err != nil {
			return err
		}
		d.Warnings = party.CellWarnings(d.Counts)
		return nil
	})
	if err == nil {
		d.Rows, err = s.members.CellList(ctx, d.Org.ID, d.Today)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs = append(crumbs[:len(crumbs)-1], Crumb{Label: d.Org.Name, Href: "/orgs/" + strconv.FormatInt(d.Org.ID, 10)}, Crumb{Label: c.T("web.members.title")})
	s.render(w, r, http.StatusOK, "member_list", View{Title: c.T("web.members.title") + " · " + d.Org.Name, Nav: "members", Crumbs: crumbs, Data: d})
}

// memberForm turns a submitted form into a member; date fields that do
// not parse are reported beside themselves.
func memberFromForm(f *Form) (party.Member, party.FieldErrors) {
	fe := party.FieldErrors{}
	date := func(name string) party.Date {
		d, err := party.ParseVN(f.Get(name))
		if err != nil {
			if e, ok := party.AsError(err); ok {
				fe[name] = e.Msg
			}
		}
		return d
	}
	m := party.Member{
		FullName: f.Get("full_name"), Gender: party.Gender(f.Get("gender")), BirthDate: date("birth_date"),
		Hometown: f.Get("hometown"), Ethnicity: f.Get("ethnicity"), Religion: f.Get("religion"), IDNumber: f.Get("id_number"),
		Phone: f.Get("phone"), Email: f.Get("email"), Address: f.Get("address"), CardNumber: f.Get("card_number"),
		DossierNo: f.Get("dossier_no"), JoinedOn: date("joined_on"), OfficialOn: date("official_on"),
		Occupation: f.Get("occupation"), Note: f.Get("note"), Version: atoi64(f.Get("version")),
		LeftOn: date("left_on"), LeftReason: f.Get("left_reason"),
	}
	return m, fe
}

func memberToForm(m party.Member) *Form {
	return NewForm(url.Values{
		"full_name": {m.FullName}, "gender": {string(m.Gender)}, "birth_date": {m.BirthDate.VN()}, "hometown": {m.Hometown},
		"ethnicity": {m.Ethnicity}, "religion": {m.Religion}, "id_number": {m.IDNumber}, "phone": {m.Phone}, "email": {m.Email},
		"address": {m.Address}, "card_number": {m.CardNumber}, "dossier_no": {m.DossierNo}, "joined_on": {m.JoinedOn.VN()},
		"official_on": {m.OfficialOn.VN()}, "occupation": {m.Occupation}, "note": {m.Note}, "version": {strconv.FormatInt(m.Version, 10)},
		"left_on": {m.LeftOn.VN()}, "left_reason": {m.LeftReason},
	})
}

type memberFormData struct {
	Org    store.OrgRow
	Member party.Member
	New    bool
}

func (s *Server) memberNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderMemberForm(w, r, c, http.StatusOK, pathID(r, "id"), 0, NewForm(nil))
}

func (s *Server) renderMemberForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, orgID, memberID int64, f *Form) {
	ctx := r.Context()
	d := memberFormData{New: memberID == 0}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if memberID != 0 {
			if d.Member, err = tx.Member(ctx, memberID); err != nil {
				return err
			}
			orgID = d.Member.OrgID
		}
		if d.Org, err = tx.Org(ctx, orgID); err != nil {
			return err
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10) + "/members"
	title := c.T("web.member.new")
	if !d.New {
		title = c.T("web.member.edit")
		crumbs = append(crumbs, Crumb{Label: d.Member.FullName, Href: "/members/" + strconv.FormatInt(d.Member.ID, 10)})
	}
	crumbs = append(crumbs, Crumb{Label: title})
	s.render(w, r, status, "member_form", View{Title: title, Nav: "members", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) memberCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	m, fe := memberFromForm(f)
	m.OrgID = pathID(r, "id")
	err := fe.Err()
	var id int64
	if err == nil {
		id, err = s.members.Add(r.Context(), c.Actor(), m)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMemberForm(w, r, c, statusOf(party.ErrorCode(err)), m.OrgID, 0, f)
		return
	}
	s.flash(w, "web.member.created")
	redirect(w, r, "/members/"+strconv.FormatInt(id, 10))
}

func (s *Server) memberEdit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var m party.Member
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(r.Context(), pathID(r, "id"))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderMemberForm(w, r, c, http.StatusOK, 0, m.ID, memberToForm(m))
}

func (s *Server) memberSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	m, fe := memberFromForm(f)
	m.ID = pathID(r, "id")
	err := fe.Err()
	if err == nil {
		err = s.members.Update(r.Context(), c.Actor(), m)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMemberForm(w, r, c, statusOf(party.ErrorCode(err)), 0, m.ID, f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/members/"+strconv.FormatInt(m.ID, 10))
}

type memberShowData struct {
	Profile      members.Profile
	Personal     bool
	EditContact  bool
	Edit         bool
	Today        party.Date
	Hosts        map[int64]string
	StateKinds   []party.StateKind
	Roles        []party.CellRole
	ContactForm  *Form
	CellsInScope [][2]string
}

// memberShow is a member's profile. Personal data is shown only to those
// allowed, and each showing is written to the audit log.
func (s *Server) memberShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderMemberShow(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderMemberShow(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	id := pathID(r, "id")
	d := memberShowData{Today: s.orgs.Today(), Hosts: map[int64]string{}, StateKinds: party.StateKinds, Roles: party.CellRoles}
	var err error
	if d.Profile, err = s.members.Profile(ctx, id, d.Today); err != nil {
		s.fail(w, r, c, err)
		return
	}
	t := auth.Target{OrgPath: d.Profile.Org.Path, MemberID: id}
	d.Personal = auth.Can(c.P, auth.ViewPersonal, t)
	d.EditContact = auth.Can(c.P, auth.EditOwnContact, t)
	d.Edit = auth.Can(c.P, auth.EditMember, t)
	var crumbs []Crumb
	err = s.db.View(ctx, func(tx *store.Tx) error {
		for _, st := range d.Profile.History.States {
			if st.HostOrgID != 0 {
				if o, err := tx.Org(ctx, st.HostOrgID); err == nil {
					d.Hosts[st.HostOrgID] = o.Name
				}
			}
		}
		if d.Edit {
			cells, err := tx.SubtreeOrgs(ctx, c.P.ScopePath(), true)
			if err != nil {
				return err
			}
			if c.P.Role == auth.RoleSecretary {
				// A secretary registers temporary stays in any cell.
				cells, err = tx.SubtreeOrgs(ctx, "/", true)
				if err != nil {
					return err
				}
			}
			for _, o := range cells {
				if o.ID != d.Profile.Org.ID && len(d.CellsInScope) < 2000 {
					d.CellsInScope = append(d.CellsInScope, [2]string{strconv.FormatInt(o.ID, 10), o.Name})
				}
			}
		}
		var err error
		crumbs, err = s.orgCrumbs(r, c, tx, d.Profile.Org.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if d.Personal {
		_ = s.db.Update(ctx, c.Actor(), func(tx *store.Tx) error {
			return tx.Audit(ctx, "view_personal", "member", id, d.Profile.Org.ID, nil, nil)
		})
	}
	if f == nil {
		m := d.Profile.History.Member
		f = NewForm(url.Values{"phone": {m.Phone}, "email": {m.Email}, "address": {m.Address}, "version": {strconv.FormatInt(m.Version, 10)},
			"from": {d.Today.VN()}})
	}
	d.ContactForm = f
	if len(crumbs) > 0 {
		crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Profile.Org.ID, 10) + "/members"
	}
	crumbs = append(crumbs, Crumb{Label: d.Profile.History.Member.FullName})
	s.render(w, r, status, "member_show", View{Title: d.Profile.History.Member.FullName, Nav: "members", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) memberContact(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	err := s.members.UpdateContact(r.Context(), c.Actor(), pathID(r, "id"), members.Contact{Phone: f.Get("phone"), Email: f.Get("email"), Address: f.Get("address"), Version: atoi64(f.Get("version"))})
	if err != nil {
		f.SetError(c, err)
		s.renderMemberShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/members/"+r.PathValue("id"))
}

func (s *Server) memberStateAdd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	fe := party.FieldErrors{}
	from, err := party.ParseVN(f.Get("from"))
	if err != nil {
		fe["from"] = err.(*party.Error).Msg
	}
	until, err := party.ParseVN(f.Get("until"))
	if err != nil {
		fe["until"] = err.(*party.Error).Msg
	}
	err = fe.Err()
	if err == nil {
		_, err = s.members.AddState(r.Context(), c.Actor(), party.DatedState{MemberID: pathID(r, "id"), Kind: party.StateKind(f.Get("kind")),
			From: from, Until: until, HostOrgID: atoi64(f.Get("host_org_id")), Reason: f.Get("reason")})
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMemberShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/members/"+r.PathValue("id"))
}

// belongs checks that a state or role id belongs to the member of the
// URL, so that an id from another member cannot ride on an allowed one.
func (s *Server) belongs(r *http.Request, table string, id, member int64) error {
	return s.db.View(r.Context(), func(tx *store.Tx) error {
		var n int
		if err := tx.QueryRow(r.Context(), `SELECT count(*) FROM `+table+` WHERE id = $1 AND member_id = $2`, id, member).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return party.NotFound("member.state_not_found")
		}
		return nil
	})
}

func (s *Server) memberStateEnd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.endDated(w, r, c, "member_states", "sid", s.members.EndState)
}

func (s *Server) memberRoleEnd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.endDated(w, r, c, "member_roles", "rid", s.members.EndRole)
}

// endDated closes a dated state or office of the member in the URL.
func (s *Server) endDated(w http.ResponseWriter, r *http.Request, c *Ctx, table, param string, end func(ctx context.Context, a store.Actor, id int64, until party.Date) error) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	id := pathID(r, param)
	if err := s.belongs(r, table, id, pathID(r, "id")); err != nil {
		s.fail(w, r, c, err)
		return
	}
	until, err := party.ParseVN(r.PostForm.Get("until"))
	if err == nil && until.IsZero() {
		until = s.orgs.Today()
	}
	if err == nil {
		err = end(r.Context(), c.Actor(), id, until)
	}
	if err != nil {
		f := NewForm(r.PostForm)
		f.SetError(c, err)
		s.renderMemberShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/members/"+r.PathValue("id"))
}

func (s *Server) memberRoleAdd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	from, err := party.ParseVN(f.Get("from"))
	if err == nil {
		_, err = s.members.AddRole(r.Context(), c.Actor(), pathID(r, "id"), party.CellRole(f.Get("role")), from)
	} else {
		err = fieldErr("from", err)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMemberShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/members/"+r.PathValue("id"))
}

// memberTransfer moves a member to another cell; the destination must be
// in the user's scope too.
func (s *Server) memberTransfer(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	to := atoi64(f.Get("to"))
	on, err := party.ParseVN(f.Get("on"))
	if err != nil {
		err = fieldErr("on", err)
	}
	if err == nil {
		err = s.db.View(r.Context(), func(tx *store.Tx) error {
			o, err := tx.Org(r.Context(), to)
			if err != nil {
				return err
			}
			if !auth.Can(c.P, auth.EditMember, auth.Target{OrgPath: o.Path}) {
				return party.Errorf(party.EForbidden, "auth.forbidden")
			}
			return nil
		})
	}
	if err == nil {
		if on.IsZero() {
			on = s.orgs.Today()
		}
		err = s.members.Transfer(r.Context(), c.Actor(), pathID(r, "id"), to, on)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMemberShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.member.transferred")
	redirect(w, r, "/members/"+r.PathValue("id"))
}
