package documents

import (
	"context"
	"slices"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Coverage is how far a document reached under one organization: the
// members it was sent to and how many acknowledged it, in total and for
// each organization directly under it (the drill-down).
type Coverage struct {
	Document     store.Document
	Org          store.OrgRow
	Members      int
	Acknowledged int
	Children     []ChildCoverage
}

// ChildCoverage is the coverage of one organization under the one asked.
type ChildCoverage struct {
	Org          store.OrgRow
	Members      int
	Acknowledged int
}

// Rate is the share of members reached who acknowledged (0 when none was
// reached).
func (c Coverage) Rate() float64 { return rate(c.Acknowledged, c.Members) }

// Rate is the share of members reached who acknowledged.
func (c ChildCoverage) Rate() float64 { return rate(c.Acknowledged, c.Members) }

func rate(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Coverage computes the coverage of a document under organization org.
func (s *Service) Coverage(ctx context.Context, docID, orgID int64) (Coverage, error) {
	var c Coverage
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		o, err := tx.Org(ctx, orgID)
		if err != nil {
			return err
		}
		c, err = CoverageTx(ctx, tx, d, o, s.today())
		return err
	})
	return c, err
}

// reach is what a document's targets mean under one organization X: the
// subtrees under X where every member is reached (or all of X), and for
// each office the subtrees under X where its holders are.
type reach struct {
	full  bool              // every member under X is reached
	all   []store.PathRange // subtrees under X where every member is
	roles map[string][]store.PathRange
}

func planReach(targets []store.Dissemination, xPath string) reach {
	r := reach{roles: map[string][]store.PathRange{}}
	var allPaths []string
	for _, t := range targets {
		if t.Role == "" {
			allPaths = append(allPaths, t.OrgPath)
		}
	}
	for _, a := range allPaths {
		if under(xPath, a) {
			r.full = true
			return r
		}
	}
	// Keep the outermost subtrees only: a ward inside a district sent to
	// as a whole is counted once.
	slices.Sort(allPaths)
	var outer []string
	for _, a := range allPaths {
		if len(outer) > 0 && under(a, outer[len(outer)-1]) {
			continue
		}
		if under(a, xPath) {
			outer = append(outer, a)
			r.all = append(r.all, store.RangeOf(a))
		}
	}
	for _, t := range targets {
		if t.Role == "" {
			continue
		}
		switch {
		case under(xPath, t.OrgPath):
			r.roles[t.Role] = append(r.roles[t.Role], store.RangeOf(xPath))
		case under(t.OrgPath, xPath):
			r.roles[t.Role] = append(r.roles[t.Role], store.RangeOf(t.OrgPath))
		}
	}
	return r
}

func inRanges(path string, rs []store.PathRange) bool {
	for _, r := range rs {
		if path >= r.Lo && path < r.Hi {
			return true
		}
	}
	return false
}

// CoverageTx computes the coverage of d under org o on day today, inside a
// transaction. Members sent to as a whole are counted from the kept
// aggregates (store.AckCountsByChild), holders of offices one by one.
func CoverageTx(ctx context.Context, tx *store.Tx, d store.Document, o store.OrgRow, today party.Date) (Coverage, error) {
	c := Coverage{Document: d, Org: o}
	targets, err := tx.Disseminations(ctx, d.ID)
	if err != nil {
		return c, err
	}
	r := planReach(targets, o.Path)
	kids, err := tx.Children(ctx, o.ID)
	if err != nil {
		return c, err
	}
	idx := map[int64]int{}
	for i, k := range kids {
		idx[k.ID] = i
		c.Children = append(c.Children, ChildCoverage{Org: k})
	}
	child := func(id int64) *ChildCoverage {
		if i, ok := idx[id]; ok {
			return &c.Children[i]
		}
		// A dissolved child that still counts members.
		k, err := tx.Org(ctx, id)
		if err != nil {
			return nil
		}
		idx[id] = len(c.Children)
		c.Children = append(c.Children, ChildCoverage{Org: k})
		return &c.Children[len(c.Children)-1]
	}
	if r.full || len(r.all) > 0 {
		var within []store.PathRange
		if !r.full {
			within = r.all
		}
		rows, err := tx.AckCountsByChild(ctx, d.ID, o.ID, within)
		if err != nil {
			return c, err
		}
		for _, row := range rows {
			c.Members += row.Members
			c.Acknowledged += row.Acknowledged
			if k := child(row.OrgID); k != nil {
				k.Members += row.Members
				k.Acknowledged += row.Acknowledged
			}
		}
		if r.full && o.IsCell() {
			own, err := tx.AckCountsOfOrg(ctx, d.ID, o.ID)
			if err != nil {
				return c, err
			}
			c.Members += own.Members
			c.Acknowledged += own.Acknowledged
		}
	}
	if !r.full && len(r.roles) > 0 {
		var roles []string
		var ranges []store.PathRange
		for role, rs := range r.roles {
			roles = append(roles, role)
			ranges = append(ranges, rs...)
		}
		slices.Sort(roles)
		officers, err := tx.OfficersUnder(ctx, ranges, roles, today, d.ID)
		if err != nil {
			return c, err
		}
		depth := len(store.PathIDs(o.Path))
		seen := map[int64]bool{}
		for _, x := range officers {
			if seen[x.MemberID] || inRanges(x.OrgPath, r.all) || !inRanges(x.OrgPath, r.roles[string(x.Role)]) {
				continue
			}
			seen[x.MemberID] = true
			ack := 0
			if x.Acked {
				ack = 1
			}
			c.Members++
			c.Acknowledged += ack
			if ids := store.PathIDs(x.OrgPath); len(ids) > depth {
				if k := child(ids[depth]); k != nil {
					k.Members++
					k.Acknowledged += ack
				}
			}
		}
	}
	return c, nil
}

// AckShare is the indicator "share of members who acknowledged a
// document" under the organization at orgPath: how many of the members it
// was sent to there acknowledged it. The oversight plans call it.
func AckShare(ctx context.Context, tx *store.Tx, orgPath string, docID int64) (acked, reached int, err error) {
	ids := store.PathIDs(orgPath)
	if len(ids) == 0 {
		return 0, 0, party.NotFound("org.not_found", orgPath)
	}
	o, err := tx.Org(ctx, ids[len(ids)-1])
	if err != nil {
		return 0, 0, err
	}
	d, err := tx.Document(ctx, docID)
	if err != nil {
		return 0, 0, err
	}
	c, err := CoverageTx(ctx, tx, d, o, party.DateOf(tx.Now))
	return c.Acknowledged, c.Members, err
}

// AckShareIn sums AckShare over the documents first sent between from and
// to (inclusive) to the organization at orgPath, above it or under it:
// the share of a period's dissemination that was acknowledged.
func AckShareIn(ctx context.Context, tx *store.Tx, orgPath string, from, to party.Date) (acked, reached int, err error) {
	docs, err := tx.DocumentsSentWithin(ctx, orgPath, from.Time(), to.AddDays(1).Time().Add(-time.Second))
	if err != nil {
		return 0, 0, err
	}
	for _, id := range docs {
		a, r, err := AckShare(ctx, tx, orgPath, id)
		if err != nil {
			return 0, 0, err
		}
		acked += a
		reached += r
	}
	return acked, reached, nil
}
