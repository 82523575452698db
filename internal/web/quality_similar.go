package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
	"chibo/internal/textsim"
	"chibo/internal/vntext"
)

// Formalism (issue 4): minutes nearly the same as the cell's previous ones,
// or as another cell's of the same period, are listed for the following
// committee member with their similarity, shown side by side with the
// differences highlighted, and confirmed as copies or dismissed.

// pairRow is a flagged pair in the list.
type pairRow struct {
	store.SimilarPairRow
	Mine, Other  int64  // the meeting in the reader's scope, and the other one
	CanOpen      bool   // the reader may see both minutes
	NameA, NameB string // a cell outside the reader's scope is not named
}

type similarData struct {
	Org       store.OrgRow
	From, To  party.Date
	Status    string
	Pairs     []pairRow
	More      bool
	Threshold float64
	Periods   []party.Period // what "Quét lại" may scan
	Scan      *quality.ScanResult
	Admin     bool
}

// similarLimit is how many pairs one page lists.
const similarLimit = 200

// scanPeriods are the periods "Quét lại" offers: the last six months and
// the last two quarters (thematic meetings are compared per quarter).
func scanPeriods(today party.Date) []party.Period {
	var out []party.Period
	for p, i := party.MonthOf(today), 0; i < 6; p, i = p.Prev(), i+1 {
		out = append(out, p)
	}
	for p, i := party.QuarterOf(today), 0; i < 2; p, i = p.Prev(), i+1 {
		out = append(out, p)
	}
	return out
}

// dateRange reads ?from= and ?to= (dd/mm/yyyy) into f, with defaults; a
// wrong date is reported beside its field and the default used.
func dateRange(c *Ctx, f *Form, from, to party.Date) (party.Date, party.Date) {
	def0, def1 := from, to
	fe := party.FieldErrors{}
	for _, x := range []struct {
		name string
		d    *party.Date
	}{{"from", &from}, {"to", &to}} {
		v := strings.TrimSpace(f.Get(x.name))
		if v == "" {
			f.Values.Set(x.name, x.d.VN())
			continue
		}
		d, err := party.ParseVN(v)
		if e, ok := party.AsError(err); ok {
			fe[x.name] = e.Msg
			continue
		}
		*x.d = d
	}
	if to.Before(from) {
		fe.Add("to", "range.until_before_from")
	}
	if err := fe.Err(); err != nil {
		f.SetError(c, err)
		return def0, def1
	}
	return from, to
}

func (s *Server) similarList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderSimilar(w, r, c, http.StatusOK, pathID(r, "id"), NewForm(r.URL.Query()), nil)
}

// badRange is the status of a page whose dates were wrong: it still shows
// the default range, with the message beside the field.
func badRange(f *Form, status int) int {
	if f.Err("from") != "" || f.Err("to") != "" {
		return http.StatusBadRequest
	}
	return status
}

