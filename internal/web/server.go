// Package web is the HTTP face of Chibo: server-rendered pages in
// Vietnamese (html/template, enhanced with htmx) and the JSON API under
// /api/v1. Handlers are thin: parse, authorize, call a service, render.
// Every route is listed in routes.go with the action it needs, and one
// function (auth.Authorize) decides for all of them.
package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/oversight"
	"chibo/internal/quality"
	"chibo/internal/search"
	"chibo/internal/store"
)

//go:embed templates static
var assets embed.FS

// Config is how the server is run.
type Config struct {
	// CookieSecure is "auto" (secure over HTTPS, behind a proxy that says
	// so, and on loopback), "always" or "never".
	CookieSecure string
	// TrustProxy makes X-Forwarded-For and X-Forwarded-Proto count: only
	// behind a reverse proxy that sets them.
	TrustProxy bool
	// BaseURL is the public address, used in e-mails and calendar feeds.
	BaseURL string
	// MaxUpload caps request bodies with files (bytes).
	MaxUpload int64
	// FilesDir, when set, keeps documents' files in this folder instead
	// of the database (CHIBO_FILES_DIR).
	FilesDir string
}

// Server holds the services and the parsed templates.
type Server struct {
	cfg      Config
	db       *store.DB
	accounts *accounts.Service
	orgs     *orgs.Service
	members  *members.Service
	meetings *meetings.Service
	quality  *quality.Service
	ovs      *oversight.Service
	svc      *app.Services
	search   *search.Service
	now      func() time.Time
	log      *slog.Logger
	pages    pageSet
	static   fs.FS
	assetVer string
	routes   []Route
	kept     keptPages
}

// Deps are what the server needs from the rest of the program.
type Deps struct {
	DB  *store.DB
	Now func() time.Time
	Log *slog.Logger
	// MeetingHooks run inside every meeting write (summaries, search index).
	MeetingHooks []meetings.Hook
}

// New builds a server.
func New(cfg Config, d Deps) (*Server, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if cfg.MaxUpload == 0 {
		cfg.MaxUpload = 21 << 20 // a 20 MiB document (documents.MaxFileBytes) plus the form around it
	}
	if cfg.CookieSecure == "" {
		cfg.CookieSecure = "auto"
	}
	svc := app.Wire(d.DB, d.Now, d.MeetingHooks...)
	s := &Server{cfg: cfg, db: d.DB, now: d.Now, log: d.Log, svc: svc,
		accounts: svc.Accounts, orgs: svc.Orgs, members: svc.Members, meetings: svc.Meetings, quality: svc.Quality, ovs: svc.Oversight}
	s.search = svc.Search
	if err := svc.EnsureDefaults(context.Background()); err != nil {
		return nil, err
	}
	var err error
	if s.static, err = fs.Sub(assets, "static"); err != nil {
		return nil, err
	}
	s.assetVer = assetVersion(s.static)
	if s.pages, err = parsePages(s); err != nil {
		return nil, err
	}
	s.routes = s.routeTable()
	return s, nil
}

// Handler is the whole application with its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.Handle(rt.Method+" "+rt.Pattern, s.guard(rt))
	}
	s.publicRoutes(mux)
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticHandler()))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("/", s.notFound)
	cop := http.NewCrossOriginProtection()
	return s.recoverer(s.securityHeaders(s.logRequests(cop.Handler(s.loadSession(mux)))))
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok"))
}

// csp forbids everything the pages do not need: no inline scripts or
// styles, no eval, nothing from other origins.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.isSecure(r) && !isLoopback(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "err", p, "path", r.URL.Path, "stack", string(debug.Stack()))
				http.Error(w, "Lỗi hệ thống / Internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/static/") {
			return
		}
		level := slog.LevelDebug
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds())
	})
}

// clientIP is the caller's address, from the proxy header only when the
// proxy is trusted.
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			return strings.TrimSpace(strings.Split(f, ",")[0])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) isSecure(r *http.Request) bool {
	switch s.cfg.CookieSecure {
	case "always":
		return true
	case "never":
		return false
	}
	if r.TLS != nil {
		return true
	}
	if s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https" {
		return true
	}
	// Browsers treat loopback as a secure context and keep Secure
	// cookies there.
	return isLoopback(r)
}

func isLoopback(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Services are the server's use cases (for the background jobs of serve).
func (s *Server) Services() *app.Services { return s.svc }
