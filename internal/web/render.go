package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/vntext"
)

// pageSet holds every page template, parsed once per language so that
// {{t "key"}} needs no language argument.
type pageSet map[i18n.Lang]map[string]*template.Template

// View is what every page template receives.
type View struct {
	C      *Ctx
	Title  string
	Nav    string // the active navigation item
	Crumbs []Crumb
	Flash  string
	Form   *Form
	Data   any
	Unread int // the user's unread notifications, for the menu (notifications.go)
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Label string
	Href  string
}

// Form carries what the user typed back to the page with the messages
// beside each field, so that nothing typed is lost on an error.
type Form struct {
	Values url.Values
	Errors map[string]string
	Error  string
}

// NewForm starts a form from submitted values (nil for an empty form).
func NewForm(v url.Values) *Form {
	if v == nil {
		v = url.Values{}
	}
	return &Form{Values: v, Errors: map[string]string{}}
}

// Get returns a field's value.
func (f *Form) Get(name string) string {
	if f == nil {
		return ""
	}
	return f.Values.Get(name)
}

// Has reports whether a checkbox or multi-value field holds v.
func (f *Form) Has(name, v string) bool {
	if f == nil {
		return false
	}
	for _, x := range f.Values[name] {
		if x == v {
			return true
		}
	}
	return false
}

// Err returns the message for a field.
func (f *Form) Err(name string) string {
	if f == nil {
		return ""
	}
	return f.Errors[name]
}

// SetError fills the form's messages from an error: field messages beside
// their fields, the main message at the top.
func (f *Form) SetError(c *Ctx, err error) {
	e, ok := party.AsError(err)
	if !ok {
		f.Error = c.T("web.internal_error")
		return
	}
	f.Error = c.Msg(e.Msg)
	for k, v := range e.Fields {
		f.Errors[k] = c.Msg(v)
	}
}

func funcs(l i18n.Lang, s *Server) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) string { return i18n.T(l, key, args...) },
		// tk translates a code of an enumeration: tk "org.kind" .Kind.
		"tk":  func(prefix string, code any) string { return i18n.T(l, prefix+"."+fmt.Sprint(code)) },
		"msg": func(m party.Msg) string { return i18n.Msg(l, m) },
		"date": func(d party.Date) string {
			return d.VN()
		},
		"period": func(p party.Period) string { return i18n.Period(l, p) },
		"int":    func(n int) string { return i18n.Int(l, n) },
		"pct":    func(rate float64) string { return i18n.Percent(l, rate) },
		"hm": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(party.Zone).Format("15:04")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(party.Zone).Format("15:04") + " " + party.DateOf(t).VN()
		},
		"asset": func(p string) string { return "/static/" + p + "?v=" + s.assetVer },
		"can": func(c *Ctx, action string, orgPath string) bool {
			return auth.Can(c.P, auth.Action(action), auth.Target{OrgPath: orgPath})
		},
		"canMember": func(c *Ctx, action string, orgPath string, memberID int64) bool {
			return auth.Can(c.P, auth.Action(action), auth.Target{OrgPath: orgPath, MemberID: memberID})
		},
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		// opts builds select options from codes: opts "member.gender" "nam" "nu".
		"opts": func(prefix string, codes ...string) [][2]string {
			out := make([][2]string, len(codes))
			for i, c := range codes {
				out[i] = [2]string{c, i18n.T(l, prefix+"."+c)}
			}
			return out
		},
		"add":   func(a, b int) int { return a + b },
		"upper": func(s string) string { return strings.ToUpper(s) },
		"lang":  func() string { return string(l) },
		"given": func(name string) string { g, _ := vntext.SplitName(name); return g },
		"initial": func(name string) string {
			g, _ := vntext.SplitName(name)
			for _, r := range g {
				return strings.ToUpper(string(r))
			}
			return "?"
		},
	}
}

// parsePages parses layout + partials + each page, for each language.
func parsePages(s *Server) (pageSet, error) {
	tfs, err := fs.Sub(assets, "templates")
	if err != nil {
		return nil, err
	}
	shared, err := fs.Glob(tfs, "partials/*.html")
	if err != nil {
		return nil, err
	}
	shared = append([]string{"layout.html"}, shared...)
	pagesList, err := fs.Glob(tfs, "*.html")
	if err != nil {
		return nil, err
	}
	out := pageSet{}
	for _, l := range i18n.Langs {
		out[l] = map[string]*template.Template{}
		base, err := template.New("layout").Funcs(funcs(l, s)).ParseFS(tfs, shared...)
		if err != nil {
			return nil, err
		}
		for _, p := range pagesList {
			if p == "layout.html" {
				continue
			}
			t, err := template.Must(base.Clone()).ParseFS(tfs, p)
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", p, err)
			}
			out[l][strings.TrimSuffix(p, ".html")] = t
		}
	}
	return out, nil
}

// render writes a whole page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v View) {
	s.renderBlock(w, r, status, page, "layout", v)
}

// renderBlock writes one named template of a page: the layout for a
// whole page, or a fragment for htmx.
func (s *Server) renderBlock(w http.ResponseWriter, r *http.Request, status int, page, block string, v View) {
	if b, ok := s.execute(w, r, page, block, v); ok {
		writeHTML(w, status, b)
	}
}

// execute runs a page's template into bytes; on a failure it has answered
// the request and returns false.
func (s *Server) execute(w http.ResponseWriter, r *http.Request, page, block string, v View) ([]byte, bool) {
	c := getCtx(r)
	v.C = c
	if block == "layout" && c.P.LoggedIn() {
		v.Unread = s.unreadCount(r.Context(), c.P.UserID)
	}
	if v.Flash == "" {
		v.Flash = s.takeFlash(w, r, c)
	}
	t, ok := s.pages[c.L][page]
	if !ok {
		s.log.Error("missing template", "page", page)
		http.Error(w, "missing template "+page, http.StatusInternalServerError)
		return nil, false
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, v); err != nil {
		s.log.Error("template", "page", page, "err", err)
		http.Error(w, "Lỗi hiển thị trang / Rendering error", http.StatusInternalServerError)
		return nil, false
	}
	return buf.Bytes(), true
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

// flash shows a message on the next page (after a redirect).
func (s *Server) flash(w http.ResponseWriter, key string) {
	http.SetCookie(w, &http.Cookie{Name: "chibo_flash", Value: url.QueryEscape(key), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request, c *Ctx) string {
	ck, err := r.Cookie("chibo_flash")
	if err != nil || ck.Value == "" {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: "chibo_flash", Value: "", Path: "/", MaxAge: -1})
	key, _ := url.QueryUnescape(ck.Value)
	if !i18n.Has(key) {
		return ""
	}
	return c.T(key)
}

// redirect after a successful POST (post/redirect/get).
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", to)
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// staticHandler serves embedded files; URLs carry a content hash so they
// can be cached for a year.
func (s *Server) staticHandler() http.Handler {
	files := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// assetVersion hashes every static file: the ?v= of asset URLs.
func assetVersion(fsys fs.FS) string {
	h := sha256.New()
	var names []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		h.Write([]byte(path.Clean(n)))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:10]
}
