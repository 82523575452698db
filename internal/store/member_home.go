package store

import (
	"context"
	"strconv"
	"time"

	"chibo/internal/party"
)

// RollEntry is one line of a member's own attendance history: a meeting
// they were on the roll of, and what was recorded for them.
type RollEntry struct {
	MeetingID int64
	OrgID     int64
	OrgName   string
	Kind      party.MeetingKind
	Date      party.Date
	StartsAt  time.Time
	Status    party.AttendanceStatus // "" while not marked
	Reason    string
	Derived   party.Derived
	DuesPaid  bool
	// DuesCollected is true when anyone's dues were recorded at the
	// meeting: only then does an unpaid mark mean something.
	DuesCollected bool
}

// Record is the entry as the warning rules read it.
func (e RollEntry) Record() party.AttendanceRecord {
	return party.AttendanceRecord{Date: e.Date, Kind: e.Kind, Status: e.Status, DuesPaid: e.DuesPaid, DuesRecorded: e.DuesCollected}
}

// MemberRoll lists the meetings member was on the roll of between from
// and to (inclusive), the latest first, at most limit.
func (tx *Tx) MemberRoll(ctx context.Context, member int64, from, to party.Date, limit int) ([]RollEntry, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := tx.Query(ctx, `SELECT m.id, m.org_id, o.name, m.kind, m.date, m.starts_at, r.status, r.reason, r.derived, r.dues_paid,
		EXISTS (SELECT 1 FROM roll x WHERE x.meeting_id = m.id AND x.dues_paid = TRUE)
		FROM roll r JOIN meetings m ON m.id = r.meeting_id JOIN orgs o ON o.id = m.org_id
		WHERE r.member_id = $1 AND m.date >= $2 AND m.date <= $3
		ORDER BY m.date DESC, m.starts_at DESC LIMIT `+strconv.Itoa(limit), member, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RollEntry
	for rows.Next() {
		var e RollEntry
		var status, reason string
		if err := rows.Scan(&e.MeetingID, &e.OrgID, &e.OrgName, &e.Kind, &e.Date, nullTime{&e.StartsAt}, nullStr{&status}, nullStr{&reason},
			&e.Derived, &e.DuesPaid, &e.DuesCollected); err != nil {
			return nil, err
		}
		e.Status, e.Reason = party.AttendanceStatus(status), reason
		out = append(out, e)
	}
	return out, rows.Err()
}
