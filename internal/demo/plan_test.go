package demo

import (
	"context"
	"testing"

	"chibo/internal/party"
	"chibo/internal/plans"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
	"chibo/internal/testfix"
)

// The demo's plan, modelled on Project 11: the city committee's, a
// five-year roadmap around today, targets for the indicators the system
// measures, the organizations under the city responsible.
func TestSeedPlan(t *testing.T) {
	db := storetest.NewSQLite(t)
	f := testfix.New(t, db)
	ctx := context.Background()
	id, err := SeedPlan(ctx, db, f.City, testfix.Today)
	if err != nil {
		t.Fatal(err)
	}
	var p store.Plan
	if err := db.View(ctx, func(tx *store.Tx) error { var err error; p, err = tx.Plan(ctx, id); return err }); err != nil {
		t.Fatal(err)
	}
	if p.Title != PlanTitle || p.Number != PlanNumber || p.YearFrom != 2024 || p.YearTo != 2028 || len(p.Indicators) != len(planTargets) ||
		len(p.Targets) != 5*len(planTargets) || len(p.Responsible) != 2 {
		t.Fatalf("demo plan: %+v", p)
	}
	if tg, ok := plans.TargetOf(p, plans.OnTime, 2027); !ok || tg != 925 {
		t.Errorf("on time 2027: %v %v", tg, ok)
	}
	if _, err := SeedPlan(ctx, db, f.City, testfix.Today); party.ErrorCode(err) != party.EConflict {
		t.Errorf("seeding twice: %v, want the number taken", err)
	}
}
