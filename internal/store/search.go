package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"iter"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"chibo/internal/party"
	"chibo/internal/searchq"
)

// The search index (issue 4): search_docs holds one row per searchable
// text with its original words, and each engine indexes the folded words
// (searchq.IndexText) its own way — FTS5 on SQLite (search_sqlite.go), a
// tsvector with a GIN index on PostgreSQL (search_postgres.go). Folding
// happens here and nowhere else, so that what is indexed is exactly what
// searchq.Parse makes of a query.
//
// A row's id is its sort key: the day of the text in the high bits, so
// that "most recent first" is an index order on both engines, and a page
// of common words is found without reading all their texts.

// Kinds of searchable texts (search_docs.kind).
const (
	DocMinutes    = "minutes"    // biên bản: the whole minutes of a meeting
	DocResolution = "resolution" // nghị quyết: the resolution voted on
	DocSpeech     = "speech"     // ý kiến thảo luận: one speech of the discussion
	DocTopic      = "topic"      // chuyên đề: a thematic topic, under its publisher
	DocDocument   = "document"   // văn bản: a document, under its issuer and each recipient
)

// A document is indexed once per organization it concerns: part 0 under
// its issuer (found by the issuer's boards and those above), part 1, 2, …
// under each organization it was sent to. A recipient's part is found from
// above (the subtree holds it) and from below as well — a document sent to
// a ward reaches the ward's cells — when the search asks for it
// (SearchQuery.Received).

// received reports whether a text is a document as sent to its scope.
func received(kind string, part int) bool { return kind == DocDocument && part > 0 }

// SearchDoc is one searchable text.
type SearchDoc struct {
	Kind      string
	RefID     int64 // the record: for meeting texts, the meeting
	Part      int   // several texts of one record (the speeches): 0, 1, 2…
	MeetingID int64 // 0 when the text is not about a meeting
	OrgID     int64
	// Scope is the organization's path when indexed ("/1/5/23/"): who may
	// find the text is decided from it, then checked again against the
	// organization's current path when a hit is read.
	Scope string
	Title string
	Body  string // the original text, NFC
	Date  party.Date
}

// SearchHit is a document found, with what a result line needs.
type SearchHit struct {
	SearchDoc
	Key         int64               // the sort key; pass the last one as Before for the next page
	OrgName     string              // the organization's current name
	OrgPath     string              // and its current path
	MeetingKind party.MeetingKind   // for meeting texts
	Period      party.Period        // for meeting texts
	Status      party.MeetingStatus // for meeting texts
}

// SearchQuery is a search of the index.
type SearchQuery struct {
	Match  searchq.Query
	Scope  string   // a path: only texts of this subtree; "/" or "" for all
	Kinds  []string // only these kinds; empty for all
	Before int64    // only keys below this (the cursor); 0 from the top
	Limit  int
	// Received also finds the documents sent to an organization above
	// Scope: its cells and members were sent them too.
	Received bool
}

// maxIndexed is how much folded text of one document is indexed: a
// tsvector holds at most 1 MB, and minutes pasted from a whole book must
// still save. The original is kept whole; only its first 256 KB of words
// are searchable.
const maxIndexed = 256 << 10

// indexText is the folded text the engines index (searchq.IndexText),
// cut after the last whole word within maxIndexed bytes.
func indexText(s string) string {
	f := searchq.IndexText(s)
	if len(f) <= maxIndexed {
		return f
	}
	f = f[:maxIndexed]
	if i := strings.LastIndexByte(f, ' '); i > 0 {
		f = f[:i]
	}
	return f
}

// searchEpoch is day 0 of the sort keys.
var searchEpoch = party.D(1970, 1, 1)

// searchKey is the first key tried for d: its day, then a hash of what it
// is, so that reindexing the same text usually keeps its key.
func searchKey(d SearchDoc) int64 {
	day := int64(max(searchEpoch.DaysUntil(d.Date), 0))
	h := fnv.New32a()
	h.Write([]byte(d.Kind + "/" + strconv.FormatInt(d.RefID, 10) + "/" + strconv.Itoa(d.Part)))
	return day<<24 | int64(h.Sum32()&0xFFFFFF)
}

