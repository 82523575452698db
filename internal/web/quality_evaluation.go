package web

import (
	"net/http"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/quality"
)

// The evaluation of a meeting (DOMAIN.md §7): the score sheet with the
// items the data decides already filled in by the core, the judged items
// to score, the total and the grade with why, and both evaluations side
// by side. Every score and grade comes from party.Evaluate; the page only
// reads the numbers typed and shows what the core answers.

// evalItem is one line of the sheet as the page shows it.
type evalItem struct {
	N        int // position in the sheet: the fields' ids
	Item     party.ScoreItem
	Computed *party.ItemScore // what the data gives; nil for a judged item
	Self     *party.ItemScore
	Review   *party.ItemScore
	// ShowReason opens the override reason of a computed item: its value
	// differs from the data's, or the reason is what is wrong.
	ShowReason bool
}

// Differs reports whether the two evaluations scored the item differently.
func (it evalItem) Differs() bool {
	return it.Self != nil && it.Review != nil && it.Self.Points != it.Review.Points
}

// evalGroup is a group of the sheet (attendance, preparation, …).
type evalGroup struct {
	Key   string
	Label string
	Max   int
	Items []evalItem
}

type evalData struct {
	meetingPage
	Ev        quality.Evaluation
	Groups    []evalGroup
	By        string // the evaluator the form scores for: self, review; "" without a form
	CanSelf   bool
	CanReview bool
	Used      string // the evaluation oversight uses: self, review, ""
	Preview   previewData
}

// previewData is what the numbers of the form give, from the core.
type previewData struct {
	By     string
	Result *party.Evaluation
	Error  string
}

// groupLabel names a group of a sheet: the five criteria of 12-HD have
// their names in the catalog; a committee's own group shows its code.
func groupLabel(c *Ctx, g string) string {
	key := "web.quality.group." + g
	if i18n.Has(key) {
		return c.T(key)
	}
	return g
}

// evalGroups lays out the sheet in its groups, in the order they appear.
func evalGroups(c *Ctx, ev quality.Evaluation, f *Form) []evalGroup {
	byKey := func(sc *quality.Scored) map[string]*party.ItemScore {
		if sc == nil {
			return nil
		}
		m := map[string]*party.ItemScore{}
		for i := range sc.Result.Items {
			m[sc.Result.Items[i].Key] = &sc.Result.Items[i]
		}
		return m
	}
	self, review := byKey(ev.Self), byKey(ev.Review)
	var out []evalGroup
	at := map[string]int{}
	for n, it := range ev.Sheet.Items {
		i, ok := at[it.Group]
		if !ok {
			i = len(out)
			at[it.Group] = i
			out = append(out, evalGroup{Key: it.Group, Label: groupLabel(c, it.Group)})
		}
		e := evalItem{N: n, Item: it, Self: self[it.Key], Review: review[it.Key]}
		if sc, ok := ev.Computed[it.Key]; ok {
			e.Computed = &sc
			typed := strings.TrimSpace(f.Get("p." + it.Key))
			e.ShowReason = f.Err("r."+it.Key) != "" || (typed != "" && typed != strconv.Itoa(sc.Points))
		}
		out[i].Max += it.Points
		out[i].Items = append(out[i].Items, e)
	}
	return out
}

// evalForm fills the form with the evaluator's stored scores, and the
// data's points for the computed items they did not change.
func evalForm(ev quality.Evaluation, by string) *Form {
	f := NewForm(nil)
	for k, sc := range ev.Computed {
		f.Values.Set("p."+k, strconv.Itoa(sc.Points))
	}
	sc := ev.Self
	if by == quality.ByReview {
		sc = ev.Review
	}
	if sc != nil {
		for _, in := range sc.Row.Inputs {
			f.Values.Set("p."+in.Key, strconv.Itoa(in.Points))
			if in.Reason != "" {
				f.Values.Set("r."+in.Key, in.Reason)
			}
		}
	}
	return f
}

// scoresFromForm reads the points typed. An empty judged item is not
// scored; a computed item left as the data has it is not sent, so that it
// follows the data if the attendance or the minutes are corrected later.
func scoresFromForm(f *Form, ev quality.Evaluation) ([]party.ScoreInput, error) {
	fe := party.FieldErrors{}
	var in []party.ScoreInput
	for _, it := range ev.Sheet.Items {
		raw := strings.TrimSpace(f.Get("p." + it.Key))
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			fe.Add("p."+it.Key, "web.quality.points_not_number", it.Title, raw)
			continue
		}
		if c, ok := ev.Computed[it.Key]; ok && n == c.Points {
			continue
		}
		in = append(in, party.ScoreInput{Key: it.Key, Points: n, Reason: f.Get("r." + it.Key)})
	}
	return in, fe.Err()
}

