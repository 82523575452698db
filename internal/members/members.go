// Package members is the member register of a cell: adding and editing
// members, their dated states and offices, transfers, and the view of a
// cell's members on a given day.
package members

import (
	"context"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Service runs member use cases.
type Service struct {
	DB  *store.DB
	Now func() time.Time
}

func New(db *store.DB) *Service { return &Service{DB: db, Now: time.Now} }

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

var (
	cardRE  = regexp.MustCompile(`^\d{8}$`)
	phoneRE = regexp.MustCompile(`^\+?[0-9 .\-]{8,15}$`)
	idRE    = regexp.MustCompile(`^\d{9}$|^\d{12}$`)
)

// Normalize cleans a member's text fields at the boundary.
func Normalize(m *party.Member) {
	m.FullName = vntext.Clean(m.FullName)
	for _, p := range []*string{&m.Hometown, &m.Ethnicity, &m.Religion, &m.Address, &m.Occupation, &m.LeftReason} {
		*p = vntext.Clean(*p)
	}
	for _, p := range []*string{&m.IDNumber, &m.Phone, &m.Email, &m.CardNumber, &m.DossierNo} {
		*p = strings.TrimSpace(vntext.NFC(*p))
	}
	m.Note = strings.TrimSpace(vntext.NFC(m.Note))
}

// Validate checks a member's record on day today. The messages sit beside
// the fields of the form.
func Validate(m party.Member, today party.Date) party.FieldErrors {
	f := party.FieldErrors{}
	if m.FullName == "" {
		f.Add("full_name", "field.required")
	} else if len(strings.Fields(m.FullName)) < 2 {
		f.Add("full_name", "member.name_needs_two_words")
	}
	if m.Gender != "" && m.Gender != party.Nam && m.Gender != party.Nu {
		f.Add("gender", "member.gender_invalid")
	}
	if m.JoinedOn.IsZero() {
		f.Add("joined_on", "field.required")
	} else if m.JoinedOn.After(today) {
		f.Add("joined_on", "member.date_in_future")
	}
	if !m.BirthDate.IsZero() {
		if m.BirthDate.After(today) {
			f.Add("birth_date", "member.date_in_future")
		} else if !m.JoinedOn.IsZero() && m.JoinedOn.Before(m.BirthDate.AddMonths(18*12)) {
			// Party Charter, article 1: admitted from 18 years of age.
			f.Add("joined_on", "member.joined_under_18")
		}
	}
	if !m.OfficialOn.IsZero() {
		if !m.JoinedOn.IsZero() && m.OfficialOn.Before(m.JoinedOn) {
			f.Add("official_on", "member.official_before_joined")
		}
		if m.OfficialOn.After(today) {
			f.Add("official_on", "member.date_in_future")
		}
	}
	if m.CardNumber != "" && !cardRE.MatchString(m.CardNumber) {
		f.Add("card_number", "member.card_invalid", m.CardNumber)
	}
	if m.Phone != "" && !phoneRE.MatchString(m.Phone) {
		f.Add("phone", "member.phone_invalid")
	}
	if m.IDNumber != "" && !idRE.MatchString(m.IDNumber) {
		f.Add("id_number", "member.id_invalid")
	}
	if m.Email != "" {
		if a, err := mail.ParseAddress(m.Email); err != nil || a.Address != m.Email {
			f.Add("email", "member.email_invalid")
		}
	}
	if !m.LeftOn.IsZero() && !m.JoinedOn.IsZero() && m.LeftOn.Before(m.JoinedOn) {
		f.Add("left_on", "member.left_before_joined")
	}
	return f
}

// requireCell refuses organizations that are not cells: members are
// registered in cells, never in committees.
func requireCell(ctx context.Context, tx *store.Tx, org int64) (store.OrgRow, error) {
	o, err := tx.Org(ctx, org)
	if err != nil {
		return o, err
	}
	if !o.IsCell() {
		return o, &party.Error{Code: party.ERule, Msg: party.M("member.org_not_cell", o.Name), Fields: map[string]party.Msg{"org_id": party.M("member.org_not_cell", o.Name)}}
	}
	if !o.Dissolved.IsZero() {
		return o, party.RuleError("org.dissolved", o.Name, o.Dissolved)
	}
	return o, nil
}

// Add registers a new member in a cell.
func (s *Service) Add(ctx context.Context, actor store.Actor, m party.Member) (int64, error) {
	Normalize(&m)
	if err := Validate(m, s.today()).Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := requireCell(ctx, tx, m.OrgID); err != nil {
			return err
		}
		var err error
		if id, err = tx.InsertMember(ctx, m, party.Date{}); err != nil {
			return err
		}
		m.ID = id
		return tx.Audit(ctx, "create", "member", id, m.OrgID, nil, m)
	})
	return id, err
}

// Update saves a member's record; m.Version must be the version read.
func (s *Service) Update(ctx context.Context, actor store.Actor, m party.Member) error {
	Normalize(&m)
	if err := Validate(m, s.today()).Err(); err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		before, err := tx.Member(ctx, m.ID)
		if err != nil {
			return err
		}
		if err := tx.UpdateMember(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "member", m.ID, before.OrgID, before, m)
	})
}

// Contact is what members may change on their own record.
type Contact struct {
	Phone, Email, Address string
	Version               int64
}

