package demo

import (
	"math"
	"math/rand/v2"

	"chibo/internal/party"
)

// The states stage gives members their dated states (DOMAIN.md §3): about
// 5% of residential members exempt (miễn sinh hoạt), mostly the oldest;
// about 2% registered temporarily in another cell of the district (and a
// few such registrations already over); a handful suspended or detained.

func genStates(w *World) error {
	for _, d := range w.Boroughs {
		g := &stateGen{w: w, d: d, r: w.rng("states", d.Spec.Code), has: map[*Member]bool{}}
		g.run()
	}
	return nil
}

type stateGen struct {
	w   *World
	d   *Borough
	r   *rand.Rand
	has map[*Member]bool // one state per member is enough for a demo
	res []*Org           // residential cells that exist today
}

func (g *stateGen) run() {
	today := g.w.Today
	for _, c := range g.d.Cells {
		if c.Profile == resident && c.Alive(today) && c.Trouble != TooFewFull {
			g.res = append(g.res, c)
		}
	}
	if g.d.Showcase != nil {
		g.showcase()
	}
	g.exemptions()
	active := 0
	for _, m := range g.d.Members {
		if g.active(m) {
			active++
		}
	}
	g.transfers(share(active, 0.02), true)
	g.transfers(share(active, 0.008), false)
	g.sanctions(party.DinhChi, max(1, share(active, 0.0004)), "Đình chỉ sinh hoạt đảng trong thời gian xem xét kỷ luật")
	g.sanctions(party.TamGiam, max(1, share(active, 0.00025)), "Bị tạm giam để phục vụ điều tra")
}

func share(n int, s float64) int { return int(math.Round(float64(n) * s)) }

func (g *stateGen) add(m *Member, kind party.StateKind, from, until party.Date, host *Org, reason string) {
	s := &party.DatedState{ID: int64(len(g.w.States) + 1), MemberID: m.Member.ID, Kind: kind, From: from, Until: until, Reason: reason}
	if host != nil {
		s.HostOrgID = host.ID
	}
	g.w.States = append(g.w.States, s)
	m.States = append(m.States, *s)
	g.has[m] = true
}

// active: a full member today, at home in a cell that exists.
func (g *stateGen) active(m *Member) bool {
	today := g.w.Today
	return m.Member.ActiveOn(today) && !m.Member.OfficialOn.IsZero() && !today.Before(m.Member.OfficialOn) && m.Home.Alive(today)
}

// homeSince is the first day of the member's current home.
func homeSince(m *Member) party.Date { return m.Memberships[len(m.Memberships)-1].From }

func ageOn(m *Member, d party.Date) int {
	b := m.Member.BirthDate
	a := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		a--
	}
	return a
}

func (g *stateGen) between(lo, hi party.Date) party.Date {
	if !lo.Before(hi) {
		return lo
	}
	return lo.AddDays(g.r.IntN(lo.DaysUntil(hi) + 1))
}

// exemptions: "decided by the cell on the member's request for age or
// health", so mostly the oldest members of residential cells.
func (g *stateGen) exemptions() {
	today := g.w.Today
	for _, m := range g.d.Members {
		if m.Profile != resident || g.has[m] || !g.active(m) {
			continue
		}
		age := ageOn(m, today)
		p, reason := 0.0, "Tuổi cao, sức khỏe yếu"
		switch {
		case age >= 80:
			p = 0.27
		case age >= 75:
			p = 0.13
		case age >= 70:
			p = 0.06
		case age >= 60:
			p, reason = 0.012, "Sức khỏe yếu, điều trị bệnh dài ngày"
		}
		if g.r.Float64() >= p {
			continue
		}
		lo := later(homeSince(m), m.Member.BirthDate.AddMonths(12*max(60, age-10)))
		g.add(m, party.Mien, g.between(lo, today.AddDays(-30)), party.Date{}, nil, reason)
	}
}

var transferReasons = []string{"Đi công tác có thời hạn", "Làm việc có thời hạn tại địa bàn", "Tạm trú để chăm sóc gia đình", "Đi học tập trung"}

