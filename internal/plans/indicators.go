// Package plans is the plans and indicators of the committees (đề án, kế
// hoạch; DOMAIN.md §10): goals, a roadmap of years, responsible
// organizations, and indicators chosen from a catalogue the system can
// measure, with a target per year; and the progress of every
// organization under a plan, measured from the kept figures (the
// summaries of internal/oversight), never from the raw meetings.
//
// The rules — what each indicator measures, how a target is read, when a
// year's target is met — are pure functions in this file and target.go,
// table-tested; service.go and measure.go read the data.
package plans

import (
	"math"

	"chibo/internal/oversight"
	"chibo/internal/party"
)

// Codes of the indicators of the catalogue.
const (
	EveryMonth         = "every_month"         // chi bộ sinh hoạt thường kỳ đủ các tháng
	EveryQuarter       = "every_quarter"       // chi bộ sinh hoạt chuyên đề đủ các quý
	Attendance         = "attendance"          // đảng viên dự sinh hoạt
	GradedTot          = "graded_tot"          // buổi sinh hoạt xếp loại Tốt
	OnTime             = "on_time"             // sinh hoạt thường kỳ đúng tháng
	MinutesComplete    = "minutes_complete"    // biên bản đủ nội dung
	MinutesSigned      = "minutes_signed"      // biên bản đã ký
	SecretariesTrained = "secretaries_trained" // bí thư chi bộ được bồi dưỡng
	DocumentsAcked     = "documents_acked"     // đảng viên xác nhận nghiên cứu văn bản
)

// Need names what an indicator reads beyond the sums of the summaries.
type Need int

const (
	NeedSums      Need = iota // org_months, org_quarters (always read)
	NeedMonthRuns             // each cell's months (cell_months)
	NeedQuarterRuns
	NeedTraining  // training.SecretariesTrainedShare
	NeedDocuments // documents.AckShareIn
)

// Indicator is one entry of the catalogue: a share the system measures
// from the figures of an organization for a period. Its name is the
// catalog key "plans.ind.<code>", its definition "plans.ind.<code>.def"
// and a short label for charts "plans.ind.<code>.short".
type Indicator struct {
	Code    string
	Need    Need
	Measure func(Figures) oversight.Rate
}

// Catalogue lists the indicators a plan may choose, in the order shown.
var Catalogue = []Indicator{
	{EveryMonth, NeedMonthRuns, func(f Figures) oversight.Rate { return share(f.Months.Kept, f.Months.Due) }},
	{EveryQuarter, NeedQuarterRuns, func(f Figures) oversight.Rate { return share(f.Quarters.Kept, f.Quarters.Due) }},
	{Attendance, NeedSums, func(f Figures) oversight.Rate { return f.Totals.AttendanceRate() }},
	{GradedTot, NeedSums, func(f Figures) oversight.Rate { return f.Totals.TotShare() }},
	{OnTime, NeedSums, func(f Figures) oversight.Rate { return f.Totals.OnTimeRate() }},
	{MinutesComplete, NeedSums, func(f Figures) oversight.Rate { return f.Totals.CompleteRate() }},
	{MinutesSigned, NeedSums, func(f Figures) oversight.Rate { return f.Totals.SignedRate() }},
	{SecretariesTrained, NeedTraining, func(f Figures) oversight.Rate { return share(f.Trained, f.Secretaries) }},
	{DocumentsAcked, NeedDocuments, func(f Figures) oversight.Rate { return share(f.Acked, f.Reached) }},
}

// Lookup finds an indicator of the catalogue.
func Lookup(code string) (Indicator, bool) {
	for _, in := range Catalogue {
		if in.Code == code {
			return in, true
		}
	}
	return Indicator{}, false
}

// NameKey, DefKey and ShortKey are the catalog keys of an indicator's
// name, definition and chart label.
func NameKey(code string) string  { return "plans.ind." + code }
func DefKey(code string) string   { return "plans.ind." + code + ".def" }
func ShortKey(code string) string { return "plans.ind." + code + ".short" }

// Runs counts the cells under an organization that had an obligation due
// in a period (a month or a quarter over) and those that met it every
// time.
type Runs struct {
	Due, Kept int
}

// Figures are what the indicators read for an organization and a
// period: the sums of its cells' months and quarters, the cells that
// kept every month and quarter, its secretaries trained and the
// dissemination of documents.
type Figures struct {
	Totals               oversight.Totals
	Months, Quarters     Runs
	Secretaries, Trained int
	Reached, Acked       int
}

// ValueOf is an indicator's value on figures (Known is false when
// nothing fell due: no denominator).
func ValueOf(code string, f Figures) oversight.Rate {
	in, ok := Lookup(code)
	if !ok {
		return oversight.Rate{}
	}
	return in.Measure(f)
}

func share(n, d int) oversight.Rate {
	if d <= 0 {
		return oversight.Rate{N: n, D: d}
	}
	return oversight.Rate{Value: float64(n) / float64(d), Known: true, N: n, D: d}
}

// Status is how a measured value stands against its year's target.
type Status string

const (
	Met        Status = "met"         // đạt: the year is over and the target reached
	NotMet     Status = "not_met"     // không đạt
	InProgress Status = "in_progress" // đang thực hiện: the year is not over
	NotStarted Status = "not_started" // chưa đến năm của chỉ tiêu
	NoData     Status = "no_data"     // chưa có số liệu: nothing fell due
	NoTarget   Status = "no_target"   // no target set for the year
)

// Statuses lists every status (for the catalog test).
var Statuses = []Status{Met, NotMet, InProgress, NotStarted, NoData, NoTarget}

// Label is the status's name for people.
func (s Status) Label() party.Msg { return party.M("plans.status." + string(s)) }

// Reached reports whether value reaches target, both rounded to a tenth
// of a percent as they are shown: 94,96% shows as 95,0% and meets 95%.
func Reached(v oversight.Rate, t Target) bool {
	return v.Known && int(math.Round(v.Value*1000)) >= int(t)
}

// Judge is the status of an indicator for a year: the year has not begun
// (started false), or is not over (over false), the target and the value
// measured so far. A year not over is "in progress" whatever its value:
// the target is for the whole year.
func Judge(t Target, hasTarget bool, v oversight.Rate, started, over bool) Status {
	switch {
	case !started:
		return NotStarted
	case !hasTarget:
		return NoTarget
	case !v.Known:
		return NoData
	case !over:
		return InProgress
	case Reached(v, t):
		return Met
	}
	return NotMet
}

// YearState is whether a year has begun and is over on day today.
func YearState(year int, today party.Date) (started, over bool) {
	return today.Year() >= year, today.Year() > year
}
