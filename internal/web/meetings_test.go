package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// The secretary's month through the pages (UX.md): plan, roll call by
// taps, the vote, the minutes, the signature, printing — on both engines.
func TestTheSecretarysMonthThroughPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		m := a.planJuneForm(t)

		// The meeting page: what, when, where, the steps, the next action.
		p := parsePage(t, a.get("seca1", m).Body.String())
		if h := text(p.one(t, "h1")); h != "Sinh hoạt thường kỳ tháng 6/2026" {
			t.Errorf("title = %q", h)
		}
		if w := text(p.one(t, ".meeting-when")); !strings.Contains(w, "19:30, thứ Sáu, ngày 05/06/2026") {
			t.Errorf("when = %q", w)
		}
		if cur := text(p.one(t, "li.is-current")); !strings.Contains(cur, "Điểm danh") {
			t.Errorf("current step = %q (the day has passed: the roll call is next)", cur)
		}
		if next := text(p.one(t, ".actions-bottom")); next != "Điểm danh" {
			t.Errorf("primary action = %q", next)
		}
		if rs := text(p.one(t, ".ruleset-line")); !strings.Contains(rs, "42-HD/BTCTW") || !strings.Contains(rs, "Cần xác nhận") {
			t.Errorf("rule set line = %q", rs)
		}

		// The roll call: every member in Vietnamese name order, plus the
		// member registered temporarily in; derived standings not editable.
		rec := a.get("seca1", m+"/attendance")
		wantStatus(t, "attendance page", rec, http.StatusOK)
		p = parsePage(t, rec.Body.String())
		names := texts(p.css(".roll-name"))
		want := slices.Clone(testfix.CellA1Sorted)
		want = slices.Insert(want, slices.Index(want, "Ngô Thị Yến"), "Võ Minh Tuấn") // Tuấn before Yến
		if !slices.Equal(names, want) {
			t.Errorf("roll order:\n got  %v\n want %v", names, want)
		}
		hai := a.fix.Members["Đặng Quang Hải"]
		if row := p.one(t, "#row-"+strconv.FormatInt(hai, 10)); !hasClass(row, "is-off") || attr(row, "hx-post") != "" {
			t.Errorf("member away is editable")
		}
		ha := strconv.FormatInt(a.fix.Members["Vũ Thị Hà"], 10)
		if in := p.css("input[name=s." + ha + "]"); len(in) != 1 || attr(in[0], "type") != "checkbox" {
			t.Errorf("exempt member: want one 'present' box, got %d inputs", len(in))
		}
		if got := text(p.one(t, "#att-figs")); !strings.Contains(got, "Có mặt 0/9") {
			t.Errorf("figures before the roll call = %q", got)
		}

		// Each tap saves one member and answers the row and the figures.
		an := strconv.FormatInt(a.fix.Members["Nguyễn Văn An"], 10)
		rec = a.hx("seca1", m+"/attendance/"+an, url.Values{"row." + an: {"1"}, "s." + an: {"co_mat"}, "d." + an: {"1"}})
		wantStatus(t, "tap", rec, http.StatusOK)
		p = parsePage(t, rec.Body.String())
		if _, ok := attrOK(p.one(t, "#s-"+an+"-co_mat"), "checked"); !ok {
			t.Error("tapped 'Có mặt' not shown as chosen")
		}
		figs := p.one(t, "#att-figs")
		if attr(figs, "hx-swap-oob") != "true" || !strings.Contains(text(figs), "Có mặt 1/9 · 11,1%") {
			t.Errorf("footer after one tap = %q (oob %q)", text(figs), attr(figs, "hx-swap-oob"))
		}

		// An excused absence needs its reason, beside the row.
		binh := strconv.FormatInt(a.fix.Members["Trần Thị Bình"], 10)
		rec = a.hx("seca1", m+"/attendance/"+binh, url.Values{"row." + binh: {"1"}, "s." + binh: {"vang_co_ly_do"}})
		wantStatus(t, "excused without reason", rec, http.StatusBadRequest)
		p = parsePage(t, rec.Body.String())
		if e := text(p.one(t, "#e-row-"+binh)); !strings.Contains(e, "lý do") {
			t.Errorf("reason message = %q", e)
		}
		if _, ok := attrOK(p.one(t, "#s-"+binh+"-vang_co_ly_do"), "checked"); !ok {
			t.Error("the choice made was lost on the error")
		}

		// Without JavaScript: the whole form, with "Tất cả có mặt".
		form := formOf(t, parsePage(t, a.get("seca1", m+"/attendance").Body.String()), "roll-form")
		form.Set("s."+binh, "vang_co_ly_do")
		form.Set("r."+binh, "Ốm")
		dung := strconv.FormatInt(a.fix.Members["Hoàng Văn Dũng"], 10)
		form.Set("s."+dung, "vang_khong_ly_do")
		form.Set("op", "all_present")
		rec = a.postForm("seca1", m+"/attendance", form)
		wantStatus(t, "all present", rec, http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m+"/attendance").Body.String())
		if got := text(p.one(t, "#att-figs")); !strings.Contains(got, "Có mặt 7/9 · 77,8%") || !strings.Contains(got, "Đủ điều kiện biểu quyết (cần 5/7)") {
			t.Errorf("figures after the roll call = %q", got)
		}

		// The vote: above the voters present is refused with the numbers;
		// the result and its rule appear.
		rec = a.postForm("seca1", m+"/votes", url.Values{"mode": {"counts"}, "yes": {"9"}, "no": {"0"}, "abstain": {"0"}})
		wantStatus(t, "votes above voters", rec, http.StatusUnprocessableEntity)
		p = parsePage(t, rec.Body.String())
		if e := text(p.one(t, ".form-error")); !strings.Contains(e, "Có 9 phiếu nhưng chỉ có 6") {
			t.Errorf("message = %q", e)
		}
		if v := attr(p.one(t, "#f-yes"), "value"); v != "9" {
			t.Errorf("typed count lost: %q", v)
		}
		rec = a.hx("seca1", m+"/votes", url.Values{"mode": {"counts"}, "yes": {"5"}, "no": {"1"}, "preview": {"1"}})
		if got := text(parsePage(t, rec.Body.String()).one(t, "#vote-result")); !strings.Contains(got, "Thông qua") || !strings.Contains(got, "quá nửa của 7") {
			t.Errorf("preview = %q", got)
		}
		wantStatus(t, "votes", a.postForm("seca1", m+"/votes", url.Values{"mode": {"counts"}, "yes": {"5"}, "no": {"1"}, "abstain": {"0"}}), http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m+"/votes").Body.String())
		if got := text(p.one(t, ".verdict")); !strings.Contains(got, "Thông qua") || !strings.Contains(got, "5 tán thành, quá nửa của 7 đảng viên có quyền biểu quyết (cần ít nhất 4)") {
			t.Errorf("verdict = %q", got)
		}

		// Per-member ballots: only present voters are listed; the
		// probationary member is named with why she cannot vote.
		p = parsePage(t, a.get("seca1", m+"/votes?mode=ballots").Body.String())
		yen := strconv.FormatInt(a.fix.Members["Ngô Thị Yến"], 10)
		if len(p.css("input[name=b."+yen+"]")) != 0 || !strings.Contains(text(p.one(t, ".nonvoters")), "Ngô Thị Yến — đảng viên dự bị") {
			t.Error("probationary member offered a ballot or not explained")
		}

		// The minutes: the form keeps what was typed on an error; the
		// checklist says what is missing.
		p = parsePage(t, a.get("seca1", m+"/minutes").Body.String())
		form = formOf(t, p, "minutes-form")
		if form.Get("place") != "Nhà văn hóa tổ dân phố số 5" {
			t.Errorf("place not pre-filled: %q", form.Get("place"))
		}
		form.Set("started_at", "19:30")
		form.Set("ended_at", "19:00")
		form.Set("conclusion", "Chi bộ thống nhất các nhiệm vụ tháng 7.")
		rec = a.postForm("seca1", m+"/minutes", form)
		wantStatus(t, "end before start", rec, http.StatusUnprocessableEntity)
		p = parsePage(t, rec.Body.String())
		if got := text(p.one(t, "#f-conclusion")); got != "Chi bộ thống nhất các nhiệm vụ tháng 7." {
			t.Errorf("text lost on error: %q", got)
		}
		fillMinutes(form)
		rec = a.postForm("seca1", m+"/minutes", form)
		wantStatus(t, "minutes", rec, http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m+"/minutes").Body.String())
		if got := text(p.one(t, "#missing")); !strings.Contains(got, "đủ các phần") {
			t.Errorf("minutes still lack: %q", got)
		}

		// Without JavaScript, a save from a stale version: 409; the text
		// typed stays in the form, the newer version is shown beside it,
		// and saving again puts the writer's text over it.
		stale := url.Values{}
		for k, v := range form {
			stale[k] = v
		}
		stale.Set("version", "0")
		stale.Set("conclusion", "Kết luận viết trên máy khác.")
		rec = a.postForm("seca1", m+"/minutes", stale)
		wantStatus(t, "stale save", rec, http.StatusConflict)
		p = parsePage(t, rec.Body.String())
		if got := text(p.one(t, "#f-conclusion")); got != "Kết luận viết trên máy khác." {
			t.Errorf("typed text lost on conflict: %q", got)
		}
		if got := text(p.one(t, ".conflict-text")); !strings.Contains(got, "Chi bộ thống nhất các nhiệm vụ tháng 7/2026.") {
			t.Errorf("newer version not shown: %q", got)
		}
		if v := formOf(t, p, "minutes-form").Get("version"); v != "1" {
			t.Errorf("version after the conflict = %q, want the newer one", v)
		}

		// Autosave from a stale version: 409 that names the newer version.
		form.Set("conclusion", "Bản viết song song.")
		req := newReq("POST", m+"/minutes", form.Encode())
		req.Header.Set("X-Chibo-Autosave", "1")
		req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie("seca1")})
		rec = serve(a, req)
		wantStatus(t, "stale autosave", rec, http.StatusConflict)
		var ans struct {
			Status   string
			Conflict struct {
				Version int64
				Text    string
			}
		}
		decode(t, rec, &ans)
		if ans.Conflict.Version != 1 || !strings.Contains(ans.Conflict.Text, "Chi bộ thống nhất") || !strings.Contains(ans.Status, "nội dung vẫn còn") {
			t.Errorf("conflict answer = %+v", ans)
		}

		// Signing: both confirm; afterwards every change is refused (409).
		rec = a.postForm("seca1", m+"/lock", url.Values{"chair_confirms": {"1"}})
		wantStatus(t, "lock without the minute-taker", rec, http.StatusBadRequest)
		if e := text(parsePage(t, rec.Body.String()).one(t, ".field-error")); !strings.Contains(e, "Thư ký") {
			t.Errorf("message = %q", e)
		}
		wantStatus(t, "lock", a.postForm("seca1", m+"/lock", url.Values{"chair_confirms": {"1"}, "taker_confirms": {"1"}}), http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m+"/sign").Body.String())
		if len(p.css("form[action="+m+"/lock]")) != 0 || !strings.Contains(text(p.one(t, ".locked-card")), "đã ký") {
			t.Error("signed minutes still offer signing")
		}
		if p := parsePage(t, a.get("seca1", m+"/minutes").Body.String()); len(p.css("#minutes-form")) != 0 {
			t.Error("signed minutes still editable")
		}
		form.Set("version", "2")
		wantStatus(t, "edit after signing", a.postForm("seca1", m+"/minutes", form), http.StatusConflict)
		wantStatus(t, "roll call after signing", a.hx("seca1", m+"/attendance/"+an, url.Values{"s." + an: {"vang_khong_ly_do"}}), http.StatusConflict)

		// Amendments sit beside the original.
		rec = a.postForm("seca1", m+"/amendments", url.Values{"reason": {""}, "text": {"Sửa tên người phát biểu."}})
		wantStatus(t, "amendment without reason", rec, http.StatusBadRequest)
		if v := text(parsePage(t, rec.Body.String()).one(t, "#f-text")); v != "Sửa tên người phát biểu." {
			t.Errorf("amendment text lost: %q", v)
		}
		wantStatus(t, "amendment", a.postForm("seca1", m+"/amendments", url.Values{"reason": {"Ghi nhầm tên"}, "text": {"Ý kiến thứ hai là của đồng chí Lê Văn Ánh."}}), http.StatusSeeOther)
		p = parsePage(t, a.get("seca1", m+"/sign").Body.String())
		if got := text(p.one(t, ".amendments")); !strings.Contains(got, "Ghi nhầm tên") || !strings.Contains(got, "seca1") {
			t.Errorf("amendments = %q", got)
		}

		// Printing, with ASCII file names.
		for _, c := range []struct{ path, ctype, name, magic string }{
			{m + "/minutes.pdf", "application/pdf", "bien-ban-2026-06-05.pdf", "%PDF"},
			{m + "/minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "bien-ban-2026-06-05.docx", "PK"},
			{"/orgs/" + strconv.FormatInt(a.fix.CellA1, 10) + "/minute-book.pdf?year=2026", "application/pdf", "so-bien-ban-lb-bd-05-2026.pdf", "%PDF"},
		} {
			rec := a.get("mema1", c.path)
			wantStatus(t, c.path, rec, http.StatusOK)
			if rec.Header().Get("Content-Type") != c.ctype || !strings.Contains(rec.Header().Get("Content-Disposition"), `filename="`+c.name+`"`) ||
				!bytes.HasPrefix(rec.Body.Bytes(), []byte(c.magic)) {
				t.Errorf("%s: %s, %s", c.path, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"))
			}
		}
		rec = a.get("seca1", "/orgs/"+strconv.FormatInt(a.fix.CellA1, 10)+"/minute-book.pdf?year=2025")
		wantStatus(t, "empty minute book", rec, http.StatusNotFound)
		if !strings.Contains(rec.Body.String(), "Năm 2025 chưa có biên bản") {
			t.Errorf("empty book message: %s", rec.Body.String())
		}
	})
}

