package e2e

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// A secretary searches without diacritics and finds last year's
// resolution: the June 2025 meeting of her cell was planned, held, voted,
// written up and signed; on her phone she types "dang uy ket nap" in
// the menu's search box and sees the resolution with the words marked as
// they were written, "Đảng ủy".
func TestSecretarySearchesWithoutDiacritics(t *testing.T) {
	ctx := Browser(t)
	app := StartApp(t, storetest.NewSQLite(t))
	id := holdSignedMeeting(t, app, app.Fix.CellA1, party.D(2025, time.June, 5),
		"Chi bộ đề nghị Đảng ủy phường xem xét, kết nạp quần chúng Vũ Ngọc Anh vào Đảng Cộng sản Việt Nam; "+
			"mỗi đảng viên phụ trách 5 hộ gia đình trong công tác vệ sinh môi trường.")
	app.LoginAs(t, ctx, "seca1")
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(app.URL+"/account"), chromedp.WaitVisible(`summary`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(`details.menu > summary`),
		chromedp.WaitVisible(`#menu-q`),
		chromedp.SendKeys(`#menu-q`, "dang uy ket nap"),
		chromedp.Click(`.menu-search button[type=submit]`),
		chromedp.WaitVisible(`.search-hit mark`),
	); err != nil {
		t.Fatal(err)
	}
	if v := Eval[string](t, ctx, `document.querySelector('#f-q').value`); v != "dang uy ket nap" {
		t.Errorf("the search box shows %q, want what was typed", v)
	}
	groups := Texts(t, ctx, ".search-group h2")
	if len(groups) == 0 || !strings.HasPrefix(groups[0], "Nghị quyết") {
		t.Errorf("groups %v, want the resolutions first", groups)
	}
	link := `a[href="/meetings/` + strconv.FormatInt(id, 10) + `"]`
	title := Texts(t, ctx, `.search-hit `+link)
	if len(title) == 0 || title[0] != "Nghị quyết sinh hoạt thường kỳ tháng 6/2025" {
		t.Errorf("result titles %v", title)
	}
	marks := Texts(t, ctx, ".search-group:first-of-type .search-hit mark")
	if !slices.Contains(marks, "Đảng") || !slices.Contains(marks, "ủy") {
		t.Errorf("marked %v, want Đảng and ủy as written", marks)
	}
	if sub := Texts(t, ctx, ".search-group:first-of-type .search-hit .sub"); len(sub) == 0 || !strings.Contains(sub[0], "05/06/2025") {
		t.Errorf("result line %v, want the cell and the date", sub)
	}
	Shot(t, ctx, "01-results")
	Axe(t, ctx)
	MinFontSize(t, ctx, 17)
	NoHorizontalScroll(t, ctx)

	// A query FTS would choke on gets a message beside the box.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(`#f-q`, `"`),
		chromedp.Click(`.search-form button[type=submit]`),
		chromedp.WaitVisible(`#e-q`),
	); err != nil {
		t.Fatal(err)
	}
	if msg := Texts(t, ctx, "#e-q"); len(msg) != 1 || !strings.Contains(msg[0], "không có chữ hay số") {
		t.Errorf("message %v", msg)
	}
	Shot(t, ctx, "02-bad-query")
	Axe(t, ctx)
}

// holdSignedMeeting plans, holds and signs a regular meeting of cell on
// day through the meetings service with the search hook (as the server
// wires it), with the given resolution.
func holdSignedMeeting(t *testing.T, app *App, cell int64, day party.Date, resolution string) int64 {
	t.Helper()
	ctx := context.Background()
	actor := store.Actor{Username: "seca1"}
	ms := &meetings.Service{DB: app.DB, Now: testfix.Now, Hooks: []meetings.Hook{search.New(app.DB).MeetingHook()}}
	id, err := ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: day, Time: "19:30", Place: "Nhà văn hóa tổ dân phố số 5"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived != party.DerivedExempt {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat, DuesPaid: true})
		}
	}
	if v, err = ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
	if v, err = ms.SaveVotes(ctx, actor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		t.Fatal(err)
	}
	start := day.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(2 * time.Hour), Place: "Nhà văn hóa tổ dân phố số 5",
		Chair: "Nguyễn Văn An", MinuteTaker: "Trần Thị Bình", Conclusion: "Chi bộ thống nhất các nhiệm vụ tháng 7/2025.",
		Resolution: resolution, ReadBack: true, SelfRating: party.Kha}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Presenter: "Nguyễn Văn An", Text: "Đồng chí bí thư trình bày " + it.Title + "."}
		if it.Part == party.PartContent {
			mi.Speeches = []party.Speech{{Speaker: "Lê Văn Ánh", Text: "Đề nghị tăng cường tuần tra ban đêm."}}
		}
		c.Items = append(c.Items, mi)
	}
	if v, err = ms.SaveMinutes(ctx, actor, id, c, "", 0); err != nil {
		t.Fatal(err)
	}
	if !v.Complete {
		t.Fatalf("minutes incomplete: %v", v.Missing)
	}
	if _, err := ms.Lock(ctx, actor, id, true, true); err != nil {
		t.Fatal(err)
	}
	return id
}
