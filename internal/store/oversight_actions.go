package store

import (
	"context"
	"strconv"
	"time"

	"chibo/internal/party"
)

// What committees decide from the figures (DOMAIN.md §10): reminders to
// units, commendations, model meetings, ranking weights, year ratings.

// UnitReminder is a committee's reminder to a unit (nhắc nhở, uốn nắn)
// with the unit's figures for the period judged.
type UnitReminder struct {
	ID             int64
	OrgID          int64
	UnitID         int64
	UnitName       string
	Kind           string
	Reason         string
	From, To       string // months, YYYY-MM
	Score          float64
	OnTimeRate     float64
	AttendanceRate float64
	IssuedOn       party.Date
	CreatedBy      string
	CreatedAt      time.Time
}

// InsertUnitReminder records a reminder to a unit.
func (tx *Tx) InsertUnitReminder(ctx context.Context, r UnitReminder) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO unit_reminders (org_id, unit_id, kind, reason, period_from, period_to, score, on_time_rate, attendance_rate, issued_on, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		r.OrgID, r.UnitID, r.Kind, r.Reason, r.From, r.To, r.Score, r.OnTimeRate, r.AttendanceRate, r.IssuedOn, tx.Actor.Username, Unix(tx.Now))
}

const unitReminderCols = `r.id, r.org_id, r.unit_id, u.name, r.kind, r.reason, r.period_from, r.period_to, r.score, r.on_time_rate, r.attendance_rate, r.issued_on, r.created_by, r.created_at`

