package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// The members stage fills each cell with people: names, personal data,
// dates consistent with each other (joined at 18 or later, full member 12
// months after joining), and their home cells over time, following the
// merges and splits of reorg.go.

// memberKind is how a generated member stands today.
type memberKind int

const (
	fullMember   memberKind = iota
	probationary            // joined within the last 12 months
	probEnding              // probation ends within 30 days
	probOverdue             // probation over, the cell has not voted yet
	leftMember              // died or moved away in the last three years
)

func genMembers(w *World) error {
	for _, d := range w.Boroughs {
		for _, c := range d.Cells {
			if c.size > 0 {
				g := &memberGen{w: w, d: d, c: c, r: w.rng("members", c.Code)}
				g.run()
			}
		}
	}
	w.assignCards()
	return nil
}

type memberGen struct {
	w *World
	d *Borough
	c *Org
	r *rand.Rand
}

func (g *memberGen) run() {
	c, r := g.c, g.r
	spec := profiles[c.Profile]
	small := c.size < 10
	merged := c.EndChange == "merge"
	for i := 0; i < c.size; i++ {
		kind := fullMember
		switch {
		case c.Trouble == TooFewFull:
			if i == 2 {
				kind = probationary
			}
		case c == g.d.Showcase && i == 0:
			kind = probEnding
		case c == g.d.Showcase && i == 1:
			kind = probationary
		case small || merged:
		case r.Float64() < spec.probationary:
			kind = probationary
			if x := r.Float64(); x < 0.12 {
				kind = probEnding
			} else if x < 0.15 {
				kind = probOverdue
			}
		}
		g.member(kind)
	}
	if small || c.Trouble == TooFewFull {
		return
	}
	// Members who left in the last three years stay in the records and
	// in the history of past meetings.
	left := int(math.Round(float64(c.size) * spec.left * 2 * r.Float64()))
	for range left {
		g.member(leftMember)
	}
}

