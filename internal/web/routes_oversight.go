package web

import "chibo/internal/auth"

// oversightRoutes are the routes of the committees above the cells (issue
// 5): the overview of an organization with its drill-down, the ranking of
// its units with commendation and reminders, the reminders sent, the
// year-end rating proposals, model meetings, and their JSON API. Viewing
// needs auth.ViewOversight (boards over their subtree, a secretary over
// the cell); deciding needs auth.ManageOversight (boards).
func (s *Server) oversightRoutes() []Route {
	view, manage := auth.ViewOversight, auth.ManageOversight
	o, m := orgParam("id"), meetingParam("id")
	return []Route{
		// The board's view: overview, drill-down, ranking, actions.
		{"GET", "/overview", view, orgQuery(), s.overviewHome},
		{"GET", "/orgs/{id}/overview", view, o, s.overviewShow},
		{"GET", "/orgs/{id}/ranking", view, o, s.rankingShow},
		{"POST", "/orgs/{id}/ranking/weights", manage, o, s.weightsSave},
		{"POST", "/orgs/{id}/commendations", manage, o, s.commendCreate},
		{"POST", "/orgs/{id}/unit-reminders", manage, o, s.unitRemindCreate},
		{"GET", "/orgs/{id}/reminders", view, o, s.remindersShow},
		{"GET", "/orgs/{id}/ratings", view, o, s.ratingsShow},
		{"POST", "/orgs/{id}/ratings", manage, o, s.ratingConfirm},
		{"POST", "/admin/reminder-schedule", auth.Administer, nothing(), s.scheduleSave},

		// Model meetings (nhân rộng điển hình).
		{"GET", "/models", view, orgQuery(), s.modelList},
		{"POST", "/meetings/{id}/model", manage, m, s.modelMark},
		{"POST", "/meetings/{id}/model/remove", manage, m, s.modelUnmark},

		// JSON API (DESIGN.md: oversight calls).
		{"GET", "/api/v1/oversight/compliance", view, orgQuery(), s.apiCompliance},
		{"GET", "/api/v1/oversight/ranking", view, orgQuery(), s.apiRanking},
		{"GET", "/api/v1/oversight/weights", view, orgQuery(), s.apiWeightsGet},
		{"PUT", "/api/v1/oversight/weights", manage, bodyOrg("org_id"), s.apiWeightsPut},
		{"GET", "/api/v1/oversight/reminders", view, orgQuery(), s.apiReminders},
		{"GET", "/api/v1/oversight/unit-reminders", view, orgQuery(), s.apiUnitReminders},
		{"POST", "/api/v1/oversight/unit-reminders", manage, bodyOrg("org_id"), s.apiUnitRemindCreate},
		{"GET", "/api/v1/oversight/commendations", view, orgQuery(), s.apiCommendations},
		{"POST", "/api/v1/oversight/commendations", manage, bodyOrg("org_id"), s.apiCommendCreate},
		{"GET", "/api/v1/oversight/ratings", view, orgQuery(), s.apiRatings},
		{"PUT", "/api/v1/oversight/ratings", manage, bodyOrg("org_id"), s.apiRatingConfirm},
		{"GET", "/api/v1/oversight/models", view, orgQuery(), s.apiModels},
		{"PUT", "/api/v1/meetings/{id}/model", manage, m, s.apiModelMark},
		{"DELETE", "/api/v1/meetings/{id}/model", manage, m, s.apiModelUnmark},
	}
}
