package store_test

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"chibo/internal/party"
	"chibo/internal/searchq"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// searchTree is a ward with two cells and a second ward with one, made
// directly in the store.
type searchTree struct {
	ward, cellA, cellB, ward2, cellC int64
	paths                            map[int64]string
}

func newSearchTree(t *testing.T, db *store.DB) searchTree {
	t.Helper()
	ctx := context.Background()
	st := searchTree{paths: map[int64]string{}}
	err := db.Update(ctx, store.System, func(tx *store.Tx) error {
		add := func(code, name string, kind party.OrgKind, parent int64) (int64, error) {
			ct := party.CellType("")
			if kind == party.ChiBo {
				ct = party.CellThonTDP
			}
			id, err := tx.InsertOrg(ctx, store.NewOrg{Code: code, Name: name, Kind: kind, CellType: ct, ParentID: parent, On: party.D(2020, 1, 1)})
			if err != nil {
				return 0, err
			}
			o, err := tx.Org(ctx, id)
			st.paths[id] = o.Path
			return id, err
		}
		var err error
		if st.ward, err = add("BD", "Đảng bộ phường Bồ Đề", party.DangBoCoSo, 0); err != nil {
			return err
		}
		if st.cellA, err = add("BD-5", "Chi bộ tổ dân phố số 5", party.ChiBo, st.ward); err != nil {
			return err
		}
		if st.cellB, err = add("BD-6", "Chi bộ tổ dân phố số 6", party.ChiBo, st.ward); err != nil {
			return err
		}
		if st.ward2, err = add("GT", "Đảng bộ phường Gia Thụy", party.DangBoCoSo, 0); err != nil {
			return err
		}
		st.cellC, err = add("GT-1", "Chi bộ trường tiểu học Gia Thụy", party.ChiBo, st.ward2)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func (st searchTree) doc(kind string, ref int64, org int64, date party.Date, body string) store.SearchDoc {
	return store.SearchDoc{Kind: kind, RefID: ref, MeetingID: ref, OrgID: org, Scope: st.paths[org], Date: date, Body: body}
}

func put(t *testing.T, db *store.DB, docs ...store.SearchDoc) {
	t.Helper()
	ctx := context.Background()
	err := db.Update(ctx, store.System, func(tx *store.Tx) error {
		for _, d := range docs {
			if err := tx.PutSearchDoc(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func search(t *testing.T, db *store.DB, q, scope string, kinds ...string) []store.SearchHit {
	t.Helper()
	p := searchPage(t, db, store.SearchQuery{Match: mustParse(t, q), Scope: scope, Kinds: kinds, Limit: 50})
	return p.Hits
}

func searchPage(t *testing.T, db *store.DB, sq store.SearchQuery) store.SearchPage {
	t.Helper()
	ctx := context.Background()
	var p store.SearchPage
	err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		p, err = tx.SearchDocs(ctx, sq)
		return err
	})
	if err != nil {
		t.Fatalf("search %+v: %v", sq, err)
	}
	return p
}

func mustParse(t *testing.T, q string) searchq.Query {
	t.Helper()
	pq, err := searchq.Parse(q)
	if err != nil {
		t.Fatalf("Parse(%q): %v", q, err)
	}
	return pq
}

func refs(hits []store.SearchHit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s%d", h.Kind[:1], h.RefID))
	}
	return out
}

// The words of the search box find the texts whatever their diacritics,
// on both engines: the index holds searchq.IndexText and the query is
// searchq's FTS5() or TSQuery().
func TestSearchFindsFoldedWords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		st := newSearchTree(t, db)
		put(t, db,
			st.doc(store.DocResolution, 1, st.cellA, party.D(2025, 6, 5), "Chi bộ đề nghị Đảng ủy phường xem xét kết nạp quần chúng Vũ Ngọc Anh vào Đảng."),
			st.doc(store.DocMinutes, 2, st.cellA, party.D(2025, 7, 5), "Chi bộ tổ chức sinh hoạt thường kỳ; đồng chí Bí thư chủ trì."),
			st.doc(store.DocSpeech, 3, st.cellB, party.D(2025, 8, 5), "Đề nghị tăng cường tuần tra ban đêm; kinh phí 1.250.000 đồng."),
			st.doc(store.DocMinutes, 4, st.cellC, party.D(2025, 9, 5), "Sinh hoạt chuyên đề về chuyển đổi số; đang triển khai phần mềm."),
			st.doc(store.DocSpeech, 5, st.cellC, party.D(2025, 10, 5), "ĐẢNG VIÊN phải gương mẫu; tự phê bình và phê bình nghiêm túc."),
		)
		cases := []struct {
			name, q string
			want    []string
		}{
			{"dang finds Đảng, ĐẢNG and đang, most recent first", "dang", []string{"s5", "m4", "r1"}},
			{"sinh hoat finds sinh hoạt", "sinh hoat", []string{"m4", "m2"}},
			{"typed with diacritics finds the same", "sinh hoạt", []string{"m4", "m2"}},
			{"a phrase needs its words in order", `"dang uy phuong"`, []string{"r1"}},
			{"a phrase in the wrong order finds nothing", `"phuong dang uy"`, []string{}},
			{"a prefix", "chuyê*", []string{"m4"}},
			{"a one-letter prefix", "đ*", []string{"s5", "m4", "s3", "m2", "r1"}},
			{"a prefix phrase", `"kết n*"`, []string{"r1"}},
			{"an excluded word", "dang -vien", []string{"m4", "r1"}},
			{"an excluded phrase", `phe binh -"tu phe binh"`, []string{}},
			{"a number with dots", "1.250.000", []string{"s3"}},
			{"every word must be there", "dang tuan", []string{}},
			{"a name", "vu ngoc anh", []string{"r1"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if got := refs(search(t, db, c.q, "/")); !slices.Equal(got, c.want) {
					t.Errorf("%q found %v, want %v", c.q, got, c.want)
				}
			})
		}
	})
}

// A search within an organization finds its subtree's texts only; the
// kinds filter keeps the kinds asked for. The scope is a token of the
// index, never a word a user can type: a word like "o5" finds nothing.
func TestSearchScopeAndKinds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		st := newSearchTree(t, db)
		d := party.D(2025, 6, 5)
		put(t, db,
			st.doc(store.DocMinutes, 1, st.cellA, d, "Biên bản chi bộ số 5"),
			st.doc(store.DocResolution, 2, st.cellA, d, "Nghị quyết chi bộ số 5"),
			st.doc(store.DocMinutes, 3, st.cellB, d, "Biên bản chi bộ số 6"),
			st.doc(store.DocMinutes, 4, st.cellC, d, "Biên bản chi bộ trường"),
		)
		sorted := func(h []store.SearchHit) []string { r := refs(h); slices.Sort(r); return r }
		if got := sorted(search(t, db, "chi bo", st.paths[st.cellA])); !slices.Equal(got, []string{"m1", "r2"}) {
			t.Errorf("cell A sees %v", got)
		}
		if got := sorted(search(t, db, "chi bo", st.paths[st.ward])); !slices.Equal(got, []string{"m1", "m3", "r2"}) {
			t.Errorf("ward sees %v", got)
		}
		if got := sorted(search(t, db, "chi bo", st.paths[st.ward2])); !slices.Equal(got, []string{"m4"}) {
			t.Errorf("ward 2 sees %v", got)
		}
		if got := sorted(search(t, db, "chi bo", "/")); len(got) != 4 {
			t.Errorf("the whole tree sees %v", got)
		}
		if got := sorted(search(t, db, "chi bo", st.paths[st.ward], store.DocResolution)); !slices.Equal(got, []string{"r2"}) {
			t.Errorf("resolutions of the ward: %v", got)
		}
		if got := sorted(search(t, db, "chi bo", "/", store.DocResolution, store.DocMinutes)); len(got) != 4 {
			t.Errorf("two kinds: %v", got)
		}
		for _, word := range []string{fmt.Sprintf("o%d", st.cellA), fmt.Sprintf("k%s", store.DocMinutes), "minutes", "meta"} {
			if got := search(t, db, word, "/"); len(got) != 0 {
				t.Errorf("the word %q found %v: index tokens leak into the words", word, refs(got))
			}
		}
	})
}

