package printing

import (
	"time"

	"chibo/internal/party"
)

// MinutesDoc is the minutes of one cell meeting (biên bản sinh hoạt chi bộ)
// as it is printed. The meetings feature fills it; texts arrive as the
// secretary wrote them and are printed in NFC.
type MinutesDoc struct {
	// UpperBody and Body head the page at top left, in capitals:
	// "ĐẢNG BỘ PHƯỜNG LONG BIÊN", "CHI BỘ TỔ DÂN PHỐ SỐ 5".
	UpperBody, Body string
	// Number is the number and symbol, "05-BB/CB"; the line "Số …" is
	// printed only when it is set (PRINT.md §2).
	Number string
	Place  string     // locality for the place-and-date line
	Date   party.Date // the meeting date
	Kind   string     // "thuong_ky" (thường kỳ), "chuyen_de" (chuyên đề), "bat_thuong" (bất thường)
	Period party.Period
	// Topic and LeadPaperBy are the theme of a thematic meeting and who
	// presented its lead paper (đề dẫn).
	Topic, LeadPaperBy string
	// Documents are the documents the agenda and topic cite, one line
	// each: "11-ĐA/TU ngày 05/01/2026 của Thành ủy Hà Nội — Đề án …".
	Documents []string

	StartedAt, EndedAt time.Time
	Venue              string
	Guests             []Guest
	Chair              string
	ChairPosition      string // "Bí thư chi bộ"
	MinuteTaker        string
	Attendance         AttendanceLines

	Items      []Item
	Conclusion string // the chair's overall conclusion
	Resolution string // the resolution text
	Vote       *VoteLine
	DuesPaid   int
	DuesDue    int
	SelfRating string // "Tốt", "Khá", "Trung bình", "Kém", already in Vietnamese
	ReadBack   bool   // the minutes were read back before closing

	// Amendments to locked minutes, printed after the signatures beside
	// the original text, which stays as it was signed (DOMAIN.md §6).
	Amendments []Amendment
	Settings   Settings
	Locked     bool // signed and locked; unlocked minutes print as a draft
	SignedAt   time.Time
}

// Guest is an invited delegate (đại biểu).
type Guest struct{ Name, Position string }

// AttendanceLines are the counts of PRINT.md §6, computed by the domain
// core (DOMAIN.md §5), plus the absentees by name.
type AttendanceLines struct {
	Total         int // members of the cell
	Full          int // full members (đảng viên chính thức)
	Probationary  int // probationary members (đảng viên dự bị)
	TempIn        int // temporarily registered here (sinh hoạt tạm thời)
	Exempt        int // exempt from meetings (miễn sinh hoạt)
	TempOut       int // temporarily registered elsewhere
	Present       int // required members present
	ExemptPresent int // exempt members who came anyway
	Excused       []NameReason
	Unexcused     []string
}

// NameReason is an absentee with the reason given.
type NameReason struct{ Name, Reason string }

// Item is one point of the agenda and its discussion.
type Item struct {
	Title      string
	Presenter  string
	Text       string // what was presented; blank lines separate paragraphs
	Speeches   []Speech
	Conclusion string // the chair's conclusion on this item
}

// Speech is one member's opinion, recorded by name (PRINT.md §6, S8).
type Speech struct{ Name, Text string }

// VoteLine is a vote as recorded. Passed is the domain core's verdict; the
// printout checks it again against 2 × Yes > Base (DOMAIN.md §5).
type VoteLine struct {
	Yes, No, Abstain, Base int
	Passed                 bool
	Reserved               []Reserved
}

// Reserved is a reserved opinion (bảo lưu ý kiến) of a member in the minority.
type Reserved struct{ Name, Text string }

// Amendment is a correction made after the minutes were locked.
type Amendment struct {
	At     time.Time
	Author string
	Reason string
	Text   string
}

// Settings are the organisation's choices among the layouts PRINT.md allows.
type Settings struct {
	// Margins is "default" (top 20, bottom 20, left 30, right 15 mm) or
	// "party2004" (25, 25, 35, 15 mm).
	Margins string
	// CompactAttendance prints attendance on one line instead of the
	// detailed lines of template S9.
	CompactAttendance bool
	// ChairLabel is "CHỦ TRÌ" (default) or "CHỦ TỌA".
	ChairLabel string
	// RegularLabel is "thường kỳ" (default) or "định kỳ" for a regular meeting.
	RegularLabel string
}

// MinuteBook is a cell's minutes of a year, printed as one book (sổ biên bản).
type MinuteBook struct {
	UpperBody, Body string
	Year            int
	Place           string
	Docs            []MinutesDoc
}

// ReportDoc is a review report (báo cáo sơ kết), PRINT.md §7.
type ReportDoc struct {
	UpperBody, Body, Number, Place string
	Date                           party.Date
	Title                          string // "BÁO CÁO"
	Summary                        string // "sơ kết 6 tháng đầu năm 2026"
	Parts                          []ReportPart
	SignFor, SignRole, Signer      string // "T/M ĐẢNG ỦY", "BÍ THƯ", the name
	Recipients                     []string
	Settings                       Settings // only Margins is used
}

// ReportPart is a part of a report: a heading in capitals ("I. KẾT QUẢ
// THỰC HIỆN"), then its paragraphs, tables and charts in that order. A
// short paragraph that starts with a number, such as "1. Ưu điểm", is an
// item heading and prints in bold.
type ReportPart struct {
	Heading    string
	Paragraphs []string
	Tables     []Table
	Charts     []Chart
}

// Table is a data table; the columns listed in NumericCols are numbers and
// are right-aligned. Numbers arrive formatted ("92,5%").
type Table struct {
	Caption     string
	Header      []string
	Rows        [][]string
	NumericCols []int
}

// Chart is a simple bar or line chart of one or more series.
type Chart struct {
	Title  string
	Labels []string
	Series []Series
	Kind   string // "bar" or "line"
}

// Series is one named row of values of a chart.
type Series struct {
	Name   string
	Values []float64
}
