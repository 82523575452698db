package plans

import (
	"context"
	"strconv"
	"strings"
	"time"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Service runs the plans' use cases.
type Service struct {
	DB        *store.DB
	Now       func() time.Time
	Oversight *oversight.Service
}

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// Create stores a new plan of an organization.
func (s *Service) Create(ctx context.Context, actor store.Actor, in Input) (int64, error) {
	c, f := Check(in)
	if err := Err(f); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		org, err := tx.Org(ctx, in.OrgID)
		if err != nil {
			return err
		}
		if org.IsCell() {
			// Plans are issued by committees; a cell carries out theirs.
			return party.RuleError("plan.cell_no_plan", org.Name)
		}
		p, err := s.record(ctx, tx, in, c)
		if err != nil {
			return err
		}
		if id, err = tx.InsertPlan(ctx, p); err != nil {
			return err
		}
		p.ID = id
		return tx.Audit(ctx, "create", "plan", id, in.OrgID, nil, auditOf(p))
	})
	return id, err
}

// Update saves an edited plan; in.Version is the version the user saw. A
// plan is edited by the board of its own organization, which cannot be
// changed.
func (s *Service) Update(ctx context.Context, actor store.Actor, id int64, in Input) error {
	c, f := Check(in)
	if in.Version <= 0 {
		f.Add("version", "plan.version.required")
	}
	if err := Err(f); err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		old, err := tx.Plan(ctx, id)
		if err != nil {
			return err
		}
		if in.OrgID != 0 && in.OrgID != old.OrgID {
			return party.RuleError("plan.org_fixed", old.OrgName)
		}
		in.OrgID = old.OrgID
		p, err := s.record(ctx, tx, in, c)
		if err != nil {
			return err
		}
		p.ID, p.Version = id, in.Version
		if err := tx.UpdatePlan(ctx, p); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "plan", id, old.OrgID, auditOf(old), auditOf(p))
	})
}

// record builds the stored plan, checking the responsible organizations
// stand under the plan's organization.
func (s *Service) record(ctx context.Context, tx *store.Tx, in Input, c Checked) (store.Plan, error) {
	org, err := tx.Org(ctx, in.OrgID)
	if err != nil {
		return store.Plan{}, err
	}
	p := store.Plan{OrgID: org.ID, Number: c.Number, Title: c.Title, Goals: c.Goals, YearFrom: c.YearFrom, YearTo: c.YearTo, Indicators: c.Indicators}
	seen := map[int64]bool{}
	f := party.FieldErrors{}
	for _, id := range in.Responsible {
		if id <= 0 || seen[id] {
			continue
		}
		seen[id] = true
		o, err := tx.Org(ctx, id)
		if party.ErrorCode(err) == party.ENotFound {
			f.Add("responsible", "plan.responsible.unknown", strconv.FormatInt(id, 10))
			continue
		}
		if err != nil {
			return p, err
		}
		if !strings.HasPrefix(o.Path, org.Path) {
			f.Add("responsible", "plan.responsible.not_under", o.Name, org.Name)
			continue
		}
		p.Responsible = append(p.Responsible, store.PlanOrg{ID: o.ID, Name: o.Name, Path: o.Path})
	}
	if err := Err(f); err != nil {
		return p, err
	}
	for _, code := range c.Indicators {
		for y := c.YearFrom; y <= c.YearTo; y++ {
			if t, ok := c.Targets[code][y]; ok {
				p.Targets = append(p.Targets, store.PlanTarget{Indicator: code, Year: y, Permille: int(t)})
			}
		}
	}
	return p, nil
}

func auditOf(p store.Plan) map[string]any {
	return map[string]any{"number": p.Number, "title": p.Title, "years": []int{p.YearFrom, p.YearTo}, "indicators": p.Indicators, "targets": p.Targets,
		"responsible": len(p.Responsible)}
}

// Get reads a plan.
func (s *Service) Get(ctx context.Context, id int64) (store.Plan, error) {
	var p store.Plan
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		p, err = tx.Plan(ctx, id)
		return err
	})
	return p, err
}

// List is the plans that concern an organization: its own and its
// ancestors' (which apply to it), and those of the organizations under
// it.
func (s *Service) List(ctx context.Context, org int64) (store.OrgRow, []store.Plan, error) {
	var o store.OrgRow
	var out []store.Plan
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if o, err = tx.Org(ctx, org); err != nil {
			return err
		}
		out, err = tx.PlansAround(ctx, o.Path)
		return err
	})
	return o, out, err
}

// Applies reports whether a plan concerns an organization: the plan's
// organization is the organization itself or one above it.
func Applies(p store.Plan, orgPath string) bool {
	return p.OrgPath != "" && strings.HasPrefix(orgPath, p.OrgPath)
}

// TargetOf is a plan's target for an indicator and a year.
func TargetOf(p store.Plan, code string, year int) (Target, bool) {
	for _, t := range p.Targets {
		if t.Indicator == code && t.Year == year {
			return Target(t.Permille), true
		}
	}
	return 0, false
}

// Years lists the years of a plan's roadmap.
func Years(p store.Plan) []int {
	var out []int
	for y := p.YearFrom; y <= p.YearTo; y++ {
		out = append(out, y)
	}
	return out
}

// InputOf is a stored plan as an Input (to edit it).
func InputOf(p store.Plan) Input {
	in := Input{OrgID: p.OrgID, Number: p.Number, Title: p.Title, Goals: p.Goals, YearFrom: p.YearFrom, YearTo: p.YearTo, Version: p.Version}
	for _, o := range p.Responsible {
		in.Responsible = append(in.Responsible, o.ID)
	}
	for _, code := range p.Indicators {
		ii := IndicatorInput{Code: code, Targets: map[int]string{}}
		for _, t := range p.Targets {
			if t.Indicator == code {
				ii.Targets[t.Year] = FormatTarget(Target(t.Permille))
			}
		}
		in.Indicators = append(in.Indicators, ii)
	}
	return in
}
