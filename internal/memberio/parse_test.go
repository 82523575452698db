package memberio

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

const heading = "STT,Họ và tên,Giới tính,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Ghi chú\r\n"

// A list as a ward committee keeps it: a title, the cell's name and a date
// above the headings, a numbered row under them, a total below.
func TestTitleRowsAboveTheHeadings(t *testing.T) {
	csv := "ĐẢNG BỘ PHƯỜNG BẾN NGHÉ,,,,,,,\r\n" +
		"DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 3,,,,,,,\r\n" +
		",,,,,Ngày 05 tháng 6 năm 2026,,\r\n" +
		"\r\n" +
		heading +
		"(1),(2),(3),(4),(5),(6),(7),(8)\r\n" +
		"1,Nguyễn Văn An,Nam,12/03/1975,05/06/2001,05/06/2002,01234567,\r\n" +
		"2,Trần Thị Bích Ngọc,Nữ,1980,19/05/2010,19/05/2011,00012345,\r\n" +
		",Tổng cộng: 2 đồng chí,,,,,,\r\n"
	res := parseString(t, csv)
	if res.HeadingRow != 5 {
		t.Errorf("heading row %d, want 5", res.HeadingRow)
	}
	if len(res.Errors) != 0 || len(res.Records) != 2 {
		t.Fatalf("records %d, errors %v", len(res.Records), keys(res.Errors))
	}
	an, ngoc := res.Records[0], res.Records[1]
	if an.Row != 7 || ngoc.Row != 8 {
		t.Errorf("rows %d, %d; want 7, 8 as Excel shows them", an.Row, ngoc.Row)
	}
	if an.Member.FullName != "Nguyễn Văn An" || an.Member.Gender != party.Nam || an.Member.CardNumber != "01234567" {
		t.Errorf("first member %+v", an.Member)
	}
	if !ngoc.BirthYearOnly || ngoc.Member.BirthDate.Year() != 1980 || ngoc.Member.Gender != party.Nu {
		t.Errorf("second member %+v, year only %v", ngoc.Member, ngoc.BirthYearOnly)
	}
	if ngoc.Member.CardNumber != "00012345" {
		t.Errorf("card %q: leading zeros must be kept", ngoc.Member.CardNumber)
	}
	if !hasKey(res.Warnings, 9, "import.row_footer") {
		t.Errorf("the total row must be skipped with a warning; warnings %v", keys(res.Warnings))
	}
	if res.Encoding != vntext.Unicode {
		t.Errorf("encoding %s", res.Encoding)
	}
}

func TestSplitNameColumns(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"TT", "Họ đệm", "Tên", "Ngày vào Đảng"},
		[]string{"1", "Nguyễn Thị", "Hoa", "03/02/1990"},
		[]string{"2", "Lê", "Văn", "03/02/1991"},
	))
	var names []string
	for _, r := range res.Records {
		names = append(names, r.Member.FullName)
	}
	if want := []string{"Nguyễn Thị Hoa", "Lê Văn"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

// Headings typed without diacritics, in capitals, with old accent
// placement, decomposed: all the same list.
func TestHeadingsWithAndWithoutDiacritics(t *testing.T) {
	for _, head := range [][]string{
		{"Họ và tên", "Ngày vào Đảng", "Số thẻ đảng viên", "Văn hóa, lý luận, CMNV, ngoại ngữ"},
		{"HO VA TEN", "NGAY VAO DANG", "SO THE DANG VIEN", "VAN HOA, LY LUAN, CMNV, NGOAI NGU"},
		{"ho va ten", "ngay ket nap", "so the DV", "Văn hoá, lý luận, CMNV, ngoại ngữ"},
		{vntext.Fold("Họ và tên"), "Ngày vào Đảng", "Số thẻ", "Văn hoá, lý luận, CMNV, ngoại ngữ"},
	} {
		res := parseString(t, csvRows(",", head, []string{"Nguyễn Văn An", "05/06/2001", "01234567", "12/12"}))
		if len(res.Records) != 1 || res.Records[0].Member.CardNumber != "01234567" {
			t.Errorf("headings %q: records %+v errors %v", head, res.Records, keys(res.Errors))
		}
		if len(res.Columns) != 3 {
			t.Errorf("headings %q: columns %+v", head, res.Columns)
		}
		if !hasKey(res.Warnings, 1, "import.column_unused") {
			t.Errorf("headings %q: the education column must be reported unused: %v", head, keys(res.Warnings))
		}
	}
}

// Unknown columns are ignored and listed in the warnings once, not once
// per row.
func TestUnknownColumnsWarnedOnce(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày vào Đảng", "Sở thích", "Nhóm máu"},
		[]string{"Nguyễn Văn An", "05/06/2001", "Cờ tướng", "O"},
		[]string{"Lê Thị Bình", "05/06/2002", "Đọc sách", "A"},
	))
	var unknown []string
	for _, w := range res.Warnings {
		if w.Msg.Key == "import.column_unknown" {
			unknown = append(unknown, w.Column)
		}
	}
	if want := []string{"Sở thích", "Nhóm máu"}; !slices.Equal(unknown, want) {
		t.Errorf("unknown columns %q, want %q", unknown, want)
	}
	if len(res.Records) != 2 {
		t.Errorf("records %d", len(res.Records))
	}
}

