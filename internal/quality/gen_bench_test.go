package quality_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A generator of the plain text of cell minutes (as meetings.BodyText
// writes it: the agenda's sections, what each speaker said, the
// conclusion and the resolution), varied enough that two cells' honest
// minutes of one month share little beyond the template: many phrases,
// names, places, figures and dates.

var (
	familyNames = strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tạ Lương Cao Hà Kiều Chu Lưu")
	middleNames = strings.Fields("Văn Thị Hữu Đức Minh Thanh Ngọc Quốc Xuân Thu Kim Hồng Đình Công Bá Như Gia Anh Mạnh Tiến")
	givenNames  = strings.Fields("An Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga Ngọc Phong Phúc Phương Quang Quân Sơn Tâm Thảo Thắng Thủy Tiến Toàn Trang Trung Tuấn Vân Việt Yến Đông Lộc Nhung Oanh Tùng Huệ Chiến Thơm")
	places      = []string{"Ngọc Lâm", "Bồ Đề", "Gia Thụy", "Thượng Thanh", "Việt Hưng", "Phúc Đồng", "Sài Đồng", "Thạch Bàn", "Cự Khối", "Long Biên",
		"Phúc Lợi", "Giang Biên", "Đức Giang", "Phúc Xá", "Nghĩa Tân", "Dịch Vọng", "Mai Dịch", "Yên Hòa", "Trung Hòa", "Khương Đình", "Định Công", "Hoàng Liệt"}

	actors = []string{
		"Chi ủy", "Ban công tác Mặt trận", "Chi hội Phụ nữ", "Chi đoàn thanh niên", "Chi hội Cựu chiến binh", "Chi hội Người cao tuổi",
		"Tổ hòa giải", "Tổ bảo vệ an ninh trật tự", "Ban thanh tra nhân dân", "Tổ dân phố", "Đồng chí tổ trưởng", "Đồng chí %s",
		"Ban vận động khuyến học", "Câu lạc bộ dưỡng sinh", "Tổ tự quản vệ sinh", "Tổ liên gia số %d", "Ban giám hiệu", "Công đoàn cơ sở",
		"Phòng kế toán", "Tổ chuyên môn", "Ban chỉ huy quân sự", "Đội sản xuất số %d",
	}
	actions = []string{
		"đã hoàn thành", "đang triển khai", "chưa làm xong", "đã phối hợp với phường về", "đã kiểm tra", "đã vận động các hộ thực hiện",
		"báo cáo tiến độ", "đề nghị chi bộ cho ý kiến về", "đã rà soát lại", "giao cho đồng chí %s phụ trách", "tổ chức tuyên truyền",
		"đã tiếp nhận và giải quyết", "cần đẩy nhanh", "đã lập kế hoạch", "đôn đốc các hộ về", "tham mưu cho chi ủy về", "đã tổng kết",
		"nêu một số vướng mắc trong", "xin ý kiến cấp trên về", "chủ động khắc phục tồn tại trong",
	}
	matters = []string{
		"thu quỹ vì người nghèo", "thu đảng phí quý %d", "vệ sinh ngõ %d", "sửa mái nhà văn hóa", "lắp đèn chiếu sáng ngõ %d",
		"kiểm tra phòng cháy tại các hộ kinh doanh", "cấp đổi thẻ bảo hiểm y tế cho %d người", "đăng ký tạm trú cho người thuê trọ",
		"tổ chức Tết Trung thu cho %d cháu", "thăm hỏi %d gia đình chính sách", "xét hồ sơ kết nạp quần chúng %s", "học tập nghị quyết của Đảng ủy phường",
		"tiêm phòng dại cho chó, mèo", "trồng %d cây xanh dọc đường", "giải tỏa lấn chiếm vỉa hè", "phân loại rác tại nguồn", "làm thẻ căn cước cho %d người",
		"vận động hiến máu tình nguyện", "xây dựng tuyến phố văn minh", "quản lý học sinh trong dịp hè", "nạo vét mương thoát nước", "hòa giải tranh chấp ranh giới đất",
		"rà soát hộ cận nghèo", "chuẩn bị bầu trưởng thôn", "kiểm tra nhà trọ", "phòng chống sốt xuất huyết", "ôn tập cho học sinh lớp 9",
		"bảo dưỡng máy móc phân xưởng %d", "quyết toán kinh phí quý %d", "tuyển sinh lớp 1", "diễn tập phòng thủ", "bảo vệ mùa màng",
	}
	results = []string{
		"đạt %d%% kế hoạch", "với %d hộ tham gia", "thu được %d.%03d.000 đồng", "còn %d hộ chưa thực hiện", "trước ngày %d tháng %d",
		"kết quả tốt", "nhân dân đồng tình", "còn chậm so với kế hoạch", "được phường biểu dương", "cần tiếp tục theo dõi", "",
		"trong %d buổi tối", "dài %d mét", "tại khu vực chợ %s", "do đồng chí %s báo cáo", "so với tháng trước tăng %d hộ", "không phát sinh vụ việc mới",
	}
	opinions = []string{
		"Nhất trí với báo cáo của chi ủy.", "Đề nghị làm rõ trách nhiệm của tổ dân phố trong việc %s.", "Cần nhắc nhở các hộ còn chậm %s.",
		"Đề nghị chi bộ kiến nghị phường sớm %s.", "Tôi xin nhận nhiệm vụ vận động %d hộ ở ngõ %d.", "Việc %s tháng này làm tốt hơn tháng trước.",
		"Đề nghị giao chỉ tiêu cụ thể cho từng đảng viên.", "Nên họp với các đoàn thể trước ngày %d để bàn việc %s.",
	}
)

type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{rand.New(rand.NewPCG(seed, seed*31+7))} }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) name() string {
	return g.pick(familyNames) + " " + g.pick(middleNames) + " " + g.pick(givenNames)
}

