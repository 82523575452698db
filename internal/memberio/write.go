package memberio

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// exportKinds are the columns written, in order.
var exportKinds = []kind{
	kStt, kName, kGender, kBirth, kHometown, kEthnicity, kReligion, kIDNumber,
	kPhone, kEmail, kAddress, kCard, kDossier, kJoined, kOfficial, kOccupation, kNote,
}

// ExportColumns are the headings WriteCSV and WriteXLSX write: for each
// column the first heading the importer knows it by, so that an exported
// list imports back unchanged.
var ExportColumns = func() []string {
	out := make([]string, len(exportKinds))
	for i, k := range exportKinds {
		out[i] = headings[k][0]
	}
	return out
}()

// genderText is how lists write the gender.
var genderText = map[party.Gender]string{party.Nam: "Nam", party.Nu: "Nữ"}

// exportValue is one member's value for column k: dates as dd/mm/yyyy
// (member-list-columns.md §4), numbers as text.
func exportValue(k kind, n int, m party.Member) string {
	switch k {
	case kStt:
		return strconv.Itoa(n)
	case kName:
		return m.FullName
	case kGender:
		return genderText[m.Gender]
	case kBirth:
		return m.BirthDate.VN()
	case kHometown:
		return m.Hometown
	case kEthnicity:
		return m.Ethnicity
	case kReligion:
		return m.Religion
	case kIDNumber:
		return m.IDNumber
	case kPhone:
		return m.Phone
	case kEmail:
		return m.Email
	case kAddress:
		return m.Address
	case kCard:
		return m.CardNumber
	case kDossier:
		return m.DossierNo
	case kJoined:
		return m.JoinedOn.VN()
	case kOfficial:
		return m.OfficialOn.VN()
	case kOccupation:
		return m.Occupation
	case kNote:
		return m.Note
	}
	return ""
}

// WriteCSV writes members as CSV: UTF-8 with a byte order mark, so that
// Excel opens the Vietnamese text right; comma-separated, CRLF line ends.
// A cell that Excel would read as a formula gets an apostrophe in front
// (CSV injection); Parse removes it.
func WriteCSV(w io.Writer, ms []party.Member) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(ExportColumns); err != nil {
		return err
	}
	rec := make([]string, len(exportKinds))
	for i, m := range ms {
		for c, k := range exportKinds {
			rec[c] = escapeFormula(vntext.NFC(exportValue(k, i+1, m)))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func escapeFormula(s string) string {
	if s != "" && (s[0] == '\'' || containsByte(formulaStart, s[0])) {
		return "'" + s
	}
	return s
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// sheetName is the worksheet WriteXLSX writes.
const sheetName = "Đảng viên"

// WriteXLSX writes members as an Excel workbook: a bold heading row kept
// in view, dates as real dates shown dd/mm/yyyy, and the card, dossier, ID
// and phone numbers as text cells in text-formatted columns, so that their
// leading zeros survive editing.
func WriteXLSX(w io.Writer, ms []party.Member) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
	})
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	dateFormat := "dd/mm/yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	for c, k := range exportKinds {
		if err := sw.SetColWidth(c+1, c+1, columnWidth(k)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(ExportColumns))
	for c, h := range ExportColumns {
		head[c] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := make([]any, len(exportKinds))
	for i, m := range ms {
		for c, k := range exportKinds {
			row[c] = xlsxValue(k, i+1, m, textStyle, dateStyle)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

func xlsxValue(k kind, n int, m party.Member, textStyle, dateStyle int) any {
	var d party.Date
	switch k {
	case kStt:
		return n
	case kBirth:
		d = m.BirthDate
	case kJoined:
		d = m.JoinedOn
	case kOfficial:
		d = m.OfficialOn
	case kIDNumber, kPhone, kCard, kDossier:
		return excelize.Cell{StyleID: textStyle, Value: vntext.NFC(exportValue(k, n, m))}
	default:
		return vntext.NFC(exportValue(k, n, m))
	}
	if d.IsZero() {
		return excelize.Cell{StyleID: dateStyle}
	}
	return excelize.Cell{StyleID: dateStyle, Value: excelSerial(d)}
}

// excelSerial is the Excel 1900-system serial of a date (the inverse of
// excelDate): days since 30/12/1899, one less before 01/03/1900.
func excelSerial(d party.Date) int {
	n := party.D(1899, 12, 30).DaysUntil(d)
	if n <= 60 {
		n--
	}
	return n
}

func columnWidth(k kind) float64 {
	switch k {
	case kStt:
		return 5
	case kName, kAddress, kNote:
		return 28
	case kHometown, kOccupation, kEmail:
		return 20
	}
	return 14
}
