package printing

import (
	"time"

	"chibo/internal/party"
)

// regularExample is the June regular meeting of a residential cell, as a
// secretary would record it.
func regularExample() MinutesDoc {
	day := party.D(2026, 6, 5)
	return MinutesDoc{
		UpperBody:     "Đảng bộ phường Long Biên",
		Body:          "Chi bộ Tổ dân phố số 5",
		Number:        "05-BB/CB",
		Place:         "Long Biên",
		Date:          day,
		Kind:          "thuong_ky",
		Period:        party.MonthPeriod(2026, time.June),
		StartedAt:     day.At(8, 0),
		EndedAt:       day.At(10, 45),
		Venue:         "Nhà văn hóa Tổ dân phố số 5",
		Guests:        []Guest{{Name: "Trần Văn Bình", Position: "Đảng ủy viên, phụ trách địa bàn"}},
		Chair:         "Nguyễn Thị Hoa",
		ChairPosition: "Bí thư chi bộ",
		MinuteTaker:   "Lê Văn Nam",
		Attendance: AttendanceLines{
			Total: 18, Full: 15, Probationary: 2, TempIn: 1, Exempt: 2, TempOut: 1,
			Present: 13, ExemptPresent: 1,
			Excused:   []NameReason{{Name: "Phạm Văn Đức", Reason: "ốm"}, {Name: "Hoàng Thị Lan", Reason: "đi công tác"}},
			Unexcused: []string{"Vũ Văn Hải"},
		},
		Items: []Item{
			{
				Title:     "Sinh hoạt \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\"",
				Presenter: "Nguyễn Thị Hoa",
				Text:      "Chuyên đề năm 2026 về xây dựng Đảng trong sạch, vững mạnh; liên hệ việc giữ gìn vệ sinh môi trường khu dân cư.",
				Speeches:  []Speech{{Name: "Đỗ Văn Tùng", Text: "Đề nghị mỗi đảng viên nhận một tuyến ngõ để vận động bà con giữ vệ sinh"}},
			},
			{
				Title:     "Thông báo tình hình thời sự, những chủ trương, chính sách mới của Đảng, Nhà nước và phổ biến, quán triệt các văn bản của cấp trên",
				Presenter: "Lê Văn Nam",
			},
			{
				Title:     "Đánh giá kết quả thực hiện nhiệm vụ tháng 6/2026, đề ra nhiệm vụ tháng 7/2026",
				Presenter: "Nguyễn Thị Hoa",
				Text:      "Trong tháng, chi bộ đã lãnh đạo tổ dân phố hoàn thành việc thu quỹ phòng chống thiên tai, tổ chức tổng vệ sinh hai lần và hòa giải thành một vụ tranh chấp lối đi.\nNhiệm vụ tháng 7: chuẩn bị phương án phòng chống lụt bão, rà soát hộ nghèo, vận động thanh niên nhập ngũ.",
				Speeches: []Speech{
					{Name: "Phạm Thị Mai", Text: "Nhất trí với báo cáo; đề nghị bổ sung việc kiểm tra các hộ kinh doanh lấn chiếm vỉa hè."},
					{Name: "Bùi Văn Quang", Text: "Đề nghị chi bộ phân công cụ thể đảng viên theo dõi từng hộ nghèo"},
					{Name: "Đặng Thị Yến", Text: "Về công tác phòng chống lụt bão, cần kiểm tra lại hệ thống thoát nước ở ngõ 12 và ngõ 15 trước mùa mưa, vì năm ngoái đã ngập nhiều lần, ảnh hưởng tới sinh hoạt của bà con."},
				},
				Conclusion: "Chi bộ nhất trí với báo cáo và các ý kiến bổ sung; giao đồng chí Tổ trưởng xây dựng kế hoạch phòng chống lụt bão trước ngày 15/7",
			},
			{Title: "", Presenter: ""}, // left empty by the secretary: not printed
		},
		Conclusion: "Đồng chí chủ trì kết luận: chi bộ đã hoàn thành tốt nhiệm vụ tháng 6; các đồng chí đảng viên nêu cao tinh thần trách nhiệm, tiếp tục gương mẫu trong tháng 7.",
		Resolution: "Chi bộ thống nhất ban hành nghị quyết tháng 7/2026 với ba nhiệm vụ trọng tâm đã nêu.",
		Vote:       &VoteLine{Yes: 12, No: 0, Abstain: 1, Base: 14, Passed: true},
		DuesPaid:   15,
		DuesDue:    17,
		SelfRating: "Tốt",
		ReadBack:   true,
		Settings:   Settings{Margins: "default"},
		Locked:     true,
		SignedAt:   day.At(11, 0),
	}
}