func (g *memberGen) member(kind memberKind) *Member {
	w, c, r, today := g.w, g.c, g.r, g.w.Today
	spec := profiles[c.Profile]
	m := &Member{Profile: c.Profile}
	pm := &m.Member
	pm.ID = int64(len(w.Members) + 1)
	pm.Gender = party.Nam
	if r.Float64() < spec.female {
		pm.Gender = party.Nu
	}

	var age int
	switch {
	case kind == probationary || kind == probEnding || kind == probOverdue:
		age = 20 + tri(r, 18)
		if c.Profile == resident {
			age = 25 + tri(r, 22)
		}
	case kind == leftMember && c.Profile == resident && r.Float64() < 0.6:
		age = 76 + r.IntN(13)
	case c.Profile == resident:
		if r.Float64() < 0.58 { // retirees
			age = 60 + int(28*math.Pow(r.Float64(), 1.3))
		} else {
			age = 28 + r.IntN(32)
		}
	default:
		age = spec.minAge + tri(r, spec.maxAge-spec.minAge)
	}
	pm.BirthDate = party.D(today.Year()-age, time.Month(1+r.IntN(12)), 1+r.IntN(28))
	if !pm.BirthDate.Before(today) {
		pm.BirthDate = pm.BirthDate.AddMonths(-12)
	}

	// Dates of joining: at 18 or later; full members 12 months after.
	merged := c.EndChange == "merge"
	switch kind {
	case probationary:
		pm.JoinedOn = today.AddDays(-(5 + r.IntN(330)))
	case probEnding:
		pm.JoinedOn = today.AddDays(-(337 + r.IntN(25)))
	case probOverdue:
		pm.JoinedOn = today.AddDays(-(372 + r.IntN(45)))
	default:
		by := pm.BirthDate.Year()
		ja := 22 + tri(r, 12)
		switch {
		case by < 1955:
			ja = 18 + tri(r, 12)
		case by < 1975:
			ja = 20 + tri(r, 15)
		}
		pm.JoinedOn = pm.BirthDate.AddMonths(12*ja + r.IntN(12)).AddDays(r.IntN(28))
		latest := today.AddMonths(-13)
		if merged && c.Dissolved.AddMonths(-2).Before(latest) {
			latest = c.Dissolved.AddMonths(-2)
		}
		if pm.JoinedOn.After(latest) {
			pm.JoinedOn = latest.AddDays(-r.IntN(300))
		}
		if adult := pm.BirthDate.AddMonths(12 * 18); pm.JoinedOn.Before(adult) {
			pm.BirthDate = pm.JoinedOn.AddMonths(-12 * (18 + r.IntN(4))).AddDays(-r.IntN(300))
		}
		pm.OfficialOn = pm.JoinedOn.AddMonths(12)
	}

	// The day the member's registration came to this cell: probationary
	// members were admitted here; others arrived some time after joining
	// (residents mostly long ago).
	arrival := pm.JoinedOn
	if pm.OfficialOn.IsZero() {
		if arrival.Before(c.Created) {
			arrival = c.Created
		}
	} else {
		lo, hi := later(pm.JoinedOn, c.Created), today.AddDays(-30)
		if merged && c.Dissolved.AddDays(-1).Before(hi) {
			hi = c.Dissolved.AddDays(-1)
		}
		arrival = lo
		if lo.Before(hi) {
			u := r.Float64()
			if c.Profile == resident {
				u *= u
			}
			arrival = lo.AddDays(int(float64(lo.DaysUntil(hi)) * u))
		}
	}

	if kind == leftMember {
		lo := later(arrival.AddDays(30), today.AddMonths(-36))
		if hi := today.AddDays(-1); lo.Before(hi) {
			pm.LeftOn = lo.AddDays(r.IntN(lo.DaysUntil(hi)))
			pm.LeftReason = "Chuyển sinh hoạt đảng chính thức đi nơi khác"
			if today.Year()-pm.BirthDate.Year() >= 75 {
				pm.LeftReason = "Từ trần"
			}
		}
	}

	g.personal(m, age)
	g.memberships(m, arrival)
	w.Members = append(w.Members, m)
	g.d.Members = append(g.d.Members, m)
	return m
}

// memberships sets the member's home cells over time: a merged cell's
// members move to the cell it joined, half of a split cell's members to
// the new cell, on the day of the change.
func (g *memberGen) memberships(m *Member, arrival party.Date) {
	c, pm := g.c, &m.Member
	ms := []party.Membership{{MemberID: pm.ID, OrgID: c.ID, From: arrival}}
	home := c
	leftBy := func(d party.Date) bool { return !pm.LeftOn.IsZero() && !d.Before(pm.LeftOn) }
	if c.EndChange == "merge" && !leftBy(c.Dissolved) {
		ms[0].Until = c.Dissolved.AddDays(-1)
		home = c.Successor
		ms = append(ms, party.Membership{MemberID: pm.ID, OrgID: home.ID, From: c.Dissolved})
	}
	if c.splitTo != nil && g.r.Float64() < 0.5 {
		switch s := c.splitOn; {
		case !arrival.Before(s):
			ms[0].OrgID, home = c.splitTo.ID, c.splitTo
		case !leftBy(s):
			ms[0].Until = s.AddDays(-1)
			home = c.splitTo
			ms = append(ms, party.Membership{MemberID: pm.ID, OrgID: home.ID, From: s})
		}
	}
	if !pm.LeftOn.IsZero() {
		ms[len(ms)-1].Until = pm.LeftOn.AddDays(-1)
	}
	m.Memberships = ms
	m.Home = home
	pm.OrgID = home.ID
	for _, x := range ms {
		o := g.w.Orgs[x.OrgID-1]
		if len(o.Members) == 0 || o.Members[len(o.Members)-1] != m {
			o.Members = append(o.Members, m)
		}
	}
}

