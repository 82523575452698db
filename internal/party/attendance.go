package party

import (
	"slices"
	"strconv"

	"chibo/internal/vntext"
)

// AttendanceStatus is the one status a member gets at a meeting (điểm danh,
// DOMAIN.md §5).
type AttendanceStatus string

const (
	CoMat         AttendanceStatus = "co_mat"           // có mặt: present
	VangCoLyDo    AttendanceStatus = "vang_co_ly_do"    // vắng có lý do: absent with reason (the reason is required)
	VangKhongLyDo AttendanceStatus = "vang_khong_ly_do" // vắng không lý do: absent without reason
)

// AttendanceStatuses lists the statuses in the order of the roll-call toggles.
var AttendanceStatuses = []AttendanceStatus{CoMat, VangCoLyDo, VangKhongLyDo}

func (s AttendanceStatus) Valid() bool {
	switch s {
	case CoMat, VangCoLyDo, VangKhongLyDo:
		return true
	}
	return false
}

// Label is the status's name for people.
func (s AttendanceStatus) Label() Msg {
	switch s {
	case CoMat:
		return M("rules.attendance_status.co_mat")
	case VangCoLyDo:
		return M("rules.attendance_status.vang_co_ly_do")
	case VangKhongLyDo:
		return M("rules.attendance_status.vang_khong_ly_do")
	}
	return M("rules.attendance_status.unmarked")
}

// Label names a derived standing for people ("miễn sinh hoạt").
func (d Derived) Label() Msg {
	switch d {
	case DerivedExempt:
		return M("rules.derived.mien")
	case DerivedTempOut:
		return M("rules.derived.tam_thoi_noi_khac")
	case DerivedSuspended:
		return M("rules.derived.dinh_chi")
	case DerivedDetained:
		return M("rules.derived.tam_giam")
	}
	return M("rules.derived.none")
}

// Participant is one member on a meeting's roll: the member's state on the
// meeting's date and what the secretary may record.
type Participant struct {
	MemberID int64
	FullName string
	State    State
	TempIn   bool // registered temporarily in this cell, home elsewhere
	// Editable is false for members whose part is derived, not chosen:
	// temporarily elsewhere, suspended, detained. An exempt member is
	// editable only to be marked present.
	Editable bool
}

// Standing is the derived state that decides the participant's part in
// this meeting. A member registered temporarily in is an ordinary member
// here: their transfer is away from their home cell, not from this one.
func (p Participant) Standing() Derived {
	s := p.State
	if p.TempIn {
		s.TempOutTo = 0
	}
	return s.Derived()
}

// Summoned lists who belongs on the roll of cell cellID's meeting on day d
// (DOMAIN.md §3, "a meeting reads each member's state on the meeting's
// date"): home members active on d, including those exempt, temporarily
// elsewhere, suspended or detained (shown with their derived state), plus
// members registered temporarily in this cell ("members temporarily
// registered in this cell attend here"). Sorted in Vietnamese name order.
func Summoned(cellID int64, d Date, hs []MemberHistory) []Participant {
	type row struct {
		p   Participant
		key string
	}
	rows := make([]row, 0, len(hs))
	for _, h := range hs {
		s := StateOn(h, d)
		if !s.Active {
			continue
		}
		p := Participant{MemberID: h.Member.ID, FullName: h.Member.FullName, State: s}
		switch {
		case s.HomeOrgID == cellID && cellID != 0:
		case s.TempOutTo == cellID && cellID != 0:
			p.TempIn = true
		default:
			continue
		}
		switch p.Standing() {
		case DerivedNone, DerivedExempt:
			p.Editable = true
		}
		rows = append(rows, row{p, vntext.NameSortKey(p.FullName)})
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return cmpInt64(a.p.MemberID, b.p.MemberID)
	})
	out := make([]Participant, len(rows))
	for i, r := range rows {
		out[i] = r.p
	}
	return out
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Entry is what the secretary records for one member at a meeting. An
// empty Status means not marked yet.
type Entry struct {
	MemberID int64
	Status   AttendanceStatus
	Reason   string // required for VangCoLyDo
	DuesPaid bool   // đảng phí collected at this meeting
}