// CSV separators: comma, semicolon (Excel with Vietnamese settings), tab,
// and Excel's "sep=" line. A semicolon file whose headings hold commas
// must not be read as comma-separated.
func TestCSVSeparators(t *testing.T) {
	rows := [][]string{
		{"STT", "Họ và tên", "Ngày, tháng, năm sinh", "Ngày vào Đảng, ngày chính thức", "Số thẻ đảng viên"},
		{"1", "Nguyễn Văn An", "12/03/1975", "05/06/2001 - 05/06/2002", "01234567"},
	}
	for name, text := range map[string]string{
		"semicolon":      csvRows(";", rows...),
		"tab":            csvRows("\t", rows...),
		"sep= line":      "sep=;\r\n" + csvRows(";", rows...),
		"comma, quoted":  `STT,Họ và tên,"Ngày, tháng, năm sinh","Ngày vào Đảng, ngày chính thức",Số thẻ đảng viên` + "\r\n" + `1,Nguyễn Văn An,12/03/1975,"05/06/2001, 05/06/2002",01234567` + "\r\n",
		"UTF-8 with BOM": "\ufeff" + csvRows(";", rows...),
	} {
		t.Run(name, func(t *testing.T) {
			res := parseString(t, text)
			if len(res.Records) != 1 {
				t.Fatalf("records %d, errors %v, warnings %v", len(res.Records), keys(res.Errors), keys(res.Warnings))
			}
			m := res.Records[0].Member
			if m.FullName != "Nguyễn Văn An" || m.BirthDate != party.D(1975, 3, 12) ||
				m.JoinedOn != party.D(2001, 6, 5) || m.OfficialOn != party.D(2002, 6, 5) {
				t.Errorf("member %+v", m)
			}
			if res.Records[0].Row != 2 {
				t.Errorf("row %d, want 2", res.Records[0].Row)
			}
		})
	}
}

// Excel saves "Unicode text" as UTF-16 with tabs.
func TestUTF16Text(t *testing.T) {
	text := csvRows("\t", []string{"Họ và tên", "Ngày vào Đảng"}, []string{"Đặng Quốc Việt", "05/06/2001"})
	b := []byte{0xFF, 0xFE}
	for _, r := range text {
		b = append(b, byte(r), byte(r>>8))
	}
	res, err := parseBytes(t, b, "ds.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Member.FullName != "Đặng Quốc Việt" {
		t.Errorf("records %+v", res.Records)
	}
}

// The row numbers are those Excel shows: blank lines count, a quoted cell
// spanning two lines is one row.
func TestRowNumbersAsExcelShowsThem(t *testing.T) {
	csv := "Họ và tên,Ngày vào Đảng,Ghi chú\r\n" +
		"Nguyễn Văn An,05/06/2001,\"dòng một\r\ndòng hai\"\r\n" +
		"\r\n" +
		"Lê Văn Bình,05/06/17,\r\n"
	res := parseString(t, csv)
	if !hasKey(res.Errors, 4, "import.date_invalid") {
		t.Errorf("the two-digit year is on row 4: %v", keys(res.Errors))
	}
	if len(res.Records) != 1 || res.Records[0].Row != 2 || res.Records[0].Member.Note != "dòng một dòng hai" {
		t.Errorf("records %+v", res.Records)
	}
}

