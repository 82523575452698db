package proof

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"

	"chibo/internal/store/storetest"
)

// Issue 7: "Concurrent editing: 50 clients editing the same minutes
// produce conflicts, never a lost update." Each client reads the version,
// writes its text with it and, on a conflict, reads again and retries.
// No lost update means: every successful save was made from the version
// before it, so the successes form one chain v0+1, v0+2, … with no version
// given twice.
func TestFiftyEditorsNeverLoseAnUpdate(t *testing.T) {
	db := storetest.NewSQLite(t)
	w := prepare(t, db)
	dsn := db.DSN
	db.Close()
	srv := startServer(t, dsn, "--no-jobs")
	c := newClient(w.token)
	id := w.meetings[0]
	url := fmt.Sprintf("%s/api/v1/meetings/%d/minutes", srv.url(""), id)
	version := func() int64 {
		v := getMeeting(t, c, srv.url(""), id)
		if v.Minutes == nil {
			return 0
		}
		return v.Minutes.Version
	}
	var mu sync.Mutex
	var won []int64
	conflicts := 0
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for attempt := 0; attempt < 200; attempt++ {
				base := version()
				code, body := c.call("PUT", url, map[string]any{"version": base, "place": "Nhà văn hóa", "conclusion": fmt.Sprintf("Ý kiến của người thứ %d #%d", i, i)})
				if code == http.StatusConflict {
					mu.Lock()
					conflicts++
					mu.Unlock()
					continue
				}
				if code != http.StatusOK {
					t.Errorf("client %d: %d %s", i, code, body)
					return
				}
				var r struct{ Version int64 }
				_ = json.Unmarshal(body, &r)
				if r.Version != base+1 {
					t.Errorf("client %d saved on version %d and got %d", i, base, r.Version)
				}
				mu.Lock()
				won = append(won, r.Version)
				mu.Unlock()
				return
			}
			t.Errorf("client %d never got to save", i)
		}(i)
	}
	wg.Wait()
	if conflicts == 0 {
		t.Error("50 concurrent editors and not one conflict: the version check is not working")
	}
	sort.Slice(won, func(i, j int) bool { return won[i] < won[j] })
	for i, v := range won {
		if v != int64(i+1) {
			t.Fatalf("versions saved %v: a version was given twice or skipped, so an update was lost", won)
		}
	}
	if len(won) != 50 {
		t.Fatalf("%d of 50 saves succeeded", len(won))
	}
	if final := version(); final != 50 {
		t.Errorf("final version %d, want 50", final)
	}
	t.Logf("50 saves in one chain, %d conflicts answered 409 on the way", conflicts)
}
