package party

import (
	"slices"
	"testing"
	"time"
)

var warnToday = D(2026, time.June, 20)

// monthly builds one regular-meeting record per month, from the oldest
// status to the newest, the last in the month before warnToday's.
func monthly(statuses ...AttendanceStatus) []AttendanceRecord {
	var out []AttendanceRecord
	n := len(statuses)
	for i, s := range statuses {
		out = append(out, AttendanceRecord{Date: D(2026, time.June-time.Month(n-i), 5), Kind: ThuongKy, Status: s})
	}
	return out
}

func warningKinds(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Kind+"/"+w.Severity)
	}
	return out
}

// DOMAIN.md §9: "3 or more consecutive absences with reason within a year"
// (12-HD: "nobody absent with reason more than 3 times in a row").
func TestMemberWarnings_ConsecutiveExcusedAbsences(t *testing.T) {
	rs := defaultRules(t)
	h := fullMember(1, "Nguyễn Văn An")
	cases := []struct {
		name    string
		records []AttendanceRecord
		want    []string
	}{
		{"two in a row: nothing yet", monthly(CoMat, VangCoLyDo, VangCoLyDo), nil},
		{"three in a row: warn", monthly(CoMat, VangCoLyDo, VangCoLyDo, VangCoLyDo), []string{"excused_streak/warn"}},
		{"four in a row breaks the quality criterion", monthly(VangCoLyDo, VangCoLyDo, VangCoLyDo, VangCoLyDo), []string{"excused_streak/danger"}},
		{"present in between breaks the run", monthly(VangCoLyDo, VangCoLyDo, CoMat, VangCoLyDo, VangCoLyDo), nil},
		{"a thematic meeting does not break or extend the run", append(monthly(VangCoLyDo, VangCoLyDo, VangCoLyDo),
			AttendanceRecord{Date: D(2026, time.April, 20), Kind: ChuyenDe, Status: CoMat}), []string{"excused_streak/warn"}},
		{"older than 12 months does not count", []AttendanceRecord{
			{Date: D(2025, time.April, 5), Kind: ThuongKy, Status: VangCoLyDo},
			{Date: D(2025, time.May, 5), Kind: ThuongKy, Status: VangCoLyDo},
			{Date: D(2025, time.June, 5), Kind: ThuongKy, Status: VangCoLyDo},
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := warningKinds(MemberWarnings(h, c.records, rs, warnToday))
			if !slices.Equal(got, c.want) {
				t.Errorf("warnings = %v, want %v", got, c.want)
			}
		})
	}
}

// DOMAIN.md §9: "Absence without reason or unpaid dues for 3 months within
// a year: the cell should consider removal (xóa tên); warn at 2."
func TestMemberWarnings_RemovalAfterThreeMonths(t *testing.T) {
	rs := defaultRules(t)
	h := fullMember(1, "Nguyễn Văn An")
	dues := func(paid ...bool) []AttendanceRecord {
		var out []AttendanceRecord
		for i, p := range paid {
			out = append(out, AttendanceRecord{Date: D(2026, time.Month(1+i), 5), Kind: ThuongKy, Status: CoMat, DuesRecorded: true, DuesPaid: p})
		}
		return out
	}
	cases := []struct {
		name    string
		records []AttendanceRecord
		want    []string
		key     string
	}{
		{"one month absent without reason: nothing", monthly(CoMat, VangKhongLyDo, CoMat), nil, ""},
		{"two months absent without reason: warn", monthly(VangKhongLyDo, CoMat, VangKhongLyDo), []string{"unexcused_absence/warn"}, "rules.warn.unexcused"},
		{"three months absent without reason: consider removal", monthly(VangKhongLyDo, VangKhongLyDo, CoMat, VangKhongLyDo), []string{"unexcused_absence/danger"}, "rules.warn.unexcused_removal"},
		{"two absences in one month are one month", append(monthly(CoMat, VangKhongLyDo),
			AttendanceRecord{Date: D(2026, time.May, 25), Kind: BatThuong, Status: VangKhongLyDo}), nil, ""},
		{"dues unpaid two months: warn", dues(false, true, false), []string{"unpaid_dues/warn"}, "rules.warn.unpaid_dues"},
		{"dues unpaid three months: consider removal", dues(false, false, true, false), []string{"unpaid_dues/danger"}, "rules.warn.unpaid_dues_removal"},
		{"dues paid later in the same month", append(dues(false, false),
			AttendanceRecord{Date: D(2026, time.February, 20), Kind: BatThuong, Status: CoMat, DuesRecorded: true, DuesPaid: true}), nil, ""},
		{"dues not collected are not unpaid", []AttendanceRecord{
			{Date: D(2026, time.January, 5), Kind: ThuongKy, Status: CoMat},
			{Date: D(2026, time.February, 5), Kind: ThuongKy, Status: CoMat},
		}, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := MemberWarnings(h, c.records, rs, warnToday)
			if got := warningKinds(ws); !slices.Equal(got, c.want) {
				t.Fatalf("warnings = %v, want %v", got, c.want)
			}
			if c.key != "" && (ws[0].Msg.Key != c.key || ws[0].MemberID != 1) {
				t.Errorf("warning = %+v, want key %s", ws[0], c.key)
			}
		})
	}
}

