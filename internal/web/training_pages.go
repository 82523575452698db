package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/training"
)

type courseListData struct {
	Org     store.OrgRow
	Courses []store.Course
	Today   party.Date
}

// courseList is the courses organized within an organization's subtree.
func (s *Server) courseList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := courseListData{Today: s.civilToday()}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, s.listOrgID(r, c)); err != nil {
			return err
		}
		d.Courses, err = tx.CoursesUnder(ctx, d.Org.Path, party.Date{}, party.Date{}, 300)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_list", View{Title: c.T("web.training.title"), Nav: "training",
		Crumbs: []Crumb{{Label: d.Org.Name, Href: "/orgs/" + strconv.FormatInt(d.Org.ID, 10)}, {Label: c.T("web.training.title")}}, Data: d})
}

type courseFormData struct {
	Org    store.OrgRow
	Course store.Course
	New    bool
	Roles  [][2]string
}

func targetRoleOptions(c *Ctx) [][2]string {
	out := make([][2]string, len(training.TargetRoles))
	for i, r := range training.TargetRoles {
		out[i] = [2]string{r, c.T("training.role." + r)}
	}
	return out
}

func courseToForm(cs store.Course) *Form {
	v := url.Values{"title": {cs.Title}, "starts_on": {cs.StartsOn.VN()}, "ends_on": {cs.EndsOn.VN()}, "place": {cs.Place},
		"outline": {cs.Outline}, "target_roles": cs.TargetRoles, "version": {strconv.FormatInt(cs.Version, 10)}}
	if cs.Capacity > 0 {
		v.Set("capacity", strconv.Itoa(cs.Capacity))
	}
	return NewForm(v)
}

// courseFromForm reads the course form; dates are dd/mm/yyyy text and a
// date or number that does not parse is reported beside its field.
func courseFromForm(f *Form) (training.Input, party.FieldErrors) {
	fe := party.FieldErrors{}
	date := func(name string) party.Date {
		d, err := party.ParseVN(f.Get(name))
		if e, ok := party.AsError(err); ok {
			fe[name] = e.Msg
		}
		return d
	}
	in := training.Input{Title: f.Get("title"), StartsOn: date("starts_on"), EndsOn: date("ends_on"), Place: f.Get("place"),
		Outline: f.Get("outline"), TargetRoles: f.Values["target_roles"], Version: atoi64(f.Get("version"))}
	if v := strings.TrimSpace(f.Get("capacity")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fe.Add("capacity", "training.capacity_invalid", v)
		}
		in.Capacity = n
	}
	return in, fe
}

func (s *Server) renderCourseForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, orgID, courseID int64, f *Form) {
	ctx := r.Context()
	d := courseFormData{New: courseID == 0, Roles: targetRoleOptions(c)}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if courseID != 0 {
			if d.Course, err = tx.Course(ctx, courseID, false); err != nil {
				return err
			}
			orgID = d.Course.OrganizerID
		}
		d.Org, err = tx.Org(ctx, orgID)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	title := c.T("web.training.new")
	crumbs := []Crumb{{Label: c.T("web.training.title"), Href: "/training?org=" + strconv.FormatInt(d.Org.ID, 10)}}
	if !d.New {
		title = c.T("web.training.edit")
		crumbs = append(crumbs, Crumb{Label: d.Course.Title, Href: "/training/" + strconv.FormatInt(courseID, 10)})
	}
	crumbs = append(crumbs, Crumb{Label: title})
	s.render(w, r, status, "training_form", View{Title: title, Nav: "training", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) courseNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderCourseForm(w, r, c, http.StatusOK, s.listOrgID(r, c), 0, NewForm(url.Values{"target_roles": {"bi_thu"}}))
}

func (s *Server) courseCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	org := s.listOrgID(r, c)
	f := NewForm(r.PostForm)
	in, fe := courseFromForm(f)
	in.OrganizerID = org
	err := fe.Err()
	var id int64
	if err == nil {
		id, err = s.courses().Create(r.Context(), c.Actor(), in)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderCourseForm(w, r, c, statusOf(party.ErrorCode(err)), org, 0, f)
		return
	}
	s.flash(w, "web.training.created")
	redirect(w, r, "/training/"+strconv.FormatInt(id, 10))
}

func (s *Server) courseEdit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	cs, _, err := s.courses().Get(r.Context(), pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderCourseForm(w, r, c, http.StatusOK, 0, cs.ID, courseToForm(cs))
}

func (s *Server) courseSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	id := pathID(r, "id")
	f := NewForm(r.PostForm)
	in, fe := courseFromForm(f)
	err := fe.Err()
	if err == nil {
		err = s.courses().Update(r.Context(), c.Actor(), id, in)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderCourseForm(w, r, c, statusOf(party.ErrorCode(err)), 0, id, f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/training/"+strconv.FormatInt(id, 10))
}

type courseShowData struct {
	Course       store.Course
	Participants []store.Participant
	Candidates   [][2]string // members who may be enrolled (officers first)
	Results      [][2]string
	Today        party.Date
	Started      bool
}

func resultOptions(c *Ctx) [][2]string {
	out := make([][2]string, len(training.Results))
	for i, r := range training.Results {
		out[i] = [2]string{r, c.T("training.result." + r)}
	}
	return out
}

func (s *Server) courseShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderCourseShow(w, r, c, http.StatusOK, nil)
}

