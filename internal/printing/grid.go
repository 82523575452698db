package printing

// gridRow is a table row measured for a given column layout.
type gridRow struct {
	height float64
	cells  [][]setPara // per cell, its paragraphs set in lines
}

// setPara is a paragraph broken into lines inside a cell.
type setPara struct {
	p      para
	lines  []line
	lh     float64 // line height, mm
	before float64 // mm above, within the cell
}

func measureRow(g grid, row []cell, fs map[style]*face) gridRow {
	r := gridRow{cells: make([][]setPara, len(row))}
	for i, c := range row {
		w := g.widths[i] - 2*g.pad
		h := 0.0
		for j, p := range c.paras {
			f := fs[p.style]
			sp := setPara{p: p, lines: breakLines(p, w, f), lh: p.lineHeight(f)}
			if j > 0 || g.borders {
				sp.before = p.before * mmPerPt
			}
			h += sp.before + float64(len(sp.lines))*sp.lh
			if j < len(c.paras)-1 || g.borders {
				h += p.after * mmPerPt
			}
			r.cells[i] = append(r.cells[i], sp)
		}
		r.height = max(r.height, h)
	}
	return r
}

// gridUnits makes one unit of an atomic grid, or one unit per row of a
// data table, whose header rows keep with the first data row and repeat
// at the top of each page the table runs onto.
func gridUnits(g grid, left float64, fs map[style]*face, before float64) []unit {
	rows := make([]gridRow, len(g.rows))
	for i, r := range g.rows {
		rows[i] = measureRow(g, r, fs)
	}
	drawRows := func(rs []gridRow) func(c *canvas, y float64) {
		return func(c *canvas, y float64) {
			for _, r := range rs {
				c.drawRow(g, r, left, y)
				y += r.height
			}
		}
	}
	height := func(rs []gridRow) float64 {
		h := 0.0
		for _, r := range rs {
			h += r.height
		}
		return h
	}
	if g.atomic {
		return []unit{{before: before, height: height(rows), newPage: g.newPage, mark: g.mark, draw: drawRows(rows)}}
	}
	nh := min(g.headerRows, len(rows))
	var header *unit
	if nh > 0 {
		header = &unit{height: height(rows[:nh]), draw: drawRows(rows[:nh])}
	}
	var us []unit
	for i, r := range rows {
		u := unit{height: r.height, draw: drawRows([]gridRow{r})}
		if i == 0 {
			u.before, u.newPage, u.mark = before, g.newPage, g.mark
		}
		if i < nh {
			u.keep = true
		} else {
			u.header = header
		}
		us = append(us, u)
	}
	return us
}

// drawRow draws a row's cells, their borders and any rule under a line.
func (c *canvas) drawRow(g grid, r gridRow, left, y float64) {
	x := left
	for i, cellParas := range r.cells {
		w := g.widths[i]
		cy := y
		for _, sp := range cellParas {
			cy += sp.before
			for _, l := range sp.lines {
				c.drawLine(sp.p, l, x+g.pad, cy)
				if sp.p.ruleUnder {
					f := c.faces[sp.p.style]
					tw := f.width(l.text, sp.p.size) * mmPerPt
					lx := x + g.pad + l.indent + alignOffset(sp.p.align, l.width, tw)
					c.rule(lx, cy+(f.lineHeight(sp.p.size)+headingRuleGap)*mmPerPt, tw, headingRuleW)
				}
				cy += sp.lh
			}
			cy += sp.p.after * mmPerPt
		}
		if g.borders {
			c.f.SetLineWidth(0.5 * mmPerPt)
			c.f.Rect(x, y, w, r.height, "D")
		}
		x += w
	}
}

func alignOffset(a align, avail, w float64) float64 {
	switch a {
	case alignCenter:
		return (avail - w) / 2
	case alignRight:
		return avail - w
	}
	return 0
}
