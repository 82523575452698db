package oversight_test

import (
	"context"
	"fmt"
	"testing"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// follow makes a new board account of the cell's ward, with an e-mail,
// the cell's following committee member (cấp ủy viên phụ trách).
func follow(t *testing.T, db *store.DB, e env, cell, ward int64, name string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := (&accounts.Service{DB: db, Now: testfix.Now}).CreateUser(ctx, auth.Principal{}, actor,
		accounts.NewUser{Username: name, DisplayName: "Cấp ủy viên " + name, Password: testfix.Password, Role: auth.RoleBoard, OrgID: ward, Email: name + "@example.vn"})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, cell)
		if err != nil {
			return err
		}
		return tx.UpdateOrgSettings(ctx, cell, store.OrgSettings{Code: o.Code, FollowerUserID: id, Version: o.Version})
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// sendOn runs the day's compliance reminders as the job does.
func sendOn(t *testing.T, db *store.DB, ov *oversight.Service, d party.Date) oversight.Sent {
	t.Helper()
	var sent oversight.Sent
	err := db.Update(context.Background(), store.System, func(tx *store.Tx) error {
		var err error
		sent, err = ov.SendDueReminders(context.Background(), tx, d)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sent
}

// remindedOf lists, for one kind, who got which level about which cell:
// "cell:level:user" (user 0 when a level reached nobody).
func remindedOf(t *testing.T, db *store.DB, kind string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	ctx := context.Background()
	err := db.View(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT r.org_id, r.level, coalesce(rr.user_id, 0) FROM reminders_sent r
			LEFT JOIN reminder_recipients rr ON rr.reminder_id = r.id WHERE r.kind = $1`, kind)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var cell, user int64
			var level int
			if err := rows.Scan(&cell, &level, &user); err != nil {
				return err
			}
			out[fmt.Sprintf("%d:%d:%d", cell, level, user)] = true
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Issue 5: "The secretary first, then the following committee member,
// then the committee above, on a configurable schedule" — 0, 5 and 10
// days after the month closed without a held regular meeting.
func TestMissingMeetingEscalatesOnTheSchedule(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{}
		c.set(party.D(2026, 5, 20))
		e := wireAt(t, db, c)
		april, may := party.MonthPeriod(2026, 4), party.MonthPeriod(2026, 5)
		for _, cell := range []int64{e.f.CellA1, e.f.CellA2, e.f.CellB1} {
			e.hold(t, cell, party.ThuongKy, party.D(2026, 4, 8), april)
		}
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 5, 6), may)
		if _, err := e.ov.EnsureMonths(ctx); err != nil {
			t.Fatal(err)
		}
		follower := follow(t, db, e, e.f.CellB1, e.f.WardB, "theodoi")
		seca2, secb1, boarda, boardb := e.f.Users["seca2"], e.f.Users["secb1"], e.f.Users["boarda"], e.f.Users["boardb"]
		a2, b1 := e.f.CellA2, e.f.CellB1
		key := func(cell int64, level int, user int64) string { return fmt.Sprintf("%d:%d:%d", cell, level, user) }

		steps := []struct {
			day  party.Date
			want []string // everything sent so far
		}{
			{party.D(2026, 5, 31), nil}, // May is not over
			{party.D(2026, 6, 1), []string{key(a2, 1, seca2), key(b1, 1, secb1)}},
			{party.D(2026, 6, 5), []string{key(a2, 1, seca2), key(b1, 1, secb1)}},
			// Level 2: B1's following member; A2 has none (recorded, reaching nobody).
			{party.D(2026, 6, 6), []string{key(a2, 1, seca2), key(b1, 1, secb1), key(a2, 2, 0), key(b1, 2, follower)}},
			// Level 3: the board of the ward (the follower sits on it too).
			{party.D(2026, 6, 11), []string{key(a2, 1, seca2), key(b1, 1, secb1), key(a2, 2, 0), key(b1, 2, follower),
				key(a2, 3, boarda), key(b1, 3, boardb), key(b1, 3, follower)}},
			{party.D(2026, 6, 30), []string{key(a2, 1, seca2), key(b1, 1, secb1), key(a2, 2, 0), key(b1, 2, follower),
				key(a2, 3, boarda), key(b1, 3, boardb), key(b1, 3, follower)}},
		}
		for _, st := range steps {
			c.set(st.day)
			sendOn(t, db, e.ov, st.day)
			sendOn(t, db, e.ov, st.day) // a second pass the same day sends nothing more
			got := remindedOf(t, db, oversight.KindMissing)
			if len(got) != len(st.want) {
				t.Errorf("%s: sent %v, want %v", st.day.VN(), got, st.want)
				continue
			}
			for _, w := range st.want {
				if !got[w] {
					t.Errorf("%s: %s not sent (sent %v)", st.day.VN(), w, got)
				}
			}
		}
		// Each notification links to where the user acts: the cell's calendar.
		var link string
		var n int
		_ = db.View(ctx, func(tx *store.Tx) error {
			if err := tx.QueryRow(ctx, `SELECT link FROM notifications WHERE user_id = $1 AND kind = 'reminder' AND unique_key LIKE 'remind:missing:%'`, seca2).Scan(&link); err != nil {
				return err
			}
			// The follower has an e-mail: one e-mail job for level 2.
			return tx.QueryRow(ctx, `SELECT count(*) FROM jobs WHERE kind = 'email' AND unique_key LIKE $1`, "email:remind:missing:%:L2:u"+fmt.Sprint(follower)).Scan(&n)
		})
		if link != fmt.Sprintf("/orgs/%d/calendar?year=2026", a2) || n != 1 {
			t.Errorf("link %q, %d e-mails to the follower", link, n)
		}
		// The overview shows "đã nhắc" with the highest level.
		ov, err := e.ov.Overview(ctx, e.f.District, oversight.Month(may), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ov.Missed {
			if m.Reminder == nil || m.Reminder.Level != 3 {
				t.Errorf("%s: reminder %+v", m.Name, m.Reminder)
			}
		}
	})
}

// The schedule is a setting; minutes held and not signed are reminded the
// days set after the meeting.
func TestScheduleSettingAndUnsignedMinutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{}
		c.set(party.D(2026, 6, 3))
		e := wireAt(t, db, c)
		id := e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 6, 2), party.MonthPeriod(2026, 6))
		if err := e.ov.SetSchedule(ctx, actor, "1,2", "3"); err != nil {
			t.Fatal(err)
		}
		for _, bad := range [][2]string{{"5,2", "7"}, {"0,5,10,15", "7"}, {"a", "7"}, {"0,5,10", "0"}, {"0,5,10", "x"}} {
			err := e.ov.SetSchedule(ctx, actor, bad[0], bad[1])
			if pe, ok := party.AsError(err); !ok || pe.Code != party.EInvalid || len(pe.Fields) == 0 {
				t.Errorf("schedule %v accepted: %v", bad, err)
			}
		}
		// Held on the 2nd, unsigned: level 1 on the 6th (3 days + 1), level 2 the 7th.
		for _, step := range [][2]int{{5, 0}, {6, 1}, {7, 2}, {20, 2}} {
			day, want := step[0], step[1]
			sendOn(t, db, e.ov, party.D(2026, 6, day))
			got := remindedOf(t, db, oversight.KindUnsigned)
			if len(got) != want {
				t.Errorf("June %d: %d unsigned reminders, want %d (%v)", day, len(got), want, got)
			}
		}
		var link string
		_ = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT link FROM reminders_sent WHERE kind = 'unsigned'`).Scan(&link)
		})
		if link != fmt.Sprintf("/meetings/%d", id) {
			t.Errorf("link %q", link)
		}
	})
}

