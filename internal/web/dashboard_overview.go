package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/svgchart"
)

// overviewHome sends the user to the overview of their organization (of
// the root for administrators): the board's home (account.go).
func (s *Server) overviewHome(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id, err := s.orgOfQuery(r, c)
	if party.ErrorCode(err) == party.ENotFound && r.URL.Query().Get("org") == "" {
		// A new installation with no organization yet: the tree, to create one.
		http.Redirect(w, r, "/orgs", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	to := fmt.Sprintf("/orgs/%d/overview", id)
	if q := r.URL.Query(); q.Get("from") != "" || q.Get("to") != "" {
		to += "?" + url.Values{"from": {q.Get("from")}, "to": {q.Get("to")}}.Encode()
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// quickLink is one of the period shortcuts above a dashboard.
type quickLink struct {
	Label   string
	Href    string
	Current bool
}

// quickLinks are this month, this quarter, this year, last year and the
// last three years.
func quickLinks(c *Ctx, base string, cur oversight.Range, today party.Date) []quickLink {
	m := party.MonthOf(today)
	three := oversight.Range{From: party.MonthOf(today.AddMonths(-35)), To: m}
	list := []struct {
		key string
		r   oversight.Range
	}{
		{"web.oversight.quick.month", oversight.Month(m)},
		{"web.oversight.quick.quarter", oversight.Quarter(party.QuarterOf(today))},
		{"web.oversight.quick.year", oversight.Year(today.Year())},
		{"web.oversight.quick.last_year", oversight.Year(today.Year() - 1)},
		{"web.oversight.quick.three_years", three},
	}
	out := make([]quickLink, len(list))
	for i, q := range list {
		out[i] = quickLink{Label: c.T(q.key), Href: base + "?" + q.r.Query(), Current: q.r == cur}
	}
	return out
}

// rangeLabel names a range for a heading: "tháng 5/2026", "quý II/2026",
// "năm 2026", or "từ tháng 1/2024 đến tháng 6/2026".
func rangeLabel(c *Ctx, r oversight.Range) string {
	p, kind := r.Whole()
	switch kind {
	case "month", "quarter":
		return c.T("web.oversight.range.period", p)
	case "year":
		return c.T("web.oversight.range.year", strconv.Itoa(p.Year))
	}
	return c.T("web.oversight.range.span", r.From, r.To)
}

// stat is one figure tile.
type stat struct {
	Value, Label, Sub string
	Bad               bool
}

// unitRow is one unit in the drill-down table.
type unitRow struct {
	Name, Href, Kind        string
	IsCell                  bool
	OnTime, OnTimeFrac      string
	Missing, Late, NotDue   int
	Thematic, ThematicFrac  string
	ThematicMissing         int
	Attendance, Tot, Signed string
	Flags                   int
}

// monthLine is one month in the table beside the trend chart.
type monthLine struct {
	Period                          party.Period
	Cells, OnTime, Late, Missing    int
	NotDue                          int
	OnTimeRate, Attendance, TotRate string
	Complete, Signed                string
	Flags, Extra                    int
	Status                          string
	MeetingID                       int64
}

// quarterLine is one quarter of the thematic table.
type quarterLine struct {
	Period                       party.Period
	Cells, Held, Missing, NotDue int
	Combined                     int
	Rate                         string
	Status                       string
}

type gradeLine struct {
	Label string
	N     int
	Share string
}

type legendItem struct {
	Swatch template.HTML
	Label  string
}

// periodNav is the period picker of a dashboard page (partials/oversight.html).
type periodNav struct {
	Base       string
	Quick      []quickLink
	Prev, Next string
	Keep       map[string]string // other parameters kept by the form
}

func newPeriodNav(c *Ctx, base string, asked oversight.Range, today party.Date) periodNav {
	return periodNav{Base: base, Quick: quickLinks(c, base, asked, today),
		Prev: base + "?" + asked.Shift(-1).Query(), Next: base + "?" + asked.Shift(1).Query()}
}

type overviewPage struct {
	OV         oversight.Overview
	Bad        bool // the period could not be read
	RangeLabel string
	Base       string
	Nav        periodNav
	Stats      []stat
	Units      []unitRow
	SortName   string
	SortWeak   string
	Weakest    bool
	Heat       template.HTML // the grid of squares (scrolls)
	HeatLabels template.HTML // the names beside it (stay in view)
	Legend     []legendItem
	TrendKey   []legendItem
	RateLegend []legendItem
	Trend      template.HTML // for a phone's column
	TrendWide  template.HTML // for a desk
	Grades     template.HTML
	GradesWide template.HTML
	GradeRows  []gradeLine
	MonthRows  []monthLine
	Quarters   []quarterLine
	CanManage  bool
	CanReview  bool
	Back       string
}

// overviewShow is an organization's overview (UX.md, the board's view).
func (s *Server) overviewShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	id := pathID(r, "id")
	q := r.URL.Query()
	f := NewForm(url.Values{"from": {q.Get("from")}, "to": {q.Get("to")}})
	d := overviewPage{Base: fmt.Sprintf("/orgs/%d/overview", id), Weakest: q.Get("sort") == "weak"}
	status := http.StatusOK
	rng, err := s.rangeOf(r)
	if err != nil {
		f.SetError(c, err)
		d.Bad, status = true, statusOf(party.ErrorCode(err))
		rng = oversight.Year(s.ovToday().Year())
	}
	d.OV, err = s.ovs.Overview(ctx, id, rng, d.Weakest)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if d.Bad {
		d.OV.Empty = true
	}
	var crumbs []Crumb
	if err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		crumbs, err = s.overviewCrumbs(r, c, tx, d.OV.Org)
		return err
	}); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if f.Get("from") == "" && f.Get("to") == "" {
		f.Values.Set("from", vnMonth(rng.From))
		f.Values.Set("to", vnMonth(rng.To))
	}
	s.buildOverview(c, &d, rng)
	s.render(w, r, status, "dashboard_overview", View{Title: c.T("web.oversight.title", d.OV.Org.Name), Nav: "overview", Crumbs: crumbs, Form: f, Data: d})
}

// overviewCrumbs is the trail of overviews above an organization, within
// what the user oversees.
func (s *Server) overviewCrumbs(r *http.Request, c *Ctx, tx *store.Tx, o store.OrgRow) ([]Crumb, error) {
	anc, err := tx.Ancestors(r.Context(), o.Org)
	if err != nil {
		return nil, err
	}
	q := ""
	if r.URL.RawQuery != "" {
		v := url.Values{}
		for _, k := range []string{"from", "to"} {
			if x := r.URL.Query().Get(k); x != "" {
				v.Set(k, x)
			}
		}
		if len(v) > 0 {
			q = "?" + v.Encode()
		}
	}
	var out []Crumb
	for _, a := range anc {
		if auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: a.Path}) {
			out = append(out, Crumb{Label: a.Name, Href: fmt.Sprintf("/orgs/%d/overview%s", a.ID, q)})
		}
	}
	return append(out, Crumb{Label: o.Name}), nil
}

