package oversight

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/jobs"
	"chibo/internal/mail"
	"chibo/internal/party"
	"chibo/internal/store"
)

// Automatic reminders (issue 5, "Reminders and escalation"): a month
// closing without a held regular meeting, minutes unsigned N days after
// the meeting, a quarter closing without a thematic meeting, and the
// member warnings of DOMAIN.md §9. Each goes to the secretary first, then
// to the following committee member, then to the committee above, on the
// schedule of the settings; in the application and by e-mail. Every
// reminder is recorded once per subject and level (reminders_sent), and
// notifications and e-mails carry unique keys, so that several servers
// running the daily job send each reminder once.

// Kinds of automatic reminders.
const (
	KindMissing  = "missing"  // không sinh hoạt thường kỳ: the month closed without a held regular meeting
	KindUnsigned = "unsigned" // biên bản chưa ký N ngày sau buổi sinh hoạt
	KindThematic = "thematic" // không sinh hoạt chuyên đề: the quarter closed without one
	KindWarning  = "warning"  // a member warning (DOMAIN.md §9)
	KindCell     = "cell"     // a cell warning: too few full members, no committee (§9)
)

// Settings of the schedule (the settings table; defaults below).
const (
	SettingEscalate = "reminder.escalate_days" // days after the due day for levels 1, 2, 3: "0,5,10"
	SettingUnsigned = "reminder.unsigned_days" // days after the meeting before unsigned minutes are reminded: "7"
	SettingBaseURL  = "site.base_url"          // the public address, for links in e-mails
)

// Schedule is when each level of a reminder falls due: Escalate[i] days
// after the day the obligation was missed, for level i+1.
type Schedule struct {
	Escalate     []int
	UnsignedDays int
}

// DefaultSchedule is the schedule without settings.
var DefaultSchedule = Schedule{Escalate: []int{0, 5, 10}, UnsignedDays: 7}

// Levels of escalation.
const (
	LevelSecretary = 1 // bí thư chi bộ
	LevelFollower  = 2 // cấp ủy viên phụ trách chi bộ
	LevelCommittee = 3 // cấp ủy cấp trên
)

// ParseSchedule reads the settings as typed: up to three day counts,
// each at least the one before, and the unsigned days (1–60).
func ParseSchedule(escalate, unsigned string) (Schedule, error) {
	f := party.FieldErrors{}
	var sch Schedule
	parts := strings.Split(strings.TrimSpace(escalate), ",")
	if len(parts) < 1 || len(parts) > 3 {
		f.Add("escalate", "oversight.schedule.escalate_invalid", escalate)
	}
	prev := -1
	for _, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 || n > 90 || n < prev {
			f.Add("escalate", "oversight.schedule.escalate_invalid", escalate)
			break
		}
		sch.Escalate = append(sch.Escalate, n)
		prev = n
	}
	n, err := strconv.Atoi(strings.TrimSpace(unsigned))
	if err != nil || n < 1 || n > 60 {
		f.Add("unsigned", "oversight.schedule.unsigned_invalid", unsigned)
	}
	sch.UnsignedDays = n
	if len(f) > 0 {
		return DefaultSchedule, &party.Error{Code: party.EInvalid, Msg: firstMsg(f, "escalate", "unsigned"), Fields: f}
	}
	return sch, nil
}

func firstMsg(f party.FieldErrors, keys ...string) party.Msg {
	for _, k := range keys {
		if m, ok := f[k]; ok {
			return m
		}
	}
	return party.M("form.has_errors", len(f))
}

// String writes the schedule back as the settings hold it.
func (sch Schedule) String() string {
	parts := make([]string, len(sch.Escalate))
	for i, n := range sch.Escalate {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

// ScheduleOf reads the schedule from the settings; a setting that does
// not parse falls back to the default (the settings form refuses those).
func ScheduleOf(ctx context.Context, tx *store.Tx) (Schedule, error) {
	esc, okE, err := tx.Setting(ctx, SettingEscalate)
	if err != nil {
		return DefaultSchedule, err
	}
	uns, okU, err := tx.Setting(ctx, SettingUnsigned)
	if err != nil {
		return DefaultSchedule, err
	}
	if !okE {
		esc = DefaultSchedule.String()
	}
	if !okU {
		uns = strconv.Itoa(DefaultSchedule.UnsignedDays)
	}
	sch, err := ParseSchedule(esc, uns)
	if err != nil {
		return DefaultSchedule, nil
	}
	return sch, nil
}

// Schedule reads the reminder schedule.
func (s *Service) Schedule(ctx context.Context) (Schedule, error) {
	var sch Schedule
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		sch, err = ScheduleOf(ctx, tx)
		return err
	})
	return sch, err
}

// SetSchedule stores the reminder schedule (administrators).
func (s *Service) SetSchedule(ctx context.Context, actor store.Actor, escalate, unsigned string) error {
	sch, err := ParseSchedule(escalate, unsigned)
	if err != nil {
		return err
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.PutSetting(ctx, SettingEscalate, sch.String()); err != nil {
			return err
		}
		if err := tx.PutSetting(ctx, SettingUnsigned, strconv.Itoa(sch.UnsignedDays)); err != nil {
			return err
		}
		return tx.Audit(ctx, "settings", "reminder_schedule", 0, 0, nil, map[string]any{"escalate": sch.String(), "unsigned_days": sch.UnsignedDays})
	})
}

