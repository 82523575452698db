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

// The organizations stage builds the tree: the city, its districts, their
// grassroots committees (wards, communes, the district agencies, the
// district police) and cells of every type, then the reorganizations of
// the last three years (reorg.go).

func genOrgs(w *World) error {
	// The demo's records begin with Long Biên, on 1 January 2004.
	w.Root = w.addOrg(&Org{Code: "HN", Name: "Đảng bộ thành phố Hà Nội", Kind: party.DangBoTinh, Created: districtCreated("LB"),
		Place: "Hà Nội", Abbrev: "TU"}, nil)
	specs := []districtSpec{longBien}
	if w.Scale == City {
		specs = specs[:0]
		for _, s := range hanoi {
			specs = append(specs, citySpec(s))
		}
	}
	for _, s := range specs {
		w.genDistrict(s)
	}
	return nil
}

// districtCreated is when each district's committee began, as far as the
// demo is concerned (Long Biên was founded on 1 January 2004, the two Từ
// Liêm districts on 1 April 2014, the rest joined the demo with the
// enlarged Hà Nội on 1 August 2008).
func districtCreated(code string) party.Date {
	switch code {
	case "LB":
		return party.D(2004, 1, 1)
	case "NTL", "BTL":
		return party.D(2014, 4, 1)
	}
	return party.D(2008, 8, 1)
}

// committeeWord is what the committee of a district is called: Quận ủy,
// Huyện ủy, Thị ủy.
func committeeWord(kind string) string {
	switch kind {
	case "huyện":
		return "Huyện ủy"
	case "thị xã":
		return "Thị ủy"
	}
	return "Quận ủy"
}

func abbrevOf(kind string) string {
	switch kind {
	case "huyện":
		return "HU"
	case "thị xã":
		return "TU"
	}
	return "QU"
}

// orgBuilder holds what building one district needs.
type orgBuilder struct {
	w       *World
	r       *rand.Rand
	d       *Borough
	created party.Date
}

func (w *World) genDistrict(spec districtSpec) {
	b := &orgBuilder{w: w, r: w.rng("orgs", spec.Code), d: &Borough{Spec: spec}, created: districtCreated(spec.Code)}
	d := b.d
	w.Boroughs = append(w.Boroughs, d)
	d.Org = w.addOrg(&Org{Code: spec.Code, Name: "Đảng bộ " + spec.Kind + " " + spec.Name, Kind: party.DangBoHuyen, Created: b.created,
		Place: spec.Name, Abbrev: abbrevOf(spec.Kind), Borough: d}, w.Root)

	wards := spec.Wards
	if len(wards) == 0 {
		wards = b.inventWards()
	}
	for i, ws := range wards {
		// One ward in each district groups some of its residential cells
		// in a đảng bộ bộ phận: Việt Hưng in Long Biên.
		withBoPhan := (spec.Code == "LB" && ws.Code == "VH") || (spec.Code != "LB" && i == 1)
		b.genWard(ws, withBoPhan)
	}
	b.genAgencies()
	b.genPolice()
	b.genDirectCells()
	b.pickTrouble()
	b.genReorgs()
}

// inventWards makes up the wards (or communes) of a district.
func (b *orgBuilder) inventWards() []wardSpec {
	r, spec := b.r, b.d.Spec
	n := spec.WardsMin + r.IntN(spec.WardsMax-spec.WardsMin+1)
	used := map[string]bool{}
	// Codes of the district's own committees and cells are taken.
	codes := map[string]bool{"CQ": true, "CA": true, "THPT": true, "BV": true, "MTDT": true}
	var out []wardSpec
	for len(out) < n {
		name := placeFirst[r.IntN(len(placeFirst))] + " " + placeSecond[r.IntN(len(placeSecond))]
		first, second, _ := strings.Cut(name, " ")
		if used[name] || first == second {
			continue
		}
		used[name] = true
		kind := "phường"
		switch {
		case spec.Kind == "huyện" && len(out) == 0:
			kind = "thị trấn"
		case spec.Kind == "huyện", spec.Kind == "thị xã" && len(out) >= n/2:
			kind = "xã"
		}
		code := initials(name)
		for i := 2; codes[code]; i++ {
			code = initials(name) + strconv.Itoa(i)
		}
		codes[code] = true
		out = append(out, wardSpec{Code: code, Name: name, Kind: kind})
	}
	return out
}

// initials is "PX" for "Phúc Xá".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(vntext.Fold(name)) {
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}

