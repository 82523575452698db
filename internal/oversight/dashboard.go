package oversight

import (
	"context"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Overview is the board's view of an organization for a range of months
// (UX.md, "the board's view"): compliance by month and quarter,
// attendance, grades, formalism flags, completeness and signing of
// minutes, rolled up from the kept figures, with the organizations under
// it for the drill-down and the cells needing action.
type Overview struct {
	Org   store.OrgRow
	Asked Range // the range asked for
	Range Range // cut at the current month
	Empty bool  // the range lies wholly in the future
	Today party.Date

	Months   []MonthRow
	Quarters []QuarterRow
	Total    Totals

	Units         []*Unit // the children (none for a cell)
	UnitsAreCells bool

	// Held are a cell's meetings held in the range, with those marked as
	// models (the drill-down from the cell to its meetings).
	Held   []store.Meeting
	Models map[int64]bool

	// Missed are the cells (anywhere under the organization) whose
	// regular meeting of MissedPeriod, the last month of the range that
	// is over, was not held; MissedTotal counts them all.
	MissedPeriod party.Period
	Missed       []MissedCell
	MissedTotal  int
}

// MonthRow is the organization's figures for one month; for a cell, the
// status of its regular meeting too.
type MonthRow struct {
	Period    party.Period
	T         Totals
	Status    party.RegularStatus
	MeetingID int64
}

// QuarterRow is the organization's thematic figures for one quarter.
type QuarterRow struct {
	Period party.Period
	T      Totals
	Status party.ThematicStatus // a cell's
}

// MissedCell is a cell needing action, with the reminders about it: the
// highest level of the automatic one, and the board's own since then.
type MissedCell struct {
	store.MissedMonth
	Reminder     *store.SentReminder
	UnitReminder *store.UnitReminder
}

// MissedLimit is how many cells needing action the overview lists.
const MissedLimit = 30

// Overview reads an organization's dashboard. weakest orders the units
// weakest first instead of by name.
func (s *Service) Overview(ctx context.Context, org int64, asked Range, weakest bool) (Overview, error) {
	today := s.today()
	ov := Overview{Asked: asked, Today: today}
	r, ok := asked.UpTo(party.MonthOf(today))
	ov.Range, ov.Empty = r, !ok
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if ov.Org, err = tx.Org(ctx, org); err != nil {
			return err
		}
		if ov.Empty {
			return nil
		}
		if ov.Org.IsCell() {
			if err := s.cellOverview(ctx, tx, &ov); err != nil {
				return err
			}
			return s.heldMeetings(ctx, tx, &ov)
		}
		units, missing, err := s.units(ctx, tx, ov.Org, r, today)
		if err != nil {
			return err
		}
		ov.Units = units
		if err := s.committeeOverview(ctx, tx, &ov, missing); err != nil {
			return err
		}
		ov.UnitsAreCells = len(ov.Units) > 0
		for _, u := range ov.Units {
			ov.UnitsAreCells = ov.UnitsAreCells && u.IsCell
		}
		sortUnits(ov.Units, weakest)
		return s.missed(ctx, tx, &ov)
	})
	return ov, err
}

// committeeOverview reads a committee's own sums; missing holds the count
// of cells without a thematic meeting when the units' reading found it.
func (s *Service) committeeOverview(ctx context.Context, tx *store.Tx, ov *Overview, missing map[missKey]int) error {
	r, today := ov.Range, ov.Today
	oms, err := tx.OrgMonths(ctx, []int64{ov.Org.ID}, r.From.String(), r.To.String())
	if err != nil {
		return err
	}
	have := map[string]store.MonthFigures{}
	for _, m := range oms {
		have[m.Period] = m.MonthFigures
	}
	for _, p := range r.Months() {
		row := MonthRow{Period: p}
		row.T.AddMonth(p, have[p.String()], today)
		ov.Months = append(ov.Months, row)
		ov.Total.Add(row.T)
	}
	quarters := r.Quarters()
	oqs, err := tx.OrgQuarters(ctx, []int64{ov.Org.ID}, quarters[0].String(), quarters[len(quarters)-1].String())
	if err != nil {
		return err
	}
	haveQ := map[string]store.OrgQuarter{}
	for _, q := range oqs {
		haveQ[q.Period] = q
	}
	if missing == nil {
		if missing, err = s.thematicMissing(ctx, tx, quarters, ov.Org, nil); err != nil {
			return err
		}
	}
	for _, q := range quarters {
		oq := haveQ[q.String()]
		row := QuarterRow{Period: q}
		row.T.AddQuarter(q, oq.Cells, max(oq.Cells-missing[missKey{0, q}], 0), oq.Combined, today)
		ov.Quarters = append(ov.Quarters, row)
		ov.Total.Add(row.T)
	}
	return nil
}

