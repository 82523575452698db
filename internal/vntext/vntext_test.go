package vntext

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// DESIGN.md, known traps: "Đ is not folded by SQLite's remove_diacritics";
// search must find Đảng from dang.
func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đảng", "dang"},
		{"ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam"},
		{"sinh hoạt chi bộ", "sinh hoat chi bo"},
		{"Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet"},
		{"ưu điểm, hạn chế", "uu diem, han che"},
		{norm.NFD.String("Ngô Thị Yến"), "ngo thi yen"}, // decomposed input folds like composed
		{"Ðảng", "dang"}, // eth typed for Đ
		{"hoá", "hoa"}, {"hóa", "hoa"},
		{"1.250 đồng", "1.250 dong"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every Vietnamese letter folds to one ASCII letter, so that snippets can
// map folded positions back to the original text rune by rune.
func TestFoldRuneIsOneToOneOnVietnamese(t *testing.T) {
	for _, r := range vietnameseLetters() {
		f, ok := FoldRune(r)
		if !ok || f > 'z' || f < 'a' {
			t.Errorf("FoldRune(%q) = %q, %v", r, f, ok)
		}
	}
}

func vietnameseLetters() []rune {
	base := "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
	tones := []string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}
	var out []rune
	for _, b := range base {
		for _, t := range tones {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(string(b) + t))
			out = append(out, r)
		}
	}
	return append(out, 'đ', 'Đ')
}

func TestCleanNormalizesAndCollapses(t *testing.T) {
	in := "  Nguyễn\u00a0 Văn  " + norm.NFD.String("Ân") + "\n"
	if got := Clean(in); got != "Nguyễn Văn Ân" || !norm.NFC.IsNormalString(got) {
		t.Errorf("Clean = %q", got)
	}
}

// DOMAIN.md §3: names are sorted "by given name (last word), then the
// rest, with Vietnamese collation (a ă â b c d đ e ê …, tones after letters)".
func TestNameOrder(t *testing.T) {
	want := []string{
		"Nguyễn Văn An",  // a
		"Trần Thị An",    // same given name: by the rest (N < T)
		"Lê Văn Ánh",     // a-n-h after a-n
		"Phạm Thị Ăn",    // ă after a
		"Phạm Thị Ân",    // â after ă
		"Bùi Văn Ẩn",     // same letters as Ân, tone hỏi after no tone
		"Trần Thị Bình",  // b
		"Hoàng Văn Dũng", // d
		"Đỗ Văn Đức",     // đ after d
		"Vũ Thị Hà",      // h; huyền
		"Vũ Thị Hạ",      // nặng after huyền
		"Đặng Quang Hải", // h-a-i after h-a
		"Lê Thị Út",      // u before ư
		"Lê Thị Ưng",
		"Ngô Thị Yến",
	}
	got := slices.Clone(want)
	for i := range got { // scramble deterministically
		j := (i * 7) % len(got)
		got[i], got[j] = got[j], got[i]
	}
	sort.Slice(got, func(i, j int) bool { return NameSortKey(got[i]) < NameSortKey(got[j]) })
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got  %v\n want %v", got, want)
	}
}

// The hand-made key agrees with CLDR's Vietnamese collation (x/text) on
// given names alone.
func TestNameKeyAgreesWithCLDR(t *testing.T) {
	names := strings.Fields("An Ánh Ăn Ân Ẩn Bình Bính Chi Cường Dung Dũng Đức Đạt Hà Hạ Hải Hằng Hiền Hoa Hòa Hùng Hương Lan Linh Long Mai Minh Nam Nga Ngọc Oanh Ơn Phương Quân Sơn Thảo Thắng Thủy Trang Tuấn Uyên Ưng Việt Yến Ý")
	c := collate.New(language.Vietnamese)
	byCLDR := slices.Clone(names)
	c.SortStrings(byCLDR)
	byKey := slices.Clone(names)
	sort.Slice(byKey, func(i, j int) bool { return NameSortKey(byKey[i]) < NameSortKey(byKey[j]) })
	if !slices.Equal(byCLDR, byKey) {
		t.Errorf("CLDR %v\n key  %v", byCLDR, byKey)
	}
}

func TestSplitName(t *testing.T) {
	g, r := SplitName("  Nguyễn   Thị Minh Khai ")
	if g != "Khai" || r != "Nguyễn Thị Minh" {
		t.Errorf("SplitName = %q, %q", g, r)
	}
	if g, r := SplitName(""); g != "" || r != "" {
		t.Error("empty name")
	}
}

