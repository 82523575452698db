package demo

import (
	"cmp"
	"context"
	"slices"
	"time"

	"chibo/internal/app"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// The meetings refer to rows the application writes itself: the rule sets
// (meetings.Service.EnsureRuleSets), the score sheet of each rule set and
// the default topics (quality.Service.EnsureDefaults). Generate writes
// them with that code before the bulk load and reads them back, so that
// meetings are judged by the rule sets and sheets as stored and name the
// topics by their stored ids.

// shippedDefaults fills them in as a new database would get them, for a
// world built without a database (tests that look at the data).
func (w *World) shippedDefaults() {
	w.RuleSets = party.DefaultRuleSets()
	w.Sheets = map[string]party.ScoreSheet{}
	for _, rs := range w.RuleSets {
		sheet := party.DefaultScoreSheet(rs.Code)
		sheet.Code = quality.SheetCode(rs.Code)
		w.Sheets[rs.Code] = sheet
	}
	w.Topics = quality.DefaultTopics()
	for i := range w.Topics {
		w.Topics[i].ID = int64(i + 1)
	}
}

// storedDefaults writes the defaults through the application's services
// (they keep what is there) and reads them back.
func (w *World) storedDefaults(ctx context.Context, db *store.DB) error {
	if err := app.Wire(db, w.clock).EnsureDefaults(ctx); err != nil {
		return err
	}
	return db.View(ctx, func(tx *store.Tx) error {
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		sheets := map[string]party.ScoreSheet{}
		for _, rs := range sets {
			row, err := tx.ActiveSheet(ctx, rs.Code)
			if err != nil {
				return err
			}
			sheets[rs.Code] = row.Sheet
		}
		topics, err := tx.TopicsFor(ctx, nil, false)
		if err != nil {
			return err
		}
		// In the order they were written (a new database gives the
		// shipped ones ids 1, 2, …), as shippedDefaults has them.
		slices.SortFunc(topics, func(a, b store.Topic) int { return cmp.Compare(a.ID, b.ID) })
		w.RuleSets, w.Sheets, w.Topics = sets, sheets, topics
		return nil
	})
}

// clock is the demo's now for the services it calls: the real time on the
// real today, noon of Today otherwise (tests, a demo of another day), so
// that the same seed and day give the same data.
func (w *World) clock() time.Time {
	now := time.Now()
	if party.DateOf(now) == w.Today {
		return now
	}
	return w.Today.At(12, 0)
}

// ruleSetOn is the rule set in force on day d: party.RuleSetOn over the
// stored sets, as meetings.Service plans a meeting.
func (w *World) ruleSetOn(d party.Date) (*party.RuleSet, bool) {
	rs, ok := party.RuleSetOn(w.RuleSets, d)
	if !ok {
		return nil, false
	}
	for i := range w.RuleSets {
		if w.RuleSets[i].Code == rs.Code {
			return &w.RuleSets[i], true
		}
	}
	return nil, false
}
