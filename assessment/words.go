package assessment

import (
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/figure"
	"github.com/peopleandcommunities/engage/measure"
)

// This file writes figures, dates and names for people, by the house rule that the package
// overview states. Nothing here changes a number or an ID the scorecard holds: the JSON keeps
// them as they are, and only the sentences use these forms.

// percent writes a fraction as a percentage to one decimal place: "66.7 %".
func percent(x float64) string { return figure.Fixed(100*x, 1) + " %" }

// levelText writes a confidence level as a percentage with the decimals it needs: "95 %",
// "99.8 %".
func levelText(level float64) string {
	return strconv.FormatFloat(math.Round(level*1e4)/1e2, 'f', -1, 64) + " %"
}

// ciText writes an interval's limits as "95 % CI 58.1 % to 74.0 %", each limit by fig.
func ciText(l measure.Limits, fig func(float64) string) string {
	return levelText(l.Level) + " CI " + fig(l.Lower) + " to " + fig(l.Upper)
}

// pText writes a p-value to three decimal places, or as "p < 0.001" below that.
func pText(p float64) string {
	if p < 0.0005 {
		return "p < 0.001"
	}
	return "p = " + strconv.FormatFloat(p, 'f', 3, 64)
}

// dateText writes a day as "31 July 2025".
func dateText(d measure.Date) string {
	return strconv.Itoa(d.Day()) + " " + d.Month().String() + " " + strconv.Itoa(d.Year())
}

// spanText writes a period's days: "1 April 2024 to 31 March 2025".
func spanText(p measure.Period) string { return dateText(p.Start) + " to " + dateText(p.End) }

// periodText names a period by its label, or by its days when it has none.
func periodText(p measure.Period) string {
	if p.Label != "" {
		return p.Label
	}
	return spanText(p)
}

// count writes n with the noun's singular or plural form; none is written "no" with the
// singular: "no observation", "1 finding", "2,000 findings".
func count(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + one
	case 1:
		return "1 " + one
	}
	return figure.Whole(n) + " " + many
}

// quoted writes a name from the catalogue in typographic quotes, so that a name with commas
// of its own stays one item in a list.
func quoted(name string) string { return "“" + name + "”" }

