package textsim

import (
	"testing"
)

// batch generates n minutes of n cells for one month, and plants copies:
// every 1000th doc is a copy of the one before it with 5 words changed.
func batch(n int, seed uint64) []Doc {
	g := newGen(seed)
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{ID: int64(i + 1), Group: int64(i + 1), Text: g.minutes(g.cell(), 6)}
		if i%1000 == 999 {
			docs[i].Text = g.copyEdited(docs[i-1].Text, 5)
		}
	}
	return docs
}

func BenchmarkFingerprint(b *testing.B) {
	tpl := NewTemplate(formPhrases...)
	g := newGen(7)
	text := g.minutes(g.cell(), 6)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tpl.Fingerprint(text)
	}
}

// BenchmarkSimilarPairs20000 is one period of a large organization: 20,000
// cells' minutes of about 2,000 characters each.
func BenchmarkSimilarPairs20000(b *testing.B) {
	docs := batch(20000, 1)
	tpl := NewTemplate(formPhrases...)
	var pairs []Pair
	for b.Loop() {
		pairs = SimilarPairs(docs, tpl, DefaultThreshold)
	}
	b.ReportMetric(float64(len(pairs)), "pairs")
}

func BenchmarkDiff(b *testing.B) {
	g := newGen(3)
	a := g.minutes(g.cell(), 6)
	c := g.copyEdited(a, 20)
	for b.Loop() {
		Diff(a, c)
	}
}
