package web

import (
	"bytes"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
)

// icalFeed serves a calendar feed at /ical/<token>.ics without a login:
// phones subscribe to the address, whose token is the secret. An unknown
// or revoked token is not found.
func (s *Server) icalFeed(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutSuffix(r.PathValue("token"), ".ics")
	if !ok || token == "" {
		http.NotFound(w, r)
		return
	}
	var b bytes.Buffer
	if err := s.meetings.WriteFeed(r.Context(), token, s.baseURL(r), &b); err != nil {
		if party.ErrorCode(err) == party.ENotFound {
			http.NotFound(w, r)
			return
		}
		s.log.Error("ical feed", "err", err)
		http.Error(w, "Lỗi hệ thống / Internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="lich-sinh-hoat.ics"`)
	h.Set("Cache-Control", "private, max-age=300")
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.Write(b.Bytes())
}

type memberFeedData struct {
	Member     int64
	Name       string
	FeedHTTPS  string
	FeedWebcal template.URL // webcal: is not among the schemes html/template trusts
	Upcoming   []store.Meeting
	Orgs       map[int64]string
}

// memberFeed is a member's own calendar address (their home cell's
// meetings and those of a cell where they are registered temporarily) and
// their next meetings.
func (s *Server) memberFeed(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	id := pathID(r, "id")
	d := memberFeedData{Member: id, Orgs: map[int64]string{}}
	var crumbs []Crumb
	var orgID int64
	err := s.db.View(ctx, func(tx *store.Tx) error {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return err
		}
		d.Name, orgID = m.FullName, m.OrgID
		o, err := tx.Org(ctx, m.OrgID)
		if err != nil {
			return err
		}
		crumbs, err = s.orgCrumbs(r, c, tx, o.Org)
		return err
	})
	var token string
	if err == nil {
		token, err = s.meetings.FeedToken(ctx, 0, id)
	}
	if err == nil {
		d.Upcoming, err = s.meetings.UpcomingFor(ctx, id, 5)
	}
	if err == nil {
		err = s.db.View(ctx, func(tx *store.Tx) error {
			for _, m := range d.Upcoming {
				if _, ok := d.Orgs[m.OrgID]; !ok {
					o, err := tx.Org(ctx, m.OrgID)
					if err != nil {
						return err
					}
					d.Orgs[m.OrgID] = o.Name
				}
			}
			return nil
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d.FeedHTTPS, d.FeedWebcal = feedURLs(s.baseURL(r), token)
	if len(crumbs) > 0 {
		crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(orgID, 10) + "/members"
	}
	crumbs = append(crumbs, Crumb{Label: d.Name, Href: "/members/" + strconv.FormatInt(id, 10)}, Crumb{Label: c.T("web.meeting.feed.member_title")})
	s.render(w, r, http.StatusOK, "member_feed", View{Title: c.T("web.meeting.feed.member_title"), Nav: "members", Crumbs: crumbs, Data: d})
}
