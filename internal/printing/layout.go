package printing

import (
	"strings"
)

// line is one printed line of a paragraph.
type line struct {
	text   string
	indent float64 // mm from the paragraph's left edge
	width  float64 // mm available on this line
	last   bool    // the last line of the paragraph is not justified
}

// breakLines sets a paragraph into lines of at most width mm, greedily at
// spaces, as Word does without hyphenation. A word wider than a line is cut.
func breakLines(p para, width float64, f *face) []line {
	words := strings.Fields(p.text)
	avail := func(first bool) float64 {
		w := width - p.left
		if first {
			w -= p.first
		}
		return max(w, 1)
	}
	measure := func(s string) float64 { return f.width(s, p.size) * mmPerPt }
	var ls []line
	var cur []string
	flush := func() {
		first := len(ls) == 0
		ind := p.left
		if first {
			ind += p.first
		}
		ls = append(ls, line{text: strings.Join(cur, " "), indent: ind, width: avail(first)})
		cur = cur[:0]
	}
	for _, w := range words {
		first := len(ls) == 0
		if len(cur) > 0 && measure(strings.Join(cur, " ")+" "+w) > avail(first) {
			flush()
			first = false
		}
		for len(cur) == 0 && measure(w) > avail(first) {
			// cut an over-long word (a URL, a long number) where it overflows
			n := cutAt(w, avail(first), measure)
			cur = append(cur, w[:n])
			flush()
			w, first = w[n:], false
		}
		if w != "" {
			cur = append(cur, w)
		}
	}
	if len(cur) > 0 || len(ls) == 0 {
		flush()
	}
	ls[len(ls)-1].last = true
	return ls
}

// cutAt is the byte length of the longest prefix of w (at least one rune)
// that fits in avail mm.
func cutAt(w string, avail float64, measure func(string) float64) int {
	n := 0
	for i, r := range w {
		end := i + len(string(r))
		if n > 0 && measure(w[:end]) > avail {
			break
		}
		n = end
	}
	return n
}

// lineHeight is the height of one line of p, mm.
func (p para) lineHeight(f *face) float64 {
	s := p.spacing
	if s == 0 {
		s = 1
	}
	return f.lineHeight(p.size) * s * mmPerPt
}

// unit is what pagination places: a line of text, a whole table row or
// table, a rule, a chart.
type unit struct {
	before float64 // mm of space above; dropped at the top of a page
	height float64 // mm
	keep   bool    // no page break directly after this unit
	// newPage starts the unit on a new page.
	newPage bool
	// header is repeated above this unit when it opens a page: set on the
	// data rows of a table with a header row.
	header *unit
	mark   mark
	draw   func(c *canvas, y float64)
}

// units turns blocks into units for pagination. Keep rules (PRINT.md §4):
// no single line of a paragraph alone at the foot or head of a page
// (widow and orphan control, as Word's default); headings keep with the
// next block; the signature block keeps the last lines before it.
func units(blocks []block, m margins, fs map[style]*face) []unit {
	var us []unit
	pending := 0.0 // space after the previous block, mm
	tw := m.textWidth()
	for _, b := range blocks {
		switch b := b.(type) {
		case para:
			f := fs[b.style]
			ls := breakLines(b, tw, f)
			lh := b.lineHeight(f)
			for i, l := range ls {
				u := unit{height: lh}
				if i == 0 {
					// Word processors put the larger of the space after the
					// previous paragraph and the space before this one.
					u.before = max(pending, b.before*mmPerPt)
					u.newPage, u.mark = b.newPage, b.mark
				}
				above, below := i+1, len(ls)-i-1
				u.keep = above < 2 || below < 2
				if below == 0 {
					u.keep = b.keepNext
				}
				p, l := b, l
				u.draw = func(c *canvas, y float64) { c.drawLine(p, l, m.left, y) }
				us = append(us, u)
			}
			pending = b.after * mmPerPt
		case rule:
			r := b
			us = append(us, unit{before: max(pending, r.before*mmPerPt), height: titleRuleW * mmPerPt,
				draw: func(c *canvas, y float64) { c.rule(m.left+(tw-r.width)/2, y, r.width, titleRuleW) }})
			pending = r.after * mmPerPt
		case grid:
			for i := len(us) - 1; i >= 0 && i >= len(us)-b.keepLines; i-- {
				us[i].keep = true
			}
			// A table's own space is inside its first cells, after the
			// paragraph before it (as Word lays it out).
			us = append(us, gridUnits(b, m.left, fs, pending+b.before*mmPerPt)...)
			pending = b.after * mmPerPt
		case chartBlock:
			cb := b
			h := chartHeight(cb, fs)
			us = append(us, unit{before: max(pending, cb.before*mmPerPt), height: h,
				draw: func(c *canvas, y float64) { c.chart(cb.chart, m.left, y, tw, cb.height) }})
			pending = cb.after * mmPerPt
		}
	}
	return us
}

// placed is a unit at its place on a page.
type placed struct {
	u *unit
	y float64
}

// paginate places units on pages of text between top and bottom (mm from
// the top edge). When a unit does not fit, the page breaks at the latest
// point before it that the keep rules allow; when none does (a chain too
// long for a page), it breaks before the unit anyway.
func paginate(us []unit, top, bottom float64) [][]placed {
	const eps = 0.01
	var pages [][]placed
	var cur []placed
	var idx []int // unit index of each placed unit on the current page
	start, y := 0, top
	newPage := func(at int) {
		pages = append(pages, cur)
		cur, idx, start, y = nil, nil, at, top
	}
	for k := 0; k < len(us); {
		u := &us[k]
		atTop := k == start
		if u.newPage && !atTop {
			newPage(k)
			continue
		}
		b := u.before
		if atTop {
			b = 0
			if u.header != nil {
				cur = append(cur, placed{u.header, y})
				idx = append(idx, -1)
				y += u.header.height
			}
		}
		if !atTop && y+b+u.height > bottom+eps {
			j := k
			for j > start && us[j-1].keep {
				j--
			}
			if j == start {
				j = k
			}
			for len(idx) > 0 && idx[len(idx)-1] >= j {
				cur, idx = cur[:len(cur)-1], idx[:len(idx)-1]
			}
			newPage(j)
			k = j
			continue
		}
		cur = append(cur, placed{u, y + b})
		idx = append(idx, k)
		y += b + u.height
		k++
	}
	return append(pages, cur)
}
