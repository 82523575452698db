package ical

import (
	"bufio"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"chibo/internal/party"
)

// maxOctets is the longest a content line may be, CRLF excluded
// (RFC 5545, 3.1); a continuation line's leading space counts.
const maxOctets = 75

// contentWriter writes content lines "NAME:value", folded and ended with
// CRLF. Errors stick in the bufio.Writer and surface at Flush.
type contentWriter struct {
	w    *bufio.Writer
	line []byte // the line being built, unfolded
}

// raw writes a value that needs no escaping (names, codes, a URI).
func (cw *contentWriter) raw(name, value string) {
	cw.line = append(cw.start(name), value...)
	cw.emit()
}

// text writes a TEXT value, escaped (RFC 5545, 3.3.11).
func (cw *contentWriter) text(name, value string) {
	cw.line = appendText(cw.start(name), value)
	cw.emit()
}

func (cw *contentWriter) int(name string, n int) {
	cw.line = strconv.AppendInt(cw.start(name), int64(n), 10)
	cw.emit()
}

// local writes t as Vietnam wall-clock time: DTSTART;TZID=Asia/Ho_Chi_Minh:20260605T193000.
func (cw *contentWriter) local(name string, t time.Time) {
	b := append(cw.line[:0], name...)
	b = append(b, ";TZID="+tzid+":"...)
	cw.line = t.In(party.Zone).AppendFormat(b, localTime)
	cw.emit()
}

// utc writes t in UTC: DTSTAMP:20260601T020000Z.
func (cw *contentWriter) utc(name string, t time.Time) {
	cw.line = t.UTC().AppendFormat(cw.start(name), utcTime)
	cw.emit()
}

// trigger writes a reminder d before the start: TRIGGER:-P1D, -PT2H30M.
func (cw *contentWriter) trigger(d time.Duration) {
	cw.line = appendBefore(cw.start("TRIGGER"), d)
	cw.emit()
}

func (cw *contentWriter) start(name string) []byte {
	b := append(cw.line[:0], name...)
	return append(b, ':')
}

// emit writes the built line folded at 75 octets: each piece but the last
// is followed by CRLF and a space (RFC 5545, 3.1).
func (cw *contentWriter) emit() {
	rest, limit := cw.line, maxOctets
	for len(rest) > limit {
		cut := foldPoint(rest, limit)
		cw.w.Write(rest[:cut])
		cw.w.WriteString("\r\n ")
		rest, limit = rest[cut:], maxOctets-1
	}
	cw.w.Write(rest)
	cw.w.WriteString("\r\n")
}

// foldPoint is where to break b so the first piece holds at most limit
// octets. It never splits a UTF-8 sequence (RFC 5545 requires it) nor an
// escape like \n, and prefers not to part a letter from a combining mark:
// unfolding would join them again anyway, but some readers show each
// physical line. b must be longer than limit.
func foldPoint(b []byte, limit int) int {
	anyRune, good := 0, 0
	for i := 0; i <= limit; {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		} else if r == '\\' && i+1 < len(b) {
			_, next := utf8.DecodeRune(b[i+1:])
			size = 1 + next // an escape pair stays on one line
		}
		if i > 0 {
			anyRune = i
			if r < 0x300 || !unicode.Is(unicode.Mn, r) {
				good = i
			}
		}
		i += size
	}
	if good > 0 {
		return good
	}
	return anyRune // a letter with more combining marks than fit on a line
}

// appendText escapes s as a TEXT value: backslash, semicolon and comma get
// a backslash, every line break becomes \n, other control characters
// (forbidden in TEXT) are dropped, invalid UTF-8 becomes U+FFFD.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '\\' || c == ';' || c == ',':
			b = append(b, '\\', c)
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b = append(b, '\\', 'n')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t' || !isControl(rune(c)):
			b = append(b, c)
		}
		i++
	}
	return b
}

// appendBefore writes d as a negative RFC 5545 duration, to the second:
// 24h → -P1D, 90m → -PT1H30M, 26h → -P1DT2H.
func appendBefore(b []byte, d time.Duration) []byte {
	secs := int64(d.Round(time.Second) / time.Second)
	days, secs := secs/86400, secs%86400
	h, m, s := secs/3600, secs%3600/60, secs%60
	b = append(b, "-P"...)
	if days > 0 {
		b = strconv.AppendInt(b, days, 10)
		b = append(b, 'D')
	}
	if h == 0 && m == 0 && s == 0 {
		if days == 0 {
			b = append(b, "T0S"...)
		}
		return b
	}
	b = append(b, 'T')
	for _, part := range []struct {
		n    int64
		unit byte
	}{{h, 'H'}, {m, 'M'}, {s, 'S'}} {
		if part.n > 0 {
			b = strconv.AppendInt(b, part.n, 10)
			b = append(b, part.unit)
		}
	}
	return b
}
