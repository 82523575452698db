package ical

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"chibo/internal/party"
)

// june is a cell's calendar for June 2026: the regular meeting with a
// reminder the day before, and a thematic meeting that was called off.
func june() Calendar {
	return Calendar{
		Name:        "Chi bộ Khu phố 3",
		Description: "Lịch sinh hoạt chi bộ",
		Events: []Event{
			{
				UID:         "meeting-41@chibo.example.vn",
				Summary:     "Sinh hoạt thường kỳ tháng 6/2026",
				Description: "1. Kiểm điểm tháng 5\n2. Nhiệm vụ tháng 6",
				Location:    "Nhà văn hóa khu phố 3",
				URL:         "https://chibo.example.vn/meetings/41",
				Start:       party.D(2026, 6, 5).At(19, 30),
				End:         party.D(2026, 6, 5).At(21, 0),
				Updated:     time.Date(2026, 6, 1, 2, 0, 0, 0, time.UTC),
				Sequence:    2,
				Alarm:       24 * time.Hour,
			},
			{
				UID:       "meeting-42@chibo.example.vn",
				Summary:   "Sinh hoạt chuyên đề quý II",
				Start:     party.D(2026, 6, 20).At(8, 0),
				End:       party.D(2026, 6, 20).At(10, 0),
				Updated:   time.Date(2026, 6, 18, 9, 15, 0, 0, time.UTC),
				Sequence:  1,
				Cancelled: true,
				Alarm:     24 * time.Hour,
			},
		},
	}
}

func write(t testing.TB, c Calendar) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteGolden(t *testing.T) {
	want := strings.Join([]string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Chibo//Chibo//VI",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"X-WR-CALNAME:Chi bộ Khu phố 3",
		"X-WR-CALDESC:Lịch sinh hoạt chi bộ",
		"X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
		"REFRESH-INTERVAL;VALUE=DURATION:PT1H",
		"X-PUBLISHED-TTL:PT1H",
		"BEGIN:VTIMEZONE",
		"TZID:Asia/Ho_Chi_Minh",
		"X-LIC-LOCATION:Asia/Ho_Chi_Minh",
		"BEGIN:STANDARD",
		"DTSTART:19700101T000000",
		"TZOFFSETFROM:+0700",
		"TZOFFSETTO:+0700",
		"TZNAME:ICT",
		"END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT",
		"UID:meeting-41@chibo.example.vn",
		"DTSTAMP:20260601T020000Z",
		"LAST-MODIFIED:20260601T020000Z",
		"SEQUENCE:2",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20260605T193000",
		"DTEND;TZID=Asia/Ho_Chi_Minh:20260605T210000",
		"SUMMARY:Sinh hoạt thường kỳ tháng 6/2026",
		`DESCRIPTION:1. Kiểm điểm tháng 5\n2. Nhiệm vụ tháng 6`,
		"LOCATION:Nhà văn hóa khu phố 3",
		"URL:https://chibo.example.vn/meetings/41",
		"STATUS:CONFIRMED",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"DESCRIPTION:Sinh hoạt thường kỳ tháng 6/2026",
		"TRIGGER:-P1D",
		"END:VALARM",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:meeting-42@chibo.example.vn",
		"DTSTAMP:20260618T091500Z",
		"LAST-MODIFIED:20260618T091500Z",
		"SEQUENCE:1",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20260620T080000",
		"DTEND;TZID=Asia/Ho_Chi_Minh:20260620T100000",
		"SUMMARY:Sinh hoạt chuyên đề quý II",
		"STATUS:CANCELLED",
		"END:VEVENT",
		"END:VCALENDAR",
	}, "\r\n") + "\r\n"

	got := write(t, june())
	if got != want {
		gl, wl := strings.Split(got, "\r\n"), strings.Split(want, "\r\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d:\n got %q\nwant %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, want %d:\n%s", len(gl), len(wl), got)
	}
}

func TestEveryLineEndsWithCRLF(t *testing.T) {
	c := june()
	c.Events[0].Description = strings.Repeat("Dòng một\nDòng hai\r\nDòng ba\r", 20)
	s := write(t, c)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("stream does not end with CRLF")
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\n' && (i == 0 || s[i-1] != '\r'):
			t.Fatalf("bare LF at octet %d: %q", i, s[max(0, i-20):i+1])
		case s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n'):
			t.Fatalf("bare CR at octet %d: %q", i, s[max(0, i-20):i+1])
		}
	}
}

