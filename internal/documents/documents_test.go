package documents_test

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "boarda"}

func service(db *store.DB) *documents.Service {
	return &documents.Service{DB: db, Now: testfix.Now}
}

// zipWith builds a zip holding the named entries (a DOCX is a zip with
// word/document.xml).
func zipWith(t testing.TB, names ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	pdfBytes  = []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF")
	pngBytes  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	jpegBytes = []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF")
	exeBytes  = []byte("MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode")
)

func input(issuer int64, number string) documents.Input {
	return documents.Input{IssuerID: issuer, Number: number, Kind: "nghi_quyet", Title: "Nghị quyết về công tác xây dựng Đảng",
		IssuedOn: party.D(2026, 6, 1), Tags: []string{"xây dựng Đảng, chuyển đổi số"}}
}

func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	err := db.View(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Files are told by content, never by their name: a PDF, a DOCX (a zip
// holding word/document.xml), PNG and JPEG images pass; a program renamed
// .pdf, a spreadsheet, an old .doc, an empty or oversized file are refused
// with a message saying what the file is, and nothing is stored. A PNG
// named .docx passes only as an image.
func TestFileTypeIsToldByContent(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	cases := []struct {
		name     string
		file     string
		data     []byte
		code     party.Code // "" when accepted
		wantType string
		wantName string
		says     string // part of the Vietnamese message
	}{
		{"a PDF", "nghi-quyet.pdf", pdfBytes, "", documents.TypePDF, "nghi-quyet.pdf", ""},
		{"a DOCX", "ke-hoach.docx", zipWith(t, "[Content_Types].xml", "word/document.xml"), "", documents.TypeDOCX, "ke-hoach.docx", ""},
		{"a photo", "trang-1.jpeg", jpegBytes, "", documents.TypeJPEG, "trang-1.jpg", ""},
		{"a PNG named .docx passes as an image", "bieu-do.docx", pngBytes, "", documents.TypePNG, "bieu-do.png", ""},
		{"a program renamed .pdf", "nghi-quyet.pdf", exeBytes, party.EInvalid, "", "", "chương trình máy tính"},
		{"a spreadsheet", "danh-sach.docx", zipWith(t, "xl/workbook.xml"), party.EInvalid, "", "", "bảng tính Excel"},
		{"an old Word file", "cu.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), party.EInvalid, "", "", "DOCX hoặc PDF"},
		{"an empty file", "rong.pdf", []byte{}, party.EInvalid, "", "", "rỗng"},
		{"a file over 20 MB", "to.pdf", append([]byte("%PDF-"), make([]byte, documents.MaxFileBytes)...), party.ETooLarge, "", "", "quá giới hạn 20 MB"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docsBefore, filesBefore := count(t, db, "documents"), count(t, db, "document_files")
			in := input(fix.WardA, "0"+string(rune('1'+i))+"-NQ/ĐU")
			id, err := s.Create(context.Background(), actor, in, &documents.Upload{Name: c.file, Data: c.data})
			if c.code != "" {
				e, ok := party.AsError(err)
				if !ok || e.Code != c.code {
					t.Fatalf("error %v, want code %s", err, c.code)
				}
				if msg := testMsg(e.Fields["file"]); !strings.Contains(msg, c.says) || !strings.Contains(msg, c.file) {
					t.Errorf("message %q does not say %q about %s", msg, c.says, c.file)
				}
				if count(t, db, "documents") != docsBefore || count(t, db, "document_files") != filesBefore {
					t.Error("something was stored")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f, err := s.OpenFile(context.Background(), id, 0)
			if err != nil {
				t.Fatal(err)
			}
			if f.ContentType != c.wantType || f.Name != c.wantName || !bytes.Equal(f.Data, c.data) || f.Version != 1 {
				t.Errorf("stored %s %q v%d (%d bytes), want %s %q", f.ContentType, f.Name, f.Version, len(f.Data), c.wantType, c.wantName)
			}
		})
	}
}

// "A document number already used by the same issuer and year" is refused
// with a clear message beside the number, status conflict, and neither
// the document nor its file is stored.
func TestDuplicateNumberStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()
		if _, err := s.Create(ctx, actor, input(fix.WardA, "11-ĐA/ĐU"), &documents.Upload{Name: "a.pdf", Data: pdfBytes}); err != nil {
			t.Fatal(err)
		}
		files := count(t, db, "document_files")
		_, err := s.Create(ctx, actor, input(fix.WardA, "11 - đa/đu"), &documents.Upload{Name: "b.pdf", Data: pdfBytes})
		e, ok := party.AsError(err)
		if !ok || e.Code != party.EConflict {
			t.Fatalf("error %v, want a conflict", err)
		}
		if msg := testMsg(e.Fields["number"]); !strings.Contains(msg, "11-ĐA/ĐU") || !strings.Contains(msg, "2026") {
			t.Errorf("message %q", msg)
		}
		if count(t, db, "documents") != 1 || count(t, db, "document_files") != files {
			t.Error("the refused document left rows behind")
		}
	})
}

// The fields of a document: messages beside each wrong field.
func TestDocumentValidation(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	cases := []struct {
		name  string
		edit  func(*documents.Input)
		field string
	}{
		{"number missing", func(in *documents.Input) { in.Number = " " }, "number"},
		{"number without digits first", func(in *documents.Input) { in.Number = "ĐA/TU" }, "number"},
		{"unknown kind", func(in *documents.Input) { in.Kind = "thu_tay" }, "kind"},
		{"subject missing", func(in *documents.Input) { in.Title = "" }, "title"},
		{"issued in the future", func(in *documents.Input) { in.IssuedOn = testfix.Today.AddDays(1) }, "issued_on"},
		{"replaces a document that does not exist", func(in *documents.Input) { in.ReplacesID = 999999 }, "replaces_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := input(fix.WardA, "20-NQ/ĐU")
			c.edit(&in)
			_, err := s.Create(context.Background(), actor, in, nil)
			e, ok := party.AsError(err)
			if !ok || e.Code != party.EInvalid {
				t.Fatalf("error %v, want invalid", err)
			}
			if _, ok := e.Fields[c.field]; !ok {
				t.Errorf("no message beside %s: %v", c.field, e.Fields)
			}
		})
	}
}