// nextKey moves to the next key of the same day when one is taken.
func nextKey(k int64) int64 { return k&^0xFFFFFF | (k+1)&0xFFFFFF }

// PutSearchDoc indexes d, replacing the text of the same kind, record and
// part; an unchanged text is left as it is.
func (tx *Tx) PutSearchDoc(ctx context.Context, d SearchDoc) error {
	if err := checkSearchDoc(d); err != nil {
		return err
	}
	var key int64
	var title, body, scope string
	var org, meeting int64
	var date party.Date
	err := tx.QueryRow(ctx, `SELECT id, title, body, scope, org_id, meeting_id, date FROM search_docs WHERE kind = $1 AND ref_id = $2 AND part = $3`,
		d.Kind, d.RefID, d.Part).Scan(&key, &title, &body, &scope, &org, nullInt{&meeting}, &date)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case title == d.Title && body == d.Body && scope == d.Scope && org == d.OrgID && meeting == d.MeetingID && date == d.Date:
		return nil
	default:
		if err := tx.deleteSearchKey(ctx, key); err != nil {
			return err
		}
	}
	return tx.insertSearchDoc(ctx, d)
}

// insertSearchDoc writes a new row under a free key: the first one tried
// is taken by another text of the same day now and then.
func (tx *Tx) insertSearchDoc(ctx context.Context, d SearchDoc) error {
	key := searchKey(d)
	for tries := 0; ; tries++ {
		var ok bool
		var err error
		if tx.Engine == Postgres {
			ok, err = tx.insertSearchPostgres(ctx, key, d)
		} else {
			ok, err = tx.insertSearchSQLite(ctx, key, d)
		}
		if err != nil || ok {
			return err
		}
		if tries == 1<<16 {
			return errors.New("store: no free search key on " + d.Date.ISO())
		}
		key = nextKey(key)
	}
}

