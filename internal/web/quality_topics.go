package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// The thematic topic library (DOMAIN.md §4): committees publish
// orientation topics per cell type and per year or quarter; a cell sees
// those of every committee above it; coverage says which cells held a
// thematic meeting on which topic.

// topicView is a topic as the pages show it.
type topicView struct {
	store.Topic
	Publisher  string // the committee's name; "" for the topics shipped
	TypeLabels []string
	PeriodText string
}

// topicViews names the publishers, the cell types and the period of topics.
func (s *Server) topicViews(r *http.Request, c *Ctx, tx *store.Tx, ts []store.Topic) ([]topicView, error) {
	names := map[int64]string{}
	out := make([]topicView, 0, len(ts))
	for _, t := range ts {
		v := topicView{Topic: t, PeriodText: topicPeriodText(c, t.Period)}
		if t.OrgID != 0 {
			if _, ok := names[t.OrgID]; !ok {
				o, err := tx.Org(r.Context(), t.OrgID)
				if err != nil {
					return nil, err
				}
				names[t.OrgID] = o.Name
			}
			v.Publisher = names[t.OrgID]
		}
		for _, ct := range t.CellTypes {
			v.TypeLabels = append(v.TypeLabels, c.T("web.celltype."+string(ct)))
		}
		out = append(out, v)
	}
	return out, nil
}

// topicPeriodText writes a topic's period: "năm 2026", "quý II/2026", or
// "mọi lúc" for a topic without one.
func topicPeriodText(c *Ctx, p string) string {
	switch {
	case p == "":
		return c.T("web.quality.topic.any_time")
	case len(p) == 4:
		return c.T("web.quality.topic.year", p)
	}
	if pp, err := party.ParsePeriod(p); err == nil {
		return c.Msg(party.M("web.quality.topic.quarter", pp))
	}
	return p
}

type topicListData struct {
	Org       store.OrgRow
	Period    party.Period // a cell: the quarter shown
	Periods   []party.Period
	Own       []topicView // a committee: what it publishes (inactive ones too)
	Oriented  []topicView // from the committees above (and the shipped ones)
	CanManage bool
	CanCover  bool
	Thematic  []store.Meeting // a cell: its thematic meetings of the quarter
	CanPick   bool
}

// topicList shows a committee's library, or what a cell is oriented to.
func (s *Server) topicList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	today := s.orgs.Today()
	d := topicListData{Period: party.QuarterOf(today)}
	if p, err := party.ParsePeriod(r.URL.Query().Get("period")); err == nil && p.IsQuarter() {
		d.Period = p
	}
	for q, i := party.QuarterOf(today).Next(), 0; i < 6; q, i = q.Prev(), i+1 {
		d.Periods = append(d.Periods, q)
	}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, pathID(r, "id"))
		if err != nil {
			return err
		}
		d.Org = o
		d.CanManage = o.Kind.IsCommittee() && auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: o.Path})
		d.CanCover = auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: o.Path})
		d.CanPick = o.IsCell() && auth.Can(c.P, auth.EditMeetings, auth.Target{OrgPath: o.Path})
		if crumbs, err = s.orgCrumbs(r, c, tx, o.Org); err != nil {
			return err
		}
		if !o.IsCell() {
			all, err := tx.TopicsFor(ctx, store.PathIDs(o.Path), true)
			if err != nil {
				return err
			}
			var own, above []store.Topic
			for _, t := range all {
				switch {
				case t.OrgID == o.ID:
					own = append(own, t)
				case t.Active:
					above = append(above, t)
				}
			}
			if d.Own, err = s.topicViews(r, c, tx, own); err != nil {
				return err
			}
			d.Oriented, err = s.topicViews(r, c, tx, above)
			return err
		}
		ms, err := tx.MeetingsOf(ctx, o.ID, d.Period.First(), d.Period.Last())
		for _, m := range ms {
			if m.Kind == party.ChuyenDe {
				d.Thematic = append(d.Thematic, m)
			}
		}
		return err
	})
	if err == nil && d.Org.IsCell() {
		var ts []store.Topic
		if ts, err = s.quality.TopicsForCell(ctx, d.Org.ID, d.Period); err == nil {
			err = s.db.View(ctx, func(tx *store.Tx) error {
				d.Oriented, err = s.topicViews(r, c, tx, ts)
				return err
			})
		}
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	crumbs = append(crumbs, Crumb{Label: c.T("web.quality.topics.title")})
	s.render(w, r, http.StatusOK, "quality_topics", View{Title: c.T("web.quality.topics.title"), Nav: "orgs", Crumbs: crumbs, Data: d})
}

