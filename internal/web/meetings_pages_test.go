package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/meetings"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// The cell's page is the secretary's home: this month's meeting with its
// steps and the one next action, and the quarter's thematic meeting with
// the days left.
func TestCellPageShowsTheMonth(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := "/orgs/" + strconv.FormatInt(a.fix.CellA1, 10)
	p := parsePage(t, a.get("seca1", cell).Body.String())
	if h := text(p.one(t, "#month-h")); h != "Chi bộ của tôi, tháng 6/2026" {
		t.Errorf("card title = %q", h)
	}
	if w := text(p.q1(t, ".month-card .warn")); !strings.Contains(w, "Chưa lên lịch") {
		t.Errorf("no meeting planned: %q", w)
	}
	if b := p.q1(t, ".month-card .actions-bottom a"); !strings.Contains(attr(b, "href"), "/meetings/new?kind=thuong_ky&period=2026-06") {
		t.Errorf("plan link = %q", attr(b, "href"))
	}
	if q := text(p.one(t, ".quarter-card")); !strings.Contains(q, "Chưa sinh hoạt chuyên đề quý II/2026 — còn 16 ngày") {
		t.Errorf("quarter card = %q", q)
	}
	if n := len(p.css("a.btn-primary")); n != 1 {
		t.Errorf("%d primary actions on the cell page, want one", n)
	}

	m := a.planJuneForm(t)
	p = parsePage(t, a.get("seca1", cell).Body.String())
	steps := texts(p.q(".month-card .step-label"))
	if !slices.Equal(steps, []string{"Chuẩn bị", "Thông báo", "Điểm danh", "Biên bản", "Biểu quyết", "Ký", "Đánh giá"}) {
		t.Errorf("steps = %v", steps)
	}
	if !hasClass(p.q(".month-card li.step")[6], "is-off") {
		t.Error("Đánh giá is not shown as not yet available")
	}
	next := p.q1(t, ".month-card .actions-bottom a")
	if text(next) != "Điểm danh" || attr(next, "href") != m+"/attendance" {
		t.Errorf("next action = %q → %s", text(next), attr(next, "href"))
	}
	// A member of the cell sees the card, without actions.
	p = parsePage(t, a.get("mema1", cell).Body.String())
	if h := text(p.one(t, "#month-h")); h != "Sinh hoạt chi bộ tháng 6/2026" || len(p.q(".month-card .actions-bottom")) != 0 || len(p.q(".month-card .step a")) != 0 {
		t.Errorf("member's card: %q with %d actions", h, len(p.q(".month-card .actions-bottom")))
	}

	// Once the quarter's thematic meeting is held, the card says when.
	rec := a.postForm("seca1", cell+"/meetings", url.Values{"kind": {"chuyen_de"}, "date": {"10/06/2026"}, "time": {"08:00"}, "topic": {"Phòng chống suy thoái tư tưởng"}})
	wantStatus(t, "plan thematic", rec, http.StatusSeeOther)
	th := strings.TrimPrefix(rec.Header().Get("Location"), "/meetings/")
	wantStatus(t, "thematic roll call", a.postJSON("seca1", "PUT", "/api/v1/meetings/"+th+"/attendance",
		map[string]any{"entries": []map[string]any{{"member_id": a.fix.Members["Nguyễn Văn An"], "status": "co_mat"}}}), http.StatusOK)
	p = parsePage(t, a.get("seca1", cell).Body.String())
	if q := text(p.one(t, ".quarter-card")); !strings.Contains(q, "Đã sinh hoạt chuyên đề quý II/2026 (ngày 10/06/2026)") {
		t.Errorf("quarter card = %q", q)
	}
}

