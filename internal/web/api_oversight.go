package web

import (
	"net/http"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// The oversight calls of the API (DESIGN.md): compliance and ranking,
// weights, reminders sent, reminders to units with their follow-up,
// commendations, year-end ratings, model meetings. Documented in
// openapi/70-oversight.json.

type apiOrgRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

func orgRef(o store.OrgRow) apiOrgRef { return apiOrgRef{ID: o.ID, Name: o.Name, Kind: string(o.Kind)} }

// rateJSON is a share, or null when it means nothing.
func rateJSON(r oversight.Rate) *float64 {
	if !r.Known {
		return nil
	}
	v := r.Value
	return &v
}

type apiComplianceMonth struct {
	Period         string   `json:"period"`
	Cells          int      `json:"cells"`
	OnTime         int      `json:"on_time"`
	Late           int      `json:"late"`
	Missing        int      `json:"missing"`
	NotDue         int      `json:"not_due"`
	Present        int      `json:"present"`
	Required       int      `json:"required"`
	AttendanceRate *float64 `json:"attendance_rate"`
}

type apiComplianceQuarter struct {
	Period          string `json:"period"`
	Cells           int    `json:"cells"`
	ThematicHeld    int    `json:"thematic_held"`
	ThematicMissing int    `json:"thematic_missing"`
	ThematicNotDue  int    `json:"thematic_not_due"`
	Combined        int    `json:"combined"`
}

type apiGrades struct {
	Tot         int `json:"tot"`
	Kha         int `json:"kha"`
	TrungBinh   int `json:"trung_binh"`
	Kem         int `json:"kem"`
	ChuaDanhGia int `json:"chua_danh_gia"`
}

type apiComplianceUnit struct {
	ID              int64    `json:"id"`
	Name            string   `json:"name"`
	Kind            string   `json:"kind"`
	OnTime          int      `json:"on_time"`
	Late            int      `json:"late"`
	Missing         int      `json:"missing"`
	NotDue          int      `json:"not_due"`
	OnTimeRate      *float64 `json:"on_time_rate"`
	ThematicHeld    int      `json:"thematic_held"`
	ThematicMissing int      `json:"thematic_missing"`
	AttendanceRate  *float64 `json:"attendance_rate"`
}

type apiCompliance struct {
	Org            apiOrgRef              `json:"org"`
	From           string                 `json:"from"`
	To             string                 `json:"to"`
	AsOf           party.Date             `json:"as_of"`
	Cells          int                    `json:"cells"`
	Months         []apiComplianceMonth   `json:"months"`
	Quarters       []apiComplianceQuarter `json:"quarters"`
	OnTimeRate     *float64               `json:"on_time_rate"`
	ThematicRate   *float64               `json:"thematic_rate"`
	AttendanceRate *float64               `json:"attendance_rate"`
	Grades         apiGrades              `json:"grades"`
	Complete       int                    `json:"complete"`
	Signed         int                    `json:"signed"`
	Extra          int                    `json:"extra"`
	Flags          int                    `json:"flags"`
	Units          []apiComplianceUnit    `json:"units"`
}

// apiCompliance answers GET /api/v1/oversight/compliance?org=&from=&to=.
func (s *Server) apiCompliance(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, rng, err := s.orgAndRange(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	ov, err := s.ovs.Overview(r.Context(), org, rng, false)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	t := ov.Total
	out := apiCompliance{Org: orgRef(ov.Org), From: rng.From.String(), To: rng.To.String(), AsOf: ov.Today,
		Months: []apiComplianceMonth{}, Quarters: []apiComplianceQuarter{}, Units: []apiComplianceUnit{},
		OnTimeRate: rateJSON(t.OnTimeRate()), ThematicRate: rateJSON(t.ThematicRate()), AttendanceRate: rateJSON(t.AttendanceRate()),
		Grades:   apiGrades{Tot: t.Tot, Kha: t.Kha, TrungBinh: t.TB, Kem: t.Kem, ChuaDanhGia: t.Ungraded},
		Complete: t.Complete, Signed: t.Signed, Extra: t.Extra, Flags: t.Flags}
	for _, m := range ov.Months {
		out.Months = append(out.Months, apiComplianceMonth{Period: m.Period.String(), Cells: m.T.Cells, OnTime: m.T.OnTime, Late: m.T.Late,
			Missing: m.T.Missing, NotDue: m.T.NotDue, Present: m.T.Present, Required: m.T.Required, AttendanceRate: rateJSON(m.T.AttendanceRate())})
		out.Cells = m.T.Cells // the cells of the last month
	}
	for _, q := range ov.Quarters {
		out.Quarters = append(out.Quarters, apiComplianceQuarter{Period: q.Period.String(), Cells: q.T.Quarters, ThematicHeld: q.T.ThematicHeld,
			ThematicMissing: q.T.ThematicMissing, ThematicNotDue: q.T.ThematicNotDue, Combined: q.T.Combined})
	}
	for _, u := range ov.Units {
		ut := u.Totals
		out.Units = append(out.Units, apiComplianceUnit{ID: u.Org.ID, Name: u.Org.Name, Kind: string(u.Org.Kind), OnTime: ut.OnTime, Late: ut.Late,
			Missing: ut.Missing, NotDue: ut.NotDue, OnTimeRate: rateJSON(ut.OnTimeRate()), ThematicHeld: ut.ThematicHeld, ThematicMissing: ut.ThematicMissing,
			AttendanceRate: rateJSON(ut.AttendanceRate())})
	}
	writeJSON(w, http.StatusOK, out)
}

type apiPart struct {
	Key    string   `json:"key"`
	Rate   *float64 `json:"rate"`
	Weight int      `json:"weight"`
	Points float64  `json:"points"`
}

type apiRankedUnit struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Kind    string    `json:"kind"`
	Rank    int       `json:"rank"`
	Score   *float64  `json:"score"`
	Parts   []apiPart `json:"parts"`
	Flags   int       `json:"flags"`
	Penalty float64   `json:"penalty"`
}

type apiRanking struct {
	Org         apiOrgRef         `json:"org"`
	From        string            `json:"from"`
	To          string            `json:"to"`
	Weights     oversight.Weights `json:"weights"`
	WeightsFrom int64             `json:"weights_from"`
	Units       []apiRankedUnit   `json:"units"`
}

// apiRanking answers GET /api/v1/oversight/ranking?org=&from=&to=.
func (s *Server) apiRanking(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, rng, err := s.orgAndRange(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	rk, err := s.ovs.Ranking(r.Context(), org, rng)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := apiRanking{Org: orgRef(rk.Org), From: rng.From.String(), To: rng.To.String(), Weights: rk.Weights, WeightsFrom: rk.WeightsOf, Units: []apiRankedUnit{}}
	for _, u := range rk.Units {
		au := apiRankedUnit{ID: u.Org.ID, Name: u.Org.Name, Kind: string(u.Org.Kind), Rank: u.Rank, Flags: u.Score.Flags, Penalty: u.Score.Penalty, Parts: []apiPart{}}
		if u.Score.Known {
			v := u.Score.Value
			au.Score = &v
		}
		for _, p := range u.Score.Parts {
			au.Parts = append(au.Parts, apiPart{Key: p.Key, Rate: rateJSON(p.Rate), Weight: p.Weight, Points: p.Points})
		}
		out.Units = append(out.Units, au)
	}
	writeJSON(w, http.StatusOK, out)
}

type apiWeights struct {
	OrgID   int64             `json:"org_id"`
	Weights oversight.Weights `json:"weights"`
	From    int64             `json:"from"`
}

func (s *Server) apiWeightsGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	wt, from, err := s.ovs.WeightsOf(r.Context(), org)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiWeights{OrgID: org, Weights: wt, From: from})
}

