package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/vntext"
)

var orgBulkCols = []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "cell_type", "created_on", "dissolved_on", "child_count"}

// orgRows builds a committee with n cells under it, ids 1..n+1.
func orgRows(n int) [][]any {
	name := "Đảng bộ phường Bồ Đề"
	rows := [][]any{{int64(1), "BD", "dang_bo_co_so", name, vntext.Fold(name), vntext.TextSortKey(name), nil, "/1/", 0, nil, party.D(2004, 1, 1), party.Date{}, n}}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("Chi bộ tổ dân phố số %d", i)
		id := int64(i + 1)
		rows = append(rows, []any{id, fmt.Sprintf("BD-TDP%03d", i), "chi_bo", name, vntext.Fold(name), vntext.TextSortKey(name), int64(1),
			fmt.Sprintf("/1/%d/", id), 1, "thon_tdp", party.D(2004, 1, 1), party.Date{}, 0})
	}
	return rows
}

func TestBulkInsertRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if empty, err := db.IsEmpty(ctx); err != nil || !empty {
			t.Fatalf("new database: IsEmpty = %v, %v; want true", empty, err)
		}
		if err := db.BulkInsert(ctx, "orgs", orgBulkCols, orgRows(2)); err != nil {
			t.Fatal(err)
		}
		if empty, err := db.IsEmpty(ctx); err != nil || empty {
			t.Fatalf("after load: IsEmpty = %v, %v; want false", empty, err)
		}
		err := db.View(ctx, func(tx *store.Tx) error {
			o, err := tx.OrgByCode(ctx, "BD-TDP002")
			if err != nil {
				return err
			}
			if o.ID != 3 || o.ParentID != 1 || o.Path != "/1/3/" || o.CreatedOn != party.D(2004, 1, 1) || !o.Dissolved.IsZero() || o.CellType != party.CellThonTDP {
				t.Errorf("cell read back as %+v", o)
			}
			kids, err := tx.Children(ctx, 1)
			if err != nil {
				return err
			}
			if len(kids) != 2 || kids[0].Name != "Chi bộ tổ dân phố số 1" {
				t.Errorf("children = %+v", kids)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Booleans go in as Go bools on both engines.
		users := [][]any{
			{int64(5), "an", "hash", "board", int64(1), false, int64(1700000000), int64(1700000000)},
			{int64(9), "binh", "hash", "board", int64(1), true, int64(1700000000), int64(1700000000)},
		}
		if err := db.BulkInsert(ctx, "users", []string{"id", "username", "password_hash", "role", "org_id", "disabled", "created_at", "updated_at"}, users); err != nil {
			t.Fatal(err)
		}
		// Ids continue after the loaded ones (ResetSequences on PostgreSQL).
		var newOrg, newUser int64
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			var err error
			if newOrg, err = tx.InsertOrg(ctx, store.NewOrg{Code: "BD-TDP003", Name: "Chi bộ tổ dân phố số 3", Kind: party.ChiBo, CellType: party.CellThonTDP, ParentID: 1, On: party.D(2026, 1, 1)}); err != nil {
				return err
			}
			newUser, err = tx.InsertUser(ctx, store.User{Username: "cuong", PasswordHash: "h", Role: "board", OrgID: 1})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if newOrg != 4 || newUser != 10 {
			t.Errorf("new ids = org %d, user %d; want 4 and 10", newOrg, newUser)
		}
		err = db.View(ctx, func(tx *store.Tx) error {
			u, err := tx.UserByName(ctx, "binh")
			if err != nil {
				return err
			}
			if !u.Disabled || u.CreatedAt.Unix() != 1700000000 {
				t.Errorf("user read back as %+v", u)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// More rows than one batch, with a short last batch, and progress told.
func TestBulkInsertManyRowsWithProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const n = 4999
		rows := orgRows(n)
		last := 0
		err := db.BulkLoad(ctx, func(l *store.Loader) error {
			got, err := l.Insert(ctx, store.BulkTable{Name: "orgs", Cols: orgBulkCols, Progress: func(done int) {
				if done < last {
					t.Errorf("progress went back from %d to %d", last, done)
				}
				last = done
			}, Rows: func(yield func([]any) bool) {
				buf := make([]any, len(orgBulkCols))
				for _, r := range rows {
					copy(buf, r) // the slice is reused between rows
					if !yield(buf) {
						return
					}
				}
			}})
			if got != n+1 {
				t.Errorf("Insert = %d rows, want %d", got, n+1)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if last != n+1 {
			t.Errorf("last progress = %d, want %d", last, n+1)
		}
		var count int
		var lastName string
		err = db.View(ctx, func(tx *store.Tx) error {
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM orgs WHERE parent_id = 1`).Scan(&count); err != nil {
				return err
			}
			return tx.QueryRow(ctx, `SELECT name FROM orgs WHERE id = $1`, n+1).Scan(&lastName)
		})
		if err != nil {
			t.Fatal(err)
		}
		if count != n || lastName != fmt.Sprintf("Chi bộ tổ dân phố số %d", n) {
			t.Errorf("count = %d, last = %q", count, lastName)
		}
	})
}

// A load is one transaction: an error leaves nothing behind.
func TestBulkLoadAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := db.BulkLoad(ctx, func(l *store.Loader) error {
			if _, err := l.Insert(ctx, store.BulkTable{Name: "orgs", Cols: orgBulkCols, Rows: sliceRows(orgRows(300))}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want boom", err)
		}
		if empty, err := db.IsEmpty(ctx); err != nil || !empty {
			t.Fatalf("after failed load: IsEmpty = %v, %v", empty, err)
		}
		// A broken foreign key fails the load too.
		bad := orgRows(1)
		bad[1][6] = int64(77)
		err = db.BulkInsert(ctx, "orgs", orgBulkCols, bad)
		if err == nil {
			t.Fatal("row with a missing parent was loaded")
		}
		if empty, _ := db.IsEmpty(ctx); !empty {
			t.Fatal("a failed load left rows")
		}
	})
}

func TestBulkInsertRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, c := range []struct {
			table string
			cols  []string
			rows  [][]any
			want  string
		}{
			{"orgs; DROP TABLE orgs", orgBulkCols, nil, "bad table name"},
			{"orgs", []string{"id", "code\"x"}, nil, "bad column name"},
			{"orgs", nil, nil, "no columns"},
			{"orgs", orgBulkCols, [][]any{{int64(1)}}, "1 values for 13 columns"},
		} {
			err := db.BulkInsert(ctx, c.table, c.cols, c.rows)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("BulkInsert(%q, %v) = %v, want %q", c.table, c.cols, err, c.want)
			}
		}
	})
}

func sliceRows(rows [][]any) func(func([]any) bool) {
	return func(yield func([]any) bool) {
		for _, r := range rows {
			if !yield(r) {
				return
			}
		}
	}
}

// Rows written with explicit ids by other means: ResetSequences moves the
// sequences past them (a no-op on SQLite, where it is not needed).
func TestResetSequences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO orgs (id, code, kind, name, name_fold, name_sort, path, created_on) VALUES (50, 'HN', 'dang_bo_tinh', 'Hà Nội', 'ha noi', 'ha noi', '/50/', $1)`, party.D(2008, 8, 1))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.ResetSequences(ctx); err != nil {
			t.Fatal(err)
		}
		var id int64
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			var err error
			id, err = tx.InsertOrg(ctx, store.NewOrg{Code: "LB", Name: "Đảng bộ quận Long Biên", Kind: party.DangBoHuyen, ParentID: 50, On: party.D(2004, 1, 1)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if id != 51 {
			t.Errorf("next id = %d, want 51", id)
		}
	})
}
