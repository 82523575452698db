package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/review"
	"chibo/internal/store"
	"chibo/internal/svgchart"
	"chibo/internal/vntext"
)

// The review report (báo cáo sơ kết, tổng kết) of an organization for a
// range of months: the figures read from the summaries, the board's own
// text kept with the report, and the downloads in Party layout.

// reviewFormats are the downloads of a report.
var reviewFormats = map[string]string{
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":  "application/pdf",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

type reviewPlanRow struct {
	Name, Def string
	Cells     []planCell
}

type reviewPlan struct {
	Plan  store.Plan
	Href  string
	Years []int
	Rows  []reviewPlanRow
	Chart template.HTML
}

type reviewMonth struct {
	Period                               party.Period
	Cells, OnTime, Late, Missing, NotDue int
	Rate, Attendance                     string
}

type reviewQuarter struct {
	Period                       party.Period
	Cells, Held, Missing, NotDue int
	Rate                         string
}

type reviewUnit struct {
	Rank                                 int
	Name, Href                           string
	Score, OnTime, Thematic, Att, TotPct string
}

type reviewGrade struct {
	Label string
	N     int
	Share string
}

type reviewDownload struct {
	Label, Href, Format string
}

type reviewPage struct {
	Rep        review.Report
	Bad        bool
	Summary    string
	Nav        periodNav
	Situation  []stat
	Stats      []stat
	Plans      []reviewPlan
	Months     []reviewMonth
	Quarters   []reviewQuarter
	Trend      template.HTML
	TrendKey   []legendItem
	Grades     template.HTML
	GradeRows  []reviewGrade
	Training   string
	Documents  string
	Strongest  []reviewUnit
	Weakest    []reviewUnit
	UnitsNote  string
	Downloads  []reviewDownload
	CanManage  bool
	TextForm   *Form
	SignRoles  [][2]string
	Saved      string // who saved the board's text last, and when
	RangeQuery string
}

// reviewRange reads the range of a report request (the current year when
// absent).
func (s *Server) reviewRange(r *http.Request, from, to string) (oversight.Range, error) {
	return oversight.ParseRange(from, to, s.civilToday())
}

func (s *Server) reviewShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	q := r.URL.Query()
	s.renderReview(w, r, c, http.StatusOK, pathID(r, "id"), q.Get("from"), q.Get("to"), nil)
}

// renderReview builds and shows a report; text, when not nil, is the board's
// text as typed (shown again after an error).
func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, c *Ctx, status int, id int64, from, to string, text *Form) {
	ctx := r.Context()
	period := NewForm(url.Values{"from": {from}, "to": {to}})
	d := reviewPage{SignRoles: [][2]string{{review.SignSecretary, c.T("web.review.sign_role.bi_thu")}, {review.SignDeputy, c.T("web.review.sign_role.pho_bi_thu")}}}
	base := fmt.Sprintf("/orgs/%d/report", id)
	rng, err := s.reviewRange(r, from, to)
	if err != nil {
		period.SetError(c, err)
		d.Bad, status = true, statusOf(party.ErrorCode(err))
		rng = oversight.Year(s.civilToday().Year())
	}
	if d.Rep, err = s.svc.Review.Build(ctx, id, rng); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if d.Bad {
		d.Rep.Empty = true
	}
	if period.Get("from") == "" && period.Get("to") == "" {
		period.Values.Set("from", vnMonth(rng.From))
		period.Values.Set("to", vnMonth(rng.To))
	}
	d.Nav = newPeriodNav(c, base, rng, s.civilToday())
	d.RangeQuery = rng.Query()
	d.Summary = c.Msg(review.Summary(rng))
	d.CanManage = auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: d.Rep.Org.Path})
	if text == nil {
		text = reviewTextForm(d.Rep.Text)
	}
	text.Values.Set("from", rng.FromParam())
	text.Values.Set("to", rng.ToParam())
	d.TextForm = text
	if t := d.Rep.Text; t.Version > 0 {
		d.Saved = c.T("web.review.saved_by", t.UpdatedBy, t.UpdatedAt)
	}
	if !d.Bad {
		for _, f := range []string{"docx", "pdf", "xlsx"} {
			d.Downloads = append(d.Downloads, reviewDownload{Label: c.T("web.review.download." + f), Format: f,
				Href: fmt.Sprintf("%s/download?format=%s&%s", base, f, rng.Query())})
		}
	}
	s.buildReview(c, &d)
	var crumbs []Crumb
	err = s.db.View(ctx, func(tx *store.Tx) error {
		anc, err := tx.Ancestors(ctx, d.Rep.Org.Org)
		for _, a := range anc {
			if auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: a.Path}) {
				crumbs = append(crumbs, Crumb{Label: a.Name, Href: fmt.Sprintf("/orgs/%d/report?%s", a.ID, rng.Query())})
			}
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs = append(crumbs, Crumb{Label: d.Rep.Org.Name, Href: fmt.Sprintf("/orgs/%d", id)}, Crumb{Label: c.T("web.review.title")})
	s.render(w, r, status, "review_report", View{Title: c.T("web.review.page_title", d.Rep.Org.Name, d.Summary), Nav: "overview", Crumbs: crumbs,
		Form: period, Data: d})
}

