// Package review is the review report (báo cáo sơ kết, tổng kết;
// DOMAIN.md §10, PRINT.md §7) of an organization for a range of months:
// the situation, each indicator of the plans that apply against its
// target, compliance, quality, training and dissemination, the strongest
// and weakest units, and the board's own text kept with the report. The
// figures are read from the summaries each time (internal/oversight,
// internal/plans); only the board's text is stored. The report prints as
// DOCX and PDF in the Party layout (internal/printing) and exports its
// tables as XLSX.
package review

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Service builds review reports and keeps the board's text.
type Service struct {
	DB        *store.DB
	Now       func() time.Time
	Oversight *oversight.Service
}

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// Report is everything a review report shows.
type Report struct {
	Org       store.OrgRow
	Parent    store.OrgRow // zero for a root
	Asked     oversight.Range
	Range     oversight.Range // cut at the current month
	Empty     bool            // the range lies wholly in the future
	Today     party.Date
	Overview  oversight.Overview
	Situation Situation
	Plans     []PlanResult
	Whole     plans.Figures          // over the whole range (training, documents)
	Ranking   []oversight.RankedUnit // every unit, the best first
	Ranked    int                    // units with a score
	Strongest []oversight.RankedUnit
	Weakest   []oversight.RankedUnit // the weakest first
	Weights   oversight.Weights
	Text      store.ReviewText
}

// Situation is the organization at the end of the range (or today): the
// committees and cells under it and its members.
type Situation struct {
	AsOf                  party.Date
	Committees, Cells     int
	Members, Probationary int
}

// PlanResult is a plan that applies to the organization, with each of its
// indicators measured for the years of the range within its roadmap.
type PlanResult struct {
	Plan  store.Plan
	Years []int
	Rows  []plans.Values
}

// TopUnits is how many strongest and weakest units a report names.
const TopUnits = 5

// Build reads the report of an organization for a range of months. The
// readings that do not depend on each other run in parallel, each in its
// own read transaction: the overview with the plans and the board's text,
// then the plans' indicators with the ranking and the situation.
func (s *Service) Build(ctx context.Context, org int64, asked oversight.Range) (Report, error) {
	rep := Report{Asked: asked, Today: s.today()}
	var ov oversight.Overview
	err := plans.Parallel(func() error {
		var err error
		ov, err = s.Oversight.Overview(ctx, org, asked, false)
		return err
	}, func() error {
		return s.DB.View(ctx, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, org)
			if err != nil {
				return err
			}
			if o.ParentID != 0 {
				if rep.Parent, err = tx.Org(ctx, o.ParentID); err != nil {
					return err
				}
			}
			if rep.Text, _, err = tx.ReviewTextOf(ctx, org, asked.FromParam(), asked.ToParam()); err != nil {
				return err
			}
			ps, err := tx.PlansOver(ctx, o.Path, asked.From.Year, asked.To.Year)
			for _, p := range ps {
				rep.Plans = append(rep.Plans, PlanResult{Plan: p})
			}
			return err
		})
	})
	if err != nil {
		return rep, err
	}
	rep.Org, rep.Overview, rep.Range, rep.Empty = ov.Org, ov, ov.Range, ov.Empty
	situation := func() error {
		return s.DB.View(ctx, func(tx *store.Tx) error { return s.situation(ctx, tx, &rep) })
	}
	if rep.Empty {
		for i := range rep.Plans {
			rep.Plans[i] = judgePlan(rep.Plans[i].Plan, rep.Asked, rep.Today, nil)
		}
		return rep, situation()
	}
	needs := plans.Needs{plans.NeedTraining: true, plans.NeedDocuments: true}
	for _, pr := range rep.Plans {
		for n := range plans.NeedsOf(pr.Plan.Indicators) {
			needs[n] = true
		}
	}
	var m plans.Measured
	var rk oversight.Ranking
	err = plans.Parallel(func() error {
		var err error
		m, err = plans.Measure(ctx, s.DB, ov, needs, false)
		return err
	}, func() error {
		var err error
		rk, err = s.Oversight.Ranking(ctx, org, asked)
		return err
	}, situation)
	if err != nil {
		return rep, err
	}
	rep.Whole = m.Whole
	for i := range rep.Plans {
		rep.Plans[i] = judgePlan(rep.Plans[i].Plan, rep.Asked, rep.Today, m.Self)
	}
	rep.Weights, rep.Ranking = rk.Weights, rk.Units
	rep.Ranked, rep.Strongest, rep.Weakest = topAndBottom(rk.Units, TopUnits)
	return rep, nil
}

