package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/documents"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/training"
)

var pdf = []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF")

// multipartForm sends form fields and one file as multipart/form-data.
func (a *app) multipartForm(user, path string, fields url.Values, field, filename string, data []byte) *httptest.ResponseRecorder {
	a.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if field != "" {
		fw, _ := mw.CreateFormFile(field, filename)
		fw.Write(data)
	}
	mw.Close()
	return a.do(user, "POST", path, &buf, mw.FormDataContentType())
}

func (a *app) count(table string) int {
	a.t.Helper()
	var n int
	err := a.db.View(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n)
	})
	if err != nil {
		a.t.Fatal(err)
	}
	return n
}

// sentDoc registers a document of ward A with a file and sends it to the
// whole ward.
func (a *app) sentDoc(number string) int64 {
	a.t.Helper()
	s := &documents.Service{DB: a.db, Now: testfix.Now}
	ctx := context.Background()
	id, err := s.Create(ctx, store.Actor{Username: "boarda"}, documents.Input{IssuerID: a.fix.WardA, Number: number, Kind: "ke_hoach",
		Title: "Kế hoạch học tập chuyên đề năm 2026", IssuedOn: party.D(2026, 6, 2)}, &documents.Upload{Name: "ke-hoach.pdf", Data: pdf})
	if err == nil {
		_, err = s.Send(ctx, store.Actor{Username: "boarda"}, id, documents.SendInput{})
	}
	if err != nil {
		a.t.Fatal(err)
	}
	return id
}

// A board user registers a document with its file through the form; the
// bad inputs come back with the message beside the field, what was typed
// kept, the fitting status, and nothing stored.
func TestDocumentFormAndBadFiles(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	ward := strconv.FormatInt(a.fix.WardA, 10)
	fields := url.Values{"number": {"11-ĐA/ĐU"}, "kind": {"de_an"}, "title": {"Đề án chuyển đổi số trong sinh hoạt chi bộ"},
		"issued_on": {"05/06/2026"}, "summary": {"Tóm tắt"}, "tags": {"chuyển đổi số"}}
	if rec := a.get("boarda", "/orgs/"+ward+"/documents/new"); rec.Code != http.StatusOK {
		t.Fatalf("form: %d", rec.Code)
	}
	rec := a.multipartForm("boarda", "/orgs/"+ward+"/documents", fields, "file", "de-an.pdf", pdf)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	loc := rec.Header().Get("Location")
	if rec := a.get("boarda", loc); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "11-ĐA/ĐU") {
		t.Fatalf("the document's page: %d", rec.Code)
	}
	if rec := a.get("boarda", loc+"/file"); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != documents.TypePDF || !bytes.Equal(rec.Body.Bytes(), pdf) {
		t.Errorf("the file: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	docs, files := a.count("documents"), a.count("document_files")

	cases := []struct {
		name   string
		number string
		file   string
		data   []byte
		status int
		field  string
		says   string
	}{
		{"the same number, issuer and year", "11-ĐA/ĐU", "khac.pdf", pdf, http.StatusConflict, "number", "11-ĐA/ĐU"},
		{"a program renamed .pdf", "12-ĐA/ĐU", "de-an.pdf", []byte("MZ\x90\x00 program"), http.StatusBadRequest, "file", "chương trình"},
		{"a file too large", "13-ĐA/ĐU", "to.pdf", append([]byte("%PDF-"), make([]byte, documents.MaxFileBytes+10)...), http.StatusRequestEntityTooLarge, "file", "20 MB"},
		{"a date typed wrongly", "14-ĐA/ĐU", "", nil, http.StatusBadRequest, "issued_on", "31/02/2026"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range fields {
				f[k] = v
			}
			f.Set("number", c.number)
			if c.field == "issued_on" {
				f.Set("issued_on", "31/02/2026")
			}
			fileField := "file"
			if c.file == "" {
				fileField = ""
			}
			rec := a.multipartForm("boarda", "/orgs/"+ward+"/documents", f, fileField, c.file, c.data)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d", rec.Code, c.status)
			}
			p := parsePage(t, rec.Body.String())
			if msg := text(p.one(t, "#e-"+c.field)); !strings.Contains(msg, c.says) {
				t.Errorf("message beside %s: %q", c.field, msg)
			}
			if v := attr(p.one(t, "#f-title"), "value"); v != fields.Get("title") {
				t.Errorf("the subject typed was lost: %q", v)
			}
			if a.count("documents") != docs || a.count("document_files") != files {
				t.Error("something was stored")
			}
		})
	}
}

