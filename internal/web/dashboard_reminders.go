package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// The reminders sent by the background jobs about the cells under an
// organization ("đã nhắc": who, what, level, when), and the schedule of
// escalation (administrators change it here).

type reminderRow struct {
	oversight.SentReminder
	LevelLabel string
	KindLabel  string
	To         string
}

type remindersPage struct {
	Org       store.OrgRow
	Rows      []reminderRow
	Schedule  oversight.Schedule
	Levels    []string
	IsAdmin   bool
	Sched     *Form
	FollowURL string
}

// remindersShow lists the reminders sent about the cells under an
// organization, newest first.
func (s *Server) remindersShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderReminders(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderReminders(w http.ResponseWriter, r *http.Request, c *Ctx, status int, sf *Form) {
	ctx := r.Context()
	id := pathID(r, "id")
	var d remindersPage
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, id); err != nil {
			return err
		}
		crumbs, err = s.overviewCrumbs(r, c, tx, d.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.ovs.SentUnder(ctx, id, 300)
	if err == nil {
		d.Schedule, err = s.ovs.Schedule(ctx)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	for _, rm := range list {
		d.Rows = append(d.Rows, reminderRow{SentReminder: rm, LevelLabel: c.T("web.oversight.level." + strconv.Itoa(rm.Level)),
			KindLabel: c.T("web.oversight.kind." + rm.Kind), To: strings.Join(rm.To, ", ")})
	}
	for i, days := range d.Schedule.Escalate {
		level := c.T("web.oversight.level." + strconv.Itoa(i+1))
		if days == 0 {
			d.Levels = append(d.Levels, c.T("web.oversight.schedule.level_now", level))
		} else {
			d.Levels = append(d.Levels, c.T("web.oversight.schedule.level", level, days))
		}
	}
	d.IsAdmin = c.P.Role == auth.RoleAdmin
	if sf == nil {
		sf = NewForm(url.Values{"escalate": {d.Schedule.String()}, "unsigned": {strconv.Itoa(d.Schedule.UnsignedDays)}})
	}
	d.Sched = sf
	d.FollowURL = fmt.Sprintf("/orgs/%d/ranking", id)
	s.render(w, r, status, "dashboard_reminders", View{Title: c.T("web.oversight.reminders.title", d.Org.Name), Nav: "overview", Crumbs: crumbs, Data: d})
}

// scheduleSave stores the reminder schedule (administrators).
func (s *Server) scheduleSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	err := s.ovs.SetSchedule(r.Context(), c.Actor(), r.PostForm.Get("escalate"), r.PostForm.Get("unsigned"))
	back := backTo(r, "/overview")
	if err != nil {
		f := NewForm(r.PostForm)
		f.SetError(c, err)
		if u, perr := url.Parse(back); perr == nil && strings.HasPrefix(u.Path, "/orgs/") && strings.HasSuffix(u.Path, "/reminders") {
			id := strings.TrimSuffix(strings.TrimPrefix(u.Path, "/orgs/"), "/reminders")
			r.SetPathValue("id", id)
			if _, perr := strconv.ParseInt(id, 10, 64); perr == nil {
				s.renderReminders(w, r, c, statusOf(party.ErrorCode(err)), f)
				return
			}
		}
		s.fail(w, r, c, err)
		return
	}
	s.flash(w, "web.oversight.schedule.saved")
	redirect(w, r, back)
}
