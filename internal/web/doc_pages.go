package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
)

type docListData struct {
	Docs    []store.Document
	Sent    []store.SentDoc // a member's own list
	Filter  *Form
	Kinds   [][2]string
	NewOrg  int64 // where "new document" goes, 0 when the user may not
	ForSelf bool  // the list of a member: documents to study
}

// docKindOptions are the kinds of documents for a select.
func docKindOptions(c *Ctx) [][2]string {
	out := make([][2]string, len(documents.Kinds))
	for i, k := range documents.Kinds {
		out[i] = [2]string{k, c.T("doc.kind." + k)}
	}
	return out
}

// docList is the register as the user may see it: for a board the
// documents issued within its organization and those it received; for a
// secretary those sent to the cell; for a member those sent to them.
func (s *Server) docList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	q := r.URL.Query()
	d := docListData{Filter: NewForm(q), Kinds: docKindOptions(c)}
	var err error
	switch c.P.Role {
	case auth.RoleMember:
		d.ForSelf = true
		if c.P.MemberID != 0 {
			d.Sent, err = s.docs().ForMember(ctx, c.P.MemberID, 200)
		}
	default:
		f := store.DocFilter{Kind: q.Get("kind"), Tag: q.Get("tag"), Q: q.Get("q"), Year: int(atoi64(q.Get("year")))}
		switch c.P.Role {
		case auth.RoleAdmin:
		case auth.RoleBoard:
			f.Scope, f.Reach = c.P.OrgPath, c.P.OrgPath
		default:
			f.Reach = c.P.OrgPath
		}
		err = s.db.View(ctx, func(tx *store.Tx) error {
			var err error
			d.Docs, err = tx.Documents(ctx, f)
			return err
		})
		if org := s.listOrgID(r, c); org != 0 && c.P.Role != auth.RoleSecretary {
			err2 := s.db.View(ctx, func(tx *store.Tx) error {
				o, err := tx.Org(ctx, org)
				if err == nil && auth.Can(c.P, auth.ManageDocuments, auth.Target{OrgPath: o.Path}) {
					d.NewOrg = o.ID
				}
				return nil
			})
			err = errors.Join(err, err2)
		}
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "doc_list", View{Title: c.T("web.doc.list_title"), Nav: "documents", Data: d})
}

type docFormData struct {
	Org      store.OrgRow
	Doc      store.Document // editing
	New      bool
	Kinds    [][2]string
	Replaces [][2]string // earlier documents of the issuer
	MaxMB    int
}

func docToForm(d store.Document) *Form {
	v := url.Values{"number": {d.Number}, "kind": {d.Kind}, "title": {d.Title}, "issued_on": {d.IssuedOn.VN()}, "summary": {d.Summary},
		"tags": {strings.Join(d.Tags, ", ")}, "version": {strconv.FormatInt(d.Version, 10)}}
	if d.ReplacesID != 0 {
		v.Set("replaces_id", strconv.FormatInt(d.ReplacesID, 10))
	}
	return NewForm(v)
}

// docFromForm reads the fields of the document form; a date that does not
// parse is reported beside its field.
func docFromForm(f *Form) (documents.Input, party.FieldErrors) {
	fe := party.FieldErrors{}
	on, err := party.ParseVN(f.Get("issued_on"))
	if e, ok := party.AsError(err); ok {
		fe["issued_on"] = e.Msg
	}
	return documents.Input{Number: f.Get("number"), Kind: f.Get("kind"), Title: f.Get("title"), IssuedOn: on, Summary: f.Get("summary"),
		ReplacesID: atoi64(f.Get("replaces_id")), Tags: []string{f.Get("tags")}, Version: atoi64(f.Get("version"))}, fe
}

