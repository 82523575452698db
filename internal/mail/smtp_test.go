package mail

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"chibo/internal/ical"
	"chibo/internal/mail/smtptest"
	"chibo/internal/party"
)

func mailer(t *testing.T, rawURL string) *SMTP {
	t.Helper()
	s, err := ParseURL(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bodyText is the text body as the sender wrote it. SMTP data must end
// with a line break before the final "."; in a single-part message that
// line break is the body's own (in a multipart one it belongs to the
// boundary), so a text without a final newline arrives with one.
func bodyText(r smtptest.Message) string {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.Text
	}
	return strings.TrimSuffix(r.Text, "\n")
}

// notice is a meeting notice as a secretary sends it.
func notice() Message {
	return Message{
		To:      []string{"Nguyễn Văn An <an.nguyen@example.vn>", "tran.thi.binh@example.vn"},
		Subject: "Thông báo họp chi bộ thường kỳ tháng 6/2026 — Chi bộ Khu phố 3, phường Bến Nghé, Quận 1",
		Text: "Kính gửi các đồng chí đảng viên,\n\n" +
			"Chi bộ Khu phố 3 họp thường kỳ lúc 19 giờ 30 ngày 05/06/2026 tại Nhà văn hóa khu phố.\n" +
			"Nội dung: kiểm điểm việc thực hiện nghị quyết tháng 5; triển khai nhiệm vụ tháng 6.\n\n" +
			"Đề nghị các đồng chí có mặt đúng giờ.\nBí thư chi bộ",
	}
}

func TestSendDeliversVietnameseIntact(t *testing.T) {
	srv := smtptest.Start(t)
	m := notice()
	if err := mailer(t, srv.URL()).Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 {
		t.Fatalf("%d messages arrived", len(got))
	}
	r := got[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if r.Subject != m.Subject {
		t.Errorf("subject\n got %q\nwant %q", r.Subject, m.Subject)
	}
	if got := bodyText(r); got != m.Text {
		t.Errorf("text\n got %q\nwant %q", got, m.Text)
	}
	if r.From != "chibo@example.vn" || strings.Join(r.To, " ") != "an.nguyen@example.vn tran.thi.binh@example.vn" {
		t.Errorf("envelope %s → %v", r.From, r.To)
	}
	to, err := r.Header.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Name != "Nguyễn Văn An" {
		t.Errorf("To header %v (%v)", to, err)
	}
	if r.Header.Get("Message-Id") == "" || r.Header.Get("Date") == "" {
		t.Error("no Message-ID or Date")
	}

	// The header went out encoded (RFC 2047), seven-bit clean, and folded.
	head, _, _ := bytes.Cut(r.Data, []byte("\r\n\r\n"))
	for i, line := range strings.Split(string(head), "\r\n") {
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Fatalf("header line %d is not 7-bit: %q", i+1, line)
			}
		}
		if len(line) > 998 {
			t.Errorf("header line %d has %d octets", i+1, len(line))
		}
	}
}

func TestSendNormalizesToNFC(t *testing.T) {
	// Typed on a keyboard that decomposes, or pasted from Excel.
	srv := smtptest.Start(t)
	m := notice()
	nfc := m
	m.Subject = norm.NFD.String(m.Subject)
	m.Text = norm.NFD.String(m.Text)
	if m.Subject == nfc.Subject {
		t.Fatal("test text has nothing to decompose")
	}
	if err := mailer(t, srv.URL()).Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	r := srv.Messages()[0]
	if r.Subject != nfc.Subject || bodyText(r) != nfc.Text {
		t.Errorf("not NFC on arrival:\n subject %q\n text %q", r.Subject, r.Text)
	}
}

