package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Ctx is what a handler knows about the request beyond http.Request: who
// asks, in which language, and the target the guard authorized.
type Ctx struct {
	P      auth.Principal
	L      i18n.Lang
	Target auth.Target
	// API is true for /api/v1 routes: errors answer in JSON.
	API bool
	// BySession is true when the principal came from the session cookie
	// (not a bearer token).
	BySession bool
	secret    string
	ip        string
	kept      string // the key the page is kept under, "" when it is not (pagecache.go)
	mark      string // the changes mark read with the session (PostgreSQL), "" when none was
}

// Actor is the principal as the audit log names it.
func (c *Ctx) Actor() store.Actor {
	return store.Actor{UserID: c.P.UserID, Username: c.P.Username, IP: c.ip}
}

// T translates a catalog key in the request's language.
func (c *Ctx) T(key string, args ...any) string { return i18n.T(c.L, key, args...) }

// Msg renders a domain message in the request's language.
func (c *Ctx) Msg(m party.Msg) string { return i18n.Msg(c.L, m) }

type ctxKey struct{}

func getCtx(r *http.Request) *Ctx {
	if c, ok := r.Context().Value(ctxKey{}).(*Ctx); ok {
		return c
	}
	return &Ctx{L: i18n.VI}
}

// Cookie names: with the __Host- prefix the browser refuses the cookie
// unless it is Secure, host-only and for the whole site.
const (
	cookieSecure   = "__Host-chibo"
	cookieInsecure = "chibo"
	cookieLang     = "chibo_lang"
)

func (s *Server) cookieName(r *http.Request) string {
	if s.isSecure(r) {
		return cookieSecure
	}
	return cookieInsecure
}

// loadSession finds the principal: a bearer token (API clients) or the
// session cookie (browsers).
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &Ctx{L: i18n.VI, ip: s.clientIP(r), API: strings.HasPrefix(r.URL.Path, "/api/")}
		if lc, err := r.Cookie(cookieLang); err == nil {
			c.L = i18n.Parse(lc.Value)
		}
		ctx := r.Context()
		// Static files and the health check are the same for everyone: no
		// database round for them.
		if !anonymousPath(r.URL.Path) {
			s.identify(r, c)
		}
		if c.P.LoggedIn() && c.P.Locale != "" {
			c.L = i18n.Parse(c.P.Locale)
		}
		if q := r.URL.Query().Get("lang"); q != "" {
			c.L = i18n.Parse(q)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, ctxKey{}, c)))
	})
}

// identify finds who is asking: a bearer token or the session cookie.
func (s *Server) identify(r *http.Request, c *Ctx) {
	ctx := r.Context()
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		if p, err := s.accounts.Token(ctx, strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))); err == nil {
			c.P = p
		}
	} else if ck, err := r.Cookie(s.cookieName(r)); err == nil && ck.Value != "" {
		if p, mark, err := s.accounts.Session(ctx, ck.Value); err == nil {
			c.P, c.BySession, c.secret, c.mark = p, true, ck.Value, mark
		}
	}
}

// anonymousPath: the paths answered without looking up the session.
func anonymousPath(p string) bool { return strings.HasPrefix(p, "/static/") || p == "/healthz" }

// setSessionCookie hands the browser a new session.
func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, secret string) {
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(r), Value: secret, Path: "/", HttpOnly: true, Secure: s.isSecure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int((12 * time.Hour).Seconds()),
	})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(r), Value: "", Path: "/", HttpOnly: true, Secure: s.isSecure(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
