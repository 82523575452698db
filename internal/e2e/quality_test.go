package e2e

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// holdMeeting records a regular meeting of a cell the way its secretary
// would: everyone present, the resolution passed, and minutes whose
// report is text.
func holdMeeting(t *testing.T, svc *app.Services, cell int64, d party.Date, text string) int64 {
	t.Helper()
	ctx := context.Background()
	actor := store.Actor{Username: "e2e"}
	ms := svc.Meetings
	id, err := ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30", Place: "Nhà văn hóa tổ dân phố"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	if v, err = ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
	if _, err = ms.SaveVotes(ctx, actor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		t.Fatal(err)
	}
	start := d.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(110 * time.Minute), Place: "Nhà văn hóa tổ dân phố", Chair: "Nguyễn Văn An",
		MinuteTaker: "Trần Thị Bình", Conclusion: "Chi bộ thống nhất nhiệm vụ tháng 6.", Resolution: "Nghị quyết tháng 5/2026.", ReadBack: true}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title}
		if it.Part == party.PartContent {
			mi.Text = text
			for i, r := range v.Roll {
				if r.Derived == party.DerivedNone && i%2 == 0 {
					mi.Speeches = append(mi.Speeches, party.Speech{MemberID: r.MemberID, Speaker: r.FullName, Text: "Đồng ý với báo cáo, đề nghị làm rõ kế hoạch vệ sinh môi trường."})
				}
			}
		}
		c.Items = append(c.Items, mi)
	}
	if _, err := ms.SaveMinutes(ctx, actor, id, c, "", 0); err != nil {
		t.Fatal(err)
	}
	return id
}

// The May report of cell 5; cell 6 copied it and changed two figures.
const mayReport = "Tháng 5/2026 chi bộ đã lãnh đạo tổ dân phố ra quân tổng vệ sinh môi trường, nạo vét cống rãnh ngõ 12 và ngõ 14, " +
	"vận động 46 hộ gia đình đóng góp quỹ khuyến học được 9.200.000 đồng, thăm hỏi 3 gia đình chính sách. " +
	"Tình hình an ninh trật tự ổn định, không có vụ việc phức tạp; tổ hòa giải đã giải quyết xong việc tranh chấp lối đi giữa hai hộ. " +
	"Đảng viên gương mẫu đóng đảng phí đầy đủ, tham gia sinh hoạt ở nơi cư trú, vận động con cháu chấp hành tốt quy định về an toàn giao thông."

