package meetings

import (
	"context"

	"chibo/internal/party"
	"chibo/internal/store"
)

// View is a meeting with every figure the core computes about it: what
// each screen, export and API answer shows.
type View struct {
	Meeting  store.Meeting
	Org      store.OrgRow
	RuleSet  party.RuleSet
	Roll     []store.RollRow // the roll: stored once attendance is taken, else drawn from the members on the date
	RollDraw bool            // the roll is drawn, not stored yet

	Participants []party.Participant
	Entries      map[int64]party.Entry
	Attendance   party.Attendance
	Votes        *party.Votes
	Voting       party.Voting
	Reserved     []party.Ballot

	Minutes    store.MinutesRecord
	HasMinutes bool
	Content    party.MinutesContent // the minutes with what the core needs filled in
	Complete   bool
	Missing    []party.Msg

	Checklist  []party.PrepStep
	Amendments []store.Amendment
}

// Locked reports whether the minutes are signed.
func (v View) Locked() bool { return v.Meeting.Status.Locked() }

// Held reports whether attendance was taken.
func (v View) Held() bool { return !v.Meeting.HeldAt.IsZero() }

// Load reads a meeting and computes its figures.
func (s *Service) Load(ctx context.Context, id int64) (View, error) {
	var v View
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		v, err = load(ctx, tx, id, false)
		return err
	})
	return v, err
}

// load reads everything about a meeting inside a transaction.
func load(ctx context.Context, tx *store.Tx, id int64, lock bool) (View, error) {
	var v View
	var err error
	if v.Meeting, err = tx.Meeting(ctx, id, lock); err != nil {
		return v, err
	}
	if v.Org, err = tx.Org(ctx, v.Meeting.OrgID); err != nil {
		return v, err
	}
	if v.RuleSet, err = ruleSet(ctx, tx, v.Meeting.RuleSet, v.Meeting.Date); err != nil {
		return v, err
	}
	if v.Roll, err = tx.Roll(ctx, id); err != nil {
		return v, err
	}
	if len(v.Roll) == 0 {
		if v.Roll, err = drawRoll(ctx, tx, v.Meeting, nil); err != nil {
			return v, err
		}
		v.RollDraw = true
	}
	if rec, ok, err := tx.Votes(ctx, id); err != nil {
		return v, err
	} else if ok {
		vs := rec.Votes
		v.Votes = &vs
	}
	if v.Minutes, v.HasMinutes, err = tx.Minutes(ctx, id); err != nil {
		return v, err
	}
	if v.Amendments, err = tx.Amendments(ctx, id); err != nil {
		return v, err
	}
	v.compute()
	return v, nil
}

// compute fills the figures from the data, all by the domain core.
func (v *View) compute() {
	v.Participants = make([]party.Participant, len(v.Roll))
	v.Entries = make(map[int64]party.Entry, len(v.Roll))
	for i, r := range v.Roll {
		v.Participants[i] = r.Participant()
		if r.Status != "" || r.DuesPaid {
			v.Entries[r.MemberID] = r.Entry()
		}
	}
	v.Attendance = party.CountAttendance(v.Participants, v.Entries)
	v.Voting = party.Tally(v.RuleSet, v.Participants, v.Entries, v.Votes)
	if v.Votes != nil {
		v.Reserved = party.ReservedOpinions(*v.Votes)
	}
	v.Content = v.Minutes.Content
	v.Content.AttendanceTaken = !v.Meeting.HeldAt.IsZero() && v.Attendance.Present+v.Attendance.Absent > 0
	v.Content.VoteRecorded = v.Votes != nil
	if v.Meeting.Kind == party.ChuyenDe && v.Content.Topic == "" {
		v.Content.Topic = v.Meeting.Topic
	}
	v.Complete, v.Missing = party.Completeness(v.Meeting.Kind, v.Content)
	v.Checklist = v.Meeting.Prep.Checklist(v.Meeting.Kind)
}

// drawRoll draws the roll of a meeting from the members' states on its
// date (party.Summoned), keeping what was already recorded for each member.
func drawRoll(ctx context.Context, tx *store.Tx, m store.Meeting, keep map[int64]store.RollRow) ([]store.RollRow, error) {
	hs, err := tx.CellHistoriesOn(ctx, m.OrgID, m.Date)
	if err != nil {
		return nil, err
	}
	ps := party.Summoned(m.OrgID, m.Date, hs)
	out := make([]store.RollRow, len(ps))
	for i, p := range ps {
		r := store.RollRow{MemberID: p.MemberID, Position: i + 1, FullName: p.FullName, Full: p.State.Status == party.ChinhThuc,
			Derived: p.Standing(), TempIn: p.TempIn, Editable: p.Editable}
		if old, ok := keep[p.MemberID]; ok {
			r.Status, r.Reason, r.DuesPaid = old.Status, old.Reason, old.DuesPaid
		}
		out[i] = r
	}
	return out, nil
}
