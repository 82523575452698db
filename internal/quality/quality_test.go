package quality_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/textsim"
)

var actor = store.Actor{Username: "test"}

type env struct {
	db *store.DB
	f  *testfix.Fix
	ms *meetings.Service
	qs *quality.Service
}

func setup(t *testing.T, db *store.DB) env {
	t.Helper()
	f := testfix.New(t, db)
	ms := &meetings.Service{DB: db, Now: testfix.Now}
	qs := &quality.Service{DB: db, Now: testfix.Now, Meetings: ms}
	ms.Hooks = append(ms.Hooks, qs.MeetingHook())
	ctx := context.Background()
	if err := ms.EnsureRuleSets(ctx); err != nil {
		t.Fatal(err)
	}
	if err := qs.EnsureDefaults(ctx); err != nil {
		t.Fatal(err)
	}
	return env{db, f, ms, qs}
}

// held plans and holds a regular meeting of a cell on day d with the given
// minutes text, everyone present, the resolution passed.
func (e env) held(t *testing.T, cell int64, d party.Date, text string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := e.ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30"})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := e.ms.Load(ctx, id)
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	if v, err = e.ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
	if _, err = e.ms.SaveVotes(ctx, actor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		t.Fatal(err)
	}
	start := d.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(100 * time.Minute), Place: "Nhà văn hóa", Chair: "Nguyễn Văn An",
		MinuteTaker: "Trần Thị Bình", Conclusion: "Thống nhất.", Resolution: "Nghị quyết tháng.", ReadBack: true, SelfRating: party.Tot}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Text: text}
		if it.Part == party.PartContent {
			for _, r := range v.Roll {
				if r.Derived == party.DerivedNone {
					mi.Speeches = append(mi.Speeches, party.Speech{MemberID: r.MemberID, Speaker: r.FullName, Text: "Tôi đồng ý với dự thảo."})
				}
			}
		}
		c.Items = append(c.Items, mi)
	}
	if _, err := e.ms.SaveMinutes(ctx, actor, id, c, "", 0); err != nil {
		t.Fatal(err)
	}
	return id
}

// DOMAIN.md §7: "Items the data decides … are filled in automatically and
// cannot be overridden without a reason"; "oversight uses the reviewer's
// score where there is one".
func TestEvaluation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := setup(t, db)
		id := e.held(t, e.f.CellA1, party.D(2026, time.June, 5), "Chi bộ đánh giá kết quả tháng 5 và đề ra nhiệm vụ tháng 6.")
		_, ev, err := e.qs.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Computed) == 0 || ev.Computed[party.ItemAttendanceRate].Points == 0 {
			t.Fatalf("computed items not filled: %+v", ev.Computed)
		}
		// Judged items: full marks for everything the data does not decide.
		var in []party.ScoreInput
		for _, it := range ev.Sheet.Items {
			if !it.Computed {
				in = append(in, party.ScoreInput{Key: it.Key, Points: it.Points})
			}
		}
		self, err := e.qs.Evaluate(ctx, actor, id, quality.BySelf, in)
		if err != nil {
			t.Fatal(err)
		}
		if self.Self == nil || !self.Self.Result.Grade.Valid() {
			t.Fatalf("self evaluation: %+v", self.Self)
		}
		// Overriding a computed item needs a written reason.
		over := append(append([]party.ScoreInput{}, in...), party.ScoreInput{Key: party.ItemAttendanceRate, Points: 0})
		if _, err := e.qs.Evaluate(ctx, actor, id, quality.ByReview, over); party.ErrorCode(err) != party.ERule {
			t.Errorf("override without reason: %v", err)
		}
		// Points outside an item's range.
		bad := append(append([]party.ScoreInput{}, in...), party.ScoreInput{Key: in[0].Key, Points: 999})
		if _, err := e.qs.Evaluate(ctx, actor, id, quality.ByReview, bad[1:]); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("points out of range: %v", err)
		}
		// The review with a reasoned override is what oversight uses.
		over[len(over)-1].Reason = "Điểm danh không khớp sổ theo dõi của phường."
		rev, err := e.qs.Evaluate(ctx, actor, id, quality.ByReview, over)
		if err != nil {
			t.Fatal(err)
		}
		if rev.Grade != rev.Review.Result.Grade || rev.Review.Result.Total >= self.Self.Result.Total {
			t.Errorf("review %d %s, self %d %s, oversight %s", rev.Review.Result.Total, rev.Review.Result.Grade, self.Self.Result.Total, self.Self.Result.Grade, rev.Grade)
		}
		// What Evaluate answers is what a fresh load reads.
		_, again, err := e.qs.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(scoredRow(again.Review), scoredRow(rev.Review)) || !reflect.DeepEqual(scoredRow(again.Self), scoredRow(rev.Self)) || again.Grade != rev.Grade {
			t.Errorf("answered %+v / %+v, stored %+v / %+v", rev.Self, rev.Review, again.Self, again.Review)
		}
		// A meeting not held cannot be scored.
		planned, _ := e.ms.Plan(ctx, actor, meetings.Plan{OrgID: e.f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.July, 5), Time: "19:30"})
		if _, err := e.qs.Evaluate(ctx, actor, planned, quality.BySelf, in); party.ErrorCode(err) != party.ERule {
			t.Errorf("evaluating a planned meeting: %v", err)
		}
	})
}

