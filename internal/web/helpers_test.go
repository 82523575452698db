package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"chibo/internal/accounts"
	"chibo/internal/store"
	"chibo/internal/testfix"
	"chibo/internal/web"
)

// app is the application over a fixture, answering in-process requests.
type app struct {
	t   *testing.T
	db  *store.DB
	fix *testfix.Fix
	h   http.Handler
	// cookies of logged-in fixture accounts
	cookies map[string]string
}

func newApp(t *testing.T, db *store.DB) *app {
	t.Helper()
	fix := testfix.New(t, db)
	srv, err := web.New(web.Config{}, web.Deps{DB: db, Now: testfix.Now})
	if err != nil {
		t.Fatal(err)
	}
	return &app{t: t, db: db, fix: fix, h: srv.Handler(), cookies: map[string]string{}}
}

func (a *app) cookie(user string) string {
	if c, ok := a.cookies[user]; ok {
		return c
	}
	secret, _, err := (&accounts.Service{DB: a.db, Now: testfix.Now}).Login(context.Background(), user, testfix.Password, "10.0.0.2", "test")
	if err != nil {
		a.t.Fatal(err)
	}
	a.cookies[user] = secret
	return secret
}

// do sends a request as user ("" for nobody).
func (a *app) do(user, method, path string, body io.Reader, contentType string) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(method, "http://127.0.0.1"+path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if user != "" {
		req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie(user)})
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

func (a *app) get(user, path string) *httptest.ResponseRecorder {
	return a.do(user, "GET", path, nil, "")
}

func (a *app) postForm(user, path string, v url.Values) *httptest.ResponseRecorder {
	return a.do(user, "POST", path, strings.NewReader(v.Encode()), "application/x-www-form-urlencoded")
}

func (a *app) postJSON(user, method, path string, v any) *httptest.ResponseRecorder {
	b, _ := json.Marshal(v)
	return a.do(user, method, path, bytes.NewReader(b), "application/json")
}

func (a *app) upload(user, path, field, filename string, data []byte) *httptest.ResponseRecorder {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile(field, filename)
	fw.Write(data)
	mw.Close()
	return a.do(user, "POST", path, &buf, mw.FormDataContentType())
}

// apiErr decodes a JSON error answer.
func apiErr(t *testing.T, rec *httptest.ResponseRecorder) web.APIErrorBody {
	t.Helper()
	var e web.APIError
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		t.Fatalf("not a JSON error (%d): %s", rec.Code, rec.Body.String())
	}
	return e.Error
}

func newReq(method, path, form string) *http.Request {
	req := httptest.NewRequest(method, "http://127.0.0.1"+path, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

func serve(a *app, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}