// A new document replaces an older one; the older one knows it is
// replaced; an edit may not make the chain go round.
func TestReplacesAndReplacedBy(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	ctx := context.Background()
	old, err := s.Create(ctx, actor, input(fix.WardA, "01-QĐ/ĐU"), nil)
	if err != nil {
		t.Fatal(err)
	}
	in := input(fix.WardA, "02-QĐ/ĐU")
	in.ReplacesID = old
	next, err := s.Create(ctx, actor, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	det, err := s.Get(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(det.ReplacedBy) != 1 || det.ReplacedBy[0].ID != next {
		t.Errorf("replaced by %v", det.ReplacedBy)
	}
	cycle := input(fix.WardA, "01-QĐ/ĐU")
	cycle.ReplacesID, cycle.Version = next, det.Document.Version
	err = s.Update(ctx, actor, old, cycle)
	if e, ok := party.AsError(err); !ok || e.Fields["replaces_id"].Key != "doc.replaces_cycle" {
		t.Errorf("cycle: %v", err)
	}
}

// Acknowledging: only a member the document was sent to; a second
// acknowledgement keeps the first day; an office-only dissemination
// reaches only the holders of the office.
func TestAcknowledgeOnlyWhenSent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()
		toWardA, err := s.Create(ctx, actor, input(fix.WardA, "05-KH/ĐU"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, toWardA, documents.SendInput{}); err != nil {
			t.Fatal(err)
		}
		anh, hoa := fix.Members["Lê Văn Ánh"], fix.Members["Mai Thị Hoa"]
		at, err := s.Acknowledge(ctx, actor, toWardA, anh)
		if err != nil {
			t.Fatal(err)
		}
		later := &documents.Service{DB: db, Now: func() time.Time { return testfix.Now().Add(48 * time.Hour) }}
		again, err := later.Acknowledge(ctx, actor, toWardA, anh)
		if err != nil || !again.Equal(at) {
			t.Errorf("second acknowledgement: %v at %v, want the first %v", err, again, at)
		}
		_, err = s.Acknowledge(ctx, actor, toWardA, hoa)
		if e, ok := party.AsError(err); !ok || e.Code != party.ERule || !strings.Contains(testMsg(e.Msg), "Mai Thị Hoa") {
			t.Errorf("a member of ward B acknowledged a document sent to ward A: %v", err)
		}
		_, err = s.Acknowledge(ctx, actor, toWardA, 0)
		if party.ErrorCode(err) != party.ERule {
			t.Errorf("an account without a member's record: %v", err)
		}

		// Sent to the secretaries of the district only.
		forSecretaries, err := s.Create(ctx, store.Actor{Username: "board"}, input(fix.District, "07-HD/QU"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, forSecretaries, documents.SendInput{Roles: []string{"bi_thu"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Acknowledge(ctx, actor, forSecretaries, anh); party.ErrorCode(err) != party.ERule {
			t.Errorf("a member without office acknowledged a document for secretaries: %v", err)
		}
		if _, err := s.Acknowledge(ctx, actor, forSecretaries, fix.Members["Nguyễn Văn An"]); err != nil {
			t.Errorf("the secretary of A1: %v", err)
		}
		// Every change is in the audit log.
		var n int
		_ = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'document' AND action IN ('create', 'send', 'acknowledge')`).Scan(&n)
		})
		if n != 2+2+2 {
			t.Errorf("%d audit entries for 2 documents created, sent and acknowledged once each", n)
		}
	})
}

// Sending is to the issuer's own subtree: a ward cannot send to another
// ward; an unknown office is refused beside the field.
func TestSendStaysUnderTheIssuer(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	ctx := context.Background()
	id, err := s.Create(ctx, actor, input(fix.WardA, "09-TB/ĐU"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Send(ctx, actor, id, documents.SendInput{OrgIDs: []int64{fix.CellB1}}); party.ErrorCode(err) != party.ERule {
		t.Errorf("sent outside the issuer: %v", err)
	}
	if _, err := s.Send(ctx, actor, id, documents.SendInput{Roles: []string{"thu_ky"}}); party.ErrorCode(err) != party.EInvalid {
		t.Errorf("unknown office: %v", err)
	}
	n, err := s.Send(ctx, actor, id, documents.SendInput{OrgIDs: []int64{fix.CellA1, fix.CellA2}})
	if err != nil || n != 2 {
		t.Fatalf("sent %d, %v", n, err)
	}
	if n, err := s.Send(ctx, actor, id, documents.SendInput{OrgIDs: []int64{fix.CellA1}}); err != nil || n != 0 {
		t.Errorf("sending again recorded %d targets, %v", n, err)
	}
}
