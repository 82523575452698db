package printing

import (
	"math"

	"chibo/internal/vntext"
)

// Charts print in black and shades of grey (PRINT.md §1: black text), so
// that they survive a black-and-white printer and a photocopier.
var seriesGrey = []int{40, 150, 215, 95, 185}

const (
	chartTitleSize = 13.0
	chartTextSize  = 10.0
	chartPlot      = 70.0 // mm, plot and category labels
)

// chartHeight is the chart's full height: title, plot, labels, legend.
func chartHeight(cb chartBlock, fs map[style]*face) float64 {
	return fs[bold].lineHeight(chartTitleSize)*mmPerPt + 2 + cb.height + 2 + fs[regular].lineHeight(chartTextSize)*mmPerPt
}

// niceScale is the axis range and step: steps of 1, 2, 2.5 or 5 times a
// power of ten, about five of them.
func niceScale(lo, hi float64) (min, max, step float64) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	return math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step-1e-9) * step, step
}

// chart draws a bar or line chart in the box at (x, y), width w, with a
// plot of height h (labels included).
func (c *canvas) chart(ch Chart, x, y, w, h float64) {
	f := c.f
	titleH := c.faces[bold].lineHeight(chartTitleSize) * mmPerPt
	if ch.Title != "" {
		c.font(bold, chartTitleSize, false)
		c.text(vntext.Clean(ch.Title), x, y+c.faces[bold].ascender(chartTitleSize)*mmPerPt, w, "C", chartTitleSize)
	}
	y += titleH + 2
	textH := c.faces[regular].lineHeight(chartTextSize) * mmPerPt
	asc := c.faces[regular].ascender(chartTextSize) * mmPerPt

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ch.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	vmin, vmax, step := niceScale(lo, hi)

	// Axis labels on the left, category labels under the plot.
	c.font(regular, chartTextSize, false)
	labelW := 0.0
	for v := vmin; v <= vmax+step/2; v += step {
		labelW = math.Max(labelW, c.faces[regular].width(vntext.Decimal(v, 2), chartTextSize)*mmPerPt)
	}
	px, pw := x+labelW+2, w-labelW-2
	ph := h - textH - 1
	yOf := func(v float64) float64 { return y + ph - (v-vmin)/(vmax-vmin)*ph }

	f.SetLineWidth(0.2 * mmPerPt)
	f.SetDrawColor(190, 190, 190)
	for v := vmin; v <= vmax+step/2; v += step {
		f.Line(px, yOf(v), px+pw, yOf(v))
	}
	f.SetDrawColor(0, 0, 0)
	for v := vmin; v <= vmax+step/2; v += step {
		c.text(vntext.Decimal(v, 2), x, yOf(v)+asc/2-0.3, labelW, "R", chartTextSize)
	}

	n := len(ch.Labels)
	for _, s := range ch.Series {
		n = max(n, len(s.Values))
	}
	if n == 0 {
		n = 1
	}
	group := pw / float64(n)
	for i := 0; i < n; i++ {
		if i < len(ch.Labels) {
			label := vntext.Clean(ch.Labels[i])
			size := chartTextSize
			for size > 6 && c.faces[regular].width(label, size)*mmPerPt > group-1 {
				size -= 0.5
			}
			c.font(regular, size, false)
			c.text(label, px+float64(i)*group, y+ph+1+asc, group, "C", size)
		}
	}

	f.SetLineWidth(0.3 * mmPerPt)
	if ch.Kind == "line" {
		for si, s := range ch.Series {
			c.lineSeries(s, si, px, group, yOf)
		}
	} else {
		c.bars(ch, px, group, yOf, vmin)
	}
	f.SetDashPattern(nil, 0)
	f.SetLineWidth(0.5 * mmPerPt)
	f.Line(px, y, px, y+ph)
	zero := yOf(math.Max(vmin, 0))
	f.Line(px, zero, px+pw, zero)

	c.legend(ch, x, y+h+2, w)
}

func (c *canvas) bars(ch Chart, px, group float64, yOf func(float64) float64, vmin float64) {
	ns := max(len(ch.Series), 1)
	barW := group * 0.7 / float64(ns)
	base := yOf(math.Max(vmin, 0))
	showValues := ns*len(ch.Labels) <= 24
	for si, s := range ch.Series {
		g := seriesGrey[si%len(seriesGrey)]
		for i, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			bx := px + float64(i)*group + group*0.15 + float64(si)*barW
			top := yOf(v)
			c.f.SetFillColor(g, g, g)
			c.f.Rect(bx, math.Min(top, base), barW, math.Abs(base-top), "FD")
			if showValues {
				c.font(regular, 8, false)
				c.text(vntext.Decimal(v, 1), bx-2, math.Min(top, base)-1, barW+4, "C", 8)
			}
		}
	}
}

var seriesDash = [][]float64{nil, {2, 1}, {0.6, 0.8}, {3, 1, 0.6, 1}}

func (c *canvas) lineSeries(s Series, si int, px, group float64, yOf func(float64) float64) {
	f := c.f
	f.SetDashPattern(seriesDash[si%len(seriesDash)], 0)
	f.SetLineWidth(0.8 * mmPerPt)
	var lastX, lastY float64
	have := false
	for i, v := range s.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			have = false
			continue
		}
		cx, cy := px+(float64(i)+0.5)*group, yOf(v)
		if have {
			f.Line(lastX, lastY, cx, cy)
		}
		lastX, lastY, have = cx, cy, true
	}
	f.SetDashPattern(nil, 0)
	g := seriesGrey[si%len(seriesGrey)]
	f.SetFillColor(g, g, g)
	for i, v := range s.Values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			f.Circle(px+(float64(i)+0.5)*group, yOf(v), 0.8, "FD")
		}
	}
}

// legend is a centred row of swatches and series names.
func (c *canvas) legend(ch Chart, x, y, w float64) {
	if len(ch.Series) < 2 && (len(ch.Series) == 0 || ch.Series[0].Name == "") {
		return
	}
	fc := c.faces[regular]
	total := 0.0
	for _, s := range ch.Series {
		total += 6 + fc.width(s.Name, chartTextSize)*mmPerPt + 6
	}
	cx := x + (w-total)/2
	asc := fc.ascender(chartTextSize) * mmPerPt
	c.font(regular, chartTextSize, false)
	for si, s := range ch.Series {
		g := seriesGrey[si%len(seriesGrey)]
		c.f.SetFillColor(g, g, g)
		c.f.SetLineWidth(0.3 * mmPerPt)
		if ch.Kind == "line" {
			c.f.SetDashPattern(seriesDash[si%len(seriesDash)], 0)
			c.f.SetLineWidth(0.8 * mmPerPt)
			c.f.Line(cx, y+asc/2+0.5, cx+5, y+asc/2+0.5)
			c.f.SetDashPattern(nil, 0)
		} else {
			c.f.Rect(cx, y+0.8, 4.5, 3, "FD")
		}
		name := vntext.Clean(s.Name)
		tw := fc.width(name, chartTextSize) * mmPerPt
		c.text(name, cx+6, y+asc, tw+1, "L", chartTextSize)
		cx += 6 + tw + 6
	}
}
