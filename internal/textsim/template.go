package textsim

import (
	"slices"
	"strings"
)

// Template is the fixed text of a minutes form: agenda titles and the
// standard sentences every secretary writes ("Đồng chí chủ trì tuyên bố lý
// do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.").
// Where a phrase of the form appears in a text, its words are left out
// before shingling; shingles of the form are also taken out of the set, to
// catch a form sentence written with a word changed.
//
// A phrase may have blanks to fill, written as "…" or as a run of dots or
// underscores ("Tổng số đảng viên: … đồng chí"): the parts between blanks
// are separate phrases.
type Template struct {
	phrases  [][]uint64       // word hashes of each phrase
	byFirst  map[uint64][]int // first word → phrases, longest first
	shingles []uint64         // sorted, distinct
}

// NewTemplate builds a template from the fixed phrases of a form.
func NewTemplate(phrases ...string) *Template {
	t := &Template{byFirst: map[uint64][]int{}}
	for _, p := range phrases {
		for _, part := range splitBlanks(p) {
			ws := appendWordHashes(nil, part)
			if len(ws) == 0 {
				continue
			}
			t.phrases = append(t.phrases, ws)
			t.shingles = appendShingles(t.shingles, ws, nil)
		}
	}
	for i, ws := range t.phrases {
		t.byFirst[ws[0]] = append(t.byFirst[ws[0]], i)
	}
	for _, idx := range t.byFirst {
		slices.SortFunc(idx, func(a, b int) int { return len(t.phrases[b]) - len(t.phrases[a]) })
	}
	slices.Sort(t.shingles)
	t.shingles = slices.Compact(t.shingles)
	return t
}

// splitBlanks cuts a form phrase at its blanks: "…", and runs of two or
// more dots or underscores.
func splitBlanks(p string) []string {
	var parts []string
	r := []rune(p)
	start := 0
	for i := 0; i < len(r); i++ {
		c, from := r[i], i
		blank := c == '…'
		if (c == '.' || c == '_') && i+1 < len(r) && r[i+1] == c {
			blank = true
			for i+1 < len(r) && r[i+1] == c {
				i++
			}
		}
		if blank {
			parts = append(parts, string(r[start:from]))
			start = i + 1
		}
	}
	parts = append(parts, string(r[start:]))
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// mask marks the words of ws covered by a phrase of the template.
// masked must have len(ws) elements; it is returned.
func (t *Template) mask(ws []uint64, masked []bool) []bool {
	if t == nil || len(t.phrases) == 0 {
		return nil
	}
	clear(masked)
	for i, w := range ws {
		for _, pi := range t.byFirst[w] {
			p := t.phrases[pi]
			if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
				for j := i; j < i+len(p); j++ {
					masked[j] = true
				}
				break
			}
		}
	}
	return masked
}

// shingleSet returns the sorted, distinct shingles of text outside the
// template, reusing the scratch buffers.
func (t *Template) shingleSet(text string, sc *scratch) []uint64 {
	sc.words = appendWordHashes(sc.words[:0], text)
	if cap(sc.masked) < len(sc.words) {
		sc.masked = make([]bool, len(sc.words))
	}
	masked := t.mask(sc.words, sc.masked[:len(sc.words)])
	set := appendShingles(sc.set[:0], sc.words, masked)
	sc.set = set
	slices.Sort(set)
	set = slices.Compact(set)
	if t != nil {
		set = subtract(set, t.shingles)
	}
	if len(set) == 0 {
		return nil
	}
	return slices.Clone(set)
}

// scratch holds buffers reused from one text to the next.
type scratch struct {
	words  []uint64
	masked []bool
	set    []uint64
}

// subtract removes from the sorted set a the elements of the sorted set b,
// in place.
func subtract(a, b []uint64) []uint64 {
	if len(b) == 0 {
		return a
	}
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}
