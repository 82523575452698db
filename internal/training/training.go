// Package training is the training (bồi dưỡng) of cell secretaries and
// committee members (DOMAIN.md §10): courses organized by committees,
// enrolment, attendance, results and certificates, each member's training
// history, who among the current officers is still untrained, and the
// indicator "share of secretaries trained" for the oversight plans.
package training

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Target roles of a course: the offices it trains for, and new members.
var TargetRoles = []string{
	string(party.BiThu),     // bí thư
	string(party.PhoBiThu),  // phó bí thư
	string(party.ChiUyVien), // cấp ủy viên
	"dang_vien_moi",         // đảng viên mới
}

// OfficerRoles are the offices whose holders should be trained: the
// secretary, the deputy and the committee members of a cell.
var OfficerRoles = []string{string(party.BiThu), string(party.PhoBiThu), string(party.ChiUyVien)}

// Results of a participant.
const (
	Dat      = "dat"       // đạt: passed
	KhongDat = "khong_dat" // không đạt: attended, not passed
	Vang     = "vang"      // vắng: absent
)

// Results lists the result codes.
var Results = []string{Dat, KhongDat, Vang}

func validResult(r string) bool {
	for _, x := range Results {
		if r == x {
			return true
		}
	}
	return false
}

// Service runs the training use cases.
type Service struct {
	DB  *store.DB
	Now func() time.Time
}

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// Input is what creating or editing a course needs.
type Input struct {
	OrganizerID int64
	Title       string
	StartsOn    party.Date
	EndsOn      party.Date
	Place       string
	Outline     string
	TargetRoles []string
	Capacity    int
	Version     int64
}

func (in *Input) normalize() {
	in.Title = vntext.Clean(in.Title)
	in.Place = vntext.Clean(in.Place)
	in.Outline = strings.TrimSpace(vntext.NFC(in.Outline))
	var roles []string
	for _, r := range TargetRoles { // the canonical order, once each
		for _, x := range in.TargetRoles {
			if strings.TrimSpace(x) == r {
				roles = append(roles, r)
				break
			}
		}
	}
	for _, x := range in.TargetRoles {
		if x = strings.TrimSpace(x); x != "" && !contains(TargetRoles, x) {
			roles = append(roles, x) // reported by validate
		}
	}
	in.TargetRoles = roles
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validate checks a course: a title, dates with the end not before the
// start ("a course ending before it starts" is refused), a capacity that
// is not negative, known target roles.
func (in Input) validate() party.FieldErrors {
	f := party.FieldErrors{}
	switch {
	case in.Title == "":
		f.Add("title", "field.required")
	case utf8.RuneCountInString(in.Title) > 300:
		f.Add("title", "training.title_too_long", 300)
	}
	if in.StartsOn.IsZero() {
		f.Add("starts_on", "field.required")
	}
	if in.EndsOn.IsZero() {
		f.Add("ends_on", "field.required")
	}
	if !in.StartsOn.IsZero() && !in.EndsOn.IsZero() && in.EndsOn.Before(in.StartsOn) {
		f.Add("ends_on", "training.ends_before_start", in.EndsOn, in.StartsOn)
	}
	if in.Capacity < 0 {
		f.Add("capacity", "training.capacity_negative")
	}
	for _, r := range in.TargetRoles {
		if !contains(TargetRoles, r) {
			f.Add("target_roles", "training.role_invalid", r)
		}
	}
	return f
}

// Create records a course organized by in.OrganizerID.
func (s *Service) Create(ctx context.Context, actor store.Actor, in Input) (int64, error) {
	in.normalize()
	if err := in.validate().Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, in.OrganizerID)
		if err != nil {
			if party.ErrorCode(err) == party.ENotFound {
				f := party.FieldErrors{}
				f.Add("organizer_id", "training.organizer_not_found")
				return f.Err()
			}
			return err
		}
		if !o.Dissolved.IsZero() {
			return party.RuleError("org.dissolved", o.Name, o.Dissolved)
		}
		c := store.Course{OrganizerID: o.ID, Title: in.Title, StartsOn: in.StartsOn, EndsOn: in.EndsOn, Place: in.Place,
			Outline: in.Outline, TargetRoles: in.TargetRoles, Capacity: in.Capacity}
		if id, err = tx.InsertCourse(ctx, c); err != nil {
			return err
		}
		c.ID = id
		return tx.Audit(ctx, "create", "course", id, o.ID, nil, c)
	})
	return id, err
}

