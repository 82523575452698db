package svgchart

import (
	"fmt"
	"strings"
)

// Series is one line of a trend chart: a value per column, or a gap.
type Series struct {
	Name   string
	Values []float64
	Has    []bool // false: no value (the line breaks)
	Colour string
	Dashed bool
	Square bool // square markers instead of round ones
}

// Lines is a trend chart of shares (0–1) over periods.
type Lines struct {
	ID     string
	Title  string
	Labels []string // one per column
	Groups []Group
	Series []Series
	// Format writes a tick's value (0, 0.25 … 1) as the reader writes
	// shares: "50%".
	Format func(float64) string
	// Step is the width of a period in pixels (0: as narrow as a phone
	// needs).
	Step float64
}

// Sizes of the trend chart.
const (
	linesLeft   = 58
	linesRight  = 58
	linesTop    = 16
	linesPlot   = 180
	linesBottom = 52
)

func (l Lines) step() float64 {
	if l.Step > 0 {
		return l.Step
	}
	// Six months fit a phone's column (340 px) with both scales.
	switch n := len(l.Labels); {
	case n <= 6:
		return 36
	case n <= 12:
		return 38
	}
	return 30
}

// SVG draws the chart.
func (l Lines) SVG() string {
	step := l.step()
	n := len(l.Labels)
	w := linesLeft + float64(max(n, 1))*step + linesRight
	h := float64(linesTop + linesPlot + linesBottom)
	if len(l.Groups) == 0 {
		h -= 20
	}
	format := l.Format
	if format == nil {
		format = func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }
	}
	yOf := func(v float64) float64 { return linesTop + linesPlot*(1-min(max(v, 0), 1)) }
	xOf := func(i int) float64 { return linesLeft + step*float64(i) + step/2 }
	var b strings.Builder
	open(&b, l.ID, "chart-lines", l.Title, w, h, "img")
	// Grid, and the shares on both sides: whichever end of a wide chart
	// is in view, its scale is.
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := yOf(v)
		fmt.Fprintf(&b, `<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, linesLeft, num(y), num(w-linesRight), num(y), Line)
		fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end" fill="%s">%s</text>`, linesLeft-6, num(y+5), Muted, esc(format(v)))
		fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s">%s</text>`, num(w-linesRight+6), num(y+5), Muted, esc(format(v)))
	}
	// Period labels, and the years under them.
	base := float64(linesTop + linesPlot)
	for i, lab := range l.Labels {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s">%s</text>`, num(xOf(i)), num(base+20), Muted, esc(lab))
	}
	x := float64(linesLeft)
	for i, g := range l.Groups {
		if i > 0 {
			fmt.Fprintf(&b, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s" stroke-width="2"/>`, num(x), linesTop, num(x), num(base+44), Line)
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-weight="700" fill="%s">%s</text>`, num(x+4), num(base+42), Ink, esc(g.Label))
		x += float64(g.Span) * step
	}
	// The lines, broken where a value is missing, with a marker on each point.
	for _, s := range l.Series {
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="3" stroke-linejoin="round"%s/>`, strings.Join(pts, " "), s.Colour, dash(s))
			}
			pts = pts[:0]
		}
		for i := range l.Labels {
			if i >= len(s.Values) || (s.Has != nil && !s.Has[i]) {
				flush()
				continue
			}
			pts = append(pts, num(xOf(i))+","+num(yOf(s.Values[i])))
		}
		flush()
		for i := range l.Labels {
			if i < len(s.Values) && (s.Has == nil || s.Has[i]) {
				marker(&b, s, xOf(i), yOf(s.Values[i]))
			}
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func dash(s Series) string {
	if s.Dashed {
		return ` stroke-dasharray="7 5"`
	}
	return ""
}

func marker(b *strings.Builder, s Series, x, y float64) {
	if s.Square {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="9" height="9" fill="%s" stroke="%s" stroke-width="1.5"/>`, num(x-4.5), num(y-4.5), s.Colour, InkLight)
		return
	}
	fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="5" fill="%s" stroke="%s" stroke-width="1.5"/>`, num(x), num(y), s.Colour, InkLight)
}

// SeriesSwatch is a small picture of a series' line and marker, for a
// legend in HTML beside the chart (it stays in view when the chart
// scrolls).
func SeriesSwatch(s Series) string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="34" height="20" viewBox="0 0 34 20" aria-hidden="true" focusable="false">`)
	fmt.Fprintf(&b, `<line x1="2" y1="10" x2="32" y2="10" stroke="%s" stroke-width="3"%s/>`, s.Colour, dash(s))
	marker(&b, s, 17, 10)
	b.WriteString(`</svg>`)
	return b.String()
}
