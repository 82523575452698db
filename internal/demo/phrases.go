package demo

import (
	"fmt"
	"time"

	"chibo/internal/party"
)

// The bank of phrases the demo's minutes are written from, in the wording
// secretaries use (PRINT.md §6). Each cell type has its own matters
// (phrases_cells.go); thematic and extraordinary meetings theirs
// (phrases_topics.go); these are shared. Blanks in braces: textfill.go.

// phraseBank is what one kind of cell talks about.
type phraseBank struct {
	situation   []string // the unit or the neighbourhood this month; residents' opinions
	mobilize    []string // residential cells: mobilizing residents, movements
	results     []string // last month's results
	shortfalls  []string // what fell short
	tasks       []string // next month's tasks
	speeches    []string // members' opinions in the discussion
	resolutions []string // points of the resolution
	conclusions []string // the chair's conclusion
}

// hcmStudy is what cells study under "Học tập và làm theo tư tưởng, đạo
// đức, phong cách Hồ Chí Minh".
var hcmStudy = []string{
	"Chi bộ tiếp tục học tập chuyên đề toàn khóa \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc\"; mỗi đảng viên đăng ký một việc làm cụ thể trong {ky}.",
	"Đồng chí {dv} đọc bài viết \"Nâng cao đạo đức cách mạng, quét sạch chủ nghĩa cá nhân\" của Chủ tịch Hồ Chí Minh; chi bộ liên hệ việc giữ gìn phẩm chất, lối sống của đảng viên nơi cư trú và nơi công tác.",
	"Chi bộ trao đổi lời dạy của Bác \"Việc gì có lợi cho dân, ta phải hết sức làm. Việc gì có hại đến dân, ta phải hết sức tránh\", gắn với việc giải quyết kịp thời những kiến nghị chính đáng của nhân dân.",
	"Đồng chí {dv} kể chuyện \"Bác Hồ với tinh thần tiết kiệm\"; chi bộ thống nhất thực hành tiết kiệm trong tổ chức hiếu, hỷ, lễ hội và chi tiêu của cơ quan, gia đình.",
	"Chi bộ ôn lại tác phẩm \"Sửa đổi lối làm việc\"; nhắc nhở đảng viên nói đi đôi với làm, gần dân, trọng dân, có trách nhiệm với công việc được giao.",
	"Chi bộ nghe giới thiệu tấm gương tiêu biểu trong học tập và làm theo Bác của {ward}, qua đó mỗi đảng viên tự liên hệ bản thân.",
	"Chi bộ học tập lời dạy của Bác về \"Cần, kiệm, liêm, chính, chí công vô tư\"; đảng viên tự kiểm điểm việc thực hiện cam kết rèn luyện đầu năm.",
	"Đồng chí {dv} giới thiệu câu chuyện \"Bác Hồ với việc chăm lo đời sống nhân dân\"; chi bộ liên hệ việc thăm hỏi các hộ khó khăn trên địa bàn.",
	"Chi bộ sinh hoạt theo chủ đề \"Nêu gương, nói đi đôi với làm\": đảng viên là cán bộ, công chức gương mẫu thực hiện trách nhiệm nêu gương nơi cư trú.",
	"Chi bộ đọc và thảo luận di chúc của Chủ tịch Hồ Chí Minh, phần nói về Đảng, về đoàn kết trong Đảng; liên hệ với sự đoàn kết trong chi bộ.",
	"Đồng chí {dv} chia sẻ bài học về phong cách dân chủ của Bác: lắng nghe ý kiến quần chúng, \"dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong\".",
	"Chi bộ biểu dương các đảng viên đã thực hiện tốt việc làm theo Bác đăng ký trong năm {nam} và nhắc nhở những đồng chí chưa hoàn thành.",
}

// goodDeeds are the good deeds of members praised at meetings.
var goodDeeds = []string{
	"Biểu dương {dv} nhặt được ví có {tien} đã trả lại người đánh rơi.",
	"Biểu dương {dv} tham gia hiến máu tình nguyện lần thứ {n}.",
	"Biểu dương {dv} tích cực vận động các hộ hoàn thành việc đóng góp các loại quỹ trước thời hạn.",
	"Biểu dương {dv} chủ động hòa giải thành một vụ tranh chấp lối đi giữa hai hộ dân.",
	"Biểu dương {dv} có con đạt giải học sinh giỏi cấp thành phố.",
	"Biểu dương {dv} ủng hộ {tien} giúp đỡ gia đình khó khăn trên địa bàn.",
	"Biểu dương {dv} thường xuyên tham gia dọn vệ sinh, chăm sóc bồn hoa, cây xanh nơi công cộng.",
	"Biểu dương {dv} kịp thời báo tin cho công an về đối tượng lạ, góp phần giữ gìn an ninh trật tự.",
}

// opening is the wording of the opening (PRINT.md §6).
const opening = "Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký."

// readBack is the statement that the minutes were read back (PRINT.md §6).
const readBack = "Biên bản đã được đọc lại cho chi bộ nghe và được các đồng chí dự họp nhất trí thông qua."

