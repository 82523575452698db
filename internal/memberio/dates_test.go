package memberio

import (
	"testing"
	"time"

	"chibo/internal/party"
)

// member-list-columns.md §4: dates are read day first in every form lists
// use; two-digit years are refused as ambiguous; a year alone only for the
// year of birth.
func TestDatesInEveryForm(t *testing.T) {
	jun5 := party.D(2017, time.June, 5)
	cases := []struct {
		name     string
		in       string
		yearOK   bool
		want     party.Date
		yearOnly bool
		problem  string // message key, "" for none
	}{
		{"dd/mm/yyyy", "05/06/2017", false, jun5, false, ""},
		{"d/m/yyyy, as Party documents write it", "5/6/2017", false, jun5, false, ""},
		{"dd-mm-yyyy", "05-06-2017", false, jun5, false, ""},
		{"dd.mm.yyyy", "05.06.2017", false, jun5, false, ""},
		{"spaces around the slashes", "05 / 06 / 2017", false, jun5, false, ""},
		{"ISO", "2017-06-05", false, jun5, false, ""},
		{"ISO with a time, as some writers store date cells", "2017-06-05T00:00:00Z", false, jun5, false, ""},
		{"with a time of day", "05/06/2017 00:00:00", false, jun5, false, ""},
		{"in words, as the printed forms write it", "ngày 05 tháng 6 năm 2017", false, jun5, false, ""},
		{"in words without diacritics", "ngay 5 thang 6 nam 2017", false, jun5, false, ""},
		{"Excel serial typed as text", "42891", false, jun5, false, ""},
		{"Excel serial with a time of day", "42891.5", false, jun5, false, ""},
		{"day first even when it could be month first", "06/05/2017", false, party.D(2017, time.May, 6), false, ""},
		{"empty", "", false, party.Date{}, false, ""},
		{"year of birth alone", "1975", true, party.D(1975, time.January, 1), true, ""},
		{"year alone where a full date is needed", "2001", false, party.Date{}, false, "import.year_only"},
		{"two-digit year refused", "05/06/17", false, party.Date{}, false, "import.date_invalid"},
		{"two-digit year refused, dashes", "5-6-17", false, party.Date{}, false, "import.date_invalid"},
		{"no 31 June", "31/06/2017", false, party.Date{}, false, "import.date_invalid"},
		{"month 13", "05/13/2017", false, party.Date{}, false, "import.date_invalid"},
		{"not a date", "chưa rõ", false, party.Date{}, false, "import.date_invalid"},
		{"the 29/02/1900 Lotus kept", "60", false, party.Date{}, false, "import.date_serial"},
		{"zero is no serial", "0", false, party.Date{}, false, "import.date_serial"},
		{"beyond Excel's calendar", "99999999", false, party.Date{}, false, "import.date_serial"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := parseDate(c.in, "joined_on", c.yearOK, false)
			switch {
			case c.problem != "":
				if r.problem == nil || r.problem.Key != c.problem {
					t.Fatalf("parseDate(%q) = %v, %v; want problem %s", c.in, r.date, r.problem, c.problem)
				}
				checkKey(t, *r.problem)
			case r.problem != nil:
				t.Fatalf("parseDate(%q): %v", c.in, r.problem)
			case r.date != c.want || r.yearOnly != c.yearOnly:
				t.Fatalf("parseDate(%q) = %v (year only %v), want %v (%v)", c.in, r.date, r.yearOnly, c.want, c.yearOnly)
			}
		})
	}
}

// The two-digit year refusal passes party.ParseVN's own message on.
func TestTwoDigitYearKeepsTheDateMessage(t *testing.T) {
	r := parseDate("05/06/17", "joined_on", false, false)
	if r.problem == nil || len(r.problem.Args) != 1 {
		t.Fatalf("got %v", r.problem)
	}
	inner, ok := r.problem.Args[0].(party.Msg)
	if !ok || inner.Key != "date.two_digit_year" {
		t.Errorf("nested message %v, want date.two_digit_year", r.problem.Args[0])
	}
}

// Excel's serials: 1 = 01/01/1900, 59 = 28/02/1900, 61 = 01/03/1900 (60
// is the 29/02/1900 that never was); in 1904 workbooks 0 = 01/01/1904.
func TestExcelSerials(t *testing.T) {
	cases := []struct {
		serial   string
		date1904 bool
		want     party.Date
	}{
		{"1", false, party.D(1900, 1, 1)},
		{"59", false, party.D(1900, 2, 28)},
		{"61", false, party.D(1900, 3, 1)},
		{"25569", false, party.D(1970, 1, 1)},
		{"36526", false, party.D(2000, 1, 1)},
		{"42891", false, party.D(2017, 6, 5)},
		{"46178", false, party.D(2026, 6, 5)},
		{"41429", true, party.D(2017, 6, 5)},
	}
	for _, c := range cases {
		r := excelDate(c.serial, c.date1904)
		if r.problem != nil || r.date != c.want {
			t.Errorf("excelDate(%s, 1904=%v) = %v, %v; want %v", c.serial, c.date1904, r.date, r.problem, c.want)
		}
		if !c.date1904 {
			if back := excelSerial(c.want); back != mustAtoi(t, c.serial) {
				t.Errorf("excelSerial(%v) = %d, want %s", c.want, back, c.serial)
			}
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// Dates in XLSX arrive as number cells formatted as dates; Excel's built-in
// short date format (m/d/yy) must not turn them month first.
func TestXLSXDateCells(t *testing.T) {
	b := makeXLSX(t, [][]any{
		{"Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức"},
		{"Nguyễn Văn An",
			time.Date(1975, 3, 12, 0, 0, 0, 0, time.UTC), // excelize's default date format
			xlsxStyled{42891, "m/d/yy"},                  // month first, two-digit year on screen
			xlsxStyled{43256, "dd/mm/yyyy"}},
	})
	res, err := parseBytes(t, b, "ds.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("records %d, errors %v", len(res.Records), keys(res.Errors))
	}
	m := res.Records[0].Member
	if m.BirthDate != party.D(1975, 3, 12) || m.JoinedOn != party.D(2017, 6, 5) || m.OfficialOn != party.D(2018, 6, 5) {
		t.Errorf("dates %v %v %v", m.BirthDate, m.JoinedOn, m.OfficialOn)
	}
}
