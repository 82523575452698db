package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"chibo/internal/party"
)

// CellMonth is the summary of one cell's month.
type CellMonth struct {
	OrgID     int64
	Period    string
	Path      string
	CellType  string
	Outcome   party.Outcome
	MeetingID int64
	HeldOn    party.Date
	Present   int
	Required  int
	Grade     party.Grade
	Score     int
	Complete  bool
	Signed    bool
	Extra     int
	Flags     int
}

// MonthFigures are the counts a cell month adds to every committee above
// it (org_months), and the sums read back.
type MonthFigures struct {
	Cells, OnTime, Late, NoMeeting int
	Present, Required              int
	Tot, Kha, TB, Kem, Ungraded    int
	Complete, Signed, Extra, Flags int
}

// Figures is what one cell month contributes.
func (c CellMonth) Figures() MonthFigures {
	f := MonthFigures{Cells: 1, Extra: c.Extra, Flags: c.Flags}
	switch c.Outcome {
	case party.OutcomeOnTime:
		f.OnTime = 1
	case party.OutcomeLate:
		f.Late = 1
	default:
		f.NoMeeting = 1
		return f
	}
	f.Present, f.Required = c.Present, c.Required
	switch c.Grade {
	case party.Tot:
		f.Tot = 1
	case party.Kha:
		f.Kha = 1
	case party.TrungBinh:
		f.TB = 1
	case party.Kem:
		f.Kem = 1
	default:
		f.Ungraded = 1
	}
	if c.Complete {
		f.Complete = 1
	}
	if c.Signed {
		f.Signed = 1
	}
	return f
}

// Sub returns f - g.
func (f MonthFigures) Sub(g MonthFigures) MonthFigures {
	return MonthFigures{f.Cells - g.Cells, f.OnTime - g.OnTime, f.Late - g.Late, f.NoMeeting - g.NoMeeting, f.Present - g.Present,
		f.Required - g.Required, f.Tot - g.Tot, f.Kha - g.Kha, f.TB - g.TB, f.Kem - g.Kem, f.Ungraded - g.Ungraded,
		f.Complete - g.Complete, f.Signed - g.Signed, f.Extra - g.Extra, f.Flags - g.Flags}
}

// Add returns f + g.
func (f MonthFigures) Add(g MonthFigures) MonthFigures {
	return f.Sub(MonthFigures{}.Sub(g))
}

// IsZero reports whether nothing changes.
func (f MonthFigures) IsZero() bool { return f == MonthFigures{} }

const cellMonthCols = `org_id, period, path, cell_type, outcome, meeting_id, held_on, present, required, grade, score, complete, signed, extra, flags`

func scanCellMonth(sc interface{ Scan(...any) error }) (CellMonth, error) {
	var c CellMonth
	err := sc.Scan(&c.OrgID, &c.Period, &c.Path, &c.CellType, &c.Outcome, nullInt{&c.MeetingID}, &c.HeldOn, &c.Present, &c.Required,
		&c.Grade, &c.Score, &c.Complete, &c.Signed, &c.Extra, &c.Flags)
	return c, err
}

