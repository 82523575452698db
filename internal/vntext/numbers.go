package vntext

import (
	"math"
	"strconv"
	"strings"
)

// Int writes n the Vietnamese way, with a dot between thousands: 1.250.
func Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Decimal writes x with the given number of decimals and a decimal comma:
// 94,7. Trailing zeros after the comma are dropped ("90" not "90,0").
func Decimal(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.Atoi(intPart)
	out := Int(n)
	if n == 0 && strings.HasPrefix(intPart, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// Percent writes a rate in [0,1] as a percentage with one decimal: 94,7%.
func Percent(rate float64) string {
	return Decimal(rate*100, 1) + "%"
}
