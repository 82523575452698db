package i18n

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"chibo/internal/party"
)

// rawCatalogs reads the catalog files as written, before load normalizes
// them, so that the NFC test sees what is really on disk: file → key → text.
func rawCatalogs(t *testing.T) map[Lang]map[string]map[string]string {
	t.Helper()
	out := map[Lang]map[string]map[string]string{}
	for _, l := range Langs {
		out[l] = map[string]map[string]string{}
		files, err := fs.Glob(catalogFS, "catalog/"+string(l)+"/*.json")
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no catalog files for %s", l)
		}
		for _, f := range files {
			b, err := catalogFS.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out[l][filepath.Base(f)] = m
		}
	}
	return out
}

// Conventions: "Every key must exist in both languages (a test checks)",
// one file per area, the same files in every language.
func TestCatalog_EveryKeyInBothLanguages(t *testing.T) {
	raw := rawCatalogs(t)
	for _, l := range Langs {
		for _, other := range Langs {
			for file, m := range raw[l] {
				om, ok := raw[other][file]
				if !ok {
					t.Errorf("catalog/%s/%s has no counterpart catalog/%s/%s", l, file, other, file)
					continue
				}
				for k := range m {
					if _, ok := om[k]; !ok {
						t.Errorf("key %q of catalog/%s/%s is missing from catalog/%s/%s", k, l, file, other, file)
					}
				}
			}
		}
	}
}

// Conventions: "Vietnamese must be … in NFC" — checked on the files
// themselves, since load normalizes what it reads.
func TestCatalog_ValuesAreNFC(t *testing.T) {
	for l, files := range rawCatalogs(t) {
		for file, m := range files {
			for k, v := range m {
				if !norm.NFC.IsNormalString(v) {
					t.Errorf("catalog/%s/%s: %q is not NFC", l, file, k)
				}
				if !norm.NFC.IsNormalString(k) {
					t.Errorf("catalog/%s/%s: key %q is not NFC", l, file, k)
				}
			}
		}
	}
}

