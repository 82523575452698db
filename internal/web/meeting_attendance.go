package web

import (
	"net/http"
	"strconv"

	"chibo/internal/party"
	"chibo/internal/store"
)

// rollRow is one line of the roll call as the page shows it: the member's
// standing on the meeting's day (from the core) and what was recorded or,
// after an error, typed.
type rollRow struct {
	store.RollRow
	Exempt bool
	Err    string
}

type attendanceData struct {
	meetingPage
	Rows    []rollRow
	Row     *rollRow // the row of a one-member answer (htmx)
	Closed  string   // why the roll cannot be taken (a day to come, signed minutes)
	Summary figures
}

// figures is the sticky footer of the roll call: present of required, the
// rate, and whether the meeting may adopt a resolution, all from the core.
type figures struct {
	A    party.Attendance
	V    party.Voting
	Rate float64
}

func figuresOf(p meetingPage) figures {
	return figures{A: p.V.Attendance, V: p.V.Voting, Rate: p.V.Attendance.Rate}
}

// field names of the roll-call form: row.<id> marks a row sent, s.<id> its
// status, r.<id> the reason, d.<id> dues paid.
func rowField(prefix string, id int64) string { return prefix + "." + strconv.FormatInt(id, 10) }

// entryOf reads one member's line of the form; ok is false when the form
// does not hold that row.
func entryOf(f *Form, id int64) (party.Entry, bool) {
	if f.Get(rowField("row", id)) == "" {
		return party.Entry{}, false
	}
	return party.Entry{MemberID: id, Status: party.AttendanceStatus(f.Get(rowField("s", id))),
		Reason: f.Get(rowField("r", id)), DuesPaid: f.Get(rowField("d", id)) != ""}, true
}

// attendanceRows lays out the roll; after an error, the rows keep what
// was typed and carry their messages.
func attendanceRows(p meetingPage, f *Form, c *Ctx, err error) []rollRow {
	fieldMsgs := map[string]string{}
	var ruleMsg string
	var ruleWho any // the member a rule error names: by id or by name
	if e, ok := party.AsError(err); ok {
		for k, m := range e.Fields {
			fieldMsgs[k] = c.Msg(m)
		}
		if e.Code == party.ERule && len(e.Msg.Args) > 0 {
			ruleMsg, ruleWho = c.Msg(e.Msg), e.Msg.Args[0]
		}
	}
	rows := make([]rollRow, len(p.V.Roll))
	for i, r := range p.V.Roll {
		row := rollRow{RollRow: r, Exempt: r.Derived == party.DerivedExempt}
		if f != nil && r.Editable {
			if e, ok := entryOf(f, r.MemberID); ok {
				row.Status, row.Reason, row.DuesPaid = e.Status, e.Reason, e.DuesPaid
			}
		}
		row.Err = fieldMsgs[party.ReasonField(r.MemberID)]
		if ruleMsg != "" && (ruleWho == any(r.MemberID) || ruleWho == any(r.FullName)) {
			row.Err = ruleMsg
		}
		rows[i] = row
	}
	return rows
}

// closedReason says why attendance cannot be taken now.
func closedReason(c *Ctx, p meetingPage) string {
	switch {
	case p.V.Locked():
		return c.T("meeting.locked")
	case p.Future:
		return c.Msg(party.M("meeting.not_yet", p.V.Meeting.Date))
	}
	return ""
}

// attendanceShow is the roll call (UX.md, step 3): every member in
// Vietnamese name order with three large toggles, the derived standings
// greyed, and live figures at the bottom.
func (s *Server) attendanceShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderAttendance(w, r, c, http.StatusOK, nil, nil)
}

func (s *Server) renderAttendance(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form, err error) {
	p, lerr := s.loadPage(r, c, pathID(r, "id"))
	if lerr != nil {
		s.fail(w, r, c, lerr)
		return
	}
	d := attendanceData{meetingPage: p, Rows: attendanceRows(p, f, c, err), Closed: closedReason(c, p), Summary: figuresOf(p)}
	if f == nil {
		f = NewForm(nil)
	}
	if err != nil {
		f.SetError(c, err)
	}
	s.render(w, r, status, "meeting_attendance", View{Title: c.T("web.meeting.att.title"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, p.V, "web.meeting.att.title"), Form: f, Data: d})
}

// attendanceSave saves the whole roll (the page without JavaScript, and
// the "Tất cả có mặt" shortcut, which marks present everyone not marked).
func (s *Server) attendanceSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
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
	allPresent := f.Get("op") == "all_present"
	var entries []party.Entry
	for _, row := range v.Roll {
		if !row.Editable {
			continue
		}
		e, ok := entryOf(f, row.MemberID)
		if !ok {
			if !allPresent {
				continue
			}
			e = row.Entry()
		}
		if allPresent && e.Status == "" && row.Derived != party.DerivedExempt {
			e.Status = party.CoMat
			f.Values.Set(rowField("row", row.MemberID), "1")
			f.Values.Set(rowField("s", row.MemberID), string(party.CoMat))
		}
		entries = append(entries, e)
	}
	if _, err := s.meetings.SaveAttendance(r.Context(), c.Actor(), id, entries); err != nil {
		s.renderAttendance(w, r, c, statusOf(party.ErrorCode(err)), f, err)
		return
	}
	s.flash(w, "web.meeting.att.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/attendance")
}

// attendanceSaveOne saves one member's line (each tap, with htmx) and
// answers that row and, out of band, the figures of the footer.
func (s *Server) attendanceSaveOne(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	id, mid := pathID(r, "id"), pathID(r, "mid")
	f.Values.Set(rowField("row", mid), "1")
	e, _ := entryOf(f, mid)
	v, err := s.meetings.SaveAttendance(r.Context(), c.Actor(), id, []party.Entry{e})
	status := http.StatusOK
	var p meetingPage
	if err != nil {
		status = statusOf(party.ErrorCode(err))
		var lerr error
		if p, lerr = s.loadPage(r, c, id); lerr != nil {
			s.fail(w, r, c, lerr)
			return
		}
	} else {
		p = s.pageOf(r, c, v)
		f = nil // show what was stored
	}
	d := attendanceData{meetingPage: p, Rows: attendanceRows(p, f, c, err), Summary: figuresOf(p)}
	for i := range d.Rows {
		if d.Rows[i].MemberID == mid {
			d.Row = &d.Rows[i]
		}
	}
	if d.Row == nil {
		if err == nil {
			err = party.NotFound("web.meeting.att.not_on_roll")
		}
		s.fail(w, r, c, err)
		return
	}
	if d.Row.Err == "" && err != nil {
		d.Row.Err = c.Msg(s.asPartyError(r, err).Msg)
	}
	if !isHX(r) {
		if err != nil {
			s.renderAttendance(w, r, c, status, f, err)
			return
		}
		redirect(w, r, "/meetings/"+r.PathValue("id")+"/attendance")
		return
	}
	s.renderBlock(w, r, status, "meeting_attendance", "rowswap", View{Data: d})
}
