// Package store is the only place with SQL. One set of hand-written,
// portable SQL serves both engines: SQLite (modernc.org/sqlite, pure Go, the
// embedded default) and PostgreSQL (pgx), with `$1` placeholders,
// ON CONFLICT and RETURNING. The few engine-specific parts live in files
// named *_sqlite.go / *_postgres.go or behind DB.Engine checks, and the
// schema lives in migrations/sqlite and migrations/postgres.
//
// Public methods open a transaction with View (read) or Update (write) and
// call methods of Tx, so that a use case composes several steps in one
// transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite"
)

// Engine names the database engine behind a DB.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is an open, migrated database.
type DB struct {
	Engine Engine
	DSN    string // as given (a file path or a postgres:// URL)
	// w runs write transactions; r runs reads. On SQLite w has one
	// connection, so writers queue in Go instead of spinning on the file
	// lock, while readers run in parallel under WAL. On PostgreSQL both
	// are the same pool.
	w, r *sql.DB
	// stmts caches prepared statements per pool on SQLite, where parsing
	// SQL is a third of the cost of a small query (pgx caches its own).
	stmts sync.Map // stmtKey → *sql.Stmt
	nstmt atomic.Int64
	// wmu makes SQLite writers take turns in Go instead of spinning on
	// the file lock.
	wmu sync.Mutex
	// statements counts the SQL statements run through transactions, for
	// benchmarks that report statements per use case.
	statements atomic.Int64
	watcher
}

// Statements is the number of SQL statements run so far.
func (db *DB) Statements() int64 { return db.statements.Load() }

type stmtKey struct {
	pool *sql.DB
	q    string
}

// maxStmts bounds the cache: queries built with IN lists of varying
// length would otherwise fill it.
const maxStmts = 2000

