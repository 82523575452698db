package web

import (
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// step is one stage of a meeting as the secretary lives it (UX.md, "The
// secretary's month"): Chuẩn bị → Thông báo → Điểm danh → Biên bản →
// Biểu quyết → Ký → Đánh giá. The stages only show progress; every rule
// behind them (what is complete, what passed) comes from meetings.View.
type step struct {
	Key   string // prep, notice, attendance, minutes, vote, sign, evaluate
	State string // done, current, todo, off (not available yet)
	Href  string
}

// Label is the catalog key of the step's name.
func (s step) Label() string { return "web.meeting.step." + s.Key }

// Action is the catalog key of the button that does the step.
func (s step) Action() string { return "web.meeting.next." + s.Key }

// meetingPage is what every meeting screen receives.
type meetingPage struct {
	V      meetings.View
	Steps  []step
	Next   *step // the one next action, nil when there is nothing to do
	Edit   bool  // the user may change the meeting
	Today  party.Date
	Future bool // the meeting's day is still to come
	Base   string
}

// ID is the meeting's id as a path segment.
func (p meetingPage) ID() string { return strconv.FormatInt(p.V.Meeting.ID, 10) }

// voteNeeded says whether this meeting's minutes need a vote: the core's
// completeness asks for one on a regular meeting, and on any meeting
// whose minutes hold a resolution.
func voteNeeded(v meetings.View) bool {
	return v.Meeting.Kind == party.ThuongKy || v.Content.Resolution != ""
}

// prepDone reports whether the preparation checklist (without the
// notice, which is its own step) is done.
func prepDone(v meetings.View) bool {
	for _, s := range v.Checklist {
		if s.Key != "notice" && !s.Done {
			return false
		}
	}
	return true
}

// meetingSteps lays out the steps of a meeting and picks the next one: on
// a day still to come, preparing and notifying; from the day on, the roll
// call, the minutes, the vote and the signature, in that order.
func meetingSteps(v meetings.View, today party.Date) ([]step, *step) {
	base := "/meetings/" + strconv.FormatInt(v.Meeting.ID, 10)
	held := v.Held() && v.Attendance.Complete()
	steps := []step{
		{Key: "prep", Href: base + "#prep"},
		{Key: "notice", Href: base + "#notice"},
		{Key: "attendance", Href: base + "/attendance"},
		{Key: "minutes", Href: base + "/minutes"},
		{Key: "vote", Href: base + "/votes"},
		{Key: "sign", Href: base + "/sign"},
		{Key: "evaluate", Href: base + "/evaluation"}, // quality_evaluation.go
	}
	done := map[string]bool{
		"prep":       prepDone(v),
		"notice":     !v.Meeting.Prep.NoticeSentAt.IsZero(),
		"attendance": held,
		"minutes":    v.HasMinutes,
		"vote":       v.Voting.Recorded,
		"sign":       v.Locked(),
	}
	next := ""
	switch {
	case v.Locked():
	case !v.Held() && v.Meeting.Date.After(today):
		if !done["prep"] {
			next = "prep"
		} else if !done["notice"] {
			next = "notice"
		}
	case !held:
		next = "attendance"
	case !done["minutes"]:
		next = "minutes"
	case voteNeeded(v) && !done["vote"]:
		next = "vote"
	default:
		next = "sign"
	}
	var nx *step
	for i := range steps {
		st := &steps[i]
		switch {
		case st.Key == "evaluate":
			st.State = "off"
			if v.Held() {
				st.State = "todo"
			}
		case st.Key == next:
			st.State = "current"
			nx = st
		case done[st.Key]:
			st.State = "done"
		default:
			st.State = "todo"
		}
	}
	if !v.Held() {
		// Before the roll call there are no minutes, vote, signature or
		// evaluation. (Once signed, the screens stay reachable: they show
		// the record read-only, and the signature screen its amendments.)
		for i := range steps {
			switch steps[i].Key {
			case "minutes", "vote", "sign", "evaluate":
				steps[i].Href = ""
			}
		}
	}
	return steps, nx
}

// loadPage loads a meeting with its figures (computed by the core) and
// what the user may do with it.
func (s *Server) loadPage(r *http.Request, c *Ctx, id int64) (meetingPage, error) {
	v, err := s.meetings.Load(r.Context(), id)
	if err != nil {
		return meetingPage{}, err
	}
	return s.pageOf(r, c, v), nil
}

func (s *Server) pageOf(r *http.Request, c *Ctx, v meetings.View) meetingPage {
	today := s.orgs.Today()
	p := meetingPage{V: v, Today: today, Future: v.Meeting.Date.After(today), Base: s.baseURL(r),
		Edit: auth.Can(c.P, auth.EditMeetings, auth.Target{OrgPath: v.Org.Path})}
	p.Steps, p.Next = meetingSteps(v, today)
	if !p.Edit {
		// The screens of the steps are the secretary's.
		for i := range p.Steps {
			p.Steps[i].Href = ""
		}
		p.Next = nil
	}
	return p
}

// meetingCrumbs is the trail of a meeting: its cell's ancestors, the cell,
// its calendar, the meeting, and the screen.
func (s *Server) meetingCrumbs(r *http.Request, c *Ctx, v meetings.View, screen string) []Crumb {
	var crumbs []Crumb
	_ = s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		crumbs, err = s.orgCrumbs(r, c, tx, v.Org.Org)
		return err
	})
	if len(crumbs) > 0 {
		crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(v.Org.ID, 10)
	}
	title := meetingTitle(c, v.Meeting)
	if screen == "" {
		return append(crumbs, Crumb{Label: title})
	}
	return append(crumbs, Crumb{Label: title, Href: "/meetings/" + strconv.FormatInt(v.Meeting.ID, 10)}, Crumb{Label: c.T(screen)})
}

// meetingTitle names a meeting: "Sinh hoạt thường kỳ tháng 6/2026".
func meetingTitle(c *Ctx, m store.Meeting) string {
	return c.T("web.meeting.title", m.Kind.Label(), m.Period)
}

// baseURL is the public address of the application: the configured one,
// or the address the request came to.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if r.TLS != nil || s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// parseForm reads a submitted form, answering the error itself.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request, c *Ctx) bool {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return false
	}
	return true
}

// isHX reports whether htmx sent the request.
func isHX(r *http.Request) bool { return r.Header.Get("HX-Request") == "true" }

// WeekdayKey names the meeting's day of the week ("thứ Sáu"): older
// secretaries find a meeting by its weekday as much as by its date.
func (p meetingPage) WeekdayKey() string {
	return "web.weekday." + strconv.Itoa(int(p.V.Meeting.Date.Time().Weekday()))
}

// StatusClass is the colour of the meeting's status badge.
func (p meetingPage) StatusClass() string {
	switch p.V.Meeting.Status {
	case party.DaThongBao:
		return "badge-blue"
	case party.DaHop:
		return "badge-amber"
	case party.DaKy:
		return "badge-green"
	}
	return ""
}
