package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	chiboapp "chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"

	"golang.org/x/net/html"
)

// under finds the elements matching sel inside the first element matching
// scope ("#units" then "a").
func under(t *testing.T, p page, scope, sel string) []*html.Node {
	t.Helper()
	if len(p.css(scope)) == 0 {
		return nil
	}
	return page{p.one(t, scope)}.css(sel)
}

// ovApp is the application with the spring of 2026 held (today is
// 15/06/2026): A1 on time every month; A2 late for April and missing in
// May; B1 missing in April, on time in May, with a thematic meeting.
type ovApp struct {
	*app
	svc        *chiboapp.Services
	a1May      int64 // A1's May meeting
	b1Thematic int64
}

func newOvApp(t *testing.T, db *store.DB) *ovApp {
	t.Helper()
	a := newApp(t, db)
	svc := chiboapp.Wire(db, testfix.Now)
	o := &ovApp{app: a, svc: svc}
	ctx := context.Background()
	actor := store.Actor{Username: "test"}
	hold := func(cell int64, kind party.MeetingKind, d party.Date, p party.Period) int64 {
		id, err := svc.Meetings.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: kind, Date: d, Time: "19:30", Period: p, Topic: "Chuyên đề học tập"})
		if err != nil {
			t.Fatal(err)
		}
		v, _ := svc.Meetings.Load(ctx, id)
		var es []party.Entry
		for _, r := range v.Roll {
			if r.Editable && r.Derived == party.DerivedNone {
				es = append(es, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
			}
		}
		if _, err := svc.Meetings.SaveAttendance(ctx, actor, id, es); err != nil {
			t.Fatal(err)
		}
		return id
	}
	april, may, june := party.MonthPeriod(2026, 4), party.MonthPeriod(2026, 5), party.MonthPeriod(2026, 6)
	hold(a.fix.CellA1, party.ThuongKy, party.D(2026, 4, 5), april)
	o.a1May = hold(a.fix.CellA1, party.ThuongKy, party.D(2026, 5, 5), may)
	hold(a.fix.CellA1, party.ThuongKy, party.D(2026, 6, 5), june)
	hold(a.fix.CellA2, party.ThuongKy, party.D(2026, 5, 2), april)
	hold(a.fix.CellB1, party.ThuongKy, party.D(2026, 5, 8), may)
	o.b1Thematic = hold(a.fix.CellB1, party.ChuyenDe, party.D(2026, 5, 20), party.QuarterPeriod(2026, 2))
	if _, err := svc.Oversight.EnsureMonths(ctx); err != nil {
		t.Fatal(err)
	}
	return o
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func TestBoardHomeIsTheOverview(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	for user, want := range map[string]string{"board": "/orgs/" + id(a.fix.District) + "/overview", "admin": "/overview", "seca1": "/orgs/" + id(a.fix.CellA1)} {
		rec := a.get(user, "/")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
			t.Errorf("%s: %d → %s, want %s", user, rec.Code, rec.Header().Get("Location"), want)
		}
	}
	rec := a.get("admin", "/overview?from=2026")
	if loc := rec.Header().Get("Location"); loc != "/orgs/"+id(a.fix.City)+"/overview?from=2026&to=" {
		t.Errorf("admin's overview: %s", loc)
	}
}

