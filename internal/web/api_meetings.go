package web

import (
	"net/http"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// The meetings API (DESIGN.md, API core): times are RFC 3339 with the
// +07:00 offset, dates YYYY-MM-DD, periods YYYY-MM or YYYY-Qn; every figure
// is the core's, read from meetings.View.

// rfc3339 writes a time in Vietnam, "" for none.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(party.Zone).Format(time.RFC3339)
}

// parseTimeField reads an RFC 3339 time, reporting a bad one beside field.
func parseTimeField(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		f := party.FieldErrors{}
		f.Add(field, "web.meeting.api.time_invalid", s)
		return t, f.Err()
	}
	return t, nil
}

type apiRuleSetRef struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Confirmed bool   `json:"confirmed"`
}

// apiMeeting is a meeting in lists and calendars.
type apiMeeting struct {
	ID           int64         `json:"id"`
	OrgID        int64         `json:"org_id"`
	Kind         string        `json:"kind"`
	Period       string        `json:"period"`
	Date         party.Date    `json:"date"`
	StartsAt     string        `json:"starts_at"`
	Place        string        `json:"place"`
	Topic        string        `json:"topic"`
	Status       string        `json:"status"`
	Combined     bool          `json:"combined"`
	RuleSet      apiRuleSetRef `json:"rule_set"`
	NoticeSentAt string        `json:"notice_sent_at"`
	HeldAt       string        `json:"held_at"`
	LockedAt     string        `json:"locked_at"`
	Version      int64         `json:"version"`
}

func toAPIMeeting(m store.Meeting) apiMeeting {
	return apiMeeting{ID: m.ID, OrgID: m.OrgID, Kind: string(m.Kind), Period: m.Period.String(), Date: m.Date, StartsAt: rfc3339(m.StartsAt),
		Place: m.Place, Topic: m.Topic, Status: string(m.Status), Combined: m.Combined, RuleSet: apiRuleSetRef{Code: m.RuleSet},
		NoticeSentAt: rfc3339(m.Prep.NoticeSentAt), HeldAt: rfc3339(m.HeldAt), LockedAt: rfc3339(m.LockedAt), Version: m.Version}
}

type apiAttendance struct {
	Total           int     `json:"total"`
	Required        int     `json:"required"`
	Present         int     `json:"present"`
	Rate            float64 `json:"rate"`
	AbsentExcused   int     `json:"absent_excused"`
	AbsentUnexcused int     `json:"absent_unexcused"`
	Exempt          int     `json:"exempt"`
	ExemptPresent   int     `json:"exempt_present"`
	TempIn          int     `json:"temp_in"`
	TempOut         int     `json:"temp_out"`
	Suspended       int     `json:"suspended"`
	Detained        int     `json:"detained"`
	Unmarked        int     `json:"unmarked"`
	DuesPaid        int     `json:"dues_paid"`
}

type apiBallot struct {
	MemberID int64  `json:"member_id"`
	Vote     string `json:"vote"`
	Reserved string `json:"reserved,omitempty"`
}

type apiVoting struct {
	Base           int         `json:"base"`
	PresentVoters  int         `json:"present_voters"`
	QuorumRequired int         `json:"quorum_required"`
	QuorumMet      bool        `json:"quorum_met"`
	Needed         int         `json:"needed"`
	Yes            int         `json:"yes"`
	No             int         `json:"no"`
	Abstain        int         `json:"abstain"`
	Passed         bool        `json:"passed"`
	Recorded       bool        `json:"recorded"`
	Reason         string      `json:"reason"`
	Ballots        []apiBallot `json:"ballots"`
}

type apiRollRow struct {
	MemberID int64  `json:"member_id"`
	FullName string `json:"full_name"`
	Full     bool   `json:"full"`
	Derived  string `json:"derived"`
	TempIn   bool   `json:"temp_in"`
	Editable bool   `json:"editable"`
	Status   string `json:"status"`
	Reason   string `json:"reason"`
	DuesPaid bool   `json:"dues_paid"`
}

type apiAgendaItem struct {
	Key   string `json:"key"`
	Part  string `json:"part"`
	Title string `json:"title"`
	Hint  string `json:"hint"`
}

