package memberio

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"chibo/internal/party"
)

// The XLSX reader is Chibo's own: it reads only what a member list needs
// (the sheets, shared strings, cell values and whether a cell is a number)
// and is about ten times faster than going through excelize, which stays
// for writing. Dates come as the serial numbers stored in the cells, never
// formatted: a format like m/d/yy would turn them month first with
// two-digit years.

// parseXLSX reads the first worksheet that has a heading row, starting
// with the sheet the workbook opens on.
func parseXLSX(data []byte, filename string, opt Options) (res Result, err error) {
	// A zip bomb: a workbook may unpack to 20 times its size, not more.
	book, err := openBook(data, opt.maxBytes()*20)
	switch {
	case errors.Is(err, errUnzipLimit):
		return Result{}, party.Errorf(party.ETooLarge, "import.too_large", filename, mebibytes(opt.maxBytes()))
	case err != nil:
		return Result{}, party.Invalid("import.xlsx_broken", filename)
	}
	empty := true
	for _, sh := range book.sheetOrder() {
		t, more, err := book.readSheet(sh, opt.maxRows()+headingSearchRows+10)
		switch {
		case errors.Is(err, errUnzipLimit):
			return Result{}, party.Errorf(party.ETooLarge, "import.too_large", filename, mebibytes(opt.maxBytes()))
		case err != nil:
			return Result{}, party.Invalid("import.xlsx_broken", filename)
		case more:
			return Result{}, party.Errorf(party.ETooLarge, "import.too_many_rows", filename, opt.maxRows())
		case len(t.rows) == 0:
			continue
		}
		empty = false
		res := Result{Format: "xlsx", Sheet: sh.name}
		err = parseTable(t, filename, opt, &res)
		if isNoHeading(err) {
			continue
		}
		if err != nil {
			return Result{}, err
		}
		return res, nil
	}
	if empty {
		return Result{}, party.Invalid("import.empty", filename)
	}
	return Result{}, noHeading(filename)
}

var errUnzipLimit = errors.New("memberio: workbook unpacks too large")

// book is an opened workbook.
type book struct {
	files    map[string]*zip.File // by lower-case part name
	budget   int64                // bytes still allowed to unpack
	sheets   []sheetRef
	active   int
	date1904 bool
	shared   []string
}

type sheetRef struct{ name, part string }

func openBook(data []byte, maxUnzip int64) (*book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	b := &book{files: map[string]*zip.File{}, budget: maxUnzip}
	for _, f := range zr.File {
		b.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	wbPart := "xl/workbook.xml"
	if rels, err := b.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPart = r.target
			}
		}
	}
	var wb workbookXML
	if err := b.unmarshal(wbPart, &wb); err != nil {
		return nil, err
	}
	b.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	if len(wb.Views) > 0 {
		b.active = wb.Views[0].ActiveTab
	}
	rels, err := b.rels(path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels"), path.Dir(wbPart))
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.ID] = r.target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			if b.shared, err = b.sharedStrings(r.target); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && byID[a.Value] != "" {
				b.sheets = append(b.sheets, sheetRef{s.Name, byID[a.Value]})
			}
		}
	}
	if len(b.sheets) == 0 {
		return nil, errors.New("memberio: workbook without worksheets")
	}
	return b, nil
}

// sheetOrder is the sheet the workbook opens on, then the others in order.
func (b *book) sheetOrder() []sheetRef {
	if b.active <= 0 || b.active >= len(b.sheets) {
		return b.sheets
	}
	out := []sheetRef{b.sheets[b.active]}
	out = append(out, b.sheets[:b.active]...)
	return append(out, b.sheets[b.active+1:]...)
}

// part reads a part of the package within the unpacking budget.
func (b *book) part(name string) ([]byte, error) {
	f, ok := b.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, errors.New("memberio: missing part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, b.budget+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > b.budget {
		return nil, errUnzipLimit
	}
	b.budget -= int64(len(data))
	return data, nil
}

func (b *book) unmarshal(name string, v any) error {
	data, err := b.part(name)
	if err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

type workbookXML struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Views []struct {
		ActiveTab int `xml:"activeTab,attr"`
	} `xml:"bookViews>workbookView"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"` // r:id, in whichever namespace
	} `xml:"sheets>sheet"`
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
	target string // resolved part name
}

// rels reads a relationships part; targets are resolved against dir.
func (b *book) rels(name, dir string) ([]relationship, error) {
	var r struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := b.unmarshal(name, &r); err != nil {
		return nil, err
	}
	out := r.Rels[:0]
	for _, rel := range r.Rels {
		if rel.Mode == "External" {
			continue
		}
		if strings.HasPrefix(rel.Target, "/") {
			rel.target = strings.TrimPrefix(rel.Target, "/")
		} else {
			rel.target = path.Join(dir, rel.Target)
		}
		out = append(out, rel)
	}
	return out, nil
}