// renderSimilar shows the flagged pairs under org; tf is the threshold
// form after an error.
func (s *Server) renderSimilar(w http.ResponseWriter, r *http.Request, c *Ctx, status int, org int64, f *Form, tf *Form) {
	ctx := r.Context()
	today := s.orgs.Today()
	d := similarData{Status: f.Get("status"), Periods: scanPeriods(today), Admin: auth.Can(c.P, auth.Administer, auth.Target{})}
	d.From, d.To = dateRange(c, f, party.MonthOf(today.AddMonths(-3)).First(), today)
	if p, err := party.ParsePeriod(f.Get("scanned")); err == nil {
		d.Scan = &quality.ScanResult{Period: p, Minutes: int(atoi64(f.Get("minutes"))), Peers: int(atoi64(f.Get("peers"))), Previous: int(atoi64(f.Get("previous")))}
	}
	var crumbs []Crumb
	err := s.db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		d.Org = o
		d.Threshold = quality.Threshold(ctx, tx)
		if crumbs, err = s.orgCrumbs(r, c, tx, o.Org); err != nil {
			return err
		}
		rows, err := tx.SimilarPairsIn(ctx, o.Path, d.From, d.To, similarLimit+1, 0)
		if err != nil {
			return err
		}
		if len(rows) > similarLimit {
			rows, d.More = rows[:similarLimit], true
		}
		lo, hi := store.SubtreeRange(o.Path)
		for _, p := range rows {
			if d.Status != "" && p.Status != d.Status {
				continue
			}
			pr := pairRow{SimilarPairRow: p, Mine: p.A, Other: p.B, NameA: p.NameA, NameB: p.NameB}
			if !(p.PathA >= lo && p.PathA < hi) {
				pr.Mine, pr.Other = p.B, p.A
			}
			seeA := auth.Can(c.P, auth.ViewMeetings, auth.Target{OrgPath: p.PathA})
			seeB := auth.Can(c.P, auth.ViewMeetings, auth.Target{OrgPath: p.PathB})
			pr.CanOpen = seeA && seeB
			if !seeA {
				pr.NameA = c.T("web.quality.similar.outside")
			}
			if !seeB {
				pr.NameB = c.T("web.quality.similar.outside")
			}
			d.Pairs = append(d.Pairs, pr)
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if tf == nil {
		tf = NewForm(url.Values{"threshold": {strconv.Itoa(int(d.Threshold*100 + 0.5))}})
	}
	crumbs[len(crumbs)-1].Href = "/orgs/" + strconv.FormatInt(d.Org.ID, 10)
	crumbs = append(crumbs, Crumb{Label: c.T("web.quality.similar.title")})
	s.render(w, r, badRange(f, status), "quality_similar", View{Title: c.T("web.quality.similar.title"), Nav: "orgs", Crumbs: crumbs, Form: f,
		Data: map[string]any{"D": d, "TF": tf}})
}

// similarScan runs a formalism pass over one period now (the background
// job runs it after each month and quarter closes) and shows what it found.
func (s *Server) similarScan(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	org := r.PathValue("id")
	p, err := party.ParsePeriod(r.PostForm.Get("period"))
	if err != nil {
		f := NewForm(url.Values{})
		f.SetError(c, fieldErr("period", err))
		s.renderSimilar(w, r, c, http.StatusBadRequest, pathID(r, "id"), f, nil)
		return
	}
	res, err := s.quality.Scan(r.Context(), c.Actor(), p)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	q := url.Values{"from": {p.First().VN()}, "to": {p.Last().VN()}, "scanned": {p.String()},
		"minutes": {strconv.Itoa(res.Minutes)}, "peers": {strconv.Itoa(res.Peers)}, "previous": {strconv.Itoa(res.Previous)}}
	redirect(w, r, "/orgs/"+org+"/similar?"+q.Encode())
}

// thresholdSave changes the similarity from which minutes are flagged
// (administrators); the form gives it in percent.
func (s *Server) thresholdSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	tf := NewForm(r.PostForm)
	org := atoi64(tf.Get("org"))
	raw := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(tf.Get("threshold")), "%"))
	pct, err := strconv.ParseFloat(strings.Replace(raw, ",", ".", 1), 64)
	if err == nil {
		err = s.quality.SetThreshold(r.Context(), c.Actor(), pct/100)
	} else {
		fe := party.FieldErrors{}
		fe.Add("threshold", "web.quality.threshold_not_number", raw)
		err = fe.Err()
	}
	if err != nil {
		tf.SetError(c, err)
		if _, ok := tf.Errors["threshold"]; ok && raw != "" && pct != 0 {
			tf.Errors["threshold"] = c.T("web.quality.threshold_range")
		}
		s.renderSimilar(w, r, c, statusOf(party.ErrorCode(err)), org, NewForm(url.Values{}), tf)
		return
	}
	s.flash(w, "web.quality.threshold_saved")
	redirect(w, r, "/orgs/"+strconv.FormatInt(org, 10)+"/similar")
}

