package review

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/plans"
)

// XLSX writes the report's tables as a workbook, one sheet a table:
// indicators against targets, months, quarters, units ranked, grades.
// Shares are numbers formatted as percentages, so they can be summed and
// charted again.
func XLSX(w io.Writer, rep Report, l i18n.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	if err != nil {
		return err
	}
	pctFmt := "0.0%"
	pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	t := func(key string, args ...any) string { return i18n.T(l, key, args...) }
	rate := func(r oversight.Rate) any {
		if !r.Known {
			return nil
		}
		return r.Value
	}

	// sheet writes a table: a title row, a header row, the rows; the
	// columns listed in pcts hold shares.
	first := true
	sheet := func(name, caption string, header []string, rows [][]any, pcts ...int) error {
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := f.SetCellValue(name, "A1", caption); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, "A1", "A1", title); err != nil {
			return err
		}
		for c, h := range header {
			cell, _ := excelize.CoordinatesToCellName(c+1, 2)
			if err := f.SetCellValue(name, cell, h); err != nil {
				return err
			}
		}
		last, _ := excelize.CoordinatesToCellName(max(len(header), 1), 2)
		if err := f.SetCellStyle(name, "A2", last, head); err != nil {
			return err
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+3)
				if v == nil {
					continue
				}
				if err := f.SetCellValue(name, cell, v); err != nil {
					return err
				}
			}
		}
		for _, c := range pcts {
			if len(rows) == 0 {
				break
			}
			top, _ := excelize.CoordinatesToCellName(c+1, 3)
			bottom, _ := excelize.CoordinatesToCellName(c+1, len(rows)+2)
			if err := f.SetCellStyle(name, top, bottom, pct); err != nil {
				return err
			}
		}
		colA, _ := excelize.ColumnNumberToName(1)
		colZ, _ := excelize.ColumnNumberToName(max(len(header), 1))
		if err := f.SetColWidth(name, colA, colA, 34); err != nil {
			return err
		}
		if len(header) > 1 {
			colB, _ := excelize.ColumnNumberToName(2)
			if err := f.SetColWidth(name, colB, colZ, 16); err != nil {
				return err
			}
		}
		return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	}

	period := i18n.Msg(l, Summary(rep.Asked))
	var rows [][]any
	for _, pr := range rep.Plans {
		for _, row := range pr.Rows {
			for _, v := range row.Years {
				var target any
				if v.HasTarget {
					target = v.Target.Rate()
				}
				rows = append(rows, []any{pr.Plan.Number, t(plans.NameKey(row.Code)), strconv.Itoa(v.Year), target, rate(v.Rate), v.Rate.N, v.Rate.D, StatusText(l, v)})
			}
		}
	}
	if err := sheet(t("review.xlsx.sheet.indicators"), t("review.xlsx.caption", rep.Org.Name, period),
		[]string{t("review.xlsx.col.plan"), t("review.doc.col.indicator"), t("review.doc.col.year"), t("review.doc.col.target"), t("review.doc.col.result"),
			t("review.xlsx.col.numerator"), t("review.xlsx.col.denominator"), t("review.doc.col.status")}, rows, 3, 4); err != nil {
		return err
	}

	rows = nil
	for _, m := range rep.Overview.Months {
		x := m.T
		rows = append(rows, []any{i18n.Period(l, m.Period), x.Cells, x.OnTime, x.Late, x.Missing, x.NotDue, rate(x.OnTimeRate()), rate(x.AttendanceRate()),
			rate(x.TotShare()), rate(x.CompleteRate()), rate(x.SignedRate()), x.Flags})
	}
	if err := sheet(t("review.xlsx.sheet.months"), t("review.doc.table.months"),
		[]string{t("review.doc.col.month"), t("review.doc.col.cells"), t("review.doc.col.on_time"), t("review.doc.col.late"), t("review.doc.col.missing"),
			t("review.xlsx.col.not_due"), t("review.doc.col.on_time_rate"), t("review.doc.col.attendance"), t("review.doc.col.tot"), t("review.xlsx.col.complete"),
			t("review.xlsx.col.signed"), t("review.xlsx.col.flags")}, rows, 6, 7, 8, 9, 10); err != nil {
		return err
	}

	rows = nil
	for _, q := range rep.Overview.Quarters {
		x := q.T
		rows = append(rows, []any{i18n.Period(l, q.Period), x.Quarters, x.ThematicHeld, x.ThematicMissing, x.ThematicNotDue, rate(x.ThematicRate()), x.Combined})
	}
	if err := sheet(t("review.xlsx.sheet.quarters"), t("review.doc.table.quarters"),
		[]string{t("review.doc.col.quarter"), t("review.doc.col.cells"), t("review.doc.col.held"), t("review.doc.col.missing"), t("review.xlsx.col.not_due"),
			t("review.doc.col.rate"), t("review.xlsx.col.combined")}, rows, 5); err != nil {
		return err
	}

	rows = nil
	for _, u := range rep.Ranking {
		x := u.Totals
		var score, rank any
		if u.Score.Known {
			score, rank = u.Score.Value, u.Rank
		}
		rows = append(rows, []any{u.Org.Name, rank, score, rate(x.OnTimeRate()), rate(x.ThematicRate()), rate(x.AttendanceRate()), rate(x.TotShare()), x.Missing, x.Flags})
	}
	if err := sheet(t("review.xlsx.sheet.units"), t("review.xlsx.units_caption", period),
		[]string{t("review.doc.col.unit"), t("review.doc.col.rank"), t("review.doc.col.score"), t("review.doc.col.on_time_rate"), t("review.doc.col.thematic_rate"),
			t("review.doc.col.attendance"), t("review.doc.col.tot"), t("review.doc.col.missing"), t("review.xlsx.col.flags")}, rows, 3, 4, 5, 6); err != nil {
		return err
	}

	rows = nil
	tot := rep.Overview.Total
	for _, g := range GradeCounts(tot) {
		var share any
		if held := tot.Held(); held > 0 {
			share = float64(g.N) / float64(held)
		}
		rows = append(rows, []any{i18n.Msg(l, g.Grade.Label()), g.N, share})
	}
	if err := sheet(t("review.xlsx.sheet.grades"), t("review.doc.table.grades"),
		[]string{t("review.doc.col.grade"), t("review.doc.col.meetings"), t("review.doc.col.share")}, rows, 2); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}
