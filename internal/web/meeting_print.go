package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// minutesPDF and minutesDOCX print a meeting's minutes in the layout of
// Hướng dẫn 36-HD/VPTW (PRINT.md).
func (s *Server) minutesPDF(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.printMinutes(w, r, c, "pdf")
}

func (s *Server) minutesDOCX(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.printMinutes(w, r, c, "docx")
}

var contentTypes = map[string]string{
	"pdf":  "application/pdf",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

func (s *Server) printMinutes(w http.ResponseWriter, r *http.Request, c *Ctx, format string) {
	ctx := r.Context()
	id := pathID(r, "id")
	var m store.Meeting
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		m, err = tx.Meeting(ctx, id, false)
		return err
	})
	var b bytes.Buffer
	if err == nil {
		err = s.meetings.PrintMinutes(ctx, id, format, &b)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	name := "bien-ban-"
	if m.Kind != party.ThuongKy {
		name += strings.ReplaceAll(string(m.Kind), "_", "-") + "-"
	}
	sendFile(w, contentTypes[format], name+m.Date.ISO()+"."+format, b.Bytes())
}

// minuteBookPDF prints a cell's minute book for ?year= (sổ biên bản).
func (s *Server) minuteBookPDF(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	year := yearParam(r, s.orgs.Today())
	var o store.OrgRow
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		o, err = tx.Org(ctx, pathID(r, "id"))
		return err
	})
	var b bytes.Buffer
	if err == nil {
		err = s.meetings.PrintMinuteBook(ctx, o.ID, year, &b)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	sendFile(w, contentTypes["pdf"], "so-bien-ban-"+asciiName(vntext.Fold(o.Code))+"-"+strconv.Itoa(year)+".pdf", b.Bytes())
}

// sendFile answers a download with an ASCII file name, which every
// browser and mail program keeps as it is.
func sendFile(w http.ResponseWriter, contentType, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

// asciiName keeps the letters, digits and dashes of a code.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == '_' || r == '.' || r == ' ':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "chi-bo"
	}
	return b.String()
}
