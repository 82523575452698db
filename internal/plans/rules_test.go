package plans

import (
	"strings"
	"testing"
	"time"

	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
)

// DOMAIN.md §10: a plan's indicators are shares "the software measures
// from data": each indicator of the catalogue reads its part of the kept
// figures, and a share with nothing due has no value (not 0%).
func TestEachIndicatorMeasuresItsShare(t *testing.T) {
	f := Figures{
		Totals: oversight.Totals{Cells: 12, OnTime: 8, Late: 2, Missing: 2, Present: 90, Required: 100, Tot: 3, Kha: 5, TB: 1, Kem: 1,
			Complete: 9, Signed: 6, ThematicHeld: 3, ThematicMissing: 1},
		Months:      Runs{Due: 4, Kept: 3},
		Quarters:    Runs{Due: 4, Kept: 2},
		Secretaries: 5, Trained: 4,
		Reached: 200, Acked: 150,
	}
	cases := []struct {
		code string
		n, d int
	}{
		{EveryMonth, 3, 4},       // cells that missed no month ÷ cells with a month due
		{EveryQuarter, 2, 4},     // cells with a thematic meeting every quarter due
		{Attendance, 90, 100},    // present ÷ required at the meetings held
		{GradedTot, 3, 10},       // graded Tốt ÷ held (on time or late)
		{OnTime, 8, 12},          // on time ÷ months due (on time, late, missing)
		{MinutesComplete, 9, 10}, // complete ÷ held
		{MinutesSigned, 6, 10},   // signed ÷ held
		{SecretariesTrained, 4, 5},
		{DocumentsAcked, 150, 200},
	}
	if len(cases) != len(Catalogue) {
		t.Fatalf("the test covers %d indicators, the catalogue has %d", len(cases), len(Catalogue))
	}
	for _, c := range cases {
		r := ValueOf(c.code, f)
		if !r.Known || r.N != c.n || r.D != c.d || r.Value != float64(c.n)/float64(c.d) {
			t.Errorf("%s = %+v, want %d/%d", c.code, r, c.n, c.d)
		}
		if r := ValueOf(c.code, Figures{}); r.Known {
			t.Errorf("%s with nothing due = %+v, want no value", c.code, r)
		}
	}
	if r := ValueOf("khong_co", f); r.Known {
		t.Errorf("an unknown indicator measured %+v", r)
	}
}

// Every indicator shows users a name, a definition and a chart label, in
// both languages; every status has its words.
func TestIndicatorsAndStatusesHaveTheirWords(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, in := range Catalogue {
			for _, k := range []string{NameKey(in.Code), DefKey(in.Code), ShortKey(in.Code)} {
				if _, ok := i18n.Keys(l)[k]; !ok {
					t.Errorf("%s: %q missing", l, k)
				}
			}
		}
		for _, s := range Statuses {
			if _, ok := i18n.Keys(l)[s.Label().Key]; !ok {
				t.Errorf("%s: %q missing", l, s.Label().Key)
			}
		}
	}
}

