package web

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

type userListData struct {
	Users []store.User
	Orgs  map[int64]string
}

// userList shows the accounts in the user's scope.
func (s *Server) userList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	d := userListData{Orgs: map[int64]string{}}
	err := s.db.View(ctx, func(tx *store.Tx) error {
		scope := c.Target.OrgPath
		if c.P.Role == auth.RoleAdmin && r.URL.Query().Get("org") == "" {
			scope = ""
		}
		var err error
		if d.Users, err = tx.Users(ctx, scope, 1000); err != nil {
			return err
		}
		for _, u := range d.Users {
			if u.OrgID != 0 && d.Orgs[u.OrgID] == "" {
				if o, err := tx.Org(ctx, u.OrgID); err == nil {
					d.Orgs[u.OrgID] = o.Name
				}
			}
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "user_list", View{Title: c.T("web.users.title"), Nav: "users", Data: d})
}

type userFormData struct {
	Roles [][2]string
}

func (s *Server) userNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderUserForm(w, r, c, http.StatusOK, NewForm(url.Values{"role": {auth.RoleSecretary}}))
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	var d userFormData
	for _, role := range auth.Roles {
		if role == auth.RoleAdmin && c.P.Role != auth.RoleAdmin {
			continue
		}
		d.Roles = append(d.Roles, [2]string{role, c.T("auth.role." + role)})
	}
	s.render(w, r, status, "user_form", View{Title: c.T("web.users.new"), Nav: "users", Form: f, Data: d})
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, party.Invalid("web.form_invalid"))
		return
	}
	f := NewForm(r.PostForm)
	_, err := s.accounts.CreateUser(r.Context(), c.P, c.Actor(), accounts.NewUser{
		Username: f.Get("username"), DisplayName: f.Get("display_name"), Password: f.Get("password"), Role: f.Get("role"),
		OrgCode: f.Get("org_code"), MemberID: atoi64(f.Get("member_id")), Email: f.Get("email"),
	})
	if err != nil {
		f.Values.Del("password")
		f.SetError(c, err)
		s.renderUserForm(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.users.created")
	redirect(w, r, "/users")
}

func auditFilter(r *http.Request) store.AuditFilter {
	q := r.URL.Query()
	f := store.AuditFilter{Username: q.Get("user"), Entity: q.Get("entity"), Action: q.Get("action"), EntityID: atoi64(q.Get("entity_id")),
		BeforeID: atoi64(q.Get("before")), Limit: 100}
	if d, err := party.ParseVN(q.Get("from")); err == nil && !d.IsZero() {
		f.From = d.Time()
	}
	if d, err := party.ParseVN(q.Get("to")); err == nil && !d.IsZero() {
		f.To = d.AddDays(1).Time()
	}
	return f
}

type auditData struct {
	Entries []store.AuditEntry
	Next    string
	Query   url.Values
}

// auditList is the audit log, filterable by user, record, action and dates.
func (s *Server) auditList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	f := auditFilter(r)
	var d auditData
	d.Query = r.URL.Query()
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		d.Entries, err = tx.AuditLog(r.Context(), f)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if len(d.Entries) == f.Limit {
		q := r.URL.Query()
		q.Set("before", strconv.FormatInt(d.Entries[len(d.Entries)-1].ID, 10))
		d.Next = "/admin/audit?" + q.Encode()
	}
	s.render(w, r, http.StatusOK, "audit", View{Title: c.T("web.audit.title"), Nav: "audit", Form: NewForm(r.URL.Query()), Data: d})
}

// auditExport writes the filtered audit log as CSV (UTF-8 with BOM, so
// that Excel reads the Vietnamese right).
func (s *Server) auditExport(w http.ResponseWriter, r *http.Request, c *Ctx) {
	f := auditFilter(r)
	f.Limit = 10000
	var entries []store.AuditEntry
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		entries, err = tx.AuditLog(r.Context(), f)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="nhat-ky.csv"`)
	w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "thời điểm", "người dùng", "IP", "thao tác", "đối tượng", "mã", "tổ chức", "trước", "sau"})
	for _, e := range entries {
		cw.Write([]string{strconv.FormatInt(e.ID, 10), e.At.In(party.Zone).Format(time.RFC3339), e.Username, e.IP, e.Action, e.Entity,
			strconv.FormatInt(e.EntityID, 10), strconv.FormatInt(e.OrgID, 10), e.Before, e.After})
	}
	cw.Flush()
}
