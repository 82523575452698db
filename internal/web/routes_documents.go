package web

import "chibo/internal/auth"

// documentRoutes are the routes of documents and their dissemination, of
// training, and of the member's own home. Documents are managed by the
// boards above the issuer (auth.ManageDocuments on the issuing
// organization); reading one is for whoever it was sent to and its
// managers, which the handler decides (a document one may not read is
// "not found"); coverage is oversight of the organization asked.
// Courses are managed with auth.ManageTraining on the organizer.
func (s *Server) documentRoutes() []Route {
	a := auth.Authenticated
	manage, train := auth.ManageDocuments, auth.ManageTraining
	doc, course := documentParam("id"), courseParam("id")
	return []Route{
		// The member's own home.
		{"GET", "/me", a, nothing(), s.meShow},

		// Documents: the register, one document, its file, sending,
		// acknowledging, coverage and reminders.
		{"GET", "/documents", a, nothing(), s.docList},
		{"GET", "/orgs/{id}/documents/new", manage, orgParam("id"), s.docNew},
		{"POST", "/orgs/{id}/documents", manage, orgParam("id"), s.docCreate},
		{"GET", "/documents/{id}", a, doc, s.docShow},
		{"GET", "/documents/{id}/edit", manage, doc, s.docEdit},
		{"POST", "/documents/{id}", manage, doc, s.docSave},
		{"POST", "/documents/{id}/files", manage, doc, s.docAddFile},
		{"GET", "/documents/{id}/file", a, doc, s.docFile},
		{"GET", "/documents/{id}/send", manage, doc, s.docSendShow},
		{"POST", "/documents/{id}/send", manage, doc, s.docSend},
		{"POST", "/documents/{id}/ack", a, doc, s.docAck},
		{"GET", "/documents/{id}/coverage", auth.ViewOversight, docOrgQuery(), s.docCoverage},
		{"POST", "/documents/{id}/remind", manage, docOrgQuery(), s.docRemind},

		// Documents a meeting cites (its agenda, its thematic topic).
		{"GET", "/meetings/{id}/documents", auth.ViewMeetings, meetingParam("id"), s.citeShow},
		{"POST", "/meetings/{id}/documents", auth.EditMeetings, meetingParam("id"), s.citeSave},

		// Training.
		{"GET", "/training", train, orgQuery(), s.courseList},
		{"GET", "/training/new", train, orgQuery(), s.courseNew},
		{"POST", "/training", train, orgQuery(), s.courseCreate},
		{"GET", "/training/untrained", auth.ViewOversight, orgQuery(), s.untrainedShow},
		{"GET", "/training/{id}", train, course, s.courseShow},
		{"GET", "/training/{id}/edit", train, course, s.courseEdit},
		{"POST", "/training/{id}", train, course, s.courseSave},
		{"POST", "/training/{id}/participants", train, course, s.courseParticipants},
		{"GET", "/members/{id}/training", auth.ViewMembers, memberParam("id"), s.memberTraining},

		// JSON API (DESIGN.md, API core).
		{"GET", "/api/v1/me/home", a, nothing(), s.apiMeHome},
		{"PUT", "/api/v1/me/contact", a, nothing(), s.apiMeContact},
		{"GET", "/api/v1/documents", a, nothing(), s.apiDocList},
		{"POST", "/api/v1/documents", manage, bodyOrg("issuer_id"), s.apiDocCreate},
		{"GET", "/api/v1/documents/{id}", a, doc, s.apiDocGet},
		{"GET", "/api/v1/documents/{id}/file", a, doc, s.docFile},
		{"POST", "/api/v1/documents/{id}/file", manage, doc, s.apiDocFile},
		{"POST", "/api/v1/documents/{id}/send", manage, doc, s.apiDocSend},
		{"POST", "/api/v1/documents/{id}/ack", a, doc, s.apiDocAck},
		{"GET", "/api/v1/documents/{id}/coverage", auth.ViewOversight, docOrgQuery(), s.apiDocCoverage},
		{"POST", "/api/v1/documents/{id}/remind", manage, docOrgQuery(), s.apiDocRemind},
		{"GET", "/api/v1/trainings", train, orgQuery(), s.apiCourseList},
		{"POST", "/api/v1/trainings", train, bodyOrg("organizer_id"), s.apiCourseCreate},
		{"GET", "/api/v1/trainings/untrained", auth.ViewOversight, orgQuery(), s.apiUntrained},
		{"GET", "/api/v1/trainings/{id}", train, course, s.apiCourseGet},
		{"PUT", "/api/v1/trainings/{id}/participants", train, course, s.apiCourseParticipants},
		{"GET", "/api/v1/members/{id}/training", auth.ViewMembers, memberParam("id"), s.apiMemberTraining},
	}
}
