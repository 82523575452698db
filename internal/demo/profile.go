package demo

import (
	"math/rand/v2"

	"chibo/internal/party"
)

// profile is the kind of people a cell gathers: residential cells are
// older (many retirees), police and army cells young and mostly men,
// schools mostly women.
type profile int

const (
	resident   profile = iota // thôn, tổ dân phố
	agency                    // cơ quan hành chính
	police                    // công an
	army                      // quân sự
	school                    // trường học
	health                    // trạm y tế, bệnh viện
	enterprise                // doanh nghiệp
)

type profileSpec struct {
	cellType     party.CellType
	minAge       int
	maxAge       int
	female       float64 // share of women
	probationary float64 // share of probationary members
	left         float64 // share who left in the last three years
	occupations  *picker
	times        *picker // usual meeting time
	dayMin       int     // usual meeting day of the month
	dayMax       int
}

var profiles = map[profile]profileSpec{
	resident: {party.CellThonTDP, 28, 88, 0.5, 0.03, 0.035,
		newPicker([]weighted{{"Kinh doanh", 3}, {"Lao động tự do", 2}, {"Công nhân", 1}, {"Kỹ sư", 1}, {"Nhân viên văn phòng", 1}, {"Giáo viên", 1}, {"Bác sĩ", 0.3}}),
		newPicker([]weighted{{"19:30", 7}, {"19:00", 2}, {"20:00", 1}}), 5, 10},
	agency: {party.CellCoQuan, 24, 58, 0.5, 0.05, 0.02,
		newPicker([]weighted{{"Công chức", 5}, {"Viên chức", 2}, {"Chuyên viên", 2}}),
		newPicker([]weighted{{"14:00", 4}, {"14:30", 2}, {"15:00", 2}, {"16:00", 1}}), 3, 10},
	police: {party.CellCongAn, 23, 55, 0.15, 0.06, 0.02,
		newPicker(even("Công an")),
		newPicker([]weighted{{"14:00", 3}, {"08:00", 1}, {"15:00", 1}}), 3, 8},
	army: {party.CellQuanDoi, 22, 52, 0.05, 0.06, 0.02,
		newPicker(even("Quân nhân")),
		newPicker([]weighted{{"14:00", 3}, {"08:00", 1}}), 3, 8},
	school: {party.CellSuNghiep, 24, 58, 0.78, 0.06, 0.02,
		newPicker([]weighted{{"Giáo viên", 8}, {"Nhân viên", 1}, {"Cán bộ quản lý giáo dục", 1}}),
		newPicker([]weighted{{"16:30", 3}, {"14:00", 2}, {"16:00", 1}}), 5, 10},
	health: {party.CellSuNghiep, 24, 58, 0.65, 0.05, 0.02,
		newPicker([]weighted{{"Bác sĩ", 4}, {"Điều dưỡng", 4}, {"Dược sĩ", 1}, {"Kỹ thuật viên", 1}, {"Nhân viên hành chính", 1}}),
		newPicker([]weighted{{"16:00", 3}, {"14:00", 1}}), 5, 10},
	enterprise: {party.CellDNNgoaiNhaNuoc, 24, 58, 0.4, 0.05, 0.02,
		newPicker([]weighted{{"Kỹ sư", 3}, {"Nhân viên", 3}, {"Công nhân", 2}, {"Kế toán", 1}, {"Quản lý", 1}}),
		newPicker([]weighted{{"16:00", 3}, {"16:30", 2}, {"14:00", 1}}), 5, 12},
}

// size draws the number of members of a cell of profile p: residential
// cells 20–90 (extra is the mean above 20), agency and police cells 8–25.
func (p profile) size(r *rand.Rand, extra float64) int {
	switch p {
	case resident:
		return min(90, 20+int(r.ExpFloat64()*extra))
	case agency:
		return 8 + tri(r, 17)
	case police:
		return 10 + tri(r, 15)
	case army:
		return 6 + r.IntN(5)
	case school:
		return 10 + tri(r, 20)
	case health:
		return 6 + r.IntN(6)
	default:
		return 5 + tri(r, 25)
	}
}

// tri is a triangular draw in [0, n].
func tri(r *rand.Rand, n int) int {
	return int(float64(n+1) * (r.Float64() + r.Float64()) / 2)
}

func (p profile) String() string {
	return [...]string{"resident", "agency", "police", "army", "school", "health", "enterprise"}[p]
}
