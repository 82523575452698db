package printing

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ttf is what this package reads from a TrueType font: the character map
// (which letters have a glyph) and the advance widths and vertical metrics
// used to lay text out. It exists because a PDF's extracted text proves
// nothing about glyphs (DESIGN.md, Known traps): coverage is checked here,
// in the font itself.
type ttf struct {
	unitsPerEm               int
	ascent, descent, lineGap int // hhea, in font units; descent is negative
	glyphs                   map[rune]uint16
	advances                 []uint16 // by glyph index; the last repeats (hmtx)
}

var errTTF = errors.New("ttf: malformed font")

// maxMappings bounds the work a malformed cmap can ask for; a real font
// maps a few thousand characters.
const maxMappings = 1 << 20

// parseTTF reads the tables it needs from a TrueType font file.
func parseTTF(b []byte) (*ttf, error) {
	if len(b) < 12 {
		return nil, errTTF
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 { // 1.0 or 'true'
		return nil, fmt.Errorf("ttf: not a TrueType font (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errTTF
		}
		tag := string(b[rec : rec+4])
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		size := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || size < 0 || off > len(b) || size > len(b)-off {
			return nil, fmt.Errorf("ttf: table %q out of bounds", tag)
		}
		tables[tag] = b[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("ttf: no %s table", tag)
		}
	}
	f := &ttf{}
	head, hhea := tables["head"], tables["hhea"]
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errTTF
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	if f.unitsPerEm == 0 {
		return nil, errTTF
	}
	f.ascent = int(int16(binary.BigEndian.Uint16(hhea[4:])))
	f.descent = int(int16(binary.BigEndian.Uint16(hhea[6:])))
	f.lineGap = int(int16(binary.BigEndian.Uint16(hhea[8:])))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := tables["hmtx"]
	if nh == 0 || 4*nh > len(hmtx) {
		return nil, errTTF
	}
	f.advances = make([]uint16, nh)
	for i := range nh {
		f.advances[i] = binary.BigEndian.Uint16(hmtx[4*i:])
	}
	var err error
	if f.glyphs, err = parseCmap(tables["cmap"]); err != nil {
		return nil, err
	}
	return f, nil
}

// parseCmap reads the Unicode subtable of a cmap: format 12 (full Unicode)
// when present, else format 4 (the Basic Multilingual Plane).
func parseCmap(c []byte) (map[rune]uint16, error) {
	if len(c) < 4 {
		return nil, errTTF
	}
	n := int(binary.BigEndian.Uint16(c[2:]))
	best, bestRank := -1, 0
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(c) {
			return nil, errTTF
		}
		platform := binary.BigEndian.Uint16(c[rec:])
		encoding := binary.BigEndian.Uint16(c[rec+2:])
		off := int(binary.BigEndian.Uint32(c[rec+4:]))
		if off < 0 || off+2 > len(c) {
			continue
		}
		format := binary.BigEndian.Uint16(c[off:])
		rank := 0
		switch {
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0):
			rank = 3
		case format == 4 && platform == 3 && encoding == 1:
			rank = 2
		case format == 4 && platform == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil, errors.New("ttf: no Unicode cmap subtable")
	}
	if binary.BigEndian.Uint16(c[best:]) == 12 {
		return cmapFormat12(c[best:])
	}
	return cmapFormat4(c[best:])
}

func cmapFormat4(t []byte) (map[rune]uint16, error) {
	if len(t) < 14 {
		return nil, errTTF
	}
	segX2 := int(binary.BigEndian.Uint16(t[6:]))
	ends, starts := 14, 16+segX2
	deltas, rangeOffs := starts+segX2, starts+2*segX2
	if rangeOffs+segX2 > len(t) {
		return nil, errTTF
	}
	m := map[rune]uint16{}
	work := 0
	for s := 0; s < segX2; s += 2 {
		end := int(binary.BigEndian.Uint16(t[ends+s:]))
		start := int(binary.BigEndian.Uint16(t[starts+s:]))
		delta := binary.BigEndian.Uint16(t[deltas+s:])
		ro := int(binary.BigEndian.Uint16(t[rangeOffs+s:]))
		if work += max(end-start+1, 0); work > maxMappings {
			return nil, errTTF
		}
		for c := start; c <= end && c != 0xFFFF; c++ {
			var g uint16
			if ro == 0 {
				g = uint16(c) + delta
			} else {
				at := rangeOffs + s + ro + 2*(c-start)
				if at+2 > len(t) {
					return nil, errTTF
				}
				if g = binary.BigEndian.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				m[rune(c)] = g
			}
		}
	}
	return m, nil
}

func cmapFormat12(t []byte) (map[rune]uint16, error) {
	if len(t) < 16 {
		return nil, errTTF
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if n < 0 || n > (len(t)-16)/12 {
		return nil, errTTF
	}
	m := map[rune]uint16{}
	work := 0
	for i := range n {
		g := t[16+12*i:]
		start := binary.BigEndian.Uint32(g)
		end := binary.BigEndian.Uint32(g[4:])
		gid := binary.BigEndian.Uint32(g[8:])
		if end < start || end > 0x10FFFF || end-start > 0xFFFF {
			return nil, errTTF
		}
		if work += int(end-start) + 1; work > maxMappings {
			return nil, errTTF
		}
		for c := start; c <= end; c++ {
			if id := gid + (c - start); id != 0 && id <= 0xFFFF {
				m[rune(c)] = uint16(id)
			}
		}
	}
	return m, nil
}

// has reports whether the font has a glyph for r.
func (f *ttf) has(r rune) bool { _, ok := f.glyphs[r]; return ok }

// advance is the advance width of r in font units (the .notdef glyph's
// width when r has no glyph).
func (f *ttf) advance(r rune) int {
	g := int(f.glyphs[r])
	if g >= len(f.advances) {
		g = len(f.advances) - 1
	}
	return int(f.advances[g])
}

// width is the advance width of s set at size points, in points.
func (f *ttf) width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += f.advance(r)
	}
	return float64(units) * size / float64(f.unitsPerEm)
}

// lineHeight is single line spacing at size points, in points: ascent plus
// descent plus line gap, as Word and LibreOffice compute it (for Times New
// Roman and Liberation Serif, 1.15 em).
func (f *ttf) lineHeight(size float64) float64 {
	return float64(f.ascent-f.descent+f.lineGap) * size / float64(f.unitsPerEm)
}

// ascender is the height of the ascent above the baseline, in points.
func (f *ttf) ascender(size float64) float64 {
	return float64(f.ascent) * size / float64(f.unitsPerEm)
}
