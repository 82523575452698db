package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
	"chibo/internal/svgchart"
)

// The plans' pages: the list of the plans that concern an organization,
// the form to write one, and a plan's progress for an organization under
// it, with the drill-down to the organizations under that one.

func planHref(org, plan int64) string { return fmt.Sprintf("/orgs/%d/plans/%d", org, plan) }

// planCrumbs is the trail of an organization's plans.
func planCrumbs(c *Ctx, o store.OrgRow, last ...Crumb) []Crumb {
	out := []Crumb{{Label: o.Name, Href: fmt.Sprintf("/orgs/%d", o.ID)}, {Label: c.T("web.plans.title"), Href: fmt.Sprintf("/plans?org=%d", o.ID)}}
	return append(out, last...)
}

type planListItem struct {
	Plan    store.Plan
	Href    string
	Whose   string // "own", "above", "below"
	Years   string
	Current bool // the roadmap includes this year
}

type planListData struct {
	Org       store.OrgRow
	Items     []planListItem
	CanCreate bool
}

// planList is the plans that concern an organization: its own and those
// of the committees above it (they apply to it, measured for it), and
// those of the organizations under it.
func (s *Server) planList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	o, list, err := s.svc.Plans.List(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	year := s.civilToday().Year()
	d := planListData{Org: o, CanCreate: !o.IsCell() && auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: o.Path})}
	for _, p := range list {
		it := planListItem{Plan: p, Years: fmt.Sprintf("%d–%d", p.YearFrom, p.YearTo), Current: p.YearFrom <= year && year <= p.YearTo}
		switch {
		case p.OrgID == o.ID:
			it.Whose, it.Href = "own", planHref(o.ID, p.ID)
		case plans.Applies(p, o.Path):
			it.Whose, it.Href = "above", planHref(o.ID, p.ID)
		default:
			it.Whose, it.Href = "below", planHref(p.OrgID, p.ID)
		}
		d.Items = append(d.Items, it)
	}
	s.render(w, r, http.StatusOK, "plan_list", View{Title: c.T("web.plans.list_title", o.Name), Nav: "overview",
		Crumbs: []Crumb{{Label: o.Name, Href: fmt.Sprintf("/orgs/%d", o.ID)}, {Label: c.T("web.plans.title")}}, Data: d})
}

// planFormIndicator is one indicator of the catalogue in the form: its
// name and definition, and a target field per year of the roadmap.
type planFormIndicator struct {
	Code, Name, Def string
	Cells           []planFormCell
	HasError        bool
}

type planFormCell struct {
	Year  int
	Field string
	ID    string
}

type planFormData struct {
	Org        store.OrgRow
	PlanID     int64
	Action     string
	Years      []int
	GridFrom   int
	GridTo     int
	Indicators []planFormIndicator
	Units      []store.OrgRow // the organization and those directly under it
}

// planGrid is the years the targets' grid shows: the roadmap typed when
// it reads, else the grid's own years, else this year and the next four.
func planGrid(f *Form, today party.Date) (from, to int) {
	from, to = today.Year(), today.Year()+4
	if a, b := planAtoi(f.Get("grid_from")), planAtoi(f.Get("grid_to")); a >= plans.MinYear && b >= a && b-a < plans.MaxRoadmap {
		from, to = a, b
	}
	a, errA := plans.ParseYear(f.Get("year_from"))
	b, errB := plans.ParseYear(f.Get("year_to"))
	if errA == nil && errB == nil && b >= a && b-a < plans.MaxRoadmap {
		from, to = a, b
	}
	return from, to
}

func planAtoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func (s *Server) renderPlanForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, org store.OrgRow, planID int64, f *Form) {
	ctx := r.Context()
	d := planFormData{Org: org, PlanID: planID, Action: fmt.Sprintf("/orgs/%d/plans", org.ID)}
	if planID != 0 {
		d.Action = planHref(org.ID, planID)
	}
	d.GridFrom, d.GridTo = planGrid(f, s.civilToday())
	for y := d.GridFrom; y <= d.GridTo; y++ {
		d.Years = append(d.Years, y)
	}
	for _, in := range plans.Catalogue {
		pi := planFormIndicator{Code: in.Code, Name: c.T(plans.NameKey(in.Code)), Def: c.T(plans.DefKey(in.Code))}
		for _, y := range d.Years {
			field := plans.TargetField(in.Code, y)
			pi.Cells = append(pi.Cells, planFormCell{Year: y, Field: field, ID: "f-" + strings.ReplaceAll(field, ".", "-")})
			pi.HasError = pi.HasError || f.Err(field) != ""
		}
		d.Indicators = append(d.Indicators, pi)
	}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		children, err := tx.Children(ctx, org.ID)
		d.Units = append([]store.OrgRow{org}, children...)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	title := c.T("web.plans.new")
	var last []Crumb
	if planID != 0 {
		title = c.T("web.plans.edit")
		last = append(last, Crumb{Label: f.Get("number"), Href: planHref(org.ID, planID)})
	}
	s.render(w, r, status, "plan_form", View{Title: title, Nav: "overview", Crumbs: planCrumbs(c, org, append(last, Crumb{Label: title})...), Form: f, Data: d})
}

