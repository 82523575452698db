package demo

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// The meetings stage gives every cell three years of its month (DOMAIN.md
// §4–7): a regular meeting each month on its usual day, most on time, some
// late (held early the next month, counted for its month), a few missing;
// a thematic meeting in most quarters on a topic of the library; an
// extraordinary meeting now and then, when the records give a reason (a
// candidate to admit, a probation ending, a congress, a sanction). Each
// held meeting has its roll drawn by party.Summoned, attendance, dues, the
// vote on the resolution, minutes written from a bank of phrases
// (phrases_*.go) and evaluations scored by party.Evaluate. This month's and
// next month's meetings are planned or notified.
//
// Three years of a city are about a million meetings and twenty-five
// million roll rows: too many to hold. The stage keeps only how each cell
// keeps its meetings (meetHabits); its rows are made cell by cell, about a
// hundred cells at a time, while the previous batch is written
// (meetload.go). Each cell draws from its own streams, so a batch is the
// same whichever batches come before it.

// habit is how a cell keeps its meetings.
type habit int

const (
	habitGood    habit = iota // on time, well attended
	habitLax                  // late or thin now and then
	habitTrouble              // misses often, thin meetings
	habitCopier               // copies its previous minutes with a few words changed
)

// meetHabits is what stays the same about a cell's meetings.
type meetHabits struct {
	habit     habit
	rate      float64 // usual attendance: present ÷ required
	day       int     // the day of the month it meets (its usual day, or the day it keeps in practice)
	jitter    int     // how far a meeting strays from that day
	hour, min int
	place     string
	numbered  bool // numbers its minutes ("05-BB/CB")
	// copyFrom is a cell of the ward whose minutes this one copies in
	// copyMonths (formalism to find, DOMAIN.md §6).
	copyFrom   *Org
	copyMonths map[party.Period]bool
	source     bool // another cell copies this one's minutes
}

// CopyPair is one planted copy between two cells of a ward: To's minutes
// of each month listed are From's with a few words changed.
type CopyPair struct {
	From, To *Org
	Months   []party.Period
}

// MeetingCounts are what the meetings stage made, counted as its rows
// stream to the database.
type MeetingCounts struct {
	Meetings, Regular, Thematic, Extraordinary int
	// Regular obligations of the months before the current one, per cell
	// and month: held in the month, held the month after, not held.
	OnTime, Late, Missing int
	// Thematic obligations of the quarters before the current one.
	ThematicHeld, ThematicDue                 int
	Held, Signed, Unsigned, Notified, Planned int
	Roll, Present, Required                   int
	Votes, Ballots, Minutes                   int
	SelfEvaluations, Reviews                  int
	Grades                                    map[party.Grade]int // self-evaluations
	CopiedPrevious, CopiedPeer                int                 // minutes planted as copies
}

// genMeetings decides how each cell keeps its meetings and which cells
// copy each other's minutes. The meetings themselves are made while they
// are written (loadMeetings).
func genMeetings(w *World) error {
	w.Made = MeetingCounts{Grades: map[party.Grade]int{}}
	w.tempIn = map[int64][]*Member{}
	for _, m := range w.Members {
		for _, s := range m.States {
			if s.Kind == party.TamThoi && s.HostOrgID != 0 && !slices.Contains(w.tempIn[s.HostOrgID], m) {
				w.tempIn[s.HostOrgID] = append(w.tempIn[s.HostOrgID], m)
			}
		}
	}
	w.accountOf = map[*Member]string{}
	for _, u := range w.Users {
		if u.Member != nil {
			w.accountOf[u.Member] = u.Username
		}
	}
	for _, d := range w.Boroughs {
		r := w.rng("meetings.habits", d.Spec.Code)
		for _, c := range d.Cells {
			c.meet = w.habitsOf(c, d, r)
		}
		w.plantPeerCopies(d)
	}
	return nil
}

