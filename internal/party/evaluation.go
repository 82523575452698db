package party

import (
	"fmt"
	"strings"
)

// Grade is the quality grade of a meeting (xếp loại chất lượng sinh hoạt,
// DOMAIN.md §7).
type Grade string

const (
	Tot         Grade = "tot"        // Tốt
	Kha         Grade = "kha"        // Khá
	TrungBinh   Grade = "trung_binh" // Trung bình
	Kem         Grade = "kem"        // Kém
	ChuaDanhGia Grade = ""           // chưa đánh giá: not graded yet
)

// Grades lists the grades from best to worst.
var Grades = []Grade{Tot, Kha, TrungBinh, Kem}

// Valid reports whether g is a grade; "not graded" is not one.
func (g Grade) Valid() bool {
	switch g {
	case Tot, Kha, TrungBinh, Kem:
		return true
	}
	return false
}

// Label is the grade's name for people.
func (g Grade) Label() Msg {
	switch g {
	case Tot:
		return M("rules.grade.tot")
	case Kha:
		return M("rules.grade.kha")
	case TrungBinh:
		return M("rules.grade.trung_binh")
	case Kem:
		return M("rules.grade.kem")
	}
	return M("rules.grade.chua_danh_gia")
}

// Groups of a score sheet, after the five criteria of 12-HD (DOMAIN.md §7).
const (
	GroupAttendance  = "attendance"  // dự sinh hoạt
	GroupPreparation = "preparation" // chuẩn bị
	GroupConduct     = "conduct"     // tổ chức sinh hoạt
	GroupPrinciples  = "principles"  // nguyên tắc tổ chức sinh hoạt đảng
	GroupResults     = "results"     // kết quả thực hiện
)

// Keys of the score items the data decides; ComputeItems fills them in.
const (
	ItemAttendanceRate  = "attendance_rate"
	ItemNoUnexcused     = "no_unexcused"
	ItemNoExcusedStreak = "no_excused_streak"
	ItemPreparation     = "preparation"
	ItemHeldInPeriod    = "held_in_period"
	ItemDuration        = "duration"
	ItemParticipation   = "participation"
	ItemMinutes         = "minutes"
	ItemResolution      = "resolution_adopted"
)

// computedKeys are the items ComputeItems knows how to score.
var computedKeys = []string{
	ItemAttendanceRate, ItemNoUnexcused, ItemNoExcusedStreak, ItemPreparation,
	ItemHeldInPeriod, ItemDuration, ItemParticipation, ItemMinutes, ItemResolution,
}

// ScoreItem is one line of a score sheet. Title is Vietnamese data of the
// sheet (editable), not UI text. Computed items are filled in from the
// data; RequiredForTot items need full marks for the grade Tốt.
type ScoreItem struct {
	Key            string
	Group          string
	Title          string
	Points         int // the most the item gives
	Computed       bool
	RequiredForTot bool
}

// ScoreSheet is a committee's 100-point sheet, versioned like rule sets
// ("versioned, editable: items, points, which items are computed from data
// and which are judged", DOMAIN.md §7).
type ScoreSheet struct {
	Code    string
	RuleSet string // code of the rule set it implements
	Version int
	Total   int
	Items   []ScoreItem
}

// Item finds an item of the sheet by key.
func (s ScoreSheet) Item(key string) (ScoreItem, bool) {
	for _, it := range s.Items {
		if it.Key == key {
			return it, true
		}
	}
	return ScoreItem{}, false
}