// topicFormData is the topic form of a committee.
type topicFormData struct {
	Org       store.OrgRow
	Topic     store.Topic // ID 0 for a new one
	CellTypes []store.CellTypeRow
	Periods   [][2]string
}

// topicPeriods are the choices of period: any time, the years around
// today and their quarters, and the topic's own when it is another.
func topicPeriods(c *Ctx, today party.Date, current string) [][2]string {
	var out [][2]string
	add := func(p string) {
		if !slices.ContainsFunc(out, func(o [2]string) bool { return o[0] == p }) {
			out = append(out, [2]string{p, topicPeriodText(c, p)})
		}
	}
	add("")
	for y := today.Year(); y <= today.Year()+1; y++ {
		ys := strconv.Itoa(y)
		add(ys)
		for q := 1; q <= 4; q++ {
			add(party.QuarterPeriod(y, q).String())
		}
	}
	if current != "" {
		add(current)
	}
	return out
}

// topicFromForm reads the form into a topic of org.
func topicFromForm(f *Form, org int64) store.Topic {
	t := store.Topic{OrgID: org, Title: f.Get("title"), Description: f.Get("description"), Materials: f.Get("materials"),
		Period: strings.TrimSpace(f.Get("period")), Active: f.Get("active") != ""}
	for _, ct := range f.Values["cell_types"] {
		if ct = strings.TrimSpace(ct); ct != "" {
			t.CellTypes = append(t.CellTypes, party.CellType(ct))
		}
	}
	return t
}

// topicFormOf fills the form from a stored topic.
func topicFormOf(t store.Topic) *Form {
	f := NewForm(url.Values{"title": {t.Title}, "description": {t.Description}, "materials": {t.Materials}, "period": {t.Period}})
	if t.Active {
		f.Values.Set("active", "1")
	}
	for _, ct := range t.CellTypes {
		f.Values.Add("cell_types", string(ct))
	}
	return f
}

// renderTopicForm shows the form to publish or edit a topic.
func (s *Server) renderTopicForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, t store.Topic, f *Form) {
	ctx := r.Context()
	d := topicFormData{Topic: t}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, pathID(r, "id"))
		if err != nil {
			return err
		}
		if !o.Kind.IsCommittee() {
			return party.RuleError("quality.topic_by_committee")
		}
		d.Org = o
		if crumbs, err = s.orgCrumbs(r, c, tx, o.Org); err != nil {
			return err
		}
		cts, err := tx.CellTypes(ctx)
		for _, ct := range cts {
			if ct.Active || slices.Contains(t.CellTypes, ct.Code) {
				d.CellTypes = append(d.CellTypes, ct)
			}
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.Periods = topicPeriods(c, s.orgs.Today(), f.Get("period"))
	id := strconv.FormatInt(d.Org.ID, 10)
	crumbs[len(crumbs)-1].Href = "/orgs/" + id
	title := c.T("web.quality.topic.new")
	if t.ID != 0 {
		title = c.T("web.quality.topic.edit")
	}
	crumbs = append(crumbs, Crumb{Label: c.T("web.quality.topics.title"), Href: "/orgs/" + id + "/topics"}, Crumb{Label: title})
	s.render(w, r, status, "quality_topic_form", View{Title: title, Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) topicNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderTopicForm(w, r, c, http.StatusOK, store.Topic{}, NewForm(url.Values{"active": {"1"}}))
}

func (s *Server) topicCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.topicWrite(w, r, c, 0)
}

// topicOfOrg reads the topic of the path, refusing one another committee
// published.
func (s *Server) topicOfOrg(r *http.Request) (store.Topic, error) {
	var t store.Topic
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		t, err = tx.Topic(r.Context(), pathID(r, "tid"))
		if err == nil && t.OrgID != pathID(r, "id") {
			err = party.NotFound("quality.topic_not_found", r.PathValue("tid"))
		}
		return err
	})
	return t, err
}

func (s *Server) topicEdit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	t, err := s.topicOfOrg(r)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderTopicForm(w, r, c, http.StatusOK, t, topicFormOf(t))
}

func (s *Server) topicSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	t, err := s.topicOfOrg(r)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.topicWrite(w, r, c, t.ID)
}

