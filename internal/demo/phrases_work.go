package demo

// The matters of cells in workplaces: agencies, police, army, schools,
// hospitals and health stations, enterprises.

var agencyBank = &phraseBank{
	situation: []string{
		"Trong tháng, cơ quan tiếp nhận {so} hồ sơ thủ tục hành chính, giải quyết đúng hạn đạt {pct}; còn {n} hồ sơ quá hạn do phải xác minh.",
		"Tỷ lệ hồ sơ nộp trực tuyến qua Cổng dịch vụ công đạt {pct}, tăng so với tháng trước.",
		"Cơ quan tiếp {n2} lượt công dân, nhận {n} đơn kiến nghị, phản ánh; đã chuyển các đơn vị chuyên môn giải quyết theo thẩm quyền.",
		"Tư tưởng cán bộ, công chức ổn định; một số đồng chí còn băn khoăn về vị trí việc làm sau khi sắp xếp tổ chức bộ máy.",
		"Cơ quan triển khai ứng dụng văn bản điện tử, ký số; {pct} văn bản đi được phát hành trên môi trường mạng.",
		"Khối lượng công việc tăng do tập trung giải quyết hồ sơ đất đai tồn đọng; nhiều đồng chí phải làm thêm giờ.",
		"Công tác thu ngân sách trên địa bàn đạt {pct} dự toán; tiến độ giải ngân vốn đầu tư công còn chậm ở một số dự án.",
		"Cơ quan được đoàn kiểm tra của cấp trên đánh giá cao về công tác cải cách hành chính, còn một số tồn tại về lưu trữ hồ sơ.",
		"Việc thực hiện văn hóa công sở có chuyển biến; không có cán bộ vi phạm giờ giấc làm việc.",
		"Cơ quan phối hợp chuẩn bị nội dung kỳ họp Hội đồng nhân dân; dự thảo {n} báo cáo, tờ trình trình kỳ họp.",
	},
	results: []string{
		"Hoàn thành {pct} kế hoạch công tác tháng; giải quyết đúng hạn {so} hồ sơ.",
		"Tham mưu ban hành {n} văn bản chỉ đạo, điều hành đúng tiến độ.",
		"Tổ chức thành công hội nghị sơ kết công tác; đề xuất khen thưởng {n} tập thể, {n2} cá nhân.",
		"Hoàn thành rà soát, chuẩn hóa {n2} thủ tục hành chính thuộc thẩm quyền.",
		"Thực hiện nghiêm quy chế chi tiêu nội bộ, tiết kiệm {pct} chi thường xuyên so với dự toán.",
		"Hoàn thành số hóa {so} hồ sơ lưu trữ, phục vụ tra cứu trên hệ thống.",
		"Nghị quyết tháng trước được triển khai đầy đủ, các đảng viên hoàn thành nhiệm vụ chuyên môn được giao.",
		"Không có đơn thư khiếu nại vượt cấp liên quan đến lĩnh vực cơ quan phụ trách.",
		"Hoàn thành kiểm tra, giám sát {n} cơ sở theo kế hoạch.",
	},
	shortfalls: []string{
		"Hạn chế: còn {n} hồ sơ giải quyết quá hạn, chưa có văn bản xin lỗi công dân kịp thời.",
		"Việc cập nhật dữ liệu lên hệ thống phần mềm dùng chung còn chậm.",
		"Một số đảng viên chưa chủ động đề xuất giải pháp, còn trông chờ chỉ đạo của lãnh đạo.",
		"Tiến độ một số nhiệm vụ cấp trên giao còn chậm do thiếu nhân lực.",
		"Chất lượng một số văn bản tham mưu chưa cao, phải chỉnh sửa nhiều lần.",
	},
	tasks: []string{
		"Tập trung giải quyết dứt điểm các hồ sơ tồn đọng; không để phát sinh hồ sơ quá hạn.",
		"Đẩy mạnh chuyển đổi số, nâng tỷ lệ hồ sơ trực tuyến toàn trình lên trên {pct}.",
		"Chuẩn bị nội dung báo cáo sơ kết, tổng kết theo yêu cầu của cấp trên trước ngày {ngay_toi}.",
		"Thực hiện nghiêm kỷ luật, kỷ cương hành chính và văn hóa công sở.",
		"Phân công {dv} theo dõi, đôn đốc tiến độ các nhiệm vụ trọng tâm của cơ quan.",
		"Tăng cường công tác tiếp công dân, giải quyết đơn thư đúng quy định.",
		"Thực hành tiết kiệm, chống lãng phí trong sử dụng tài sản công, điện, nước.",
		"Tổ chức cho đảng viên học tập, quán triệt các văn bản mới của cấp trên.",
		"Phối hợp với công đoàn chăm lo đời sống, tổ chức hoạt động cho cán bộ, công chức.",
		"Rà soát quy hoạch cán bộ, đề xuất cử đi đào tạo, bồi dưỡng.",
		"Chuẩn bị tốt nội dung kiểm tra, giám sát theo kế hoạch của cấp ủy cấp trên.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị chi bộ chỉ rõ bộ phận nào để hồ sơ quá hạn và trách nhiệm của đảng viên phụ trách.",
		"Khối lượng việc lớn trong khi biên chế giảm; đề nghị lãnh đạo cơ quan sắp xếp, phân công lại công việc cho hợp lý.",
		"Đề nghị tăng cường ứng dụng phần mềm để theo dõi tiến độ hồ sơ, tránh phụ thuộc vào sổ sách.",
		"Tôi đề nghị chi bộ quan tâm hơn đến công tác tư tưởng của cán bộ sau sắp xếp, có đồng chí đang lo lắng về vị trí việc làm.",
		"Việc tiếp công dân cần nhẹ nhàng, giải thích rõ ràng, tránh để người dân phải đi lại nhiều lần.",
		"Tôi xin nhận trách nhiệm về {n} hồ sơ chậm trong tháng và cam kết hoàn thành trước ngày {ngay_toi}.",
		"Đề nghị công khai kết quả giải quyết hồ sơ của từng bộ phận hằng tháng để đảng viên tự soi, tự sửa.",
		"Nhất trí với nhiệm vụ tháng tới. Đề nghị bổ sung nội dung kiểm tra việc thực hiện quy chế dân chủ ở cơ quan.",
		"Đảng viên cần gương mẫu về giờ giấc và thái độ phục vụ nhân dân; tôi đề nghị chi bộ phê bình thẳng thắn nếu có vi phạm.",
		"Về chuyển đổi số, cần tập huấn kỹ năng cho các đồng chí lớn tuổi, không nên để tình trạng nhờ người khác ký số hộ.",
		"Đề nghị chi bộ quan tâm công tác phát triển đảng viên trong số quần chúng ưu tú là viên chức trẻ của cơ quan.",
		"Tôi đề nghị nghị quyết ghi rõ thời hạn và người chịu trách nhiệm từng nhiệm vụ để tháng sau kiểm điểm.",
		"Việc tiết kiệm điện cần thực hiện nghiêm hơn, nhiều phòng vẫn bật điều hòa khi không có người.",
		"Cơ quan nên tổ chức đối thoại định kỳ giữa lãnh đạo và cán bộ để nắm tâm tư, nguyện vọng.",
	},
	resolutions: []string{
		"Hoàn thành các nhiệm vụ chuyên môn trong {ky_toi}, không để hồ sơ quá hạn.",
		"Nâng cao chất lượng tham mưu, bảo đảm văn bản đúng thể thức, đúng thời hạn.",
		"Đẩy mạnh cải cách hành chính và chuyển đổi số trong hoạt động của cơ quan.",
		"Thực hiện nghiêm kỷ luật, kỷ cương hành chính; đảng viên gương mẫu về tinh thần, thái độ phục vụ nhân dân.",
		"Thực hành tiết kiệm, chống lãng phí; quản lý, sử dụng tài sản công đúng quy định.",
		"Làm tốt công tác tư tưởng, chăm lo đời sống cán bộ, công chức, người lao động.",
		"Thực hiện tốt công tác kiểm tra, giám sát theo chương trình của chi bộ.",
		"Quan tâm bồi dưỡng, giới thiệu quần chúng ưu tú để xem xét kết nạp vào Đảng.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá chi bộ đã lãnh đạo cơ quan hoàn thành tốt nhiệm vụ chuyên môn; đề nghị khắc phục ngay tình trạng hồ sơ quá hạn.",
		"Chi bộ thống nhất các nhiệm vụ trọng tâm; giao chi ủy phối hợp với lãnh đạo cơ quan cụ thể hóa thành kế hoạch công tác tháng.",
		"Đồng chí chủ trì ghi nhận các ý kiến thẳng thắn; đề nghị mỗi đảng viên nêu cao trách nhiệm, nói đi đôi với làm.",
		"Kết luận: tháng tới tập trung vào cải cách hành chính, chuyển đổi số và công tác tư tưởng của cán bộ; cuối tháng chi bộ kiểm điểm việc thực hiện.",
		"Đồng chí chủ trì yêu cầu đảng viên giữ vững kỷ luật, kỷ cương, không để xảy ra sai sót trong thực thi công vụ.",
		"Chi bộ thống nhất cao với dự thảo nghị quyết sau khi bổ sung ý kiến về thời hạn và người phụ trách từng việc.",
	},
}