// Issue 5: "indicator targets outside 0–100%: a clear message, no 500";
// targets are typed the Vietnamese way (92,5) or the English way (92.5).
func TestTargetsAreReadAsPeopleTypeThem(t *testing.T) {
	cases := []struct {
		in      string
		want    Target
		has     bool
		errKey  string
		errText string
	}{
		{"95", 950, true, "", ""},
		{"92,5", 925, true, "", ""},
		{"92.5", 925, true, "", ""},
		{" 100 % ", 1000, true, "", ""},
		{"0", 0, true, "", ""},
		{"33,33", 333, true, "", ""},
		{"", 0, false, "", ""},
		{"   ", 0, false, "", ""},
		{"120", 0, false, "plan.target.range", "Mục tiêu 120% nằm ngoài khoảng 0–100%"},
		{"120%", 0, false, "plan.target.range", "Mục tiêu 120% nằm ngoài khoảng 0–100%"},
		{"-1", 0, false, "plan.target.range", "Mục tiêu -1% nằm ngoài khoảng 0–100%"},
		{"100,1", 0, false, "plan.target.range", ""},
		{"chín mươi", 0, false, "plan.target.not_number", "Mục tiêu “chín mươi” không phải là số"},
		{"9O", 0, false, "plan.target.not_number", ""},
		{"1e2", 0, false, "plan.target.not_number", ""},
	}
	for _, c := range cases {
		got, has, msg := ParseTarget(c.in)
		switch {
		case c.errKey != "":
			if msg == nil || msg.Key != c.errKey {
				t.Errorf("ParseTarget(%q) = %v %v %v, want %s", c.in, got, has, msg, c.errKey)
			} else if c.errText != "" && !strings.Contains(i18n.Msg(i18n.VI, *msg), c.errText) {
				t.Errorf("ParseTarget(%q) says %q, want %q", c.in, i18n.Msg(i18n.VI, *msg), c.errText)
			}
		case msg != nil || got != c.want || has != c.has:
			t.Errorf("ParseTarget(%q) = %v %v %v, want %v %v", c.in, got, has, msg, c.want, c.has)
		}
	}
	for _, tt := range []Target{0, 5, 925, 950, 1000} {
		if back, _, _ := ParseTarget(FormatTarget(tt)); back != tt {
			t.Errorf("FormatTarget(%d) = %q reads back as %d", tt, FormatTarget(tt), back)
		}
	}
}

