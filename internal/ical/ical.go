// Package ical writes the iCalendar (RFC 5545) feeds of meetings that
// members subscribe to from Google Calendar, iOS and Android: one feed per
// cell, one per member.
//
// Times are written as Vietnam wall-clock times with
// TZID=Asia/Ho_Chi_Minh, and the feed carries its own VTIMEZONE. A meeting
// is called for "19:30 on 05/06/2026" and the feed says 20260605T193000, the
// same as the notice: a member whose phone is set to another zone still
// sees the right moment (every calendar app maps the IANA name or falls back
// to the VTIMEZONE), and a client that ignores zones altogether shows 19:30,
// not 12:30. Vietnam has had no daylight saving since 1975, so the zone is
// one fixed offset and nothing is ambiguous. UTC (…Z) is used only where
// RFC 5545 demands it: DTSTAMP and LAST-MODIFIED.
package ical

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one meeting in a feed.
type Event struct {
	// UID identifies the meeting across every version of the feed, and
	// should be globally unique: "meeting-42@chibo.example.vn".
	UID string

	Summary, Description, Location string
	URL                            string // the meeting's page

	// Start and End are moments; they are written in Vietnam time. A zero
	// End writes no DTEND (the event ends when it starts).
	Start, End time.Time

	// Updated is the last change of the meeting. It is written as
	// LAST-MODIFIED and as DTSTAMP, so the same data always gives the same
	// bytes (a feed can be cached and answered with 304 Not Modified).
	Updated time.Time

	// Sequence counts the changes a member should notice (time, place,
	// cancellation); phones replace their copy when it grows.
	Sequence int

	// Cancelled writes STATUS:CANCELLED and no reminder.
	Cancelled bool

	// Alarm is how long before Start the phone reminds, e.g. 24*time.Hour
	// for TRIGGER:-P1D; 0 means no reminder. Google Calendar ignores alarms
	// of subscribed feeds and uses its own default; iOS and most Android
	// apps honour them.
	Alarm time.Duration
}

// Calendar is a whole feed.
type Calendar struct {
	Name        string // X-WR-CALNAME, the name the phone shows for the feed
	Description string // X-WR-CALDESC
	Events      []Event
}

// The zone of the feed: Vietnam, UTC+7 all year (party.Zone).
const (
	tzid      = "Asia/Ho_Chi_Minh"
	tzOffset  = "+0700"
	tzName    = "ICT"
	prodID    = "-//Chibo//Chibo//VI"
	localTime = "20060102T150405"
	utcTime   = "20060102T150405Z"
)

// Write writes c to w as an iCalendar stream with CRLF line endings. It
// checks every event first, so an invalid event writes nothing.
func Write(w io.Writer, c Calendar) error {
	for i := range c.Events {
		if err := c.Events[i].check(); err != nil {
			return fmt.Errorf("ical: event %d (UID %q): %w", i, c.Events[i].UID, err)
		}
	}
	cw := &contentWriter{w: bufio.NewWriterSize(w, 32<<10)}

	cw.raw("BEGIN", "VCALENDAR")
	cw.raw("VERSION", "2.0")
	cw.raw("PRODID", prodID)
	cw.raw("CALSCALE", "GREGORIAN")
	cw.raw("METHOD", "PUBLISH")
	if c.Name != "" {
		cw.text("X-WR-CALNAME", c.Name)
	}
	if c.Description != "" {
		cw.text("X-WR-CALDESC", c.Description)
	}
	cw.raw("X-WR-TIMEZONE", tzid)
	// Ask subscribers to look again every hour (RFC 7986, and the older
	// name Outlook and iOS read): a meeting moved today should show today.
	cw.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
	cw.raw("X-PUBLISHED-TTL", "PT1H")
	writeTimezone(cw)
	for i := range c.Events {
		writeEvent(cw, &c.Events[i])
	}
	cw.raw("END", "VCALENDAR")

	if err := cw.w.Flush(); err != nil {
		return fmt.Errorf("ical: %w", err)
	}
	return nil
}

// writeTimezone describes Asia/Ho_Chi_Minh for clients that do not know
// IANA names: one STANDARD rule, +0700 to +0700, no daylight saving. It
// also keeps a feed without events valid (RFC 5545 wants one component).
func writeTimezone(cw *contentWriter) {
	cw.raw("BEGIN", "VTIMEZONE")
	cw.raw("TZID", tzid)
	cw.raw("X-LIC-LOCATION", tzid)
	cw.raw("BEGIN", "STANDARD")
	cw.raw("DTSTART", "19700101T000000")
	cw.raw("TZOFFSETFROM", tzOffset)
	cw.raw("TZOFFSETTO", tzOffset)
	cw.raw("TZNAME", tzName)
	cw.raw("END", "STANDARD")
	cw.raw("END", "VTIMEZONE")
}

func writeEvent(cw *contentWriter, e *Event) {
	cw.raw("BEGIN", "VEVENT")
	cw.text("UID", e.UID)
	cw.utc("DTSTAMP", e.Updated)
	cw.utc("LAST-MODIFIED", e.Updated)
	cw.int("SEQUENCE", e.Sequence)
	cw.local("DTSTART", e.Start)
	if !e.End.IsZero() {
		cw.local("DTEND", e.End)
	}
	cw.text("SUMMARY", e.Summary)
	if e.Description != "" {
		cw.text("DESCRIPTION", e.Description)
	}
	if e.Location != "" {
		cw.text("LOCATION", e.Location)
	}
	if e.URL != "" {
		cw.raw("URL", e.URL)
	}
	if e.Cancelled {
		cw.raw("STATUS", "CANCELLED")
	} else {
		cw.raw("STATUS", "CONFIRMED")
	}
	if e.Alarm > 0 && !e.Cancelled {
		cw.raw("BEGIN", "VALARM")
		cw.raw("ACTION", "DISPLAY")
		cw.text("DESCRIPTION", e.Summary) // required for DISPLAY (RFC 5545, 3.6.6)
		cw.trigger(e.Alarm)
		cw.raw("END", "VALARM")
	}
	cw.raw("END", "VEVENT")
}

// check refuses what would make an invalid or misleading event. These are
// programming errors of the caller, reported for the log.
func (e *Event) check() error {
	switch {
	case strings.TrimSpace(e.UID) == "":
		return errors.New("no UID")
	case e.Summary == "":
		return errors.New("no summary")
	case e.Start.IsZero():
		return errors.New("no start time")
	case e.Updated.IsZero():
		return errors.New("no updated time (needed for DTSTAMP and LAST-MODIFIED)")
	case !e.End.IsZero() && e.End.Before(e.Start):
		return fmt.Errorf("ends (%s) before it starts (%s)", e.End.Format(time.RFC3339), e.Start.Format(time.RFC3339))
	case e.Alarm < 0:
		return fmt.Errorf("alarm %s is after the start; give the time before it", e.Alarm)
	case e.Sequence < 0:
		return fmt.Errorf("negative sequence %d", e.Sequence)
	case strings.ContainsFunc(e.URL, isControl) || !utf8.ValidString(e.URL):
		return errors.New("URL holds a control character or invalid UTF-8")
	}
	for _, t := range []time.Time{e.Start, e.End, e.Updated} {
		if y := t.UTC().Year(); !t.IsZero() && (y < 1 || y > 9999) {
			return fmt.Errorf("year %d out of range", y)
		}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
