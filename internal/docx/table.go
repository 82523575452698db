package docx

import "fmt"

// Table is a table with fixed column widths (mm). Without Borders it is a
// layout grid, as the header and signature blocks of a Party document are.
type Table struct {
	Widths  []float64 // column widths, mm
	Borders bool      // single 0.5 pt lines around every cell
	Align   Align     // position of the table between the margins
	// CellMargin is the left and right padding inside each cell, mm.
	CellMargin float64
	Rows       []Row
}

// Row is a table row. Header rows repeat at the top of each page the table
// runs onto; CantSplit keeps the row on one page.
type Row struct {
	Cells     []Cell
	Header    bool
	CantSplit bool
}

// Cell holds paragraphs (at least one is written). Span merges the cell
// with the next Span-1 columns.
type Cell struct {
	Paragraphs []Paragraph
	VAlign     VAlign
	Span       int
}

// VAlign is the vertical alignment of a cell's content.
type VAlign int

const (
	Top VAlign = iota
	Middle
	Bottom
)

func (t Table) writeXML(b *builder) {
	total := 0
	for _, w := range t.Widths {
		total += Twips(w)
	}
	b.raw(`<w:tbl><w:tblPr>`)
	b.raw(fmt.Sprintf(`<w:tblW w:w="%d" w:type="dxa"/>`, total))
	if t.Align != Left {
		b.raw(`<w:jc w:val="` + t.Align.val() + `"/>`)
	}
	border := `w:val="nil"`
	if t.Borders {
		border = `w:val="single" w:sz="4" w:space="0" w:color="000000"`
	}
	b.raw(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.raw(`<w:` + side + ` ` + border + `/>`)
	}
	b.raw(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	m := Twips(t.CellMargin)
	b.raw(fmt.Sprintf(`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`, m, m))
	b.raw(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		b.raw(fmt.Sprintf(`<w:gridCol w:w="%d"/>`, Twips(w)))
	}
	b.raw(`</w:tblGrid>`)
	for _, r := range t.Rows {
		b.raw(`<w:tr>`)
		if r.CantSplit || r.Header {
			b.raw(`<w:trPr>`)
			if r.CantSplit {
				b.raw(`<w:cantSplit/>`)
			}
			if r.Header {
				b.raw(`<w:tblHeader/>`)
			}
			b.raw(`</w:trPr>`)
		}
		col := 0
		for _, c := range r.Cells {
			span := max(c.Span, 1)
			w := 0
			for i := col; i < col+span && i < len(t.Widths); i++ {
				w += Twips(t.Widths[i])
			}
			col += span
			b.raw(fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w))
			if span > 1 {
				b.raw(fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span))
			}
			switch c.VAlign {
			case Middle:
				b.raw(`<w:vAlign w:val="center"/>`)
			case Bottom:
				b.raw(`<w:vAlign w:val="bottom"/>`)
			}
			b.raw(`</w:tcPr>`)
			for _, p := range c.Paragraphs {
				p.writeXML(b)
			}
			if len(c.Paragraphs) == 0 {
				b.raw(`<w:p/>`)
			}
			b.raw(`</w:tc>`)
		}
		b.raw(`</w:tr>`)
	}
	b.raw(`</w:tbl>`)
}
