package proof

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// ack is the last write a client got a 2xx answer for, per resource.
type ack struct {
	mu   sync.Mutex
	last map[string]int // resource → sequence number acknowledged
}

func (a *ack) record(res string, seq int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if seq > a.last[res] {
		a.last[res] = seq
	}
}

// seqOf reads the sequence number written into a text "…#<seq>".
func seqOf(s string) int {
	i := strings.LastIndexByte(s, '#')
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(s[i+1:])
	return n
}

// Issue 7: "A test kills the server with SIGKILL in the middle of a burst
// of attendance, vote and minutes writes (hundreds, from concurrent
// clients), restarts it, and proves that every write that got a 2xx answer
// is there and the database passes its integrity check; on SQLite and on
// PostgreSQL."
func TestNothingAcknowledgedIsLostOnSIGKILL(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			var db *store.DB
			var dsn string
			if engine == "sqlite" {
				db = storetest.NewSQLite(t)
			} else {
				db = storetest.NewPostgres(t)
			}
			dsn = db.DSN
			w := prepare(t, db)
			db.Close()

			srv := startServer(t, dsn, "--no-jobs")
			c := newClient(w.token)
			// Each meeting: one client writes attendance reasons (one member,
			// excused, reason "…#seq"), one writes ballots with a reserved
			// opinion "…#seq", one writes minutes with conclusion "…#seq".
			type target struct {
				id     int64
				member int64   // the member whose attendance is written
				voters []int64 // present voters, for ballots
			}
			var targets []target
			for _, id := range w.meetings {
				v := getMeeting(t, c, srv.url(""), id)
				tg := target{id: id}
				for _, r := range v.Roll {
					if r.Editable && r.Derived == "" && r.Status == "co_mat" && r.Full {
						if tg.member == 0 {
							tg.member = r.MemberID // excused in the writes, so not a voter
						} else {
							tg.voters = append(tg.voters, r.MemberID)
						}
					}
				}
				targets = append(targets, tg)
			}
			acks := &ack{last: map[string]int{}}
			var wg sync.WaitGroup
			stop := make(chan struct{})
			var writes, ok2xx sync.Map
			burst := func(kind string, tg target) {
				defer wg.Done()
				version := int64(0)
				for seq := 1; ; seq++ {
					select {
					case <-stop:
						return
					default:
					}
					url := fmt.Sprintf("%s/api/v1/meetings/%d/", srv.url(""), tg.id)
					var code int
					var body []byte
					switch kind {
					case "attendance":
						code, body = c.call("PUT", url+"attendance", map[string]any{"entries": []map[string]any{
							{"member_id": tg.member, "status": "vang_co_ly_do", "reason": fmt.Sprintf("Ốm #%d", seq)}}})
					case "votes":
						var ballots []map[string]any
						for i, m := range tg.voters {
							b := map[string]any{"member_id": m, "vote": "yes"}
							if i == 0 {
								b = map[string]any{"member_id": m, "vote": "no", "reserved": fmt.Sprintf("Bảo lưu #%d", seq)}
							}
							ballots = append(ballots, b)
						}
						code, body = c.call("PUT", url+"votes", map[string]any{"ballots": ballots})
					case "minutes":
						code, body = c.call("PUT", url+"minutes", map[string]any{"version": version, "place": "Nhà văn hóa",
							"conclusion": fmt.Sprintf("Kết luận #%d", seq)})
						if code == http.StatusOK {
							var r struct{ Version int64 }
							_ = jsonUnmarshal(body, &r)
							version = r.Version
						}
					}
					writes.Store(kind, true)
					if code >= 200 && code < 300 {
						acks.record(fmt.Sprintf("%s:%d", kind, tg.id), seq)
						ok2xx.Store(fmt.Sprintf("%s:%d:%d", kind, tg.id, seq), true)
					} else if code != 0 && code != http.StatusConflict {
						t.Errorf("%s on %d: %d %s", kind, tg.id, code, body)
						return
					}
					if code == 0 { // the server is gone
						return
					}
				}
			}
			for _, tg := range targets {
				for _, kind := range []string{"attendance", "votes", "minutes"} {
					wg.Add(1)
					go burst(kind, tg)
				}
			}
			// Kill in the middle of the burst.
			time.Sleep(time.Duration(1500+rand.IntN(1500)) * time.Millisecond)
			srv.kill()
			close(stop)
			wg.Wait()
			n := 0
			ok2xx.Range(func(any, any) bool { n++; return true })
			if n < 100 {
				t.Fatalf("only %d acknowledged writes before the kill: the burst was too small to prove anything", n)
			}
			t.Logf("%d writes acknowledged before SIGKILL", n)

			// Restart and check every acknowledged write is there (or a
			// later one to the same record).
			srv2 := startServer(t, dsn, "--no-jobs")
			for _, tg := range targets {
				v := getMeeting(t, c, srv2.url(""), tg.id)
				got := map[string]int{}
				for _, r := range v.Roll {
					if r.MemberID == tg.member {
						got["attendance"] = seqOf(r.Reason)
					}
				}
				for _, b := range v.Voting.Ballots {
					if b.Reserved != "" {
						got["votes"] = seqOf(b.Reserved)
					}
				}
				if v.Minutes != nil {
					got["minutes"] = seqOf(v.Minutes.Conclusion)
				}
				for _, kind := range []string{"attendance", "votes", "minutes"} {
					want := acks.last[fmt.Sprintf("%s:%d", kind, tg.id)]
					if got[kind] < want {
						t.Errorf("meeting %d %s: write #%d was acknowledged but the database holds #%d", tg.id, kind, want, got[kind])
					}
				}
			}
			srv2.kill()
			db2, err := store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db2.Close()
			if err := db2.IntegrityCheck(context.Background()); err != nil {
				t.Fatal(err)
			}
		})
	}
}
