package printing

// The fixed words of the printed documents, exactly as PRINT.md writes
// them, in NFC. They are part of the Party document format (Hướng dẫn
// 36-HD/VPTW and the minutes templates S8, S9), not user-interface strings,
// so they live here rather than in the message catalogs. Wording marked
// [P] in PRINT.md is common practice; wording PRINT.md does not give at all
// is marked "ours" and wants review by a committee office.

// Header block, PRINT.md §2.
const (
	wPartyHeading = "ĐẢNG CỘNG SẢN VIỆT NAM"
	wStar         = "*"
	wNumber       = "Số %s"                       // Số 05-BB/CB: no colon after Số (2018 samples)
	wPlaceDate    = "%s, ngày %s tháng %s năm %d" // Long Biên, ngày 05 tháng 6 năm 2026
	wDateOnly     = "Ngày %s tháng %s năm %d"     // when no place is set
	wDraft        = "DỰ THẢO"                     // ours: minutes not yet signed and locked
)

// Title block, PRINT.md §3.
const (
	wMinutesTitle  = "BIÊN BẢN"
	wMeeting       = "sinh hoạt chi bộ"
	wRegular       = "thường kỳ"
	wPeriodic      = "định kỳ" // template S8: BIÊN BẢN / SINH HOẠT CHI BỘ ĐỊNH KỲ / tháng … năm …
	wThematic      = "chuyên đề"
	wExtraordinary = "bất thường" // ours: "sinh hoạt chi bộ bất thường ngày … tháng … năm …"
	wMonthYear     = "tháng %d năm %d"
	wQuarterYear   = "quý %s năm %d"
	wDayMonthYear  = "ngày %s tháng %s năm %d"
)

// Minutes, PRINT.md §6.
const (
	wTime            = "- Thời gian: %s giờ %s phút, %s."
	wVenue           = "- Địa điểm: %s."
	wParticipants    = "- Thành phần tham dự:"
	wGuests          = "+ Đại biểu dự: %s."
	wGuest           = "Đồng chí %s"
	wGuestPosition   = "Đồng chí %s, %s"
	wChairAndTaker   = "+ %s: Đồng chí %s; Thư ký: Đồng chí %s."
	wChairOnly       = "+ %s: Đồng chí %s."
	wTakerOnly       = "+ Thư ký: Đồng chí %s."
	wNamePosition    = "%s, %s"
	wMembers         = "+ Tổng số đảng viên của chi bộ: %s đồng chí. Trong đó, đảng viên chính thức: %s đồng chí, đảng viên dự bị: %s đồng chí, đảng viên sinh hoạt tạm thời: %s đồng chí."
	wExempt          = "+ Số đảng viên được miễn sinh hoạt: %s đồng chí."
	wTempOut         = "+ Số đảng viên giới thiệu sinh hoạt tạm thời đi nơi khác: %s đồng chí."
	wPresent         = "+ Số đảng viên dự sinh hoạt: %s đồng chí."
	wExemptPresent   = "+ Đảng viên miễn sinh hoạt có mặt: %s đồng chí."
	wAbsent          = "+ Số đảng viên vắng mặt: %s đồng chí."
	wExcused         = ". Có lý do: %s đồng chí (%s)."
	wUnexcused       = ". Không có lý do: %s đồng chí (%s)."
	wNameReason      = "%s – %s"
	wListSep         = "; "
	wCompact         = "Tổng số đảng viên: %s; có mặt: %s; vắng: %s (có lý do: %s, không lý do: %s)."
	wTopic           = "Chuyên đề: \"%s\""
	wDocuments       = "Văn bản liên quan:"
	wOpening         = "Đồng chí %s tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký."
	wOpeningNoGuests = "Đồng chí %s tuyên bố lý do, thông qua chương trình sinh hoạt và cử thư ký." // ours: no delegate to introduce

	wPartContent    = "I. NỘI DUNG SINH HOẠT"
	wPartProceeding = "II. DIỄN BIẾN BUỔI SINH HOẠT"
	wPartConclusion = "III. KẾT LUẬN VÀ BIỂU QUYẾT"
	wItemNumber     = "%d. %s"
	wPresents       = "Đồng chí %s trình bày %s"
	wLeadPaper      = "Đồng chí %s trình bày đề dẫn chuyên đề."
	wOpinions       = "* Các ý kiến tham gia:"
	wOpinion        = "- Đồng chí %s: %s"
	wItemConclusion = "Đồng chí %s kết luận nội dung này: %s"

	wVote       = "Biểu quyết: %s đồng chí tán thành, %s đồng chí không tán thành, %s đồng chí không biểu quyết (tổng số đảng viên có quyền biểu quyết: %s)."
	wReserved   = "Đồng chí %s bảo lưu ý kiến: %s"
	wPassed     = "Kết quả: thông qua (số đồng chí tán thành quá nửa tổng số đảng viên có quyền biểu quyết)." // ours
	wNotPassed  = "Kết quả: số đồng chí tán thành chưa quá nửa tổng số đảng viên có quyền biểu quyết."        // ours; never "thông qua" (DOMAIN §5)
	wNotAdopted = "Kết quả: chi bộ không đủ điều kiện ra nghị quyết theo quy định."                           // ours: a majority without the quorum of DOMAIN §5
	wDues       = "Thu đảng phí tháng %d: %s/%s đồng chí."
	wRating     = "Chi bộ tự đánh giá chất lượng buổi sinh hoạt: %s."
	wEnd        = "Buổi sinh hoạt kết thúc vào hồi %s giờ %s phút cùng ngày."
	wEndOther   = "Buổi sinh hoạt kết thúc vào hồi %s giờ %s phút, %s." // ours: a meeting that ran past midnight
	wReadBack   = "Biên bản đã được đọc lại cho chi bộ nghe và được các đồng chí dự họp nhất trí thông qua."

	// The chair's title inside sentences is the label in lower case:
	// "Đồng chí chủ trì kết luận …", "+ Chủ trì: …".
	wChairLabel    = "CHỦ TRÌ"
	wChairLabelAlt = "CHỦ TỌA" // template S9
	wTakerLabel    = "THƯ KÝ"
)

// Amendments after the signatures (DOMAIN.md §6: shown with the original). Ours.
const (
	wAmendments     = "ĐÍNH CHÍNH"
	wAmendmentHead  = "%d. Đính chính lúc %s giờ %s phút, %s, do đồng chí %s thực hiện."
	wAmendmentWhy   = "Lý do: %s"
	wAmendmentWhat  = "Nội dung đính chính: %s"
	wAmendmentIntro = "Biên bản trên được giữ nguyên như khi ký; các nội dung sau đây được đính chính:"
)

// Minute book (sổ biên bản, DOMAIN.md §6). Ours, after the title the brief gives.
const (
	wBookTitle    = "SỔ BIÊN BẢN"
	wBookSubtitle = "SINH HOẠT CHI BỘ NĂM %d"
	wBookPlace    = "%s, năm %d"
	wContents     = "MỤC LỤC"
	wColNo        = "STT"
	wColDate      = "Ngày"
	wColMeeting   = "Nội dung"
	wColPage      = "Trang"
)

// Report, PRINT.md §3 and §5b.
const (
	wReportTitle = "BÁO CÁO"

	wRecipients = "Nơi nhận:"
	wRecipient  = "- %s%s"
)
