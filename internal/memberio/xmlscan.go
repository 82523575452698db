package memberio

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner is a small XML tokenizer for the large, machine-written parts
// of a workbook (worksheets, shared strings). encoding/xml with reflection
// takes about a second for 10,000 rows; this takes a tenth of that. It
// knows elements, attributes, text, the five entities, character
// references, CDATA, comments and processing instructions; it drops
// namespace prefixes (<x:c> is <c>). It does not check well-formedness
// beyond what it needs to read on.
type xmlScanner struct {
	b   []byte
	pos int
}

type xmlKind int

const (
	xmlEOF xmlKind = iota
	xmlStart
	xmlEnd
	xmlText
)

type xmlToken struct {
	kind  xmlKind
	name  []byte // local name
	attrs []byte // raw attributes of a start tag
	empty bool   // <x/>: a start followed by its end
	text  []byte // raw text: unescape before use (unless cdata)
	cdata bool
}

var errXML = errors.New("memberio: malformed XML")

// next returns the next token; a self-closing element is one xmlStart
// token with empty set.
func (s *xmlScanner) next() (xmlToken, error) {
	for {
		if s.pos >= len(s.b) {
			return xmlToken{kind: xmlEOF}, nil
		}
		if s.b[s.pos] != '<' {
			end := bytes.IndexByte(s.b[s.pos:], '<')
			if end < 0 {
				end = len(s.b) - s.pos
			}
			t := xmlToken{kind: xmlText, text: s.b[s.pos : s.pos+end]}
			s.pos += end
			return t, nil
		}
		rest := s.b[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return xmlToken{}, errXML
			}
			s.pos += end + 3
			return xmlToken{kind: xmlText, text: rest[9:end], cdata: true}, nil
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest, []byte("-->"))
			if end < 0 {
				return xmlToken{}, errXML
			}
			s.pos += end + 3
			continue
		case bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("<!")):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return xmlToken{}, errXML
			}
			s.pos += end + 1
			continue
		}
		end := tagEnd(rest)
		if end < 0 {
			return xmlToken{}, errXML
		}
		s.pos += end + 1
		tag := rest[1:end]
		if len(tag) > 0 && tag[0] == '/' {
			return xmlToken{kind: xmlEnd, name: localName(bytes.TrimSpace(tag[1:]))}, nil
		}
		t := xmlToken{kind: xmlStart}
		if len(tag) > 0 && tag[len(tag)-1] == '/' {
			t.empty = true
			tag = tag[:len(tag)-1]
		}
		n := bytes.IndexAny(tag, " \t\r\n")
		if n < 0 {
			n = len(tag)
		}
		t.name, t.attrs = localName(tag[:n]), tag[n:]
		return t, nil
	}
}

// tagEnd finds the '>' closing the tag at the start of b, skipping quoted
// attribute values (which may hold '>').
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

func localName(n []byte) []byte {
	if i := bytes.LastIndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// attr returns the unescaped value of the attribute with local name name.
func attr(raw []byte, name string) (string, bool) {
	for len(raw) > 0 {
		raw = bytes.TrimLeft(raw, " \t\r\n")
		eq := bytes.IndexByte(raw, '=')
		if eq < 0 {
			return "", false
		}
		key := localName(bytes.TrimSpace(raw[:eq]))
		raw = bytes.TrimLeft(raw[eq+1:], " \t\r\n")
		if len(raw) == 0 || (raw[0] != '"' && raw[0] != '\'') {
			return "", false
		}
		end := bytes.IndexByte(raw[1:], raw[0])
		if end < 0 {
			return "", false
		}
		val := raw[1 : 1+end]
		raw = raw[end+2:]
		if string(key) == name {
			return unescapeXML(val), true
		}
	}
	return "", false
}

// unescapeXML replaces the predefined entities and character references.
func unescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			out.WriteByte('&')
			b = b[1:]
			continue
		}
		ent := string(b[1:semi])
		switch ent {
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "amp":
			out.WriteByte('&')
		case "quot":
			out.WriteByte('"')
		case "apos":
			out.WriteByte('\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				out.Write(b[:semi+1])
				b = b[semi+1:]
				continue
			}
			out.WriteRune(r)
		}
		b = b[semi+1:]
	}
	return out.String()
}

func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' || ent[1] == 'X' {
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// textOf returns a text token's content as a string.
func (t xmlToken) textOf() string {
	if t.cdata {
		return string(t.text)
	}
	return unescapeXML(t.text)
}

func (t xmlToken) is(name string) bool { return string(t.name) == name }
