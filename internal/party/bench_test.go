package party

import (
	"testing"
	"time"
)

// A 90-member cell, as a large ward or agency cell: a few of each state.
func cell90() ([]MemberHistory, map[int64]Entry) {
	var hs []MemberHistory
	given := []string{"An", "Bình", "Cường", "Dung", "Em", "Giang", "Hải", "Hoa", "Khánh", "Lan", "Minh", "Nga", "Oanh", "Phúc", "Quang", "Sơn", "Tâm", "Uyên", "Vinh", "Yến"}
	family := []string{"Nguyễn Văn", "Trần Thị", "Lê Văn", "Phạm Thị", "Đặng Văn"}
	entries := map[int64]Entry{}
	for i := range 90 {
		id := int64(i + 1)
		h := fullMember(id, family[i%len(family)]+" "+given[i%len(given)])
		switch {
		case i < 6:
			h = probationaryMember(id, h.Member.FullName)
		case i < 9:
			h = withState(h, Mien, 0)
		case i < 11:
			h = withState(h, TamThoi, otherCell)
		case i == 11:
			h = withState(h, DinhChi, 0)
		}
		hs = append(hs, h)
		switch {
		case i%15 == 14:
			entries[id] = Entry{MemberID: id, Status: VangCoLyDo, Reason: "Đi công tác"}
		case i == 8 || i == 10 || i == 11:
			// exempt at home, temporarily elsewhere, suspended: not marked
		default:
			entries[id] = Entry{MemberID: id, Status: CoMat, DuesPaid: true}
		}
	}
	return hs, entries
}

func BenchmarkTally(b *testing.B) {
	rs := defaultRules(b)
	hs, entries := cell90()
	ps := Summoned(cell, meetingDay, hs)
	v := &Votes{Yes: 60, No: 5, Abstain: 3}
	b.ReportAllocs()
	for b.Loop() {
		if t := Tally(rs, ps, entries, v); !t.Passed {
			b.Fatalf("vote did not pass: %+v", t)
		}
	}
}

// BenchmarkEvaluate is the evaluation of one meeting from its data: the
// roll on the date, attendance, vote, completeness of the minutes, the
// computed items and the grade. Target: under 10 ms for a 90-member cell.
func BenchmarkEvaluate(b *testing.B) {
	rs := defaultRules(b)
	s := DefaultScoreSheet(rs.Code)
	hs, entries := cell90()
	m := completeRegular()
	for i := range 30 {
		m.Discussion = append(m.Discussion, Speech{MemberID: int64(i + 20), Speaker: "Đảng viên", Text: "Ý kiến."})
	}
	m.EndedAt = m.StartedAt.Add(100 * time.Minute)
	judged := []ScoreInput{{Key: "content_guidance", Points: 5}, {Key: "order", Points: 5}, {Key: "criticism", Points: 5}, {Key: "principles", Points: 10}, {Key: "carried_out", Points: 5}}
	b.ReportAllocs()
	for b.Loop() {
		ps := Summoned(cell, meetingDay, hs)
		a := CountAttendance(ps, entries)
		v := Tally(rs, ps, entries, &Votes{Yes: 60, No: 5})
		complete, _ := Completeness(ThuongKy, m)
		f := MeetingFacts{
			Attendance: a, MaxConsecutiveExcused: 1, DurationMinutes: m.DurationMinutes(), Speakers: m.MemberSpeakers(),
			MinutesComplete: complete, HeldInPeriod: true, PrepDone: 4, PrepTotal: 4, ResolutionPassed: v.Passed,
		}
		ev, err := Evaluate(rs, s, f, judged)
		if err != nil || ev.Grade != Tot {
			b.Fatalf("evaluation = %+v, %v", ev, err)
		}
	}
}
