package party

import (
	"slices"
	"testing"
)

func TestDefaultScoreSheet_HundredPointsValid(t *testing.T) {
	s := DefaultScoreSheet("HD12-2018")
	if f := s.Validate(); len(f) != 0 {
		t.Fatalf("default sheet invalid: %v", f)
	}
	groups := map[string]int{}
	for _, it := range s.Items {
		groups[it.Group] += it.Points
	}
	for _, g := range []string{GroupAttendance, GroupPreparation, GroupConduct, GroupPrinciples, GroupResults} {
		if groups[g] == 0 {
			t.Errorf("group %s has no points", g)
		}
	}
	// DOMAIN.md §7: Tốt needs "full marks on attendance, duration,
	// participation in discussion and minutes"
	for _, k := range []string{ItemAttendanceRate, ItemDuration, ItemParticipation, ItemMinutes} {
		if it, ok := s.Item(k); !ok || !it.RequiredForTot || !it.Computed {
			t.Errorf("item %s = %+v", k, it)
		}
	}
}

func TestScoreSheet_ValidateRefusesBrokenSheets(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*ScoreSheet)
		field string
		key   string
	}{
		{"items do not add up", func(s *ScoreSheet) { s.Items[0].Points = 15 }, "items", "rules.score.sum_mismatch"},
		{"zero points", func(s *ScoreSheet) { s.Items[0].Points = 0; s.Total -= 10 }, "items.0.points", "rules.score.points_positive"},
		{"duplicate key", func(s *ScoreSheet) { s.Items[1].Key = s.Items[0].Key }, "items.1.key", "rules.score.key_duplicate"},
		{"no item required for Tốt", func(s *ScoreSheet) {
			for i := range s.Items {
				s.Items[i].RequiredForTot = false
			}
		}, "items", "rules.score.no_required"},
		{"a computed item the data cannot decide", func(s *ScoreSheet) { s.Items[4].Computed = true }, "items.4.computed", "rules.score.not_computable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultScoreSheet("HD12-2018")
			c.edit(&s)
			f := s.Validate()
			if m, ok := f[c.field]; !ok || m.Key != c.key {
				t.Errorf("errors = %v, want %s: %s", f, c.field, c.key)
			}
		})
	}
}

// goodFacts is a meeting that meets every criterion of 12-HD.
func goodFacts() MeetingFacts {
	return MeetingFacts{
		Attendance:            Attendance{Required: 19, Present: 18, Rate: 18.0 / 19},
		MaxConsecutiveExcused: 1, DurationMinutes: 105, Speakers: 7,
		MinutesComplete: true, HeldInPeriod: true, PrepDone: 4, PrepTotal: 4, ResolutionPassed: true,
	}
}