// planToForm writes a stored plan as the form's values.
func planToForm(p store.Plan) *Form {
	v := url.Values{"number": {p.Number}, "title": {p.Title}, "goals": {p.Goals}, "year_from": {strconv.Itoa(p.YearFrom)},
		"year_to": {strconv.Itoa(p.YearTo)}, "grid_from": {strconv.Itoa(p.YearFrom)}, "grid_to": {strconv.Itoa(p.YearTo)},
		"version": {strconv.FormatInt(p.Version, 10)}}
	for _, o := range p.Responsible {
		v.Add("responsible", strconv.FormatInt(o.ID, 10))
	}
	for _, t := range p.Targets {
		v.Set(plans.TargetField(t.Indicator, t.Year), plans.FormatTarget(plans.Target(t.Permille)))
	}
	return NewForm(v)
}

// planFromForm reads the form: an indicator is in the plan when at least
// one of its targets is typed. grew is true when the roadmap typed differs
// from the grid's years: the page is shown again with the new grid,
// nothing saved.
func planFromForm(f *Form, org int64) (in plans.Input, fe party.FieldErrors, grew bool) {
	fe = party.FieldErrors{}
	in = plans.Input{OrgID: org, Number: f.Get("number"), Title: f.Get("title"), Goals: f.Get("goals"), Responsible: atoi64s(f.Values["responsible"]),
		Version: atoi64(f.Get("version"))}
	var msg *party.Msg
	if in.YearFrom, msg = plans.ParseYear(f.Get("year_from")); msg != nil {
		fe.Add("year_from", msg.Key, msg.Args...)
	}
	if in.YearTo, msg = plans.ParseYear(f.Get("year_to")); msg != nil {
		fe.Add("year_to", msg.Key, msg.Args...)
	}
	gridFrom, gridTo := planAtoi(f.Get("grid_from")), planAtoi(f.Get("grid_to"))
	if len(fe) == 0 && (gridFrom != in.YearFrom || gridTo != in.YearTo) && in.YearTo >= in.YearFrom && in.YearTo-in.YearFrom < plans.MaxRoadmap {
		grew = true
	}
	for _, ind := range plans.Catalogue {
		ii := plans.IndicatorInput{Code: ind.Code, Targets: map[int]string{}}
		for y := gridFrom; y <= gridTo && y-gridFrom < plans.MaxRoadmap; y++ {
			if v := strings.TrimSpace(f.Get(plans.TargetField(ind.Code, y))); v != "" {
				ii.Targets[y] = v
			}
		}
		if len(ii.Targets) > 0 {
			in.Indicators = append(in.Indicators, ii)
		}
	}
	return in, fe, grew
}

func (s *Server) planNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	o, ok := s.planCommittee(w, r, c)
	if !ok {
		return
	}
	s.renderPlanForm(w, r, c, http.StatusOK, o, 0, NewForm(nil))
}

// planCommittee reads the organization of the path; plans are made by
// committees, not cells.
func (s *Server) planCommittee(w http.ResponseWriter, r *http.Request, c *Ctx) (store.OrgRow, bool) {
	var o store.OrgRow
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		o, err = tx.Org(r.Context(), pathID(r, "id"))
		return err
	})
	if err == nil && o.IsCell() {
		err = party.RuleError("plan.cell_no_plan", o.Name)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return o, false
	}
	return o, true
}

