package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Helpers shared by the oversight pages and API (dashboard_*.go,
// api_oversight.go).

func (s *Server) ovToday() party.Date { return party.DateOf(s.now()) }

// orgOfQuery is the organization a query-org route is about: ?org=, else
// the user's own organization, else (administrators) the first root of
// the tree. The guard has authorized it already.
func (s *Server) orgOfQuery(r *http.Request, c *Ctx) (int64, error) {
	if v := r.URL.Query().Get("org"); v != "" {
		return strconv.ParseInt(v, 10, 64)
	}
	if c.P.OrgID != 0 {
		return c.P.OrgID, nil
	}
	if c.P.Role == auth.RoleMember {
		return 0, party.Errorf(party.EForbidden, "auth.forbidden")
	}
	var id int64
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		roots, err := tx.Children(r.Context(), 0)
		if err != nil {
			return err
		}
		if len(roots) == 0 {
			return party.NotFound("web.oversight.no_org")
		}
		id = roots[0].ID
		return nil
	})
	return id, err
}

// orgAndRange reads ?org= and ?from=&to= of an oversight API call.
func (s *Server) orgAndRange(r *http.Request, c *Ctx) (int64, oversight.Range, error) {
	org, err := s.orgOfQuery(r, c)
	if err != nil {
		return 0, oversight.Range{}, err
	}
	rng, err := s.rangeOf(r)
	return org, rng, err
}

// rangeOf reads ?from=&to= (the current year when both are absent).
func (s *Server) rangeOf(r *http.Request) (oversight.Range, error) {
	q := r.URL.Query()
	return oversight.ParseRange(q.Get("from"), q.Get("to"), s.ovToday())
}

// ovsForm parses a submitted form, answering a clear error when it cannot.
func (s *Server) ovsForm(w http.ResponseWriter, r *http.Request, c *Ctx) bool {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return false
	}
	return true
}

// rateText writes a share ("92,5%"), or a dash when it means nothing.
func rateText(c *Ctx, r oversight.Rate) string {
	if !r.Known {
		return "—"
	}
	return i18n.Percent(c.L, r.Value)
}

// fracText writes "46/50".
func fracText(c *Ctx, n, d int) string {
	return i18n.Int(c.L, n) + "/" + i18n.Int(c.L, d)
}

// scoreText writes a score out of 100 ("87,5").
func scoreText(c *Ctx, sc oversight.Score) string {
	if !sc.Known {
		return "—"
	}
	return decimal1(c, sc.Value)
}

// decimal1 writes a number with one decimal the reader's way ("87,5").
func decimal1(c *Ctx, v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if c.L == i18n.VI {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// overviewHref is the address of an organization's overview for a range.
func overviewHref(org int64, r oversight.Range) string {
	return fmt.Sprintf("/orgs/%d/overview?%s", org, r.Query())
}

// calendarHref is the address of a cell's calendar for a year.
func calendarHref(cell int64, year int) string {
	return fmt.Sprintf("/orgs/%d/calendar?year=%d", cell, year)
}

// backTo keeps a form's return address inside the application.
func backTo(r *http.Request, fallback string) string {
	next := r.PostForm.Get("next")
	if u, err := url.Parse(next); err == nil && next != "" && u.Host == "" && u.Scheme == "" && len(next) > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' {
		return next
	}
	return fallback
}
