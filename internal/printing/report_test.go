package printing

import (
	"bytes"
	"strings"
	"testing"
)

func TestReportPDFAndDOCXCarryTheSameWords(t *testing.T) {
	r := reportExample()
	var pdf, doc bytes.Buffer
	if err := ReportPDF(&pdf, r); err != nil {
		t.Fatal(err)
	}
	if err := ReportDOCX(&doc, r); err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, pdf.Bytes())
	for _, mb := range f.mediaBox {
		if mb != a4MediaBox {
			t.Errorf("MediaBox [%s], want A4", mb)
		}
	}
	parts := docxParts(t, doc.Bytes())
	dt := docxText(t, parts["word/document.xml"])
	pt := f.text()
	for _, w := range []string{
		"ĐẢNG BỘ QUẬN LONG BIÊN", "ĐẢNG ỦY PHƯỜNG LONG BIÊN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 03-BC/ĐU",
		"Long Biên, ngày 10 tháng 7 năm 2026", "BÁO CÁO", "sơ kết 6 tháng đầu năm 2026",
		"I. KẾT QUẢ THỰC HIỆN", "1. Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện", "II. ĐÁNH GIÁ CHUNG",
		"Bảng 1. Kết quả thực hiện các chỉ tiêu", "Chỉ tiêu", "92,5%",
		"Tỷ lệ đảng viên dự sinh hoạt theo tháng (%)",
		"Nơi nhận:", "- Quận ủy Long Biên (để báo cáo),", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy.",
		"T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An",
	} {
		if !strings.Contains(pt, w) {
			t.Errorf("PDF lacks %q", w)
		}
		if !strings.Contains(dt, w) {
			t.Errorf("DOCX lacks %q", w)
		}
	}
	// PRINT.md §5b: "Nơi nhận:" underlined, 14; recipients 12 pt.
	x := parts["word/document.xml"]
	if !strings.Contains(x, `<w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Nơi nhận:`) {
		t.Error("DOCX: Nơi nhận: is not underlined at 14 pt")
	}
	if !strings.Contains(x, `<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">- Các chi bộ trực thuộc,`) {
		t.Error("DOCX: recipient lines are not 12 pt")
	}
	// The chart's data are in the DOCX as a table.
	for _, w := range []string{"Tháng 1", "2025", "88", "95"} {
		if !strings.Contains(dt, w) {
			t.Errorf("DOCX chart table lacks %q", w)
		}
	}
}

// PRINT.md §4: report tables, header row bold and centred, numbers
// right-aligned; "1. Ưu điểm" is an item heading, a numbered sentence is not.
func TestReportTableAndItemHeadings(t *testing.T) {
	fs, _ := faces()
	doc := reportDocument(reportExample(), fs)
	var table grid
	for _, b := range doc.blocks {
		if g, ok := b.(grid); ok && g.borders {
			table = g
			break
		}
	}
	if table.headerRows != 1 || len(table.rows) != 4 {
		t.Fatalf("indicator table has %d header rows and %d rows", table.headerRows, len(table.rows))
	}
	if h := table.rows[0][1].paras[0]; h.style != bold || h.align != alignCenter {
		t.Error("header cell is not bold and centred")
	}
	if c := table.rows[2][2].paras[0]; c.align != alignRight || c.text != "92,5%" || c.size != tableTextSize {
		t.Errorf("number cell %q is not right-aligned at 13 pt", c.text)
	}
	total := 0.0
	for _, w := range table.widths {
		total += w
	}
	if tw := doc.margins.textWidth(); total < tw-0.01 || total > tw+0.01 {
		t.Errorf("table is %.1f mm wide, text width is %.1f mm", total, tw)
	}
	for s, want := range map[string]bool{
		"1. Ưu điểm":              true,
		"2. Hạn chế, nguyên nhân": true,
		"1. Chi bộ đã tổ chức sinh hoạt đều đặn hằng tháng.": false,
		"Các chi bộ duy trì nền nếp sinh hoạt":               false,
	} {
		if got := isItemHeading(s); got != want {
			t.Errorf("isItemHeading(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNiceChartScale(t *testing.T) {
	cases := []struct{ lo, hi, min, max, step float64 }{
		{85, 95, 0, 100, 20},
		{2, 10, 0, 10, 2},
		{-3, 7, -4, 8, 2},
		{0, 0, 0, 1, 0.2},
	}
	for _, c := range cases {
		mn, mx, st := niceScale(c.lo, c.hi)
		if mn != c.min || mx != c.max || st != c.step {
			t.Errorf("niceScale(%v, %v) = %v, %v, %v; want %v, %v, %v", c.lo, c.hi, mn, mx, st, c.min, c.max, c.step)
		}
	}
}
