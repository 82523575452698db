package web

import (
	"net/http"
	"slices"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// orgCrumbs is the breadcrumb trail of an organization: its ancestors
// within what the user may see.
func (s *Server) orgCrumbs(r *http.Request, c *Ctx, tx *store.Tx, o party.Org) ([]Crumb, error) {
	anc, err := tx.Ancestors(r.Context(), o)
	if err != nil {
		return nil, err
	}
	var out []Crumb
	for _, a := range anc {
		if auth.Can(c.P, auth.ViewOrg, auth.Target{OrgPath: a.Path}) {
			out = append(out, Crumb{Label: a.Name, Href: "/orgs/" + strconv.FormatInt(a.ID, 10)})
		}
	}
	return append(out, Crumb{Label: o.Name}), nil
}

type childRow struct {
	store.OrgRow
	Warnings []party.Msg
}

type orgPageData struct {
	Org      store.OrgRow
	Children []childRow
	Warnings []party.Msg
	Counts   party.CellCounts
	Members  int
	Today    party.Date
	Month    *cellMonth // a cell's meetings this month (meeting_calendar.go)
	Todo     []TodoItem // the secretary's own cell: documents and training due (the month card shows the meetings)
}

// orgShow is an organization's page: for a committee its organizations
// and their warnings, for a cell its members at a glance.
func (s *Server) orgShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	today := s.orgs.Today()
	var d orgPageData
	var crumbs []Crumb
	d.Today = today
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org); err != nil {
			return err
		}
		if d.Org.IsCell() {
			if d.Counts, err = tx.CellCounts(ctx, d.Org.ID, today); err != nil {
				return err
			}
			d.Members = d.Counts.Full + d.Counts.Probationary
			d.Warnings = party.CellWarnings(d.Counts)
			return nil
		}
		kids, err := tx.Children(ctx, d.Org.ID)
		if err != nil {
			return err
		}
		var cells []int64
		for _, k := range kids {
			if k.IsCell() {
				cells = append(cells, k.ID)
			}
		}
		counts, err := tx.CellCountsOf(ctx, cells, today)
		if err != nil {
			return err
		}
		for _, k := range kids {
			row := childRow{OrgRow: k}
			if k.IsCell() {
				row.Warnings = party.CellWarnings(counts[k.ID])
			}
			d.Children = append(d.Children, row)
		}
		return nil
	})
	if err == nil && d.Org.IsCell() && auth.Can(c.P, auth.ViewMeetings, auth.Target{OrgPath: d.Org.Path}) {
		d.Month, err = s.cellMonthOf(r, c, d.Org)
	}
	if err == nil && d.Org.IsCell() && c.P.OrgID == d.Org.ID {
		d.Todo, err = s.secretaryTodo(ctx, c.P)
		d.Todo = slices.DeleteFunc(d.Todo, func(t TodoItem) bool { return t.Area == "meeting" })
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderKept(w, r, c.kept, "org_show", View{Title: d.Org.Name, Nav: "orgs", Crumbs: crumbs, Data: d})
}

type treeData struct {
	Roots []store.OrgVersion
	On    party.Date
	AsOf  bool
	Q     string
	Found []store.OrgRow
}

// orgTree is the tree browser: the user's roots, whose children load on
// demand; with ?on=YYYY-MM-DD it shows the tree as it stood that day.
func (s *Server) orgTree(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := treeData{On: s.orgs.Today()}
	if v := r.URL.Query().Get("on"); v != "" {
		on, err := party.ParseVN(v)
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
		d.On, d.AsOf = on, true
	}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		if c.P.Role == auth.RoleAdmin {
			var err error
			d.Roots, err = tx.ChildrenAsOf(ctx, 0, d.On)
			return err
		}
		id := c.P.OrgID
		o, err := tx.Org(ctx, id)
		if err != nil {
			return err
		}
		// The user's own organization as it stood that day.
		siblings, err := tx.ChildrenAsOf(ctx, o.ParentID, d.On)
		if err != nil {
			return err
		}
		for _, v := range siblings {
			if v.OrgID == id {
				d.Roots = append(d.Roots, v)
			}
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "org_tree", View{Title: c.T("web.tree.title"), Nav: "orgs", Data: d})
}

// orgChildren is the htmx fragment of one node's children.
func (s *Server) orgChildren(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := treeData{On: s.orgs.Today()}
	if v := r.URL.Query().Get("on"); v != "" {
		on, err := party.ParseVN(v)
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
		d.On, d.AsOf = on, true
	}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		d.Roots, err = tx.ChildrenAsOf(ctx, pathID(r, "id"), d.On)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	block := "layout"
	if r.Header.Get("HX-Request") == "true" {
		block = "nodes"
	}
	s.renderBlock(w, r, http.StatusOK, "org_tree", block, View{Title: c.T("web.tree.title"), Nav: "orgs", Data: d})
}

// orgSearch finds organizations by name, diacritics optional, within the
// user's scope.
func (s *Server) orgSearch(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := treeData{On: s.orgs.Today(), Q: r.URL.Query().Get("q")}
	if d.Q != "" {
		err := s.db.View(ctx, func(tx *store.Tx) error {
			var err error
			d.Found, err = tx.SearchOrgs(ctx, c.P.ScopePath(), d.Q, 50)
			return err
		})
		if err != nil {
			s.fail(w, r, c, err)
			return
		}
	}
	block := "layout"
	if r.Header.Get("HX-Request") == "true" {
		block = "results"
	}
	s.renderBlock(w, r, http.StatusOK, "org_search", block, View{Title: c.T("web.tree.search"), Nav: "orgs", Data: d})
}

type historyData struct {
	Org      store.OrgRow
	Versions []store.OrgVersion
	Names    map[int64]string
}

func (s *Server) orgHistory(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	var d historyData
	var crumbs []Crumb
	d.Names = map[int64]string{}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		if crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org); err != nil {
			return err
		}
		if d.Versions, err = tx.OrgHistory(ctx, d.Org.ID); err != nil {
			return err
		}
		for _, v := range d.Versions {
			for _, id := range []int64{v.ParentID, v.RelatedID} {
				if id != 0 && d.Names[id] == "" {
					o, err := tx.Org(ctx, id)
					if err == nil {
						d.Names[id] = o.Name
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "org_history", View{Title: c.T("web.org.history"), Nav: "orgs", Crumbs: crumbs, Data: d})
}