func TestScoreSheetMustAddUp(t *testing.T) {
	e := setup(t, storetest.NewSQLite(t))
	sheet := party.DefaultScoreSheet("HD12-2018")
	sheet.Items[0].Points += 5
	if _, err := e.qs.SaveSheet(context.Background(), actor, sheet, "Phiếu sai"); party.ErrorCode(err) != party.EInvalid {
		t.Errorf("a sheet not adding up: %v", err)
	}
	good := party.DefaultScoreSheet("HD12-2018")
	code, err := e.qs.SaveSheet(context.Background(), actor, good, "Phiếu năm 2026")
	if err != nil || !strings.HasSuffix(code, "/v2") {
		t.Errorf("new version: %q, %v", code, err)
	}
}

// Issue 4: "Minutes that are nearly the same as the cell's previous
// minutes, or as another cell's minutes of the same period, are flagged …
// so two honest minutes that share the template are not flagged."
func TestFormalismFindsCopiesNotHonestMinutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := setup(t, db)
		copied := "Tháng qua chi bộ đã lãnh đạo tổ dân phố ra quân tổng vệ sinh môi trường, nạo vét cống rãnh ngõ 12 và ngõ 14, " +
			"vận động 46 hộ gia đình đóng góp quỹ khuyến học được 9.200.000 đồng, thăm hỏi 3 gia đình chính sách nhân ngày 27 tháng 7. " +
			"Tình hình an ninh trật tự ổn định, không có vụ việc phức tạp; tổ hòa giải đã giải quyết xong việc tranh chấp lối đi giữa hai hộ."
		honest := "Chi bộ Trường Tiểu học họp kiểm điểm công tác giảng dạy học kỳ II: tỷ lệ học sinh hoàn thành chương trình đạt 99,1%, " +
			"ba giáo viên đạt giáo viên dạy giỏi cấp quận; tổ chức lễ tổng kết năm học và phân công trực hè, sửa chữa phòng học tầng hai trước khai giảng."
		a := e.held(t, e.f.CellA1, party.D(2026, time.May, 6), copied)
		b := e.held(t, e.f.CellA2, party.D(2026, time.May, 8), strings.Replace(copied, "46 hộ", "47 hộ", 1))
		c := e.held(t, e.f.CellB1, party.D(2026, time.May, 7), honest)
		res, err := e.qs.Scan(ctx, actor, party.MonthPeriod(2026, time.May))
		if err != nil {
			t.Fatal(err)
		}
		if res.Minutes != 3 || res.Peers != 1 {
			t.Fatalf("scan: %+v", res)
		}
		p, err := e.qs.LoadPair(ctx, a, b)
		if err != nil {
			t.Fatal(err)
		}
		// The two cells' speakers differ, the rest is copied: flagged.
		if p.Row.Similarity < 0.5 {
			t.Errorf("copied minutes similarity %.2f", p.Row.Similarity)
		}
		changed := false
		for _, op := range p.Diff {
			if op.Kind != textsim.Equal && strings.Contains(op.A+op.B, "47") {
				changed = true
			}
		}
		if !changed {
			t.Error("the diff does not show the changed words")
		}
		if _, err := e.qs.LoadPair(ctx, a, c); party.ErrorCode(err) != party.ENotFound {
			t.Errorf("honest minutes paired: %v", err)
		}
		// The next month copied from the cell's own previous minutes.
		d := e.held(t, e.f.CellA1, party.D(2026, time.June, 5), copied)
		res, err = e.qs.Scan(ctx, actor, party.MonthPeriod(2026, time.June))
		if err != nil {
			t.Fatal(err)
		}
		if res.Previous != 1 {
			t.Errorf("copy of the previous month not found: %+v", res)
		}
		if _, err := e.qs.LoadPair(ctx, a, d); err != nil {
			t.Errorf("previous-month pair: %v", err)
		}
		if err := e.qs.Review(ctx, actor, a, b, "confirmed", "Hai chi bộ chép biên bản của nhau."); err != nil {
			t.Fatal(err)
		}
		if err := e.qs.Review(ctx, actor, a, b, "maybe", ""); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("bad verdict: %v", err)
		}
	})
}

