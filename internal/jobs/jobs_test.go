package jobs_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chibo/internal/jobs"
	"chibo/internal/mail"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

func TestEachJobRunsOnceAcrossRunners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			for i := 0; i < 40; i++ {
				if _, err := jobs.Enqueue(ctx, tx, "count", "count:"+string(rune('a'+i%26))+string(rune('A'+i/26)), map[string]int{"i": i}, now); err != nil {
					return err
				}
			}
			// The same key again is ignored.
			created, err := jobs.Enqueue(ctx, tx, "count", "count:aA", nil, now)
			if created {
				t.Error("a duplicate key created a second job")
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var runs atomic.Int64
		var mu sync.Mutex
		seen := map[int64]int{}
		handler := func(ctx context.Context, tx *store.Tx, j store.Job) error {
			runs.Add(1)
			mu.Lock()
			seen[j.ID]++
			mu.Unlock()
			return nil
		}
		var wg sync.WaitGroup
		for w := 0; w < 3; w++ {
			r := jobs.NewRunner(db, nil)
			r.Worker = "worker-" + string(rune('1'+w))
			r.Now = func() time.Time { return now }
			r.Handlers["count"] = handler
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 5; i++ {
					if _, err := r.RunDue(ctx); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		if runs.Load() != 40 {
			t.Errorf("%d runs for 40 jobs", runs.Load())
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("job %d ran %d times", id, n)
			}
		}
	})
}

func TestFailedJobsRetryThenGiveUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)
		_ = db.Update(ctx, store.System, func(tx *store.Tx) error {
			_, err := jobs.Enqueue(ctx, tx, "flaky", "flaky:1", nil, now)
			return err
		})
		r := jobs.NewRunner(db, nil)
		r.Now = func() time.Time { return now }
		calls := 0
		r.Handlers["flaky"] = func(ctx context.Context, tx *store.Tx, j store.Job) error {
			calls++
			return errors.New("smtp down")
		}
		for i := 0; i < 12; i++ {
			_, _ = r.RunDue(ctx)
			now = now.Add(2 * time.Hour) // past every backoff
		}
		var pending, done, failed int
		_ = db.View(ctx, func(tx *store.Tx) error {
			var err error
			pending, done, failed, err = tx.JobCounts(ctx)
			return err
		})
		if calls != 8 || failed != 1 || pending != 0 || done != 0 {
			t.Errorf("calls %d, pending %d, done %d, failed %d", calls, pending, done, failed)
		}
	})
}

func TestEmailJob(t *testing.T) {
	db := storetest.NewSQLite(t)
	ctx := context.Background()
	m := &mail.Memory{}
	_ = db.Update(ctx, store.System, func(tx *store.Tx) error {
		_, err := jobs.Enqueue(ctx, tx, "email", "email:1", mail.Message{To: []string{"an@example.vn"}, Subject: "Thông báo sinh hoạt", Text: "Ngày 05/6"}, time.Now())
		return err
	})
	r := jobs.NewRunner(db, nil)
	r.Handlers["email"] = jobs.Email(m)
	if n, err := r.RunDue(ctx); err != nil || n != 1 {
		t.Fatalf("ran %d, %v", n, err)
	}
	if sent := m.Sent(); len(sent) != 1 || sent[0].Subject != "Thông báo sinh hoạt" {
		t.Errorf("sent %+v", sent)
	}
}
