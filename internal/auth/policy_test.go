package auth

import "testing"

// The access table of the issue: "a user sees and changes only what their
// role and organization allow". Paths: /1/ city, /1/2/ district, /1/2/3/
// ward A with cells /1/2/3/5/ and /1/2/3/6/, /1/2/4/ ward B with cell /1/2/4/7/.
func TestCan_AccessFollowsTheTree(t *testing.T) {
	admin := Principal{UserID: 1, Role: RoleAdmin}
	district := Principal{UserID: 2, Role: RoleBoard, OrgPath: "/1/2/"}
	wardA := Principal{UserID: 3, Role: RoleBoard, OrgPath: "/1/2/3/"}
	secA := Principal{UserID: 4, Role: RoleSecretary, OrgPath: "/1/2/3/5/", MemberID: 50}
	memA := Principal{UserID: 5, Role: RoleMember, MemberID: 51, MemberOrgPath: "/1/2/3/5/"}
	cellA := Target{OrgPath: "/1/2/3/5/"}
	cellA2 := Target{OrgPath: "/1/2/3/6/"}
	cellB := Target{OrgPath: "/1/2/4/7/"}
	wardATarget := Target{OrgPath: "/1/2/3/"}
	tests := []struct {
		name string
		p    Principal
		a    Action
		t    Target
		want bool
	}{
		{"nobody sees anything", Principal{}, ViewOrg, cellA, false},
		{"admin sees everything", admin, ViewPersonal, cellB, true},
		{"admin administers", admin, Administer, Target{}, true},
		{"a board oversees its whole subtree", district, ViewMeetings, cellB, true},
		{"a ward board sees its own cells", wardA, ViewMembers, cellA2, true},
		{"a ward board does not see another ward", wardA, ViewMembers, cellB, false},
		{"a ward board may not see the district above it", wardA, ViewOrg, Target{OrgPath: "/1/2/"}, false},
		{"a board reorganizes what is under it", wardA, EditOrg, cellA, true},
		{"a board does not reorganize itself", wardA, EditOrg, wardATarget, false},
		{"a board creates organizations under itself", wardA, CreateOrg, wardATarget, true},
		{"a board does not write a cell's minutes", wardA, EditMeetings, cellA, false},
		{"a board reviews meetings of its cells", wardA, ReviewMeetings, cellA, true},
		{"a secretary runs their own cell", secA, EditMeetings, cellA, true},
		{"a secretary edits their cell's members", secA, EditMember, cellA, true},
		{"a secretary does not touch the next cell", secA, EditMeetings, cellA2, false},
		{"a secretary does not see the next cell's personal data", secA, ViewPersonal, cellA2, false},
		{"a secretary does not review meetings", secA, ReviewMeetings, cellA, false},
		{"a secretary does not manage accounts", secA, ManageUsers, cellA, false},
		{"a secretary does not administer", secA, Administer, Target{}, false},
		{"a member sees their cell's meetings", memA, ViewMeetings, cellA, true},
		{"a member does not see another cell's meetings", memA, ViewMeetings, cellA2, false},
		{"a member sees their own record", memA, ViewPersonal, Target{OrgPath: "/1/2/3/5/", MemberID: 51}, true},
		{"a member does not see a fellow member's personal data", memA, ViewPersonal, Target{OrgPath: "/1/2/3/5/", MemberID: 52}, false},
		{"a member edits their own contact details", memA, EditOwnContact, Target{OrgPath: "/1/2/3/5/", MemberID: 51}, true},
		{"a member does not edit their own record", memA, EditMember, Target{OrgPath: "/1/2/3/5/", MemberID: 51}, false},
		{"a member does not browse the tree", memA, BrowseOrgs, Target{}, false},
		{"an unknown action is refused", district, Action("nonsense"), cellA, false},
		{"a path prefix is not a subtree: /1/2/3/ does not hold /1/2/31/", wardA, ViewOrg, Target{OrgPath: "/1/2/31/"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Can(tc.p, tc.a, tc.t); got != tc.want {
				t.Errorf("Can = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAuthorize_NobodyIsAskedToLogIn(t *testing.T) {
	if err := Authorize(Principal{}, ViewOrg, Target{OrgPath: "/1/"}); err == nil || err.Error()[:12] != "unauthorized" {
		t.Errorf("err = %v", err)
	}
	if err := Authorize(Principal{UserID: 1, Role: RoleMember}, ViewOrg, Target{OrgPath: "/1/"}); err == nil || err.Error()[:9] != "forbidden" {
		t.Errorf("err = %v", err)
	}
}

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := HashPassword("mật khẩu dài 2026")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "mật khẩu dài 2026") {
		t.Error("right password refused")
	}
	if CheckPassword(h, "mật khẩu dài 2027") {
		t.Error("wrong password accepted")
	}
	h2, _ := HashPassword("mật khẩu dài 2026")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$x$y$z$w", h[:len(h)-4]} {
		if CheckPassword(bad, "mật khẩu dài 2026") && bad != h {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestPasswordRules(t *testing.T) {
	tests := []struct {
		user, pw string
		ok       bool
	}{
		{"bithu", "ngan", false},
		{"bithu", "1234567890", false},
		{"bithu", "aaaaaaaaaaaa", false},
		{"bithu", "toi-la-bithu-123", false},
		{"bithu", "hoa-sen-no-2026", true},
		{"bithu", "Sen hồng nở giữa hè", true},
	}
	for _, tc := range tests {
		if err := CheckPasswordRules(tc.user, tc.pw); (err == nil) != tc.ok {
			t.Errorf("%q: err = %v, want ok=%v", tc.pw, err, tc.ok)
		}
	}
}

func TestThrottleLocksAfterRepeatedFailures(t *testing.T) {
	var f Failure
	now := mustTime("2026-06-15T10:00:00Z")
	for i := 0; i < MaxFailures-1; i++ {
		f = f.Fail(now, MaxFailures)
		if f.Locked(now) {
			t.Fatalf("locked after %d failures", i+1)
		}
	}
	f = f.Fail(now, MaxFailures)
	if !f.Locked(now) {
		t.Fatal("not locked after the limit")
	}
	if f.Locked(now.Add(Lockout + 1)) {
		t.Fatal("still locked after the lockout")
	}
	// Failures spread beyond the window start a new count.
	g := Failure{}.Fail(now, MaxFailures)
	g = g.Fail(now.Add(Window+1), MaxFailures)
	if g.Count != 1 {
		t.Errorf("count after the window = %d, want 1", g.Count)
	}
}

func TestTokensAreRandomAndHashed(t *testing.T) {
	s1, h1 := NewToken()
	s2, h2 := NewToken()
	if s1 == s2 || h1 == h2 || h1 != HashToken(s1) || h1 == s1 {
		t.Error("tokens are not random or not hashed")
	}
}
