package searchq

import "strings"

// FTS5 renders q as an SQLite FTS5 MATCH expression over folded text:
// every word inside double quotes (an FTS5 string, so no word is ever read
// as an operator or a column name), phrases as "a b", prefixes as "a"*,
// required terms joined by AND and excluded ones after NOT:
//
//	dang "sinh hoat" -nghi  →  ("dang" AND "sinh hoat") NOT "nghi"
//
// FTS5 cannot match "everything except", so a query without a required
// term (Parse refuses those) renders as "".
func (q Query) FTS5() string {
	var pos, neg []string
	for _, t := range q.Terms {
		if len(t.Words) == 0 {
			continue
		}
		var b strings.Builder
		b.WriteByte('"')
		for i, w := range t.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		}
		b.WriteByte('"')
		if t.Prefix {
			b.WriteByte('*')
		}
		if t.Not {
			neg = append(neg, b.String())
		} else {
			pos = append(pos, b.String())
		}
	}
	if len(pos) == 0 {
		return ""
	}
	// NOT is binary in FTS5; parentheses make the grouping plain whatever
	// the precedence: (all required) NOT (any excluded).
	if len(neg) == 0 {
		return strings.Join(pos, " AND ")
	}
	return group(pos, " AND ") + " NOT " + group(neg, " OR ")
}

func group(terms []string, op string) string {
	if len(terms) == 1 {
		return terms[0]
	}
	return "(" + strings.Join(terms, op) + ")"
}

// TSQuery renders q for PostgreSQL's to_tsquery('simple', $1) over folded
// text: every word a quoted lexeme ('dang', quotes and backslashes
// escaped), phrases with <->, prefixes with :*, exclusions with !, terms
// joined by &:
//
//	dang "sinh hoat" -nghi  →  'dang' & ('sinh' <-> 'hoat') & !'nghi'
//
// Pass it as a bound parameter, never spliced into SQL.
func (q Query) TSQuery() string {
	var parts []string
	for _, t := range q.Terms {
		if len(t.Words) == 0 {
			continue
		}
		var b strings.Builder
		if t.Not {
			b.WriteByte('!')
		}
		if len(t.Words) > 1 {
			b.WriteByte('(')
		}
		for i, w := range t.Words {
			if i > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('\'')
			b.WriteString(tsEscaper.Replace(w))
			b.WriteByte('\'')
			if t.Prefix && i == len(t.Words)-1 {
				b.WriteString(":*")
			}
		}
		if len(t.Words) > 1 {
			b.WriteByte(')')
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " & ")
}

// tsEscaper escapes a lexeme inside single quotes in tsquery input.
var tsEscaper = strings.NewReplacer(`'`, `''`, `\`, `\\`)
