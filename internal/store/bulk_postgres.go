package store

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"chibo/internal/party"
)

// PostgreSQL side of bulk loading: COPY … FROM STDIN (binary) through pgx,
// on one connection taken from the pool, in one transaction.

type pgLoadTx = pgx.Tx

// pgProgressEvery is how often (in rows) a COPY reports its progress.
const pgProgressEvery = 2000

func (db *DB) bulkLoadPostgres(ctx context.Context, fn func(l *Loader) error) error {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(context.Background()) // after Commit, a no-op
		if err := fn(&Loader{engine: Postgres, pg: tx}); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, resetSequencesSQL); err != nil {
			return fmt.Errorf("store: reset sequences: %w", err)
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
		// Fresh statistics, so that the first queries on the new rows
		// are planned well without waiting for autovacuum.
		_, err = c.Exec(ctx, `ANALYZE`)
		return err
	})
}

func (l *Loader) insertPostgres(ctx context.Context, t BulkTable) (int, error) {
	next, stop := iter.Pull(t.Rows)
	defer stop()
	n := 0
	vals := make([]any, len(t.Cols))
	src := pgx.CopyFromFunc(func() ([]any, error) {
		row, ok := next()
		if !ok {
			return nil, nil
		}
		if len(row) != len(vals) {
			return nil, fmt.Errorf("store: bulk insert into %s: %d values for %d columns", t.Name, len(row), len(vals))
		}
		for i, v := range row {
			vals[i] = pgCopyValue(v)
		}
		n++
		if t.Progress != nil && n%pgProgressEvery == 0 {
			t.Progress(n)
		}
		return vals, nil
	})
	copied, err := l.pg.CopyFrom(ctx, pgx.Identifier{t.Name}, t.Cols, src)
	if err != nil {
		return int(copied), fmt.Errorf("store: copy into %s: %w", t.Name, err)
	}
	if t.Progress != nil {
		t.Progress(int(copied))
	}
	return int(copied), nil
}

// pgCopyValue converts what COPY's binary encoding cannot take as it is:
// a party.Date (a driver.Valuer giving text) becomes a pgtype.Date.
func pgCopyValue(v any) any {
	if d, ok := v.(party.Date); ok {
		if d.IsZero() {
			return nil
		}
		return pgtype.Date{Time: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), Valid: true}
	}
	return v
}

// resetSequencesSQL moves each identity sequence of the current schema to
// one past the largest id of its table (to 1 when the table is empty).
const resetSequencesSQL = `DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'
	LOOP
		EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) FROM %I',
			r.table_name, r.column_name, r.column_name, r.table_name);
	END LOOP;
END $$`

func (db *DB) resetSequencesPostgres(ctx context.Context) error {
	_, err := db.w.ExecContext(ctx, resetSequencesSQL)
	return err
}
