package jobs

import (
	"context"
	"encoding/json"

	"chibo/internal/mail"
	"chibo/internal/store"
)

// Email is the handler of "email" jobs: the payload is a mail.Message.
// Without a mailer configured the job is marked done without sending, so
// that queued notices do not pile up on a server without SMTP.
func Email(m mail.Mailer) Handler {
	return func(ctx context.Context, tx *store.Tx, j store.Job) error {
		if m == nil {
			return nil
		}
		var msg mail.Message
		if err := json.Unmarshal([]byte(j.Payload), &msg); err != nil {
			return err
		}
		return m.Send(ctx, msg)
	}
}
