package demo

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/textsim"
	"chibo/internal/vntext"
)

// The district's meetings as the demo means them, made in memory once, to
// hold what a database says after Generate against.

// planned is what the demo meant one meeting to be.
type planned struct {
	id                int64
	cell              *Org
	kind              party.MeetingKind
	period            party.Period
	date              party.Date
	status            party.MeetingStatus
	copied            string
	source            int64 // the meeting copied: the cell's previous regular one, or the other cell's of the month
	want              float64
	present, required int
	excused           int
	unexcused         int
	base              int
	votes             *party.Votes
	passed, complete  bool
	minutes           bool
	body              string
	evals             []store.EvaluationRow
}

type districtPlan struct {
	w     *World
	all   []*planned
	byID  map[int64]*planned
	texts map[int64][]string // every text of the minutes of each meeting, for the wording checks
}

var (
	planOnce sync.Once
	thePlan  *districtPlan
)

// thePlanned makes the district's meetings in memory (once per test binary).
func thePlanned(t *testing.T) *districtPlan {
	t.Helper()
	planOnce.Do(func() {
		w, err := build(districtOpts())
		if err != nil {
			return
		}
		for _, s := range pipeline {
			if err := s.gen(w); err != nil {
				return
			}
		}
		p := &districtPlan{w: w, byID: map[int64]*planned{}, texts: map[int64][]string{}}
		last := map[int64]int64{}   // cell → its last regular meeting
		month := map[srcKey]int64{} // cell and month → its regular meeting
		for b := range w.batches {
			for _, m := range b.meetings {
				x := &planned{id: m.ID, cell: m.Cell, kind: m.Kind, period: m.Period, date: m.Date, status: m.Status, copied: m.copied,
					want: m.want, base: m.base, votes: m.Votes, passed: m.passed, complete: m.complete, minutes: m.Minutes != nil,
					body: m.Body, evals: m.Evals}
				_, _, a := meetings.AttendanceOf(m.Roll)
				x.present, x.required, x.excused, x.unexcused = a.Present, a.Required, a.AbsentExcused, a.AbsentUnexcused
				if m.Kind == party.ThuongKy && m.held() {
					switch m.copied {
					case "previous":
						x.source = last[m.Cell.ID]
					case "peer":
						x.source = month[srcKey{m.Cell.meet.copyFrom.ID, m.Period}]
					}
					if m.Minutes != nil {
						last[m.Cell.ID] = m.ID
					}
					month[srcKey{m.Cell.ID, m.Period}] = m.ID
				}
				if m.Minutes != nil {
					p.texts[m.ID] = minutesTexts(*m.Minutes)
				}
				p.all = append(p.all, x)
				p.byID[x.id] = x
			}
		}
		thePlan = p
	})
	if thePlan == nil {
		t.Fatal("the district's meetings could not be made")
	}
	return thePlan
}

// minutesTexts lists every text of minutes.
func minutesTexts(c party.MinutesContent) []string {
	out := []string{c.Place, c.Chair, c.MinuteTaker, c.Topic, c.LeadPaperBy, c.Conclusion, c.Resolution}
	out = append(out, c.Guests...)
	for _, it := range c.Items {
		out = append(out, it.Title, it.Presenter, it.Text, it.Conclusion)
		for _, s := range it.Speeches {
			out = append(out, s.Speaker, s.Text)
		}
	}
	for _, s := range c.Discussion {
		out = append(out, s.Speaker, s.Text)
	}
	return out
}

// sample picks every n-th meeting that passes keep.
func (p *districtPlan) sample(n int, keep func(*planned) bool) []*planned {
	var out []*planned
	i := 0
	for _, x := range p.all {
		if keep(x) {
			if i%n == 0 {
				out = append(out, x)
			}
			i++
		}
	}
	return out
}

