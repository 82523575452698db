package smtptest

import (
	"bufio"
	"encoding/base64"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// client is a raw SMTP conversation, to check the server's replies code
// by code.
type client struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func dial(t *testing.T, s *Server) *client {
	t.Helper()
	conn, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	c := &client{t: t, conn: conn, r: bufio.NewReader(conn)}
	c.expect(220)
	return c
}

// expect reads one reply, multi-line or not, and checks its code.
func (c *client) expect(code int) string {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	var text []string
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			c.t.Fatalf("reading reply: %v", err)
		}
		if !strings.HasSuffix(line, "\r\n") || len(line) < 6 {
			c.t.Fatalf("malformed reply %q", line)
		}
		text = append(text, line[4:len(line)-2])
		if line[3] == ' ' {
			if got := line[:3]; got != strconv.Itoa(code) {
				c.t.Fatalf("reply %q, want code %d", strings.Join(text, " | "), code)
			}
			return strings.Join(text, "\n")
		}
	}
}

func (c *client) send(line string, code int) string {
	c.t.Helper()
	if _, err := c.conn.Write([]byte(line + "\r\n")); err != nil {
		c.t.Fatal(err)
	}
	return c.expect(code)
}

func TestConversation(t *testing.T) {
	s := Start(t)
	c := dial(t, s)
	c.send("MAIL FROM:<a@x.vn>", 503) // before EHLO
	ext := c.send("EHLO client.test", 250)
	for _, want := range []string{"8BITMIME", "HELP"} {
		if !strings.Contains(ext, want) {
			t.Errorf("EHLO reply lacks %s: %q", want, ext)
		}
	}
	if strings.Contains(ext, "AUTH") {
		t.Error("AUTH offered without WithAuth")
	}
	c.send("NOOP", 250)
	c.send("RCPT TO:<b@x.vn>", 503) // before MAIL
	c.send("DATA", 503)
	c.send("MAIL FROM:a@x.vn", 501) // no angle brackets
	c.send("MAIL FROM:<a@x.vn> BODY=8BITMIME SMTPUTF8", 250)
	c.send("MAIL FROM:<a@x.vn>", 503) // nested
	c.send("RCPT TO:<b@x.vn>", 250)
	c.send("RSET", 250)
	c.send("DATA", 503) // RSET dropped the recipients
	c.send("XYZZY", 500)
	c.send("QUIT", 221)
	if n := len(s.Messages()); n != 0 {
		t.Errorf("%d messages stored from an aborted transaction", n)
	}
}

func TestDataIsDotUnstuffedAndKeptRaw(t *testing.T) {
	s := Start(t)
	c := dial(t, s)
	c.send("HELO client.test", 250)
	c.send("MAIL FROM:<>", 250) // the null sender of bounces is allowed
	c.send("RCPT TO:<bithu@chibo.vn>", 250)
	c.send("RCPT TO:<Pho.Bi.Thu@chibo.vn>", 250)
	c.send("DATA", 354)
	c.send("Subject: =?UTF-8?q?Bi=C3=AAn_b=E1=BA=A3n?=\r\n\r\n"+
		"..dòng bắt đầu bằng dấu chấm\r\n...\r\nhết\r\n.", 250)
	c.send("QUIT", 221)

	m := s.Messages()[0]
	if m.From != "" || strings.Join(m.To, ",") != "bithu@chibo.vn,Pho.Bi.Thu@chibo.vn" {
		t.Errorf("envelope %q → %q", m.From, m.To)
	}
	wantData := "Subject: =?UTF-8?q?Bi=C3=AAn_b=E1=BA=A3n?=\r\n\r\n.dòng bắt đầu bằng dấu chấm\r\n..\r\nhết\r\n"
	if string(m.Data) != wantData {
		t.Errorf("data\n got %q\nwant %q", m.Data, wantData)
	}
	if m.Err != nil || m.Subject != "Biên bản" || m.Text != ".dòng bắt đầu bằng dấu chấm\n..\nhết\n" {
		t.Errorf("decoded: err %v, subject %q, text %q", m.Err, m.Subject, m.Text)
	}
}

