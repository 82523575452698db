package training

import (
	"context"
	"slices"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Officer is a current secretary, deputy or committee member with the
// offices they hold and whether they ever passed a course.
type Officer struct {
	MemberID int64
	FullName string
	OrgID    int64
	OrgPath  string
	Roles    []party.CellRole
	Trained  bool
}

// OrgTraining counts the officers of one organization's subtree.
type OrgTraining struct {
	Org       store.OrgRow
	Officers  int
	Untrained int
}

// Rate is the share of officers trained.
func (o OrgTraining) Rate() float64 {
	if o.Officers == 0 {
		return 0
	}
	return float64(o.Officers-o.Untrained) / float64(o.Officers)
}

// Untrained is who is still untrained under an organization on a day:
// the count for it and for each organization under it, and the names.
type Untrained struct {
	OrgTraining
	Children []OrgTraining
	People   []Officer // the officers never trained, in tree and name order
}

// Untrained finds, among the members who hold an office in their home
// cell on day d (bí thư, phó bí thư, chi ủy viên — party.StateOn's
// reading), those under org who never passed a course.
func (s *Service) Untrained(ctx context.Context, orgID int64, d party.Date) (Untrained, error) {
	var u Untrained
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, orgID)
		if err != nil {
			return err
		}
		u.Org = o
		officers, err := OfficersTx(ctx, tx, o.Path, d, party.Date{}, party.Date{})
		if err != nil {
			return err
		}
		kids, err := tx.Children(ctx, o.ID)
		if err != nil {
			return err
		}
		idx := map[int64]int{}
		for i, k := range kids {
			idx[k.ID] = i
			u.Children = append(u.Children, OrgTraining{Org: k})
		}
		depth := len(store.PathIDs(o.Path))
		for _, x := range officers {
			u.Officers++
			var child *OrgTraining
			if ids := store.PathIDs(x.OrgPath); len(ids) > depth {
				if i, ok := idx[ids[depth]]; ok {
					child = &u.Children[i]
				}
			}
			if child != nil {
				child.Officers++
			}
			if x.Trained {
				continue
			}
			u.OrgTraining.Untrained++
			if child != nil {
				child.Untrained++
			}
			u.People = append(u.People, x)
		}
		return nil
	})
	return u, err
}

// OfficersTx lists the officers under path on day d, one line per member
// with their offices, and whether they passed a course that ended between
// from and to (zero from: ever; zero to: d).
func OfficersTx(ctx context.Context, tx *store.Tx, path string, d, from, to party.Date) ([]Officer, error) {
	rows, err := tx.OfficersTraining(ctx, path, OfficerRoles, d, from, to)
	if err != nil {
		return nil, err
	}
	var out []Officer
	at := map[int64]int{}
	for _, r := range rows {
		if i, ok := at[r.MemberID]; ok {
			if !slices.Contains(out[i].Roles, r.Role) {
				out[i].Roles = append(out[i].Roles, r.Role)
			}
			continue
		}
		at[r.MemberID] = len(out)
		out = append(out, Officer{MemberID: r.MemberID, FullName: r.FullName, OrgID: r.OrgID, OrgPath: r.OrgPath, Roles: []party.CellRole{r.Role}, Trained: r.Trained})
	}
	return out, nil
}

// SecretariesTrainedShare is the indicator "share of secretaries trained
// in the period" under the organization at orgPath: among the cell
// secretaries (bí thư) in office on the period's last day, how many
// passed a course that ended within the period. The oversight plans call
// it.
func SecretariesTrainedShare(ctx context.Context, tx *store.Tx, orgPath string, from, to party.Date) (trained, total int, err error) {
	return tx.CountOfficersTrained(ctx, orgPath, string(party.BiThu), to, from, to)
}
