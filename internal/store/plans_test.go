package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var planActor = store.Actor{Username: "boarda"}

func insertPlan(t *testing.T, db *store.DB, p store.Plan) int64 {
	t.Helper()
	var id int64
	err := db.Update(context.Background(), planActor, func(tx *store.Tx) error {
		var err error
		id, err = tx.InsertPlan(context.Background(), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A plan keeps its lists; an edit made on an old version is refused (409),
// never silently overwriting another; a number is unique per organization.
func TestPlansRoundTripWithVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		p := store.Plan{OrgID: f.WardA, Number: "05-KH/ĐU", Title: "Kế hoạch nâng cao chất lượng sinh hoạt chi bộ", Goals: "Mục tiêu chung",
			YearFrom: 2025, YearTo: 2027, Responsible: []store.PlanOrg{{ID: f.CellA1}, {ID: f.CellA2}},
			Indicators: []string{"every_month", "attendance"},
			Targets:    []store.PlanTarget{{"every_month", 2025, 900}, {"every_month", 2026, 950}, {"attendance", 2027, 925}}}
		id := insertPlan(t, db, p)
		var got store.Plan
		read := func() {
			t.Helper()
			if err := db.View(ctx, func(tx *store.Tx) error {
				var err error
				got, err = tx.Plan(ctx, id)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		read()
		if got.OrgName != "Đảng bộ phường Bồ Đề" || got.Version != 1 || len(got.Responsible) != 2 || len(got.Targets) != 3 ||
			got.Indicators[0] != "every_month" || got.Indicators[1] != "attendance" || got.CreatedBy != "boarda" {
			t.Fatalf("read back %+v", got)
		}

		// Two boards edit version 1; the second is refused.
		edit := got
		edit.Title, edit.Targets, edit.Responsible = "Kế hoạch sửa lần một", []store.PlanTarget{{"every_month", 2025, 1000}}, nil
		update := func(p store.Plan) error {
			return db.Update(ctx, planActor, func(tx *store.Tx) error { return tx.UpdatePlan(ctx, p) })
		}
		if err := update(edit); err != nil {
			t.Fatal(err)
		}
		stale := got
		stale.Title = "Kế hoạch sửa lần hai"
		if err := update(stale); party.ErrorCode(err) != party.EConflict {
			t.Fatalf("a stale edit: %v, want a conflict", err)
		}
		read()
		if got.Title != "Kế hoạch sửa lần một" || got.Version != 2 || len(got.Targets) != 1 || got.Targets[0].Permille != 1000 || len(got.Responsible) != 0 {
			t.Errorf("after the edits: %+v", got)
		}

		// The same number twice in one organization: a conflict beside the field.
		dup := p
		dup.Title = "Trùng số"
		err := db.Update(ctx, planActor, func(tx *store.Tx) error { _, err := tx.InsertPlan(ctx, dup); return err })
		if e, ok := party.AsError(err); !ok || e.Code != party.EConflict || e.Fields["number"].Key != "plan.number_taken" {
			t.Errorf("duplicate number: %v", err)
		}
		// Another organization may use it.
		dup.OrgID = f.WardB
		insertPlan(t, db, dup)

		if err := db.View(ctx, func(tx *store.Tx) error { _, err := tx.Plan(ctx, 999999); return err }); party.ErrorCode(err) != party.ENotFound {
			t.Errorf("missing plan: %v", err)
		}
	})
}

// The plans that concern an organization are its own, its ancestors'
// (which apply to it) and those under it — never a sibling's.
func TestPlansAroundAnOrganization(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		city := insertPlan(t, db, store.Plan{OrgID: f.City, Number: "11-ĐA/TU", Title: "Đề án 11", YearFrom: 2021, YearTo: 2025})
		wardA := insertPlan(t, db, store.Plan{OrgID: f.WardA, Number: "05-KH/ĐU", Title: "Kế hoạch phường Bồ Đề", YearFrom: 2026, YearTo: 2026})
		wardB := insertPlan(t, db, store.Plan{OrgID: f.WardB, Number: "07-KH/ĐU", Title: "Kế hoạch phường Gia Thụy", YearFrom: 2024, YearTo: 2027})
		cell := insertPlan(t, db, store.Plan{OrgID: f.CellA1, Number: "01-KH/CB", Title: "Kế hoạch chi bộ", YearFrom: 2026, YearTo: 2026})
		ids := func(ps []store.Plan) map[int64]bool {
			out := map[int64]bool{}
			for _, p := range ps {
				out[p.ID] = true
			}
			return out
		}
		path := func(id int64) string {
			var p string
			_ = db.View(ctx, func(tx *store.Tx) error { o, err := tx.Org(ctx, id); p = o.Path; return err })
			return p
		}
		var around, over, overOld []store.Plan
		err := db.View(ctx, func(tx *store.Tx) error {
			var err error
			if around, err = tx.PlansAround(ctx, path(f.WardA)); err != nil {
				return err
			}
			if over, err = tx.PlansOver(ctx, path(f.CellA1), 2026, 2026); err != nil {
				return err
			}
			overOld, err = tx.PlansOver(ctx, path(f.CellA1), 2023, 2024)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(around); len(got) != 3 || !got[city] || !got[wardA] || !got[cell] || got[wardB] {
			t.Errorf("around ward A: %v, want the city's, the ward's and its cell's, not ward B's", got)
		}
		// For a report on cell A1 in 2026: the ward's plan and the cell's;
		// the city's roadmap ended in 2025.
		if got := ids(over); len(got) != 2 || !got[wardA] || !got[cell] {
			t.Errorf("plans over cell A1 in 2026: %v", got)
		}
		if got := ids(overOld); len(got) != 1 || !got[city] {
			t.Errorf("plans over cell A1 in 2023–2024: %v", got)
		}
	})
}

// The spans say in which periods each cell had rows (it was due then);
// the misses which cells did not hold a month's regular meeting or a
// quarter's thematic one, per year — a late meeting is no miss.
func TestCellSpansAndMisses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		paths := map[int64]string{}
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			for _, id := range []int64{f.CellA1, f.CellA2, f.CellB1, f.WardA} {
				o, err := tx.Org(ctx, id)
				if err != nil {
					return err
				}
				paths[id] = o.Path
			}
			for _, r := range []struct {
				cell    int64
				period  string
				outcome string
			}{
				{f.CellA1, "2025-12", "none"}, {f.CellA1, "2026-01", "on_time"}, {f.CellA1, "2026-02", "late"},
				{f.CellA2, "2026-01", "on_time"}, {f.CellA2, "2026-02", "none"},
				{f.CellB1, "2026-01", "on_time"}, {f.CellB1, "2026-02", "none"},
			} {
				if _, err := tx.Exec(ctx, `INSERT INTO cell_months (org_id, period, path, outcome) VALUES ($1, $2, $3, $4)`, r.cell, r.period, paths[r.cell], r.outcome); err != nil {
					return err
				}
			}
			for _, q := range []struct {
				cell int64
				held int
			}{{f.CellA1, 1}, {f.CellA2, 0}} {
				if _, err := tx.Exec(ctx, `INSERT INTO cell_quarters (org_id, period, path, held) VALUES ($1, '2026-Q1', $2, $3)`, q.cell, paths[q.cell], q.held); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := store.SubtreeRange(paths[f.WardA])
		var spans, qspans []store.CellSpan
		var misses, qmisses []store.CellMiss
		err = db.View(ctx, func(tx *store.Tx) error {
			var err error
			if spans, err = tx.CellMonthSpans(ctx, lo, hi, "2025-12", "2026-02"); err != nil {
				return err
			}
			if misses, err = tx.CellMonthMisses(ctx, lo, hi, []string{"2025-12", "2026-01", "2026-02"}); err != nil {
				return err
			}
			if qspans, err = tx.CellQuarterSpans(ctx, lo, hi, "2026-Q1", "2026-Q1"); err != nil {
				return err
			}
			qmisses, err = tx.CellQuarterMisses(ctx, lo, hi, []string{"2026-Q1"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		gotSpans := map[string][2]string{}
		for _, s := range spans {
			gotSpans[s.Path] = [2]string{s.First, s.Last}
		}
		wantSpans := map[string][2]string{paths[f.CellA1]: {"2025-12", "2026-02"}, paths[f.CellA2]: {"2026-01", "2026-02"}}
		if len(gotSpans) != len(wantSpans) || gotSpans[paths[f.CellA1]] != wantSpans[paths[f.CellA1]] || gotSpans[paths[f.CellA2]] != wantSpans[paths[f.CellA2]] {
			t.Errorf("spans %v, want %v (ward B's cell left out)", gotSpans, wantSpans)
		}
		gotMiss := map[string]bool{}
		for _, m := range misses {
			gotMiss[m.Path+" "+strconv.Itoa(m.Year)] = true
		}
		if len(gotMiss) != 2 || !gotMiss[paths[f.CellA1]+" 2025"] || !gotMiss[paths[f.CellA2]+" 2026"] {
			t.Errorf("misses %v: want A1 in 2025 and A2 in 2026 (A1's late February is no miss)", gotMiss)
		}
		if len(qspans) != 2 || len(qmisses) != 1 || qmisses[0].Path != paths[f.CellA2] || qmisses[0].Year != 2026 {
			t.Errorf("quarters: spans %+v, misses %+v", qspans, qmisses)
		}
	})
}

// The board's text of a report is versioned: saving over a version
// someone else replaced is refused, as is creating it twice.
func TestReviewTextVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		put := func(r store.ReviewText) (int64, error) {
			var v int64
			err := db.Update(ctx, planActor, func(tx *store.Tx) error {
				var err error
				v, err = tx.PutReviewText(ctx, r)
				return err
			})
			return v, err
		}
		get := func() (store.ReviewText, bool) {
			var r store.ReviewText
			var found bool
			if err := db.View(ctx, func(tx *store.Tx) error {
				var err error
				r, found, err = tx.ReviewTextOf(ctx, f.WardA, "2026-01", "2026-06")
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return r, found
		}
		if r, found := get(); found || r.Version != 0 || r.OrgID != f.WardA {
			t.Fatalf("nothing saved yet: %+v %v", r, found)
		}
		base := store.ReviewText{OrgID: f.WardA, From: "2026-01", To: "2026-06", Strengths: "Các chi bộ duy trì nền nếp sinh hoạt.", SignRole: "bi_thu"}
		v, err := put(base)
		if err != nil || v != 1 {
			t.Fatalf("create: %d %v", v, err)
		}
		if _, err := put(base); party.ErrorCode(err) != party.EConflict {
			t.Errorf("a second create: %v, want a conflict", err)
		}
		a := base
		a.Version, a.Lessons = 1, "Phát huy vai trò cấp ủy viên phụ trách."
		if v, err = put(a); err != nil || v != 2 {
			t.Fatalf("update: %d %v", v, err)
		}
		b := base
		b.Version, b.Weaknesses = 1, "Nội dung còn chung chung."
		if _, err := put(b); party.ErrorCode(err) != party.EConflict {
			t.Errorf("a stale update: %v, want a conflict", err)
		}
		r, found := get()
		if !found || r.Version != 2 || r.Lessons == "" || r.Weaknesses != "" || r.Strengths != base.Strengths || r.UpdatedBy != "boarda" {
			t.Errorf("kept %+v", r)
		}
		// Another range of the same organization is another report.
		other := base
		other.To = "2026-12"
		if _, err := put(other); err != nil {
			t.Errorf("another range: %v", err)
		}
	})
}

// The situation of a report: organizations under it by kind, members on a
// day (the probationary among them).
func TestSituationCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		err := db.View(ctx, func(tx *store.Tx) error {
			d, err := tx.Org(ctx, f.District)
			if err != nil {
				return err
			}
			kinds, err := tx.CountOrgKinds(ctx, d.Path, testfix.Today)
			if err != nil {
				return err
			}
			if kinds[party.DangBoCoSo] != 2 || kinds[party.ChiBo] != 3 || kinds[party.DangBoHuyen] != 0 {
				t.Errorf("kinds under the district: %v", kinds)
			}
			now, err := tx.CountMembersOn(ctx, d.Path, testfix.Today)
			if err != nil {
				return err
			}
			before, err := tx.CountMembersOn(ctx, d.Path, party.D(2025, time.December, 31))
			if err != nil {
				return err
			}
			// Ngô Thị Yến joined in January 2026 and is probationary.
			if now.Members != before.Members+1 || now.Probationary != before.Probationary+1 || now.Probationary < 1 {
				t.Errorf("members now %+v, at the end of 2025 %+v", now, before)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
