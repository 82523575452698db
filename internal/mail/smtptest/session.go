package smtptest

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strings"
)

const (
	hostname = "smtptest.local"
	maxData  = 32 << 20 // octets of one message
	maxRcpt  = 100      // RFC 5321, 4.5.3.1.8: at least 100 must be accepted
)

// session is one client connection.
type session struct {
	s    *Server
	r    *bufio.Reader
	w    *bufio.Writer
	helo string // the client's name; "" until EHLO/HELO
	user string // authenticated user; "" until AUTH succeeds

	// The mail transaction (RFC 5321, 3.3).
	inMail bool
	from   string
	to     []string
}

func newSession(s *Server, conn net.Conn) *session {
	return &session{s: s, r: bufio.NewReader(conn), w: bufio.NewWriter(conn)}
}

func (c *session) reply(code int, text string) {
	fmt.Fprintf(c.w, "%d %s\r\n", code, text)
	c.w.Flush()
}

func (c *session) reset() {
	c.inMail, c.from, c.to = false, "", nil
}

// readLine reads one command line without its CRLF (a bare LF is
// tolerated). Lines longer than the reader's buffer end the session.
func (c *session) readLine() (string, error) {
	line, err := c.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		c.reply(500, "5.5.2 Line too long")
	}
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

func (c *session) run() {
	c.reply(220, hostname+" ESMTP chibo smtptest")
	for {
		line, err := c.readLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			c.ehlo(arg, true)
		case "HELO":
			c.ehlo(arg, false)
		case "AUTH":
			c.auth(arg)
		case "MAIL":
			c.mail(arg)
		case "RCPT":
			c.rcpt(arg)
		case "DATA":
			if err := c.data(arg); err != nil {
				return
			}
		case "RSET":
			c.reset()
			c.reply(250, "2.0.0 OK")
		case "NOOP":
			c.reply(250, "2.0.0 OK")
		case "VRFY":
			c.reply(252, "2.5.0 Cannot VRFY user, but will accept message")
		case "QUIT":
			c.reply(221, "2.0.0 Bye")
			return
		case "STARTTLS":
			c.reply(502, "5.5.1 TLS not available")
		default:
			c.reply(500, "5.5.2 Command not recognized")
		}
	}
}

func (c *session) ehlo(name string, extended bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		c.reply(501, "5.5.4 Give your name")
		return
	}
	c.helo = name
	c.reset() // EHLO starts afresh, like RSET (RFC 5321, 4.1.4)
	if !extended {
		c.reply(250, hostname)
		return
	}
	lines := []string{hostname + " greets " + name, "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES"}
	if c.s.user != "" {
		lines = append(lines, "AUTH PLAIN LOGIN")
	}
	lines = append(lines, "HELP")
	for i, l := range lines {
		sep := "-"
		if i == len(lines)-1 {
			sep = " "
		}
		fmt.Fprintf(c.w, "250%s%s\r\n", sep, l)
	}
	c.w.Flush()
}

// auth runs AUTH PLAIN (RFC 4616) or AUTH LOGIN, with or without an
// initial response.
func (c *session) auth(arg string) {
	switch {
	case c.helo == "":
		c.reply(503, "5.5.1 EHLO first")
		return
	case c.s.user == "":
		c.reply(502, "5.5.1 AUTH not offered")
		return
	case c.user != "":
		c.reply(503, "5.5.1 Already authenticated")
		return
	case c.inMail:
		c.reply(503, "5.5.1 AUTH not allowed during a mail transaction")
		return
	}
	mech, initial, hasInitial := strings.Cut(strings.TrimSpace(arg), " ")
	var user, pass string
	switch strings.ToUpper(mech) {
	case "PLAIN":
		resp, ok := c.response(initial, hasInitial, "")
		if !ok {
			return
		}
		parts := strings.Split(string(resp), "\x00")
		if len(parts) != 3 || (parts[0] != "" && parts[0] != parts[1]) {
			c.reply(501, "5.5.2 Malformed PLAIN response")
			return
		}
		user, pass = parts[1], parts[2]
	case "LOGIN":
		u, ok := c.response(initial, hasInitial, "Username:")
		if !ok {
			return
		}
		p, ok := c.response("", false, "Password:")
		if !ok {
			return
		}
		user, pass = string(u), string(p)
	default:
		c.reply(504, "5.5.4 Unrecognized authentication type")
		return
	}
	if user != c.s.user || pass != c.s.pass {
		c.reply(535, "5.7.8 Authentication credentials invalid")
		return
	}
	c.user = user
	c.reply(235, "2.7.0 Authentication successful")
}