// Attendance is the roll-call summary of a meeting (DOMAIN.md §5, PRINT.md §6).
type Attendance struct {
	Total           int // members of the cell on the date: home members active, plus those registered temporarily in
	Required        int // Total minus temporarily elsewhere, exempt, suspended, detained
	Present         int // required members present
	Absent          int // AbsentExcused + AbsentUnexcused
	AbsentExcused   int
	AbsentUnexcused int

	Full          int // of Total, full members (chính thức)
	Probationary  int // of Total, probationary members (dự bị)
	TempIn        int // of Total, registered temporarily in this cell
	TempOut       int // registered temporarily in another cell
	Exempt        int // miễn sinh hoạt
	ExemptPresent int // exempt members who came: shown, not counted
	Suspended     int
	Detained      int

	Unmarked int     // required members without a status yet
	DuesPaid int     // members recorded as having paid dues at the meeting
	Rate     float64 // Present / Required, 0 when Required is 0
}

// Complete reports whether every required member has a status, so that
// "p + v = required members" holds (PRINT.md §6).
func (a Attendance) Complete() bool { return a.Unmarked == 0 }

// CountAttendance sums up the roll: "Attendance rate = present ÷ required,
// where required = members of the cell on the date (including those
// temporarily registered in, excluding those temporarily elsewhere) minus
// exempt, suspended and detained members. Exempt members who attend are
// shown, not counted" (DOMAIN.md §5). Entries for members not on the roll
// are ignored; ValidateAttendance refuses them.
func CountAttendance(ps []Participant, entries map[int64]Entry) Attendance {
	var a Attendance
	for _, p := range ps {
		a.Total++
		if p.State.Status == ChinhThuc {
			a.Full++
		} else {
			a.Probationary++
		}
		if p.TempIn {
			a.TempIn++
		}
		e, ok := entries[p.MemberID]
		if ok && e.DuesPaid {
			a.DuesPaid++
		}
		switch p.Standing() {
		case DerivedTempOut:
			a.TempOut++
		case DerivedSuspended:
			a.Suspended++
		case DerivedDetained:
			a.Detained++
		case DerivedExempt:
			a.Exempt++
			if e.Status == CoMat {
				a.ExemptPresent++
			}
		default:
			a.Required++
			switch e.Status {
			case CoMat:
				a.Present++
			case VangCoLyDo:
				a.AbsentExcused++
			case VangKhongLyDo:
				a.AbsentUnexcused++
			default:
				a.Unmarked++
			}
		}
	}
	a.Absent = a.AbsentExcused + a.AbsentUnexcused
	if a.Required > 0 {
		a.Rate = float64(a.Present) / float64(a.Required)
	}
	return a
}

// EntryMap indexes entries by member, the form CountAttendance, VotingBase
// and Tally take. Validate entries first: a later duplicate wins here.
func EntryMap(entries []Entry) map[int64]Entry {
	m := make(map[int64]Entry, len(entries))
	for _, e := range entries {
		m[e.MemberID] = e
	}
	return m
}

// ReasonField is the form field of an entry's reason: entries.<id>.reason.
func ReasonField(memberID int64) string {
	return "entries." + itoa64(memberID) + ".reason"
}

// ValidateAttendance checks a roll call before it is stored (DOMAIN.md §5):
// one status per member per meeting, only for members on the roll; a
// derived standing (temporarily elsewhere, suspended, detained) is not
// chosen; an exempt member "may still attend", so is present or not marked,
// never absent; "absent with reason (the reason is required)". Rule
// breaches come back as a RuleError naming the member; missing reasons as
// field errors keyed entries.<memberID>.reason.
func ValidateAttendance(ps []Participant, entries []Entry) error {
	byID := make(map[int64]Participant, len(ps))
	for _, p := range ps {
		byID[p.MemberID] = p
	}
	seen := make(map[int64]bool, len(entries))
	f := FieldErrors{}
	for _, e := range entries {
		p, ok := byID[e.MemberID]
		if !ok {
			return RuleError("rules.attendance.not_summoned", e.MemberID)
		}
		if seen[e.MemberID] {
			return RuleError("rules.attendance.duplicate", p.FullName)
		}
		seen[e.MemberID] = true
		if e.Status == "" {
			continue
		}
		if !e.Status.Valid() {
			return Invalid("rules.attendance.status_invalid", string(e.Status), p.FullName)
		}
		switch st := p.Standing(); {
		case !p.Editable:
			return RuleError("rules.attendance.not_editable", p.FullName, st.Label())
		case st == DerivedExempt && e.Status != CoMat:
			return RuleError("rules.attendance.exempt_absent", p.FullName)
		}
		if e.Status == VangCoLyDo && vntext.Clean(e.Reason) == "" {
			f.Add(ReasonField(e.MemberID), "rules.attendance.reason_required", p.FullName)
		}
	}
	return f.Err()
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
