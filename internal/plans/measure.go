package plans

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"chibo/internal/documents"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/training"
)

// Measuring reads the kept figures only: the organization's overview
// (its sums per month and quarter, and its units'), the runs of months
// and quarters of the cells under it (one grouped query over the index
// of cell_months or cell_quarters per path the organization had), and
// for the training and documents indicators the counts their packages
// give. Nothing scans the meetings.

// YearPart is the part of a range within one calendar year.
type YearPart struct {
	Year  int
	Range oversight.Range
}

// SplitYears cuts a range at the ends of years.
func SplitYears(r oversight.Range) []YearPart {
	var out []YearPart
	for y := r.From.Year; y <= r.To.Year; y++ {
		part := oversight.Year(y)
		if y == r.From.Year {
			part.From = r.From
		}
		if y == r.To.Year {
			part.To = r.To
		}
		out = append(out, YearPart{Year: y, Range: part})
	}
	return out
}

// Needs are the inputs a set of indicators reads.
type Needs map[Need]bool

// NeedsOf lists what the indicators of codes read.
func NeedsOf(codes []string) Needs {
	n := Needs{}
	for _, c := range codes {
		if in, ok := Lookup(c); ok {
			n[in.Need] = true
		}
	}
	return n
}

// Measured are the figures of an organization per year of a range (and
// over the whole range), and of each organization directly under it per
// year.
type Measured struct {
	Self  map[int]*Figures
	Whole Figures
	Units map[int64]map[int]*Figures
}

func (m *Measured) self(y int) *Figures {
	if m.Self[y] == nil {
		m.Self[y] = &Figures{}
	}
	return m.Self[y]
}

func (m *Measured) unit(id int64, y int) *Figures {
	if m.Units[id] == nil {
		m.Units[id] = map[int]*Figures{}
	}
	if m.Units[id][y] == nil {
		m.Units[id][y] = &Figures{}
	}
	return m.Units[id][y]
}

// Measure reads the figures the needs ask for, from an overview already
// read (ov: its organization, range and units); withUnits adds the
// figures of each unit of the overview.
func Measure(ctx context.Context, db *store.DB, ov oversight.Overview, needs Needs, withUnits bool) (Measured, error) {
	m := Measured{Self: map[int]*Figures{}, Units: map[int64]map[int]*Figures{}}
	if ov.Empty {
		return m, nil
	}
	today := ov.Today
	for _, row := range ov.Months {
		m.self(row.Period.Year).Totals.Add(row.T)
	}
	for _, row := range ov.Quarters {
		m.self(row.Period.Year).Totals.Add(row.T)
	}
	m.Whole.Totals = ov.Total
	if withUnits {
		for _, u := range ov.Units {
			for p, mc := range u.Months {
				m.unit(u.Org.ID, p.Year).Totals.Add(mc.Totals)
			}
			for q, qc := range u.Quarters {
				m.unit(u.Org.ID, q.Year).Totals.AddQuarter(q, qc.Cells, qc.Held, qc.Combined, today)
			}
		}
	}
	// The three readings are independent: each runs in its own read
	// transaction, in parallel (SQLite readers do not wait for each other
	// under WAL), into its own figures, merged after.
	var tasks []func() error
	var parts []*Measured
	task := func(read func(tx *store.Tx, p *Measured) error) {
		p := &Measured{Self: map[int]*Figures{}, Units: map[int64]map[int]*Figures{}}
		parts = append(parts, p)
		tasks = append(tasks, func() error {
			return db.View(ctx, func(tx *store.Tx) error { return read(tx, p) })
		})
	}
	for _, need := range []Need{NeedMonthRuns, NeedQuarterRuns} {
		if needs[need] {
			task(func(tx *store.Tx, p *Measured) error { return runs(ctx, tx, p, ov, need, withUnits) })
		}
	}
	if needs[NeedTraining] || needs[NeedDocuments] {
		task(func(tx *store.Tx, p *Measured) error { return shares(ctx, tx, p, ov, needs, withUnits) })
	}
	if err := Parallel(tasks...); err != nil {
		return m, err
	}
	for _, p := range parts {
		m.merge(p)
	}
	return m, nil
}

// merge adds what a partial reading found (its runs and shares; the sums
// are m's own).
func (m *Measured) merge(p *Measured) {
	add := func(dst, src *Figures) {
		dst.Months.Due += src.Months.Due
		dst.Months.Kept += src.Months.Kept
		dst.Quarters.Due += src.Quarters.Due
		dst.Quarters.Kept += src.Quarters.Kept
		dst.Secretaries += src.Secretaries
		dst.Trained += src.Trained
		dst.Reached += src.Reached
		dst.Acked += src.Acked
	}
	add(&m.Whole, &p.Whole)
	for y, f := range p.Self {
		add(m.self(y), f)
	}
	for id, ys := range p.Units {
		for y, f := range ys {
			add(m.unit(id, y), f)
		}
	}
}