// DOMAIN.md §9: "Absence without reason … for 3 months within a year: the
// cell should consider removal (xóa tên); warn at 2" — the warning is
// reminded to the secretary, then escalated like the others.
func TestMemberWarningsAreReminded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{}
		c.set(testfix.Today)
		e := wireAt(t, db, c)
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 4, 5), party.MonthPeriod(2026, 4), "Hoàng Văn Dũng")
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 5, 5), party.MonthPeriod(2026, 5), "Hoàng Văn Dũng")
		run := func(d party.Date) oversight.Sent {
			var s oversight.Sent
			if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
				var err error
				s, err = e.ov.SendWarningReminders(ctx, tx, e.f.WardA, d)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return s
		}
		if s := run(party.D(2026, 6, 15)); s.Reminders == 0 {
			t.Fatal("no warning reminded")
		}
		run(party.D(2026, 6, 16))
		got := remindedOf(t, db, oversight.KindWarning)
		dung := fmt.Sprintf("%d:1:%d", e.f.CellA1, e.f.Users["seca1"])
		if !got[dung] || len(got) != 1 {
			t.Errorf("after two days: %v, want only %s", got, dung)
		}
		run(party.D(2026, 6, 25))
		got = remindedOf(t, db, oversight.KindWarning)
		if !got[fmt.Sprintf("%d:3:%d", e.f.CellA1, e.f.Users["boarda"])] || !got[fmt.Sprintf("%d:2:0", e.f.CellA1)] {
			t.Errorf("after ten days: %v", got)
		}
		var msg string
		_ = db.View(ctx, func(tx *store.Tx) error {
			ns, err := tx.Notifications(ctx, e.f.Users["seca1"], false, 10)
			if len(ns) > 0 {
				msg = ns[len(ns)-1].Link
			}
			return err
		})
		if msg != fmt.Sprintf("/members/%d", e.f.Members["Hoàng Văn Dũng"]) {
			t.Errorf("link %q", msg)
		}
	})
}
