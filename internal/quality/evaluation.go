// Package quality gives committees the means to see the quality of cell
// meetings, not just attendance: score sheets and evaluations (the cell's
// own and the following committee member's), the thematic topic library,
// and the detection of formal minutes copied from earlier ones.
package quality

import (
	"context"
	"strconv"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Evaluators: the cell scores itself (written into the minutes); the
// following committee member may review.
const (
	BySelf   = "self"
	ByReview = "review"
)

// Service runs quality use cases.
type Service struct {
	DB       *store.DB
	Now      func() time.Time
	Meetings *meetings.Service
	// Hooks run inside the transaction of an evaluation or a formalism
	// finding, with the meeting concerned (oversight summaries).
	Hooks []meetings.Hook
}

// New returns a Service.
func New(db *store.DB, ms *meetings.Service) *Service {
	return &Service{DB: db, Now: time.Now, Meetings: ms}
}

// SheetCode is the code of the default sheet of a rule set.
func SheetCode(ruleSet string) string { return ruleSet + "/TC-100" }

// EnsureDefaults writes the default score sheet of every rule set and the
// default topics when they are missing (an administrator's edits stay).
func (s *Service) EnsureDefaults(ctx context.Context) error {
	return s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		if len(sets) == 0 {
			sets = party.DefaultRuleSets()
		}
		for _, rs := range sets {
			sheet := party.DefaultScoreSheet(rs.Code)
			sheet.Code = SheetCode(rs.Code)
			if err := tx.PutScoreSheet(ctx, store.ScoreSheetRow{Sheet: sheet, Name: "Phiếu chấm điểm 100 điểm (" + rs.Code + ")", Active: true}, false); err != nil {
				return err
			}
		}
		n, err := tx.CountTopics(ctx)
		if err != nil || n > 0 {
			return err
		}
		for _, t := range DefaultTopics() {
			if _, err := tx.InsertTopic(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// Evaluation is a meeting's quality as the screens show it.
type Evaluation struct {
	Sheet    party.ScoreSheet
	Facts    party.MeetingFacts
	Computed map[string]party.ItemScore
	Self     *Scored
	Review   *Scored
	Grade    party.Grade // the grade oversight uses: the review's when there is one
}

// Scored is one evaluator's result.
type Scored struct {
	Row    store.EvaluationRow
	Result party.Evaluation
}

// facts gathers what the computed items need about a meeting (DOMAIN.md
// §7): attendance, the longest run of excused absences this year, duration,
// speakers, completeness, whether it was held in its period, preparation.
func facts(ctx context.Context, tx *store.Tx, v meetings.View) (party.MeetingFacts, error) {
	f := party.MeetingFacts{Attendance: v.Attendance, DurationMinutes: v.Content.DurationMinutes(), Speakers: v.Content.MemberSpeakers(),
		MinutesComplete: v.Complete, HeldInPeriod: v.Meeting.Period.Contains(v.Meeting.Date), ResolutionPassed: v.Voting.Passed}
	f.PrepDone, f.PrepTotal = v.Meeting.Prep.PrepDone(v.Meeting.Kind)
	streak, err := maxExcusedStreak(ctx, tx, v)
	f.MaxConsecutiveExcused = streak
	return f, err
}

// maxExcusedStreak is the longest run of excused absences from regular
// meetings of any member of the roll in the meeting's year, up to and
// including this meeting.
func maxExcusedStreak(ctx context.Context, tx *store.Tx, v meetings.View) (int, error) {
	year := v.Meeting.Date.Year()
	rows, err := tx.Query(ctx, `SELECT r.member_id, m.date, m.kind, coalesce(r.status, '') FROM roll r JOIN meetings m ON m.id = r.meeting_id
		WHERE m.org_id = $1 AND m.date >= $2 AND m.date <= $3 AND m.kind = 'thuong_ky' ORDER BY r.member_id, m.date`,
		v.Meeting.OrgID, party.D(year, time.January, 1), v.Meeting.Date)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	byMember := map[int64][]party.AttendanceRecord{}
	for rows.Next() {
		var id int64
		var rec party.AttendanceRecord
		var status string
		if err := rows.Scan(&id, &rec.Date, &rec.Kind, &status); err != nil {
			return 0, err
		}
		rec.Status = party.AttendanceStatus(status)
		byMember[id] = append(byMember[id], rec)
	}
	best := 0
	for _, recs := range byMember {
		best = max(best, party.ExcusedStreak(recs))
	}
	return best, rows.Err()
}

// grade is the scored grade, none for a missing evaluation.
func (sc *Scored) grade() party.Grade {
	if sc == nil {
		return ""
	}
	return sc.Result.Grade
}

// load computes a meeting's evaluation inside a transaction.
func (s *Service) load(ctx context.Context, tx *store.Tx, id int64) (meetings.View, Evaluation, error) {
	var ev Evaluation
	v, err := s.Meetings.LoadTx(ctx, tx, id)
	if err != nil {
		return v, ev, err
	}
	sheet, err := tx.ActiveSheet(ctx, v.RuleSet.Code)
	if err != nil {
		return v, ev, err
	}
	ev.Sheet = sheet.Sheet
	if ev.Facts, err = facts(ctx, tx, v); err != nil {
		return v, ev, err
	}
	ev.Computed = party.ComputeItems(v.RuleSet, ev.Sheet, ev.Facts)
	rows, err := tx.Evaluations(ctx, id)
	if err != nil {
		return v, ev, err
	}
	var self, review party.Grade
	for _, r := range rows {
		sheet := ev.Sheet
		if r.Sheet != sheet.Code {
			if old, err := tx.ScoreSheet(ctx, r.Sheet); err == nil {
				sheet = old.Sheet
			}
		}
		res, err := party.Evaluate(v.RuleSet, sheet, ev.Facts, r.Inputs)
		if err != nil {
			// An input that no longer fits (the sheet changed): show the
			// stored total and grade.
			res = party.Evaluation{Total: r.Total, Grade: r.Grade}
		}
		sc := &Scored{Row: r, Result: res}
		if r.By == ByReview {
			ev.Review, review = sc, res.Grade
		} else {
			ev.Self, self = sc, res.Grade
		}
	}
	ev.Grade = party.OversightGrade(self, review)
	return v, ev, nil
}

// Load reads a meeting's evaluation.
func (s *Service) Load(ctx context.Context, id int64) (meetings.View, Evaluation, error) {
	var v meetings.View
	var ev Evaluation
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		v, ev, err = s.load(ctx, tx, id)
		return err
	})
	return v, ev, err
}

// Evaluate stores one evaluator's scores of a meeting that was held: the
// core fills in the computed items, refuses points outside an item's range
// and overrides of computed items without a written reason, and grades.
func (s *Service) Evaluate(ctx context.Context, actor store.Actor, id int64, by string, in []party.ScoreInput) (Evaluation, error) {
	var out Evaluation
	if by != BySelf && by != ByReview {
		return out, party.Invalid("quality.by_invalid")
	}
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		v, ev, err := s.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if v.Meeting.HeldAt.IsZero() || v.RollDraw {
			return party.RuleError("quality.not_held")
		}
		res, err := party.Evaluate(v.RuleSet, ev.Sheet, ev.Facts, in)
		if err != nil {
			return err
		}
		row := store.EvaluationRow{MeetingID: id, By: by, Sheet: ev.Sheet.Code, Inputs: in, Total: res.Total, Grade: res.Grade,
			ByUser: tx.Actor.Username, At: time.Unix(tx.Now.Unix(), 0), Version: 1}
		if err := tx.PutEvaluation(ctx, row); err != nil {
			return err
		}
		meetings.Remember(tx, v) // an evaluation changes nothing the view shows
		if err := tx.Audit(ctx, "evaluate_"+by, "meeting", id, v.Meeting.OrgID, nil, map[string]any{"total": res.Total, "grade": res.Grade, "inputs": in}); err != nil {
			return err
		}
		for _, h := range s.Hooks {
			if err := h(ctx, tx, v.Meeting); err != nil {
				return err
			}
		}
		// The saved row is known: no need to load the meeting again.
		prev := &ev.Self
		if by == ByReview {
			prev = &ev.Review
		}
		if *prev != nil {
			row.Version = (*prev).Row.Version + 1
		}
		*prev = &Scored{Row: row, Result: res}
		ev.Grade = party.OversightGrade(ev.Self.grade(), ev.Review.grade())
		out = ev
		return nil
	})
	return out, err
}

