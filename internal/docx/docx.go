// Package docx writes Word documents (Office Open XML, .docx) of the small
// kind Chibo prints: one section on one paper size, paragraphs of formatted
// runs, tables, and page numbers in the header. No maintained Go library
// exists (DESIGN.md, Dependencies), so this package is our own, on
// archive/zip and encoding/xml. It knows nothing of minutes or reports.
//
// Lengths are in millimetres and font sizes in points, as a printed layout
// is specified; the package converts them to twips and half-points.
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
)

// Document is one .docx file: a single section with its page setup, default
// font and the blocks of its body, in order.
type Document struct {
	Page Page
	// Font and Size are the defaults of every run (docDefaults in styles.xml).
	Font string
	Size float64
	// Lang is the proofing language of the text, such as "vi-VN".
	Lang string
	// PageNumbers, when set, puts the page number in the header.
	PageNumbers *PageNumbers
	// FirstPageHeader is shown in the header of page 1 only; it needs
	// PageNumbers with SkipFirst (Word's "different first page").
	FirstPageHeader []Paragraph
	// Title and Created go into the document properties. A fixed Created
	// also fixes the zip timestamps, so the same input gives the same bytes.
	Title   string
	Created time.Time

	body []Block
}

// Page is the paper size and margins, in millimetres. Header is the
// distance from the top edge to the header text, Footer likewise.
type Page struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
	Header, Footer           float64
}

// A4 is portrait A4 (210 × 297 mm) with the given margins and the header
// 10 mm from the top edge.
func A4(top, bottom, left, right float64) Page {
	return Page{Width: 210, Height: 297, Top: top, Bottom: bottom, Left: left, Right: right, Header: 10, Footer: 10}
}

// TextWidth is the width between the left and right margins, in mm.
func (p Page) TextWidth() float64 { return p.Width - p.Left - p.Right }

// PageNumbers puts the page number (a PAGE field) in the header.
type PageNumbers struct {
	Size  float64 // points; 0 means the document's size
	Align Align
	// SkipFirst leaves page 1 without a number (Word's "different first page").
	SkipFirst bool
}

// Block is a part of the body: a Paragraph, a Table or a PageBreak.
type Block interface{ writeXML(b *builder) }

// PageBreak starts a new page. Prefer Paragraph.PageBreakBefore on the next
// paragraph, which does not leave an empty paragraph at the top of the page.
type PageBreak struct{}

// Add appends blocks to the body.
func (d *Document) Add(blocks ...Block) { d.body = append(d.body, blocks...) }

// Write writes the document as a .docx (zip) file.
func (d *Document) Write(w io.Writer) error {
	created := d.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	hasHeader := d.PageNumbers != nil
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(hasHeader)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.coreXML(created)},
		{"docProps/app.xml", appXML},
		{"word/_rels/document.xml.rels", documentRels(hasHeader)},
		{"word/document.xml", d.documentXML()},
		{"word/styles.xml", d.stylesXML()},
		{"word/settings.xml", settingsXML},
	}
	if hasHeader {
		parts = append(parts,
			struct{ name, body string }{"word/header1.xml", d.pageNumberHeaderXML()},
			struct{ name, body string }{"word/header2.xml", headerXML(d.FirstPageHeader)})
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: created})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return err
		}
	}
	return z.Close()
}

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

