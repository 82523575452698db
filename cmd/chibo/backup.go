package main

import (
	"context"
	"fmt"
	"time"

	"chibo/internal/store"
)

// cmdBackup is "chibo backup --to FILE": a consistent copy while the
// server runs.
func cmdBackup(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "backup")
	db := dbFlag(fs, e)
	to := fs.String("to", "", "tệp sao lưu (backup file, must not exist)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		return exitError{2, "cách dùng / usage: chibo backup --to FILE"}
	}
	st, err := store.Open(ctx, *db, store.Options{NoMigrate: true})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	if err := st.Backup(ctx, *to); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã sao lưu vào %s (%s)\n", *to, time.Since(start).Round(time.Millisecond))
	return nil
}

// cmdRestore is "chibo restore --from FILE" into an empty database.
func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "restore")
	db := dbFlag(fs, e)
	from := fs.String("from", "", "tệp sao lưu (backup file)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" {
		return exitError{2, "cách dùng / usage: chibo restore --from FILE [--db EMPTY-DATABASE]"}
	}
	st, err := store.Restore(ctx, *from, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã khôi phục từ %s vào %s\n", *from, *db)
	return nil
}