// The year calendar cannot hide a missing month: each month says its
// state in words, with an icon and a colour; months without a meeting
// offer "Lên lịch"; "Lập lịch cả năm" fills the rest of the year.
func TestYearCalendarPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		m := a.planJuneForm(t)
		cal := "/orgs/" + strconv.FormatInt(a.fix.CellA1, 10) + "/calendar"
		p := parsePage(t, a.get("seca1", cal+"?year=2026").Body.String())
		rows := p.q("#months li")
		if len(rows) != 12 {
			t.Fatalf("%d months", len(rows))
		}
		for i, want := range []string{"Không họp", "Không họp", "Không họp", "Không họp", "Không họp", "Chưa đến hạn", "Chưa đến hạn"} {
			if got := text(p.css(".cal-status")[i]); got != want {
				t.Errorf("month %d: %q, want %q", i+1, got, want)
			}
		}
		if !hasClass(rows[0], "is-khong_hop") || text(p.css(".cal-icon")[0]) != "✗" {
			t.Error("a missing month is not marked by class and icon")
		}
		if got := text(rows[5]); !strings.Contains(got, "05/06/2026 · Dự kiến") {
			t.Errorf("June = %q", got)
		}
		if plan := p.q("#months a.btn-small"); len(plan) != 11 {
			t.Errorf("%d months offer 'Lên lịch', want 11", len(plan))
		}
		feed := attr(p.one(t, "#feed-cell"), "value")
		if !strings.HasPrefix(feed, "http://127.0.0.1/ical/") || !strings.HasSuffix(feed, ".ics") {
			t.Errorf("feed address = %q", feed)
		}
		if w := p.q(".feed a.btn"); len(w) != 1 || !strings.HasPrefix(attr(w[0], "href"), "webcal://127.0.0.1/ical/") {
			t.Error("no webcal link")
		}

		// The feed itself: no login, the token is the secret.
		token := strings.TrimSuffix(strings.TrimPrefix(feed, "http://127.0.0.1/ical/"), ".ics")
		rec := a.get("", "/ical/"+token+".ics")
		wantStatus(t, "feed", rec, http.StatusOK)
		if ct := rec.Header().Get("Content-Type"); ct != "text/calendar; charset=utf-8" || !strings.Contains(rec.Body.String(), "BEGIN:VEVENT\r\n") ||
			!strings.Contains(rec.Body.String(), strings.TrimPrefix(m, "/meetings/")) {
			t.Errorf("feed: %s\n%s", ct, rec.Body.String())
		}
		wantStatus(t, "unknown feed", a.get("", "/ical/khong-co.ics"), http.StatusNotFound)
		wantStatus(t, "feed without .ics", a.get("", "/ical/"+token), http.StatusNotFound)

		// Plan the rest of the year.
		rec = a.postForm("seca1", cal+"/plan-year", url.Values{"year": {"2026"}})
		wantStatus(t, "plan year", rec, http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", rec.Header().Get("Location")).Body.String())
		if f := text(p.one(t, ".flash")); f != "Đã lên lịch 6 buổi sinh hoạt thường kỳ." {
			t.Errorf("flash = %q", f)
		}
		if plan := p.q("#months a.btn-small"); len(plan) != 5 {
			t.Errorf("%d months still offer 'Lên lịch', want 5 (January to May)", len(plan))
		}
	})
}

// The plan form: pre-filled from the cell's usual day in the month asked
// for; bad input comes back as typed with a message beside the field; a
// second regular meeting for the month is refused naming the rule.
func TestPlanForm(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := "/orgs/" + strconv.FormatInt(a.fix.CellA1, 10)
	p := parsePage(t, a.get("seca1", cell+"/meetings/new?kind=thuong_ky&period=2026-07").Body.String())
	if v := attr(p.one(t, "#f-date"), "value"); v != "05/07/2026" {
		t.Errorf("date pre-filled = %q", v)
	}
	if v := attr(p.one(t, "#f-time"), "value"); v != "19:30" {
		t.Errorf("time pre-filled = %q", v)
	}
	if typ := attr(p.one(t, "#f-date"), "type"); typ != "text" || attr(p.one(t, "#f-date"), "placeholder") != "dd/mm/yyyy" {
		t.Errorf("date field is %q", typ)
	}
	if got := text(p.one(t, ".period-line")); got != "Tính cho tháng 7/2026" {
		t.Errorf("period line = %q", got)
	}
	rec := a.postForm("seca1", cell+"/meetings", url.Values{"kind": {"thuong_ky"}, "date": {"31/06/2026"}, "time": {"19h30"}, "place": {"Nhà ông Tư"}})
	wantStatus(t, "bad date", rec, http.StatusBadRequest)
	p = parsePage(t, rec.Body.String())
	if e := text(p.one(t, "#e-date")); !strings.Contains(e, "31/06/2026") {
		t.Errorf("date message = %q", e)
	}
	if v := attr(p.one(t, "#f-place"), "value"); v != "Nhà ông Tư" {
		t.Errorf("place lost: %q", v)
	}
	rec = a.postForm("seca1", cell+"/meetings", url.Values{"kind": {"chuyen_de"}, "date": {"20/06/2026"}, "time": {"8:00"}})
	wantStatus(t, "thematic without topic", rec, http.StatusBadRequest)
	if e := text(parsePage(t, rec.Body.String()).one(t, "#e-topic")); !strings.Contains(e, "chủ đề") {
		t.Errorf("topic message = %q", e)
	}
	a.planJuneForm(t)
	rec = a.postForm("seca1", cell+"/meetings", url.Values{"kind": {"thuong_ky"}, "date": {"25/06/2026"}, "time": {"19:30"}, "place": {"Nhà ông Tư"}})
	wantStatus(t, "second regular meeting", rec, http.StatusUnprocessableEntity)
	p = parsePage(t, rec.Body.String())
	if e := text(p.one(t, "#e-period")); !strings.Contains(e, "mỗi tháng một buổi") {
		t.Errorf("message = %q", e)
	}
	if v := attr(p.one(t, "#f-date"), "value"); v != "25/06/2026" {
		t.Errorf("date lost: %q", v)
	}
}

