package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

func TestMemberListIsInVietnameseOrder(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	rec := a.get("seca1", "/orgs/"+strconv.FormatInt(a.fix.CellA1, 10)+"/members")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	got := texts(parsePage(t, rec.Body.String()).css(".member-name"))
	if !slices.Equal(got, testfix.CellA1Sorted) {
		t.Errorf("order:\n got  %v\n want %v", got, testfix.CellA1Sorted)
	}
}

// Bad input: the form comes back with what was typed and a message beside
// each wrong field, and nothing is stored.
func TestMemberFormKeepsInputOnError(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	rec := a.postForm("seca1", "/orgs/"+cell+"/members", url.Values{
		"full_name": {"Nguyễn Thị Mới"}, "joined_on": {"31/02/2020"}, "birth_date": {"05/06/1970"},
		"card_number": {"1234"}, "phone": {"0912 345 678"}, "hometown": {"Hưng Yên"},
	})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if v := attr(p.one(t, "#f-full_name"), "value"); v != "Nguyễn Thị Mới" {
		t.Errorf("name not kept: %q", v)
	}
	if v := attr(p.one(t, "#f-hometown"), "value"); v != "Hưng Yên" {
		t.Errorf("home town not kept: %q", v)
	}
	if msg := text(p.one(t, "#e-joined_on")); !strings.Contains(msg, "31/02/2020") {
		t.Errorf("date message = %q", msg)
	}
	if p.css("#e-card_number") != nil && !strings.Contains(text(p.one(t, "#e-card_number")), "8 chữ số") {
		t.Errorf("card message = %q", text(p.one(t, "#e-card_number")))
	}
	// Nothing stored.
	var n int
	_ = a.db.View(t.Context(), func(tx *store.Tx) error {
		return tx.QueryRow(t.Context(), `SELECT count(*) FROM members WHERE full_name = $1`, "Nguyễn Thị Mới").Scan(&n)
	})
	if n != 0 {
		t.Errorf("%d rows stored", n)
	}
}

func TestMemberCreateAndDuplicateCard(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	ok := a.postForm("seca1", "/orgs/"+cell+"/members", url.Values{
		"full_name": {"Nguyễn Thị Mới"}, "joined_on": {"05/06/2000"}, "official_on": {"05/06/2001"}, "card_number": {"00012345"},
	})
	if ok.Code != http.StatusSeeOther {
		t.Fatalf("create: status %d: %s", ok.Code, ok.Body.String())
	}
	dup := a.postForm("seca1", "/orgs/"+cell+"/members", url.Values{
		"full_name": {"Trần Văn Khác"}, "joined_on": {"05/06/2000"}, "official_on": {"05/06/2001"}, "card_number": {"00012345"},
	})
	if dup.Code != http.StatusConflict {
		t.Fatalf("duplicate card: status %d", dup.Code)
	}
	p := parsePage(t, dup.Body.String())
	if msg := text(p.one(t, "#e-card_number")); !strings.Contains(msg, "00012345") {
		t.Errorf("card message = %q", msg)
	}
	if v := attr(p.one(t, "#f-full_name"), "value"); v != "Trần Văn Khác" {
		t.Errorf("name not kept: %q", v)
	}
}

// Two people editing one record: the second save is refused with a clear
// message and keeps what the second person typed.
func TestConcurrentEditIsAConflict(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	id := strconv.FormatInt(a.fix.Members["Trần Thị Bình"], 10)
	form := func(user, note string) *url.Values {
		p := parsePage(t, a.get(user, "/members/"+id+"/edit").Body.String())
		v := url.Values{}
		for _, in := range p.css("input") {
			v.Set(attr(in, "name"), attr(in, "value"))
		}
		v.Set("note", note)
		return &v
	}
	first := form("seca1", "Bản của bí thư")
	second := form("boarda", "Bản của ban tổ chức")
	if rec := a.postForm("seca1", "/members/"+id, *first); rec.Code != http.StatusSeeOther {
		t.Fatalf("first save: %d", rec.Code)
	}
	rec := a.postForm("boarda", "/members/"+id, *second)
	if rec.Code != http.StatusConflict {
		t.Fatalf("second save: status %d, want 409", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if !strings.Contains(text(p.one(t, ".form-error")), "người khác") {
		t.Errorf("conflict message = %q", text(p.one(t, ".form-error")))
	}
	if got := text(p.one(t, "#f-note")); got != "Bản của ban tổ chức" {
		t.Errorf("second person's text lost: %q", got)
	}
}

func TestLoginThrottling(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	var last int
	for i := 0; i < 6; i++ {
		rec := a.postForm("", "/login", url.Values{"username": {"seca1"}, "password": {"sai-mat-khau"}})
		last = rec.Code
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("after 6 failures: status %d, want 429", last)
	}
	// Even the right password waits out the lockout.
	rec := a.postForm("", "/login", url.Values{"username": {"seca1"}, "password": {testfix.Password}})
	if rec.Code != http.StatusTooManyRequests {
		t.Errorf("right password during lockout: %d", rec.Code)
	}
	// Another account is not affected.
	rec = a.postForm("", "/login", url.Values{"username": {"secb1"}, "password": {testfix.Password}})
	if rec.Code != http.StatusSeeOther {
		t.Errorf("other account: %d", rec.Code)
	}
}

func TestSessionCookieAndHeaders(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	rec := a.postForm("", "/login", url.Values{"username": {"seca1"}, "password": {testfix.Password}, "next": {"//evil.example/"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("login: %d → %s", rec.Code, rec.Header().Get("Location"))
	}
	var session *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == "__Host-chibo" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || !session.Secure || session.SameSite != http.SameSiteLaxMode || session.Path != "/" {
		t.Fatalf("session cookie = %+v", session)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
		if rec.Header().Get(h) == "" {
			t.Errorf("missing header %s", h)
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); strings.Contains(csp, "unsafe") {
		t.Errorf("CSP allows unsafe code: %s", csp)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	req := newReq("POST", "/orgs/"+cell+"/members", "full_name=X+Y&joined_on=01/01/2000")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie("seca1")})
	rec := serve(a, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d", rec.Code)
	}
}

// Personal data is shown within scope, and each showing is logged.
func TestPersonalDataViewsAreLogged(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	id := a.fix.Members["Trần Thị Bình"]
	rec := a.get("boarda", "/members/"+strconv.FormatInt(id, 10))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "0912345678") {
		t.Error("phone not shown to the ward board")
	}
	var n int
	_ = a.db.View(t.Context(), func(tx *store.Tx) error {
		return tx.QueryRow(t.Context(), `SELECT count(*) FROM audit_log WHERE action = 'view_personal' AND entity_id = $1 AND username = 'boarda'`, id).Scan(&n)
	})
	if n != 1 {
		t.Errorf("%d personal-data views logged, want 1", n)
	}
	// A member sees their own record, but not a fellow member's.
	if rec := a.get("mema1", "/members/"+strconv.FormatInt(id, 10)); rec.Code != http.StatusForbidden {
		t.Errorf("member viewing another member: %d", rec.Code)
	}
}