// Sent counts what a reminder pass did.
type Sent struct {
	Reminders     int // subject-levels recorded
	Notifications int
	Emails        int
}

func (a *Sent) add(b Sent) {
	a.Reminders += b.Reminders
	a.Notifications += b.Notifications
	a.Emails += b.Emails
}

// subject is one thing to remind about, from the day it fell due.
type subject struct {
	Key       string // e.g. missing:12:2026-05
	Kind      string
	Cell      store.OrgRow
	Period    string
	MeetingID int64
	MemberID  int64
	Start     party.Date // the day level 1 falls due
	MaxLevel  int
	Msg       party.Msg
	Link      string
}

// catchUp is how far back a pass looks for obligations missed: a server
// stopped for a while still sends what fell due meanwhile, and a new
// installation does not remind about years past.
const catchUp = 40

// SendDueReminders sends, inside tx, the compliance reminders due on day
// today: missing regular meetings of closed months, missing thematic
// meetings of closed quarters, minutes unsigned after the days set.
func (s *Service) SendDueReminders(ctx context.Context, tx *store.Tx, today party.Date) (Sent, error) {
	var out Sent
	sch, err := ScheduleOf(ctx, tx)
	if err != nil {
		return out, err
	}
	last := sch.Escalate[len(sch.Escalate)-1]
	window := today.AddDays(-(last + catchUp))
	var subjects []subject

	// Months closed without a held regular meeting.
	for m := party.MonthOf(today).Prev(); !m.Last().AddDays(1).Before(window); m = m.Prev() {
		rows, err := tx.CellMonthsWithOutcome(ctx, m.String(), party.OutcomeNone)
		if err != nil {
			return out, err
		}
		cells, err := cellsByID(ctx, tx, idsOfMonths(rows))
		if err != nil {
			return out, err
		}
		for _, r := range rows {
			c, ok := cells[r.OrgID]
			if !ok || !current(c, today) {
				continue
			}
			subjects = append(subjects, subject{Key: fmt.Sprintf("%s:%d:%s", KindMissing, c.ID, m), Kind: KindMissing, Cell: c, Period: m.String(),
				Start: m.Last().AddDays(1), MaxLevel: LevelCommittee, Msg: party.M("oversight.remind.missing", c.Name, m),
				Link: fmt.Sprintf("/orgs/%d/calendar?year=%d", c.ID, m.Year)})
		}
	}

	// Quarters closed without a thematic meeting.
	for q := party.QuarterOf(today).Prev(); !q.Last().AddDays(1).Before(window); q = q.Prev() {
		rows, err := tx.CellQuartersWithoutThematic(ctx, q.String())
		if err != nil {
			return out, err
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.OrgID
		}
		cells, err := cellsByID(ctx, tx, ids)
		if err != nil {
			return out, err
		}
		for _, r := range rows {
			c, ok := cells[r.OrgID]
			if !ok || !current(c, today) {
				continue
			}
			subjects = append(subjects, subject{Key: fmt.Sprintf("%s:%d:%s", KindThematic, c.ID, q), Kind: KindThematic, Cell: c, Period: q.String(),
				Start: q.Last().AddDays(1), MaxLevel: LevelCommittee, Msg: party.M("oversight.remind.thematic", c.Name, q),
				Link: fmt.Sprintf("/orgs/%d/calendar?year=%d", c.ID, q.Year)})
		}
	}

	// Minutes held and not signed after the days set.
	ms, err := tx.HeldUnsigned(ctx, window.AddDays(-sch.UnsignedDays), today.AddDays(-sch.UnsignedDays))
	if err != nil {
		return out, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.OrgID
	}
	cells, err := cellsByID(ctx, tx, ids)
	if err != nil {
		return out, err
	}
	for _, m := range ms {
		c, ok := cells[m.OrgID]
		if !ok || !current(c, today) {
			continue
		}
		subjects = append(subjects, subject{Key: fmt.Sprintf("%s:%d", KindUnsigned, m.ID), Kind: KindUnsigned, Cell: c, Period: m.Period.String(), MeetingID: m.ID,
			Start: m.Date.AddDays(sch.UnsignedDays), MaxLevel: LevelCommittee,
			Msg:  party.M("oversight.remind.unsigned", c.Name, m.Kind.Label(), m.Date, sch.UnsignedDays),
			Link: fmt.Sprintf("/meetings/%d", m.ID)})
	}

	base, err := baseURL(ctx, tx)
	if err != nil {
		return out, err
	}
	// The levels already sent, read once per kind and period.
	done := map[[2]string]map[string]map[int]bool{}
	for _, sub := range subjects {
		k := [2]string{sub.Kind, sub.Period}
		if _, ok := done[k]; !ok {
			if done[k], err = tx.RemindedLevels(ctx, sub.Kind, sub.Period); err != nil {
				return out, err
			}
		}
		sent, err := s.escalate(ctx, tx, sub, done[k][sub.Key], sch, today, base)
		if err != nil {
			return out, err
		}
		out.add(sent)
	}
	return out, nil
}

