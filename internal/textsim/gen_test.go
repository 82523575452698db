package textsim

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A generator of minutes of Party cell meetings, for tests and benchmarks:
// the fixed parts of the form (formPhrases) around sentences composed from
// many varied phrases, names, figures and dates, as secretaries write them.

// formPhrases are the fixed parts of the minutes form; "…" is a blank.
var formPhrases = []string{
	"ĐẢNG CỘNG SẢN VIỆT NAM",
	"BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ tháng … năm …",
	"Hôm nay, vào lúc … giờ … phút, ngày … tháng … năm …, tại …",
	"tổ chức sinh hoạt thường kỳ",
	"Chủ trì: đồng chí …",
	"Thư ký: đồng chí …",
	"Tổng số đảng viên của chi bộ: … đồng chí; có mặt: … đồng chí; vắng: … đồng chí",
	"Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.",
	"I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC",
	"II. Ý KIẾN THẢO LUẬN CỦA ĐẢNG VIÊN",
	"III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ",
	"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI",
	"Biểu quyết thông qua nghị quyết: tán thành … đồng chí, không tán thành … đồng chí.",
	"Chi bộ tự đánh giá chất lượng buổi sinh hoạt đạt mức",
	"Buổi sinh hoạt kết thúc vào lúc … giờ … phút cùng ngày.",
	"Biên bản đã được đọc lại cho các đồng chí dự họp cùng nghe và nhất trí thông qua.",
	"THƯ KÝ", "CHỦ TRÌ",
}

