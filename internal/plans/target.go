package plans

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Target is an indicator's target for a year, in tenths of a percent
// (925 = 92,5%), 0–1000.
type Target int

// Rate is the target as a share (0–1).
func (t Target) Rate() float64 { return float64(t) / 1000 }

// reNumber is a number as people type a percentage: "95", "92,5",
// "92.5", with an optional "%" after it.
var reNumber = regexp.MustCompile(`^([+-]?\d+)(?:[.,](\d+))?\s*%?$`)

// ParseTarget reads a target as typed; "" means no target (ok false). A
// value that is not a number, or outside 0–100%, is refused with a
// message that says what to type.
func ParseTarget(s string) (t Target, ok bool, err *party.Msg) {
	s = strings.TrimSpace(vntext.NFC(s))
	if s == "" {
		return 0, false, nil
	}
	m := reNumber.FindStringSubmatch(s)
	if m == nil {
		msg := party.M("plan.target.not_number", s)
		return 0, false, &msg
	}
	v, _ := strconv.ParseFloat(m[1]+"."+m[2]+"0", 64)
	if v < 0 || v > 100 {
		msg := party.M("plan.target.range", strings.TrimSpace(strings.TrimSuffix(s, "%")))
		return 0, false, &msg
	}
	return Target(math.Round(v * 10)), true, nil
}

// FormatTarget writes a target as people type it back: "95", "92,5".
func FormatTarget(t Target) string {
	s := strconv.Itoa(int(t) / 10)
	if r := int(t) % 10; r != 0 {
		s += "," + strconv.Itoa(r)
	}
	return s
}

// Bounds of a roadmap.
const (
	MinYear     = 2000
	MaxYear     = 2100
	MaxRoadmap  = 10 // years, as for any range of figures (issue 5)
	MaxNumber   = 60
	MaxTitle    = 300
	MaxGoals    = 10000
	MaxPlanOrgs = 200
)

