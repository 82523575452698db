package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/store"
)

func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) {
	c := getCtx(r)
	if c.P.LoggedIn() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	f := NewForm(url.Values{"next": {r.URL.Query().Get("next")}})
	s.render(w, r, http.StatusOK, "login", View{Title: c.T("web.login.title"), Form: f})
}

// safeNext keeps post-login redirects on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	c := getCtx(r)
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	secret, p, err := s.accounts.Login(r.Context(), r.PostForm.Get("username"), r.PostForm.Get("password"), s.clientIP(r), r.UserAgent())
	if err != nil {
		f := NewForm(url.Values{"username": {r.PostForm.Get("username")}, "next": {r.PostForm.Get("next")}})
		f.SetError(c, err)
		s.render(w, r, statusOf(party.ErrorCode(err)), "login", View{Title: c.T("web.login.title"), Form: f})
		return
	}
	// The old session, if any, ends: a login always starts a new one.
	if c.secret != "" {
		_ = s.accounts.Logout(r.Context(), c.secret)
	}
	s.setSessionCookie(w, r, secret)
	if p.Locale != "" {
		http.SetCookie(w, &http.Cookie{Name: cookieLang, Value: p.Locale, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	}
	http.Redirect(w, r, safeNext(r.PostForm.Get("next")), http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if c.secret != "" {
		_ = s.accounts.Logout(r.Context(), c.secret)
	}
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) logoutEverywhere(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := s.accounts.LogoutEverywhere(r.Context(), c.Actor(), c.P.UserID); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) langSwitch(w http.ResponseWriter, r *http.Request) {
	c := getCtx(r)
	l := i18n.Parse(r.PathValue("lang"))
	http.SetCookie(w, &http.Cookie{Name: cookieLang, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	if c.P.LoggedIn() {
		_ = s.db.Update(r.Context(), c.Actor(), func(tx *store.Tx) error { return tx.SetLocale(r.Context(), c.P.UserID, string(l)) })
	}
	back := "/"
	if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
		back = safeNext(ref.RequestURI())
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// home sends each user where their work is: a secretary to the cell, a
// board user to the overview of the subtree, a member to their own page.
func (s *Server) home(w http.ResponseWriter, r *http.Request, c *Ctx) {
	switch c.P.Role {
	case auth.RoleBoard:
		http.Redirect(w, r, "/orgs/"+strconv.FormatInt(c.P.OrgID, 10)+"/overview", http.StatusSeeOther)
	case auth.RoleSecretary:
		http.Redirect(w, r, "/orgs/"+strconv.FormatInt(c.P.OrgID, 10), http.StatusSeeOther)
	case auth.RoleMember:
		http.Redirect(w, r, "/me", http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/overview", http.StatusSeeOther) // the root's overview
	}
}

func (s *Server) accountShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.render(w, r, http.StatusOK, "account", View{Title: c.T("web.account.title"), Nav: "account", Form: NewForm(nil)})
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(nil)
	if r.PostForm.Get("password") != r.PostForm.Get("password2") {
		f.Errors["password2"] = c.T("web.account.password_mismatch")
		f.Error = c.T("form.has_errors", 1)
		s.render(w, r, http.StatusBadRequest, "account", View{Title: c.T("web.account.title"), Nav: "account", Form: f})
		return
	}
	err := s.accounts.ChangePassword(r.Context(), c.Actor(), c.P.UserID, r.PostForm.Get("old_password"), r.PostForm.Get("password"), true)
	if err != nil {
		f.SetError(c, err)
		s.render(w, r, statusOf(party.ErrorCode(err)), "account", View{Title: c.T("web.account.title"), Nav: "account", Form: f})
		return
	}
	// Every session ended with the change; start a new one here.
	s.flash(w, "web.account.password_changed")
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