type apiWeightsIn struct {
	OrgID      int64 `json:"org_id"`
	OnTime     *int  `json:"on_time"`
	Thematic   *int  `json:"thematic"`
	Attendance *int  `json:"attendance"`
	Tot        *int  `json:"tot"`
	Flags      *int  `json:"flags"`
}

// apiWeightsPut stores a board's weights; a weight left out is refused.
func (s *Server) apiWeightsPut(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiWeightsIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	f := party.FieldErrors{}
	get := func(k string, p *int) int {
		if p == nil {
			f.Add(k, "web.oversight.weights.missing")
			return 0
		}
		return *p
	}
	wt := oversight.Weights{OnTime: get("on_time", in.OnTime), Thematic: get("thematic", in.Thematic), Attendance: get("attendance", in.Attendance),
		Tot: get("tot", in.Tot), Flags: get("flags", in.Flags)}
	if len(f) > 0 {
		s.fail(w, r, c, f.Err())
		return
	}
	if err := s.ovs.SetWeights(r.Context(), c.Actor(), in.OrgID, wt); err != nil {
		s.fail(w, r, c, err)
		return
	}
	wt, from, err := s.ovs.WeightsOf(r.Context(), in.OrgID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiWeights{OrgID: in.OrgID, Weights: wt, From: from})
}