// Full name and date joined are required; a row with neither name nor
// card nor date (a signature, a blank template row) is skipped.
func TestRequiredFields(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"STT", "Họ và tên", "Ngày vào Đảng", "Số thẻ đảng viên", "Ghi chú"},
		[]string{"1", "Nguyễn Văn An", "", "01234567", ""},
		[]string{"2", "", "05/06/2001", "01234568", ""},
		[]string{"3", "", "", "", ""},
		[]string{"", "", "", "", "Người lập danh sách"},
		[]string{"4", "Lê Văn Bình", "05/06/2020", "", ""},
	))
	want := []string{"2:import.joined_required", "3:import.name_required"}
	if got := keys(res.Errors); !slices.Equal(got, want) {
		t.Errorf("errors %v, want %v", got, want)
	}
	if !hasKey(res.Warnings, 5, "import.row_skipped") {
		t.Errorf("the signature row must be skipped with a warning: %v", keys(res.Warnings))
	}
	if len(res.Records) != 1 || res.Records[0].Member.FullName != "Lê Văn Bình" {
		t.Errorf("records %+v", res.Records)
	}
}

// Số thẻ đảng viên: 8 digits, text, leading zeros kept. A number cell in
// XLSX that lost its zeros is padded back with a warning; anything else
// malformed is an error.
func TestCardNumbers(t *testing.T) {
	b := makeXLSX(t, [][]any{
		{"Họ và tên", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên"},
		{"Nguyễn Văn An", "05/06/2001", "05/06/2002", "01234567"}, // text: kept
		{"Trần Văn Bình", "05/06/2001", "05/06/2002", 1234568},    // number: padded
		{"Lê Văn Cường", "05/06/2001", "05/06/2002", 45},          // number: padded
		{"Phạm Văn Dũng", "05/06/2001", "05/06/2002", "1234569"},  // text, 7 digits: error
		{"Hoàng Văn Em", "05/06/2001", "05/06/2002", "123456789"}, // 9 digits
		{"Vũ Văn Phong", "05/06/2001", "05/06/2002", "0123456A"},  // a letter
		{"Đỗ Văn Giang", "05/06/2001", "05/06/2002", "0123 4570"}, // spaces between boxes
		{"Bùi Văn Hải", "05/06/2001", "05/06/2002", 123456789},    // number, 9 digits
	})
	res, err := parseBytes(t, b, "the.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	cards := map[int]string{}
	for _, r := range res.Records {
		cards[r.Row] = r.Member.CardNumber
	}
	wantCards := map[int]string{2: "01234567", 3: "01234568", 4: "00000045", 8: "01234570"}
	for row, want := range wantCards {
		if cards[row] != want {
			t.Errorf("row %d: card %q, want %q", row, cards[row], want)
		}
	}
	for _, row := range []int{3, 4} {
		if !hasKey(res.Warnings, row, "import.card_padded") {
			t.Errorf("row %d: no padding warning in %v", row, keys(res.Warnings))
		}
	}
	wantErrs := []string{"5:import.card_short", "6:import.card_long", "7:import.card_not_digits", "9:import.card_long"}
	if got := keys(res.Errors); !slices.Equal(got, wantErrs) {
		t.Errorf("errors %v, want %v", got, wantErrs)
	}
	for _, e := range res.Errors {
		if e.Column != "Số thẻ đảng viên" {
			t.Errorf("error %v names column %q", e.Msg, e.Column)
		}
	}
}

// In CSV there is no telling a number cell: seven digits are an error that
// says how the zero may have been lost. ="01234567" and '01234567, the
// ways people keep zeros in Excel, are read as the number.
func TestCardNumbersInCSV(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ"},
		[]string{"Nguyễn Văn An", "05/06/2001", "05/06/2002", "1234567"},
		[]string{"Trần Văn Bình", "05/06/2001", "05/06/2002", `="01234568"`},
		[]string{"Lê Văn Cường", "05/06/2001", "05/06/2002", "'01234569"},
	))
	if got := keys(res.Errors); !slices.Equal(got, []string{"2:import.card_short"}) {
		t.Errorf("errors %v", got)
	}
	if len(res.Records) != 2 || res.Records[0].Member.CardNumber != "01234568" || res.Records[1].Member.CardNumber != "01234569" {
		t.Errorf("records %+v", res.Records)
	}
}

