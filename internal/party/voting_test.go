package party

import (
	"slices"
	"testing"
)

// DOMAIN.md §5, voting base: "full members summoned, minus those
// temporarily registered elsewhere, exempt members who are absent,
// suspended and detained members, and members absent with an accepted
// reason. Exempt full members who attend count. Probationary members never
// vote and are never in the base; members temporarily registered in count
// in the host cell."
func TestVotingBase_Rules(t *testing.T) {
	ps := standardRoll()
	everyone := map[int64]AttendanceStatus{idAn: CoMat, idBinh: CoMat, idCuong: CoMat, idDung: CoMat, idEm: CoMat, idHai: CoMat, idLan: CoMat}
	with := func(changes map[int64]AttendanceStatus) map[int64]AttendanceStatus {
		m := map[int64]AttendanceStatus{}
		for k, v := range everyone {
			m[k] = v
		}
		for k, v := range changes {
			if v == "" {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	noTempIn := func(rs *RuleSet) { rs.TempInVotesInHost = false }
	cases := []struct {
		name    string
		marks   map[int64]AttendanceStatus
		setting func(*RuleSet)
		base    int
		present []int64
	}{
		{"everyone came: full members, the exempt one and the one registered in",
			everyone, nil, 6, []int64{idAn, idBinh, idCuong, idEm, idHai, idLan}},
		{"exempt member who stays home leaves the base",
			with(map[int64]AttendanceStatus{idEm: ""}), nil, 5, []int64{idAn, idBinh, idCuong, idHai, idLan}},
		{"absent with an accepted reason leaves the base",
			with(map[int64]AttendanceStatus{idAn: VangCoLyDo}), nil, 5, []int64{idBinh, idCuong, idEm, idHai, idLan}},
		{"absent without reason stays in the base",
			with(map[int64]AttendanceStatus{idAn: VangKhongLyDo}), nil, 6, []int64{idBinh, idCuong, idEm, idHai, idLan}},
		{"a full member not yet marked stays in the base",
			with(map[int64]AttendanceStatus{idAn: ""}), nil, 6, []int64{idBinh, idCuong, idEm, idHai, idLan}},
		{"probationary member absent without reason is still not in the base",
			with(map[int64]AttendanceStatus{idDung: VangKhongLyDo}), nil, 6, []int64{idAn, idBinh, idCuong, idEm, idHai, idLan}},
		{"member registered in does not vote when the setting is off",
			everyone, noTempIn, 5, []int64{idAn, idBinh, idCuong, idEm, idLan}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := defaultRules(t)
			if c.setting != nil {
				c.setting(&rs)
			}
			base, present := VotingBase(rs, ps, marks(c.marks))
			slices.Sort(present)
			if base != c.base || !slices.Equal(present, c.present) {
				t.Errorf("base %d present %v, want %d %v", base, present, c.base, c.present)
			}
		})
	}
}

func TestVotingBase_ExemptMemberWhoAttendsCounts(t *testing.T) {
	ps := standardRoll()
	rs := defaultRules(t)
	home, _ := VotingBase(rs, ps, marks(map[int64]AttendanceStatus{idAn: CoMat}))
	came, present := VotingBase(rs, ps, marks(map[int64]AttendanceStatus{idAn: CoMat, idEm: CoMat}))
	if came != home+1 || !slices.Contains(present, idEm) {
		t.Errorf("base without the exempt member %d, with %d (present %v)", home, came, present)
	}
}

func TestVotingBase_TemporarilyElsewhereSuspendedDetainedNeverCount(t *testing.T) {
	ps := standardRoll()
	// even if a status slipped through for them
	base, present := VotingBase(defaultRules(t), ps, marks(map[int64]AttendanceStatus{idGiang: CoMat, idHoa: CoMat, idKhanh: CoMat}))
	for _, id := range []int64{idGiang, idHoa, idKhanh} {
		if slices.Contains(present, id) {
			t.Errorf("member %d counted as a present voter", id)
		}
	}
	if base != 5 { // An, Bình, Cường, Hải, Lan not marked: still in the base
		t.Errorf("base = %d, want 5", base)
	}
}

// DOMAIN.md §5: "present voters ≥ 2/3 of the voting base" (assumption, a
// setting, default on). UX.md: "Đủ điều kiện biểu quyết (cần 11/16)".
func TestQuorum_TwoThirdsOfTheBase(t *testing.T) {
	rs := defaultRules(t)
	off := rs
	off.QuorumRequired = false
	cases := []struct {
		name          string
		rs            RuleSet
		base, present int
		required      int
		met           bool
	}{
		{"11 of 16 is enough", rs, 16, 11, 11, true},
		{"10 of 16 is not", rs, 16, 10, 11, false},
		{"exactly two thirds: 6 of 9", rs, 9, 6, 6, true},
		{"5 of 9 is not", rs, 9, 5, 6, false},
		{"everyone of 3", rs, 3, 3, 2, true},
		{"base zero: no quorum", rs, 0, 0, 0, false},
		{"setting off: any attendance", off, 16, 1, 0, true},
		{"setting off, base zero: still nothing to adopt", off, 0, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, met := Quorum(c.rs, c.base, c.present)
			if req != c.required || met != c.met {
				t.Errorf("Quorum(%d, %d) = %d %v, want %d %v", c.base, c.present, req, met, c.required, c.met)
			}
		})
	}
}

// DOMAIN.md §5: "A resolution passes only when votes in favour are more
// than half of the voting base (2*yes > base), not more than half of those
// present."
func TestTally_MoreThanHalfOfTheBase(t *testing.T) {
	rs := defaultRules(t)
	ps := bigCell(16)
	cases := []struct {
		name          string
		present       int
		yes, no, abst int
		passed        bool
		reason        string
		args          []any
	}{
		{"9 of 16 passes", 16, 9, 7, 0, true, "rules.vote.passed", []any{9, 16, 9}},
		{"12 of 16 passes", 14, 12, 1, 1, true, "rules.vote.passed", []any{12, 16, 9}},
		{"tie: 8 of 16 fails", 16, 8, 8, 0, false, "rules.vote.failed", []any{16, 9, 8}},
		{"majority of those present is not enough: 7 of 12 present, base 16", 12, 7, 5, 0, false, "rules.vote.failed", []any{16, 9, 7}},
		{"abstentions do not help", 16, 8, 0, 8, false, "rules.vote.failed", []any{16, 9, 8}},
		{"below the quorum nothing is adopted, even unanimously", 10, 10, 0, 0, false, "rules.vote.no_quorum", []any{10, 16, 11, 2, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := presentFirst(ps, c.present)
			v := Tally(rs, ps, e, &Votes{Yes: c.yes, No: c.no, Abstain: c.abst})
			if v.Passed != c.passed || v.Reason.Key != c.reason || !slices.Equal(v.Reason.Args, c.args) {
				t.Errorf("passed %v %s %v, want %v %s %v", v.Passed, v.Reason.Key, v.Reason.Args, c.passed, c.reason, c.args)
			}
			if v.Base != 16 || v.PresentVoters != c.present || v.Needed != 9 || !v.Recorded {
				t.Errorf("voting = %+v", v)
			}
			if v.Yes != c.yes || v.No != c.no || v.Abstain != c.abst {
				t.Errorf("counts %d/%d/%d", v.Yes, v.No, v.Abstain)
			}
		})
	}
}

func TestTally_BaseZeroCannotPass(t *testing.T) {
	rs := defaultRules(t)
	// a cell of probationary members only: nobody votes
	ps := Summoned(cell, meetingDay, []MemberHistory{probationaryMember(1, "Nguyễn Văn An"), probationaryMember(2, "Trần Thị Bình")})
	e := marks(map[int64]AttendanceStatus{1: CoMat, 2: CoMat})
	v := Tally(rs, ps, e, nil)
	if v.Base != 0 || v.QuorumMet || v.Passed || v.Reason.Key != "rules.vote.no_base" {
		t.Errorf("voting = %+v", v)
	}
}

func TestTally_NotRecordedYetSaysWhatIsNeeded(t *testing.T) {
	rs := defaultRules(t)
	ps := bigCell(16)
	v := Tally(rs, ps, presentFirst(ps, 16), nil)
	if v.Recorded || v.Passed || v.Reason.Key != "rules.vote.not_recorded" || !slices.Equal(v.Reason.Args, []any{16, 9}) {
		t.Errorf("voting = %+v", v)
	}
}

// The standard cell at a meeting: exempt member came and voted, the member
// registered in voted, the probationary member came but has no vote, one
// member away with reason, one without.
func TestTally_StandardCellMeeting(t *testing.T) {
	rs := defaultRules(t)
	ps := standardRoll()
	e := marks(map[int64]AttendanceStatus{idAn: CoMat, idBinh: VangCoLyDo, idCuong: VangKhongLyDo, idDung: CoMat, idEm: CoMat, idHai: CoMat, idLan: CoMat})
	// base: An, Cường (absent without reason stays), Em (exempt, came), Hải (registered in), Lan = 5
	ballots := []Ballot{{MemberID: idAn, Vote: VoteYes}, {MemberID: idEm, Vote: VoteYes}, {MemberID: idHai, Vote: VoteYes}, {MemberID: idLan, Vote: VoteNo, Reserved: "Đề nghị lùi thời hạn"}}
	v := Tally(rs, ps, e, &Votes{Ballots: ballots})
	if v.Base != 5 || v.PresentVoters != 4 || v.QuorumRequired != 4 || !v.QuorumMet || v.Yes != 3 || v.No != 1 || !v.Passed {
		t.Errorf("voting = %+v", v)
	}
	if r := ReservedOpinions(Votes{Ballots: ballots}); len(r) != 1 || r[0].MemberID != idLan {
		t.Errorf("reserved = %v", r)
	}
}

// DOMAIN.md §5: votes "can never exceed the present eligible voters, and a
// probationary member's vote is refused with a clear message".
func TestValidateVotes_Refusals(t *testing.T) {
	rs := defaultRules(t)
	ps := standardRoll()
	e := marks(map[int64]AttendanceStatus{idAn: CoMat, idBinh: VangCoLyDo, idCuong: VangKhongLyDo, idDung: CoMat, idHai: CoMat, idLan: CoMat})
	// present voters: An, Hải, Lan (3); base 4 with Cường
	noTempIn := rs
	noTempIn.TempInVotesInHost = false
	cases := []struct {
		name string
		rs   RuleSet
		v    Votes
		code Code
		key  string
		args []any
	}{
		{"counts within the present voters", rs, Votes{Yes: 2, No: 1}, "", "", nil},
		{"more votes than present voters", rs, Votes{Yes: 3, No: 1}, ERule, "rules.vote.exceeds_present", []any{4, 3, 4}},
		{"the probationary member's vote is not counted", rs, Votes{Ballots: []Ballot{{MemberID: idDung, Vote: VoteYes}}},
			ERule, "rules.vote.probationary", []any{"Phạm Thị Dung"}},
		{"a ballot by a member absent without reason", rs, Votes{Ballots: []Ballot{{MemberID: idCuong, Vote: VoteYes}}},
			ERule, "rules.vote.ballot_not_present", []any{"Lê Văn Cường", VangKhongLyDo.Label()}},
		{"a ballot by a member absent with reason", rs, Votes{Ballots: []Ballot{{MemberID: idBinh, Vote: VoteNo}}},
			ERule, "rules.vote.ballot_not_present", []any{"Trần Thị Bình", VangCoLyDo.Label()}},
		{"a ballot by the exempt member who stayed home", rs, Votes{Ballots: []Ballot{{MemberID: idEm, Vote: VoteYes}}},
			ERule, "rules.vote.ballot_not_present", []any{"Hoàng Văn Em", Msg{Key: "rules.attendance_status.unmarked"}}},
		{"a ballot by a member temporarily elsewhere", rs, Votes{Ballots: []Ballot{{MemberID: idGiang, Vote: VoteYes}}},
			ERule, "rules.vote.ballot_not_eligible", []any{"Vũ Thị Giang", DerivedTempOut.Label()}},
		{"a ballot by a suspended member", rs, Votes{Ballots: []Ballot{{MemberID: idHoa, Vote: VoteYes}}},
			ERule, "rules.vote.ballot_not_eligible", []any{"Bùi Thị Hoa", DerivedSuspended.Label()}},
		{"a ballot by the member registered in, setting off", noTempIn, Votes{Ballots: []Ballot{{MemberID: idHai, Vote: VoteYes}}},
			ERule, "rules.vote.temp_in_not_voting", []any{"Đặng Văn Hải"}},
		{"a member votes twice", rs, Votes{Ballots: []Ballot{{MemberID: idAn, Vote: VoteYes}, {MemberID: idAn, Vote: VoteNo}}},
			ERule, "rules.vote.ballot_twice", []any{"Nguyễn Văn An"}},
		{"a ballot by someone not summoned", rs, Votes{Ballots: []Ballot{{MemberID: 99, Vote: VoteYes}}},
			ERule, "rules.vote.ballot_not_summoned", []any{int64(99)}},
		{"an unknown vote", rs, Votes{Ballots: []Ballot{{MemberID: idAn, Vote: "maybe"}}},
			EInvalid, "rules.vote.value_invalid", []any{"maybe", "Nguyễn Văn An"}},
		{"negative counts", rs, Votes{Yes: -1}, EInvalid, "rules.vote.negative", nil},
		{"counts that disagree with the ballots", rs, Votes{Yes: 2, Ballots: []Ballot{{MemberID: idAn, Vote: VoteYes}}},
			EInvalid, "rules.vote.counts_mismatch", []any{2, 0, 0, 1, 0, 0}},
		{"counts that agree with the ballots", rs, Votes{Yes: 1, No: 1, Ballots: []Ballot{{MemberID: idAn, Vote: VoteYes}, {MemberID: idLan, Vote: VoteNo}}},
			"", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidateVotes(c.rs, ps, e, c.v)
			if c.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			got := wantError(t, err, c.code, c.key)
			if c.args != nil && !argsEqual(got.Msg.Args, c.args) {
				t.Errorf("args = %v, want %v", got.Msg.Args, c.args)
			}
		})
	}
}

// Tally never passes an invalid vote; its reason is the refusal.
func TestTally_InvalidVoteDoesNotPass(t *testing.T) {
	rs := defaultRules(t)
	ps := bigCell(9)
	v := Tally(rs, ps, presentFirst(ps, 6), &Votes{Yes: 7})
	if v.Passed || v.Reason.Key != "rules.vote.exceeds_present" {
		t.Errorf("voting = %+v", v)
	}
}

func argsEqual(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		am, aok := a[i].(Msg)
		bm, bok := b[i].(Msg)
		if aok || bok {
			if !aok || !bok || am.Key != bm.Key || !argsEqual(am.Args, bm.Args) {
				return false
			}
			continue
		}
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
