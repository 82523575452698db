package textsim

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Doc is one minutes text of a batch (usually every minutes of a period,
// with each cell's previous minutes).
type Doc struct {
	ID    int64
	Group int64 // the cell: boilerplate is counted in cells, not in texts
	Text  string
}

// Pair is two minutes too alike: A < B, Similarity in [0, 1].
type Pair struct {
	A, B       int64
	Similarity float64
}

// Options tune SimilarPairsWith; zero values take the defaults.
type Options struct {
	// Threshold is the least similarity reported (DefaultThreshold).
	Threshold float64
	// BoilerplateShare and BoilerplateMin: a shingle found in more than
	// this share of the cells of the batch, and in more than this many
	// cells, is dropped before comparing. A negative share keeps every
	// shingle.
	BoilerplateShare float64
	BoilerplateMin   int
}

// SimilarPairs returns the pairs of docs whose similarity, with the
// template and the batch's boilerplate taken out, is at least threshold
// (DefaultThreshold if threshold <= 0), most alike first. Figures are
// lower than Similarity of the same two fingerprints when the pair shares
// boilerplate: what every cell writes is no evidence of copying.
func SimilarPairs(docs []Doc, t *Template, threshold float64) []Pair {
	return SimilarPairsWith(docs, t, Options{Threshold: threshold})
}

// minRecall is the least chance that LSH banding puts a pair at exactly the
// threshold in a common bucket; pairs more alike are found more surely.
const minRecall = 0.999

// SimilarPairsWith is SimilarPairs with every option. Candidates come from
// MinHash signatures cut into bands (locality-sensitive hashing): two texts
// are compared only when one band of their signatures is the same, which
// happens to nearly every pair at the threshold and to few pairs far below
// it. Each candidate's similarity is then computed exactly, so a reported
// figure is never an estimate.
func SimilarPairsWith(docs []Doc, t *Template, o Options) []Pair {
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	if o.BoilerplateShare == 0 {
		o.BoilerplateShare = DefaultBoilerplateShare
	}
	if o.BoilerplateMin == 0 {
		o.BoilerplateMin = DefaultBoilerplateMin
	}
	if o.Threshold > 1 || len(docs) < 2 {
		return nil
	}
	workers := runtime.GOMAXPROCS(0)

	sets := make([][]uint64, len(docs))
	parallel(len(docs), workers, func() func(i int) {
		var sc scratch
		return func(i int) { sets[i] = t.shingleSet(docs[i].Text, &sc) }
	})

	if o.BoilerplateShare > 0 {
		cut := max(o.BoilerplateShare*float64(countGroups(docs)), float64(o.BoilerplateMin))
		if bp := boilerplate(docs, sets, cut, workers); len(bp) > 0 {
			parallel(len(docs), workers, func() func(i int) {
				return func(i int) { sets[i] = subtract(sets[i], bp) }
			})
		}
	}

	sigs := make([][SignatureSize]uint32, len(docs))
	parallel(len(docs), workers, func() func(i int) {
		return func(i int) {
			if len(sets[i]) > 0 {
				minHash(&sigs[i], sets[i])
			}
		}
	})

	rows := bandRows(o.Threshold)
	bands := newBands(sets, sigs, rows, workers)

	var mu sync.Mutex
	var pairs []Pair
	parallel(len(docs), workers, func() func(i int) {
		seen := make([]int32, len(docs)) // seen[j] == i+1: pair (i, j) done
		return func(i int) {
			if len(sets[i]) == 0 {
				return
			}
			var found []Pair
			for _, bd := range bands {
				p := int(bd.pos[i])
				for q := p + 1; q < len(bd.entries) && bd.entries[q].key == bd.entries[p].key; q++ {
					j := bd.entries[q].doc
					if seen[j] == int32(i+1) || docs[i].ID == docs[j].ID {
						continue
					}
					seen[j] = int32(i + 1)
					if agreement(&sigs[i], &sigs[j]) < o.Threshold-estimateSlack {
						continue
					}
					if s := jaccard(sets[i], sets[j]); s >= o.Threshold {
						a, b := docs[i].ID, docs[j].ID
						if a > b {
							a, b = b, a
						}
						found = append(found, Pair{A: a, B: b, Similarity: s})
					}
				}
			}
			if len(found) > 0 {
				mu.Lock()
				pairs = append(pairs, found...)
				mu.Unlock()
			}
		}
	})
	slices.SortFunc(pairs, func(x, y Pair) int {
		if c := cmp.Compare(y.Similarity, x.Similarity); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return pairs
}

// estimateSlack: a candidate whose MinHash estimate is this far below the
// threshold is not compared exactly. With 128 values the estimate's
// standard error is at most 0.045, so a pair at the threshold is dropped
// with a chance under one in ten million; most candidates, far below, are
// dropped for 128 comparisons instead of a merge of two shingle sets.
const estimateSlack = 0.25

// agreement is the share of places where two signatures agree: an
// estimate of the Jaccard index.
func agreement(a, b *[SignatureSize]uint32) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / SignatureSize
}

// bandRows chooses the rows per band: as many as keep the chance of
// finding a pair at the threshold above minRecall (more rows, fewer
// candidates), and at least 2, so that a low threshold cannot make every
// pair a candidate.
func bandRows(threshold float64) int {
	best := 2
	for r := 2; r <= SignatureSize; r++ {
		b := SignatureSize / r
		if 1-math.Pow(1-math.Pow(threshold, float64(r)), float64(b)) < minRecall {
			break
		}
		best = r
	}
	return best
}

// band is one band of every signature, sorted so that docs with the same
// band values sit together, in doc order.
type band struct {
	entries []bandEntry
	pos     []int32 // doc → its index in entries (docs without shingles: unused)
}

type bandEntry struct {
	key uint64
	doc int32
}

func newBands(sets [][]uint64, sigs [][SignatureSize]uint32, rows, workers int) []band {
	bands := make([]band, SignatureSize/rows)
	parallel(len(bands), workers, func() func(bi int) {
		return func(bi int) {
			bd := band{pos: make([]int32, len(sets))}
			for d := range sets {
				if len(sets[d]) == 0 {
					continue
				}
				h := uint64(bi+1) * 0x9e3779b97f4a7c15
				for _, v := range sigs[d][bi*rows : (bi+1)*rows] {
					h = (h ^ uint64(v)) * fnvPrime
				}
				bd.entries = append(bd.entries, bandEntry{mix64(h), int32(d)})
			}
			slices.SortFunc(bd.entries, func(x, y bandEntry) int {
				if c := cmp.Compare(x.key, y.key); c != 0 {
					return c
				}
				return cmp.Compare(x.doc, y.doc)
			})
			for p, e := range bd.entries {
				bd.pos[e.doc] = int32(p)
			}
			bands[bi] = bd
		}
	})
	return bands
}

func countGroups(docs []Doc) int {
	seen := make(map[int64]struct{}, len(docs))
	for _, d := range docs {
		seen[d.Group] = struct{}{}
	}
	return len(seen)
}

// parallel calls the function made by newWorker for every i in [0, n), on
// up to workers goroutines, each with its own function (and so its own
// scratch space), taking indices in small chunks.
func parallel(n, workers int, newWorker func() func(i int)) {
	const chunk = 16
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, (n+chunk-1)/chunk) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newWorker()
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					f(i)
				}
			}
		}()
	}
	wg.Wait()
}
