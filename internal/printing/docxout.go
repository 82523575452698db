package printing

import (
	"io"

	"chibo/internal/docx"
	"chibo/internal/vntext"
)

// docxFont is the face DOCX names: Word shows the real Times New Roman, and
// the text reflows the same wherever Liberation Serif stands in (PRINT.md §1).
const docxFont = "Times New Roman"

// renderDOCX writes the same blocks the PDF draws, as a Word document.
func renderDOCX(w io.Writer, d document, fs map[style]*face) error {
	m := d.margins
	out := &docx.Document{
		Page:        docx.A4(m.top, m.bottom, m.left, m.right),
		Font:        docxFont,
		Size:        bodySize,
		Lang:        "vi-VN",
		PageNumbers: &docx.PageNumbers{Size: bodySize, Align: docx.Center, SkipFirst: true},
		Title:       d.title,
		Created:     d.created,
	}
	tw := m.textWidth()
	var blocks []docx.Block
	// lastParas are the indexes in blocks of the paragraphs, for the keep
	// rule of the signature block.
	var lastParas []int
	for _, b := range d.blocks {
		switch b := b.(type) {
		case para:
			for _, p := range docxParas(b, tw, fs) {
				lastParas = append(lastParas, len(blocks))
				blocks = append(blocks, p)
			}
		case rule:
			side := (tw - b.width) / 2
			blocks = append(blocks, docx.Paragraph{IndentLeft: side, IndentRight: side, Before: b.before, After: b.after,
				LineExact: 1, BorderTop: &docx.Border{Width: titleRuleW}})
		case grid:
			if b.mark.draft {
				out.FirstPageHeader = []docx.Paragraph{{Align: docx.Right, Runs: []docx.Run{{Text: wDraft, Bold: true, Size: 12}}}}
			}
			// Keep the signature block with the paragraphs before it.
			for i := len(lastParas) - 1; i >= 0 && i >= len(lastParas)-b.keepLines; i-- {
				p := blocks[lastParas[i]].(docx.Paragraph)
				p.KeepNext = true
				blocks[lastParas[i]] = p
			}
			blocks = append(blocks, docxTable(b, fs))
		case chartBlock:
			for _, tb := range tableBlocks(chartTable(b.chart), tw, fs) {
				switch tb := tb.(type) {
				case para:
					blocks = append(blocks, docxParas(tb, tw, fs)...)
				case grid:
					blocks = append(blocks, docxTable(tb, fs))
				}
			}
		}
	}
	out.Add(blocks...)
	return out.Write(w)
}

// docxParas is a paragraph, followed, when it has a rule under it, by an
// empty paragraph whose top border is the rule, indented so that the
// border is exactly as wide as the text above it.
func docxParas(p para, width float64, fs map[style]*face) []docx.Block {
	a := [...]docx.Align{alignLeft: docx.Left, alignCenter: docx.Center, alignRight: docx.Right, alignJustify: docx.Justify}[p.align]
	out := []docx.Block{docx.Paragraph{
		Align:           a,
		IndentFirst:     p.first,
		IndentLeft:      p.left,
		Before:          p.before,
		After:           p.after,
		LineSpacing:     p.spacing,
		KeepNext:        p.keepNext || p.ruleUnder,
		PageBreakBefore: p.newPage,
		Runs: []docx.Run{{Text: p.text, Bold: p.style == bold || p.style == boldItalic,
			Italic: p.style == italic || p.style == boldItalic, Underline: p.underline, Size: p.size}},
	}}
	if p.ruleUnder {
		tw := fs[p.style].width(p.text, p.size) * mmPerPt
		side := max((width-tw)/2, 0)
		out = append(out, docx.Paragraph{IndentLeft: side, IndentRight: side, Before: headingRuleGap, LineExact: 1, BorderTop: &docx.Border{Width: headingRuleW}})
	}
	return out
}

func docxTable(g grid, fs map[style]*face) docx.Table {
	t := docx.Table{Widths: g.widths, Borders: g.borders, CellMargin: g.pad}
	for ri, r := range g.rows {
		row := docx.Row{CantSplit: true, Header: ri < g.headerRows}
		for ci, c := range r {
			var ps []docx.Paragraph
			for pi, p := range c.paras {
				if ri == 0 && pi == 0 {
					p.before += g.before
				}
				// An atomic grid keeps its rows together on one page.
				p.keepNext = p.keepNext || g.atomic && ri < len(g.rows)-1
				for _, b := range docxParas(p, g.widths[ci]-2*g.pad, fs) {
					ps = append(ps, b.(docx.Paragraph))
				}
			}
			row.Cells = append(row.Cells, docx.Cell{Paragraphs: ps})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// chartTable is a chart's data as a table: DOCX shows the numbers instead
// of the drawing.
func chartTable(ch Chart) Table {
	t := Table{Caption: ch.Title, Header: []string{""}}
	for i, s := range ch.Series {
		t.Header = append(t.Header, s.Name)
		t.NumericCols = append(t.NumericCols, i+1)
	}
	n := len(ch.Labels)
	for _, s := range ch.Series {
		n = max(n, len(s.Values))
	}
	for i := range n {
		row := []string{""}
		if i < len(ch.Labels) {
			row[0] = ch.Labels[i]
		}
		for _, s := range ch.Series {
			v := ""
			if i < len(s.Values) {
				v = vntext.Decimal(s.Values[i], 2)
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// MinutesDOCX writes the minutes as a Word document that looks like the PDF.
func MinutesDOCX(w io.Writer, d MinutesDoc) error {
	fs, err := faces()
	if err != nil {
		return err
	}
	return renderDOCX(w, minutesDocument(d, fs), fs)
}

// ReportDOCX writes a review report as a Word document that looks like the PDF.
func ReportDOCX(w io.Writer, r ReportDoc) error {
	fs, err := faces()
	if err != nil {
		return err
	}
	return renderDOCX(w, reportDocument(r, fs), fs)
}
