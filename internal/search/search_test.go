package search_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"chibo/internal/auth"
	"chibo/internal/meetings"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "seca1"}

// world is the fixture with a meetings service that keeps the index.
type world struct {
	db  *store.DB
	fix *testfix.Fix
	ms  *meetings.Service
	s   *search.Service
}

func newWorld(t *testing.T, db *store.DB) *world {
	t.Helper()
	fix := testfix.New(t, db)
	s := &search.Service{DB: db, Now: testfix.Now}
	ms := &meetings.Service{DB: db, Now: testfix.Now, Hooks: []meetings.Hook{s.MeetingHook()}}
	if err := ms.EnsureRuleSets(context.Background()); err != nil {
		t.Fatal(err)
	}
	return &world{db: db, fix: fix, ms: ms, s: s}
}

// hold plans a regular meeting of cell on day, takes attendance (all
// present), records a unanimous vote and saves minutes with the given
// resolution and speech; it returns the meeting.
func (w *world) hold(t *testing.T, cell int64, day party.Date, resolution, speech string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := w.ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: day, Time: "19:30"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := w.ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived != party.DerivedExempt {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat, DuesPaid: true})
		}
	}
	if v, err = w.ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
	if v, err = w.ms.SaveVotes(ctx, actor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ms.SaveMinutes(ctx, actor, id, minutes(v, day, resolution, speech), "", 0); err != nil {
		t.Fatal(err)
	}
	return id
}

// minutes fills every part of the minutes, with one speech.
func minutes(v meetings.View, day party.Date, resolution, speech string) party.MinutesContent {
	start := day.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(2 * time.Hour), Place: "Nhà văn hóa tổ dân phố",
		Chair: "Nguyễn Văn An", MinuteTaker: "Trần Thị Bình", Conclusion: "Chi bộ thống nhất các nhiệm vụ tháng tới.",
		Resolution: resolution, ReadBack: true, SelfRating: party.Kha}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Presenter: "Nguyễn Văn An", Text: "Đồng chí bí thư trình bày " + it.Title + "."}
		if it.Part == party.PartContent && speech != "" {
			mi.Speeches = []party.Speech{{Speaker: "Lê Văn Ánh", Text: speech}}
			speech = ""
		}
		c.Items = append(c.Items, mi)
	}
	return c
}

func (w *world) search(t *testing.T, user, q string, opt search.Options) search.Results {
	t.Helper()
	res, err := w.s.Search(context.Background(), w.fix.Principal(t, user), q, opt)
	if err != nil {
		t.Fatalf("%s searches %q: %v", user, q, err)
	}
	return res
}

