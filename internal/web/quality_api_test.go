package web_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// The quality API answers what the OpenAPI document says, for good and
// bad input alike, and bad input never gets a 500.
func TestQualityAPIAnswersMatchOpenAPI(t *testing.T) {
	sp := loadSpec(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) { qualityAPI(t, sp, db) })
}

func qualityAPI(t *testing.T, sp spec, db *store.DB) {
	e := newQualityEnv(t, db)
	a := e.held(t, e.fix.CellA1, party.D(2026, time.May, 6), copiedMinutes)
	b := e.held(t, e.fix.CellA2, party.D(2026, time.May, 8), strings.Replace(copiedMinutes, "46 hộ", "47 hộ", 1))
	ev := "/api/v1/meetings/" + itoa(a) + "/evaluation"
	judged := []map[string]any{{"key": "content_guidance", "points": 5}, {"key": "order", "points": 5}, {"key": "criticism", "points": 4},
		{"key": "principles", "points": 10}, {"key": "carried_out", "points": 5}}
	with := func(extra ...map[string]any) []map[string]any {
		return append(append([]map[string]any{}, judged...), extra...)
	}
	ward, cell := itoa(e.fix.WardA), itoa(e.fix.CellA1)

	type call struct {
		user, method, path, tmpl string
		body                     any
		want                     int
	}
	calls := []call{
		{"mema1", "GET", ev, "/api/v1/meetings/{id}/evaluation", nil, 200},
		{"mema1", "GET", "/api/v1/meetings/" + itoa(a), "/api/v1/meetings/{id}", nil, 200},
		{"seca1", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "self", "items": judged}, 200},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "self", "items": judged}, 403},
		{"seca1", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": judged}, 403},
		{"mema1", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "self", "items": judged}, 403},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "maybe", "items": judged}, 400},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": with(map[string]any{"key": "x", "points": 1})}, 400},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": []map[string]any{{"key": "principles", "points": 11}}}, 400},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": []map[string]any{{"key": "order", "points": -1}}}, 400},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": with(map[string]any{"key": "attendance_rate", "points": 5})}, 422},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review", "items": "không phải danh sách"}, 400},
		{"boarda", "PUT", ev, "/api/v1/meetings/{id}/evaluation", map[string]any{"by": "review",
			"items": with(map[string]any{"key": "attendance_rate", "points": 5, "reason": "Hai đồng chí về sớm."})}, 200},
		{"boardb", "GET", ev, "/api/v1/meetings/{id}/evaluation", nil, 403},
		{"seca1", "GET", "/api/v1/meetings/999999/evaluation", "/api/v1/meetings/{id}/evaluation", nil, 404},

		{"boarda", "POST", "/api/v1/minutes/similar/scan", "/api/v1/minutes/similar/scan", map[string]any{"org": e.fix.WardA, "period": "2026-05"}, 200},
		{"boarda", "POST", "/api/v1/minutes/similar/scan", "/api/v1/minutes/similar/scan", map[string]any{"org": e.fix.WardA, "period": "tháng 5"}, 400},
		{"boarda", "POST", "/api/v1/minutes/similar/scan", "/api/v1/minutes/similar/scan", map[string]any{"period": "2026-05"}, 403},
		{"boarda", "GET", "/api/v1/minutes/similar?org=" + ward + "&from=2026-05&to=2026-06-15", "/api/v1/minutes/similar", nil, 200},
		{"boarda", "GET", "/api/v1/minutes/similar", "/api/v1/minutes/similar", nil, 200},
		{"boarda", "GET", "/api/v1/minutes/similar?org=" + ward + "&from=hôm-qua", "/api/v1/minutes/similar", nil, 400},
		{"seca1", "GET", "/api/v1/minutes/similar?org=" + cell, "/api/v1/minutes/similar", nil, 403},
		{"boarda", "POST", "/api/v1/meetings/" + itoa(a) + "/similar/" + itoa(b) + "/review", "/api/v1/meetings/{id}/similar/{mid}/review", map[string]any{"status": "maybe"}, 400},
		{"boarda", "POST", "/api/v1/meetings/" + itoa(a) + "/similar/" + itoa(b) + "/review", "/api/v1/meetings/{id}/similar/{mid}/review", map[string]any{"status": "confirmed", "note": "Chép của nhau."}, 200},
		{"boarda", "POST", "/api/v1/meetings/" + itoa(a) + "/similar/999999/review", "/api/v1/meetings/{id}/similar/{mid}/review", map[string]any{"status": "confirmed"}, 404},

		{"seca1", "GET", "/api/v1/topics", "/api/v1/topics", nil, 200},
		{"boarda", "GET", "/api/v1/topics?org=" + ward + "&period=2026", "/api/v1/topics", nil, 200},
		{"boarda", "GET", "/api/v1/topics?org=" + cell + "&period=2026-Q2", "/api/v1/topics", nil, 200},
		{"boarda", "GET", "/api/v1/topics?org=" + cell + "&period=qu%C3%BD+2", "/api/v1/topics", nil, 400},
		{"boarda", "POST", "/api/v1/topics", "/api/v1/topics", map[string]any{"org_id": e.fix.WardA, "title": "Xây dựng tuyến phố văn minh", "period": "2026-Q3", "cell_types": []string{"thon_tdp"}}, 201},
		{"boarda", "POST", "/api/v1/topics", "/api/v1/topics", map[string]any{"org_id": e.fix.WardA, "title": "Kỳ sai", "period": "quý 3"}, 400},
		{"boarda", "POST", "/api/v1/topics", "/api/v1/topics", map[string]any{"org_id": e.fix.WardA, "title": "Loại sai", "cell_types": []string{"khong_co"}}, 400},
		{"boarda", "POST", "/api/v1/topics", "/api/v1/topics", map[string]any{"org_id": e.fix.CellA1, "title": "Chi bộ tự ban hành"}, 422},
		{"seca1", "POST", "/api/v1/topics", "/api/v1/topics", map[string]any{"org_id": e.fix.CellA1, "title": "Chi bộ tự ban hành"}, 403},

		{"seca1", "GET", "/api/v1/score-sheets", "/api/v1/score-sheets", nil, 200},
		{"admin", "POST", "/api/v1/score-sheets", "/api/v1/score-sheets", sheetBody(0), 201},
		{"admin", "POST", "/api/v1/score-sheets", "/api/v1/score-sheets", sheetBody(5), 400},
		{"admin", "POST", "/api/v1/score-sheets", "/api/v1/score-sheets", map[string]any{"rule_set": "KHONG-CO", "total": 10, "items": []map[string]any{{"key": "a", "title": "A", "points": 10, "required_for_tot": true}}}, 404},
		{"boarda", "POST", "/api/v1/score-sheets", "/api/v1/score-sheets", sheetBody(0), 403},
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
		}
		sp.check(t, c.tmpl, c.method, rec)
		if rec.Code >= 400 {
			if e := apiErr(t, rec); e.Message == "" || e.Code == "" {
				t.Errorf("%s %s: empty error %+v", c.method, c.path, e)
			}
		}
	}

	// The meeting shows its evaluation once evaluated (DESIGN.md).
	var m struct {
		Evaluation *struct {
			Score int    `json:"score"`
			Grade string `json:"grade"`
		} `json:"evaluation"`
	}
	rec0 := e.get("mema1", "/api/v1/meetings/"+itoa(a))
	sp.check(t, "/api/v1/meetings/{id}", "GET", rec0)
	if err := json.Unmarshal(rec0.Body.Bytes(), &m); err != nil || m.Evaluation == nil || !party.Grade(m.Evaluation.Grade).Valid() {
		t.Errorf("the meeting's evaluation: %s", rec0.Body.String())
	}
	if rec := e.get("mema1", "/api/v1/meetings/"+itoa(b)); strings.Contains(rec.Body.String(), `"evaluation"`) {
		t.Error("a meeting nobody scored shows an evaluation")
	}

	// The answers say what the rules decided, with the numbers.
	rec := e.get("mema1", ev)
	var got struct {
		Score  int    `json:"score"`
		Grade  string `json:"grade"`
		Used   string `json:"used"`
		Self   struct{ Score int }
		Review struct{ Score int }
		Items  []struct {
			Key, Reason string
			Points      int
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Used != "review" || got.Score != got.Review.Score || got.Self.Score-got.Review.Score != 5 {
		t.Errorf("oversight uses %q with %d (self %d, review %d)", got.Used, got.Score, got.Self.Score, got.Review.Score)
	}
	for _, it := range got.Items {
		if it.Key == party.ItemAttendanceRate && (it.Points != 5 || !strings.Contains(it.Reason, "Hai đồng chí về sớm")) {
			t.Errorf("overridden attendance item: %+v", it)
		}
	}
	rec = e.postJSON("boarda", "PUT", ev, map[string]any{"by": "review", "items": with(map[string]any{"key": "attendance_rate", "points": 5})})
	if msg := apiErr(t, rec).Message; !strings.Contains(msg, "10 điểm") || !strings.Contains(msg, "lý do") {
		t.Errorf("override message = %q", msg)
	}
	rec = e.postJSON("admin", "POST", "/api/v1/score-sheets", sheetBody(5))
	if msg := apiErr(t, rec).Fields["items"]; !strings.Contains(msg, "105") {
		t.Errorf("sum message = %q", msg)
	}
	rec = e.get("boarda", "/api/v1/minutes/similar?org="+ward+"&from=2026-05-01&to=2026-05-31")
	var pairs struct {
		Items []struct {
			A, B       int64
			Similarity float64
			Status     string
		}
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &pairs)
	if len(pairs.Items) != 1 || pairs.Items[0].A != a || pairs.Items[0].B != b || pairs.Items[0].Similarity < 0.5 || pairs.Items[0].Similarity > 1 || pairs.Items[0].Status != "confirmed" {
		t.Errorf("pairs = %+v", pairs.Items)
	}
	if rec := e.get("boarda", "/api/v1/minutes/similar?org="+ward+"&status=open&from=2026-05-01&to=2026-05-31"); strings.Contains(rec.Body.String(), `"a":`) {
		t.Errorf("the confirmed pair is listed as open: %s", rec.Body.String())
	}
}

// sheetBody is the default sheet of HD12-2018 as a new version, its first
// item given extra points more than the total allows.
func sheetBody(extra int) map[string]any {
	s := party.DefaultScoreSheet("HD12-2018")
	var items []map[string]any
	for i, it := range s.Items {
		p := it.Points
		if i == 0 {
			p += extra
		}
		items = append(items, map[string]any{"key": it.Key, "group": it.Group, "title": it.Title, "points": p, "computed": it.Computed, "required_for_tot": it.RequiredForTot})
	}
	return map[string]any{"rule_set": "HD12-2018", "name": "Phiếu năm 2027", "total": s.Total, "items": items}
}
