package meetings

import (
	"context"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// MonthSlot is one month of a cell's calendar of obligations.
type MonthSlot struct {
	Period  party.Period
	Regular []store.Meeting // the regular meeting(s) counting for the month
	Others  []store.Meeting // extraordinary meetings of the month
	Status  party.RegularStatus
}

// QuarterSlot is one quarter's thematic obligation.
type QuarterSlot struct {
	Period   party.Period
	Thematic []store.Meeting
	Status   party.ThematicStatus
}

// Calendar is a cell's year: what is done, due and overdue.
type Calendar struct {
	Year     int
	Months   []MonthSlot
	Quarters []QuarterSlot
}

// held reports whether a meeting took place (attendance was taken).
func held(m store.Meeting) bool { return m.Status == party.DaHop || m.Status == party.DaKy }

// YearCalendar lays out a cell's obligations for a year: a regular meeting
// every month, a thematic one every quarter, judged by the core
// (party.RegularCompliance, party.ThematicCompliance) on today.
func (s *Service) YearCalendar(ctx context.Context, cell int64, year int) (Calendar, error) {
	today := s.today()
	cal := Calendar{Year: year}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var periods []party.Period
		for m := time.January; m <= time.December; m++ {
			periods = append(periods, party.MonthPeriod(year, m))
		}
		for q := 1; q <= 4; q++ {
			periods = append(periods, party.QuarterPeriod(year, q))
		}
		ms, err := tx.MeetingsForPeriods(ctx, cell, periods)
		if err != nil {
			return err
		}
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		for m := time.January; m <= time.December; m++ {
			slot := MonthSlot{Period: party.MonthPeriod(year, m)}
			var heldOn []party.Date
			for _, x := range ms {
				if x.Period != slot.Period {
					continue
				}
				rs, _ := party.RuleSetOn(sets, x.Date)
				regular, _ := party.CountsFor(rs, x.Kind, x.Combined)
				switch {
				case regular:
					slot.Regular = append(slot.Regular, x)
					if held(x) {
						heldOn = append(heldOn, x.Date)
					}
				case x.Kind == party.BatThuong:
					slot.Others = append(slot.Others, x)
				}
			}
			slot.Status = party.RegularCompliance(slot.Period, heldOn, today)
			cal.Months = append(cal.Months, slot)
		}
		for q := 1; q <= 4; q++ {
			slot := QuarterSlot{Period: party.QuarterPeriod(year, q)}
			n := 0
			for _, x := range ms {
				rs, _ := party.RuleSetOn(sets, x.Date)
				_, thematic := party.CountsFor(rs, x.Kind, x.Combined)
				q := x.Period
				if q.IsMonth() { // a combined session counts for its month's quarter
					q = q.QuarterOfMonth()
				}
				if !thematic || q != slot.Period {
					continue
				}
				slot.Thematic = append(slot.Thematic, x)
				if held(x) {
					n++
				}
			}
			slot.Status = party.ThematicCompliance(slot.Period, n, today)
			cal.Quarters = append(cal.Quarters, slot)
		}
		return nil
	})
	return cal, err
}
