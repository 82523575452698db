package store

import "context"

// PreviousOf is a meeting of a period with the minutes its cell held last
// before it, of the same kind.
type PreviousOf struct {
	MeetingID int64
	Previous  MinutesText
}

// PreviousMinutesOfPeriod reads, for every meeting of a period that has
// minutes, its cell's previous minutes of the same kind (PreviousMinutes
// for a whole period in one statement: the formalism pass of a city asks
// it for 20,000 meetings).
func (tx *Tx) PreviousMinutesOfPeriod(ctx context.Context, period string) ([]PreviousOf, error) {
	rows, err := tx.Query(ctx, `SELECT m.id, p.id, p.org_id, p.date, n.body_text
		FROM meetings m
		JOIN meetings p ON p.id = (SELECT p2.id FROM meetings p2 JOIN minutes n2 ON n2.meeting_id = p2.id
			WHERE p2.org_id = m.org_id AND p2.kind = m.kind AND p2.date < m.date AND n2.body_text <> ''
			ORDER BY p2.date DESC, p2.id DESC LIMIT 1)
		JOIN minutes n ON n.meeting_id = p.id
		WHERE m.period = $1 AND EXISTS (SELECT 1 FROM minutes x WHERE x.meeting_id = m.id AND x.body_text <> '')
		ORDER BY m.id`, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PreviousOf
	for rows.Next() {
		var p PreviousOf
		if err := rows.Scan(&p.MeetingID, &p.Previous.MeetingID, &p.Previous.OrgID, &p.Previous.Date, &p.Previous.Text); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
