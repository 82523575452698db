package store_test

import (
	"context"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// ReplaceRoll writes only what changed, and what is stored afterwards is
// exactly the roll given: changed rows updated, new ones added, missing
// ones removed.
func TestReplaceRollStoresExactlyTheRollGiven(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		ids := make([]int64, 0, 4)
		for _, n := range testfix.CellA1Names[:4] {
			ids = append(ids, f.Members[n])
		}
		row := func(i int, pos int, st party.AttendanceStatus) store.RollRow {
			return store.RollRow{MemberID: ids[i], Position: pos, FullName: testfix.CellA1Names[i], Full: true, Editable: true, Status: st}
		}
		first := []store.RollRow{row(0, 1, party.CoMat), row(1, 2, ""), row(2, 3, party.VangKhongLyDo)}
		second := []store.RollRow{row(3, 1, party.CoMat), row(1, 2, party.CoMat), row(2, 3, party.VangKhongLyDo)}
		var meeting int64
		var before, after int64
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			rs := party.DefaultRuleSets()[0]
			if err := tx.PutRuleSet(ctx, rs, false); err != nil {
				return err
			}
			var err error
			meeting, err = tx.InsertMeeting(ctx, store.Meeting{OrgID: f.CellA1, Kind: party.ThuongKy, Period: party.MonthPeriod(2026, 3),
				Date: party.D(2026, 3, 5), StartsAt: party.D(2026, 3, 5).At(19, 30), Status: party.DuKien, RuleSet: rs.Code})
			if err != nil {
				return err
			}
			if err := tx.ReplaceRoll(ctx, meeting, nil, first); err != nil {
				return err
			}
			stored, err := tx.Roll(ctx, meeting)
			if err != nil {
				return err
			}
			before = db.Statements()
			if err := tx.ReplaceRoll(ctx, meeting, stored, second); err != nil {
				return err
			}
			after = db.Statements()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Member 0 removed, member 3 added, member 1 changed, member 2 kept.
		if n := after - before; n != 3 {
			t.Errorf("statements for the second roll = %d, want 3 (delete, update, insert)", n)
		}
		var got []store.RollRow
		if err := db.View(ctx, func(tx *store.Tx) (err error) { got, err = tx.Roll(ctx, meeting); return err }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(second) {
			t.Fatalf("roll = %+v, want %+v", got, second)
		}
		for i := range second {
			if got[i] != second[i] {
				t.Errorf("row %d = %+v, want %+v", i, got[i], second[i])
			}
		}
	})
}

// The committees' sums a transaction adds are merged and written just
// before it commits; a read in the same transaction sees them, a rolled
// back transaction leaves nothing, and a cleared table forgets them.
func TestCommitteeSumsAreWrittenAtCommit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		one := store.MonthFigures{Cells: 1, OnTime: 1, Present: 9, Required: 10, Tot: 1, Complete: 1}
		read := func(tx *store.Tx) store.MonthFigures {
			t.Helper()
			ms, err := tx.OrgMonths(ctx, []int64{f.District}, "2026-03", "2026-03")
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) == 0 {
				return store.MonthFigures{}
			}
			return ms[0].MonthFigures
		}
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			for _, o := range []int64{f.City, f.District} {
				if err := tx.AddOrgMonth(ctx, o, "2026-03", one); err != nil {
					return err
				}
				if err := tx.AddOrgMonth(ctx, o, "2026-03", one); err != nil {
					return err
				}
				if err := tx.AddOrgQuarter(ctx, o, "2026-Q1", 1, 1, 0); err != nil {
					return err
				}
			}
			if got, want := read(tx), one.Add(one); got != want {
				t.Errorf("read in the transaction = %+v, want %+v", got, want)
			}
			return tx.AddOrgMonth(ctx, f.District, "2026-03", store.MonthFigures{}.Sub(one))
		})
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			if got := read(tx); got != one {
				t.Errorf("after commit = %+v, want %+v", got, one)
			}
			qs, err := tx.OrgQuarters(ctx, []int64{f.City}, "2026-Q1", "2026-Q1")
			if err != nil {
				return err
			}
			if len(qs) != 1 || qs[0].Cells != 1 || qs[0].Held != 1 {
				t.Errorf("quarters = %+v, want one with 1 cell and 1 held", qs)
			}
			if err := tx.AddOrgMonth(ctx, f.District, "2026-03", one); err != nil {
				return err
			}
			return party.RuleError("test.rollback")
		})
		if err == nil {
			t.Fatal("want the rollback error")
		}
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			if got := read(tx); got != one {
				t.Errorf("after rollback = %+v, want %+v", got, one)
			}
			if err := tx.AddOrgMonth(ctx, f.District, "2026-03", one); err != nil {
				return err
			}
			if err := tx.ClearSummaries(ctx); err != nil {
				return err
			}
			if got := read(tx); got != (store.MonthFigures{}) {
				t.Errorf("after clearing = %+v, want nothing", got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// The changes mark stays while nothing is written and moves with every
// committed write: this server's, and another process's (a second handle
// on the same database stands for it).
func TestChangesMarkMovesWithEveryCommittedWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		mark := func(db *store.DB) string {
			t.Helper()
			m, err := db.Changes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		write := func(db *store.DB, name string) {
			t.Helper()
			if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
				_, err := tx.Exec(ctx, `UPDATE orgs SET name = $1 WHERE id = $2`, name, f.CellA1)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		m0 := mark(db)
		if err := db.View(ctx, func(tx *store.Tx) error { _, err := tx.Org(ctx, f.CellA1); return err }); err != nil {
			t.Fatal(err)
		}
		// On PostgreSQL the snapshot is the cluster's: other databases'
		// writes (other test packages) move it too, which costs a cached
		// page, never correctness.
		if m := mark(db); m != m0 && db.Engine == store.SQLite {
			t.Errorf("a read moved the mark: %q → %q", m0, m)
		}
		write(db, "Chi bộ A1 mới")
		m1 := mark(db)
		if m1 == m0 {
			t.Errorf("a write left the mark at %q", m0)
		}
		if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `UPDATE orgs SET name = $1 WHERE id = $2`, "bỏ", f.CellA1); err != nil {
				return err
			}
			return party.RuleError("test.rollback")
		}); err == nil {
			t.Fatal("want the rollback error")
		}
		other, err := store.Open(ctx, db.DSN, store.Options{NoMigrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		write(other, "Chi bộ A1 khác")
		if m := mark(db); m == m1 {
			t.Errorf("another process's write left the mark at %q", m1)
		}
	})
}
