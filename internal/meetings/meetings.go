// Package meetings is everything a secretary does for a cell meeting:
// plan it, prepare and notify, take attendance, record the vote, write the
// minutes, sign and lock them, amend them, print them. Every rule is
// computed by the domain core (internal/party); this package loads the
// data, calls the rules and stores the result in one transaction.
package meetings

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Hook runs inside the transaction of every write to a meeting, after it:
// oversight keeps its summaries and search its index up to date this way
// without this package knowing about them.
type Hook func(ctx context.Context, tx *store.Tx, m store.Meeting) error

// Service runs meeting use cases.
type Service struct {
	DB    *store.DB
	Now   func() time.Time
	Hooks []Hook
}

// New returns a Service with the real clock.
func New(db *store.DB) *Service { return &Service{DB: db, Now: time.Now} }

func (s *Service) today() party.Date { return party.DateOf(s.Now()) }

// EnsureRuleSets writes the default rule sets (DOMAIN.md §1) when they are
// missing; an administrator's changes are kept.
func (s *Service) EnsureRuleSets(ctx context.Context) error {
	return s.DB.Update(ctx, store.System, func(tx *store.Tx) error {
		for _, rs := range party.DefaultRuleSets() {
			if err := tx.PutRuleSet(ctx, rs, false); err != nil {
				return err
			}
		}
		return nil
	})
}

// ruleSetOn is the rule set in force on day d.
func ruleSetOn(ctx context.Context, tx *store.Tx, d party.Date) (party.RuleSet, error) {
	sets, err := tx.RuleSets(ctx)
	if err != nil {
		return party.RuleSet{}, err
	}
	if len(sets) == 0 {
		sets = party.DefaultRuleSets()
	}
	rs, ok := party.RuleSetOn(sets, d)
	if !ok {
		return rs, party.RuleError("meeting.no_rule_set", d)
	}
	return rs, nil
}

// ruleSet finds a rule set by code (the one a meeting was judged by).
func ruleSet(ctx context.Context, tx *store.Tx, code string, d party.Date) (party.RuleSet, error) {
	sets, err := tx.RuleSets(ctx)
	if err != nil {
		return party.RuleSet{}, err
	}
	for _, rs := range sets {
		if rs.Code == code {
			return rs, nil
		}
	}
	return ruleSetOn(ctx, tx, d)
}

var hhmm = regexp.MustCompile(`^([01]?\d|2[0-3])[:hg.]([0-5]\d)$`)

// ParseTime reads "19:30" (also "19h30", "19.30") into hours and minutes.
func ParseTime(s string) (h, m int, ok bool) {
	p := hhmm.FindStringSubmatch(strings.TrimSpace(strings.ToLower(s)))
	if p == nil {
		return 0, 0, false
	}
	h, _ = strconv.Atoi(p[1])
	m, _ = strconv.Atoi(p[2])
	return h, m, true
}

// Plan is what planning a meeting needs.
type Plan struct {
	OrgID    int64
	Kind     party.MeetingKind
	Date     party.Date
	Time     string // "19:30"
	Place    string
	Topic    string
	Period   party.Period // zero: the period of the date
	Combined bool         // a regular and thematic meeting held together
}

// allowedPeriods are the periods a meeting held on d may count for: its own,
// or — held late — the one before (a June meeting held on 3 July).
func allowedPeriods(k party.MeetingKind, d party.Date) []party.Period {
	p := party.PeriodFor(k, d)
	if k == party.BatThuong {
		return []party.Period{p}
	}
	return []party.Period{p, p.Prev()}
}

func validatePlan(p *Plan, today party.Date) (time.Time, error) {
	f := party.FieldErrors{}
	if !p.Kind.Valid() {
		f.Add("kind", "meeting.kind_invalid")
	}
	if p.Date.IsZero() {
		f.Add("date", "field.required")
	} else if p.Date.After(today.AddMonths(18)) {
		f.Add("date", "meeting.too_far_ahead")
	}
	h, m, ok := ParseTime(p.Time)
	if !ok {
		f.Add("time", "meeting.time_invalid")
	}
	p.Place, p.Topic = vntext.Clean(p.Place), vntext.Clean(p.Topic)
	if p.Kind == party.ChuyenDe && p.Topic == "" {
		f.Add("topic", "meeting.topic_required")
	}
	if p.Kind.Valid() && !p.Date.IsZero() {
		if p.Period.IsZero() {
			p.Period = party.PeriodFor(p.Kind, p.Date)
		}
		allowed := allowedPeriods(p.Kind, p.Date)
		okp := false
		for _, a := range allowed {
			okp = okp || a == p.Period
		}
		if !okp {
			f.Add("period", "meeting.period_not_allowed", p.Period, p.Date)
		}
	}
	if err := f.Err(); err != nil {
		return time.Time{}, err
	}
	return p.Date.At(h, m), nil
}

