package figure

import (
	"math"
	"strconv"
	"strings"
)

// Minus is the minus sign written before a negative figure (U+2212).
const Minus = "−"

// Fixed writes x with dp decimal places (as strconv.FormatFloat with format 'f' rounds it),
// its whole part grouped in thousands with commas and Minus before a negative figure; a
// figure that rounds to zero has no sign: Fixed(-1234.567, 1) is "−1,234.6", Fixed(-0.04, 1)
// is "0.0".
func Fixed(x float64, dp int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', dp, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.Grow(len(s) + len(s)/3 + len(Minus))
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(Minus)
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Whole writes a count, grouped in thousands: Whole(12000) is "12,000".
func Whole[T ~int | ~int64](n T) string { return Fixed(float64(n), 0) }

// List joins items as people write a list in a sentence, "a, b and c", with no comma before
// the "and" (the GOV.UK style guide, entry "Lists"): "" for none, the item itself for one.
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
