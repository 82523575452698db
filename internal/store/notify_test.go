package store_test

import (
	"context"
	"testing"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

// A notification is stored once per unique key; reading marks it read,
// dismissing hides it (and counts as read); someone else's cannot be
// touched.
func TestNotificationsReadAndDismiss(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var user, other int64
		var ids []int64
		err := db.Update(ctx, store.System, func(tx *store.Tx) error {
			var err error
			if user, err = tx.InsertUser(ctx, store.User{Username: "an", PasswordHash: "h", Role: "secretary"}); err != nil {
				return err
			}
			if other, err = tx.InsertUser(ctx, store.User{Username: "binh", PasswordHash: "h", Role: "secretary"}); err != nil {
				return err
			}
			for _, key := range []string{"k1", "k2", "k1"} {
				if _, err := tx.Notify(ctx, store.Notification{UserID: user, Kind: "reminder", Msg: party.Msg{Key: "x", Args: []any{3}}, UniqueKey: key}); err != nil {
					return err
				}
			}
			ns, err := tx.Notifications(ctx, user, false, 10)
			for _, n := range ns {
				ids = append(ids, n.ID)
			}
			return err
		})
		if err != nil || len(ids) != 2 {
			t.Fatalf("notifications %v: %v", ids, err)
		}
		mark := func(u, id int64, dismiss bool) error {
			return db.Update(ctx, store.System, func(tx *store.Tx) error { return tx.MarkNotification(ctx, u, id, dismiss) })
		}
		if err := mark(user, ids[0], false); err != nil {
			t.Fatalf("read: %v", err)
		}
		if err := mark(user, ids[1], true); err != nil {
			t.Fatalf("dismiss: %v", err)
		}
		if err := mark(other, ids[0], true); party.ErrorCode(err) != party.ENotFound {
			t.Errorf("someone else's notification: %v", err)
		}
		err = db.View(ctx, func(tx *store.Tx) error {
			unread, err := tx.CountUnread(ctx, user)
			if err != nil {
				return err
			}
			shown, err := tx.Notifications(ctx, user, false, 10)
			if err != nil {
				return err
			}
			all, err := tx.Notifications(ctx, user, true, 10)
			if err != nil {
				return err
			}
			if unread != 0 || len(shown) != 1 || shown[0].ID != ids[0] || shown[0].ReadAt.IsZero() || len(all) != 2 {
				t.Errorf("unread %d, shown %+v, all %d", unread, shown, len(all))
			}
			for _, n := range all {
				if n.ID == ids[1] && (n.DismissedAt.IsZero() || n.ReadAt.IsZero()) {
					t.Errorf("dismissed notification: %+v", n)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