func (b *orgBuilder) cell(parent, ward *Org, code, name string, p profile, ct party.CellType, created party.Date) *Org {
	if ct == "" {
		ct = profiles[p].cellType
	}
	kind := party.ChiBo
	if parent == b.d.Org {
		kind = party.ChiBoCoSo
	}
	c := b.w.addOrg(&Org{Code: code, Name: name, Kind: kind, CellType: ct, Created: created, Place: b.d.Spec.Name, Abbrev: "CB",
		Borough: b.d, Ward: ward, Profile: p, size: p.size(b.r, b.d.Spec.ResExtra)}, parent)
	ps := profiles[p]
	if b.r.Float64() < 0.9 { // most cells have a usual day, time and place
		c.UsualDay = ps.dayMin + b.r.IntN(ps.dayMax-ps.dayMin+1)
		c.UsualTime = ps.times.pick(b.r)
	}
	b.d.Cells = append(b.d.Cells, c)
	return c
}

// wardLabel is "phường Bồ Đề" for the committee "Đảng bộ phường Bồ Đề".
func wardLabel(name string) string { return strings.TrimPrefix(name, "Đảng bộ ") }

func (b *orgBuilder) genWard(ws wardSpec, withBoPhan bool) {
	r, d := b.r, b.d
	ward := b.w.addOrg(&Org{Code: d.Spec.Code + "-" + ws.Code, Name: "Đảng bộ " + ws.Kind + " " + ws.Name, Kind: party.DangBoCoSo,
		Created: b.created, Place: d.Spec.Name, Abbrev: "ĐU", Borough: d}, d.Org)
	ward.place = ws.Kind + " " + ws.Name + ", " + d.Spec.Kind + " " + d.Spec.Name
	d.Committees = append(d.Committees, ward)
	user := ws.User
	if user == "" {
		user = strings.ToLower(ward.Code)
	}
	ward.user = user

	// Residential cells: tổ dân phố in towns, thôn in communes; some
	// wards call theirs khu dân cư.
	n := d.Spec.ResMin + r.IntN(d.Spec.ResMax-d.Spec.ResMin+1)
	style := "tdp"
	switch {
	case ws.Kind == "xã":
		style = "thon"
	case r.Float64() < 0.2 && !withBoPhan && !(d.Spec.Code == "LB" && ws.Code == "BD"):
		style = "kdc"
	}
	if d.Spec.Code == "LB" && ws.Code == "BD" {
		n = max(n, 8) // the showcase cell is tổ dân phố số 5
	}
	parent := ward
	villages := map[string]bool{}
	for i := 1; i <= n; i++ {
		if withBoPhan && i == 1 {
			parent = b.w.addOrg(&Org{Code: ward.Code + "-BP1", Name: "Đảng bộ bộ phận Khu dân cư số 1", Kind: party.DangBoBoPhan,
				Created: b.created, Place: d.Spec.Name, Abbrev: "ĐU", Borough: d, Ward: ward}, ward)
		}
		if withBoPhan && i == 6 {
			parent = ward
		}
		var code, name, unit string
		switch style {
		case "tdp":
			code, unit = fmt.Sprintf("%s-TDP%02d", ward.Code, i), fmt.Sprintf("tổ dân phố số %d", i)
		case "kdc":
			code, unit = fmt.Sprintf("%s-KDC%02d", ward.Code, i), fmt.Sprintf("Khu dân cư số %d", i)
		default:
			v := b.villageName(villages, i)
			code, unit = fmt.Sprintf("%s-THON%02d", ward.Code, i), "thôn "+v
		}
		name = "Chi bộ " + unit
		c := b.cell(parent, ward, code, name, resident, "", b.created)
		c.seq = i
		c.place = unit + ", " + ward.place
		if c.UsualDay != 0 {
			c.UsualPlace = "Nhà văn hóa " + unit
		}
		if d.Spec.Code == "LB" && code == "LB-BD-TDP05" {
			d.Showcase = c
			c.size = 40
			c.UsualDay, c.UsualTime, c.UsualPlace = 7, "19:30", "Nhà văn hóa "+unit
		}
	}

	wardName, word := ws.Name, ws.Kind
	hall := "trụ sở Đảng ủy - HĐND - UBND " + word
	b.agencyCell(ward, ward, ward.Code+"-UB", "Chi bộ Cơ quan Ủy ban nhân dân "+word, "Phòng họp "+hall)
	b.agencyCell(ward, ward, ward.Code+"-DDT", "Chi bộ Cơ quan Đảng - Đoàn thể "+word, "Phòng họp "+hall)
	b.placed(b.cell(ward, ward, ward.Code+"-CA", "Chi bộ Công an "+word, police, "", b.created), "Hội trường Công an "+word)
	b.placed(b.cell(ward, ward, ward.Code+"-QS", "Chi bộ Quân sự "+word, army, "", b.created), "Phòng họp Ban Chỉ huy Quân sự "+word)
	schools := []struct{ code, name string }{{"MN", "Trường Mầm non "}, {"TIH", "Trường Tiểu học "}, {"THCS", "Trường THCS "}}
	for i, s := range schools {
		if i == 1 || r.Float64() < 0.6 {
			b.placed(b.cell(ward, ward, ward.Code+"-"+s.code, "Chi bộ "+s.name+wardName, school, "", b.created), "Phòng họp Hội đồng sư phạm")
		}
	}
	if r.Float64() < 0.4 {
		b.placed(b.cell(ward, ward, ward.Code+"-YT", "Chi bộ Trạm Y tế "+word, health, "", b.created), "Phòng họp Trạm Y tế")
	}
	if word == "xã" && r.Float64() < 0.7 {
		b.placed(b.cell(ward, ward, ward.Code+"-HTX", "Chi bộ Hợp tác xã Nông nghiệp "+wardName, enterprise, party.CellDNNgoaiNhaNuoc, b.enterpriseCreated()), "Phòng họp Hợp tác xã")
	}
	for i, n := 1, r.IntN(3); i <= n; i++ {
		field := enterpriseFields[r.IntN(len(enterpriseFields))]
		name, ct := "Chi bộ Công ty Cổ phần "+field+" "+wardName, party.CellDNNgoaiNhaNuoc
		if r.Float64() < 0.3 {
			name, ct = "Chi bộ Xí nghiệp "+field+" "+wardName, party.CellDNNhaNuoc
		}
		if b.hasName(ward, name) {
			continue
		}
		b.placed(b.cell(ward, ward, fmt.Sprintf("%s-DN%d", ward.Code, i), name, enterprise, ct, b.enterpriseCreated()), "Phòng họp công ty")
	}
}

