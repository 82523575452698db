package web

import (
	"fmt"
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Year-end rating proposals of cells (DOMAIN.md §8), for people to
// confirm.

type ratingRow struct {
	ID          int64
	Name        string
	Href        string
	Score       string
	Proposed    party.YearRating
	ProposedMsg string
	Capped      bool
	Confirmed   string
	ConfirmedBy string
	Note        string
	Choice      party.YearRating
}

type ratingsPage struct {
	RT        oversight.Ratings
	YearText  string
	Rows      []ratingRow
	Options   [][2]string
	CanManage bool
	Years     []int
	RangeText string
	Err       map[int64]string
}

// ratingsShow lists the proposals of a year (?year=, the current year).
func (s *Server) ratingsShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderRatings(w, r, c, http.StatusOK, 0, "")
}

func (s *Server) renderRatings(w http.ResponseWriter, r *http.Request, c *Ctx, status int, errCell int64, errMsg string) {
	ctx := r.Context()
	today := s.ovToday()
	year, err := oversight.YearParam(r.URL.Query().Get("year"), today)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := ratingsPage{Err: map[int64]string{}}
	if errCell != 0 {
		d.Err[errCell] = errMsg
	}
	if d.RT, err = s.ovs.Ratings(ctx, pathID(r, "id"), year); err != nil {
		s.fail(w, r, c, err)
		return
	}
	var crumbs []Crumb
	if err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		crumbs, err = s.overviewCrumbs(r, c, tx, d.RT.Org)
		return err
	}); err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.CanManage = auth.Can(c.P, auth.ManageOversight, auth.Target{OrgPath: d.RT.Org.Path})
	for _, yr := range party.YearRatings {
		d.Options = append(d.Options, [2]string{string(yr), c.Msg(yr.Label())})
	}
	for y := today.Year(); y >= today.Year()-4; y-- {
		d.Years = append(d.Years, y)
	}
	d.RangeText = rangeLabel(c, d.RT.Range)
	d.YearText = strconv.Itoa(year)
	for _, p := range d.RT.Cells {
		row := ratingRow{ID: p.Unit.Org.ID, Name: p.Unit.Org.Name, Href: calendarHref(p.Unit.Org.ID, year), Score: scoreText(c, p.Score),
			Proposed: p.Proposed, Capped: p.Capped, Choice: p.Proposed}
		if p.Proposed != "" {
			row.ProposedMsg = c.Msg(p.Proposed.Label())
		}
		if p.Confirmed != nil {
			row.Confirmed = c.Msg(p.Confirmed.Rating.Label())
			row.ConfirmedBy = c.T("web.oversight.ratings.by", p.Confirmed.ConfirmedBy, party.DateOf(p.Confirmed.ConfirmedAt))
			row.Note, row.Choice = p.Confirmed.Note, p.Confirmed.Rating
		}
		d.Rows = append(d.Rows, row)
	}
	s.render(w, r, status, "dashboard_ratings", View{Title: c.T("web.oversight.ratings.title", d.RT.Org.Name, d.YearText), Nav: "overview", Crumbs: crumbs, Data: d})
}

// ratingConfirm records the rating decided for one cell under the
// organization (or the organization itself when it is a cell).
func (s *Server) ratingConfirm(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.ovsForm(w, r, c) {
		return
	}
	org := pathID(r, "id")
	cell, _ := strconv.ParseInt(r.PostForm.Get("cell"), 10, 64)
	year, _ := strconv.Atoi(r.PostForm.Get("year"))
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		o, err := tx.Org(r.Context(), org)
		if err != nil {
			return err
		}
		u, err := tx.Org(r.Context(), cell)
		if err != nil {
			return err
		}
		if len(u.Path) < len(o.Path) || u.Path[:len(o.Path)] != o.Path {
			return party.RuleError("oversight.unit.not_under", u.Name, o.Name)
		}
		return nil
	})
	if err == nil {
		err = s.ovs.ConfirmRating(r.Context(), c.Actor(), cell, year, party.YearRating(r.PostForm.Get("rating")), r.PostForm.Get("note"))
	}
	if err != nil {
		e, ok := party.AsError(err)
		if !ok || cell == 0 {
			s.fail(w, r, c, err)
			return
		}
		r.URL.RawQuery = "year=" + strconv.Itoa(year)
		if year == 0 {
			r.URL.RawQuery = ""
		}
		s.renderRatings(w, r, c, statusOf(e.Code), cell, c.Msg(e.Msg))
		return
	}
	s.flash(w, "web.oversight.ratings.saved")
	redirect(w, r, fmt.Sprintf("/orgs/%d/ratings?year=%d", org, year))
}
