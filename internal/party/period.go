package party

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a calendar month ("2026-06") or quarter ("2026-Q2") in Vietnam
// time: the unit in which meeting obligations fall due (DOMAIN.md §4).
type Period struct {
	Year    int
	Month   time.Month // 1–12 for a month period, 0 for a quarter
	Quarter int        // 1–4 for a quarter period, 0 for a month
}

func MonthOf(d Date) Period   { return Period{Year: d.Year(), Month: d.Month()} }
func QuarterOf(d Date) Period { return Period{Year: d.Year(), Quarter: (int(d.Month())-1)/3 + 1} }

// MonthPeriod and QuarterPeriod build periods from numbers.
func MonthPeriod(year int, m time.Month) Period { return Period{Year: year, Month: m} }
func QuarterPeriod(year, q int) Period          { return Period{Year: year, Quarter: q} }

func (p Period) IsZero() bool    { return p == Period{} }
func (p Period) IsMonth() bool   { return p.Month != 0 }
func (p Period) IsQuarter() bool { return p.Quarter != 0 }

// First and Last are the period's first and last days.
func (p Period) First() Date {
	if p.IsQuarter() {
		return D(p.Year, time.Month(3*(p.Quarter-1)+1), 1)
	}
	return D(p.Year, p.Month, 1)
}

func (p Period) Last() Date {
	if p.IsQuarter() {
		return D(p.Year, time.Month(3*p.Quarter)+1, 0)
	}
	return D(p.Year, p.Month+1, 0)
}

func (p Period) Contains(d Date) bool { return !d.Before(p.First()) && !d.After(p.Last()) }

// Next and Prev step to the neighbouring period of the same kind.
func (p Period) Next() Period {
	if p.IsQuarter() {
		return QuarterOf(p.Last().AddDays(1))
	}
	return MonthOf(p.Last().AddDays(1))
}

func (p Period) Prev() Period {
	if p.IsQuarter() {
		return QuarterOf(p.First().AddDays(-1))
	}
	return MonthOf(p.First().AddDays(-1))
}

// QuarterOfMonth is the quarter a month period lies in.
func (p Period) QuarterOfMonth() Period { return QuarterOf(p.First()) }

// Months lists the months of a quarter (or the month itself).
func (p Period) Months() []Period {
	if !p.IsQuarter() {
		return []Period{p}
	}
	first := p.First()
	return []Period{MonthOf(first), MonthOf(first.AddMonths(1)), MonthOf(first.AddMonths(2))}
}

// String is the API form: 2026-06 or 2026-Q2.
func (p Period) String() string {
	switch {
	case p.IsQuarter():
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case p.IsMonth():
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return ""
}

// Roman numerals of quarters, as Vietnamese writes them ("quý II").
var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// VN is how a screen names the period: "tháng 6/2026" or "quý II/2026".
func (p Period) VN() string {
	if p.IsQuarter() {
		return fmt.Sprintf("quý %s/%d", romanQuarter[p.Quarter], p.Year)
	}
	return fmt.Sprintf("tháng %d/%d", p.Month, p.Year)
}

// ParsePeriod reads 2026-06 or 2026-Q2.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	y, rest, ok := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if !ok || err != nil || len(y) != 4 || year < 1930 || year > 2200 {
		return Period{}, Invalid("period.invalid", s)
	}
	if q, isQ := strings.CutPrefix(strings.ToUpper(rest), "Q"); isQ {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > 4 {
			return Period{}, Invalid("period.invalid", s)
		}
		return QuarterPeriod(year, n), nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || len(rest) != 2 || m < 1 || m > 12 {
		return Period{}, Invalid("period.invalid", s)
	}
	return MonthPeriod(year, time.Month(m)), nil
}

// MonthsBetween lists the month periods from the month of from to the
// month of to, inclusive.
func MonthsBetween(from, to Date) []Period {
	var out []Period
	for p := MonthOf(from); !p.First().After(to); p = p.Next() {
		out = append(out, p)
	}
	return out
}

// QuartersBetween lists the quarters touching [from, to].
func QuartersBetween(from, to Date) []Period {
	var out []Period
	for p := QuarterOf(from); !p.First().After(to); p = p.Next() {
		out = append(out, p)
	}
	return out
}
