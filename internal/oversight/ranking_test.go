package oversight_test

import (
	"context"
	"testing"

	"chibo/internal/oversight"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// DOMAIN.md §10: "rank units by a transparent score from the period's
// data". The score and each of its parts, for cases a board would know.
func TestScoreShowsItsParts(t *testing.T) {
	w := oversight.DefaultWeights // 40 on time, 20 thematic, 25 attendance, 15 Tốt, 10 formalism
	for _, tc := range []struct {
		name   string
		t      oversight.Totals
		score  float64
		known  bool
		points [4]float64
	}{
		{"a perfect half year", oversight.Totals{OnTime: 6, Present: 60, Required: 60, Tot: 6, ThematicHeld: 2}, 100, true, [4]float64{40, 20, 25, 15}},
		{"two months missed", oversight.Totals{OnTime: 4, Missing: 2, Present: 40, Required: 50, Tot: 2, ThematicHeld: 1, ThematicMissing: 1},
			// 40×4/6 + 20×1/2 + 25×0.8 + 15×2/4 = 26.67 + 10 + 20 + 7.5
			64.2, true, [4]float64{26.7, 10, 20, 7.5}},
		{"no quarter due yet: its weight is left out", oversight.Totals{OnTime: 3, Present: 30, Required: 30, Tot: 0, ThematicNotDue: 1},
			// (40 + 25 + 0) ÷ 80 × 100
			81.3, true, [4]float64{50, 0, 31.3, 0}},
		{"formalism flags take points off", oversight.Totals{OnTime: 4, Present: 40, Required: 40, Tot: 4, ThematicHeld: 1, Flags: 2},
			100 - 10*0.5, true, [4]float64{40, 20, 25, 15}},
		{"more flags than meetings take the whole weight", oversight.Totals{OnTime: 1, Present: 10, Required: 10, Tot: 1, ThematicHeld: 1, Flags: 5},
			90, true, [4]float64{40, 20, 25, 15}},
		{"nothing fell due: no score", oversight.Totals{NotDue: 1}, 0, false, [4]float64{}},
	} {
		sc := oversight.ScoreOf(tc.t, w)
		if sc.Known != tc.known || sc.Value != tc.score {
			t.Errorf("%s: score %.1f (known %v), want %.1f (%v)", tc.name, sc.Value, sc.Known, tc.score, tc.known)
		}
		for i, p := range sc.Parts {
			if p.Points != tc.points[i] {
				t.Errorf("%s: part %s gives %.1f points, want %.1f", tc.name, p.Key, p.Points, tc.points[i])
			}
		}
	}
}

// Issue 5, bad input: "weights outside their range … a clear message".
func TestWeightsOutsideTheirRangeAreRefused(t *testing.T) {
	for _, tc := range []struct {
		w     oversight.Weights
		field string
		key   string
	}{
		{oversight.Weights{OnTime: 120, Thematic: 20, Attendance: 25, Tot: 15, Flags: 10}, "on_time", "oversight.weights.range"},
		{oversight.Weights{OnTime: 40, Thematic: -1, Attendance: 25, Tot: 15, Flags: 10}, "thematic", "oversight.weights.range"},
		{oversight.Weights{OnTime: 40, Thematic: 20, Attendance: 25, Tot: 15, Flags: 60}, "flags", "oversight.weights.range"},
		{oversight.Weights{Flags: 10}, "on_time", "oversight.weights.all_zero"},
	} {
		e, ok := party.AsError(tc.w.Validate())
		if !ok || e.Code != party.EInvalid || e.Fields[tc.field].Key != tc.key {
			t.Errorf("%+v: %v", tc.w, e)
		}
	}
	if err := oversight.DefaultWeights.Validate(); err != nil {
		t.Errorf("defaults refused: %v", err)
	}
}

func TestRankingOrdersUnitsAndWeightsAreStoredPerCommittee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := springFixture(t, db)
		rk, err := e.ov.Ranking(ctx, e.f.WardA, spring())
		if err != nil {
			t.Fatal(err)
		}
		if len(rk.Units) != 2 || rk.Units[0].Org.ID != e.f.CellA1 || rk.Units[0].Rank != 1 || rk.Units[1].Rank != 2 {
			t.Fatalf("ward A ranking: %+v", rk.Units)
		}
		// A2 held nothing on time: its on-time part gives nothing.
		if p := rk.Units[1].Score.Parts[0]; p.Rate.Value != 0 || p.Points != 0 || !p.Rate.Known {
			t.Errorf("A2 on time part %+v", p)
		}
		// The district's board sets weights; the ward below inherits them.
		w := oversight.Weights{OnTime: 100, Flags: 0}
		if err := e.ov.SetWeights(ctx, actor, e.f.District, w); err != nil {
			t.Fatal(err)
		}
		got, from, err := e.ov.WeightsOf(ctx, e.f.WardA)
		if err != nil || got != w || from != e.f.District {
			t.Errorf("ward A weights %+v from %d (%v)", got, from, err)
		}
		rk, _ = e.ov.Ranking(ctx, e.f.WardA, spring())
		if rk.Units[0].Score.Value != 100 {
			t.Errorf("A1 with on time only: %.1f", rk.Units[0].Score.Value)
		}
		// A cell has no units to rank: no weights of its own.
		if err := e.ov.SetWeights(ctx, actor, e.f.CellA1, w); party.ErrorCode(err) != party.ERule {
			t.Errorf("weights for a cell: %v", err)
		}
	})
}

