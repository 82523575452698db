package ical

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A tiny reader of what Write produces, written independently of it: it
// unfolds, splits components, unescapes TEXT and resolves TZID through the
// feed's own VTIMEZONE, the way a phone would.

type component struct {
	name     string
	props    []property
	children []*component
}

type property struct {
	name   string
	params map[string]string
	value  string
}

// unfold undoes RFC 5545 folding: a CRLF followed by a space or tab is removed.
func unfold(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.ReplaceAll(s, "\r\n\t", "")
}

func parseICS(t testing.TB, s string) *component {
	t.Helper()
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("stream does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(unfold(s), "\r\n"), "\r\n")
	root := &component{}
	stack := []*component{root}
	for _, line := range lines {
		head, value, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("line without colon: %q", line)
		}
		parts := strings.Split(head, ";")
		p := property{name: parts[0], params: map[string]string{}, value: value}
		for _, kv := range parts[1:] {
			k, v, _ := strings.Cut(kv, "=")
			p.params[k] = v
		}
		top := stack[len(stack)-1]
		switch p.name {
		case "BEGIN":
			c := &component{name: value}
			top.children = append(top.children, c)
			stack = append(stack, c)
		case "END":
			if top.name != value {
				t.Fatalf("END:%s closes BEGIN:%s", value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 1 || len(root.children) != 1 || root.children[0].name != "VCALENDAR" {
		t.Fatalf("not one balanced VCALENDAR")
	}
	return root.children[0]
}

func (c *component) get(name string) (property, bool) {
	for _, p := range c.props {
		if p.name == name {
			return p, true
		}
	}
	return property{}, false
}

func (c *component) value(name string) string {
	p, _ := c.get(name)
	return p.value
}

func (c *component) all(name string) []*component {
	var out []*component
	for _, ch := range c.children {
		if ch.name == name {
			out = append(out, ch)
		}
	}
	return out
}

func unescape(t testing.TB, s string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i == len(s) {
			t.Fatalf("dangling backslash in %q", s)
		}
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',':
			b.WriteByte(s[i])
		default:
			t.Fatalf("bad escape \\%c in %q", s[i], s)
		}
	}
	return b.String()
}

// zones reads every VTIMEZONE's fixed offset.
func zones(t testing.TB, cal *component) map[string]*time.Location {
	t.Helper()
	out := map[string]*time.Location{}
	for _, tz := range cal.all("VTIMEZONE") {
		std := tz.all("STANDARD")
		if len(std) != 1 || len(tz.all("DAYLIGHT")) != 0 {
			t.Fatalf("VTIMEZONE %s: want one STANDARD and no DAYLIGHT", tz.value("TZID"))
		}
		from, to := std[0].value("TZOFFSETFROM"), std[0].value("TZOFFSETTO")
		if from != to {
			t.Fatalf("offset changes from %s to %s", from, to)
		}
		off, err := time.Parse("-0700", to)
		if err != nil {
			t.Fatal(err)
		}
		_, secs := off.Zone()
		out[tz.value("TZID")] = time.FixedZone(tz.value("TZID"), secs)
	}
	return out
}

func parseTime(t testing.TB, p property, tz map[string]*time.Location) time.Time {
	t.Helper()
	var (
		v   time.Time
		err error
	)
	if id, ok := p.params["TZID"]; ok {
		loc := tz[id]
		if loc == nil {
			t.Fatalf("%s: TZID %s has no VTIMEZONE", p.name, id)
		}
		v, err = time.ParseInLocation("20060102T150405", p.value, loc)
	} else {
		v, err = time.Parse("20060102T150405Z", p.value)
	}
	if err != nil {
		t.Fatalf("%s: %v", p.name, err)
	}
	return v
}

var durationRE = regexp.MustCompile(`^-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// parseBefore reads a TRIGGER such as -P1DT2H as the time before the start.
func parseBefore(t testing.TB, s string) time.Duration {
	t.Helper()
	m := durationRE.FindStringSubmatch(s)
	if m == nil || s == "-P" || strings.HasSuffix(s, "T") {
		t.Fatalf("bad TRIGGER %q", s)
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+1] != "" {
			n, _ := strconv.Atoi(m[i+1])
			d += time.Duration(n) * unit
		}
	}
	return d
}

// readEvents reads back the events of a stream as Events.
func readEvents(t testing.TB, s string) (Calendar, *component) {
	t.Helper()
	cal := parseICS(t, s)
	tz := zones(t, cal)
	out := Calendar{
		Name:        unescape(t, cal.value("X-WR-CALNAME")),
		Description: unescape(t, cal.value("X-WR-CALDESC")),
	}
	for _, ve := range cal.all("VEVENT") {
		seq, err := strconv.Atoi(ve.value("SEQUENCE"))
		if err != nil {
			t.Fatalf("SEQUENCE: %v", err)
		}
		e := Event{
			UID:         unescape(t, ve.value("UID")),
			Summary:     unescape(t, ve.value("SUMMARY")),
			Description: unescape(t, ve.value("DESCRIPTION")),
			Location:    unescape(t, ve.value("LOCATION")),
			URL:         ve.value("URL"),
			Sequence:    seq,
			Cancelled:   ve.value("STATUS") == "CANCELLED",
		}
		p, _ := ve.get("DTSTART")
		e.Start = parseTime(t, p, tz)
		if p, ok := ve.get("DTEND"); ok {
			e.End = parseTime(t, p, tz)
		}
		p, _ = ve.get("LAST-MODIFIED")
		e.Updated = parseTime(t, p, tz)
		if alarms := ve.all("VALARM"); len(alarms) > 0 {
			e.Alarm = parseBefore(t, alarms[0].value("TRIGGER"))
		}
		out.Events = append(out.Events, e)
	}
	return out, cal
}

func sameEvent(a, b Event) error {
	switch {
	case a.UID != b.UID, a.Summary != b.Summary, a.Description != b.Description,
		a.Location != b.Location, a.URL != b.URL, a.Sequence != b.Sequence,
		a.Cancelled != b.Cancelled, a.Alarm != b.Alarm:
		return fmt.Errorf("got %+v\nwant %+v", a, b)
	case !a.Start.Equal(b.Start), !a.End.Equal(b.End), !a.Updated.Equal(b.Updated):
		return fmt.Errorf("times: got %v–%v (updated %v), want %v–%v (updated %v)",
			a.Start, a.End, a.Updated, b.Start, b.End, b.Updated)
	}
	return nil
}
