package party

import (
	"slices"
)

// AttendanceRecord is one line of a member's attendance history.
type AttendanceRecord struct {
	Date         Date
	Kind         MeetingKind
	Status       AttendanceStatus // empty: not marked (exempt, temporarily elsewhere…)
	DuesPaid     bool
	DuesRecorded bool // dues were collected at this meeting, so DuesPaid means something
}

// Severity of a warning, for its colour on screen.
const (
	SeverityInfo   = "info"
	SeverityWarn   = "warn"
	SeverityDanger = "danger"
)

// Kinds of warnings (DOMAIN.md §9).
const (
	WarnExcusedStreak    = "excused_streak"    // vắng có lý do nhiều kỳ liên tiếp
	WarnUnexcused        = "unexcused_absence" // vắng không lý do
	WarnUnpaidDues       = "unpaid_dues"       // không đóng đảng phí
	WarnProbationEnding  = "probation_ending"  // sắp hết thời gian dự bị
	WarnProbationOverdue = "probation_overdue" // quá hạn xét chuyển đảng viên chính thức
	WarnTransferEnding   = "transfer_ending"   // sắp hết thời hạn sinh hoạt tạm thời
	WarnCell             = "cell"              // a cell's leadership-by-size rule
)

// Warning is something the secretary should act on.
type Warning struct {
	MemberID int64 // 0 for a warning about the cell
	Kind     string
	Msg      Msg
	Severity string
}

// warnAhead is how far ahead endings are announced: "probation ending
// within 30 days; temporary transfer ending within 30 days" (DOMAIN.md §9).
const warnAhead = 30

// removalMonths is the Party Charter's "three months within a year" after
// which the cell considers removal (xóa tên); the warning comes one month
// earlier (DOMAIN.md §9: "warn at 2").
const removalMonths = 3

// MemberWarnings raises the member warnings of DOMAIN.md §9 as of today:
//   - "3 or more consecutive absences with reason within a year": counted
//     over regular meetings of the last 12 months;
//   - "absence without reason or unpaid dues for 3 months within a year:
//     the cell should consider removal (xóa tên); warn at 2": months of the
//     last 12 with an unexcused absence from any meeting, and months whose
//     dues were collected but not paid, are counted separately (the
//     Charter's "bỏ sinh hoạt hoặc không đóng đảng phí");
//   - probation ending within 30 days, or overdue: a probationary member
//     becomes eligible ProbationMonths after joining, and the cell votes on
//     full membership ("remind the secretary a month before");
//   - a temporary transfer ending within 30 days.
func MemberWarnings(h MemberHistory, records []AttendanceRecord, rs RuleSet, today Date) []Warning {
	s := StateOn(h, today)
	if !s.Active {
		return nil
	}
	id := h.Member.ID
	var out []Warning
	add := func(kind, severity string, m Msg) {
		out = append(out, Warning{MemberID: id, Kind: kind, Msg: m, Severity: severity})
	}

	recent := lastYear(records, today)
	if n := ExcusedStreak(recent); n >= rs.MaxConsecutiveExcused && rs.MaxConsecutiveExcused > 0 {
		sev := SeverityWarn
		if n > rs.MaxConsecutiveExcused {
			sev = SeverityDanger
		}
		add(WarnExcusedStreak, sev, M("rules.warn.excused_streak", n, rs.MaxConsecutiveExcused))
	}
	unexcused, unpaid := badMonths(recent)
	switch n := len(unexcused); {
	case n >= removalMonths:
		add(WarnUnexcused, SeverityDanger, M("rules.warn.unexcused_removal", n, monthList(unexcused)))
	case n == removalMonths-1:
		add(WarnUnexcused, SeverityWarn, M("rules.warn.unexcused", n, monthList(unexcused)))
	}
	switch n := len(unpaid); {
	case n >= removalMonths:
		add(WarnUnpaidDues, SeverityDanger, M("rules.warn.unpaid_dues_removal", n, monthList(unpaid)))
	case n == removalMonths-1:
		add(WarnUnpaidDues, SeverityWarn, M("rules.warn.unpaid_dues", n, monthList(unpaid)))
	}

	if s.Status == DuBi && !h.Member.JoinedOn.IsZero() && rs.ProbationMonths > 0 {
		due := h.Member.JoinedOn.AddMonths(rs.ProbationMonths)
		switch days := today.DaysUntil(due); {
		case days < 0:
			add(WarnProbationOverdue, SeverityDanger, M("rules.warn.probation_overdue", due, -days))
		case days <= warnAhead:
			add(WarnProbationEnding, SeverityWarn, M("rules.warn.probation_ending", due, days))
		}
	}

	for _, st := range h.States {
		if st.Kind != TamThoi || st.Until.IsZero() || !Contains(st.From, st.Until, today) {
			continue
		}
		if days := today.DaysUntil(st.Until); days <= warnAhead {
			add(WarnTransferEnding, SeverityInfo, M("rules.warn.transfer_ending", st.Until, days))
		}
	}
	return out
}