// DOMAIN.md §7: "attendance above 85% with nobody absent without reason and
// nobody absent with reason more than 3 times in a row within the year …
// at least 90 minutes … many members speaking … minute book complete";
// items the data decides "are filled in automatically".
func TestComputeItems_FromTheData(t *testing.T) {
	rs := defaultRules(t)
	s := DefaultScoreSheet(rs.Code)
	cases := []struct {
		name   string
		edit   func(*MeetingFacts)
		key    string
		points int
		reason string
	}{
		{"94,7% attendance is above 85%", nil, ItemAttendanceRate, 10, "rules.score.attendance_ok"},
		{"exactly 85% is not above it", func(f *MeetingFacts) { f.Attendance = Attendance{Required: 20, Present: 17, Rate: 17.0 / 20} },
			ItemAttendanceRate, 8, "rules.score.attendance_low"},
		{"half present", func(f *MeetingFacts) { f.Attendance = Attendance{Required: 20, Present: 10, Rate: 0.5} }, ItemAttendanceRate, 5, "rules.score.attendance_low"},
		{"nobody required", func(f *MeetingFacts) { f.Attendance = Attendance{} }, ItemAttendanceRate, 0, "rules.score.attendance_none"},
		{"nobody absent without reason", nil, ItemNoUnexcused, 5, "rules.score.unexcused_none"},
		{"one absent without reason", func(f *MeetingFacts) { f.Attendance.AbsentUnexcused = 1 }, ItemNoUnexcused, 0, "rules.score.unexcused_some"},
		{"three excused absences in a row is allowed", func(f *MeetingFacts) { f.MaxConsecutiveExcused = 3 }, ItemNoExcusedStreak, 5, "rules.score.streak_ok"},
		{"four is more than three", func(f *MeetingFacts) { f.MaxConsecutiveExcused = 4 }, ItemNoExcusedStreak, 0, "rules.score.streak_over"},
		{"90 minutes is enough", func(f *MeetingFacts) { f.DurationMinutes = 90 }, ItemDuration, 10, "rules.score.duration_ok"},
		{"89 minutes is not", func(f *MeetingFacts) { f.DurationMinutes = 89 }, ItemDuration, 9, "rules.score.duration_short"},
		{"45 minutes gets half", func(f *MeetingFacts) { f.DurationMinutes = 45 }, ItemDuration, 5, "rules.score.duration_short"},
		{"no times written", func(f *MeetingFacts) { f.DurationMinutes = 0 }, ItemDuration, 0, "rules.score.duration_unknown"},
		{"a third of those present spoke: full marks", func(f *MeetingFacts) { f.Speakers = 6 }, ItemParticipation, 10, "rules.score.participation_ok"},
		{"a sixth spoke: half", func(f *MeetingFacts) { f.Speakers = 3 }, ItemParticipation, 5, "rules.score.participation_low"},
		{"nobody spoke", func(f *MeetingFacts) { f.Speakers = 0 }, ItemParticipation, 0, "rules.score.participation_low"},
		{"exempt members who came count among those present", func(f *MeetingFacts) { f.Speakers = 6; f.Attendance.ExemptPresent = 3 },
			ItemParticipation, 8, "rules.score.participation_low"}, // 6 of 21: 10·18/21
		{"minutes incomplete", func(f *MeetingFacts) { f.MinutesComplete = false }, ItemMinutes, 0, "rules.score.minutes_incomplete"},
		{"held in the next month", func(f *MeetingFacts) { f.HeldInPeriod = false }, ItemHeldInPeriod, 0, "rules.score.held_out_of_period"},
		{"three of four preparation steps", func(f *MeetingFacts) { f.PrepDone = 3 }, ItemPreparation, 7, "rules.score.prep"},
		{"no checklist", func(f *MeetingFacts) { f.PrepDone, f.PrepTotal = 0, 0 }, ItemPreparation, 0, "rules.score.prep_none"},
		{"resolution not adopted", func(f *MeetingFacts) { f.ResolutionPassed = false }, ItemResolution, 0, "rules.score.resolution_not_passed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := goodFacts()
			if c.edit != nil {
				c.edit(&f)
			}
			got := ComputeItems(rs, s, f)[c.key]
			if got.Points != c.points || got.Reason.Key != c.reason || !got.Computed {
				t.Errorf("%s = %d %s %v, want %d %s", c.key, got.Points, got.Reason.Key, got.Reason.Args, c.points, c.reason)
			}
		})
	}
}

func TestComputeItems_OnlyComputedItems(t *testing.T) {
	rs := defaultRules(t)
	s := DefaultScoreSheet(rs.Code)
	got := ComputeItems(rs, s, goodFacts())
	for _, it := range s.Items {
		if _, ok := got[it.Key]; ok != it.Computed {
			t.Errorf("item %s computed = %v, sheet says %v", it.Key, ok, it.Computed)
		}
	}
	// a committee that gives attendance 20 points gets 20 for it
	s.Items[0].Points, s.Total = 20, 110
	if p := ComputeItems(rs, s, goodFacts())[ItemAttendanceRate].Points; p != 20 {
		t.Errorf("re-weighted attendance = %d", p)
	}
}

