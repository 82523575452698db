package demo

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"chibo/internal/party"
)

// Formalism to find (DOMAIN.md §6): a few cells copy their previous
// month's minutes with a few words changed, and a few pairs of cells of a
// ward copy each other's in some months. A copy keeps what was written
// under the agenda items, the speeches, the conclusion and the resolution;
// what the secretary cannot copy is its own: the time, place, chair and
// minute-taker, the roll call, the dues, the vote, the speakers (members
// present this time say what others said last time), the month written in
// the text. A few figures are changed besides.

// ownSections are the sections a copy writes afresh.
var ownSections = map[string]bool{"khai_mac": true, "diem_danh": true, "dang_phi": true, "chuong_trinh": true,
	"bieu_quyet": true, "tu_danh_gia": true, "doc_bien_ban": true}

// copyMinutes makes minutes for m from other minutes (from), keeping what
// only this meeting can have from own, the minutes written for it.
func (g *cellGen) copyMinutes(m *mtg, own, from *party.MinutesContent, fromPeriod party.Period, peer bool) *party.MinutesContent {
	// The months written in the text, and for a copy from another cell its
	// unit's name, become this meeting's.
	var pairs []string
	if fromPeriod != m.Period {
		pairs = append(pairs, fromPeriod.Next().VN(), m.Period.Next().VN(), fromPeriod.VN(), m.Period.VN())
	}
	if peer && g.c.meet.copyFrom != nil {
		pairs = append(pairs, strings.TrimPrefix(g.c.meet.copyFrom.Name, "Chi bộ "), g.people.unit)
	}
	fix := func(s string) string { return s }
	if len(pairs) > 0 {
		rep := strings.NewReplacer(pairs...)
		fix = rep.Replace
	}
	c := *own
	c.Conclusion = g.tweak(fix(from.Conclusion))
	c.Resolution = fix(from.Resolution)
	// Members present this time take the copied speeches, in turn.
	var speakers []party.Speech
	for _, it := range own.Items {
		speakers = append(speakers, it.Speeches...)
	}
	speakers = append(speakers, own.Discussion...)
	for _, a := range g.cameExcept(m, own.Chair) {
		if !slices.ContainsFunc(speakers, func(s party.Speech) bool { return s.MemberID == a.id }) {
			speakers = append(speakers, party.Speech{MemberID: a.id, Speaker: a.name})
		}
	}
	next := 0
	speak := func(ss []party.Speech) []party.Speech {
		var out []party.Speech
		for _, s := range ss {
			if next >= len(speakers) {
				break
			}
			x := speakers[next]
			next++
			out = append(out, party.Speech{MemberID: x.MemberID, Speaker: x.Speaker, Text: fix(s.Text)})
		}
		return out
	}
	byKey := map[string]party.MinutesItem{}
	for _, it := range from.Items {
		byKey[it.Key] = it
	}
	c.Items = make([]party.MinutesItem, len(own.Items))
	for i, it := range own.Items {
		c.Items[i] = it
		if it.Key == "diem_danh" && peer {
			// the short form of the roll call (PRINT.md §6), which a
			// hurried secretary keeps
			c.Items[i].Text = compactAttendance(m)
		}
		x, ok := byKey[it.Key]
		if !ok || ownSections[it.Key] {
			continue
		}
		c.Items[i].Text = g.tweak(fix(x.Text))
		c.Items[i].Conclusion = fix(x.Conclusion)
		c.Items[i].Speeches = speak(x.Speeches)
	}
	c.Discussion = speak(from.Discussion)
	return &c
}

// cameExcept lists the members present but the chair.
func (g *cellGen) cameExcept(m *mtg, chair string) []attendee {
	var out []attendee
	for _, row := range m.Roll {
		if row.Status == party.CoMat && row.FullName != chair {
			out = append(out, attendee{id: row.MemberID, name: row.FullName})
		}
	}
	return out
}

var figure = regexp.MustCompile(`\b[0-9]+\b`)

// tweak changes a figure of a copied text now and then: the few words a
// copying secretary changes.
func (g *cellGen) tweak(s string) string {
	r := g.rm
	if r.Float64() < 0.8 {
		return s
	}
	locs := slices.DeleteFunc(figure.FindAllStringIndex(s, -1), func(l []int) bool {
		// not a date ("tháng 4/2026", "15/4") nor a number in a name ("tổ dân phố số 7")
		return (l[0] > 0 && s[l[0]-1] == '/') || (l[1] < len(s) && s[l[1]] == '/') || strings.HasSuffix(s[:l[0]], "số ")
	})
	if len(locs) == 0 {
		return s
	}
	l := locs[r.IntN(len(locs))]
	n, _ := strconv.Atoi(s[l[0]:l[1]])
	return s[:l[0]] + strconv.Itoa(n+1+r.IntN(3)) + s[l[1]:]
}

// compactAttendance is the roll call in the short form PRINT.md §6 offers.
func compactAttendance(m *mtg) string {
	a := m.att
	return fmt.Sprintf("Tổng số đảng viên: %d; có mặt: %d; vắng: %d (có lý do: %d, không lý do: %d).", a.Total, a.Present, a.Absent, a.AbsentExcused, a.AbsentUnexcused)
}
