package party

import (
	"slices"
	"testing"
	"time"
)

// completeRegular is the minutes of a regular meeting with every required
// part (DOMAIN.md §6).
func completeRegular() MinutesContent {
	return MinutesContent{
		StartedAt: meetingDay.At(19, 30), EndedAt: meetingDay.At(21, 15),
		Place: "Nhà văn hóa tổ dân phố số 5", Chair: "Nguyễn Văn An", MinuteTaker: "Trần Thị Bình",
		Guests: []string{"Lê Văn Cường"},
		Items: []MinutesItem{
			{Key: "diem_danh", Part: PartOpening, Title: "Báo cáo số đảng viên có mặt, vắng mặt"},
			{Key: "thoi_su", Part: PartContent, Title: "Thông báo tình hình thời sự", Presenter: "Nguyễn Văn An", Text: "Thông báo Nghị quyết số 18."},
			{Key: "thao_luan", Part: PartContent, Title: "Đảng viên thảo luận", Speeches: []Speech{
				{MemberID: 3, Speaker: "Lê Văn Cường", Text: "Đề nghị tổ chức dọn vệ sinh ngõ 12."},
			}},
		},
		Conclusion: "Chi bộ thống nhất các nhiệm vụ tháng 7.", Resolution: "Nghị quyết tháng 6/2026 …",
		ReadBack: true, SelfRating: Kha, AttendanceTaken: true, VoteRecorded: true,
	}
}

// DOMAIN.md §6: "Completeness is computed: which required parts are
// missing." UX.md: "Còn thiếu: giờ kết thúc, xác nhận đã đọc lại biên bản".
func TestCompleteness_RegularMeeting(t *testing.T) {
	cases := []struct {
		name string
		edit func(*MinutesContent)
		want []string
	}{
		{"everything written", func(*MinutesContent) {}, nil},
		{"the UX example: no end time, not read back", func(m *MinutesContent) { m.EndedAt = time.Time{}; m.ReadBack = false },
			[]string{"rules.minutes.missing.ended_at", "rules.minutes.missing.read_back"}},
		{"end before start", func(m *MinutesContent) { m.EndedAt = meetingDay.At(19, 0) }, []string{"rules.minutes.missing.end_after_start"}},
		{"no place, chair or minute-taker", func(m *MinutesContent) { m.Place, m.Chair, m.MinuteTaker = " ", "", "" },
			[]string{"rules.minutes.missing.place", "rules.minutes.missing.chair", "rules.minutes.missing.minute_taker"}},
		{"roll call not taken", func(m *MinutesContent) { m.AttendanceTaken = false }, []string{"rules.minutes.missing.attendance"}},
		{"a content item left empty", func(m *MinutesContent) { m.Items[1].Text = "" }, []string{"rules.minutes.missing.item_text"}},
		{"an empty opening item is not missing", func(m *MinutesContent) { m.Items[0].Text = "" }, nil},
		{"no speaker by name", func(m *MinutesContent) { m.Items[2].Speeches[0].Speaker = "" },
			[]string{"rules.minutes.missing.item_text", "rules.minutes.missing.speaker"}},
		{"speakers recorded in the general discussion", func(m *MinutesContent) {
			m.Discussion, m.Items[2].Speeches = m.Items[2].Speeches, nil
			m.Items[2].Text = "Các đồng chí thảo luận sôi nổi."
		}, nil},
		{"no conclusion, resolution or vote", func(m *MinutesContent) { m.Conclusion, m.Resolution, m.VoteRecorded = "", "", false },
			[]string{"rules.minutes.missing.conclusion", "rules.minutes.missing.resolution", "rules.minutes.missing.vote"}},
		{"no self-rating", func(m *MinutesContent) { m.SelfRating = ChuaDanhGia }, []string{"rules.minutes.missing.self_rating"}},
		{"no content items at all", func(m *MinutesContent) {
			m.Items = nil
			m.Discussion = []Speech{{Speaker: "Lê Văn Cường", Text: "Nhất trí."}}
		},
			[]string{"rules.minutes.missing.content"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := completeRegular()
			c.edit(&m)
			complete, missing := Completeness(ThuongKy, m)
			if got := keysOf(missing); !slices.Equal(got, c.want) {
				t.Errorf("missing = %v, want %v", got, c.want)
			}
			if complete != (len(c.want) == 0) {
				t.Errorf("complete = %v", complete)
			}
		})
	}
}

