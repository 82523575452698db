package orgs_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"chibo/internal/members"
	"chibo/internal/orgs"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

func names(vs []store.OrgVersion) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}

func childrenAsOf(t *testing.T, db *store.DB, parent int64, d party.Date) []string {
	t.Helper()
	var vs []store.OrgVersion
	err := db.View(context.Background(), func(tx *store.Tx) error {
		var err error
		vs, err = tx.ChildrenAsOf(context.Background(), parent, d)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names(vs)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// DOMAIN.md §2: "Each change has an effective date … a query for a past
// date shows the tree as it was."
func TestReorganizationKeepsHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := &orgs.Service{DB: db, Now: testfix.Now}
		a := store.Actor{Username: "test"}
		before := party.D(2025, time.December, 31)
		on := party.D(2026, time.January, 1)

		if err := s.Rename(ctx, a, f.CellA2, "Chi bộ Khu dân cư số 6", on, 0); err != nil {
			t.Fatal(err)
		}
		if got := childrenAsOf(t, db, f.WardA, before); !equal(got, []string{"Chi bộ tổ dân phố số 5", "Chi bộ tổ dân phố số 6"}) {
			t.Errorf("before the rename: %v", got)
		}
		if got := childrenAsOf(t, db, f.WardA, on); !equal(got, []string{"Chi bộ Khu dân cư số 6", "Chi bộ tổ dân phố số 5"}) {
			t.Errorf("after the rename: %v", got)
		}

		// Move cell B1 from ward B to ward A from 1 March.
		moved := party.D(2026, time.March, 1)
		if err := s.Move(ctx, a, f.CellB1, f.WardA, moved, 0); err != nil {
			t.Fatal(err)
		}
		if got := childrenAsOf(t, db, f.WardB, moved.AddDays(-1)); !equal(got, []string{"Chi bộ Trường Tiểu học Gia Thụy"}) {
			t.Errorf("ward B before the move: %v", got)
		}
		if got := childrenAsOf(t, db, f.WardB, moved); len(got) != 0 {
			t.Errorf("ward B after the move: %v", got)
		}
		var b1, wardA store.OrgRow
		_ = db.View(ctx, func(tx *store.Tx) error {
			b1, _ = tx.Org(ctx, f.CellB1)
			wardA, _ = tx.Org(ctx, f.WardA)
			return nil
		})
		if b1.ParentID != f.WardA || b1.Path != wardA.Path+strconv.FormatInt(f.CellB1, 10)+"/" {
			t.Errorf("moved cell: parent %d path %s (ward A %s)", b1.ParentID, b1.Path, wardA.Path)
		}

		// A change dated before the latest one is refused: history is not rewritten.
		if err := s.Rename(ctx, a, f.CellA2, "Tên khác", party.D(2025, time.June, 1), 0); party.ErrorCode(err) != party.ERule {
			t.Errorf("backdated rename: err = %v", err)
		}
	})
}

// Merging two cells moves every member on the effective day; the merged
// cell is dissolved and past days still see it.
func TestMergeMovesMembersAndDissolves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := &orgs.Service{DB: db, Now: testfix.Now}
		on := party.D(2026, time.May, 1)
		if err := s.Merge(ctx, store.Actor{Username: "test"}, f.CellA2, f.CellA1, on); err != nil {
			t.Fatal(err)
		}
		var a2 store.OrgRow
		var inA1 []party.Member
		var hs []party.MemberHistory
		err := db.View(ctx, func(tx *store.Tx) error {
			var err error
			a2, _ = tx.Org(ctx, f.CellA2)
			inA1, err = tx.MembersOf(ctx, f.CellA1, false)
			if err != nil {
				return err
			}
			hs, err = tx.CellHistoriesOn(ctx, f.CellA2, on.AddDays(-1))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if a2.Dissolved != on {
			t.Errorf("merged cell dissolved on %v, want %v", a2.Dissolved, on)
		}
		if len(inA1) != 13 {
			t.Errorf("cell A1 has %d members after the merge, want 13", len(inA1))
		}
		// The day before the merge, the old cell still had its own members
		// (three at home, and the member hosted temporarily from A1).
		if len(hs) != 4 {
			t.Errorf("cell A2 the day before: %d members, want 4", len(hs))
		}
		for _, h := range hs {
			st := party.StateOn(h, on.AddDays(-1))
			if st.HomeOrgID != f.CellA2 && st.TempOutTo != f.CellA2 {
				t.Errorf("%s was not in A2 that day: %+v", h.Member.FullName, st)
			}
		}
		if got := childrenAsOf(t, db, f.WardA, on.AddDays(-1)); len(got) != 2 {
			t.Errorf("ward A before the merge: %v", got)
		}
		if got := childrenAsOf(t, db, f.WardA, on); !equal(got, []string{"Chi bộ tổ dân phố số 5"}) {
			t.Errorf("ward A after the merge: %v", got)
		}
	})
}