// UpdateContact saves a member's own contact details.
func (s *Service) UpdateContact(ctx context.Context, actor store.Actor, id int64, c Contact) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return err
		}
		before := m
		m.Phone, m.Email, m.Address, m.Version = c.Phone, c.Email, c.Address, c.Version
		Normalize(&m)
		if err := Validate(m, s.today()).Err(); err != nil {
			return err
		}
		if err := tx.UpdateMember(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, "update_contact", "member", id, m.OrgID, before, m)
	})
}

// Transfer moves a member's registration to another cell from day on.
func (s *Service) Transfer(ctx context.Context, actor store.Actor, id, to int64, on party.Date) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return err
		}
		if _, err := requireCell(ctx, tx, to); err != nil {
			return err
		}
		if err := tx.MoveMember(ctx, id, to, on); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE member_roles SET until_date = $1 WHERE member_id = $2 AND org_id = $3 AND until_date IS NULL`, on.AddDays(-1), id, m.OrgID); err != nil {
			return err
		}
		return tx.Audit(ctx, "transfer", "member", id, m.OrgID, map[string]any{"org_id": m.OrgID}, map[string]any{"org_id": to, "on": on})
	})
}

// AddState records a dated state (exemption, temporary registration,
// suspension, detention).
func (s *Service) AddState(ctx context.Context, actor store.Actor, st party.DatedState) (int64, error) {
	st.Reason = vntext.Clean(st.Reason)
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, st.MemberID)
		if err != nil {
			return err
		}
		if err := st.Validate(m.OrgID).Err(); err != nil {
			return err
		}
		if st.Kind == party.TamThoi {
			if _, err := requireCell(ctx, tx, st.HostOrgID); err != nil {
				return err
			}
		}
		if id, err = tx.InsertState(ctx, st); err != nil {
			return err
		}
		st.ID = id
		return tx.Audit(ctx, "create", "member_state", id, m.OrgID, nil, st)
	})
	return id, err
}

// EndState closes a state on day until.
func (s *Service) EndState(ctx context.Context, actor store.Actor, id int64, until party.Date) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		st, err := tx.State(ctx, id)
		if err != nil {
			return err
		}
		if until.Before(st.From) {
			return party.RuleError("range.until_before_from")
		}
		if err := tx.EndState(ctx, id, until); err != nil {
			return err
		}
		after := st
		after.Until = until
		return tx.Audit(ctx, "end", "member_state", id, 0, st, after)
	})
}

// AddRole gives a member an office in their cell from day from.
func (s *Service) AddRole(ctx context.Context, actor store.Actor, memberID int64, role party.CellRole, from party.Date) (int64, error) {
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, memberID)
		if err != nil {
			return err
		}
		if !role.Valid() {
			return party.Invalid("member.role_invalid")
		}
		if from.IsZero() {
			f := party.FieldErrors{}
			f.Add("from", "field.required")
			return f.Err()
		}
		if role == party.BiThu || role == party.PhoBiThu {
			// One secretary and one deputy at a time: the previous holder's
			// term ends the day before.
			if _, err := tx.Exec(ctx, `UPDATE member_roles SET until_date = $1 WHERE org_id = $2 AND role = $3 AND until_date IS NULL AND member_id <> $4`,
				from.AddDays(-1), m.OrgID, role, memberID); err != nil {
				return err
			}
		}
		if id, err = tx.InsertRole(ctx, party.RoleSpan{MemberID: memberID, OrgID: m.OrgID, Role: role, From: from}); err != nil {
			return err
		}
		return tx.Audit(ctx, "create", "member_role", id, m.OrgID, nil, map[string]any{"member_id": memberID, "role": role, "from": from})
	})
	return id, err
}

// EndRole ends an office.
func (s *Service) EndRole(ctx context.Context, actor store.Actor, id int64, until party.Date) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.EndRole(ctx, id, until); err != nil {
			return err
		}
		return tx.Audit(ctx, "end", "member_role", id, 0, nil, map[string]any{"until": until})
	})
}

// Row is a member as a cell's list shows it: the record and its state on
// the day of the list.
type Row struct {
	party.Member
	State party.State
}

// CellList lists a cell's members on day d in Vietnamese name order, with
// each one's state that day (one domain function answers it: party.StateOn).
func (s *Service) CellList(ctx context.Context, cell int64, d party.Date) ([]Row, error) {
	var out []Row
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		ms, err := tx.MembersOf(ctx, cell, false)
		if err != nil {
			return err
		}
		hs, err := tx.Histories(ctx, ms)
		if err != nil {
			return err
		}
		for _, h := range hs {
			out = append(out, Row{Member: h.Member, State: party.StateOn(h, d)})
		}
		return nil
	})
	return out, err
}

// Profile is everything shown on a member's page.
type Profile struct {
	History party.MemberHistory
	State   party.State
	Org     store.OrgRow
}

// Profile loads a member's record and dated history, and the state on d.
func (s *Service) Profile(ctx context.Context, id int64, d party.Date) (Profile, error) {
	var p Profile
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return err
		}
		hs, err := tx.Histories(ctx, []party.Member{m})
		if err != nil {
			return err
		}
		p.History = hs[0]
		p.State = party.StateOn(hs[0], d)
		p.Org, err = tx.Org(ctx, m.OrgID)
		return err
	})
	return p, err
}
