package oversight_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// clock is a time tests move forward.
type clock struct{ t time.Time }

func (c *clock) now() time.Time   { return c.t }
func (c *clock) set(d party.Date) { c.t = d.At(9, 0) }

// wireAt builds the services on a clock the test drives.
func wireAt(t *testing.T, db *store.DB, c *clock) env {
	t.Helper()
	f := testfix.New(t, db)
	svc := app.Wire(db, c.now)
	if err := svc.EnsureDefaults(context.Background()); err != nil {
		t.Fatal(err)
	}
	return env{f, svc.Meetings, svc.Quality, svc.Oversight, svc.Orgs}
}

// DOMAIN.md §10: "let the board pick and record the decision (number,
// date, units)".
func TestCommendationIsRecordedWithTheUnitsScores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := springFixture(t, db)
		in := oversight.CommendInput{OrgID: e.f.WardA, Number: " 125-QĐ/ĐU ", DecidedOn: party.D(2026, 6, 10), Form: "giay_khen",
			Content: "Chi bộ sinh hoạt đều đặn", Range: spring(), UnitIDs: []int64{e.f.CellA1, e.f.CellA1}}
		id, err := e.ov.Commend(ctx, actor, in)
		if err != nil {
			t.Fatal(err)
		}
		list, err := e.ov.Commendations(ctx, e.f.WardA, 10)
		if err != nil || len(list) != 1 || list[0].ID != id {
			t.Fatalf("commendations %+v (%v)", list, err)
		}
		c := list[0]
		if c.Number != "125-QĐ/ĐU" || len(c.Units) != 1 || c.Units[0].UnitID != e.f.CellA1 || c.Units[0].Score <= 0 {
			t.Errorf("stored %+v", c)
		}
		// The unit's secretary is told.
		var n int
		_ = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'commendation'`, e.f.Users["seca1"]).Scan(&n)
		})
		if n != 1 {
			t.Errorf("%d notifications to A1's secretary", n)
		}
		for _, bad := range []struct {
			name  string
			edit  func(*oversight.CommendInput)
			code  party.Code
			field string
		}{
			{"the same number again", func(in *oversight.CommendInput) {}, party.EConflict, "number"},
			{"no number", func(in *oversight.CommendInput) { in.Number = " " }, party.EInvalid, "number"},
			{"a date to come", func(in *oversight.CommendInput) { in.Number, in.DecidedOn = "126", party.D(2026, 7, 1) }, party.EInvalid, "decided_on"},
			{"no unit", func(in *oversight.CommendInput) { in.Number, in.UnitIDs = "127", nil }, party.EInvalid, "units"},
			{"an unknown form", func(in *oversight.CommendInput) { in.Number, in.Form = "128", "huan_chuong" }, party.EInvalid, "form"},
			{"a unit of another ward", func(in *oversight.CommendInput) { in.Number, in.UnitIDs = "129", []int64{e.f.CellB1} }, party.ERule, ""},
			{"the committee itself", func(in *oversight.CommendInput) { in.Number, in.UnitIDs = "130", []int64{e.f.WardA} }, party.ERule, ""},
		} {
			x := in
			bad.edit(&x)
			_, err := e.ov.Commend(ctx, actor, x)
			pe, _ := party.AsError(err)
			if pe == nil || pe.Code != bad.code || (bad.field != "" && pe.Fields[bad.field].Key == "") {
				t.Errorf("%s: %v", bad.name, err)
			}
		}
	})
}

// DOMAIN.md §10: "units below thresholds get a recorded reminder and are
// followed up" — the follow-up compares the months since with the figures
// of the reminder.
func TestUnitReminderIsFollowedUpInLaterMonths(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{}
		c.set(testfix.Today)
		e := wireAt(t, db, c)
		april, may := party.MonthPeriod(2026, 4), party.MonthPeriod(2026, 5)
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 4, 5), april)
		e.hold(t, e.f.CellA1, party.ThuongKy, party.D(2026, 5, 5), may)
		if _, err := e.ov.EnsureMonths(ctx); err != nil {
			t.Fatal(err)
		}
		// Ward A reminds A2, which held nothing in April and May.
		id, err := e.ov.RemindUnit(ctx, actor, oversight.UnitReminderInput{OrgID: e.f.WardA, UnitID: e.f.CellA2, Kind: "nhac_nho",
			Range: oversight.Range{From: april, To: may}})
		if err != nil {
			t.Fatal(err)
		}
		list, err := e.ov.UnitReminders(ctx, e.f.WardA, 10)
		if err != nil || len(list) != 1 || list[0].ID != id {
			t.Fatalf("reminders %+v (%v)", list, err)
		}
		r := list[0]
		if r.Score != 0 || r.Follow != oversight.FollowNoData || !strings.Contains(r.Reason, "2 lượt không sinh hoạt") {
			t.Errorf("reminder as given: score %.1f, follow %s, reason %q", r.Score, r.Follow, r.Reason)
		}
		// A2 meets in June; once June is over the follow-up shows it.
		e.hold(t, e.f.CellA2, party.ThuongKy, party.D(2026, 6, 12), party.MonthPeriod(2026, 6))
		c.set(party.D(2026, 7, 2))
		if _, err := e.ov.EnsureMonths(ctx); err != nil {
			t.Fatal(err)
		}
		list, _ = e.ov.UnitReminders(ctx, e.f.WardA, 10)
		if r := list[0]; r.Follow != oversight.FollowImproved || r.Since.From.String() != "2026-06" || r.Since.To.String() != "2026-06" || r.AfterScore.Value <= r.Score {
			t.Errorf("follow-up %s since %s–%s: %.1f → %.1f", r.Follow, r.Since.From, r.Since.To, r.Score, r.AfterScore.Value)
		}
		// The unit's secretary was told, with a link to the cell's calendar.
		var link string
		_ = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT link FROM notifications WHERE user_id = $1 AND kind = 'unit_reminder'`, e.f.Users["seca2"]).Scan(&link)
		})
		if !strings.HasPrefix(link, "/orgs/") || !strings.Contains(link, "/calendar") {
			t.Errorf("link %q", link)
		}
		if _, err := e.ov.RemindUnit(ctx, actor, oversight.UnitReminderInput{OrgID: e.f.WardA, UnitID: e.f.CellA2, Kind: "phe_binh", Range: spring()}); party.ErrorCode(err) != party.EInvalid {
			t.Errorf("unknown kind: %v", err)
		}
	})
}

