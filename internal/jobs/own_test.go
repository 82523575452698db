package jobs_test

import (
	"context"
	"testing"
	"time"

	"chibo/internal/jobs"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// A handler that opens its own write transaction runs outside the job's:
// on SQLite, inside it, it would wait forever for the one writer
// connection.
func TestOwnHandlersMayOpenTheirOwnTransactions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)
		if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			_, err := jobs.Enqueue(ctx, tx, "upkeep", "upkeep:1", nil, now)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		r := jobs.NewRunner(db, nil)
		r.Now = func() time.Time { return now }
		r.Own["upkeep"] = func(ctx context.Context, j store.Job) error {
			return db.Update(ctx, store.System, func(tx *store.Tx) error { return tx.PutSetting(ctx, "test.upkeep", j.UniqueKey) })
		}
		if n, err := r.RunDue(ctx); err != nil || n != 1 {
			t.Fatalf("ran %d, %v", n, err)
		}
		var v string
		_ = db.View(ctx, func(tx *store.Tx) error { v, _, _ = tx.Setting(ctx, "test.upkeep"); return nil })
		_, done, _, _ := counts(ctx, db)
		if v != "upkeep:1" || done != 1 {
			t.Errorf("setting %q, %d done", v, done)
		}
	})
}

func counts(ctx context.Context, db *store.DB) (pending, done, failed int, err error) {
	err = db.View(ctx, func(tx *store.Tx) error {
		pending, done, failed, err = tx.JobCounts(ctx)
		return err
	})
	return
}
