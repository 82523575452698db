package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"

	"golang.org/x/net/html"
)

// searchMeeting holds a meeting of cell on day through the meetings
// service with the search hook, as the server does, with a resolution.
func searchMeeting(t *testing.T, a *app, cell int64, day party.Date, resolution string) int64 {
	t.Helper()
	ctx := context.Background()
	actor := store.Actor{Username: "test"}
	ms := &meetings.Service{DB: a.db, Now: testfix.Now, Hooks: []meetings.Hook{search.New(a.db).MeetingHook()}}
	id, err := ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: day, Time: "19:30"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	c := party.MinutesContent{StartedAt: day.At(19, 30), EndedAt: day.At(21, 30), Chair: "Nguyễn Văn An", MinuteTaker: "Trần Thị Bình", Resolution: resolution}
	for _, it := range v.Meeting.Agenda {
		c.Items = append(c.Items, party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Text: "Đồng chí bí thư trình bày."})
	}
	if _, err := ms.SaveMinutes(ctx, actor, id, c, "", 0); err != nil {
		t.Fatal(err)
	}
	return id
}

type searchAPIHit struct {
	Type    string `json:"type"`
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
	URL     string `json:"url"`
	Parts   []struct {
		Text string `json:"text"`
		Hit  bool   `json:"hit"`
	} `json:"parts"`
}

// The page and the API find a resolution typed without diacritics, mark
// the hit in the original words, link the meeting, and keep to the
// user's scope; the answers match the OpenAPI document.
func TestSearchPageAndAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		sp := loadSpec(t)
		id := searchMeeting(t, a, a.fix.CellA1, party.D(2025, 6, 5), "Chi bộ đề nghị Đảng ủy phường xem xét kết nạp quần chúng Vũ Ngọc Anh vào Đảng.")

		rec := a.get("seca1", "/search?q="+url.QueryEscape("dang uy"))
		if rec.Code != http.StatusOK {
			t.Fatalf("page: %d", rec.Code)
		}
		p := parsePage(t, rec.Body.String())
		marks := texts(p.css("mark"))
		if len(marks) < 2 || marks[0] != "Đảng" || marks[1] != "ủy" {
			t.Errorf("marked %v, want Đảng and ủy as written", marks)
		}
		links := p.all(func(n *html.Node) bool {
			return n.Data == "a" && attr(n, "href") == "/meetings/"+strconv.FormatInt(id, 10)
		})
		if len(links) == 0 || !strings.Contains(text(links[0]), "Nghị quyết sinh hoạt thường kỳ tháng 6/2025") {
			t.Errorf("no link titled with the meeting to /meetings/%d", id)
		}
		if len(p.css("form[action=/search]")) < 2 {
			t.Errorf("the menu and the page should both have a search box")
		}

		rec = a.get("seca1", "/api/v1/search?q="+url.QueryEscape("dang uy")+"&kinds=resolution,minutes")
		sp.check(t, "/api/v1/search", "GET", rec)
		var hits []searchAPIHit
		if err := json.Unmarshal(rec.Body.Bytes(), &hits); err != nil {
			t.Fatalf("not an array: %s", rec.Body.String())
		}
		// The resolution, and the minutes that hold it.
		kinds := map[string]searchAPIHit{}
		for _, h := range hits {
			kinds[h.Type] = h
		}
		if r := kinds["resolution"]; len(hits) != 2 || r.ID != id || !strings.Contains(r.Snippet, "Đảng ủy phường") || r.URL != "/meetings/"+strconv.FormatInt(id, 10) {
			t.Errorf("API hits %+v", hits)
		}
		if m, ok := kinds["minutes"]; !ok || m.ID != id {
			t.Errorf("the minutes holding the resolution not found: %+v", hits)
		}
		// Another cell's secretary finds nothing of it.
		rec = a.get("secb1", "/api/v1/search?q=dang")
		if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != "[]" {
			t.Errorf("secretary of another cell: %d %s", rec.Code, rec.Body.String())
		}
		// The menu of every page holds the search box.
		if home := parsePage(t, a.get("seca1", "/account").Body.String()); len(home.css("input[name=q]")) == 0 {
			t.Errorf("no search box in the menu")
		}
	})
}