// UX.md, the board's view: figures, the cells needing action, a heat map
// with a table beside it, drill-down to the units, on both engines.
func TestOverviewPageDrillsDown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newOvApp(t, db)
		rec := a.get("board", "/orgs/"+id(a.fix.District)+"/overview?from=04/2026&to=06/2026")
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		p := parsePage(t, rec.Body.String())
		// The units table links each ward to its own overview, same period.
		var links []string
		for _, n := range under(t, p, "#units", "a") {
			links = append(links, attr(n, "href"))
		}
		if len(links) != 2 || links[0] != "/orgs/"+id(a.fix.WardA)+"/overview?from=2026-04&to=2026-06" {
			t.Errorf("unit links %v", links)
		}
		// The heat map and the names beside it, as server-drawn SVG.
		if len(p.css("svg.chart-heat")) != 1 || len(p.css("svg.chart-heat-labels")) != 1 || len(p.css("svg.chart-lines")) != 2 {
			t.Errorf("charts: heat %d, labels %d, trends %d", len(p.css("svg.chart-heat")), len(p.css("svg.chart-heat-labels")), len(p.css("svg.chart-lines")))
		}
		for _, n := range p.all(func(n *html.Node) bool { return attr(n, "style") != "" }) {
			t.Errorf("an inline style the CSP drops: <%s style=%q>", n.Data, attr(n, "style"))
		}
		// May's missing cell needs action, with the button to remind it.
		if got := texts(under(t, p, "#missed", "a.title")); len(got) != 1 || got[0] != "Chi bộ tổ dân phố số 6" {
			t.Errorf("cells needing action %v", got)
		}
		if len(under(t, p, "#missed", "form[action=\"/orgs/"+id(a.fix.District)+"/unit-reminders\"]")) != 1 {
			t.Error("no reminder button for the board")
		}
		// Every month has its row in the table beside the trend.
		if n := len(under(t, p, "#months", "tr")) - 1; n != 3 {
			t.Errorf("%d months in the table", n)
		}

		// Ward A: its cells link to their calendars; A2's missing May shows ✗.
		p = parsePage(t, a.get("board", "/orgs/"+id(a.fix.WardA)+"/overview?from=2026-04&to=2026-06").Body.String())
		found := false
		for _, n := range under(t, p, "#units", "a") {
			found = found || attr(n, "href") == "/orgs/"+id(a.fix.CellA2)+"/calendar?year=2026"
		}
		if !found {
			t.Error("ward A: no link to A2's calendar")
		}
		if !strings.Contains(text(p.one(t, "svg.chart-heat")), "✗") {
			t.Error("ward A's heat map shows no ✗")
		}

		// A secretary sees the overview of the cell; not another cell's.
		if rec := a.get("seca1", "/orgs/"+id(a.fix.CellA1)+"/overview"); rec.Code != http.StatusOK {
			t.Errorf("secretary on own cell: %d", rec.Code)
		}
		if rec := a.get("secb1", "/orgs/"+id(a.fix.CellA1)+"/overview"); rec.Code != http.StatusForbidden {
			t.Errorf("secretary on another cell: %d", rec.Code)
		}
	})
}