// setEvalError puts the core's messages beside the fields of the form:
// points out of range beside the points, a missing override reason beside
// the reason of the item it names.
func setEvalError(c *Ctx, f *Form, ev quality.Evaluation, err error) {
	f.SetError(c, err)
	for k, v := range f.Errors {
		if rest, ok := strings.CutPrefix(k, "items."); ok {
			delete(f.Errors, k)
			f.Errors["p."+strings.TrimSuffix(rest, ".points")] = v
		}
	}
	if e, ok := party.AsError(err); ok && e.Msg.Key == "rules.score.override_needs_reason" && len(e.Msg.Args) > 0 {
		for _, it := range ev.Sheet.Items {
			if it.Title == e.Msg.Args[0] {
				f.Errors["r."+it.Key] = f.Error
			}
		}
	}
}

// evaluators says which evaluations the user may write.
func evaluators(c *Ctx, v meetings.View) (self, review bool) {
	t := auth.Target{OrgPath: v.Org.Path}
	return auth.Can(c.P, auth.EditMeetings, t), auth.Can(c.P, auth.ReviewMeetings, t)
}

// formBy picks the evaluator of the form: the only one the user may be,
// or for someone who may be both (administrators) the one asked for.
func formBy(r *http.Request, canSelf, canReview bool) string {
	switch {
	case canSelf && canReview:
		if r.URL.Query().Get("by") == quality.BySelf {
			return quality.BySelf
		}
		return quality.ByReview
	case canSelf:
		return quality.BySelf
	case canReview:
		return quality.ByReview
	}
	return ""
}

func (s *Server) evaluationShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderEvaluation(w, r, c, http.StatusOK, "", nil)
}

// renderEvaluation shows the page; after an error f holds what was typed
// for evaluator by.
func (s *Server) renderEvaluation(w http.ResponseWriter, r *http.Request, c *Ctx, status int, by string, f *Form) {
	v, ev, err := s.quality.Load(r.Context(), pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := evalData{meetingPage: s.pageOf(r, c, v), Ev: ev}
	d.CanSelf, d.CanReview = evaluators(c, v)
	if by == "" {
		by = formBy(r, d.CanSelf, d.CanReview)
	}
	if !v.Held() {
		by = ""
	}
	d.By = by
	switch {
	case ev.Review != nil:
		d.Used = quality.ByReview
	case ev.Self != nil:
		d.Used = quality.BySelf
	}
	if f == nil {
		f = evalForm(ev, by)
	}
	if by != "" {
		d.Preview = s.preview(c, v, ev, f, by)
	}
	d.Groups = evalGroups(c, ev, f)
	s.render(w, r, status, "quality_evaluation", View{Title: c.T("web.quality.eval.title"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, v, "web.quality.eval.title"), Form: f, Data: d})
}

// preview grades what the form holds, through the core, without saving.
func (s *Server) preview(c *Ctx, v meetings.View, ev quality.Evaluation, f *Form, by string) previewData {
	p := previewData{By: by}
	in, err := scoresFromForm(f, ev)
	if err == nil {
		var res party.Evaluation
		if res, err = party.Evaluate(v.RuleSet, ev.Sheet, ev.Facts, in); err == nil {
			p.Result = &res
			return p
		}
	}
	e, ok := party.AsError(err)
	switch {
	case !ok:
		p.Error = c.T("web.internal_error")
	case len(e.Fields) > 0:
		// One message is enough in the summary: the others sit beside
		// their fields once the form is sent.
		for _, it := range ev.Sheet.Items {
			for _, k := range []string{"items." + it.Key + ".points", "items." + it.Key, "p." + it.Key} {
				if m, ok := e.Fields[k]; ok && p.Error == "" {
					p.Error = c.Msg(m)
				}
			}
		}
		if p.Error == "" {
			p.Error = c.Msg(e.Msg)
		}
	default:
		p.Error = c.Msg(e.Msg)
	}
	return p
}

func (s *Server) evaluationSelf(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.evaluationSave(w, r, c, quality.BySelf)
}

func (s *Server) evaluationReview(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.evaluationSave(w, r, c, quality.ByReview)
}

// evaluationSave stores one evaluator's scores; with preview=1 (htmx, as
// the numbers change) it only answers the total and grade they give.
func (s *Server) evaluationSave(w http.ResponseWriter, r *http.Request, c *Ctx, by string) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	v, ev, err := s.quality.Load(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if f.Get("preview") == "1" {
		s.renderBlock(w, r, http.StatusOK, "quality_evaluation", "evalpreview", View{Data: s.preview(c, v, ev, f, by)})
		return
	}
	in, err := scoresFromForm(f, ev)
	if err == nil {
		_, err = s.quality.Evaluate(r.Context(), c.Actor(), id, by, in)
	}
	if err != nil {
		setEvalError(c, f, ev, err)
		s.renderEvaluation(w, r, c, statusOf(party.ErrorCode(err)), by, f)
		return
	}
	s.flash(w, "web.quality.eval.saved")
	q := ""
	if by == quality.BySelf {
		q = "?by=self"
	}
	redirect(w, r, "/meetings/"+strconv.FormatInt(id, 10)+"/evaluation"+q)
}

// Cols is the number of columns of the sheet's table.
func (d evalData) Cols() int {
	n := 2
	if d.Ev.Self != nil {
		n++
	}
	if d.Ev.Review != nil {
		n++
	}
	return max(n, 3)
}
