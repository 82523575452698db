package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// Minutes (DOMAIN.md §6, PRINT.md §6): one section per agenda item as the
// application's editor saves them, the presenter and the speeches of
// members present by name, the chair's conclusion, the resolution and the
// vote, the read-back, the self-rating. The texts come from the bank of
// phrases, filled for the cell and its month.

// attendee is a member present at a meeting.
type attendee struct {
	id   int64
	name string
	m    *Member
}

// writing is what writing one meeting's minutes needs.
type writing struct {
	g      *cellGen
	m      *mtg
	f      *filler
	bank   *phraseBank
	chair  *Member
	taker  *Member
	came   []attendee // present, exempt members who came included
	att    party.Attendance
	voting party.Voting
	unpaid []string
}

// writeMinutes writes the minutes of a held meeting.
func (g *cellGen) writeMinutes(m *mtg, chair *Member, att party.Attendance, voting party.Voting) *party.MinutesContent {
	r := g.rm
	wr := &writing{g: g, m: m, bank: bankOf(g.c.Profile), chair: chair, att: att, voting: voting}
	var names []string
	for _, row := range m.Roll {
		if row.Status == party.CoMat {
			wr.came = append(wr.came, attendee{row.MemberID, row.FullName, g.w.Members[row.MemberID-1]})
			if chair == nil || row.MemberID != chair.Member.ID {
				names = append(names, row.FullName)
			}
		}
		if m.Kind == party.ThuongKy && !row.DuesPaid && row.Derived == party.DerivedNone {
			wr.unpaid = append(wr.unpaid, row.FullName)
		}
	}
	month := m.Period
	if !month.IsMonth() {
		month = party.MonthOf(m.Date)
	}
	wr.f = &filler{r: r, p: g.people, period: month, present: names}
	wr.taker = g.minuteTaker(m, chair, wr.came)

	c := &party.MinutesContent{Place: m.Place, ReadBack: true}
	if chair != nil {
		c.Chair = chair.Member.FullName
	}
	if wr.taker != nil {
		c.MinuteTaker = wr.taker.Member.FullName
	}
	guestChance := map[party.MeetingKind]float64{party.ThuongKy: 0.15, party.ChuyenDe: 0.35, party.BatThuong: 0.3}[m.Kind]
	if r.Float64() < guestChance {
		c.Guests = []string{g.follower}
	}
	late := r.IntN(12)
	if g.h.habit == habitTrouble {
		late += r.IntN(20)
	}
	c.StartedAt = m.Starts.Add(time.Duration(late) * time.Minute)
	c.EndedAt = c.StartedAt.Add(time.Duration(g.duration(m)) * time.Minute)

	speakers := wr.speakers()
	for _, it := range m.Agenda {
		mi := party.MinutesItem{Key: it.Key, Part: it.Part, Title: it.Title}
		wr.item(c, &mi, speakers)
		c.Items = append(c.Items, mi)
	}
	// Speeches left over (a template without a discussion item) go to the
	// general discussion.
	c.Discussion = append(c.Discussion, speakers.rest()...)
	switch m.Kind {
	case party.ThuongKy:
		c.Conclusion = wr.f.fill(wr.pick(wr.bank.conclusions))
		c.Resolution = wr.resolution(wr.bank.resolutions, 3)
		c.SelfRating = party.Kha // until the evaluation says
	case party.ChuyenDe:
		tt := topicBank[m.topic.Group]
		c.Topic = m.Topic
		c.LeadPaperBy = leadAuthor(m)
		c.Conclusion = wr.f.fill(wr.pick(tt.conclusions))
		if m.Votes != nil {
			c.Resolution = wr.resolution(tt.resolutions, 2+r.IntN(2))
		}
	default:
		x := extraBank[m.reason.kind]
		c.Conclusion = wr.f.fill(subject(wr.pick(x.conclusions), m))
		if m.Votes != nil {
			c.Resolution = subject(x.resolution, m)
		}
	}
	return c
}

