package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/searchq"
)

// The search box (issue 4): the page /search and GET /api/v1/search. The
// service decides what the user may see; these handlers read the query,
// title each result in the user's language and link it to its page.

// searchHit is a result as the page and the API show it.
type searchHit struct {
	search.Result
	TitleText string
	URL       string
	Sub       string // the organization and the day
}

// searchGroup is the results of one kind, for the page.
type searchGroup struct {
	Kind  string
	Items []searchHit
}

type searchData struct {
	Q      string
	Kind   string // the kind chosen on the page ("" for all)
	Kinds  []string
	Asked  bool // a query was sent (show results or "nothing found")
	Groups []searchGroup
	Count  int
	More   string // the link to the next page
}

// searchPage answers GET /search?q=&kind=&cursor=: the form, and the
// results grouped by kind, newest first within each kind.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, c *Ctx) {
	qv := r.URL.Query()
	d := searchData{Q: qv.Get("q"), Kind: qv.Get("kind"), Kinds: search.Kinds}
	f := NewForm(url.Values{"q": {d.Q}})
	status := http.StatusOK
	if _, asked := qv["q"]; asked {
		d.Asked = true
		opt := search.Options{Cursor: qv.Get("cursor")}
		if d.Kind != "" {
			opt.Kinds = []string{d.Kind}
		}
		res, err := s.search.Search(r.Context(), c.P, d.Q, opt)
		if err != nil {
			e, ok := party.AsError(err)
			if !ok || e.Code != party.EInvalid {
				s.fail(w, r, c, err)
				return
			}
			// Bad input: the message beside the search box, what was
			// typed kept.
			f.Errors["q"] = c.Msg(e.Msg)
			status = statusOf(e.Code)
			d.Asked = false
		} else {
			d.Groups, d.Count = groupHits(s.searchHits(c, res))
			if res.Next != "" {
				next := url.Values{"q": {d.Q}, "cursor": {res.Next}}
				if d.Kind != "" {
					next.Set("kind", d.Kind)
				}
				d.More = "/search?" + next.Encode()
			}
		}
	}
	title := c.T("web.search.title")
	if d.Q != "" && d.Asked {
		title = d.Q + " · " + title
	}
	s.render(w, r, status, "search", View{Title: title, Nav: "search", Form: f, Data: d})
}

// groupHits puts the results in the page's order of kinds.
func groupHits(hits []searchHit) ([]searchGroup, int) {
	var groups []searchGroup
	for _, k := range search.Kinds {
		g := searchGroup{Kind: k}
		for _, h := range hits {
			if h.Kind == k {
				g.Items = append(g.Items, h)
			}
		}
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups, len(hits)
}

// searchHits titles and links the results in the request's language.
func (s *Server) searchHits(c *Ctx, res search.Results) []searchHit {
	out := make([]searchHit, len(res.Items))
	for i, r := range res.Items {
		h := searchHit{Result: r, TitleText: searchTitle(c, r), URL: searchURL(r), Sub: r.OrgName}
		if !r.Date.IsZero() {
			h.Sub += " · " + r.Date.VN()
		}
		out[i] = h
	}
	return out
}

// searchTitle names a result: "Nghị quyết sinh hoạt thường kỳ tháng
// 6/2025", "Ý kiến của Lê Văn Ánh — …", a document's or member's own name.
func searchTitle(c *Ctx, r search.Result) string {
	kind := party.M("rules.kind." + string(r.MeetingKind))
	switch r.Kind {
	case search.KindMinutes, search.KindResolution:
		if r.MeetingKind != "" {
			return c.T("web.search.title."+r.Kind, kind, r.Period)
		}
	case search.KindSpeech:
		if r.MeetingKind != "" {
			if r.Title == "" {
				return c.T("web.search.title.speech_unnamed", kind, r.Period)
			}
			return c.T("web.search.title.speech", r.Title, kind, r.Period)
		}
	}
	if r.Title != "" {
		return r.Title
	}
	return c.T("web.search.kind." + r.Kind)
}

// searchURL is the page of a result.
func searchURL(r search.Result) string {
	id := strconv.FormatInt(r.ID, 10)
	switch r.Kind {
	case search.KindMember:
		return "/members/" + id
	case search.KindDocument:
		return "/documents/" + id
	case search.KindTopic:
		return "/orgs/" + strconv.FormatInt(r.OrgID, 10) + "/topics"
	}
	if r.MeetingID != 0 {
		return "/meetings/" + strconv.FormatInt(r.MeetingID, 10)
	}
	return ""
}

// apiSearchHit is one result of GET /api/v1/search: the fields of
// DESIGN.md (type, id, title, snippet) and what a client needs to show
// and link it.
type apiSearchHit struct {
	Type        string       `json:"type"`
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	Snippet     string       `json:"snippet"`
	Parts       []apiSnippet `json:"parts"`
	URL         string       `json:"url"`
	OrgID       int64        `json:"org_id"`
	OrgName     string       `json:"org_name"`
	Date        string       `json:"date,omitempty"`
	MeetingID   int64        `json:"meeting_id,omitempty"`
	Part        int          `json:"part,omitempty"`
	Period      string       `json:"period,omitempty"`
	MeetingKind string       `json:"meeting_kind,omitempty"`
}

// apiSnippet is a piece of a snippet; hit marks the words found.
type apiSnippet struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// apiSearch answers GET /api/v1/search?q=&kinds=&limit=&cursor= with an
// array of results (DESIGN.md); the cursor of the next page, if any, is
// in the X-Next-Cursor header and a Link rel="next".
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request, c *Ctx) {
	qv := r.URL.Query()
	opt := search.Options{Kinds: qv["kinds"], Cursor: qv.Get("cursor")}
	if v := qv.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > search.MaxLimit {
			s.fail(w, r, c, party.Invalid("web.search.bad_limit", search.MaxLimit))
			return
		}
		opt.Limit = n
	}
	res, err := s.search.Search(r.Context(), c.P, qv.Get("q"), opt)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := make([]apiSearchHit, 0, len(res.Items))
	for _, h := range s.searchHits(c, res) {
		a := apiSearchHit{Type: h.Kind, ID: h.ID, Title: h.TitleText, Snippet: snippetText(h.Snippet), Parts: []apiSnippet{}, URL: h.URL,
			OrgID: h.OrgID, OrgName: h.OrgName, Date: h.Date.ISO(), MeetingID: h.MeetingID, Part: h.Part, MeetingKind: string(h.MeetingKind)}
		for _, p := range h.Snippet.Parts {
			a.Parts = append(a.Parts, apiSnippet{Text: p.Text, Hit: p.Hit})
		}
		if !h.Period.IsZero() {
			a.Period = h.Period.String()
		}
		out = append(out, a)
	}
	if res.Next != "" {
		w.Header().Set("X-Next-Cursor", res.Next)
		next := url.Values{}
		for k, v := range qv {
			next[k] = v
		}
		next.Set("cursor", res.Next)
		w.Header().Set("Link", `</api/v1/search?`+next.Encode()+`>; rel="next"`)
	}
	writeJSON(w, http.StatusOK, out)
}

// snippetText is a snippet as plain text, "…" where text was left out.
func snippetText(sn searchq.Snippet) string {
	var b strings.Builder
	if sn.CutStart {
		b.WriteString("…")
	}
	for _, p := range sn.Parts {
		b.WriteString(p.Text)
	}
	if sn.CutEnd {
		b.WriteString("…")
	}
	return b.String()
}
