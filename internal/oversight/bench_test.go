package oversight_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/members"
	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// Issue 5: "the summary upkeep adds < 5 ms to a write": SaveAttendance on
// a cell of 90 members, with the hooks of the application (quality and
// oversight) and without them, on SQLite.
//
//	go test ./internal/oversight -run XXX -bench SaveAttendance -count 5
func BenchmarkSaveAttendance90Members(b *testing.B) {
	db := storetest.NewSQLite(b)
	f := testfix.New(b, db)
	ctx := context.Background()
	actor := store.Actor{Username: "bench"}
	plain := &meetings.Service{DB: db, Now: testfix.Now}
	if err := plain.EnsureRuleSets(ctx); err != nil {
		b.Fatal(err)
	}
	// A cell of 90: the fixture's cell A1 and 80 more members.
	mem := &members.Service{DB: db, Now: testfix.Now}
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"}
	givens := []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"}
	for i := 0; i < 80; i++ {
		name := families[i%len(families)] + " Văn " + givens[i/len(families)%len(givens)]
		if _, err := mem.Add(ctx, actor, party.Member{OrgID: f.CellA1, FullName: name, Gender: party.Nam, JoinedOn: party.D(1990, 1, 1),
			OfficialOn: party.D(1991, 1, 1)}); err != nil {
			b.Fatal(err)
		}
	}
	qs := &quality.Service{DB: db, Now: testfix.Now, Meetings: plain}
	if err := qs.EnsureDefaults(ctx); err != nil {
		b.Fatal(err)
	}
	ov := &oversight.Service{DB: db, Now: testfix.Now, Meetings: plain}
	variants := []struct {
		name  string
		hooks []meetings.Hook
	}{
		{"no-hooks", nil},
		{"quality", []meetings.Hook{qs.MeetingHook()}},
		{"quality+oversight", []meetings.Hook{qs.MeetingHook(), ov.MeetingHook()}},
	}
	for i, v := range variants {
		ms := &meetings.Service{DB: db, Now: testfix.Now, Hooks: v.hooks}
		id, err := ms.Plan(ctx, actor, meetings.Plan{OrgID: f.CellA1, Kind: party.ThuongKy, Date: party.D(2026, time.Month(3+i), 5), Time: "19:30",
			Period: party.MonthPeriod(2026, time.Month(3+i))})
		if err != nil {
			b.Fatal(err)
		}
		view, _ := ms.Load(ctx, id)
		var entries []party.Entry
		for _, r := range view.Roll {
			if r.Editable && r.Derived == party.DerivedNone {
				entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
			}
		}
		if len(entries) < 85 {
			b.Fatalf("%d members marked", len(entries))
		}
		b.Run(v.name, func(b *testing.B) {
			var ru0, ru1 syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
			st0 := db.Statements()
			defer func() {
				b.ReportMetric(float64(db.Statements()-st0)/float64(b.N), "stmts/op")
				// CPU per save: steadier than wall time on a shared machine.
				_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
				cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
				b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
			}()
			for n := 0; n < b.N; n++ {
				// Alternate one member's status so that every save changes
				// the figures.
				if n%2 == 0 {
					entries[0].Status = party.VangKhongLyDo
				} else {
					entries[0].Status = party.CoMat
				}
				if _, err := ms.SaveAttendance(ctx, actor, id, entries); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