// duration is how long the meeting lasted, in minutes: mostly the 90 of
// 12-HD or more, sometimes less; trouble cells hold short meetings.
func (g *cellGen) duration(m *mtg) int {
	r := g.rm
	switch {
	case g.h.habit == habitTrouble:
		return 45 + r.IntN(50)
	case m.Kind == party.BatThuong:
		return 60 + r.IntN(60)
	case g.h.habit == habitLax && r.Float64() < 0.3, r.Float64() < 0.08:
		return 65 + r.IntN(25)
	}
	return 90 + r.IntN(61)
}

// minuteTaker is the member who keeps the minutes: usually the same one
// for a term, a committee member or a younger member, present.
func (g *cellGen) minuteTaker(m *mtg, chair *Member, came []attendee) *Member {
	ok := func(x *Member) bool {
		if x == nil || x == chair {
			return false
		}
		for _, a := range came {
			if a.m == x && x.HomeOn(m.Date) == g.c.ID {
				return true
			}
		}
		return false
	}
	if ok(g.taker) && g.rm.Float64() < 0.9 {
		return g.taker
	}
	_, dep, committee := g.officers(m.Date)
	cands := append([]*Member{}, committee...)
	if dep != nil {
		cands = append(cands, dep)
	}
	for _, a := range came {
		if ageOn(a.m, m.Date) < 55 {
			cands = append(cands, a.m)
		}
	}
	for _, a := range came {
		cands = append(cands, a.m)
	}
	for _, x := range cands {
		if ok(x) {
			g.taker = x
			return x
		}
	}
	return nil
}

// speechPool hands out speeches to the agenda items.
type speechPool struct {
	list []party.Speech
	next int
}

func (p *speechPool) take(n int) []party.Speech {
	n = min(n, len(p.list)-p.next)
	if n <= 0 {
		return nil
	}
	out := p.list[p.next : p.next+n]
	p.next += n
	return out
}

func (p *speechPool) rest() []party.Speech { return p.take(len(p.list)) }

// left is how many speeches are still to hand out: the discussion keeps
// some for itself.
func (p *speechPool) left() int { return len(p.list) - p.next }

// speakers chooses who speaks and what they say: 3 to 8 members present
// in most meetings, a third of those present in a lively one, one or two
// in a thin one (DOMAIN.md §7: "many members speaking").
func (wr *writing) speakers() *speechPool {
	g, m, r := wr.g, wr.m, wr.g.rm
	var cands []attendee
	for _, a := range wr.came {
		if wr.chair == nil || a.id != wr.chair.Member.ID {
			cands = append(cands, a)
		}
	}
	n := 3 + r.IntN(5)
	switch {
	case g.h.habit == habitTrouble:
		n = 1 + r.IntN(3)
	case g.h.habit == habitGood && r.Float64() < 0.45, g.h.habit == habitCopier && r.Float64() < 0.3:
		n = max(n, (len(wr.came)+2)/3)
	}
	n = min(n, len(cands))
	var texts []string
	switch m.Kind {
	case party.ChuyenDe:
		texts = topicBank[m.topic.Group].speeches
	case party.BatThuong:
		texts = extraBank[m.reason.kind].speeches
	default:
		texts = wr.bank.speeches
	}
	order := r.Perm(len(cands))
	used := map[string]bool{}
	pool := &speechPool{}
	for _, i := range order[:n] {
		var t string
		for range 5 {
			t = wr.pick(texts)
			switch x := r.Float64(); {
			case m.Kind == party.BatThuong:
			case x < 0.25:
				t = wr.pick(genericSpeeches)
			case m.Kind == party.ChuyenDe && x < 0.4:
				t = wr.pick(wr.bank.speeches)
			}
			if !used[t] {
				break
			}
		}
		used[t] = true
		if m.Kind != party.ChuyenDe {
			t = stripSeason(t) + " " + wr.pick(wr.details())
			if r.Float64() < 0.3 {
				t += " " + wr.pick(wr.details())
			}
		}
		f := *wr.f
		f.present = slices.DeleteFunc(slices.Clone(wr.f.present), func(s string) bool { return s == cands[i].name })
		pool.list = append(pool.list, party.Speech{MemberID: cands[i].id, Speaker: cands[i].name, Text: f.fill(t)})
	}
	return pool
}