func contentTypes(header bool) string {
	var b strings.Builder
	b.WriteString(xmlPI)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`)
	b.WriteString(`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`)
	b.WriteString(`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`)
	if header {
		for _, h := range []string{"header1", "header2"} {
			b.WriteString(`<Override PartName="/word/` + h + `.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
		}
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	b.WriteString(`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Chibo</Application></Properties>`

func documentRels(header bool) string {
	s := xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`
	if header {
		s += `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>`
	}
	return s + `</Relationships>`
}

// settingsXML asks for Word 2013+ layout (compatibility mode 15), so that
// Word does not fall back to the quirks of older versions.
const settingsXML = xmlPI + `<w:settings ` + nsW + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

func (d *Document) coreXML(created time.Time) string {
	var b builder
	b.raw(xmlPI)
	b.raw(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	if d.Title != "" {
		b.raw(`<dc:title>`)
		b.text(d.Title)
		b.raw(`</dc:title>`)
	}
	stamp := created.UTC().Format("2006-01-02T15:04:05Z")
	b.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.raw(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.raw(`</cp:coreProperties>`)
	return b.String()
}

func (d *Document) stylesXML() string {
	var b builder
	b.raw(xmlPI)
	b.raw(`<w:styles ` + nsW + `><w:docDefaults><w:rPrDefault><w:rPr>`)
	if d.Font != "" {
		f := attr(d.Font)
		b.raw(`<w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:cs="` + f + `" w:eastAsia="` + f + `"/>`)
	}
	if d.Size > 0 {
		hp := halfPoints(d.Size)
		b.raw(fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp))
	}
	if d.Lang != "" {
		b.raw(`<w:lang w:val="` + attr(d.Lang) + `"/>`)
	}
	// Widow and orphan control is on by default, as in Word's Normal style.
	b.raw(`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.raw(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.raw(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.raw(`</w:styles>`)
	return b.String()
}

func (d *Document) documentXML() string {
	var b builder
	b.raw(xmlPI)
	b.raw(`<w:document ` + nsW + ` ` + nsR + `><w:body>`)
	for _, bl := range d.body {
		bl.writeXML(&b)
	}
	// A body must end with a paragraph (Word repairs the file otherwise).
	// Keep it one point high so it never pushes a new page.
	if len(d.body) == 0 {
		b.raw(`<w:p/>`)
	} else if _, ok := d.body[len(d.body)-1].(Table); ok {
		b.raw(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`)
	}
	d.sectPr(&b)
	b.raw(`</w:body></w:document>`)
	return b.String()
}

func (d *Document) sectPr(b *builder) {
	p := d.Page
	b.raw(`<w:sectPr>`)
	if d.PageNumbers != nil {
		b.raw(`<w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`)
	}
	b.raw(fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, Twips(p.Width), Twips(p.Height)))
	b.raw(fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		Twips(p.Top), Twips(p.Right), Twips(p.Bottom), Twips(p.Left), Twips(p.Header), Twips(p.Footer)))
	if d.PageNumbers != nil && d.PageNumbers.SkipFirst {
		b.raw(`<w:titlePg/>`)
	}
	b.raw(`</w:sectPr>`)
}

// pageNumberHeaderXML is the header of every page but (with SkipFirst) the
// first: a paragraph holding the PAGE field.
func (d *Document) pageNumberHeaderXML() string {
	pn := d.PageNumbers
	var b builder
	b.raw(xmlPI)
	b.raw(`<w:hdr ` + nsW + ` ` + nsR + `>`)
	p := Paragraph{Align: pn.Align}
	p.pPr(&b)
	rpr := func() {
		if pn.Size > 0 {
			hp := halfPoints(pn.Size)
			b.raw(fmt.Sprintf(`<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, hp, hp))
		}
	}
	for _, part := range []string{`<w:fldChar w:fldCharType="begin"/>`, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`,
		`<w:fldChar w:fldCharType="separate"/>`, `<w:t>2</w:t>`, `<w:fldChar w:fldCharType="end"/>`} {
		b.raw(`<w:r>`)
		rpr()
		b.raw(part + `</w:r>`)
	}
	b.raw(`</w:p></w:hdr>`)
	return b.String()
}

// headerXML is a header made of the given paragraphs (possibly none).
func headerXML(ps []Paragraph) string {
	var b builder
	b.raw(xmlPI)
	b.raw(`<w:hdr ` + nsW + ` ` + nsR + `>`)
	for i := range ps {
		ps[i].writeXML(&b)
	}
	if len(ps) == 0 {
		b.raw(`<w:p/>`)
	}
	b.raw(`</w:hdr>`)
	return b.String()
}

func (PageBreak) writeXML(b *builder) {
	b.raw(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}
