// Package smtptest runs a small SMTP server (RFC 5321) inside a test, on
// 127.0.0.1, so tests can see what really goes over the wire: the
// envelope, the raw message, its headers and its decoded bodies.
//
// It speaks EHLO/HELO, AUTH PLAIN and LOGIN (when WithAuth is given), MAIL,
// RCPT, DATA, RSET, NOOP, VRFY and QUIT. There is no TLS: point the mail
// package at it with tls=none, which URL does.
package smtptest

import (
	"net"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"
)

// Server is a running test server. It stops when the test ends.
type Server struct {
	t          testing.TB
	ln         net.Listener
	user, pass string

	mu      sync.Mutex
	msgs    []Message
	arrived chan struct{} // closed and replaced when a message arrives
	conns   map[net.Conn]struct{}
	closed  bool
	wg      sync.WaitGroup
}

// Option configures a Server.
type Option func(*Server)

// WithAuth makes the server offer AUTH PLAIN and LOGIN, accept only these
// credentials, and refuse MAIL before a successful AUTH.
func WithAuth(user, pass string) Option {
	return func(s *Server) { s.user, s.pass = user, pass }
}

// Start listens on 127.0.0.1 on a free port and serves until the test ends.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: %v", err)
	}
	s := &Server{t: t, ln: ln, arrived: make(chan struct{}), conns: map[net.Conn]struct{}{}}
	for _, o := range opts {
		o(s)
	}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(s.close)
	return s
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL is an smtp:// URL for mail.ParseURL: this server, tls=none, sender
// chibo@example.vn, and the credentials of WithAuth if any.
func (s *Server) URL() string {
	u := url.URL{Scheme: "smtp", Host: s.Addr(), RawQuery: "from=chibo%40example.vn&tls=none"}
	if s.user != "" {
		u.User = url.UserPassword(s.user, s.pass)
	}
	return u.String()
}

// Messages returns the messages received so far, oldest first. A message
// is stored before the server answers the end of its DATA, so it is
// there as soon as the sender's Send returns.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.msgs)
}

// WaitFor waits until at least n messages have arrived and returns them
// all; it fails the test if they have not after timeout. Use it when the
// sending happens in the background (a job queue).
func (s *Server) WaitFor(n int, timeout time.Duration) []Message {
	s.t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		got, arrived := len(s.msgs), s.arrived
		if got >= n {
			out := slices.Clone(s.msgs)
			s.mu.Unlock()
			return out
		}
		s.mu.Unlock()
		select {
		case <-arrived:
		case <-deadline.C:
			s.t.Fatalf("smtptest: %d message(s) after %v, want %d", got, timeout, n)
			return nil
		}
	}
}

func (s *Server) store(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.arrived)
	s.arrived = make(chan struct{})
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			conn.Close()
			return
		}
		s.conns[conn] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go func() {
			defer s.wg.Done()
			newSession(s, conn).run()
			conn.Close()
			s.mu.Lock()
			delete(s.conns, conn)
			s.mu.Unlock()
		}()
	}
}

// close stops the server: no new connections, open ones cut, and every
// goroutine finished before the test is reported.
func (s *Server) close() {
	s.ln.Close()
	s.mu.Lock()
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}
