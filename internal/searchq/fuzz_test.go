package searchq

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"chibo/internal/party"
)

var parseSeeds = []string{
	"Đảng", "sinh hoat", `"sinh hoạt chi bộ"`, "đảng*", "-vắng kiểm điểm", `"`, `""`, "NEAR(a b)", "a OR b",
	"col:x", "*", "^a", "(", "'", `\`, `'; DROP TABLE t; --`, "🎉", "\u0110a\u0309ng", `-"a b"*`, `"a b`, "a\"b\"c",
	"--", "- -a", "a-b-c*", "1.250,5", "x:*", "a & !b | c", "\x00\xff", strings.Repeat("đ", 200),
}

func FuzzParse(f *testing.F) {
	for _, s := range parseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var pe *party.Error
			if !errors.As(err, &pe) || pe.Code != party.EInvalid || !strings.HasPrefix(pe.Msg.Key, "search.") {
				t.Fatalf("Parse(%q): error %v, want party.Invalid with a search. key", s, err)
			}
			return
		}
		if !q.hasPositive() {
			t.Fatalf("Parse(%q): no required term", s)
		}
		for _, term := range q.Terms {
			if len(term.Words) == 0 || term.Phrase != (len(term.Words) > 1) {
				t.Fatalf("Parse(%q): term %+v", s, term)
			}
			for _, w := range term.Words {
				if w == "" || !utf8.ValidString(w) || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
					t.Fatalf("Parse(%q): word %q is not letters and digits", s, w)
				}
			}
		}
		fts := q.FTS5()
		if strings.Count(fts, `"`)%2 != 0 || fts == "" {
			t.Fatalf("Parse(%q).FTS5() = %s", s, fts)
		}
		checkFTS5Syntax(t, fts)
		checkTSQuerySyntax(t, q.TSQuery())
		// The words of the query, written out, match it unless an
		// excluded term is among them.
		var text []string
		for _, term := range q.Terms {
			if !term.Not {
				text = append(text, strings.Join(term.Words, " "))
			}
		}
		if !hasNot(q) && !q.Matches(strings.Join(text, " . ")) {
			t.Fatalf("Parse(%q): the query's own words %q do not match it", s, text)
		}
	})
}

func hasNot(q Query) bool {
	for _, t := range q.Terms {
		if t.Not {
			return true
		}
	}
	return false
}

func FuzzHighlight(f *testing.F) {
	f.Add(minutesText, "kết nạp", 60)
	f.Add("Chi bộ đề nghị Đảng ủy phường xem xét.", "dang uy", 0)
	f.Add("\u0110a\u0309ng u\u0309y", "đảng*", 3)
	f.Add("a\u0301\u0301\u0301 b", "a", 1)
	f.Add("\xff\xfeĐ đ", "d", 2)
	f.Add("1.250.000 đồng", `"250 000"`, 5)
	f.Fuzz(func(t *testing.T, text, query string, maxRunes int) {
		q, err := Parse(query)
		if err != nil {
			return
		}
		maxRunes %= 1000
		checkSnippet(t, text, q, maxRunes, Highlight(text, q, maxRunes))
	})
}
