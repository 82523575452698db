package memberio

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// valueSep splits a register cell that holds several facts on separate
// sub-lines: line breaks, commas, semicolons or a spaced dash. A dash
// without spaces stays: it separates the parts of a date (05-06-2017).
var valueSep = regexp.MustCompile(`\r\n|[\r\n,;]|\s+[-–]\s+`)

// splitValues splits a combined cell into cleaned parts, empty ones kept
// so that positions still mean something ("\n123456 HN": no card yet).
func splitValues(s string) []string {
	parts := valueSep.Split(vntext.NFC(s), -1)
	for i := range parts {
		parts[i] = vntext.Clean(parts[i])
	}
	return parts
}

func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// firstLine is the first non-empty line of a cell: the register writes the
// name in use on the first sub-line and the name at birth below it.
func firstLine(s string) string {
	for line := range strings.Lines(vntext.NFC(s)) {
		if c := vntext.Clean(line); c != "" {
			return c
		}
	}
	return ""
}

// unwrap removes the ="…" formula some people type to keep the leading
// zeros of a number in Excel, and Excel's text apostrophe.
func unwrap(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		return s[1:]
	}
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		return s[2 : len(s)-1]
	}
	return s
}

var (
	allDigits = regexp.MustCompile(`^\d+$`)
	// number is how a spreadsheet writes a number cell's raw value.
	number     = regexp.MustCompile(`^\d+(\.\d+)?([eE][+-]?\d+)?$`)
	isoTime    = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]`)
	timeSuffix = regexp.MustCompile(`\s+\d{1,2}:\d{2}(:\d{2})?$`)
	// inWords is a date written the way the printed forms do, after
	// folding: "ngày 05 tháng 6 năm 2017".
	inWords = regexp.MustCompile(`^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$`)
)

// integerText gives a number cell's raw value as the digits of an integer
// ("1234567", or "1.234567E6" as some writers put it); ok is false for a
// fraction or anything that is not a number.
func integerText(s string) (string, bool) {
	if allDigits.MatchString(s) {
		return s, true
	}
	if !number.MatchString(s) {
		return "", false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int64(f)) || f < 0 || f >= 1e15 {
		return "", false
	}
	return strconv.FormatInt(int64(f), 10), true
}

// dateResult is a parsed date cell.
type dateResult struct {
	date     party.Date
	yearOnly bool
	problem  *party.Msg
}

func dateProblem(key string, args ...any) dateResult {
	m := party.M(key, args...)
	return dateResult{problem: &m}
}

// parseDate reads a date cell, day first always (member-list-columns.md §4):
// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, an Excel date
// serial (a number cell, or a number typed as text), "ngày 5 tháng 6 năm
// 2017", and a year alone where field allows it (the year of birth).
// Two-digit years are refused as ambiguous.
func parseDate(raw string, field string, yearOK, date1904 bool) dateResult {
	s := unwrap(vntext.Clean(raw))
	if s == "" {
		return dateResult{}
	}
	if number.MatchString(s) {
		if len(s) == 4 {
			y, _ := strconv.Atoi(s)
			if y >= 1890 && y <= 2200 {
				if !yearOK {
					return dateProblem("import.year_only", s, party.M("import.field."+field))
				}
				return dateResult{date: party.D(y, time.January, 1), yearOnly: true}
			}
		}
		return excelDate(s, date1904)
	}
	if m := isoTime.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = timeSuffix.ReplaceAllString(s, "")
	if m := inWords.FindStringSubmatch(vntext.Fold(s)); m != nil {
		s = m[1] + "/" + m[2] + "/" + m[3]
	}
	d, err := party.ParseVN(s)
	if err != nil {
		msg := party.M("date.invalid_vn", s)
		if e, ok := party.AsError(err); ok {
			msg = e.Msg
		}
		return dateProblem("import.date_invalid", msg)
	}
	return dateResult{date: d}
}

// maxSerial is 31/12/9999, the last day Excel knows.
const maxSerial = 2958465

// excelDate converts an Excel date serial: in the 1900 system day 1 is
// 01/01/1900 and day 60 is the 29/02/1900 that never was (kept from Lotus
// 1-2-3); in the 1904 system day 0 is 01/01/1904. A time of day (the
// fraction) is dropped.
func excelDate(s string, date1904 bool) dateResult {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > maxSerial {
		return dateProblem("import.date_serial", s)
	}
	n := int(f)
	var d party.Date
	switch {
	case date1904:
		d = party.D(1904, time.January, 1+n)
	case n < 60:
		d = party.D(1899, time.December, 31+n)
	case n == 60:
		return dateProblem("import.date_serial", s)
	default:
		d = party.D(1899, time.December, 30+n)
	}
	if d.Year() > 2200 {
		return dateProblem("import.date_serial", s)
	}
	return dateResult{date: d}
}

// cardResult is a parsed party card number.
type cardResult struct {
	card    string
	padded  bool // a number cell lost its leading zeros; they were put back
	problem *party.Msg
}

// cardDigits: số thẻ đảng viên has 8 digits, one per printed box (Phiếu
// đảng viên, Mẫu 2-HSĐV). It is text: leading zeros matter.
const cardDigits = 8

// parseCard reads a party card number. numeric tells whether the XLSX
// cell is a number, whose leading zeros Excel dropped: those are padded
// back (the caller warns). It is asked only for a number too short, since
// asking costs a lookup. Any other malformed number is an error.
func parseCard(raw string, numeric func() bool) cardResult {
	orig := vntext.Clean(raw)
	s := strings.ReplaceAll(unwrap(orig), " ", "")
	if s == "" {
		return cardResult{}
	}
	if digits, ok := integerText(s); ok && len(digits) < cardDigits && numeric() {
		return cardResult{card: strings.Repeat("0", cardDigits-len(digits)) + digits, padded: true}
	}
	switch {
	case !allDigits.MatchString(s):
		m := party.M("import.card_not_digits", orig)
		return cardResult{problem: &m}
	case len(s) < cardDigits:
		m := party.M("import.card_short", orig, len(s))
		return cardResult{problem: &m}
	case len(s) > cardDigits:
		m := party.M("import.card_long", orig, len(s))
		return cardResult{problem: &m}
	}
	return cardResult{card: s}
}

// looksLikeCard tells a card number from a dossier number (6 digits and
// the letters of the province committee) in a combined register cell.
func looksLikeCard(s string) bool {
	return allDigits.MatchString(strings.ReplaceAll(unwrap(s), " ", ""))
}

// parseGender reads Nam or Nữ, in any case, with or without diacritics.
func parseGender(s string) (party.Gender, bool) {
	switch headingKey(s) {
	case "nam", "nam gioi", "male", "m":
		return party.Nam, true
	case "nu", "nu gioi", "female", "f":
		return party.Nu, true
	}
	return "", false
}

// isMark is a cross or tick in a Nam or Nữ column.
func isMark(s string) bool {
	switch headingKey(s) {
	case "x", "v", "1", "co":
		return true
	}
	return s == "✓" || s == "✔" || s == "☑"
}

// restoreZeros puts back the leading zeros of a number cell: Vietnamese
// phone numbers have 10 digits starting with 0; CCCD numbers have 12
// digits starting with the province code 001–096, so 10 or 11 digits left
// means zeros were lost. Other values are returned as they are.
func restoreZeros(s string, want int, minLen int, numeric func() bool) (string, bool) {
	digits, ok := integerText(s)
	if !ok || len(digits) >= want || len(digits) < minLen || !numeric() {
		return s, false
	}
	return strings.Repeat("0", want-len(digits)) + digits, true
}
