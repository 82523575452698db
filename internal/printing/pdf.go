package printing

import (
	"io"
	"strconv"

	"github.com/go-pdf/fpdf"
)

// family is the name the fonts are registered under in the PDF.
const family = "LiberationSerif"

// canvas draws on a PDF with the embedded fonts.
type canvas struct {
	f       *fpdf.Fpdf
	faces   map[style]*face
	added   map[style]bool
	margins margins
}

func newCanvas(d document, fs map[style]*face) *canvas {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(d.margins.left, d.margins.top, d.margins.right)
	f.SetAutoPageBreak(false, 0) // pagination is ours (layout.go)
	f.SetCellMargin(0)
	f.SetCompression(true)
	f.SetCatalogSort(true) // fonts in a fixed order: the same input gives the same bytes
	f.SetCreationDate(d.created)
	f.SetModificationDate(d.created)
	f.SetTitle(d.title, true)
	f.SetCreator("Chibo", true)
	f.SetProducer("Chibo", true)
	f.SetDrawColor(0, 0, 0)
	f.SetTextColor(0, 0, 0)
	return &canvas{f: f, faces: fs, added: map[style]bool{}, margins: d.margins}
}

// font selects a face, registering it with the PDF on first use: each
// face costs a few milliseconds to register, and most documents never
// use bold italic.
func (c *canvas) font(s style, size float64, underline bool) {
	if !c.added[s] {
		c.f.AddUTF8FontFromBytes(family, string(s), c.faces[s].bytes)
		c.added[s] = true
	}
	st := string(s)
	if underline {
		st += "U"
	}
	c.f.SetFont(family, st, size)
}

// text draws s with its baseline at baseline mm, in a box from x of
// width w, aligned as a is ("J" spreads the words over the box).
func (c *canvas) text(s string, x, baseline, w float64, a string, size float64) {
	// fpdf puts the baseline 0.3 font sizes below the top of a zero-height cell.
	c.f.SetXY(x, baseline-0.3*size*mmPerPt)
	c.f.CellFormat(w, 0, s, "", 0, a, false, 0, "")
}

// drawLine draws one line of paragraph p whose line box starts at top y;
// x is the left edge of the paragraph.
func (c *canvas) drawLine(p para, l line, x, y float64) {
	if l.text == "" {
		return
	}
	fc := c.faces[p.style]
	c.font(p.style, p.size, p.underline)
	// The text hangs from the top of its line box; extra line spacing goes
	// below it, as LibreOffice lays out the DOCX.
	baseline := y + fc.ascender(p.size)*mmPerPt
	a := "L"
	switch p.align {
	case alignCenter:
		a = "C"
	case alignRight:
		a = "R"
	case alignJustify:
		if !l.last && len(l.text) > 0 && containsSpace(l.text) {
			a = "J"
		}
	}
	c.text(l.text, x+l.indent, baseline, l.width, a, p.size)
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}

// rule draws a solid horizontal line of width w mm and thickness pt points.
func (c *canvas) rule(x, y, w, pt float64) {
	c.f.SetLineWidth(pt * mmPerPt)
	c.f.Line(x, y, x+w, y)
}

// pageNumber draws the page number of PRINT.md §1: centred on the text
// block, 14 pt regular, in the top margin about 10 mm from the top edge.
func (c *canvas) pageNumber(n int) {
	c.font(regular, bodySize, false)
	w := pageWidth - c.margins.left - c.margins.right
	c.text(strconv.Itoa(n), c.margins.left, 10+c.faces[regular].ascender(bodySize)*mmPerPt, w, "C", bodySize)
}

// draftMark marks the first page of unsigned minutes in its top margin.
func (c *canvas) draftMark() {
	c.font(bold, 12, false)
	w := pageWidth - c.margins.left - c.margins.right
	c.text(wDraft, c.margins.left, 10+c.faces[bold].ascender(12)*mmPerPt, w, "R", 12)
}

// renderPDF paginates a document and writes it. Page numbers start on
// page 2 (PRINT.md §1).
func renderPDF(w io.Writer, d document, fs map[style]*face) error {
	us := units(d.blocks, d.margins, fs)
	pages := paginate(us, d.margins.top, pageHeight-d.margins.bottom)
	return drawPages(w, d, fs, pages)
}

func drawPages(w io.Writer, d document, fs map[style]*face, pages [][]placed) error {
	c := newCanvas(d, fs)
	for i, pg := range pages {
		c.f.AddPage()
		if i > 0 {
			c.pageNumber(i + 1)
		}
		for _, p := range pg {
			if p.u.mark.draft {
				c.draftMark()
			}
			p.u.draw(c, p.y)
		}
	}
	if err := c.f.Error(); err != nil {
		return err
	}
	return c.f.Output(w)
}

// MinutesPDF writes the minutes as a PDF, laid out per PRINT.md.
func MinutesPDF(w io.Writer, d MinutesDoc) error {
	fs, err := faces()
	if err != nil {
		return err
	}
	return renderPDF(w, minutesDocument(d, fs), fs)
}

// ReportPDF writes a review report as a PDF, laid out per PRINT.md.
func ReportPDF(w io.Writer, r ReportDoc) error {
	fs, err := faces()
	if err != nil {
		return err
	}
	return renderPDF(w, reportDocument(r, fs), fs)
}