var (
	hoList  = strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tạ Quách Lương Cao Hà")
	demList = strings.Fields("Văn Thị Hữu Đức Minh Thanh Ngọc Quốc Xuân Thu Kim Hồng Đình Công Bá Như Gia Anh")
	tenList = strings.Fields("An Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga Ngọc Phong Phúc Phương Quang Quân Sơn Tâm Thảo Thắng Thủy Tiến Toàn Trang Trung Tuấn Vân Việt Yến Đông Lộc Nhung Oanh Tùng")
	places  = []string{"Tân Lập", "Hòa Bình", "Quang Trung", "Đông Hưng", "Phú Mỹ", "An Khánh", "Thịnh Liệt", "Yên Hòa", "Nghĩa Đô", "Cát Linh",
		"Bến Thủy", "Vĩnh Yên", "Hưng Phú", "Long Biên", "Thạch Bàn", "Kim Mã", "Ngọc Hà", "Trung Hòa", "Mỹ Đình", "Phú Diễn", "Xuân Đỉnh", "Cổ Nhuế"}
	roles = []string{"Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên", "Bí thư Chi bộ kiêm Trưởng thôn"}

	subjects = []string{
		"Chi bộ", "Chi ủy", "Các đảng viên trong chi bộ", "Ban công tác Mặt trận khu dân cư", "Chi hội Phụ nữ", "Chi đoàn thanh niên",
		"Hội Cựu chiến binh", "Chi hội Nông dân", "Ban thanh tra nhân dân", "Tổ hòa giải", "Ban quản lý nhà văn hóa", "Tổ an ninh tự quản",
		"Tổ dân phố số %d", "Xóm %d", "Tổ liên gia số %d", "Đồng chí %s", "Đồng chí Trưởng thôn", "Đồng chí Công an viên", "Các đoàn thể",
		"Ban vận động", "Câu lạc bộ người cao tuổi", "Tổ tự quản môi trường", "Đồng chí phụ trách khu dân cư", "Chi hội Khuyến học",
	}
	verbs = []string{
		"đã triển khai", "tiếp tục thực hiện", "đã hoàn thành", "chưa hoàn thành", "cần tăng cường", "đã phối hợp tổ chức", "vận động nhân dân tham gia",
		"đã rà soát", "tổ chức kiểm tra", "đôn đốc", "phổ biến, quán triệt", "tích cực tham gia", "báo cáo kết quả", "đề xuất điều chỉnh",
		"chủ động nắm tình hình về", "tập trung chỉ đạo", "nghiêm túc khắc phục hạn chế trong", "giao cho đồng chí %s theo dõi", "đã bàn biện pháp về",
		"thống nhất đề nghị cấp trên hỗ trợ", "phân công đảng viên phụ trách", "lập danh sách", "giải quyết dứt điểm", "tổng hợp ý kiến về",
	}
	objects = []string{
		"công tác thu nộp đảng phí", "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "phong trào toàn dân bảo vệ an ninh Tổ quốc",
		"công tác vệ sinh môi trường", "việc thu quỹ phòng chống thiên tai", "kế hoạch phát triển đảng viên", "chương trình xây dựng nông thôn mới",
		"công tác phòng chống dịch sốt xuất huyết", "việc chỉnh trang đường làng ngõ xóm", "hồ sơ đề nghị kết nạp quần chúng %s",
		"việc cấp đổi căn cước cho người dân", "công tác tuyển quân năm %d", "việc chăm lo gia đình chính sách", "phong trào khuyến học, khuyến tài",
		"công tác hòa giải ở cơ sở", "việc sửa chữa nhà văn hóa", "công tác chuyển đổi số", "việc thu gom rác thải sinh hoạt", "việc lắp đặt camera an ninh",
		"công tác phòng cháy chữa cháy", "kế hoạch tổ chức Tết Trung thu cho các cháu thiếu nhi", "việc tặng quà các hộ nghèo", "công tác dân số, kế hoạch hóa gia đình",
		"việc nạo vét kênh mương nội đồng", "công tác tiêm chủng mở rộng", "việc quản lý người lao động ngoại tỉnh", "đợt sinh hoạt chuyên đề quý %d",
		"việc kê khai, đăng ký đất đai", "tình hình an ninh trật tự trên địa bàn", "phong trào thi đua yêu nước", "công tác bảo hiểm y tế hộ gia đình",
		"việc giải quyết đơn thư của công dân", "việc hỗ trợ hộ %s sửa nhà", "công tác kiểm tra, giám sát của chi bộ", "việc bồi dưỡng lý luận chính trị cho đảng viên mới",
	}
	complements = []string{
		"đạt %d%% kế hoạch", "với %d hộ tham gia", "trong tháng %d", "trước ngày %d/%d", "còn %d hộ chưa nộp", "tổng số tiền %d.%03d.000 đồng",
		"tại nhà văn hóa thôn %s", "nhưng kết quả còn thấp", "theo đúng hướng dẫn của Đảng ủy %s", "đến nay cơ bản hoàn thành", "được nhân dân đồng tình ủng hộ",
		"còn một số hộ chưa thực hiện nghiêm", "cần làm rõ trách nhiệm của từng đảng viên", "đạt kết quả khá", "vượt chỉ tiêu được giao", "do thời tiết không thuận lợi",
		"có %d lượt người tham gia", "với sự tham gia của %d đoàn viên", "đề nghị chi ủy xem xét trong kỳ họp tới", "bảo đảm an toàn, tiết kiệm", "",
		"giao đồng chí %s báo cáo vào kỳ sau", "trong quý %d năm %d", "trên tuyến đường liên thôn dài %d mét", "tập trung vào %d hộ có hoàn cảnh khó khăn",
	}
)

type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) name() string {
	return g.pick(hoList) + " " + g.pick(demList) + " " + g.pick(tenList)
}

// fill replaces the %s, %d and %03d of a phrase with a name or a place,
// and numbers.
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
			if g.r.IntN(2) == 0 {
				b.WriteString(g.name())
			} else {
				b.WriteString(g.pick(places))
			}
			p = p[i+2:]
		case p[i+1] == '%':
			b.WriteByte('%')
			p = p[i+2:]
		case p[i+1] == 'd':
			fmt.Fprint(&b, 1+g.r.IntN(120))
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
	s := g.fill(g.pick(subjects)) + " " + g.fill(g.pick(verbs)) + " " + g.fill(g.pick(objects))
	if c := g.fill(g.pick(complements)); c != "" {
		s += " " + c
	}
	if g.r.IntN(3) == 0 {
		s += ", " + g.fill(g.pick(complements))
	}
	return strings.TrimRight(s, ", ") + "."
}

