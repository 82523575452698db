package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// Score sheets (DOMAIN.md §7: "a 100-point score sheet (versioned,
// editable: items, points, which items are computed from data and which
// are judged)"). An administrator saves a new version; the core checks it
// (items adding up to the total, keys unique, computed items the data can
// decide, at least one item required for Tốt). Earlier versions stay, so
// past evaluations keep the sheet they were made with.

// sheetGroup is the versions of one rule set's sheet, newest first.
type sheetGroup struct {
	RuleSet string
	Name    string // the rule set's name
	Sheets  []store.ScoreSheetRow
	InUse   string // the code of the version evaluations use now
}

func (s *Server) sheetList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	var groups []sheetGroup
	err := s.db.View(ctx, func(tx *store.Tx) error {
		sets, err := tx.RuleSets(ctx)
		if err != nil {
			return err
		}
		names := map[string]string{}
		for _, rs := range sets {
			names[rs.Code] = rs.Name
		}
		rows, err := tx.ScoreSheets(ctx)
		for _, row := range rows {
			n := len(groups)
			if n == 0 || groups[n-1].RuleSet != row.Sheet.RuleSet {
				groups = append(groups, sheetGroup{RuleSet: row.Sheet.RuleSet, Name: names[row.Sheet.RuleSet]})
				n++
			}
			g := &groups[n-1]
			if g.InUse == "" && row.Active {
				g.InUse = row.Sheet.Code
			}
			g.Sheets = append(g.Sheets, row)
		}
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "quality_sheets", View{Title: c.T("web.quality.sheets.title"), Nav: "sheets",
		Crumbs: []Crumb{{Label: c.T("web.quality.sheets.title")}}, Data: groups})
}

// sheetFormData is the form of a new version.
type sheetFormData struct {
	RuleSets []party.RuleSet
	Rows     []int // the item rows of the form
	Groups   []string
	Sum      int
}

// sheetGroups are the groups offered: the five criteria of 12-HD and any
// other a sheet uses.
func sheetGroups(f *Form, rows int) []string {
	out := []string{party.GroupAttendance, party.GroupPreparation, party.GroupConduct, party.GroupPrinciples, party.GroupResults}
	for i := range rows {
		if g := strings.TrimSpace(f.Get(itemField(i, "group"))); g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

func itemField(i int, name string) string { return "i." + strconv.Itoa(i) + "." + name }

// sheetForm fills the form from a sheet, with two empty rows to add items.
func sheetForm(row store.ScoreSheetRow) *Form {
	f := NewForm(url.Values{"rule_set": {row.Sheet.RuleSet}, "name": {row.Name}, "total": {strconv.Itoa(row.Sheet.Total)}})
	for i, it := range row.Sheet.Items {
		f.Values.Set(itemField(i, "key"), it.Key)
		f.Values.Set(itemField(i, "group"), it.Group)
		f.Values.Set(itemField(i, "title"), it.Title)
		f.Values.Set(itemField(i, "points"), strconv.Itoa(it.Points))
		if it.Computed {
			f.Values.Set(itemField(i, "computed"), "1")
		}
		if it.RequiredForTot {
			f.Values.Set(itemField(i, "required"), "1")
		}
	}
	f.Values.Set("n", strconv.Itoa(len(row.Sheet.Items)+2))
	return f
}

func (s *Server) sheetNew(w http.ResponseWriter, r *http.Request, c *Ctx) {
	ctx := r.Context()
	var row store.ScoreSheetRow
	err := s.db.View(ctx, func(tx *store.Tx) error {
		rs := r.URL.Query().Get("rule_set")
		if rs == "" {
			sets, err := tx.RuleSets(ctx)
			if err != nil || len(sets) == 0 {
				return err
			}
			rs = sets[len(sets)-1].Code
		}
		var err error
		row, err = tx.ActiveSheet(ctx, rs)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.renderSheetForm(w, r, c, http.StatusOK, sheetForm(row))
}

func (s *Server) renderSheetForm(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	var d sheetFormData
	err := s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		d.RuleSets, err = tx.RuleSets(ctx)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	n, _ := strconv.Atoi(f.Get("n"))
	n = min(max(n, 1), 100)
	for i := range n {
		d.Rows = append(d.Rows, i)
		p, _ := strconv.Atoi(strings.TrimSpace(f.Get(itemField(i, "points"))))
		d.Sum += p
	}
	d.Groups = sheetGroups(f, n)
	s.render(w, r, status, "quality_sheet_form", View{Title: c.T("web.quality.sheets.new"), Nav: "sheets",
		Crumbs: []Crumb{{Label: c.T("web.quality.sheets.title"), Href: "/admin/score-sheets"}, {Label: c.T("web.quality.sheets.new")}}, Form: f, Data: d})
}

// sheetFromForm reads the form: rows left empty are skipped; rows[i] is
// the form row of the sheet's item i, to put the core's messages beside
// the right fields.
func sheetFromForm(f *Form) (party.ScoreSheet, []int, error) {
	fe := party.FieldErrors{}
	sheet := party.ScoreSheet{RuleSet: f.Get("rule_set")}
	sheet.Code = quality.SheetCode(sheet.RuleSet)
	total, err := strconv.Atoi(strings.TrimSpace(f.Get("total")))
	if err != nil {
		fe.Add("total", "web.quality.sheets.not_number", f.Get("total"))
	}
	sheet.Total = total
	n, _ := strconv.Atoi(f.Get("n"))
	var rows []int
	for i := range min(max(n, 0), 100) {
		key, title, pts := strings.TrimSpace(f.Get(itemField(i, "key"))), strings.TrimSpace(f.Get(itemField(i, "title"))), strings.TrimSpace(f.Get(itemField(i, "points")))
		if key == "" && title == "" && pts == "" {
			continue
		}
		p, err := strconv.Atoi(pts)
		if err != nil {
			fe.Add(itemField(i, "points"), "web.quality.sheets.not_number", pts)
		}
		sheet.Items = append(sheet.Items, party.ScoreItem{Key: key, Group: strings.TrimSpace(f.Get(itemField(i, "group"))), Title: title, Points: p,
			Computed: f.Get(itemField(i, "computed")) != "", RequiredForTot: f.Get(itemField(i, "required")) != ""})
		rows = append(rows, i)
	}
	return sheet, rows, fe.Err()
}

// sheetCreate saves a new version; "add" gives the form one more row.
func (s *Server) sheetCreate(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	if f.Get("op") == "add" {
		n, _ := strconv.Atoi(f.Get("n"))
		f.Values.Set("n", strconv.Itoa(min(n+1, 100)))
		s.renderSheetForm(w, r, c, http.StatusOK, f)
		return
	}
	sheet, rows, err := sheetFromForm(f)
	if err == nil {
		_, err = s.quality.SaveSheet(r.Context(), c.Actor(), sheet, f.Get("name"))
	}
	if err != nil {
		f.SetError(c, err)
		for k, v := range f.Errors {
			// items.<i>.<field> of the sheet → i.<row>.<field> of the form.
			parts := strings.SplitN(k, ".", 3)
			if len(parts) == 3 && parts[0] == "items" {
				if i, e := strconv.Atoi(parts[1]); e == nil && i < len(rows) {
					delete(f.Errors, k)
					f.Errors[itemField(rows[i], parts[2])] = v
				}
			}
		}
		s.renderSheetForm(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.quality.sheets.saved")
	redirect(w, r, "/admin/score-sheets")
}