// The next page is announced in headers and follows on.
func TestSearchAPIPages(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	for m := time.January; m <= time.March; m++ {
		searchMeeting(t, a, a.fix.CellA1, party.D(2026, m, 5), "Nghị quyết về công tác phát triển đảng viên.")
	}
	rec := a.get("seca1", "/api/v1/search?q=dang+vien&kinds=resolution&limit=2")
	next := rec.Header().Get("X-Next-Cursor")
	if rec.Code != http.StatusOK || next == "" || !strings.Contains(rec.Header().Get("Link"), `rel="next"`) {
		t.Fatalf("first page: %d, cursor %q, link %q", rec.Code, next, rec.Header().Get("Link"))
	}
	rec = a.get("seca1", "/api/v1/search?q=dang+vien&kinds=resolution&limit=2&cursor="+url.QueryEscape(next))
	var hits []searchAPIHit
	if err := json.Unmarshal(rec.Body.Bytes(), &hits); err != nil || len(hits) != 1 || rec.Header().Get("X-Next-Cursor") != "" {
		t.Errorf("second page: %v %+v, cursor %q", err, hits, rec.Header().Get("X-Next-Cursor"))
	}
}

// Whatever is typed — empty, 10,000 characters, FTS5 or tsquery syntax —
// the page shows a message beside the box and the API a 400 with the
// error object; never a 500.
func TestSearchBadInputIsNeverA500(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		sp := loadSpec(t)
		searchMeeting(t, a, a.fix.CellA1, party.D(2025, 6, 5), "Nghị quyết: a OR b, col:x, NEAR(a b), 'x' \\ y.")
		queries := []string{"", " ", strings.Repeat("đảng ", 2000), `"`, `NEAR(`, `a OR`, `*`, `col:x`, `'`, `\`, `-"a"`, `a AND NOT b`,
			`'; DROP TABLE search_docs; --`, "\u0110a\u0309ng", `"a" & !b | c:*`, "%", "_", "🎉"}
		for _, q := range queries {
			for _, user := range []string{"seca1", "admin", "mema1"} {
				rec := a.get(user, "/search?q="+url.QueryEscape(q))
				if rec.Code >= 500 {
					t.Errorf("page %q as %s: %d", q, user, rec.Code)
				}
				if rec.Code == http.StatusBadRequest {
					if errs := texts(parsePage(t, rec.Body.String()).css(".field-error")); len(errs) != 1 || errs[0] == "" {
						t.Errorf("page %q: no message beside the box: %v", q, errs)
					}
				}
				rec = a.get(user, "/api/v1/search?q="+url.QueryEscape(q))
				if rec.Code >= 500 || (rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest) {
					t.Errorf("API %q as %s: %d %s", q, user, rec.Code, rec.Body.String())
				}
				sp.check(t, "/api/v1/search", "GET", rec)
				if rec.Code == http.StatusBadRequest {
					if e := apiErr(t, rec); e.Code != "invalid" || e.Message == "" {
						t.Errorf("API %q: error %+v", q, e)
					}
				}
			}
		}
		for _, path := range []string{"/api/v1/search?q=dang&kinds=secrets", "/api/v1/search?q=dang&cursor=xyz", "/api/v1/search?q=dang&limit=abc",
			"/api/v1/search?q=dang&limit=100000", "/api/v1/search"} {
			rec := a.get("seca1", path)
			if rec.Code != http.StatusBadRequest || apiErr(t, rec).Message == "" {
				t.Errorf("%s: %d %s", path, rec.Code, rec.Body.String())
			}
		}
		if rec := a.get("seca1", "/search?q=dang&kind=secrets"); rec.Code != http.StatusBadRequest {
			t.Errorf("page with a bad kind: %d", rec.Code)
		}
		// Opening the page without a query is the empty form.
		if rec := a.get("seca1", "/search"); rec.Code != http.StatusOK || len(parsePage(t, rec.Body.String()).css(".field-error")) != 0 {
			t.Errorf("empty search page: %d", rec.Code)
		}
	})
}
