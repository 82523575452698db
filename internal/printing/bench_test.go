package printing

import (
	"io"
	"testing"
)

// BenchmarkMinutesPDF is one minutes of three pages; the target is under
// 100 ms.
func BenchmarkMinutesPDF(b *testing.B) {
	d := regularExample()
	for b.Loop() {
		if err := MinutesPDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMinuteBookPDF16 is a year's book of 16 meetings; the target is
// under 1 s.
func BenchmarkMinuteBookPDF16(b *testing.B) {
	book := bookExample()
	for b.Loop() {
		if err := MinuteBookPDF(io.Discard, book); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMinutesDOCX(b *testing.B) {
	d := regularExample()
	for b.Loop() {
		if err := MinutesDOCX(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportPDF(b *testing.B) {
	r := reportExample()
	for b.Loop() {
		if err := ReportPDF(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