// cellOverview reads a cell's own rows.
func (s *Service) cellOverview(ctx context.Context, tx *store.Tx, ov *Overview) error {
	r, today := ov.Range, ov.Today
	cms, err := tx.CellMonthsOf(ctx, []int64{ov.Org.ID}, r.From.String(), r.To.String())
	if err != nil {
		return err
	}
	have := map[string]store.CellMonth{}
	for _, c := range cms {
		have[c.Period] = c
	}
	for _, p := range r.Months() {
		row := MonthRow{Period: p}
		if c, ok := have[p.String()]; ok {
			row.T.AddMonth(p, c.Figures(), today)
			row.Status, row.MeetingID = party.ComplianceOf(p, c.Outcome, today), c.MeetingID
		}
		ov.Months = append(ov.Months, row)
		ov.Total.Add(row.T)
	}
	quarters := r.Quarters()
	cqs, err := tx.CellQuartersOf(ctx, []int64{ov.Org.ID}, quarters[0].String(), quarters[len(quarters)-1].String())
	if err != nil {
		return err
	}
	haveQ := map[string]store.CellQuarter{}
	for _, q := range cqs {
		haveQ[q.Period] = q
	}
	for _, q := range quarters {
		row := QuarterRow{Period: q}
		if c, ok := haveQ[q.String()]; ok {
			held := 0
			if c.Held > 0 {
				held = 1
			}
			row.T.AddQuarter(q, 1, held, c.Combined, today)
			row.Status = party.ThematicCompliance(q, c.Held, today)
		}
		ov.Quarters = append(ov.Quarters, row)
		ov.Total.Add(row.T)
	}
	return nil
}

// missed lists the cells under the organization that did not hold the
// regular meeting of the last month of the range that is over, with the
// reminders already sent about them ("đã nhắc").
func (s *Service) missed(ctx context.Context, tx *store.Tx, ov *Overview) error {
	last := ov.Range.To
	if party.ComplianceOf(last, party.OutcomeNone, ov.Today) != party.KhongHop {
		last = last.Prev()
		if !ov.Range.Contains(last) {
			return nil
		}
	}
	ov.MissedPeriod = last
	path, err := tx.PathOn(ctx, ov.Org.ID, last.Last())
	if err != nil || path == "" {
		return err
	}
	list, total, err := tx.MonthsWithoutMeeting(ctx, last.String(), path, MissedLimit)
	if err != nil {
		return err
	}
	ov.MissedTotal = total
	ids := make([]int64, len(list))
	for i, m := range list {
		ids[i] = m.OrgID
	}
	sent, err := tx.RemindersForCells(ctx, ids, KindMissing, last.String())
	if err != nil {
		return err
	}
	byBoard, err := tx.UnitsRemindedSince(ctx, ids, last.First())
	if err != nil {
		return err
	}
	top := map[int64]store.SentReminder{}
	for _, r := range sent {
		if cur, ok := top[r.OrgID]; !ok || r.Level > cur.Level {
			top[r.OrgID] = r
		}
	}
	for _, m := range list {
		mc := MissedCell{MissedMonth: m}
		if r, ok := top[m.OrgID]; ok {
			mc.Reminder = &r
		}
		if r, ok := byBoard[m.OrgID]; ok {
			mc.UnitReminder = &r
		}
		ov.Missed = append(ov.Missed, mc)
	}
	return nil
}

// heldMeetings lists a cell's meetings held in the range, newest first,
// and which are models.
func (s *Service) heldMeetings(ctx context.Context, tx *store.Tx, ov *Overview) error {
	ms, err := tx.MeetingsOf(ctx, ov.Org.ID, ov.Range.From.First(), ov.Range.To.Last())
	if err != nil {
		return err
	}
	ov.Models = map[int64]bool{}
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Status != party.DaHop && m.Status != party.DaKy {
			continue
		}
		ov.Held = append(ov.Held, m)
		if ok, err := tx.IsModelMeeting(ctx, m.ID); err != nil {
			return err
		} else if ok {
			ov.Models[m.ID] = true
		}
	}
	return nil
}
