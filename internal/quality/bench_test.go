package quality_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/vntext"
)

// Issue 4, figures to report: "evaluation of one meeting < 10 ms";
// "formalism pass over one month of a city < 60 s".
//
//	go test ./internal/quality -run '^$' -bench BenchmarkEvaluateMeeting -count 5
//	go test ./internal/quality -run '^$' -bench BenchmarkFormalismCity -benchtime 1x -count 5 -timeout 60m

// BenchmarkEvaluateMeeting scores one meeting of a 90-member cell through
// the service, as the page and the API do: load the meeting and its year
// of attendance, compute the items, validate, grade, store, and refresh the
// oversight summaries (the hooks of app.Wire), on SQLite.
func BenchmarkEvaluateMeeting(b *testing.B) {
	ctx := context.Background()
	db := storetest.NewSQLite(b)
	fix := testfix.New(b, db)
	svc := app.Wire(db, testfix.Now)
	if err := svc.EnsureDefaults(ctx); err != nil {
		b.Fatal(err)
	}
	actor := store.Actor{Username: "bench"}
	cell, err := (&orgs.Service{DB: db, Now: testfix.Now}).Create(ctx, actor, store.NewOrg{Code: "LB-BD-90", Name: "Chi bộ khu đô thị Việt Hưng",
		Kind: party.ChiBo, CellType: party.CellThonTDP, ParentID: fix.WardA, On: party.D(2020, time.January, 1), Place: "Long Biên", Abbrev: "CB"})
	if err != nil {
		b.Fatal(err)
	}
	ms := &members.Service{DB: db, Now: testfix.Now}
	g := newGen(90)
	for i := range 90 {
		if _, err := ms.Add(ctx, actor, party.Member{OrgID: cell, FullName: g.name(), Gender: party.Nam, BirthDate: party.D(1940+i%40, time.March, 3),
			JoinedOn: party.D(2000, time.May, 5), OfficialOn: party.D(2001, time.May, 5), CardNumber: fmt.Sprintf("%08d", 90000+i)}); err != nil {
			b.Fatal(err)
		}
	}
	// Six months of meetings, so that the longest run of excused
	// absences is read over a real year.
	var id int64
	for m := time.January; m <= time.June; m++ {
		id = holdBench(b, svc, cell, party.D(2026, m, 5), g, m)
	}
	in := []party.ScoreInput{{Key: "content_guidance", Points: 5}, {Key: "order", Points: 4}, {Key: "criticism", Points: 5},
		{Key: "principles", Points: 10}, {Key: "carried_out", Points: 4}}
	if _, err := svc.Quality.Evaluate(ctx, actor, id, quality.BySelf, in); err != nil {
		b.Fatal(err)
	}
	// What the page and GET .../evaluation do: read the meeting, compute
	// the items the data decides, grade both evaluations.
	b.Run("compute", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := svc.Quality.Load(ctx, id); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/eval")
	})
	// What saving a review does, with the oversight summaries kept up to
	// date in the same transaction (app.Wire's hooks)…
	b.Run("save", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Quality.Evaluate(ctx, actor, id, quality.ByReview, in); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/eval")
	})
	// … and without those hooks, to tell the two costs apart.
	bare := &quality.Service{DB: db, Now: testfix.Now, Meetings: &meetings.Service{DB: db, Now: testfix.Now}}
	b.Run("save-without-summaries", func(b *testing.B) {
		for b.Loop() {
			if _, err := bare.Evaluate(ctx, actor, id, quality.ByReview, in); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/eval")
	})
}

// holdBench holds a meeting of the 90-member cell: a few excused and one
// unexcused absence, a vote, minutes with a dozen speakers.
func holdBench(b *testing.B, svc *app.Services, cell int64, d party.Date, g *gen, month time.Month) int64 {
	ctx := context.Background()
	actor := store.Actor{Username: "bench"}
	id, err := svc.Meetings.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30"})
	if err != nil {
		b.Fatal(err)
	}
	v, err := svc.Meetings.Load(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	var entries []party.Entry
	for i, r := range v.Roll {
		if !r.Editable || r.Derived != party.DerivedNone {
			continue
		}
		e := party.Entry{MemberID: r.MemberID, Status: party.CoMat}
		switch {
		case i%30 == int(month):
			e.Status, e.Reason = party.VangCoLyDo, "Ốm"
		case i == 89:
			e.Status = party.VangKhongLyDo
		}
		entries = append(entries, e)
	}
	if v, err = svc.Meetings.SaveAttendance(ctx, actor, id, entries); err != nil {
		b.Fatal(err)
	}
	if _, err = svc.Meetings.SaveVotes(ctx, actor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		b.Fatal(err)
	}
	start := d.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(105 * time.Minute), Place: "Nhà văn hóa khu đô thị", Chair: "Nguyễn Văn An",
		MinuteTaker: "Trần Thị Bình", Conclusion: g.paragraph(2), Resolution: g.paragraph(2), ReadBack: true}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Text: g.paragraph(2)}
		if it.Part == party.PartContent {
			for i, r := range v.Roll {
				if i%7 == 0 && r.Derived == party.DerivedNone {
					mi.Speeches = append(mi.Speeches, party.Speech{MemberID: r.MemberID, Speaker: r.FullName, Text: g.sentence()})
				}
			}
		}
		c.Items = append(c.Items, mi)
	}
	if _, err := svc.Meetings.SaveMinutes(ctx, actor, id, c, "", 0); err != nil {
		b.Fatal(err)
	}
	return id
}