type apiReminder struct {
	ID         int64      `json:"id"`
	Kind       string     `json:"kind"`
	Level      int        `json:"level"`
	OrgID      int64      `json:"org_id"`
	OrgName    string     `json:"org_name"`
	Period     string     `json:"period"`
	MeetingID  int64      `json:"meeting_id,omitempty"`
	MemberID   int64      `json:"member_id,omitempty"`
	Message    string     `json:"message"`
	Link       string     `json:"link"`
	DueOn      party.Date `json:"due_on"`
	SentAt     string     `json:"sent_at"`
	Recipients []string   `json:"recipients"`
}

// apiReminders lists the reminders sent about the cells under ?org=.
func (s *Server) apiReminders(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.ovs.SentUnder(r.Context(), org, limitParam(r))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []apiReminder{}
	for _, rm := range list {
		to := rm.To
		if to == nil {
			to = []string{}
		}
		out = append(out, apiReminder{ID: rm.ID, Kind: rm.Kind, Level: rm.Level, OrgID: rm.OrgID, OrgName: rm.OrgName, Period: rm.Period,
			MeetingID: rm.MeetingID, MemberID: rm.MemberID, Message: c.Msg(rm.Msg), Link: rm.Link, DueOn: rm.DueOn, SentAt: rfc3339(rm.SentAt), Recipients: to})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

type apiUnitReminder struct {
	ID             int64      `json:"id"`
	OrgID          int64      `json:"org_id"`
	UnitID         int64      `json:"unit_id"`
	UnitName       string     `json:"unit_name"`
	Kind           string     `json:"kind"`
	Reason         string     `json:"reason"`
	From           string     `json:"from"`
	To             string     `json:"to"`
	IssuedOn       party.Date `json:"issued_on"`
	Score          float64    `json:"score"`
	OnTimeRate     float64    `json:"on_time_rate"`
	AttendanceRate float64    `json:"attendance_rate"`
	Follow         string     `json:"follow"`
	ScoreSince     *float64   `json:"score_since"`
	SinceFrom      string     `json:"since_from,omitempty"`
	SinceTo        string     `json:"since_to,omitempty"`
}

func (s *Server) unitRemindersJSON(r *http.Request, org int64) ([]apiUnitReminder, error) {
	list, err := s.ovs.UnitReminders(r.Context(), org, limitParam(r))
	if err != nil {
		return nil, err
	}
	out := []apiUnitReminder{}
	for _, v := range list {
		a := apiUnitReminder{ID: v.ID, OrgID: v.OrgID, UnitID: v.UnitID, UnitName: v.UnitName, Kind: v.Kind, Reason: v.Reason, From: v.From, To: v.To,
			IssuedOn: v.IssuedOn, Score: v.Score, OnTimeRate: v.OnTimeRate, AttendanceRate: v.AttendanceRate, Follow: v.Follow}
		if v.AfterScore.Known {
			sc := v.AfterScore.Value
			a.ScoreSince, a.SinceFrom, a.SinceTo = &sc, v.Since.From.String(), v.Since.To.String()
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *Server) apiUnitReminders(w http.ResponseWriter, r *http.Request, c *Ctx) {
	itemsOfQueryOrg(s, w, r, c, s.unitRemindersJSON)
}

// itemsOfQueryOrg answers {"items": [...]} of the organization of ?org=.
func itemsOfQueryOrg[T any](s *Server, w http.ResponseWriter, r *http.Request, c *Ctx, items func(*http.Request, int64) ([]T, error)) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out, err := items(r, org)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

type apiUnitReminderIn struct {
	OrgID  int64  `json:"org_id"`
	UnitID int64  `json:"unit_id"`
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	From   string `json:"from"`
	To     string `json:"to"`
}

func (s *Server) apiUnitRemindCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiUnitReminderIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	rng, err := oversight.ParseRange(in.From, in.To, s.ovToday())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.ovs.RemindUnit(r.Context(), c.Actor(), oversight.UnitReminderInput{OrgID: in.OrgID, UnitID: in.UnitID, Kind: in.Kind, Reason: in.Reason, Range: rng})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.unitRemindersJSON(r, in.OrgID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	for _, a := range list {
		if a.ID == id {
			writeJSON(w, http.StatusCreated, a)
			return
		}
	}
	writeJSON(w, http.StatusCreated, apiUnitReminder{ID: id, OrgID: in.OrgID, UnitID: in.UnitID, Kind: in.Kind, Follow: oversight.FollowNoData})
}

type apiCommendedUnit struct {
	ID    int64   `json:"id"`
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

type apiCommendation struct {
	ID        int64              `json:"id"`
	OrgID     int64              `json:"org_id"`
	Number    string             `json:"number"`
	DecidedOn party.Date         `json:"decided_on"`
	Form      string             `json:"form"`
	Content   string             `json:"content"`
	From      string             `json:"from"`
	To        string             `json:"to"`
	Units     []apiCommendedUnit `json:"units"`
}

func (s *Server) commendationsJSON(r *http.Request, org int64) ([]apiCommendation, error) {
	list, err := s.ovs.Commendations(r.Context(), org, limitParam(r))
	if err != nil {
		return nil, err
	}
	out := []apiCommendation{}
	for _, cm := range list {
		a := apiCommendation{ID: cm.ID, OrgID: cm.OrgID, Number: cm.Number, DecidedOn: cm.DecidedOn, Form: cm.Form, Content: cm.Content, From: cm.From, To: cm.To,
			Units: []apiCommendedUnit{}}
		for _, u := range cm.Units {
			a.Units = append(a.Units, apiCommendedUnit{ID: u.UnitID, Name: u.Name, Score: u.Score})
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *Server) apiCommendations(w http.ResponseWriter, r *http.Request, c *Ctx) {
	itemsOfQueryOrg(s, w, r, c, s.commendationsJSON)
}

type apiCommendationIn struct {
	OrgID     int64   `json:"org_id"`
	Number    string  `json:"number"`
	DecidedOn string  `json:"decided_on"`
	Form      string  `json:"form"`
	Content   string  `json:"content"`
	From      string  `json:"from"`
	To        string  `json:"to"`
	UnitIDs   []int64 `json:"unit_ids"`
}

func (s *Server) apiCommendCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiCommendationIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	rng, err := oversight.ParseRange(in.From, in.To, s.ovToday())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	on, err := party.ParseVN(in.DecidedOn)
	if err != nil {
		s.fail(w, r, c, &party.Error{Code: party.EInvalid, Msg: party.M("oversight.commend.date_required"),
			Fields: party.FieldErrors{"decided_on": party.M("oversight.commend.date_required")}})
		return
	}
	id, err := s.ovs.Commend(r.Context(), c.Actor(), oversight.CommendInput{OrgID: in.OrgID, Number: in.Number, DecidedOn: on, Form: in.Form,
		Content: in.Content, Range: rng, UnitIDs: in.UnitIDs})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.commendationsJSON(r, in.OrgID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	for _, a := range list {
		if a.ID == id {
			writeJSON(w, http.StatusCreated, a)
			return
		}
	}
	writeJSON(w, http.StatusCreated, apiCommendation{ID: id, OrgID: in.OrgID, Units: []apiCommendedUnit{}})
}

type apiConfirmed struct {
	Rating string `json:"rating"`
	Note   string `json:"note"`
	By     string `json:"by"`
	At     string `json:"at"`
}

type apiRatingCell struct {
	ID        int64         `json:"id"`
	Name      string        `json:"name"`
	Score     *float64      `json:"score"`
	Proposed  string        `json:"proposed"`
	Capped    bool          `json:"capped"`
	Confirmed *apiConfirmed `json:"confirmed"`
}

type apiRatings struct {
	Org     apiOrgRef       `json:"org"`
	Year    int             `json:"year"`
	Partial bool            `json:"partial"`
	Caps    map[string]int  `json:"caps"`
	Cells   []apiRatingCell `json:"cells"`
}

// apiRatings answers GET /api/v1/oversight/ratings?org=&year=.
func (s *Server) apiRatings(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	year, err := oversight.YearParam(r.URL.Query().Get("year"), s.ovToday())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	rt, err := s.ovs.Ratings(r.Context(), org, year)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := apiRatings{Org: orgRef(rt.Org), Year: year, Partial: rt.Partial, Cells: []apiRatingCell{},
		Caps: map[string]int{"excellent_cap": rt.Caps.ExcellentCap, "excellent_min_good": rt.Caps.ExcellentMinGood}}
	for _, p := range rt.Cells {
		a := apiRatingCell{ID: p.Unit.Org.ID, Name: p.Unit.Org.Name, Proposed: string(p.Proposed), Capped: p.Capped}
		if p.Score.Known {
			v := p.Score.Value
			a.Score = &v
		}
		if p.Confirmed != nil {
			a.Confirmed = &apiConfirmed{Rating: string(p.Confirmed.Rating), Note: p.Confirmed.Note, By: p.Confirmed.ConfirmedBy, At: rfc3339(p.Confirmed.ConfirmedAt)}
		}
		out.Cells = append(out.Cells, a)
	}
	writeJSON(w, http.StatusOK, out)
}

type apiRatingIn struct {
	OrgID  int64  `json:"org_id"`
	Year   int    `json:"year"`
	Rating string `json:"rating"`
	Note   string `json:"note"`
}

// apiRatingConfirm records the rating decided for a cell (org_id).
func (s *Server) apiRatingConfirm(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiRatingIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if err := s.ovs.ConfirmRating(r.Context(), c.Actor(), in.OrgID, in.Year, party.YearRating(in.Rating), in.Note); err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"org_id": in.OrgID, "year": in.Year, "rating": in.Rating})
}

type apiModel struct {
	MeetingID   int64      `json:"meeting_id"`
	CellID      int64      `json:"cell_id"`
	CellName    string     `json:"cell_name"`
	CellType    string     `json:"cell_type"`
	Kind        string     `json:"kind"`
	Period      string     `json:"period"`
	HeldOn      party.Date `json:"held_on"`
	Topic       string     `json:"topic"`
	LeadPaper   string     `json:"lead_paper"`
	Resolution  string     `json:"resolution"`
	MinutesText string     `json:"minutes_text"`
	Note        string     `json:"note"`
	MarkedBy    apiOrgRef  `json:"marked_by"`
	MarkedAt    string     `json:"marked_at"`
}

// apiModels answers GET /api/v1/oversight/models?org=&cell_type=&kind=.
func (s *Server) apiModels(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	q := r.URL.Query()
	if k := q.Get("kind"); k != "" && !party.MeetingKind(k).Valid() {
		s.fail(w, r, c, party.Invalid("web.oversight.models.bad_kind", k))
		return
	}
	var scope string
	if err := s.db.View(r.Context(), func(tx *store.Tx) error {
		o, err := tx.Org(r.Context(), org)
		scope = o.Path
		return err
	}); err != nil {
		s.fail(w, r, c, err)
		return
	}
	list, err := s.ovs.Models(r.Context(), scope, party.CellType(q.Get("cell_type")), party.MeetingKind(q.Get("kind")))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []apiModel{}
	for _, m := range list {
		out = append(out, apiModel{MeetingID: m.MeetingID, CellID: m.CellID, CellName: m.CellName, CellType: string(m.CellType), Kind: string(m.Kind),
			Period: m.Period, HeldOn: m.HeldOn, Topic: m.Topic, LeadPaper: m.LeadPaper, Resolution: m.Resolution, MinutesText: m.MinutesText, Note: m.Note,
			MarkedBy: apiOrgRef{ID: m.OrgID, Name: m.OrgName}, MarkedAt: rfc3339(m.MarkedAt)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

type apiModelIn struct {
	Note string `json:"note"`
}

func (s *Server) apiModelMark(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiModelIn
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &in); err != nil {
			s.fail(w, r, c, err)
			return
		}
	}
	id := pathID(r, "id")
	committee, err := s.markingCommittee(r, c, id)
	if err == nil {
		err = s.ovs.MarkModel(r.Context(), c.Actor(), committee, id, in.Note)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"meeting_id": id, "model": true, "marked_by": committee})
}

func (s *Server) apiModelUnmark(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	if err := s.ovs.UnmarkModel(r.Context(), c.Actor(), id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"meeting_id": id, "model": false, "marked_by": 0})
}
