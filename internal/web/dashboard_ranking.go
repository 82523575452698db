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

// The ranking of units with the parts of their score, commendation
// decisions and reminders to units, with their follow-up (DOMAIN.md §10).

type partCell struct {
	Rate, Points string
	Known        bool
}

type rankRow struct {
	ID        int64
	Rank      int
	Name      string
	Href      string
	Score     string
	Known     bool
	Parts     []partCell
	Penalty   string
	Flags     int
	Proposal  string
	Checked   bool
	Commended bool
}

type followRow struct {
	oversight.UnitReminderView
	KindLabel string
	Before    string
	After     string
	Since     string
	Status    string
	Class     string
}

type commendationRow struct {
	store.Commendation
	FormLabel string
	Range     string
}

type rankingPage struct {
	RK           oversight.Ranking
	Bad          bool
	RangeLabel   string
	Nav          periodNav
	Rows         []rankRow
	PartKeys     []string
	WeightsFrom  string
	CanManage    bool
	Forms        [][2]string
	Kinds        [][2]string
	Commended    []commendationRow
	Reminders    []followRow
	Year         bool
	Back         string
	WeightsForm  *Form
	CommendForm  *Form
	DefaultDate  string
	WeightsLimit [2]int
	WeightKeys   []string
	Provisional  bool // the range is not over: proposals are provisional
}

// rankingShow is the ranking of an organization's units.
func (s *Server) rankingShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderRanking(w, r, c, http.StatusOK, nil, nil)
}

