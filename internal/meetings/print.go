package meetings

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/printing"
	"chibo/internal/store"
)

// printHeads are the names printed at the top left of a document: the
// committee above the cell and the cell, in capitals, and the locality.
func printHeads(ctx context.Context, tx *store.Tx, o store.OrgRow) (upper, body, place string, err error) {
	body = strings.ToUpper(o.Name)
	place = o.Place
	if o.ParentID != 0 {
		p, err := tx.Org(ctx, o.ParentID)
		if err != nil {
			return "", "", "", err
		}
		upper = strings.ToUpper(p.Name)
		if place == "" {
			place = p.Place
		}
	}
	return upper, body, place, nil
}

// MinutesDoc is the printable form of a meeting's minutes: the figures
// come from the View, which the core computed.
func MinutesDoc(v View, upper, body, place string) printing.MinutesDoc {
	m := v.Meeting
	c := v.Content
	d := printing.MinutesDoc{UpperBody: upper, Body: body, Number: v.Minutes.Number, Place: place, Date: m.Date, Kind: string(m.Kind),
		Period: m.Period, Topic: c.Topic, LeadPaperBy: c.LeadPaperBy, StartedAt: c.StartedAt, EndedAt: c.EndedAt, Venue: c.Place,
		Chair: c.Chair, MinuteTaker: c.MinuteTaker, Conclusion: c.Conclusion, Resolution: c.Resolution, ReadBack: c.ReadBack,
		Locked: v.Locked(), SignedAt: m.LockedAt}
	if d.Venue == "" {
		d.Venue = m.Place
	}
	if d.Topic == "" {
		d.Topic = m.Topic
	}
	for _, g := range c.Guests {
		name, pos, _ := strings.Cut(g, ",")
		d.Guests = append(d.Guests, printing.Guest{Name: strings.TrimSpace(name), Position: strings.TrimSpace(pos)})
	}
	if c.SelfRating.Valid() {
		d.SelfRating = i18n.Msg(i18n.VI, c.SelfRating.Label())
	}
	a := v.Attendance
	d.Attendance = printing.AttendanceLines{Total: a.Total, Full: a.Full, Probationary: a.Probationary, TempIn: a.TempIn, Exempt: a.Exempt,
		TempOut: a.TempOut, Present: a.Present, ExemptPresent: a.ExemptPresent}
	for _, r := range v.Roll {
		switch r.Status {
		case party.VangCoLyDo:
			d.Attendance.Excused = append(d.Attendance.Excused, printing.NameReason{Name: r.FullName, Reason: r.Reason})
		case party.VangKhongLyDo:
			d.Attendance.Unexcused = append(d.Attendance.Unexcused, r.FullName)
		}
		if r.DuesPaid {
			d.DuesPaid++
		}
	}
	d.DuesDue = a.Required
	for _, it := range c.Items {
		pi := printing.Item{Title: it.Title, Presenter: it.Presenter, Text: it.Text, Conclusion: it.Conclusion}
		for _, s := range it.Speeches {
			pi.Speeches = append(pi.Speeches, printing.Speech{Name: s.Speaker, Text: s.Text})
		}
		d.Items = append(d.Items, pi)
	}
	if len(c.Discussion) > 0 {
		pi := printing.Item{Title: i18n.T(i18n.VI, "meeting.print.discussion")}
		for _, s := range c.Discussion {
			pi.Speeches = append(pi.Speeches, printing.Speech{Name: s.Speaker, Text: s.Text})
		}
		d.Items = append(d.Items, pi)
	}
	if v.Voting.Recorded {
		vl := &printing.VoteLine{Yes: v.Voting.Yes, No: v.Voting.No, Abstain: v.Voting.Abstain, Base: v.Voting.Base, Passed: v.Voting.Passed}
		names := map[int64]string{}
		for _, r := range v.Roll {
			names[r.MemberID] = r.FullName
		}
		for _, b := range v.Reserved {
			vl.Reserved = append(vl.Reserved, printing.Reserved{Name: names[b.MemberID], Text: b.Reserved})
		}
		d.Vote = vl
	}
	for _, am := range v.Amendments {
		d.Amendments = append(d.Amendments, printing.Amendment{At: am.At, Author: am.Author, Reason: am.Reason, Text: am.Text})
	}
	return d
}

// citedLines are the documents the meeting cites, as the minutes print
// them: number, date, issuer, title.
func citedLines(ctx context.Context, tx *store.Tx, m store.Meeting) ([]string, error) {
	docs, err := tx.DocumentsByID(ctx, m.Prep.DocumentIDs)
	var out []string
	for _, d := range docs {
		out = append(out, fmt.Sprintf("%s ngày %s của %s — %s", d.Number, d.IssuedOn.VN(), d.IssuerName, d.Title))
	}
	return out, err
}

// PrintMinutes writes a meeting's minutes as PDF or DOCX.
func (s *Service) PrintMinutes(ctx context.Context, id int64, format string, w io.Writer) error {
	var doc printing.MinutesDoc
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		v, err := load(ctx, tx, id, false)
		if err != nil {
			return err
		}
		upper, body, place, err := printHeads(ctx, tx, v.Org)
		if err != nil {
			return err
		}
		doc = MinutesDoc(v, upper, body, place)
		doc.Documents, err = citedLines(ctx, tx, v.Meeting)
		return err
	})
	if err != nil {
		return err
	}
	if format == "docx" {
		return printing.MinutesDOCX(w, doc)
	}
	return printing.MinutesPDF(w, doc)
}

// PrintMinuteBook writes a cell's minutes of a year as one PDF book: the
// meetings that were held, in date order.
func (s *Service) PrintMinuteBook(ctx context.Context, cell int64, year int, w io.Writer) error {
	var book printing.MinuteBook
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, cell)
		if err != nil {
			return err
		}
		upper, body, place, err := printHeads(ctx, tx, o)
		if err != nil {
			return err
		}
		book = printing.MinuteBook{UpperBody: upper, Body: body, Year: year, Place: place}
		ms, err := tx.MeetingsOf(ctx, cell, party.D(year, time.January, 1), party.D(year, time.December, 31))
		if err != nil {
			return err
		}
		for _, m := range ms {
			if !held(m) {
				continue
			}
			v, err := load(ctx, tx, m.ID, false)
			if err != nil {
				return err
			}
			d := MinutesDoc(v, upper, body, place)
			if d.Documents, err = citedLines(ctx, tx, v.Meeting); err != nil {
				return err
			}
			book.Docs = append(book.Docs, d)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(book.Docs) == 0 {
		return party.NotFound("meeting.book_empty", strconv.Itoa(year)) // a year, not a number (2.026)
	}
	return printing.MinuteBookPDF(w, book)
}
