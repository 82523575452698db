package oversight

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// The summaries are kept on every write; these functions compute them all
// again from the raw records, in bulk: to fill them after a bulk load (the
// demo, an import from another system), and to check them
// (chibo verify-summaries). They call the same summarize functions as the
// per-write upkeep, with facts read in bulk instead of meeting by meeting.

// key names a cell's or a committee's period.
type key struct {
	org    int64
	period string
}

type quarterFigures struct{ cells, held, combined int }

// expected is every summary row as the raw records say it should be.
type expected struct {
	months      map[key]store.CellMonth
	quarters    map[key]store.CellQuarter
	orgMonths   map[key]store.MonthFigures
	orgQuarters map[key]quarterFigures
}

// history answers where a cell stood on a day from all the versions.
type history map[int64][]store.OrgVersion

func (h history) versionOn(org int64, d party.Date) (store.OrgVersion, bool) {
	for _, v := range h[org] {
		if party.Contains(v.ValidFrom, v.ValidUntil, d) {
			return v, true
		}
	}
	return store.OrgVersion{}, false
}

func (h history) pathOn(org int64, d party.Date) string {
	var ids []string
	for cur, depth := org, 0; cur != 0 && depth < 20; depth++ {
		v, ok := h.versionOn(cur, d)
		if !ok {
			return ""
		}
		ids = append([]string{fmt.Sprint(cur)}, ids...)
		cur = v.ParentID
	}
	return "/" + strings.Join(ids, "/") + "/"
}

// trackingStart is the first month summaries cover: the month of the
// earliest meeting on record (or the current month when there is none).
func trackingStart(ctx context.Context, tx *store.Tx, today party.Date) (party.Period, error) {
	d, err := tx.EarliestMeeting(ctx)
	if err != nil {
		return party.Period{}, err
	}
	if d.IsZero() || d.After(today) {
		d = today
	}
	return party.MonthOf(d), nil
}

// compute builds every summary row from the raw records, through the month
// of day through.
func (s *Service) compute(ctx context.Context, tx *store.Tx, through party.Date, progress io.Writer) (expected, error) {
	e := expected{months: map[key]store.CellMonth{}, quarters: map[key]store.CellQuarter{},
		orgMonths: map[key]store.MonthFigures{}, orgQuarters: map[key]quarterFigures{}}
	start, err := trackingStart(ctx, tx, through)
	if err != nil {
		return e, err
	}
	versions, err := tx.AllVersions(ctx)
	if err != nil {
		return e, err
	}
	hist := history{}
	for _, v := range versions {
		hist[v.OrgID] = append(hist[v.OrgID], v)
	}
	sets, err := tx.RuleSets(ctx)
	if err != nil {
		return e, err
	}
	ruleSets := map[string]party.RuleSet{}
	for _, rs := range sets {
		ruleSets[rs.Code] = rs
	}
	step(progress, "meetings")
	byCell := map[int64][]store.MeetingLite{}
	if err := tx.EachMeeting(ctx, func(m store.MeetingLite) error {
		byCell[m.OrgID] = append(byCell[m.OrgID], m)
		return nil
	}); err != nil {
		return e, err
	}
	step(progress, "roll")
	att := map[int64]party.Attendance{}
	if err := tx.EachRoll(ctx, func(id int64, roll []store.RollRow) error {
		_, _, a := meetings.AttendanceOf(roll)
		att[id] = a
		return nil
	}); err != nil {
		return e, err
	}
	voted, err := tx.VotedMeetings(ctx)
	if err != nil {
		return e, err
	}
	lite := map[int64]store.MeetingLite{}
	for _, ms := range byCell {
		for _, m := range ms {
			lite[m.ID] = m
		}
	}
	step(progress, "minutes")
	complete := map[int64]bool{}
	if err := tx.EachMinutes(ctx, func(id int64, c party.MinutesContent) error {
		m, ok := lite[id]
		if !ok {
			return nil
		}
		sm := store.Meeting{Kind: m.Kind, Topic: m.Topic}
		if m.Held {
			sm.HeldAt = time.Unix(1, 0)
		}
		ok, _ = party.Completeness(m.Kind, meetings.ContentOf(sm, c, att[id], voted[id]))
		complete[id] = ok
		return nil
	}); err != nil {
		return e, err
	}
	evals, err := tx.AllEvaluations(ctx)
	if err != nil {
		return e, err
	}
	flags, err := tx.FlagCounts(ctx)
	if err != nil {
		return e, err
	}
	step(progress, "cells")
	cells, err := tx.AllCells(ctx)
	if err != nil {
		return e, err
	}
	last := party.MonthOf(through)
	for _, cell := range cells {
		facts := make([]fact, 0, len(byCell[cell.ID]))
		for _, m := range byCell[cell.ID] {
			f := fact{ID: m.ID, Kind: m.Kind, Period: m.Period, Date: m.Date, Combined: m.Combined,
				Held: m.Status == party.DaHop || m.Status == party.DaKy, Signed: m.Status.Locked(), Flags: flags[m.ID]}
			if f.Held {
				rs, ok := ruleSets[m.RuleSet]
				if !ok {
					rs, _ = party.RuleSetOn(sets, m.Date)
				}
				f.RuleSet, f.Attendance, f.Complete = rs, att[m.ID], complete[m.ID]
				var self, review store.EvaluationResult
				for _, ev := range evals[m.ID] {
					if ev.By == quality.ByReview {
						review = ev
					} else {
						self = ev
					}
				}
				f.Grade = party.OversightGrade(self.Grade, review.Grade)
				f.Score = self.Total
				if review.Grade.Valid() {
					f.Score = review.Total
				}
			} else {
				f.Flags = flags[m.ID]
			}
			facts = append(facts, f)
		}
		for p := start; !p.First().After(last.First()); p = p.Next() {
			path, ct, ok := cellAt(hist, cell, p)
			if !ok {
				continue
			}
			c := summarizeMonth(cell.ID, p, path, ct, facts)
			e.months[key{cell.ID, c.Period}] = c
			for _, o := range committees(path) {
				k := key{o, c.Period}
				e.orgMonths[k] = e.orgMonths[k].Add(c.Figures())
			}
		}
		for q := start.QuarterOfMonth(); !q.First().After(last.First()); q = q.Next() {
			path, ct, ok := cellAt(hist, cell, q)
			if !ok {
				continue
			}
			c := summarizeQuarter(cell.ID, q, path, ct, facts)
			e.quarters[key{cell.ID, c.Period}] = c
			for _, o := range committees(path) {
				k := key{o, c.Period}
				f := e.orgQuarters[k]
				e.orgQuarters[k] = quarterFigures{f.cells + 1, f.held + c.Held, f.combined + c.Combined}
			}
		}
	}
	return e, nil
}