// reviewTextForm is the board's stored text as the form's values.
func reviewTextForm(t store.ReviewText) *Form {
	return NewForm(url.Values{"number": {t.Number}, "leadership": {t.Leadership}, "strengths": {t.Strengths}, "weaknesses": {t.Weaknesses},
		"lessons": {t.Lessons}, "directions": {t.Directions}, "proposals": {t.Proposals}, "signer": {t.Signer}, "sign_role": {t.SignRole},
		"recipients": {t.Recipients}, "version": {strconv.FormatInt(t.Version, 10)}})
}

// buildReview turns the report's figures into tiles, tables and pictures.
func (s *Server) buildReview(c *Ctx, d *reviewPage) {
	rep := &d.Rep
	st := rep.Situation
	if rep.Org.IsCell() {
		d.Situation = []stat{{Value: intText(c, st.Members), Label: c.T("web.review.stat.members"), Sub: c.T("web.review.stat.probationary", st.Probationary)}}
	} else {
		d.Situation = []stat{
			{Value: intText(c, st.Committees), Label: c.T("web.review.stat.committees")},
			{Value: intText(c, st.Cells), Label: c.T("web.review.stat.cells")},
			{Value: intText(c, st.Members), Label: c.T("web.review.stat.members"), Sub: c.T("web.review.stat.probationary", st.Probationary)},
		}
	}
	for _, pr := range rep.Plans {
		rp := reviewPlan{Plan: pr.Plan, Href: planHref(rep.Org.ID, pr.Plan.ID), Years: pr.Years}
		var bars []svgchart.Bar
		last := 0
		if n := len(pr.Years); n > 0 {
			last = pr.Years[n-1]
		}
		for _, row := range pr.Rows {
			rr := reviewPlanRow{Name: c.T(plans.NameKey(row.Code)), Def: c.T(plans.DefKey(row.Code))}
			for _, v := range row.Years {
				rr.Cells = append(rr.Cells, planCellOf(c, v))
			}
			rp.Rows = append(rp.Rows, rr)
			if last == 0 {
				continue
			}
			v := row.ValueIn(last)
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
			bars = append(bars, svgchart.Bar{Label: c.T(plans.ShortKey(row.Code)), Value: v.Rate.Value, Text: text, Fill: fill})
		}
		if len(bars) > 0 && !rep.Empty {
			rp.Chart = template.HTML(svgchart.Bars{ID: fmt.Sprintf("plan-chart-%d", pr.Plan.ID), Title: c.T("web.plans.chart.title", rep.Org.Name, strconv.Itoa(last)),
				Bars: bars, Max: 1}.SVG())
		}
		d.Plans = append(d.Plans, rp)
	}
	if rep.Empty {
		return
	}
	t := rep.Overview.Total
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
	var labels []string
	var groups []svgchart.Group
	on := svgchart.Series{Name: c.T("web.review.trend.on_time"), Colour: svgchart.Blue}
	att := svgchart.Series{Name: c.T("web.review.trend.attendance"), Colour: svgchart.Brown, Dashed: true, Square: true}
	for _, m := range rep.Overview.Months {
		x := m.T
		d.Months = append(d.Months, reviewMonth{Period: m.Period, Cells: x.Cells, OnTime: x.OnTime, Late: x.Late, Missing: x.Missing, NotDue: x.NotDue,
			Rate: rateText(c, x.OnTimeRate()), Attendance: rateText(c, x.AttendanceRate())})
		labels = append(labels, c.T("web.review.month_short", int(m.Period.Month)))
		year := strconv.Itoa(m.Period.Year)
		if n := len(groups); n > 0 && groups[n-1].Label == year {
			groups[n-1].Span++
		} else {
			groups = append(groups, svgchart.Group{Label: year, Span: 1})
		}
		r := x.OnTimeRate()
		on.Values, on.Has = append(on.Values, r.Value), append(on.Has, r.Known && rep.Today.After(m.Period.Last()))
		a := x.AttendanceRate()
		att.Values, att.Has = append(att.Values, a.Value), append(att.Has, a.Known)
	}
	if len(labels) >= 2 {
		l := svgchart.Lines{ID: "review-trend", Title: c.T("web.review.trend.title"), Labels: labels, Groups: groups, Series: []svgchart.Series{on, att},
			Format: func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }}
		d.Trend = template.HTML(l.SVG())
		d.TrendKey = []legendItem{{Swatch: template.HTML(svgchart.SeriesSwatch(on)), Label: on.Name}, {Swatch: template.HTML(svgchart.SeriesSwatch(att)), Label: att.Name}}
	}
	for _, q := range rep.Overview.Quarters {
		x := q.T
		d.Quarters = append(d.Quarters, reviewQuarter{Period: q.Period, Cells: x.Quarters, Held: x.ThematicHeld, Missing: x.ThematicMissing, NotDue: x.ThematicNotDue,
			Rate: rateText(c, x.ThematicRate())})
	}
	if held := t.Held(); held > 0 {
		fills := []string{svgchart.Green, svgchart.GreenSoft, svgchart.Amber, svgchart.Red, svgchart.Grey}
		var bars []svgchart.Bar
		for i, g := range review.GradeCounts(t) {
			label := c.Msg(g.Grade.Label())
			share := i18n.Percent(c.L, float64(g.N)/float64(held))
			bars = append(bars, svgchart.Bar{Label: label, Value: float64(g.N), Text: c.T("web.review.grades.bar", g.N, share), Fill: fills[i]})
			d.GradeRows = append(d.GradeRows, reviewGrade{Label: label, N: g.N, Share: share})
		}
		d.Grades = template.HTML(svgchart.Bars{ID: "review-grades", Title: c.T("web.review.grades.title", held), Bars: bars, Max: float64(held)}.SVG())
	}
	w := rep.Whole
	d.Training = c.T("web.review.training.none")
	if w.Secretaries > 0 {
		d.Training = c.T("web.review.training", w.Trained, w.Secretaries, rateText(c, plans.ValueOf(plans.SecretariesTrained, w)))
	}
	d.Documents = c.T("web.review.documents.none")
	if w.Reached > 0 {
		d.Documents = c.T("web.review.documents", w.Acked, w.Reached, rateText(c, plans.ValueOf(plans.DocumentsAcked, w)))
	}
	unit := func(u oversight.RankedUnit) reviewUnit {
		x := u.Totals
		href := overviewHref(u.Org.ID, rep.Asked)
		if u.IsCell {
			href = fmt.Sprintf("/orgs/%d/calendar?year=%d", u.Org.ID, rep.Range.To.Year)
		}
		return reviewUnit{Rank: u.Rank, Name: u.Org.Name, Href: href, Score: review.ScoreText(c.L, u.Score), OnTime: rateText(c, x.OnTimeRate()),
			Thematic: rateText(c, x.ThematicRate()), Att: rateText(c, x.AttendanceRate()), TotPct: rateText(c, x.TotShare())}
	}
	for _, u := range rep.Strongest {
		d.Strongest = append(d.Strongest, unit(u))
	}
	for _, u := range rep.Weakest {
		d.Weakest = append(d.Weakest, unit(u))
	}
	ws := rep.Weights
	d.UnitsNote = c.T("web.review.units.note", rep.Ranked, ws.OnTime, ws.Thematic, ws.Attendance, ws.Tot, ws.Flags)
}

