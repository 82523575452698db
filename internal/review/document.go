package review

import (
	"io"
	"math"
	"strconv"
	"strings"

	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/printing"
)

// The printed report is in Vietnamese whatever the reader's language: it
// is a Party document (PRINT.md). Its words come from the catalogs
// (review.doc.*), its numbers are written the Vietnamese way.

// vi writes the report's words.
func vi(key string, args ...any) string { return i18n.T(i18n.VI, key, args...) }

// Pct writes a share in language l ("92,5%"), or a dash when it means
// nothing.
func Pct(l i18n.Lang, r oversight.Rate) string {
	if !r.Known {
		return "—"
	}
	return i18n.Percent(l, r.Value)
}

// TargetText writes a target ("95%"), or a dash when there is none.
func TargetText(l i18n.Lang, t plans.Target, has bool) string {
	if !has {
		return "—"
	}
	return i18n.Percent(l, t.Rate())
}

// StatusText is a value's status in words; a value in progress says
// whether it reaches the target so far.
func StatusText(l i18n.Lang, v plans.Value) string {
	s := i18n.Msg(l, v.Status.Label())
	if v.Status == plans.InProgress {
		key := "plans.so_far.below"
		if plans.Reached(v.Rate, v.Target) {
			key = "plans.so_far.reached"
		}
		s += " (" + i18n.T(l, key) + ")"
	}
	return s
}

// Doc is the report as a Party document (PRINT.md §2–§5, §7).
func Doc(rep Report) printing.ReportDoc {
	t := rep.Text
	d := printing.ReportDoc{Body: strings.ToUpper(rep.Org.Name), Number: t.Number, Place: rep.Org.Place, Date: rep.Today,
		Title: vi("review.doc.title"), Summary: i18n.Msg(i18n.VI, Summary(rep.Asked)), Signer: t.Signer}
	if rep.Parent.ID != 0 {
		d.UpperBody = strings.ToUpper(rep.Parent.Name)
		if d.Place == "" {
			d.Place = rep.Parent.Place
		}
	}
	d.SignFor = vi("review.doc.sign_for.committee")
	if rep.Org.IsCell() {
		d.SignFor = vi("review.doc.sign_for.cell")
	}
	d.SignRole = vi("review.doc.sign_role.bi_thu")
	if t.SignRole == SignDeputy {
		d.SignRole = vi("review.doc.sign_role.pho_bi_thu")
	}
	d.Recipients = recipients(rep)

	board := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return vi("review.doc.blank")
		}
		return s
	}
	add := func(p printing.ReportPart) { d.Parts = append(d.Parts, p) }
	add(printing.ReportPart{Heading: vi("review.doc.part1"), Paragraphs: []string{vi("review.doc.item.leadership"), board(t.Leadership)}})
	add(printing.ReportPart{Paragraphs: []string{vi("review.doc.item.situation"), situationText(rep)}})
	add(indicatorsPart(rep))
	if !rep.Empty {
		add(compliancePart(rep))
		add(qualityPart(rep))
		add(printing.ReportPart{Paragraphs: []string{vi("review.doc.item.training"), trainingText(rep)}})
		add(unitsPart(rep))
	}
	add(printing.ReportPart{Heading: vi("review.doc.part2"), Paragraphs: []string{
		vi("review.doc.item.strengths"), board(t.Strengths),
		vi("review.doc.item.weaknesses"), board(t.Weaknesses),
		vi("review.doc.item.lessons"), board(t.Lessons)}})
	add(printing.ReportPart{Heading: vi("review.doc.part3"), Paragraphs: []string{board(t.Directions)}})
	add(printing.ReportPart{Heading: vi("review.doc.part4"), Paragraphs: []string{board(t.Proposals)}})
	return d
}