// checkMeetings holds the district's meetings in a database against the
// plan and the application's own reading of them.
func checkMeetings(t *testing.T, ctx context.Context, db *store.DB, w *World) {
	p := thePlanned(t)
	if got, want := count(t, ctx, db, `SELECT count(*) FROM meetings`), len(p.all); got != want {
		t.Fatalf("%d meetings stored, %d made", got, want)
	}
	svc := app.Wire(db, w.clock)
	t.Run("shares", func(t *testing.T) { checkMeetingShares(t, ctx, db, w) })
	t.Run("sample as loaded", func(t *testing.T) { checkSample(t, ctx, svc.Meetings, p) })
	t.Run("signed minutes complete", func(t *testing.T) { checkSigned(t, ctx, db, svc.Meetings, p) })
	t.Run("summaries verified", func(t *testing.T) {
		diffs, err := svc.Oversight.Verify(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range diffs {
			if i == 10 {
				t.Errorf("… and %d more", len(diffs)-i)
				break
			}
			t.Errorf("summary differs: %s org %d %s\n stored %s\n want   %s", d.Table, d.Org, d.Period, d.Stored, d.Want)
		}
	})
	t.Run("formalism found", func(t *testing.T) { checkFormalism(t, ctx, db, p) })
	t.Run("evaluations", func(t *testing.T) { checkEvaluations(t, ctx, db, svc, p) })
	t.Run("member warnings", func(t *testing.T) { checkMemberWarnings(t, ctx, db, w) })
}

func checkMeetingShares(t *testing.T, ctx context.Context, db *store.DB, w *World) {
	cur := party.MonthOf(today).String()
	curQ := party.QuarterOf(today).String()
	months := count(t, ctx, db, `SELECT count(*) FROM cell_months WHERE period < $1`, cur)
	onTime := count(t, ctx, db, `SELECT count(*) FROM cell_months WHERE period < $1 AND outcome = 'on_time'`, cur)
	late := count(t, ctx, db, `SELECT count(*) FROM cell_months WHERE period < $1 AND outcome = 'late'`, cur)
	none := count(t, ctx, db, `SELECT count(*) FROM cell_months WHERE period < $1 AND outcome = 'none'`, cur)
	quarters := count(t, ctx, db, `SELECT count(*) FROM cell_quarters WHERE period < $1`, curQ)
	thematic := count(t, ctx, db, `SELECT count(*) FROM cell_quarters WHERE period < $1 AND held > 0`, curQ)
	var present, required int
	err := db.View(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT sum(present), sum(required) FROM cell_months WHERE period < $1 AND outcome <> 'none'`, cur).Scan(&present, &required)
	})
	if err != nil {
		t.Fatal(err)
	}
	held := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE status IN ('da_hop', 'da_ky')`)
	signed := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE status = 'da_ky'`)
	lastMonth := party.MonthOf(today).Prev()
	unsignedLast := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE status = 'da_hop' AND date >= $1 AND date <= $2`, lastMonth.First(), lastMonth.Last())
	ahead := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE date >= $1`, today)
	aheadPlanned := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE date >= $1 AND status IN ('du_kien', 'da_thong_bao')`, today)
	pastPlanned := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE date < $1 AND status IN ('du_kien', 'da_thong_bao')`, today)
	selfs := count(t, ctx, db, `SELECT count(*) FROM evaluations e JOIN meetings m ON m.id = e.meeting_id WHERE m.status = 'da_ky' AND e.by_kind = 'self'`)
	reviews := count(t, ctx, db, `SELECT count(*) FROM evaluations e JOIN meetings m ON m.id = e.meeting_id WHERE m.status = 'da_ky' AND e.by_kind = 'review'`)
	extra := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE kind = 'bat_thuong'`)
	ballots := count(t, ctx, db, `SELECT count(*) FROM votes WHERE by_ballot = TRUE`)
	reserved := count(t, ctx, db, `SELECT count(*) FROM ballots WHERE reserved IS NOT NULL`)
	within(t, "regular meetings on time", float64(onTime)/float64(months), 0.84, 0.93)
	within(t, "regular meetings late", float64(late)/float64(months), 0.03, 0.08)
	within(t, "months without a regular meeting", float64(none)/float64(months), 0.025, 0.07)
	within(t, "quarters with a thematic meeting", float64(thematic)/float64(quarters), 0.78, 0.92)
	within(t, "attendance (present ÷ required)", float64(present)/float64(required), 0.84, 0.95)
	within(t, "held meetings signed", float64(signed)/float64(held), 0.94, 0.995)
	within(t, "signed meetings the cell evaluated", float64(selfs)/float64(signed), 0.8, 0.95)
	within(t, "signed meetings reviewed", float64(reviews)/float64(signed), 0.15, 0.25)
	within(t, "last month's meetings held, not signed", float64(unsignedLast), 5, 200)
	within(t, "extraordinary meetings", float64(extra), 100, 2000)
	within(t, "votes per member, with a reserved opinion", float64(min(ballots, reserved)), 5, 1000)
	if ahead == 0 || ahead != aheadPlanned || pastPlanned != 0 {
		t.Errorf("%d meetings from today, %d of them planned or notified; %d planned before today", ahead, aheadPlanned, pastPlanned)
	}
	// This month's and next month's meetings are planned or notified.
	notified := count(t, ctx, db, `SELECT count(*) FROM meetings WHERE status = 'da_thong_bao'`)
	if notified == 0 || count(t, ctx, db, `SELECT count(*) FROM meetings WHERE period = $1`, party.MonthOf(today).Next().String()) == 0 {
		t.Errorf("%d meetings notified, none planned next month", notified)
	}
}

