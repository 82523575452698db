// Package testfix builds a small, realistic organization for tests, through
// the same services the application uses: a city, a district with two
// wards, cells in each, members in Vietnamese name order scrambled, and an
// account of every role in each subtree, so that tests can check who may
// see what.
package testfix

import (
	"context"
	"fmt"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Password is the password of every fixture account.
const Password = "chibo-test-2026"

// Today is the fixed day of the fixture: every service runs on this clock.
var Today = party.D(2026, time.June, 15)

// Now is noon of Today in Vietnam.
func Now() time.Time { return Today.At(12, 0) }

// Fix is the fixture.
type Fix struct {
	DB *store.DB
	// Organizations.
	City, District, WardA, WardB, CellA1, CellA2, CellB1 int64
	// Members by full name.
	Members map[string]int64
	// Accounts by user name: admin, board (district), boarda, boardb,
	// seca1, seca2, secb1, mema1, memb1.
	Users map[string]int64
}

// CellA1Names are the members of cell A1 as entered (not in order).
var CellA1Names = []string{"Trần Thị Bình", "Nguyễn Văn An", "Phạm Thị Ân", "Lê Văn Ánh", "Vũ Thị Hà",
	"Đỗ Văn Đức", "Hoàng Văn Dũng", "Bùi Văn Ẩn", "Ngô Thị Yến", "Đặng Quang Hải"}

// CellA1Sorted is CellA1Names in Vietnamese order: by given name (a < ă < â,
// d < đ, tones after letters), then family and middle names.
var CellA1Sorted = []string{"Nguyễn Văn An", "Lê Văn Ánh", "Phạm Thị Ân", "Bùi Văn Ẩn", "Trần Thị Bình",
	"Hoàng Văn Dũng", "Đỗ Văn Đức", "Vũ Thị Hà", "Đặng Quang Hải", "Ngô Thị Yến"}

// New builds the fixture in db.
func New(t testing.TB, db *store.DB) *Fix {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return Now() }
	os := &orgs.Service{DB: db, Now: clock}
	ms := &members.Service{DB: db, Now: clock}
	as := &accounts.Service{DB: db, Now: clock}
	a := store.Actor{Username: "testfix"}
	f := &Fix{DB: db, Members: map[string]int64{}, Users: map[string]int64{}}
	start := party.D(2020, time.January, 1)
	must := func(id int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	org := func(code, name string, kind party.OrgKind, ct party.CellType, parent int64) int64 {
		return must(os.Create(ctx, a, store.NewOrg{Code: code, Name: name, Kind: kind, CellType: ct, ParentID: parent, On: start, Place: "Long Biên", Abbrev: "CB"}))
	}
	f.City = org("HN", "Đảng bộ thành phố Hà Nội", party.DangBoTinh, "", 0)
	f.District = org("LB", "Đảng bộ quận Long Biên", party.DangBoHuyen, "", f.City)
	f.WardA = org("LB-BD", "Đảng bộ phường Bồ Đề", party.DangBoCoSo, "", f.District)
	f.WardB = org("LB-GT", "Đảng bộ phường Gia Thụy", party.DangBoCoSo, "", f.District)
	f.CellA1 = org("LB-BD-05", "Chi bộ tổ dân phố số 5", party.ChiBo, party.CellThonTDP, f.WardA)
	f.CellA2 = org("LB-BD-06", "Chi bộ tổ dân phố số 6", party.ChiBo, party.CellThonTDP, f.WardA)
	f.CellB1 = org("LB-GT-01", "Chi bộ Trường Tiểu học Gia Thụy", party.ChiBo, party.CellSuNghiep, f.WardB)

	add := func(cell int64, name string, joined, official party.Date, card string) int64 {
		id := must(ms.Add(ctx, a, party.Member{OrgID: cell, FullName: name, Gender: party.Nam, BirthDate: party.D(1950, time.March, 3),
			JoinedOn: joined, OfficialOn: official, CardNumber: card, Phone: "0912345678"}))
		f.Members[name] = id
		return id
	}
	for i, n := range CellA1Names {
		card := ""
		official := party.D(1981, time.May, 5)
		if n == "Ngô Thị Yến" { // probationary: admitted this year
			official = party.Date{}
		} else {
			card = fmt.Sprintf("%08d", 1000+i) // leading zeros are part of the number
		}
		joined := party.D(1980, time.May, 5)
		if official.IsZero() {
			joined = party.D(2026, time.January, 10)
		}
		add(f.CellA1, n, joined, official, card)
	}
	for i, n := range []string{"Lý Văn Mạnh", "Dương Thị Lan", "Hồ Văn Nam"} {
		add(f.CellA2, n, party.D(1990, time.June, 1), party.D(1991, time.June, 1), "1000000"+string(rune('0'+i)))
	}
	for i, n := range []string{"Phan Thị Thu", "Võ Minh Tuấn", "Trịnh Văn Sơn", "Mai Thị Hoa"} {
		add(f.CellB1, n, party.D(2000, time.June, 1), party.D(2001, time.June, 1), "2000000"+string(rune('0'+i)))
	}
	// States: exempt, away temporarily, hosted temporarily.
	must(ms.AddState(ctx, a, party.DatedState{MemberID: f.Members["Vũ Thị Hà"], Kind: party.Mien, From: party.D(2024, time.January, 1), Reason: "Tuổi cao"}))
	must(ms.AddState(ctx, a, party.DatedState{MemberID: f.Members["Đặng Quang Hải"], Kind: party.TamThoi, From: party.D(2026, time.March, 1),
		Until: party.D(2026, time.December, 31), HostOrgID: f.CellA2}))
	must(ms.AddState(ctx, a, party.DatedState{MemberID: f.Members["Võ Minh Tuấn"], Kind: party.TamThoi, From: party.D(2026, time.April, 1),
		Until: party.D(2026, time.September, 30), HostOrgID: f.CellA1}))
	must(ms.AddRole(ctx, a, f.Members["Nguyễn Văn An"], party.BiThu, start))
	must(ms.AddRole(ctx, a, f.Members["Trần Thị Bình"], party.PhoBiThu, start))
	must(ms.AddRole(ctx, a, f.Members["Lý Văn Mạnh"], party.BiThu, start))
	must(ms.AddRole(ctx, a, f.Members["Phan Thị Thu"], party.BiThu, start))

	user := func(name, role string, org, member int64) {
		f.Users[name] = must(as.CreateUser(ctx, auth.Principal{}, a, accounts.NewUser{Username: name, DisplayName: name, Password: Password,
			Role: role, OrgID: org, MemberID: member}))
	}
	user("admin", auth.RoleAdmin, 0, 0)
	user("board", auth.RoleBoard, f.District, 0)
	user("boarda", auth.RoleBoard, f.WardA, 0)
	user("boardb", auth.RoleBoard, f.WardB, 0)
	user("seca1", auth.RoleSecretary, f.CellA1, f.Members["Nguyễn Văn An"])
	user("seca2", auth.RoleSecretary, f.CellA2, f.Members["Lý Văn Mạnh"])
	user("secb1", auth.RoleSecretary, f.CellB1, f.Members["Phan Thị Thu"])
	user("mema1", auth.RoleMember, 0, f.Members["Lê Văn Ánh"])
	user("memb1", auth.RoleMember, 0, f.Members["Mai Thị Hoa"])
	return f
}

// Principal returns the principal of a fixture account.
func (f *Fix) Principal(t testing.TB, username string) auth.Principal {
	t.Helper()
	p, err := (&accounts.Service{DB: f.DB, Now: Now}).Principal(context.Background(), f.Users[username])
	if err != nil {
		t.Fatal(err)
	}
	return p
}
