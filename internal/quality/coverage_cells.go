package quality

import (
	"context"
	"strconv"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// CoverageCells names the cells behind the figures of Coverage: for each
// topic, the cells under a committee that held a thematic meeting on it
// between two days, and how many cells of each type the committee has
// (to turn the per-type counts into rates).
type CoverageCells struct {
	Covered map[int64][]store.OrgRow // topic → cells that covered it
	ByType  map[party.CellType]int   // cells under the committee, per type
}

// CoveredCells reads which cells covered which topics between two days.
func (s *Service) CoveredCells(ctx context.Context, org int64, from, to party.Date) (CoverageCells, error) {
	out := CoverageCells{Covered: map[int64][]store.OrgRow{}, ByType: map[party.CellType]int{}}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		cells, err := tx.SubtreeOrgs(ctx, o.Path, true)
		if err != nil {
			return err
		}
		byID := make(map[int64]store.OrgRow, len(cells))
		for _, c := range cells {
			byID[c.ID] = c
			out.ByType[c.CellType]++
		}
		covered, err := thematicTopics(ctx, tx, o.Path, from, to)
		if err != nil {
			return err
		}
		for topic, set := range covered {
			for cell := range set {
				if c, ok := byID[cell]; ok {
					out.Covered[topic] = append(out.Covered[topic], c)
				}
			}
		}
		return nil
	})
	return out, err
}

// TopicInRange reports whether a topic is oriented for some day between
// from and to: a topic for any time always is; one for a year or a
// quarter is when that year or quarter meets the range.
func TopicInRange(t store.Topic, from, to party.Date) bool {
	if t.Period == "" {
		return true
	}
	var first, last party.Date
	if len(t.Period) == 4 {
		y, err := strconv.Atoi(t.Period)
		if err != nil {
			return false
		}
		first, last = party.D(y, time.January, 1), party.D(y, time.December, 31)
	} else {
		p, err := party.ParsePeriod(t.Period)
		if err != nil {
			return false
		}
		first, last = p.First(), p.Last()
	}
	return !last.Before(from) && !first.After(to)
}
