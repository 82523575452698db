package members

import (
	"context"
	"io"
	"strconv"

	"chibo/internal/memberio"
	"chibo/internal/party"
	"chibo/internal/store"
)

// ImportReport says what an import did or, when it was refused, why, row
// by row.
type ImportReport struct {
	File       string
	Format     string
	Encoding   string
	Sheet      string
	HeadingRow int
	Rows       int
	Imported   int
	Errors     []memberio.Problem
	Warnings   []memberio.Problem
	Columns    []memberio.Column
}

// Import reads a member list (CSV or XLSX, Unicode or legacy TCVN3/VNI)
// into cell org: all rows or none. Any problem in any row — or a card
// number already registered — refuses the whole file with a report of
// every problem; nothing is stored.
func (s *Service) Import(ctx context.Context, actor store.Actor, org int64, filename string, r io.Reader, lim memberio.Limits) (ImportReport, error) {
	rep := ImportReport{File: filename}
	var cell store.OrgRow
	if err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		cell, err = requireCell(ctx, tx, org)
		return err
	}); err != nil {
		return rep, err
	}
	today := s.today()
	res, err := memberio.Parse(r, filename, memberio.Options{Limits: lim, Today: today})
	if err != nil {
		return rep, err
	}
	rep.Format, rep.Encoding, rep.Sheet, rep.HeadingRow = res.Format, string(res.Encoding), res.Sheet, res.HeadingRow
	rep.Rows, rep.Errors, rep.Warnings, rep.Columns = len(res.Records)+countRows(res.Errors), res.Errors, res.Warnings, res.Columns
	if len(rep.Errors) > 0 {
		return rep, party.RuleError("import.refused", len(rep.Errors))
	}
	if len(res.Records) == 0 {
		return rep, party.Invalid("import.no_records", filename)
	}
	err = s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		var cards []string
		for _, rec := range res.Records {
			if rec.Member.CardNumber != "" {
				cards = append(cards, rec.Member.CardNumber)
			}
		}
		taken, err := tx.CardNumbersTaken(ctx, cards)
		if err != nil {
			return err
		}
		for _, rec := range res.Records {
			if id, ok := taken[rec.Member.CardNumber]; ok {
				rep.Errors = append(rep.Errors, memberio.Problem{Row: rec.Row, Column: cardHeading(res.Columns),
					Msg: party.M("import.card_in_database", rec.Member.CardNumber, strconv.FormatInt(id, 10))})
			}
		}
		if len(rep.Errors) > 0 {
			return party.RuleError("import.refused", len(rep.Errors))
		}
		ms := make([]party.Member, 0, len(res.Records))
		for _, rec := range res.Records {
			m := rec.Member
			m.OrgID = cell.ID
			switch {
			case rec.Status == party.DuBi:
				m.OfficialOn = party.Date{}
			case m.OfficialOn.IsZero() && !m.JoinedOn.IsZero():
				// A full member whose date is not in the file: without a date
				// they would count as probationary and lose their vote, so the
				// date is estimated as twelve months after admission and marked.
				m.OfficialOn = m.JoinedOn.AddMonths(12)
				if m.Note != "" {
					m.Note += "\n"
				}
				m.Note += "Ngày chính thức tạm tính khi nhập danh sách; cần bổ sung."
				rep.Warnings = append(rep.Warnings, memberio.Problem{Row: rec.Row, Msg: party.M("import.official_estimated", m.OfficialOn)})
			}
			Normalize(&m)
			ms = append(ms, m)
		}
		ids, err := tx.InsertMembers(ctx, ms)
		if err != nil {
			if e, ok := party.AsError(err); ok {
				// A card number taken since the check above (another import
				// at the same moment): the whole file is refused.
				rep.Errors = append(rep.Errors, memberio.Problem{Row: res.Records[0].Row, Column: cardHeading(res.Columns), Msg: e.Msg})
				return party.RuleError("import.refused", len(rep.Errors))
			}
			return err
		}
		for i, rec := range res.Records {
			if rec.Exempt {
				if _, err := tx.InsertState(ctx, party.DatedState{MemberID: ids[i], Kind: party.Mien, From: today, Reason: "import"}); err != nil {
					return err
				}
			}
		}
		rep.Imported = len(res.Records)
		return tx.Audit(ctx, "import", "member", 0, cell.ID, nil, map[string]any{"file": filename, "rows": rep.Imported, "encoding": rep.Encoding})
	})
	if err != nil {
		rep.Imported = 0
	}
	return rep, err
}

// countRows counts the distinct rows with errors.
func countRows(ps []memberio.Problem) int {
	rows := map[int]bool{}
	for _, p := range ps {
		rows[p.Row] = true
	}
	return len(rows)
}

func cardHeading(cols []memberio.Column) string {
	for _, c := range cols {
		for _, f := range c.Fields {
			if f == "card_number" {
				return c.Heading
			}
		}
	}
	return ""
}

// Export writes the current members of a cell (or of every cell under a
// committee) in the columns the importer reads.
func (s *Service) Export(ctx context.Context, org int64, format string, w io.Writer) error {
	var ms []party.Member
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		cursor := ""
		for {
			pg, err := tx.MembersUnder(ctx, o.Path, "", cursor, 5000)
			if err != nil {
				return err
			}
			ms = append(ms, pg.Members...)
			if pg.Next == "" {
				return nil
			}
			cursor = pg.Next
		}
	})
	if err != nil {
		return err
	}
	if format == "csv" {
		return memberio.WriteCSV(w, ms)
	}
	return memberio.WriteXLSX(w, ms)
}