// buildOverview turns the figures into tiles, tables and pictures.
func (s *Server) buildOverview(c *Ctx, d *overviewPage, asked oversight.Range) {
	ov := &d.OV
	today := s.ovToday()
	d.RangeLabel = rangeLabel(c, asked)
	d.Nav = newPeriodNav(c, d.Base, asked, today)
	if d.Weakest {
		d.Nav.Keep = map[string]string{"sort": "weak"}
	}
	d.SortName = d.Base + "?" + asked.Query()
	d.SortWeak = d.SortName + "&sort=weak"
	d.Back = d.Base + "?" + asked.Query()
	if d.Weakest {
		d.Back = d.SortWeak
	}
	d.CanManage = auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: ov.Org.Path})
	d.CanReview = d.CanManage
	if ov.Empty {
		return
	}
	t := ov.Total
	d.Stats = []stat{
		{Value: rateText(c, t.OnTimeRate()), Label: c.T("web.oversight.stat.on_time"), Sub: c.T("web.oversight.stat.on_time_sub", t.OnTime, t.Due())},
		{Value: intText(c, t.Missing), Label: c.T("web.oversight.stat.missing"), Sub: c.T("web.oversight.stat.missing_sub", t.Late, t.NotDue), Bad: t.Missing > 0},
		{Value: rateText(c, t.ThematicRate()), Label: c.T("web.oversight.stat.thematic"), Sub: c.T("web.oversight.stat.thematic_sub", t.ThematicHeld, t.ThematicHeld+t.ThematicMissing), Bad: t.ThematicMissing > 0},
		{Value: rateText(c, t.AttendanceRate()), Label: c.T("web.oversight.stat.attendance"), Sub: c.T("web.oversight.stat.attendance_sub", t.Present, t.Required)},
		{Value: rateText(c, t.TotShare()), Label: c.T("web.oversight.stat.tot"), Sub: c.T("web.oversight.stat.tot_sub", t.Tot, t.Held())},
		{Value: rateText(c, t.CompleteRate()), Label: c.T("web.oversight.stat.complete"), Sub: c.T("web.oversight.stat.complete_sub", t.Complete, t.Held())},
		{Value: rateText(c, t.SignedRate()), Label: c.T("web.oversight.stat.signed"), Sub: c.T("web.oversight.stat.signed_sub", t.Signed, t.Held())},
		{Value: intText(c, t.Flags), Label: c.T("web.oversight.stat.flags"), Sub: c.T("web.oversight.stat.flags_sub", t.Combined), Bad: t.Flags > 0},
	}
	for _, u := range ov.Units {
		ut := u.Totals
		row := unitRow{Name: u.Org.Name, IsCell: u.IsCell, Kind: c.T("org.kind." + string(u.Org.Kind)),
			OnTime: rateText(c, ut.OnTimeRate()), OnTimeFrac: fracText(c, ut.OnTime, ut.Due()), Missing: ut.Missing, Late: ut.Late, NotDue: ut.NotDue,
			Thematic: rateText(c, ut.ThematicRate()), ThematicFrac: fracText(c, ut.ThematicHeld, ut.ThematicHeld+ut.ThematicMissing), ThematicMissing: ut.ThematicMissing,
			Attendance: rateText(c, ut.AttendanceRate()), Tot: rateText(c, ut.TotShare()), Signed: rateText(c, ut.SignedRate()), Flags: ut.Flags}
		if u.IsCell {
			row.Href = calendarHref(u.Org.ID, ov.Range.To.Year)
		} else {
			row.Href = overviewHref(u.Org.ID, asked)
		}
		d.Units = append(d.Units, row)
	}
	for _, m := range ov.Months {
		line := monthLine{Period: m.Period, Cells: m.T.Cells, OnTime: m.T.OnTime, Late: m.T.Late, Missing: m.T.Missing, NotDue: m.T.NotDue,
			OnTimeRate: rateText(c, m.T.OnTimeRate()), Attendance: rateText(c, m.T.AttendanceRate()), TotRate: rateText(c, m.T.TotShare()),
			Complete: rateText(c, m.T.CompleteRate()), Signed: rateText(c, m.T.SignedRate()), Flags: m.T.Flags, Extra: m.T.Extra, MeetingID: m.MeetingID}
		if m.Status != "" {
			line.Status = c.Msg(m.Status.Label())
		}
		d.MonthRows = append(d.MonthRows, line)
	}
	for _, q := range ov.Quarters {
		line := quarterLine{Period: q.Period, Cells: q.T.Quarters, Held: q.T.ThematicHeld, Missing: q.T.ThematicMissing, NotDue: q.T.ThematicNotDue,
			Combined: q.T.Combined, Rate: rateText(c, q.T.ThematicRate())}
		if q.Status != "" {
			line.Status = c.Msg(q.Status.Label())
		}
		d.Quarters = append(d.Quarters, line)
	}
	d.HeatLabels, d.Heat, d.Legend, d.RateLegend = heatMap(c, ov, asked)
	d.Trend, d.TrendWide, d.TrendKey = trendChart(c, ov)
	d.Grades, d.GradesWide, d.GradeRows = gradeChart(c, t)
}

