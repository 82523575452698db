package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"chibo/internal/store/storetest"
)

// The secretary's month on a phone (UX.md): from the cell's page the
// secretary plans June's meeting, takes the roll call by tapping (the
// figures at the bottom change with each tap), writes the minutes (saved
// as she types), records the vote (the result and its reason appear),
// signs, and downloads the PDF.
func TestSecretarysMonthOnAPhone(t *testing.T) {
	ctx := Browser(t)
	app := StartApp(t, storetest.NewSQLite(t))
	app.LoginAs(t, ctx, "seca1")
	cell := app.URL + "/orgs/" + strconv.FormatInt(app.Fix.CellA1, 10)
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		actx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(actx, actions...); err != nil {
			Shot(t, ctx, "failed-"+strings.ReplaceAll(what, " ", "-"))
			t.Fatalf("%s: %v", what, err)
		}
	}
	// wait polls a JavaScript condition.
	wait := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			Shot(t, ctx, "failed-"+strings.ReplaceAll(what, " ", "-"))
			t.Fatalf("%s: %v (page text: %.600s)", what, err, Eval[string](t, ctx, `document.body.innerText`))
		}
	}
	figures := func() string {
		return Eval[string](t, ctx, `document.getElementById('att-figs').textContent.replace(/\s+/g, ' ').trim()`)
	}
	checkPage := func(axe bool) {
		t.Helper()
		if axe {
			Axe(t, ctx)
		}
		NoHorizontalScroll(t, ctx)
		MinFontSize(t, ctx, 17)
	}
	id := func(name string) string { return strconv.FormatInt(app.Fix.Members[name], 10) }

	// 1. Home: nothing planned for June yet; the one action plans it.
	do("open the cell", Phone(), chromedp.Navigate(cell), chromedp.WaitVisible(`.month-card`))
	Shot(t, ctx, "01-home")
	checkPage(true)
	do("plan June", chromedp.Click(`.month-card .actions-bottom a`), chromedp.WaitVisible(`#f-date`))
	if d := Eval[string](t, ctx, `document.getElementById('f-date').value`); d != "05/06/2026" {
		t.Errorf("date pre-filled = %q", d)
	}
	Shot(t, ctx, "02-plan")
	checkPage(true)
	do("save the plan", chromedp.SendKeys(`#f-place`, "Nhà văn hóa tổ dân phố số 5"), chromedp.Click(`.actions-bottom button`), chromedp.WaitVisible(`.meeting-head`))
	meeting := Eval[string](t, ctx, `location.pathname`)
	Shot(t, ctx, "03-meeting")
	checkPage(true)

	// 2. The roll call, one tap at a time.
	do("open the roll call", chromedp.Click(`.actions-bottom a`), chromedp.WaitVisible(`#roll-form`))
	if got := figures(); !strings.HasPrefix(got, "Có mặt 0/9") {
		t.Errorf("figures before the roll call = %q", got)
	}
	Shot(t, ctx, "04-attendance")
	checkPage(true)
	do("tap An present", chromedp.Click(`label[for="s-`+id("Nguyễn Văn An")+`-co_mat"]`))
	wait("figures after one tap", `document.getElementById('att-figs').textContent.includes('Có mặt 1/9 · 11,1%')`)
	do("tap Ánh present", chromedp.Click(`label[for="s-`+id("Lê Văn Ánh")+`-co_mat"]`))
	wait("figures after two taps", `document.getElementById('att-figs').textContent.includes('Có mặt 2/9 · 22,2%')`)
	// An excused absence asks for its reason before it is saved.
	binh := id("Trần Thị Bình")
	do("tap Bình excused", chromedp.Click(`label[for="s-`+binh+`-vang_co_ly_do"]`))
	wait("reason field shown", `getComputedStyle(document.querySelector('#row-`+binh+` .roll-reason')).display !== 'none' && document.activeElement.id === 'r-`+binh+`'`)
	Shot(t, ctx, "05-attendance-reason")
	do("type the reason", chromedp.SendKeys(`#r-`+binh, "Ốm, nằm viện"), chromedp.Click(`label[for="s-`+id("Hoàng Văn Dũng")+`-vang_khong_ly_do"]`))
	wait("two absences saved", `document.getElementById('att-figs').textContent.includes('Còn 5 đồng chí chưa điểm danh')`)
	if r := Eval[string](t, ctx, `document.getElementById('r-`+binh+`').value`); r != "Ốm, nằm viện" {
		t.Errorf("reason after the swap = %q", r)
	}
	do("everyone else present", chromedp.Click(`button[value="all_present"]`), chromedp.WaitVisible(`.flash`))
	if got := figures(); !strings.Contains(got, "Có mặt 7/9 · 77,8%") || !strings.Contains(got, "Đủ điều kiện biểu quyết (cần 5/7)") {
		t.Errorf("figures after the roll call = %q", got)
	}
	Shot(t, ctx, "06-attendance-done")
	checkPage(true)

	// 3. The minutes, saved as one types.
	do("open the minutes", chromedp.Navigate(app.URL+meeting+"/minutes"), chromedp.WaitVisible(`#minutes-form`))
	do("type the times", chromedp.SendKeys(`#f-started_at`, "19:30"), chromedp.SendKeys(`#f-ended_at`, "21:15"))
	wait("autosave", `document.getElementById('save-status').textContent.startsWith('Đã lưu lúc')`)
	if m := Eval[string](t, ctx, `document.getElementById('missing').textContent`); strings.Contains(m, "giờ kết thúc") {
		t.Errorf("the checklist was not refreshed: %q", m)
	}
	Shot(t, ctx, "07-minutes-autosave")
	checkPage(true)
	// "Thêm ý kiến": a speaker found by part of the name, without diacritics.
	section := Eval[string](t, ctx, `[...document.querySelectorAll('input[name$=".part"]')].find(i => i.value === 'noi_dung').closest('details').id`)
	speaker := Eval[string](t, ctx, `document.querySelector('#`+section+` .speaker-input').id`)
	do("open the first content item", chromedp.Click(`#`+section+` > summary`), chromedp.WaitVisible(`#`+speaker))
	do("type a speaker", chromedp.SendKeys(`#`+speaker, "le van a"), chromedp.WaitVisible(`.suggest button`))
	Shot(t, ctx, "08-minutes-speaker")
	do("pick the speaker", chromedp.Click(`.suggest button`))
	if v := Eval[string](t, ctx, `document.getElementById('`+speaker+`').value`); v != "Lê Văn Ánh" {
		t.Errorf("speaker = %q", v)
	}
	if m := Eval[string](t, ctx, `document.getElementById('`+strings.TrimSuffix(speaker, "-speaker")+`-member').value`); m != id("Lê Văn Ánh") {
		t.Errorf("speaker's member id = %q", m)
	}
	// The rest of the minutes, filled at once, then saved by the script.
	Eval[bool](t, ctx, `(() => {
		const f = document.getElementById('minutes-form');
		const set = (n, v) => { f.elements[n].value = v; };
		set('chair', 'Nguyễn Văn An'); set('minute_taker', 'Trần Thị Bình');
		set('conclusion', 'Chi bộ thống nhất các nhiệm vụ tháng 7/2026.');
		set('resolution', 'Nghị quyết tháng 6/2026: vận động nhân dân giữ vệ sinh môi trường.');
		document.querySelectorAll('textarea[name$=".text"]').forEach(t => { if (!t.name.includes('.sp.') && !t.name.startsWith('ds.')) t.value = 'Đồng chí bí thư trình bày.'; });
		const sp = document.querySelector('textarea[id="`+strings.TrimSuffix(speaker, "-speaker")+`-text"]'); sp.value = 'Đề nghị tăng cường tuần tra ban đêm.';
		f.querySelector('input[name=self_rating][value=kha]').checked = true;
		f.elements['read_back'].checked = true;
		document.getElementById('save-status').textContent = '';
		f.dispatchEvent(new Event('input', {bubbles: true}));
		return true;
	})()`)
	wait("second autosave", `document.getElementById('save-status').textContent.startsWith('Đã lưu lúc')`)
	if m := Eval[string](t, ctx, `document.getElementById('missing').innerText.replace(/\s+/g, ' ').trim()`); m != "Biên bản còn thiếu: kết quả biểu quyết" {
		t.Errorf("still missing: %q", m)
	}

	// 4. The vote with the steppers: the result and its rule appear.
	do("open the vote", chromedp.Navigate(app.URL+meeting+"/votes"), chromedp.WaitVisible(`#vote-form`))
	for range 5 {
		do("one more yes", chromedp.Click(`#f-yes + .step-btn`))
	}
	do("one no", chromedp.Click(`#f-no + .step-btn`))
	wait("result shown", `document.getElementById('vote-result').textContent.includes('Thông qua')`)
	Shot(t, ctx, "09-vote-preview")
	checkPage(true)
	do("save the vote", chromedp.Click(`.actions-bottom button`), chromedp.WaitVisible(`.flash`))
	if v := Eval[string](t, ctx, `document.querySelector('.verdict').textContent.replace(/\s+/g, ' ')`); !strings.Contains(v, "5 tán thành, quá nửa của 7 đảng viên có quyền biểu quyết (cần ít nhất 4)") {
		t.Errorf("verdict = %q", v)
	}
	Shot(t, ctx, "10-vote")

	// 5. Sign: nothing missing; both confirm; the record locks.
	do("open signing", chromedp.Navigate(app.URL+meeting+"/sign"), chromedp.WaitVisible(`#missing`))
	if m := Eval[string](t, ctx, `document.getElementById('missing').textContent`); !strings.Contains(m, "đủ các phần") {
		t.Errorf("before signing the minutes lack: %q", m)
	}
	Shot(t, ctx, "11-sign")
	checkPage(true)
	do("sign", chromedp.Click(`input[name=chair_confirms]`), chromedp.Click(`input[name=taker_confirms]`), chromedp.Click(`.actions-bottom button`),
		chromedp.WaitVisible(`.locked-card`))
	Shot(t, ctx, "12-signed")
	checkPage(true)

	// 6. The PDF.
	head, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('.locked-card a[href$="minutes.pdf"]').href)
		.then(r => r.arrayBuffer()).then(b => String.fromCharCode(...new Uint8Array(b).slice(0, 4)))`, chromedp.EvalAwaitPromise))
	if err != nil || head != "%PDF" {
		t.Errorf("PDF: %q, %v", head, err)
	}

	// The cell's page now shows the month done up to the evaluation.
	do("back home", chromedp.Navigate(cell), chromedp.WaitVisible(`.month-card`))
	if done := Eval[int](t, ctx, `document.querySelectorAll('.month-card .step.is-done').length`); done != 4 {
		t.Errorf("%d steps done on the home card, want 4 (the roll call, minutes, vote, signature; preparation and notice were skipped)", done)
	}
	Shot(t, ctx, "13-home-after")
	do("the year", chromedp.Navigate(cell+"/calendar"), chromedp.WaitVisible(`#months`))
	Shot(t, ctx, "14-calendar")
	checkPage(true)
}
