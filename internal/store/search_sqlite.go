package store

import (
	"context"
	"database/sql"
	"errors"
	"iter"
	"strconv"
	"strings"
)

// SQLite side of the search index: search_fts is a contentless FTS5 table
// whose rowid is search_docs.id (the sort key). Its meta column holds the
// tokens "o1 o5 o23 kminutes" — the organizations of the text's path and
// its kind — so that a search within an organization, or of some kinds,
// is one MATCH: FTS5 walks the rarest list and skips through the others.

// searchMeta is the meta column of a text.
func searchMeta(d SearchDoc) string {
	var b strings.Builder
	for _, id := range PathIDs(d.Scope) {
		b.WriteString("o" + strconv.FormatInt(id, 10) + " ")
	}
	b.WriteString("k" + d.Kind)
	return b.String()
}

const (
	sqliteInsertDoc = `INSERT INTO search_docs (id, kind, ref_id, part, meeting_id, org_id, scope, title, body, date, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`
	sqliteInsertFTS = `INSERT INTO search_fts (rowid, meta, title, body) VALUES ($1, $2, $3, $4)`
)

// sqliteStmts are the insert statements prepared once for a bulk load.
type sqliteStmts struct{ doc, fts *sql.Stmt }

func (tx *Tx) insertSearchSQLite(ctx context.Context, key int64, d SearchDoc) (bool, error) {
	return tx.insertSearchSQLiteWith(ctx, nil, key, d)
}

// insertSearchSQLiteWith inserts through the prepared statements st, or
// plain statements when st is nil.
func (tx *Tx) insertSearchSQLiteWith(ctx context.Context, st *sqliteStmts, key int64, d SearchDoc) (bool, error) {
	docArgs := []any{key, d.Kind, d.RefID, d.Part, nz(d.MeetingID), d.OrgID, d.Scope, d.Title, d.Body, d.Date, Unix(tx.Now)}
	ftsArgs := []any{key, searchMeta(d), indexText(d.Title), indexText(d.Body)}
	var res sql.Result
	var err error
	if st != nil {
		res, err = st.doc.ExecContext(ctx, docArgs...)
	} else {
		res, err = tx.Exec(ctx, sqliteInsertDoc, docArgs...)
	}
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // the key is taken
	}
	if st != nil {
		_, err = st.fts.ExecContext(ctx, ftsArgs...)
	} else {
		_, err = tx.Exec(ctx, sqliteInsertFTS, ftsArgs...)
	}
	return err == nil, err
}

// ftsMatch is the MATCH expression of a search: the user's words in the
// title and body columns only (never in meta), and the scope and kinds as
// meta tokens.
func ftsMatch(q SearchQuery) string {
	m := "{title body} : (" + q.Match.FTS5() + ")"
	if len(q.Kinds) > 0 {
		ks := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			ks[i] = `"k` + k + `"`
		}
		m = "meta : (" + strings.Join(ks, " OR ") + ") AND " + m
	}
	if org := scopeOrg(q.Scope); org != 0 {
		m = `meta : "o` + strconv.FormatInt(org, 10) + `" AND ` + m
	}
	return m
}

// searchSQLite reads a page in rowid order from FTS5 (which stops after
// the page), then the rows of the page.
func (tx *Tx) searchSQLite(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	rows, err := tx.Query(ctx, `SELECT `+searchCols+` FROM search_docs d`+searchJoins+`
		WHERE d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $1 AND rowid < $2 ORDER BY rowid DESC LIMIT $3)
		ORDER BY d.id DESC`, ftsMatch(q), q.Before, q.Limit)
	if err != nil {
		return nil, err
	}
	return scanSearchHits(rows)
}

// bulkIndexSQLite writes texts in one transaction on the writer, with
// prepared statements, then merges the FTS5 segments into one
// ('optimize'), which keeps later queries fast.
func (db *DB) bulkIndexSQLite(ctx context.Context, docs iter.Seq2[SearchDoc, error], opt BulkIndexOptions) (n int, err error) {
	if opt.Batch > 0 {
		n, err = db.bulkIndexSQLiteBatches(ctx, docs, opt)
	} else {
		err = db.Update(ctx, System, func(tx *Tx) error {
			if err := tx.clearKinds(ctx, opt.ReplaceKinds); err != nil {
				return err
			}
			return tx.indexSQLite(ctx, docs, &n, opt.Progress)
		})
	}
	if err != nil {
		return n, err
	}
	_, err = db.w.ExecContext(ctx, `INSERT INTO search_fts (search_fts) VALUES ('optimize')`)
	return n, err
}

// bulkIndexSQLiteBatches writes the texts opt.Batch at a time, each batch in its
// own transaction, so that other writers wait for one batch at most.
func (db *DB) bulkIndexSQLiteBatches(ctx context.Context, docs iter.Seq2[SearchDoc, error], opt BulkIndexOptions) (n int, err error) {
	next, stop := iter.Pull2(docs)
	defer stop()
	first := true
	for {
		var batch []SearchDoc
		for len(batch) < opt.Batch {
			d, err, ok := next()
			if !ok {
				break
			}
			if err != nil {
				return n, err
			}
			batch = append(batch, d)
		}
		if len(batch) == 0 && !first {
			return n, nil
		}
		done := n
		err := db.Update(ctx, System, func(tx *Tx) error {
			if first {
				if err := tx.clearKinds(ctx, opt.ReplaceKinds); err != nil {
					return err
				}
			}
			n = done
			return tx.indexSQLite(ctx, func(yield func(SearchDoc, error) bool) {
				for _, d := range batch {
					if !yield(d, nil) {
						return
					}
				}
			}, &n, opt.Progress)
		})
		if err != nil {
			return n, err
		}
		first = false
		if len(batch) < opt.Batch {
			return n, nil
		}
	}
}

// indexSQLite writes texts in the transaction, counting them in n.
func (tx *Tx) indexSQLite(ctx context.Context, docs iter.Seq2[SearchDoc, error], n *int, progress func(int)) error {
	var st sqliteStmts
	find, err := tx.tx.PrepareContext(ctx, `SELECT id FROM search_docs WHERE kind = ? AND ref_id = ? AND part = ?`)
	if err == nil {
		defer find.Close()
		st.doc, err = tx.tx.PrepareContext(ctx, sqliteInsertDoc)
	}
	if err == nil {
		defer st.doc.Close()
		st.fts, err = tx.tx.PrepareContext(ctx, sqliteInsertFTS)
	}
	if err != nil {
		return err
	}
	defer st.fts.Close()
	for d, err := range docs {
		if err != nil {
			return err
		}
		if err := checkSearchDoc(d); err != nil {
			return err
		}
		var old int64
		switch err := find.QueryRowContext(ctx, d.Kind, d.RefID, d.Part).Scan(&old); err {
		case sql.ErrNoRows:
		case nil:
			if err := tx.deleteSearchKey(ctx, old); err != nil {
				return err
			}
		default:
			return err
		}
		key := searchKey(d)
		for tries := 0; ; tries++ {
			ok, err := tx.insertSearchSQLiteWith(ctx, &st, key, d)
			if err != nil {
				return err
			}
			if ok {
				break
			}
			if tries == 1<<16 {
				return errors.New("store: no free search key on " + d.Date.ISO())
			}
			key = nextKey(key)
		}
		if *n++; *n%1000 == 0 {
			progress(*n)
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	progress(*n)
	return nil
}