// ParseYear reads a year of the roadmap as typed.
func ParseYear(s string) (int, *party.Msg) {
	s = strings.TrimSpace(s)
	if s == "" {
		m := party.M("plan.year.required")
		return 0, &m
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < MinYear || y > MaxYear {
		m := party.M("plan.year.invalid", s, strconv.Itoa(MinYear), strconv.Itoa(MaxYear))
		return 0, &m
	}
	return y, nil
}

// Input is a plan as submitted: the targets as typed, per indicator and
// year ("" for none).
type Input struct {
	OrgID       int64
	Number      string
	Title       string
	Goals       string
	YearFrom    int
	YearTo      int
	Responsible []int64
	Indicators  []IndicatorInput
	Version     int64
}

// IndicatorInput is an indicator chosen with its targets as typed.
type IndicatorInput struct {
	Code    string
	Targets map[int]string
}

// TargetField is the form field of a target: "target.attendance.2026".
func TargetField(code string, year int) string {
	return "target." + code + "." + strconv.Itoa(year)
}

// Checked is a plan that passed validation: the text cleaned, the
// indicators in the catalogue's order, the targets read.
type Checked struct {
	Number, Title, Goals string
	YearFrom, YearTo     int
	Indicators           []string
	Targets              map[string]map[int]Target
}

// Check validates a plan: number and title required, the roadmap within
// 2000–2100 and at most ten years, at least one indicator of the
// catalogue, each target a number within 0–100% for a year of the
// roadmap. Messages go beside their fields (the form keeps what was
// typed).
func Check(in Input) (Checked, party.FieldErrors) {
	f := party.FieldErrors{}
	c := Checked{Number: vntext.Clean(in.Number), Title: vntext.Clean(in.Title), Goals: strings.TrimSpace(vntext.NFC(in.Goals)),
		YearFrom: in.YearFrom, YearTo: in.YearTo, Targets: map[string]map[int]Target{}}
	switch n := utf8.RuneCountInString(c.Number); {
	case n == 0:
		f.Add("number", "plan.number.required")
	case n > MaxNumber:
		f.Add("number", "plan.too_long", MaxNumber)
	}
	switch n := utf8.RuneCountInString(c.Title); {
	case n == 0:
		f.Add("title", "plan.title.required")
	case n > MaxTitle:
		f.Add("title", "plan.too_long", MaxTitle)
	}
	if utf8.RuneCountInString(c.Goals) > MaxGoals {
		f.Add("goals", "plan.too_long", MaxGoals)
	}
	yearsOK := true
	for _, y := range []struct {
		field string
		v     int
	}{{"year_from", in.YearFrom}, {"year_to", in.YearTo}} {
		if y.v < MinYear || y.v > MaxYear {
			f.Add(y.field, "plan.year.invalid", strconv.Itoa(y.v), strconv.Itoa(MinYear), strconv.Itoa(MaxYear))
			yearsOK = false
		}
	}
	if yearsOK {
		switch {
		case in.YearTo < in.YearFrom:
			f.Add("year_to", "plan.year.reversed", strconv.Itoa(in.YearFrom), strconv.Itoa(in.YearTo))
			yearsOK = false
		case in.YearTo-in.YearFrom+1 > MaxRoadmap:
			f.Add("year_to", "plan.year.too_long", in.YearTo-in.YearFrom+1, MaxRoadmap)
			yearsOK = false
		}
	}
	chosen := map[string]IndicatorInput{}
	for _, ii := range in.Indicators {
		code := strings.TrimSpace(ii.Code)
		if _, ok := Lookup(code); !ok {
			f.Add("indicators", "plan.indicator.unknown", code)
			continue
		}
		if prev, dup := chosen[code]; dup {
			// The same indicator twice: its targets are merged.
			for y, v := range ii.Targets {
				prev.Targets[y] = v
			}
			continue
		}
		targets := map[int]string{}
		for y, v := range ii.Targets {
			targets[y] = v
		}
		chosen[code] = IndicatorInput{Code: code, Targets: targets}
	}
	for _, ind := range Catalogue {
		ii, ok := chosen[ind.Code]
		if !ok {
			continue
		}
		c.Indicators = append(c.Indicators, ind.Code)
		years := make([]int, 0, len(ii.Targets))
		for y := range ii.Targets {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			field := TargetField(ind.Code, y)
			t, has, msg := ParseTarget(ii.Targets[y])
			switch {
			case msg != nil:
				f.Add(field, msg.Key, msg.Args...)
			case !has:
			case yearsOK && (y < in.YearFrom || y > in.YearTo):
				f.Add(field, "plan.target.outside", strconv.Itoa(y), strconv.Itoa(in.YearFrom), strconv.Itoa(in.YearTo))
			default:
				if c.Targets[ind.Code] == nil {
					c.Targets[ind.Code] = map[int]Target{}
				}
				c.Targets[ind.Code][y] = t
			}
		}
	}
	if len(c.Indicators) == 0 && len(in.Indicators) == 0 {
		f.Add("indicators", "plan.indicator.none")
	}
	if len(in.Responsible) > MaxPlanOrgs {
		f.Add("responsible", "plan.responsible.too_many", MaxPlanOrgs)
	}
	return c, f
}

// FirstField is the field whose message leads an error: the order of
// the form.
func FirstField(f party.FieldErrors) string {
	for _, k := range []string{"version", "number", "title", "goals", "year_from", "year_to", "responsible", "indicators"} {
		if _, ok := f[k]; ok {
			return k
		}
	}
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 0 {
		return keys[0]
	}
	return ""
}

// Err is the validation error: the first field's message leads, so an API
// client reads the reason without looking at the fields.
func Err(f party.FieldErrors) error {
	if len(f) == 0 {
		return nil
	}
	return &party.Error{Code: party.EInvalid, Msg: f[FirstField(f)], Fields: f}
}
