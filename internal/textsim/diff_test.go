package textsim

import (
	"slices"
	"strings"
	"testing"
	"time"

	"chibo/internal/vntext"
)

// rebuild joins the A and B sides of a diff.
func rebuild(ops []Op) (a, b string) {
	var sa, sb strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case Equal:
			sa.WriteString(op.A)
			sb.WriteString(op.B)
		case Delete:
			sa.WriteString(op.A)
		case Insert:
			sb.WriteString(op.B)
		}
	}
	return sa.String(), sb.String()
}

// checkDiff checks what every diff must be: both texts rebuilt, no empty
// piece, sides that only Equal may have, and Equal pieces with the same
// folded words.
func checkDiff(t *testing.T, a, b string, ops []Op) {
	t.Helper()
	ra, rb := rebuild(ops)
	if ra != a || rb != b {
		t.Fatalf("Diff(%q, %q) = %+v rebuilds %q and %q", a, b, ops, ra, rb)
	}
	for i, op := range ops {
		switch op.Kind {
		case Equal:
			if !slices.Equal(vntext.FoldWords(op.A), vntext.FoldWords(op.B)) {
				t.Fatalf("Diff(%q, %q): equal piece %q / %q has other words", a, b, op.A, op.B)
			}
			if op.A == "" && op.B == "" {
				t.Fatalf("Diff(%q, %q): empty equal piece", a, b)
			}
		case Delete:
			if op.A == "" || op.B != "" {
				t.Fatalf("Diff(%q, %q): bad delete %+v", a, b, op)
			}
		case Insert:
			if op.B == "" || op.A != "" {
				t.Fatalf("Diff(%q, %q): bad insert %+v", a, b, op)
			}
		default:
			t.Fatalf("Diff(%q, %q): kind %v", a, b, op.Kind)
		}
		if i > 0 && ops[i-1].Kind == op.Kind {
			t.Fatalf("Diff(%q, %q): two %v pieces in a row", a, b, op.Kind)
		}
	}
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want []Op
	}{
		{"both empty", "", "", nil},
		{"first empty", "", "Chi bộ họp.", []Op{{Kind: Insert, B: "Chi bộ họp."}}},
		{"second empty", "Chi bộ họp.", "", []Op{{Kind: Delete, A: "Chi bộ họp."}}},
		{"same text", "Chi bộ họp.", "Chi bộ họp.", []Op{{Kind: Equal, A: "Chi bộ họp.", B: "Chi bộ họp."}}},
		{"only case and diacritics differ", "Đảng viên Nguyễn Văn An", "DANG VIEN nguyen van an",
			[]Op{{Kind: Equal, A: "Đảng viên Nguyễn Văn An", B: "DANG VIEN nguyen van an"}}},
		{"a date changed", "họp ngày 10 tháng 6 năm 2026", "họp ngày 8 tháng 7 năm 2026", []Op{
			{Kind: Equal, A: "họp ngày ", B: "họp ngày "},
			{Kind: Delete, A: "10 "}, {Kind: Insert, B: "8 "},
			{Kind: Equal, A: "tháng ", B: "tháng "},
			{Kind: Delete, A: "6 "}, {Kind: Insert, B: "7 "},
			{Kind: Equal, A: "năm 2026", B: "năm 2026"},
		}},
		{"a speaker added", "Đồng chí An phát biểu.", "Đồng chí An và đồng chí Bình phát biểu.", []Op{
			{Kind: Equal, A: "Đồng chí An ", B: "Đồng chí An "},
			{Kind: Insert, B: "và đồng chí Bình "},
			{Kind: Equal, A: "phát biểu.", B: "phát biểu."},
		}},
		{"a sentence removed", "Có mặt 15. Vắng 1. Kết thúc.", "Có mặt 15. Kết thúc.", []Op{
			{Kind: Equal, A: "Có mặt 15. ", B: "Có mặt 15. "},
			{Kind: Delete, A: "Vắng 1. "},
			{Kind: Equal, A: "Kết thúc.", B: "Kết thúc."},
		}},
		{"punctuation only", "...", "!!", []Op{{Kind: Equal, A: "...", B: "!!"}}},
		{"leading spaces stay with the first word", "  \nChi bộ", "Chi bộ", []Op{{Kind: Equal, A: "  \nChi bộ", B: "Chi bộ"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ops := Diff(c.a, c.b)
			checkDiff(t, c.a, c.b, ops)
			if !slices.Equal(ops, c.want) {
				t.Errorf("Diff(%q, %q) =\n %+v\nwant\n %+v", c.a, c.b, ops, c.want)
			}
		})
	}
}

// The diff is minimal for minutes: as many equal words as the longest
// common subsequence of the folded words.
func TestDiffIsMinimal(t *testing.T) {
	g := newGen(31)
	for range 30 {
		a := g.minutes(g.cell(), 6)
		b := g.copyEdited(a, 1+g.r.IntN(40))
		ops := Diff(a, b)
		checkDiff(t, a, b, ops)
		equal := 0
		for _, op := range ops {
			if op.Kind == Equal {
				equal += len(vntext.FoldWords(op.A))
			}
		}
		if want := lcs(vntext.FoldWords(a), vntext.FoldWords(b)); equal != want {
			t.Fatalf("%d equal words, the longest common subsequence has %d", equal, want)
		}
	}
}

// lcs is the textbook dynamic programme, to check Diff against.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Two long unrelated texts are diffed in bounded time, still correctly.
func TestDiffLongUnrelatedTexts(t *testing.T) {
	g := newGen(32)
	a, b := g.paragraph(1500), g.paragraph(1500) // about 25,000 words each
	start := time.Now()
	ops := Diff(a, b)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("diff of two long texts took %v", d)
	}
	checkDiff(t, a, b, ops)
}
