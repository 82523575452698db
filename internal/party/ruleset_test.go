package party

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// DOMAIN.md §1: "Ship two rule sets, HD12-2018 (effective from 2018-07-06)
// and HD42-2025 (effective from 2025-10-28, same numbers, marked 'to be
// confirmed')", and "each meeting is judged by the rule set in force on
// its date".
func TestRuleSetOn_MeetingJudgedByRuleSetInForceOnItsDate(t *testing.T) {
	sets := DefaultRuleSets()
	cases := []struct {
		day  Date
		code string // "" = none
	}{
		{D(2018, time.July, 5), ""},
		{D(2018, time.July, 6), "HD12-2018"},
		{D(2024, time.December, 31), "HD12-2018"},
		{D(2025, time.October, 27), "HD12-2018"},
		{D(2025, time.October, 28), "HD42-2025"},
		{D(2026, time.June, 5), "HD42-2025"},
	}
	for _, c := range cases {
		rs, ok := RuleSetOn(sets, c.day)
		if ok != (c.code != "") || rs.Code != c.code {
			t.Errorf("RuleSetOn(%s) = %q %v, want %q", c.day, rs.Code, ok, c.code)
		}
	}
	// the order of the list does not matter
	slices.Reverse(sets)
	if rs, _ := RuleSetOn(sets, D(2026, time.June, 5)); rs.Code != "HD42-2025" {
		t.Errorf("reversed list: %q", rs.Code)
	}
}

func TestDefaultRuleSets_HD42SameNumbersToBeConfirmed(t *testing.T) {
	sets := DefaultRuleSets()
	hd12, hd42 := sets[0], sets[1]
	if !hd12.Confirmed || hd42.Confirmed {
		t.Errorf("confirmed: HD12 %v, HD42 %v", hd12.Confirmed, hd42.Confirmed)
	}
	// DOMAIN.md §5 and §7: attendance above 85%, at most 3 excused
	// absences in a row, at least 90 minutes, quorum 2/3 (assumption, on),
	// members registered in vote in the host cell (assumption, on),
	// 12 months of probation, one thematic meeting per quarter.
	for _, rs := range sets {
		if rs.AttendanceMin != 0.85 || rs.MaxConsecutiveExcused != 3 || rs.MinDurationMinutes != 90 ||
			!rs.QuorumRequired || rs.QuorumNum != 2 || rs.QuorumDen != 3 || !rs.TempInVotesInHost ||
			rs.CombinedCountsForBoth || rs.ThematicPerQuarter != 1 || rs.ProbationMonths != 12 {
			t.Errorf("%s numbers = %+v", rs.Code, rs)
		}
		if f := rs.Validate(); len(f) != 0 {
			t.Errorf("%s does not validate: %v", rs.Code, f)
		}
	}
	// each call gives fresh data: editing one does not edit the other
	sets[1].Agendas[0].Items[0].Title = "sửa"
	if DefaultRuleSets()[1].Agendas[0].Items[0].Title == "sửa" || sets[0].Agendas[0].Items[0].Title == "sửa" {
		t.Error("rule sets share agenda data")
	}
}

