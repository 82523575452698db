package web

import (
	"net/http"

	"chibo/internal/auth"
)

// publicRoutes need no login. The route-table test checks that nothing
// else is reachable without one.
func (s *Server) publicRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /login", s.loginShow)
	mux.HandleFunc("POST /login", s.loginSubmit)
	mux.HandleFunc("GET /lang/{lang}", s.langSwitch)
	mux.HandleFunc("GET /api/v1/openapi.json", s.openAPI)
	mux.HandleFunc("GET /ical/{token}", s.icalFeed) // /ical/<token>.ics: the token is the secret
}

// PublicPatterns lists the patterns of publicRoutes (and of the server's
// own health and static handlers), for tests.
var PublicPatterns = []string{"GET /login", "POST /login", "GET /lang/{lang}", "GET /api/v1/openapi.json", "GET /healthz", "GET /static/", "GET /ical/{token}"}

// routeTable is the whole guarded surface of the application: each route
// with the action it needs and how its target is found.
func (s *Server) routeTable() []Route {
	a := auth.Authenticated
	rs := []Route{
		// Home, account, language.
		{"GET", "/{$}", a, nothing(), s.home},
		{"POST", "/logout", a, nothing(), s.logout},
		{"POST", "/logout-everywhere", a, nothing(), s.logoutEverywhere},
		{"GET", "/account", a, nothing(), s.accountShow},
		{"POST", "/account/password", a, nothing(), s.accountPassword},

		// Organizations.
		{"GET", "/orgs", auth.BrowseOrgs, nothing(), s.orgTree},
		{"GET", "/orgs/search", auth.BrowseOrgs, nothing(), s.orgSearch},
		{"GET", "/orgs/{id}", auth.ViewOrg, orgParam("id"), s.orgShow},
		{"GET", "/orgs/{id}/children", auth.ViewOrg, orgParam("id"), s.orgChildren},
		{"GET", "/orgs/{id}/history", auth.ViewOrg, orgParam("id"), s.orgHistory},
		{"GET", "/orgs/{id}/new", auth.CreateOrg, orgParam("id"), s.orgNew},
		{"POST", "/orgs/{id}/children", auth.CreateOrg, orgParam("id"), s.orgCreate},
		{"GET", "/orgs/{id}/settings", auth.EditCellSettings, orgParam("id"), s.orgSettingsShow},
		{"POST", "/orgs/{id}/settings", auth.EditCellSettings, orgParam("id"), s.orgSettingsSave},
		{"GET", "/orgs/{id}/reorganize", auth.EditOrg, orgParam("id"), s.orgReorganizeShow},
		{"POST", "/orgs/{id}/reorganize", auth.EditOrg, orgParam("id"), s.orgReorganize},

		// Members of a cell.
		{"GET", "/orgs/{id}/members", auth.ViewMembers, orgParam("id"), s.memberList},
		{"GET", "/orgs/{id}/members/new", auth.EditMember, orgParam("id"), s.memberNew},
		{"POST", "/orgs/{id}/members", auth.EditMember, orgParam("id"), s.memberCreate},
		{"GET", "/orgs/{id}/import", auth.EditMember, orgParam("id"), s.importShow},
		{"POST", "/orgs/{id}/import", auth.EditMember, orgParam("id"), s.importSubmit},
		{"GET", "/orgs/{id}/export", auth.ViewPersonal, orgParam("id"), s.exportMembers},
		{"GET", "/members/{id}", auth.ViewMembers, memberParam("id"), s.memberShow},
		{"GET", "/members/{id}/edit", auth.EditMember, memberParam("id"), s.memberEdit},
		{"POST", "/members/{id}", auth.EditMember, memberParam("id"), s.memberSave},
		{"POST", "/members/{id}/contact", auth.EditOwnContact, memberParam("id"), s.memberContact},
		{"POST", "/members/{id}/states", auth.EditMember, memberParam("id"), s.memberStateAdd},
		{"POST", "/members/{id}/states/{sid}/end", auth.EditMember, memberParam("id"), s.memberStateEnd},
		{"POST", "/members/{id}/roles", auth.EditMember, memberParam("id"), s.memberRoleAdd},
		{"POST", "/members/{id}/roles/{rid}/end", auth.EditMember, memberParam("id"), s.memberRoleEnd},
		{"POST", "/members/{id}/transfer", auth.EditMember, memberParam("id"), s.memberTransfer},

		// Accounts and administration.
		{"GET", "/users", auth.ManageUsers, orgQuery(), s.userList},
		{"GET", "/users/new", auth.ManageUsers, orgQuery(), s.userNew},
		{"POST", "/users", auth.ManageUsers, orgQuery(), s.userCreate},
		{"GET", "/admin/audit", auth.Administer, nothing(), s.auditList},
		{"GET", "/admin/audit.csv", auth.Administer, nothing(), s.auditExport},

		// JSON API (DESIGN.md, API core).
		{"GET", "/api/v1/me", a, nothing(), s.apiMe},
		{"GET", "/api/v1/orgs", auth.ViewOrg, parentQuery(), s.apiOrgList},
		{"POST", "/api/v1/orgs", auth.CreateOrg, bodyOrg("parent_id"), s.apiOrgCreate},
		{"GET", "/api/v1/orgs/{id}", auth.ViewOrg, orgParam("id"), s.apiOrgGet},
		{"GET", "/api/v1/orgs/{id}/history", auth.ViewOrg, orgParam("id"), s.apiOrgHistory},
		{"POST", "/api/v1/orgs/{id}/reorganize", auth.EditOrg, orgParam("id"), s.apiOrgReorganize},
		{"GET", "/api/v1/orgs/{id}/warnings", auth.ViewOrg, orgParam("id"), s.apiOrgWarnings},
		{"POST", "/api/v1/orgs/{id}/import", auth.EditMember, orgParam("id"), s.apiImport},
		{"GET", "/api/v1/members", auth.ViewMembers, orgQuery(), s.apiMemberList},
		{"POST", "/api/v1/members", auth.EditMember, bodyOrg("org_id"), s.apiMemberCreate},
		{"GET", "/api/v1/members/{id}", auth.ViewMembers, memberParam("id"), s.apiMemberGet},
		{"PUT", "/api/v1/members/{id}", auth.EditMember, memberParam("id"), s.apiMemberUpdate},
		{"GET", "/api/v1/members/{id}/state", auth.ViewMembers, memberParam("id"), s.apiMemberState},
		{"POST", "/api/v1/members/{id}/states", auth.EditMember, memberParam("id"), s.apiMemberStateAdd},
		{"POST", "/api/v1/members/{id}/roles", auth.EditMember, memberParam("id"), s.apiMemberRoleAdd},
	}
	for _, feature := range s.features() {
		rs = append(rs, feature...)
	}
	return rs
}

// features are the route lists of the feature areas, each in its own
// routes_<feature>.go file.
func (s *Server) features() [][]Route {
	return [][]Route{s.meetingRoutes(), s.documentRoutes(), s.qualityRoutes(), s.searchRoutes(), s.oversightRoutes(), s.planRoutes()}
}
