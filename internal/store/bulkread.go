package store

import (
	"context"
	"encoding/json"

	"chibo/internal/party"
)

// The readers below stream whole tables for the bulk computations of the
// summaries (rebuild, verify-summaries). They read in one transaction so
// that the figures they build are consistent.

// MeetingLite is a meeting without its agenda and preparation.
type MeetingLite struct {
	ID       int64
	OrgID    int64
	Kind     party.MeetingKind
	Period   party.Period
	Date     party.Date
	Status   party.MeetingStatus
	RuleSet  string
	Combined bool
	Held     bool // attendance was taken (held_at set)
	Topic    string
}

// EachMeeting calls fn for every meeting, ordered by cell and date.
func (tx *Tx) EachMeeting(ctx context.Context, fn func(MeetingLite) error) error {
	rows, err := tx.Query(ctx, `SELECT id, org_id, kind, period, date, status, rule_set, combined, held_at IS NOT NULL, topic FROM meetings ORDER BY org_id, date, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m MeetingLite
		var period string
		if err := rows.Scan(&m.ID, &m.OrgID, &m.Kind, &period, &m.Date, &m.Status, &m.RuleSet, &m.Combined, &m.Held, &m.Topic); err != nil {
			return err
		}
		if m.Period, err = party.ParsePeriod(period); err != nil {
			return err
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachRoll calls fn with the roll of every meeting that has one, ordered
// by meeting.
func (tx *Tx) EachRoll(ctx context.Context, fn func(meeting int64, roll []RollRow) error) error {
	rows, err := tx.Query(ctx, `SELECT meeting_id, member_id, position, full_name, is_full, derived, temp_in, editable, status, reason, dues_paid
		FROM roll ORDER BY meeting_id, position`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur int64
	var roll []RollRow
	for rows.Next() {
		var mid int64
		var r RollRow
		var status, reason string
		if err := rows.Scan(&mid, &r.MemberID, &r.Position, &r.FullName, &r.Full, &r.Derived, &r.TempIn, &r.Editable, nullStr{&status}, nullStr{&reason}, &r.DuesPaid); err != nil {
			return err
		}
		r.Status, r.Reason = party.AttendanceStatus(status), reason
		if mid != cur && len(roll) > 0 {
			if err := fn(cur, roll); err != nil {
				return err
			}
			roll = roll[:0]
		}
		cur = mid
		roll = append(roll, r)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(roll) > 0 {
		return fn(cur, roll)
	}
	return nil
}

// EachMinutes calls fn with the content of every meeting's minutes.
func (tx *Tx) EachMinutes(ctx context.Context, fn func(meeting int64, c party.MinutesContent) error) error {
	rows, err := tx.Query(ctx, `SELECT meeting_id, content FROM minutes`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var content string
		if err := rows.Scan(&id, &content); err != nil {
			return err
		}
		var j minutesJSON
		if err := json.Unmarshal([]byte(content), &j); err != nil {
			return err
		}
		if err := fn(id, j.Content); err != nil {
			return err
		}
	}
	return rows.Err()
}

// VotedMeetings lists the meetings with a recorded vote.
func (tx *Tx) VotedMeetings(ctx context.Context) (map[int64]bool, error) {
	out := map[int64]bool{}
	rows, err := tx.Query(ctx, `SELECT meeting_id FROM votes`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// EvaluationResult is an evaluation's total and grade.
type EvaluationResult struct {
	By    string
	Total int
	Grade party.Grade
}

// AllEvaluations reads every evaluation's result, by meeting.
func (tx *Tx) AllEvaluations(ctx context.Context) (map[int64][]EvaluationResult, error) {
	out := map[int64][]EvaluationResult{}
	rows, err := tx.Query(ctx, `SELECT meeting_id, by_kind, total, grade FROM evaluations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e EvaluationResult
		if err := rows.Scan(&id, &e.By, &e.Total, &e.Grade); err != nil {
			return nil, err
		}
		out[id] = append(out[id], e)
	}
	return out, rows.Err()
}

// FlagCounts counts, per meeting, the similar pairs not dismissed.
func (tx *Tx) FlagCounts(ctx context.Context) (map[int64]int, error) {
	out := map[int64]int{}
	rows, err := tx.Query(ctx, `SELECT a, b FROM similar_pairs WHERE status <> 'dismissed'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out[a]++
		out[b]++
	}
	return out, rows.Err()
}

// AllCells lists every cell ever created, dissolved ones included.
func (tx *Tx) AllCells(ctx context.Context) ([]OrgRow, error) {
	return tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.kind IN ('chi_bo', 'chi_bo_co_so') ORDER BY o.id`)
}

// EachCellMonth calls fn for every stored cell month.
func (tx *Tx) EachCellMonth(ctx context.Context, fn func(CellMonth) error) error {
	rows, err := tx.Query(ctx, `SELECT `+cellMonthCols+` FROM cell_months ORDER BY org_id, period`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCellMonth(rows)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachCellQuarter calls fn for every stored cell quarter.
func (tx *Tx) EachCellQuarter(ctx context.Context, fn func(CellQuarter) error) error {
	rows, err := tx.Query(ctx, `SELECT org_id, period, path, cell_type, held, combined FROM cell_quarters ORDER BY org_id, period`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var q CellQuarter
		if err := rows.Scan(&q.OrgID, &q.Period, &q.Path, &q.CellType, &q.Held, &q.Combined); err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AllOrgMonths reads every committee month.
func (tx *Tx) AllOrgMonths(ctx context.Context) ([]OrgMonth, error) {
	if err := tx.flushSums(ctx); err != nil {
		return nil, err
	}
	return tx.queryOrgMonths(ctx, `SELECT `+orgMonthCols+` FROM org_months ORDER BY org_id, period`)
}

// AllOrgQuarters reads every committee quarter.
func (tx *Tx) AllOrgQuarters(ctx context.Context) ([]OrgQuarter, error) {
	if err := tx.flushSums(ctx); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT org_id, period, cells, held, combined FROM org_quarters ORDER BY org_id, period`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrgQuarter
	for rows.Next() {
		var q OrgQuarter
		if err := rows.Scan(&q.OrgID, &q.Period, &q.Cells, &q.Held, &q.Combined); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// EarliestMeeting is the date of the first meeting on record.
func (tx *Tx) EarliestMeeting(ctx context.Context) (party.Date, error) {
	var d party.Date
	err := tx.QueryRow(ctx, `SELECT min(date) FROM meetings`).Scan(&d)
	return d, err
}