// found lists kind:id of the results.
func found(res search.Results) []string {
	out := []string{}
	for _, r := range res.Items {
		out = append(out, r.Kind+":"+itoa(r.ID))
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// render writes a snippet with the hits in [brackets].
func render(r search.Result) string {
	var b strings.Builder
	for _, p := range r.Snippet.Parts {
		if p.Hit {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func find(res search.Results, kind string) (search.Result, bool) {
	for _, r := range res.Items {
		if r.Kind == kind {
			return r, true
		}
	}
	return search.Result{}, false
}

// A secretary types without diacritics: "dang" finds the resolution about
// the Party (Đảng), "sinh hoat" the minutes of the cell's meeting (sinh
// hoạt), and the snippet shows the words as written, hits marked.
func TestSearchWithoutDiacritics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id := w.hold(t, w.fix.CellA1, party.D(2025, 6, 5),
			"Chi bộ đề nghị Đảng ủy phường xem xét kết nạp quần chúng Vũ Ngọc Anh vào Đảng Cộng sản Việt Nam.",
			"Đề nghị tăng cường sinh hoạt chuyên đề về chuyển đổi số.")
		res := w.search(t, "seca1", "dang uy", search.Options{})
		r, ok := find(res, search.KindResolution)
		if !ok || r.ID != id {
			t.Fatalf("dang uy: %v, want the resolution of meeting %d", found(res), id)
		}
		if got := render(r); !strings.Contains(got, "[Đảng] [ủy] phường") {
			t.Errorf("snippet %q: the hits keep their diacritics and are marked", got)
		}
		if r.OrgName != "Chi bộ tổ dân phố số 5" || r.Date != party.D(2025, 6, 5) || r.Period != party.MonthPeriod(2025, time.June) || r.MeetingKind != party.ThuongKy {
			t.Errorf("result details %+v", r)
		}
		res = w.search(t, "seca1", "sinh hoat", search.Options{})
		sp, ok := find(res, search.KindSpeech)
		if !ok || sp.Title != "Lê Văn Ánh" || !strings.Contains(render(sp), "[sinh] [hoạt] chuyên đề") {
			t.Errorf("sinh hoat: %v; speech %+v", found(res), sp)
		}
		if _, ok := find(res, search.KindMinutes); !ok {
			t.Errorf("sinh hoat: the minutes not found: %v", found(res))
		}
		// Phrase, prefix, exclusion.
		if res := w.search(t, "seca1", `"vu ngoc anh"`, search.Options{Kinds: []string{search.KindResolution}}); len(res.Items) != 1 {
			t.Errorf("phrase: %v", found(res))
		}
		if res := w.search(t, "seca1", `"ngoc vu anh"`, search.Options{}); len(res.Items) != 0 {
			t.Errorf("phrase in the wrong order: %v", found(res))
		}
		if res := w.search(t, "seca1", "chuyể*", search.Options{Kinds: []string{search.KindSpeech}}); len(res.Items) != 1 {
			t.Errorf("prefix: %v", found(res))
		}
		if res := w.search(t, "seca1", "dang -ket", search.Options{Kinds: []string{search.KindResolution}}); len(res.Items) != 0 {
			t.Errorf("exclusion: %v", found(res))
		}
	})
}

// Who sees what: a secretary her cell, a board its subtree, a member his
// home cell, an administrator everything; member names only where the
// member register may be seen.
func TestSearchSeesOnlyWhatTheUserMay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		a := w.hold(t, w.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết về vệ sinh môi trường khu dân cư.", "")
		b := w.hold(t, w.fix.CellB1, party.D(2025, 6, 6), "Nghị quyết về vệ sinh môi trường trường học.", "")
		ra, rb := "resolution:"+itoa(a), "resolution:"+itoa(b)
		cases := []struct {
			user string
			want []string
		}{
			{"seca1", []string{ra}},
			{"secb1", []string{rb}},
			{"seca2", []string{}},
			{"boarda", []string{ra}},
			{"boardb", []string{rb}},
			{"board", []string{rb, ra}},
			{"admin", []string{rb, ra}},
			{"mema1", []string{ra}},
			{"memb1", []string{rb}},
		}
		for _, c := range cases {
			res := w.search(t, c.user, "ve sinh moi truong", search.Options{Kinds: []string{search.KindResolution}})
			if got := found(res); !slices.Equal(got, c.want) {
				t.Errorf("%s sees %v, want %v", c.user, got, c.want)
			}
		}
		an := "member:" + itoa(w.fix.Members["Nguyễn Văn An"])
		self := "member:" + itoa(w.fix.Members["Lê Văn Ánh"])
		names := []struct {
			user, q string
			want    []string
		}{
			{"seca1", "nguyen van an", []string{an}},
			{"boarda", "nguyen van an", []string{an}},
			{"secb1", "nguyen van an", []string{}},
			{"boardb", "nguyen van an", []string{}},
			{"mema1", "nguyen van an", []string{}},  // a member sees no one's record …
			{"mema1", "le van anh", []string{self}}, // … but their own
		}
		for _, c := range names {
			res := w.search(t, c.user, c.q, search.Options{Kinds: []string{search.KindMember}})
			if got := found(res); !slices.Equal(got, c.want) {
				t.Errorf("%s searching %q sees %v, want %v", c.user, c.q, got, c.want)
			}
		}
	})
}

// Bad input gets a clear message, never an engine error: an empty or
// 10,000-character query, FTS5 and tsquery syntax, a bad cursor or kind.
func TestSearchRefusesBadInputClearly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		w.hold(t, w.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết: a OR b, col:x, NEAR(a b) và 'trích dẫn' \\ hết.", "")
		p := w.fix.Principal(t, "seca1")
		for _, q := range []string{"", "   ", strings.Repeat("đảng ", 2000), `"`, `NEAR(`, `a OR`, `*`, `col:x`, `'`, `\`, `-"`, `^`, `a AND NOT`, `"a" * "b"`,
			`'; DROP TABLE search_docs; --`, `đ*`, `-vắng`, "\x00", "🎉"} {
			_, err := w.s.Search(context.Background(), p, q, search.Options{})
			if err != nil && party.ErrorCode(err) != party.EInvalid {
				t.Errorf("%q: %v, want results or a party.Invalid message", q, err)
			}
			if e, ok := party.AsError(err); ok && !strings.HasPrefix(e.Msg.Key, "search.") {
				t.Errorf("%q: message %s, want searchq's", q, e.Msg.Key)
			}
		}
		for _, opt := range []search.Options{{Cursor: "not-a-cursor"}, {Cursor: "a2"}, {Kinds: []string{"minutes", "secrets"}}} {
			if _, err := w.s.Search(context.Background(), p, "dang", opt); party.ErrorCode(err) != party.EInvalid {
				t.Errorf("%+v: %v, want party.Invalid", opt, err)
			}
		}
		if _, err := w.s.Search(context.Background(), auth.Anonymous, "dang", search.Options{}); party.ErrorCode(err) != party.EUnauthorized {
			t.Errorf("anonymous search: %v", err)
		}
	})
}

