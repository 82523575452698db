// Package svgchart draws the dashboards' pictures as SVG on the server, in
// a few hundred lines of our own: a heat map, trend lines and bars. It is
// pure: data in, markup out, no I/O and no text of its own (labels,
// titles and number formats come from the caller, in the reader's
// language).
//
// Charts are drawn at their natural size (one unit is one CSS pixel), so
// that their text stays as large as the page's; a page puts a wide chart
// in a box that scrolls sideways. Colours are SVG presentation attributes,
// never style attributes or <style> elements, which the
// Content-Security-Policy (style-src 'self') forbids. Colour never carries
// meaning alone: every coloured mark also has a symbol or a number, and
// every chart a title naming what a table beside it holds.
package svgchart

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// Colours of the palette, with the ink that reads on each (WCAG AA).
const (
	Green     = "#1e6b34" // on time; rate ≥ 95%
	GreenSoft = "#8cc79b" // rate 85–95%
	Amber     = "#f2c14e" // late; rate 70–85%
	Orange    = "#ec9a5b" // rate 50–70%
	Red       = "#a4161a" // missing; rate < 50%
	Grey      = "#e8e8e8" // not due yet
	Blank     = "#ffffff" // no figures
	Ink       = "#1b1b1b"
	InkLight  = "#ffffff"
	Muted     = "#555555"
	Line      = "#d6d6d6"
	Blue      = "#124e8c"
	Brown     = "#7a4a00"
)

// charW is the width of an average character at 15 px.
const charW = 8.2

// RateColours are the fill and ink of a rate in a heat map.
func RateColours(rate float64) (fill, ink string) {
	switch {
	case rate >= 0.95:
		return Green, InkLight
	case rate >= 0.85:
		return GreenSoft, Ink
	case rate >= 0.70:
		return Amber, Ink
	case rate >= 0.50:
		return Orange, Ink
	}
	return Red, InkLight
}

// Group is a label over a run of columns (a year over its months).
type Group struct {
	Label string
	Span  int
}

// esc escapes text for XML content and attributes.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' {
				continue // not allowed in XML
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clip shortens a label to n characters with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// num writes a coordinate without needless decimals.
func num(x float64) string {
	if x == math.Trunc(x) {
		return fmt.Sprintf("%d", int64(x))
	}
	return fmt.Sprintf("%.1f", x)
}

// open starts an <svg> of a size with its accessible title.
func open(b *strings.Builder, id, class, title string, w, h float64, role string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="chart %s" width="%s" height="%s" viewBox="0 0 %s %s" role="%s" aria-labelledby="%s-t" font-size="15">`,
		esc(id), esc(class), num(w), num(h), num(w), num(h), role, esc(id))
	fmt.Fprintf(b, `<title id="%s-t">%s</title>`, esc(id), esc(title))
}

// Swatch is a small picture of one heat-map cell, for a legend in HTML.
func Swatch(c Cell) string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="30" height="24" viewBox="0 0 30 24" aria-hidden="true" focusable="false" font-size="15">`)
	writeCell(&b, c, 1, 1, 28, 22)
	b.WriteString(`</svg>`)
	return b.String()
}