// A year's target is judged when the year is over: met when the value, as
// shown to a tenth of a percent, reaches it; before, the year is in
// progress whatever the value so far.
func TestAYearsTargetIsJudgedWhenTheYearIsOver(t *testing.T) {
	v := func(x float64) oversight.Rate { return oversight.Rate{Value: x, Known: true, N: 1, D: 1} }
	cases := []struct {
		name          string
		target        Target
		has           bool
		value         oversight.Rate
		started, over bool
		want          Status
	}{
		{"a future year", 950, true, oversight.Rate{}, false, false, NotStarted},
		{"no target for the year", 0, false, v(0.99), true, true, NoTarget},
		{"nothing fell due", 950, true, oversight.Rate{}, true, true, NoData},
		{"the year is running, above target", 950, true, v(0.99), true, false, InProgress},
		{"the year is running, below target", 950, true, v(0.50), true, false, InProgress},
		{"over and reached", 950, true, v(0.96), true, true, Met},
		{"over, exactly the target", 950, true, v(0.95), true, true, Met},
		{"94,96% shows as 95,0% and meets 95%", 950, true, v(0.9496), true, true, Met},
		{"94,94% shows as 94,9% and does not", 950, true, v(0.9494), true, true, NotMet},
		{"over and below", 950, true, v(0.80), true, true, NotMet},
		{"a target of 0% is met by anything measured", 0, true, v(0), true, true, Met},
	}
	for _, c := range cases {
		if got := Judge(c.target, c.has, c.value, c.started, c.over); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	today := party.D(2026, time.June, 15)
	for y, want := range map[int][2]bool{2025: {true, true}, 2026: {true, false}, 2027: {false, false}} {
		if s, o := YearState(y, today); [2]bool{s, o} != want {
			t.Errorf("YearState(%d) = %v %v, want %v", y, s, o, want)
		}
	}
}

// A plan: number and title required, a roadmap of at most ten years
// within 2000–2100, at least one indicator, each target a percentage for
// a year of the roadmap. Every message sits beside its field.
func TestPlanValidation(t *testing.T) {
	good := func() Input {
		return Input{OrgID: 1, Number: "11-ĐA/TU", Title: "Nâng cao chất lượng sinh hoạt chi bộ", YearFrom: 2024, YearTo: 2028,
			Indicators: []IndicatorInput{{Code: Attendance, Targets: map[int]string{2024: "90", 2025: "92,5", 2026: ""}}, {Code: EveryMonth, Targets: map[int]string{2026: "100"}}}}
	}
	c, f := Check(good())
	if len(f) != 0 {
		t.Fatalf("a good plan is refused: %v", f)
	}
	if len(c.Indicators) != 2 || c.Indicators[0] != EveryMonth || c.Targets[Attendance][2025] != 925 || len(c.Targets[Attendance]) != 2 {
		t.Errorf("checked %+v: want the catalogue's order and the targets typed", c)
	}
	cases := []struct {
		name  string
		edit  func(*Input)
		field string
		key   string
	}{
		{"no number", func(in *Input) { in.Number = "  " }, "number", "plan.number.required"},
		{"no title", func(in *Input) { in.Title = "" }, "title", "plan.title.required"},
		{"a year before 2000", func(in *Input) { in.YearFrom = 1999 }, "year_from", "plan.year.invalid"},
		{"end before start", func(in *Input) { in.YearFrom, in.YearTo = 2028, 2024 }, "year_to", "plan.year.reversed"},
		{"more than ten years", func(in *Input) { in.YearFrom, in.YearTo = 2020, 2030 }, "year_to", "plan.year.too_long"},
		{"no indicator", func(in *Input) { in.Indicators = nil }, "indicators", "plan.indicator.none"},
		{"an indicator not in the catalogue", func(in *Input) { in.Indicators[0].Code = "so_dang_vien" }, "indicators", "plan.indicator.unknown"},
		{"target 120%", func(in *Input) { in.Indicators[0].Targets[2024] = "120" }, "target.attendance.2024", "plan.target.range"},
		{"target -1", func(in *Input) { in.Indicators[0].Targets[2025] = "-1" }, "target.attendance.2025", "plan.target.range"},
		{"target not a number", func(in *Input) { in.Indicators[0].Targets[2025] = "cao" }, "target.attendance.2025", "plan.target.not_number"},
		{"target for a year outside the roadmap", func(in *Input) { in.Indicators[1].Targets[2031] = "90" }, "target.every_month.2031", "plan.target.outside"},
	}
	for _, c := range cases {
		in := good()
		c.edit(&in)
		_, f := Check(in)
		m, ok := f[c.field]
		if !ok || m.Key != c.key {
			t.Errorf("%s: fields %v, want %s: %s", c.name, f, c.field, c.key)
			continue
		}
		e, _ := party.AsError(Err(f))
		if e == nil || e.Code != party.EInvalid || e.Msg.Key != c.key {
			t.Errorf("%s: error %v does not lead with the field's message", c.name, e)
		}
		if s := i18n.Msg(i18n.VI, m); strings.Contains(s, "{") || s == m.Key {
			t.Errorf("%s: message %q does not render", c.name, s)
		}
	}
	// Years are written without a thousands separator.
	in := good()
	in.YearFrom, in.YearTo = 2028, 2024
	_, f = Check(in)
	if s := i18n.Msg(i18n.VI, f["year_to"]); !strings.Contains(s, "(2024)") || !strings.Contains(s, "(2028)") {
		t.Errorf("reversed years: %q", s)
	}
}

func TestSplitYearsCutsARangeAtTheEndsOfYears(t *testing.T) {
	r := oversight.Range{From: party.MonthPeriod(2024, time.July), To: party.MonthPeriod(2026, time.March)}
	got := SplitYears(r)
	want := []YearPart{
		{2024, oversight.Range{From: party.MonthPeriod(2024, 7), To: party.MonthPeriod(2024, 12)}},
		{2025, oversight.Year(2025)},
		{2026, oversight.Range{From: party.MonthPeriod(2026, 1), To: party.MonthPeriod(2026, 3)}},
	}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestChildOnPath(t *testing.T) {
	for _, c := range []struct {
		path string
		org  int64
		want int64
	}{
		{"/1/5/23/", 1, 5}, {"/1/5/23/", 5, 23}, {"/1/5/23/", 23, 0}, {"/1/5/23/", 7, 0}, {"/15/230/", 5, 0},
	} {
		if got := childOnPath(c.path, c.org); got != c.want {
			t.Errorf("childOnPath(%q, %d) = %d, want %d", c.path, c.org, got, c.want)
		}
	}
}
