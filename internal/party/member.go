package party

// MemberStatus is full or probationary membership (DOMAIN.md §3).
type MemberStatus string

const (
	DuBi      MemberStatus = "du_bi"      // probationary
	ChinhThuc MemberStatus = "chinh_thuc" // full
)

// Gender as the member register writes it.
type Gender string

const (
	Nam Gender = "nam"
	Nu  Gender = "nu"
)

// CellRole is a member's office in the cell.
type CellRole string

const (
	BiThu     CellRole = "bi_thu"      // secretary
	PhoBiThu  CellRole = "pho_bi_thu"  // deputy secretary
	ChiUyVien CellRole = "chi_uy_vien" // cell committee member
	ToTruong  CellRole = "to_truong"   // leader of a party group
)

var CellRoles = []CellRole{BiThu, PhoBiThu, ChiUyVien, ToTruong}

func (r CellRole) Valid() bool {
	for _, x := range CellRoles {
		if r == x {
			return true
		}
	}
	return false
}

// Member is a party member's record. Personal data (birth date, ID number,
// phone, e-mail, home town) is visible only within the member's cell and
// the committees above it.
type Member struct {
	ID         int64
	OrgID      int64 // home cell (sinh hoạt chính thức), as of today
	FullName   string
	Gender     Gender
	BirthDate  Date
	Hometown   string
	Ethnicity  string
	Religion   string
	IDNumber   string // số CCCD
	Phone      string
	Email      string
	Address    string
	CardNumber string // số thẻ đảng viên: 8 digits, text, leading zeros kept
	DossierNo  string // số lý lịch đảng viên
	JoinedOn   Date   // ngày vào Đảng
	OfficialOn Date   // ngày chính thức; zero while probationary
	LeftOn     Date   // left the party organization (moved away, died, removed)
	LeftReason string
	Occupation string
	Note       string
	Version    int64
}

// StatusOn is full or probationary on day d: a member is full from the
// day the cell's vote on full membership took effect.
func (m Member) StatusOn(d Date) MemberStatus {
	if !m.OfficialOn.IsZero() && !d.Before(m.OfficialOn) {
		return ChinhThuc
	}
	return DuBi
}

// ActiveOn reports whether the member belongs to the Party organization on
// day d: admitted, and not yet left.
func (m Member) ActiveOn(d Date) bool {
	if !m.JoinedOn.IsZero() && d.Before(m.JoinedOn) {
		return false
	}
	return m.LeftOn.IsZero() || d.Before(m.LeftOn)
}

// StateKind is a dated state that changes how a member takes part.
type StateKind string

const (
	Mien    StateKind = "mien"     // exempt from work and meetings
	TamThoi StateKind = "tam_thoi" // registered temporarily in another cell
	DinhChi StateKind = "dinh_chi" // suspended from party activity
	TamGiam StateKind = "tam_giam" // prosecuted or detained
)

var StateKinds = []StateKind{Mien, TamThoi, DinhChi, TamGiam}

func (k StateKind) Valid() bool {
	for _, x := range StateKinds {
		if k == x {
			return true
		}
	}
	return false
}

// DatedState is one state over a range of days [From, Until]; Until zero
// means open-ended. For TamThoi, HostOrgID is the cell the member attends.
type DatedState struct {
	ID        int64
	MemberID  int64
	Kind      StateKind
	From      Date
	Until     Date
	HostOrgID int64
	Reason    string
}

