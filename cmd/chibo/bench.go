package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/app"
	"chibo/internal/auth"
	"chibo/internal/loadtest"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

const benchPassword = "chibo-bench-2026"

// cmdBench is "chibo bench": a load test of a real server process on a
// database (the city demo: chibo demo --scale city), with a realistic mix
// of secretaries, board users and members (issue 7).
func cmdBench(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "bench")
	db := dbFlag(fs, e)
	users := fs.Int("users", 200, "số người dùng đồng thời (concurrent users)")
	dur := fs.Duration("duration", 60*time.Second, "thời gian chạy (run time)")
	seed := fs.Uint64("seed", 1, "hạt giống (seed)")
	think := fs.Duration("think", 2*time.Second, "thời gian nghỉ trung bình giữa hai thao tác của một người (mean pause between actions); 0: liên tục, đo mức bão hòa")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "… preparing bench users and today's meetings")
	vus, err := prepareBench(ctx, st, *users)
	st.Close()
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := l.Addr().String()
	l.Close()
	srv := exec.CommandContext(ctx, self, "serve", "--db", *db, "--addr", addr, "--no-jobs")
	srv.Stdout, srv.Stderr = e.stderr, e.stderr
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	base := "http://" + addr
	if err := waitHealthy(base, 60*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "… logging in", len(vus), "users")
	cfgUsers := make([]loadtest.User, 0, len(vus))
	for _, v := range vus {
		ck, err := loadtest.Login(ctx, base, v.username, benchPassword)
		if err != nil {
			return err
		}
		v.user.Cookie = ck
		cfgUsers = append(cfgUsers, v.user)
	}
	fmt.Fprintf(e.stderr, "… running %d users for %s on %s\n", len(cfgUsers), *dur, st.Engine)
	rep, err := loadtest.Run(ctx, loadtest.Config{BaseURL: base, Users: cfgUsers, Duration: *dur, ServerPID: srv.Process.Pid, Seed: *seed, Think: *think})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "engine: %s\n", st.Engine)
	rep.Format(e.stdout)
	return nil
}

func waitHealthy(base string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("bench: the server did not become healthy")
}

type benchUser struct {
	username string
	user     loadtest.User
}

// prepareBench makes accounts for the virtual users (half secretaries,
// a quarter board users of ward committees, a quarter members), and for
// each secretary's cell an extraordinary meeting held today with its roll
// taken, open for attendance taps and minutes autosaves.
func prepareBench(ctx context.Context, db *store.DB, n int) ([]benchUser, error) {
	svc := app.Wire(db, nil)
	if err := svc.EnsureDefaults(ctx); err != nil {
		return nil, err
	}
	var cells, committees []store.OrgRow
	if err := db.View(ctx, func(tx *store.Tx) error {
		all, err := tx.SubtreeOrgs(ctx, "/", false)
		for _, o := range all {
			if o.IsCell() {
				cells = append(cells, o)
			} else if o.Kind == party.DangBoCoSo {
				committees = append(committees, o)
			}
		}
		return err
	}); err != nil {
		return nil, err
	}
	if len(cells) == 0 || len(committees) == 0 {
		return nil, errors.New("bench: the database has no cells; load a demo first (chibo demo --scale city)")
	}
	nsec, nboard := n/2, n/4
	nmem := n - nsec - nboard
	today := party.DateOf(time.Now())
	var out []benchUser
	as := &accounts.Service{DB: db, Now: time.Now}
	create := func(name string, u accounts.NewUser) error {
		u.Username, u.Password = name, benchPassword
		_, err := as.CreateUser(ctx, auth.Principal{}, store.System, u)
		if e, ok := party.AsError(err); ok && e.Fields["username"].Key == "auth.username_taken" {
			return nil // made by an earlier run
		}
		return err
	}
	step := len(cells) / max(nsec+nmem, 1)
	for i := 0; i < nsec+nmem; i++ {
		cell := cells[(i*max(step, 1))%len(cells)]
		var members []party.Member
		if err := db.View(ctx, func(tx *store.Tx) error {
			var err error
			members, err = tx.MembersOf(ctx, cell.ID, false)
			return err
		}); err != nil {
			return nil, err
		}
		if len(members) == 0 {
			continue
		}
		if i < nsec {
			name := fmt.Sprintf("bench-sec-%d", cell.ID) // named by scope: a later run with more users reuses it as it is
			if err := create(name, accounts.NewUser{Role: auth.RoleSecretary, OrgID: cell.ID}); err != nil {
				return nil, err
			}
			mid, err := benchMeeting(ctx, svc, cell.ID, today)
			if err != nil {
				return nil, err
			}
			u := loadtest.User{Role: "secretary", Cell: cell.ID, Meeting: mid}
			for _, m := range members {
				u.Members = append(u.Members, m.ID)
			}
			v, err := svc.Meetings.Load(ctx, mid)
			if err != nil {
				return nil, err
			}
			u.Members = u.Members[:0]
			for _, r := range v.Roll {
				if r.Editable && r.Derived == party.DerivedNone {
					u.Members = append(u.Members, r.MemberID)
				}
			}
			out = append(out, benchUser{name, u})
		} else {
			name := fmt.Sprintf("bench-mem-%d", members[0].ID)
			if err := create(name, accounts.NewUser{Role: auth.RoleMember, MemberID: members[0].ID}); err != nil {
				return nil, err
			}
			out = append(out, benchUser{name, loadtest.User{Role: "member", Cell: cell.ID}})
		}
	}
	for i := 0; i < nboard; i++ {
		c := committees[(i*7)%len(committees)]
		name := fmt.Sprintf("bench-board-%d", c.ID)
		if err := create(name, accounts.NewUser{Role: auth.RoleBoard, OrgID: c.ID}); err != nil {
			return nil, err
		}
		out = append(out, benchUser{name, loadtest.User{Role: "board", Org: c.ID}})
	}
	return out, nil
}

// benchMeeting finds or makes today's extraordinary meeting of a cell with
// the roll taken, not signed.
func benchMeeting(ctx context.Context, svc *app.Services, cell int64, today party.Date) (int64, error) {
	var found int64
	if err := svc.DB.View(ctx, func(tx *store.Tx) error {
		ms, err := tx.MeetingsOf(ctx, cell, today, today)
		for _, m := range ms {
			if m.Kind == party.BatThuong && !m.Status.Locked() && !m.HeldAt.IsZero() {
				found = m.ID
			}
		}
		return err
	}); err != nil || found != 0 {
		return found, err
	}
	id, err := svc.Meetings.Plan(ctx, store.System, meetings.Plan{OrgID: cell, Kind: party.BatThuong, Date: today, Time: "07:00", Place: "Hội trường"})
	if err != nil {
		return 0, err
	}
	v, err := svc.Meetings.Load(ctx, id)
	if err != nil {
		return 0, err
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	_, err = svc.Meetings.SaveAttendance(ctx, store.System, id, entries)
	return id, err
}