// A card number on two rows is an error on every row that repeats it,
// naming the first, and on the first, naming the next.
func TestDuplicateCards(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên"},
		[]string{"Nguyễn Văn An", "05/06/2001", "05/06/2002", "01234567"},
		[]string{"Trần Văn Bình", "05/06/2001", "05/06/2002", "01234568"},
		[]string{"Lê Văn Cường", "05/06/2001", "05/06/2002", "01234567"},
		[]string{"Phạm Văn Dũng", "05/06/2001", "05/06/2002", "01234567"},
	))
	want := []string{"2:import.card_duplicated_at", "4:import.card_duplicate", "5:import.card_duplicate"}
	if got := keys(res.Errors); !slices.Equal(got, want) {
		t.Fatalf("errors %v, want %v", got, want)
	}
	for _, e := range res.Errors[1:] {
		if e.Msg.Args[1] != 2 {
			t.Errorf("row %d names row %v, want the first, 2", e.Row, e.Msg.Args[1])
		}
	}
	if res.Errors[0].Msg.Args[1] != 4 {
		t.Errorf("the first row names row %v, want 4", res.Errors[0].Msg.Args[1])
	}
	if len(res.Records) != 1 || res.Records[0].Row != 3 {
		t.Errorf("only row 3 is clean: %+v", res.Records)
	}
}

func TestGender(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Giới tính", "Ngày vào Đảng"},
		[]string{"A", "Nam", "05/06/2001"},
		[]string{"B", "nữ", "05/06/2001"},
		[]string{"C", "NU", "05/06/2001"},
		[]string{"D", "", "05/06/2001"},
		[]string{"E", "khác", "05/06/2001"},
	))
	got := map[string]party.Gender{}
	for _, r := range res.Records {
		got[r.Member.FullName] = r.Member.Gender
	}
	want := map[string]party.Gender{"A": party.Nam, "B": party.Nu, "C": party.Nu, "D": ""}
	for n, g := range want {
		if got[n] != g {
			t.Errorf("%s: %q, want %q", n, got[n], g)
		}
	}
	if !hasKey(res.Errors, 6, "import.gender_invalid") {
		t.Errorf("errors %v", keys(res.Errors))
	}
}

// Some lists put the birth date in a Nam or Nữ column, or a cross, under
// a merged "Năm sinh" heading.
func TestNamNuColumns(t *testing.T) {
	csv := "STT,Họ và tên,Năm sinh,,Ngày vào Đảng\r\n" +
		",,Nam,Nữ,\r\n" +
		"1,Nguyễn Văn An,12/03/1975,,05/06/2001\r\n" +
		"2,Trần Thị Bình,,1980,05/06/2001\r\n" +
		"3,Lê Thị Cúc,,x,05/06/2001\r\n" +
		"4,Phạm Văn Dũng,x,x,05/06/2001\r\n"
	res := parseString(t, csv)
	if res.HeadingRow != 2 {
		t.Errorf("heading row %d, want 2", res.HeadingRow)
	}
	byRow := map[int]Record{}
	for _, r := range res.Records {
		byRow[r.Row] = r
	}
	if r := byRow[3]; r.Member.Gender != party.Nam || r.Member.BirthDate != party.D(1975, 3, 12) {
		t.Errorf("row 3: %+v", r.Member)
	}
	if r := byRow[4]; r.Member.Gender != party.Nu || !r.BirthYearOnly || r.Member.BirthDate.Year() != 1980 {
		t.Errorf("row 4: %+v", r)
	}
	if r := byRow[5]; r.Member.Gender != party.Nu || !r.Member.BirthDate.IsZero() {
		t.Errorf("row 5: %+v", r.Member)
	}
	if !hasKey(res.Errors, 6, "import.gender_conflict") {
		t.Errorf("errors %v", keys(res.Errors))
	}
}

