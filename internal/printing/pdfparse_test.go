package printing

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// pdfFacts is what the tests read back from a PDF with a tiny parser: the
// page tree and the text drawn on each page, one line per text object.
// The text proves the wording, not the glyphs (ttf_test.go checks those).
type pdfFacts struct {
	count     int      // /Count of the page tree
	pageObjs  int      // page objects
	mediaBox  []string // every /MediaBox
	pageTexts []string
}

var (
	reCount    = regexp.MustCompile(`/Type /Pages[^>]*?/Count (\d+)`)
	rePage     = regexp.MustCompile(`/Type /Page[^s]`)
	reMediaBox = regexp.MustCompile(`/MediaBox \[([^\]]*)\]`)
	reStream   = regexp.MustCompile(`(?s)<<([^<>]*?)>>\s*stream\r?\n`)
)

func readPDF(t *testing.T, b []byte) pdfFacts {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
		t.Fatal("not a complete PDF file")
	}
	var f pdfFacts
	m := reCount.FindSubmatch(b)
	if m == nil {
		t.Fatal("no page tree")
	}
	f.count, _ = strconv.Atoi(string(m[1]))
	f.pageObjs = len(rePage.FindAll(b, -1))
	for _, mb := range reMediaBox.FindAllSubmatch(b, -1) {
		f.mediaBox = append(f.mediaBox, string(mb[1]))
	}
	for _, loc := range reStream.FindAllSubmatchIndex(b, -1) {
		dict := string(b[loc[2]:loc[3]])
		start := loc[1]
		end := bytes.Index(b[start:], []byte("endstream"))
		if end < 0 || !strings.Contains(dict, "FlateDecode") {
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(b[start : start+end]))
		if err != nil {
			continue
		}
		data, err := io.ReadAll(r)
		if err != nil || !bytes.Contains(data, []byte("BT ")) {
			continue // a font or a map, not page content
		}
		f.pageTexts = append(f.pageTexts, contentText(data))
	}
	return f
}

// contentText joins the strings of each BT … ET text object into a line.
func contentText(c []byte) string {
	var lines []string
	for {
		i := bytes.Index(c, []byte("BT "))
		if i < 0 {
			break
		}
		j := bytes.Index(c[i:], []byte(" ET"))
		if j < 0 {
			break
		}
		lines = append(lines, pdfStrings(c[i:i+j]))
		c = c[i+j:]
	}
	return strings.Join(lines, "\n")
}

// pdfStrings decodes the (…) strings of a text object, UTF-16BE as fpdf
// writes them for a TrueType Unicode font.
func pdfStrings(obj []byte) string {
	var out []rune
	for i := 0; i < len(obj); i++ {
		if obj[i] != '(' {
			continue
		}
		var raw []byte
		for i++; i < len(obj) && obj[i] != ')'; i++ {
			if obj[i] == '\\' && i+1 < len(obj) {
				i++
				switch obj[i] {
				case 'r':
					raw = append(raw, '\r')
				case 'n':
					raw = append(raw, '\n')
				default:
					raw = append(raw, obj[i])
				}
				continue
			}
			raw = append(raw, obj[i])
		}
		u := make([]uint16, 0, len(raw)/2)
		for k := 0; k+1 < len(raw); k += 2 {
			u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
		}
		out = append(out, utf16.Decode(u)...)
	}
	return string(out)
}

// text is all the pages' text, with line ends turned into spaces so that
// a sentence set over several lines can be found.
func (f pdfFacts) text() string {
	return strings.Join(strings.Fields(strings.Join(f.pageTexts, "\n")), " ")
}

func TestReadPDFDecodesEscapes(t *testing.T) {
	// "Đ(" in UTF-16BE: 0x01 0x10, 0x00 0x28 escaped as \(.
	if got := pdfStrings([]byte("BT [(\x01\x10\x00\\()] TJ")); got != "Đ(" {
		t.Errorf("pdfStrings = %q, want %q", got, "Đ(")
	}
}
