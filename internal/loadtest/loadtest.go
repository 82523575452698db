// Package loadtest drives a running Chibo server with many concurrent
// users on a realistic mix (issue 7): secretaries taking attendance and
// writing minutes, board users opening dashboards, members opening their
// home. It reports latencies by kind of request, errors, throughput, the
// server's memory, and the throughput of the secretary's cell page against
// a static file on the same server.
package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// User is one virtual user with a session on the server.
type User struct {
	Role    string // secretary, board, member
	Cookie  *http.Cookie
	Cell    int64 // secretary: the cell; member: the home cell
	Org     int64 // board: the committee
	Meeting int64 // secretary: a meeting held today, open for writing
	Members []int64
}

// Config is a load run.
type Config struct {
	BaseURL  string
	Users    []User
	Duration time.Duration
	// ServerPID, when set, is read for the server's peak memory.
	ServerPID int
	Seed      uint64
	// Think is the mean pause of a user between two actions (uniform
	// between half and one and a half of it): people read a page and tap,
	// they do not fire requests back to back. 0 runs every user flat out,
	// which measures the server's saturation, not what 200 people see.
	Think time.Duration
}

// Sample is one request's outcome.
type Sample struct {
	Kind    string
	Latency time.Duration
	Status  int
	Err     bool
}

// Stats are the figures of one kind of request.
type Stats struct {
	Kind          string
	Count, Errors int
	Conflicts     int
	P50, P90, P99 time.Duration
	Max           time.Duration
	PerSecond     float64
}

// Report is the outcome of a run.
type Report struct {
	Users         int
	Duration      time.Duration
	Think         time.Duration
	Total         Stats
	ByKind        []Stats
	ServerPeakRSS int64
	// CellPagePerSecond and StaticPerSecond are the throughputs of the
	// secretary's cell page and of a static file, measured one after the
	// other with the same number of concurrent clients.
	CellPagePerSecond, StaticPerSecond float64
}

