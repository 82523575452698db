package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// The quality API (DESIGN.md, API core): a meeting's evaluation, similar
// minutes, topics and score sheets. Scores and grades are the core's.

type apiEvalItem struct {
	Key            string `json:"key"`
	Group          string `json:"group"`
	Title          string `json:"title"`
	Max            int    `json:"max"`
	Points         int    `json:"points"`
	Computed       bool   `json:"computed"`
	RequiredForTot bool   `json:"required_for_tot"`
	Reason         string `json:"reason"`
}

type apiScored struct {
	By       string        `json:"by"`
	Score    int           `json:"score"`
	Grade    string        `json:"grade"`
	Why      string        `json:"why"`
	Sheet    string        `json:"sheet"`
	ByUser   string        `json:"by_user"`
	At       string        `json:"at"`
	Items    []apiEvalItem `json:"items"`
	Unscored []string      `json:"unscored"`
}

type apiSheetRef struct {
	Code    string `json:"code"`
	Version int    `json:"version"`
	Total   int    `json:"total"`
}

// apiEvaluation answers GET and PUT .../evaluation: score and grade are
// those oversight uses (the review when there is one), items are theirs
// (or, before anyone scored, what the data decides); both evaluations are
// given in full.
type apiEvaluation struct {
	MeetingID int64         `json:"meeting_id"`
	Sheet     apiSheetRef   `json:"sheet"`
	Score     *int          `json:"score"`
	Grade     *string       `json:"grade"`
	Used      string        `json:"used"`
	Items     []apiEvalItem `json:"items"`
	Self      *apiScored    `json:"self"`
	Review    *apiScored    `json:"review"`
}

// evalItems turns the core's item scores into the answer, in sheet order.
func evalItems(c *Ctx, sheet party.ScoreSheet, scores []party.ItemScore) []apiEvalItem {
	out := []apiEvalItem{}
	for _, sc := range scores {
		it, _ := sheet.Item(sc.Key)
		a := apiEvalItem{Key: sc.Key, Group: it.Group, Title: it.Title, Max: it.Points, Points: sc.Points, Computed: sc.Computed, RequiredForTot: it.RequiredForTot}
		if sc.Reason.Key != "" {
			a.Reason = c.Msg(sc.Reason)
		}
		out = append(out, a)
	}
	return out
}

func toAPIEvaluation(c *Ctx, id int64, ev quality.Evaluation) apiEvaluation {
	out := apiEvaluation{MeetingID: id, Sheet: apiSheetRef{Code: ev.Sheet.Code, Version: ev.Sheet.Version, Total: ev.Sheet.Total}}
	scored := func(sc *quality.Scored) *apiScored {
		if sc == nil {
			return nil
		}
		a := &apiScored{By: sc.Row.By, Score: sc.Result.Total, Grade: string(sc.Result.Grade), Sheet: sc.Row.Sheet, ByUser: sc.Row.ByUser,
			At: rfc3339(sc.Row.At), Items: evalItems(c, ev.Sheet, sc.Result.Items), Unscored: sc.Result.Unscored}
		if a.Unscored == nil {
			a.Unscored = []string{}
		}
		if sc.Result.Why.Key != "" {
			a.Why = c.Msg(sc.Result.Why)
		}
		return a
	}
	out.Self, out.Review = scored(ev.Self), scored(ev.Review)
	used := out.Review
	if used == nil {
		used = out.Self
	}
	if used != nil {
		score, grade := used.Score, string(ev.Grade)
		out.Score, out.Grade, out.Used, out.Items = &score, &grade, used.By, used.Items
		return out
	}
	// Nobody scored yet: the sheet with what the data decides.
	var items []party.ItemScore
	for _, it := range ev.Sheet.Items {
		sc, ok := ev.Computed[it.Key]
		if !ok {
			sc = party.ItemScore{Key: it.Key}
		}
		items = append(items, sc)
	}
	out.Items = evalItems(c, ev.Sheet, items)
	return out
}

func (s *Server) apiEvaluationGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	_, ev, err := s.quality.Load(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, toAPIEvaluation(c, id, ev))
}

type apiScoreIn struct {
	Key    string `json:"key"`
	Points int    `json:"points"`
	Reason string `json:"reason"`
}

type apiEvaluationIn struct {
	By    string       `json:"by"`
	Items []apiScoreIn `json:"items"`
}

// evaluatorAction is the action each evaluator needs: the cell scores
// itself (the secretary), the following committee member reviews.
func evaluatorAction(by string) (auth.Action, bool) {
	switch by {
	case quality.BySelf:
		return auth.EditMeetings, true
	case quality.ByReview:
		return auth.ReviewMeetings, true
	}
	return "", false
}