// thematicExample is a quarter's thematic meeting, with a reserved opinion
// and an amendment made after locking.
func thematicExample() MinutesDoc {
	day := party.D(2026, 5, 20)
	return MinutesDoc{
		UpperBody:   "ĐẢNG BỘ PHƯỜNG LONG BIÊN",
		Body:        "CHI BỘ TỔ DÂN PHỐ SỐ 5",
		Place:       "Long Biên",
		Date:        day,
		Kind:        "chuyen_de",
		Period:      party.QuarterPeriod(2026, 2),
		Topic:       "Nâng cao vai trò nêu gương của đảng viên nơi cư trú",
		LeadPaperBy: "Trần Thị Thu",
		StartedAt:   day.At(19, 30),
		EndedAt:     day.At(21, 15),
		Venue:       "Nhà văn hóa Tổ dân phố số 5",
		Chair:       "Nguyễn Thị Hoa", ChairPosition: "Bí thư chi bộ",
		MinuteTaker: "Lê Văn Nam",
		Attendance:  AttendanceLines{Total: 18, Full: 16, Probationary: 2, Exempt: 1, Present: 17},
		Items: []Item{{
			Title: "Thảo luận chuyên đề",
			Speeches: []Speech{
				{Name: "Bùi Văn Quang", Text: "Đảng viên phải gương mẫu từ việc nhỏ như đổ rác đúng giờ."},
				{Name: "Phạm Thị Mai", Text: "Đề nghị đưa tiêu chí nêu gương vào đánh giá đảng viên cuối năm."},
			},
			Conclusion: "Chi bộ thống nhất đưa tiêu chí nêu gương vào kiểm điểm cuối năm",
		}},
		Resolution: "Ban hành kế hoạch thực hiện chuyên đề quý III.",
		Vote:       &VoteLine{Yes: 7, No: 6, Abstain: 3, Base: 16, Reserved: []Reserved{{Name: "Bùi Văn Quang", Text: "Cần thêm thời gian chuẩn bị"}}},
		SelfRating: "Khá",
		ReadBack:   true,
		Amendments: []Amendment{{At: day.AddDays(2).At(9, 15), Author: "Lê Văn Nam", Reason: "Ghi nhầm số đảng viên dự bị", Text: "Số đảng viên dự bị là 2 đồng chí."}},
		Settings:   Settings{Margins: "party2004", ChairLabel: "CHỦ TỌA", CompactAttendance: true},
		Locked:     true,
	}
}

// bookExample is a year of a cell's meetings: twelve regular and four
// thematic.
func bookExample() MinuteBook {
	b := MinuteBook{UpperBody: "ĐẢNG BỘ PHƯỜNG LONG BIÊN", Body: "CHI BỘ TỔ DÂN PHỐ SỐ 5", Year: 2026, Place: "Long Biên"}
	for m := time.January; m <= time.December; m++ {
		d := regularExample()
		d.Number = ""
		d.Date = party.D(2026, m, 5)
		d.Period = party.MonthPeriod(2026, m)
		d.StartedAt, d.EndedAt = d.Date.At(8, 0), d.Date.At(10, 30)
		if m%3 == 0 {
			d.Items = d.Items[:2] // a shorter meeting, so minutes differ in length
		}
		b.Docs = append(b.Docs, d)
		if m%3 == 2 {
			t := thematicExample()
			t.Settings = d.Settings
			t.Date = party.D(2026, m, 20)
			t.Period = party.QuarterOf(t.Date)
			t.StartedAt, t.EndedAt = t.Date.At(19, 30), t.Date.At(21, 0)
			b.Docs = append(b.Docs, t)
		}
	}
	return b
}

// reportExample is a six-month review report of a ward committee.
func reportExample() ReportDoc {
	return ReportDoc{
		UpperBody: "ĐẢNG BỘ QUẬN LONG BIÊN",
		Body:      "ĐẢNG ỦY PHƯỜNG LONG BIÊN",
		Number:    "03-BC/ĐU",
		Place:     "Long Biên",
		Date:      party.D(2026, 7, 10),
		Title:     "BÁO CÁO",
		Summary:   "sơ kết 6 tháng đầu năm 2026",
		Parts: []ReportPart{
			{Heading: "I. KẾT QUẢ THỰC HIỆN", Paragraphs: []string{
				"1. Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện",
				"Đảng ủy đã ban hành nghị quyết chuyên đề về chỉnh trang đô thị, chỉ đạo 12 chi bộ trực thuộc xây dựng kế hoạch thực hiện và phân công đảng viên phụ trách từng tuyến phố.",
				"2. Kết quả đạt được",
			}, Tables: []Table{{
				Caption:     "Bảng 1. Kết quả thực hiện các chỉ tiêu",
				Header:      []string{"Chỉ tiêu", "Mục tiêu", "Kết quả", "Tỷ lệ"},
				Rows:        [][]string{{"Chi bộ sinh hoạt đúng kỳ", "12", "12", "100%"}, {"Đảng viên dự sinh hoạt bình quân", "95%", "92,5%", "97,4%"}, {"Chi bộ tổ chức sinh hoạt chuyên đề hằng quý", "12", "11", "91,7%"}},
				NumericCols: []int{1, 2, 3},
			}}, Charts: []Chart{{
				Title: "Tỷ lệ đảng viên dự sinh hoạt theo tháng (%)", Kind: "bar",
				Labels: []string{"Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6"},
				Series: []Series{{Name: "2025", Values: []float64{88, 85, 90, 91, 89, 92}}, {Name: "2026", Values: []float64{90, 87, 93, 94, 92, 95}}},
			}, {
				Title: "Số chi bộ xếp loại tốt", Kind: "line",
				Labels: []string{"Quý I", "Quý II"},
				Series: []Series{{Name: "Tốt", Values: []float64{8, 10}}, {Name: "Khá", Values: []float64{4, 2}}},
			}}},
			{Heading: "II. ĐÁNH GIÁ CHUNG", Paragraphs: []string{"1. Ưu điểm", "Các chi bộ duy trì nền nếp sinh hoạt.", "2. Hạn chế, nguyên nhân", "Một số chi bộ sinh hoạt còn hình thức, nội dung chưa phong phú."}},
			{Heading: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", Paragraphs: []string{"Tiếp tục nâng cao chất lượng sinh hoạt chi bộ."}},
		},
		SignFor:    "T/M ĐẢNG ỦY",
		SignRole:   "BÍ THƯ",
		Signer:     "Nguyễn Văn An",
		Recipients: []string{"Quận ủy Long Biên (để báo cáo)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"},
	}
}
