package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// meetingShowData is the meeting page: what, when, where, the steps, the
// preparation checklist, the agenda and the notice.
type meetingShowData struct {
	meetingPage
	Agenda   []party.AgendaItem // as shown in the agenda editor (what was typed, after an error)
	Open     string             // the section whose form has an error: plan, prep, agenda
	Notified *meetings.NoticeResult
	Parts    []string
	Cited    []store.Document // the documents the agenda and topic cite
}

// meetingForm fills the page's forms from the meeting.
func meetingForm(v meetings.View) *Form {
	m := v.Meeting
	f := NewForm(url.Values{
		"version": {strconv.FormatInt(m.Version, 10)},
		"date":    {m.Date.VN()}, "time": {m.StartsAt.In(party.Zone).Format("15:04")}, "place": {m.Place}, "topic": {m.Topic},
		"committee_met_on": {m.Prep.CommitteeMetOn.VN()}, "draft_resolution": {m.Prep.DraftResolution},
		"lead_paper": {m.Prep.LeadPaper}, "lead_paper_authors": {m.Prep.LeadPaperAuthors}, "notes": {m.Prep.Notes},
	})
	if m.Prep.ContentDrafted {
		f.Values.Set("content_drafted", "1")
	}
	if m.Combined {
		f.Values.Set("combined", "1")
	}
	return f
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderMeeting(w, r, c, http.StatusOK, nil, "", nil)
}