type apiPrepStep struct {
	Key   string `json:"key"`
	Done  bool   `json:"done"`
	Label string `json:"label"`
}

type apiPrep struct {
	ContentDrafted   bool          `json:"content_drafted"`
	CommitteeMetOn   party.Date    `json:"committee_met_on"`
	DraftResolution  string        `json:"draft_resolution"`
	LeadPaper        string        `json:"lead_paper"`
	LeadPaperAuthors string        `json:"lead_paper_authors"`
	Notes            string        `json:"notes"`
	NoticeSentAt     string        `json:"notice_sent_at,omitempty"`
	Checklist        []apiPrepStep `json:"checklist,omitempty"`
}

type apiCompleteness struct {
	Complete bool     `json:"complete"`
	Missing  []string `json:"missing"`
}

type apiSection struct {
	Key        string `json:"key"`
	Title      string `json:"title,omitempty"`
	Part       string `json:"part,omitempty"`
	Presenter  string `json:"presenter"`
	Text       string `json:"text"`
	Conclusion string `json:"conclusion"`
}

type apiSpeech struct {
	Key      string `json:"key,omitempty"`
	MemberID int64  `json:"member_id,omitempty"`
	Speaker  string `json:"speaker,omitempty"`
	Text     string `json:"text"`
}

// apiMinutes is the minutes as the API reads and writes them.
type apiMinutes struct {
	Sections    []apiSection `json:"sections"`
	Discussion  []apiSpeech  `json:"discussion"`
	Conclusion  string       `json:"conclusion"`
	Resolution  string       `json:"resolution"`
	StartedAt   string       `json:"started_at"`
	EndedAt     string       `json:"ended_at"`
	Place       string       `json:"place"`
	Chair       string       `json:"chair"`
	MinuteTaker string       `json:"minute_taker"`
	Guests      []string     `json:"guests"`
	Topic       string       `json:"topic"`
	LeadPaperBy string       `json:"lead_paper_by"`
	ReadBack    bool         `json:"read_back"`
	SelfRating  string       `json:"self_rating"`
	Number      string       `json:"number"`
	Version     int64        `json:"version"`
}

