package memberio

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"

	"chibo/internal/party"
)

// zipParts packs parts into a zip, as a workbook is packed.
func zipParts(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	bookRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
)

// workbook builds a two-sheet workbook in the style of other writers.
func workbook(t *testing.T, bookXML, sheet1, sheet2, shared string) []byte {
	return zipParts(t, map[string]string{
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            bookXML,
		"xl/_rels/workbook.xml.rels": bookRels,
		"xl/worksheets/sheet1.xml":   sheet1,
		"xl/worksheets/sheet2.xml":   sheet2,
		"xl/sharedStrings.xml":       shared,
	})
}

const twoSheets = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s<sheets>` +
	`<sheet name="Bìa" sheetId="1" r:id="rId1"/><sheet name="Danh sách" sheetId="2" r:id="rId2"/></sheets></workbook>`

// Writers other than Excel: a namespace prefix on every element (the .NET
// Open XML SDK), rows and cells without references, rich text, phonetic
// guides, entities, CDATA, OOXML's _x000D_ escapes, formula cells.
func TestXLSXFromOtherWriters(t *testing.T) {
	shared := `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:si><x:t>Họ và tên</x:t></x:si>` +
		`<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Ngày vào </x:t></x:r><x:r><x:t>Đảng</x:t></x:r></x:si>` +
		`<x:si><x:t>Nguyễn Văn An</x:t><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si>` +
		`<x:si><x:t><![CDATA[Trần & <Bình>]]></x:t></x:si>` +
		`<x:si><x:t>dòng một_x000D_
dòng hai</x:t></x:si>` +
		`</x:sst>`
	sheet := `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Ghi chú</x:t></x:is></x:c><x:c t="str"><x:f>"Số "&amp;"thẻ"</x:f><x:v>Số thẻ</x:v></x:c></x:row>` +
		`<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>42891</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c><x:c><x:v>1234567</x:v></x:c></x:row>` +
		`<x:row r="5"><x:c r="A5" t="s"><x:v>3</x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>05/06/2002</x:t></x:is></x:c>` +
		`<x:c r="D5" t="inlineStr"><x:is><x:t>&#48;&#x31;234568</x:t></x:is></x:c><x:c r="C5"/></x:row>` +
		`</x:sheetData></x:worksheet>`
	data := zipParts(t, map[string]string{
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            strings.Replace(twoSheets, "%s", "", 1),
		"xl/_rels/workbook.xml.rels": bookRels,
		"xl/worksheets/sheet1.xml":   sheet,
		"xl/worksheets/sheet2.xml":   `<worksheet><sheetData/></worksheet>`,
		"xl/sharedStrings.xml":       shared,
	})
	res, err := parseBytes(t, data, "ds.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 {
		t.Fatalf("records %+v errors %v", res.Records, keys(res.Errors))
	}
	an, binh := res.Records[0], res.Records[1]
	if an.Row != 2 || an.Member.FullName != "Nguyễn Văn An" || an.Member.JoinedOn != party.D(2017, 6, 5) ||
		an.Member.Note != "dòng một dòng hai" || an.Member.CardNumber != "01234567" {
		t.Errorf("An: %+v", an)
	}
	if !hasKey(res.Warnings, 2, "import.card_padded") {
		t.Errorf("a number cell without t is a number: %v", keys(res.Warnings))
	}
	if binh.Row != 5 || binh.Member.FullName != "Trần & <Bình>" || binh.Member.CardNumber != "01234568" {
		t.Errorf("Bình: %+v", binh)
	}
}

// The list is read from the sheet the workbook opens on; 1904 workbooks
// (old Excel for Mac) count dates from 01/01/1904.
func TestXLSXActiveSheetAnd1904(t *testing.T) {
	list := `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="inlineStr"><is><t>Ngày vào Đảng</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>%s</t></is></c><c><v>41429</v></c></row></sheetData></worksheet>`
	book := strings.Replace(twoSheets, "%s", `<workbookPr date1904="1"/><bookViews><workbookView activeTab="1"/></bookViews>`, 1)
	data := workbook(t, book, strings.Replace(list, "%s", "Trang bìa An", 1), strings.Replace(list, "%s", "Nguyễn Văn An", 1), `<sst/>`)
	res, err := parseBytes(t, data, "ds.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "Danh sách" || len(res.Records) != 1 {
		t.Fatalf("sheet %q records %+v", res.Sheet, res.Records)
	}
	if m := res.Records[0].Member; m.FullName != "Nguyễn Văn An" || m.JoinedOn != party.D(2017, 6, 5) {
		t.Errorf("member %+v", m)
	}
}

