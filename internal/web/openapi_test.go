package web_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/store/storetest"
	"chibo/internal/web"
)

// spec is the OpenAPI document, for checking real answers against it.
type spec struct {
	doc map[string]any
}

func loadSpec(t *testing.T) spec {
	t.Helper()
	b, err := web.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return spec{doc}
}

func (s spec) ref(r string) map[string]any {
	cur := any(s.doc)
	for _, p := range strings.Split(strings.TrimPrefix(r, "#/"), "/") {
		cur = cur.(map[string]any)[p]
	}
	return cur.(map[string]any)
}

func (s spec) resolve(m map[string]any) map[string]any {
	for m["$ref"] != nil {
		m = s.ref(m["$ref"].(string))
	}
	return m
}

// responseSchema finds the schema of an answer: path template, method, status.
func (s spec) responseSchema(path, method string, status int) (map[string]any, bool) {
	paths := s.doc["paths"].(map[string]any)
	item, ok := paths[path].(map[string]any)
	if !ok {
		return nil, false
	}
	op, ok := item[strings.ToLower(method)].(map[string]any)
	if !ok {
		return nil, false
	}
	resps := op["responses"].(map[string]any)
	r, ok := resps[strconv.Itoa(status)].(map[string]any)
	if !ok {
		return nil, false
	}
	r = s.resolve(r)
	content, ok := r["content"].(map[string]any)
	if !ok {
		return nil, true
	}
	return s.resolve(content["application/json"].(map[string]any)["schema"].(map[string]any)), true
}

