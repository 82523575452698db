package memberio

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"chibo/internal/party"
)

// separators a CSV file may use: Excel writes a comma, or a semicolon where
// the decimal separator is a comma (Vietnamese settings); "Unicode text"
// uses tabs.
var separators = []rune{',', ';', '\t'}

func parseCSV(data []byte, filename string, opt Options) (Result, error) {
	text, _ := decodeText(data)
	text, hinted := separatorHint(text)
	seps := separators
	if hinted != 0 {
		seps = []rune{hinted}
	}
	sep := seps[0]
	if len(seps) > 1 {
		sep = chooseSeparator(text, seps)
	}
	// The file may hold the heading rows and MaxRows members; a few blank or
	// footer rows are allowed beyond, not a million.
	t, more, err := readCSV(text, sep, opt.maxRows()+headingSearchRows+10)
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		return Result{}, party.Invalid("import.csv_broken", filename, pe.StartLine)
	case err != nil:
		return Result{}, err
	case more:
		return Result{}, party.Errorf(party.ETooLarge, "import.too_many_rows", filename, opt.maxRows())
	case len(t.rows) == 0:
		return Result{}, party.Invalid("import.empty", filename)
	}
	res := Result{Format: "csv"}
	if err := parseTable(t, filename, opt, &res); err != nil {
		if isNoHeading(err) {
			return Result{}, noHeading(filename)
		}
		return Result{}, err
	}
	return res, nil
}

// separatorHint reads Excel's "sep=;" first line, which names the
// separator (Excel hides that line, so rows are numbered without it).
func separatorHint(text string) (string, rune) {
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if len(first) == 5 && strings.EqualFold(first[:4], "sep=") {
		return rest, rune(first[4])
	}
	return text, 0
}

// chooseSeparator tries each separator on the first rows and keeps the one
// whose heading row recognises the most columns. Headings hold commas
// ("Ngày, tháng, năm sinh"), so counting separators would mislead.
func chooseSeparator(text string, seps []rune) rune {
	best, bestScore, bestCells := seps[0], -1, -1
	for _, sep := range seps {
		t, _, err := readCSV(text, sep, headingSearchRows+1)
		if err != nil || len(t.rows) == 0 {
			continue
		}
		_, _ = decodeCells(t) // for scoring only; Parse reports bad text later
		score, cells := -1, 0
		if head, ok := findHeading(t.rows); ok {
			score = head.score
			for _, c := range head.cols {
				if c.heading != "" {
					cells++
				}
			}
		}
		if score > bestScore || (score == bestScore && cells > bestCells) {
			best, bestScore, bestCells = sep, score, cells
		}
	}
	return best
}

// readCSV reads up to limit non-blank records. Each keeps the row number
// Excel shows for it: Excel shows blank lines as rows, and a quoted cell
// spanning lines as one row. more reports records beyond the limit.
func readCSV(text string, sep rune, limit int) (t *table, more bool, err error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	t = &table{}
	row, prevEnd := 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return t, false, nil
		}
		if err != nil {
			return t, false, err
		}
		line, _ := r.FieldPos(0)
		row += line - prevEnd
		prevEnd = line
		for _, f := range rec {
			prevEnd += strings.Count(f, "\n")
		}
		if blankRecord(rec) {
			continue
		}
		if len(t.rows) == limit {
			return t, true, nil
		}
		if len(rec) > maxColumns {
			rec = rec[:maxColumns]
		}
		for c, f := range rec {
			rec[c] = unescapeFormula(f)
		}
		t.rows = append(t.rows, rec)
		t.nums = append(t.nums, row)
	}
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// unescapeFormula undoes what WriteCSV does to a cell that Excel would
// read as a formula: the apostrophe in front of = + - @ (and in front of
// an apostrophe, so that text starting with one survives).
func unescapeFormula(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (s[1] == '\'' || strings.ContainsRune(formulaStart, rune(s[1]))) {
		return s[1:]
	}
	return s
}

// formulaStart are the characters that make Excel read a CSV cell as a
// formula (CSV injection).
const formulaStart = "=+-@"
