// Package auth holds accounts' security: the one authorization function
// every handler goes through, password hashing, tokens and login throttling.
package auth

import (
	"strings"

	"chibo/internal/party"
)

// Roles of accounts (DESIGN.md, interface contract).
const (
	RoleAdmin     = "admin"     // everything
	RoleBoard     = "board"     // a committee or organization board: its organization and the whole subtree
	RoleSecretary = "secretary" // runs one cell
	RoleMember    = "member"    // one member's own view
)

// Roles lists the roles from the most to the least powerful.
var Roles = []string{RoleAdmin, RoleBoard, RoleSecretary, RoleMember}

// ValidRole reports whether r is a role.
func ValidRole(r string) bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Principal is who is asking: an account with its role and scope.
type Principal struct {
	UserID   int64
	Username string
	Name     string
	Role     string
	OrgID    int64  // board: root of the subtree; secretary: the cell
	OrgPath  string // current path of OrgID
	MemberID int64  // member: own record (secretaries may have one too)
	// MemberOrgPath is the path of the member's home cell (member role).
	MemberOrgPath string
	Locale        string
}

// Anonymous is nobody.
var Anonymous = Principal{}

// LoggedIn reports whether p is an account.
func (p Principal) LoggedIn() bool { return p.UserID != 0 }

// Action is something a user may want to do.
type Action string

const (
	ViewOrg          Action = "org.view"
	CreateOrg        Action = "org.create"         // create an organization under the target
	EditOrg          Action = "org.edit"           // reorganize: rename, move, merge, split, dissolve
	EditCellSettings Action = "org.settings"       // usual meeting day, place, follower
	ViewMembers      Action = "member.view"        // names, status, roles
	ViewPersonal     Action = "member.personal"    // birth date, ID number, phone, e-mail, address
	EditMember       Action = "member.edit"        // add, edit, import, states, roles
	EditOwnContact   Action = "member.own_contact" // a member's own phone, e-mail, address
	ViewMeetings     Action = "meeting.view"
	EditMeetings     Action = "meeting.edit" // plan, attendance, minutes, votes, sign
	ReviewMeetings   Action = "meeting.review"
	ViewOversight    Action = "oversight.view"
	ManageOversight  Action = "oversight.manage" // plans, reports, commendation, reminders
	ManageDocuments  Action = "document.manage"
	ManageTraining   Action = "training.manage"
	ManageUsers      Action = "user.manage"
	Administer       Action = "admin"      // rule sets, settings, audit log
	Authenticated    Action = "auth"       // any logged-in user (own home, own notifications, search)
	BrowseOrgs       Action = "org.browse" // the tree browser and organization search, within the user's scope
)

// scope says how far a role reaches for an action.
type scope int

const (
	none     scope = iota
	subtree        // the user's organization and everything under it
	below          // strictly under the user's organization
	ownCell        // the secretary's cell (and party groups inside it)
	self           // the member's own record
	cellOfMe       // the member's home cell
	anywhere       // no organization involved
)

// policy is the whole access table: for each action, how far each role
// reaches. Admins reach everywhere; a missing role has no access.
var policy = map[Action]map[string]scope{
	ViewOrg:          {RoleBoard: subtree, RoleSecretary: ownCell, RoleMember: cellOfMe},
	CreateOrg:        {RoleBoard: subtree},
	EditOrg:          {RoleBoard: below},
	EditCellSettings: {RoleBoard: subtree, RoleSecretary: ownCell},
	ViewMembers:      {RoleBoard: subtree, RoleSecretary: ownCell, RoleMember: self},
	ViewPersonal:     {RoleBoard: subtree, RoleSecretary: ownCell, RoleMember: self},
	EditMember:       {RoleBoard: subtree, RoleSecretary: ownCell},
	EditOwnContact:   {RoleBoard: subtree, RoleSecretary: ownCell, RoleMember: self},
	ViewMeetings:     {RoleBoard: subtree, RoleSecretary: ownCell, RoleMember: cellOfMe},
	EditMeetings:     {RoleSecretary: ownCell},
	ReviewMeetings:   {RoleBoard: subtree},
	ViewOversight:    {RoleBoard: subtree, RoleSecretary: ownCell},
	ManageOversight:  {RoleBoard: subtree},
	ManageDocuments:  {RoleBoard: subtree},
	ManageTraining:   {RoleBoard: subtree},
	ManageUsers:      {RoleBoard: subtree},
	Administer:       {},
	Authenticated:    {RoleBoard: anywhere, RoleSecretary: anywhere, RoleMember: anywhere},
	BrowseOrgs:       {RoleBoard: anywhere, RoleSecretary: anywhere},
}

// Actions lists every action (for the route-table test).
func Actions() []Action {
	out := make([]Action, 0, len(policy))
	for a := range policy {
		out = append(out, a)
	}
	return out
}

// Target is what an action is done to: an organization (by its current
// path) and, for member records, the member.
type Target struct {
	OrgPath  string
	MemberID int64
}

// Can reports whether p may do a to t. It is the single authorization
// check of the whole program: every route and API call goes through it.
func Can(p Principal, a Action, t Target) bool {
	if !p.LoggedIn() {
		return false
	}
	if p.Role == RoleAdmin {
		return true
	}
	rules, ok := policy[a]
	if !ok {
		return false
	}
	switch rules[p.Role] {
	case anywhere:
		return true
	case subtree:
		return inSubtree(p.OrgPath, t.OrgPath)
	case below:
		return inSubtree(p.OrgPath, t.OrgPath) && t.OrgPath != p.OrgPath
	case ownCell:
		return inSubtree(p.OrgPath, t.OrgPath)
	case self:
		return t.MemberID != 0 && t.MemberID == p.MemberID
	case cellOfMe:
		return p.MemberOrgPath != "" && inSubtree(p.MemberOrgPath, t.OrgPath)
	}
	return false
}

func inSubtree(root, path string) bool {
	return root != "" && path != "" && strings.HasPrefix(path, root)
}

// Authorize is Can returning the error to show: 401 for nobody, 403 for
// someone outside the role or scope.
func Authorize(p Principal, a Action, t Target) error {
	if !p.LoggedIn() {
		return party.Errorf(party.EUnauthorized, "auth.login_required")
	}
	if !Can(p, a, t) {
		return party.Errorf(party.EForbidden, "auth.forbidden")
	}
	return nil
}

// ScopePath is the subtree a principal may list things in: "" for
// everything (admins), the organization's path for board users and
// secretaries, the home cell for members.
func (p Principal) ScopePath() string {
	switch p.Role {
	case RoleAdmin:
		return "/"
	case RoleMember:
		return p.MemberOrgPath
	}
	return p.OrgPath
}
