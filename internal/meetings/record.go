package meetings

import (
	"context"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// write runs fn on a locked, unsigned meeting and then the hooks. It is
// the one door of every change to a meeting's record: signed minutes
// refuse every change (409).
func (s *Service) write(ctx context.Context, actor store.Actor, id int64, fn func(tx *store.Tx, v *View) error) (View, error) {
	var out View
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		v, err := load(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if v.Locked() {
			return party.Errorf(party.ELocked, "meeting.locked")
		}
		before := v.Meeting
		if err := fn(tx, &v); err != nil {
			return err
		}
		if out, err = load(ctx, tx, id, false); err != nil {
			return err
		}
		tx.Memo[memoKey(id)] = out
		return s.after(ctx, tx, before, out.Meeting)
	})
	return out, err
}

// SaveAttendance records attendance for the members listed (others keep
// what they had). The roll is drawn from the members' states on the
// meeting's date; a meeting in the future cannot be held yet; someone not
// summoned, a state that is derived and not chosen, or an excused absence
// without a reason is refused by the core (party.ValidateAttendance).
func (s *Service) SaveAttendance(ctx context.Context, actor store.Actor, id int64, entries []party.Entry) (View, error) {
	return s.write(ctx, actor, id, func(tx *store.Tx, v *View) error {
		if v.Meeting.Date.After(s.today()) {
			return party.RuleError("meeting.not_yet", v.Meeting.Date)
		}
		keep := map[int64]store.RollRow{}
		if !v.RollDraw {
			for _, r := range v.Roll {
				keep[r.MemberID] = r
			}
		}
		roll, err := drawRoll(ctx, tx, v.Meeting, keep)
		if err != nil {
			return err
		}
		ps := make([]party.Participant, len(roll))
		for i, r := range roll {
			ps[i] = r.Participant()
		}
		for i := range entries {
			entries[i].Reason = vntext.Clean(entries[i].Reason)
		}
		if err := party.ValidateAttendance(ps, entries); err != nil {
			return err
		}
		byID := party.EntryMap(entries)
		for i, r := range roll {
			if e, ok := byID[r.MemberID]; ok {
				roll[i].Status, roll[i].Reason, roll[i].DuesPaid = e.Status, e.Reason, e.DuesPaid
				if e.Status != party.VangCoLyDo {
					roll[i].Reason = ""
				}
			}
		}
		// A vote already recorded must still fit the voters present.
		if v.Votes != nil {
			next := make(map[int64]party.Entry, len(roll))
			for _, r := range roll {
				if r.Status != "" {
					next[r.MemberID] = r.Entry()
				}
			}
			if err := party.ValidateVotes(v.RuleSet, ps, next, *v.Votes); err != nil {
				return party.RuleError("meeting.attendance_breaks_vote", errMsg(err))
			}
		}
		stored := v.Roll
		if v.RollDraw {
			stored = nil
		}
		if err := tx.ReplaceRoll(ctx, id, stored, roll); err != nil {
			return err
		}
		m := v.Meeting
		if m.HeldAt.IsZero() {
			m.HeldAt = tx.Now
		}
		if m.Status == party.DuKien || m.Status == party.DaThongBao {
			m.Status = party.DaHop
		}
		if _, err := tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, "attendance", "meeting", id, m.OrgID, nil, entries)
	})
}

func errMsg(err error) party.Msg {
	if e, ok := party.AsError(err); ok {
		return e.Msg
	}
	return party.M("web.internal_error")
}

// SaveVotes records the vote on the resolution, as counts or per member.
// The core refuses more votes than eligible voters present and any vote
// of a probationary member, saying why.
func (s *Service) SaveVotes(ctx context.Context, actor store.Actor, id int64, votes party.Votes) (View, error) {
	return s.write(ctx, actor, id, func(tx *store.Tx, v *View) error {
		if v.Meeting.HeldAt.IsZero() || v.RollDraw {
			return party.RuleError("meeting.vote_needs_attendance")
		}
		for i := range votes.Ballots {
			votes.Ballots[i].Reserved = strings.TrimSpace(vntext.NFC(votes.Ballots[i].Reserved))
		}
		if err := party.ValidateVotes(v.RuleSet, v.Participants, v.Entries, votes); err != nil {
			return err
		}
		if err := tx.PutVotes(ctx, id, votes); err != nil {
			return err
		}
		return tx.Audit(ctx, "votes", "meeting", id, v.Meeting.OrgID, v.Votes, votes)
	})
}

// SaveMinutes saves the minutes if version is the version the editor
// started from (0 for the first save). A stale version is a conflict: the
// caller keeps the user's text and shows the newer version. The core
// checks that the meeting does not end before it starts.
func (s *Service) SaveMinutes(ctx context.Context, actor store.Actor, id int64, c party.MinutesContent, number string, version int64) (View, error) {
	normalizeMinutes(&c)
	if err := party.ValidateTimes(c.StartedAt, c.EndedAt); err != nil {
		return View{}, err
	}
	return s.write(ctx, actor, id, func(tx *store.Tx, v *View) error {
		if !c.StartedAt.IsZero() {
			if d := party.DateOf(c.StartedAt); d != v.Meeting.Date {
				f := party.FieldErrors{}
				f.Add("started_at", "meeting.start_not_on_date", v.Meeting.Date)
				return f.Err()
			}
		}
		if _, err := tx.PutMinutes(ctx, id, store.MinutesRecord{Content: c, Number: vntext.Clean(number)}, BodyText(c), version); err != nil {
			return err
		}
		return tx.Audit(ctx, "minutes", "meeting", id, v.Meeting.OrgID, nil, map[string]any{"version": version + 1})
	})
}

