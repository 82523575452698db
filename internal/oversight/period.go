package oversight

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// Range is the span of whole months a dashboard, a ranking or a reminder
// to a unit is about: the unit in which meeting obligations fall due.
type Range struct {
	From, To party.Period // months
}

// MaxRangeMonths is the longest span a dashboard accepts (issue 5: "a
// period … spanning more than 10 years" is refused).
const MaxRangeMonths = 120

// Len is the number of months in the range.
func (r Range) Len() int {
	return (r.To.Year-r.From.Year)*12 + int(r.To.Month) - int(r.From.Month) + 1
}

// Months lists the months of the range.
func (r Range) Months() []party.Period {
	out := make([]party.Period, 0, max(r.Len(), 0))
	for p := r.From; !p.First().After(r.To.First()); p = p.Next() {
		out = append(out, p)
	}
	return out
}

// Quarters lists the quarters the range touches.
func (r Range) Quarters() []party.Period {
	return party.QuartersBetween(r.From.First(), r.To.Last())
}

// Contains reports whether month p lies in the range.
func (r Range) Contains(p party.Period) bool {
	return !p.First().Before(r.From.First()) && !p.First().After(r.To.First())
}

// UpTo cuts the range at month last (the current month: later months have
// no figures yet); ok is false when nothing is left.
func (r Range) UpTo(last party.Period) (Range, bool) {
	if r.To.First().After(last.First()) {
		r.To = last
	}
	return r, !r.From.First().After(r.To.First())
}

// Shift moves the range by its own length (n times): the "previous" and
// "next" links of a dashboard.
func (r Range) Shift(n int) Range {
	k := r.Len() * n
	return Range{From: party.MonthOf(r.From.First().AddMonths(k)), To: party.MonthOf(r.To.First().AddMonths(k))}
}

// Year is the range of a calendar year.
func Year(y int) Range {
	return Range{From: party.MonthPeriod(y, time.January), To: party.MonthPeriod(y, time.December)}
}

// Quarter is the range of a quarter.
func Quarter(q party.Period) Range {
	ms := q.Months()
	return Range{From: ms[0], To: ms[len(ms)-1]}
}

// Month is the range of one month.
func Month(p party.Period) Range { return Range{From: p, To: p} }

// FromParam and ToParam write the ends as query parameters (YYYY-MM).
func (r Range) FromParam() string { return r.From.String() }
func (r Range) ToParam() string   { return r.To.String() }

// Query is the range as a URL query: from=2026-01&to=2026-06.
func (r Range) Query() string { return "from=" + r.FromParam() + "&to=" + r.ToParam() }

// Whole reports whether the range is exactly a year, a quarter or a month,
// and names it for a heading.
func (r Range) Whole() (party.Period, string) {
	switch {
	case r.From == r.To:
		return r.From, "month"
	case r.From.Month%3 == 1 && r.To == party.MonthOf(r.From.First().AddMonths(2)):
		return r.From.QuarterOfMonth(), "quarter"
	case r.From.Month == time.January && r.To.Month == time.December && r.From.Year == r.To.Year:
		return r.From, "year"
	}
	return party.Period{}, ""
}

var (
	reYear       = regexp.MustCompile(`^(\d{4})$`)
	reMonthVN    = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	reQuarterISO = regexp.MustCompile(`^(\d{4})\s*-\s*[Qq]([1-4])$`)
	reQuarterVN  = regexp.MustCompile(`^(?i:q|quý)\s*([1-4]|I|II|III|IV)\s*[/.\-]\s*(\d{4})$`)
	reMonthISO   = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
)

var romans = map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "II": 2, "III": 3, "IV": 4}

