package demo

import (
	"math/rand/v2"
	"sort"

	"chibo/internal/party"
)

// Vietnamese names: a family name (họ) drawn by its real frequency, a
// middle name (tên đệm) by gender and generation, a given name (tên).
// Every string is NFC, as typed on a Vietnamese keyboard.

// weighted is a choice with its weight.
type weighted struct {
	S string
	W float64
}

// picker draws from weighted choices.
type picker struct {
	s   []string
	cum []float64
}

func newPicker(ws []weighted) *picker {
	p := &picker{}
	t := 0.0
	for _, w := range ws {
		t += w.W
		p.s = append(p.s, w.S)
		p.cum = append(p.cum, t)
	}
	return p
}

func (p *picker) pick(r *rand.Rand) string { return p.s[p.pickIndex(r)] }

func (p *picker) pickIndex(r *rand.Rand) int {
	return sort.SearchFloat64s(p.cum, r.Float64()*p.cum[len(p.cum)-1])
}

// even makes equally weighted choices.
func even(ss ...string) []weighted {
	out := make([]weighted, len(ss))
	for i, s := range ss {
		out[i] = weighted{s, 1}
	}
	return out
}

// familyNames carry approximate shares in percent of the population;
// Nguyễn is about 38%.
var familyNames = newPicker([]weighted{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5}, {"Phạm", 7}, {"Hoàng", 4.5}, {"Phan", 4.5}, {"Vũ", 3.3}, {"Đặng", 2.1},
	{"Bùi", 2}, {"Đỗ", 1.4}, {"Ngô", 1.3}, {"Hồ", 1}, {"Dương", 1}, {"Đào", 0.8}, {"Đinh", 0.8}, {"Đoàn", 0.7},
	{"Trịnh", 0.7}, {"Huỳnh", 0.6}, {"Võ", 0.6}, {"Trương", 0.6}, {"Lý", 0.5}, {"Lương", 0.5}, {"Mai", 0.5}, {"Cao", 0.5},
	{"Hà", 0.5}, {"Lưu", 0.4}, {"Tạ", 0.4}, {"Phùng", 0.4}, {"Chu", 0.3}, {"Tô", 0.3}, {"Lâm", 0.3}, {"Kiều", 0.2},
	{"Nghiêm", 0.2}, {"Quách", 0.2}, {"Triệu", 0.2}, {"Vương", 0.2}, {"Lại", 0.2}, {"Đàm", 0.2}, {"Tống", 0.2},
	{"Khổng", 0.1}, {"Hứa", 0.1}, {"Thân", 0.1}, {"Tăng", 0.1}, {"La", 0.1}, {"Khúc", 0.1}, {"Ninh", 0.1}, {"Giáp", 0.1},
	{"Âu", 0.1}, {"Bạch", 0.1}, {"Lã", 0.1}, {"Mạc", 0.1}, {"Văn", 0.1}, {"Nông", 0.1}, {"Kim", 0.05}, {"Nhữ", 0.05},
})

// Family names common among the ethnic groups of the north.
var minorityFamilies = map[string]*picker{
	"Tày":   newPicker([]weighted{{"Nông", 3}, {"Hoàng", 3}, {"Lục", 1}, {"Ma", 1}, {"Hà", 1}, {"Lương", 1}}),
	"Nùng":  newPicker([]weighted{{"Hoàng", 3}, {"Nông", 2}, {"Lăng", 1}, {"Vi", 1}, {"Lý", 1}}),
	"Mường": newPicker([]weighted{{"Bùi", 4}, {"Đinh", 3}, {"Quách", 1}, {"Hà", 1}}),
	"Thái":  newPicker([]weighted{{"Lò", 3}, {"Lường", 2}, {"Cầm", 2}, {"Quàng", 1}}),
	"Dao":   newPicker([]weighted{{"Triệu", 3}, {"Bàn", 2}, {"Lý", 1}}),
}

