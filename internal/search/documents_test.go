package search_test

import (
	"context"
	"slices"
	"testing"

	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/quality"
	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

var boardActor = store.Actor{Username: "board"}

// issue records a document of the district committee and sends it to
// the organizations given, for the offices given (none: everyone).
func (w *world) issue(t *testing.T, number, title, summary string, to []int64, roles ...string) int64 {
	t.Helper()
	ctx := context.Background()
	ds := &documents.Service{DB: w.db, Now: testfix.Now}
	id, err := ds.Create(ctx, boardActor, documents.Input{IssuerID: w.fix.District, Number: number, Kind: "ke_hoach", Title: title,
		IssuedOn: party.D(2026, 6, 1), Summary: summary, Tags: []string{"Đại hội XIV"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(to) > 0 {
		if _, err := ds.Send(ctx, boardActor, id, documents.SendInput{OrgIDs: to, Roles: roles}); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// publish publishes a topic of the district committee.
func (w *world) publish(t *testing.T, title, desc, materials string) int64 {
	t.Helper()
	qs := &quality.Service{DB: w.db, Now: testfix.Now}
	id, err := qs.SaveTopic(context.Background(), boardActor, store.Topic{OrgID: w.fix.District, Title: title, Description: desc, Materials: materials, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// sameSet compares results whatever their order: texts of the same day
// come in the order of their keys' hashes (and a topic is dated the day
// it was stored, by the real clock). A text found twice is not the same.
func sameSet(got, want []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want)))
}

// A document reaches those it was sent to: the district's plan sent to
// ward A is found, typed without diacritics, by the cells and members of
// ward A, by ward A's board and by the district's board (once, though it
// is indexed under the district and under the ward), and by no one in
// ward B. One sent to ward B's secretaries only is found by the secretary
// there, not by a member of her cell.
func TestDocumentsFoundWhereTheyWereSent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		plan := w.issue(t, "25-KH/QU", "Kế hoạch học tập, quán triệt Nghị quyết Đại hội XIV của Đảng",
			"Các chi bộ tổ chức học tập, quán triệt nghị quyết trong quý III.", []int64{w.fix.WardA})
		memo := w.issue(t, "26-CV/QU", "Công văn về việc quán triệt nghị quyết cho bí thư chi bộ",
			"Bí thư chi bộ dự hội nghị quán triệt nghị quyết.", []int64{w.fix.WardB}, string(party.BiThu))
		p, m := "document:"+itoa(plan), "document:"+itoa(memo)
		cases := []struct {
			user string
			want []string
		}{
			{"seca1", []string{p}},
			{"seca2", []string{p}},
			{"mema1", []string{p}},
			{"boarda", []string{p}},
			{"board", []string{m, p}},
			{"admin", []string{m, p}},
			{"secb1", []string{m}},
			{"memb1", []string{}}, // sent to the secretaries only
			{"boardb", []string{m}},
		}
		for _, c := range cases {
			res := w.search(t, c.user, "quan triet nghi quyet", search.Options{})
			if got := found(res); !sameSet(got, c.want) {
				t.Errorf("%s finds %v, want %v", c.user, got, c.want)
			}
		}
		// By its number, in a list of one kind.
		res := w.search(t, "seca1", "25-kh", search.Options{Kinds: []string{search.KindDocument}})
		if r, ok := find(res, search.KindDocument); !ok || r.Title != "25-KH/QU — Kế hoạch học tập, quán triệt Nghị quyết Đại hội XIV của Đảng" ||
			r.Date != party.D(2026, 6, 1) || r.OrgID != w.fix.WardA {
			t.Errorf("by number: %+v", res.Items)
		}
		// And by its tags.
		if res := w.search(t, "boarda", "dai hoi xiv", search.Options{Kinds: []string{search.KindDocument}}); !slices.Equal(found(res), []string{p}) {
			t.Errorf("by tag: %v", found(res))
		}
	})
}

// Editing a document replaces its words under every organization it was
// sent to; sending it further makes it found there too.
func TestDocumentsFollowTheirEdits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		id := w.issue(t, "27-KH/QU", "Kế hoạch phòng chống lụt bão năm 2026", "Các chi bộ rà soát hộ dân vùng trũng.", []int64{w.fix.WardA})
		ds := &documents.Service{DB: db, Now: testfix.Now}
		d, err := ds.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		in := documents.Input{Number: d.Document.Number, Kind: d.Document.Kind, Title: "Kế hoạch phòng cháy chữa cháy năm 2026",
			IssuedOn: d.Document.IssuedOn, Summary: d.Document.Summary, Version: d.Document.Version}
		if err := ds.Update(ctx, boardActor, id, in); err != nil {
			t.Fatal(err)
		}
		for _, user := range []string{"seca1", "board"} {
			if res := w.search(t, user, "lut bao", search.Options{}); len(res.Items) != 0 {
				t.Errorf("%s still finds the old title: %v", user, found(res))
			}
			if res := w.search(t, user, "chua chay", search.Options{}); len(res.Items) != 1 {
				t.Errorf("%s does not find the new title: %v", user, found(res))
			}
		}
		if res := w.search(t, "secb1", "chua chay", search.Options{}); len(res.Items) != 0 {
			t.Fatalf("found in ward B before it was sent there: %v", found(res))
		}
		if _, err := ds.Send(ctx, boardActor, id, documents.SendInput{OrgIDs: []int64{w.fix.WardB}}); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "secb1", "chua chay", search.Options{}); len(res.Items) != 1 {
			t.Errorf("not found in ward B once sent there: %v", found(res))
		}
		if res := w.search(t, "board", "chua chay", search.Options{}); len(res.Items) != 1 {
			t.Errorf("the issuer's board finds it %d times: %v", len(res.Items), found(res))
		}
	})
}

