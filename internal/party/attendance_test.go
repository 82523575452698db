package party

import (
	"testing"
	"time"
)

// DOMAIN.md §3: "a meeting reads each member's state on the meeting's
// date"; §5: "Members temporarily registered in this cell attend here."
func TestSummoned_WhoIsOnTheRoll(t *testing.T) {
	hs := append(standardCell(),
		homeIn(fullMember(11, "Mai Văn Minh"), otherCell), // another cell's member
		func() MemberHistory { // left the Party organization before the meeting
			h := fullMember(12, "Lý Thị Nga")
			h.Member.LeftOn = D(2026, time.May, 1)
			return h
		}(),
		func() MemberHistory { // admitted after the meeting
			h := probationaryMember(13, "Tạ Văn Oanh")
			h.Member.JoinedOn = D(2026, time.July, 1)
			return h
		}(),
	)
	ps := Summoned(cell, meetingDay, hs)
	got := map[int64]Participant{}
	for _, p := range ps {
		got[p.MemberID] = p
	}
	cases := []struct {
		name     string
		id       int64
		onRoll   bool
		tempIn   bool
		editable bool
		standing Derived
	}{
		{"ordinary full member", idAn, true, false, true, DerivedNone},
		{"probationary member", idDung, true, false, true, DerivedNone},
		{"exempt member is listed and may be marked present", idEm, true, false, true, DerivedExempt},
		{"member temporarily elsewhere is listed, not editable", idGiang, true, false, false, DerivedTempOut},
		{"member temporarily registered in attends here", idHai, true, true, true, DerivedNone},
		{"suspended member is listed, not editable", idHoa, true, false, false, DerivedSuspended},
		{"detained member is listed, not editable", idKhanh, true, false, false, DerivedDetained},
		{"member of another cell", 11, false, false, false, DerivedNone},
		{"member who left before the meeting", 12, false, false, false, DerivedNone},
		{"member admitted after the meeting", 13, false, false, false, DerivedNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := got[c.id]
			if ok != c.onRoll {
				t.Fatalf("on roll = %v, want %v", ok, c.onRoll)
			}
			if !ok {
				return
			}
			if p.TempIn != c.tempIn || p.Editable != c.editable || p.Standing() != c.standing {
				t.Errorf("TempIn=%v Editable=%v Standing=%q, want %v %v %q", p.TempIn, p.Editable, p.Standing(), c.tempIn, c.editable, c.standing)
			}
		})
	}
}

// DOMAIN.md §3: names are "sorted the Vietnamese way: by given name (last
// word), then the rest".
func TestSummoned_VietnameseNameOrder(t *testing.T) {
	ps := standardRoll()
	var names []string
	for _, p := range ps {
		names = append(names, p.FullName)
	}
	want := []string{
		"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
		"Vũ Thị Giang", "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Ngô Thị Lan",
	}
	if len(names) != len(want) {
		t.Fatalf("roll = %q", names)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("roll = %q, want %q", names, want)
		}
	}
}

// A state that ends before the meeting no longer counts: the exemption of
// January–March does not exempt the member in June.
func TestSummoned_StateOnTheMeetingDate(t *testing.T) {
	h := fullMember(1, "Nguyễn Văn An")
	h.States = []DatedState{{Kind: Mien, From: D(2026, time.January, 1), Until: D(2026, time.March, 31)}}
	if p := Summoned(cell, meetingDay, []MemberHistory{h})[0]; p.Standing() != DerivedNone {
		t.Errorf("standing in June = %q, want none", p.Standing())
	}
	if p := Summoned(cell, D(2026, time.February, 5), []MemberHistory{h})[0]; p.Standing() != DerivedExempt {
		t.Errorf("standing in February = %q, want exempt", p.Standing())
	}
}

