package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"chibo/internal/accounts"
	"chibo/internal/app"
	"chibo/internal/auth"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// reportsSpring gives the fixture five months of regular meetings (today
// is 15/06/2026): A1 and B1 every month, A2 all but April; a thematic
// meeting in quarter I for A1. And the city's plan, modelled on Project 11,
// with a board account of the city committee ("thanhuy").
func reportsSpring(t *testing.T, a *App) int64 {
	t.Helper()
	ctx := context.Background()
	svc := app.Wire(a.DB, testfix.Now)
	actor := store.Actor{Username: "e2e"}
	hold := func(cell int64, kind party.MeetingKind, d party.Date, p party.Period) {
		id, err := svc.Meetings.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: kind, Date: d, Time: "19:30", Period: p, Topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := svc.Meetings.Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var entries []party.Entry
		for i, r := range v.Roll {
			if r.Editable && r.Derived == party.DerivedNone {
				st := party.CoMat
				if i == 1 && d.Month() == time.March {
					st = party.VangCoLyDo
				}
				entries = append(entries, party.Entry{MemberID: r.MemberID, Status: st, Reason: "Ốm"})
			}
		}
		if _, err := svc.Meetings.SaveAttendance(ctx, actor, id, entries); err != nil {
			t.Fatal(err)
		}
	}
	for m := time.January; m <= time.May; m++ {
		p := party.MonthPeriod(2026, m)
		hold(a.Fix.CellA1, party.ThuongKy, party.D(2026, m, 5), p)
		hold(a.Fix.CellB1, party.ThuongKy, party.D(2026, m, 7), p)
		if m != time.April {
			hold(a.Fix.CellA2, party.ThuongKy, party.D(2026, m, 6), p)
		}
	}
	hold(a.Fix.CellA1, party.ChuyenDe, party.D(2026, time.February, 20), party.QuarterPeriod(2026, 1))
	if _, err := svc.Oversight.EnsureMonths(ctx); err != nil {
		t.Fatal(err)
	}
	in := plans.Input{OrgID: a.Fix.City, Number: "11-ĐA/TU", Title: "Đề án 11-ĐA/TU nâng cao chất lượng sinh hoạt chi bộ",
		Goals: "Nâng cao chất lượng sinh hoạt chi bộ.", YearFrom: 2024, YearTo: 2028, Responsible: []int64{a.Fix.District}}
	for _, t := range []struct {
		code string
		v    string
	}{{plans.EveryMonth, "90"}, {plans.EveryQuarter, "80"}, {plans.Attendance, "92,5"}, {plans.OnTime, "95"}, {plans.MinutesSigned, "90"}} {
		in.Indicators = append(in.Indicators, plans.IndicatorInput{Code: t.code, Targets: map[int]string{2025: t.v, 2026: t.v, 2027: t.v}})
	}
	id, err := svc.Plans.Create(ctx, actor, in)
	if err != nil {
		t.Fatal(err)
	}
	as := &accounts.Service{DB: a.DB, Now: testfix.Now}
	if _, err := as.CreateUser(ctx, auth.Principal{}, store.System, accounts.NewUser{Username: "thanhuy", DisplayName: "Ban Tổ chức Thành ủy",
		Password: testfix.Password, Role: auth.RoleBoard, OrgID: a.Fix.City}); err != nil {
		t.Fatal(err)
	}
	return id
}

// download fetches a link of the page in the browser, with the page's
// session, and answers the bytes.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('`+sel+`').href).then(r => r.arrayBuffer()).then(b => {
		let s = ''; const u = new Uint8Array(b); for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]); return btoa(s); })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("download %s: %v", sel, err)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Issue 5: "a board user … generates a review report and downloads it";
