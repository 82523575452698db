package party

import (
	"slices"

	"chibo/internal/vntext"
)

// MeetingFacts are what the data says about one meeting, for the score
// items the data decides (DOMAIN.md §7: "attendance rate, unexcused
// absences, duration, number of speakers, completeness of minutes, held in
// its month").
type MeetingFacts struct {
	Attendance            Attendance
	MaxConsecutiveExcused int // longest run of excused absences of any member this year, this meeting included
	DurationMinutes       int
	Speakers              int // distinct members who spoke (MinutesContent.MemberSpeakers)
	MinutesComplete       bool
	HeldInPeriod          bool // held in the month (quarter) it is due
	PrepDone, PrepTotal   int  // preparation checklist: steps done of steps listed
	ResolutionPassed      bool
}

// ItemScore is the points an item gets and why.
type ItemScore struct {
	Key      string
	Points   int
	Computed bool // decided by the data
	Reason   Msg
}

// ComputeItems scores the computed items of sheet s from the facts, with
// the thresholds of rule set rs. Each item scales to its own maximum, so a
// committee may re-weight items:
//   - attendance: full marks when the rate is above rs.AttendanceMin ("above
//     85%"); below it, the share of the maximum equal to the rate (84% of 10
//     is 8), never full;
//   - nobody absent without reason; nobody absent with reason more than
//     rs.MaxConsecutiveExcused times in a row: full marks or none;
//   - preparation: the share of the checklist done;
//   - held in its period, minutes complete, resolution adopted: full or none;
//   - duration: full marks from rs.MinDurationMinutes ("at least 90
//     minutes"), below it in proportion, never full;
//   - participation ("many members speaking"): full marks when at least a
//     third of those present (exempt members who came included) spoke,
//     below it in proportion (a sixth gets half), never full.
//
// Items of the sheet the data cannot decide are left out.
func ComputeItems(rs RuleSet, s ScoreSheet, f MeetingFacts) map[string]ItemScore {
	out := make(map[string]ItemScore, len(computedKeys))
	for _, it := range s.Items {
		if !it.Computed {
			continue
		}
		pts, why, ok := computeItem(rs, it.Key, it.Points, f)
		if ok {
			out[it.Key] = ItemScore{Key: it.Key, Points: pts, Computed: true, Reason: why}
		}
	}
	return out
}

// part is floor(top*num/den), kept below top: a partial result never gets
// full marks.
func part(top, num, den int) int {
	if den <= 0 || num <= 0 {
		return 0
	}
	return min(top*num/den, top-1)
}

func computeItem(rs RuleSet, key string, top int, f MeetingFacts) (int, Msg, bool) {
	a := f.Attendance
	switch key {
	case ItemAttendanceRate:
		switch {
		case a.Required == 0:
			return 0, M("rules.score.attendance_none"), true
		case a.Rate > rs.AttendanceMin:
			return top, M("rules.score.attendance_ok", a.Present, a.Required, Percent(a.Rate), Percent(rs.AttendanceMin)), true
		}
		return part(top, a.Present, a.Required), M("rules.score.attendance_low", a.Present, a.Required, Percent(a.Rate), Percent(rs.AttendanceMin)), true
	case ItemNoUnexcused:
		if a.AbsentUnexcused == 0 {
			return top, M("rules.score.unexcused_none"), true
		}
		return 0, M("rules.score.unexcused_some", a.AbsentUnexcused), true
	case ItemNoExcusedStreak:
		if f.MaxConsecutiveExcused <= rs.MaxConsecutiveExcused {
			return top, M("rules.score.streak_ok", f.MaxConsecutiveExcused, rs.MaxConsecutiveExcused), true
		}
		return 0, M("rules.score.streak_over", f.MaxConsecutiveExcused, rs.MaxConsecutiveExcused), true
	case ItemPreparation:
		if f.PrepTotal <= 0 {
			return 0, M("rules.score.prep_none"), true
		}
		done := min(max(f.PrepDone, 0), f.PrepTotal)
		pts := top * done / f.PrepTotal
		return pts, M("rules.score.prep", done, f.PrepTotal), true
	case ItemHeldInPeriod:
		if f.HeldInPeriod {
			return top, M("rules.score.held_in_period"), true
		}
		return 0, M("rules.score.held_out_of_period"), true
	case ItemDuration:
		switch {
		case f.DurationMinutes >= rs.MinDurationMinutes:
			return top, M("rules.score.duration_ok", f.DurationMinutes, rs.MinDurationMinutes), true
		case f.DurationMinutes <= 0:
			return 0, M("rules.score.duration_unknown", rs.MinDurationMinutes), true
		}
		return part(top, f.DurationMinutes, rs.MinDurationMinutes), M("rules.score.duration_short", f.DurationMinutes, rs.MinDurationMinutes), true
	case ItemParticipation:
		came := a.Present + a.ExemptPresent
		if came == 0 {
			return 0, M("rules.score.participation_none"), true
		}
		spoke := min(max(f.Speakers, 0), came)
		needed := (came + 2) / 3
		if spoke >= needed {
			return top, M("rules.score.participation_ok", spoke, came), true
		}
		return part(top, 3*spoke, came), M("rules.score.participation_low", spoke, came, needed), true
	case ItemMinutes:
		if f.MinutesComplete {
			return top, M("rules.score.minutes_complete"), true
		}
		return 0, M("rules.score.minutes_incomplete"), true
	case ItemResolution:
		if f.ResolutionPassed {
			return top, M("rules.score.resolution_passed"), true
		}
		return 0, M("rules.score.resolution_not_passed"), true
	}
	return 0, Msg{}, false
}

