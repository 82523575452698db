// Package accounts is logging in and out, sessions, API tokens and the
// administration of user accounts.
package accounts

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// SessionTTL is how long a session lives without use; it slides on use.
const SessionTTL = 12 * time.Hour

// Service runs account use cases.
type Service struct {
	DB  *store.DB
	Now func() time.Time
}

// New returns a Service on db with the real clock.
func New(db *store.DB) *Service { return &Service{DB: db, Now: time.Now} }

// Login checks a user name and password and opens a session. Failures are
// counted per user name and per address; past the limits the account (or
// address) is locked for a while. It returns the session secret for the
// cookie. A new session is made on every login (session renewal).
func (s *Service) Login(ctx context.Context, username, password, ip, agent string) (secret string, p auth.Principal, err error) {
	now := s.Now()
	name := store.NormalizeUsername(username)
	if name == "" || password == "" {
		return "", p, party.Invalid("auth.credentials_required")
	}
	userKey, ipKey := "u:"+name, "ip:"+ip
	var u store.User
	var fail error
	err = s.DB.Update(ctx, store.Actor{Username: name, IP: ip}, func(tx *store.Tx) error {
		for _, k := range []string{userKey, ipKey} {
			th, err := tx.GetThrottle(ctx, k)
			if err != nil {
				return err
			}
			if now.Before(th.LockedUntil) {
				fail = party.Errorf(party.ETooMany, "auth.locked", int(th.LockedUntil.Sub(now).Minutes())+1)
				return nil
			}
		}
		var err error
		u, err = tx.UserByName(ctx, name)
		ok := err == nil && !u.Disabled && auth.CheckPassword(u.PasswordHash, password)
		if errors.Is(err, store.ErrNoUser) {
			auth.CheckDummy(password)
		} else if err != nil {
			return err
		}
		if !ok {
			for _, k := range []struct {
				key string
				max int
			}{{userKey, auth.MaxFailures}, {ipKey, auth.MaxFailuresIP}} {
				th, err := tx.GetThrottle(ctx, k.key)
				if err != nil {
					return err
				}
				f := auth.Failure{Count: th.Failures, WindowStart: th.WindowStart, LockedUntil: th.LockedUntil}.Fail(now, k.max)
				if err := tx.PutThrottle(ctx, k.key, store.Throttle{Failures: f.Count, WindowStart: f.WindowStart, LockedUntil: f.LockedUntil}); err != nil {
					return err
				}
			}
			fail = party.Errorf(party.EUnauthorized, "auth.bad_credentials")
			return tx.Audit(ctx, "login_failed", "user", u.ID, u.OrgID, nil, map[string]string{"username": name})
		}
		if err := tx.ClearThrottle(ctx, userKey); err != nil {
			return err
		}
		sec, hash := auth.NewToken()
		secret = sec
		if err := tx.InsertSession(ctx, store.Session{TokenHash: hash, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(SessionTTL)}, ip, agent); err != nil {
			return err
		}
		tx.Actor.UserID = u.ID
		return tx.Audit(ctx, "login", "user", u.ID, u.OrgID, nil, nil)
	})
	if err != nil {
		return "", p, err
	}
	if fail != nil {
		return "", p, fail
	}
	p, err = s.principal(ctx, u)
	return secret, p, err
}

// Session returns the principal of a session secret, sliding its expiry
// (at most once a minute, to spare the database a write per request),
// and the database's changes mark as of the session's read on PostgreSQL
// ("" on SQLite; see store.Session.Mark).
func (s *Service) Session(ctx context.Context, secret string) (auth.Principal, string, error) {
	now := s.Now()
	hash := auth.HashToken(secret)
	var sess store.Session
	var p auth.Principal
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var u store.User
		var err error
		if sess, u, err = tx.SessionByHash(ctx, hash, now); err != nil {
			return err
		}
		p, err = enabledPrincipal(ctx, tx, u)
		return err
	})
	if err != nil {
		return auth.Anonymous, "", err
	}
	if now.Sub(sess.LastSeenAt) > time.Minute {
		_ = s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
			return tx.TouchSession(ctx, hash, now, now.Add(SessionTTL))
		})
	}
	return p, sess.Mark, nil
}