// A member on their home page: the documents sent to their ward with
// "Tôi đã nghiên cứu"; acknowledging moves it to "studied"; a member of
// another ward cannot read it (not found) nor acknowledge it.
func TestMemberStudiesADocument(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		id := a.sentDoc("03-KH/ĐU")
		doc := strconv.FormatInt(id, 10)
		rec := a.get("mema1", "/")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/me" {
			t.Fatalf("a member's home: %d → %s", rec.Code, rec.Header().Get("Location"))
		}
		rec = a.get("mema1", "/me")
		if rec.Code != http.StatusOK {
			t.Fatalf("/me: %d %s", rec.Code, rec.Body.String())
		}
		p := parsePage(t, rec.Body.String())
		if cards := p.css("li.doc-card"); len(cards) != 1 || !strings.Contains(text(cards[0]), "03-KH/ĐU") {
			t.Fatalf("documents to study: %v", texts(cards))
		}
		rec = a.postForm("mema1", "/documents/"+doc+"/ack", url.Values{"back": {"me"}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/me#documents" {
			t.Fatalf("acknowledge: %d %s", rec.Code, rec.Header().Get("Location"))
		}
		p = parsePage(t, a.get("mema1", "/me").Body.String())
		if len(p.css("li.doc-card")) != 0 || !strings.Contains(text(p.one(t, "#documents")), "Đã nghiên cứu ngày 15/06/2026") {
			t.Errorf("after acknowledging: %s", text(p.one(t, "#documents")))
		}
		// memb1 is in ward B.
		if rec := a.get("memb1", "/documents/"+doc); rec.Code != http.StatusNotFound {
			t.Errorf("a member of ward B read it: %d", rec.Code)
		}
		if rec := a.get("memb1", "/documents/"+doc+"/file"); rec.Code != http.StatusNotFound {
			t.Errorf("a member of ward B got the file: %d", rec.Code)
		}
		rec = a.do("memb1", "POST", "/api/v1/documents/"+doc+"/ack", nil, "")
		if rec.Code != http.StatusNotFound {
			t.Errorf("a member of ward B acknowledged: %d", rec.Code)
		}
		// A board user of the ward who is no member cannot acknowledge.
		rec = a.do("boarda", "POST", "/api/v1/documents/"+doc+"/ack", nil, "")
		if e := apiErr(t, rec); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(e.Message, "hồ sơ đảng viên") {
			t.Errorf("a board account acknowledged: %d %s", rec.Code, e.Message)
		}
		// The coverage page of the ward shows the acknowledgement.
		p = parsePage(t, a.get("boarda", "/documents/"+doc+"/coverage?org="+strconv.FormatInt(a.fix.WardA, 10)).Body.String())
		if got := text(p.one(t, "#cov-acked")); got != "1" {
			t.Errorf("acknowledged in ward A: %q", got)
		}
	})
}

// An acknowledgement by a member the document was not sent to (a
// document for secretaries only) is refused with the reason.
func TestAcknowledgementNotSentIsRefused(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	s := &documents.Service{DB: a.db, Now: testfix.Now}
	ctx := context.Background()
	id, err := s.Create(ctx, store.Actor{Username: "boarda"}, documents.Input{IssuerID: a.fix.WardA, Number: "04-HD/ĐU", Kind: "huong_dan",
		Title: "Hướng dẫn nghiệp vụ cho bí thư", IssuedOn: party.D(2026, 6, 2)}, nil)
	if err == nil {
		_, err = s.Send(ctx, store.Actor{Username: "boarda"}, id, documents.SendInput{Roles: []string{"bi_thu"}})
	}
	if err != nil {
		t.Fatal(err)
	}
	doc := strconv.FormatInt(id, 10)
	// mema1 (no office) cannot read it at all; seca1 (the secretary) can.
	if rec := a.do("mema1", "POST", "/api/v1/documents/"+doc+"/ack", nil, ""); rec.Code != http.StatusNotFound {
		t.Errorf("mema1: %d", rec.Code)
	}
	if rec := a.do("seca1", "POST", "/api/v1/documents/"+doc+"/ack", nil, ""); rec.Code != http.StatusOK {
		t.Errorf("seca1: %d %s", rec.Code, rec.Body.String())
	}
	// seca2 reads it (the secretary of a cell it was sent to)…
	if rec := a.get("seca2", "/documents/"+doc); rec.Code != http.StatusOK {
		t.Errorf("seca2 reading: %d", rec.Code)
	}
	// …and Trần Thị Bình, a deputy in A1 without an account, is not
	// reached: the service refuses her with the reason.
	_, err = s.Acknowledge(ctx, store.Actor{Username: "seca1"}, id, a.fix.Members["Trần Thị Bình"])
	if e, ok := party.AsError(err); !ok || e.Code != party.ERule {
		t.Errorf("a deputy acknowledged a document for secretaries: %v", err)
	}
}

