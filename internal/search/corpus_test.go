package search_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// corpus writes Vietnamese texts shaped like a cell's records — minutes,
// resolutions and what members said — deterministically for a seed. The
// words follow the records' own skew: "chi bộ", "đảng viên" and the
// formulas of the minutes are in nearly every text, topics in some, names
// and places in few; so a benchmark meets the common, the middling and the
// rare word as a real city's search does.
type corpus struct {
	r *rand.Rand
}

func newCorpus(seed uint64) *corpus {
	return &corpus{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Đoàn", "Lương", "Tạ", "Cao", "Kiều", "Quách", "Thái", "Lạc", "Vương"}
	middleNames = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Ngọc", "Thanh", "Xuân", "Thu", "Công", "Đình", "Kim", "Quốc", "Bảo", "Gia", "Mạnh", "Tiến", "Như", "Phương"}
	givenNames  = []string{"An", "Anh", "Ánh", "Bình", "Bích", "Cường", "Chi", "Dũng", "Dung", "Đức", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hằng", "Hiếu", "Hòa", "Hoa", "Hùng",
		"Hương", "Huy", "Khánh", "Khoa", "Lan", "Liên", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nhung", "Oanh", "Phong", "Phúc", "Phượng", "Quân", "Quyên",
		"Sơn", "Tâm", "Thảo", "Thắng", "Thành", "Thủy", "Thư", "Tiến", "Trang", "Trung", "Tuấn", "Tùng", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến", "Đông", "Ẩn",
		"Bảo", "Châu", "Diệp", "Đoan", "Gấm", "Hậu", "Kiên", "Lộc", "Lũy", "Mẫn", "Nghĩa", "Ngữ", "Nhàn", "Quế", "Sáng", "Thoa", "Tín", "Toàn", "Ước", "Vỹ"}
	places = []string{"nhà văn hóa tổ dân phố", "hội trường Đảng ủy phường", "phòng họp cơ quan", "nhà văn hóa thôn", "trụ sở Ủy ban nhân dân phường", "phòng truyền thống nhà trường",
		"hội trường công ty", "nhà sinh hoạt cộng đồng khu dân cư", "phòng họp khoa Nội", "hội trường trạm y tế"}
	topics = []string{"phòng chống dịch sốt xuất huyết", "vệ sinh môi trường khu dân cư", "giữ gìn an ninh trật tự", "chuyển đổi số trong công tác đảng", "xây dựng nông thôn mới",
		"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "phòng chống tham nhũng, lãng phí", "công tác phát triển đảng viên", "thu nộp đảng phí",
		"bảo vệ nền tảng tư tưởng của Đảng", "phòng cháy chữa cháy", "xây dựng gia đình văn hóa", "chăm sóc người cao tuổi", "khuyến học, khuyến tài",
		"đền ơn đáp nghĩa", "giải phóng mặt bằng dự án mở rộng đường", "cải cách hành chính", "an toàn giao thông", "phòng chống ma túy trong thanh thiếu niên",
		"vận động ủng hộ đồng bào vùng lũ", "thực hiện quy chế dân chủ ở cơ sở", "nâng cao chất lượng sinh hoạt chi bộ", "tự phê bình và phê bình",
		"kiểm tra, giám sát đảng viên", "đổi mới phương pháp dạy học", "an toàn vệ sinh thực phẩm", "tiêm chủng mở rộng", "bảo hiểm y tế toàn dân",
		"thu gom rác thải sinh hoạt", "trồng cây xanh", "chỉnh trang hè phố", "hiến máu tình nguyện", "quỹ vì người nghèo", "phổ biến pháp luật",
		"hòa giải ở cơ sở", "phòng chống bạo lực gia đình", "nước sạch nông thôn", "tiết kiệm điện", "sản xuất kinh doanh quý", "an toàn lao động"}
	openings = []string{
		"Hôm nay, vào lúc {time}, tại {place}, {cell} tổ chức sinh hoạt thường kỳ tháng {month} năm {year}.",
		"{cell} tiến hành sinh hoạt chi bộ định kỳ tháng {month} năm {year} tại {place}.",
		"Thực hiện kế hoạch của Đảng ủy, {cell} tổ chức sinh hoạt chuyên đề về {topic}.",
	}
	body = []string{
		"Đồng chí {name}, Bí thư chi bộ, chủ trì; đồng chí {name} làm thư ký.",
		"Tổng số đảng viên của chi bộ là {n}, có mặt {m} đồng chí, vắng {k} đồng chí có lý do.",
		"Đồng chí Bí thư thông báo tình hình thời sự trong nước và quốc tế, các văn bản mới của cấp trên.",
		"Chi bộ đánh giá kết quả thực hiện nhiệm vụ tháng trước: các đảng viên hoàn thành tốt nhiệm vụ được giao.",
		"Chi bộ triển khai nhiệm vụ tháng tới, tập trung vào công tác {topic}.",
		"Chi ủy đã chuẩn bị dự thảo nghị quyết và gửi trước cho các đảng viên.",
		"Các đảng viên tích cực tham gia ý kiến, thẳng thắn tự phê bình và phê bình.",
		"Chi bộ thống nhất đề nghị Đảng ủy phường xem xét kết nạp quần chúng {name} vào Đảng Cộng sản Việt Nam.",
		"Kinh phí tổ chức là {money} đồng, do các đảng viên đóng góp.",
		"Đảng viên dự bị {name} đã báo cáo kết quả rèn luyện, phấn đấu trong thời gian dự bị.",
		"Chi bộ biểu dương gia đình đồng chí {name} đạt danh hiệu gia đình văn hóa tiêu biểu.",
		"Chi bộ nhắc nhở đảng viên nộp đảng phí đúng hạn và tham gia sinh hoạt đầy đủ.",
		"Tổ dân phố đã vận động được {money} đồng ủng hộ quỹ vì người nghèo.",
		"Đồng chí {name} báo cáo về công tác {topic} trên địa bàn.",
		"Chi bộ giao đồng chí {name} theo dõi, đôn đốc việc thực hiện và báo cáo tại kỳ sinh hoạt sau.",
		"Ban công tác mặt trận phối hợp với các chi hội đoàn thể tổ chức ra quân {topic}.",
		"Buổi sinh hoạt kết thúc vào lúc {time} cùng ngày; biên bản đã được thông qua trước chi bộ.",
	}
	opinions = []string{
		"Đề nghị tăng cường tuần tra vào ban đêm, nhất là khu vực ngõ {n}.",
		"Cần quan tâm hơn đến các gia đình chính sách, người có hoàn cảnh khó khăn.",
		"Đề nghị chi ủy phân công đảng viên phụ trách từng nhóm hộ gia đình.",
		"Việc thu gom rác thải còn chậm, đề nghị tổ dân phố làm việc với công ty môi trường.",
		"Tôi nhất trí với dự thảo nghị quyết, đề nghị bổ sung chỉ tiêu về {topic}.",
		"Đề nghị chi bộ sớm tổ chức học tập, quán triệt nghị quyết mới của Trung ương.",
		"Một số đảng viên cao tuổi sức khỏe yếu, đề nghị xem xét miễn sinh hoạt theo quy định.",
		"Cần nêu cao vai trò nêu gương của đảng viên trong {topic}.",
		"Đề nghị biểu dương kịp thời những gương người tốt, việc tốt trong khu dân cư.",
		"Tình trạng lấn chiếm vỉa hè vẫn còn, đề nghị phường xử lý dứt điểm.",
		"Đề nghị đưa nội dung {topic} vào chương trình công tác quý {q}.",
		"Tôi xin tiếp thu ý kiến góp ý của chi bộ và sẽ khắc phục trong thời gian tới.",
	}
	resolutions = []string{
		"Chi bộ quyết nghị: tiếp tục lãnh đạo thực hiện tốt công tác {topic}.",
		"Phấn đấu {pct}% đảng viên hoàn thành tốt nhiệm vụ; không có đảng viên vi phạm.",
		"Giao chi ủy xây dựng kế hoạch và phân công đảng viên thực hiện {topic}.",
		"Đề nghị Đảng ủy phường xem xét kết nạp quần chúng {name} vào Đảng.",
		"Vận động nhân dân tham gia {topic}; mỗi đảng viên phụ trách {k} hộ gia đình.",
		"Hoàn thành thu nộp đảng phí trước ngày {n} hằng tháng.",
		"Tổ chức sơ kết {topic} vào cuối quý {q} năm {year}.",
	}
)

func (c *corpus) pick(list []string) string { return list[c.r.IntN(len(list))] }

// name is a person's full name; given names are skewed (a few common).
func (c *corpus) name() string {
	g := givenNames[min(int(c.r.ExpFloat64()*float64(len(givenNames))/4), len(givenNames)-1)]
	return c.pick(familyNames) + " " + c.pick(middleNames) + " " + g
}

func (c *corpus) topic() string {
	return topics[min(int(c.r.ExpFloat64()*float64(len(topics))/5), len(topics)-1)]
}

func (c *corpus) fill(tmpl, cell string, month, year int) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		b.WriteString(tmpl[:i])
		switch tmpl[i+1 : j] {
		case "name":
			b.WriteString(c.name())
		case "place":
			fmt.Fprintf(&b, "%s số %d", c.pick(places), 1+c.r.IntN(30))
		case "cell":
			b.WriteString(cell)
		case "topic":
			b.WriteString(c.topic())
		case "time":
			fmt.Fprintf(&b, "%d giờ %02d phút", 7+c.r.IntN(13), 5*c.r.IntN(12))
		case "month":
			fmt.Fprint(&b, month)
		case "year":
			fmt.Fprint(&b, year)
		case "money":
			fmt.Fprintf(&b, "%d.%03d.000", 1+c.r.IntN(20), c.r.IntN(1000))
		case "pct":
			fmt.Fprint(&b, 80+c.r.IntN(21))
		case "q":
			fmt.Fprint(&b, 1+c.r.IntN(4))
		default: // n, m, k
			fmt.Fprint(&b, 2+c.r.IntN(40))
		}
		tmpl = tmpl[j+1:]
	}
}

