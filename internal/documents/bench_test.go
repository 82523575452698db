package documents_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// The city of the benchmark: 30 districts of 15 wards of 44 cells
// (19.800 cells) and 500.000 members, one document sent to the whole city
// and acknowledged by three members in five. It is built once per
// benchmark process and engine with the store's bulk loader, and dropped
// when the process ends (TestMain).
const (
	cityDistricts = 30
	cityWards     = 15
	cityCells     = 44
	cityMembers   = 500_000
)

type city struct {
	db       *store.DB
	doc      int64
	city     int64
	district int64
	err      error
}

var (
	cityOnce  = map[store.Engine]*sync.Once{store.SQLite: {}, store.Postgres: {}}
	cities    = map[store.Engine]*city{}
	cleanups  []func()
	cleanupMu sync.Mutex
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}

func atExit(f func()) {
	cleanupMu.Lock()
	defer cleanupMu.Unlock()
	cleanups = append(cleanups, f)
}

// openCity opens (building it the first time) the benchmark city on an
// engine; it skips PostgreSQL when CHIBO_TEST_PG is not set.
func openCity(b *testing.B, engine store.Engine) *city {
	b.Helper()
	if engine == store.Postgres {
		storetest.PGURL(b)
	}
	cityOnce[engine].Do(func() {
		c := &city{}
		cities[engine] = c
		start := time.Now()
		c.db, c.err = newCityDB(engine)
		if c.err == nil {
			c.err = loadCity(c)
		}
		b.Logf("city on %s built in %v", engine, time.Since(start).Round(time.Second))
	})
	c := cities[engine]
	if c.err != nil {
		b.Fatal(c.err)
	}
	return c
}

func newCityDB(engine store.Engine) (*store.DB, error) {
	ctx := context.Background()
	if engine == store.SQLite {
		dir, err := os.MkdirTemp("", "chibo-city-")
		if err != nil {
			return nil, err
		}
		db, err := store.Open(ctx, filepath.Join(dir, "city.db"), store.Options{})
		if err != nil {
			return nil, err
		}
		atExit(func() { db.Close(); os.RemoveAll(dir) })
		return db, nil
	}
	base := os.Getenv("CHIBO_TEST_PG")
	admin, err := sql.Open("pgx", storetest.WithDatabase(base, "postgres"))
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("chibo_bench_city_%d", os.Getpid())
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		admin.Close()
		return nil, err
	}
	db, err := store.Open(ctx, storetest.WithDatabase(base, name), store.Options{})
	atExit(func() {
		if db != nil {
			db.Close()
		}
		_, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	return db, err
}

// loadCity writes the city in one bulk load: organizations, members (the
// triggers keep the member counts), a document sent to the city, and
// 300.000 acknowledgements.
func loadCity(c *city) error {
	ctx := context.Background()
	day := party.D(2020, time.January, 1)
	now := time.Now().Unix()
	type org struct {
		id, parent int64
		path, kind string
		depth      int
	}
	orgs := []org{{1, 0, "/1/", "dang_bo_tinh", 0}}
	next := int64(2)
	var cells []int64
	for range cityDistricts {
		d := org{next, 1, fmt.Sprintf("/1/%d/", next), "dang_bo_huyen", 1}
		next++
		orgs = append(orgs, d)
		for range cityWards {
			w := org{next, d.id, fmt.Sprintf("%s%d/", d.path, next), "dang_bo_co_so", 2}
			next++
			orgs = append(orgs, w)
			for range cityCells {
				orgs = append(orgs, org{next, w.id, fmt.Sprintf("%s%d/", w.path, next), "chi_bo", 3})
				cells = append(cells, next)
				next++
			}
		}
	}
	c.city, c.district = 1, 2
	err := c.db.BulkLoad(ctx, func(l *store.Loader) error {
		_, err := l.Insert(ctx, store.BulkTable{Name: "orgs", Cols: []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "created_on", "child_count"},
			Rows: func(yield func([]any) bool) {
				for _, o := range orgs {
					var parent any
					if o.parent != 0 {
						parent = o.parent
					}
					name := fmt.Sprintf("Tổ chức %d", o.id)
					kids := map[string]int{"dang_bo_tinh": cityDistricts, "dang_bo_huyen": cityWards, "dang_bo_co_so": cityCells}[o.kind]
					if !yield([]any{o.id, fmt.Sprintf("B%d", o.id), o.kind, name, name, name, parent, o.path, o.depth, day, kids}) {
						return
					}
				}
			}})
		if err != nil {
			return err
		}
		_, err = l.Insert(ctx, store.BulkTable{Name: "members", Cols: []string{"id", "org_id", "full_name", "name_fold", "name_sort", "joined_on", "official_on", "created_at", "updated_at"},
			Rows: func(yield func([]any) bool) {
				for i := range cityMembers {
					if !yield([]any{int64(i + 1), cells[i%len(cells)], "Nguyễn Văn A", "nguyen van a", "a", day, day, now, now}) {
						return
					}
				}
			}})
		if err != nil {
			return err
		}
		_, err = l.Insert(ctx, store.BulkTable{Name: "documents", Cols: []string{"id", "issuer_id", "number", "number_key", "year", "kind", "title", "title_fold", "issued_on", "created_at", "created_by", "updated_at"},
			Rows: func(yield func([]any) bool) {
				yield([]any{int64(1), int64(1), "01-NQ/TU", "01-NQ/TU", 2026, "nghi_quyet", "Nghị quyết", "nghi quyet", party.D(2026, 6, 1), now, "bench", now})
			}})
		if err != nil {
			return err
		}
		_, err = l.Insert(ctx, store.BulkTable{Name: "disseminations", Cols: []string{"id", "document_id", "org_id", "role", "sent_at", "sent_by"},
			Rows: func(yield func([]any) bool) { yield([]any{int64(1), int64(1), int64(1), "", now, "bench"}) }})
		if err != nil {
			return err
		}
		_, err = l.Insert(ctx, store.BulkTable{Name: "acknowledgements", Cols: []string{"document_id", "member_id", "at"},
			Rows: func(yield func([]any) bool) {
				for i := range cityMembers {
					if i%5 < 3 && !yield([]any{int64(1), int64(i + 1), now}) {
						return
					}
				}
			}})
		return err
	})
	c.doc = 1
	return err
}

// BenchmarkCoverageCity is the coverage of one document sent to the whole
// city (500.000 members): the city's figures with one line per district,
// then a district's with one line per ward. The issue asks < 200 ms.
func BenchmarkCoverageCity(b *testing.B) {
	for _, engine := range []store.Engine{store.SQLite, store.Postgres} {
		b.Run(string(engine), func(b *testing.B) {
			c := openCity(b, engine)
			s := &documents.Service{DB: c.db, Now: time.Now}
			for _, level := range []struct {
				name string
				org  int64
				kids int
			}{{"city", c.city, cityDistricts}, {"district", c.district, cityWards}} {
				b.Run(level.name, func(b *testing.B) {
					ctx := context.Background()
					for b.Loop() {
						cov, err := s.Coverage(ctx, c.doc, level.org)
						if err != nil {
							b.Fatal(err)
						}
						if len(cov.Children) != level.kids || cov.Members == 0 || level.org == c.city && (cov.Members != cityMembers || cov.Acknowledged*5 != cov.Members*3) {
							b.Fatalf("coverage %d/%d over %d children", cov.Acknowledged, cov.Members, len(cov.Children))
						}
					}
					b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
				})
			}
		})
	}
}