// Token returns the principal of an API token.
func (s *Service) Token(ctx context.Context, secret string) (auth.Principal, error) {
	var p auth.Principal
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		uid, err := tx.TokenUser(ctx, auth.HashToken(secret))
		if err != nil {
			return err
		}
		p, err = principalTx(ctx, tx, uid)
		return err
	})
	if err != nil {
		return auth.Anonymous, store.ErrNoUser
	}
	return p, nil
}

// Principal loads the principal of a user id.
func (s *Service) Principal(ctx context.Context, userID int64) (auth.Principal, error) {
	var u store.User
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.User(ctx, userID)
		return err
	})
	if err != nil {
		return auth.Anonymous, err
	}
	return s.principal(ctx, u)
}

func (s *Service) principal(ctx context.Context, u store.User) (auth.Principal, error) {
	var p auth.Principal
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		p, err = principalOf(ctx, tx, u)
		return err
	})
	return p, err
}

// principalTx is the principal of an enabled user, read in one transaction
// with the session or token that named it (one round of queries a request).
func principalTx(ctx context.Context, tx *store.Tx, userID int64) (auth.Principal, error) {
	u, err := tx.User(ctx, userID)
	if err != nil {
		return auth.Anonymous, err
	}
	return enabledPrincipal(ctx, tx, u)
}

// enabledPrincipal is u's principal, or ErrNoUser when u is disabled.
func enabledPrincipal(ctx context.Context, tx *store.Tx, u store.User) (auth.Principal, error) {
	if u.Disabled {
		return auth.Anonymous, store.ErrNoUser
	}
	return principalOf(ctx, tx, u)
}

func principalOf(ctx context.Context, tx *store.Tx, u store.User) (auth.Principal, error) {
	p := auth.Principal{UserID: u.ID, Username: u.Username, Name: u.DisplayName, Role: u.Role, OrgID: u.OrgID, OrgPath: u.OrgPath, MemberID: u.MemberID, Locale: u.Locale}
	if p.Name == "" {
		p.Name = u.Username
	}
	if u.MemberID != 0 {
		m, err := tx.Member(ctx, u.MemberID)
		if err != nil {
			return p, err
		}
		o, err := tx.Org(ctx, m.OrgID)
		if err != nil {
			return p, err
		}
		p.MemberOrgPath = o.Path
	}
	return p, nil
}

// Logout ends one session.
func (s *Service) Logout(ctx context.Context, secret string) error {
	return s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		return tx.DeleteSession(ctx, auth.HashToken(secret))
	})
}

// LogoutEverywhere ends every session of a user.
func (s *Service) LogoutEverywhere(ctx context.Context, actor store.Actor, userID int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.DeleteUserSessions(ctx, userID); err != nil {
			return err
		}
		return tx.Audit(ctx, "logout_everywhere", "user", userID, 0, nil, nil)
	})
}

