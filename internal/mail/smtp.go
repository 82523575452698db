package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"fmt"
	"net"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Send delivers m over one new connection. Cancelling ctx stops it at any
// step, even while the server does not answer: go-mail itself only
// watches ctx while dialling, so the connection is closed when ctx ends.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := m.check(); err != nil {
		return err
	}
	msg, err := s.message(m)
	if err != nil {
		return err
	}

	var stop func() bool
	dial := func(dctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := s.dial(dctx, network, addr)
		if err != nil {
			return nil, err
		}
		stop = context.AfterFunc(ctx, func() { conn.Close() })
		return conn, nil
	}
	client, err := gomail.NewClient(s.host, s.options(dial)...)
	if err != nil {
		return fmt.Errorf("mail: SMTP client for %s: %w", s, err)
	}
	err = client.DialAndSendWithContext(ctx, msg)
	if stop != nil {
		stop()
	}
	switch {
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("mail: sending via %s:%d: %w: %w", s.host, s.port, context.Cause(ctx), err)
	case err != nil:
		return fmt.Errorf("mail: sending via %s:%d: %w", s.host, s.port, err)
	}
	return nil
}

// dial connects, and for tls=tls does the TLS handshake itself: go-mail
// skips its own when given a dial function. The smtp client then sees a
// *tls.Conn and treats the session as encrypted.
func (s *SMTP) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, network, addr)
	if err != nil || s.security != "tls" {
		return conn, err
	}
	tc := tls.Client(conn, &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return tc, nil
}

func (s *SMTP) options(dial gomail.DialContextFunc) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.port),
		gomail.WithTimeout(s.timeout),
		gomail.WithDialContextFunc(dial),
	}
	if s.security == "starttls" {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	} else {
		// none, or tls where dial has already encrypted the connection.
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.user != "" {
		opts = append(opts, gomail.WithUsername(s.user), gomail.WithPassword(s.pass), s.authOption())
	}
	return opts
}

// authOption picks the SASL mechanism. Without TLS, go-mail refuses to
// send a password in clear unless told "-NOENC"; tls=none is the
// operator's explicit choice of a plain-text relay, so after the challenge
// mechanisms (which never send the password) PLAIN and LOGIN are allowed.
// Over TLS, PLAIN is what nearly every server accepts.
func (s *SMTP) authOption() gomail.Option {
	plainText := s.security == "none"
	if s.auth != "" {
		t := gomail.SMTPAuthType(strings.ToUpper(s.auth))
		if plainText && (t == gomail.SMTPAuthPlain || t == gomail.SMTPAuthLogin) {
			t += "-NOENC"
		}
		return gomail.WithSMTPAuth(t)
	}
	if plainText {
		return gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
			gomail.SMTPAuthCramMD5, gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc)
	}
	return gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthPlain, gomail.SMTPAuthLogin,
		gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1, gomail.SMTPAuthCramMD5)
}

// message builds the MIME message. Text goes through NFC: decomposed
// Vietnamese (from some keyboards, from Excel) shows misplaced accents in
// mail readers. go-mail encodes the headers (RFC 2047) and the bodies
// (quoted-printable, UTF-8).
func (s *SMTP) message(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	msg.FromMailAddress(s.from)
	to := make([]string, len(m.To))
	for i, addr := range m.To {
		to[i] = vntext.NFC(addr)
	}
	if err := msg.To(to...); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	msg.Subject(vntext.NFC(m.Subject))
	msg.SetDateWithValue(time.Now().In(party.Zone)) // readers see Vietnam time in the raw header too
	// A Message-ID in the sender's own domain, not this machine's name:
	// spam filters look for it.
	domain := s.from.Address[strings.LastIndexByte(s.from.Address, '@')+1:]
	msg.SetMessageIDWithValue(rand.Text() + "@" + domain)

	msg.SetBodyString(gomail.TypeTextPlain, vntext.NFC(m.Text))
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, vntext.NFC(m.HTML))
	}
	for _, a := range m.Attachments {
		var opts []gomail.FileOption
		if a.ContentType != "" {
			opts = append(opts, gomail.WithFileContentType(gomail.ContentType(a.ContentType)))
		}
		msg.AttachReadSeeker(vntext.NFC(a.Name), bytes.NewReader(a.Data), opts...)
	}
	return msg, nil
}
