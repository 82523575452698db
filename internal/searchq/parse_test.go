package searchq

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"chibo/internal/party"
)

// A secretary types into the search box; both engines get a safe query
// over folded text, and the same query in Go (Matches) agrees with them.
var parseCases = []struct {
	name  string
	in    string
	terms []Term
	fts5  string
	tsq   string
}{
	{
		name:  "diacritics and đ fold away: Đảng finds dang",
		in:    "Đảng",
		terms: []Term{{Words: []string{"dang"}}},
		fts5:  `"dang"`,
		tsq:   `'dang'`,
	},
	{
		name:  "upper case folds",
		in:    "ĐẢNG ỦY",
		terms: []Term{{Words: []string{"dang"}}, {Words: []string{"uy"}}},
		fts5:  `"dang" AND "uy"`,
		tsq:   `'dang' & 'uy'`,
	},
	{
		name:  "words without marks stay as typed",
		in:    "sinh hoat chi bo",
		terms: []Term{{Words: []string{"sinh"}}, {Words: []string{"hoat"}}, {Words: []string{"chi"}}, {Words: []string{"bo"}}},
		fts5:  `"sinh" AND "hoat" AND "chi" AND "bo"`,
		tsq:   `'sinh' & 'hoat' & 'chi' & 'bo'`,
	},
	{
		name:  "decomposed (NFD) input folds like composed",
		in:    "\u0110a\u0309ng vie\u0302n",
		terms: []Term{{Words: []string{"dang"}}, {Words: []string{"vien"}}},
		fts5:  `"dang" AND "vien"`,
		tsq:   `'dang' & 'vien'`,
	},
	{
		name:  "quoted phrase",
		in:    `"sinh hoạt chi bộ"`,
		terms: []Term{{Words: []string{"sinh", "hoat", "chi", "bo"}, Phrase: true}},
		fts5:  `"sinh hoat chi bo"`,
		tsq:   `('sinh' <-> 'hoat' <-> 'chi' <-> 'bo')`,
	},
	{
		name:  "curly quotes from a phone make a phrase",
		in:    "“sinh hoạt” «chi bộ»",
		terms: []Term{{Words: []string{"sinh", "hoat"}, Phrase: true}, {Words: []string{"chi", "bo"}, Phrase: true}},
		fts5:  `"sinh hoat" AND "chi bo"`,
		tsq:   `('sinh' <-> 'hoat') & ('chi' <-> 'bo')`,
	},
	{
		name:  "prefix word",
		in:    "đảng*",
		terms: []Term{{Words: []string{"dang"}, Prefix: true}},
		fts5:  `"dang"*`,
		tsq:   `'dang':*`,
	},
	{
		name:  "prefix phrase, star after the closing quote",
		in:    `"nghị quyết"*`,
		terms: []Term{{Words: []string{"nghi", "quyet"}, Phrase: true, Prefix: true}},
		fts5:  `"nghi quyet"*`,
		tsq:   `('nghi' <-> 'quyet':*)`,
	},
	{
		name:  "prefix phrase, star inside the quotes",
		in:    `"chi b*"`,
		terms: []Term{{Words: []string{"chi", "b"}, Phrase: true, Prefix: true}},
		fts5:  `"chi b"*`,
		tsq:   `('chi' <-> 'b':*)`,
	},
	{
		name:  "excluded word",
		in:    "kiểm điểm -vắng",
		terms: []Term{{Words: []string{"kiem"}}, {Words: []string{"diem"}}, {Words: []string{"vang"}, Not: true}},
		fts5:  `("kiem" AND "diem") NOT "vang"`,
		tsq:   `'kiem' & 'diem' & !'vang'`,
	},
	{
		name: "excluded phrase and word",
		in:   `phê bình -"tự phê bình" -nhắc`,
		terms: []Term{{Words: []string{"phe"}}, {Words: []string{"binh"}},
			{Words: []string{"tu", "phe", "binh"}, Phrase: true, Not: true}, {Words: []string{"nhac"}, Not: true}},
		fts5: `("phe" AND "binh") NOT ("tu phe binh" OR "nhac")`,
		tsq:  `'phe' & 'binh' & !('tu' <-> 'phe' <-> 'binh') & !'nhac'`,
	},
	{
		name:  "a lone dash excludes nothing",
		in:    "- biểu quyết",
		terms: []Term{{Words: []string{"bieu"}}, {Words: []string{"quyet"}}},
		fts5:  `"bieu" AND "quyet"`,
		tsq:   `'bieu' & 'quyet'`,
	},
	{
		name:  "hyphenated code is a phrase",
		in:    "36-HD/VPTW",
		terms: []Term{{Words: []string{"36", "hd", "vptw"}, Phrase: true}},
		fts5:  `"36 hd vptw"`,
		tsq:   `('36' <-> 'hd' <-> 'vptw')`,
	},
	{
		name:  "number with thousands dot is a phrase",
		in:    "1.250 đồng",
		terms: []Term{{Words: []string{"1", "250"}, Phrase: true}, {Words: []string{"dong"}}},
		fts5:  `"1 250" AND "dong"`,
		tsq:   `('1' <-> '250') & 'dong'`,
	},
	{
		name:  "unbalanced quote is plain words",
		in:    `"sinh hoạt`,
		terms: []Term{{Words: []string{"sinh"}}, {Words: []string{"hoat"}}},
		fts5:  `"sinh" AND "hoat"`,
		tsq:   `'sinh' & 'hoat'`,
	},
	{
		name:  "FTS5 NEAR is plain words",
		in:    "NEAR(a b)",
		terms: []Term{{Words: []string{"near"}}, {Words: []string{"a"}}, {Words: []string{"b"}}},
		fts5:  `"near" AND "a" AND "b"`,
		tsq:   `'near' & 'a' & 'b'`,
	},
	{
		name:  "OR and AND are plain words",
		in:    "a OR b AND c",
		terms: []Term{{Words: []string{"a"}}, {Words: []string{"or"}}, {Words: []string{"b"}}, {Words: []string{"and"}}, {Words: []string{"c"}}},
		fts5:  `"a" AND "or" AND "b" AND "and" AND "c"`,
		tsq:   `'a' & 'or' & 'b' & 'and' & 'c'`,
	},
	{
		name:  "column filter is a phrase, not a column",
		in:    "col:x",
		terms: []Term{{Words: []string{"col", "x"}, Phrase: true}},
		fts5:  `"col x"`,
		tsq:   `('col' <-> 'x')`,
	},
	{
		name:  "caret and parentheses are separators",
		in:    "^a (b) {c}",
		terms: []Term{{Words: []string{"a"}}, {Words: []string{"b"}}, {Words: []string{"c"}}},
		fts5:  `"a" AND "b" AND "c"`,
		tsq:   `'a' & 'b' & 'c'`,
	},
	{
		name:  "tsquery operators are separators",
		in:    "a & !b | c <-> d:* e",
		terms: []Term{{Words: []string{"a"}}, {Words: []string{"b"}}, {Words: []string{"c"}}, {Words: []string{"d"}, Prefix: false}, {Words: []string{"e"}}},
		fts5:  `"a" AND "b" AND "c" AND "d" AND "e"`,
		tsq:   `'a' & 'b' & 'c' & 'd' & 'e'`,
	},
	{
		name:  "SQL injection is plain words",
		in:    `'; DROP TABLE minutes; --`,
		terms: []Term{{Words: []string{"drop"}}, {Words: []string{"table"}}, {Words: []string{"minutes"}}},
		fts5:  `"drop" AND "table" AND "minutes"`,
		tsq:   `'drop' & 'table' & 'minutes'`,
	},
	{
		name:  "apostrophe joins a name",
		in:    `O'Brien`,
		terms: []Term{{Words: []string{"o", "brien"}, Phrase: true}},
		fts5:  `"o brien"`,
		tsq:   `('o' <-> 'brien')`,
	},
	{
		name:  "backslash is a separator",
		in:    `a\b`,
		terms: []Term{{Words: []string{"a"}}, {Words: []string{"b"}}},
		fts5:  `"a" AND "b"`,
		tsq:   `'a' & 'b'`,
	},
	{
		name:  "emoji is ignored",
		in:    "🎉 đại hội",
		terms: []Term{{Words: []string{"dai"}}, {Words: []string{"hoi"}}},
		fts5:  `"dai" AND "hoi"`,
		tsq:   `'dai' & 'hoi'`,
	},
	{
		name:  "star in the middle ends a prefix word",
		in:    "đả*ng",
		terms: []Term{{Words: []string{"da"}, Prefix: true}, {Words: []string{"ng"}}},
		fts5:  `"da"* AND "ng"`,
		tsq:   `'da':* & 'ng'`,
	},
	{
		name:  "exactly 200 characters is accepted",
		in:    strings.Repeat("ab ", 66) + "ab",
		terms: repeatTerm("ab", 67),
		fts5:  strings.TrimSuffix(strings.Repeat(`"ab" AND `, 67), " AND "),
		tsq:   strings.TrimSuffix(strings.Repeat(`'ab' & `, 67), " & "),
	},
}

