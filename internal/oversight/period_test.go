package oversight_test

import (
	"testing"

	"chibo/internal/oversight"
	"chibo/internal/party"
)

var today = party.D(2026, 6, 15)

// A board officer types periods as they come: a month, a quarter, a year,
// a day; the dashboard counts whole months.
func TestParseRangeReadsPeriodsAsPeopleTypeThem(t *testing.T) {
	for _, tc := range []struct {
		name, from, to string
		want           string // from..to
	}{
		{"nothing: the current year", "", "", "2026-01..2026-12"},
		{"a year typed once", "2025", "", "2025-01..2025-12"},
		{"two years", "2024", "2026", "2024-01..2026-12"},
		{"a quarter, ISO", "2026-Q2", "", "2026-04..2026-06"},
		{"a quarter, the Vietnamese way", "quý II/2026", "", "2026-04..2026-06"},
		{"a quarter as Q2/2026", "Q2/2026", "Q3/2026", "2026-04..2026-09"},
		{"months, day first", "01/2026", "6/2026", "2026-01..2026-06"},
		{"months, ISO", "2026-01", "2026-06", "2026-01..2026-06"},
		{"days, dd/mm/yyyy", "05/01/2026", "15/06/2026", "2026-01..2026-06"},
		{"days, ISO", "2026-01-05", "2026-06-15", "2026-01..2026-06"},
		{"only an end: its year up to it", "", "2026-03", "2026-01..2026-03"},
		{"exactly ten years", "2017-01", "2026-12", "2017-01..2026-12"},
	} {
		r, err := oversight.ParseRange(tc.from, tc.to, today)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := r.From.String() + ".." + r.To.String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// Issue 5, bad input: "a period with the end before the start or spanning
// more than 10 years … a clear message, no 500" — beside the field.
func TestParseRangeRefusesBadPeriodsWithTheReason(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, field, key string
	}{
		{"end before start", "2026-06", "2026-01", "to", "oversight.period.reversed"},
		{"more than ten years", "2016-01", "2026-02", "to", "oversight.period.too_long"},
		{"not a period", "tháng sáu", "2026-06", "from", "oversight.period.invalid"},
		{"month 13", "2026-01", "13/2026", "to", "oversight.period.invalid"},
		{"a two-digit year", "01/06/26", "", "from", "oversight.period.invalid"},
		{"quarter 5", "2026-Q5", "", "from", "oversight.period.invalid"},
	} {
		_, err := oversight.ParseRange(tc.from, tc.to, today)
		e, ok := party.AsError(err)
		if !ok {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		if e.Code != party.EInvalid {
			t.Errorf("%s: code %s", tc.name, e.Code)
		}
		m, ok := e.Fields[tc.field]
		if !ok {
			t.Errorf("%s: no message beside %s: %+v", tc.name, tc.field, e.Fields)
			continue
		}
		if m.Key != tc.key {
			t.Errorf("%s: %s, want %s", tc.name, m.Key, tc.key)
		}
		if e.Msg.Key != m.Key {
			t.Errorf("%s: the main message %s is not the field's %s", tc.name, e.Msg.Key, m.Key)
		}
	}
	_, err := oversight.ParseRange("2016-01", "2026-02", today)
	e, _ := party.AsError(err)
	if args := e.Fields["to"].Args; len(args) != 2 || args[0] != 122 || args[1] != 120 {
		t.Errorf("too long: args %v, want the months and the limit", args)
	}
}

func TestRangeShiftAndWhole(t *testing.T) {
	q2 := oversight.Quarter(party.QuarterPeriod(2026, 2))
	if p, kind := q2.Whole(); kind != "quarter" || p != party.QuarterPeriod(2026, 2) {
		t.Errorf("Q2 whole: %v %s", p, kind)
	}
	if prev := q2.Shift(-1); prev != oversight.Quarter(party.QuarterPeriod(2026, 1)) {
		t.Errorf("before Q2: %v", prev)
	}
	if _, kind := oversight.Year(2026).Whole(); kind != "year" {
		t.Error("a year is whole")
	}
	if n := oversight.Year(2026).Shift(1).Len(); n != 12 {
		t.Errorf("next year %d months", n)
	}
}

// FuzzParseBound: whatever is typed, the parser answers a month or an
// error people can read, and never panics.
func FuzzParseBound(f *testing.F) {
	for _, s := range []string{"2026", "2026-06", "06/2026", "15/06/2026", "2026-Q2", "Q2/2026", "quý IV/2025", "", "13/2026", "2026-13", "99999", "Q/", "1/1/1"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, end bool) {
		p, err := oversight.ParseBound(s, end)
		if err != nil {
			if _, ok := party.AsError(err); !ok {
				t.Errorf("%q: not an error for people: %v", s, err)
			}
			return
		}
		if !p.IsMonth() || p.Year < 1930 || p.Year > 2200 {
			t.Errorf("%q: %v is not a month in range", s, p)
		}
	})
}
