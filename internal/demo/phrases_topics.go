package demo

// Thematic meetings speak of their topic (the groups of quality's default
// topics, DOMAIN.md §4); extraordinary meetings of the matter they were
// called for. Every cell type also shares the speeches about Party work.

// genericSpeeches are opinions any cell hears about its own Party work.
var genericSpeeches = []string{
	"Tôi đề nghị chi bộ duy trì tự phê bình và phê bình thường xuyên trong sinh hoạt, không để đến cuối năm mới kiểm điểm.",
	"Sinh hoạt chi bộ cần có nội dung thảo luận cụ thể, tránh đọc báo cáo dài; tôi đề nghị tài liệu được gửi trước để đảng viên nghiên cứu.",
	"Đề nghị chi ủy phân công nhiệm vụ cho từng đảng viên bằng văn bản, cuối tháng đối chiếu kết quả.",
	"Công tác phát triển đảng viên của chi bộ năm nay còn chậm; đề nghị giao đảng viên theo dõi, giúp đỡ từng quần chúng cảm tình.",
	"Tôi nhất trí với dự thảo nghị quyết, đề nghị bổ sung nội dung kiểm tra việc thực hiện nghị quyết tháng trước.",
	"Đảng viên cần thường xuyên theo dõi thông tin chính thống, không chia sẻ thông tin chưa kiểm chứng trên mạng xã hội.",
	"Tôi xin tự phê bình: tháng qua do bận công tác nên chưa tham gia đầy đủ hoạt động được phân công, tháng tới sẽ khắc phục.",
	"Đề nghị biểu dương kịp thời những đảng viên có việc làm tốt, để nhân rộng trong chi bộ.",
	"Việc đóng đảng phí cần đúng hạn, đúng mức theo quy định; đề nghị chi ủy công khai hằng quý.",
	"Đề nghị chi bộ nghiên cứu đổi mới cách sinh hoạt, mỗi kỳ chọn một vấn đề trọng tâm để thảo luận sâu.",
	"Tôi thấy các ý kiến trong buổi sinh hoạt hôm nay rất thẳng thắn, xây dựng; đề nghị chi ủy tiếp thu đầy đủ vào nghị quyết.",
	"Đề nghị chi bộ quan tâm hơn đến việc học tập, quán triệt nghị quyết của cấp trên, gắn với nhiệm vụ cụ thể của chi bộ.",
}

// topicTexts is what a thematic meeting on a topic of a group hears.
type topicTexts struct {
	paper       []string // the lead paper, summarized
	speeches    []string
	conclusions []string
	resolutions []string
}