var policeBank = &phraseBank{
	situation: []string{
		"Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định; xảy ra {n} vụ trộm cắp tài sản, đã điều tra làm rõ {n} vụ.",
		"Trong tháng, đơn vị tổ chức {n2} ca tuần tra, kiểm soát; lập biên bản xử lý {n2} trường hợp vi phạm nồng độ cồn.",
		"Tình hình tai nạn giao thông giảm cả ba tiêu chí so với cùng kỳ; còn {n} vụ va chạm giao thông tại nút giao trên {pho}.",
		"Tiếp tục triển khai Đề án 06: thu nhận {so} hồ sơ cấp căn cước, kích hoạt {so} tài khoản định danh điện tử.",
		"Xuất hiện thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng, giả danh cơ quan công an gọi điện cho người dân.",
		"Tư tưởng cán bộ, chiến sĩ ổn định, chấp hành nghiêm điều lệnh, kỷ luật; không có trường hợp vi phạm.",
		"Đơn vị bảo đảm tuyệt đối an toàn các sự kiện chính trị, văn hóa diễn ra trên địa bàn trong tháng.",
		"Công tác phòng cháy, chữa cháy được tăng cường; kiểm tra {n2} cơ sở kinh doanh, nhà trọ, yêu cầu khắc phục {n} cơ sở.",
		"Tình hình tội phạm ma túy diễn biến phức tạp; đơn vị phát hiện, bắt giữ {n} đối tượng tàng trữ trái phép chất ma túy.",
	},
	results: []string{
		"Hoàn thành {pct} chỉ tiêu công tác tháng; không để xảy ra vụ việc phức tạp, bất ngờ.",
		"Triệt phá {n} ổ nhóm tội phạm, bắt giữ {n} đối tượng, chuyển cơ quan điều tra xử lý.",
		"Tổ chức tuyên truyền phòng chống lừa đảo trực tuyến tại {n} khu dân cư với {so} lượt người tham dự.",
		"Xử lý {so} trường hợp vi phạm trật tự an toàn giao thông, nộp kho bạc {tien}.",
		"Hoàn thành làm sạch dữ liệu dân cư trên địa bàn theo yêu cầu của cấp trên.",
		"Đơn vị duy trì nghiêm chế độ trực ban, trực chiến, sẵn sàng chiến đấu 24/24 giờ.",
		"Nghị quyết tháng trước được triển khai đầy đủ; cán bộ, chiến sĩ hoàn thành nhiệm vụ được giao.",
		"Tổ chức huấn luyện điều lệnh, võ thuật, bắn súng cho {n2} cán bộ, chiến sĩ.",
	},
	shortfalls: []string{
		"Hạn chế: tỷ lệ điều tra, khám phá các vụ trộm cắp tài sản chưa cao.",
		"Công tác nắm tình hình ở một số địa bàn trọng điểm có lúc chưa sâu.",
		"Việc cập nhật hồ sơ nghiệp vụ còn chậm so với yêu cầu.",
		"Một số cán bộ trẻ còn lúng túng khi tiếp xúc, giải quyết vụ việc với nhân dân.",
	},
	tasks: []string{
		"Tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự, nhất là vào ban đêm và dịp cuối tuần.",
		"Đấu tranh, trấn áp các loại tội phạm, nhất là tội phạm trộm cắp, ma túy, lừa đảo qua mạng.",
		"Tiếp tục thực hiện Đề án 06; hướng dẫn nhân dân sử dụng các tiện ích của ứng dụng VNeID.",
		"Kiểm tra an toàn phòng cháy, chữa cháy tại các nhà trọ, cơ sở kinh doanh có nguy cơ cháy nổ cao.",
		"Giao {dv} phụ trách công tác tuyên truyền phòng chống tội phạm tại các khu dân cư.",
		"Duy trì nghiêm chế độ trực, sẵn sàng chiến đấu; bảo đảm an toàn các sự kiện trong {ky_toi}.",
		"Thực hiện tốt cuộc vận động xây dựng phong cách người Công an nhân dân \"Bản lĩnh, nhân văn, vì nhân dân phục vụ\".",
		"Rèn luyện điều lệnh, võ thuật; giữ nghiêm kỷ luật, không để cán bộ vi phạm.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị tăng cường lực lượng tuần tra tại {pho} vào khung giờ từ 23 giờ đến 2 giờ sáng.",
		"Thủ đoạn lừa đảo qua mạng ngày càng tinh vi; đề nghị phối hợp với các tổ dân phố tuyên truyền trực tiếp cho người cao tuổi.",
		"Đề nghị chi bộ quan tâm đến chế độ nghỉ ngơi của chiến sĩ, nhiều đồng chí trực liên tục dịp lễ.",
		"Tôi đề nghị rút kinh nghiệm vụ việc vừa qua: tiếp nhận tin báo chậm, xử lý chưa dứt điểm.",
		"Cán bộ, chiến sĩ cần thực hiện nghiêm \"Sáu điều Bác Hồ dạy Công an nhân dân\", nhất là thái độ với nhân dân.",
		"Đề nghị đơn vị tổ chức tập huấn nghiệp vụ xử lý tình huống cho các đồng chí mới ra trường.",
		"Nhất trí với dự thảo nghị quyết; tôi xin nhận nhiệm vụ phối hợp với các tổ an ninh tự quản ở khu dân cư.",
		"Việc kiểm tra phòng cháy các nhà trọ cần kiên quyết xử lý các cơ sở tái phạm, không chỉ nhắc nhở.",
		"Đề nghị đẩy nhanh làm sạch dữ liệu dân cư để phục vụ người dân làm thủ tục được thuận lợi.",
		"Tôi thấy phong trào toàn dân bảo vệ an ninh Tổ quốc ở một số khu dân cư còn hình thức, cần có mô hình hiệu quả.",
		"Đảng viên trong chi bộ phải gương mẫu chấp hành luật giao thông, không vi phạm nồng độ cồn.",
		"Đề nghị chi bộ quan tâm bồi dưỡng, phát triển đảng viên trong số chiến sĩ trẻ có thành tích tốt.",
	},
	resolutions: []string{
		"Bảo đảm an ninh chính trị, trật tự an toàn xã hội trên địa bàn trong {ky_toi}.",
		"Tăng cường đấu tranh phòng chống tội phạm; nâng cao tỷ lệ điều tra, khám phá án.",
		"Tiếp tục thực hiện hiệu quả Đề án 06 và công tác quản lý cư trú.",
		"Duy trì nghiêm chế độ trực, sẵn sàng chiến đấu; cán bộ, chiến sĩ chấp hành nghiêm điều lệnh, kỷ luật.",
		"Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc.",
		"Thực hiện tốt công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ.",
		"Xây dựng chi bộ trong sạch, vững mạnh; đơn vị vững mạnh toàn diện.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá cao tinh thần trách nhiệm của cán bộ, chiến sĩ; yêu cầu tiếp tục giữ vững an ninh trật tự trên địa bàn.",
		"Chi bộ thống nhất các nhiệm vụ trọng tâm; giao chi ủy phối hợp với chỉ huy đơn vị triển khai thực hiện.",
		"Kết luận: tháng tới tập trung đấu tranh với tội phạm trộm cắp, lừa đảo qua mạng và bảo đảm an toàn phòng cháy, chữa cháy.",
		"Đồng chí chủ trì nhấn mạnh mỗi đảng viên phải gương mẫu, giữ nghiêm kỷ luật, gần dân, vì nhân dân phục vụ.",
		"Chi bộ ghi nhận các ý kiến đóng góp; những vấn đề vượt thẩm quyền, chi ủy báo cáo Đảng ủy cấp trên.",
	},
}

