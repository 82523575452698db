package store

import (
	"context"
	"strconv"
	"strings"

	"chibo/internal/party"
)

// The dashboards read the kept figures (org_months, org_quarters for the
// committees, cell_months, cell_quarters for the cells) for one
// organization and its children; these are the queries beyond those of
// summary.go. None reads the cells of a whole subtree: children that are
// committees are read from their own sums.

// chunks splits ids for IN lists of at most 500 parameters.
func chunks(ids []int64) [][]int64 {
	var out [][]int64
	for start := 0; start < len(ids); start += 500 {
		out = append(out, ids[start:min(start+500, len(ids))])
	}
	return out
}

// ChildVersionsBetween lists the versions of the organizations that had
// parent as their parent at some day between from and to (inclusive): the
// children of a period, reorganizations included.
func (tx *Tx) ChildVersionsBetween(ctx context.Context, parent int64, from, to party.Date) ([]OrgVersion, error) {
	rows, err := tx.Query(ctx, `SELECT v.org_id, o.code, v.name, v.kind, v.cell_type, v.parent_id, v.valid_from, v.valid_until, v.change, v.note, v.related_id, FALSE
		FROM org_versions v JOIN orgs o ON o.id = v.org_id
		WHERE v.parent_id = $1 AND v.valid_from <= $3 AND (v.valid_until IS NULL OR v.valid_until >= $2)
		ORDER BY v.org_id, v.valid_from`, parent, from, to)
	if err != nil {
		return nil, err
	}
	return scanVersions(rows)
}

// OrgsOf reads organizations by id, in Vietnamese order of their names
// (within each 500 ids).
func (tx *Tx) OrgsOf(ctx context.Context, ids []int64) ([]OrgRow, error) {
	var out []OrgRow
	for _, c := range chunks(ids) {
		in, args := inList(c)
		list, err := tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.id IN (`+in+`) ORDER BY o.name_sort, o.id`, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	return out, nil
}

// CellMonthsOf reads the months of the cells listed between two periods.
func (tx *Tx) CellMonthsOf(ctx context.Context, cells []int64, from, to string) ([]CellMonth, error) {
	var out []CellMonth
	for _, c := range chunks(cells) {
		in, args := inList(c)
		n := len(args)
		args = append(args, from, to)
		rows, err := tx.Query(ctx, `SELECT `+cellMonthCols+` FROM cell_months WHERE org_id IN (`+in+`) AND period >= $`+strconv.Itoa(n+1)+
			` AND period <= $`+strconv.Itoa(n+2)+` ORDER BY org_id, period`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			cm, err := scanCellMonth(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, cm)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CellQuartersOf reads the quarters of the cells listed between two periods.
func (tx *Tx) CellQuartersOf(ctx context.Context, cells []int64, from, to string) ([]CellQuarter, error) {
	var out []CellQuarter
	for _, c := range chunks(cells) {
		in, args := inList(c)
		n := len(args)
		args = append(args, from, to)
		rows, err := tx.Query(ctx, `SELECT org_id, period, path, cell_type, held, combined FROM cell_quarters WHERE org_id IN (`+in+`) AND period >= $`+strconv.Itoa(n+1)+
			` AND period <= $`+strconv.Itoa(n+2)+` ORDER BY org_id, period`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var q CellQuarter
			if err := rows.Scan(&q.OrgID, &q.Period, &q.Path, &q.CellType, &q.Held, &q.Combined); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CountWithoutThematic counts, per subtree and quarter, the cell quarters
// with no thematic meeting held: paths maps a key to the path of a
// committee as it stood then, and the answer maps the key to the counts
// by quarter. org_quarters counts meetings, not cells, so the cells that
// held one are the cells minus these. One query for all the subtrees,
// counted through the index cell_quarters_missing.
func (tx *Tx) CountWithoutThematic(ctx context.Context, quarters []string, paths map[int64]string) (map[int64]map[string]int, error) {
	out := map[int64]map[string]int{}
	if len(quarters) == 0 || len(paths) == 0 {
		return out, nil
	}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	vals := make([]string, 0, len(paths))
	for key, p := range paths {
		lo, hi := SubtreeRange(p)
		vals = append(vals, "(CAST("+arg(key)+" AS BIGINT), CAST("+arg(lo)+" AS TEXT), CAST("+arg(hi)+" AS TEXT))")
	}
	in := make([]string, len(quarters))
	for i, q := range quarters {
		in[i] = arg(q)
	}
	rows, err := tx.Query(ctx, `SELECT r.column1, q.period, count(*) FROM (VALUES `+strings.Join(vals, ",")+`) AS r
		JOIN cell_quarters q ON q.path >= r.column2 AND q.path < r.column3
		WHERE q.period IN (`+strings.Join(in, ",")+`) AND q.held = 0 GROUP BY r.column1, q.period`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var key int64
		var p string
		var n int
		if err := rows.Scan(&key, &p, &n); err != nil {
			return nil, err
		}
		if out[key] == nil {
			out[key] = map[string]int{}
		}
		out[key][p] = n
	}
	return out, rows.Err()
}

// MissedMonth is a cell whose regular meeting of a month is not held.
type MissedMonth struct {
	OrgID  int64
	Name   string
	Path   string
	Period string
}

// MonthsWithoutMeeting lists the cells under path (a committee's path as
// it stood at the end of period) whose regular meeting of period is not
// held, in the order of the tree (the cells of a ward together), at most
// limit of them, and how many there are in all. Both read the index
// cell_months_missing alone; the names are read for the cells listed.
func (tx *Tx) MonthsWithoutMeeting(ctx context.Context, period, path string, limit int) ([]MissedMonth, int, error) {
	var total int
	lo, hi := SubtreeRange(path)
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM cell_months WHERE period = $1 AND outcome = 'none' AND path >= $2 AND path < $3`,
		period, lo, hi).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := tx.Query(ctx, `SELECT c.org_id, o.name, c.path, c.period FROM (SELECT org_id, path, period FROM cell_months
		WHERE period = $1 AND outcome = 'none' AND path >= $2 AND path < $3 ORDER BY path LIMIT $4) c JOIN orgs o ON o.id = c.org_id ORDER BY c.path`,
		period, lo, hi, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []MissedMonth
	for rows.Next() {
		var m MissedMonth
		if err := rows.Scan(&m.OrgID, &m.Name, &m.Path, &m.Period); err != nil {
			return nil, 0, err
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// NeverReorganized reports whether every organization listed has a single
// version: none was renamed, moved, retyped or dissolved, so their paths
// never changed.
func (tx *Tx) NeverReorganized(ctx context.Context, ids []int64) (bool, error) {
	if len(ids) == 0 {
		return true, nil
	}
	in, args := inList(ids)
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM org_versions WHERE org_id IN (`+in+`)`, args...).Scan(&n)
	return n == len(ids), err
}
