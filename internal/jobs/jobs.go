// Package jobs runs durable background work (e-mail, reminders) from the
// jobs table. Any number of app servers may run a Runner on one database:
// a job is claimed with a lease by one of them, and a job's effects in the
// database are committed with its completion, so each runs once.
package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"

	"chibo/internal/store"
)

// Handler does one job. Work in the database goes through tx, which
// commits together with the job's completion; work outside (sending an
// e-mail) happens before, so a crash in between repeats it at most once
// more (at-least-once for the outside world, exactly-once inside).
type Handler func(ctx context.Context, tx *store.Tx, j store.Job) error

// Runner claims and runs due jobs.
type Runner struct {
	DB       *store.DB
	Worker   string // unique per server process
	Handlers map[string]Handler
	Now      func() time.Time
	Log      *slog.Logger
	Lease    time.Duration
	// Before, if set, runs before each claim (the reminder scheduler
	// enqueues what has fallen due).
	Before func(ctx context.Context, now time.Time) error
	// Own are the handlers that open their own transactions (a long
	// computation, then a short write). They run outside the job's
	// transaction — on SQLite a write transaction opened inside another
	// waits forever for the one writer connection — and must be
	// idempotent: a crash between their commit and the job's completion
	// runs them again.
	Own map[string]func(ctx context.Context, j store.Job) error
}

// NewRunner returns a runner named after the host and process.
func NewRunner(db *store.DB, log *slog.Logger) *Runner {
	host, _ := os.Hostname()
	return &Runner{DB: db, Worker: fmt.Sprintf("%s-%d-%d", host, os.Getpid(), time.Now().UnixNano()%1e6),
		Handlers: map[string]Handler{}, Own: map[string]func(context.Context, store.Job) error{}, Now: time.Now, Log: log, Lease: 2 * time.Minute}
}

// Enqueue adds a job once (by its unique key) in the caller's transaction.
func Enqueue(ctx context.Context, tx *store.Tx, kind, key string, payload any, runAt time.Time) (bool, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return false, err
	}
	return tx.EnqueueJob(ctx, kind, key, string(b), runAt)
}

// RunDue claims the jobs due now and runs them; it returns how many ran.
func (r *Runner) RunDue(ctx context.Context) (int, error) {
	now := r.Now()
	if r.Before != nil {
		if err := r.Before(ctx, now); err != nil {
			return 0, err
		}
	}
	var claimed []store.Job
	err := r.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		var err error
		claimed, err = tx.ClaimJobs(ctx, r.Worker, now, r.Lease, 20)
		return err
	})
	if err != nil {
		return 0, err
	}
	ran := 0
	for _, j := range claimed {
		h, ok := r.Handlers[j.Kind]
		if own, isOwn := r.Own[j.Kind]; isOwn {
			if err := own(ctx, j); err != nil {
				r.fail(ctx, j, err)
				continue
			}
			h, ok = func(context.Context, *store.Tx, store.Job) error { return nil }, true
		}
		if !ok {
			r.fail(ctx, j, fmt.Errorf("no handler for job kind %q", j.Kind))
			continue
		}
		err := r.DB.Update(ctx, store.System, func(tx *store.Tx) error {
			if err := h(ctx, tx, j); err != nil {
				return err
			}
			done, err := tx.FinishJob(ctx, j.ID, r.Worker)
			if err != nil {
				return err
			}
			if !done {
				return errLeaseLost
			}
			return nil
		})
		switch {
		case err == errLeaseLost:
			r.logf("job lease lost", "id", j.ID)
		case err != nil:
			r.fail(ctx, j, err)
		default:
			ran++
		}
	}
	return ran, nil
}

var errLeaseLost = fmt.Errorf("jobs: lease lost")

// backoff is the wait before attempt n+1: 1, 2, 4 … minutes, at most an hour.
func backoff(attempts int) time.Duration {
	d := time.Minute << min(attempts-1, 6)
	return min(d, time.Hour)
}

func (r *Runner) fail(ctx context.Context, j store.Job, cause error) {
	r.logf("job failed", "id", j.ID, "kind", j.Kind, "attempt", j.Attempts, "err", cause)
	_ = r.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		return tx.RetryJob(ctx, j, r.Worker, cause.Error(), r.Now().Add(backoff(j.Attempts)))
	})
}

func (r *Runner) logf(msg string, args ...any) {
	if r.Log != nil {
		r.Log.Warn(msg, args...)
	}
}

// Loop runs due jobs every interval until ctx ends.
func (r *Runner) Loop(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := r.RunDue(ctx); err != nil && ctx.Err() == nil {
			r.logf("jobs", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
