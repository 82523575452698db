package web

import (
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

type apiMeetingIn struct {
	OrgID    int64  `json:"org_id"`
	Kind     string `json:"kind"`
	Period   string `json:"period"`
	StartsAt string `json:"starts_at"`
	Place    string `json:"place"`
	Topic    string `json:"topic"`
	Combined bool   `json:"combined"`
}

// dayAndTime splits a start time into the meeting's day and "hh:mm", in
// Vietnam's time.
func dayAndTime(field, s string) (party.Date, string, error) {
	if s == "" {
		f := party.FieldErrors{}
		f.Add(field, "field.required")
		return party.Date{}, "", f.Err()
	}
	t, err := parseTimeField(field, s)
	if err != nil {
		return party.Date{}, "", err
	}
	return party.DateOf(t), t.In(party.Zone).Format("15:04"), nil
}

// apiMeetingCreate plans a meeting: 201 with the meeting; a second
// regular meeting for a month is a rule violation (422).
func (s *Server) apiMeetingCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiMeetingIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	p := meetings.Plan{OrgID: in.OrgID, Kind: party.MeetingKind(in.Kind), Place: in.Place, Topic: in.Topic, Combined: in.Combined}
	var err error
	if p.Date, p.Time, err = dayAndTime("starts_at", in.StartsAt); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if in.Period != "" {
		if p.Period, err = party.ParsePeriod(in.Period); err != nil {
			s.fail(w, r, c, fieldErr("period", err))
			return
		}
	}
	id, err := s.meetings.Plan(r.Context(), c.Actor(), p)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	v, err := s.meetings.Load(r.Context(), id)
	s.answerMeeting(w, r, c, http.StatusCreated, v, err)
}

// apiMeetingList pages through a cell's meetings between from and to
// (YYYY-MM-DD, inclusive; by default a year back to eighteen months on).
func (s *Server) apiMeetingList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := r.URL.Query()
	today := s.orgs.Today()
	from, to := today.AddMonths(-12), today.AddMonths(18)
	for _, p := range []struct {
		name string
		d    *party.Date
	}{{"from", &from}, {"to", &to}} {
		if v := q.Get(p.name); v != "" {
			d, err := party.ParseISO(v)
			if err != nil {
				s.fail(w, r, c, fieldErr(p.name, err))
				return
			}
			*p.d = d
		}
	}
	var ms []store.Meeting
	err := s.db.View(ctx, func(tx *store.Tx) error {
		org := atoi64(q.Get("org"))
		if org == 0 {
			switch c.P.Role {
			case auth.RoleSecretary:
				org = c.P.OrgID
			case auth.RoleMember:
				m, err := tx.Member(ctx, c.P.MemberID)
				if err != nil {
					return err
				}
				org = m.OrgID
			default:
				f := party.FieldErrors{}
				f.Add("org", "field.required")
				return f.Err()
			}
		}
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		if !o.IsCell() {
			return party.RuleError("meeting.org_not_cell", o.Name)
		}
		ms, err = tx.MeetingsOf(ctx, org, from, to)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	off, lim := offsetCursor(r), limitParam(r)
	out := page[apiMeeting]{Items: []apiMeeting{}}
	for i := off; i < len(ms) && i < off+lim; i++ {
		out.Items = append(out.Items, toAPIMeeting(ms[i]))
	}
	if off+lim < len(ms) {
		out.NextCursor = encodeOffset(off + lim)
	}
	writeJSON(w, http.StatusOK, out)
}

type apiPrepIn struct {
	ContentDrafted   bool       `json:"content_drafted"`
	CommitteeMetOn   party.Date `json:"committee_met_on"`
	DraftResolution  string     `json:"draft_resolution"`
	LeadPaper        string     `json:"lead_paper"`
	LeadPaperAuthors string     `json:"lead_paper_authors"`
	Notes            string     `json:"notes"`
}

type apiMeetingPatch struct {
	StartsAt *string         `json:"starts_at"`
	Place    *string         `json:"place"`
	Topic    *string         `json:"topic"`
	Combined *bool           `json:"combined"`
	Agenda   []apiAgendaItem `json:"agenda"`
	Prep     *apiPrepIn      `json:"prep"`
	Version  int64           `json:"version"`
}

// apiMeetingUpdate changes the plan of a meeting; send the version read
// (409 when someone else changed it since).
func (s *Server) apiMeetingUpdate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiMeetingPatch
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id := pathID(r, "id")
	ch := meetings.Change{Place: in.Place, Topic: in.Topic, Combined: in.Combined, Version: in.Version}
	if in.StartsAt != nil {
		d, t, err := dayAndTime("starts_at", *in.StartsAt)
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
		ch.Date, ch.Time = &d, &t
	}
	for _, it := range in.Agenda {
		ch.Agenda = append(ch.Agenda, party.AgendaItem{Key: it.Key, Part: it.Part, Title: it.Title, Hint: it.Hint})
	}
	if in.Agenda != nil && len(ch.Agenda) == 0 {
		ch.Agenda = []party.AgendaItem{}
	}
	if in.Prep != nil {
		v, err := s.meetings.Load(r.Context(), id)
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
		p := v.Meeting.Prep
		p.ContentDrafted, p.CommitteeMetOn, p.DraftResolution = in.Prep.ContentDrafted, in.Prep.CommitteeMetOn, in.Prep.DraftResolution
		p.LeadPaper, p.LeadPaperAuthors, p.Notes = in.Prep.LeadPaper, in.Prep.LeadPaperAuthors, in.Prep.Notes
		ch.Prep = &p
	}
	if _, err := s.meetings.Update(r.Context(), c.Actor(), id, ch); err != nil {
		s.fail(w, r, c, err)
		return
	}
	v, err := s.meetings.Load(r.Context(), id)
	s.answerMeeting(w, r, c, http.StatusOK, v, err)
}