// personal fills name, origin, contact and the citizen ID.
func (g *memberGen) personal(m *Member, age int) {
	r, c, d, pm := g.r, g.c, g.d, &m.Member
	spec := profiles[c.Profile]
	prov := provinces[provincePicker.pickIndex(r)]
	district := prov.Districts[r.IntN(len(prov.Districts))]
	if d.Spec.Kind != "quận" && r.Float64() < 0.5 { // in the countryside most are from here
		prov, district = provinces[0], d.Spec.Name
	}
	pm.Hometown = district + ", " + prov.Name
	pm.Ethnicity = "Kinh"
	switch x := r.Float64(); {
	case len(prov.Ethnic) > 0 && x < minority:
		pm.Ethnicity = newPicker(prov.Ethnic).pick(r)
	case x > 0.992:
		pm.Ethnicity = []string{"Tày", "Mường", "Nùng", "Thái"}[r.IntN(4)]
	}
	pm.Religion = "Không"
	switch x := r.Float64(); {
	case x < prov.Catholic:
		pm.Religion = "Công giáo"
	case x < prov.Catholic+0.04:
		pm.Religion = "Phật giáo"
	}
	pm.FullName = fullName(r, pm.Gender, pm.BirthDate.Year(), pm.Ethnicity)

	// CCCD: province code, century and gender, year of birth, 6 digits.
	cg := 0
	if pm.BirthDate.Year() >= 2000 {
		cg = 2
	}
	if pm.Gender == party.Nu {
		cg++
	}
	pm.IDNumber = fmt.Sprintf("%s%d%02d%06d", prov.Code, cg, pm.BirthDate.Year()%100, r.IntN(1_000_000))
	pm.Phone = fmt.Sprintf("09%08d", r.IntN(100_000_000))
	if age < 50 && r.Float64() < 0.3 {
		pm.Email = fmt.Sprintf("%s%02d@example.com", strings.ReplaceAll(vntext.Fold(pm.FullName), " ", ""), pm.BirthDate.Year()%100)
	}

	switch {
	case strings.Contains(c.Code, "-THON"):
		pm.Address = fmt.Sprintf("Xóm %d, %s", 1+r.IntN(6), c.place)
	case c.Profile == resident:
		pm.Address = fmt.Sprintf("Số %d, ngõ %d, %s", 1+r.IntN(120), 1+r.IntN(300), c.place)
	default:
		ward := d.Committees[r.IntN(len(d.Committees))]
		pm.Address = fmt.Sprintf("Số %d, ngõ %d, %s", 1+r.IntN(120), 1+r.IntN(300), ward.place)
	}

	switch {
	case c.Profile == resident && age >= 60:
		pm.Occupation = "Hưu trí"
	case strings.Contains(c.Code, "-THON") && r.Float64() < 0.6:
		pm.Occupation = "Nông dân"
	default:
		pm.Occupation = spec.occupations.pick(r)
	}
}

var provincePicker = func() *picker {
	ws := make([]weighted, len(provinces))
	for i, p := range provinces {
		ws[i] = weighted{p.Name, p.Weight}
	}
	return newPicker(ws)
}()

// assignCards gives every member who has been a full member a unique
// 8-digit card number (số thẻ đảng viên), leading zeros kept; members
// still on probation have none.
func (w *World) assignCards() {
	taken := make(map[string]bool, len(w.Members))
	for _, d := range w.Boroughs {
		r := w.rng("members.cards", d.Spec.Code)
		for _, m := range d.Members {
			if m.Member.OfficialOn.IsZero() {
				continue
			}
			for {
				card := fmt.Sprintf("%08d", r.IntN(100_000_000))
				if !taken[card] {
					taken[card] = true
					m.Member.CardNumber = card
					break
				}
			}
		}
	}
}

// later is the later of two dates.
func later(a, b party.Date) party.Date {
	if a.Before(b) {
		return b
	}
	return a
}
