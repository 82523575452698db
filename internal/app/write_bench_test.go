package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"chibo/internal/app"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// BenchmarkSaveAttendance measures one attendance save of a 90-member
// cell through the wired services (summaries and evaluation totals kept in
// the same transaction) against the meetings service alone.
func BenchmarkSaveAttendance(b *testing.B) {
	for _, wired := range []bool{false, true} {
		b.Run(fmt.Sprintf("hooks=%v", wired), func(b *testing.B) {
			db := storetest.NewSQLite(b)
			ctx := context.Background()
			_, _, ward := testfix.CityTree(b, db, 1, 1, 1)
			cell := ward + 1
			svc := app.Wire(db, testfix.Now)
			if err := svc.EnsureDefaults(ctx); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < 90; i++ {
				if _, err := svc.Members.Add(ctx, store.System, party.Member{OrgID: cell, FullName: fmt.Sprintf("Lê Văn Số%d", i),
					JoinedOn: party.D(1980, 1, 1+i%28), OfficialOn: party.D(1981, 1, 1+i%28)}); err != nil {
					b.Fatal(err)
				}
			}
			ms := svc.Meetings
			if !wired {
				ms = &meetings.Service{DB: db, Now: testfix.Now}
			}
			id, err := ms.Plan(ctx, store.System, meetings.Plan{OrgID: cell, Kind: party.ThuongKy, Date: party.D(2026, 6, 5), Time: "19:30"})
			if err != nil {
				b.Fatal(err)
			}
			v, _ := ms.Load(ctx, id)
			var entries []party.Entry
			for _, r := range v.Roll {
				entries = append(entries, party.Entry{MemberID: r.MemberID, Status: party.CoMat})
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				entries[i%len(entries)].Status = []party.AttendanceStatus{party.CoMat, party.VangKhongLyDo}[i%2]
				if _, err := ms.SaveAttendance(ctx, store.System, id, entries); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var _ = time.Now