func (w *World) habitsOf(c *Org, d *Borough, r *rand.Rand) meetHabits {
	h := meetHabits{habit: habitGood}
	switch x := r.Float64(); {
	case c == d.Showcase:
	case c.Trouble == NoSecretary, x < 0.03:
		h.habit = habitTrouble
	case c.Trouble == NoCommittee, x < 0.13:
		h.habit = habitLax
	case x < 0.18 && c.size >= 6:
		h.habit = habitCopier
	}
	switch h.habit {
	case habitTrouble:
		h.rate = 0.58 + 0.17*r.Float64()
	case habitLax:
		h.rate = 0.78 + 0.1*r.Float64()
	default:
		h.rate = 0.86 + 0.11*r.Float64()
	}
	ps := profiles[c.Profile]
	h.day, h.jitter = c.UsualDay, 2
	if h.day == 0 { // no usual day: it meets around some day all the same
		h.day, h.jitter = ps.dayMin+r.IntN(ps.dayMax-ps.dayMin+1), 5
	}
	at := c.UsualTime
	if at == "" {
		at = ps.times.pick(r)
	}
	h.hour, h.min = atoi(at[:2]), atoi(at[3:])
	h.place = c.UsualPlace
	if h.place == "" {
		h.place = defaultPlace(c)
	}
	h.numbered = r.Float64() < 0.55
	return h
}

// defaultPlace is where a cell without a usual place meets.
func defaultPlace(c *Org) string {
	unit := strings.TrimPrefix(c.Name, "Chi bộ ")
	if c.Profile == resident {
		return "Nhà văn hóa " + unit
	}
	return "Phòng họp " + unit
}

func atoi(s string) int {
	n := 0
	for _, ch := range s {
		n = n*10 + int(ch-'0')
	}
	return n
}

// plantPeerCopies picks a few pairs of neighbouring residential cells of
// one ward, both well kept and unchanged by the reorganizations, and months
// in which the second copies the first's minutes: about one ward in three.
func (w *World) plantPeerCopies(d *Borough) {
	r := w.rng("meetings.copies", d.Spec.Code)
	start := w.Today.AddMonths(-36)
	ok := func(c *Org) bool {
		return c.Profile == resident && c.meet.habit == habitGood && c != d.Showcase && c.Trouble == NoTrouble &&
			len(c.Versions) == 1 && c.Dissolved.IsZero() && c.splitTo == nil && c.Created.Before(start) && !c.meet.source && c.meet.copyFrom == nil
	}
	wards := map[*Org]bool{}
	for i := 0; i+1 < len(d.Cells); i++ {
		a, b := d.Cells[i], d.Cells[i+1]
		if a.Ward == nil || a.Ward != b.Ward || wards[a.Ward] || !ok(a) || !ok(b) || r.Float64() > 0.35 {
			continue
		}
		wards[a.Ward] = true
		months := map[party.Period]bool{}
		var list []party.Period
		for range 3 + r.IntN(5) {
			p := party.MonthOf(w.Today.AddMonths(-(2 + r.IntN(33))))
			if !months[p] {
				months[p] = true
				list = append(list, p)
			}
		}
		slices.SortFunc(list, func(x, y party.Period) int { return x.First().Compare(y.First()) })
		a.meet.source = true
		b.meet.copyFrom, b.meet.copyMonths = a, months
		d.CopyPairs = append(d.CopyPairs, CopyPair{From: a, To: b, Months: list})
		i++
	}
}

// mtg is one meeting as generated, with everything that hangs off it.
type mtg struct {
	ID       int64
	Cell     *Org
	Kind     party.MeetingKind
	Period   party.Period
	Date     party.Date
	Starts   time.Time
	Place    string
	Topic    string
	Status   party.MeetingStatus
	RuleSet  *party.RuleSet
	Agenda   []party.AgendaItem
	Prep     party.Preparation
	HeldAt   time.Time
	LockedAt time.Time
	LockedBy string
	Version  int
	Created  time.Time
	Updated  time.Time

	Roll      []store.RollRow
	Votes     *party.Votes
	VotedAt   time.Time
	Minutes   *party.MinutesContent
	Number    string
	MinVer    int
	MinutesAt time.Time
	MinutesBy string
	Body      string // meetings.BodyText of the minutes
	Evals     []store.EvaluationRow

	// What the generator meant, for tests and counts.
	late     bool
	mustCome []int64 // members the meeting is about or who present: present
	paper    string  // thematic: the lead paper, summarized…
	authors  string  // …and who wrote it ("A" or "A, B")
	reason   extraReason
	topic    *store.Topic
	copied   string           // "previous" or "peer" when the minutes were copied
	att      party.Attendance // as the core counts the roll
	base     int              // voting base (party.VotingBase)
	passed   bool
	complete bool
	want     float64 // the attendance aimed at
}

