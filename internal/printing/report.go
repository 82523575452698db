package printing

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"chibo/internal/vntext"
)

// reportDocument lays out a review report: the header and title of
// PRINT.md §2–§3, the parts of §7 and the closing block of §5b.
func reportDocument(r ReportDoc, fs map[style]*face) document {
	m := marginsFor(r.Settings.Margins)
	tw := m.textWidth()
	title := upper(r.Title)
	if title == "" {
		title = wReportTitle
	}
	summary := vntext.Clean(r.Summary)
	doc := document{margins: m, title: capitalized(strings.ToLower(title) + " " + summary), created: r.Date.Time()}
	add := func(b ...block) { doc.blocks = append(doc.blocks, b...) }

	add(headerBlock(upper(r.UpperBody), upper(r.Body), numberLine(r.Number), placeDate(r.Place, r.Date), tw, fs))
	t := centred(title, bold, 16)
	t.before, t.keepNext = 12, true
	add(t)
	if summary != "" {
		s := centred(summary, bold, bodySize)
		s.keepNext = true
		add(s)
	}
	add(rule{width: titleRuleLen, before: 4, after: 12})

	for _, p := range r.Parts {
		if h := upper(p.Heading); h != "" {
			add(partHeading(h))
		}
		for _, text := range p.Paragraphs {
			for _, s := range paragraphs(text) {
				if isItemHeading(s) {
					add(itemHeading(s))
				} else {
					add(body(s))
				}
			}
		}
		for _, tb := range p.Tables {
			add(tableBlocks(tb, tw, fs)...)
		}
		for _, ch := range p.Charts {
			add(chartBlock{chart: ch, height: chartPlot, before: bodyAfter, after: 12})
		}
	}
	add(reportClosing(r, tw))
	return doc
}

var itemNumber = regexp.MustCompile(`^\d+(\.\d+)*\.\s`)

// isItemHeading: "1. Ưu điểm", "2. Hạn chế, nguyên nhân" are item
// headings (bold, PRINT.md §4); a numbered sentence is body text.
func isItemHeading(s string) bool {
	return itemNumber.MatchString(s) && utf8.RuneCountInString(s) <= 100 && !strings.HasSuffix(s, ".")
}

// tableBlocks are a table's caption and the table: 13 pt, header row bold
// and centred, numbers right-aligned (PRINT.md §4).
func tableBlocks(t Table, tw float64, fs map[style]*face) []block {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	var bs []block
	if c := vntext.Clean(t.Caption); c != "" {
		p := centred(c, bold, tableTextSize)
		p.before, p.after, p.keepNext = bodyAfter, 3, true
		bs = append(bs, p)
	}
	cellPara := func(s string, st style, a align) para {
		return para{text: vntext.Clean(s), style: st, size: tableTextSize, align: a, before: 2, after: 2}
	}
	var rows [][]cell
	if len(t.Header) > 0 {
		row := make([]cell, cols)
		for i := range row {
			h := ""
			if i < len(t.Header) {
				h = t.Header[i]
			}
			row[i] = cell{[]para{cellPara(h, bold, alignCenter)}}
		}
		rows = append(rows, row)
	}
	for _, r := range t.Rows {
		row := make([]cell, cols)
		for i := range row {
			s, a := "", alignLeft
			if i < len(r) {
				s = r[i]
			}
			if slices.Contains(t.NumericCols, i) {
				a = alignRight
			}
			row[i] = cell{[]para{cellPara(s, regular, a)}}
		}
		rows = append(rows, row)
	}
	g := grid{rows: rows, borders: true, pad: 1.5, after: bodyAfter}
	if len(t.Header) > 0 {
		g.headerRows = 1
	}
	g.widths = columnWidths(rows, tw, g.pad, fs)
	return append(bs, g)
}

// columnWidths shares the text width among columns as browsers do for
// automatic tables: each column gets at least its longest word, and the
// rest goes to the columns whose text would be wider on one line.
func columnWidths(rows [][]cell, tw, pad float64, fs map[style]*face) []float64 {
	n := len(rows[0])
	least, natural := make([]float64, n), make([]float64, n)
	for _, r := range rows {
		for i, c := range r {
			for _, p := range c.paras {
				f := fs[p.style]
				natural[i] = max(natural[i], f.width(p.text, p.size)*mmPerPt+2*pad+0.5)
				for _, w := range strings.Fields(p.text) {
					least[i] = max(least[i], f.width(w, p.size)*mmPerPt+2*pad+0.5)
				}
			}
		}
	}
	sum := func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s
	}
	out := make([]float64, n)
	sn, sl := sum(natural), sum(least)
	switch {
	case sn <= tw: // everything fits on one line: spread the spare width
		for i := range out {
			out[i] = natural[i] + (tw-sn)*natural[i]/sn
		}
	case sl <= tw:
		for i := range out {
			out[i] = least[i] + (tw-sl)*(natural[i]-least[i])/(sn-sl)
		}
	default:
		for i := range out {
			out[i] = tw * least[i] / sl
		}
	}
	return out
}

// reportClosing is PRINT.md §5b: "Nơi nhận:" on the left, level with the
// top of the signature block on the right.
func reportClosing(r ReportDoc, tw float64) grid {
	left := []para{{text: wRecipients, size: bodySize, underline: true}}
	recips := []string{}
	for _, s := range r.Recipients {
		if s = strings.TrimRight(vntext.Clean(s), ".,;"); s != "" {
			recips = append(recips, strings.TrimPrefix(strings.TrimPrefix(s, "- "), "-"))
		}
	}
	for i, s := range recips {
		end := ","
		if i == len(recips)-1 {
			end = "."
		}
		left = append(left, para{text: fmt.Sprintf(wRecipient, strings.TrimSpace(s), end), size: 12})
	}
	if len(recips) == 0 {
		left = nil
	}
	return signatureBlock(tw, left, signatory(r.Signer, upper(r.SignFor), upper(r.SignRole)))
}