// minutes is the body of a meeting's minutes: about 1,500 to 3,000
// characters. speeches are what members said, also returned one by one.
func (c *corpus) minutes(cell string, month, year int) (text string, speeches []string, resolution string) {
	var b strings.Builder
	b.WriteString(c.fill(c.pick(openings), cell, month, year))
	b.WriteByte('\n')
	for i, n := 0, 6+c.r.IntN(8); i < n; i++ {
		b.WriteString(c.fill(body[c.r.IntN(len(body))], cell, month, year))
		b.WriteByte(' ')
	}
	for i, n := 0, 2+c.r.IntN(4); i < n; i++ {
		s := c.name() + ": " + c.fill(c.pick(opinions), cell, month, year)
		if c.r.IntN(2) == 0 {
			s += " " + c.fill(c.pick(opinions), cell, month, year)
		}
		speeches = append(speeches, s)
		b.WriteString("\n" + s)
	}
	var r strings.Builder
	for i, n := 0, 2+c.r.IntN(3); i < n; i++ {
		if i > 0 {
			r.WriteByte(' ')
		}
		r.WriteString(c.fill(c.pick(resolutions), cell, month, year))
	}
	resolution = r.String()
	b.WriteString("\n" + resolution)
	return b.String(), speeches, resolution
}
