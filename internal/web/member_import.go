package web

import (
	"net/http"
	"strconv"

	"chibo/internal/memberio"
	"chibo/internal/members"
	"chibo/internal/party"
	"chibo/internal/store"
)

type importData struct {
	Org    store.OrgRow
	Report *members.ImportReport
	Error  string
	Limit  int
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request, c *Ctx, status int, rep *members.ImportReport, msg string) {
	ctx := r.Context()
	d := importData{Report: rep, Error: msg, Limit: memberio.DefaultMaxBytes >> 20}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		if d.Org, err = tx.Org(ctx, pathID(r, "id")); err != nil {
			return err
		}
		crumbs, err = s.orgCrumbs(r, c, tx, d.Org.Org)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10) + "/members"
	crumbs = append(crumbs, Crumb{Label: c.T("web.import.title")})
	s.render(w, r, status, "member_import", View{Title: c.T("web.import.title"), Nav: "members", Crumbs: crumbs, Data: d})
}

func (s *Server) importShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.importPage(w, r, c, http.StatusOK, nil, "")
}

// importSubmit takes an uploaded list: all rows or none, with a report of
// every problem by row and column.
func (s *Server) importSubmit(w http.ResponseWriter, r *http.Request, c *Ctx) {
	rep, err := s.runImport(r, c)
	if err != nil {
		msg := c.Msg(s.asPartyError(r, err).Msg)
		s.importPage(w, r, c, statusOf(party.ErrorCode(err)), rep, msg)
		return
	}
	s.importPage(w, r, c, http.StatusOK, rep, "")
}

func (s *Server) runImport(r *http.Request, c *Ctx) (*members.ImportReport, error) {
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		if e := s.asPartyError(r, err); e.Code == party.ETooLarge {
			return nil, e
		}
		return nil, party.Invalid("web.import.no_file")
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, party.Invalid("web.import.no_file")
	}
	defer file.Close()
	rep, err := s.members.Import(r.Context(), c.Actor(), pathID(r, "id"), hdr.Filename, file, memberio.Limits{})
	return &rep, err
}

// apiImport is the same import for API clients (multipart, field "file").
func (s *Server) apiImport(w http.ResponseWriter, r *http.Request, c *Ctx) {
	rep, err := s.runImport(r, c)
	if err != nil && rep == nil {
		s.fail(w, r, c, err)
		return
	}
	type problem struct {
		Row     int    `json:"row"`
		Column  string `json:"column,omitempty"`
		Message string `json:"message"`
	}
	conv := func(ps []memberio.Problem) []problem {
		out := []problem{}
		for _, p := range ps {
			out = append(out, problem{Row: p.Row, Column: p.Column, Message: c.Msg(p.Msg)})
		}
		return out
	}
	body := map[string]any{"imported": rep.Imported, "rows": rep.Rows, "encoding": rep.Encoding, "format": rep.Format,
		"errors": conv(rep.Errors), "warnings": conv(rep.Warnings)}
	status := http.StatusCreated
	if err != nil {
		e := s.asPartyError(r, err)
		status = statusOf(e.Code)
		body["error"] = APIErrorBody{Code: string(e.Code), Message: c.Msg(e.Msg)}
	}
	writeJSON(w, status, body)
}

// exportMembers writes the members in the importer's columns (XLSX, or
// CSV with ?format=csv). It shows personal data, so it is logged.
func (s *Server) exportMembers(w http.ResponseWriter, r *http.Request, c *Ctx) {
	format := r.URL.Query().Get("format")
	name := "danh-sach-dang-vien"
	if format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	} else {
		format = "xlsx"
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	}
	s.logPersonalView(r, c, 0, "export "+r.PathValue("id"))
	if err := s.members.Export(r.Context(), pathID(r, "id"), format, w); err != nil {
		s.log.Error("export", "err", err)
	}
}