// Nhân rộng điển hình: "a board marks a meeting … as a model; secretaries
// of cells of the same type see the models when they prepare."
func TestModelMeetingsReachTheCellsUnderTheBoardOfTheSameType(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := wire(t, db)
		held := e.hold(t, e.f.CellB1, party.ChuyenDe, party.D(2026, 5, 20), party.QuarterPeriod(2026, 2))
		planned, err := e.ms.Plan(ctx, actor, meetings.Plan{OrgID: e.f.CellB1, Kind: party.ThuongKy, Date: party.D(2026, 6, 25), Time: "19:30"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.ov.MarkModel(ctx, actor, e.f.District, planned, ""); party.ErrorCode(err) != party.ERule {
			t.Errorf("a meeting not held yet: %v", err)
		}
		if err := e.ov.MarkModel(ctx, actor, e.f.WardA, held, ""); party.ErrorCode(err) != party.ERule {
			t.Errorf("a meeting of another ward: %v", err)
		}
		if err := e.ov.MarkModel(ctx, actor, e.f.District, held, "Đề dẫn công phu"); err != nil {
			t.Fatal(err)
		}
		paths := map[int64]string{}
		_ = db.View(ctx, func(tx *store.Tx) error {
			for _, id := range []int64{e.f.CellA1, e.f.CellB1, e.f.City} {
				o, _ := tx.Org(ctx, id)
				paths[id] = o.Path
			}
			return nil
		})
		// B1 is a school cell (sự nghiệp); A1 a residential one.
		for _, tc := range []struct {
			scope    string
			cellType party.CellType
			want     int
		}{
			{paths[e.f.CellB1], party.CellSuNghiep, 1},
			{paths[e.f.CellA1], party.CellSuNghiep, 1}, // under the district that chose it
			{paths[e.f.CellA1], party.CellThonTDP, 0},
			{paths[e.f.City], "", 1}, // a board above sees what its committees chose
		} {
			ms, err := e.ov.Models(ctx, tc.scope, tc.cellType, "")
			if err != nil || len(ms) != tc.want {
				t.Errorf("scope %s, type %s: %d models (%v), want %d", tc.scope, tc.cellType, len(ms), err, tc.want)
			}
		}
		ms, _ := e.ov.Models(ctx, paths[e.f.CellB1], "", party.ChuyenDe)
		if len(ms) != 1 || ms[0].Note != "Đề dẫn công phu" || ms[0].CellType != party.CellSuNghiep || ms[0].Kind != party.ChuyenDe {
			t.Errorf("model %+v", ms)
		}
		if err := e.ov.UnmarkModel(ctx, actor, held); err != nil {
			t.Fatal(err)
		}
		if err := e.ov.UnmarkModel(ctx, actor, held); party.ErrorCode(err) != party.ENotFound {
			t.Errorf("unmark twice: %v", err)
		}
	})
}
