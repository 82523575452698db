// Package documents is the register of Party documents and their
// dissemination (tuyên truyền, quán triệt, DOMAIN.md §10): a committee
// records a document (number and symbol, kind, issuer, date, summary, its
// file and later versions, what it replaces), sends it to organizations
// and offices; members acknowledge having studied it; committees watch the
// coverage down the tree and remind those who have not.
package documents

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Kinds of documents, in the order a form offers them.
var Kinds = []string{
	"nghi_quyet", // nghị quyết
	"chi_thi",    // chỉ thị
	"ket_luan",   // kết luận
	"quy_dinh",   // quy định
	"quyet_dinh", // quyết định
	"huong_dan",  // hướng dẫn
	"ke_hoach",   // kế hoạch
	"de_an",      // đề án
	"thong_bao",  // thông báo
	"bao_cao",    // báo cáo
	"cong_van",   // công văn
	"khac",       // other
}

// ValidKind reports whether k is one of Kinds.
func ValidKind(k string) bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Service runs the document use cases.
type Service struct {
	DB  *store.DB
	Now func() time.Time
	// Dir, when set, keeps files in this folder (content-addressed)
	// instead of in the database.
	Dir string
}

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// Input is what recording or editing a document needs.
type Input struct {
	IssuerID   int64
	Number     string // số và ký hiệu: "11-ĐA/TU"
	Kind       string
	Title      string // trích yếu
	IssuedOn   party.Date
	Summary    string
	ReplacesID int64
	Tags       []string
	Version    int64 // the version edited (Update)
}

// numberRE is a number and symbol as Party documents write them: digits,
// then a symbol of letters, digits, dashes, dots and slashes ("11-ĐA/TU",
// "123-CV/QU", "05/NQ-ĐU").
var numberRE = regexp.MustCompile(`^\p{N}[\p{L}\p{N}\-./]*$`)

// normalize cleans the text fields at the boundary.
func (in *Input) normalize() {
	// Symbols are written in capitals and without spaces: "11-ĐA/TU".
	in.Number = strings.ToUpper(strings.Join(strings.Fields(vntext.Clean(in.Number)), ""))
	in.Kind = strings.TrimSpace(in.Kind)
	in.Title = vntext.Clean(in.Title)
	in.Summary = strings.TrimSpace(vntext.NFC(in.Summary))
	var tags []string
	seen := map[string]bool{}
	for _, t := range in.Tags {
		for _, part := range strings.Split(t, ",") {
			part = vntext.Clean(part)
			if part == "" || seen[vntext.Fold(part)] {
				continue
			}
			seen[vntext.Fold(part)] = true
			tags = append(tags, part)
		}
	}
	in.Tags = tags
}

// validate checks a document's fields on day today; messages sit beside
// the fields of the form.
func (in Input) validate(today party.Date) party.FieldErrors {
	f := party.FieldErrors{}
	switch {
	case in.Number == "":
		f.Add("number", "field.required")
	case utf8.RuneCountInString(in.Number) > 40 || !numberRE.MatchString(in.Number):
		f.Add("number", "doc.number_invalid", in.Number)
	}
	if !ValidKind(in.Kind) {
		f.Add("kind", "doc.kind_invalid")
	}
	switch {
	case in.Title == "":
		f.Add("title", "field.required")
	case utf8.RuneCountInString(in.Title) > 500:
		f.Add("title", "doc.title_too_long", 500)
	}
	switch {
	case in.IssuedOn.IsZero():
		f.Add("issued_on", "field.required")
	case in.IssuedOn.After(today):
		f.Add("issued_on", "doc.issued_in_future", in.IssuedOn)
	}
	if len(in.Tags) > 20 {
		f.Add("tags", "doc.too_many_tags", 20)
	}
	for _, t := range in.Tags {
		if utf8.RuneCountInString(t) > 60 {
			f.Add("tags", "doc.tag_too_long", t)
		}
	}
	return f
}

// checkRefs checks the issuer and the replaced document inside the
// transaction.
func checkRefs(ctx context.Context, tx *store.Tx, in Input, self int64) (store.OrgRow, error) {
	o, err := tx.Org(ctx, in.IssuerID)
	if err != nil {
		if party.ErrorCode(err) == party.ENotFound {
			f := party.FieldErrors{}
			f.Add("issuer_id", "doc.issuer_not_found")
			return o, f.Err()
		}
		return o, err
	}
	if !o.Dissolved.IsZero() {
		return o, party.RuleError("org.dissolved", o.Name, o.Dissolved)
	}
	if in.ReplacesID == 0 {
		return o, nil
	}
	if in.ReplacesID == self {
		f := party.FieldErrors{}
		f.Add("replaces_id", "doc.replaces_itself")
		return o, f.Err()
	}
	// Follow the chain back: a document cannot replace one that (through
	// others) replaces it.
	id := in.ReplacesID
	for range 100 {
		old, err := tx.Document(ctx, id)
		if err != nil {
			if party.ErrorCode(err) == party.ENotFound {
				f := party.FieldErrors{}
				f.Add("replaces_id", "doc.replaces_not_found")
				return o, f.Err()
			}
			return o, err
		}
		if old.ReplacesID == 0 {
			return o, nil
		}
		if self != 0 && old.ReplacesID == self {
			f := party.FieldErrors{}
			f.Add("replaces_id", "doc.replaces_cycle")
			return o, f.Err()
		}
		id = old.ReplacesID
	}
	return o, nil
}