// Plan schedules a meeting of a cell. A second regular meeting for the
// same month is refused; the agenda starts from the rule set's template
// for the kind of meeting and the type of cell.
func (s *Service) Plan(ctx context.Context, actor store.Actor, p Plan) (int64, error) {
	starts, err := validatePlan(&p, s.today())
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		cell, err := requireCell(ctx, tx, p.OrgID, p.Date)
		if err != nil {
			return err
		}
		rs, err := ruleSetOn(ctx, tx, p.Date)
		if err != nil {
			return err
		}
		if p.Place == "" {
			p.Place = cell.UsualPlace
		}
		m := store.Meeting{OrgID: p.OrgID, Kind: p.Kind, Period: p.Period, Date: p.Date, StartsAt: starts, Place: p.Place, Topic: p.Topic,
			Status: party.DuKien, RuleSet: rs.Code, Combined: p.Combined, Agenda: agendaFor(rs, p.Kind, cell.CellType, p.Period)}
		if id, err = tx.InsertMeeting(ctx, m); err != nil {
			return err
		}
		m.ID, m.Version = id, 1
		if err := tx.Audit(ctx, "create", "meeting", id, p.OrgID, nil, m); err != nil {
			return err
		}
		return s.after(ctx, tx, store.Meeting{}, m)
	})
	return id, err
}

// agendaFor fills the rule set's template with the period ("tháng 6/2026").
func agendaFor(rs party.RuleSet, k party.MeetingKind, ct party.CellType, p party.Period) []party.AgendaItem {
	items := rs.Agenda(k, ct)
	for i := range items {
		items[i].Title = items[i].TitleFor(p)
	}
	return items
}

// requireCell loads a cell that exists on day d.
func requireCell(ctx context.Context, tx *store.Tx, id int64, d party.Date) (store.OrgRow, error) {
	o, err := tx.Org(ctx, id)
	if err != nil {
		return o, err
	}
	if !o.IsCell() {
		return o, party.RuleError("meeting.org_not_cell", o.Name)
	}
	if !o.Dissolved.IsZero() && !d.Before(o.Dissolved) {
		return o, party.RuleError("org.dissolved", o.Name, o.Dissolved)
	}
	return o, nil
}

// PlanYear schedules the regular meetings still missing in a year, from
// the current month on, on the cell's usual day, time and place ("ngày 5
// hằng tháng"). It returns how many it planned.
func (s *Service) PlanYear(ctx context.Context, actor store.Actor, cell int64, year int) (int, error) {
	today := s.today()
	n := 0
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		o, err := requireCell(ctx, tx, cell, today)
		if err != nil {
			return err
		}
		day, at := o.UsualDay, o.UsualTime
		if day == 0 {
			day = 5
		}
		if at == "" {
			at = "19:30"
		}
		h, mi, ok := ParseTime(at)
		if !ok {
			h, mi = 19, 30
		}
		var months []party.Period
		for m := time.January; m <= time.December; m++ {
			p := party.MonthPeriod(year, m)
			if p.Last().Before(today) {
				continue
			}
			months = append(months, p)
		}
		existing, err := tx.MeetingsForPeriods(ctx, cell, months)
		if err != nil {
			return err
		}
		has := map[party.Period]bool{}
		for _, m := range existing {
			if m.Kind == party.ThuongKy {
				has[m.Period] = true
			}
		}
		for _, p := range months {
			if has[p] {
				continue
			}
			d := party.D(year, p.Month, day)
			if d.Before(today) {
				d = today
			}
			rs, err := ruleSetOn(ctx, tx, d)
			if err != nil {
				return err
			}
			m := store.Meeting{OrgID: cell, Kind: party.ThuongKy, Period: p, Date: d, StartsAt: d.At(h, mi), Place: o.UsualPlace,
				Status: party.DuKien, RuleSet: rs.Code, Agenda: agendaFor(rs, party.ThuongKy, o.CellType, p)}
			id, err := tx.InsertMeeting(ctx, m)
			if err != nil {
				return err
			}
			m.ID, m.Version = id, 1
			if err := s.after(ctx, tx, store.Meeting{}, m); err != nil {
				return err
			}
			n++
		}
		return tx.Audit(ctx, "plan_year", "org", cell, cell, nil, map[string]int{"year": year, "planned": n})
	})
	return n, err
}

// Change is an edit of a planned meeting: when, where, what, the agenda
// and the preparation checklist. Nil fields stay as they are.
type Change struct {
	Date     *party.Date
	Time     *string
	Place    *string
	Topic    *string
	Agenda   []party.AgendaItem
	Prep     *party.Preparation
	Combined *bool
	Version  int64
}

