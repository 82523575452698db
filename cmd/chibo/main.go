// Command chibo runs and administers Chibo, the system with which party
// organizations plan, hold, record and oversee cell meetings.
//
//	chibo serve [--addr 127.0.0.1:8080] [--db FILE|URL] [--demo]
//	chibo help
//
// The database is --db or CHIBO_DB: a file path means SQLite (default
// ./chibo.db), a postgres:// URL PostgreSQL. Migrations run automatically.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand of chibo.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what commands share: standard streams and the environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func commands() []command {
	return []command{
		{"serve", "chạy máy chủ web (run the web server)", cmdServe},
		{"migrate", "cập nhật cấu trúc cơ sở dữ liệu (apply database migrations)", cmdMigrate},
		{"user", "quản lý tài khoản: user add (manage accounts)", cmdUser},
		{"token", "tạo mã truy cập API: token create (create an API token)", cmdToken},
		{"demo", "tạo dữ liệu mẫu (generate demo data)", cmdDemo},
		{"import", "nhập danh sách đảng viên: import members (import members)", cmdImport},
		{"export", "xuất danh sách đảng viên: export members (export members)", cmdExport},
		{"backup", "sao lưu khi máy chủ đang chạy: backup --to FILE (consistent online copy)", cmdBackup},
		{"restore", "khôi phục vào cơ sở dữ liệu rỗng: restore --from FILE (into an empty database)", cmdRestore},
		{"verify-summaries", "đối chiếu số liệu tổng hợp với dữ liệu gốc (check the kept figures)", cmdVerifySummaries},
		{"rebuild-summaries", "tính lại số liệu tổng hợp (recompute the kept figures)", cmdRebuildSummaries},
		{"reindex", "lập lại chỉ mục tìm kiếm (rebuild the search index)", cmdReindex},
		{"bench", "thử tải: nhiều người dùng đồng thời (load test with concurrent users)", cmdBench},
		{"version", "phiên bản (print the version)", cmdVersion},
		{"help", "hướng dẫn (this help)", cmdHelp},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches a command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		cmdHelp(ctx, e, nil)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(ctx, e, args[1:])
			if err == nil {
				return 0
			}
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			var ee exitError
			if errors.As(err, &ee) {
				if ee.msg != "" {
					fmt.Fprintln(e.stderr, ee.msg)
				}
				return ee.code
			}
			fmt.Fprintln(e.stderr, "chibo "+name+": "+err.Error())
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "chibo: lệnh không có: %q (unknown command). Gõ \"chibo help\".\n", name)
	return 2
}

// exitError ends a command with a status and an optional message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func cmdHelp(ctx context.Context, e *env, args []string) error {
	fmt.Fprintln(e.stdout, "Chibo — quản lý sinh hoạt chi bộ / Party cell meetings")
	fmt.Fprintln(e.stdout, "\nCách dùng / usage: chibo <lệnh> [tham số]")
	fmt.Fprintln(e.stdout, "\nCác lệnh / commands:")
	for _, c := range commands() {
		fmt.Fprintf(e.stdout, "  %-18s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(e.stdout, "\nCơ sở dữ liệu / database: --db hoặc CHIBO_DB — đường dẫn tệp là SQLite (mặc định ./chibo.db), postgres://… là PostgreSQL.")
	fmt.Fprintln(e.stdout, "Gõ \"chibo <lệnh> -h\" để xem tham số của từng lệnh.")
	return nil
}

func cmdVersion(ctx context.Context, e *env, args []string) error {
	fmt.Fprintln(e.stdout, "chibo "+version)
	return nil
}

// flags makes a flag set that prints its usage on the command's stderr.
func flags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("chibo "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// dbFlag adds --db with CHIBO_DB as its default.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("CHIBO_DB")
	if def == "" {
		def = "chibo.db"
	}
	return fs.String("db", def, "cơ sở dữ liệu: tệp SQLite hoặc postgres://… (CHIBO_DB)")
}

// readPassword reads a password from standard input (one line).
func readPassword(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, 4096))
	if err != nil {
		return "", err
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if i := strings.IndexAny(pw, "\r\n"); i >= 0 {
		pw = pw[:i]
	}
	return pw, nil
}

// envInt is the integer in the environment variable name, or def when it
// is unset or not a number.
func envInt(e *env, name string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(e.getenv(name))); err == nil {
		return n
	}
	return def
}
