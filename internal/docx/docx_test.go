package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// sample is a two-page document using every feature of the package.
func sample() *Document {
	d := &Document{
		Page:        A4(20, 20, 30, 15),
		Font:        "Times New Roman",
		Size:        14,
		Lang:        "vi-VN",
		PageNumbers: &PageNumbers{Size: 14, Align: Center, SkipFirst: true},
		Title:       "Biên bản",
		Created:     time.Date(2026, 6, 5, 8, 0, 0, 0, time.UTC),
	}
	half := d.Page.TextWidth() / 2
	d.Add(
		Table{Widths: []float64{half, half}, Rows: []Row{{Cells: []Cell{
			{Paragraphs: []Paragraph{{Align: Center, Runs: []Run{{Text: "ĐẢNG BỘ PHƯỜNG LONG BIÊN"}}}, {Align: Center, Runs: []Run{{Text: "CHI BỘ TỔ DÂN PHỐ SỐ 5", Bold: true}}}}},
			{Paragraphs: []Paragraph{{Align: Center, Runs: []Run{{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Bold: true, Size: 15}}},
				{IndentLeft: 5, IndentRight: 5, LineExact: 1, BorderTop: &Border{Width: 0.5, Space: 1}}}},
		}}}},
		Paragraph{Align: Center, Before: 12, KeepNext: true, Runs: []Run{{Text: "BIÊN BẢN", Bold: true, Size: 16}}},
		Paragraph{Align: Justify, IndentFirst: 12.7, After: 6, LineSpacing: 1.15,
			Runs: []Run{{Text: "- Thời gian: "}, {Text: "08 giờ 00 phút", Italic: true}, {Text: " <&> \"dấu\"", Underline: true, Font: "Arial"}}},
		PageBreak{},
		Paragraph{PageBreakBefore: true, KeepLines: true, Runs: []Run{{Text: "dòng một\ndòng hai"}}},
		Table{Widths: []float64{20, 60, 30}, Borders: true, CellMargin: 1.5, Align: Center, Rows: []Row{
			{Header: true, CantSplit: true, Cells: []Cell{{Paragraphs: []Paragraph{Text("STT")}}, {Paragraphs: []Paragraph{Text("Chỉ tiêu")}}, {Paragraphs: []Paragraph{Text("Tỷ lệ")}}}},
			{Cells: []Cell{{Span: 2, VAlign: Middle, Paragraphs: []Paragraph{Text("Gộp hai cột")}}, {VAlign: Bottom}}},
		}},
	)
	return d
}

func write(t *testing.T, d *Document) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

// wellFormed parses the whole of an XML part.
func wellFormed(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestOutputIsZipOfWellFormedXML(t *testing.T) {
	parts := write(t, sample())
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/settings.xml", "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml", "docProps/core.xml"} {
		s, ok := parts[name]
		if !ok {
			t.Errorf("part %s missing", name)
			continue
		}
		if err := wellFormed(s); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestTextIsEscaped(t *testing.T) {
	doc := write(t, sample())["word/document.xml"]
	for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", " &lt;&amp;&gt; &#34;dấu&#34;", "dòng một</w:t><w:br/><w:t xml:space=\"preserve\">dòng hai"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
}

// PRINT.md §1: "1 mm = 56.7 twips, so 20 mm = 1134, 25 mm = 1417,
// 30 mm = 1701, 35 mm = 1984 and 15 mm = 850".
func TestTwipsOfPrintMargins(t *testing.T) {
	for _, c := range []struct {
		mm   float64
		want int
	}{{20, 1134}, {25, 1417}, {30, 1701}, {35, 1984}, {15, 850}, {210, 11906}, {297, 16838}} {
		if got := Twips(c.mm); got != c.want {
			t.Errorf("Twips(%v) = %d, want %d", c.mm, got, c.want)
		}
	}
}

func TestPageSetupIsA4WithMargins(t *testing.T) {
	doc := write(t, sample())["word/document.xml"]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

// PRINT.md §1: no page number on page 1; from page 2, centred, 14 pt.
func TestPageNumberHeaderSkipsFirstPage(t *testing.T) {
	parts := write(t, sample())
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, `<w:titlePg/>`) || !strings.Contains(doc, `<w:headerReference w:type="first" r:id="rId4"/>`) {
		t.Error("different first page is not set")
	}
	h := parts["word/header1.xml"]
	for _, want := range []string{` PAGE `, `<w:jc w:val="center"/>`, `<w:sz w:val="28"/>`} {
		if !strings.Contains(h, want) {
			t.Errorf("page-number header lacks %s", want)
		}
	}
	if strings.Contains(parts["word/header2.xml"], "PAGE") {
		t.Error("first-page header shows a page number")
	}
}

func TestWithoutPageNumbersThereIsNoHeader(t *testing.T) {
	d := sample()
	d.PageNumbers = nil
	parts := write(t, d)
	if _, ok := parts["word/header1.xml"]; ok {
		t.Error("header part written without page numbers")
	}
	if strings.Contains(parts["word/document.xml"], "headerReference") || strings.Contains(parts["[Content_Types].xml"], "header") {
		t.Error("header referenced without page numbers")
	}
}

func TestParagraphAndRunFormatting(t *testing.T) {
	parts := write(t, sample())
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:keepNext/>`, `<w:keepLines/>`, `<w:pageBreakBefore/>`, `<w:br w:type="page"/>`,
		`<w:ind w:left="0" w:right="0" w:firstLine="720"/><w:jc w:val="both"/>`,  // 12.7 mm = 1.27 cm
		`<w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/>`, // 6 pt after, 1.15 lines
		`<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`,
		`<w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/>`,
		`<w:b/>`, `<w:i/>`, `<w:u w:val="single"/>`, `<w:sz w:val="32"/>`, `w:ascii="Arial"`,
		`<w:tblHeader/>`, `<w:cantSplit/>`, `<w:gridSpan w:val="2"/>`, `<w:vAlign w:val="center"/>`,
		`<w:gridCol w:w="1134"/>`, `<w:tblBorders><w:top w:val="nil"/>`, `<w:top w:val="single" w:sz="4" w:space="0"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	styles := parts["word/styles.xml"]
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:sz w:val="28"/>`, `<w:lang w:val="vi-VN"/>`, `<w:widowControl/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
}

func TestBodyEndingInTableGetsClosingParagraph(t *testing.T) {
	doc := write(t, sample())["word/document.xml"]
	if !strings.Contains(doc, `</w:tbl><w:p>`) {
		t.Error("a body ending in a table has no closing paragraph")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	if err := sample().Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := sample().Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same document differ")
	}
}
