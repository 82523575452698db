package plans

import (
	"context"
	"time"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Progress is a plan's indicators measured for an organization under it
// and for each organization directly under that one (the drill-down),
// year by year of the roadmap, against the targets.
type Progress struct {
	Plan          store.Plan
	Org           store.OrgRow
	Years         []int
	Today         party.Date
	Self          Row
	Units         []Row
	UnitsAreCells bool
}

// Row is one organization's values: per indicator of the plan (in its
// order), per year of the roadmap.
type Row struct {
	Org         store.OrgRow
	IsCell      bool
	Responsible bool
	Indicators  []Values
}

// Values are one indicator's values over the years.
type Values struct {
	Code  string
	Years []Value
}

// Value is an indicator's value for one year against its target.
type Value struct {
	Year      int
	Target    Target
	HasTarget bool
	Rate      oversight.Rate
	Status    Status
}

// Progress measures a plan for an organization under it (or its own).
// An organization the plan does not apply to answers "not found".
func (s *Service) Progress(ctx context.Context, planID, orgID int64) (Progress, error) {
	pr := Progress{Today: s.today()}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if pr.Plan, err = tx.Plan(ctx, planID); err != nil {
			return err
		}
		if orgID == 0 {
			orgID = pr.Plan.OrgID
		}
		if pr.Org, err = tx.Org(ctx, orgID); err != nil {
			return err
		}
		if !Applies(pr.Plan, pr.Org.Path) {
			return party.NotFound("plan.not_for_org", pr.Plan.Number, pr.Org.Name)
		}
		return nil
	})
	if err != nil {
		return pr, err
	}
	pr.Years = Years(pr.Plan)
	r := oversight.Range{From: party.MonthPeriod(pr.Plan.YearFrom, time.January), To: party.MonthPeriod(pr.Plan.YearTo, time.December)}
	ov, err := s.Oversight.Overview(ctx, pr.Org.ID, r, false)
	if err != nil {
		return pr, err
	}
	m, err := Measure(ctx, s.DB, ov, NeedsOf(pr.Plan.Indicators), true)
	if err != nil {
		return pr, err
	}
	responsible := map[int64]bool{}
	for _, o := range pr.Plan.Responsible {
		responsible[o.ID] = true
	}
	pr.Self = row(pr.Plan, pr.Years, pr.Today, pr.Org, responsible[pr.Org.ID], m.Self)
	pr.UnitsAreCells = len(ov.Units) > 0
	for _, u := range ov.Units {
		pr.Units = append(pr.Units, row(pr.Plan, pr.Years, pr.Today, u.Org, responsible[u.Org.ID], m.Units[u.Org.ID]))
		pr.UnitsAreCells = pr.UnitsAreCells && u.IsCell
	}
	return pr, nil
}

// row judges one organization's figures year by year.
func row(p store.Plan, years []int, today party.Date, o store.OrgRow, responsible bool, byYear map[int]*Figures) Row {
	r := Row{Org: o, IsCell: o.IsCell(), Responsible: responsible}
	for _, code := range p.Indicators {
		vs := Values{Code: code}
		for _, y := range years {
			v := Value{Year: y}
			v.Target, v.HasTarget = TargetOf(p, code, y)
			if f := byYear[y]; f != nil {
				v.Rate = ValueOf(code, *f)
			}
			started, over := YearState(y, today)
			v.Status = Judge(v.Target, v.HasTarget, v.Rate, started, over)
			vs.Years = append(vs.Years, v)
		}
		r.Indicators = append(r.Indicators, vs)
	}
	return r
}

// ValueIn is the value of year y in vs (zero when y is not in the roadmap).
func (vs Values) ValueIn(y int) Value {
	for _, v := range vs.Years {
		if v.Year == y {
			return v
		}
	}
	return Value{Year: y, Status: NotStarted}
}