// A meeting still to come: its page shows what to prepare, the notice
// can be sent (and again after a change), the roll call says why it
// must wait, and the agenda is edited without JavaScript.
func TestMeetingToComePreparation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		cell := "/orgs/" + strconv.FormatInt(a.fix.CellA1, 10)
		rec := a.postForm("seca1", cell+"/meetings", url.Values{"kind": {"thuong_ky"}, "date": {"05/07/2026"}, "time": {"19:30"}, "place": {"Nhà văn hóa"}})
		wantStatus(t, "plan", rec, http.StatusSeeOther)
		m := rec.Header().Get("Location")
		p := parsePage(t, a.get("seca1", m).Body.String())
		if cur := text(p.one(t, "li.is-current")); !strings.Contains(cur, "Chuẩn bị") {
			t.Errorf("current step = %q", cur)
		}
		if _, open := attrOK(p.q1(t, "#prep details"), "open"); !open {
			t.Error("the preparation form is closed though it is the next step")
		}
		version := formOf(t, p, "prep-form").Get("version")

		// The roll call must wait for the day.
		p = parsePage(t, a.get("seca1", m+"/attendance").Body.String())
		if w := text(p.one(t, ".warn")); !strings.Contains(w, "Chưa đến ngày sinh hoạt (05/07/2026)") || len(p.css("#roll-form")) != 0 {
			t.Errorf("future roll call: %q", w)
		}
		an := strconv.FormatInt(a.fix.Members["Nguyễn Văn An"], 10)
		wantStatus(t, "future roll call", a.hx("seca1", m+"/attendance/"+an, url.Values{"s." + an: {"co_mat"}}), http.StatusUnprocessableEntity)

		// Preparation: a committee meeting after the meeting is refused
		// beside its field, keeping the draft resolution.
		prep := url.Values{"version": {version}, "content_drafted": {"1"}, "committee_met_on": {"10/07/2026"}, "draft_resolution": {"Dự thảo nghị quyết tháng 7."}}
		rec = a.postForm("seca1", m+"/prep", prep)
		wantStatus(t, "committee after the meeting", rec, http.StatusBadRequest)
		p = parsePage(t, rec.Body.String())
		if e := text(p.one(t, "#e-committee_met_on")); e == "" || text(p.one(t, "#f-draft_resolution")) != "Dự thảo nghị quyết tháng 7." {
			t.Errorf("prep error = %q", e)
		}
		prep.Set("committee_met_on", "01/07/2026")
		wantStatus(t, "prep", a.postForm("seca1", m+"/prep", prep), http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m).Body.String())
		done := p.q("#prep .checklist li.is-done")
		if len(done) != 3 || !strings.Contains(text(p.one(t, "li.is-current")), "Thông báo") {
			t.Errorf("%d preparation steps done; current %q", len(done), text(p.one(t, "li.is-current")))
		}
		// A stale version: 409, with what was typed kept.
		prep.Set("draft_resolution", "Bản sửa sau.")
		rec = a.postForm("seca1", m+"/prep", prep)
		wantStatus(t, "stale prep", rec, http.StatusConflict)
		if got := text(parsePage(t, rec.Body.String()).one(t, "#f-draft_resolution")); got != "Bản sửa sau." {
			t.Errorf("typed text lost on conflict: %q", got)
		}

		// The agenda: move the last item up, remove the first, add one.
		form := formOf(t, parsePage(t, a.get("seca1", m).Body.String()), "agenda-form")
		n, _ := strconv.Atoi(form.Get("n"))
		last := form.Get("a." + strconv.Itoa(n-1) + ".title")
		form.Set("op", "up:"+strconv.Itoa(n-1))
		wantStatus(t, "move up", a.postForm("seca1", m+"/agenda", form), http.StatusSeeOther)
		form = formOf(t, parsePage(t, a.get("seca1", m).Body.String()), "agenda-form")
		if form.Get("a."+strconv.Itoa(n-2)+".title") != last {
			t.Errorf("item not moved up")
		}
		first := form.Get("a.0.title")
		form.Set("op", "del:0")
		wantStatus(t, "remove", a.postForm("seca1", m+"/agenda", form), http.StatusSeeOther)
		form = formOf(t, parsePage(t, a.get("seca1", m).Body.String()), "agenda-form")
		form.Set("new_title", "Kết nạp đảng viên mới")
		form.Set("op", "add")
		wantStatus(t, "add", a.postForm("seca1", m+"/agenda", form), http.StatusSeeOther)
		form = formOf(t, parsePage(t, a.get("seca1", m).Body.String()), "agenda-form")
		if got, _ := strconv.Atoi(form.Get("n")); got != n || form.Get("a.0.title") == first || form.Get("a."+strconv.Itoa(n-1)+".title") != "Kết nạp đảng viên mới" {
			t.Errorf("agenda after remove and add: %d items, first %q, last %q", got, form.Get("a.0.title"), form.Get("a."+strconv.Itoa(n-1)+".title"))
		}

		// The notice: how many were notified; again only after a change.
		rec = a.postForm("seca1", m+"/notice", nil)
		wantStatus(t, "notice", rec, http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", rec.Header().Get("Location")).Body.String())
		if f := text(p.one(t, ".flash")); !strings.HasPrefix(f, "Đã gửi thông báo: ") {
			t.Errorf("notice flash = %q", f)
		}
		rec = a.postForm("seca1", m+"/notice", nil)
		p = parsePage(t, a.get("seca1", rec.Header().Get("Location")).Body.String())
		if f := text(p.one(t, ".flash")); !strings.Contains(f, "không gửi lại") {
			t.Errorf("second notice flash = %q", f)
		}
		form = formOf(t, p, "plan-form")
		form.Set("time", "20:00")
		wantStatus(t, "change time", a.postForm("seca1", m, form), http.StatusSeeOther)
		rec = a.postForm("seca1", m+"/notice", nil)
		p = parsePage(t, a.get("seca1", rec.Header().Get("Location")).Body.String())
		if f := text(p.one(t, ".flash")); !strings.HasPrefix(f, "Đã gửi thông báo: ") {
			t.Errorf("notice after a change = %q", f)
		}

		// The member's notifications: listed, counted in the menu, read.
		p = parsePage(t, a.get("mema1", "/notifications").Body.String())
		items := p.q("#notifications li")
		if len(items) != 2 || !hasClass(items[0], "is-unread") || !strings.Contains(text(items[0]), "20:00") {
			t.Fatalf("notifications: %v", texts(items))
		}
		if c := text(p.one(t, ".nav-unread")); !strings.HasPrefix(c, "2") {
			t.Errorf("unread count in the menu = %q", c)
		}
		action := attr(p.q("#notifications form")[0], "action")
		rec = a.postForm("mema1", action, url.Values{"next": {m}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != m {
			t.Errorf("open notification: %d → %s", rec.Code, rec.Header().Get("Location"))
		}
		wantStatus(t, "someone else's notification", a.postForm("memb1", action, nil), http.StatusNotFound)
		rec = a.postForm("mema1", action, url.Values{"next": {"//evil.example/"}})
		if rec.Header().Get("Location") != "/notifications" {
			t.Errorf("open redirect to %s", rec.Header().Get("Location"))
		}
		wantStatus(t, "read all", a.postForm("mema1", "/notifications/read-all", nil), http.StatusSeeOther)
		if p := parsePage(t, a.get("mema1", "/notifications").Body.String()); len(p.css(".nav-unread")) != 0 {
			t.Error("unread count after reading all")
		}

		// Deleting asks first, then deletes (nothing recorded yet).
		rec = a.postForm("seca1", m+"/delete", nil)
		wantStatus(t, "delete asks", rec, http.StatusOK)
		if !strings.Contains(text(parsePage(t, rec.Body.String()).one(t, ".lead")), "Xóa buổi sinh hoạt thường kỳ tháng 7/2026 ngày 05/07/2026?") {
			t.Error("no confirmation question")
		}
		wantStatus(t, "delete", a.postForm("seca1", m+"/delete", url.Values{"confirm": {"1"}}), http.StatusSeeOther)
		wantStatus(t, "deleted", a.get("seca1", m), http.StatusNotFound)
	})
}

