package main

import (
	"context"
	"fmt"
	"time"

	"chibo/internal/search"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// cmdReindex rebuilds the search index of the meetings' texts (minutes,
// resolutions, speeches) from the records: after a bulk load (demo,
// restore) or to repair it. Searches keep using the old index until the
// new one is complete.
func cmdReindex(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "reindex")
	db := dbFlag(fs, e)
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	last := start
	progress := func(n int) {
		if time.Since(last) >= time.Second {
			last = time.Now()
			fmt.Fprintf(e.stderr, "\rĐã lập chỉ mục %s văn bản / texts indexed…", vntext.Int(n))
		}
	}
	n, err := search.New(st).Reindex(ctx, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\r\033[K")
	fmt.Fprintf(e.stdout, "Đã lập lại chỉ mục tìm kiếm: %s văn bản / search index rebuilt: %d texts (%s)\n", vntext.Int(n), n, time.Since(start).Round(time.Millisecond))
	return nil
}
