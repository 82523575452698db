package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"regexp"
	"strconv"
	"strings"
)

// Bulk loading writes many rows fast into a database being filled (the
// demo generator). Rows carry explicit ids, so BulkLoad ends by moving
// PostgreSQL's identity sequences past them (ResetSequences).
//
// SQLite: multi-row INSERTs of about 200 rows through prepared statements,
// in one transaction on the writer connection, with synchronous=OFF and a
// large page cache for the duration of the load only. PostgreSQL: COPY
// (bulk_postgres.go). Either way a load is one transaction: it is all
// there, or nothing is.

// BulkTable is one table's rows for Loader.Insert.
type BulkTable struct {
	Name string
	Cols []string
	// Rows yields the values of each row, in the order of Cols. The slice
	// may be reused between rows. Values: strings, int64 or int, bool (for
	// boolean columns: SQLite stores 0/1), party.Date for dates (the zero
	// Date is NULL), int64 unix seconds for timestamps, nil for NULL.
	Rows iter.Seq[[]any]
	// Progress, when set, is told the number of rows written so far, once
	// per batch and at the end.
	Progress func(done int)
}

// Loader writes tables inside one BulkLoad.
type Loader struct {
	engine Engine
	lite   *sql.Tx
	pg     pgLoadTx
}

// BulkLoad runs fn with a Loader in one write transaction that commits
// when fn returns nil. Foreign keys stay checked, so referenced rows come
// first: parent tables before child tables, and within a table a parent
// row before the rows that point to it (SQLite checks each batch).
func (db *DB) BulkLoad(ctx context.Context, fn func(l *Loader) error) error {
	if db.Engine == Postgres {
		return db.bulkLoadPostgres(ctx, fn)
	}
	return db.bulkLoadSQLite(ctx, fn)
}

// Insert writes the rows of t and returns how many were written.
func (l *Loader) Insert(ctx context.Context, t BulkTable) (int, error) {
	if err := checkIdents(t.Name, t.Cols); err != nil {
		return 0, err
	}
	if l.engine == Postgres {
		return l.insertPostgres(ctx, t)
	}
	return l.insertSQLite(ctx, t)
}

// BulkInsert writes rows into table in one BulkLoad of its own.
func (db *DB) BulkInsert(ctx context.Context, table string, cols []string, rows [][]any) error {
	return db.BulkLoad(ctx, func(l *Loader) error {
		_, err := l.Insert(ctx, BulkTable{Name: table, Cols: cols, Rows: func(yield func([]any) bool) {
			for _, r := range rows {
				if !yield(r) {
					return
				}
			}
		}})
		return err
	})
}

// IsEmpty reports whether the database holds no organization: the test of
// "an empty database" for generators and first-run setup.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	var exists bool
	err := db.View(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM orgs)`).Scan(&exists)
	})
	return !exists, err
}

// ResetSequences moves every identity sequence past the largest id of its
// table, after rows were written with explicit ids. SQLite needs nothing:
// an INTEGER PRIMARY KEY always continues after the largest id.
func (db *DB) ResetSequences(ctx context.Context) error {
	if db.Engine != Postgres {
		return nil
	}
	return db.resetSequencesPostgres(ctx)
}

var identRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// checkIdents refuses table and column names that would need quoting:
// they are spliced into SQL.
func checkIdents(table string, cols []string) error {
	if !identRE.MatchString(table) {
		return fmt.Errorf("store: bulk: bad table name %q", table)
	}
	if len(cols) == 0 {
		return fmt.Errorf("store: bulk: no columns for %s", table)
	}
	for _, c := range cols {
		if !identRE.MatchString(c) {
			return fmt.Errorf("store: bulk: bad column name %q", c)
		}
	}
	return nil
}

// sqliteBatchRows is how many rows one INSERT carries: about 200, fewer
// for wide tables so as to stay under SQLite's 32766 parameters.
func sqliteBatchRows(cols int) int {
	return min(200, 32766/cols)
}

// loadCacheKiB is SQLite's page cache during a load (256 MiB): the
// indexes of a city's members then stay in memory while they grow.
const loadCacheKiB = 256 * 1024

func (db *DB) bulkLoadSQLite(ctx context.Context, fn func(l *Loader) error) (err error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var sync, cache int
	if err := conn.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
		return err
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return err
	}
	// A load into an empty database needs no durability until it is
	// done: a crash leaves a database to delete, not records to save.
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = OFF`); err != nil {
		return err
	}
	defer func() {
		_, e1 := conn.ExecContext(context.Background(), `PRAGMA synchronous = `+strconv.Itoa(sync))
		_, e2 := conn.ExecContext(context.Background(), `PRAGMA cache_size = `+strconv.Itoa(cache))
		if err == nil && e1 != nil {
			err = e1
		}
		if err == nil && e2 != nil {
			err = e2
		}
	}()
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -`+strconv.Itoa(loadCacheKiB)); err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&Loader{engine: SQLite, lite: tx}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Fold the write-ahead log into the database file now rather than
	// leaving hundreds of megabytes of it for the first reader.
	_, err = conn.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

func (l *Loader) insertSQLite(ctx context.Context, t BulkTable) (int, error) {
	n := 0
	ncol := len(t.Cols)
	batch := sqliteBatchRows(ncol)
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	exec := func(args []any) error {
		rows := len(args) / ncol
		st, ok := stmts[rows]
		if !ok {
			var err error
			if st, err = l.lite.PrepareContext(ctx, insertSQL(t.Name, t.Cols, rows)); err != nil {
				return err
			}
			stmts[rows] = st
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("store: bulk insert into %s: %w", t.Name, err)
		}
		n += rows
		if t.Progress != nil {
			t.Progress(n)
		}
		return nil
	}
	args := make([]any, 0, batch*ncol)
	for row := range t.Rows {
		if len(row) != ncol {
			return n, fmt.Errorf("store: bulk insert into %s: %d values for %d columns", t.Name, len(row), ncol)
		}
		args = append(args, row...)
		if len(args) == cap(args) {
			if err := exec(args); err != nil {
				return n, err
			}
			args = args[:0]
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
	}
	if len(args) > 0 {
		if err := exec(args); err != nil {
			return n, err
		}
	}
	return n, nil
}

// insertSQL is "INSERT INTO t (a, b) VALUES (?,?),(?,?)…". Anonymous
// parameters, not $1: the driver looks up the name of every parameter it
// binds, and SQLite finds a numbered name by a linear search, which makes
// binding a statement of thousands of $n parameters quadratic.
func insertSQL(table string, cols []string, rows int) string {
	row := "(" + strings.Repeat("?,", len(cols)-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}
