package documents

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
)

// SendInput names where a document goes: organizations (each with its
// subtree) and offices. No organization means the issuer's whole subtree;
// no office means every member; both mean the holders of those offices
// under those organizations.
type SendInput struct {
	OrgIDs []int64
	Roles  []string
}

// Send disseminates a document. Organizations must lie under the issuer
// (a committee sends to its own subtree); sending again where it was
// already sent changes nothing. It returns how many new targets were
// recorded.
func (s *Service) Send(ctx context.Context, actor store.Actor, docID int64, in SendInput) (int, error) {
	f := party.FieldErrors{}
	roles := slices.Compact(slices.Sorted(slices.Values(in.Roles)))
	for _, r := range roles {
		if !party.CellRole(r).Valid() {
			f.Add("roles", "doc.role_invalid", r)
		}
	}
	if err := f.Err(); err != nil {
		return 0, err
	}
	if len(roles) == 0 {
		roles = []string{""}
	}
	created := 0
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		orgs := slices.Compact(slices.Sorted(slices.Values(in.OrgIDs)))
		if len(orgs) == 0 {
			orgs = []int64{d.IssuerID}
		}
		var sent []map[string]any
		for _, id := range orgs {
			o, err := tx.Org(ctx, id)
			if err != nil {
				if party.ErrorCode(err) == party.ENotFound {
					f.Add("org_ids", "doc.send_org_not_found", strconv.FormatInt(id, 10))
					return f.Err()
				}
				return err
			}
			if !o.Dissolved.IsZero() {
				return party.RuleError("org.dissolved", o.Name, o.Dissolved)
			}
			if !under(o.Path, d.IssuerPath) {
				return party.RuleError("doc.send_outside_issuer", d.Number, d.IssuerName, o.Name)
			}
			for _, r := range roles {
				ok, err := tx.InsertDissemination(ctx, docID, o.ID, r, s.Now())
				if err != nil {
					return err
				}
				if ok {
					created++
					sent = append(sent, map[string]any{"org_id": o.ID, "role": r})
				}
			}
		}
		if created == 0 {
			return nil
		}
		if err := Index(ctx, tx, docID); err != nil {
			return err
		}
		return tx.Audit(ctx, "send", "document", docID, d.IssuerID, nil, sent)
	})
	return created, err
}

// Acknowledge records that member studied a document ("Tôi đã nghiên
// cứu"). Only a current member the document was sent to may; a second
// acknowledgement keeps the first day. It returns when it was
// acknowledged.
func (s *Service) Acknowledge(ctx context.Context, actor store.Actor, docID, member int64) (time.Time, error) {
	var at time.Time
	today := s.today()
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if member == 0 {
			return party.RuleError("doc.ack_no_member")
		}
		d, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		m, err := tx.Member(ctx, member)
		if err != nil {
			return err
		}
		if !m.ActiveOn(today) {
			return party.RuleError("doc.ack_not_member", m.FullName)
		}
		cell, err := tx.Org(ctx, m.OrgID)
		if err != nil {
			return err
		}
		targets, err := tx.Disseminations(ctx, docID)
		if err != nil {
			return err
		}
		roles, err := tx.CurrentRoles(ctx, member, today)
		if err != nil {
			return err
		}
		if !Reaches(targets, cell.Path, roles) {
			return party.RuleError("doc.ack_not_sent", d.Number, m.FullName, cell.Name)
		}
		created, err := tx.InsertAck(ctx, docID, member, s.Now())
		if err != nil {
			return err
		}
		if at, err = tx.AckedAt(ctx, docID, member); err != nil {
			return err
		}
		if !created {
			return nil
		}
		return tx.Audit(ctx, "acknowledge", "document", docID, cell.ID, nil, map[string]any{"member_id": member, "at": at.Unix()})
	})
	return at, err
}

// ForMember lists the documents sent to a member (to their cell or above,
// for everyone or for an office they hold today), with their
// acknowledgements, the latest first.
func (s *Service) ForMember(ctx context.Context, member int64, limit int) ([]store.SentDoc, error) {
	var out []store.SentDoc
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = ForMemberTx(ctx, tx, member, s.today(), limit)
		return err
	})
	return out, err
}

// ForMemberTx is ForMember inside a transaction.
func ForMemberTx(ctx context.Context, tx *store.Tx, member int64, today party.Date, limit int) ([]store.SentDoc, error) {
	m, err := tx.Member(ctx, member)
	if err != nil {
		return nil, err
	}
	if !m.ActiveOn(today) {
		return nil, nil
	}
	cell, err := tx.Org(ctx, m.OrgID)
	if err != nil {
		return nil, err
	}
	held, err := tx.CurrentRoles(ctx, member, today)
	if err != nil {
		return nil, err
	}
	roles := []string{} // not nil: only what is sent to everyone or to these offices
	for _, r := range held {
		roles = append(roles, string(r))
	}
	return tx.DocumentsSentTo(ctx, cell.Path, roles, member, limit)
}

// Remind sends an in-app reminder to every account of a member under org
// the document was sent to who has not acknowledged it yet. A person is
// reminded at most once a day however often the button is pressed (the
// notification's unique key holds the day); every reminder is recorded.
// It returns how many people were reminded now.
func (s *Service) Remind(ctx context.Context, actor store.Actor, docID, orgID int64) (int, error) {
	today := s.today()
	n := 0
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		o, err := tx.Org(ctx, orgID)
		if err != nil {
			return err
		}
		targets, err := tx.Disseminations(ctx, docID)
		if err != nil {
			return err
		}
		if len(targets) == 0 {
			return party.RuleError("doc.remind_not_sent", d.Number)
		}
		readers, err := tx.ReadersUnder(ctx, o.Path, today, docID)
		if err != nil {
			return err
		}
		for _, r := range readers {
			if r.Acked || !Reaches(targets, r.OrgPath, r.Roles) {
				continue
			}
			created, err := tx.Notify(ctx, store.Notification{UserID: r.UserID, Kind: "document.remind",
				Msg: party.M("doc.notify.remind", d.Number, d.Title), Link: fmt.Sprintf("/documents/%d", d.ID), OrgID: o.ID,
				UniqueKey: fmt.Sprintf("doc-remind:%d:%d:%s", d.ID, r.UserID, today.ISO())})
			if err != nil {
				return err
			}
			if created {
				n++
			}
		}
		if err := tx.InsertDocReminder(ctx, store.DocReminder{DocumentID: docID, OrgID: o.ID, On: today, Reminded: n}); err != nil {
			return err
		}
		return tx.Audit(ctx, "remind", "document", docID, o.ID, nil, map[string]any{"org_id": o.ID, "reminded": n})
	})
	return n, err
}