// piece is a stretch of one side of a diff: Mark when it is only on that
// side; Tail is the spacing after it, outside the highlight.
type piece struct {
	Text string
	Mark bool
	Tail string
}

// change is one place where the two minutes differ, and how many times
// the same change occurs (a copied report repeats its changes).
type change struct {
	A, B  string
	Count int
}

type pairData struct {
	P        quality.Pair
	Left     []piece // the first minutes, words only there marked
	Right    []piece // the second minutes, words only there marked
	Changes  []change
	NChanges int
	Same     int // words the two minutes share, in order
	Words    int // words of the longer minutes
}

// maxChanges is how many distinct differences the summary lists.
const maxChanges = 12

// diffSides lays out the word diff of textsim.Diff for the two columns:
// pieces of the same kind run together, so that a changed phrase is one
// highlight, highlights cover whole words ("9.200.000", not "9.200."),
// and html/template escapes every word.
func diffSides(d *pairData) {
	ops := d.P.Diff
	for _, op := range ops {
		switch op.Kind {
		case textsim.Equal:
			d.Left = addPiece(d.Left, op.A, false)
			d.Right = addPiece(d.Right, op.B, false)
		case textsim.Delete:
			d.Left = addPiece(d.Left, op.A, true)
		default: // textsim.Insert
			d.Right = addPiece(d.Right, op.B, true)
		}
	}
	d.Left, d.Right = widen(d.Left), widen(d.Right)

	wordsA, wordsB := 0, 0
	seen := map[[2]string]int{}
	for i := 0; i < len(ops); {
		if ops[i].Kind == textsim.Equal {
			n := len(strings.Fields(ops[i].A))
			d.Same += n
			wordsA, wordsB = wordsA+n, wordsB+len(strings.Fields(ops[i].B))
			i++
			continue
		}
		j := i
		var a, b string
		for ; j < len(ops) && ops[j].Kind != textsim.Equal; j++ {
			a += ops[j].A
			b += ops[j].B
		}
		wordsA, wordsB = wordsA+len(strings.Fields(a)), wordsB+len(strings.Fields(b))
		// The rest of the words cut by the diff, from the equal text around.
		if i > 0 {
			a, b = wordEnd(ops[i-1].A)+a, wordEnd(ops[i-1].B)+b
		}
		if j < len(ops) {
			a, b = wordOn(a, ops[j].A), wordOn(b, ops[j].B)
		}
		key := [2]string{strings.TrimSpace(a), strings.TrimSpace(b)}
		d.NChanges++
		if k, ok := seen[key]; ok {
			d.Changes[k].Count++
		} else if len(d.Changes) < maxChanges {
			seen[key] = len(d.Changes)
			d.Changes = append(d.Changes, change{A: key[0], B: key[1], Count: 1})
		}
		i = j
	}
	d.Words = max(wordsA, wordsB)
}

// addPiece appends text to a side, running it into the last piece when
// both are marked the same.
func addPiece(side []piece, text string, mark bool) []piece {
	body := strings.TrimRightFunc(text, unicode.IsSpace)
	tail := text[len(body):]
	n := len(side)
	switch {
	case body == "" && n > 0:
		side[n-1].Tail += tail
		return side
	case n > 0 && side[n-1].Mark == mark:
		side[n-1].Text += side[n-1].Tail + body
		side[n-1].Tail = tail
		return side
	}
	return append(side, piece{Text: body, Mark: mark, Tail: tail})
}

