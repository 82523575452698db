package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// Plans (đề án, kế hoạch) with their indicators and yearly targets, and
// the board's text of review reports (migration 00008). The indicators
// are codes of the catalogue in internal/plans; the store does not judge
// them.

// Plan is a plan with its responsible organizations, indicators and
// targets.
type Plan struct {
	ID          int64
	OrgID       int64
	OrgName     string // read only
	OrgPath     string // read only
	Number      string // "11-ĐA/TU"
	Title       string
	Goals       string
	YearFrom    int
	YearTo      int
	Responsible []PlanOrg
	Indicators  []string // codes, in the order shown
	Targets     []PlanTarget
	Version     int64
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// PlanOrg is a responsible organization.
type PlanOrg struct {
	ID   int64
	Name string
	Path string
}

// PlanTarget is the target of an indicator for a year, in tenths of a
// percent (925 = 92,5%).
type PlanTarget struct {
	Indicator string
	Year      int
	Permille  int
}

const planCols = `p.id, p.org_id, o.name, o.path, p.number, p.title, p.goals, p.year_from, p.year_to, p.version, p.created_by, p.created_at, p.updated_at`

func scanPlan(sc interface{ Scan(...any) error }) (Plan, error) {
	var p Plan
	err := sc.Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Number, &p.Title, &p.Goals, &p.YearFrom, &p.YearTo, &p.Version, &p.CreatedBy,
		nullTime{&p.CreatedAt}, nullTime{&p.UpdatedAt})
	return p, err
}

// numberTaken is the answer to a second plan with the same number in one
// organization, beside the field.
func numberTaken(n string) error {
	return &party.Error{Code: party.EConflict, Msg: party.M("plan.number_taken", n), Fields: map[string]party.Msg{"number": party.M("plan.number_taken", n)}}
}

// InsertPlan stores a new plan with its lists.
func (tx *Tx) InsertPlan(ctx context.Context, p Plan) (int64, error) {
	id, err := tx.insertID(ctx, `INSERT INTO plans (org_id, number, title, goals, year_from, year_to, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
		p.OrgID, p.Number, p.Title, p.Goals, p.YearFrom, p.YearTo, tx.Actor.Username, Unix(tx.Now))
	if isUnique(err) {
		return 0, numberTaken(p.Number)
	}
	if err != nil {
		return 0, err
	}
	p.ID = id
	return id, tx.putPlanLists(ctx, p)
}

// UpdatePlan saves a plan with an optimistic version check: an edit made
// on an older version is refused, never silently overwritten.
func (tx *Tx) UpdatePlan(ctx context.Context, p Plan) error {
	res, err := tx.Exec(ctx, `UPDATE plans SET number = $1, title = $2, goals = $3, year_from = $4, year_to = $5, updated_at = $6, version = version + 1
		WHERE id = $7 AND version = $8`, p.Number, p.Title, p.Goals, p.YearFrom, p.YearTo, Unix(tx.Now), p.ID, p.Version)
	if isUnique(err) {
		return numberTaken(p.Number)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.Conflict("plan.stale")
	}
	for _, t := range []string{"plan_orgs", "plan_indicators", "plan_targets"} {
		if _, err := tx.Exec(ctx, `DELETE FROM `+t+` WHERE plan_id = $1`, p.ID); err != nil {
			return err
		}
	}
	return tx.putPlanLists(ctx, p)
}

func (tx *Tx) putPlanLists(ctx context.Context, p Plan) error {
	for _, o := range p.Responsible {
		if _, err := tx.Exec(ctx, `INSERT INTO plan_orgs (plan_id, org_id) VALUES ($1, $2)`, p.ID, o.ID); err != nil {
			return err
		}
	}
	for i, code := range p.Indicators {
		if _, err := tx.Exec(ctx, `INSERT INTO plan_indicators (plan_id, indicator, position) VALUES ($1, $2, $3)`, p.ID, code, i); err != nil {
			return err
		}
	}
	for _, t := range p.Targets {
		if _, err := tx.Exec(ctx, `INSERT INTO plan_targets (plan_id, indicator, year, permille) VALUES ($1, $2, $3, $4)`,
			p.ID, t.Indicator, t.Year, t.Permille); err != nil {
			return err
		}
	}
	return nil
}

// Plan reads a plan with its lists.
func (tx *Tx) Plan(ctx context.Context, id int64) (Plan, error) {
	p, err := scanPlan(tx.QueryRow(ctx, `SELECT `+planCols+` FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, party.NotFound("plan.not_found", strconv.FormatInt(id, 10))
	}
	if err != nil {
		return p, err
	}
	list := []Plan{p}
	if err := tx.planLists(ctx, list); err != nil {
		return p, err
	}
	return list[0], nil
}

