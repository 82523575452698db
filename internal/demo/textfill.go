package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// The phrases of the minutes (phrases_*.go) have blanks in braces, filled
// for each meeting from the cell and its month, so that two minutes drawn
// from the same phrases still differ in their lanes, names and figures as
// real ones do:
//
//	{ky} tháng 3/2026 · {ky_toi} tháng 4/2026 · {thang} 3 · {thang_toi} 4 · {nam} 2026
//	{to} tổ dân phố số 5 (the unit the cell serves) · {don_vi} the same for a workplace · {tdp} tổ dân phố, thôn
//	{ward} phường Bồ Đề · {cap_uy} Đảng ủy phường Bồ Đề · {cap} phường
//	{ngo} ngõ 68 · {pho} a street of the ward · {xom} xóm 3
//	{ho_dan} a resident (ông Nguyễn Văn Tư) · {dv} a member present
//	{n} 2–9 · {n2} 10–60 · {ho} households · {tien} a sum of money · {pct} a rate · {so} 100–2.000
//	{ngay_toi} a day of next month (15/4) · {tho} an age celebrated (80)

// cellPeople are the fixed things a cell's minutes speak of: its lanes and
// streets, its residents.
type cellPeople struct {
	unit      string // tổ dân phố số 5, Trường Tiểu học Bồ Đề
	ward      string // phường Bồ Đề
	committee string // Đảng ủy phường Bồ Đề
	locality  string // phường
	kind      string // tổ dân phố, thôn, khu dân cư, đơn vị
	lanes     []string
	streets   []string
	hamlets   []string
	residents []string
}

func (w *World) peopleOf(c *Org) *cellPeople {
	r := w.rng("meetings.people", c.Code)
	p := &cellPeople{unit: strings.TrimPrefix(c.Name, "Chi bộ ")}
	p.ward, p.committee, p.locality, p.kind = wardWords(c)
	if c.Profile == resident {
		if strings.HasPrefix(p.unit, "thôn ") {
			for i := range 3 {
				p.hamlets = append(p.hamlets, "xóm "+strconv.Itoa(1+(i+r.IntN(2))%6))
			}
			p.lanes = []string{"đường trục thôn", "đường ra đồng", "ngõ xóm " + strconv.Itoa(1+r.IntN(6)), "khu vực cổng làng"}
		} else {
			for range 4 {
				n := 2 + r.IntN(400)
				if r.Float64() < 0.3 {
					p.lanes = append(p.lanes, fmt.Sprintf("ngách %d/%d", 2+r.IntN(80), n))
				} else {
					p.lanes = append(p.lanes, "ngõ "+strconv.Itoa(n))
				}
			}
		}
	}
	p.streets = w.streetsOf(c.Ward)
	for range 12 {
		g := party.Nam
		if r.Float64() < 0.5 {
			g = party.Nu
		}
		name := fullName(r, g, 1940+r.IntN(60), "Kinh")
		title := "ông "
		if g == party.Nu {
			title = "bà "
		}
		p.residents = append(p.residents, title+name)
	}
	return p
}

// streetsOf are a few streets of a ward (the same for all its cells).
func (w *World) streetsOf(ward *Org) []string {
	key := "-"
	if ward != nil {
		key = ward.Code
	}
	r := w.rng("meetings.streets", key)
	list := streetNames
	if ward != nil && strings.HasPrefix(ward.Code, "LB-") {
		list = longBienStreets
	}
	out := make([]string, 0, 3)
	for _, i := range r.Perm(len(list))[:3] {
		out = append(out, list[i])
	}
	return out
}

var longBienStreets = []string{"Nguyễn Văn Cừ", "Ngọc Lâm", "Bồ Đề", "Hồng Tiến", "Nguyễn Sơn", "Ngô Gia Tự", "Đức Giang", "Sài Đồng",
	"Cổ Linh", "Thạch Bàn", "Phúc Lợi", "Gia Thụy", "Ngọc Thụy", "Trường Lâm", "Việt Hưng", "Thượng Thanh", "Hoa Lâm", "Chu Huy Mân",
	"Lâm Du", "Tư Đình", "Long Biên 1", "Vũ Xuân Thiều", "Phúc Đồng", "Huỳnh Tấn Phát"}