// held reports whether attendance was taken.
func (m *mtg) held() bool { return m.Status == party.DaHop || m.Status == party.DaKy }

// extraReason is why an extraordinary meeting was called.
type extraReason struct {
	kind    string  // ket_nap, chinh_thuc, ky_luat, dai_hoi, dot_xuat
	subject *Member // the member (or candidate) concerned
}

// cellGen makes one cell's meetings. Each concern has its own stream, so
// that a change to the minutes' wording leaves the calendar and the
// attendance as they were.
type cellGen struct {
	w  *World
	c  *Org
	h  *meetHabits
	hs []party.MemberHistory

	rc *rand.Rand // calendar
	ra *rand.Rand // attendance, votes
	rm *rand.Rand // minutes
	re *rand.Rand // evaluations

	episodes     []episode
	lastAway     map[int64]bool           // away with a reason from the last regular meeting
	unexcused    map[int64][]party.Period // members who stay away without reason, and when
	taken        map[party.Date]bool
	prevMins     *party.MinutesContent // the last regular minutes (habitual copying)…
	prevPeriod   party.Period          // …and their month
	streak       streaks
	sig          []uint8             // members' standings on the day of the roll drawn last…
	rollSig      []uint8             // …and of the roll kept
	roll         []party.Participant // party.Summoned's answer for rollSig
	offDay       party.Date          // the officers on offDay
	offOK        bool
	offSec       *Member
	offDep       *Member
	offCommittee []*Member
	numbers      map[int]int // minutes numbered in each year
	people       *cellPeople
	follower     string // the following committee member, as a guest line
	taker        *Member
}

// window is the first day of the demo's three years.
func (w *World) window() party.Date { return party.MonthOf(w.Today.AddMonths(-36)).First() }

// aliveDays is the part of [from, to] the cell exists in; ok is false
// when none.
func aliveDays(c *Org, from, to party.Date) (party.Date, party.Date, bool) {
	if from.Before(c.Created) {
		from = c.Created
	}
	if !c.Dissolved.IsZero() && !to.Before(c.Dissolved) {
		to = c.Dissolved.AddDays(-1)
	}
	return from, to, !to.Before(from)
}

// calendar lays out the cell's meetings: dates, kinds, statuses.
func (g *cellGen) calendar() []*mtg {
	w, c, h, r := g.w, g.c, g.h, g.rc
	today := w.Today
	cur := party.MonthOf(today)
	next := cur.Next()
	var out []*mtg
	var after party.Date // a late meeting of the month before: this month's comes after it
	for p := party.MonthOf(w.window()); !p.First().After(next.First()); p = p.Next() {
		lo, hi, ok := aliveDays(c, p.First(), p.Last())
		if !ok {
			continue
		}
		d := g.dayIn(p, lo, hi, h.day, h.jitter)
		if !after.IsZero() && !d.After(after) {
			d = after.AddDays(2 + r.IntN(4))
			if d.After(hi) {
				d = hi
			}
		}
		after = party.Date{}
		m := &mtg{Cell: c, Kind: party.ThuongKy, Period: p, Date: d}
		switch {
		case p == next:
			if r.Float64() > nextPlanned(today) || g.taken[d] {
				continue
			}
		case p == cur:
			// Not held yet, perhaps not even planned: a trouble cell puts
			// it off to the end of the month.
			if h.habit == habitTrouble && r.Float64() < 0.3 {
				if d = today.AddDays(1 + r.IntN(5)); d.After(hi) {
					continue
				}
			}
		default:
			miss, late := missLate(h.habit)
			x := r.Float64()
			if x < miss || g.taken[d] {
				w.Made.Missing++
				continue
			}
			if x < miss+late {
				nlo, nhi, ok := aliveDays(c, p.Next().First(), p.Next().First().AddDays(7))
				if !ok {
					w.Made.Missing++
					continue
				}
				m.Date, m.late = g.dayIn(p.Next(), nlo, nhi, nlo.Day()+r.IntN(5), 0), true
				after = m.Date
				if m.Date.Before(today) {
					w.Made.Late++
				} else if !p.Next().First().After(today) {
					w.Made.Missing++ // counted today as not held: it comes in a few days
				}
			} else {
				w.Made.OnTime++
			}
		}
		g.take(m)
		out = append(out, m)
	}
	out = append(out, g.thematic()...)
	out = append(out, g.extraordinary()...)
	slices.SortStableFunc(out, func(a, b *mtg) int { return a.Date.Compare(b.Date) })
	for _, m := range out {
		g.plan(m)
	}
	return out
}

