package loadtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// The figures of a run: per kind and over all, errors and 409s apart,
// percentiles of the sorted latencies.
func TestSummarize(t *testing.T) {
	var all []Sample
	for i := 1; i <= 100; i++ {
		s := Sample{Kind: "a", Latency: time.Duration(i) * time.Millisecond, Status: 200}
		if i%10 == 0 {
			s.Status, s.Err = 500, true
		}
		all = append(all, s)
	}
	all = append(all, Sample{Kind: "b", Latency: 7 * time.Millisecond, Status: 409})
	total, by := summarize(all, 10*time.Second)
	if total.Count != 101 || total.Errors != 10 || total.Conflicts != 1 {
		t.Errorf("total: %+v", total)
	}
	if len(by) != 2 || by[0].Kind != "a" || by[1].Kind != "b" {
		t.Fatalf("kinds: %+v", by)
	}
	a := by[0]
	if a.P50 != 51*time.Millisecond || a.P99 != 99*time.Millisecond || a.Max != 100*time.Millisecond || a.PerSecond != 10 {
		t.Errorf("kind a: %+v", a)
	}
	if by[1].Errors != 0 || by[1].Conflicts != 1 {
		t.Errorf("a 409 is a conflict, not an error: %+v", by[1])
	}
	if p := percentile(nil, .99); p != 0 {
		t.Errorf("percentile of nothing: %v", p)
	}
}

// With a pause between actions, users spread over it: a member's home is
// asked for far less often than flat out, and a run never waits past its
// end for a pause.
func TestThinkTimePacesUsers(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	ck := &http.Cookie{Name: "chibo_session", Value: "x"}
	users := []User{{Role: "member", Cookie: ck}, {Role: "member", Cookie: ck}}
	start := time.Now()
	rep, err := Run(context.Background(), Config{BaseURL: srv.URL, Users: users, Duration: 600 * time.Millisecond, Think: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the run took %v", d)
	}
	// Two users, one action per 100–300 ms after a first pause of up to
	// 200 ms: at most 2 × (600/100 + 1) requests.
	if rep.Total.Count == 0 || rep.Total.Count > 14 || rep.Total.Errors != 0 {
		t.Errorf("paced run: %+v (server saw %d)", rep.Total, n.Load())
	}
}
