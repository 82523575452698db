package web

import (
	"encoding/base64"
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// apiOrg is an organization in the API (DESIGN.md, API core).
type apiOrg struct {
	ID          int64      `json:"id"`
	Code        string     `json:"code"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	CellType    *string    `json:"cell_type"`
	ParentID    *int64     `json:"parent_id"`
	ChildCount  int        `json:"child_count"`
	CreatedOn   party.Date `json:"created_on"`
	DissolvedOn *string    `json:"dissolved_on"`
	Version     int64      `json:"version"`
}

func toAPIOrg(o store.OrgRow) apiOrg {
	a := apiOrg{ID: o.ID, Code: o.Code, Name: o.Name, Kind: string(o.Kind), ChildCount: o.ChildCount, CreatedOn: o.CreatedOn, Version: o.Version}
	if o.CellType != "" {
		ct := string(o.CellType)
		a.CellType = &ct
	}
	if o.ParentID != 0 {
		p := o.ParentID
		a.ParentID = &p
	}
	if !o.Dissolved.IsZero() {
		d := o.Dissolved.ISO()
		a.DissolvedOn = &d
	}
	return a
}

// page is a paged list answer.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// limitParam reads ?limit= (default 100, at most 1000).
func limitParam(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || n <= 0 {
		return 100
	}
	return min(n, 1000)
}

func offsetCursor(r *http.Request) int {
	b, err := base64.RawURLEncoding.DecodeString(r.URL.Query().Get("cursor"))
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(string(b))
	return max(n, 0)
}

func encodeOffset(n int) string { return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(n))) }

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request, c *Ctx) {
	writeJSON(w, http.StatusOK, map[string]any{
		"id": c.P.UserID, "username": c.P.Username, "name": c.P.Name, "role": c.P.Role,
		"org_id": c.P.OrgID, "member_id": c.P.MemberID, "locale": string(c.L),
	})
}

// apiOrgList lists the children of ?parent= (the user's own organization
// when absent), as the tree stands today or ?on= a past day.
func (s *Server) apiOrgList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	var out []apiOrg
	err := s.db.View(ctx, func(tx *store.Tx) error {
		parent := atoi64(r.URL.Query().Get("parent"))
		if parent == 0 && c.P.Role != auth.RoleAdmin {
			o, err := tx.Org(ctx, c.P.OrgID)
			if err != nil {
				return err
			}
			out = append(out, toAPIOrg(o))
			return nil
		}
		if on := r.URL.Query().Get("on"); on != "" {
			d, err := party.ParseISO(on)
			if err != nil {
				return err
			}
			vs, err := tx.ChildrenAsOf(ctx, parent, d)
			if err != nil {
				return err
			}
			for _, v := range vs {
				o, err := tx.Org(ctx, v.OrgID)
				if err != nil {
					return err
				}
				a := toAPIOrg(o)
				a.Name, a.Kind = v.Name, string(v.Kind)
				a.ParentID = nil
				if v.ParentID != 0 {
					p := v.ParentID
					a.ParentID = &p
				}
				out = append(out, a)
			}
			return nil
		}
		kids, err := tx.Children(ctx, parent)
		for _, k := range kids {
			out = append(out, toAPIOrg(k))
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(r, out))
}

func (s *Server) apiOrgGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var o store.OrgRow
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		o, err = tx.Org(r.Context(), pathID(r, "id"))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, toAPIOrg(o))
}

type apiOrgCreate struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	CellType string `json:"cell_type"`
	ParentID int64  `json:"parent_id"`
	On       string `json:"on"`
	Place    string `json:"place"`
	Abbrev   string `json:"abbrev"`
}

func (s *Server) apiOrgCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiOrgCreate
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	on := s.orgs.Today()
	if in.On != "" {
		d, err := party.ParseISO(in.On)
		if err != nil {
			s.fail(w, r, c, fieldErr("on", err))
			return
		}
		on = d
	}
	id, err := s.orgs.Create(r.Context(), c.Actor(), store.NewOrg{Code: in.Code, Name: in.Name, Kind: party.OrgKind(in.Kind),
		CellType: party.CellType(in.CellType), ParentID: in.ParentID, On: on, Place: in.Place, Abbrev: in.Abbrev})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	var o store.OrgRow
	_ = s.db.View(r.Context(), func(tx *store.Tx) error { o, err = tx.Org(r.Context(), id); return err })
	writeJSON(w, http.StatusCreated, toAPIOrg(o))
}

type apiVersion struct {
	Name       string     `json:"name"`
	Kind       string     `json:"kind"`
	CellType   string     `json:"cell_type,omitempty"`
	ParentID   int64      `json:"parent_id,omitempty"`
	ValidFrom  party.Date `json:"valid_from"`
	ValidUntil party.Date `json:"valid_until"`
	Change     string     `json:"change"`
	Note       string     `json:"note,omitempty"`
	RelatedID  int64      `json:"related_id,omitempty"`
}

func (s *Server) apiOrgHistory(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var vs []store.OrgVersion
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		vs, err = tx.OrgHistory(r.Context(), pathID(r, "id"))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []apiVersion{}
	for _, v := range vs {
		out = append(out, apiVersion{Name: v.Name, Kind: string(v.Kind), CellType: string(v.CellType), ParentID: v.ParentID,
			ValidFrom: v.ValidFrom, ValidUntil: v.ValidUntil, Change: v.Change, Note: v.Note, RelatedID: v.RelatedID})
	}
	writeJSON(w, http.StatusOK, map[string]any{"versions": out})
}

func (s *Server) apiOrgReorganize(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in reorgRequest
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	dest, err := s.reorganize(r, c, pathID(r, "id"), in)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	var o store.OrgRow
	_ = s.db.View(r.Context(), func(tx *store.Tx) error { o, err = tx.Org(r.Context(), dest); return err })
	writeJSON(w, http.StatusOK, toAPIOrg(o))
}

func (s *Server) apiOrgWarnings(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ws, err := s.orgs.Warnings(r.Context(), pathID(r, "id"), s.orgs.Today())
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := []map[string]string{}
	for _, m := range ws {
		out = append(out, map[string]string{"code": m.Key, "message": c.Msg(m)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"warnings": out})
}

// pageOf is the page of all that ?cursor= and ?limit= ask for (an offset
// cursor over a list read whole).
func pageOf[T any](r *http.Request, all []T) page[T] {
	off, lim := offsetCursor(r), limitParam(r)
	p := page[T]{Items: []T{}}
	if off < len(all) {
		end := min(off+lim, len(all))
		p.Items = all[off:end]
		if end < len(all) {
			p.NextCursor = encodeOffset(end)
		}
	}
	return p
}
