package oversight

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Year-end rating of cells (DOMAIN.md §8): "the software proposes a
// cell's rating from the year's data; people decide". The proposal is
// party.RatingForScore of the cell's ranking score for the year (the
// weights of the committee above). The older caps are settings: at most
// rating.excellent_cap percent of the cells of a committee rated "good"
// or better are proposed "excellent" (the best scores keep it), and a
// cell is excellent only if at least rating.excellent_min_good percent
// of its members are rated good or better — members' ratings are not
// recorded here, so that condition is shown for people to check.

// Settings of the caps.
const (
	SettingExcellentCap     = "rating.excellent_cap"      // percent, default 20
	SettingExcellentMinGood = "rating.excellent_min_good" // percent, default 80
)

// Caps are the "excellent" caps.
type Caps struct {
	ExcellentCap     int // percent of those rated good or better
	ExcellentMinGood int // percent of members good or better
}

// DefaultCaps are the caps without settings.
var DefaultCaps = Caps{ExcellentCap: 20, ExcellentMinGood: 80}

func capsOf(ctx context.Context, tx *store.Tx) (Caps, error) {
	c := DefaultCaps
	for _, s := range []struct {
		key string
		v   *int
	}{{SettingExcellentCap, &c.ExcellentCap}, {SettingExcellentMinGood, &c.ExcellentMinGood}} {
		v, ok, err := tx.Setting(ctx, s.key)
		if err != nil {
			return c, err
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); ok && err == nil && n >= 0 && n <= 100 {
			*s.v = n
		}
	}
	return c, nil
}

// Proposal is a cell's proposed rating for a year, and the one confirmed.
type Proposal struct {
	Unit      *Unit
	Score     Score
	Proposed  party.YearRating
	Capped    bool // proposed excellent by its score, above the cap
	Confirmed *store.YearRatingRow
}

// Ratings are the proposals for the cells under a committee for a year.
type Ratings struct {
	Org      store.OrgRow
	Year     int
	Range    Range // the months counted (the year, up to the current month)
	Partial  bool  // the year is not over
	Caps     Caps
	Weights  Weights
	Cells    []Proposal
	Children []store.OrgRow // committees under it, each with its own cells
}

// proposeRatings turns scores into proposals and applies the cap on
// "excellent" among those rated good or better.
func proposeRatings(ps []Proposal, caps Caps) {
	good := 0
	var excellent []int
	for i := range ps {
		if !ps[i].Score.Known {
			continue
		}
		ps[i].Proposed = party.RatingForScore(ps[i].Score.Value)
		switch ps[i].Proposed {
		case party.HoanThanhXuatSac:
			excellent = append(excellent, i)
			good++
		case party.HoanThanhTot:
			good++
		}
	}
	allowed := good * caps.ExcellentCap / 100
	sort.SliceStable(excellent, func(a, b int) bool { return ps[excellent[a]].Score.Value > ps[excellent[b]].Score.Value })
	for k, i := range excellent {
		if k >= allowed {
			ps[i].Proposed, ps[i].Capped = party.HoanThanhTot, true
		}
	}
}

