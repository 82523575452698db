package printing

import (
	"fmt"
	"strings"
	"time"

	"chibo/internal/vntext"
)

// A document is first built as a list of blocks, independent of the
// output format; the PDF and DOCX writers then render the same blocks, so
// that the two outputs carry the same words in the same layout.
type document struct {
	margins margins
	title   string
	created time.Time
	blocks  []block
}

// block is a para, rule, grid or chartBlock.
type block interface{ isBlock() }

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// para is a paragraph of one style. Lengths in mm, spacing in points.
type para struct {
	text          string
	style         style
	size          float64
	underline     bool
	align         align
	first, left   float64 // first-line indent (relative to left) and left indent, mm
	before, after float64 // points
	spacing       float64 // line spacing as a multiple of single; 0 means single
	keepNext      bool
	newPage       bool
	// ruleUnder draws a solid line under the text, exactly as wide as the
	// text: the line under "ĐẢNG CỘNG SẢN VIỆT NAM" (PRINT.md §2).
	ruleUnder bool
	mark      mark
}

// mark tags the first block of a minutes in a minute book, so that the
// book can learn the page it starts on and mark drafts.
type mark struct {
	entry int // 1-based entry of the minute book; 0 means none
	draft bool
}

// rule is a short centred line, the one under the title (PRINT.md §3).
type rule struct {
	width         float64 // mm
	before, after float64 // points
}

// grid is a table. Without borders it lays out the header and signature
// blocks; with borders it is a data table of a report.
type grid struct {
	widths     []float64 // mm
	rows       [][]cell
	borders    bool
	pad        float64 // left and right padding inside each cell, mm
	headerRows int     // repeated rows at the top of a data table
	atomic     bool    // never split across pages
	// keepLines keeps this many lines of the text before the grid on its
	// page: the signature block is never alone at the top of a page (§4).
	keepLines     int
	before, after float64 // points
	newPage       bool
	mark          mark
}

type cell struct {
	paras []para
}

// chartBlock is a chart drawn as vector graphics in PDF and given as its
// data table in DOCX.
type chartBlock struct {
	chart         Chart
	height        float64 // mm, the plot and its labels
	before, after float64
}

func (para) isBlock()       {}
func (rule) isBlock()       {}
func (grid) isBlock()       {}
func (chartBlock) isBlock() {}

// margins of the page, mm.
type margins struct{ top, bottom, left, right float64 }

// marginsFor is the preset of PRINT.md §1: "default" 20/20/30/15 mm, or
// "party2004" 25/25/35/15 mm (the older Party rule).
func marginsFor(preset string) margins {
	if preset == "party2004" {
		return margins{top: 25, bottom: 25, left: 35, right: 15}
	}
	return margins{top: 20, bottom: 20, left: 30, right: 15}
}

const (
	pageWidth, pageHeight = 210.0, 297.0 // A4, mm
	mmPerPt               = 25.4 / 72

	bodySize     = 14.0 // PRINT.md §4
	bodyIndent   = 12.7 // first-line indent, 1.27 cm
	bodyAfter    = 6.0  // points after each paragraph
	bodySpacing  = 1.15 // line spacing
	signSpace    = 25.0 // mm left for a handwritten signature (§5)
	headingRuleW = 0.75 // points, the line under the Party heading (0.5–0.75)
	// headingRuleGap puts the line below the line box of the heading, clear
	// of the dots under Ộ and Ệ: about 2 pt under the text (1–3 pt, §2).
	headingRuleGap = 1.0  // points
	titleRuleW     = 0.5  // points
	titleRuleLen   = 35.0 // mm, "about 30–40 mm" (§3)
	tableTextSize  = 13.0 // report tables, 12–13 pt allowed (§4)
)

func (m margins) textWidth() float64 { return pageWidth - m.left - m.right }

// body is a body paragraph: 14 pt, justified, 1.27 cm first-line indent,
// 6 pt after, 1.15 lines (PRINT.md §4).
func body(s string) para {
	return para{text: s, size: bodySize, align: alignJustify, first: bodyIndent, after: bodyAfter, spacing: bodySpacing}
}

// partHeading is "I. NỘI DUNG SINH HOẠT": capitals, bold, no indent.
func partHeading(s string) para {
	return para{text: s, style: bold, size: bodySize, align: alignJustify, before: bodyAfter, after: bodyAfter, spacing: bodySpacing, keepNext: true}
}

// itemHeading is "1. Thông báo thời sự": bold, in normal case.
func itemHeading(s string) para {
	p := body(s)
	p.style, p.keepNext = bold, true
	return p
}

// centred is a single-spaced centred line, as in the header and title blocks.
func centred(s string, st style, size float64) para {
	return para{text: s, style: st, size: size, align: alignCenter}
}

// headerBlock is the borderless 2 × 2 table of PRINT.md §2: the issuing
// body top left with the star under it, the Party heading top right with
// its line, the number under the body and the place and date under the
// heading.
func headerBlock(upperBody, issuer, number, date string, textWidth float64, fs map[style]*face) grid {
	// Each column is about half the text width; the right one grows (up to
	// 60 %) when the date line would not fit on one line.
	need := max(fs[bold].width(wPartyHeading, 15), fs[italic].width(date, bodySize))*mmPerPt + 2
	right := min(max(textWidth/2, need), textWidth*0.6)
	left := textWidth - right
	var l []para
	if upperBody != "" {
		l = append(l, centred(upperBody, regular, bodySize))
	}
	if issuer != "" {
		l = append(l, centred(issuer, bold, bodySize))
	}
	l = append(l, centred(wStar, regular, bodySize))
	r := []para{centred(wPartyHeading, bold, 15)}
	r[0].ruleUnder = true
	g := grid{widths: []float64{left, right}, atomic: true, rows: [][]cell{{{l}, {r}}}}
	var num []para
	if number != "" {
		num = []para{centred(number, regular, bodySize)}
	}
	var dl []para
	if date != "" {
		dl = []para{centred(date, italic, bodySize)}
	}
	if num != nil || dl != nil {
		g.rows = append(g.rows, []cell{{num}, {dl}})
	}
	return g
}

// numberLine is "Số 05-BB/CB", or "" when the record has no number.
func numberLine(n string) string {
	n = vntext.Clean(n)
	if n == "" {
		return ""
	}
	if prefix, _, _ := strings.Cut(wNumber, " "); strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
		return n
	}
	return fmt.Sprintf(wNumber, n)
}

// signatureBlock is a borderless two-column table: role in capitals bold,
// about 25 mm of space, the name in bold (PRINT.md §5a, §5b).
func signatureBlock(textWidth float64, leftCol, rightCol []para) grid {
	return grid{
		widths:    []float64{textWidth / 2, textWidth / 2},
		rows:      [][]cell{{{leftCol}, {rightCol}}},
		atomic:    true,
		keepLines: 2,
		before:    bodyAfter,
	}
}

// signatory is one column of a signature block.
func signatory(name string, roles ...string) []para {
	var ps []para
	for _, r := range roles {
		if r != "" {
			ps = append(ps, centred(r, bold, bodySize))
		}
	}
	n := centred(vntext.Clean(name), bold, bodySize)
	n.before = signSpace / mmPerPt
	return append(ps, n)
}