// cellAt is cellOn from the versions in memory.
func cellAt(h history, cell store.OrgRow, p party.Period) (path, cellType string, ok bool) {
	if cell.CreatedOn.After(p.Last()) || (!cell.Dissolved.IsZero() && !cell.Dissolved.After(p.First())) {
		return "", "", false
	}
	d := p.Last()
	if !cell.Dissolved.IsZero() && !cell.Dissolved.After(d) {
		d = cell.Dissolved.AddDays(-1)
	}
	v, ok := h.versionOn(cell.ID, d)
	if !ok {
		return "", "", false
	}
	path = h.pathOn(cell.ID, d)
	return path, string(v.CellType), path != ""
}

func step(w io.Writer, what string) {
	if w != nil {
		fmt.Fprintf(w, "… %s\n", what)
	}
}

// Rebuild replaces every summary with figures computed from the raw records.
func (s *Service) Rebuild(ctx context.Context, progress io.Writer) error {
	through := s.today()
	var e expected
	if err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		e, err = s.compute(ctx, tx, through, progress)
		return err
	}); err != nil {
		return err
	}
	step(progress, "writing")
	return s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		if err := tx.ClearSummaries(ctx); err != nil {
			return err
		}
		for _, k := range sortedKeys(e.months) {
			if err := tx.PutCellMonth(ctx, e.months[k]); err != nil {
				return err
			}
		}
		for _, k := range sortedKeys(e.quarters) {
			if err := tx.PutCellQuarter(ctx, e.quarters[k]); err != nil {
				return err
			}
		}
		for _, k := range sortedKeys(e.orgMonths) {
			if err := tx.AddOrgMonth(ctx, k.org, k.period, e.orgMonths[k]); err != nil {
				return err
			}
		}
		for _, k := range sortedKeys(e.orgQuarters) {
			f := e.orgQuarters[k]
			if err := tx.AddOrgQuarter(ctx, k.org, k.period, f.cells, f.held, f.combined); err != nil {
				return err
			}
		}
		return nil
	})
}

func sortedKeys[V any](m map[key]V) []key {
	out := make([]key, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].org != out[j].org {
			return out[i].org < out[j].org
		}
		return out[i].period < out[j].period
	})
	return out
}

// Difference is one summary row that differs from the raw records.
type Difference struct {
	Table  string
	Org    int64
	Period string
	Stored string
	Want   string
}