// PlansAround lists the plans that concern the organization at path: its
// own and its ancestors' (they apply to it), and those of the
// organizations under it; the latest roadmaps first.
func (tx *Tx) PlansAround(ctx context.Context, path string) ([]Plan, error) {
	lo, hi := SubtreeRange(path)
	args := []any{lo, hi}
	var in []string
	for _, id := range PathIDs(path) {
		args = append(args, id)
		in = append(in, "$"+strconv.Itoa(len(args)))
	}
	cond := `(o.path >= $1 AND o.path < $2)`
	if len(in) > 0 {
		cond += ` OR p.org_id IN (` + strings.Join(in, ",") + `)`
	}
	rows, err := tx.Query(ctx, `SELECT `+planCols+` FROM plans p JOIN orgs o ON o.id = p.org_id WHERE `+cond+`
		ORDER BY p.year_to DESC, o.depth, p.number, p.id LIMIT 500`, args...)
	out, err := collect(rows, err, scanPlan)
	if err != nil {
		return nil, err
	}
	return out, tx.planLists(ctx, out)
}

// PlansOver lists the plans of the organizations on path (the
// organization and its ancestors: those that apply to it) whose roadmap
// touches the years from–to, the highest organization first.
func (tx *Tx) PlansOver(ctx context.Context, path string, from, to int) ([]Plan, error) {
	ids := PathIDs(path)
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids)
	n := len(args)
	args = append(args, from, to)
	rows, err := tx.Query(ctx, `SELECT `+planCols+` FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.org_id IN (`+in+`)
		AND p.year_from <= $`+strconv.Itoa(n+2)+` AND p.year_to >= $`+strconv.Itoa(n+1)+` ORDER BY o.depth, p.year_from, p.number, p.id`, args...)
	out, err := collect(rows, err, scanPlan)
	if err != nil {
		return nil, err
	}
	return out, tx.planLists(ctx, out)
}

