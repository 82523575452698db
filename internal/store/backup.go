package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Backup writes a consistent copy of the database to a file while the
// server runs. SQLite: VACUUM INTO reads one snapshot of the database
// (WAL readers never block) and writes a compact copy. PostgreSQL: pg_dump
// in its custom format when it is installed; otherwise an error that says
// how to make the backup.
func (db *DB) Backup(ctx context.Context, to string) error {
	abs, err := filepath.Abs(to)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("backup: %s exists; choose a new file", abs)
	}
	if db.Engine == SQLite {
		_, err := db.r.ExecContext(ctx, `VACUUM INTO `+sqlQuote(abs))
		if err != nil && strings.Contains(err.Error(), "readonly") {
			_, err = db.w.ExecContext(ctx, `VACUUM INTO `+sqlQuote(abs))
		}
		return err
	}
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		return fmt.Errorf("backup: pg_dump is not installed here; install the PostgreSQL client (Debian: apt install postgresql-client) and run: pg_dump --format=custom --file=%s '%s'", abs, db.DSN)
	}
	cmd := exec.CommandContext(ctx, bin, "--format=custom", "--no-owner", "--file="+abs, db.DSN)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pg_dump: %v: %s", err, out)
	}
	return nil
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Restore loads a backup made by Backup into an empty database named by
// dsn (a new SQLite file, or an empty PostgreSQL database), then opens it,
// which brings its schema up to date.
func Restore(ctx context.Context, from, dsn string) (*DB, error) {
	if _, err := os.Stat(from); err != nil {
		return nil, err
	}
	if !IsPostgres(dsn) {
		if fi, err := os.Stat(dsn); err == nil && fi.Size() > 0 {
			return nil, fmt.Errorf("restore: %s is not empty; restore into a new file", dsn)
		}
		if err := copyFile(from, dsn); err != nil {
			return nil, err
		}
		return Open(ctx, dsn, Options{})
	}
	probe, err := Open(ctx, dsn, Options{NoMigrate: true})
	if err != nil {
		return nil, err
	}
	tables, err := probe.Tables(ctx)
	probe.Close()
	if err != nil {
		return nil, err
	}
	if len(tables) > 0 {
		return nil, fmt.Errorf("restore: the database already holds %d tables; restore into an empty database", len(tables))
	}
	bin, err := exec.LookPath("pg_restore")
	if err != nil {
		return nil, fmt.Errorf("restore: pg_restore is not installed here; install the PostgreSQL client and run: pg_restore --no-owner --dbname='%s' %s", dsn, from)
	}
	cmd := exec.CommandContext(ctx, bin, "--no-owner", "--exit-on-error", "--dbname="+dsn, from)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pg_restore: %v: %s", err, out)
	}
	return Open(ctx, dsn, Options{})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Tables lists the application's tables (the migration bookkeeping and
// full-text shadow tables excluded).
func (db *DB) Tables(ctx context.Context) ([]string, error) {
	q := `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`
	if db.Engine == SQLite {
		q = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	}
	rows, err := db.r.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		if n == "goose_db_version" || strings.Contains(n, "_fts") {
			continue
		}
		out = append(out, n)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// Checksums hashes every table's rows in a stable order, so that two
// databases of one engine can be compared table by table (the backup
// round-trip test).
func (db *DB) Checksums(ctx context.Context) (map[string]string, error) {
	tables, err := db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, t := range tables {
		rows, err := db.r.QueryContext(ctx, `SELECT * FROM `+t)
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		var lines []string
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			var b strings.Builder
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%v\x1f", v)
			}
			lines = append(lines, b.String())
		}
		rows.Close()
		sort.Strings(lines)
		h := sha256.New()
		for _, l := range lines {
			h.Write([]byte(l))
			h.Write([]byte{'\n'})
		}
		out[t] = fmt.Sprintf("%d:%s", len(lines), hex.EncodeToString(h.Sum(nil))[:16])
	}
	return out, nil
}

// IntegrityCheck asks the engine to check its own files: SQLite's
// integrity_check and foreign_key_check; on PostgreSQL the foreign keys
// are checked by the engine on every write and amcheck is an extension,
// so it checks that every table can be read in full.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	if db.Engine == SQLite {
		var res string
		if err := db.w.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
			return err
		}
		if res != "ok" {
			return fmt.Errorf("integrity_check: %s", res)
		}
		rows, err := db.w.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return err
		}
		defer rows.Close()
		if rows.Next() {
			return fmt.Errorf("foreign_key_check: a row breaks a foreign key")
		}
		return rows.Err()
	}
	_, err := db.Checksums(ctx)
	return err
}
