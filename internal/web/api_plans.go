package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/review"
	"chibo/internal/store"
)

// The plans and review report API (DESIGN.md): GET/POST /api/v1/plans,
// GET/PUT /api/v1/plans/{id}, GET /api/v1/plans/{id}/progress?org=ID,
// GET/PUT /api/v1/reports/review. Shares are numbers 0–1; targets are
// percentages 0–100 (as people set them).

type apiPlanOrg struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type apiTarget struct {
	Year   int     `json:"year"`
	Target float64 `json:"target"`
}

type apiPlanIndicator struct {
	Code       string      `json:"code"`
	Name       string      `json:"name"`
	Definition string      `json:"definition"`
	Targets    []apiTarget `json:"targets"`
}

type apiPlan struct {
	ID          int64              `json:"id"`
	OrgID       int64              `json:"org_id"`
	OrgName     string             `json:"org_name"`
	Number      string             `json:"number"`
	Title       string             `json:"title"`
	Goals       string             `json:"goals"`
	YearFrom    int                `json:"year_from"`
	YearTo      int                `json:"year_to"`
	Responsible []apiPlanOrg       `json:"responsible"`
	Indicators  []apiPlanIndicator `json:"indicators"`
	Version     int64              `json:"version"`
	CreatedBy   string             `json:"created_by"`
	CreatedAt   string             `json:"created_at"`
	UpdatedAt   string             `json:"updated_at"`
}

// planTimeJSON writes a time in Vietnam, "" for none.
func planTimeJSON(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(party.Zone).Format(time.RFC3339)
}

func apiPlanOf(c *Ctx, p store.Plan) apiPlan {
	out := apiPlan{ID: p.ID, OrgID: p.OrgID, OrgName: p.OrgName, Number: p.Number, Title: p.Title, Goals: p.Goals, YearFrom: p.YearFrom, YearTo: p.YearTo,
		Responsible: []apiPlanOrg{}, Indicators: []apiPlanIndicator{}, Version: p.Version, CreatedBy: p.CreatedBy, CreatedAt: planTimeJSON(p.CreatedAt),
		UpdatedAt: planTimeJSON(p.UpdatedAt)}
	for _, o := range p.Responsible {
		out.Responsible = append(out.Responsible, apiPlanOrg{o.ID, o.Name})
	}
	for _, code := range p.Indicators {
		in := apiPlanIndicator{Code: code, Name: c.T(plans.NameKey(code)), Definition: c.T(plans.DefKey(code)), Targets: []apiTarget{}}
		for _, t := range p.Targets {
			if t.Indicator == code {
				in.Targets = append(in.Targets, apiTarget{Year: t.Year, Target: float64(t.Permille) / 10})
			}
		}
		out.Indicators = append(out.Indicators, in)
	}
	return out
}

// apiPlanIn is a plan as a client sends it: each indicator's targets by
// year, as numbers (92.5) or as people type them ("92,5").
type apiPlanIn struct {
	OrgID       int64   `json:"org_id"`
	Number      string  `json:"number"`
	Title       string  `json:"title"`
	Goals       string  `json:"goals"`
	YearFrom    int     `json:"year_from"`
	YearTo      int     `json:"year_to"`
	Responsible []int64 `json:"responsible_ids"`
	Indicators  []struct {
		Code    string                     `json:"code"`
		Targets map[string]json.RawMessage `json:"targets"`
	} `json:"indicators"`
	Version int64 `json:"version"`
}

// input turns the body into the service's input; a year or a target that
// is neither a number nor a numeric text is reported beside its field.
func (b apiPlanIn) input() (plans.Input, party.FieldErrors) {
	fe := party.FieldErrors{}
	in := plans.Input{OrgID: b.OrgID, Number: b.Number, Title: b.Title, Goals: b.Goals, YearFrom: b.YearFrom, YearTo: b.YearTo, Responsible: b.Responsible,
		Version: b.Version}
	for _, ind := range b.Indicators {
		ii := plans.IndicatorInput{Code: ind.Code, Targets: map[int]string{}}
		for ys, raw := range ind.Targets {
			y, msg := plans.ParseYear(ys)
			if msg != nil {
				fe.Add("target."+ind.Code+"."+ys, msg.Key, msg.Args...)
				continue
			}
			v, ok := targetText(raw)
			if !ok {
				fe.Add(plans.TargetField(ind.Code, y), "plan.target.not_number", strings.TrimSpace(string(raw)))
				continue
			}
			ii.Targets[y] = v
		}
		in.Indicators = append(in.Indicators, ii)
	}
	return in, fe
}

