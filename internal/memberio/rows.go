package memberio

import (
	"strings"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// rowParser turns the rows below the headings into records.
type rowParser struct {
	t    *table
	head layout
	m    columnMap
	opt  Options
	// i is the table index of the row being read; errs and warns its problems.
	i     int
	errs  []Problem
	warns []Problem
}

func (p *rowParser) has(k kind) bool { return p.m[k] >= 0 }

// get returns the text of the current row's cell of kind k.
func (p *rowParser) get(k kind) string {
	if p.m[k] < 0 {
		return ""
	}
	return p.t.cell(p.i, p.m[k])
}

// numeric returns a question for later: is the current row's cell of
// kind k a number cell?
func (p *rowParser) numeric(k kind) func() bool {
	return func() bool { return p.m[k] >= 0 && p.t.isNumeric(p.i, p.m[k]) }
}

func (p *rowParser) heading(k kind) string {
	if p.m[k] < 0 {
		return ""
	}
	return p.head.cols[p.m[k]].heading
}

func (p *rowParser) fail(k kind, key string, args ...any) {
	p.errs = append(p.errs, Problem{Row: p.t.nums[p.i], Column: p.heading(k), Msg: party.M(key, args...)})
}

func (p *rowParser) failMsg(k kind, m party.Msg) {
	p.errs = append(p.errs, Problem{Row: p.t.nums[p.i], Column: p.heading(k), Msg: m})
}

func (p *rowParser) warn(k kind, key string, args ...any) {
	p.warns = append(p.warns, Problem{Row: p.t.nums[p.i], Column: p.heading(k), Msg: party.M(key, args...)})
}

// rowOutcome says what became of a row.
type rowOutcome int

const (
	rowBlank   rowOutcome = iota // nothing in it: not counted
	rowSkipped                   // not a member (a footer, a signature): warned
	rowMember                    // a member, with or without errors
)

// parse reads table row i. The record is valid when p.errs is empty.
func (p *rowParser) parse(i int) (Record, rowOutcome) {
	p.i, p.errs, p.warns = i, nil, nil
	rec := Record{Row: p.t.nums[i]}
	m := &rec.Member

	m.FullName = p.fullName()
	card := p.get(kCard)
	joined := p.get(kJoined) + p.get(kJoinedOfficial)
	if m.FullName == "" {
		switch {
		case p.blank():
			return rec, rowBlank
		case vntext.Clean(card) == "" && vntext.Clean(joined) == "":
			p.warn(kNone, "import.row_skipped")
			return rec, rowSkipped
		}
		p.fail(p.nameKind(), "import.name_required")
	} else if isFooter(m.FullName) {
		p.warn(kNone, "import.row_footer", m.FullName)
		return rec, rowSkipped
	}

	p.genderAndBirth(&rec)
	m.Hometown = vntext.Clean(p.get(kHometown))
	if eth := vntext.Clean(p.get(kEthnicity)); eth != "" {
		m.Ethnicity = eth
	}
	if rel := vntext.Clean(p.get(kReligion)); rel != "" {
		m.Religion = rel
	}
	m.Email = vntext.Clean(p.get(kEmail))
	m.Address = vntext.Clean(p.get(kAddress))
	m.Phone = p.phone()
	m.IDNumber = p.idNumber()
	p.cardAndDossier(&rec)
	p.joinedAndOfficial(&rec)
	m.Occupation = p.occupation()
	rec.CellName = vntext.Clean(p.get(kCell))
	m.Note = vntext.Clean(p.get(kNote))
	p.left(&rec)
	p.status(&rec)
	p.checkDates(&rec)
	return rec, rowMember
}

// blank: no cell of a recognised column holds anything but a row number.
func (p *rowParser) blank() bool {
	for k := kName; k < kUnused; k++ {
		if vntext.Clean(p.get(k)) != "" {
			return false
		}
	}
	return true
}

func (p *rowParser) nameKind() kind {
	switch {
	case p.has(kName):
		return kName
	case p.has(kNameBirth):
		return kNameBirth
	}
	return kGiven
}

func (p *rowParser) fullName() string {
	if k := p.nameKind(); k != kGiven {
		return firstLine(p.get(k))
	}
	return vntext.Clean(p.get(kFamily) + " " + p.get(kGiven))
}

// footers start the rows under a list that are not members: "Tổng cộng:
// 25 đồng chí". Matched in lower case with diacritics, because "Tống" is a
// surname.
var footers = []string{"tổng cộng", "tổng số", "cộng:"}

func isFooter(name string) bool {
	l := strings.ToLower(name)
	for _, f := range footers {
		if strings.HasPrefix(l, f) {
			return true
		}
	}
	return false
}

// genderAndBirth reads the gender and the birth date from the columns
// that may hold them: Giới tính, Ngày sinh, the register's combined
// "Nam, nữ, dân tộc, tôn giáo", and the Nam and Nữ columns that hold a
// cross or the birth date.
func (p *rowParser) genderAndBirth(rec *Record) {
	m := &rec.Member
	setGender := func(k kind, g party.Gender) {
		if m.Gender != "" && m.Gender != g {
			p.fail(k, "import.gender_conflict")
			return
		}
		m.Gender = g
	}
	if s := vntext.Clean(p.get(kGender)); s != "" {
		if g, ok := parseGender(s); ok {
			setGender(kGender, g)
		} else {
			p.fail(kGender, "import.gender_invalid", s)
		}
	}
	if p.has(kGenderEthRel) {
		parts := nonEmpty(splitValues(p.get(kGenderEthRel)))
		if len(parts) > 0 {
			if g, ok := parseGender(parts[0]); ok {
				setGender(kGenderEthRel, g)
				parts = parts[1:]
			}
		}
		if len(parts) > 0 && m.Ethnicity == "" {
			m.Ethnicity = parts[0]
		}
		if len(parts) > 1 && m.Religion == "" {
			m.Religion = parts[1]
		}
	}
	if r := parseDate(p.get(kBirth), "birth_date", true, p.t.date1904); r.problem != nil {
		p.failMsg(kBirth, *r.problem)
	} else {
		m.BirthDate, rec.BirthYearOnly = r.date, r.yearOnly
	}
	for _, col := range []struct {
		k kind
		g party.Gender
	}{{kGenderNam, party.Nam}, {kGenderNu, party.Nu}} {
		s := vntext.Clean(p.get(col.k))
		switch {
		case s == "":
		case isMark(s):
			setGender(col.k, col.g)
		default:
			if g, ok := parseGender(s); ok {
				setGender(col.k, g)
				continue
			}
			r := parseDate(s, "birth_date", true, p.t.date1904)
			if r.problem != nil {
				p.failMsg(col.k, *r.problem)
				continue
			}
			setGender(col.k, col.g)
			if !m.BirthDate.IsZero() && m.BirthDate != r.date {
				p.fail(col.k, "import.birth_conflict", m.BirthDate, r.date)
				continue
			}
			m.BirthDate, rec.BirthYearOnly = r.date, r.yearOnly
		}
	}
}

func (p *rowParser) phone() string {
	s := vntext.Clean(unwrap(vntext.Clean(p.get(kPhone))))
	if fixed, ok := restoreZeros(s, 10, 9, p.numeric(kPhone)); ok {
		p.warn(kPhone, "import.phone_padded", s, fixed)
		return fixed
	}
	return s
}

func (p *rowParser) idNumber() string {
	s := strings.ReplaceAll(unwrap(vntext.Clean(p.get(kIDNumber))), " ", "")
	if fixed, ok := restoreZeros(s, 12, 10, p.numeric(kIDNumber)); ok {
		p.warn(kIDNumber, "import.id_padded", s, fixed)
		return fixed
	}
	return s
}

// cardAndDossier reads the card and dossier numbers, from their own
// columns or from the register's column 8 (card, dossier and Party badge
// numbers on three sub-lines; the badge number is not kept).
func (p *rowParser) cardAndDossier(rec *Record) {
	m := &rec.Member
	cardText, cardKind := p.get(kCard), kCard
	m.DossierNo = vntext.Clean(p.get(kDossier))
	if p.has(kCardDossier) {
		cardKind = kCardDossier
		parts := splitValues(p.get(kCardDossier))
		switch full := nonEmpty(parts); {
		case len(full) == 1 && looksLikeCard(full[0]):
			cardText = full[0]
		case len(full) == 1:
			m.DossierNo = full[0]
		case len(full) > 1:
			cardText = parts[0]
			if len(parts) > 1 {
				m.DossierNo = parts[1]
			}
		}
	}
	r := parseCard(cardText, p.numeric(cardKind))
	switch {
	case r.problem != nil:
		p.failMsg(cardKind, *r.problem)
	case r.padded:
		p.warn(cardKind, "import.card_padded", strings.TrimLeft(r.card, "0"), r.card)
		fallthrough
	default:
		m.CardNumber = r.card
	}
}

// joinedAndOfficial reads the date joined and the date made full member,
// from their own columns or from the register's column 7, which holds both
// (on two sub-lines, or separated by a comma, a semicolon or " - ").
func (p *rowParser) joinedAndOfficial(rec *Record) {
	m := &rec.Member
	joinedText, officialText := p.get(kJoined), p.get(kOfficial)
	joinedKind, officialKind := kJoined, kOfficial
	if p.has(kJoinedOfficial) {
		joinedKind, officialKind = kJoinedOfficial, kJoinedOfficial
		parts := nonEmpty(splitValues(p.get(kJoinedOfficial)))
		if len(parts) == 1 {
			parts = splitSpacedDates(parts[0])
		}
		if len(parts) > 2 {
			p.fail(kJoinedOfficial, "import.dates_too_many", vntext.Clean(p.get(kJoinedOfficial)))
			return
		}
		if len(parts) > 0 {
			joinedText = parts[0]
		}
		if len(parts) > 1 {
			officialText = parts[1]
		}
	}
	if r := parseDate(joinedText, "joined_on", false, p.t.date1904); r.problem != nil {
		p.failMsg(joinedKind, *r.problem)
	} else if r.date.IsZero() {
		p.fail(joinedKind, "import.joined_required")
	} else {
		m.JoinedOn = r.date
	}
	if r := parseDate(officialText, "official_on", false, p.t.date1904); r.problem != nil {
		p.failMsg(officialKind, *r.problem)
	} else {
		m.OfficialOn = r.date
	}
}

// splitSpacedDates splits "05/06/2017 05/06/2018", two dates with only a
// space between them; anything else is returned whole.
func splitSpacedDates(s string) []string {
	f := strings.Fields(s)
	if len(f) == 2 && dateLike(f[0]) && dateLike(f[1]) {
		return f
	}
	return []string{s}
}

func dateLike(s string) bool {
	return strings.ContainsAny(s, "/.-") && strings.Trim(s, "0123456789/.-") == ""
}

// occupation: the register's column 6 holds the occupation before joining
// and the present one; Chibo keeps the present one.
func (p *rowParser) occupation() string {
	if s := vntext.Clean(p.get(kOccupation)); s != "" {
		return s
	}
	parts := nonEmpty(splitValues(p.get(kOccupationBoth)))
	if len(parts) == 0 {
		return ""
	}
	return parts[len(parts)-1]
}

// left reads the register's columns for members no longer in the
// organization: transferred out (col 10), died (col 12, with the reason
// below), left the Party (col 13). The row is kept, with Member.LeftOn set,
// so that a register imports whole and the service sees who has gone.
func (p *rowParser) left(rec *Record) {
	m := &rec.Member
	found := 0
	for _, col := range []struct {
		k    kind
		kind LeftKind
	}{{kLeftTransfer, ChuyenDi}, {kLeftDeath, TuTran}, {kLeftParty, RaKhoiDang}} {
		s := vntext.Clean(p.get(col.k))
		if s == "" {
			continue
		}
		found++
		if found > 1 {
			p.fail(col.k, "import.left_conflict")
			return
		}
		d, rest, problem := leadingDate(p.get(col.k), p.t.date1904)
		if problem != nil {
			p.failMsg(col.k, *problem)
			continue
		}
		if d.IsZero() {
			p.fail(col.k, "import.left_date_missing", s)
			continue
		}
		m.LeftOn, m.LeftReason, rec.Left = d, rest, col.kind
		if reason := vntext.Clean(p.get(kLeftReason)); reason != "" && col.kind == TuTran {
			m.LeftReason = reason
		}
		p.warn(col.k, "import.left."+string(col.kind), d)
	}
}

// leadingDate reads "05/06/2020, Đảng bộ phường X": a date, then text.
func leadingDate(cell string, date1904 bool) (party.Date, string, *party.Msg) {
	parts := nonEmpty(splitValues(cell))
	if len(parts) == 0 {
		return party.Date{}, "", nil
	}
	first, rest := parts[0], strings.Join(parts[1:], ", ")
	r := parseDate(first, "left_on", false, date1904)
	if r.problem != nil {
		// "05/06/2020 Đảng bộ phường X": the date is the first word.
		word, more, _ := strings.Cut(first, " ")
		if w := parseDate(word, "left_on", false, date1904); w.problem == nil && dateLike(word) {
			return w.date, vntext.Clean(more + " " + strings.Join(parts[1:], ", ")), nil
		}
		if !strings.ContainsAny(first, "0123456789") {
			return party.Date{}, "", nil // no date at all
		}
		return party.Date{}, "", r.problem
	}
	return r.date, rest, nil
}
