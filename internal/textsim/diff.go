package textsim

import (
	"strings"

	"chibo/internal/vntext"
)

// OpKind says what a piece of a diff is.
type OpKind int

const (
	Equal  OpKind = iota // in both texts (A and B may differ in case, diacritics, punctuation)
	Delete               // only in the first text (A)
	Insert               // only in the second text (B)
)

func (k OpKind) String() string {
	switch k {
	case Equal:
		return "equal"
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "?"
}

// Op is one piece of a side-by-side view: text of the first minutes (A),
// of the second (B), or of both.
type Op struct {
	Kind OpKind
	A, B string
}

// diffCostLimit bounds the work of one step of the diff: past this many
// differences in one stretch it splits at the furthest point reached
// instead of the exact middle, as GNU diff does. Minutes under a few
// thousand words are diffed exactly; two unrelated long texts still take
// linear-times-limit time, not quadratic.
const diffCostLimit = 1000

// Diff compares two texts word by word (words folded: case, diacritics and
// đ do not count) and returns the pieces of both originals in order: the
// A of the Equal and Delete ops rebuild a, the B of the Equal and Insert
// ops rebuild b. Each word carries the spaces and punctuation after it.
// It is Myers' O(ND) diff in linear space.
func Diff(a, b string) []Op {
	ids := map[string]int32{}
	ta, ka := tokens(a, ids)
	tb, kb := tokens(b, ids)
	d := differ{a: ka, b: kb}
	d.diff(0, len(ka), 0, len(kb))

	var ops []Op
	ia, ib := 0, 0
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			ops = append(ops, Op{Kind: Delete, A: del.String()})
			del.Reset()
		}
		if ins.Len() > 0 {
			ops = append(ops, Op{Kind: Insert, B: ins.String()})
			ins.Reset()
		}
	}
	for _, e := range d.edits {
		switch e.kind {
		case Equal:
			flush()
			ops = append(ops, Op{Kind: Equal,
				A: strings.Join(ta[ia:ia+e.n], ""), B: strings.Join(tb[ib:ib+e.n], "")})
			ia += e.n
			ib += e.n
		case Delete:
			for _, s := range ta[ia : ia+e.n] {
				del.WriteString(s)
			}
			ia += e.n
		case Insert:
			for _, s := range tb[ib : ib+e.n] {
				ins.WriteString(s)
			}
			ib += e.n
		}
	}
	flush()
	return ops
}

// tokens cuts s into words, each with the spaces and punctuation after it
// (the first also with what comes before it), and gives each word's folded
// form an id. Text without a word is one token with the empty key.
func tokens(s string, ids map[string]int32) (texts []string, keys []int32) {
	var folded []rune
	start, wordStart := 0, -1
	id := func(k string) int32 {
		v, ok := ids[k]
		if !ok {
			v = int32(len(ids))
			ids[k] = v
		}
		return v
	}
	for p, r := range s {
		f, ok := vntext.FoldRune(r)
		if !ok {
			continue
		}
		if isWordRune(f) {
			if wordStart < 0 {
				if len(keys) > len(texts) { // a word ends here with what followed it
					texts = append(texts, s[start:p])
					start = p
				}
				wordStart = p
				folded = folded[:0]
			}
			folded = append(folded, f)
			continue
		}
		if wordStart >= 0 {
			keys = append(keys, id(string(folded)))
			wordStart = -1
		}
	}
	if wordStart >= 0 {
		keys = append(keys, id(string(folded)))
	}
	if len(keys) > len(texts) {
		texts = append(texts, s[start:])
	}
	if len(keys) == 0 && s != "" {
		return []string{s}, []int32{id("")}
	}
	return texts, keys
}

type edit struct {
	kind OpKind
	n    int
}

// differ is Myers' algorithm (An O(ND) Difference Algorithm and Its
// Variations, 1986, section 4b: the middle snake, linear space).
type differ struct {
	a, b  []int32
	edits []edit
}

func (d *differ) emit(k OpKind, n int) {
	if n == 0 {
		return
	}
	if l := len(d.edits); l > 0 && d.edits[l-1].kind == k {
		d.edits[l-1].n += n
		return
	}
	d.edits = append(d.edits, edit{k, n})
}

func (d *differ) diff(a0, a1, b0, b1 int) {
	pre := 0
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		a0, b0, pre = a0+1, b0+1, pre+1
	}
	d.emit(Equal, pre)
	suf := 0
	for a1 > a0 && b1 > b0 && d.a[a1-1] == d.b[b1-1] {
		a1, b1, suf = a1-1, b1-1, suf+1
	}
	switch {
	case a0 == a1:
		d.emit(Insert, b1-b0)
	case b0 == b1:
		d.emit(Delete, a1-a0)
	default:
		x, y, ok := bisect(d.a[a0:a1], d.b[b0:b1])
		if ok {
			d.diff(a0, a0+x, b0, b0+y)
			d.diff(a0+x, a1, b0+y, b1)
		} else {
			d.emit(Delete, a1-a0)
			d.emit(Insert, b1-b0)
		}
	}
	d.emit(Equal, suf)
}

// bisect finds where to split the edit graph of a and b (both non-empty):
// on the middle snake, or past diffCostLimit steps at the furthest point
// the forward search reached. ok is false when no split helps (a and b
// share nothing).
func bisect(a, b []int32) (x, y int, ok bool) {
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD + 1
	vlen := 2*maxD + 3
	v1 := make([]int, vlen)
	v2 := make([]int, vlen)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0 // the forward path meets the reverse one
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		if dd > diffCostLimit {
			return furthest(v1, off, n, m)
		}
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[i-1] < v1[i+1]) {
				x1 = v1[i+1]
			} else {
				x1 = v1[i-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1, y1 = x1+1, y1+1
			}
			v1[i] = x1
			switch {
			case x1 > n:
				k1end += 2 // ran off the right of the graph
			case y1 > m:
				k1start += 2 // ran off the bottom
			case front:
				if j := off + delta - k1; j >= 0 && j < vlen && v2[j] != -1 {
					if x1 >= n-v2[j] {
						return x1, y1, true
					}
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[i-1] < v2[i+1]) {
				x2 = v2[i+1]
			} else {
				x2 = v2[i-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2, y2 = x2+1, y2+1
			}
			v2[i] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if j := off + delta - k2; j >= 0 && j < vlen && v1[j] != -1 {
					x1 := v1[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// furthest returns the point of the forward search furthest from the start,
// if it splits the graph into two smaller ones.
func furthest(v1 []int, off, n, m int) (x, y int, ok bool) {
	best := -1
	for i, x1 := range v1 {
		if x1 < 0 {
			continue
		}
		y1 := x1 - (i - off)
		if x1 <= n && y1 >= 0 && y1 <= m && x1+y1 > best && x1+y1 < n+m {
			best, x, y = x1+y1, x1, y1
		}
	}
	return x, y, best > 0
}