// targetText reads a target sent as a number or a string ("" for null).
func targetText(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&n) == nil {
		return n.String(), true
	}
	return "", false
}

func (s *Server) apiPlanList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	_, list, err := s.svc.Plans.List(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []apiPlan{}
	for _, p := range list {
		out = append(out, apiPlanOf(c, p))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiPlanCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var b apiPlanIn
	if err := decodeJSON(r, &b); err != nil {
		s.fail(w, r, c, err)
		return
	}
	in, fe := b.input()
	if err := plans.Err(fe); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id, err := s.svc.Plans.Create(r.Context(), c.Actor(), in)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	p, err := s.svc.Plans.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	w.Header().Set("Location", "/api/v1/plans/"+strconv.FormatInt(id, 10))
	writeJSON(w, http.StatusCreated, apiPlanOf(c, p))
}

// apiPlanGet is a plan, seen from ?org= (an organization it applies to)
// or from its own.
func (s *Server) apiPlanGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	p, err := s.svc.Plans.Get(r.Context(), pathID(r, "id"))
	if err == nil && !plans.Applies(p, c.Target.OrgPath) && !strings.HasPrefix(p.OrgPath, c.Target.OrgPath) {
		err = party.NotFound("plan.not_found", r.PathValue("id"))
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiPlanOf(c, p))
}

// apiPlanUpdate saves a plan; the body names the plan's own organization
// (org_id) and the version it was read at.
func (s *Server) apiPlanUpdate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var b apiPlanIn
	if err := decodeJSON(r, &b); err != nil {
		s.fail(w, r, c, err)
		return
	}
	id := pathID(r, "id")
	old, err := s.svc.Plans.Get(r.Context(), id)
	if err == nil && old.OrgID != b.OrgID {
		// Another organization's plan: as if it did not exist for this one.
		err = party.NotFound("plan.not_found", r.PathValue("id"))
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	in, fe := b.input()
	if err := plans.Err(fe); err != nil {
		s.fail(w, r, c, err)
		return
	}
	if err := s.svc.Plans.Update(r.Context(), c.Actor(), id, in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	p, err := s.svc.Plans.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiPlanOf(c, p))
}

type apiValue struct {
	Year        int      `json:"year"`
	Target      *float64 `json:"target"`
	Value       *float64 `json:"value"`
	Numerator   int      `json:"numerator"`
	Denominator int      `json:"denominator"`
	Status      string   `json:"status"`
}

type apiIndicatorValues struct {
	Code  string     `json:"code"`
	Name  string     `json:"name"`
	Years []apiValue `json:"years"`
}

type apiProgressRow struct {
	OrgID       int64                `json:"org_id"`
	Name        string               `json:"name"`
	IsCell      bool                 `json:"is_cell"`
	Responsible bool                 `json:"responsible"`
	Indicators  []apiIndicatorValues `json:"indicators"`
}

type apiProgress struct {
	Plan  apiPlan          `json:"plan"`
	OrgID int64            `json:"org_id"`
	Years []int            `json:"years"`
	Today string           `json:"today"`
	Self  apiProgressRow   `json:"self"`
	Units []apiProgressRow `json:"units"`
}

func apiValues(c *Ctx, vs plans.Values) apiIndicatorValues {
	out := apiIndicatorValues{Code: vs.Code, Name: c.T(plans.NameKey(vs.Code)), Years: []apiValue{}}
	for _, v := range vs.Years {
		av := apiValue{Year: v.Year, Numerator: v.Rate.N, Denominator: v.Rate.D, Status: string(v.Status)}
		if v.HasTarget {
			t := float64(v.Target) / 10
			av.Target = &t
		}
		if v.Rate.Known {
			x := v.Rate.Value
			av.Value = &x
		}
		out.Years = append(out.Years, av)
	}
	return out
}

func apiProgressRowOf(c *Ctx, row plans.Row) apiProgressRow {
	out := apiProgressRow{OrgID: row.Org.ID, Name: row.Org.Name, IsCell: row.IsCell, Responsible: row.Responsible, Indicators: []apiIndicatorValues{}}
	for _, vs := range row.Indicators {
		out.Indicators = append(out.Indicators, apiValues(c, vs))
	}
	return out
}