// The official register, Mẫu 7-HSĐV, with its combined columns: several
// facts in one cell on sub-lines.
func TestRegisterColumns(t *testing.T) {
	b := makeXLSX(t, [][]any{
		{"SỔ DANH SÁCH ĐẢNG VIÊN"},
		{"Số TT", "HỌ VÀ TÊN", "Nam, nữ, dân tộc, tôn giáo", "QUÊ QUÁN", "Văn hoá, lý luận, CMNV, ngoại ngữ",
			"Nghề nghiệp trước khi vào Đảng, Nghề nghiệp hiện nay", "Ngày vào Đảng, ngày chính thức",
			"Số thẻ đảng viên, số lý lịch đảng viên, số Huy hiệu Đảng", "Bộ đội, công an, hưu trí",
			"Ngày chuyển đi, đến đăng bộ cơ sở", "Ngày chuyển đến, ở đảng bộ cơ sở nào đến", "Ngày từ trần", "Ngày ra khỏi Đảng, hình thức ra Đảng", "Chi chú"},
		{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"},
		{"1", "Nguyễn Văn An\nNguyễn Văn Ân", "Nam\nKinh\nKhông", "Nam Định", "12/12", "Nông dân\nGiáo viên", "05/06/2001\n05/06/2002", "01234567\n012345 HN", "", "", "", "", "", ""},
		{"2", "Trần Thị Bình", "Nữ, Tày, Phật giáo", "Cao Bằng", "", "Công nhân", "19/05/2024", "\n023456 CB", "", "", "", "", "", "Dự bị"},
		{"3", "Lê Văn Cường", "Nam, Kinh", "Huế", "", "", "05/06/1980; 05/06/1981", "00345678", "Hưu trí", "15/01/2025, Đảng bộ phường Bến Thành", "", "", "", ""},
	})
	res, err := parseBytes(t, b, "so-danh-sach.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 0 || len(res.Records) != 3 {
		t.Fatalf("records %d errors %v", len(res.Records), keys(res.Errors))
	}
	an, binh, cuong := res.Records[0], res.Records[1], res.Records[2]
	if an.Row != 4 {
		t.Errorf("the numbered row is not a member: first record on row %d", an.Row)
	}
	m := an.Member
	if m.FullName != "Nguyễn Văn An" || m.Gender != party.Nam || m.Ethnicity != "Kinh" || m.Religion != "Không" ||
		m.Occupation != "Giáo viên" || m.JoinedOn != party.D(2001, 6, 5) || m.OfficialOn != party.D(2002, 6, 5) ||
		m.CardNumber != "01234567" || m.DossierNo != "012345 HN" || an.Status != party.ChinhThuc {
		t.Errorf("An: %+v", an)
	}
	m = binh.Member
	if m.Gender != party.Nu || m.Ethnicity != "Tày" || m.Religion != "Phật giáo" || m.CardNumber != "" ||
		m.DossierNo != "023456 CB" || binh.Status != party.DuBi || !m.OfficialOn.IsZero() {
		t.Errorf("Bình: %+v", binh)
	}
	m = cuong.Member
	if cuong.Left != ChuyenDi || m.LeftOn != party.D(2025, 1, 15) || m.LeftReason != "Đảng bộ phường Bến Thành" {
		t.Errorf("Cường: %+v", cuong)
	}
	if !hasKey(res.Warnings, 6, "import.left.chuyen_di") {
		t.Errorf("warnings %v", keys(res.Warnings))
	}
	unused := 0
	for _, w := range res.Warnings {
		if w.Msg.Key == "import.column_unused" {
			unused++
		}
	}
	if unused != 3 {
		t.Errorf("%d unused columns reported, want 3 (cols 5, 9, 11): %v", unused, keys(res.Warnings))
	}
}

// Status (DOMAIN.md §3): chinh_thuc with a date made full member, a card
// or a note saying so; du_bi with a note saying so or nothing at all.
// "Miễn sinh hoạt" in the note marks the exemption.
func TestStatusAndExemption(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên", "Ghi chú"},
		[]string{"Có ngày chính thức", "05/06/2001", "05/06/2002", "01234567", ""},
		[]string{"Dự bị", "05/01/2026", "", "", "Đảng viên dự bị"},
		[]string{"Dự bị chưa ghi chú", "05/01/2026", "", "", ""},
		[]string{"Có thẻ chưa có ngày", "05/06/2001", "", "01234568", ""},
		[]string{"Ghi chú chính thức", "05/06/2001", "", "", "Chính thức"},
		[]string{"Miễn sinh hoạt", "05/06/1970", "05/06/1971", "01234569", "Miễn SH do tuổi cao"},
		[]string{"Miễn công tác", "05/06/1970", "05/06/1971", "01234570", "miễn công tác và sinh hoạt đảng"},
		[]string{"Dự bị quá hạn", "05/01/2024", "", "", ""},
		[]string{"Ghi chú mâu thuẫn", "05/06/2001", "05/06/2002", "01234571", "dự bị"},
		[]string{"Chính thức chưa có thẻ", "05/06/2024", "05/06/2025", "", ""},
	))
	type want struct {
		status party.MemberStatus
		exempt bool
		warn   string
	}
	wants := map[string]want{
		"Có ngày chính thức":     {party.ChinhThuc, false, ""},
		"Dự bị":                  {party.DuBi, false, ""},
		"Dự bị chưa ghi chú":     {party.DuBi, false, ""},
		"Có thẻ chưa có ngày":    {party.ChinhThuc, false, "import.official_unknown_card"},
		"Ghi chú chính thức":     {party.ChinhThuc, false, "import.official_unknown_note"},
		"Miễn sinh hoạt":         {party.ChinhThuc, true, ""},
		"Miễn công tác":          {party.ChinhThuc, true, ""},
		"Dự bị quá hạn":          {party.DuBi, false, "import.probation_overdue"},
		"Ghi chú mâu thuẫn":      {party.ChinhThuc, false, "import.note_says_probationary"},
		"Chính thức chưa có thẻ": {party.ChinhThuc, false, "import.card_missing"},
	}
	if len(res.Errors) != 0 || len(res.Records) != len(wants) {
		t.Fatalf("records %d errors %v", len(res.Records), keys(res.Errors))
	}
	for _, r := range res.Records {
		w := wants[r.Member.FullName]
		if r.Status != w.status || r.Exempt != w.exempt {
			t.Errorf("%s: status %s exempt %v, want %s %v", r.Member.FullName, r.Status, r.Exempt, w.status, w.exempt)
		}
		if w.warn != "" && !hasKey(res.Warnings, r.Row, w.warn) {
			t.Errorf("%s: no warning %s in %v", r.Member.FullName, w.warn, keys(res.Warnings))
		}
	}
}