var armyBank = &phraseBank{
	situation: []string{
		"Đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu; tình hình chính trị, tư tưởng của cán bộ, chiến sĩ và dân quân ổn định.",
		"Trong tháng tổ chức huấn luyện cho {n2} dân quân năm thứ nhất; kết quả kiểm tra đạt yêu cầu, {pct} khá, giỏi.",
		"@4|Triển khai đăng ký nghĩa vụ quân sự cho công dân nam đủ 17 tuổi; đã đăng ký {n2} công dân.",
		"Phối hợp với công an tuần tra, bảo đảm an ninh trật tự trong các ngày lễ trên địa bàn.",
		"Rà soát nguồn công dân sẵn sàng nhập ngũ năm {nam}; còn {n} trường hợp đang xác minh hoàn cảnh.",
		"Thực hiện công tác hậu phương quân đội: thăm hỏi {n} gia đình có quân nhân đang tại ngũ.",
		"Lực lượng dân quân tham gia phòng chống lụt bão, ứng cứu kịp thời tại {ngo}.",
	},
	results: []string{
		"Hoàn thành {pct} kế hoạch huấn luyện tháng; bảo đảm an toàn tuyệt đối người, vũ khí, trang bị.",
		"@10,11,12|Tổ chức khám sơ tuyển nghĩa vụ quân sự cho {n2} công dân.",
		"Duy trì nghiêm chế độ trực chỉ huy, trực sẵn sàng chiến đấu.",
		"Nghị quyết tháng trước được thực hiện đầy đủ; không có cán bộ, chiến sĩ vi phạm kỷ luật.",
		"Hoàn thành diễn tập phòng chống thiên tai, tìm kiếm cứu nạn theo kế hoạch.",
		"Tổ chức giáo dục chính trị, pháp luật cho lực lượng dân quân.",
	},
	shortfalls: []string{
		"Hạn chế: một số dân quân còn bận việc riêng, tham gia huấn luyện chưa đầy đủ.",
		"Việc cập nhật hồ sơ quản lý quân nhân dự bị còn chậm.",
		"Cơ sở vật chất phục vụ huấn luyện còn thiếu.",
	},
	tasks: []string{
		"Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, nắm chắc tình hình địa bàn.",
		"Hoàn thành huấn luyện dân quân theo kế hoạch; kiểm tra, đánh giá kết quả trước ngày {ngay_toi}.",
		"Chuẩn bị tốt công tác tuyển chọn và gọi công dân nhập ngũ.",
		"Giao {dv} phụ trách công tác chính sách hậu phương quân đội.",
		"Sẵn sàng lực lượng tham gia phòng chống thiên tai, cứu hộ, cứu nạn.",
		"Quản lý chặt chẽ vũ khí, trang bị, bảo đảm an toàn kho tàng.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị quan tâm hơn đến chế độ cho dân quân tham gia huấn luyện dài ngày.",
		"Công tác tuyển quân năm nay cần làm kỹ từ khâu sơ tuyển, tránh để công dân đủ điều kiện trốn tránh.",
		"Tôi đề nghị tổ chức rút kinh nghiệm buổi diễn tập vừa qua, một số khâu phối hợp còn chậm.",
		"Đảng viên trong đơn vị cần gương mẫu trong huấn luyện và chấp hành kỷ luật.",
		"Đề nghị phối hợp chặt chẽ với công an và các tổ dân phố trong công tác tuần tra dịp lễ, Tết.",
		"Tôi xin nhận nhiệm vụ theo dõi, giúp đỡ các gia đình có con đang tại ngũ gặp khó khăn.",
		"Việc bảo quản vũ khí cần kiểm tra thường xuyên, không để xảy ra mất an toàn.",
		"Đề nghị quan tâm phát triển đảng viên trong lực lượng dân quân có thành tích tốt.",
	},
	resolutions: []string{
		"Duy trì nghiêm chế độ trực sẵn sàng chiến đấu; không để bị động, bất ngờ.",
		"Hoàn thành kế hoạch huấn luyện dân quân tự vệ trong {ky_toi}.",
		"Làm tốt công tác tuyển quân và chính sách hậu phương quân đội.",
		"Xây dựng lực lượng dân quân vững mạnh, rộng khắp.",
		"Xây dựng chi bộ trong sạch, vững mạnh; đơn vị vững mạnh toàn diện.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá đơn vị hoàn thành tốt nhiệm vụ quân sự, quốc phòng địa phương; yêu cầu duy trì nghiêm chế độ trực.",
		"Chi bộ thống nhất các nhiệm vụ tháng tới; giao chi ủy phối hợp với chỉ huy trưởng cụ thể hóa kế hoạch.",
		"Kết luận: tập trung vào huấn luyện, tuyển quân và sẵn sàng phòng chống thiên tai; đảng viên gương mẫu đi đầu.",
		"Đồng chí chủ trì ghi nhận các ý kiến; đề nghị khắc phục ngay những hạn chế trong huấn luyện đã nêu.",
	},
}

