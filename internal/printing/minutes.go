package printing

import (
	"fmt"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Meeting kinds, as the meetings feature codes them.
const (
	kindRegular       = "thuong_ky"  // thường kỳ
	kindThematic      = "chuyen_de"  // chuyên đề
	kindExtraordinary = "bat_thuong" // bất thường
)

// minutesDocument builds the blocks of one minutes as a document of its own.
func minutesDocument(d MinutesDoc, fs map[style]*face) document {
	m := marginsFor(d.Settings.Margins)
	return document{
		margins: m,
		title:   capitalized(wMinutesTitle + " " + meetingPhrase(d)),
		created: minutesTime(d),
		blocks:  minutesBlocks(d, fs, m, 0),
	}
}

// minutesTime dates the file: the signing, else the meeting.
func minutesTime(d MinutesDoc) time.Time {
	switch {
	case !d.SignedAt.IsZero():
		return d.SignedAt
	case !d.StartedAt.IsZero():
		return d.StartedAt
	case !d.Date.IsZero():
		return d.Date.Time()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, party.Zone)
}

// meetingPhrase is the summary of the title in one line, lower case:
// "sinh hoạt chi bộ thường kỳ tháng 6 năm 2026", "sinh hoạt chi bộ chuyên
// đề quý II năm 2026" (PRINT.md §3).
func meetingPhrase(d MinutesDoc) string {
	switch d.Kind {
	case kindThematic:
		p := d.Period
		if p.IsZero() && !d.Date.IsZero() {
			p = party.QuarterOf(d.Date)
		}
		return joinWords(wMeeting, wThematic, optPeriod(p))
	case kindExtraordinary:
		if d.Date.IsZero() {
			return joinWords(wMeeting, wExtraordinary)
		}
		return joinWords(wMeeting, wExtraordinary, dateWords(d.Date))
	}
	p := d.Period
	if p.IsZero() && !d.Date.IsZero() {
		p = party.MonthOf(d.Date)
	}
	return joinWords(wMeeting, regularLabel(d.Settings), optPeriod(p))
}

func optPeriod(p party.Period) string {
	if p.IsZero() {
		return ""
	}
	return periodWords(p)
}

func joinWords(ws ...string) string {
	var out []string
	for _, w := range ws {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// regularLabel is "thường kỳ" unless the organisation chose "định kỳ" (§3).
func regularLabel(s Settings) string {
	if vntext.Fold(s.RegularLabel) == vntext.Fold(wPeriodic) {
		return wPeriodic
	}
	return wRegular
}

// chairLabel is "CHỦ TRÌ" unless the organisation chose "CHỦ TỌA" (§5a).
func chairLabel(s Settings) string {
	if vntext.Fold(s.ChairLabel) == vntext.Fold(wChairLabelAlt) {
		return wChairLabelAlt
	}
	return wChairLabel
}

// minutesTitle is the document type and summary lines of PRINT.md §3. The
// "định kỳ" template (S8) sets the meeting in capitals on its own line and
// the month under it.
func minutesTitle(d MinutesDoc) []para {
	ps := []para{centred(wMinutesTitle, bold, 16)}
	ps[0].before = 12
	if d.Kind != kindThematic && d.Kind != kindExtraordinary && regularLabel(d.Settings) == wPeriodic {
		ps = append(ps, centred(strings.ToUpper(joinWords(wMeeting, wPeriodic)), bold, bodySize))
		p := d.Period
		if p.IsZero() && !d.Date.IsZero() {
			p = party.MonthOf(d.Date)
		}
		if !p.IsZero() {
			ps = append(ps, centred(periodWords(p), bold, bodySize))
		}
	} else {
		ps = append(ps, centred(meetingPhrase(d), bold, bodySize))
	}
	for i := range ps {
		ps[i].keepNext = true
	}
	return ps
}

// minutesBlocks lays out one minutes per PRINT.md §2–§6. entry is its
// place in a minute book (1-based), or 0 for a minutes printed alone.
func minutesBlocks(d MinutesDoc, fs map[style]*face, m margins, entry int) []block {
	tw := m.textWidth()
	chair := chairLabel(d.Settings)
	chairInText := labelInText(chair)
	var bs []block
	add := func(b ...block) { bs = append(bs, b...) }
	addBody := func(lines ...string) {
		for _, l := range lines {
			add(body(l))
		}
	}

	header := headerBlock(upper(d.UpperBody), upper(d.Body), numberLine(d.Number), placeDate(d.Place, d.Date), tw, fs)
	header.mark = mark{entry: entry, draft: !d.Locked}
	add(header)
	for _, p := range minutesTitle(d) {
		add(p)
	}
	add(rule{width: titleRuleLen, before: 4, after: 12})

	// Time, place, participants (PRINT.md §6, template S8/S9).
	if !d.StartedAt.IsZero() {
		hh, mm := clock(d.StartedAt)
		addBody(fmt.Sprintf(wTime, hh, mm, dateWords(party.DateOf(d.StartedAt))))
	}
	if v := vntext.Clean(d.Venue); v != "" {
		addBody(sentence(fmt.Sprintf(wVenue, strings.TrimRight(v, "."))))
	}
	participants := attendanceLines(d, chair)
	if len(participants) > 0 {
		p := body(wParticipants)
		p.keepNext = true
		add(p)
		for _, l := range participants {
			pl := body(l)
			if strings.HasPrefix(l, ". ") {
				pl.first += 6 // the absentee lines sit under "+ Số đảng viên vắng mặt"
			}
			add(pl)
		}
	}
	if d.Kind == kindThematic {
		if t := vntext.Clean(d.Topic); t != "" {
			addBody(fmt.Sprintf(wTopic, t))
		}
	}
	if len(d.Documents) > 0 {
		p := body(wDocuments)
		p.keepNext = true
		add(p)
		for _, l := range d.Documents {
			if l = vntext.Clean(l); l != "" {
				addBody("- " + l)
			}
		}
	}
	opening := wOpening
	if len(d.Guests) == 0 {
		opening = wOpeningNoGuests
	}
	addBody(fmt.Sprintf(opening, chairInText))

	items := printedItems(d.Items)
	if len(items) > 0 {
		add(partHeading(wPartContent))
		for i, it := range items {
			if t := vntext.Clean(it.Title); t != "" {
				addBody(sentence(fmt.Sprintf(wItemNumber, i+1, t)))
			}
		}
	}
	lead := vntext.Clean(d.LeadPaperBy)
	if len(items) > 0 || (d.Kind == kindThematic && lead != "") {
		add(partHeading(wPartProceeding))
		if d.Kind == kindThematic && lead != "" {
			addBody(fmt.Sprintf(wLeadPaper, lead))
		}
		for i, it := range items {
			bs = append(bs, itemBlocks(i+1, it, chairInText)...)
		}
	}
	bs = append(bs, conclusionBlocks(d)...)

	if !d.EndedAt.IsZero() {
		hh, mm := clock(d.EndedAt)
		started := d.Date
		if !d.StartedAt.IsZero() {
			started = party.DateOf(d.StartedAt)
		}
		if ended := party.DateOf(d.EndedAt); started.IsZero() || ended == started {
			addBody(fmt.Sprintf(wEnd, hh, mm))
		} else {
			addBody(fmt.Sprintf(wEndOther, hh, mm, dateWords(ended)))
		}
	}
	if d.ReadBack {
		addBody(wReadBack)
	}
	add(signatureBlock(tw, signatory(d.MinuteTaker, wTakerLabel), signatory(d.Chair, chair)))
	bs = append(bs, amendmentBlocks(d.Amendments)...)
	return bs
}

// attendanceLines are the lines under "- Thành phần tham dự:".
func attendanceLines(d MinutesDoc, chair string) []string {
	var ls []string
	var guests []string
	for _, g := range d.Guests {
		name, pos := vntext.Clean(g.Name), vntext.Clean(g.Position)
		switch {
		case name == "":
		case pos == "":
			guests = append(guests, fmt.Sprintf(wGuest, name))
		default:
			guests = append(guests, fmt.Sprintf(wGuestPosition, name, pos))
		}
	}
	if len(guests) > 0 {
		ls = append(ls, fmt.Sprintf(wGuests, strings.Join(guests, wListSep)))
	}
	chairName := vntext.Clean(d.Chair)
	if pos := vntext.Clean(d.ChairPosition); chairName != "" && pos != "" {
		chairName = fmt.Sprintf(wNamePosition, chairName, pos)
	}
	taker := vntext.Clean(d.MinuteTaker)
	label := capitalized(labelInText(chair))
	switch {
	case chairName != "" && taker != "":
		ls = append(ls, fmt.Sprintf(wChairAndTaker, label, chairName, taker))
	case chairName != "":
		ls = append(ls, fmt.Sprintf(wChairOnly, label, chairName))
	case taker != "":
		ls = append(ls, fmt.Sprintf(wTakerOnly, taker))
	}

	a := d.Attendance
	if a.Total == 0 && a.Present == 0 {
		return ls // attendance not recorded: print no empty counts
	}
	v1, v2 := len(a.Excused), len(a.Unexcused)
	if d.Settings.CompactAttendance {
		ls = append(ls, fmt.Sprintf(wCompact, num(a.Total), num(a.Present), num(v1+v2), num(v1), num(v2)))
	} else {
		ls = append(ls,
			fmt.Sprintf(wMembers, num(a.Total), num(a.Full), num(a.Probationary), num(a.TempIn)),
			fmt.Sprintf(wExempt, num(a.Exempt)),
			fmt.Sprintf(wTempOut, num(a.TempOut)),
			fmt.Sprintf(wPresent, num(a.Present)),
			fmt.Sprintf(wAbsent, num(v1+v2)))
	}
	// Each absentee by name, with the reason (S9; DOMAIN.md §6), in either form.
	if v1 > 0 {
		var names []string
		for _, e := range a.Excused {
			if r := strings.TrimRight(vntext.Clean(e.Reason), "."); r != "" {
				names = append(names, fmt.Sprintf(wNameReason, vntext.Clean(e.Name), r))
			} else {
				names = append(names, vntext.Clean(e.Name))
			}
		}
		ls = append(ls, fmt.Sprintf(wExcused, num(v1), strings.Join(names, wListSep)))
	}
	if v2 > 0 {
		var names []string
		for _, n := range a.Unexcused {
			names = append(names, vntext.Clean(n))
		}
		ls = append(ls, fmt.Sprintf(wUnexcused, num(v2), strings.Join(names, wListSep)))
	}
	if a.ExemptPresent > 0 {
		ls = append(ls, fmt.Sprintf(wExemptPresent, num(a.ExemptPresent)))
	}
	return ls
}

// printedItems drops the items the secretary left empty (PRINT.md §6: do
// not print empty labels).
func printedItems(items []Item) []Item {
	var out []Item
	for _, it := range items {
		if vntext.Clean(it.Title) != "" || len(paragraphs(it.Text)) > 0 || len(paragraphs(it.Conclusion)) > 0 || len(spoken(it.Speeches)) > 0 {
			out = append(out, it)
		}
	}
	return out
}

func spoken(ss []Speech) []Speech {
	var out []Speech
	for _, s := range ss {
		if len(paragraphs(s.Text)) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// itemBlocks is the proceeding of one agenda item: who presented it, the
// opinions by name, the chair's conclusion (PRINT.md §6, S8).
func itemBlocks(n int, it Item, chairInText string) []block {
	var bs []block
	// The item opens with who presented it (S8); without a presenter, its
	// number and title stand as a heading, so the item is still named.
	title, presenter := vntext.Clean(it.Title), vntext.Clean(it.Presenter)
	switch {
	case title != "" && presenter != "":
		bs = append(bs, body(sentence(fmt.Sprintf(wPresents, presenter, title))))
	case title != "":
		bs = append(bs, itemHeading(fmt.Sprintf(wItemNumber, n, strings.TrimRight(title, "."))))
	}
	for _, p := range paragraphs(it.Text) {
		bs = append(bs, body(p))
	}
	if ss := spoken(it.Speeches); len(ss) > 0 {
		h := body(wOpinions)
		h.keepNext = true
		bs = append(bs, h)
		for _, s := range ss {
			ps := paragraphs(s.Text)
			first := ps[0]
			if name := vntext.Clean(s.Name); name != "" {
				first = fmt.Sprintf(wOpinion, name, first)
			} else {
				first = "- " + first
			}
			ps[0] = first
			ps[len(ps)-1] = sentence(ps[len(ps)-1])
			for _, p := range ps {
				bs = append(bs, body(p))
			}
		}
	}
	if ps := paragraphs(it.Conclusion); len(ps) > 0 {
		ps[0] = fmt.Sprintf(wItemConclusion, chairInText, ps[0])
		ps[len(ps)-1] = sentence(ps[len(ps)-1])
		for _, p := range ps {
			bs = append(bs, body(p))
		}
	}
	return bs
}

// conclusionBlocks is part III: conclusion, resolution, vote, dues and
// the self-rating. A resolution is reported as passed only when more than
// half of the voting base voted for it (DOMAIN.md §5: 2 × yes > base).
func conclusionBlocks(d MinutesDoc) []block {
	var bs []block
	for _, p := range paragraphs(d.Conclusion) {
		bs = append(bs, body(p))
	}
	for _, p := range paragraphs(d.Resolution) {
		bs = append(bs, body(p))
	}
	if v := d.Vote; v != nil {
		bs = append(bs, body(fmt.Sprintf(wVote, num(v.Yes), num(v.No), num(v.Abstain), num(v.Base))))
		for _, r := range v.Reserved {
			if ps := paragraphs(r.Text); len(ps) > 0 {
				bs = append(bs, body(sentence(fmt.Sprintf(wReserved, vntext.Clean(r.Name), strings.Join(ps, " ")))))
			}
		}
		switch {
		case 2*v.Yes <= v.Base:
			bs = append(bs, body(wNotPassed))
		case v.Passed:
			bs = append(bs, body(wPassed))
		default: // a majority, but the core refused it (quorum, DOMAIN.md §5)
			bs = append(bs, body(wNotAdopted))
		}
	}
	if d.DuesDue > 0 {
		month := d.Date.Month()
		if d.Period.IsMonth() {
			month = d.Period.Month
		}
		bs = append(bs, body(fmt.Sprintf(wDues, int(month), num(d.DuesPaid), num(d.DuesDue))))
	}
	if r := strings.TrimRight(vntext.Clean(d.SelfRating), "."); r != "" {
		bs = append(bs, body(fmt.Sprintf(wRating, r)))
	}
	if len(bs) == 0 {
		return nil
	}
	return append([]block{partHeading(wPartConclusion)}, bs...)
}

// amendmentBlocks print the corrections after the signatures; the signed
// text above them stays as it was (DOMAIN.md §6).
func amendmentBlocks(as []Amendment) []block {
	if len(as) == 0 {
		return nil
	}
	h := partHeading(wAmendments)
	h.before = 18
	bs := []block{h, body(wAmendmentIntro)}
	for i, a := range as {
		hh, mm := clock(a.At)
		bs = append(bs, body(fmt.Sprintf(wAmendmentHead, i+1, hh, mm, dateWords(party.DateOf(a.At)), vntext.Clean(a.Author))))
		if ps := paragraphs(a.Reason); len(ps) > 0 {
			bs = append(bs, body(sentence(fmt.Sprintf(wAmendmentWhy, strings.Join(ps, " ")))))
		}
		ps := paragraphs(a.Text)
		for j, p := range ps {
			if j == 0 {
				p = fmt.Sprintf(wAmendmentWhat, p)
			}
			bs = append(bs, body(p))
		}
	}
	return bs
}
