package party

import (
	"errors"
	"fmt"
)

// Msg is a message for people: a key of the message catalogs
// (internal/i18n) and the values it names. The domain says what is wrong;
// the web layer says it in the reader's language.
type Msg struct {
	Key  string
	Args []any
}

// M builds a Msg.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

func (m Msg) String() string { return fmt.Sprint(m.Key, m.Args) }

// Percent marks a rate in [0,1] to be printed as a percentage (94,7%).
type Percent float64

// Code classifies an error; the web layer maps each code to one HTTP status.
type Code string

const (
	EInvalid      Code = "invalid"      // 400: malformed input
	ERule         Code = "rule"         // 422: a Party rule forbids it
	ENotFound     Code = "not_found"    // 404
	EConflict     Code = "conflict"     // 409: stale version, duplicate
	ELocked       Code = "locked"       // 409: signed minutes never change
	EForbidden    Code = "forbidden"    // 403: outside the user's role or scope
	EUnauthorized Code = "unauthorized" // 401: not logged in
	ETooLarge     Code = "too_large"    // 413
	ETooMany      Code = "too_many"     // 429: throttled
	EInternal     Code = "internal"     // 500
)

// Error is an error people can act on: a code, a message, and messages per
// form field.
type Error struct {
	Code   Code
	Msg    Msg
	Fields map[string]Msg
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.Msg.String()
	for k, v := range e.Fields {
		s += "; " + k + ": " + v.String()
	}
	return s
}

// Errorf builds an Error.
func Errorf(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Msg: M(key, args...)}
}

// Invalid is a malformed-input error.
func Invalid(key string, args ...any) *Error { return Errorf(EInvalid, key, args...) }

// RuleError is a Party rule refusing an action (HTTP 422).
func RuleError(key string, args ...any) *Error { return Errorf(ERule, key, args...) }

// NotFound is a missing record.
func NotFound(key string, args ...any) *Error { return Errorf(ENotFound, key, args...) }

// Conflict is a stale version or a duplicate.
func Conflict(key string, args ...any) *Error { return Errorf(EConflict, key, args...) }

// FieldErrors collects validation messages per field; its Err is nil when
// nothing is wrong.
type FieldErrors map[string]Msg

// Add records a message for a field, keeping the first one.
func (f FieldErrors) Add(field, key string, args ...any) {
	if _, ok := f[field]; !ok {
		f[field] = M(key, args...)
	}
}

// Err turns the collected messages into an EInvalid error.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Msg: M("form.has_errors", len(f)), Fields: f}
}

// ErrorCode returns the code of err, EInternal for errors of no known kind.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// AsError returns err as an *Error when it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