func (s *Server) renderDocForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, orgID, docID int64, f *Form) {
	ctx := r.Context()
	d := docFormData{New: docID == 0, Kinds: docKindOptions(c), MaxMB: documents.MaxFileBytes >> 20}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if docID != 0 {
			if d.Doc, err = tx.Document(ctx, docID); err != nil {
				return err
			}
			orgID = d.Doc.IssuerID
		}
		if d.Org, err = tx.Org(ctx, orgID); err != nil {
			return err
		}
		earlier, err := tx.Documents(ctx, store.DocFilter{Scope: d.Org.Path, Limit: 300})
		if err != nil {
			return err
		}
		for _, e := range earlier {
			if e.IssuerID == d.Org.ID && e.ID != docID {
				d.Replaces = append(d.Replaces, [2]string{strconv.FormatInt(e.ID, 10), e.Number + " — " + e.Title})
			}
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	title := c.T("web.doc.new")
	if !d.New {
		title = c.T("web.doc.edit")
		crumbs = append(crumbs, Crumb{Label: d.Doc.Number, Href: "/documents/" + strconv.FormatInt(docID, 10)})
	}
	crumbs = append(crumbs, Crumb{Label: title})
	s.render(w, r, status, "doc_form", View{Title: title, Nav: "documents", Crumbs: crumbs, Form: f, Data: d})
}

func (s *Server) docNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderDocForm(w, r, c, http.StatusOK, pathID(r, "id"), 0, NewForm(url.Values{"issued_on": {s.civilToday().VN()}}))
}

// parseUpload reads a multipart form and its optional file field. A body
// larger than the server takes, or a file larger than a document may be,
// is "too large" with the documents' limit in the message.
func (s *Server) parseUpload(r *http.Request, field string) (*documents.Upload, error) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, party.Errorf(party.ETooLarge, "doc.upload_too_large", documents.MaxFileBytes>>20)
		}
		if errors.Is(err, http.ErrNotMultipart) {
			return nil, party.Invalid("doc.multipart_expected")
		}
		return nil, party.Invalid("web.form_invalid")
	}
	file, hdr, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return nil, nil
	}
	if err != nil {
		return nil, party.Invalid("web.form_invalid")
	}
	defer file.Close()
	if hdr.Filename == "" && hdr.Size == 0 {
		return nil, nil // the file input left empty
	}
	up := &documents.Upload{Name: hdr.Filename, Note: r.PostForm.Get("note")}
	if hdr.Size > documents.MaxFileBytes {
		m := party.M("doc.file_too_large", hdr.Filename, float64(hdr.Size)/(1<<20), documents.MaxFileBytes>>20)
		return nil, &party.Error{Code: party.ETooLarge, Msg: m, Fields: map[string]party.Msg{field: m}}
	}
	if up.Data, err = io.ReadAll(io.LimitReader(file, documents.MaxFileBytes+1)); err != nil {
		return nil, err
	}
	return up, nil
}

func (s *Server) docCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	org := pathID(r, "id")
	up, err := s.parseUpload(r, "file")
	f := NewForm(r.PostForm)
	var id int64
	if err == nil {
		in, fe := docFromForm(f)
		in.IssuerID = org
		if err = fe.Err(); err == nil {
			id, err = s.docs().Create(r.Context(), c.Actor(), in, up)
		}
	}
	if err != nil {
		f.SetError(c, err)
		s.renderDocForm(w, r, c, statusOf(party.ErrorCode(err)), org, 0, f)
		return
	}
	s.flash(w, "web.doc.created")
	redirect(w, r, "/documents/"+strconv.FormatInt(id, 10))
}

func (s *Server) docEdit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var d store.Document
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		d, err = tx.Document(r.Context(), pathID(r, "id"))
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderDocForm(w, r, c, http.StatusOK, 0, d.ID, docToForm(d))
}

func (s *Server) docSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	id := pathID(r, "id")
	f := NewForm(r.PostForm)
	in, fe := docFromForm(f)
	err := fe.Err()
	if err == nil {
		err = s.docs().Update(r.Context(), c.Actor(), id, in)
	}
	if err != nil {
		f.SetError(c, err)
		s.renderDocForm(w, r, c, statusOf(party.ErrorCode(err)), 0, id, f)
		return
	}
	s.flash(w, "web.saved")
	redirect(w, r, "/documents/"+strconv.FormatInt(id, 10))
}