func TestCompleteness_MissingItemIsNamed(t *testing.T) {
	m := completeRegular()
	m.Items[1].Text = ""
	_, missing := Completeness(ThuongKy, m)
	if len(missing) != 1 || missing[0].Args[0] != "Thông báo tình hình thời sự" {
		t.Errorf("missing = %v", missing)
	}
}

// DOMAIN.md §4, thematic meeting: "a topic chosen in advance; one or more
// members assigned to write a lead paper … purpose, presentation of the
// paper, discussion, the chair's conclusion, and a resolution or
// conclusion where needed".
func TestCompleteness_ThematicMeeting(t *testing.T) {
	base := func() MinutesContent {
		m := completeRegular()
		m.Topic = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đoàn kết"
		m.LeadPaperBy = "Trần Thị Bình"
		m.Resolution, m.VoteRecorded, m.SelfRating = "", false, ChuaDanhGia
		return m
	}
	cases := []struct {
		name string
		edit func(*MinutesContent)
		want []string
	}{
		{"no resolution needed", func(*MinutesContent) {}, nil},
		{"no topic, no lead paper", func(m *MinutesContent) { m.Topic, m.LeadPaperBy = "", "" },
			[]string{"rules.minutes.missing.topic", "rules.minutes.missing.lead_paper"}},
		{"no discussion", func(m *MinutesContent) { m.Items[2].Speeches = nil }, []string{"rules.minutes.missing.discussion"}},
		{"no conclusion", func(m *MinutesContent) { m.Conclusion = "" }, []string{"rules.minutes.missing.conclusion"}},
		{"a resolution needs its vote", func(m *MinutesContent) { m.Resolution = "Kết luận chuyên đề …" }, []string{"rules.minutes.missing.vote"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := base()
			c.edit(&m)
			_, missing := Completeness(ChuyenDe, m)
			if got := keysOf(missing); !slices.Equal(got, c.want) {
				t.Errorf("missing = %v, want %v", got, c.want)
			}
		})
	}
}

func TestCompleteness_ExtraordinaryMeetingNeedsNoResolution(t *testing.T) {
	m := completeRegular()
	m.Resolution, m.VoteRecorded, m.SelfRating = "", false, ChuaDanhGia
	if complete, missing := Completeness(BatThuong, m); !complete {
		t.Errorf("missing = %v", keysOf(missing))
	}
}

func TestValidateTimes_EndBeforeStartRefused(t *testing.T) {
	start := meetingDay.At(19, 30)
	cases := []struct {
		name       string
		start, end time.Time
		refused    bool
	}{
		{"ends later", start, start.Add(95 * time.Minute), false},
		{"ends before it starts", start, start.Add(-time.Hour), true},
		{"ends as it starts", start, start, true},
		{"end not written yet", start, time.Time{}, false},
	}
	for _, c := range cases {
		err := ValidateTimes(c.start, c.end)
		if c.refused {
			wantError(t, err, ERule, "rules.minutes.end_before_start")
		} else if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestMinutesContent_SpeakersAndDuration(t *testing.T) {
	m := completeRegular()
	m.Discussion = []Speech{
		{MemberID: 3, Speaker: "Lê Văn Cường", Text: "Bổ sung ý kiến."}, // spoke already
		{Speaker: "Đại biểu Phường", Text: "Ghi nhận."},                 // a guest
		{Speaker: "đại biểu phuong", Text: "Thêm."},                     // same guest, typed loosely
		{MemberID: 1, Speaker: "Nguyễn Văn An", Text: ""},               // said nothing
	}
	if got := m.Speakers(); got != 2 {
		t.Errorf("Speakers() = %d, want 2", got)
	}
	if got := m.MemberSpeakers(); got != 1 { // Cường; An said nothing, the guest is no member
		t.Errorf("MemberSpeakers() = %d, want 1", got)
	}
	if got := m.DurationMinutes(); got != 105 {
		t.Errorf("DurationMinutes() = %d, want 105", got)
	}
	m.EndedAt = time.Time{}
	if m.DurationMinutes() != 0 {
		t.Error("duration without an end time")
	}
}
