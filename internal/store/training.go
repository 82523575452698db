package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
)

// Course is a training course (lớp bồi dưỡng) organized by a committee.
type Course struct {
	ID            int64
	OrganizerID   int64
	OrganizerName string // read only
	OrganizerPath string // read only
	Title         string
	StartsOn      party.Date
	EndsOn        party.Date
	Place         string
	Outline       string
	TargetRoles   []string // bi_thu, pho_bi_thu, chi_uy_vien, dang_vien_moi
	Capacity      int      // 0: no limit
	Participants  int      // read only
	Version       int64
	CreatedAt     time.Time
	CreatedBy     string
}

const courseCols = `c.id, c.organizer_id, o.name, o.path, c.title, c.starts_on, c.ends_on, c.place, c.outline, c.target_roles, c.capacity,
	(SELECT count(*) FROM course_participants p WHERE p.course_id = c.id), c.version, c.created_at, c.created_by`

func scanCourse(sc interface{ Scan(...any) error }) (Course, error) {
	var c Course
	var roles string
	err := sc.Scan(&c.ID, &c.OrganizerID, &c.OrganizerName, &c.OrganizerPath, &c.Title, &c.StartsOn, &c.EndsOn, &c.Place, &c.Outline, &roles,
		&c.Capacity, &c.Participants, &c.Version, nullTime{&c.CreatedAt}, &c.CreatedBy)
	if roles != "" {
		c.TargetRoles = strings.Split(roles, ",")
	}
	return c, err
}

// InsertCourse stores a new course.
func (tx *Tx) InsertCourse(ctx context.Context, c Course) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO courses (organizer_id, title, starts_on, ends_on, place, outline, target_roles, capacity, created_at, created_by, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9)`,
		c.OrganizerID, c.Title, c.StartsOn, c.EndsOn, c.Place, c.Outline, strings.Join(c.TargetRoles, ","), c.Capacity, Unix(tx.Now), tx.Actor.Username)
}

// UpdateCourse saves a course with an optimistic version check.
func (tx *Tx) UpdateCourse(ctx context.Context, c Course) error {
	res, err := tx.Exec(ctx, `UPDATE courses SET title = $1, starts_on = $2, ends_on = $3, place = $4, outline = $5, target_roles = $6, capacity = $7,
		updated_at = $8, version = version + 1 WHERE id = $9 AND version = $10`,
		c.Title, c.StartsOn, c.EndsOn, c.Place, c.Outline, strings.Join(c.TargetRoles, ","), c.Capacity, Unix(tx.Now), c.ID, c.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.Conflict("training.stale")
	}
	return nil
}

// Course reads one course; lock takes a row lock (enrolment counts
// against the capacity).
func (tx *Tx) Course(ctx context.Context, id int64, lock bool) (Course, error) {
	q := `SELECT ` + courseCols + ` FROM courses c JOIN orgs o ON o.id = c.organizer_id WHERE c.id = $1`
	if lock && tx.Engine == Postgres {
		q += ` FOR UPDATE OF c`
	}
	c, err := scanCourse(tx.QueryRow(ctx, q, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, party.NotFound("training.not_found", strconv.FormatInt(id, 10))
	}
	return c, err
}

// CoursesUnder lists the courses organized within the subtree of path,
// the latest first; from and to (when set) keep those that overlap them.
func (tx *Tx) CoursesUnder(ctx context.Context, path string, from, to party.Date, limit int) ([]Course, error) {
	lo, hi := SubtreeRange(path)
	args := []any{lo, hi}
	q := `SELECT ` + courseCols + ` FROM courses c JOIN orgs o ON o.id = c.organizer_id WHERE o.path >= $1 AND o.path < $2`
	if !from.IsZero() {
		args = append(args, from)
		q += ` AND c.ends_on >= $` + strconv.Itoa(len(args))
	}
	if !to.IsZero() {
		args = append(args, to)
		q += ` AND c.starts_on <= $` + strconv.Itoa(len(args))
	}
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	rows, err := tx.Query(ctx, q+` ORDER BY c.starts_on DESC, c.id DESC LIMIT `+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Course
	for rows.Next() {
		c, err := scanCourse(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Participant is a member enrolled in a course, with attendance and
// result (dat, khong_dat, vang; "" until recorded).
type Participant struct {
	CourseID    int64
	MemberID    int64
	FullName    string
	OrgID       int64
	OrgName     string
	EnrolledAt  time.Time
	Attended    bool
	Result      string
	Certificate string
}

// Participants lists a course's participants in Vietnamese name order.
func (tx *Tx) Participants(ctx context.Context, course int64) ([]Participant, error) {
	rows, err := tx.Query(ctx, `SELECT p.course_id, p.member_id, m.full_name, m.org_id, o.name, p.enrolled_at, p.attended, p.result, p.certificate
		FROM course_participants p JOIN members m ON m.id = p.member_id JOIN orgs o ON o.id = m.org_id
		WHERE p.course_id = $1 ORDER BY m.name_sort`, course)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.CourseID, &p.MemberID, &p.FullName, &p.OrgID, &p.OrgName, nullTime{&p.EnrolledAt}, &p.Attended,
			nullStr{&p.Result}, nullStr{&p.Certificate}); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PutParticipant enrols a member (or updates their entry): attendance,
// result and certificate.
func (tx *Tx) PutParticipant(ctx context.Context, p Participant) error {
	_, err := tx.Exec(ctx, `INSERT INTO course_participants (course_id, member_id, enrolled_at, attended, result, certificate, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $3)
		ON CONFLICT (course_id, member_id) DO UPDATE SET attended = excluded.attended, result = excluded.result,
			certificate = excluded.certificate, updated_at = excluded.updated_at`,
		p.CourseID, p.MemberID, Unix(tx.Now), p.Attended, nz(p.Result), nz(p.Certificate))
	return err
}

// RemoveParticipant takes a member off a course.
func (tx *Tx) RemoveParticipant(ctx context.Context, course, member int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM course_participants WHERE course_id = $1 AND member_id = $2`, course, member)
	return err
}

