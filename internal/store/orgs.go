package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

const orgCols = `o.id, o.code, o.name, o.kind, o.cell_type, o.parent_id, o.path, o.follower_user_id,
	o.usual_day, o.usual_time, o.usual_place, o.place, o.abbrev, o.version, o.dissolved_on, o.created_on, o.child_count`

// OrgRow is an organization with what lists need besides the domain fields.
type OrgRow struct {
	party.Org
	CreatedOn  party.Date
	ChildCount int
}

func scanOrg(sc interface{ Scan(...any) error }) (OrgRow, error) {
	var o OrgRow
	var ct, ut, up, pl, ab string
	var usual, parent, follower int64
	err := sc.Scan(&o.ID, &o.Code, &o.Name, &o.Kind, nullStr{&ct}, nullInt{&parent}, &o.Path, nullInt{&follower},
		nullInt{&usual}, nullStr{&ut}, nullStr{&up}, nullStr{&pl}, nullStr{&ab}, &o.Version, &o.Dissolved, &o.CreatedOn, &o.ChildCount)
	o.CellType, o.ParentID, o.FollowerUserID = party.CellType(ct), parent, follower
	o.UsualDay, o.UsualTime, o.UsualPlace, o.Place, o.Abbrev = int(usual), ut, up, pl, ab
	return o, err
}

// SubtreeRange gives the bounds of every path under path: a subtree query
// is `path >= lo AND path < hi`, which uses the index on both engines
// (LIKE would not on SQLite).
func SubtreeRange(path string) (lo, hi string) {
	return path, path[:len(path)-1] + "0" // '0' is the byte after '/'
}

// Org returns the current version of an organization.
func (tx *Tx) Org(ctx context.Context, id int64) (OrgRow, error) {
	o, err := scanOrg(tx.QueryRow(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, party.NotFound("org.not_found", strconv.FormatInt(id, 10))
	}
	return o, err
}

// OrgByCode finds an organization by its unique code.
func (tx *Tx) OrgByCode(ctx context.Context, code string) (OrgRow, error) {
	o, err := scanOrg(tx.QueryRow(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.code = $1`, strings.TrimSpace(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return o, party.NotFound("org.code_not_found", code)
	}
	return o, err
}

func (tx *Tx) queryOrgs(ctx context.Context, q string, args ...any) ([]OrgRow, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OrgRow
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Children lists the current, not dissolved children of parent (0: the
// roots), in Vietnamese order of names.
func (tx *Tx) Children(ctx context.Context, parent int64) ([]OrgRow, error) {
	if parent == 0 {
		return tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.parent_id IS NULL AND o.dissolved_on IS NULL ORDER BY o.name_sort`)
	}
	return tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.parent_id = $1 AND o.dissolved_on IS NULL ORDER BY o.name_sort`, parent)
}

// Ancestors lists the organizations on the current path of o, root first,
// without o itself.
func (tx *Tx) Ancestors(ctx context.Context, o party.Org) ([]OrgRow, error) {
	ids := PathIDs(o.Path)
	if len(ids) <= 1 {
		return nil, nil
	}
	ids = ids[:len(ids)-1]
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	list, err := tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.id IN (`+strings.Join(ph, ",")+`) ORDER BY o.depth`, args...)
	return list, err
}

