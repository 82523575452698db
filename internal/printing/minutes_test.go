package printing

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

const a4MediaBox = "0 0 595.28 841.89" // 210 × 297 mm in points

func TestMinutesPDFIsA4WithPageNumbersFromPage2(t *testing.T) {
	for name, d := range map[string]MinutesDoc{"regular": regularExample(), "thematic": thematicExample()} {
		t.Run(name, func(t *testing.T) {
			f := minutesPDF(t, d)
			if f.count != f.pageObjs || f.count != len(f.pageTexts) {
				t.Fatalf("page tree says %d pages, found %d page objects and %d content streams", f.count, f.pageObjs, len(f.pageTexts))
			}
			fs, _ := faces()
			doc := minutesDocument(d, fs)
			want := len(paginate(units(doc.blocks, doc.margins, fs), doc.margins.top, pageHeight-doc.margins.bottom))
			if f.count != want || f.count < 2 {
				t.Fatalf("%d pages, the layout made %d (the example needs at least 2)", f.count, want)
			}
			for _, mb := range f.mediaBox {
				if mb != a4MediaBox {
					t.Errorf("MediaBox [%s], want A4 [%s]", mb, a4MediaBox)
				}
			}
			// PRINT.md §1: none on page 1; from page 2, the number comes first.
			if first := strings.Fields(f.pageTexts[0])[0]; first == "1" {
				t.Error("page 1 carries a page number")
			}
			for i, txt := range f.pageTexts[1:] {
				if got := strings.Fields(txt)[0]; got != strconv.Itoa(i+2) {
					t.Errorf("page %d starts with %q, want its number", i+2, got)
				}
			}
		})
	}
}

// The wording of PRINT.md §2, §3 and §6, as the regular example fills it.
func TestRegularMinutesWording(t *testing.T) {
	d := regularExample()
	want := []string{
		"ĐẢNG BỘ PHƯỜNG LONG BIÊN", "CHI BỘ TỔ DÂN PHỐ SỐ 5", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
		"Số 05-BB/CB", "Long Biên, ngày 05 tháng 6 năm 2026",
		"BIÊN BẢN", "sinh hoạt chi bộ thường kỳ tháng 6 năm 2026",
		"- Thời gian: 08 giờ 00 phút, ngày 05 tháng 6 năm 2026.",
		"- Địa điểm: Nhà văn hóa Tổ dân phố số 5.",
		"- Thành phần tham dự:",
		"+ Đại biểu dự: Đồng chí Trần Văn Bình, Đảng ủy viên, phụ trách địa bàn.",
		"+ Chủ trì: Đồng chí Nguyễn Thị Hoa, Bí thư chi bộ; Thư ký: Đồng chí Lê Văn Nam.",
		"+ Tổng số đảng viên của chi bộ: 18 đồng chí. Trong đó, đảng viên chính thức: 15 đồng chí, đảng viên dự bị: 2 đồng chí, đảng viên sinh hoạt tạm thời: 1 đồng chí.",
		"+ Số đảng viên được miễn sinh hoạt: 2 đồng chí.",
		"+ Số đảng viên giới thiệu sinh hoạt tạm thời đi nơi khác: 1 đồng chí.",
		"+ Số đảng viên dự sinh hoạt: 13 đồng chí.",
		"+ Số đảng viên vắng mặt: 3 đồng chí.",
		". Có lý do: 2 đồng chí (Phạm Văn Đức – ốm; Hoàng Thị Lan – đi công tác).",
		". Không có lý do: 1 đồng chí (Vũ Văn Hải).",
		"+ Đảng viên miễn sinh hoạt có mặt: 1 đồng chí.",
		"Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.",
		"I. NỘI DUNG SINH HOẠT",
		"1. Sinh hoạt \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\".",
		"II. DIỄN BIẾN BUỔI SINH HOẠT",
		"Đồng chí Nguyễn Thị Hoa trình bày Sinh hoạt \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\".",
		"* Các ý kiến tham gia:",
		"- Đồng chí Đỗ Văn Tùng: Đề nghị mỗi đảng viên nhận một tuyến ngõ để vận động bà con giữ vệ sinh.",
		"- Đồng chí Phạm Thị Mai: Nhất trí với báo cáo; đề nghị bổ sung việc kiểm tra các hộ kinh doanh lấn chiếm vỉa hè.",
		"Đồng chí chủ trì kết luận nội dung này: Chi bộ nhất trí với báo cáo và các ý kiến bổ sung; giao đồng chí Tổ trưởng xây dựng kế hoạch phòng chống lụt bão trước ngày 15/7.",
		"III. KẾT LUẬN VÀ BIỂU QUYẾT",
		"Biểu quyết: 12 đồng chí tán thành, 0 đồng chí không tán thành, 1 đồng chí không biểu quyết (tổng số đảng viên có quyền biểu quyết: 14).",
		"Thu đảng phí tháng 6: 15/17 đồng chí.",
		"Chi bộ tự đánh giá chất lượng buổi sinh hoạt: Tốt.",
		"Buổi sinh hoạt kết thúc vào hồi 10 giờ 45 phút cùng ngày.",
		"Biên bản đã được đọc lại cho chi bộ nghe và được các đồng chí dự họp nhất trí thông qua.",
		"THƯ KÝ", "CHỦ TRÌ", "Lê Văn Nam", "Nguyễn Thị Hoa",
	}
	pdf := minutesPDF(t, d).text()
	doc := docxText(t, minutesDOCX(t, d)["word/document.xml"])
	for _, w := range want {
		if !strings.Contains(pdf, w) {
			t.Errorf("PDF lacks %q", w)
		}
		if !strings.Contains(doc, w) {
			t.Errorf("DOCX lacks %q", w)
		}
	}
	// The fourth item was left empty: it is not printed, not even its number.
	if strings.Contains(doc, "\n4. ") || strings.Contains(pdf, " 4. ") {
		t.Error("an empty agenda item was printed")
	}
}

