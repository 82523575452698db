package party

// OrgKind is the kind of a party organization (DOMAIN.md §2).
type OrgKind string

const (
	DangBoTinh   OrgKind = "dang_bo_tinh"    // Đảng bộ tỉnh/thành phố
	DangBoHuyen  OrgKind = "dang_bo_huyen"   // Đảng bộ quận/huyện
	DangBoCoSo   OrgKind = "dang_bo_co_so"   // Đảng bộ cơ sở
	DangBoBoPhan OrgKind = "dang_bo_bo_phan" // Đảng bộ bộ phận
	ChiBoCoSo    OrgKind = "chi_bo_co_so"    // Chi bộ cơ sở
	ChiBo        OrgKind = "chi_bo"          // Chi bộ trực thuộc
	ToDang       OrgKind = "to_dang"         // Tổ đảng
)

// OrgKinds lists the kinds from the top of the tree down.
var OrgKinds = []OrgKind{DangBoTinh, DangBoHuyen, DangBoCoSo, DangBoBoPhan, ChiBoCoSo, ChiBo, ToDang}

func (k OrgKind) Valid() bool {
	for _, x := range OrgKinds {
		if k == x {
			return true
		}
	}
	return false
}

// IsCell reports whether organizations of this kind hold meetings and
// have members of their own: "meetings belong to cells".
func (k OrgKind) IsCell() bool { return k == ChiBoCoSo || k == ChiBo }

// IsCommittee reports whether this kind oversees organizations under it.
func (k OrgKind) IsCommittee() bool { return !k.IsCell() && k != ToDang }

// CanParent reports whether an organization of kind child may sit directly
// under one of kind k.
func (k OrgKind) CanParent(child OrgKind) bool {
	switch child {
	case DangBoTinh:
		return false
	case DangBoHuyen:
		return k == DangBoTinh
	case DangBoCoSo, ChiBoCoSo:
		return k == DangBoTinh || k == DangBoHuyen
	case DangBoBoPhan:
		return k == DangBoCoSo
	case ChiBo:
		return k == DangBoCoSo || k == DangBoBoPhan
	case ToDang:
		return k.IsCell()
	}
	return false
}

// CellType is the type of a cell (loại hình chi bộ); the list is editable,
// these are the defaults of DOMAIN.md §2.
type CellType string

const (
	CellThonTDP        CellType = "thon_tdp"
	CellCoQuan         CellType = "co_quan"
	CellSuNghiep       CellType = "su_nghiep"
	CellDNNhaNuoc      CellType = "dn_nha_nuoc"
	CellDNNgoaiNhaNuoc CellType = "dn_ngoai_nha_nuoc"
	CellQuanDoi        CellType = "quan_doi"
	CellCongAn         CellType = "cong_an"
)

// DefaultCellTypes are shipped in the first migration.
var DefaultCellTypes = []CellType{CellThonTDP, CellCoQuan, CellSuNghiep, CellDNNhaNuoc, CellDNNgoaiNhaNuoc, CellQuanDoi, CellCongAn}

// Org is an organization as it stands on some date.
type Org struct {
	ID       int64
	Code     string
	Name     string
	Kind     OrgKind
	CellType CellType // cells only
	ParentID int64    // 0 at the root
	// Path lists the ids from the root to this organization, as
	// "/1/5/23/": a subtree is every path with this prefix.
	Path       string
	ValidFrom  Date // first day of the version shown
	ValidUntil Date // last day, zero while current
	// FollowerUserID is the upper-level committee member who follows the
	// cell (cấp ủy viên phụ trách chi bộ).
	FollowerUserID int64
	UsualDay       int    // usual day of the month for the regular meeting, 0 if none
	UsualTime      string // "19:30"
	UsualPlace     string
	Place          string // locality printed on documents ("Long Biên")
	Abbrev         string // body abbreviation on numbered documents ("CB")
	Version        int64  // optimistic lock
	Dissolved      Date   // the day from which it no longer exists
}

// IsCell reports whether the organization holds meetings.
func (o Org) IsCell() bool { return o.Kind.IsCell() }

// CellCounts are what leadership rules need about a cell on a date.
type CellCounts struct {
	Full          int // full members (chính thức), home and active
	Probationary  int
	HasCommittee  bool // a chi ủy has been elected (members in role chi_uy_vien)
	HasSecretary  bool
	CommitteeSize int
}

// CellWarnings applies the leadership-by-size rules of DOMAIN.md §2:
// "a cell needs at least 3 full members"; "with 9 or more it elects a cell
// committee".
func CellWarnings(c CellCounts) []Msg {
	var out []Msg
	if c.Full < 3 {
		out = append(out, M("warn.cell.too_few_full", c.Full))
	}
	if c.Full >= 9 && !c.HasCommittee {
		out = append(out, M("warn.cell.needs_committee", c.Full))
	}
	if !c.HasSecretary {
		out = append(out, M("warn.cell.no_secretary"))
	}
	return out
}