// The months named in the warning are the bad ones, oldest first.
func TestMemberWarnings_NamesTheMonths(t *testing.T) {
	ws := MemberWarnings(fullMember(1, "Nguyễn Văn An"), monthly(VangKhongLyDo, CoMat, VangKhongLyDo), defaultRules(t), warnToday)
	if len(ws) != 1 {
		t.Fatalf("warnings = %v", ws)
	}
	want := M("rules.list.join", MonthPeriod(2026, time.March), MonthPeriod(2026, time.May))
	if ws[0].Msg.Args[0] != 2 || !argsEqual(ws[0].Msg.Args[1:], []any{want}) {
		t.Errorf("args = %v", ws[0].Msg.Args)
	}
}

// DOMAIN.md §3: probation is "12 months from admission, then the cell votes
// on full membership: remind the secretary a month before"; §9: "Probation
// ending within 30 days".
func TestMemberWarnings_ProbationEnding(t *testing.T) {
	rs := defaultRules(t)
	joined := func(d Date) MemberHistory {
		h := probationaryMember(1, "Phạm Thị Dung")
		h.Member.JoinedOn = d
		return h
	}
	cases := []struct {
		name string
		h    MemberHistory
		want []string
		args []any
	}{
		{"two months left: nothing yet", joined(D(2025, time.August, 20)), nil, nil},
		{"30 days left: remind", joined(D(2025, time.July, 20)), []string{"probation_ending/warn"}, []any{D(2026, time.July, 20), 30}},
		{"ends today", joined(D(2025, time.June, 20)), []string{"probation_ending/warn"}, []any{D(2026, time.June, 20), 0}},
		{"ended 10 days ago and still probationary", joined(D(2025, time.June, 10)), []string{"probation_overdue/danger"}, []any{D(2026, time.June, 10), 10}},
		{"already full member", func() MemberHistory {
			h := joined(D(2025, time.June, 10))
			h.Member.OfficialOn = D(2026, time.June, 12)
			return h
		}(), nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := MemberWarnings(c.h, nil, rs, warnToday)
			if got := warningKinds(ws); !slices.Equal(got, c.want) {
				t.Fatalf("warnings = %v, want %v", got, c.want)
			}
			if c.args != nil && !argsEqual(ws[0].Msg.Args, c.args) {
				t.Errorf("args = %v, want %v", ws[0].Msg.Args, c.args)
			}
		})
	}
}

