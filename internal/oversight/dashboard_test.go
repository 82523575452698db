package oversight_test

import (
	"context"
	"testing"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// springFixture holds the meetings of spring 2026 (today is 15/06/2026):
//
//	         April           May                    June (not over)
//	A1       on time         on time, 1 absent      on time
//	A2       late (2 May)    —                      —
//	B1       —               on time; thematic Q2   —
func springFixture(t *testing.T, db *store.DB) env {
	t.Helper()
	e := wire(t, db)
	april, may, june := party.MonthPeriod(2026, 4), party.MonthPeriod(2026, 5), party.MonthPeriod(2026, 6)
	e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 4, 5), april)
	e.hold(t, e.f.CellA2, party.ThuongKy, party.D(2026, 5, 2), april)
	e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 5, 6), may, "Hoàng Văn Dũng")
	e.hold(t, e.f.CellB1, party.ThuongKy, party.D(2026, 5, 8), may)
	e.hold(t, e.f.CellB1, party.ChuyenDe, party.D(2026, 5, 20), party.QuarterPeriod(2026, 2))
	e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 6, 3), june)
	if _, err := e.ov.EnsureMonths(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

func spring() oversight.Range {
	return oversight.Range{From: party.MonthPeriod(2026, 4), To: party.MonthPeriod(2026, 6)}
}

// monthsOf indexes an overview's months.
func monthsOf(ov oversight.Overview) map[string]oversight.Totals {
	out := map[string]oversight.Totals{}
	for _, m := range ov.Months {
		out[m.Period.String()] = m.T
	}
	return out
}

// DOMAIN.md §10: "Compliance of a cell for a month: regular meeting held in
// the month (on time), late, or missing … Rolled up the tree as rates, with
// drill-down to the cell." A month not held is missing once it is over,
// not yet due before.
func TestOverviewRollsUpComplianceByMonthAndQuarter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := springFixture(t, db)
		ov, err := e.ov.Overview(ctx, e.f.District, spring(), false)
		if err != nil {
			t.Fatal(err)
		}
		m := monthsOf(ov)
		want := map[string][4]int{ // on time, late, missing, not due
			"2026-04": {1, 1, 1, 0},
			"2026-05": {2, 0, 1, 0},
			"2026-06": {1, 0, 0, 2},
		}
		for p, w := range want {
			got := m[p]
			if [4]int{got.OnTime, got.Late, got.Missing, got.NotDue} != w || got.Cells != 3 {
				t.Errorf("%s: cells %d, on time/late/missing/not due %v, want 3, %v", p, got.Cells, [4]int{got.OnTime, got.Late, got.Missing, got.NotDue}, w)
			}
		}
		// May's attendance: A1 8 of 9 required, B1 everyone.
		if a := m["2026-05"]; a.Present != a.Required-1 || a.Required == 0 {
			t.Errorf("May attendance %d/%d, want one absent", a.Present, a.Required)
		}
		// Quarter II is not over: B1 held its thematic meeting, two cells not due yet.
		if len(ov.Quarters) != 1 || ov.Quarters[0].T.ThematicHeld != 1 || ov.Quarters[0].T.ThematicNotDue != 2 || ov.Quarters[0].T.ThematicMissing != 0 {
			t.Errorf("quarters %+v", ov.Quarters)
		}
		// On time: 4 of the 7 cell-months due (April 1 of 3, May 2 of 3, June
		// the one held: the two still open are not due).
		if r := ov.Total.OnTimeRate(); r.N != 4 || r.D != 7 {
			t.Errorf("on-time rate %d/%d, want 4/7", r.N, r.D)
		}
		// The cells needing action: those that missed May, the last month over.
		if ov.MissedPeriod.String() != "2026-05" || ov.MissedTotal != 1 || len(ov.Missed) != 1 || ov.Missed[0].OrgID != e.f.CellA2 {
			t.Errorf("missed %s: %d %+v", ov.MissedPeriod, ov.MissedTotal, ov.Missed)
		}
		// Drill-down: the wards add up to the district.
		assertUnitsAddUp(t, ov)
		if len(ov.Units) != 2 || ov.UnitsAreCells {
			t.Fatalf("units of the district: %d (cells %v)", len(ov.Units), ov.UnitsAreCells)
		}
		// Ward A's children are cells, each with its status per month.
		wa, err := e.ov.Overview(ctx, e.f.WardA, spring(), false)
		if err != nil {
			t.Fatal(err)
		}
		assertUnitsAddUp(t, wa)
		if !wa.UnitsAreCells {
			t.Error("ward A's units are cells")
		}
		st := map[int64]map[string]party.RegularStatus{}
		for _, u := range wa.Units {
			st[u.Org.ID] = map[string]party.RegularStatus{}
			for p, mc := range u.Months {
				st[u.Org.ID][p.String()] = mc.Status
			}
		}
		if st[e.f.CellA2]["2026-04"] != party.TreHan || st[e.f.CellA2]["2026-05"] != party.KhongHop || st[e.f.CellA2]["2026-06"] != party.ChuaDenHan {
			t.Errorf("A2: %v", st[e.f.CellA2])
		}
		// A cell's own overview.
		a2, err := e.ov.Overview(ctx, e.f.CellA2, spring(), false)
		if err != nil {
			t.Fatal(err)
		}
		if a2.Months[1].Status != party.KhongHop || a2.Total.Late != 1 || a2.Total.Missing != 1 {
			t.Errorf("A2's overview: %+v, totals %+v", a2.Months, a2.Total)
		}
		// Weakest first puts A2 (on time 0 of 2) before A1.
		weak, _ := e.ov.Overview(ctx, e.f.WardA, spring(), true)
		if weak.Units[0].Org.ID != e.f.CellA2 {
			t.Errorf("weakest first: %s", weak.Units[0].Org.Name)
		}
	})
}

