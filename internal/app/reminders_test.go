package app_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"chibo/internal/app"
	"chibo/internal/mail"
	"chibo/internal/meetings"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var actor = store.Actor{Username: "test"}

// hold plans a regular meeting and takes attendance with everyone present.
func hold(t *testing.T, ms *meetings.Service, cell int64, d party.Date, p party.Period) {
	t.Helper()
	ctx := context.Background()
	id, err := ms.Plan(ctx, actor, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: d, Time: "19:30", Period: p})
	if err != nil {
		t.Fatal(err)
	}
	v, err := ms.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var entries []party.Entry
	for _, r := range v.Roll {
		if r.Editable && r.Derived == party.DerivedNone {
			entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
		}
	}
	if _, err := ms.SaveAttendance(ctx, actor, id, entries); err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, db *store.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.View(context.Background(), func(tx *store.Tx) error {
		return tx.QueryRow(context.Background(), q, args...).Scan(&n)
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// Issue 5: "Durable background jobs, safe when several app servers share
// one PostgreSQL (each reminder sent once)". Two servers run their job
// runners on one database on the first of June: May closed without a
// meeting in cells A2 and B1. The scheduler of each queues the day's
// pass; the pass runs once, each secretary is reminded once, and the one
// e-mail goes out once.
func TestTwoServersSendEachReminderOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var mu sync.Mutex
		now := party.D(2026, 5, 20).At(9, 0)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		f := testfix.New(t, db)
		svc := app.Wire(db, clock)
		if err := svc.EnsureDefaults(ctx); err != nil {
			t.Fatal(err)
		}
		for _, cell := range []int64{f.CellA1, f.CellA2, f.CellB1} {
			hold(t, svc.Meetings, cell, party.D(2026, 4, 8), party.MonthPeriod(2026, 4))
		}
		hold(t, svc.Meetings, f.CellA1, party.D(2026, 5, 6), party.MonthPeriod(2026, 5))
		if _, err := svc.Oversight.EnsureMonths(ctx); err != nil {
			t.Fatal(err)
		}
		if err := db.Update(ctx, actor, func(tx *store.Tx) error {
			if _, err := tx.Exec(ctx, `UPDATE users SET email = 'bithu.a2@example.vn' WHERE id = $1`, f.Users["seca2"]); err != nil {
				return err
			}
			return tx.PutSetting(ctx, oversight.SettingBaseURL, "https://chibo.example.vn/")
		}); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		now = party.D(2026, 6, 1).At(8, 0)
		mu.Unlock()

		mailer := &mail.Memory{}
		var runners []interface {
			RunDue(context.Context) (int, error)
		}
		for _, name := range []string{"server-1", "server-2"} {
			r := svc.Runner(nil, mailer)
			r.Worker = name
			runners = append(runners, r)
		}
		var wg sync.WaitGroup
		for _, r := range runners {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 6; i++ {
					if _, err := r.RunDue(ctx); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()

		if n := count(t, db, `SELECT count(*) FROM jobs WHERE kind = 'reminders.scan'`); n != 1 {
			t.Errorf("%d passes queued for the day, want 1", n)
		}
		if n := count(t, db, `SELECT count(*) FROM jobs WHERE done_at IS NULL`); n != 0 {
			t.Errorf("%d jobs not done", n)
		}
		if n := count(t, db, `SELECT count(*) FROM jobs WHERE kind = 'reminders.warnings'`); n != 2 {
			t.Errorf("%d warning passes, want one per ward (2)", n)
		}
		if n := count(t, db, `SELECT count(*) FROM reminders_sent WHERE kind = 'missing'`); n != 2 {
			t.Errorf("%d reminders recorded, want 2 (A2 and B1, level 1)", n)
		}
		for _, u := range []string{"seca2", "secb1"} {
			if n := count(t, db, `SELECT count(*) FROM notifications WHERE user_id = $1 AND unique_key LIKE 'remind:missing:%'`, f.Users[u]); n != 1 {
				t.Errorf("%s reminded %d times", u, n)
			}
		}
		// A2's secretary has an e-mail: one for May's missing meeting, one
		// for April's minutes still unsigned; each once, with the address
		// of the page where she acts.
		sent := mailer.Sent()
		texts := map[string]int{}
		for _, m := range sent {
			texts[m.Text]++
			if m.To[0] != "bithu.a2@example.vn" || !strings.Contains(m.Text, "https://chibo.example.vn/") {
				t.Errorf("e-mail %+v", m)
			}
		}
		if len(sent) != 2 || len(texts) != 2 {
			t.Errorf("%d e-mails, %d different: %+v", len(sent), len(texts), sent)
		}

		// Later the same day nothing more; the next day's pass is queued once.
		mu.Lock()
		now = party.D(2026, 6, 2).At(8, 0)
		mu.Unlock()
		for _, r := range runners {
			if _, err := r.RunDue(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if n := count(t, db, `SELECT count(*) FROM jobs WHERE kind = 'reminders.scan'`); n != 2 {
			t.Errorf("%d passes after the second day, want 2", n)
		}
		if len(mailer.Sent()) != 2 {
			t.Errorf("%d e-mails after the second day, want still 2", len(mailer.Sent()))
		}
	})
}

// The day's pass waits for the morning: queued at midnight, it runs from 07:00.
func TestRemindersRunFromSevenInTheMorning(t *testing.T) {
	db := storetest.NewSQLite(t)
	ctx := context.Background()
	now := party.D(2026, 6, 1).At(0, 5)
	svc := app.Wire(db, func() time.Time { return now })
	if err := svc.EnsureDefaults(ctx); err != nil {
		t.Fatal(err)
	}
	r := svc.Runner(nil, nil)
	if _, err := r.RunDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM jobs WHERE kind = 'reminders.scan' AND done_at IS NULL AND run_at = $1`, party.D(2026, 6, 1).At(7, 0).Unix()); n != 1 {
		t.Errorf("%d passes waiting for 07:00", n)
	}
}