// checkSample loads a sample of held meetings through the meetings service
// and finds the figures the demo meant.
func checkSample(t *testing.T, ctx context.Context, ms *meetings.Service, p *districtPlan) {
	sample := p.sample(60, func(x *planned) bool { return x.status == party.DaHop || x.status == party.DaKy })
	for _, x := range sample {
		v, err := ms.Load(ctx, x.id)
		if err != nil {
			t.Fatal(err)
		}
		a := v.Attendance
		if v.Meeting.OrgID != x.cell.ID || v.Meeting.Kind != x.kind || v.Meeting.Date != x.date || v.Meeting.Status != x.status || v.RollDraw {
			t.Errorf("meeting %d: %s %s %s %s, meant %s %s %s %s", x.id, v.Org.Code, v.Meeting.Kind, v.Meeting.Date, v.Meeting.Status, x.cell.Code, x.kind, x.date, x.status)
		}
		if a.Present != x.present || a.Required != x.required || a.AbsentExcused != x.excused || a.AbsentUnexcused != x.unexcused || !a.Complete() {
			t.Errorf("meeting %d: attendance %d/%d (%d excused, %d not), meant %d/%d (%d, %d)", x.id, a.Present, a.Required,
				a.AbsentExcused, a.AbsentUnexcused, x.present, x.required, x.excused, x.unexcused)
		}
		if x.votes != nil {
			y, n, ab := x.votes.Counts()
			if !v.Voting.Recorded || v.Voting.Yes != y || v.Voting.No != n || v.Voting.Abstain != ab || v.Voting.Base != x.base || v.Voting.Passed != x.passed {
				t.Errorf("meeting %d: vote %+v, meant %d/%d/%d of %d, passed %v", x.id, v.Voting, y, n, ab, x.base, x.passed)
			}
		}
		if v.Complete != x.complete || v.HasMinutes != x.minutes || (x.minutes && meetings.BodyText(v.Minutes.Content) != x.body) {
			t.Errorf("meeting %d: complete %v (missing %v), minutes %v; meant %v, %v", x.id, v.Complete, v.Missing, v.HasMinutes, x.complete, x.minutes)
		}
		// The roll is what party.Summoned gives for the day.
		drawn := party.Summoned(x.cell.ID, x.date, histories(p.w, x.cell))
		if len(drawn) != len(v.Roll) {
			t.Errorf("meeting %d: roll of %d, Summoned gives %d", x.id, len(v.Roll), len(drawn))
			continue
		}
		for i, d := range drawn {
			r := v.Roll[i]
			if r.MemberID != d.MemberID || r.Derived != d.Standing() || r.TempIn != d.TempIn || r.Editable != d.Editable || r.Full != (d.State.Status == party.ChinhThuc) {
				t.Errorf("meeting %d: roll row %d %+v, Summoned gives %+v", x.id, i, r, d)
			}
		}
	}
	if len(sample) < 100 {
		t.Errorf("sample of %d meetings", len(sample))
	}
}