// deleteSearchKey removes one row and its index entry.
func (tx *Tx) deleteSearchKey(ctx context.Context, key int64) error {
	if tx.Engine == SQLite {
		if _, err := tx.Exec(ctx, `DELETE FROM search_fts WHERE rowid = $1`, key); err != nil {
			return err
		}
	}
	_, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE id = $1`, key)
	return err
}

// DeleteSearchDoc removes one text (kind, record, part) from the index.
func (tx *Tx) DeleteSearchDoc(ctx context.Context, kind string, ref int64, part int) error {
	return tx.deleteSearchWhere(ctx, `kind = $1 AND ref_id = $2 AND part = $3`, kind, ref, part)
}

// DeleteSearchDocs removes every text of a record (all its parts).
func (tx *Tx) DeleteSearchDocs(ctx context.Context, kind string, ref int64) error {
	return tx.deleteSearchWhere(ctx, `kind = $1 AND ref_id = $2`, kind, ref)
}

// DeleteSearchPartsFrom removes the texts of a record from part on (a
// document sent to fewer organizations than it was indexed for).
func (tx *Tx) DeleteSearchPartsFrom(ctx context.Context, kind string, ref int64, part int) error {
	return tx.deleteSearchWhere(ctx, `kind = $1 AND ref_id = $2 AND part >= $3`, kind, ref, part)
}

// DeleteMeetingSearchDocs removes every text of a meeting.
func (tx *Tx) DeleteMeetingSearchDocs(ctx context.Context, meeting int64) error {
	return tx.deleteSearchWhere(ctx, `meeting_id = $1`, meeting)
}

func (tx *Tx) deleteSearchWhere(ctx context.Context, where string, args ...any) error {
	keys, err := tx.searchKeys(ctx, where, args...)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := tx.deleteSearchKey(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) searchKeys(ctx context.Context, where string, args ...any) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM search_docs WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []int64
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// SearchDocRef names one indexed text.
type SearchDocRef struct {
	Kind  string
	RefID int64
	Part  int
}

// MeetingSearchDocs lists the texts indexed for a meeting.
func (tx *Tx) MeetingSearchDocs(ctx context.Context, meeting int64) ([]SearchDocRef, error) {
	rows, err := tx.Query(ctx, `SELECT kind, ref_id, part FROM search_docs WHERE meeting_id = $1 ORDER BY kind, ref_id, part`, meeting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SearchDocRef
	for rows.Next() {
		var r SearchDocRef
		if err := rows.Scan(&r.Kind, &r.RefID, &r.Part); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// searchCols are the columns of a hit (d is search_docs): the text, its
// organization as it is now, and the meeting for meeting texts.
const searchCols = `d.id, d.kind, d.ref_id, d.part, d.meeting_id, d.org_id, d.scope, d.title, d.body, d.date,
	o.name, o.path, mt.kind, mt.period, mt.status`

const searchJoins = ` JOIN orgs o ON o.id = d.org_id LEFT JOIN meetings mt ON mt.id = d.meeting_id`

func scanSearchHits(rows *sql.Rows) ([]SearchHit, error) {
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var h SearchHit
		var mk, period, status string
		if err := rows.Scan(&h.Key, &h.Kind, &h.RefID, &h.Part, nullInt{&h.MeetingID}, &h.OrgID, &h.Scope, &h.Title, &h.Body, &h.Date,
			&h.OrgName, &h.OrgPath, nullStr{&mk}, nullStr{&period}, nullStr{&status}); err != nil {
			return nil, err
		}
		h.MeetingKind, h.Status = party.MeetingKind(mk), party.MeetingStatus(status)
		if period != "" {
			var err error
			if h.Period, err = party.ParsePeriod(period); err != nil {
				return nil, err
			}
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// SearchPage is one page of hits.
type SearchPage struct {
	Hits []SearchHit
	Next int64 // Before of the next page; 0 when this was the last
}

// SearchDocs finds the texts matching q.Match within q.Scope, most recent
// first, at most q.Limit of them below q.Before. Each hit is checked
// again against its organization's current path: the texts of an
// organization moved out of the scope since they were indexed are not
// shown (ReindexSearchScope or `chibo reindex` brings them up to date),
// which may leave a page short; Next still continues after it.
func (tx *Tx) SearchDocs(ctx context.Context, q SearchQuery) (SearchPage, error) {
	if len(q.Match.Terms) == 0 || q.Limit <= 0 {
		return SearchPage{}, nil
	}
	for _, k := range q.Kinds {
		if !kindRE.MatchString(k) {
			return SearchPage{}, errors.New("store: bad search kind " + strconv.Quote(k))
		}
	}
	if q.Scope == "" {
		q.Scope = "/"
	}
	if q.Before <= 0 {
		q.Before = math.MaxInt64
	}
	want := q.Limit
	q.Limit++ // one more tells whether there is a next page
	var raw []SearchHit
	var err error
	if tx.Engine == Postgres {
		raw, err = tx.searchPostgres(ctx, q)
	} else {
		raw, err = tx.searchSQLite(ctx, q)
	}
	if err != nil {
		return SearchPage{}, err
	}
	if above := ancestorPaths(q.Scope); q.Received && len(above) > 0 && (len(q.Kinds) == 0 || slices.Contains(q.Kinds, DocDocument)) {
		got, err := tx.searchReceived(ctx, q, above)
		if err != nil {
			return SearchPage{}, err
		}
		raw = mergeHits(raw, got, q.Limit)
	}
	var p SearchPage
	if len(raw) > want {
		raw = raw[:want]
		p.Next = raw[want-1].Key
	}
	for _, h := range raw {
		if strings.HasPrefix(h.OrgPath, q.Scope) || received(h.Kind, h.Part) && strings.HasPrefix(q.Scope, h.OrgPath) {
			p.Hits = append(p.Hits, h)
		}
	}
	return p, nil
}

// ancestorPaths are the paths of the organizations above the one whose
// path is scope, from the root down: "/1/5/23/" → "/1/", "/1/5/".
func ancestorPaths(scope string) []string {
	ids := PathIDs(scope)
	var out []string
	path := "/"
	for _, id := range ids[:max(len(ids)-1, 0)] {
		path += strconv.FormatInt(id, 10) + "/"
		out = append(out, path)
	}
	return out
}

// searchReceived finds at most q.Limit documents sent to one of the
// organizations above (the paths of q.Scope's ancestors) below q.Before,
// most recent first. There are few of them: each engine reads the
// document texts that match and keeps those sent above.
func (tx *Tx) searchReceived(ctx context.Context, q SearchQuery, above []string) ([]SearchHit, error) {
	var rows *sql.Rows
	var err error
	if tx.Engine == Postgres {
		rows, err = tx.Query(ctx, `SELECT `+searchCols+` FROM search_docs d`+searchJoins+`
			WHERE d.kind = $1 AND d.part > 0 AND d.scope = ANY($2) AND d.id < $3 AND d.tsv @@ to_tsquery('simple', $4)
			ORDER BY d.id DESC LIMIT $5`, DocDocument, above, q.Before, q.Match.TSQuery(), q.Limit)
	} else {
		// Parameters numbered in the order they appear (SQLite names them).
		args := []any{`meta : "k` + DocDocument + `" AND {title body} : (` + q.Match.FTS5() + `)`, q.Before, DocDocument}
		ph := make([]string, len(above))
		for i, a := range above {
			args = append(args, a)
			ph[i] = "$" + strconv.Itoa(len(args))
		}
		args = append(args, q.Limit)
		rows, err = tx.Query(ctx, `SELECT `+searchCols+` FROM search_docs d`+searchJoins+`
			WHERE d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $1 AND rowid < $2)
			AND d.kind = $3 AND d.part > 0 AND d.scope IN (`+strings.Join(ph, ", ")+`)
			ORDER BY d.id DESC LIMIT $`+strconv.Itoa(len(args)), args...)
	}
	if err != nil {
		return nil, err
	}
	return scanSearchHits(rows)
}

// mergeHits merges two pages in key order (most recent first), keeping at
// most limit hits.
func mergeHits(a, b []SearchHit, limit int) []SearchHit {
	out := make([]SearchHit, 0, min(len(a)+len(b), limit))
	for len(out) < limit && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || len(a) > 0 && a[0].Key > b[0].Key {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// kindRE is what a kind may be: it is written into the engines' queries.
var kindRE = regexp.MustCompile(`^[a-z_]{1,30}$`)

// scopeOrg is the organization whose subtree a scope path is: its last
// id; 0 for the whole tree.
func scopeOrg(scope string) int64 {
	ids := PathIDs(scope)
	if len(ids) == 0 {
		return 0
	}
	return ids[len(ids)-1]
}

// ReindexSearchScope writes the current path of each organization under
// path into the scope of its texts: after a reorganization moved a
// subtree, its texts are found from the new parents. It reindexes each
// text whose scope changed (a ward of 15 cells: about 3,000 texts).
func (tx *Tx) ReindexSearchScope(ctx context.Context, path string) error {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT `+searchDocCols+` FROM search_docs d JOIN orgs o ON o.id = d.org_id
		WHERE o.path >= $1 AND o.path < $2 AND d.scope <> o.path`, lo, hi)
	if err != nil {
		return err
	}
	docs, err := scanSearchDocs(rows)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := tx.PutSearchDoc(ctx, d.SearchDoc); err != nil {
			return err
		}
	}
	return nil
}

