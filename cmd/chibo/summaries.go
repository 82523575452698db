package main

import (
	"context"
	"fmt"
	"time"

	"chibo/internal/app"
	"chibo/internal/store"
)

// cmdVerifySummaries recomputes every summary from the raw records and
// reports each difference; it exits non-zero when there is one.
func cmdVerifySummaries(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "verify-summaries")
	db := dbFlag(fs, e)
	limit := fs.Int("show", 20, "số dòng khác biệt in ra (differences shown)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	diffs, err := app.Wire(st, nil).Oversight.Verify(ctx, e.stderr)
	if err != nil {
		return err
	}
	for i, d := range diffs {
		if i == *limit {
			fmt.Fprintf(e.stdout, "… và %d khác biệt nữa\n", len(diffs)-i)
			break
		}
		fmt.Fprintf(e.stdout, "%s org %d %s\n  lưu:  %s\n  đúng: %s\n", d.Table, d.Org, d.Period, d.Stored, d.Want)
	}
	if len(diffs) > 0 {
		return exitError{1, fmt.Sprintf("%d số liệu tổng hợp khác với dữ liệu gốc (%s)", len(diffs), time.Since(start).Round(time.Millisecond))}
	}
	fmt.Fprintf(e.stdout, "Số liệu tổng hợp khớp với dữ liệu gốc / summaries match the records (%s)\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// cmdRebuildSummaries computes every summary again from the raw records.
func cmdRebuildSummaries(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "rebuild-summaries")
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
	if err := app.Wire(st, nil).Oversight.Rebuild(ctx, e.stderr); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã tính lại số liệu tổng hợp (%s)\n", time.Since(start).Round(time.Millisecond))
	return nil
}