// situation counts the committees, cells and members under the
// organization at the end of the range (today when it is not over).
func (s *Service) situation(ctx context.Context, tx *store.Tx, rep *Report) error {
	d := rep.Asked.To.Last()
	if d.After(rep.Today) {
		d = rep.Today
	}
	rep.Situation.AsOf = d
	kinds, err := tx.CountOrgKinds(ctx, rep.Org.Path, d)
	if err != nil {
		return err
	}
	for k, n := range kinds {
		switch {
		case k.IsCell():
			rep.Situation.Cells += n
		case k != party.ToDang:
			rep.Situation.Committees += n
		}
	}
	if rep.Org.IsCell() {
		rep.Situation.Cells = 1
	}
	c, err := tx.CountMembersOn(ctx, rep.Org.Path, d)
	rep.Situation.Members, rep.Situation.Probationary = c.Members, c.Probationary
	return err
}

// judgePlan measures a plan's indicators for each year of the range within
// its roadmap. A year's target is judged met or not only when the year is
// over and the range reaches its end; before, the value so far is "in
// progress".
func judgePlan(p store.Plan, asked oversight.Range, today party.Date, byYear map[int]*plans.Figures) PlanResult {
	pr := PlanResult{Plan: p}
	parts := map[int]oversight.Range{}
	for _, part := range plans.SplitYears(asked) {
		if part.Year >= p.YearFrom && part.Year <= p.YearTo {
			pr.Years = append(pr.Years, part.Year)
			parts[part.Year] = part.Range
		}
	}
	for _, code := range p.Indicators {
		vs := plans.Values{Code: code}
		for _, y := range pr.Years {
			v := plans.Value{Year: y}
			v.Target, v.HasTarget = plans.TargetOf(p, code, y)
			if f := byYear[y]; f != nil {
				v.Rate = plans.ValueOf(code, *f)
			}
			started, over := plans.YearState(y, today)
			over = over && parts[y].To.Month == time.December
			v.Status = plans.Judge(v.Target, v.HasTarget, v.Rate, started, over)
			vs.Years = append(vs.Years, v)
		}
		pr.Rows = append(pr.Rows, vs)
	}
	return pr
}

// topAndBottom are the strongest units (best first) and the weakest
// (weakest first) among those with a score: up to n each, never the same
// unit in both lists.
func topAndBottom(units []oversight.RankedUnit, n int) (ranked int, top, bottom []oversight.RankedUnit) {
	var scored []oversight.RankedUnit
	for _, u := range units {
		if u.Score.Known {
			scored = append(scored, u)
		}
	}
	k := min(n, len(scored)/2)
	if k == 0 {
		return len(scored), nil, nil
	}
	top = scored[:k]
	for i := len(scored) - 1; i >= len(scored)-k; i-- {
		bottom = append(bottom, scored[i])
	}
	return len(scored), top, bottom
}

// Sign roles of the report's signatory (PRINT.md §5b).
const (
	SignSecretary = "bi_thu"
	SignDeputy    = "pho_bi_thu"
)

// Text is the board's text as submitted.
type Text struct {
	Number, Leadership, Strengths, Weaknesses, Lessons, Directions, Proposals string
	Signer, SignRole, Recipients                                              string
	Version                                                                   int64
}

// Limits of the board's text.
const (
	MaxSection = 20000
	MaxShort   = 120
)