type apiEntry struct {
	MemberID int64  `json:"member_id"`
	Status   string `json:"status"`
	Reason   string `json:"reason"`
	DuesPaid bool   `json:"dues_paid"`
}

// apiAttendance records the roll call for the members listed.
func (s *Server) apiAttendance(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Entries []apiEntry `json:"entries"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	entries := make([]party.Entry, len(in.Entries))
	for i, e := range in.Entries {
		entries[i] = party.Entry{MemberID: e.MemberID, Status: party.AttendanceStatus(e.Status), Reason: e.Reason, DuesPaid: e.DuesPaid}
	}
	v, err := s.meetings.SaveAttendance(r.Context(), c.Actor(), pathID(r, "id"), entries)
	s.answerMeeting(w, r, c, http.StatusOK, v, err)
}

// apiVotes records the vote as counts or per-member ballots.
func (s *Server) apiVotes(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Yes     int         `json:"yes"`
		No      int         `json:"no"`
		Abstain int         `json:"abstain"`
		Ballots []apiBallot `json:"ballots"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	votes := party.Votes{Yes: in.Yes, No: in.No, Abstain: in.Abstain}
	for _, b := range in.Ballots {
		votes.Ballots = append(votes.Ballots, party.Ballot{MemberID: b.MemberID, Vote: b.Vote, Reserved: b.Reserved})
	}
	v, err := s.meetings.SaveVotes(r.Context(), c.Actor(), pathID(r, "id"), votes)
	s.answerMeeting(w, r, c, http.StatusOK, v, err)
}

// minutesFromAPI turns the API's minutes into the core's: sections follow
// the agenda's keys (their title and part come from it), a speech with a
// key goes under that section, a member_id names someone on the roll.
func minutesFromAPI(in apiMinutes, v meetings.View) (party.MinutesContent, error) {
	fe := party.FieldErrors{}
	started, err := parseTimeField("started_at", in.StartedAt)
	if err != nil {
		fe.Add("started_at", "web.meeting.api.time_invalid", in.StartedAt)
	}
	ended, err := parseTimeField("ended_at", in.EndedAt)
	if err != nil {
		fe.Add("ended_at", "web.meeting.api.time_invalid", in.EndedAt)
	}
	c := party.MinutesContent{StartedAt: started, EndedAt: ended, Place: in.Place, Chair: in.Chair, MinuteTaker: in.MinuteTaker,
		Guests: in.Guests, Topic: in.Topic, LeadPaperBy: in.LeadPaperBy, Conclusion: in.Conclusion, Resolution: in.Resolution,
		ReadBack: in.ReadBack, SelfRating: party.Grade(in.SelfRating)}
	if in.SelfRating != "" && !c.SelfRating.Valid() {
		fe.Add("self_rating", "web.meeting.api.grade_invalid", in.SelfRating)
	}
	agenda := map[string]party.AgendaItem{}
	for _, a := range v.Meeting.Agenda {
		agenda[a.Key] = a
	}
	index := map[string]int{}
	for i, s := range in.Sections {
		it := party.MinutesItem{Key: s.Key, Title: s.Title, Part: s.Part, Presenter: s.Presenter, Text: s.Text, Conclusion: s.Conclusion}
		if a, ok := agenda[s.Key]; ok {
			it.Part = a.Part
			if it.Title == "" {
				it.Title = a.Title
			}
		}
		if s.Key == "" {
			fe.Add("sections."+strconv.Itoa(i)+".key", "field.required")
		}
		index[s.Key] = len(c.Items)
		c.Items = append(c.Items, it)
	}
	roll := map[int64]string{}
	byName := map[string]int64{}
	for _, r := range v.Roll {
		roll[r.MemberID] = r.FullName
		byName[vntext.Fold(r.FullName)] = r.MemberID
	}
	for i, d := range in.Discussion {
		field := "discussion." + strconv.Itoa(i)
		sp := party.Speech{MemberID: d.MemberID, Speaker: d.Speaker, Text: d.Text}
		switch name, ok := roll[d.MemberID]; {
		case d.MemberID != 0 && !ok:
			fe.Add(field+".member_id", "web.meeting.api.speaker_not_on_roll", d.MemberID)
		case d.MemberID != 0 && sp.Speaker == "":
			sp.Speaker = name
		case d.MemberID == 0 && sp.Speaker == "":
			fe.Add(field+".speaker", "field.required")
		case d.MemberID == 0:
			sp.MemberID = byName[vntext.Fold(sp.Speaker)]
		}
		if d.Key == "" {
			c.Discussion = append(c.Discussion, sp)
			continue
		}
		j, ok := index[d.Key]
		if !ok {
			a, inAgenda := agenda[d.Key]
			if !inAgenda {
				fe.Add(field+".key", "web.meeting.api.section_unknown", d.Key)
				continue
			}
			j = len(c.Items)
			index[d.Key] = j
			c.Items = append(c.Items, party.MinutesItem{Key: a.Key, Title: a.Title, Part: a.Part})
		}
		c.Items[j].Speeches = append(c.Items[j].Speeches, sp)
	}
	return c, fe.Err()
}

