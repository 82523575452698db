package memberio

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"chibo/internal/vntext"
)

// kind is what a column holds. The order is the order of preference when
// two columns fill the same field: "Họ và tên" before "Họ và tên khai sinh",
// separate columns before the register's combined ones.
type kind int

const (
	kNone           kind = iota
	kStt                 // Số TT: row number, not imported
	kName                // Họ và tên (đang dùng)
	kNameBirth           // Họ và tên khai sinh, used when there is no other name
	kFamily              // Họ đệm: family and middle names of a split name
	kGiven               // Tên: given name of a split name
	kGender              // Giới tính
	kGenderNam           // Nam: a cross or the birth date of a man
	kGenderNu            // Nữ: a cross or the birth date of a woman
	kEthnicity           // Dân tộc
	kReligion            // Tôn giáo
	kGenderEthRel        // register col 3: Nam, nữ, dân tộc, tôn giáo
	kBirth               // Ngày sinh, Năm sinh
	kHometown            // Quê quán
	kIDNumber            // Số CCCD
	kPhone               // Số điện thoại
	kEmail               // Email
	kAddress             // Nơi ở hiện nay
	kCard                // Số thẻ đảng viên
	kDossier             // Số lý lịch đảng viên
	kCardDossier         // register col 8: số thẻ, số lý lịch, số Huy hiệu
	kJoined              // Ngày vào Đảng
	kOfficial            // Ngày chính thức
	kJoinedOfficial      // register col 7: Ngày vào Đảng, ngày chính thức
	kOccupation          // Nghề nghiệp
	kOccupationBoth      // register col 6: before joining, and now
	kCell                // Chi bộ
	kNote                // Ghi chú
	kLeftTransfer        // register col 10: Ngày chuyển đi, đến đảng bộ cơ sở
	kLeftDeath           // register col 12: Ngày từ trần
	kLeftReason          // register col 12, second line: Lý do
	kLeftParty           // register col 13: Ngày ra khỏi Đảng, hình thức ra Đảng
	kUnused              // a register column Chibo does not store
	numKinds
)

// kindInfo says which slots a kind fills (two columns may not fill the same
// slot) and which member fields it reports (catalog keys import.field.*).
type kindInfo struct {
	slots  []string
	fields []string
}

var kinds = [numKinds]kindInfo{
	kStt:            {slots: []string{"stt"}},
	kName:           {slots: []string{"name", "name.family", "name.given"}, fields: []string{"full_name"}},
	kNameBirth:      {slots: []string{"name", "name.family", "name.given"}, fields: []string{"full_name"}},
	kFamily:         {slots: []string{"name.family"}, fields: []string{"full_name"}},
	kGiven:          {slots: []string{"name.given"}, fields: []string{"full_name"}},
	kGender:         {slots: []string{"gender"}, fields: []string{"gender"}},
	kGenderNam:      {slots: []string{"gender.nam"}, fields: []string{"gender", "birth_date"}},
	kGenderNu:       {slots: []string{"gender.nu"}, fields: []string{"gender", "birth_date"}},
	kEthnicity:      {slots: []string{"ethnicity"}, fields: []string{"ethnicity"}},
	kReligion:       {slots: []string{"religion"}, fields: []string{"religion"}},
	kGenderEthRel:   {slots: []string{"gender", "ethnicity", "religion"}, fields: []string{"gender", "ethnicity", "religion"}},
	kBirth:          {slots: []string{"birth"}, fields: []string{"birth_date"}},
	kHometown:       {slots: []string{"hometown"}, fields: []string{"hometown"}},
	kIDNumber:       {slots: []string{"id"}, fields: []string{"id_number"}},
	kPhone:          {slots: []string{"phone"}, fields: []string{"phone"}},
	kEmail:          {slots: []string{"email"}, fields: []string{"email"}},
	kAddress:        {slots: []string{"address"}, fields: []string{"address"}},
	kCard:           {slots: []string{"card"}, fields: []string{"card_number"}},
	kDossier:        {slots: []string{"dossier"}, fields: []string{"dossier_no"}},
	kCardDossier:    {slots: []string{"card", "dossier"}, fields: []string{"card_number", "dossier_no"}},
	kJoined:         {slots: []string{"joined"}, fields: []string{"joined_on"}},
	kOfficial:       {slots: []string{"official"}, fields: []string{"official_on"}},
	kJoinedOfficial: {slots: []string{"joined", "official"}, fields: []string{"joined_on", "official_on"}},
	kOccupation:     {slots: []string{"occupation"}, fields: []string{"occupation"}},
	kOccupationBoth: {slots: []string{"occupation"}, fields: []string{"occupation"}},
	kCell:           {slots: []string{"cell"}, fields: []string{"cell"}},
	kNote:           {slots: []string{"note"}, fields: []string{"note"}},
	kLeftTransfer:   {slots: []string{"left.transfer"}, fields: []string{"left_on"}},
	kLeftDeath:      {slots: []string{"left.death"}, fields: []string{"left_on"}},
	kLeftReason:     {slots: []string{"left.reason"}, fields: []string{"left_reason"}},
	kLeftParty:      {slots: []string{"left.party"}, fields: []string{"left_on", "left_reason"}},
}

