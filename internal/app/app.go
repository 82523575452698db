// Package app wires the feature services together, with the hooks that
// keep derived figures exact inside every write. The web server, the
// command line and the tests build the same graph from here.
package app

import (
	"context"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/meetings"
	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/oversight"
	"chibo/internal/plans"
	"chibo/internal/quality"
	"chibo/internal/review"
	"chibo/internal/search"
	"chibo/internal/store"
)

// Services are the use cases of Chibo over one database.
type Services struct {
	DB        *store.DB
	Now       func() time.Time
	Accounts  *accounts.Service
	Orgs      *orgs.Service
	Members   *members.Service
	Meetings  *meetings.Service
	Quality   *quality.Service
	Oversight *oversight.Service
	Search    *search.Service
	Plans     *plans.Service
	Review    *review.Service

	// ReminderHour is the hour (Vietnam time, 0–23) from which the day's
	// reminders are sent; nobody is woken at night. Wire sets 7.
	ReminderHour int
}

// Wire builds the services on db with clock now (time.Now when nil) and
// connects their hooks: a meeting write updates the evaluation totals and
// then the summaries; an evaluation or a formalism finding updates the
// summaries; a reorganization moves the summaries under the new parents.
// The search index follows meeting writes and reorganizations too. extra
// meeting hooks run after the index and before the evaluation totals.
func Wire(db *store.DB, now func() time.Time, extra ...meetings.Hook) *Services {
	if now == nil {
		now = time.Now
	}
	s := &Services{DB: db, Now: now, ReminderHour: 7,
		Accounts: &accounts.Service{DB: db, Now: now},
		Orgs:     &orgs.Service{DB: db, Now: now},
		Members:  &members.Service{DB: db, Now: now},
		Meetings: &meetings.Service{DB: db, Now: now},
	}
	s.Quality = &quality.Service{DB: db, Now: now, Meetings: s.Meetings}
	s.Oversight = &oversight.Service{DB: db, Now: now, Meetings: s.Meetings}
	s.Plans = &plans.Service{DB: db, Now: now, Oversight: s.Oversight}
	s.Review = &review.Service{DB: db, Now: now, Oversight: s.Oversight}
	s.Search = &search.Service{DB: db, Now: now}
	s.Meetings.Hooks = append(append(append(s.Meetings.Hooks, s.Search.MeetingHook()), extra...), s.Quality.MeetingHook(), s.Oversight.MeetingHook())
	s.Quality.Hooks = append(s.Quality.Hooks, s.Oversight.MeetingHook())
	s.Orgs.Changed = append(s.Orgs.Changed, s.Oversight.OrgHook(), s.Search.OrgHook())
	return s
}

// EnsureDefaults writes the shipped data a database needs (rule sets,
// score sheets, topics) when it is missing.
func (s *Services) EnsureDefaults(ctx context.Context) error {
	if err := s.Meetings.EnsureRuleSets(ctx); err != nil {
		return err
	}
	return s.Quality.EnsureDefaults(ctx)
}