var enterpriseFields = []string{"Xây dựng", "Thương mại và Dịch vụ", "Đầu tư Phát triển", "Vận tải", "Cơ khí", "May mặc", "Thực phẩm",
	"Môi trường Đô thị", "Điện nước", "Vật liệu xây dựng", "Dịch vụ Nhà ở", "In", "Dược phẩm"}

func (b *orgBuilder) enterpriseCreated() party.Date {
	return party.D(2006+b.r.IntN(14), time.Month(1+b.r.IntN(12)), 1+b.r.IntN(28))
}

func (b *orgBuilder) hasName(parent *Org, name string) bool {
	for _, c := range b.d.Cells {
		if c.Parent == parent && c.Name == name {
			return true
		}
	}
	return false
}

func (b *orgBuilder) placed(c *Org, place string) *Org {
	if c.UsualDay != 0 {
		c.UsualPlace = place
	}
	return c
}

func (b *orgBuilder) agencyCell(parent, ward *Org, code, name, place string) *Org {
	return b.placed(b.cell(parent, ward, code, name, agency, "", b.created), place)
}

// villageName invents a village name unique in its commune.
func (b *orgBuilder) villageName(used map[string]bool, i int) string {
	for {
		var v string
		switch x := b.r.Float64(); {
		case x < 0.25:
			v = villageSingle[b.r.IntN(len(villageSingle))]
		case x < 0.4:
			v = strconv.Itoa(i)
		default:
			v = placeFirst[b.r.IntN(len(placeFirst))] + " " + placeSecond[b.r.IntN(len(placeSecond))]
		}
		if !used[v] {
			used[v] = true
			return v
		}
	}
}

// genAgencies makes the district agencies' committee (Đảng bộ Khối cơ
// quan) and its cells.
func (b *orgBuilder) genAgencies() {
	d := b.d
	word, cw := d.Spec.Kind, committeeWord(d.Spec.Kind)
	k := b.w.addOrg(&Org{Code: d.Spec.Code + "-CQ", Name: "Đảng bộ Khối cơ quan " + word, Kind: party.DangBoCoSo, Created: b.created,
		Place: d.Spec.Name, Abbrev: "ĐU", Borough: d}, d.Org)
	k.place = word + " " + d.Spec.Name
	d.Committees = append(d.Committees, k)
	k.user = strings.ToLower(k.Code)
	names := []struct{ code, name string }{
		{"VP", "Văn phòng " + cw}, {"BTC", "Ban Tổ chức " + cw}, {"BTG", "Ban Tuyên giáo " + cw}, {"UBKT", "Ủy ban Kiểm tra " + cw},
		{"VPUB", "Văn phòng HĐND và UBND " + word}, {"TCKH", "Phòng Tài chính - Kế hoạch"}, {"GD", "Phòng Giáo dục và Đào tạo"},
		{"TNMT", "Phòng Tài nguyên và Môi trường"}, {"QLDT", "Phòng Quản lý đô thị"}, {"NV", "Phòng Nội vụ"}, {"TP", "Phòng Tư pháp"},
		{"LDTB", "Phòng Lao động - Thương binh và Xã hội"}, {"VHTT", "Phòng Văn hóa và Thông tin"}, {"YTE", "Phòng Y tế"},
		{"KT", "Phòng Kinh tế"}, {"TTRA", "Thanh tra " + word}, {"MTTQ", "Ủy ban Mặt trận Tổ quốc " + word}, {"DOAN", cwShort(word) + " đoàn " + d.Spec.Name},
	}
	for _, n := range names {
		if n.code != "VP" && n.code != "BTC" && b.r.Float64() < 0.15 {
			continue
		}
		b.agencyCell(k, k, k.Code+"-"+n.code, "Chi bộ "+n.name, "Phòng họp "+n.name)
	}
}