func TestThematicMinutesWording(t *testing.T) {
	d := thematicExample()
	d.Documents = []string{"11-ĐA/TU ngày 05/01/2026 của Thành ủy Hà Nội — Đề án nâng cao chất lượng sinh hoạt chi bộ"}
	want := []string{
		"Văn bản liên quan:",
		"- 11-ĐA/TU ngày 05/01/2026 của Thành ủy Hà Nội — Đề án nâng cao chất lượng sinh hoạt chi bộ",
		"sinh hoạt chi bộ chuyên đề quý II năm 2026",
		"Tổng số đảng viên: 18; có mặt: 17; vắng: 0 (có lý do: 0, không lý do: 0).",
		"Chuyên đề: \"Nâng cao vai trò nêu gương của đảng viên nơi cư trú\"",
		"Đồng chí Trần Thị Thu trình bày đề dẫn chuyên đề.",
		"+ Chủ tọa: Đồng chí Nguyễn Thị Hoa, Bí thư chi bộ; Thư ký: Đồng chí Lê Văn Nam.",
		"Đồng chí chủ tọa kết luận nội dung này:",
		"Đồng chí Bùi Văn Quang bảo lưu ý kiến: Cần thêm thời gian chuẩn bị.",
		"CHỦ TỌA",
		"ĐÍNH CHÍNH",
		"1. Đính chính lúc 09 giờ 15 phút, ngày 22 tháng 5 năm 2026, do đồng chí Lê Văn Nam thực hiện.",
		"Lý do: Ghi nhầm số đảng viên dự bị.",
		"Nội dung đính chính: Số đảng viên dự bị là 2 đồng chí.",
	}
	pdf := minutesPDF(t, d).text()
	doc := docxText(t, minutesDOCX(t, d)["word/document.xml"])
	for _, w := range want {
		if !strings.Contains(pdf, w) {
			t.Errorf("PDF lacks %q", w)
		}
		if !strings.Contains(doc, w) {
			t.Errorf("DOCX lacks %q", w)
		}
	}
	// Without a number the "Số" line is absent (PRINT.md §2); without guests
	// the chair introduces none.
	if strings.Contains(doc, "Số ") && strings.Contains(between(doc, "CHI BỘ", "BIÊN BẢN"), "Số ") {
		t.Error("number line printed for minutes without a number")
	}
	if strings.Contains(pdf, "giới thiệu đại biểu") {
		t.Error("the opening introduces delegates at a meeting without guests")
	}
	// The amendments follow the signatures (DOMAIN.md §6).
	if strings.Index(doc, "ĐÍNH CHÍNH") < strings.Index(doc, "CHỦ TỌA") {
		t.Error("amendments printed before the signatures")
	}
}

