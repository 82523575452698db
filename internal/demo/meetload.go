package demo

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Writing the meetings. A city's three years do not fit in memory, so the
// meetings are made a batch of cells at a time by one goroutine while the
// loader writes the batch before (the two cores of a small server both
// work); every table of a batch goes out before the next batch, parents
// first (meetings, then roll, votes, ballots, minutes, evaluations). A
// batch ends only between wards, so that cells copying each other's
// minutes are made in one batch, the copied one first.

// batchCells is about how many cells one batch holds.
const batchCells = 100

// batch is the meetings of a run of cells, with their final ids.
type batch struct {
	cells    int
	meetings []*mtg
}

// batches makes every cell's meetings, in the order of the districts and
// their cells, giving meeting ids in that order.
func (w *World) batches(yield func(*batch) bool) {
	next := int64(1)
	for _, d := range w.Boroughs {
		b := &batch{}
		src := map[srcKey]*party.MinutesContent{}
		var ward *Org
		for _, c := range d.Cells {
			if b.cells >= batchCells && c.Ward != ward {
				if !yield(b) {
					return
				}
				b, src = &batch{}, map[srcKey]*party.MinutesContent{}
			}
			ward = c.Ward
			ms := w.genCell(c, src)
			for _, m := range ms {
				m.ID = next
				next++
			}
			b.meetings = append(b.meetings, ms...)
			b.cells++
		}
		if b.cells > 0 && !yield(b) {
			return
		}
	}
}

// loadMeetings streams the meetings to the loader.
func loadMeetings(ctx context.Context, w *World, l *store.Loader, progress io.Writer) error {
	cells := 0
	for _, d := range w.Boroughs {
		cells += len(d.Cells)
	}
	bar := newBar(progress, "Sinh hoạt chi bộ", cells)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan *batch, 1)
	go func() {
		defer close(ch)
		w.batches(func(b *batch) bool {
			select {
			case ch <- b:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	done := 0
	for b := range ch {
		if err := w.insertBatch(ctx, l, b); err != nil {
			cancel()
			for range ch {
			}
			return err
		}
		done += b.cells
		bar.Set(done)
	}
	bar.Done()
	return ctx.Err()
}

var (
	meetingCols = []string{"id", "org_id", "kind", "period", "date", "starts_at", "place", "topic", "status", "rule_set", "combined",
		"agenda", "prep", "notice_sent_at", "held_at", "locked_at", "locked_by", "version", "created_at", "updated_at"}
	rollCols    = []string{"meeting_id", "member_id", "position", "full_name", "is_full", "derived", "temp_in", "editable", "status", "reason", "dues_paid"}
	voteCols    = []string{"meeting_id", "yes", "no", "abstain", "by_ballot", "recorded_at"}
	ballotCols  = []string{"meeting_id", "member_id", "vote", "reserved"}
	minutesCols = []string{"meeting_id", "content", "body_text", "version", "updated_at", "updated_by"}
	evalCols    = []string{"meeting_id", "by_kind", "sheet", "items", "total", "grade", "by_user", "at", "version"}
)

// insertBatch writes one batch, table by table.
func (w *World) insertBatch(ctx context.Context, l *store.Loader, b *batch) error {
	var jsonErr error
	marshal := func(v any) string {
		out, err := json.Marshal(v)
		if err != nil && jsonErr == nil {
			jsonErr = err
		}
		return string(out)
	}
	agenda := map[string]string{} // the same agenda text serves many meetings
	tables := []store.BulkTable{
		{Name: "meetings", Cols: meetingCols, Rows: rows(len(meetingCols), len(b.meetings), func(i int, r []any) {
			m := b.meetings[i]
			key := m.RuleSet.Code + "|" + string(m.Kind) + "|" + string(m.Cell.CellType) + "|" + m.Period.String()
			a, ok := agenda[key]
			if !ok {
				a = marshal(m.Agenda)
				agenda[key] = a
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = m.ID, m.Cell.ID, string(m.Kind), m.Period.String(), m.Date, m.Starts.Unix()
			r[6], r[7], r[8], r[9], r[10], r[11] = m.Place, m.Topic, string(m.Status), m.RuleSet.Code, false, a
			r[12], r[13], r[14], r[15], r[16] = marshal(m.Prep), nil, unix(m.HeldAt), unix(m.LockedAt), str(m.LockedBy)
			r[17], r[18], r[19] = m.Version, m.Created.Unix(), m.Updated.Unix()
		})},
		{Name: "roll", Cols: rollCols, Rows: func(yield func([]any) bool) {
			r := make([]any, len(rollCols))
			for _, m := range b.meetings {
				for _, x := range m.Roll {
					r[0], r[1], r[2], r[3], r[4], r[5] = m.ID, x.MemberID, x.Position, x.FullName, x.Full, string(x.Derived)
					r[6], r[7], r[8], r[9], r[10] = x.TempIn, x.Editable, str(string(x.Status)), str(x.Reason), x.DuesPaid
					if !yield(r) {
						return
					}
				}
			}
		}},
		{Name: "votes", Cols: voteCols, Rows: each(b.meetings, len(voteCols), func(m *mtg, r []any) bool {
			if m.Votes == nil {
				return false
			}
			yes, no, abstain := m.Votes.Counts()
			r[0], r[1], r[2], r[3], r[4], r[5] = m.ID, yes, no, abstain, len(m.Votes.Ballots) > 0, m.VotedAt.Unix()
			return true
		})},
		{Name: "ballots", Cols: ballotCols, Rows: func(yield func([]any) bool) {
			r := make([]any, len(ballotCols))
			for _, m := range b.meetings {
				if m.Votes == nil {
					continue
				}
				for _, x := range m.Votes.Ballots {
					r[0], r[1], r[2], r[3] = m.ID, x.MemberID, x.Vote, str(x.Reserved)
					if !yield(r) {
						return
					}
				}
			}
		}},
		{Name: "minutes", Cols: minutesCols, Rows: each(b.meetings, len(minutesCols), func(m *mtg, r []any) bool {
			if m.Minutes == nil {
				return false
			}
			r[0], r[1], r[2], r[3] = m.ID, marshal(minutesJSON{Content: *m.Minutes, Number: m.Number}), m.Body, m.MinVer
			r[4], r[5] = m.MinutesAt.Unix(), m.MinutesBy
			return true
		})},
		{Name: "evaluations", Cols: evalCols, Rows: func(yield func([]any) bool) {
			r := make([]any, len(evalCols))
			for _, m := range b.meetings {
				for _, e := range m.Evals {
					r[0], r[1], r[2], r[3], r[4] = m.ID, e.By, e.Sheet, marshal(e.Inputs), e.Total
					r[5], r[6], r[7], r[8] = string(e.Grade), e.ByUser, e.At.Unix(), 1
					if !yield(r) {
						return
					}
				}
			}
		}},
	}
	for _, t := range tables {
		if _, err := l.Insert(ctx, t); err != nil {
			return err
		}
		if jsonErr != nil {
			return jsonErr
		}
	}
	return nil
}

// minutesJSON is the content of the minutes as store.PutMinutes keeps it.
type minutesJSON struct {
	Content party.MinutesContent `json:"content"`
	Number  string               `json:"number,omitempty"`
}

// each yields a row per meeting for which fill says there is one.
func each(ms []*mtg, ncol int, fill func(m *mtg, r []any) bool) iter.Seq[[]any] {
	return func(yield func([]any) bool) {
		r := make([]any, ncol)
		for _, m := range ms {
			if fill(m, r) && !yield(r) {
				return
			}
		}
	}
}

// unix is a timestamp column: unix seconds, NULL for none.
func unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}
