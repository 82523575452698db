package app

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"time"

	"chibo/internal/jobs"
	"chibo/internal/mail"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Runner builds the background job runner of a server: e-mail, the daily
// upkeep of the summaries, the formalism pass after each month and
// quarter closes, and the daily reminders with their escalation. Several servers may run one each: the scheduler's jobs
// carry unique keys (one per day or period), so each runs once.
func (s *Services) Runner(log *slog.Logger, mailer mail.Mailer) *jobs.Runner {
	r := jobs.NewRunner(s.DB, log)
	r.Now = s.Now
	r.Handlers["email"] = jobs.Email(mailer)
	// These two open their own transactions (jobs.Runner.Own).
	r.Own["summaries.ensure"] = func(ctx context.Context, j store.Job) error {
		_, err := s.Oversight.EnsureMonths(ctx)
		return err
	}
	r.Own["formalism.scan"] = func(ctx context.Context, j store.Job) error {
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
	s.reminderHandlers(r)
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
		return scheduleReminders(ctx, tx, now, s.ReminderHour)
	})
}

// Reminders (issue 5, oversight): one pass a day, from hour (07:00 by
// default) Vietnam time, keyed by the day so that however many servers schedule it, it
// runs once. The pass sends the compliance reminders due that day and
// queues one job per committee of cells for the member warnings, also
// keyed by the day.
func scheduleReminders(ctx context.Context, tx *store.Tx, now time.Time, hour int) error {
	today := party.DateOf(now)
	runAt := today.At(hour, 0)
	if now.After(runAt) {
		runAt = now
	}
	_, err := jobs.Enqueue(ctx, tx, "reminders.scan", "reminders.scan:"+today.ISO(), map[string]string{"Day": today.ISO()}, runAt)
	return err
}

// reminderHandlers adds the handlers of the reminder jobs: their work is
// done in the job's transaction, so it commits with the job's completion.
func (s *Services) reminderHandlers(r *jobs.Runner) {
	day := func(j store.Job) (party.Date, error) {
		var p struct{ Day string }
		if err := json.Unmarshal([]byte(j.Payload), &p); err != nil {
			return party.Date{}, err
		}
		return party.ParseISO(p.Day)
	}
	r.Handlers["reminders.scan"] = func(ctx context.Context, tx *store.Tx, j store.Job) error {
		today, err := day(j)
		if err != nil {
			return err
		}
		if _, err := s.Oversight.SendDueReminders(ctx, tx, today); err != nil {
			return err
		}
		parents, err := tx.ParentsOfCells(ctx)
		if err != nil {
			return err
		}
		for _, p := range parents {
			key := "reminders.warnings:" + strconv.FormatInt(p, 10) + ":" + today.ISO()
			if _, err := jobs.Enqueue(ctx, tx, "reminders.warnings", key, map[string]any{"Day": today.ISO(), "Org": p}, s.Now()); err != nil {
				return err
			}
		}
		return nil
	}
	r.Handlers["reminders.warnings"] = func(ctx context.Context, tx *store.Tx, j store.Job) error {
		today, err := day(j)
		if err != nil {
			return err
		}
		var p struct{ Org int64 }
		if err := json.Unmarshal([]byte(j.Payload), &p); err != nil {
			return err
		}
		_, err = s.Oversight.SendWarningReminders(ctx, tx, p.Org, today)
		return err
	}
}