// TrainingRecord is one course in a member's training history.
type TrainingRecord struct {
	Course      Course
	Attended    bool
	Result      string
	Certificate string
}

// TrainingHistory lists the courses of a member, the latest first.
func (tx *Tx) TrainingHistory(ctx context.Context, member int64) ([]TrainingRecord, error) {
	rows, err := tx.Query(ctx, `SELECT `+courseCols+`, p.attended, p.result, p.certificate
		FROM course_participants p JOIN courses c ON c.id = p.course_id JOIN orgs o ON o.id = c.organizer_id
		WHERE p.member_id = $1 ORDER BY c.starts_on DESC, c.id DESC`, member)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TrainingRecord
	for rows.Next() {
		var r TrainingRecord
		var roles string
		c := &r.Course
		if err := rows.Scan(&c.ID, &c.OrganizerID, &c.OrganizerName, &c.OrganizerPath, &c.Title, &c.StartsOn, &c.EndsOn, &c.Place, &c.Outline, &roles,
			&c.Capacity, &c.Participants, &c.Version, nullTime{&c.CreatedAt}, &c.CreatedBy, &r.Attended, nullStr{&r.Result}, nullStr{&r.Certificate}); err != nil {
			return nil, err
		}
		if roles != "" {
			c.TargetRoles = strings.Split(roles, ",")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// OfficerTraining is a member holding an office on a day, with whether
// they passed a course ending within the period asked.
type OfficerTraining struct {
	MemberID int64
	FullName string
	OrgID    int64
	OrgPath  string
	Role     party.CellRole
	Trained  bool
}

// OfficersTraining lists the current members under path who hold one of
// roles in their home cell on day d (a member with two offices comes
// twice), with whether they passed (dat) a course that ended between from
// and to (zero from: ever; zero to: d). The home cell on d comes from the
// dated memberships, as party.StateOn reads it.
func (tx *Tx) OfficersTraining(ctx context.Context, path string, roles []string, d, from, to party.Date) ([]OfficerTraining, error) {
	lo, hi := SubtreeRange(path)
	from, to = trainingPeriod(d, from, to)
	args := []any{lo, hi, d, from, to}
	var ph []string
	for _, r := range roles {
		args = append(args, r)
		ph = append(ph, "$"+strconv.Itoa(len(args)))
	}
	rows, err := tx.Query(ctx, `SELECT m.id, m.full_name, o.id, o.path, mr.role,
		EXISTS (SELECT 1 FROM course_participants p JOIN courses c ON c.id = p.course_id
			WHERE p.member_id = m.id AND p.result = 'dat' AND c.ends_on >= $4 AND c.ends_on <= $5)
		FROM member_roles mr JOIN orgs o ON o.id = mr.org_id
		JOIN members m ON m.id = mr.member_id AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3)
		JOIN memberships ms ON ms.member_id = m.id AND ms.org_id = mr.org_id AND ms.valid_from <= $3 AND (ms.valid_until IS NULL OR ms.valid_until >= $3)
		WHERE o.path >= $1 AND o.path < $2 AND mr.role IN (`+strings.Join(ph, ",")+`)
		AND mr.from_date <= $3 AND (mr.until_date IS NULL OR mr.until_date >= $3)
		ORDER BY o.path, m.name_sort, mr.role`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OfficerTraining
	for rows.Next() {
		var x OfficerTraining
		if err := rows.Scan(&x.MemberID, &x.FullName, &x.OrgID, &x.OrgPath, &x.Role, &x.Trained); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// CountOfficersTrained counts the members under path holding role in
// their home cell on day d, and those of them who passed a course that
// ended between from and to: the indicator "share of secretaries trained"
// without reading the rows.
func (tx *Tx) CountOfficersTrained(ctx context.Context, path, role string, d, from, to party.Date) (trained, total int, err error) {
	lo, hi := SubtreeRange(path)
	from, to = trainingPeriod(d, from, to)
	err = tx.QueryRow(ctx, `SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM course_participants p JOIN courses c ON c.id = p.course_id
			WHERE p.member_id = x.id AND p.result = 'dat' AND c.ends_on >= $4 AND c.ends_on <= $5) THEN 1 ELSE 0 END), 0)
		FROM (SELECT DISTINCT m.id FROM member_roles mr JOIN orgs o ON o.id = mr.org_id
			JOIN members m ON m.id = mr.member_id AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3)
			JOIN memberships ms ON ms.member_id = m.id AND ms.org_id = mr.org_id AND ms.valid_from <= $3 AND (ms.valid_until IS NULL OR ms.valid_until >= $3)
			WHERE o.path >= $1 AND o.path < $2 AND mr.role = $6 AND mr.from_date <= $3 AND (mr.until_date IS NULL OR mr.until_date >= $3)) x`,
		lo, hi, d, from, to, role).Scan(&total, &trained)
	return trained, total, err
}

// trainingPeriod fills an open period: from the beginning, up to day d.
func trainingPeriod(d, from, to party.Date) (party.Date, party.Date) {
	if from.IsZero() {
		from = party.D(1930, time.January, 1) // before any course
	}
	if to.IsZero() {
		to = d
	}
	return from, to
}