// monthColumns labels the months of a range, grouped by year.
func monthColumns(c *Ctx, r oversight.Range) ([]string, []svgchart.Group) {
	var cols []string
	var groups []svgchart.Group
	for _, p := range r.Months() {
		cols = append(cols, c.T("web.oversight.month_short", int(p.Month)))
		label := fmt.Sprint(p.Year)
		if n := len(groups); n > 0 && groups[n-1].Label == label {
			groups[n-1].Span++
		} else {
			groups = append(groups, svgchart.Group{Label: label, Span: 1})
		}
	}
	return cols, groups
}

// statusCell draws a cell's month: a symbol and a colour for each status.
func statusCell(c *Ctx, st party.RegularStatus, title string) svgchart.Cell {
	switch st {
	case party.DungHan:
		return svgchart.Cell{Text: "✓", Fill: svgchart.Green, Ink: svgchart.InkLight, Title: title}
	case party.TreHan:
		return svgchart.Cell{Text: "!", Fill: svgchart.Amber, Ink: svgchart.Ink, Title: title}
	case party.KhongHop:
		return svgchart.Cell{Text: "✗", Fill: svgchart.Red, Ink: svgchart.InkLight, Title: title, Mark: true}
	case party.ChuaDenHan:
		return svgchart.Cell{Text: "○", Fill: svgchart.Grey, Ink: svgchart.Muted, Title: title}
	}
	return svgchart.Cell{Text: "–", Fill: svgchart.Blank, Ink: svgchart.Muted, Title: title}
}