// UX.md: numbers the Vietnamese way: 1.250 and 94,7%.
func TestNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Int(1250), "1.250"}, {Int(500000), "500.000"}, {Int(999), "999"}, {Int(-1250), "-1.250"}, {Int(0), "0"},
		{Percent(18.0 / 19), "94,7%"}, {Percent(0.9), "90%"}, {Percent(1), "100%"}, {Percent(0), "0%"},
		{Decimal(1234.5, 1), "1.234,5"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// encode writes text in a legacy table, the way old fonts stored it.
func encode(t *testing.T, s string, table legacyTable) string {
	back := map[rune][]byte{}
	for b, r := range table.one {
		back[r] = []byte{b}
	}
	for b, r := range table.two {
		if _, ok := back[r]; !ok {
			back[r] = []byte{b[0], b[1]}
		}
	}
	var out []byte
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		b, ok := back[r]
		if !ok {
			t.Fatalf("no legacy byte for %q", r)
		}
		out = append(out, b...)
	}
	return BytesToLatin1(out)
}

func TestLegacyDetectionAndDecoding(t *testing.T) {
	text := []string{"nguyễn văn an", "trần thị bình", "đảng bộ phường bồ đề", "ngày vào đảng"}
	for _, tc := range []struct {
		enc   Encoding
		table legacyTable
	}{{TCVN3, tcvn3Table}, {VNI, vniTable}} {
		var cells []string
		for _, s := range text {
			cells = append(cells, encode(t, s, tc.table))
		}
		enc, err := DetectEncoding(cells)
		if err != nil || enc != tc.enc {
			t.Fatalf("%s: detected %s, %v", tc.enc, enc, err)
		}
		for i, c := range cells {
			got, err := Decode(c, enc)
			if err != nil || got != text[i] {
				t.Errorf("%s: Decode = %q, %v; want %q", tc.enc, got, err, text[i])
			}
		}
	}
	if enc, err := DetectEncoding([]string{"Nguyễn Văn An", "Hà Nội"}); enc != Unicode || err != nil {
		t.Errorf("Unicode detected as %s, %v", enc, err)
	}
	// Lists typed mostly without diacritics, whose only accented letters
	// are Latin-1 ones, stay Unicode.
	if enc, err := DetectEncoding([]string{"Ho va ten", "Ngay vao Dang", "Lê", "Tô", "Hà"}); enc != Unicode || err != nil {
		t.Errorf("mostly unaccented Unicode detected as %s, %v", enc, err)
	}
	if enc, err := DetectEncoding([]string{"plain ascii"}); enc != Unicode || err != nil {
		t.Errorf("ASCII detected as %s, %v", enc, err)
	}
	// Legacy-looking bytes that no table converts are refused, never stored.
	if enc, err := DetectEncoding([]string{"Nhiệt độ 25°C"}); enc != Unicode || err != nil {
		t.Errorf("a stray symbol: %s, %v", enc, err)
	}
	if _, err := DetectEncoding([]string{"Ng\u00b5y \u00bd\u00be\u00b1"}); err != ErrUndecodable {
		t.Errorf("undecodable text: err = %v", err)
	}
}

func TestTablesLoaded(t *testing.T) {
	if len(tcvn3Table.one) != 74 {
		t.Errorf("tcvn3 rows = %d, want 74", len(tcvn3Table.one))
	}
	if n := len(vniTable.one) + len(vniTable.two); n != 134 {
		t.Errorf("vni rows = %d, want 134", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Đảng", "sinh hoạt", norm.NFD.String("Yến"), "Å", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if !utf8.ValidString(a) && utf8.ValidString(s) {
			t.Fatalf("Fold(%q) invalid UTF-8", s)
		}
		// Composed and decomposed input fold alike (up to the composition of
		// scripts that keep their own letters, such as Hangul).
		if utf8.ValidString(s) && norm.NFC.String(Fold(norm.NFC.String(s))) != norm.NFC.String(Fold(norm.NFD.String(s))) {
			t.Fatalf("NFC and NFD fold differently: %q", s)
		}
	})
}

func FuzzLegacy(f *testing.F) {
	f.Add("nguy\u00d4n")
	f.Add("Ng\u00b5y")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		enc, err := DetectEncoding([]string{s})
		if err != nil {
			return
		}
		out, err := Decode(s, enc)
		if err == nil && (!utf8.ValidString(out) || !norm.NFC.IsNormalString(out)) {
			t.Fatalf("Decode(%q, %s) = %q: not valid NFC", s, enc, out)
		}
	})
}