// PathIDs splits "/1/5/23/" into [1 5 23].
func PathIDs(path string) []int64 {
	var out []int64
	for _, p := range strings.Split(strings.Trim(path, "/"), "/") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// SearchOrgs finds current organizations under scope (a path; "" for
// all) whose name contains q, ignoring case and diacritics.
func (tx *Tx) SearchOrgs(ctx context.Context, scope, q string, limit int) ([]OrgRow, error) {
	f := "%" + likeEscape(vntext.Fold(vntext.Clean(q))) + "%"
	if scope == "" {
		scope = "/"
	}
	lo, hi := SubtreeRange(scope)
	return tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o
		WHERE o.path >= $1 AND o.path < $2 AND o.dissolved_on IS NULL AND (o.name_fold LIKE $3 ESCAPE '\' OR lower(o.code) LIKE $3 ESCAPE '\')
		ORDER BY o.depth, o.name_sort LIMIT $4`, lo, hi, f, limit)
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// SubtreeOrgs lists the current organizations under path (inclusive).
func (tx *Tx) SubtreeOrgs(ctx context.Context, path string, cellsOnly bool) ([]OrgRow, error) {
	lo, hi := SubtreeRange(path)
	q := `SELECT ` + orgCols + ` FROM orgs o WHERE o.path >= $1 AND o.path < $2 AND o.dissolved_on IS NULL`
	if cellsOnly {
		q += ` AND o.kind IN ('chi_bo', 'chi_bo_co_so')`
	}
	return tx.queryOrgs(ctx, q+` ORDER BY o.path`, lo, hi)
}

// OrgVersion is one dated version of an organization.
type OrgVersion struct {
	OrgID      int64
	Code       string
	Name       string
	Kind       party.OrgKind
	CellType   party.CellType
	ParentID   int64
	ValidFrom  party.Date
	ValidUntil party.Date
	Change     string
	Note       string
	RelatedID  int64
	HasKids    bool
}

// ChildrenAsOf lists the children of parent (0: the roots) as the tree
// stood on day d: the "as of" view of reorganizations.
func (tx *Tx) ChildrenAsOf(ctx context.Context, parent int64, d party.Date) ([]OrgVersion, error) {
	cond := `v.parent_id = $2`
	args := []any{d, parent}
	if parent == 0 {
		cond = `v.parent_id IS NULL`
		args = args[:1]
	}
	rows, err := tx.Query(ctx, `SELECT v.org_id, o.code, v.name, v.kind, v.cell_type, v.parent_id, v.valid_from, v.valid_until, v.change, v.note, v.related_id,
		EXISTS (SELECT 1 FROM org_versions c WHERE c.parent_id = v.org_id AND c.valid_from <= $1 AND (c.valid_until IS NULL OR c.valid_until >= $1))
		FROM org_versions v JOIN orgs o ON o.id = v.org_id
		WHERE `+cond+` AND v.valid_from <= $1 AND (v.valid_until IS NULL OR v.valid_until >= $1)
		ORDER BY v.name_sort`, args...)
	if err != nil {
		return nil, err
	}
	return scanVersions(rows)
}

func scanVersions(rows *sql.Rows) ([]OrgVersion, error) {
	defer rows.Close()
	var out []OrgVersion
	for rows.Next() {
		var v OrgVersion
		var ct, note string
		if err := rows.Scan(&v.OrgID, &v.Code, &v.Name, &v.Kind, nullStr{&ct}, nullInt{&v.ParentID}, &v.ValidFrom, &v.ValidUntil, &v.Change, nullStr{&note}, nullInt{&v.RelatedID}, &v.HasKids); err != nil {
			return nil, err
		}
		v.CellType, v.Note = party.CellType(ct), note
		out = append(out, v)
	}
	return out, rows.Err()
}

// OrgHistory lists every version of an organization, oldest first.
func (tx *Tx) OrgHistory(ctx context.Context, id int64) ([]OrgVersion, error) {
	rows, err := tx.Query(ctx, `SELECT v.org_id, o.code, v.name, v.kind, v.cell_type, v.parent_id, v.valid_from, v.valid_until, v.change, v.note, v.related_id, FALSE
		FROM org_versions v JOIN orgs o ON o.id = v.org_id WHERE v.org_id = $1 ORDER BY v.valid_from`, id)
	if err != nil {
		return nil, err
	}
	return scanVersions(rows)
}

// AllVersions loads every version of every organization, for computing
// historical paths in bulk (summaries, reports).
func (tx *Tx) AllVersions(ctx context.Context) ([]OrgVersion, error) {
	rows, err := tx.Query(ctx, `SELECT v.org_id, o.code, v.name, v.kind, v.cell_type, v.parent_id, v.valid_from, v.valid_until, v.change, v.note, v.related_id, FALSE
		FROM org_versions v JOIN orgs o ON o.id = v.org_id ORDER BY v.org_id, v.valid_from`)
	if err != nil {
		return nil, err
	}
	return scanVersions(rows)
}

// NewOrg is what creating an organization needs.
type NewOrg struct {
	Code     string
	Name     string
	Kind     party.OrgKind
	CellType party.CellType
	ParentID int64
	On       party.Date // the day it starts to exist
	Place    string
	Abbrev   string
}

// InsertOrg creates an organization and its first version.
func (tx *Tx) InsertOrg(ctx context.Context, n NewOrg) (int64, error) {
	path, depth := "/", 0
	if n.ParentID != 0 {
		p, err := tx.Org(ctx, n.ParentID)
		if err != nil {
			return 0, err
		}
		path, depth = p.Path, strings.Count(p.Path, "/")-1
	}
	name := vntext.Clean(n.Name)
	id, err := tx.insertID(ctx, `INSERT INTO orgs (code, kind, name, name_fold, name_sort, parent_id, path, depth, cell_type, created_on, place, abbrev)
		VALUES ($1, $2, $3, $4, $5, $6, '/', $7, $8, $9, $10, $11)`,
		n.Code, n.Kind, name, vntext.Fold(name), vntext.TextSortKey(name), nz(n.ParentID), depth, nz(string(n.CellType)), n.On, nz(n.Place), nz(n.Abbrev))
	if isUnique(err) {
		return 0, &party.Error{Code: party.EConflict, Msg: party.M("org.code_taken", n.Code), Fields: map[string]party.Msg{"code": party.M("org.code_taken", n.Code)}}
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `UPDATE orgs SET path = $1 WHERE id = $2`, path+strconv.FormatInt(id, 10)+"/", id); err != nil {
		return 0, err
	}
	if n.ParentID != 0 {
		if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + 1 WHERE id = $1`, n.ParentID); err != nil {
			return 0, err
		}
	}
	_, err = tx.Exec(ctx, `INSERT INTO org_versions (org_id, valid_from, name, name_sort, parent_id, kind, cell_type, change)
		VALUES ($1, $2, $3, $4, $5, $6, $7, 'create')`, id, n.On, name, vntext.TextSortKey(name), nz(n.ParentID), n.Kind, nz(string(n.CellType)))
	return id, err
}

