package web

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/vntext"
)

// The minutes editor is one form; its fields are named so that a failed
// save comes back exactly as typed:
//
//	started_at, ended_at (hh:mm), place, chair, minute_taker, guests (one per line),
//	topic, lead_paper_by, conclusion, resolution, read_back, self_rating, number, version,
//	items_n, it.<i>.key/title/part/presenter/text/conclusion,
//	it.<i>.sp.<j>.speaker/member/text (speeches under item i),
//	ds.<j>.speaker/member/text (speeches on no one item).

// minutesItemView is one section of the editor: an agenda item with its
// hint and the speech rows to show (the recorded ones and one blank).
type minutesItemView struct {
	Index    int
	Key      string
	Title    string
	Part     string
	Hint     string
	Speeches []int
	Missing  bool // the core lists this item among what the minutes lack
	Written  bool // something is written under it
}

// Field names one field of the section.
func (it minutesItemView) Field(name string) string {
	return "it." + strconv.Itoa(it.Index) + "." + name
}

// Speech names one field of speech j of the section.
func (it minutesItemView) Speech(j int, name string) string {
	return "it." + strconv.Itoa(it.Index) + ".sp." + strconv.Itoa(j) + "." + name
}

// NextSpeech is the index a new speech row takes.
func (it minutesItemView) NextSpeech() int { return slices.Max(append([]int{-1}, it.Speeches...)) + 1 }

// minutesToForm writes stored minutes into the form, one section per item
// of the meeting's agenda (in its order), then any section of the minutes
// whose item was since removed from the agenda, so that nothing written is
// lost.
func minutesToForm(v meetings.View) *Form {
	c := v.Content
	f := NewForm(url.Values{
		"version": {strconv.FormatInt(v.Minutes.Version, 10)}, "number": {v.Minutes.Number},
		"started_at": {hhmm(c.StartedAt)}, "ended_at": {hhmm(c.EndedAt)}, "place": {c.Place}, "chair": {c.Chair},
		"minute_taker": {c.MinuteTaker}, "guests": {strings.Join(c.Guests, "\n")}, "topic": {c.Topic}, "lead_paper_by": {c.LeadPaperBy},
		"conclusion": {c.Conclusion}, "resolution": {c.Resolution}, "self_rating": {string(c.SelfRating)},
	})
	if !v.HasMinutes && c.Place == "" {
		f.Values.Set("place", v.Meeting.Place)
	}
	if c.ReadBack {
		f.Values.Set("read_back", "1")
	}
	byKey := map[string]party.MinutesItem{}
	for _, it := range c.Items {
		byKey[it.Key] = it
	}
	var items []party.MinutesItem
	inAgenda := map[string]bool{}
	for _, a := range v.Meeting.Agenda {
		it, ok := byKey[a.Key]
		if !ok {
			it = party.MinutesItem{Key: a.Key}
		}
		it.Title, it.Part = a.Title, a.Part
		items = append(items, it)
		inAgenda[a.Key] = true
	}
	for _, it := range c.Items {
		if !inAgenda[it.Key] {
			items = append(items, it)
		}
	}
	f.Values.Set("items_n", strconv.Itoa(len(items)))
	for i, it := range items {
		p := "it." + strconv.Itoa(i) + "."
		f.Values.Set(p+"key", it.Key)
		f.Values.Set(p+"title", it.Title)
		f.Values.Set(p+"part", it.Part)
		f.Values.Set(p+"presenter", it.Presenter)
		f.Values.Set(p+"text", it.Text)
		f.Values.Set(p+"conclusion", it.Conclusion)
		speechesToForm(f, p+"sp.", it.Speeches)
	}
	speechesToForm(f, "ds.", c.Discussion)
	return f
}

func speechesToForm(f *Form, prefix string, ss []party.Speech) {
	for j, s := range ss {
		p := prefix + strconv.Itoa(j) + "."
		f.Values.Set(p+"speaker", s.Speaker)
		f.Values.Set(p+"text", s.Text)
		if s.MemberID != 0 {
			f.Values.Set(p+"member", strconv.FormatInt(s.MemberID, 10))
		}
	}
}

// hhmm writes a time of day in Vietnam, "" for none.
func hhmm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(party.Zone).Format("15:04")
}

var speechKey = regexp.MustCompile(`^(it\.(\d+)\.sp|ds)\.(\d+)\.(speaker|member|text)$`)

// speechIndices lists, per prefix ("it.3.sp." or "ds."), the speech rows
// the form holds, in order.
func speechIndices(f *Form) map[string][]int {
	out := map[string][]int{}
	for k := range f.Values {
		m := speechKey.FindStringSubmatch(k)
		if m == nil {
			continue
		}
		j, err := strconv.Atoi(m[3])
		if err != nil || j > 500 {
			continue
		}
		p := m[1] + "."
		if !slices.Contains(out[p], j) {
			out[p] = append(out[p], j)
		}
	}
	for p := range out {
		slices.Sort(out[p])
	}
	return out
}