// heatMap draws units × months: for cells the status of each month, for
// committees the share of their cells on time (a not-due month shows ○).
func heatMap(c *Ctx, ov *oversight.Overview, asked oversight.Range) (labels, grid template.HTML, legend, rates []legendItem) {
	cols, groups := monthColumns(c, ov.Range)
	h := svgchart.HeatMap{ID: "heat", Title: c.T("web.oversight.heat.title", ov.Org.Name), Columns: cols, Groups: groups}
	months := ov.Range.Months()
	cellRow := func(name string, status func(p party.Period) (party.RegularStatus, int64, bool), cell int64) svgchart.Row {
		row := svgchart.Row{Label: name, Href: calendarHref(cell, ov.Range.To.Year)}
		for _, p := range months {
			st, meeting, ok := status(p)
			if !ok {
				row.Cells = append(row.Cells, statusCell(c, "", c.T("web.oversight.heat.none", name, p)))
				continue
			}
			cl := statusCell(c, st, c.T("web.oversight.heat.cell", name, p, st.Label()))
			cl.Href = calendarHref(cell, p.Year)
			if meeting != 0 {
				cl.Href = fmt.Sprintf("/meetings/%d", meeting)
			}
			row.Cells = append(row.Cells, cl)
		}
		return row
	}
	if ov.Org.IsCell() {
		byP := map[party.Period]oversight.MonthRow{}
		for _, m := range ov.Months {
			byP[m.Period] = m
		}
		h.Rows = append(h.Rows, cellRow(ov.Org.Name, func(p party.Period) (party.RegularStatus, int64, bool) {
			m := byP[p]
			return m.Status, m.MeetingID, m.Status != ""
		}, ov.Org.ID))
	}
	for _, u := range ov.Units {
		if u.IsCell {
			u := u
			h.Rows = append(h.Rows, cellRow(u.Org.Name, func(p party.Period) (party.RegularStatus, int64, bool) {
				m, ok := u.Months[p]
				return m.Status, m.MeetingID, ok
			}, u.Org.ID))
			continue
		}
		row := svgchart.Row{Label: u.Org.Name, Href: overviewHref(u.Org.ID, asked)}
		for _, p := range months {
			m, ok := u.Months[p]
			switch {
			case !ok || m.Totals.Cells == 0:
				row.Cells = append(row.Cells, statusCell(c, "", c.T("web.oversight.heat.none", u.Org.Name, p)))
			case !ov.Today.After(p.Last()):
				// The month is not over: its share on time would only count
				// the cells that met already.
				row.Cells = append(row.Cells, statusCell(c, party.ChuaDenHan,
					c.T("web.oversight.heat.open", p, m.Totals.Held(), m.Totals.Cells)))
			default:
				rt := m.Totals.OnTimeRate()
				fill, ink := svgchart.RateColours(rt.Value)
				row.Cells = append(row.Cells, svgchart.Cell{Text: fmt.Sprintf("%.0f", rt.Value*100), Fill: fill, Ink: ink,
					Title: c.T("web.oversight.heat.rate", p, party.Percent(rt.Value), m.Totals.OnTime, m.Totals.Due(), m.Totals.Missing, m.Totals.Late)})
			}
		}
		h.Rows = append(h.Rows, row)
	}
	if len(h.Rows) == 0 {
		return "", "", nil, nil
	}
	for _, st := range []party.RegularStatus{party.DungHan, party.TreHan, party.KhongHop, party.ChuaDenHan, ""} {
		label := c.T("web.oversight.heat.no_data")
		if st != "" {
			label = c.Msg(st.Label())
		}
		legend = append(legend, legendItem{Swatch: template.HTML(svgchart.Swatch(statusCell(c, st, ""))), Label: label})
	}
	for _, b := range []struct {
		rate float64
		key  string
	}{{1, "web.oversight.legend.r95"}, {0.9, "web.oversight.legend.r85"}, {0.75, "web.oversight.legend.r70"}, {0.6, "web.oversight.legend.r50"}, {0.3, "web.oversight.legend.r0"}} {
		fill, ink := svgchart.RateColours(b.rate)
		rates = append(rates, legendItem{Swatch: template.HTML(svgchart.Swatch(svgchart.Cell{Text: fmt.Sprintf("%.0f", b.rate*100), Fill: fill, Ink: ink})),
			Label: c.T(b.key)})
	}
	hasCommittees := false
	for _, u := range ov.Units {
		hasCommittees = hasCommittees || !u.IsCell
	}
	if !hasCommittees {
		rates = nil
	}
	return template.HTML(h.Labels()), template.HTML(h.Grid()), legend, rates
}

