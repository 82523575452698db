package demo

import (
	"strings"

	"chibo/internal/auth"
	"chibo/internal/party"
)

// The accounts stage makes the demo logins: an administrator, a board
// account for the city (city scale), for each district and for each
// grassroots committee (which also follows every cell under it), and in
// Long Biên the secretary and one member of the showcase cell. Every demo
// account has the password DemoPassword.

// DemoPassword is the password of every demo account (printed).
const DemoPassword = "chibo-demo-2026"

func genAccounts(w *World) error {
	w.Accounts = nil
	add := func(u *User, main bool) *User {
		if w.takenNames[u.Username] {
			return nil // an account of that name was there before the demo
		}
		u.ID = w.firstUserID + int64(len(w.Users))
		w.Users = append(w.Users, u)
		if main {
			a := Account{Role: u.Role, Username: u.Username, Password: DemoPassword}
			a.Note = accountNote(u)
			w.Accounts = append(w.Accounts, a)
		}
		return u
	}
	add(&User{Username: "admin", DisplayName: "Quản trị hệ thống", Role: auth.RoleAdmin}, true)
	if w.Scale == City {
		add(&User{Username: "thanhuy", DisplayName: "Ban Tổ chức Thành ủy Hà Nội", Role: auth.RoleBoard, Org: w.Root}, true)
	}
	for _, d := range w.Boroughs {
		name := "btc-" + strings.ToLower(d.Spec.Code)
		if d.Spec.Code == "LB" {
			name = "bantochuc"
		}
		d.Board = add(&User{Username: name, DisplayName: "Ban Tổ chức " + committeeWord(d.Spec.Kind) + " " + d.Spec.Name,
			Role: auth.RoleBoard, Org: d.Org}, d.Spec.Code == "LB")
		boards := map[*Org]*User{}
		for _, k := range d.Committees {
			boards[k] = add(&User{Username: k.user, DisplayName: strings.Replace(k.Name, "Đảng bộ", "Đảng ủy", 1), Role: auth.RoleBoard, Org: k},
				k.user == "bode")
		}
		// The upper-level committee member who follows each cell
		// (cấp ủy viên phụ trách chi bộ) is its committee's account.
		for _, c := range d.Cells {
			c.Follower = d.Board
			if c.Ward != nil {
				c.Follower = boards[c.Ward]
			}
		}
		if sc := d.Showcase; sc != nil {
			if sec := holder(sc, party.BiThu, w.Today); sec != nil {
				add(&User{Username: "bithu", DisplayName: sec.Member.FullName, Role: auth.RoleSecretary, Org: sc, Member: sec}, true)
			}
			if m := ordinaryMember(sc, w.Today); m != nil {
				add(&User{Username: "dangvien", DisplayName: m.Member.FullName, Role: auth.RoleMember, Org: sc, Member: m}, true)
			}
		}
	}
	return nil
}

// holder is the member holding role in cell c on day d.
func holder(c *Org, role party.CellRole, d party.Date) *Member {
	for _, m := range c.Members {
		for _, r := range m.Roles {
			if r.OrgID == c.ID && r.Role == role && party.Contains(r.From, r.Until, d) {
				return m
			}
		}
	}
	return nil
}

// ordinaryMember is a full member of c with no office and no state.
func ordinaryMember(c *Org, d party.Date) *Member {
	for _, m := range c.Members {
		if m.Home == c && m.Member.ActiveOn(d) && !m.Member.OfficialOn.IsZero() && len(m.Roles) == 0 && len(m.States) == 0 {
			return m
		}
	}
	return nil
}

// accountNote says in Vietnamese who an account is.
func accountNote(u *User) string {
	var org, ward, member string
	if u.Org != nil {
		org = u.Org.Name
		if u.Org.Parent != nil {
			ward = u.Org.Parent.Name
		}
	}
	if u.Member != nil {
		member = u.Member.Member.FullName
	}
	return noteFor(u.Role, u.Username, u.DisplayName, org, ward, member)
}

// noteFor builds the note of an account from what the database also
// holds, so that LoadIfEmpty describes existing accounts the same way.
func noteFor(role, username, display, org, parent, member string) string {
	where := org
	if parent != "" {
		where += ", " + wardLabel(parent)
	}
	switch role {
	case auth.RoleSecretary:
		return "Bí thư " + where + " (" + member + ")"
	case auth.RoleMember:
		return "Đảng viên " + where + " (" + member + ")"
	}
	if username == "bode" {
		return display + " (mỗi phường có tài khoản tương tự: cukhoi, ducgiang, …)"
	}
	return display
}
