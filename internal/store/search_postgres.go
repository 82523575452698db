package store

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

	"chibo/internal/party"
)

// PostgreSQL side of the search index: search_docs.tsv is the 'simple'
// tsvector of the folded title and body; the scope (the organization's
// path) and kind are plain columns, indexed with the sort key.
//
// Given "tsv @@ q AND <scope> ORDER BY id DESC LIMIT n" the planner often
// misjudges at a million texts: it ANDs the GIN bitmap of common words
// with the scope and sorts thousands of rows (300 ms for "sinh hoạt chi
// bộ" in a district), or reads the primary key backwards for a word no
// text has (seconds). So the search decides itself, from what it finds:
//
//  1. The newest 500 texts of the scope (an index-only read of
//     search_docs_scope, or the primary key backwards for a large scope)
//     are tested one by one. Common words fill the page here.
//  2. If some matched but not enough, the hit rate says how many more
//     rows the page needs; up to 5,000 more are tested the same way.
//  3. What is still missing comes from the GIN index, below the rows
//     already read: by then the words are rare in this scope.
//
// The queries run with pgx's QueryExecModeExec so that each is planned
// with its own words: a cached generic plan would not know a rare word
// from a common one.

// Windows of the newest texts tested one by one.
const (
	pgFirstWindow = 500
	pgMaxWindow   = 5000
)

func (tx *Tx) insertSearchPostgres(ctx context.Context, key int64, d SearchDoc) (bool, error) {
	res, err := tx.Exec(ctx, `INSERT INTO search_docs (id, kind, ref_id, part, meeting_id, org_id, scope, title, body, date, updated_at, tsv)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, `+tsvExpr("$12", "$13")+`) ON CONFLICT (id) DO NOTHING`,
		key, d.Kind, d.RefID, d.Part, nz(d.MeetingID), d.OrgID, d.Scope, d.Title, d.Body, d.Date, Unix(tx.Now),
		indexText(d.Title), indexText(d.Body))
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// tsvExpr computes the tsvector from the folded title and body.
func tsvExpr(title, body string) string {
	return `to_tsvector('simple', ` + title + `) || to_tsvector('simple', ` + body + `)`
}

// pgScope is the condition on scope and kind, with its arguments
// numbered from $n; "" for the whole tree and every kind.
func pgScope(q SearchQuery, n int) (string, []any) {
	var cond string
	var args []any
	if q.Scope != "/" {
		lo, hi := SubtreeRange(q.Scope)
		cond += ` AND scope >= $` + strconv.Itoa(n) + ` AND scope < $` + strconv.Itoa(n+1)
		args = append(args, lo, hi)
		n += 2
	}
	if len(q.Kinds) > 0 {
		cond += ` AND kind = ANY($` + strconv.Itoa(n) + `)`
		args = append(args, q.Kinds)
	}
	return cond, args
}

func (tx *Tx) searchPostgres(ctx context.Context, q SearchQuery) ([]SearchHit, error) {
	tsq := q.Match.TSQuery()
	var ids []int64
	before, window := q.Before, pgFirstWindow
	for step := 0; step < 2 && len(ids) < q.Limit; step++ {
		hits, read, lowest, err := tx.pgWindow(ctx, q, tsq, before, window, q.Limit-len(ids))
		if err != nil {
			return nil, err
		}
		ids = append(ids, hits...)
		if len(ids) >= q.Limit || read < window {
			return tx.pgHits(ctx, ids) // a full page, or the whole scope was read
		}
		before = lowest
		if len(hits) == 0 {
			break // rare here: the GIN index
		}
		// The rows the rest of the page takes at this hit rate, and half
		// as many again.
		window = (q.Limit - len(ids)) * read / len(hits) * 3 / 2
		if window > pgMaxWindow {
			break
		}
	}
	if len(ids) < q.Limit {
		more, err := tx.pgGIN(ctx, q, tsq, before, q.Limit-len(ids))
		if err != nil {
			return nil, err
		}
		ids = append(ids, more...)
	}
	return tx.pgHits(ctx, ids)
}

// pgWindow tests the newest `window` texts of the scope below `before`:
// it returns the ids of at most `limit` of them that match, how many rows
// the window held and its lowest id. The tsvector of each is read by a
// subquery per row, which keeps the plan a lookup by key: written as a
// join, the planner hashes the GIN matches of the whole table instead
// (0.6 s for a 3% word at a million texts, against 3 ms).
func (tx *Tx) pgWindow(ctx context.Context, q SearchQuery, tsq string, before int64, window, limit int) (hits []int64, read int, lowest int64, err error) {
	cond, args := pgScope(q, 5)
	var list string
	err = tx.QueryRow(ctx, `WITH w AS MATERIALIZED (SELECT id FROM search_docs WHERE id < $1`+cond+` ORDER BY id DESC LIMIT $2)
		SELECT (SELECT count(*) FROM w), (SELECT coalesce(min(id), 0) FROM w),
			(SELECT coalesce(string_agg(h.id::text, ',' ORDER BY h.id DESC), '') FROM
				(SELECT w.id FROM w WHERE (SELECT d.tsv FROM search_docs d WHERE d.id = w.id) @@ to_tsquery('simple', $3) ORDER BY w.id DESC LIMIT $4) h)`,
		append([]any{pgx.QueryExecModeExec, before, window, tsq, limit}, args...)...).Scan(&read, &lowest, &list)
	if err != nil {
		return nil, 0, 0, err
	}
	for _, s := range strings.Split(list, ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			hits = append(hits, id)
		}
	}
	return hits, read, lowest, nil
}