func (s *Server) planCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	o, ok := s.planCommittee(w, r, c)
	if !ok {
		return
	}
	f := NewForm(r.PostForm)
	in, fe, grew := planFromForm(f, o.ID)
	if grew || r.PostForm.Has("refresh") {
		f.Error = c.T("web.plans.grid_changed")
		s.renderPlanForm(w, r, c, http.StatusOK, o, 0, f)
		return
	}
	err := fe.Err()
	if err == nil {
		var id int64
		if id, err = s.svc.Plans.Create(r.Context(), c.Actor(), in); err == nil {
			s.flash(w, "web.plans.created")
			redirect(w, r, planHref(o.ID, id))
			return
		}
	}
	f.SetError(c, err)
	s.renderPlanForm(w, r, c, statusOf(party.ErrorCode(err)), o, 0, f)
}

// ownPlan reads the plan of the path, which must be the organization's own
// (a plan is edited where it was issued).
func (s *Server) ownPlan(w http.ResponseWriter, r *http.Request, c *Ctx) (store.OrgRow, store.Plan, bool) {
	var o store.OrgRow
	var p store.Plan
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		if o, err = tx.Org(r.Context(), pathID(r, "id")); err != nil {
			return err
		}
		if p, err = tx.Plan(r.Context(), pathID(r, "pid")); err != nil {
			return err
		}
		if p.OrgID != o.ID {
			return party.NotFound("plan.not_found", r.PathValue("pid"))
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return o, p, false
	}
	return o, p, true
}

func (s *Server) planEdit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	o, p, ok := s.ownPlan(w, r, c)
	if !ok {
		return
	}
	s.renderPlanForm(w, r, c, http.StatusOK, o, p.ID, planToForm(p))
}

func (s *Server) planSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	o, p, ok := s.ownPlan(w, r, c)
	if !ok {
		return
	}
	f := NewForm(r.PostForm)
	in, fe, grew := planFromForm(f, o.ID)
	if grew || r.PostForm.Has("refresh") {
		f.Error = c.T("web.plans.grid_changed")
		s.renderPlanForm(w, r, c, http.StatusOK, o, p.ID, f)
		return
	}
	err := fe.Err()
	if err == nil {
		if err = s.svc.Plans.Update(r.Context(), c.Actor(), p.ID, in); err == nil {
			s.flash(w, "web.saved")
			redirect(w, r, planHref(o.ID, p.ID))
			return
		}
	}
	f.SetError(c, err)
	s.renderPlanForm(w, r, c, statusOf(party.ErrorCode(err)), o, p.ID, f)
}

// planCell is one value shown: the result, the target, the status.
type planCell struct {
	Year              int
	Value, Frac       string
	Target, Status    string
	Class             string
	Symbol            string
	HasValue, HasGoal bool
}

type planIndicatorLine struct {
	Code, Name, Short, Def string
	Cells                  []planCell
}

type planUnitLine struct {
	Name, Href, Kind string
	IsCell           bool
	Responsible      bool
	Cells            []planCell // per indicator, for the year shown
}

type planYearLink struct {
	Year    int
	Href    string
	Current bool
}

type planShowData struct {
	P          plans.Progress
	Year       int
	YearLinks  []planYearLink
	Lines      []planIndicatorLine
	Heads      []planIndicatorLine // the indicators, for the units' table
	Units      []planUnitLine
	Chart      template.HTML
	Goals      []string
	CanEdit    bool
	IsOwn      bool
	ReportHref string
	Above      []Crumb // the plan's progress at the organizations above, within reach
}

// planClass is a status's look: a colour class and a symbol that says the
// same to those who do not see colours.
func planClass(st plans.Status, reached bool) (class, symbol string) {
	switch st {
	case plans.Met:
		return "st-met", "✓"
	case plans.NotMet:
		return "st-bad", "✗"
	case plans.InProgress:
		if reached {
			return "st-run st-ok", "↗"
		}
		return "st-run", "…"
	}
	return "st-none", "–"
}

func planCellOf(c *Ctx, v plans.Value) planCell {
	pc := planCell{Year: v.Year, Value: rateText(c, v.Rate), Target: "—", Status: c.Msg(v.Status.Label()), HasValue: v.Rate.Known, HasGoal: v.HasTarget}
	if v.Rate.Known {
		pc.Frac = fracText(c, v.Rate.N, v.Rate.D)
	}
	if v.HasTarget {
		pc.Target = i18n.Percent(c.L, v.Target.Rate())
	}
	if v.Status == plans.InProgress {
		key := "plans.so_far.below"
		if plans.Reached(v.Rate, v.Target) {
			key = "plans.so_far.reached"
		}
		pc.Status += " (" + c.T(key) + ")"
	}
	pc.Class, pc.Symbol = planClass(v.Status, plans.Reached(v.Rate, v.Target))
	return pc
}