type apiAmendment struct {
	ID     int64  `json:"id"`
	At     string `json:"at"`
	Author string `json:"author"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// apiMeetingFull is one meeting with everything the core computed about it.
type apiMeetingFull struct {
	apiMeeting
	Attendance   apiAttendance   `json:"attendance"`
	Voting       apiVoting       `json:"voting"`
	Roll         []apiRollRow    `json:"roll"`
	Agenda       []apiAgendaItem `json:"agenda"`
	Prep         apiPrep         `json:"prep"`
	Completeness apiCompleteness `json:"completeness"`
	Minutes      *apiMinutes     `json:"minutes"`
	Amendments   []apiAmendment  `json:"amendments"`
	Evaluation   *apiMeetingEval `json:"evaluation,omitempty"` // once evaluated (api_quality.go)
}

func toAPIMinutes(rec store.MinutesRecord) *apiMinutes {
	c := rec.Content
	out := &apiMinutes{Sections: []apiSection{}, Discussion: []apiSpeech{}, Conclusion: c.Conclusion, Resolution: c.Resolution,
		StartedAt: rfc3339(c.StartedAt), EndedAt: rfc3339(c.EndedAt), Place: c.Place, Chair: c.Chair, MinuteTaker: c.MinuteTaker,
		Guests: append([]string{}, c.Guests...), Topic: c.Topic, LeadPaperBy: c.LeadPaperBy, ReadBack: c.ReadBack,
		SelfRating: string(c.SelfRating), Number: rec.Number, Version: rec.Version}
	for _, it := range c.Items {
		out.Sections = append(out.Sections, apiSection{Key: it.Key, Title: it.Title, Part: it.Part, Presenter: it.Presenter, Text: it.Text, Conclusion: it.Conclusion})
		for _, s := range it.Speeches {
			out.Discussion = append(out.Discussion, apiSpeech{Key: it.Key, MemberID: s.MemberID, Speaker: s.Speaker, Text: s.Text})
		}
	}
	for _, s := range c.Discussion {
		out.Discussion = append(out.Discussion, apiSpeech{MemberID: s.MemberID, Speaker: s.Speaker, Text: s.Text})
	}
	return out
}

func completenessOf(c *Ctx, v meetings.View) apiCompleteness {
	out := apiCompleteness{Complete: v.Complete, Missing: []string{}}
	for _, m := range v.Missing {
		out.Missing = append(out.Missing, c.Msg(m))
	}
	return out
}

func toAPIMeetingFull(c *Ctx, v meetings.View) apiMeetingFull {
	out := apiMeetingFull{apiMeeting: toAPIMeeting(v.Meeting), Roll: []apiRollRow{}, Agenda: []apiAgendaItem{}, Amendments: []apiAmendment{}}
	out.RuleSet = apiRuleSetRef{Code: v.RuleSet.Code, Name: v.RuleSet.Name, Confirmed: v.RuleSet.Confirmed}
	a := v.Attendance
	out.Attendance = apiAttendance{Total: a.Total, Required: a.Required, Present: a.Present, Rate: a.Rate, AbsentExcused: a.AbsentExcused,
		AbsentUnexcused: a.AbsentUnexcused, Exempt: a.Exempt, ExemptPresent: a.ExemptPresent, TempIn: a.TempIn, TempOut: a.TempOut,
		Suspended: a.Suspended, Detained: a.Detained, Unmarked: a.Unmarked, DuesPaid: a.DuesPaid}
	vt := v.Voting
	out.Voting = apiVoting{Base: vt.Base, PresentVoters: vt.PresentVoters, QuorumRequired: vt.QuorumRequired, QuorumMet: vt.QuorumMet,
		Needed: vt.Needed, Yes: vt.Yes, No: vt.No, Abstain: vt.Abstain, Passed: vt.Passed, Recorded: vt.Recorded, Reason: c.Msg(vt.Reason),
		Ballots: []apiBallot{}}
	if v.Votes != nil {
		for _, b := range v.Votes.Ballots {
			out.Voting.Ballots = append(out.Voting.Ballots, apiBallot{MemberID: b.MemberID, Vote: b.Vote, Reserved: b.Reserved})
		}
	}
	for _, r := range v.Roll {
		out.Roll = append(out.Roll, apiRollRow{MemberID: r.MemberID, FullName: r.FullName, Full: r.Full, Derived: string(r.Derived), TempIn: r.TempIn,
			Editable: r.Editable, Status: string(r.Status), Reason: r.Reason, DuesPaid: r.DuesPaid})
	}
	for _, it := range v.Meeting.Agenda {
		out.Agenda = append(out.Agenda, apiAgendaItem{Key: it.Key, Part: it.Part, Title: it.Title, Hint: it.Hint})
	}
	p := v.Meeting.Prep
	out.Prep = apiPrep{ContentDrafted: p.ContentDrafted, CommitteeMetOn: p.CommitteeMetOn, DraftResolution: p.DraftResolution, LeadPaper: p.LeadPaper,
		LeadPaperAuthors: p.LeadPaperAuthors, Notes: p.Notes, NoticeSentAt: rfc3339(p.NoticeSentAt)}
	for _, st := range v.Checklist {
		out.Prep.Checklist = append(out.Prep.Checklist, apiPrepStep{Key: st.Key, Done: st.Done, Label: c.Msg(st.Msg)})
	}
	out.Completeness = completenessOf(c, v)
	if v.HasMinutes {
		out.Minutes = toAPIMinutes(v.Minutes)
	}
	for _, am := range v.Amendments {
		out.Amendments = append(out.Amendments, apiAmendment{ID: am.ID, At: rfc3339(am.At), Author: am.Author, Reason: am.Reason, Text: am.Text})
	}
	return out
}

// answerMeeting answers a meeting with its figures.
func (s *Server) answerMeeting(w http.ResponseWriter, r *http.Request, c *Ctx, status int, v meetings.View, err error) {
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	full := toAPIMeetingFull(c, v)
	full.Evaluation = s.meetingEval(r.Context(), v.Meeting.ID)
	writeJSON(w, status, full)
}

func (s *Server) apiMeetingGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	v, err := s.meetings.Load(r.Context(), pathID(r, "id"))
	s.answerMeeting(w, r, c, http.StatusOK, v, err)
}