// apiEvaluationPut stores one evaluator's scores. The guard let through
// whoever may see the meeting; "by" decides the action authorized here.
func (s *Server) apiEvaluationPut(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiEvaluationIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	action, ok := evaluatorAction(in.By)
	if !ok {
		f := party.FieldErrors{}
		f.Add("by", "quality.by_invalid")
		s.fail(w, r, c, f.Err())
		return
	}
	if err := auth.Authorize(c.P, action, c.Target); err != nil {
		s.fail(w, r, c, err)
		return
	}
	scores := make([]party.ScoreInput, 0, len(in.Items))
	for _, x := range in.Items {
		scores = append(scores, party.ScoreInput{Key: x.Key, Points: x.Points, Reason: x.Reason})
	}
	id := pathID(r, "id")
	ev, err := s.quality.Evaluate(r.Context(), c.Actor(), id, in.By, scores)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, toAPIEvaluation(c, id, ev))
}

// apiPair is a flagged pair of minutes; similarity is 0–1.
type apiPair struct {
	A          int64      `json:"a"`
	B          int64      `json:"b"`
	Similarity float64    `json:"similarity"`
	Kind       string     `json:"kind"`
	Status     string     `json:"status"`
	Period     string     `json:"period"`
	Note       string     `json:"note"`
	ReviewedBy string     `json:"reviewed_by"`
	AOrgID     int64      `json:"a_org_id"`
	BOrgID     int64      `json:"b_org_id"`
	ADate      party.Date `json:"a_date"`
	BDate      party.Date `json:"b_date"`
}

// apiDayRange reads ?from= and ?to= as days (YYYY-MM-DD) or periods
// (YYYY-MM, YYYY-Qn: from its first day, to its last).
func apiDayRange(r *http.Request, from, to party.Date) (party.Date, party.Date, error) {
	fe := party.FieldErrors{}
	q := r.URL.Query()
	for _, x := range []struct {
		name  string
		d     *party.Date
		first bool
	}{{"from", &from, true}, {"to", &to, false}} {
		v := strings.TrimSpace(q.Get(x.name))
		if v == "" {
			continue
		}
		if d, err := party.ParseISO(v); err == nil {
			*x.d = d
			continue
		}
		p, err := party.ParsePeriod(v)
		if err != nil {
			fe.Add(x.name, "web.quality.api.range_invalid", v)
			continue
		}
		if x.first {
			*x.d = p.First()
		} else {
			*x.d = p.Last()
		}
	}
	if to.Before(from) {
		fe.Add("to", "range.until_before_from")
	}
	return from, to, fe.Err()
}

// apiSimilarList lists the flagged pairs under ?org= (the caller's own
// organization by default), most alike first.
func (s *Server) apiSimilarList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	today := s.orgs.Today()
	from, to, err := apiDayRange(r, party.MonthOf(today.AddMonths(-3)).First(), today)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	status := r.URL.Query().Get("status")
	off, lim := offsetCursor(r), limitParam(r)
	var rows []store.SimilarPairRow
	err = s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		rows, err = tx.SimilarPairsIn(r.Context(), c.Target.OrgPath, from, to, 100000, 0)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	all := []apiPair{}
	for _, p := range rows {
		if status == "" || p.Status == status {
			all = append(all, apiPair{A: p.A, B: p.B, Similarity: p.Similarity, Kind: p.Kind, Status: p.Status, Period: p.Period, Note: p.Note,
				ReviewedBy: p.ReviewedBy, AOrgID: p.OrgA, BOrgID: p.OrgB, ADate: p.DateA, BDate: p.DateB})
		}
	}
	out := page[apiPair]{Items: []apiPair{}}
	if off < len(all) {
		end := min(off+lim, len(all))
		out.Items = all[off:end]
		if end < len(all) {
			out.NextCursor = encodeOffset(end)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

type apiScanIn struct {
	Org    int64  `json:"org"`
	Period string `json:"period"`
}

// apiSimilarScan runs a formalism pass over a period now.
func (s *Server) apiSimilarScan(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiScanIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	p, err := party.ParsePeriod(in.Period)
	if err != nil {
		s.fail(w, r, c, fieldErr("period", err))
		return
	}
	res, err := s.quality.Scan(r.Context(), c.Actor(), p)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"period": p.String(), "minutes": res.Minutes, "peers": res.Peers, "previous": res.Previous,
		"took_ms": res.Took.Milliseconds()})
}

type apiReviewIn struct {
	Status string `json:"status"`
	Note   string `json:"note"`
}

