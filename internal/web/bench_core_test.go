package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"chibo/internal/accounts"
	"chibo/internal/auth"
	"chibo/internal/memberio"
	"chibo/internal/members"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/web"
)

// benchServer serves db with an admin logged in.
func benchServer(b *testing.B, db *store.DB) (http.Handler, string) {
	b.Helper()
	ctx := context.Background()
	as := &accounts.Service{DB: db, Now: time.Now}
	if _, err := as.CreateUser(ctx, auth.Principal{}, store.System, accounts.NewUser{Username: "benchadmin", Password: testfix.Password, Role: auth.RoleAdmin}); err != nil {
		b.Fatal(err)
	}
	secret, _, err := as.Login(ctx, "benchadmin", testfix.Password, "127.0.0.1", "bench")
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{}, web.Deps{DB: db})
	if err != nil {
		b.Fatal(err)
	}
	return srv.Handler(), secret
}

func benchGet(b *testing.B, h http.Handler, secret, path string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "http://127.0.0.1"+path, nil)
		req.AddCookie(&http.Cookie{Name: "__Host-chibo", Value: secret})
		req.Header.Set("HX-Request", "true")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, rec.Code)
		}
	}
}

func benchEngines(b *testing.B, fn func(b *testing.B, db *store.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, storetest.NewSQLite(b)) })
	if os.Getenv("CHIBO_TEST_PG") != "" {
		b.Run("postgres", func(b *testing.B) { fn(b, storetest.NewPostgres(b)) })
	}
}

// Issue 2: "tree page for a 20,000-cell city (target < 50 ms server time)".
// The city: 30 districts × 15 wards × 45 cells = 20,250 cells.
func BenchmarkTreePageCity(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		_, district, ward := testfix.CityTree(b, db, 30, 15, 45)
		h, secret := benchServer(b, db)
		b.Run("root", func(b *testing.B) { benchGet(b, h, secret, "/orgs") })
		b.Run("district-children", func(b *testing.B) { benchGet(b, h, secret, fmt.Sprintf("/orgs/%d/children", district)) })
		b.Run("ward-children", func(b *testing.B) { benchGet(b, h, secret, fmt.Sprintf("/orgs/%d/children", ward)) })
		b.Run("search", func(b *testing.B) { benchGet(b, h, secret, "/orgs/search?q=gia+thuy+12") })
	})
}

// Issue 2: "member list of a 90-member cell (< 10 ms)".
func BenchmarkMemberList90(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		_, _, ward := testfix.CityTree(b, db, 1, 1, 2)
		cell := ward + 1
		ms := &members.Service{DB: db, Now: time.Now}
		for i := 0; i < 90; i++ {
			_, err := ms.Add(context.Background(), store.System, party.Member{OrgID: cell, FullName: fmt.Sprintf("Nguyễn Văn Thứ%d An", i),
				JoinedOn: party.D(1980+i%30, 1+time.Month(i%12), 1+i%28), OfficialOn: party.D(1981+i%30, 1+time.Month(i%12), 1+i%28)})
			if err != nil {
				b.Fatal(err)
			}
		}
		h, secret := benchServer(b, db)
		benchGet(b, h, secret, "/orgs/"+strconv.FormatInt(cell, 10)+"/members")
	})
}

// Issue 2: "import of 10,000 members from XLSX (< 5 s on SQLite and on
// PostgreSQL)": parse, check card numbers against the database, insert.
func BenchmarkImportXLSX10000(b *testing.B) {
	var ms []party.Member
	for i := 0; i < 10000; i++ {
		ms = append(ms, party.Member{FullName: fmt.Sprintf("Trần Thị Bích%d Ngọc", i), Gender: party.Nu, BirthDate: party.D(1950+i%40, 3, 1+i%28),
			JoinedOn: party.D(1975+i%40, 5, 1+i%28), OfficialOn: party.D(1976+i%40, 5, 1+i%28), CardNumber: fmt.Sprintf("%08d", i+1), Hometown: "Hưng Yên"})
	}
	var file bytes.Buffer
	if err := memberio.WriteXLSX(&file, ms); err != nil {
		b.Fatal(err)
	}
	benchEngines(b, func(b *testing.B, db *store.DB) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if i > 0 {
				db = freshLike(b, db)
			}
			testfix.CityTree(b, db, 1, 1, 1)
			const cell = 4 // city, district, ward, cell
			b.StartTimer()
			rep, err := (&members.Service{DB: db, Now: time.Now}).Import(context.Background(), store.System, cell, "ds.xlsx", bytes.NewReader(file.Bytes()), memberio.Limits{})
			if err != nil || rep.Imported != 10000 {
				b.Fatalf("imported %d: %v %v", rep.Imported, err, rep.Errors[:min(3, len(rep.Errors))])
			}
		}
	})
}

// freshLike gives a new empty database of the same engine.
func freshLike(b *testing.B, db *store.DB) *store.DB {
	if db.Engine == store.Postgres {
		return storetest.NewPostgres(b)
	}
	return storetest.NewSQLite(b)
}

// Issue 7: "throughput of the secretary's cell page at least half of what
// the same server gives for a static file": the cell page of a 90-member
// cell, whole request (session, authorization, page data, template).
func BenchmarkCellPage90(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		_, _, ward := testfix.CityTree(b, db, 1, 1, 2)
		cell := ward + 1
		ms := &members.Service{DB: db, Now: time.Now}
		for i := 0; i < 90; i++ {
			_, err := ms.Add(context.Background(), store.System, party.Member{OrgID: cell, FullName: fmt.Sprintf("Nguyễn Văn Thứ%d An", i),
				JoinedOn: party.D(1980+i%30, 1+time.Month(i%12), 1+i%28), OfficialOn: party.D(1981+i%30, 1+time.Month(i%12), 1+i%28)})
			if err != nil {
				b.Fatal(err)
			}
		}
		h, secret := benchServer(b, db)
		benchGet(b, h, secret, "/orgs/"+strconv.FormatInt(cell, 10))
	})
}
