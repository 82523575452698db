package party

import (
	"errors"
	"testing"
	"time"
)

// The cell of most tests, the other cell members come from or go to, and
// the meeting day.
const (
	cell      int64 = 10
	otherCell int64 = 20
)

var meetingDay = D(2026, time.June, 5)

// fullMember is a full member (đảng viên chính thức) of the cell.
func fullMember(id int64, name string) MemberHistory {
	return MemberHistory{Member: Member{
		ID: id, OrgID: cell, FullName: name,
		JoinedOn: D(2010, time.March, 3), OfficialOn: D(2011, time.March, 3),
	}}
}

// probationaryMember joined in January 2026 (đảng viên dự bị).
func probationaryMember(id int64, name string) MemberHistory {
	return MemberHistory{Member: Member{ID: id, OrgID: cell, FullName: name, JoinedOn: D(2026, time.January, 10)}}
}

// withState gives h a state over the whole of 2026.
func withState(h MemberHistory, k StateKind, host int64) MemberHistory {
	h.States = append(h.States, DatedState{
		MemberID: h.Member.ID, Kind: k, From: D(2026, time.January, 1), Until: D(2026, time.December, 31), HostOrgID: host,
	})
	return h
}

// homeIn moves h's home cell.
func homeIn(h MemberHistory, org int64) MemberHistory {
	h.Member.OrgID = org
	return h
}

// The members of the standard cell, one of each kind a secretary meets.
const (
	idAn    int64 = 1  // full
	idBinh  int64 = 2  // full
	idCuong int64 = 3  // full
	idDung  int64 = 4  // probationary
	idEm    int64 = 5  // full, exempt (miễn sinh hoạt)
	idGiang int64 = 6  // full, temporarily in another cell
	idHai   int64 = 7  // full, home elsewhere, temporarily in this cell
	idHoa   int64 = 8  // full, suspended
	idKhanh int64 = 9  // full, detained
	idLan   int64 = 10 // full
)

func standardCell() []MemberHistory {
	return []MemberHistory{
		fullMember(idAn, "Nguyễn Văn An"),
		fullMember(idBinh, "Trần Thị Bình"),
		fullMember(idCuong, "Lê Văn Cường"),
		probationaryMember(idDung, "Phạm Thị Dung"),
		withState(fullMember(idEm, "Hoàng Văn Em"), Mien, 0),
		withState(fullMember(idGiang, "Vũ Thị Giang"), TamThoi, otherCell),
		withState(homeIn(fullMember(idHai, "Đặng Văn Hải"), otherCell), TamThoi, cell),
		withState(fullMember(idHoa, "Bùi Thị Hoa"), DinhChi, 0),
		withState(fullMember(idKhanh, "Đỗ Văn Khánh"), TamGiam, 0),
		fullMember(idLan, "Ngô Thị Lan"),
	}
}

func standardRoll() []Participant { return Summoned(cell, meetingDay, standardCell()) }

// marks builds roll-call entries; an excused absence gets a reason.
func marks(m map[int64]AttendanceStatus) map[int64]Entry {
	out := make(map[int64]Entry, len(m))
	for id, s := range m {
		e := Entry{MemberID: id, Status: s}
		if s == VangCoLyDo {
			e.Reason = "Ốm"
		}
		out[id] = e
	}
	return out
}

// bigCell is a cell of n full members with ids 1..n, and the roll.
func bigCell(n int) []Participant {
	hs := make([]MemberHistory, n)
	for i := range hs {
		hs[i] = fullMember(int64(i+1), "Đảng Viên "+string(rune('A'+i%26))+itoa64(int64(i)))
	}
	return Summoned(cell, meetingDay, hs)
}

// presentFirst marks the first k members of ps present, and the rest
// absent without reason.
func presentFirst(ps []Participant, k int) map[int64]Entry {
	m := map[int64]AttendanceStatus{}
	for i, p := range ps {
		if i < k {
			m[p.MemberID] = CoMat
		} else {
			m[p.MemberID] = VangKhongLyDo
		}
	}
	return marks(m)
}

func defaultRules(t testing.TB) RuleSet {
	t.Helper()
	rs, ok := RuleSetOn(DefaultRuleSets(), meetingDay)
	if !ok {
		t.Fatal("no rule set in force on the meeting day")
	}
	return rs
}

// wantError checks that err is a party error with the code and key.
func wantError(t *testing.T, err error, code Code, key string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want %s %s", err, code, key)
	}
	if e.Code != code || e.Msg.Key != key {
		t.Fatalf("error = %s %s %v, want %s %s", e.Code, e.Msg.Key, e.Msg.Args, code, key)
	}
	return e
}

func keysOf(ms []Msg) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Key
	}
	return out
}
