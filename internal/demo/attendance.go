package demo

import (
	"math"
	"slices"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// Attendance (DOMAIN.md §5): the roll of a held meeting is who
// party.Summoned says belonged on it that day, each with the standing the
// application would store; most members come (the cell's usual rate, a
// little lower or higher each time; far lower in trouble cells), absences
// mostly with a reason, now and then one without; exempt members
// sometimes come; dues are paid at the regular meeting. A few members are
// away with a reason several meetings in a row, or stay away without one
// two or three times a year, so that the warnings of DOMAIN.md §9 have
// something to show.

// episode is a member away with one reason for a while: an illness, a
// posting, a maternity leave.
type episode struct {
	member      int64
	from, until party.Date
	reason      string
}

// plantAbsences picks the cell's members who will be away several regular
// meetings in a row, or without reason two or three months in a year.
func (g *cellGen) plantAbsences() {
	w, c, r := g.w, g.c, g.ra
	g.unexcused = map[int64][]party.Period{}
	start, today := w.window(), w.Today
	var pool []*Member
	for _, m := range c.Members {
		if m.Home == c && m.Member.LeftOn.IsZero() && len(m.States) == 0 && !m.Member.JoinedOn.After(start) {
			pool = append(pool, m)
		}
	}
	if len(pool) < 5 {
		return
	}
	streaks := map[habit]float64{habitTrouble: 0.5, habitLax: 0.2}[g.h.habit] + 0.1
	for r.Float64() < streaks {
		m := pool[r.IntN(len(pool))]
		months := 3 + r.IntN(3)
		reason := "Điều trị bệnh dài ngày"
		switch age := ageOn(m, today); {
		case m.Member.Gender == party.Nu && age < 40:
			reason, months = "Nghỉ chế độ thai sản", 6
		case age < 60 && c.Profile == resident:
			reason = []string{"Đi công tác dài ngày ở tỉnh ngoài", "Đi làm việc ở xa", "Chăm sóc người thân ốm nặng"}[r.IntN(3)]
		case age < 60:
			reason = []string{"Đi học tập trung", "Đi công tác dài ngày", "Điều trị bệnh dài ngày"}[r.IntN(3)]
		}
		// Half of them in the last year, so that today's warnings show.
		from := start.AddDays(r.IntN(start.DaysUntil(today.AddMonths(-months))))
		if r.Float64() < 0.5 {
			from = today.AddMonths(-(months + 1 + r.IntN(6)))
		}
		g.episodes = append(g.episodes, episode{m.Member.ID, from, from.AddMonths(months).AddDays(-1), reason})
		streaks /= 2
	}
	unexcused := map[habit]float64{habitTrouble: 0.6, habitLax: 0.15}[g.h.habit] + 0.05
	for r.Float64() < unexcused {
		m := pool[r.IntN(len(pool))]
		first := today.AddMonths(-(1 + r.IntN(30)))
		var ps []party.Period
		for range 2 + r.IntN(2) {
			ps = append(ps, party.MonthOf(first))
			first = first.AddMonths(-(1 + r.IntN(4)))
		}
		g.unexcused[m.Member.ID] = ps
		unexcused /= 2
	}
}

// away is the reason of an episode that keeps member id away on day d.
func (g *cellGen) away(id int64, d party.Date) (string, bool) {
	for _, e := range g.episodes {
		if e.member == id && party.Contains(e.from, e.until, d) {
			return e.reason, true
		}
	}
	return "", false
}

// takeRoll draws the roll and records attendance and dues.
func (g *cellGen) takeRoll(m *mtg) (chair *Member) {
	w, c, r := g.w, g.c, g.ra
	ps := g.summoned(m.Date)
	sec, dep, committee := g.officers(m.Date)
	m.Roll = make([]store.RollRow, len(ps))
	var required []int
	for i, p := range ps {
		m.Roll[i] = store.RollRow{MemberID: p.MemberID, Position: i + 1, FullName: p.FullName, Full: p.State.Status == party.ChinhThuc,
			Derived: p.Standing(), TempIn: p.TempIn, Editable: p.Editable}
		if p.Standing() == party.DerivedNone {
			required = append(required, i)
		}
	}
	// The rate aimed at: the cell's usual one, give or take; a trouble
	// cell holds thin meetings.
	want := g.h.rate + 0.035*r.NormFloat64()
	if m.Kind != party.ThuongKy {
		want -= 0.02
	}
	want = min(max(want, 0.45), 1)
	m.want = want
	status := map[int]party.AttendanceStatus{}
	reason := map[int]string{}
	for _, i := range required {
		id := m.Roll[i].MemberID
		if slices.Contains(m.mustCome, id) {
			continue
		}
		if why, ok := g.away(id, m.Date); ok {
			status[i], reason[i] = party.VangCoLyDo, why
		}
		if m.Kind == party.ThuongKy && slices.Contains(g.unexcused[id], m.Period) {
			status[i] = party.VangKhongLyDo
		}
	}
	absent := stochasticRound(r, float64(len(required))*(1-want))
	// Who else is away: the oldest more often; the secretary hardly ever.
	weights := make([]float64, len(required))
	for k, i := range required {
		mem := g.w.Members[m.Roll[i].MemberID-1]
		switch age := ageOn(mem, m.Date); {
		case age >= 75:
			weights[k] = 3
		case age >= 65:
			weights[k] = 1.8
		case c.Profile == resident:
			weights[k] = 1.3
		default:
			weights[k] = 1
		}
		if (mem == sec && r.Float64() > 0.03) || slices.Contains(m.mustCome, mem.Member.ID) {
			weights[k] = 0
		}
		if _, set := status[i]; set {
			weights[k] = 0
		}
		// Away last time with a reason: most come this time (the runs of
		// absences the warnings speak of are the episodes, not chance).
		if m.Kind == party.ThuongKy && g.lastAway[mem.Member.ID] {
			weights[k] *= 0.2
		}
	}
	for n := len(status); n < absent; n++ {
		k := weightedIndex(r, weights)
		if k < 0 {
			break
		}
		weights[k] = 0
		status[required[k]] = party.VangCoLyDo
	}
	// Now and then one of those away gave no reason.
	pU := map[habit]float64{habitTrouble: 0.45, habitLax: 0.2, habitCopier: 0.12}[g.h.habit] + 0.08
	var excused []int
	for _, i := range required {
		if status[i] == party.VangCoLyDo && reason[i] == "" {
			excused = append(excused, i)
		}
	}
	for len(excused) > 0 && r.Float64() < pU {
		k := r.IntN(len(excused))
		status[excused[k]] = party.VangKhongLyDo
		excused = slices.Delete(excused, k, k+1)
		pU /= 3
	}
	regular := m.Kind == party.ThuongKy
	if regular {
		clear(g.lastAway)
	}
	for i := range m.Roll {
		row := &m.Roll[i]
		mem := w.Members[row.MemberID-1]
		st, set := status[i]
		switch {
		case row.Derived == party.DerivedExempt:
			if r.Float64() < 0.12 {
				row.Status = party.CoMat
			}
			row.DuesPaid = regular && r.Float64() < 0.99
			continue
		case row.Derived != party.DerivedNone:
			continue // away, suspended, detained: not marked, and dues paid elsewhere if at all
		case !set:
			row.Status = party.CoMat
		default:
			row.Status = st
		}
		switch row.Status {
		case party.CoMat:
			row.DuesPaid = regular && r.Float64() < 0.996
		case party.VangCoLyDo:
			if regular {
				g.lastAway[row.MemberID] = true
			}
			row.Reason = reason[i]
			if row.Reason == "" {
				row.Reason = g.absenceReason(mem, m.Date)
			}
			row.DuesPaid = regular && r.Float64() < 0.985
		case party.VangKhongLyDo:
			row.DuesPaid = regular && r.Float64() < 0.2
		}
	}
	// The chair: the secretary, else the deputy, else a committee member
	// or the longest-standing full member present.
	present := func(x *Member) bool {
		if x == nil {
			return false
		}
		for _, row := range m.Roll {
			if row.MemberID == x.Member.ID {
				return row.Status == party.CoMat && row.Derived == party.DerivedNone
			}
		}
		return false
	}
	for _, x := range append([]*Member{sec, dep}, committee...) {
		if present(x) {
			return x
		}
	}
	for _, row := range m.Roll {
		mem := w.Members[row.MemberID-1]
		if row.Full && row.Status == party.CoMat && row.Derived == party.DerivedNone &&
			(chair == nil || mem.Member.JoinedOn.Before(chair.Member.JoinedOn)) {
			chair = mem
		}
	}
	return chair
}

// absenceReason is why a member was away: what secretaries write.
func (g *cellGen) absenceReason(m *Member, d party.Date) string {
	r := g.ra
	age := ageOn(m, d)
	if age >= 72 && r.Float64() < 0.55 {
		return []string{"Tuổi cao, sức yếu", "Ốm", "Đi khám bệnh", "Đau chân, đi lại khó khăn"}[r.IntN(4)]
	}
	var list []string
	switch g.c.Profile {
	case resident:
		list = []string{"Ốm", "Đi công tác", "Chăm người nhà ốm", "Về quê có việc gia đình", "Bận việc gia đình", "Đi làm ca đêm",
			"Gia đình có việc hiếu", "Đi khám bệnh", "Đi thăm con ở xa", "Trực cơ quan", "Đi điều trị tại bệnh viện", "Có việc đột xuất"}
	case police:
		list = []string{"Trực chỉ huy", "Làm nhiệm vụ đột xuất", "Đi tuần tra", "Trực ban", "Đi công tác", "Ốm", "Đi tập huấn", "Nghỉ phép"}
	case army:
		list = []string{"Trực sẵn sàng chiến đấu", "Đi huấn luyện", "Đi công tác", "Ốm", "Nghỉ phép", "Làm nhiệm vụ tuyển quân"}
	case school:
		list = []string{"Dạy bù", "Đi tập huấn chuyên môn", "Ốm", "Con ốm", "Coi thi", "Đi công tác", "Bận việc gia đình"}
	case health:
		list = []string{"Trực cấp cứu", "Trực khoa", "Đi tập huấn", "Ốm", "Con ốm", "Đi công tác", "Đi hỗ trợ tuyến dưới"}
	default:
		list = []string{"Đi công tác", "Ốm", "Bận việc gia đình", "Làm ca", "Đi gặp khách hàng", "Con ốm", "Nghỉ phép"}
	}
	return list[r.IntN(len(list))]
}

// vote records the vote on the resolution: most present voters in favour,
// now and then one against or abstaining, never more votes than present
// voters (party.ValidateVotes); occasionally per member, with a reserved
// opinion.
func (g *cellGen) vote(m *mtg, ps []party.Participant, entries map[int64]party.Entry) {
	r := g.ra
	base, present := party.VotingBase(*m.RuleSet, ps, entries)
	m.base = base
	n := len(present)
	no, abstain := 0, 0
	if n >= 5 && r.Float64() < 0.08 {
		no = 1
	}
	if n >= 5 && r.Float64() < 0.06 {
		abstain = 1
	}
	v := party.Votes{Yes: n - no - abstain, No: no, Abstain: abstain}
	if n >= 3 && n <= 30 && r.Float64() < 0.03 {
		// Per member: the one against asks to record a reserved opinion.
		v = party.Votes{}
		against := present[r.IntN(n)]
		for _, id := range present {
			b := party.Ballot{MemberID: id, Vote: party.VoteYes}
			if id == against {
				b.Vote, b.Reserved = party.VoteNo, reservedOpinions[r.IntN(len(reservedOpinions))]
			}
			v.Ballots = append(v.Ballots, b)
		}
	}
	m.Votes = &v
}

var reservedOpinions = []string{
	"Đề nghị lùi thời hạn hoàn thành sang tháng sau vì chưa đủ kinh phí.",
	"Chưa đồng ý với mức đóng góp đề ra, đề nghị vận động tự nguyện.",
	"Đề nghị chi bộ xem xét thêm ý kiến của các hộ dân trước khi quyết định.",
	"Đề nghị giao nhiệm vụ cụ thể cho từng đồng chí, không giao chung chung.",
	"Đề nghị bổ sung chỉ tiêu về công tác phát triển đảng viên.",
}

// stochasticRound rounds x up with the probability of its fraction.
func stochasticRound(r interface{ Float64() float64 }, x float64) int {
	f := math.Floor(x)
	if r.Float64() < x-f {
		f++
	}
	return int(f)
}

// weightedIndex draws an index by weight; -1 when all weights are 0.
func weightedIndex(r interface{ Float64() float64 }, ws []float64) int {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	if t <= 0 {
		return -1
	}
	x := r.Float64() * t
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] > 0 {
			return i
		}
	}
	return -1
}

