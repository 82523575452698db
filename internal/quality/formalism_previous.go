package quality

import (
	"context"
	"runtime"
	"sync"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/textsim"
)

// previousPairs compares each minutes with its cell's previous minutes of
// the same kind. The previous minutes of the whole period are read in one
// statement and the fingerprints computed on every core: for a city
// (20,000 minutes) one query per minutes and a single core took most of
// the pass.
func (s *Service) previousPairs(ctx context.Context, docs []store.MinutesText, tmpl *textsim.Template, threshold float64, p party.Period) ([]store.SimilarPair, error) {
	var prev []store.PreviousOf
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		prev, err = tx.PreviousMinutesOfPeriod(ctx, p.String())
		return err
	})
	if err != nil {
		return nil, err
	}
	text := make(map[int64]string, len(docs))
	for _, d := range docs {
		text[d.MeetingID] = d.Text
	}
	sims := make([]float64, len(prev))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(prev) {
					return
				}
				if t, ok := text[prev[i].MeetingID]; ok {
					sims[i] = textsim.Similarity(tmpl.Fingerprint(t), tmpl.Fingerprint(prev[i].Previous.Text))
				}
			}
		}()
	}
	wg.Wait()
	var out []store.SimilarPair
	for i, pr := range prev {
		if sims[i] >= threshold {
			out = append(out, store.SimilarPair{A: pr.Previous.MeetingID, B: pr.MeetingID, Kind: "previous", Similarity: sims[i], Period: p.String()})
		}
	}
	return out, nil
}
