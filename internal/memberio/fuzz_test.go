package memberio

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/vntext"
)

// checkInvariants holds for any input: no panic (the fuzzer sees it), a
// whole-file error is a *party.Error with a catalog key, records hold
// valid NFC text, every problem is a catalog key.
func checkInvariants(t *testing.T, res Result, err error) {
	if err != nil {
		e, ok := party.AsError(err)
		if !ok {
			t.Fatalf("error %v is not a *party.Error", err)
		}
		if !i18n.Has(e.Msg.Key) {
			t.Fatalf("whole-file key %q not in the catalog", e.Msg.Key)
		}
		return
	}
	for _, ps := range [][]Problem{res.Errors, res.Warnings} {
		for _, p := range ps {
			if !i18n.Has(p.Msg.Key) {
				t.Fatalf("problem key %q not in the catalog", p.Msg.Key)
			}
			if !utf8.ValidString(p.Column) {
				t.Fatalf("column heading %q is not UTF-8", p.Column)
			}
		}
	}
	for _, r := range res.Records {
		m := r.Member
		for _, s := range []string{m.FullName, m.Hometown, m.Ethnicity, m.Religion, m.IDNumber, m.Phone,
			m.Email, m.Address, m.CardNumber, m.DossierNo, m.Occupation, m.Note, m.LeftReason, r.CellName} {
			if !utf8.ValidString(s) || vntext.NFC(s) != s {
				t.Fatalf("row %d: %q is not valid NFC", r.Row, s)
			}
		}
		if m.FullName == "" || m.JoinedOn.IsZero() {
			t.Fatalf("row %d: a record without name or date joined: %+v", r.Row, m)
		}
		if m.CardNumber != "" && (len(m.CardNumber) != cardDigits || !allDigits.MatchString(m.CardNumber)) {
			t.Fatalf("row %d: card number %q", r.Row, m.CardNumber)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(heading + "1,Nguyễn Văn An,Nam,12/03/1975,05/06/2001,05/06/2002,01234567,\r\n"))
	f.Add([]byte("DANH SÁCH\r\n" + csvRows(";",
		[]string{"TT", "Họ đệm", "Tên", "Năm sinh", "Ngày vào Đảng, ngày chính thức", "Số thẻ ĐV", "Ghi chú"},
		[]string{"1", "Trần Thị", "Bình", "1980", "05/06/2001\n05/06/2002", "00012345", "Miễn sinh hoạt"},
		[]string{"2", "Lê", "Cường", "x", "42891", "1234567", "dự bị"})))
	f.Add([]byte("sep=\t\nHọ và tên\tNgày kết nạp\tChi bộ\n\"Phạm \"\"Văn\"\" Dũng\"\t5-6-2001\tKhu phố 3\n"))
	f.Add([]byte("\ufeffHo va ten,Ngay vao Dang,Nam,Nu\r\nA,05/06/17,1970,\r\nB,01/01/2030,,x\r\n"))
	f.Add([]byte("Hä vµ tªn,Ngµy vµo §¶ng\r\nNguyÔn V¨n An,05/06/2001\r\n")) // TCVN3 read as Latin-1
	f.Add([]byte("Ho\xe4 va\xf8 te\xe2n,Nga\xf8y va\xf8o \xd1a\xfbng\r\nNguye\xe3n Va\xean An,05/06/2001\r\n"))
	f.Add([]byte{0xFF, 0xFE, 'H', 0, 'o', 0})
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(bytes.NewReader(data), "fuzz.csv", Options{Limits: Limits{MaxRows: 200}, Today: today})
		checkInvariants(t, res, err)
	})
}