func TestSplitAndDissolve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := &orgs.Service{DB: db, Now: testfix.Now}
		a := store.Actor{Username: "test"}
		on := party.D(2026, time.June, 1)
		take := []int64{f.Members["Nguyễn Văn An"], f.Members["Lê Văn Ánh"], f.Members["Vũ Thị Hà"]}
		ids, err := s.Split(ctx, a, f.CellA1, on, []orgs.SplitPart{{Code: "LB-BD-05B", Name: "Chi bộ tổ dân phố số 5B", MemberIDs: take}}, false)
		if err != nil {
			t.Fatal(err)
		}
		var nb, na []party.Member
		_ = db.View(ctx, func(tx *store.Tx) error {
			nb, _ = tx.MembersOf(ctx, ids[0], false)
			na, _ = tx.MembersOf(ctx, f.CellA1, false)
			return nil
		})
		if len(nb) != 3 || len(na) != 7 {
			t.Errorf("after the split: new cell %d, old cell %d members", len(nb), len(na))
		}
		// A member not in the cell cannot be taken.
		_, err = s.Split(ctx, a, f.CellA1, on, []orgs.SplitPart{{Code: "X1", Name: "Chi bộ X", MemberIDs: []int64{f.Members["Mai Thị Hoa"]}}}, false)
		if party.ErrorCode(err) != party.ERule {
			t.Errorf("split with a stranger: %v", err)
		}
		// Dissolving a cell with members is refused with their number.
		if err := s.Dissolve(ctx, a, f.CellA2, on, "", 0); party.ErrorCode(err) != party.ERule {
			t.Errorf("dissolve with members: %v", err)
		}
		// A committee with cells under it cannot be dissolved either.
		if err := s.Dissolve(ctx, a, f.WardB, on, "", 0); party.ErrorCode(err) != party.ERule {
			t.Errorf("dissolve with children: %v", err)
		}
	})
}

// Bad input: codes are unique, cells need a type, members live in cells,
// kinds sit where the tree allows them.
func TestCreateRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := testfix.New(t, db)
		s := &orgs.Service{DB: db, Now: testfix.Now}
		a := store.Actor{Username: "test"}
		on := testfix.Today
		cases := []struct {
			name  string
			n     store.NewOrg
			code  party.Code
			field string
		}{
			{"duplicate code", store.NewOrg{Code: "LB-BD-05", Name: "Chi bộ trùng mã", Kind: party.ChiBo, CellType: party.CellThonTDP, ParentID: f.WardA, On: on}, party.EConflict, "code"},
			{"cell without type", store.NewOrg{Code: "NEW1", Name: "Chi bộ mới", Kind: party.ChiBo, ParentID: f.WardA, On: on}, party.EInvalid, "cell_type"},
			{"unknown cell type", store.NewOrg{Code: "NEW2", Name: "Chi bộ mới", Kind: party.ChiBo, CellType: "vu_tru", ParentID: f.WardA, On: on}, party.EInvalid, "cell_type"},
			{"cell under a cell", store.NewOrg{Code: "NEW3", Name: "Chi bộ con", Kind: party.ChiBo, CellType: party.CellThonTDP, ParentID: f.CellA1, On: on}, party.EInvalid, "kind"},
			{"empty name", store.NewOrg{Code: "NEW4", Name: "  ", Kind: party.DangBoCoSo, ParentID: f.District, On: on}, party.EInvalid, "name"},
			{"bad code", store.NewOrg{Code: "mã có dấu", Name: "Đảng bộ", Kind: party.DangBoCoSo, ParentID: f.District, On: on}, party.EInvalid, "code"},
			{"no date", store.NewOrg{Code: "NEW5", Name: "Đảng bộ", Kind: party.DangBoCoSo, ParentID: f.District}, party.EInvalid, "on"},
		}
		for _, tc := range cases {
			_, err := s.Create(ctx, a, tc.n)
			e, ok := party.AsError(err)
			if !ok || e.Code != tc.code {
				t.Errorf("%s: err = %v, want code %s", tc.name, err, tc.code)
				continue
			}
			if _, ok := e.Fields[tc.field]; !ok {
				t.Errorf("%s: no message beside %q: %v", tc.name, tc.field, e.Fields)
			}
		}
		ms := &members.Service{DB: db, Now: testfix.Now}
		_, err := ms.Add(ctx, a, party.Member{OrgID: f.WardA, FullName: "Nguyễn Văn Sai", JoinedOn: party.D(2000, 1, 1)})
		if party.ErrorCode(err) != party.ERule {
			t.Errorf("member added to a committee: %v", err)
		}
	})
}