// The dates must fit together: none after today; the date made full
// member after the date joined; the date joined at 18 or older (Party
// Charter, Article 1) and after the Party's founding on 03/02/1930.
func TestDatePlausibility(t *testing.T) {
	cases := []struct {
		name                    string
		birth, joined, official string
		wantErr, wantWarn       string
	}{
		{"all fine", "12/03/1975", "05/06/2001", "05/06/2002", "", ""},
		{"joined tomorrow", "12/03/1975", "06/06/2026", "", "import.date_future", ""},
		{"born in the future", "01/01/2027", "05/06/2001", "05/06/2002", "import.date_future", ""},
		{"made full before joining", "12/03/1975", "05/06/2001", "05/06/2000", "import.official_before_joined", ""},
		{"made full after 6 months", "12/03/1975", "05/06/2001", "05/12/2001", "", "import.official_early"},
		{"joined at 17", "12/03/1990", "11/03/2008", "11/03/2009", "import.joined_under_18", ""},
		{"joined on the 18th birthday", "12/03/1990", "12/03/2008", "12/03/2009", "", ""},
		{"joined at 17 by the year of birth", "1990", "31/12/2007", "31/12/2008", "import.joined_under_18", ""},
		{"year of birth: maybe 18 already", "1990", "01/01/2008", "01/01/2009", "", ""},
		{"joined before the Party existed", "", "01/01/1929", "01/01/1930", "import.joined_before_founding", ""},
		{"born 130 years ago", "01/01/1896", "05/06/1930", "05/06/1931", "", "import.birth_too_old"},
	}
	rows := [][]string{{"Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức"}}
	for _, c := range cases {
		rows = append(rows, []string{c.name, c.birth, c.joined, c.official})
	}
	res := parseString(t, csvRows(",", rows...))
	for i, c := range cases {
		row := i + 2
		var errs, warns []string
		for _, e := range res.Errors {
			if e.Row == row {
				errs = append(errs, e.Msg.Key)
			}
		}
		for _, w := range res.Warnings {
			if w.Row == row && w.Msg.Key != "import.probation_overdue" {
				warns = append(warns, w.Msg.Key)
			}
		}
		if c.wantErr == "" && len(errs) > 0 || c.wantErr != "" && !slices.Contains(errs, c.wantErr) {
			t.Errorf("%s: errors %v, want %q", c.name, errs, c.wantErr)
		}
		if c.wantWarn == "" && len(warns) > 0 || c.wantWarn != "" && !slices.Contains(warns, c.wantWarn) {
			t.Errorf("%s: warnings %v, want %q", c.name, warns, c.wantWarn)
		}
	}
}