// A topic published by the district committee is found by the district's
// board (and the administrators), under the district: the search keeps a
// topic under its publisher. A topic withdrawn is no longer found.
func TestTopicsFoundByTheirPublisher(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id := w.publish(t, "Chuyển đổi số trong sinh hoạt chi bộ", "Ứng dụng công nghệ thông tin trong quản lý đảng viên.",
			"Sổ tay đảng viên điện tử; Hướng dẫn 12-HD/BTGTW.")
		want := []string{"topic:" + itoa(id)}
		cases := []struct {
			user, q string
			want    []string
		}{
			{"board", "chuyen doi so", want},
			{"board", "so tay dang vien", want}, // the suggested materials
			{"admin", "cong nghe thong tin", want},
			{"boarda", "chuyen doi so", []string{}},
		}
		for _, c := range cases {
			res := w.search(t, c.user, c.q, search.Options{Kinds: []string{search.KindTopic}})
			if got := found(res); !slices.Equal(got, c.want) {
				t.Errorf("%s searching %q finds %v, want %v", c.user, c.q, got, c.want)
			}
		}
		if r, ok := find(w.search(t, "board", "chuyen doi so", search.Options{}), search.KindTopic); !ok || r.OrgID != w.fix.District || r.Title != "Chuyển đổi số trong sinh hoạt chi bộ" {
			t.Errorf("topic result %+v", r)
		}
		qs := &quality.Service{DB: db, Now: testfix.Now}
		if _, err := qs.SaveTopic(context.Background(), boardActor, store.Topic{ID: id, OrgID: w.fix.District, Title: "Chuyển đổi số trong sinh hoạt chi bộ"}); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "board", "chuyen doi so", search.Options{}); len(res.Items) != 0 {
			t.Errorf("a withdrawn topic is still found: %v", found(res))
		}
	})
}

// Reindex rebuilds the documents' and topics' texts with the meetings':
// after the index lost them, the same people find them again.
func TestReindexDocumentsAndTopics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		doc := w.issue(t, "28-KH/QU", "Kế hoạch quán triệt nghị quyết về chuyển đổi số", "Học tập trong quý III.", []int64{w.fix.WardA})
		topic := w.publish(t, "Chuyển đổi số trong sinh hoạt chi bộ", "Ứng dụng công nghệ thông tin.", "")
		if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			if err := tx.DeleteSearchDocs(ctx, store.DocDocument, doc); err != nil {
				return err
			}
			return tx.DeleteSearchDocs(ctx, store.DocTopic, topic)
		}); err != nil {
			t.Fatal(err)
		}
		if res := w.search(t, "board", "chuyen doi so", search.Options{}); len(res.Items) != 0 {
			t.Fatalf("still indexed: %v", found(res))
		}
		n, err := w.s.Reindex(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n != 3 { // the document under the district and under ward A, the topic
			t.Errorf("reindexed %d texts, want 3", n)
		}
		cases := []struct {
			user string
			want []string
		}{
			{"seca1", []string{"document:" + itoa(doc)}},
			{"secb1", []string{}},
			{"board", []string{"topic:" + itoa(topic), "document:" + itoa(doc)}},
		}
		for _, c := range cases {
			res := w.search(t, c.user, "chuyen doi so", search.Options{})
			if got := found(res); !sameSet(got, c.want) {
				t.Errorf("after reindex %s finds %v, want %v", c.user, got, c.want)
			}
		}
	})
}
