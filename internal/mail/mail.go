// Package mail sends notices and reminders by e-mail. Mailer is the seam:
// SMTP in production, Discard when no SMTP server is configured, Memory in
// the tests of other packages.
package mail

import (
	"context"
	"errors"
	"fmt"
	netmail "net/mail"
	"strings"
)

// Message is one e-mail. Every address in To sees the others: send one
// message per member when the notice is personal.
type Message struct {
	To          []string // "a@example.vn" or "Nguyễn Văn An <a@example.vn>"
	Subject     string
	Text        string // the plain-text body, always sent
	HTML        string // optional; sent as an alternative to Text
	Attachments []Attachment
}

// Attachment is a file sent with a message, e.g. an .ics invitation.
type Attachment struct {
	Name        string // file name shown to the reader: "hop-chi-bo.ics"
	ContentType string // "text/calendar; charset=utf-8; method=PUBLISH"
	Data        []byte
}

// Mailer sends messages.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// Discard is the Mailer used when no SMTP server is configured: it checks
// the message as SMTP would, then drops it.
type Discard struct{}

// Send checks m and drops it.
func (Discard) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return m.check()
}

// check refuses a message no server would deliver. Every Mailer runs it,
// so a test with Memory fails where production would.
func (m *Message) check() error {
	if len(m.To) == 0 {
		return errors.New("mail: message has no recipient")
	}
	for _, to := range m.To {
		if _, err := netmail.ParseAddress(to); err != nil {
			return fmt.Errorf("mail: recipient %q: %w", to, err)
		}
	}
	if strings.ContainsAny(m.Subject, "\r\n") {
		return errors.New("mail: subject holds a line break")
	}
	for i, a := range m.Attachments {
		if a.Name == "" {
			return fmt.Errorf("mail: attachment %d has no name", i)
		}
	}
	return nil
}
