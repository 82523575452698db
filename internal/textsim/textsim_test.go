package textsim

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"chibo/internal/vntext"

	"golang.org/x/text/unicode/norm"
)

// Two honest minutes of the same cell, June and July, on the same form.
const minutesJune = `ĐẢNG BỘ PHƯỜNG YÊN HÒA
CHI BỘ KHU DÂN CƯ SỐ 4
*
ĐẢNG CỘNG SẢN VIỆT NAM
Yên Hòa, ngày 10 tháng 6 năm 2026

BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ tháng 6 năm 2026
Hôm nay, vào lúc 19 giờ 30 phút, ngày 10 tháng 6 năm 2026, tại nhà văn hóa tổ dân phố 12, Chi bộ Khu dân cư số 4 tổ chức sinh hoạt thường kỳ.
Chủ trì: đồng chí Nguyễn Văn Hùng, Bí thư chi bộ.
Thư ký: đồng chí Trần Thị Lan.
Tổng số đảng viên của chi bộ: 16 đồng chí; có mặt: 15 đồng chí; vắng: 1 đồng chí (đồng chí Lê Văn Nam đi công tác, có lý do).
Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.
I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC
Chi bộ đã lãnh đạo hoàn thành việc thu quỹ phòng chống thiên tai, đạt 96% số hộ. Công tác vệ sinh môi trường được duy trì, tổ dân phố tổ chức tổng vệ sinh vào sáng chủ nhật cuối tháng. Việc thu nộp đảng phí đầy đủ, đúng kỳ hạn.
Còn hạn chế: một số hộ kinh doanh trên phố Trung Kính vẫn để vật liệu xây dựng lấn chiếm vỉa hè.
II. Ý KIẾN THẢO LUẬN CỦA ĐẢNG VIÊN
- Đồng chí Phạm Quốc Tuấn đề nghị tổ an ninh tự quản tăng cường tuần tra vào ban đêm vì gần đây có hai vụ mất trộm xe máy ở ngõ 68.
- Đồng chí Hoàng Thị Mai báo cáo chi hội phụ nữ đã vận động được 12 hội viên tham gia lớp dạy nấu ăn dinh dưỡng cho trẻ em.
- Đồng chí Đỗ Minh Khánh nêu ý kiến cần rà soát lại danh sách hộ nghèo để đề nghị phường hỗ trợ trước mùa mưa bão.
III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ
Chi bộ ghi nhận các ý kiến; giao đồng chí Tuấn phối hợp công an phường xây dựng lịch tuần tra; giao đồng chí Khánh rà soát danh sách hộ nghèo, báo cáo tại kỳ sinh hoạt tháng 7.
IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI
Tổ chức cho nhân dân góp ý dự thảo quy hoạch chi tiết khu vực hồ điều hòa; vận động các hộ ký cam kết không lấn chiếm vỉa hè; chuẩn bị hồ sơ đề nghị kết nạp quần chúng Vũ Ngọc Anh.
Biểu quyết thông qua nghị quyết: tán thành 15 đồng chí, không tán thành 0 đồng chí.
Chi bộ tự đánh giá chất lượng buổi sinh hoạt đạt mức Tốt.
Buổi sinh hoạt kết thúc vào lúc 21 giờ 15 phút cùng ngày.
Biên bản đã được đọc lại cho các đồng chí dự họp cùng nghe và nhất trí thông qua.
THƯ KÝ
Trần Thị Lan
CHỦ TRÌ
Nguyễn Văn Hùng
`

