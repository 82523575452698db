package svgchart

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Cell is one square of a heat map.
type Cell struct {
	Text  string // a symbol or a short number: "✓", "✗", "92"
	Fill  string
	Ink   string
	Title string // what the square says, in words (hover, screen readers)
	Href  string // where a click goes (optional; not a tab stop: the row's label is)
	Mark  bool   // a heavy frame: a missing meeting must not be overlooked
}

// Row is one unit of a heat map.
type Row struct {
	Label string
	Title string // the full name when the label is cut
	Href  string
	Cells []Cell
}

// HeatMap is a grid of units × periods. A page shows it in two pictures
// side by side, Labels and Grid, so that the names stay in view while the
// months scroll; SVG draws both in one (for print and documents).
type HeatMap struct {
	ID      string // unique on the page, for the titles' ids
	Title   string
	Columns []string // one label per column
	Groups  []Group  // labels over runs of columns (years)
	Rows    []Row
}

// Sizes of the heat map, in CSS pixels.
const (
	heatCellW  = 44
	heatCellH  = 40
	heatGap    = 3
	heatGroupH = 22
	heatColH   = 24
	labelLine  = 17  // characters on a line of a row's name (two lines at most)
	labelCharW = 7.7 // an average character at 14 px
)

func (h HeatMap) top() float64 {
	if len(h.Groups) > 0 {
		return heatGroupH + heatColH
	}
	return heatColH
}

func (h HeatMap) height() float64 {
	return h.top() + float64(len(h.Rows)*(heatCellH+heatGap)) + 4
}

// labelWidth fits the longest line of the names.
func (h HeatMap) labelWidth() float64 {
	n := 6
	for _, r := range h.Rows {
		for _, l := range wrap(r.Label, labelLine) {
			n = max(n, utf8.RuneCountInString(l))
		}
	}
	return float64(n)*labelCharW + 12
}

// wrap cuts a name into at most two lines of n characters at a space,
// the second ending in "…" when the name is longer. The first line takes
// as many words as fit but leaves the last two together: a place's name
// ("Bồ Đề", "Gia Thụy", "số 5") stays whole on the second line.
func wrap(s string, n int) []string {
	words := strings.Fields(s)
	whole := strings.Join(words, " ")
	if utf8.RuneCountInString(whole) <= n || len(words) < 2 {
		return []string{clip(whole, n)}
	}
	k := max(len(words)-2, 1)
	for k > 1 && utf8.RuneCountInString(strings.Join(words[:k], " ")) > n {
		k--
	}
	return []string{clip(strings.Join(words[:k], " "), n), clip(strings.Join(words[k:], " "), n)}
}

// SVG draws the names and the grid in one picture.
func (h HeatMap) SVG() string {
	lw := h.labelWidth()
	w := lw + h.gridWidth()
	var b strings.Builder
	open(&b, h.ID, "chart-heat", h.Title, w, h.height(), "group")
	h.writeLabels(&b)
	h.writeGrid(&b, lw)
	b.WriteString(`</svg>`)
	return b.String()
}

// Labels draws the column of names, each a link to the unit.
func (h HeatMap) Labels() string {
	var b strings.Builder
	open(&b, h.ID+"-l", "chart-heat-labels", h.Title, h.labelWidth(), h.height(), "group")
	h.writeLabels(&b)
	b.WriteString(`</svg>`)
	return b.String()
}

// Grid draws the months and the squares, aligned with Labels row by row.
func (h HeatMap) Grid() string {
	var b strings.Builder
	open(&b, h.ID, "chart-heat", h.Title, h.gridWidth(), h.height(), "group")
	h.writeGrid(&b, 0)
	b.WriteString(`</svg>`)
	return b.String()
}

func (h HeatMap) gridWidth() float64 {
	return float64(len(h.Columns)*(heatCellW+heatGap)) + 4
}

