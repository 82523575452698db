package web

import (
	"net/http"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// apiMember is a member in the API. Personal fields are left out for
// callers who may not see them.
type apiMember struct {
	ID         int64      `json:"id"`
	OrgID      int64      `json:"org_id"`
	FullName   string     `json:"full_name"`
	Gender     string     `json:"gender"`
	BirthDate  party.Date `json:"birth_date"`
	Status     string     `json:"status"`
	JoinedOn   party.Date `json:"joined_on"`
	OfficialOn party.Date `json:"official_on"`
	CardNumber string     `json:"card_number"`
	DossierNo  string     `json:"dossier_no,omitempty"`
	Hometown   string     `json:"hometown,omitempty"`
	Ethnicity  string     `json:"ethnicity,omitempty"`
	Religion   string     `json:"religion,omitempty"`
	IDNumber   string     `json:"id_number,omitempty"`
	Phone      string     `json:"phone,omitempty"`
	Email      string     `json:"email,omitempty"`
	Address    string     `json:"address,omitempty"`
	Occupation string     `json:"occupation,omitempty"`
	Note       string     `json:"note,omitempty"`
	LeftOn     party.Date `json:"left_on"`
	Version    int64      `json:"version"`
}

func toAPIMember(m party.Member, today party.Date, personal bool) apiMember {
	a := apiMember{ID: m.ID, OrgID: m.OrgID, FullName: m.FullName, Gender: string(m.Gender), Status: string(m.StatusOn(today)),
		JoinedOn: m.JoinedOn, OfficialOn: m.OfficialOn, CardNumber: m.CardNumber, DossierNo: m.DossierNo, Occupation: m.Occupation,
		Note: m.Note, LeftOn: m.LeftOn, Version: m.Version}
	if personal {
		a.BirthDate, a.Hometown, a.Ethnicity, a.Religion = m.BirthDate, m.Hometown, m.Ethnicity, m.Religion
		a.IDNumber, a.Phone, a.Email, a.Address = m.IDNumber, m.Phone, m.Email, m.Address
	}
	return a
}

func (a apiMember) toMember() party.Member {
	return party.Member{ID: a.ID, OrgID: a.OrgID, FullName: a.FullName, Gender: party.Gender(a.Gender), BirthDate: a.BirthDate,
		Hometown: a.Hometown, Ethnicity: a.Ethnicity, Religion: a.Religion, IDNumber: a.IDNumber, Phone: a.Phone, Email: a.Email,
		Address: a.Address, CardNumber: a.CardNumber, DossierNo: a.DossierNo, JoinedOn: a.JoinedOn, OfficialOn: a.OfficialOn,
		Occupation: a.Occupation, Note: a.Note, LeftOn: a.LeftOn, Version: a.Version}
}

// apiMemberList pages through the members under ?org= in Vietnamese name
// order; ?q= filters by name, diacritics optional.
func (s *Server) apiMemberList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	if c.P.Role == auth.RoleMember && r.URL.Query().Get("org") == "" {
		s.fail(w, r, c, party.Errorf(party.EForbidden, "auth.forbidden"))
		return
	}
	var pg store.MemberPage
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		pg, err = tx.MembersUnder(ctx, c.Target.OrgPath, r.URL.Query().Get("q"), r.URL.Query().Get("cursor"), limitParam(r))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	today := s.orgs.Today()
	personal := auth.Can(c.P, auth.ViewPersonal, c.Target)
	out := page[apiMember]{Items: []apiMember{}, NextCursor: pg.Next}
	for _, m := range pg.Members {
		out.Items = append(out.Items, toAPIMember(m, today, personal))
	}
	if personal && len(pg.Members) > 0 {
		s.logPersonalView(r, c, 0, "list")
	}
	writeJSON(w, http.StatusOK, out)
}

// logPersonalView writes a showing of members' personal data to the
// audit log (issue 7: "each view of it is logged").
func (s *Server) logPersonalView(r *http.Request, c *Ctx, member int64, what string) {
	_ = s.db.Update(r.Context(), c.Actor(), func(tx *store.Tx) error {
		return tx.Audit(r.Context(), "view_personal", "member", member, 0, nil, map[string]string{"what": what, "path": r.URL.Path})
	})
}

func (s *Server) apiMemberGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
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
	personal := auth.Can(c.P, auth.ViewPersonal, c.Target)
	if personal {
		s.logPersonalView(r, c, m.ID, "member")
	}
	writeJSON(w, http.StatusOK, toAPIMember(m, s.orgs.Today(), personal))
}

func (s *Server) apiMemberCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiMember
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.members.Add(r.Context(), c.Actor(), in.toMember())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeMember(w, r, c, http.StatusCreated, id)
}

func (s *Server) writeMember(w http.ResponseWriter, r *http.Request, c *Ctx, status int, id int64) {
	var m party.Member
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(r.Context(), id)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, status, toAPIMember(m, s.orgs.Today(), true))
}

func (s *Server) apiMemberUpdate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiMember
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	in.ID = pathID(r, "id")
	if err := s.members.Update(r.Context(), c.Actor(), in.toMember()); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeMember(w, r, c, http.StatusOK, in.ID)
}

// apiState answers "what was this member's state on date D" (?on=, today
// when absent), from the one domain function party.StateOn.
func (s *Server) apiMemberState(w http.ResponseWriter, r *http.Request, c *Ctx) {
	d := s.orgs.Today()
	if v := r.URL.Query().Get("on"); v != "" {
		var err error
		if d, err = party.ParseISO(v); err != nil {
			s.fail(w, r, c, err)
			return
		}
	}
	p, err := s.members.Profile(r.Context(), pathID(r, "id"), d)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	st := p.State
	roles := []string{}
	for _, x := range st.Roles {
		roles = append(roles, string(x))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"date": st.Date, "active": st.Active, "home_org_id": st.HomeOrgID, "status": st.Status, "exempt": st.Exempt,
		"temp_out_to": st.TempOutTo, "suspended": st.Suspended, "detained": st.Detained, "derived": string(st.Derived()), "roles": roles,
	})
}

type apiStateIn struct {
	Kind      string     `json:"kind"`
	From      party.Date `json:"from"`
	Until     party.Date `json:"until"`
	HostOrgID int64      `json:"host_org_id"`
	Reason    string     `json:"reason"`
}

func (s *Server) apiMemberStateAdd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiStateIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.members.AddState(r.Context(), c.Actor(), party.DatedState{MemberID: pathID(r, "id"), Kind: party.StateKind(in.Kind),
		From: in.From, Until: in.Until, HostOrgID: in.HostOrgID, Reason: in.Reason})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "kind": in.Kind, "from": in.From, "until": in.Until, "host_org_id": in.HostOrgID})
}

func (s *Server) apiMemberRoleAdd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Role string     `json:"role"`
		From party.Date `json:"from"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.members.AddRole(r.Context(), c.Actor(), pathID(r, "id"), party.CellRole(in.Role), in.From)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "role": in.Role, "from": in.From})
}