// Editing the minutes replaces the old words in the index; deleting a
// meeting removes its texts.
func TestSearchFollowsTheMinutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		id := w.hold(t, w.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết về phòng chống lụt bão.", "Ý kiến về thu gom rác.")
		v, err := w.ms.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c := v.Minutes.Content
		c.Resolution = "Nghị quyết về an ninh trật tự."
		for i := range c.Items {
			c.Items[i].Speeches = nil
		}
		if _, err := w.ms.SaveMinutes(ctx, actor, id, c, "", v.Minutes.Version); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "seca1", "lut bao", search.Options{}); len(res.Items) != 0 {
			t.Errorf("old resolution still found after the edit: %v", found(res))
		}
		if res := w.search(t, "seca1", "thu gom rac", search.Options{}); len(res.Items) != 0 {
			t.Errorf("removed speech still found: %v", found(res))
		}
		if res := w.search(t, "seca1", "an ninh", search.Options{Kinds: []string{search.KindResolution}}); len(res.Items) != 1 {
			t.Errorf("new resolution not found: %v", found(res))
		}

		// A planned meeting with draft minutes, then deleted.
		id2, err := w.ms.Plan(ctx, actor, meetings.Plan{OrgID: w.fix.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, 7, 20), Time: "19:30", Topic: "Chuyển đổi số"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.ms.SaveMinutes(ctx, actor, id2, party.MinutesContent{Topic: "Chuyển đổi số", Resolution: "Dự thảo: ứng dụng phần mềm quản lý đảng viên."}, "", 0); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "seca1", "phan mem", search.Options{}); len(res.Items) == 0 {
			t.Fatalf("draft minutes not found")
		}
		if err := w.ms.Delete(ctx, actor, id2); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "seca1", "phan mem", search.Options{}); len(res.Items) != 0 {
			t.Errorf("deleted meeting still found: %v", found(res))
		}
	})
}

// Pages follow each other through the cursor, most recent first.
func TestSearchPagesThroughTheCursor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		for m := time.January; m <= time.May; m++ {
			w.hold(t, w.fix.CellA1, party.D(2026, m, 5), "Nghị quyết tháng về công tác đảng viên.", "")
		}
		var dates []party.Date
		cursor := ""
		for pages := 1; ; pages++ {
			res := w.search(t, "seca1", "dang vien", search.Options{Kinds: []string{search.KindResolution}, Limit: 2, Cursor: cursor})
			for _, r := range res.Items {
				dates = append(dates, r.Date)
			}
			if res.Next == "" {
				if pages != 3 {
					t.Errorf("%d pages, want 3", pages)
				}
				break
			}
			cursor = res.Next
		}
		if len(dates) != 5 || !slices.IsSortedFunc(dates, func(a, b party.Date) int { return b.Compare(a) }) {
			t.Errorf("dates %v, want the 5 meetings most recent first", dates)
		}
	})
}

// Reindex rebuilds the index from the minutes (meetings written without
// the hook, as a bulk load does); a moved cell is found from its new
// ward once the organization hook has run.
func TestReindexAndMove(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		w.ms.Hooks = nil
		w.hold(t, w.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết về phòng cháy chữa cháy.", "")
		if res := w.search(t, "seca1", "chua chay", search.Options{}); len(res.Items) != 0 {
			t.Fatalf("indexed without the hook: %v", found(res))
		}
		n, err := w.s.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 { // the minutes and the resolution
			t.Errorf("reindexed %d texts", n)
		}
		if res := w.search(t, "seca1", "chua chay", search.Options{}); len(res.Items) < 2 {
			t.Errorf("after reindex: %v", found(res))
		}
		os := &orgs.Service{DB: db, Now: testfix.Now, Changed: []func(context.Context, *store.Tx, int64, party.Date) error{w.s.OrgHook()}}
		if err := os.Move(ctx, actor, w.fix.CellA1, w.fix.WardB, testfix.Today, 0); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "boarda", "chua chay", search.Options{}); len(res.Items) != 0 {
			t.Errorf("the old ward still finds the moved cell: %v", found(res))
		}
		if res := w.search(t, "boardb", "chua chay", search.Options{}); len(res.Items) < 2 {
			t.Errorf("the new ward does not find the moved cell: %v", found(res))
		}
	})
}

// ReindexLive (serve --demo) writes a batch per transaction and finds what
// Reindex finds; Missing tells an index never built from one built.
func TestReindexLiveAndMissing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		w.ms.Hooks = nil
		w.hold(t, w.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết về phòng cháy chữa cháy.", "")
		w.hold(t, w.fix.CellA1, party.D(2025, 7, 5), "Nghị quyết về vệ sinh môi trường.", "")
		if missing, err := w.s.Missing(ctx); err != nil || !missing {
			t.Fatalf("minutes without an index: missing %v, %v", missing, err)
		}
		n, err := w.s.ReindexLive(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 4 {
			t.Errorf("reindexed %d texts, want 4", n)
		}
		if res := w.search(t, "seca1", "moi truong", search.Options{}); len(res.Items) < 2 {
			t.Errorf("after the live rebuild: %v", found(res))
		}
		if missing, err := w.s.Missing(ctx); err != nil || missing {
			t.Errorf("after the rebuild: missing %v, %v", missing, err)
		}
	})
}