// widen grows each highlight to the whole words it cuts: the diff splits
// "10.400.000" at its dots, a reader sees one number.
func widen(side []piece) []piece {
	for i := range side {
		if !side[i].Mark {
			continue
		}
		if side[i].Tail == "" && i+1 < len(side) && !side[i+1].Mark {
			next := &side[i+1]
			k := strings.IndexFunc(next.Text, unicode.IsSpace)
			if k < 0 {
				side[i].Text += next.Text
				side[i].Tail, next.Text, next.Tail = next.Tail, "", ""
			} else {
				side[i].Text += next.Text[:k]
				next.Text = next.Text[k:]
			}
		}
		if i > 0 && !side[i-1].Mark && side[i-1].Tail == "" {
			prev := &side[i-1]
			k := strings.LastIndexFunc(prev.Text, unicode.IsSpace) + 1
			side[i].Text = prev.Text[k:] + side[i].Text
			prev.Text = prev.Text[:k]
		}
	}
	return side
}

// wordEnd is the end of the last word of s when s does not end between
// words ("được 9." → "9.").
func wordEnd(s string) string {
	if s == "" || strings.TrimRightFunc(s, unicode.IsSpace) != s {
		return ""
	}
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}

// wordOn completes the last word of a change from the equal text after it
// ("10.400." and "000 đồng" → "10.400.000").
func wordOn(change, next string) string {
	if change == "" || strings.TrimRightFunc(change, unicode.IsSpace) != change {
		return change
	}
	if k := strings.IndexFunc(next, unicode.IsSpace); k >= 0 {
		return change + next[:k]
	}
	return change + next
}

// loadPairFor checks that the reader may see the other meeting of a pair
// (the guard checked the first) and loads the pair.
func (s *Server) loadPairFor(r *http.Request, c *Ctx) (quality.Pair, error) {
	a, b := pathID(r, "id"), pathID(r, "mid")
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		m, err := tx.Meeting(r.Context(), b, false)
		if err != nil {
			return err
		}
		o, err := tx.Org(r.Context(), m.OrgID)
		if err != nil {
			return err
		}
		return auth.Authorize(c.P, auth.ViewMeetings, auth.Target{OrgPath: o.Path})
	})
	if err != nil {
		return quality.Pair{}, err
	}
	return s.quality.LoadPair(r.Context(), a, b)
}

func (s *Server) pairShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderPair(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderPair(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	p, err := s.loadPairFor(r, c)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	d := pairData{P: p}
	diffSides(&d)
	if f == nil {
		f = NewForm(url.Values{"note": {p.Row.Note}})
	}
	var crumbs []Crumb
	_ = s.db.View(r.Context(), func(tx *store.Tx) error {
		o, err := tx.Org(r.Context(), p.A.OrgID)
		if err != nil {
			return err
		}
		crumbs, err = s.orgCrumbs(r, c, tx, o.Org)
		return err
	})
	if len(crumbs) > 1 {
		// The committee above the cells lists the pairs.
		parent := crumbs[len(crumbs)-2]
		crumbs = append(crumbs[:len(crumbs)-1], Crumb{Label: c.T("web.quality.similar.title"), Href: parent.Href + "/similar"})
	}
	crumbs = append(crumbs, Crumb{Label: c.T("web.quality.pair.title")})
	s.render(w, r, status, "quality_pair", View{Title: c.T("web.quality.pair.title"), Nav: "orgs", Crumbs: crumbs, Form: f, Data: d})
}

// pairReview records the verdict: a copy (confirmed) or not (dismissed),
// with a note.
func (s *Server) pairReview(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	if _, err := s.loadPairFor(r, c); err != nil {
		s.fail(w, r, c, err)
		return
	}
	err := s.quality.Review(r.Context(), c.Actor(), pathID(r, "id"), pathID(r, "mid"), f.Get("status"), cleanNote(f.Get("note")))
	if err != nil {
		f.SetError(c, err)
		s.renderPair(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.quality.pair.reviewed")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/similar/"+r.PathValue("mid"))
}

// cleanNote normalizes a note typed in a form.
func cleanNote(s string) string { return strings.TrimSpace(vntext.NFC(s)) }
