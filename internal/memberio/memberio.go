// Package memberio reads member lists from CSV and XLSX files and writes
// them back. It is pure: it takes an io.Reader or io.Writer and returns
// records and a report, without a database; the members service inserts the
// records all or nothing.
//
// The headings it recognises are those of ../shared/data/member-list-columns.md:
// the official register (Sổ danh sách đảng viên, Mẫu 7-HSĐV) and the aliases
// cells use in their own Excel lists. The headings are a file format, like
// the name of a form, so they live here in Go rather than in the message
// catalogs; every message for people is a catalog key (catalog/*/import.json).
package memberio

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Limits bound what Parse accepts; zero fields take the defaults.
type Limits struct {
	MaxBytes int64 // size of the file; default 10 MiB
	MaxRows  int   // member rows below the heading row; default 20,000
}

// Default limits: a city-sized cell list is a few hundred rows; 20,000 is
// a whole ward committee's list with room to spare.
const (
	DefaultMaxBytes = 10 << 20
	DefaultMaxRows  = 20000
)

// Options configure Parse.
type Options struct {
	Limits
	// Today is the day of the import, for "not in the future" and the
	// 12-month probation checks. The zero Date skips the checks against
	// today (the service always sets it; party code never reads a clock).
	Today party.Date
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) maxRows() int {
	if o.MaxRows <= 0 {
		return DefaultMaxRows
	}
	return o.MaxRows
}

// Record is one member row of the file.
type Record struct {
	// Row is the row number as the user sees it in Excel (1-based, the
	// heading and title rows counted).
	Row    int
	Member party.Member
	// BirthYearOnly: the file gave only the year of birth (Năm sinh);
	// Member.BirthDate is then 1 January of that year.
	BirthYearOnly bool
	// Status is chinh_thuc when the row has a date made full member, a
	// party card number (cards are issued to full members only) or a note
	// saying "chính thức"; du_bi otherwise. A full member whose date is not
	// known keeps a zero OfficialOn, with a warning.
	Status party.MemberStatus
	Exempt bool // Ghi chú says "miễn sinh hoạt" (miễn công tác và sinh hoạt đảng)
	// CellName is the "Chi bộ" column when the file has one; the service
	// decides what to do with it.
	CellName string
	// Left is set when a register column says the member has left
	// (Member.LeftOn and Member.LeftReason then hold the date and the text).
	Left LeftKind
}

// LeftKind is how a member left, from the register's columns 10, 12 and 13.
type LeftKind string

const (
	NotLeft    LeftKind = ""
	ChuyenDi   LeftKind = "chuyen_di"    // transferred out (chuyển đi)
	TuTran     LeftKind = "tu_tran"      // died (từ trần)
	RaKhoiDang LeftKind = "ra_khoi_dang" // left or removed from the Party (ra khỏi Đảng)
)

// Problem is an error or a warning about one row (Row 0 never occurs: a
// problem with the headings has the heading row's number).
type Problem struct {
	Row    int
	Column string // the heading as written in the file; empty for the whole row
	Msg    party.Msg
}

// Column is a recognised column: its heading as written and the member
// fields it fills ("full_name", "joined_on", …; catalog keys import.field.*).
type Column struct {
	Heading string
	Fields  []string
}

// Result is what Parse found. Records holds the rows without errors; the
// import must be refused while Errors is not empty. Warnings do not block.
type Result struct {
	Records    []Record
	Errors     []Problem
	Warnings   []Problem
	Encoding   vntext.Encoding // of the text cells: unicode, tcvn3 or vni
	Format     string          // "csv" or "xlsx"
	Sheet      string          // the worksheet read (XLSX)
	HeadingRow int             // the row of the column headings
	Columns    []Column        // recognised columns, in file order
}

// Parse reads a member list. filename is used in messages only: the format
// is told by content (XLSX is a zip, CSV is text). It returns a
// *party.Error for problems with the whole file (too large, not a
// spreadsheet, no heading row, text in an unknown encoding); problems with
// rows go to Result.Errors and Result.Warnings.
func Parse(r io.Reader, filename string, opt Options) (Result, error) {
	limit := opt.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Result{}, fmt.Errorf("memberio: reading %s: %w", filename, err)
	}
	if int64(len(data)) > limit {
		return Result{}, party.Errorf(party.ETooLarge, "import.too_large", filename, mebibytes(limit))
	}
	switch sniff(data) {
	case kindEmpty:
		return Result{}, party.Invalid("import.empty", filename)
	case kindXLSX:
		return parseXLSX(data, filename, opt)
	case kindOLE:
		return Result{}, party.Invalid("import.old_xls", filename)
	case kindMarkup:
		return Result{}, party.Invalid("import.markup", filename)
	case kindText:
		return parseCSV(data, filename, opt)
	}
	return Result{}, party.Invalid("import.not_spreadsheet", filename)
}

// mebibytes rounds a byte count up to whole MiB for messages.
func mebibytes(n int64) int { return int((n + 1<<20 - 1) >> 20) }

type fileKind int

const (
	kindBinary fileKind = iota
	kindEmpty
	kindXLSX
	kindOLE
	kindMarkup
	kindText
)

var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts an Excel 97–2003 .xls, and also an .xlsx with a
	// password (Office wraps encrypted files in OLE).
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff tells the kind of file by its first bytes.
func sniff(data []byte) fileKind {
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0:
		return kindEmpty
	case bytes.HasPrefix(data, zipMagic):
		return kindXLSX
	case bytes.HasPrefix(data, oleMagic):
		return kindOLE
	case bytes.HasPrefix(data, []byte("%PDF")):
		return kindBinary
	}
	text, ok := decodeText(data)
	if !ok || !looksLikeText(text) {
		return kindBinary
	}
	if isMarkup(text) {
		return kindMarkup
	}
	return kindText
}

// errNoHeading is the "no heading row" outcome of one table, so that the
// XLSX reader can try the next worksheet.
var errNoHeading = errors.New("no heading row")
