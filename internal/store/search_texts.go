package store

import (
	"context"
	"iter"
)

// Reading the documents and topics in bulk, for rebuilding their part of
// the search index (search.Service.Reindex).

// DocumentText is a document with the organizations it was sent to, for
// (re)indexing in bulk.
type DocumentText struct {
	Document Document
	Targets  []Dissemination // in order of sending, as Disseminations gives them
}

// DocumentTexts yields every document with its tags and where it was
// sent, in id order, reading in pages of n.
func (db *DB) DocumentTexts(ctx context.Context, n int) iter.Seq2[DocumentText, error] {
	return func(yield func(DocumentText, error) bool) {
		after := int64(0)
		for {
			var page []DocumentText
			err := db.View(ctx, func(tx *Tx) error {
				docs, err := tx.queryDocuments(ctx, `SELECT `+docCols+` FROM documents d JOIN orgs o ON o.id = d.issuer_id
					WHERE d.id > $1 ORDER BY d.id LIMIT $2`, after, n)
				if err != nil || len(docs) == 0 {
					return err
				}
				at := map[int64]int{}
				for i, d := range docs {
					at[d.ID] = i
					page = append(page, DocumentText{Document: d})
				}
				lo, hi := docs[0].ID, docs[len(docs)-1].ID
				rows, err := tx.Query(ctx, `SELECT document_id, tag FROM document_tags WHERE document_id >= $1 AND document_id <= $2
					ORDER BY document_id, tag_fold`, lo, hi)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var id int64
					var tag string
					if err := rows.Scan(&id, &tag); err != nil {
						return err
					}
					if i, ok := at[id]; ok {
						page[i].Document.Tags = append(page[i].Document.Tags, tag)
					}
				}
				if err := rows.Err(); err != nil {
					return err
				}
				rows.Close()
				sent, err := tx.Query(ctx, `SELECT s.id, s.document_id, s.org_id, o.name, o.path, s.role, s.sent_at, s.sent_by
					FROM disseminations s JOIN orgs o ON o.id = s.org_id WHERE s.document_id >= $1 AND s.document_id <= $2
					ORDER BY s.document_id, s.sent_at, s.id`, lo, hi)
				if err != nil {
					return err
				}
				defer sent.Close()
				for sent.Next() {
					var s Dissemination
					if err := sent.Scan(&s.ID, &s.DocumentID, &s.OrgID, &s.OrgName, &s.OrgPath, &s.Role, nullTime{&s.SentAt}, &s.SentBy); err != nil {
						return err
					}
					if i, ok := at[s.DocumentID]; ok {
						page[i].Targets = append(page[i].Targets, s)
					}
				}
				return sent.Err()
			})
			if err != nil {
				yield(DocumentText{}, err)
				return
			}
			for _, t := range page {
				if !yield(t, nil) {
					return
				}
			}
			if len(page) < n {
				return
			}
			after = page[len(page)-1].Document.ID
		}
	}
}

// TopicText is a topic with its publisher's current path.
type TopicText struct {
	Topic   Topic
	OrgPath string
}

// PublishedTopics lists the active topics published by committees (not
// the shipped defaults), with their publishers' paths, in id order.
func (tx *Tx) PublishedTopics(ctx context.Context) ([]TopicText, error) {
	rows, err := tx.Query(ctx, `SELECT `+prefixCols("t.", topicCols)+`, o.path FROM topics t JOIN orgs o ON o.id = t.org_id
		WHERE t.active = TRUE ORDER BY t.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TopicText
	for rows.Next() {
		var t TopicText
		var err error
		if t.Topic, err = scanTopic(scanAppend{rows, []any{&t.OrgPath}}); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