// minutesLayout gives the sections of the editor from the form, each
// with its hint from the agenda and a blank speech row at the end.
func minutesLayout(f *Form, agenda []party.AgendaItem, missing map[string]bool) (items []minutesItemView, discussion []int) {
	hints := map[string]string{}
	for _, a := range agenda {
		hints[a.Key] = a.Hint
	}
	sp := speechIndices(f)
	withBlank := func(js []int) []int {
		next := slices.Max(append([]int{-1}, js...)) + 1
		return append(slices.Clone(js), next)
	}
	n, _ := strconv.Atoi(f.Get("items_n"))
	for i := range min(max(n, 0), 200) {
		p := "it." + strconv.Itoa(i) + "."
		key := f.Get(p + "key")
		it := minutesItemView{Index: i, Key: key, Title: f.Get(p + "title"), Part: f.Get(p + "part"), Hint: hints[key],
			Speeches: withBlank(sp[p+"sp."])}
		it.Missing = missing[it.Title] || it.Title == "" && missing[key]
		for _, name := range []string{"text", "conclusion", "presenter"} {
			it.Written = it.Written || strings.TrimSpace(f.Get(p+name)) != ""
		}
		for _, j := range sp[p+"sp."] {
			it.Written = it.Written || strings.TrimSpace(f.Get(p+"sp."+strconv.Itoa(j)+".text")) != ""
		}
		items = append(items, it)
	}
	return items, withBlank(sp["ds."])
}

// speakerID finds the member who spoke: the one picked (hidden member
// field) while the name still matches, else the member of the roll whose
// name is the one typed (diacritics and case aside); 0 for a guest.
func speakerID(roll map[int64]string, byName map[string]int64, picked, name string) int64 {
	if id, err := strconv.ParseInt(picked, 10, 64); err == nil {
		if n, ok := roll[id]; ok && vntext.Fold(n) == vntext.Fold(name) {
			return id
		}
	}
	return byName[vntext.Fold(name)]
}

// minutesFromForm reads the minutes from the form. Times are hh:mm on the
// meeting's day; one that does not read is reported beside its field.
func minutesFromForm(f *Form, v meetings.View) (party.MinutesContent, error) {
	roll := map[int64]string{}
	byName := map[string]int64{}
	for _, r := range v.Roll {
		roll[r.MemberID] = r.FullName
		byName[vntext.Fold(r.FullName)] = r.MemberID
	}
	fe := party.FieldErrors{}
	at := func(name string) (t timeOfDay) {
		s := strings.TrimSpace(f.Get(name))
		if s == "" {
			return t
		}
		h, m, ok := meetings.ParseTime(s)
		if !ok {
			fe.Add(name, "web.time_invalid")
			return t
		}
		return timeOfDay{h, m, true}
	}
	// A name typed without diacritics ("tran thi binh") is written as the
	// roll writes it.
	canonical := func(name string) string {
		if id, ok := byName[vntext.Fold(name)]; ok {
			return roll[id]
		}
		return name
	}
	start, end := at("started_at"), at("ended_at")
	c := party.MinutesContent{Place: f.Get("place"), Chair: canonical(f.Get("chair")), MinuteTaker: canonical(f.Get("minute_taker")),
		Topic: f.Get("topic"), LeadPaperBy: canonical(f.Get("lead_paper_by")), Conclusion: f.Get("conclusion"), Resolution: f.Get("resolution"),
		ReadBack: f.Get("read_back") != "", SelfRating: party.Grade(f.Get("self_rating"))}
	if start.ok {
		c.StartedAt = v.Meeting.Date.At(start.h, start.m)
	}
	if end.ok {
		c.EndedAt = v.Meeting.Date.At(end.h, end.m)
	}
	for _, g := range strings.Split(f.Get("guests"), "\n") {
		if g = strings.TrimSpace(g); g != "" {
			c.Guests = append(c.Guests, g)
		}
	}
	sp := speechIndices(f)
	speeches := func(prefix string) []party.Speech {
		var out []party.Speech
		for _, j := range sp[prefix] {
			p := prefix + strconv.Itoa(j) + "."
			s := party.Speech{Speaker: f.Get(p + "speaker"), Text: f.Get(p + "text")}
			if strings.TrimSpace(s.Speaker) == "" && strings.TrimSpace(s.Text) == "" {
				continue
			}
			if s.MemberID = speakerID(roll, byName, f.Get(p+"member"), s.Speaker); s.MemberID != 0 {
				s.Speaker = roll[s.MemberID]
			}
			out = append(out, s)
		}
		return out
	}
	n, _ := strconv.Atoi(f.Get("items_n"))
	for i := range min(max(n, 0), 200) {
		p := "it." + strconv.Itoa(i) + "."
		c.Items = append(c.Items, party.MinutesItem{Key: f.Get(p + "key"), Title: f.Get(p + "title"), Part: f.Get(p + "part"),
			Presenter: canonical(f.Get(p + "presenter")), Text: f.Get(p + "text"), Conclusion: f.Get(p + "conclusion"), Speeches: speeches(p + "sp.")})
	}
	c.Discussion = speeches("ds.")
	return c, fe.Err()
}

type timeOfDay struct {
	h, m int
	ok   bool
}

// missingItems names the agenda items (by title, as the core names them)
// that the core lists among what the minutes lack.
func missingItems(v meetings.View) map[string]bool {
	out := map[string]bool{}
	for _, m := range v.Missing {
		if m.Key == "rules.minutes.missing.item_text" && len(m.Args) > 0 {
			if title, ok := m.Args[0].(string); ok {
				out[title] = true
			}
		}
	}
	return out
}