// Pages follow each other most recent first, without repeats or gaps,
// through the cursor (the last key), even when many texts share a day.
func TestSearchPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		st := newSearchTree(t, db)
		var docs []store.SearchDoc
		for i := range 45 {
			docs = append(docs, st.doc(store.DocSpeech, int64(i+1), st.cellA, party.D(2025, 1, 1).AddDays(i/3), fmt.Sprintf("Ý kiến số %d về đảng phí", i+1)))
		}
		put(t, db, docs...)
		var seen []string
		var before int64
		var dates []party.Date
		for pages := 0; ; pages++ {
			p := searchPage(t, db, store.SearchQuery{Match: mustParse(t, "dang phi"), Scope: "/", Limit: 20, Before: before})
			for _, h := range p.Hits {
				seen = append(seen, fmt.Sprint(h.RefID))
				dates = append(dates, h.Date)
			}
			if p.Next == 0 {
				if pages != 2 {
					t.Errorf("%d pages, want 3", pages+1)
				}
				break
			}
			before = p.Next
		}
		if len(seen) != 45 || len(slices.Compact(slices.Sorted(slices.Values(seen)))) != 45 {
			t.Errorf("pages gave %d texts (%d distinct), want 45", len(seen), len(slices.Compact(slices.Sorted(slices.Values(seen)))))
		}
		if !slices.IsSortedFunc(dates, func(a, b party.Date) int { return b.Compare(a) }) {
			t.Errorf("not most recent first: %v", dates)
		}
	})
}

