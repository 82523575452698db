package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"chibo/internal/vntext"
)

// User is an account. Role is admin, board, secretary or member; OrgID is
// the organization whose subtree a board user oversees or the cell a
// secretary runs; MemberID ties an account to a member's own record.
type User struct {
	ID                int64
	Username          string
	DisplayName       string
	PasswordHash      string
	Role              string
	OrgID             int64
	MemberID          int64
	Email             string
	Locale            string
	Disabled          bool
	FailedLogins      int
	LockedUntil       time.Time
	PasswordChangedAt time.Time
	CreatedAt         time.Time
	Version           int64
	OrgPath           string // current path of OrgID, for scope checks
}

const userCols = `u.id, u.username, u.display_name, u.password_hash, u.role, u.org_id, u.member_id, u.email, u.locale, u.disabled,
	u.failed_logins, u.locked_until, u.password_changed_at, u.created_at, u.version, coalesce(o.path, '')`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	err := sc.Scan(u.dest()...)
	return u, err
}

// dest are the scan targets of userCols.
func (u *User) dest() []any {
	return []any{&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Role, nullInt{&u.OrgID}, nullInt{&u.MemberID}, nullStr{&u.Email},
		&u.Locale, &u.Disabled, &u.FailedLogins, nullTime{&u.LockedUntil}, nullTime{&u.PasswordChangedAt}, nullTime{&u.CreatedAt}, &u.Version, &u.OrgPath}
}

// ErrNoUser is returned when no account matches.
var ErrNoUser = errors.New("store: no such user")

func (tx *Tx) userWhere(ctx context.Context, cond string, arg any) (User, error) {
	u, err := scanUser(tx.QueryRow(ctx, `SELECT `+userCols+` FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE `+cond, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNoUser
	}
	return u, err
}

// User returns an account by id.
func (tx *Tx) User(ctx context.Context, id int64) (User, error) {
	return tx.userWhere(ctx, "u.id = $1", id)
}

// UserByName returns an account by user name (case-insensitive).
func (tx *Tx) UserByName(ctx context.Context, name string) (User, error) {
	return tx.userWhere(ctx, "u.username = $1", NormalizeUsername(name))
}

// NormalizeUsername is how user names are stored and compared.
func NormalizeUsername(s string) string { return strings.ToLower(vntext.Clean(s)) }

// Users lists accounts under a scope path ("" for all), newest first.
func (tx *Tx) Users(ctx context.Context, scope string, limit int) ([]User, error) {
	q := `SELECT ` + userCols + ` FROM users u LEFT JOIN orgs o ON o.id = u.org_id`
	var args []any
	if scope != "" {
		lo, hi := SubtreeRange(scope)
		q += ` WHERE o.path >= $1 AND o.path < $2`
		args = append(args, lo, hi)
	}
	q += ` ORDER BY u.username LIMIT ` + strconv.Itoa(limit)
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UsersOfOrg lists the accounts tied to one organization with a role.
func (tx *Tx) UsersOfOrg(ctx context.Context, org int64, role string) ([]User, error) {
	rows, err := tx.Query(ctx, `SELECT `+userCols+` FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.org_id = $1 AND u.role = $2 AND u.disabled = FALSE ORDER BY u.id`, org, role)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// InsertUser creates an account.
func (tx *Tx) InsertUser(ctx context.Context, u User) (int64, error) {
	if u.Locale == "" {
		u.Locale = "vi"
	}
	id, err := tx.insertID(ctx, `INSERT INTO users (username, display_name, password_hash, role, org_id, member_id, email, locale, disabled, password_changed_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)`,
		NormalizeUsername(u.Username), vntext.Clean(u.DisplayName), u.PasswordHash, u.Role, nz(u.OrgID), nz(u.MemberID), nz(strings.TrimSpace(u.Email)), u.Locale, u.Disabled, Unix(tx.Now))
	if isUnique(err) {
		return 0, ErrUsernameTaken
	}
	return id, err
}

// ErrUsernameTaken reports a duplicate user name.
var ErrUsernameTaken = errors.New("store: username taken")

// UpdateUser saves role, scope, name, e-mail, locale and the disabled flag
// with a version check.
func (tx *Tx) UpdateUser(ctx context.Context, u User) error {
	res, err := tx.Exec(ctx, `UPDATE users SET display_name = $1, role = $2, org_id = $3, member_id = $4, email = $5, locale = $6, disabled = $7,
		updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10`,
		vntext.Clean(u.DisplayName), u.Role, nz(u.OrgID), nz(u.MemberID), nz(strings.TrimSpace(u.Email)), u.Locale, u.Disabled, Unix(tx.Now), u.ID, u.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrStale
	}
	return nil
}

// ErrStale reports an optimistic-lock failure.
var ErrStale = errors.New("store: record changed since it was read")

// SetPassword stores a new password hash and clears lockouts.
func (tx *Tx) SetPassword(ctx context.Context, userID int64, hash string) error {
	_, err := tx.Exec(ctx, `UPDATE users SET password_hash = $1, password_changed_at = $2, failed_logins = 0, locked_until = NULL, updated_at = $2, version = version + 1 WHERE id = $3`,
		hash, Unix(tx.Now), userID)
	return err
}

// SetLocale stores a user's language.
func (tx *Tx) SetLocale(ctx context.Context, userID int64, locale string) error {
	_, err := tx.Exec(ctx, `UPDATE users SET locale = $1 WHERE id = $2`, locale, userID)
	return err
}

// Session is a login, stored in the database so that it survives restarts
// and every app server sees it.
type Session struct {
	TokenHash  string
	UserID     int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
	// Mark is the database's changes mark as of this read, on PostgreSQL
	// (store.DB.Changes; "" on SQLite, where reading it costs nothing):
	// the request that needs one has it without another round trip.
	Mark string
}

// InsertSession stores a new session.
func (tx *Tx) InsertSession(ctx context.Context, s Session, ip, agent string) error {
	_, err := tx.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $4, $3, $5, $6)`,
		s.TokenHash, s.UserID, Unix(s.CreatedAt), Unix(s.ExpiresAt), ip, truncate(agent, 200))
	return err
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// SessionByHash returns a live session and its account, in one statement:
// every request asks for them.
func (tx *Tx) SessionByHash(ctx context.Context, hash string, now time.Time) (Session, User, error) {
	var s Session
	var u User
	mark := `''`
	if tx.Engine == Postgres {
		mark = snapshotMark
	}
	err := tx.QueryRow(ctx, `SELECT `+mark+`, s.token_hash, s.created_at, s.expires_at, s.last_seen_at, `+userCols+`
		FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN orgs o ON o.id = u.org_id
		WHERE s.token_hash = $1 AND s.expires_at > $2`, hash, now.Unix()).
		Scan(append([]any{&s.Mark, &s.TokenHash, nullTime{&s.CreatedAt}, nullTime{&s.ExpiresAt}, nullTime{&s.LastSeenAt}}, u.dest()...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return s, u, ErrNoUser
	}
	s.UserID = u.ID
	return s, u, err
}

// TouchSession extends a session (sliding expiry).
func (tx *Tx) TouchSession(ctx context.Context, hash string, now, expires time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3`, now.Unix(), expires.Unix(), hash)
	return err
}

// DeleteSession ends one session; DeleteUserSessions ends them all
// ("log out everywhere", and after a password change).
func (tx *Tx) DeleteSession(ctx context.Context, hash string) error {
	_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hash)
	return err
}