// headings lists the headings each kind is known by, as committees write
// them (member-list-columns.md §1 and §3, plus a few obvious variants).
// They are matched after folding (headingKey), so case, diacritics and the
// old accent placement (hoá, uỷ) do not matter.
var headings = map[kind][]string{
	kStt:          {"STT", "Số TT", "TT", "Số thứ tự", "Thứ tự"},
	kName:         {"Họ và tên", "Họ tên", "Họ và tên đang dùng", "Họ tên đang dùng", "Họ và tên đảng viên", "Họ tên đảng viên", "Họ và tên thường dùng"},
	kNameBirth:    {"Họ và tên khai sinh", "Họ tên khai sinh"},
	kFamily:       {"Họ đệm", "Họ và đệm", "Họ và tên đệm", "Họ và chữ đệm", "Họ"},
	kGiven:        {"Tên"},
	kGender:       {"Giới tính", "Nam/Nữ", "Nam, nữ", "Nam hoặc nữ", "Phái"},
	kGenderNam:    {"Nam"},
	kGenderNu:     {"Nữ"},
	kEthnicity:    {"Dân tộc"},
	kReligion:     {"Tôn giáo"},
	kGenderEthRel: {"Nam, nữ, dân tộc, tôn giáo", "Giới tính, dân tộc, tôn giáo"},
	kBirth:        {"Ngày sinh", "Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Sinh ngày", "Năm sinh"},
	kHometown:     {"Quê quán", "Quê", "Nguyên quán"},
	kIDNumber:     {"Số CCCD", "CCCD", "Số căn cước", "Số căn cước công dân", "Căn cước công dân", "Số CMND", "CMND", "Số CMND/CCCD", "CMND/CCCD", "Số định danh", "Số định danh cá nhân"},
	kPhone:        {"Số điện thoại", "Điện thoại", "SĐT", "Số ĐT", "ĐT", "Điện thoại liên hệ"},
	kEmail:        {"Email", "E-mail", "Thư điện tử", "Địa chỉ email"},
	kAddress:      {"Nơi ở hiện nay", "Nơi cư trú", "Nơi ở", "Chỗ ở hiện nay", "Nơi ở hiện tại", "Địa chỉ", "Địa chỉ thường trú", "Nơi thường trú"},
	kCard:         {"Số thẻ đảng viên", "Số thẻ ĐV", "Số thẻ", "Số thẻ Đảng", "Thẻ đảng viên"},
	kDossier:      {"Số lý lịch đảng viên", "Số LLĐV", "Số lý lịch", "Số LL"},
	kCardDossier: {
		"Số thẻ đảng viên, số lý lịch đảng viên, số Huy hiệu Đảng",
		"Số thẻ đảng viên, số lý lịch đảng viên",
	},
	kJoined:   {"Ngày vào Đảng", "Ngày kết nạp", "Ngày kết nạp Đảng", "Ngày kết nạp vào Đảng", "Ngày vào Đảng dự bị", "Ngày tháng năm vào Đảng"},
	kOfficial: {"Ngày chính thức", "Ngày công nhận chính thức", "Ngày vào Đảng chính thức", "Ngày chuyển chính thức", "Ngày đảng viên chính thức", "Ngày tháng năm chính thức"},
	kJoinedOfficial: {
		"Ngày vào Đảng, ngày chính thức",
		"Ngày vào Đảng và ngày chính thức",
		"Ngày kết nạp, ngày chính thức",
	},
	kOccupation:     {"Nghề nghiệp", "Nghề nghiệp hiện nay", "Nghề nghiệp hiện tại"},
	kOccupationBoth: {"Nghề nghiệp trước khi vào Đảng, Nghề nghiệp hiện nay"},
	kCell:           {"Chi bộ", "Sinh hoạt tại chi bộ", "Chi bộ sinh hoạt", "Tên chi bộ"},
	kNote:           {"Ghi chú", "Chi chú"}, // "Chi chú": a misspelling in one copy of Mẫu 7-HSĐV
	kLeftTransfer:   {"Ngày chuyển đi, đến đảng bộ cơ sở", "Ngày chuyển đi"},
	kLeftDeath:      {"Ngày từ trần", "Ngày từ trần, lý do"},
	kLeftReason:     {"Lý do"},
	kLeftParty:      {"Ngày ra khỏi Đảng, hình thức ra Đảng", "Ngày ra khỏi Đảng"},
	kUnused: {
		"Văn hóa, lý luận, CMNV, ngoại ngữ", "Nghề nghiệp trước khi vào Đảng",
		"Bộ đội, công an, hưu trí", "Ngày chuyển đến, ở đảng bộ cơ sở nào đến",
		"Ngày chuyển đến", "Số Huy hiệu Đảng", "Huy hiệu Đảng",
		"Trình độ văn hóa", "Lý luận chính trị", "Chuyên môn nghiệp vụ", "Ngoại ngữ",
		"Chức vụ", "Đơn vị công tác",
	},
}

