package e2e

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// A secretary on a phone logs in with the form, lands on the cell, opens the
// member list and sees the names in Vietnamese order (given name first).
func TestSecretaryLogsInAndSeesMembersInOrder(t *testing.T) {
	ctx := Browser(t)
	app := StartApp(t, storetest.NewSQLite(t))
	err := chromedp.Do(ctx, Phone(), chromedp.Navigate(app.URL+"/login"))
	if err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "01-login")
	Axe(t, ctx)
	MinFontSize(t, ctx, 17)
	NoHorizontalScroll(t, ctx)

	// A wrong password keeps the user name and says what is wrong.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#f-username`, "seca1"),
		chromedp.SendKeys(`#f-password`, "sai-mat-khau-123"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.form-error`),
	); err != nil {
		t.Fatal(err)
	}
	if msg := Texts(t, ctx, ".form-error")[0]; !strings.Contains(msg, "không đúng") {
		t.Errorf("error message = %q", msg)
	}
	if v := Eval[string](t, ctx, `document.querySelector('#f-username').value`); v != "seca1" {
		t.Errorf("user name not kept: %q", v)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(`#f-password`, testfix.Password),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.stats`),
	); err != nil {
		t.Fatal(err)
	}
	loc := Eval[string](t, ctx, `location.pathname`)
	if loc != "/orgs/"+strconv.FormatInt(app.Fix.CellA1, 10) {
		t.Errorf("secretary landed on %s, want the cell", loc)
	}
	Shot(t, ctx, "02-cell")
	if err := chromedp.Do(ctx, chromedp.Click(`a[href$="/members"]`), chromedp.WaitVisible(`#members`)); err != nil {
		t.Fatal(err)
	}
	names := Texts(t, ctx, "#members .member-name")
	want := slices.Clone(testfix.CellA1Sorted)
	// The member registered temporarily elsewhere is still listed in the
	// home cell, with the state shown beside the name.
	if !slices.Equal(names, want) {
		t.Errorf("member order:\n got  %v\n want %v", names, want)
	}
	Shot(t, ctx, "03-members")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	badges := Texts(t, ctx, "#members .badge")
	if !slices.Contains(badges, "Miễn sinh hoạt") {
		t.Errorf("exempt member not marked; badges %v", badges)
	}
}

// A board user opens the tree on a phone, expands the district and a ward
// (children load on demand) and finds a cell by typing without diacritics.
func TestBoardBrowsesTheTree(t *testing.T) {
	ctx := Browser(t)
	app := StartApp(t, storetest.NewSQLite(t))
	app.LoginAs(t, ctx, "board")
	if err := chromedp.Do(ctx, Phone(), chromedp.Navigate(app.URL+"/orgs"), chromedp.WaitVisible(`#tree`)); err != nil {
		t.Fatal(err)
	}
	district := strconv.FormatInt(app.Fix.District, 10)
	wardA := strconv.FormatInt(app.Fix.WardA, 10)
	if err := chromedp.Do(ctx,
		chromedp.Click(`button[aria-controls="kids-`+district+`"]`),
		chromedp.WaitVisible(`button[aria-controls="kids-`+wardA+`"]`),
		chromedp.Click(`button[aria-controls="kids-`+wardA+`"]`),
		chromedp.WaitVisible(`#kids-`+wardA+` a[href="/orgs/`+strconv.FormatInt(app.Fix.CellA1, 10)+`"]`),
	); err != nil {
		t.Fatal(err)
	}
	Shot(t, ctx, "01-tree")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	cells := Texts(t, ctx, "#kids-"+wardA+" .node a span:first-child")
	if !slices.Equal(cells, []string{"Chi bộ tổ dân phố số 5", "Chi bộ tổ dân phố số 6"}) {
		t.Errorf("ward's cells = %v", cells)
	}
	// Folding and unfolding again asks nothing more of the server.
	if err := chromedp.Do(ctx, chromedp.Click(`button[aria-controls="kids-`+wardA+`"]`)); err != nil {
		t.Fatal(err)
	}
	if hidden := Eval[bool](t, ctx, `document.getElementById('kids-`+wardA+`').hidden`); !hidden {
		t.Error("second click did not fold the ward")
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(`#q`, "truong tieu hoc"), chromedp.WaitVisible(`#search-results a`)); err != nil {
		t.Fatal(err)
	}
	found := Texts(t, ctx, "#search-results .title")
	if len(found) != 1 || found[0] != "Chi bộ Trường Tiểu học Gia Thụy" {
		t.Errorf("search found %v", found)
	}
	Shot(t, ctx, "02-search")

	// The ward's page leads to what a committee watches: the overview,
	// plans, the review report, topics and similar minutes.
	Go(t, ctx, app.URL+"/orgs/"+wardA)
	Shot(t, ctx, "03-ward-page")
	Axe(t, ctx)
	NoHorizontalScroll(t, ctx)
	links := Texts(t, ctx, `nav.actions a`)
	for _, want := range []string{"Tổng quan", "Kế hoạch, đề án", "Báo cáo sơ kết, tổng kết", "Chủ đề sinh hoạt chuyên đề", "Biên bản giống nhau"} {
		if !slices.Contains(links, want) {
			t.Errorf("the ward's page has no link %q: %v", want, links)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(`nav.actions a[href="/orgs/`+wardA+`/overview"]`), chromedp.WaitVisible(`h1`)); err != nil {
		t.Fatal(err)
	}
	if h := Texts(t, ctx, "h1"); len(h) != 1 || !strings.Contains(h[0], "Tổng quan") {
		t.Errorf("the overview's heading: %v", h)
	}
}