// recipients are the board's list, one a line, or by default the
// committee above (to report to), the units under it and the archive.
func recipients(rep Report) []string {
	var out []string
	for _, line := range strings.Split(rep.Text.Recipients, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	if len(out) > 0 {
		return out
	}
	if rep.Parent.ID != 0 {
		out = append(out, vi("review.doc.to_parent", rep.Parent.Name))
	}
	if !rep.Org.IsCell() {
		out = append(out, vi("review.doc.to_units"))
	}
	return append(out, vi("review.doc.to_archive"))
}

// situationText is the organization at the end of the range.
func situationText(rep Report) string {
	s := rep.Situation
	if rep.Org.IsCell() {
		return vi("review.doc.situation.cell", s.AsOf, s.Members, s.Probationary)
	}
	return vi("review.doc.situation", s.AsOf, s.Committees, s.Cells, s.Members, s.Probationary)
}

// indicatorsPart is each plan's indicators against their targets, with a
// chart of the last year's results.
func indicatorsPart(rep Report) printing.ReportPart {
	p := printing.ReportPart{Paragraphs: []string{vi("review.doc.item.indicators")}}
	if len(rep.Plans) == 0 {
		p.Paragraphs = append(p.Paragraphs, vi("review.doc.no_plan"))
		return p
	}
	for i, pr := range rep.Plans {
		p.Paragraphs = append(p.Paragraphs, vi("review.doc.plan", pr.Plan.Number, pr.Plan.Title, pr.Plan.OrgName, itoa(pr.Plan.YearFrom), itoa(pr.Plan.YearTo)))
		tb := printing.Table{Caption: vi("review.doc.table.indicators", i+1, pr.Plan.Number),
			Header:      []string{vi("review.doc.col.indicator"), vi("review.doc.col.year"), vi("review.doc.col.target"), vi("review.doc.col.result"), vi("review.doc.col.status")},
			NumericCols: []int{2, 3}}
		for _, row := range pr.Rows {
			for _, v := range row.Years {
				tb.Rows = append(tb.Rows, []string{vi(plans.NameKey(row.Code)), itoa(v.Year), TargetText(i18n.VI, v.Target, v.HasTarget),
					Pct(i18n.VI, v.Rate), StatusText(i18n.VI, v)})
			}
		}
		p.Tables = append(p.Tables, tb)
		if ch, ok := indicatorChart(pr); ok {
			p.Charts = append(p.Charts, ch)
		}
	}
	return p
}

// indicatorChart is the results of the range's last year against the
// targets, in percent.
func indicatorChart(pr PlanResult) (printing.Chart, bool) {
	if len(pr.Years) == 0 || len(pr.Rows) == 0 {
		return printing.Chart{}, false
	}
	y := pr.Years[len(pr.Years)-1]
	ch := printing.Chart{Title: vi("review.doc.chart.indicators", itoa(y)), Kind: "bar"}
	target := printing.Series{Name: vi("review.doc.col.target")}
	result := printing.Series{Name: vi("review.doc.col.result")}
	for _, row := range pr.Rows {
		v := row.ValueIn(y)
		ch.Labels = append(ch.Labels, vi(plans.ShortKey(row.Code)))
		target.Values = append(target.Values, pct100(v.Target.Rate(), v.HasTarget))
		result.Values = append(result.Values, pct100(v.Rate.Value, v.Rate.Known))
	}
	ch.Series = []printing.Series{target, result}
	return ch, true
}

// compliancePart is the regular and thematic meetings held, by month and
// quarter.
func compliancePart(rep Report) printing.ReportPart {
	t := rep.Overview.Total
	p := printing.ReportPart{Paragraphs: []string{vi("review.doc.item.compliance"),
		vi("review.doc.compliance", t.OnTime, t.Due(), Pct(i18n.VI, t.OnTimeRate()), t.Late, t.Missing, t.NotDue),
		vi("review.doc.thematic", t.ThematicHeld, t.ThematicHeld+t.ThematicMissing, Pct(i18n.VI, t.ThematicRate()), t.ThematicMissing, t.Combined)}}
	months := printing.Table{Caption: vi("review.doc.table.months"),
		Header:      []string{vi("review.doc.col.month"), vi("review.doc.col.cells"), vi("review.doc.col.on_time"), vi("review.doc.col.late"), vi("review.doc.col.missing"), vi("review.doc.col.on_time_rate")},
		NumericCols: []int{1, 2, 3, 4, 5}}
	chart := printing.Chart{Title: vi("review.doc.chart.months"), Kind: "line"}
	onTime := printing.Series{Name: vi("review.doc.col.on_time_rate")}
	attendance := printing.Series{Name: vi("review.doc.col.attendance")}
	for _, m := range rep.Overview.Months {
		months.Rows = append(months.Rows, []string{m.Period.VN(), intText(m.T.Cells), intText(m.T.OnTime), intText(m.T.Late), intText(m.T.Missing),
			Pct(i18n.VI, m.T.OnTimeRate())})
		chart.Labels = append(chart.Labels, shortMonth(m.Period))
		r := m.T.OnTimeRate()
		onTime.Values = append(onTime.Values, pct100(r.Value, r.Known && rep.Today.After(m.Period.Last())))
		a := m.T.AttendanceRate()
		attendance.Values = append(attendance.Values, pct100(a.Value, a.Known))
	}
	quarters := printing.Table{Caption: vi("review.doc.table.quarters"),
		Header:      []string{vi("review.doc.col.quarter"), vi("review.doc.col.cells"), vi("review.doc.col.held"), vi("review.doc.col.missing"), vi("review.doc.col.rate")},
		NumericCols: []int{1, 2, 3, 4}}
	for _, q := range rep.Overview.Quarters {
		quarters.Rows = append(quarters.Rows, []string{q.Period.VN(), intText(q.T.Quarters), intText(q.T.ThematicHeld), intText(q.T.ThematicMissing),
			Pct(i18n.VI, q.T.ThematicRate())})
	}
	p.Tables = []printing.Table{months, quarters}
	if len(rep.Overview.Months) >= 2 {
		chart.Series = []printing.Series{onTime, attendance}
		p.Charts = []printing.Chart{chart}
	}
	return p
}

// qualityPart is attendance, grades, minutes and formalism flags.
func qualityPart(rep Report) printing.ReportPart {
	t := rep.Overview.Total
	p := printing.ReportPart{Paragraphs: []string{vi("review.doc.item.quality"),
		vi("review.doc.quality", t.Present, t.Required, Pct(i18n.VI, t.AttendanceRate()), t.Held(), t.Tot, Pct(i18n.VI, t.TotShare()), t.Kha, t.TB, t.Kem, t.Ungraded),
		vi("review.doc.minutes", t.Complete, Pct(i18n.VI, t.CompleteRate()), t.Signed, Pct(i18n.VI, t.SignedRate()), t.Flags)}}
	if held := t.Held(); held > 0 {
		tb := printing.Table{Caption: vi("review.doc.table.grades"), Header: []string{vi("review.doc.col.grade"), vi("review.doc.col.meetings"), vi("review.doc.col.share")},
			NumericCols: []int{1, 2}}
		ch := printing.Chart{Title: vi("review.doc.chart.grades"), Kind: "bar"}
		s := printing.Series{Name: vi("review.doc.col.meetings")}
		for _, g := range GradeCounts(t) {
			label := i18n.Msg(i18n.VI, g.Grade.Label())
			tb.Rows = append(tb.Rows, []string{label, intText(g.N), i18n.Percent(i18n.VI, float64(g.N)/float64(held))})
			ch.Labels = append(ch.Labels, label)
			s.Values = append(s.Values, float64(g.N))
		}
		ch.Series = []printing.Series{s}
		p.Tables, p.Charts = []printing.Table{tb}, []printing.Chart{ch}
	}
	return p
}

// GradeCount is how many meetings held got a grade.
type GradeCount struct {
	Grade party.Grade
	N     int
}

// GradeCounts lists the grades of the meetings held, best first, the
// ungraded last.
func GradeCounts(t oversight.Totals) []GradeCount {
	return []GradeCount{{party.Tot, t.Tot}, {party.Kha, t.Kha}, {party.TrungBinh, t.TB}, {party.Kem, t.Kem}, {party.ChuaDanhGia, t.Ungraded}}
}

// trainingText is the secretaries trained and the documents acknowledged.
func trainingText(rep Report) string {
	w := rep.Whole
	tr := vi("review.doc.training.none")
	if w.Secretaries > 0 {
		tr = vi("review.doc.training", w.Trained, w.Secretaries, Pct(i18n.VI, plans.ValueOf(plans.SecretariesTrained, w)))
	}
	dc := vi("review.doc.documents.none")
	if w.Reached > 0 {
		dc = vi("review.doc.documents", w.Acked, w.Reached, Pct(i18n.VI, plans.ValueOf(plans.DocumentsAcked, w)))
	}
	return tr + " " + dc
}

// unitsPart is the strongest and weakest units by the ranking's score.
func unitsPart(rep Report) printing.ReportPart {
	p := printing.ReportPart{Paragraphs: []string{vi("review.doc.item.units")}}
	if len(rep.Strongest) == 0 {
		p.Paragraphs = append(p.Paragraphs, vi("review.doc.units.none"))
		return p
	}
	w := rep.Weights
	p.Paragraphs = append(p.Paragraphs, vi("review.doc.units.score", rep.Ranked, w.OnTime, w.Thematic, w.Attendance, w.Tot, w.Flags))
	p.Tables = []printing.Table{unitsTable(vi("review.doc.table.strongest"), rep.Strongest), unitsTable(vi("review.doc.table.weakest"), rep.Weakest)}
	return p
}

func unitsTable(caption string, us []oversight.RankedUnit) printing.Table {
	tb := printing.Table{Caption: caption,
		Header:      []string{vi("review.doc.col.rank"), vi("review.doc.col.unit"), vi("review.doc.col.score"), vi("review.doc.col.on_time_rate"), vi("review.doc.col.thematic_rate"), vi("review.doc.col.attendance"), vi("review.doc.col.tot")},
		NumericCols: []int{0, 2, 3, 4, 5, 6}}
	for _, u := range us {
		t := u.Totals
		tb.Rows = append(tb.Rows, []string{itoa(u.Rank), u.Org.Name, ScoreText(i18n.VI, u.Score), Pct(i18n.VI, t.OnTimeRate()), Pct(i18n.VI, t.ThematicRate()),
			Pct(i18n.VI, t.AttendanceRate()), Pct(i18n.VI, t.TotShare())})
	}
	return tb
}

// ScoreText writes a score out of 100 ("87,5").
func ScoreText(l i18n.Lang, sc oversight.Score) string {
	if !sc.Known {
		return "—"
	}
	return i18n.Format(l, sc.Value)
}

// DOCX and PDF write the report.
func DOCX(w io.Writer, rep Report) error { return printing.ReportDOCX(w, Doc(rep)) }
func PDF(w io.Writer, rep Report) error  { return printing.ReportPDF(w, Doc(rep)) }

// pct100 is a share in percent for a chart; NaN leaves a gap.
func pct100(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v * 100
}

func intText(n int) string { return i18n.Int(i18n.VI, n) }

// itoa writes a year or a rank without a thousands separator.
func itoa(n int) string { return strconv.Itoa(n) }

// shortMonth labels a month on a chart's axis: "6/26".
func shortMonth(p party.Period) string {
	return strconv.Itoa(int(p.Month)) + "/" + strconv.Itoa(p.Year%100)
}
