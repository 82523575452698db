package party

import "strings"

// Vote values of a per-member ballot.
const (
	VoteYes     = "yes"     // tán thành
	VoteNo      = "no"      // không tán thành
	VoteAbstain = "abstain" // không biểu quyết
)

// Ballot is one member's vote; Reserved is the opinion a member in the
// minority asks to record (bảo lưu ý kiến).
type Ballot struct {
	MemberID int64
	Vote     string
	Reserved string
}

// Votes is the result of a vote, recorded either as counts or as
// per-member ballots; with ballots, the counts derive from them.
type Votes struct {
	Yes, No, Abstain int
	Ballots          []Ballot
}

// Counts gives yes, no and abstain: from the ballots when there are any.
func (v Votes) Counts() (yes, no, abstain int) {
	if len(v.Ballots) == 0 {
		return v.Yes, v.No, v.Abstain
	}
	for _, b := range v.Ballots {
		switch b.Vote {
		case VoteYes:
			yes++
		case VoteNo:
			no++
		case VoteAbstain:
			abstain++
		}
	}
	return yes, no, abstain
}

// Voting is the outcome of a meeting's vote with the rule behind it.
type Voting struct {
	Base           int  // voting base: số đảng viên có quyền biểu quyết
	PresentVoters  int  // of the base, those present
	QuorumRequired int  // present voters needed to adopt a resolution (0 when no quorum applies)
	QuorumMet      bool // present voters reach QuorumRequired (always false with a voting base of 0)
	Needed         int  // yes votes needed to pass: more than half of Base
	Yes, No        int
	Abstain        int
	Passed         bool
	Reason         Msg  // why it passed or not, with the numbers
	Recorded       bool // a vote has been recorded
}

// VotingBase is "số đảng viên có quyền biểu quyết" after the exclusions of
// Quy định 24-QĐ/TW, 9.3.2, as DOMAIN.md §5 applies them to cell meetings:
// "full members summoned, minus those temporarily registered elsewhere,
// exempt members who are absent, suspended and detained members, and
// members absent with an accepted reason. Exempt full members who attend
// count. Probationary members never vote and are never in the base;
// members temporarily registered in count in the host cell" (a setting).
// A full member not marked yet stays in the base, like one absent without
// reason: only an accepted reason takes a member out. presentVoters lists
// the members of the base who are present, in roll order.
func VotingBase(rs RuleSet, ps []Participant, entries map[int64]Entry) (base int, presentVoters []int64) {
	for _, p := range ps {
		if !mayVote(rs, p) {
			continue
		}
		st := entries[p.MemberID].Status
		switch {
		case st == CoMat:
			base++
			presentVoters = append(presentVoters, p.MemberID)
		case p.Standing() == DerivedExempt:
			// exempt and not present: outside the base
		case st == VangCoLyDo:
			// absent with an accepted reason: outside the base
		default:
			base++
		}
	}
	return base, presentVoters
}

// mayVote reports whether p has the right to vote at this meeting at all,
// whatever the roll call says.
func mayVote(rs RuleSet, p Participant) bool {
	if p.State.Status != ChinhThuc {
		return false
	}
	if p.TempIn && !rs.TempInVotesInHost {
		return false
	}
	switch p.Standing() {
	case DerivedTempOut, DerivedSuspended, DerivedDetained:
		return false
	}
	return true
}

// Quorum is the quorum for adopting resolutions (DOMAIN.md §5, assumption,
// a setting): "present voters ≥ 2/3 of the voting base". required is the
// number of present voters needed (0 when the rule set asks no quorum).
// With a voting base of zero there is no quorum: nothing can be adopted.
func Quorum(rs RuleSet, base, presentVoters int) (required int, met bool) {
	if base <= 0 {
		return 0, false
	}
	if !rs.QuorumRequired {
		return 0, true
	}
	num, den := rs.QuorumNum, rs.QuorumDen
	if den <= 0 || num <= 0 {
		num, den = 1, 1 // a broken setting asks the strictest quorum, never none
	}
	required = (base*num + den - 1) / den
	return required, presentVoters*den >= base*num
}