// DOMAIN.md §8: "Hoàn thành xuất sắc nhiệm vụ (≥ 90 points) … The
// software proposes a cell's rating from the year's data; people decide",
// with the "excellent" cap as a setting.
func TestRatingProposalsCapExcellentAndPeopleConfirm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := springFixture(t, db)
		// The district judges by regularity alone: A1, always on time,
		// scores 100; A2 none.
		if err := e.ov.SetWeights(ctx, actor, e.f.District, oversight.Weights{OnTime: 1}); err != nil {
			t.Fatal(err)
		}
		rt, err := e.ov.Ratings(ctx, e.f.WardA, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(rt.Cells) != 2 || !rt.Partial {
			t.Fatalf("ward A proposals %+v", rt)
		}
		byID := map[int64]oversight.Proposal{}
		for _, p := range rt.Cells {
			byID[p.Unit.Org.ID] = p
		}
		if p := byID[e.f.CellA2]; p.Score.Value != 0 || p.Proposed != party.KhongHoanThanh {
			t.Errorf("A2: %s for %.1f", p.Proposed, p.Score.Value)
		}
		// A1 scores 100, but one excellent cell among the one rated good or
		// better is above the 20% cap: it is proposed "good", and says why.
		if p := byID[e.f.CellA1]; p.Score.Value != 100 || !p.Capped || p.Proposed != party.HoanThanhTot {
			t.Errorf("A1 (%.1f): %s, capped %v", p.Score.Value, p.Proposed, p.Capped)
		}
		_ = db.Update(ctx, store.System, func(tx *store.Tx) error { return tx.PutSetting(ctx, oversight.SettingExcellentCap, "100") })
		rt, _ = e.ov.Ratings(ctx, e.f.WardA, 2026)
		for _, p := range rt.Cells {
			if p.Unit.Org.ID == e.f.CellA1 && (p.Capped || p.Proposed != party.HoanThanhXuatSac) {
				t.Errorf("A1 under a 100%% cap: %s, capped %v", p.Proposed, p.Capped)
			}
		}
		// People decide, and the decision is kept with the proposal.
		if err := e.ov.ConfirmRating(ctx, actor, e.f.CellA2, 2026, party.HoanThanh, "Đã kiểm điểm, khắc phục"); err != nil {
			t.Fatal(err)
		}
		rt, _ = e.ov.Ratings(ctx, e.f.WardA, 2026)
		for _, p := range rt.Cells {
			if p.Unit.Org.ID == e.f.CellA2 && (p.Confirmed == nil || p.Confirmed.Rating != party.HoanThanh || p.Confirmed.Proposed != p.Proposed) {
				t.Errorf("A2 confirmed %+v (proposed %s)", p.Confirmed, p.Proposed)
			}
		}
		for _, bad := range []struct {
			cell   int64
			year   int
			rating party.YearRating
			code   party.Code
		}{
			{e.f.CellA2, 2026, "xuat_sac", party.EInvalid},
			{e.f.CellA2, 2031, party.HoanThanh, party.EInvalid},
			{e.f.WardA, 2026, party.HoanThanh, party.ERule},
		} {
			if err := e.ov.ConfirmRating(ctx, actor, bad.cell, bad.year, bad.rating, ""); party.ErrorCode(err) != bad.code {
				t.Errorf("confirm %+v: %v", bad, err)
			}
		}
	})
}