// topicWrite publishes (id 0) or saves a topic; the core's messages sit
// beside the fields and what was typed stays.
func (s *Server) topicWrite(w http.ResponseWriter, r *http.Request, c *Ctx, id int64) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	org := pathID(r, "id")
	t := topicFromForm(f, org)
	t.ID = id
	if id != 0 {
		if before, err := s.topicOfOrg(r); err == nil {
			t.Group = before.Group
		}
	} else {
		t.Active = true
	}
	if _, err := s.quality.SaveTopic(r.Context(), c.Actor(), t); err != nil {
		f.SetError(c, err)
		s.renderTopicForm(w, r, c, statusOf(party.ErrorCode(err)), t, f)
		return
	}
	s.flash(w, "web.quality.topic.saved")
	redirect(w, r, "/orgs/"+strconv.FormatInt(org, 10)+"/topics")
}

// coverageTopic is one topic of the coverage report.
type coverageTopic struct {
	topicView
	Cells    int
	Eligible int
	Rate     float64
	ByType   []coverageType
	Covered  []store.OrgRow
}

// coverageType is a topic's coverage among the cells of one type.
type coverageType struct {
	Label    string
	Cells    int
	Eligible int
	Rate     float64
}

type coverageData struct {
	Org    store.OrgRow
	From   party.Date
	To     party.Date
	Topics []coverageTopic
	Cells  int
}

// rate is a share for display; 0 of 0 is 0.
func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// topicCoverage reports which cells under a committee covered which of
// the topics oriented to them between two days (the current quarter by
// default), per cell type.
func (s *Server) topicCoverage(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := party.QuarterOf(s.orgs.Today())
	f := NewForm(r.URL.Query())
	d := coverageData{}
	d.From, d.To = dateRange(c, f, q.First(), q.Last())
	rows, err := s.quality.Coverage(ctx, pathID(r, "id"), d.From, d.To)
	var cells quality.CoverageCells
	if err == nil {
		cells, err = s.quality.CoveredCells(ctx, pathID(r, "id"), d.From, d.To)
	}
	var crumbs []Crumb
	if err == nil {
		err = s.db.View(ctx, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, pathID(r, "id"))
			if err != nil {
				return err
			}
			d.Org = o
			if crumbs, err = s.orgCrumbs(r, c, tx, o.Org); err != nil {
				return err
			}
			for _, n := range cells.ByType {
				d.Cells += n
			}
			for _, row := range rows {
				if !quality.TopicInRange(row.Topic, d.From, d.To) {
					continue
				}
				vs, err := s.topicViews(r, c, tx, []store.Topic{row.Topic})
				if err != nil {
					return err
				}
				ct := coverageTopic{topicView: vs[0], Cells: row.Cells, Eligible: row.Eligible, Rate: rate(row.Cells, row.Eligible), Covered: cells.Covered[row.Topic.ID]}
				slices.SortFunc(ct.Covered, func(a, b store.OrgRow) int { return strings.Compare(a.Code, b.Code) })
				for _, typ := range cellTypeOrder(cells.ByType) {
					n := cells.ByType[typ]
					if n == 0 || (len(row.Topic.CellTypes) > 0 && !slices.Contains(row.Topic.CellTypes, typ)) {
						continue
					}
					ct.ByType = append(ct.ByType, coverageType{Label: c.T("web.celltype." + string(typ)), Cells: row.ByType[typ], Eligible: n, Rate: rate(row.ByType[typ], n)})
				}
				d.Topics = append(d.Topics, ct)
			}
			return nil
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	slices.SortStableFunc(d.Topics, func(a, b coverageTopic) int { return b.Cells - a.Cells })
	id := strconv.FormatInt(d.Org.ID, 10)
	crumbs[len(crumbs)-1].Href = "/orgs/" + id
	crumbs = append(crumbs, Crumb{Label: c.T("web.quality.topics.title"), Href: "/orgs/" + id + "/topics"}, Crumb{Label: c.T("web.quality.coverage.title")})
	s.render(w, r, badRange(f, http.StatusOK), "quality_coverage", View{Title: c.T("web.quality.coverage.title"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

// cellTypeOrder lists the cell types present: the shipped ones in their
// order, then a committee's own.
func cellTypeOrder(byType map[party.CellType]int) []party.CellType {
	out := slices.Clone(party.DefaultCellTypes)
	var more []party.CellType
	for ct := range byType {
		if ct != "" && !slices.Contains(out, ct) {
			more = append(more, ct)
		}
	}
	slices.Sort(more)
	return append(out, more...)
}