func TestRuleSet_ValidateRefusesBrokenSettings(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*RuleSet)
		field string
		key   string
	}{
		{"no code", func(rs *RuleSet) { rs.Code = " " }, "code", "field.required"},
		{"no effective date", func(rs *RuleSet) { rs.EffectiveFrom = Date{} }, "effective_from", "field.required"},
		{"attendance threshold 100%", func(rs *RuleSet) { rs.AttendanceMin = 1 }, "attendance_min", "rules.ruleset.attendance_min_range"},
		{"attendance threshold 85 instead of 0.85", func(rs *RuleSet) { rs.AttendanceMin = 85 }, "attendance_min", "rules.ruleset.attendance_min_range"},
		{"zero duration", func(rs *RuleSet) { rs.MinDurationMinutes = 0 }, "min_duration_minutes", "rules.ruleset.duration_range"},
		{"quorum over one", func(rs *RuleSet) { rs.QuorumNum, rs.QuorumDen = 4, 3 }, "quorum", "rules.ruleset.quorum_fraction"},
		{"quorum over zero", func(rs *RuleSet) { rs.QuorumDen = 0 }, "quorum", "rules.ruleset.quorum_fraction"},
		{"no probation", func(rs *RuleSet) { rs.ProbationMonths = 0 }, "probation_months", "rules.ruleset.positive"},
		{"no general regular agenda", func(rs *RuleSet) { rs.Agendas = rs.Agendas[1:] }, "agendas", "rules.ruleset.agenda_missing"},
		{"two general regular agendas", func(rs *RuleSet) { rs.Agendas = append(rs.Agendas, rs.Agendas[0]) }, "agendas.4", "rules.ruleset.agenda_duplicate"},
		{"unknown kind", func(rs *RuleSet) { rs.Agendas[2].Kind = "hop_chi_uy" }, "agendas.2.kind", "rules.ruleset.agenda_kind_invalid"},
		{"item without a title", func(rs *RuleSet) { rs.Agendas[0].Items[1].Title = "" }, "agendas.0.items.1.title", "field.required"},
		{"item in an unknown part", func(rs *RuleSet) { rs.Agendas[0].Items[1].Part = "giua" }, "agendas.0.items.1.part", "rules.ruleset.item_part_invalid"},
		{"two items with one key", func(rs *RuleSet) { rs.Agendas[0].Items[2].Key = rs.Agendas[0].Items[1].Key }, "agendas.0.items.2.key", "rules.ruleset.item_key_duplicate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := DefaultRuleSets()[0]
			c.edit(&rs)
			f := rs.Validate()
			if m, ok := f[c.field]; !ok || m.Key != c.key {
				t.Errorf("errors = %v, want %s: %s", f, c.field, c.key)
			}
		})
	}
}

func agendaKeys(items []AgendaItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Key)
	}
	return out
}

// DOMAIN.md §4, sequence of a regular meeting: "Mở đầu — report attendance;
// collect monthly dues; approve the agenda; appoint the minute-taker. Nội
// dung — news briefing …; studying and following Hồ Chí Minh's example;
// review …; next month's tasks; discussion; vote … Kết thúc — the chair's
// conclusion; the minute-taker reads the minutes back; self-rating".
func TestAgenda_RegularMeetingSequence(t *testing.T) {
	rs := DefaultRuleSets()[0]
	items := rs.Agenda(ThuongKy, CellCoQuan)
	// parts come in order: opening, content, closing
	rank := map[string]int{PartOpening: 0, PartContent: 1, PartClosing: 2}
	for i := 1; i < len(items); i++ {
		if rank[items[i].Part] < rank[items[i-1].Part] {
			t.Errorf("%s (%s) after %s (%s)", items[i].Key, items[i].Part, items[i-1].Key, items[i-1].Part)
		}
	}
	for _, k := range []string{"diem_danh", "dang_phi", "chuong_trinh", "hoc_tap_bac", "thoi_su", "danh_gia_nhiem_vu", "thao_luan", "bieu_quyet", "ket_luan", "doc_bien_ban", "tu_danh_gia"} {
		if !slices.Contains(agendaKeys(items), k) {
			t.Errorf("regular agenda lacks %s", k)
		}
	}
	// PRINT.md §6 items 1 and 2, word for word
	titles := map[string]string{}
	for _, it := range items {
		titles[it.Key] = it.Title
		if strings.TrimSpace(it.Hint) == "" {
			t.Errorf("item %s has no hint for the secretary", it.Key)
		}
	}
	if titles["hoc_tap_bac"] != `Sinh hoạt "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"` {
		t.Errorf("item 1 = %q", titles["hoc_tap_bac"])
	}
	if titles["thoi_su"] != "Thông báo tình hình thời sự, những chủ trương, chính sách mới của Đảng, Nhà nước và phổ biến, quán triệt các văn bản của cấp trên" {
		t.Errorf("item 2 = %q", titles["thoi_su"])
	}
}

// DOMAIN.md §4: the agenda is "editable per rule set and per cell type";
// village and residential-group cells hear the residents.
func TestAgenda_CellTypeTemplateReplacesGeneral(t *testing.T) {
	rs := DefaultRuleSets()[1]
	village := agendaKeys(rs.Agenda(ThuongKy, CellThonTDP))
	office := agendaKeys(rs.Agenda(ThuongKy, CellCoQuan))
	general := agendaKeys(rs.Agenda(ThuongKy, ""))
	if !slices.Contains(village, "y_kien_nhan_dan") || slices.Contains(office, "y_kien_nhan_dan") {
		t.Errorf("residents' opinions: village %v, office %v", village, office)
	}
	if !slices.Equal(office, general) {
		t.Errorf("a cell type without its own template gets the general one: %v vs %v", office, general)
	}
	if got := rs.Agenda("hop_chi_uy", ""); got != nil {
		t.Errorf("unknown kind gives %v", got)
	}
}

