package oversight_test

import (
	"context"
	"strconv"
	"testing"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/orgs"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "test"}

type env struct {
	f  *testfix.Fix
	ms *meetings.Service
	qs *quality.Service
	ov *oversight.Service
	os *orgs.Service
}

// wire builds the services with their hooks as the application does.
func wire(t *testing.T, db *store.DB) env {
	t.Helper()
	f := testfix.New(t, db)
	svc := app.Wire(db, testfix.Now)
	if err := svc.EnsureDefaults(context.Background()); err != nil {
		t.Fatal(err)
	}
	return env{f, svc.Meetings, svc.Quality, svc.Oversight, svc.Orgs}
}

// hold plans a meeting and takes attendance: everyone present but the
// names given, who are absent without reason.
func (e env) hold(t *testing.T, cell int64, kind party.MeetingKind, d party.Date, period party.Period, absent ...string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := e.ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: kind, Date: d, Time: "19:30", Period: period, Topic: "Chuyên đề"})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := e.ms.Load(ctx, id)
	skip := map[string]bool{}
	for _, a := range absent {
		skip[a] = true
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			st := party.CoMat
			if skip[r.FullName] {
				st = party.VangKhongLyDo
			}
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: st})
		}
	}
	if _, err := e.ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
	return id
}

func verify(t *testing.T, ov *oversight.Service) {
	t.Helper()
	diffs, err := ov.Verify(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("summary differs: %s org %d %s\n stored %s\n want   %s", d.Table, d.Org, d.Period, d.Stored, d.Want)
	}
}

// Issue 5: "A summary per cell per period … maintained on every write,
// inside the same transaction … A check command recomputes from the raw
// records and reports any difference."
func TestSummariesKeptOnEveryWriteMatchTheRawRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := wire(t, db)
		april, may, june := party.MonthPeriod(2026, 4), party.MonthPeriod(2026, 5), party.MonthPeriod(2026, 6)
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 4, 5), april)
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 5, 6), may, "Hoàng Văn Dũng")
		e.hold(t, e.f.CellA2, party.ThuongKy, party.D(2026, 5, 2), april) // April's, held late
		e.hold(t, e.f.CellB1, party.ThuongKy, party.D(2026, 6, 3), june)
		e.hold(t, e.f.CellB1, party.ChuyenDe, party.D(2026, 5, 20), party.QuarterPeriod(2026, 2))
		e.hold(t, e.f.CellA1, party.BatThuong, party.D(2026, 5, 25), may)
		if _, err := e.ov.EnsureMonths(ctx); err != nil {
			t.Fatal(err)
		}
		verify(t, e.ov)

		var months []store.OrgMonth
		_ = db.View(ctx, func(tx *store.Tx) error {
			var err error
			months, err = tx.OrgMonths(ctx, []int64{e.f.District, e.f.WardA}, "2026-04", "2026-06")
			return err
		})
		got := map[string]store.MonthFigures{}
		for _, m := range months {
			got[itoa(m.OrgID)+" "+m.Period] = m.MonthFigures
		}
		// April, district: A1 on time, A2 late, B1 none; three cells.
		if f := got[itoa(e.f.District)+" 2026-04"]; f.Cells != 3 || f.OnTime != 1 || f.Late != 1 || f.NoMeeting != 1 {
			t.Errorf("district April: %+v", f)
		}
		// May, ward A: A1 on time with one of its 9 required absent; one extraordinary meeting.
		if f := got[itoa(e.f.WardA)+" 2026-05"]; f.Cells != 2 || f.OnTime != 1 || f.NoMeeting != 1 || f.Present != 8 || f.Required != 9 || f.Extra != 1 {
			t.Errorf("ward A May: %+v", f)
		}

		// A reorganization with an effective date moves the figures of the
		// months from then on to the new parent, and only those.
		if err := e.os.Move(ctx, actor, e.f.CellB1, e.f.WardA, party.D(2026, 6, 1), 0); err != nil {
			t.Fatal(err)
		}
		verify(t, e.ov)
		_ = db.View(ctx, func(tx *store.Tx) error {
			months, _ = tx.OrgMonths(ctx, []int64{e.f.WardA, e.f.WardB}, "2026-05", "2026-06")
			return nil
		})
		got = map[string]store.MonthFigures{}
		for _, m := range months {
			got[itoa(m.OrgID)+" "+m.Period] = m.MonthFigures
		}
		if got[itoa(e.f.WardB)+" 2026-05"].Cells != 1 || got[itoa(e.f.WardA)+" 2026-06"].Cells != 3 || got[itoa(e.f.WardB)+" 2026-06"].Cells != 0 {
			t.Errorf("after the move: %+v", got)
		}

		// Evaluations and formalism findings flow into the figures too.
		id := e.hold(t, e.f.CellA2, party.ThuongKy, party.D(2026, 6, 4), june)
		if _, err := e.qs.Evaluate(ctx, actor, id, quality.BySelf, nil); err != nil {
			t.Fatal(err)
		}
		verify(t, e.ov)

		// Rebuilding from scratch gives the same figures.
		if err := e.ov.Rebuild(ctx, nil); err != nil {
			t.Fatal(err)
		}
		verify(t, e.ov)
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