// pick draws a phrase said in the meeting's month.
func (wr *writing) pick(list []string) string {
	var s string
	for range 10 {
		if s = list[wr.g.rm.IntN(len(list))]; inSeason(s, wr.f.period.Month) {
			break
		}
	}
	return s
}

// picks draws n distinct phrases said in the meeting's month, filled.
func (wr *writing) picks(list []string, n int) []string {
	out := make([]string, 0, n)
	for _, i := range wr.g.rm.Perm(len(list)) {
		if len(out) == n {
			break
		}
		if inSeason(list[i], wr.f.period.Month) {
			out = append(out, wr.f.fill(list[i]))
		}
	}
	return out
}

// presenter is who presents an item: the chair, or a committee member.
func (wr *writing) presenter() string {
	_, dep, committee := wr.g.officers(wr.m.Date)
	for _, x := range append([]*Member{dep}, committee...) {
		if x != nil && x != wr.chair && wr.g.rm.Float64() < 0.5 {
			for _, a := range wr.came {
				if a.m == x {
					return a.name
				}
			}
		}
	}
	if wr.chair != nil {
		return wr.chair.Member.FullName
	}
	return ""
}

// item writes one section of the minutes.
func (wr *writing) item(c *party.MinutesContent, it *party.MinutesItem, sp *speechPool) {
	g, m, r, b := wr.g, wr.m, wr.g.rm, wr.bank
	chair := ""
	if wr.chair != nil {
		chair = wr.chair.Member.FullName
	}
	taker := "một đồng chí đảng viên"
	if wr.taker != nil {
		taker = "đồng chí " + wr.taker.Member.FullName
	}
	switch it.Key {
	case "khai_mac":
		it.Presenter = chair
		it.Text = opening
		if m.Kind == party.BatThuong {
			it.Text = subject(wr.pick(extraBank[m.reason.kind].reasons), m) + " Chi bộ cử " + taker + " làm thư ký."
		}
		if len(c.Guests) > 0 {
			name, pos, _ := strings.Cut(c.Guests[0], ", ")
			it.Text += " Dự buổi sinh hoạt có đồng chí " + name + ", " + pos + "."
		}
	case "diem_danh":
		it.Text = wr.attendanceLine()
	case "dang_phi":
		it.Text = wr.duesLine()
	case "chuong_trinh":
		it.Text = "Chi bộ nhất trí thông qua chương trình sinh hoạt và những vấn đề trọng tâm cần thảo luận; cử " + taker + " làm thư ký."
	case "muc_dich":
		it.Presenter = chair
		it.Text = fmt.Sprintf(wr.pick(purposes), m.Topic) + " Chi bộ cử " + taker + " làm thư ký."
	case "hoc_tap_bac":
		it.Presenter = wr.presenter()
		it.Text = wr.f.fill(wr.pick(hcmStudy))
		if r.Float64() < 0.25 {
			it.Text += " " + wr.f.fill(wr.pick(goodDeeds))
		}
	case "thoi_su":
		it.Presenter = wr.presenter()
		var lines []string
		if ev := events(wr.f.period); len(ev) > 0 && r.Float64() < 0.8 {
			lines = append(lines, ev[r.IntN(len(ev))])
		}
		if len(lines) == 0 || r.Float64() < 0.3 {
			lines = append(lines, wr.picks(news, 1)...)
		}
		it.Text = strings.Join(lines, " ")
	case "y_kien_nhan_dan":
		it.Presenter = wr.presenter()
		it.Text = strings.Join(wr.picks(b.situation, 1+r.IntN(2)), " ")
		if sp.left() > 2 {
			it.Speeches = sp.take(r.IntN(2))
		}
	case "van_dong_nhan_dan":
		it.Presenter = wr.presenter()
		it.Text = strings.Join(wr.picks(b.mobilize, 1), " ")
	case "danh_gia_nhiem_vu":
		it.Presenter = chair
		var s strings.Builder
		s.WriteString("Kết quả " + m.Period.VN() + ": ")
		if g.c.Profile != resident {
			s.WriteString(strings.Join(wr.picks(b.situation, 1), " ") + " ")
		}
		s.WriteString(strings.Join(wr.picks(b.results, 1+r.IntN(2)), " "))
		if r.Float64() < 0.4 {
			s.WriteString(" " + wr.f.fill(wr.pick(b.shortfalls)))
		}
		s.WriteString(" Nhiệm vụ " + m.Period.Next().VN() + ": " + strings.Join(wr.picks(b.tasks, 2+r.IntN(2)), " "))
		it.Text = s.String()
		if sp.left() > 2 && r.Float64() < 0.3 {
			it.Speeches = sp.take(1)
		}
	case "thao_luan", "noi_dung":
		if it.Key == "noi_dung" {
			x := extraBank[m.reason.kind]
			it.Presenter = chair
			it.Text = strings.Join(wr.picks(x.content, 2), " ")
			it.Text = subject(it.Text, m)
		}
		it.Speeches = sp.take(len(sp.list))
		if len(it.Speeches) > 2 && r.Float64() < 0.3 {
			it.Conclusion = "Các ý kiến thống nhất với báo cáo và dự thảo nghị quyết; những ý kiến khác nhau đã được trao đổi và đi đến thống nhất."
		}
	case "de_dan":
		it.Presenter = leadAuthor(m)
		it.Text = m.paper
	case "bieu_quyet", "nghi_quyet":
		if m.Votes != nil {
			it.Text = wr.voteLine()
		}
	case "doc_bien_ban":
		it.Presenter = taker
		if wr.taker != nil {
			it.Presenter = wr.taker.Member.FullName
		}
		it.Text = readBack
	case "tu_danh_gia", "ket_luan":
		// the self-rating is written after the evaluation; the chair's
		// conclusion is c.Conclusion
	default:
		it.Text = strings.Join(wr.picks(b.situation, 1), " ")
	}
}

