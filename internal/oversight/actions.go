package oversight

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"chibo/internal/auth"
	"chibo/internal/i18n"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Commendation and reminders to units (DOMAIN.md §10): "let the board
// pick and record the decision (number, date, units); reminders (nhắc
// nhở, uốn nắn): units below thresholds get a recorded reminder and are
// followed up".

// Forms of commendation (hình thức khen thưởng).
var CommendationForms = []string{"giay_khen", "bang_khen", "co_thi_dua", "khac"}

// Kinds of reminders to units.
var UnitReminderKinds = []string{"nhac_nho", "uon_nan"} // nhắc nhở; uốn nắn

// ownTotals are an organization's own figures over a range, wherever it
// stood in the tree: its sums for a committee, its rows for a cell.
func (s *Service) ownTotals(ctx context.Context, tx *store.Tx, o store.OrgRow, r Range, today party.Date) (Totals, error) {
	ov := Overview{Org: o, Range: r, Today: today}
	var err error
	if o.IsCell() {
		err = s.cellOverview(ctx, tx, &ov)
	} else {
		err = s.committeeOverview(ctx, tx, &ov, nil)
	}
	return ov.Total, err
}

// strictlyUnder reads unit and checks that it lies under org (not org
// itself): a committee commends and reminds the units under it.
func strictlyUnder(ctx context.Context, tx *store.Tx, org store.OrgRow, unit int64) (store.OrgRow, error) {
	u, err := tx.Org(ctx, unit)
	if err != nil {
		return u, err
	}
	if u.ID == org.ID || !strings.HasPrefix(u.Path, org.Path) {
		return u, party.RuleError("oversight.unit.not_under", u.Name, org.Name)
	}
	return u, nil
}

// usersOfUnit are the accounts that act for a unit: a cell's secretaries,
// a committee's board.
func usersOfUnit(ctx context.Context, tx *store.Tx, u store.OrgRow) ([]store.User, error) {
	if u.IsCell() {
		return tx.UsersOfOrg(ctx, u.ID, auth.RoleSecretary)
	}
	return tx.UsersOfOrg(ctx, u.ID, auth.RoleBoard)
}

// CommendInput is a commendation decision as the board records it.
type CommendInput struct {
	OrgID     int64
	Number    string
	DecidedOn party.Date
	Form      string
	Content   string
	Range     Range
	UnitIDs   []int64
}

// Commend records a commendation decision for units under the board's
// organization, with each unit's score for the period, and tells the
// units.
func (s *Service) Commend(ctx context.Context, actor store.Actor, in CommendInput) (int64, error) {
	today := s.today()
	in.Number, in.Content = vntext.Clean(in.Number), vntext.NFC(strings.TrimSpace(in.Content))
	f := party.FieldErrors{}
	if in.Number == "" {
		f.Add("number", "oversight.commend.number_required")
	}
	switch {
	case in.DecidedOn.IsZero():
		f.Add("decided_on", "oversight.commend.date_required")
	case in.DecidedOn.After(today):
		f.Add("decided_on", "oversight.commend.date_future", in.DecidedOn)
	}
	if !slices.Contains(CommendationForms, in.Form) {
		f.Add("form", "oversight.commend.form_invalid", in.Form)
	}
	in.UnitIDs = slices.Compact(slices.Sorted(slices.Values(in.UnitIDs)))
	if len(in.UnitIDs) == 0 {
		f.Add("units", "oversight.commend.no_units")
	}
	if len(f) > 0 {
		return 0, fieldsErr(f)
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		org, err := tx.Org(ctx, in.OrgID)
		if err != nil {
			return err
		}
		w, _, err := weightsFor(ctx, tx, org)
		if err != nil {
			return err
		}
		r, _ := in.Range.UpTo(party.MonthOf(today))
		c := store.Commendation{OrgID: org.ID, Number: in.Number, DecidedOn: in.DecidedOn, Form: in.Form, Content: in.Content,
			From: in.Range.From.String(), To: in.Range.To.String()}
		var units []store.OrgRow
		for _, uid := range in.UnitIDs {
			u, err := strictlyUnder(ctx, tx, org, uid)
			if err != nil {
				return err
			}
			t, err := s.ownTotals(ctx, tx, u, r, today)
			if err != nil {
				return err
			}
			c.Units = append(c.Units, store.CommendedUnit{UnitID: u.ID, Name: u.Name, Score: ScoreOf(t, w).Value})
			units = append(units, u)
		}
		if id, err = tx.InsertCommendation(ctx, c); err != nil {
			return err
		}
		for _, u := range units {
			users, err := usersOfUnit(ctx, tx, u)
			if err != nil {
				return err
			}
			for _, us := range users {
				if _, err := tx.Notify(ctx, store.Notification{UserID: us.ID, Kind: "commendation", OrgID: u.ID,
					Msg:  party.M("oversight.commend.notice", org.Name, party.M("oversight.commend.form."+in.Form), u.Name, in.Number, in.DecidedOn),
					Link: fmt.Sprintf("/orgs/%d/overview?%s", u.ID, in.Range.Query()), UniqueKey: fmt.Sprintf("commend:%d:%d:u%d", id, u.ID, us.ID)}); err != nil {
					return err
				}
			}
		}
		return tx.Audit(ctx, "create", "commendation", id, org.ID, nil, c)
	})
	return id, err
}

// Commendations lists a committee's decisions, newest first.
func (s *Service) Commendations(ctx context.Context, org int64, limit int) ([]store.Commendation, error) {
	var out []store.Commendation
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.Commendations(ctx, org, limit)
		return err
	})
	return out, err
}

