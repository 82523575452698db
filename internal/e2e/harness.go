// Package e2e drives the real application in a real browser (Debian's
// Chromium through chromedp): the flows of UX.md on a 390×844 phone
// viewport and the board's pages at 1366×768, with screenshots kept and an
// accessibility check (axe-core) on the core pages.
//
// The tests skip when no Chromium is installed, except under CI=true (or
// CHIBO_TEST_BROWSER=1), where a missing browser is a failure.
package e2e

import (
	"context"
	_ "embed"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"chibo/internal/accounts"
	"chibo/internal/store"
	"chibo/internal/testfix"
	"chibo/internal/web"
)

// chromiumPath finds the browser, failing under CI and skipping otherwise.
func chromiumPath(t testing.TB) string {
	for _, p := range []string{os.Getenv("CHIBO_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" || os.Getenv("CHIBO_TEST_BROWSER") == "1" {
		t.Fatal("Chromium not found: browser tests are mandatory under CI=true")
	}
	t.Skip("browser tests skipped: install Debian's chromium to run them")
	return ""
}

// App is a running application with its fixture, for browser tests.
type App struct {
	URL string
	DB  *store.DB
	Fix *testfix.Fix
	srv *httptest.Server
}

// StartApp serves the application on a loopback port over db, with the
// fixture loaded and the clock fixed on testfix.Now.
func StartApp(t testing.TB, db *store.DB) *App {
	t.Helper()
	fix := testfix.New(t, db)
	s, err := web.New(web.Config{}, web.Deps{DB: db, Now: testfix.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &App{URL: srv.URL, DB: db, Fix: fix, srv: srv}
}

// Browser starts a headless Chromium for one test; the context dies with it.
// browserLimit is the longest one browser test may run.
const browserLimit = 4 * time.Minute

func Browser(t testing.TB) context.Context {
	t.Helper()
	path := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.UserDataDir(t.TempDir()),
	)
	// A step that waits for what never comes fails the test after a few
	// minutes instead of hanging the whole package until its timeout.
	tctx, cancelT := context.WithTimeout(context.Background(), browserLimit)
	actx, cancelA := chromedp.NewExecAllocator(tctx, opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA(); cancelT() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatal(err)
	}
	return ctx
}

// Phone is the viewport of a mid-range Android phone (UX.md: 390×844).
func Phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)
}

// Desktop is the board officer's screen (1366×768).
func Desktop() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(1366, 768)
}

// LoginAs mints a session for a fixture account and gives its cookie to
// the browser, instead of clicking through the login form.
func (a *App) LoginAs(t testing.TB, ctx context.Context, username string) {
	t.Helper()
	secret, _, err := (&accounts.Service{DB: a.DB, Now: time.Now}).Login(context.Background(), username, testfix.Password, "127.0.0.1", "e2e")
	if err != nil {
		t.Fatal(err)
	}
	secure := true
	httpOnly := true
	_, err = chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: "__Host-chibo", Value: secret, URL: a.URL + "/",
		Path: "/", Secure: &secure, HTTPOnly: &httpOnly, SameSite: network.CookieSameSiteLax})
	if err != nil {
		t.Fatal(err)
	}
}

// Go navigates and fails the test on error.
func Go(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
}

// Eval runs JavaScript and returns its value.
func Eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("eval %q: %v", js, err)
	}
	return v
}

// Texts returns the text content of every element matching a CSS selector.
func Texts(t testing.TB, ctx context.Context, sel string) []string {
	t.Helper()
	b, _ := json.Marshal(sel)
	return Eval[[]string](t, ctx, `Array.from(document.querySelectorAll(`+string(b)+`)).map(e => e.textContent.trim())`)
}

// ArtifactDir is where screenshots go: $CHIBO_ARTIFACTS/screenshots, or a
// folder under the system's temporary directory.
func ArtifactDir() string {
	base := os.Getenv("CHIBO_ARTIFACTS")
	if base == "" {
		base = filepath.Join(os.TempDir(), "chibo-artifacts")
	}
	return filepath.Join(base, "screenshots")
}

// Shot saves a full-page screenshot named after the test and step.
func Shot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := ArtifactDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+"-"+name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

//go:embed testdata/axe-4.14.1.min.js
var axeJS string

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// Axe runs axe-core on the current page and fails the test on serious or
// critical violations (UX.md: "no serious or critical violations on the
// core pages").
func Axe(t testing.TB, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axeJS+";true")); err != nil {
		t.Fatalf("inject axe: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`,
		chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	for _, v := range res {
		if v.Impact == "serious" || v.Impact == "critical" {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, strings.Join(n.Target, " "))
			}
			t.Errorf("accessibility (%s) %s: %s at %s", v.Impact, v.ID, v.Help, strings.Join(where, "; "))
		}
	}
}

// NoHorizontalScroll fails when the page is wider than the viewport (UX.md:
// "no horizontal scroll at 360 px").
func NoHorizontalScroll(t testing.TB, ctx context.Context) {
	t.Helper()
	w := Eval[[]int](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`)
	if w[0] > w[1] {
		t.Errorf("page scrolls sideways: content %d px wide in a %d px viewport", w[0], w[1])
	}
}

// MinFontSize fails when the body text is smaller than px.
func MinFontSize(t testing.TB, ctx context.Context, px float64) {
	t.Helper()
	fs := Eval[float64](t, ctx, `parseFloat(getComputedStyle(document.body).fontSize)`)
	if fs < px {
		t.Errorf("base font %.1f px, want at least %.0f px", fs, px)
	}
}