// ValidateVotes checks a vote before it is stored: votes "can never exceed
// the present eligible voters, and a probationary member's vote is refused
// with a clear message" (DOMAIN.md §5). A ballot must come from a member
// with the right to vote who is present, once.
func ValidateVotes(rs RuleSet, ps []Participant, entries map[int64]Entry, v Votes) error {
	if v.Yes < 0 || v.No < 0 || v.Abstain < 0 {
		return Invalid("rules.vote.negative")
	}
	base, present := VotingBase(rs, ps, entries)
	if len(v.Ballots) > 0 {
		if err := validateBallots(rs, ps, entries, present, v.Ballots); err != nil {
			return err
		}
		if v.Yes+v.No+v.Abstain > 0 {
			y, n, a := v.Counts()
			if y != v.Yes || n != v.No || a != v.Abstain {
				return Invalid("rules.vote.counts_mismatch", v.Yes, v.No, v.Abstain, y, n, a)
			}
		}
	}
	y, n, a := v.Counts()
	if cast := y + n + a; cast > len(present) {
		return RuleError("rules.vote.exceeds_present", cast, len(present), base)
	}
	return nil
}

func validateBallots(rs RuleSet, ps []Participant, entries map[int64]Entry, present []int64, bs []Ballot) error {
	byID := make(map[int64]Participant, len(ps))
	for _, p := range ps {
		byID[p.MemberID] = p
	}
	isPresent := make(map[int64]bool, len(present))
	for _, id := range present {
		isPresent[id] = true
	}
	voted := make(map[int64]bool, len(bs))
	for _, b := range bs {
		p, ok := byID[b.MemberID]
		switch {
		case !ok:
			return RuleError("rules.vote.ballot_not_summoned", b.MemberID)
		case b.Vote != VoteYes && b.Vote != VoteNo && b.Vote != VoteAbstain:
			return Invalid("rules.vote.value_invalid", b.Vote, p.FullName)
		case voted[b.MemberID]:
			return RuleError("rules.vote.ballot_twice", p.FullName)
		case p.State.Status != ChinhThuc:
			return RuleError("rules.vote.probationary", p.FullName)
		case p.TempIn && !rs.TempInVotesInHost:
			return RuleError("rules.vote.temp_in_not_voting", p.FullName)
		case !mayVote(rs, p):
			return RuleError("rules.vote.ballot_not_eligible", p.FullName, p.Standing().Label())
		case !isPresent[b.MemberID]:
			return RuleError("rules.vote.ballot_not_present", p.FullName, entries[b.MemberID].Status.Label())
		}
		voted[b.MemberID] = true
	}
	return nil
}

// Tally decides a vote: "a resolution passes only when votes in favour are
// more than half of the voting base (2*yes > base), not more than half of
// those present", and only with a quorum where the rule set asks one
// (DOMAIN.md §5). v nil means no vote has been recorded yet. Reason always
// says why, with the numbers.
func Tally(rs RuleSet, ps []Participant, entries map[int64]Entry, v *Votes) Voting {
	base, present := VotingBase(rs, ps, entries)
	req, met := Quorum(rs, base, len(present))
	out := Voting{Base: base, PresentVoters: len(present), QuorumRequired: req, QuorumMet: met, Needed: base/2 + 1}
	if v != nil {
		out.Recorded = true
		out.Yes, out.No, out.Abstain = v.Counts()
		if err := ValidateVotes(rs, ps, entries, *v); err != nil {
			out.Reason = errMsg(err)
			return out
		}
	}
	switch {
	case base == 0:
		out.Reason = M("rules.vote.no_base")
	case !met:
		out.Reason = M("rules.vote.no_quorum", len(present), base, req, rs.QuorumNum, rs.QuorumDen)
	case !out.Recorded:
		out.Reason = M("rules.vote.not_recorded", base, out.Needed)
	case 2*out.Yes > base:
		out.Passed = true
		out.Reason = M("rules.vote.passed", out.Yes, base, out.Needed)
	default:
		out.Reason = M("rules.vote.failed", base, out.Needed, out.Yes)
	}
	return out
}

// ReservedOpinions lists the ballots with a reserved opinion (bảo lưu ý
// kiến), to be printed under the vote line (PRINT.md §6).
func ReservedOpinions(v Votes) []Ballot {
	var out []Ballot
	for _, b := range v.Ballots {
		if strings.TrimSpace(b.Reserved) != "" {
			out = append(out, b)
		}
	}
	return out
}

// errMsg is the message of a domain error.
func errMsg(err error) Msg {
	if e, ok := AsError(err); ok {
		return e.Msg
	}
	return M("rules.error.internal")
}
