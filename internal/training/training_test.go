package training_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
	"chibo/internal/training"
)

var actor = store.Actor{Username: "board"}

func service(db *store.DB) *training.Service { return &training.Service{DB: db, Now: testfix.Now} }

func course(org int64) training.Input {
	return training.Input{OrganizerID: org, Title: "Bồi dưỡng nghiệp vụ bí thư chi bộ", StartsOn: party.D(2026, 6, 1), EndsOn: party.D(2026, 6, 3),
		Place: "Trung tâm Chính trị quận", TargetRoles: []string{"bi_thu", "pho_bi_thu"}}
}

func participants(t *testing.T, db *store.DB, id int64) []store.Participant {
	t.Helper()
	var ps []store.Participant
	err := db.View(context.Background(), func(tx *store.Tx) error {
		var err error
		ps, err = tx.Participants(context.Background(), id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// Bad input refused with a message beside the field and nothing stored:
// a course ending before it starts; more participants than the capacity;
// a result code that does not exist; a certificate without a pass; a
// member outside the organizer; a result before the course begins.
func TestBadInputStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()

		backwards := course(fix.District)
		backwards.EndsOn = party.D(2026, 5, 30)
		_, err := s.Create(ctx, actor, backwards)
		e, ok := party.AsError(err)
		if !ok || e.Code != party.EInvalid || !strings.Contains(i18n.Msg(i18n.VI, e.Fields["ends_on"]), "30/05/2026") {
			t.Fatalf("a course ending before it starts: %v", err)
		}

		small := course(fix.District)
		small.Capacity = 2
		id, err := s.Create(ctx, actor, small)
		if err != nil {
			t.Fatal(err)
		}
		three := []training.Entry{{MemberID: fix.Members["Nguyễn Văn An"]}, {MemberID: fix.Members["Lý Văn Mạnh"]}, {MemberID: fix.Members["Phan Thị Thu"]}}
		err = s.SetParticipants(ctx, actor, id, three)
		if e, ok := party.AsError(err); !ok || e.Code != party.ERule || !strings.Contains(i18n.Msg(i18n.VI, e.Msg), "2 học viên") {
			t.Errorf("capacity exceeded: %v", err)
		}
		if n := len(participants(t, db, id)); n != 0 {
			t.Errorf("%d participants stored after a refusal", n)
		}

		cases := []struct {
			name  string
			entry training.Entry
			code  party.Code
			field string
		}{
			{"a result code that does not exist", training.Entry{MemberID: fix.Members["Nguyễn Văn An"], Result: "gioi"}, party.EInvalid, "entries.0.result"},
			{"a certificate without a pass", training.Entry{MemberID: fix.Members["Nguyễn Văn An"], Result: "vang", Certificate: "CN-01"}, party.EInvalid, "entries.0.certificate"},
			{"no member", training.Entry{Result: "dat"}, party.EInvalid, "entries.0.member_id"},
		}
		for _, c := range cases {
			err := s.SetParticipants(ctx, actor, id, []training.Entry{c.entry})
			e, ok := party.AsError(err)
			if !ok || e.Code != c.code {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if _, ok := e.Fields[c.field]; !ok {
				t.Errorf("%s: no message beside %s (%v)", c.name, c.field, e.Fields)
			}
		}

		ward, err := s.Create(ctx, actor, course(fix.WardA))
		if err != nil {
			t.Fatal(err)
		}
		err = s.SetParticipants(ctx, actor, ward, []training.Entry{{MemberID: fix.Members["Nguyễn Văn An"], Result: "dat"}, {MemberID: fix.Members["Phan Thị Thu"]}})
		if e, ok := party.AsError(err); !ok || e.Code != party.ERule || !strings.Contains(i18n.Msg(i18n.VI, e.Msg), "Phan Thị Thu") {
			t.Errorf("a member of ward B in a course of ward A: %v", err)
		}
		if n := len(participants(t, db, ward)); n != 0 {
			t.Errorf("half the list was stored: %d", n)
		}

		later := course(fix.District)
		later.StartsOn, later.EndsOn = testfix.Today.AddDays(5), testfix.Today.AddDays(7)
		future, err := s.Create(ctx, actor, later)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetParticipants(ctx, actor, future, []training.Entry{{MemberID: fix.Members["Nguyễn Văn An"]}}); err != nil {
			t.Errorf("enrolling before the start: %v", err)
		}
		err = s.SetParticipants(ctx, actor, future, []training.Entry{{MemberID: fix.Members["Nguyễn Văn An"], Result: "dat"}})
		if party.ErrorCode(err) != party.ERule {
			t.Errorf("a result before the course begins: %v", err)
		}
	})
}

// Results, certificates and the member's history.
func TestResultsAndHistory(t *testing.T) {
	db := storetest.NewSQLite(t)
	fix := testfix.New(t, db)
	s := service(db)
	ctx := context.Background()
	id, err := s.Create(ctx, actor, course(fix.District))
	if err != nil {
		t.Fatal(err)
	}
	an, manh := fix.Members["Nguyễn Văn An"], fix.Members["Lý Văn Mạnh"]
	err = s.SetParticipants(ctx, actor, id, []training.Entry{{MemberID: an, Result: "dat", Certificate: "125/GCN-TTCT"}, {MemberID: manh, Result: "vang"}})
	if err != nil {
		t.Fatal(err)
	}
	ps := participants(t, db, id)
	if len(ps) != 2 {
		t.Fatalf("%d participants", len(ps))
	}
	for _, p := range ps {
		if p.MemberID == an && (!p.Attended || p.Result != "dat" || p.Certificate != "125/GCN-TTCT") {
			t.Errorf("An: %+v", p)
		}
		if p.MemberID == manh && (p.Attended || p.Result != "vang") {
			t.Errorf("Mạnh: %+v", p)
		}
	}
	hist, err := s.History(ctx, an)
	if err != nil || len(hist) != 1 || hist[0].Course.ID != id || hist[0].Result != "dat" {
		t.Errorf("history %+v, %v", hist, err)
	}
	// Removing a participant.
	if err := s.SetParticipants(ctx, actor, id, []training.Entry{{MemberID: manh, Remove: true}}); err != nil {
		t.Fatal(err)
	}
	if n := len(participants(t, db, id)); n != 1 {
		t.Errorf("%d participants after removing one", n)
	}
}

// officersByStateOn reads, member by member, who holds an office today
// (party.StateOn), and whether they passed any course: what the SQL of
// the untrained list must agree with.
func officersByStateOn(t *testing.T, db *store.DB, path string, roles []party.CellRole) (officers, untrained []int64) {
	t.Helper()
	ctx := context.Background()
	err := db.View(ctx, func(tx *store.Tx) error {
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
				if !slices.ContainsFunc(roles, st.HasRole) {
					continue
				}
				officers = append(officers, h.Member.ID)
				recs, err := tx.TrainingHistory(ctx, h.Member.ID)
				if err != nil {
					return err
				}
				if !slices.ContainsFunc(recs, func(r store.TrainingRecord) bool { return r.Result == "dat" }) {
					untrained = append(untrained, h.Member.ID)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(officers)
	slices.Sort(untrained)
	return officers, untrained
}

// "Who is still untrained among current secretaries and committee
// members": the list agrees with reading every member's state today, an
// office that ended or a member who left no longer counts, and the
// indicator "share of secretaries trained" counts the period's passes.
func TestUntrainedAgreesWithStateOn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fix := testfix.New(t, db)
		s := service(db)
		ctx := context.Background()
		// A committee member whose office ended, another just elected.
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			id, err := tx.InsertRole(ctx, party.RoleSpan{MemberID: fix.Members["Vũ Thị Hà"], OrgID: fix.CellA1, Role: party.ChiUyVien, From: party.D(2021, 1, 1)})
			if err != nil {
				return err
			}
			if err := tx.EndRole(ctx, id, party.D(2025, 12, 31)); err != nil {
				return err
			}
			_, err = tx.InsertRole(ctx, party.RoleSpan{MemberID: fix.Members["Đỗ Văn Đức"], OrgID: fix.CellA1, Role: party.ChiUyVien, From: party.D(2026, 1, 1)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		id, err := s.Create(ctx, actor, course(fix.District))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetParticipants(ctx, actor, id, []training.Entry{{MemberID: fix.Members["Nguyễn Văn An"], Result: "dat"},
			{MemberID: fix.Members["Lý Văn Mạnh"], Result: "khong_dat"}}); err != nil {
			t.Fatal(err)
		}
		officerRoles := []party.CellRole{party.BiThu, party.PhoBiThu, party.ChiUyVien}
		for _, org := range []int64{fix.District, fix.WardA, fix.CellA1, fix.WardB} {
			u, err := s.Untrained(ctx, org, testfix.Today)
			if err != nil {
				t.Fatal(err)
			}
			wantOfficers, wantUntrained := officersByStateOn(t, db, u.Org.Path, officerRoles)
			var got []int64
			for _, p := range u.People {
				got = append(got, p.MemberID)
			}
			slices.Sort(got)
			if u.Officers != len(wantOfficers) || !slices.Equal(got, wantUntrained) {
				t.Errorf("%s: %d officers, untrained %v; reading each member gives %d, %v", u.Org.Name, u.Officers, got, len(wantOfficers), wantUntrained)
			}
			sum := 0
			for _, k := range u.Children {
				sum += k.Untrained
			}
			if len(u.Children) > 0 && sum != u.OrgTraining.Untrained {
				t.Errorf("%s: children add up to %d untrained, total %d", u.Org.Name, sum, u.OrgTraining.Untrained)
			}
		}
		var district string
		_ = db.View(ctx, func(tx *store.Tx) error {
			o, err := tx.Org(ctx, fix.District)
			district = o.Path
			return err
		})
		secretaries, _ := officersByStateOn(t, db, district, []party.CellRole{party.BiThu})
		share := func(from, to party.Date) (int, int) {
			var trained, total int
			err := db.View(ctx, func(tx *store.Tx) error {
				var err error
				trained, total, err = training.SecretariesTrainedShare(ctx, tx, district, from, to)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return trained, total
		}
		if trained, total := share(party.D(2026, 1, 1), testfix.Today); trained != 1 || total != len(secretaries) {
			t.Errorf("2026 so far: %d of %d secretaries trained, want 1 of %d", trained, total, len(secretaries))
		}
		if trained, total := share(party.D(2025, 1, 1), party.D(2025, 12, 31)); trained != 0 || total != len(secretaries) {
			t.Errorf("2025: %d of %d trained, want 0 of %d", trained, total, len(secretaries))
		}
	})
}
