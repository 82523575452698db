package web

import (
	"net/http"
	"strconv"
	"strings"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

type minutesData struct {
	meetingPage
	Cited      []store.Document // the documents the agenda and topic cite
	Items      []minutesItemView
	Discussion []int
	// DiscussionNext is the index a new speech row of "Ý kiến khác" takes.
	DiscussionNext int
	Names          []string // the roll, for picking the chair, the minute-taker, speakers
	Absent         []store.RollRow
	Grades         []party.Grade
	Conflict       *minutesConflict
	Closed         string
}

// minutesConflict is the newer version someone else saved, shown beside
// what the user typed (UX.md: "never lose work").
type minutesConflict struct {
	Version int64  `json:"version"`
	By      string `json:"updated_by"`
	At      string `json:"updated_at"`
	Text    string `json:"text"`
}

func conflictOf(v meetings.View) *minutesConflict {
	return &minutesConflict{Version: v.Minutes.Version, By: v.Minutes.UpdatedBy, At: hhmm(v.Minutes.UpdatedAt),
		Text: meetings.BodyText(v.Minutes.Content)}
}

func (s *Server) minutesShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderMinutes(w, r, c, http.StatusOK, nil, nil)
}

// renderMinutes shows the editor (UX.md, step 4): one section per agenda
// item with its hint, the speeches by name, the attendance summary filled
// from the roll call, and what the minutes still lack.
func (s *Server) renderMinutes(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form, err error) {
	p, lerr := s.loadPage(r, c, pathID(r, "id"))
	if lerr != nil {
		s.fail(w, r, c, lerr)
		return
	}
	d := minutesData{meetingPage: p, Grades: party.Grades}
	if f == nil {
		f = minutesToForm(p.V)
		if !p.V.HasMinutes && f.Get("chair") == "" {
			// The secretary usually chairs: offer their name.
			for _, r := range p.V.Roll {
				if r.MemberID == c.P.MemberID && c.P.MemberID != 0 {
					f.Values.Set("chair", r.FullName)
				}
			}
		}
	}
	if err != nil {
		f.SetError(c, err)
		if party.ErrorCode(err) == party.EConflict {
			// Saving again keeps the user's text over the newer version.
			d.Conflict = conflictOf(p.V)
			f.Values.Set("version", itoa(p.V.Minutes.Version))
		}
	}
	d.Items, d.Discussion = minutesLayout(f, p.V.Meeting.Agenda, missingItems(p.V))
	d.DiscussionNext = minutesItemView{Speeches: d.Discussion}.NextSpeech()
	for _, row := range p.V.Roll {
		d.Names = append(d.Names, row.FullName)
		if row.Status == party.VangCoLyDo || row.Status == party.VangKhongLyDo {
			d.Absent = append(d.Absent, row)
		}
	}
	var cerr error
	if d.Cited, cerr = s.citedDocuments(r.Context(), p.V.Meeting); cerr != nil {
		s.fail(w, r, c, cerr)
		return
	}
	switch {
	case p.V.Locked():
		d.Closed = c.T("meeting.locked")
	case p.Future:
		d.Closed = c.Msg(party.M("meeting.not_yet", p.V.Meeting.Date))
	}
	s.render(w, r, status, "meeting_minutes", View{Title: c.T("web.meeting.min.title"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, p.V, "web.meeting.min.title"), Form: f, Data: d})
}

// autosaveAnswer is what the editor's script gets after each save.
type autosaveAnswer struct {
	Version      int64            `json:"version,omitempty"`
	Status       string           `json:"status"`
	Complete     bool             `json:"complete"`
	Missing      []string         `json:"missing"`
	MissingItems []string         `json:"missing_items"` // keys of the agenda items the core finds unwritten
	Error        *APIErrorBody    `json:"error,omitempty"`
	Conflict     *minutesConflict `json:"conflict,omitempty"`
}

// minutesSave saves the minutes from the version the editor started
// from. The script saves as one types (X-Chibo-Autosave: 1, answered in
// JSON); without it, the "Lưu" button posts the form. A stale version is a
// conflict that keeps the user's text and shows the newer one.
func (s *Server) minutesSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	auto := r.Header.Get("X-Chibo-Autosave") == "1"
	v, err := s.meetings.Load(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	content, err := minutesFromForm(f, v)
	if err == nil {
		v, err = s.meetings.SaveMinutes(r.Context(), c.Actor(), id, content, f.Get("number"), atoi64(f.Get("version")))
	}
	if auto {
		s.autosaveAnswer(w, r, c, id, v, err)
		return
	}
	if err != nil {
		s.renderMinutes(w, r, c, statusOf(party.ErrorCode(err)), f, err)
		return
	}
	s.flash(w, "web.meeting.min.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/minutes")
}

func (s *Server) autosaveAnswer(w http.ResponseWriter, r *http.Request, c *Ctx, id int64, v meetings.View, err error) {
	if err == nil {
		a := autosaveAnswer{Version: v.Minutes.Version, Complete: v.Complete, Missing: []string{},
			Status: c.T("web.meeting.min.saved_at", hhmm(s.now()))}
		for _, m := range v.Missing {
			a.Missing = append(a.Missing, c.Msg(m))
		}
		a.MissingItems = []string{}
		missing := missingItems(v)
		for _, it := range v.Content.Items {
			if missing[it.Title] {
				a.MissingItems = append(a.MissingItems, it.Key)
			}
		}
		writeJSON(w, http.StatusOK, a)
		return
	}
	e := s.asPartyError(r, err)
	body := APIErrorBody{Code: string(e.Code), Message: c.Msg(e.Msg)}
	for k, m := range e.Fields {
		if body.Fields == nil {
			body.Fields = map[string]string{}
		}
		body.Fields[k] = c.Msg(m)
		body.Message = body.Fields[k]
	}
	a := autosaveAnswer{Error: &body, Missing: []string{}, Status: c.T("web.meeting.min.not_saved", body.Message)}
	if e.Code == party.EConflict {
		if cur, lerr := s.meetings.Load(r.Context(), id); lerr == nil {
			a.Conflict = conflictOf(cur)
		}
	}
	writeJSON(w, statusOf(e.Code), a)
}

// speakerSearch finds members of the roll by part of their name,
// diacritics optional ("thi binh" finds Trần Thị Bình): the editor's
// "Thêm ý kiến" picks the speaker from it.
func (s *Server) speakerSearch(w http.ResponseWriter, r *http.Request, c *Ctx) {
	v, err := s.meetings.Load(r.Context(), pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	q := vntext.Fold(strings.TrimSpace(r.URL.Query().Get("q")))
	type speaker struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	out := []speaker{}
	for _, row := range v.Roll {
		if len(out) == 12 {
			break
		}
		if strings.Contains(vntext.Fold(row.FullName), q) {
			out = append(out, speaker{row.MemberID, row.FullName})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
