// Package oversight is what the committees above the cells need: figures
// kept per cell and month (maintained in the transaction of every write),
// compliance dashboards rolled up the tree, reminders, plans and their
// indicators, review reports, commendation.
package oversight

import (
	"context"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// Service runs oversight use cases.
type Service struct {
	DB       *store.DB
	Now      func() time.Time
	Meetings *meetings.Service
}

// New returns a Service.
func New(db *store.DB, ms *meetings.Service) *Service {
	return &Service{DB: db, Now: time.Now, Meetings: ms}
}

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// fact is what a summary needs to know about one meeting.
type fact struct {
	ID         int64
	Kind       party.MeetingKind
	Period     party.Period
	Date       party.Date
	Held       bool
	Combined   bool
	RuleSet    party.RuleSet
	Attendance party.Attendance
	Complete   bool
	Signed     bool
	Grade      party.Grade
	Score      int
	Flags      int
}

// factOf reads a meeting's fact inside a transaction.
func (s *Service) factOf(ctx context.Context, tx *store.Tx, m store.Meeting) (fact, error) {
	f := fact{ID: m.ID, Kind: m.Kind, Period: m.Period, Date: m.Date, Combined: m.Combined,
		Held: m.Status == party.DaHop || m.Status == party.DaKy, Signed: m.Status.Locked()}
	if !f.Held {
		return f, nil
	}
	v, err := s.Meetings.LoadTx(ctx, tx, m.ID)
	if err != nil {
		return f, err
	}
	f.RuleSet, f.Attendance, f.Complete = v.RuleSet, v.Attendance, v.Complete
	evals, err := tx.Evaluations(ctx, m.ID)
	if err != nil {
		return f, err
	}
	var self, review store.EvaluationRow
	for _, e := range evals {
		if e.By == quality.ByReview {
			review = e
		} else {
			self = e
		}
	}
	f.Grade = party.OversightGrade(self.Grade, review.Grade)
	f.Score = self.Total
	if review.Grade.Valid() {
		f.Score = review.Total
	}
	pairs, err := tx.SimilarPairsOf(ctx, m.ID)
	if err != nil {
		return f, err
	}
	for _, p := range pairs {
		if p.Status != "dismissed" {
			f.Flags++
		}
	}
	return f, nil
}

// summarizeMonth is a cell's month from the facts of its meetings: the
// regular meeting counted (the first held on time, else the first held
// late), its attendance, grade and minutes; extraordinary meetings held;
// formalism flags. The outcome is the core's (party.RegularOutcome).
func summarizeMonth(cell int64, month party.Period, path, cellType string, facts []fact) store.CellMonth {
	c := store.CellMonth{OrgID: cell, Period: month.String(), Path: path, CellType: cellType}
	var heldOn []party.Date
	var counted *fact
	last := month.Last()
	// better: the meeting held on time before one held late, then the earlier.
	better := func(a, b *fact) bool {
		if ao, bo := !a.Date.After(last), !b.Date.After(last); ao != bo {
			return ao
		}
		return a.Date.Before(b.Date) || (a.Date == b.Date && a.ID < b.ID)
	}
	for i := range facts {
		f := &facts[i]
		if f.Period == month && f.Held {
			if regular, _ := party.CountsFor(f.RuleSet, f.Kind, f.Combined); regular {
				heldOn = append(heldOn, f.Date)
				if counted == nil || better(f, counted) {
					counted = f
				}
			}
		}
		if f.Kind == party.BatThuong && f.Held && month.Contains(f.Date) {
			c.Extra++
		}
		if f.Period == month || (f.Kind == party.BatThuong && month.Contains(f.Date)) {
			c.Flags += f.Flags
		}
	}
	c.Outcome = party.RegularOutcome(month, heldOn)
	if counted != nil {
		c.MeetingID, c.HeldOn = counted.ID, counted.Date
		c.Present, c.Required = counted.Attendance.Present, counted.Attendance.Required
		c.Grade, c.Score, c.Complete, c.Signed = counted.Grade, counted.Score, counted.Complete, counted.Signed
	}
	return c
}

// summarizeQuarter counts a cell's thematic meetings held for a quarter
// (combined sessions only where the rule set lets them count for both).
func summarizeQuarter(cell int64, q party.Period, path, cellType string, facts []fact) store.CellQuarter {
	c := store.CellQuarter{OrgID: cell, Period: q.String(), Path: path, CellType: cellType}
	for _, f := range facts {
		if !f.Held {
			continue
		}
		fq := f.Period
		if fq.IsMonth() {
			fq = fq.QuarterOfMonth()
		}
		if fq != q {
			continue
		}
		if _, thematic := party.CountsFor(f.RuleSet, f.Kind, f.Combined); thematic {
			c.Held++
			if f.Combined {
				c.Combined++
			}
		}
	}
	return c
}

// tracked reports whether summaries cover period p: from the first month
// with a meeting on record through the current month.
func (s *Service) tracked(ctx context.Context, tx *store.Tx, p party.Period) (bool, error) {
	today := s.today()
	if p.First().After(today) {
		return false, nil
	}
	start, err := trackingStart(ctx, tx, today)
	if err != nil {
		return false, err
	}
	return !p.Last().Before(start.First()), nil
}

// cellOn is where a cell stood in a period: its path and type on the last
// day it existed in the period; ok is false when it did not exist then.
func cellOn(ctx context.Context, tx *store.Tx, cell int64, p party.Period) (path, cellType string, ok bool, err error) {
	o, err := tx.Org(ctx, cell)
	if err != nil {
		return "", "", false, err
	}
	if !o.IsCell() || o.CreatedOn.After(p.Last()) || (!o.Dissolved.IsZero() && !o.Dissolved.After(p.First())) {
		return "", "", false, nil
	}
	d := p.Last()
	if !o.Dissolved.IsZero() && !o.Dissolved.After(d) {
		d = o.Dissolved.AddDays(-1)
	}
	if path, err = tx.PathOn(ctx, cell, d); err != nil || path == "" {
		return "", "", false, err
	}
	var ct string
	err = tx.QueryRow(ctx, `SELECT coalesce(cell_type, '') FROM org_versions WHERE org_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $2)`, cell, d).Scan(&ct)
	return path, ct, err == nil, err
}

// factsOf reads the facts of a cell's meetings that bear on a period: those
// counting for it (a month, or a quarter and its months), and for a month
// the extraordinary meetings held in it.
func (s *Service) factsOf(ctx context.Context, tx *store.Tx, cell int64, p party.Period) ([]fact, error) {
	periods := append([]party.Period{p}, p.Months()...)
	if p.IsMonth() {
		periods = []party.Period{p}
	}
	ms, err := tx.MeetingsForPeriods(ctx, cell, periods)
	if err != nil {
		return nil, err
	}
	if p.IsMonth() {
		inMonth, err := tx.MeetingsOf(ctx, cell, p.First(), p.Last())
		if err != nil {
			return nil, err
		}
		for _, m := range inMonth {
			if m.Kind == party.BatThuong && m.Period != p {
				ms = append(ms, m)
			}
		}
	}
	out := make([]fact, 0, len(ms))
	for _, m := range ms {
		f, err := s.factOf(ctx, tx, m)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// committees are the organizations above a cell on a path (the cell itself
// excluded): the rows of org_months a cell month adds to.
func committees(path string) []int64 {
	ids := store.PathIDs(path)
	if len(ids) == 0 {
		return nil
	}
	return ids[:len(ids)-1]
}

// RefreshMonth recomputes a cell's month from the raw records and moves
// the difference into the sums of every committee above it, old and new
// (the path may have changed with a reorganization).
func (s *Service) RefreshMonth(ctx context.Context, tx *store.Tx, cell int64, month party.Period) error {
	if err := lockCell(ctx, tx, cell); err != nil {
		return err
	}
	old, had, err := tx.CellMonth(ctx, cell, month.String())
	if err != nil {
		return err
	}
	path, ct, exists, err := cellOn(ctx, tx, cell, month)
	if err != nil {
		return err
	}
	if exists {
		if exists, err = s.tracked(ctx, tx, month); err != nil {
			return err
		}
	}
	if !exists {
		if had {
			if err := tx.DeleteCellMonth(ctx, cell, month.String()); err != nil {
				return err
			}
			return addTo(ctx, tx, committees(old.Path), month.String(), store.MonthFigures{}.Sub(old.Figures()))
		}
		return nil
	}
	facts, err := s.factsOf(ctx, tx, cell, month)
	if err != nil {
		return err
	}
	next := summarizeMonth(cell, month, path, ct, facts)
	if had && old == next {
		return nil
	}
	if err := tx.PutCellMonth(ctx, next); err != nil {
		return err
	}
	if had && old.Path == next.Path {
		return addTo(ctx, tx, committees(next.Path), month.String(), next.Figures().Sub(old.Figures()))
	}
	if had {
		if err := addTo(ctx, tx, committees(old.Path), month.String(), store.MonthFigures{}.Sub(old.Figures())); err != nil {
			return err
		}
	}
	return addTo(ctx, tx, committees(next.Path), month.String(), next.Figures())
}

func addTo(ctx context.Context, tx *store.Tx, orgs []int64, period string, f store.MonthFigures) error {
	if f.IsZero() {
		return nil
	}
	for _, o := range orgs {
		if err := tx.AddOrgMonth(ctx, o, period, f); err != nil {
			return err
		}
	}
	return nil
}

// RefreshQuarter recomputes a cell's quarter and the committees' sums.
func (s *Service) RefreshQuarter(ctx context.Context, tx *store.Tx, cell int64, q party.Period) error {
	if err := lockCell(ctx, tx, cell); err != nil {
		return err
	}
	old, had, err := tx.CellQuarter(ctx, cell, q.String())
	if err != nil {
		return err
	}
	path, ct, exists, err := cellOn(ctx, tx, cell, q)
	if err != nil {
		return err
	}
	if exists {
		if exists, err = s.tracked(ctx, tx, q); err != nil {
			return err
		}
	}
	var next store.CellQuarter
	if exists {
		facts, err := s.factsOf(ctx, tx, cell, q)
		if err != nil {
			return err
		}
		next = summarizeQuarter(cell, q, path, ct, facts)
	}
	if had && exists && old == next {
		return nil
	}
	if had {
		for _, o := range committees(old.Path) {
			if err := tx.AddOrgQuarter(ctx, o, q.String(), -1, -old.Held, -old.Combined); err != nil {
				return err
			}
		}
	}
	if !exists {
		if had {
			_, err := tx.Exec(ctx, `DELETE FROM cell_quarters WHERE org_id = $1 AND period = $2`, cell, q.String())
			return err
		}
		return nil
	}
	if err := tx.PutCellQuarter(ctx, next); err != nil {
		return err
	}
	for _, o := range committees(next.Path) {
		if err := tx.AddOrgQuarter(ctx, o, q.String(), 1, next.Held, next.Combined); err != nil {
			return err
		}
	}
	return nil
}

// lockCell serializes summary upkeep per cell, so that two servers writing
// two meetings of one cell at once keep its figures exact.
func lockCell(ctx context.Context, tx *store.Tx, cell int64) error {
	var id int64
	return tx.QueryRow(ctx, `SELECT id FROM orgs WHERE id = $1`+tx.ForUpdate(), cell).Scan(&id)
}

// touchedPeriods are the months and quarters whose figures a meeting bears on:
// the period it counts for (a month, or a quarter for a thematic meeting),
// the month it was held in for an extraordinary meeting, and the quarter
// of its month for a combined session. The meetings service calls the hook
// with the meeting as it was too when a change moves it, so the figures it
// leaves are recomputed as well.
func touchedPeriods(m store.Meeting) (months, quarters []party.Period) {
	switch {
	case m.Period.IsQuarter():
		quarters = append(quarters, m.Period)
	case m.Kind == party.BatThuong:
		months = append(months, party.MonthOf(m.Date))
	default:
		months = append(months, m.Period)
		if m.Combined {
			quarters = append(quarters, m.Period.QuarterOfMonth())
		}
	}
	if mo := party.MonthOf(m.Date); m.Period.IsMonth() && mo != m.Period && m.Kind != party.BatThuong {
		months = append(months, mo) // a late meeting: its flags show in the month held too
	}
	return months, quarters
}

// MeetingHook keeps the summaries exact inside every meeting write.
func (s *Service) MeetingHook() meetings.Hook {
	return func(ctx context.Context, tx *store.Tx, m store.Meeting) error {
		months, quarters := touchedPeriods(m)
		for _, p := range months {
			if err := s.RefreshMonth(ctx, tx, m.OrgID, p); err != nil {
				return err
			}
		}
		for _, q := range quarters {
			if err := s.RefreshQuarter(ctx, tx, m.OrgID, q); err != nil {
				return err
			}
		}
		return nil
	}
}

// OrgHook keeps the summaries under the right parents after a
// reorganization: every cell of the changed organization's subtree (as it
// stands now) is recomputed from the month the change took effect through
// the current month. A dissolved cell loses the months after it ended.
func (s *Service) OrgHook() func(ctx context.Context, tx *store.Tx, org int64, on party.Date) error {
	return func(ctx context.Context, tx *store.Tx, org int64, on party.Date) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		cells := []int64{o.ID}
		if !o.IsCell() {
			sub, err := tx.SubtreeOrgs(ctx, o.Path, true)
			if err != nil {
				return err
			}
			cells = cells[:0]
			for _, c := range sub {
				cells = append(cells, c.ID)
			}
		}
		today := s.today()
		start, err := trackingStart(ctx, tx, today)
		if err != nil {
			return err
		}
		from := party.MonthOf(on)
		if from.First().Before(start.First()) {
			from = start
		}
		last := party.MonthOf(today)
		for _, c := range cells {
			for p := from; !p.First().After(last.First()); p = p.Next() {
				if err := s.RefreshMonth(ctx, tx, c, p); err != nil {
					return err
				}
			}
			for q := from.QuarterOfMonth(); !q.First().After(last.First()); q = q.Next() {
				if err := s.RefreshQuarter(ctx, tx, c, q); err != nil {
					return err
				}
			}
		}
		return nil
	}
}
