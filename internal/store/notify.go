package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"chibo/internal/party"
)

// Notification is an in-app message for a user: a catalog key and its
// arguments (rendered in the reader's language), a link, and its state.
type Notification struct {
	ID          int64
	UserID      int64
	Kind        string
	Msg         party.Msg
	Link        string
	OrgID       int64
	MeetingID   int64
	UniqueKey   string
	CreatedAt   time.Time
	ReadAt      time.Time
	DismissedAt time.Time
}

// msgArg keeps the type of a message argument through JSON, so that a date
// comes back a date and a number a number.
type msgArg struct {
	T string `json:"t"`
	V string `json:"v"`
}

func encodeArgs(args []any) (string, error) {
	out := make([]msgArg, 0, len(args))
	for _, a := range args {
		switch v := a.(type) {
		case party.Date:
			out = append(out, msgArg{"date", v.ISO()})
		case party.Period:
			out = append(out, msgArg{"period", v.String()})
		case int:
			out = append(out, msgArg{"int", strconv.Itoa(v)})
		case int64:
			out = append(out, msgArg{"int", strconv.FormatInt(v, 10)})
		case party.Percent:
			out = append(out, msgArg{"pct", strconv.FormatFloat(float64(v), 'g', -1, 64)})
		case time.Time:
			out = append(out, msgArg{"time", strconv.FormatInt(v.Unix(), 10)})
		case party.Msg:
			b, err := json.Marshal(v)
			if err != nil {
				return "", err
			}
			out = append(out, msgArg{"msg", string(b)})
		default:
			out = append(out, msgArg{"str", toString(v)})
		}
	}
	b, err := json.Marshal(out)
	return string(b), err
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case interface{ String() string }:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func decodeArgs(s string) []any {
	var in []msgArg
	if json.Unmarshal([]byte(s), &in) != nil {
		return nil
	}
	out := make([]any, len(in))
	for i, a := range in {
		switch a.T {
		case "date":
			d, _ := party.ParseISO(a.V)
			out[i] = d
		case "period":
			p, _ := party.ParsePeriod(a.V)
			out[i] = p
		case "int":
			n, _ := strconv.Atoi(a.V)
			out[i] = n
		case "pct":
			f, _ := strconv.ParseFloat(a.V, 64)
			out[i] = party.Percent(f)
		case "time":
			n, _ := strconv.ParseInt(a.V, 10, 64)
			out[i] = time.Unix(n, 0)
		case "msg":
			var m party.Msg
			_ = json.Unmarshal([]byte(a.V), &m)
			out[i] = m
		default:
			out[i] = a.V
		}
	}
	return out
}

// Notify stores a notification once: a second one with the same unique key
// is ignored (reported by created=false), so that a notice or reminder
// reaches each user once however often, or by however many servers, it is
// sent.
func (tx *Tx) Notify(ctx context.Context, n Notification) (created bool, err error) {
	args, err := encodeArgs(n.Msg.Args)
	if err != nil {
		return false, err
	}
	res, err := tx.Exec(ctx, `INSERT INTO notifications (user_id, kind, msg_key, msg_args, link, org_id, meeting_id, unique_key, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (unique_key) DO NOTHING`,
		n.UserID, n.Kind, n.Msg.Key, args, n.Link, nz(n.OrgID), nz(n.MeetingID), n.UniqueKey, Unix(tx.Now))
	if err != nil {
		return false, err
	}
	k, _ := res.RowsAffected()
	return k > 0, nil
}

// Notifications lists a user's notifications, newest first; dismissed ones
// only when withDismissed.
func (tx *Tx) Notifications(ctx context.Context, user int64, withDismissed bool, limit int) ([]Notification, error) {
	q := `SELECT id, user_id, kind, msg_key, msg_args, link, org_id, meeting_id, unique_key, created_at, read_at, dismissed_at FROM notifications WHERE user_id = $1`
	if !withDismissed {
		q += ` AND dismissed_at IS NULL`
	}
	rows, err := tx.Query(ctx, q+` ORDER BY created_at DESC, id DESC LIMIT `+strconv.Itoa(limit), user)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var args string
		if err := rows.Scan(&n.ID, &n.UserID, &n.Kind, &n.Msg.Key, &args, &n.Link, nullInt{&n.OrgID}, nullInt{&n.MeetingID}, &n.UniqueKey,
			nullTime{&n.CreatedAt}, nullTime{&n.ReadAt}, nullTime{&n.DismissedAt}); err != nil {
			return nil, err
		}
		n.Msg.Args = decodeArgs(args)
		out = append(out, n)
	}
	return out, rows.Err()
}

// CountUnread counts a user's unread, undismissed notifications.
func (tx *Tx) CountUnread(ctx context.Context, user int64) (int, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL AND dismissed_at IS NULL`, user).Scan(&n)
	return n, err
}

// MarkNotification marks one of a user's notifications read or dismissed.
func (tx *Tx) MarkNotification(ctx context.Context, user, id int64, dismiss bool) error {
	set := `read_at = coalesce(read_at, $1)`
	if dismiss {
		set += `, dismissed_at = $1`
	}
	res, err := tx.Exec(ctx, `UPDATE notifications SET `+set+` WHERE id = $2 AND user_id = $3`, Unix(tx.Now), id, user)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.NotFound("notify.not_found")
	}
	return nil
}

// MarkAllNotificationsRead marks every unread notification of a user read.
func (tx *Tx) MarkAllNotificationsRead(ctx context.Context, user int64) error {
	_, err := tx.Exec(ctx, `UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL`, Unix(tx.Now), user)
	return err
}

// Feed is a secret calendar address for a cell or a member.
type Feed struct {
	Token    string
	OrgID    int64
	MemberID int64
}

// FeedFor returns the live feed of a cell (org) or member, creating it
// with newToken when there is none.
func (tx *Tx) FeedFor(ctx context.Context, org, member int64, newToken string) (Feed, error) {
	f := Feed{OrgID: org, MemberID: member}
	col, id := "org_id", org
	if member != 0 {
		col, id = "member_id", member
	}
	err := tx.QueryRow(ctx, `SELECT token FROM ical_feeds WHERE `+col+` = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`, id).Scan(&f.Token)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return f, err
	}
	f.Token = newToken
	_, err = tx.Exec(ctx, `INSERT INTO ical_feeds (token, org_id, member_id, created_at) VALUES ($1, $2, $3, $4)`, f.Token, nz(org), nz(member), Unix(tx.Now))
	return f, err
}

// FeedByToken finds a live feed.
func (tx *Tx) FeedByToken(ctx context.Context, token string) (Feed, error) {
	var f Feed
	err := tx.QueryRow(ctx, `SELECT token, org_id, member_id FROM ical_feeds WHERE token = $1 AND revoked_at IS NULL`, token).
		Scan(&f.Token, nullInt{&f.OrgID}, nullInt{&f.MemberID})
	if errors.Is(err, sql.ErrNoRows) {
		return f, party.NotFound("ical.not_found")
	}
	return f, err
}

// RevokeFeed ends a feed address (after it leaked): a new one is made on
// the next request.
func (tx *Tx) RevokeFeed(ctx context.Context, token string) error {
	_, err := tx.Exec(ctx, `UPDATE ical_feeds SET revoked_at = $1 WHERE token = $2`, Unix(tx.Now), token)
	return err
}
