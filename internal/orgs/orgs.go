// Package orgs is the organization tree: creating organizations and
// reorganizing them with effective dates (rename, move, merge, split,
// dissolve), the tree as of any day, and the leadership warnings.
package orgs

import (
	"context"
	"regexp"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Service runs organization use cases.
type Service struct {
	DB  *store.DB
	Now func() time.Time
	// Changed runs inside the transaction of every change to the tree,
	// with the organization changed and the day it takes effect (oversight
	// keeps its summaries under the right parents this way).
	Changed []func(ctx context.Context, tx *store.Tx, org int64, on party.Date) error
}

func (s *Service) changed(ctx context.Context, tx *store.Tx, org int64, on party.Date) error {
	for _, h := range s.Changed {
		if err := h(ctx, tx, org, on); err != nil {
			return err
		}
	}
	return nil
}

func New(db *store.DB) *Service { return &Service{DB: db, Now: time.Now} }

// Today is the current day in Vietnam.
func (s *Service) Today() party.Date { return party.DateOf(s.Now()) }

var codeRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$`)

// Validate checks a new organization against the tree rules.
func validateNew(ctx context.Context, tx *store.Tx, n *store.NewOrg) error {
	f := party.FieldErrors{}
	n.Code = strings.TrimSpace(n.Code)
	n.Name = vntext.Clean(n.Name)
	if !codeRE.MatchString(n.Code) {
		f.Add("code", "org.code_invalid")
	}
	if n.Name == "" {
		f.Add("name", "field.required")
	}
	if !n.Kind.Valid() {
		f.Add("kind", "org.kind_invalid")
	}
	if n.On.IsZero() {
		f.Add("on", "field.required")
	}
	if n.Kind.IsCell() {
		if n.CellType == "" {
			f.Add("cell_type", "org.cell_type_required")
		} else if ok, err := tx.CellTypeExists(ctx, n.CellType); err != nil {
			return err
		} else if !ok {
			f.Add("cell_type", "org.cell_type_invalid")
		}
	} else {
		n.CellType = ""
	}
	if n.ParentID != 0 {
		p, err := tx.Org(ctx, n.ParentID)
		if err != nil {
			f.Add("parent_id", "org.parent_not_found")
		} else if !p.Dissolved.IsZero() {
			f.Add("parent_id", "org.dissolved", p.Name, p.Dissolved)
		} else if n.Kind.Valid() && !p.Kind.CanParent(n.Kind) {
			f.Add("kind", "org.kind_not_under", party.M("org.kind."+string(n.Kind)), party.M("org.kind."+string(p.Kind)))
		}
	} else if n.Kind.Valid() && n.Kind != party.DangBoTinh && n.Kind != party.DangBoHuyen && n.Kind != party.DangBoCoSo {
		f.Add("parent_id", "org.parent_required")
	}
	return f.Err()
}

// Create adds an organization to the tree from day n.On.
func (s *Service) Create(ctx context.Context, actor store.Actor, n store.NewOrg) (int64, error) {
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := validateNew(ctx, tx, &n); err != nil {
			return err
		}
		var err error
		if id, err = tx.InsertOrg(ctx, n); err != nil {
			return err
		}
		if err := tx.Audit(ctx, "create", "org", id, id, nil, n); err != nil {
			return err
		}
		return s.changed(ctx, tx, id, n.On)
	})
	return id, err
}

// Rename gives an organization a new name from day on.
func (s *Service) Rename(ctx context.Context, actor store.Actor, id int64, name string, on party.Date, version int64) error {
	name = vntext.Clean(name)
	if name == "" {
		f := party.FieldErrors{}
		f.Add("name", "field.required")
		return f.Err()
	}
	return s.change(ctx, actor, store.OrgChange{OrgID: id, On: on, Change: "rename", Name: name, Version: version})
}

// Move puts an organization (with its subtree) under a new parent from day on.
func (s *Service) Move(ctx context.Context, actor store.Actor, id, parent int64, on party.Date, version int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, id)
		if err != nil {
			return err
		}
		p, err := tx.Org(ctx, parent)
		if err != nil {
			return err
		}
		if !p.Kind.CanParent(o.Kind) {
			return party.RuleError("org.kind_not_under", party.M("org.kind."+string(o.Kind)), party.M("org.kind."+string(p.Kind)))
		}
		return s.changeTx(ctx, tx, store.OrgChange{OrgID: id, On: on, Change: "move", ParentID: parent, Version: version})
	})
}

// Retype changes a cell's type from day on.
func (s *Service) Retype(ctx context.Context, actor store.Actor, id int64, ct party.CellType, on party.Date, version int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if ok, err := tx.CellTypeExists(ctx, ct); err != nil || !ok {
			f := party.FieldErrors{}
			f.Add("cell_type", "org.cell_type_invalid")
			return f.Err()
		}
		return s.changeTx(ctx, tx, store.OrgChange{OrgID: id, On: on, Change: "retype", CellType: ct, Version: version})
	})
}

// Dissolve ends an organization from day on. It must have no members and
// no organizations under it left: move or merge them first.
func (s *Service) Dissolve(ctx context.Context, actor store.Actor, id int64, on party.Date, note string, version int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		kids, err := tx.Children(ctx, id)
		if err != nil {
			return err
		}
		if len(kids) > 0 {
			return party.RuleError("org.dissolve_has_children", len(kids))
		}
		ms, err := tx.MembersOf(ctx, id, false)
		if err != nil {
			return err
		}
		if len(ms) > 0 {
			return party.RuleError("org.dissolve_has_members", len(ms))
		}
		return s.changeTx(ctx, tx, store.OrgChange{OrgID: id, On: on, Change: "dissolve", Note: vntext.Clean(note), Version: version})
	})
}

// Merge joins cell from into cell into from day on: every member of from
// moves to into, offices held in from end, temporary registrations hosted
// by from move to into, and from is dissolved. Past meetings stay with the
// cell that held them.
func (s *Service) Merge(ctx context.Context, actor store.Actor, from, into int64, on party.Date) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		a, err := tx.Org(ctx, from)
		if err != nil {
			return err
		}
		b, err := tx.Org(ctx, into)
		if err != nil {
			return err
		}
		if !a.IsCell() || !b.IsCell() {
			return party.RuleError("org.merge_cells_only")
		}
		if a.ID == b.ID {
			return party.RuleError("org.merge_same")
		}
		if !b.Dissolved.IsZero() {
			return party.RuleError("org.dissolved", b.Name, b.Dissolved)
		}
		if err := moveMembers(ctx, tx, a.ID, b.ID, nil, on); err != nil {
			return err
		}
		if err := s.changeTx(ctx, tx, store.OrgChange{OrgID: a.ID, On: on, Change: "merge", RelatedID: b.ID, Note: b.Name}); err != nil {
			return err
		}
		if err := tx.Audit(ctx, "merge", "org", b.ID, b.ID, map[string]any{"from": a.ID, "from_name": a.Name}, map[string]any{"into": b.ID, "on": on}); err != nil {
			return err
		}
		return s.changed(ctx, tx, b.ID, on)
	})
}

// SplitPart is one new cell made by a split, with the members it takes.
type SplitPart struct {
	Code      string
	Name      string
	CellType  party.CellType
	MemberIDs []int64
}

// Split makes new cells out of cell id from day on, each taking the listed
// members. With dissolve, the original cell ends (it must then be left
// without members); otherwise it keeps the members not listed.
func (s *Service) Split(ctx context.Context, actor store.Actor, id int64, on party.Date, parts []SplitPart, dissolve bool) ([]int64, error) {
	var ids []int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		a, err := tx.Org(ctx, id)
		if err != nil {
			return err
		}
		if !a.IsCell() {
			return party.RuleError("org.split_cells_only")
		}
		if len(parts) == 0 {
			return party.Invalid("org.split_needs_parts")
		}
		current, err := tx.MembersOf(ctx, id, false)
		if err != nil {
			return err
		}
		inCell := map[int64]bool{}
		for _, m := range current {
			inCell[m.ID] = true
		}
		taken := map[int64]bool{}
		for _, p := range parts {
			ct := p.CellType
			if ct == "" {
				ct = a.CellType
			}
			n := store.NewOrg{Code: p.Code, Name: p.Name, Kind: a.Kind, CellType: ct, ParentID: a.ParentID, On: on, Place: a.Place, Abbrev: a.Abbrev}
			if err := validateNew(ctx, tx, &n); err != nil {
				return err
			}
			nid, err := tx.InsertOrg(ctx, n)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE org_versions SET change = 'split', related_id = $1 WHERE org_id = $2`, a.ID, nid); err != nil {
				return err
			}
			for _, m := range p.MemberIDs {
				if !inCell[m] || taken[m] {
					return party.RuleError("org.split_member_not_in_cell", m)
				}
				taken[m] = true
			}
			if err := moveMembers(ctx, tx, a.ID, nid, p.MemberIDs, on); err != nil {
				return err
			}
			ids = append(ids, nid)
		}
		if dissolve {
			if len(taken) != len(current) {
				return party.RuleError("org.dissolve_has_members", len(current)-len(taken))
			}
			if err := s.changeTx(ctx, tx, store.OrgChange{OrgID: a.ID, On: on, Change: "dissolve", Note: "split"}); err != nil {
				return err
			}
		}
		if err := tx.Audit(ctx, "split", "org", a.ID, a.ID, nil, map[string]any{"new": ids, "on": on, "dissolve": dissolve}); err != nil {
			return err
		}
		for _, id := range append(ids, a.ID) {
			if err := s.changed(ctx, tx, id, on); err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
}

