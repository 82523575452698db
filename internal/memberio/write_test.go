package memberio

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chibo/internal/party"
)

// sampleMembers is a cell's list with what tends to break exports: card,
// CCCD and phone numbers with leading zeros, a probationary member without
// card or official date, an exempt member, text Excel would read as a
// formula, a multi-word given name, empty fields.
func sampleMembers() []party.Member {
	return []party.Member{
		{FullName: "Nguyễn Văn An", Gender: party.Nam, BirthDate: party.D(1975, 3, 12), Hometown: "Hà Nội",
			Ethnicity: "Kinh", Religion: "Không", IDNumber: "001075001234", Phone: "0912345678",
			Email: "an@example.vn", Address: "Số 5, ngõ 12, phường Bến Nghé", CardNumber: "01234567",
			DossierNo: "012345 HN", JoinedOn: party.D(2001, 6, 5), OfficialOn: party.D(2002, 6, 5),
			Occupation: "Giáo viên", Note: ""},
		{FullName: "Trần Thị Bích Ngọc", Gender: party.Nu, BirthDate: party.D(1998, 1, 1), Hometown: "Nghệ An",
			Ethnicity: "Kinh", JoinedOn: party.D(2026, 1, 5), Note: "Dự bị"},
		{FullName: "Lê Hồng Phúc", Gender: party.Nam, BirthDate: party.D(1940, 9, 2), CardNumber: "00000001",
			JoinedOn: party.D(1965, 2, 3), OfficialOn: party.D(1966, 2, 3), Note: "Miễn sinh hoạt"},
		{FullName: "Đặng Quốc Việt", Gender: party.Nam, BirthDate: party.D(1985, 8, 15), CardNumber: "01122334",
			JoinedOn: party.D(2015, 10, 10), OfficialOn: party.D(2016, 10, 10), Phone: "+84 912 000 111",
			Note: "=1+1 không phải công thức", Address: "-"},
		{FullName: "Hoàng Thị Thu Hà", Gender: party.Nu, JoinedOn: party.D(2010, 5, 19), OfficialOn: party.D(2011, 5, 19),
			CardNumber: "99999999", Ethnicity: "Tày", Religion: "Phật giáo", Occupation: "Hưu trí",
			Note: "'Ông' là cách gọi trong chi bộ"},
	}
}

// sameMember compares the fields a list carries.
func sameMember(a, b party.Member) bool {
	a.ID, a.OrgID, a.Version, a.LeftOn, a.LeftReason = 0, 0, 0, party.Date{}, ""
	b.ID, b.OrgID, b.Version, b.LeftOn, b.LeftReason = 0, 0, 0, party.Date{}, ""
	return a == b
}

func TestRoundTrip(t *testing.T) {
	ms := sampleMembers()
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer, []party.Member) error
	}{
		{"ds.xlsx", func(b *bytes.Buffer, ms []party.Member) error { return WriteXLSX(b, ms) }},
		{"ds.csv", func(b *bytes.Buffer, ms []party.Member) error { return WriteCSV(b, ms) }},
	} {
		t.Run(w.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := w.write(&b, ms); err != nil {
				t.Fatal(err)
			}
			res, err := parseBytes(t, b.Bytes(), w.name)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) != 0 || len(res.Records) != len(ms) {
				t.Fatalf("records %d errors %v", len(res.Records), keys(res.Errors))
			}
			for i, r := range res.Records {
				if !sameMember(r.Member, ms[i]) {
					t.Errorf("member %d:\n got %+v\nwant %+v", i, r.Member, ms[i])
				}
				if r.Row != i+2 {
					t.Errorf("member %d on row %d", i, r.Row)
				}
			}
			if res.Records[1].Status != party.DuBi || !res.Records[2].Exempt || res.Records[0].Status != party.ChinhThuc {
				t.Errorf("status or exemption lost: %+v", res.Records)
			}
			for _, warn := range res.Warnings {
				if warn.Msg.Key == "import.column_unknown" || warn.Msg.Key == "import.card_padded" {
					t.Errorf("export reads back with warning %v", warn)
				}
			}
			if len(res.Columns) != len(ExportColumns)-1 { // all but STT
				t.Errorf("columns %+v", res.Columns)
			}
		})
	}
}