// Create records a document, with its first file when up is not nil: all
// of it or nothing (a file of the wrong type or too large stores no
// document either).
func (s *Service) Create(ctx context.Context, actor store.Actor, in Input, up *Upload) (int64, error) {
	in.normalize()
	if err := in.validate(s.today()).Err(); err != nil {
		return 0, err
	}
	var file *checkedFile
	if up != nil {
		cf, err := checkFile(*up)
		if err != nil {
			return 0, err
		}
		file = &cf
	}
	var id int64
	err := s.withFile(file, func(stored *store.DocFile) error {
		return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
			o, err := checkRefs(ctx, tx, in, 0)
			if err != nil {
				return err
			}
			d := store.Document{IssuerID: o.ID, Number: in.Number, Kind: in.Kind, Title: in.Title, IssuedOn: in.IssuedOn,
				Summary: in.Summary, ReplacesID: in.ReplacesID, Tags: in.Tags}
			if id, err = tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			d.ID = id
			if stored != nil {
				if d.FileVersion, err = tx.AddDocumentFile(ctx, id, *stored, file.name, up.Note); err != nil {
					return err
				}
			}
			if err := Index(ctx, tx, id); err != nil {
				return err
			}
			return tx.Audit(ctx, "create", "document", id, o.ID, nil, d)
		})
	})
	return id, err
}

// Update edits a document's fields (not its issuer) with an optimistic
// version check.
func (s *Service) Update(ctx context.Context, actor store.Actor, id int64, in Input) error {
	in.normalize()
	if err := in.validate(s.today()).Err(); err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		before, err := tx.Document(ctx, id)
		if err != nil {
			return err
		}
		in.IssuerID = before.IssuerID
		if _, err := checkRefs(ctx, tx, in, id); err != nil {
			return err
		}
		d := before
		d.Number, d.Kind, d.Title, d.IssuedOn, d.Summary, d.ReplacesID, d.Tags, d.Version =
			in.Number, in.Kind, in.Title, in.IssuedOn, in.Summary, in.ReplacesID, in.Tags, in.Version
		if err := tx.UpdateDocument(ctx, d); err != nil {
			return err
		}
		if err := Index(ctx, tx, id); err != nil {
			return err
		}
		return tx.Audit(ctx, "update", "document", id, d.IssuerID, before, d)
	})
}

// AddFile attaches a new version of a document's file and returns its
// version number.
func (s *Service) AddFile(ctx context.Context, actor store.Actor, id int64, up Upload) (int, error) {
	cf, err := checkFile(up)
	if err != nil {
		return 0, err
	}
	var v int
	err = s.withFile(&cf, func(stored *store.DocFile) error {
		return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
			d, err := tx.Document(ctx, id)
			if err != nil {
				return err
			}
			if v, err = tx.AddDocumentFile(ctx, id, *stored, cf.name, vntext.Clean(up.Note)); err != nil {
				return err
			}
			return tx.Audit(ctx, "add_file", "document", id, d.IssuerID, nil,
				map[string]any{"version": v, "filename": cf.name, "size": cf.size, "sha256": cf.sha, "content_type": cf.contentType})
		})
	})
	return v, err
}

// Detail is a document with everything its page shows.
type Detail struct {
	Document   store.Document
	Replaces   *store.Document
	ReplacedBy []store.Document
	Versions   []store.DocVersion
	Targets    []store.Dissemination
	Reminders  []store.DocReminder
}

// Get loads a document's detail.
func (s *Service) Get(ctx context.Context, id int64) (Detail, error) {
	var d Detail
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Document, err = tx.Document(ctx, id); err != nil {
			return err
		}
		if d.Document.ReplacesID != 0 {
			if old, err := tx.Document(ctx, d.Document.ReplacesID); err == nil {
				d.Replaces = &old
			}
		}
		if d.ReplacedBy, err = tx.ReplacedBy(ctx, id); err != nil {
			return err
		}
		if d.Versions, err = tx.DocumentVersions(ctx, id); err != nil {
			return err
		}
		if d.Targets, err = tx.Disseminations(ctx, id); err != nil {
			return err
		}
		d.Reminders, err = tx.DocReminders(ctx, id)
		return err
	})
	return d, err
}