// attendanceLine is the roll call in the words of PRINT.md §6.
func (wr *writing) attendanceLine() string {
	a := wr.att
	var s strings.Builder
	fmt.Fprintf(&s, "Tổng số đảng viên của chi bộ: %d đồng chí. Trong đó, đảng viên chính thức: %d đồng chí, đảng viên dự bị: %d đồng chí", a.Total, a.Full, a.Probationary)
	if a.TempIn > 0 {
		fmt.Fprintf(&s, ", đảng viên sinh hoạt tạm thời: %d đồng chí", a.TempIn)
	}
	s.WriteString(".")
	if a.Exempt > 0 {
		fmt.Fprintf(&s, " Số đảng viên được miễn sinh hoạt: %d đồng chí.", a.Exempt)
	}
	if a.TempOut > 0 {
		fmt.Fprintf(&s, " Số đảng viên giới thiệu sinh hoạt tạm thời đi nơi khác: %d đồng chí.", a.TempOut)
	}
	fmt.Fprintf(&s, " Số đảng viên dự sinh hoạt: %d đồng chí. Số đảng viên vắng mặt: %d đồng chí", a.Present, a.Absent)
	var excused, unexcused []string
	for _, row := range wr.m.Roll {
		switch row.Status {
		case party.VangCoLyDo:
			excused = append(excused, row.FullName+" - "+row.Reason)
		case party.VangKhongLyDo:
			unexcused = append(unexcused, row.FullName)
		}
	}
	if len(excused) > 0 {
		fmt.Fprintf(&s, "; có lý do: %d đồng chí (%s)", len(excused), strings.Join(excused, "; "))
	}
	if len(unexcused) > 0 {
		fmt.Fprintf(&s, "; không có lý do: %d đồng chí (%s)", len(unexcused), strings.Join(unexcused, "; "))
	}
	s.WriteString(".")
	if a.ExemptPresent > 0 {
		fmt.Fprintf(&s, " Đảng viên miễn sinh hoạt có mặt: %d đồng chí.", a.ExemptPresent)
	}
	return s.String()
}

