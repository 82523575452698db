package memberio

import (
	"bytes"
	"strings"
	"testing"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// legacyList is a list typed with the old fonts. TCVN3 has no bytes for
// capital toned letters, so the text holds none but Ă Â Ê Ô Ơ Ư Đ.
var legacyList = [][]string{
	{"Danh sách đảng viên chi bộ khu phố 3"},
	{"STT", "Họ và tên", "Giới tính", "Ngày sinh", "Quê quán", "Dân tộc", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên", "Ghi chú"},
	{"1", "Nguyễn Văn An", "Nam", "12/03/1975", "Hà Nội", "Kinh", "05/06/2001", "05/06/2002", "01234567", ""},
	{"2", "Trần Thị Bích Ngọc", "Nữ", "20/11/1980", "Nghệ An", "Kinh", "19/05/2010", "19/05/2011", "00012345", ""},
	{"3", "Lê Hồng Phúc", "Nam", "02/09/1969", "Thừa Thiên Huế", "Kinh", "03/02/1990", "03/02/1991", "00345678", "Miễn sinh hoạt"},
	{"4", "Phạm Thị Hường", "Nữ", "01/01/1998", "Quảng Ngãi", "Kinh", "05/01/2026", "", "", "Dự bị"},
	{"5", "Đặng Quốc Việt", "Nam", "15/08/1985", "Hải Dương", "Mường", "10/10/2015", "10/10/2016", "01122334", ""},
}

// encodeRows encodes every cell of rows with tab.
func encodeRows(t *testing.T, tab legacyTable, rows [][]string) [][][]byte {
	out := make([][][]byte, len(rows))
	for i, row := range rows {
		for _, c := range row {
			out[i] = append(out[i], tab.encode(t, c, false))
		}
	}
	return out
}

func legacyCSV(cells [][][]byte) []byte {
	var b bytes.Buffer
	for _, row := range cells {
		b.Write(bytes.Join(row, []byte(",")))
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func legacyXLSX(t *testing.T, cells [][][]byte) []byte {
	rows := make([][]any, len(cells))
	for i, row := range cells {
		for _, c := range row {
			rows[i] = append(rows[i], asExcelText(c))
		}
	}
	return makeXLSX(t, rows)
}

// checkLegacyList checks that a legacy file reads as the Unicode list.
func checkLegacyList(t *testing.T, res Result, enc vntext.Encoding) {
	t.Helper()
	if res.Encoding != enc {
		t.Errorf("encoding %s, want %s", res.Encoding, enc)
	}
	if len(res.Errors) != 0 || len(res.Records) != len(legacyList)-2 {
		t.Fatalf("records %d errors %v", len(res.Records), keys(res.Errors))
	}
	for i, r := range res.Records {
		want := legacyList[i+2]
		m := r.Member
		got := []string{m.FullName, m.Hometown, m.Ethnicity, m.Note, m.CardNumber}
		exp := []string{want[1], want[4], want[5], want[9], want[8]}
		for j := range got {
			if got[j] != exp[j] {
				t.Errorf("row %d: %q, want %q", r.Row, got[j], exp[j])
			}
		}
	}
	if res.Records[1].Member.Gender != party.Nu || !res.Records[2].Exempt || res.Records[3].Status != party.DuBi {
		t.Errorf("gender, exemption or status lost in decoding: %+v", res.Records)
	}
}

// DESIGN.md: "spreadsheets made with old Vietnamese fonts hold TCVN3 (ABC)
// or VNI text in 8-bit characters; detect and convert on import, or refuse
// with a clear message, never store mojibake."
func TestLegacyEncodings(t *testing.T) {
	for _, enc := range []struct {
		name string
		file string
		want vntext.Encoding
	}{{"TCVN3", "tcvn3.tsv", vntext.TCVN3}, {"VNI", "vni.tsv", vntext.VNI}} {
		tab := loadLegacy(t, enc.file)
		cells := encodeRows(t, tab, legacyList)
		t.Run(enc.name+" CSV", func(t *testing.T) {
			res, err := parseBytes(t, legacyCSV(cells), "ds.csv")
			if err != nil {
				t.Fatal(err)
			}
			checkLegacyList(t, res, enc.want)
		})
		t.Run(enc.name+" XLSX", func(t *testing.T) {
			res, err := parseBytes(t, legacyXLSX(t, cells), "ds.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			checkLegacyList(t, res, enc.want)
		})
		t.Run(enc.name+" CSV saved as UTF-8 by a program that read it as Latin-1", func(t *testing.T) {
			var b bytes.Buffer
			for _, row := range cells {
				var s []string
				for _, c := range row {
					s = append(s, asExcelText(c))
				}
				b.WriteString(strings.Join(s, ",") + "\r\n")
			}
			res, err := parseBytes(t, b.Bytes(), "ds.csv")
			if err != nil {
				t.Fatal(err)
			}
			checkLegacyList(t, res, enc.want)
		})
	}
}

// Names typed in a TCVN3 capital font (.VnTimeH) reuse the lowercase bytes
// for capital toned letters; they are read back in capitals.
func TestTCVN3CapitalFont(t *testing.T) {
	tab := loadLegacy(t, "tcvn3.tsv")
	rows := [][]string{
		{"Họ và tên", "Quê quán", "Ngày vào Đảng"},
		{"NGUYỄN VĂN AN", "Hà Nội", "05/06/2001"},
		{"Lê Hồ Vũ", "Thừa Thiên Huế", "05/06/2001"},
	}
	var cells [][][]byte
	for _, row := range rows {
		var r [][]byte
		for _, c := range row {
			r = append(r, tab.encode(t, c, true))
		}
		cells = append(cells, r)
	}
	res, err := parseBytes(t, legacyCSV(cells), "ds.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 {
		t.Fatalf("records %+v errors %v", res.Records, keys(res.Errors))
	}
	if got := res.Records[0].Member.FullName; got != "NGUYỄN VĂN AN" {
		t.Errorf("capital-font name read as %q", got)
	}
	if got := res.Records[1].Member.FullName; got != "Lê Hồ Vũ" {
		t.Errorf("ordinary name read as %q", got)
	}
}

// A no-break space (0xA0) in a legacy file is a space, not an unknown byte.
func TestLegacyFileWithNoBreakSpace(t *testing.T) {
	tab := loadLegacy(t, "tcvn3.tsv")
	cells := encodeRows(t, tab, legacyList)
	cells[2][4] = append(tab.encode(t, "Hà", false), append([]byte{0xA0}, tab.encode(t, "Nội", false)...)...)
	res, err := parseBytes(t, legacyCSV(cells), "ds.csv")
	if err != nil {
		t.Fatal(err)
	}
	checkLegacyList(t, res, vntext.TCVN3)
}

// Text in an 8-bit encoding neither table converts is refused with a
// message that says to convert it with Unikey, never stored as mojibake.
func TestUndecodableTextRefused(t *testing.T) {
	tab := loadLegacy(t, "tcvn3.tsv")
	cells := encodeRows(t, tab, legacyList)
	// 0xB0–0xB4: the combining tone marks of the TCVN3 VN1 variant, which
	// the ABC-font tables (and so Chibo) do not know.
	cells[3][1] = append(tab.encode(t, "Trần Thi", false), 0xB4)
	for name, data := range map[string][]byte{
		"CSV":  legacyCSV(cells),
		"XLSX": legacyXLSX(t, cells),
	} {
		_, err := parseBytes(t, data, "ds."+strings.ToLower(name))
		if party.ErrorCode(err) != party.EInvalid || errKey(err) != "import.undecodable" {
			t.Errorf("%s: got %v, want import.undecodable", name, err)
		}
	}
}

// Plain ASCII (a list typed without diacritics) is Unicode.
func TestASCIIListIsUnicode(t *testing.T) {
	res := parseString(t, csvRows(",", []string{"Ho va ten", "Ngay vao Dang"}, []string{"Nguyen Van An", "05/06/2001"}))
	if res.Encoding != vntext.Unicode || res.Records[0].Member.FullName != "Nguyen Van An" {
		t.Errorf("%s %+v", res.Encoding, res.Records)
	}
}

// Legacy text pasted into a Unicode file (a Unicode template filled from
// an old .VnTime list) is refused: whole-file detection sees Unicode, and
// converting nothing would store mojibake.
func TestLegacyTextInAUnicodeFileRefused(t *testing.T) {
	for _, enc := range []string{"tcvn3.tsv", "vni.tsv"} {
		tab := loadLegacy(t, enc)
		name := tab.encode(t, "Trần Thị Bích Ngọc", false)
		home := tab.encode(t, "Hà Nội", false)
		csv := "Họ và tên,Quê quán,Ngày vào Đảng\r\n" +
			"Nguyễn Văn An,Thừa Thiên Huế,05/06/2001\r\n" +
			asExcelText(name) + "," + asExcelText(home) + ",05/06/2001\r\n"
		_, err := parseBytes(t, []byte(csv), "ds.csv")
		if errKey(err) != "import.mixed_encoding" {
			t.Errorf("%s: got %v", enc, err)
			continue
		}
		if e, _ := party.AsError(err); e.Msg.Args[1] != 3 {
			t.Errorf("%s: row %v, want 3", enc, e.Msg.Args[1])
		}
	}
	// Unicode cells that happen to fit in Latin-1 are not legacy text.
	res := parseString(t, csvRows(",",
		[]string{"Họ", "Tên", "Ngày vào Đảng", "Nơi ở hiện nay", "Ghi chú"},
		[]string{"Lê", "Tô", "05/06/2001", "Số 5°", "Hà"},
		[]string{"Tô", "Bá", "05/06/2001", "Lô B ½", "Lê Hà"},
	))
	if len(res.Records) != 2 || res.Records[0].Member.FullName != "Lê Tô" {
		t.Errorf("records %+v", res.Records)
	}
}
