package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/training"
	"chibo/internal/web"
)

// variant is a choice of target for a route: inside subtree A (ward Bồ Đề,
// cell A1), inside subtree B (ward Gia Thụy, cell B1), or the member's own
// record.
type variant struct {
	name     string
	org      int64 // org for org, query-org and body-org routes
	member   int64 // member for member routes
	meeting  int64 // meeting for meeting routes
	orgPath  string
	memberID int64
	document int64 // document for document routes (issued in the variant's ward)
	course   int64 // course for course routes (organized by the variant's ward)
	// issuerPath is the path of the ward that issued the document and
	// organized the course: the target of their management routes.
	issuerPath string
}

// TestEveryRouteIsAuthorized walks the whole route table: for every route,
// every kind of account and every target, the answer is refused exactly
// when auth.Can refuses, and nobody gets in without logging in.
func TestEveryRouteIsAuthorized(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		srv, err := web.New(web.Config{}, web.Deps{DB: db, Now: testfix.Now})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		ctx := context.Background()
		paths := map[int64]string{}
		for _, id := range []int64{fix.CellA1, fix.CellB1, fix.WardA, fix.WardB} {
			err := db.View(ctx, func(tx *store.Tx) error {
				o, err := tx.Org(ctx, id)
				paths[id] = o.Path
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		other := fix.Members["Trần Thị Bình"] // in cell A1, nobody's own record
		self := fix.Members["Lê Văn Ánh"]     // the record of account mema1
		inB := fix.Members["Võ Minh Tuấn"]    // in cell B1
		ms := &meetings.Service{DB: db, Now: testfix.Now}
		meetingOf := func(cell int64) int64 {
			id, err := ms.Plan(ctx, store.Actor{Username: "test"}, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: party.D(2026, 6, 5), Time: "19:30"})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		mA, mB := meetingOf(fix.CellA1), meetingOf(fix.CellB1)
		// A document issued by each ward and sent to its whole subtree, and
		// a course organized by each ward.
		ds := &documents.Service{DB: db, Now: testfix.Now}
		ts := &training.Service{DB: db, Now: testfix.Now}
		docOf := func(ward int64, number string) int64 {
			id, err := ds.Create(ctx, store.Actor{Username: "test"}, documents.Input{IssuerID: ward, Number: number, Kind: "ke_hoach", Title: "Kế hoạch học tập",
				IssuedOn: party.D(2026, 6, 1)}, &documents.Upload{Name: "ke-hoach.pdf", Data: []byte("%PDF-1.4 test")})
			if err == nil {
				_, err = ds.Send(ctx, store.Actor{Username: "test"}, id, documents.SendInput{})
			}
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		courseOf := func(ward int64) int64 {
			id, err := ts.Create(ctx, store.Actor{Username: "test"}, training.Input{OrganizerID: ward, Title: "Bồi dưỡng bí thư chi bộ",
				StartsOn: party.D(2026, 6, 1), EndsOn: party.D(2026, 6, 3)})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		dA, dB, cA, cB := docOf(fix.WardA, "01-KH/ĐU"), docOf(fix.WardB, "02-KH/ĐU"), courseOf(fix.WardA), courseOf(fix.WardB)
		variants := []variant{
			{"A", fix.CellA1, other, mA, paths[fix.CellA1], other, dA, cA, paths[fix.WardA]},
			{"B", fix.CellB1, inB, mB, paths[fix.CellB1], inB, dB, cB, paths[fix.WardB]},
			{"self", fix.CellA1, self, mA, paths[fix.CellA1], self, dA, cA, paths[fix.WardA]},
		}
		users := []string{"admin", "board", "boarda", "boardb", "seca1", "secb1", "mema1", "memb1"}
		cookies := map[string]string{}
		as := &accounts.Service{DB: db, Now: testfix.Now}
		for _, u := range users {
			secret, _, err := as.Login(ctx, u, testfix.Password, "10.0.0.1", "test")
			if err != nil {
				t.Fatal(err)
			}
			cookies[u] = secret
		}
		checked, refused := 0, 0
		for _, rt := range srv.Routes() {
			for _, v := range variants {
				req := buildRequest(t, rt, v)
				// Nobody: always refused.
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if !isRefusedAnon(rec) {
					t.Errorf("%s %s (%s) anonymous: status %d, want a login demand", rt.Method, rt.Pattern, v.name, rec.Code)
				}
				for _, u := range users {
					p := fix.Principal(t, u)
					target := auth.Target{}
					switch rt.Target.Kind {
					case "org", "query-org", "body-org":
						target = auth.Target{OrgPath: v.orgPath}
					case "member":
						target = auth.Target{OrgPath: v.orgPath, MemberID: v.memberID}
					case "meeting":
						target = auth.Target{OrgPath: v.orgPath}
					case "document", "course":
						target = auth.Target{OrgPath: v.issuerPath}
					case "document-org":
						target = auth.Target{OrgPath: v.orgPath}
					case "":
					default:
						t.Fatalf("route %s %s: the test does not know target kind %q", rt.Method, rt.Pattern, rt.Target.Kind)
					}
					want := auth.Can(p, rt.Action, target)
					req := buildRequest(t, rt, v)
					req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: cookies[u]})
					req.Host = "127.0.0.1"
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					got := rec.Code != http.StatusForbidden && rec.Code != http.StatusUnauthorized
					checked++
					if !want {
						refused++
					}
					if got != want {
						t.Errorf("%s %s (%s) as %s: status %d, allowed=%v want %v", rt.Method, rt.Pattern, v.name, u, rec.Code, got, want)
					}
					if strings.HasPrefix(rt.Pattern, "/logout") {
						// The request ended the session: log in again.
						secret, _, err := as.Login(ctx, u, testfix.Password, "10.0.0.1", "test")
						if err != nil {
							t.Fatal(err)
						}
						cookies[u] = secret
					}
					if want && rec.Code >= 500 {
						t.Errorf("%s %s (%s) as %s: server error %d: %s", rt.Method, rt.Pattern, v.name, u, rec.Code, firstLine(rec.Body.String()))
					}
				}
			}
		}
		t.Logf("%d route × account × target checks, %d refused", checked, refused)
		if refused == 0 {
			t.Fatal("nothing was refused: the test proves nothing")
		}
	})
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func isRefusedAnon(rec *httptest.ResponseRecorder) bool {
	if rec.Code == http.StatusUnauthorized {
		return true
	}
	return rec.Code == http.StatusSeeOther && strings.HasPrefix(rec.Header().Get("Location"), "/login")
}

// buildRequest fills a route's pattern with the variant's ids and gives
// bodies to routes that read the target from the body.
func buildRequest(t *testing.T, rt web.Route, v variant) *http.Request {
	path := rt.Pattern
	path = strings.TrimSuffix(path, "{$}")
	id := v.org
	switch rt.Target.Kind {
	case "member":
		id = v.member
	case "meeting":
		id = v.meeting
	case "document", "document-org":
		id = v.document
	case "course":
		id = v.course
	}
	path = strings.ReplaceAll(path, "{id}", strconv.FormatInt(id, 10))
	for _, p := range []string{"{sid}", "{rid}", "{mid}", "{aid}", "{did}", "{tid}", "{pid}", "{nid}", "{rsid}", "{token}"} {
		path = strings.ReplaceAll(path, p, "999999")
	}
	var body *bytes.Reader
	switch rt.Target.Kind {
	case "query-org", "document-org":
		path += "?" + rt.Target.Param + "=" + strconv.FormatInt(v.org, 10)
	case "body-org":
		body = bytes.NewReader([]byte(fmt.Sprintf(`{%q: %d}`, rt.Target.Param, v.org)))
	}
	if body == nil {
		body = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(rt.Method, "http://127.0.0.1"+path, body)
	if rt.Target.Kind == "body-org" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}