// DOMAIN.md §4, thematic meeting: "purpose, presentation of the paper,
// discussion, the chair's conclusion, and a resolution or conclusion where
// needed"; extraordinary: opening, content, conclusion.
func TestAgenda_ThematicAndExtraordinary(t *testing.T) {
	rs := DefaultRuleSets()[0]
	th := agendaKeys(rs.Agenda(ChuyenDe, CellThonTDP))
	want := []string{"muc_dich", "de_dan", "thao_luan", "ket_luan", "nghi_quyet"}
	pos := -1
	for _, k := range want {
		i := slices.Index(th, k)
		if i <= pos {
			t.Fatalf("thematic agenda %v: %s missing or out of order", th, k)
		}
		pos = i
	}
	ex := rs.Agenda(BatThuong, "")
	parts := map[string]bool{}
	for _, it := range ex {
		parts[it.Part] = true
	}
	if !parts[PartOpening] || !parts[PartContent] || !parts[PartClosing] {
		t.Errorf("extraordinary agenda parts = %v", parts)
	}
}

func TestAgenda_CopyDoesNotChangeRuleSet(t *testing.T) {
	rs := DefaultRuleSets()[0]
	items := rs.Agenda(ThuongKy, "")
	items[0].Title = "khác"
	if rs.Agenda(ThuongKy, "")[0].Title == "khác" {
		t.Error("Agenda returned the rule set's own slice")
	}
}

// PRINT.md §6 item 3: "Đánh giá kết quả thực hiện nhiệm vụ tháng {m}/{yyyy},
// đề ra nhiệm vụ tháng {m+1}/{yyyy}".
func TestAgendaItem_TitleForFillsTheMonths(t *testing.T) {
	var item AgendaItem
	for _, it := range DefaultRuleSets()[0].Agenda(ThuongKy, "") {
		if it.Key == "danh_gia_nhiem_vu" {
			item = it
		}
	}
	cases := []struct {
		p    Period
		want string
	}{
		{MonthPeriod(2026, time.June), "Đánh giá kết quả thực hiện nhiệm vụ tháng 6/2026, đề ra nhiệm vụ tháng 7/2026"},
		{MonthPeriod(2026, time.December), "Đánh giá kết quả thực hiện nhiệm vụ tháng 12/2026, đề ra nhiệm vụ tháng 1/2027"},
	}
	for _, c := range cases {
		if got := item.TitleFor(c.p); got != c.want {
			t.Errorf("TitleFor(%s) = %q, want %q", c.p, got, c.want)
		}
	}
	plain := AgendaItem{Title: "Thu đảng phí"}
	if plain.TitleFor(MonthPeriod(2026, time.June)) != "Thu đảng phí" {
		t.Error("a title without placeholders changed")
	}
}

// DOMAIN.md §4: regular "every calendar month", thematic "at least once per
// calendar quarter".
func TestPeriodFor_MonthOrQuarter(t *testing.T) {
	d := D(2026, time.May, 20)
	cases := []struct {
		k    MeetingKind
		want Period
	}{
		{ThuongKy, MonthPeriod(2026, time.May)},
		{BatThuong, MonthPeriod(2026, time.May)},
		{ChuyenDe, QuarterPeriod(2026, 2)},
	}
	for _, c := range cases {
		if got := PeriodFor(c.k, d); got != c.want {
			t.Errorf("PeriodFor(%s) = %s, want %s", c.k, got, c.want)
		}
	}
	for _, k := range MeetingKinds {
		if !k.Valid() {
			t.Errorf("%s not valid", k)
		}
	}
	if MeetingKind("hop_chi_uy").Valid() {
		t.Error("unknown kind valid")
	}
}

// DOMAIN.md §6: "A locked record never changes".
func TestMeetingStatus_OnlySignedIsLocked(t *testing.T) {
	for _, s := range MeetingStatuses {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
		if s.Locked() != (s == DaKy) {
			t.Errorf("%s locked = %v", s, s.Locked())
		}
	}
}
