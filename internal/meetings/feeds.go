package meetings

import (
	"context"
	"io"
	"slices"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/ical"
	"chibo/internal/party"
	"chibo/internal/store"
)

// FeedToken returns the secret calendar address token of a cell (member
// 0) or of a member, making one the first time.
func (s *Service) FeedToken(ctx context.Context, cell, member int64) (string, error) {
	var f store.Feed
	err := s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		secret, _ := auth.NewToken()
		var err error
		f, err = tx.FeedFor(ctx, cell, member, secret)
		return err
	})
	return f.Token, err
}

// RevokeFeed ends a feed address; the next request for one makes a new one.
func (s *Service) RevokeFeed(ctx context.Context, actor store.Actor, token string) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.RevokeFeed(ctx, token); err != nil {
			return err
		}
		return tx.Audit(ctx, "revoke", "ical_feed", 0, 0, nil, nil)
	})
}

// WriteFeed writes the iCalendar feed of a token: the meetings of the cell
// (or of the member's cells: home, and where registered temporarily) from
// three years back to eighteen months ahead. Changes show up on phones
// through each event's sequence, which follows the meeting's version.
func (s *Service) WriteFeed(ctx context.Context, token, baseURL string, w io.Writer) error {
	today := s.today()
	from, to := today.AddMonths(-36), today.AddMonths(18)
	var cal ical.Calendar
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		f, err := tx.FeedByToken(ctx, token)
		if err != nil {
			return err
		}
		cells := []int64{f.OrgID}
		if f.MemberID != 0 {
			hs, err := memberHistory(ctx, tx, f.MemberID)
			if err != nil {
				return err
			}
			st := party.StateOn(hs, today)
			cells = []int64{st.HomeOrgID}
			if st.TempOutTo != 0 {
				cells = append(cells, st.TempOutTo)
			}
			cal.Name = i18n.Msg(i18n.VI, party.M("meeting.feed_member", hs.Member.FullName))
		}
		for _, c := range cells {
			if c == 0 {
				continue
			}
			o, err := tx.Org(ctx, c)
			if err != nil {
				return err
			}
			if cal.Name == "" {
				cal.Name = o.Name
			}
			ms, err := tx.MeetingsOf(ctx, c, from, to)
			if err != nil {
				return err
			}
			for _, m := range ms {
				cal.Events = append(cal.Events, eventOf(m, o, baseURL))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return ical.Write(w, cal)
}

func memberHistory(ctx context.Context, tx *store.Tx, id int64) (party.MemberHistory, error) {
	m, err := tx.Member(ctx, id)
	if err != nil {
		return party.MemberHistory{}, err
	}
	hs, err := tx.Histories(ctx, []party.Member{m})
	if err != nil {
		return party.MemberHistory{}, err
	}
	return hs[0], nil
}

// UpcomingFor lists the next meetings of a member's cells (for their home).
func (s *Service) UpcomingFor(ctx context.Context, member int64, limit int) ([]store.Meeting, error) {
	today := s.today()
	var out []store.Meeting
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		h, err := memberHistory(ctx, tx, member)
		if err != nil {
			return err
		}
		st := party.StateOn(h, today)
		for _, c := range []int64{st.HomeOrgID, st.TempOutTo} {
			if c == 0 {
				continue
			}
			ms, err := tx.MeetingsOf(ctx, c, today, today.AddMonths(6))
			if err != nil {
				return err
			}
			out = append(out, ms...)
		}
		return nil
	})
	sortByStart(out)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, err
}

func sortByStart(ms []store.Meeting) {
	slices.SortFunc(ms, func(a, b store.Meeting) int { return a.StartsAt.Compare(b.StartsAt) })
}
