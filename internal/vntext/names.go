package vntext

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SplitName splits a Vietnamese full name into the given name (tên, the last
// word) and the rest (họ and tên đệm). "Nguyễn Văn An" → ("An", "Nguyễn Văn").
func SplitName(full string) (given, rest string) {
	words := strings.Fields(full)
	if len(words) == 0 {
		return "", ""
	}
	return words[len(words)-1], strings.Join(words[:len(words)-1], " ")
}

// alphabet is the Vietnamese order of base letters (DOMAIN.md §3:
// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), with the
// Latin letters Vietnamese lacks (f j w z) at their Latin places.
const alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

var letterRank = func() map[rune]byte {
	m := map[rune]byte{}
	i := byte(0)
	for _, r := range alphabet {
		m[r] = 'A' + i // 'A'..'h': printable, ordered, above digits and separators
		i++
	}
	return m
}()

// toneRank orders the tones as dictionaries and CLDR do: ngang, huyền, hỏi,
// ngã, sắc, nặng.
var toneRank = map[rune]byte{
	0x0300: '1', // huyền
	0x0309: '2', // hỏi
	0x0303: '3', // ngã
	0x0301: '4', // sắc
	0x0323: '5', // nặng
}

// baseLetter strips the tone from r but keeps the letter's own marks
// (ă â ê ô ơ ư đ), and returns the tone rank ('0' for none).
func baseLetter(r rune) (base rune, tone byte) {
	tone = '0'
	var kept []rune
	for _, c := range norm.NFD.String(string(unicode.ToLower(r))) {
		if t, ok := toneRank[c]; ok {
			tone = t
			continue
		}
		kept = append(kept, c)
	}
	return []rune(norm.NFC.String(string(kept)))[0], tone
}

// sortParts appends to prim the letter ranks of s and to sec its tones.
func sortParts(s string, prim, sec *strings.Builder) {
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			prim.WriteByte('0' + byte(r-'0')%10)
			sec.WriteByte('0')
		case unicode.IsLetter(r):
			b, t := baseLetter(r)
			if rank, ok := letterRank[b]; ok {
				prim.WriteByte(rank)
			} else {
				prim.WriteString("~" + string(b)) // other scripts after the alphabet
			}
			sec.WriteByte(t)
		case unicode.IsSpace(r):
			prim.WriteByte(' ')
		}
	}
}

// keySep separates the parts of a sort key; it sorts before every character
// a name may hold, so that a shorter part sorts first ("Lê" before "Lê Văn").
const keySep = '\x01'

// NameSortKey returns a key whose plain byte order is the Vietnamese order
// of full names: by the given name — its letters (a < ă < â … d < đ …),
// then its tones — then the rest of the name the same way, then case. So
// every "Ân" comes before every "Ẩn", and two "An" are ordered by family name. It is stored beside each name
// so that the database can sort and page lists without a collation.
func NameSortKey(full string) string {
	if k, ok := sortKeys.Load(full); ok {
		return k.(string)
	}
	k := nameSortKey(full)
	if sortKeyCount.Add(1) <= maxSortKeys {
		sortKeys.Store(full, k)
	}
	return k
}

// sortKeys remembers the keys of names seen (rolls are drawn from the same
// names again and again), up to maxSortKeys of them.
var (
	sortKeys     sync.Map
	sortKeyCount atomic.Int64
)

const maxSortKeys = 1 << 20

func nameSortKey(full string) string {
	given, rest := SplitName(NFC(full))
	var p1, p2, s1, s2 strings.Builder
	sortParts(given, &p1, &s1)
	sortParts(rest, &p2, &s2)
	var k strings.Builder
	k.WriteString(p1.String())
	k.WriteByte(keySep)
	k.WriteString(s1.String())
	k.WriteByte(keySep)
	k.WriteString(p2.String())
	k.WriteByte(keySep)
	k.WriteString(s2.String())
	k.WriteByte(keySep)
	k.WriteString(given + " " + rest) // case and anything else: stable last resort
	return k.String()
}

// CompareNames orders two full names the Vietnamese way (see NameSortKey).
func CompareNames(a, b string) int {
	return strings.Compare(NameSortKey(a), NameSortKey(b))
}

// TextSortKey is the Vietnamese order of any text (organization names):
// letters first, tones after, without the given-name rule.
func TextSortKey(s string) string {
	var p, t strings.Builder
	sortParts(NFC(s), &p, &t)
	return p.String() + string(keySep) + t.String() + string(keySep) + s
}