func TestAuthPlainAndLogin(t *testing.T) {
	s := Start(t, WithAuth("chibo", "mật khẩu"))
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

	c := dial(t, s)
	if ext := c.send("EHLO client.test", 250); !strings.Contains(ext, "AUTH PLAIN LOGIN") {
		t.Errorf("EHLO does not offer AUTH: %q", ext)
	}
	c.send("MAIL FROM:<a@x.vn>", 530)
	c.send("AUTH PLAIN "+b64("\x00chibo\x00sai"), 535)
	c.send("AUTH CRAM-MD5", 504)
	c.send("AUTH PLAIN", 334)
	c.send("*", 501)
	c.send("AUTH PLAIN "+b64("\x00chibo\x00mật khẩu"), 235)
	c.send("AUTH PLAIN "+b64("\x00chibo\x00mật khẩu"), 503) // once is enough
	c.send("MAIL FROM:<a@x.vn>", 250)

	c = dial(t, s)
	c.send("EHLO client.test", 250)
	if got := c.send("AUTH LOGIN", 334); got != b64("Username:") {
		t.Errorf("LOGIN asks %q", got)
	}
	c.send(b64("chibo"), 334)
	c.send(b64("mật khẩu"), 235)
}

func TestStandardClientDelivers(t *testing.T) {
	// Go's own net/smtp client, as a second opinion on the protocol.
	s := Start(t, WithAuth("chibo", "secret"))
	msg := "Subject: Test\r\n\r\n.line with a dot\r\n"
	auth := smtp.PlainAuth("", "chibo", "secret", "127.0.0.1")
	if err := smtp.SendMail(s.Addr(), auth, "chibo@example.vn", []string{"an@example.vn"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	m := s.WaitFor(1, time.Second)[0]
	if m.Auth != "chibo" || string(m.Data) != msg || m.Text != ".line with a dot\n" {
		t.Errorf("auth %q, data %q, text %q", m.Auth, m.Data, m.Text)
	}
}

func TestWaitForMessagesSentInTheBackground(t *testing.T) {
	s := Start(t)
	go func() {
		time.Sleep(50 * time.Millisecond)
		for range 3 {
			_ = smtp.SendMail(s.Addr(), nil, "a@x.vn", []string{"b@x.vn"}, []byte("Subject: x\r\n\r\nx\r\n"))
		}
	}()
	if got := s.WaitFor(3, 5*time.Second); len(got) != 3 {
		t.Errorf("WaitFor returned %d messages", len(got))
	}
}

func TestMultipartIsDecoded(t *testing.T) {
	raw := strings.Join([]string{
		"From: =?UTF-8?q?Chi_b=E1=BB=99?= <chibo@example.vn>",
		"Subject: =?UTF-8?b?VGjDtG5nIGLDoW8gaOG7jXA=?=",
		"MIME-Version: 1.0",
		`Content-Type: multipart/mixed; boundary="outer"`,
		"",
		"--outer",
		`Content-Type: multipart/alternative; boundary="inner"`,
		"",
		"--inner",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: quoted-printable",
		"",
		"K=C3=ADnh g=E1=BB=ADi c=C3=A1c =C4=91=E1=BB=93ng ch=C3=AD, d=C3=B2ng r=E1=BA=A5t d=",
		"=C3=A0i",
		"h=E1=BA=BFt",
		"--inner",
		"Content-Type: text/html; charset=UTF-8",
		"Content-Transfer-Encoding: base64",
		"",
		base64.StdEncoding.EncodeToString([]byte("<p>Kính gửi</p>")),
		"--inner--",
		"--outer",
		`Content-Type: text/calendar; charset=utf-8; name="=?UTF-8?q?h=E1=BB=8Dp.ics?="`,
		`Content-Disposition: attachment; filename="=?UTF-8?q?h=E1=BB=8Dp.ics?="`,
		"Content-Transfer-Encoding: base64",
		"",
		base64.StdEncoding.EncodeToString([]byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")),
		"--outer--",
		"",
	}, "\r\n")
	m := Message{Data: []byte(raw)}
	if err := m.parse(); err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Thông báo họp" {
		t.Errorf("subject %q", m.Subject)
	}
	if m.Text != "Kính gửi các đồng chí, dòng rất dài\nhết" {
		t.Errorf("text %q", m.Text)
	}
	if m.HTML != "<p>Kính gửi</p>" {
		t.Errorf("html %q", m.HTML)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "họp.ics" ||
		string(m.Attachments[0].Data) != "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" ||
		!strings.HasPrefix(m.Attachments[0].ContentType, "text/calendar") {
		t.Errorf("attachments %+v", m.Attachments)
	}
	if from, err := m.Header.AddressList("From"); err != nil || from[0].Name != "Chi bộ" {
		t.Errorf("From %v, %v", from, err)
	}
}
