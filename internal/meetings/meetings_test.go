package meetings_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "seca1"}

func service(db *store.DB) *meetings.Service {
	s := &meetings.Service{DB: db, Now: testfix.Now}
	if err := s.EnsureRuleSets(context.Background()); err != nil {
		panic(err)
	}
	return s
}

func code(err error) party.Code { return party.ErrorCode(err) }

// planJune plans cell A1's regular meeting of June 2026 on 05/06 at 19:30.
func planJune(t *testing.T, s *meetings.Service, f *testfix.Fix) int64 {
	t.Helper()
	id, err := s.Plan(context.Background(), actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.June, 5), Time: "19:30", Place: "Nhà văn hóa tổ dân phố số 5"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// fullAttendance marks every editable member present except the named ones.
func fullAttendance(v meetings.View, absent map[string]party.Entry) []party.Entry {
	var out []party.Entry
	for _, r := range v.Roll {
		if !r.Editable || r.Derived == party.DerivedExempt {
			continue
		}
		e := party.Entry{MemberID: r.MemberID, Status: party.CoMat, DuesPaid: true}
		if a, ok := absent[r.FullName]; ok {
			a.MemberID = r.MemberID
			e = a
		}
		out = append(out, e)
	}
	return out
}

func TestPlanRefusesASecondRegularMeeting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := service(db)
		planJune(t, s, f)
		_, err := s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.June, 20), Time: "19:30"})
		if code(err) != party.ERule {
			t.Fatalf("second regular meeting of June: %v", err)
		}
		// An extraordinary meeting in the same month is fine.
		if _, err := s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.BatThuong, Date: party.D(2026, time.June, 20), Time: "19:30"}); err != nil {
			t.Fatal(err)
		}
		// A committee does not hold meetings; a bad time is refused beside the field.
		if _, err := s.Plan(ctx, actor, meetings.Plan{OrgID: f.WardA, Kind: party.ThuongKy, Date: party.D(2026, time.July, 5), Time: "19:30"}); code(err) != party.ERule {
			t.Errorf("meeting of a committee: %v", err)
		}
		_, err = s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.July, 5), Time: "25:99"})
		if e, ok := party.AsError(err); !ok || e.Fields["time"].Key == "" {
			t.Errorf("bad time: %v", err)
		}
		// A late meeting (3 July) may count for June only if June has none.
		_, err = s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.July, 3), Time: "19:30", Period: party.MonthPeriod(2026, time.June)})
		if code(err) != party.ERule {
			t.Errorf("late meeting for a month already planned: %v", err)
		}
		_, err = s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.July, 3), Time: "19:30", Period: party.MonthPeriod(2026, time.March)})
		if code(err) != party.EInvalid {
			t.Errorf("meeting counted for a period three months back: %v", err)
		}
	})
}

