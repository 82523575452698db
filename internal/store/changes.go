package store

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
)

// Changes is a mark that differs whenever a write transaction has
// committed since an earlier call, by this server or any other process on
// the same database; equal marks mean nothing was written in between. A
// page rendered after reading a mark can be kept under it and served again
// while the mark stays the same (web's page cache).
//
// Read the mark before the data it guards: a write committing in between
// changes the mark, so a page built from older data is never kept under a
// newer mark.
//
// SQLite: PRAGMA data_version on a connection kept for it, which changes
// whenever another connection (this server's writer, or another process)
// commits. PostgreSQL: the text of the current snapshot
// (txid_current_snapshot), whose in-progress list and horizon change
// whenever a transaction that wrote commits, on any server (the snapshot
// is the cluster's: other databases' writes move it too, which costs a
// kept page, never correctness).
func (db *DB) Changes(ctx context.Context) (string, error) {
	if db.Engine == Postgres {
		var snap string
		err := db.r.QueryRowContext(ctx, `SELECT `+snapshotMark).Scan(&snap)
		return snap, err
	}
	db.watchMu.Lock()
	defer db.watchMu.Unlock()
	if db.watch == nil {
		c, err := db.r.Conn(ctx)
		if err != nil {
			return "", err
		}
		db.watch = c
	}
	var v int64
	if err := db.watch.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		db.watch.Close()
		db.watch = nil
		return "", err
	}
	return strconv.FormatInt(v, 10), nil
}

// snapshotMark is the changes mark in PostgreSQL's SQL.
const snapshotMark = `txid_current_snapshot()::text`

// watcher holds SQLite's connection for Changes.
type watcher struct {
	watchMu sync.Mutex
	watch   *sql.Conn
}

func (w *watcher) closeWatch() {
	w.watchMu.Lock()
	defer w.watchMu.Unlock()
	if w.watch != nil {
		w.watch.Close()
		w.watch = nil
	}
}
