package store

import (
	"context"
	"time"
)

// Job is a durable background task.
type Job struct {
	ID        int64
	Kind      string
	UniqueKey string
	Payload   string
	RunAt     time.Time
	Attempts  int
	Max       int
}

// EnqueueJob creates a job unless one with the same unique key exists:
// whichever server (or however many times) asks, the job exists once.
func (tx *Tx) EnqueueJob(ctx context.Context, kind, key, payload string, runAt time.Time) (created bool, err error) {
	res, err := tx.Exec(ctx, `INSERT INTO jobs (kind, unique_key, payload, run_at, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (unique_key) DO NOTHING`,
		kind, key, payload, Unix(runAt), Unix(tx.Now))
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// ClaimJobs leases up to limit due jobs to worker until now+lease. On
// PostgreSQL, SKIP LOCKED lets several servers claim at once without
// taking the same job; on SQLite the writer lock does the same.
func (tx *Tx) ClaimJobs(ctx context.Context, worker string, now time.Time, lease time.Duration, limit int) ([]Job, error) {
	skip := ""
	if tx.Engine == Postgres {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	rows, err := tx.Query(ctx, `UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1
		WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 AND (locked_until IS NULL OR locked_until < $3)
			ORDER BY run_at, id LIMIT $4`+skip+`)
		RETURNING id, kind, unique_key, payload, run_at, attempts, max_attempts`,
		worker, now.Add(lease).Unix(), now.Unix(), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var j Job
		if err := rows.Scan(&j.ID, &j.Kind, &j.UniqueKey, &j.Payload, nullTime{&j.RunAt}, &j.Attempts, &j.Max); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// FinishJob marks a job done, if worker still holds its lease; ok is
// false when the lease was lost (another server took the job over).
func (tx *Tx) FinishJob(ctx context.Context, id int64, worker string) (ok bool, err error) {
	res, err := tx.Exec(ctx, `UPDATE jobs SET done_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2 AND locked_by = $3 AND done_at IS NULL`,
		Unix(tx.Now), id, worker)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// RetryJob records a failure; the job runs again at retryAt, or fails for
// good once its attempts are spent.
func (tx *Tx) RetryJob(ctx context.Context, j Job, worker, msg string, retryAt time.Time) error {
	if j.Attempts >= j.Max {
		_, err := tx.Exec(ctx, `UPDATE jobs SET failed_at = $1, last_error = $2, locked_until = NULL WHERE id = $3 AND locked_by = $4`, Unix(tx.Now), msg, j.ID, worker)
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE jobs SET run_at = $1, last_error = $2, locked_until = NULL WHERE id = $3 AND locked_by = $4`, Unix(retryAt), msg, j.ID, worker)
	return err
}

// JobCounts counts jobs by state (for the health page and tests).
func (tx *Tx) JobCounts(ctx context.Context) (pending, done, failed int, err error) {
	err = tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL), count(*) FILTER (WHERE done_at IS NOT NULL),
		count(*) FILTER (WHERE failed_at IS NOT NULL) FROM jobs`).Scan(&pending, &done, &failed)
	return
}