// CheckText cleans the board's text (NFC, trimmed) and refuses what is
// too long or a sign role that is not one.
func CheckText(t Text) (Text, party.FieldErrors) {
	f := party.FieldErrors{}
	long := func(field string, v *string) {
		*v = strings.TrimSpace(vntext.NFC(*v))
		if utf8.RuneCountInString(*v) > MaxSection {
			f.Add(field, "review.too_long", MaxSection)
		}
	}
	short := func(field string, v *string) {
		*v = vntext.Clean(*v)
		if utf8.RuneCountInString(*v) > MaxShort {
			f.Add(field, "review.too_long", MaxShort)
		}
	}
	short("number", &t.Number)
	short("signer", &t.Signer)
	long("leadership", &t.Leadership)
	long("strengths", &t.Strengths)
	long("weaknesses", &t.Weaknesses)
	long("lessons", &t.Lessons)
	long("directions", &t.Directions)
	long("proposals", &t.Proposals)
	long("recipients", &t.Recipients)
	t.SignRole = strings.TrimSpace(t.SignRole)
	if t.SignRole != "" && t.SignRole != SignSecretary && t.SignRole != SignDeputy {
		f.Add("sign_role", "review.sign_role.invalid", t.SignRole)
	}
	if t.Version < 0 {
		f.Add("version", "review.version.invalid")
	}
	return t, f
}

// SaveText keeps the board's text of an organization's report for a
// range. t.Version is the version the user saw (0: none was saved): a
// text saved by someone else meanwhile is never overwritten (409). It
// answers the new version.
func (s *Service) SaveText(ctx context.Context, actor store.Actor, org int64, r oversight.Range, t Text) (int64, error) {
	t, f := CheckText(t)
	if err := plans.Err(f); err != nil {
		return 0, err
	}
	var v int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if _, err := tx.Org(ctx, org); err != nil {
			return err
		}
		row := store.ReviewText{OrgID: org, From: r.FromParam(), To: r.ToParam(), Number: t.Number, Leadership: t.Leadership, Strengths: t.Strengths,
			Weaknesses: t.Weaknesses, Lessons: t.Lessons, Directions: t.Directions, Proposals: t.Proposals, Signer: t.Signer, SignRole: t.SignRole,
			Recipients: t.Recipients, Version: t.Version}
		var err error
		if v, err = tx.PutReviewText(ctx, row); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "review_text", org, org, nil, map[string]any{"from": row.From, "to": row.To, "version": v})
	})
	return v, err
}

// Summary is the report's trích yếu (PRINT.md §3, §7) for a range:
// "tổng kết năm 2026", "sơ kết 6 tháng đầu năm 2026", "sơ kết quý II/2026",
// "sơ kết từ tháng 1/2024 đến tháng 6/2026".
func Summary(r oversight.Range) party.Msg {
	p, kind := r.Whole()
	switch {
	case kind == "year":
		return party.M("review.summary.year", strconv.Itoa(p.Year))
	case kind == "quarter":
		return party.M("review.summary.period", p)
	case kind == "month":
		return party.M("review.summary.period", p)
	case r.From.Year == r.To.Year && r.From.Month == time.January && r.To.Month == time.June:
		return party.M("review.summary.first_half", strconv.Itoa(r.From.Year))
	case r.From.Year == r.To.Year && r.From.Month == time.July && r.To.Month == time.December:
		return party.M("review.summary.second_half", strconv.Itoa(r.From.Year))
	case r.From.Year == r.To.Year && r.From.Month == time.January && r.To.Month == time.September:
		return party.M("review.summary.nine_months", strconv.Itoa(r.From.Year))
	case r.From.Month == time.January && r.To.Month == time.December:
		return party.M("review.summary.years", strconv.Itoa(r.From.Year), strconv.Itoa(r.To.Year), r.To.Year-r.From.Year+1)
	}
	return party.M("review.summary.span", r.From, r.To)
}
