package demo

import (
	"context"
	"syscall"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// BenchmarkGenerate measures a whole generation into a new database on
// each engine: organizations, members, states, roles, accounts, three years
// of meetings with their roll, votes, minutes and evaluations, then what
// the application derives (formalism pass, summaries, search index). The
// city is skipped under -short. Targets (issues 3 and 4): the district
// quick enough for the cold start of `chibo serve --demo` (15 s); the city
// in minutes on each engine on a 2-core machine. Run with
//
//	CHIBO_TEST_PG=postgres://… go test -run - -bench Generate -benchtime 1x -timeout 6h ./internal/demo
//
// Besides time, it reports the meetings and roll rows made, the seconds of
// each step after the load, the database's size and the process's peak
// resident memory.
func BenchmarkGenerate(b *testing.B) {
	engines := []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.NewSQLite}, {"postgres", storetest.NewPostgres}}
	for _, sc := range []Scale{District, City} {
		for _, e := range engines {
			b.Run(string(sc)+"/"+e.name, func(b *testing.B) {
				if sc == City && testing.Short() {
					b.Skip("city scale skipped under -short")
				}
				var w *World
				var db *store.DB
				for b.Loop() {
					b.StopTimer()
					db = e.open(b)
					b.StartTimer()
					var err error
					if w, err = generate(context.Background(), db, Options{Scale: sc, Seed: 1, Today: today}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(w.Made.Meetings)*float64(b.N)/b.Elapsed().Seconds(), "meetings/s")
				b.ReportMetric(float64(w.Made.Meetings), "meetings")
				b.ReportMetric(float64(w.Made.Roll), "roll-rows")
				b.ReportMetric(w.After.Scan.Seconds(), "scan-s")
				b.ReportMetric(w.After.Rebuild.Seconds(), "summaries-s")
				b.ReportMetric(w.After.Reindex.Seconds(), "search-s")
				b.ReportMetric(float64(dbSize(b, db))/(1<<20), "db-MiB")
				b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MiB")
			})
		}
	}
}

// BenchmarkBuildDistrict measures the stages in memory alone.
func BenchmarkBuildDistrict(b *testing.B) {
	for b.Loop() {
		mustBuild(b, districtOpts())
	}
}

// BenchmarkMeetingsDistrict measures making the district's three years
// of meetings in memory, without writing them.
func BenchmarkMeetingsDistrict(b *testing.B) {
	w := mustBuild(b, districtOpts())
	n := 0
	for b.Loop() {
		n = 0
		for bt := range w.batches {
			n += len(bt.meetings)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "meetings/s")
}

// dbSize is the size of the database in bytes.
func dbSize(tb testing.TB, db *store.DB) int64 {
	var n int64
	q := `SELECT pg_database_size(current_database())`
	if db.Engine == store.SQLite {
		q = `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`
	}
	err := db.View(context.Background(), func(tx *store.Tx) error { return tx.QueryRow(context.Background(), q).Scan(&n) })
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// peakRSS is the most resident memory the process has held, in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss * 1024 // kilobytes on Linux
}