// response returns the client's decoded SASL response: the initial one
// given on the AUTH line ("=" for empty), or one asked for with a 334
// challenge. On failure it has already replied.
func (c *session) response(initial string, hasInitial bool, challenge string) ([]byte, bool) {
	if !hasInitial {
		c.reply(334, base64.StdEncoding.EncodeToString([]byte(challenge)))
		line, err := c.readLine()
		if err != nil {
			return nil, false
		}
		initial = line
	}
	if initial == "*" {
		c.reply(501, "5.0.0 Authentication cancelled")
		return nil, false
	}
	if initial == "=" {
		return nil, true
	}
	b, err := base64.StdEncoding.DecodeString(initial)
	if err != nil {
		c.reply(501, "5.5.2 Cannot decode response")
		return nil, false
	}
	return b, true
}

// path reads "FROM:<addr> params" or "TO:<addr> params"; the parameters
// (BODY=8BITMIME, SMTPUTF8, SIZE=…) are accepted and ignored.
func path(arg, prefix string) (string, bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", false
	}
	rest := strings.TrimLeft(arg[len(prefix):], " ")
	if !strings.HasPrefix(rest, "<") {
		return "", false
	}
	end := strings.IndexByte(rest, '>')
	if end < 0 {
		return "", false
	}
	return rest[1:end], true
}

func (c *session) mail(arg string) {
	switch {
	case c.helo == "":
		c.reply(503, "5.5.1 EHLO first")
		return
	case c.s.user != "" && c.user == "":
		c.reply(530, "5.7.0 Authentication required")
		return
	case c.inMail:
		c.reply(503, "5.5.1 Nested MAIL command")
		return
	}
	from, ok := path(arg, "FROM:")
	if !ok {
		c.reply(501, "5.5.4 Syntax: MAIL FROM:<address>")
		return
	}
	c.inMail, c.from = true, from
	c.reply(250, "2.1.0 OK")
}

func (c *session) rcpt(arg string) {
	if !c.inMail {
		c.reply(503, "5.5.1 MAIL first")
		return
	}
	to, ok := path(arg, "TO:")
	if !ok || to == "" {
		c.reply(501, "5.5.4 Syntax: RCPT TO:<address>")
		return
	}
	if len(c.to) >= maxRcpt {
		c.reply(452, "4.5.3 Too many recipients")
		return
	}
	c.to = append(c.to, to)
	c.reply(250, "2.1.5 OK")
}

// data reads the message up to the line ".", removing the dot that the
// sender doubled at the start of lines (RFC 5321, 4.5.2).
func (c *session) data(arg string) error {
	switch {
	case arg != "":
		c.reply(501, "5.5.4 DATA takes no argument")
		return nil
	case len(c.to) == 0:
		c.reply(503, "5.5.1 RCPT first")
		return nil
	}
	c.reply(354, "End data with <CR><LF>.<CR><LF>")
	var buf bytes.Buffer
	tooBig := false
	for {
		line, err := c.r.ReadBytes('\n')
		if err != nil {
			return err
		}
		if string(line) == ".\r\n" || string(line) == ".\n" {
			break
		}
		if line[0] == '.' {
			line = line[1:]
		}
		if buf.Len()+len(line) > maxData {
			tooBig = true
			continue
		}
		buf.Write(line)
	}
	if tooBig {
		c.reset()
		c.reply(552, "5.3.4 Message too big")
		return nil
	}
	m := Message{From: c.from, To: c.to, Auth: c.user, Data: buf.Bytes()}
	m.Err = m.parse()
	c.s.store(m)
	c.reset()
	c.reply(250, "2.0.0 OK: queued")
	return nil
}