// Ratings proposes the year-end ratings of the cells under an
// organization (a cell: itself).
func (s *Service) Ratings(ctx context.Context, org int64, year int) (Ratings, error) {
	today := s.today()
	rt := Ratings{Year: year}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if rt.Org, err = tx.Org(ctx, org); err != nil {
			return err
		}
		if rt.Caps, err = capsOf(ctx, tx); err != nil {
			return err
		}
		if rt.Weights, _, err = weightsFor(ctx, tx, rt.Org); err != nil {
			return err
		}
		r, ok := Year(year).UpTo(party.MonthOf(today))
		rt.Range, rt.Partial = r, year >= today.Year()
		if !ok {
			return nil
		}
		var units []*Unit
		if rt.Org.IsCell() {
			t, err := s.ownTotals(ctx, tx, rt.Org, r, today)
			if err != nil {
				return err
			}
			units = []*Unit{{Org: rt.Org, IsCell: true, Totals: t}}
		} else {
			all, _, err := s.units(ctx, tx, rt.Org, r, today)
			if err != nil {
				return err
			}
			for _, u := range all {
				if u.IsCell {
					units = append(units, u)
				} else if u.Org.Dissolved.IsZero() {
					rt.Children = append(rt.Children, u.Org)
				}
			}
		}
		ids := make([]int64, len(units))
		for i, u := range units {
			ids[i] = u.Org.ID
			rt.Cells = append(rt.Cells, Proposal{Unit: u, Score: ScoreOf(u.Totals, rt.Weights)})
		}
		proposeRatings(rt.Cells, rt.Caps)
		confirmed, err := tx.YearRatings(ctx, ids, year)
		if err != nil {
			return err
		}
		for i := range rt.Cells {
			if c, ok := confirmed[rt.Cells[i].Unit.Org.ID]; ok {
				rt.Cells[i].Confirmed = &c
			}
		}
		return nil
	})
	return rt, err
}

// ConfirmRating records the rating people decided for a cell's year, with
// the proposal it was made from.
func (s *Service) ConfirmRating(ctx context.Context, actor store.Actor, cell int64, year int, rating party.YearRating, note string) error {
	today := s.today()
	note = vntext.NFC(strings.TrimSpace(note))
	f := party.FieldErrors{}
	if !slices.Contains(party.YearRatings, rating) {
		f.Add("rating", "oversight.rating.invalid", string(rating))
	}
	if year < 2000 || year > today.Year() {
		f.Add("year", "oversight.rating.year_invalid", year, today.Year())
	}
	if len(f) > 0 {
		return fieldsErr(f)
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, cell)
		if err != nil {
			return err
		}
		if !o.IsCell() {
			return party.RuleError("oversight.rating.not_cell", o.Name)
		}
		// The proposal among the cell's siblings, as the ratings page shows it.
		var p Proposal
		parent := o
		if o.ParentID != 0 {
			if parent, err = tx.Org(ctx, o.ParentID); err != nil {
				return err
			}
		}
		caps, err := capsOf(ctx, tx)
		if err != nil {
			return err
		}
		w, _, err := weightsFor(ctx, tx, parent)
		if err != nil {
			return err
		}
		r, _ := Year(year).UpTo(party.MonthOf(today))
		var ps []Proposal
		if parent.ID != o.ID {
			us, _, err := s.units(ctx, tx, parent, r, today)
			if err != nil {
				return err
			}
			for _, u := range us {
				if u.IsCell {
					ps = append(ps, Proposal{Unit: u, Score: ScoreOf(u.Totals, w)})
				}
			}
		}
		proposeRatings(ps, caps)
		for _, q := range ps {
			if q.Unit.Org.ID == o.ID {
				p = q
			}
		}
		if p.Unit == nil {
			t, err := s.ownTotals(ctx, tx, o, r, today)
			if err != nil {
				return err
			}
			p = Proposal{Score: ScoreOf(t, w)}
			if p.Score.Known {
				p.Proposed = party.RatingForScore(p.Score.Value)
			}
		}
		row := store.YearRatingRow{OrgID: o.ID, Year: year, Score: p.Score.Value, Proposed: p.Proposed, Rating: rating, Note: note}
		if err := tx.PutYearRating(ctx, row); err != nil {
			return err
		}
		return tx.Audit(ctx, "confirm", "year_rating", o.ID, o.ID, nil, row)
	})
}

// YearParam reads a year parameter, the current year by default.
func YearParam(s string, today party.Date) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return today.Year(), nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > today.Year() {
		return 0, fieldsErr(party.FieldErrors{"year": party.M("oversight.rating.year_invalid", s, today.Year())})
	}
	return y, nil
}
