package ical

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chibo/internal/party"
)

// agenda is a realistic long description: mostly two- and three-octet
// letters, commas and line breaks, so folds fall in the middle of UTF-8
// sequences and of escapes unless the writer takes care.
const agenda = "Nội dung sinh hoạt: 1. Thông qua biên bản kỳ trước; 2. Đánh giá tình hình thực hiện nhiệm vụ chính trị tháng 5, những ưu điểm, khuyết điểm và nguyên nhân; 3. Quán triệt Nghị quyết của Đảng ủy phường về công tác xây dựng Đảng, chỉnh đốn Đảng.\n4. Phân công đảng viên phụ trách hộ gia đình, theo dõi đảng viên dự bị.\nĐề nghị các đồng chí đảng viên có mặt đúng giờ, mang theo sổ tay đảng viên."

// checkLines checks the physical lines of a stream: at most 75 octets
// each, each valid UTF-8 on its own, continuations starting with a space
// and not with a combining mark.
func checkLines(t testing.TB, s string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(line) > maxOctets {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d is not valid UTF-8 on its own: %q", i+1, line)
		}
		if rest, ok := strings.CutPrefix(line, " "); ok {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.Is(unicode.Mn, r) {
				t.Errorf("line %d starts with a combining mark: %q", i+1, line)
			}
		}
	}
}

func TestLongVietnameseTextFoldsAtOctetBoundaries(t *testing.T) {
	// Shifting the text by 0–5 octets moves every fold point across the
	// two- and three-octet letters.
	for shift := range 6 {
		desc := strings.Repeat("x", shift) + agenda
		c := Calendar{Events: []Event{{
			UID: "meeting-1@chibo.example.vn", Summary: "Sinh hoạt thường kỳ",
			Description: desc, Location: strings.Repeat("Nhà văn hóa khu phố ", 8),
			Start: party.D(2026, 6, 5).At(19, 30), Updated: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		}}}
		s := write(t, c)
		checkLines(t, s)

		// Folds come as late as the rules allow: a piece is shorter than
		// the limit only by what the next letter or escape would overflow.
		lines := strings.Split(s, "\r\n")
		folded := 0
		for i, line := range lines[:len(lines)-1] {
			if !strings.HasPrefix(lines[i+1], " ") {
				continue
			}
			folded++
			if len(line) < maxOctets-3 {
				t.Errorf("shift %d: line %d folded early at %d octets: %q", shift, i+1, len(line), line)
			}
		}
		if folded < 6 {
			t.Fatalf("shift %d: only %d folds; the test text is too short", shift, folded)
		}

		back, _ := readEvents(t, s)
		if got := back.Events[0].Description; got != desc {
			t.Errorf("shift %d: unfolded description differs:\n got %q\nwant %q", shift, got, desc)
		}
		if got := back.Events[0].Location; got != c.Events[0].Location {
			t.Errorf("shift %d: unfolded location differs: %q", shift, got)
		}
	}
}

func TestFoldKeepsEscapesWhole(t *testing.T) {
	// 12 octets of "DESCRIPTION:" + 62 letters put an escape at octets 75–76.
	desc := strings.Repeat("a", 62) + ",b"
	s := write(t, Calendar{Events: []Event{{
		UID: "u", Summary: "s", Description: desc,
		Start: party.D(2026, 6, 5).At(19, 30), Updated: party.D(2026, 6, 1).At(8, 0),
	}}})
	want := "\r\nDESCRIPTION:" + strings.Repeat("a", 62) + "\r\n \\,b\r\n"
	if !strings.Contains(s, want) {
		t.Errorf("escape split across lines:\n%s", s)
	}
}

func TestDecomposedTextKeepsMarksWithTheirLetter(t *testing.T) {
	// Text typed on some keyboards arrives decomposed (NFD): "ệ" is e plus
	// two combining marks. Folding must not start a line with a mark.
	for shift := range 6 {
		desc := strings.Repeat("x", shift) + norm.NFD.String(strings.Repeat("Nghị quyết về công tác xây dựng Đảng. ", 6))
		s := write(t, Calendar{Events: []Event{{
			UID: "u", Summary: "s", Description: desc,
			Start: party.D(2026, 6, 5).At(19, 30), Updated: party.D(2026, 6, 1).At(8, 0),
		}}})
		checkLines(t, s)
		back, _ := readEvents(t, s)
		if got := back.Events[0].Description; got != desc {
			t.Errorf("shift %d: decomposed text not read back intact", shift)
		}
	}
}

func TestFoldPointNeverSplitsARune(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("ệ", 40), // 3 octets each
		strings.Repeat("đ", 60), // 2 octets each
		strings.Repeat("😀", 30), // 4 octets each
		strings.Repeat(`a\n`, 40),
	} {
		b := []byte(s)
		for limit := 4; limit < maxOctets && limit < len(b); limit++ {
			cut := foldPoint(b, limit)
			if cut <= 0 || cut > limit || !utf8.Valid(b[:cut]) || !utf8.Valid(b[cut:]) {
				t.Fatalf("foldPoint(%q…, %d) = %d", s[:12], limit, cut)
			}
		}
	}
}