// "Thêm ý kiến" finds a speaker by part of the name, diacritics optional.
func TestSpeakerSearch(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	m := a.planJuneForm(t)
	for q, want := range map[string][]string{
		"thi binh": {"Trần Thị Bình"},
		"DUC":      {"Đỗ Văn Đức"},
		"tuấn":     {"Võ Minh Tuấn"},
		"thi":      {"Phạm Thị Ân", "Trần Thị Bình", "Vũ Thị Hà", "Ngô Thị Yến"},
		"anh":      {"Lê Văn Ánh"},
		"xyz":      {},
	} {
		rec := a.get("seca1", m+"/speakers?q="+url.QueryEscape(q))
		var got []struct{ Name string }
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, g := range got {
			names = append(names, g.Name)
		}
		if !slices.Equal(names, want) && !(len(names) == 0 && len(want) == 0) {
			t.Errorf("%q found %v, want %v", q, names, want)
		}
	}
	wantStatus(t, "another cell's secretary", a.get("secb1", m+"/speakers?q=an"), http.StatusForbidden)
}

// Rule sets: administrators see the thresholds and which set is to be
// confirmed, and add one (a bad number comes back beside its field).
func TestRuleSetsPage(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	p := parsePage(t, a.get("admin", "/admin/rulesets").Body.String())
	rows := p.q("#rulesets tbody tr")
	if len(rows) != 2 || !strings.Contains(text(rows[1]), "Cần xác nhận") || !strings.Contains(text(rows[1]), "đang áp dụng") || !strings.Contains(text(rows[0]), "trên 85%") {
		t.Fatalf("rule sets: %v", texts(rows))
	}
	form := formOf(t, p, "ruleset-form")
	if form.Get("attendance_min") != "85" || form.Get("quorum_num") != "2" {
		t.Errorf("not pre-filled from the set in force: %v", form)
	}
	form.Set("code", "HD50-2027")
	form.Set("name", "Hướng dẫn 50-HD/BTCTW")
	form.Set("effective_from", "01/01/2027")
	form.Set("min_duration_minutes", "chín mươi")
	rec := a.postForm("admin", "/admin/rulesets", form)
	wantStatus(t, "bad number", rec, http.StatusBadRequest)
	p = parsePage(t, rec.Body.String())
	if e := text(p.one(t, "#e-min_duration_minutes")); !strings.Contains(e, "chín mươi") || attr(p.one(t, "#f-code"), "value") != "HD50-2027" {
		t.Errorf("message %q", e)
	}
	form.Set("min_duration_minutes", "120")
	wantStatus(t, "create", a.postForm("admin", "/admin/rulesets", form), http.StatusSeeOther)
	if rows := parsePage(t, a.get("admin", "/admin/rulesets").Body.String()).q("#rulesets tbody tr"); len(rows) != 3 {
		t.Errorf("%d rule sets after adding one", len(rows))
	}
	wantStatus(t, "secretary", a.get("seca1", "/admin/rulesets"), http.StatusForbidden)
}