var schoolBank = &phraseBank{
	situation: []string{
		"Nhà trường duy trì nền nếp dạy và học; tỷ lệ học sinh đi học chuyên cần đạt {pct}.",
		"Trong tháng, tổ chức {n2} tiết dự giờ, thao giảng; {pct} tiết được xếp loại khá, giỏi.",
		"Nhà trường tiếp tục thực hiện Chương trình giáo dục phổ thông 2018; một số giáo viên còn lúng túng với phương pháp dạy học mới.",
		"Phụ huynh phản ánh về khoản thu tự nguyện đầu năm; nhà trường đã công khai các khoản thu theo quy định.",
		"Cơ sở vật chất còn thiếu phòng học bộ môn; {n} phòng học xuống cấp cần sửa chữa.",
		"Tư tưởng cán bộ, giáo viên ổn định; đời sống còn khó khăn với giáo viên trẻ, hợp đồng.",
		"Công tác bán trú được duy trì tốt; bảo đảm an toàn vệ sinh thực phẩm cho {so} học sinh.",
		"Nhà trường có {n2} học sinh tham dự kỳ thi học sinh giỏi cấp quận; {n} học sinh đạt giải.",
	},
	results: []string{
		"Hoàn thành kế hoạch dạy học tháng; không có giáo viên vi phạm quy chế chuyên môn.",
		"Tổ chức thành công hội thi giáo viên dạy giỏi cấp trường với {n2} giáo viên tham gia.",
		"@10,11,3,4|Tổ chức kiểm tra giữa kỳ nghiêm túc, đúng quy chế; kết quả phản ánh đúng chất lượng.",
		"Làm tốt công tác phối hợp với cha mẹ học sinh; tổ chức họp phụ huynh toàn trường.",
		"Hoàn thành tự đánh giá kiểm định chất lượng giáo dục theo kế hoạch.",
		"Nghị quyết tháng trước được triển khai đầy đủ; đảng viên gương mẫu trong chuyên môn.",
		"Tổ chức các hoạt động ngoại khóa, giáo dục kỹ năng sống cho học sinh.",
		"Không để xảy ra tai nạn thương tích, bạo lực học đường trong nhà trường.",
	},
	shortfalls: []string{
		"Hạn chế: việc đổi mới phương pháp dạy học ở một số môn chưa đồng đều.",
		"Chất lượng mũi nhọn chưa tương xứng với tiềm năng của nhà trường.",
		"Ứng dụng công nghệ thông tin trong dạy học của một số giáo viên lớn tuổi còn hạn chế.",
		"Công tác phối hợp với phụ huynh ở một số lớp chưa thường xuyên.",
	},
	tasks: []string{
		"Tiếp tục đổi mới phương pháp dạy học, kiểm tra đánh giá theo Chương trình giáo dục phổ thông 2018.",
		"@12,1,4,5|Tổ chức ôn tập, kiểm tra cuối kỳ nghiêm túc, đúng quy chế.",
		"Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu; giao {dv} phụ trách.",
		"Bảo đảm an toàn trường học, phòng chống tai nạn thương tích, bạo lực học đường.",
		"@10,11,2,3|Chuẩn bị tốt các hoạt động kỷ niệm ngày lễ trong {ky_toi}.",
		"Thực hiện công khai tài chính, các khoản thu theo đúng quy định.",
		"Đề xuất sửa chữa {n} phòng học xuống cấp trước năm học mới.",
		"Quan tâm bồi dưỡng giáo viên trẻ, giới thiệu quần chúng ưu tú để kết nạp Đảng.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị nhà trường giảm bớt hồ sơ, sổ sách để giáo viên dành thời gian cho chuyên môn.",
		"Việc đổi mới phương pháp cần có tiết mẫu, tổ chuyên môn sinh hoạt theo nghiên cứu bài học thường xuyên hơn.",
		"Tôi đề nghị công khai minh bạch các khoản thu tự nguyện, tránh để phụ huynh có ý kiến.",
		"Học sinh sử dụng điện thoại trong giờ ra chơi nhiều; đề nghị có quy định thống nhất toàn trường.",
		"Đảng viên cần gương mẫu trong dạy học, không dạy thêm trái quy định.",
		"Đề nghị chi bộ quan tâm đến giáo viên hợp đồng, đời sống còn nhiều khó khăn.",
		"Tôi xin nhận nhiệm vụ bồi dưỡng đội tuyển học sinh giỏi khối {n}.",
		"Đề nghị tăng cường phối hợp với công an {cap} bảo đảm an toàn giao thông trước cổng trường giờ tan học.",
		"Việc ứng dụng công nghệ thông tin cần tập huấn thêm cho các đồng chí lớn tuổi.",
		"Nhất trí với dự thảo nghị quyết. Đề nghị bổ sung chỉ tiêu về tỷ lệ học sinh hoàn thành chương trình.",
		"Cần quan tâm giáo dục đạo đức, kỹ năng sống cho học sinh, nhất là ứng xử trên mạng xã hội.",
	},
	resolutions: []string{
		"Nâng cao chất lượng dạy và học; thực hiện hiệu quả Chương trình giáo dục phổ thông 2018.",
		"Bảo đảm an toàn trường học; không để xảy ra bạo lực học đường.",
		"Thực hiện công khai, minh bạch các khoản thu, chi của nhà trường.",
		"Đảng viên gương mẫu trong chuyên môn, đạo đức nhà giáo.",
		"Làm tốt công tác phát triển đảng viên trong đội ngũ giáo viên trẻ.",
		"Phối hợp chặt chẽ giữa nhà trường, gia đình và xã hội trong giáo dục học sinh.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá chi bộ đã lãnh đạo nhà trường duy trì tốt nền nếp dạy học; đề nghị tập trung nâng cao chất lượng mũi nhọn.",
		"Chi bộ thống nhất các nhiệm vụ tháng tới; giao chi ủy phối hợp với Ban giám hiệu triển khai thực hiện.",
		"Kết luận: mỗi đảng viên là tấm gương về đạo đức, tự học và sáng tạo; thực hiện nghiêm quy định về dạy thêm, học thêm.",
		"Đồng chí chủ trì ghi nhận các ý kiến về giảm áp lực hồ sơ, sổ sách; chi ủy sẽ trao đổi với Ban giám hiệu để có giải pháp.",
	},
}

