package documents

import (
	"context"
	"slices"
	"strings"

	"chibo/internal/store"
)

// SearchDocs are the texts a document is found by in the search box: one
// under its issuer (part 0), then one under each organization it was sent
// to (part 1, 2, … in order of first sending, one per organization
// whatever the offices), so that the members and secretaries there find
// it too (store.SearchQuery.Received). The title is the number and the
// title (trích yếu), the body the summary and the tags.
func SearchDocs(d store.Document, targets []store.Dissemination) []store.SearchDoc {
	body := d.Summary
	if len(d.Tags) > 0 {
		body = strings.TrimSpace(body + "\n" + strings.Join(d.Tags, ", "))
	}
	base := store.SearchDoc{Kind: store.DocDocument, RefID: d.ID, Title: d.Number + " — " + d.Title, Body: body, Date: d.IssuedOn}
	docs := []store.SearchDoc{base}
	docs[0].OrgID, docs[0].Scope = d.IssuerID, d.IssuerPath
	var seen []int64
	for _, t := range targets {
		if slices.Contains(seen, t.OrgID) {
			continue
		}
		seen = append(seen, t.OrgID)
		r := base
		r.Part, r.OrgID, r.Scope = len(docs), t.OrgID, t.OrgPath
		docs = append(docs, r)
	}
	return docs
}

// Index (re)indexes document id inside the transaction that changed it
// (recorded, edited, sent): its texts replace those indexed before.
func Index(ctx context.Context, tx *store.Tx, id int64) error {
	d, err := tx.Document(ctx, id)
	if err != nil {
		return err
	}
	targets, err := tx.Disseminations(ctx, id)
	if err != nil {
		return err
	}
	docs := SearchDocs(d, targets)
	for _, sd := range docs {
		if err := tx.PutSearchDoc(ctx, sd); err != nil {
			return err
		}
	}
	return tx.DeleteSearchPartsFrom(ctx, store.DocDocument, id, len(docs))
}
