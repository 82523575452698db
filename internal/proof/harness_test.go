// Package proof holds the tests of issue 7 that need the real program:
// several `chibo serve` processes on one PostgreSQL, a server killed with
// SIGKILL in the middle of a burst of writes, many clients editing the
// same minutes. They build cmd/chibo once per test binary.
package proof

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/testfix"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/chibo once.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-proof-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "chibo")
		out, err := exec.Command("go", "build", "-o", binPath, "chibo/cmd/chibo").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v: %s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func freePort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// server is a running `chibo serve` process.
type server struct {
	t    testing.TB
	cmd  *exec.Cmd
	addr string
	log  *bytes.Buffer
	mu   sync.Mutex
}

// startServer runs chibo serve on db and waits for /healthz.
func startServer(t testing.TB, db string, args ...string) *server {
	t.Helper()
	s := &server{t: t, addr: freePort(t), log: &bytes.Buffer{}}
	s.cmd = exec.Command(binary(t), append([]string{"serve", "--db", db, "--addr", s.addr}, args...)...)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.kill() })
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.url("/healthz"))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not become healthy:\n%s", s.log.String())
	return nil
}

func (s *server) url(p string) string { return "http://" + s.addr + p }

// kill ends the process with SIGKILL: no clean shutdown, no flush.
func (s *server) kill() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd.Process != nil && s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Signal(syscall.SIGKILL)
		_ = s.cmd.Wait()
	}
}

// client calls the API with a bearer token.
type client struct {
	http  *http.Client
	token string
}

func newClient(token string) *client {
	return &client{http: &http.Client{Timeout: 30 * time.Second}, token: token}
}

// call sends a JSON request; it returns the status and body (status 0
// when the connection failed: the server was killed).
func (c *client) call(method, url string, body any) (int, []byte) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, r)
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// world is the fixture plus meetings held in May and June 2026, ready for
// writes through the API.
type world struct {
	fix      *testfix.Fix
	meetings []int64 // held meetings (attendance taken once)
	token    string  // an administrator's API token
}

// prepare fills db with the fixture and held meetings.
func prepare(t testing.TB, db *store.DB) world {
	t.Helper()
	ctx := context.Background()
	fix := testfix.New(t, db)
	svc := app.Wire(db, time.Now)
	if err := svc.EnsureDefaults(ctx); err != nil {
		t.Fatal(err)
	}
	w := world{fix: fix}
	for _, cell := range []int64{fix.CellA1, fix.CellA2, fix.CellB1} {
		for _, d := range []party.Date{party.D(2026, 5, 6), party.D(2026, 6, 5)} {
			id, err := svc.Meetings.Plan(ctx, store.System, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30"})
			if err != nil {
				t.Fatal(err)
			}
			v, _ := svc.Meetings.Load(ctx, id)
			var entries []party.Entry
			for _, r := range v.Roll {
				if r.Editable && r.Derived == party.DerivedNone {
					entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
				}
			}
			if _, err := svc.Meetings.SaveAttendance(ctx, store.System, id, entries); err != nil {
				t.Fatal(err)
			}
			w.meetings = append(w.meetings, id)
		}
	}
	tok, err := (&accounts.Service{DB: db, Now: time.Now}).CreateToken(ctx, store.System, "admin", "proof")
	if err != nil {
		t.Fatal(err)
	}
	w.token = tok
	return w
}

// meetingView is the part of GET /api/v1/meetings/{id} the tests read.
type meetingView struct {
	Roll []struct {
		MemberID int64  `json:"member_id"`
		Status   string `json:"status"`
		Reason   string `json:"reason"`
		Editable bool   `json:"editable"`
		Derived  string `json:"derived"`
		Full     bool   `json:"full"`
	} `json:"roll"`
	Voting struct {
		PresentVoters int  `json:"present_voters"`
		Passed        bool `json:"passed"`
		Ballots       []struct {
			MemberID int64  `json:"member_id"`
			Vote     string `json:"vote"`
			Reserved string `json:"reserved"`
		} `json:"ballots"`
	} `json:"voting"`
	Minutes *struct {
		Version    int64  `json:"version"`
		Conclusion string `json:"conclusion"`
	} `json:"minutes"`
}

func getMeeting(t testing.TB, c *client, base string, id int64) meetingView {
	t.Helper()
	code, body := c.call("GET", fmt.Sprintf("%s/api/v1/meetings/%d", base, id), nil)
	if code != http.StatusOK {
		t.Fatalf("GET meeting %d: %d %s", id, code, body)
	}
	var v meetingView
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
