package party

// MeetingKind is the kind of a cell meeting (DOMAIN.md §4).
type MeetingKind string

const (
	ThuongKy  MeetingKind = "thuong_ky"  // sinh hoạt thường kỳ: every cell, every calendar month
	ChuyenDe  MeetingKind = "chuyen_de"  // sinh hoạt chuyên đề: at least once per calendar quarter
	BatThuong MeetingKind = "bat_thuong" // sinh hoạt bất thường: when needed
)

// MeetingKinds lists the kinds in the order screens show them.
var MeetingKinds = []MeetingKind{ThuongKy, ChuyenDe, BatThuong}

func (k MeetingKind) Valid() bool {
	switch k {
	case ThuongKy, ChuyenDe, BatThuong:
		return true
	}
	return false
}

// Label is the kind's name for people ("thường kỳ").
func (k MeetingKind) Label() Msg {
	switch k {
	case ThuongKy:
		return M("rules.kind.thuong_ky")
	case ChuyenDe:
		return M("rules.kind.chuyen_de")
	case BatThuong:
		return M("rules.kind.bat_thuong")
	}
	return M("rules.kind.unknown", string(k))
}

// PeriodFor is the period whose obligation a meeting of kind k held on d
// meets: its month for a regular (and an extraordinary) meeting, its
// quarter for a thematic one ("at least once per calendar quarter").
func PeriodFor(k MeetingKind, d Date) Period {
	if k == ChuyenDe {
		return QuarterOf(d)
	}
	return MonthOf(d)
}

// MeetingStatus is where a meeting stands; it only moves forward.
type MeetingStatus string

const (
	DuKien     MeetingStatus = "du_kien"      // dự kiến: planned
	DaThongBao MeetingStatus = "da_thong_bao" // đã thông báo: members notified
	DaHop      MeetingStatus = "da_hop"       // đã họp: held, attendance taken
	DaKy       MeetingStatus = "da_ky"        // đã ký: minutes signed and locked
)

// MeetingStatuses lists the statuses in the order a meeting passes them.
var MeetingStatuses = []MeetingStatus{DuKien, DaThongBao, DaHop, DaKy}

func (s MeetingStatus) Valid() bool {
	switch s {
	case DuKien, DaThongBao, DaHop, DaKy:
		return true
	}
	return false
}

// Locked reports whether the minutes are signed: "a locked record never
// changes; corrections are amendments" (DOMAIN.md §6).
func (s MeetingStatus) Locked() bool { return s == DaKy }

// Label is the status's name for people.
func (s MeetingStatus) Label() Msg {
	switch s {
	case DuKien:
		return M("rules.meeting_status.du_kien")
	case DaThongBao:
		return M("rules.meeting_status.da_thong_bao")
	case DaHop:
		return M("rules.meeting_status.da_hop")
	case DaKy:
		return M("rules.meeting_status.da_ky")
	}
	return M("rules.meeting_status.unknown", string(s))
}
