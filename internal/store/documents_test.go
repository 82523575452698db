package store_test

import (
	"context"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// countsByCell reads the kept aggregates and counts the same from the
// rows, cell by cell: current members of each home cell, and those of them
// who acknowledged doc.
func countsByCell(t *testing.T, db *store.DB, doc int64) (kept, counted map[int64][2]int) {
	t.Helper()
	ctx := context.Background()
	kept, counted = map[int64][2]int{}, map[int64][2]int{}
	err := db.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT cm.org_id, cm.members, coalesce(ac.acked, 0) FROM member_counts cm
			LEFT JOIN ack_counts ac ON ac.org_id = cm.org_id AND ac.document_id = $1`, doc)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var m, a int
			if err := rows.Scan(&id, &m, &a); err != nil {
				rows.Close()
				return err
			}
			if m != 0 || a != 0 {
				kept[id] = [2]int{m, a}
			}
		}
		rows.Close()
		rows, err = tx.Query(ctx, `SELECT m.org_id, count(*), count(a.member_id) FROM members m
			LEFT JOIN acknowledgements a ON a.member_id = m.id AND a.document_id = $1 WHERE m.left_on IS NULL GROUP BY m.org_id`, doc)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var m, a int
			if err := rows.Scan(&id, &m, &a); err != nil {
				return err
			}
			counted[id] = [2]int{m, a}
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return kept, counted
}

func sameCounts(t *testing.T, step string, db *store.DB, doc int64) map[int64][2]int {
	t.Helper()
	kept, counted := countsByCell(t, db, doc)
	if len(kept) != len(counted) {
		t.Errorf("%s: kept counts for %d cells, rows give %d: %v vs %v", step, len(kept), len(counted), kept, counted)
	}
	for id, c := range counted {
		if kept[id] != c {
			t.Errorf("%s: cell %d kept %v, rows give %v", step, id, kept[id], c)
		}
	}
	return kept
}

// The aggregates behind coverage stay exact whoever writes: members added,
// moved to another cell, leaving and coming back; acknowledgements added
// and removed. A member who moves takes their acknowledgement along.
func TestCoverageAggregatesFollowEveryWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fix := testfix.New(t, db)
		var doc int64
		an := fix.Members["Nguyễn Văn An"]
		binh := fix.Members["Trần Thị Bình"]
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			var err error
			doc, err = tx.InsertDocument(ctx, store.Document{IssuerID: fix.District, Number: "11-ĐA/QU", Kind: "de_an", Title: "Đề án thử", IssuedOn: party.D(2026, 6, 1)})
			if err != nil {
				return err
			}
			for _, m := range []int64{an, binh} {
				if _, err := tx.InsertAck(ctx, doc, m, tx.Now); err != nil {
					return err
				}
			}
			// A second acknowledgement changes nothing.
			_, err = tx.InsertAck(ctx, doc, an, tx.Now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		kept := sameCounts(t, "after acknowledging", db, doc)
		if kept[fix.CellA1] != [2]int{10, 2} {
			t.Errorf("cell A1 = %v, want 10 members, 2 acknowledged", kept[fix.CellA1])
		}
		// Bình moves to cell B1 and takes her acknowledgement along.
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			return tx.MoveMember(ctx, binh, fix.CellB1, party.D(2026, 6, 10))
		})
		if err != nil {
			t.Fatal(err)
		}
		kept = sameCounts(t, "after a transfer", db, doc)
		if kept[fix.CellA1] != [2]int{9, 1} || kept[fix.CellB1] != [2]int{5, 1} {
			t.Errorf("after the transfer A1 = %v, B1 = %v", kept[fix.CellA1], kept[fix.CellB1])
		}
		// An leaves the Party organization, then the record is corrected.
		for _, left := range []party.Date{party.D(2026, 6, 12), {}} {
			err = db.Update(ctx, store.System, func(tx *store.Tx) error {
				m, err := tx.Member(ctx, an)
				if err != nil {
					return err
				}
				m.LeftOn = left
				return tx.UpdateMember(ctx, m)
			})
			if err != nil {
				t.Fatal(err)
			}
			sameCounts(t, "after leaving "+left.ISO(), db, doc)
		}
		// A new member, and an acknowledgement withdrawn.
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			if _, err := tx.InsertMember(ctx, party.Member{OrgID: fix.CellA2, FullName: "Đinh Văn Mới", JoinedOn: party.D(2020, 1, 1)}, party.Date{}); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `DELETE FROM acknowledgements WHERE document_id = $1 AND member_id = $2`, doc, an)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		kept = sameCounts(t, "after a new member and a withdrawal", db, doc)
		if kept[fix.CellA1] != [2]int{9, 0} || kept[fix.CellA2] != [2]int{4, 0} {
			t.Errorf("A1 = %v, A2 = %v", kept[fix.CellA1], kept[fix.CellA2])
		}
	})
}

// "A document number already used by the same issuer and year" is
// refused, with the message beside the number; another year or another
// issuer may use it.
func TestDocumentNumberUniquePerIssuerAndYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fix := testfix.New(t, db)
		insert := func(issuer int64, number string, d party.Date) error {
			return db.Update(ctx, store.System, func(tx *store.Tx) error {
				_, err := tx.InsertDocument(ctx, store.Document{IssuerID: issuer, Number: number, Kind: "ke_hoach", Title: "Kế hoạch", IssuedOn: d})
				return err
			})
		}
		if err := insert(fix.District, "05-KH/QU", party.D(2026, 3, 1)); err != nil {
			t.Fatal(err)
		}
		err := insert(fix.District, "05-kh/qu", party.D(2026, 5, 1))
		e, ok := party.AsError(err)
		if !ok || e.Code != party.EConflict || e.Fields["number"].Key != "doc.number_taken" {
			t.Fatalf("same number, issuer and year: %v", err)
		}
		if err := insert(fix.District, "05-KH/QU", party.D(2025, 3, 1)); err != nil {
			t.Errorf("same number another year: %v", err)
		}
		if err := insert(fix.WardA, "05-KH/QU", party.D(2026, 3, 1)); err != nil {
			t.Errorf("same number another issuer: %v", err)
		}
	})
}