func (g *gen) paragraph(n int) string {
	ss := make([]string, n)
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

// cell is what stays the same in one cell's minutes from month to month.
type cell struct {
	name, ward, place string
	chair, secretary  string
	members           []string
	total             int
}

func (g *gen) cell() cell {
	c := cell{name: g.pick(places) + " " + fmt.Sprint(1+g.r.IntN(20)), ward: g.pick(places), place: "nhà văn hóa thôn " + g.pick(places),
		chair: g.name(), secretary: g.name(), total: 8 + g.r.IntN(30)}
	for range 12 {
		c.members = append(c.members, g.name())
	}
	return c
}

// minutes writes one month's minutes of a cell: about 2 KB.
func (g *gen) minutes(c cell, month int) string {
	present := c.total - g.r.IntN(4)
	var b strings.Builder
	fmt.Fprintf(&b, "ĐẢNG BỘ PHƯỜNG %s\nCHI BỘ %s\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n%s, ngày %d tháng %d năm 2026\n\n",
		strings.ToUpper(c.ward), strings.ToUpper(c.name), c.ward, 1+g.r.IntN(28), month)
	fmt.Fprintf(&b, "BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ tháng %d năm 2026\n", month)
	fmt.Fprintf(&b, "Hôm nay, vào lúc %d giờ %d phút, ngày %d tháng %d năm 2026, tại %s, Chi bộ %s tổ chức sinh hoạt thường kỳ.\n",
		7+g.r.IntN(12), g.r.IntN(60), 1+g.r.IntN(28), month, c.place, c.name)
	fmt.Fprintf(&b, "Chủ trì: đồng chí %s, %s.\nThư ký: đồng chí %s.\n", c.chair, g.pick(roles), c.secretary)
	fmt.Fprintf(&b, "Tổng số đảng viên của chi bộ: %d đồng chí; có mặt: %d đồng chí; vắng: %d đồng chí (đồng chí %s ốm, có lý do).\n",
		c.total, present, c.total-present, g.pick(c.members))
	b.WriteString("Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.\n")
	b.WriteString("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC\n")
	b.WriteString(g.paragraph(2 + g.r.IntN(2)))
	b.WriteString("\nII. Ý KIẾN THẢO LUẬN CỦA ĐẢNG VIÊN\n")
	for range 2 + g.r.IntN(2) {
		fmt.Fprintf(&b, "- Đồng chí %s: %s\n", g.pick(c.members), g.paragraph(1))
	}
	b.WriteString("III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ\n")
	b.WriteString(g.paragraph(1 + g.r.IntN(2)))
	b.WriteString("\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI\n")
	b.WriteString(g.paragraph(2))
	fmt.Fprintf(&b, "\nBiểu quyết thông qua nghị quyết: tán thành %d đồng chí, không tán thành 0 đồng chí.\n", present)
	fmt.Fprintf(&b, "Chi bộ tự đánh giá chất lượng buổi sinh hoạt đạt mức %s.\n", g.pick([]string{"Tốt", "Khá", "Trung bình"}))
	fmt.Fprintf(&b, "Buổi sinh hoạt kết thúc vào lúc %d giờ %d phút cùng ngày.\n", 9+g.r.IntN(12), g.r.IntN(60))
	b.WriteString("Biên bản đã được đọc lại cho các đồng chí dự họp cùng nghe và nhất trí thông qua.\n")
	fmt.Fprintf(&b, "THƯ KÝ\n%s\nCHỦ TRÌ\n%s\n", c.secretary, c.chair)
	return b.String()
}

// copyEdited copies text with n words replaced by other words, as a
// secretary does who copies last month's minutes and changes the dates.
func (g *gen) copyEdited(text string, n int) string {
	words := strings.Fields(text)
	for range n {
		i := g.r.IntN(len(words))
		words[i] = g.pick(tenList)
	}
	return strings.Join(words, " ")
}
