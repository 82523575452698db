package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// The figures of the meetings issue, measured through the service on
// SQLite (the one-machine deployment):
//
//	go test ./internal/web/ -run '^$' -bench 'AttendanceSave90|MinutesPDF|MinuteBook16|ICalFeed3Years' -benchtime 20x -count 5

var benchActor = store.Actor{Username: "seca1"}

// bigCell adds a residential cell of n members (one exempt, one
// probationary) under ward A, through the services.
func bigCell(b *testing.B, db *store.DB, f *testfix.Fix, n int) int64 {
	b.Helper()
	ctx := context.Background()
	os := &orgs.Service{DB: db, Now: testfix.Now}
	ms := &members.Service{DB: db, Now: testfix.Now}
	cell, err := os.Create(ctx, benchActor, store.NewOrg{Code: "LB-BD-90", Name: "Chi bộ khu dân cư số 9", Kind: party.ChiBo,
		CellType: party.CellThonTDP, ParentID: f.WardA, On: party.D(2020, time.January, 1), Place: "Long Biên"})
	if err != nil {
		b.Fatal(err)
	}
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"}
	middle := []string{"Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc", "Xuân"}
	given := []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Sơn", "Tâm", "Thảo", "Tuấn", "Yến"}
	for i := range n {
		m := party.Member{OrgID: cell, FullName: family[i%len(family)] + " " + middle[i%len(middle)] + " " + given[i%len(given)],
			JoinedOn: party.D(1990, time.March, 1), OfficialOn: party.D(1991, time.March, 1), CardNumber: fmt.Sprintf("%08d", 50000+i)}
		if i == n-1 {
			m.JoinedOn, m.OfficialOn, m.CardNumber = party.D(2026, time.January, 5), party.Date{}, ""
		}
		id, err := ms.Add(ctx, benchActor, m)
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			if _, err := ms.AddState(ctx, benchActor, party.DatedState{MemberID: id, Kind: party.Mien, From: party.D(2024, time.January, 1), Reason: "Tuổi cao"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return cell
}

func benchService(b *testing.B, db *store.DB) *meetings.Service {
	s := &meetings.Service{DB: db, Now: testfix.Now}
	if err := s.EnsureRuleSets(context.Background()); err != nil {
		b.Fatal(err)
	}
	return s
}

// heldMeeting plans a meeting on day d, takes the roll (everyone present
// but the last two), records the vote and complete minutes.
func heldMeeting(b *testing.B, s *meetings.Service, cell int64, k party.MeetingKind, d party.Date) int64 {
	b.Helper()
	ctx := context.Background()
	id, err := s.Plan(ctx, benchActor, meetings.Plan{OrgID: cell, Kind: k, Date: d, Time: "19:30", Place: "Nhà văn hóa khu dân cư số 9", Topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"})
	if err != nil {
		b.Fatal(err)
	}
	v, err := s.Load(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	v, err = s.SaveAttendance(ctx, benchActor, id, rollOf(v, 0))
	if err != nil {
		b.Fatal(err)
	}
	if v, err = s.SaveVotes(ctx, benchActor, id, party.Votes{Yes: v.Voting.PresentVoters - 1, No: 1}); err != nil {
		b.Fatal(err)
	}
	start := d.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(110 * time.Minute), Place: "Nhà văn hóa khu dân cư số 9",
		Chair: v.Roll[1].FullName, MinuteTaker: v.Roll[2].FullName, Topic: v.Meeting.Topic, LeadPaperBy: v.Roll[3].FullName,
		Conclusion: "Chi bộ thống nhất các nhiệm vụ của tháng tới.", Resolution: "Nghị quyết: vận động nhân dân giữ gìn vệ sinh môi trường, an ninh trật tự.",
		ReadBack: true, SelfRating: party.Kha, Guests: []string{"Phạm Văn Tùng, Đảng ủy viên phường"}}
	for i, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Presenter: v.Roll[1].FullName,
			Text: "Đồng chí bí thư trình bày " + it.Title + ". Chi bộ đã thảo luận kỹ và thống nhất các nội dung chính, phân công đảng viên phụ trách từng việc cụ thể."}
		for j := range 3 {
			r := v.Roll[(i*3+j+1)%len(v.Roll)]
			mi.Speeches = append(mi.Speeches, party.Speech{MemberID: r.MemberID, Speaker: r.FullName, Text: "Đề nghị chi bộ quan tâm hơn đến việc giữ gìn an ninh trật tự và vệ sinh môi trường trên địa bàn."})
		}
		c.Items = append(c.Items, mi)
	}
	if _, err := s.SaveMinutes(ctx, benchActor, id, c, "", 0); err != nil {
		b.Fatal(err)
	}
	return id
}

// rollOf marks every editable member present but the last two, the
// first of whom is absent with a reason; shift varies who.
func rollOf(v meetings.View, shift int) []party.Entry {
	var out []party.Entry
	var editable []int64
	for _, r := range v.Roll {
		if r.Editable && r.Derived != party.DerivedExempt {
			editable = append(editable, r.MemberID)
		}
	}
	for i, id := range editable {
		e := party.Entry{MemberID: id, Status: party.CoMat, DuesPaid: true}
		switch (i + shift) % len(editable) {
		case len(editable) - 2:
			e.Status, e.Reason = party.VangCoLyDo, "Đi công tác"
		case len(editable) - 1:
			e.Status = party.VangKhongLyDo
		}
		out = append(out, e)
	}
	return out
}

// Saving the whole roll call of a 90-member cell (target < 20 ms).
func BenchmarkAttendanceSave90(b *testing.B) {
	db := storetest.NewSQLite(b)
	f := testfix.New(b, db)
	s := benchService(b, db)
	cell := bigCell(b, db, f, 90)
	ctx := context.Background()
	id, err := s.Plan(ctx, benchActor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: party.D(2026, time.June, 5), Time: "19:30"})
	if err != nil {
		b.Fatal(err)
	}
	v, err := s.Load(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	if len(v.Roll) != 90 {
		b.Fatalf("roll of %d", len(v.Roll))
	}
	b.Run("whole-roll", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := s.SaveAttendance(ctx, benchActor, id, rollOf(v, i)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	// One tap of the phone screen: one member's line.
	b.Run("one-tap", func(b *testing.B) {
		e := rollOf(v, 0)
		i := 0
		for b.Loop() {
			x := e[i%len(e)]
			if _, err := s.SaveAttendance(ctx, benchActor, id, []party.Entry{x}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// Printing one meeting's minutes as PDF (target < 100 ms).
func BenchmarkMinutesPDF(b *testing.B) {
	db := storetest.NewSQLite(b)
	f := testfix.New(b, db)
	s := benchService(b, db)
	cell := bigCell(b, db, f, 90)
	id := heldMeeting(b, s, cell, party.ThuongKy, party.D(2026, time.June, 5))
	ctx := context.Background()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := s.PrintMinutes(ctx, id, "pdf", &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

// A cell's minute book for a year of 16 meetings: 12 regular, 4
// thematic (target < 1 s).
func BenchmarkMinuteBook16(b *testing.B) {
	db := storetest.NewSQLite(b)
	f := testfix.New(b, db)
	s := benchService(b, db)
	cell := bigCell(b, db, f, 30)
	for m := time.January; m <= time.December; m++ {
		heldMeeting(b, s, cell, party.ThuongKy, party.D(2025, m, 5))
		if m%3 == 2 {
			heldMeeting(b, s, cell, party.ChuyenDe, party.D(2025, m, 20))
		}
	}
	ctx := context.Background()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := s.PrintMinuteBook(ctx, cell, 2025, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/book")
}

// A cell's calendar feed over three years back (and the months planned
// ahead): what a phone fetches (target < 50 ms).
func BenchmarkICalFeed3Years(b *testing.B) {
	db := storetest.NewSQLite(b)
	f := testfix.New(b, db)
	s := benchService(b, db)
	ctx := context.Background()
	n := 0
	for d := party.D(2023, time.July, 5); !d.After(party.D(2026, time.December, 5)); d = d.AddMonths(1) {
		if _, err := s.Plan(ctx, benchActor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: d, Time: "19:30", Place: "Nhà văn hóa tổ dân phố số 5"}); err != nil {
			b.Fatal(err)
		}
		n++
		if d.Month()%3 == 2 {
			if _, err := s.Plan(ctx, benchActor, meetings.Plan{OrgID: f.CellA1, Kind: party.ChuyenDe, Date: d.AddDays(15), Time: "08:00", Topic: "Học tập và làm theo tư tưởng Hồ Chí Minh"}); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	token, err := s.FeedToken(ctx, f.CellA1, 0)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteFeed(ctx, token, "https://chibo.example", &buf); err != nil || bytes.Count(buf.Bytes(), []byte("BEGIN:VEVENT")) < 48 {
		b.Fatalf("feed of %d events from %d meetings: %v", bytes.Count(buf.Bytes(), []byte("BEGIN:VEVENT")), n, err)
	}
	for b.Loop() {
		if err := s.WriteFeed(ctx, token, "https://chibo.example", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