var topicBank = map[string]*topicTexts{
	"hcm": {
		paper: []string{
			"Đề dẫn nêu những nội dung cơ bản của tư tưởng Hồ Chí Minh về đạo đức cách mạng: cần, kiệm, liêm, chính, chí công vô tư; thương yêu con người; tinh thần quốc tế trong sáng; liên hệ với thực tế của chi bộ và từng đảng viên trong {ky}.",
			"Đề dẫn trình bày phong cách làm việc dân chủ, khoa học, nêu gương của Bác; chỉ ra những việc chi bộ đã làm theo Bác, những hạn chế và đề xuất mỗi đảng viên đăng ký một việc làm cụ thể.",
			"Đề dẫn tập trung vào lời dạy của Bác \"Đảng viên đi trước, làng nước theo sau\", đánh giá vai trò gương mẫu của đảng viên trong chi bộ và đề ra giải pháp.",
			"Đề dẫn nêu gương Bác trong việc thực hành tiết kiệm, giản dị, gần gũi nhân dân; đối chiếu với việc tổ chức hiếu, hỷ, chi tiêu của gia đình đảng viên và đề xuất các cam kết cụ thể.",
			"Đề dẫn tóm tắt tư tưởng Hồ Chí Minh về đoàn kết, \"đoàn kết, đoàn kết, đại đoàn kết\"; đánh giá sự đoàn kết trong chi bộ và giữa chi bộ với nhân dân thời gian qua.",
		},
		speeches: []string{
			"Tôi tâm đắc với phần đề dẫn nói về nêu gương. Đảng viên phải làm trước thì quần chúng mới tin và làm theo.",
			"Học Bác không phải việc gì lớn lao, mà là những việc nhỏ hằng ngày: đúng giờ, giữ lời hứa, tiết kiệm.",
			"Tôi xin đăng ký việc làm theo Bác trong quý này là vận động {ho} hộ tôi phụ trách thực hiện phân loại rác.",
			"Đề nghị chi bộ có sổ theo dõi việc làm theo Bác của từng đảng viên, cuối năm đánh giá cụ thể.",
			"Tôi thấy phong cách gần dân của Bác rất cần cho đảng viên hôm nay, nhất là khi giải quyết kiến nghị của nhân dân.",
			"Đề dẫn đã chỉ ra đúng hạn chế: một số đảng viên còn nói nhiều làm ít. Tôi xin nghiêm túc tự phê bình về điểm này.",
			"Tôi đề nghị biểu dương {dv} đã làm tốt việc giúp đỡ các hộ khó khăn, đó là việc làm theo Bác cụ thể.",
			"Tôi đề nghị mỗi đảng viên tự chọn một lời dạy của Bác để làm theo trong quý, viết vào sổ tay và báo cáo kết quả.",
			"Học Bác về tiết kiệm, gia đình tôi đã tổ chức đám cưới cho con gọn nhẹ; tôi mong chi bộ nhân rộng cách làm này.",
			"Đề nghị tổ chức kể chuyện về Bác cho các cháu thiếu nhi trong dịp hè, giao đảng viên trẻ phụ trách.",
			"Tôi thấy việc làm theo Bác phải thể hiện ở thái độ với nhân dân: lắng nghe, giải thích đến nơi đến chốn.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: chi bộ thống nhất nhận thức về ý nghĩa của việc học tập và làm theo Bác; mỗi đảng viên đăng ký và thực hiện ít nhất một việc làm cụ thể, chi ủy theo dõi, đánh giá hằng quý.",
			"Chi bộ thống nhất đưa nội dung làm theo Bác vào sinh hoạt thường kỳ; biểu dương kịp thời những tấm gương tiêu biểu.",
			"Đồng chí chủ trì đề nghị chi bộ đưa việc làm theo Bác vào tiêu chí đánh giá đảng viên cuối năm; chi ủy tổng hợp đăng ký của {n2} lượt đảng viên trong quý.",
			"Kết luận: mỗi đảng viên gắn học tập và làm theo Bác với nhiệm vụ được giao; chi bộ sẽ biểu dương những tấm gương tiêu biểu vào dịp 19/5.",
		},
		resolutions: []string{
			"Mỗi đảng viên đăng ký và thực hiện một việc làm theo Bác, báo cáo kết quả vào cuối quý.",
			"Chi ủy xây dựng sổ theo dõi, đánh giá việc làm theo Bác của đảng viên.",
			"Tổ chức kể chuyện về Bác cho thiếu nhi và đoàn viên thanh niên trên địa bàn.",
			"Biểu dương, nhân rộng các tấm gương làm theo Bác tiêu biểu của chi bộ.",
			"Đưa kết quả làm theo Bác vào đánh giá, xếp loại đảng viên cuối năm {nam}.",
		},
	},
	"nang_luc": {
		paper: []string{
			"Đề dẫn đánh giá thực trạng năng lực chính trị, chuyên môn của đảng viên trong chi bộ; nêu yêu cầu tự học, tự rèn luyện và đề xuất chi bộ tổ chức trao đổi kinh nghiệm hằng quý.",
			"Đề dẫn trình bày những kỹ năng đảng viên cần có trong chuyển đổi số: sử dụng dịch vụ công trực tuyến, bảo vệ thông tin cá nhân, nhận diện tin giả trên mạng xã hội.",
			"Đề dẫn nêu yêu cầu về trình độ lý luận chính trị của đảng viên; thống kê số đảng viên đã học sơ cấp, trung cấp lý luận và đề xuất cử đi học trong năm {nam}.",
			"Đề dẫn phân tích những kỹ năng vận động quần chúng, nói trước đông người, viết báo cáo mà đảng viên cần rèn luyện; nêu kinh nghiệm của một số chi bộ làm tốt.",
		},
		speeches: []string{
			"Tôi đề nghị chi bộ tổ chức các buổi hướng dẫn sử dụng ứng dụng VNeID và dịch vụ công trực tuyến cho đảng viên cao tuổi.",
			"Đảng viên trẻ nên giúp đỡ đảng viên lớn tuổi về công nghệ, còn đảng viên lớn tuổi truyền kinh nghiệm công tác vận động quần chúng.",
			"Tôi đề nghị chi bộ khuyến khích đảng viên tham gia các lớp bồi dưỡng lý luận chính trị do cấp trên tổ chức.",
			"Mỗi đảng viên cần tự học, cập nhật kiến thức pháp luật liên quan đến công việc của mình.",
			"Đề dẫn nêu đúng thực trạng; bản thân tôi còn hạn chế về kỹ năng sử dụng máy tính, xin được học thêm.",
			"Đề nghị chi bộ có hình thức động viên đảng viên hoàn thành tốt các khóa bồi dưỡng.",
			"Tôi đề nghị chi bộ lập danh sách đảng viên chưa qua lớp sơ cấp lý luận để đề nghị cấp trên mở lớp.",
			"Kỹ năng nói trước đông người rất cần, đề nghị mỗi buổi sinh hoạt giao một đảng viên trẻ trình bày một nội dung.",
			"Bản thân tôi đang học trung cấp lý luận chính trị, xin chia sẻ tài liệu với các đồng chí cần tham khảo.",
			"Đề nghị tổ chức trao đổi kinh nghiệm giữa đảng viên lâu năm và đảng viên trẻ về công tác vận động nhân dân.",
			"Nên có sổ theo dõi việc tự học của đảng viên, cuối năm đưa vào đánh giá, xếp loại.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: nâng cao năng lực là yêu cầu thường xuyên; chi bộ tổ chức bồi dưỡng kỹ năng số cho đảng viên và khuyến khích tự học.",
			"Chi bộ thống nhất đăng ký nội dung tự học của từng đảng viên, chi ủy theo dõi kết quả.",
			"Đồng chí chủ trì kết luận: chi bộ thống nhất lập kế hoạch bồi dưỡng cho {n} đảng viên trong năm {nam}; đảng viên trẻ giúp đỡ đảng viên cao tuổi về kỹ năng số.",
			"Kết luận: nâng cao năng lực gắn với nhiệm vụ cụ thể; chi ủy phân công {dv} theo dõi việc tự học của đảng viên.",
		},
		resolutions: []string{
			"Tổ chức buổi hướng dẫn kỹ năng số cho đảng viên trong quý.",
			"Mỗi đảng viên đăng ký nội dung tự học, tự bồi dưỡng.",
			"Đề nghị cấp trên cử {n} đảng viên đi học lớp bồi dưỡng lý luận chính trị.",
			"Mỗi buổi sinh hoạt giao một đảng viên trẻ trình bày một nội dung thời sự.",
			"Tổ chức trao đổi kinh nghiệm công tác vận động quần chúng giữa các đảng viên.",
		},
	},
	"nghi_quyet": {
		paper: []string{
			"Đề dẫn quán triệt những nội dung chủ yếu của nghị quyết cấp trên có liên quan trực tiếp đến nhiệm vụ của chi bộ và đề xuất chương trình hành động cụ thể.",
			"Đề dẫn đánh giá kết quả thực hiện nghị quyết đại hội chi bộ sau một thời gian triển khai, chỉ ra các chỉ tiêu đạt, chưa đạt và nguyên nhân.",
			"Đề dẫn trình bày kết quả thực hiện nghị quyết của cấp ủy cấp trên về nhiệm vụ năm {nam}; phần việc chi bộ được giao và mức độ hoàn thành sau {n} tháng.",
			"Đề dẫn quán triệt nghị quyết của Đảng ủy về công tác trọng tâm của năm, chỉ rõ những việc chi bộ phải làm ngay trong quý và những việc cần phối hợp.",
		},
		speeches: []string{
			"Tôi đề nghị chương trình hành động của chi bộ phải có chỉ tiêu cụ thể, đo lường được, không chung chung.",
			"Nghị quyết đại hội chi bộ có chỉ tiêu phát triển đảng viên chưa đạt; đề nghị chi ủy có giải pháp riêng.",
			"Việc quán triệt nghị quyết cần gắn với việc làm cụ thể của từng đảng viên, tránh học cho có.",
			"Tôi đề nghị phân công đảng viên phụ trách từng chỉ tiêu, cuối quý báo cáo kết quả.",
			"Đề dẫn đã nêu rõ các chỉ tiêu; tôi thấy chỉ tiêu về vận động nhân dân cần được ưu tiên trong thời gian tới.",
			"Đề nghị chi bộ công khai kết quả thực hiện nghị quyết để đảng viên cùng theo dõi, giám sát.",
			"Tôi đề nghị phân tích rõ vì sao chỉ tiêu đóng góp các quỹ năm nay chưa đạt, để có cách làm khác.",
			"Nghị quyết cấp trên rất đúng nhưng khi về chi bộ cần cụ thể hóa bằng những việc nhỏ, làm được ngay.",
			"Đề nghị chi ủy báo cáo tiến độ thực hiện nghị quyết ngay tại buổi sinh hoạt đầu mỗi quý.",
			"Tôi xin nhận phụ trách chỉ tiêu về công tác tuyên truyền trong nghị quyết của chi bộ.",
			"Cần phối hợp với các đoàn thể để thực hiện các chỉ tiêu về an sinh xã hội trong nghị quyết.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: chi bộ thống nhất chương trình hành động thực hiện nghị quyết, phân công đảng viên phụ trách từng chỉ tiêu và kiểm điểm hằng quý.",
			"Chi bộ thống nhất các giải pháp để hoàn thành những chỉ tiêu chưa đạt của nghị quyết đại hội.",
			"Đồng chí chủ trì kết luận: chi bộ thống nhất {n} giải pháp trọng tâm để hoàn thành các chỉ tiêu còn chậm; giao {dv} tổng hợp, báo cáo cuối quý.",
			"Kết luận: đảng viên nắm chắc nghị quyết, nói và làm theo nghị quyết; chi ủy công khai tiến độ thực hiện hằng quý.",
		},
		resolutions: []string{
			"Ban hành chương trình hành động thực hiện nghị quyết với chỉ tiêu, người phụ trách, thời hạn cụ thể.",
			"Kiểm điểm việc thực hiện nghị quyết vào buổi sinh hoạt cuối mỗi quý.",
			"Cụ thể hóa nghị quyết cấp trên thành các việc làm của chi bộ trong {ky}.",
			"Phân công đảng viên phụ trách từng chỉ tiêu của nghị quyết đại hội chi bộ.",
			"Báo cáo tiến độ thực hiện nghị quyết tại buổi sinh hoạt đầu mỗi quý.",
		},
	},
	"suy_thoai": {
		paper: []string{
			"Đề dẫn nêu những biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\" theo Nghị quyết Trung ương 4 khóa XII; đề nghị mỗi đảng viên tự soi, tự sửa.",
			"Đề dẫn phân tích các thủ đoạn lợi dụng mạng xã hội để xuyên tạc, chống phá; yêu cầu đảng viên nâng cao cảnh giác, tích cực đấu tranh phản bác quan điểm sai trái.",
			"Đề dẫn nêu những biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" dễ gặp trong đời sống hằng ngày của đảng viên: ngại khó, ngại va chạm, thờ ơ với công việc chung; đề nghị mỗi đảng viên tự đối chiếu.",
			"Đề dẫn trình bày những quy định về những điều đảng viên không được làm và trách nhiệm nêu gương; liên hệ một số vụ việc vi phạm đã được xử lý để rút kinh nghiệm.",
		},
		speeches: []string{
			"Tôi đề nghị đảng viên không chia sẻ, bình luận các thông tin xấu độc, chưa được kiểm chứng trên mạng xã hội.",
			"Qua tự soi, bản thân tôi còn biểu hiện ngại va chạm, chưa thẳng thắn phê bình; tôi xin khắc phục.",
			"Đề nghị chi bộ nắm bắt tư tưởng đảng viên thường xuyên, nhất là những đồng chí có hoàn cảnh khó khăn.",
			"Biểu hiện nói không đi đôi với làm, hứa nhiều làm ít cần được chi bộ chỉ ra và nhắc nhở ngay.",
			"Tôi đề nghị mỗi đảng viên tham gia ít nhất một nhóm mạng xã hội của khu dân cư để kịp thời định hướng thông tin.",
			"Đề dẫn đã nêu đầy đủ các biểu hiện; chi bộ cần đưa vào kiểm điểm cuối năm một cách thực chất.",
			"Tôi thấy có biểu hiện thờ ơ với công việc chung ở một số đảng viên nghỉ hưu; chi bộ cần động viên, giao việc phù hợp.",
			"Đề nghị chi bộ duy trì việc đảng viên tự liên hệ bản thân tại buổi sinh hoạt cuối mỗi quý.",
			"Thông tin trên mạng xã hội có nhiều nội dung xuyên tạc, đảng viên phải tỉnh táo, chỉ tin nguồn chính thống.",
			"Tôi xin tự phê bình: có lúc còn nể nang, chưa góp ý thẳng thắn với đồng chí khác trong chi bộ.",
			"Đề nghị chi ủy gặp gỡ, trao đổi với những đảng viên có biểu hiện sinh hoạt không đều.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: mỗi đảng viên đối chiếu 27 biểu hiện suy thoái để tự soi, tự sửa; chi bộ thường xuyên nắm tư tưởng và nhắc nhở kịp thời.",
			"Chi bộ thống nhất tăng cường cảnh giác, đấu tranh với thông tin sai trái trên không gian mạng.",
			"Đồng chí chủ trì kết luận: chi bộ thống nhất duy trì tự phê bình và phê bình, không nể nang, né tránh; đảng viên nào có biểu hiện suy thoái phải được nhắc nhở ngay.",
			"Kết luận: mỗi đảng viên tự soi, tự sửa, giữ gìn phẩm chất, lối sống; chi ủy nắm tình hình tư tưởng và báo cáo cấp trên khi cần.",
		},
		resolutions: []string{
			"Mỗi đảng viên viết bản tự kiểm điểm, đối chiếu các biểu hiện suy thoái và đề ra biện pháp khắc phục.",
			"Đảng viên tích cực tham gia đấu tranh phản bác quan điểm sai trái trên mạng xã hội.",
			"Duy trì tự phê bình và phê bình trong sinh hoạt chi bộ hằng tháng.",
			"Chi ủy gặp gỡ, động viên những đảng viên sinh hoạt không đều.",
			"Đảng viên chỉ chia sẻ thông tin từ nguồn chính thống.",
		},
	},
	"xay_dung_dang": {
		paper: []string{
			"Đề dẫn đánh giá chất lượng sinh hoạt chi bộ thời gian qua theo Chỉ thị số 10-CT/TW, chỉ ra tình trạng sinh hoạt hình thức, ít thảo luận và đề xuất giải pháp đổi mới.",
			"Đề dẫn nêu yêu cầu thực hành tiết kiệm, chống lãng phí, phòng chống tham nhũng, tiêu cực ở chi bộ và trong từng gia đình đảng viên.",
			"Đề dẫn nêu thực trạng công tác phát triển đảng viên của chi bộ trong {n} năm qua, nguồn quần chúng ưu tú hiện có và giải pháp tạo nguồn kết nạp đảng viên.",
			"Đề dẫn đánh giá việc thực hiện quy chế làm việc, chế độ sinh hoạt và công tác kiểm tra, giám sát của chi bộ; đề xuất sửa đổi quy chế cho phù hợp.",
		},
		speeches: []string{
			"Tôi đề nghị mỗi buổi sinh hoạt chọn một vấn đề trọng tâm để thảo luận, không dàn trải.",
			"Việc kiểm tra, giám sát đảng viên của chi bộ còn ít; đề nghị có kế hoạch giám sát chuyên đề.",
			"Đề nghị công khai các khoản thu, chi của chi bộ và các quỹ để đảng viên và nhân dân giám sát.",
			"Tôi thấy biên bản sinh hoạt nhiều tháng còn sơ sài, chưa ghi đủ ý kiến; đề nghị thư ký ghi đầy đủ hơn.",
			"Đề nghị chi bộ phát huy dân chủ, khuyến khích đảng viên trẻ phát biểu, tránh tình trạng chỉ vài đồng chí nói.",
			"Phòng chống lãng phí phải bắt đầu từ những việc nhỏ: tiết kiệm điện, nước, tổ chức hội họp gọn nhẹ.",
			"Đề nghị chi bộ giao đảng viên theo dõi, giúp đỡ từng quần chúng ưu tú, báo cáo hằng quý.",
			"Quy chế làm việc của chi bộ ban hành đã lâu, cần sửa đổi cho phù hợp với tổ chức bộ máy mới.",
			"Tôi đề nghị biên bản ghi đầy đủ ý kiến của từng đồng chí, kể cả ý kiến khác, để làm căn cứ kiểm điểm.",
			"Việc giám sát đảng viên nên tập trung vào việc thực hiện nhiệm vụ được giao và trách nhiệm nêu gương.",
			"Đề nghị chi bộ phối hợp với Đoàn thanh niên giới thiệu đoàn viên ưu tú để bồi dưỡng kết nạp.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: chi bộ thống nhất đổi mới nội dung, hình thức sinh hoạt, tăng thời gian thảo luận và ghi biên bản đầy đủ; thực hiện nghiêm công tác kiểm tra, giám sát.",
			"Chi bộ thống nhất các giải pháp nâng cao chất lượng sinh hoạt và thực hành tiết kiệm, chống lãng phí.",
			"Đồng chí chủ trì kết luận: chi bộ phấn đấu kết nạp ít nhất {n} đảng viên mới trong nhiệm kỳ; giao {dv} theo dõi nguồn quần chúng ưu tú.",
			"Kết luận: chi bộ sửa đổi quy chế làm việc, thực hiện nghiêm chế độ sinh hoạt và kiểm tra, giám sát theo chương trình.",
		},
		resolutions: []string{
			"Đổi mới nội dung sinh hoạt, mỗi kỳ có chủ đề thảo luận trọng tâm.",
			"Xây dựng kế hoạch kiểm tra, giám sát đảng viên năm {nam}.",
			"Giao đảng viên theo dõi, giúp đỡ quần chúng ưu tú, tạo nguồn phát triển đảng viên.",
			"Sửa đổi quy chế làm việc của chi bộ trong {ky}.",
			"Ghi biên bản sinh hoạt đầy đủ ý kiến của từng đảng viên.",
		},
	},
	"dan_van": {
		paper: []string{
			"Đề dẫn nêu vai trò của đảng viên trong công tác dân vận ở khu dân cư: nắm tình hình nhân dân, giải thích chủ trương, chính sách, vận động nhân dân thực hiện và xây dựng khối đại đoàn kết.",
			"Đề dẫn đánh giá kết quả thực hiện phong trào \"Dân vận khéo\" của chi bộ, nêu các mô hình tốt và những nơi còn khó khăn.",
			"Đề dẫn trình bày phương châm \"trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân\"; đánh giá cách đảng viên tiếp xúc, giải quyết kiến nghị của nhân dân ở {tdp}.",
		},
		speeches: []string{
			"Kinh nghiệm của tôi là đến từng nhà, nói chuyện thẳng thắn, bà con hiểu thì bà con ủng hộ.",
			"Đề nghị chi bộ nhân rộng mô hình \"đảng viên phụ trách hộ gia đình\" vì rất hiệu quả trong vận động nhân dân.",
			"Một số hộ ở {ngo} chưa đồng thuận với chủ trương mở rộng ngõ; cần kiên trì vận động, không áp đặt.",
			"Tôi đề nghị phối hợp chặt chẽ với Ban công tác Mặt trận và các chi hội đoàn thể trong công tác dân vận.",
			"Đảng viên nghỉ hưu có nhiều kinh nghiệm, có uy tín; chi bộ nên phát huy lực lượng này trong hòa giải ở cơ sở.",
			"Đề nghị biểu dương {dv} đã vận động thành công các hộ hiến đất mở đường.",
			"Việc giải phóng mặt bằng mở đường ở {ngo} thành công là nhờ đảng viên đến từng nhà vận động, tôi đề nghị rút kinh nghiệm để làm tiếp.",
			"Tôi đề nghị chi bộ tổ chức đối thoại với nhân dân mỗi năm một lần, công khai các khoản thu, chi.",
			"Bà con rất tin đảng viên nói thật, làm thật; chỉ cần một việc hứa không làm là mất lòng tin.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: mỗi đảng viên là một cán bộ dân vận; chi bộ tiếp tục duy trì phân công đảng viên phụ trách hộ và nhân rộng mô hình \"Dân vận khéo\".",
			"Chi bộ thống nhất tăng cường nắm tình hình, giải quyết kịp thời kiến nghị của nhân dân, không để phát sinh điểm nóng.",
			"Kết luận: chi bộ xây dựng mô hình \"Dân vận khéo\" về giữ gìn vệ sinh ở {ngo}; đảng viên gương mẫu, kiên trì vận động, không áp đặt.",
		},
		resolutions: []string{
			"Duy trì phân công đảng viên phụ trách hộ gia đình; báo cáo tình hình hằng tháng.",
			"Xây dựng một mô hình \"Dân vận khéo\" của chi bộ trong năm {nam}.",
			"Tổ chức đối thoại với nhân dân về các khoản đóng góp trong năm {nam}.",
			"Kiên trì vận động các hộ ở {ngo} đồng thuận với chủ trương chỉnh trang.",
		},
	},
	"kinh_te_xa_hoi": {
		paper: []string{
			"Đề dẫn đánh giá vai trò lãnh đạo của chi bộ trong xây dựng {tdp} kiểu mẫu: giữ gìn an ninh trật tự, vệ sinh môi trường, giảm nghèo, đền ơn đáp nghĩa, từ thiện; đề ra các chỉ tiêu năm {nam}.",
			"Đề dẫn trình bày kết quả giảm nghèo và chăm lo gia đình chính sách trên địa bàn, những khó khăn và giải pháp huy động nguồn lực xã hội.",
			"Đề dẫn đánh giá tình hình an ninh trật tự, vệ sinh môi trường ở {tdp}; nêu những tồn tại ở {ngo} và đề xuất các việc chi bộ lãnh đạo trong thời gian tới.",
		},
		speeches: []string{
			"Tôi đề nghị đặt chỉ tiêu không còn hộ nghèo trên địa bàn vào cuối năm, chi bộ phân công đảng viên giúp đỡ từng hộ.",
			"Xây dựng {tdp} kiểu mẫu cần bắt đầu từ những việc cụ thể: ngõ sạch, đèn sáng, không có tệ nạn.",
			"Đề nghị huy động các hộ kinh doanh trên {pho} cùng đóng góp cho quỹ từ thiện của {tdp}.",
			"Công tác đền ơn đáp nghĩa cần duy trì thường xuyên, không chỉ vào dịp lễ.",
			"Tôi đề nghị lắp camera an ninh tại các đầu ngõ bằng nguồn xã hội hóa, nhiều nơi đã làm rất hiệu quả.",
			"Đề dẫn đã nêu rõ các chỉ tiêu; tôi nhất trí và xin nhận phụ trách vận động ở {ngo}.",
			"Tôi đề nghị huy động các hộ khá giả giúp đỡ hộ {ho_dan} cải tạo nhà ở trước mùa mưa.",
			"Đề nghị chi bộ phối hợp với công an {cap} duy trì tổ an ninh tự quản, nhất là ở {ngo}.",
			"Giảm nghèo bền vững phải giúp các hộ có việc làm, không chỉ hỗ trợ tiền, gạo.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: chi bộ thống nhất các chỉ tiêu xây dựng {tdp} kiểu mẫu, phân công đảng viên phụ trách từng lĩnh vực và kiểm điểm hằng quý.",
			"Chi bộ thống nhất huy động nguồn lực xã hội cho giảm nghèo, đền ơn đáp nghĩa; công khai việc sử dụng các nguồn đóng góp.",
			"Kết luận: chi bộ tập trung lãnh đạo giữ gìn an ninh trật tự và vệ sinh môi trường ở {ngo}; huy động {tien} từ nguồn xã hội hóa để làm các công trình nhỏ.",
		},
		resolutions: []string{
			"Phấn đấu xây dựng {tdp} đạt tiêu chí kiểu mẫu trong năm {nam}.",
			"Mỗi đảng viên nhận giúp đỡ ít nhất một hộ khó khăn.",
			"Giúp đỡ {ho_dan} cải tạo nhà ở trước mùa mưa bão.",
			"Duy trì tổ an ninh tự quản và tổ vệ sinh môi trường của {tdp}.",
		},
	},
	"dan_chu": {
		paper: []string{
			"Đề dẫn nêu yêu cầu thực hiện dân chủ ở cơ sở theo phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\"; đánh giá việc thực hiện hương ước, quy ước và xây dựng môi trường văn hóa ở khu dân cư.",
			"Đề dẫn đánh giá việc thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội; đề xuất sửa đổi quy ước của {tdp}.",
			"Đề dẫn đánh giá việc tổ chức hội nghị nhân dân, công khai các khoản đóng góp và hoạt động của ban thanh tra nhân dân ở {tdp} trong năm {nam}.",
		},
		speeches: []string{
			"Tôi đề nghị mọi khoản đóng góp của nhân dân đều phải được bàn bạc công khai tại hội nghị nhân dân.",
			"Quy ước của {tdp} đã ban hành lâu, một số nội dung không còn phù hợp; đề nghị sửa đổi, bổ sung.",
			"Việc tang ở địa bàn đã văn minh hơn, không còn để quá 48 giờ, không rải vàng mã trên đường.",
			"Đề nghị chi bộ lắng nghe ý kiến của nhân dân qua các kênh, kể cả nhóm Zalo của khu dân cư.",
			"Đảng viên phải gương mẫu tổ chức việc cưới, việc tang tiết kiệm, đúng quy ước.",
			"Tôi đề nghị ban thanh tra nhân dân được tạo điều kiện giám sát các công trình do nhân dân đóng góp.",
			"Đề nghị công khai danh sách các hộ đóng góp xây dựng nhà văn hóa trên bảng tin của {tdp}.",
			"Quy ước nên bổ sung nội dung về giữ gìn vệ sinh, không để vật nuôi gây ảnh hưởng đến hàng xóm.",
			"Tôi đề nghị ban thanh tra nhân dân báo cáo kết quả giám sát tại hội nghị nhân dân cuối năm.",
		},
		conclusions: []string{
			"Đồng chí chủ trì kết luận: chi bộ lãnh đạo thực hiện tốt dân chủ ở cơ sở, công khai các khoản đóng góp; giao chi ủy phối hợp với {tdp} sửa đổi quy ước.",
			"Chi bộ thống nhất đảng viên gương mẫu thực hiện nếp sống văn minh, vận động gia đình và nhân dân cùng thực hiện.",
			"Kết luận: mọi chủ trương liên quan đến nhân dân ở {tdp} phải được bàn bạc công khai; chi bộ giao {dv} phối hợp với ban thanh tra nhân dân giám sát.",
		},
		resolutions: []string{
			"Phối hợp sửa đổi, bổ sung quy ước của {tdp}, lấy ý kiến nhân dân trước khi ban hành.",
			"Công khai các khoản đóng góp của nhân dân tại nhà văn hóa.",
			"Ban thanh tra nhân dân giám sát các công trình do nhân dân đóng góp.",
			"Bổ sung quy ước về giữ gìn vệ sinh và quản lý vật nuôi.",
		},
	},
}

