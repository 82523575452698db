// Package demo generates a realistic, deterministic demo organization: the
// district of Long Biên (Hà Nội) with its wards, about 300 cells and 9,000
// members, or the whole city (30 districts, about 20,000 cells and 500,000
// members) for benchmarks; each with three years of cell meetings, their
// roll, votes, minutes and evaluations.
//
// Generation is a pipeline of stages (organizations → members → states →
// roles → accounts → meetings). Each stage first builds its part of a
// World in memory, reading what earlier stages made, then every stage's
// rows are written in one bulk load; the meetings, too many to hold for a
// city, are made batch by batch as they are written (meetload.go). Each
// stage draws from its own random streams (per district or per cell,
// seeded by Options.Seed), so that a stage added later changes nothing
// that the earlier stages give. After the load the application's own
// services derive what it keeps from the records (after.go).
package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Scale is the size of the demo.
type Scale string

const (
	District Scale = "district"
	City     Scale = "city"
)

// Options tune Generate.
type Options struct {
	Scale    Scale
	Seed     int64
	Progress io.Writer  // progress bars (standard error); nil for none
	Today    party.Date // the demo's today; zero is today in Vietnam

	// SearchLater leaves the search index to the caller, who builds it
	// with search.Service.Reindex once the server answers (serve --demo:
	// the index of a district's minutes takes a minute or more, and the
	// rest of the demo is usable meanwhile).
	SearchLater bool

	// noSearchIndex leaves the search index unbuilt (for tests), and scanMonths > 0
	// runs the formalism pass over the last scanMonths months only: for
	// tests, which look at a part of what these take long to make.
	noSearchIndex bool
	scanMonths    int
}

// Account is a demo login printed for people to try.
type Account struct {
	Role, Username, Password, Note string
}

// stage is one step of the pipeline: gen builds its part of the world,
// tables gives the rows it writes. A stage too large to hold in memory
// (the meetings) streams its rows with load instead of tables.
type stage struct {
	name   string
	gen    func(*World) error
	tables func(*World) []table
	load   func(ctx context.Context, w *World, l *store.Loader, progress io.Writer) error
}

// pipeline lists the stages in order; a later stage reads what the earlier
// ones made. A stage's random streams are named after it (World.rng), so
// a new stage, appended here, leaves the data of the others as they were.
var pipeline = []stage{
	{"orgs", genOrgs, orgTables, nil},
	{"members", genMembers, memberTables, nil},
	{"states", genStates, stateTables, nil},
	{"roles", genRoles, roleTables, nil},
	{"accounts", genAccounts, accountTables, nil},
	{"meetings", genMeetings, nil, loadMeetings},
}

// Generate fills an empty database (one without organizations) with the
// demo and returns the accounts to print. It refuses a database that has
// organizations already.
func Generate(ctx context.Context, db *store.DB, opt Options) ([]Account, error) {
	w, err := generate(ctx, db, opt)
	if err != nil {
		return nil, err
	}
	return w.Accounts, nil
}

// LoadIfEmpty generates the demo when the database holds no organization;
// otherwise it returns the demo accounts that exist in the database, and
// loaded is false.
func LoadIfEmpty(ctx context.Context, db *store.DB, opt Options) (accts []Account, loaded bool, err error) {
	empty, err := db.IsEmpty(ctx)
	if err != nil {
		return nil, false, err
	}
	if !empty {
		accts, err := existingAccounts(ctx, db)
		return accts, false, err
	}
	accts, err = Generate(ctx, db, opt)
	return accts, err == nil, err
}