// A list without the date made full member: members with a card are full
// members with the date unknown; one warning for the file, not one per row
// about the probation.
func TestListWithoutOfficialColumn(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày vào Đảng", "Số thẻ đảng viên"},
		[]string{"Nguyễn Văn An", "05/06/2001", "01234567"},
		[]string{"Lê Văn Bình", "05/06/2025", ""},
	))
	if !hasKey(res.Warnings, 1, "import.no_official_column") {
		t.Errorf("warnings %v", keys(res.Warnings))
	}
	if hasKey(res.Warnings, 3, "import.probation_overdue") {
		t.Errorf("no per-row probation warning without the column: %v", keys(res.Warnings))
	}
	if res.Records[0].Status != party.ChinhThuc || res.Records[1].Status != party.DuBi {
		t.Errorf("statuses %s %s", res.Records[0].Status, res.Records[1].Status)
	}
}

// Phone and CCCD numbers stored as Excel numbers lose their leading zero.
func TestPhoneAndIDZerosRestored(t *testing.T) {
	b := makeXLSX(t, [][]any{
		{"Họ và tên", "Ngày vào Đảng", "Số điện thoại", "Số CCCD", "Chi bộ"},
		{"Nguyễn Văn An", "05/06/2001", 912345678, 1234567890, "Chi bộ Khu phố 3"},
		{"Lê Văn Bình", "05/06/2001", "0987654321", "079123456789", ""},
	})
	res, err := parseBytes(t, b, "ds.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	an, binh := res.Records[0], res.Records[1]
	if an.Member.Phone != "0912345678" || an.Member.IDNumber != "001234567890" || an.CellName != "Chi bộ Khu phố 3" {
		t.Errorf("An: %+v cell %q", an.Member, an.CellName)
	}
	if binh.Member.Phone != "0987654321" || binh.Member.IDNumber != "079123456789" {
		t.Errorf("Bình: %+v", binh.Member)
	}
	if !hasKey(res.Warnings, 2, "import.phone_padded") || !hasKey(res.Warnings, 2, "import.id_padded") {
		t.Errorf("warnings %v", keys(res.Warnings))
	}
}

// Text arrives decomposed (NFD) from some keyboards and from Excel: it is
// stored composed, with spaces collapsed.
func TestTextIsCleaned(t *testing.T) {
	nfd := "Nguye\u0302\u0303n  Va\u0306n   An"
	res := parseString(t, csvRows(",", []string{"Họ và tên", "Ngày vào Đảng", "Quê quán"}, []string{nfd, "05/06/2001", "  Hà\u00a0Nội "}))
	m := res.Records[0].Member
	if m.FullName != "Nguyễn Văn An" || m.Hometown != "Hà Nội" {
		t.Errorf("%q %q", m.FullName, m.Hometown)
	}
}

// The same person twice (same name, same birth date) is a warning.
func TestDuplicatePersonWarned(t *testing.T) {
	res := parseString(t, csvRows(",",
		[]string{"Họ và tên", "Ngày sinh", "Ngày vào Đảng"},
		[]string{"Nguyễn Văn An", "12/03/1975", "05/06/2001"},
		[]string{"NGUYỄN VĂN AN", "12/03/1975", "05/06/2001"},
	))
	if !hasKey(res.Warnings, 3, "import.duplicate_person") {
		t.Errorf("warnings %v", keys(res.Warnings))
	}
}

// Whole-file problems are *party.Error values.
func TestWholeFileProblems(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 50)...)
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	zip := []byte("PK\x03\x04 this is no workbook")
	cases := []struct {
		name string
		data []byte
		code party.Code
		key  string
	}{
		{"empty file", nil, party.EInvalid, "import.empty"},
		{"only a byte order mark and blank lines", []byte("\ufeff\r\n\r\n"), party.EInvalid, "import.empty"},
		{"a PNG renamed .csv", png, party.EInvalid, "import.not_spreadsheet"},
		{"a PDF renamed .csv", pdf, party.EInvalid, "import.not_spreadsheet"},
		{"Excel 97–2003", xls, party.EInvalid, "import.old_xls"},
		{"a broken zip", zip, party.EInvalid, "import.xlsx_broken"},
		{"a web page saved as .xls", []byte("<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>"), party.EInvalid, "import.markup"},
		{"no heading row", []byte("a,b,c\r\n1,2,3\r\n"), party.EInvalid, "import.no_heading"},
		{"a name but no date joined", []byte("Họ và tên,Giới tính,Số thẻ\r\nNguyễn Văn An,Nam,01234567\r\n"), party.EInvalid, "import.no_joined_column"},
		{"headings but no member", []byte("Họ và tên,Ngày vào Đảng\r\n,\r\n"), party.EInvalid, "import.no_rows"},
		{"an unclosed quote", []byte("Họ và tên,Ngày vào Đảng\r\n\"Nguyễn Văn An,05/06/2001\r\n"), party.EInvalid, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseBytes(t, c.data, "ds.csv")
			if c.key == "" {
				return // must not panic; may parse or fail
			}
			if party.ErrorCode(err) != c.code || errKey(err) != c.key {
				t.Errorf("got %v, want %s %s", err, c.code, c.key)
			}
		})
	}
}

