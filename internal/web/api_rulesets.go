package web

import (
	"net/http"

	"chibo/internal/party"
)

type apiAgendaTemplate struct {
	Kind     string          `json:"kind"`
	CellType string          `json:"cell_type"`
	Items    []apiAgendaItem `json:"items"`
}

// apiRuleSet is a rule set: every threshold of DOMAIN.md as data.
type apiRuleSet struct {
	Code                  string              `json:"code"`
	Name                  string              `json:"name"`
	EffectiveFrom         party.Date          `json:"effective_from"`
	Confirmed             bool                `json:"confirmed"`
	AttendanceMin         float64             `json:"attendance_min"`
	MaxConsecutiveExcused int                 `json:"max_consecutive_excused"`
	MinDurationMinutes    int                 `json:"min_duration_minutes"`
	QuorumRequired        bool                `json:"quorum_required"`
	QuorumNum             int                 `json:"quorum_num"`
	QuorumDen             int                 `json:"quorum_den"`
	TempInVotesInHost     bool                `json:"temp_in_votes_in_host"`
	CombinedCountsForBoth bool                `json:"combined_counts_for_both"`
	ThematicPerQuarter    int                 `json:"thematic_per_quarter"`
	ProbationMonths       int                 `json:"probation_months"`
	Agendas               []apiAgendaTemplate `json:"agendas"`
}

func toAPIRuleSet(rs party.RuleSet) apiRuleSet {
	out := apiRuleSet{Code: rs.Code, Name: rs.Name, EffectiveFrom: rs.EffectiveFrom, Confirmed: rs.Confirmed, AttendanceMin: rs.AttendanceMin,
		MaxConsecutiveExcused: rs.MaxConsecutiveExcused, MinDurationMinutes: rs.MinDurationMinutes, QuorumRequired: rs.QuorumRequired,
		QuorumNum: rs.QuorumNum, QuorumDen: rs.QuorumDen, TempInVotesInHost: rs.TempInVotesInHost, CombinedCountsForBoth: rs.CombinedCountsForBoth,
		ThematicPerQuarter: rs.ThematicPerQuarter, ProbationMonths: rs.ProbationMonths, Agendas: []apiAgendaTemplate{}}
	for _, t := range rs.Agendas {
		at := apiAgendaTemplate{Kind: string(t.Kind), CellType: string(t.CellType), Items: []apiAgendaItem{}}
		for _, it := range t.Items {
			at.Items = append(at.Items, apiAgendaItem{Key: it.Key, Part: it.Part, Title: it.Title, Hint: it.Hint})
		}
		out.Agendas = append(out.Agendas, at)
	}
	return out
}

func (a apiRuleSet) ruleSet() party.RuleSet {
	rs := party.RuleSet{Code: a.Code, Name: a.Name, EffectiveFrom: a.EffectiveFrom, Confirmed: a.Confirmed, AttendanceMin: a.AttendanceMin,
		MaxConsecutiveExcused: a.MaxConsecutiveExcused, MinDurationMinutes: a.MinDurationMinutes, QuorumRequired: a.QuorumRequired,
		QuorumNum: a.QuorumNum, QuorumDen: a.QuorumDen, TempInVotesInHost: a.TempInVotesInHost, CombinedCountsForBoth: a.CombinedCountsForBoth,
		ThematicPerQuarter: a.ThematicPerQuarter, ProbationMonths: a.ProbationMonths}
	for _, t := range a.Agendas {
		at := party.AgendaTemplate{Kind: party.MeetingKind(t.Kind), CellType: party.CellType(t.CellType)}
		for _, it := range t.Items {
			at.Items = append(at.Items, party.AgendaItem{Key: it.Key, Part: it.Part, Title: it.Title, Hint: it.Hint})
		}
		rs.Agendas = append(rs.Agendas, at)
	}
	return rs
}

func (s *Server) apiRuleSets(w http.ResponseWriter, r *http.Request, c *Ctx) {
	sets, err := s.meetings.RuleSets(r.Context())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := page[apiRuleSet]{Items: []apiRuleSet{}}
	for _, rs := range sets {
		out.Items = append(out.Items, toAPIRuleSet(rs))
	}
	writeJSON(w, http.StatusOK, out)
}

// apiRuleSetCreate adds a rule set (validated by the core); without
// agendas it takes those of the set in force on its date.
func (s *Server) apiRuleSetCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiRuleSet
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	rs, err := s.meetings.AddRuleSet(r.Context(), c.Actor(), in.ruleSet())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, toAPIRuleSet(rs))
}
