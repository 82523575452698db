package memberio

import (
	"regexp"
	"strings"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// table is a worksheet or a CSV file as rows of text cells.
type table struct {
	rows [][]string // cells; blank rows left out
	nums []int      // each row's number as the user sees it
	// numeric tells an XLSX cell stored as a number rather than text (a
	// card number that lost its leading zeros); nil for CSV.
	numeric  func(i, c int) bool
	date1904 bool // XLSX dates count from 1904 (old Mac workbooks)
}

func (t *table) cell(i, c int) string {
	if c < 0 || c >= len(t.rows[i]) {
		return ""
	}
	return t.rows[i][c]
}

func (t *table) isNumeric(i, c int) bool {
	return t.numeric != nil && t.numeric(i, c)
}

// headingSearchRows: the heading row is among the first 10 non-blank rows;
// lists often have a title, the committee's name and a date above it.
const headingSearchRows = 10

// maxColumns bounds the columns read: no list has more, and a hostile file
// with a million commas in a line must not make a million warnings.
const maxColumns = 256

// layout is where the headings are and what each column holds.
type layout struct {
	first, last int       // table indexes of the heading rows (one or two)
	cols        []headCol // by column
	score       int       // distinct kinds recognised
}

type headCol struct {
	kind    kind
	heading string // as written, cleaned
}

func (l layout) has(k kind) bool {
	for _, c := range l.cols {
		if c.kind == k {
			return true
		}
	}
	return false
}

// named: a heading row must name the member, in one column or two.
func (l layout) named() bool {
	return l.has(kName) || l.has(kNameBirth) || (l.has(kFamily) && l.has(kGiven))
}

func (l *layout) count() {
	var seen [numKinds]bool
	for _, c := range l.cols {
		if c.kind != kNone && !seen[c.kind] {
			seen[c.kind] = true
			l.score++
		}
	}
}

// findHeading finds the heading row among the first rows: the row, or the
// pair of rows (a merged group heading such as "Năm sinh" above "Nam" and
// "Nữ"), that names a member and recognises the most columns. On a tie one
// row wins over two, and the earlier over the later.
func findHeading(rows [][]string) (layout, bool) {
	var best layout
	found := false
	consider := func(l layout) {
		if l.named() && l.score >= 2 && (!found || l.score > best.score) {
			best, found = l, true
		}
	}
	n := min(len(rows), headingSearchRows)
	for i := range n {
		consider(singleLayout(rows[i], i))
	}
	for i := 0; i < n && i+1 < len(rows); i++ {
		consider(pairLayout(rows[i], rows[i+1], i))
	}
	return best, found
}

func singleLayout(row []string, i int) layout {
	l := layout{first: i, last: i, cols: make([]headCol, len(row))}
	for c, s := range row {
		l.cols[c] = headCol{matchHeading(s), vntext.Clean(s)}
	}
	l.count()
	return l
}

// pairLayout reads two heading rows. A group heading is merged across the
// columns below it, so it holds text only in its first column: it carries
// to the right over empty cells.
func pairLayout(top, bottom []string, i int) layout {
	width := max(len(top), len(bottom))
	l := layout{first: i, last: i + 1, cols: make([]headCol, width)}
	group := ""
	for c := range width {
		t, b := "", ""
		if c < len(top) {
			t = vntext.Clean(top[c])
		}
		if c < len(bottom) {
			b = vntext.Clean(bottom[c])
		}
		if t != "" {
			group = t
		}
		switch {
		case b == "":
			l.cols[c] = headCol{matchHeading(t), t} // one heading over both rows
		case group != "" && matchHeading(group+" "+b) != kNone:
			l.cols[c] = headCol{matchHeading(group + " " + b), group + " " + b}
		case matchHeading(b) != kNone:
			l.cols[c] = headCol{matchHeading(b), b}
		case strings.HasPrefix(headingKey(group), "ngay") && matchHeading("Ngày "+b) != kNone:
			// "Ngày" above "vào Đảng" and "chính thức"
			l.cols[c] = headCol{matchHeading("Ngày " + b), group + " " + b}
		default:
			l.cols[c] = headCol{kNone, b}
		}
	}
	l.count()
	return l
}

// columnMap says which column holds each kind (-1: none).
type columnMap [numKinds]int

// assign picks the column for each kind: when two columns fill the same
// slot the preferred kind wins, then the column further left, and the other
// is reported. Unknown and unused columns are reported once.
func assign(l layout, headingRow int) (columnMap, []Column, []Problem) {
	var m columnMap
	for k := range m {
		m[k] = -1
	}
	var warns []Problem
	claimed := map[string]int{} // slot → column
	for k := kind(1); k < numKinds; k++ {
		for c, h := range l.cols {
			if h.kind != k || k == kUnused {
				continue
			}
			if other, taken := firstClaim(claimed, kinds[k].slots); taken {
				warns = append(warns, Problem{Row: headingRow, Column: h.heading,
					Msg: party.M("import.column_duplicate", h.heading, l.cols[other].heading)})
				continue
			}
			for _, s := range kinds[k].slots {
				claimed[s] = c
			}
			m[k] = c
		}
	}
	var cols []Column
	for c, h := range l.cols {
		switch {
		case h.kind == kNone && h.heading != "":
			warns = append(warns, Problem{Row: headingRow, Column: h.heading,
				Msg: party.M("import.column_unknown", h.heading)})
		case h.kind == kUnused:
			warns = append(warns, Problem{Row: headingRow, Column: h.heading,
				Msg: party.M("import.column_unused", h.heading)})
		case h.kind != kNone && m[h.kind] == c && len(kinds[h.kind].fields) > 0:
			cols = append(cols, Column{Heading: h.heading, Fields: kinds[h.kind].fields})
		}
	}
	return m, cols, warns
}

func firstClaim(claimed map[string]int, slots []string) (int, bool) {
	for _, s := range slots {
		if c, ok := claimed[s]; ok {
			return c, true
		}
	}
	return 0, false
}

// numbering matches the cells of the row of column numbers that printed
// registers put under the headings: 1 2 3 … or (1) (2) (3) … or A B C.
var numbering = regexp.MustCompile(`^\(?(\d{1,2}|[A-Za-z])\)?$`)

func isNumberingRow(row []string) bool {
	n := 0
	for _, s := range row {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !numbering.MatchString(s) {
			return false
		}
		n++
	}
	return n >= 2
}