// fill puts names, places, matters and numbers in a phrase's blanks.
func (g *gen) fill(p string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '%')
		if i < 0 || i+1 >= len(p) {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		switch {
		case p[i+1] == 's':
			switch g.r.IntN(3) {
			case 0:
				b.WriteString(g.name())
			case 1:
				b.WriteString(g.pick(places))
			default:
				b.WriteString(g.fill(g.pick(matters)))
			}
			p = p[i+2:]
		case p[i+1] == '%':
			b.WriteByte('%')
			p = p[i+2:]
		case p[i+1] == 'd':
			fmt.Fprint(&b, 1+g.r.IntN(99))
			p = p[i+2:]
		case strings.HasPrefix(p[i:], "%03d"):
			fmt.Fprintf(&b, "%03d", g.r.IntN(1000))
			p = p[i+4:]
		default:
			b.WriteByte('%')
			p = p[i+1:]
		}
	}
}

func (g *gen) sentence() string {
	s := g.fill(g.pick(actors)) + " " + g.fill(g.pick(actions)) + " việc " + g.fill(g.pick(matters))
	if r := g.fill(g.pick(results)); r != "" {
		s += ", " + r
	}
	return s + "."
}

func (g *gen) paragraph(n int) string {
	ss := make([]string, n)
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

// benchCell is what stays the same in one cell's minutes.
type benchCell struct{ members []string }

func (g *gen) cell() benchCell {
	var c benchCell
	for range 10 + g.r.IntN(20) {
		c.members = append(c.members, g.name())
	}
	return c
}

// minutes writes one month's minutes of a cell, about 2 KB, in the order
// of the regular meeting's agenda (DOMAIN.md §4).
func (g *gen) minutes(c benchCell, month int) string {
	var b strings.Builder
	present := len(c.members) - g.r.IntN(3)
	fmt.Fprintf(&b, "Báo cáo tình hình đảng viên dự sinh hoạt\nCó mặt %d/%d đồng chí; vắng có lý do %d đồng chí (đồng chí %s đi công tác).\n",
		present, len(c.members), len(c.members)-present, g.pick(c.members))
	b.WriteString("Thông báo tình hình thời sự, những chủ trương, chính sách mới của Đảng, Nhà nước và phổ biến, quán triệt các văn bản của cấp trên\n")
	b.WriteString(g.paragraph(2) + "\n")
	fmt.Fprintf(&b, "Đánh giá kết quả thực hiện nhiệm vụ tháng %d, đề ra nhiệm vụ tháng %d\n", month-1, month)
	b.WriteString(g.paragraph(4+g.r.IntN(2)) + "\n")
	for range 3 + g.r.IntN(3) {
		fmt.Fprintf(&b, "%s: %s\n", g.pick(c.members), g.fill(g.pick(opinions)))
	}
	b.WriteString("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\n")
	b.WriteString(g.paragraph(1) + "\n")
	b.WriteString("Đồng chí chủ trì kết luận\n")
	b.WriteString(g.paragraph(2) + "\n")
	fmt.Fprintf(&b, "Nghị quyết tháng %d/2026: %s\n", month, g.paragraph(3))
	return b.String()
}

// copyEdited copies text with n words changed, as a secretary does who
// copies someone's minutes and changes a few figures.
func (g *gen) copyEdited(text string, n int) string {
	words := strings.Fields(text)
	for range n {
		words[g.r.IntN(len(words))] = fmt.Sprint(1 + g.r.IntN(99))
	}
	return strings.Join(words, " ")
}
