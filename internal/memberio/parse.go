package memberio

import (
	"errors"
	"sort"
	"strings"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// parseTable reads the members of one table into res. It returns
// errNoHeading when no heading row is found, so that the caller may try
// another worksheet, and a *party.Error for other whole-file problems.
func parseTable(t *table, filename string, opt Options, res *Result) error {
	enc, err := decodeCells(t)
	var mixed *mixedError
	switch {
	case errors.As(err, &mixed):
		return party.Invalid("import.mixed_encoding", filename, mixed.row)
	case err != nil:
		return party.Invalid("import.undecodable", filename)
	}
	res.Encoding = enc
	head, ok := findHeading(t.rows)
	if !ok {
		return errNoHeading
	}
	headingRow := t.nums[head.last]
	m, cols, warns := assign(head, headingRow)
	if m[kJoined] < 0 && m[kJoinedOfficial] < 0 {
		return party.Invalid("import.no_joined_column", filename, headingRow)
	}
	res.HeadingRow, res.Columns, res.Warnings = headingRow, cols, warns
	if len(head.cols) >= maxColumns {
		res.Warnings = append(res.Warnings, Problem{Row: headingRow, Msg: party.M("import.too_many_columns", maxColumns)})
	}
	p := &rowParser{t: t, head: head, m: m, opt: opt}
	if !p.hasOfficialColumn() {
		res.Warnings = append(res.Warnings, Problem{Row: headingRow, Msg: party.M("import.no_official_column")})
	}

	start := head.last + 1
	if start < len(t.rows) && isNumberingRow(t.rows[start]) {
		start++
	}
	members := 0
	seen := newDuplicates()
	for i := start; i < len(t.rows); i++ {
		rec, outcome := p.parse(i)
		if outcome == rowMember {
			members++
			if members > opt.maxRows() {
				return party.Errorf(party.ETooLarge, "import.too_many_rows", filename, opt.maxRows())
			}
			seen.check(p, &rec)
		}
		res.Warnings = append(res.Warnings, p.warns...)
		if outcome != rowMember {
			continue
		}
		res.Errors = append(res.Errors, p.errs...)
		if len(p.errs) == 0 {
			res.Records = append(res.Records, rec)
		}
	}
	res.Errors = append(res.Errors, seen.firstRowErrors()...)
	res.Records = seen.drop(res.Records)
	if members == 0 {
		return party.Invalid("import.no_rows", filename, headingRow)
	}
	sortProblems(res.Errors)
	sortProblems(res.Warnings)
	return nil
}

// sortProblems orders problems by row, keeping the order within a row.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].Row < ps[b].Row })
}

// decodeCells converts every cell to NFC Unicode. The encoding is detected
// over the whole table (vntext.DetectEncoding): a legacy file is legacy in
// every cell. No-break spaces become spaces first: they are common in
// pasted text, and the legacy tables have no entry for them.
func decodeCells(t *table) (vntext.Encoding, error) {
	var cells []string
	for _, row := range t.rows {
		for c, s := range row {
			if strings.ContainsRune(s, '\u00a0') {
				row[c] = strings.ReplaceAll(s, "\u00a0", " ")
			}
			cells = append(cells, row[c])
		}
	}
	enc, err := vntext.DetectEncoding(cells)
	if err != nil {
		return enc, err
	}
	if enc == vntext.Unicode {
		if row, ok := legacyAmongUnicode(t); ok {
			return enc, &mixedError{row}
		}
	}
	for _, row := range t.rows {
		for c, s := range row {
			d, err := vntext.Decode(s, enc)
			if err != nil {
				return enc, err
			}
			if enc == vntext.TCVN3 && typedInCapitals(s) {
				d = strings.ToUpper(d)
			}
			row[c] = d
		}
	}
	return enc, nil
}

// mixedError: legacy text in a file that is otherwise Unicode.
type mixedError struct{ row int }

func (e *mixedError) Error() string { return "memberio: legacy text in a Unicode file" }