// planShow is a plan's progress for an organization it applies to.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	orgID := pathID(r, "id")
	pr, err := s.svc.Plans.Progress(ctx, pathID(r, "pid"), orgID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := planShowData{P: pr, IsOwn: pr.Plan.OrgID == orgID}
	d.CanEdit = d.IsOwn && auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: pr.Plan.OrgPath})
	today := pr.Today
	d.Year = today.Year()
	if y := planAtoi(r.URL.Query().Get("year")); y >= pr.Plan.YearFrom && y <= pr.Plan.YearTo {
		d.Year = y
	} else if d.Year > pr.Plan.YearTo {
		d.Year = pr.Plan.YearTo
	} else if d.Year < pr.Plan.YearFrom {
		d.Year = pr.Plan.YearFrom
	}
	base := planHref(orgID, pr.Plan.ID)
	for _, y := range pr.Years {
		d.YearLinks = append(d.YearLinks, planYearLink{Year: y, Href: fmt.Sprintf("%s?year=%d#units", base, y), Current: y == d.Year})
	}
	for _, line := range strings.Split(pr.Plan.Goals, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			d.Goals = append(d.Goals, line)
		}
	}
	var bars []svgchart.Bar
	for _, vs := range pr.Self.Indicators {
		l := planIndicatorLine{Code: vs.Code, Name: c.T(plans.NameKey(vs.Code)), Short: c.T(plans.ShortKey(vs.Code)), Def: c.T(plans.DefKey(vs.Code))}
		for _, v := range vs.Years {
			l.Cells = append(l.Cells, planCellOf(c, v))
		}
		d.Lines = append(d.Lines, l)
		d.Heads = append(d.Heads, planIndicatorLine{Code: l.Code, Name: l.Name, Short: l.Short})
		v := vs.ValueIn(d.Year)
		fill := svgchart.Grey
		switch {
		case !v.Rate.Known:
		case v.HasTarget && plans.Reached(v.Rate, v.Target):
			fill = svgchart.Green
		case v.Status == plans.NotMet:
			fill = svgchart.Red
		case v.HasTarget:
			fill = svgchart.Amber
		default:
			fill = svgchart.Blue
		}
		text := rateText(c, v.Rate)
		if v.HasTarget {
			text = c.T("web.plans.chart.bar", text, i18n.Percent(c.L, v.Target.Rate()))
		}
		bars = append(bars, svgchart.Bar{Label: l.Short, Value: v.Rate.Value, Text: text, Fill: fill})
	}
	if len(bars) > 0 && today.Year() >= d.Year {
		d.Chart = template.HTML(svgchart.Bars{ID: "plan-chart", Title: c.T("web.plans.chart.title", pr.Org.Name, strconv.Itoa(d.Year)), Bars: bars, Max: 1}.SVG())
	}
	for _, u := range pr.Units {
		ul := planUnitLine{Name: u.Org.Name, Href: fmt.Sprintf("%s?year=%d", planHref(u.Org.ID, pr.Plan.ID), d.Year), IsCell: u.IsCell,
			Responsible: u.Responsible, Kind: c.T("org.kind." + string(u.Org.Kind))}
		for _, vs := range u.Indicators {
			ul.Cells = append(ul.Cells, planCellOf(c, vs.ValueIn(d.Year)))
		}
		d.Units = append(d.Units, ul)
	}
	d.ReportHref = fmt.Sprintf("/orgs/%d/report?from=%d&to=%d", orgID, d.Year, d.Year)
	err = s.db.View(ctx, func(tx *store.Tx) error {
		anc, err := tx.Ancestors(ctx, pr.Org.Org)
		for _, a := range anc {
			if plans.Applies(pr.Plan, a.Path) && auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: a.Path}) {
				d.Above = append(d.Above, Crumb{Label: a.Name, Href: fmt.Sprintf("%s?year=%d", planHref(a.ID, pr.Plan.ID), d.Year)})
			}
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs := append(planCrumbs(c, pr.Org), d.Above...)
	crumbs = append(crumbs, Crumb{Label: pr.Plan.Number})
	s.render(w, r, http.StatusOK, "plan_show", View{Title: pr.Plan.Number + " — " + pr.Org.Name, Nav: "overview", Crumbs: crumbs, Data: d})
}