// apiPlanProgress is a plan's indicators measured for ?org= (the plan's own
// organization when absent) and each organization under it, year by year.
func (s *Server) apiPlanProgress(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org := atoi64(r.URL.Query().Get("org"))
	pr, err := s.svc.Plans.Progress(r.Context(), pathID(r, "id"), org)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := apiProgress{Plan: apiPlanOf(c, pr.Plan), OrgID: pr.Org.ID, Years: pr.Years, Today: pr.Today.ISO(), Self: apiProgressRowOf(c, pr.Self),
		Units: []apiProgressRow{}}
	for _, u := range pr.Units {
		out.Units = append(out.Units, apiProgressRowOf(c, u))
	}
	writeJSON(w, http.StatusOK, out)
}

// planRateJSON is a share, or null when it means nothing.
func planRateJSON(r oversight.Rate) *float64 {
	if !r.Known {
		return nil
	}
	v := r.Value
	return &v
}

type apiReviewText struct {
	OrgID      int64  `json:"org_id"`
	From       string `json:"from"`
	To         string `json:"to"`
	Number     string `json:"number"`
	Leadership string `json:"leadership"`
	Strengths  string `json:"strengths"`
	Weaknesses string `json:"weaknesses"`
	Lessons    string `json:"lessons"`
	Directions string `json:"directions"`
	Proposals  string `json:"proposals"`
	Signer     string `json:"signer"`
	SignRole   string `json:"sign_role"`
	Recipients string `json:"recipients"`
	Version    int64  `json:"version"`
}

type apiReviewUnit struct {
	OrgID int64    `json:"org_id"`
	Name  string   `json:"name"`
	Rank  int      `json:"rank"`
	Score *float64 `json:"score"`
}

type apiReviewPlan struct {
	ID         int64                `json:"id"`
	Number     string               `json:"number"`
	Title      string               `json:"title"`
	OrgID      int64                `json:"org_id"`
	Indicators []apiIndicatorValues `json:"indicators"`
}

type apiReview struct {
	OrgID     int64  `json:"org_id"`
	OrgName   string `json:"org_name"`
	From      string `json:"from"`
	To        string `json:"to"`
	Summary   string `json:"summary"`
	Empty     bool   `json:"empty"`
	Situation struct {
		AsOf         string `json:"as_of"`
		Committees   int    `json:"committees"`
		Cells        int    `json:"cells"`
		Members      int    `json:"members"`
		Probationary int    `json:"probationary"`
	} `json:"situation"`
	Compliance struct {
		CellMonths      int      `json:"cell_months"`
		OnTime          int      `json:"on_time"`
		Late            int      `json:"late"`
		Missing         int      `json:"missing"`
		NotDue          int      `json:"not_due"`
		OnTimeRate      *float64 `json:"on_time_rate"`
		ThematicHeld    int      `json:"thematic_held"`
		ThematicMissing int      `json:"thematic_missing"`
		ThematicRate    *float64 `json:"thematic_rate"`
	} `json:"compliance"`
	Quality struct {
		Held           int            `json:"held"`
		AttendanceRate *float64       `json:"attendance_rate"`
		Grades         map[string]int `json:"grades"`
		CompleteRate   *float64       `json:"complete_rate"`
		SignedRate     *float64       `json:"signed_rate"`
		Flags          int            `json:"flags"`
	} `json:"quality"`
	Training struct {
		Secretaries int      `json:"secretaries"`
		Trained     int      `json:"trained"`
		Rate        *float64 `json:"rate"`
	} `json:"training"`
	Documents struct {
		Reached int      `json:"reached"`
		Acked   int      `json:"acked"`
		Rate    *float64 `json:"rate"`
	} `json:"documents"`
	Plans     []apiReviewPlan `json:"plans"`
	Strongest []apiReviewUnit `json:"strongest"`
	Weakest   []apiReviewUnit `json:"weakest"`
	Text      apiReviewText   `json:"text"`
}

func apiReviewTextOf(t store.ReviewText) apiReviewText {
	return apiReviewText{OrgID: t.OrgID, From: t.From, To: t.To, Number: t.Number, Leadership: t.Leadership, Strengths: t.Strengths, Weaknesses: t.Weaknesses,
		Lessons: t.Lessons, Directions: t.Directions, Proposals: t.Proposals, Signer: t.Signer, SignRole: t.SignRole, Recipients: t.Recipients, Version: t.Version}
}