// sharedStrings reads the shared string table: each <si> is the text of
// its <t> elements, rich-text runs joined, phonetic guides (<rPh>) left out.
func (b *book) sharedStrings(name string) ([]string, error) {
	data, err := b.part(name)
	if err != nil {
		return nil, err
	}
	var out []string
	var cur strings.Builder
	inSI, inT, phonetic := false, false, 0
	s := xmlScanner{b: data}
	for {
		t, err := s.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case xmlEOF:
			return out, nil
		case xmlStart:
			switch {
			case t.is("si"):
				inSI = true
				cur.Reset()
				if t.empty {
					out = append(out, "")
					inSI = false
				}
			case t.is("rPh"):
				if !t.empty {
					phonetic++
				}
			case t.is("t") && !t.empty:
				inT = true
			}
		case xmlEnd:
			switch {
			case t.is("si") && inSI:
				out = append(out, unescapeOOXML(cur.String()))
				inSI = false
			case t.is("rPh"):
				phonetic--
			case t.is("t"):
				inT = false
			}
		case xmlText:
			if inSI && inT && phonetic == 0 {
				cur.WriteString(t.textOf())
			}
		}
	}
}

// readSheet reads a worksheet's cells as stored. more reports non-blank
// rows beyond limit.
func (b *book) readSheet(sh sheetRef, limit int) (*table, bool, error) {
	data, err := b.part(sh.part)
	if err != nil {
		return nil, false, err
	}
	t := &table{date1904: b.date1904}
	var isNum [][]bool
	t.numeric = func(i, c int) bool { return c < len(isNum[i]) && isNum[i][c] }

	var (
		s                 = xmlScanner{b: data}
		inData            bool
		rowNum            int
		cells             []string
		nums              []bool
		col               int    // 1-based column of the current cell
		typ               string // the cell's t attribute
		val               strings.Builder
		inV, inIS, inT    bool
		phonetic, formula int
	)
	for {
		tok, err := s.next()
		if err != nil {
			return nil, false, err
		}
		switch tok.kind {
		case xmlEOF:
			return t, false, nil
		case xmlStart:
			switch {
			case tok.is("sheetData"):
				inData = !tok.empty
			case !inData:
			case tok.is("row"):
				rowNum = refOr(tok.attrs, "r", rowNum+1, parseRowNum)
				cells, nums, col = nil, nil, 0
			case tok.is("c"):
				col = refOr(tok.attrs, "r", col+1, parseColumn)
				typ, _ = attr(tok.attrs, "t")
				val.Reset()
			case tok.is("v"):
				inV = !tok.empty
			case tok.is("is"):
				inIS = !tok.empty
			case tok.is("t") && inIS:
				inT = !tok.empty
			case tok.is("rPh"):
				if !tok.empty {
					phonetic++
				}
			case tok.is("f"):
				if !tok.empty {
					formula++
				}
			}
		case xmlText:
			if (inV || (inIS && inT && phonetic == 0)) && formula == 0 {
				val.WriteString(tok.textOf())
			}
		case xmlEnd:
			switch {
			case tok.is("sheetData"):
				return t, false, nil
			case !inData:
			case tok.is("v"):
				inV = false
			case tok.is("t"):
				inT = false
			case tok.is("is"):
				inIS = false
			case tok.is("rPh"):
				phonetic--
			case tok.is("f"):
				formula--
			case tok.is("c"):
				v, numeric, err := b.cellValue(typ, val.String())
				if err != nil {
					return nil, false, err
				}
				if v != "" && col >= 1 && col <= maxColumns {
					for len(cells) < col {
						cells, nums = append(cells, ""), append(nums, false)
					}
					cells[col-1], nums[col-1] = v, numeric
				}
			case tok.is("row"):
				if blankRecord(cells) {
					continue
				}
				if len(t.rows) == limit {
					return t, true, nil
				}
				t.rows, t.nums, isNum = append(t.rows, cells), append(t.nums, rowNum), append(isNum, nums)
			}
		}
	}
}

// cellValue turns a cell's stored value into text by its type: a shared
// string index, an inline string, or a value as written; numeric tells a
// number cell.
func (b *book) cellValue(typ, v string) (string, bool, error) {
	switch typ {
	case "s":
		if strings.TrimSpace(v) == "" {
			return "", false, nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(b.shared) {
			return "", false, errors.New("memberio: bad shared string index")
		}
		return b.shared[i], false, nil
	case "inlineStr":
		return unescapeOOXML(v), false, nil
	case "str", "e", "b", "d":
		return v, false, nil
	}
	return strings.TrimSpace(v), true, nil
}

// refOr reads a cell or row reference attribute, or returns dflt when it
// is missing or unreadable.
func refOr(attrs []byte, name string, dflt int, parse func(string) (int, bool)) int {
	if s, ok := attr(attrs, name); ok {
		if n, ok := parse(s); ok {
			return n
		}
	}
	return dflt
}

func parseRowNum(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0 && n <= 1<<20
}

// parseColumn reads the column of a cell reference: "AB12" → 28.
func parseColumn(ref string) (int, bool) {
	n := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
		if n > 1<<14 {
			return 0, false
		}
	}
	return n, n > 0
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot hold (_x000D_ for a carriage return); _x005F_ escapes "_".
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || i+7 > len(s) || s[i+6] != '_' {
			if i < 0 {
				out.WriteString(s)
				return out.String()
			}
			out.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			out.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		out.WriteString(s[:i])
		out.WriteRune(rune(n))
		s = s[i+7:]
	}
}