// DOMAIN.md §7: items the data decides "cannot be overridden without a
// reason".
func TestValidateScores_Refusals(t *testing.T) {
	rs := defaultRules(t)
	s := DefaultScoreSheet(rs.Code)
	f := goodFacts()
	f.DurationMinutes = 60 // duration computed as 6
	computed := ComputeItems(rs, s, f)
	cases := []struct {
		name  string
		in    []ScoreInput
		code  Code
		key   string
		field string
	}{
		{"judged items within their points", []ScoreInput{{Key: "principles", Points: 10}, {Key: "order", Points: 3}}, "", "", ""},
		{"a computed item confirmed as is", []ScoreInput{{Key: ItemDuration, Points: 6}}, "", "", ""},
		{"a computed item changed with a reason", []ScoreInput{{Key: ItemDuration, Points: 10, Reason: "Giờ kết thúc ghi nhầm, họp đến 21 giờ 30"}}, "", "", ""},
		{"a computed item changed without a reason", []ScoreInput{{Key: ItemDuration, Points: 10, Reason: " "}}, ERule, "rules.score.override_needs_reason", ""},
		{"more points than the item gives", []ScoreInput{{Key: "principles", Points: 11}}, EInvalid, "form.has_errors", "items.principles.points"},
		{"negative points", []ScoreInput{{Key: "order", Points: -1}}, EInvalid, "form.has_errors", "items.order.points"},
		{"an unknown item", []ScoreInput{{Key: "dep", Points: 1}}, EInvalid, "form.has_errors", "items.dep"},
		{"an item twice", []ScoreInput{{Key: "order", Points: 1}, {Key: "order", Points: 2}}, EInvalid, "form.has_errors", "items.order"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidateScores(s, computed, c.in)
			if c.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e := wantError(t, err, c.code, c.key)
			if c.field != "" {
				if _, ok := e.Fields[c.field]; !ok {
					t.Errorf("fields = %v, want %s", e.Fields, c.field)
				}
			}
		})
	}
}

// DOMAIN.md §7: "Tốt ≥ 90 and full marks on attendance, duration,
// participation in discussion and minutes; Khá 70–89, or ≥ 90 without those
// full marks; Trung bình 50–69; Kém < 50."
func TestGradeOf_Bands(t *testing.T) {
	s := DefaultScoreSheet("HD12-2018")
	full := func() map[string]int {
		m := map[string]int{}
		for _, it := range s.Items {
			m[it.Key] = it.Points
		}
		return m
	}
	minus := func(cuts map[string]int) map[string]int {
		m := full()
		for k, v := range cuts {
			m[k] -= v
		}
		return m
	}
	cases := []struct {
		name   string
		points map[string]int
		total  int
		grade  Grade
		why    string
	}{
		{"full marks", full(), 100, Tot, "rules.grade.why.tot"},
		{"90 with every required item full", minus(map[string]int{"principles": 5, "order": 5}), 90, Tot, "rules.grade.why.tot"},
		{"92 but short on duration", minus(map[string]int{ItemDuration: 3, "order": 5}), 92, Kha, "rules.grade.why.kha_not_full"},
		{"89", minus(map[string]int{"principles": 10, "order": 1}), 89, Kha, "rules.grade.why.kha"},
		{"70", minus(map[string]int{"principles": 10, "order": 5, "criticism": 5, "carried_out": 5, "content_guidance": 5}), 70, Kha, "rules.grade.why.kha"},
		{"69", minus(map[string]int{"principles": 10, "order": 5, "criticism": 5, "carried_out": 5, "content_guidance": 5, ItemResolution: 1}), 69, TrungBinh, "rules.grade.why.trung_binh"},
		{"50", map[string]int{ItemAttendanceRate: 10, ItemDuration: 10, ItemParticipation: 10, ItemMinutes: 10, "principles": 10}, 50, TrungBinh, "rules.grade.why.trung_binh"},
		{"49", map[string]int{ItemAttendanceRate: 10, ItemDuration: 10, ItemParticipation: 10, ItemMinutes: 10, "principles": 9}, 49, Kem, "rules.grade.why.kem"},
		{"points above an item's maximum are capped", map[string]int{"principles": 60}, 10, Kem, "rules.grade.why.kem"},
		{"not scored", nil, 0, ChuaDanhGia, "rules.grade.why.not_scored"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			total, g, why := GradeOf(s, c.points)
			if total != c.total || g != c.grade || why.Key != c.why {
				t.Errorf("GradeOf = %d %q %s, want %d %q %s", total, g, why.Key, c.total, c.grade, c.why)
			}
		})
	}
}

