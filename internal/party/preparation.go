package party

import "time"

// Preparation is the checklist before a meeting (DOMAIN.md §4): the
// secretary drafts the content and a draft resolution; the cell committee
// (or the secretary and deputy) meets to agree them; for a thematic
// meeting, members are assigned to write the lead paper; the members and
// the following committee member are notified.
type Preparation struct {
	ContentDrafted   bool      `json:"content_drafted"`
	CommitteeMetOn   Date      `json:"committee_met_on"`
	DraftResolution  string    `json:"draft_resolution"`
	LeadPaper        string    `json:"lead_paper"`         // thematic: the lead paper (đề dẫn), or its summary
	LeadPaperAuthors string    `json:"lead_paper_authors"` // thematic: who wrote it
	TopicID          int64     `json:"topic_id,omitempty"` // thematic: the oriented topic chosen, if any
	DocumentIDs      []int64   `json:"document_ids,omitempty"`
	NoticeSentAt     time.Time `json:"notice_sent_at"`
	Notes            string    `json:"notes"`
}

// PrepStep is one line of the checklist.
type PrepStep struct {
	Key  string
	Done bool
	Msg  Msg
}

// Checklist lists the preparation steps of a meeting of kind k, done or not.
func (p Preparation) Checklist(k MeetingKind) []PrepStep {
	steps := []PrepStep{
		{"content", p.ContentDrafted, M("rules.prep.content")},
		{"committee", !p.CommitteeMetOn.IsZero(), M("rules.prep.committee")},
		{"resolution", p.DraftResolution != "", M("rules.prep.resolution")},
	}
	if k == ChuyenDe {
		steps = append(steps,
			PrepStep{"lead_paper", p.LeadPaper != "", M("rules.prep.lead_paper")},
			PrepStep{"authors", p.LeadPaperAuthors != "", M("rules.prep.authors")},
		)
	}
	return append(steps, PrepStep{"notice", !p.NoticeSentAt.IsZero(), M("rules.prep.notice")})
}

// PrepDone counts the steps done and the steps there are.
func (p Preparation) PrepDone(k MeetingKind) (done, total int) {
	for _, s := range p.Checklist(k) {
		if s.Done {
			done++
		}
		total++
	}
	return done, total
}