// MeetingHook keeps stored totals and grades in step when a meeting's data
// changes (the computed items follow attendance, minutes, the vote).
func (s *Service) MeetingHook() meetings.Hook {
	return func(ctx context.Context, tx *store.Tx, m store.Meeting) error {
		if m.Status == "deleted" {
			return nil
		}
		rows, err := tx.Evaluations(ctx, m.ID)
		if err != nil || len(rows) == 0 {
			return err
		}
		_, ev, err := s.load(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		for _, sc := range []*Scored{ev.Self, ev.Review} {
			if sc == nil {
				continue
			}
			if sc.Result.Total != sc.Row.Total || sc.Result.Grade != sc.Row.Grade {
				if err := tx.SetEvaluationResult(ctx, m.ID, sc.Row.By, sc.Result.Total, sc.Result.Grade); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// SaveSheet stores a new version of a rule set's score sheet after the core
// checks it (items adding up to the total, keys unique, at least one item
// required for Tốt). Earlier versions stay, so past evaluations keep the
// sheet they were made with; the new one applies from now on.
func (s *Service) SaveSheet(ctx context.Context, actor store.Actor, sheet party.ScoreSheet, name string) (string, error) {
	if err := sheet.Validate().Err(); err != nil {
		return "", err
	}
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		cur, err := tx.ActiveSheet(ctx, sheet.RuleSet)
		if err != nil {
			return err
		}
		sheet.Version = cur.Sheet.Version + 1
		sheet.Code = SheetCode(sheet.RuleSet) + "/v" + strconv.Itoa(sheet.Version)
		if err := tx.PutScoreSheet(ctx, store.ScoreSheetRow{Sheet: sheet, Name: vntext.Clean(name), Active: true}, false); err != nil {
			return err
		}
		return tx.Audit(ctx, "create", "score_sheet", 0, 0, cur.Sheet, sheet)
	})
	return sheet.Code, err
}
