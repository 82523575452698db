package docx

import (
	"encoding/xml"
	"math"
	"strings"
)

// builder accumulates XML text. Text and attribute values go through
// encoding/xml's escaping, which also replaces characters XML cannot hold.
type builder struct{ strings.Builder }

func (b *builder) raw(s string) { b.WriteString(s) }

func (b *builder) text(s string) { _ = xml.EscapeText(b, []byte(s)) }

func attr(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Twips converts millimetres to twentieths of a point, the unit of page
// setup, indents and table widths in WordprocessingML: 20 mm = 1134,
// 25 mm = 1417, 30 mm = 1701, 35 mm = 1984, 15 mm = 850 (PRINT.md §1).
func Twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// pointTwips converts points to twentieths of a point (paragraph spacing).
func pointTwips(pt float64) int { return int(math.Round(pt * 20)) }

// halfPoints converts a font size in points to half-points (14 pt = 28).
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// eighthPoints converts a border width in points to eighths of a point.
func eighthPoints(pt float64) int { return max(2, int(math.Round(pt*8))) }
