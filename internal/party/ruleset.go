package party

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// RuleSet is the guidance in force from a date: every threshold of
// DOMAIN.md is data here, never a constant in code, because "each meeting
// is judged by the rule set in force on its date" (DOMAIN.md §1).
// Fields marked assumption were not confirmed by the sources and are
// settings an administrator may change.
type RuleSet struct {
	Code          string // "HD12-2018", "HD42-2025"
	Name          string // "Hướng dẫn 12-HD/BTCTW (06/7/2018)"
	EffectiveFrom Date
	Confirmed     bool // false: "cần xác nhận", shown as such in the UI

	AttendanceMin         float64 // attendance must be above this share (0.85)
	MaxConsecutiveExcused int     // nobody absent with reason more than this many times in a row (3)
	MinDurationMinutes    int     // a meeting lasts at least this long (90)

	QuorumRequired bool // assumption: a resolution needs a quorum of the voting base
	QuorumNum      int  // quorum is QuorumNum/QuorumDen of the voting base (2/3)
	QuorumDen      int

	TempInVotesInHost     bool // assumption: members registered temporarily in vote in the host cell
	CombinedCountsForBoth bool // a combined regular+thematic session counts for both kinds

	ThematicPerQuarter int // thematic meetings due per quarter (1)
	ProbationMonths    int // probation lasts this many months from admission (12)

	Agendas []AgendaTemplate // per meeting kind and optional cell type
}

// AgendaTemplate is the agenda a meeting of Kind starts from; CellType ""
// is the general template of the kind, a non-empty one replaces it for
// cells of that type.
type AgendaTemplate struct {
	Kind     MeetingKind
	CellType CellType
	Items    []AgendaItem
}

// The three parts of a meeting (DOMAIN.md §4).
const (
	PartOpening = "mo_dau"   // mở đầu
	PartContent = "noi_dung" // nội dung
	PartClosing = "ket_thuc" // kết thúc
)

// AgendaItem is one step of a meeting. Title and Hint are Vietnamese data
// of the rule set (editable), not UI text: Hint tells the secretary what to
// write in the minutes. A Title may hold {ky} and {ky_toi}, filled by
// TitleFor with the meeting's month and the next.
type AgendaItem struct {
	Key   string
	Part  string
	Title string
	Hint  string
}

// TitleFor fills the title's {ky} (the meeting's period, "tháng 6/2026")
// and {ky_toi} (the next one), as PRINT.md §6 item 3 writes them.
func (it AgendaItem) TitleFor(p Period) string {
	if !strings.Contains(it.Title, "{ky") || p.IsZero() {
		return it.Title
	}
	return strings.NewReplacer("{ky_toi}", p.Next().VN(), "{ky}", p.VN()).Replace(it.Title)
}

// DefaultRuleSets are the two rule sets DOMAIN.md §1 ships: 12-HD/BTCTW
// from 06/7/2018, and 42-HD/BTCTW from 28/10/2025 with the same numbers,
// not yet confirmed. Each call builds fresh values, so callers may edit them.
func DefaultRuleSets() []RuleSet {
	hd12 := RuleSet{
		Code:                  "HD12-2018",
		Name:                  "Hướng dẫn 12-HD/BTCTW (06/7/2018)",
		EffectiveFrom:         D(2018, time.July, 6),
		Confirmed:             true,
		AttendanceMin:         0.85,
		MaxConsecutiveExcused: 3,
		MinDurationMinutes:    90,
		QuorumRequired:        true,
		QuorumNum:             2,
		QuorumDen:             3,
		TempInVotesInHost:     true,
		CombinedCountsForBoth: false,
		ThematicPerQuarter:    1,
		ProbationMonths:       12,
		Agendas:               defaultAgendas(),
	}
	hd42 := hd12
	hd42.Code = "HD42-2025"
	hd42.Name = "Hướng dẫn 42-HD/BTCTW (28/10/2025)"
	hd42.EffectiveFrom = D(2025, time.October, 28)
	hd42.Confirmed = false
	hd42.Agendas = defaultAgendas()
	return []RuleSet{hd12, hd42}
}