// normalizeMinutes cleans every text of the minutes (NFC, trimmed).
func normalizeMinutes(c *party.MinutesContent) {
	for _, p := range []*string{&c.Place, &c.Chair, &c.MinuteTaker, &c.Topic, &c.LeadPaperBy} {
		*p = vntext.Clean(*p)
	}
	for _, p := range []*string{&c.Conclusion, &c.Resolution} {
		*p = strings.TrimSpace(vntext.NFC(*p))
	}
	guests := c.Guests[:0]
	for _, g := range c.Guests {
		if g = vntext.Clean(g); g != "" {
			guests = append(guests, g)
		}
	}
	c.Guests = guests
	for i := range c.Items {
		it := &c.Items[i]
		it.Title, it.Presenter = vntext.Clean(it.Title), vntext.Clean(it.Presenter)
		it.Text, it.Conclusion = strings.TrimSpace(vntext.NFC(it.Text)), strings.TrimSpace(vntext.NFC(it.Conclusion))
		it.Speeches = cleanSpeeches(it.Speeches)
	}
	c.Discussion = cleanSpeeches(c.Discussion)
	if !c.SelfRating.Valid() {
		c.SelfRating = ""
	}
}

func cleanSpeeches(ss []party.Speech) []party.Speech {
	out := ss[:0]
	for _, s := range ss {
		s.Speaker, s.Text = vntext.Clean(s.Speaker), strings.TrimSpace(vntext.NFC(s.Text))
		if s.Speaker != "" || s.Text != "" {
			out = append(out, s)
		}
	}
	return out
}

// BodyText is the plain text of the minutes, for search and for comparing
// minutes with one another.
func BodyText(c party.MinutesContent) string {
	var b strings.Builder
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	add(c.Topic)
	for _, it := range c.Items {
		add(it.Title)
		add(it.Text)
		for _, s := range it.Speeches {
			add(s.Speaker + ": " + s.Text)
		}
		add(it.Conclusion)
	}
	for _, s := range c.Discussion {
		add(s.Speaker + ": " + s.Text)
	}
	add(c.Conclusion)
	add(c.Resolution)
	return b.String()
}

// Lock signs the minutes: the chair and the minute-taker confirm, the core
// finds nothing missing, and the record locks. From then on it only gains
// amendments.
func (s *Service) Lock(ctx context.Context, actor store.Actor, id int64, chairConfirms, takerConfirms bool) (View, error) {
	var out View
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		v, err := load(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if v.Locked() {
			return party.Errorf(party.ELocked, "meeting.locked")
		}
		f := party.FieldErrors{}
		if !chairConfirms {
			f.Add("chair_confirms", "meeting.sign_chair")
		}
		if !takerConfirms {
			f.Add("taker_confirms", "meeting.sign_taker")
		}
		if err := f.Err(); err != nil {
			return err
		}
		if !v.Complete {
			return party.RuleError("meeting.incomplete", party.MsgList(v.Missing))
		}
		if v.Votes != nil {
			if err := party.ValidateVotes(v.RuleSet, v.Participants, v.Entries, *v.Votes); err != nil {
				return err
			}
		}
		m := v.Meeting
		m.Status, m.LockedAt, m.LockedBy = party.DaKy, tx.Now, actor.Username
		if _, err := tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		if err := tx.Audit(ctx, "lock", "meeting", id, m.OrgID, nil, map[string]any{"chair": v.Content.Chair, "minute_taker": v.Content.MinuteTaker}); err != nil {
			return err
		}
		if out, err = load(ctx, tx, id, false); err != nil {
			return err
		}
		tx.Memo[memoKey(id)] = out
		return s.after(ctx, tx, v.Meeting, out.Meeting)
	})
	return out, err
}

// Amend adds a correction to signed minutes, with its author, time and
// reason; the original stays as it was.
func (s *Service) Amend(ctx context.Context, actor store.Actor, id int64, reason, text string) (store.Amendment, error) {
	a := store.Amendment{Author: actor.Username, Reason: vntext.Clean(reason), Text: strings.TrimSpace(vntext.NFC(text))}
	f := party.FieldErrors{}
	if a.Reason == "" {
		f.Add("reason", "field.required")
	}
	if a.Text == "" {
		f.Add("text", "field.required")
	}
	if err := f.Err(); err != nil {
		return a, err
	}
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Meeting(ctx, id, true)
		if err != nil {
			return err
		}
		if !m.Status.Locked() {
			return party.RuleError("meeting.amend_unsigned")
		}
		if a.ID, err = tx.InsertAmendment(ctx, id, a); err != nil {
			return err
		}
		a.At = tx.Now
		if err := tx.Audit(ctx, "amend", "meeting", id, m.OrgID, nil, a); err != nil {
			return err
		}
		return s.after(ctx, tx, m, m)
	})
	return a, err
}
