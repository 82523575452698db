package party

// defaultAgendas are the agenda templates shipped with both rule sets:
// the sequence of DOMAIN.md §4 in the wording of PRINT.md §6. Titles and
// hints are Vietnamese data an administrator may edit per rule set.
func defaultAgendas() []AgendaTemplate {
	return []AgendaTemplate{
		{Kind: ThuongKy, Items: regularAgenda(nil)},
		{Kind: ThuongKy, CellType: CellThonTDP, Items: regularAgenda(residentialItems)},
		{Kind: ChuyenDe, Items: thematicAgenda()},
		{Kind: BatThuong, Items: extraordinaryAgenda()},
	}
}

// Items shared by several templates.
var (
	itemOpening = AgendaItem{
		Key: "khai_mac", Part: PartOpening,
		Title: "Tuyên bố lý do, giới thiệu đại biểu",
		Hint:  "Ghi họ tên, chức vụ các đại biểu dự (đồng chí cấp ủy viên phụ trách chi bộ, đại biểu cấp trên) và đồng chí chủ trì.",
	}
	itemRollCall = AgendaItem{
		Key: "diem_danh", Part: PartOpening,
		Title: "Báo cáo số đảng viên có mặt, vắng mặt",
		Hint:  "Điền sẵn từ điểm danh: tổng số đảng viên, số có mặt, số được miễn sinh hoạt, số sinh hoạt tạm thời nơi khác; ghi tên từng đồng chí vắng mặt và lý do.",
	}
	itemReadBack = AgendaItem{
		Key: "doc_bien_ban", Part: PartClosing,
		Title: "Thư ký đọc lại biên bản",
		Hint:  "Thư ký đọc lại toàn bộ biên bản cho chi bộ nghe; ghi các ý kiến bổ sung, sửa đổi (nếu có) và xác nhận biên bản đã được thông qua.",
	}
)

// residentialItems are added for cells of villages and residential groups
// (thôn, tổ dân phố), whose meetings hear the residents (DOMAIN.md §4:
// "members' and residents' opinions").
var residentialItems = []AgendaItem{
	{
		Key: "y_kien_nhan_dan", Part: PartContent,
		Title: "Tình hình địa bàn, ý kiến, kiến nghị của nhân dân",
		Hint:  "Ghi tình hình an ninh, trật tự, vệ sinh môi trường, đời sống nhân dân trên địa bàn; các ý kiến, kiến nghị của nhân dân mà đảng viên nắm được, nơi cần chuyển đến và đồng chí theo dõi việc giải quyết.",
	},
	{
		Key: "van_dong_nhan_dan", Part: PartContent,
		Title: "Vận động nhân dân thực hiện chủ trương, chính sách và các phong trào ở khu dân cư",
		Hint:  "Ghi việc phân công đảng viên phụ trách hộ gia đình, vận động nhân dân thực hiện quy ước, hương ước, xây dựng khu dân cư văn hóa, chăm lo gia đình chính sách, hộ nghèo, hộ khó khăn.",
	},
}

// regularAgenda is the sequence of a regular meeting; extra items go after
// the news briefing.
func regularAgenda(extra []AgendaItem) []AgendaItem {
	items := []AgendaItem{
		itemOpening,
		itemRollCall,
		{
			Key: "dang_phi", Part: PartOpening,
			Title: "Thu đảng phí",
			Hint:  "Ghi số đồng chí đã nộp đảng phí tháng này trên số phải nộp; ghi tên các đồng chí chưa nộp.",
		},
		{
			Key: "chuong_trinh", Part: PartOpening,
			Title: "Thông qua chương trình sinh hoạt và cử thư ký",
			Hint:  "Ghi chương trình và những vấn đề trọng tâm cần thảo luận đã được chi bộ thông qua, họ tên đồng chí được cử làm thư ký.",
		},
		{
			Key: "hoc_tap_bac", Part: PartContent,
			Title: "Sinh hoạt \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\"",
			Hint:  "Ghi nội dung học tập trong tháng, gương người tốt, việc tốt được nêu và việc làm cụ thể của chi bộ, của đảng viên.",
		},
		{
			Key: "thoi_su", Part: PartContent,
			Title: "Thông báo tình hình thời sự, những chủ trương, chính sách mới của Đảng, Nhà nước và phổ biến, quán triệt các văn bản của cấp trên",
			Hint:  "Ghi đồng chí thông báo, những tin chính và số, ký hiệu, tên các văn bản của cấp trên đã được phổ biến, quán triệt.",
		},
	}
	items = append(items, extra...)
	return append(items,
		AgendaItem{
			Key: "danh_gia_nhiem_vu", Part: PartContent,
			Title: "Đánh giá kết quả thực hiện nhiệm vụ {ky}, đề ra nhiệm vụ {ky_toi}",
			Hint:  "Ghi kết quả thực hiện nghị quyết kỳ trước và nhiệm vụ được giao của từng đảng viên, ưu điểm, hạn chế, nguyên nhân; rồi ghi nhiệm vụ tháng tới, đồng chí phụ trách và thời hạn.",
		},
		AgendaItem{
			Key: "thao_luan", Part: PartContent,
			Title: "Đảng viên thảo luận, đóng góp ý kiến",
			Hint:  "Ghi họ tên từng đồng chí phát biểu và ý kiến của đồng chí đó; những ý kiến khác nhau ghi rõ để đồng chí chủ trì kết luận.",
		},
		AgendaItem{
			Key: "bieu_quyet", Part: PartContent,
			Title: "Biểu quyết thông qua nghị quyết (kết luận) của chi bộ",
			Hint:  "Ghi toàn văn nghị quyết hoặc kết luận, số đồng chí tán thành, không tán thành, không biểu quyết và ý kiến bảo lưu (nếu có).",
		},
		AgendaItem{
			Key: "ket_luan", Part: PartClosing,
			Title: "Đồng chí chủ trì kết luận",
			Hint:  "Ghi kết luận của đồng chí chủ trì về từng nội dung và những nhiệm vụ trọng tâm tháng tới.",
		},
		itemReadBack,
		AgendaItem{
			Key: "tu_danh_gia", Part: PartClosing,
			Title: "Chi bộ tự đánh giá chất lượng buổi sinh hoạt",
			Hint:  "Ghi mức tự đánh giá (Tốt, Khá, Trung bình, Kém) và lý do; ghi giờ kết thúc buổi sinh hoạt.",
		},
	)
}

