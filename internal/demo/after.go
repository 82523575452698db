package demo

import (
	"context"
	"fmt"
	"sync"
	"time"

	"chibo/internal/app"
	"chibo/internal/party"
	"chibo/internal/search"
	"chibo/internal/store"
)

// After the load, the application derives what it keeps from the records,
// through its own services: the formalism pass over the minutes
// (quality.Service.Scan), the summaries of every cell and committee
// (oversight.Service.Rebuild, so that `chibo verify-summaries` finds
// nothing to correct), the search index (search.Service.Reindex).

// AfterLoad says how long each step after the load took.
type AfterLoad struct {
	Scanned  int // periods scanned
	Pairs    int // pairs of minutes flagged
	Scan     time.Duration
	Rebuild  time.Duration
	Texts    int // texts indexed for search
	Reindex  time.Duration
	Periods  []party.Period
	Previous int // of Pairs, minutes alike their cell's previous ones
}

// scanWorkers is how many formalism passes run at once.
const scanWorkers = 2

// scanPeriods are the periods the formalism pass runs over: every month
// and quarter of the three years for a district; the last six months (and
// their quarters) for a city, where a month takes tens of seconds.
func (w *World) scanPeriods(months int) []party.Period {
	cur := party.MonthOf(w.Today)
	first := party.MonthOf(w.window())
	if w.Scale == City && months == 0 {
		months = 6
	}
	if months > 0 {
		first = party.MonthOf(w.Today.AddMonths(1 - months))
	}
	var out []party.Period
	for p := first; !p.First().After(cur.First()); p = p.Next() {
		out = append(out, p)
		if q := p.QuarterOfMonth(); p == q.Months()[2] || p == cur {
			out = append(out, q)
		}
	}
	return out
}

func (w *World) afterLoad(ctx context.Context, db *store.DB, opt Options) error {
	progress := opt.Progress
	svc := app.Wire(db, w.clock)
	// The scan's hooks would keep the summaries in step pair by pair; the
	// rebuild that follows computes them all at once.
	svc.Quality.Hooks = nil
	periods := w.scanPeriods(opt.scanMonths)
	a := &w.After
	a.Periods = periods
	bar := newBar(progress, "Rà soát biên bản", len(periods))
	start := time.Now()
	// Two periods at a time: a pass is mostly reading and comparing,
	// and the two cores of a small server can share that.
	var mu sync.Mutex
	var firstErr error
	next := make(chan party.Period)
	var wg sync.WaitGroup
	for range scanWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				res, err := svc.Quality.Scan(ctx, store.System, p)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("demo: formalism scan %s: %w", p, err)
				}
				a.Pairs += res.Peers + res.Previous
				a.Previous += res.Previous
				a.Scanned++
				bar.Set(a.Scanned)
				mu.Unlock()
			}
		}()
	}
	for _, p := range periods {
		mu.Lock()
		failed := firstErr != nil
		mu.Unlock()
		if failed {
			break
		}
		next <- p
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	a.Scan = time.Since(start)
	bar.Done()

	bar = newBar(progress, "Số liệu tổng hợp", 1)
	start = time.Now()
	if err := svc.Oversight.Rebuild(ctx, nil); err != nil {
		return fmt.Errorf("demo: summaries: %w", err)
	}
	a.Rebuild = time.Since(start)
	bar.Done()

	// The plan modelled on Project 11, whose progress is measured from
	// the summaries just built.
	if _, err := SeedPlan(ctx, db, w.Root.ID, w.Today); err != nil {
		return fmt.Errorf("demo: plan: %w", err)
	}

	if opt.noSearchIndex || opt.SearchLater {
		return nil
	}
	bar = newBar(progress, "Chỉ mục tìm kiếm", w.Made.Minutes*8)
	start = time.Now()
	n, err := search.New(db).Reindex(ctx, bar.Set)
	if err != nil {
		return fmt.Errorf("demo: search index: %w", err)
	}
	a.Texts, a.Reindex = n, time.Since(start)
	bar.Done()
	return nil
}