// prepared returns the cached statement for q on pool, preparing it once.
func (db *DB) prepared(ctx context.Context, pool *sql.DB, q string) *sql.Stmt {
	k := stmtKey{pool, q}
	if st, ok := db.stmts.Load(k); ok {
		return st.(*sql.Stmt)
	}
	if db.nstmt.Load() >= maxStmts {
		return nil
	}
	// Preparing takes a free connection of the pool; when none is free
	// (every one is inside a transaction), run the query unprepared
	// rather than wait, which could deadlock.
	pctx, cancel := context.WithTimeout(ctx, 2*time.Millisecond)
	defer cancel()
	st, err := pool.PrepareContext(pctx, q)
	if err != nil {
		return nil // the query itself reports any real error
	}
	if prev, loaded := db.stmts.LoadOrStore(k, st); loaded {
		st.Close()
		return prev.(*sql.Stmt)
	}
	db.nstmt.Add(1)
	return st
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Options tune Open.
type Options struct {
	// NoMigrate skips running migrations (for tools that only read).
	NoMigrate bool
	// Synchronous is SQLite's PRAGMA synchronous; default FULL: a
	// committed write survives a power cut, which records kept for
	// decades deserve.
	Synchronous string
	// MaxConns caps PostgreSQL connections (default 20).
	MaxConns int
}

// Open opens the database named by dsn — a file path means SQLite, a
// postgres:// URL PostgreSQL — and runs the migrations.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	db := &DB{DSN: dsn}
	var err error
	if IsPostgres(dsn) {
		db.Engine = Postgres
		db.w, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, err
		}
		n := opt.MaxConns
		if n == 0 {
			n = 20
		}
		db.w.SetMaxOpenConns(n)
		db.w.SetMaxIdleConns(n)
		db.w.SetConnMaxIdleTime(5 * time.Minute)
		db.r = db.w
	} else {
		db.Engine = SQLite
		if err := db.openSQLite(dsn, opt); err != nil {
			return nil, err
		}
	}
	if err := db.w.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: cannot reach %s database: %w", db.Engine, err)
	}
	if !opt.NoMigrate {
		if err := db.Migrate(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// sqliteURI builds the modernc DSN: WAL, foreign keys, a busy timeout and
// (for the writer) immediate transactions; DESIGN.md "known traps".
func sqliteURI(path string, write bool, sync string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(15000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous("+sync+")")
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_time_format", "sqlite")
	if write {
		q.Add("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + path + "?" + q.Encode()
}

func (db *DB) openSQLite(path string, opt Options) error {
	if path == "" {
		path = "chibo.db"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	sync := opt.Synchronous
	if sync == "" {
		sync = "FULL"
	}
	db.w, err = sql.Open("sqlite", sqliteURI(abs, true, sync))
	if err != nil {
		return err
	}
	// Two connections: one runs the write transaction (writers take
	// turns on db.wmu), the other is free to prepare statements for the
	// statement cache while it does.
	db.w.SetMaxOpenConns(2)
	db.w.SetMaxIdleConns(2)
	db.w.SetConnMaxLifetime(0)
	// The first connection creates the file and switches it to WAL before
	// any reader opens it read-only.
	if err := db.w.Ping(); err != nil {
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	db.r, err = sql.Open("sqlite", sqliteURI(abs, false, sync))
	if err != nil {
		return err
	}
	db.r.SetMaxOpenConns(8)
	db.r.SetMaxIdleConns(8)
	return nil
}

// Close closes the pools.
func (db *DB) Close() error {
	db.closeWatch()
	var err error
	db.stmts.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	if db.r != nil && db.r != db.w {
		err = db.r.Close()
	}
	if db.w != nil {
		err = errors.Join(err, db.w.Close())
	}
	return err
}

// SQL returns the writer pool, for tools (backup, bulk load) and tests.
func (db *DB) SQL() *sql.DB { return db.w }

// Ping checks the database answers (for /healthz).
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Actor is who does a change; it goes to the audit log.
type Actor struct {
	UserID   int64
	Username string
	IP       string
}

// System is the actor of changes made by the program itself (jobs, demo).
var System = Actor{Username: "system"}

// Tx is a transaction. Methods on Tx are the store's building blocks; a
// use case calls several in one View or Update.
type Tx struct {
	db     *DB
	pool   *sql.DB
	tx     *sql.Tx
	q      querier // tx, or on PostgreSQL a connection for reads (View)
	Engine Engine
	Actor  Actor
	Now    time.Time
	write  bool
	// Memo holds values computed inside this transaction that later steps
	// of the same transaction may reuse (a meeting's view, read by every
	// hook after a write). It dies with the transaction.
	Memo map[string]any
	// sums are the committees' figures added by this transaction, written
	// just before it commits.
	sums *pendingSums
}

// querier is what runs SQL: a transaction or a connection.
type querier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// View runs fn in a read-only transaction. On PostgreSQL it runs fn's
// statements on one connection without BEGIN and COMMIT: at READ
// COMMITTED, the isolation every transaction here has, a statement sees
// the same data inside a transaction as outside one, and a page's reads
// save two round trips per View.
func (db *DB) View(ctx context.Context, fn func(*Tx) error) error {
	if db.Engine == Postgres {
		return db.viewConn(ctx, fn)
	}
	return db.run(ctx, db.r, false, Actor{}, fn)
}

func (db *DB) viewConn(ctx context.Context, fn func(*Tx) error) error {
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(&Tx{db: db, pool: db.r, q: conn, Engine: db.Engine, Now: time.Now(), Memo: map[string]any{}})
}

// Update runs fn in a write transaction that commits when fn returns nil.
// On PostgreSQL a serialization failure or deadlock is retried.
func (db *DB) Update(ctx context.Context, actor Actor, fn func(*Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		err = db.run(ctx, db.w, true, actor, fn)
		if !retryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 20 * time.Millisecond)
	}
	return err
}

func (db *DB) run(ctx context.Context, pool *sql.DB, write bool, actor Actor, fn func(*Tx) error) (err error) {
	if write && db.Engine == SQLite {
		db.wmu.Lock()
		defer db.wmu.Unlock()
	}
	opts := &sql.TxOptions{ReadOnly: !write && db.Engine == Postgres}
	stx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	tx := &Tx{db: db, pool: pool, tx: stx, q: stx, Engine: db.Engine, Actor: actor, Now: time.Now(), write: write, Memo: map[string]any{}}
	defer func() {
		if p := recover(); p != nil {
			_ = stx.Rollback()
			panic(p)
		}
		if err == nil {
			err = tx.flushSums(ctx)
		}
		if err != nil {
			_ = stx.Rollback()
			return
		}
		err = stx.Commit()
	}()
	return fn(tx)
}

// retryable reports PostgreSQL serialization failures and deadlocks.
func retryable(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "SQLSTATE 40001") || strings.Contains(s, "SQLSTATE 40P01")
}

// stmt is q as a statement of this transaction: the cached prepared
// statement on SQLite, nil on PostgreSQL (pgx prepares and caches itself).
func (tx *Tx) stmt(ctx context.Context, q string) *sql.Stmt {
	if tx.Engine != SQLite {
		return nil
	}
	st := tx.db.prepared(ctx, tx.pool, q)
	if st == nil {
		return nil
	}
	return tx.tx.StmtContext(ctx, st)
}

// Exec, Query and QueryRow run SQL in the transaction.
func (tx *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	tx.db.statements.Add(1)
	if st := tx.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.q.ExecContext(ctx, q, args...)
}

func (tx *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	tx.db.statements.Add(1)
	if st := tx.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return tx.q.QueryContext(ctx, q, args...)
}

func (tx *Tx) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	tx.db.statements.Add(1)
	if st := tx.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.q.QueryRowContext(ctx, q, args...)
}

// ForUpdate is the row-locking suffix for SELECTs that precede an update
// of the same rows. SQLite needs none: its writer holds the database lock.
func (tx *Tx) ForUpdate() string {
	if tx.Engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// insertID runs an INSERT … RETURNING id.
func (tx *Tx) insertID(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// Unix is how timestamps are stored: seconds since the epoch, on both
// engines, so that hand-written SQL compares them the same way.
func Unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// nullTime reads a nullable unix-seconds column.
type nullTime struct{ t *time.Time }

func (n nullTime) Scan(src any) error {
	var v sql.NullInt64
	if err := v.Scan(src); err != nil {
		return err
	}
	if v.Valid {
		*n.t = time.Unix(v.Int64, 0)
	} else {
		*n.t = time.Time{}
	}
	return nil
}

// nullStr reads a nullable text column into a string.
type nullStr struct{ s *string }

func (n nullStr) Scan(src any) error {
	var v sql.NullString
	if err := v.Scan(src); err != nil {
		return err
	}
	*n.s = v.String
	return nil
}

// nullInt reads a nullable integer column into an int64 (0 for NULL).
type nullInt struct{ i *int64 }

func (n nullInt) Scan(src any) error {
	var v sql.NullInt64
	if err := v.Scan(src); err != nil {
		return err
	}
	*n.i = v.Int64
	return nil
}

// nz stores 0 and "" as NULL.
func nz(v any) any {
	switch x := v.(type) {
	case int64:
		if x == 0 {
			return nil
		}
	case int:
		if x == 0 {
			return nil
		}
	case string:
		if x == "" {
			return nil
		}
	}
	return v
}

// isUnique reports a unique-constraint violation on either engine.
func isUnique(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}
