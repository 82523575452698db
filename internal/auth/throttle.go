package auth

import "time"

// Login throttling: after MaxFailures failed logins within Window for the
// same user name (or from the same address), further attempts are refused
// until Lockout has passed. The counts live in the database so that every
// app server sees them.
const (
	MaxFailures = 5
	Window      = 15 * time.Minute
	Lockout     = 15 * time.Minute
	// MaxFailuresIP is higher: many secretaries may share one office
	// address.
	MaxFailuresIP = 30
)

// Failure is the throttle state of one key.
type Failure struct {
	Count       int
	WindowStart time.Time
	LockedUntil time.Time
}

// Locked reports whether the key is locked at now.
func (f Failure) Locked(now time.Time) bool { return now.Before(f.LockedUntil) }

// Fail records one more failure at now with limit max; it returns the new
// state.
func (f Failure) Fail(now time.Time, max int) Failure {
	if now.Sub(f.WindowStart) > Window {
		f = Failure{WindowStart: now}
	}
	f.Count++
	if f.Count >= max {
		f.LockedUntil = now.Add(Lockout)
	}
	return f
}