// Run drives the server for cfg.Duration and returns the report.
func Run(ctx context.Context, cfg Config) (Report, error) {
	rep := Report{Users: len(cfg.Users), Duration: cfg.Duration, Think: cfg.Think}
	if len(cfg.Users) == 0 {
		return rep, fmt.Errorf("loadtest: no users")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: len(cfg.Users) + 10, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	samples := make(chan Sample, 4096)
	var all []Sample
	done := make(chan struct{})
	go func() {
		for s := range samples {
			all = append(all, s)
		}
		close(done)
	}()
	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var wg sync.WaitGroup
	for i, u := range cfg.Users {
		wg.Add(1)
		go func(i int, u User) {
			defer wg.Done()
			v := &vu{hc: hc, base: cfg.BaseURL, u: u, rng: rand.New(rand.NewPCG(cfg.Seed, uint64(i))), out: samples}
			if cfg.Think > 0 {
				// People arrive spread over one pause, not all in the same
				// millisecond.
				select {
				case <-runCtx.Done():
				case <-time.After(time.Duration(v.rng.Int64N(int64(cfg.Think)))):
				}
			}
			for runCtx.Err() == nil {
				v.step(runCtx)
				if cfg.Think > 0 {
					pause := cfg.Think/2 + time.Duration(v.rng.Int64N(int64(cfg.Think)))
					select {
					case <-runCtx.Done():
					case <-time.After(pause):
					}
				}
			}
		}(i, u)
	}
	wg.Wait()
	close(samples)
	<-done
	rep.Total, rep.ByKind = summarize(all, cfg.Duration)
	if cfg.ServerPID != 0 {
		rep.ServerPeakRSS = peakRSS(cfg.ServerPID)
	}
	// Cell page against a static file, each for a tenth of the run (at
	// least 5 s), with 50 clients.
	var sec *User
	for i := range cfg.Users {
		if cfg.Users[i].Role == "secretary" {
			sec = &cfg.Users[i]
			break
		}
	}
	if sec != nil {
		d := max(cfg.Duration/10, 5*time.Second)
		rep.CellPagePerSecond = throughput(ctx, hc, cfg.BaseURL+fmt.Sprintf("/orgs/%d", sec.Cell), sec.Cookie, d, 50)
		rep.StaticPerSecond = throughput(ctx, hc, cfg.BaseURL+"/static/app.css", nil, d, 50)
	}
	return rep, nil
}

// vu is a virtual user.
type vu struct {
	hc      *http.Client
	base    string
	u       User
	rng     *rand.Rand
	out     chan<- Sample
	version int64 // minutes version last seen
}

func (v *vu) do(ctx context.Context, kind, method, path string, body io.Reader, contentType string, ok func(int) bool) ([]byte, int) {
	req, _ := http.NewRequestWithContext(ctx, method, v.base+path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.AddCookie(v.u.Cookie)
	start := time.Now()
	resp, err := v.hc.Do(req)
	lat := time.Since(start)
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0 // the run ended while waiting: not a failure
		}
		v.out <- Sample{Kind: kind, Latency: lat, Err: true}
		return nil, 0
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	v.out <- Sample{Kind: kind, Latency: lat, Status: resp.StatusCode, Err: !ok(resp.StatusCode)}
	return b, resp.StatusCode
}

func okPage(code int) bool { return code == 200 }

// step is one action of the user's role, picked as such users work.
func (v *vu) step(ctx context.Context) {
	switch v.u.Role {
	case "secretary":
		switch n := v.rng.IntN(10); {
		case n < 3: // the home screen: the cell and its month
			v.do(ctx, "secretary: cell page", "GET", fmt.Sprintf("/orgs/%d", v.u.Cell), nil, "", okPage)
		case n < 5:
			v.do(ctx, "secretary: attendance page", "GET", fmt.Sprintf("/meetings/%d/attendance", v.u.Meeting), nil, "", okPage)
		case n < 8: // one tap on the roll
			m := v.u.Members[v.rng.IntN(len(v.u.Members))]
			status := []string{"co_mat", "co_mat", "co_mat", "vang_khong_ly_do"}[v.rng.IntN(4)]
			body, _ := json.Marshal(map[string]any{"entries": []map[string]any{{"member_id": m, "status": status}}})
			v.do(ctx, "secretary: attendance tap", "PUT", fmt.Sprintf("/api/v1/meetings/%d/attendance", v.u.Meeting), strings.NewReader(string(body)), "application/json", okPage)
		default: // an autosave of the minutes
			body, _ := json.Marshal(map[string]any{"version": v.version, "place": "Nhà văn hóa tổ dân phố",
				"conclusion": fmt.Sprintf("Chi bộ thống nhất các nhiệm vụ; lần lưu %d.", v.rng.IntN(1e6))})
			b, code := v.do(ctx, "secretary: minutes autosave", "PUT", fmt.Sprintf("/api/v1/meetings/%d/minutes", v.u.Meeting), strings.NewReader(string(body)), "application/json",
				func(c int) bool { return c == 200 || c == 409 })
			var r struct{ Version int64 }
			if code == 200 && json.Unmarshal(b, &r) == nil {
				v.version = r.Version
			} else if code == 409 {
				v.refreshVersion(ctx)
			}
		}
	case "board":
		if v.rng.IntN(3) == 0 {
			v.do(ctx, "board: tree", "GET", fmt.Sprintf("/orgs/%d", v.u.Org), nil, "", okPage)
		} else {
			v.do(ctx, "board: dashboard", "GET", fmt.Sprintf("/orgs/%d/overview", v.u.Org), nil, "", okPage)
		}
	default:
		v.do(ctx, "member: home", "GET", "/me", nil, "", okPage)
	}
}

func (v *vu) refreshVersion(ctx context.Context) {
	b, code := v.do(ctx, "secretary: meeting (after a conflict)", "GET", fmt.Sprintf("/api/v1/meetings/%d", v.u.Meeting), nil, "", okPage)
	var m struct {
		Minutes *struct{ Version int64 } `json:"minutes"`
	}
	if code == 200 && json.Unmarshal(b, &m) == nil && m.Minutes != nil {
		v.version = m.Minutes.Version
	}
}

func percentile(ls []time.Duration, p float64) time.Duration {
	if len(ls) == 0 {
		return 0
	}
	i := int(p*float64(len(ls)-1) + 0.5)
	return ls[i]
}

func summarize(all []Sample, d time.Duration) (Stats, []Stats) {
	by := map[string][]Sample{}
	for _, s := range all {
		by[s.Kind] = append(by[s.Kind], s)
	}
	stats := func(kind string, ss []Sample) Stats {
		st := Stats{Kind: kind, Count: len(ss)}
		ls := make([]time.Duration, 0, len(ss))
		for _, s := range ss {
			ls = append(ls, s.Latency)
			if s.Err {
				st.Errors++
			}
			if s.Status == 409 {
				st.Conflicts++
			}
		}
		slices.Sort(ls)
		st.P50, st.P90, st.P99 = percentile(ls, .50), percentile(ls, .90), percentile(ls, .99)
		if len(ls) > 0 {
			st.Max = ls[len(ls)-1]
		}
		st.PerSecond = float64(len(ss)) / d.Seconds()
		return st
	}
	var kinds []string
	for k := range by {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var out []Stats
	for _, k := range kinds {
		out = append(out, stats(k, by[k]))
	}
	return stats("all", all), out
}

// throughput runs clients requesting one URL as fast as they can for d
// and returns the successful requests per second.
func throughput(ctx context.Context, hc *http.Client, u string, ck *http.Cookie, d time.Duration, clients int) float64 {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
				if ck != nil {
					req.AddCookie(ck)
				}
				resp, err := hc.Do(req)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 {
					mu.Lock()
					n++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return float64(n) / d.Seconds()
}

// peakRSS reads a process's peak resident memory (VmHWM) in bytes.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb * 1024
		}
	}
	return 0
}

