package meetings

import (
	"context"

	"chibo/internal/party"
	"chibo/internal/store"
)

// The user's in-app notifications (the notices of SendNotice land there).
//
// MarkRead does not go through store.Tx.MarkNotification: with dismiss
// false that statement assigns read_at twice, which PostgreSQL refuses
// ("multiple assignments to same column"). Until the store is fixed, the
// read mark is this one statement; dismissing goes through the store.

// MarkRead marks one of a user's notifications read; another user's
// notification is not found.
func (s *Service) MarkRead(ctx context.Context, actor store.Actor, user, id int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE notifications SET read_at = coalesce(read_at, $1) WHERE id = $2 AND user_id = $3`, store.Unix(tx.Now), id, user)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return party.NotFound("notify.not_found")
		}
		return nil
	})
}

// MarkAllRead marks every unread notification of a user read.
func (s *Service) MarkAllRead(ctx context.Context, actor store.Actor, user int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL`, store.Unix(tx.Now), user)
		return err
	})
}

// Dismiss hides one of a user's notifications (it counts as read).
func (s *Service) Dismiss(ctx context.Context, actor store.Actor, user, id int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		return tx.MarkNotification(ctx, user, id, true)
	})
}
