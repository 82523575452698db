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
	"chibo/internal/quality"
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
}

// Wire builds the services on db with clock now (time.Now when nil) and
// connects their hooks: a meeting write updates the evaluation totals and
// then the summaries; an evaluation or a formalism finding updates the
// summaries; a reorganization moves the summaries under the new parents.
// extra meeting hooks (the search index) run first.
func Wire(db *store.DB, now func() time.Time, extra ...meetings.Hook) *Services {
	if now == nil {
		now = time.Now
	}
	s := &Services{DB: db, Now: now,
		Accounts: &accounts.Service{DB: db, Now: now},
		Orgs:     &orgs.Service{DB: db, Now: now},
		Members:  &members.Service{DB: db, Now: now},
		Meetings: &meetings.Service{DB: db, Now: now},
	}
	s.Quality = &quality.Service{DB: db, Now: now, Meetings: s.Meetings}
	s.Oversight = &oversight.Service{DB: db, Now: now, Meetings: s.Meetings}
	s.Meetings.Hooks = append(append(s.Meetings.Hooks, extra...), s.Quality.MeetingHook(), s.Oversight.MeetingHook())
	s.Quality.Hooks = append(s.Quality.Hooks, s.Oversight.MeetingHook())
	s.Orgs.Changed = append(s.Orgs.Changed, s.Oversight.OrgHook())
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