// Issue 5, bad input: "a period with the end before the start or spanning
// more than 10 years, an organization outside the user's scope … a clear
// message, no 500".
func TestOverviewRefusesBadPeriodsBesideTheField(t *testing.T) {
	a := newOvApp(t, storetest.NewSQLite(t))
	district := id(a.fix.District)
	for _, tc := range []struct {
		query, field, want string
	}{
		{"from=06/2026&to=01/2026", "to", "trước kỳ bắt đầu"},
		{"from=2010&to=2026", "to", "vượt quá 10 năm"},
		{"from=tháng+sáu&to=2026", "from", "Không hiểu kỳ"},
	} {
		rec := a.get("board", "/orgs/"+district+"/overview?"+tc.query)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d", tc.query, rec.Code)
			continue
		}
		p := parsePage(t, rec.Body.String())
		if msg := text(p.one(t, "#e-"+tc.field)); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: message %q", tc.query, msg)
		}
		// What was typed stays in the field.
		v, _ := url.ParseQuery(tc.query)
		if got := attr(p.one(t, "#f-from"), "value"); got != v.Get("from") {
			t.Errorf("%s: from field %q", tc.query, got)
		}
	}
	// The API says the same in JSON.
	rec := a.get("board", "/api/v1/oversight/compliance?org="+district+"&from=2026-06&to=2026-01")
	if e := apiErr(t, rec); rec.Code != http.StatusBadRequest || e.Fields["to"] == "" || !strings.Contains(e.Message, "trước") {
		t.Errorf("API: %d %+v", rec.Code, e)
	}
	// Outside the user's scope: refused, with a message.
	rec = a.get("boarda", "/api/v1/oversight/compliance?org="+id(a.fix.WardB))
	if e := apiErr(t, rec); rec.Code != http.StatusForbidden || e.Message == "" {
		t.Errorf("outside scope: %d %+v", rec.Code, e)
	}
	// Weights outside their range, beside each field.
	rec = a.postJSON("board", "PUT", "/api/v1/oversight/weights", map[string]any{"org_id": a.fix.District, "on_time": 150, "thematic": 20, "attendance": 25, "tot": 15, "flags": 10})
	if e := apiErr(t, rec); rec.Code != http.StatusBadRequest || !strings.Contains(e.Fields["on_time"], "150") {
		t.Errorf("weights: %d %+v", rec.Code, e)
	}
	rec = a.postForm("board", "/orgs/"+district+"/ranking/weights", url.Values{"on_time": {"40"}, "thematic": {"x"}, "attendance": {"25"}, "tot": {"15"}, "flags": {"99"},
		"next": {"/orgs/" + district + "/ranking?from=2026-04&to=2026-06"}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("weights form: %d", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#we-thematic")); !strings.Contains(msg, "không phải là một số") {
		t.Errorf("weights form message %q", msg)
	}
	if got := attr(p.one(t, "#w-flags"), "value"); got != "99" {
		t.Errorf("weights form lost what was typed: %q", got)
	}
}

// The board commends from the ranking, and a wrong form comes back with
// what was ticked and typed.
func TestRankingPageRecordsACommendation(t *testing.T) {
	a := newOvApp(t, storetest.NewSQLite(t))
	ward := id(a.fix.WardA)
	p := parsePage(t, a.get("boarda", "/orgs/"+ward+"/ranking?from=2026-04&to=2026-06").Body.String())
	if n := len(under(t, p, "#ranking", "tr")) - 1; n != 2 {
		t.Fatalf("%d ranked units", n)
	}
	form := formOf(t, p, "commend-form")
	form.Set("units", id(a.fix.CellA1))
	form.Set("number", "")
	rec := a.postForm("boarda", "/orgs/"+ward+"/commendations", form)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("no number: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#ce-number")); !strings.Contains(msg, "số quyết định") {
		t.Errorf("message %q", msg)
	}
	if _, ticked := attrOK(p.one(t, "input[value=\""+id(a.fix.CellA1)+"\"]"), "checked"); !ticked {
		t.Error("the unit ticked was lost")
	}
	form.Set("number", "15-QĐ/ĐU")
	rec = a.postForm("boarda", "/orgs/"+ward+"/commendations", form)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("commend: %d %s", rec.Code, rec.Body.String())
	}
	p = parsePage(t, a.get("boarda", rec.Header().Get("Location")).Body.String())
	if !strings.Contains(text(p.one(t, "main")), "Quyết định số 15-QĐ/ĐU") {
		t.Error("the decision is not listed")
	}
	// "Nhắc nhở" on A2's row records a reminder, followed up on the page.
	remind := formOf(t, p, "remind-"+id(a.fix.CellA2))
	rec = a.postForm("boarda", "/orgs/"+ward+"/unit-reminders", remind)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("remind: %d %s", rec.Code, rec.Body.String())
	}
	p = parsePage(t, a.get("boarda", rec.Header().Get("Location")).Body.String())
	if rows := under(t, p, "#followup", "tr"); len(rows) != 2 || !strings.Contains(text(rows[1]), "Chi bộ tổ dân phố số 6") {
		t.Errorf("follow-up rows %v", texts(rows))
	}
	// A secretary sees no forms.
	p = parsePage(t, a.get("seca1", "/orgs/"+id(a.fix.CellA1)+"/ranking").Body.String())
	if len(p.css("#commend-form")) != 0 {
		t.Error("a secretary gets the commendation form")
	}
}

