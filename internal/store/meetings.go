package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"sync"
	"time"

	"chibo/internal/party"
)

// Meeting is a cell meeting as stored.
type Meeting struct {
	ID           int64
	OrgID        int64
	Kind         party.MeetingKind
	Period       party.Period
	Date         party.Date
	StartsAt     time.Time
	Place        string
	Topic        string
	Status       party.MeetingStatus
	RuleSet      string
	Combined     bool
	Agenda       []party.AgendaItem
	Prep         party.Preparation
	NoticeSentAt time.Time
	HeldAt       time.Time
	LockedAt     time.Time
	LockedBy     string
	Version      int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

const meetingCols = `id, org_id, kind, period, date, starts_at, place, topic, status, rule_set, combined, agenda, prep,
	notice_sent_at, held_at, locked_at, locked_by, version, created_at, updated_at`

func scanMeeting(sc interface{ Scan(...any) error }) (Meeting, error) {
	var m Meeting
	var period, agenda, prep string
	var lockedBy string
	err := sc.Scan(&m.ID, &m.OrgID, &m.Kind, &period, &m.Date, nullTime{&m.StartsAt}, &m.Place, &m.Topic, &m.Status, &m.RuleSet, &m.Combined,
		&agenda, &prep, nullTime{&m.NoticeSentAt}, nullTime{&m.HeldAt}, nullTime{&m.LockedAt}, nullStr{&lockedBy}, &m.Version,
		nullTime{&m.CreatedAt}, nullTime{&m.UpdatedAt})
	if err != nil {
		return m, err
	}
	m.LockedBy = lockedBy
	if m.Period, err = party.ParsePeriod(period); err != nil {
		return m, err
	}
	if m.Agenda, err = decodeAgenda(agenda); err != nil {
		return m, err
	}
	return m, json.Unmarshal([]byte(prep), &m.Prep)
}

// agendas are the decoded agendas of meetings: a cell's page reads its
// year of meetings, and decoding their agendas (a few kilobytes of
// Vietnamese each) was a third of the page's cost (about 15 MB when full).
var agendas = decodedCache[[]party.AgendaItem]{max: 2048, clone: slices.Clone[[]party.AgendaItem]}

func decodeAgenda(text string) ([]party.AgendaItem, error) { return agendas.get(text) }

// decodedCache keeps values decoded from stored JSON, keyed by the text
// itself: an entry can never be stale, whatever the database or server.
// Each caller gets its own copy (clone). When it holds max entries it is
// emptied and fills again.
type decodedCache[T any] struct {
	mu    sync.RWMutex
	m     map[string]T
	max   int
	clone func(T) T
}

func (c *decodedCache[T]) get(text string) (T, error) {
	c.mu.RLock()
	v, ok := c.m[text]
	c.mu.RUnlock()
	if ok {
		return c.clone(v), nil
	}
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		var zero T
		return zero, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = map[string]T{}
	}
	c.m[text] = v
	c.mu.Unlock()
	return c.clone(v), nil
}