var streetNames = []string{"Lê Lợi", "Trần Phú", "Quang Trung", "Nguyễn Trãi", "Lý Thường Kiệt", "Trần Hưng Đạo", "Lê Duẩn",
	"Phan Bội Châu", "Phan Chu Trinh", "Chu Văn An", "Lê Quý Đôn", "Nguyễn Khuyến", "Hoàng Hoa Thám", "Đội Cấn", "Nguyễn Chí Thanh",
	"Trường Chinh", "Minh Khai", "Lạc Long Quân", "Âu Cơ", "Văn Cao", "Phạm Văn Đồng", "Hồ Tùng Mậu", "Ngô Quyền", "Bà Triệu",
	"Lý Nam Đế", "Tây Sơn", "Tô Hiệu", "Nguyễn Du", "Hai Bà Trưng", "Tô Hiến Thành", "Lê Văn Lương", "Nguyễn Văn Linh", "Cầu Giấy",
	"Quang Tiến", "Tố Hữu", "Lê Trọng Tấn", "Nguyễn Lương Bằng", "Kim Đồng", "Giáp Bát", "Lĩnh Nam", "Tam Trinh", "Vĩnh Tuy"}

// filler fills the blanks of phrases for one meeting.
type filler struct {
	r       *rand.Rand
	p       *cellPeople
	period  party.Period // the month of the meeting (for a thematic one, its month)
	present []string     // names of members present, for {dv}
	b       strings.Builder
}

func (f *filler) pick(list []string) string { return list[f.r.IntN(len(list))] }

// fill replaces every blank of s.
func (f *filler) fill(s string) string {
	s = stripSeason(s)
	if !strings.Contains(s, "{") {
		return s
	}
	b := &f.b
	b.Reset()
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteString(f.blank(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
	return b.String()
}

func (f *filler) blank(key string) string {
	r, p := f.r, f.p
	switch key {
	case "ky":
		return f.period.VN()
	case "ky_toi":
		return f.period.Next().VN()
	case "thang":
		return strconv.Itoa(int(f.period.Month))
	case "thang_toi":
		return strconv.Itoa(int(f.period.Next().Month))
	case "nam":
		return strconv.Itoa(f.period.Year)
	case "to", "don_vi":
		return p.unit
	case "ward":
		return p.ward
	case "cap_uy":
		return p.committee
	case "cap":
		return p.locality
	case "tdp":
		return p.kind
	case "ngo":
		if len(p.lanes) == 0 {
			return "khu vực " + p.unit
		}
		return f.pick(p.lanes)
	case "pho":
		return "phố " + f.pick(p.streets)
	case "xom":
		if len(p.hamlets) == 0 {
			return f.pick(p.lanes[:min(2, len(p.lanes))])
		}
		return f.pick(p.hamlets)
	case "ho_dan":
		return f.pick(p.residents)
	case "dv":
		if len(f.present) == 0 {
			return "bí thư chi bộ"
		}
		return "đồng chí " + f.pick(f.present)
	case "n":
		return strconv.Itoa(2 + r.IntN(8))
	case "n2":
		return strconv.Itoa(10 + r.IntN(51))
	case "ho":
		return strconv.Itoa(3 + r.IntN(38))
	case "so":
		return vntext.Int(100 + r.IntN(1900))
	case "pct":
		return strconv.Itoa(80+r.IntN(21)) + "%"
	case "tien":
		switch x := r.IntN(3); x {
		case 0:
			return vntext.Int((5+r.IntN(96))*100_000) + " đồng"
		case 1:
			return strconv.Itoa(2+r.IntN(30)) + " triệu đồng"
		default:
			return vntext.Decimal(float64(10+r.IntN(190))/10, 1) + " triệu đồng"
		}
	case "ngay_toi":
		n := f.period.Next()
		return fmt.Sprintf("%02d/%d", 1+r.IntN(28), n.Month)
	case "tho":
		return strconv.Itoa([]int{70, 75, 80, 85, 90, 95}[r.IntN(6)])
	}
	return "{" + key + "}"
}

// A phrase that belongs to a season starts with its months: "@7,8|…" is
// said only in July and August (dengue in the rainy season, the
// Mid-Autumn festival in September).
func inSeason(s string, m time.Month) bool {
	if !strings.HasPrefix(s, "@") {
		return true
	}
	tag, _, _ := strings.Cut(s[1:], "|")
	for _, x := range strings.Split(tag, ",") {
		if n, err := strconv.Atoi(x); err == nil && time.Month(n) == m {
			return true
		}
	}
	return false
}

func stripSeason(s string) string {
	if !strings.HasPrefix(s, "@") {
		return s
	}
	_, text, _ := strings.Cut(s, "|")
	return text
}
