package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// cellMonth is the card of a cell's page (UX.md, "Home"): this month's
// regular meeting with its steps and the one next action, and the
// quarter's thematic meeting.
type cellMonth struct {
	Org      store.OrgRow
	Month    meetings.MonthSlot
	Quarter  meetings.QuarterSlot
	Page     *meetingPage // the month's regular meeting, nil when none is planned
	Thematic *store.Meeting
	Mine     bool // the user runs this cell: "Chi bộ của tôi"
	Edit     bool
	DaysLeft int // days left in the quarter, today included
	Today    party.Date
	HasBook  bool // some meeting of the year was held: the minute book can be printed
}

// heldAny reports whether one of the calendar's meetings was held.
func heldAny(cal meetings.Calendar) bool {
	held := func(ms []store.Meeting) bool {
		for _, m := range ms {
			if m.Status == party.DaHop || m.Status == party.DaKy {
				return true
			}
		}
		return false
	}
	for _, m := range cal.Months {
		if held(m.Regular) || held(m.Others) {
			return true
		}
	}
	for _, q := range cal.Quarters {
		if held(q.Thematic) {
			return true
		}
	}
	return false
}

// cellMonthOf builds the card of a cell for today's month.
func (s *Server) cellMonthOf(r *http.Request, c *Ctx, o store.OrgRow) (*cellMonth, error) {
	today := s.orgs.Today()
	cal, err := s.meetings.YearCalendar(r.Context(), o.ID, today.Year())
	if err != nil {
		return nil, err
	}
	d := &cellMonth{Org: o, Today: today, Month: cal.Months[today.Month()-1], Quarter: cal.Quarters[(today.Month()-1)/3],
		Mine: c.P.Role == auth.RoleSecretary && c.P.OrgID == o.ID,
		Edit: auth.Can(c.P, auth.EditMeetings, auth.Target{OrgPath: o.Path})}
	d.DaysLeft = today.DaysUntil(d.Quarter.Period.Last()) + 1
	d.HasBook = heldAny(cal)
	if len(d.Month.Regular) > 0 {
		p, err := s.loadPage(r, c, d.Month.Regular[0].ID)
		if err != nil {
			return nil, err
		}
		d.Page = &p
	}
	for i := range d.Quarter.Thematic {
		// The one held if any (the card says when), else the last planned.
		if m := &d.Quarter.Thematic[i]; d.Thematic == nil || d.Thematic.Status != party.DaHop && d.Thematic.Status != party.DaKy {
			d.Thematic = m
		}
	}
	return d, nil
}

type calendarData struct {
	Org        store.OrgRow
	Cal        meetings.Calendar
	Today      party.Date
	Edit       bool
	Prev, Next int
	FeedHTTPS  string
	FeedWebcal template.URL // webcal: is not among the schemes html/template trusts
	Others     []store.Meeting
	HasBook    bool
	Planned    int // how many meetings "Lập lịch cả năm" just planned; -1 when it was not used
}

// yearParam reads ?year=, today's year when absent or out of range.
func yearParam(r *http.Request, today party.Date) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 1990 || y > today.Year()+2 {
		return today.Year()
	}
	return y
}

// calendarShow is a cell's year: every month's regular meeting and its
// compliance (đúng hạn, trễ hạn, không họp, chưa đến hạn) as the core
// judges it, the quarters' thematic meetings, the extraordinary ones, and
// the calendar address for phones.
func (s *Server) calendarShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	today := s.orgs.Today()
	d := calendarData{Today: today}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if !d.Org.IsCell() {
			return party.RuleError("meeting.org_not_cell", d.Org.Name)
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	year := yearParam(r, today)
	if err == nil {
		d.Cal, err = s.meetings.YearCalendar(ctx, d.Org.ID, year)
	}
	var token string
	if err == nil {
		token, err = s.meetings.FeedToken(ctx, d.Org.ID, 0)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.Edit = auth.Can(c.P, auth.EditMeetings, auth.Target{OrgPath: d.Org.Path})
	d.Prev, d.Next = year-1, year+1
	d.Planned = -1
	if n, err := strconv.Atoi(r.URL.Query().Get("planned")); err == nil && n >= 0 {
		d.Planned = n
	}
	d.FeedHTTPS, d.FeedWebcal = feedURLs(s.baseURL(r), token)
	for _, m := range d.Cal.Months {
		d.Others = append(d.Others, m.Others...)
	}
	d.HasBook = heldAny(d.Cal)
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	crumbs = append(crumbs, Crumb{Label: c.T("web.meeting.calendar.title", strconv.Itoa(year))})
	s.render(w, r, http.StatusOK, "meeting_calendar", View{Title: c.T("web.meeting.calendar.title", strconv.Itoa(year)) + " · " + d.Org.Name, Nav: "orgs", Crumbs: crumbs, Data: d})
}

// feedURLs gives the address of a calendar feed for copying (https) and
// for phones to subscribe to (webcal).
func feedURLs(base, token string) (https string, webcal template.URL) {
	https = strings.TrimRight(base, "/") + "/ical/" + token + ".ics"
	_, rest, _ := strings.Cut(https, "://")
	return https, template.URL("webcal://" + rest)
}

// calendarPlanYear plans the year's missing regular meetings on the
// cell's usual day, time and place.
func (s *Server) calendarPlanYear(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	today := s.orgs.Today()
	year, err := strconv.Atoi(r.PostForm.Get("year"))
	if err != nil || year < today.Year() || year > today.Year()+1 {
		year = today.Year()
	}
	id := pathID(r, "id")
	n, err := s.meetings.PlanYear(r.Context(), c.Actor(), id, year)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	redirect(w, r, "/orgs/"+strconv.FormatInt(id, 10)+"/calendar?year="+strconv.Itoa(year)+"&planned="+strconv.Itoa(n))
}
