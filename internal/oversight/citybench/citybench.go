// Package citybench fills a database with the kept figures of a city for
// the dashboard benchmarks (issue 5: "city dashboard for 36 months <
// 200 ms"): a city with 30 districts of 15 wards each and 20,000 cells
// under them, and 36 months of cell_months, cell_quarters and their sums
// in org_months and org_quarters — the rows the summaries would hold
// after `chibo demo --scale city`, written directly with the bulk loader
// (the meetings themselves are not needed to read a dashboard).
package citybench

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Sizes of the city.
const (
	Districts       = 30
	WardsPerDistict = 15
	Cells           = 20000
)

// Today is the day the benchmarks run on: the last of the 36 months is
// not over.
var Today = party.D(2026, time.June, 15)

// First and Last are the 36 months held.
var (
	First = party.MonthPeriod(2023, time.July)
	Last  = party.MonthPeriod(2026, time.June)
)

// City names what was built.
type City struct {
	City      int64
	Districts []int64
	Wards     []int64
}

type org struct {
	id, parent int64
	kind       party.OrgKind
	name, path string
	depth      int
}

// Build writes the city into an empty, migrated database.
func Build(ctx context.Context, db *store.DB) (City, error) {
	var c City
	var orgs []org
	next := int64(1)
	add := func(parent *org, kind party.OrgKind, name string) org {
		o := org{id: next, kind: kind, name: name}
		next++
		if parent == nil {
			o.path = fmt.Sprintf("/%d/", o.id)
		} else {
			o.parent, o.path, o.depth = parent.id, fmt.Sprintf("%s%d/", parent.path, o.id), parent.depth+1
		}
		orgs = append(orgs, o)
		return o
	}
	city := add(nil, party.DangBoTinh, "Đảng bộ thành phố")
	c.City = city.id
	var wards []org
	for d := 0; d < Districts; d++ {
		dist := add(&city, party.DangBoHuyen, fmt.Sprintf("Đảng bộ quận %02d", d+1))
		c.Districts = append(c.Districts, dist.id)
		for w := 0; w < WardsPerDistict; w++ {
			ward := add(&dist, party.DangBoCoSo, fmt.Sprintf("Đảng bộ phường %02d-%02d", d+1, w+1))
			c.Wards = append(c.Wards, ward.id)
			wards = append(wards, ward)
		}
	}
	var cells []org
	for i := 0; i < Cells; i++ {
		ward := wards[i%len(wards)]
		cells = append(cells, add(&ward, party.ChiBo, fmt.Sprintf("Chi bộ tổ dân phố số %d", i/len(wards)+1)))
	}
	rng := rand.New(rand.NewPCG(2026, 5))
	months := (Range{First, Last}).months()
	quarters := party.QuartersBetween(First.First(), Last.Last())

	// The cells' months and quarters, and their sums per committee.
	type key struct {
		org    int64
		period string
	}
	orgMonths := map[key]store.MonthFigures{}
	type qsum struct{ cells, held int }
	orgQuarters := map[key]qsum{}
	var cms []store.CellMonth
	var cqs []store.CellQuarter
	for _, cell := range cells {
		for _, p := range months {
			cm := store.CellMonth{OrgID: cell.id, Period: p.String(), Path: cell.path, CellType: "thon_tdp", Outcome: party.OutcomeNone}
			r := rng.Float64()
			open := p == Last
			switch {
			case open && r < 0.45, !open && r < 0.83:
				cm.Outcome = party.OutcomeOnTime
			case !open && r < 0.88:
				cm.Outcome = party.OutcomeLate
			}
			if cm.Outcome != party.OutcomeNone {
				cm.HeldOn = p.First().AddDays(4 + rng.IntN(20))
				cm.Required = 15 + rng.IntN(30)
				cm.Present = cm.Required - rng.IntN(4)
				cm.Grade = []party.Grade{party.Tot, party.Kha, party.Kha, party.TrungBinh, party.Kem, ""}[rng.IntN(6)]
				cm.Score = 50 + rng.IntN(50)
				cm.Complete, cm.Signed = rng.Float64() < 0.9, rng.Float64() < 0.8
				if rng.Float64() < 0.03 {
					cm.Flags = 1
				}
			}
			cms = append(cms, cm)
			for _, o := range store.PathIDs(cell.path)[:cell.depth] {
				k := key{o, cm.Period}
				orgMonths[k] = orgMonths[k].Add(cm.Figures())
			}
		}
		for _, q := range quarters {
			cq := store.CellQuarter{OrgID: cell.id, Period: q.String(), Path: cell.path, CellType: "thon_tdp"}
			if rng.Float64() < 0.85 {
				cq.Held = 1
			}
			cqs = append(cqs, cq)
			for _, o := range store.PathIDs(cell.path)[:cell.depth] {
				k := key{o, cq.Period}
				s := orgQuarters[k]
				orgQuarters[k] = qsum{s.cells + 1, s.held + cq.Held}
			}
		}
	}
	created := party.D(2020, time.January, 1)
	err := db.BulkLoad(ctx, func(l *store.Loader) error {
		tables := []store.BulkTable{
			{Name: "orgs", Cols: []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "cell_type", "created_on", "child_count", "version"},
				Rows: rows(orgs, func(o org, r []any) []any {
					var parent, ct any
					if o.parent != 0 {
						parent = o.parent
					}
					if o.kind.IsCell() {
						ct = "thon_tdp"
					}
					return append(r, o.id, fmt.Sprintf("C%d", o.id), string(o.kind), o.name, strings.ToLower(o.name), o.name, parent, o.path, o.depth, ct, created, 0, 1)
				})},
			{Name: "org_versions", Cols: []string{"org_id", "valid_from", "name", "name_sort", "parent_id", "kind", "cell_type", "change"},
				Rows: rows(orgs, func(o org, r []any) []any {
					var parent, ct any
					if o.parent != 0 {
						parent = o.parent
					}
					if o.kind.IsCell() {
						ct = "thon_tdp"
					}
					return append(r, o.id, created, o.name, o.name, parent, string(o.kind), ct, "create")
				})},
			{Name: "cell_months", Cols: []string{"org_id", "period", "path", "cell_type", "outcome", "held_on", "present", "required", "grade", "score", "complete", "signed", "extra", "flags"},
				Rows: rows(cms, func(c store.CellMonth, r []any) []any {
					return append(r, c.OrgID, c.Period, c.Path, c.CellType, string(c.Outcome), c.HeldOn, c.Present, c.Required, string(c.Grade), c.Score, c.Complete, c.Signed, c.Extra, c.Flags)
				})},
			{Name: "cell_quarters", Cols: []string{"org_id", "period", "path", "cell_type", "held", "combined"},
				Rows: rows(cqs, func(q store.CellQuarter, r []any) []any {
					return append(r, q.OrgID, q.Period, q.Path, q.CellType, q.Held, q.Combined)
				})},
			{Name: "org_months", Cols: []string{"org_id", "period", "cells", "on_time", "late", "no_meeting", "present", "required", "tot", "kha", "tb", "kem", "ungraded", "complete", "signed", "extra", "flags"},
				Rows: func(yield func([]any) bool) {
					for k, f := range orgMonths {
						if !yield([]any{k.org, k.period, f.Cells, f.OnTime, f.Late, f.NoMeeting, f.Present, f.Required, f.Tot, f.Kha, f.TB, f.Kem, f.Ungraded, f.Complete, f.Signed, f.Extra, f.Flags}) {
							return
						}
					}
				}},
			{Name: "org_quarters", Cols: []string{"org_id", "period", "cells", "held", "combined"},
				Rows: func(yield func([]any) bool) {
					for k, s := range orgQuarters {
						if !yield([]any{k.org, k.period, s.cells, s.held, 0}) {
							return
						}
					}
				}},
		}
		for _, t := range tables {
			if _, err := l.Insert(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	if db.Engine == store.Postgres {
		// The steady state of a live database: autovacuum has set the
		// visibility map, so counts can be answered from indexes alone.
		if _, err := db.SQL().ExecContext(ctx, `VACUUM ANALYZE cell_months, cell_quarters, org_months, org_quarters, orgs, org_versions`); err != nil {
			return c, err
		}
	}
	return c, db.ResetSequences(ctx)
}

// rows yields a slice's rows through a function filling a reused slice.
func rows[T any](xs []T, fn func(T, []any) []any) iter.Seq[[]any] {
	return func(yield func([]any) bool) {
		buf := make([]any, 0, 20)
		for _, x := range xs {
			if !yield(fn(x, buf[:0])) {
				return
			}
		}
	}
}

// Range is the 36 months.
type Range struct{ From, To party.Period }

func (r Range) months() []party.Period {
	var out []party.Period
	for p := r.From; !p.First().After(r.To.First()); p = p.Next() {
		out = append(out, p)
	}
	return out
}