// Parallel runs fns at once and answers the first error (in their order).
func Parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// runs counts, per year and over the range, the cells that met the
// obligation of every month (quarter) over: for the organization and for
// each unit under it (a cell counted in the unit it stood under). A cell
// is due in a year when it has rows there (the spans); it kept the
// obligation unless it missed it once (the misses), under any path it had
// that year.
func runs(ctx context.Context, tx *store.Tx, m *Measured, ov oversight.Overview, need Need, withUnits bool) error {
	today := ov.Today
	var months, quarters []party.Period
	for _, p := range ov.Range.Months() {
		if today.After(p.Last()) {
			months = append(months, p)
		}
	}
	for _, q := range ov.Range.Quarters() {
		if today.After(q.Last()) {
			quarters = append(quarters, q)
		}
	}
	type kind struct {
		need    Need
		periods []party.Period
		spans   func(ctx context.Context, lo, hi, from, to string) ([]store.CellSpan, error)
		misses  func(ctx context.Context, lo, hi string, ps []string) ([]store.CellMiss, error)
		runs    func(f *Figures) *Runs
	}
	for _, k := range []kind{
		{NeedMonthRuns, months, tx.CellMonthSpans, tx.CellMonthMisses, func(f *Figures) *Runs { return &f.Months }},
		{NeedQuarterRuns, quarters, tx.CellQuarterSpans, tx.CellQuarterMisses, func(f *Figures) *Runs { return &f.Quarters }},
	} {
		if k.need != need || len(k.periods) == 0 {
			continue
		}
		groups, order, err := pathGroups(ctx, tx, ov.Org, k.periods)
		if err != nil {
			return err
		}
		// kept[unit, cell, year]: unit 0 is the organization itself, year
		// 0 the whole range.
		type key struct {
			unit, cell int64
			year       int
		}
		kept := map[key]bool{}
		keys := func(path string, year int) []key {
			ids := store.PathIDs(path)
			if len(ids) == 0 {
				return nil
			}
			cell := ids[len(ids)-1]
			out := []key{{0, cell, year}, {0, cell, 0}}
			if u := childOnPath(path, ov.Org.ID); withUnits && u != 0 {
				out = append(out, key{u, cell, year})
			}
			return out
		}
		for _, prefix := range order {
			ps := periodStrings(groups[prefix])
			lo, hi := store.SubtreeRange(prefix)
			spans, err := k.spans(ctx, lo, hi, ps[0], ps[len(ps)-1])
			if err != nil {
				return err
			}
			for _, sp := range spans {
				first, last := yearOf(sp.First), yearOf(sp.Last)
				for y := first; y <= last && first > 0; y++ {
					for _, kk := range keys(sp.Path, y) {
						if _, seen := kept[kk]; !seen {
							kept[kk] = true
						}
					}
				}
			}
			misses, err := k.misses(ctx, lo, hi, ps)
			if err != nil {
				return err
			}
			for _, ms := range misses {
				for _, kk := range keys(ms.Path, ms.Year) {
					kept[kk] = false
				}
			}
		}
		for kk, ok := range kept {
			var f *Figures
			switch {
			case kk.unit == 0 && kk.year == 0:
				f = &m.Whole
			case kk.unit == 0:
				f = m.self(kk.year)
			default:
				f = m.unit(kk.unit, kk.year)
			}
			r := k.runs(f)
			r.Due++
			if ok {
				r.Kept++
			}
		}
	}
	return nil
}

// yearOf is the year of a period's text (2026-06, 2026-Q2).
func yearOf(period string) int {
	if len(period) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(period[:4])
	return y
}

// shares reads the training and documents indicators per year part of
// the range (up to today) and over the whole range.
func shares(ctx context.Context, tx *store.Tx, m *Measured, ov oversight.Overview, needs Needs, withUnits bool) error {
	today := ov.Today
	read := func(path string, r oversight.Range, f *Figures) error {
		from, to := r.From.First(), r.To.Last()
		if to.After(today) {
			to = today
		}
		var err error
		if needs[NeedTraining] {
			if f.Trained, f.Secretaries, err = training.SecretariesTrainedShare(ctx, tx, path, from, to); err != nil {
				return err
			}
		}
		if needs[NeedDocuments] {
			if f.Acked, f.Reached, err = documents.AckShareIn(ctx, tx, path, from, to); err != nil {
				return err
			}
		}
		return nil
	}
	parts := SplitYears(ov.Range)
	for _, p := range parts {
		if err := read(ov.Org.Path, p.Range, m.self(p.Year)); err != nil {
			return err
		}
	}
	if err := read(ov.Org.Path, ov.Range, &m.Whole); err != nil {
		return err
	}
	if !withUnits {
		return nil
	}
	for _, u := range ov.Units {
		for _, p := range parts {
			if err := read(u.Org.Path, p.Range, m.unit(u.Org.ID, p.Year)); err != nil {
				return err
			}
		}
	}
	return nil
}

// pathGroups groups periods by the path the organization had at the end
// of each (a report counts each cell under the parent it had at the
// time): its current path when neither it nor an ancestor was ever
// reorganized.
func pathGroups(ctx context.Context, tx *store.Tx, o store.OrgRow, ps []party.Period) (map[string][]party.Period, []string, error) {
	out := map[string][]party.Period{}
	var order []string
	stable, err := tx.NeverReorganized(ctx, store.PathIDs(o.Path))
	if err != nil {
		return nil, nil, err
	}
	for _, p := range ps {
		path := o.Path
		if !stable {
			d := p.Last()
			if !o.Dissolved.IsZero() && !o.Dissolved.After(d) {
				d = o.Dissolved.AddDays(-1)
			}
			if path, err = tx.PathOn(ctx, o.ID, d); err != nil {
				return nil, nil, err
			}
		}
		if path == "" {
			continue
		}
		if _, ok := out[path]; !ok {
			order = append(order, path)
		}
		out[path] = append(out[path], p)
	}
	return out, order, nil
}

func periodStrings(ps []party.Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// childOnPath is the organization right under org on a path (0 when org
// is not on it or is its end).
func childOnPath(path string, org int64) int64 {
	seg := "/" + strconv.FormatInt(org, 10) + "/"
	i := strings.Index(path, seg)
	if i < 0 {
		return 0
	}
	rest := path[i+len(seg):]
	j := strings.IndexByte(rest, '/')
	if j <= 0 {
		return 0
	}
	id, _ := strconv.ParseInt(rest[:j], 10, 64)
	return id
}