// Replacing a text replaces its words; deleting removes it; an unchanged
// text keeps its key.
func TestSearchReplaceAndDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st := newSearchTree(t, db)
		d := st.doc(store.DocMinutes, 7, st.cellA, party.D(2025, 6, 5), "Bàn về vệ sinh môi trường")
		put(t, db, d)
		key := search(t, db, "ve sinh", "/")[0].Key
		put(t, db, d)
		if got := search(t, db, "ve sinh", "/"); len(got) != 1 || got[0].Key != key {
			t.Errorf("unchanged text reindexed: %v", got)
		}
		d.Body = "Bàn về an ninh trật tự"
		put(t, db, d)
		if got := search(t, db, "ve sinh", "/"); len(got) != 0 {
			t.Errorf("old words still found: %v", refs(got))
		}
		if got := search(t, db, "an ninh", "/"); len(got) != 1 || got[0].Body != d.Body {
			t.Errorf("new words not found: %v", got)
		}
		sp := st.doc(store.DocSpeech, 7, st.cellA, party.D(2025, 6, 5), "An ninh là trên hết")
		sp.Part = 1
		put(t, db, sp)
		err := db.Update(ctx, store.System, func(tx *store.Tx) error { return tx.DeleteMeetingSearchDocs(ctx, 7) })
		if err != nil {
			t.Fatal(err)
		}
		if got := search(t, db, "an ninh", "/"); len(got) != 0 {
			t.Errorf("deleted meeting's texts still found: %v", refs(got))
		}
	})
}

// When an organization moves, the check against its current path hides
// its texts from the old parents at once, and rescoping makes them
// findable from the new ones.
func TestSearchAfterAMove(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st := newSearchTree(t, db)
		put(t, db, st.doc(store.DocMinutes, 1, st.cellA, party.D(2025, 6, 5), "Chi bộ chuyển về phường mới"))
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			return tx.ApplyOrgChange(ctx, store.OrgChange{OrgID: st.cellA, Change: "move", On: party.D(2026, 1, 1), ParentID: st.ward2})
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := search(t, db, "phuong moi", st.paths[st.ward]); len(got) != 0 {
			t.Errorf("the old ward still sees the moved cell's minutes: %v", refs(got))
		}
		err = db.Update(ctx, store.System, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, st.cellA)
			if err != nil {
				return err
			}
			return tx.ReindexSearchScope(ctx, o.Path)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := search(t, db, "phuong moi", st.paths[st.ward2]); len(got) != 1 {
			t.Errorf("the new ward does not see the moved cell's minutes: %v", refs(got))
		}
	})
}

