package plans_test

import (
	"context"
	"testing"
	"time"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "boarda"}

// hold records a meeting held with everyone present.
func hold(t *testing.T, svc *app.Services, cell int64, kind party.MeetingKind, d party.Date, period party.Period) {
	t.Helper()
	ctx := context.Background()
	id, err := svc.Meetings.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: kind, Date: d, Time: "19:30", Period: period, Topic: "Chuyên đề học tập và làm theo Bác"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := svc.Meetings.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	if _, err := svc.Meetings.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
}

// The spring of 2026 (today is 15/06/2026): cells A1 and B1 hold every
// regular meeting from January to May; A2 misses February, and moves from
// ward A to ward B on 1 April. Only A1 holds a thematic meeting in
// quarter I.
func spring(t *testing.T, db *store.DB) (*testfix.Fix, *app.Services) {
	t.Helper()
	f := testfix.New(t, db)
	svc := app.Wire(db, testfix.Now)
	if err := svc.EnsureDefaults(context.Background()); err != nil {
		t.Fatal(err)
	}
	for m := time.January; m <= time.May; m++ {
		p := party.MonthPeriod(2026, m)
		hold(t, svc, f.CellA1, party.ThuongKy, party.D(2026, m, 5), p)
		hold(t, svc, f.CellB1, party.ThuongKy, party.D(2026, m, 6), p)
		if m != time.February {
			hold(t, svc, f.CellA2, party.ThuongKy, party.D(2026, m, 7), p)
		}
	}
	hold(t, svc, f.CellA1, party.ChuyenDe, party.D(2026, time.March, 20), party.QuarterPeriod(2026, 1))
	if err := svc.Orgs.Move(context.Background(), actor, f.CellA2, f.WardB, party.D(2026, time.April, 1), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Oversight.EnsureMonths(context.Background()); err != nil {
		t.Fatal(err)
	}
	return f, svc
}

func districtPlan(t *testing.T, svc *app.Services, f *testfix.Fix) int64 {
	t.Helper()
	id, err := svc.Plans.Create(context.Background(), actor, plans.Input{OrgID: f.District, Number: "03-KH/QU", Title: "Kế hoạch nâng cao chất lượng sinh hoạt chi bộ",
		YearFrom: 2025, YearTo: 2027, Responsible: []int64{f.WardA},
		Indicators: []plans.IndicatorInput{
			{Code: plans.EveryMonth, Targets: map[int]string{2025: "80", 2026: "90"}},
			{Code: plans.EveryQuarter, Targets: map[int]string{2026: "50"}},
			{Code: plans.Attendance, Targets: map[int]string{2026: "95"}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// DOMAIN.md §10: "the software measures each indicator from data", for
// every organization under the plan, "each cell counted under the parent
// it had at the time" (§2).
func TestProgressIsMeasuredForEveryOrganizationUnderThePlan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f, svc := spring(t, db)
		id := districtPlan(t, svc, f)
		pr, err := svc.Plans.Progress(context.Background(), id, f.District)
		if err != nil {
			t.Fatal(err)
		}
		if len(pr.Years) != 3 || len(pr.Self.Indicators) != 3 || len(pr.Units) != 2 {
			t.Fatalf("progress: %d years, %d indicators, %d units", len(pr.Years), len(pr.Self.Indicators), len(pr.Units))
		}
		value := func(r plans.Row, code string, year int) plans.Value {
			for _, vs := range r.Indicators {
				if vs.Code == code {
					return vs.ValueIn(year)
				}
			}
			t.Fatalf("%s: no %s", r.Org.Name, code)
			return plans.Value{}
		}
		unit := func(id int64) plans.Row {
			for _, u := range pr.Units {
				if u.Org.ID == id {
					return u
				}
			}
			t.Fatalf("no unit %d", id)
			return plans.Row{}
		}
		cases := []struct {
			name   string
			row    plans.Row
			code   string
			n, d   int
			status plans.Status
		}{
			// A1 and B1 held every month; A2 missed February.
			{"district, every month", pr.Self, plans.EveryMonth, 2, 3, plans.InProgress},
			// Ward A had A1 (kept) and A2 (missed February while it stood there).
			{"ward A, every month", unit(f.WardA), plans.EveryMonth, 1, 2, plans.InProgress},
			// Ward B had B1, and A2 from April, which held April and May there.
			{"ward B, every month", unit(f.WardB), plans.EveryMonth, 2, 2, plans.InProgress},
			// Quarter I is the only one over: A1 alone held a thematic meeting.
			{"district, every quarter", pr.Self, plans.EveryQuarter, 1, 3, plans.InProgress},
			{"ward A, every quarter", unit(f.WardA), plans.EveryQuarter, 1, 2, plans.InProgress},
		}
		for _, c := range cases {
			v := value(c.row, c.code, 2026)
			if !v.Rate.Known || v.Rate.N != c.n || v.Rate.D != c.d || v.Status != c.status {
				t.Errorf("%s: %d/%d %s, want %d/%d %s", c.name, v.Rate.N, v.Rate.D, v.Status, c.n, c.d, c.status)
			}
		}
		// Attendance: everyone present at every meeting held.
		if v := value(pr.Self, plans.Attendance, 2026); !v.Rate.Known || v.Rate.Value != 1 || !v.HasTarget || v.Target != 950 {
			t.Errorf("attendance 2026: %+v", v)
		}
		// 2027 has not begun; 2025 had no meetings (no target for attendance).
		if v := value(pr.Self, plans.EveryMonth, 2027); v.Status != plans.NotStarted {
			t.Errorf("2027: %s", v.Status)
		}
		if v := value(pr.Self, plans.Attendance, 2025); v.Status != plans.NoTarget {
			t.Errorf("attendance 2025: %s", v.Status)
		}
		if !unit(f.WardA).Responsible || unit(f.WardB).Responsible {
			t.Error("responsible units")
		}

		// The drill-down: ward B's cells, A2 counted there since April.
		pb, err := svc.Plans.Progress(context.Background(), id, f.WardB)
		if err != nil {
			t.Fatal(err)
		}
		if !pb.UnitsAreCells || len(pb.Units) != 2 {
			t.Fatalf("ward B's units: %d", len(pb.Units))
		}
		// A plan does not apply above its organization.
		if _, err := svc.Plans.Progress(context.Background(), id, f.City); party.ErrorCode(err) != party.ENotFound {
			t.Errorf("progress of the city: %v, want not found", err)
		}
	})
}

// A plan is edited by versions: the second of two edits of the same
// version is refused; a cell issues no plan; a responsible organization
// must stand under the plan's.
func TestPlanEditsAndRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		svc := app.Wire(db, testfix.Now)
		id := districtPlan(t, svc, f)
		p, err := svc.Plans.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		in := plans.InputOf(p)
		if in.Indicators[0].Targets[2025] != "80" || in.Version != 1 {
			t.Fatalf("input of the plan: %+v", in)
		}
		a, b := in, in
		a.Title, b.Title = "Sửa lần một", "Sửa lần hai"
		if err := svc.Plans.Update(ctx, actor, id, a); err != nil {
			t.Fatal(err)
		}
		if err := svc.Plans.Update(ctx, actor, id, b); party.ErrorCode(err) != party.EConflict {
			t.Errorf("second edit of version 1: %v, want a conflict", err)
		}
		b.Version = 0
		if err := svc.Plans.Update(ctx, actor, id, b); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("an edit without a version: %v", err)
		}
		c := in
		c.OrgID, c.Number = f.CellA1, "01-KH/CB"
		if _, err := svc.Plans.Create(ctx, actor, c); party.ErrorCode(err) != party.ERule {
			t.Errorf("a cell's plan: %v, want a rule error", err)
		}
		d := in
		d.OrgID, d.Number, d.Responsible = f.WardA, "02-KH/ĐU", []int64{f.CellB1}
		if _, err := svc.Plans.Create(ctx, actor, d); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("a responsible organization elsewhere: %v", err)
		}
	})
}