// FuzzParseXLSX fuzzes the worksheet and shared-string parts of a
// workbook. Mutating a whole .xlsx mostly breaks the zip's checksums, so
// the parts are packed into a valid zip here and the fuzzer reaches the
// XML reader and everything after it.
func FuzzParseXLSX(f *testing.F) {
	var seeds [][]byte
	var b bytes.Buffer
	if err := WriteXLSX(&b, sampleMembers()[:1]); err != nil { // small seeds minimize fast
		f.Fatal(err)
	}
	seeds = append(seeds, b.Bytes())
	seeds = append(seeds, makeXLSX(f, [][]any{
		{"Danh sách đảng viên"},
		{"STT", "Họ và tên", "Năm sinh", "", "Ngày vào Đảng", "Số thẻ đảng viên", "Số điện thoại"},
		{"", "", "Nam", "Nữ"},
		{1, "Nguyễn Văn An", 1975, nil, 42891, 1234567, 912345678},
		{2, "Trần Thị Bình", nil, "x", "05/06/2001", "00012345", "0987654321"},
	}))
	for _, s := range seeds {
		// Only the cells: the namespace declarations around them are
		// kilobytes the fuzzer would spend its time minimizing.
		sheet, shared := workbookParts(f, s)
		f.Add(between(sheet, "<sheetData", "</sheetData>"), between(shared, "<si", "</si>"))
	}
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><t>Họ và tên</t></is></c><c t="s"><v>0</v></c></row>`+
		`<row r="3"><c r="B3" t="inlineStr"><is><r><t>Nguyễn </t></r><r><t>Văn An</t></r><rPh><t>x</t></rPh></is></c>`+
		`<c r="A3" t="inlineStr"><is><t>&#x110;&amp;_x000D_</t></is></c><c r="C3"><f>A1</f><v>42891</v></c></row></sheetData></worksheet>`),
		[]byte(`<sst><si><t>Ngày vào Đảng</t></si><si/><si><r><t><![CDATA[a<b]]></t></r></si></sst>`))
	f.Fuzz(func(t *testing.T, sheet, shared []byte) {
		data := packWorkbook(t, sheet, shared)
		res, err := Parse(bytes.NewReader(data), "fuzz.xlsx", Options{Limits: Limits{MaxRows: 200}, Today: today})
		checkInvariants(t, res, err)
	})
}

// FuzzDecodeLegacy: legacy detection and decoding never panic, and what
// they return is valid UTF-8 in NFC. Cells are made the way Parse makes
// them: UTF-8 text as is, other bytes read as Latin-1.
func FuzzDecodeLegacy(f *testing.F) {
	f.Add([]byte("NguyÔn V¨n An\nHµ Néi"))
	f.Add([]byte("Nguy\xd4n V\xa8n An\nH\xb5 N\xe9i"))
	f.Add([]byte("Nguye\xe3n Va\xean An\nHa\xf8 No\xe4i"))
	f.Add([]byte("Nguyễn Văn An\nHà Nội"))
	f.Add([]byte("Lê\nTô"))
	f.Add([]byte("\x80\x9f\xa0\xb0\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		if !utf8.Valid(data) {
			text = vntext.BytesToLatin1(data)
		}
		cells := strings.Split(text, "\n")
		enc, err := vntext.DetectEncoding(cells)
		if err != nil && !errors.Is(err, vntext.ErrUndecodable) {
			t.Fatalf("DetectEncoding: unexpected error %v", err)
		}
		for _, c := range cells {
			if err == nil {
				d, derr := vntext.Decode(c, enc)
				if derr != nil {
					t.Fatalf("DetectEncoding chose %s for the file but Decode refuses cell %q: %v", enc, c, derr)
				}
				checkNFC(t, d)
			}
			for _, e := range []vntext.Encoding{vntext.Unicode, vntext.TCVN3, vntext.VNI} {
				if d, derr := vntext.Decode(c, e); derr == nil {
					checkNFC(t, d)
				}
			}
		}
	})
}

func checkNFC(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) || vntext.NFC(s) != s {
		t.Fatalf("%q is not valid NFC", s)
	}
}

// between is the part of b from the first start to the last end.
func between(b []byte, start, end string) []byte {
	i, j := bytes.Index(b, []byte(start)), bytes.LastIndex(b, []byte(end))
	if i < 0 || j < i {
		return nil
	}
	return b[i : j+len(end)]
}

// workbookParts takes the first worksheet and the shared strings out of a
// workbook.
func workbookParts(t testing.TB, data []byte) (sheet, shared []byte) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "xl/worksheets/sheet1.xml":
			sheet = readZipFile(t, f)
		case "xl/sharedstrings.xml":
			shared = readZipFile(t, f)
		}
	}
	return sheet, shared
}

func readZipFile(t testing.TB, f *zip.File) []byte {
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// packWorkbook builds the smallest workbook around a worksheet and a
// shared-string table.
func packWorkbook(t testing.TB, sheet, shared []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	parts := []struct {
		name string
		data []byte
	}{
		{"_rels/.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", []byte(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", sheet},
		{"xl/sharedStrings.xml", shared},
	}
	for _, p := range parts {
		// Stored, not deflated: the fuzzer runs this thousands of times.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
