package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"chibo/internal/party"
)

// statusOf maps error codes to HTTP statuses, in one place.
func statusOf(code party.Code) int {
	switch code {
	case party.EInvalid:
		return http.StatusBadRequest
	case party.ERule:
		return http.StatusUnprocessableEntity
	case party.ENotFound:
		return http.StatusNotFound
	case party.EConflict, party.ELocked:
		return http.StatusConflict
	case party.EForbidden:
		return http.StatusForbidden
	case party.EUnauthorized:
		return http.StatusUnauthorized
	case party.ETooLarge:
		return http.StatusRequestEntityTooLarge
	case party.ETooMany:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// asPartyError turns any error into one people can read; errors of no
// known kind are logged and shown as an internal error.
func (s *Server) asPartyError(r *http.Request, err error) *party.Error {
	if e, ok := party.AsError(err); ok {
		return e
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return party.Errorf(party.ETooLarge, "web.too_large", int(mbe.Limit>>20))
	}
	if r.Context().Err() != nil && errors.Is(err, context.Canceled) {
		// The client went away (a closed tab, a load test ending): nobody
		// reads the answer and nothing is wrong with the server.
		s.log.Info("request canceled by the client", "path", r.URL.Path)
		return party.Errorf(party.EInternal, "web.internal_error")
	}
	s.log.Error("internal error", "path", r.URL.Path, "err", err)
	return party.Errorf(party.EInternal, "web.internal_error")
}

// APIError is the JSON error object of DESIGN.md:
// {"error": {"code": "...", "message": "<Vietnamese>", "fields": {...}}}.
type APIError struct {
	Error APIErrorBody `json:"error"`
}

type APIErrorBody struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// fail answers an error: JSON for the API, a page (or a redirect to the
// login page) for browsers.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, c *Ctx, err error) {
	e := s.asPartyError(r, err)
	status := statusOf(e.Code)
	if c.API {
		body := APIError{Error: APIErrorBody{Code: string(e.Code), Message: c.Msg(e.Msg)}}
		if len(e.Fields) > 0 {
			body.Error.Fields = map[string]string{}
			for k, v := range e.Fields {
				body.Error.Fields[k] = c.Msg(v)
			}
		}
		writeJSON(w, status, body)
		return
	}
	if e.Code == party.EUnauthorized {
		next := r.URL.RequestURI()
		if r.Method != http.MethodGet {
			next = "/"
		}
		redirect(w, r, "/login?next="+url.QueryEscape(next))
		return
	}
	s.render(w, r, status, "error", View{Title: c.T("web.error_title"), Data: map[string]any{"Message": c.Msg(e.Msg), "Status": status}})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	c := getCtx(r)
	if r.URL.Path == "/" {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	s.fail(w, r, c, party.NotFound("web.page_not_found"))
}

// writeJSON answers a JSON value.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// decodeJSON reads a JSON body strictly: unknown fields and trailing data
// are errors people can act on.
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return party.Invalid("web.json_expected")
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return party.Errorf(party.ETooLarge, "web.too_large", int(mbe.Limit>>20))
		}
		if errors.Is(err, io.EOF) {
			return party.Invalid("web.json_empty")
		}
		var pe *party.Error
		if errors.As(err, &pe) {
			return pe
		}
		return party.Invalid("web.json_invalid", err.Error())
	}
	if dec.More() {
		return party.Invalid("web.json_invalid", "trailing data")
	}
	return nil
}