// ScoreInput is one item as a person scored it (the cell itself, or the
// following committee member).
type ScoreInput struct {
	Key    string
	Points int
	Reason string
}

// ValidateScores checks a person's scores against the sheet: each item
// known and scored once, points within 0 and the item's maximum (field
// errors keyed items.<key>.points), and a computed item changed only with a
// written reason: items the data decides "cannot be overridden without a
// reason" (DOMAIN.md §7).
func ValidateScores(s ScoreSheet, computed map[string]ItemScore, in []ScoreInput) error {
	f := FieldErrors{}
	var ruleErr error
	seen := map[string]bool{}
	for _, x := range in {
		field := "items." + x.Key
		it, ok := s.Item(x.Key)
		if !ok {
			f.Add(field, "rules.score.unknown_item", x.Key)
			continue
		}
		if seen[x.Key] {
			f.Add(field, "rules.score.item_duplicate", it.Title)
			continue
		}
		seen[x.Key] = true
		if x.Points < 0 || x.Points > it.Points {
			f.Add(field+".points", "rules.score.points_range", it.Title, it.Points, x.Points)
			continue
		}
		if c, ok := computed[x.Key]; ok && c.Computed && x.Points != c.Points && vntext.Clean(x.Reason) == "" && ruleErr == nil {
			ruleErr = RuleError("rules.score.override_needs_reason", it.Title, c.Points, x.Points)
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	return ruleErr
}

// Grade thresholds on a 100-point scale (DOMAIN.md §7).
const (
	gradeTot       = 90
	gradeKha       = 70
	gradeTrungBinh = 50
)

// GradeOf grades a scored sheet (DOMAIN.md §7): "Tốt ≥ 90 and full marks
// on attendance, duration, participation in discussion and minutes (the
// RequiredForTot items); Khá 70–89, or ≥ 90 without those full marks;
// Trung bình 50–69; Kém < 50". A sheet whose Total is not 100 is graded on
// its share of 100. why explains the grade with the numbers. With no
// points at all the meeting is not graded yet.
func GradeOf(s ScoreSheet, points map[string]int) (total int, g Grade, why Msg) {
	if len(points) == 0 {
		return 0, ChuaDanhGia, M("rules.grade.why.not_scored")
	}
	var short []any
	for _, it := range s.Items {
		p := min(max(points[it.Key], 0), it.Points)
		total += p
		if it.RequiredForTot && p < it.Points {
			short = append(short, M("rules.list.quoted", it.Title))
		}
	}
	outOf := s.Total
	if outOf <= 0 {
		outOf = 100
	}
	reaches := func(threshold int) bool { return total*100 >= threshold*outOf }
	switch {
	case reaches(gradeTot) && len(short) == 0:
		return total, Tot, M("rules.grade.why.tot", total, outOf)
	case reaches(gradeTot):
		return total, Kha, M("rules.grade.why.kha_not_full", total, outOf, listArg(short))
	case reaches(gradeKha):
		return total, Kha, M("rules.grade.why.kha", total, outOf)
	case reaches(gradeTrungBinh):
		return total, TrungBinh, M("rules.grade.why.trung_binh", total, outOf)
	}
	return total, Kem, M("rules.grade.why.kem", total, outOf)
}

// Evaluation is a scored meeting: every item of the sheet in order, the
// total, the grade and why.
type Evaluation struct {
	Items    []ItemScore
	Unscored []string // judged items nobody has scored yet (they count 0)
	Total    int
	Grade    Grade
	Why      Msg
}

// Evaluate scores a meeting: the computed items from the facts, the judged
// items from the person's input, an override of a computed item only with
// a reason (ValidateScores), then the grade.
func Evaluate(rs RuleSet, s ScoreSheet, f MeetingFacts, in []ScoreInput) (Evaluation, error) {
	computed := ComputeItems(rs, s, f)
	if err := ValidateScores(s, computed, in); err != nil {
		return Evaluation{}, err
	}
	given := make(map[string]ScoreInput, len(in))
	for _, x := range in {
		given[x.Key] = x
	}
	var ev Evaluation
	points := make(map[string]int, len(s.Items))
	for _, it := range s.Items {
		sc, isComputed := computed[it.Key]
		x, scored := given[it.Key]
		switch {
		case isComputed && scored && x.Points != sc.Points:
			sc = ItemScore{Key: it.Key, Points: x.Points, Computed: true,
				Reason: M("rules.score.overridden", sc.Points, vntext.Clean(x.Reason))}
		case isComputed:
		case scored:
			sc = ItemScore{Key: it.Key, Points: x.Points}
			if r := vntext.Clean(x.Reason); r != "" {
				sc.Reason = M("rules.score.judged", r)
			}
		default:
			sc = ItemScore{Key: it.Key}
			ev.Unscored = append(ev.Unscored, it.Key)
		}
		points[it.Key] = sc.Points
		ev.Items = append(ev.Items, sc)
	}
	ev.Total, ev.Grade, ev.Why = GradeOf(s, points)
	return ev, nil
}

// OversightGrade is the grade oversight counts: "both are kept, and
// oversight uses the reviewer's score where there is one" (DOMAIN.md §7).
func OversightGrade(self, review Grade) Grade {
	if review.Valid() {
		return review
	}
	return self
}

// GradeCounts tallies grades for a report, "chưa đánh giá" included.
func GradeCounts(gs []Grade) map[Grade]int {
	out := make(map[Grade]int, len(Grades)+1)
	for _, g := range gs {
		if !slices.Contains(Grades, g) {
			g = ChuaDanhGia
		}
		out[g]++
	}
	return out
}