// duesLine is the dues collected at the meeting.
func (wr *writing) duesLine() string {
	paid := 0
	for _, row := range wr.m.Roll {
		if row.DuesPaid {
			paid++
		}
	}
	a := wr.att
	s := fmt.Sprintf("Thu đảng phí %s: %d/%d đồng chí đã nộp.", wr.m.Period.VN(), paid, a.Total-a.TempOut-a.Suspended-a.Detained)
	if n := len(wr.unpaid); n > 0 && n <= 3 {
		s += " Chưa nộp: đồng chí " + strings.Join(wr.unpaid, ", đồng chí ") + "."
	}
	return s
}

// voteLine is the vote in the words of PRINT.md §6: "thông qua" only when
// the core says it passed.
func (wr *writing) voteLine() string {
	v := wr.voting
	s := fmt.Sprintf("Biểu quyết: %d đồng chí tán thành, %d đồng chí không tán thành, %d đồng chí không biểu quyết (tổng số đảng viên có quyền biểu quyết: %d).",
		v.Yes, v.No, v.Abstain, v.Base)
	switch {
	case v.Passed:
		s += " Nghị quyết được thông qua."
	case !v.QuorumMet:
		s += " Số đảng viên có quyền biểu quyết có mặt chưa đủ " + strconv.Itoa(v.QuorumRequired) + " đồng chí theo quy định, chi bộ chưa thông qua nghị quyết."
	default:
		s += " Số tán thành chưa quá nửa số đảng viên có quyền biểu quyết, nghị quyết chưa được thông qua."
	}
	names := map[int64]string{}
	for _, row := range wr.m.Roll {
		names[row.MemberID] = row.FullName
	}
	for _, b := range party.ReservedOpinions(*wr.m.Votes) {
		s += " Đồng chí " + names[b.MemberID] + " bảo lưu ý kiến: " + b.Reserved
	}
	return s
}

// resolution is the resolution text: its points, numbered.
func (wr *writing) resolution(points []string, n int) string {
	head := "Chi bộ thống nhất ban hành nghị quyết " + wr.m.Period.VN() + " với các nội dung:"
	switch wr.m.Kind {
	case party.ChuyenDe:
		head = "Chi bộ thống nhất kết luận chuyên đề với các nội dung:"
	case party.BatThuong:
		head = ""
	}
	lines := []string{head}
	for i, p := range wr.picks(points, n) {
		lines = append(lines, strconv.Itoa(i+1)+". "+p)
	}
	return strings.Join(lines, "\n")
}

// setRating writes the self-rating of a regular meeting into its minutes,
// with the closing time (PRINT.md §6).
func setRating(c *party.MinutesContent, kind party.MeetingKind, g party.Grade) {
	if kind != party.ThuongKy {
		return
	}
	c.SelfRating = g
	for i := range c.Items {
		if c.Items[i].Key != "tu_danh_gia" {
			continue
		}
		label := map[party.Grade]string{party.Tot: "Tốt", party.Kha: "Khá", party.TrungBinh: "Trung bình", party.Kem: "Kém"}[g]
		t := "Chi bộ tự đánh giá chất lượng buổi sinh hoạt: " + label + "."
		if !c.EndedAt.IsZero() {
			end := c.EndedAt.In(party.Zone)
			t += fmt.Sprintf(" Buổi sinh hoạt kết thúc vào hồi %d giờ %02d phút cùng ngày.", end.Hour(), end.Minute())
		}
		c.Items[i].Text = t
	}
}

// leadAuthor is the member who presents the lead paper: its first author.
func leadAuthor(m *mtg) string {
	first, _, _ := strings.Cut(m.authors, ", ")
	return first
}

// subject puts the name of the member concerned into an extraordinary
// meeting's text.
func subject(s string, m *mtg) string {
	name := "đảng viên"
	if m.reason.subject != nil {
		name = m.reason.subject.Member.FullName
	}
	return strings.ReplaceAll(s, "%s", name)
}

