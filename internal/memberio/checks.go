package memberio

import (
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// notePhrases: what a Ghi chú says, as folded words.
var (
	probationaryNote = []string{"du bi", "dvdb"}
	fullNote         = []string{"dang vien chinh thuc", "dvct"}
	exemptNote       = []string{"mien sinh hoat", "mien cong tac", "mien sh"}
	goneNote         = []string{"chuyen di", "da chuyen", "chuyen sinh hoat", "tu tran", "da mat", "ra khoi dang", "xoa ten", "khai tru"}
)

// says reports whether a folded note holds one of the phrases as whole words.
func says(folded string, phrases []string) bool {
	padded := " " + folded + " "
	for _, p := range phrases {
		if strings.Contains(padded, " "+p+" ") {
			return true
		}
	}
	return false
}

// status decides full or probationary membership (DOMAIN.md §3) and the
// exemption, from the dates, the card and the note:
//   - a date made full member means chinh_thuc;
//   - otherwise a note saying "dự bị" means du_bi;
//   - otherwise a note saying "chính thức", or a party card number (cards
//     are issued to full members only), means chinh_thuc with the date
//     unknown: a warning asks for it;
//   - otherwise du_bi.
func (p *rowParser) status(rec *Record) {
	m := &rec.Member
	note := headingKey(m.Note)
	probationary := says(note, probationaryNote)
	full := says(note, fullNote) || strings.HasPrefix(note, "chinh thuc")
	rec.Exempt = says(note, exemptNote)
	if says(note, goneNote) && rec.Left == NotLeft {
		p.warn(kNote, "import.note_gone", m.Note)
	}
	switch {
	case !m.OfficialOn.IsZero():
		rec.Status = party.ChinhThuc
		if probationary && !full {
			p.warn(kNote, "import.note_says_probationary", m.Note, m.OfficialOn)
		}
	case probationary:
		rec.Status = party.DuBi
		if m.CardNumber != "" {
			p.warn(p.cardKind(), "import.card_probationary", m.CardNumber)
		}
	case full:
		rec.Status = party.ChinhThuc
		p.warn(kNote, "import.official_unknown_note", m.Note)
	case m.CardNumber != "":
		rec.Status = party.ChinhThuc
		p.warn(p.cardKind(), "import.official_unknown_card", m.CardNumber)
	default:
		rec.Status = party.DuBi
	}
	if rec.Status == party.ChinhThuc && m.CardNumber == "" && p.hasCardColumn() && !p.failed(p.cardKind()) {
		p.warn(p.cardKind(), "import.card_missing")
	}
}

func (p *rowParser) hasCardColumn() bool { return p.has(kCard) || p.has(kCardDossier) }

func (p *rowParser) cardKind() kind {
	if p.has(kCardDossier) {
		return kCardDossier
	}
	return kCard
}

// failed reports an error already found in the column of kind k.
func (p *rowParser) failed(k kind) bool {
	h := p.heading(k)
	for _, e := range p.errs {
		if e.Column == h {
			return true
		}
	}
	return false
}

// partyFounded is 03/02/1930, the founding of the Communist Party of
// Vietnam: nobody joined before it.
var partyFounded = party.D(1930, time.February, 3)

// Rules of the Party Charter and of common sense that the dates must keep.
const (
	minAge         = 18  // Điều lệ Đảng, Điều 1: from 18 years of age
	probationYears = 1   // thời kỳ dự bị 12 tháng
	maxAge         = 120 // an older birth date is a typing error
)

// checkDates checks that the dates fit together: none in the future, the
// date made full member after the date joined (normally 12 months after),
// the date joined at least 18 years after birth (Party Charter, Article 1)
// and not before the Party's founding.
func (p *rowParser) checkDates(rec *Record) {
	m := &rec.Member
	today := p.opt.Today
	birthKind := p.birthKind()
	joinedKind, officialKind := kJoined, kOfficial
	if p.has(kJoinedOfficial) {
		joinedKind, officialKind = kJoinedOfficial, kJoinedOfficial
	}
	if !today.IsZero() {
		for _, d := range []struct {
			k     kind
			field string
			date  *party.Date
		}{
			{birthKind, "birth_date", &m.BirthDate},
			{joinedKind, "joined_on", &m.JoinedOn},
			{officialKind, "official_on", &m.OfficialOn},
			{p.leftKind(rec.Left), "left_on", &m.LeftOn},
		} {
			if d.date.After(today) {
				p.fail(d.k, "import.date_future", party.M("import.field."+d.field), *d.date, today)
				*d.date = party.Date{} // checked no further
			}
		}
		if !m.BirthDate.IsZero() && m.BirthDate.Before(today.AddMonths(-12*maxAge)) {
			p.warn(birthKind, "import.birth_too_old", m.BirthDate)
		}
	}
	joined := m.JoinedOn
	if !joined.IsZero() && joined.Before(partyFounded) {
		p.fail(joinedKind, "import.joined_before_founding", joined, partyFounded)
	}
	if !joined.IsZero() && !m.BirthDate.IsZero() {
		adult := m.BirthDate.AddMonths(12 * minAge)
		if rec.BirthYearOnly {
			// Born some day of that year: too young only if too young
			// even when born on 1 January.
			adult = party.D(m.BirthDate.Year()+minAge, time.January, 1)
		}
		if joined.Before(adult) {
			p.fail(joinedKind, "import.joined_under_18", joined, birthText(rec), minAge)
		}
	}
	if official := m.OfficialOn; !official.IsZero() && !joined.IsZero() {
		switch {
		case official.Before(joined):
			p.fail(officialKind, "import.official_before_joined", official, joined)
		case official.Before(joined.AddMonths(12 * probationYears)):
			p.warn(officialKind, "import.official_early", official, joined)
		}
	}
	if !m.LeftOn.IsZero() && !joined.IsZero() && m.LeftOn.Before(joined) {
		p.fail(p.leftKind(rec.Left), "import.left_before_joined", m.LeftOn, joined)
	}
	if rec.Status == party.DuBi && m.OfficialOn.IsZero() && rec.Left == NotLeft && !today.IsZero() &&
		!joined.IsZero() && joined.AddMonths(12*probationYears).Before(today) && p.hasOfficialColumn() {
		p.warn(joinedKind, "import.probation_overdue", joined)
	}
}

// birthText is the birth date as the file gave it: a year alone stays a
// year (as text, so that it is not written 1.990).
func birthText(rec *Record) any {
	if rec.BirthYearOnly {
		return strconv.Itoa(rec.Member.BirthDate.Year())
	}
	return rec.Member.BirthDate
}

func (p *rowParser) hasOfficialColumn() bool { return p.has(kOfficial) || p.has(kJoinedOfficial) }

func (p *rowParser) birthKind() kind {
	switch {
	case p.has(kBirth) && p.get(kBirth) != "":
		return kBirth
	case p.has(kGenderNam) && p.get(kGenderNam) != "":
		return kGenderNam
	case p.has(kGenderNu) && p.get(kGenderNu) != "":
		return kGenderNu
	}
	return kBirth
}

func (p *rowParser) leftKind(l LeftKind) kind {
	switch l {
	case ChuyenDi:
		return kLeftTransfer
	case TuTran:
		return kLeftDeath
	case RaKhoiDang:
		return kLeftParty
	}
	return kNone
}