// A list whose headings name the member but not the date joined.
func TestMissingJoinedColumn(t *testing.T) {
	_, err := parseBytes(t, []byte("Họ và tên,Giới tính,Ngày sinh\r\nNguyễn Văn An,Nam,12/03/1975\r\n"), "ds.csv")
	if errKey(err) != "import.no_joined_column" {
		t.Errorf("got %v", err)
	}
}

// Files over MaxBytes are refused before they are read whole; lists over
// MaxRows too.
func TestLimits(t *testing.T) {
	big := heading + strings.Repeat("1,Nguyễn Văn An,Nam,12/03/1975,05/06/2001,05/06/2002,,\r\n", 2000)
	r := &countingReader{r: strings.NewReader(big)}
	_, err := Parse(r, "ds.csv", Options{Limits: Limits{MaxBytes: 1000}, Today: today})
	if party.ErrorCode(err) != party.ETooLarge || errKey(err) != "import.too_large" {
		t.Errorf("too large: %v", err)
	}
	if r.n > 1001+4096 {
		t.Errorf("read %d bytes of a file refused at 1000", r.n)
	}
	for _, n := range []int{10, 11, 100} {
		_, err = Parse(strings.NewReader(heading+strings.Repeat("1,Nguyễn Văn An,Nam,12/03/1975,05/06/2001,05/06/2002,,\r\n", n)),
			"ds.csv", Options{Limits: Limits{MaxRows: 10}, Today: today})
		if n > 10 && (party.ErrorCode(err) != party.ETooLarge || errKey(err) != "import.too_many_rows") {
			t.Errorf("%d rows: %v", n, err)
		}
		if n == 10 && err != nil {
			t.Errorf("10 rows refused: %v", err)
		}
	}
	rows := [][]any{{"Họ và tên", "Ngày vào Đảng"}}
	for range 11 {
		rows = append(rows, []any{"Nguyễn Văn An", "05/06/2001"})
	}
	_, err = Parse(bytes.NewReader(makeXLSX(t, rows)), "ds.xlsx", Options{Limits: Limits{MaxRows: 10}, Today: today})
	if errKey(err) != "import.too_many_rows" {
		t.Errorf("xlsx rows: %v", err)
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A workbook whose first sheet is a cover page: the member list is read
// from the sheet that has the headings.
func TestXLSXFindsTheSheetWithTheList(t *testing.T) {
	b := makeXLSX(t, [][]any{{"Bìa"}, {"Danh sách đảng viên năm 2026"}})
	f := mustOpen(t, b)
	if _, err := f.NewSheet("Danh sách"); err != nil {
		t.Fatal(err)
	}
	_ = f.SetSheetRow("Danh sách", "A3", &[]any{"Họ và tên", "Ngày vào Đảng"})
	_ = f.SetSheetRow("Danh sách", "A4", &[]any{"Nguyễn Văn An", "05/06/2001"})
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	res, err := parseBytes(t, out.Bytes(), "ds.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheet != "Danh sách" || len(res.Records) != 1 || res.Records[0].Row != 4 || res.HeadingRow != 3 {
		t.Errorf("sheet %q heading row %d records %+v", res.Sheet, res.HeadingRow, res.Records)
	}
}