const minutesJuly = `ĐẢNG BỘ PHƯỜNG YÊN HÒA
CHI BỘ KHU DÂN CƯ SỐ 4
*
ĐẢNG CỘNG SẢN VIỆT NAM
Yên Hòa, ngày 8 tháng 7 năm 2026

BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ tháng 7 năm 2026
Hôm nay, vào lúc 19 giờ 30 phút, ngày 8 tháng 7 năm 2026, tại nhà văn hóa tổ dân phố 12, Chi bộ Khu dân cư số 4 tổ chức sinh hoạt thường kỳ.
Chủ trì: đồng chí Nguyễn Văn Hùng, Bí thư chi bộ.
Thư ký: đồng chí Trần Thị Lan.
Tổng số đảng viên của chi bộ: 16 đồng chí; có mặt: 14 đồng chí; vắng: 2 đồng chí (đồng chí Bùi Thị Hạnh ốm, đồng chí Lê Văn Nam đi học, đều có lý do).
Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.
I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT THÁNG TRƯỚC
Lịch tuần tra ban đêm đã được xây dựng cùng công an phường, từ đầu tháng không còn vụ mất trộm nào. Danh sách hộ nghèo đã rà soát xong: 3 hộ đủ điều kiện, đã gửi phường đề nghị hỗ trợ. Hồ sơ kết nạp quần chúng Vũ Ngọc Anh đã hoàn thiện.
Việc vận động ký cam kết không lấn chiếm vỉa hè mới đạt 40 trên 57 hộ.
II. Ý KIẾN THẢO LUẬN CỦA ĐẢNG VIÊN
- Đồng chí Đặng Văn Lộc đề nghị chi bộ kiến nghị phường sửa hệ thống thoát nước ngõ 68, mỗi trận mưa lớn nước ngập đến đầu gối.
- Đồng chí Hoàng Thị Mai cho biết chi hội phụ nữ sẽ tổ chức trao học bổng cho 5 cháu học sinh nghèo vượt khó trước năm học mới.
- Đồng chí Phạm Quốc Tuấn đề nghị biểu dương tổ an ninh tự quản vì đã giữ được bình yên cho khu phố trong tháng.
III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ
Chi bộ thống nhất làm văn bản kiến nghị về thoát nước ngõ 68; đề nghị Ủy ban nhân dân phường khen thưởng tổ an ninh tự quản; tiếp tục vận động 17 hộ còn lại ký cam kết.
IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI
Tổ chức lễ kết nạp đảng viên mới cho quần chúng Vũ Ngọc Anh; phối hợp chi hội khuyến học trao học bổng; chuẩn bị nội dung sinh hoạt chuyên đề quý III về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
Biểu quyết thông qua nghị quyết: tán thành 14 đồng chí, không tán thành 0 đồng chí.
Chi bộ tự đánh giá chất lượng buổi sinh hoạt đạt mức Tốt.
Buổi sinh hoạt kết thúc vào lúc 21 giờ 05 phút cùng ngày.
Biên bản đã được đọc lại cho các đồng chí dự họp cùng nghe và nhất trí thông qua.
THƯ KÝ
Trần Thị Lan
CHỦ TRÌ
Nguyễn Văn Hùng
`

var form = NewTemplate(formPhrases...)

// DOMAIN.md §6: formalism is minutes nearly identical to the cell's
// previous minutes. Two honest minutes written on the same form are not.
func TestHonestMinutesOnTheSameFormAreNotAlike(t *testing.T) {
	s := Similarity(form.Fingerprint(minutesJune), form.Fingerprint(minutesJuly))
	if s >= 0.5 {
		t.Errorf("June and July minutes: similarity %.3f, want below 0.5", s)
	}
	var none *Template
	whole := Similarity(none.Fingerprint(minutesJune), none.Fingerprint(minutesJuly))
	if whole <= s {
		t.Errorf("without the form the similarity is %.3f, with it %.3f: the form should count for something", whole, s)
	}

	g := newGen(11)
	for i := range 200 {
		c := g.cell()
		a, b := g.minutes(c, 5), g.minutes(c, 6)
		if s := Similarity(form.Fingerprint(a), form.Fingerprint(b)); s >= 0.5 {
			t.Fatalf("generated honest minutes %d of one cell: similarity %.3f, want below 0.5\n%s\n---\n%s", i, s, a, b)
		}
	}
}

// A secretary copies last month's minutes and changes the date and a figure.
func TestCopyWithAFewWordsChangedIsAlike(t *testing.T) {
	copied := strings.NewReplacer(
		"ngày 10 tháng 6", "ngày 9 tháng 7",
		"tháng 6 năm 2026", "tháng 7 năm 2026",
		"đạt 96% số hộ", "đạt 98% số hộ",
	).Replace(minutesJune)
	if copied == minutesJune {
		t.Fatal("the copy did not change")
	}
	if s := Similarity(form.Fingerprint(minutesJune), form.Fingerprint(copied)); s <= 0.9 {
		t.Errorf("copy with the date changed: similarity %.3f, want above 0.9", s)
	}

	g := newGen(12)
	for range 50 {
		a := g.minutes(g.cell(), 6)
		b := g.copyEdited(a, 3)
		if s := Similarity(form.Fingerprint(a), form.Fingerprint(b)); s <= 0.9 {
			t.Fatalf("copy with 3 words changed: similarity %.3f, want above 0.9", s)
		}
	}
}

// stripMarks writes Vietnamese without diacritics, as on a keyboard
// without Vietnamese input: "Đảng" → "Dang".
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case r == 'Đ':
			b.WriteRune('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestCopyWithoutDiacriticsOrInAnotherCaseMatches(t *testing.T) {
	orig := form.Fingerprint(minutesJune)
	for name, text := range map[string]string{
		"without diacritics": stripMarks(minutesJune),
		"upper case":         strings.ToUpper(minutesJune),
		"lower case":         strings.ToLower(minutesJune),
		"decomposed (NFD)":   norm.NFD.String(minutesJune),
		"folded":             vntext.Fold(minutesJune),
		"on one line":        strings.Join(strings.Fields(minutesJune), " "),
	} {
		if s := Similarity(orig, form.Fingerprint(text)); s != 1 {
			t.Errorf("%s: similarity %.3f, want 1", name, s)
		}
	}
}