// UX.md, the board's view; issue 4: "a following committee member opens
// a flagged pair, sees the differences, scores the meeting" — on a phone.
func TestBoardReviewsAFlaggedPairAndScoresTheMeeting(t *testing.T) {
	ctx := Browser(t)
	a := StartApp(t, storetest.NewSQLite(t))
	svc := app.Wire(a.DB, testfix.Now)
	m5 := holdMeeting(t, svc, a.Fix.CellA1, party.D(2026, time.May, 6), mayReport)
	m6 := holdMeeting(t, svc, a.Fix.CellA2, party.D(2026, time.May, 8),
		strings.NewReplacer("46 hộ", "52 hộ", "9.200.000", "10.400.000").Replace(mayReport))
	if res, err := svc.Quality.Scan(context.Background(), store.System, party.MonthPeriod(2026, time.May)); err != nil || res.Peers != 1 {
		t.Fatalf("scan: %+v, %v", res, err)
	}
	a.LoginAs(t, ctx, "boarda")
	ward := strconv.FormatInt(a.Fix.WardA, 10)
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+"/orgs/"+ward+"/similar"), chromedp.WaitVisible(`#pairs`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "01-similar-list")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	MinFontSize(t, ctx, 17)
	if sims := Texts(t, ctx, "#pairs .q-sim"); len(sims) != 1 || !strings.HasSuffix(sims[0], "%") {
		t.Errorf("similarity shown as %v", sims)
	}
	if subs := Texts(t, ctx, "#pairs .sub"); !slices.Contains(subs, "Chi bộ tổ dân phố số 5 · 06/05/2026") || !slices.Contains(subs, "Chi bộ tổ dân phố số 6 · 08/05/2026") {
		t.Errorf("the two cells and dates: %v", subs)
	}

	// The pair side by side: the changed figures highlighted on each side.
	if err := chromedp.Do(ctx, chromedp.Click(`#pairs a.item`), chromedp.WaitVisible(`.q-cols`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "02-pair")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	ins, del := Texts(t, ctx, ".q-minutes ins.q-b"), Texts(t, ctx, ".q-minutes del.q-a")
	if !slices.Contains(ins, "52") || !slices.Contains(ins, "10.400.000") {
		t.Errorf("cell 6's figures not highlighted: %q", ins)
	}
	if !slices.Contains(del, "46") || !slices.Contains(del, "9.200.000") {
		t.Errorf("cell 5's figures not highlighted: %q", del)
	}
	if changes := Texts(t, ctx, ".q-changes li"); len(changes) == 0 {
		t.Error("no list of differences")
	}

	// The verdict, with a note.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#f-note`, "Chi bộ 6 chép báo cáo của chi bộ 5, chỉ sửa số liệu. Đã nhắc bí thư."),
		chromedp.Click(`button[value="confirmed"]`),
		chromedp.WaitVisible(`.flash`),
	); err != nil {
		t.Fatal(err)
	}
	if st := Texts(t, ctx, "h1 ~ p .badge"); !slices.Contains(st, "Đã xác nhận sao chép") {
		t.Errorf("status after the verdict: %v", st)
	}
	Shot(t, ctx, "03-confirmed")

	// Score cell 6's meeting: the data's items are filled in; the judged
	// ones are typed or stepped; attendance is changed with a reason.
	if err := chromedp.Do(ctx, chromedp.Click(`a[href="/meetings/`+strconv.FormatInt(m6, 10)+`/evaluation"]`), chromedp.WaitVisible(`#eval-form`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "04-evaluation")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	MinFontSize(t, ctx, 17)
	if auto := Texts(t, ctx, ".q-auto"); len(auto) < 5 || !strings.Contains(strings.Join(auto, " "), "Có mặt") {
		t.Errorf("computed items: %v", auto)
	}
	att := `input[name="p.attendance_rate"]`
	if vis := Eval[bool](t, ctx, `!document.getElementById(document.querySelector('`+att+`').dataset.reason).hidden`); vis {
		t.Error("the override reason shows before anything changed")
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.SendKeys(`input[name="p.content_guidance"]`, "3"),
		chromedp.SendKeys(`input[name="p.order"]`, "5"),
		chromedp.SendKeys(`input[name="p.criticism"]`, "2"),
		chromedp.SendKeys(`input[name="p.principles"]`, "9"),
		chromedp.Click(`button.q-step[data-step="1"][data-for="` + Eval[string](t, ctx, `document.querySelector('input[name="p.principles"]').id`) + `"]`),
		chromedp.SendKeys(`input[name="p.carried_out"]`, "3"),
		chromedp.SetValue(att, ""),
		chromedp.SendKeys(att, "5"),
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	reasonBox := Eval[string](t, ctx, `document.querySelector('`+att+`').dataset.reason`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`#`+reasonBox+` textarea`)); err != nil {
		t.Fatal(err)
	}
	if v := Eval[string](t, ctx, `document.querySelector('input[name="p.principles"]').value`); v != "10" {
		t.Errorf("the + stepper gave %q", v)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#`+reasonBox+` textarea`, "Biên bản sao chép: số người dự không khớp sổ theo dõi."),
		chromedp.Sleep(700*time.Millisecond), // the running total follows (htmx)
	); err != nil {
		t.Fatal(err)
	}
	if run := Texts(t, ctx, "#eval-result"); len(run) != 1 || !strings.Contains(run[0], "Tạm tính") {
		t.Errorf("running total: %v", run)
	}
	Shot(t, ctx, "05-scored")
	if err := chromedp.Do(ctx, chromedp.Click(`.q-bottom button[type=submit]`), chromedp.WaitVisible(`.flash`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "06-saved")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	if used := Texts(t, ctx, ".q-box.is-used h3"); len(used) != 1 || !strings.Contains(used[0], "Cấp ủy viên phụ trách") {
		t.Errorf("the evaluation oversight uses: %v", used)
	}
	_, ev, err := svc.Quality.Load(context.Background(), m6)
	if err != nil || ev.Review == nil {
		t.Fatalf("review not stored: %v", err)
	}
	if got := Texts(t, ctx, ".q-box.is-used .q-score"); len(got) != 1 || got[0] != strconv.Itoa(ev.Review.Result.Total) {
		t.Errorf("shown %v, stored %d", got, ev.Review.Result.Total)
	}
	_ = m5
}
