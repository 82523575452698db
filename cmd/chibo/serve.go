package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime/debug"
	"time"

	"chibo/internal/demo"
	"chibo/internal/mail"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/web"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "serve")
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ lắng nghe (listen address)")
	db := dbFlag(fs, e)
	withDemo := fs.Bool("demo", false, "nạp huyện mẫu vào cơ sở dữ liệu rỗng và in các tài khoản mẫu (load the demo district into an empty database)")
	seed := fs.Int64("seed", 1, "hạt giống của dữ liệu mẫu (demo seed)")
	cookie := fs.String("cookie-secure", "auto", "cookie Secure: auto, always, never")
	proxy := fs.Bool("trust-proxy", false, "tin X-Forwarded-For/-Proto (chỉ khi đứng sau reverse proxy)")
	baseURL := fs.String("base-url", "", "địa chỉ công khai, dùng trong thư và lịch (public URL)")
	verbose := fs.Bool("v", false, "ghi nhật ký từng yêu cầu (log every request)")
	smtpURL := fs.String("smtp", e.getenv("CHIBO_SMTP"), "máy chủ thư: smtp://user:pass@host:587?from=… (CHIBO_SMTP); để trống thì không gửi thư")
	noJobs := fs.Bool("no-jobs", false, "không chạy việc nền trên máy chủ này (do not run background jobs here)")
	reminderHour := fs.Int("reminder-hour", envInt(e, "CHIBO_REMINDER_HOUR", 7), "giờ gửi nhắc nhở hằng ngày, giờ Việt Nam 0–23 (CHIBO_REMINDER_HOUR)")
	debugAddr := fs.String("debug-addr", e.getenv("CHIBO_DEBUG_ADDR"), "địa chỉ riêng cho hồ sơ hiệu năng Go /debug/pprof, chỉ nên là 127.0.0.1:… (CHIBO_DEBUG_ADDR); để trống thì tắt / Go profiler address, off when empty")
	filesDir := fs.String("files-dir", e.getenv("CHIBO_FILES_DIR"), "thư mục lưu tệp văn bản (CHIBO_FILES_DIR); để trống thì lưu trong cơ sở dữ liệu")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *reminderHour < 0 || *reminderHour > 23 {
		return fmt.Errorf("--reminder-hour %d: giờ phải từ 0 đến 23 (hour must be 0–23)", *reminderHour)
	}
	tuneGC(e.getenv)
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))

	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	indexLater := false // the demo's search index, built once the server answers
	if *withDemo {
		accts, loaded, err := demo.LoadIfEmpty(ctx, st, demo.Options{Scale: demo.District, Seed: *seed, Progress: e.stderr, SearchLater: true})
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if loaded {
			indexLater = true
			fmt.Fprintln(e.stdout, "Đã nạp dữ liệu mẫu huyện Long Biên / demo district loaded.")
		} else {
			fmt.Fprintln(e.stdout, "Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu / database not empty, demo not reloaded.")
		}
		printAccounts(e, accts)
	}
	srv, err := web.New(web.Config{CookieSecure: *cookie, TrustProxy: *proxy, BaseURL: *baseURL, FilesDir: *filesDir}, web.Deps{DB: st, Log: log})
	if err != nil {
		return err
	}
	var mailer mail.Mailer
	if *smtpURL != "" {
		if mailer, err = mail.ParseURL(*smtpURL); err != nil {
			return fmt.Errorf("--smtp: %w", err)
		}
	}
	if !*noJobs {
		svc := srv.Services()
		svc.ReminderHour = *reminderHour
		go svc.Runner(log, mailer).Loop(ctx, 5*time.Second)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(e.stdout, "Chibo đang chạy tại http://%s (%s)\n", ln.Addr(), st.Engine)
	if *withDemo {
		go indexDemo(ctx, e, log, st, indexLater)
	}
	if *debugAddr != "" {
		if err := serveDebug(log, *debugAddr); err != nil {
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// tuneGC sets the collector for a web server, unless the operator set
// GOGC or GOMEMLIMIT. A page's garbage is short-lived; with Go's default
// (collect when the heap doubles) the collector took about a sixth of the
// CPU under the load test. Collecting at three times the live heap, under
// a soft ceiling of 150 MiB of Go memory (SQLite's page caches come on
// top), keeps the server under 300 MB (docs/PERFORMANCE.md).
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(150 << 20)
	}
}

// serveDebug serves Go's profiler on its own listener (never on the
// public one): how the figures of docs/PERFORMANCE.md were explained.
func serveDebug(log *slog.Logger, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--debug-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	log.Info("profiler", "addr", ln.Addr().String())
	go func() { _ = http.Serve(ln, mux) }()
	return nil
}

// indexDemo builds the demo's search index while the server answers:
// after a fresh load, or when an earlier build never finished.
func indexDemo(ctx context.Context, e *env, log *slog.Logger, st *store.DB, loaded bool) {
	idx := search.New(st)
	if !loaded {
		missing, err := idx.Missing(ctx)
		if err != nil || !missing {
			return
		}
	}
	fmt.Fprintln(e.stdout, "Đang lập chỉ mục tìm kiếm cho biên bản mẫu; tìm kiếm sẽ đầy đủ khi xong / building the search index.")
	start := time.Now()
	n, err := idx.ReindexLive(ctx)
	if err != nil {
		log.Error("demo search index", "err", err)
		return
	}
	fmt.Fprintf(e.stdout, "Đã lập chỉ mục tìm kiếm: %d đoạn văn bản trong %.0f giây / search index built.\n", n, time.Since(start).Seconds())
}

func printAccounts(e *env, accts []demo.Account) {
	if len(accts) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, "Tài khoản mẫu / demo accounts:")
	for _, a := range accts {
		fmt.Fprintf(e.stdout, "  %-10s %-22s mật khẩu: %-16s %s\n", a.Role, a.Username, a.Password, a.Note)
	}
}