// purposes open a thematic meeting (%s is the topic).
var purposes = []string{
	"Chi bộ sinh hoạt chuyên đề \"%s\" nhằm thống nhất nhận thức và đề ra những việc làm cụ thể của chi bộ, của từng đảng viên trong thời gian tới.",
	"Buổi sinh hoạt chuyên đề \"%s\" nhằm đánh giá đúng thực trạng ở chi bộ, chỉ ra nguyên nhân và thống nhất giải pháp khắc phục.",
	"Chi bộ chọn chuyên đề \"%s\" theo định hướng của cấp ủy cấp trên, gắn với những vấn đề đảng viên và nhân dân quan tâm.",
	"Mục đích của buổi sinh hoạt chuyên đề \"%s\" là để mỗi đảng viên tự liên hệ, đăng ký việc làm cụ thể và chi bộ có nghị quyết để thực hiện.",
}

// assessments close a lead paper with what the cell has done.
var assessments = []string{
	"Đề dẫn đánh giá sau {n} tháng thực hiện, chi bộ đã có chuyển biến, song còn {n} hạn chế cần khắc phục.",
	"Đề dẫn nêu {n} giải pháp, trong đó giải pháp trọng tâm là phân công đảng viên phụ trách và kiểm tra việc thực hiện hằng quý.",
	"Đề dẫn dẫn chứng kết quả khảo sát ý kiến của {n2} hộ dân và đảng viên trong chi bộ.",
	"Đề dẫn đã được chi ủy thông qua ngày {ngay_toi} và gửi đến đảng viên trước {n} ngày để nghiên cứu.",
	"Cuối đề dẫn nêu {n} câu hỏi gợi ý để đảng viên thảo luận, liên hệ bản thân.",
	"Đề dẫn so sánh với kết quả năm trước và chỉ rõ trách nhiệm của chi ủy, của từng đảng viên.",
}

// details follow an opinion with what the speaker knows: the lane, the
// household, the figure. They make each meeting's speeches its own.
func (wr *writing) details() []string {
	if wr.g.c.Profile == resident {
		return residentDetails
	}
	return workDetails
}

var residentDetails = []string{
	"Ở {ngo} hiện có {ho} hộ, trong đó {n} hộ cho thuê trọ.",
	"Tôi đã trao đổi với {ho_dan} ở {ngo}, gia đình đồng tình.",
	"Riêng {ngo} đã có {n} hộ đăng ký.",
	"Theo tôi nắm được, {ho_dan} và {n} hộ xung quanh cũng có ý kiến như vậy.",
	"Việc này tôi đã báo với {dv} từ {ky} nhưng chưa được giải quyết.",
	"Kinh phí dự kiến khoảng {tien}, có thể vận động các hộ ở {ngo} cùng đóng góp.",
	"Tôi đề nghị giao {dv} phụ trách, báo cáo trước ngày {ngay_toi}.",
	"Đoạn từ {ngo} ra {pho} là chỗ bức xúc nhất.",
	"Tháng trước mới có {ho} hộ tham gia, tháng này cần nhiều hơn.",
	"{ho_dan} ở {ngo} là người nhiệt tình, có thể mời tham gia ban vận động.",
	"Tôi xin nhận vận động {n} hộ ở {ngo}.",
	"Hôm {ngay_toi} tôi sẽ cùng {dv} đến từng hộ ở {ngo}.",
}

var workDetails = []string{
	"Tôi đề nghị giao {dv} phụ trách, báo cáo trước ngày {ngay_toi}.",
	"Việc này tôi đã đề xuất từ {ky} nhưng chưa được thực hiện.",
	"Kinh phí dự kiến khoảng {tien}.",
	"Trong tháng bộ phận tôi đã làm được {n2} việc như vậy.",
	"Tỷ lệ hiện nay mới đạt {pct}, còn thấp so với yêu cầu.",
	"Cần hoàn thành trong {n} tuần tới.",
	"Tôi đã trao đổi với {dv}, đồng chí cũng có ý kiến như vậy.",
	"Hiện còn {n} trường hợp chưa xử lý xong.",
	"Tôi xin nhận làm việc này cùng {dv}.",
	"Số liệu tôi nắm được là {so} lượt trong tháng.",
}
