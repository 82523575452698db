package e2e

import (
	"context"
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

// halfYear gives the fixture five months of meetings (today is 15/06/2026):
// A1 always on time; A2 late in March and missing in May; B1 missing in
// March; a thematic meeting in the first quarter for A1 and B1.
func halfYear(t *testing.T, a *App) {
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
				if i == 2 && d.Month()%2 == 0 {
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
		switch m {
		case time.March:
			hold(a.Fix.CellA2, party.ThuongKy, party.D(2026, time.April, 2), p) // late
		case time.May:
		default:
			hold(a.Fix.CellA2, party.ThuongKy, party.D(2026, m, 6), p)
		}
		if m != time.March {
			hold(a.Fix.CellB1, party.ThuongKy, party.D(2026, m, 7), p)
		}
	}
	hold(a.Fix.CellA1, party.ChuyenDe, party.D(2026, time.February, 20), party.QuarterPeriod(2026, 1))
	hold(a.Fix.CellB1, party.ChuyenDe, party.D(2026, time.March, 20), party.QuarterPeriod(2026, 1))
	hold(a.Fix.CellA1, party.ThuongKy, party.D(2026, time.June, 5), party.MonthPeriod(2026, time.June))
	if _, err := svc.Oversight.EnsureMonths(ctx); err != nil {
		t.Fatal(err)
	}
}

// UX.md, the board's view: "a heat map of cells × months where a missing
// meeting is impossible to overlook … Drill-down from any figure to the
// organizations under it, then to a cell's calendar". A district board
// officer opens the overview on a phone and at a desk, goes down to ward
// Gia Thụy and to the school cell, and finds the month it did not meet.
func TestBoardDrillsDownToAMissingMeeting(t *testing.T) {
	ctx := Browser(t)
	a := StartApp(t, storetest.NewSQLite(t))
	halfYear(t, a)
	a.LoginAs(t, ctx, "board")
	district := strconv.FormatInt(a.Fix.District, 10)
	wardB := strconv.FormatInt(a.Fix.WardB, 10)
	cellB1 := strconv.FormatInt(a.Fix.CellB1, 10)

	for _, vp := range []struct {
		name  string
		size  chromedp.Action[chromedp.Void]
		phone bool
	}{{"phone", Phone(), true}, {"desktop", Desktop(), false}} {
		// The board's home is the overview of its district.
		if err := chromedp.Do(ctx, vp.size, chromedp.Navigate(a.URL+"/"), chromedp.WaitVisible(`#units`)); err != nil {
			t.Fatal(err)
		}
		if loc := Eval[string](t, ctx, `location.pathname`); loc != "/orgs/"+district+"/overview" {
			t.Errorf("%s: the board landed on %s", vp.name, loc)
		}
		Shot(t, ctx, vp.name+"-01-district")
		Axe(t, ctx)
		MinFontSize(t, ctx, 17)
		if vp.phone {
			NoHorizontalScroll(t, ctx)
		}
		// The heat map is drawn, scrolls in its own box, and names both wards.
		labels := Texts(t, ctx, "#main svg.chart-heat-labels a text")
		if len(labels) != 2 {
			t.Errorf("%s: heat map rows %v", vp.name, labels)
		}
		if vp.phone {
			w := Eval[[]int](t, ctx, `(() => { const b = document.querySelector('.chart-scroll'); return [b.scrollWidth, b.clientWidth]; })()`)
			if w[0] <= w[1] {
				t.Errorf("phone: the heat map (%d px) does not scroll in its box (%d px)", w[0], w[1])
			}
		}
		// The cell that missed May is listed with a button to remind it.
		missed := Texts(t, ctx, "#missed .missed a.title")
		if len(missed) != 1 || missed[0] != "Chi bộ tổ dân phố số 6" {
			t.Errorf("%s: cells needing action %v", vp.name, missed)
		}

		// Down to ward Gia Thụy: its cells, month by month.
		if err := chromedp.Do(ctx, chromedp.Click(`#units a[href^="/orgs/`+wardB+`/overview"]`), chromedp.WaitVisible(`#units`)); err != nil {
			t.Fatal(err)
		}
		Shot(t, ctx, vp.name+"-02-ward")
		Axe(t, ctx)
		if vp.phone {
			NoHorizontalScroll(t, ctx)
		}
		// March is missing for the school cell: a ✗ in the heat map, with its
		// words for whoever cannot see the colour.
		titles := Eval[[]string](t, ctx, `Array.from(document.querySelectorAll('svg.chart-heat g > title, svg.chart-heat a > title')).map(e => e.textContent)`)
		found := false
		for _, s := range titles {
			found = found || (strings.Contains(s, "Trường Tiểu học Gia Thụy") && strings.Contains(s, "tháng 3/2026") && strings.Contains(s, "Không họp"))
		}
		if !found {
			t.Errorf("%s: no square says March was missed: %v", vp.name, titles)
		}

		// Down to the cell's calendar: the month it did not meet.
		if err := chromedp.Do(ctx, chromedp.Click(`#units a[href^="/orgs/`+cellB1+`/calendar"]`), chromedp.WaitVisible(`#months`)); err != nil {
			t.Fatal(err)
		}
		missing := Texts(t, ctx, "#months .cal-row.is-khong_hop .title")
		if len(missing) != 1 || !strings.Contains(missing[0], "3") {
			t.Errorf("%s: months not held on the calendar %v", vp.name, missing)
		}
		Shot(t, ctx, vp.name+"-03-cell-calendar")
		Axe(t, ctx)
		if vp.phone {
			NoHorizontalScroll(t, ctx)
		}
	}

	// The ranking at the desk, and a reminder given from the overview.
	if err := chromedp.Do(ctx, Desktop(), chromedp.Navigate(a.URL+"/orgs/"+district+"/ranking"), chromedp.WaitVisible(`#ranking`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "desktop-04-ranking")
	Axe(t, ctx)
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+"/orgs/"+district+"/overview"), chromedp.WaitVisible(`#missed`),
		chromedp.Click(`#missed button[type=submit]`), chromedp.WaitVisible(`.flash`)); err != nil {
		t.Fatal(err)
	}
	if b := Texts(t, ctx, "#missed .badge-green"); len(b) != 1 {
		t.Errorf("after the reminder: %v", b)
	}
	Shot(t, ctx, "phone-05-reminded")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)

	// The cell's own overview lists its meetings; the board marks the
	// thematic one as a model for the school cells.
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+"/orgs/"+cellB1+"/overview"), chromedp.WaitVisible(`#held`)); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "phone-06-cell-overview")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(`#held form[action$="/model"] button`), chromedp.WaitVisible(`.flash`)); err != nil {
		t.Fatal(err)
	}

	// The other pages of the board, each checked on the phone.
	wardA := strconv.FormatInt(a.Fix.WardA, 10)
	for _, pg := range []struct{ name, path, wait string }{
		{"07-ratings", "/orgs/" + wardA + "/ratings", "#ratings"},
		{"07-ranking", "/orgs/" + wardA + "/ranking", "#ranking"},
		{"08-reminders", "/orgs/" + district + "/reminders", "#h-sent"},
		{"09-models", "/models?org=" + district, "#models"},
	} {
		if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(a.URL+pg.path), chromedp.WaitVisible(pg.wait)); err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		Shot(t, ctx, "phone-"+pg.name)
		Axe(t, ctx)
		NoHorizontalScroll(t, ctx)
		MinFontSize(t, ctx, 17)
	}
}
