package demo

import (
	"hash/fnv"
	"math/rand/v2"

	"chibo/internal/party"
	"chibo/internal/store"
)

// World is the generated demo, held in memory so that later stages
// (meetings, attendance, minutes, evaluations) read what the earlier ones
// made: which cells exist and when, who belongs to them, their states and
// offices. Ids are final: the loader writes them as they are. For a member
// m on day d, party.StateOn(m.MemberHistory, d) is their standing and
// m.HomeOn(d) their cell; Org.Members lists everyone a cell ever had.
type World struct {
	Scale Scale
	Seed  int64
	Today party.Date

	Root     *Org
	Boroughs []*Borough
	Orgs     []*Org    // Orgs[i].ID == i+1
	Members  []*Member // Members[i].Member.ID == i+1
	Users    []*User   // ids from firstUserID
	States   []*party.DatedState
	Roles    []*party.RoleSpan // the id of Roles[i] is i+1

	// Accounts are the demo logins to print.
	Accounts []Account

	// What the meetings stage judges by and refers to: the rule sets,
	// the active score sheet of each, the default topics (as stored, with
	// their ids), and what it made (counted as the rows stream out).
	RuleSets []party.RuleSet
	Sheets   map[string]party.ScoreSheet // by rule set code
	Topics   []store.Topic
	Made     MeetingCounts
	After    AfterLoad // what the application derived after the load

	tempIn      map[int64][]*Member // members ever registered temporarily in a cell
	accountOf   map[*Member]string  // user names of members with an account
	firstUserID int64               // users already in the database keep their ids
	takenNames  map[string]bool     // user names already in the database
	hash        string              // the one password hash of every demo user
}

// Borough is one đảng bộ quận/huyện with what it holds.
type Borough struct {
	Spec       districtSpec
	Org        *Org
	Committees []*Org // grassroots committees (wards, communes, agencies)
	Cells      []*Org // every cell, dissolved ones too
	Members    []*Member
	Board      *User
	Reorgs     []Reorg
	// TermStart is when the current term of the cells' committees began
	// (the cell congresses, đại hội chi bộ); PrevTermStart the one before.
	TermStart, PrevTermStart party.Date
	// Showcase is the cell of the secretary and member demo accounts
	// (district Long Biên only).
	Showcase *Org
	// CopyPairs are the cells of one ward whose minutes are copied from
	// another's in some months (meetings stage), for the formalism pass.
	CopyPairs []CopyPair
}

// Org is an organization with its whole history.
type Org struct {
	ID         int64
	Code       string
	Name       string // current (or last) name
	Kind       party.OrgKind
	CellType   party.CellType
	Parent     *Org // current (or last) parent
	Path       string
	Depth      int
	Created    party.Date
	Dissolved  party.Date // the first day it no longer exists
	EndChange  string     // merge or dissolve
	Successor  *Org       // the cell a merged one joined
	Versions   []Version  // oldest first; the last is open unless dissolved
	Place      string
	Abbrev     string
	UsualDay   int
	UsualTime  string
	UsualPlace string
	Follower   *User
	ChildCount int // current children

	Borough *Borough
	Ward    *Org // the grassroots committee over a cell (nil for a chi bộ cơ sở)
	Profile profile
	Trouble Trouble
	Members []*Member  // everyone whose home it is or was
	size    int        // members to generate
	seq     int        // residential number (tổ dân phố số N), 0 if none
	place   string     // where its residents live, for addresses
	user    string     // a committee's board account
	splitTo *Org       // the cell that took half the members…
	splitOn party.Date // …from this day

	meet meetHabits // how the cell keeps its meetings (meetings stage)
}

// Alive reports whether the organization exists on day d.
func (o *Org) Alive(d party.Date) bool {
	return !d.Before(o.Created) && (o.Dissolved.IsZero() || d.Before(o.Dissolved))
}

// AliveThrough reports whether it exists on every day of [from, until].
func (o *Org) AliveThrough(from, until party.Date) bool {
	return o.Alive(from) && o.Alive(until)
}

// Version is one dated version of an organization (org_versions).
type Version struct {
	From, Until party.Date
	Name        string
	Parent      *Org
	Kind        party.OrgKind
	CellType    party.CellType
	Change      string // create, rename, move, split
	Note        string
	Related     *Org
}

// Trouble marks the cells made to break a leadership rule on purpose, so
// that the warnings of DOMAIN.md §2 and §9 have something to show.
type Trouble string

const (
	NoTrouble   Trouble = ""
	NoCommittee Trouble = "no_committee" // 9+ full members, no chi ủy
	TooFewFull  Trouble = "too_few_full" // fewer than 3 full members
	NoSecretary Trouble = "no_secretary" // the secretary left, none elected yet
)

// Member is a party member with every dated record.
type Member struct {
	party.MemberHistory
	Home    *Org // current home cell (the last one for members who left)
	Profile profile
}

// HomeOn is the id of the member's home cell on day d, 0 when none.
func (m *Member) HomeOn(d party.Date) int64 {
	for _, ms := range m.Memberships {
		if party.Contains(ms.From, ms.Until, d) {
			return ms.OrgID
		}
	}
	return 0
}

// User is an account.
type User struct {
	ID          int64
	Username    string
	DisplayName string
	Role        string
	Org         *Org
	Member      *Member
}

// Reorg is one reorganization of the demo's history.
type Reorg struct {
	Change string // rename, merge, split, move
	On     party.Date
	Org    *Org // the cell changed (merged away, split, moved, renamed)
	Other  *Org // merge: the cell it joined; split: the new cell; move: the old parent
}

// rng returns the random stream of one stage for one key (a district or
// cell code). Streams are independent: adding a stage, or generating the
// city instead of the district, does not change what another stream gives.
func (w *World) rng(stage, key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(stage))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return rand.New(rand.NewPCG(uint64(w.Seed), h.Sum64()))
}

// addOrg gives o the next id and its path under parent.
func (w *World) addOrg(o *Org, parent *Org) *Org {
	o.ID = int64(len(w.Orgs) + 1)
	o.Parent = parent
	if parent == nil {
		o.Path = "/" + itoa(o.ID) + "/"
	} else {
		o.Path = parent.Path + itoa(o.ID) + "/"
		o.Depth = parent.Depth + 1
		parent.ChildCount++
	}
	o.Versions = []Version{{From: o.Created, Name: o.Name, Parent: parent, Kind: o.Kind, CellType: o.CellType, Change: "create"}}
	w.Orgs = append(w.Orgs, o)
	return o
}