// fillMinutes writes every required part of the minutes into the form.
func fillMinutes(f url.Values) {
	f.Set("started_at", "19:30")
	f.Set("ended_at", "21:15")
	f.Set("chair", "Nguyễn Văn An")
	f.Set("minute_taker", "tran thi binh")
	f.Set("guests", "Phạm Văn Tùng, Đảng ủy viên phường\n")
	f.Set("conclusion", "Chi bộ thống nhất các nhiệm vụ tháng 7/2026.")
	f.Set("resolution", "Nghị quyết tháng 6/2026: vận động nhân dân giữ vệ sinh môi trường.")
	f.Set("read_back", "1")
	f.Set("self_rating", "kha")
	n, _ := strconv.Atoi(f.Get("items_n"))
	for i := range n {
		p := "it." + strconv.Itoa(i) + "."
		f.Set(p+"presenter", "Nguyễn Văn An")
		f.Set(p+"text", "Đồng chí bí thư trình bày "+f.Get(p+"title")+".")
		if f.Get(p+"part") == "noi_dung" {
			// Typed without diacritics: the member is still recognised.
			f.Set(p+"sp.0.speaker", "le van anh")
			f.Set(p+"sp.0.text", "Đề nghị tăng cường tuần tra ban đêm.")
		}
	}
}
