package demo

// Places: the districts of Hà Nội, the wards of Long Biên, the provinces
// members come from, and syllables for inventing the names of wards,
// communes and villages elsewhere.

// districtSpec describes one district to generate.
type districtSpec struct {
	Code  string // LB
	Name  string // Long Biên
	Kind  string // quận, huyện, thị xã
	Wards []wardSpec
	// For generated wards (every district but Long Biên):
	WardsMin, WardsMax int
	// Residential cells per ward, and the mean of a residential cell's
	// members above the minimum of 20.
	ResMin, ResMax int
	ResExtra       float64
}

// wardSpec is a ward, commune or township.
type wardSpec struct {
	Code string // BD (the org code is district-ward: LB-BD)
	Name string // Bồ Đề
	Kind string // phường, xã, thị trấn
	User string // board user name ("" = lower-case code)
}

// longBien is the district of the district scale, after its 14 real wards.
var longBien = districtSpec{
	Code: "LB", Name: "Long Biên", Kind: "quận",
	Wards: []wardSpec{
		{"BD", "Bồ Đề", "phường", "bode"},
		{"CK", "Cự Khối", "phường", "cukhoi"},
		{"DG", "Đức Giang", "phường", "ducgiang"},
		{"GT", "Gia Thụy", "phường", "giathuy"},
		{"GB", "Giang Biên", "phường", "giangbien"},
		{"LB", "Long Biên", "phường", "longbien"},
		{"NL", "Ngọc Lâm", "phường", "ngoclam"},
		{"NT", "Ngọc Thụy", "phường", "ngocthuy"},
		{"PD", "Phúc Đồng", "phường", "phucdong"},
		{"PL", "Phúc Lợi", "phường", "phucloi"},
		{"SD", "Sài Đồng", "phường", "saidong"},
		{"TB", "Thạch Bàn", "phường", "thachban"},
		{"TT", "Thượng Thanh", "phường", "thuongthanh"},
		{"VH", "Việt Hưng", "phường", "viethung"},
	},
	ResMin: 11, ResMax: 16, ResExtra: 20,
}

// hanoi lists the 30 districts of Hà Nội before the 2025 reform; the city
// scale generates every one (Long Biên as in the district scale, the
// others with invented wards).
var hanoi = []districtSpec{
	{Code: "BDI", Name: "Ba Đình", Kind: "quận"},
	{Code: "HK", Name: "Hoàn Kiếm", Kind: "quận"},
	{Code: "THO", Name: "Tây Hồ", Kind: "quận"},
	longBien,
	{Code: "CG", Name: "Cầu Giấy", Kind: "quận"},
	{Code: "DDA", Name: "Đống Đa", Kind: "quận"},
	{Code: "HBT", Name: "Hai Bà Trưng", Kind: "quận"},
	{Code: "HM", Name: "Hoàng Mai", Kind: "quận"},
	{Code: "TX", Name: "Thanh Xuân", Kind: "quận"},
	{Code: "NTL", Name: "Nam Từ Liêm", Kind: "quận"},
	{Code: "BTL", Name: "Bắc Từ Liêm", Kind: "quận"},
	{Code: "HDO", Name: "Hà Đông", Kind: "quận"},
	{Code: "ST", Name: "Sơn Tây", Kind: "thị xã"},
	{Code: "BV", Name: "Ba Vì", Kind: "huyện"},
	{Code: "CM", Name: "Chương Mỹ", Kind: "huyện"},
	{Code: "DP", Name: "Đan Phượng", Kind: "huyện"},
	{Code: "DA", Name: "Đông Anh", Kind: "huyện"},
	{Code: "GL", Name: "Gia Lâm", Kind: "huyện"},
	{Code: "HDU", Name: "Hoài Đức", Kind: "huyện"},
	{Code: "ML", Name: "Mê Linh", Kind: "huyện"},
	{Code: "MD", Name: "Mỹ Đức", Kind: "huyện"},
	{Code: "PX", Name: "Phú Xuyên", Kind: "huyện"},
	{Code: "PT", Name: "Phúc Thọ", Kind: "huyện"},
	{Code: "QO", Name: "Quốc Oai", Kind: "huyện"},
	{Code: "SS", Name: "Sóc Sơn", Kind: "huyện"},
	{Code: "TTH", Name: "Thạch Thất", Kind: "huyện"},
	{Code: "TO", Name: "Thanh Oai", Kind: "huyện"},
	{Code: "TTR", Name: "Thanh Trì", Kind: "huyện"},
	{Code: "TTI", Name: "Thường Tín", Kind: "huyện"},
	{Code: "UH", Name: "Ứng Hòa", Kind: "huyện"},
}

// citySpec fills in the generated districts' sizes: about 22 wards of
// about 22 residential cells of about 28 members, so that the city comes
// to about 20,000 cells and 500,000 members.
func citySpec(d districtSpec) districtSpec {
	if len(d.Wards) > 0 {
		return d
	}
	d.WardsMin, d.WardsMax = 18, 26
	d.ResMin, d.ResMax = 18, 26
	d.ResExtra = 8.5
	return d
}

