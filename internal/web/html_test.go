package web_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// page is parsed HTML, queried with small selectors rather than by
// matching strings.
type page struct{ root *html.Node }

func parsePage(t *testing.T, body string) page {
	t.Helper()
	n, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return page{n}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, x := range strings.Fields(attr(n, "class")) {
		if x == c {
			return true
		}
	}
	return false
}

// all returns the elements for which match is true, in document order.
func (p page) all(match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	return out
}

// css supports "#id", ".class", "tag", "tag.class" and "tag[name=value]".
func (p page) css(sel string) []*html.Node {
	tag, rest := sel, ""
	if i := strings.IndexAny(sel, "#.["); i >= 0 {
		tag, rest = sel[:i], sel[i:]
	}
	return p.all(func(n *html.Node) bool {
		if tag != "" && n.Data != tag {
			return false
		}
		switch {
		case rest == "":
			return true
		case rest[0] == '#':
			return attr(n, "id") == rest[1:]
		case rest[0] == '.':
			return hasClass(n, rest[1:])
		case rest[0] == '[':
			k, v, _ := strings.Cut(strings.Trim(rest, "[]"), "=")
			return attr(n, k) == strings.Trim(v, `"`)
		}
		return false
	})
}

func (p page) one(t *testing.T, sel string) *html.Node {
	t.Helper()
	ns := p.css(sel)
	if len(ns) == 0 {
		t.Fatalf("no element %s", sel)
	}
	return ns[0]
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func texts(ns []*html.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = text(n)
	}
	return out
}
