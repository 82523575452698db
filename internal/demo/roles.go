package demo

import (
	"math/rand/v2"
	"slices"

	"chibo/internal/party"
)

// The roles stage elects each cell's officers for two terms: the current
// one (cell congresses about a year before Today) and the one before,
// which covers the three years of history. DOMAIN.md §2: every cell has a
// secretary (bí thư) and most a deputy (phó bí thư); a cell with 9 or more
// full members elects a cell committee (chi ủy) of 3 to 5, which the
// secretary and the deputy belong to. The trouble cells break this on
// purpose.

func genRoles(w *World) error {
	for _, d := range w.Boroughs {
		r := w.rng("roles", d.Spec.Code)
		d.TermStart = w.Today.AddMonths(-(10 + r.IntN(3))).AddDays(-r.IntN(28))
		d.PrevTermStart = d.TermStart.AddMonths(-30)
		for _, c := range d.Cells {
			g := &roleGen{w: w, d: d, c: c, r: r}
			g.run()
		}
	}
	return nil
}

type roleGen struct {
	w *World
	d *Borough
	c *Org
	r *rand.Rand
}

// officers are the holders of a term.
type officers struct {
	secretary, deputy *Member
	committee         []*Member
}

func (g *roleGen) run() {
	c, today := g.c, g.w.Today
	start := g.d.TermStart.AddDays(g.r.IntN(45)) // congresses spread over six weeks
	if start.After(today) {
		start = today
	}
	prevFrom := later(g.d.PrevTermStart.AddDays(g.r.IntN(45)), c.Created)
	prevUntil := start.AddDays(-1)
	end := party.Date{}
	if !c.Dissolved.IsZero() {
		end = c.Dissolved.AddDays(-1)
		if end.Before(prevUntil) {
			prevUntil = end
		}
	}
	var prev officers
	if prevFrom.Before(prevUntil) {
		prev = g.elect(prevFrom, prevUntil, officers{}, false)
		g.record(prev, prevFrom, prevUntil)
	}
	from := later(start, c.Created)
	if !end.IsZero() && end.Before(from) {
		return
	}
	cur := g.elect(from, end, prev, c.Trouble == NoCommittee)
	if c.Trouble == NoSecretary && cur.secretary != nil {
		// The secretary moved away a few weeks ago; no one elected yet.
		left := today.AddDays(-(20 + g.r.IntN(40)))
		if left.After(from) {
			sec := cur.secretary
			g.record(officers{secretary: sec, committee: cur.committee[:min(1, len(cur.committee))]}, from, left.AddDays(-1))
			sec.Member.LeftOn, sec.Member.LeftReason = left, "Chuyển sinh hoạt đảng chính thức đi nơi khác"
			sec.Memberships[len(sec.Memberships)-1].Until = left.AddDays(-1)
			cur.secretary = nil
			cur.committee = slices.DeleteFunc(cur.committee, func(m *Member) bool { return m == sec })
		}
	}
	g.record(cur, from, end)
}

// eligible lists the members who can hold office over [from, until] (until
// zero: from now on): at home in the cell all along, full members when
// the term began, and taking part (not exempt, away, suspended, detained).
func (g *roleGen) eligible(from, until party.Date) []*Member {
	c, today := g.c, g.w.Today
	last := until
	if last.IsZero() {
		last = today
	}
	var out []*Member
	for _, m := range c.Members {
		if m.Member.OfficialOn.IsZero() || m.Member.OfficialOn.After(from) || m.HomeOn(from) != c.ID || m.HomeOn(last) != c.ID {
			continue
		}
		busy := false
		for _, s := range m.States {
			if !s.From.After(last) && (s.Until.IsZero() || !s.Until.Before(from)) {
				busy = true
				break
			}
		}
		if !busy {
			out = append(out, m)
		}
	}
	return out
}

// fullOn counts the full members at home in the cell on day d (what
// store.CellCounts counts).
func (g *roleGen) fullOn(d party.Date) int {
	n := 0
	for _, m := range g.c.Members {
		if m.HomeOn(d) == g.c.ID && !m.Member.OfficialOn.IsZero() && !d.Before(m.Member.OfficialOn) {
			n++
		}
	}
	return n
}

func (g *roleGen) elect(from, until party.Date, prev officers, noCommittee bool) officers {
	r := g.r
	pool := g.eligible(from, until)
	if len(pool) == 0 {
		return officers{}
	}
	// Secretaries are usually long-standing members; many are re-elected.
	slices.SortStableFunc(pool, func(a, b *Member) int { return a.Member.JoinedOn.Compare(b.Member.JoinedOn) })
	var o officers
	if prev.secretary != nil && slices.Contains(pool, prev.secretary) && r.Float64() < 0.6 {
		o.secretary = prev.secretary
	} else {
		o.secretary = pool[r.IntN((len(pool)+1)/2)]
	}
	rest := slices.DeleteFunc(slices.Clone(pool), func(m *Member) bool { return m == o.secretary })
	day := until
	if day.IsZero() {
		day = g.w.Today
	}
	full := g.fullOn(day)
	committee := full >= 9 && !noCommittee
	if len(rest) > 0 && (committee || r.Float64() < 0.65) {
		o.deputy = rest[r.IntN(len(rest))]
		rest = slices.DeleteFunc(rest, func(m *Member) bool { return m == o.deputy })
	}
	if committee {
		k := 3
		if full >= 40 || (full >= 20 && r.Float64() < 0.5) {
			k = 5
		}
		o.committee = append(o.committee, o.secretary)
		if o.deputy != nil {
			o.committee = append(o.committee, o.deputy)
		}
		for _, i := range r.Perm(len(rest)) {
			if len(o.committee) >= k {
				break
			}
			o.committee = append(o.committee, rest[i])
		}
	}
	return o
}

func (g *roleGen) record(o officers, from, until party.Date) {
	add := func(m *Member, role party.CellRole) {
		rs := &party.RoleSpan{MemberID: m.Member.ID, OrgID: g.c.ID, Role: role, From: from, Until: until}
		g.w.Roles = append(g.w.Roles, rs)
		m.Roles = append(m.Roles, *rs)
	}
	if o.secretary != nil {
		add(o.secretary, party.BiThu)
	}
	if o.deputy != nil {
		add(o.deputy, party.PhoBiThu)
	}
	for _, m := range o.committee {
		add(m, party.ChiUyVien)
	}
}