// Verify recomputes every summary from the raw records and lists every
// difference with what is stored (chibo verify-summaries).
func (s *Service) Verify(ctx context.Context, progress io.Writer) ([]Difference, error) {
	var diffs []Difference
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		e, err := s.compute(ctx, tx, s.today(), progress)
		if err != nil {
			return err
		}
		step(progress, "comparing")
		seen := map[key]bool{}
		if err := tx.EachCellMonth(ctx, func(c store.CellMonth) error {
			k := key{c.OrgID, c.Period}
			seen[k] = true
			if w, ok := e.months[k]; !ok {
				diffs = append(diffs, Difference{"cell_months", c.OrgID, c.Period, fmt.Sprintf("%+v", c), "(none)"})
			} else if w != c {
				diffs = append(diffs, Difference{"cell_months", c.OrgID, c.Period, fmt.Sprintf("%+v", c), fmt.Sprintf("%+v", w)})
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range sortedKeys(e.months) {
			if !seen[k] {
				diffs = append(diffs, Difference{"cell_months", k.org, k.period, "(none)", fmt.Sprintf("%+v", e.months[k])})
			}
		}
		seenQ := map[key]bool{}
		if err := tx.EachCellQuarter(ctx, func(q store.CellQuarter) error {
			k := key{q.OrgID, q.Period}
			seenQ[k] = true
			if w, ok := e.quarters[k]; !ok || w != q {
				diffs = append(diffs, Difference{"cell_quarters", q.OrgID, q.Period, fmt.Sprintf("%+v", q), fmt.Sprintf("%+v", w)})
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range sortedKeys(e.quarters) {
			if !seenQ[k] {
				diffs = append(diffs, Difference{"cell_quarters", k.org, k.period, "(none)", fmt.Sprintf("%+v", e.quarters[k])})
			}
		}
		oms, err := tx.AllOrgMonths(ctx)
		if err != nil {
			return err
		}
		seenO := map[key]bool{}
		for _, m := range oms {
			k := key{m.OrgID, m.Period}
			seenO[k] = true
			if w := e.orgMonths[k]; w != m.MonthFigures {
				diffs = append(diffs, Difference{"org_months", m.OrgID, m.Period, fmt.Sprintf("%+v", m.MonthFigures), fmt.Sprintf("%+v", w)})
			}
		}
		for _, k := range sortedKeys(e.orgMonths) {
			if !seenO[k] && !e.orgMonths[k].IsZero() {
				diffs = append(diffs, Difference{"org_months", k.org, k.period, "(none)", fmt.Sprintf("%+v", e.orgMonths[k])})
			}
		}
		oqs, err := tx.AllOrgQuarters(ctx)
		if err != nil {
			return err
		}
		seenOQ := map[key]bool{}
		for _, q := range oqs {
			k := key{q.OrgID, q.Period}
			seenOQ[k] = true
			w := e.orgQuarters[k]
			if (quarterFigures{q.Cells, q.Held, q.Combined}) != w {
				diffs = append(diffs, Difference{"org_quarters", q.OrgID, q.Period, fmt.Sprintf("%+v", q), fmt.Sprintf("%+v", w)})
			}
		}
		for _, k := range sortedKeys(e.orgQuarters) {
			if !seenOQ[k] && e.orgQuarters[k] != (quarterFigures{}) {
				diffs = append(diffs, Difference{"org_quarters", k.org, k.period, "(none)", fmt.Sprintf("%+v", e.orgQuarters[k])})
			}
		}
		return nil
	})
	return diffs, err
}

// EnsureMonths creates the summary rows still missing for every cell
// from the first tracked month through today's month (the new month's rows
// on the first day; and any a stopped server missed). It runs daily.
func (s *Service) EnsureMonths(ctx context.Context) (int, error) {
	today := s.today()
	n := 0
	err := s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		start, err := trackingStart(ctx, tx, today)
		if err != nil {
			return err
		}
		cells, err := tx.AllCells(ctx)
		if err != nil {
			return err
		}
		have := map[key]bool{}
		if err := tx.EachCellMonth(ctx, func(c store.CellMonth) error {
			have[key{c.OrgID, c.Period}] = true
			return nil
		}); err != nil {
			return err
		}
		haveQ := map[key]bool{}
		if err := tx.EachCellQuarter(ctx, func(q store.CellQuarter) error {
			haveQ[key{q.OrgID, q.Period}] = true
			return nil
		}); err != nil {
			return err
		}
		last := party.MonthOf(today)
		for _, c := range cells {
			for p := start; !p.First().After(last.First()); p = p.Next() {
				if have[key{c.ID, p.String()}] || c.CreatedOn.After(p.Last()) || (!c.Dissolved.IsZero() && !c.Dissolved.After(p.First())) {
					continue
				}
				if err := s.RefreshMonth(ctx, tx, c.ID, p); err != nil {
					return err
				}
				n++
			}
			for q := start.QuarterOfMonth(); !q.First().After(last.First()); q = q.Next() {
				if haveQ[key{c.ID, q.String()}] || c.CreatedOn.After(q.Last()) || (!c.Dissolved.IsZero() && !c.Dissolved.After(q.First())) {
					continue
				}
				if err := s.RefreshQuarter(ctx, tx, c.ID, q); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return n, err
}
