package store_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

func fill(t *testing.T, db *store.DB, n int) {
	t.Helper()
	ctx := context.Background()
	err := db.Update(ctx, store.System, func(tx *store.Tx) error {
		root, err := tx.InsertOrg(ctx, store.NewOrg{Code: "HN", Name: "Đảng bộ thành phố Hà Nội", Kind: party.DangBoTinh, On: party.D(2020, 1, 1)})
		if err != nil {
			return err
		}
		ward, err := tx.InsertOrg(ctx, store.NewOrg{Code: "P1", Name: "Đảng bộ phường Bồ Đề", Kind: party.DangBoCoSo, ParentID: root, On: party.D(2020, 1, 1)})
		if err != nil {
			return err
		}
		cell, err := tx.InsertOrg(ctx, store.NewOrg{Code: "C1", Name: "Chi bộ tổ dân phố số 5", Kind: party.ChiBo, CellType: party.CellThonTDP, ParentID: ward, On: party.D(2020, 1, 1)})
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if _, err := tx.InsertMember(ctx, party.Member{OrgID: cell, FullName: "Nguyễn Văn Thử " + string(rune('A'+i%26)), JoinedOn: party.D(1990, 1, 1+i%28)}, party.Date{}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, "fill", "test", 0, 0, nil, map[string]int{"n": n})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Issue 7: "chibo backup --to FILE makes a consistent copy while the server
// runs … chibo restore --from FILE into an empty database; a round-trip
// test compares every table."
func TestBackupRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if db.Engine == store.Postgres {
			if _, err := exec.LookPath("pg_dump"); err != nil {
				t.Skip("pg_dump not installed")
			}
		}
		fill(t, db, 200)
		want, err := db.Checksums(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Writes go on while the backup runs; the copy is one snapshot.
		var wg sync.WaitGroup
		stop := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_ = db.Update(ctx, store.System, func(tx *store.Tx) error {
					return tx.Audit(ctx, "during", "test", 0, 0, nil, nil)
				})
			}
		}()
		file := filepath.Join(t.TempDir(), "backup.chibo")
		err = db.Backup(ctx, file)
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Backup(ctx, file); err == nil {
			t.Error("backup over an existing file")
		}
		target := filepath.Join(t.TempDir(), "restored.db")
		if db.Engine == store.Postgres {
			fresh := storetest.NewEmptyPostgres(t)
			target = fresh
		}
		restored, err := store.Restore(ctx, file, target)
		if err != nil {
			t.Fatal(err)
		}
		defer restored.Close()
		if err := restored.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := restored.Checksums(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for table, sum := range want {
			if table == "audit_log" {
				continue // grew during the backup
			}
			if got[table] != sum {
				t.Errorf("%s: restored %s, original %s", table, got[table], sum)
			}
		}
		if len(got) != len(want) {
			t.Errorf("tables: restored %d, original %d", len(got), len(want))
		}
		// Restoring into a database that holds data is refused.
		if _, err := store.Restore(ctx, file, target); err == nil {
			t.Error("restore into a non-empty database")
		}
	})
}
