package web

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// keptPages are whole pages kept as rendered, for the page a secretary
// opens most (the cell's page, the home screen of the month). A page is
// kept under a key made of the database's changes mark (store.DB.Changes,
// read by the guard before the route's target and the page's data), the
// day, the user, their role and organization, the language and the
// address: any committed write, on any server or process, changes the
// mark, so a kept page is only ever served while the data it shows is
// unchanged. It is served before the authorization check: it was kept
// only after passing that check for the same user, and a change to the
// user, their role, their organization or the page's organization is a
// write that moves the mark. A request without a live session never gets
// that far. Pages with a one-time message (flash) are neither kept nor
// served from here. When full, the store is emptied and fills again.
type keptPages struct {
	mu sync.Mutex
	m  map[string][]byte
}

const maxKeptPages = 512

// keptRoutes are the GET routes whose pages are kept.
var keptRoutes = map[string]bool{"/orgs/{id}": true}

func (k *keptPages) get(key string) ([]byte, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	b, ok := k.m[key]
	return b, ok
}

func (k *keptPages) put(key string, b []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil || len(k.m) >= maxKeptPages {
		k.m = map[string][]byte{}
	}
	k.m[key] = b
}

// keptKey is the key of the page r asks for, "" when it must be rendered
// afresh (a flash to show, or the changes mark could not be read).
func (s *Server) keptKey(r *http.Request, c *Ctx) string {
	if ck, err := r.Cookie("chibo_flash"); err == nil && ck.Value != "" {
		return ""
	}
	mark := c.mark // read with the session, before anything else
	if mark == "" {
		var err error
		if mark, err = s.db.Changes(r.Context()); err != nil {
			return ""
		}
	}
	return strings.Join([]string{mark, s.orgs.Today().ISO(), strconv.FormatInt(c.P.UserID, 10), string(c.P.Role),
		strconv.FormatInt(c.P.OrgID, 10), string(c.L), r.Header.Get("HX-Request"), r.URL.RequestURI()}, "\x00")
}

// serveKept answers r from a kept page; false when there is none.
func (s *Server) serveKept(w http.ResponseWriter, key string) bool {
	if key == "" {
		return false
	}
	b, ok := s.kept.get(key)
	if ok {
		writeHTML(w, http.StatusOK, b)
	}
	return ok
}

// renderKept renders a whole page and keeps it under key.
func (s *Server) renderKept(w http.ResponseWriter, r *http.Request, key, page string, v View) {
	b, ok := s.execute(w, r, page, "layout", v)
	if !ok {
		return
	}
	if key != "" {
		s.kept.put(key, b)
	}
	writeHTML(w, http.StatusOK, b)
}
