package oversight

import (
	"context"
	"math"
	"sort"

	"chibo/internal/party"
	"chibo/internal/store"
)

// The ranking of units (DOMAIN.md §10: "rank units by a transparent score
// from the period's data"). Each part is a share from the kept figures,
// weighted by points a board can change; formalism flags take points off:
//
//	score = 100 × Σ(wᵢ × rateᵢ) ÷ Σwᵢ − w_flags × min(1, flags ÷ meetings held)
//
// over the parts that mean something for the period (a quarter not over
// has no thematic part yet; its weight is left out of Σwᵢ), kept within
// 0–100 and rounded to a tenth. The parts:
//   - on time: regular meetings held in their month ÷ months due;
//   - thematic: quarters with a thematic meeting ÷ quarters due;
//   - attendance: present ÷ required at the meetings held (§5);
//   - graded Tốt: meetings graded Tốt ÷ meetings held.

// Weights are the points of each part of the score.
type Weights struct {
	OnTime     int `json:"on_time"`
	Thematic   int `json:"thematic"`
	Attendance int `json:"attendance"`
	Tot        int `json:"tot"`
	Flags      int `json:"flags"`
}

// DefaultWeights are used until a board sets its own.
var DefaultWeights = Weights{OnTime: 40, Thematic: 20, Attendance: 25, Tot: 15, Flags: 10}

// Bounds of the weights.
const (
	MaxWeight     = 100
	MaxFlagWeight = 50
)

// Validate refuses weights outside their range, beside each field.
func (w Weights) Validate() error {
	f := party.FieldErrors{}
	for _, p := range []struct {
		field string
		v     int
	}{{"on_time", w.OnTime}, {"thematic", w.Thematic}, {"attendance", w.Attendance}, {"tot", w.Tot}} {
		if p.v < 0 || p.v > MaxWeight {
			f.Add(p.field, "oversight.weights.range", p.v, 0, MaxWeight)
		}
	}
	if w.Flags < 0 || w.Flags > MaxFlagWeight {
		f.Add("flags", "oversight.weights.range", w.Flags, 0, MaxFlagWeight)
	}
	if len(f) == 0 && w.OnTime+w.Thematic+w.Attendance+w.Tot == 0 {
		f.Add("on_time", "oversight.weights.all_zero")
	}
	if len(f) > 0 {
		return fieldsErr(f)
	}
	return nil
}

// Part keys.
const (
	PartOnTime     = "on_time"
	PartThematic   = "thematic"
	PartAttendance = "attendance"
	PartTot        = "tot"
)

// Part is one part of a score: the share, its weight, and the points it
// gives.
type Part struct {
	Key    string
	Rate   Rate
	Weight int
	Points float64
}

// Score is a unit's score with its parts shown.
type Score struct {
	Parts   []Part
	Penalty float64 // points taken off for formalism flags
	Flags   int
	Value   float64
	Known   bool // false when no part means anything (nothing fell due)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// ScoreOf scores figures with weights (the formula at the top of this file).
func ScoreOf(t Totals, w Weights) Score {
	sc := Score{Parts: []Part{
		{Key: PartOnTime, Rate: t.OnTimeRate(), Weight: w.OnTime},
		{Key: PartThematic, Rate: t.ThematicRate(), Weight: w.Thematic},
		{Key: PartAttendance, Rate: t.AttendanceRate(), Weight: w.Attendance},
		{Key: PartTot, Rate: t.TotShare(), Weight: w.Tot},
	}, Flags: t.Flags}
	sum := 0
	for _, p := range sc.Parts {
		if p.Rate.Known {
			sum += p.Weight
		}
	}
	if sum == 0 || !sc.Parts[0].Rate.Known {
		return sc
	}
	total := 0.0
	for i := range sc.Parts {
		p := &sc.Parts[i]
		if p.Rate.Known {
			p.Points = round1(100 * float64(p.Weight) * p.Rate.Value / float64(sum))
			total += 100 * float64(p.Weight) * p.Rate.Value / float64(sum)
		}
	}
	if held := t.Held(); held > 0 && t.Flags > 0 {
		sc.Penalty = round1(float64(w.Flags) * math.Min(1, float64(t.Flags)/float64(held)))
	}
	sc.Value = round1(math.Max(0, math.Min(100, total-sc.Penalty)))
	sc.Known = true
	return sc
}

// RankedUnit is a unit with its score and place.
type RankedUnit struct {
	*Unit
	Score Score
	Rank  int // 1 for the best; 0 when it has no score
}

// Ranking is the units of an organization ordered by their score.
type Ranking struct {
	Org     store.OrgRow
	Asked   Range
	Range   Range
	Empty   bool
	Today   party.Date
	Weights Weights
	// WeightsOf is the organization whose weights apply (0: the defaults).
	WeightsOf int64
	Units     []RankedUnit
}

// weightsFor finds the weights of the nearest organization on the path.
func weightsFor(ctx context.Context, tx *store.Tx, o store.OrgRow) (Weights, int64, error) {
	row, ok, err := tx.RankingWeightsNearest(ctx, store.PathIDs(o.Path))
	if err != nil || !ok {
		return DefaultWeights, 0, err
	}
	return Weights{OnTime: row.OnTime, Thematic: row.Thematic, Attendance: row.Attendance, Tot: row.Tot, Flags: row.Flags}, row.OrgID, nil
}

// rank orders units by score (best first; units with no score last, by
// name) and numbers them, equal scores sharing a place.
func rank(us []*Unit, w Weights) []RankedUnit {
	out := make([]RankedUnit, len(us))
	for i, u := range us {
		out[i] = RankedUnit{Unit: u, Score: ScoreOf(u.Totals, w)}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Score, out[j].Score
		if a.Known != b.Known {
			return a.Known
		}
		return a.Value > b.Value
	})
	for i := range out {
		if !out[i].Score.Known {
			continue
		}
		out[i].Rank = i + 1
		if i > 0 && out[i-1].Score.Known && out[i-1].Score.Value == out[i].Score.Value {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

// Ranking scores the units under an organization for a range.
func (s *Service) Ranking(ctx context.Context, org int64, asked Range) (Ranking, error) {
	today := s.today()
	rk := Ranking{Asked: asked, Today: today}
	r, ok := asked.UpTo(party.MonthOf(today))
	rk.Range, rk.Empty = r, !ok
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if rk.Org, err = tx.Org(ctx, org); err != nil {
			return err
		}
		if rk.Weights, rk.WeightsOf, err = weightsFor(ctx, tx, rk.Org); err != nil {
			return err
		}
		if rk.Empty {
			return nil
		}
		us, _, err := s.units(ctx, tx, rk.Org, r, today)
		if err != nil {
			return err
		}
		rk.Units = rank(us, rk.Weights)
		return nil
	})
	return rk, err
}

// SetWeights stores a board's weights for its organization.
func (s *Service) SetWeights(ctx context.Context, actor store.Actor, org int64, w Weights) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		if o.IsCell() {
			return party.RuleError("oversight.weights.not_committee", o.Name)
		}
		if err := tx.PutRankingWeights(ctx, store.RankingWeightsRow{OrgID: org, OnTime: w.OnTime, Thematic: w.Thematic, Attendance: w.Attendance,
			Tot: w.Tot, Flags: w.Flags}); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "ranking_weights", org, org, nil, w)
	})
}

// WeightsOf reads the weights that apply to an organization.
func (s *Service) WeightsOf(ctx context.Context, org int64) (Weights, int64, error) {
	var w Weights
	var from int64
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		w, from, err = weightsFor(ctx, tx, o)
		return err
	})
	return w, from, err
}