func TestSendHTMLAlternative(t *testing.T) {
	srv := smtptest.Start(t)
	m := notice()
	m.HTML = "<p>Kính gửi các đồng chí đảng viên,</p><p>Chi bộ họp lúc <b>19:30</b>.</p>"
	if err := mailer(t, srv.URL()).Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	r := srv.Messages()[0]
	if r.Text != m.Text || r.HTML != m.HTML {
		t.Errorf("text %q\nhtml %q", r.Text, r.HTML)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "multipart/alternative") {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestICSInvitationArrivesAsSent(t *testing.T) {
	var ics bytes.Buffer
	err := ical.Write(&ics, ical.Calendar{Name: "Chi bộ Khu phố 3", Events: []ical.Event{{
		UID: "meeting-41@chibo.example.vn", Summary: "Sinh hoạt thường kỳ tháng 6/2026",
		Location: "Nhà văn hóa khu phố 3", Start: party.D(2026, 6, 5).At(19, 30),
		End: party.D(2026, 6, 5).At(21, 0), Updated: party.D(2026, 6, 1).At(9, 0), Alarm: 24 * time.Hour,
	}}})
	if err != nil {
		t.Fatal(err)
	}
	srv := smtptest.Start(t)
	m := notice()
	m.Attachments = []Attachment{
		{Name: "hop-chi-bo-2026-06.ics", ContentType: "text/calendar; charset=utf-8; method=PUBLISH", Data: ics.Bytes()},
		{Name: "Giấy mời họp.txt", ContentType: "text/plain; charset=utf-8", Data: []byte("Giấy mời\r\n")},
	}
	if err := mailer(t, srv.URL()).Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	r := srv.Messages()[0]
	if bodyText(r) != m.Text {
		t.Errorf("body changed by the attachments: %q", r.Text)
	}
	if len(r.Attachments) != len(m.Attachments) {
		t.Fatalf("%d attachments arrived, want %d", len(r.Attachments), len(m.Attachments))
	}
	for i, want := range m.Attachments {
		got := r.Attachments[i]
		if got.Name != want.Name || !bytes.Equal(got.Data, want.Data) {
			t.Errorf("attachment %d: %q, %d octets; want %q, %d octets", i, got.Name, len(got.Data), want.Name, len(want.Data))
		}
		if !strings.HasPrefix(got.ContentType, strings.SplitN(want.ContentType, ";", 2)[0]) ||
			!strings.Contains(got.ContentType, "charset=utf-8") {
			t.Errorf("attachment %d: Content-Type %q", i, got.ContentType)
		}
	}
	if !strings.Contains(r.Attachments[0].ContentType, "method=PUBLISH") {
		t.Errorf("calendar method lost: %q", r.Attachments[0].ContentType)
	}
}

// withCredentials is srv's URL with other credentials.
func withCredentials(t *testing.T, srv *smtptest.Server, user, pass string) string {
	t.Helper()
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	u.User = nil
	if user != "" {
		u.User = url.UserPassword(user, pass)
	}
	return u.String()
}

func TestAuthentication(t *testing.T) {
	const user, pass = "chibo@example.vn", "Mật khẩu: p@ss/word?#"
	srv := smtptest.Start(t, smtptest.WithAuth(user, pass))

	for _, mech := range []string{"", "&auth=plain", "&auth=login"} {
		if err := mailer(t, srv.URL()+mech).Send(context.Background(), notice()); err != nil {
			t.Fatalf("right credentials%s: %v", mech, err)
		}
	}
	for _, m := range srv.Messages() {
		if m.Auth != user {
			t.Errorf("delivered as %q, want %q", m.Auth, user)
		}
	}

	tests := []struct{ name, url string }{
		{"wrong password", withCredentials(t, srv, user, "mật khẩu cũ")},
		{"wrong user", withCredentials(t, srv, "admin@example.vn", pass)},
		{"no credentials", withCredentials(t, srv, "", "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mailer(t, tt.url).Send(context.Background(), notice())
			if err == nil {
				t.Fatal("sent without valid credentials")
			}
			if strings.Contains(err.Error(), "cũ") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
	if n := len(srv.Messages()); n != 3 {
		t.Errorf("%d messages delivered, want the 3 with right credentials", n)
	}
}

func TestTLSIsRequiredUnlessTLSNone(t *testing.T) {
	// A server without TLS must not get the password in clear unless the
	// operator said tls=none.
	srv := smtptest.Start(t, smtptest.WithAuth("chibo", "secret"))
	for _, tt := range []struct{ tls, says string }{
		{"starttls", "STARTTLS"}, // the default
		{"tls", "tls"},           // implicit TLS: the handshake fails
	} {
		raw := strings.Replace(srv.URL(), "tls=none", "tls="+tt.tls, 1)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := mailer(t, raw).Send(ctx, notice())
		cancel()
		if err == nil || !strings.Contains(err.Error(), tt.says) || errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("tls=%s: sent or hung without TLS: %v", tt.tls, err)
		}
	}
	if len(srv.Messages()) != 0 {
		t.Error("message delivered")
	}
}

// silentServer accepts connections and never says a word.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() { ln.Close(); <-done })
	return "smtp://" + ln.Addr().String() + "?from=chibo%40example.vn&tls=none&timeout=1m"
}

func TestCancellationStopsASendToASilentServer(t *testing.T) {
	s := mailer(t, silentServer(t)) // its own timeout is a minute

	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := s.Send(ctx, notice())
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want DeadlineExceeded", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("Send returned after %v", took)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		if err := s.Send(ctx, notice()); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want Canceled", err)
		}
	})
	t.Run("already cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := s.Send(ctx, notice()); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want Canceled", err)
		}
	})
}

func TestBadMessagesAreRefusedBeforeConnecting(t *testing.T) {
	srv := smtptest.Start(t)
	s := mailer(t, srv.URL())
	tests := []struct {
		name   string
		change func(*Message)
	}{
		{"no recipient", func(m *Message) { m.To = nil }},
		{"not an address", func(m *Message) { m.To = []string{"Nguyễn Văn An"} }},
		{"line break in the subject", func(m *Message) { m.Subject = "Họp\r\nBcc: all@example.vn" }},
		{"attachment without a name", func(m *Message) { m.Attachments = []Attachment{{Data: []byte("x")}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := notice()
			tt.change(&m)
			for name, mailer := range map[string]Mailer{"SMTP": s, "Memory": &Memory{}, "Discard": Discard{}} {
				if err := mailer.Send(context.Background(), m); err == nil {
					t.Errorf("%s accepted it", name)
				}
			}
		})
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("%d bad messages reached the server", n)
	}
}
