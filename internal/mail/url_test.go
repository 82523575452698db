package mail

import (
	"strings"
	"testing"
	"time"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		url                  string
		host                 string
		port                 int
		security, from, user string
		pass, auth           string
	}{
		{"smtp://chibo:secret@mail.example.vn?from=chibo%40example.vn",
			"mail.example.vn", 587, "starttls", "chibo@example.vn", "chibo", "secret", ""},
		{"smtp://mail.example.vn:2525?from=chibo%40example.vn&tls=starttls",
			"mail.example.vn", 2525, "starttls", "chibo@example.vn", "", "", ""},
		{"smtp://u%40example.vn:p%3Ass%2Fw%40rd@smtp.example.vn?from=u%40example.vn&tls=tls",
			"smtp.example.vn", 465, "tls", "u@example.vn", "u@example.vn", "p:ss/w@rd", ""},
		{"smtp://10.0.0.5?from=Chi+b%E1%BB%99+%3Cchibo%40example.vn%3E&tls=none",
			"10.0.0.5", 25, "none", "chibo@example.vn", "", "", ""},
		{"smtp://a:b@[::1]:25/?from=x%40y.vn&tls=none&auth=login&timeout=5s",
			"::1", 25, "none", "x@y.vn", "a", "b", "login"},
	}
	for _, tt := range tests {
		s, err := ParseURL(tt.url)
		if err != nil {
			t.Errorf("%s: %v", tt.url, err)
			continue
		}
		if s.host != tt.host || s.port != tt.port || s.security != tt.security || s.from.Address != tt.from ||
			s.user != tt.user || s.pass != tt.pass || s.auth != tt.auth {
			t.Errorf("%s: got %s:%d %s from %s user %q pass %q auth %q", tt.url,
				s.host, s.port, s.security, s.from.Address, s.user, s.pass, s.auth)
		}
		if tt.pass != "" && strings.Contains(s.String(), tt.pass) {
			t.Errorf("String() shows the password: %s", s)
		}
	}

	s, _ := ParseURL("smtp://10.0.0.5?from=Chi+b%E1%BB%99+%3Cchibo%40example.vn%3E&tls=none")
	if s.from.Name != "Chi bộ" {
		t.Errorf("sender name %q", s.from.Name)
	}
	s, _ = ParseURL("smtp://h?from=a%40b.vn&timeout=45s")
	if s.timeout != 45*time.Second {
		t.Errorf("timeout %v", s.timeout)
	}
}

func TestParseURLErrors(t *testing.T) {
	tests := []struct{ name, url, says string }{
		{"not a URL", "smtp://u:topsecret@host:99999999999?from=a%40b.vn", "port"},
		{"wrong scheme", "smtps://host?from=a%40b.vn", "scheme"},
		{"http by mistake", "https://host?from=a%40b.vn", "scheme"},
		{"no host", "smtp://?from=a%40b.vn", "host"},
		{"no host, opaque", "smtp:host?from=a%40b.vn", "host"},
		{"no sender", "smtp://host", "from"},
		{"sender not an address", "smtp://host?from=chibo", "from"},
		{"tls misspelled", "smtp://host?from=a%40b.vn&tls=ssl", "tls"},
		{"unknown parameter", "smtp://host?from=a%40b.vn&tsl=none", "tsl"},
		{"repeated parameter", "smtp://host?from=a%40b.vn&tls=none&tls=tls", "tls"},
		{"port zero", "smtp://host:0?from=a%40b.vn", "port"},
		{"user without password", "smtp://chibo@host?from=a%40b.vn", "password"},
		{"password without user", "smtp://:topsecret@host?from=a%40b.vn", "user"},
		{"auth without credentials", "smtp://host?from=a%40b.vn&auth=plain", "auth"},
		{"unknown mechanism", "smtp://u:topsecret@host?from=a%40b.vn&auth=ntlm", "auth"},
		{"bad timeout", "smtp://host?from=a%40b.vn&timeout=soon", "timeout"},
		{"negative timeout", "smtp://host?from=a%40b.vn&timeout=-1s", "timeout"},
		{"a path", "smtp://host/inbox?from=a%40b.vn", "path"},
		{"a fragment", "smtp://host?from=a%40b.vn#x", "fragment"},
		{"bad query", "smtp://host?from=a%40b.vn&x=%zz", "query"},
		{"empty", "", "scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseURL(tt.url)
			if err == nil {
				t.Fatalf("accepted: %s", s)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not mention %q", err, tt.says)
			}
			if strings.Contains(err.Error(), "topsecret") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func FuzzParseURL(f *testing.F) {
	for _, seed := range []string{
		"smtp://chibo:secret@mail.example.vn:587?from=chibo%40example.vn&tls=starttls",
		"smtp://10.0.0.5?from=Chi+b%E1%BB%99+%3Cchibo%40example.vn%3E&tls=none&auth=plain",
		"smtp://[::1]:25/?from=x%40y.vn&timeout=5s",
		"smtps://host", "", "smtp://%zz",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s, err := ParseURL(raw)
		if err != nil {
			return
		}
		if s.host == "" || s.port < 1 || s.port > 65535 || s.from == nil || s.timeout <= 0 ||
			(s.user == "") != (s.pass == "") || defaultPorts[s.security] == 0 {
			t.Fatalf("accepted an incomplete configuration from %q: %+v", raw, s)
		}
	})
}