// legacyAmongUnicode finds legacy text pasted into a Unicode file (a
// Unicode template filled from an old .VnTime list): detection over the
// whole file says Unicode, but a cell on its own reads as VNI, or as TCVN3
// holding one of the symbols TCVN3 puts its commonest letters on (¡–® for
// Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ, µ–¹ for à ả ã á ạ; not ° ± ½, which
// Unicode text uses). Such a file is refused rather than stored as
// mojibake. A cell with letters beyond Latin-1 is Unicode: not looked at.
func legacyAmongUnicode(t *table) (row int, found bool) {
	for i, r := range t.rows {
		for _, s := range r {
			if !latin1Like(s) {
				continue
			}
			switch enc, err := vntext.DetectEncoding([]string{s}); {
			case err != nil:
			case enc == vntext.VNI,
				enc == vntext.TCVN3 && strings.ContainsFunc(s, tcvn3Letter):
				return t.nums[i], true
			}
		}
	}
	return 0, false
}

func tcvn3Letter(r rune) bool { return (r >= 0xA1 && r <= 0xAE) || (r >= 0xB5 && r <= 0xB9) }

// latin1Like: s holds some non-ASCII and nothing beyond what 8-bit text
// read as Windows-1252 can hold.
func latin1Like(s string) bool {
	high := false
	for _, r := range s {
		switch {
		case r < 0x80:
		case r < 0x100 || strings.ContainsRune(cp1252Specials, r):
			high = true
		default:
			return false
		}
	}
	return high
}

// cp1252Specials are the characters Windows-1252 shows for 0x80–0x9F.
const cp1252Specials = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"

// typedInCapitals tells TCVN3 text typed in a capital font (.VnTimeH).
// TCVN3 has no bytes for capital toned letters: the capital fonts show the
// lowercase bytes as capitals, so "NGUYÔN" decodes to "NGUYễN". A cell whose
// ASCII letters are all capitals, two of them side by side, was typed so.
func typedInCapitals(s string) bool {
	pair, prevUpper := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			pair = pair || prevUpper
			prevUpper = true
		default:
			prevUpper = false
		}
	}
	return pair
}

// duplicates finds a party card number on two rows: every later row is an
// error naming the first, and the first row an error naming the next.
// The same name with the same birth date twice is a warning.
type duplicates struct {
	cards   map[string]int // card → first row
	next    map[string]int // card → second row
	people  map[string]int // folded name and birth date → first row
	badRows map[int]bool   // first rows that gained an error here
	heading string         // of the card column
}

func newDuplicates() *duplicates {
	return &duplicates{cards: map[string]int{}, next: map[string]int{}, people: map[string]int{},
		badRows: map[int]bool{}}
}

func (d *duplicates) check(p *rowParser, rec *Record) {
	m := &rec.Member
	if c := m.CardNumber; c != "" {
		if first, dup := d.cards[c]; dup {
			p.fail(p.cardKind(), "import.card_duplicate", c, first)
			if _, ok := d.next[c]; !ok {
				d.next[c] = rec.Row
				d.badRows[first] = true
			}
		} else {
			d.cards[c] = rec.Row
			d.heading = p.heading(p.cardKind())
		}
	}
	if !m.BirthDate.IsZero() && m.FullName != "" {
		key := vntext.Fold(m.FullName) + "|" + m.BirthDate.ISO()
		if first, dup := d.people[key]; dup {
			p.warn(p.nameKind(), "import.duplicate_person", m.FullName, first)
		} else {
			d.people[key] = rec.Row
		}
	}
}

func (d *duplicates) firstRowErrors() []Problem {
	var out []Problem
	for card, later := range d.next {
		first := d.cards[card]
		out = append(out, Problem{Row: first, Column: d.heading,
			Msg: party.M("import.card_duplicated_at", card, later)})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	return out
}

// drop removes from records the first rows that turned out to be duplicated.
func (d *duplicates) drop(recs []Record) []Record {
	if len(d.badRows) == 0 {
		return recs
	}
	out := recs[:0]
	for _, r := range recs {
		if !d.badRows[r.Row] {
			out = append(out, r)
		}
	}
	return out
}

// noHeading is the whole-file error when no table had a heading row.
func noHeading(filename string) error {
	return party.Invalid("import.no_heading", filename, headingSearchRows)
}

func isNoHeading(err error) bool { return errors.Is(err, errNoHeading) }
