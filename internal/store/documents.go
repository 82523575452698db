package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Document is a document in the register (sổ văn bản): its number and
// symbol, kind, issuer, date, subject and summary, the document it
// replaces, its current file version and its tags.
type Document struct {
	ID          int64
	IssuerID    int64
	IssuerName  string // the issuer's current name (read only)
	IssuerPath  string // the issuer's current path (read only)
	Number      string // số và ký hiệu, "11-ĐA/TU"
	Kind        string // nghi_quyet, chi_thi, … (documents.Kinds)
	Title       string // trích yếu
	IssuedOn    party.Date
	Summary     string
	ReplacesID  int64
	FileVersion int // 0: no file yet
	Tags        []string
	Version     int64
	CreatedAt   time.Time
	CreatedBy   string
	UpdatedAt   time.Time
}

// NumberKey is how a document number is compared: upper case, without
// spaces ("11-đa/tu" and "11 - ĐA/TU" are the same number).
func NumberKey(number string) string {
	return strings.ToUpper(strings.Join(strings.Fields(vntext.NFC(number)), ""))
}

const docCols = `d.id, d.issuer_id, o.name, o.path, d.number, d.kind, d.title, d.issued_on, d.summary, d.replaces_id, d.file_version,
	d.version, d.created_at, d.created_by, d.updated_at`

func scanDocument(sc interface{ Scan(...any) error }) (Document, error) {
	var d Document
	err := sc.Scan(&d.ID, &d.IssuerID, &d.IssuerName, &d.IssuerPath, &d.Number, &d.Kind, &d.Title, &d.IssuedOn, &d.Summary,
		nullInt{&d.ReplacesID}, &d.FileVersion, &d.Version, nullTime{&d.CreatedAt}, &d.CreatedBy, nullTime{&d.UpdatedAt})
	return d, err
}

// docNumberTaken refuses a number the issuer already used that year.
func docNumberTaken(number string, year int) error {
	m := party.M("doc.number_taken", number, strconv.Itoa(year)) // a year, not a number: no "2.026"
	return &party.Error{Code: party.EConflict, Msg: m, Fields: map[string]party.Msg{"number": m}}
}

// InsertDocument adds a document to the register. A number already used
// by the same issuer in the same year is refused (a unique index holds it
// on both engines).
func (tx *Tx) InsertDocument(ctx context.Context, d Document) (int64, error) {
	id, err := tx.insertID(ctx, `INSERT INTO documents (issuer_id, number, number_key, year, kind, title, title_fold, issued_on, summary, replaces_id,
		created_at, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11)`,
		d.IssuerID, d.Number, NumberKey(d.Number), d.IssuedOn.Year(), d.Kind, d.Title, vntext.Fold(d.Title), d.IssuedOn, d.Summary, nz(d.ReplacesID),
		Unix(tx.Now), tx.Actor.Username)
	if isUnique(err) {
		return 0, docNumberTaken(d.Number, d.IssuedOn.Year())
	}
	if err != nil {
		return 0, err
	}
	return id, tx.SetDocumentTags(ctx, id, d.Tags)
}

// UpdateDocument saves a document's fields with an optimistic version
// check; the issuer does not change.
func (tx *Tx) UpdateDocument(ctx context.Context, d Document) error {
	res, err := tx.Exec(ctx, `UPDATE documents SET number = $1, number_key = $2, year = $3, kind = $4, title = $5, title_fold = $6, issued_on = $7,
		summary = $8, replaces_id = $9, updated_at = $10, version = version + 1 WHERE id = $11 AND version = $12`,
		d.Number, NumberKey(d.Number), d.IssuedOn.Year(), d.Kind, d.Title, vntext.Fold(d.Title), d.IssuedOn, d.Summary, nz(d.ReplacesID),
		Unix(tx.Now), d.ID, d.Version)
	if isUnique(err) {
		return docNumberTaken(d.Number, d.IssuedOn.Year())
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.Conflict("doc.stale")
	}
	return tx.SetDocumentTags(ctx, d.ID, d.Tags)
}

