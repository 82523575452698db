package ical

import (
	"fmt"
	"io"
	"testing"
	"time"

	"chibo/internal/party"
)

// threeYears is a cell's feed for 2024–2026: a regular meeting every
// month and a thematic one every quarter, 48 meetings with agendas.
func threeYears() Calendar {
	c := Calendar{Name: "Chi bộ Khu phố 3, phường Bến Nghé", Description: "Lịch sinh hoạt chi bộ"}
	for y := 2024; y <= 2026; y++ {
		for m := time.January; m <= time.December; m++ {
			day := party.D(y, m, 5)
			c.Events = append(c.Events, Event{
				UID:         fmt.Sprintf("meeting-%d-%02d@chibo.example.vn", y, m),
				Summary:     fmt.Sprintf("Sinh hoạt thường kỳ tháng %d/%d", m, y),
				Description: agenda,
				Location:    "Nhà văn hóa khu phố 3, 12 Nguyễn Huệ",
				URL:         fmt.Sprintf("https://chibo.example.vn/meetings/%d%02d", y, m),
				Start:       day.At(19, 30),
				End:         day.At(21, 0),
				Updated:     day.AddDays(-4).At(8, 0),
				Sequence:    1,
				Alarm:       24 * time.Hour,
			})
			if m%3 == 0 {
				day := party.D(y, m, 20)
				c.Events = append(c.Events, Event{
					UID:         fmt.Sprintf("thematic-%d-%02d@chibo.example.vn", y, m),
					Summary:     fmt.Sprintf("Sinh hoạt chuyên đề quý %d/%d", int(m)/3, y),
					Description: agenda,
					Location:    "Hội trường Đảng ủy phường",
					Start:       day.At(8, 0),
					End:         day.At(10, 30),
					Updated:     day.AddDays(-7).At(8, 0),
					Alarm:       24 * time.Hour,
				})
			}
		}
	}
	return c
}

// BenchmarkWrite writes three years of a cell's meetings (48 events); the
// issue's target is under 50 ms for the whole feed request.
func BenchmarkWrite(b *testing.B) {
	c := threeYears()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}
