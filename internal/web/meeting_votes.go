package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
)

type votesData struct {
	meetingPage
	Ballots   bool // per-member ballots rather than counts
	Voters    []store.RollRow
	NonVoters []nonVoter
	Result    party.Voting // the result shown: stored, or previewed from what is typed
	Closed    string
}

// nonVoter is a member present who has no vote, with why (DOMAIN.md §5:
// "probationary members never vote").
type nonVoter struct {
	Name string
	Why  string // catalog key
}

// votersOf lists the present members of the voting base, from the core
// (party.VotingBase), and the present members outside it.
func votersOf(p meetingPage) ([]store.RollRow, []nonVoter) {
	_, present := party.VotingBase(p.V.RuleSet, p.V.Participants, p.V.Entries)
	in := map[int64]bool{}
	for _, id := range present {
		in[id] = true
	}
	var voters []store.RollRow
	var others []nonVoter
	for _, r := range p.V.Roll {
		switch {
		case in[r.MemberID]:
			voters = append(voters, r)
		case r.Status != party.CoMat:
		case !r.Full:
			others = append(others, nonVoter{r.FullName, "web.meeting.vote.why_probationary"})
		case r.TempIn:
			others = append(others, nonVoter{r.FullName, "web.meeting.vote.why_temp_in"})
		default:
			others = append(others, nonVoter{r.FullName, "web.meeting.vote.why_other"})
		}
	}
	return voters, others
}

// votesForm fills the form from the recorded vote.
func votesForm(v *party.Votes) *Form {
	f := NewForm(url.Values{"yes": {"0"}, "no": {"0"}, "abstain": {"0"}})
	if v == nil {
		return f
	}
	y, n, a := v.Counts()
	f.Values.Set("yes", strconv.Itoa(y))
	f.Values.Set("no", strconv.Itoa(n))
	f.Values.Set("abstain", strconv.Itoa(a))
	for _, b := range v.Ballots {
		f.Values.Set(rowField("b", b.MemberID), b.Vote)
		f.Values.Set(rowField("res", b.MemberID), b.Reserved)
	}
	return f
}

// votesFromForm reads counts or ballots; a count that is not a number is
// reported beside its field.
func votesFromForm(f *Form, voters []store.RollRow, ballots bool) (party.Votes, error) {
	var v party.Votes
	if ballots {
		for _, r := range voters {
			if b := f.Get(rowField("b", r.MemberID)); b != "" {
				v.Ballots = append(v.Ballots, party.Ballot{MemberID: r.MemberID, Vote: b, Reserved: f.Get(rowField("res", r.MemberID))})
			}
		}
		return v, nil
	}
	fe := party.FieldErrors{}
	count := func(name string) int {
		s := strings.TrimSpace(f.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			fe.Add(name, "web.meeting.vote.count_invalid", s)
		}
		return n
	}
	v.Yes, v.No, v.Abstain = count("yes"), count("no"), count("abstain")
	return v, fe.Err()
}

func (s *Server) votesShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderVotes(w, r, c, http.StatusOK, nil, r.URL.Query().Get("mode"), nil)
}

// renderVotes shows the vote: counts with steppers or per-member ballots,
// and the result with its reason (UX.md: "show the rule, not just the
// verdict").
func (s *Server) renderVotes(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form, mode string, err error) {
	p, lerr := s.loadPage(r, c, pathID(r, "id"))
	if lerr != nil {
		s.fail(w, r, c, lerr)
		return
	}
	d := votesData{meetingPage: p, Result: p.V.Voting}
	d.Voters, d.NonVoters = votersOf(p)
	d.Ballots = mode == "ballots" || mode == "" && p.V.Votes != nil && len(p.V.Votes.Ballots) > 0
	switch {
	case p.V.Locked():
		d.Closed = c.T("meeting.locked")
	case !p.V.Held() || p.V.RollDraw:
		d.Closed = c.T("meeting.vote_needs_attendance")
	}
	if f == nil {
		f = votesForm(p.V.Votes)
	}
	if err != nil {
		f.SetError(c, err)
	}
	s.render(w, r, status, "meeting_votes", View{Title: c.T("web.meeting.vote.title"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, p.V, "web.meeting.vote.title"), Form: f, Data: d})
}

// votesSave records the vote. With preview=1 (htmx, as the numbers
// change) it only answers the result the core would give, storing nothing.
func (s *Server) votesSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	f := NewForm(r.PostForm)
	mode := f.Get("mode")
	id := pathID(r, "id")
	p, err := s.loadPage(r, c, id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	voters, _ := votersOf(p)
	votes, err := votesFromForm(f, voters, mode == "ballots")
	if f.Get("preview") == "1" {
		d := votesData{meetingPage: p}
		if err != nil {
			d.Result = p.V.Voting
		} else {
			d.Result = party.Tally(p.V.RuleSet, p.V.Participants, p.V.Entries, &votes)
		}
		s.renderBlock(w, r, http.StatusOK, "meeting_votes", "preview", View{Data: d})
		return
	}
	if err == nil {
		_, err = s.meetings.SaveVotes(r.Context(), c.Actor(), id, votes)
	}
	if err != nil {
		s.renderVotes(w, r, c, statusOf(party.ErrorCode(err)), f, mode, err)
		return
	}
	s.flash(w, "web.meeting.vote.saved")
	redirect(w, r, "/meetings/"+r.PathValue("id")+"/votes?"+url.Values{"mode": {mode}}.Encode())
}
