package searchq

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const minutesText = "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ tháng 6 năm 2026\n" +
	"Hôm nay, vào lúc 19 giờ 30 phút, tại nhà văn hóa tổ dân phố 12, Chi bộ Khu dân cư số 4 tổ chức sinh hoạt thường kỳ. " +
	"Đồng chí Nguyễn Văn Hùng, Bí thư chi bộ, chủ trì; đồng chí Trần Thị Lan làm thư ký. " +
	"Đồng chí Phạm Quốc Tuấn đề nghị tổ an ninh tự quản tăng cường tuần tra vào ban đêm. " +
	"Đồng chí Hoàng Thị Mai báo cáo chi hội phụ nữ đã vận động được 12 hội viên. " +
	"Chi bộ thống nhất đề nghị Đảng ủy phường xem xét kết nạp quần chúng Vũ Ngọc Anh vào Đảng Cộng sản Việt Nam. " +
	"Kinh phí tổ chức là 1.250.000 đồng, do các đảng viên đóng góp."

// render writes a snippet with hits in [brackets] and cuts as "…".
func render(s Snippet) string {
	var b strings.Builder
	if s.CutStart {
		b.WriteString("…")
	}
	for _, p := range s.Parts {
		if p.Hit {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	if s.CutEnd {
		b.WriteString("…")
	}
	return b.String()
}

func TestHighlight(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		q        string
		maxRunes int
		want     string
	}{
		{"a folded query marks the words with their diacritics",
			"Chi bộ đề nghị Đảng ủy phường xem xét.", "dang uy", 0,
			"Chi bộ đề nghị [Đảng] [ủy] phường xem xét."},
		{"a phrase is marked as one piece",
			"Chi bộ tổ chức sinh hoạt thường kỳ; sinh hoạt chuyên đề quý sau.", `"sinh hoạt thường kỳ"`, 0,
			"Chi bộ tổ chức [sinh hoạt thường kỳ]; sinh hoạt chuyên đề quý sau."},
		{"every occurrence is marked",
			"Đảng viên, đảng viên dự bị và ĐẢNG VIÊN chính thức.", `"dang vien"`, 0,
			"[Đảng viên], [đảng viên] dự bị và [ĐẢNG VIÊN] chính thức."},
		{"whole words only",
			"Đảng ủy giao Đảng bộ; đang làm.", "dang", 0,
			"[Đảng] ủy giao [Đảng] bộ; [đang] làm."},
		{"a word inside another is not a hit",
			"Thống nhất kết nạp.", "nhat ket nap thong", 0,
			"[Thống] [nhất] [kết] [nạp]."},
		{"prefix matches the start of words",
			"Kết nạp, kết luận và ketnoi; hoàn kết.", "kết*", 0,
			"[Kết] nạp, [kết] luận và [ketnoi]; hoàn [kết]."},
		{"excluded words are not marked",
			"Chi bộ họp, chi ủy vắng.", "chi -vang", 0,
			"[Chi] bộ họp, [chi] ủy vắng."},
		{"a number with dots",
			"Kinh phí 1.250.000 đồng.", "1.250", 0,
			"Kinh phí [1.250].000 đồng."},
		{"đ and Đ fold to d",
			"Đoàn đi dự đại hội.", "doan dai", 0,
			"[Đoàn] đi dự [đại] hội."},
		{"no hit gives the start of the text",
			"Chi bộ tổ chức sinh hoạt thường kỳ tháng sáu.", "biểu quyết", 20,
			"Chi bộ tổ chức sinh…"},
		{"the window is cut on whole words around the first hit",
			minutesText, "kết nạp", 60,
			"…ủy phường xem xét [kết] [nạp] quần chúng Vũ Ngọc Anh vào Đảng…"},
		{"a hit near the end takes the room before it",
			minutesText, "góp", 40,
			"…đồng, do các đảng viên đóng [góp]."},
		{"a hit at the start",
			minutesText, "biên bản", 30,
			"[BIÊN] [BẢN] SINH HOẠT CHI BỘ…"},
		{"empty text", "", "dang", 10, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := Parse(c.q)
			if err != nil {
				t.Fatal(err)
			}
			s := Highlight(c.text, q, c.maxRunes)
			if got := render(s); got != c.want {
				t.Errorf("Highlight(%q) =\n %s\nwant\n %s", c.q, got, c.want)
			}
			checkSnippet(t, c.text, q, c.maxRunes, s)
		})
	}
}

// Text typed decomposed (NFD) is found, and given back as it was typed.
func TestHighlightDecomposedText(t *testing.T) {
	text := norm.NFD.String("Chi bộ đề nghị Đảng ủy phường xem xét.")
	q, _ := Parse("đảng ủy")
	s := Highlight(text, q, 0)
	var hits []string
	for _, p := range s.Parts {
		if p.Hit {
			hits = append(hits, p.Text)
		}
	}
	if len(hits) != 2 || hits[0] != norm.NFD.String("Đảng") || hits[1] != norm.NFD.String("ủy") {
		t.Errorf("hits %q, want the decomposed words Đảng and ủy with all their marks", hits)
	}
	checkSnippet(t, text, q, 0, s)
}

// checkSnippet checks what every snippet must be: a piece of the original,
// every hit a whole run of words the query matches, within about maxRunes.
func checkSnippet(t *testing.T, text string, q Query, maxRunes int, s Snippet) {
	t.Helper()
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Text == "" {
			t.Fatalf("empty part in %+v", s)
		}
		b.WriteString(p.Text)
		if p.Hit && len(words(p.Text)) == 0 {
			t.Fatalf("hit %q has no word", p.Text)
		}
	}
	got := b.String()
	if !strings.Contains(text, got) {
		t.Fatalf("snippet %q is not a piece of the text", got)
	}
	if maxRunes <= 0 && got != text {
		t.Fatalf("whole text asked, snippet %q", got)
	}
	if maxRunes > 0 {
		hit := 0
		for _, p := range s.Parts {
			if p.Hit {
				hit = max(hit, utf8.RuneCountInString(p.Text))
			}
		}
		if n := utf8.RuneCountInString(got); n > max(maxRunes, hit)+8 {
			t.Fatalf("snippet of %d characters for maxRunes %d", n, maxRunes)
		}
	}
	if q.Matches(text) && maxRunes <= 0 {
		found := false
		for _, p := range s.Parts {
			found = found || p.Hit
		}
		if !found {
			t.Fatalf("query matches %q but nothing is marked", text)
		}
	}
}