// The training history shows on the member's profile (loaded by htmx, or
// as a page of its own).
func TestTrainingHistoryOnProfile(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	ts := &training.Service{DB: a.db, Now: testfix.Now}
	ctx := context.Background()
	id, err := ts.Create(ctx, store.Actor{Username: "board"}, training.Input{OrganizerID: a.fix.District, Title: "Lớp bồi dưỡng bí thư chi bộ khóa I",
		StartsOn: party.D(2026, 6, 1), EndsOn: party.D(2026, 6, 3)})
	if err == nil {
		err = ts.SetParticipants(ctx, store.Actor{Username: "board"}, id, []training.Entry{{MemberID: a.fix.Members["Nguyễn Văn An"], Result: "dat", Certificate: "12/GCN"}})
	}
	if err != nil {
		t.Fatal(err)
	}
	member := strconv.FormatInt(a.fix.Members["Nguyễn Văn An"], 10)
	p := parsePage(t, a.get("seca1", "/members/"+member).Body.String())
	box := p.one(t, "#training-history")
	if attr(box, "hx-get") != "/members/"+member+"/training" {
		t.Errorf("the profile does not load the history: %q", attr(box, "hx-get"))
	}
	req := httptest.NewRequest("GET", "http://127.0.0.1/members/"+member+"/training", nil)
	req.Header.Set("HX-Request", "true")
	req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie("seca1")})
	rec := serve(a, req)
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "<html") {
		t.Fatalf("fragment: %d", rec.Code)
	}
	got := text(parsePage(t, rec.Body.String()).one(t, "#training-history"))
	for _, want := range []string{"Lớp bồi dưỡng bí thư chi bộ khóa I", "Đạt", "12/GCN"} {
		if !strings.Contains(got, want) {
			t.Errorf("history %q lacks %q", got, want)
		}
	}
	if rec := a.get("secb1", "/members/"+member+"/training"); rec.Code != http.StatusForbidden {
		t.Errorf("another ward's secretary: %d", rec.Code)
	}
}

