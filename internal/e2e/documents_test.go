package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// Dissemination and training, as the people who use them: a ward's board
// registers a plan with its PDF and sends it to the whole ward; a member
// on a 390×844 phone finds it on her home page and acknowledges it; the
// board sees the coverage rise; a course is opened, the cell's secretary
// passes it, and the course shows on his profile.
func TestDocumentReachesAMemberAndTrainingShowsOnProfile(t *testing.T) {
	ctx := Browser(t)
	app := StartApp(t, storetest.NewSQLite(t))
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			Shot(t, ctx, "failed-"+strings.ReplaceAll(what, " ", "-"))
			t.Fatalf("%s: %v (page text: %.600s)", what, err, Eval[string](t, ctx, `document.body.innerText`))
		}
	}
	check := func(name string) {
		t.Helper()
		Shot(t, ctx, name)
		Axe(t, ctx)
		NoHorizontalScroll(t, ctx)
		MinFontSize(t, ctx, 17)
	}
	// tap scrolls an element to the middle of the screen (clear of the
	// bar at the bottom) and taps it, as a thumb would.
	tap := func(sel string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			chromedp.Func(func(c context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](`(document.querySelector(`+strconv.Quote(sel)+`).scrollIntoView({block: 'center'}), true)`)(c, tg)
				return err
			}),
			chromedp.Click(sel))
	}
	text := func(sel string) string {
		t.Helper()
		return Eval[string](t, ctx, `(document.querySelector(`+strconv.Quote(sel)+`)||{textContent:''}).textContent.replace(/\s+/g, ' ').trim()`)
	}
	ward := strconv.FormatInt(app.Fix.WardA, 10)
	// Cell A1 met on 5 June (Ánh present, dues paid) and meets again on
	// 19 June: the member's home shows both.
	ms := &meetings.Service{DB: app.DB, Now: testfix.Now}
	sec := store.Actor{Username: "seca1"}
	held, err := ms.Plan(context.Background(), sec, meetings.Plan{OrgID: app.Fix.CellA1, Kind: party.ThuongKy, Date: party.D(2026, 6, 5), Time: "19:30", Place: "Nhà văn hóa tổ 5"})
	if err == nil {
		_, err = ms.SaveAttendance(context.Background(), sec, held, []party.Entry{{MemberID: app.Fix.Members["Lê Văn Ánh"], Status: party.CoMat, DuesPaid: true}})
	}
	if err == nil {
		_, err = ms.Plan(context.Background(), sec, meetings.Plan{OrgID: app.Fix.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, 6, 19), Time: "19:30",
			Place: "Nhà văn hóa tổ 5", Topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"})
	}
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "ke-hoach-hoc-tap.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	// 1. The ward's board registers the plan with its file, on a phone.
	app.LoginAs(t, ctx, "boarda")
	do("open the new document form", Phone(), chromedp.Navigate(app.URL+"/orgs/"+ward+"/documents/new"), chromedp.WaitVisible(`#f-number`))
	check("01-board-new-document")
	do("fill the form",
		chromedp.SendKeys(`#f-number`, "15-KH/ĐU"),
		chromedp.SetValue(`#f-kind`, "ke_hoach"),
		chromedp.SendKeys(`#f-title`, "Kế hoạch học tập, quán triệt Nghị quyết Đại hội Đảng bộ phường"),
		chromedp.SendKeys(`#f-summary`, "Các chi bộ tổ chức học tập trong tháng 6/2026."),
		chromedp.SetUploadFiles(`#f-file`, []string{pdf}),
		chromedp.Click(`.actions-bottom button`),
		chromedp.WaitVisible(`#targets, .card`))
	docPath := Eval[string](t, ctx, `location.pathname`)
	if !strings.HasPrefix(docPath, "/documents/") {
		t.Fatalf("after saving: %s (%s)", docPath, text(".form-error"))
	}
	check("02-board-document")
	do("send it to the whole ward", chromedp.Navigate(app.URL+docPath+"/send"), chromedp.WaitVisible(`input[name=org_ids][value="`+ward+`"]:checked`))
	check("03-board-send")
	do("confirm sending", chromedp.Click(`.actions-bottom button`), chromedp.WaitVisible(`#targets`))
	if got := text("#targets"); !strings.Contains(got, "Đảng bộ phường Bồ Đề") {
		t.Errorf("sent to: %q", got)
	}
	coverage := app.URL + docPath + "/coverage?org=" + ward
	do("coverage before", chromedp.Navigate(coverage), chromedp.WaitVisible(`#coverage-total`))
	before := text("#cov-acked")
	reached := text("#cov-members")
	if before != "0" || reached == "0" {
		t.Errorf("before: %s of %s acknowledged", before, reached)
	}
	check("04-board-coverage-before")

	// 2. The member, on her phone: the home page lists the plan to study.
	app.LoginAs(t, ctx, "mema1")
	do("the member's home", chromedp.Navigate(app.URL+"/"), chromedp.WaitVisible(`#documents`))
	if p := Eval[string](t, ctx, `location.pathname`); p != "/me" {
		t.Errorf("a member landed on %s", p)
	}
	if got := text("#documents .doc-card .title"); !strings.Contains(got, "15-KH/ĐU") {
		t.Fatalf("documents to study: %q", got)
	}
	if got := text("#meetings .next-meeting"); !strings.Contains(got, "19:30 · 19/06/2026") {
		t.Errorf("next meeting: %q", got)
	}
	if got := text("#attendance"); !strings.Contains(got, "05/06/2026") || !strings.Contains(got, "Sinh hoạt thường kỳ có mặt") {
		t.Errorf("attendance history: %q", got)
	}
	check("05-member-home")
	do("open the document", chromedp.Click(`#documents .doc-card a.title`), chromedp.WaitVisible(`#ack button`))
	check("06-member-document")
	do("acknowledge", chromedp.Click(`#ack button`), chromedp.WaitVisible(`#ack.done`))
	if got := text("#ack.done"); !strings.Contains(got, "Đã nghiên cứu ngày 15/06/2026") {
		t.Errorf("after acknowledging: %q", got)
	}
	check("07-member-acknowledged")
	do("back home", chromedp.Navigate(app.URL+"/me"), chromedp.WaitVisible(`#documents`))
	if n := Eval[int](t, ctx, `document.querySelectorAll('#documents .doc-card').length`); n != 0 {
		t.Errorf("%d documents still to study", n)
	}
	check("08-member-home-after")

	// 3. The board sees the coverage rise.
	app.LoginAs(t, ctx, "boarda")
	do("coverage after", chromedp.Navigate(coverage), chromedp.WaitVisible(`#coverage-total`))
	if after := text("#cov-acked"); after != "1" || text("#cov-members") != reached {
		t.Errorf("after: %s of %s acknowledged (before %s of %s)", after, text("#cov-members"), before, reached)
	}
	cell := text(`#coverage tbody tr:first-child`)
	if !strings.Contains(cell, "1/") {
		t.Errorf("the first cell's line: %q", cell)
	}
	check("09-board-coverage-after")
	do("coverage on a desktop", Desktop(), chromedp.Navigate(coverage), chromedp.WaitVisible(`#coverage`))
	Shot(t, ctx, "10-board-coverage-desktop")
	Axe(t, ctx)

	// 4. A course: opened, the secretary of A1 enrolled and passed.
	do("new course", Phone(), chromedp.Navigate(app.URL+"/training/new?org="+ward), chromedp.WaitVisible(`#f-title`))
	check("11-board-new-course")
	do("fill the course",
		chromedp.SendKeys(`#f-title`, "Bồi dưỡng nghiệp vụ bí thư chi bộ năm 2026"),
		chromedp.SendKeys(`#f-starts_on`, "01/06/2026"),
		chromedp.SendKeys(`#f-ends_on`, "03/06/2026"),
		chromedp.SendKeys(`#f-place`, "Hội trường Đảng ủy phường"),
		chromedp.SendKeys(`#f-capacity`, "30"),
		chromedp.Click(`.actions-bottom button`),
		chromedp.WaitVisible(`#participants`))
	course := Eval[string](t, ctx, `location.pathname`)
	an := strconv.FormatInt(app.Fix.Members["Nguyễn Văn An"], 10)
	do("enrol An", tap(`input[name=enrol][value="`+an+`"]`), chromedp.Click(`.actions-bottom button`),
		chromedp.WaitVisible(`#f-result_`+an))
	check("12-board-course")
	do("An passed", chromedp.SetValue(`#f-result_`+an, "dat"), chromedp.SendKeys(`#f-certificate_`+an, "21/GCN-ĐU"), chromedp.Click(`.actions-bottom button`),
		chromedp.WaitVisible(`.flash`))
	if got := Eval[string](t, ctx, `document.getElementById('f-result_`+an+`').value`); got != "dat" {
		t.Errorf("result after saving: %q (%s)", got, course)
	}

	// 5. The secretary's profile shows the course.
	app.LoginAs(t, ctx, "seca1")
	do("the secretary's profile", chromedp.Navigate(app.URL+"/members/"+an), chromedp.WaitVisible(`#training-history .training-records`))
	if got := text("#training-history"); !strings.Contains(got, "Bồi dưỡng nghiệp vụ bí thư chi bộ năm 2026") || !strings.Contains(got, "Đạt") || !strings.Contains(got, "21/GCN-ĐU") {
		t.Errorf("training history: %q", got)
	}
	do("scroll to the history", chromedp.ScrollIntoView(`#training-history`))
	time.Sleep(200 * time.Millisecond)
	check("13-secretary-profile-training")
}
