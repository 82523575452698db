package mail

import (
	"context"
	"slices"
	"sync"
)

// Memory is a Mailer for tests: it records every message it accepts.
// It is safe for concurrent use; the zero value is ready.
type Memory struct {
	mu   sync.Mutex
	sent []Message
}

// Send checks m as SMTP would and records a copy of it.
func (s *Memory) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := m.check(); err != nil {
		return err
	}
	m = clone(m)
	s.mu.Lock()
	s.sent = append(s.sent, m)
	s.mu.Unlock()
	return nil
}

// Sent returns copies of the messages sent so far, oldest first.
func (s *Memory) Sent() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, len(s.sent))
	for i, m := range s.sent {
		out[i] = clone(m)
	}
	return out
}

// clone copies the slices of m, so neither the sender nor the reader of a
// recorded message can change it under the other.
func clone(m Message) Message {
	m.To = slices.Clone(m.To)
	m.Attachments = slices.Clone(m.Attachments)
	for i := range m.Attachments {
		m.Attachments[i].Data = slices.Clone(m.Attachments[i].Data)
	}
	return m
}