// heldAt is when attendance was taken: a few minutes into the meeting.
func heldAt(start time.Time, r interface{ IntN(int) int }) time.Time {
	return start.Add(time.Duration(5+r.IntN(15)) * time.Minute)
}

// summoned is party.Summoned for the cell on day d. Members' standings
// change a few times a year while a cell meets every month, so the roll
// is drawn again only when some member's standing that Summoned reads
// (active, home, registered in or out, full, exempt, suspended, detained)
// differs from the last meeting's: its answer would be the same.
func (g *cellGen) summoned(d party.Date) []party.Participant {
	sig := g.sig[:0]
	for i := range g.hs {
		s := party.StateOn(g.hs[i], d)
		var b uint8
		for j, on := range []bool{s.Active, s.HomeOrgID == g.c.ID, s.TempOutTo == g.c.ID, s.TempOutTo != 0, s.Status == party.ChinhThuc,
			s.Exempt, s.Suspended, s.Detained} {
			if on {
				b |= 1 << j
			}
		}
		sig = append(sig, b)
	}
	g.sig = sig
	if g.rollSig != nil && slices.Equal(sig, g.rollSig) {
		return g.roll
	}
	g.roll = party.Summoned(g.c.ID, d, g.hs)
	g.rollSig = slices.Clone(sig)
	return g.roll
}

// officers are the cell's officers on day d (kept for the day asked last).
func (g *cellGen) officers(d party.Date) (sec, dep *Member, committee []*Member) {
	if d != g.offDay || !g.offOK {
		g.offSec, g.offDep, g.offCommittee = officersOn(g.c, d)
		g.offDay, g.offOK = d, true
	}
	return g.offSec, g.offDep, g.offCommittee
}
