package meetings

import (
	"context"

	"chibo/internal/store"
)

// The user's in-app notifications (the notices of SendNotice land there).

// MarkRead marks one of a user's notifications read; another user's
// notification is not found.
func (s *Service) MarkRead(ctx context.Context, actor store.Actor, user, id int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		return tx.MarkNotification(ctx, user, id, false)
	})
}

// MarkAllRead marks every unread notification of a user read.
func (s *Service) MarkAllRead(ctx context.Context, actor store.Actor, user int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		return tx.MarkAllNotificationsRead(ctx, user)
	})
}

// Dismiss hides one of a user's notifications (it counts as read).
func (s *Service) Dismiss(ctx context.Context, actor store.Actor, user, id int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		return tx.MarkNotification(ctx, user, id, true)
	})
}