// The course page records results through the form; an unknown result
// comes back beside the participant's line.
func TestCourseParticipantsForm(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	rec := a.postForm("boarda", "/training?org="+strconv.FormatInt(a.fix.WardA, 10), url.Values{"title": {"Bồi dưỡng cấp ủy viên"},
		"starts_on": {"10/06/2026"}, "ends_on": {"08/06/2026"}, "target_roles": {"chi_uy_vien"}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("a course ending before it starts: %d", rec.Code)
	}
	p := parsePage(t, rec.Body.String())
	if msg := text(p.one(t, "#e-ends_on")); !strings.Contains(msg, "08/06/2026") {
		t.Errorf("message %q", msg)
	}
	rec = a.postForm("boarda", "/training?org="+strconv.FormatInt(a.fix.WardA, 10), url.Values{"title": {"Bồi dưỡng cấp ủy viên"},
		"starts_on": {"01/06/2026"}, "ends_on": {"03/06/2026"}, "capacity": {"1"}, "target_roles": {"chi_uy_vien"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("create: %d %s", rec.Code, rec.Body.String())
	}
	course := rec.Header().Get("Location")
	an, binh := strconv.FormatInt(a.fix.Members["Nguyễn Văn An"], 10), strconv.FormatInt(a.fix.Members["Trần Thị Bình"], 10)
	if rec := a.postForm("boarda", course+"/participants", url.Values{"enrol": {an, binh}}); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("two in a course for one: %d", rec.Code)
	}
	if rec := a.postForm("boarda", course+"/participants", url.Values{"enrol": {an}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("enrol: %d", rec.Code)
	}
	rec = a.postForm("boarda", course+"/participants", url.Values{"member_id": {an}, "result_" + an: {"gioi"}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("unknown result: %d", rec.Code)
	}
	if msg := text(parsePage(t, rec.Body.String()).one(t, "#e-result_"+an)); !strings.Contains(msg, "gioi") {
		t.Errorf("message %q", msg)
	}
	if rec := a.postForm("boarda", course+"/participants", url.Values{"member_id": {an}, "result_" + an: {"dat"}, "certificate_" + an: {"07/GCN"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("result: %d", rec.Code)
	}
	p = parsePage(t, a.get("boarda", "/training/untrained?org="+strconv.FormatInt(a.fix.WardA, 10)).Body.String())
	if strings.Contains(text(p.one(t, "#untrained")), "Nguyễn Văn An") {
		t.Error("An passed and is still listed untrained")
	}
}

// A meeting cites the documents its agenda rests on: the secretary picks
// among those sent to the cell; one the cell may not read is refused
// beside the list and nothing changes; members see the list.
func TestMeetingCitesDocuments(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	ctx := context.Background()
	ms := &meetings.Service{DB: a.db, Now: testfix.Now}
	m, err := ms.Plan(ctx, store.Actor{Username: "seca1"}, meetings.Plan{OrgID: a.fix.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, 6, 19), Time: "19:30", Topic: "Chuyển đổi số"})
	if err != nil {
		t.Fatal(err)
	}
	doc := a.sentDoc("05-KH/ĐU")
	other := (&documents.Service{DB: a.db, Now: testfix.Now})
	bDoc, err := other.Create(ctx, store.Actor{Username: "boardb"}, documents.Input{IssuerID: a.fix.WardB, Number: "09-KH/ĐU", Kind: "ke_hoach",
		Title: "Kế hoạch của phường Gia Thụy", IssuedOn: party.D(2026, 6, 2)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := "/meetings/" + strconv.FormatInt(m, 10) + "/documents"
	p := parsePage(t, a.get("seca1", path).Body.String())
	if len(p.css("input[name=document_ids]")) != 1 {
		t.Fatalf("choices: %d", len(p.css("input[name=document_ids]")))
	}
	rec := a.postForm("seca1", path, url.Values{"document_ids": {strconv.FormatInt(doc, 10), strconv.FormatInt(bDoc, 10)}})
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("citing ward B's document: %d", rec.Code)
	}
	if msg := text(parsePage(t, rec.Body.String()).one(t, "#main")); !strings.Contains(msg, "không được gửi đến") {
		t.Errorf("message: %q", msg)
	}
	if p := parsePage(t, a.get("seca1", path).Body.String()); len(p.css(".cited-docs")) != 0 {
		t.Error("a refused citation changed the meeting")
	}
	if rec := a.postForm("seca1", path, url.Values{"document_ids": {strconv.FormatInt(doc, 10)}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("citing: %d", rec.Code)
	}
	got := text(parsePage(t, a.get("mema1", path).Body.String()).one(t, ".cited-docs"))
	if !strings.Contains(got, "05-KH/ĐU") || strings.Contains(got, "09-KH/ĐU") {
		t.Errorf("cited: %q", got)
	}
	if rec := a.postForm("mema1", path, url.Values{"document_ids": {}}); rec.Code != http.StatusForbidden {
		t.Errorf("a member changed the citations: %d", rec.Code)
	}
	// The meeting's page and its minutes list what it cites.
	for _, page := range []string{"", "/minutes"} {
		rec := a.get("seca1", "/meetings/"+strconv.FormatInt(m, 10)+page)
		if rec.Code != http.StatusOK {
			t.Fatalf("meeting page %q: %d %s", page, rec.Code, rec.Body.String())
		}
		p := parsePage(t, rec.Body.String())
		if got := texts(p.css(".cited-docs")); len(got) != 1 || !strings.Contains(got[0], "05-KH/ĐU") {
			t.Errorf("documents cited on the meeting's page %q: %v", page, got)
		}
	}
}

// The secretary's month: what is due across meetings, documents and
// training, each with its numbers.
func TestSecretaryTodo(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	a.sentDoc("06-KH/ĐU")
	p := parsePage(t, a.get("seca1", "/me").Body.String())
	got := texts(p.css(".todo-item"))
	want := []string{
		"Chưa lên lịch sinh hoạt thường kỳ tháng 6/2026",
		"Chưa sinh hoạt chuyên đề quý II/2026 — còn 15 ngày",
		"06-KH/ĐU (Kế hoạch học tập chuyên đề năm 2026)",
		"0/10 đảng viên đã nghiên cứu",
		"Đồng chí Nguyễn Văn An (Bí thư) chưa được bồi dưỡng",
		"Đồng chí Trần Thị Bình (Phó bí thư) chưa được bồi dưỡng",
	}
	all := strings.Join(got, " | ")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("to-do lacks %q:\n%s", w, all)
		}
	}
	// A member has no to-do list.
	if p := parsePage(t, a.get("mema1", "/me").Body.String()); len(p.css("#todo")) != 0 {
		t.Error("a member got a secretary's to-do list")
	}
}
