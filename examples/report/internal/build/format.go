package build

import (
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
)

// num writes x with dp decimal places, a minus sign (U+2212) for negatives and thousands
// grouped with commas; −0 is written as 0 (figure.Fixed, the rule the assessment's sentences
// follow too).
func num(x float64, dp int) string { return figure.Fixed(x, dp) }

// count writes a whole number with thousands grouped.
func count[T ~int | ~int64](n T) string { return figure.Whole(n) }

// pct writes a share (0–1) as a percentage with one decimal place, e.g. "42.1 %". As in the
// assessment's sentences (see package assessment), a space separates a figure from the per
// cent sign, and the sign goes with every figure, the limits of an interval included; a unit
// in words ("points", "per 100,000") is written once, after the value.
func pct(share float64) string { return num(100*share, 1) + " %" }

// ci writes a 95 % interval, e.g. "95 % CI 4.1 to 8.3".
func ci(lower, upper float64, dp int) string { return ciIn(lower, upper, dp, "") }

// ciIn writes a 95 % interval of a value with unit: the limits of a percentage carry the
// sign, "95 % CI 50.3 % to 54.6 %"; those of other units are bare, as ci writes them.
func ciIn(lower, upper float64, dp int, unit string) string {
	sign := ""
	if unit == "%" {
		sign = " %"
	}
	return "95 % CI " + num(lower, dp) + sign + " to " + num(upper, dp) + sign
}

// withCI writes a value and its interval, e.g. "6.2 (95 % CI 4.1 to 8.3)".
func withCI(v, lower, upper float64, dp int) string {
	return num(v, dp) + " (" + ci(lower, upper, dp) + ")"
}

// cell writes a value and its interval compactly for a table whose heading says "(95 % CI)":
// "54.7 (54.1 to 55.4)".
func cell(v, lower, upper float64, dp int) string {
	return num(v, dp) + " (" + num(lower, dp) + " to " + num(upper, dp) + ")"
}

// inline writes a value with its unit as a sentence would: "42.1 %", "3.1 points",
// "177.0 per 100,000".
func inline(v float64, dp int, unit string) string {
	switch unit {
	case "%":
		return num(v, dp) + " %"
	case "", "mean", "proportion", "ratio", "index (0–1)":
		return num(v, dp)
	case "points (0–100)":
		return num(v, dp) + " points"
	}
	return num(v, dp) + " " + unit
}

// estimate builds an Estimate with its text, e.g. "3.1 points (95 % CI 2.7 to 3.5)".
func estimate(label string, v, lower, upper float64, dp int, unit string) *Estimate {
	return &Estimate{Label: label, Value: v, Lower: &lower, Upper: &upper, Level: 0.95, Unit: unit,
		Text: inline(v, dp, unit) + " (" + ciIn(lower, upper, dp, unit) + ")"}
}

// day writes a date for people, as the assessment's sentences do: "30 September 2026".
func day(d measure.Date) string {
	return strconv.Itoa(d.Day()) + " " + d.Month().String() + " " + strconv.Itoa(d.Year())
}

// editionName writes an IMD edition for people: "IMD 2019".
func editionName(slug string) string {
	return strings.Replace(strings.ToUpper(slug), "-", " ", 1)
}

// plural writes n and the noun, adding s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

// ordinalFifth names deprivation quintile q of 5 for a sentence.
func quintileName(q int) string {
	switch q {
	case 1:
		return "the most deprived fifth"
	case 5:
		return "the least deprived fifth"
	}
	return "quintile " + strconv.Itoa(q)
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
