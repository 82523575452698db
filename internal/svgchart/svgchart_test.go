package svgchart

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// element is a parsed SVG element: its name, attributes and text.
type element struct {
	Name  string
	Attr  map[string]string
	Text  string
	Depth int
}

// parse checks that the markup is well-formed XML and lists its elements.
func parse(t *testing.T, svg string) []element {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var out []element
	var stack []int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			e := element{Name: v.Name.Local, Attr: map[string]string{}, Depth: len(stack)}
			for _, a := range v.Attr {
				e.Attr[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].Text += string(v)
			}
		}
	}
	return out
}

func count(es []element, name string) int {
	n := 0
	for _, e := range es {
		if e.Name == name {
			n++
		}
	}
	return n
}

// The Content-Security-Policy forbids inline styles: a style attribute or
// a <style> element would be dropped by the browser.
func assertNoInlineStyle(t *testing.T, es []element) {
	t.Helper()
	for _, e := range es {
		if e.Name == "style" {
			t.Error("a <style> element: the CSP (style-src 'self') drops it")
		}
		if _, ok := e.Attr["style"]; ok {
			t.Errorf("<%s style=…>: the CSP drops inline styles", e.Name)
		}
	}
}

func TestHeatMapShowsAMissingMeetingWithASymbolNotOnlyAColour(t *testing.T) {
	h := HeatMap{ID: "hm", Title: "Đúng hạn theo tháng — xem bảng dưới", Columns: []string{"T4", "T5", "T6"},
		Groups: []Group{{"2026", 3}},
		Rows: []Row{
			{Label: "Chi bộ tổ dân phố số 5", Href: "/orgs/5/calendar?year=2026", Cells: []Cell{
				{Text: "✓", Fill: Green, Ink: InkLight, Title: "tháng 4/2026: đúng hạn"},
				{Text: "✗", Fill: Red, Ink: InkLight, Title: "tháng 5/2026: không họp", Href: "/orgs/5/calendar?year=2026", Mark: true},
				{Text: "○", Fill: Grey, Title: "tháng 6/2026: chưa đến hạn"},
			}},
			{Label: "Chi bộ Trường Tiểu học Gia Thụy & <Trường> mầm non Hoa Sữa", Cells: []Cell{{Text: "92", Fill: Green, Ink: InkLight}}},
		}}
	svg := h.SVG()
	es := parse(t, svg)
	assertNoInlineStyle(t, es)
	if es[0].Name != "svg" || es[0].Attr["aria-labelledby"] != "hm-t" {
		t.Errorf("root %+v", es[0])
	}
	if es[1].Name != "title" || es[1].Text != h.Title {
		t.Errorf("no accessible title first: %+v", es[1])
	}
	var missing *element
	for i, e := range es {
		if e.Name == "text" && e.Text == "✗" {
			missing = &es[i]
		}
	}
	if missing == nil {
		t.Fatal("the missing month has no ✗")
	}
	// The missing square has a heavy frame as well as its red fill.
	heavy := 0
	for _, e := range es {
		if e.Name == "rect" && e.Attr["stroke-width"] == "3" {
			heavy++
			if e.Attr["fill"] != Red {
				t.Errorf("heavy frame on a %s square", e.Attr["fill"])
			}
		}
	}
	if heavy != 1 {
		t.Errorf("%d heavy frames, want 1", heavy)
	}
	// A square's link is no tab stop (the row's label is), and is named
	// by its title.
	squareLinks := 0
	for i, e := range es {
		if e.Name == "a" && strings.Contains(e.Attr["href"], "calendar") && e.Depth > 1 {
			squareLinks++
			if e.Attr["tabindex"] != "-1" || es[i+1].Name != "title" {
				t.Errorf("square link %+v", e)
			}
		}
	}
	if squareLinks != 1 {
		t.Errorf("%d square links, want 1", squareLinks)
	}
	// Long names take two lines, cut with "…", the full name kept in a
	// title; text is escaped.
	if !strings.Contains(svg, "&amp; &lt;Trường&gt;") {
		t.Error("label not escaped")
	}
	var lines []string
	for _, e := range es {
		if e.Name == "tspan" {
			lines = append(lines, e.Text)
		}
	}
	want := []string{"Chi bộ tổ dân phố", "số 5", "Chi bộ Trường", "Tiểu học Gia Thụ…"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("label lines %q, want %q", lines, want)
	}
	if count(es, "rect") != 4 {
		t.Errorf("%d squares, want 4", count(es, "rect"))
	}
}