// apiPairReview records the verdict on a pair: "confirmed" (a copy) or
// "dismissed"; the caller must see both meetings.
func (s *Server) apiPairReview(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiReviewIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	p, err := s.loadPairFor(r, c)
	if err == nil {
		err = s.quality.Review(r.Context(), c.Actor(), p.Row.A, p.Row.B, in.Status, cleanNote(in.Note))
	}
	if err == nil {
		p, err = s.quality.LoadPair(r.Context(), p.Row.A, p.Row.B)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	x := p.Row
	writeJSON(w, http.StatusOK, apiPair{A: x.A, B: x.B, Similarity: x.Similarity, Kind: x.Kind, Status: x.Status, Period: x.Period, Note: x.Note,
		ReviewedBy: x.ReviewedBy, AOrgID: p.A.OrgID, BOrgID: p.B.OrgID, ADate: p.A.Date, BDate: p.B.Date})
}

// apiTopic is an orientation topic; org_id is null for the topics shipped.
type apiTopic struct {
	ID          int64    `json:"id"`
	OrgID       *int64   `json:"org_id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Materials   string   `json:"materials"`
	CellTypes   []string `json:"cell_types"`
	Period      string   `json:"period"`
	Group       string   `json:"group"`
	Active      bool     `json:"active"`
}

func toAPITopic(t store.Topic) apiTopic {
	a := apiTopic{ID: t.ID, Title: t.Title, Description: t.Description, Materials: t.Materials, CellTypes: []string{}, Period: t.Period, Group: t.Group, Active: t.Active}
	if t.OrgID != 0 {
		id := t.OrgID
		a.OrgID = &id
	}
	for _, ct := range t.CellTypes {
		a.CellTypes = append(a.CellTypes, string(ct))
	}
	return a
}

// apiTopicList lists the topics oriented to ?org= (the caller's own
// organization by default): for a cell, those for its type from every
// committee above; for a committee, its own and those from above;
// ?period= (YYYY, YYYY-Qn or YYYY-MM) keeps those for that time.
func (s *Server) apiTopicList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := r.URL.Query()
	var first, last party.Date
	if v := strings.TrimSpace(q.Get("period")); v != "" {
		p, err := party.ParsePeriod(v)
		if y, e := strconv.Atoi(v); len(v) == 4 && e == nil {
			first, last, err = party.D(y, time.January, 1), party.D(y, time.December, 31), nil
		} else if err == nil {
			first, last = p.First(), p.Last()
		}
		if err != nil {
			s.fail(w, r, c, fieldErr("period", err))
			return
		}
	}
	var o store.OrgRow
	var ts []store.Topic
	err := s.db.View(ctx, func(tx *store.Tx) error {
		id := atoi64(q.Get("org"))
		if id == 0 {
			id = c.P.OrgID
			if id == 0 && c.P.MemberID != 0 {
				m, err := tx.Member(ctx, c.P.MemberID)
				if err != nil {
					return err
				}
				id = m.OrgID
			}
		}
		if id == 0 {
			f := party.FieldErrors{}
			f.Add("org", "field.required")
			return f.Err()
		}
		var err error
		if o, err = tx.Org(ctx, id); err != nil {
			return err
		}
		if !o.IsCell() {
			ts, err = tx.TopicsFor(ctx, store.PathIDs(o.Path), false)
		}
		return err
	})
	if err == nil && o.IsCell() {
		ts, err = s.quality.TopicsForCell(ctx, o.ID, party.Period{})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if !first.IsZero() {
		ts = topicsIn(ts, first, last)
	}
	out := page[apiTopic]{Items: []apiTopic{}}
	off, lim := offsetCursor(r), limitParam(r)
	for i := off; i < len(ts) && i < off+lim; i++ {
		out.Items = append(out.Items, toAPITopic(ts[i]))
	}
	if off+lim < len(ts) {
		out.NextCursor = encodeOffset(off + lim)
	}
	writeJSON(w, http.StatusOK, out)
}

// topicsIn keeps the topics oriented for some day of a range.
func topicsIn(ts []store.Topic, from, to party.Date) []store.Topic {
	var out []store.Topic
	for _, t := range ts {
		if quality.TopicInRange(t, from, to) {
			out = append(out, t)
		}
	}
	return out
}

type apiTopicIn struct {
	OrgID       int64    `json:"org_id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Materials   string   `json:"materials"`
	CellTypes   []string `json:"cell_types"`
	Period      string   `json:"period"`
	Active      *bool    `json:"active"`
}

// apiTopicCreate publishes a topic of a committee (a cell cannot).
func (s *Server) apiTopicCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiTopicIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	t := store.Topic{OrgID: in.OrgID, Title: in.Title, Description: in.Description, Materials: in.Materials, Period: strings.TrimSpace(in.Period), Active: in.Active == nil || *in.Active}
	for _, ct := range in.CellTypes {
		t.CellTypes = append(t.CellTypes, party.CellType(ct))
	}
	if t.OrgID == 0 {
		f := party.FieldErrors{}
		f.Add("org_id", "field.required")
		s.fail(w, r, c, f.Err())
		return
	}
	id, err := s.quality.SaveTopic(r.Context(), c.Actor(), t)
	if err == nil {
		err = s.db.View(r.Context(), func(tx *store.Tx) error {
			t, err = tx.Topic(r.Context(), id)
			return err
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, toAPITopic(t))
}

type apiSheetItem struct {
	Key            string `json:"key"`
	Group          string `json:"group"`
	Title          string `json:"title"`
	Points         int    `json:"points"`
	Computed       bool   `json:"computed"`
	RequiredForTot bool   `json:"required_for_tot"`
}

type apiSheet struct {
	Code    string         `json:"code"`
	RuleSet string         `json:"rule_set"`
	Version int            `json:"version"`
	Name    string         `json:"name"`
	Total   int            `json:"total"`
	Active  bool           `json:"active"`
	InUse   bool           `json:"in_use"`
	Items   []apiSheetItem `json:"items"`
}

func toAPISheet(row store.ScoreSheetRow, inUse bool) apiSheet {
	a := apiSheet{Code: row.Sheet.Code, RuleSet: row.Sheet.RuleSet, Version: row.Sheet.Version, Name: row.Name, Total: row.Sheet.Total,
		Active: row.Active, InUse: inUse, Items: []apiSheetItem{}}
	for _, it := range row.Sheet.Items {
		a.Items = append(a.Items, apiSheetItem{Key: it.Key, Group: it.Group, Title: it.Title, Points: it.Points, Computed: it.Computed, RequiredForTot: it.RequiredForTot})
	}
	return a
}

// apiSheetList lists every score sheet, newest version first per rule
// set; in_use marks the one evaluations use now.
func (s *Server) apiSheetList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var rows []store.ScoreSheetRow
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		rows, err = tx.ScoreSheets(r.Context())
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := page[apiSheet]{Items: []apiSheet{}}
	seen := map[string]bool{}
	for _, row := range rows {
		inUse := row.Active && !seen[row.Sheet.RuleSet]
		if inUse {
			seen[row.Sheet.RuleSet] = true
		}
		out.Items = append(out.Items, toAPISheet(row, inUse))
	}
	writeJSON(w, http.StatusOK, out)
}

type apiSheetIn struct {
	RuleSet string         `json:"rule_set"`
	Name    string         `json:"name"`
	Total   int            `json:"total"`
	Items   []apiSheetItem `json:"items"`
}

// apiSheetCreate saves a new version of a rule set's sheet.
func (s *Server) apiSheetCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiSheetIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	sheet := party.ScoreSheet{Code: quality.SheetCode(in.RuleSet), RuleSet: in.RuleSet, Total: in.Total}
	for _, it := range in.Items {
		sheet.Items = append(sheet.Items, party.ScoreItem{Key: strings.TrimSpace(it.Key), Group: strings.TrimSpace(it.Group), Title: it.Title,
			Points: it.Points, Computed: it.Computed, RequiredForTot: it.RequiredForTot})
	}
	code, err := s.quality.SaveSheet(r.Context(), c.Actor(), sheet, in.Name)
	var row store.ScoreSheetRow
	if err == nil {
		err = s.db.View(r.Context(), func(tx *store.Tx) error {
			row, err = tx.ScoreSheet(r.Context(), code)
			return err
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusCreated, toAPISheet(row, true))
}

// apiMeetingEval is the "evaluation" of GET /api/v1/meetings/{id}
// (DESIGN.md): the score and grade oversight uses, once evaluated.
type apiMeetingEval struct {
	Score int    `json:"score"`
	Grade string `json:"grade"`
	By    string `json:"by"`
}

// meetingEval reads the stored evaluation oversight uses for a meeting:
// the review when there is one (DOMAIN.md §7), else the cell's own; nil
// before anyone scored it.
func (s *Server) meetingEval(ctx context.Context, id int64) *apiMeetingEval {
	var rows []store.EvaluationRow
	if err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		rows, err = tx.Evaluations(ctx, id)
		return err
	}); err != nil {
		return nil
	}
	var self, review *store.EvaluationRow
	for i := range rows {
		if rows[i].By == quality.ByReview {
			review = &rows[i]
		} else {
			self = &rows[i]
		}
	}
	var sg, rg party.Grade
	if self != nil {
		sg = self.Grade
	}
	if review != nil {
		rg = review.Grade
	}
	used := self
	if review != nil && party.OversightGrade(sg, rg) == rg {
		used = review
	}
	if used == nil || !used.Grade.Valid() {
		return nil
	}
	return &apiMeetingEval{Score: used.Total, Grade: string(used.Grade), By: used.By}
}
