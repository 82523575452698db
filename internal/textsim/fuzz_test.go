package textsim

import (
	"slices"
	"testing"

	"chibo/internal/vntext"
)

func FuzzFingerprint(f *testing.F) {
	f.Add(minutesJune[:600], minutesJuly[:600])
	f.Add("", "")
	f.Add("Đảng ủy", "DANG UY")
	f.Add("\u0110a\u0309ng vie\u0302n", "Đảng viên")
	f.Add("Đồng chí chủ trì tuyên bố lý do", "a b c d e f")
	f.Add("\xff\xfe Đ", "…...___")
	f.Fuzz(func(t *testing.T, a, b string) {
		fa, fb := form.Fingerprint(a), form.Fingerprint(b)
		s := Similarity(fa, fb)
		if s < 0 || s > 1 {
			t.Fatalf("similarity %v out of [0, 1]", s)
		}
		if s2 := Similarity(fb, fa); s2 != s {
			t.Fatalf("similarity not symmetric: %v and %v", s, s2)
		}
		if self := Similarity(fa, fa); (len(fa.Shingles) > 0) != (self == 1) {
			t.Fatalf("self-similarity %v with %d shingles", self, len(fa.Shingles))
		}
		if !slices.IsSorted(fa.Shingles) || len(slices.Compact(slices.Clone(fa.Shingles))) != len(fa.Shingles) {
			t.Fatal("shingles not sorted and distinct")
		}
		if (fa.MinHash == nil) != (len(fa.Shingles) == 0) || (fa.MinHash != nil && len(fa.MinHash) != SignatureSize) {
			t.Fatalf("MinHash of %d values for %d shingles", len(fa.MinHash), len(fa.Shingles))
		}
		// Folding changes nothing: case, diacritics and đ do not count.
		// (vntext.Fold is not idempotent on U+212B ANGSTROM SIGN: "Å" →
		// "å" → "a"; such input is left out.)
		folded := vntext.Fold(a)
		if ff := form.Fingerprint(folded); vntext.Fold(folded) == folded && !slices.Equal(ff.Shingles, fa.Shingles) {
			t.Fatalf("folded text has another fingerprint")
		}
		// The batch search agrees with the pairwise figure when nothing
		// is boilerplate.
		pairs := SimilarPairsWith([]Doc{{ID: 1, Group: 1, Text: a}, {ID: 2, Group: 2, Text: b}}, form,
			Options{Threshold: 0.5, BoilerplateShare: -1})
		if len(pairs) > 1 || (len(pairs) == 1 && (pairs[0].Similarity != s || s < 0.5)) {
			t.Fatalf("SimilarPairs %+v, Similarity %v", pairs, s)
		}
	})
}

func FuzzDiff(f *testing.F) {
	f.Add("", "")
	f.Add("Chi bộ họp ngày 10 tháng 6.", "Chi bộ họp ngày 8 tháng 7.")
	f.Add("Đảng viên", "DANG VIEN")
	f.Add("  \n.", "a\u0301 b")
	f.Add("\xff Đ\u0309", "đ")
	f.Add(minutesJune[:600], minutesJuly[:600])
	f.Fuzz(func(t *testing.T, a, b string) {
		checkDiff(t, a, b, Diff(a, b))
	})
}
