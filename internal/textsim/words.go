package textsim

import (
	"unicode"

	"chibo/internal/vntext"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// isWordRune says which folded runes make words, as in vntext.FoldWords.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// appendWordHashes appends to dst a hash of each word of s as
// vntext.FoldWords(s) would split and fold it, without building the
// strings: minutes are folded by the thousand.
func appendWordHashes(dst []uint64, s string) []uint64 {
	var h uint64
	in := false
	for _, r := range s {
		f, ok := vntext.FoldRune(r)
		if !ok {
			continue // a combining mark folds to nothing, inside a word too
		}
		if isWordRune(f) {
			if !in {
				h, in = fnvOffset, true
			}
			h = (h ^ uint64(f)) * fnvPrime
			continue
		}
		if in {
			dst = append(dst, h)
			in = false
		}
	}
	if in {
		dst = append(dst, h)
	}
	return dst
}

// hashWord hashes one folded word as appendWordHashes does.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h = (h ^ uint64(r)) * fnvPrime
	}
	return h
}

// mix64 is the splitmix64 finalizer: it spreads every input bit over the
// output, so that shingle hashes are uniform for MinHash and radix buckets.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingleHash hashes a run of word hashes; its length is part of the hash,
// so a short run never equals a full shingle.
func shingleHash(ws []uint64) uint64 {
	h := uint64(len(ws)) * 0x9e3779b97f4a7c15
	for _, w := range ws {
		h = (h ^ w) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return mix64(h)
}

// appendShingles appends the shingles of the words not masked: every run of
// ShingleWords consecutive unmasked words, and one shingle for a whole
// unmasked run shorter than that (a name or a figure between two fixed
// phrases of the form still counts). masked may be nil.
func appendShingles(dst []uint64, ws []uint64, masked []bool) []uint64 {
	i := 0
	for i < len(ws) {
		if masked != nil && masked[i] {
			i++
			continue
		}
		j := i
		for j < len(ws) && (masked == nil || !masked[j]) {
			j++
		}
		run := ws[i:j]
		if len(run) < ShingleWords {
			dst = append(dst, shingleHash(run))
		} else {
			for k := 0; k+ShingleWords <= len(run); k++ {
				dst = append(dst, shingleHash(run[k:k+ShingleWords]))
			}
		}
		i = j
	}
	return dst
}