// Validate checks a state before it is stored. DOMAIN.md §3: temporary
// registration runs "3 months to under 1 year (study: up to 2 years)";
// a longer one is refused, a shorter one allowed (it happens for illness).
func (s DatedState) Validate(home int64) FieldErrors {
	f := FieldErrors{}
	if !s.Kind.Valid() {
		f.Add("kind", "state.kind_invalid")
	}
	if s.From.IsZero() {
		f.Add("from", "field.required")
	}
	if !s.Until.IsZero() && s.Until.Before(s.From) {
		f.Add("until", "range.until_before_from")
	}
	if s.Kind == TamThoi {
		switch {
		case s.HostOrgID == 0:
			f.Add("host_org_id", "state.host_required")
		case s.HostOrgID == home:
			f.Add("host_org_id", "state.host_is_home")
		}
		if s.Until.IsZero() {
			f.Add("until", "state.tam_thoi_needs_end")
		} else if s.From.AddMonths(24).Before(s.Until) {
			f.Add("until", "state.tam_thoi_too_long")
		}
	}
	return f
}

// Membership is a member's home cell over a range of days; a member moved
// by a transfer, a merge or a split has one per cell.
type Membership struct {
	MemberID int64
	OrgID    int64
	From     Date
	Until    Date // zero while current
}

// RoleSpan is an office held over a range of days.
type RoleSpan struct {
	MemberID int64
	OrgID    int64
	Role     CellRole
	From     Date
	Until    Date
}

// MemberHistory is everything dated about one member.
type MemberHistory struct {
	Member      Member
	Memberships []Membership
	States      []DatedState
	Roles       []RoleSpan
}

// State is a member's standing on one day: the single answer to "what was
// this member's state on date D" (DOMAIN.md §3, "a meeting reads each
// member's state on the meeting's date").
type State struct {
	Date      Date
	Active    bool  // a party member on that day
	HomeOrgID int64 // home cell on that day (0 if none)
	Status    MemberStatus
	Exempt    bool  // miễn sinh hoạt
	TempOutTo int64 // host cell while registered temporarily elsewhere, else 0
	Suspended bool  // đình chỉ sinh hoạt
	Detained  bool  // tạm giam, bị truy tố
	Roles     []CellRole
}

// StateOn answers what member h was on day d.
func StateOn(h MemberHistory, d Date) State {
	s := State{Date: d, Active: h.Member.ActiveOn(d), Status: h.Member.StatusOn(d)}
	if len(h.Memberships) == 0 {
		if s.Active {
			s.HomeOrgID = h.Member.OrgID
		}
	}
	for _, ms := range h.Memberships {
		if Contains(ms.From, ms.Until, d) {
			s.HomeOrgID = ms.OrgID
		}
	}
	if !s.Active {
		s.HomeOrgID = 0
		return s
	}
	for _, st := range h.States {
		if !Contains(st.From, st.Until, d) {
			continue
		}
		switch st.Kind {
		case Mien:
			s.Exempt = true
		case TamThoi:
			s.TempOutTo = st.HostOrgID
		case DinhChi:
			s.Suspended = true
		case TamGiam:
			s.Detained = true
		}
	}
	for _, r := range h.Roles {
		if Contains(r.From, r.Until, d) && r.OrgID == s.HomeOrgID {
			s.Roles = append(s.Roles, r.Role)
		}
	}
	return s
}

// HasRole reports whether the state holds role r.
func (s State) HasRole(r CellRole) bool {
	for _, x := range s.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Derived is the standing a meeting shows instead of a choice, for members
// who are not simply expected (DOMAIN.md §5): exempt, temporarily
// elsewhere, suspended, detained. Empty for an ordinary member.
type Derived string

const (
	DerivedNone      Derived = ""
	DerivedExempt    Derived = "mien"
	DerivedTempOut   Derived = "tam_thoi_noi_khac"
	DerivedSuspended Derived = "dinh_chi"
	DerivedDetained  Derived = "tam_giam"
)

// Derived gives the state that decides a member's part in a meeting; the
// strongest one wins (detention over suspension over transfer over exemption).
func (s State) Derived() Derived {
	switch {
	case s.Detained:
		return DerivedDetained
	case s.Suspended:
		return DerivedSuspended
	case s.TempOutTo != 0:
		return DerivedTempOut
	case s.Exempt:
		return DerivedExempt
	}
	return DerivedNone
}
