package demo

import (
	"fmt"
	"strconv"
	"strings"

	"chibo/internal/party"
)

// Reorganizations of the three years before Today, in each district: a
// residential cell moved to the next ward (boundaries were adjusted), two
// small residential cells merged, a large one split in two, an agency cell
// renamed. They are written as org_versions with the dates that
// store.ApplyOrgChange and the orgs service would give them, so that the
// tree "as of" any past day is the tree of that day.

func (b *orgBuilder) genReorgs() {
	d, r, today := b.d, b.r, b.w.Today
	wards := b.residentialWards()
	if len(wards) < 3 {
		return
	}
	used := map[*Org]bool{}
	free := func(ward *Org) []*Org {
		var out []*Org
		for _, c := range b.d.Cells {
			if c.Parent == ward && c.Profile == resident && c != d.Showcase && c.Trouble == NoTrouble && !used[c] {
				out = append(out, c)
			}
		}
		return out
	}
	pickWard := func(not ...*Org) *Org {
		for range 1000 {
			w := wards[r.IntN(len(wards))]
			ok := len(free(w)) >= 2
			for _, n := range not {
				ok = ok && w != n
			}
			if ok {
				return w
			}
		}
		return nil
	}
	about := func(monthsAgo int) party.Date { return today.AddMonths(-monthsAgo).AddDays(r.IntN(28)) }

	// Move: the last residential cell of one ward goes to another ward,
	// taking the next number there.
	from := pickWard()
	to := pickWard(from)
	if from == nil || to == nil || pickWard(from, to) == nil {
		return
	}
	list := free(from)
	x := list[len(list)-1]
	used[x] = true
	mv := about(30)
	seq := maxSeq(b.d.Cells, to) + 1
	unit, code := residentialUnit(x, to, seq, false)
	for b.hasName(to, "Chi bộ "+unit) {
		unit += " 2"
	}
	x.Versions[0].Until = mv.AddDays(-1)
	x.Versions = append(x.Versions, Version{From: mv, Name: "Chi bộ " + unit, Parent: to, Kind: x.Kind, CellType: x.CellType, Change: "move"})
	x.Name, x.Code, x.seq, x.Ward = "Chi bộ "+unit, code, seq, to
	x.place = unit + ", " + to.place
	if x.UsualPlace != "" {
		x.UsualPlace = "Nhà văn hóa " + unit
	}
	reparent(x, to)
	d.Reorgs = append(d.Reorgs, Reorg{Change: "move", On: mv, Org: x, Other: from})

	// Merge: two neighbouring small cells of one ward become one.
	ward := pickWard(from, to)
	list = free(ward)
	i := r.IntN(len(list) - 1)
	keep, gone := list[i], list[i+1]
	used[keep], used[gone] = true, true
	keep.size, gone.size = min(keep.size, 35), min(gone.size, 30)
	m := about(20)
	gone.Versions[len(gone.Versions)-1].Until = m.AddDays(-1)
	gone.Dissolved, gone.EndChange, gone.Successor = m, "merge", keep
	gone.Parent.ChildCount--
	d.Reorgs = append(d.Reorgs, Reorg{Change: "merge", On: m, Org: gone, Other: keep})

	// Split: a large cell gives half its members to a new cell.
	ward = pickWard(ward)
	list = free(ward)
	big := list[r.IntN(len(list))]
	used[big] = true
	big.size = 80 + r.IntN(11)
	s := about(14)
	seq = maxSeq(b.d.Cells, ward) + 1
	unit, code = residentialUnit(big, ward, seq, true)
	y := b.cell(ward, ward, code, "Chi bộ "+unit, resident, "", s)
	y.size, y.seq, y.place = 0, seq, unit+", "+ward.place
	y.UsualDay, y.UsualTime = big.UsualDay, big.UsualTime
	if y.UsualDay != 0 {
		y.UsualPlace = "Nhà văn hóa " + unit
	}
	y.Versions[0].Change, y.Versions[0].Related = "split", big
	big.splitTo, big.splitOn = y, s
	d.Reorgs = append(d.Reorgs, Reorg{Change: "split", On: s, Org: big, Other: y})

	// Rename: an agency cell of a ward takes the Front into its name.
	for _, c := range b.d.Cells {
		if strings.HasSuffix(c.Code, "-DDT") && c.Ward != from && c.Ward != to {
			rn := about(8)
			name := strings.Replace(c.Name, "Đảng - Đoàn thể", "Đảng - Mặt trận - Đoàn thể", 1)
			c.Versions[0].Until = rn.AddDays(-1)
			c.Versions = append(c.Versions, Version{From: rn, Name: name, Parent: c.Parent, Kind: c.Kind, CellType: c.CellType, Change: "rename"})
			c.Name = name
			d.Reorgs = append(d.Reorgs, Reorg{Change: "rename", On: rn, Org: c})
			break
		}
	}
}

// residentialWards are the committees that have residential cells.
func (b *orgBuilder) residentialWards() []*Org {
	var out []*Org
	for _, c := range b.d.Committees {
		for _, x := range b.d.Cells {
			if x.Parent == c && x.Profile == resident {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

func maxSeq(cells []*Org, ward *Org) int {
	n := 0
	for _, c := range cells {
		if c.Ward == ward && c.Profile == resident {
			n = max(n, c.seq)
		}
	}
	return n
}

// residentialUnit names cell number seq of ward in the style of cell x:
// "tổ dân phố số 16" or "Khu dân cư số 16"; a village keeps its name when
// it moves, and a village split in two gives "thôn Đông 2".
func residentialUnit(x, ward *Org, seq int, split bool) (unit, code string) {
	switch {
	case strings.Contains(x.Code, "-KDC"):
		return fmt.Sprintf("Khu dân cư số %d", seq), fmt.Sprintf("%s-KDC%02d", ward.Code, seq)
	case strings.Contains(x.Code, "-THON"):
		unit = strings.TrimPrefix(x.Name, "Chi bộ ")
		if split {
			unit += " 2"
		}
		return unit, fmt.Sprintf("%s-THON%02d", ward.Code, seq)
	}
	return fmt.Sprintf("tổ dân phố số %d", seq), fmt.Sprintf("%s-TDP%02d", ward.Code, seq)
}

// reparent moves o under p now: path, depth and child counts.
func reparent(o, p *Org) {
	o.Parent.ChildCount--
	o.Parent = p
	p.ChildCount++
	o.Path = p.Path + itoa(o.ID) + "/"
	o.Depth = p.Depth + 1
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