func TestTheSecretarysMonth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := service(db)
		id := planJune(t, s, f)
		v, err := s.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !v.RollDraw || len(v.Roll) != 11 {
			t.Fatalf("drawn roll has %d rows (draw=%v), want 10 home members + 1 hosted", len(v.Roll), v.RollDraw)
		}
		if got := v.Meeting.Agenda; len(got) < 4 {
			t.Fatalf("agenda from the template has %d items", len(got))
		}

		// Attendance: one excused absence (with its reason), one unexcused.
		entries := fullAttendance(v, map[string]party.Entry{
			"Trần Thị Bình":  {Status: party.VangCoLyDo, Reason: "Ốm"},
			"Hoàng Văn Dũng": {Status: party.VangKhongLyDo},
		})
		v, err = s.SaveAttendance(ctx, actor, id, entries)
		if err != nil {
			t.Fatal(err)
		}
		a := v.Attendance
		// Roll: 10 home members (one exempt, one away) + 1 hosted. Required:
		// 11 − exempt − away = 9; present 7 of 9.
		if a.Required != 9 || a.Present != 7 || a.AbsentExcused != 1 || a.AbsentUnexcused != 1 {
			t.Errorf("attendance = %+v", a)
		}
		if v.Meeting.Status != party.DaHop {
			t.Errorf("status after roll call = %s", v.Meeting.Status)
		}

		// Bad input: a reason is required for an excused absence; someone
		// not summoned is refused; the member away cannot be marked.
		bad := []party.Entry{{MemberID: f.Members["Trần Thị Bình"], Status: party.VangCoLyDo}}
		if _, err := s.SaveAttendance(ctx, actor, id, bad); code(err) != party.EInvalid {
			t.Errorf("excused absence without reason: %v", err)
		}
		if _, err := s.SaveAttendance(ctx, actor, id, []party.Entry{{MemberID: f.Members["Mai Thị Hoa"], Status: party.CoMat}}); code(err) != party.ERule {
			t.Errorf("attendance for a member of another cell: %v", err)
		}
		if _, err := s.SaveAttendance(ctx, actor, id, []party.Entry{{MemberID: f.Members["Đặng Quang Hải"], Status: party.CoMat}}); code(err) != party.ERule {
			t.Errorf("attendance for a member temporarily away: %v", err)
		}

		// The vote: more votes than voters present is refused; the
		// probationary member's ballot is refused with her name.
		voters := v.Voting.PresentVoters
		if _, err := s.SaveVotes(ctx, actor, id, party.Votes{Yes: voters + 1}); code(err) != party.ERule {
			t.Errorf("votes above voters present: %v", err)
		}
		_, err = s.SaveVotes(ctx, actor, id, party.Votes{Ballots: []party.Ballot{{MemberID: f.Members["Ngô Thị Yến"], Vote: party.VoteYes}}})
		if e, ok := party.AsError(err); !ok || e.Code != party.ERule || !strings.Contains(e.Msg.String(), "Ngô Thị Yến") {
			t.Errorf("probationary ballot: %v", err)
		}
		v, err = s.SaveVotes(ctx, actor, id, party.Votes{Yes: voters - 1, No: 1})
		if err != nil {
			t.Fatal(err)
		}
		if !v.Voting.Passed || !v.Voting.QuorumMet {
			t.Errorf("voting = %+v", v.Voting)
		}

		// Minutes: an end before the start is refused; saving twice from
		// the same version is a conflict, not a silent overwrite.
		start := party.D(2026, time.June, 5).At(19, 30)
		c := completeMinutes(v, start)
		bad2 := c
		bad2.EndedAt = start.Add(-time.Hour)
		if _, err := s.SaveMinutes(ctx, actor, id, bad2, "", 0); code(err) != party.ERule {
			t.Errorf("end before start: %v", err)
		}
		v, err = s.SaveMinutes(ctx, actor, id, c, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if v.Minutes.Version != 1 {
			t.Errorf("version after the first save = %d", v.Minutes.Version)
		}
		if _, err := s.SaveMinutes(ctx, actor, id, c, "", 0); code(err) != party.EConflict {
			t.Errorf("second save from version 0: %v", err)
		}
		if !v.Complete {
			t.Fatalf("minutes incomplete: %v", v.Missing)
		}

		// Signing needs both confirmations.
		if _, err := s.Lock(ctx, actor, id, true, false); code(err) != party.EInvalid {
			t.Errorf("lock without the minute-taker: %v", err)
		}
		v, err = s.Lock(ctx, actor, id, true, true)
		if err != nil {
			t.Fatal(err)
		}
		if !v.Locked() {
			t.Fatal("not locked")
		}
		// A locked record refuses every change (409) and only gains amendments.
		if _, err := s.SaveMinutes(ctx, actor, id, c, "", v.Minutes.Version); code(err) != party.ELocked {
			t.Errorf("edit after signing: %v", err)
		}
		if _, err := s.SaveAttendance(ctx, actor, id, entries); code(err) != party.ELocked {
			t.Errorf("attendance after signing: %v", err)
		}
		if _, err := s.Amend(ctx, actor, id, "", "x"); code(err) != party.EInvalid {
			t.Errorf("amendment without a reason: %v", err)
		}
		if _, err := s.Amend(ctx, actor, id, "Ghi nhầm tên người phát biểu", "Ý kiến thứ hai là của đồng chí Lê Văn Ánh."); err != nil {
			t.Fatal(err)
		}
		v, _ = s.Load(ctx, id)
		if len(v.Amendments) != 1 || v.Minutes.Content.Conclusion != c.Conclusion {
			t.Errorf("amendments %d; original changed: %v", len(v.Amendments), v.Minutes.Content.Conclusion != c.Conclusion)
		}

		// Printing.
		var pdf, docx bytes.Buffer
		if err := s.PrintMinutes(ctx, id, "pdf", &pdf); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
			t.Errorf("pdf: %v (%d bytes)", err, pdf.Len())
		}
		if err := s.PrintMinutes(ctx, id, "docx", &docx); err != nil || !bytes.HasPrefix(docx.Bytes(), []byte("PK")) {
			t.Errorf("docx: %v", err)
		}
		var book bytes.Buffer
		if err := s.PrintMinuteBook(ctx, f.CellA1, 2026, &book); err != nil || book.Len() == 0 {
			t.Errorf("minute book: %v", err)
		}
	})
}

