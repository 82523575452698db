package web_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// The plans and review API answers what the OpenAPI document says, for
// good and bad input alike: end before start, more than ten years, an
// organization outside the caller's scope, targets of 120% and -1 or not a
// number — each a 4xx with a Vietnamese message, never a 500.
func TestPlansAPIAnswersMatchOpenAPI(t *testing.T) {
	sp := loadSpec(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) { plansAPI(t, sp, db) })
}

func plansAPI(t *testing.T, sp spec, db *store.DB) {
	e := plansEnv(t, db)
	ward, wardB, cell := e.fix.WardA, e.fix.WardB, e.fix.CellA1
	plan := func(targets map[string]any, edit ...func(map[string]any)) map[string]any {
		b := map[string]any{"org_id": ward, "number": "05-KH/ĐU", "title": "Kế hoạch nâng cao chất lượng sinh hoạt chi bộ", "goals": "Sinh hoạt đều đặn.",
			"year_from": 2025, "year_to": 2027, "responsible_ids": []int64{cell},
			"indicators": []map[string]any{{"code": "attendance", "targets": targets}, {"code": "every_month", "targets": map[string]any{"2026": 90}}}}
		for _, f := range edit {
			f(b)
		}
		return b
	}
	good := map[string]any{"2025": 90, "2026": "92,5", "2027": 95}

	rec := e.postJSON("boarda", "POST", "/api/v1/plans", plan(good))
	if rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	sp.check(t, "/api/v1/plans", "POST", rec)
	var created struct {
		ID         int64 `json:"id"`
		Version    int64 `json:"version"`
		Indicators []struct {
			Code    string `json:"code"`
			Targets []struct {
				Year   int     `json:"year"`
				Target float64 `json:"target"`
			} `json:"targets"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &created); err != nil || created.Version != 1 || len(created.Indicators) != 2 ||
		created.Indicators[1].Code != "attendance" || created.Indicators[1].Targets[1].Target != 92.5 {
		t.Fatalf("created %+v (%v): want the catalogue's order and 92,5 read as 92.5", created, err)
	}
	id := itoa(created.ID)
	pl := "/api/v1/plans/" + id

	type call struct {
		user, method, path, tmpl string
		body                     any
		want                     int
		field, says              string
	}
	calls := []call{
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"2026": 120}, func(b map[string]any) { b["number"] = "06-KH/ĐU" }), 400,
			"target.attendance.2026", "Mục tiêu 120% nằm ngoài khoảng 0–100%"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"2026": -1}, func(b map[string]any) { b["number"] = "06-KH/ĐU" }), 400,
			"target.attendance.2026", "Mục tiêu -1% nằm ngoài khoảng 0–100%"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"2026": "cao"}), 400, "target.attendance.2026", "không phải là số"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"2026": true}), 400, "target.attendance.2026", "không phải là số"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"năm sau": 90}), 400, "", "không hợp lệ"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good, func(b map[string]any) { b["year_to"] = 2024 }), 400, "year_to", "trước năm bắt đầu"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(map[string]any{"2026": 90}, func(b map[string]any) { b["year_from"], b["year_to"] = 2020, 2031 }), 400,
			"year_to", "vượt quá 10 năm"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good, func(b map[string]any) { b["indicators"] = []map[string]any{} }), 400, "indicators", "ít nhất một chỉ tiêu"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good), 409, "number", "đã có kế hoạch"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good, func(b map[string]any) { b["org_id"], b["number"] = cell, "07-KH/CB" }), 422, "", "là chi bộ"},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good, func(b map[string]any) { b["org_id"] = wardB }), 403, "", ""},
		{"boarda", "POST", "/api/v1/plans", "/api/v1/plans", plan(good, func(b map[string]any) { b["number"], b["responsible_ids"] = "08-KH/ĐU", []int64{e.fix.CellB1} }), 400,
			"responsible", "không trực thuộc"},

		{"boarda", "GET", "/api/v1/plans?org=" + itoa(ward), "/api/v1/plans", nil, 200, "", ""},
		{"seca1", "GET", "/api/v1/plans?org=" + itoa(cell), "/api/v1/plans", nil, 200, "", ""},
		{"boarda", "GET", pl, "/api/v1/plans/{id}", nil, 200, "", ""},
		{"seca1", "GET", pl + "?org=" + itoa(cell), "/api/v1/plans/{id}", nil, 200, "", ""},
		{"seca1", "GET", pl, "/api/v1/plans/{id}", nil, 403, "", ""},
		{"boardb", "GET", pl + "?org=" + itoa(wardB), "/api/v1/plans/{id}", nil, 404, "", ""},
		{"boarda", "GET", "/api/v1/plans/999999?org=" + itoa(ward), "/api/v1/plans/{id}", nil, 404, "", ""},

		{"boarda", "GET", pl + "/progress?org=" + itoa(ward), "/api/v1/plans/{id}/progress", nil, 200, "", ""},
		{"seca1", "GET", pl + "/progress?org=" + itoa(cell), "/api/v1/plans/{id}/progress", nil, 200, "", ""},
		{"boarda", "GET", pl + "/progress", "/api/v1/plans/{id}/progress", nil, 200, "", ""},
		{"boardb", "GET", pl + "/progress?org=" + itoa(ward), "/api/v1/plans/{id}/progress", nil, 403, "", ""},
		{"admin", "GET", pl + "/progress?org=" + itoa(wardB), "/api/v1/plans/{id}/progress", nil, 404, "", "không áp dụng"},
		{"boarda", "GET", pl + "/progress?org=abc", "/api/v1/plans/{id}/progress", nil, 400, "", ""},

		{"boarda", "PUT", pl, "/api/v1/plans/{id}", plan(good, func(b map[string]any) { b["version"], b["title"] = 1, "Kế hoạch sửa lần một" }), 200, "", ""},
		{"boarda", "PUT", pl, "/api/v1/plans/{id}", plan(good, func(b map[string]any) { b["version"], b["title"] = 1, "Kế hoạch sửa lần hai" }), 409, "", "người khác sửa"},
		{"boarda", "PUT", pl, "/api/v1/plans/{id}", plan(good), 400, "version", ""},
		{"boarda", "PUT", pl, "/api/v1/plans/{id}", plan(map[string]any{"2027": 101}, func(b map[string]any) { b["version"] = 2 }), 400, "target.attendance.2027", "101%"},
		{"board", "PUT", pl, "/api/v1/plans/{id}", plan(good, func(b map[string]any) { b["org_id"], b["version"] = e.fix.District, 2 }), 404, "", ""},
		{"boardb", "PUT", pl, "/api/v1/plans/{id}", plan(good, func(b map[string]any) { b["version"] = 2 }), 403, "", ""},

		{"boarda", "GET", "/api/v1/reports/review?org=" + itoa(ward) + "&from=2026-01&to=2026-06", "/api/v1/reports/review", nil, 200, "", ""},
		{"seca1", "GET", "/api/v1/reports/review?org=" + itoa(cell) + "&from=2026", "/api/v1/reports/review", nil, 200, "", ""},
		{"boarda", "GET", "/api/v1/reports/review?org=" + itoa(ward) + "&from=2026-06&to=2026-01", "/api/v1/reports/review", nil, 400, "to", "trước kỳ bắt đầu"},
		{"boarda", "GET", "/api/v1/reports/review?org=" + itoa(ward) + "&from=2010-01&to=2026-06", "/api/v1/reports/review", nil, 400, "to", "vượt quá 10 năm"},
		{"boarda", "GET", "/api/v1/reports/review?org=" + itoa(wardB) + "&from=2026-01&to=2026-06", "/api/v1/reports/review", nil, 403, "", "không có quyền"},
		{"boarda", "GET", "/api/v1/reports/review?org=" + itoa(ward) + "&format=doc", "/api/v1/reports/review", nil, 400, "format", "không hỗ trợ"},

		{"boarda", "PUT", "/api/v1/reports/review", "/api/v1/reports/review", map[string]any{"org_id": ward, "from": "2026-01", "to": "2026-06", "version": 0,
			"strengths": "Các chi bộ duy trì nền nếp.", "sign_role": "bi_thu"}, 200, "", ""},
		{"boarda", "PUT", "/api/v1/reports/review", "/api/v1/reports/review", map[string]any{"org_id": ward, "from": "2026-01", "to": "2026-06", "version": 0,
			"strengths": "Ghi đè."}, 409, "", "người khác lưu"},
		{"boarda", "PUT", "/api/v1/reports/review", "/api/v1/reports/review", map[string]any{"org_id": ward, "from": "2026-01", "to": "2026-06", "version": 1,
			"sign_role": "chu_tich"}, 400, "sign_role", "không hợp lệ"},
		{"boarda", "PUT", "/api/v1/reports/review", "/api/v1/reports/review", map[string]any{"org_id": ward, "from": "2026-06", "to": "2026-01", "version": 1}, 400, "to", ""},
		{"seca1", "PUT", "/api/v1/reports/review", "/api/v1/reports/review", map[string]any{"org_id": cell, "from": "2026-01", "to": "2026-06"}, 403, "", ""},
	}
	for _, c := range calls {
		var rec *httptest.ResponseRecorder
		if c.body != nil {
			rec = e.postJSON(c.user, c.method, c.path, c.body)
		} else {
			rec = e.do(c.user, c.method, c.path, nil, "")
		}
		if rec.Code != c.want {
			t.Errorf("%s %s as %s: %d, want %d: %s", c.method, c.path, c.user, rec.Code, c.want, rec.Body.String())
			continue
		}
		sp.check(t, c.tmpl, c.method, rec)
		if rec.Code < 400 {
			continue
		}
		er := apiErr(t, rec)
		if er.Message == "" || er.Code == "" {
			t.Errorf("%s %s: empty error %+v", c.method, c.path, er)
		}
		if c.field != "" && er.Fields[c.field] == "" {
			t.Errorf("%s %s: no message for field %s: %+v", c.method, c.path, c.field, er)
		}
		if c.says != "" && !strings.Contains(er.Message+" "+er.Fields[c.field], c.says) {
			t.Errorf("%s %s: %q does not say %q", c.method, c.path, er.Message, c.says)
		}
	}

	// Progress: the ward's cells under it, the targets as set.
	var pr struct {
		Self struct {
			Indicators []struct {
				Code  string
				Years []struct {
					Year   int
					Target *float64
					Value  *float64
					Status string
				}
			}
		}
		Units []struct {
			OrgID       int64 `json:"org_id"`
			Responsible bool
		}
	}
	rec = e.get("boarda", pl+"/progress?org="+itoa(ward))
	if err := json.Unmarshal(rec.Body.Bytes(), &pr); err != nil {
		t.Fatal(err)
	}
	if len(pr.Units) != 2 || len(pr.Self.Indicators) != 2 {
		t.Fatalf("progress: %s", rec.Body.String())
	}
	for _, u := range pr.Units {
		if u.Responsible != (u.OrgID == cell) {
			t.Errorf("unit %d responsible %v", u.OrgID, u.Responsible)
		}
	}
	att := pr.Self.Indicators[1]
	if att.Code != "attendance" || len(att.Years) != 3 || att.Years[1].Status != "in_progress" || att.Years[1].Value == nil || *att.Years[1].Value != 1 ||
		att.Years[2].Status != "not_started" || att.Years[0].Status != "no_data" {
		t.Errorf("attendance by year: %+v", att.Years)
	}

	// The report in each format.
	for _, f := range []struct{ format, head string }{{"docx", "PK"}, {"pdf", "%PDF"}, {"xlsx", "PK"}} {
		rec := e.get("boarda", "/api/v1/reports/review?org="+itoa(ward)+"&from=2026-01&to=2026-06&format="+f.format)
		if rec.Code != 200 || !bytes.HasPrefix(rec.Body.Bytes(), []byte(f.head)) {
			t.Errorf("format %s: %d", f.format, rec.Code)
		}
	}
	if rec := e.get("boarda", "/api/v1/reports/review?org="+itoa(ward)+"&format=html"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "<html") {
		t.Errorf("format html: %d", rec.Code)
	}
	var rv struct {
		Summary string
		Plans   []struct{ Number string }
		Text    struct {
			Strengths string
			Version   int
		}
	}
	rec = e.get("boarda", "/api/v1/reports/review?org="+itoa(ward)+"&from=2026-01&to=2026-06")
	if err := json.Unmarshal(rec.Body.Bytes(), &rv); err != nil || rv.Summary != "sơ kết 6 tháng đầu năm 2026" || len(rv.Plans) != 1 || rv.Text.Version != 1 {
		t.Errorf("review: %s", rec.Body.String())
	}
}
