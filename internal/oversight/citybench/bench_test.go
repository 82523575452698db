package citybench_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/oversight"
	"chibo/internal/oversight/citybench"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/web"
)

// The city's databases are built once per benchmark process (a bulk load
// of 720,000 cell months takes a while) and dropped when it ends.
var (
	cityMu       sync.Mutex
	cities       = map[string]cityDB{}
	cityCleanups []func()
)

type cityDB struct {
	db     *store.DB
	city   citybench.City
	web    http.Handler // the application over the city
	cookie string       // an administrator's session
}

// cpuTime is the CPU time this process has used: on a machine shared
// with other work, the CPU a request costs is steadier than its wall time
// (on PostgreSQL the server's own CPU is not in it).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU milliseconds per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cityCleanups) - 1; i >= 0; i-- {
		cityCleanups[i]()
	}
	os.Exit(code)
}

// keepTB is a testing.TB whose cleanups run when the process ends, not
// when the benchmark that first asked for the database does.
type keepTB struct{ testing.TB }

func (k keepTB) Cleanup(f func()) { cityCleanups = append(cityCleanups, f) }

func city(b *testing.B, engine string) cityDB {
	b.Helper()
	cityMu.Lock()
	defer cityMu.Unlock()
	if c, ok := cities[engine]; ok {
		return c
	}
	ctx := context.Background()
	var db *store.DB
	if engine == "postgres" {
		db = storetest.NewPostgres(keepTB{b})
	} else {
		dir, err := os.MkdirTemp("", "chibo-city-")
		if err != nil {
			b.Fatal(err)
		}
		cityCleanups = append(cityCleanups, func() { os.RemoveAll(dir) })
		if db, err = store.Open(ctx, filepath.Join(dir, "city.db"), store.Options{}); err != nil {
			b.Fatal(err)
		}
		cityCleanups = append(cityCleanups, func() { db.Close() })
	}
	start := time.Now()
	c, err := citybench.Build(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: city of %d cells × 36 months built in %s", engine, citybench.Cells, time.Since(start).Round(time.Second))
	now := func() time.Time { return citybench.Today.At(10, 0) }
	as := &accounts.Service{DB: db, Now: now}
	if _, err := as.CreateUser(ctx, auth.Principal{}, store.System, accounts.NewUser{Username: "benchadmin", Password: testfix.Password, Role: auth.RoleAdmin}); err != nil {
		b.Fatal(err)
	}
	secret, _, err := as.Login(ctx, "benchadmin", testfix.Password, "127.0.0.1", "bench")
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{}, web.Deps{DB: db, Now: now})
	if err != nil {
		b.Fatal(err)
	}
	cities[engine] = cityDB{db: db, city: c, web: srv.Handler(), cookie: secret}
	return cities[engine]
}

// Issue 5: "City dashboard for 36 months < 200 ms server time on SQLite
// and PostgreSQL" — the figures of the city and of its 30 districts, for
// 36 months, read from the kept sums.
//
//	go test ./internal/oversight/citybench -run XXX -bench CityDashboard36Months -count 5
func BenchmarkCityDashboard36Months(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			c := city(b, engine)
			ov := &oversight.Service{DB: c.db, Now: func() time.Time { return citybench.Today.At(10, 0) }}
			r := oversight.Range{From: citybench.First, To: citybench.Last}
			ctx := context.Background()
			b.ResetTimer()
			cpu0 := cpuTime()
			defer reportCPU(b, cpu0)
			for i := 0; i < b.N; i++ {
				o, err := ov.Overview(ctx, c.city.City, r, false)
				if err != nil {
					b.Fatal(err)
				}
				if len(o.Units) != citybench.Districts || len(o.Months) != 36 || o.Total.Cells != citybench.Cells*36 {
					b.Fatalf("%d units, %d months, %d cell-months", len(o.Units), len(o.Months), o.Total.Cells)
				}
			}
		})
	}
}

// The whole page: figures, the heat map of 30 districts × 36 months, the
// trend and grade charts and their tables, as HTML (server time).
//
//	go test ./internal/oversight/citybench -run XXX -bench CityDashboardPage -count 5
func BenchmarkCityDashboardPage36Months(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			c := city(b, engine)
			path := fmt.Sprintf("/orgs/%d/overview?from=%s&to=%s", c.city.City, citybench.First, citybench.Last)
			size := 0
			b.ResetTimer()
			cpu0 := cpuTime()
			defer reportCPU(b, cpu0)
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest("GET", "http://127.0.0.1"+path, nil)
				req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: c.cookie})
				rec := httptest.NewRecorder()
				c.web.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size)/1024, "KiB/page")
		})
	}
}

// The ranking of the city's districts reads the same figures.
func BenchmarkCityRanking36Months(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			c := city(b, engine)
			ov := &oversight.Service{DB: c.db, Now: func() time.Time { return citybench.Today.At(10, 0) }}
			r := oversight.Range{From: citybench.First, To: citybench.Last}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := ov.Ranking(ctx, c.city.City, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
