package meetings

import (
	"context"
	"strconv"

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
	v.Participants, v.Entries, v.Attendance = AttendanceOf(v.Roll)
	v.Voting = party.Tally(v.RuleSet, v.Participants, v.Entries, v.Votes)
	if v.Votes != nil {
		v.Reserved = party.ReservedOpinions(*v.Votes)
	}
	v.Content = ContentOf(v.Meeting, v.Minutes.Content, v.Attendance, v.Votes != nil)
	v.Complete, v.Missing = party.Completeness(v.Meeting.Kind, v.Content)
	v.Checklist = v.Meeting.Prep.Checklist(v.Meeting.Kind)
}

// AttendanceOf rebuilds the participants and entries of a stored roll and
// counts them with the core. Summaries computed in bulk use it too, so
// that they agree with what a meeting's page shows.
func AttendanceOf(roll []store.RollRow) ([]party.Participant, map[int64]party.Entry, party.Attendance) {
	ps := make([]party.Participant, len(roll))
	entries := make(map[int64]party.Entry, len(roll))
	for i, r := range roll {
		ps[i] = r.Participant()
		if r.Status != "" || r.DuesPaid {
			entries[r.MemberID] = r.Entry()
		}
	}
	return ps, entries, party.CountAttendance(ps, entries)
}

// ContentOf is the minutes as the completeness check reads them: what was
// written, plus whether attendance was taken and a vote recorded.
func ContentOf(m store.Meeting, c party.MinutesContent, a party.Attendance, voted bool) party.MinutesContent {
	c.AttendanceTaken = !m.HeldAt.IsZero() && a.Present+a.Absent > 0
	c.VoteRecorded = voted
	if m.Kind == party.ChuyenDe && c.Topic == "" {
		c.Topic = m.Topic
	}
	return c
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

// LoadTx is Load inside the caller's transaction (for features that build
// on a meeting's figures: evaluation, summaries). After a write, the hooks
// get the view the write computed, not a new read.
func (s *Service) LoadTx(ctx context.Context, tx *store.Tx, id int64) (View, error) {
	if v, ok := tx.Memo[memoKey(id)].(View); ok {
		return v, nil
	}
	return load(ctx, tx, id, false)
}

// Remember marks v as the current view of its meeting for the rest of the
// transaction: a write that does not change what the view shows (an
// evaluation) spares its hooks a second load.
func Remember(tx *store.Tx, v View) { tx.Memo[memoKey(v.Meeting.ID)] = v }

func memoKey(id int64) string { return "meetings.view:" + strconv.FormatInt(id, 10) }
