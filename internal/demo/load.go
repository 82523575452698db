package demo

import (
	"cmp"
	"iter"
	"slices"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// The rows each stage writes, for store.Loader. Rows carry the ids given
// in memory; values follow store.BulkTable: party.Date for dates, int64
// unix seconds for timestamps, nil for NULL.

// table is one table of a stage, with its label on the progress bar.
type table struct {
	label string
	n     int
	store.BulkTable
}

// rows yields n rows filled by fill into one reused slice.
func rows(ncol, n int, fill func(i int, r []any)) iter.Seq[[]any] {
	return func(yield func([]any) bool) {
		r := make([]any, ncol)
		for i := range n {
			fill(i, r)
			if !yield(r) {
				return
			}
		}
	}
}

// str, id and date are NULL when empty.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func orgID(o *Org) any {
	if o == nil {
		return nil
	}
	return o.ID
}

func userID(u *User) any {
	if u == nil {
		return nil
	}
	return u.ID
}

func num(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// createdAt is the timestamp of the demo's rows: the start of Today, so
// that the same seed and day give the same rows.
func (w *World) createdAt() int64 { return w.Today.Time().Unix() }

func orgTables(w *World) []table {
	// Parents first: a cell moved under a newer ward comes after it.
	orgs := slices.Clone(w.Orgs)
	slices.SortStableFunc(orgs, func(a, b *Org) int { return cmp.Or(cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.ID, b.ID)) })
	cols := []string{"id", "code", "kind", "name", "name_fold", "name_sort", "parent_id", "path", "depth", "cell_type", "created_on",
		"dissolved_on", "end_change", "successor_id", "follower_user_id", "usual_day", "usual_time", "usual_place", "place", "abbrev",
		"child_count", "version"}
	var versions []Version
	var owners []*Org
	for _, o := range w.Orgs {
		for _, v := range o.Versions {
			versions = append(versions, v)
			owners = append(owners, o)
		}
	}
	vcols := []string{"org_id", "valid_from", "valid_until", "name", "name_sort", "parent_id", "kind", "cell_type", "change", "note", "related_id"}
	return []table{
		{"Tổ chức đảng", len(orgs), store.BulkTable{Name: "orgs", Cols: cols, Rows: rows(len(cols), len(orgs), func(i int, r []any) {
			o := orgs[i]
			changes := len(o.Versions) - 1
			if !o.Dissolved.IsZero() {
				changes++
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = o.ID, o.Code, string(o.Kind), o.Name, vntext.Fold(o.Name), vntext.TextSortKey(o.Name)
			r[6], r[7], r[8], r[9], r[10] = orgID(o.Parent), o.Path, o.Depth, str(string(o.CellType)), o.Created
			r[11], r[12], r[13], r[14] = o.Dissolved, str(o.EndChange), orgID(o.Successor), userID(o.Follower)
			r[15], r[16], r[17], r[18], r[19] = num(o.UsualDay), str(o.UsualTime), str(o.UsualPlace), str(o.Place), str(o.Abbrev)
			r[20], r[21] = o.ChildCount, 1+changes
		})}},
		{"Lịch sử tổ chức", len(versions), store.BulkTable{Name: "org_versions", Cols: vcols, Rows: rows(len(vcols), len(versions), func(i int, r []any) {
			v, o := versions[i], owners[i]
			r[0], r[1], r[2], r[3], r[4], r[5] = o.ID, v.From, v.Until, v.Name, vntext.TextSortKey(v.Name), orgID(v.Parent)
			r[6], r[7], r[8], r[9], r[10] = string(v.Kind), str(string(v.CellType)), v.Change, str(v.Note), orgID(v.Related)
		})}},
	}
}

func memberTables(w *World) []table {
	cols := []string{"id", "org_id", "full_name", "name_fold", "name_sort", "gender", "birth_date", "hometown", "ethnicity", "religion",
		"id_number", "phone", "email", "address", "card_number", "joined_on", "official_on", "left_on", "left_reason", "occupation",
		"version", "created_at", "updated_at"}
	var ms []party.Membership
	for _, m := range w.Members {
		ms = append(ms, m.Memberships...)
	}
	now := w.createdAt()
	keys := map[string][2]string{} // names repeat: fold and sort each once
	mcols := []string{"member_id", "org_id", "valid_from", "valid_until"}
	return []table{
		{"Đảng viên", len(w.Members), store.BulkTable{Name: "members", Cols: cols, Rows: rows(len(cols), len(w.Members), func(i int, r []any) {
			m := &w.Members[i].Member
			k, ok := keys[m.FullName]
			if !ok {
				k = [2]string{vntext.Fold(m.FullName), vntext.NameSortKey(m.FullName)}
				keys[m.FullName] = k
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = m.ID, m.OrgID, m.FullName, k[0], k[1], string(m.Gender)
			r[6], r[7], r[8], r[9], r[10], r[11] = m.BirthDate, str(m.Hometown), str(m.Ethnicity), str(m.Religion), str(m.IDNumber), str(m.Phone)
			r[12], r[13], r[14], r[15], r[16], r[17] = str(m.Email), str(m.Address), str(m.CardNumber), m.JoinedOn, m.OfficialOn, m.LeftOn
			r[18], r[19], r[20], r[21], r[22] = str(m.LeftReason), str(m.Occupation), 1, now, now
		})}},
		{"Quá trình sinh hoạt", len(ms), store.BulkTable{Name: "memberships", Cols: mcols, Rows: rows(len(mcols), len(ms), func(i int, r []any) {
			x := ms[i]
			r[0], r[1], r[2], r[3] = x.MemberID, x.OrgID, x.From, x.Until
		})}},
	}
}

func stateTables(w *World) []table {
	cols := []string{"id", "member_id", "kind", "from_date", "until_date", "host_org_id", "reason", "created_at"}
	now := w.createdAt()
	return []table{{"Trạng thái đảng viên", len(w.States), store.BulkTable{Name: "member_states", Cols: cols, Rows: rows(len(cols), len(w.States), func(i int, r []any) {
		s := w.States[i]
		var host any
		if s.HostOrgID != 0 {
			host = s.HostOrgID
		}
		r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] = s.ID, s.MemberID, string(s.Kind), s.From, s.Until, host, str(s.Reason), now
	})}}}
}

func roleTables(w *World) []table {
	cols := []string{"id", "member_id", "org_id", "role", "from_date", "until_date"}
	return []table{{"Chức vụ", len(w.Roles), store.BulkTable{Name: "member_roles", Cols: cols, Rows: rows(len(cols), len(w.Roles), func(i int, r []any) {
		x := w.Roles[i]
		r[0], r[1], r[2], r[3], r[4], r[5] = int64(i+1), x.MemberID, x.OrgID, string(x.Role), x.From, x.Until
	})}}}
}

func accountTables(w *World) []table {
	cols := []string{"id", "username", "display_name", "password_hash", "role", "org_id", "member_id", "locale", "disabled",
		"password_changed_at", "created_at", "updated_at"}
	now := w.createdAt()
	return []table{{"Tài khoản", len(w.Users), store.BulkTable{Name: "users", Cols: cols, Rows: rows(len(cols), len(w.Users), func(i int, r []any) {
		u := w.Users[i]
		var member any
		if u.Member != nil {
			member = u.Member.Member.ID
		}
		r[0], r[1], r[2], r[3], r[4], r[5] = u.ID, u.Username, u.DisplayName, w.hash, u.Role, orgID(u.Org)
		r[6], r[7], r[8], r[9], r[10], r[11] = member, "vi", false, now, now, now
	})}}}
}