// "Đạt 92 điểm nhưng chưa đủ điểm tối đa ở mục thời lượng nên xếp Khá":
// the reason names the items short of full marks.
func TestGradeOf_WhyNamesTheItemsShort(t *testing.T) {
	s := DefaultScoreSheet("HD12-2018")
	points := map[string]int{}
	for _, it := range s.Items {
		points[it.Key] = it.Points
	}
	points[ItemDuration] -= 3
	points["order"] -= 5
	_, _, why := GradeOf(s, points)
	dur, _ := s.Item(ItemDuration)
	want := []any{92, 100, M("rules.list.quoted", dur.Title)}
	if !argsEqual(why.Args, want) {
		t.Errorf("why = %v, want %v", why.Args, want)
	}
}

func TestEvaluate_ComputedJudgedAndOverridden(t *testing.T) {
	rs := defaultRules(t)
	s := DefaultScoreSheet(rs.Code)
	f := goodFacts()
	f.DurationMinutes = 80 // computed 8 of 10
	judged := []ScoreInput{
		{Key: "content_guidance", Points: 5}, {Key: "order", Points: 5}, {Key: "criticism", Points: 4, Reason: "Chưa có ý kiến phê bình"},
		{Key: "principles", Points: 10},
	}
	ev, err := Evaluate(rs, s, f, judged)
	if err != nil {
		t.Fatal(err)
	}
	// 100 − 2 (duration) − 1 (criticism) − 5 (carried_out, not scored yet)
	if ev.Total != 92 || ev.Grade != Kha || ev.Why.Key != "rules.grade.why.kha_not_full" {
		t.Errorf("evaluation = %d %q %s", ev.Total, ev.Grade, ev.Why.Key)
	}
	if !slices.Equal(ev.Unscored, []string{"carried_out"}) {
		t.Errorf("unscored = %v", ev.Unscored)
	}
	// the reviewer finds the end time was written wrong and says so
	ev, err = Evaluate(rs, s, f, append(judged,
		ScoreInput{Key: ItemDuration, Points: 10, Reason: "Biên bản ghi nhầm giờ kết thúc"}, ScoreInput{Key: "carried_out", Points: 5}))
	if err != nil {
		t.Fatal(err)
	}
	if ev.Total != 99 || ev.Grade != Tot {
		t.Errorf("after override: %d %q", ev.Total, ev.Grade)
	}
	for _, it := range ev.Items {
		if it.Key == ItemDuration && (it.Points != 10 || it.Reason.Key != "rules.score.overridden") {
			t.Errorf("duration item = %+v", it)
		}
	}
	if _, err := Evaluate(rs, s, f, []ScoreInput{{Key: ItemDuration, Points: 10}}); err == nil {
		t.Error("override without a reason accepted")
	}
}

// DOMAIN.md §7: "both are kept, and oversight uses the reviewer's score
// where there is one".
func TestOversightGrade_ReviewerFirst(t *testing.T) {
	if OversightGrade(Tot, Kha) != Kha || OversightGrade(Tot, ChuaDanhGia) != Tot || OversightGrade(ChuaDanhGia, ChuaDanhGia) != ChuaDanhGia {
		t.Error("wrong grade for oversight")
	}
	c := GradeCounts([]Grade{Tot, Tot, Kem, ChuaDanhGia, "x"})
	if c[Tot] != 2 || c[Kem] != 1 || c[ChuaDanhGia] != 2 {
		t.Errorf("counts = %v", c)
	}
}