// Bulk indexing (the demo, `chibo reindex`) gives the same answers as
// indexing one by one, replaces what it is told to, and undoes everything
// on an error.
func TestBulkIndex(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st := newSearchTree(t, db)
		put(t, db, st.doc(store.DocMinutes, 1, st.cellA, party.D(2024, 1, 5), "Văn bản cũ về thu gom rác"),
			st.doc(store.DocDocument, 99, st.cellA, party.D(2024, 1, 5), "Công văn về thu gom rác"))
		docs := func(n int, fail error) iter.Seq2[store.SearchDoc, error] {
			return func(yield func(store.SearchDoc, error) bool) {
				for i := range n {
					org := []int64{st.cellA, st.cellB, st.cellC}[i%3]
					// Many texts on one day: keys must not collide.
					if !yield(st.doc(store.DocMinutes, int64(i+1), org, party.D(2025, 3, 1), fmt.Sprintf("Biên bản số %d: thu gom rác thải", i+1)), nil) {
						return
					}
				}
				if fail != nil {
					yield(store.SearchDoc{}, fail)
				}
			}
		}
		if _, err := db.BulkIndex(ctx, docs(10, fmt.Errorf("reading failed")), store.BulkIndexOptions{}); err == nil || !strings.Contains(err.Error(), "reading failed") {
			t.Fatalf("bulk index with a failing source: %v", err)
		}
		if got := search(t, db, "rac thai", "/"); len(got) != 0 {
			t.Fatalf("a failed load left %d texts", len(got))
		}
		var progress int
		n, err := db.BulkIndex(ctx, docs(3000, nil), store.BulkIndexOptions{ReplaceKinds: []string{store.DocMinutes}, Progress: func(d int) { progress = d }})
		if err != nil {
			t.Fatal(err)
		}
		if n != 3000 || progress != 3000 {
			t.Errorf("indexed %d, progress %d, want 3000", n, progress)
		}
		if got := search(t, db, "cu", "/"); len(got) != 0 {
			t.Errorf("replaced kind still has its old text: %v", refs(got))
		}
		if got := search(t, db, "cong van", "/"); len(got) != 1 {
			t.Errorf("another kind was not kept: %v", refs(got))
		}
		p := searchPage(t, db, store.SearchQuery{Match: mustParse(t, `"so 3000"`), Scope: st.paths[st.cellC], Limit: 10})
		if len(p.Hits) != 1 || p.Hits[0].RefID != 3000 {
			t.Errorf("text 3000 in cell C: %v", refs(p.Hits))
		}
		var count int
		err = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM search_docs`).Scan(&count)
		})
		if err != nil || count != 3001 {
			t.Errorf("%d rows (%v), want 3001", count, err)
		}
		// Bulk into an index that already holds the texts replaces them.
		if _, err := db.BulkIndex(ctx, docs(3, nil), store.BulkIndexOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := search(t, db, `"so 2"`, "/"); len(got) != 1 {
			t.Errorf("text 2 twice after a second load: %v", refs(got))
		}
		// A rebuild in batches (serve --demo, while the server answers)
		// ends with the same index as one in a single transaction.
		n, err = db.BulkIndex(ctx, docs(2000, nil), store.BulkIndexOptions{ReplaceKinds: []string{store.DocMinutes}, Batch: 700, Progress: func(d int) { progress = d }})
		if err != nil || n != 2000 || progress != 2000 {
			t.Fatalf("batched rebuild: %d texts, progress %d, %v", n, progress, err)
		}
		err = db.View(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT count(*) FROM search_docs`).Scan(&count)
		})
		if err != nil || count != 2001 {
			t.Errorf("after the batched rebuild %d rows (%v), want 2001", count, err)
		}
		if p := searchPage(t, db, store.SearchQuery{Match: mustParse(t, `"so 1999"`), Scope: st.paths[st.cellA], Limit: 10}); len(p.Hits) != 1 {
			t.Errorf("text 1999 after the batched rebuild: %v", refs(p.Hits))
		}
	})
}

