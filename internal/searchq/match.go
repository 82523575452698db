package searchq

import (
	"strings"

	"chibo/internal/vntext"
)

// Matches reports whether text holds q, word by word, as the search engines
// would decide on IndexText(text). Text is folded here, so folded and
// original text both work. A query without a required term matches nothing.
func (q Query) Matches(text string) bool {
	if !q.hasPositive() {
		return false
	}
	words := vntext.FoldWords(text)
	for _, t := range q.Terms {
		if len(t.Words) == 0 {
			continue
		}
		if termAt(words, t) >= 0 == t.Not {
			return false
		}
	}
	return true
}

// termAt returns the index of the first word where t matches, or -1.
func termAt(words []string, t Term) int {
	n := len(t.Words)
	for i := 0; i+n <= len(words); i++ {
		if termMatches(words[i:i+n], t) {
			return i
		}
	}
	return -1
}

// termMatches reports whether t matches exactly the words ws
// (len(ws) == len(t.Words)).
func termMatches(ws []string, t Term) bool {
	last := len(t.Words) - 1
	for j, w := range t.Words {
		if j == last && t.Prefix {
			if !strings.HasPrefix(ws[j], w) {
				return false
			}
		} else if ws[j] != w {
			return false
		}
	}
	return true
}
