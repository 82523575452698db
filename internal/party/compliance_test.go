package party

import (
	"testing"
	"time"
)

// DOMAIN.md §10: "Compliance of a cell for a month: regular meeting held in
// the month (on time), late, or missing".
func TestRegularCompliance_OnTimeLateMissing(t *testing.T) {
	june := MonthPeriod(2026, time.June)
	cases := []struct {
		name   string
		held   []Date
		today  Date
		status RegularStatus
	}{
		{"held on the 5th", []Date{D(2026, time.June, 5)}, D(2026, time.June, 20), DungHan},
		{"held on the last day", []Date{D(2026, time.June, 30)}, D(2026, time.July, 10), DungHan},
		{"held in July for June", []Date{D(2026, time.July, 3)}, D(2026, time.July, 10), TreHan},
		{"late and on time: on time wins", []Date{D(2026, time.July, 3), D(2026, time.June, 28)}, D(2026, time.July, 10), DungHan},
		{"none, June not over", nil, D(2026, time.June, 30), ChuaDenHan},
		{"none, June over", nil, D(2026, time.July, 1), KhongHop},
		{"a planned date is not a meeting held", []Date{D(2026, time.June, 25)}, D(2026, time.June, 20), ChuaDenHan},
		{"planned in July, June over", []Date{D(2026, time.July, 15)}, D(2026, time.July, 10), KhongHop},
	}
	for _, c := range cases {
		if got := RegularCompliance(june, c.held, c.today); got != c.status {
			t.Errorf("%s: %q, want %q", c.name, got, c.status)
		}
	}
}

// DOMAIN.md §4: thematic "at least once per calendar quarter"; §10: "for a
// quarter: thematic meeting held or missing".
func TestThematicCompliance_OncePerQuarter(t *testing.T) {
	q2 := QuarterPeriod(2026, 2)
	cases := []struct {
		name   string
		held   int
		today  Date
		status ThematicStatus
	}{
		{"held", 1, D(2026, time.May, 1), ThematicHeld},
		{"none yet, quarter running", 0, D(2026, time.June, 30), ThematicNotDue},
		{"none, quarter over", 0, D(2026, time.July, 1), ThematicMissing},
	}
	for _, c := range cases {
		if got := ThematicCompliance(q2, c.held, c.today); got != c.status {
			t.Errorf("%s: %q, want %q", c.name, got, c.status)
		}
	}
}

// DOMAIN.md §4: a thematic meeting "does not replace that month's regular
// meeting; a combined session counts for both only when the rule set
// allows it".
func TestCountsFor_CombinedSession(t *testing.T) {
	rs := DefaultRuleSets()[0]
	allow := rs
	allow.CombinedCountsForBoth = true
	cases := []struct {
		name              string
		rs                RuleSet
		kind              MeetingKind
		combined          bool
		regular, thematic bool
	}{
		{"regular", rs, ThuongKy, false, true, false},
		{"thematic does not replace the regular meeting", rs, ChuyenDe, false, false, true},
		{"combined, not allowed: counts as recorded", rs, ChuyenDe, true, false, true},
		{"combined, allowed: counts for both", allow, ThuongKy, true, true, true},
		{"extraordinary counts for neither", allow, BatThuong, true, false, false},
	}
	for _, c := range cases {
		r, th := CountsFor(c.rs, c.kind, c.combined)
		if r != c.regular || th != c.thematic {
			t.Errorf("%s: %v %v, want %v %v", c.name, r, th, c.regular, c.thematic)
		}
	}
}

// DOMAIN.md §8: "Hoàn thành xuất sắc nhiệm vụ (≥ 90 points), Hoàn thành tốt
// nhiệm vụ (70–89), Hoàn thành nhiệm vụ (50–69), Không hoàn thành nhiệm vụ
// (< 50)".
func TestRatingForScore_Bands(t *testing.T) {
	cases := []struct {
		score float64
		want  YearRating
	}{
		{100, HoanThanhXuatSac}, {90, HoanThanhXuatSac}, {89.9, HoanThanhTot}, {70, HoanThanhTot},
		{69.5, HoanThanh}, {50, HoanThanh}, {49.9, KhongHoanThanh}, {0, KhongHoanThanh},
	}
	for _, c := range cases {
		if got := RatingForScore(c.score); got != c.want {
			t.Errorf("RatingForScore(%v) = %q, want %q", c.score, got, c.want)
		}
	}
}