func idsOfMonths(rows []store.CellMonth) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.OrgID
	}
	return ids
}

func cellsByID(ctx context.Context, tx *store.Tx, ids []int64) (map[int64]store.OrgRow, error) {
	rows, err := tx.OrgsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]store.OrgRow, len(rows))
	for _, o := range rows {
		out[o.ID] = o
	}
	return out, nil
}

// current reports whether a cell still exists: nobody is reminded about
// a dissolved cell.
func current(o store.OrgRow, today party.Date) bool {
	return o.IsCell() && (o.Dissolved.IsZero() || o.Dissolved.After(today))
}

func baseURL(ctx context.Context, tx *store.Tx) (string, error) {
	v, _, err := tx.Setting(ctx, SettingBaseURL)
	return strings.TrimRight(v, "/"), err
}

// escalate sends the levels of a subject due on day today and not sent
// yet (sent lists those sent), each to its recipients.
func (s *Service) escalate(ctx context.Context, tx *store.Tx, sub subject, sent map[int]bool, sch Schedule, today party.Date, base string) (Sent, error) {
	var out Sent
	if today.Before(sub.Start.AddDays(sch.Escalate[0])) {
		return out, nil
	}
	for i, days := range sch.Escalate {
		level := i + 1
		due := sub.Start.AddDays(days)
		if level > sub.MaxLevel || today.Before(due) {
			break
		}
		if sent[level] {
			continue
		}
		users, err := recipients(ctx, tx, sub.Cell, level)
		if err != nil {
			return out, err
		}
		msg := party.M("oversight.remind.level"+strconv.Itoa(level), sub.Msg)
		id, created, err := tx.RecordReminder(ctx, store.SentReminder{Subject: sub.Key, Level: level, Kind: sub.Kind, OrgID: sub.Cell.ID, Period: sub.Period,
			MeetingID: sub.MeetingID, MemberID: sub.MemberID, Msg: msg, Link: sub.Link, DueOn: due})
		if err != nil {
			return out, err
		}
		if !created {
			continue
		}
		out.Reminders++
		for _, u := range users {
			key := fmt.Sprintf("remind:%s:L%d:u%d", sub.Key, level, u.ID)
			made, err := tx.Notify(ctx, store.Notification{UserID: u.ID, Kind: "reminder", Msg: msg, Link: sub.Link, OrgID: sub.Cell.ID,
				MeetingID: sub.MeetingID, UniqueKey: key})
			if err != nil {
				return out, err
			}
			if made {
				out.Notifications++
			}
			emailed := false
			if addr := strings.TrimSpace(u.Email); addr != "" {
				l := i18n.Parse(u.Locale)
				m := mail.Message{To: []string{addr}, Subject: i18n.T(l, "oversight.remind.subject", sub.Cell.Name),
					Text: i18n.Msg(l, msg) + "\n\n" + base + sub.Link + "\n"}
				if emailed, err = jobs.Enqueue(ctx, tx, "email", "email:"+key, m, s.Now()); err != nil {
					return out, err
				}
				if emailed {
					out.Emails++
				}
			}
			if err := tx.AddReminderRecipient(ctx, id, u.ID, emailed); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// recipients are the accounts a level reaches: the cell's secretaries;
// the following committee member; the board of the nearest committee
// above that has one.
func recipients(ctx context.Context, tx *store.Tx, cell store.OrgRow, level int) ([]store.User, error) {
	switch level {
	case LevelSecretary:
		return tx.UsersOfOrg(ctx, cell.ID, auth.RoleSecretary)
	case LevelFollower:
		if cell.FollowerUserID == 0 {
			return nil, nil
		}
		return tx.ActiveUsers(ctx, []int64{cell.FollowerUserID})
	}
	ids := store.PathIDs(cell.Path)
	for i := len(ids) - 2; i >= 0; i-- {
		us, err := tx.UsersOfOrg(ctx, ids[i], auth.RoleBoard)
		if err != nil || len(us) > 0 {
			return us, err
		}
	}
	return nil, nil
}

// SentUnder lists the reminders sent about the cells now under org, newest
// first, with whom each reached.
func (s *Service) SentUnder(ctx context.Context, org int64, limit int) ([]SentReminder, error) {
	var out []SentReminder
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		list, err := tx.RemindersUnder(ctx, o.Path, limit)
		if err != nil {
			return err
		}
		for _, r := range list {
			names, err := tx.ReminderRecipients(ctx, r.ID)
			if err != nil {
				return err
			}
			out = append(out, SentReminder{SentReminder: r, To: names})
		}
		return nil
	})
	return out, err
}

// SentReminder is a reminder sent with the names of those it reached.
type SentReminder struct {
	store.SentReminder
	To []string
}
