package demo

import (
	"strings"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Making one cell's meetings: the calendar (meetings.go), then each
// meeting in date order, held or planned: roll and attendance
// (attendance.go), the vote, the minutes (minutes.go) or a copy of other
// minutes (copies.go), the evaluations (evaluations.go), signing.

// srcKey names the minutes of a cell's month that another cell copies.
type srcKey struct {
	cell   int64
	period party.Period
}

// newCellGen prepares a cell: its streams, its members' histories (home
// members and those registered temporarily in it), what its minutes speak
// of.
func (w *World) newCellGen(c *Org) *cellGen {
	g := &cellGen{w: w, c: c, h: &c.meet, taken: map[party.Date]bool{}, numbers: map[int]int{}, lastAway: map[int64]bool{},
		rc: w.rng("meetings", c.Code), ra: w.rng("meetings.attendance", c.Code),
		rm: w.rng("meetings.minutes", c.Code), re: w.rng("meetings.evaluations", c.Code)}
	seen := map[*Member]bool{}
	for _, m := range append(c.Members, w.tempIn[c.ID]...) {
		if !seen[m] {
			seen[m] = true
			g.hs = append(g.hs, m.MemberHistory)
		}
	}
	g.people = w.peopleOf(c)
	g.follower = w.followerOf(c)
	return g
}

// genCell makes every meeting of a cell, in date order. src holds the
// minutes of cells copied by others (filled by their own genCell, which
// comes first).
func (w *World) genCell(c *Org, src map[srcKey]*party.MinutesContent) []*mtg {
	g := w.newCellGen(c)
	ms := g.calendar()
	g.plantAbsences()
	for _, m := range ms {
		if m.held() {
			g.hold(m, src)
		}
		w.count(m)
	}
	return ms
}

// hold makes what a held meeting has: roll, vote, minutes, evaluations,
// and signs it (or leaves it to be signed).
func (g *cellGen) hold(m *mtg, src map[srcKey]*party.MinutesContent) {
	w, c := g.w, g.c
	chair := g.takeRoll(m)
	m.HeldAt = heldAt(m.Starts, g.ra)
	m.Version++
	ps, entries, att := meetings.AttendanceOf(m.Roll)
	m.att = att

	// Not signed yet: the minutes may still be a draft, or not written.
	sign := !g.leftUnsigned(m)
	draft := draftNone
	if !sign {
		draft = g.draftKind()
	}
	voted := false
	switch m.Kind {
	case party.ThuongKy:
		voted = true
	case party.ChuyenDe:
		voted = g.ra.Float64() < 0.6
	default:
		voted = extraBank[m.reason.kind].resolution != ""
	}
	if voted && draft != draftNoVote {
		g.vote(m, ps, entries)
	}
	voting := party.Tally(*m.RuleSet, ps, entries, m.Votes)
	m.passed = voting.Passed

	var content *party.MinutesContent
	if draft != draftNothing && draft != draftNoVote {
		content = g.writeMinutes(m, chair, att, voting)
		if m.Kind == party.ThuongKy {
			switch from, ok := src[srcKey{c.meet.copyFromID(), m.Period}]; {
			case ok && c.meet.copyMonths[m.Period]:
				content = g.copyMinutes(m, content, from, m.Period, true)
				m.copied = "peer"
			case c.meet.habit == habitCopier && g.prevMins != nil && g.rm.Float64() < 0.85:
				content = g.copyMinutes(m, content, g.prevMins, g.prevPeriod, false)
				m.copied = "previous"
			}
		}
		g.unfinish(content, draft)
	}
	if m.Kind == party.ThuongKy {
		g.streak.add(m)
	}
	var sk party.MinutesContent
	if content != nil {
		sk = skeleton(*content)
		sm := store.Meeting{Kind: m.Kind, Topic: m.Topic, HeldAt: m.HeldAt}
		m.complete, _ = party.Completeness(m.Kind, meetings.ContentOf(sm, sk, att, m.Votes != nil))
	}
	m.Minutes = content
	if m.complete {
		facts := party.MeetingFacts{Attendance: att, DurationMinutes: sk.DurationMinutes(), Speakers: sk.MemberSpeakers(),
			MinutesComplete: true, HeldInPeriod: m.Period.Contains(m.Date), ResolutionPassed: voting.Passed,
			MaxConsecutiveExcused: g.streak.on(m.Date)}
		facts.PrepDone, facts.PrepTotal = m.Prep.PrepDone(m.Kind)
		if grade, ok := g.evaluate(m, facts, sign); ok {
			setRating(content, m.Kind, grade)
		} else {
			setRating(content, m.Kind, []party.Grade{party.Tot, party.Kha, party.Kha}[g.re.IntN(3)])
		}
	}
	if sign && m.complete {
		m.Status = party.DaKy
		lock := m.Date.AddDays(1 + g.rc.IntN(6))
		if !lock.Before(w.Today) {
			lock = w.Today.AddDays(-1)
		}
		m.LockedAt = lock.At(8+g.rc.IntN(13), g.rc.IntN(60))
		m.LockedBy = g.account(chair)
		m.Version++
	}
	if content != nil {
		m.Body = meetings.BodyText(*content)
		m.Number = g.number(m)
		m.MinVer = 1 + g.rc.IntN(4)
		m.MinutesBy = g.account(g.taker)
		m.MinutesAt = later2(content.EndedAt, m.HeldAt).Add(time.Duration(1+g.rc.IntN(40)) * time.Hour)
		if !m.LockedAt.IsZero() && m.MinutesAt.After(m.LockedAt) {
			m.MinutesAt = m.LockedAt.Add(-time.Hour)
		}
		if now := w.clock(); m.MinutesAt.After(now) {
			m.MinutesAt = now.Add(-time.Minute)
		}
	}
	if m.Votes != nil {
		m.VotedAt = m.HeldAt.Add(time.Duration(60+g.rc.IntN(40)) * time.Minute)
		if now := w.clock(); m.VotedAt.After(now) {
			m.VotedAt = now.Add(-time.Minute)
		}
	}
	if m.Kind == party.ThuongKy && content != nil {
		g.prevMins, g.prevPeriod = content, m.Period
	}
	if c.meet.source && m.Kind == party.ThuongKy && content != nil {
		src[srcKey{c.ID, m.Period}] = content
	}
	m.Updated = later2(later2(m.Updated, m.HeldAt), later2(m.LockedAt, m.MinutesAt))
}

// How unsigned minutes stand.
const (
	draftNone    = iota // finished, waiting for the signatures
	draftPart           // a part still missing
	draftNothing        // not written yet
	draftNoVote         // not written yet, and no vote recorded
)

func (g *cellGen) draftKind() int {
	switch x := g.rc.Float64(); {
	case x < 0.06:
		return draftNoVote
	case x < 0.12:
		return draftNothing
	case x < 0.4:
		return draftPart
	}
	return draftNone
}

// unfinish takes a part out of a draft.
func (g *cellGen) unfinish(c *party.MinutesContent, draft int) {
	if draft != draftPart {
		return
	}
	switch g.rc.IntN(4) {
	case 0:
		c.EndedAt = time.Time{}
	case 1:
		c.ReadBack = false
	case 2:
		c.Conclusion = ""
	default:
		c.Place = ""
	}
}

func (h *meetHabits) copyFromID() int64 {
	if h.copyFrom == nil {
		return 0
	}
	return h.copyFrom.ID
}

// leftUnsigned decides which held meetings still wait for their signature:
// those of the last day or two, many of this month's, some of last
// month's (so that reminders have something to remind), hardly any older.
func (g *cellGen) leftUnsigned(m *mtg) bool {
	today := g.w.Today
	r := g.rc
	cur := party.MonthOf(today)
	trouble := g.h.habit == habitTrouble || g.h.habit == habitLax
	switch held := party.MonthOf(m.Date); {
	case !m.Date.Before(today.AddDays(-1)):
		return true
	case held == cur:
		return r.Float64() < map[bool]float64{false: 0.55, true: 0.8}[trouble]
	case held == cur.Prev():
		return r.Float64() < map[bool]float64{false: 0.12, true: 0.4}[trouble]
	}
	return r.Float64() < 0.004
}

// account is the user name that did something as member x: the member's
// own account if there is one, else the program's.
func (g *cellGen) account(x *Member) string {
	if x != nil {
		if u, ok := g.w.accountOf[x]; ok {
			return u
		}
	}
	return store.System.Username
}

// number is the minutes' number in the cell's book of the year
// ("05-BB/CB"), for the cells that number them.
func (g *cellGen) number(m *mtg) string {
	if !g.h.numbered || m.Status != party.DaKy {
		return ""
	}
	g.numbers[m.Date.Year()]++
	n := g.numbers[m.Date.Year()]
	if n < 10 {
		return "0" + itoa(int64(n)) + "-BB/CB"
	}
	return itoa(int64(n)) + "-BB/CB"
}

// followerOf is the guest line of the upper-level committee member who
// follows the cell (cấp ủy viên phụ trách chi bộ), as the minutes name
// guests: "Name, position".
func (w *World) followerOf(c *Org) string {
	key, pos := c.Borough.Spec.Code, committeeWord(c.Borough.Spec.Kind)+" viên, phụ trách chi bộ"
	if c.Ward != nil {
		key, pos = c.Ward.Code, "Đảng ủy viên, phụ trách chi bộ"
	}
	r := w.rng("meetings.follower", key)
	g := party.Nam
	if r.Float64() < 0.4 {
		g = party.Nu
	}
	return fullName(r, g, 1965+r.IntN(20), "Kinh") + ", " + pos
}

// streaks follows, through a cell's regular meetings in date order, the
// longest run of excused absences of any member in the year: the fact
// quality computes for "nobody absent with reason more than 3 times in a
// row within the year" (party.ExcusedStreak over the year's regular
// meetings up to the one judged).
type streaks struct {
	year int
	runs map[int64]*[2]int // member → current run, best run
	best int
}

func (s *streaks) add(m *mtg) {
	if y := m.Date.Year(); y != s.year || s.runs == nil {
		s.year, s.runs, s.best = y, map[int64]*[2]int{}, 0
	}
	for _, row := range m.Roll {
		x := s.runs[row.MemberID]
		if x == nil {
			x = &[2]int{}
			s.runs[row.MemberID] = x
		}
		switch row.Status {
		case party.VangCoLyDo:
			x[0]++
			x[1] = max(x[1], x[0])
			s.best = max(s.best, x[1])
		case party.CoMat, party.VangKhongLyDo:
			x[0] = 0
		}
	}
}

// on is the longest run in the year of day d, counting the regular
// meetings added so far (all those held up to d).
func (s *streaks) on(d party.Date) int {
	if d.Year() != s.year {
		return 0
	}
	return s.best
}

// count adds a meeting to what the stage made.
func (w *World) count(m *mtg) {
	n := &w.Made
	n.Meetings++
	switch m.Kind {
	case party.ThuongKy:
		n.Regular++
	case party.ChuyenDe:
		n.Thematic++
	default:
		n.Extraordinary++
	}
	switch m.Status {
	case party.DaKy:
		n.Held++
		n.Signed++
	case party.DaHop:
		n.Held++
		n.Unsigned++
	case party.DaThongBao:
		n.Notified++
	default:
		n.Planned++
	}
	n.Roll += len(m.Roll)
	n.Present += m.att.Present
	n.Required += m.att.Required
	if m.Votes != nil {
		n.Votes++
		if len(m.Votes.Ballots) > 0 {
			n.Ballots++
		}
	}
	if m.Minutes != nil {
		n.Minutes++
	}
	for _, e := range m.Evals {
		if e.By == "review" {
			n.Reviews++
		} else {
			n.SelfEvaluations++
			n.Grades[e.Grade]++
		}
	}
	switch m.copied {
	case "previous":
		n.CopiedPrevious++
	case "peer":
		n.CopiedPeer++
	}
}

// wardWords are how a cell's minutes name the committee above it and its
// locality: "phường Bồ Đề", "Đảng ủy phường Bồ Đề", "phường"; and what its
// residential unit is called ("tổ dân phố", "thôn").
func wardWords(c *Org) (label, committee, locality, unit string) {
	d := c.Borough.Spec
	label, committee, locality = d.Kind+" "+d.Name, committeeWord(d.Kind)+" "+d.Name, d.Kind
	if c.Ward != nil {
		label = wardLabel(c.Ward.Name)
		committee = strings.Replace(c.Ward.Name, "Đảng bộ", "Đảng ủy", 1)
		for _, k := range []string{"phường", "xã", "thị trấn"} {
			if strings.HasPrefix(label, k+" ") {
				locality = k
			}
		}
	}
	unit = "đơn vị"
	name := strings.TrimPrefix(c.Name, "Chi bộ ")
	for _, u := range []string{"tổ dân phố", "thôn", "Khu dân cư"} {
		if strings.HasPrefix(name, u) {
			unit = strings.ToLower(u[:1]) + u[1:]
		}
	}
	return label, committee, locality, unit
}

// skeleton is the minutes with every long text cut to one letter (an
// empty or blank one stays as it is): what party.Completeness, Speakers
// and MemberSpeakers read of a text is only whether it is blank, so they
// answer the same for the skeleton, without normalizing kilobytes of
// text a million times for a city.
func skeleton(c party.MinutesContent) party.MinutesContent {
	short := func(s string) string {
		if len(s) <= 8 || strings.TrimSpace(s) == "" {
			return s
		}
		return "x"
	}
	c.Place, c.Chair, c.MinuteTaker, c.Topic, c.LeadPaperBy = short(c.Place), short(c.Chair), short(c.MinuteTaker), short(c.Topic), short(c.LeadPaperBy)
	c.Conclusion, c.Resolution = short(c.Conclusion), short(c.Resolution)
	speeches := func(ss []party.Speech) []party.Speech {
		out := make([]party.Speech, len(ss))
		for i, x := range ss {
			out[i] = party.Speech{MemberID: x.MemberID, Speaker: x.Speaker, Text: short(x.Text)}
		}
		return out
	}
	items := make([]party.MinutesItem, len(c.Items))
	for i, it := range c.Items {
		items[i] = party.MinutesItem{Key: it.Key, Part: it.Part, Title: short(it.Title), Presenter: short(it.Presenter), Text: short(it.Text),
			Conclusion: short(it.Conclusion), Speeches: speeches(it.Speeches)}
	}
	c.Items = items
	c.Discussion = speeches(c.Discussion)
	return c
}
