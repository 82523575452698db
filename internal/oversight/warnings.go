package oversight

import (
	"context"
	"fmt"

	"chibo/internal/party"
	"chibo/internal/store"
)

// SendWarningReminders sends, inside tx, the reminders of the member and
// cell warnings of DOMAIN.md §9 for the cells under one committee, as of
// day today (party.MemberWarnings from the roll of the last 12 months,
// party.CellWarningsOn). A warning is reminded once a month while it
// lasts; within the month it escalates on the schedule from the day it
// was first reminded. Warnings for information only (a transfer ending)
// go to the secretary alone.
func (s *Service) SendWarningReminders(ctx context.Context, tx *store.Tx, parent int64, today party.Date) (Sent, error) {
	var out Sent
	sch, err := ScheduleOf(ctx, tx)
	if err != nil {
		return out, err
	}
	base, err := baseURL(ctx, tx)
	if err != nil {
		return out, err
	}
	sets, err := tx.RuleSets(ctx)
	if err != nil {
		return out, err
	}
	rs, _ := party.RuleSetOn(sets, today)
	cells, err := tx.CellsUnder(ctx, parent)
	if err != nil {
		return out, err
	}
	month := party.MonthOf(today)
	for _, cell := range cells {
		hs, err := tx.CellHistoriesOn(ctx, cell.ID, today)
		if err != nil {
			return out, err
		}
		var home []party.MemberHistory
		var ids []int64
		for _, h := range hs {
			if st := party.StateOn(h, today); st.Active && st.HomeOrgID == cell.ID {
				home = append(home, h)
				ids = append(ids, h.Member.ID)
			}
		}
		recs, err := tx.AttendanceRecords(ctx, ids, today.AddMonths(-12), today)
		if err != nil {
			return out, err
		}
		var subjects []subject
		for _, h := range home {
			for _, w := range party.MemberWarnings(h, recs[h.Member.ID], rs, today) {
				sub := subject{Key: fmt.Sprintf("warn:%d:%s:%s", h.Member.ID, w.Kind, month), Kind: KindWarning, Cell: cell, Period: month.String(),
					MemberID: h.Member.ID, MaxLevel: LevelCommittee, Msg: party.M("oversight.remind.warning", h.Member.FullName, cell.Name, w.Msg),
					Link: fmt.Sprintf("/members/%d", h.Member.ID)}
				if w.Severity == party.SeverityInfo {
					sub.MaxLevel = LevelSecretary
				}
				subjects = append(subjects, sub)
			}
		}
		for _, w := range party.CellWarningsOn(cell.ID, today, hs) {
			subjects = append(subjects, subject{Key: fmt.Sprintf("cell:%d:%s:%s", cell.ID, w.Msg.Key, month), Kind: KindCell, Cell: cell, Period: month.String(),
				MaxLevel: LevelCommittee, Msg: party.M("oversight.remind.cell", cell.Name, w.Msg), Link: fmt.Sprintf("/orgs/%d", cell.ID)})
		}
		for _, sub := range subjects {
			// The escalation runs from the day the warning was first
			// reminded this month (level 1 is due the day it appears).
			sub.Start = today.AddDays(-sch.Escalate[0])
			done, err := tx.RemindersOf(ctx, sub.Key)
			if err != nil {
				return out, err
			}
			levels := map[int]bool{}
			for _, r := range done {
				levels[r.Level] = true
				if r.Level == LevelSecretary {
					sub.Start = r.DueOn.AddDays(-sch.Escalate[0])
				}
			}
			sent, err := s.escalate(ctx, tx, sub, levels, sch, today, base)
			if err != nil {
				return out, err
			}
			out.add(sent)
		}
	}
	return out, nil
}
