package web

import (
	"net/http"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/training"
)

type apiParticipant struct {
	MemberID    int64  `json:"member_id"`
	FullName    string `json:"full_name"`
	OrgID       int64  `json:"org_id"`
	Attended    bool   `json:"attended"`
	Result      string `json:"result"`
	Certificate string `json:"certificate"`
}

type apiCourse struct {
	ID            int64            `json:"id"`
	OrganizerID   int64            `json:"organizer_id"`
	OrganizerName string           `json:"organizer_name"`
	Title         string           `json:"title"`
	StartsOn      party.Date       `json:"starts_on"`
	EndsOn        party.Date       `json:"ends_on"`
	Place         string           `json:"place"`
	Outline       string           `json:"outline"`
	TargetRoles   []string         `json:"target_roles"`
	Capacity      int              `json:"capacity"`
	Enrolled      int              `json:"enrolled"`
	Participants  []apiParticipant `json:"participants,omitempty"`
	Version       int64            `json:"version"`
}

func toAPICourse(c store.Course, ps []store.Participant) apiCourse {
	a := apiCourse{ID: c.ID, OrganizerID: c.OrganizerID, OrganizerName: c.OrganizerName, Title: c.Title, StartsOn: c.StartsOn, EndsOn: c.EndsOn,
		Place: c.Place, Outline: c.Outline, TargetRoles: c.TargetRoles, Capacity: c.Capacity, Enrolled: c.Participants, Version: c.Version}
	if a.TargetRoles == nil {
		a.TargetRoles = []string{}
	}
	for _, p := range ps {
		a.Participants = append(a.Participants, apiParticipant{MemberID: p.MemberID, FullName: p.FullName, OrgID: p.OrgID, Attended: p.Attended,
			Result: p.Result, Certificate: p.Certificate})
	}
	return a
}

func (s *Server) apiCourseList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	out := []apiCourse{}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, s.listOrgID(r, c))
		if err != nil {
			return err
		}
		from, err := party.ParseISO(r.URL.Query().Get("from"))
		if err != nil {
			return fieldErr("from", err)
		}
		to, err := party.ParseISO(r.URL.Query().Get("to"))
		if err != nil {
			return fieldErr("to", err)
		}
		cs, err := tx.CoursesUnder(ctx, o.Path, from, to, 1000)
		for _, x := range cs {
			out = append(out, toAPICourse(x, nil))
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(r, out))
}

type apiCourseIn struct {
	OrganizerID int64    `json:"organizer_id"`
	Title       string   `json:"title"`
	StartsOn    string   `json:"starts_on"`
	EndsOn      string   `json:"ends_on"`
	Place       string   `json:"place"`
	Outline     string   `json:"outline"`
	TargetRoles []string `json:"target_roles"`
	Capacity    int      `json:"capacity"`
}

func (s *Server) apiCourseCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiCourseIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	fe := party.FieldErrors{}
	from, err := party.ParseISO(in.StartsOn)
	if e, ok := party.AsError(err); ok {
		fe["starts_on"] = e.Msg
	}
	to, err := party.ParseISO(in.EndsOn)
	if e, ok := party.AsError(err); ok {
		fe["ends_on"] = e.Msg
	}
	if err := fe.Err(); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.courses().Create(r.Context(), c.Actor(), training.Input{OrganizerID: in.OrganizerID, Title: in.Title, StartsOn: from, EndsOn: to,
		Place: in.Place, Outline: in.Outline, TargetRoles: in.TargetRoles, Capacity: in.Capacity})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeCourse(w, r, c, http.StatusCreated, id)
}

func (s *Server) writeCourse(w http.ResponseWriter, r *http.Request, c *Ctx, status int, id int64) {
	cs, ps, err := s.courses().Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, status, toAPICourse(cs, ps))
}

func (s *Server) apiCourseGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.writeCourse(w, r, c, http.StatusOK, pathID(r, "id"))
}

type apiCourseEntry struct {
	MemberID    int64  `json:"member_id"`
	Result      string `json:"result"`
	Certificate string `json:"certificate"`
	Remove      bool   `json:"remove"`
}

// apiCourseParticipants enrols members and records their results:
// {"entries":[{"member_id","result","certificate"}]}; entries not named
// are kept; all entries are saved or none.
func (s *Server) apiCourseParticipants(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Entries []apiCourseEntry `json:"entries"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	entries := make([]training.Entry, len(in.Entries))
	for i, e := range in.Entries {
		entries[i] = training.Entry{MemberID: e.MemberID, Result: e.Result, Certificate: e.Certificate, Remove: e.Remove}
	}
	id := pathID(r, "id")
	if err := s.courses().SetParticipants(r.Context(), c.Actor(), id, entries); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeCourse(w, r, c, http.StatusOK, id)
}

type apiTrainingRecord struct {
	CourseID      int64      `json:"course_id"`
	Title         string     `json:"title"`
	OrganizerName string     `json:"organizer_name"`
	StartsOn      party.Date `json:"starts_on"`
	EndsOn        party.Date `json:"ends_on"`
	Attended      bool       `json:"attended"`
	Result        string     `json:"result"`
	Certificate   string     `json:"certificate"`
}

func (s *Server) apiMemberTraining(w http.ResponseWriter, r *http.Request, c *Ctx) {
	recs, err := s.courses().History(r.Context(), pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []apiTrainingRecord{}
	for _, t := range recs {
		out = append(out, apiTrainingRecord{CourseID: t.Course.ID, Title: t.Course.Title, OrganizerName: t.Course.OrganizerName,
			StartsOn: t.Course.StartsOn, EndsOn: t.Course.EndsOn, Attended: t.Attended, Result: t.Result, Certificate: t.Certificate})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

type apiOrgTraining struct {
	OrgID     int64  `json:"org_id"`
	Name      string `json:"name"`
	Officers  int    `json:"officers"`
	Untrained int    `json:"untrained"`
}

type apiOfficer struct {
	MemberID int64    `json:"member_id"`
	FullName string   `json:"full_name"`
	OrgID    int64    `json:"org_id"`
	Roles    []string `json:"roles"`
}

func (s *Server) apiUntrained(w http.ResponseWriter, r *http.Request, c *Ctx) {
	u, err := s.courses().Untrained(r.Context(), s.listOrgID(r, c), s.civilToday())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	kids := []apiOrgTraining{}
	for _, k := range u.Children {
		kids = append(kids, apiOrgTraining{OrgID: k.Org.ID, Name: k.Org.Name, Officers: k.Officers, Untrained: k.Untrained})
	}
	people := []apiOfficer{}
	for _, o := range u.People {
		a := apiOfficer{MemberID: o.MemberID, FullName: o.FullName, OrgID: o.OrgID}
		for _, r := range o.Roles {
			a.Roles = append(a.Roles, string(r))
		}
		people = append(people, a)
	}
	writeJSON(w, http.StatusOK, map[string]any{"org_id": u.Org.ID, "officers": u.Officers, "untrained": u.OrgTraining.Untrained,
		"children": kids, "members": people})
}