// Middle names changed with the generations: nearly every man born before
// 1970 is "Văn" or one of a few others, nearly every woman "Thị".
var (
	middleMaleOld = newPicker([]weighted{{"Văn", 55}, {"Đức", 8}, {"Hữu", 6}, {"Đình", 6}, {"Quang", 4}, {"Xuân", 4}, {"Công", 4},
		{"Ngọc", 3}, {"Minh", 3}, {"Mạnh", 2}, {"Trọng", 2}, {"Thế", 2}, {"Bá", 1}, {"Kim", 1}})
	middleMaleNew = newPicker([]weighted{{"Văn", 25}, {"Đức", 10}, {"Minh", 10}, {"Quang", 7}, {"Hữu", 5}, {"Duy", 5}, {"Tuấn", 4},
		{"Việt", 4}, {"Hoàng", 4}, {"Thanh", 4}, {"Tiến", 4}, {"Anh", 4}, {"Đình", 4}, {"Công", 4}, {"Quốc", 4}, {"Ngọc", 3},
		{"Mạnh", 3}, {"Trung", 2}, {"Hải", 2}, {"Gia", 2}, {"Xuân", 2}, {"Thành", 2}})
	middleFemaleOld = newPicker([]weighted{{"Thị", 75}, {"Ngọc", 4}, {"Thu", 3}, {"Thanh", 3}, {"Kim", 3}, {"Hồng", 3}, {"Minh", 2},
		{"Bích", 2}, {"Thúy", 2}, {"Xuân", 2}})
	middleFemaleNew = newPicker([]weighted{{"Thị", 35}, {"Ngọc", 8}, {"Thu", 7}, {"Thanh", 7}, {"Minh", 5}, {"Phương", 5}, {"Kim", 4},
		{"Hồng", 4}, {"Thùy", 4}, {"Mai", 3}, {"Khánh", 3}, {"Hải", 3}, {"Diệu", 2}, {"Lan", 2}, {"Quỳnh", 2}, {"Bảo", 2}, {"Hoài", 2}})
	// A second middle name after "Thị": Nguyễn Thị Thu Hằng.
	middleFemaleSecond = newPicker(even("Thu", "Thanh", "Kim", "Minh", "Ngọc", "Hồng", "Bích", "Thúy", "Mai", "Phương", "Lan", "Xuân"))
)

var (
	givenMale = newPicker(even("An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Chính", "Công", "Dũng", "Duy", "Dương", "Đạt", "Điệp",
		"Định", "Đông", "Đức", "Giang", "Hải", "Hào", "Hậu", "Hiển", "Hiếu", "Hòa", "Hoan", "Hoàng", "Hợp", "Hùng", "Huy", "Hưng",
		"Khải", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Lộc", "Lợi", "Long", "Luân", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Ngọc",
		"Nhân", "Phong", "Phúc", "Phương", "Quân", "Quang", "Quý", "Sáng", "Sơn", "Tài", "Tâm", "Tân", "Thái", "Thắng", "Thanh",
		"Thành", "Thịnh", "Thuận", "Tiến", "Toàn", "Trí", "Trọng", "Trung", "Trường", "Tú", "Tuấn", "Tùng", "Văn", "Việt", "Vinh",
		"Vũ", "Vượng", "Xuân", "Hà", "Hiệp", "Kỳ", "Lân", "Thạch", "Thông", "Tuyên", "Hưởng", "Khiêm", "Bằng"))
	givenFemale = newPicker(even("An", "Anh", "Ánh", "Bích", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
		"Hoa", "Hồng", "Huệ", "Hương", "Hường", "Huyền", "Lan", "Liên", "Linh", "Loan", "Lụa", "Lý", "Mai", "Minh", "My", "Nga",
		"Ngân", "Ngọc", "Nhàn", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thoa", "Thu", "Thủy", "Thư", "Thơm",
		"Thúy", "Trang", "Trâm", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Hải", "Hậu", "Hiên", "Khánh", "Lệ", "Nguyệt", "Phượng",
		"Sen", "Tình", "Vui", "Hòa", "Gấm", "Lài", "Mơ", "Nhi", "Thanh", "Hảo", "Luyến", "Quế"))
)

// fullName invents a name for a person of gender g born in year y, with
// ethnic group eth.
func fullName(r *rand.Rand, g party.Gender, y int, eth string) string {
	family := familyNames.pick(r)
	if p, ok := minorityFamilies[eth]; ok && r.Float64() < 0.8 {
		family = p.pick(r)
	}
	var middle, given string
	young := y >= 1970
	if g == party.Nu {
		if young {
			middle = middleFemaleNew.pick(r)
		} else {
			middle = middleFemaleOld.pick(r)
		}
		if middle == "Thị" && r.Float64() < 0.12 {
			middle += " " + middleFemaleSecond.pick(r)
		}
		given = givenFemale.pick(r)
	} else {
		if young {
			middle = middleMaleNew.pick(r)
		} else {
			middle = middleMaleOld.pick(r)
		}
		given = givenMale.pick(r)
	}
	for given == middle || given == family || hasSuffixWord(middle, given) {
		if g == party.Nu {
			given = givenFemale.pick(r)
		} else {
			given = givenMale.pick(r)
		}
	}
	return family + " " + middle + " " + given
}

func hasSuffixWord(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1:] == " "+w
}
