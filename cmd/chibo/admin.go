package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/demo"
	"chibo/internal/i18n"
	"chibo/internal/memberio"
	"chibo/internal/members"
	"chibo/internal/party"
	"chibo/internal/store"
)

// cli is the actor of changes made from the command line.
var cli = store.Actor{Username: "cli"}

func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "migrate")
	db := dbFlag(fs, e)
	status := fs.Bool("status", false, "chỉ liệt kê các bản cập nhật (list migrations only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{NoMigrate: *status})
	if err != nil {
		return err
	}
	defer st.Close()
	lines, err := st.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(e.stdout, l)
	}
	return nil
}

// cmdUser is "chibo user add --username U --role R [--org CODE] [--member ID]",
// the password read from standard input.
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return exitError{2, "cách dùng / usage: chibo user add --username U --role admin|board|secretary|member [--org CODE] [--member ID] < password"}
	}
	fs := flags(e, "user add")
	db := dbFlag(fs, e)
	username := fs.String("username", "", "tên đăng nhập (user name)")
	role := fs.String("role", "", "vai trò: admin, board, secretary, member")
	org := fs.String("org", "", "mã tổ chức (organization code)")
	member := fs.Int64("member", 0, "mã hồ sơ đảng viên (member id)")
	name := fs.String("name", "", "họ tên hiển thị (display name)")
	email := fs.String("email", "", "thư điện tử")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *username == "" || *role == "" {
		return exitError{2, "cần --username và --role (both are required)"}
	}
	pw, err := readPassword(e.stdin)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := accounts.New(st).CreateUser(ctx, auth.Principal{}, cli, accounts.NewUser{Username: *username, DisplayName: *name, Password: pw,
		Role: *role, OrgCode: *org, MemberID: *member, Email: *email})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "Đã tạo tài khoản %s (id %d, %s)\n", store.NormalizeUsername(*username), id, *role)
	return nil
}

// describe turns a domain error into Vietnamese lines for the terminal.
func describe(err error) error {
	pe, ok := party.AsError(err)
	if !ok {
		return err
	}
	var b strings.Builder
	b.WriteString(i18n.Msg(i18n.VI, pe.Msg))
	for k, v := range pe.Fields {
		b.WriteString("\n  " + k + ": " + i18n.Msg(i18n.VI, v))
	}
	return exitError{1, b.String()}
}

// cmdToken is "chibo token create --username U": it prints the token alone.
func cmdToken(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return exitError{2, "cách dùng / usage: chibo token create --username U [--name NAME]"}
	}
	fs := flags(e, "token create")
	db := dbFlag(fs, e)
	username := fs.String("username", "", "tên đăng nhập")
	name := fs.String("name", "cli", "tên gợi nhớ của mã (token label)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	tok, err := accounts.New(st).CreateToken(ctx, cli, *username, *name)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintln(e.stdout, tok)
	return nil
}

func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "demo")
	db := dbFlag(fs, e)
	scale := fs.String("scale", "district", "district (~300 chi bộ) hoặc city (~20.000 chi bộ)")
	seed := fs.Int64("seed", 1, "hạt giống (seed): cùng hạt giống cho cùng dữ liệu")
	noSearch := fs.Bool("no-search", false, "không lập chỉ mục tìm kiếm (lập sau bằng chibo reindex) / leave the search index for chibo reindex")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sc := demo.Scale(*scale)
	if sc != demo.District && sc != demo.City {
		return exitError{2, "--scale là district hoặc city"}
	}
	st, err := store.Open(ctx, *db, store.Options{Synchronous: "NORMAL"})
	if err != nil {
		return err
	}
	defer st.Close()
	accts, err := demo.Generate(ctx, st, demo.Options{Scale: sc, Seed: *seed, Progress: e.stderr, SearchLater: *noSearch})
	if err != nil {
		return describe(err)
	}
	printAccounts(e, accts)
	return nil
}

// cmdImport is "chibo import members --org CODE FILE": all rows or none;
// on any error one line per bad row, and a non-zero exit.
func cmdImport(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "members" {
		return exitError{2, "cách dùng / usage: chibo import members --org CODE FILE"}
	}
	fs := flags(e, "import members")
	db := dbFlag(fs, e)
	org := fs.String("org", "", "mã chi bộ (cell code)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *org == "" || fs.NArg() != 1 {
		return exitError{2, "cách dùng / usage: chibo import members --org CODE FILE"}
	}
	path := fs.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	var cell store.OrgRow
	if err := st.View(ctx, func(tx *store.Tx) error {
		var err error
		cell, err = tx.OrgByCode(ctx, *org)
		return err
	}); err != nil {
		return describe(err)
	}
	rep, err := members.New(st).Import(ctx, cli, cell.ID, filepath.Base(path), f, memberio.Limits{})
	for _, p := range rep.Errors {
		fmt.Fprintf(e.stderr, "dòng %d%s: %s\n", p.Row, colSuffix(p.Column), i18n.Msg(i18n.VI, p.Msg))
	}
	for _, p := range rep.Warnings {
		fmt.Fprintf(e.stderr, "lưu ý dòng %d%s: %s\n", p.Row, colSuffix(p.Column), i18n.Msg(i18n.VI, p.Msg))
	}
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "Đã nhập %d đảng viên vào %s (bảng mã %s).\n", rep.Imported, cell.Name, rep.Encoding)
	return nil
}

func colSuffix(c string) string {
	if c == "" {
		return ""
	}
	return ", cột \"" + c + "\""
}

// cmdExport is "chibo export members --org CODE --to FILE" (.xlsx or .csv).
func cmdExport(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "members" {
		return exitError{2, "cách dùng / usage: chibo export members --org CODE --to FILE"}
	}
	fs := flags(e, "export members")
	db := dbFlag(fs, e)
	org := fs.String("org", "", "mã tổ chức (organization code)")
	to := fs.String("to", "", "tệp đích .xlsx hoặc .csv")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *org == "" || *to == "" {
		return exitError{2, "cách dùng / usage: chibo export members --org CODE --to FILE"}
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	var o store.OrgRow
	if err := st.View(ctx, func(tx *store.Tx) error {
		var err error
		o, err = tx.OrgByCode(ctx, *org)
		return err
	}); err != nil {
		return describe(err)
	}
	out, err := os.Create(*to)
	if err != nil {
		return err
	}
	format := "xlsx"
	if strings.EqualFold(filepath.Ext(*to), ".csv") {
		format = "csv"
	}
	if err := members.New(st).Export(ctx, o.ID, format, out); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã xuất danh sách %s ra %s\n", o.Name, *to)
	return nil
}
