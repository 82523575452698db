package printing

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vietnameseLetters builds, from the alphabet and the five tones, every
// Vietnamese letter that carries a diacritic, in lower and upper case.
func vietnameseLetters() []rune {
	const alphabet = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y"
	const vowels = "aăâeêioôơuưy"
	// sắc, huyền, hỏi, ngã, nặng
	tones := []rune{'\u0301', '\u0300', '\u0309', '\u0303', '\u0323'}
	var out []rune
	for _, w := range strings.Fields(alphabet) {
		base, _ := utf8.DecodeRuneInString(w)
		if base > unicode.MaxASCII {
			out = append(out, base) // ă â đ ê ô ơ ư
		}
		if !strings.ContainsRune(vowels, base) {
			continue
		}
		for _, tone := range tones {
			s := norm.NFC.String(string(base) + string(tone))
			r, size := utf8.DecodeRuneInString(s)
			if size != len(s) {
				panic("no precomposed form for " + s)
			}
			out = append(out, r)
		}
	}
	for _, r := range out[:len(out):len(out)] {
		out = append(out, unicode.ToUpper(r))
	}
	return out
}

func TestThereAre134VietnameseLettersWithDiacritics(t *testing.T) {
	letters := vietnameseLetters()
	seen := map[rune]bool{}
	for _, r := range letters {
		seen[r] = true
	}
	if len(letters) != 134 || len(seen) != 134 {
		t.Fatalf("built %d letters (%d distinct), PRINT.md §1 says 134", len(letters), len(seen))
	}
	for _, r := range "ăâđêôơưáàảãạếềểễệớờởỡợứừửữựýỳỷỹỵĂÂĐÊÔƠƯẠẶẬỆỘỢỰỴ" {
		if !seen[r] {
			t.Errorf("%c missing from the set", r)
		}
	}
}

// PRINT.md §1: "Liberation Serif 2.x has all 134 Vietnamese letters in
// regular, bold, italic and bold italic (checked against the font's
// character map)". The check is here, on the embedded files: a missing
// glyph would extract right from the PDF but print as a box (DESIGN.md).
func TestEmbeddedFontCoversEveryVietnameseLetter(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	// Besides the letters: the plain alphabet, digits and the punctuation the
	// documents print (en dash, curly quotes, ellipsis, star).
	extra := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()/-–—\"'“”‘’…*%+"
	for _, s := range styles {
		f := fs[s]
		for _, r := range append(vietnameseLetters(), []rune(extra)...) {
			if !f.has(r) {
				t.Errorf("%s lacks a glyph for %q (U+%04X)", styleFile[s], r, r)
			}
		}
	}
}

func TestFontMetricsMatchTimesNewRoman(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	f := fs[regular]
	// Times New Roman's single line is 1.15 em (13.8 pt at 12 pt), and its
	// space is 512/2048 em; Liberation Serif is metric-compatible (S11).
	if got := f.lineHeight(12); got < 13.75 || got > 13.85 {
		t.Errorf("single line at 12 pt = %.2f pt, want 13.8", got)
	}
	if got := f.advance(' ') * 2048 / f.unitsPerEm; got != 512 {
		t.Errorf("space advance = %d/2048 em, want 512", got)
	}
	if f.width("ĐẢNG", 15) <= f.width("DANG", 15)*0.99 {
		t.Error("Vietnamese capitals measured narrower than their bases")
	}
}

func TestParseTTFRefusesGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("OTTO0000000000000000"), make([]byte, 12), []byte("\x00\x01\x00\x00\x00\x05")} {
		if _, err := parseTTF(b); err == nil {
			t.Errorf("parseTTF(%q) accepted garbage", b)
		}
	}
}

func FuzzParseTTF(f *testing.F) {
	fs, err := faces()
	if err != nil {
		f.Fatal(err)
	}
	whole := fs[regular].bytes
	f.Add(whole[:4096])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x04\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		font, err := parseTTF(b)
		if err != nil {
			return
		}
		_ = font.width("Đảng", 14)
		_ = font.lineHeight(14)
	})
}
