package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"

	"chibo/internal/documents"
	"chibo/internal/members"
	"chibo/internal/party"
	"chibo/internal/store"
)

// memberHome is the member's own view on a phone (UX.md): the next
// meetings of their cell with the calendar address, the documents to
// study, their attendance history and warnings, their training.
type memberHome struct {
	Member     party.Member
	Org        store.OrgRow
	State      party.State
	Meetings   []store.Meeting
	FeedHTTPS  string
	FeedWebcal template.URL
	ToStudy    []store.SentDoc
	Studied    []store.SentDoc
	Attendance []store.RollEntry
	Warnings   []party.Warning
	Training   []store.TrainingRecord
	Todo       []TodoItem // for a secretary: the month's work
	Today      party.Date
}

// loadMemberHome gathers a member's home; the calendar address is made
// the first time.
func (s *Server) loadMemberHome(ctx context.Context, r *http.Request, member int64) (memberHome, error) {
	today := s.civilToday()
	h := memberHome{Today: today}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, member)
		if err != nil {
			return err
		}
		hs, err := tx.Histories(ctx, []party.Member{m})
		if err != nil {
			return err
		}
		h.Member, h.State = m, party.StateOn(hs[0], today)
		if h.Org, err = tx.Org(ctx, m.OrgID); err != nil {
			return err
		}
		docs, err := documents.ForMemberTx(ctx, tx, member, today, 100)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.AckedAt.IsZero() {
				h.ToStudy = append(h.ToStudy, d)
			} else if len(h.Studied) < 5 {
				h.Studied = append(h.Studied, d)
			}
		}
		// The last twelve months: what the warnings read, and the history
		// shown.
		roll, err := tx.MemberRoll(ctx, member, today.AddMonths(-12), today, 200)
		if err != nil {
			return err
		}
		h.Attendance = roll
		records := make([]party.AttendanceRecord, len(roll))
		for i, e := range roll {
			records[i] = e.Record()
		}
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		if len(sets) == 0 {
			sets = party.DefaultRuleSets()
		}
		if rs, ok := party.RuleSetOn(sets, today); ok {
			h.Warnings = party.MemberWarnings(hs[0], records, rs, today)
		}
		h.Training, err = tx.TrainingHistory(ctx, member)
		return err
	})
	if err != nil {
		return h, err
	}
	if h.Meetings, err = s.meetings.UpcomingFor(ctx, member, 3); err != nil {
		return h, err
	}
	token, err := s.meetings.FeedToken(ctx, 0, member)
	if err != nil {
		return h, err
	}
	h.FeedHTTPS, h.FeedWebcal = feedURLs(s.baseURL(r), token)
	return h, nil
}

// meShow is a member's home: GET / sends members here. An account without
// a member's record has no such page and goes to its own home.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if c.P.MemberID == 0 {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	h, err := s.loadMemberHome(r.Context(), r, c.P.MemberID)
	if err == nil && c.P.OrgID != 0 {
		h.Todo, err = s.secretaryTodo(r.Context(), c.P)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "me", View{Title: c.T("web.me.title"), Nav: "home", Data: h})
}

type apiMeMeeting struct {
	ID       int64      `json:"id"`
	OrgID    int64      `json:"org_id"`
	Kind     string     `json:"kind"`
	Date     party.Date `json:"date"`
	StartsAt string     `json:"starts_at"`
	Place    string     `json:"place"`
	Topic    string     `json:"topic"`
	Status   string     `json:"status"`
}

type apiMeAttendance struct {
	MeetingID int64      `json:"meeting_id"`
	OrgID     int64      `json:"org_id"`
	Date      party.Date `json:"date"`
	Kind      string     `json:"kind"`
	Status    string     `json:"status"`
	Reason    string     `json:"reason,omitempty"`
	Standing  string     `json:"standing,omitempty"`
}

type apiWarning struct {
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// apiMeHome is the member's home as JSON.
func (s *Server) apiMeHome(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if c.P.MemberID == 0 {
		s.fail(w, r, c, party.NotFound("web.me.no_member"))
		return
	}
	h, err := s.loadMemberHome(r.Context(), r, c.P.MemberID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := map[string]any{
		"member":       map[string]any{"id": h.Member.ID, "full_name": h.Member.FullName, "org_id": h.Org.ID, "org_name": h.Org.Name, "status": string(h.State.Status)},
		"calendar_url": h.FeedHTTPS,
	}
	ms := []apiMeMeeting{}
	for _, m := range h.Meetings {
		ms = append(ms, apiMeMeeting{ID: m.ID, OrgID: m.OrgID, Kind: string(m.Kind), Date: m.Date, StartsAt: rfc3339(m.StartsAt), Place: m.Place, Topic: m.Topic, Status: string(m.Status)})
	}
	docs := []apiDocument{}
	for _, d := range append(append([]store.SentDoc{}, h.ToStudy...), h.Studied...) {
		a := toAPIDoc(d.Document)
		a.SentAt, a.AcknowledgedAt = rfc3339(d.SentAt), rfc3339(d.AckedAt)
		docs = append(docs, a)
	}
	att := []apiMeAttendance{}
	for _, e := range h.Attendance {
		att = append(att, apiMeAttendance{MeetingID: e.MeetingID, OrgID: e.OrgID, Date: e.Date, Kind: string(e.Kind), Status: string(e.Status), Reason: e.Reason, Standing: string(e.Derived)})
	}
	ws := []apiWarning{}
	for _, x := range h.Warnings {
		ws = append(ws, apiWarning{Kind: x.Kind, Severity: x.Severity, Message: c.Msg(x.Msg)})
	}
	out["meetings"], out["documents"], out["attendance"], out["warnings"] = ms, docs, att, ws
	writeJSON(w, http.StatusOK, out)
}

type apiContact struct {
	Phone   string `json:"phone"`
	Email   string `json:"email"`
	Address string `json:"address"`
	Version int64  `json:"version"`
}

// apiMeContact changes the caller's own contact details (the rest of the
// profile is the secretary's to edit).
func (s *Server) apiMeContact(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if c.P.MemberID == 0 {
		s.fail(w, r, c, party.NotFound("web.me.no_member"))
		return
	}
	var in apiContact
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	err := s.members.UpdateContact(r.Context(), c.Actor(), c.P.MemberID, members.Contact{Phone: in.Phone, Email: in.Email, Address: in.Address, Version: in.Version})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	var m party.Member
	err = s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(r.Context(), c.P.MemberID)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiContact{Phone: m.Phone, Email: m.Email, Address: m.Address, Version: m.Version})
}

// memberPageHref is the address of a member's profile.
func memberPageHref(id int64) string { return "/members/" + strconv.FormatInt(id, 10) }
