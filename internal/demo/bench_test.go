package demo

import (
	"context"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// BenchmarkGenerate measures a whole generation (organizations, members,
// states, roles, accounts) into a new database on each engine; the city
// is skipped under -short. Targets (issue): district well under the 10 s
// cold start of `chibo serve --demo`; city under 3 minutes on each engine
// on a 2-core machine. Run with
//
//	CHIBO_TEST_PG=postgres://… go test -run - -bench Generate -benchtime 1x ./internal/demo
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
				members := 0
				for b.Loop() {
					b.StopTimer()
					db := e.open(b)
					b.StartTimer()
					w, err := generate(context.Background(), db, Options{Scale: sc, Seed: 1, Today: today})
					if err != nil {
						b.Fatal(err)
					}
					members = len(w.Members)
				}
				b.ReportMetric(float64(members)*float64(b.N)/b.Elapsed().Seconds(), "members/s")
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