// UnitReminderInput is a committee's reminder to a unit under it.
type UnitReminderInput struct {
	OrgID  int64
	UnitID int64
	Kind   string
	Reason string // empty: written from the unit's figures
	Range  Range
}

// RemindUnit records a reminder (nhắc nhở, uốn nắn) to a unit under the
// committee, with the unit's figures for the period so that later periods
// can be compared, and tells the unit.
func (s *Service) RemindUnit(ctx context.Context, actor store.Actor, in UnitReminderInput) (int64, error) {
	today := s.today()
	in.Reason = vntext.NFC(strings.TrimSpace(in.Reason))
	if !slices.Contains(UnitReminderKinds, in.Kind) {
		return 0, fieldsErr(party.FieldErrors{"kind": party.M("oversight.unit_reminder.kind_invalid", in.Kind)})
	}
	var id int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		org, err := tx.Org(ctx, in.OrgID)
		if err != nil {
			return err
		}
		u, err := strictlyUnder(ctx, tx, org, in.UnitID)
		if err != nil {
			return err
		}
		r, ok := in.Range.UpTo(party.MonthOf(today))
		if !ok {
			return fieldsErr(party.FieldErrors{"to": party.M("oversight.period.future", in.Range.From)})
		}
		t, err := s.ownTotals(ctx, tx, u, r, today)
		if err != nil {
			return err
		}
		w, _, err := weightsFor(ctx, tx, org)
		if err != nil {
			return err
		}
		if in.Reason == "" {
			in.Reason = i18n.Msg(i18n.VI, autoReason(t, r))
		}
		rem := store.UnitReminder{OrgID: org.ID, UnitID: u.ID, Kind: in.Kind, Reason: in.Reason, From: r.From.String(), To: r.To.String(),
			Score: ScoreOf(t, w).Value, OnTimeRate: t.OnTimeRate().Value, AttendanceRate: t.AttendanceRate().Value, IssuedOn: today}
		if id, err = tx.InsertUnitReminder(ctx, rem); err != nil {
			return err
		}
		users, err := usersOfUnit(ctx, tx, u)
		if err != nil {
			return err
		}
		for _, us := range users {
			if _, err := tx.Notify(ctx, store.Notification{UserID: us.ID, Kind: "unit_reminder", OrgID: u.ID,
				Msg:  party.M("oversight.unit_reminder.notice", org.Name, party.M("oversight.unit_reminder.kind."+in.Kind), u.Name, in.Reason),
				Link: unitLink(u, r), UniqueKey: fmt.Sprintf("unitremind:%d:u%d", id, us.ID)}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, "create", "unit_reminder", id, org.ID, nil, rem)
	})
	return id, err
}

// unitLink is where a unit acts on a reminder: a cell's calendar, a
// committee's overview.
func unitLink(u store.OrgRow, r Range) string {
	if u.IsCell() {
		return fmt.Sprintf("/orgs/%d/calendar?year=%d", u.ID, r.To.Year)
	}
	return fmt.Sprintf("/orgs/%d/overview?%s", u.ID, r.Query())
}

// autoReason says why a unit is reminded, from its figures.
func autoReason(t Totals, r Range) party.Msg {
	if t.Missing > 0 || t.Late > 0 {
		return party.M("oversight.unit_reminder.reason", r.From, r.To, t.Missing, t.Late, party.Percent(t.OnTimeRate().Value))
	}
	return party.M("oversight.unit_reminder.reason_weak", r.From, r.To, party.Percent(t.AttendanceRate().Value))
}

// Follow-up of a reminder to a unit.
const (
	FollowImproved    = "improved"     // the score rose since
	FollowNotImproved = "not_improved" // it did not
	FollowNoData      = "no_data"      // no month is over since
)

// UnitReminderView is a reminder with its follow-up: the unit's figures
// from the month after the period judged (or the month it was given,
// whichever is later) through the last month that is over.
type UnitReminderView struct {
	store.UnitReminder
	Since      Range
	After      Totals
	AfterScore Score
	Follow     string
}

// UnitReminders lists a committee's reminders to units with their
// follow-up.
func (s *Service) UnitReminders(ctx context.Context, org int64, limit int) ([]UnitReminderView, error) {
	today := s.today()
	var out []UnitReminderView
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		w, _, err := weightsFor(ctx, tx, o)
		if err != nil {
			return err
		}
		list, err := tx.UnitReminders(ctx, org, 0, limit)
		if err != nil {
			return err
		}
		for _, rem := range list {
			v := UnitReminderView{UnitReminder: rem, Follow: FollowNoData}
			to, err1 := party.ParsePeriod(rem.To)
			if err1 != nil {
				out = append(out, v)
				continue
			}
			from := to.Next()
			if m := party.MonthOf(rem.IssuedOn); m.First().After(from.First()) {
				from = m
			}
			v.Since = Range{From: from, To: party.MonthOf(today).Prev()}
			if v.Since.To.First().Before(v.Since.From.First()) {
				out = append(out, v)
				continue
			}
			u, err := tx.Org(ctx, rem.UnitID)
			if err != nil {
				return err
			}
			if v.After, err = s.ownTotals(ctx, tx, u, v.Since, today); err != nil {
				return err
			}
			v.AfterScore = ScoreOf(v.After, w)
			switch {
			case !v.AfterScore.Known:
			case v.AfterScore.Value > rem.Score:
				v.Follow = FollowImproved
			default:
				v.Follow = FollowNotImproved
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}
