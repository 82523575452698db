package store_test

import (
	"context"
	"fmt"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// InsertMembers (an import) writes more than one batch, answers the ids in
// the order given, makes each a member of their cell from the day they
// joined, keeps the cell's member count, and refuses a card number taken.
func TestInsertMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fix := testfix.New(t, db)
		var before int
		count := func() (n int) {
			err := db.View(ctx, func(tx *store.Tx) error {
				ms, err := tx.MembersOf(ctx, fix.CellA2, false)
				n = len(ms)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		before = count()
		var ms []party.Member
		for i := range 1234 {
			ms = append(ms, party.Member{OrgID: fix.CellA2, FullName: fmt.Sprintf("Nguyễn Văn Số %d", i), CardNumber: fmt.Sprintf("0%08d", i),
				JoinedOn: party.D(2000+i%20, 3, 1+i%28), OfficialOn: party.D(2001+i%20, 3, 1)})
		}
		var ids []int64
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			var err error
			ids, err = tx.InsertMembers(ctx, ms)
			return err
		})
		if err != nil || len(ids) != len(ms) {
			t.Fatalf("inserted %d ids, %v", len(ids), err)
		}
		if got := count(); got != before+len(ms) {
			t.Errorf("cell has %d members, want %d", got, before+len(ms))
		}
		for _, i := range []int{0, 499, 500, 1233} {
			var m party.Member
			var from party.Date
			err := db.View(ctx, func(tx *store.Tx) error {
				var err error
				if m, err = tx.Member(ctx, ids[i]); err != nil {
					return err
				}
				return tx.QueryRow(ctx, `SELECT valid_from FROM memberships WHERE member_id = $1`, ids[i]).Scan(&from)
			})
			if err != nil {
				t.Fatal(err)
			}
			if m.FullName != ms[i].FullName || m.CardNumber != ms[i].CardNumber || from != ms[i].JoinedOn {
				t.Errorf("member %d: %q card %q from %v, want %q %q %v", i, m.FullName, m.CardNumber, from, ms[i].FullName, ms[i].CardNumber, ms[i].JoinedOn)
			}
		}
		if db.Engine == store.Postgres {
			var n int
			err := db.View(ctx, func(tx *store.Tx) error {
				return tx.QueryRow(ctx, `SELECT members FROM member_counts WHERE org_id = $1`, fix.CellA2).Scan(&n)
			})
			if err != nil || n != before+len(ms) {
				t.Errorf("member_counts %d (%v), want %d", n, err, before+len(ms))
			}
		}
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			_, err := tx.InsertMembers(ctx, []party.Member{{OrgID: fix.CellA2, FullName: "Trần Thị Trùng", CardNumber: ms[7].CardNumber, JoinedOn: party.D(2020, 1, 1)}})
			return err
		})
		if party.ErrorCode(err) != party.EConflict {
			t.Errorf("a card number taken: %v, want a conflict", err)
		}
	})
}