// renderCourseShow is a course with its participants: a line per
// participant to record the result and the certificate, and a choice of
// the officers under the organizer to enrol.
func (s *Server) renderCourseShow(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	today := s.civilToday()
	d := courseShowData{Results: resultOptions(c), Today: today}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Course, err = tx.Course(ctx, pathID(r, "id"), false); err != nil {
			return err
		}
		if d.Participants, err = tx.Participants(ctx, d.Course.ID); err != nil {
			return err
		}
		in := map[int64]bool{}
		for _, p := range d.Participants {
			in[p.MemberID] = true
		}
		officers, err := training.OfficersTx(ctx, tx, d.Course.OrganizerPath, today, party.Date{}, party.Date{})
		if err != nil {
			return err
		}
		for _, o := range officers {
			if in[o.MemberID] || len(d.Candidates) >= 1000 {
				continue
			}
			label := o.FullName + " — " + c.T("member.role."+string(o.Roles[0]))
			if !o.Trained {
				label += " · " + c.T("web.training.never_trained")
			}
			d.Candidates = append(d.Candidates, [2]string{strconv.FormatInt(o.MemberID, 10), label})
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.Started = !today.Before(d.Course.StartsOn)
	if f == nil {
		v := url.Values{}
		for _, p := range d.Participants {
			id := strconv.FormatInt(p.MemberID, 10)
			v.Set("result_"+id, p.Result)
			v.Set("certificate_"+id, p.Certificate)
		}
		f = NewForm(v)
	}
	crumbs := []Crumb{{Label: c.T("web.training.title"), Href: "/training?org=" + strconv.FormatInt(d.Course.OrganizerID, 10)}, {Label: d.Course.Title}}
	s.render(w, r, status, "training_show", View{Title: d.Course.Title, Nav: "training", Crumbs: crumbs, Form: f, Data: d})
}

// courseParticipants saves the participants' form: members ticked to
// enrol, and for each participant the result, the certificate number, or
// removal. All lines are saved or none.
func (s *Server) courseParticipants(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	id := pathID(r, "id")
	f := NewForm(r.PostForm)
	var entries []training.Entry
	fields := map[int]string{} // entry index → member id, to put messages beside the right line
	for _, m := range atoi64s(f.Values["member_id"]) {
		ms := strconv.FormatInt(m, 10)
		fields[len(entries)] = ms
		entries = append(entries, training.Entry{MemberID: m, Result: f.Get("result_" + ms), Certificate: f.Get("certificate_" + ms),
			Remove: f.Get("remove_"+ms) != ""})
	}
	for _, m := range atoi64s(f.Values["enrol"]) {
		fields[len(entries)] = strconv.FormatInt(m, 10)
		entries = append(entries, training.Entry{MemberID: m})
	}
	err := s.courses().SetParticipants(r.Context(), c.Actor(), id, entries)
	if err != nil {
		// entries.3.result → result_<member>, beside the participant's line.
		if e, ok := party.AsError(err); ok && len(e.Fields) > 0 {
			moved := map[string]party.Msg{}
			for k, m := range e.Fields {
				parts := strings.Split(k, ".")
				if len(parts) == 3 {
					if i, err := strconv.Atoi(parts[1]); err == nil && fields[i] != "" {
						k = parts[2] + "_" + fields[i]
					}
				}
				moved[k] = m
			}
			err = &party.Error{Code: e.Code, Msg: e.Msg, Fields: moved}
		}
		f.SetError(c, err)
		s.renderCourseShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/training/"+strconv.FormatInt(id, 10))
}

type untrainedData struct {
	training.Untrained
	Up    *store.OrgRow
	Today party.Date
}

// untrainedShow is who among the current secretaries, deputies and
// committee members is still untrained, per organization.
func (s *Server) untrainedShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := untrainedData{Today: s.civilToday()}
	var err error
	d.Untrained, err = s.courses().Untrained(ctx, s.listOrgID(r, c), d.Today)
	if err == nil && d.Org.ParentID != 0 {
		err = s.db.View(ctx, func(tx *store.Tx) error {
			up, err := tx.Org(ctx, d.Org.ParentID)
			if err == nil && auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: up.Path}) {
				d.Up = &up
			}
			return err
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_untrained", View{Title: c.T("web.training.untrained_title"), Nav: "training",
		Crumbs: []Crumb{{Label: d.Org.Name, Href: "/orgs/" + strconv.FormatInt(d.Org.ID, 10)}, {Label: c.T("web.training.untrained_title")}}, Data: d})
}

type memberTrainingData struct {
	MemberID int64
	Name     string
	Records  []store.TrainingRecord
}

// memberTraining is a member's training history: the box on their
// profile (loaded by htmx) or a page of its own without JavaScript.
func (s *Server) memberTraining(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := memberTrainingData{MemberID: pathID(r, "id")}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, d.MemberID)
		if err != nil {
			return err
		}
		d.Name = m.FullName
		d.Records, err = tx.TrainingHistory(ctx, d.MemberID)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	v := View{Title: c.T("web.training.history") + " · " + d.Name, Nav: "members",
		Crumbs: []Crumb{{Label: d.Name, Href: memberPageHref(d.MemberID)}, {Label: c.T("web.training.history")}}, Data: d}
	if isHX(r) {
		s.renderBlock(w, r, http.StatusOK, "training_history", "traininghistory", v)
		return
	}
	s.render(w, r, http.StatusOK, "training_history", v)
}