// A heat map draws at its natural size: one unit per CSS pixel, wider with
// every month, so that a page scrolls it in its own box and the text
// stays readable on a phone.
func TestHeatMapGrowsWithTheMonths(t *testing.T) {
	mk := func(n int) HeatMap {
		h := HeatMap{ID: "x", Title: "x", Rows: []Row{{Label: "Phường Bồ Đề"}}}
		for i := 0; i < n; i++ {
			h.Columns = append(h.Columns, "T")
			h.Rows[0].Cells = append(h.Rows[0].Cells, Cell{Text: "✓"})
		}
		return h
	}
	w12, _ := strconv.ParseFloat(parse(t, mk(12).SVG())[0].Attr["width"], 64)
	w36, _ := strconv.ParseFloat(parse(t, mk(36).SVG())[0].Attr["width"], 64)
	if w36-w12 != 24*(heatCellW+heatGap) {
		t.Errorf("36 months %.0f px, 12 months %.0f px: want %d px more", w36, w12, 24*(heatCellW+heatGap))
	}
	root := parse(t, mk(12).SVG())[0]
	if root.Attr["viewBox"] != "0 0 "+root.Attr["width"]+" "+root.Attr["height"] {
		t.Errorf("viewBox %q does not match the size %sx%s", root.Attr["viewBox"], root.Attr["width"], root.Attr["height"])
	}
}

// Labels and Grid are the two halves a page shows side by side (the names
// stay in view while the months scroll): their rows line up.
func TestHeatMapHalvesLineUp(t *testing.T) {
	h := HeatMap{ID: "hm", Title: "x", Columns: []string{"T1", "T2"}, Groups: []Group{{"2026", 2}},
		Rows: []Row{{Label: "Đảng bộ phường Bồ Đề", Href: "/orgs/3/overview", Cells: []Cell{{Text: "✓"}, {Text: "✗", Mark: true}}},
			{Label: "Đảng bộ phường Gia Thụy", Cells: []Cell{{Text: "✓"}, {Text: "○"}}}}}
	l, g := parse(t, h.Labels()), parse(t, h.Grid())
	if l[0].Attr["height"] != g[0].Attr["height"] {
		t.Errorf("heights %s and %s", l[0].Attr["height"], g[0].Attr["height"])
	}
	if count(l, "rect") != 0 || count(g, "rect") != 4 || count(l, "a") != 1 || count(g, "tspan") != 0 {
		t.Errorf("labels: %d squares, %d links; grid: %d squares", count(l, "rect"), count(l, "a"), count(g, "rect"))
	}
	if g[0].Attr["aria-labelledby"] == l[0].Attr["aria-labelledby"] {
		t.Error("the two halves share a title id")
	}
}