// histories are the histories a cell's roll is drawn from.
func histories(w *World, c *Org) []party.MemberHistory {
	var hs []party.MemberHistory
	seen := map[*Member]bool{}
	for _, m := range append(c.Members, w.tempIn[c.ID]...) {
		if !seen[m] {
			seen[m] = true
			hs = append(hs, m.MemberHistory)
		}
	}
	return hs
}

// checkSigned: every signed meeting is complete by party.Completeness and
// its vote passes party.ValidateVotes (what meetings.Lock asks), read in
// bulk; a sample is loaded through the service too.
func checkSigned(t *testing.T, ctx context.Context, db *store.DB, ms *meetings.Service, p *districtPlan) {
	rules := map[string]party.RuleSet{}
	for _, rs := range party.DefaultRuleSets() {
		rules[rs.Code] = rs
	}
	lite := map[int64]store.MeetingLite{}
	rolls := map[int64][]store.RollRow{}
	votes := map[int64]party.Votes{}
	signed := 0
	err := db.View(ctx, func(tx *store.Tx) error {
		if err := tx.EachMeeting(ctx, func(m store.MeetingLite) error {
			if m.Status == party.DaKy {
				lite[m.ID] = m
			}
			return nil
		}); err != nil {
			return err
		}
		if err := tx.EachRoll(ctx, func(id int64, roll []store.RollRow) error {
			if _, ok := lite[id]; ok {
				rolls[id] = slices.Clone(roll)
			}
			return nil
		}); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT meeting_id, yes, no, abstain FROM votes`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var v party.Votes
			if err := rows.Scan(&id, &v.Yes, &v.No, &v.Abstain); err != nil {
				return err
			}
			votes[id] = v
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return tx.EachMinutes(ctx, func(id int64, c party.MinutesContent) error {
			m, ok := lite[id]
			if !ok {
				return nil
			}
			signed++
			ps, entries, a := meetings.AttendanceOf(rolls[id])
			v, voted := votes[id]
			sm := store.Meeting{Kind: m.Kind, Topic: m.Topic, HeldAt: time.Unix(1, 0)}
			if ok, missing := party.Completeness(m.Kind, meetings.ContentOf(sm, c, a, voted)); !ok {
				t.Errorf("signed meeting %d is incomplete: %v", id, missing)
			}
			if voted {
				if err := party.ValidateVotes(rules[m.RuleSet], ps, entries, v); err != nil {
					t.Errorf("signed meeting %d: vote %+v refused: %v", id, v, err)
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if signed != len(lite) || signed < 10000 {
		t.Errorf("%d signed meetings, %d with minutes", len(lite), signed)
	}
	for _, x := range p.sample(97, func(x *planned) bool { return x.status == party.DaKy }) {
		v, err := ms.Load(ctx, x.id)
		if err != nil {
			t.Fatal(err)
		}
		if !v.Locked() || !v.Complete || v.Meeting.LockedAt.IsZero() || v.Meeting.LockedBy == "" || !v.Meeting.LockedAt.After(v.Meeting.HeldAt) {
			t.Errorf("signed meeting %d: locked %v by %q at %v (held %v), complete %v %v", x.id, v.Locked(), v.Meeting.LockedBy,
				v.Meeting.LockedAt, v.Meeting.HeldAt, v.Complete, v.Missing)
		}
	}
}

// checkFormalism: the formalism pass found the planted copies, and little
// else.
func checkFormalism(t *testing.T, ctx context.Context, db *store.DB, p *districtPlan) {
	type pair struct{ a, b int64 }
	found := map[pair]string{}
	err := db.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT a, b, kind FROM similar_pairs`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x pair
			var kind string
			if err := rows.Scan(&x.a, &x.b, &kind); err != nil {
				return err
			}
			found[x] = kind
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	scanned := map[party.Period]bool{}
	for _, q := range p.w.scanPeriods(testScanMonths) {
		scanned[q] = true
	}
	planted := map[pair]string{}
	for _, x := range p.all {
		if x.copied != "" && x.source != 0 && x.minutes && scanned[x.period] {
			planted[pair{min(x.source, x.id), max(x.source, x.id)}] = x.copied
		}
	}
	hit := map[string]int{}
	total := map[string]int{}
	for k, kind := range planted {
		total[kind]++
		if found[k] != "" {
			hit[kind]++
		}
	}
	stray := 0
	for k, kind := range found {
		if planted[k] == "" && p.byID[k.a].copied == "" && p.byID[k.b].copied == "" {
			stray++
			if stray <= 5 {
				t.Logf("flagged %s pair not planted: %d %s %s and %d %s %s", kind, k.a, p.byID[k.a].cell.Code, p.byID[k.a].period,
					k.b, p.byID[k.b].cell.Code, p.byID[k.b].period)
			}
		}
	}
	for _, kind := range []string{"previous", "peer"} {
		if total[kind] == 0 {
			t.Errorf("no %s copy planted", kind)
			continue
		}
		// A copy from another cell keeps that cell's lanes, figures and
		// speeches but not its names: a few fall under the threshold once
		// the batch's common phrases are taken out.
		lo := map[string]float64{"previous": 0.95, "peer": 0.8}[kind]
		within(t, "planted "+kind+" copies found", float64(hit[kind])/float64(total[kind]), lo, 1)
	}
	within(t, "pairs flagged between honest minutes", float64(stray), 0, float64(len(found))/20)
}

// checkEvaluations: the totals stored are what party.Evaluate gives when
// quality loads the meeting again (its own facts from the database).
func checkEvaluations(t *testing.T, ctx context.Context, db *store.DB, svc *app.Services, p *districtPlan) {
	n := 0
	for _, x := range p.sample(41, func(x *planned) bool { return len(x.evals) > 0 }) {
		_, ev, err := svc.Quality.Load(ctx, x.id)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range x.evals {
			got := ev.Self
			if want.By == "review" {
				got = ev.Review
			}
			if got == nil {
				t.Errorf("meeting %d: no %s evaluation stored", x.id, want.By)
				continue
			}
			n++
			if got.Row.Total != want.Total || got.Row.Grade != want.Grade || got.Result.Total != got.Row.Total || got.Result.Grade != got.Row.Grade {
				t.Errorf("meeting %d %s: stored %d %s, party.Evaluate gives %d %s, meant %d %s (facts %+v)", x.id, want.By, got.Row.Total, got.Row.Grade,
					got.Result.Total, got.Result.Grade, want.Total, want.Grade, ev.Facts)
			}
		}
	}
	if n < 300 {
		t.Errorf("%d evaluations compared", n)
	}
	grades := map[string]int{}
	err := db.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT grade, count(*) FROM evaluations WHERE by_kind = 'self' GROUP BY grade`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var g string
			var c int
			if err := rows.Scan(&g, &c); err != nil {
				return err
			}
			grades[g] = c
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	all := grades["tot"] + grades["kha"] + grades["trung_binh"] + grades["kem"]
	within(t, "self-evaluations graded Tốt", float64(grades["tot"])/float64(all), 0.25, 0.65)
	within(t, "self-evaluations graded Trung bình or Kém", float64(grades["trung_binh"]+grades["kem"])/float64(all), 0.002, 0.1)
}

// checkMemberWarnings: a few members are away with a reason several times
// in a row, or without one two or three months of the year (DOMAIN.md §9).
func checkMemberWarnings(t *testing.T, ctx context.Context, db *store.DB, w *World) {
	var ids []int64
	for _, m := range w.Members {
		if m.Member.ActiveOn(today) {
			ids = append(ids, m.Member.ID)
		}
	}
	kinds := map[string]int{}
	err := db.View(ctx, func(tx *store.Tx) error {
		recs, err := tx.AttendanceRecords(ctx, ids, today.AddMonths(-12), today)
		if err != nil {
			return err
		}
		rs, _ := party.RuleSetOn(party.DefaultRuleSets(), today)
		for _, id := range ids {
			for _, wa := range party.MemberWarnings(w.Members[id-1].MemberHistory, recs[id], rs, today) {
				kinds[wa.Kind]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	within(t, "members warned of absences with reason in a row", float64(kinds[party.WarnExcusedStreak]), 10, 150)
	within(t, "members warned of absences without reason", float64(kinds[party.WarnUnexcused]), 5, 120)
	within(t, "members warned of unpaid dues", float64(kinds[party.WarnUnpaidDues]), 0, 150)
}

// The minutes read as a secretary writes them: Vietnamese in NFC, no blank
// left unfilled, speakers present, the chair and the minute-taker present
// and different, times on the meeting's day.
func TestMinutesRead(t *testing.T) {
	p := thePlanned(t)
	if len(p.all) < 12000 {
		t.Fatalf("%d meetings", len(p.all))
	}
	for id, texts := range p.texts {
		for _, s := range texts {
			if vntext.NFC(s) != s || strings.Contains(s, "{") || strings.Contains(s, "%s") || strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
				t.Fatalf("meeting %d: text %q is not clean", id, s)
			}
		}
	}
}

// Honest minutes of a cell differ enough from month to month that the
// formalism pass does not take them for copies; copies are far above.
func TestHonestMinutesDiffer(t *testing.T) {
	p := thePlanned(t)
	tmpl := textsim.NewTemplate(templatePhrases()...)
	prev := map[int64]*planned{}
	var honest, copies []float64
	for _, x := range p.all {
		if x.kind != party.ThuongKy || !x.minutes {
			continue
		}
		if q := prev[x.cell.ID]; q != nil {
			sim := textsim.Similarity(tmpl.Fingerprint(q.body), tmpl.Fingerprint(x.body))
			if x.copied == "previous" {
				copies = append(copies, sim)
			} else if x.copied == "" && q.copied == "" {
				honest = append(honest, sim)
			}
		}
		prev[x.cell.ID] = x
	}
	over := 0
	top := 0.0
	for _, s := range honest {
		top = max(top, s)
		if s >= textsim.DefaultThreshold {
			over++
		}
	}
	t.Logf("honest pairs: %d, highest %.2f; copies: %d", len(honest), top, len(copies))
	within(t, "honest consecutive minutes taken for copies", float64(over)/float64(len(honest)), 0, 0.002)
	low := 0
	for _, s := range copies {
		if s < textsim.DefaultThreshold {
			low++
		}
	}
	within(t, "copied minutes not taken for copies", float64(low)/float64(max(1, len(copies))), 0, 0.05)
}

// templatePhrases are the fixed phrases quality takes out before comparing.
func templatePhrases() []string {
	var out []string
	for _, rs := range party.DefaultRuleSets() {
		for _, a := range rs.Agendas {
			for _, it := range a.Items {
				out = append(out, it.Title, it.Hint)
			}
		}
	}
	return append(out, opening, readBack)
}

// checkSearch: the search index holds the minutes, resolutions and
// speeches, and the district's board finds last year's minutes without
// diacritics.
func checkSearch(t *testing.T, ctx context.Context, db *store.DB) {
	minutes := count(t, ctx, db, `SELECT count(*) FROM minutes`)
	docs := count(t, ctx, db, `SELECT count(*) FROM search_docs WHERE kind = 'minutes'`)
	speeches := count(t, ctx, db, `SELECT count(*) FROM search_docs WHERE kind = 'speech'`)
	if docs != minutes || speeches < 3*minutes {
		t.Errorf("search index: %d minutes of %d, %d speeches", docs, minutes, speeches)
	}
	_, p, err := accounts.New(db).Login(ctx, "bantochuc", DemoPassword, "127.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.New(db).Search(ctx, p, `"sot xuat huyet" ngo`, search.Options{Kinds: []string{search.KindMinutes}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) == 0 {
		t.Error("the district board finds no minutes about sốt xuất huyết")
	}
}