// lastYear keeps the records of the 12 months up to today, oldest first.
func lastYear(records []AttendanceRecord, today Date) []AttendanceRecord {
	from := today.AddMonths(-12)
	var out []AttendanceRecord
	for _, r := range records {
		if r.Date.After(from) && !r.Date.After(today) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b AttendanceRecord) int { return a.Date.Compare(b.Date) })
	return out
}

// ExcusedStreak is the longest run of regular meetings a member missed
// with a reason, in date order: the 12-HD criterion "nobody absent with
// reason more than 3 times in a row within the year". A meeting where the
// member was present or absent without reason breaks the run; one without
// a status (exempt, temporarily elsewhere) does not. Pass the records of
// the period to judge (MemberWarnings passes the last 12 months).
func ExcusedStreak(records []AttendanceRecord) int {
	rs := slices.Clone(records)
	slices.SortStableFunc(rs, func(a, b AttendanceRecord) int { return a.Date.Compare(b.Date) })
	run, best := 0, 0
	for _, r := range rs {
		if r.Kind != ThuongKy {
			continue
		}
		switch r.Status {
		case VangCoLyDo:
			run++
			best = max(best, run)
		case CoMat, VangKhongLyDo:
			run = 0
		}
	}
	return best
}

// badMonths lists the months with an unexcused absence, and the months
// whose dues were collected and not paid by the member at any meeting.
func badMonths(records []AttendanceRecord) (unexcused, unpaid []Period) {
	paid := map[Period]bool{}
	recorded := map[Period]bool{}
	for _, r := range records {
		p := MonthOf(r.Date)
		if r.Status == VangKhongLyDo && !slices.Contains(unexcused, p) {
			unexcused = append(unexcused, p)
		}
		if r.DuesRecorded {
			if !recorded[p] {
				recorded[p] = true
				unpaid = append(unpaid, p)
			}
			if r.DuesPaid {
				paid[p] = true
			}
		}
	}
	unpaid = slices.DeleteFunc(unpaid, func(p Period) bool { return paid[p] })
	return unexcused, unpaid
}

// monthList is the months as one message argument, "tháng 3/2026,
// tháng 5/2026", each period written in the reader's language.
func monthList(ps []Period) any {
	items := make([]any, len(ps))
	for i, p := range ps {
		items[i] = p
	}
	return listArg(items)
}

// CellCountsOn counts what the leadership-by-size rules need about cell
// cellID on day d: full and probationary home members, and who holds
// office. A cell committee exists when some member is chi ủy viên.
func CellCountsOn(cellID int64, d Date, hs []MemberHistory) CellCounts {
	var c CellCounts
	officers := 0
	for _, h := range hs {
		s := StateOn(h, d)
		if !s.Active || s.HomeOrgID != cellID {
			continue
		}
		if s.Status == ChinhThuc {
			c.Full++
		} else {
			c.Probationary++
		}
		if s.HasRole(BiThu) {
			c.HasSecretary = true
		}
		if s.HasRole(ChiUyVien) {
			c.HasCommittee = true
		}
		if s.HasRole(BiThu) || s.HasRole(PhoBiThu) || s.HasRole(ChiUyVien) {
			officers++
		}
	}
	if c.HasCommittee {
		c.CommitteeSize = officers
	}
	return c
}

// CellWarningsOn is CellWarnings (org.go) for cell cellID on day d, as
// warnings beside the member warnings: "cell with fewer than 3 full
// members, or 9+ full members and no committee" (DOMAIN.md §9).
func CellWarningsOn(cellID int64, d Date, hs []MemberHistory) []Warning {
	var out []Warning
	for _, m := range CellWarnings(CellCountsOn(cellID, d, hs)) {
		out = append(out, Warning{Kind: WarnCell, Msg: m, Severity: SeverityWarn})
	}
	return out
}