// NewUser is what creating an account needs.
type NewUser struct {
	Username    string
	DisplayName string
	Password    string
	Role        string
	OrgCode     string
	OrgID       int64
	MemberID    int64
	Email       string
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// CreateUser validates and creates an account. by is who creates it (a
// board user may create accounts only inside their subtree and never an
// admin); zero Principal means the command line.
func (s *Service) CreateUser(ctx context.Context, by auth.Principal, actor store.Actor, n NewUser) (int64, error) {
	f := party.FieldErrors{}
	name := store.NormalizeUsername(n.Username)
	if !usernameRE.MatchString(name) {
		f.Add("username", "auth.username_invalid")
	}
	if !auth.ValidRole(n.Role) {
		f.Add("role", "auth.role_invalid")
	}
	if err := auth.CheckPasswordRules(name, n.Password); err != nil {
		e, _ := party.AsError(err)
		for k, v := range e.Fields {
			f[k] = v
		}
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if n.OrgCode != "" {
			o, err := tx.OrgByCode(ctx, n.OrgCode)
			if err != nil {
				f.Add("org", "org.code_not_found", n.OrgCode)
			} else {
				n.OrgID = o.ID
			}
		}
		var org store.OrgRow
		if n.OrgID != 0 {
			var err error
			if org, err = tx.Org(ctx, n.OrgID); err != nil {
				f.Add("org", "org.not_found", n.OrgID)
			}
		}
		if n.MemberID != 0 {
			m, err := tx.Member(ctx, n.MemberID)
			if err != nil {
				f.Add("member", "member.not_found", n.MemberID)
			} else if n.OrgID == 0 && n.Role == auth.RoleMember {
				n.OrgID = m.OrgID
				org, _ = tx.Org(ctx, m.OrgID)
			}
		}
		switch n.Role {
		case auth.RoleBoard:
			if org.ID == 0 {
				f.Add("org", "auth.board_needs_org")
			} else if org.IsCell() {
				f.Add("org", "auth.board_needs_committee")
			}
		case auth.RoleSecretary:
			if org.ID == 0 || !org.IsCell() {
				f.Add("org", "auth.secretary_needs_cell")
			}
		case auth.RoleMember:
			if n.MemberID == 0 {
				f.Add("member", "auth.member_needs_member")
			}
		}
		if err := f.Err(); err != nil {
			return err
		}
		if by.LoggedIn() && by.Role != auth.RoleAdmin {
			if n.Role == auth.RoleAdmin || !auth.Can(by, auth.ManageUsers, auth.Target{OrgPath: org.Path}) {
				return party.Errorf(party.EForbidden, "auth.cannot_create_here")
			}
		}
		hash, err := auth.HashPassword(n.Password)
		if err != nil {
			return err
		}
		id, err = tx.InsertUser(ctx, store.User{Username: name, DisplayName: n.DisplayName, PasswordHash: hash, Role: n.Role, OrgID: n.OrgID, MemberID: n.MemberID, Email: n.Email})
		if errors.Is(err, store.ErrUsernameTaken) {
			f.Add("username", "auth.username_taken", name)
			return f.Err()
		}
		if err != nil {
			return err
		}
		return tx.Audit(ctx, "create", "user", id, n.OrgID, nil, map[string]any{"username": name, "role": n.Role, "org_id": n.OrgID, "member_id": n.MemberID})
	})
	return id, err
}

// ChangePassword sets a new password and ends every session of the user:
// whoever knew the old one is logged out everywhere.
func (s *Service) ChangePassword(ctx context.Context, actor store.Actor, userID int64, old, password string, checkOld bool) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		u, err := tx.User(ctx, userID)
		if err != nil {
			return err
		}
		if checkOld && !auth.CheckPassword(u.PasswordHash, old) {
			f := party.FieldErrors{}
			f.Add("old_password", "auth.old_password_wrong")
			return f.Err()
		}
		if err := auth.CheckPasswordRules(u.Username, password); err != nil {
			return err
		}
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		if err := tx.SetPassword(ctx, userID, hash); err != nil {
			return err
		}
		if err := tx.DeleteUserSessions(ctx, userID); err != nil {
			return err
		}
		return tx.Audit(ctx, "password", "user", userID, u.OrgID, nil, nil)
	})
}

// CreateToken issues an API token for a user; the secret is shown once.
func (s *Service) CreateToken(ctx context.Context, actor store.Actor, username, name string) (string, error) {
	var secret string
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		u, err := tx.UserByName(ctx, username)
		if err != nil {
			return party.NotFound("auth.user_not_found", username)
		}
		sec, _ := auth.NewToken()
		secret = "chibo_" + sec
		id, err := tx.InsertToken(ctx, u.ID, auth.HashToken(secret), strings.TrimSpace(name))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, "create", "api_token", id, u.OrgID, nil, map[string]string{"username": u.Username, "name": name})
	})
	return secret, err
}
