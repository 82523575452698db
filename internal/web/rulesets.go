package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/party"
)

type ruleSetsData struct {
	Sets    []party.RuleSet
	InForce string // code of the set in force today
}

// ruleSetForm pre-fills the new rule set with the thresholds of the one
// in force: a new guidance usually changes a few numbers.
func ruleSetForm(rs party.RuleSet) *Form {
	b := func(v bool) string {
		if v {
			return "1"
		}
		return ""
	}
	return NewForm(url.Values{
		"attendance_min":          {strconv.FormatFloat(math.Round(rs.AttendanceMin*1000)/10, 'f', -1, 64)},
		"max_consecutive_excused": {strconv.Itoa(rs.MaxConsecutiveExcused)},
		"min_duration_minutes":    {strconv.Itoa(rs.MinDurationMinutes)},
		"quorum_required":         {b(rs.QuorumRequired)},
		"quorum_num":              {strconv.Itoa(rs.QuorumNum)},
		"quorum_den":              {strconv.Itoa(rs.QuorumDen)},
		"temp_in_votes":           {b(rs.TempInVotesInHost)},
		"combined_counts":         {b(rs.CombinedCountsForBoth)},
		"thematic_per_quarter":    {strconv.Itoa(rs.ThematicPerQuarter)},
		"probation_months":        {strconv.Itoa(rs.ProbationMonths)},
	})
}

// ruleSetFromForm reads the thresholds; numbers that do not read are
// reported beside their fields.
func ruleSetFromForm(f *Form) (party.RuleSet, party.FieldErrors) {
	fe := party.FieldErrors{}
	num := func(name string) int {
		s := strings.TrimSpace(f.Get(name))
		n, err := strconv.Atoi(s)
		if err != nil {
			fe.Add(name, "web.ruleset.number_invalid", s)
		}
		return n
	}
	rs := party.RuleSet{Code: f.Get("code"), Name: f.Get("name"), Confirmed: f.Get("confirmed") != "",
		MaxConsecutiveExcused: num("max_consecutive_excused"), MinDurationMinutes: num("min_duration_minutes"),
		QuorumRequired: f.Get("quorum_required") != "", QuorumNum: num("quorum_num"), QuorumDen: num("quorum_den"),
		TempInVotesInHost: f.Get("temp_in_votes") != "", CombinedCountsForBoth: f.Get("combined_counts") != "",
		ThematicPerQuarter: num("thematic_per_quarter"), ProbationMonths: num("probation_months")}
	pct := strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(f.Get("attendance_min"), ",", ".")), "%")
	if x, err := strconv.ParseFloat(strings.TrimSpace(pct), 64); err != nil {
		fe.Add("attendance_min", "web.ruleset.number_invalid", f.Get("attendance_min"))
	} else {
		rs.AttendanceMin = x / 100
	}
	d, err := party.ParseVN(f.Get("effective_from"))
	if e, ok := party.AsError(err); ok {
		fe["effective_from"] = e.Msg
	}
	rs.EffectiveFrom = d
	return rs, fe
}

func (s *Server) ruleSetList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderRuleSets(w, r, c, http.StatusOK, nil)
}

// renderRuleSets lists the rule sets with their thresholds, the one in
// force, those still to be confirmed, and the form for a new one.
func (s *Server) renderRuleSets(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	sets, err := s.meetings.RuleSets(r.Context())
	var cur party.RuleSet
	if err == nil {
		cur, err = s.meetings.RuleSetOn(r.Context(), s.orgs.Today())
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if f == nil {
		f = ruleSetForm(cur)
	}
	d := ruleSetsData{Sets: sets, InForce: cur.Code}
	s.render(w, r, status, "rulesets", View{Title: c.T("web.ruleset.title"), Nav: "rulesets", Form: f, Data: d})
}

// ruleSetCreate adds a rule set; its agendas are copied from the one in
// force on its date.
func (s *Server) ruleSetCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	rs, fe := ruleSetFromForm(f)
	err := fe.Err()
	if err == nil {
		_, err = s.meetings.AddRuleSet(r.Context(), c.Actor(), rs)
	}
	if err != nil {
		f.SetError(c, err)
		if m, ok := f.Errors["quorum"]; ok {
			f.Errors["quorum_num"] = m
		}
		s.renderRuleSets(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.ruleset.created")
	redirect(w, r, "/admin/rulesets")
}
