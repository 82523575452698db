package demo

import (
	"time"

	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// Evaluations (DOMAIN.md §7): the cell scores most of its held meetings
// itself, and the following committee member reviews about one in five.
// The items the data decides are computed by the core from the facts, as
// quality computes them (attendance, the year's longest run of excused
// absences, duration, members who spoke, complete minutes, held in its
// period, preparation, the resolution passed); the judged items are scored
// as people score them: a well-kept cell gives itself full or nearly full
// marks, a cell in trouble fewer, and the reviewer is a little stricter.
// party.Evaluate gives the total and the grade stored.

// evaluate scores a held meeting with complete minutes; it returns the
// grade of the cell's own evaluation (written into its minutes) and
// whether there is one.
func (g *cellGen) evaluate(m *mtg, f party.MeetingFacts, signed bool) (party.Grade, bool) {
	r := g.re
	sheet := g.w.Sheets[m.RuleSet.Code]
	selfChance := map[habit]float64{habitGood: 0.93, habitCopier: 0.88, habitLax: 0.8, habitTrouble: 0.6}[g.h.habit]
	if !signed {
		selfChance = 0.3
	}
	var own party.Grade
	has := false
	at := m.LockedAt
	if at.IsZero() {
		at = m.HeldAt.Add(time.Duration(20+r.IntN(30)) * time.Hour)
	}
	if now := g.w.clock(); at.After(now) {
		at = now.Add(-time.Minute)
	}
	if r.Float64() < selfChance {
		in := g.judged(sheet, 0)
		ev, err := party.Evaluate(*m.RuleSet, sheet, f, in)
		if err == nil {
			m.Evals = append(m.Evals, store.EvaluationRow{MeetingID: m.ID, By: quality.BySelf, Sheet: sheet.Code, Inputs: in, Total: ev.Total,
				Grade: ev.Grade, ByUser: g.account(g.chairOf(m)), At: at})
			own, has = ev.Grade, true
		}
	}
	if signed && r.Float64() < 0.2 {
		in := g.judged(sheet, 1)
		ev, err := party.Evaluate(*m.RuleSet, sheet, f, in)
		review := m.HeldAt.Add(time.Duration(24*(3+r.IntN(20))) * time.Hour)
		if now := g.w.clock(); review.After(now) {
			review = now.Add(-time.Minute)
		}
		by := store.System.Username
		if g.c.Follower != nil {
			by = g.c.Follower.Username
		}
		if err == nil {
			m.Evals = append(m.Evals, store.EvaluationRow{MeetingID: m.ID, By: quality.ByReview, Sheet: sheet.Code, Inputs: in, Total: ev.Total,
				Grade: ev.Grade, ByUser: by, At: review})
		}
	}
	return own, has
}

// judged scores the items people judge; strict is how much stricter than
// the cell the evaluator is.
func (g *cellGen) judged(sheet party.ScoreSheet, strict int) []party.ScoreInput {
	r := g.re
	var in []party.ScoreInput
	for _, it := range sheet.Items {
		if it.Computed {
			continue
		}
		lost := 0
		switch g.h.habit {
		case habitTrouble:
			lost = 1 + r.IntN(3)
		case habitLax, habitCopier:
			lost = r.IntN(3)
		default:
			if r.Float64() < 0.25 {
				lost = 1
			}
		}
		if strict > 0 && r.Float64() < 0.5 {
			lost += strict
		}
		if it.Points >= 10 {
			lost *= 2
		}
		in = append(in, party.ScoreInput{Key: it.Key, Points: max(0, it.Points-lost)})
	}
	return in
}

// chairOf is the member who chaired a meeting (by the name the minutes give).
func (g *cellGen) chairOf(m *mtg) *Member {
	if m.Minutes == nil {
		sec, _, _ := officersOn(g.c, m.Date)
		return sec
	}
	for _, row := range m.Roll {
		if row.FullName == m.Minutes.Chair {
			return g.w.Members[row.MemberID-1]
		}
	}
	return nil
}