func (tx *Tx) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry.
func (tx *Tx) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// InsertToken stores an API token's hash.
func (tx *Tx) InsertToken(ctx context.Context, userID int64, hash, name string) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO api_tokens (user_id, token_hash, name, created_at) VALUES ($1, $2, $3, $4)`, userID, hash, name, Unix(tx.Now))
}

// TokenUser returns the user of a live API token and marks its use.
func (tx *Tx) TokenUser(ctx context.Context, hash string) (int64, error) {
	var uid int64
	err := tx.QueryRow(ctx, `SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, hash).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNoUser
	}
	return uid, err
}

// RevokeTokens revokes every token of a user.
func (tx *Tx) RevokeTokens(ctx context.Context, userID int64) error {
	_, err := tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, Unix(tx.Now), userID)
	return err
}

// Throttle is the failure count of one login key (a user name or an IP).
type Throttle struct {
	Failures    int
	WindowStart time.Time
	LockedUntil time.Time
}

// GetThrottle reads a key's failures.
func (tx *Tx) GetThrottle(ctx context.Context, key string) (Throttle, error) {
	var t Throttle
	err := tx.QueryRow(ctx, `SELECT failures, window_start, locked_until FROM login_throttle WHERE key = $1`, key).
		Scan(&t.Failures, nullTime{&t.WindowStart}, nullTime{&t.LockedUntil})
	if errors.Is(err, sql.ErrNoRows) {
		return Throttle{}, nil
	}
	return t, err
}

// PutThrottle stores a key's failures.
func (tx *Tx) PutThrottle(ctx context.Context, key string, t Throttle) error {
	_, err := tx.Exec(ctx, `INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
		ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until`,
		key, t.Failures, Unix(t.WindowStart), Unix(t.LockedUntil))
	return err
}

// ClearThrottle forgets a key's failures (after a successful login).
func (tx *Tx) ClearThrottle(ctx context.Context, key string) error {
	_, err := tx.Exec(ctx, `DELETE FROM login_throttle WHERE key = $1`, key)
	return err
}
