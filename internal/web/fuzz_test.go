package web

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"testing"

	"chibo/internal/party"
)

// Form decoding never panics and every problem it reports is a message
// for people beside a field (issue 7: fuzz tests for form decoding).
func FuzzMemberForm(f *testing.F) {
	for _, s := range []string{
		"full_name=Nguy%E1%BB%85n+V%C4%83n+An&joined_on=05%2F06%2F2000&official_on=05%2F06%2F2001&card_number=01234567",
		"joined_on=31%2F02%2F2020&birth_date=1%2F1%2F99",
		"joined_on=2020-13-01&version=abc",
		"%zz=1&full_name=",
		"birth_date=00%2F00%2F0000&left_on=+",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		m, fe := memberFromForm(NewForm(v))
		for field, msg := range fe {
			if field == "" || msg.Key == "" {
				t.Fatalf("empty message for %q: %+v", field, msg)
			}
		}
		_ = m
	})
}

// JSON bodies: a clear error for anything malformed, never a panic.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"org_id": 1, "full_name": "An"}`, `{`, `[]`, `{"joined_on": "31/02/2020"}`, `{"unknown": 1}`, `{} {}`, ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/api/v1/members", bytes.NewBufferString(body))
		req.Header.Set("Content-Type", "application/json")
		var in apiMember
		if err := decodeJSON(req, &in); err != nil {
			if _, ok := party.AsError(err); !ok {
				t.Fatalf("decodeJSON(%q) = %v, not an error for people", body, err)
			}
		}
	})
}