// moveMembers moves members of cell from (all of them when ids is nil) to
// cell to from day on, ends their offices in from and re-hosts temporary
// registrations.
func moveMembers(ctx context.Context, tx *store.Tx, from, to int64, ids []int64, on party.Date) error {
	if ids == nil {
		ms, err := tx.MembersOf(ctx, from, false)
		if err != nil {
			return err
		}
		for _, m := range ms {
			ids = append(ids, m.ID)
		}
		if err := rehost(ctx, tx, from, to, on); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if err := tx.MoveMember(ctx, id, to, on); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE member_roles SET until_date = $1 WHERE member_id = $2 AND org_id = $3 AND (until_date IS NULL OR until_date >= $4)`,
			on.AddDays(-1), id, from, on); err != nil {
			return err
		}
	}
	return nil
}

// rehost moves temporary registrations hosted by cell from to cell to from
// day on, keeping history: a stay that began earlier ends the day before and
// continues in the new host (unless that is the member's own cell).
func rehost(ctx context.Context, tx *store.Tx, from, to int64, on party.Date) error {
	rows, err := tx.Query(ctx, `SELECT s.id, s.member_id, s.from_date, s.until_date, s.reason, m.org_id FROM member_states s JOIN members m ON m.id = s.member_id
		WHERE s.kind = 'tam_thoi' AND s.host_org_id = $1 AND (s.until_date IS NULL OR s.until_date >= $2)`, from, on)
	if err != nil {
		return err
	}
	type stay struct {
		st   party.DatedState
		home int64
	}
	var stays []stay
	for rows.Next() {
		var x stay
		var reason *string
		if err := rows.Scan(&x.st.ID, &x.st.MemberID, &x.st.From, &x.st.Until, &reason, &x.home); err != nil {
			rows.Close()
			return err
		}
		if reason != nil {
			x.st.Reason = *reason
		}
		stays = append(stays, x)
	}
	rows.Close()
	for _, x := range stays {
		if x.st.From.Before(on) {
			if err := tx.EndState(ctx, x.st.ID, on.AddDays(-1)); err != nil {
				return err
			}
		} else if _, err := tx.Exec(ctx, `DELETE FROM member_states WHERE id = $1`, x.st.ID); err != nil {
			return err
		}
		if x.home == to {
			continue // the member now meets in their own cell
		}
		next := x.st
		next.ID, next.HostOrgID = 0, to
		if next.From.Before(on) {
			next.From = on
		}
		if _, err := tx.InsertState(ctx, next); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) change(ctx context.Context, actor store.Actor, c store.OrgChange) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error { return s.changeTx(ctx, tx, c) })
}

func (s *Service) changeTx(ctx context.Context, tx *store.Tx, c store.OrgChange) error {
	if c.On.IsZero() {
		f := party.FieldErrors{}
		f.Add("on", "field.required")
		return f.Err()
	}
	before, err := tx.Org(ctx, c.OrgID)
	if err != nil {
		return err
	}
	if err := tx.ApplyOrgChange(ctx, c); err != nil {
		return err
	}
	after, err := tx.Org(ctx, c.OrgID)
	if err != nil {
		return err
	}
	if err := tx.Audit(ctx, c.Change, "org", c.OrgID, c.OrgID, before.Org, map[string]any{"org": after.Org, "on": c.On, "note": c.Note}); err != nil {
		return err
	}
	return s.changed(ctx, tx, c.OrgID, c.On)
}

// Warnings applies the leadership rules to a cell on day d.
func (s *Service) Warnings(ctx context.Context, cell int64, d party.Date) ([]party.Msg, error) {
	var out []party.Msg
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, cell)
		if err != nil || !o.IsCell() {
			return err
		}
		c, err := tx.CellCounts(ctx, cell, d)
		if err != nil {
			return err
		}
		out = party.CellWarnings(c)
		return nil
	})
	return out, err
}