// DefaultScoreSheet turns the 2018 criteria (12-HD, DOMAIN.md §7) into 100
// points. Items marked required are the full marks the grade Tốt asks for:
// "attendance, duration, participation in discussion and minutes" (the
// three attendance conditions of 12-HD all count as attendance).
func DefaultScoreSheet(ruleSet string) ScoreSheet {
	return ScoreSheet{
		Code:    "TC-100",
		RuleSet: ruleSet,
		Version: 1,
		Total:   100,
		Items: []ScoreItem{
			{Key: ItemAttendanceRate, Group: GroupAttendance, Points: 10, Computed: true, RequiredForTot: true,
				Title: "Tỷ lệ đảng viên dự sinh hoạt trên mức quy định"},
			{Key: ItemNoUnexcused, Group: GroupAttendance, Points: 5, Computed: true, RequiredForTot: true,
				Title: "Không có đảng viên vắng mặt không có lý do"},
			{Key: ItemNoExcusedStreak, Group: GroupAttendance, Points: 5, Computed: true, RequiredForTot: true,
				Title: "Không có đảng viên vắng mặt có lý do quá số lần liên tiếp quy định trong năm"},
			{Key: ItemPreparation, Group: GroupPreparation, Points: 10, Computed: true,
				Title: "Chuẩn bị đủ các bước: bí thư trực tiếp chuẩn bị nội dung, chi ủy họp trước, có dự thảo nghị quyết, thông báo cho đảng viên"},
			{Key: "content_guidance", Group: GroupPreparation, Points: 5,
				Title: "Nội dung sinh hoạt bám sát chỉ đạo của cấp trên và tình hình thực tế của chi bộ"},
			{Key: ItemHeldInPeriod, Group: GroupConduct, Points: 5, Computed: true,
				Title: "Sinh hoạt đúng kỳ"},
			{Key: "order", Group: GroupConduct, Points: 5,
				Title: "Bắt đầu đúng giờ, tiến hành đúng trình tự các bước"},
			{Key: ItemDuration, Group: GroupConduct, Points: 10, Computed: true, RequiredForTot: true,
				Title: "Thời lượng sinh hoạt đủ theo quy định"},
			{Key: ItemParticipation, Group: GroupConduct, Points: 10, Computed: true, RequiredForTot: true,
				Title: "Nhiều đảng viên tham gia phát biểu ý kiến"},
			{Key: "criticism", Group: GroupConduct, Points: 5,
				Title: "Phát huy dân chủ, tự phê bình và phê bình; biểu dương, phê bình kịp thời"},
			{Key: ItemMinutes, Group: GroupConduct, Points: 10, Computed: true, RequiredForTot: true,
				Title: "Biên bản ghi đầy đủ"},
			{Key: "principles", Group: GroupPrinciples, Points: 10,
				Title: "Thực hiện đúng nguyên tắc tổ chức và sinh hoạt đảng"},
			{Key: ItemResolution, Group: GroupResults, Points: 5, Computed: true,
				Title: "Nghị quyết (kết luận) được biểu quyết thông qua"},
			{Key: "carried_out", Group: GroupResults, Points: 5,
				Title: "Nghị quyết kỳ trước được tổ chức thực hiện có kết quả"},
		},
	}
}

// Validate checks a score sheet before a committee saves it: the items add
// up to Total, each gives some points, keys are unique, computed items are
// ones the data can decide, and at least one item is required for Tốt.
func (s ScoreSheet) Validate() FieldErrors {
	f := FieldErrors{}
	if strings.TrimSpace(s.Code) == "" {
		f.Add("code", "field.required")
	}
	if s.Total <= 0 {
		f.Add("total", "rules.score.total_positive")
	}
	sum, required := 0, 0
	keys := map[string]bool{}
	for i, it := range s.Items {
		field := fmt.Sprintf("items.%d", i)
		switch {
		case strings.TrimSpace(it.Key) == "":
			f.Add(field+".key", "field.required")
		case keys[it.Key]:
			f.Add(field+".key", "rules.score.key_duplicate", it.Key)
		}
		keys[it.Key] = true
		if strings.TrimSpace(it.Title) == "" {
			f.Add(field+".title", "field.required")
		}
		if it.Points <= 0 {
			f.Add(field+".points", "rules.score.points_positive")
		}
		if it.Computed && !isComputedKey(it.Key) {
			f.Add(field+".computed", "rules.score.not_computable", it.Key)
		}
		if it.RequiredForTot {
			required++
		}
		sum += it.Points
	}
	if sum != s.Total {
		f.Add("items", "rules.score.sum_mismatch", sum, s.Total)
	}
	if required == 0 {
		f.Add("items", "rules.score.no_required")
	}
	return f
}

func isComputedKey(k string) bool {
	for _, c := range computedKeys {
		if c == k {
			return true
		}
	}
	return false
}
