package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// formOf collects what a browser would send for the form with id: text
// inputs, hidden inputs, ticked boxes and radios, text areas and selects.
func formOf(t *testing.T, p page, id string) url.Values {
	t.Helper()
	f := p.one(t, "#"+id)
	v := url.Values{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name := attr(n, "name")
			switch n.Data {
			case "input":
				typ := attr(n, "type")
				_, checked := attrOK(n, "checked")
				switch {
				case name == "" || typ == "submit":
				case typ == "checkbox" || typ == "radio":
					if checked {
						v.Add(name, attr(n, "value"))
					}
				default:
					v.Add(name, attr(n, "value"))
				}
			case "textarea":
				if name != "" {
					v.Add(name, strings.TrimPrefix(textRaw(n), "\n"))
				}
			case "select":
				if name != "" {
					for c := range n.Descendants() {
						if c.Type == html.ElementNode && c.Data == "option" {
							if _, sel := attrOK(c, "selected"); sel {
								v.Set(name, attr(c, "value"))
							}
						}
					}
				}
			case "template":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(f)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// textRaw is the text of a node as written (a text area keeps its lines).
func textRaw(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// decode reads a JSON answer.
func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("not JSON (%d): %v: %s", rec.Code, err, rec.Body.String())
	}
}

// wantStatus fails when an answer has another status, showing its start.
func wantStatus(t *testing.T, what string, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	if rec.Code != status {
		b := rec.Body.String()
		if len(b) > 600 {
			b = b[:600]
		}
		t.Fatalf("%s: status %d, want %d: %s", what, rec.Code, status, b)
	}
}

// planJuneForm plans cell A1's regular meeting of June 2026 (05/06, 19:30)
// through the plan form and returns the meeting's address.
func (a *app) planJuneForm(t *testing.T) string {
	t.Helper()
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	rec := a.postForm("seca1", "/orgs/"+cell+"/meetings", url.Values{"kind": {"thuong_ky"}, "date": {"05/06/2026"}, "time": {"19:30"},
		"place": {"Nhà văn hóa tổ dân phố số 5"}, "period": {"2026-06"}})
	wantStatus(t, "plan", rec, http.StatusSeeOther)
	return rec.Header().Get("Location")
}

// hx sends a form as htmx does.
func (a *app) hx(user, path string, v url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "http://127.0.0.1"+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie(user)})
	return serve(a, req)
}

// q supports descendant selectors ("#prep .checklist li.is-done"): each
// part is a selector of page.css, looked up under the previous matches.
func (p page) q(sel string) []*html.Node {
	nodes := []*html.Node{p.root}
	for _, part := range strings.Fields(sel) {
		var next []*html.Node
		seen := map[*html.Node]bool{}
		for _, n := range nodes {
			for _, m := range (page{n}).css(part) {
				if m != n && !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
		}
		nodes = next
	}
	return nodes
}

// q1 is the first match of q, failing the test when there is none.
func (p page) q1(t *testing.T, sel string) *html.Node {
	t.Helper()
	ns := p.q(sel)
	if len(ns) == 0 {
		t.Fatalf("no element %s", sel)
	}
	return ns[0]
}
