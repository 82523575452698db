package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/documents"
	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/web"
)

// BenchmarkMemberHome is the server time of a member's home page (GET /me
// in process): a year of monthly meetings with the member's attendance,
// sixty documents sent to the ward (half acknowledged), and the next
// meetings. The issue asks < 30 ms.
func BenchmarkMemberHome(b *testing.B) {
	for _, engine := range []store.Engine{store.SQLite, store.Postgres} {
		b.Run(string(engine), func(b *testing.B) {
			var db *store.DB
			if engine == store.SQLite {
				db = storetest.NewSQLite(b)
			} else {
				db = storetest.NewPostgres(b)
			}
			fix := testfix.New(b, db)
			ctx := context.Background()
			srv, err := web.New(web.Config{}, web.Deps{DB: db, Now: testfix.Now}) // writes the rule sets meetings need
			if err != nil {
				b.Fatal(err)
			}
			sec := store.Actor{Username: "seca1"}
			ms := &meetings.Service{DB: db, Now: testfix.Now}
			anh := fix.Members["Lê Văn Ánh"]
			for m := range 12 {
				d := party.D(2025, time.July+time.Month(m), 5)
				id, err := ms.Plan(ctx, sec, meetings.Plan{OrgID: fix.CellA1, Kind: party.ThuongKy, Date: d, Time: "19:30", Place: "Nhà văn hóa"})
				if err != nil {
					b.Fatal(err)
				}
				status := party.CoMat
				if m%4 == 3 {
					status = party.VangKhongLyDo
				}
				if _, err := ms.SaveAttendance(ctx, sec, id, []party.Entry{{MemberID: anh, Status: status, DuesPaid: status == party.CoMat}}); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := ms.Plan(ctx, sec, meetings.Plan{OrgID: fix.CellA1, Kind: party.ChuyenDe, Date: party.D(2026, 6, 19), Time: "19:30", Topic: "Chuyển đổi số"}); err != nil {
				b.Fatal(err)
			}
			ds := &documents.Service{DB: db, Now: testfix.Now}
			for i := range 60 {
				id, err := ds.Create(ctx, sec, documents.Input{IssuerID: fix.WardA, Number: fmt.Sprintf("%02d-KH/ĐU", i+1), Kind: "ke_hoach",
					Title: "Kế hoạch số " + fmt.Sprint(i+1), IssuedOn: party.D(2026, 5, 1)}, nil)
				if err == nil {
					_, err = ds.Send(ctx, sec, id, documents.SendInput{})
				}
				if err == nil && i%2 == 0 {
					_, err = ds.Acknowledge(ctx, sec, id, anh)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			h := srv.Handler()
			secret, _, err := (&accounts.Service{DB: db, Now: testfix.Now}).Login(ctx, "mema1", testfix.Password, "10.0.0.3", "bench")
			if err != nil {
				b.Fatal(err)
			}
			get := func() *httptest.ResponseRecorder {
				req := httptest.NewRequest("GET", "http://127.0.0.1/me", nil)
				req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: secret})
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec
			}
			if rec := get(); rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
			b.ResetTimer()
			for b.Loop() {
				if rec := get(); rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}