// planLists reads the responsible organizations, indicators and targets
// of the plans listed.
func (tx *Tx) planLists(ctx context.Context, ps []Plan) error {
	if len(ps) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		at[p.ID], ids[i] = i, p.ID
	}
	for _, c := range chunks(ids) {
		in, args := inList(c)
		rows, err := tx.Query(ctx, `SELECT po.plan_id, o.id, o.name, o.path FROM plan_orgs po JOIN orgs o ON o.id = po.org_id
			WHERE po.plan_id IN (`+in+`) ORDER BY po.plan_id, o.path`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var pid int64
			var o PlanOrg
			if err := rows.Scan(&pid, &o.ID, &o.Name, &o.Path); err != nil {
				rows.Close()
				return err
			}
			ps[at[pid]].Responsible = append(ps[at[pid]].Responsible, o)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT plan_id, indicator FROM plan_indicators WHERE plan_id IN (`+in+`) ORDER BY plan_id, position`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var pid int64
			var code string
			if err := rows.Scan(&pid, &code); err != nil {
				rows.Close()
				return err
			}
			ps[at[pid]].Indicators = append(ps[at[pid]].Indicators, code)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT plan_id, indicator, year, permille FROM plan_targets WHERE plan_id IN (`+in+`) ORDER BY plan_id, indicator, year`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var pid int64
			var t PlanTarget
			if err := rows.Scan(&pid, &t.Indicator, &t.Year, &t.Permille); err != nil {
				rows.Close()
				return err
			}
			ps[at[pid]].Targets = append(ps[at[pid]].Targets, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// CellSpan is the first and last period a cell had rows at one path
// between two periods (cell_months or cell_quarters). The summaries hold a
// row for every month and quarter of a cell's existence, so a cell was
// due every period in between.
type CellSpan struct {
	Path        string
	First, Last string
}

// CellMiss is a cell, at a path, that missed an obligation at least once
// in a year (a month without its regular meeting, a quarter without a
// thematic one).
type CellMiss struct {
	Path string
	Year int
}

// CellMonthSpans reads the spans of the cells under the subtree [lo, hi)
// between the months from and to: one streaming pass over the index
// cell_months_path (the rows come in the order of the grouping).
func (tx *Tx) CellMonthSpans(ctx context.Context, lo, hi, from, to string) ([]CellSpan, error) {
	return tx.cellSpans(ctx, `cell_months`, lo, hi, from, to)
}

// CellQuarterSpans is CellMonthSpans over cell_quarters (cell_quarters_path).
func (tx *Tx) CellQuarterSpans(ctx context.Context, lo, hi, from, to string) ([]CellSpan, error) {
	return tx.cellSpans(ctx, `cell_quarters`, lo, hi, from, to)
}

func (tx *Tx) cellSpans(ctx context.Context, table, lo, hi, from, to string) ([]CellSpan, error) {
	rows, err := tx.Query(ctx, `SELECT path, min(period), max(period) FROM `+table+`
		WHERE path >= $1 AND path < $2 AND period >= $3 AND period <= $4 GROUP BY path`, lo, hi, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellSpan
	for rows.Next() {
		var s CellSpan
		if err := rows.Scan(&s.Path, &s.First, &s.Last); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CellMonthMisses lists the cells under [lo, hi) that did not hold the
// regular meeting of one of the months listed, per path and year, from
// the index cell_months_missing alone (the months not held only).
func (tx *Tx) CellMonthMisses(ctx context.Context, lo, hi string, months []string) ([]CellMiss, error) {
	return tx.cellMisses(ctx, `SELECT DISTINCT path, substr(period, 1, 4) FROM cell_months`, `outcome = 'none'`, lo, hi, months)
}

// CellQuarterMisses lists the cells under [lo, hi) without a thematic
// meeting in one of the quarters listed (index cell_quarters_missing).
func (tx *Tx) CellQuarterMisses(ctx context.Context, lo, hi string, quarters []string) ([]CellMiss, error) {
	return tx.cellMisses(ctx, `SELECT DISTINCT path, substr(period, 1, 4) FROM cell_quarters`, `held = 0`, lo, hi, quarters)
}

func (tx *Tx) cellMisses(ctx context.Context, sel, cond, lo, hi string, periods []string) ([]CellMiss, error) {
	if len(periods) == 0 {
		return nil, nil
	}
	args := []any{lo, hi}
	ph := make([]string, len(periods))
	for i, p := range periods {
		args = append(args, p)
		ph[i] = "$" + strconv.Itoa(len(args))
	}
	rows, err := tx.Query(ctx, sel+` WHERE period IN (`+strings.Join(ph, ",")+`) AND `+cond+` AND path >= $1 AND path < $2`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellMiss
	for rows.Next() {
		var m CellMiss
		var year string
		if err := rows.Scan(&m.Path, &year); err != nil {
			return nil, err
		}
		m.Year, _ = strconv.Atoi(year)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MemberCount is how many members an organization had on a day, and of
// them how many were probationary.
type MemberCount struct {
	Members, Probationary int
}

// CountMembersOn counts the members registered in the cells now under
// path who had joined by day d and not left (their home cell as it is
// now), and the probationary among them (not yet full members on d).
func (tx *Tx) CountMembersOn(ctx context.Context, path string, d party.Date) (MemberCount, error) {
	lo, hi := SubtreeRange(path)
	var c MemberCount
	err := tx.QueryRow(ctx, `SELECT count(*), coalesce(sum(CASE WHEN m.official_on IS NULL OR m.official_on > $3 THEN 1 ELSE 0 END), 0)
		FROM orgs o JOIN members m ON m.org_id = o.id
		WHERE o.path >= $1 AND o.path < $2 AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3)`, lo, hi, d).Scan(&c.Members, &c.Probationary)
	return c, err
}

// CountOrgKinds counts the organizations under path (itself excluded)
// that existed on day d, by kind.
func (tx *Tx) CountOrgKinds(ctx context.Context, path string, d party.Date) (map[party.OrgKind]int, error) {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT kind, count(*) FROM orgs WHERE path > $1 AND path < $2 AND created_on <= $3
		AND (dissolved_on IS NULL OR dissolved_on > $3) GROUP BY kind`, lo, hi, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[party.OrgKind]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[party.OrgKind(k)] = n
	}
	return out, rows.Err()
}

// ReviewText is the board's own text of a review report, kept for an
// organization and a range of months (YYYY-MM).
type ReviewText struct {
	OrgID      int64
	From, To   string
	Number     string // "03-BC/ĐU"
	Leadership string // công tác lãnh đạo, chỉ đạo, tổ chức thực hiện
	Strengths  string // ưu điểm
	Weaknesses string // hạn chế, nguyên nhân
	Lessons    string // bài học kinh nghiệm
	Directions string // phương hướng, nhiệm vụ kỳ tới
	Proposals  string // đề xuất, kiến nghị
	Signer     string
	SignRole   string // bi_thu, pho_bi_thu
	Recipients string // one per line
	Version    int64  // 0: never saved
	UpdatedBy  string
	UpdatedAt  time.Time
}

const reviewCols = `org_id, period_from, period_to, number, leadership, strengths, weaknesses, lessons, directions, proposals, signer, sign_role, recipients,
	version, updated_by, updated_at`

// ReviewTextOf reads the board's text of a report; found is false when
// none was saved (the answer then has the key and version 0).
func (tx *Tx) ReviewTextOf(ctx context.Context, org int64, from, to string) (ReviewText, bool, error) {
	r := ReviewText{OrgID: org, From: from, To: to}
	err := tx.QueryRow(ctx, `SELECT `+reviewCols+` FROM review_texts WHERE org_id = $1 AND period_from = $2 AND period_to = $3`, org, from, to).
		Scan(&r.OrgID, &r.From, &r.To, &r.Number, &r.Leadership, &r.Strengths, &r.Weaknesses, &r.Lessons, &r.Directions, &r.Proposals,
			&r.Signer, &r.SignRole, &r.Recipients, &r.Version, &r.UpdatedBy, nullTime{&r.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return ReviewText{OrgID: org, From: from, To: to}, false, nil
	}
	return r, err == nil, err
}

// PutReviewText saves the board's text with an optimistic version check:
// version 0 creates it (refused when someone saved it meanwhile), a
// version updates it only if nobody saved a later one. It returns the
// new version.
func (tx *Tx) PutReviewText(ctx context.Context, r ReviewText) (int64, error) {
	if r.Version == 0 {
		_, err := tx.Exec(ctx, `INSERT INTO review_texts (`+reviewCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $15)`,
			r.OrgID, r.From, r.To, r.Number, r.Leadership, r.Strengths, r.Weaknesses, r.Lessons, r.Directions, r.Proposals, r.Signer, r.SignRole,
			r.Recipients, tx.Actor.Username, Unix(tx.Now))
		if isUnique(err) {
			return 0, party.Conflict("review.stale")
		}
		return 1, err
	}
	res, err := tx.Exec(ctx, `UPDATE review_texts SET number = $1, leadership = $2, strengths = $3, weaknesses = $4, lessons = $5, directions = $6,
		proposals = $7, signer = $8, sign_role = $9, recipients = $10, updated_by = $11, updated_at = $12, version = version + 1
		WHERE org_id = $13 AND period_from = $14 AND period_to = $15 AND version = $16`,
		r.Number, r.Leadership, r.Strengths, r.Weaknesses, r.Lessons, r.Directions, r.Proposals, r.Signer, r.SignRole, r.Recipients,
		tx.Actor.Username, Unix(tx.Now), r.OrgID, r.From, r.To, r.Version)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, party.Conflict("review.stale")
	}
	return r.Version + 1, nil
}

// collect reads every row of a query with scan (the query's error
// passed along), and closes the rows.
func collect[T any](rows *sql.Rows, err error, scan func(interface{ Scan(...any) error }) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanID reads a row of one id.
func scanID(sc interface{ Scan(...any) error }) (id int64, err error) {
	err = sc.Scan(&id)
	return id, err
}

func scanText(sc interface{ Scan(...any) error }) (s string, err error) {
	err = sc.Scan(&s)
	return s, err
}
