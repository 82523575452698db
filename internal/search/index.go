package search

import (
	"context"
	"iter"
	"strings"

	"chibo/internal/documents"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
)

// Doc is a text for the index. Documents and topics make their own
// (documents.SearchDocs, quality.TopicSearchDoc) and write them in their
// own transactions; this package reads them back for Reindex, so those
// packages cannot import it.
type Doc = store.SearchDoc

// MeetingHook keeps a meeting's texts in the index: it runs inside the
// transaction of every write to a meeting (meetings.Service.Hooks), so
// the index never disagrees with the minutes it was made from.
func (s *Service) MeetingHook() meetings.Hook { return IndexMeeting }

// IndexMeeting (re)indexes a meeting's minutes, its resolution and each
// speech as separate texts, or removes them when the meeting was deleted.
// Texts that did not change are left alone, so that a write that does not
// touch the minutes (attendance, a vote) costs three small reads.
func IndexMeeting(ctx context.Context, tx *store.Tx, m store.Meeting) error {
	if m.Status == "deleted" {
		return tx.DeleteMeetingSearchDocs(ctx, m.ID)
	}
	org, err := tx.Org(ctx, m.OrgID)
	if err != nil {
		return err
	}
	mins, ok, err := tx.Minutes(ctx, m.ID)
	if err != nil {
		return err
	}
	var docs []Doc
	if ok {
		docs = MeetingDocs(m, org.Path, mins.Content)
	}
	have, err := tx.MeetingSearchDocs(ctx, m.ID)
	if err != nil {
		return err
	}
	for _, h := range have {
		if !hasRef(docs, h) {
			if err := tx.DeleteSearchDoc(ctx, h.Kind, h.RefID, h.Part); err != nil {
				return err
			}
		}
	}
	for _, d := range docs {
		if err := tx.PutSearchDoc(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

func hasRef(docs []Doc, r store.SearchDocRef) bool {
	for _, d := range docs {
		if d.Kind == r.Kind && d.RefID == r.RefID && d.Part == r.Part {
			return true
		}
	}
	return false
}

// MeetingDocs are the texts of a meeting: the whole minutes (the text
// meetings.BodyText makes of them), the resolution, and every speech —
// under the agenda items, then the general discussion — each with its
// speaker as title. Empty texts are left out.
func MeetingDocs(m store.Meeting, orgPath string, c party.MinutesContent) []Doc {
	base := Doc{RefID: m.ID, MeetingID: m.ID, OrgID: m.OrgID, Scope: orgPath, Date: m.Date}
	var docs []Doc
	add := func(kind string, part int, title, body string) {
		if strings.TrimSpace(body) == "" {
			return
		}
		d := base
		d.Kind, d.Part, d.Title, d.Body = kind, part, title, body
		docs = append(docs, d)
	}
	add(KindMinutes, 0, m.Topic, meetings.BodyText(c))
	add(KindResolution, 0, m.Topic, c.Resolution)
	n := 0
	speech := func(sp party.Speech) {
		add(KindSpeech, n, sp.Speaker, sp.Text)
		n++
	}
	for _, it := range c.Items {
		for _, sp := range it.Speeches {
			speech(sp)
		}
	}
	for _, sp := range c.Discussion {
		speech(sp)
	}
	return docs
}

// Index adds or replaces a text of another feature inside that feature's
// transaction.
func Index(ctx context.Context, tx *store.Tx, d Doc) error { return tx.PutSearchDoc(ctx, d) }

// Remove takes every text of a record (all its parts) out of the index.
func Remove(ctx context.Context, tx *store.Tx, kind string, ref int64) error {
	return tx.DeleteSearchDocs(ctx, kind, ref)
}

// rebuiltKinds are the kinds of text Reindex rebuilds: a meeting's, a
// document's (documents.SearchDocs), a topic's (quality.TopicSearchDoc).
var rebuiltKinds = []string{KindMinutes, KindResolution, KindSpeech, KindDocument, KindTopic}

// Reindex rebuilds the index from the meetings and their minutes, then
// the documents with where they were sent and the published topics, in
// one transaction (searches see the old index until it commits): after a
// bulk load (the demo, a restore) or a reorganization that moved
// organizations. progress, when set, is told how many texts are written.
func (s *Service) Reindex(ctx context.Context, progress func(done int)) (int, error) {
	return s.reindex(ctx, progress, 0)
}

// ReindexLive rebuilds the index while the server answers: on SQLite a
// batch of texts per transaction, so that writers wait for one batch at
// most (searches meanwhile find what is indexed so far).
func (s *Service) ReindexLive(ctx context.Context) (int, error) {
	return s.reindex(ctx, nil, 2000)
}

func (s *Service) reindex(ctx context.Context, progress func(done int), batch int) (int, error) {
	docs := func(yield func(Doc, error) bool) {
		for t, err := range s.DB.MeetingTexts(ctx, 500) {
			if err != nil {
				yield(Doc{}, err)
				return
			}
			if !t.HasMins {
				continue
			}
			for _, d := range MeetingDocs(t.Meeting, t.OrgPath, t.Minutes.Content) {
				if !yield(d, nil) {
					return
				}
			}
		}
		for t, err := range s.DB.DocumentTexts(ctx, 500) {
			if err != nil {
				yield(Doc{}, err)
				return
			}
			for _, d := range documents.SearchDocs(t.Document, t.Targets) {
				if !yield(d, nil) {
					return
				}
			}
		}
		var topics []store.TopicText
		if err := s.DB.View(ctx, func(tx *store.Tx) error {
			var err error
			topics, err = tx.PublishedTopics(ctx)
			return err
		}); err != nil {
			yield(Doc{}, err)
			return
		}
		for _, t := range topics {
			if !yield(quality.TopicSearchDoc(t.Topic, t.OrgPath), nil) {
				return
			}
		}
	}
	return s.DB.BulkIndex(ctx, iter.Seq2[Doc, error](docs), store.BulkIndexOptions{ReplaceKinds: rebuiltKinds, Progress: progress, Batch: batch})
}

// OrgHook keeps the texts findable from the right organizations after a
// reorganization (orgs.Service.Changed): the texts of a subtree that was
// moved are indexed again under its new path. It costs one read when
// nothing moved.
func (s *Service) OrgHook() func(ctx context.Context, tx *store.Tx, org int64, on party.Date) error {
	return func(ctx context.Context, tx *store.Tx, org int64, _ party.Date) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		return tx.ReindexSearchScope(ctx, o.Path)
	}
}

// Missing reports whether minutes exist but none of their texts is in
// the index: a demo loaded with its index left for later, or a rebuild
// that never committed (a rebuild is one transaction).
func (s *Service) Missing(ctx context.Context) (bool, error) {
	var missing bool
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM minutes) AND NOT EXISTS (SELECT 1 FROM search_docs)`).Scan(&missing)
	})
	return missing, err
}
