// Package vntext holds what Chibo needs to handle Vietnamese text correctly:
// normalization to NFC at the boundary, folding for search and comparison
// (case, diacritics, đ→d), the Vietnamese order of names, dates and numbers
// written the Vietnamese way, and the legacy 8-bit encodings (TCVN3, VNI).
//
// Everything here is pure: no I/O, no clock.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalization form C. Text typed on some
// keyboards or pasted from Excel arrives decomposed (NFD); it breaks
// equality and prints with misplaced accents, so every input goes through here.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Clean is NFC plus trimmed and collapsed white space: what a form field
// or an imported cell should hold.
func Clean(s string) string {
	s = NFC(s)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// foldTable maps a precomposed Latin letter to its folded form.
var foldTable = func() map[rune]rune {
	m := make(map[rune]rune, 600)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := norm.NFD.String(string(r))
			base, _ := utf8.DecodeRuneInString(d)
			m[r] = unicode.ToLower(base)
		}
	}
	add(0x00C0, 0x024F)
	add(0x1E00, 0x1EFF)
	m['đ'], m['Đ'] = 'd', 'd'
	m['Ð'], m['ð'] = 'd', 'd' // Icelandic eth, often typed in place of Đ.
	return m
}()

// FoldRune folds one rune: lower case, no diacritics, đ→d. Combining marks
// fold to nothing (ok is false), so that decomposed input folds like composed.
func FoldRune(r rune) (folded rune, ok bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	if f, found := foldTable[r]; found {
		return f, true
	}
	// Other scripts: fold the way their decomposed form would, so that
	// composed and decomposed input fold alike.
	if d := norm.NFD.String(string(r)); d != string(r) {
		base, n := utf8.DecodeRuneInString(d)
		if onlyMarks(d[n:]) {
			return unicode.ToLower(base), true
		}
	}
	return unicode.ToLower(r), true
}

func onlyMarks(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// Fold returns s in lower case without diacritics, with đ as d: the form in
// which Chibo compares and searches text ("Đảng" → "dang").
// DESIGN.md: SQLite's remove_diacritics and naive stripping miss đ.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := FoldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// FoldWords folds s and splits it into words of letters and digits.
func FoldWords(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// ContainsFold reports whether needle occurs in haystack after folding both.
func ContainsFold(haystack, needle string) bool {
	return strings.Contains(Fold(haystack), Fold(needle))
}