// OrgChange is one reorganization step applied from day On. Change is
// rename, move, retype, merge (into RelatedID) or dissolve.
type OrgChange struct {
	OrgID     int64
	On        party.Date
	Change    string // rename, move, retype, merge, split, dissolve
	Name      string // new name (rename)
	ParentID  int64  // new parent (move)
	CellType  party.CellType
	Note      string
	RelatedID int64 // the other cell of a merge or split
	Version   int64 // the version the user saw; 0 skips the check
}

// ApplyOrgChange closes the current version of an organization the day
// before c.On and opens a new one from c.On (or rewrites it in place when
// it starts that very day). History before c.On is never changed.
func (tx *Tx) ApplyOrgChange(ctx context.Context, c OrgChange) error {
	o, err := tx.Org(ctx, c.OrgID)
	if err != nil {
		return err
	}
	if c.Version != 0 && c.Version != o.Version {
		return party.Conflict("org.stale")
	}
	if !o.Dissolved.IsZero() {
		return party.RuleError("org.dissolved", o.Name, o.Dissolved)
	}
	var cur OrgVersion
	vs, err := tx.OrgHistory(ctx, c.OrgID)
	if err != nil {
		return err
	}
	cur = vs[len(vs)-1]
	if c.On.Before(cur.ValidFrom) {
		return party.RuleError("org.change_before_current", cur.ValidFrom)
	}
	next := cur
	switch c.Change {
	case "rename":
		next.Name = vntext.Clean(c.Name)
	case "move":
		next.ParentID = c.ParentID
	case "retype":
		next.CellType = c.CellType
	case "merge", "dissolve":
	default:
		return fmt.Errorf("store: unknown org change %q", c.Change)
	}
	if c.On == cur.ValidFrom {
		if _, err := tx.Exec(ctx, `DELETE FROM org_versions WHERE org_id = $1 AND valid_from = $2`, c.OrgID, cur.ValidFrom); err != nil {
			return err
		}
	} else if _, err := tx.Exec(ctx, `UPDATE org_versions SET valid_until = $1 WHERE org_id = $2 AND valid_from = $3`, c.On.AddDays(-1), c.OrgID, cur.ValidFrom); err != nil {
		return err
	}
	if c.Change == "dissolve" || c.Change == "merge" {
		if c.On == cur.ValidFrom {
			// Dissolved the day it began: keep a one-day version so that
			// history still knows it.
			if _, err := tx.Exec(ctx, `INSERT INTO org_versions (org_id, valid_from, valid_until, name, name_sort, parent_id, kind, cell_type, change, note, related_id)
				VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, c.OrgID, c.On, cur.Name, vntext.TextSortKey(cur.Name), nz(cur.ParentID), cur.Kind, nz(string(cur.CellType)), cur.Change, nz(cur.Note), nz(cur.RelatedID)); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET dissolved_on = $1, end_change = $2, successor_id = $3, version = version + 1 WHERE id = $4`,
			c.On, c.Change, nz(c.RelatedID), c.OrgID); err != nil {
			return err
		}
		if o.ParentID != 0 {
			_, err = tx.Exec(ctx, `UPDATE orgs SET child_count = child_count - 1 WHERE id = $1`, o.ParentID)
		}
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO org_versions (org_id, valid_from, name, name_sort, parent_id, kind, cell_type, change, note, related_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		c.OrgID, c.On, next.Name, vntext.TextSortKey(next.Name), nz(next.ParentID), next.Kind, nz(string(next.CellType)), c.Change, nz(c.Note), nz(c.RelatedID)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE orgs SET name = $1, name_fold = $2, name_sort = $3, cell_type = $4, version = version + 1 WHERE id = $5`,
		next.Name, vntext.Fold(next.Name), vntext.TextSortKey(next.Name), nz(string(next.CellType)), c.OrgID); err != nil {
		return err
	}
	if c.Change == "move" && next.ParentID != o.ParentID {
		return tx.reparent(ctx, o, next.ParentID)
	}
	return nil
}

// reparent moves the current subtree of o under newParent: paths and
// depths of the whole subtree change, counts of both parents too.
func (tx *Tx) reparent(ctx context.Context, o OrgRow, newParent int64) error {
	np, err := tx.Org(ctx, newParent)
	if err != nil {
		return err
	}
	if strings.HasPrefix(np.Path, o.Path) {
		return party.RuleError("org.move_into_own_subtree")
	}
	newPath := np.Path + strconv.FormatInt(o.ID, 10) + "/"
	delta := strings.Count(newPath, "/") - strings.Count(o.Path, "/")
	lo, hi := SubtreeRange(o.Path)
	if _, err := tx.Exec(ctx, `UPDATE orgs SET path = $1 || substr(path, $2), depth = depth + $3 WHERE path >= $4 AND path < $5`,
		newPath, len(o.Path)+1, delta, lo, hi); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE orgs SET parent_id = $1 WHERE id = $2`, newParent, o.ID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count - 1 WHERE id = $1`, o.ParentID); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + 1 WHERE id = $1`, newParent)
	return err
}

// OrgSettings are the fields of an organization edited in place (no
// history): how it meets and prints, and who follows it.
type OrgSettings struct {
	Code           string
	FollowerUserID int64
	UsualDay       int
	UsualTime      string
	UsualPlace     string
	Place          string
	Abbrev         string
	Version        int64
}

// UpdateOrgSettings saves OrgSettings with an optimistic version check.
func (tx *Tx) UpdateOrgSettings(ctx context.Context, id int64, s OrgSettings) error {
	res, err := tx.Exec(ctx, `UPDATE orgs SET code = $1, follower_user_id = $2, usual_day = $3, usual_time = $4, usual_place = $5, place = $6, abbrev = $7, version = version + 1
		WHERE id = $8 AND version = $9`,
		strings.TrimSpace(s.Code), nz(s.FollowerUserID), nz(s.UsualDay), nz(s.UsualTime), nz(vntext.Clean(s.UsualPlace)), nz(vntext.Clean(s.Place)), nz(vntext.Clean(s.Abbrev)), id, s.Version)
	if isUnique(err) {
		return &party.Error{Code: party.EConflict, Msg: party.M("org.code_taken", s.Code), Fields: map[string]party.Msg{"code": party.M("org.code_taken", s.Code)}}
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.Conflict("org.stale")
	}
	return nil
}

// CellTypes lists the editable cell types.
type CellTypeRow struct {
	Code   party.CellType
	NameVI string
	NameEN string
	Active bool
}

func (tx *Tx) CellTypes(ctx context.Context) ([]CellTypeRow, error) {
	rows, err := tx.Query(ctx, `SELECT code, name_vi, name_en, active FROM cell_types ORDER BY position, code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellTypeRow
	for rows.Next() {
		var c CellTypeRow
		if err := rows.Scan(&c.Code, &c.NameVI, &c.NameEN, &c.Active); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CellTypeExists reports whether code names an active cell type.
func (tx *Tx) CellTypeExists(ctx context.Context, code party.CellType) (bool, error) {
	var ok bool
	err := tx.QueryRow(ctx, `SELECT count(*) > 0 FROM cell_types WHERE code = $1 AND active = TRUE`, code).Scan(&ok)
	return ok, err
}
