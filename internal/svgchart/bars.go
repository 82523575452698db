package svgchart

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bar is one horizontal bar: a label, a value and its text.
type Bar struct {
	Label string
	Value float64
	Text  string // the value as the reader writes it: "12 (40,0%)"
	Fill  string
}

// Bars is a horizontal bar chart (the grades of the meetings held).
type Bars struct {
	ID    string
	Title string
	Bars  []Bar
	Max   float64 // the value of a full bar; 0: the largest value
	Width int     // the whole chart's width (0: 340, a phone's column)
}

// Sizes of the bar chart.
const (
	barH       = 30
	barGap     = 10
	barMinArea = 100
)

// SVG draws the chart.
func (c Bars) SVG() string {
	lw := 6
	tw := 4
	top := c.Max
	for _, b := range c.Bars {
		lw = max(lw, utf8.RuneCountInString(b.Label))
		tw = max(tw, utf8.RuneCountInString(b.Text))
		top = max(top, b.Value)
	}
	labelW := float64(lw)*charW + 14
	textW := float64(tw)*charW + 12
	width := float64(c.Width)
	if width == 0 {
		width = 340
	}
	barArea := max(width-labelW-textW, barMinArea)
	w := labelW + barArea + textW
	h := float64(len(c.Bars)*(barH+barGap) + barGap)
	var b strings.Builder
	open(&b, c.ID, "chart-bars", c.Title, w, h, "img")
	for i, bar := range c.Bars {
		y := float64(barGap + i*(barH+barGap))
		fmt.Fprintf(&b, `<text x="4" y="%s" fill="%s">%s</text>`, num(y+barH/2+5), Ink, esc(bar.Label))
		bw := 0.0
		if top > 0 {
			bw = barArea * bar.Value / top
		}
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" fill="%s" stroke="%s"/>`, num(labelW), num(y), num(max(bw, 2)), barH, bar.Fill, Ink)
		fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s">%s</text>`, num(labelW+max(bw, 2)+8), num(y+barH/2+5), Ink, esc(bar.Text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}