func (h HeatMap) writeLabels(b *strings.Builder) {
	top := h.top()
	for j, r := range h.Rows {
		y := top + float64(j*(heatCellH+heatGap))
		lines := wrap(r.Label, labelLine)
		title := r.Title
		if title == "" && strings.Join(lines, " ") != r.Label {
			title = r.Label
		}
		ink, deco := Ink, ""
		if r.Href != "" {
			ink, deco = Blue, ` text-decoration="underline"`
		}
		var t strings.Builder
		fmt.Fprintf(&t, `<text x="4" font-size="14" fill="%s"%s>%s`, ink, deco, titleTag(title))
		first := y + heatCellH/2 + 5
		if len(lines) == 2 {
			first = y + 16
		}
		for i, l := range lines {
			fmt.Fprintf(&t, `<tspan x="4" y="%s">%s</tspan>`, num(first+float64(i)*17), esc(l))
		}
		t.WriteString(`</text>`)
		if r.Href != "" {
			fmt.Fprintf(b, `<a href="%s">%s</a>`, esc(r.Href), t.String())
		} else {
			b.WriteString(t.String())
		}
	}
}

func (h HeatMap) writeGrid(b *strings.Builder, x0 float64) {
	top := h.top()
	ht := h.height()
	// Year labels over their months, with a rule between years.
	x := x0
	for i, g := range h.Groups {
		if i > 0 {
			fmt.Fprintf(b, `<line x1="%s" y1="2" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, num(x-1.5), num(x-1.5), num(ht-2), Line)
		}
		fmt.Fprintf(b, `<text x="%s" y="16" font-weight="700" fill="%s">%s</text>`, num(x+2), Ink, esc(g.Label))
		x += float64(g.Span * (heatCellW + heatGap))
	}
	for i, c := range h.Columns {
		cx := x0 + float64(i*(heatCellW+heatGap)) + heatCellW/2
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" fill="%s">%s</text>`, num(cx), num(top-7), Muted, esc(c))
	}
	// The squares share their frame and lettering (inherited attributes
	// keep a city's 36 months light).
	fmt.Fprintf(b, `<g stroke="%s" text-anchor="middle" font-weight="700">`, Line)
	for j, r := range h.Rows {
		y := top + float64(j*(heatCellH+heatGap))
		for i, c := range r.Cells {
			cx := x0 + float64(i*(heatCellW+heatGap))
			if c.Href != "" {
				fmt.Fprintf(b, `<a href="%s" tabindex="-1">`, esc(c.Href))
			} else {
				b.WriteString(`<g>`)
			}
			b.WriteString(titleTag(c.Title))
			writeSquare(b, c, cx, y, heatCellW, heatCellH)
			if c.Href != "" {
				b.WriteString(`</a>`)
			} else {
				b.WriteString(`</g>`)
			}
		}
	}
	b.WriteString(`</g>`)
}

// writeSquare draws a square inside the grid's group, which gives the
// frame's colour and the text's anchor and weight.
func writeSquare(b *strings.Builder, c Cell, x, y, w, h float64) {
	fill, ink := c.Fill, c.Ink
	if fill == "" {
		fill = Blank
	}
	if ink == "" {
		ink = Ink
	}
	if c.Mark {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="%s" stroke="%s" stroke-width="3"/>`, num(x+1.5), num(y+1.5), num(w-3), num(h-3), fill, Ink)
	} else {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="%s"/>`, num(x+0.5), num(y+0.5), num(w-1), num(h-1), fill)
	}
	if c.Text != "" {
		fmt.Fprintf(b, `<text x="%s" y="%s" fill="%s" stroke="none">%s</text>`, num(x+w/2), num(y+h/2+5), ink, esc(c.Text))
	}
}

func titleTag(t string) string {
	if t == "" {
		return ""
	}
	return "<title>" + esc(t) + "</title>"
}

// writeCell draws a square with its symbol.
func writeCell(b *strings.Builder, c Cell, x, y, w, h float64) {
	fill, ink := c.Fill, c.Ink
	if fill == "" {
		fill = Blank
	}
	if ink == "" {
		ink = Ink
	}
	stroke, sw := Line, 1.0
	if c.Mark {
		stroke, sw = Ink, 3
	}
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="%s" stroke="%s" stroke-width="%s"/>`,
		num(x+sw/2), num(y+sw/2), num(w-sw), num(h-sw), fill, stroke, num(sw))
	if c.Text != "" {
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-weight="700" fill="%s">%s</text>`, num(x+w/2), num(y+h/2+5), ink, esc(c.Text))
	}
}