// renderRanking draws the ranking page, with a form sent back with its
// messages when one was refused.
func (s *Server) renderRanking(w http.ResponseWriter, r *http.Request, c *Ctx, status int, wf, cf *Form) {
	ctx := r.Context()
	id := pathID(r, "id")
	q := r.URL.Query()
	f := NewForm(url.Values{"from": {q.Get("from")}, "to": {q.Get("to")}})
	d := rankingPage{}
	rng, err := s.rangeOf(r)
	if err != nil {
		f.SetError(c, err)
		d.Bad, status = true, statusOf(party.ErrorCode(err))
		rng = oversight.Year(s.ovToday().Year())
	}
	if f.Get("from") == "" && f.Get("to") == "" {
		f.Values.Set("from", vnMonth(rng.From))
		f.Values.Set("to", vnMonth(rng.To))
	}
	if d.RK, err = s.ovs.Ranking(ctx, id, rng); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if d.Bad {
		d.RK.Empty = true
	}
	base := fmt.Sprintf("/orgs/%d/ranking", id)
	d.Nav = newPeriodNav(c, base, rng, s.ovToday())
	d.RangeLabel = rangeLabel(c, rng)
	d.Back = base + "?" + rng.Query()
	d.CanManage = auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: d.RK.Org.Path}) && !d.RK.Org.IsCell()
	_, kind := rng.Whole()
	d.Year = kind == "year"
	d.Provisional = !s.ovToday().After(rng.To.Last())
	d.PartKeys = []string{oversight.PartOnTime, oversight.PartThematic, oversight.PartAttendance, oversight.PartTot}
	d.WeightsLimit = [2]int{oversight.MaxWeight, oversight.MaxFlagWeight}
	d.WeightKeys = []string{"on_time", "thematic", "attendance", "tot", "flags"}
	for _, fm := range oversight.CommendationForms {
		d.Forms = append(d.Forms, [2]string{fm, c.T("oversight.commend.form." + fm)})
	}
	for _, k := range oversight.UnitReminderKinds {
		d.Kinds = append(d.Kinds, [2]string{k, c.T("web.oversight.unit_kind." + k)})
	}
	var crumbs []Crumb
	err = s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if crumbs, err = s.overviewCrumbs(r, c, tx, d.RK.Org); err != nil {
			return err
		}
		if d.RK.WeightsOf != 0 {
			o, err := tx.Org(ctx, d.RK.WeightsOf)
			if err != nil {
				return err
			}
			d.WeightsFrom = o.Name
		}
		return nil
	})
	if err == nil {
		var list []store.Commendation
		if list, err = s.ovs.Commendations(ctx, id, 50); err == nil {
			for _, cm := range list {
				d.Commended = append(d.Commended, commendationRow{Commendation: cm, FormLabel: c.T("oversight.commend.form." + cm.Form),
					Range: rangeOfStrings(c, cm.From, cm.To)})
			}
		}
	}
	if err == nil {
		var rems []oversight.UnitReminderView
		if rems, err = s.ovs.UnitReminders(ctx, id, 50); err == nil {
			for _, rm := range rems {
				d.Reminders = append(d.Reminders, followRowOf(c, rm))
			}
		}
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	checked := map[int64]bool{}
	if cf != nil {
		for _, v := range cf.Values["units"] {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				checked[n] = true
			}
		}
	}
	for _, u := range d.RK.Units {
		row := rankRow{ID: u.Org.ID, Rank: u.Rank, Name: u.Org.Name, Score: scoreText(c, u.Score), Known: u.Score.Known, Flags: u.Score.Flags,
			Penalty: decimal1(c, u.Score.Penalty), Checked: checked[u.Org.ID]}
		if u.IsCell {
			row.Href = calendarHref(u.Org.ID, rng.To.Year)
		} else {
			row.Href = overviewHref(u.Org.ID, rng)
		}
		for _, p := range u.Score.Parts {
			row.Parts = append(row.Parts, partCell{Rate: rateText(c, p.Rate), Points: decimal1(c, p.Points), Known: p.Rate.Known})
		}
		if d.Year && u.Score.Known {
			row.Proposal = c.Msg(party.RatingForScore(u.Score.Value).Label())
		}
		d.Rows = append(d.Rows, row)
	}
	if wf == nil {
		w0 := d.RK.Weights
		wf = NewForm(url.Values{"on_time": {strconv.Itoa(w0.OnTime)}, "thematic": {strconv.Itoa(w0.Thematic)}, "attendance": {strconv.Itoa(w0.Attendance)},
			"tot": {strconv.Itoa(w0.Tot)}, "flags": {strconv.Itoa(w0.Flags)}})
	}
	if cf == nil {
		cf = NewForm(url.Values{"decided_on": {s.ovToday().VN()}, "form": {"giay_khen"}})
	}
	d.WeightsForm, d.CommendForm = wf, cf
	s.render(w, r, status, "dashboard_ranking", View{Title: c.T("web.oversight.ranking.title", d.RK.Org.Name), Nav: "overview", Crumbs: crumbs, Form: f, Data: d})
}

// rangeOfStrings names a stored range ("2026-01".."2026-06").
func rangeOfStrings(c *Ctx, from, to string) string {
	f, err1 := party.ParsePeriod(from)
	t, err2 := party.ParsePeriod(to)
	if err1 != nil || err2 != nil {
		return from + " – " + to
	}
	return rangeLabel(c, oversight.Range{From: f, To: t})
}

// followRowOf writes a reminder's follow-up for people.
func followRowOf(c *Ctx, rm oversight.UnitReminderView) followRow {
	fr := followRow{UnitReminderView: rm, KindLabel: c.T("web.oversight.unit_kind." + rm.Kind), Before: decimal1(c, rm.Score)}
	switch rm.Follow {
	case oversight.FollowImproved:
		fr.Status, fr.Class = c.T("web.oversight.follow.improved"), "badge-green"
	case oversight.FollowNotImproved:
		fr.Status, fr.Class = c.T("web.oversight.follow.not_improved"), "badge-red"
	default:
		fr.Status, fr.Class = c.T("web.oversight.follow.no_data"), ""
	}
	if rm.AfterScore.Known {
		fr.After = decimal1(c, rm.AfterScore.Value)
		fr.Since = rangeLabel(c, rm.Since)
	}
	return fr
}