// CellMonth reads a cell's month summary; ok is false when there is none.
func (tx *Tx) CellMonth(ctx context.Context, org int64, period string) (CellMonth, bool, error) {
	c, err := scanCellMonth(tx.QueryRow(ctx, `SELECT `+cellMonthCols+` FROM cell_months WHERE org_id = $1 AND period = $2`+tx.ForUpdate(), org, period))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// PutCellMonth writes a cell's month summary.
func (tx *Tx) PutCellMonth(ctx context.Context, c CellMonth) error {
	_, err := tx.Exec(ctx, `INSERT INTO cell_months (`+cellMonthCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (org_id, period) DO UPDATE SET path = excluded.path, cell_type = excluded.cell_type, outcome = excluded.outcome,
		meeting_id = excluded.meeting_id, held_on = excluded.held_on, present = excluded.present, required = excluded.required,
		grade = excluded.grade, score = excluded.score, complete = excluded.complete, signed = excluded.signed, extra = excluded.extra, flags = excluded.flags`,
		c.OrgID, c.Period, c.Path, c.CellType, string(c.Outcome), nz(c.MeetingID), c.HeldOn, c.Present, c.Required, string(c.Grade), c.Score,
		c.Complete, c.Signed, c.Extra, c.Flags)
	return err
}

// DeleteCellMonth removes a month row (the cell did not exist then).
func (tx *Tx) DeleteCellMonth(ctx context.Context, org int64, period string) error {
	_, err := tx.Exec(ctx, `DELETE FROM cell_months WHERE org_id = $1 AND period = $2`, org, period)
	return err
}

// AddOrgMonth adds figures to a committee's month. The sum is written
// just before the transaction commits (see pendingSums).
func (tx *Tx) AddOrgMonth(ctx context.Context, org int64, period string, f MonthFigures) error {
	p := tx.pending()
	k := sumKey{org, period}
	p.months[k] = p.months[k].Add(f)
	return nil
}

// OrgMonth is one committee's month.
type OrgMonth struct {
	OrgID  int64
	Period string
	MonthFigures
}

func (tx *Tx) queryOrgMonths(ctx context.Context, q string, args ...any) ([]OrgMonth, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrgMonth
	for rows.Next() {
		var m OrgMonth
		f := &m.MonthFigures
		if err := rows.Scan(&m.OrgID, &m.Period, &f.Cells, &f.OnTime, &f.Late, &f.NoMeeting, &f.Present, &f.Required, &f.Tot, &f.Kha, &f.TB, &f.Kem,
			&f.Ungraded, &f.Complete, &f.Signed, &f.Extra, &f.Flags); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

const orgMonthCols = `org_id, period, cells, on_time, late, no_meeting, present, required, tot, kha, tb, kem, ungraded, complete, signed, extra, flags`

// OrgMonths reads committees' months between two periods (inclusive), for
// the organizations listed.
func (tx *Tx) OrgMonths(ctx context.Context, orgs []int64, from, to string) ([]OrgMonth, error) {
	if len(orgs) == 0 {
		return nil, nil
	}
	if err := tx.flushSums(ctx); err != nil {
		return nil, err
	}
	in, args := inList(orgs)
	n := len(args)
	args = append(args, from, to)
	return tx.queryOrgMonths(ctx, `SELECT `+orgMonthCols+` FROM org_months WHERE org_id IN (`+in+`) AND period >= $`+strconv.Itoa(n+1)+
		` AND period <= $`+strconv.Itoa(n+2)+` ORDER BY org_id, period`, args...)
}

// CellMonthsUnder reads the cell months under a path between two periods.
func (tx *Tx) CellMonthsUnder(ctx context.Context, path, from, to string) ([]CellMonth, error) {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT `+cellMonthCols+` FROM cell_months WHERE path >= $1 AND path < $2 AND period >= $3 AND period <= $4 ORDER BY path, period`,
		lo, hi, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellMonth
	for rows.Next() {
		c, err := scanCellMonth(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CellQuarter is the summary of one cell's quarter.
type CellQuarter struct {
	OrgID    int64
	Period   string
	Path     string
	CellType string
	Held     int
	Combined int
}

// CellQuarter reads a cell's quarter summary.
func (tx *Tx) CellQuarter(ctx context.Context, org int64, period string) (CellQuarter, bool, error) {
	var q CellQuarter
	err := tx.QueryRow(ctx, `SELECT org_id, period, path, cell_type, held, combined FROM cell_quarters WHERE org_id = $1 AND period = $2`+tx.ForUpdate(), org, period).
		Scan(&q.OrgID, &q.Period, &q.Path, &q.CellType, &q.Held, &q.Combined)
	if errors.Is(err, sql.ErrNoRows) {
		return q, false, nil
	}
	return q, err == nil, err
}

// PutCellQuarter writes a cell's quarter summary.
func (tx *Tx) PutCellQuarter(ctx context.Context, q CellQuarter) error {
	_, err := tx.Exec(ctx, `INSERT INTO cell_quarters (org_id, period, path, cell_type, held, combined) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (org_id, period) DO UPDATE SET path = excluded.path, cell_type = excluded.cell_type, held = excluded.held, combined = excluded.combined`,
		q.OrgID, q.Period, q.Path, q.CellType, q.Held, q.Combined)
	return err
}

// AddOrgQuarter adds counts to a committee's quarter, written just before
// the transaction commits (see pendingSums).
func (tx *Tx) AddOrgQuarter(ctx context.Context, org int64, period string, cells, held, combined int) error {
	p := tx.pending()
	k := sumKey{org, period}
	q := p.quarters[k]
	p.quarters[k] = [3]int{q[0] + cells, q[1] + held, q[2] + combined}
	return nil
}

// OrgQuarter is one committee's quarter.
type OrgQuarter struct {
	OrgID       int64
	Period      string
	Cells, Held int
	Combined    int
}

// OrgQuarters reads committees' quarters between two periods.
func (tx *Tx) OrgQuarters(ctx context.Context, orgs []int64, from, to string) ([]OrgQuarter, error) {
	if len(orgs) == 0 {
		return nil, nil
	}
	if err := tx.flushSums(ctx); err != nil {
		return nil, err
	}
	in, args := inList(orgs)
	n := len(args)
	args = append(args, from, to)
	rows, err := tx.Query(ctx, `SELECT org_id, period, cells, held, combined FROM org_quarters WHERE org_id IN (`+in+`) AND period >= $`+strconv.Itoa(n+1)+
		` AND period <= $`+strconv.Itoa(n+2)+` ORDER BY org_id, period`, args...)
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

// PathOn is an organization's path on day d, walking the versions of its
// ancestors as they stood then (a report counts each cell under the parent
// it had at the time). It returns "" when the organization did not exist.
func (tx *Tx) PathOn(ctx context.Context, org int64, d party.Date) (string, error) {
	var ids []string
	cur := org
	for depth := 0; cur != 0 && depth < 20; depth++ {
		var parent int64
		err := tx.QueryRow(ctx, `SELECT parent_id FROM org_versions WHERE org_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $2)`, cur, d).
			Scan(nullInt{&parent})
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		ids = append([]string{strconv.FormatInt(cur, 10)}, ids...)
		cur = parent
	}
	return "/" + strings.Join(ids, "/") + "/", nil
}

// ClearSummaries empties every summary table (before a full rebuild).
func (tx *Tx) ClearSummaries(ctx context.Context) error {
	tx.sums = nil // what was added before is cleared with the rest
	for _, t := range []string{"org_quarters", "org_months", "cell_quarters", "cell_months"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+t); err != nil {
			return err
		}
	}
	return nil
}
