package textsim

import "math"

// Fingerprint is what is compared of a text: its shingles outside the
// template, and their MinHash signature (SignatureSize values, each the
// least of one hash function over the shingles; two signatures agree in a
// share of places that estimates the Jaccard index). Both can be stored.
type Fingerprint struct {
	Shingles []uint64 // sorted, distinct
	MinHash  []uint32 // nil when there are no shingles
}

// Fingerprint computes the fingerprint of a text. A nil template takes
// nothing out.
func (t *Template) Fingerprint(text string) Fingerprint {
	var sc scratch
	f := Fingerprint{Shingles: t.shingleSet(text, &sc)}
	if len(f.Shingles) > 0 {
		f.MinHash = make([]uint32, SignatureSize)
		minHash((*[SignatureSize]uint32)(f.MinHash), f.Shingles)
	}
	return f
}

// Similarity is the Jaccard index of the two shingle sets: shared shingles
// over all shingles. Two empty texts are not alike: 0.
func Similarity(a, b Fingerprint) float64 {
	return jaccard(a.Shingles, b.Shingles)
}

// jaccard is |a ∩ b| / |a ∪ b| of two sorted, distinct sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// MinHash functions h_i(x) = high 32 bits of (a_i·x + b_i) mod 2⁶⁴, with
// odd a_i: x is already a well-mixed shingle hash, so one multiply-add per
// function is enough, and 128 of them cost little.
var hashA, hashB = func() (a, b [SignatureSize]uint64) {
	s := uint64(0x5eed_c41b0_2026)
	next := func() uint64 {
		s += 0x9e3779b97f4a7c15
		return mix64(s)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return
}()

// minHash writes the MinHash signature of a non-empty set into sig.
func minHash(sig *[SignatureSize]uint32, set []uint64) {
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, x := range set {
		for i := range sig {
			if v := uint32((hashA[i]*x + hashB[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
}