// UnitReminders lists the reminders a committee gave (org) or a unit got
// (unit), newest first; 0 leaves a side open.
func (tx *Tx) UnitReminders(ctx context.Context, org, unit int64, limit int) ([]UnitReminder, error) {
	q := `SELECT ` + unitReminderCols + ` FROM unit_reminders r JOIN orgs u ON u.id = r.unit_id WHERE 1 = 1`
	var args []any
	if org != 0 {
		args = append(args, org)
		q += ` AND r.org_id = $` + strconv.Itoa(len(args))
	}
	if unit != 0 {
		args = append(args, unit)
		q += ` AND r.unit_id = $` + strconv.Itoa(len(args))
	}
	rows, err := tx.Query(ctx, q+` ORDER BY r.issued_on DESC, r.id DESC LIMIT `+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UnitReminder
	for rows.Next() {
		var r UnitReminder
		if err := rows.Scan(&r.ID, &r.OrgID, &r.UnitID, &r.UnitName, &r.Kind, &r.Reason, &r.From, &r.To, &r.Score, &r.OnTimeRate, &r.AttendanceRate,
			&r.IssuedOn, &r.CreatedBy, nullTime{&r.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Commendation is a commendation decision (khen thưởng) and its units.
type Commendation struct {
	ID        int64
	OrgID     int64
	Number    string
	DecidedOn party.Date
	Form      string
	Content   string
	From, To  string
	CreatedBy string
	CreatedAt time.Time
	Units     []CommendedUnit
}

// CommendedUnit is a unit named in a decision, with its score then.
type CommendedUnit struct {
	UnitID int64
	Name   string
	Score  float64
}

// InsertCommendation records a decision with its units; a number the
// committee already used is a conflict.
func (tx *Tx) InsertCommendation(ctx context.Context, c Commendation) (int64, error) {
	id, err := tx.insertID(ctx, `INSERT INTO commendations (org_id, number, decided_on, form, content, period_from, period_to, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, c.OrgID, c.Number, c.DecidedOn, c.Form, c.Content, c.From, c.To, tx.Actor.Username, Unix(tx.Now))
	if isUnique(err) {
		return 0, &party.Error{Code: party.EConflict, Msg: party.M("oversight.commend.number_taken", c.Number),
			Fields: map[string]party.Msg{"number": party.M("oversight.commend.number_taken", c.Number)}}
	}
	if err != nil {
		return 0, err
	}
	for _, u := range c.Units {
		if _, err := tx.Exec(ctx, `INSERT INTO commendation_units (commendation_id, unit_id, score) VALUES ($1, $2, $3)`, id, u.UnitID, u.Score); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// Commendations lists a committee's decisions, newest first, with units.
func (tx *Tx) Commendations(ctx context.Context, org int64, limit int) ([]Commendation, error) {
	rows, err := tx.Query(ctx, `SELECT id, org_id, number, decided_on, form, content, period_from, period_to, created_by, created_at
		FROM commendations WHERE org_id = $1 ORDER BY decided_on DESC, id DESC LIMIT `+strconv.Itoa(limit), org)
	if err != nil {
		return nil, err
	}
	var out []Commendation
	for rows.Next() {
		var c Commendation
		if err := rows.Scan(&c.ID, &c.OrgID, &c.Number, &c.DecidedOn, &c.Form, &c.Content, &c.From, &c.To, &c.CreatedBy, nullTime{&c.CreatedAt}); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		urows, err := tx.Query(ctx, `SELECT cu.unit_id, o.name, cu.score FROM commendation_units cu JOIN orgs o ON o.id = cu.unit_id
			WHERE cu.commendation_id = $1 ORDER BY cu.score DESC, o.name_sort`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for urows.Next() {
			var u CommendedUnit
			if err := urows.Scan(&u.UnitID, &u.Name, &u.Score); err != nil {
				urows.Close()
				return nil, err
			}
			out[i].Units = append(out[i].Units, u)
		}
		urows.Close()
		if err := urows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ModelMeeting is a meeting a committee marked as a model for the cells
// of the same type under it (nhân rộng điển hình), as it was when marked.
type ModelMeeting struct {
	MeetingID   int64
	OrgID       int64 // the committee that marked it
	OrgName     string
	OrgPath     string // its current path (who may see the model)
	CellID      int64
	CellName    string
	CellType    party.CellType
	Kind        party.MeetingKind
	Period      string
	HeldOn      party.Date
	Topic       string
	LeadPaper   string
	Resolution  string
	MinutesText string
	Note        string
	MarkedBy    string
	MarkedAt    time.Time
}

// PutModelMeeting marks a meeting as a model (again: the copy and note
// are replaced).
func (tx *Tx) PutModelMeeting(ctx context.Context, m ModelMeeting) error {
	_, err := tx.Exec(ctx, `INSERT INTO model_meetings (meeting_id, org_id, cell_id, cell_type, kind, period, held_on, topic, lead_paper, resolution, minutes_text, note, marked_by, marked_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (meeting_id) DO UPDATE SET org_id = excluded.org_id, cell_type = excluded.cell_type, topic = excluded.topic, lead_paper = excluded.lead_paper,
		resolution = excluded.resolution, minutes_text = excluded.minutes_text, note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
		m.MeetingID, m.OrgID, m.CellID, string(m.CellType), string(m.Kind), m.Period, m.HeldOn, m.Topic, m.LeadPaper, m.Resolution, m.MinutesText, m.Note,
		tx.Actor.Username, Unix(tx.Now))
	return err
}

// DeleteModelMeeting unmarks a model; found is false when it was none.
func (tx *Tx) DeleteModelMeeting(ctx context.Context, meeting int64) (found bool, err error) {
	res, err := tx.Exec(ctx, `DELETE FROM model_meetings WHERE meeting_id = $1`, meeting)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// ModelMeetings lists the models of a cell type ("" for all) and a kind
// ("" for all), newest first.
func (tx *Tx) ModelMeetings(ctx context.Context, cellType party.CellType, kind party.MeetingKind, limit int) ([]ModelMeeting, error) {
	rows, err := tx.Query(ctx, `SELECT mm.meeting_id, mm.org_id, o.name, o.path, mm.cell_id, c.name, mm.cell_type, mm.kind, mm.period, mm.held_on, mm.topic,
		mm.lead_paper, mm.resolution, mm.minutes_text, mm.note, mm.marked_by, mm.marked_at
		FROM model_meetings mm JOIN orgs o ON o.id = mm.org_id JOIN orgs c ON c.id = mm.cell_id
		WHERE ($1 = '' OR mm.cell_type = $1) AND ($2 = '' OR mm.kind = $2) ORDER BY mm.marked_at DESC, mm.meeting_id DESC LIMIT `+strconv.Itoa(limit),
		string(cellType), string(kind))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ModelMeeting
	for rows.Next() {
		var m ModelMeeting
		if err := rows.Scan(&m.MeetingID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.CellID, &m.CellName, &m.CellType, &m.Kind, &m.Period, &m.HeldOn, &m.Topic,
			&m.LeadPaper, &m.Resolution, &m.MinutesText, &m.Note, &m.MarkedBy, nullTime{&m.MarkedAt}); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// IsModelMeeting reports whether a meeting is marked as a model.
func (tx *Tx) IsModelMeeting(ctx context.Context, meeting int64) (bool, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM model_meetings WHERE meeting_id = $1`, meeting).Scan(&n)
	return n > 0, err
}

// RankingWeightsRow is a committee's stored weights.
type RankingWeightsRow struct {
	OrgID                                    int64
	OnTime, Thematic, Attendance, Tot, Flags int
	UpdatedBy                                string
	UpdatedAt                                time.Time
}

// RankingWeightsNearest finds the weights of the nearest organization on
// a path (the organization itself first, then its ancestors); ok is false
// when none stored any.
func (tx *Tx) RankingWeightsNearest(ctx context.Context, path []int64) (w RankingWeightsRow, ok bool, err error) {
	if len(path) == 0 {
		return w, false, nil
	}
	in, args := inList(path)
	rows, err := tx.Query(ctx, `SELECT org_id, on_time, thematic, attendance, tot, flags, updated_by, updated_at FROM ranking_weights WHERE org_id IN (`+in+`)`, args...)
	if err != nil {
		return w, false, err
	}
	defer rows.Close()
	found := map[int64]RankingWeightsRow{}
	for rows.Next() {
		var r RankingWeightsRow
		if err := rows.Scan(&r.OrgID, &r.OnTime, &r.Thematic, &r.Attendance, &r.Tot, &r.Flags, &r.UpdatedBy, nullTime{&r.UpdatedAt}); err != nil {
			return w, false, err
		}
		found[r.OrgID] = r
	}
	if err := rows.Err(); err != nil {
		return w, false, err
	}
	for i := len(path) - 1; i >= 0; i-- {
		if r, ok := found[path[i]]; ok {
			return r, true, nil
		}
	}
	return w, false, nil
}

// PutRankingWeights stores a committee's weights.
func (tx *Tx) PutRankingWeights(ctx context.Context, r RankingWeightsRow) error {
	_, err := tx.Exec(ctx, `INSERT INTO ranking_weights (org_id, on_time, thematic, attendance, tot, flags, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (org_id) DO UPDATE SET on_time = excluded.on_time, thematic = excluded.thematic, attendance = excluded.attendance, tot = excluded.tot,
		flags = excluded.flags, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		r.OrgID, r.OnTime, r.Thematic, r.Attendance, r.Tot, r.Flags, Unix(tx.Now), tx.Actor.Username)
	return err
}

// YearRatingRow is a cell's confirmed year-end rating.
type YearRatingRow struct {
	OrgID       int64
	Year        int
	Score       float64
	Proposed    party.YearRating
	Rating      party.YearRating
	Note        string
	ConfirmedBy string
	ConfirmedAt time.Time
}

// PutYearRating records (or replaces) a confirmed rating.
func (tx *Tx) PutYearRating(ctx context.Context, r YearRatingRow) error {
	_, err := tx.Exec(ctx, `INSERT INTO year_ratings (org_id, year, score, proposed, rating, note, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (org_id, year) DO UPDATE SET score = excluded.score, proposed = excluded.proposed, rating = excluded.rating, note = excluded.note,
		confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`,
		r.OrgID, r.Year, r.Score, string(r.Proposed), string(r.Rating), r.Note, tx.Actor.Username, Unix(tx.Now))
	return err
}

// YearRatings reads the confirmed ratings of the cells listed for a year.
func (tx *Tx) YearRatings(ctx context.Context, cells []int64, year int) (map[int64]YearRatingRow, error) {
	out := map[int64]YearRatingRow{}
	for _, c := range chunks(cells) {
		in, args := inList(c)
		args = append(args, year)
		rows, err := tx.Query(ctx, `SELECT org_id, year, score, proposed, rating, note, confirmed_by, confirmed_at FROM year_ratings WHERE org_id IN (`+in+`) AND year = $`+
			strconv.Itoa(len(args)), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r YearRatingRow
			if err := rows.Scan(&r.OrgID, &r.Year, &r.Score, &r.Proposed, &r.Rating, &r.Note, &r.ConfirmedBy, nullTime{&r.ConfirmedAt}); err != nil {
				rows.Close()
				return nil, err
			}
			out[r.OrgID] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// YearRating reads one cell's confirmed rating.
func (tx *Tx) YearRating(ctx context.Context, cell int64, year int) (YearRatingRow, bool, error) {
	m, err := tx.YearRatings(ctx, []int64{cell}, year)
	if err != nil {
		return YearRatingRow{}, false, err
	}
	r, ok := m[cell]
	return r, ok, nil
}

// UnitsRemindedSince finds, for each unit listed, the latest reminder it
// got on or after a day.
func (tx *Tx) UnitsRemindedSince(ctx context.Context, units []int64, since party.Date) (map[int64]UnitReminder, error) {
	out := map[int64]UnitReminder{}
	for _, c := range chunks(units) {
		in, args := inList(c)
		args = append(args, since)
		rows, err := tx.Query(ctx, `SELECT `+unitReminderCols+` FROM unit_reminders r JOIN orgs u ON u.id = r.unit_id WHERE r.unit_id IN (`+in+`)
			AND r.issued_on >= $`+strconv.Itoa(len(args))+` ORDER BY r.issued_on, r.id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r UnitReminder
			if err := rows.Scan(&r.ID, &r.OrgID, &r.UnitID, &r.UnitName, &r.Kind, &r.Reason, &r.From, &r.To, &r.Score, &r.OnTimeRate, &r.AttendanceRate,
				&r.IssuedOn, &r.CreatedBy, nullTime{&r.CreatedAt}); err != nil {
				rows.Close()
				return nil, err
			}
			out[r.UnitID] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