// weightsSave stores a board's weights.
func (s *Server) weightsSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	wt, err := weightsOfForm(r)
	if err == nil {
		err = s.ovs.SetWeights(r.Context(), c.Actor(), pathID(r, "id"), wt)
	}
	if err != nil {
		f := NewForm(r.PostForm)
		f.SetError(c, err)
		s.rankingAgain(w, r, c, err, f, nil)
		return
	}
	s.flash(w, "web.oversight.weights.saved")
	redirect(w, r, backTo(r, fmt.Sprintf("/orgs/%d/ranking", pathID(r, "id"))))
}

// rankingAgain shows the ranking page again for the period the form came
// from, with the refused form and its messages.
func (s *Server) rankingAgain(w http.ResponseWriter, r *http.Request, c *Ctx, err error, wf, cf *Form) {
	if u, perr := url.Parse(backTo(r, "")); perr == nil {
		r.URL.RawQuery = u.RawQuery
	}
	s.renderRanking(w, r, c, statusOf(party.ErrorCode(err)), wf, cf)
}

// weightsOfForm reads the weights typed; a number that is not one is
// refused beside its field.
func weightsOfForm(r *http.Request) (oversight.Weights, error) {
	f := party.FieldErrors{}
	get := func(k string) int {
		v := strings.TrimSpace(r.PostForm.Get(k))
		n, err := strconv.Atoi(v)
		if err != nil {
			f.Add(k, "web.oversight.weights.not_number", v)
		}
		return n
	}
	wt := oversight.Weights{OnTime: get("on_time"), Thematic: get("thematic"), Attendance: get("attendance"), Tot: get("tot"), Flags: get("flags")}
	if len(f) > 0 {
		return wt, f.Err()
	}
	return wt, nil
}

// commendCreate records a commendation decision for the units ticked.
func (s *Server) commendCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	in := oversight.CommendInput{OrgID: pathID(r, "id"), Number: r.PostForm.Get("number"), Form: r.PostForm.Get("form"), Content: r.PostForm.Get("content")}
	fe := party.FieldErrors{}
	var err error
	if in.DecidedOn, err = party.ParseVN(r.PostForm.Get("decided_on")); err != nil {
		fe.Add("decided_on", "oversight.commend.date_required")
	}
	for _, v := range r.PostForm["units"] {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			in.UnitIDs = append(in.UnitIDs, n)
		}
	}
	if in.Range, err = oversight.ParseRange(r.PostForm.Get("from"), r.PostForm.Get("to"), s.ovToday()); err != nil {
		fe.Add("from", "web.oversight.period.bad_form")
	}
	if len(fe) > 0 {
		err = fe.Err()
	} else {
		_, err = s.ovs.Commend(r.Context(), c.Actor(), in)
	}
	if err != nil {
		f := NewForm(r.PostForm)
		f.SetError(c, err)
		s.rankingAgain(w, r, c, err, nil, f)
		return
	}
	s.flash(w, "web.oversight.commend.saved")
	redirect(w, r, backTo(r, fmt.Sprintf("/orgs/%d/ranking", in.OrgID)))
}

// unitRemindCreate records a reminder to a unit (the "Nhắc nhở" buttons of
// the overview and the ranking).
func (s *Server) unitRemindCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	unit, _ := strconv.ParseInt(r.PostForm.Get("unit"), 10, 64)
	in := oversight.UnitReminderInput{OrgID: pathID(r, "id"), UnitID: unit, Kind: r.PostForm.Get("kind"), Reason: r.PostForm.Get("reason")}
	var err error
	if in.Range, err = oversight.ParseRange(r.PostForm.Get("from"), r.PostForm.Get("to"), s.ovToday()); err == nil {
		_, err = s.ovs.RemindUnit(r.Context(), c.Actor(), in)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.flash(w, "web.oversight.unit_reminder.saved")
	redirect(w, r, backTo(r, fmt.Sprintf("/orgs/%d/overview", in.OrgID)))
}
