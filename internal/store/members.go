package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

const memberCols = `m.id, m.org_id, m.full_name, m.gender, m.birth_date, m.hometown, m.ethnicity, m.religion, m.id_number, m.phone, m.email, m.address,
	m.card_number, m.dossier_no, m.joined_on, m.official_on, m.left_on, m.left_reason, m.occupation, m.note, m.version`

func scanMember(sc interface{ Scan(...any) error }) (party.Member, error) {
	var m party.Member
	var g string
	err := sc.Scan(&m.ID, &m.OrgID, &m.FullName, nullStr{&g}, &m.BirthDate, nullStr{&m.Hometown}, nullStr{&m.Ethnicity}, nullStr{&m.Religion},
		nullStr{&m.IDNumber}, nullStr{&m.Phone}, nullStr{&m.Email}, nullStr{&m.Address}, nullStr{&m.CardNumber}, nullStr{&m.DossierNo},
		&m.JoinedOn, &m.OfficialOn, &m.LeftOn, nullStr{&m.LeftReason}, nullStr{&m.Occupation}, nullStr{&m.Note}, &m.Version)
	m.Gender = party.Gender(g)
	return m, err
}

func (tx *Tx) queryMembers(ctx context.Context, q string, args ...any) ([]party.Member, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []party.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Member returns one member.
func (tx *Tx) Member(ctx context.Context, id int64) (party.Member, error) {
	m, err := scanMember(tx.QueryRow(ctx, `SELECT `+memberCols+` FROM members m WHERE m.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, party.NotFound("member.not_found", strconv.FormatInt(id, 10))
	}
	return m, err
}

// MembersOf lists the members whose home is org today (left members
// excluded unless withLeft), in Vietnamese name order.
func (tx *Tx) MembersOf(ctx context.Context, org int64, withLeft bool) ([]party.Member, error) {
	q := `SELECT ` + memberCols + ` FROM members m WHERE m.org_id = $1`
	if !withLeft {
		q += ` AND m.left_on IS NULL`
	}
	return tx.queryMembers(ctx, q+` ORDER BY m.name_sort`, org)
}

// MemberPage is one page of a long member list.
type MemberPage struct {
	Members []party.Member
	Next    string // cursor of the next page, "" at the end
}

// MembersUnder pages through the current members of every cell under path,
// in Vietnamese name order, optionally filtered by a folded name fragment.
func (tx *Tx) MembersUnder(ctx context.Context, path, q, cursor string, limit int) (MemberPage, error) {
	lo, hi := SubtreeRange(path)
	args := []any{lo, hi, cursor, limit + 1}
	sqlq := `SELECT ` + memberCols + `, m.name_sort FROM members m JOIN orgs o ON o.id = m.org_id
		WHERE o.path >= $1 AND o.path < $2 AND m.left_on IS NULL AND m.name_sort > $3`
	if q = vntext.Fold(vntext.Clean(q)); q != "" {
		sqlq += ` AND m.name_fold LIKE $5 ESCAPE '\'`
		args = append(args, "%"+likeEscape(q)+"%")
	}
	rows, err := tx.Query(ctx, sqlq+` ORDER BY m.name_sort LIMIT $4`, args...)
	if err != nil {
		return MemberPage{}, err
	}
	defer rows.Close()
	var page MemberPage
	var keys []string
	for rows.Next() {
		var m party.Member
		var g, key string
		if err := rows.Scan(&m.ID, &m.OrgID, &m.FullName, nullStr{&g}, &m.BirthDate, nullStr{&m.Hometown}, nullStr{&m.Ethnicity}, nullStr{&m.Religion},
			nullStr{&m.IDNumber}, nullStr{&m.Phone}, nullStr{&m.Email}, nullStr{&m.Address}, nullStr{&m.CardNumber}, nullStr{&m.DossierNo},
			&m.JoinedOn, &m.OfficialOn, &m.LeftOn, nullStr{&m.LeftReason}, nullStr{&m.Occupation}, nullStr{&m.Note}, &m.Version, &key); err != nil {
			return page, err
		}
		m.Gender = party.Gender(g)
		page.Members = append(page.Members, m)
		keys = append(keys, key)
	}
	if len(page.Members) > limit {
		page.Members = page.Members[:limit]
		page.Next = keys[limit-1]
	}
	return page, rows.Err()
}

// memberArgs are the column values of a member, normalized.
func memberArgs(m *party.Member) []any {
	m.FullName = vntext.Clean(m.FullName)
	return []any{m.OrgID, m.FullName, vntext.Fold(m.FullName), vntext.NameSortKey(m.FullName), nz(string(m.Gender)), m.BirthDate,
		nz(vntext.Clean(m.Hometown)), nz(vntext.Clean(m.Ethnicity)), nz(vntext.Clean(m.Religion)), nz(strings.TrimSpace(m.IDNumber)),
		nz(strings.TrimSpace(m.Phone)), nz(strings.TrimSpace(m.Email)), nz(vntext.Clean(m.Address)), nz(strings.TrimSpace(m.CardNumber)),
		nz(strings.TrimSpace(m.DossierNo)), m.JoinedOn, m.OfficialOn, m.LeftOn, nz(vntext.Clean(m.LeftReason)), nz(vntext.Clean(m.Occupation)), nz(vntext.NFC(m.Note))}
}

func cardTaken(card string) error {
	return &party.Error{Code: party.EConflict, Msg: party.M("member.card_taken", card),
		Fields: map[string]party.Msg{"card_number": party.M("member.card_taken", card)}}
}

// InsertMember adds a member to their home cell from m.JoinedOn (or from
// since, when given: the day they arrived in this cell).
func (tx *Tx) InsertMember(ctx context.Context, m party.Member, since party.Date) (int64, error) {
	args := append(memberArgs(&m), Unix(tx.Now), Unix(tx.Now))
	id, err := tx.insertID(ctx, `INSERT INTO members (org_id, full_name, name_fold, name_sort, gender, birth_date, hometown, ethnicity, religion, id_number,
		phone, email, address, card_number, dossier_no, joined_on, official_on, left_on, left_reason, occupation, note, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`, args...)
	if isUnique(err) {
		return 0, cardTaken(m.CardNumber)
	}
	if err != nil {
		return 0, err
	}
	if since.IsZero() {
		since = m.JoinedOn
	}
	_, err = tx.Exec(ctx, `INSERT INTO memberships (member_id, org_id, valid_from) VALUES ($1, $2, $3)`, id, m.OrgID, since)
	return id, err
}

// UpdateMember saves a member's record with an optimistic version check:
// two people editing the same profile never overwrite each other silently.
// The home cell is not changed here (see MoveMember).
func (tx *Tx) UpdateMember(ctx context.Context, m party.Member) error {
	args := memberArgs(&m)[1:] // without org_id
	args = append(args, Unix(tx.Now), m.ID, m.Version)
	res, err := tx.Exec(ctx, `UPDATE members SET full_name = $1, name_fold = $2, name_sort = $3, gender = $4, birth_date = $5, hometown = $6, ethnicity = $7,
		religion = $8, id_number = $9, phone = $10, email = $11, address = $12, card_number = $13, dossier_no = $14, joined_on = $15, official_on = $16,
		left_on = $17, left_reason = $18, occupation = $19, note = $20, updated_at = $21, version = version + 1
		WHERE id = $22 AND version = $23`, args...)
	if isUnique(err) {
		return cardTaken(m.CardNumber)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.Conflict("member.stale")
	}
	return nil
}

// MoveMember makes org the member's home from day on: the current
// membership ends the day before (a transfer, a merge or a split).
func (tx *Tx) MoveMember(ctx context.Context, memberID, org int64, on party.Date) error {
	var from party.Date
	var cur int64
	err := tx.QueryRow(ctx, `SELECT valid_from, org_id FROM memberships WHERE member_id = $1 AND valid_until IS NULL`+tx.ForUpdate(), memberID).Scan(&from, &cur)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if cur == org {
		return nil
	}
	if err == nil {
		if on.Before(from) {
			return party.RuleError("member.move_before_membership", from)
		}
		if on == from {
			if _, err := tx.Exec(ctx, `DELETE FROM memberships WHERE member_id = $1 AND valid_from = $2`, memberID, from); err != nil {
				return err
			}
		} else if _, err := tx.Exec(ctx, `UPDATE memberships SET valid_until = $1 WHERE member_id = $2 AND valid_from = $3`, on.AddDays(-1), memberID, from); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO memberships (member_id, org_id, valid_from) VALUES ($1, $2, $3)`, memberID, org, on); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE members SET org_id = $1, version = version + 1, updated_at = $2 WHERE id = $3`, org, Unix(tx.Now), memberID)
	return err
}

// CardNumbersTaken returns which of the given card numbers are already used.
func (tx *Tx) CardNumbersTaken(ctx context.Context, cards []string) (map[string]int64, error) {
	out := map[string]int64{}
	for start := 0; start < len(cards); start += 500 {
		chunk := cards[start:min(start+500, len(cards))]
		ph := make([]string, len(chunk))
		args := make([]any, len(chunk))
		for i, c := range chunk {
			ph[i] = "$" + strconv.Itoa(i+1)
			args[i] = c
		}
		rows, err := tx.Query(ctx, `SELECT card_number, id FROM members WHERE card_number IN (`+strings.Join(ph, ",")+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c string
			var id int64
			if err := rows.Scan(&c, &id); err != nil {
				rows.Close()
				return nil, err
			}
			out[c] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InsertState records a dated state of a member.
func (tx *Tx) InsertState(ctx context.Context, s party.DatedState) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO member_states (member_id, kind, from_date, until_date, host_org_id, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		s.MemberID, s.Kind, s.From, s.Until, nz(s.HostOrgID), nz(vntext.Clean(s.Reason)), Unix(tx.Now))
}

// EndState closes a state on day until.
func (tx *Tx) EndState(ctx context.Context, id int64, until party.Date) error {
	res, err := tx.Exec(ctx, `UPDATE member_states SET until_date = $1 WHERE id = $2`, until, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return party.NotFound("member.state_not_found")
	}
	return nil
}

// State returns one dated state.
func (tx *Tx) State(ctx context.Context, id int64) (party.DatedState, error) {
	var s party.DatedState
	var reason string
	err := tx.QueryRow(ctx, `SELECT id, member_id, kind, from_date, until_date, host_org_id, reason FROM member_states WHERE id = $1`, id).
		Scan(&s.ID, &s.MemberID, &s.Kind, &s.From, &s.Until, nullInt{&s.HostOrgID}, nullStr{&reason})
	s.Reason = reason
	if errors.Is(err, sql.ErrNoRows) {
		return s, party.NotFound("member.state_not_found")
	}
	return s, err
}

// InsertRole records an office held from a day.
func (tx *Tx) InsertRole(ctx context.Context, r party.RoleSpan) (int64, error) {
	return tx.insertID(ctx, `INSERT INTO member_roles (member_id, org_id, role, from_date, until_date) VALUES ($1, $2, $3, $4, $5)`,
		r.MemberID, r.OrgID, r.Role, r.From, r.Until)
}

// EndRole closes an office on day until.
func (tx *Tx) EndRole(ctx context.Context, id int64, until party.Date) error {
	_, err := tx.Exec(ctx, `UPDATE member_roles SET until_date = $1 WHERE id = $2`, until, id)
	return err
}

// Histories loads the dated records of the given members.
func (tx *Tx) Histories(ctx context.Context, members []party.Member) ([]party.MemberHistory, error) {
	idx := map[int64]int{}
	out := make([]party.MemberHistory, len(members))
	ids := make([]int64, len(members))
	for i, m := range members {
		out[i].Member = m
		idx[m.ID] = i
		ids[i] = m.ID
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		in, args := inList(chunk)
		rows, err := tx.Query(ctx, `SELECT member_id, org_id, valid_from, valid_until FROM memberships WHERE member_id IN (`+in+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ms party.Membership
			if err := rows.Scan(&ms.MemberID, &ms.OrgID, &ms.From, &ms.Until); err != nil {
				rows.Close()
				return nil, err
			}
			h := &out[idx[ms.MemberID]]
			h.Memberships = append(h.Memberships, ms)
		}
		rows.Close()
		rows, err = tx.Query(ctx, `SELECT id, member_id, kind, from_date, until_date, host_org_id, reason FROM member_states WHERE member_id IN (`+in+`) ORDER BY from_date`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s party.DatedState
			var reason string
			if err := rows.Scan(&s.ID, &s.MemberID, &s.Kind, &s.From, &s.Until, nullInt{&s.HostOrgID}, nullStr{&reason}); err != nil {
				rows.Close()
				return nil, err
			}
			s.Reason = reason
			h := &out[idx[s.MemberID]]
			h.States = append(h.States, s)
		}
		rows.Close()
		rows, err = tx.Query(ctx, `SELECT member_id, org_id, role, from_date, until_date FROM member_roles WHERE member_id IN (`+in+`) ORDER BY from_date`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r party.RoleSpan
			if err := rows.Scan(&r.MemberID, &r.OrgID, &r.Role, &r.From, &r.Until); err != nil {
				rows.Close()
				return nil, err
			}
			h := &out[idx[r.MemberID]]
			h.Roles = append(h.Roles, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CellHistoriesOn loads everyone who may belong to cell's meeting on day
// d: members whose home was the cell that day, and members registered
// there temporarily that day. party.Summoned decides who is summoned.
func (tx *Tx) CellHistoriesOn(ctx context.Context, cell int64, d party.Date) ([]party.MemberHistory, error) {
	ms, err := tx.queryMembers(ctx, `SELECT `+memberCols+` FROM members m WHERE m.id IN (
			SELECT member_id FROM memberships WHERE org_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until >= $2)
			UNION
			SELECT member_id FROM member_states WHERE host_org_id = $1 AND kind = 'tam_thoi' AND from_date <= $2 AND (until_date IS NULL OR until_date >= $2))
		ORDER BY m.name_sort`, cell, d)
	if err != nil {
		return nil, err
	}
	return tx.Histories(ctx, ms)
}

// inList builds "$1,$2,…" and its arguments for an IN clause.
func inList(ids []int64) (string, []any) {
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	return strings.Join(ph, ","), args
}

// CellCounts gives what the leadership rules need about a cell today.
func (tx *Tx) CellCounts(ctx context.Context, cell int64, d party.Date) (party.CellCounts, error) {
	var c party.CellCounts
	err := tx.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE official_on IS NOT NULL AND official_on <= $2),
		count(*) FILTER (WHERE official_on IS NULL OR official_on > $2)
		FROM members WHERE org_id = $1 AND left_on IS NULL AND joined_on <= $2`, cell, d).Scan(&c.Full, &c.Probationary)
	if err != nil {
		return c, err
	}
	var sec int
	err = tx.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE role = 'chi_uy_vien'),
		count(*) FILTER (WHERE role = 'bi_thu')
		FROM member_roles WHERE org_id = $1 AND from_date <= $2 AND (until_date IS NULL OR until_date >= $2)`, cell, d).Scan(&c.CommitteeSize, &sec)
	if err != nil {
		return c, err
	}
	c.HasSecretary = sec > 0
	c.HasCommittee = c.CommitteeSize > 0
	return c, nil
}

// CellCountsOf is CellCounts for many cells at once (a committee's page).
func (tx *Tx) CellCountsOf(ctx context.Context, cells []int64, d party.Date) (map[int64]party.CellCounts, error) {
	out := make(map[int64]party.CellCounts, len(cells))
	for start := 0; start < len(cells); start += 500 {
		chunk := cells[start:min(start+500, len(cells))]
		in, args := inList(chunk)
		n := len(args)
		args = append(args, d)
		dp := "$" + strconv.Itoa(n+1)
		rows, err := tx.Query(ctx, `SELECT org_id,
			count(*) FILTER (WHERE official_on IS NOT NULL AND official_on <= `+dp+`),
			count(*) FILTER (WHERE official_on IS NULL OR official_on > `+dp+`)
			FROM members WHERE org_id IN (`+in+`) AND left_on IS NULL AND joined_on <= `+dp+` GROUP BY org_id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var c party.CellCounts
			if err := rows.Scan(&id, &c.Full, &c.Probationary); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = c
		}
		rows.Close()
		rows, err = tx.Query(ctx, `SELECT org_id, count(*) FILTER (WHERE role = 'chi_uy_vien'), count(*) FILTER (WHERE role = 'bi_thu')
			FROM member_roles WHERE org_id IN (`+in+`) AND from_date <= `+dp+` AND (until_date IS NULL OR until_date >= `+dp+`) GROUP BY org_id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var committee, sec int
			if err := rows.Scan(&id, &committee, &sec); err != nil {
				rows.Close()
				return nil, err
			}
			c := out[id]
			c.CommitteeSize, c.HasCommittee, c.HasSecretary = committee, committee > 0, sec > 0
			out[id] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// memberBatch is how many members one INSERT statement writes: 24
// parameters each, well under PostgreSQL's 65,535.
const memberBatch = 500

// InsertMembers adds new members, each a member of their cell from the
// day they joined, and answers their ids in order (an import). On
// PostgreSQL the ids are taken from the sequence first and the rows
// written a batch per statement: an import of 10,000 members is a few
// dozen statements, not 20,000 round trips (and the per-statement count
// trigger runs once per batch). On SQLite, where a statement is a
// function call, one at a time.
func (tx *Tx) InsertMembers(ctx context.Context, ms []party.Member) ([]int64, error) {
	if tx.Engine != Postgres {
		ids := make([]int64, 0, len(ms))
		for _, m := range ms {
			id, err := tx.InsertMember(ctx, m, party.Date{})
			if err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	ids := make([]int64, 0, len(ms))
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('members', 'id')) FROM generate_series(1, $1)`, len(ms))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	now := Unix(tx.Now)
	for lo := 0; lo < len(ms); lo += memberBatch {
		hi := min(lo+memberBatch, len(ms))
		var q strings.Builder
		q.WriteString(`INSERT INTO members (id, org_id, full_name, name_fold, name_sort, gender, birth_date, hometown, ethnicity, religion, id_number,
		phone, email, address, card_number, dossier_no, joined_on, official_on, left_on, left_reason, occupation, note, created_at, updated_at) VALUES `)
		var args []any
		var ships strings.Builder
		ships.WriteString(`INSERT INTO memberships (member_id, org_id, valid_from) VALUES `)
		var shipArgs []any
		for i := lo; i < hi; i++ {
			m := ms[i]
			row := append([]any{ids[i]}, memberArgs(&m)...)
			row = append(row, now, now)
			if i > lo {
				q.WriteString(", ")
				ships.WriteString(", ")
			}
			q.WriteString(placeholders(len(args), len(row)))
			args = append(args, row...)
			ships.WriteString(placeholders(len(shipArgs), 3))
			shipArgs = append(shipArgs, ids[i], m.OrgID, m.JoinedOn)
		}
		if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
			if isUnique(err) {
				return nil, cardTaken("")
			}
			return nil, err
		}
		if _, err := tx.Exec(ctx, ships.String(), shipArgs...); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// placeholders is "($from+1, …, $from+n)".
func placeholders(from, n int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(from + i))
	}
	b.WriteByte(')')
	return b.String()
}
