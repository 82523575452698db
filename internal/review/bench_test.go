package review_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/oversight/citybench"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/review"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// Issue 5: "review report for the city < 5 s" on `chibo demo --scale
// city`: about 20,000 cells, 500,000 members, 3 years. The city's kept
// figures come from citybench (36 months of cell_months, cell_quarters
// and their sums); 25 members a cell and a secretary in each are added
// here, and the demo's plan with every indicator of the catalogue.
//
//	go test ./internal/review -run XXX -bench CityReview -benchtime 3x -count 5

var (
	cityMu       sync.Mutex
	cities       = map[string]benchCity{}
	cityCleanups []func()
)

type benchCity struct {
	db   *store.DB
	city citybench.City
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cityCleanups) - 1; i >= 0; i-- {
		cityCleanups[i]()
	}
	os.Exit(code)
}

// keepTB is a testing.TB whose cleanups run when the process ends.
type keepTB struct{ testing.TB }

func (k keepTB) Cleanup(f func()) { cityCleanups = append(cityCleanups, f) }

func benchNow() time.Time { return citybench.Today.At(10, 0) }

const membersPerCell = 25

func cityFor(b *testing.B, engine string) benchCity {
	b.Helper()
	cityMu.Lock()
	defer cityMu.Unlock()
	if c, ok := cities[engine]; ok {
		return c
	}
	ctx := context.Background()
	var db *store.DB
	// CHIBO_BENCH_CITY names a SQLite file to keep the city in between
	// runs (built the first time); without it the city is built afresh.
	if keep := os.Getenv("CHIBO_BENCH_CITY"); keep != "" && engine == "sqlite" {
		_, statErr := os.Stat(keep)
		var err error
		if db, err = store.Open(ctx, keep, store.Options{}); err != nil {
			b.Fatal(err)
		}
		cityCleanups = append(cityCleanups, func() { db.Close() })
		if statErr == nil {
			cities[engine] = benchCity{db: db, city: citybench.City{City: 1}}
			return cities[engine]
		}
	} else if engine == "postgres" {
		db = storetest.NewPostgres(keepTB{b})
	} else {
		dir, err := os.MkdirTemp("", "chibo-review-city-")
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
	if err := addMembers(ctx, db); err != nil {
		b.Fatal(err)
	}
	in := plans.Input{OrgID: c.City, Number: "11-ĐA/TU", Title: "Đề án 11-ĐA/TU nâng cao chất lượng sinh hoạt chi bộ", YearFrom: 2023, YearTo: 2027}
	for _, ind := range plans.Catalogue {
		ii := plans.IndicatorInput{Code: ind.Code, Targets: map[int]string{}}
		for y := 2023; y <= 2027; y++ {
			ii.Targets[y] = fmt.Sprint(80 + 3*(y-2023))
		}
		in.Indicators = append(in.Indicators, ii)
	}
	if _, err := (&plans.Service{DB: db, Now: benchNow}).Create(ctx, store.System, in); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: city of %d cells × 36 months and %d members built in %s", engine, citybench.Cells, citybench.Cells*membersPerCell,
		time.Since(start).Round(time.Second))
	cities[engine] = benchCity{db: db, city: c}
	return cities[engine]
}

// addMembers gives every cell of the city 25 members (one probationary)
// and a secretary, as the city demo has.
func addMembers(ctx context.Context, db *store.DB) error {
	var cells []store.OrgRow
	err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		cells, err = tx.SubtreeOrgs(ctx, "/1/", true)
		return err
	})
	if err != nil {
		return err
	}
	joined, official := party.D(2000, time.May, 19), party.D(2001, time.May, 19)
	now := benchNow().Unix()
	err = db.BulkLoad(ctx, func(l *store.Loader) error {
		if _, err := l.Insert(ctx, store.BulkTable{Name: "members", Cols: []string{"id", "org_id", "full_name", "name_fold", "name_sort", "joined_on", "official_on",
			"created_at", "updated_at"}, Rows: func(yield func([]any) bool) {
			row := make([]any, 9)
			id := int64(0)
			for _, c := range cells {
				for i := 0; i < membersPerCell; i++ {
					id++
					off := any(official)
					if i == membersPerCell-1 {
						off = nil
					}
					row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8] = id, c.ID, "Nguyễn Văn An", "nguyen van an", "an nguyen van", joined, off, now, now
					if !yield(row) {
						return
					}
				}
			}
		}}); err != nil {
			return err
		}
		// The first member of each cell is its secretary.
		if _, err := l.Insert(ctx, store.BulkTable{Name: "memberships", Cols: []string{"member_id", "org_id", "valid_from"}, Rows: func(yield func([]any) bool) {
			for i, c := range cells {
				if !yield([]any{int64(i*membersPerCell + 1), c.ID, joined}) {
					return
				}
			}
		}}); err != nil {
			return err
		}
		_, err := l.Insert(ctx, store.BulkTable{Name: "member_roles", Cols: []string{"member_id", "org_id", "role", "from_date"}, Rows: func(yield func([]any) bool) {
			for i, c := range cells {
				if !yield([]any{int64(i*membersPerCell + 1), c.ID, string(party.BiThu), party.D(2020, time.January, 1)}) {
					return
				}
			}
		}})
		return err
	})
	if err != nil {
		return err
	}
	if db.Engine == store.Postgres {
		if _, err := db.SQL().ExecContext(ctx, `VACUUM ANALYZE members, memberships, member_roles`); err != nil {
			return err
		}
	}
	return db.ResetSequences(ctx)
}

// BenchmarkCityReview36Months builds the city's review report for the 36
// months (the situation, the plan's nine indicators year by year, the
// compliance and quality figures, the ranking of its 30 districts) and
// writes it as DOCX, PDF and XLSX.
func BenchmarkCityReview36Months(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			c := cityFor(b, engine)
			svc := &review.Service{DB: c.db, Now: benchNow, Oversight: &oversight.Service{DB: c.db, Now: benchNow}}
			r := oversight.Range{From: citybench.First, To: citybench.Last}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rep, err := svc.Build(ctx, c.city.City, r)
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Plans) != 1 || len(rep.Plans[0].Rows) != len(plans.Catalogue) || rep.Situation.Cells != citybench.Cells ||
					rep.Situation.Members != citybench.Cells*membersPerCell || len(rep.Strongest) != review.TopUnits || rep.Overview.Total.Cells != citybench.Cells*36 {
					b.Fatalf("report: %d plans, %d cells, %d members, %d strongest", len(rep.Plans), rep.Situation.Cells, rep.Situation.Members, len(rep.Strongest))
				}
				ev := rep.Plans[0].Rows[0].ValueIn(2025)
				if !ev.Rate.Known || ev.Rate.D != citybench.Cells {
					b.Fatalf("every month in 2025: %+v", ev)
				}
				var out bytes.Buffer
				if err := review.DOCX(&out, rep); err != nil {
					b.Fatal(err)
				}
				if err := review.PDF(&out, rep); err != nil {
					b.Fatal(err)
				}
				if err := review.XLSX(&out, rep, i18n.VI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
