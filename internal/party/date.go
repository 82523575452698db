package party

import (
	"database/sql/driver"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Zone is Vietnam's time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight
// saving since 1975. A fixed zone spares the binary the tz database.
var Zone = time.FixedZone("ICT", 7*3600)

// Date is a calendar day in Vietnam, without a time. The zero Date means
// "no date" (an open end of a range, a field left empty).
type Date struct {
	y int
	m time.Month
	d int
}

// D builds a Date; it normalizes out-of-range days like time.Date does.
func D(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 12, 0, 0, 0, Zone))
}

// DateOf is the day t falls on in Vietnam.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Zone).Date()
	return Date{y, m, d}
}

func (d Date) IsZero() bool      { return d == Date{} }
func (d Date) Year() int         { return d.y }
func (d Date) Month() time.Month { return d.m }
func (d Date) Day() int          { return d.d }

// Time is the start of the day in Vietnam.
func (d Date) Time() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, Zone) }

// At is the moment hh:mm on this day in Vietnam.
func (d Date) At(hour, minute int) time.Time {
	return time.Date(d.y, d.m, d.d, hour, minute, 0, 0, Zone)
}

func (d Date) AddDays(n int) Date { return D(d.y, d.m, d.d+n) }
func (d Date) AddMonths(n int) Date {
	return D(d.y, d.m+time.Month(n), d.d)
}

// Compare orders dates; the zero date sorts first.
func (d Date) Compare(e Date) int {
	switch {
	case d.y != e.y:
		return cmpInt(d.y, e.y)
	case d.m != e.m:
		return cmpInt(int(d.m), int(e.m))
	default:
		return cmpInt(d.d, e.d)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }
func (d Date) After(e Date) bool  { return d.Compare(e) > 0 }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Round(time.Hour).Hours() / 24)
}

// ISO is YYYY-MM-DD, the form of the API and the database.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

func (d Date) String() string { return d.ISO() }

// VN is dd/mm/yyyy, the form of every screen and export.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.d, d.m, d.y)
}

// ParseISO reads YYYY-MM-DD; the empty string is the zero Date.
func ParseISO(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, Zone)
	if err != nil {
		return Date{}, Invalid("date.invalid_iso", s)
	}
	return DateOf(t), nil
}

// MustISO is ParseISO for literals in tests and seed data.
func MustISO(s string) Date {
	d, err := ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

var dayFirst = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$`)

// ParseVN reads a date as Vietnamese people write it, always day first:
// 05/06/2017, 5/6/2017, 05-06-2017, 05.06.2017; an ISO date is also taken.
// Two-digit years are refused as ambiguous (member-list-columns.md §4).
func ParseVN(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) == 10 && s[4] == '-' {
		return ParseISO(s)
	}
	m := dayFirst.FindStringSubmatch(s)
	if m == nil {
		return Date{}, Invalid("date.invalid_vn", s)
	}
	day, _ := strconv.Atoi(m[1])
	mon, _ := strconv.Atoi(m[2])
	if len(m[3]) != 4 {
		return Date{}, Invalid("date.two_digit_year", s)
	}
	year, _ := strconv.Atoi(m[3])
	if mon < 1 || mon > 12 || day < 1 || day > daysIn(year, time.Month(mon)) || year < 1890 || year > 2200 {
		return Date{}, Invalid("date.out_of_range", s)
	}
	return Date{year, time.Month(mon), day}, nil
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Value stores a Date as YYYY-MM-DD text (SQLite TEXT, PostgreSQL date).
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.ISO(), nil
}

// Scan reads a Date from either engine: text on SQLite, time on PostgreSQL.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		y, m, dd := v.Date() // PostgreSQL dates arrive as midnight UTC
		*d = Date{y, m, dd}
		return nil
	case string:
		p, err := ParseISO(v[:min(len(v), 10)])
		*d = p
		return err
	case []byte:
		return d.Scan(string(v))
	}
	return fmt.Errorf("party.Date: cannot scan %T", src)
}

// MarshalText gives the API form YYYY-MM-DD (empty for the zero date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseISO(string(b))
	*d = p
	return err
}

// Contains reports whether day lies in the range [from, until]; a zero
// until leaves the range open.
func Contains(from, until, day Date) bool {
	if !from.IsZero() && day.Before(from) {
		return false
	}
	return until.IsZero() || !day.After(until)
}
