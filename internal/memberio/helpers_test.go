package memberio

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/vntext"
)

// today is the day the tests import on.
var today = party.D(2026, 6, 5)

var opts = Options{Today: today}

// parseString parses a CSV file given as text.
func parseString(t *testing.T, csv string) Result {
	t.Helper()
	res, err := Parse(strings.NewReader(csv), "danh-sach.csv", opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkResult(t, res)
	return res
}

// parseBytes parses a file and returns the whole-file error as well.
func parseBytes(t *testing.T, b []byte, name string) (Result, error) {
	t.Helper()
	res, err := Parse(bytes.NewReader(b), name, opts)
	if err == nil {
		checkResult(t, res)
	} else if _, ok := party.AsError(err); !ok {
		t.Fatalf("Parse(%s): error %v is not a *party.Error", name, err)
	} else {
		e, _ := party.AsError(err)
		checkKey(t, e.Msg)
	}
	return res, err
}

// checkResult checks what must hold of every result: text in NFC, every
// message a key of both catalogs, records free of errors.
func checkResult(t *testing.T, res Result) {
	t.Helper()
	bad := map[int]bool{}
	for _, p := range res.Errors {
		checkKey(t, p.Msg)
		bad[p.Row] = true
	}
	for _, p := range res.Warnings {
		checkKey(t, p.Msg)
	}
	for _, r := range res.Records {
		if bad[r.Row] {
			t.Errorf("row %d has errors but is among the records", r.Row)
		}
		m := r.Member
		for _, s := range []string{m.FullName, m.Hometown, m.Ethnicity, m.Religion, m.Address, m.Note, m.Occupation, r.CellName} {
			if !utf8.ValidString(s) || vntext.NFC(s) != s {
				t.Errorf("row %d: %q is not valid NFC text", r.Row, s)
			}
		}
	}
}

// checkKey checks that a message and the messages nested in it are keys of
// both catalogs.
func checkKey(t *testing.T, m party.Msg) {
	t.Helper()
	for _, l := range i18n.Langs {
		if _, ok := i18n.Keys(l)[m.Key]; !ok {
			t.Errorf("message key %q missing from the %s catalog", m.Key, l)
		}
	}
	for _, a := range m.Args {
		if n, ok := a.(party.Msg); ok {
			checkKey(t, n)
		}
	}
}

// keys lists the message keys of problems, "row:key" each.
func keys(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strconv.Itoa(p.Row)+":"+p.Msg.Key)
	}
	return out
}

func hasKey(ps []Problem, row int, key string) bool {
	for _, p := range ps {
		if p.Row == row && p.Msg.Key == key {
			return true
		}
	}
	return false
}

func errKey(err error) string {
	if e, ok := party.AsError(err); ok {
		return e.Msg.Key
	}
	return ""
}

// xlsxCell is a cell of a test workbook: a string is a text cell, a
// number a number cell; xlsxStyled adds a number format.
type xlsxStyled struct {
	v      any
	format string
}

// makeXLSX builds a workbook whose first sheet holds rows from row 1.
func makeXLSX(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	styles := map[string]int{}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if s, ok := v.(xlsxStyled); ok {
				id, found := styles[s.format]
				if !found {
					format := s.format
					var err error
					if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
						t.Fatal(err)
					}
					styles[s.format] = id
				}
				if err := f.SetCellStyle("Sheet1", cell, cell, id); err != nil {
					t.Fatal(err)
				}
				v = s.v
			}
			if v == nil {
				continue
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// csvRows joins rows of cells into CSV text with a separator (no quoting:
// test cells hold no separators unless the test quotes them).
func csvRows(sep string, rows ...[]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, sep))
		b.WriteString("\r\n")
	}
	return b.String()
}

// legacyTable is an encoder for a legacy Vietnamese encoding, built from
// the tables in ../shared/data (embedded verbatim as ../vntext/*.tsv).
type legacyTable map[rune][]byte

func loadLegacy(t testing.TB, name string) legacyTable {
	t.Helper()
	b, err := os.ReadFile("../vntext/" + name)
	if err != nil {
		t.Fatal(err)
	}
	tab := legacyTable{}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 {
			continue
		}
		hex, char, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			t.Fatalf("%s line %d: %q", name, i+1, line)
		}
		var enc []byte
		for j := 0; j+2 <= len(hex); j += 2 {
			v, err := strconv.ParseUint(hex[j:j+2], 16, 8)
			if err != nil {
				t.Fatal(err)
			}
			enc = append(enc, byte(v))
		}
		r, _ := utf8.DecodeRuneInString(char)
		tab[r] = enc
	}
	return tab
}

// encode writes NFC text in the legacy encoding. capitals=true mimics a
// TCVN3 capital font (.VnTimeH): capital toned letters, which have no
// bytes of their own, are written with the lowercase ones.
func (tab legacyTable) encode(t testing.TB, s string, capitals bool) []byte {
	t.Helper()
	var out []byte
	for _, r := range vntext.NFC(s) {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		b, ok := tab[r]
		if !ok && capitals {
			b, ok = tab[[]rune(strings.ToLower(string(r)))[0]]
		}
		if !ok {
			t.Fatalf("%q cannot be encoded", r)
		}
		out = append(out, b...)
	}
	return out
}

// cp1252 maps the bytes 0x80–0x9F to what Windows-1252 shows for them: a
// legacy cell in an XLSX file holds the text Excel saw through the font.
var cp1252 = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
	0x88: 'ˆ', 0x89: '‰', 0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž',
	0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
	0x98: '˜', 0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ',
}

// asExcelText is legacy bytes as an XLSX cell holds them.
func asExcelText(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if r, ok := cp1252[c]; ok {
			s.WriteRune(r)
		} else {
			s.WriteRune(rune(c))
		}
	}
	return s.String()
}

func mustOpen(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}