// completeMinutes writes minutes with every required part.
func completeMinutes(v meetings.View, start time.Time) party.MinutesContent {
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(2 * time.Hour), Place: "Nhà văn hóa tổ dân phố số 5",
		Chair: "Nguyễn Văn An", MinuteTaker: "Trần Thị Bình", Conclusion: "Chi bộ thống nhất các nhiệm vụ tháng 7/2026.",
		Resolution: "Nghị quyết tháng 6/2026: vận động nhân dân giữ vệ sinh môi trường, chăm lo gia đình chính sách.",
		ReadBack:   true, SelfRating: party.Kha}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Presenter: "Nguyễn Văn An", Text: "Đồng chí bí thư trình bày " + it.Title + "."}
		if it.Part == party.PartContent {
			mi.Speeches = []party.Speech{{MemberID: 1, Speaker: "Lê Văn Ánh", Text: "Đề nghị tăng cường tuần tra ban đêm."}}
		}
		c.Items = append(c.Items, mi)
	}
	return c
}

func TestAttendanceBeforeTheDayIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := service(db)
		id, err := s.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.July, 5), Time: "19:30"})
		if err != nil {
			t.Fatal(err)
		}
		v, _ := s.Load(ctx, id)
		if _, err := s.SaveAttendance(ctx, actor, id, fullAttendance(v, nil)); code(err) != party.ERule {
			t.Errorf("attendance for a meeting in the future: %v", err)
		}
		if _, err := s.SaveVotes(ctx, actor, id, party.Votes{Yes: 1}); code(err) != party.ERule {
			t.Errorf("vote before attendance: %v", err)
		}
		// A notice reaches the accounts of members once.
		res, err := s.SendNotice(ctx, actor, id, "https://chibo.example")
		if err != nil {
			t.Fatal(err)
		}
		if res.InApp == 0 {
			t.Errorf("no notification stored: %+v", res)
		}
		again, err := s.SendNotice(ctx, actor, id, "https://chibo.example")
		if err != nil || again.InApp != 0 {
			t.Errorf("second notice without change: %+v, %v", again, err)
		}
		v, _ = s.Load(ctx, id)
		if v.Meeting.Status != party.DaThongBao || v.Meeting.Prep.NoticeSentAt.IsZero() {
			t.Errorf("status after notice: %s", v.Meeting.Status)
		}
	})
}

func TestYearCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := service(db)
		id := planJune(t, s, f)
		v, _ := s.Load(ctx, id)
		if _, err := s.SaveAttendance(ctx, actor, id, fullAttendance(v, nil)); err != nil {
			t.Fatal(err)
		}
		n, err := s.PlanYear(ctx, actor, f.CellA1, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if n != 6 { // July to December
			t.Errorf("planned %d months, want 6", n)
		}
		cal, err := s.YearCalendar(ctx, f.CellA1, 2026)
		if err != nil {
			t.Fatal(err)
		}
		want := map[time.Month]party.RegularStatus{time.May: party.KhongHop, time.June: party.DungHan, time.July: party.ChuaDenHan}
		for _, m := range cal.Months {
			if w, ok := want[m.Period.Month]; ok && m.Status != w {
				t.Errorf("%s: %s, want %s", m.Period, m.Status, w)
			}
		}
		if cal.Quarters[0].Status != party.ThematicMissing || cal.Quarters[1].Status != party.ThematicNotDue {
			t.Errorf("quarters: %s %s", cal.Quarters[0].Status, cal.Quarters[1].Status)
		}
	})
}

func TestFeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := service(db)
		planJune(t, s, f)
		tok, err := s.FeedToken(ctx, f.CellA1, 0)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := s.FeedToken(ctx, f.CellA1, 0)
		if again != tok {
			t.Error("feed token changes between calls")
		}
		var b bytes.Buffer
		if err := s.WriteFeed(ctx, tok, "https://chibo.example", &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "BEGIN:VEVENT") || !strings.Contains(b.String(), "\r\n") {
			t.Errorf("feed:\n%s", b.String())
		}
		var mb bytes.Buffer
		mtok, _ := s.FeedToken(ctx, 0, f.Members["Lê Văn Ánh"])
		if err := s.WriteFeed(ctx, mtok, "", &mb); err != nil || !strings.Contains(mb.String(), "BEGIN:VEVENT") {
			t.Errorf("member feed: %v", err)
		}
		if err := s.WriteFeed(ctx, "nonsense", "", &b); code(err) != party.ENotFound {
			t.Errorf("unknown token: %v", err)
		}
	})
}
