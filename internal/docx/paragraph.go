package docx

import (
	"fmt"
	"strings"
)

// Align is the horizontal alignment of a paragraph or a table.
type Align int

const (
	Left Align = iota
	Center
	Right
	Justify
)

func (a Align) val() string {
	switch a {
	case Center:
		return "center"
	case Right:
		return "right"
	case Justify:
		return "both"
	}
	return "left"
}

// Paragraph is a paragraph of runs with its formatting. Indents are in mm,
// spacing before and after in points.
type Paragraph struct {
	Align                   Align
	IndentFirst             float64 // first-line indent, mm
	IndentLeft, IndentRight float64 // mm
	Before, After           float64 // points
	LineSpacing             float64 // multiple of single spacing (1.15); 0 means single
	LineExact               float64 // exact line height in points; overrides LineSpacing
	KeepNext                bool    // keep on the same page as the next paragraph
	KeepLines               bool    // do not split the paragraph across pages
	PageBreakBefore         bool
	BorderTop, BorderBottom *Border
	Runs                    []Run
}

// Border is a solid paragraph border line.
type Border struct {
	Width float64 // points
	Space float64 // gap to the text, points
}

// Run is a piece of text of one format. A "\n" in Text is a line break.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
	Size                    float64 // points; 0 means the document default
	Font                    string  // "" means the document default
}

// Text is a paragraph of one plain run.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }

func (p Paragraph) writeXML(b *builder) {
	p.pPr(b)
	for _, r := range p.Runs {
		r.writeXML(b)
	}
	b.raw(`</w:p>`)
}

// pPr opens the paragraph and writes its properties, in the order the
// schema requires (keepNext, keepLines, pageBreakBefore, pBdr, spacing, ind, jc).
func (p Paragraph) pPr(b *builder) {
	b.raw(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.raw(`<w:keepNext/>`)
	}
	if p.KeepLines {
		b.raw(`<w:keepLines/>`)
	}
	if p.PageBreakBefore {
		b.raw(`<w:pageBreakBefore/>`)
	}
	if p.BorderTop != nil || p.BorderBottom != nil {
		b.raw(`<w:pBdr>`)
		if p.BorderTop != nil {
			b.raw(p.BorderTop.xml("top"))
		}
		if p.BorderBottom != nil {
			b.raw(p.BorderBottom.xml("bottom"))
		}
		b.raw(`</w:pBdr>`)
	}
	line, rule := 240, "auto"
	switch {
	case p.LineExact > 0:
		line, rule = pointTwips(p.LineExact), "exact"
	case p.LineSpacing > 0:
		line = int(p.LineSpacing*240 + 0.5)
	}
	b.raw(fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="%s"/>`,
		pointTwips(p.Before), pointTwips(p.After), line, rule))
	if p.IndentFirst != 0 || p.IndentLeft != 0 || p.IndentRight != 0 {
		b.raw(fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"`, Twips(p.IndentLeft), Twips(p.IndentRight)))
		switch {
		case p.IndentFirst > 0:
			b.raw(fmt.Sprintf(` w:firstLine="%d"`, Twips(p.IndentFirst)))
		case p.IndentFirst < 0:
			b.raw(fmt.Sprintf(` w:hanging="%d"`, Twips(-p.IndentFirst)))
		}
		b.raw(`/>`)
	}
	b.raw(`<w:jc w:val="` + p.Align.val() + `"/>`)
	b.raw(`</w:pPr>`)
}

func (bd *Border) xml(side string) string {
	return fmt.Sprintf(`<w:%s w:val="single" w:sz="%d" w:space="%d" w:color="000000"/>`,
		side, eighthPoints(bd.Width), int(bd.Space+0.5))
}

func (r Run) writeXML(b *builder) {
	b.raw(`<w:r>`)
	r.rPr(b)
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.raw(`<w:br/>`)
		}
		if line == "" {
			continue
		}
		b.raw(`<w:t xml:space="preserve">`)
		b.text(line)
		b.raw(`</w:t>`)
	}
	b.raw(`</w:r>`)
}

func (r Run) rPr(b *builder) {
	if r.Font == "" && !r.Bold && !r.Italic && !r.Underline && r.Size == 0 {
		return
	}
	b.raw(`<w:rPr>`)
	if r.Font != "" {
		f := attr(r.Font)
		b.raw(`<w:rFonts w:ascii="` + f + `" w:hAnsi="` + f + `" w:cs="` + f + `" w:eastAsia="` + f + `"/>`)
	}
	if r.Bold {
		b.raw(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		b.raw(`<w:i/><w:iCs/>`)
	}
	if r.Size > 0 {
		hp := halfPoints(r.Size)
		b.raw(fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp))
	}
	if r.Underline {
		b.raw(`<w:u w:val="single"/>`)
	}
	b.raw(`</w:rPr>`)
}