var healthBank = &phraseBank{
	situation: []string{
		"Trong tháng, đơn vị khám, điều trị cho {so} lượt người bệnh; công suất sử dụng giường bệnh đạt {pct}.",
		"@7,8,9,10,11|Số ca mắc sốt xuất huyết trên địa bàn tăng; đơn vị đã chủ động phân luồng, bố trí giường bệnh.",
		"Khảo sát sự hài lòng của người bệnh đạt {pct}; còn một số ý kiến phản ánh về thời gian chờ khám.",
		"Đơn vị tiếp tục triển khai bệnh án điện tử và thanh toán không dùng tiền mặt.",
		"Tư tưởng cán bộ, nhân viên y tế ổn định; áp lực công việc lớn, nhất là bộ phận cấp cứu.",
		"Công tác tiêm chủng mở rộng được thực hiện an toàn cho {so} lượt trẻ.",
		"Việc cung ứng thuốc, vật tư y tế cơ bản đáp ứng; một số mặt hàng còn thiếu do chậm đấu thầu.",
	},
	results: []string{
		"Hoàn thành chỉ tiêu chuyên môn tháng; không để xảy ra sai sót chuyên môn nghiêm trọng.",
		"Tổ chức khám sức khỏe định kỳ cho {so} người cao tuổi trên địa bàn.",
		"Thực hiện tốt quy tắc ứng xử, đổi mới phong cách, thái độ phục vụ hướng tới sự hài lòng của người bệnh.",
		"Hoàn thành tiêm chủng đúng lịch, an toàn.",
		"Nghị quyết tháng trước được triển khai đầy đủ; đảng viên gương mẫu trong chuyên môn.",
		"Không có đơn thư khiếu nại về thái độ phục vụ.",
	},
	shortfalls: []string{
		"Hạn chế: thời gian chờ khám vào giờ cao điểm còn dài.",
		"Việc ghi chép hồ sơ bệnh án ở một số khoa còn chưa đầy đủ.",
		"Một số trang thiết bị xuống cấp, chưa được thay thế kịp thời.",
	},
	tasks: []string{
		"Nâng cao chất lượng khám, chữa bệnh; rút ngắn thời gian chờ của người bệnh.",
		"Chủ động phòng chống dịch bệnh theo mùa, nhất là sốt xuất huyết, tay chân miệng.",
		"Tiếp tục triển khai bệnh án điện tử; giao {dv} theo dõi tiến độ.",
		"Thực hiện nghiêm quy chế chuyên môn, quy tắc ứng xử của cán bộ y tế.",
		"Chuẩn bị tốt công tác tiêm chủng, khám sàng lọc trong {ky_toi}.",
		"Quan tâm đời sống cán bộ, nhân viên; bảo đảm chế độ trực, phụ cấp đúng quy định.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị bố trí thêm nhân lực tại khu khám bệnh vào buổi sáng để giảm thời gian chờ.",
		"Việc đấu thầu thuốc chậm ảnh hưởng đến điều trị; đề nghị báo cáo cấp trên tháo gỡ.",
		"Đảng viên cần gương mẫu về thái độ giao tiếp với người bệnh, không để người bệnh phàn nàn.",
		"Tôi đề nghị tăng cường tập huấn sử dụng bệnh án điện tử cho điều dưỡng.",
		"@7,8,9,10,11|Dịch sốt xuất huyết đang tăng, đề nghị phối hợp với các tổ dân phố tuyên truyền diệt bọ gậy.",
		"Đề nghị chi bộ quan tâm đến cán bộ trực cấp cứu, áp lực công việc rất lớn.",
		"Nhất trí với dự thảo nghị quyết; tôi xin nhận nhiệm vụ phụ trách khám sàng lọc cho người cao tuổi.",
		"Cần rút kinh nghiệm trường hợp chuyển tuyến chậm trong tháng.",
		"Đề nghị quan tâm phát triển đảng viên trong số bác sĩ, điều dưỡng trẻ.",
	},
	resolutions: []string{
		"Nâng cao chất lượng khám, chữa bệnh và sự hài lòng của người bệnh.",
		"Chủ động phòng chống dịch bệnh; không để dịch lây lan trên diện rộng.",
		"Thực hiện nghiêm quy chế chuyên môn và quy tắc ứng xử.",
		"Đẩy mạnh chuyển đổi số trong khám, chữa bệnh.",
		"Đảng viên gương mẫu về y đức, tận tụy phục vụ người bệnh.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá cao tinh thần trách nhiệm của cán bộ y tế; yêu cầu tiếp tục nâng cao chất lượng phục vụ người bệnh.",
		"Chi bộ thống nhất các nhiệm vụ tháng tới; giao chi ủy phối hợp với lãnh đạo đơn vị triển khai thực hiện.",
		"Kết luận: tập trung phòng chống dịch bệnh theo mùa, cải tiến quy trình khám bệnh và chuyển đổi số.",
		"Đồng chí chủ trì ghi nhận các ý kiến; những vấn đề về thuốc, trang thiết bị, chi ủy báo cáo cấp trên.",
	},
}