// renderMeeting shows the meeting page; after an error, f holds what was
// typed in the section open, and agenda the agenda being edited.
func (s *Server) renderMeeting(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form, open string, agenda []party.AgendaItem) {
	p, err := s.loadPage(r, c, pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := meetingShowData{meetingPage: p, Open: open, Agenda: agenda, Parts: []string{party.PartOpening, party.PartContent, party.PartClosing}}
	if d.Agenda == nil {
		d.Agenda = p.V.Meeting.Agenda
	}
	base := meetingForm(p.V)
	if f == nil {
		f = base
	} else {
		// The other sections keep the meeting's values.
		for k, v := range base.Values {
			if _, ok := f.Values[k]; !ok && !sectionField(open, k) {
				f.Values[k] = v
			}
		}
	}
	q := r.URL.Query()
	if d.Open == "" && q.Get("edit") == "agenda" {
		d.Open = "agenda"
	}
	if n, err := strconv.Atoi(q.Get("notified")); err == nil {
		e, _ := strconv.Atoi(q.Get("emails"))
		d.Notified = &meetings.NoticeResult{InApp: n, Emails: e}
	}
	if d.Cited, err = s.citedDocuments(r.Context(), p.V.Meeting); err != nil {
		s.fail(w, r, c, err)
		return
	}
	title := meetingTitle(c, p.V.Meeting)
	s.render(w, r, status, "meeting_show", View{Title: title, Nav: "orgs", Crumbs: s.meetingCrumbs(r, c, p.V, ""), Form: f, Data: d})
}

// sectionField reports whether a checkbox belongs to the section that was
// submitted: an unticked box is absent from the form and must stay so.
func sectionField(open, field string) bool {
	switch field {
	case "content_drafted":
		return open == "prep"
	case "combined":
		return open == "plan"
	}
	return false
}

// meetingUpdate changes when, where and what (the plan); a stale version
// says someone else changed the meeting, and keeps what was typed.
func (s *Server) meetingUpdate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	ch := meetings.Change{Version: atoi64(f.Get("version"))}
	t, place, topic, combined := f.Get("time"), f.Get("place"), f.Get("topic"), f.Get("combined") != ""
	ch.Time, ch.Place, ch.Topic, ch.Combined = &t, &place, &topic, &combined
	d, err := party.ParseVN(f.Get("date"))
	if err != nil {
		err = fieldErr("date", err)
	} else if d.IsZero() {
		err = fieldErr("date", party.Invalid("field.required"))
	} else {
		ch.Date = &d
		_, err = s.meetings.Update(r.Context(), c.Actor(), pathID(r, "id"), ch)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMeeting(w, r, c, statusOf(party.ErrorCode(err)), f, "plan", nil)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id"))
}

// meetingPrep saves the preparation checklist (DOMAIN.md §4).
func (s *Server) meetingPrep(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	v, err := s.meetings.Load(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	prep := v.Meeting.Prep // keeps what this form does not show (topic, documents)
	prep.ContentDrafted = f.Get("content_drafted") != ""
	prep.DraftResolution, prep.Notes = f.Get("draft_resolution"), f.Get("notes")
	if v.Meeting.Kind == party.ChuyenDe {
		prep.LeadPaper, prep.LeadPaperAuthors = f.Get("lead_paper"), f.Get("lead_paper_authors")
	}
	prep.CommitteeMetOn, err = party.ParseVN(f.Get("committee_met_on"))
	if err != nil {
		err = fieldErr("committee_met_on", err)
	} else {
		_, err = s.meetings.Update(r.Context(), c.Actor(), id, meetings.Change{Prep: &prep, Version: atoi64(f.Get("version"))})
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMeeting(w, r, c, statusOf(party.ErrorCode(err)), f, "prep", nil)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"#prep")
}

// agendaFromForm reads the agenda editor: items a.<i>.key/title/part/hint
// in order, then applies the button pressed (op): up:<i>, down:<i>,
// del:<i>, add (with new_title and new_part), or save.
func agendaFromForm(f *Form) []party.AgendaItem {
	n, _ := strconv.Atoi(f.Get("n"))
	n = min(max(n, 0), 200)
	items := make([]party.AgendaItem, 0, n+1)
	for i := range n {
		p := "a." + strconv.Itoa(i) + "."
		items = append(items, party.AgendaItem{Key: f.Get(p + "key"), Title: f.Get(p + "title"), Part: f.Get(p + "part"), Hint: f.Get(p + "hint")})
	}
	op, arg, _ := strings.Cut(f.Get("op"), ":")
	i, err := strconv.Atoi(arg)
	if err != nil || i < 0 || i >= len(items) {
		i = -1
	}
	switch {
	case op == "up" && i > 0:
		items[i-1], items[i] = items[i], items[i-1]
	case op == "down" && i >= 0 && i+1 < len(items):
		items[i+1], items[i] = items[i], items[i+1]
	case op == "del" && i >= 0:
		items = append(items[:i], items[i+1:]...)
	case op == "add" && strings.TrimSpace(f.Get("new_title")) != "":
		items = append(items, party.AgendaItem{Key: "muc_them_" + strconv.Itoa(len(items)+1), Title: f.Get("new_title"), Part: f.Get("new_part")})
	}
	return items
}

// meetingAgenda saves the agenda after each change: renaming, adding,
// removing or moving an item works without JavaScript.
func (s *Server) meetingAgenda(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	items := agendaFromForm(f)
	_, err := s.meetings.Update(r.Context(), c.Actor(), pathID(r, "id"), meetings.Change{Agenda: items, Version: atoi64(f.Get("version"))})
	if err != nil {
		f.SetError(c, err)
		s.renderMeeting(w, r, c, statusOf(party.ErrorCode(err)), f, "agenda", items)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"?edit=agenda#agenda")
}

// meetingNotice sends the notice to the members and the following
// committee member; the page then says how many were reached.
func (s *Server) meetingNotice(w http.ResponseWriter, r *http.Request, c *Ctx) {
	res, err := s.meetings.SendNotice(r.Context(), c.Actor(), pathID(r, "id"), s.baseURL(r))
	if err != nil {
		s.renderMeeting(w, r, c, statusOf(party.ErrorCode(err)), errorForm(c, err), "notice", nil)
		return
	}
	redirect(w, r, "/meetings/"+r.PathValue("id")+"?notified="+strconv.Itoa(res.InApp)+"&emails="+strconv.Itoa(res.Emails)+"#notice")
}

// errorForm is an empty form carrying an error's message.
func errorForm(c *Ctx, err error) *Form {
	f := NewForm(nil)
	f.SetError(c, err)
	return f
}

// meetingDelete removes a meeting on which nothing was recorded. Without
// confirm=1 it asks first (a page, so that it works without JavaScript).
func (s *Server) meetingDelete(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	if r.PostForm.Get("confirm") != "1" {
		p, err := s.loadPage(r, c, pathID(r, "id"))
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
		s.render(w, r, http.StatusOK, "meeting_delete", View{Title: c.T("web.meeting.delete"), Nav: "orgs", Crumbs: s.meetingCrumbs(r, c, p.V, "web.meeting.delete"), Data: p})
		return
	}
	v, err := s.meetings.Load(r.Context(), pathID(r, "id"))
	if err == nil {
		err = s.meetings.Delete(r.Context(), c.Actor(), v.Meeting.ID)
	}
	if err != nil {
		s.renderMeeting(w, r, c, statusOf(party.ErrorCode(err)), errorForm(c, err), "", nil)
		return
	}
	s.flash(w, "web.meeting.deleted")
	redirect(w, r, "/orgs/"+strconv.FormatInt(v.Meeting.OrgID, 10)+"/calendar?year="+strconv.Itoa(v.Meeting.Date.Year()))
}
