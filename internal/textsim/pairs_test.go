package textsim

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

type pairKey struct{ a, b int64 }

func keyOf(a, b int64) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{a, b}
}

// DOMAIN.md §6: minutes nearly identical to another cell's minutes of the
// same period, or to the cell's previous minutes, are flagged; honest
// minutes are not.
func TestSimilarPairsFindsPlantedCopiesAndNothingElse(t *testing.T) {
	g := newGen(21)
	var docs []Doc
	cells := make([]cell, 2000)
	for i := range cells {
		cells[i] = g.cell()
		docs = append(docs, Doc{ID: int64(100000 + i), Group: int64(i + 1), Text: g.minutes(cells[i], 6)})
	}
	planted := map[pairKey]string{}
	plant := func(why string, src int, group int64, text string) {
		id := int64(len(docs) + 1)
		docs = append(docs, Doc{ID: id, Group: group, Text: text})
		planted[keyOf(docs[src].ID, id)] = why
	}
	for i := range 5 {
		plant("another cell copied it with 5 words changed", 10*i, int64(5000+i), g.copyEdited(docs[10*i].Text, 5))
	}
	for i := range 3 {
		plant("another cell copied it without diacritics", 100+i, int64(6000+i), stripMarks(docs[100+i].Text))
	}
	for i := range 3 {
		src := 200 + i
		plant("the cell's previous minutes copied with the month changed", src, docs[src].Group,
			strings.ReplaceAll(docs[src].Text, "tháng 6", "tháng 7"))
	}
	// Honest previous minutes of the same cells: not flagged.
	for i := 300; i < 320; i++ {
		docs = append(docs, Doc{ID: int64(len(docs) + 1), Group: docs[i].Group, Text: g.minutes(cells[i], 5)})
	}

	pairs := SimilarPairs(docs, form, DefaultThreshold)
	got := map[pairKey]bool{}
	for i, p := range pairs {
		if p.A >= p.B {
			t.Errorf("pair %+v: want A < B", p)
		}
		if i > 0 && pairs[i-1].Similarity < p.Similarity {
			t.Errorf("pairs not sorted by similarity: %v before %v", pairs[i-1].Similarity, p.Similarity)
		}
		k := pairKey{p.A, p.B}
		got[k] = true
		if _, ok := planted[k]; !ok {
			t.Errorf("honest pair flagged: %d and %d, similarity %.3f", p.A, p.B, p.Similarity)
		}
	}
	for k, why := range planted {
		if !got[k] {
			t.Errorf("not found: %d and %d (%s)", k.a, k.b, why)
		}
	}
}

// Boilerplate is counted in cells: a cell copying its own minutes month
// after month in a small ward is flagged, though its text is in more than
// 5% of the batch's minutes.
func TestSimilarPairsCellCopyingItselfAllYear(t *testing.T) {
	g := newGen(22)
	var docs []Doc
	id := int64(0)
	for c := range 10 {
		cl := g.cell()
		text := g.minutes(cl, 1)
		for m := 1; m <= 12; m++ {
			id++
			if c == 0 {
				docs = append(docs, Doc{ID: id, Group: int64(c + 1), Text: strings.ReplaceAll(text, "tháng 1 ", fmt.Sprintf("tháng %d ", m))})
			} else {
				docs = append(docs, Doc{ID: id, Group: int64(c + 1), Text: g.minutes(cl, m)})
			}
		}
	}
	pairs := SimilarPairs(docs, form, 0)
	if want := 12 * 11 / 2; len(pairs) != want {
		t.Errorf("%d pairs, want %d (every two of the copying cell's 12 minutes)", len(pairs), want)
	}
	for _, p := range pairs {
		if p.A > 12 || p.B > 12 {
			t.Errorf("pair %+v is not of the copying cell", p)
		}
	}
}

// A paragraph that most cells paste from the ward's directive is
// boilerplate; without the cut it makes honest minutes look alike.
func TestSimilarPairsDropsBoilerplate(t *testing.T) {
	g := newGen(23)
	directive := g.paragraph(25)
	var docs []Doc
	for i := range 400 {
		text := g.minutes(g.cell(), 6)
		if i%2 == 0 {
			text += "\n" + directive
		}
		docs = append(docs, Doc{ID: int64(i + 1), Group: int64(i + 1), Text: text})
	}
	if pairs := SimilarPairs(docs, form, 0.5); len(pairs) != 0 {
		t.Errorf("%d pairs flagged, want none: the directive is boilerplate (first %+v)", len(pairs), pairs[0])
	}
	kept := SimilarPairsWith(docs, form, Options{Threshold: 0.5, BoilerplateShare: -1})
	if len(kept) == 0 {
		t.Error("with every shingle kept, the pasted directive should make pairs")
	}
}

func TestSimilarPairsEdgeCases(t *testing.T) {
	if p := SimilarPairs(nil, form, 0.7); p != nil {
		t.Errorf("no docs: %v", p)
	}
	same := Doc{ID: 1, Group: 1, Text: minutesJune}
	if p := SimilarPairs([]Doc{same}, form, 0.7); p != nil {
		t.Errorf("one doc: %v", p)
	}
	// The same minutes twice in the batch is not a pair.
	if p := SimilarPairs([]Doc{same, same}, form, 0.7); len(p) != 0 {
		t.Errorf("one doc twice: %v", p)
	}
	// Empty texts and form-only texts are never alike.
	empty := []Doc{{ID: 1, Group: 1}, {ID: 2, Group: 2}, {ID: 3, Group: 3, Text: strings.Join(formPhrases, "\n")}, {ID: 4, Group: 4, Text: strings.Join(formPhrases, "\n")}}
	if p := SimilarPairs(empty, form, 0.7); len(p) != 0 {
		t.Errorf("empty texts: %v", p)
	}
	two := []Doc{{ID: 7, Group: 1, Text: minutesJune}, {ID: 3, Group: 2, Text: stripMarks(minutesJune)}}
	p := SimilarPairs(two, form, 0.7)
	if len(p) != 1 || p[0].A != 3 || p[0].B != 7 || p[0].Similarity != 1 {
		t.Errorf("a copy without diacritics: %+v, want {3 7 1}", p)
	}
	if p := SimilarPairs(two, form, 1.5); p != nil {
		t.Errorf("threshold above 1: %v", p)
	}
}

// Banding keeps the chance of finding a pair at the threshold above
// minRecall, with as few candidates as that allows; below about 0.35 the
// floor of 2 rows keeps the candidates from becoming every pair.
func TestBandRowsKeepRecall(t *testing.T) {
	recall := func(j float64, r int) float64 {
		return 1 - math.Pow(1-math.Pow(j, float64(r)), float64(SignatureSize/r))
	}
	prev := 0
	for _, th := range []float64{0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95} {
		r := bandRows(th)
		if r < 2 {
			t.Errorf("threshold %.2f: %d rows, want at least 2", th, r)
		}
		if recall(th, r) < minRecall && r > 2 {
			t.Errorf("threshold %.2f: %d rows find a pair at the threshold with chance %.4f", th, r, recall(th, r))
		}
		if recall(th, r+1) >= minRecall {
			t.Errorf("threshold %.2f: %d rows would do with fewer candidates", th, r+1)
		}
		if r < prev {
			t.Errorf("threshold %.2f: %d rows, fewer than for a lower threshold", th, r)
		}
		prev = r
	}
}