// news are the policies and directions of the upper levels any month.
var news = []string{
	"Thông báo tình hình kinh tế - xã hội của thành phố trong tháng, những kết quả nổi bật và những vấn đề dư luận quan tâm.",
	"Quán triệt văn bản của cấp ủy cấp trên về tăng cường công tác bảo đảm an ninh, trật tự và an toàn giao thông trên địa bàn.",
	"Phổ biến kế hoạch của {cap_uy} về công tác kiểm tra, giám sát năm {nam}.",
	"Thông báo kết luận của Thường trực Đảng ủy về việc nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị số 10-CT/TW.",
	"Phổ biến các quy định mới về xử phạt vi phạm hành chính trong lĩnh vực trật tự xây dựng và vệ sinh môi trường.",
	"Thông báo tình hình thời sự trong nước và quốc tế nổi bật; chủ trương của Đảng, chính sách của Nhà nước về bảo vệ chủ quyền biển, đảo.",
	"Quán triệt hướng dẫn của cấp trên về việc đảng viên đang công tác thường xuyên giữ mối liên hệ với chi ủy, đảng ủy nơi cư trú.",
	"Phổ biến kế hoạch tuyên truyền các ngày lễ lớn trong {ky_toi} và các hoạt động của {cap_uy}.",
	"Thông báo tình hình tôn giáo, dân tộc và công tác dân vận trên địa bàn; đề nghị đảng viên nắm chắc tình hình tư tưởng nhân dân.",
	"Phổ biến Quy định của Bộ Chính trị về trách nhiệm nêu gương của cán bộ, đảng viên; nhắc lại những điều đảng viên không được làm.",
	"Thông báo kết quả thu ngân sách và giải ngân vốn đầu tư công của thành phố; một số công trình trọng điểm trên địa bàn.",
	"Phổ biến hướng dẫn sử dụng ứng dụng định danh điện tử VNeID và dịch vụ công trực tuyến cho đảng viên và nhân dân.",
}

// events are the anniversaries and news of a given month, in the words of
// a briefing.
func events(p party.Period) []string {
	y, m := p.Year, p.Month
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	switch m {
	case time.January:
		add("Triển khai kế hoạch tổ chức đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm; chăm lo Tết cho gia đình chính sách và hộ khó khăn.")
	case time.February:
		add("Tuyên truyền kỷ niệm %d năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/%d).", y-1930, y)
		add("Nhắc nhở đảng viên và nhân dân thực hiện nếp sống văn minh trong dịp lễ hội đầu xuân; không đốt pháo, không tham gia đánh bạc.")
	case time.March:
		add("Tuyên truyền kỷ niệm Ngày Quốc tế Phụ nữ 08/3 và %d năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3).", y-1931)
	case time.April:
		add("Tuyên truyền kỷ niệm %d năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/%d) và Ngày Quốc tế Lao động 01/5.", y-1975, y)
	case time.May:
		add("Tuyên truyền kỷ niệm %d năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/%d).", y-1890, y)
	case time.June:
		add("Triển khai công tác phòng, chống dịch bệnh mùa hè, phòng chống đuối nước cho trẻ em trong dịp nghỉ hè.")
	case time.July:
		add("Tổ chức các hoạt động kỷ niệm %d năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/%d); thăm hỏi, tặng quà các gia đình chính sách.", y-1947, y)
	case time.August:
		add("Tuyên truyền kỷ niệm %d năm Cách mạng tháng Tám thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9).", y-1945)
	case time.September:
		add("Triển khai công tác phòng, chống lụt bão, úng ngập mùa mưa bão; chuẩn bị Tết Trung thu cho các cháu thiếu niên, nhi đồng.")
	case time.October:
		add("Tuyên truyền kỷ niệm %d năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/%d) và Ngày Phụ nữ Việt Nam 20/10.", y-1954, y)
	case time.November:
		add("Chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư (18/11) và kỷ niệm Ngày Nhà giáo Việt Nam 20/11.")
	case time.December:
		add("Tuyên truyền kỷ niệm %d năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/%d); chuẩn bị tổng kết công tác năm %d.", y-1944, y, y)
	}
	switch {
	case y == 2024 && m == time.July:
		add("Chi bộ thông báo lễ tang Tổng Bí thư Nguyễn Phú Trọng; đảng viên và nhân dân bày tỏ niềm tiếc thương vô hạn, nguyện học tập tấm gương của đồng chí.")
	case y == 2024 && m == time.August:
		add("Phổ biến các điểm mới của Luật Đất đai năm 2024 có hiệu lực từ ngày 01/8/2024 và Luật Căn cước có hiệu lực từ ngày 01/7/2024.")
	case y == 2024 && (m == time.September || m == time.October):
		add("Thông báo tình hình thiệt hại do cơn bão số 3 (bão Yagi) gây ra; phát động đảng viên và nhân dân ủng hộ đồng bào các tỉnh bị ảnh hưởng.")
	case y == 2025 && m == time.January:
		add("Phổ biến Nghị định số 168/2024/NĐ-CP quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông đường bộ, có hiệu lực từ ngày 01/01/2025.")
	case y == 2025 && m >= time.February && m <= time.May:
		add("Quán triệt chủ trương tổng kết Nghị quyết số 18-NQ/TW, tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.")
		add("Thông báo chủ trương sắp xếp đơn vị hành chính cấp xã và không tổ chức chính quyền cấp huyện; đề nghị đảng viên làm tốt công tác tư tưởng trong nhân dân.")
	case y == 2025 && (m == time.June || m == time.July):
		add("Thông báo chính quyền địa phương hai cấp chính thức hoạt động từ ngày 01/7/2025; hướng dẫn nhân dân nơi liên hệ giải quyết thủ tục hành chính.")
	case y == 2025 && (m == time.October || m == time.November):
		add("Tổ chức cho đảng viên nghiên cứu, góp ý vào dự thảo các văn kiện trình Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.")
	case y == 2026 && m >= time.February && m <= time.April:
		add("Tuyên truyền kết quả Đại hội đại biểu toàn quốc lần thứ XIV của Đảng; chuẩn bị học tập, quán triệt Nghị quyết Đại hội.")
		add("Triển khai công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031.")
	}
	return out
}
