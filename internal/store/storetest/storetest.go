// Package storetest runs a test against both engines: a fresh SQLite file
// always, and a fresh PostgreSQL database when CHIBO_TEST_PG names a server
// where tests may create databases. Under CI=true a missing PostgreSQL is a
// failure, not a skip (DESIGN.md, interface contract).
package storetest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chibo/internal/store"
)

// PGURL returns CHIBO_TEST_PG, failing the test under CI when it is unset
// and skipping it otherwise.
func PGURL(t testing.TB) string {
	u := os.Getenv("CHIBO_TEST_PG")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CHIBO_TEST_PG is not set: PostgreSQL tests are mandatory under CI=true")
		}
		t.Skip("PostgreSQL tests skipped: set CHIBO_TEST_PG=postgres://… to run them")
	}
	return u
}

// Each runs fn as a subtest on SQLite and on PostgreSQL, each with a new,
// migrated, empty database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, NewSQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, NewPostgres(t))
	})
}

// NewSQLite opens a new migrated SQLite database in a temporary folder.
// The schema is migrated once per test binary and copied, which is much
// faster than migrating every time.
func NewSQLite(t testing.TB) *store.DB {
	t.Helper()
	tmpl := sqliteTemplate(t)
	path := filepath.Join(t.TempDir(), "chibo.db")
	if err := copyFile(tmpl, path); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), path, store.Options{Synchronous: "OFF"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	sqliteOnce sync.Once
	sqliteTmpl string
	sqliteErr  error
)

func sqliteTemplate(t testing.TB) string {
	sqliteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-sqlite-tmpl-")
		if err != nil {
			sqliteErr = err
			return
		}
		sqliteTmpl = filepath.Join(dir, "template.db")
		db, err := store.Open(context.Background(), sqliteTmpl, store.Options{Synchronous: "OFF"})
		if err != nil {
			sqliteErr = err
			return
		}
		// Fold the WAL into the main file so a plain copy is complete.
		_, sqliteErr = db.SQL().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		db.Close()
	})
	if sqliteErr != nil {
		t.Fatal(sqliteErr)
	}
	return sqliteTmpl
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

var pgSeq atomic.Int64

// NewPostgres creates a new migrated PostgreSQL database for the test and
// drops it afterwards. Databases are cloned from a template migrated once
// per schema version, so a test costs a CREATE DATABASE, not a migration.
func NewPostgres(t testing.TB) *store.DB {
	t.Helper()
	base := PGURL(t)
	tmpl := pgTemplate(t, base)
	name := fmt.Sprintf("chibo_t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, pgSeq.Add(1))
	admin := adminConn(t, base)
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		_, err = admin.Exec(fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, tmpl))
		if err == nil || !strings.Contains(err.Error(), "being accessed by other users") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	dsn := WithDatabase(base, name)
	db, err := store.Open(context.Background(), dsn, store.Options{MaxConns: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		_, _ = admin.Exec(fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})
	return db
}

// WithDatabase returns the URL u pointing at database name.
func WithDatabase(u, name string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Path = "/" + name
	return p.String()
}

var (
	adminMu sync.Mutex
	admins  = map[string]*sql.DB{}
)

func adminConn(t testing.TB, base string) *sql.DB {
	adminMu.Lock()
	defer adminMu.Unlock()
	if db, ok := admins[base]; ok {
		return db
	}
	db, err := sql.Open("pgx", WithDatabase(base, "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(2)
	admins[base] = db
	return db
}

var (
	pgTmplMu sync.Mutex
	pgTmpls  = map[string]string{}
)

// pgTemplate returns the name of a template database holding the current
// schema, creating it once. Its name carries a hash of the migrations, so
// test processes of different schema versions never share one, and an
// advisory lock makes concurrent test processes create it only once.
func pgTemplate(t testing.TB, base string) string {
	pgTmplMu.Lock()
	defer pgTmplMu.Unlock()
	if n, ok := pgTmpls[base]; ok {
		return n
	}
	name := "chibo_tmpl_" + migrationsHash()
	admin := adminConn(t, base)
	ctx := context.Background()
	conn, err := admin.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7314159)`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7314159)`)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if !exists {
		build := name + "_build"
		_, _ = conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+build+` WITH (FORCE)`)
		if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+build); err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(ctx, WithDatabase(base, build), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+build+` RENAME TO `+name); err != nil {
			t.Fatal(err)
		}
	}
	pgTmpls[base] = name
	return name
}

// migrationsHash identifies the schema by the content of the PostgreSQL
// migrations.
func migrationsHash() string {
	h := sha256.New()
	fsys := store.MigrationFiles()
	var names []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(p, "postgres") {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		h.Write([]byte(n))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// NewEmptyPostgres creates an empty database (no schema) and returns its
// URL, for restoring into.
func NewEmptyPostgres(t testing.TB) string {
	t.Helper()
	base := PGURL(t)
	name := fmt.Sprintf("chibo_e_%d_%d", os.Getpid(), pgSeq.Add(1))
	admin := adminConn(t, base)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name)) })
	return WithDatabase(base, name)
}
