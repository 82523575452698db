package party

// RegularStatus is a cell's compliance with the regular meeting of one
// month (DOMAIN.md §10).
type RegularStatus string

const (
	DungHan    RegularStatus = "dung_han"     // đúng hạn: held in its month
	TreHan     RegularStatus = "tre_han"      // trễ hạn: held after its month
	KhongHop   RegularStatus = "khong_hop"    // không họp: none, and the month is over
	ChuaDenHan RegularStatus = "chua_den_han" // chưa đến hạn: none yet, the month is not over
)

// Label is the status's name for people.
func (s RegularStatus) Label() Msg {
	switch s {
	case DungHan:
		return M("rules.compliance.dung_han")
	case TreHan:
		return M("rules.compliance.tre_han")
	case KhongHop:
		return M("rules.compliance.khong_hop")
	}
	return M("rules.compliance.chua_den_han")
}

// Outcome is what happened to a month's regular meeting, whatever today
// is: held in time, held late, or not held (yet). Oversight stores it and
// turns it into a status with ComplianceOf, so the figures kept never go
// stale as days pass.
type Outcome string

const (
	OutcomeOnTime Outcome = "on_time"
	OutcomeLate   Outcome = "late"
	OutcomeNone   Outcome = "none"
)

// RegularOutcome judges the meetings held for month: held in the month (or
// early, before it) is on time; held only after it is late. heldOn are
// the dates of meetings actually held.
func RegularOutcome(month Period, heldOn []Date) Outcome {
	late := false
	for _, d := range heldOn {
		switch {
		case d.IsZero():
		case !d.After(month.Last()):
			return OutcomeOnTime
		default:
			late = true
		}
	}
	if late {
		return OutcomeLate
	}
	return OutcomeNone
}

// ComplianceOf is the status of a month's outcome on day today: a month
// with no meeting is "missing" once it is over, "not yet due" before.
func ComplianceOf(month Period, o Outcome, today Date) RegularStatus {
	switch o {
	case OutcomeOnTime:
		return DungHan
	case OutcomeLate:
		return TreHan
	}
	if today.After(month.Last()) {
		return KhongHop
	}
	return ChuaDenHan
}

// RegularCompliance says whether the regular meeting due for month was
// held on time: "regular meeting held in the month (on time), late, or
// missing" (DOMAIN.md §10). heldOn are the dates of the meetings held for
// that month; dates after today are plans and are ignored. A meeting held
// early, before its month, meets the obligation like one held in it.
func RegularCompliance(month Period, heldOn []Date, today Date) RegularStatus {
	var held []Date
	for _, d := range heldOn {
		if !d.IsZero() && !d.After(today) {
			held = append(held, d)
		}
	}
	return ComplianceOf(month, RegularOutcome(month, held), today)
}

// ThematicStatus is a cell's compliance with the thematic meeting of one
// quarter (DOMAIN.md §10).
type ThematicStatus string

const (
	ThematicHeld    ThematicStatus = "da_hop"       // đã họp
	ThematicMissing ThematicStatus = "khong_hop"    // không họp: the quarter is over
	ThematicNotDue  ThematicStatus = "chua_den_han" // chưa đến hạn
)

// Label is the status's name for people.
func (s ThematicStatus) Label() Msg {
	switch s {
	case ThematicHeld:
		return M("rules.compliance.thematic.da_hop")
	case ThematicMissing:
		return M("rules.compliance.thematic.khong_hop")
	}
	return M("rules.compliance.thematic.chua_den_han")
}

// ThematicCompliance says whether the quarter's thematic meeting was held:
// "at least once per calendar quarter" (DOMAIN.md §4). held counts the
// thematic meetings of the quarter, combined sessions only where CountsFor
// allows.
func ThematicCompliance(quarter Period, held int, today Date) ThematicStatus {
	switch {
	case held > 0:
		return ThematicHeld
	case today.After(quarter.Last()):
		return ThematicMissing
	}
	return ThematicNotDue
}

// CountsFor says which obligations a meeting meets. A thematic meeting
// "does not replace that month's regular meeting; a combined session
// counts for both only when the rule set allows it, and is flagged in
// oversight" (DOMAIN.md §4): without the setting, a combined session
// counts only as the kind it was recorded as.
func CountsFor(rs RuleSet, k MeetingKind, combined bool) (regular, thematic bool) {
	regular, thematic = k == ThuongKy, k == ChuyenDe
	if combined && rs.CombinedCountsForBoth && (regular || thematic) {
		return true, true
	}
	return regular, thematic
}

// YearRating is the year-end rating of an organization or a member
// (DOMAIN.md §8).
type YearRating string

const (
	HoanThanhXuatSac YearRating = "hoan_thanh_xuat_sac" // Hoàn thành xuất sắc nhiệm vụ, ≥ 90 points
	HoanThanhTot     YearRating = "hoan_thanh_tot"      // Hoàn thành tốt nhiệm vụ, 70–89
	HoanThanh        YearRating = "hoan_thanh"          // Hoàn thành nhiệm vụ, 50–69
	KhongHoanThanh   YearRating = "khong_hoan_thanh"    // Không hoàn thành nhiệm vụ, < 50
)

// YearRatings lists the ratings from best to worst.
var YearRatings = []YearRating{HoanThanhXuatSac, HoanThanhTot, HoanThanh, KhongHoanThanh}

// Label is the rating's name for people.
func (r YearRating) Label() Msg {
	switch r {
	case HoanThanhXuatSac:
		return M("rules.year_rating.hoan_thanh_xuat_sac")
	case HoanThanhTot:
		return M("rules.year_rating.hoan_thanh_tot")
	case HoanThanh:
		return M("rules.year_rating.hoan_thanh")
	}
	return M("rules.year_rating.khong_hoan_thanh")
}

// RatingForScore proposes the year-end rating for a score on the 100-point
// scale (Quy định 366-QĐ/TW, DOMAIN.md §8); people decide. A score of
// 89.5 is not 90: the bands are "≥ 90", "70–89", "50–69", "< 50".
func RatingForScore(score float64) YearRating {
	switch {
	case score >= 90:
		return HoanThanhXuatSac
	case score >= 70:
		return HoanThanhTot
	case score >= 50:
		return HoanThanh
	}
	return KhongHoanThanh
}
