package party

import (
	"time"

	"chibo/internal/vntext"
)

// MinutesContent is what the minutes of a meeting hold (DOMAIN.md §6,
// PRINT.md §6), as the completeness check needs it.
type MinutesContent struct {
	StartedAt, EndedAt time.Time
	Place              string
	Chair              string // chủ trì
	MinuteTaker        string // thư ký
	Guests             []string

	Topic       string // thematic: the topic (chuyên đề)
	LeadPaperBy string // thematic: who presented the lead paper (đề dẫn)

	Items      []MinutesItem // one per agenda item
	Discussion []Speech      // speeches not tied to one agenda item

	Conclusion string // the chair's conclusion
	Resolution string // the resolution or conclusion text voted on
	ReadBack   bool   // the minutes were read back to the cell
	SelfRating Grade  // the cell's own grade of the meeting

	AttendanceTaken bool
	VoteRecorded    bool
}

// MinutesItem is what was said under one agenda item.
type MinutesItem struct {
	Key        string
	Part       string // PartOpening, PartContent or PartClosing; "" counts as content
	Title      string
	Presenter  string
	Text       string
	Conclusion string
	Speeches   []Speech
}

// Speech is one member's opinion, recorded "by name" (PRINT.md §6, S8).
type Speech struct {
	MemberID int64 // 0 for a guest
	Speaker  string
	Text     string
}

func (s Speech) named() bool {
	return vntext.Clean(s.Speaker) != "" && vntext.Clean(s.Text) != ""
}

// Speakers counts the distinct people who spoke, by member or, for guests,
// by name (diacritics and case ignored).
func (m MinutesContent) Speakers() int {
	seen := map[string]bool{}
	add := func(s Speech) {
		if !s.named() {
			return
		}
		k := "n:" + vntext.Fold(s.Speaker)
		if s.MemberID != 0 {
			k = "m:" + itoa64(s.MemberID)
		}
		seen[k] = true
	}
	for _, it := range m.Items {
		for _, s := range it.Speeches {
			add(s)
		}
	}
	for _, s := range m.Discussion {
		add(s)
	}
	return len(seen)
}

// MemberSpeakers counts the distinct members who spoke: the participation
// a meeting is scored on (guests' speeches do not count).
func (m MinutesContent) MemberSpeakers() int {
	seen := map[int64]bool{}
	for _, it := range m.Items {
		for _, s := range it.Speeches {
			if s.MemberID != 0 && s.named() {
				seen[s.MemberID] = true
			}
		}
	}
	for _, s := range m.Discussion {
		if s.MemberID != 0 && s.named() {
			seen[s.MemberID] = true
		}
	}
	return len(seen)
}

// DurationMinutes is the length of the meeting, 0 when a time is missing
// or the end is not after the start.
func (m MinutesContent) DurationMinutes() int {
	if m.StartedAt.IsZero() || m.EndedAt.IsZero() || !m.EndedAt.After(m.StartedAt) {
		return 0
	}
	return int(m.EndedAt.Sub(m.StartedAt) / time.Minute)
}

// ValidateTimes refuses an end before (or at) the start: the minutes
// record "start time" and "end time" (DOMAIN.md §6) of one sitting. A
// missing time is left to Completeness.
func ValidateTimes(starts, ends time.Time) error {
	if starts.IsZero() || ends.IsZero() {
		return nil
	}
	if !ends.After(starts) {
		return RuleError("rules.minutes.end_before_start", ends, starts)
	}
	return nil
}

// Completeness lists the required parts of the minutes still missing, as
// short nouns for the signing checklist ("Còn thiếu: giờ kết thúc, …").
//
// Every kind needs (DOMAIN.md §6): start and end time, place, chair,
// minute-taker, attendance, the statement that the minutes were read back.
// A regular meeting also needs text under every content item, at least one
// speaker by name with an opinion, the chair's conclusion, the resolution
// with its vote, and the self-rating. A thematic meeting needs its topic,
// the presenter of the lead paper, a discussion and the conclusion; a
// resolution only where there is one, then with its vote (DOMAIN.md §4).
// An extraordinary meeting needs its content and conclusion.
func Completeness(kind MeetingKind, m MinutesContent) (complete bool, missing []Msg) {
	need := func(ok bool, key string, args ...any) {
		if !ok {
			missing = append(missing, M(key, args...))
		}
	}
	has := func(s string) bool { return vntext.Clean(s) != "" }

	need(!m.StartedAt.IsZero(), "rules.minutes.missing.started_at")
	need(!m.EndedAt.IsZero(), "rules.minutes.missing.ended_at")
	if !m.StartedAt.IsZero() && !m.EndedAt.IsZero() {
		need(m.EndedAt.After(m.StartedAt), "rules.minutes.missing.end_after_start")
	}
	need(has(m.Place), "rules.minutes.missing.place")
	need(has(m.Chair), "rules.minutes.missing.chair")
	need(has(m.MinuteTaker), "rules.minutes.missing.minute_taker")
	need(m.AttendanceTaken, "rules.minutes.missing.attendance")

	spoke := m.Speakers() > 0
	switch kind {
	case ChuyenDe:
		need(has(m.Topic), "rules.minutes.missing.topic")
		need(has(m.LeadPaperBy), "rules.minutes.missing.lead_paper")
		need(spoke, "rules.minutes.missing.discussion")
		need(has(m.Conclusion), "rules.minutes.missing.conclusion")
		if has(m.Resolution) {
			need(m.VoteRecorded, "rules.minutes.missing.vote")
		}
	default: // regular and extraordinary
		contentItems(m.Items, need)
		if kind == ThuongKy {
			need(spoke, "rules.minutes.missing.speaker")
		}
		need(has(m.Conclusion), "rules.minutes.missing.conclusion")
		if kind == ThuongKy {
			need(has(m.Resolution), "rules.minutes.missing.resolution")
			need(m.VoteRecorded, "rules.minutes.missing.vote")
		} else if has(m.Resolution) {
			need(m.VoteRecorded, "rules.minutes.missing.vote")
		}
	}
	need(m.ReadBack, "rules.minutes.missing.read_back")
	if kind == ThuongKy {
		need(m.SelfRating.Valid(), "rules.minutes.missing.self_rating")
	}
	return len(missing) == 0, missing
}

// contentItems asks for text under every content item ("for each item the
// presenter and each speaker", DOMAIN.md §6): an item counts as written
// when it has text, a conclusion or a speech.
func contentItems(items []MinutesItem, need func(bool, string, ...any)) {
	n := 0
	for _, it := range items {
		if it.Part == PartOpening || it.Part == PartClosing {
			continue
		}
		n++
		written := vntext.Clean(it.Text) != "" || vntext.Clean(it.Conclusion) != ""
		for _, s := range it.Speeches {
			written = written || s.named()
		}
		title := it.Title
		if vntext.Clean(title) == "" {
			title = it.Key
		}
		need(written, "rules.minutes.missing.item_text", title)
	}
	need(n > 0, "rules.minutes.missing.content")
}