// Update edits a course (not its organizer); the capacity cannot fall
// below the participants already enrolled.
func (s *Service) Update(ctx context.Context, actor store.Actor, id int64, in Input) error {
	in.normalize()
	if err := in.validate().Err(); err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		before, err := tx.Course(ctx, id, true)
		if err != nil {
			return err
		}
		if in.Capacity > 0 && in.Capacity < before.Participants {
			f := party.FieldErrors{}
			f.Add("capacity", "training.capacity_below_enrolled", in.Capacity, before.Participants)
			return f.Err()
		}
		c := before
		c.Title, c.StartsOn, c.EndsOn, c.Place, c.Outline, c.TargetRoles, c.Capacity, c.Version =
			in.Title, in.StartsOn, in.EndsOn, in.Place, in.Outline, in.TargetRoles, in.Capacity, in.Version
		if err := tx.UpdateCourse(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "course", id, c.OrganizerID, before, c)
	})
}

// Get reads a course with its participants.
func (s *Service) Get(ctx context.Context, id int64) (store.Course, []store.Participant, error) {
	var c store.Course
	var ps []store.Participant
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if c, err = tx.Course(ctx, id, false); err != nil {
			return err
		}
		ps, err = tx.Participants(ctx, id)
		return err
	})
	return c, ps, err
}

// Entry is one participant's line: who, and (once the course has begun)
// the result and the certificate number.
type Entry struct {
	MemberID    int64
	Result      string // "", dat, khong_dat, vang
	Certificate string
	Remove      bool // take the member off the course
}

// SetParticipants enrols members and records their results, all entries
// or none. Entries not named are kept. Refused: a result code that does
// not exist, a certificate without a pass, a member outside the
// organizer's subtree, a result before the course begins, more
// participants than the capacity.
func (s *Service) SetParticipants(ctx context.Context, actor store.Actor, id int64, entries []Entry) error {
	f := party.FieldErrors{}
	seen := map[int64]bool{}
	for i := range entries {
		e := &entries[i]
		key := "entries." + strconv.Itoa(i)
		e.Result = strings.TrimSpace(e.Result)
		e.Certificate = vntext.Clean(e.Certificate)
		switch {
		case e.MemberID <= 0:
			f.Add(key+".member_id", "training.member_required")
		case seen[e.MemberID]:
			f.Add(key+".member_id", "training.member_twice")
		}
		seen[e.MemberID] = true
		if e.Result != "" && !validResult(e.Result) {
			f.Add(key+".result", "training.result_invalid", e.Result)
		}
		if e.Certificate != "" && e.Result != Dat {
			f.Add(key+".certificate", "training.certificate_needs_pass")
		}
		if utf8.RuneCountInString(e.Certificate) > 60 {
			f.Add(key+".certificate", "training.certificate_too_long", 60)
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	today := s.today()
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		c, err := tx.Course(ctx, id, true)
		if err != nil {
			return err
		}
		before, err := tx.Participants(ctx, id)
		if err != nil {
			return err
		}
		enrolled := map[int64]bool{}
		for _, p := range before {
			enrolled[p.MemberID] = true
		}
		for i, e := range entries {
			key := "entries." + strconv.Itoa(i)
			if e.Remove {
				if err := tx.RemoveParticipant(ctx, id, e.MemberID); err != nil {
					return err
				}
				delete(enrolled, e.MemberID)
				continue
			}
			m, err := tx.Member(ctx, e.MemberID)
			if err != nil {
				if party.ErrorCode(err) == party.ENotFound {
					f.Add(key+".member_id", "training.member_not_found", strconv.FormatInt(e.MemberID, 10))
					return f.Err()
				}
				return err
			}
			home, err := tx.Org(ctx, m.OrgID)
			if err != nil {
				return err
			}
			if !strings.HasPrefix(home.Path, c.OrganizerPath) {
				return party.RuleError("training.member_outside", m.FullName, home.Name, c.OrganizerName)
			}
			if e.Result != "" && today.Before(c.StartsOn) {
				return party.RuleError("training.result_before_start", m.FullName, c.StartsOn)
			}
			p := store.Participant{CourseID: id, MemberID: m.ID, Result: e.Result, Certificate: e.Certificate,
				Attended: e.Result == Dat || e.Result == KhongDat}
			if err := tx.PutParticipant(ctx, p); err != nil {
				return err
			}
			enrolled[m.ID] = true
		}
		if c.Capacity > 0 && len(enrolled) > c.Capacity {
			return party.RuleError("training.capacity_exceeded", c.Capacity, len(enrolled)-c.Capacity)
		}
		after, err := tx.Participants(ctx, id)
		if err != nil {
			return err
		}
		return tx.Audit(ctx, "participants", "course", id, c.OrganizerID, before, after)
	})
}

// History lists a member's courses, the latest first (the member's
// profile shows it).
func (s *Service) History(ctx context.Context, member int64) ([]store.TrainingRecord, error) {
	var out []store.TrainingRecord
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.TrainingHistory(ctx, member)
		return err
	})
	return out, err
}