// Conventions: "Keys start with the area"; rules.json belongs to the
// domain core, and a key lives in one file only (common.json keys are not
// redefined).
func TestCatalog_RulesKeysStartWithArea(t *testing.T) {
	for l, files := range rawCatalogs(t) {
		seen := map[string]string{}
		for file, m := range files {
			for k := range m {
				if prev, dup := seen[k]; dup {
					t.Errorf("catalog/%s: key %q is defined in %s and %s", l, k, prev, file)
				}
				seen[k] = file
				if file == "rules.json" && !strings.HasPrefix(k, "rules.") {
					t.Errorf("catalog/%s/rules.json: key %q does not start with rules.", l, k)
				}
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{\d+\}`)

// A translation uses the same placeholders as the Vietnamese text, so no
// number is lost in English.
func TestCatalog_SamePlaceholdersInBothLanguages(t *testing.T) {
	vi, en := Keys(VI), Keys(EN)
	for k, v := range vi {
		e, ok := en[k]
		if !ok {
			continue // reported by TestCatalog_EveryKeyInBothLanguages
		}
		pv, pe := placeholder.FindAllString(v, -1), placeholder.FindAllString(e, -1)
		sort.Strings(pv)
		sort.Strings(pe)
		pv, pe = slices.Compact(pv), slices.Compact(pe)
		if !slices.Equal(pv, pe) {
			t.Errorf("key %q: vi has %v, en has %v", k, pv, pe)
		}
	}
}

// keyCall finds string literals passed as message keys: party.M("k"),
// M("k"), Invalid("k"), RuleError("k"), NotFound("k"), Conflict("k"),
// Errorf(code, "k"), and the second argument of .Add(field, "k"). The
// group after each literal catches a "+": a literal that only starts a key
// built at run time ("org.kind."+kind) cannot be checked here.
var keyCall = regexp.MustCompile(
	`\b(?:M|Invalid|RuleError|NotFound|Conflict)\(\s*"([^"\\\n]*)"(\s*\+)?` +
		`|\bErrorf\(\s*[A-Za-z_][\w.]*\s*,\s*"([^"\\\n]*)"(\s*\+)?` +
		`|\.Add\(\s*(?:"[^"\\\n]*"|[^,()"\n]|\([^()\n]*\))+,\s*"([^"\\\n]*)"(\s*\+)?`)

// keyLiterals returns the literals of src that look like catalog keys:
// with a dot and no spaces, and not the prefix of a key built at run time.
func keyLiterals(src string) []string {
	var out []string
	for _, m := range keyCall.FindAllStringSubmatch(src, -1) {
		for i := 1; i+1 < len(m); i += 2 {
			k, concat := m[i], m[i+1]
			if k != "" && concat == "" && strings.Contains(k, ".") && !strings.ContainsAny(k, " \t") {
				out = append(out, k)
			}
		}
	}
	return out
}

func TestKeyLiterals_FindsKeysInCalls(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"party.M", `x := party.M("rules.vote.passed", 1)`, []string{"rules.vote.passed"}},
		{"bare M over lines", "return M(\n\t\"rules.kind.thuong_ky\")", []string{"rules.kind.thuong_ky"}},
		{"Invalid and RuleError", `party.Invalid("a.b"); RuleError("c.d", n)`, []string{"a.b", "c.d"}},
		{"NotFound and Conflict", `NotFound("member.not_found"); party.Conflict("x.y")`, []string{"member.not_found", "x.y"}},
		{"Errorf with a code", `party.Errorf(party.ELocked, "minutes.locked")`, []string{"minutes.locked"}},
		{"Add with a literal field", `f.Add("from", "field.required")`, []string{"field.required"}},
		{"Add with a computed field", `f.Add(fmt.Sprintf("items.%d", i), "rules.score.points_positive")`, []string{"rules.score.points_positive"}},
		{"Add with a variable field", `f.Add(field+".key", "rules.ruleset.positive")`, []string{"rules.ruleset.positive"}},
		{"fmt.Errorf is not a key", `fmt.Errorf("party.Date: cannot scan %T", src)`, nil},
		{"text with spaces is not a key", `M("not a key.")`, nil},
		{"a word without a dot is not a key", `Invalid("oops")`, nil},
		{"other functions ending in M are not M", `regexp.MustCompile("a.b"); XM("c.d")`, nil},
		{"a prefix of a key built at run time is skipped", `party.M("org.kind."+string(k)); M("x.y" + s)`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := keyLiterals(c.src); !slices.Equal(got, c.want) {
				t.Errorf("keyLiterals(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
}

// Conventions: "Never put user-facing text in Go code: put it in the
// catalogs" — and every key the code names must be there, in both
// languages. Scans the Go sources of internal/ and cmd/ (tests excluded).
func TestCatalog_EveryKeyUsedInCodeExists(t *testing.T) {
	vi, en := Keys(VI), Keys(EN)
	found := 0
	for _, root := range []string{"..", filepath.Join("..", "..", "cmd")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && name != "." && name != "..") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, k := range keyLiterals(string(b)) {
				found++
				if _, ok := vi[k]; !ok {
					t.Errorf("%s: key %q is not in the vi catalogs", path, k)
				}
				if _, ok := en[k]; !ok {
					t.Errorf("%s: key %q is not in the en catalogs", path, k)
				}
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if found < 50 {
		t.Fatalf("found only %d key literals in the code; the scanner is broken", found)
	}
}

// The labels of the domain's enumerations are built in switches; make
// sure each value has its text.
func TestCatalog_EnumerationLabelsExist(t *testing.T) {
	var labels []party.Msg
	for _, k := range party.MeetingKinds {
		labels = append(labels, k.Label())
	}
	for _, s := range party.MeetingStatuses {
		labels = append(labels, s.Label())
	}
	for _, s := range party.AttendanceStatuses {
		labels = append(labels, s.Label())
	}
	for _, d := range []party.Derived{party.DerivedNone, party.DerivedExempt, party.DerivedTempOut, party.DerivedSuspended, party.DerivedDetained} {
		labels = append(labels, d.Label())
	}
	for _, g := range append(slices.Clone(party.Grades), party.ChuaDanhGia) {
		labels = append(labels, g.Label())
	}
	for _, r := range party.YearRatings {
		labels = append(labels, r.Label())
	}
	for _, s := range []party.RegularStatus{party.DungHan, party.TreHan, party.KhongHop, party.ChuaDenHan} {
		labels = append(labels, s.Label())
	}
	for _, s := range []party.ThematicStatus{party.ThematicHeld, party.ThematicMissing, party.ThematicNotDue} {
		labels = append(labels, s.Label())
	}
	for _, m := range labels {
		for _, l := range Langs {
			if _, ok := Keys(l)[m.Key]; !ok {
				t.Errorf("label key %q missing from %s", m.Key, l)
			}
		}
	}
}

// The UX example renders as written: numbers the Vietnamese way, the rule
// with its numbers.
func TestCatalog_VoteMessageRendersWithNumbers(t *testing.T) {
	cases := []struct {
		lang Lang
		msg  party.Msg
		want string
	}{
		{VI, party.M("rules.vote.failed", 16, 9, 8), "Cần quá nửa của 16 đảng viên có quyền biểu quyết, tức ít nhất 9; có 8 tán thành."},
		{VI, party.M("rules.vote.passed", 12, 16, 9), "Thông qua: 12 tán thành, quá nửa của 16 đảng viên có quyền biểu quyết (cần ít nhất 9)."},
		{VI, party.M("rules.vote.probationary", "Nguyễn Văn An"), "Đảng viên dự bị không có quyền biểu quyết — phiếu của Nguyễn Văn An không được tính."},
		{VI, party.M("rules.score.attendance_ok", 18, 19, party.Percent(18.0/19), party.Percent(0.85)), "Có mặt 18/19 đảng viên phải dự sinh hoạt (94,7%), vượt mức 85%."},
		{EN, party.M("rules.score.attendance_ok", 18, 19, party.Percent(18.0/19), party.Percent(0.85)), "18 of 19 required members present (94.7%), above 85%."},
	}
	for _, c := range cases {
		if got := Msg(c.lang, c.msg); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.lang, c.msg.Key, got, c.want)
		}
	}
}

// Every message the domain builds renders completely in both languages:
// the key exists and every placeholder gets a value (a message with too few
// arguments would show "{2}" to a secretary).
func TestCatalog_DomainMessagesRenderFully(t *testing.T) {
	day := party.D(2026, 6, 5)
	rs, _ := party.RuleSetOn(party.DefaultRuleSets(), day)
	var msgs []party.Msg
	collect := func(ms ...party.Msg) { msgs = append(msgs, ms...) }
	fields := func(f party.FieldErrors) {
		for _, m := range f {
			collect(m)
		}
	}
	errMsg := func(err error) {
		if e, ok := party.AsError(err); ok {
			collect(e.Msg)
			for _, m := range e.Fields {
				collect(m)
			}
		}
	}

	// a cell: one full member present, one probationary, one exempt at home
	member := func(id int64, name string, official bool) party.MemberHistory {
		m := party.Member{ID: id, OrgID: 1, FullName: name, JoinedOn: party.D(2025, 6, 1)}
		if official {
			m.JoinedOn, m.OfficialOn = party.D(2010, 1, 1), party.D(2011, 1, 1)
		}
		return party.MemberHistory{Member: m}
	}
	exempt := member(3, "Lê Văn Cường", true)
	exempt.States = []party.DatedState{{Kind: party.Mien, From: party.D(2026, 1, 1)}}
	suspended := member(8, "Bùi Thị Hoa", true)
	suspended.States = []party.DatedState{{Kind: party.DinhChi, From: party.D(2026, 1, 1)}}
	hs := []party.MemberHistory{member(1, "Nguyễn Văn An", true), member(2, "Phạm Thị Dung", false), exempt, suspended}
	ps := party.Summoned(1, day, hs)
	entries := party.EntryMap([]party.Entry{{MemberID: 1, Status: party.CoMat}, {MemberID: 2, Status: party.CoMat}})

	for _, v := range []*party.Votes{nil, {Yes: 1}, {No: 1}, {Yes: 5}} {
		collect(party.Tally(rs, ps, entries, v).Reason)
	}
	collect(party.Tally(rs, ps, party.EntryMap(nil), nil).Reason)
	collect(party.Tally(rs, ps[1:2], entries, nil).Reason)
	for _, v := range []party.Votes{{Yes: -1}, {Ballots: []party.Ballot{{MemberID: 2, Vote: "yes"}}}, {Ballots: []party.Ballot{{MemberID: 3, Vote: "yes"}}},
		{Ballots: []party.Ballot{{MemberID: 1, Vote: "x"}}}, {Ballots: []party.Ballot{{MemberID: 9, Vote: "yes"}}},
		{Ballots: []party.Ballot{{MemberID: 1, Vote: "yes"}, {MemberID: 1, Vote: "yes"}}}, {Yes: 2, Ballots: []party.Ballot{{MemberID: 1, Vote: "yes"}}},
		{Ballots: []party.Ballot{{MemberID: 8, Vote: "no"}}}} {
		errMsg(party.ValidateVotes(rs, ps, entries, v))
	}
	for _, es := range [][]party.Entry{{{MemberID: 9, Status: party.CoMat}}, {{MemberID: 1}, {MemberID: 1}}, {{MemberID: 1, Status: "x"}},
		{{MemberID: 3, Status: party.VangKhongLyDo}}, {{MemberID: 1, Status: party.VangCoLyDo}}, {{MemberID: 8, Status: party.CoMat}}} {
		errMsg(party.ValidateAttendance(ps, es))
	}
	for _, k := range party.MeetingKinds {
		_, missing := party.Completeness(k, party.MinutesContent{Items: []party.MinutesItem{{Title: "Thời sự"}}, Resolution: "Nghị quyết"})
		collect(missing...)
	}
	_, missing := party.Completeness(party.ThuongKy, party.MinutesContent{StartedAt: day.At(21, 0), EndedAt: day.At(19, 0)})
	collect(missing...)
	errMsg(party.ValidateTimes(day.At(21, 0), day.At(19, 0)))
	general := party.AgendaTemplate{Kind: party.ThuongKy, Items: []party.AgendaItem{{Key: "a", Part: party.PartOpening, Title: "A"}, {Key: "a", Part: party.PartOpening, Title: "A"}}}
	fields(party.RuleSet{Agendas: []party.AgendaTemplate{general, general}}.Validate())

	fields(party.RuleSet{Agendas: []party.AgendaTemplate{{Kind: "x", Items: []party.AgendaItem{{Part: "y"}, {}}}, {Kind: "x"}}}.Validate())
	s := party.DefaultScoreSheet(rs.Code)
	fields(party.ScoreSheet{Items: []party.ScoreItem{{Key: "a", Computed: true}, {Key: "a"}}}.Validate())
	fields(party.ScoreSheet{Code: "x", Total: 100, Items: []party.ScoreItem{{Key: "a", Title: "A", Points: 5, RequiredForTot: true}}}.Validate())
	_, _, why := party.GradeOf(s, nil)
	collect(why)
	for _, f := range []party.MeetingFacts{{}, {Attendance: party.Attendance{Required: 10, Present: 9, Rate: 0.9, AbsentUnexcused: 1}, MaxConsecutiveExcused: 4,
		DurationMinutes: 120, Speakers: 5, MinutesComplete: true, HeldInPeriod: true, PrepDone: 2, PrepTotal: 4, ResolutionPassed: true},
		{Attendance: party.Attendance{Required: 10, Present: 5, Rate: 0.5}, DurationMinutes: 30, Speakers: 1}} {
		for _, it := range party.ComputeItems(rs, s, f) {
			collect(it.Reason)
		}
	}
	computed := party.ComputeItems(rs, s, party.MeetingFacts{})
	errMsg(party.ValidateScores(s, computed, []party.ScoreInput{{Key: "x"}, {Key: "order", Points: 9}, {Key: "principles"}, {Key: "principles"}}))
	errMsg(party.ValidateScores(s, computed, []party.ScoreInput{{Key: party.ItemDuration, Points: 10}}))
	ev, err := party.Evaluate(rs, s, party.MeetingFacts{}, []party.ScoreInput{{Key: party.ItemDuration, Points: 10, Reason: "ghi nhầm giờ"}, {Key: "order", Points: 5, Reason: "đúng giờ"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range ev.Items {
		if it.Reason.Key != "" { // a judged item scored without a comment
			collect(it.Reason)
		}
	}
	for _, total := range []int{0, 40, 60, 80, 95, 100} {
		points := map[string]int{}
		left := total
		for _, it := range s.Items {
			p := min(left, it.Points)
			points[it.Key] = p
			left -= p
		}
		if total == 95 {
			points[party.ItemDuration], points["carried_out"] = 5, 5
		}
		_, _, why := party.GradeOf(s, points)
		collect(why)
	}

	probation := member(4, "Tạ Văn Oanh", false)
	probation.Member.JoinedOn = party.D(2025, 6, 25)
	overdue := member(5, "Mai Văn Minh", false)
	overdue.Member.JoinedOn = party.D(2025, 5, 1)
	away := member(6, "Vũ Thị Giang", true)
	away.States = []party.DatedState{{Kind: party.TamThoi, From: party.D(2026, 1, 1), Until: party.D(2026, 6, 30), HostOrgID: 2}}
	var records []party.AttendanceRecord
	for m := 1; m <= 5; m++ {
		records = append(records, party.AttendanceRecord{Date: party.D(2026, time.Month(m), 5), Kind: party.ThuongKy, Status: party.VangCoLyDo, DuesRecorded: true})
		records = append(records, party.AttendanceRecord{Date: party.D(2026, time.Month(m), 20), Kind: party.BatThuong, Status: party.VangKhongLyDo})
	}
	for _, h := range []party.MemberHistory{probation, overdue, away, member(7, "Ngô Thị Lan", true)} {
		for _, recs := range [][]party.AttendanceRecord{records, records[6:]} {
			for _, w := range party.MemberWarnings(h, recs, rs, day) {
				collect(w.Msg)
			}
		}
	}
	for _, w := range party.CellWarningsOn(1, day, hs) {
		collect(w.Msg)
	}

	seen := map[string]bool{}
	for _, m := range msgs {
		if m.Key == "" {
			t.Errorf("a domain message without a key: %v", m)
			continue
		}
		seen[m.Key] = true
		for _, l := range Langs {
			out := Msg(l, m)
			if out == m.Key || placeholder.MatchString(out) {
				t.Errorf("%s %s %v renders as %q", l, m.Key, m.Args, out)
			}
		}
	}
	if len(seen) < 80 {
		t.Errorf("only %d distinct messages exercised", len(seen))
	}
	// the rules.* keys nobody exercised here are worth a look
	for k := range Keys(VI) {
		if strings.HasPrefix(k, "rules.") && !seen[k] && !isLabelOrPart(k) {
			t.Logf("not exercised: %s", k)
		}
	}
}

func isLabelOrPart(k string) bool {
	for _, p := range []string{"rules.kind.", "rules.meeting_status.", "rules.attendance_status.", "rules.derived.", "rules.grade.", "rules.compliance.", "rules.year_rating.", "rules.list."} {
		if strings.HasPrefix(k, p) && !strings.HasPrefix(k, "rules.grade.why.") {
			return true
		}
	}
	return false
}

// Nested messages and periods render in the reader's language.
func TestCatalog_WarningWithMonthsRenders(t *testing.T) {
	months := party.M("rules.list.join", party.MonthPeriod(2026, time.March), party.MonthPeriod(2026, time.May))
	m := party.M("rules.warn.unexcused", 2, months)
	if got, want := Msg(VI, m), "Vắng sinh hoạt không có lý do 2 tháng trong 12 tháng qua (tháng 3/2026, tháng 5/2026); đến 3 tháng chi bộ phải xem xét xóa tên."; got != want {
		t.Errorf("vi = %q\nwant %q", got, want)
	}
	if got, want := Msg(EN, m), "Absent without reason in 2 months of the last 12 (March 2026, May 2026); at 3 months the cell must consider removal."; got != want {
		t.Errorf("en = %q\nwant %q", got, want)
	}
}
