package searchq

import (
	"unicode"
	"unicode/utf8"

	"chibo/internal/vntext"
)

// Snippet is a piece of the original text around the first hit, cut into
// parts; the hits are marked. CutStart and CutEnd say that text was left
// out before or after (the view shows "…" there).
type Snippet struct {
	Parts    []Part
	CutStart bool
	CutEnd   bool
}

// Part is a run of the original text; Hit marks a matched word or phrase.
type Part struct {
	Text string
	Hit  bool
}

// word is one word of the original text: its bytes in the original and its
// folded form.
type word struct {
	start, end int // byte offsets in the original, marks included
	folded     string
}

// words splits the original into words the way vntext.FoldWords does, but
// keeps where each word is: vntext.FoldRune maps one rune to one rune, and
// combining marks to none, so a decomposed word ("Đa\u0309ng") stays one word
// whose span covers its marks. The folded words share one string.
func words(s string) []word {
	type span struct{ start, end, fstart, fend int }
	var spans []span
	folded := make([]byte, 0, len(s))
	start := -1
	fstart := 0
	for p, r := range s {
		f, ok := vntext.FoldRune(r)
		if !ok {
			continue // a combining mark: part of the word it follows
		}
		if isWordRune(f) {
			if start < 0 {
				start, fstart = p, len(folded)
			}
			folded = utf8.AppendRune(folded, f)
			continue
		}
		if start >= 0 {
			spans = append(spans, span{start, p, fstart, len(folded)})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(s), fstart, len(folded)})
	}
	all := string(folded)
	out := make([]word, len(spans))
	for i, sp := range spans {
		out[i] = word{sp.start, sp.end, all[sp.fstart:sp.fend]}
	}
	return out
}

// Highlight returns about maxRunes characters of original around the first
// word or phrase of q found in it, with every hit in that window marked.
// Only whole words match; a prefix term matches the start of a word.
// Without a hit it returns the start of the text. The window starts and
// ends on whole words. maxRunes <= 0 keeps the whole text.
func Highlight(original string, q Query, maxRunes int) Snippet {
	ws := words(original)
	hits := findHits(ws, q)

	// The window: [from, to) in bytes.
	from, to := 0, len(original)
	if maxRunes > 0 && utf8.RuneCountInString(original) > maxRunes {
		from, to = window(original, ws, hits, maxRunes)
	}
	var sn Snippet
	if len(ws) > 0 {
		sn.CutStart = ws[0].start < from
		sn.CutEnd = ws[len(ws)-1].end > to
	} else {
		sn.CutStart, sn.CutEnd = from > 0, to < len(original)
	}

	pos := from
	for _, h := range hits {
		hs, he := ws[h.first].start, ws[h.last].end
		if he <= from || hs >= to {
			continue
		}
		hs, he = max(hs, from), min(he, to)
		if hs > pos {
			sn.Parts = append(sn.Parts, Part{Text: original[pos:hs]})
		}
		sn.Parts = append(sn.Parts, Part{Text: original[hs:he], Hit: true})
		pos = he
	}
	if pos < to {
		sn.Parts = append(sn.Parts, Part{Text: original[pos:to]})
	}
	return sn
}

// hit is a run of words ws[first..last] matched by a term.
type hit struct{ first, last int }

// findHits returns the runs of words matched by the required terms, in
// order and without overlap; at each word the longest term wins.
func findHits(ws []word, q Query) []hit {
	folded := make([]string, len(ws))
	for i, w := range ws {
		folded[i] = w.folded
	}
	var hits []hit
	for i := 0; i < len(folded); {
		best := 0
		for _, t := range q.Terms {
			n := len(t.Words)
			if t.Not || n == 0 || n <= best || i+n > len(folded) {
				continue
			}
			if termMatches(folded[i:i+n], t) {
				best = n
			}
		}
		if best == 0 {
			i++
			continue
		}
		hits = append(hits, hit{i, i + best - 1})
		i += best
	}
	return hits
}

// window chooses [from, to) of about maxRunes runes: a third of the room
// before the first hit and the rest after it, moved to use the whole room
// near either end of the text, then trimmed to whole words.
func window(s string, ws []word, hits []hit, maxRunes int) (from, to int) {
	if len(hits) == 0 {
		to = forward(s, 0, maxRunes)
		return trimToWords(s, ws, 0, to, len(s), 0)
	}
	hs, he := ws[hits[0].first].start, ws[hits[0].last].end
	room := maxRunes - utf8.RuneCountInString(s[hs:he])
	if room <= 0 {
		return hs, he
	}
	from = back(s, hs, room/3)
	to = forward(s, he, room-utf8.RuneCountInString(s[from:hs]))
	if to == len(s) { // near the end: give the unused room to the start
		from = back(s, from, maxRunes-utf8.RuneCountInString(s[from:to]))
	}
	return trimToWords(s, ws, from, to, hs, he)
}

// trimToWords moves from forward to the start of a word and to back to the
// end of one, but never past the hit [hs, he). It prefers words that stand
// after or before a space, so that "1.250.000" is not cut into "250.000".
func trimToWords(s string, ws []word, from, to, hs, he int) (int, int) {
	if from > 0 {
		from = startAt(s, ws, from, hs)
	}
	if to < len(s) {
		to = endAt(s, ws, to, he)
		// Never cut between a letter and its combining marks.
		for to < len(s) {
			r, n := utf8.DecodeRuneInString(s[to:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			to += n
		}
	}
	return from, max(to, from)
}

// startAt returns the start of the first word in [from, limit], one after
// a space if there is one.
func startAt(s string, ws []word, from, limit int) int {
	first := -1
	for _, w := range ws {
		if w.start < from {
			continue
		}
		if w.start > limit {
			break
		}
		if first < 0 {
			first = w.start
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:w.start]); unicode.IsSpace(r) {
			return w.start
		}
	}
	if first < 0 {
		return from
	}
	return first
}

// endAt returns the end of the last word in [limit, to], one before a
// space if there is one.
func endAt(s string, ws []word, to, limit int) int {
	last := -1
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		if w.end > to {
			continue
		}
		if w.end < limit {
			break
		}
		if last < 0 {
			last = w.end
		}
		if r, _ := utf8.DecodeRuneInString(s[w.end:]); w.end == len(s) || unicode.IsSpace(r) {
			return w.end
		}
	}
	if last < 0 {
		return to
	}
	return last
}

// forward returns the byte offset n runes after p (or the end).
func forward(s string, p, n int) int {
	for ; n > 0 && p < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[p:])
		p += size
	}
	return p
}

// back returns the byte offset n runes before p (or 0).
func back(s string, p, n int) int {
	for ; n > 0 && p > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:p])
		p -= size
	}
	return p
}
