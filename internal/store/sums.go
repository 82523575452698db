package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// pendingSums are the committees' figures (org_months, org_quarters) a
// write transaction adds to. Every write in a city adds to the rows of the
// city and its district for the month: taken at once, their row locks
// would be held for the rest of each transaction and, on PostgreSQL,
// queue every writer of the city behind the one before. Kept here, they
// are merged per row and written moments before COMMIT, one statement per
// table, rows in key order (so two transactions never wait on each other
// in a circle). Reads of those tables in the same transaction write them
// first.
type pendingSums struct {
	months   map[sumKey]MonthFigures
	quarters map[sumKey][3]int // cells, held, combined
}

type sumKey struct {
	org    int64
	period string
}

func (tx *Tx) pending() *pendingSums {
	if tx.sums == nil {
		tx.sums = &pendingSums{months: map[sumKey]MonthFigures{}, quarters: map[sumKey][3]int{}}
	}
	return tx.sums
}

// sumRowsPerStatement bounds one upsert (17 parameters a row).
const sumRowsPerStatement = 500

// flushSums writes the pending sums.
func (tx *Tx) flushSums(ctx context.Context) error {
	p := tx.sums
	if p == nil {
		return nil
	}
	tx.sums = nil
	var months []sumKey
	for k, f := range p.months {
		if !f.IsZero() {
			months = append(months, k)
		}
	}
	var quarters []sumKey
	for k, q := range p.quarters {
		if q != [3]int{} {
			quarters = append(quarters, k)
		}
	}
	for _, keys := range [][]sumKey{months, quarters} {
		slices.SortFunc(keys, func(a, b sumKey) int {
			return cmp.Or(cmp.Compare(a.org, b.org), cmp.Compare(a.period, b.period))
		})
	}
	for chunk := range slices.Chunk(months, sumRowsPerStatement) {
		args := make([]any, 0, len(chunk)*17)
		for _, k := range chunk {
			f := p.months[k]
			args = append(args, k.org, k.period, f.Cells, f.OnTime, f.Late, f.NoMeeting, f.Present, f.Required, f.Tot, f.Kha, f.TB, f.Kem,
				f.Ungraded, f.Complete, f.Signed, f.Extra, f.Flags)
		}
		if err := tx.execRows(ctx, `INSERT INTO org_months (`+orgMonthCols+`) VALUES `, 17, len(chunk), `
		ON CONFLICT (org_id, period) DO UPDATE SET cells = org_months.cells + excluded.cells, on_time = org_months.on_time + excluded.on_time,
		late = org_months.late + excluded.late, no_meeting = org_months.no_meeting + excluded.no_meeting, present = org_months.present + excluded.present,
		required = org_months.required + excluded.required, tot = org_months.tot + excluded.tot, kha = org_months.kha + excluded.kha,
		tb = org_months.tb + excluded.tb, kem = org_months.kem + excluded.kem, ungraded = org_months.ungraded + excluded.ungraded,
		complete = org_months.complete + excluded.complete, signed = org_months.signed + excluded.signed, extra = org_months.extra + excluded.extra,
		flags = org_months.flags + excluded.flags`, args); err != nil {
			return err
		}
	}
	for chunk := range slices.Chunk(quarters, sumRowsPerStatement) {
		args := make([]any, 0, len(chunk)*5)
		for _, k := range chunk {
			q := p.quarters[k]
			args = append(args, k.org, k.period, q[0], q[1], q[2])
		}
		if err := tx.execRows(ctx, `INSERT INTO org_quarters (org_id, period, cells, held, combined) VALUES `, 5, len(chunk), `
		ON CONFLICT (org_id, period) DO UPDATE SET cells = org_quarters.cells + excluded.cells, held = org_quarters.held + excluded.held,
		combined = org_quarters.combined + excluded.combined`, args); err != nil {
			return err
		}
	}
	return nil
}

// execRows runs head, rows groups of cols placeholders, then tail.
func (tx *Tx) execRows(ctx context.Context, head string, cols, rows int, tail string, args []any) error {
	var b strings.Builder
	b.WriteString(head)
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString(placeholders(r*cols, cols))
	}
	b.WriteString(tail)
	_, err := tx.Exec(ctx, b.String(), args...)
	return err
}
