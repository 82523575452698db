package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// plansEnv is the fixture with regular meetings held in April and May 2026
// by cells A1 and A2 (today is 15/06/2026).
func plansEnv(t *testing.T, db *store.DB) qualityEnv {
	t.Helper()
	e := newQualityEnv(t, db)
	for _, m := range []struct {
		cell int64
		d    party.Date
	}{{e.fix.CellA1, party.D(2026, time.April, 6)}, {e.fix.CellA1, party.D(2026, time.May, 6)}, {e.fix.CellA2, party.D(2026, time.May, 8)}} {
		e.held(t, m.cell, m.d, copiedMinutes)
	}
	if _, err := e.svc.Oversight.EnsureMonths(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

func planForm(extra map[string]string) url.Values {
	v := url.Values{"number": {"05-KH/ĐU"}, "title": {"Kế hoạch nâng cao chất lượng sinh hoạt chi bộ"}, "goals": {"Các chi bộ sinh hoạt đều đặn."},
		"year_from": {"2025"}, "year_to": {"2027"}, "grid_from": {"2025"}, "grid_to": {"2027"},
		"target.attendance.2026": {"92,5"}, "target.every_month.2026": {"90"}, "target.on_time.2025": {"85"}}
	for k, x := range extra {
		v.Set(k, x)
	}
	return v
}

// The plan form: bad input comes back beside its field, with what was
// typed, and a clear Vietnamese message — never a 500; a good plan is
// stored and its progress shown, down to the cells.
func TestPlanFormAndProgressPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := plansEnv(t, db)
		ward, cellA1 := itoa(e.fix.WardA), itoa(e.fix.CellA1)
		if rec := e.get("boarda", "/orgs/"+ward+"/plans/new"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Thêm kế hoạch, đề án") {
			t.Fatalf("new plan form: %d", rec.Code)
		}
		bad := []struct {
			name   string
			extra  map[string]string
			status int
			field  string
			says   string
			kept   string
		}{
			{"target 120%", map[string]string{"target.attendance.2026": "120"}, 400, "target-attendance-2026", "Mục tiêu 120% nằm ngoài khoảng 0–100%", `value="120"`},
			{"target -1", map[string]string{"target.attendance.2026": "-1"}, 400, "target-attendance-2026", "Mục tiêu -1% nằm ngoài khoảng 0–100%", `value="-1"`},
			{"target not a number", map[string]string{"target.on_time.2025": "chín mươi"}, 400, "target-on_time-2025", "không phải là số", `value="chín mươi"`},
			{"end before start", map[string]string{"year_to": "2024"}, 400, "year_to", "Năm kết thúc (2024) trước năm bắt đầu (2025)", `value="2024"`},
			{"more than ten years", map[string]string{"year_from": "2020", "year_to": "2031"}, 400, "year_to", "vượt quá 10 năm", `value="2031"`},
			{"a year that is not one", map[string]string{"year_from": "hai nghìn"}, 400, "year_from", "không hợp lệ", `value="hai nghìn"`},
			{"no number", map[string]string{"number": ""}, 400, "number", "Hãy nhập số hiệu", ""},
		}
		for _, c := range bad {
			rec := e.postForm("boarda", "/orgs/"+ward+"/plans", planForm(c.extra))
			body := rec.Body.String()
			if rec.Code != c.status {
				t.Errorf("%s: %d, want %d", c.name, rec.Code, c.status)
			}
			if !strings.Contains(body, `id="e-f-`+c.field+`"`) && !strings.Contains(body, `id="e-`+c.field+`"`) {
				t.Errorf("%s: no message beside %s", c.name, c.field)
			}
			if !strings.Contains(body, c.says) {
				t.Errorf("%s: the page does not say %q", c.name, c.says)
			}
			if c.kept != "" && !strings.Contains(body, c.kept) {
				t.Errorf("%s: what was typed (%s) is lost", c.name, c.kept)
			}
			if !strings.Contains(body, `value="Kế hoạch nâng cao chất lượng sinh hoạt chi bộ"`) {
				t.Errorf("%s: the title typed is lost", c.name)
			}
		}
		// A longer roadmap: the grid grows, nothing is saved yet.
		rec := e.postForm("boarda", "/orgs/"+ward+"/plans", planForm(map[string]string{"year_to": "2028"}))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "target.attendance.2028") || !strings.Contains(rec.Body.String(), `value="92,5"`) {
			t.Errorf("grown roadmap: %d", rec.Code)
		}
		// A cell issues no plan.
		if rec := e.get("boarda", "/orgs/"+cellA1+"/plans/new"); rec.Code != 422 {
			t.Errorf("a cell's new plan: %d, want 422", rec.Code)
		}

		rec = e.postForm("boarda", "/orgs/"+ward+"/plans", planForm(map[string]string{"responsible": cellA1}))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
		}
		href := rec.Header().Get("Location")
		id := href[strings.LastIndex(href, "/")+1:]
		page := e.get("boarda", href+"?year=2026")
		body := page.Body.String()
		for _, want := range []string{"Kế hoạch nâng cao chất lượng sinh hoạt chi bộ", "Kết quả của Đảng bộ phường Bồ Đề theo từng năm",
			"Tỷ lệ đảng viên dự sinh hoạt (bình quân)", "92,5%", "Đang thực hiện", "Chi bộ tổ dân phố số 5", "Được giao", `<svg`} {
			if !strings.Contains(body, want) {
				t.Errorf("plan page lacks %q", want)
			}
		}
		// 2025's on-time target: the year is over and no meeting was held then.
		if !strings.Contains(body, "Chưa có số liệu") && !strings.Contains(body, "Không đạt") {
			t.Error("2025 is not judged")
		}
		// Who sees it: the cell's secretary, for the cell (the plan applies);
		// not ward B's board; the district's board not from the district
		// (the plan does not apply there).
		for _, c := range []struct {
			user, path string
			want       int
		}{
			{"seca1", "/orgs/" + cellA1 + "/plans/" + id, 200},
			{"seca1", href, 403},
			{"boardb", href, 403},
			{"board", "/orgs/" + itoa(e.fix.District) + "/plans/" + id, 404},
			{"board", href, 200},
			{"boarda", "/orgs/" + ward + "/plans/999999", 404},
			{"boarda", "/plans?org=" + ward, 200},
			{"seca1", "/plans?org=" + cellA1, 200},
		} {
			if rec := e.get(c.user, c.path); rec.Code != c.want {
				t.Errorf("%s %s: %d, want %d", c.user, c.path, rec.Code, c.want)
			}
		}
		if rec := e.get("seca1", "/plans?org="+cellA1); !strings.Contains(rec.Body.String(), "05-KH/ĐU") || !strings.Contains(rec.Body.String(), "Của cấp trên") {
			t.Error("the cell's list does not show the ward's plan as one from above")
		}

		// Two boards edit version 1: the second gets the page back with
		// what it typed and the reason.
		edit := e.get("boarda", href+"/edit")
		if edit.Code != 200 || !strings.Contains(edit.Body.String(), `value="92,5"`) {
			t.Fatalf("edit form: %d", edit.Code)
		}
		first := planForm(map[string]string{"version": "1", "title": "Kế hoạch sửa lần một"})
		if rec := e.postForm("boarda", href, first); rec.Code != http.StatusSeeOther {
			t.Fatalf("first edit: %d %s", rec.Code, rec.Body.String())
		}
		second := planForm(map[string]string{"version": "1", "title": "Kế hoạch sửa lần hai"})
		rec = e.postForm("boarda", href, second)
		if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "vừa được người khác sửa") || !strings.Contains(rec.Body.String(), "Kế hoạch sửa lần hai") {
			t.Errorf("stale edit: %d", rec.Code)
		}
	})
}