// DOMAIN.md §3: temporary transfer "with dates; remind before it ends";
// §9: "temporary transfer ending within 30 days".
func TestMemberWarnings_TemporaryTransferEnding(t *testing.T) {
	rs := defaultRules(t)
	transfer := func(until Date) MemberHistory {
		h := fullMember(1, "Vũ Thị Giang")
		h.States = []DatedState{{Kind: TamThoi, From: D(2026, time.January, 1), Until: until, HostOrgID: otherCell}}
		return h
	}
	cases := []struct {
		name string
		h    MemberHistory
		want []string
	}{
		{"ends in 10 days", transfer(D(2026, time.June, 30)), []string{"transfer_ending/info"}},
		{"ends in 30 days", transfer(D(2026, time.July, 20)), []string{"transfer_ending/info"}},
		{"ends in 31 days", transfer(D(2026, time.July, 21)), nil},
		{"already ended", transfer(D(2026, time.June, 1)), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := warningKinds(MemberWarnings(c.h, nil, rs, warnToday)); !slices.Equal(got, c.want) {
				t.Errorf("warnings = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMemberWarnings_NoneForFormerMember(t *testing.T) {
	h := fullMember(1, "Nguyễn Văn An")
	h.Member.LeftOn = D(2026, time.May, 1)
	if ws := MemberWarnings(h, monthly(VangKhongLyDo, VangKhongLyDo, VangKhongLyDo), defaultRules(t), warnToday); ws != nil {
		t.Errorf("warnings = %v", ws)
	}
}

// DOMAIN.md §2 and §9: "Cell with fewer than 3 full members, or 9+ full
// members and no committee."
func TestCellWarningsOn_LeadershipBySize(t *testing.T) {
	withRole := func(h MemberHistory, r CellRole) MemberHistory {
		h.Roles = append(h.Roles, RoleSpan{MemberID: h.Member.ID, OrgID: cell, Role: r, From: D(2020, time.January, 1)})
		return h
	}
	cellOf := func(full int, roles ...CellRole) []MemberHistory {
		var hs []MemberHistory
		for i := range full {
			h := fullMember(int64(i+1), "Đảng viên "+itoa64(int64(i)))
			if i < len(roles) {
				h = withRole(h, roles[i])
			}
			hs = append(hs, h)
		}
		return append(hs, probationaryMember(100, "Phạm Thị Dung"))
	}
	cases := []struct {
		name string
		hs   []MemberHistory
		want []string
	}{
		{"two full members and a secretary", cellOf(2, BiThu), []string{"warn.cell.too_few_full"}},
		{"five full members and a secretary", cellOf(5, BiThu, PhoBiThu), nil},
		{"nine full members and no committee", cellOf(9, BiThu, PhoBiThu), []string{"warn.cell.needs_committee"}},
		{"nine full members with a committee", cellOf(9, BiThu, PhoBiThu, ChiUyVien), nil},
		{"no secretary", cellOf(4), []string{"warn.cell.no_secretary"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := CellWarningsOn(cell, meetingDay, c.hs)
			var got []string
			for _, w := range ws {
				got = append(got, w.Msg.Key)
				if w.Kind != WarnCell || w.MemberID != 0 {
					t.Errorf("warning = %+v", w)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("warnings = %v, want %v", got, c.want)
			}
		})
	}
	c := CellCountsOn(cell, meetingDay, cellOf(9, BiThu, PhoBiThu, ChiUyVien))
	if c.Full != 9 || c.Probationary != 1 || c.CommitteeSize != 3 || !c.HasSecretary {
		t.Errorf("counts = %+v", c)
	}
}

// 12-HD: "nobody absent with reason more than 3 times in a row" — the
// streak a meeting evaluation needs.
func TestExcusedStreak_LongestRun(t *testing.T) {
	cases := []struct {
		name    string
		records []AttendanceRecord
		want    int
	}{
		{"none", nil, 0},
		{"run of two then present", monthly(VangCoLyDo, VangCoLyDo, CoMat), 2},
		{"absent without reason breaks the run", monthly(VangCoLyDo, VangKhongLyDo, VangCoLyDo), 1},
		{"unmarked months (exempt) do not break it", monthly(VangCoLyDo, "", VangCoLyDo, VangCoLyDo), 3},
	}
	for _, c := range cases {
		rev := slices.Clone(c.records)
		slices.Reverse(rev) // order of the input does not matter
		if got := ExcusedStreak(rev); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