// apiMinutes saves the minutes from the version read: the answer has the
// new version and what is still missing; a stale version is 409.
func (s *Server) apiMinutes(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiMinutes
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id := pathID(r, "id")
	v, err := s.meetings.Load(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	content, err := minutesFromAPI(in, v)
	if err == nil {
		v, err = s.meetings.SaveMinutes(r.Context(), c.Actor(), id, content, in.Number, in.Version)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"version": v.Minutes.Version, "completeness": completenessOf(c, v)})
}

// apiLock signs and locks the minutes.
func (s *Server) apiLock(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Chair bool `json:"chair_confirms"`
		Taker bool `json:"minute_taker_confirms"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	v, err := s.meetings.Lock(r.Context(), c.Actor(), pathID(r, "id"), in.Chair, in.Taker)
	s.answerMeeting(w, r, c, http.StatusOK, v, err)
}

// apiAmend adds an amendment to signed minutes.
func (s *Server) apiAmend(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in struct {
		Reason string `json:"reason"`
		Text   string `json:"text"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	a, err := s.meetings.Amend(r.Context(), c.Actor(), pathID(r, "id"), in.Reason, in.Text)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, apiAmendment{ID: a.ID, At: rfc3339(a.At), Author: a.Author, Reason: a.Reason, Text: a.Text})
}

// apiNotice notifies the members; sending again without a change reaches
// nobody twice.
func (s *Server) apiNotice(w http.ResponseWriter, r *http.Request, c *Ctx) {
	res, err := s.meetings.SendNotice(r.Context(), c.Actor(), pathID(r, "id"), s.baseURL(r))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"in_app": res.InApp, "emails": res.Emails})
}

type apiMonth struct {
	Period   string       `json:"period"`
	Status   string       `json:"status"`
	Label    string       `json:"label"`
	Meetings []apiMeeting `json:"meetings"`
	Others   []apiMeeting `json:"others"`
}

type apiQuarter struct {
	Period   string       `json:"period"`
	Status   string       `json:"status"`
	Label    string       `json:"label"`
	Meetings []apiMeeting `json:"meetings"`
}

func apiMeetings(ms []store.Meeting) []apiMeeting {
	out := []apiMeeting{}
	for _, m := range ms {
		out = append(out, toAPIMeeting(m))
	}
	return out
}

// apiCalendar is a cell's year as the core judges it.
func (s *Server) apiCalendar(w http.ResponseWriter, r *http.Request, c *Ctx) {
	cal, err := s.meetings.YearCalendar(r.Context(), pathID(r, "id"), yearParam(r, s.orgs.Today()))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := struct {
		Year     int          `json:"year"`
		Months   []apiMonth   `json:"months"`
		Quarters []apiQuarter `json:"quarters"`
	}{Year: cal.Year}
	for _, m := range cal.Months {
		out.Months = append(out.Months, apiMonth{Period: m.Period.String(), Status: string(m.Status), Label: c.Msg(m.Status.Label()),
			Meetings: apiMeetings(m.Regular), Others: apiMeetings(m.Others)})
	}
	for _, q := range cal.Quarters {
		out.Quarters = append(out.Quarters, apiQuarter{Period: q.Period.String(), Status: string(q.Status), Label: c.Msg(q.Status.Label()),
			Meetings: apiMeetings(q.Thematic)})
	}
	writeJSON(w, http.StatusOK, out)
}
