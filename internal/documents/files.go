package documents

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// MaxFileBytes is the largest file accepted (20 MB): a scanned document
// of some forty pages.
const MaxFileBytes = 20 << 20

// Upload is a file sent with a document: its name as sent, its bytes and
// a note on what changed (for a new version).
type Upload struct {
	Name string
	Data []byte
	Note string
}

// File types accepted, told by content (never by the name).
const (
	TypePDF  = "application/pdf"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
)

var extOf = map[string]string{TypePDF: ".pdf", TypeDOCX: ".docx", TypePNG: ".png", TypeJPEG: ".jpg"}

// Sniff tells what a file is by its first bytes (and, for a zip, by its
// entries): the content type of an accepted file, or "" and the catalog
// key naming what it is instead.
func Sniff(data []byte) (contentType string, what string) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return TypePDF, ""
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG, ""
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return TypeJPEG, ""
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return "", "doc.file_is.broken_zip"
		}
		names := map[string]bool{}
		for _, f := range zr.File {
			names[f.Name] = true
		}
		switch {
		case names["word/document.xml"]:
			return TypeDOCX, ""
		case names["xl/workbook.xml"]:
			return "", "doc.file_is.xlsx"
		case names["ppt/presentation.xml"]:
			return "", "doc.file_is.pptx"
		}
		return "", "doc.file_is.zip"
	case bytes.HasPrefix(data, []byte("MZ")), bytes.HasPrefix(data, []byte("\x7fELF")):
		return "", "doc.file_is.program"
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "", "doc.file_is.old_office"
	}
	return "", "doc.file_is.unknown"
}

// checkedFile is an upload that passed the checks.
type checkedFile struct {
	name        string // the name shown and offered on download
	data        []byte
	size        int64
	sha         string
	contentType string
}

// checkFile refuses empty, oversized and unknown files with a message that
// says what the file is and what is accepted. The name keeps what the
// user called it, with the extension of what it really is (a PNG named
// .docx is kept as an image: .png).
func checkFile(up Upload) (checkedFile, error) {
	name := cleanName(up.Name)
	field := func(code party.Code, key string, args ...any) error {
		m := party.M(key, args...)
		return &party.Error{Code: code, Msg: m, Fields: map[string]party.Msg{"file": m}}
	}
	if len(up.Data) == 0 {
		return checkedFile{}, field(party.EInvalid, "doc.file_empty", name)
	}
	if len(up.Data) > MaxFileBytes {
		return checkedFile{}, field(party.ETooLarge, "doc.file_too_large", name, float64(len(up.Data))/(1<<20), MaxFileBytes>>20)
	}
	ct, what := Sniff(up.Data)
	if ct == "" {
		return checkedFile{}, field(party.EInvalid, "doc.file_type", name, party.M(what))
	}
	ext := extOf[ct]
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" {
		base = "van-ban"
	}
	sum := sha256.Sum256(up.Data)
	return checkedFile{name: base + ext, data: up.Data, size: int64(len(up.Data)), sha: hex.EncodeToString(sum[:]), contentType: ct}, nil
}

// cleanName keeps the last part of a file name, without control
// characters, in NFC, at most 150 characters.
func cleanName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' {
			return -1
		}
		return r
	}, vntext.Clean(name))
	if r := []rune(name); len(r) > 150 {
		name = string(r[len(r)-150:])
	}
	return name
}

// withFile stores a checked file where the service keeps files and runs fn
// with its record; a file written to the folder for a transaction that
// then fails is removed again (unless another document already held the
// same content), so that nothing is half stored.
func (s *Service) withFile(f *checkedFile, fn func(*store.DocFile) error) error {
	if f == nil {
		return fn(nil)
	}
	rec := store.DocFile{Size: f.size, SHA256: f.sha, ContentType: f.contentType}
	if s.Dir == "" {
		rec.Data = f.data
		return fn(&rec)
	}
	rel := filepath.Join(f.sha[:2], f.sha)
	full := filepath.Join(s.Dir, rel)
	created := false
	if _, err := os.Stat(full); errors.Is(err, fs.ErrNotExist) {
		if err := writeAtomic(full, f.data); err != nil {
			return err
		}
		created = true
	} else if err != nil {
		return err
	}
	rec.Path = filepath.ToSlash(rel)
	err := fn(&rec)
	if err != nil && created && !s.fileInUse(rec.Path) {
		_ = os.Remove(full)
	}
	return err
}

// fileInUse reports whether a stored record names the file at path (one
// written meanwhile by another upload of the same content).
func (s *Service) fileInUse(path string) bool {
	used := true
	_ = s.DB.View(context.Background(), func(tx *store.Tx) error {
		var err error
		used, err = tx.DocFileInUse(context.Background(), path)
		return err
	})
	return used
}

// writeAtomic writes data to path through a temporary file and a rename,
// so that a reader never sees half a file.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// File is one version of a document's file, ready to send.
type File struct {
	Name        string
	ContentType string
	Version     int
	SHA256      string
	Data        []byte
}

// OpenFile reads a version of a document's file (0: the current one),
// from the database or the files folder.
func (s *Service) OpenFile(ctx context.Context, docID int64, version int) (File, error) {
	var v store.DocVersion
	var f store.DocFile
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		v, f, err = tx.DocumentFile(ctx, docID, version)
		return err
	})
	if err != nil {
		return File{}, err
	}
	out := File{Name: v.Filename, ContentType: f.ContentType, Version: v.Version, SHA256: f.SHA256, Data: f.Data}
	if f.Path != "" {
		if s.Dir == "" {
			return out, party.NotFound("doc.file_not_found")
		}
		b, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(f.Path)))
		if errors.Is(err, fs.ErrNotExist) {
			return out, party.NotFound("doc.file_not_found")
		}
		if err != nil {
			return out, err
		}
		out.Data = b
	}
	return out, nil
}
