package proof

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// Issue 7: "A test starts two chibo serve processes on one PostgreSQL: a
// session made on one works on the other; a reminder job runs exactly
// once; concurrent writes through both keep the summaries exact (chibo
// verify-summaries clean); nothing in memory that the other server needs."
func TestTwoServersOnOnePostgres(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewPostgres(t)
	w := prepare(t, db)
	dsn := db.DSN
	a := startServer(t, dsn, "--reminder-hour", "0")
	b := startServer(t, dsn, "--reminder-hour", "0")

	// A session made on one server works on the other.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirect.PostForm(a.url("/login"), url.Values{"username": {"seca1"}, "password": {testfix.Password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var session *http.Cookie
	for _, ck := range resp.Cookies() {
		if strings.Contains(ck.Name, "chibo") && ck.Name != "chibo_lang" {
			session = ck
		}
	}
	if session == nil {
		t.Fatalf("no session cookie from server A (status %d)", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", b.url("/api/v1/me"), nil)
	req.AddCookie(session)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("session from A on B: status %d", resp.StatusCode)
	}

	// Concurrent writes through both servers.
	c := newClient(w.token)
	var wg sync.WaitGroup
	for i, id := range w.meetings {
		for j, srv := range []*server{a, b} {
			wg.Add(1)
			go func(id int64, srv *server, k int) {
				defer wg.Done()
				v := getMeeting(t, c, srv.url(""), id)
				var member int64
				for _, r := range v.Roll {
					if r.Editable && r.Derived == "" {
						member = r.MemberID
					}
				}
				for n := 0; n < 15; n++ {
					status := []string{"co_mat", "vang_khong_ly_do", "vang_co_ly_do"}[(n+k)%3]
					code, body := c.call("PUT", fmt.Sprintf("%s/api/v1/meetings/%d/attendance", srv.url(""), id),
						map[string]any{"entries": []map[string]any{{"member_id": member, "status": status, "reason": "Bận việc gia đình"}}})
					if code != http.StatusOK {
						t.Errorf("attendance on %d via %s: %d %s", id, srv.addr, code, body)
						return
					}
				}
			}(id, srv, i+j)
		}
	}
	wg.Wait()
	out, err := exec.Command(binary(t), "verify-summaries", "--db", dsn).CombinedOutput()
	if err != nil {
		t.Fatalf("verify-summaries after concurrent writes through two servers: %v\n%s", err, out)
	}

	// The reminder jobs: each runs once, whichever server claimed it.
	deadline := time.Now().Add(45 * time.Second)
	var total, done, runs int
	var workers []string
	for time.Now().Before(deadline) {
		err := db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE done_at IS NOT NULL), coalesce(sum(attempts), 0) FROM jobs WHERE kind LIKE 'reminders.%'`).
				Scan(&total, &done, &runs)
		})
		if err != nil {
			t.Fatal(err)
		}
		if total > 0 && done == total {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if total == 0 || done != total {
		t.Fatalf("reminder jobs: %d, done %d", total, done)
	}
	if runs != total {
		t.Errorf("reminder jobs ran %d times for %d jobs: some ran twice", runs, total)
	}
	rows, _ := db.SQL().QueryContext(ctx, `SELECT DISTINCT locked_by FROM jobs WHERE done_at IS NOT NULL`)
	for rows.Next() {
		var wkr string
		rows.Scan(&wkr)
		workers = append(workers, wkr)
	}
	rows.Close()
	var notes, keys int
	_ = db.View(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*), count(DISTINCT unique_key) FROM notifications WHERE kind LIKE 'remind%'`).Scan(&notes, &keys)
	})
	if notes == 0 || notes != keys {
		t.Errorf("reminder notifications: %d for %d keys", notes, keys)
	}
	t.Logf("%d reminder jobs, each run once, by %d server(s); %d reminders delivered once each", total, len(workers), notes)
}