// nextPlanned is the share of cells that have planned next month's
// meeting: secretaries post it around the 20th (DOMAIN.md §4).
func nextPlanned(today party.Date) float64 {
	if today.Day() >= 20 {
		return 0.75
	}
	return 0.3
}

// missLate are the shares of a cell's months missed and held late.
func missLate(h habit) (miss, late float64) {
	switch h {
	case habitTrouble:
		return 0.3, 0.14
	case habitLax:
		return 0.06, 0.09
	}
	return 0.025, 0.042
}

// dayIn is a day near day in month p, within [lo, hi]; cells other than
// residential ones meet on working days.
func (g *cellGen) dayIn(p party.Period, lo, hi party.Date, day, jitter int) party.Date {
	if jitter > 0 {
		day += g.rc.IntN(2*jitter+2) - jitter
	}
	d := party.D(p.Year, p.Month, max(1, min(day, p.Last().Day())))
	if g.c.Profile != resident {
		switch d.Time().Weekday() {
		case time.Saturday:
			d = d.AddDays(-1)
		case time.Sunday:
			d = d.AddDays(1)
		}
	}
	if d.Before(lo) {
		d = lo
	}
	if d.After(hi) {
		d = hi
	}
	return d
}

func (g *cellGen) take(m *mtg) { g.taken[m.Date] = true }

// free moves d off the days already taken, within [lo, hi].
func (g *cellGen) free(d, lo, hi party.Date) (party.Date, bool) {
	for i := 0; i < 10; i++ {
		x := d.AddDays([]int{0, 1, -1, 2, -2, 3, -3, 4, -4, 5}[i])
		if !x.Before(lo) && !x.After(hi) && !g.taken[x] && !g.taken[x.AddDays(-1)] && !g.taken[x.AddDays(1)] {
			return x, true
		}
	}
	return d, false
}

// thematic plans a thematic meeting in most quarters (DOMAIN.md §4: "at
// least once per calendar quarter").
func (g *cellGen) thematic() []*mtg {
	w, c, r := g.w, g.c, g.rc
	today := w.Today
	share := map[habit]float64{habitGood: 0.9, habitCopier: 0.85, habitLax: 0.72, habitTrouble: 0.38}[g.h.habit]
	var out []*mtg
	var last *store.Topic
	for q := party.QuarterOf(w.window()); !q.First().After(today); q = q.Next() {
		lo, hi, ok := aliveDays(c, later(q.First(), w.window()), q.Last())
		if !ok {
			continue
		}
		past := q.Last().Before(today)
		if past {
			w.Made.ThematicDue++
		}
		if r.Float64() > share {
			continue
		}
		months := q.Months()
		p := months[[]int{0, 1, 1, 2, 2}[r.IntN(5)]]
		d, ok := g.free(g.dayIn(p, lo, hi, 12+r.IntN(12), 0), lo, hi)
		if !ok {
			continue
		}
		t := g.topicFor(last)
		last = t
		m := &mtg{Cell: c, Kind: party.ChuyenDe, Period: q, Date: d, Topic: t.Title, topic: t}
		if past {
			w.Made.ThematicHeld++
		}
		g.take(m)
		out = append(out, m)
	}
	return out
}

// topicFor picks a topic oriented to the cell, not the one of last quarter.
func (g *cellGen) topicFor(last *store.Topic) *store.Topic {
	var fit []*store.Topic
	for i := range g.w.Topics {
		t := &g.w.Topics[i]
		if t != last && (len(t.CellTypes) == 0 || slices.Contains(t.CellTypes, g.c.CellType)) {
			fit = append(fit, t)
		}
	}
	// Residential cells mostly take the topics written for them (42-HD).
	if g.c.Profile == resident && g.rc.Float64() < 0.6 {
		var local []*store.Topic
		for _, t := range fit {
			if len(t.CellTypes) > 0 {
				local = append(local, t)
			}
		}
		if len(local) > 0 {
			fit = local
		}
	}
	return fit[g.rc.IntN(len(fit))]
}