// trendChart draws the share on time and the attendance month by month
// (the share on time of a month not over is left out: it would count only
// the cells that met already).
func trendChart(c *Ctx, ov *oversight.Overview) (narrow, wide template.HTML, key []legendItem) {
	if len(ov.Months) < 2 {
		return "", "", nil
	}
	cols, groups := monthColumns(c, ov.Range)
	on := svgchart.Series{Name: c.T("web.oversight.trend.on_time"), Colour: svgchart.Blue}
	att := svgchart.Series{Name: c.T("web.oversight.trend.attendance"), Colour: svgchart.Brown, Dashed: true, Square: true}
	for _, m := range ov.Months {
		r := m.T.OnTimeRate()
		on.Values, on.Has = append(on.Values, r.Value), append(on.Has, r.Known && ov.Today.After(m.Period.Last()))
		a := m.T.AttendanceRate()
		att.Values, att.Has = append(att.Values, a.Value), append(att.Has, a.Known)
	}
	l := svgchart.Lines{ID: "trend", Title: c.T("web.oversight.trend.title"), Labels: cols, Groups: groups, Series: []svgchart.Series{on, att},
		Format: func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }}
	key = []legendItem{{Swatch: template.HTML(svgchart.SeriesSwatch(on)), Label: on.Name}, {Swatch: template.HTML(svgchart.SeriesSwatch(att)), Label: att.Name}}
	narrow = template.HTML(l.SVG())
	// At a desk: up to a year in 900 px, longer ranges 30 px a month.
	l.ID, l.Step = "trend-wide", max(30, min(72, 880/float64(len(cols))))
	return narrow, template.HTML(l.SVG()), key
}

// gradeChart draws the grades of the meetings held.
func gradeChart(c *Ctx, t oversight.Totals) (narrow, wide template.HTML, rows []gradeLine) {
	held := t.Held()
	if held == 0 {
		return "", "", nil
	}
	items := []struct {
		g    party.Grade
		n    int
		fill string
	}{{party.Tot, t.Tot, svgchart.Green}, {party.Kha, t.Kha, svgchart.GreenSoft}, {party.TrungBinh, t.TB, svgchart.Amber}, {party.Kem, t.Kem, svgchart.Red},
		{party.ChuaDanhGia, t.Ungraded, svgchart.Grey}}
	var bars []svgchart.Bar
	for _, it := range items {
		label := c.Msg(it.g.Label())
		share := i18nPercent(c, float64(it.n)/float64(held))
		bars = append(bars, svgchart.Bar{Label: label, Value: float64(it.n), Text: c.T("web.oversight.grades.bar", it.n, share), Fill: it.fill})
		rows = append(rows, gradeLine{Label: label, N: it.n, Share: share})
	}
	b := svgchart.Bars{ID: "grades", Title: c.T("web.oversight.grades.title", held), Bars: bars, Max: float64(held)}
	narrow = template.HTML(b.SVG())
	b.ID, b.Width = "grades-wide", 640
	return narrow, template.HTML(b.SVG()), rows
}

func i18nPercent(c *Ctx, v float64) string { return rateText(c, oversight.Rate{Value: v, Known: true}) }

func intText(c *Ctx, n int) string { return i18n.Int(c.L, n) }

// vnMonth writes a month as people type it: 06/2026.
func vnMonth(p party.Period) string { return fmt.Sprintf("%02d/%d", int(p.Month), p.Year) }