// pgGIN finds at most limit texts below before through the GIN index.
// Sequential scans are switched off for this one statement, and the sort
// key is written id + 0 so that no plan can walk the primary key: the
// words are rare here, and a walk would read the whole table to find them.
func (tx *Tx) pgGIN(ctx context.Context, q SearchQuery, tsq string, before int64, limit int) ([]int64, error) {
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		return nil, err
	}
	cond, args := pgScope(q, 4)
	rows, err := tx.Query(ctx, `SELECT id FROM search_docs WHERE id < $1 AND tsv @@ to_tsquery('simple', $2)`+cond+`
		ORDER BY id + 0 DESC LIMIT $3`, append([]any{pgx.QueryExecModeExec, before, tsq, limit}, args...)...)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	_, err = tx.Exec(ctx, `SET LOCAL enable_seqscan = on`)
	return ids, err
}

// pgHits reads the rows of a page, most recent first.
func (tx *Tx) pgHits(ctx context.Context, ids []int64) ([]SearchHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT `+searchCols+` FROM search_docs d`+searchJoins+` WHERE d.id = ANY($1) ORDER BY d.id DESC`, ids)
	if err != nil {
		return nil, err
	}
	return scanSearchHits(rows)
}

// bulkIndexPostgres copies the texts into a temporary table (COPY, on
// one connection), moves them into search_docs in key order — so that the
// table lies on disk most recent last and reading the primary key
// backwards reads pages in turn — computing the tsvectors in one
// statement, places the few whose key was taken one by one, and refreshes
// the statistics the GIN plans are costed by.
func (db *DB) bulkIndexPostgres(ctx context.Context, docs iter.Seq2[SearchDoc, error], opt BulkIndexOptions) (int, error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	n := 0
	err = conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(context.Background()) // after Commit, a no-op
		if _, err := tx.Exec(ctx, `CREATE TEMPORARY TABLE search_load (id BIGINT, kind TEXT, ref_id BIGINT, part INTEGER, meeting_id BIGINT,
			org_id BIGINT, scope TEXT, title TEXT, body TEXT, date date, title_fold TEXT, body_fold TEXT) ON COMMIT DROP`); err != nil {
			return err
		}
		if len(opt.ReplaceKinds) > 0 {
			in, args := stringList(opt.ReplaceKinds)
			if _, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE kind IN (`+in+`)`, args...); err != nil {
				return err
			}
		}
		next, stop := iter.Pull2(docs)
		defer stop()
		used := map[int64]bool{}
		var bad error
		src := pgx.CopyFromFunc(func() ([]any, error) {
			d, err, ok := next()
			if !ok {
				return nil, nil
			}
			if err == nil {
				err = checkSearchDoc(d)
			}
			if err != nil {
				bad = err
				return nil, err
			}
			key := searchKey(d)
			for used[key] {
				key = nextKey(key)
			}
			used[key] = true
			if n++; n%1000 == 0 {
				opt.Progress(n)
			}
			return []any{key, d.Kind, d.RefID, int32(d.Part), nz(d.MeetingID), d.OrgID, d.Scope, d.Title, d.Body, copyDate(d.Date),
				indexText(d.Title), indexText(d.Body)}, nil
		})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"search_load"}, []string{"id", "kind", "ref_id", "part", "meeting_id", "org_id", "scope",
			"title", "body", "date", "title_fold", "body_fold"}, src); err != nil {
			if bad != nil {
				return bad
			}
			return fmt.Errorf("store: copy search texts: %w", err)
		}
		opt.Progress(n)
		now := strconv.FormatInt(time.Now().Unix(), 10)
		for _, q := range []string{
			// Replace texts indexed before under the same kind, record, part.
			`DELETE FROM search_docs d USING search_load l WHERE d.kind = l.kind AND d.ref_id = l.ref_id AND d.part = l.part`,
			`INSERT INTO search_docs (id, kind, ref_id, part, meeting_id, org_id, scope, title, body, date, updated_at, tsv)
				SELECT id, kind, ref_id, part, meeting_id, org_id, scope, title, body, date, ` + now + `, ` + tsvExpr("title_fold", "body_fold") + `
				FROM search_load ORDER BY id ON CONFLICT (id) DO NOTHING`,
			// What is left had its key taken by a text already there.
			`DELETE FROM search_load l USING search_docs d WHERE d.kind = l.kind AND d.ref_id = l.ref_id AND d.part = l.part`,
		} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("store: bulk index: %w", err)
			}
		}
		left, err := collectLeft(ctx, tx)
		if err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
		if len(left) > 0 {
			if err := db.Update(ctx, System, func(tx *Tx) error {
				for _, d := range left {
					if err := tx.insertSearchDoc(ctx, d); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				return err
			}
		}
		// Fresh statistics (the plan depends on how common each word is);
		// a replaced index leaves its old rows to vacuum.
		q := `ANALYZE search_docs`
		if len(opt.ReplaceKinds) > 0 {
			q = `VACUUM ANALYZE search_docs`
		}
		_, err = c.Exec(ctx, q)
		return err
	})
	return n, err
}

func collectLeft(ctx context.Context, tx pgx.Tx) ([]SearchDoc, error) {
	rows, err := tx.Query(ctx, `SELECT kind, ref_id, part, coalesce(meeting_id, 0), org_id, scope, title, body, date::text FROM search_load`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SearchDoc
	for rows.Next() {
		var d SearchDoc
		var part int32
		var date string
		if err := rows.Scan(&d.Kind, &d.RefID, &part, &d.MeetingID, &d.OrgID, &d.Scope, &d.Title, &d.Body, &date); err != nil {
			return nil, err
		}
		d.Part = int(part)
		if d.Date, err = party.ParseISO(date); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// copyDate is a day for COPY's binary format, which takes no text.
func copyDate(d party.Date) pgtype.Date {
	return pgtype.Date{Time: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), Valid: !d.IsZero()}
}
