package review

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"chibo/internal/i18n"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
)

func rng(fy int, fm time.Month, ty int, tm time.Month) oversight.Range {
	return oversight.Range{From: party.MonthPeriod(fy, fm), To: party.MonthPeriod(ty, tm)}
}

// PRINT.md §7: the summary (trích yếu) names the period the way reports
// do: "sơ kết 6 tháng đầu năm 2026", "tổng kết năm 2026".
func TestSummaryNamesThePeriod(t *testing.T) {
	cases := []struct {
		r    oversight.Range
		want string
	}{
		{oversight.Year(2026), "tổng kết năm 2026"},
		{rng(2026, 1, 2026, 6), "sơ kết 6 tháng đầu năm 2026"},
		{rng(2026, 7, 2026, 12), "sơ kết 6 tháng cuối năm 2026"},
		{rng(2026, 1, 2026, 9), "sơ kết 9 tháng đầu năm 2026"},
		{rng(2026, 4, 2026, 6), "sơ kết quý II/2026"},
		{rng(2026, 5, 2026, 5), "sơ kết tháng 5/2026"},
		{rng(2024, 1, 2026, 12), "tổng kết giai đoạn 2024–2026 (3 năm)"},
		{rng(2023, 7, 2026, 6), "sơ kết từ tháng 7/2023 đến tháng 6/2026"},
	}
	for _, c := range cases {
		if got := i18n.Msg(i18n.VI, Summary(c.r)); got != c.want {
			t.Errorf("%v: %q, want %q", c.r, got, c.want)
		}
	}
}

func ranked(scores ...float64) []oversight.RankedUnit {
	var out []oversight.RankedUnit
	for i, s := range scores {
		u := oversight.RankedUnit{Unit: &oversight.Unit{Org: store.OrgRow{Org: party.Org{ID: int64(i + 1)}}}, Score: oversight.Score{Value: s, Known: s >= 0}, Rank: i + 1}
		out = append(out, u)
	}
	return out
}