// Login opens a session for a user name and password, as a browser does.
func Login(ctx context.Context, base, username, password string) (*http.Cookie, error) {
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 30 * time.Second}
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/login", strings.NewReader(url.Values{"username": {username}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "__Host-chibo" || c.Name == "chibo" {
			return c, nil
		}
	}
	return nil, fmt.Errorf("login %s: status %d, no session", username, resp.StatusCode)
}

// Format writes the report as a table.
func (r Report) Format(w io.Writer) {
	fmt.Fprintf(w, "%d users for %s, pausing %s on average between actions\n\n", r.Users, r.Duration, r.Think)
	fmt.Fprintf(w, "%-40s %8s %7s %9s %9s %9s %9s %9s %8s\n", "request", "count", "errors", "409", "p50", "p90", "p99", "max", "req/s")
	for _, s := range append(r.ByKind, r.Total) {
		fmt.Fprintf(w, "%-40s %8d %7d %9d %9s %9s %9s %9s %8.1f\n", s.Kind, s.Count, s.Errors, s.Conflicts,
			s.P50.Round(100*time.Microsecond), s.P90.Round(100*time.Microsecond), s.P99.Round(100*time.Microsecond), s.Max.Round(time.Millisecond), s.PerSecond)
	}
	fmt.Fprintf(w, "\nserver peak memory (VmHWM): %.1f MB\n", float64(r.ServerPeakRSS)/(1<<20))
	if r.StaticPerSecond > 0 {
		fmt.Fprintf(w, "cell page %.0f req/s, static file %.0f req/s: ratio %.2f\n", r.CellPagePerSecond, r.StaticPerSecond, r.CellPagePerSecond/r.StaticPerSecond)
	}
}
