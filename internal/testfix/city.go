package testfix

import (
	"context"
	"fmt"
	"testing"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// CityTree bulk-loads a city tree for benchmarks: one city committee,
// districts × wards grassroots committees, and cells per ward, with their
// first versions. It returns the ids of the root, the first district and
// the first ward. Members are not created.
func CityTree(tb testing.TB, db *store.DB, districts, wards, cells int) (root, district, ward int64) {
	tb.Helper()
	type org struct {
		id, parent  int64
		code, name  string
		kind        party.OrgKind
		cellType    string
		path        string
		depth, kids int
	}
	var orgs []org
	id := int64(0)
	add := func(parent *org, code, name string, kind party.OrgKind, ct string, kids int) *org {
		id++
		o := org{id: id, code: code, name: name, kind: kind, cellType: ct, kids: kids}
		if parent != nil {
			o.parent, o.path, o.depth = parent.id, parent.path+fmt.Sprint(id)+"/", parent.depth+1
		} else {
			o.path = fmt.Sprintf("/%d/", id)
		}
		orgs = append(orgs, o)
		return &orgs[len(orgs)-1]
	}
	r := add(nil, "TP", "Đảng bộ thành phố", party.DangBoTinh, "", districts)
	rc := *r
	for d := 0; d < districts; d++ {
		dist := add(&rc, fmt.Sprintf("Q%02d", d), fmt.Sprintf("Đảng bộ quận số %d", d+1), party.DangBoHuyen, "", wards)
		dc := *dist
		for w := 0; w < wards; w++ {
			wd := add(&dc, fmt.Sprintf("Q%02d-P%02d", d, w), fmt.Sprintf("Đảng bộ phường %s %d", []string{"Bồ Đề", "Gia Thụy", "Đức Giang", "Việt Hưng"}[w%4], w+1), party.DangBoCoSo, "", cells)
			wc := *wd
			for c := 0; c < cells; c++ {
				add(&wc, fmt.Sprintf("Q%02d-P%02d-C%03d", d, w, c), fmt.Sprintf("Chi bộ tổ dân phố số %d", c+1), party.ChiBo, string(party.CellThonTDP), 0)
			}
		}
	}
	on := party.D(2020, time.January, 1)
	err := db.BulkLoad(context.Background(), func(l *store.Loader) error {
		_, err := l.Insert(context.Background(), store.BulkTable{Name: "orgs",
			Cols: []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "cell_type", "created_on", "child_count", "version"},
			Rows: func(yield func([]any) bool) {
				for _, o := range orgs {
					var parent, ct any
					if o.parent != 0 {
						parent = o.parent
					}
					if o.cellType != "" {
						ct = o.cellType
					}
					if !yield([]any{o.id, o.code, string(o.kind), o.name, vntext.Fold(o.name), vntext.TextSortKey(o.name), parent, o.path, o.depth, ct, on, o.kids, int64(1)}) {
						return
					}
				}
			}})
		if err != nil {
			return err
		}
		_, err = l.Insert(context.Background(), store.BulkTable{Name: "org_versions",
			Cols: []string{"org_id", "valid_from", "name", "name_sort", "parent_id", "kind", "cell_type", "change"},
			Rows: func(yield func([]any) bool) {
				for _, o := range orgs {
					var parent, ct any
					if o.parent != 0 {
						parent = o.parent
					}
					if o.cellType != "" {
						ct = o.cellType
					}
					if !yield([]any{o.id, on, o.name, vntext.TextSortKey(o.name), parent, string(o.kind), ct, "create"}) {
						return
					}
				}
			}})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return 1, 2, 3
}