// DOMAIN.md §5: "required = members of the cell on the date (including
// those temporarily registered in, excluding those temporarily elsewhere)
// minus exempt, suspended and detained members. Exempt members who attend
// are shown, not counted." PRINT.md §6: "p + v = required members".
func TestCountAttendance_RequiredAndRate(t *testing.T) {
	ps := standardRoll()
	cases := []struct {
		name  string
		marks map[int64]AttendanceStatus
		want  Attendance
	}{
		{
			name:  "everyone editable present, exempt member came too",
			marks: map[int64]AttendanceStatus{idAn: CoMat, idBinh: CoMat, idCuong: CoMat, idDung: CoMat, idEm: CoMat, idHai: CoMat, idLan: CoMat},
			want:  Attendance{Required: 6, Present: 6, ExemptPresent: 1, Rate: 1},
		},
		{
			name:  "exempt member who stays home does not lower the rate",
			marks: map[int64]AttendanceStatus{idAn: CoMat, idBinh: CoMat, idCuong: CoMat, idDung: CoMat, idHai: CoMat, idLan: CoMat},
			want:  Attendance{Required: 6, Present: 6, Rate: 1},
		},
		{
			name:  "absences with and without reason",
			marks: map[int64]AttendanceStatus{idAn: VangCoLyDo, idBinh: VangKhongLyDo, idCuong: CoMat, idDung: CoMat, idHai: CoMat, idLan: CoMat},
			want:  Attendance{Required: 6, Present: 4, Absent: 2, AbsentExcused: 1, AbsentUnexcused: 1, Rate: 4.0 / 6},
		},
		{
			name:  "members not yet marked are unmarked, not absent",
			marks: map[int64]AttendanceStatus{idAn: CoMat},
			want:  Attendance{Required: 6, Present: 1, Unmarked: 5, Rate: 1.0 / 6},
		},
		{
			name:  "a status given to a member temporarily elsewhere is not counted",
			marks: map[int64]AttendanceStatus{idGiang: CoMat, idAn: CoMat},
			want:  Attendance{Required: 6, Present: 1, Unmarked: 5, Rate: 1.0 / 6},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := CountAttendance(ps, marks(c.marks))
			// the cell itself is the same in every case
			if a.Total != 10 || a.Full != 9 || a.Probationary != 1 || a.TempIn != 1 || a.TempOut != 1 ||
				a.Exempt != 1 || a.Suspended != 1 || a.Detained != 1 {
				t.Errorf("composition = %+v", a)
			}
			if a.Required != a.Total-a.TempOut-a.Exempt-a.Suspended-a.Detained {
				t.Errorf("required %d is not total minus temp-out, exempt, suspended, detained", a.Required)
			}
			if a.Present+a.Absent+a.Unmarked != a.Required {
				t.Errorf("p + v + unmarked = %d, want required %d", a.Present+a.Absent+a.Unmarked, a.Required)
			}
			w := c.want
			if a.Required != w.Required || a.Present != w.Present || a.Absent != w.Absent || a.AbsentExcused != w.AbsentExcused ||
				a.AbsentUnexcused != w.AbsentUnexcused || a.ExemptPresent != w.ExemptPresent || a.Unmarked != w.Unmarked || a.Rate != w.Rate {
				t.Errorf("got %+v\nwant %+v", a, w)
			}
			if a.Complete() != (w.Unmarked == 0) {
				t.Errorf("Complete() = %v with %d unmarked", a.Complete(), a.Unmarked)
			}
		})
	}
}

// UX.md: "Có mặt 18/19 · 94,7%" — the rate is present over required.
func TestCountAttendance_RateOfUXExample(t *testing.T) {
	ps := bigCell(19)
	a := CountAttendance(ps, presentFirst(ps, 18))
	if a.Present != 18 || a.Required != 19 || a.Rate != 18.0/19 {
		t.Errorf("got %d/%d %.4f", a.Present, a.Required, a.Rate)
	}
}

func TestCountAttendance_NobodyRequiredRateZero(t *testing.T) {
	h := withState(fullMember(1, "Nguyễn Văn An"), Mien, 0)
	a := CountAttendance(Summoned(cell, meetingDay, []MemberHistory{h}), nil)
	if a.Required != 0 || a.Rate != 0 {
		t.Errorf("got required %d rate %v", a.Required, a.Rate)
	}
}