// DOMAIN.md §5: "A resolution passes only when votes in favour are more
// than half of the voting base (2*yes > base)"; PRINT.md §6: "Do not print
// 'thông qua' (passed) when this test fails."
func TestVoteIsNeverPrintedAsPassedWithoutAMajorityOfTheBase(t *testing.T) {
	cases := []struct {
		name       string
		yes, base  int
		passedFlag bool
		wantPassed bool
	}{
		{"9 of 16 in favour: passes", 9, 16, true, true},
		{"8 of 16 is half, not more than half", 8, 16, true, false},
		{"7 of 16 in favour, 9 absent or against", 7, 16, false, false},
		{"majority of the base but the core refused it (quorum)", 9, 16, false, false},
		{"no voting base at all", 0, 0, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := thematicExample()
			d.Vote = &VoteLine{Yes: c.yes, No: c.base - c.yes, Base: c.base, Passed: c.passedFlag}
			for format, text := range map[string]string{
				"PDF":  minutesPDF(t, d).text(),
				"DOCX": docxText(t, minutesDOCX(t, d)["word/document.xml"]),
			} {
				part := between(text, wPartConclusion, "Buổi sinh hoạt kết thúc")
				if part == "" {
					t.Fatalf("%s: no part III", format)
				}
				got := strings.Contains(vntext.Fold(part), "thong qua")
				if got != c.wantPassed {
					t.Errorf("%s: part III says \"thông qua\": %v, want %v\n%s", format, got, c.wantPassed, part)
				}
			}
		})
	}
}

// PRINT.md §2: "Pad the day to two digits for 1–9, and the month only for
// January and February: ngày 03 tháng 4, ngày 20 tháng 02, ngày 05 tháng 12."
func TestPlaceAndDatePadding(t *testing.T) {
	cases := []struct {
		place string
		date  party.Date
		want  string
	}{
		{"Hà Nội", party.D(2018, 4, 3), "Hà Nội, ngày 03 tháng 4 năm 2018"},
		{"Hạ Long", party.D(2018, 2, 20), "Hạ Long, ngày 20 tháng 02 năm 2018"},
		{"Long Biên", party.D(2026, 12, 5), "Long Biên, ngày 05 tháng 12 năm 2026"},
		{"Long Biên", party.D(2026, 1, 15), "Long Biên, ngày 15 tháng 01 năm 2026"},
		{"", party.D(2026, 6, 5), "Ngày 05 tháng 6 năm 2026"},
		{"Long Biên", party.Date{}, ""},
	}
	for _, c := range cases {
		if got := placeDate(c.place, c.date); got != c.want {
			t.Errorf("placeDate(%q, %v) = %q, want %q", c.place, c.date, got, c.want)
		}
	}
}

// PRINT.md §3: the summary of the title for each kind of meeting, and the
// "định kỳ" template variant in capitals on its own line.
func TestTitleSummary(t *testing.T) {
	reg := regularExample()
	them := thematicExample()
	periodic := regularExample()
	periodic.Settings.RegularLabel = "định kỳ"
	extra := regularExample()
	extra.Kind, extra.Date = "bat_thuong", party.D(2026, 6, 18)
	noPeriod := thematicExample()
	noPeriod.Period = party.Period{}
	cases := []struct {
		name string
		d    MinutesDoc
		want []string
	}{
		{"regular", reg, []string{"BIÊN BẢN", "sinh hoạt chi bộ thường kỳ tháng 6 năm 2026"}},
		{"thematic", them, []string{"BIÊN BẢN", "sinh hoạt chi bộ chuyên đề quý II năm 2026"}},
		{"thematic, period from the date", noPeriod, []string{"BIÊN BẢN", "sinh hoạt chi bộ chuyên đề quý II năm 2026"}},
		{"định kỳ template (S8)", periodic, []string{"BIÊN BẢN", "SINH HOẠT CHI BỘ ĐỊNH KỲ", "tháng 6 năm 2026"}},
		{"extraordinary", extra, []string{"BIÊN BẢN", "sinh hoạt chi bộ bất thường ngày 18 tháng 6 năm 2026"}},
	}
	for _, c := range cases {
		var got []string
		for _, p := range minutesTitle(c.d) {
			got = append(got, p.text)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: title %q, want %q", c.name, got, c.want)
		}
	}
}

// PRINT.md §4 and §5a: the signature block is never alone at the top of a
// page; it keeps at least the last two lines of the body. The number of
// opinions varies so that the page break falls at every place near the end.
func TestSignatureBlockKeepsTheLastLines(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	for n := range 40 {
		d := regularExample()
		d.ReadBack = n%2 == 0
		for i := range n {
			d.Items[2].Speeches = append(d.Items[2].Speeches, Speech{Name: "Bùi Văn Quang", Text: strings.Repeat("Nhất trí. ", 1+i%9)})
		}
		doc := minutesDocument(d, fs)
		us := units(doc.blocks, doc.margins, fs)
		// The signature block is the tallest unit after the header block.
		sig := 1
		for i := range us[1:] {
			if us[1+i].height > us[sig].height {
				sig = 1 + i
			}
		}
		pages := paginate(us, doc.margins.top, pageHeight-doc.margins.bottom)
		for pi, pg := range pages {
			for k, p := range pg {
				if p.u == &us[sig] && k < 2 {
					t.Errorf("%d opinions: signature block is unit %d of page %d", n, k+1, pi+1)
				}
			}
		}
	}
}