func TestEmptyTextsAreNotAlike(t *testing.T) {
	empty := form.Fingerprint("")
	if len(empty.Shingles) != 0 || empty.MinHash != nil {
		t.Errorf("empty text: fingerprint %+v, want none", empty)
	}
	if s := Similarity(empty, empty); s != 0 {
		t.Errorf("two empty texts: similarity %v, want 0", s)
	}
	if s := Similarity(empty, form.Fingerprint(minutesJune)); s != 0 {
		t.Errorf("empty and full: similarity %v, want 0", s)
	}
	if s := Similarity(form.Fingerprint(" .,;- \n"), form.Fingerprint("…")); s != 0 {
		t.Errorf("punctuation only: similarity %v, want 0", s)
	}
}

// The form alone is nothing to compare: all of it is taken out.
func TestTheFormItselfHasAnEmptyFingerprint(t *testing.T) {
	for name, text := range map[string]string{
		"phrases one per line":  strings.Join(formPhrases, "\n"),
		"phrases run together":  strings.Join(formPhrases, " "),
		"phrases in any order":  strings.Join(reversed(formPhrases), "\n"),
		"phrases without marks": stripMarks(strings.Join(formPhrases, "\n")),
	} {
		if f := form.Fingerprint(text); len(f.Shingles) != 0 {
			t.Errorf("%s: %d shingles left, want none", name, len(f.Shingles))
		}
	}
	// A filled blank is the cell's own text.
	if f := form.Fingerprint("Thư ký: đồng chí Trần Thị Lan"); len(f.Shingles) != 1 {
		t.Errorf("a name in a blank: %d shingles, want 1", len(f.Shingles))
	}
}

func reversed(xs []string) []string {
	r := slices.Clone(xs)
	slices.Reverse(r)
	return r
}

// A sentence of the form written with a word changed is still the form.
func TestFormSentenceWithAWordChangedIsMostlyForm(t *testing.T) {
	text := "Đồng chí chủ trì tuyên bố lý do, giới thiệu khách mời, thông qua chương trình sinh hoạt và cử thư ký."
	var none *Template
	all, left := none.Fingerprint(text), form.Fingerprint(text)
	// "đại biểu" became "khách mời": only the shingles holding one of the
	// two changed words are left.
	if want := ShingleWords + 1; len(left.Shingles) > want {
		t.Errorf("%d of %d shingles left, want at most %d (those with a changed word)", len(left.Shingles), len(all.Shingles), want)
	}
}

func TestWordsFoldAsVntext(t *testing.T) {
	for _, s := range []string{
		"Đảng ủy phường Yên Hòa", "\u0110a\u0309ng u\u0309y", "ĐỒNG CHÍ", "1.250 đồng; 94,7%", "e\u0301\u0301 x", "", "...", "Ð ð İ ß ǅ", "日本 語",
	} {
		var want []uint64
		for _, w := range vntext.FoldWords(s) {
			want = append(want, hashWord(w))
		}
		if got := appendWordHashes(nil, s); !slices.Equal(got, want) {
			t.Errorf("%q: %d words hashed, vntext.FoldWords gives %d (%q)", s, len(got), len(want), vntext.FoldWords(s))
		}
	}
}

func TestSplitBlanks(t *testing.T) {
	got := splitBlanks("Tổng số: … đồng chí; có mặt: ..... đồng chí; vắng: ___ đồng chí. Hết")
	want := []string{"Tổng số:", "đồng chí; có mặt:", "đồng chí; vắng:", "đồng chí. Hết"}
	if !slices.Equal(got, want) {
		t.Errorf("splitBlanks = %q, want %q", got, want)
	}
}

func TestMinHashEstimatesSimilarity(t *testing.T) {
	g := newGen(5)
	for range 20 {
		a := g.minutes(g.cell(), 6)
		b := g.copyEdited(a, 15)
		fa, fb := form.Fingerprint(a), form.Fingerprint(b)
		agree := 0
		for i := range fa.MinHash {
			if fa.MinHash[i] == fb.MinHash[i] {
				agree++
			}
		}
		est, exact := float64(agree)/SignatureSize, Similarity(fa, fb)
		// 128 values: standard error about 0.04.
		if d := est - exact; d > 0.2 || d < -0.2 {
			t.Errorf("MinHash estimate %.3f, exact %.3f", est, exact)
		}
	}
}