func TestCountAttendance_DuesPaid(t *testing.T) {
	ps := standardRoll()
	e := marks(map[int64]AttendanceStatus{idAn: CoMat, idBinh: VangCoLyDo})
	an, binh := e[idAn], e[idBinh]
	an.DuesPaid, binh.DuesPaid = true, true // paid through a comrade
	e[idAn], e[idBinh] = an, binh
	if a := CountAttendance(ps, e); a.DuesPaid != 2 {
		t.Errorf("DuesPaid = %d, want 2", a.DuesPaid)
	}
}

// DOMAIN.md §5: "Per member, per meeting, one status … absent with reason
// (the reason is required) … Derived from the member's state on the date,
// not chosen … exempt (may still attend)".
func TestValidateAttendance_Rules(t *testing.T) {
	ps := standardRoll()
	cases := []struct {
		name    string
		entries []Entry
		code    Code   // "" = accepted
		key     string // message key
		arg     any    // first message argument, when checked
	}{
		{"ordinary roll call is accepted", []Entry{
			{MemberID: idAn, Status: CoMat}, {MemberID: idBinh, Status: VangCoLyDo, Reason: "Đi công tác"},
			{MemberID: idCuong, Status: VangKhongLyDo}, {MemberID: idHai, Status: CoMat},
		}, "", "", nil},
		{"exempt member marked present is accepted", []Entry{{MemberID: idEm, Status: CoMat}}, "", "", nil},
		{"an entry without a status only records dues", []Entry{{MemberID: idEm, DuesPaid: true}}, "", "", nil},
		{"someone not summoned is refused", []Entry{{MemberID: 99, Status: CoMat}}, ERule, "rules.attendance.not_summoned", int64(99)},
		{"a member twice is refused", []Entry{{MemberID: idAn, Status: CoMat}, {MemberID: idAn, Status: VangKhongLyDo}}, ERule, "rules.attendance.duplicate", "Nguyễn Văn An"},
		{"member temporarily elsewhere is not marked here", []Entry{{MemberID: idGiang, Status: CoMat}}, ERule, "rules.attendance.not_editable", "Vũ Thị Giang"},
		{"suspended member is not marked", []Entry{{MemberID: idHoa, Status: VangKhongLyDo}}, ERule, "rules.attendance.not_editable", "Bùi Thị Hoa"},
		{"detained member is not marked", []Entry{{MemberID: idKhanh, Status: VangCoLyDo, Reason: "Tạm giam"}}, ERule, "rules.attendance.not_editable", "Đỗ Văn Khánh"},
		{"exempt member marked absent is refused", []Entry{{MemberID: idEm, Status: VangCoLyDo, Reason: "Ốm"}}, ERule, "rules.attendance.exempt_absent", "Hoàng Văn Em"},
		{"unknown status is malformed", []Entry{{MemberID: idAn, Status: "vang"}}, EInvalid, "rules.attendance.status_invalid", "vang"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidateAttendance(ps, c.entries)
			if c.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e := wantError(t, err, c.code, c.key)
			if c.arg != nil && (len(e.Msg.Args) == 0 || e.Msg.Args[0] != c.arg) {
				t.Errorf("args = %v, want first %v", e.Msg.Args, c.arg)
			}
		})
	}
}

// "absent with reason (the reason is required)": the error sits beside the
// member's reason field and names the member.
func TestValidateAttendance_ExcusedAbsenceNeedsReason(t *testing.T) {
	ps := standardRoll()
	err := ValidateAttendance(ps, []Entry{
		{MemberID: idAn, Status: VangCoLyDo, Reason: "  "},
		{MemberID: idBinh, Status: VangCoLyDo, Reason: "Ốm"},
		{MemberID: idLan, Status: VangCoLyDo},
	})
	e := wantError(t, err, EInvalid, "form.has_errors")
	if len(e.Fields) != 2 {
		t.Fatalf("fields = %v, want two", e.Fields)
	}
	for id, name := range map[int64]string{idAn: "Nguyễn Văn An", idLan: "Ngô Thị Lan"} {
		m, ok := e.Fields[ReasonField(id)]
		if !ok || m.Key != "rules.attendance.reason_required" || m.Args[0] != name {
			t.Errorf("field %s = %v", ReasonField(id), m)
		}
	}
	if ReasonField(42) != "entries.42.reason" {
		t.Errorf("ReasonField(42) = %q", ReasonField(42))
	}
}