func TestTextIsEscaped(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comma separates values unless escaped", "Hà Nội, Việt Nam", `Hà Nội\, Việt Nam`},
		{"semicolon separates parameters unless escaped", "Nội dung; kết luận", `Nội dung\; kết luận`},
		{"backslash is doubled", `D:\bien-ban`, `D:\\bien-ban`},
		{"new line becomes \\n", "Dòng 1\nDòng 2", `Dòng 1\nDòng 2`},
		{"CRLF from a Windows form becomes one \\n", "Dòng 1\r\nDòng 2", `Dòng 1\nDòng 2`},
		{"lone CR becomes \\n", "Dòng 1\rDòng 2", `Dòng 1\nDòng 2`},
		{"colon and quotes stay", `Chủ trì: "Bí thư"`, `Chủ trì: "Bí thư"`},
		{"tab stays", "a\tb", "a\tb"},
		{"other control characters are dropped", "a\x00b\x1bc\x7f", "abc"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendText(nil, tt.in)); got != tt.want {
				t.Errorf("appendText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapedTextInTheFeed(t *testing.T) {
	c := june()
	c.Events[0].Location = "Hội trường UBND phường, tầng 2; phòng 201"
	s := write(t, c)
	if want := "\r\nLOCATION:Hội trường UBND phường\\, tầng 2\\; phòng 201\r\n"; !strings.Contains(s, want) {
		t.Errorf("feed lacks %q", want)
	}
	back, _ := readEvents(t, s)
	if got := back.Events[0].Location; got != c.Events[0].Location {
		t.Errorf("location read back as %q", got)
	}
}

func TestReminderTrigger(t *testing.T) {
	tests := []struct {
		before time.Duration
		want   string
	}{
		{24 * time.Hour, "-P1D"},
		{2 * time.Hour, "-PT2H"},
		{90 * time.Minute, "-PT1H30M"},
		{26 * time.Hour, "-P1DT2H"},
		{7 * 24 * time.Hour, "-P7D"},
		{15*time.Minute + 30*time.Second, "-PT15M30S"},
		{400 * time.Millisecond, "-PT0S"},
	}
	for _, tt := range tests {
		if got := string(appendBefore(nil, tt.before)); got != tt.want {
			t.Errorf("%v before: got %s, want %s", tt.before, got, tt.want)
		}
	}
}

func TestCancelledMeetingShowsCancelledWithoutReminder(t *testing.T) {
	_, cal := readEvents(t, write(t, june()))
	events := cal.all("VEVENT")
	if got := events[1].value("STATUS"); got != "CANCELLED" {
		t.Errorf("cancelled meeting has STATUS %q", got)
	}
	if n := len(events[1].all("VALARM")); n != 0 {
		t.Errorf("cancelled meeting still reminds (%d alarms)", n)
	}
	if got := events[0].value("STATUS"); got != "CONFIRMED" {
		t.Errorf("held meeting has STATUS %q", got)
	}
}

func TestTimesAreVietnamWallClock(t *testing.T) {
	c := june()
	// The same moment given in UTC (12:30Z) is still written 19:30 local.
	c.Events[0].Start = time.Date(2026, 6, 5, 12, 30, 0, 0, time.UTC)
	c.Events[0].Updated = time.Date(2026, 6, 1, 9, 0, 0, 0, party.Zone)
	s := write(t, c)
	for _, want := range []string{
		"\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20260605T193000\r\n",
		"\r\nDTSTAMP:20260601T020000Z\r\n", // 09:00 in Vietnam is 02:00 UTC
	} {
		if !strings.Contains(s, want) {
			t.Errorf("feed lacks %q", strings.TrimSpace(want))
		}
	}
}

func TestAnUpdateRaisesSequenceAndLastModified(t *testing.T) {
	before := june()
	after := june()
	after.Events[0].Start = party.D(2026, 6, 6).At(19, 30) // moved a day
	after.Events[0].End = party.D(2026, 6, 6).At(21, 0)
	after.Events[0].Sequence++
	after.Events[0].Updated = time.Date(2026, 6, 3, 1, 0, 0, 0, time.UTC)
	_, a := readEvents(t, write(t, before))
	_, b := readEvents(t, write(t, after))
	ea, eb := a.all("VEVENT")[0], b.all("VEVENT")[0]
	if ea.value("UID") != eb.value("UID") {
		t.Fatal("UID changed; phones would duplicate the meeting")
	}
	sa, _ := strconv.Atoi(ea.value("SEQUENCE"))
	sb, _ := strconv.Atoi(eb.value("SEQUENCE"))
	// Same-format UTC stamps compare as strings.
	if !(sb > sa && eb.value("LAST-MODIFIED") > ea.value("LAST-MODIFIED") && eb.value("DTSTAMP") > ea.value("DTSTAMP")) {
		t.Errorf("update not visible: SEQUENCE %s→%s, LAST-MODIFIED %s→%s",
			ea.value("SEQUENCE"), eb.value("SEQUENCE"), ea.value("LAST-MODIFIED"), eb.value("LAST-MODIFIED"))
	}
}

func TestEmptyFeedIsStillValid(t *testing.T) {
	cal := parseICS(t, write(t, Calendar{Name: "Chi bộ mới"}))
	if len(cal.all("VTIMEZONE")) != 1 || len(cal.all("VEVENT")) != 0 {
		t.Errorf("want one VTIMEZONE and no event, got %d and %d", len(cal.all("VTIMEZONE")), len(cal.all("VEVENT")))
	}
	if _, ok := cal.get("X-WR-CALDESC"); ok {
		t.Error("empty description written")
	}
}

func TestInvalidEventWritesNothing(t *testing.T) {
	ok := june().Events[0]
	tests := []struct {
		name   string
		change func(*Event)
	}{
		{"no UID", func(e *Event) { e.UID = " " }},
		{"no summary", func(e *Event) { e.Summary = "" }},
		{"no start", func(e *Event) { e.Start = time.Time{} }},
		{"no updated time", func(e *Event) { e.Updated = time.Time{} }},
		{"ends before it starts", func(e *Event) { e.End = e.Start.Add(-time.Hour) }},
		{"alarm after the start", func(e *Event) { e.Alarm = -time.Hour }},
		{"negative sequence", func(e *Event) { e.Sequence = -1 }},
		{"line break in the URL", func(e *Event) { e.URL = "https://x/\r\nSTATUS:CANCELLED" }},
		{"year beyond 9999", func(e *Event) { e.End = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.change(&e)
			var b bytes.Buffer
			err := Write(&b, Calendar{Events: []Event{ok, e}})
			if err == nil {
				t.Fatal("no error")
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, bytes.ErrTooLarge }

func TestWriteErrorIsReturned(t *testing.T) {
	if err := Write(failWriter{}, june()); err == nil {
		t.Fatal("a failing writer gave no error")
	}
}