// headingKinds maps a folded heading to its kind.
var headingKinds = func() map[string]kind {
	m := map[string]kind{}
	for k, list := range headings {
		for _, h := range list {
			key := headingKey(h)
			if other, dup := m[key]; dup && other != k {
				panic(fmt.Sprintf("memberio: heading %q belongs to two kinds", h))
			}
			m[key] = k
		}
	}
	return m
}()

// headingKey folds a heading for matching: lower case, no diacritics (so
// "hoá" and "hóa" meet), đ as d, punctuation as single spaces:
// "Ngày, tháng, năm sinh" → "ngay thang nam sinh".
func headingKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range vntext.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// remarks are bracketed remarks after a heading: "Ngày sinh (dd/mm/yyyy)",
// "Số thẻ (8 số)", "(7)" for the register's column numbers.
var remarks = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// matchHeading tells what a heading cell names; kNone when it names
// nothing Chibo knows.
func matchHeading(s string) kind {
	s = vntext.Clean(s)
	if s == "" {
		return kNone
	}
	k, ok := headingKinds[headingKey(s)]
	if !ok {
		if bare := remarks.ReplaceAllString(s, " "); bare != s {
			k, ok = headingKinds[headingKey(bare)]
		}
	}
	if !ok {
		return kNone
	}
	// "Năm" (year) folds like "Nam" (man); only the latter marks a gender.
	if k == kGenderNam && strings.ContainsRune(strings.ToLower(s), 'ă') {
		return kNone
	}
	return k
}
