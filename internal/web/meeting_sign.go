package web

import (
	"net/http"

	"chibo/internal/party"
)

type signData struct {
	meetingPage
	Closed string
}

// signShow is the signature (UX.md, step 6): what the minutes still lack,
// the chair's and the minute-taker's confirmation, and "Ký và khóa biên
// bản". Once signed, the record only gains amendments, shown beside it.
func (s *Server) signShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderSign(w, r, c, http.StatusOK, nil, nil)
}

func (s *Server) renderSign(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form, err error) {
	p, lerr := s.loadPage(r, c, pathID(r, "id"))
	if lerr != nil {
		s.fail(w, r, c, lerr)
		return
	}
	d := signData{meetingPage: p}
	if !p.V.Held() && !p.V.Locked() {
		d.Closed = c.Msg(party.M("meeting.not_yet", p.V.Meeting.Date))
		if !p.Future {
			d.Closed = c.T("web.meeting.sign.needs_attendance")
		}
	}
	if f == nil {
		f = NewForm(nil)
	}
	if err != nil {
		f.SetError(c, err)
	}
	s.render(w, r, status, "meeting_sign", View{Title: c.T("web.meeting.sign.title"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, p.V, "web.meeting.sign.title"), Form: f, Data: d})
}

// signLock signs and locks the minutes; the core refuses while anything
// required is missing, and says what.
func (s *Server) signLock(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	_, err := s.meetings.Lock(r.Context(), c.Actor(), pathID(r, "id"), f.Get("chair_confirms") != "", f.Get("taker_confirms") != "")
	if err != nil {
		s.renderSign(w, r, c, statusOf(party.ErrorCode(err)), f, err)
		return
	}
	s.flash(w, "web.meeting.sign.locked")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/sign")
}

// amendmentAdd corrects signed minutes: the original stays, the
// amendment is listed beside it with its author, time and reason.
func (s *Server) amendmentAdd(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	_, err := s.meetings.Amend(r.Context(), c.Actor(), pathID(r, "id"), f.Get("reason"), f.Get("text"))
	if err != nil {
		s.renderSign(w, r, c, statusOf(party.ErrorCode(err)), f, err)
		return
	}
	s.flash(w, "web.meeting.sign.amended")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/sign#amendments")
}
