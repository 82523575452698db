package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// ScoreSheetRow is a stored score sheet.
type ScoreSheetRow struct {
	Sheet  party.ScoreSheet
	Name   string
	Active bool
}

func scanSheet(sc interface{ Scan(...any) error }) (ScoreSheetRow, error) {
	var r ScoreSheetRow
	var items string
	err := sc.Scan(&r.Sheet.Code, &r.Sheet.RuleSet, &r.Sheet.Version, &r.Name, &r.Sheet.Total, &items, &r.Active)
	if err != nil {
		return r, err
	}
	return r, json.Unmarshal([]byte(items), &r.Sheet.Items)
}

// ScoreSheets lists every score sheet, newest version first per rule set.
func (tx *Tx) ScoreSheets(ctx context.Context) ([]ScoreSheetRow, error) {
	rows, err := tx.Query(ctx, `SELECT code, rule_set, version, name, total, items, active FROM score_sheets ORDER BY rule_set, version DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ScoreSheetRow
	for rows.Next() {
		r, err := scanSheet(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ScoreSheet reads one sheet by code.
func (tx *Tx) ScoreSheet(ctx context.Context, code string) (ScoreSheetRow, error) {
	r, err := scanSheet(tx.QueryRow(ctx, `SELECT code, rule_set, version, name, total, items, active FROM score_sheets WHERE code = $1`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return r, party.NotFound("quality.sheet_not_found", code)
	}
	return r, err
}

// ActiveSheet is the newest active sheet of a rule set.
func (tx *Tx) ActiveSheet(ctx context.Context, ruleSet string) (ScoreSheetRow, error) {
	r, err := scanSheet(tx.QueryRow(ctx, `SELECT code, rule_set, version, name, total, items, active FROM score_sheets
		WHERE rule_set = $1 AND active = TRUE ORDER BY version DESC LIMIT 1`, ruleSet))
	if errors.Is(err, sql.ErrNoRows) {
		return r, party.NotFound("quality.sheet_not_found", ruleSet)
	}
	return r, err
}

// PutScoreSheet stores a sheet; with replace false an existing code is kept.
func (tx *Tx) PutScoreSheet(ctx context.Context, r ScoreSheetRow, replace bool) error {
	items, err := json.Marshal(r.Sheet.Items)
	if err != nil {
		return err
	}
	q := `INSERT INTO score_sheets (code, rule_set, version, name, total, items, active, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
	if replace {
		q += ` ON CONFLICT (code) DO UPDATE SET name = excluded.name, total = excluded.total, items = excluded.items, active = excluded.active`
	} else {
		q += ` ON CONFLICT (code) DO NOTHING`
	}
	_, err = tx.Exec(ctx, q, r.Sheet.Code, r.Sheet.RuleSet, r.Sheet.Version, r.Name, r.Sheet.Total, string(items), r.Active, Unix(tx.Now), tx.Actor.Username)
	return err
}

// EvaluationRow is one evaluation of a meeting: the scores a person gave
// (judged items, and computed items overridden with a reason) and the
// total and grade the core computed from them. The item-by-item sheet is
// computed again when shown, from the same inputs.
type EvaluationRow struct {
	MeetingID int64
	By        string // "self" or "review"
	Sheet     string
	Inputs    []party.ScoreInput
	Total     int
	Grade     party.Grade
	ByUser    string
	At        time.Time
	Version   int64
}

// Evaluations reads a meeting's evaluations (self and review).
func (tx *Tx) Evaluations(ctx context.Context, meeting int64) ([]EvaluationRow, error) {
	rows, err := tx.Query(ctx, `SELECT meeting_id, by_kind, sheet, items, total, grade, by_user, at, version FROM evaluations WHERE meeting_id = $1 ORDER BY by_kind DESC`, meeting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EvaluationRow
	for rows.Next() {
		var e EvaluationRow
		var items string
		if err := rows.Scan(&e.MeetingID, &e.By, &e.Sheet, &items, &e.Total, &e.Grade, &e.ByUser, nullTime{&e.At}, &e.Version); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(items), &e.Inputs); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PutEvaluation stores an evaluation (replacing the evaluator's earlier one).
func (tx *Tx) PutEvaluation(ctx context.Context, e EvaluationRow) error {
	if e.Inputs == nil {
		e.Inputs = []party.ScoreInput{}
	}
	items, err := json.Marshal(e.Inputs)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO evaluations (meeting_id, by_kind, sheet, items, total, grade, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (meeting_id, by_kind) DO UPDATE SET sheet = excluded.sheet, items = excluded.items, total = excluded.total, grade = excluded.grade,
		by_user = excluded.by_user, at = excluded.at, version = evaluations.version + 1`,
		e.MeetingID, e.By, e.Sheet, string(items), e.Total, string(e.Grade), tx.Actor.Username, Unix(tx.Now))
	return err
}

// SetEvaluationResult updates the total and grade of an evaluation after
// the meeting's data changed (the computed items follow the data).
func (tx *Tx) SetEvaluationResult(ctx context.Context, meeting int64, by string, total int, g party.Grade) error {
	_, err := tx.Exec(ctx, `UPDATE evaluations SET total = $1, grade = $2 WHERE meeting_id = $3 AND by_kind = $4`, total, string(g), meeting, by)
	return err
}

// Topic is an orientation topic for thematic meetings.
type Topic struct {
	ID          int64
	OrgID       int64 // the publishing committee; 0 for the defaults shipped
	Title       string
	Description string
	Materials   string
	CellTypes   []party.CellType // empty: every type
	Period      string           // "2026" (a year) or "2026-Q2"; empty: any time
	Group       string
	Active      bool
	CreatedAt   time.Time // when it was published (read only)
}

const topicCols = `id, org_id, title, description, materials, cell_types, period, grp, active, created_at`

func scanTopic(sc interface{ Scan(...any) error }) (Topic, error) {
	var t Topic
	var cts string
	err := sc.Scan(&t.ID, nullInt{&t.OrgID}, &t.Title, &t.Description, &t.Materials, &cts, &t.Period, &t.Group, &t.Active, nullTime{&t.CreatedAt})
	for _, c := range strings.Split(cts, ",") {
		if c = strings.TrimSpace(c); c != "" {
			t.CellTypes = append(t.CellTypes, party.CellType(c))
		}
	}
	return t, err
}

func cellTypesText(cts []party.CellType) string {
	s := make([]string, len(cts))
	for i, c := range cts {
		s[i] = string(c)
	}
	return strings.Join(s, ",")
}

// InsertTopic stores a topic.
func (tx *Tx) InsertTopic(ctx context.Context, t Topic) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO topics (org_id, title, description, materials, cell_types, period, grp, active, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		nz(t.OrgID), t.Title, t.Description, t.Materials, cellTypesText(t.CellTypes), t.Period, t.Group, t.Active, Unix(tx.Now), tx.Actor.Username)
}

// UpdateTopic saves a topic.
func (tx *Tx) UpdateTopic(ctx context.Context, t Topic) error {
	res, err := tx.Exec(ctx, `UPDATE topics SET title = $1, description = $2, materials = $3, cell_types = $4, period = $5, grp = $6, active = $7 WHERE id = $8`,
		t.Title, t.Description, t.Materials, cellTypesText(t.CellTypes), t.Period, t.Group, t.Active, t.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.NotFound("quality.topic_not_found", strconv.FormatInt(t.ID, 10))
	}
	return nil
}

// Topic reads one topic.
func (tx *Tx) Topic(ctx context.Context, id int64) (Topic, error) {
	t, err := scanTopic(tx.QueryRow(ctx, `SELECT `+topicCols+` FROM topics WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, party.NotFound("quality.topic_not_found", strconv.FormatInt(id, 10))
	}
	return t, err
}

// TopicsFor lists the topics published for a set of organizations (a
// cell's ancestors: topics inherit down the tree) and the shipped
// defaults (org_id NULL).
func (tx *Tx) TopicsFor(ctx context.Context, orgs []int64, withInactive bool) ([]Topic, error) {
	q := `SELECT ` + topicCols + ` FROM topics WHERE (org_id IS NULL`
	var args []any
	if len(orgs) > 0 {
		in, a := inList(orgs)
		q += ` OR org_id IN (` + in + `)`
		args = a
	}
	q += `)`
	if !withInactive {
		q += ` AND active = TRUE`
	}
	rows, err := tx.Query(ctx, q+` ORDER BY period DESC, grp, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Topic
	for rows.Next() {
		t, err := scanTopic(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CountTopics counts topics (to seed the defaults once).
func (tx *Tx) CountTopics(ctx context.Context) (int, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM topics WHERE org_id IS NULL`).Scan(&n)
	return n, err
}

// SimilarPair is a pair of minutes too alike.
type SimilarPair struct {
	A, B       int64
	Kind       string
	Similarity float64
	Period     string
	FoundAt    time.Time
	Status     string // open, dismissed, confirmed
	Note       string
	ReviewedBy string
}

// PutSimilarPair records a pair, keeping the review of an existing one.
func (tx *Tx) PutSimilarPair(ctx context.Context, p SimilarPair) error {
	if p.A > p.B {
		p.A, p.B = p.B, p.A
	}
	_, err := tx.Exec(ctx, `INSERT INTO similar_pairs (a, b, kind, similarity, period, found_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (a, b) DO UPDATE SET similarity = excluded.similarity, found_at = excluded.found_at`,
		p.A, p.B, p.Kind, p.Similarity, p.Period, Unix(tx.Now))
	return err
}

// DeleteOpenPairs removes the pairs of a period nobody reviewed yet,
// before a new pass finds them again.
func (tx *Tx) DeleteOpenPairs(ctx context.Context, period string) error {
	_, err := tx.Exec(ctx, `DELETE FROM similar_pairs WHERE period = $1 AND status = 'open'`, period)
	return err
}

// DeletePairsOf removes the open pairs a meeting belongs to (before it is
// compared again after an edit).
func (tx *Tx) DeletePairsOf(ctx context.Context, meeting int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM similar_pairs WHERE (a = $1 OR b = $1) AND status = 'open'`, meeting)
	return err
}

// SimilarPairsUnder lists the pairs of which at least one meeting belongs to
// a cell under path, between two periods (as text, inclusive), most alike first.
func (tx *Tx) SimilarPairsUnder(ctx context.Context, path string, from, to string, limit int) ([]SimilarPair, error) {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT p.a, p.b, p.kind, p.similarity, p.period, p.found_at, p.status, coalesce(p.note, ''), coalesce(p.reviewed_by, '')
		FROM similar_pairs p
		WHERE p.period >= $3 AND p.period <= $4 AND (
			EXISTS (SELECT 1 FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE m.id = p.a AND o.path >= $1 AND o.path < $2) OR
			EXISTS (SELECT 1 FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE m.id = p.b AND o.path >= $1 AND o.path < $2))
		ORDER BY p.similarity DESC, p.a, p.b LIMIT `+strconv.Itoa(limit), lo, hi, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SimilarPair
	for rows.Next() {
		var p SimilarPair
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Similarity, &p.Period, nullTime{&p.FoundAt}, &p.Status, &p.Note, &p.ReviewedBy); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SimilarPairsOf lists the pairs a meeting belongs to.
func (tx *Tx) SimilarPairsOf(ctx context.Context, meeting int64) ([]SimilarPair, error) {
	rows, err := tx.Query(ctx, `SELECT a, b, kind, similarity, period, found_at, status, coalesce(note, ''), coalesce(reviewed_by, '')
		FROM similar_pairs WHERE a = $1 OR b = $1 ORDER BY similarity DESC`, meeting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SimilarPair
	for rows.Next() {
		var p SimilarPair
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Similarity, &p.Period, nullTime{&p.FoundAt}, &p.Status, &p.Note, &p.ReviewedBy); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReviewPair records the following committee member's verdict on a pair.
func (tx *Tx) ReviewPair(ctx context.Context, a, b int64, status, note string) error {
	if a > b {
		a, b = b, a
	}
	res, err := tx.Exec(ctx, `UPDATE similar_pairs SET status = $1, note = $2, reviewed_by = $3, reviewed_at = $4 WHERE a = $5 AND b = $6`,
		status, note, tx.Actor.Username, Unix(tx.Now), a, b)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.NotFound("quality.pair_not_found")
	}
	return nil
}

// MinutesText is the plain text of one meeting's minutes, for comparison.
type MinutesText struct {
	MeetingID int64
	OrgID     int64
	Date      party.Date
	Text      string
}

// MinutesOfPeriod reads the minutes text of every meeting of a period
// (regular meetings of a month, thematic of a quarter), for the formalism pass.
func (tx *Tx) MinutesOfPeriod(ctx context.Context, period string) ([]MinutesText, error) {
	rows, err := tx.Query(ctx, `SELECT m.id, m.org_id, m.date, n.body_text FROM meetings m JOIN minutes n ON n.meeting_id = m.id
		WHERE m.period = $1 AND n.body_text <> '' ORDER BY m.id`, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MinutesText
	for rows.Next() {
		var t MinutesText
		if err := rows.Scan(&t.MeetingID, &t.OrgID, &t.Date, &t.Text); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// PreviousMinutes reads the minutes text of a cell's meeting of the same
// kind held last before a date.
func (tx *Tx) PreviousMinutes(ctx context.Context, org int64, kind party.MeetingKind, before party.Date) (MinutesText, bool, error) {
	var t MinutesText
	err := tx.QueryRow(ctx, `SELECT m.id, m.org_id, m.date, n.body_text FROM meetings m JOIN minutes n ON n.meeting_id = m.id
		WHERE m.org_id = $1 AND m.kind = $2 AND m.date < $3 AND n.body_text <> '' ORDER BY m.date DESC, m.id DESC LIMIT 1`, org, kind, before).
		Scan(&t.MeetingID, &t.OrgID, &t.Date, &t.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	return t, err == nil, err
}
