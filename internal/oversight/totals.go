package oversight

import (
	"chibo/internal/party"
	"chibo/internal/store"
)

// Totals are the figures of an organization (or a unit, or one month)
// summed over cell-months and cell-quarters: "compliance of a cell for a
// month: regular meeting held in the month (on time), late, or missing;
// for a quarter: thematic meeting held or missing" (DOMAIN.md §10), and
// what the held meetings showed. A month not held is missing once it is
// over and not yet due before (party.ComplianceOf on the stored outcome).
type Totals struct {
	Cells                         int // cell-months on record
	OnTime, Late, Missing, NotDue int
	Present, Required             int
	Tot, Kha, TB, Kem, Ungraded   int
	Complete, Signed, Extra       int
	Flags                         int

	Quarters        int // cell-quarters on record
	ThematicHeld    int // cell-quarters with a thematic meeting held
	ThematicMissing int
	ThematicNotDue  int
	Combined        int // combined sessions counted for both (flagged)
}

// AddMonth adds the figures of month p (a cell's or a committee's sums),
// judging the months not held on day today.
func (t *Totals) AddMonth(p party.Period, f store.MonthFigures, today party.Date) {
	t.Cells += f.Cells
	t.OnTime += f.OnTime
	t.Late += f.Late
	if party.ComplianceOf(p, party.OutcomeNone, today) == party.KhongHop {
		t.Missing += f.NoMeeting
	} else {
		t.NotDue += f.NoMeeting
	}
	t.Present += f.Present
	t.Required += f.Required
	t.Tot += f.Tot
	t.Kha += f.Kha
	t.TB += f.TB
	t.Kem += f.Kem
	t.Ungraded += f.Ungraded
	t.Complete += f.Complete
	t.Signed += f.Signed
	t.Extra += f.Extra
	t.Flags += f.Flags
}

// AddQuarter adds quarter q: cells on record, how many held a thematic
// meeting, and the combined sessions among them.
func (t *Totals) AddQuarter(q party.Period, cells, held, combined int, today party.Date) {
	t.Quarters += cells
	t.ThematicHeld += held
	switch party.ThematicCompliance(q, 0, today) {
	case party.ThematicMissing:
		t.ThematicMissing += cells - held
	default:
		t.ThematicNotDue += cells - held
	}
	t.Combined += combined
}

// Add sums two totals.
func (t *Totals) Add(u Totals) {
	t.Cells += u.Cells
	t.OnTime += u.OnTime
	t.Late += u.Late
	t.Missing += u.Missing
	t.NotDue += u.NotDue
	t.Present += u.Present
	t.Required += u.Required
	t.Tot += u.Tot
	t.Kha += u.Kha
	t.TB += u.TB
	t.Kem += u.Kem
	t.Ungraded += u.Ungraded
	t.Complete += u.Complete
	t.Signed += u.Signed
	t.Extra += u.Extra
	t.Flags += u.Flags
	t.Quarters += u.Quarters
	t.ThematicHeld += u.ThematicHeld
	t.ThematicMissing += u.ThematicMissing
	t.ThematicNotDue += u.ThematicNotDue
	t.Combined += u.Combined
}

// Held counts the regular meetings held (on time or late).
func (t Totals) Held() int { return t.OnTime + t.Late }

// Due counts the cell-months whose regular meeting fell due: held, or
// missing once the month is over.
func (t Totals) Due() int { return t.OnTime + t.Late + t.Missing }

// Graded counts the meetings held with a grade.
func (t Totals) Graded() int { return t.Tot + t.Kha + t.TB + t.Kem }

// Rate is a share with whether it means anything (a denominator above 0).
type Rate struct {
	Value float64
	Known bool
	N, D  int
}

func rateOf(n, d int) Rate {
	if d <= 0 {
		return Rate{N: n, D: d}
	}
	return Rate{Value: float64(n) / float64(d), Known: true, N: n, D: d}
}

// OnTimeRate is the share of the months due that were held on time.
func (t Totals) OnTimeRate() Rate { return rateOf(t.OnTime, t.Due()) }

// HeldRate is the share of the cell-months on record held so far (the
// progress of a month not over yet).
func (t Totals) HeldRate() Rate { return rateOf(t.Held(), t.Cells) }

// AttendanceRate is present ÷ required over the meetings held (DOMAIN.md §5).
func (t Totals) AttendanceRate() Rate { return rateOf(t.Present, t.Required) }

// ThematicRate is the share of the quarters due with a thematic meeting.
func (t Totals) ThematicRate() Rate { return rateOf(t.ThematicHeld, t.ThematicHeld+t.ThematicMissing) }

// TotShare is the share of the meetings held graded Tốt.
func (t Totals) TotShare() Rate { return rateOf(t.Tot, t.Held()) }

// CompleteRate is the share of the meetings held with complete minutes.
func (t Totals) CompleteRate() Rate { return rateOf(t.Complete, t.Held()) }

// SignedRate is the share of the meetings held whose minutes are signed.
func (t Totals) SignedRate() Rate { return rateOf(t.Signed, t.Held()) }

// FlagRate is formalism flags per meeting held.
func (t Totals) FlagRate() Rate { return rateOf(t.Flags, t.Held()) }
