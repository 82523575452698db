package oversight

import (
	"context"
	"sort"
	"strconv"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Unit is one organization under the one overseen (a child committee or
// cell) with its figures month by month over a range, counted only for
// the months it stood there: "a report for a period that spans a change
// counts each cell under the parent it had at the time" (DOMAIN.md §2).
type Unit struct {
	Org      store.OrgRow
	IsCell   bool
	Months   map[party.Period]MonthCell
	Quarters map[party.Period]QuarterCell
	Totals   Totals
}

// MonthCell is a unit's month: its sums, and for a cell the status of its
// regular meeting and the meeting counted.
type MonthCell struct {
	Figures   store.MonthFigures
	Totals    Totals
	Status    party.RegularStatus // cells only
	MeetingID int64
	HeldOn    party.Date
	Grade     party.Grade
}

// QuarterCell is a unit's quarter: cells on record and how many held a
// thematic meeting.
type QuarterCell struct {
	Cells, Held, Combined int
	Status                party.ThematicStatus // cells only
}

// parentIn is the organization just above the last one on a path.
func parentIn(path string) int64 {
	ids := store.PathIDs(path)
	if len(ids) < 2 {
		return 0
	}
	return ids[len(ids)-2]
}

// underOn reports whether a committee child stood under the parent on the
// day its figures for period p were taken: the period's last day, or the
// day before it was dissolved (the day cells' paths are read).
func underOn(versions []store.OrgVersion, o store.OrgRow, p party.Period) bool {
	d := p.Last()
	if !o.Dissolved.IsZero() && !o.Dissolved.After(d) {
		d = o.Dissolved.AddDays(-1)
	}
	for _, v := range versions {
		if party.Contains(v.ValidFrom, v.ValidUntil, d) {
			return true
		}
	}
	return false
}

func periodsOf(ps []party.Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// units reads the figures of org's children over r: committees from their
// own sums (org_months, org_quarters), cells from their rows. Nothing
// below the children is read but the cell-quarters without a thematic
// meeting (org_quarters counts meetings, not cells).
// It answers too the count of cells without a thematic meeting per unit
// and quarter, and under org in all (key 0), for org's own figures: the
// sum of its units', which spares reading the subtree twice.
func (s *Service) units(ctx context.Context, tx *store.Tx, org store.OrgRow, r Range, today party.Date) ([]*Unit, map[missKey]int, error) {
	vs, err := tx.ChildVersionsBetween(ctx, org.ID, r.From.First(), r.To.Last())
	if err != nil {
		return nil, nil, err
	}
	versions := map[int64][]store.OrgVersion{}
	var ids []int64
	for _, v := range vs {
		if _, seen := versions[v.OrgID]; !seen {
			ids = append(ids, v.OrgID)
		}
		versions[v.OrgID] = append(versions[v.OrgID], v)
	}
	rows, err := tx.OrgsOf(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*Unit{}
	var out []*Unit
	var cells, committees []int64
	for _, o := range rows {
		if o.Kind == party.ToDang {
			continue
		}
		u := &Unit{Org: o, IsCell: o.IsCell(), Months: map[party.Period]MonthCell{}, Quarters: map[party.Period]QuarterCell{}}
		byID[o.ID] = u
		out = append(out, u)
		if u.IsCell {
			cells = append(cells, o.ID)
		} else {
			committees = append(committees, o.ID)
		}
	}
	quarters := r.Quarters()
	qFrom, qTo := quarters[0].String(), quarters[len(quarters)-1].String()

	// Cells: their own rows, under org at the time (the path kept).
	cms, err := tx.CellMonthsOf(ctx, cells, r.From.String(), r.To.String())
	if err != nil {
		return nil, nil, err
	}
	for _, cm := range cms {
		u := byID[cm.OrgID]
		p, err := party.ParsePeriod(cm.Period)
		if err != nil || u == nil || parentIn(cm.Path) != org.ID {
			continue
		}
		mc := MonthCell{Figures: cm.Figures(), Status: party.ComplianceOf(p, cm.Outcome, today), MeetingID: cm.MeetingID, HeldOn: cm.HeldOn, Grade: cm.Grade}
		mc.Totals.AddMonth(p, mc.Figures, today)
		u.Months[p] = mc
		u.Totals.Add(mc.Totals)
	}
	cqs, err := tx.CellQuartersOf(ctx, cells, qFrom, qTo)
	if err != nil {
		return nil, nil, err
	}
	// The cells without a thematic meeting, per quarter: those directly
	// under org here, those under its committees below (key 0: all).
	missing := map[missKey]int{}
	for _, cq := range cqs {
		u := byID[cq.OrgID]
		q, err := party.ParsePeriod(cq.Period)
		if err != nil || u == nil || parentIn(cq.Path) != org.ID {
			continue
		}
		held := 0
		if cq.Held > 0 {
			held = 1
		} else {
			missing[missKey{0, q}]++
		}
		u.Quarters[q] = QuarterCell{Cells: 1, Held: held, Combined: cq.Combined, Status: party.ThematicCompliance(q, cq.Held, today)}
		u.Totals.AddQuarter(q, 1, held, cq.Combined, today)
	}

	// Committees: their sums, for the periods they stood under org.
	if len(committees) > 0 {
		oms, err := tx.OrgMonths(ctx, committees, r.From.String(), r.To.String())
		if err != nil {
			return nil, nil, err
		}
		for _, om := range oms {
			u := byID[om.OrgID]
			p, err := party.ParsePeriod(om.Period)
			if err != nil || u == nil || !underOn(versions[om.OrgID], u.Org, p) {
				continue
			}
			mc := MonthCell{Figures: om.MonthFigures}
			mc.Totals.AddMonth(p, om.MonthFigures, today)
			u.Months[p] = mc
			u.Totals.Add(mc.Totals)
		}
		oqs, err := tx.OrgQuarters(ctx, committees, qFrom, qTo)
		if err != nil {
			return nil, nil, err
		}
		below, err := s.thematicMissing(ctx, tx, quarters, org, committees)
		if err != nil {
			return nil, nil, err
		}
		for k, n := range below {
			missing[k] += n
			missing[missKey{0, k.q}] += n
		}
		for _, oq := range oqs {
			u := byID[oq.OrgID]
			q, err := party.ParsePeriod(oq.Period)
			if err != nil || u == nil || !underOn(versions[oq.OrgID], u.Org, q) {
				continue
			}
			held := max(oq.Cells-missing[missKey{oq.OrgID, q}], 0)
			u.Quarters[q] = QuarterCell{Cells: oq.Cells, Held: held, Combined: oq.Combined}
			u.Totals.AddQuarter(q, oq.Cells, held, oq.Combined, today)
		}
	}
	return out, missing, nil
}

type missKey struct {
	org int64
	q   party.Period
}

// thematicMissing counts, per quarter, the cells that held no thematic
// meeting under each committee among org's children listed — or, when
// none is, under org itself (key 0) — as they stood at the end of each
// quarter (a cell's path is kept as it was then). The counts come from the index alone; the cells that
// held one are org_quarters' cells minus these.
func (s *Service) thematicMissing(ctx context.Context, tx *store.Tx, quarters []party.Period, org store.OrgRow, children []int64) (map[missKey]int, error) {
	days := make([]party.Date, len(quarters))
	for i, q := range quarters {
		days[i] = q.Last()
	}
	paths, err := pathsOn(ctx, tx, org, days)
	if err != nil {
		return nil, err
	}
	byPrefix := map[string][]party.Period{}
	var prefixes []string
	for i, q := range quarters {
		p := paths[i]
		if p == "" {
			continue
		}
		if _, ok := byPrefix[p]; !ok {
			prefixes = append(prefixes, p)
		}
		byPrefix[p] = append(byPrefix[p], q)
	}
	out := map[missKey]int{}
	for _, prefix := range prefixes {
		subtrees := map[int64]string{}
		for _, c := range children {
			subtrees[c] = prefix + strconv.FormatInt(c, 10) + "/"
		}
		if len(children) == 0 {
			subtrees[0] = prefix
		}
		counts, err := tx.CountWithoutThematic(ctx, periodsOf(byPrefix[prefix]), subtrees)
		if err != nil {
			return nil, err
		}
		for key, byQ := range counts {
			for p, n := range byQ {
				if q, err := party.ParsePeriod(p); err == nil {
					out[missKey{key, q}] += n
				}
			}
		}
	}
	return out, nil
}

// pathsOn is an organization's path on each day (its path the day before
// it was dissolved, for later days). When neither it nor any organization
// above it was ever reorganized, that is its current path on every day,
// found with one query.
func pathsOn(ctx context.Context, tx *store.Tx, o store.OrgRow, days []party.Date) ([]string, error) {
	out := make([]string, len(days))
	stable, err := tx.NeverReorganized(ctx, store.PathIDs(o.Path))
	if err != nil {
		return nil, err
	}
	for i, d := range days {
		if !o.Dissolved.IsZero() && !o.Dissolved.After(d) {
			d = o.Dissolved.AddDays(-1)
		}
		switch {
		case d.Before(o.CreatedOn):
		case stable:
			out[i] = o.Path
		default:
			if out[i], err = tx.PathOn(ctx, o.ID, d); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// sortUnits orders units by name (as read), or the weakest first: the
// lowest on-time rate, then the most months missing.
func sortUnits(us []*Unit, weakest bool) {
	if !weakest {
		return
	}
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i].Totals.OnTimeRate(), us[j].Totals.OnTimeRate()
		if a.Known != b.Known {
			return a.Known
		}
		if a.Value != b.Value {
			return a.Value < b.Value
		}
		return us[i].Totals.Missing > us[j].Totals.Missing
	})
}
