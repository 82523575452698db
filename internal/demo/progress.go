package demo

import (
	"fmt"
	"io"
	"strings"
	"time"

	"chibo/internal/vntext"
)

// bar is a progress bar on a terminal line, redrawn in place with \r at
// most ten times a second:
//
//	Đảng viên            [=========>                    ]  45%  4.050/9.000
//
// A nil bar (no writer) draws nothing.
type bar struct {
	w     io.Writer
	label string
	total int
	start time.Time
	last  time.Time
}

const (
	barWidth   = 30
	labelWidth = 20
	redraw     = 100 * time.Millisecond
)

func newBar(w io.Writer, label string, total int) *bar {
	if w == nil {
		return nil
	}
	b := &bar{w: w, label: label, total: total, start: time.Now()}
	b.draw(0)
	return b
}

// Set shows n of total done.
func (b *bar) Set(n int) {
	if b == nil {
		return
	}
	now := time.Now()
	if n < b.total && now.Sub(b.last) < redraw {
		return
	}
	b.last = now
	b.draw(n)
}

// Done draws the bar full and ends its line with the time it took.
func (b *bar) Done() {
	if b == nil {
		return
	}
	b.draw(b.total)
	fmt.Fprintf(b.w, "  %s s\n", vntext.Decimal(time.Since(b.start).Seconds(), 1))
}

func (b *bar) draw(n int) {
	n = min(n, b.total)
	fill, pct := barWidth, 100
	if b.total > 0 {
		fill, pct = n*barWidth/b.total, n*100/b.total
	}
	var s strings.Builder
	switch {
	case fill >= barWidth:
		s.WriteString(strings.Repeat("=", barWidth))
	default:
		s.WriteString(strings.Repeat("=", max(fill-1, 0)) + ">" + strings.Repeat(" ", barWidth-max(fill, 1)))
	}
	fmt.Fprintf(b.w, "\r%-*s [%s] %3d%%  %s/%s", labelWidth, b.label, s.String(), pct, vntext.Int(n), vntext.Int(b.total))
}