// RuleSetOn is the rule set in force on d: the one with the latest
// EffectiveFrom not after d. An unconfirmed set still applies from its
// date; the UI marks it. ok is false before the first set.
func RuleSetOn(sets []RuleSet, d Date) (RuleSet, bool) {
	best := -1
	for i, rs := range sets {
		if rs.EffectiveFrom.After(d) {
			continue
		}
		if best < 0 || rs.EffectiveFrom.After(sets[best].EffectiveFrom) {
			best = i
		}
	}
	if best < 0 {
		return RuleSet{}, false
	}
	return sets[best], true
}

// Agenda is the agenda for a meeting of kind k in a cell of type ct: the
// cell type's own template if the rule set has one, else the kind's
// general template. The items are a copy.
func (rs RuleSet) Agenda(k MeetingKind, ct CellType) []AgendaItem {
	var general []AgendaItem
	for _, t := range rs.Agendas {
		if t.Kind != k {
			continue
		}
		if ct != "" && t.CellType == ct {
			return slices.Clone(t.Items)
		}
		if t.CellType == "" && general == nil {
			general = t.Items
		}
	}
	return slices.Clone(general)
}

// Validate checks a rule set before an administrator saves it.
func (rs RuleSet) Validate() FieldErrors {
	f := FieldErrors{}
	if strings.TrimSpace(rs.Code) == "" {
		f.Add("code", "field.required")
	}
	if strings.TrimSpace(rs.Name) == "" {
		f.Add("name", "field.required")
	}
	if rs.EffectiveFrom.IsZero() {
		f.Add("effective_from", "field.required")
	}
	if rs.AttendanceMin <= 0 || rs.AttendanceMin >= 1 {
		f.Add("attendance_min", "rules.ruleset.attendance_min_range")
	}
	if rs.MaxConsecutiveExcused < 1 {
		f.Add("max_consecutive_excused", "rules.ruleset.positive")
	}
	if rs.MinDurationMinutes < 1 || rs.MinDurationMinutes > 24*60 {
		f.Add("min_duration_minutes", "rules.ruleset.duration_range")
	}
	if rs.QuorumDen < 1 || rs.QuorumNum < 1 || rs.QuorumNum > rs.QuorumDen {
		f.Add("quorum", "rules.ruleset.quorum_fraction")
	}
	if rs.ThematicPerQuarter < 1 {
		f.Add("thematic_per_quarter", "rules.ruleset.positive")
	}
	if rs.ProbationMonths < 1 {
		f.Add("probation_months", "rules.ruleset.positive")
	}
	seen := map[string]bool{}
	for i, t := range rs.Agendas {
		field := fmt.Sprintf("agendas.%d", i)
		if !t.Kind.Valid() {
			f.Add(field+".kind", "rules.ruleset.agenda_kind_invalid", string(t.Kind))
		}
		id := string(t.Kind) + "/" + string(t.CellType)
		if seen[id] {
			var ct any = string(t.CellType)
			if t.CellType == "" {
				ct = M("rules.ruleset.any_cell_type")
			}
			f.Add(field, "rules.ruleset.agenda_duplicate", t.Kind.Label(), ct)
		}
		seen[id] = true
		if len(t.Items) == 0 {
			f.Add(field+".items", "rules.ruleset.agenda_empty")
		}
		keys := map[string]bool{}
		for j, it := range t.Items {
			itf := fmt.Sprintf("%s.items.%d", field, j)
			switch {
			case strings.TrimSpace(it.Key) == "":
				f.Add(itf+".key", "field.required")
			case keys[it.Key]:
				f.Add(itf+".key", "rules.ruleset.item_key_duplicate", it.Key)
			}
			keys[it.Key] = true
			if strings.TrimSpace(it.Title) == "" {
				f.Add(itf+".title", "field.required")
			}
			if it.Part != PartOpening && it.Part != PartContent && it.Part != PartClosing {
				f.Add(itf+".part", "rules.ruleset.item_part_invalid", it.Part)
			}
		}
	}
	// Agenda falls back to the general template of each kind, so every
	// kind needs one.
	for _, k := range MeetingKinds {
		if !seen[string(k)+"/"] {
			f.Add("agendas", "rules.ruleset.agenda_missing", k.Label())
		}
	}
	return f
}