// The review report: the page for a half year, bad periods answered with
// the reason, an organization outside the user's scope refused, the
// board's text kept and versioned, and the downloads valid files.
func TestReviewReportPageTextAndDownloads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := plansEnv(t, db)
		ward := itoa(e.fix.WardA)
		if rec := e.postForm("boarda", "/orgs/"+ward+"/plans", planForm(nil)); rec.Code != http.StatusSeeOther {
			t.Fatalf("plan: %d", rec.Code)
		}
		base := "/orgs/" + ward + "/report"
		half := "from=2026-01&to=2026-06"
		rec := e.get("boarda", base+"?"+half)
		body := rec.Body.String()
		if rec.Code != 200 {
			t.Fatalf("report: %d %s", rec.Code, body)
		}
		for _, want := range []string{"sơ kết 6 tháng đầu năm 2026", "Tình hình tổ chức đảng và đảng viên", "05-KH/ĐU", "Tỷ lệ đảng viên dự sinh hoạt (bình quân)",
			"Chi bộ tổ dân phố số 5", "Các đơn vị làm tốt", "Nhận định của cấp ủy", "download?format=docx"} {
			if !strings.Contains(body, want) {
				t.Errorf("report page lacks %q", want)
			}
		}
		for _, c := range []struct {
			user, query string
			want        int
			says        string
		}{
			{"boarda", "from=2026-06&to=2026-01", 400, "trước kỳ bắt đầu"},
			{"boarda", "from=2010-01&to=2026-06", 400, "vượt quá 10 năm"},
			{"boarda", "from=tháng-sáu", 400, "Không hiểu kỳ"},
			{"boardb", half, 403, ""},
			{"seca1", half, 403, ""},
			{"board", half, 200, ""},
		} {
			rec := e.get(c.user, base+"?"+c.query)
			if rec.Code != c.want || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("%s %s: %d, want %d saying %q", c.user, c.query, rec.Code, c.want, c.says)
			}
		}

		// The board's text, then a stale save.
		text := url.Values{"from": {"2026-01"}, "to": {"2026-06"}, "version": {"0"}, "strengths": {"Các chi bộ duy trì nền nếp sinh hoạt thường kỳ."},
			"lessons": {"Phát huy vai trò của cấp ủy viên phụ trách chi bộ."}, "signer": {"Nguyễn Văn An"}, "sign_role": {"bi_thu"}, "number": {"03-BC/ĐU"}}
		if rec := e.postForm("boarda", base, text); rec.Code != http.StatusSeeOther {
			t.Fatalf("save text: %d %s", rec.Code, rec.Body.String())
		}
		text.Set("strengths", "Một nội dung khác.")
		rec = e.postForm("boarda", base, text)
		if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "vừa được người khác lưu") || !strings.Contains(rec.Body.String(), "Một nội dung khác.") {
			t.Errorf("stale text: %d", rec.Code)
		}
		if rec := e.postForm("seca1", "/orgs/"+itoa(e.fix.CellA1)+"/report", text); rec.Code != 403 {
			t.Errorf("a secretary writes the board's text: %d", rec.Code)
		}

		get := func(format string) []byte {
			t.Helper()
			rec := e.get("boarda", base+"/download?format="+format+"&"+half)
			if rec.Code != 200 {
				t.Fatalf("%s: %d %s", format, rec.Code, rec.Body.String())
			}
			if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "."+format) {
				t.Errorf("%s: disposition %q", format, cd)
			}
			return rec.Body.Bytes()
		}
		doc := get("docx")
		zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
		if err != nil {
			t.Fatal(err)
		}
		var xml string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				xml = string(b)
			}
		}
		for _, want := range []string{"ĐẢNG BỘ PHƯỜNG BỒ ĐỀ", "BÁO CÁO", "sơ kết 6 tháng đầu năm 2026", "Các chi bộ duy trì nền nếp sinh hoạt thường kỳ.",
			"Số 03-BC/ĐU", "Kết quả thực hiện các chỉ tiêu", "Nguyễn Văn An", "T/M ĐẢNG ỦY"} {
			if !strings.Contains(xml, want) {
				t.Errorf("DOCX lacks %q", want)
			}
		}
		if pdf := get("pdf"); !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Error("PDF does not start with %PDF")
		}
		xl, err := excelize.OpenReader(bytes.NewReader(get("xlsx")))
		if err != nil {
			t.Fatal(err)
		}
		defer xl.Close()
		rows, err := xl.GetRows("Chỉ tiêu")
		if err != nil || len(rows) < 3 || rows[2][0] != "05-KH/ĐU" {
			t.Errorf("XLSX indicators: %v %v", rows, err)
		}
		if rec := e.get("boarda", base+"/download?format=doc&"+half); rec.Code != 400 || !strings.Contains(rec.Body.String(), "không hỗ trợ") {
			t.Errorf("format doc: %d", rec.Code)
		}
	})
}