// Member names are found as whole words, diacritics optional, within the
// scope.
func TestSearchMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st := newSearchTree(t, db)
		names := map[string]int64{"Nguyễn Văn An": st.cellA, "Trần Văn Anh": st.cellA, "Đặng Thị Thanh": st.cellB, "Lê Đăng Khoa": st.cellC}
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			for n, org := range names {
				if _, err := tx.InsertMember(ctx, party.Member{OrgID: org, FullName: n, JoinedOn: party.D(2000, 1, 1)}, party.D(2000, 1, 1)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		find := func(q, scope string) []string {
			var out []string
			err := db.View(ctx, func(tx *store.Tx) error {
				hits, err := tx.SearchMembers(ctx, scope, mustParse(t, q), 10)
				for _, h := range hits {
					out = append(out, h.FullName)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		cases := []struct {
			q, scope string
			want     []string
		}{
			{"van an", "/", []string{"Nguyễn Văn An"}},
			{"an*", "/", []string{"Nguyễn Văn An", "Trần Văn Anh"}},
			{"dang", "/", []string{"Lê Đăng Khoa", "Đặng Thị Thanh"}},
			{"dang", st.paths[st.ward], []string{"Đặng Thị Thanh"}},
			{"van -anh", "/", []string{"Nguyễn Văn An"}},
			{`"van anh"`, st.paths[st.ward2], nil},
		}
		for _, c := range cases {
			if got := find(c.q, c.scope); !slices.Equal(got, c.want) {
				t.Errorf("members %q in %s: %v, want %v", c.q, c.scope, got, c.want)
			}
		}
	})
}

// However rare or common the words, a search returns exactly the newest
// matching texts of its scope: on PostgreSQL this takes the windows of
// newest texts and the GIN index in turn (search_postgres.go), on SQLite
// FTS5 alone; both must agree with searchq's own matching.
func TestSearchAgreesWithMatchesAtEveryDensity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st := newSearchTree(t, db)
		const n = 3000
		body := func(i int) string {
			s := fmt.Sprintf("Văn bản số %d của chi bộ", i)
			if i%2 == 0 {
				s += " về đảng phí"
			}
			if i%97 == 0 {
				s += " và kết nạp đảng viên"
			}
			if i == 7 || i == 11 {
				s += " khen thưởng hiếm hoi"
			}
			return s
		}
		orgOf := func(i int) int64 { return []int64{st.cellA, st.cellB, st.cellC}[i%3] }
		docs := func(yield func(store.SearchDoc, error) bool) {
			for i := range n {
				if !yield(st.doc(store.DocMinutes, int64(i+1), orgOf(i), party.D(2023, 1, 1).AddDays(i/3), body(i)), nil) {
					return
				}
			}
		}
		if _, err := db.BulkIndex(ctx, docs, store.BulkIndexOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ q, scope string }{
			{"dang phi", "/"}, {"ket nap", "/"}, {"hiem hoi", "/"}, {"khong co", "/"},
			{"dang phi", st.paths[st.ward]}, {"ket nap", st.paths[st.ward]}, {"hiem hoi", st.paths[st.ward]},
			{"ket nap", st.paths[st.cellB]}, {"chi bo -dang", st.paths[st.cellC]}, {"van*", st.paths[st.ward2]},
		} {
			q := mustParse(t, c.q)
			// The newest 20 matching texts: texts of one day come in key
			// order, so compare the days, and the texts above the last day.
			var want []party.Date
			wantIDs := map[int64]bool{}
			for i := n - 1; i >= 0 && len(want) < 20; i-- {
				if strings.HasPrefix(st.paths[orgOf(i)], c.scope) && q.Matches(body(i)) {
					want = append(want, party.D(2023, 1, 1).AddDays(i/3))
					wantIDs[int64(i+1)] = true
				}
			}
			p := searchPage(t, db, store.SearchQuery{Match: q, Scope: c.scope, Limit: 20})
			var got []party.Date
			for _, h := range p.Hits {
				got = append(got, h.Date)
				if len(want) > 0 && h.Date != want[len(want)-1] && !wantIDs[h.RefID] {
					t.Errorf("%q in %s: text %d is not among the newest matches", c.q, c.scope, h.RefID)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q in %s: days %v, want %v", c.q, c.scope, got, want)
			}
		}
	})
}

// Minutes pasted from a whole book still save and are found by their
// first words; the original is kept whole.
func TestSearchHugeText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		st := newSearchTree(t, db)
		var b strings.Builder
		b.WriteString("Mở đầu về phòng chống thiên tai. ")
		for i := 0; b.Len() < 2<<20; i++ {
			fmt.Fprintf(&b, "Đoạn %d: chi bộ bàn về công tác đảng viên và sinh hoạt thường kỳ. ", i)
		}
		b.WriteString("Kết thúc bằng từ cuốicùng.")
		d := st.doc(store.DocMinutes, 1, st.cellA, party.D(2025, 6, 5), b.String())
		put(t, db, d)
		hits := search(t, db, "thien tai", "/")
		if len(hits) != 1 || len(hits[0].Body) != len(d.Body) {
			t.Fatalf("huge minutes: %d hits", len(hits))
		}
	})
}
