package memberio

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// member-list-columns.md §1 and §3: "Match headings after NFC
// normalisation, case folding and accent-placement folding (hoá = hóa,
// uỷ = ủy)"; lists typed without diacritics must match too.
func TestHeadingsMatchAfterFolding(t *testing.T) {
	cases := []struct {
		heading string
		want    kind
	}{
		// §3 working lists, as written
		{"STT", kStt},
		{"Số TT", kStt},
		{"TT", kStt},
		{"Họ và tên", kName},
		{"HỌ VÀ TÊN", kName},
		{"Họ tên", kName},
		{"Họ đệm", kFamily},
		{"Tên", kGiven},
		{"Giới tính", kGender},
		{"Nam/Nữ", kGender},
		{"Nam, nữ", kGender},
		{"Ngày sinh", kBirth},
		{"Ngày, tháng, năm sinh", kBirth},
		{"Năm sinh", kBirth},
		{"Quê quán", kHometown},
		{"Dân tộc", kEthnicity},
		{"Tôn giáo", kReligion},
		{"Ngày vào Đảng", kJoined},
		{"Ngày kết nạp", kJoined},
		{"Ngày kết nạp Đảng", kJoined},
		{"Ngày chính thức", kOfficial},
		{"Ngày công nhận chính thức", kOfficial},
		{"Ngày vào Đảng chính thức", kOfficial},
		{"Số thẻ đảng viên", kCard},
		{"Số thẻ ĐV", kCard},
		{"Số thẻ", kCard},
		{"Số lý lịch đảng viên", kDossier},
		{"Số LLĐV", kDossier},
		{"Số lý lịch", kDossier},
		{"Chi bộ", kCell},
		{"Sinh hoạt tại chi bộ", kCell},
		{"Nơi ở hiện nay", kAddress},
		{"Nơi cư trú", kAddress},
		{"Số điện thoại", kPhone},
		{"Số CCCD", kIDNumber},
		{"Ghi chú", kNote},
		// §1 the register, Mẫu 7-HSĐV, both copies
		{"Họ và tên khai sinh", kNameBirth},
		{"Nam, nữ, dân tộc, tôn giáo", kGenderEthRel},
		{"QUÊ QUÁN", kHometown},
		{"Văn hóa, lý luận, CMNV, ngoại ngữ", kUnused},
		{"Văn hoá, lý luận, CMNV, ngoại ngữ", kUnused}, // old accent placement
		{"Nghề nghiệp trước khi vào Đảng, Nghề nghiệp hiện nay", kOccupationBoth},
		{"Ngày vào Đảng, ngày chính thức", kJoinedOfficial},
		{"Số thẻ đảng viên, số lý lịch đảng viên, số Huy hiệu Đảng", kCardDossier},
		{"Bộ đội, công an, hưu trí", kUnused},
		{"Ngày chuyển đi, đến đảng bộ cơ sở", kLeftTransfer},
		{"Ngày chuyển đi, đến đăng bộ cơ sở", kLeftTransfer}, // the misspelt copy
		{"Ngày chuyển đến, ở đảng bộ cơ sở nào đến", kUnused},
		{"Ngày từ trần", kLeftDeath},
		{"Lý do", kLeftReason},
		{"Ngày ra khỏi Đảng, hình thức ra Đảng", kLeftParty},
		{"Chi chú", kNote}, // the misspelt copy
		// without diacritics, other case, other spacing and punctuation
		{"ho va ten", kName},
		{"HO VA TEN", kName},
		{"Ngay vao Dang", kJoined},
		{"so the dang vien", kCard},
		{"Ngay  vao\nDang", kJoined},
		{"Ngày vào Đảng:", kJoined},
		{"Ngày sinh (dd/mm/yyyy)", kBirth},
		{"Số thẻ đảng viên (8 số)", kCard},
		{"(2) Họ và tên", kName},
		{"Giới tính *", kGender},
		// decomposed input (NFD), as some keyboards type it
		{norm.NFD.String("Họ và tên"), kName},
		{norm.NFD.String("Ngày vào Đảng"), kJoined},
		// Đ typed as the look-alike Icelandic eth
		{"Ngày vào Ðảng", kJoined},
		// "Năm" is a year, not "Nam" (a man)
		{"Nam", kGenderNam},
		{"Nữ", kGenderNu},
		{"Năm", kNone},
		{"NĂM", kNone},
		// not member columns
		{"Danh sách đảng viên chi bộ khu phố 3", kNone},
		{"Nguyễn Văn An", kNone},
		{"", kNone},
	}
	for _, c := range cases {
		if got := matchHeading(c.heading); got != c.want {
			t.Errorf("matchHeading(%q) = %d, want %d", c.heading, got, c.want)
		}
	}
}

// Old accent placement: hoá/hóa, uỷ/ủy, thuỷ/thủy fold alike.
func TestHeadingKeyFoldsAccentPlacement(t *testing.T) {
	for _, pair := range [][2]string{
		{"Văn hoá", "Văn hóa"},
		{"Cấp uỷ", "Cấp ủy"},
		{"Thuỷ", "Thủy"},
		{"Khoá", "Khóa"},
	} {
		if a, b := headingKey(pair[0]), headingKey(pair[1]); a != b {
			t.Errorf("headingKey(%q) = %q, headingKey(%q) = %q", pair[0], a, pair[1], b)
		}
	}
}

// ExportColumns: "the same the importer recognises first".
func TestExportColumnsAreTheFirstHeadingsKnown(t *testing.T) {
	if len(ExportColumns) != len(exportKinds) {
		t.Fatalf("%d headings for %d columns", len(ExportColumns), len(exportKinds))
	}
	for i, h := range ExportColumns {
		if got := matchHeading(h); got != exportKinds[i] {
			t.Errorf("export heading %q is read back as kind %d, want %d", h, got, exportKinds[i])
		}
	}
}

func TestTwoRowHeadings(t *testing.T) {
	top := []string{"STT", "Họ và tên", "Năm sinh", "", "Ngày tháng năm", "", "Số thẻ đảng viên"}
	bottom := []string{"", "", "Nam", "Nữ", "vào Đảng", "chính thức", ""}
	l, ok := findHeading([][]string{{"DANH SÁCH ĐẢNG VIÊN"}, top, bottom, {"1", "Nguyễn Văn An", "1970", "", "05/06/2001", "05/06/2002", "01234567"}})
	if !ok {
		t.Fatal("no heading found")
	}
	want := []kind{kStt, kName, kGenderNam, kGenderNu, kJoined, kOfficial, kCard}
	if l.first != 1 || l.last != 2 {
		t.Errorf("heading rows %d–%d, want 1–2", l.first, l.last)
	}
	for c, k := range want {
		if l.cols[c].kind != k {
			t.Errorf("column %d (%q) is kind %d, want %d", c, l.cols[c].heading, l.cols[c].kind, k)
		}
	}
}
