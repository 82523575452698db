package app

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"chibo/internal/jobs"
	"chibo/internal/mail"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Runner builds the background job runner of a server: e-mail, the daily
// upkeep of the summaries, and the formalism pass after each month and
// quarter closes. Several servers may run one each: the scheduler's jobs
// carry unique keys (one per day or period), so each runs once.
func (s *Services) Runner(log *slog.Logger, mailer mail.Mailer) *jobs.Runner {
	r := jobs.NewRunner(s.DB, log)
	r.Now = s.Now
	r.Handlers["email"] = jobs.Email(mailer)
	r.Handlers["summaries.ensure"] = func(ctx context.Context, tx *store.Tx, j store.Job) error {
		_, err := s.Oversight.EnsureMonths(ctx)
		return err
	}
	r.Handlers["formalism.scan"] = func(ctx context.Context, tx *store.Tx, j store.Job) error {
		var p struct{ Period string }
		if err := json.Unmarshal([]byte(j.Payload), &p); err != nil {
			return err
		}
		period, err := party.ParsePeriod(p.Period)
		if err != nil {
			return err
		}
		_, err = s.Quality.Scan(ctx, store.System, period)
		return err
	}
	var last time.Time
	r.Before = func(ctx context.Context, now time.Time) error {
		if now.Sub(last) < time.Minute {
			return nil
		}
		last = now
		return s.schedule(ctx, now)
	}
	return r
}

// schedule enqueues what has fallen due; unique keys make it idempotent.
func (s *Services) schedule(ctx context.Context, now time.Time) error {
	today := party.DateOf(now)
	prevMonth := party.MonthOf(today).Prev()
	prevQuarter := party.QuarterOf(today).Prev()
	return s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		if _, err := jobs.Enqueue(ctx, tx, "summaries.ensure", "summaries.ensure:"+today.ISO(), nil, now); err != nil {
			return err
		}
		for _, p := range []party.Period{prevMonth, prevQuarter} {
			if _, err := jobs.Enqueue(ctx, tx, "formalism.scan", "formalism.scan:"+p.String(), map[string]string{"Period": p.String()}, now); err != nil {
				return err
			}
		}
		return nil
	})
}
