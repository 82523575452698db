package web

import "chibo/internal/auth"

// qualityRoutes are the routes of meeting quality (issue 4): a meeting's
// evaluation, the score sheets, the thematic topic library and its
// coverage, and formalism (minutes too alike), with their JSON API.
//
// The cell scores itself with auth.EditMeetings (the secretary); the
// following committee member reviews with auth.ReviewMeetings (a board of
// the subtree): two routes, so that the guard authorizes each with its own
// action. The API's single PUT of DESIGN.md carries "by" in its body: the
// guard lets through whoever may see the meeting, and the handler then
// authorizes "self" or "review" through auth.Authorize with the matching
// action (apiEvaluationPut).
func (s *Server) qualityRoutes() []Route {
	view, edit, review := auth.ViewMeetings, auth.EditMeetings, auth.ReviewMeetings
	m := meetingParam("id")
	return []Route{
		// A meeting's evaluation: the cell's own and the review.
		{"GET", "/meetings/{id}/evaluation", view, m, s.evaluationShow},
		{"POST", "/meetings/{id}/evaluation/self", edit, m, s.evaluationSelf},
		{"POST", "/meetings/{id}/evaluation/review", review, m, s.evaluationReview},

		// The topic of a thematic meeting, chosen from the library.
		{"GET", "/meetings/{id}/topic", edit, m, s.meetingTopicShow},
		{"POST", "/meetings/{id}/topic", edit, m, s.meetingTopicSave},

		// The topic library: what a committee publishes, what a cell is
		// oriented to, and who covered what.
		{"GET", "/orgs/{id}/topics", auth.ViewOrg, orgParam("id"), s.topicList},
		{"GET", "/orgs/{id}/topics/new", auth.ManageOversight, orgParam("id"), s.topicNew},
		{"POST", "/orgs/{id}/topics", auth.ManageOversight, orgParam("id"), s.topicCreate},
		{"GET", "/orgs/{id}/topics/{tid}/edit", auth.ManageOversight, orgParam("id"), s.topicEdit},
		{"POST", "/orgs/{id}/topics/{tid}", auth.ManageOversight, orgParam("id"), s.topicSave},
		{"GET", "/orgs/{id}/topics/coverage", auth.ViewOversight, orgParam("id"), s.topicCoverage},

		// Formalism: the flagged pairs under a committee, a pass on
		// demand, two minutes side by side and the verdict on them.
		{"GET", "/orgs/{id}/similar", review, orgParam("id"), s.similarList},
		{"POST", "/orgs/{id}/similar/scan", review, orgParam("id"), s.similarScan},
		{"GET", "/meetings/{id}/similar/{mid}", review, m, s.pairShow},
		{"POST", "/meetings/{id}/similar/{mid}/review", review, m, s.pairReview},
		{"POST", "/admin/formalism/threshold", auth.Administer, nothing(), s.thresholdSave},

		// Score sheets (administrators).
		{"GET", "/admin/score-sheets", auth.Administer, nothing(), s.sheetList},
		{"GET", "/admin/score-sheets/new", auth.Administer, nothing(), s.sheetNew},
		{"POST", "/admin/score-sheets", auth.Administer, nothing(), s.sheetCreate},

		// JSON API (DESIGN.md, API core).
		{"GET", "/api/v1/meetings/{id}/evaluation", view, m, s.apiEvaluationGet},
		{"PUT", "/api/v1/meetings/{id}/evaluation", view, m, s.apiEvaluationPut},
		{"GET", "/api/v1/minutes/similar", review, orgQuery(), s.apiSimilarList},
		{"POST", "/api/v1/minutes/similar/scan", review, bodyOrg("org"), s.apiSimilarScan},
		{"POST", "/api/v1/meetings/{id}/similar/{mid}/review", review, m, s.apiPairReview},
		{"GET", "/api/v1/topics", auth.ViewOrg, orgQuery(), s.apiTopicList},
		{"POST", "/api/v1/topics", auth.ManageOversight, bodyOrg("org_id"), s.apiTopicCreate},
		{"GET", "/api/v1/score-sheets", auth.Authenticated, nothing(), s.apiSheetList},
		{"POST", "/api/v1/score-sheets", auth.Administer, nothing(), s.apiSheetCreate},
	}
}