// cwShort is "Quận" for "quận": the youth union is "Quận đoàn".
func cwShort(kind string) string {
	switch kind {
	case "huyện":
		return "Huyện"
	case "thị xã":
		return "Thị"
	}
	return "Quận"
}

// genPolice makes the district police committee and its cells.
func (b *orgBuilder) genPolice() {
	d := b.d
	word := d.Spec.Kind
	ca := b.w.addOrg(&Org{Code: d.Spec.Code + "-CA", Name: "Đảng bộ Công an " + word, Kind: party.DangBoCoSo, Created: b.created,
		Place: d.Spec.Name, Abbrev: "ĐU", Borough: d}, d.Org)
	ca.place = word + " " + d.Spec.Name
	d.Committees = append(d.Committees, ca)
	ca.user = strings.ToLower(ca.Code)
	for _, n := range []struct{ code, name string }{
		{"TM", "Đội Tham mưu - Tổng hợp"}, {"CSHS", "Đội Cảnh sát hình sự"}, {"CSGT", "Đội Cảnh sát giao thông - Trật tự"},
		{"AN", "Đội An ninh"}, {"QLHC", "Đội Cảnh sát quản lý hành chính về trật tự xã hội"}, {"KT", "Đội Cảnh sát kinh tế"},
	} {
		b.placed(b.cell(ca, ca, ca.Code+"-"+n.code, "Chi bộ "+n.name, police, "", b.created), "Hội trường Công an "+word)
	}
}

// genDirectCells makes the chi bộ cơ sở directly under the district: a
// high school, a hospital, an enterprise.
func (b *orgBuilder) genDirectCells() {
	d := b.d
	first := strings.TrimPrefix(wardLabel(d.Committees[0].Name), "phường ")
	first = strings.TrimPrefix(strings.TrimPrefix(first, "thị trấn "), "xã ")
	sch := b.cell(d.Org, nil, d.Spec.Code+"-THPT", "Chi bộ Trường THPT "+first, school, "", b.created)
	sch.size = 30 + b.r.IntN(16)
	b.placed(sch, "Phòng họp Hội đồng sư phạm")
	hosp := b.cell(d.Org, nil, d.Spec.Code+"-BV", "Chi bộ Bệnh viện Đa khoa "+d.Spec.Name, health, "", b.created)
	hosp.size = 45 + b.r.IntN(50)
	b.placed(hosp, "Hội trường Bệnh viện")
	ent := b.cell(d.Org, nil, d.Spec.Code+"-MTDT", "Chi bộ Công ty Cổ phần Môi trường Đô thị "+d.Spec.Name, enterprise, party.CellDNNgoaiNhaNuoc, party.D(2010, 7, 1))
	ent.size = 15 + b.r.IntN(20)
	b.placed(ent, "Phòng họp công ty")
	for _, c := range []*Org{sch, hosp, ent} {
		c.place = d.Spec.Kind + " " + d.Spec.Name
	}
}

// pickTrouble marks the cells that break a leadership rule on purpose: two
// with 9+ full members and no committee, two with fewer than 3 full
// members (a small enterprise cell reduced to 2 full and 1 probationary),
// one whose secretary has left.
func (b *orgBuilder) pickTrouble() {
	var res, small []*Org
	for _, c := range b.d.Cells {
		if c == b.d.Showcase || c.Kind == party.ChiBoCoSo {
			continue
		}
		switch c.Profile {
		case resident:
			res = append(res, c)
		case enterprise, health:
			small = append(small, c)
		}
	}
	take := func(list *[]*Org) *Org {
		if len(*list) == 0 {
			return nil
		}
		i := b.r.IntN(len(*list))
		c := (*list)[i]
		*list = append((*list)[:i], (*list)[i+1:]...)
		return c
	}
	for range 2 {
		if c := take(&res); c != nil {
			c.Trouble, c.size = NoCommittee, max(c.size, 16)
		}
		if c := take(&small); c != nil {
			c.Trouble, c.size = TooFewFull, 3
		}
	}
	if c := take(&res); c != nil {
		c.Trouble = NoSecretary
	}
}