// The CSV starts with a byte order mark, so that Excel reads UTF-8, and
// protects cells Excel would run as formulas.
func TestWriteCSVForExcel(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sampleMembers()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.HasPrefix(s, "\ufeffSTT,Họ và tên,") {
		t.Errorf("starts %q", s[:min(len(s), 40)])
	}
	if !strings.Contains(s, ",01234567,") || !strings.Contains(s, ",05/06/2001,05/06/2002,") {
		t.Error("card numbers must keep their zeros and dates be dd/mm/yyyy")
	}
	if !strings.Contains(s, `'=1+1`) || !strings.Contains(s, ",'-,") || !strings.Contains(s, "'+84") {
		t.Error("cells starting with = - + must be escaped")
	}
	if !strings.Contains(s, "\r\n") {
		t.Error("lines end with CRLF")
	}
}

// In the workbook, card numbers are text cells (leading zeros kept) and
// dates real dates shown dd/mm/yyyy.
func TestWriteXLSXCells(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, sampleMembers()); err != nil {
		t.Fatal(err)
	}
	f := mustOpen(t, b.Bytes())
	sheet := f.GetSheetName(0)
	for _, c := range []struct{ cell, want string }{
		{"L2", "01234567"}, {"L4", "00000001"}, {"H2", "001075001234"}, {"I2", "0912345678"},
	} {
		typ, err := f.GetCellType(sheet, c.cell)
		if err != nil || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s: type %v %v, want a text cell", c.cell, typ, err)
		}
		if v, _ := f.GetCellValue(sheet, c.cell); v != c.want {
			t.Errorf("%s = %q, want %q", c.cell, v, c.want)
		}
	}
	if v, _ := f.GetCellValue(sheet, "N2"); v != "05/06/2001" {
		t.Errorf("date joined shows %q", v)
	}
	if typ, _ := f.GetCellType(sheet, "N2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Error("dates must be date cells, not text")
	}
	if head, _ := f.GetCellValue(sheet, "B1"); head != "Họ và tên" {
		t.Errorf("B1 = %q", head)
	}
}

// benchMembers makes n members with distinct card numbers.
func benchMembers(n int) []party.Member {
	ms := make([]party.Member, n)
	for i := range ms {
		ms[i] = party.Member{
			FullName: fmt.Sprintf("Nguyễn Văn Thành %d", i), Gender: party.Nam,
			BirthDate: party.D(1960+i%40, time.Month(1+i%12), 1+i%28), Hometown: "Thừa Thiên Huế",
			Ethnicity: "Kinh", Religion: "Không", IDNumber: fmt.Sprintf("0010%08d", i),
			Phone: fmt.Sprintf("09%08d", i), Address: "Số 5, ngõ 12, phường Bến Nghé, quận 1",
			CardNumber: fmt.Sprintf("%08d", i), DossierNo: fmt.Sprintf("%06d HCM", i),
			JoinedOn: party.D(2000+i%20, time.Month(1+i%12), 1+i%28), Occupation: "Cán bộ hưu trí",
		}
		ms[i].OfficialOn = ms[i].JoinedOn.AddMonths(12)
	}
	return ms
}

// The target: importing 10,000 members takes under 5 s with the
// database; parsing should take well under 1 s.
func BenchmarkParseXLSX10000(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, benchMembers(10000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := Parse(bytes.NewReader(data), "ds.xlsx", opts)
		if err != nil || len(res.Records) != 10000 || len(res.Errors) != 0 {
			b.Fatalf("%v: %d records, errors %v", err, len(res.Records), keys(res.Errors))
		}
	}
}

func BenchmarkParseCSV10000(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, benchMembers(10000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		res, err := Parse(bytes.NewReader(data), "ds.csv", opts)
		if err != nil || len(res.Records) != 10000 || len(res.Errors) != 0 {
			b.Fatalf("%v: %d records", err, len(res.Records))
		}
	}
}
