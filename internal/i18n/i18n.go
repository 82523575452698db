// Package i18n turns the domain's messages (party.Msg) into text for
// people. Vietnamese is the first language and the default; English is the
// second. Every user-facing string lives in the catalogs under catalog/,
// one JSON file per area of the product: catalog/vi/meetings.json holds the
// Vietnamese texts of the meetings screens and rules, catalog/en/meetings.json
// their English. Placeholders are {0}, {1}, … and are filled with values
// written the reader's way (1.250 and 94,7% in Vietnamese).
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Lang is a language code.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Langs are the supported languages, the default first.
var Langs = []Lang{VI, EN}

// Parse returns the supported language named by s, or Vietnamese.
func Parse(s string) Lang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "en") {
		return EN
	}
	return VI
}

//go:embed catalog
var catalogFS embed.FS

// catalogs maps language → key → text.
var catalogs = load()

func load() map[Lang]map[string]string {
	out := map[Lang]map[string]string{}
	for _, l := range Langs {
		m := map[string]string{}
		files, err := fs.Glob(catalogFS, path.Join("catalog", string(l), "*.json"))
		if err != nil {
			panic(err)
		}
		for _, f := range files {
			b, err := catalogFS.ReadFile(f)
			if err != nil {
				panic(err)
			}
			var part map[string]string
			if err := json.Unmarshal(b, &part); err != nil {
				panic(fmt.Sprintf("i18n: %s: %v", f, err))
			}
			for k, v := range part {
				if _, dup := m[k]; dup {
					panic(fmt.Sprintf("i18n: key %q defined twice in %s catalogs", k, l))
				}
				m[k] = vntext.NFC(v)
			}
		}
		out[l] = m
	}
	return out
}

// Keys returns every key of a language's catalog (for tests).
func Keys(l Lang) map[string]string { return catalogs[l] }

// Has reports whether key exists in the Vietnamese catalog.
func Has(key string) bool { _, ok := catalogs[VI][key]; return ok }

// T returns the text for key in language l with its placeholders filled.
// A key missing from l falls back to Vietnamese, then to the key itself
// (a test makes sure that never happens).
func T(l Lang, key string, args ...any) string {
	s, ok := catalogs[l][key]
	if !ok {
		if s, ok = catalogs[VI][key]; !ok {
			return key
		}
	}
	if len(args) == 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		n, err := strconv.Atoi(s[i+1 : i+j])
		b.WriteString(s[:i])
		if err != nil || n < 0 || n >= len(args) {
			b.WriteString(s[i : i+j+1])
		} else {
			b.WriteString(Format(l, args[n]))
		}
		s = s[i+j+1:]
	}
	return b.String()
}

// Msg renders a domain message.
func Msg(l Lang, m party.Msg) string { return T(l, m.Key, m.Args...) }

// Format writes one value the reader's way.
func Format(l Lang, v any) string {
	switch x := v.(type) {
	case party.Msg:
		return Msg(l, x)
	case int:
		return Int(l, x)
	case int64:
		return Int(l, int(x))
	case party.Percent:
		return Percent(l, float64(x))
	case float64:
		if l == EN {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return vntext.Decimal(x, 2)
	case party.Date:
		return Date(l, x)
	case party.Period:
		return Period(l, x)
	case time.Time:
		return x.In(party.Zone).Format("15:04") + " " + Date(l, party.DateOf(x))
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Int writes 1.250 (vi) or 1,250 (en).
func Int(l Lang, n int) string {
	s := vntext.Int(n)
	if l == EN {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Percent writes a rate as 94,7% (vi) or 94.7% (en).
func Percent(l Lang, rate float64) string {
	s := vntext.Percent(rate)
	if l == EN {
		s = strings.NewReplacer(".", ",", ",", ".").Replace(s)
	}
	return s
}

// Date writes dd/mm/yyyy in both languages (the users are Vietnamese).
func Date(l Lang, d party.Date) string { return d.VN() }

// Period writes "tháng 6/2026" or "June 2026".
func Period(l Lang, p party.Period) string {
	if l == EN {
		if p.IsQuarter() {
			return fmt.Sprintf("Q%d %d", p.Quarter, p.Year)
		}
		return fmt.Sprintf("%s %d", p.Month, p.Year)
	}
	return p.VN()
}