// A member finds their own calendar address from their record; it lists
// the meetings of their cell.
func TestMemberFeed(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	ms := &meetings.Service{DB: a.db, Now: testfix.Now}
	if _, err := ms.Plan(context.Background(), store.Actor{Username: "seca1"}, meetings.Plan{OrgID: a.fix.CellA1, Kind: "thuong_ky",
		Date: testfix.Today.AddDays(20), Time: "19:30", Place: "Nhà văn hóa"}); err != nil {
		t.Fatal(err)
	}
	self := strconv.FormatInt(a.fix.Members["Lê Văn Ánh"], 10)
	p := parsePage(t, a.get("mema1", "/members/"+self).Body.String())
	if l := p.css("a[href=/members/" + self + "/feed]"); len(l) != 1 {
		t.Fatal("no link to the member's calendar")
	}
	p = parsePage(t, a.get("mema1", "/members/"+self+"/feed").Body.String())
	if got := texts(p.q(".list .title")); len(got) != 1 || got[0] != "19:30 · 05/07/2026" {
		t.Errorf("next meetings = %v", got)
	}
	feed := attr(p.one(t, "#feed-member"), "value")
	rec := a.get("", strings.TrimPrefix(feed, "http://127.0.0.1"))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Lê Văn Ánh") {
		t.Errorf("member feed: %d", rec.Code)
	}
	other := strconv.FormatInt(a.fix.Members["Trần Thị Bình"], 10)
	wantStatus(t, "another member's calendar", a.get("mema1", "/members/"+other+"/feed"), http.StatusForbidden)
}