// assertUnitsAddUp checks that the units' figures sum to the
// organization's own.
func assertUnitsAddUp(t *testing.T, ov oversight.Overview) {
	t.Helper()
	var sum oversight.Totals
	for _, u := range ov.Units {
		sum.Add(u.Totals)
	}
	if sum != ov.Total {
		t.Errorf("%s: units add up to\n %+v\nthe organization has\n %+v", ov.Org.Name, sum, ov.Total)
	}
}

// DOMAIN.md §2: "a report for a period that spans a change counts each cell
// under the parent it had at the time."
func TestOverviewCountsEachCellUnderTheParentItHadThen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := springFixture(t, db)
		if err := e.os.Move(ctx, actor, e.f.CellB1, e.f.WardA, party.D(2026, 6, 1), 0); err != nil {
			t.Fatal(err)
		}
		verify(t, e.ov)
		dist, _ := e.ov.Overview(ctx, e.f.District, spring(), false)
		assertUnitsAddUp(t, dist)
		wa, _ := e.ov.Overview(ctx, e.f.WardA, spring(), false)
		wb, _ := e.ov.Overview(ctx, e.f.WardB, spring(), false)
		assertUnitsAddUp(t, wa)
		assertUnitsAddUp(t, wb)
		cellsOf := func(ov oversight.Overview) map[string]int {
			out := map[string]int{}
			for _, m := range ov.Months {
				out[m.Period.String()] = m.T.Cells
			}
			return out
		}
		if got := cellsOf(wa); got["2026-05"] != 2 || got["2026-06"] != 3 {
			t.Errorf("ward A cells by month %v, want May 2, June 3", got)
		}
		if got := cellsOf(wb); got["2026-05"] != 1 || got["2026-06"] != 0 {
			t.Errorf("ward B cells by month %v, want May 1, June 0", got)
		}
		// B1 is a unit of both wards, each for its own months.
		for _, tc := range []struct {
			ov     oversight.Overview
			months []string
		}{{wa, []string{"2026-06"}}, {wb, []string{"2026-04", "2026-05"}}} {
			found := false
			for _, u := range tc.ov.Units {
				if u.Org.ID != e.f.CellB1 {
					continue
				}
				found = true
				if len(u.Months) != len(tc.months) {
					t.Errorf("%s: B1 has %d months, want %v", tc.ov.Org.Name, len(u.Months), tc.months)
				}
				for _, p := range tc.months {
					if _, ok := u.Months[mustPeriod(p)]; !ok {
						t.Errorf("%s: B1 lacks %s", tc.ov.Org.Name, p)
					}
				}
			}
			if !found {
				t.Errorf("%s: B1 is not among the units", tc.ov.Org.Name)
			}
		}
		// The district's figures do not move.
		if r := dist.Total.OnTimeRate(); r.N != 4 || r.D != 7 {
			t.Errorf("district on time %d/%d after the move, want 4/7", r.N, r.D)
		}
	})
}

// A range wholly in the future has no figures; months after today are
// left out of a range that reaches them.
func TestOverviewStopsAtTheCurrentMonth(t *testing.T) {
	db := storetest.NewSQLite(t)
	e := springFixture(t, db)
	ctx := context.Background()
	ov, err := e.ov.Overview(ctx, e.f.District, oversight.Year(2026), false)
	if err != nil {
		t.Fatal(err)
	}
	if ov.Range.To.String() != "2026-06" || len(ov.Months) != 6 || len(ov.Quarters) != 2 {
		t.Errorf("range %s–%s, %d months, %d quarters", ov.Range.From, ov.Range.To, len(ov.Months), len(ov.Quarters))
	}
	// January to March precede the first meeting on record: no figures.
	if m := monthsOf(ov)["2026-01"]; m.Cells != 0 {
		t.Errorf("January has %d cells", m.Cells)
	}
	future, err := e.ov.Overview(ctx, e.f.District, oversight.Year(2027), false)
	if err != nil || !future.Empty {
		t.Errorf("2027: empty %v, err %v", future.Empty, err)
	}
}

func mustPeriod(s string) party.Period {
	p, err := party.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}