func TestTextIsPrintedInNFC(t *testing.T) {
	d := regularExample()
	d.Chair = norm.NFD.String(d.Chair)
	d.Items[0].Speeches[0].Name = norm.NFD.String("Đỗ Văn Tùng")
	pdf := minutesPDF(t, d).text()
	doc := docxText(t, minutesDOCX(t, d)["word/document.xml"])
	for name, s := range map[string]string{"PDF": pdf, "DOCX": doc} {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s text is not in NFC", name)
		}
		if !strings.Contains(s, "Nguyễn Thị Hoa") || !strings.Contains(s, "Đỗ Văn Tùng") {
			t.Errorf("%s lacks the names typed decomposed", name)
		}
	}
}

// PRINT.md §1: in DOCX name the font Times New Roman; margins in twips
// (20 mm = 1134, 25 mm = 1417, 30 mm = 1701, 35 mm = 1984, 15 mm = 850).
func TestMinutesDOCXPageSetup(t *testing.T) {
	cases := []struct {
		preset string
		pgMar  string
	}{
		{"default", `<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"`},
		{"party2004", `<w:pgMar w:top="1417" w:right="850" w:bottom="1417" w:left="1984" w:header="567"`},
		{"", `<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"`},
	}
	for _, c := range cases {
		d := regularExample()
		d.Settings.Margins = c.preset
		parts := minutesDOCX(t, d)
		doc := parts["word/document.xml"]
		for _, want := range []string{c.pgMar, `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:titlePg/>`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%q: document.xml lacks %s", c.preset, want)
			}
		}
		if !strings.Contains(parts["word/styles.xml"], `w:ascii="Times New Roman"`) {
			t.Error("styles.xml does not name Times New Roman")
		}
		if !strings.Contains(parts["word/header1.xml"], "PAGE") || !strings.Contains(parts["word/header1.xml"], `<w:sz w:val="28"/>`) {
			t.Error("no 14 pt page number in the header")
		}
	}
}

// PRINT.md §2: the line under the Party heading is exactly as long as the
// heading text. In DOCX it is the top border of a paragraph indented to
// the text's width.
func TestHeadingRuleIsAsWideAsTheHeading(t *testing.T) {
	fs, _ := faces()
	d := regularExample()
	doc := minutesDocument(d, fs)
	g := doc.blocks[0].(grid)
	cellW := g.widths[1]
	textW := fs[bold].width(wPartyHeading, 15) * mmPerPt
	xml := minutesDOCX(t, d)["word/document.xml"]
	side := (cellW - textW) / 2
	want := fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"/>`, twips(side), twips(side))
	if !strings.Contains(between(xml, wPartyHeading, "</w:tc>"), want) {
		t.Errorf("rule paragraph lacks %s (text %.1f mm in a %.1f mm cell)", want, textW, cellW)
	}
	if textW < 60 || textW > 80 {
		t.Errorf("heading measured %.1f mm wide; 15 pt bold capitals should be about 73 mm", textW)
	}
}

func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

func TestUnlockedMinutesPrintAsDraft(t *testing.T) {
	d := regularExample()
	d.Locked = false
	f := minutesPDF(t, d)
	if !strings.Contains(f.pageTexts[0], wDraft) || strings.Contains(f.pageTexts[1], wDraft) {
		t.Error("PDF: draft mark should be on page 1 only")
	}
	if !strings.Contains(minutesDOCX(t, d)["word/header2.xml"], wDraft) {
		t.Error("DOCX: draft mark missing from the first-page header")
	}
	if strings.Contains(minutesPDF(t, regularExample()).text(), wDraft) {
		t.Error("locked minutes marked as a draft")
	}
}

func TestSameMinutesSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	if err := MinutesPDF(&a, regularExample()); err != nil {
		t.Fatal(err)
	}
	if err := MinutesPDF(&b, regularExample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same minutes printed twice differ")
	}
}

func TestEmptyMinutesStillPrint(t *testing.T) {
	var buf bytes.Buffer
	if err := MinutesPDF(&buf, MinutesDoc{}); err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, buf.Bytes())
	if f.count != 1 {
		t.Errorf("empty minutes took %d pages", f.count)
	}
	buf.Reset()
	if err := MinutesDOCX(&buf, MinutesDoc{StartedAt: time.Date(2026, 6, 5, 1, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	// 01:00 UTC is 08:00 in Vietnam.
	if !strings.Contains(docxText(t, docxParts(t, buf.Bytes())["word/document.xml"]), "08 giờ 00 phút") {
		t.Error("start time not printed in Vietnam time")
	}
}
