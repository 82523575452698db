package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"chibo/internal/i18n"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// The cell page is kept as rendered and served again while nothing is
// written; a write shows at once; each user gets their own page; a page
// with a one-time message is never kept.
func TestCellPageIsKeptUntilSomethingIsWritten(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		ctx := context.Background()
		path := "/orgs/" + itoa(a.fix.CellA1)
		s0 := db.Statements()
		first := a.get("seca1", path)
		wantStatus(t, "cell page", first, http.StatusOK)
		s1 := db.Statements()
		again := a.get("seca1", path)
		if kept, fresh := db.Statements()-s1, s1-s0; kept*4 > fresh {
			t.Errorf("the page again ran %d statements, the first time %d: not kept", kept, fresh)
		}
		if again.Body.String() != first.Body.String() {
			t.Error("the same page twice with nothing written in between differs")
		}
		// A kept page is served before the authorization check: someone
		// outside the cell is still refused.
		if other := a.get("secb1", path); other.Code == http.StatusOK || other.Body.String() == first.Body.String() {
			t.Errorf("the secretary of another ward's cell got %d", other.Code)
		}
		if anon := a.get("", path); anon.Code == http.StatusOK {
			t.Errorf("nobody logged in got %d", anon.Code)
		}
		if ct := again.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") || again.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("kept page headers: %q, %q", ct, again.Header().Get("Cache-Control"))
		}
		if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `UPDATE orgs SET name = $1 WHERE id = $2`, "Chi bộ Hoa Sữa", a.fix.CellA1)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		renamed := a.get("seca1", path)
		if !strings.Contains(renamed.Body.String(), "Chi bộ Hoa Sữa") {
			t.Error("the page after a write still shows the old data")
		}
		board := a.get("boarda", path)
		wantStatus(t, "board's cell page", board, http.StatusOK)
		if board.Body.String() == renamed.Body.String() {
			t.Error("the ward board got the secretary's page")
		}
		req := newReq("GET", path, "")
		req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: a.cookie("seca1")})
		req.AddCookie(&http.Cookie{Name: "chibo_flash", Value: "web.account.password_changed"})
		flashed := serve(a, req)
		msg := i18n.T(i18n.VI, "web.account.password_changed")
		if !strings.Contains(flashed.Body.String(), msg) {
			t.Fatalf("the flash %q is not shown", msg)
		}
		if after := a.get("seca1", path); strings.Contains(after.Body.String(), msg) {
			t.Error("the flash was kept and shown again")
		}
	})
}
