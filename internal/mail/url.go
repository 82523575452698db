package mail

import (
	"errors"
	"fmt"
	netmail "net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// SMTP sends through an SMTP server. Build it with ParseURL; it is safe
// for concurrent use (each Send opens its own connection).
type SMTP struct {
	host       string
	port       int
	security   string // starttls, tls or none
	from       *netmail.Address
	user, pass string
	auth       string // a mechanism from mechanisms, or "" to choose
	timeout    time.Duration
	redacted   string // the URL without the password, for logs
}

// Ports when the URL gives none (RFC 8314: 465 for implicit TLS, 587 for
// submission with STARTTLS; 25 for a plain relay).
var defaultPorts = map[string]int{"starttls": 587, "tls": 465, "none": 25}

// mechanisms are the values of the auth parameter.
var mechanisms = []string{"plain", "login", "cram-md5", "scram-sha-1", "scram-sha-256"}

// ParseURL reads the SMTP configuration from one URL:
//
//	smtp://user:pass@host:587?from=chibo%40example.vn&tls=starttls
//
// Parameters: from (required; "Chi bộ <chibo@example.vn>" is fine),
// tls=starttls (default) | tls (implicit TLS) | none (plain text, for a
// relay on a closed network), auth=plain|login|cram-md5|scram-sha-1|scram-sha-256
// to force a mechanism (default: the best the server offers; without TLS
// a password is sent in clear only when no challenge mechanism is
// offered), timeout=30s (each step of the conversation; default 15s).
// Characters such as @ : / in the user or password must be %-encoded.
func ParseURL(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url's errors quote the whole URL, password included.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("mail: SMTP URL does not parse: %w", err)
	}
	s := &SMTP{host: u.Hostname(), security: "starttls", timeout: 15 * time.Second, redacted: u.Redacted()}
	bad := func(format string, args ...any) (*SMTP, error) {
		return nil, fmt.Errorf("mail: SMTP URL %s: "+format, append([]any{s.redacted}, args...)...)
	}
	switch {
	case u.Scheme != "smtp":
		return bad("scheme must be smtp, not %q", u.Scheme)
	case u.Opaque != "" || s.host == "":
		return bad("no host")
	case u.Path != "" && u.Path != "/":
		return bad("unexpected path %q", u.Path)
	case u.Fragment != "":
		return bad("unexpected fragment")
	}

	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return bad("query does not parse: %v", err)
	}
	for key, values := range q {
		if len(values) != 1 {
			return bad("parameter %s given %d times", key, len(values))
		}
		v := values[0]
		switch key {
		case "from":
			if s.from, err = netmail.ParseAddress(v); err != nil {
				return bad("from %q is not an address: %v", v, err)
			}
		case "tls":
			if _, ok := defaultPorts[v]; !ok {
				return bad("tls must be starttls, tls or none, not %q", v)
			}
			s.security = v
		case "auth":
			if !slices.Contains(mechanisms, v) {
				return bad("auth must be one of %s, not %q", strings.Join(mechanisms, ", "), v)
			}
			s.auth = v
		case "timeout":
			if s.timeout, err = time.ParseDuration(v); err != nil || s.timeout <= 0 {
				return bad("timeout %q is not a positive duration like 30s", v)
			}
		default:
			return bad("unknown parameter %q (known: from, tls, auth, timeout)", key)
		}
	}
	if s.from == nil {
		return bad("missing from=address (the sender, %%-encoded: chibo%%40example.vn)")
	}

	s.port = defaultPorts[s.security]
	if p := u.Port(); p != "" {
		if s.port, err = strconv.Atoi(p); err != nil || s.port < 1 || s.port > 65535 {
			return bad("port %q out of range", p)
		}
	}

	if u.User != nil {
		s.user = u.User.Username()
		pass, ok := u.User.Password()
		if s.user == "" || !ok || pass == "" {
			return bad("give both user and password, or neither")
		}
		s.pass = pass
	}
	if s.auth != "" && s.user == "" {
		return bad("auth=%s without user and password", s.auth)
	}
	return s, nil
}

// String is the URL with the password masked, for logs.
func (s *SMTP) String() string { return s.redacted }
