package store

import (
	"context"
	"strconv"

	"chibo/internal/party"
)

// SimilarPairRow is a flagged pair with what a list shows about its two
// meetings: their cells (name and path, to decide what the reader may
// open) and their dates.
type SimilarPairRow struct {
	SimilarPair
	OrgA, OrgB   int64
	NameA, NameB string
	PathA, PathB string
	DateA, DateB party.Date
}

// SimilarPairsIn lists the pairs of which at least one meeting belongs to
// a cell under path and whose later meeting was held between two days
// (inclusive), most alike first. Periods of months and quarters do not
// sort together as text, so the range is on the meetings' dates.
func (tx *Tx) SimilarPairsIn(ctx context.Context, path string, from, to party.Date, limit, offset int) ([]SimilarPairRow, error) {
	lo, hi := SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT p.a, p.b, p.kind, p.similarity, p.period, p.found_at, p.status, coalesce(p.note, ''), coalesce(p.reviewed_by, ''),
			ma.org_id, mb.org_id, oa.name, ob.name, oa.path, ob.path, ma.date, mb.date
		FROM similar_pairs p
		JOIN meetings ma ON ma.id = p.a JOIN orgs oa ON oa.id = ma.org_id
		JOIN meetings mb ON mb.id = p.b JOIN orgs ob ON ob.id = mb.org_id
		WHERE ((oa.path >= $1 AND oa.path < $2) OR (ob.path >= $1 AND ob.path < $2))
			AND (CASE WHEN ma.date > mb.date THEN ma.date ELSE mb.date END) >= $3
			AND (CASE WHEN ma.date > mb.date THEN ma.date ELSE mb.date END) <= $4
		ORDER BY p.similarity DESC, p.a, p.b LIMIT `+strconv.Itoa(max(limit, 1))+` OFFSET `+strconv.Itoa(max(offset, 0)),
		lo, hi, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SimilarPairRow
	for rows.Next() {
		var p SimilarPairRow
		if err := rows.Scan(&p.A, &p.B, &p.Kind, &p.Similarity, &p.Period, nullTime{&p.FoundAt}, &p.Status, &p.Note, &p.ReviewedBy,
			&p.OrgA, &p.OrgB, &p.NameA, &p.NameB, &p.PathA, &p.PathB, &p.DateA, &p.DateB); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
