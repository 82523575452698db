package web

import (
	"net/http"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
)

// The documents API: JSON metadata (POST /api/v1/documents), then the
// file as multipart/form-data, field "file" (POST
// /api/v1/documents/{id}/file, each upload a new version).

type apiDocFile struct {
	Version     int    `json:"version"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	Note        string `json:"note,omitempty"`
	CreatedAt   string `json:"created_at"`
}

type apiDocTarget struct {
	OrgID   int64  `json:"org_id"`
	OrgName string `json:"org_name"`
	Role    string `json:"role"`
	SentAt  string `json:"sent_at"`
}

type apiDocument struct {
	ID             int64          `json:"id"`
	IssuerID       int64          `json:"issuer_id"`
	IssuerName     string         `json:"issuer_name"`
	Number         string         `json:"number"`
	Kind           string         `json:"kind"`
	Title          string         `json:"title"`
	IssuedOn       party.Date     `json:"issued_on"`
	Summary        string         `json:"summary"`
	ReplacesID     *int64         `json:"replaces_id"`
	ReplacedBy     []int64        `json:"replaced_by,omitempty"`
	Tags           []string       `json:"tags"`
	File           *apiDocFile    `json:"file"`
	Versions       []apiDocFile   `json:"versions,omitempty"`
	Targets        []apiDocTarget `json:"targets,omitempty"`
	AcknowledgedAt string         `json:"acknowledged_at,omitempty"`
	SentAt         string         `json:"sent_at,omitempty"`
	Version        int64          `json:"version"`
}

func toAPIDoc(d store.Document) apiDocument {
	a := apiDocument{ID: d.ID, IssuerID: d.IssuerID, IssuerName: d.IssuerName, Number: d.Number, Kind: d.Kind, Title: d.Title,
		IssuedOn: d.IssuedOn, Summary: d.Summary, Tags: d.Tags, Version: d.Version}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if d.ReplacesID != 0 {
		id := d.ReplacesID
		a.ReplacesID = &id
	}
	return a
}

func toAPIDocDetail(det documents.Detail) apiDocument {
	a := toAPIDoc(det.Document)
	for _, v := range det.Versions {
		f := apiDocFile{Version: v.Version, Filename: v.Filename, ContentType: v.ContentType, Size: v.Size, Note: v.Note, CreatedAt: rfc3339(v.CreatedAt)}
		a.Versions = append(a.Versions, f)
		if v.Version == det.Document.FileVersion {
			a.File = &f
		}
	}
	for _, r := range det.ReplacedBy {
		a.ReplacedBy = append(a.ReplacedBy, r.ID)
	}
	for _, t := range det.Targets {
		a.Targets = append(a.Targets, apiDocTarget{OrgID: t.OrgID, OrgName: t.OrgName, Role: t.Role, SentAt: rfc3339(t.SentAt)})
	}
	return a
}

// apiDocList lists the documents the caller may read, as the page does:
// ?kind=, ?tag=, ?q=, ?year=; a member gets those sent to them.
func (s *Server) apiDocList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := r.URL.Query()
	var out []apiDocument
	var err error
	if c.P.Role == auth.RoleMember {
		var sent []store.SentDoc
		if c.P.MemberID != 0 {
			sent, err = s.docs().ForMember(ctx, c.P.MemberID, 1000)
		}
		for _, d := range sent {
			a := toAPIDoc(d.Document)
			a.SentAt, a.AcknowledgedAt = rfc3339(d.SentAt), rfc3339(d.AckedAt)
			out = append(out, a)
		}
	} else {
		f := store.DocFilter{Kind: q.Get("kind"), Tag: q.Get("tag"), Q: q.Get("q"), Year: int(atoi64(q.Get("year"))), Limit: 1000}
		switch c.P.Role {
		case auth.RoleAdmin:
		case auth.RoleBoard:
			f.Scope, f.Reach = c.P.OrgPath, c.P.OrgPath
		default:
			f.Reach = c.P.OrgPath
		}
		var docs []store.Document
		err = s.db.View(ctx, func(tx *store.Tx) error {
			var err error
			docs, err = tx.Documents(ctx, f)
			return err
		})
		for _, d := range docs {
			out = append(out, toAPIDoc(d))
		}
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(r, out))
}

type apiDocIn struct {
	IssuerID   int64    `json:"issuer_id"`
	Number     string   `json:"number"`
	Kind       string   `json:"kind"`
	Title      string   `json:"title"`
	IssuedOn   string   `json:"issued_on"`
	Summary    string   `json:"summary"`
	ReplacesID int64    `json:"replaces_id"`
	Tags       []string `json:"tags"`
}

func (s *Server) apiDocCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiDocIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	on, err := party.ParseISO(in.IssuedOn)
	if err != nil {
		s.fail(w, r, c, fieldErr("issued_on", err))
		return
	}
	id, err := s.docs().Create(r.Context(), c.Actor(), documents.Input{IssuerID: in.IssuerID, Number: in.Number, Kind: in.Kind, Title: in.Title,
		IssuedOn: on, Summary: in.Summary, ReplacesID: in.ReplacesID, Tags: in.Tags}, nil)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeDoc(w, r, c, http.StatusCreated, id)
}

func (s *Server) writeDoc(w http.ResponseWriter, r *http.Request, c *Ctx, status int, id int64) {
	det, err := s.docs().Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	a := toAPIDocDetail(det)
	if c.P.MemberID != 0 {
		_ = s.db.View(r.Context(), func(tx *store.Tx) error {
			at, err := tx.AckedAt(r.Context(), id, c.P.MemberID)
			a.AcknowledgedAt = rfc3339(at)
			return err
		})
	}
	writeJSON(w, status, a)
}

func (s *Server) apiDocGet(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	if _, err := s.docs().Load(r.Context(), c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeDoc(w, r, c, http.StatusOK, id)
}

// apiDocFile takes a new version of the file (multipart, field "file").
func (s *Server) apiDocFile(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	up, err := s.parseUpload(r, "file")
	if err == nil && up == nil {
		err = &party.Error{Code: party.EInvalid, Msg: party.M("doc.file_required"), Fields: map[string]party.Msg{"file": party.M("doc.file_required")}}
	}
	if err == nil {
		_, err = s.docs().AddFile(r.Context(), c.Actor(), id, *up)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.writeDoc(w, r, c, http.StatusCreated, id)
}

type apiSendIn struct {
	OrgIDs []int64  `json:"org_ids"`
	Roles  []string `json:"roles"`
}

func (s *Server) apiDocSend(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var in apiSendIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, c, err)
		return
	}
	n, err := s.docs().Send(r.Context(), c.Actor(), pathID(r, "id"), documents.SendInput{OrgIDs: in.OrgIDs, Roles: in.Roles})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	det, err := s.docs().Get(r.Context(), pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	targets := []apiDocTarget{}
	for _, t := range det.Targets {
		targets = append(targets, apiDocTarget{OrgID: t.OrgID, OrgName: t.OrgName, Role: t.Role, SentAt: rfc3339(t.SentAt)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"created": n, "targets": targets})
}

func (s *Server) apiDocAck(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	if _, err := s.docs().Load(r.Context(), c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	at, err := s.docs().Acknowledge(r.Context(), c.Actor(), id, c.P.MemberID)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"document_id": id, "member_id": c.P.MemberID, "acknowledged_at": rfc3339(at)})
}

type apiCoverageRow struct {
	OrgID        int64   `json:"org_id"`
	Name         string  `json:"name"`
	Kind         string  `json:"kind"`
	Members      int     `json:"members"`
	Acknowledged int     `json:"acknowledged"`
	Rate         float64 `json:"rate"`
}

func (s *Server) apiDocCoverage(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	id := pathID(r, "id")
	if _, err := s.docs().Load(ctx, c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	cov, err := s.docs().Coverage(ctx, id, s.listOrgID(r, c))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	kids := []apiCoverageRow{}
	for _, k := range cov.Children {
		kids = append(kids, apiCoverageRow{OrgID: k.Org.ID, Name: k.Org.Name, Kind: string(k.Org.Kind), Members: k.Members, Acknowledged: k.Acknowledged, Rate: k.Rate()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"document_id": id, "org_id": cov.Org.ID, "org_name": cov.Org.Name,
		"members": cov.Members, "acknowledged": cov.Acknowledged, "rate": cov.Rate(), "children": kids})
}

func (s *Server) apiDocRemind(w http.ResponseWriter, r *http.Request, c *Ctx) {
	n, err := s.docs().Remind(r.Context(), c.Actor(), pathID(r, "id"), s.listOrgID(r, c))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"reminded": n})
}
