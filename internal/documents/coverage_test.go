package documents_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chibo/internal/documents"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

func testMsg(m party.Msg) string { return i18n.Msg(i18n.VI, m) }

// bruteCoverage counts, from every member's record and the domain's
// reading of their state (party.StateOn), the members under the
// organization at path a document reaches and those who acknowledged it:
// what the kept aggregates must agree with.
func bruteCoverage(t *testing.T, db *store.DB, doc int64, path string) (members, acked int) {
	t.Helper()
	ctx := context.Background()
	err := db.View(ctx, func(tx *store.Tx) error {
		targets, err := tx.Disseminations(ctx, doc)
		if err != nil {
			return err
		}
		cells, err := tx.SubtreeOrgs(ctx, path, true)
		if err != nil {
			return err
		}
		for _, c := range cells {
			ms, err := tx.MembersOf(ctx, c.ID, false)
			if err != nil {
				return err
			}
			hs, err := tx.Histories(ctx, ms)
			if err != nil {
				return err
			}
			for _, h := range hs {
				st := party.StateOn(h, testfix.Today)
				if !documents.Reaches(targets, c.Path, st.Roles) {
					continue
				}
				members++
				at, err := tx.AckedAt(ctx, doc, h.Member.ID)
				if err != nil {
					return err
				}
				if !at.IsZero() {
					acked++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return members, acked
}

// Coverage down the tree: a district's plan sent to the whole of ward A
// and to the secretaries of the district. Every level's figures, and each
// child's, agree with counting member by member; the children add up to
// their parent.
func TestCoverageAgreesWithCountingMembers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()
		doc, err := s.Create(ctx, store.Actor{Username: "board"}, input(fix.District, "15-KH/QU"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, doc, documents.SendInput{OrgIDs: []int64{fix.WardA}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, doc, documents.SendInput{Roles: []string{"bi_thu"}}); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Nguyễn Văn An", "Lê Văn Ánh", "Phan Thị Thu"} {
			if _, err := s.Acknowledge(ctx, actor, doc, fix.Members[name]); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		for _, org := range []int64{fix.City, fix.District, fix.WardA, fix.WardB, fix.CellA1, fix.CellA2, fix.CellB1} {
			cov, err := s.Coverage(ctx, doc, org)
			if err != nil {
				t.Fatal(err)
			}
			m, a := bruteCoverage(t, db, doc, cov.Org.Path)
			if cov.Members != m || cov.Acknowledged != a {
				t.Errorf("%s: %d/%d acknowledged, counting members gives %d/%d", cov.Org.Name, cov.Acknowledged, cov.Members, a, m)
			}
			sumM, sumA := 0, 0
			for _, k := range cov.Children {
				km, ka := bruteCoverage(t, db, doc, k.Org.Path)
				if k.Members != km || k.Acknowledged != ka {
					t.Errorf("%s › %s: %d/%d, counting gives %d/%d", cov.Org.Name, k.Org.Name, k.Acknowledged, k.Members, ka, km)
				}
				sumM, sumA = sumM+k.Members, sumA+k.Acknowledged
			}
			if len(cov.Children) > 0 && !cov.Org.IsCell() && (sumM != cov.Members || sumA != cov.Acknowledged) {
				t.Errorf("%s: children add up to %d/%d, the total is %d/%d", cov.Org.Name, sumA, sumM, cov.Acknowledged, cov.Members)
			}
			acked, reached, err := func() (a, r int, err error) {
				err = db.View(ctx, func(tx *store.Tx) error {
					a, r, err = documents.AckShare(ctx, tx, cov.Org.Path, doc)
					return err
				})
				return
			}()
			if err != nil || acked != cov.Acknowledged || reached != cov.Members {
				t.Errorf("%s: AckShare %d/%d (%v), coverage %d/%d", cov.Org.Name, acked, reached, err, cov.Acknowledged, cov.Members)
			}
		}
		// A member who moves to ward B takes their acknowledgement along:
		// ward B now counts them only if the document reaches them there.
		if err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			return tx.MoveMember(ctx, fix.Members["Lê Văn Ánh"], fix.CellB1, testfix.Today)
		}); err != nil {
			t.Fatal(err)
		}
		for _, org := range []int64{fix.District, fix.WardA, fix.WardB} {
			cov, err := s.Coverage(ctx, doc, org)
			if err != nil {
				t.Fatal(err)
			}
			if m, a := bruteCoverage(t, db, doc, cov.Org.Path); cov.Members != m || cov.Acknowledged != a {
				t.Errorf("after the transfer, %s: %d/%d, counting gives %d/%d", cov.Org.Name, cov.Acknowledged, cov.Members, a, m)
			}
		}
	})
}

// The share of a period: the documents first sent in it, summed.
func TestAckShareOfAPeriod(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	ctx := context.Background()
	var wardA string
	for i, number := range []string{"21-TB/ĐU", "22-TB/ĐU"} {
		id, err := s.Create(ctx, actor, input(fix.WardA, number), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, id, documents.SendInput{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := s.Acknowledge(ctx, actor, id, fix.Members["Lê Văn Ánh"]); err != nil {
				t.Fatal(err)
			}
		}
	}
	_ = db.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, fix.WardA)
		wardA = o.Path
		return err
	})
	var acked, reached, none int
	err := db.View(ctx, func(tx *store.Tx) error {
		var err error
		month := party.MonthOf(testfix.Today)
		if acked, reached, err = documents.AckShareIn(ctx, tx, wardA, month.First(), month.Last()); err != nil {
			return err
		}
		_, none, err = documents.AckShareIn(ctx, tx, wardA, month.Prev().First(), month.Prev().Last())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := bruteCoverage(t, db, 1, wardA)
	if acked != 1 || reached != 2*m || none != 0 {
		t.Errorf("this month: %d of %d acknowledged (want 1 of %d); the month before reached %d", acked, reached, 2*m, none)
	}
}

// Reminders reach the accounts of those who have not acknowledged, once a
// day however often the button is pressed, and every reminder is recorded.
func TestRemindLandsOncePerDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()
		doc, err := s.Create(ctx, actor, input(fix.WardA, "31-CV/ĐU"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Send(ctx, actor, doc, documents.SendInput{}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Acknowledge(ctx, actor, doc, fix.Members["Lê Văn Ánh"]); err != nil {
			t.Fatal(err)
		}
		// Accounts tied to members of ward A who have not acknowledged:
		// seca1 (Nguyễn Văn An) and seca2 (Lý Văn Mạnh); mema1 has.
		want := map[string]bool{"seca1": true, "seca2": true}
		n, err := s.Remind(ctx, actor, doc, fix.WardA)
		if err != nil || n != len(want) {
			t.Fatalf("reminded %d (%v), want %d", n, err, len(want))
		}
		if n, err := s.Remind(ctx, actor, doc, fix.WardA); err != nil || n != 0 {
			t.Errorf("the same day again reminded %d (%v)", n, err)
		}
		tomorrow := &documents.Service{DB: db, Now: func() time.Time { return testfix.Now().Add(24 * time.Hour) }}
		if n, err := tomorrow.Remind(ctx, actor, doc, fix.WardA); err != nil || n != len(want) {
			t.Errorf("the next day reminded %d (%v)", n, err)
		}
		err = db.View(ctx, func(tx *store.Tx) error {
			for _, u := range []string{"seca1", "seca2", "mema1", "secb1"} {
				ns, err := tx.Notifications(ctx, fix.Users[u], true, 10)
				if err != nil {
					return err
				}
				got := 0
				for _, x := range ns {
					if x.Kind == "document.remind" {
						got++
						if !strings.Contains(testMsg(x.Msg), "31-CV/ĐU") {
							t.Errorf("%s: %q", u, testMsg(x.Msg))
						}
					}
				}
				wantN := 0
				if want[u] {
					wantN = 2
				}
				if got != wantN {
					t.Errorf("%s has %d reminders, want %d", u, got, wantN)
				}
			}
			rs, err := tx.DocReminders(ctx, doc)
			if len(rs) != 3 {
				t.Errorf("%d reminders recorded, want 3", len(rs))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// Files kept in a folder (CHIBO_FILES_DIR) instead of the database: the
// bytes come back the same; a document refused after its file was written
// leaves no file behind.
func TestFilesInAFolder(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	dir := t.TempDir()
	s := &documents.Service{DB: db, Now: testfix.Now, Dir: dir}
	ctx := context.Background()
	id, err := s.Create(ctx, actor, input(fix.WardA, "41-NQ/ĐU"), &documents.Upload{Name: "nq.pdf", Data: pdfBytes})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.OpenFile(ctx, id, 0)
	if err != nil || string(f.Data) != string(pdfBytes) {
		t.Fatalf("read back %q, %v", f.Data, err)
	}
	var inDB int
	_ = db.View(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM document_files WHERE data IS NULL AND path IS NOT NULL`).Scan(&inDB)
	})
	if inDB != 1 {
		t.Errorf("%d files kept by path", inDB)
	}
	other := append([]byte("%PDF-1.4 khác"), 1, 2, 3)
	if _, err := s.Create(ctx, actor, input(fix.WardA, "41-NQ/ĐU"), &documents.Upload{Name: "khac.pdf", Data: other}); party.ErrorCode(err) != party.EConflict {
		t.Fatalf("duplicate number: %v", err)
	}
	files := 0
	_ = filepathWalk(dir, func() { files++ })
	if files != 1 {
		t.Errorf("%d files in the folder, want only the stored one", files)
	}
}

func filepathWalk(dir string, each func()) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			if err := filepathWalk(filepath.Join(dir, e.Name()), each); err != nil {
				return err
			}
		} else {
			each()
		}
	}
	return nil
}

// FuzzSniff: any bytes are told apart without a panic, and an accepted
// type always has its extension.
func FuzzSniff(f *testing.F) {
	for _, seed := range [][]byte{pdfBytes, pngBytes, jpegBytes, exeBytes, zipWith(f, "word/document.xml"), []byte("PK\x03\x04broken"), {}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ct, what := documents.Sniff(data)
		if (ct == "") == (what == "") {
			t.Fatalf("Sniff = %q, %q: exactly one must be set", ct, what)
		}
		if what != "" && !strings.HasPrefix(what, "doc.file_is.") {
			t.Fatalf("what = %q", what)
		}
	})
}
