package web

import "chibo/internal/auth"

// meetingRoutes are the routes of the cell's meetings: the calendar, the
// meeting screens of the secretary's month (UX.md), printing, the user's
// notifications, rule sets, and their JSON API. Viewing needs
// auth.ViewMeetings (members see their own cell's meetings); every change
// needs auth.EditMeetings (the cell's secretary, and administrators).
func (s *Server) meetingRoutes() []Route {
	view, edit, a := auth.ViewMeetings, auth.EditMeetings, auth.Authenticated
	m := meetingParam("id")
	return []Route{
		// A cell's year, planning, the minute book.
		{"GET", "/orgs/{id}/calendar", view, orgParam("id"), s.calendarShow},
		{"POST", "/orgs/{id}/calendar/plan-year", edit, orgParam("id"), s.calendarPlanYear},
		{"GET", "/orgs/{id}/meetings/new", edit, orgParam("id"), s.meetingNew},
		{"POST", "/orgs/{id}/meetings", edit, orgParam("id"), s.meetingCreate},
		{"GET", "/orgs/{id}/minute-book.pdf", view, orgParam("id"), s.minuteBookPDF},

		// One meeting: preparation, notice, and the screens of the month.
		{"GET", "/meetings/{id}", view, m, s.meetingShow},
		{"POST", "/meetings/{id}", edit, m, s.meetingUpdate},
		{"POST", "/meetings/{id}/prep", edit, m, s.meetingPrep},
		{"POST", "/meetings/{id}/agenda", edit, m, s.meetingAgenda},
		{"POST", "/meetings/{id}/notice", edit, m, s.meetingNotice},
		{"POST", "/meetings/{id}/delete", edit, m, s.meetingDelete},
		{"GET", "/meetings/{id}/attendance", edit, m, s.attendanceShow},
		{"POST", "/meetings/{id}/attendance", edit, m, s.attendanceSave},
		{"POST", "/meetings/{id}/attendance/{mid}", edit, m, s.attendanceSaveOne},
		{"GET", "/meetings/{id}/votes", edit, m, s.votesShow},
		{"POST", "/meetings/{id}/votes", edit, m, s.votesSave},
		{"GET", "/meetings/{id}/minutes", edit, m, s.minutesShow},
		{"POST", "/meetings/{id}/minutes", edit, m, s.minutesSave},
		{"GET", "/meetings/{id}/speakers", edit, m, s.speakerSearch},
		{"GET", "/meetings/{id}/sign", edit, m, s.signShow},
		{"POST", "/meetings/{id}/lock", edit, m, s.signLock},
		{"POST", "/meetings/{id}/amendments", edit, m, s.amendmentAdd},
		{"GET", "/meetings/{id}/minutes.pdf", view, m, s.minutesPDF},
		{"GET", "/meetings/{id}/minutes.docx", view, m, s.minutesDOCX},

		// A member's own calendar address.
		{"GET", "/members/{id}/feed", auth.EditOwnContact, memberParam("id"), s.memberFeed},

		// The user's own notifications.
		{"GET", "/notifications", a, nothing(), s.notificationList},
		{"POST", "/notifications/read-all", a, nothing(), s.notificationReadAll},
		{"POST", "/notifications/{nid}/read", a, nothing(), s.notificationRead},
		{"POST", "/notifications/{nid}/dismiss", a, nothing(), s.notificationDismiss},

		// Rule sets (administrators).
		{"GET", "/admin/rulesets", auth.Administer, nothing(), s.ruleSetList},
		{"POST", "/admin/rulesets", auth.Administer, nothing(), s.ruleSetCreate},

		// JSON API (DESIGN.md, API core).
		{"POST", "/api/v1/meetings", edit, bodyOrg("org_id"), s.apiMeetingCreate},
		{"GET", "/api/v1/meetings", view, orgQuery(), s.apiMeetingList},
		{"GET", "/api/v1/meetings/{id}", view, m, s.apiMeetingGet},
		{"PATCH", "/api/v1/meetings/{id}", edit, m, s.apiMeetingUpdate},
		{"PUT", "/api/v1/meetings/{id}/attendance", edit, m, s.apiAttendance},
		{"PUT", "/api/v1/meetings/{id}/votes", edit, m, s.apiVotes},
		{"PUT", "/api/v1/meetings/{id}/minutes", edit, m, s.apiMinutes},
		{"POST", "/api/v1/meetings/{id}/lock", edit, m, s.apiLock},
		{"POST", "/api/v1/meetings/{id}/amendments", edit, m, s.apiAmend},
		{"POST", "/api/v1/meetings/{id}/notice", edit, m, s.apiNotice},
		{"GET", "/api/v1/meetings/{id}/minutes.pdf", view, m, s.minutesPDF},
		{"GET", "/api/v1/meetings/{id}/minutes.docx", view, m, s.minutesDOCX},
		{"GET", "/api/v1/orgs/{id}/minute-book.pdf", view, orgParam("id"), s.minuteBookPDF},
		{"GET", "/api/v1/orgs/{id}/calendar", view, orgParam("id"), s.apiCalendar},
		{"GET", "/api/v1/me/notifications", a, nothing(), s.apiNotifications},
		{"POST", "/api/v1/me/notifications/{nid}/read", a, nothing(), s.apiNotificationRead},
		{"GET", "/api/v1/rulesets", auth.Administer, nothing(), s.apiRuleSets},
		{"POST", "/api/v1/rulesets", auth.Administer, nothing(), s.apiRuleSetCreate},
	}
}