// generate runs the pipeline and writes the world.
func generate(ctx context.Context, db *store.DB, opt Options) (*World, error) {
	w, err := build(opt)
	if err != nil {
		return nil, err
	}
	empty, err := db.IsEmpty(ctx)
	if err != nil {
		return nil, err
	}
	if !empty {
		return nil, party.RuleError("demo.not_empty")
	}
	if err := w.existingUsers(ctx, db); err != nil {
		return nil, err
	}
	// The rule sets, score sheets and topics the meetings refer to are
	// written by the application's own code, before the load.
	if err := w.storedDefaults(ctx, db); err != nil {
		return nil, err
	}
	gen := newBar(opt.Progress, "Tạo dữ liệu", len(pipeline))
	for i, s := range pipeline {
		if err := s.gen(w); err != nil {
			return nil, fmt.Errorf("demo: %s: %w", s.name, err)
		}
		gen.Set(i + 1)
	}
	gen.Done()
	if w.hash, err = auth.HashPassword(DemoPassword); err != nil {
		return nil, err
	}
	err = db.BulkLoad(ctx, func(l *store.Loader) error {
		for _, s := range pipeline {
			if s.load != nil {
				if err := s.load(ctx, w, l, opt.Progress); err != nil {
					return fmt.Errorf("demo: %s: %w", s.name, err)
				}
				continue
			}
			for _, t := range s.tables(w) {
				b := newBar(opt.Progress, t.label, t.n)
				t.Progress = b.Set
				if _, err := l.Insert(ctx, t.BulkTable); err != nil {
					return err
				}
				b.Done()
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = db.Update(ctx, store.System, func(tx *store.Tx) error {
		return tx.Audit(ctx, "demo", "system", 0, w.Root.ID, nil, map[string]any{
			"scale": w.Scale, "seed": w.Seed, "today": w.Today, "orgs": len(w.Orgs), "members": len(w.Members), "users": len(w.Users),
			"meetings": w.Made.Meetings})
	})
	if err != nil {
		return nil, err
	}
	// What the application derives from the records: formalism flags,
	// the summaries, the search index.
	return w, w.afterLoad(ctx, db, opt)
}

// build makes the world in memory without a database: the pipeline's gen
// steps only (used by generate, and by tests that look at the data).
func build(opt Options) (*World, error) {
	if opt.Scale == "" {
		opt.Scale = District
	}
	if opt.Scale != District && opt.Scale != City {
		return nil, fmt.Errorf("demo: unknown scale %q", opt.Scale)
	}
	if opt.Today.IsZero() {
		opt.Today = party.DateOf(time.Now())
	}
	w := &World{Scale: opt.Scale, Seed: opt.Seed, Today: opt.Today, firstUserID: 1, takenNames: map[string]bool{}}
	w.Made.Grades = map[party.Grade]int{}
	w.shippedDefaults()
	return w, nil
}

// existingUsers notes the accounts already in the database (an
// administrator made before the demo): their names are kept, their ids
// skipped.
func (w *World) existingUsers(ctx context.Context, db *store.DB) error {
	return db.View(ctx, func(tx *store.Tx) error {
		us, err := tx.Users(ctx, "", 1_000_000)
		for _, u := range us {
			w.takenNames[u.Username] = true
			w.firstUserID = max(w.firstUserID, u.ID+1)
		}
		return err
	})
}

// demoUsers are the accounts Generate prints, in its order.
var demoUsers = []string{"admin", "thanhuy", "bantochuc", "bode", "bithu", "dangvien"}

// existingAccounts describes the demo accounts found in a filled database.
func existingAccounts(ctx context.Context, db *store.DB) ([]Account, error) {
	var out []Account
	err := db.View(ctx, func(tx *store.Tx) error {
		for _, name := range demoUsers {
			u, err := tx.UserByName(ctx, name)
			if err == store.ErrNoUser {
				continue
			}
			if err != nil {
				return err
			}
			var org, parent, member string
			if u.OrgID != 0 {
				o, err := tx.Org(ctx, u.OrgID)
				if err != nil {
					return err
				}
				org = o.Name
				if o.ParentID != 0 {
					p, err := tx.Org(ctx, o.ParentID)
					if err != nil {
						return err
					}
					parent = p.Name
				}
			}
			if u.MemberID != 0 {
				m, err := tx.Member(ctx, u.MemberID)
				if err != nil {
					return err
				}
				member = m.FullName
			}
			pw := DemoPassword
			if !auth.CheckPassword(u.PasswordHash, DemoPassword) {
				pw = "(đã đổi)"
			}
			out = append(out, Account{Role: u.Role, Username: u.Username, Password: pw, Note: noteFor(u.Role, u.Username, u.DisplayName, org, parent, member)})
		}
		return nil
	})
	return out, err
}