func TestLinesBreakWhereAMonthHasNoFigure(t *testing.T) {
	l := Lines{ID: "tr", Title: "Xu hướng", Labels: []string{"T1", "T2", "T3", "T4", "T5"},
		Series: []Series{
			{Name: "Đúng hạn", Values: []float64{0.9, 0.8, 0, 0.95, 1}, Has: []bool{true, true, false, true, true}, Colour: Blue},
			{Name: "Dự họp", Values: []float64{0.85, 0.9, 0.88, 0.9, 0.92}, Colour: Brown, Dashed: true, Square: true},
		}}
	es := parse(t, l.SVG())
	assertNoInlineStyle(t, es)
	// The first series breaks at March: two polylines; the second is whole.
	if n := count(es, "polyline"); n != 3 {
		t.Errorf("%d polylines, want 3", n)
	}
	if n := count(es, "circle"); n != 4 {
		t.Errorf("%d round markers, want 4", n)
	}
	dashed := 0
	for _, e := range es {
		if e.Name == "polyline" && e.Attr["stroke-dasharray"] != "" {
			dashed++
		}
	}
	if dashed != 1 {
		t.Errorf("%d dashed lines, want 1 (the lines differ by more than colour)", dashed)
	}
	// Shares outside 0–1 stay inside the plot.
	l.Series[0].Values[0] = 1.7
	for _, e := range parse(t, l.SVG()) {
		if cy, _ := strconv.ParseFloat(e.Attr["cy"], 64); e.Name == "circle" && cy < linesTop {
			t.Errorf("point above the chart: %+v", e)
		}
	}
}

func TestBarsAreProportionalAndLabelled(t *testing.T) {
	c := Bars{ID: "g", Title: "Xếp loại", Bars: []Bar{
		{Label: "Tốt", Value: 10, Text: "10 (50%)", Fill: Green},
		{Label: "Khá", Value: 5, Text: "5 (25%)", Fill: Blue},
		{Label: "Kém", Value: 0, Text: "0", Fill: Red},
	}}
	es := parse(t, c.SVG())
	assertNoInlineStyle(t, es)
	var widths []float64
	for _, e := range es {
		if e.Name == "rect" {
			w, _ := strconv.ParseFloat(e.Attr["width"], 64)
			widths = append(widths, w)
		}
	}
	if len(widths) != 3 || widths[1] != widths[0]/2 || widths[2] != 2 {
		t.Errorf("bar widths %v: want a half bar for half the value, and a sliver for 0", widths)
	}
	// The chart fits a phone's column.
	if w, _ := strconv.ParseFloat(es[0].Attr["width"], 64); w > 340 {
		t.Errorf("%.0f px wide", w)
	}
	texts := map[string]bool{}
	for _, e := range es {
		if e.Name == "text" {
			texts[e.Text] = true
		}
	}
	for _, want := range []string{"Tốt", "10 (50%)", "Kém", "0"} {
		if !texts[want] {
			t.Errorf("no text %q", want)
		}
	}
}

func TestRateColoursReadOnTheirFill(t *testing.T) {
	for _, tc := range []struct {
		rate float64
		fill string
	}{{1, Green}, {0.95, Green}, {0.9, GreenSoft}, {0.8, Amber}, {0.6, Orange}, {0.2, Red}, {0, Red}} {
		fill, ink := RateColours(tc.rate)
		if fill != tc.fill {
			t.Errorf("rate %.2f: fill %s, want %s", tc.rate, fill, tc.fill)
		}
		if contrast(fill, ink) < 4.5 {
			t.Errorf("rate %.2f: ink %s on %s has contrast %.1f < 4.5", tc.rate, ink, fill, contrast(fill, ink))
		}
	}
	for _, c := range [][2]string{{Grey, Muted}, {Blank, Muted}, {Red, InkLight}, {Amber, Ink}} {
		if contrast(c[0], c[1]) < 4.5 {
			t.Errorf("%s on %s: contrast %.1f", c[1], c[0], contrast(c[0], c[1]))
		}
	}
}

func TestSwatchIsHiddenFromScreenReaders(t *testing.T) {
	es := parse(t, Swatch(Cell{Text: "✗", Fill: Red, Ink: InkLight, Mark: true}))
	if es[0].Attr["aria-hidden"] != "true" {
		t.Error("a legend swatch repeats the text beside it: hide it")
	}
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := 0; i < 3; i++ {
		var v int
		for _, ch := range hex[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case ch >= '0' && ch <= '9':
				v += int(ch - '0')
			default:
				v += int(ch|0x20-'a') + 10
			}
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
