package searchq

import (
	"strings"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		q, _ := Parse(`sinh hoạt "chi bộ thường kỳ" đảng* -"vắng mặt" 1.250`)
		_ = q.FTS5()
		_ = q.TSQuery()
	}
}

// BenchmarkParseTooLong is a 10,000-character query: refused at once.
func BenchmarkParseTooLong(b *testing.B) {
	long := strings.Repeat("Đảng ủy ", 1250)
	for b.Loop() {
		_, _ = Parse(long)
	}
}

// BenchmarkHighlight is a search result's snippet from a page of minutes
// (about 6,000 characters), the hit near the end.
func BenchmarkHighlight(b *testing.B) {
	text := strings.Repeat(minutesText+"\n", 10)
	q, _ := Parse(`"đóng góp" kinh phí`)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Highlight(text, q, 160)
	}
}