var enterpriseBank = &phraseBank{
	situation: []string{
		"Tình hình sản xuất, kinh doanh của công ty trong tháng ổn định; doanh thu đạt {tien}, bằng {pct} kế hoạch.",
		"Việc làm, thu nhập của người lao động được bảo đảm; thu nhập bình quân ổn định so với tháng trước.",
		"Công ty gặp khó khăn do giá nguyên vật liệu tăng, một số đơn hàng bị lùi thời hạn.",
		"Công tác an toàn, vệ sinh lao động được duy trì; không xảy ra tai nạn lao động.",
		"Tư tưởng người lao động ổn định; một số lao động xin nghỉ việc chuyển sang doanh nghiệp khác.",
		"Công ty ký mới {n} hợp đồng với tổng giá trị {tien}; công nợ phải thu còn lớn.",
		"Công đoàn phối hợp tổ chức đối thoại định kỳ giữa người sử dụng lao động và người lao động.",
	},
	results: []string{
		"Hoàn thành {pct} kế hoạch sản xuất, kinh doanh tháng.",
		"Thu hồi công nợ được {tien}; tiết kiệm chi phí quản lý so với kế hoạch.",
		"Bảo đảm việc làm, trả lương đúng hạn cho người lao động.",
		"Đóng bảo hiểm xã hội, bảo hiểm y tế đầy đủ cho người lao động.",
		"Nghị quyết tháng trước được thực hiện; đảng viên gương mẫu trong lao động sản xuất.",
		"Tổ chức huấn luyện an toàn lao động, phòng cháy chữa cháy cho {n2} lao động.",
	},
	shortfalls: []string{
		"Hạn chế: công nợ khó đòi còn cao, ảnh hưởng đến dòng tiền.",
		"Việc tìm kiếm thị trường, khách hàng mới còn chậm.",
		"Một số khâu sản xuất còn lãng phí nguyên vật liệu.",
	},
	tasks: []string{
		"Tập trung hoàn thành các hợp đồng đúng tiến độ, bảo đảm chất lượng.",
		"Đẩy mạnh thu hồi công nợ; giao {dv} theo dõi các khoản nợ quá hạn.",
		"Bảo đảm an toàn lao động, phòng cháy, chữa cháy tại xưởng sản xuất.",
		"Chăm lo đời sống, việc làm, thu nhập cho người lao động.",
		"Tìm kiếm thêm đơn hàng, mở rộng thị trường trong {ky_toi}.",
		"Thực hành tiết kiệm, giảm chi phí sản xuất.",
	},
	speeches: []string{
		"Nhất trí với báo cáo. Đề nghị ban giám đốc có giải pháp giữ chân lao động có tay nghề.",
		"Công nợ còn lớn, đề nghị phân công cụ thể người theo dõi từng khách hàng.",
		"Đảng viên cần gương mẫu trong chấp hành nội quy lao động và tiết kiệm vật tư.",
		"@5,6,7,8|Đề nghị tăng cường kiểm tra an toàn điện tại khu vực sản xuất, nhất là mùa nắng nóng.",
		"Tôi đề nghị chi bộ phối hợp với công đoàn tổ chức thăm hỏi người lao động có hoàn cảnh khó khăn.",
		"Nhất trí với dự thảo nghị quyết; tôi xin nhận nhiệm vụ phụ trách thu hồi công nợ khu vực phía Bắc.",
		"Cần ứng dụng phần mềm quản lý kho để giảm hao hụt vật tư.",
		"Đề nghị quan tâm phát triển đảng viên trong số công nhân, kỹ sư trẻ có tay nghề.",
	},
	resolutions: []string{
		"Lãnh đạo hoàn thành kế hoạch sản xuất, kinh doanh {ky_toi}.",
		"Bảo đảm việc làm, thu nhập và các chế độ cho người lao động.",
		"Bảo đảm an toàn lao động, phòng cháy, chữa cháy.",
		"Thực hành tiết kiệm, chống lãng phí trong sản xuất.",
		"Đảng viên gương mẫu, đi đầu trong lao động sản xuất.",
	},
	conclusions: []string{
		"Đồng chí chủ trì đánh giá chi bộ đã lãnh đạo công ty duy trì sản xuất ổn định; yêu cầu tập trung thu hồi công nợ.",
		"Chi bộ thống nhất các nhiệm vụ tháng tới; giao chi ủy phối hợp với ban giám đốc và công đoàn triển khai.",
		"Kết luận: bảo đảm việc làm cho người lao động là nhiệm vụ hàng đầu; đảng viên phải gương mẫu, đi đầu.",
		"Đồng chí chủ trì ghi nhận các ý kiến đóng góp; chi ủy tổng hợp, kiến nghị với ban giám đốc.",
	},
}

// bankOf is the bank of a cell's profile.
func bankOf(p profile) *phraseBank {
	switch p {
	case resident:
		return residentBank
	case agency:
		return agencyBank
	case police:
		return policeBank
	case army:
		return armyBank
	case school:
		return schoolBank
	case health:
		return healthBank
	}
	return enterpriseBank
}
