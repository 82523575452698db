package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/documents"
	"chibo/internal/store/storetest"
)

// The answers of the documents, training and member-home calls match the
// OpenAPI document, errors included: a document number already used by
// the same issuer and year (409), a file of the wrong type (400) or too
// large (413), an acknowledgement by a member the document was not sent to
// (404 or 422), a course ending before it starts (400), capacity exceeded
// (422), a result code that does not exist (400).
func TestDocumentsAPIAnswersMatchOpenAPI(t *testing.T) {
	sp := loadSpec(t)
	a := newApp(t, storetest.NewSQLite(t))
	wardA, wardB, district := a.fix.WardA, a.fix.WardB, a.fix.District
	an, thu := a.fix.Members["Nguyễn Văn An"], a.fix.Members["Phan Thị Thu"]

	// The document and course the calls refer to are made by calls too.
	rec := a.postJSON("boarda", "POST", "/api/v1/documents", map[string]any{"issuer_id": wardA, "number": "11-ĐA/ĐU", "kind": "de_an",
		"title": "Đề án nâng cao chất lượng sinh hoạt chi bộ", "issued_on": "2026-06-01", "tags": []string{"sinh hoạt chi bộ"}})
	sp.check(t, "/api/v1/documents", "POST", rec)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	var doc struct{ ID int64 }
	json.Unmarshal(rec.Body.Bytes(), &doc)
	d := strconv.FormatInt(doc.ID, 10)
	rec = a.postJSON("board", "POST", "/api/v1/trainings", map[string]any{"organizer_id": district, "title": "Bồi dưỡng bí thư chi bộ",
		"starts_on": "2026-06-01", "ends_on": "2026-06-03", "capacity": 2, "target_roles": []string{"bi_thu"}})
	sp.check(t, "/api/v1/trainings", "POST", rec)
	var course struct{ ID int64 }
	json.Unmarshal(rec.Body.Bytes(), &course)
	c := strconv.FormatInt(course.ID, 10)

	type call struct {
		user, method, path, tmpl string
		body                     any
		want                     int
	}
	calls := []call{
		{"boarda", "POST", "/api/v1/documents", "/api/v1/documents", map[string]any{"issuer_id": wardA, "number": "11-đa/đu", "kind": "de_an", "title": "Trùng số", "issued_on": "2026-03-01"}, 409},
		{"boarda", "POST", "/api/v1/documents", "/api/v1/documents", map[string]any{"issuer_id": wardA, "number": "", "kind": "x", "title": "", "issued_on": "2026-03-01"}, 400},
		{"boarda", "POST", "/api/v1/documents", "/api/v1/documents", map[string]any{"issuer_id": wardA, "number": "12-ĐA/ĐU", "kind": "de_an", "title": "Sai ngày", "issued_on": "01/06/2026"}, 400},
		{"boarda", "POST", "/api/v1/documents/" + d + "/send", "/api/v1/documents/{id}/send", map[string]any{"org_ids": []int64{wardA}}, 200},
		{"boarda", "POST", "/api/v1/documents/" + d + "/send", "/api/v1/documents/{id}/send", map[string]any{"org_ids": []int64{wardB}}, 422},
		{"boarda", "POST", "/api/v1/documents/" + d + "/send", "/api/v1/documents/{id}/send", map[string]any{"roles": []string{"thu_ky"}}, 400},
		{"mema1", "POST", "/api/v1/documents/" + d + "/ack", "/api/v1/documents/{id}/ack", nil, 200},
		{"memb1", "POST", "/api/v1/documents/" + d + "/ack", "/api/v1/documents/{id}/ack", nil, 404},
		{"boarda", "POST", "/api/v1/documents/" + d + "/ack", "/api/v1/documents/{id}/ack", nil, 422},
		{"mema1", "GET", "/api/v1/documents", "/api/v1/documents", nil, 200},
		{"boarda", "GET", "/api/v1/documents?q=nang+cao", "/api/v1/documents", nil, 200},
		{"mema1", "GET", "/api/v1/documents/" + d, "/api/v1/documents/{id}", nil, 200},
		{"memb1", "GET", "/api/v1/documents/" + d, "/api/v1/documents/{id}", nil, 404},
		{"board", "GET", "/api/v1/documents/" + d + "/coverage?org=" + strconv.FormatInt(district, 10), "/api/v1/documents/{id}/coverage", nil, 200},
		{"seca1", "GET", "/api/v1/documents/" + d + "/coverage?org=" + strconv.FormatInt(a.fix.CellA1, 10), "/api/v1/documents/{id}/coverage", nil, 200},
		{"boarda", "POST", "/api/v1/documents/" + d + "/remind?org=" + strconv.FormatInt(wardA, 10), "/api/v1/documents/{id}/remind", nil, 200},
		{"board", "GET", "/api/v1/trainings?org=" + strconv.FormatInt(district, 10), "/api/v1/trainings", nil, 200},
		{"board", "POST", "/api/v1/trainings", "/api/v1/trainings", map[string]any{"organizer_id": district, "title": "Ngược", "starts_on": "2026-06-10", "ends_on": "2026-06-01"}, 400},
		{"board", "PUT", "/api/v1/trainings/" + c + "/participants", "/api/v1/trainings/{id}/participants", map[string]any{"entries": []map[string]any{{"member_id": an, "result": "gioi"}}}, 400},
		{"board", "PUT", "/api/v1/trainings/" + c + "/participants", "/api/v1/trainings/{id}/participants",
			map[string]any{"entries": []map[string]any{{"member_id": an}, {"member_id": thu}, {"member_id": a.fix.Members["Lý Văn Mạnh"]}}}, 422},
		{"board", "PUT", "/api/v1/trainings/" + c + "/participants", "/api/v1/trainings/{id}/participants",
			map[string]any{"entries": []map[string]any{{"member_id": an, "result": "dat", "certificate": "12/GCN"}, {"member_id": thu, "result": "vang"}}}, 200},
		{"board", "GET", "/api/v1/trainings/" + c, "/api/v1/trainings/{id}", nil, 200},
		{"board", "GET", "/api/v1/trainings/999999", "/api/v1/trainings/{id}", nil, 404},
		{"board", "GET", "/api/v1/trainings/untrained?org=" + strconv.FormatInt(district, 10), "/api/v1/trainings/untrained", nil, 200},
		{"seca1", "GET", "/api/v1/members/" + strconv.FormatInt(an, 10) + "/training", "/api/v1/members/{id}/training", nil, 200},
		{"mema1", "GET", "/api/v1/me/home", "/api/v1/me/home", nil, 200},
		{"seca1", "GET", "/api/v1/me/home", "/api/v1/me/home", nil, 200},
		{"board", "GET", "/api/v1/me/home", "/api/v1/me/home", nil, 404},
		{"mema1", "PUT", "/api/v1/me/contact", "/api/v1/me/contact", map[string]any{"phone": "0987 654 321", "email": "anh@example.vn", "address": "Ngõ 5, Bồ Đề", "version": 1}, 200},
		{"mema1", "PUT", "/api/v1/me/contact", "/api/v1/me/contact", map[string]any{"phone": "0987 654 321", "version": 1}, 409},
		{"mema1", "PUT", "/api/v1/me/contact", "/api/v1/me/contact", map[string]any{"phone": "gọi tôi", "version": 2}, 400},
	}
	for _, cl := range calls {
		var rec *httptest.ResponseRecorder
		if cl.body != nil {
			rec = a.postJSON(cl.user, cl.method, cl.path, cl.body)
		} else {
			rec = a.do(cl.user, cl.method, cl.path, nil, "")
		}
		if rec.Code != cl.want {
			t.Errorf("%s %s as %s: %d, want %d: %s", cl.method, cl.path, cl.user, rec.Code, cl.want, firstLine(rec.Body.String()))
		}
		sp.check(t, cl.tmpl, cl.method, rec)
		if rec.Code >= 400 {
			if e := apiErr(t, rec); e.Message == "" || strings.Contains(e.Message, ".") && !strings.Contains(e.Message, " ") {
				t.Errorf("%s %s: message %q is not for people", cl.method, cl.path, e.Message)
			}
		}
	}

	// The file: uploaded as multipart, refused by content, served to those
	// it was sent to.
	up := func(name string, data []byte) *httptest.ResponseRecorder {
		return a.multipartForm("boarda", "/api/v1/documents/"+d+"/file", nil, "file", name, data)
	}
	for _, f := range []struct {
		name string
		data []byte
		want int
	}{
		{"de-an.pdf", pdf, 201},
		{"de-an.pdf", []byte("MZ\x90\x00 program"), 400},
		{"de-an.pdf", append([]byte("%PDF-"), make([]byte, documents.MaxFileBytes+1)...), 413},
	} {
		rec := up(f.name, f.data)
		if rec.Code != f.want {
			t.Errorf("upload %d bytes: %d, want %d: %s", len(f.data), rec.Code, f.want, firstLine(rec.Body.String()))
		}
		sp.check(t, "/api/v1/documents/{id}/file", "POST", rec)
	}
	if rec := a.get("mema1", "/api/v1/documents/"+d+"/file"); rec.Code != 200 || rec.Header().Get("Content-Type") != documents.TypePDF {
		t.Errorf("file for mema1: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := a.get("memb1", "/api/v1/documents/"+d+"/file"); rec.Code != 404 {
		t.Errorf("file for memb1: %d", rec.Code)
	}
	var cov struct {
		Members, Acknowledged int
		Children              []struct{ Members, Acknowledged int }
	}
	rec = a.get("board", "/api/v1/documents/"+d+"/coverage?org="+strconv.FormatInt(district, 10))
	json.Unmarshal(rec.Body.Bytes(), &cov)
	sum := 0
	for _, k := range cov.Children {
		sum += k.Members
	}
	if cov.Acknowledged != 1 || cov.Members == 0 || sum != cov.Members {
		t.Errorf("coverage of the district: %+v", cov)
	}
}