// Meeting reads one meeting; lock takes a row lock for an update (the
// meeting's writes are serialized, so derived figures stay exact when two
// servers write at once).
func (tx *Tx) Meeting(ctx context.Context, id int64, lock bool) (Meeting, error) {
	q := `SELECT ` + meetingCols + ` FROM meetings WHERE id = $1`
	if lock {
		q += tx.ForUpdate()
	}
	m, err := scanMeeting(tx.QueryRow(ctx, q, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, party.NotFound("meeting.not_found", strconv.FormatInt(id, 10))
	}
	return m, err
}

// MeetingsOf lists a cell's meetings between two days (inclusive), by date.
func (tx *Tx) MeetingsOf(ctx context.Context, org int64, from, to party.Date) ([]Meeting, error) {
	rows, err := tx.Query(ctx, `SELECT `+meetingCols+` FROM meetings WHERE org_id = $1 AND date >= $2 AND date <= $3 ORDER BY date, starts_at, id`, org, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MeetingsForPeriods lists a cell's meetings whose period is one of ps.
func (tx *Tx) MeetingsForPeriods(ctx context.Context, org int64, ps []party.Period) ([]Meeting, error) {
	if len(ps) == 0 {
		return nil, nil
	}
	args := []any{org}
	ph := ""
	for i, p := range ps {
		if i > 0 {
			ph += ","
		}
		args = append(args, p.String())
		ph += "$" + strconv.Itoa(i+2)
	}
	rows, err := tx.Query(ctx, `SELECT `+meetingCols+` FROM meetings WHERE org_id = $1 AND period IN (`+ph+`) ORDER BY date, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func meetingJSON(m Meeting) (agenda, prep string, err error) {
	if m.Agenda == nil {
		m.Agenda = []party.AgendaItem{}
	}
	a, err := json.Marshal(m.Agenda)
	if err != nil {
		return "", "", err
	}
	p, err := json.Marshal(m.Prep)
	return string(a), string(p), err
}

// InsertMeeting stores a new meeting. A second regular meeting for the
// same cell and month is refused (a unique index holds it on both engines).
func (tx *Tx) InsertMeeting(ctx context.Context, m Meeting) (int64, error) {
	agenda, prep, err := meetingJSON(m)
	if err != nil {
		return 0, err
	}
	id, err := tx.insertID(ctx, `INSERT INTO meetings (org_id, kind, period, date, starts_at, place, topic, status, rule_set, combined, agenda, prep, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
		m.OrgID, m.Kind, m.Period.String(), m.Date, Unix(m.StartsAt), m.Place, m.Topic, m.Status, m.RuleSet, m.Combined, agenda, prep, Unix(tx.Now))
	if isUnique(err) {
		return 0, &party.Error{Code: party.ERule, Msg: party.M("meeting.regular_exists", m.Period),
			Fields: map[string]party.Msg{"period": party.M("meeting.regular_exists", m.Period)}}
	}
	return id, err
}

// UpdateMeeting saves a meeting's plan fields and status with an
// optimistic version check; it returns the new version.
func (tx *Tx) UpdateMeeting(ctx context.Context, m Meeting) (int64, error) {
	agenda, prep, err := meetingJSON(m)
	if err != nil {
		return 0, err
	}
	res, err := tx.Exec(ctx, `UPDATE meetings SET kind = $1, period = $2, date = $3, starts_at = $4, place = $5, topic = $6, status = $7, rule_set = $8,
		combined = $9, agenda = $10, prep = $11, notice_sent_at = $12, held_at = $13, locked_at = $14, locked_by = $15, updated_at = $16, version = version + 1
		WHERE id = $17 AND version = $18`,
		m.Kind, m.Period.String(), m.Date, Unix(m.StartsAt), m.Place, m.Topic, m.Status, m.RuleSet, m.Combined, agenda, prep,
		Unix(m.NoticeSentAt), Unix(m.HeldAt), Unix(m.LockedAt), nz(m.LockedBy), Unix(tx.Now), m.ID, m.Version)
	if isUnique(err) {
		return 0, &party.Error{Code: party.ERule, Msg: party.M("meeting.regular_exists", m.Period),
			Fields: map[string]party.Msg{"period": party.M("meeting.regular_exists", m.Period)}}
	}
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, party.Conflict("meeting.stale")
	}
	return m.Version + 1, nil
}

// DeleteMeeting removes a planned meeting (with its roll).
func (tx *Tx) DeleteMeeting(ctx context.Context, id int64) error {
	for _, q := range []string{`DELETE FROM ballots WHERE meeting_id = $1`, `DELETE FROM votes WHERE meeting_id = $1`,
		`DELETE FROM roll WHERE meeting_id = $1`, `DELETE FROM minutes WHERE meeting_id = $1`, `DELETE FROM meetings WHERE id = $1`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// RollRow is one member on a meeting's roll.
type RollRow struct {
	MemberID int64
	Position int
	FullName string
	Full     bool
	Derived  party.Derived
	TempIn   bool
	Editable bool
	Status   party.AttendanceStatus // "" while unmarked
	Reason   string
	DuesPaid bool
}

// Participant rebuilds the domain's view of a roll row.
func (r RollRow) Participant() party.Participant {
	st := party.State{Active: true, Status: party.DuBi}
	if r.Full {
		st.Status = party.ChinhThuc
	}
	switch r.Derived {
	case party.DerivedExempt:
		st.Exempt = true
	case party.DerivedTempOut:
		st.TempOutTo = -1 // elsewhere; which cell is not needed here
	case party.DerivedSuspended:
		st.Suspended = true
	case party.DerivedDetained:
		st.Detained = true
	}
	return party.Participant{MemberID: r.MemberID, FullName: r.FullName, State: st, TempIn: r.TempIn, Editable: r.Editable}
}

// Entry is the attendance recorded for the row.
func (r RollRow) Entry() party.Entry {
	return party.Entry{MemberID: r.MemberID, Status: r.Status, Reason: r.Reason, DuesPaid: r.DuesPaid}
}

// Roll reads a meeting's roll in roll order.
func (tx *Tx) Roll(ctx context.Context, meeting int64) ([]RollRow, error) {
	rows, err := tx.Query(ctx, `SELECT member_id, position, full_name, is_full, derived, temp_in, editable, status, reason, dues_paid
		FROM roll WHERE meeting_id = $1 ORDER BY position`, meeting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RollRow
	for rows.Next() {
		var r RollRow
		var status, reason string
		if err := rows.Scan(&r.MemberID, &r.Position, &r.FullName, &r.Full, &r.Derived, &r.TempIn, &r.Editable, nullStr{&status}, nullStr{&reason}, &r.DuesPaid); err != nil {
			return nil, err
		}
		r.Status, r.Reason = party.AttendanceStatus(status), reason
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReplaceRoll writes a meeting's roll: the standing of each summoned
// member and what was recorded. Rows not in rs are removed. stored is the
// roll as stored now (read under the meeting's lock; nil when none is):
// only the rows that differ are written, so one tap on the roll is one
// statement, not a roll's worth.
func (tx *Tx) ReplaceRoll(ctx context.Context, meeting int64, stored, rs []RollRow) error {
	was := make(map[int64]RollRow, len(stored))
	for _, r := range stored {
		was[r.MemberID] = r
	}
	var added []RollRow
	for _, r := range rs {
		old, ok := was[r.MemberID]
		delete(was, r.MemberID)
		switch {
		case !ok:
			added = append(added, r)
		case old != r:
			if _, err := tx.Exec(ctx, `UPDATE roll SET position = $3, full_name = $4, is_full = $5, derived = $6, temp_in = $7, editable = $8,
				status = $9, reason = $10, dues_paid = $11 WHERE meeting_id = $1 AND member_id = $2`,
				rollArgs(meeting, r)...); err != nil {
				return err
			}
		}
	}
	if len(was) > 0 {
		gone := make([]int64, 0, len(was))
		for id := range was {
			gone = append(gone, id)
		}
		in, args := inList(gone)
		n := len(args)
		if _, err := tx.Exec(ctx, `DELETE FROM roll WHERE member_id IN (`+in+`) AND meeting_id = $`+strconv.Itoa(n+1), append(args, meeting)...); err != nil {
			return err
		}
	}
	for chunk := range slices.Chunk(added, 100) {
		args := make([]any, 0, len(chunk)*11)
		for _, r := range chunk {
			args = append(args, rollArgs(meeting, r)...)
		}
		if err := tx.execRows(ctx, `INSERT INTO roll (meeting_id, member_id, position, full_name, is_full, derived, temp_in, editable, status, reason, dues_paid)
			VALUES `, 11, len(chunk), ``, args); err != nil {
			return err
		}
	}
	return nil
}

func rollArgs(meeting int64, r RollRow) []any {
	return []any{meeting, r.MemberID, r.Position, r.FullName, r.Full, string(r.Derived), r.TempIn, r.Editable, nz(string(r.Status)), nz(r.Reason), r.DuesPaid}
}

// VoteRecord is the vote of a meeting as stored.
type VoteRecord struct {
	Votes      party.Votes
	ByBallot   bool
	RecordedAt time.Time
}

// Votes reads a meeting's vote; ok is false when none is recorded.
func (tx *Tx) Votes(ctx context.Context, meeting int64) (v VoteRecord, ok bool, err error) {
	err = tx.QueryRow(ctx, `SELECT yes, no, abstain, by_ballot, recorded_at FROM votes WHERE meeting_id = $1`, meeting).
		Scan(&v.Votes.Yes, &v.Votes.No, &v.Votes.Abstain, &v.ByBallot, nullTime{&v.RecordedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return v, false, nil
	}
	if err != nil {
		return v, false, err
	}
	if v.ByBallot {
		rows, err := tx.Query(ctx, `SELECT b.member_id, b.vote, b.reserved FROM ballots b LEFT JOIN roll r ON r.meeting_id = b.meeting_id AND r.member_id = b.member_id
			WHERE b.meeting_id = $1 ORDER BY r.position`, meeting)
		if err != nil {
			return v, false, err
		}
		defer rows.Close()
		for rows.Next() {
			var b party.Ballot
			if err := rows.Scan(&b.MemberID, &b.Vote, nullStr{&b.Reserved}); err != nil {
				return v, false, err
			}
			v.Votes.Ballots = append(v.Votes.Ballots, b)
		}
		if err := rows.Err(); err != nil {
			return v, false, err
		}
	}
	return v, true, nil
}

// PutVotes records a meeting's vote, replacing any earlier one.
func (tx *Tx) PutVotes(ctx context.Context, meeting int64, v party.Votes) error {
	yes, no, abstain := v.Counts()
	byBallot := len(v.Ballots) > 0
	if _, err := tx.Exec(ctx, `DELETE FROM ballots WHERE meeting_id = $1`, meeting); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO votes (meeting_id, yes, no, abstain, by_ballot, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (meeting_id) DO UPDATE SET yes = excluded.yes, no = excluded.no, abstain = excluded.abstain, by_ballot = excluded.by_ballot, recorded_at = excluded.recorded_at`,
		meeting, yes, no, abstain, byBallot, Unix(tx.Now)); err != nil {
		return err
	}
	for _, b := range v.Ballots {
		if _, err := tx.Exec(ctx, `INSERT INTO ballots (meeting_id, member_id, vote, reserved) VALUES ($1, $2, $3, $4)`, meeting, b.MemberID, b.Vote, nz(b.Reserved)); err != nil {
			return err
		}
	}
	return nil
}

// MinutesRecord is the minutes of a meeting as stored.
type MinutesRecord struct {
	Content   party.MinutesContent
	Number    string // "05-BB/CB" when the record was given a number
	Version   int64
	UpdatedAt time.Time
	UpdatedBy string
}

type minutesJSON struct {
	Content party.MinutesContent `json:"content"`
	Number  string               `json:"number,omitempty"`
}

// Minutes reads a meeting's minutes; ok is false before the first save.
func (tx *Tx) Minutes(ctx context.Context, meeting int64) (m MinutesRecord, ok bool, err error) {
	var content string
	err = tx.QueryRow(ctx, `SELECT content, version, updated_at, updated_by FROM minutes WHERE meeting_id = $1`, meeting).
		Scan(&content, &m.Version, nullTime{&m.UpdatedAt}, &m.UpdatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, err
	}
	var j minutesJSON
	if err := json.Unmarshal([]byte(content), &j); err != nil {
		return m, false, err
	}
	m.Content, m.Number = j.Content, j.Number
	return m, true, nil
}

// PutMinutes saves the minutes if version is the version read (0 for the
// first save); two people editing the same minutes never overwrite each
// other silently. bodyText is the plain text kept for search and
// comparison. It returns the new version.
func (tx *Tx) PutMinutes(ctx context.Context, meeting int64, m MinutesRecord, bodyText string, version int64) (int64, error) {
	b, err := json.Marshal(minutesJSON{Content: m.Content, Number: m.Number})
	if err != nil {
		return 0, err
	}
	if version == 0 {
		_, err := tx.Exec(ctx, `INSERT INTO minutes (meeting_id, content, body_text, version, updated_at, updated_by) VALUES ($1, $2, $3, 1, $4, $5)`,
			meeting, string(b), bodyText, Unix(tx.Now), tx.Actor.Username)
		if isUnique(err) {
			return 0, party.Conflict("minutes.stale")
		}
		return 1, err
	}
	res, err := tx.Exec(ctx, `UPDATE minutes SET content = $1, body_text = $2, version = version + 1, updated_at = $3, updated_by = $4 WHERE meeting_id = $5 AND version = $6`,
		string(b), bodyText, Unix(tx.Now), tx.Actor.Username, meeting, version)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, party.Conflict("minutes.stale")
	}
	return version + 1, nil
}

// Amendment is a correction to signed minutes.
type Amendment struct {
	ID     int64
	At     time.Time
	Author string
	Reason string
	Text   string
}

// Amendments lists a meeting's amendments, oldest first.
func (tx *Tx) Amendments(ctx context.Context, meeting int64) ([]Amendment, error) {
	rows, err := tx.Query(ctx, `SELECT id, at, author, reason, text FROM amendments WHERE meeting_id = $1 ORDER BY id`, meeting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Amendment
	for rows.Next() {
		var a Amendment
		if err := rows.Scan(&a.ID, nullTime{&a.At}, &a.Author, &a.Reason, &a.Text); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// InsertAmendment adds a correction.
func (tx *Tx) InsertAmendment(ctx context.Context, meeting int64, a Amendment) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO amendments (meeting_id, at, author, reason, text) VALUES ($1, $2, $3, $4, $5)`,
		meeting, Unix(tx.Now), a.Author, a.Reason, a.Text)
}

// RuleSets reads every rule set, oldest first. A transaction reads them
// once (a write loads its meeting twice and its hooks load others).
func (tx *Tx) RuleSets(ctx context.Context) ([]party.RuleSet, error) {
	texts, ok := tx.Memo[memoRuleSets].([]string)
	if !ok {
		rows, err := tx.Query(ctx, `SELECT data FROM rule_sets ORDER BY effective_from`)
		if texts, err = collect(rows, err, scanText); err != nil {
			return nil, err
		}
		tx.Memo[memoRuleSets] = texts
	}
	out := make([]party.RuleSet, 0, len(texts))
	for _, data := range texts {
		rs, err := parseRuleSet(data)
		if err != nil {
			return nil, err
		}
		out = append(out, rs)
	}
	return out, nil
}

const memoRuleSets = "store.rule_sets"

// parsedRuleSets are the decoded rule sets: every meeting read needs its
// rule set, and decoding the agendas each time cost more than the rest of
// the read.
var parsedRuleSets = decodedCache[party.RuleSet]{max: 256, clone: cloneRuleSet}

func parseRuleSet(data string) (party.RuleSet, error) { return parsedRuleSets.get(data) }

// cloneRuleSet copies the agendas so that a caller editing its copy does
// not change the cached one.
func cloneRuleSet(rs party.RuleSet) party.RuleSet {
	ags := make([]party.AgendaTemplate, len(rs.Agendas))
	for i, a := range rs.Agendas {
		a.Items = append([]party.AgendaItem(nil), a.Items...)
		ags[i] = a
	}
	rs.Agendas = ags
	return rs
}

// PutRuleSet stores a rule set; replace=false keeps an existing one with
// the same code (so that defaults never overwrite an administrator's).
func (tx *Tx) PutRuleSet(ctx context.Context, rs party.RuleSet, replace bool) error {
	b, err := json.Marshal(rs)
	if err != nil {
		return err
	}
	q := `INSERT INTO rule_sets (code, name, effective_from, confirmed, data, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`
	if replace {
		q += ` ON CONFLICT (code) DO UPDATE SET name = excluded.name, effective_from = excluded.effective_from, confirmed = excluded.confirmed, data = excluded.data`
	} else {
		q += ` ON CONFLICT (code) DO NOTHING`
	}
	delete(tx.Memo, memoRuleSets)
	_, err = tx.Exec(ctx, q, rs.Code, rs.Name, rs.EffectiveFrom, rs.Confirmed, string(b), Unix(tx.Now), tx.Actor.Username)
	return err
}