// extraTexts is what an extraordinary meeting called for a matter hears.
// %s is the member or candidate concerned.
type extraTexts struct {
	reasons     []string // why the meeting was called (opening)
	content     []string
	speeches    []string
	conclusions []string
	resolution  string // "" when nothing is voted
}

var extraBank = map[string]extraTexts{
	"ket_nap": {
		reasons: []string{
			"Chi bộ họp bất thường để xem xét, đề nghị kết nạp quần chúng %s vào Đảng.",
			"Theo đề nghị của chi ủy, chi bộ họp để xét hồ sơ đề nghị kết nạp đảng đối với quần chúng %s.",
			"Chi bộ họp xét kết nạp đảng viên mới: quần chúng %s, đã qua lớp bồi dưỡng nhận thức về Đảng.",
		},
		content: []string{
			"Đồng chí bí thư báo cáo tóm tắt lý lịch, quá trình phấn đấu của quần chúng %s; ý kiến nhận xét của các đoàn thể và chi ủy nơi cư trú; kết quả thẩm tra lý lịch đủ điều kiện.",
			"Đảng viên được phân công giúp đỡ báo cáo quá trình theo dõi, giúp đỡ quần chúng %s trong {n2} tháng; quần chúng đã học lớp bồi dưỡng nhận thức về Đảng và có giấy chứng nhận.",
			"Chi ủy báo cáo ý kiến nhận xét của {n} tổ chức đoàn thể và của chi ủy nơi cư trú đối với quần chúng %s; các ý kiến đều đồng tình đề nghị kết nạp.",
			"Quần chúng %s trình bày nhận thức về Đảng, động cơ phấn đấu vào Đảng và những việc đã làm được trong thời gian qua.",
		},
		speeches: []string{
			"Tôi được phân công giúp đỡ quần chúng, thấy đồng chí có lập trường tư tưởng vững vàng, hoàn thành tốt nhiệm vụ, được quần chúng tín nhiệm.",
			"Nhất trí đề nghị kết nạp. Đề nghị quần chúng tiếp tục rèn luyện, phát huy vai trò sau khi được kết nạp.",
			"Quần chúng có gia đình gương mẫu chấp hành chủ trương, chính sách ở nơi cư trú; tôi nhất trí đề nghị kết nạp.",
			"Qua theo dõi, quần chúng tích cực trong công tác Đoàn, nhiệt tình với các hoạt động chung; đề nghị chú ý rèn luyện thêm tác phong.",
			"Tôi đã cùng {dv} đến gia đình quần chúng tìm hiểu, bố mẹ đều chấp hành tốt chủ trương ở địa phương.",
			"Hồ sơ đã đầy đủ theo quy định; tôi nhất trí và đề nghị chi ủy hoàn thiện thủ tục gửi Đảng ủy trong tháng.",
		},
		conclusions: []string{
			"Chi bộ thống nhất đề nghị cấp ủy cấp trên xem xét, quyết định kết nạp quần chúng %s vào Đảng.",
			"Đồng chí chủ trì kết luận: quần chúng %s đủ tiêu chuẩn, điều kiện; chi ủy hoàn thiện hồ sơ, báo cáo cấp ủy cấp trên xem xét, quyết định kết nạp.",
		},
		resolution: "Đề nghị kết nạp quần chúng %s vào Đảng Cộng sản Việt Nam.",
	},
	"chinh_thuc": {
		reasons: []string{
			"Chi bộ họp bất thường để xét, đề nghị công nhận đảng viên chính thức đối với đồng chí %s.",
			"Đồng chí %s hết thời gian dự bị; chi bộ họp để xét, đề nghị công nhận đảng viên chính thức.",
			"Chi bộ họp xét chuyển đảng chính thức cho đảng viên dự bị %s theo quy định của Điều lệ Đảng.",
		},
		content: []string{
			"Đồng chí %s đọc bản tự kiểm điểm trong thời gian dự bị; đảng viên giúp đỡ báo cáo nhận xét; chi ủy báo cáo ý kiến của các đoàn thể và nơi cư trú.",
			"Trong thời gian dự bị, đồng chí %s chấp hành tốt Điều lệ Đảng, hoàn thành tốt nhiệm vụ được giao, giữ gìn phẩm chất đạo đức, lối sống.",
			"Chi ủy báo cáo: đồng chí %s đã học lớp bồi dưỡng đảng viên mới, tham gia đầy đủ {n2} buổi sinh hoạt, đóng đảng phí đầy đủ trong thời gian dự bị.",
			"Đảng viên giúp đỡ nhận xét đồng chí %s tiến bộ về nhận thức, tích cực nhận và hoàn thành nhiệm vụ chi bộ giao, được nhân dân nơi cư trú tín nhiệm.",
		},
		speeches: []string{
			"Tôi là đảng viên giúp đỡ, thấy đồng chí tiến bộ rõ, tích cực tham gia sinh hoạt và các hoạt động của chi bộ.",
			"Nhất trí đề nghị công nhận đảng viên chính thức. Đề nghị đồng chí tiếp tục phát huy ưu điểm, khắc phục tính còn rụt rè khi phát biểu.",
			"Đồng chí đã đóng đảng phí đầy đủ, tham gia sinh hoạt đều; tôi nhất trí đề nghị công nhận.",
			"Trong năm qua đồng chí đã hoàn thành tốt nhiệm vụ {dv} giao về công tác vận động các hộ; tôi nhất trí.",
			"Đề nghị đồng chí sau khi được công nhận tiếp tục nhận thêm nhiệm vụ ở {tdp}, nhất là công tác thanh niên.",
		},
		conclusions: []string{
			"Chi bộ thống nhất đề nghị cấp ủy cấp trên công nhận đảng viên chính thức cho đồng chí %s.",
			"Đồng chí chủ trì kết luận: đồng chí %s đủ điều kiện công nhận đảng viên chính thức; chi ủy hoàn thiện hồ sơ trong tuần, gửi cấp ủy cấp trên.",
		},
		resolution: "Đề nghị công nhận đảng viên chính thức đối với đồng chí %s.",
	},
	"ky_luat": {
		reasons: []string{
			"Chi bộ họp bất thường để xem xét trách nhiệm và đề nghị hình thức xử lý đối với đảng viên %s.",
			"Chi bộ họp để kiểm điểm, xem xét vi phạm của đảng viên %s theo đề nghị của Ủy ban Kiểm tra cấp trên.",
		},
		content: []string{
			"Chi ủy báo cáo nội dung vi phạm và kết quả xác minh; đảng viên %s trình bày bản tự kiểm điểm, nhận khuyết điểm.",
			"Chi bộ xem xét nội dung, tính chất, mức độ, tác hại và nguyên nhân vi phạm của đảng viên %s theo quy định của Đảng.",
			"Đồng chí bí thư thông báo văn bản của cơ quan có thẩm quyền về vụ việc liên quan đến đảng viên %s; chi bộ nghe đảng viên trình bày.",
		},
		speeches: []string{
			"Vi phạm của đồng chí là nghiêm trọng, ảnh hưởng đến uy tín của chi bộ; tôi đề nghị xử lý nghiêm theo quy định.",
			"Đồng chí đã nhận khuyết điểm, có thái độ cầu thị; đề nghị chi bộ xem xét các tình tiết giảm nhẹ.",
			"Đề nghị chi bộ rút kinh nghiệm chung về công tác quản lý đảng viên.",
			"Tôi đề nghị chi ủy tiếp tục theo dõi, giúp đỡ đồng chí trong thời gian chờ quyết định của cấp trên.",
		},
		conclusions: []string{
			"Chi bộ thống nhất báo cáo cấp ủy cấp trên xem xét, quyết định hình thức xử lý đối với đảng viên %s; trong thời gian chờ quyết định, đề nghị đình chỉ sinh hoạt đảng theo quy định.",
			"Đồng chí chủ trì kết luận: chi bộ thống nhất đề nghị cấp trên xem xét xử lý kỷ luật đảng viên %s; giao chi ủy hoàn thiện hồ sơ.",
		},
		resolution: "Đề nghị cấp ủy cấp trên xem xét, xử lý kỷ luật đối với đảng viên %s.",
	},
	"dai_hoi": {
		reasons: []string{
			"Chi bộ họp bất thường để chuẩn bị đại hội chi bộ nhiệm kỳ mới.",
			"Chi bộ họp để cho ý kiến vào dự thảo văn kiện và đề án nhân sự đại hội chi bộ.",
		},
		content: []string{
			"Chi ủy báo cáo dự thảo báo cáo chính trị, báo cáo kiểm điểm của chi ủy nhiệm kỳ qua; dự kiến phương hướng, chỉ tiêu nhiệm kỳ mới.",
			"Chi bộ thảo luận đề án nhân sự chi ủy, bí thư, phó bí thư nhiệm kỳ mới và thời gian, địa điểm tổ chức đại hội.",
			"Chi ủy báo cáo kết quả thực hiện {n2} chỉ tiêu của nghị quyết đại hội nhiệm kỳ trước và dự kiến các chỉ tiêu nhiệm kỳ tới.",
		},
		speeches: []string{
			"Báo cáo chính trị cần đánh giá đúng những chỉ tiêu chưa đạt, không chỉ nêu thành tích.",
			"Tôi đề nghị chỉ tiêu phát triển đảng viên nhiệm kỳ tới cần sát với thực tế của chi bộ.",
			"Nhất trí với dự kiến nhân sự; đề nghị quan tâm cơ cấu đảng viên trẻ trong chi ủy.",
			"Đề nghị bổ sung vào báo cáo phần đánh giá công tác dân vận và kết quả giúp đỡ các hộ khó khăn.",
		},
		conclusions: []string{
			"Chi bộ thống nhất các văn kiện và đề án nhân sự trình đại hội; giao chi ủy hoàn chỉnh, báo cáo cấp ủy cấp trên.",
			"Đồng chí chủ trì kết luận: chi ủy tiếp thu ý kiến, hoàn chỉnh văn kiện trước ngày {ngay_toi}; phân công {dv} chuẩn bị công tác tổ chức đại hội.",
		},
		resolution: "Thông qua dự thảo văn kiện và đề án nhân sự trình đại hội chi bộ.",
	},
	"dot_xuat": {
		reasons: []string{
			"Chi bộ họp bất thường để triển khai nhiệm vụ đột xuất theo chỉ đạo của cấp ủy cấp trên.",
			"Chi bộ họp đột xuất để bàn các biện pháp ứng phó với mưa bão, úng ngập trên địa bàn.",
			"Chi bộ họp bất thường để lấy ý kiến đảng viên vào văn bản của cấp trên theo yêu cầu gấp.",
		},
		content: []string{
			"Đồng chí bí thư thông báo chỉ đạo của cấp ủy cấp trên và yêu cầu của nhiệm vụ đột xuất; chi bộ bàn phân công đảng viên tham gia.",
			"Chi bộ thảo luận phương án huy động đảng viên, quần chúng tham gia; thời gian hoàn thành và đồng chí chịu trách nhiệm.",
			"Chi bộ rà soát các hộ ở khu vực trũng thấp, nhà cũ xuống cấp ở {ngo}; phân công đảng viên hỗ trợ di chuyển tài sản khi cần.",
		},
		speeches: []string{
			"Tôi nhất trí và xin nhận nhiệm vụ ngay trong tuần này.",
			"Đề nghị phân công cụ thể theo từng khu vực để không chồng chéo.",
			"Đảng viên cần gương mẫu đi đầu, vận động gia đình cùng tham gia.",
			"Tôi đề nghị lập danh sách số điện thoại của các đảng viên để liên lạc khi có việc gấp.",
			"Khu vực {ngo} có nhiều hộ người cao tuổi ở một mình, đề nghị ưu tiên hỗ trợ.",
		},
		conclusions: []string{
			"Chi bộ thống nhất phân công đảng viên thực hiện nhiệm vụ đột xuất; chi ủy theo dõi, báo cáo kết quả với cấp ủy cấp trên.",
			"Đồng chí chủ trì kết luận: mỗi đảng viên thực hiện ngay phần việc được phân công; {dv} tổng hợp kết quả, báo cáo chi ủy.",
		},
	},
}