// The strongest and the weakest are never the same unit; units with no
// score are left out of both.
func TestStrongestAndWeakestUnits(t *testing.T) {
	cases := []struct {
		name         string
		units        []oversight.RankedUnit
		n            int
		top, bottom  []int64
		rankedWanted int
	}{
		{"twelve units, five each", ranked(99, 95, 90, 88, 85, 80, 75, 70, 65, 60, 55, 50), 5, []int64{1, 2, 3, 4, 5}, []int64{12, 11, 10, 9, 8}, 12},
		{"three units: one each", ranked(90, 80, 70), 5, []int64{1}, []int64{3}, 3},
		{"one unit: nothing to compare", ranked(90), 5, nil, nil, 1},
		{"units without a score are left out", ranked(90, 80, -1, -1), 5, []int64{1}, []int64{2}, 2},
	}
	for _, c := range cases {
		n, top, bottom := topAndBottom(c.units, c.n)
		ids := func(us []oversight.RankedUnit) []int64 {
			var out []int64
			for _, u := range us {
				out = append(out, u.Org.ID)
			}
			return out
		}
		if n != c.rankedWanted || !equal(ids(top), c.top) || !equal(ids(bottom), c.bottom) {
			t.Errorf("%s: %d ranked, top %v, bottom %v", c.name, n, ids(top), ids(bottom))
		}
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBoardTextIsCheckedAndCleaned(t *testing.T) {
	got, f := CheckText(Text{Strengths: "  Các chi bộ duy trì nền nếp.  ", Number: " 03-BC/ĐU ", SignRole: "pho_bi_thu"})
	if len(f) != 0 || got.Strengths != "Các chi bộ duy trì nền nếp." || got.Number != "03-BC/ĐU" {
		t.Errorf("clean text: %+v %v", got, f)
	}
	if _, f := CheckText(Text{SignRole: "chu_tich"}); f["sign_role"].Key != "review.sign_role.invalid" {
		t.Errorf("a sign role that is not one: %v", f)
	}
	if _, f := CheckText(Text{Lessons: strings.Repeat("a", MaxSection+1)}); f["lessons"].Key != "review.too_long" {
		t.Errorf("too long: %v", f)
	}
}

// A year's target is judged only when the year is over and the report
// reaches its end; a half year's value is "in progress".
func TestReportJudgesTargetsAtTheYearsEnd(t *testing.T) {
	p := store.Plan{Indicators: []string{plans.Attendance}, YearFrom: 2025, YearTo: 2027,
		Targets: []store.PlanTarget{{Indicator: plans.Attendance, Year: 2025, Permille: 900}, {Indicator: plans.Attendance, Year: 2026, Permille: 900}}}
	fig := func(present int) *plans.Figures {
		return &plans.Figures{Totals: oversight.Totals{Present: present, Required: 100}}
	}
	byYear := map[int]*plans.Figures{2025: fig(95), 2026: fig(80)}
	today := party.D(2027, time.March, 1)
	full := judgePlan(p, rng(2025, 1, 2026, 12), today, byYear)
	if len(full.Years) != 2 || full.Rows[0].Years[0].Status != plans.Met || full.Rows[0].Years[1].Status != plans.NotMet {
		t.Errorf("two whole years: %+v", full.Rows)
	}
	half := judgePlan(p, rng(2026, 1, 2026, 6), today, byYear)
	if len(half.Years) != 1 || half.Rows[0].Years[0].Status != plans.InProgress {
		t.Errorf("half a year: %+v", half.Rows)
	}
	outside := judgePlan(p, rng(2020, 1, 2024, 12), today, byYear)
	if len(outside.Years) != 0 {
		t.Errorf("years outside the roadmap: %v", outside.Years)
	}
}

// The printed report follows PRINT.md §7: the header with the committee
// above, the title, the parts I–IV, the indicator table with the plan's
// targets, the board's text, and the closing block of §5b; empty board
// sections print as dotted lines to fill.
func TestDocFollowsThePartyLayout(t *testing.T) {
	rep := Report{
		Org:    store.OrgRow{Org: party.Org{ID: 3, Name: "Đảng bộ phường Bồ Đề", Kind: party.DangBoCoSo, Place: "Long Biên"}},
		Parent: store.OrgRow{Org: party.Org{ID: 2, Name: "Đảng bộ quận Long Biên"}},
		Asked:  rng(2026, 1, 2026, 6), Today: party.D(2026, time.July, 10),
		Situation: Situation{AsOf: party.D(2026, time.June, 30), Committees: 0, Cells: 12, Members: 1250, Probationary: 14},
		Plans: []PlanResult{{Plan: store.Plan{Number: "11-ĐA/TU", Title: "Nâng cao chất lượng sinh hoạt chi bộ", OrgName: "Đảng bộ thành phố Hà Nội", YearFrom: 2024, YearTo: 2028},
			Years: []int{2026}, Rows: []plans.Values{{Code: plans.Attendance, Years: []plans.Value{{Year: 2026, Target: 950, HasTarget: true,
				Rate: oversight.Rate{Value: 0.925, Known: true, N: 925, D: 1000}, Status: plans.InProgress}}}}}},
		Text: store.ReviewText{Strengths: "Các chi bộ duy trì nền nếp sinh hoạt.", Signer: "Nguyễn Văn An", Number: "03-BC/ĐU"},
	}
	rep.Overview.Total = oversight.Totals{Cells: 72, OnTime: 60, Late: 6, Missing: 6, Present: 900, Required: 1000, Tot: 20, Kha: 40, TB: 6}
	d := Doc(rep)
	if d.UpperBody != "ĐẢNG BỘ QUẬN LONG BIÊN" || d.Body != "ĐẢNG BỘ PHƯỜNG BỒ ĐỀ" || d.Title != "BÁO CÁO" || d.Summary != "sơ kết 6 tháng đầu năm 2026" ||
		d.SignFor != "T/M ĐẢNG ỦY" || d.SignRole != "BÍ THƯ" || d.Place != "Long Biên" {
		t.Errorf("header and closing: %+v", d)
	}
	if len(d.Recipients) != 3 || d.Recipients[0] != "Đảng bộ quận Long Biên (để báo cáo)" {
		t.Errorf("recipients: %v", d.Recipients)
	}
	var text []string
	var tables []string
	for _, p := range d.Parts {
		text = append(text, p.Heading)
		text = append(text, p.Paragraphs...)
		for _, tb := range p.Tables {
			tables = append(tables, tb.Caption)
			for _, r := range tb.Rows {
				tables = append(tables, strings.Join(r, " | "))
			}
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"I. KẾT QUẢ THỰC HIỆN", "1. Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
		"Các chi bộ duy trì nền nếp sinh hoạt.", "2. Hạn chế, nguyên nhân", "………", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
		"Đến ngày 30/06/2026, đảng bộ có 0 đảng bộ trực thuộc các cấp, 12 chi bộ với 1.250 đảng viên (trong đó 14 đảng viên dự bị).",
		"Sinh hoạt thường kỳ: 60/72 lượt chi bộ–tháng đến hạn sinh hoạt đúng hạn (83,3%)"} {
		if !strings.Contains(all, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if tb := strings.Join(tables, "\n"); !strings.Contains(tb, "Tỷ lệ đảng viên dự sinh hoạt (bình quân) | 2026 | 95% | 92,5% | Đang thực hiện (hiện chưa đạt)") {
		t.Errorf("indicator table:\n%s", tb)
	}
	for _, w := range []func(*bytes.Buffer, Report) error{
		func(b *bytes.Buffer, r Report) error { return DOCX(b, r) },
		func(b *bytes.Buffer, r Report) error { return PDF(b, r) },
		func(b *bytes.Buffer, r Report) error { return XLSX(b, r, i18n.VI) },
	} {
		var b bytes.Buffer
		if err := w(&b, rep); err != nil || b.Len() < 1000 {
			t.Errorf("writing the report: %d bytes, %v", b.Len(), err)
		}
	}
	// A cell's report is signed for the cell.
	cell := rep
	cell.Org.Kind = party.ChiBo
	cell.Text.SignRole = SignDeputy
	if d := Doc(cell); d.SignFor != "T/M CHI BỘ" || d.SignRole != "PHÓ BÍ THƯ" || len(d.Recipients) != 2 {
		t.Errorf("a cell's report: %s / %s, %v", d.SignFor, d.SignRole, d.Recipients)
	}
}
