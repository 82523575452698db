package textsim

import (
	"cmp"
	"slices"
)

// boilerplate returns, sorted, the shingles found in the texts of more than
// cut groups (cells). A cell's own texts count once: a cell that copies its
// minutes month after month must not turn its copy into "boilerplate".
func boilerplate(docs []Doc, sets [][]uint64, cut float64, workers int) []uint64 {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(docs[a].Group, docs[b].Group) })

	total := 0
	for _, s := range sets {
		total += len(s)
	}
	// Every group's distinct shingles, one after the other.
	all := make([]uint64, 0, total)
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && docs[order[hi]].Group == docs[order[lo]].Group {
			hi++
		}
		if hi-lo == 1 {
			all = append(all, sets[order[lo]]...)
		} else {
			start := len(all)
			for _, d := range order[lo:hi] {
				all = append(all, sets[d]...)
			}
			slices.Sort(all[start:])
			all = append(all[:start], slices.Compact(all[start:])...)
		}
		lo = hi
	}
	if float64(len(all)) <= cut {
		return nil
	}

	// Count each shingle's groups: spread by the top byte (hashes are
	// uniform), then sort and count each bucket on its own, in parallel.
	var counts [257]int
	for _, x := range all {
		counts[x>>56+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	spread := make([]uint64, len(all))
	fill := counts
	for _, x := range all {
		spread[fill[x>>56]] = x
		fill[x>>56]++
	}
	found := make([][]uint64, 256)
	parallel(256, workers, func() func(b int) {
		return func(b int) {
			bucket := spread[counts[b]:counts[b+1]]
			slices.Sort(bucket)
			for i := 0; i < len(bucket); {
				j := i + 1
				for j < len(bucket) && bucket[j] == bucket[i] {
					j++
				}
				if float64(j-i) > cut {
					found[b] = append(found[b], bucket[i])
				}
				i = j
			}
		}
	})
	var out []uint64
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}