// validate checks v against a JSON-schema subset: type, required,
// properties, items, enum, nullable, pattern, $ref, additionalProperties.
func (s spec) validate(v any, schema map[string]any, at string) []string {
	schema = s.resolve(schema)
	if v == nil {
		if schema["nullable"] == true {
			return nil
		}
		if schema["type"] == nil {
			return nil
		}
		return []string{at + ": null not allowed"}
	}
	var errs []string
	switch schema["type"] {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want object, got %T", at, v)}
		}
		for _, r := range asList(schema["required"]) {
			if _, ok := m[r.(string)]; !ok {
				errs = append(errs, at+": missing required "+r.(string))
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, val := range m {
			if p, ok := props[k].(map[string]any); ok {
				errs = append(errs, s.validate(val, p, at+"."+k)...)
			} else if ap, ok := schema["additionalProperties"].(map[string]any); ok {
				errs = append(errs, s.validate(val, ap, at+"."+k)...)
			} else if props != nil && schema["additionalProperties"] == nil {
				errs = append(errs, at+": undocumented field "+k)
			}
		}
	case "array":
		l, ok := v.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want array, got %T", at, v)}
		}
		if items, ok := schema["items"].(map[string]any); ok {
			for i, x := range l {
				errs = append(errs, s.validate(x, items, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return []string{fmt.Sprintf("%s: want string, got %T", at, v)}
		}
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			errs = append(errs, fmt.Sprintf("%s: %q does not match %s", at, str, p))
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			return []string{fmt.Sprintf("%s: want integer, got %v", at, v)}
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return []string{fmt.Sprintf("%s: want number, got %T", at, v)}
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return []string{fmt.Sprintf("%s: want boolean, got %T", at, v)}
		}
	}
	if enum := asList(schema["enum"]); enum != nil && !slices.Contains(enum, v) {
		errs = append(errs, fmt.Sprintf("%s: %v not in %v", at, v, enum))
	}
	return errs
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// check validates one answer against the document.
func (s spec) check(t *testing.T, pathTmpl, method string, rec *httptest.ResponseRecorder) {
	t.Helper()
	schema, ok := s.responseSchema(pathTmpl, method, rec.Code)
	if !ok {
		t.Errorf("%s %s: status %d is not documented (body %s)", method, pathTmpl, rec.Code, rec.Body.String())
		return
	}
	if schema == nil {
		return
	}
	var v any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Errorf("%s %s: not JSON: %v", method, pathTmpl, err)
		return
	}
	for _, e := range s.validate(v, schema, "$") {
		t.Errorf("%s %s (%d): %s", method, pathTmpl, rec.Code, e)
	}
}

// Every API route is in the document and every documented operation is a
// route.
func TestOpenAPICoversTheRouteTable(t *testing.T) {
	sp := loadSpec(t)
	a := newApp(t, storetest.NewSQLite(t))
	_ = a
	srv, err := web.New(web.Config{}, web.Deps{DB: a.db})
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]bool{}
	for _, rt := range srv.Routes() {
		if strings.HasPrefix(rt.Pattern, "/api/") {
			routes[rt.Method+" "+rt.Pattern] = true
		}
	}
	documented := map[string]bool{}
	for p, item := range sp.doc["paths"].(map[string]any) {
		for m := range item.(map[string]any) {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	for r := range routes {
		if !documented[r] {
			t.Errorf("route %s is not in the OpenAPI document", r)
		}
	}
	for d := range documented {
		if !routes[d] && d != "GET /api/v1/openapi.json" {
			t.Errorf("documented %s has no route", d)
		}
	}
}

// Real answers match the document.
func TestAPIAnswersMatchOpenAPI(t *testing.T) {
	sp := loadSpec(t)
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	member := strconv.FormatInt(a.fix.Members["Trần Thị Bình"], 10)
	type call struct {
		user, method, path, tmpl string
		body                     any
	}
	calls := []call{
		{"seca1", "GET", "/api/v1/me", "/api/v1/me", nil},
		{"board", "GET", "/api/v1/orgs", "/api/v1/orgs", nil},
		{"board", "GET", "/api/v1/orgs?parent=" + strconv.FormatInt(a.fix.WardA, 10), "/api/v1/orgs", nil},
		{"board", "GET", "/api/v1/orgs?parent=" + strconv.FormatInt(a.fix.WardA, 10) + "&on=2021-01-01", "/api/v1/orgs", nil},
		{"board", "GET", "/api/v1/orgs/" + cell, "/api/v1/orgs/{id}", nil},
		{"board", "GET", "/api/v1/orgs/" + cell + "/history", "/api/v1/orgs/{id}/history", nil},
		{"board", "GET", "/api/v1/orgs/" + cell + "/warnings", "/api/v1/orgs/{id}/warnings", nil},
		{"board", "POST", "/api/v1/orgs", "/api/v1/orgs", map[string]any{"code": "LB-BD-07", "name": "Chi bộ tổ dân phố số 7", "kind": "chi_bo", "cell_type": "thon_tdp", "parent_id": a.fix.WardA}},
		{"board", "POST", "/api/v1/orgs", "/api/v1/orgs", map[string]any{"code": "LB-BD-05", "name": "Trùng mã", "kind": "chi_bo", "cell_type": "thon_tdp", "parent_id": a.fix.WardA}},
		{"board", "POST", "/api/v1/orgs/" + cell + "/reorganize", "/api/v1/orgs/{id}/reorganize", map[string]any{"action": "rename", "on": "2026-06-01", "name": "Chi bộ Khu dân cư số 5"}},
		{"board", "POST", "/api/v1/orgs/" + cell + "/reorganize", "/api/v1/orgs/{id}/reorganize", map[string]any{"action": "rename", "on": "01-06", "name": "X"}},
		{"seca1", "GET", "/api/v1/members?org=" + cell, "/api/v1/members", nil},
		{"board", "GET", "/api/v1/members?org=" + strconv.FormatInt(a.fix.District, 10) + "&q=nguyen&limit=2", "/api/v1/members", nil},
		{"seca1", "GET", "/api/v1/members/" + member, "/api/v1/members/{id}", nil},
		{"seca1", "GET", "/api/v1/members/" + member + "/state?on=2026-06-15", "/api/v1/members/{id}/state", nil},
		{"seca1", "POST", "/api/v1/members", "/api/v1/members", map[string]any{"org_id": a.fix.CellA1, "full_name": "Nguyễn Văn Mới", "joined_on": "2010-03-03", "official_on": "2011-03-03", "card_number": "07654321", "gender": "nam"}},
		{"seca1", "POST", "/api/v1/members", "/api/v1/members", map[string]any{"org_id": a.fix.CellA1, "full_name": "Sai", "joined_on": "2030-01-01"}},
		{"seca1", "PUT", "/api/v1/members/" + member, "/api/v1/members/{id}", map[string]any{"full_name": "Trần Thị Bình", "joined_on": "1980-05-05", "official_on": "1981-05-05", "version": 99}},
		{"seca1", "POST", "/api/v1/members/" + member + "/states", "/api/v1/members/{id}/states", map[string]any{"kind": "mien", "from": "2026-06-01", "reason": "Sức khỏe"}},
		{"seca1", "POST", "/api/v1/members/" + member + "/states", "/api/v1/members/{id}/states", map[string]any{"kind": "tam_thoi", "from": "2026-06-01"}},
		{"seca1", "POST", "/api/v1/members/" + member + "/roles", "/api/v1/members/{id}/roles", map[string]any{"role": "chi_uy_vien", "from": "2026-06-01"}},
		{"seca1", "GET", "/api/v1/members/999999", "/api/v1/members/{id}", nil},
		{"secb1", "GET", "/api/v1/members/" + member, "/api/v1/members/{id}", nil},
	}
	statuses := map[int]bool{}
	for _, c := range calls {
		var rec *httptest.ResponseRecorder
		if c.body != nil {
			rec = a.postJSON(c.user, c.method, c.path, c.body)
		} else {
			rec = a.do(c.user, c.method, c.path, nil, "")
		}
		statuses[rec.Code] = true
		sp.check(t, c.tmpl, c.method, rec)
		if rec.Code >= 400 {
			e := apiErr(t, rec)
			if e.Message == "" || e.Code == "" {
				t.Errorf("%s %s: empty error %+v", c.method, c.path, e)
			}
		}
	}
	for _, want := range []int{200, 201, 400, 403, 404, 409} {
		if !statuses[want] {
			t.Errorf("no call answered %d: the test misses a case", want)
		}
	}
}