// capitalise upper-cases the first letter of s, when it is an ASCII letter.
func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// words writes a slug as words: hyphens become spaces, except between two digits, where an
// en dash stands for "to" ("65-74" → "65–74").
func words(slug string) string {
	var b strings.Builder
	for i := range len(slug) {
		c := slug[i]
		if c != '-' {
			b.WriteByte(c)
			continue
		}
		if i > 0 && i+1 < len(slug) && isDigit(slug[i-1]) && isDigit(slug[i+1]) {
			b.WriteString("–")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// indicatorName returns an indicator's name in the catalogue, or its ID when the catalogue
// does not hold it.
func indicatorName(id indicator.ID) string {
	if ind, err := indicator.Lookup(id); err == nil {
		return ind.Name
	}
	return string(id)
}

// measureName returns a measure's name in the catalogue, or its ID when the catalogue does
// not hold it.
func measureName(id measure.ID) string {
	if m, err := measure.Lookup(id); err == nil {
		return m.Name
	}
	return string(id)
}

// partName returns the name of a measure's part, or the part's slug as words.
func partName(id measure.ID, part string) string {
	if m, err := measure.Lookup(id); err == nil {
		for _, p := range m.Parts {
			if p.ID == part {
				return p.Name
			}
		}
	}
	return capitalise(words(part))
}

// quotedIndicators writes indicators by their quoted names, as "“a”, “b” and “c”".
func quotedIndicators(ids []indicator.ID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = quoted(indicatorName(id))
	}
	return figure.List(names)
}

// ethnicGroupNames are the headings of the NHS Data Dictionary's ethnic category code set
// under which the broad groups of equality.EthnicGroup gather the categories.
var ethnicGroupNames = map[equality.EthnicGroup]string{
	equality.EthnicGroupWhite: "White", equality.EthnicGroupMixed: "Mixed",
	equality.EthnicGroupAsian: "Asian or Asian British", equality.EthnicGroupBlack: "Black or Black British",
	equality.EthnicGroupOther: "Other ethnic groups", equality.EthnicGroupNotStated: "Not stated",
	equality.EthnicGroupNotKnown: "Not known",
}

// dimensionName names a group dimension for a sentence: "deprivation quintile", "ethnic
// group", "sex".
func dimensionName(dim string) string { return words(dim) }

// groupName names a group of a dimension for a sentence: "quintile 1 (most deprived)",
// "Asian or Asian British", "White - British" for an ethnic category (the Data Dictionary's
// label), the value as words otherwise ("female", "65–74").
func groupName(dim, value string) string {
	d, err := equality.ParseGroupDimension(dim)
	if err != nil || d.String() != dim {
		return words(value)
	}
	ordinal := func(noun string, last int, low, high string) string {
		n, err := strconv.Atoi(value)
		switch {
		case err != nil:
			return words(value)
		case n == 1:
			return noun + " 1 (" + low + ")"
		case n == last && high != "":
			return noun + " " + value + " (" + high + ")"
		}
		return noun + " " + value
	}
	switch d {
	case equality.ByDeprivationQuintile:
		return ordinal("quintile", 5, "most deprived", "least deprived")
	case equality.ByDeprivationDecile:
		return ordinal("decile", 10, "most deprived", "least deprived")
	case equality.ByQuantile:
		return ordinal("quantile", 0, "most disadvantaged", "")
	case equality.ByEthnicCategory:
		if c, err := equality.ParseEthnicCategory(value); err == nil {
			return c.Description()
		}
	case equality.ByEthnicGroup:
		if g, err := equality.ParseEthnicGroup(value); err == nil {
			return ethnicGroupNames[g]
		}
	}
	return words(value)
}

// groupPhrase says whom a value is for: "for deprivation quintile 1 (most deprived)", "for
// ethnic group: Asian or Asian British", "for sex: female".
func groupPhrase(g *measure.Group) string {
	name := groupName(g.Dimension, g.Value)
	switch g.Dimension {
	case "deprivation-quintile", "deprivation-decile":
		return "for deprivation " + name
	case "quantile":
		return "for " + name
	}
	return "for " + dimensionName(g.Dimension) + ": " + name
}

// linkKindNames name the kinds of link for a sentence.
var linkKindNames = [...]string{
	LinkObservation: "observation", LinkActivity: "activity", LinkLayInvolvement: "lay involvement record",
	LinkPartnership: "partnership agreement", LinkTraining: "training record", LinkProcurement: "contract award",
	LinkDocument: "document", LinkCommunityProfile: "community profile",
}

// kindName names a kind of link for a sentence: "observation", "lay involvement record".
func kindName(k LinkKind) string {
	if k.Valid() {
		return linkKindNames[k]
	}
	return k.String()
}

// A scale writes the figures of one value, its limits and its benchmark alike: multiplied
// by factor, to dp decimal places, between prefix and unit, with per after the value itself
// ("£4.35 per £1").
type scale struct {
	factor float64
	dp     int
	prefix string
	unit   string
	per    string
}

// fig writes one figure: a limit or a benchmark on the value's scale.
func (s scale) fig(x float64) string {
	n := figure.Fixed(x*s.factor, s.dp)
	if rest, ok := strings.CutPrefix(n, figure.Minus); ok {
		return figure.Minus + s.prefix + rest + s.unit
	}
	return s.prefix + n + s.unit
}

// value writes the value itself, with per.
func (s scale) value(x float64) string { return s.fig(x) + s.per }

// valueText writes a value with its interval: "86.0 % (95 % CI 83.7 % to 88.0 %)".
func (s scale) valueText(x float64, l *measure.Limits) string {
	if l == nil {
		return s.value(x)
	}
	return s.value(x) + " (" + ciText(*l, s.fig) + ")"
}

// percentScale writes fractions as percentages.
var percentScale = scale{factor: 100, dp: 1, unit: " %"}

// scaleOf chooses how to write an observation's figures, from its kind of value (see the
// house rule in the package overview); extra are other figures on the same scale that must
// be written alike, such as the first value of a trend.
func scaleOf(o *measure.Observation, extra ...float64) scale {
	figures := append([]float64{o.Value}, extra...)
	if o.Limits != nil {
		figures = append(figures, o.Limits.Lower, o.Limits.Upper)
	}
	if o.Benchmark != nil {
		figures = append(figures, o.Benchmark.Value)
	}
	switch o.Method.Statistic {
	case "proportion", "pam-level-share":
		if fractionScale(o, figures) {
			return percentScale
		}
		return scale{factor: 1, dp: 1, unit: " %"}
	case "crude-rate", "directly-standardised-rate", "indirectly-standardised-rate", "mean", "score", "pam-score":
		return scale{factor: 1, dp: 1}
	case "count":
		return scale{factor: 1, dp: wholeOr(figures, 1)}
	case "amount":
		return scale{factor: 1, dp: wholeOr(figures, 2), prefix: "£"}
	case "sroi-ratio":
		return scale{factor: 1, dp: 2, prefix: "£", per: " per £1"}
	case "relative-index-of-inequality":
		return scale{factor: 1, dp: 2}
	}
	return scale{factor: 1, dp: significant(figures)}
}

// fractionScale reports whether a proportion is given as a fraction rather than a
// percentage: by its numerator and denominator when it has them (the value is nearer
// n/d than 100·n/d), otherwise when every figure lies in [0, 1].
func fractionScale(o *measure.Observation, figures []float64) bool {
	if o.Numerator != nil && o.Denominator != nil && *o.Denominator > 0 {
		p := *o.Numerator / *o.Denominator
		return math.Abs(o.Value-p) <= math.Abs(o.Value-100*p)
	}
	for _, x := range figures {
		if x < 0 || x > 1 {
			return false
		}
	}
	return true
}

// wholeOr returns 0 when every figure is a whole number, dp otherwise.
func wholeOr(figures []float64, dp int) int {
	for _, x := range figures {
		if x != math.Trunc(x) {
			return dp
		}
	}
	return 0
}

// significant returns the decimal places that give the largest figure three significant
// figures, at least one and at most four: 0.885 → 3, 5.95 → 2, 177.0 → 1.
func significant(figures []float64) int {
	var top float64
	for _, x := range figures {
		top = max(top, math.Abs(x))
	}
	if top == 0 {
		return 1
	}
	return min(max(2-int(math.Floor(math.Log10(top))), 1), 4)
}
