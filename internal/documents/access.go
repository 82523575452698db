package documents

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Manages reports whether p manages document d: auth.ManageDocuments on
// the issuing organization (its board and the boards above it).
func Manages(p auth.Principal, d store.Document) bool {
	return auth.Can(p, auth.ManageDocuments, auth.Target{OrgPath: d.IssuerPath})
}

// under reports whether path lies in the subtree of root (root included).
func under(path, root string) bool { return root != "" && strings.HasPrefix(path, root) }

// Reaches reports whether the dissemination targets reach a member whose
// home cell is at cellPath and who holds roles: a target is an
// organization's subtree, for every member or for the holders of one
// office.
func Reaches(targets []store.Dissemination, cellPath string, roles []party.CellRole) bool {
	for _, t := range targets {
		if under(cellPath, t.OrgPath) && (t.Role == "" || slices.Contains(roles, party.CellRole(t.Role))) {
			return true
		}
	}
	return false
}

// Readable reports whether p may read document d and its file: those who
// manage it; a board whose organization is reached by the document or
// oversees an organization it was sent to; a secretary whose cell it was
// sent to (for any office: the secretary passes it on); a member it was
// sent to (memberRoles are the offices the member holds today).
func Readable(p auth.Principal, d store.Document, targets []store.Dissemination, memberRoles []party.CellRole) bool {
	if Manages(p, d) {
		return true
	}
	switch p.Role {
	case auth.RoleBoard:
		for _, t := range targets {
			if under(p.OrgPath, t.OrgPath) || under(t.OrgPath, p.OrgPath) {
				return true
			}
		}
	case auth.RoleSecretary:
		for _, t := range targets {
			if under(p.OrgPath, t.OrgPath) || under(t.OrgPath, p.OrgPath) {
				return true
			}
		}
	}
	if p.MemberID != 0 && p.MemberOrgPath != "" {
		return Reaches(targets, p.MemberOrgPath, memberRoles)
	}
	return false
}

// CanRead loads what Readable needs and answers for p; a document p may
// not read is "not found" for them, so that its existence is not told.
func CanRead(ctx context.Context, tx *store.Tx, p auth.Principal, d store.Document, today party.Date) (bool, error) {
	if Manages(p, d) {
		return true, nil
	}
	targets, err := tx.Disseminations(ctx, d.ID)
	if err != nil {
		return false, err
	}
	var roles []party.CellRole
	if p.MemberID != 0 {
		if roles, err = tx.CurrentRoles(ctx, p.MemberID, today); err != nil {
			return false, err
		}
	}
	return Readable(p, d, targets, roles), nil
}

// Load reads document id for p: not found when it does not exist or p may
// not read it.
func (s *Service) Load(ctx context.Context, p auth.Principal, id int64) (store.Document, error) {
	var d store.Document
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if d, err = tx.Document(ctx, id); err != nil {
			return err
		}
		ok, err := CanRead(ctx, tx, p, d, s.today())
		if err == nil && !ok {
			err = party.NotFound("doc.not_found", strconv.FormatInt(d.ID, 10))
		}
		return err
	})
	return d, err
}
