package vntext

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spreadsheets typed with the old Vietnamese fonts (.VnTime for TCVN3,
// VNI-Times for VNI) hold 8-bit text that reads as mojibake in Unicode.
// The tables are the ones in ../shared/data, embedded verbatim.

//go:embed tcvn3.tsv
var tcvn3TSV string

//go:embed vni.tsv
var vniTSV string

// Encoding names a text encoding found in an imported file.
type Encoding string

const (
	Unicode Encoding = "unicode"
	TCVN3   Encoding = "tcvn3"
	VNI     Encoding = "vni"
)

// ErrUndecodable reports text that is neither Unicode Vietnamese nor a
// legacy encoding Chibo can convert.
var ErrUndecodable = errors.New("không nhận ra bảng mã tiếng Việt của văn bản")

type legacyTable struct {
	one map[byte]rune    // single byte → letter
	two map[[2]byte]rune // two bytes → letter (VNI: base letter + mark)
}

func loadTable(tsv string) legacyTable {
	t := legacyTable{one: map[byte]rune{}, two: map[[2]byte]rune{}}
	for i, line := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if i == 0 {
			continue // heading
		}
		hex, char, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		r, _ := utf8.DecodeRuneInString(char)
		switch len(hex) {
		case 2:
			b, _ := strconv.ParseUint(hex, 16, 8)
			t.one[byte(b)] = r
		case 4:
			b1, _ := strconv.ParseUint(hex[:2], 16, 8)
			b2, _ := strconv.ParseUint(hex[2:], 16, 8)
			t.two[[2]byte{byte(b1), byte(b2)}] = r
		}
	}
	return t
}

var (
	tcvn3Table = loadTable(tcvn3TSV)
	vniTable   = loadTable(vniTSV)
)

// decodeBytes converts legacy bytes with table t. It fails on a byte at or
// above 0x80 that the table does not know.
func (t legacyTable) decodeBytes(b []byte) (string, bool) {
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if i+1 < len(b) {
			if r, ok := t.two[[2]byte{b[i], b[i+1]}]; ok {
				out.WriteRune(r)
				i++
				continue
			}
		}
		if r, ok := t.one[b[i]]; ok {
			out.WriteRune(r)
			continue
		}
		if b[i] >= 0x80 {
			return "", false
		}
		out.WriteByte(b[i])
	}
	return out.String(), true
}

// latin1Bytes turns text that was read as Windows-1252/Latin-1 (each legacy
// byte became one rune) back into bytes. It fails on runes above U+00FF
// other than the Windows-1252 specials.
func latin1Bytes(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			c, ok := cp1252Back[r]
			if !ok {
				return nil, false
			}
			b = append(b, c)
		}
	}
	return b, true
}

// cp1252Back maps the Windows-1252 characters of 0x80–0x9F back to bytes:
// spreadsheet programs show legacy bytes in that range with these runes.
var cp1252Back = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// vietnameseScore counts runes that only Vietnamese uses (beyond plain
// Latin-1): a text whose conversion raises the score is legacy text.
func vietnameseScore(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1EA0 && r <= 0x1EF9: // Latin Extended Additional: toned letters
			n += 2
		case strings.ContainsRune("ăâêôơưđĂÂÊÔƠƯĐàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁÈÉÌÍÒÓÙÚÝ", r):
			n++
		}
	}
	return n
}

// legacyMarks are Latin-1 symbols that legacy Vietnamese text is full of
// (TCVN3 puts its tones there) and that real names and places never hold.
const legacyMarks = "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷ÆæÐðÞþßØøÅå"

// unicodeLatin1 are the Latin-1 letters real Vietnamese Unicode text holds.
const unicodeLatin1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"

// legacyEvidence reports signs of legacy bytes read as Latin-1: a symbol
// or letter Vietnamese does not use, or a capital accented letter inside a
// lower-case word ("nguyÔn" is TCVN3 for "nguyễn").
func legacyEvidence(s string) bool {
	prev := ' '
	for _, r := range s {
		if r >= 0x80 && r <= 0xFF || isCP1252(r) {
			if !strings.ContainsRune(unicodeLatin1, r) {
				return true
			}
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				return true
			}
		}
		prev = r
	}
	return false
}

func countAny(s, chars string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(chars, r) {
			n++
		}
	}
	return n
}

func isCP1252(r rune) bool { _, ok := cp1252Back[r]; return ok }

// DetectEncoding guesses how a file's text cells were typed. Cells are
// strings as a reader produced them: UTF-8 text, with legacy bytes already
// mapped to Latin-1 runes (as CSV readers and spreadsheets do). It returns
// ErrUndecodable when the text looks legacy but no table converts it.
func DetectEncoding(cells []string) (Encoding, error) {
	joined := strings.Join(cells, "\n")
	b, ok := latin1Bytes(joined)
	if !ok {
		return Unicode, nil // holds letters beyond Latin-1: real Unicode
	}
	high := false
	for _, c := range b {
		if c >= 0x80 {
			high = true
			break
		}
	}
	if !high {
		return Unicode, nil // plain ASCII
	}
	if !legacyEvidence(joined) {
		return Unicode, nil // every accented letter is one Vietnamese Unicode uses
	}
	best, bestScore := Unicode, vietnameseScore(joined)
	if s, ok := tcvn3Table.decodeBytes(b); ok {
		if sc := vietnameseScore(s); sc > bestScore {
			best, bestScore = TCVN3, sc
		}
	}
	if s, ok := vniTable.decodeBytes(b); ok {
		if sc := vietnameseScore(s); sc > bestScore {
			best = VNI
		}
	}
	if best == Unicode && countAny(joined, legacyMarks) >= 3 {
		// Several tone-like symbols no table converts: legacy text in an
		// encoding we do not know. One stray "°" or "½" is just a symbol.
		return Unicode, ErrUndecodable
	}
	return best, nil
}

// Decode converts one cell from the given encoding to NFC Unicode.
func Decode(s string, enc Encoding) (string, error) {
	if enc == Unicode {
		return NFC(strings.ToValidUTF8(s, "\uFFFD")), nil
	}
	b, ok := latin1Bytes(s)
	if !ok {
		return "", ErrUndecodable
	}
	t := tcvn3Table
	if enc == VNI {
		t = vniTable
	}
	out, ok := t.decodeBytes(b)
	if !ok {
		return "", ErrUndecodable
	}
	return NFC(out), nil
}

// BytesToLatin1 reads raw 8-bit bytes (a CSV file that is not valid UTF-8)
// as Latin-1 runes, the form DetectEncoding and Decode expect.
func BytesToLatin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
