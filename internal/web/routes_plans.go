package web

import (
	"context"
	"net/http"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/party"
	"chibo/internal/store"
)

// planRoutes are the plans and indicators (đề án, kế hoạch) and the review
// report (báo cáo sơ kết, tổng kết) of issue 5. A plan is reached through
// the organization it is looked at from (/orgs/{id}/plans/{pid}): its own
// or one under it, where it applies. Viewing needs auth.ViewOversight
// (boards over their subtree, a secretary over the cell); writing a plan
// or the board's text of a report needs auth.ManageOversight (boards).
func (s *Server) planRoutes() []Route {
	view, manage := auth.ViewOversight, auth.ManageOversight
	o := orgParam("id")
	return []Route{
		{"GET", "/plans", view, orgQuery(), s.planList},
		{"GET", "/orgs/{id}/plans/new", manage, o, s.planNew},
		{"POST", "/orgs/{id}/plans", manage, o, s.planCreate},
		{"GET", "/orgs/{id}/plans/{pid}", view, o, s.planShow},
		{"GET", "/orgs/{id}/plans/{pid}/edit", manage, o, s.planEdit},
		{"POST", "/orgs/{id}/plans/{pid}", manage, o, s.planSave},

		{"GET", "/orgs/{id}/report", view, o, s.reviewShow},
		{"POST", "/orgs/{id}/report", manage, o, s.reviewSave},
		{"GET", "/orgs/{id}/report/download", view, o, s.reviewDownload},

		// JSON API (DESIGN.md: plans and reports).
		{"GET", "/api/v1/plans", view, orgQuery(), s.apiPlanList},
		{"POST", "/api/v1/plans", manage, bodyOrg("org_id"), s.apiPlanCreate},
		{"GET", "/api/v1/plans/{id}", view, planOrgQuery(), s.apiPlanGet},
		{"PUT", "/api/v1/plans/{id}", manage, bodyOrg("org_id"), s.apiPlanUpdate},
		{"GET", "/api/v1/plans/{id}/progress", view, planOrgQuery(), s.apiPlanProgress},
		{"GET", "/api/v1/reports/review", view, orgQuery(), s.apiReview},
		{"PUT", "/api/v1/reports/review", manage, bodyOrg("org_id"), s.apiReviewSave},
	}
}

// planOrgQuery: the route names a plan by its path parameter id and is
// about the organization of ?org= (one the plan applies to, which the
// handler checks); without ?org=, about the plan's own organization.
func planOrgQuery() Resolver {
	return Resolver{Kind: "query-org", Param: "org", resolve: func(ctx context.Context, tx *store.Tx, r *http.Request, c *Ctx) (auth.Target, error) {
		if v := r.URL.Query().Get("org"); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return auth.Target{}, party.Invalid("web.bad_id", v)
			}
			return resolvers["org"](ctx, tx, id)
		}
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			return auth.Target{}, party.NotFound("web.bad_id", r.PathValue("id"))
		}
		p, err := tx.Plan(ctx, id)
		return auth.Target{OrgPath: p.OrgPath}, err
	}}
}