// cityCells is the size of the city of issue 4: "20,000 cells, one month
// of minutes".
const cityCells = 20000

var (
	cityOnce sync.Once
	cityDir  string
	cityErr  error
	cityInfo cityStats
)

type cityStats struct {
	Planted, PlantedPrev int
	Bytes                int
}

// BenchmarkFormalismCity runs quality.Scan over May 2026 of a city of
// 20,000 cells: 20,000 minutes of about 2 KB of varied text, each cell
// with its April minutes too (each May minutes is compared with them),
// 1% copied from another cell and 1% copied from the cell's own April
// minutes with a few words changed. The city is built once per test
// binary (bulk-loaded) and copied for each run.
func BenchmarkFormalismCity(b *testing.B) {
	ctx := context.Background()
	cityOnce.Do(func() { cityDir, cityErr = buildCity() })
	if cityErr != nil {
		b.Fatal(cityErr)
	}
	path := filepath.Join(b.TempDir(), "city.db")
	if err := copyDB(filepath.Join(cityDir, "city.db"), path); err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	svc := app.Wire(db, testfix.Now)
	b.ResetTimer()
	var res quality.ScanResult
	cpu0 := cpuTime()
	for b.Loop() {
		if res, err = svc.Quality.Scan(ctx, store.System, party.MonthPeriod(2026, time.May)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// The machine may be shared: the processor time the pass took tells
	// what it costs when the wall clock does not.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/pass")
	if res.Minutes != cityCells || res.Peers < cityInfo.Planted || res.Previous < cityInfo.PlantedPrev {
		b.Fatalf("scan %+v: planted %d copies of other cells and %d of the previous month", res, cityInfo.Planted, cityInfo.PlantedPrev)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/1000, "s/pass")
	b.ReportMetric(float64(cityInfo.Bytes)/float64(cityCells), "bytes/minutes")
	b.Logf("%d minutes, %d + %d pairs found (%d + %d planted)", res.Minutes, res.Peers, res.Previous, cityInfo.Planted, cityInfo.PlantedPrev)
}

// cpuTime is the processor time the test binary has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cityDir != "" {
		os.RemoveAll(cityDir)
	}
	os.Exit(code)
}