func TestTopicsInheritDownTheTree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := setup(t, db)
		q2 := party.QuarterPeriod(2026, 2)
		before, err := e.qs.TopicsForCell(ctx, e.f.CellA1, q2)
		if err != nil {
			t.Fatal(err)
		}
		if len(before) != 8 { // 5 general groups + 3 for residential cells
			t.Errorf("default topics for a residential cell: %d", len(before))
		}
		school, _ := e.qs.TopicsForCell(ctx, e.f.CellB1, q2)
		if len(school) != 5 {
			t.Errorf("default topics for a school cell: %d", len(school))
		}
		id, err := e.qs.SaveTopic(ctx, actor, store.Topic{OrgID: e.f.WardA, Title: "Xây dựng tuyến phố văn minh", Period: "2026-Q2",
			CellTypes: []party.CellType{party.CellThonTDP}, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := e.qs.TopicsForCell(ctx, e.f.CellA1, q2)
		if len(after) != len(before)+1 {
			t.Errorf("ward's topic not inherited by its cell")
		}
		other, _ := e.qs.TopicsForCell(ctx, e.f.CellB1, q2)
		for _, x := range other {
			if x.ID == id {
				t.Error("ward A's topic reached a cell of ward B")
			}
		}
		if _, err := e.qs.SaveTopic(ctx, actor, store.Topic{OrgID: e.f.CellA1, Title: "Chi bộ tự ra chủ đề"}); party.ErrorCode(err) != party.ERule {
			t.Errorf("topic published by a cell: %v", err)
		}
		if _, err := e.qs.SaveTopic(ctx, actor, store.Topic{OrgID: e.f.WardA, Title: "X", Period: "quý 2"}); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("bad period: %v", err)
		}
		// Coverage: a thematic meeting on the ward's topic.
		mid, err := e.ms.Plan(ctx, actor, meetings.Plan{OrgID: e.f.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, time.May, 20), Time: "19:30", Topic: "Tuyến phố văn minh"})
		if err != nil {
			t.Fatal(err)
		}
		prep := party.Preparation{TopicID: id}
		if _, err := e.ms.Update(ctx, actor, mid, meetings.Change{Prep: &prep}); err != nil {
			t.Fatal(err)
		}
		v, _ := e.ms.Load(ctx, mid)
		var entries []party.Entry
		for _, r := range v.Roll {
			if r.Editable && r.Derived == party.DerivedNone {
				entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
			}
		}
		if _, err := e.ms.SaveAttendance(ctx, actor, mid, entries); err != nil {
			t.Fatal(err)
		}
		cov, err := e.qs.Coverage(ctx, e.f.WardA, party.D(2026, time.April, 1), party.D(2026, time.June, 30))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range cov {
			if r.Topic.ID == id && (r.Cells != 1 || r.ByType[party.CellThonTDP] != 1 || r.Eligible != 2) {
				t.Errorf("coverage of the ward's topic: %+v", r)
			}
		}
	})
}

// scoredRow is what an evaluation stored, in a comparable form.
func scoredRow(sc *quality.Scored) any {
	if sc == nil {
		return nil
	}
	r := sc.Row
	return []any{r.By, r.Sheet, r.Inputs, r.Total, r.Grade, r.ByUser, r.At.Unix(), r.Version, sc.Result.Total, sc.Result.Grade}
}
