package printing

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func minutesPDF(t *testing.T, d MinutesDoc) pdfFacts {
	t.Helper()
	var buf bytes.Buffer
	if err := MinutesPDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	return readPDF(t, buf.Bytes())
}

// docxParts unzips a DOCX and checks that every XML part parses.
func docxParts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("DOCX is not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s does not parse: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(data)
	}
	return parts
}

func minutesDOCX(t *testing.T, d MinutesDoc) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := MinutesDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	return docxParts(t, buf.Bytes())
}

// docxText is the text of a WordprocessingML part, one line per paragraph.
func docxText(t *testing.T, part string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(part))
	var lines []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				lines = append(lines, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(e)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// between is the text from the first from up to the following to.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}