// extraordinary calls a meeting when the records give a reason: a
// candidate to admit, a probation ending, a member to discipline, the cell
// congress; now and then something urgent.
func (g *cellGen) extraordinary() []*mtg {
	w, c, r := g.w, g.c, g.rc
	today, start := w.Today, w.window()
	var out []*mtg
	add := func(d party.Date, why extraReason) {
		lo, hi, ok := aliveDays(c, start, today.AddDays(-1))
		if !ok || d.Before(lo) || d.After(hi) {
			return
		}
		if d, ok = g.free(d, lo, hi); !ok {
			return
		}
		m := &mtg{Cell: c, Kind: party.BatThuong, Period: party.MonthOf(d), Date: d, reason: why}
		g.take(m)
		out = append(out, m)
	}
	for _, m := range c.Members {
		pm := &m.Member
		if len(m.Memberships) > 0 && m.Memberships[0].OrgID == c.ID && m.Memberships[0].From == pm.JoinedOn && r.Float64() < 0.45 {
			add(pm.JoinedOn.AddDays(-(10 + r.IntN(25))), extraReason{kind: "ket_nap", subject: m})
		}
		if !pm.OfficialOn.IsZero() && m.HomeOn(pm.OfficialOn) == c.ID && r.Float64() < 0.45 {
			add(pm.OfficialOn.AddDays(-(3 + r.IntN(20))), extraReason{kind: "chinh_thuc", subject: m})
		}
		for _, s := range m.States {
			if s.Kind == party.DinhChi && m.HomeOn(s.From) == c.ID {
				add(s.From.AddDays(-(5 + r.IntN(15))), extraReason{kind: "ky_luat", subject: m})
			}
		}
	}
	if b := c.Borough; b != nil && r.Float64() < 0.35 {
		add(b.TermStart.AddDays(-(15 + r.IntN(25))), extraReason{kind: "dai_hoi"})
	}
	for y := start.Year(); y <= today.Year(); y++ {
		if r.Float64() < 0.07 {
			add(party.D(y, time.Month(1+r.IntN(12)), 1+r.IntN(28)), extraReason{kind: "dot_xuat"})
		}
	}
	return out
}

// plan fills what planning and preparing a meeting gives it (meetings.Plan,
// the preparation checklist, the notice) and its status.
func (g *cellGen) plan(m *mtg) {
	w, c, h, r := g.w, g.c, g.h, g.rc
	today := w.Today
	rs, _ := w.ruleSetOn(m.Date)
	m.RuleSet = rs
	m.Agenda = w.agendaFor(rs, m.Kind, c.CellType, m.Period)
	hour, mi := h.hour, h.min
	if m.Kind != party.ThuongKy && c.Profile != resident && r.Float64() < 0.3 {
		hour, mi = 8, 0
	}
	m.Starts = m.Date.At(hour, mi)
	m.Place = placeOn(c, m.Date, h.place)
	planned := m.Date.AddDays(-(12 + r.IntN(20)))
	if m.Kind == party.BatThuong {
		planned = m.Date.AddDays(-(2 + r.IntN(5)))
	}
	if planned.After(today) {
		planned = today
	}
	m.Created = planned.At(8+r.IntN(12), r.IntN(60))
	if m.Created.After(w.clock()) {
		m.Created = w.clock().Add(-time.Hour)
	}
	m.Version = 1
	if m.reason.kind == "chinh_thuc" {
		m.mustCome = append(m.mustCome, m.reason.subject.Member.ID)
	}

	// Preparation (DOMAIN.md §4): mostly done, sometimes partly.
	full := map[habit]float64{habitGood: 0.86, habitCopier: 0.7, habitLax: 0.6, habitTrouble: 0.3}[h.habit]
	done := r.Float64() < full
	step := func() bool { return done || r.Float64() < 0.6 }
	p := &m.Prep
	p.ContentDrafted = step()
	if step() {
		p.CommitteeMetOn = m.Date.AddDays(-(2 + r.IntN(6)))
	}
	f := &filler{r: r, p: g.people, period: party.MonthOf(m.Date)}
	if m.Kind == party.ThuongKy && step() {
		b := bankOf(c.Profile)
		p.DraftResolution = "Dự thảo nghị quyết " + m.Period.VN() + ": " + f.fill(b.resolutions[r.IntN(len(b.resolutions))]) + " " +
			f.fill(b.tasks[r.IntN(len(b.tasks))])
	}
	if m.Kind == party.ChuyenDe {
		tt := topicBank[m.topic.Group]
		p.TopicID = m.topic.ID
		m.paper = f.fill(tt.paper[r.IntN(len(tt.paper))]) + " " + f.fill(assessments[r.IntN(len(assessments))])
		var lead *Member
		m.authors, lead = g.authors(m.Date)
		if lead != nil {
			m.mustCome = append(m.mustCome, lead.Member.ID)
		}
		if step() {
			p.LeadPaper = m.paper
		}
		if step() {
			p.LeadPaperAuthors = m.authors
		}
	}
	notice := m.Date.AddDays(-(2 + r.IntN(5)))
	future := !m.Date.Before(today)
	switch {
	case future && !notice.After(today) && r.Float64() < 0.75:
		m.Status = party.DaThongBao
	case future:
		m.Status = party.DuKien
	default:
		m.Status = party.DaHop
	}
	if (!future && step()) || m.Status == party.DaThongBao {
		p.NoticeSentAt = later(notice, planned).At(7+r.IntN(14), r.IntN(60))
		if p.NoticeSentAt.After(w.clock()) {
			p.NoticeSentAt = w.clock().Add(-time.Hour)
		}
		m.Version++
	}
	m.Updated = later2(m.Created, p.NoticeSentAt)
}

