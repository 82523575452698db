package meetings

import (
	"context"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// RuleSets lists the rule sets, oldest first (the defaults when none is
// stored yet).
func (s *Service) RuleSets(ctx context.Context) ([]party.RuleSet, error) {
	var out []party.RuleSet
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.RuleSets(ctx)
		return err
	})
	if err == nil && len(out) == 0 {
		out = party.DefaultRuleSets()
	}
	return out, err
}

// RuleSetOn is the rule set in force on day d.
func (s *Service) RuleSetOn(ctx context.Context, d party.Date) (party.RuleSet, error) {
	var rs party.RuleSet
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		rs, err = ruleSetOn(ctx, tx, d)
		return err
	})
	return rs, err
}

// AddRuleSet stores a new rule set, from its effective date on: "each
// meeting is judged by the rule set in force on its date" (DOMAIN.md §1),
// so a new guidance is a new set, never an edit of the old one. A set
// without agendas takes those of the set in force on its date. A code
// already used is a conflict.
func (s *Service) AddRuleSet(ctx context.Context, actor store.Actor, rs party.RuleSet) (party.RuleSet, error) {
	rs.Code, rs.Name = vntext.Clean(rs.Code), vntext.Clean(rs.Name)
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		for _, x := range sets {
			if x.Code == rs.Code && rs.Code != "" {
				f := party.FieldErrors{}
				f.Add("code", "meeting.ruleset_exists", rs.Code)
				e := f.Err().(*party.Error)
				e.Code = party.EConflict
				return e
			}
		}
		if len(rs.Agendas) == 0 && !rs.EffectiveFrom.IsZero() {
			if len(sets) == 0 {
				sets = party.DefaultRuleSets()
			}
			from, ok := party.RuleSetOn(sets, rs.EffectiveFrom)
			if !ok {
				from = sets[0]
			}
			rs.Agendas = from.Agendas
		}
		if err := rs.Validate().Err(); err != nil {
			return err
		}
		if err := tx.PutRuleSet(ctx, rs, false); err != nil {
			return err
		}
		return tx.Audit(ctx, "create", "rule_set", 0, 0, nil, rs)
	})
	return rs, err
}
