package printing

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"chibo/internal/vntext"
)

// MinuteBookPDF writes a cell's minutes of a year as one book (sổ biên
// bản, DOMAIN.md §6): a cover, a table of contents (date, meeting, page),
// then each minutes from a new page. Pages are numbered from page 2. The
// book takes the margins of its first minutes.
func MinuteBookPDF(w io.Writer, b MinuteBook) error {
	fs, err := faces()
	if err != nil {
		return err
	}
	m := marginsFor("")
	if len(b.Docs) > 0 {
		m = marginsFor(b.Docs[0].Settings.Margins)
	}
	// The contents list the page each minutes starts on, which is known
	// only after pagination: lay the book out with placeholders, then again
	// with the pages found, until they agree (the contents' height does not
	// depend on the numbers, so the second pass settles it).
	var starts []int
	for pass := 0; ; pass++ {
		doc := bookDocument(b, fs, m, starts)
		pages := paginate(units(doc.blocks, m, fs), m.top, pageHeight-m.bottom)
		found := entryPages(pages, len(b.Docs))
		if slices.Equal(found, starts) || pass == 3 {
			return drawPages(w, doc, fs, pages)
		}
		starts = found
	}
}

// entryPages is the page (1-based) on which each entry of the book starts.
func entryPages(pages [][]placed, n int) []int {
	out := make([]int, n)
	for i, pg := range pages {
		for _, p := range pg {
			if e := p.u.mark.entry; e > 0 && e <= n && out[e-1] == 0 {
				out[e-1] = i + 1
			}
		}
	}
	return out
}

func bookDocument(b MinuteBook, fs map[style]*face, m margins, starts []int) document {
	tw := m.textWidth()
	doc := document{margins: m, title: capitalized(strings.ToLower(wBookTitle + " " + fmt.Sprintf(wBookSubtitle, b.Year)))}
	if len(b.Docs) > 0 {
		doc.created = minutesTime(b.Docs[len(b.Docs)-1])
	} else {
		doc.created = minutesTime(MinutesDoc{})
	}
	add := func(bs ...block) { doc.blocks = append(doc.blocks, bs...) }

	// Cover.
	add(headerBlock(upper(b.UpperBody), upper(b.Body), "", "", tw, fs))
	t := centred(wBookTitle, bold, 26)
	t.before = 200 // points: the title stands in the upper third of the page
	add(t)
	sub := centred(fmt.Sprintf(wBookSubtitle, b.Year), bold, 18)
	sub.before = 12
	add(sub)
	if place := placeYear(b.Place, b.Year); place != "" {
		p := centred(place, italic, bodySize)
		p.before = 260
		add(p)
	}

	// Contents.
	h := centred(wContents, bold, bodySize)
	h.newPage, h.after = true, 12
	add(h)
	toc := Table{Header: []string{wColNo, wColDate, wColMeeting, wColPage}, NumericCols: []int{0, 3}}
	for i, d := range b.Docs {
		page := "000" // a placeholder as wide as a page number, until pagination
		if i < len(starts) && starts[i] > 0 {
			page = strconv.Itoa(starts[i])
		}
		toc.Rows = append(toc.Rows, []string{strconv.Itoa(i + 1), d.Date.VN(), capitalized(meetingPhrase(d)), page})
	}
	add(tableBlocks(toc, tw, fs)...)

	// The minutes, each from a new page.
	for i, d := range b.Docs {
		bs := minutesBlocks(d, fs, m, i+1)
		if g, ok := bs[0].(grid); ok {
			g.newPage = true
			bs[0] = g
		}
		add(bs...)
	}
	return doc
}

func placeYear(place string, year int) string {
	if place = vntext.Clean(place); place == "" {
		return ""
	}
	return fmt.Sprintf(wBookPlace, place, year)
}