// Document reads one document with its tags.
func (tx *Tx) Document(ctx context.Context, id int64) (Document, error) {
	d, err := scanDocument(tx.QueryRow(ctx, `SELECT `+docCols+` FROM documents d JOIN orgs o ON o.id = d.issuer_id WHERE d.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, party.NotFound("doc.not_found", strconv.FormatInt(id, 10))
	}
	if err != nil {
		return d, err
	}
	d.Tags, err = tx.DocumentTags(ctx, id)
	return d, err
}

func (tx *Tx) queryDocuments(ctx context.Context, q string, args ...any) ([]Document, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DocumentsByID reads several documents (those a meeting cites), in the
// order of ids; missing ones are left out.
func (tx *Tx) DocumentsByID(ctx context.Context, ids []int64) ([]Document, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	list, err := tx.queryDocuments(ctx, `SELECT `+docCols+` FROM documents d JOIN orgs o ON o.id = d.issuer_id WHERE d.id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Document{}
	for _, d := range list {
		byID[d.ID] = d
	}
	var out []Document
	for _, id := range ids {
		if d, ok := byID[id]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// DocFilter narrows a list of documents.
type DocFilter struct {
	// Scope is the subtree whose issuers' documents are listed.
	Scope string
	// Reach, when set, also lists documents sent to an organization on
	// this path or above it (the documents a board or cell received), or
	// under it.
	Reach string
	Kind  string
	Tag   string
	Q     string // part of the number or of the subject, diacritics optional
	Year  int
	Limit int
}

// Documents lists documents, newest first.
func (tx *Tx) Documents(ctx context.Context, f DocFilter) ([]Document, error) {
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	var where []string
	var scope []string
	if f.Scope != "" {
		lo, hi := SubtreeRange(f.Scope)
		scope = append(scope, `(o.path >= `+arg(lo)+` AND o.path < `+arg(hi)+`)`)
	}
	if f.Reach != "" {
		ids := PathIDs(f.Reach)
		ph := make([]string, len(ids))
		for i, id := range ids {
			ph[i] = arg(id)
		}
		lo, hi := SubtreeRange(f.Reach)
		scope = append(scope, `d.id IN (SELECT s.document_id FROM disseminations s JOIN orgs t ON t.id = s.org_id
			WHERE s.org_id IN (`+strings.Join(ph, ",")+`) OR (t.path >= `+arg(lo)+` AND t.path < `+arg(hi)+`))`)
	}
	if len(scope) > 0 {
		where = append(where, "("+strings.Join(scope, " OR ")+")")
	}
	if f.Kind != "" {
		where = append(where, `d.kind = `+arg(f.Kind))
	}
	if f.Tag != "" {
		where = append(where, `d.id IN (SELECT document_id FROM document_tags WHERE tag_fold = `+arg(vntext.Fold(vntext.Clean(f.Tag)))+`)`)
	}
	if q := vntext.Clean(f.Q); q != "" {
		where = append(where, `(d.title_fold LIKE `+arg("%"+likeEscape(vntext.Fold(q))+"%")+` ESCAPE '\' OR d.number_key LIKE `+arg("%"+likeEscape(NumberKey(q))+"%")+` ESCAPE '\')`)
	}
	if f.Year != 0 {
		where = append(where, `d.year = `+arg(f.Year))
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	q := `SELECT ` + docCols + ` FROM documents d JOIN orgs o ON o.id = d.issuer_id`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	return tx.queryDocuments(ctx, q+` ORDER BY d.issued_on DESC, d.id DESC LIMIT `+strconv.Itoa(f.Limit), args...)
}

// ReplacedBy lists the documents that replace id.
func (tx *Tx) ReplacedBy(ctx context.Context, id int64) ([]Document, error) {
	return tx.queryDocuments(ctx, `SELECT `+docCols+` FROM documents d JOIN orgs o ON o.id = d.issuer_id WHERE d.replaces_id = $1 ORDER BY d.issued_on`, id)
}

// SetDocumentTags replaces a document's tags.
func (tx *Tx) SetDocumentTags(ctx context.Context, id int64, tags []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM document_tags WHERE document_id = $1`, id); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := tx.Exec(ctx, `INSERT INTO document_tags (document_id, tag, tag_fold) VALUES ($1, $2, $3) ON CONFLICT (document_id, tag_fold) DO NOTHING`,
			id, t, vntext.Fold(t)); err != nil {
			return err
		}
	}
	return nil
}

// DocumentTags lists a document's tags in the order of their folded text.
func (tx *Tx) DocumentTags(ctx context.Context, id int64) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT tag FROM document_tags WHERE document_id = $1 ORDER BY tag_fold`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// DocFile is a stored file: its bytes (Data) when kept in the database,
// or the name of the file under the files folder (Path).
type DocFile struct {
	ID          int64
	Size        int64
	SHA256      string
	ContentType string
	Data        []byte
	Path        string
}

// DocFileInUse reports whether a stored file record names path (a file
// in the files folder).
func (tx *Tx) DocFileInUse(ctx context.Context, path string) (bool, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM document_files WHERE path = $1`, path).Scan(&n)
	return n > 0, err
}

// DocVersion is one file version of a document.
type DocVersion struct {
	DocumentID  int64
	Version     int
	FileID      int64
	Filename    string
	Note        string
	Size        int64
	ContentType string
	CreatedAt   time.Time
	CreatedBy   string
}

// KB is the file's size in kilobytes, rounded up.
func (v DocVersion) KB() int { return int((v.Size + 1023) / 1024) }

// AddDocumentFile stores a file and makes it the document's next version;
// it returns the version number.
func (tx *Tx) AddDocumentFile(ctx context.Context, docID int64, f DocFile, filename, note string) (int, error) {
	var data any
	if f.Path == "" {
		b := f.Data
		if b == nil {
			b = []byte{}
		}
		data = b
	}
	fid, err := tx.insertID(ctx, `INSERT INTO document_files (size, sha256, content_type, data, path, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		f.Size, f.SHA256, f.ContentType, data, nz(f.Path), Unix(tx.Now))
	if err != nil {
		return 0, err
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT file_version + 1 FROM documents WHERE id = $1`+tx.ForUpdate(), docID).Scan(&v); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO document_versions (document_id, version, file_id, filename, note, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		docID, v, fid, filename, note, Unix(tx.Now), tx.Actor.Username); err != nil {
		return 0, err
	}
	_, err = tx.Exec(ctx, `UPDATE documents SET file_version = $1, updated_at = $2 WHERE id = $3`, v, Unix(tx.Now), docID)
	return v, err
}

// DocumentVersions lists a document's file versions, newest first.
func (tx *Tx) DocumentVersions(ctx context.Context, docID int64) ([]DocVersion, error) {
	rows, err := tx.Query(ctx, `SELECT v.document_id, v.version, v.file_id, v.filename, v.note, f.size, f.content_type, v.created_at, v.created_by
		FROM document_versions v JOIN document_files f ON f.id = v.file_id WHERE v.document_id = $1 ORDER BY v.version DESC`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocVersion
	for rows.Next() {
		var v DocVersion
		if err := rows.Scan(&v.DocumentID, &v.Version, &v.FileID, &v.Filename, &v.Note, &v.Size, &v.ContentType, nullTime{&v.CreatedAt}, &v.CreatedBy); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// DocumentFile reads one version of a document's file (0: the current one).
func (tx *Tx) DocumentFile(ctx context.Context, docID int64, version int) (DocVersion, DocFile, error) {
	var v DocVersion
	var f DocFile
	q := `SELECT v.version, v.filename, f.id, f.size, f.sha256, f.content_type, f.data, f.path FROM document_versions v JOIN document_files f ON f.id = v.file_id
		WHERE v.document_id = $1 AND v.version = `
	args := []any{docID}
	if version == 0 {
		q += `(SELECT file_version FROM documents WHERE id = $1)`
	} else {
		q += `$2`
		args = append(args, version)
	}
	err := tx.QueryRow(ctx, q, args...).Scan(&v.Version, &v.Filename, &f.ID, &f.Size, &f.SHA256, &f.ContentType, &f.Data, nullStr{&f.Path})
	if errors.Is(err, sql.ErrNoRows) {
		return v, f, party.NotFound("doc.file_not_found")
	}
	v.DocumentID, v.FileID, v.Size, v.ContentType = docID, f.ID, f.Size, f.ContentType
	return v, f, err
}

// Dissemination is a document sent to an organization's subtree, to every
// member (Role "") or to the holders of one office.
type Dissemination struct {
	ID         int64
	DocumentID int64
	OrgID      int64
	OrgName    string
	OrgPath    string
	Role       string
	SentAt     time.Time
	SentBy     string
}

// InsertDissemination sends a document to an organization (and role) at
// time at; sending the same twice changes nothing (created is false).
func (tx *Tx) InsertDissemination(ctx context.Context, docID, orgID int64, role string, at time.Time) (created bool, err error) {
	res, err := tx.Exec(ctx, `INSERT INTO disseminations (document_id, org_id, role, sent_at, sent_by) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (document_id, org_id, role) DO NOTHING`, docID, orgID, role, Unix(at), tx.Actor.Username)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Disseminations lists where a document was sent, in order of sending.
func (tx *Tx) Disseminations(ctx context.Context, docID int64) ([]Dissemination, error) {
	rows, err := tx.Query(ctx, `SELECT s.id, s.document_id, s.org_id, o.name, o.path, s.role, s.sent_at, s.sent_by
		FROM disseminations s JOIN orgs o ON o.id = s.org_id WHERE s.document_id = $1 ORDER BY s.sent_at, s.id`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Dissemination
	for rows.Next() {
		var s Dissemination
		if err := rows.Scan(&s.ID, &s.DocumentID, &s.OrgID, &s.OrgName, &s.OrgPath, &s.Role, nullTime{&s.SentAt}, &s.SentBy); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SentDoc is a document sent to a cell, as a member sees it: whether the
// member acknowledged it, and when it was first sent there.
type SentDoc struct {
	Document
	SentAt  time.Time
	AckedAt time.Time // zero while not acknowledged
}

// AckedOn is the day the member acknowledged the document (zero: not yet).
func (s SentDoc) AckedOn() party.Date {
	if s.AckedAt.IsZero() {
		return party.Date{}
	}
	return party.DateOf(s.AckedAt)
}

// SentOn is the day the document was first sent to the cell.
func (s SentDoc) SentOn() party.Date { return party.DateOf(s.SentAt) }

// DocumentsSentTo lists the documents sent to cell path (or above it) for
// every member or for one of roles, with member's acknowledgement (member
// 0: none), the latest first. A nil roles means any office (what a
// secretary passes on).
func (tx *Tx) DocumentsSentTo(ctx context.Context, cellPath string, roles []string, member int64, limit int) ([]SentDoc, error) {
	ids := PathIDs(cellPath)
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	cond := ``
	if roles != nil {
		ph := []string{"''"}
		for _, r := range roles {
			args = append(args, r)
			ph = append(ph, "$"+strconv.Itoa(len(args)))
		}
		cond = ` AND s.role IN (` + strings.Join(ph, ",") + `)`
	}
	args = append(args, member)
	mp := "$" + strconv.Itoa(len(args))
	if limit <= 0 {
		limit = 100
	}
	rows, err := tx.Query(ctx, `SELECT `+docCols+`, x.sent_at, a.at FROM (
			SELECT s.document_id, min(s.sent_at) AS sent_at FROM disseminations s WHERE s.org_id IN (`+in+`)`+cond+` GROUP BY s.document_id) x
		JOIN documents d ON d.id = x.document_id JOIN orgs o ON o.id = d.issuer_id
		LEFT JOIN acknowledgements a ON a.document_id = d.id AND a.member_id = `+mp+`
		ORDER BY x.sent_at DESC, d.id DESC LIMIT `+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SentDoc
	for rows.Next() {
		var s SentDoc
		var d Document
		if err := rows.Scan(&d.ID, &d.IssuerID, &d.IssuerName, &d.IssuerPath, &d.Number, &d.Kind, &d.Title, &d.IssuedOn, &d.Summary,
			nullInt{&d.ReplacesID}, &d.FileVersion, &d.Version, nullTime{&d.CreatedAt}, &d.CreatedBy, nullTime{&d.UpdatedAt},
			nullTime{&s.SentAt}, nullTime{&s.AckedAt}); err != nil {
			return nil, err
		}
		s.Document = d
		out = append(out, s)
	}
	return out, rows.Err()
}

// InsertAck records a member's acknowledgement at time at; a second one
// changes nothing and keeps the first day (created is false).
func (tx *Tx) InsertAck(ctx context.Context, docID, member int64, at time.Time) (created bool, err error) {
	res, err := tx.Exec(ctx, `INSERT INTO acknowledgements (document_id, member_id, at) VALUES ($1, $2, $3) ON CONFLICT (document_id, member_id) DO NOTHING`,
		docID, member, Unix(at))
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// AckedAt is when member acknowledged a document (zero: not yet).
func (tx *Tx) AckedAt(ctx context.Context, docID, member int64) (time.Time, error) {
	var at time.Time
	err := tx.QueryRow(ctx, `SELECT at FROM acknowledgements WHERE document_id = $1 AND member_id = $2`, docID, member).Scan(nullTime{&at})
	if errors.Is(err, sql.ErrNoRows) {
		return at, nil
	}
	return at, err
}

// CountsRow is the members and acknowledgements of one organization's
// subtree.
type CountsRow struct {
	OrgID        int64
	Members      int
	Acknowledged int
}

// PathRange is a subtree [Lo, Hi) of paths.
type PathRange struct{ Lo, Hi string }

// RangeOf is the subtree of path.
func RangeOf(path string) PathRange {
	lo, hi := SubtreeRange(path)
	return PathRange{lo, hi}
}

// AckCountsByChild counts, for each current child of parent, the current
// members of the cells under it that lie in one of within (none: all) and
// how many of them acknowledged docID. It reads the kept aggregates
// member_counts and ack_counts (migration 00006), so a whole city costs a
// scan of its organizations, not of its members.
func (tx *Tx) AckCountsByChild(ctx context.Context, docID, parent int64, within []PathRange) ([]CountsRow, error) {
	args := []any{docID, parent}
	cond := ""
	if len(within) > 0 {
		var ors []string
		for _, r := range within {
			args = append(args, r.Lo, r.Hi)
			ors = append(ors, `(c.path >= $`+strconv.Itoa(len(args)-1)+` AND c.path < $`+strconv.Itoa(len(args))+`)`)
		}
		cond = ` AND (` + strings.Join(ors, " OR ") + `)`
	}
	rows, err := tx.Query(ctx, `SELECT ch.id, coalesce(sum(cm.members), 0), coalesce(sum(ac.acked), 0)
		FROM orgs ch JOIN orgs c ON c.path >= ch.path AND c.path < substr(ch.path, 1, length(ch.path) - 1) || '0'
		JOIN member_counts cm ON cm.org_id = c.id
		LEFT JOIN ack_counts ac ON ac.document_id = $1 AND ac.org_id = c.id
		WHERE ch.parent_id = $2`+cond+` GROUP BY ch.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CountsRow
	for rows.Next() {
		var r CountsRow
		if err := rows.Scan(&r.OrgID, &r.Members, &r.Acknowledged); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AckCountsOfOrg counts the members whose home is org itself (a cell) and
// how many of them acknowledged docID.
func (tx *Tx) AckCountsOfOrg(ctx context.Context, docID, org int64) (CountsRow, error) {
	r := CountsRow{OrgID: org}
	err := tx.QueryRow(ctx, `SELECT coalesce(sum(cm.members), 0), coalesce(sum(ac.acked), 0) FROM member_counts cm
		LEFT JOIN ack_counts ac ON ac.document_id = $1 AND ac.org_id = cm.org_id WHERE cm.org_id = $2`, docID, org).Scan(&r.Members, &r.Acknowledged)
	return r, err
}

// Officer is a current member holding an office in their home cell, with
// whether they acknowledged a document.
type Officer struct {
	MemberID int64
	FullName string
	OrgID    int64
	OrgPath  string
	Role     party.CellRole
	Acked    bool
}

// OfficersUnder lists the members under the subtrees in within who hold
// one of roles in their home cell on day d, with their acknowledgement of
// docID (0: none). A member holding two offices comes twice.
func (tx *Tx) OfficersUnder(ctx context.Context, within []PathRange, roles []string, d party.Date, docID int64) ([]Officer, error) {
	if len(within) == 0 || len(roles) == 0 {
		return nil, nil
	}
	args := []any{d, docID}
	var ors []string
	for _, r := range within {
		args = append(args, r.Lo, r.Hi)
		ors = append(ors, `(o.path >= $`+strconv.Itoa(len(args)-1)+` AND o.path < $`+strconv.Itoa(len(args))+`)`)
	}
	var ph []string
	for _, r := range roles {
		args = append(args, r)
		ph = append(ph, "$"+strconv.Itoa(len(args)))
	}
	rows, err := tx.Query(ctx, `SELECT m.id, m.full_name, o.id, o.path, mr.role, a.member_id IS NOT NULL
		FROM member_roles mr JOIN members m ON m.id = mr.member_id AND m.org_id = mr.org_id AND m.left_on IS NULL
		JOIN orgs o ON o.id = mr.org_id
		LEFT JOIN acknowledgements a ON a.document_id = $2 AND a.member_id = m.id
		WHERE (`+strings.Join(ors, " OR ")+`) AND mr.role IN (`+strings.Join(ph, ",")+`)
		AND mr.from_date <= $1 AND (mr.until_date IS NULL OR mr.until_date >= $1)
		ORDER BY o.path, m.name_sort`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Officer
	for rows.Next() {
		var x Officer
		if err := rows.Scan(&x.MemberID, &x.FullName, &x.OrgID, &x.OrgPath, &x.Role, &x.Acked); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Reader is an account tied to a current member, for reminders.
type Reader struct {
	UserID   int64
	MemberID int64
	FullName string
	OrgPath  string
	Roles    []party.CellRole // offices held in the home cell on the day asked
	Acked    bool
}

// ReadersUnder lists the enabled accounts of current members under path,
// with their offices on day d and whether they acknowledged docID.
func (tx *Tx) ReadersUnder(ctx context.Context, path string, d party.Date, docID int64) ([]Reader, error) {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT u.id, m.id, m.full_name, o.path, a.member_id IS NOT NULL,
		(SELECT `+tx.aggRoles()+` FROM member_roles mr WHERE mr.member_id = m.id AND mr.org_id = m.org_id
			AND mr.from_date <= $3 AND (mr.until_date IS NULL OR mr.until_date >= $3))
		FROM users u JOIN members m ON m.id = u.member_id AND m.left_on IS NULL JOIN orgs o ON o.id = m.org_id
		LEFT JOIN acknowledgements a ON a.document_id = $4 AND a.member_id = m.id
		WHERE o.path >= $1 AND o.path < $2 AND u.disabled = FALSE ORDER BY u.id`, lo, hi, d, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reader
	for rows.Next() {
		var x Reader
		var roles string
		if err := rows.Scan(&x.UserID, &x.MemberID, &x.FullName, &x.OrgPath, &x.Acked, nullStr{&roles}); err != nil {
			return nil, err
		}
		for _, r := range strings.Split(roles, ",") {
			if r != "" {
				x.Roles = append(x.Roles, party.CellRole(r))
			}
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// aggRoles joins the role column of a group with commas, on either engine.
func (tx *Tx) aggRoles() string {
	if tx.Engine == Postgres {
		return `string_agg(mr.role, ',')`
	}
	return `group_concat(mr.role, ',')`
}

// CurrentRoles lists the offices member holds in their home cell on day d.
func (tx *Tx) CurrentRoles(ctx context.Context, member int64, d party.Date) ([]party.CellRole, error) {
	rows, err := tx.Query(ctx, `SELECT mr.role FROM member_roles mr JOIN members m ON m.id = mr.member_id AND m.org_id = mr.org_id
		WHERE mr.member_id = $1 AND mr.from_date <= $2 AND (mr.until_date IS NULL OR mr.until_date >= $2) ORDER BY mr.role`, member, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []party.CellRole
	for rows.Next() {
		var r party.CellRole
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DocReminder is a recorded reminder to read a document.
type DocReminder struct {
	DocumentID int64
	OrgID      int64
	OrgName    string
	On         party.Date
	Reminded   int
	SentAt     time.Time
	SentBy     string
}

// InsertDocReminder records that reminded people under org were reminded.
func (tx *Tx) InsertDocReminder(ctx context.Context, r DocReminder) error {
	_, err := tx.Exec(ctx, `INSERT INTO document_reminders (document_id, org_id, on_day, reminded, sent_at, sent_by) VALUES ($1, $2, $3, $4, $5, $6)`,
		r.DocumentID, r.OrgID, r.On, r.Reminded, Unix(tx.Now), tx.Actor.Username)
	return err
}

// DocReminders lists the reminders of a document, the latest first.
func (tx *Tx) DocReminders(ctx context.Context, docID int64) ([]DocReminder, error) {
	rows, err := tx.Query(ctx, `SELECT r.document_id, r.org_id, o.name, r.on_day, r.reminded, r.sent_at, r.sent_by
		FROM document_reminders r JOIN orgs o ON o.id = r.org_id WHERE r.document_id = $1 ORDER BY r.sent_at DESC, r.id DESC LIMIT 50`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocReminder
	for rows.Next() {
		var r DocReminder
		if err := rows.Scan(&r.DocumentID, &r.OrgID, &r.OrgName, &r.On, &r.Reminded, nullTime{&r.SentAt}, &r.SentBy); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DocumentsSentWithin lists the documents first sent between from and to
// (inclusive) that went to the organization at path, above it or under
// it.
func (tx *Tx) DocumentsSentWithin(ctx context.Context, path string, from, to time.Time) ([]int64, error) {
	ids := PathIDs(path)
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	lo, hi := SubtreeRange(path)
	n := len(args)
	args = append(args, lo, hi, from.Unix(), to.Unix())
	p := func(i int) string { return "$" + strconv.Itoa(n+i) }
	rows, err := tx.Query(ctx, `SELECT d.id FROM documents d
		WHERE (SELECT min(s.sent_at) FROM disseminations s WHERE s.document_id = d.id) BETWEEN `+p(3)+` AND `+p(4)+`
		AND EXISTS (SELECT 1 FROM disseminations s JOIN orgs t ON t.id = s.org_id WHERE s.document_id = d.id
			AND (s.org_id IN (`+in+`) OR (t.path >= `+p(1)+` AND t.path < `+p(2)+`)))
		ORDER BY d.id`, args...)
	return collect(rows, err, scanID)
}
