package web

import (
	"net/http"
	"net/url"
	"strconv"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

type meetingPlanData struct {
	Org    store.OrgRow
	Kinds  [][2]string
	Period party.Period // the obligation the meeting is planned for, zero when the date decides
}

// usualDayIn is the cell's usual meeting day ("ngày 5 hằng tháng") in a
// month.
func usualDayIn(o store.OrgRow, p party.Period) party.Date {
	day := o.UsualDay
	if day < 1 || day > 28 {
		day = 5
	}
	return party.D(p.Year, p.Month, day)
}

// periodFor reads a requested period and keeps it only when it fits the
// kind: a month for regular and extraordinary meetings, a quarter for
// thematic ones.
func periodFor(k party.MeetingKind, s string) party.Period {
	p, err := party.ParsePeriod(s)
	if err != nil || (k == party.ChuyenDe) != p.IsQuarter() {
		return party.Period{}
	}
	return p
}

// planDefaults pre-fills the plan form from the cell's usual day, time and
// place in the requested period.
func planDefaults(o store.OrgRow, k party.MeetingKind, p party.Period, today party.Date) url.Values {
	var d party.Date
	switch {
	case p.IsMonth():
		d = usualDayIn(o, p)
	case p.IsQuarter():
		for _, m := range p.Months() {
			if d = usualDayIn(o, m); !d.Before(today) {
				break
			}
		}
		if d.Before(today) && p.Contains(today) {
			d = today // the usual days of the quarter are past: the quarter is not
		}
	case k == party.BatThuong:
		d = today
	default:
		d = usualDayIn(o, party.MonthOf(today))
		if d.Before(today) {
			d = usualDayIn(o, party.MonthOf(today).Next())
		}
	}
	at := o.UsualTime
	if _, _, ok := meetings.ParseTime(at); !ok {
		at = "19:30"
	}
	v := url.Values{"kind": {string(k)}, "date": {d.VN()}, "time": {at}, "place": {o.UsualPlace}}
	if !p.IsZero() {
		v.Set("period", p.String())
	}
	return v
}

// meetingNew is the plan form: kind, day (pre-filled from the cell's usual
// day in the requested month), time, place, topic.
func (s *Server) meetingNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	q := r.URL.Query()
	k := party.MeetingKind(q.Get("kind"))
	if !k.Valid() {
		k = party.ThuongKy
	}
	var o store.OrgRow
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		o, err = tx.Org(r.Context(), pathID(r, "id"))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	f := NewForm(planDefaults(o, k, periodFor(k, q.Get("period")), s.orgs.Today()))
	s.renderMeetingPlanForm(w, r, c, http.StatusOK, o.ID, f)
}

func (s *Server) renderMeetingPlanForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, orgID int64, f *Form) {
	d := meetingPlanData{Kinds: [][2]string{}}
	var crumbs []Crumb
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(r.Context(), orgID); err != nil {
			return err
		}
		if !d.Org.IsCell() {
			return party.RuleError("meeting.org_not_cell", d.Org.Name)
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	for _, k := range party.MeetingKinds {
		d.Kinds = append(d.Kinds, [2]string{string(k), c.Msg(k.Label())})
	}
	d.Period = periodFor(party.MeetingKind(f.Get("kind")), f.Get("period"))
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	crumbs = append(crumbs, Crumb{Label: c.T("web.meeting.new")})
	s.render(w, r, status, "meeting_new", View{Title: c.T("web.meeting.new"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

// meetingCreate plans the meeting and opens its page.
func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	k := party.MeetingKind(f.Get("kind"))
	p := meetings.Plan{OrgID: pathID(r, "id"), Kind: k, Time: f.Get("time"), Place: f.Get("place"), Topic: f.Get("topic"),
		Period: periodFor(k, f.Get("period")), Combined: f.Get("combined") != ""}
	d, err := party.ParseVN(f.Get("date"))
	var id int64
	if err != nil {
		err = fieldErr("date", err)
	} else {
		p.Date = d
		id, err = s.meetings.Plan(r.Context(), c.Actor(), p)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderMeetingPlanForm(w, r, c, statusOf(party.ErrorCode(err)), p.OrgID, f)
		return
	}
	s.flash(w, "web.meeting.created")
	redirect(w, r, "/meetings/"+strconv.FormatInt(id, 10))
}
