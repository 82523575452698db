package ical

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chibo/internal/party"
)

func TestFeedReadsBackAsWritten(t *testing.T) {
	c := june()
	c.Events = append(c.Events, Event{
		UID:         "meeting-43@chibo.example.vn",
		Summary:     "Sinh hoạt bất thường: kết nạp đảng viên, chuyển chính thức",
		Description: agenda,
		Location:    "Trụ sở Đảng ủy phường Bến Nghé, 29 Lê Duẩn; phòng họp số 2",
		URL:         "https://chibo.example.vn/meetings/43?tab=agenda&print=1",
		Start:       time.Date(2026, 7, 1, 1, 0, 0, 0, time.UTC), // 08:00 in Vietnam
		Updated:     time.Date(2026, 6, 28, 10, 45, 30, 0, party.Zone),
		Alarm:       2*time.Hour + 30*time.Minute,
	})
	back, cal := readEvents(t, write(t, c))

	if back.Name != c.Name || back.Description != c.Description {
		t.Errorf("calendar name/description read back as %q / %q", back.Name, back.Description)
	}
	for _, want := range []struct{ name, value string }{
		{"VERSION", "2.0"}, {"CALSCALE", "GREGORIAN"}, {"METHOD", "PUBLISH"},
		{"X-WR-TIMEZONE", "Asia/Ho_Chi_Minh"},
	} {
		if got := cal.value(want.name); got != want.value {
			t.Errorf("%s = %q, want %q", want.name, got, want.value)
		}
	}
	if cal.value("PRODID") == "" {
		t.Error("no PRODID")
	}
	if len(back.Events) != len(c.Events) {
		t.Fatalf("read %d events, wrote %d", len(back.Events), len(c.Events))
	}
	for i, want := range c.Events {
		if want.Cancelled {
			want.Alarm = 0 // no reminder for a meeting called off
		}
		if err := sameEvent(back.Events[i], want); err != nil {
			t.Errorf("event %d: %v", i, err)
		}
	}
	for _, ve := range cal.all("VEVENT") {
		if ve.value("DTSTAMP") == "" {
			t.Errorf("event %s has no DTSTAMP", ve.value("UID"))
		}
	}
}

// sanitized is what a TEXT value reads back as: line breaks as \n,
// control characters other than tab dropped, invalid octets as U+FFFD.
func sanitized(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s { // ranging yields U+FFFD for each invalid octet
		if r != '\n' && r != '\t' && isControl(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzTextRoundTrip(f *testing.F) {
	for _, seed := range []string{
		agenda,
		"Hà Nội, Việt Nam; \\ \"trích dẫn\"",
		"Dòng 1\r\nDòng 2\rDòng 3\n",
		strings.Repeat("ệ", 80),
		strings.Repeat(`\,;`, 40),
		"a\xffb\x00c",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Event{
			UID: "u@chibo", Summary: "s" + s, Description: s, Location: s,
			Start: party.D(2026, 6, 5).At(19, 30), Updated: party.D(2026, 6, 1).At(8, 0),
		}
		out := write(t, Calendar{Name: s, Events: []Event{e}})
		for i, line := range strings.Split(out, "\r\n") {
			if len(line) > maxOctets || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
				t.Fatalf("line %d bad: %q", i+1, line)
			}
		}
		back, _ := readEvents(t, out)
		want := sanitized(s)
		got := back.Events[0]
		if back.Name != want || got.Summary != "s"+want || got.Description != want || got.Location != want {
			t.Fatalf("read back differs:\nname %q\nsummary %q\ndescription %q\nwant %q", back.Name, got.Summary, got.Description, want)
		}
	})
}