// placeOn is the cell's meeting place on day d: a residential cell meets in
// the hall of the unit it was then (a cell moved to another ward changed
// its name).
func placeOn(c *Org, d party.Date, usual string) string {
	for _, v := range c.Versions {
		if party.Contains(v.From, v.Until, d) && v.Name != c.Name && strings.HasPrefix(usual, "Nhà văn hóa ") {
			return "Nhà văn hóa " + strings.TrimPrefix(v.Name, "Chi bộ ")
		}
	}
	return usual
}

func later2(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// agendaFor is meetings.Plan's agenda: the rule set's template for the
// kind and cell type, titles filled with the period.
func (w *World) agendaFor(rs *party.RuleSet, k party.MeetingKind, ct party.CellType, p party.Period) []party.AgendaItem {
	items := rs.Agenda(k, ct)
	for i := range items {
		items[i].Title = items[i].TitleFor(p)
	}
	return items
}

// officersOn are the cell's secretary, deputy and committee on day d.
func officersOn(c *Org, d party.Date) (sec, dep *Member, committee []*Member) {
	for _, m := range c.Members {
		for _, r := range m.Roles {
			if r.OrgID != c.ID || !party.Contains(r.From, r.Until, d) {
				continue
			}
			switch r.Role {
			case party.BiThu:
				sec = m
			case party.PhoBiThu:
				dep = m
			case party.ChiUyVien:
				committee = append(committee, m)
			}
		}
	}
	slices.SortFunc(committee, func(a, b *Member) int { return cmp.Compare(a.Member.ID, b.Member.ID) })
	return sec, dep, committee
}

// authors are the members who write a thematic meeting's lead paper: the
// secretary or a committee member, with another member now and then.
func (g *cellGen) authors(d party.Date) (string, *Member) {
	r := g.rc
	sec, dep, committee := g.officers(d)
	var cands []*Member
	for _, x := range append([]*Member{sec, dep}, committee...) {
		if x != nil && !slices.Contains(cands, x) {
			cands = append(cands, x)
		}
	}
	var others []*Member
	for _, m := range g.c.Members {
		if m.HomeOn(d) == g.c.ID && m.Member.StatusOn(d) == party.ChinhThuc && !slices.Contains(cands, m) && len(m.States) == 0 {
			others = append(others, m)
		}
	}
	if len(cands) == 0 {
		cands = others
	}
	if len(cands) == 0 {
		return "", nil
	}
	first := cands[r.IntN(len(cands))]
	if len(others) > 0 && r.Float64() < 0.25 {
		second := others[r.IntN(len(others))]
		if second != first {
			return first.Member.FullName + ", " + second.Member.FullName, first
		}
	}
	return first.Member.FullName, first
}
