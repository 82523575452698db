package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"chibo/internal/party"
)

// SentReminder is one automatic reminder: a subject (what it is about) at
// one level of escalation, when it fell due and whom it reached.
type SentReminder struct {
	ID         int64
	Subject    string
	Level      int
	Kind       string
	OrgID      int64 // the cell concerned
	Period     string
	MeetingID  int64
	MemberID   int64
	Msg        party.Msg
	Link       string
	DueOn      party.Date
	SentAt     time.Time
	Recipients int
	OrgName    string // filled by the listing queries
}

// RecordReminder stores a reminder once per subject and level: created is
// false when that level was already sent (by this server or another).
func (tx *Tx) RecordReminder(ctx context.Context, r SentReminder) (id int64, created bool, err error) {
	args, err := encodeArgs(r.Msg.Args)
	if err != nil {
		return 0, false, err
	}
	err = tx.QueryRow(ctx, `INSERT INTO reminders_sent (subject, level, kind, org_id, period, meeting_id, member_id, msg_key, msg_args, link, due_on, sent_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (subject, level) DO NOTHING RETURNING id`,
		r.Subject, r.Level, r.Kind, r.OrgID, r.Period, nz(r.MeetingID), nz(r.MemberID), r.Msg.Key, args, r.Link, r.DueOn, Unix(tx.Now)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// AddReminderRecipient records that a user received a reminder.
func (tx *Tx) AddReminderRecipient(ctx context.Context, reminder, user int64, emailed bool) error {
	if _, err := tx.Exec(ctx, `INSERT INTO reminder_recipients (reminder_id, user_id, emailed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		reminder, user, emailed); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE reminders_sent SET recipients = (SELECT count(*) FROM reminder_recipients WHERE reminder_id = $1) WHERE id = $1`, reminder)
	return err
}

const reminderCols = `r.id, r.subject, r.level, r.kind, r.org_id, r.period, r.meeting_id, r.member_id, r.msg_key, r.msg_args, r.link, r.due_on, r.sent_at, r.recipients, o.name`

func (tx *Tx) queryReminders(ctx context.Context, q string, args ...any) ([]SentReminder, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SentReminder
	for rows.Next() {
		var r SentReminder
		var margs string
		if err := rows.Scan(&r.ID, &r.Subject, &r.Level, &r.Kind, &r.OrgID, &r.Period, nullInt{&r.MeetingID}, nullInt{&r.MemberID},
			&r.Msg.Key, &margs, &r.Link, &r.DueOn, nullTime{&r.SentAt}, &r.Recipients, &r.OrgName); err != nil {
			return nil, err
		}
		r.Msg.Args = decodeArgs(margs)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RemindersOf lists the levels of a subject already sent, lowest first.
func (tx *Tx) RemindersOf(ctx context.Context, subject string) ([]SentReminder, error) {
	return tx.queryReminders(ctx, `SELECT `+reminderCols+` FROM reminders_sent r JOIN orgs o ON o.id = r.org_id WHERE r.subject = $1 ORDER BY r.level`, subject)
}

// RemindedLevels lists, for the reminders of a kind and period, the
// levels already sent per subject (one query for a whole pass).
func (tx *Tx) RemindedLevels(ctx context.Context, kind, period string) (map[string]map[int]bool, error) {
	rows, err := tx.Query(ctx, `SELECT subject, level FROM reminders_sent WHERE kind = $1 AND period = $2`, kind, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[int]bool{}
	for rows.Next() {
		var subject string
		var level int
		if err := rows.Scan(&subject, &level); err != nil {
			return nil, err
		}
		if out[subject] == nil {
			out[subject] = map[int]bool{}
		}
		out[subject][level] = true
	}
	return out, rows.Err()
}

// RemindersForCells lists the reminders about the cells given (their
// subjects of kind kind and period), highest level first.
func (tx *Tx) RemindersForCells(ctx context.Context, cells []int64, kind, period string) ([]SentReminder, error) {
	var out []SentReminder
	for _, c := range chunks(cells) {
		in, args := inList(c)
		n := len(args)
		args = append(args, kind, period)
		list, err := tx.queryReminders(ctx, `SELECT `+reminderCols+` FROM reminders_sent r JOIN orgs o ON o.id = r.org_id WHERE r.org_id IN (`+in+`)
			AND r.kind = $`+strconv.Itoa(n+1)+` AND r.period = $`+strconv.Itoa(n+2)+` ORDER BY r.level DESC`, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	return out, nil
}

// RemindersUnder lists the reminders sent about the cells now under path
// (an organization's current path), newest first.
func (tx *Tx) RemindersUnder(ctx context.Context, path string, limit int) ([]SentReminder, error) {
	lo, hi := SubtreeRange(path)
	return tx.queryReminders(ctx, `SELECT `+reminderCols+` FROM reminders_sent r JOIN orgs o ON o.id = r.org_id
		WHERE o.path >= $1 AND o.path < $2 ORDER BY r.sent_at DESC, r.id DESC LIMIT $3`, lo, hi, limit)
}

// ReminderRecipients lists the user names a reminder reached.
func (tx *Tx) ReminderRecipients(ctx context.Context, reminder int64) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.username END FROM reminder_recipients rr
		JOIN users u ON u.id = rr.user_id WHERE rr.reminder_id = $1 ORDER BY u.username`, reminder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CellMonthsWithOutcome lists every cell month of period with an outcome
// (the cells whose regular meeting is not held: OutcomeNone).
func (tx *Tx) CellMonthsWithOutcome(ctx context.Context, period string, o party.Outcome) ([]CellMonth, error) {
	rows, err := tx.Query(ctx, `SELECT `+cellMonthCols+` FROM cell_months WHERE period = $1 AND outcome = $2 ORDER BY org_id`, period, string(o))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellMonth
	for rows.Next() {
		c, err := scanCellMonth(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CellQuartersWithoutThematic lists every cell quarter of period with no
// thematic meeting held.
func (tx *Tx) CellQuartersWithoutThematic(ctx context.Context, period string) ([]CellQuarter, error) {
	rows, err := tx.Query(ctx, `SELECT org_id, period, path, cell_type, held, combined FROM cell_quarters WHERE period = $1 AND held = 0 ORDER BY org_id`, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CellQuarter
	for rows.Next() {
		var q CellQuarter
		if err := rows.Scan(&q.OrgID, &q.Period, &q.Path, &q.CellType, &q.Held, &q.Combined); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// HeldUnsigned lists the meetings held between two days whose minutes are
// not signed yet.
func (tx *Tx) HeldUnsigned(ctx context.Context, from, to party.Date) ([]Meeting, error) {
	rows, err := tx.Query(ctx, `SELECT `+meetingCols+` FROM meetings WHERE date >= $1 AND date <= $2 AND status = $3 ORDER BY date, id`,
		from, to, string(party.DaHop))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CellsUnder lists the current, not dissolved cells whose parent is org.
func (tx *Tx) CellsUnder(ctx context.Context, org int64) ([]OrgRow, error) {
	return tx.queryOrgs(ctx, `SELECT `+orgCols+` FROM orgs o WHERE o.parent_id = $1 AND o.dissolved_on IS NULL AND o.kind IN ('chi_bo', 'chi_bo_co_so') ORDER BY o.name_sort`, org)
}

// ParentsOfCells lists the organizations with at least one current cell
// among their children (the committees whose cells a warnings job reads).
func (tx *Tx) ParentsOfCells(ctx context.Context) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT DISTINCT parent_id FROM orgs WHERE parent_id IS NOT NULL AND dissolved_on IS NULL AND kind IN ('chi_bo', 'chi_bo_co_so') ORDER BY parent_id`)
	return collect(rows, err, scanID)
}

// AttendanceRecords reads the attendance of members at held meetings
// between two days, for the member warnings (DOMAIN.md §9). Dues count as
// collected at a meeting when anyone's dues were recorded there.
func (tx *Tx) AttendanceRecords(ctx context.Context, members []int64, from, to party.Date) (map[int64][]party.AttendanceRecord, error) {
	out := map[int64][]party.AttendanceRecord{}
	for _, c := range chunks(members) {
		in, args := inList(c)
		n := len(args)
		args = append(args, from, to)
		rows, err := tx.Query(ctx, `SELECT r.member_id, m.date, m.kind, coalesce(r.status, ''), r.dues_paid,
			EXISTS (SELECT 1 FROM roll d WHERE d.meeting_id = m.id AND d.dues_paid = TRUE)
			FROM roll r JOIN meetings m ON m.id = r.meeting_id
			WHERE r.member_id IN (`+in+`) AND m.date >= $`+strconv.Itoa(n+1)+` AND m.date <= $`+strconv.Itoa(n+2)+` AND m.status IN ('da_hop', 'da_ky')
			ORDER BY r.member_id, m.date`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var rec party.AttendanceRecord
			var status string
			if err := rows.Scan(&id, &rec.Date, &rec.Kind, &status, &rec.DuesPaid, &rec.DuesRecorded); err != nil {
				rows.Close()
				return nil, err
			}
			rec.Status = party.AttendanceStatus(status)
			out[id] = append(out[id], rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ActiveUsers lists enabled accounts by id, with their e-mail addresses.
func (tx *Tx) ActiveUsers(ctx context.Context, ids []int64) ([]User, error) {
	var out []User
	for _, c := range chunks(ids) {
		in, args := inList(c)
		rows, err := tx.Query(ctx, `SELECT `+userCols+` FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id IN (`+in+`) AND u.disabled = FALSE ORDER BY u.id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, u)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