// nameSyllables make invented place names: two syllables, like "Phúc Xá".
var (
	placeFirst = []string{"An", "Bình", "Cẩm", "Đại", "Đông", "Đức", "Hòa", "Hồng", "Hưng", "Kim", "Lạc", "Liên", "Long", "Minh", "Mỹ",
		"Nam", "Ngọc", "Phú", "Phúc", "Phương", "Quang", "Tân", "Thạch", "Thanh", "Thịnh", "Thượng", "Tiên", "Trung", "Tràng", "Vạn",
		"Văn", "Vĩnh", "Xuân", "Yên", "Hạ", "Bắc", "Tây", "Cao", "Hoàng", "Khánh", "Cổ", "Định", "Hữu", "Lĩnh", "Nghĩa", "Quảng"}
	placeSecond = []string{"An", "Bình", "Châu", "Đình", "Đông", "Đồng", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khê", "Lâm", "Lộc", "Lợi",
		"Mai", "Minh", "Mỹ", "Ninh", "Phong", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Thái", "Thành", "Thọ", "Tiến", "Trung", "Vinh",
		"Xá", "Xuân", "Yên", "Lương", "Dương", "Hồ", "Liệt", "Cát", "Nội", "Trì", "Viên", "Lập", "Khang"}
	villageSingle = []string{"Đông", "Đoài", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Chùa", "Đình", "Giữa", "Ngoài", "Trong", "Mới"}
)

// province is a home province, with its code in the citizen ID (CCCD).
type province struct {
	Name      string
	Code      string // first 3 digits of the CCCD
	Districts []string
	Weight    float64
	Ethnic    []weighted // ethnic groups other than Kinh, when common there
	Catholic  float64    // share of Catholics
}

var provinces = []province{
	{"Hà Nội", "001", []string{"Gia Lâm", "Đông Anh", "Thường Tín", "Ứng Hòa", "Sóc Sơn", "Thanh Trì", "Long Biên", "Phú Xuyên"}, 25, nil, 0.01},
	{"Nam Định", "036", []string{"Hải Hậu", "Giao Thủy", "Xuân Trường", "Nghĩa Hưng", "Ý Yên", "Trực Ninh"}, 8, nil, 0.08},
	{"Thái Bình", "034", []string{"Kiến Xương", "Tiền Hải", "Vũ Thư", "Quỳnh Phụ", "Hưng Hà", "Đông Hưng"}, 8, nil, 0.04},
	{"Hải Dương", "030", []string{"Gia Lộc", "Cẩm Giàng", "Kinh Môn", "Thanh Hà", "Ninh Giang", "Tứ Kỳ"}, 7, nil, 0.01},
	{"Hưng Yên", "033", []string{"Văn Lâm", "Khoái Châu", "Tiên Lữ", "Mỹ Hào", "Kim Động"}, 6, nil, 0.01},
	{"Bắc Ninh", "027", []string{"Từ Sơn", "Quế Võ", "Gia Bình", "Tiên Du", "Thuận Thành"}, 5, nil, 0.01},
	{"Hà Nam", "035", []string{"Duy Tiên", "Kim Bảng", "Lý Nhân", "Thanh Liêm"}, 5, nil, 0.02},
	{"Ninh Bình", "037", []string{"Kim Sơn", "Yên Khánh", "Hoa Lư", "Gia Viễn", "Yên Mô"}, 4, nil, 0.08},
	{"Thanh Hóa", "038", []string{"Hoằng Hóa", "Quảng Xương", "Nông Cống", "Thọ Xuân", "Hậu Lộc", "Tĩnh Gia"}, 7, nil, 0.01},
	{"Nghệ An", "040", []string{"Nam Đàn", "Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương", "Yên Thành"}, 7, nil, 0.02},
	{"Hà Tĩnh", "042", []string{"Đức Thọ", "Can Lộc", "Nghi Xuân", "Thạch Hà", "Hương Sơn"}, 4, nil, 0.02},
	{"Phú Thọ", "025", []string{"Lâm Thao", "Phù Ninh", "Thanh Ba", "Tam Nông"}, 3, []weighted{{"Mường", 1}}, 0.01},
	{"Vĩnh Phúc", "026", []string{"Vĩnh Tường", "Yên Lạc", "Lập Thạch", "Bình Xuyên"}, 3, nil, 0.01},
	{"Bắc Giang", "024", []string{"Việt Yên", "Hiệp Hòa", "Lạng Giang", "Tân Yên"}, 3, []weighted{{"Nùng", 1}}, 0.01},
	{"Hải Phòng", "031", []string{"Thủy Nguyên", "An Lão", "Tiên Lãng", "Vĩnh Bảo", "Kiến Thụy"}, 3, nil, 0.01},
	{"Quảng Ninh", "022", []string{"Đông Triều", "Quảng Yên", "Hoành Bồ"}, 2, nil, 0.01},
	{"Thái Nguyên", "019", []string{"Phổ Yên", "Phú Bình", "Đại Từ"}, 2, []weighted{{"Tày", 2}, {"Nùng", 1}}, 0},
	{"Hòa Bình", "017", []string{"Lương Sơn", "Kim Bôi", "Lạc Thủy"}, 1.5, []weighted{{"Mường", 1}}, 0},
	{"Lạng Sơn", "020", []string{"Văn Lãng", "Cao Lộc", "Bắc Sơn"}, 1, []weighted{{"Tày", 1}, {"Nùng", 1}}, 0},
	{"Cao Bằng", "004", []string{"Hòa An", "Trùng Khánh", "Quảng Uyên"}, 1, []weighted{{"Tày", 2}, {"Nùng", 1}}, 0},
	{"Tuyên Quang", "008", []string{"Sơn Dương", "Yên Sơn", "Hàm Yên"}, 0.8, []weighted{{"Tày", 1}, {"Dao", 0.4}}, 0},
	{"Sơn La", "014", []string{"Mai Sơn", "Mộc Châu", "Thuận Châu"}, 0.6, []weighted{{"Thái", 1}}, 0},
	{"Quảng Bình", "044", []string{"Lệ Thủy", "Quảng Trạch", "Bố Trạch"}, 1, nil, 0.03},
	{"Thừa Thiên Huế", "046", []string{"Phú Vang", "Hương Trà", "Phong Điền"}, 1, nil, 0.02},
}

// minority is the share of members from a province of ethnic groups who
// belong to one of them.
const minority = 0.55