// "Users see, act on and dismiss them": a reminder reaches the secretary's
// notifications with a link to where she acts, and she dismisses it.
func TestReminderNotificationLinksAndDismisses(t *testing.T) {
	a := newOvApp(t, storetest.NewSQLite(t))
	ctx := context.Background()
	if err := a.db.Update(ctx, store.System, func(tx *store.Tx) error {
		_, err := a.svc.Oversight.SendDueReminders(ctx, tx, testfix.Today)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	p := parsePage(t, a.get("seca2", "/notifications").Body.String())
	var nid, next string
	for _, f := range under(t, p, "#notifications", "form") {
		for _, in := range (page{f}).css("input[name=next]") {
			if strings.Contains(attr(in, "value"), "/calendar?year=2026") {
				next = attr(in, "value")
				nid = strings.TrimSuffix(strings.TrimPrefix(attr(f, "action"), "/notifications/"), "/read")
			}
		}
	}
	if nid == "" || next != "/orgs/"+id(a.fix.CellA2)+"/calendar?year=2026" {
		t.Fatalf("no reminder linking to A2's calendar (next %q)", next)
	}
	rec := a.postForm("seca2", "/notifications/"+nid+"/dismiss", url.Values{})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("dismiss: %d", rec.Code)
	}
	if strings.Contains(a.get("seca2", "/notifications").Body.String(), next) {
		t.Error("the dismissed reminder is still listed")
	}
	// The board sees "đã nhắc" on the overview and the log of reminders.
	p = parsePage(t, a.get("board", "/orgs/"+id(a.fix.District)+"/overview").Body.String())
	if b := texts(under(t, p, "#missed", ".badge-blue")); len(b) != 1 || !strings.Contains(b[0], "mức 3") {
		t.Errorf("đã nhắc: %v", b)
	}
	p = parsePage(t, a.get("board", "/orgs/"+id(a.fix.District)+"/reminders").Body.String())
	if n := len(under(t, p, "#reminders", "tr")) - 1; n < 3 {
		t.Errorf("%d reminders listed", n)
	}
}

// A board marks a meeting as a model; a secretary of a cell of the same
// type sees it; the API answers the same.
func TestModelMeetingsPage(t *testing.T) {
	a := newOvApp(t, storetest.NewSQLite(t))
	rec := a.postForm("board", "/meetings/"+id(a.b1Thematic)+"/model", url.Values{"note": {"Đề dẫn tốt"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("mark: %d %s", rec.Code, rec.Body.String())
	}
	// secb1 runs B1 (a school): the models of school cells by default.
	p := parsePage(t, a.get("secb1", "/models").Body.String())
	if n := len(under(t, p, "#models", ".model")); n != 1 {
		t.Errorf("secretary of B1 sees %d models", n)
	}
	// seca1's cell is residential: none of its type.
	p = parsePage(t, a.get("seca1", "/models").Body.String())
	if n := len(under(t, p, "#models", ".model")); n != 0 {
		t.Errorf("secretary of A1 sees %d models", n)
	}
	if rec := a.postForm("seca1", "/meetings/"+id(a.a1May)+"/model", url.Values{}); rec.Code != http.StatusForbidden {
		t.Errorf("a secretary marks a model: %d", rec.Code)
	}
}

// The oversight API answers what openapi/70-oversight.json says, for
// success and refusal alike, on both engines.
func TestOversightAPIMatchesOpenAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		sp := loadSpec(t)
		a := newOvApp(t, db)
		district, wardA, cellA1 := id(a.fix.District), id(a.fix.WardA), id(a.fix.CellA1)
		type call struct {
			user, method, path, tmpl string
			body                     any
			want                     int
		}
		calls := []call{
			{"board", "GET", "/api/v1/oversight/compliance?org=" + district + "&from=2026-04&to=2026-06", "/api/v1/oversight/compliance", nil, 200},
			{"board", "GET", "/api/v1/oversight/compliance?org=" + wardA + "&from=2026-Q2", "/api/v1/oversight/compliance", nil, 200},
			{"seca1", "GET", "/api/v1/oversight/compliance", "/api/v1/oversight/compliance", nil, 200},
			{"admin", "GET", "/api/v1/oversight/compliance?from=2026", "/api/v1/oversight/compliance", nil, 200},
			{"board", "GET", "/api/v1/oversight/compliance?org=" + district + "&from=2010-01&to=2026-06", "/api/v1/oversight/compliance", nil, 400},
			{"boarda", "GET", "/api/v1/oversight/compliance?org=" + id(a.fix.WardB), "/api/v1/oversight/compliance", nil, 403},
			{"board", "GET", "/api/v1/oversight/compliance?org=999999", "/api/v1/oversight/compliance", nil, 404},
			{"board", "GET", "/api/v1/oversight/ranking?org=" + wardA + "&from=2026-04-01&to=2026-06-30", "/api/v1/oversight/ranking", nil, 200},
			{"board", "GET", "/api/v1/oversight/weights?org=" + wardA, "/api/v1/oversight/weights", nil, 200},
			{"board", "PUT", "/api/v1/oversight/weights", "/api/v1/oversight/weights", map[string]any{"org_id": a.fix.District, "on_time": 50, "thematic": 20, "attendance": 20, "tot": 10, "flags": 5}, 200},
			{"board", "PUT", "/api/v1/oversight/weights", "/api/v1/oversight/weights", map[string]any{"org_id": a.fix.District, "on_time": 50}, 400},
			{"board", "PUT", "/api/v1/oversight/weights", "/api/v1/oversight/weights", map[string]any{"org_id": a.fix.CellA1, "on_time": 50, "thematic": 20, "attendance": 20, "tot": 10, "flags": 5}, 422},
			{"board", "POST", "/api/v1/oversight/unit-reminders", "/api/v1/oversight/unit-reminders", map[string]any{"org_id": a.fix.WardA, "unit_id": a.fix.CellA2, "kind": "nhac_nho", "from": "2026-04", "to": "2026-05"}, 201},
			{"board", "POST", "/api/v1/oversight/unit-reminders", "/api/v1/oversight/unit-reminders", map[string]any{"org_id": a.fix.WardA, "unit_id": a.fix.CellB1, "kind": "nhac_nho"}, 422},
			{"board", "POST", "/api/v1/oversight/unit-reminders", "/api/v1/oversight/unit-reminders", map[string]any{"org_id": a.fix.WardA, "unit_id": a.fix.CellA2, "kind": "phe_binh"}, 400},
			{"board", "GET", "/api/v1/oversight/unit-reminders?org=" + wardA, "/api/v1/oversight/unit-reminders", nil, 200},
			{"board", "POST", "/api/v1/oversight/commendations", "/api/v1/oversight/commendations", map[string]any{"org_id": a.fix.District, "number": "12-QĐ/QU", "decided_on": "10/06/2026", "form": "bang_khen", "from": "2026-04", "to": "2026-05", "unit_ids": []int64{a.fix.WardA}}, 201},
			{"board", "POST", "/api/v1/oversight/commendations", "/api/v1/oversight/commendations", map[string]any{"org_id": a.fix.District, "number": "12-QĐ/QU", "decided_on": "2026-06-10", "form": "bang_khen", "unit_ids": []int64{a.fix.WardB}}, 409},
			{"board", "GET", "/api/v1/oversight/commendations?org=" + district, "/api/v1/oversight/commendations", nil, 200},
			{"board", "GET", "/api/v1/oversight/ratings?org=" + wardA + "&year=2026", "/api/v1/oversight/ratings", nil, 200},
			{"board", "GET", "/api/v1/oversight/ratings?org=" + wardA + "&year=1999", "/api/v1/oversight/ratings", nil, 400},
			{"board", "PUT", "/api/v1/oversight/ratings", "/api/v1/oversight/ratings", map[string]any{"org_id": a.fix.CellA1, "year": 2026, "rating": "hoan_thanh_tot", "note": "Tạm"}, 200},
			{"board", "PUT", "/api/v1/oversight/ratings", "/api/v1/oversight/ratings", map[string]any{"org_id": a.fix.CellA1, "year": 2026, "rating": "xuat_sac"}, 400},
			{"board", "PUT", "/api/v1/meetings/" + id(a.b1Thematic) + "/model", "/api/v1/meetings/{id}/model", map[string]any{"note": "Đề dẫn tốt"}, 200},
			{"board", "GET", "/api/v1/oversight/models?org=" + cellA1 + "&kind=chuyen_de", "/api/v1/oversight/models", nil, 200},
			{"board", "GET", "/api/v1/oversight/models?kind=hop_to", "/api/v1/oversight/models", nil, 400},
			{"board", "DELETE", "/api/v1/meetings/" + id(a.b1Thematic) + "/model", "/api/v1/meetings/{id}/model", nil, 200},
			{"board", "DELETE", "/api/v1/meetings/" + id(a.b1Thematic) + "/model", "/api/v1/meetings/{id}/model", nil, 404},
			{"board", "GET", "/api/v1/oversight/reminders?org=" + district, "/api/v1/oversight/reminders", nil, 200},
			{"seca1", "PUT", "/api/v1/oversight/ratings", "/api/v1/oversight/ratings", map[string]any{"org_id": a.fix.CellA1, "year": 2026, "rating": "hoan_thanh"}, 403},
		}
		for _, c := range calls {
			var rec *httptest.ResponseRecorder
			switch {
			case c.body != nil:
				rec = a.postJSON(c.user, c.method, c.path, c.body)
			default:
				rec = a.do(c.user, c.method, c.path, nil, "")
			}
			if rec.Code != c.want {
				t.Errorf("%s %s as %s: %d, want %d: %s", c.method, c.path, c.user, rec.Code, c.want, rec.Body.String())
				continue
			}
			sp.check(t, c.tmpl, c.method, rec)
			if rec.Code >= 400 {
				if e := apiErr(t, rec); e.Message == "" {
					t.Errorf("%s %s: empty message", c.method, c.path)
				}
			}
		}
		// The figures themselves: the district's months and its quarter.
		rec := a.get("board", "/api/v1/oversight/compliance?org="+district+"&from=2026-04&to=2026-06")
		body := rec.Body.String()
		for _, want := range []string{`"period":"2026-04","cells":3,"on_time":1,"late":1,"missing":1,"not_due":0`, `"period":"2026-05","cells":3,"on_time":2,"late":0,"missing":1`,
			`"period":"2026-06","cells":3,"on_time":1,"late":0,"missing":0,"not_due":2`, `"thematic_held":1`} {
			if !strings.Contains(body, want) {
				t.Errorf("compliance lacks %s: %s", want, body)
			}
		}
	})
}

// Administrators set the reminder schedule; a wrong one comes back beside
// its field.
func TestReminderScheduleForm(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	back := "/orgs/" + id(a.fix.District) + "/reminders"
	rec := a.postForm("admin", "/admin/reminder-schedule", url.Values{"escalate": {"5,2"}, "unsigned": {"7"}, "next": {back}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("wrong schedule: %d", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#se-escalate")); !strings.Contains(msg, "5,2") {
		t.Errorf("message %q", msg)
	}
	rec = a.postForm("admin", "/admin/reminder-schedule", url.Values{"escalate": {"1, 4, 8"}, "unsigned": {"5"}, "next": {back}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != back {
		t.Fatalf("schedule: %d → %s", rec.Code, rec.Header().Get("Location"))
	}
	if body := a.get("board", back).Body.String(); !strings.Contains(body, "sau 8 ngày") || !strings.Contains(body, "sau 5 ngày kể từ buổi sinh hoạt") {
		t.Error("the new schedule is not shown")
	}
	if rec := a.postForm("board", "/admin/reminder-schedule", url.Values{"escalate": {"0"}, "unsigned": {"7"}}); rec.Code != http.StatusForbidden {
		t.Errorf("a board user sets the schedule: %d", rec.Code)
	}
}
