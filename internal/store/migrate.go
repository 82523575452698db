package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Migrations, one folder per engine, embedded in the binary. A feature
// adds its own numbered file to both folders.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationsFS embed.FS

func (db *DB) migrationProvider() (*goose.Provider, error) {
	dir := "migrations/sqlite"
	dialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if db.Engine == Postgres {
		dir = "migrations/postgres"
		dialect = goose.DialectPostgres
		// Several app servers may start at once: one migrates, the
		// others wait on an advisory lock.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	sub, err := fs.Sub(migrationsFS, dir)
	if err != nil {
		return nil, err
	}
	// Features add their migrations in numbered files that may land in
	// any order during development; apply the missing ones regardless.
	opts = append(opts, goose.WithDisableGlobalRegistry(true), goose.WithAllowOutofOrder(true))
	return goose.NewProvider(dialect, db.w, sub, opts...)
}

// Migrate brings the schema up to date.
func (db *DB) Migrate(ctx context.Context) error {
	p, err := db.migrationProvider()
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate %s: %w", db.Engine, err)
	}
	return nil
}

// MigrationStatus lists applied and pending migrations (for `chibo migrate`).
func (db *DB) MigrationStatus(ctx context.Context) ([]string, error) {
	p, err := db.migrationProvider()
	if err != nil {
		return nil, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range st {
		out = append(out, fmt.Sprintf("%05d %-40s %s", s.Source.Version, s.Source.Path, s.State))
	}
	return out, nil
}

// MigrationFiles exposes the embedded migrations (for the test harness,
// which names template databases after their content).
func MigrationFiles() fs.FS { return migrationsFS }
