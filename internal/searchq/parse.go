// Package searchq is the language of the search box: plain words (all must
// occur), "quoted phrases", prefix words (đảng*) and excluded words (-word).
// Queries are folded with vntext.Fold, so "dang" finds "Đảng" and
// "sinh hoat" finds "sinh hoạt"; the searchable text is folded the same way
// (see IndexText). A parsed query renders as a safe SQLite FTS5 MATCH
// expression and as a safe PostgreSQL to_tsquery('simple', …) string:
// whatever the user types, no operator of either engine reaches the engine
// except those this package writes.
//
// Everything here is pure: no I/O, no database.
package searchq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// MaxRunes is the longest query accepted, in characters (after NFC and
// collapsing spaces).
const MaxRunes = 200

// maxBytes refuses long input before any work is done on it: 200 characters
// of decomposed Vietnamese with spaces never come near it.
const maxBytes = 8 * MaxRunes

// Term is one condition of a query: a word, or a phrase of words that must
// follow each other. Words are folded (lower case, no diacritics, đ→d).
type Term struct {
	Words  []string
	Phrase bool // more than one word, in this order, next to each other
	Prefix bool // the last word matches the start of a word ("đảng*")
	Not    bool // the text must not hold this term ("-word")
}

// Query is a list of terms that must all hold.
type Query struct {
	Terms []Term
}

// Parse reads what a user typed in the search box. Words are ANDed; text
// in double quotes is a phrase (curly quotes “ ” work too); a word ending
// in * is a prefix; a word or phrase starting with - is excluded. Words
// joined by - . / : , ' or _ ("COVID-19", "1.250", "12-HD/VPTW") form a
// phrase. Anything else the user types (NEAR, AND, OR, parentheses, ^,
// column:, an unbalanced quote) is read as plain words or as separators,
// never as an operator.
//
// It returns party.Invalid with key search.empty, search.too_long (with
// MaxRunes), search.no_words (nothing but symbols) or search.only_excluded
// (every term is excluded: nothing to look for).
func Parse(s string) (Query, error) {
	if len(s) > maxBytes {
		return Query{}, party.Invalid("search.too_long", MaxRunes)
	}
	s = vntext.Clean(s)
	if s == "" {
		return Query{}, party.Invalid("search.empty")
	}
	if utf8.RuneCountInString(s) > MaxRunes {
		return Query{}, party.Invalid("search.too_long", MaxRunes)
	}
	q := Query{Terms: scan([]rune(smartQuotes.Replace(vntext.Fold(s))))}
	if len(q.Terms) == 0 {
		return Query{}, party.Invalid("search.no_words")
	}
	if !q.hasPositive() {
		return Query{}, party.Invalid("search.only_excluded")
	}
	return q, nil
}

// smartQuotes turns the quotation marks phones and word processors type
// (“sinh hoạt”) into the plain double quote of a phrase.
var smartQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`)

// isWordRune says which folded runes make words: letters and digits, as in
// vntext.FoldWords (and as SQLite's unicode61 and PostgreSQL's parser see
// the folded text).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isJoiner reports the marks that join two words into one written unit:
// "COVID-19", "1.250", "94,7", "05/06/2026", "12-HD/VPTW", "10:30".
func isJoiner(r rune) bool {
	switch r {
	case '-', '.', ',', '/', ':', '\'', '’', '_', '‐', '‑':
		return true
	}
	return false
}

// scan splits folded, cleaned input into terms.
func scan(r []rune) []Term {
	var terms []Term
	i := 0
	for i < len(r) {
		if unicode.IsSpace(r[i]) {
			i++
			continue
		}
		// A token starts here. Leading dashes exclude what follows.
		start := i
		not := false
		for i < len(r) && r[i] == '-' {
			not = true
			i++
		}
		if i < len(r) && r[i] == '"' {
			if end := indexRune(r, i+1, '"'); end >= 0 {
				t := quoted(r[i+1 : end])
				i = end + 1
				for i < len(r) && r[i] == '*' {
					t.Prefix = true
					i++
				}
				if len(t.Words) > 0 {
					t.Not = not
					terms = append(terms, t)
				}
				continue
			}
			// An unbalanced quote is a separator: no quote follows it,
			// so the rest is read as plain words.
			i++
		}
		end := i
		for end < len(r) && !unicode.IsSpace(r[end]) && r[end] != '"' {
			end++
		}
		for _, t := range bare(r[i:end]) {
			t.Not = not
			terms = append(terms, t)
		}
		i = max(end, start+1)
	}
	return terms
}

func indexRune(r []rune, from int, c rune) int {
	for j := from; j < len(r); j++ {
		if r[j] == c {
			return j
		}
	}
	return -1
}

// quoted reads the inside of a quoted phrase: every word in order, whatever
// separates them; a * right after the last word makes it a prefix.
func quoted(r []rune) Term {
	var t Term
	var w []rune
	flush := func() {
		if len(w) > 0 {
			t.Words = append(t.Words, string(w))
			w = w[:0]
		}
	}
	prefix := false
	for j, c := range r {
		if isWordRune(c) {
			w = append(w, c)
			prefix = false
			continue
		}
		if c == '*' && j > 0 && isWordRune(r[j-1]) {
			prefix = true
		}
		flush()
	}
	flush()
	t.Prefix = prefix
	t.Phrase = len(t.Words) > 1
	return t
}

// bare reads an unquoted token: groups of words held together by joiners,
// each group a word or a phrase; a * right after a group makes it a prefix.
func bare(r []rune) []Term {
	var terms []Term
	var cur Term
	var w []rune
	flushGroup := func() {
		if len(w) > 0 {
			cur.Words = append(cur.Words, string(w))
			w = w[:0]
		}
		if len(cur.Words) > 0 {
			cur.Phrase = len(cur.Words) > 1
			terms = append(terms, cur)
		}
		cur = Term{}
	}
	for j, c := range r {
		if isWordRune(c) {
			w = append(w, c)
			continue
		}
		afterWord := j > 0 && isWordRune(r[j-1])
		if afterWord && isJoiner(c) && j+1 < len(r) && isWordRune(r[j+1]) {
			cur.Words = append(cur.Words, string(w))
			w = w[:0]
			continue
		}
		if afterWord && c == '*' {
			cur.Prefix = true
		}
		flushGroup()
	}
	flushGroup()
	return terms
}

func (q Query) hasPositive() bool {
	for _, t := range q.Terms {
		if !t.Not {
			return true
		}
	}
	return false
}

// IndexText is the form in which searchable text is stored for both
// engines: folded words separated by single spaces. Indexing exactly this
// makes SQLite's and PostgreSQL's tokenizers see the words Parse sees
// ("1.250" is two words in both, not a number in one of them).
func IndexText(s string) string {
	return strings.Join(vntext.FoldWords(s), " ")
}