// UX.md: plans and review reports "reachable from the overview, each
// producing a document the committee can sign". The city committee's
// board officer, on a phone, opens Project 11's progress, goes down to the
// district, generates the city's half-year review, writes the committee's
// assessment and downloads the DOCX, the PDF and the XLSX.
func TestBoardFollowsAPlanAndDownloadsTheReview(t *testing.T) {
	ctx := Browser(t)
	a := StartApp(t, storetest.NewSQLite(t))
	planID := reportsSpring(t, a)
	a.LoginAs(t, ctx, "thanhuy")
	city := strconv.FormatInt(a.Fix.City, 10)

	// The plans of the city, then Project 11's progress.
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+"/plans?org="+city), chromedp.WaitVisible(`#plans`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "01-plans")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	MinFontSize(t, ctx, 17)
	if err := chromedp.Do(ctx, chromedp.Click(`#plans a.title`), chromedp.WaitVisible(`#h-self`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "02-progress")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	if h := Texts(t, ctx, "h1"); len(h) != 1 || !strings.Contains(h[0], "Đề án 11-ĐA/TU") {
		t.Errorf("plan page heading: %v", h)
	}
	// Every month in 2026 (January–May over): A1 and B1 kept, A2 missed April.
	every := Texts(t, ctx, "#ind-every_month tbody tr:nth-child(3) td")
	if len(every) != 3 || !strings.Contains(every[1], "66,7%") || !strings.Contains(every[1], "2/3") || !strings.Contains(every[2], "Đang thực hiện") {
		t.Errorf("every month, 2026: %v", every)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`#plan-chart`)); err != nil {
		t.Errorf("no chart: %v", err)
	}

	// Down to the district, then its wards.
	if err := chromedp.Do(ctx, chromedp.Click(`#units tbody a`), chromedp.WaitVisible(`#h-units`)); err != nil {
		t.Fatal(err)
	}
	if units := Texts(t, ctx, "#units tbody th a"); len(units) != 2 || !strings.Contains(strings.Join(units, " "), "Bồ Đề") {
		t.Errorf("the district's units: %v", units)
	}
	Shot(t, ctx, "03-district")
	NoHorizontalScroll(t, ctx)

	// The city's review for the first half of 2026.
	Go(t, ctx, a.URL+"/orgs/"+city+"/plans/"+strconv.FormatInt(planID, 10))
	if err := chromedp.Do(ctx, chromedp.Click(`nav.actions a[href*="/report"]`), chromedp.WaitVisible(`#h-situation`)); err != nil {
		t.Fatal(err)
	}
	Go(t, ctx, a.URL+"/orgs/"+city+"/report?from=01/2026&to=06/2026")
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`#h-indicators`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "04-report")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	MinFontSize(t, ctx, 17)
	if s := Texts(t, ctx, ".page-head p.muted"); len(s) != 1 || !strings.Contains(s[0], "sơ kết 6 tháng đầu năm 2026") {
		t.Errorf("report summary: %v", s)
	}
	if cap := Texts(t, ctx, ".review-plan h3"); len(cap) != 1 || !strings.Contains(cap[0], "11-ĐA/TU") {
		t.Errorf("plans in the report: %v", cap)
	}

	// The committee's assessment.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#f-strengths`, "Các chi bộ duy trì nền nếp sinh hoạt thường kỳ, nội dung gắn với nhiệm vụ của địa phương."),
		chromedp.SendKeys(`#f-proposals`, "Đề nghị Thành ủy tiếp tục mở lớp bồi dưỡng bí thư chi bộ."),
		chromedp.Click(`.review-form .actions-bottom button`),
		chromedp.WaitVisible(`.flash`),
	); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "05-saved")
	if v := Eval[string](t, ctx, `document.querySelector('#f-strengths').value`); !strings.HasPrefix(v, "Các chi bộ duy trì") {
		t.Errorf("the assessment after saving: %q", v)
	}

	// The downloads.
	doc := download(t, ctx, `.review-downloads a[data-format="docx"]`)
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatalf("DOCX is not a zip: %v", err)
	}
	var xml string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			xml = string(b)
		}
	}
	for _, want := range []string{"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "sơ kết 6 tháng đầu năm 2026", "Đề án 11-ĐA/TU",
		"Tỷ lệ chi bộ sinh hoạt thường kỳ đủ các tháng", "Các chi bộ duy trì nền nếp sinh hoạt thường kỳ", "Đề nghị Thành ủy tiếp tục mở lớp bồi dưỡng"} {
		if !strings.Contains(xml, want) {
			t.Errorf("DOCX lacks %q", want)
		}
	}
	if pdf := download(t, ctx, `.review-downloads a[data-format="pdf"]`); !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("PDF starts with %q", pdf[:min(8, len(pdf))])
	}
	xl, err := excelize.OpenReader(bytes.NewReader(download(t, ctx, `.review-downloads a[data-format="xlsx"]`)))
	if err != nil {
		t.Fatalf("XLSX: %v", err)
	}
	defer xl.Close()
	if sheets := xl.GetSheetList(); len(sheets) != 5 || sheets[0] != "Chỉ tiêu" {
		t.Errorf("XLSX sheets: %v", sheets)
	}
	if rows, err := xl.GetRows("Chỉ tiêu"); err != nil || len(rows) < 3 || rows[2][0] != "11-ĐA/TU" {
		t.Errorf("XLSX indicators: %v %v", rows, err)
	}

	// At a desk, the same report.
	if err := chromedp.Do(ctx, Desktop(), chromedp.Reload(), chromedp.WaitVisible(`#h-board`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "06-report-desktop")
	NoHorizontalScroll(t, ctx)
}

// The plan form on a phone: a target of 120% comes back beside its field
// with what was typed.
func TestBoardWritesAPlanOnAPhone(t *testing.T) {
	ctx := Browser(t)
	a := StartApp(t, storetest.NewSQLite(t))
	a.LoginAs(t, ctx, "boarda")
	ward := strconv.FormatInt(a.Fix.WardA, 10)
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+"/orgs/"+ward+"/plans/new"), chromedp.WaitVisible(`.plan-form`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "01-form")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	MinFontSize(t, ctx, 17)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#f-number`, "05-KH/ĐU"),
		chromedp.SendKeys(`#f-title`, "Kế hoạch nâng cao chất lượng sinh hoạt chi bộ năm 2026"),
		chromedp.SetValue(`#f-year_from`, "2026"),
		chromedp.SetValue(`#f-year_to`, "2026"),
		chromedp.Click(`button[name="refresh"]`),
		chromedp.WaitVisible(`#f-target-attendance-2026`),
		chromedp.SendKeys(`#f-target-attendance-2026`, "120"),
		chromedp.SendKeys(`#f-target-every_month-2026`, "95"),
		chromedp.Click(`.plan-form .actions-bottom button`),
		chromedp.WaitVisible(`#e-f-target-attendance-2026`),
	); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "02-error")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	if msg := Texts(t, ctx, `#e-f-target-attendance-2026`); len(msg) != 1 || !strings.Contains(msg[0], "120% nằm ngoài khoảng 0–100%") {
		t.Errorf("message: %v", msg)
	}
	if v := Eval[string](t, ctx, `document.querySelector('#f-target-every_month-2026').value`); v != "95" {
		t.Errorf("the other target typed is lost: %q", v)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(`#f-target-attendance-2026`, "92,5"),
		chromedp.Click(`.plan-form .actions-bottom button`),
		chromedp.WaitVisible(`#h-self`),
	); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "03-saved")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
}
