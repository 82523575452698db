package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	chiboapp "chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"

	"golang.org/x/net/html"
)

// qualityEnv is the application with services on the same database, to
// set up meetings the way a secretary would have recorded them.
type qualityEnv struct {
	*app
	svc *chiboapp.Services
}

func newQualityEnv(t *testing.T, db *store.DB) qualityEnv {
	t.Helper()
	a := newApp(t, db)
	return qualityEnv{a, chiboapp.Wire(db, testfix.Now)}
}

var setupActor = store.Actor{Username: "test"}

// held plans and holds a regular meeting of cell on day d: everyone
// present, the resolution passed, minutes with text in every section.
func (e qualityEnv) held(t *testing.T, cell int64, d party.Date, text string) int64 {
	t.Helper()
	ctx := context.Background()
	ms := e.svc.Meetings
	id, err := ms.Plan(ctx, setupActor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30"})
	if err != nil {
		t.Fatal(err)
	}
	e.hold(t, id, text)
	return id
}

// hold takes attendance (everyone present), the vote and the minutes.
func (e qualityEnv) hold(t *testing.T, id int64, text string) {
	t.Helper()
	ctx := context.Background()
	ms := e.svc.Meetings
	v, err := ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	if v, err = ms.SaveAttendance(ctx, setupActor, id, entries); err != nil {
		t.Fatal(err)
	}
	if _, err = ms.SaveVotes(ctx, setupActor, id, party.Votes{Yes: v.Voting.PresentVoters}); err != nil {
		t.Fatal(err)
	}
	start := v.Meeting.Date.At(19, 30)
	c := party.MinutesContent{StartedAt: start, EndedAt: start.Add(100 * time.Minute), Place: "Nhà văn hóa tổ dân phố", Chair: "Nguyễn Văn An",
		MinuteTaker: "Trần Thị Bình", Conclusion: "Thống nhất các nhiệm vụ tháng tới.", Resolution: "Nghị quyết tháng.", ReadBack: true}
	for _, it := range v.Meeting.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title, Text: text}
		if it.Part == party.PartContent {
			for _, r := range v.Roll {
				if r.Derived == party.DerivedNone {
					mi.Speeches = append(mi.Speeches, party.Speech{MemberID: r.MemberID, Speaker: r.FullName, Text: "Tôi đồng ý với dự thảo nghị quyết."})
				}
			}
		}
		c.Items = append(c.Items, mi)
	}
	if _, err := ms.SaveMinutes(ctx, setupActor, id, c, "", 0); err != nil {
		t.Fatal(err)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// judgedFull is the form of an evaluation giving every judged item of the
// default sheet its full marks.
func judgedFull() url.Values {
	return url.Values{"p.content_guidance": {"5"}, "p.order": {"5"}, "p.criticism": {"5"}, "p.principles": {"10"}, "p.carried_out": {"5"}}
}

// fieldOf finds the field of a sheet item by its name attribute.
func fieldOf(t *testing.T, p page, name string) string {
	t.Helper()
	for _, n := range p.css("input") {
		if attr(n, "name") == name {
			return attr(n, "id")
		}
	}
	for _, n := range p.css("textarea") {
		if attr(n, "name") == name {
			return attr(n, "id")
		}
	}
	t.Fatalf("no field %s", name)
	return ""
}

// DOMAIN.md §7: the items the data decides are filled in, the judged ones
// are scored by the cell and by the following committee member, both are
// kept, and oversight uses the review.
func TestEvaluationPage(t *testing.T) {
	e := newQualityEnv(t, storetest.NewSQLite(t))
	id := e.held(t, e.fix.CellA1, party.D(2026, time.June, 5), "Chi bộ đánh giá kết quả tháng 5 và đề ra nhiệm vụ tháng 6.")
	path := "/meetings/" + itoa(id) + "/evaluation"

	rec := e.get("seca1", path)
	if rec.Code != http.StatusOK {
		t.Fatalf("secretary: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	p := parsePage(t, rec.Body.String())
	if f := p.one(t, "#eval-form"); attr(f, "action") != path+"/self" {
		t.Errorf("the secretary's form posts to %q", attr(f, "action"))
	}
	if auto := texts(p.css(".q-auto")); len(auto) == 0 || !strings.Contains(strings.Join(auto, " "), "Có mặt") {
		t.Errorf("computed items not filled with their reason: %v", auto)
	}
	if v := attr(p.one(t, "#"+fieldOf(t, p, "p.attendance_rate")), "value"); v != "10" {
		t.Errorf("attendance filled with %q, want the data's 10", v)
	}
	board := parsePage(t, e.get("boarda", path).Body.String())
	if f := board.one(t, "#eval-form"); attr(f, "action") != path+"/review" {
		t.Errorf("the board's form posts to %q", attr(f, "action"))
	}
	if member := parsePage(t, e.get("mema1", path).Body.String()); member.css("#eval-form") != nil {
		t.Error("a member is offered a form")
	}

	// Each evaluator through their own route only.
	if rec := e.postForm("seca1", path+"/review", judgedFull()); rec.Code != http.StatusForbidden {
		t.Errorf("secretary reviewing: %d", rec.Code)
	}
	if rec := e.postForm("boarda", path+"/self", judgedFull()); rec.Code != http.StatusForbidden {
		t.Errorf("board self-evaluating: %d", rec.Code)
	}

	// The running total comes from the core as the numbers change.
	pv := judgedFull()
	pv.Set("preview", "1")
	rec = e.postForm("seca1", path+"/self", pv)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `id="eval-result"`) || !strings.Contains(rec.Body.String(), "xếp loại") {
		t.Errorf("preview: %d %s", rec.Code, rec.Body.String())
	}

	if rec := e.postForm("seca1", path+"/self", judgedFull()); rec.Code != http.StatusSeeOther {
		t.Fatalf("self evaluation: %d %s", rec.Code, firstLine(rec.Body.String()))
	}

	// Bad input: a message beside the field, what was typed kept.
	bad := judgedFull()
	bad.Set("p.principles", "15")
	rec = e.postForm("boarda", path+"/review", bad)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("points out of range: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	pid := fieldOf(t, p, "p.principles")
	if msg := text(p.one(t, "#e-"+pid)); !strings.Contains(msg, "từ 0 đến 10") || !strings.Contains(msg, "15") {
		t.Errorf("range message = %q", msg)
	}
	if v := attr(p.one(t, "#"+pid), "value"); v != "15" {
		t.Errorf("typed points lost: %q", v)
	}
	bad = judgedFull()
	bad.Set("p.order", "năm")
	if rec := e.postForm("boarda", path+"/review", bad); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "số nguyên") {
		t.Errorf("points not a number: %d", rec.Code)
	}
	over := judgedFull()
	over.Set("p.attendance_rate", "6")
	rec = e.postForm("boarda", path+"/review", over)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("override without a reason: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	rid := fieldOf(t, p, "r.attendance_rate")
	if msg := text(p.one(t, "#e-"+rid)); !strings.Contains(msg, "lý do") {
		t.Errorf("override message beside the reason = %q", msg)
	}
	if _, hidden := attrOK(p.one(t, "#"+rid).Parent, "hidden"); hidden {
		t.Error("the reason field is hidden although it is what is missing")
	}

	over.Set("r.attendance_rate", "Sổ theo dõi của phường ghi 2 đồng chí về sớm.")
	if rec := e.postForm("boarda", path+"/review", over); rec.Code != http.StatusSeeOther {
		t.Fatalf("review: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	p = parsePage(t, e.get("mema1", path).Body.String())
	boxes := p.css(".q-box")
	if len(boxes) != 2 {
		t.Fatalf("%d evaluation boxes, want both", len(boxes))
	}
	if !hasClass(boxes[1], "is-used") || hasClass(boxes[0], "is-used") {
		t.Error("oversight should use the review")
	}
	scores := texts(p.css(".q-score"))
	self, _ := strconv.Atoi(scores[0])
	review, _ := strconv.Atoi(scores[1])
	if len(scores) != 2 || self-review != 4 {
		t.Errorf("self %v, review %v: the review took 4 points off attendance", scores[0], scores[1])
	}
	if diff := p.css("tr.is-diff"); len(diff) != 1 {
		t.Errorf("%d items scored differently, want attendance only", len(diff))
	}
}

// Issue 4, bad input: "a score sheet whose items do not add up to its
// total" — said with the numbers, beside the items, nothing typed lost.
func TestScoreSheetAdmin(t *testing.T) {
	e := newQualityEnv(t, storetest.NewSQLite(t))
	rec := e.get("admin", "/admin/score-sheets")
	if rec.Code != http.StatusOK {
		t.Fatalf("list: %d", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if inUse := p.css(".badge-green"); len(inUse) != 2 {
		t.Errorf("%d sheets in use, want one per rule set", len(inUse))
	}
	if rec := e.get("boarda", "/admin/score-sheets"); rec.Code != http.StatusForbidden {
		t.Errorf("board: %d", rec.Code)
	}
	form := formOf(t, parsePage(t, e.get("admin", "/admin/score-sheets/new?rule_set=HD12-2018").Body.String()), "sheet-form")
	if form.Get("i.0.key") != party.ItemAttendanceRate || form.Get("total") != "100" {
		t.Fatalf("the form does not start from the sheet in use: %v", form)
	}
	form.Set("name", "Phiếu chấm năm 2027")
	form.Set("i.0.points", "15")
	form.Set("op", "save")
	rec = e.postForm("admin", "/admin/score-sheets", form)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("a sheet not adding up: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#e-items")); !strings.Contains(msg, "105") || !strings.Contains(msg, "100") {
		t.Errorf("sum message = %q", msg)
	}
	if v := attr(p.one(t, "#f-name"), "value"); v != "Phiếu chấm năm 2027" {
		t.Errorf("name lost: %q", v)
	}
	// One more row, then a computed item the data cannot decide.
	form.Set("op", "add")
	p = parsePage(t, e.postForm("admin", "/admin/score-sheets", form).Body.String())
	if n := formOf(t, p, "sheet-form").Get("n"); n != strconv.Itoa(atoiT(form.Get("n"))+1) {
		t.Errorf("add gave %s rows", n)
	}
	form.Set("i.0.points", "10")
	form.Set("i.4.computed", "1") // content_guidance: judged by people
	form.Set("op", "save")
	p = parsePage(t, e.postForm("admin", "/admin/score-sheets", form).Body.String())
	if errs := texts(p.css(".field-error")); len(errs) == 0 || !strings.Contains(strings.Join(errs, " "), "content_guidance") {
		t.Errorf("not computable: %v", errs)
	}
	form.Del("i.4.computed")
	if rec := e.postForm("admin", "/admin/score-sheets", form); rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	p = parsePage(t, e.get("admin", "/admin/score-sheets").Body.String())
	if !strings.Contains(text(p.root), "Phiếu chấm năm 2027") || !strings.Contains(text(p.root), "HD12-2018/TC-100/v2") {
		t.Error("the new version is not listed")
	}
}

func atoiT(s string) int { n, _ := strconv.Atoi(s); return n }

// DOMAIN.md §4: committees publish topics per cell type and period,
// inherited down the tree; a cell does not publish; the secretary picks a
// topic for a thematic meeting; coverage counts the cells per type.
func TestTopicLibrary(t *testing.T) {
	e := newQualityEnv(t, storetest.NewSQLite(t))
	ward := "/orgs/" + itoa(e.fix.WardA) + "/topics"
	topic := url.Values{"title": {"Xây dựng tuyến phố văn minh"}, "description": {"Mỗi đảng viên nhận một đoạn phố."},
		"cell_types": {"thon_tdp"}, "period": {"2026-Q2"}}
	if rec := e.postForm("boarda", ward, topic); rec.Code != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	bad := url.Values{"title": {"Chủ đề sai kỳ"}, "period": {"quý 2"}}
	rec := e.postForm("boarda", ward, bad)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("bad period: %d", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#e-period")); !strings.Contains(msg, "2026-Q2") {
		t.Errorf("period message = %q", msg)
	}
	if v := attr(p.one(t, "#f-title"), "value"); v != "Chủ đề sai kỳ" {
		t.Errorf("title lost: %q", v)
	}
	if rec := e.postForm("boarda", "/orgs/"+itoa(e.fix.CellA1)+"/topics", topic); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "cấp ủy") {
		t.Errorf("published by a cell: %d", rec.Code)
	}
	if rec := e.postForm("seca1", ward, topic); rec.Code != http.StatusForbidden {
		t.Errorf("a secretary publishing: %d", rec.Code)
	}

	// The cell sees it for the quarter; a cell of ward B does not.
	p = parsePage(t, e.get("seca1", "/orgs/"+itoa(e.fix.CellA1)+"/topics?period=2026-Q2").Body.String())
	titles := texts(inAll(p, ".q-topic", "h3"))
	if !contains(titles, "Xây dựng tuyến phố văn minh") || len(titles) != 9 {
		t.Errorf("cell A1 is oriented to %v", titles)
	}
	p = parsePage(t, e.get("secb1", "/orgs/"+itoa(e.fix.CellB1)+"/topics?period=2026-Q2").Body.String())
	if contains(texts(inAll(p, ".q-topic", "h3")), "Xây dựng tuyến phố văn minh") {
		t.Error("ward A's topic reached ward B")
	}

	// The topic of a thematic meeting, the lead paper kept.
	var tid int64
	_ = e.db.View(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT id FROM topics WHERE title = $1`, "Xây dựng tuyến phố văn minh").Scan(&tid)
	})
	ms := e.svc.Meetings
	ctx := context.Background()
	mid, err := ms.Plan(ctx, setupActor, meetings.Plan{OrgID: e.fix.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, time.June, 10), Time: "19:30", Topic: "Chủ đề tạm"})
	if err != nil {
		t.Fatal(err)
	}
	prep := party.Preparation{LeadPaper: "Đề dẫn của đồng chí Bình.", LeadPaperAuthors: "Trần Thị Bình", ContentDrafted: true}
	if _, err := ms.Update(ctx, setupActor, mid, meetings.Change{Prep: &prep}); err != nil {
		t.Fatal(err)
	}
	tp := "/meetings/" + itoa(mid) + "/topic"
	form := formOf(t, parsePage(t, e.get("seca1", tp).Body.String()), "topic-form")
	form.Set("choice", "999999")
	if rec := e.postForm("seca1", tp, form); rec.Code != http.StatusBadRequest {
		t.Errorf("a topic not oriented: %d", rec.Code)
	}
	form.Set("choice", itoa(tid))
	if rec := e.postForm("seca1", tp, form); rec.Code != http.StatusSeeOther {
		t.Fatalf("choose: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	v, _ := ms.Load(ctx, mid)
	if v.Meeting.Prep.TopicID != tid || v.Meeting.Topic != "Xây dựng tuyến phố văn minh" || v.Meeting.Prep.LeadPaperAuthors != "Trần Thị Bình" || !v.Meeting.Prep.ContentDrafted {
		t.Errorf("after choosing: topic %q (%d), prep %+v", v.Meeting.Topic, v.Meeting.Prep.TopicID, v.Meeting.Prep)
	}
	regular := e.held(t, e.fix.CellA1, party.D(2026, time.June, 5), "Họp thường kỳ.")
	if rec := e.get("seca1", "/meetings/"+itoa(regular)+"/topic"); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("topic of a regular meeting: %d", rec.Code)
	}

	// Coverage once the thematic meeting is held.
	e.hold(t, mid, "Chi bộ thảo luận việc giữ gìn tuyến phố văn minh.")
	cov := "/orgs/" + itoa(e.fix.WardA) + "/topics/coverage?from=01/04/2026&to=30/06/2026"
	rec = e.get("boarda", cov)
	if rec.Code != http.StatusOK {
		t.Fatalf("coverage: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	found := false
	for _, li := range p.css(".q-topic") {
		if strings.Contains(text(li), "Xây dựng tuyến phố văn minh") {
			found = true
			if got := text(li); !strings.Contains(got, "1/2 chi bộ") || !strings.Contains(got, "50%") || !strings.Contains(got, "Chi bộ tổ dân phố số 5") {
				t.Errorf("coverage of the ward's topic: %s", got)
			}
		}
	}
	if !found {
		t.Error("the ward's topic is not in the coverage report")
	}
	if rec := e.get("boarda", "/orgs/"+itoa(e.fix.WardA)+"/topics/coverage?from=31/02/2026"); rec.Code != http.StatusBadRequest {
		t.Errorf("a day that does not exist: %d", rec.Code)
	}
}

// in is the part of a page under the first element matching sel (the
// page's selectors have no descendant combinator).
func in(t *testing.T, p page, sel string) page { return page{p.one(t, sel)} }

// inAll is every element matching sub under every element matching sel.
func inAll(p page, sel, sub string) []*html.Node {
	var out []*html.Node
	for _, n := range p.css(sel) {
		out = append(out, page{n}.css(sub)...)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// copiedMinutes is a month's report that cells copy from each other.
const copiedMinutes = "Tháng qua chi bộ đã lãnh đạo tổ dân phố ra quân tổng vệ sinh môi trường, nạo vét cống rãnh ngõ 12 và ngõ 14, " +
	"vận động 46 hộ gia đình đóng góp quỹ khuyến học được 9.200.000 đồng, thăm hỏi 3 gia đình chính sách nhân ngày 27 tháng 7. " +
	"Tình hình an ninh trật tự ổn định, không có vụ việc phức tạp; tổ hòa giải đã giải quyết xong việc tranh chấp lối đi giữa hai hộ."

// Issue 4: minutes copied from another cell are listed for the following
// committee member, shown side by side with the differences, and judged.
func TestFormalismPages(t *testing.T) {
	e := newQualityEnv(t, storetest.NewSQLite(t))
	copied := copiedMinutes
	a := e.held(t, e.fix.CellA1, party.D(2026, time.May, 6), copied)
	b := e.held(t, e.fix.CellA2, party.D(2026, time.May, 8), strings.Replace(copied, "46 hộ", "47 hộ <b>", 1))
	c := e.held(t, e.fix.CellB1, party.D(2026, time.May, 9), copied)
	list := "/orgs/" + itoa(e.fix.WardA) + "/similar"
	rec := e.postForm("boarda", list+"/scan", url.Values{"period": {"2026-05"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("scan: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	rec = e.get("boarda", rec.Header().Get("Location"))
	p := parsePage(t, rec.Body.String())
	if msg := text(p.one(t, ".flash")); !strings.Contains(msg, "3 biên bản") {
		t.Errorf("scan result = %q", msg)
	}
	rows := in(t, p, "#pairs").css("li")
	if len(rows) != 3 {
		t.Fatalf("%d pairs listed for ward A, want A1–A2, A1–B1, A2–B1", len(rows))
	}
	links := in(t, p, "#pairs").css("a")
	if len(links) != 1 || attr(links[0], "href") != "/meetings/"+itoa(a)+"/similar/"+itoa(b) {
		t.Errorf("only the pair inside the ward opens: %v", links)
	}
	if !strings.Contains(text(p.root), "ngoài phạm vi") || strings.Contains(text(p.root), "Trường Tiểu học") {
		t.Error("a cell of ward B is named to ward A's board")
	}

	pair := "/meetings/" + itoa(a) + "/similar/" + itoa(b)
	p = parsePage(t, e.get("boarda", pair).Body.String())
	if ins := texts(p.css("ins.q-b")); !contains(ins, "47") {
		t.Errorf("inserted words = %q", ins)
	}
	if del := texts(p.css("del.q-a")); !contains(del, "46") {
		t.Errorf("deleted words = %q", del)
	}
	if tags := inAll(p, ".q-minutes", "b"); len(tags) != 0 || !strings.Contains(text(p.root), "<b") {
		t.Error("the minutes' text is not escaped")
	}
	if rec := e.get("boarda", "/meetings/"+itoa(a)+"/similar/"+itoa(c)); rec.Code != http.StatusForbidden {
		t.Errorf("a pair with a cell of ward B: %d", rec.Code)
	}
	if rec := e.get("board", "/meetings/"+itoa(a)+"/similar/"+itoa(c)); rec.Code != http.StatusOK {
		t.Errorf("the district sees the pair across wards: %d", rec.Code)
	}
	if rec := e.get("boarda", "/meetings/"+itoa(a)+"/similar/"+itoa(e.held(t, e.fix.CellA2, party.D(2026, time.June, 8), "Khác hẳn."))); rec.Code != http.StatusNotFound {
		t.Errorf("an unknown pair: %d", rec.Code)
	}
	if rec := e.get("boardb", pair); rec.Code != http.StatusForbidden {
		t.Errorf("ward B's board: %d", rec.Code)
	}
	rec = e.postForm("boarda", pair+"/review", url.Values{"status": {"maybe"}, "note": {"Chưa rõ"}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("a verdict not one of the two: %d", rec.Code)
	}
	p = parsePage(t, rec.Body.String())
	if msg := text(p.one(t, ".form-error")); !strings.Contains(msg, "xác nhận") {
		t.Errorf("verdict message = %q", msg)
	}
	if got := text(p.one(t, "#f-note")); got != "Chưa rõ" {
		t.Errorf("note lost: %q", got)
	}
	if rec := e.postForm("boarda", pair+"/review", url.Values{"status": {"confirmed"}, "note": {"Hai chi bộ chép biên bản của nhau."}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d", rec.Code)
	}
	p = parsePage(t, e.get("boarda", list+"?status=confirmed&from=01/05/2026&to=31/05/2026").Body.String())
	if n := len(in(t, p, "#pairs").css("li")); n != 1 {
		t.Errorf("%d confirmed pairs, want 1", n)
	}

	// The threshold is the administrators'.
	if rec := e.postForm("boarda", "/admin/formalism/threshold", url.Values{"threshold": {"80"}, "org": {itoa(e.fix.WardA)}}); rec.Code != http.StatusForbidden {
		t.Errorf("board setting the threshold: %d", rec.Code)
	}
	rec = e.postForm("admin", "/admin/formalism/threshold", url.Values{"threshold": {"150"}, "org": {itoa(e.fix.WardA)}})
	if rec.Code != http.StatusBadRequest || !strings.Contains(text(parsePage(t, rec.Body.String()).one(t, "#e-threshold")), "99%") {
		t.Errorf("threshold out of range: %d", rec.Code)
	}
	if rec := e.postForm("admin", "/admin/formalism/threshold", url.Values{"threshold": {"75"}, "org": {itoa(e.fix.WardA)}}); rec.Code != http.StatusSeeOther {
		t.Errorf("threshold: %d", rec.Code)
	}
	p = parsePage(t, e.get("admin", list).Body.String())
	if v := attr(p.one(t, "#f-threshold"), "value"); v != "75" {
		t.Errorf("threshold shown as %q", v)
	}
	if rec := e.get("boarda", list+"?"+url.Values{"from": {"hôm qua"}}.Encode()); rec.Code != http.StatusBadRequest {
		t.Errorf("a wrong date: %d", rec.Code)
	}
}
