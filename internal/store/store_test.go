package store_test

import (
	"context"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

func TestOpenMigratesBothEngines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.Ping(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		err := db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM cell_types`).Scan(&n)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(party.DefaultCellTypes) {
			t.Fatalf("cell types = %d, want %d", n, len(party.DefaultCellTypes))
		}
	})
}

// Dates travel as YYYY-MM-DD on both engines: text on SQLite, date on
// PostgreSQL, and compare as dates in SQL.
func TestDateRoundTripAndCompare(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		d := party.MustISO("2026-02-28")
		var got party.Date
		var before bool
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `INSERT INTO orgs (code, kind, name, name_fold, name_sort, path, created_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				"T1", "dang_bo_tinh", "Thử", "thu", "thu", "/1/", d); err != nil {
				return err
			}
			if err := tx.QueryRow(ctx, `SELECT created_on FROM orgs WHERE code = $1`, "T1").Scan(&got); err != nil {
				return err
			}
			return tx.QueryRow(ctx, `SELECT count(*) > 0 FROM orgs WHERE created_on < $1`, party.MustISO("2026-03-01")).Scan(&before)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got != d || !before {
			t.Fatalf("got %v (before=%v), want %v", got, before, d)
		}
	})
}
