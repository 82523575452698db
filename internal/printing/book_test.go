package printing

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// The minute book of a year (DOMAIN.md §6): a cover, the contents with the
// page each minutes starts on, then each minutes from a new page, laid out
// exactly as when it is printed alone.
func TestMinuteBookOf16Meetings(t *testing.T) {
	b := bookExample()
	if len(b.Docs) != 16 {
		t.Fatalf("example book has %d meetings, want 16", len(b.Docs))
	}
	var buf bytes.Buffer
	if err := MinuteBookPDF(&buf, b); err != nil {
		t.Fatal(err)
	}
	book := readPDF(t, buf.Bytes())
	for _, mb := range book.mediaBox {
		if mb != a4MediaBox {
			t.Errorf("MediaBox [%s], want A4", mb)
		}
	}

	// Where each minutes must start: after the cover and the contents page,
	// each takes as many pages as it does alone.
	next := 3
	starts := make([]int, len(b.Docs))
	for i, d := range b.Docs {
		starts[i] = next
		next += minutesPDF(t, d).count
	}
	if want := next - 1; book.count != want || book.pageObjs != want {
		t.Fatalf("book has %d pages (%d page objects), want %d", book.count, book.pageObjs, want)
	}

	cover := strings.Join(strings.Fields(book.pageTexts[0]), " ")
	for _, w := range []string{"SỔ BIÊN BẢN", "SINH HOẠT CHI BỘ NĂM 2026", "CHI BỘ TỔ DÂN PHỐ SỐ 5", "Long Biên, năm 2026"} {
		if !strings.Contains(cover, w) {
			t.Errorf("cover lacks %q", w)
		}
	}
	if strings.Fields(book.pageTexts[0])[0] == "1" {
		t.Error("the cover carries a page number")
	}
	contents := strings.Join(strings.Fields(book.pageTexts[1]), " ")
	if !strings.HasPrefix(contents, "2 MỤC LỤC") {
		t.Errorf("page 2 should be the contents, numbered 2: %.40q", contents)
	}
	for i, d := range b.Docs {
		row := fmt.Sprintf("%d %s %s %d", i+1, d.Date.VN(), capitalized(meetingPhrase(d)), starts[i])
		if !strings.Contains(contents, row) {
			t.Errorf("contents lack the row %q", row)
		}
		page := strings.Join(strings.Fields(book.pageTexts[starts[i]-1]), " ")
		if !strings.HasPrefix(page, strconv.Itoa(starts[i])+" ") || !strings.Contains(page, "BIÊN BẢN "+meetingPhrase(d)) {
			t.Errorf("page %d does not open minutes %d (%s): %.80q", starts[i], i+1, meetingPhrase(d), page)
		}
	}
}

func TestEmptyMinuteBookHasCoverAndContents(t *testing.T) {
	var buf bytes.Buffer
	if err := MinuteBookPDF(&buf, MinuteBook{Body: "CHI BỘ 1", Year: 2026}); err != nil {
		t.Fatal(err)
	}
	if f := readPDF(t, buf.Bytes()); f.count != 2 {
		t.Errorf("an empty book has %d pages, want the cover and the contents", f.count)
	}
}