// thematicAgenda follows DOMAIN.md §4: purpose, presentation of the lead
// paper, discussion, the chair's conclusion, a resolution where needed.
func thematicAgenda() []AgendaItem {
	return []AgendaItem{
		itemOpening,
		itemRollCall,
		{
			Key: "muc_dich", Part: PartOpening,
			Title: "Nêu mục đích, yêu cầu của buổi sinh hoạt chuyên đề",
			Hint:  "Ghi tên chuyên đề, lý do chọn chuyên đề và điều chi bộ cần đạt được sau buổi sinh hoạt; họ tên đồng chí được cử làm thư ký.",
		},
		{
			Key: "de_dan", Part: PartContent,
			Title: "Trình bày đề dẫn chuyên đề",
			Hint:  "Ghi họ tên đồng chí trình bày và tóm tắt những nội dung chính của đề dẫn (đề dẫn đã được chi ủy thông qua và gửi đảng viên trước).",
		},
		{
			Key: "thao_luan", Part: PartContent,
			Title: "Thảo luận chuyên đề",
			Hint:  "Ghi họ tên từng đồng chí phát biểu và ý kiến của đồng chí đó, có liên hệ với thực tế của chi bộ và của bản thân.",
		},
		{
			Key: "ket_luan", Part: PartClosing,
			Title: "Đồng chí chủ trì kết luận chuyên đề",
			Hint:  "Ghi kết luận: những nhận thức chung, việc chi bộ và từng đảng viên cần làm, đồng chí phụ trách và thời hạn.",
		},
		{
			Key: "nghi_quyet", Part: PartClosing,
			Title: "Thông qua nghị quyết hoặc kết luận chuyên đề (nếu có)",
			Hint:  "Nếu chi bộ ra nghị quyết hoặc kết luận chuyên đề, ghi toàn văn và kết quả biểu quyết.",
		},
		itemReadBack,
	}
}

// extraordinaryAgenda is opening, content, conclusion (DOMAIN.md §4).
func extraordinaryAgenda() []AgendaItem {
	return []AgendaItem{
		{
			Key: "khai_mac", Part: PartOpening,
			Title: "Tuyên bố lý do sinh hoạt bất thường, giới thiệu đại biểu, cử thư ký",
			Hint:  "Ghi lý do triệu tập buổi sinh hoạt bất thường, ai triệu tập, đại biểu dự và họ tên đồng chí được cử làm thư ký.",
		},
		itemRollCall,
		{
			Key: "noi_dung", Part: PartContent,
			Title: "Nội dung cần giải quyết",
			Hint:  "Ghi việc đột xuất chi bộ cần bàn và quyết định, họ tên từng đồng chí phát biểu và ý kiến của đồng chí đó.",
		},
		{
			Key: "ket_luan", Part: PartClosing,
			Title: "Kết luận, biểu quyết (nếu có)",
			Hint:  "Ghi kết luận của đồng chí chủ trì; nếu chi bộ ra nghị quyết thì ghi toàn văn và kết quả biểu quyết.",
		},
		itemReadBack,
	}
}
