package printing

import (
	"embed"
	"fmt"
	"sync"
)

// The fonts are Liberation Serif 2.1.5, metric-compatible with Times New
// Roman and covering every Vietnamese letter (PRINT.md §1), under the SIL
// Open Font License 1.1 (fonts/LICENSE).
//
//go:embed fonts/LiberationSerif-Regular.ttf fonts/LiberationSerif-Bold.ttf fonts/LiberationSerif-Italic.ttf fonts/LiberationSerif-BoldItalic.ttf fonts/LICENSE
var fontFiles embed.FS

// style is a face of the family: "", "B", "I" or "BI", as fpdf names them.
type style string

const (
	regular    style = ""
	bold       style = "B"
	italic     style = "I"
	boldItalic style = "BI"
)

var styles = [...]style{regular, bold, italic, boldItalic}

var styleFile = map[style]string{
	regular:    "fonts/LiberationSerif-Regular.ttf",
	bold:       "fonts/LiberationSerif-Bold.ttf",
	italic:     "fonts/LiberationSerif-Italic.ttf",
	boldItalic: "fonts/LiberationSerif-BoldItalic.ttf",
}

// face is one style's file and its parsed metrics.
type face struct {
	bytes []byte
	*ttf
}

// faces are read and parsed once per process; every document shares them.
var faces = sync.OnceValues(func() (map[style]*face, error) {
	m := map[style]*face{}
	for _, s := range styles {
		b, err := fontFiles.ReadFile(styleFile[s])
		if err != nil {
			return nil, err
		}
		t, err := parseTTF(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", styleFile[s], err)
		}
		m[s] = &face{bytes: b, ttf: t}
	}
	return m, nil
})