// Update edits a meeting that is not signed. Once attendance is taken the
// date cannot move: the roll was drawn for that day.
func (s *Service) Update(ctx context.Context, actor store.Actor, id int64, c Change) (int64, error) {
	var version int64
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Meeting(ctx, id, true)
		if err != nil {
			return err
		}
		before := m
		if m.Status.Locked() {
			return party.Errorf(party.ELocked, "meeting.locked")
		}
		if c.Version != 0 && c.Version != m.Version {
			return party.Conflict("meeting.stale")
		}
		p := Plan{OrgID: m.OrgID, Kind: m.Kind, Date: m.Date, Time: m.StartsAt.In(party.Zone).Format("15:04"), Place: m.Place, Topic: m.Topic, Period: m.Period}
		if c.Date != nil && *c.Date != m.Date {
			if !m.HeldAt.IsZero() {
				return party.RuleError("meeting.date_fixed_after_roll")
			}
			p.Date, p.Period = *c.Date, party.Period{}
		}
		if c.Time != nil {
			p.Time = *c.Time
		}
		if c.Place != nil {
			p.Place = *c.Place
		}
		if c.Topic != nil {
			p.Topic = *c.Topic
		}
		starts, err := validatePlan(&p, s.today())
		if err != nil {
			return err
		}
		m.Date, m.Period, m.StartsAt, m.Place, m.Topic = p.Date, p.Period, starts, p.Place, p.Topic
		if c.Agenda != nil {
			m.Agenda, err = cleanAgenda(c.Agenda)
			if err != nil {
				return err
			}
		}
		if c.Prep != nil {
			prep := *c.Prep
			prep.NoticeSentAt = m.Prep.NoticeSentAt // only a notice sets it
			prep.DraftResolution = strings.TrimSpace(vntext.NFC(prep.DraftResolution))
			prep.LeadPaper = strings.TrimSpace(vntext.NFC(prep.LeadPaper))
			prep.LeadPaperAuthors = vntext.Clean(prep.LeadPaperAuthors)
			prep.Notes = strings.TrimSpace(vntext.NFC(prep.Notes))
			if !prep.CommitteeMetOn.IsZero() && prep.CommitteeMetOn.After(m.Date) {
				f := party.FieldErrors{}
				f.Add("committee_met_on", "meeting.committee_after_meeting")
				return f.Err()
			}
			m.Prep = prep
		}
		if c.Combined != nil {
			m.Combined = *c.Combined
		}
		if rs, err := ruleSetOn(ctx, tx, m.Date); err == nil {
			m.RuleSet = rs.Code
		}
		if version, err = tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		m.Version = version
		if err := tx.Audit(ctx, "update", "meeting", id, m.OrgID, before, m); err != nil {
			return err
		}
		return s.after(ctx, tx, before, m)
	})
	return version, err
}

func cleanAgenda(items []party.AgendaItem) ([]party.AgendaItem, error) {
	out := make([]party.AgendaItem, 0, len(items))
	seen := map[string]bool{}
	for i, it := range items {
		it.Title = vntext.Clean(it.Title)
		it.Hint = vntext.Clean(it.Hint)
		if it.Title == "" {
			continue
		}
		if it.Key == "" || seen[it.Key] {
			it.Key = fmt.Sprintf("muc_%d", i+1)
		}
		switch it.Part {
		case party.PartOpening, party.PartContent, party.PartClosing:
		default:
			it.Part = party.PartContent
		}
		seen[it.Key] = true
		out = append(out, it)
	}
	if len(out) == 0 {
		f := party.FieldErrors{}
		f.Add("agenda", "meeting.agenda_empty")
		return nil, f.Err()
	}
	return out, nil
}

// Delete removes a meeting on which nothing was recorded yet.
func (s *Service) Delete(ctx context.Context, actor store.Actor, id int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		m, err := tx.Meeting(ctx, id, true)
		if err != nil {
			return err
		}
		if m.Status.Locked() {
			return party.Errorf(party.ELocked, "meeting.locked")
		}
		if !m.HeldAt.IsZero() {
			return party.RuleError("meeting.delete_after_roll")
		}
		if err := tx.DeleteMeeting(ctx, id); err != nil {
			return err
		}
		if err := tx.Audit(ctx, "delete", "meeting", id, m.OrgID, m, nil); err != nil {
			return err
		}
		m.Status = "deleted"
		return s.after(ctx, tx, store.Meeting{}, m)
	})
}

// after runs the hooks of a write with the meeting as it now stands, and
// first with the meeting as it stood when the change moved it to another
// period, date or kind (so that the figures it leaves are corrected too).
func (s *Service) after(ctx context.Context, tx *store.Tx, before, m store.Meeting) error {
	states := []store.Meeting{m}
	if before.ID != 0 && (before.Period != m.Period || before.Date != m.Date || before.Kind != m.Kind || before.Combined != m.Combined) {
		states = []store.Meeting{before, m}
	}
	for _, st := range states {
		for _, h := range s.Hooks {
			if err := h(ctx, tx, st); err != nil {
				return err
			}
		}
	}
	return nil
}
