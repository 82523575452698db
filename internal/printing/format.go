package printing

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// dayNum pads the day to two digits; monthNum pads only January and
// February: "ngày 03 tháng 4", "ngày 20 tháng 02" (PRINT.md §2, samples S1, S4).
func dayNum(d int) string { return fmt.Sprintf("%02d", d) }

func monthNum(m time.Month) string {
	if m <= time.February {
		return fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprintf("%d", int(m))
}

// dateWords is "ngày 05 tháng 6 năm 2026".
func dateWords(d party.Date) string {
	return fmt.Sprintf(wDayMonthYear, dayNum(d.Day()), monthNum(d.Month()), d.Year())
}

// placeDate is the line of PRINT.md §2: "Long Biên, ngày 05 tháng 6 năm 2026".
func placeDate(place string, d party.Date) string {
	if d.IsZero() {
		return ""
	}
	place = vntext.Clean(place)
	if place == "" {
		return fmt.Sprintf(wDateOnly, dayNum(d.Day()), monthNum(d.Month()), d.Year())
	}
	return fmt.Sprintf(wPlaceDate, place, dayNum(d.Day()), monthNum(d.Month()), d.Year())
}

// clock is the hour and minute of t in Vietnam, two digits each.
func clock(t time.Time) (hh, mm string) {
	t = t.In(party.Zone)
	return fmt.Sprintf("%02d", t.Hour()), fmt.Sprintf("%02d", t.Minute())
}

// periodWords is "tháng 6 năm 2026" or "quý II năm 2026".
func periodWords(p party.Period) string {
	if p.IsQuarter() {
		return fmt.Sprintf(wQuarterYear, romanQuarter(p.Quarter), p.Year)
	}
	return fmt.Sprintf(wMonthYear, int(p.Month), p.Year)
}

func romanQuarter(q int) string {
	return [...]string{"", "I", "II", "III", "IV"}[max(0, min(q, 4))]
}

// num writes a count the Vietnamese way (1.250).
func num(n int) string { return vntext.Int(n) }

// sentence ends s with a full stop unless it already ends a sentence,
// possibly inside a closing quote or bracket.
func sentence(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return s
	}
	t := strings.TrimRight(s, "\"'”’)]»")
	if r, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(".!?…", r) {
		return s
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(",;:", r) {
		s = s[:len(s)-1]
	}
	return s + "."
}

// paragraphs splits multi-line text typed by the secretary into
// paragraphs, dropping empty lines, each in NFC with spaces collapsed.
func paragraphs(s string) []string {
	var out []string
	for _, line := range strings.Split(vntext.NFC(s), "\n") {
		if line = vntext.Clean(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// upper is s in capitals (the header names, PRINT.md §2).
func upper(s string) string { return strings.ToUpper(vntext.Clean(s)) }

// labelInText is a role label as it reads inside a sentence: "CHỦ TỌA" →
// "chủ tọa"; capitalized is the same at the start of a line ("Chủ tọa").
func labelInText(label string) string { return strings.ToLower(label) }

func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