// reviewTextFrom reads the board's text from a form.
func reviewTextFrom(f *Form) (review.Text, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(f.Get("version")), 10, 64)
	if err != nil && strings.TrimSpace(f.Get("version")) != "" {
		fe := party.FieldErrors{}
		fe.Add("version", "review.version.invalid")
		return review.Text{}, fe.Err()
	}
	return review.Text{Number: f.Get("number"), Leadership: f.Get("leadership"), Strengths: f.Get("strengths"), Weaknesses: f.Get("weaknesses"),
		Lessons: f.Get("lessons"), Directions: f.Get("directions"), Proposals: f.Get("proposals"), Signer: f.Get("signer"), SignRole: f.Get("sign_role"),
		Recipients: f.Get("recipients"), Version: v}, nil
}

// reviewSave keeps the board's text. A text someone else saved meanwhile
// is not overwritten: the page comes back with what was typed and says so.
func (s *Server) reviewSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	id := pathID(r, "id")
	f := NewForm(r.PostForm)
	from, to := f.Get("from"), f.Get("to")
	rng, err := s.reviewRange(r, from, to)
	var t review.Text
	if err == nil {
		t, err = reviewTextFrom(f)
	}
	if err == nil {
		_, err = s.svc.Review.SaveText(r.Context(), c.Actor(), id, rng, t)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderReview(w, r, c, statusOf(party.ErrorCode(err)), id, from, to, f)
		return
	}
	s.flash(w, "web.review.saved")
	redirect(w, r, fmt.Sprintf("/orgs/%d/report?%s#board", id, rng.Query()))
}