func copyDB(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

// buildCity writes the city into a database file of a temporary folder:
// a city, 30 districts, 20 wards in each, cells under the wards.
func buildCity() (string, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "chibo-city-")
	if err != nil {
		return "", err
	}
	db, err := store.Open(ctx, filepath.Join(dir, "city.db"), store.Options{Synchronous: "OFF"})
	if err != nil {
		return dir, err
	}
	defer db.Close()
	ms := &meetings.Service{DB: db, Now: testfix.Now}
	if err := ms.EnsureRuleSets(ctx); err != nil {
		return dir, err
	}
	qs := &quality.Service{DB: db, Now: testfix.Now, Meetings: ms}
	if err := qs.EnsureDefaults(ctx); err != nil {
		return dir, err
	}
	rs, err := ms.RuleSetOn(ctx, party.D(2026, time.May, 1))
	if err != nil {
		return dir, err
	}

	type org struct {
		id, parent int64
		code, name string
		kind       party.OrgKind
		cellType   party.CellType
		path       string
	}
	var all []org
	add := func(parent *org, code, name string, kind party.OrgKind, ct party.CellType) *org {
		o := org{id: int64(len(all) + 1), code: code, name: name, kind: kind, cellType: ct}
		if parent != nil {
			o.parent, o.path = parent.id, fmt.Sprintf("%s%d/", parent.path, o.id)
		} else {
			o.path = fmt.Sprintf("/%d/", o.id)
		}
		all = append(all, o)
		return &all[len(all)-1]
	}
	city := *add(nil, "TP", "Đảng bộ thành phố", party.DangBoTinh, "")
	types := []party.CellType{party.CellThonTDP, party.CellThonTDP, party.CellThonTDP, party.CellCoQuan, party.CellSuNghiep, party.CellDNNhaNuoc}
	perWard := cityCells / (30 * 20)
	for d := range 30 {
		dist := *add(&city, fmt.Sprintf("Q%02d", d+1), fmt.Sprintf("Đảng bộ quận %s", places[d%len(places)]), party.DangBoHuyen, "")
		for w := range 20 {
			ward := *add(&dist, fmt.Sprintf("Q%02d-P%02d", d+1, w+1), fmt.Sprintf("Đảng bộ phường %s %d", places[(d+w)%len(places)], w+1), party.DangBoCoSo, "")
			n := perWard
			if d == 0 && w == 0 {
				n += cityCells - perWard*30*20
			}
			for c := range n {
				add(&ward, fmt.Sprintf("Q%02d-P%02d-%03d", d+1, w+1, c+1), fmt.Sprintf("Chi bộ tổ dân phố số %d", c+1), party.ChiBo, types[c%len(types)])
			}
		}
	}
	var cells []org
	for _, o := range all {
		if o.kind == party.ChiBo {
			cells = append(cells, o)
		}
	}

	// Two months of minutes per cell; the planted copies.
	g := newGen(2026)
	april, may := make([]string, len(cells)), make([]string, len(cells))
	for i := range cells {
		c := g.cell()
		april[i] = g.minutes(c, 4)
		may[i] = g.minutes(c, 5)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < len(cells)/100; i++ {
		a, b := r.IntN(len(cells)), r.IntN(len(cells))
		if a != b {
			may[b] = g.copyEdited(may[a], 4)
			cityInfo.Planted++
		}
	}
	for i := 0; i < len(cells)/100; i++ {
		a := r.IntN(len(cells))
		may[a] = g.copyEdited(april[a], 6)
		cityInfo.PlantedPrev++
	}
	for _, m := range may {
		cityInfo.Bytes += len(m)
	}
	// Copies overwritten by later copies still count once each: the
	// figures checked are lower bounds.
	cityInfo.Planted, cityInfo.PlantedPrev = cityInfo.Planted*9/10, cityInfo.PlantedPrev*9/10

	agenda, _ := json.Marshal([]party.AgendaItem{})
	prep, _ := json.Marshal(party.Preparation{})
	content, _ := json.Marshal(map[string]any{"content": party.MinutesContent{}})
	now := testfix.Now().Unix()
	err = db.BulkLoad(ctx, func(l *store.Loader) error {
		cols := []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "cell_type", "created_on", "child_count", "version"}
		if _, err := l.Insert(ctx, store.BulkTable{Name: "orgs", Cols: cols, Rows: func(yield func([]any) bool) {
			kids := map[int64]int{}
			for _, o := range all {
				kids[o.parent]++
			}
			for _, o := range all {
				var parent, ct any
				if o.parent != 0 {
					parent = o.parent
				}
				if o.cellType != "" {
					ct = string(o.cellType)
				}
				if !yield([]any{o.id, o.code, string(o.kind), o.name, vntext.Fold(o.name), vntext.TextSortKey(o.name), parent, o.path,
					strings.Count(o.path, "/") - 2, ct, party.D(2020, time.January, 1), kids[o.id], 1}) {
					return
				}
			}
		}}); err != nil {
			return err
		}
		vcols := []string{"org_id", "valid_from", "name", "name_sort", "parent_id", "kind", "cell_type", "change"}
		if _, err := l.Insert(ctx, store.BulkTable{Name: "org_versions", Cols: vcols, Rows: func(yield func([]any) bool) {
			for _, o := range all {
				var parent, ct any
				if o.parent != 0 {
					parent = o.parent
				}
				if o.cellType != "" {
					ct = string(o.cellType)
				}
				if !yield([]any{o.id, party.D(2020, time.January, 1), o.name, vntext.TextSortKey(o.name), parent, string(o.kind), ct, "create"}) {
					return
				}
			}
		}}); err != nil {
			return err
		}
		mcols := []string{"id", "org_id", "kind", "period", "date", "starts_at", "place", "topic", "status", "rule_set", "combined",
			"agenda", "prep", "held_at", "locked_at", "locked_by", "version", "created_at", "updated_at"}
		if _, err := l.Insert(ctx, store.BulkTable{Name: "meetings", Cols: mcols, Rows: func(yield func([]any) bool) {
			for m, month := range []time.Month{time.April, time.May} {
				for i, c := range cells {
					d := party.D(2026, month, 3+i%20)
					at := d.At(19, 30).Unix()
					if !yield([]any{int64(m*len(cells) + i + 1), c.id, string(party.ThuongKy), party.MonthPeriod(2026, month).String(), d, at,
						"Nhà văn hóa", "", string(party.DaKy), rs.Code, false, string(agenda), string(prep), at, at + 7200, "bench", 1, now, now}) {
						return
					}
				}
			}
		}}); err != nil {
			return err
		}
		ncols := []string{"meeting_id", "content", "body_text", "version", "updated_at", "updated_by"}
		_, err := l.Insert(ctx, store.BulkTable{Name: "minutes", Cols: ncols, Rows: func(yield func([]any) bool) {
			for m, texts := range [][]string{april, may} {
				for i, text := range texts {
					if !yield([]any{int64(m*len(cells) + i + 1), string(content), text, 1, now, "bench"}) {
						return
					}
				}
			}
		}})
		return err
	})
	return dir, err
}