func repeatTerm(w string, n int) []Term {
	ts := make([]Term, n)
	for i := range ts {
		ts[i] = Term{Words: []string{w}}
	}
	return ts
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			q, err := Parse(c.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.in, err)
			}
			if !reflect.DeepEqual(q.Terms, c.terms) {
				t.Errorf("Parse(%q).Terms =\n %+v\nwant\n %+v", c.in, q.Terms, c.terms)
			}
			if got := q.FTS5(); got != c.fts5 {
				t.Errorf("FTS5() = %s, want %s", got, c.fts5)
			}
			if got := q.TSQuery(); got != c.tsq {
				t.Errorf("TSQuery() = %s, want %s", got, c.tsq)
			}
			checkFTS5Syntax(t, q.FTS5())
			checkTSQuerySyntax(t, q.TSQuery())
		})
	}
}

// The search box refuses what it cannot search, with a message key.
func TestParseRefuses(t *testing.T) {
	cases := []struct {
		name, in, key string
	}{
		{"empty query", "", "search.empty"},
		{"only spaces", " \t\n ", "search.empty"},
		{"a lone quote", `"`, "search.no_words"},
		{"a lone star", "*", "search.no_words"},
		{"a lone parenthesis", "(", "search.no_words"},
		{"a lone apostrophe", "'", "search.no_words"},
		{"a lone backslash", `\`, "search.no_words"},
		{"empty quotes", `""`, "search.no_words"},
		{"only emoji", "🎉🎉", "search.no_words"},
		{"only an excluded word", "-vắng", "search.only_excluded"},
		{"only excluded words and a phrase", `--vắng -"có lý do"`, "search.only_excluded"},
		{"201 characters", strings.Repeat("a", 201), "search.too_long"},
		{"201 Vietnamese characters", strings.Repeat("đ", 201), "search.too_long"},
		{"10,000 characters", strings.Repeat("đảng ", 2000), "search.too_long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.in)
			var pe *party.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a party.Error", c.in, err)
			}
			if pe.Code != party.EInvalid || pe.Msg.Key != c.key {
				t.Errorf("Parse(%q) = %s %s, want %s %s", c.in, pe.Code, pe.Msg.Key, party.EInvalid, c.key)
			}
		})
	}
}

// A 10,000-character query is refused before any work is done on it.
func TestParseRefusesLongQueryQuickly(t *testing.T) {
	long := strings.Repeat("Đảng ủy ", 1250)
	allocs := testing.AllocsPerRun(100, func() { _, _ = Parse(long) })
	if allocs > 3 {
		t.Errorf("Parse of a 10,000-character query allocates %.0f times; it should refuse at once", allocs)
	}
}

func TestMatches(t *testing.T) {
	text := "Đồng chí Nguyễn Văn Đảng phát biểu về công tác phát triển đảng viên mới; " +
		"chi bộ thống nhất kết nạp 2 quần chúng ưu tú. Kinh phí 1.250.000 đồng."
	cases := []struct {
		q    string
		want bool
	}{
		{"đảng viên", true},
		{"dang vien", true},
		{"DANG VIEN", true},
		{`"đảng viên mới"`, true},
		{`"mới đảng viên"`, false},
		{`phát triển -"kỷ luật"`, true},
		{"phát triển -kỷ", true},
		{"phát triển -kết nạp", false},
		{`phát -"kết nạp"`, false},
		{`phát -"nạp kết"`, true},
		{"kết*", true},
		{"ket", true},
		{"ke", false}, // whole words only
		{"ke*", true},
		{`"quần chúng ư*"`, true},
		{`"quần chúng a*"`, false},
		{"1.250.000", true},
		{"1.250", true},
		{"250.000", true},
		{"1.350", false},
		{"nguyễn văn đảng", true},
		{"trần", false},
	}
	for _, c := range cases {
		q, err := Parse(c.q)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.q, err)
		}
		if got := q.Matches(text); got != c.want {
			t.Errorf("%q matches %v, want %v", c.q, got, c.want)
		}
		if got := q.Matches(IndexText(text)); got != c.want {
			t.Errorf("%q matches the index text %v, want %v", c.q, got, c.want)
		}
	}
}

func TestMatchesNeedsARequiredTerm(t *testing.T) {
	q := Query{Terms: []Term{{Words: []string{"vang"}, Not: true}}}
	if q.Matches("co mat day du") {
		t.Error("a query of exclusions only matched; it should match nothing")
	}
	if q.FTS5() != "" {
		t.Errorf("FTS5() of exclusions only = %q, want empty", q.FTS5())
	}
}

func TestIndexText(t *testing.T) {
	got := IndexText("Chi bộ Đảng ủy  phường 1.250 đồng; COVID-19")
	want := "chi bo dang uy phuong 1 250 dong covid 19"
	if got != want {
		t.Errorf("IndexText = %q, want %q", got, want)
	}
}

// checkFTS5Syntax checks that outside double-quoted strings the expression
// holds only the operators FTS5() writes: AND, OR, NOT, parentheses and a
// prefix star right after a string; inside, every quote is doubled.
func checkFTS5Syntax(t *testing.T, s string) {
	t.Helper()
	inQuote := false
	var outside strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inQuote {
			if c == '"' {
				if i+1 < len(s) && s[i+1] == '"' {
					i++
					continue
				}
				inQuote = false
				outside.WriteString(" Q ")
			}
			continue
		}
		if c == '"' {
			inQuote = true
			continue
		}
		outside.WriteByte(c)
	}
	if inQuote {
		t.Fatalf("FTS5 %s: unbalanced quotes", s)
	}
	rest := strings.NewReplacer("(", " ", ")", " ", "*", " ").Replace(outside.String())
	for _, tok := range strings.Fields(rest) {
		switch tok {
		case "Q", "AND", "OR", "NOT":
		default:
			t.Fatalf("FTS5 %s: %q outside quotes", s, tok)
		}
	}
	if strings.Contains(outside.String(), "(") != strings.Contains(outside.String(), ")") {
		t.Fatalf("FTS5 %s: unbalanced parentheses", s)
	}
}

// checkTSQuerySyntax checks that outside single-quoted lexemes the string
// holds only & ! ( ) <-> and :* right after a lexeme; inside, quotes are
// doubled and backslashes escaped.
func checkTSQuerySyntax(t *testing.T, s string) {
	t.Helper()
	inQuote := false
	var outside strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inQuote {
			switch {
			case c == '\\':
				i++ // escaped character
			case c == '\'' && i+1 < len(s) && s[i+1] == '\'':
				i++
			case c == '\'':
				inQuote = false
				outside.WriteString(" Q")
				if strings.HasPrefix(s[i+1:], ":*") {
					i += 2
				}
				outside.WriteByte(' ')
			}
			continue
		}
		if c == '\'' {
			inQuote = true
			continue
		}
		outside.WriteByte(c)
	}
	if inQuote {
		t.Fatalf("tsquery %s: unbalanced quotes", s)
	}
	rest := strings.NewReplacer("(", " ", ")", " ", "!", " ").Replace(outside.String())
	for _, tok := range strings.Fields(rest) {
		switch tok {
		case "Q", "&", "<->":
		default:
			t.Fatalf("tsquery %s: %q outside quotes", s, tok)
		}
	}
}