const searchDocCols = `d.id, d.kind, d.ref_id, d.part, d.meeting_id, d.org_id, o.path, d.title, d.body, d.date`

type keyedDoc struct {
	Key int64
	SearchDoc
}

func scanSearchDocs(rows *sql.Rows) ([]keyedDoc, error) {
	defer rows.Close()
	var out []keyedDoc
	for rows.Next() {
		var d keyedDoc
		if err := rows.Scan(&d.Key, &d.Kind, &d.RefID, &d.Part, nullInt{&d.MeetingID}, &d.OrgID, &d.Scope, &d.Title, &d.Body, &d.Date); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SearchMemberHit is a member whose name matches a search.
type SearchMemberHit struct {
	ID       int64
	FullName string
	OrgID    int64
	OrgName  string
	OrgPath  string
}

// smallScope is how many organizations a scope may hold to be searched
// name by name (a ward and its cells, a district of 150 cells: a few
// thousand names); larger scopes go through the names' word index.
const smallScope = 200

// SearchMembers finds current members under scope whose name holds the
// words of q as whole words ("van an" finds Nguyễn Văn An, not Trần Văn
// Anh), at most limit of them, in Vietnamese name order. A cell, a ward
// or a district is read name by name (LIKE on " name_fold "); a city
// through the word index of names (members_fts on SQLite, a GIN index on
// PostgreSQL), which stops after a page. q.Matches then checks each name
// exactly as the text index would.
func (tx *Tx) SearchMembers(ctx context.Context, scope string, q searchq.Query, limit int) ([]SearchMemberHit, error) {
	if scope == "" {
		scope = "/"
	}
	if limit <= 0 || len(q.Terms) == 0 {
		return nil, nil
	}
	lo, hi := SubtreeRange(scope)
	small := false
	if scope != "/" {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM orgs WHERE path >= $1 AND path < $2 LIMIT $3) s`,
			lo, hi, smallScope+1).Scan(&n); err != nil {
			return nil, err
		}
		small = n <= smallScope
	}
	const cols = `m.id, m.full_name, m.org_id, o.name, o.path, m.name_sort`
	var rows *sql.Rows
	var err error
	switch {
	case small:
		args := []any{lo, hi}
		where := ""
		for _, t := range q.Terms {
			if t.Not {
				continue
			}
			pat := "% " + likeEscape(strings.Join(t.Words, " "))
			if !t.Prefix {
				pat += " "
			}
			args = append(args, pat+"%")
			where += ` AND (' ' || m.name_fold || ' ') LIKE $` + strconv.Itoa(len(args)) + ` ESCAPE '\'`
		}
		rows, err = tx.Query(ctx, `SELECT `+cols+` FROM members m JOIN orgs o ON o.id = m.org_id
			WHERE o.path >= $1 AND o.path < $2 AND m.left_on IS NULL`+where, args...)
	case tx.Engine == Postgres:
		// No ORDER BY: a common name stops after a page, put in name
		// order below.
		rows, err = tx.Query(ctx, `SELECT `+cols+` FROM members m JOIN orgs o ON o.id = m.org_id
			WHERE to_tsvector('simple', m.name_fold) @@ to_tsquery('simple', $1) AND o.path >= $2 AND o.path < $3 AND m.left_on IS NULL
			LIMIT $4`, pgx.QueryExecModeExec, q.TSQuery(), lo, hi, 4*limit)
	default:
		// CROSS JOIN keeps FTS5 the outer loop: it stops after a page.
		rows, err = tx.Query(ctx, `SELECT `+cols+` FROM members_fts f CROSS JOIN members m CROSS JOIN orgs o
			WHERE members_fts MATCH $1 AND m.id = f.rowid AND o.id = m.org_id AND o.path >= $2 AND o.path < $3 AND m.left_on IS NULL
			LIMIT $4`, q.FTS5(), lo, hi, 4*limit)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type keyed struct {
		SearchMemberHit
		sort string
	}
	var found []keyed
	for rows.Next() {
		var k keyed
		if err := rows.Scan(&k.ID, &k.FullName, &k.OrgID, &k.OrgName, &k.OrgPath, &k.sort); err != nil {
			return nil, err
		}
		if q.Matches(k.FullName) {
			found = append(found, k)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(found, func(a, b keyed) int { return strings.Compare(a.sort, b.sort) })
	out := make([]SearchMemberHit, 0, min(len(found), limit))
	for _, k := range found[:min(len(found), limit)] {
		out = append(out, k.SearchMemberHit)
	}
	return out, nil
}

// BulkIndex writes many texts into the index in one transaction — the
// demo's three years of minutes, `chibo reindex` — much faster than one
// PutSearchDoc each, then tidies the index (FTS5 'optimize'; ANALYZE on
// PostgreSQL). Texts already indexed under the same kind, record and part
// are replaced. An error from docs undoes the whole load.
func (db *DB) BulkIndex(ctx context.Context, docs iter.Seq2[SearchDoc, error], opt BulkIndexOptions) (int, error) {
	if opt.Progress == nil {
		opt.Progress = func(int) {}
	}
	if db.Engine == Postgres {
		return db.bulkIndexPostgres(ctx, docs, opt)
	}
	return db.bulkIndexSQLite(ctx, docs, opt)
}

// BulkIndexOptions tune BulkIndex.
type BulkIndexOptions struct {
	// ReplaceKinds empties the index of these kinds first, in the same
	// transaction: a rebuild, during which searches see the old index.
	ReplaceKinds []string
	// Progress, when set, is told how many texts are written, now and then.
	Progress func(done int)
	// Batch > 0 commits every Batch texts (SQLite), so that a rebuild
	// while the server answers holds the single writer briefly; a rebuild
	// cut short leaves the texts of the batches committed. 0 writes all in
	// one transaction.
	Batch int
}

// checkSearchDoc refuses a text the index cannot place.
func checkSearchDoc(d SearchDoc) error {
	if !kindRE.MatchString(d.Kind) || d.Scope == "" || d.OrgID == 0 {
		return fmt.Errorf("store: search document %s/%d/%d without kind, scope or organization", d.Kind, d.RefID, d.Part)
	}
	return nil
}

// MeetingText is a meeting with its minutes, for (re)indexing in bulk.
type MeetingText struct {
	Meeting Meeting
	OrgPath string
	Minutes MinutesRecord
	HasMins bool
}

// MeetingTexts yields every meeting with its minutes and its cell's
// current path, in id order, reading in pages of n so that a city's
// meetings never sit in memory at once.
func (db *DB) MeetingTexts(ctx context.Context, n int) iter.Seq2[MeetingText, error] {
	return func(yield func(MeetingText, error) bool) {
		after := int64(0)
		for {
			var page []MeetingText
			err := db.View(ctx, func(tx *Tx) error {
				rows, err := tx.Query(ctx, `SELECT `+prefixCols("mt.", meetingCols)+`, o.path, mi.content
					FROM meetings mt JOIN orgs o ON o.id = mt.org_id LEFT JOIN minutes mi ON mi.meeting_id = mt.id
					WHERE mt.id > $1 ORDER BY mt.id LIMIT $2`, after, n)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var t MeetingText
					var content sql.NullString
					m, err := scanMeeting(scanAppend{rows, []any{&t.OrgPath, &content}})
					if err != nil {
						return err
					}
					t.Meeting = m
					if content.Valid {
						var j minutesJSON
						if err := json.Unmarshal([]byte(content.String), &j); err != nil {
							return err
						}
						t.Minutes = MinutesRecord{Content: j.Content, Number: j.Number}
						t.HasMins = true
					}
					page = append(page, t)
				}
				return rows.Err()
			})
			if err != nil {
				yield(MeetingText{}, err)
				return
			}
			for _, t := range page {
				if !yield(t, nil) {
					return
				}
			}
			if len(page) < n {
				return
			}
			after = page[len(page)-1].Meeting.ID
		}
	}
}

// prefixCols qualifies a list of columns with a table alias.
func prefixCols(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// scanAppend scans a row into a scanner's targets plus extra ones after.
type scanAppend struct {
	rows  *sql.Rows
	extra []any
}

func (s scanAppend) Scan(dest ...any) error { return s.rows.Scan(append(dest, s.extra...)...) }

// clearKinds removes every text of the given kinds (for a rebuild).
func (tx *Tx) clearKinds(ctx context.Context, kinds []string) error {
	if len(kinds) == 0 {
		return nil
	}
	in, args := stringList(kinds)
	if tx.Engine == SQLite {
		// When nothing else is indexed, FTS5 empties itself at once;
		// otherwise its rows go one by one.
		var others bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_docs WHERE kind NOT IN (`+in+`))`, args...).Scan(&others); err != nil {
			return err
		}
		q := `INSERT INTO search_fts (search_fts) VALUES ('delete-all')`
		if others {
			q = `DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind IN (` + in + `))`
		} else {
			args = nil
		}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return err
		}
		_, args = stringList(kinds)
	}
	_, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE kind IN (`+in+`)`, args...)
	return err
}

// stringList is "$1, $2, …" and its arguments.
func stringList(vs []string) (string, []any) {
	ph := make([]string, len(vs))
	args := make([]any, len(vs))
	for i, v := range vs {
		ph[i] = "$" + strconv.Itoa(i+1)
		args[i] = v
	}
	return strings.Join(ph, ", "), args
}