func TestXLSXBroken(t *testing.T) {
	good := `<worksheet><sheetData><row><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="inlineStr"><is><t>Ngày vào Đảng</t></is></c></row>` +
		`<row><c t="s"><v>%s</v></c><c t="inlineStr"><is><t>05/06/2001</t></is></c></row></sheetData></worksheet>`
	book := strings.Replace(twoSheets, "%s", "", 1)
	cases := []struct {
		name string
		data []byte
		key  string
	}{
		{"shared string index out of range", workbook(t, book, strings.Replace(good, "%s", "7", 1), "", `<sst><si><t>a</t></si></sst>`), "import.xlsx_broken"},
		{"unclosed tag", workbook(t, book, `<worksheet><sheetData><row><c t="inlineStr"`, "", `<sst/>`), "import.xlsx_broken"},
		{"no workbook part", zipParts(t, map[string]string{"word/document.xml": "<w:document/>"}), "import.xlsx_broken"},
		{"only empty sheets", workbook(t, book, `<worksheet><sheetData/></worksheet>`, `<worksheet/>`, `<sst/>`), "import.empty"},
	}
	for _, c := range cases {
		_, err := parseBytes(t, c.data, "ds.xlsx")
		if errKey(err) != c.key {
			t.Errorf("%s: got %v, want %s", c.name, err, c.key)
		}
	}
}

// A zip bomb: a small file that unpacks to far more than a member list.
func TestXLSXUnpackLimit(t *testing.T) {
	row := `<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c t="inlineStr"><is><t>05/06/2001</t></is></c></row>`
	sheet := `<worksheet><sheetData><row><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="inlineStr"><is><t>Ngày vào Đảng</t></is></c></row>` +
		strings.Repeat(row, 20000) + `</sheetData></worksheet>`
	data := workbook(t, strings.Replace(twoSheets, "%s", "", 1), sheet, "", `<sst/>`)
	_, err := Parse(bytes.NewReader(data), "bom.xlsx", Options{Limits: Limits{MaxBytes: int64(len(data)) + 1}, Today: today})
	if party.ErrorCode(err) != party.ETooLarge || errKey(err) != "import.too_large" {
		t.Errorf("%d bytes unpacking to %d: %v", len(data), len(sheet), err)
	}
}

func TestXMLScannerPieces(t *testing.T) {
	if got := unescapeXML([]byte("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#272;&#x1EA1; &bogus; & &#xFFFFFFFF;")); got != `a <b> & "c" 'd' Đạ &bogus; & &#xFFFFFFFF;` {
		t.Errorf("unescapeXML: %q", got)
	}
	if got := unescapeOOXML("a_x000D_b_x005F_x000D_c_x12_x"); got != "a\rb_x000D_c_x12_x" {
		t.Errorf("unescapeOOXML: %q", got)
	}
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "AB12": 28, "XFD1": 16384, "a3": 1} {
		if got, ok := parseColumn(ref); !ok || got != want {
			t.Errorf("parseColumn(%q) = %d %v, want %d", ref, got, ok, want)
		}
	}
	if _, ok := parseColumn("1A"); ok {
		t.Error("parseColumn(1A) accepted")
	}
	if v, ok := attr([]byte(` r="B2" s='3' t = "s" x:foo="a>b"`), "t"); !ok || v != "s" {
		t.Errorf("attr t = %q %v", v, ok)
	}
	if v, ok := attr([]byte(` x:foo="a>b"`), "foo"); !ok || v != "a>b" {
		t.Errorf("attr foo = %q %v", v, ok)
	}
}