func apiReviewOf(c *Ctx, rep review.Report) apiReview {
	var out apiReview
	out.OrgID, out.OrgName, out.From, out.To = rep.Org.ID, rep.Org.Name, rep.Asked.FromParam(), rep.Asked.ToParam()
	out.Summary, out.Empty = c.Msg(review.Summary(rep.Asked)), rep.Empty
	st := rep.Situation
	out.Situation.AsOf, out.Situation.Committees, out.Situation.Cells, out.Situation.Members, out.Situation.Probationary =
		st.AsOf.ISO(), st.Committees, st.Cells, st.Members, st.Probationary
	t := rep.Overview.Total
	cp := &out.Compliance
	cp.CellMonths, cp.OnTime, cp.Late, cp.Missing, cp.NotDue, cp.OnTimeRate = t.Cells, t.OnTime, t.Late, t.Missing, t.NotDue, planRateJSON(t.OnTimeRate())
	cp.ThematicHeld, cp.ThematicMissing, cp.ThematicRate = t.ThematicHeld, t.ThematicMissing, planRateJSON(t.ThematicRate())
	q := &out.Quality
	q.Held, q.AttendanceRate, q.CompleteRate, q.SignedRate, q.Flags = t.Held(), planRateJSON(t.AttendanceRate()), planRateJSON(t.CompleteRate()), planRateJSON(t.SignedRate()), t.Flags
	q.Grades = map[string]int{}
	for _, g := range review.GradeCounts(t) {
		q.Grades[string(g.Grade)] = g.N
	}
	w := rep.Whole
	out.Training.Secretaries, out.Training.Trained, out.Training.Rate = w.Secretaries, w.Trained, planRateJSON(plans.ValueOf(plans.SecretariesTrained, w))
	out.Documents.Reached, out.Documents.Acked, out.Documents.Rate = w.Reached, w.Acked, planRateJSON(plans.ValueOf(plans.DocumentsAcked, w))
	out.Plans = []apiReviewPlan{}
	for _, pr := range rep.Plans {
		ap := apiReviewPlan{ID: pr.Plan.ID, Number: pr.Plan.Number, Title: pr.Plan.Title, OrgID: pr.Plan.OrgID, Indicators: []apiIndicatorValues{}}
		for _, row := range pr.Rows {
			ap.Indicators = append(ap.Indicators, apiValues(c, row))
		}
		out.Plans = append(out.Plans, ap)
	}
	units := func(us []oversight.RankedUnit) []apiReviewUnit {
		l := []apiReviewUnit{}
		for _, u := range us {
			au := apiReviewUnit{OrgID: u.Org.ID, Name: u.Org.Name, Rank: u.Rank}
			if u.Score.Known {
				v := u.Score.Value
				au.Score = &v
			}
			l = append(l, au)
		}
		return l
	}
	out.Strongest, out.Weakest = units(rep.Strongest), units(rep.Weakest)
	out.Text = apiReviewTextOf(rep.Text)
	return out
}

// apiReview is the review report of ?org= for ?from=&to=: JSON (the
// default), the page (format=html), or a file (docx, pdf, xlsx).
func (s *Server) apiReview(w http.ResponseWriter, r *http.Request, c *Ctx) {
	q := r.URL.Query()
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	switch format := q.Get("format"); format {
	case "", "json":
	case "html":
		s.renderReview(w, r, c, http.StatusOK, org, q.Get("from"), q.Get("to"), nil)
		return
	default:
		s.reviewFile(w, r, c, org, format, q.Get("from"), q.Get("to"))
		return
	}
	rng, err := s.reviewRange(r, q.Get("from"), q.Get("to"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	rep, err := s.svc.Review.Build(r.Context(), org, rng)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiReviewOf(c, rep))
}

// apiReviewSave keeps the board's text of a report; version is the one
// read (0 for a first save): a text saved meanwhile answers 409.
func (s *Server) apiReviewSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var b apiReviewText
	if err := decodeJSON(r, &b); err != nil {
		s.fail(w, r, c, err)
		return
	}
	rng, err := s.reviewRange(r, b.From, b.To)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	t := review.Text{Number: b.Number, Leadership: b.Leadership, Strengths: b.Strengths, Weaknesses: b.Weaknesses, Lessons: b.Lessons,
		Directions: b.Directions, Proposals: b.Proposals, Signer: b.Signer, SignRole: b.SignRole, Recipients: b.Recipients, Version: b.Version}
	if _, err := s.svc.Review.SaveText(r.Context(), c.Actor(), b.OrgID, rng, t); err != nil {
		s.fail(w, r, c, err)
		return
	}
	var saved store.ReviewText
	err = s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		saved, _, err = tx.ReviewTextOf(r.Context(), b.OrgID, rng.FromParam(), rng.ToParam())
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, apiReviewTextOf(saved))
}