// docAddFile attaches a new version of the file.
func (s *Server) docAddFile(w http.ResponseWriter, r *http.Request, c *Ctx) {
	id := pathID(r, "id")
	up, err := s.parseUpload(r, "file")
	if err == nil && up == nil {
		err = &party.Error{Code: party.EInvalid, Msg: party.M("doc.file_required"), Fields: map[string]party.Msg{"file": party.M("doc.file_required")}}
	}
	if err == nil {
		_, err = s.docs().AddFile(r.Context(), c.Actor(), id, *up)
	}
	if err != nil {
		f := NewForm(r.PostForm)
		f.SetError(c, err)
		s.renderDocShow(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.doc.file_added")
	redirect(w, r, "/documents/"+strconv.FormatInt(id, 10))
}

type docShowData struct {
	documents.Detail
	Manage    bool       // the user manages the document
	CanAck    bool       // the user is a member it was sent to
	AckedAt   party.Date // when the user acknowledged it
	Coverage  int64      // the organization whose coverage the user may see (0: none)
	Roles     map[string]string
	Today     party.Date
	FileForm  *Form
	MaxMB     int
	IsPDF     bool
	Extension string
}

func (s *Server) docShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderDocShow(w, r, c, http.StatusOK, nil)
}

// renderDocShow is a document's page: what it is, its file and versions,
// what it replaces, where it was sent; for a member it was sent to, the
// "Tôi đã nghiên cứu" button.
func (s *Server) renderDocShow(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	id := pathID(r, "id")
	today := s.civilToday()
	if _, err := s.docs().Load(ctx, c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	det, err := s.docs().Get(ctx, id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := docShowData{Detail: det, Manage: documents.Manages(c.P, det.Document), Today: today, FileForm: f, MaxMB: documents.MaxFileBytes >> 20}
	if f == nil {
		d.FileForm = NewForm(nil)
	}
	if len(det.Versions) > 0 {
		d.IsPDF = det.Versions[0].ContentType == documents.TypePDF
	}
	err = s.db.View(ctx, func(tx *store.Tx) error {
		if c.P.MemberID != 0 {
			m, err := tx.Member(ctx, c.P.MemberID)
			if err != nil {
				return err
			}
			cell, err := tx.Org(ctx, m.OrgID)
			if err != nil {
				return err
			}
			roles, err := tx.CurrentRoles(ctx, m.ID, today)
			if err != nil {
				return err
			}
			d.CanAck = m.ActiveOn(today) && documents.Reaches(det.Targets, cell.Path, roles)
			at, err := tx.AckedAt(ctx, id, m.ID)
			if err != nil {
				return err
			}
			if !at.IsZero() {
				d.AckedAt = party.DateOf(at)
			}
		}
		// Coverage: the user's own organization when it oversees one the
		// document reached, else the issuer's for those who manage it.
		if c.P.OrgID != 0 && auth.Can(c.P, auth.ViewOversight, auth.Target{OrgPath: c.P.OrgPath}) && len(det.Targets) > 0 {
			for _, t := range det.Targets {
				if strings.HasPrefix(c.P.OrgPath, t.OrgPath) || strings.HasPrefix(t.OrgPath, c.P.OrgPath) {
					d.Coverage = c.P.OrgID
					break
				}
			}
		}
		if d.Coverage == 0 && d.Manage && len(det.Targets) > 0 {
			d.Coverage = det.Document.IssuerID
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	title := det.Document.Number
	crumbs := []Crumb{{Label: c.T("web.doc.list_title"), Href: "/documents"}, {Label: title}}
	s.render(w, r, status, "doc_show", View{Title: title + " · " + det.Document.Title, Nav: "documents", Crumbs: crumbs, Form: d.FileForm, Data: d})
}

// docFile sends a document's file (?v= a version) to those who may read
// the document: PDFs and images open in the browser, DOCX downloads.
func (s *Server) docFile(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	id := pathID(r, "id")
	if _, err := s.docs().Load(ctx, c.P, id); err != nil {
		s.fail(w, r, c, err)
		return
	}
	file, err := s.docs().OpenFile(ctx, id, int(atoi64(r.URL.Query().Get("v"))))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	disp := "attachment"
	if file.ContentType != documents.TypeDOCX {
		disp = "inline"
	}
	h := w.Header()
	h.Set("Content-Type", file.ContentType)
	h.Set("Content-Disposition", disp+"; filename=\""+fallbackFilename(file.Name)+"\"; filename*=UTF-8''"+url.PathEscape(file.Name))
	h.Set("Content-Length", strconv.Itoa(len(file.Data)))
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+file.SHA256+`"`)
	if r.Header.Get("If-None-Match") == `"`+file.SHA256+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(file.Data)
}

// fallbackFilename is a file name for old clients: non-ASCII letters dropped.
func fallbackFilename(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 0x20 && r < 0x7f && r != '"' && r != '\\' {
			b.WriteRune(r)
		} else if r > 0x7f {
			b.WriteByte('_')
		}
	}
	return b.String()
}
