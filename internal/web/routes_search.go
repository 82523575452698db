package web

import "chibo/internal/auth"

// searchRoutes are the search box's: any logged-in user may search; what
// each finds is limited to their scope by the search service.
func (s *Server) searchRoutes() []Route {
	a := auth.Authenticated
	return []Route{
		{"GET", "/search", a, nothing(), s.searchPage},
		{"GET", "/api/v1/search", a, nothing(), s.apiSearch},
	}
}
