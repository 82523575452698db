package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// Audit records a change in the same transaction as the change itself:
// who, when, what, before and after (issue 7: "an audit log of every
// change"). before and after are marshalled to JSON; nil stays NULL.
func (tx *Tx) Audit(ctx context.Context, action, entity string, id, org int64, before, after any) error {
	b, err := auditJSON(before)
	if err != nil {
		return err
	}
	a, err := auditJSON(after)
	if err != nil {
		return err
	}
	name := tx.Actor.Username
	if name == "" {
		name = "system"
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_log (at, user_id, username, ip, action, entity, entity_id, org_id, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		Unix(tx.Now), nz(tx.Actor.UserID), name, nz(tx.Actor.IP), action, entity, nz(id), nz(org), b, a)
	return err
}

func auditJSON(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	UserID   int64     `json:"user_id,omitempty"`
	Username string    `json:"username"`
	IP       string    `json:"ip,omitempty"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entity_id,omitempty"`
	OrgID    int64     `json:"org_id,omitempty"`
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Username string
	Entity   string
	EntityID int64
	Action   string
	From, To time.Time
	BeforeID int64 // paging: entries older than this id
	Limit    int
}

// AuditLog lists audit entries, newest first.
func (tx *Tx) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	q := `SELECT id, at, user_id, username, ip, action, entity, entity_id, org_id, before, after FROM audit_log WHERE 1 = 1`
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		q += " AND " + cond + " $" + strconv.Itoa(len(args))
	}
	if f.Username != "" {
		add("username =", NormalizeUsername(f.Username))
	}
	if f.Entity != "" {
		add("entity =", f.Entity)
	}
	if f.EntityID != 0 {
		add("entity_id =", f.EntityID)
	}
	if f.Action != "" {
		add("action =", f.Action)
	}
	if !f.From.IsZero() {
		add("at >=", f.From.Unix())
	}
	if !f.To.IsZero() {
		add("at <", f.To.Unix())
	}
	if f.BeforeID != 0 {
		add("id <", f.BeforeID)
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 100
	}
	rows, err := tx.Query(ctx, q+` ORDER BY id DESC LIMIT `+strconv.Itoa(f.Limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, nullTime{&e.At}, nullInt{&e.UserID}, &e.Username, nullStr{&e.IP}, &e.Action, &e.Entity,
			nullInt{&e.EntityID}, nullInt{&e.OrgID}, nullStr{&e.Before}, nullStr{&e.After}); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Setting reads an administrator's setting; ok is false when unset.
func (tx *Tx) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = tx.QueryRow(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&value)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		return "", false, err
	}
	return value, true, nil
}

// PutSetting stores a setting.
func (tx *Tx) PutSetting(ctx context.Context, key, value string) error {
	_, err := tx.Exec(ctx, `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		key, value, Unix(tx.Now), tx.Actor.Username)
	return err
}