// reviewDownload writes the report as DOCX or PDF (Party layout) or its
// tables as XLSX.
func (s *Server) reviewDownload(w http.ResponseWriter, r *http.Request, c *Ctx) {
	q := r.URL.Query()
	s.reviewFile(w, r, c, pathID(r, "id"), q.Get("format"), q.Get("from"), q.Get("to"))
}

func (s *Server) reviewFile(w http.ResponseWriter, r *http.Request, c *Ctx, org int64, format, from, to string) {
	ct, ok := reviewFormats[format]
	if !ok {
		fe := party.FieldErrors{}
		fe.Add("format", "web.review.format_invalid", format)
		s.fail(w, r, c, &party.Error{Code: party.EInvalid, Msg: fe["format"], Fields: fe})
		return
	}
	rng, err := s.reviewRange(r, from, to)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	rep, err := s.svc.Review.Build(r.Context(), org, rng)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	var b bytes.Buffer
	switch format {
	case "docx":
		err = review.DOCX(&b, rep)
	case "pdf":
		err = review.PDF(&b, rep)
	case "xlsx":
		err = review.XLSX(&b, rep, c.L)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	name := "bao-cao-" + reviewFileName(rep.Org) + "-" + rng.FromParam() + "-" + rng.ToParam() + "." + format
	sendFile(w, ct, name, b.Bytes())
}

// reviewFileName is an organization's code (or id) as an ASCII file name.
func reviewFileName(o store.OrgRow) string {
	n := strings.ToLower(asciiName(vntext.Fold(o.Code)))
	if n == "" {
		n = strconv.FormatInt(o.ID, 10)
	}
	return n
}