// transfers registers members temporarily in another residential cell of
// the district: "3 months to under 1 year"; current ones (some ending
// within 30 days, to raise the warning) or past ones.
func (g *stateGen) transfers(n int, current bool) {
	today, r := g.w.Today, g.r
	if len(g.res) < 2 {
		return
	}
	for _, i := range r.Perm(len(g.d.Members)) {
		if n == 0 {
			return
		}
		m := g.d.Members[i]
		if g.has[m] || !g.active(m) || ageOn(m, today) >= 60 || m.Home == g.d.Showcase {
			continue
		}
		months := 3 + r.IntN(9)
		var from, until party.Date
		if current {
			until = today.AddDays(1 + r.IntN(300))
			if r.Float64() < 0.15 {
				until = today.AddDays(1 + r.IntN(29))
			}
			from = until.AddMonths(-months).AddDays(1)
			if !from.Before(today) {
				from = today.AddDays(-(1 + r.IntN(30)))
			}
		} else {
			until = today.AddDays(-(30 + r.IntN(700)))
			from = until.AddMonths(-months).AddDays(1)
		}
		if from.Before(homeSince(m)) || from.Before(m.Member.OfficialOn) {
			continue
		}
		host := g.res[r.IntN(len(g.res))]
		if host == m.Home || !host.AliveThrough(from, until) {
			continue
		}
		g.add(m, party.TamThoi, from, until, host, transferReasons[r.IntN(len(transferReasons))])
		n--
	}
}

// sanctions suspends or detains n members of working age; a third of the
// suspensions are already over.
func (g *stateGen) sanctions(kind party.StateKind, n int, reason string) {
	today, r := g.w.Today, g.r
	for _, i := range r.Perm(len(g.d.Members)) {
		if n == 0 {
			return
		}
		m := g.d.Members[i]
		if g.has[m] || !g.active(m) || ageOn(m, today) >= 60 || m.Home == g.d.Showcase || m.Home.Trouble != NoTrouble {
			continue
		}
		from, until := today.AddDays(-(20 + r.IntN(250))), party.Date{}
		if kind == party.DinhChi && r.Float64() < 0.33 {
			from = today.AddDays(-(300 + r.IntN(600)))
			until = from.AddDays(89)
		}
		if from.Before(homeSince(m)) {
			continue
		}
		g.add(m, kind, from, until, nil, reason)
		n--
	}
}

// showcase gives the cell of the demo secretary one member of each kind:
// an exempt elder, a member away on a temporary registration ending within
// 30 days, and a member from a neighbouring cell registered in it.
func (g *stateGen) showcase() {
	today, sc := g.w.Today, g.d.Showcase
	var oldest, away *Member
	for _, m := range sc.Members {
		if m.Home != sc || !g.active(m) {
			continue
		}
		if oldest == nil || m.Member.BirthDate.Before(oldest.Member.BirthDate) {
			oldest = m
		}
	}
	if oldest != nil {
		g.add(oldest, party.Mien, later(homeSince(oldest), today.AddMonths(-30)), party.Date{}, nil, "Tuổi cao, sức khỏe yếu")
	}
	for _, m := range sc.Members {
		if a := ageOn(m, today); m.Home == sc && !g.has[m] && g.active(m) && a >= 30 && a <= 55 && homeSince(m).Before(today.AddMonths(-8)) {
			away = m
			break
		}
	}
	var host, guestCell *Org
	for _, c := range g.res {
		if c.Ward == sc.Ward && c != sc && c.Trouble == NoTrouble && c.Created.Before(today.AddMonths(-12)) {
			if host == nil {
				host = c
			} else if guestCell == nil {
				guestCell = c
			}
		}
	}
	if away != nil && host != nil {
		g.add(away, party.TamThoi, today.AddMonths(-5).AddDays(21), today.AddDays(20), host, "Đi công tác có thời hạn")
	}
	if guestCell == nil {
		return
	}
	for _, m := range guestCell.Members {
		if m.Home == guestCell && !g.has[m] && g.active(m) && ageOn(m, today) < 55 && homeSince(m).Before(today.AddMonths(-3)) {
			g.add(m, party.TamThoi, today.AddDays(-60), today.AddDays(120), sc, "Tạm trú để chăm sóc gia đình")
			return
		}
	}
}
