package memberio

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"chibo/internal/vntext"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns the bytes of a CSV file into a string: UTF-8 (with or
// without BOM), UTF-16 with BOM (Excel's "Unicode Text"), or else 8-bit
// bytes read as Latin-1, the form vntext.DetectEncoding expects for legacy
// TCVN3/VNI text. ok is false for UTF-16 of odd length.
func decodeText(data []byte) (text string, ok bool) {
	switch {
	case bytes.HasPrefix(data, utf8BOM) && utf8.Valid(data[3:]):
		return string(data[3:]), true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16Text(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16Text(data[2:], true)
	case utf8.Valid(data):
		return string(data), true
	}
	return vntext.BytesToLatin1(data), true
}

func utf16Text(b []byte, bigEndian bool) (string, bool) {
	if len(b)%2 != 0 {
		return "", false
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u)), true
}

// looksLikeText refuses binary files renamed .csv (images, PDFs, archives):
// they hold NUL bytes or many control characters; a spreadsheet's text
// holds tabs and line breaks only.
func looksLikeText(s string) bool {
	runes, controls := 0, 0
	for _, r := range s {
		runes++
		switch {
		case r == 0:
			return false
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			controls++
		}
	}
	return controls*100 <= runes
}

// isMarkup tells a web page or an XML file saved with a spreadsheet's name:
// some programs "export to Excel" as HTML.
func isMarkup(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "<")
}
