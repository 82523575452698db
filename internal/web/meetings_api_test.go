package web_test

import (
	"bytes"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// apiMeeting is the part of a meeting answer the tests read.
type apiMeeting struct {
	ID         int64  `json:"id"`
	Status     string `json:"status"`
	Version    int64  `json:"version"`
	Attendance struct {
		Total, Required, Present int
		Rate                     float64
	} `json:"attendance"`
	Voting struct {
		Base           int    `json:"base"`
		PresentVoters  int    `json:"present_voters"`
		QuorumRequired int    `json:"quorum_required"`
		QuorumMet      bool   `json:"quorum_met"`
		Yes            int    `json:"yes"`
		Passed         bool   `json:"passed"`
		Reason         string `json:"reason"`
	} `json:"voting"`
	Roll []struct {
		MemberID int64  `json:"member_id"`
		FullName string `json:"full_name"`
		Editable bool   `json:"editable"`
		Derived  string `json:"derived"`
	} `json:"roll"`
	Agenda []struct {
		Key, Part, Title string
	} `json:"agenda"`
	Completeness struct {
		Complete bool
		Missing  []string
	} `json:"completeness"`
}

// The meetings API answers as the OpenAPI document says, with the core's
// figures, and refuses what the rules refuse with the right status: a
// second regular meeting for a month (422), attendance before the day or
// for someone not summoned (422), a probationary ballot (422), a stale
// version (409), a locked record (409).
func TestMeetingsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		sp := loadSpec(t)
		a := newApp(t, db)
		call := func(user, method, path, tmpl string, body any, want int) *httptest.ResponseRecorder {
			t.Helper()
			var rec *httptest.ResponseRecorder
			if body != nil {
				rec = a.postJSON(user, method, path, body)
			} else {
				rec = a.do(user, method, path, nil, "")
			}
			if rec.Code != want {
				t.Errorf("%s %s: status %d, want %d: %s", method, path, rec.Code, want, rec.Body.String())
			}
			if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				sp.check(t, tmpl, method, rec)
			}
			if rec.Code >= 400 {
				if e := apiErr(t, rec); e.Message == "" {
					t.Errorf("%s %s: error without a message", method, path)
				}
			}
			return rec
		}
		cell := a.fix.CellA1

		// Plan: 201 with the meeting and its agenda; the second regular
		// meeting of June is a rule violation naming the rule.
		rec := call("seca1", "POST", "/api/v1/meetings", "/api/v1/meetings",
			map[string]any{"org_id": cell, "kind": "thuong_ky", "starts_at": "2026-06-05T19:30:00+07:00", "place": "Nhà văn hóa tổ dân phố số 5"}, 201)
		var m apiMeeting
		decode(t, rec, &m)
		if m.ID == 0 || len(m.Agenda) < 4 || m.Status != "du_kien" || m.Attendance.Required != 9 {
			t.Fatalf("planned meeting = %+v", m)
		}
		id := strconv.FormatInt(m.ID, 10)
		path := "/api/v1/meetings/" + id
		rec = call("seca1", "POST", "/api/v1/meetings", "/api/v1/meetings",
			map[string]any{"org_id": cell, "kind": "thuong_ky", "starts_at": "2026-06-20T19:30:00+07:00"}, 422)
		if e := apiErr(t, rec); !strings.Contains(e.Message, "mỗi tháng một buổi") {
			t.Errorf("second regular meeting: %q", e.Message)
		}
		call("seca1", "POST", "/api/v1/meetings", "/api/v1/meetings", map[string]any{"org_id": cell, "kind": "thuong_ky", "starts_at": "5/6/2026 19:30"}, 400)
		call("secb1", "POST", "/api/v1/meetings", "/api/v1/meetings", map[string]any{"org_id": cell, "kind": "thuong_ky", "starts_at": "2026-07-05T19:30:00+07:00"}, 403)
		future := call("seca1", "POST", "/api/v1/meetings", "/api/v1/meetings",
			map[string]any{"org_id": cell, "kind": "chuyen_de", "period": "2026-Q3", "starts_at": "2026-07-10T08:00:00+07:00", "topic": "Học tập và làm theo tư tưởng Hồ Chí Minh"}, 201)
		var fm apiMeeting
		decode(t, future, &fm)
		fpath := "/api/v1/meetings/" + strconv.FormatInt(fm.ID, 10)

		// Read and list.
		call("mema1", "GET", path, "/api/v1/meetings/{id}", nil, 200)
		call("memb1", "GET", path, "/api/v1/meetings/{id}", nil, 403)
		call("seca1", "GET", "/api/v1/meetings/999999", "/api/v1/meetings/{id}", nil, 404)
		rec = call("seca1", "GET", "/api/v1/meetings?org="+strconv.FormatInt(cell, 10)+"&from=2026-06-01&to=2026-12-31", "/api/v1/meetings", nil, 200)
		var list struct{ Items []apiMeeting }
		decode(t, rec, &list)
		if len(list.Items) != 2 {
			t.Errorf("listed %d meetings, want 2", len(list.Items))
		}
		call("seca1", "GET", "/api/v1/meetings?from=01/06/2026", "/api/v1/meetings", nil, 400)
		call("board", "GET", "/api/v1/meetings?org="+strconv.FormatInt(a.fix.WardA, 10), "/api/v1/meetings", nil, 422)

		// Plan changes carry the version read.
		call("seca1", "PATCH", path, "/api/v1/meetings/{id}", map[string]any{"place": "Hội trường tổ dân phố", "version": m.Version + 5}, 409)
		rec = call("seca1", "PATCH", path, "/api/v1/meetings/{id}", map[string]any{"place": "Hội trường tổ dân phố", "version": m.Version,
			"prep": map[string]any{"content_drafted": true, "committee_met_on": "2026-06-01", "draft_resolution": "Dự thảo nghị quyết tháng 6."}}, 200)
		decode(t, rec, &m)

		// Attendance: before the day, for someone not summoned, for a
		// member away: refused; then everyone but two.
		call("seca1", "PUT", fpath+"/attendance", "/api/v1/meetings/{id}/attendance",
			map[string]any{"entries": []map[string]any{{"member_id": a.fix.Members["Nguyễn Văn An"], "status": "co_mat"}}}, 422)
		call("seca1", "PUT", path+"/attendance", "/api/v1/meetings/{id}/attendance",
			map[string]any{"entries": []map[string]any{{"member_id": a.fix.Members["Mai Thị Hoa"], "status": "co_mat"}}}, 422)
		call("seca1", "PUT", path+"/attendance", "/api/v1/meetings/{id}/attendance",
			map[string]any{"entries": []map[string]any{{"member_id": a.fix.Members["Trần Thị Bình"], "status": "vang_co_ly_do"}}}, 400)
		var entries []map[string]any
		for _, r := range m.Roll {
			if !r.Editable || r.Derived == "mien" {
				continue
			}
			e := map[string]any{"member_id": r.MemberID, "status": "co_mat", "dues_paid": true}
			switch r.FullName {
			case "Trần Thị Bình":
				e["status"], e["reason"] = "vang_co_ly_do", "Ốm"
			case "Hoàng Văn Dũng":
				e["status"] = "vang_khong_ly_do"
			}
			entries = append(entries, e)
		}
		rec = call("seca1", "PUT", path+"/attendance", "/api/v1/meetings/{id}/attendance", map[string]any{"entries": entries}, 200)
		decode(t, rec, &m)
		if m.Attendance.Present != 7 || m.Attendance.Required != 9 || m.Voting.Base != 7 || m.Voting.QuorumRequired != 5 || !m.Voting.QuorumMet {
			t.Errorf("after the roll call: attendance %+v, voting %+v", m.Attendance, m.Voting)
		}

		// Votes: a probationary ballot is refused with her name; counts
		// above the voters present are refused.
		rec = call("seca1", "PUT", path+"/votes", "/api/v1/meetings/{id}/votes",
			map[string]any{"ballots": []map[string]any{{"member_id": a.fix.Members["Ngô Thị Yến"], "vote": "yes"}}}, 422)
		if e := apiErr(t, rec); !strings.Contains(e.Message, "Ngô Thị Yến") {
			t.Errorf("probationary ballot: %q", e.Message)
		}
		call("seca1", "PUT", path+"/votes", "/api/v1/meetings/{id}/votes", map[string]any{"yes": 7}, 422)
		rec = call("seca1", "PUT", path+"/votes", "/api/v1/meetings/{id}/votes", map[string]any{"ballots": []map[string]any{
			{"member_id": a.fix.Members["Nguyễn Văn An"], "vote": "yes"}, {"member_id": a.fix.Members["Lê Văn Ánh"], "vote": "yes"},
			{"member_id": a.fix.Members["Phạm Thị Ân"], "vote": "yes"}, {"member_id": a.fix.Members["Bùi Văn Ẩn"], "vote": "yes"},
			{"member_id": a.fix.Members["Đỗ Văn Đức"], "vote": "no", "reserved": "Cần thêm kinh phí cho việc vệ sinh môi trường."}}}, 200)
		decode(t, rec, &m)
		if !m.Voting.Passed || m.Voting.Yes != 4 || !strings.Contains(m.Voting.Reason, "Thông qua") {
			t.Errorf("voting = %+v", m.Voting)
		}

		// Minutes: the answer says what is missing and the new version; a
		// stale version is 409; an end before the start 422.
		minutes := map[string]any{"version": 0, "started_at": "2026-06-05T19:30:00+07:00", "ended_at": "2026-06-05T21:15:00+07:00",
			"place": "Hội trường tổ dân phố", "chair": "Nguyễn Văn An", "minute_taker": "Trần Thị Bình", "guests": []string{"Phạm Văn Tùng, Đảng ủy viên"},
			"conclusion": "Chi bộ thống nhất các nhiệm vụ tháng 7/2026.", "resolution": "Nghị quyết tháng 6/2026.", "read_back": false, "self_rating": "kha"}
		var sections []map[string]any
		var discussion []map[string]any
		for _, it := range m.Agenda {
			sections = append(sections, map[string]any{"key": it.Key, "presenter": "Nguyễn Văn An", "text": "Trình bày " + it.Title + "."})
			if it.Part == "noi_dung" {
				discussion = append(discussion, map[string]any{"key": it.Key, "member_id": a.fix.Members["Lê Văn Ánh"], "text": "Đề nghị tăng cường tuần tra."})
			}
		}
		minutes["sections"], minutes["discussion"] = sections, discussion
		bad := map[string]any{"version": 0, "started_at": "2026-06-05T19:30:00+07:00", "ended_at": "2026-06-05T18:00:00+07:00"}
		call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", bad, 422)
		call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", map[string]any{"version": 0, "discussion": []map[string]any{{"member_id": 999999, "text": "x"}}}, 400)
		rec = call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", minutes, 200)
		var saved struct {
			Version      int64
			Completeness struct {
				Complete bool
				Missing  []string
			}
		}
		decode(t, rec, &saved)
		if saved.Version != 1 || saved.Completeness.Complete || len(saved.Completeness.Missing) != 1 || !strings.Contains(saved.Completeness.Missing[0], "đọc lại") {
			t.Errorf("saved minutes = %+v", saved)
		}
		call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", minutes, 409)
		call("seca1", "POST", path+"/lock", "/api/v1/meetings/{id}/lock", map[string]any{"chair_confirms": true, "minute_taker_confirms": true}, 422)
		minutes["version"], minutes["read_back"] = 1, true
		call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", minutes, 200)
		call("seca1", "POST", path+"/lock", "/api/v1/meetings/{id}/lock", map[string]any{"chair_confirms": true}, 400)
		rec = call("seca1", "POST", path+"/lock", "/api/v1/meetings/{id}/lock", map[string]any{"chair_confirms": true, "minute_taker_confirms": true}, 200)
		decode(t, rec, &m)
		if m.Status != "da_ky" || !m.Completeness.Complete {
			t.Errorf("after signing: %s %+v", m.Status, m.Completeness)
		}
		minutes["version"] = 2
		rec = call("seca1", "PUT", path+"/minutes", "/api/v1/meetings/{id}/minutes", minutes, 409)
		if e := apiErr(t, rec); e.Code != "locked" {
			t.Errorf("locked minutes answer %q", e.Code)
		}
		call("seca1", "PUT", path+"/attendance", "/api/v1/meetings/{id}/attendance", map[string]any{"entries": entries}, 409)
		call("seca1", "POST", path+"/amendments", "/api/v1/meetings/{id}/amendments", map[string]any{"reason": "", "text": "x"}, 400)
		call("seca1", "POST", path+"/amendments", "/api/v1/meetings/{id}/amendments", map[string]any{"reason": "Ghi nhầm", "text": "Sửa lại tên."}, 201)
		call("seca1", "POST", fpath+"/amendments", "/api/v1/meetings/{id}/amendments", map[string]any{"reason": "Ghi nhầm", "text": "Sửa lại tên."}, 422)

		// Printing.
		for _, p := range []string{path + "/minutes.pdf", path + "/minutes.docx", "/api/v1/orgs/" + strconv.FormatInt(cell, 10) + "/minute-book.pdf?year=2026"} {
			rec := a.get("seca1", p)
			if rec.Code != 200 || !(bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF")) || bytes.HasPrefix(rec.Body.Bytes(), []byte("PK"))) {
				t.Errorf("%s: %d", p, rec.Code)
			}
		}
		call("seca1", "GET", "/api/v1/orgs/"+strconv.FormatInt(cell, 10)+"/minute-book.pdf?year=2024", "/api/v1/orgs/{id}/minute-book.pdf", nil, 404)

		// The notice reaches the members once; then their notifications.
		rec = call("seca1", "POST", fpath+"/notice", "/api/v1/meetings/{id}/notice", nil, 200)
		var notice struct {
			InApp int `json:"in_app"`
		}
		decode(t, rec, &notice)
		if notice.InApp == 0 {
			t.Error("the notice reached nobody")
		}
		call("seca1", "POST", path+"/notice", "/api/v1/meetings/{id}/notice", nil, 409)
		rec = call("mema1", "GET", "/api/v1/me/notifications", "/api/v1/me/notifications", nil, 200)
		var ns struct {
			Items []struct {
				ID      int64
				Message string
				Read    bool
			}
		}
		decode(t, rec, &ns)
		if len(ns.Items) != 1 || !strings.Contains(ns.Items[0].Message, "chuyên đề") || ns.Items[0].Read {
			t.Fatalf("member's notifications = %+v", ns.Items)
		}
		call("mema1", "POST", "/api/v1/me/notifications/"+strconv.FormatInt(ns.Items[0].ID, 10)+"/read", "/api/v1/me/notifications/{nid}/read", nil, 200)
		call("memb1", "POST", "/api/v1/me/notifications/"+strconv.FormatInt(ns.Items[0].ID, 10)+"/read", "/api/v1/me/notifications/{nid}/read", nil, 404)

		// The calendar of the year, as the core judges it.
		rec = call("board", "GET", "/api/v1/orgs/"+strconv.FormatInt(cell, 10)+"/calendar?year=2026", "/api/v1/orgs/{id}/calendar", nil, 200)
		var cal struct {
			Months []struct{ Period, Status string }
		}
		decode(t, rec, &cal)
		if cal.Months[4].Status != "khong_hop" || cal.Months[5].Status != "dung_han" || cal.Months[6].Status != "chua_den_han" {
			t.Errorf("calendar = %+v", cal.Months)
		}

		// Rule sets: administrators only; validated; codes unique.
		rec = call("admin", "GET", "/api/v1/rulesets", "/api/v1/rulesets", nil, 200)
		var sets struct {
			Items []struct {
				Code      string
				Confirmed bool
			}
		}
		decode(t, rec, &sets)
		if len(sets.Items) != 2 || sets.Items[1].Code != "HD42-2025" || sets.Items[1].Confirmed {
			t.Errorf("rule sets = %+v", sets.Items)
		}
		call("seca1", "GET", "/api/v1/rulesets", "/api/v1/rulesets", nil, 403)
		rs := map[string]any{"code": "HD50-2027", "name": "Hướng dẫn 50-HD/BTCTW (2027)", "effective_from": "2027-01-01", "confirmed": true,
			"attendance_min": 0.9, "max_consecutive_excused": 3, "min_duration_minutes": 90, "quorum_required": true, "quorum_num": 2, "quorum_den": 3,
			"temp_in_votes_in_host": true, "thematic_per_quarter": 1, "probation_months": 12}
		rec = call("admin", "POST", "/api/v1/rulesets", "/api/v1/rulesets", rs, 201)
		var got struct {
			Agendas []any
		}
		decode(t, rec, &got)
		if len(got.Agendas) == 0 {
			t.Error("the new rule set took no agendas from the one in force")
		}
		call("admin", "POST", "/api/v1/rulesets", "/api/v1/rulesets", rs, 409)
		rs["code"], rs["quorum_num"] = "HD51-2027", 4
		rec = call("admin", "POST", "/api/v1/rulesets", "/api/v1/rulesets", rs, 400)
		if e := apiErr(t, rec); e.Fields["quorum"] == "" {
			t.Errorf("bad quorum: %+v", e)
		}
	})
}
