package meetings

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"chibo/internal/i18n"
	"chibo/internal/ical"
	"chibo/internal/jobs"
	"chibo/internal/mail"
	"chibo/internal/party"
	"chibo/internal/store"
)

// NoticeResult says whom a notice reached.
type NoticeResult struct {
	InApp  int // notifications stored for accounts
	Emails int // e-mails queued
}

// SendNotice notifies every summoned member and the following committee
// member of the meeting's time, place and content (DOMAIN.md §4): in the
// application for those with an account, and by e-mail (with the
// calendar invitation) for those with an address, through durable jobs.
// Sending again after a change notifies again; sending twice without a
// change does not.
func (s *Service) SendNotice(ctx context.Context, actor store.Actor, id int64, baseURL string) (NoticeResult, error) {
	var res NoticeResult
	_, err := s.write(ctx, actor, id, func(tx *store.Tx, v *View) error {
		m := v.Meeting
		if m.Date.Before(s.today()) {
			return party.RuleError("meeting.notice_past")
		}
		link := "/meetings/" + strconv.FormatInt(id, 10)
		stamp := fmt.Sprintf("%d:%s:%d", id, m.Date.ISO(), m.StartsAt.Unix())
		msg := party.M("meeting.notice", m.Kind.Label(), v.Org.Name, m.StartsAt, m.Place)
		var memberIDs []int64
		for _, r := range v.Roll {
			if r.Derived == party.DerivedNone || r.Derived == party.DerivedExempt {
				memberIDs = append(memberIDs, r.MemberID)
			}
		}
		// Accounts of the summoned members, and the following committee member.
		users, err := usersOfMembers(ctx, tx, memberIDs)
		if err != nil {
			return err
		}
		if v.Org.FollowerUserID != 0 {
			users = append(users, v.Org.FollowerUserID)
		}
		for _, u := range users {
			created, err := tx.Notify(ctx, store.Notification{UserID: u, Kind: "notice", Msg: msg, Link: link, OrgID: m.OrgID, MeetingID: id,
				UniqueKey: fmt.Sprintf("notice:%s:user:%d", stamp, u)})
			if err != nil {
				return err
			}
			if created {
				res.InApp++
			}
		}
		// E-mail to members with an address, with the invitation attached.
		emails, err := emailsOf(ctx, tx, memberIDs, v.Org.FollowerUserID)
		if err != nil {
			return err
		}
		if len(emails) > 0 {
			ics, err := inviteICS(v, baseURL)
			if err != nil {
				return err
			}
			subject := i18n.Msg(i18n.VI, party.M("meeting.notice_subject", m.Kind.Label(), m.Date))
			body := i18n.Msg(i18n.VI, msg) + "\n\n" + agendaText(m) + "\n" + strings.TrimRight(baseURL, "/") + link + "\n"
			for _, to := range emails {
				msg := mail.Message{To: []string{to}, Subject: subject, Text: body,
					Attachments: []mail.Attachment{{Name: "sinh-hoat-chi-bo.ics", ContentType: "text/calendar; method=PUBLISH; charset=utf-8", Data: ics}}}
				created, err := jobs.Enqueue(ctx, tx, "email", fmt.Sprintf("email:notice:%s:%s", stamp, to), msg, tx.Now)
				if err != nil {
					return err
				}
				if created {
					res.Emails++
				}
			}
		}
		m.Prep.NoticeSentAt = tx.Now
		if m.Status == party.DuKien {
			m.Status = party.DaThongBao
		}
		if _, err := tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, "notice", "meeting", id, m.OrgID, nil, res)
	})
	return res, err
}

func agendaText(m store.Meeting) string {
	var b strings.Builder
	for i, it := range m.Agenda {
		fmt.Fprintf(&b, "%d. %s\n", i+1, it.Title)
	}
	return b.String()
}

// usersOfMembers finds the enabled accounts tied to members.
func usersOfMembers(ctx context.Context, tx *store.Tx, members []int64) ([]int64, error) {
	var out []int64
	for start := 0; start < len(members); start += 500 {
		chunk := members[start:min(start+500, len(members))]
		ph := make([]string, len(chunk))
		args := make([]any, len(chunk))
		for i, id := range chunk {
			ph[i], args[i] = "$"+strconv.Itoa(i+1), id
		}
		rows, err := tx.Query(ctx, `SELECT id FROM users WHERE disabled = FALSE AND member_id IN (`+strings.Join(ph, ",")+`) ORDER BY id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, id)
		}
		rows.Close()
	}
	return out, nil
}

// emailsOf lists the e-mail addresses of members and of a user.
func emailsOf(ctx context.Context, tx *store.Tx, members []int64, user int64) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(e string) {
		e = strings.ToLower(strings.TrimSpace(e))
		if e != "" && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, id := range members {
		m, err := tx.Member(ctx, id)
		if err != nil {
			return nil, err
		}
		add(m.Email)
	}
	if user != 0 {
		if u, err := tx.User(ctx, user); err == nil {
			add(u.Email)
		}
	}
	return out, nil
}

// inviteICS is the calendar invitation of one meeting.
func inviteICS(v *View, baseURL string) ([]byte, error) {
	var b bytes.Buffer
	err := ical.Write(&b, ical.Calendar{Name: v.Org.Name, Events: []ical.Event{eventOf(v.Meeting, v.Org, baseURL)}})
	return b.Bytes(), err
}

// eventOf is a meeting as a calendar event; its sequence follows the
// meeting's version so that phones take the change.
func eventOf(m store.Meeting, o store.OrgRow, baseURL string) ical.Event {
	summary := i18n.Msg(i18n.VI, party.M("meeting.event_summary", m.Kind.Label(), o.Name))
	desc := ""
	if m.Topic != "" {
		desc = m.Topic + "\n\n"
	}
	desc += agendaText(m)
	end := m.StartsAt.Add(2 * 60 * 60 * 1e9)
	return ical.Event{UID: fmt.Sprintf("meeting-%d@chibo", m.ID), Summary: summary, Description: desc, Location: m.Place,
		URL: strings.TrimRight(baseURL, "/") + "/meetings/" + strconv.FormatInt(m.ID, 10), Start: m.StartsAt, End: end,
		Updated: m.UpdatedAt, Sequence: int(m.Version), Alarm: 24 * 60 * 60 * 1e9}
}