// ParseBound reads one end of a range as people type it: a day
// (2026-06-15, 15/06/2026), a month (2026-06, 06/2026, 6/2026), a quarter
// (2026-Q2, Q2/2026, quý II/2026) or a year (2026). The start of a range
// takes the first month of a quarter or year, the end (end=true) the last.
func ParseBound(s string, end bool) (party.Period, error) {
	s = strings.TrimSpace(s)
	year := func(v string) (int, bool) {
		y, err := strconv.Atoi(v)
		return y, err == nil && y >= 1930 && y <= 2200
	}
	pick := func(first, last party.Period) party.Period {
		if end {
			return last
		}
		return first
	}
	switch {
	case s == "":
		return party.Period{}, party.Invalid("oversight.period.empty")
	case reYear.MatchString(s):
		if y, ok := year(s); ok {
			return pick(party.MonthPeriod(y, time.January), party.MonthPeriod(y, time.December)), nil
		}
	case reQuarterISO.MatchString(s):
		m := reQuarterISO.FindStringSubmatch(s)
		if y, ok := year(m[1]); ok {
			q := Quarter(party.QuarterPeriod(y, romans[m[2]]))
			return pick(q.From, q.To), nil
		}
	case reQuarterVN.MatchString(s):
		m := reQuarterVN.FindStringSubmatch(s)
		if y, ok := year(m[2]); ok {
			q := Quarter(party.QuarterPeriod(y, romans[strings.ToUpper(m[1])]))
			return pick(q.From, q.To), nil
		}
	case reMonthISO.MatchString(s):
		m := reMonthISO.FindStringSubmatch(s)
		mon, _ := strconv.Atoi(m[2])
		if y, ok := year(m[1]); ok && mon >= 1 && mon <= 12 {
			return party.MonthPeriod(y, time.Month(mon)), nil
		}
	case reMonthVN.MatchString(s):
		m := reMonthVN.FindStringSubmatch(s)
		mon, _ := strconv.Atoi(m[1])
		if y, ok := year(m[2]); ok && mon >= 1 && mon <= 12 {
			return party.MonthPeriod(y, time.Month(mon)), nil
		}
	default:
		if d, err := party.ParseVN(s); err == nil && !d.IsZero() {
			return party.MonthOf(d), nil
		}
	}
	return party.Period{}, party.Invalid("oversight.period.invalid", s)
}

// ParseRange reads the from and to of a request; both empty mean the
// current year. A range whose end is before its start, or longer than ten
// years, is refused with the numbers, beside the field concerned.
func ParseRange(from, to string, today party.Date) (Range, error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" && to == "" {
		return Year(today.Year()), nil
	}
	f := party.FieldErrors{}
	var r Range
	var err error
	switch {
	case from == "":
		// Only an end: the year up to it.
		if r.To, err = ParseBound(to, true); err == nil {
			r.From = party.MonthPeriod(r.To.Year, time.January)
		}
		addErr(f, "to", err)
	case to == "":
		// Only a start: through the same period's end (a month, quarter
		// or year typed alone is that period).
		if r.From, err = ParseBound(from, false); err == nil {
			r.To, _ = ParseBound(from, true)
		}
		addErr(f, "from", err)
	default:
		r.From, err = ParseBound(from, false)
		addErr(f, "from", err)
		var err2 error
		r.To, err2 = ParseBound(to, true)
		addErr(f, "to", err2)
	}
	if len(f) > 0 {
		return Range{}, fieldsErr(f)
	}
	if r.To.First().Before(r.From.First()) {
		f.Add("to", "oversight.period.reversed", r.From, r.To)
		return Range{}, fieldsErr(f)
	}
	if n := r.Len(); n > MaxRangeMonths {
		f.Add("to", "oversight.period.too_long", n, MaxRangeMonths)
		return Range{}, fieldsErr(f)
	}
	return r, nil
}

// fieldsErr is an invalid-input error whose main message is the first
// field's (an API client reads the reason without looking at fields).
func fieldsErr(f party.FieldErrors) error {
	for _, k := range []string{"from", "to", "on_time", "thematic", "attendance", "tot", "flags", "number", "decided_on", "form", "units", "unit", "kind", "rating", "year"} {
		if m, ok := f[k]; ok {
			return &party.Error{Code: party.EInvalid, Msg: m, Fields: f}
		}
	}
	return f.Err()
}

func addErr(f party.FieldErrors, field string, err error) {
	if err == nil {
		return
	}
	if e, ok := party.AsError(err); ok {
		f.Add(field, e.Msg.Key, e.Msg.Args...)
	}
}
