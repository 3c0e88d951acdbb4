package assessment

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/schemas"
)

// FieldError reports a problem with one field of an assessment's input: its JSON Pointer
// (Path, e.g. "/observations/3/group/value" or "/evidence/activities/0/date"), the class of
// problem (Err) and what was expected (Detail). It never repeats the offending value.
type FieldError = field.Error

// Sentinel errors classifying bad input. Errors from the observations and evidence the input
// holds keep their own packages' classes (measure.ErrOutOfRange, indicator.ErrRequired, ...)
// as well.
var (
	// ErrOutOfRange classifies a value outside what its field allows: an as-of day before
	// the period, a confidence level or target outside its range.
	ErrOutOfRange = errors.New("assessment: value out of range")
	// ErrRequired classifies a field that must be given and is not.
	ErrRequired = errors.New("assessment: required field missing")
	// ErrDuplicate classifies two community profiles of one area and dimension.
	ErrDuplicate = errors.New("assessment: duplicate value")
	// ErrUnknownValue classifies text that names nothing the assessment knows: an indicator
	// outside the catalogue, a statistic, an interval method or a group dimension.
	ErrUnknownValue = enum.ErrUnknown
)

// Input is everything an assessment looks at. The catalogue (principles, measures,
// indicators, actions) is the framework's own, from the principle, measure and indicator
// packages.
type Input struct {
	// Title names the place or programme assessed, e.g. "NHS Example ICB".
	Title string
	// Area, when given, restricts the assessment to observations of that area (others are
	// listed as excluded) and chooses the community profiles of that area.
	Area measure.AreaCode
	// Period is the assessment period, e.g. the financial year 2024/25.
	Period measure.Period
	// AsOf is the day the assessment speaks for: observations published later, and records
	// dated later, are not yet known. It may not be before the period starts.
	AsOf measure.Date
	// Observations are the values of measures and indicators.
	Observations []measure.Observation
	// Evidence holds the records of engagement and the community profiles.
	Evidence indicator.EvidenceSet
	// Options tune the assessment.
	Options Options
}

// Options tune an assessment. The zero value asks for 95 % intervals and no targets.
type Options struct {
	// Level is the confidence level of the intervals computed from the evidence records and
	// of the trend tests, in [0.9, 1); zero means 0.95.
	Level float64
	// Targets are goals for the shares computed from the evidence records. Without a target
	// a share is reported but not judged.
	Targets Targets
}

// Targets are goals, each a fraction in [0, 1], for the shares computed from the evidence
// records. A share is judged against its target as a value against a benchmark is: better
// when its interval lies wholly above, worse when wholly below, similar otherwise.
type Targets struct {
	// AuditTrail is the goal for the share of activity records that are complete.
	AuditTrail *float64
	// FeedbackLoop is the goal for the share of activities that closed the feedback loop.
	FeedbackLoop *float64
	// CoProduction is the goal for the share of redesign activities that used
	// co-production.
	CoProduction *float64
	// SocialValue is the goal for the share of contract awards that used the Social Value
	// Act.
	SocialValue *float64
}

// The rules behind each status, as a board paper would state them.
var (
	measureRules = [...]string{
		NoEvidence: "No current evidence: no observation of the measure, and no observation or record of any indicator that evidences it, covers the period and was available by the as-of day.",
		Concern:    "Concern: at least one current finding is unfavourable (worse than its benchmark or target, worsening over time, a requirement of the framework not met, or a group under-represented among participants) and none is favourable.",
		Mixed:      "Mixed: the current findings include both favourable and unfavourable ones.",
		Evidenced:  "Evidenced: there is current evidence, and no finding in it is favourable or unfavourable.",
		Good:       "Good: at least one current finding is favourable (better than its benchmark or target, improving over time, or a requirement of the framework met) and none is unfavourable.",
	}
	principleRules = [...]string{
		NoEvidence: "No current evidence: none of the principle's measures of success has current evidence.",
		Concern:    "Concern: at least one of the principle's measures of success is a concern.",
		Mixed:      "Mixed: no measure of success is a concern, and at least one is mixed.",
		Partial:    "Partly evidenced: no measure of success is a concern or mixed, and at least one has no current evidence.",
		Evidenced:  "Evidenced: every measure of success has current evidence, and none is good, mixed or a concern.",
		Good:       "Good: every measure of success has current evidence, none is a concern or mixed, and at least one is good.",
	}
	actionRules = [...]string{
		NoEvidence: "No current evidence: no current observation or record names the action or evidences an indicator the catalogue links to it.",
		Evidenced:  "Evidenced: at least one current observation or record names the action or evidences an indicator the catalogue links to it.",
	}
)

// MeasureRule returns the rule that gives a measure of success status s, or "" for a status
// measures do not take.
func MeasureRule(s Status) string { return rule(measureRules[:], s) }

// PrincipleRule returns the rule that gives a principle status s.
func PrincipleRule(s Status) string { return rule(principleRules[:], s) }

// ActionRule returns the rule that gives a key action status s, or "" for a status actions
// do not take.
func ActionRule(s Status) string { return rule(actionRules[:], s) }

func rule(rules []string, s Status) string {
	if int(s) < len(rules) {
		return rules[s]
	}
	return ""
}

// otherStatistics are the kinds of value an observation may be besides the indicator
// package's statistics.
var otherStatistics = []string{
	"count",                        // a number of people, events or hours
	"score",                        // a mean score on a rating scale, e.g. a survey domain score
	"pam-score",                    // a mean Patient Activation Measure score (package pam)
	"pam-level-share",              // a share of people at a given Patient Activation Measure level (package pam)
	"sroi-ratio",                   // a Social Return on Investment ratio (package sroi)
	"slope-index-of-inequality",    // a slope index of inequality (package equality)
	"relative-index-of-inequality", // a relative index of inequality (package equality)
	"gap",                          // a difference or ratio between groups (package equality)
	"amount",                       // a sum of money in pounds
	"other",                        // anything else, described in the method's description
}

// otherIntervals are the interval methods an observation may name besides the indicator
// package's.
var otherIntervals = []string{"katz-log", "clopper-pearson", "normal", "bootstrap", "simulation", "other"}

func knownStatistic(s string) bool {
	if st, err := indicator.ParseStatistic(s); err == nil && st.String() == s {
		return true
	}
	return slices.Contains(otherStatistics, s)
}

func knownInterval(s string) bool {
	if m, err := indicator.ParseMethod(s); err == nil && m.String() == s {
		return true
	}
	return slices.Contains(otherIntervals, s)
}

// checkDimension checks a group dimension against the equality package's typed dimensions:
// an equality.GroupDimension slug (except protected-characteristic, for which the
// characteristic itself is the dimension) or an equality.ProtectedCharacteristic slug, in its
// canonical spelling. It returns the GroupDimension, or ByOther for a characteristic.
func checkDimension(l *field.List, at, dim string) (equality.GroupDimension, bool) {
	if c, err := equality.ParseProtectedCharacteristic(dim); err == nil {
		if c.String() != dim {
			l.Add(at, ErrUnknownValue, "the slug "+c.String())
			return 0, false
		}
		return equality.ByOther, true
	}
	d, err := equality.ParseGroupDimension(dim)
	switch {
	case err != nil:
		l.Add(at, ErrUnknownValue, "a dimension: deprivation-quintile, deprivation-decile, quantile, ethnic-category, ethnic-group, other, or a protected characteristic such as age or sex")
		return 0, false
	case d == equality.ByProtectedCharacteristic:
		l.Add(at, ErrUnknownValue, "the protected characteristic itself, such as age or sex, as the dimension")
		return 0, false
	case d.String() != dim:
		l.Add(at, ErrUnknownValue, "the slug "+d.String())
		return 0, false
	}
	return d, true
}

// checkGroup checks a group's dimension (see checkDimension) and that its value is the
// dimension's canonical slug: a quantile number, a lower-case NHS ethnic category code, a
// broad ethnic group, or any slug for other dimensions.
func checkGroup(l *field.List, at string, g measure.Group) {
	if err := g.Validate(); err != nil {
		l.AddError(at, err)
		return
	}
	d, ok := checkDimension(l, at+"/dimension", g.Dimension)
	if !ok {
		return
	}
	if canon, want := canonicalValue(d, g.Value); canon != g.Value {
		l.Add(at+"/value", ErrUnknownValue, want)
	}
}

// canonicalValue returns the canonical slug of a group value of dimension d, or "" with a
// description of what is wanted.
func canonicalValue(d equality.GroupDimension, v string) (string, string) {
	number := func(max int) (string, string) {
		want := "a quantile number from 1 (most deprived) to " + strconv.Itoa(max)
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > max {
			return "", want
		}
		return strconv.Itoa(n), want
	}
	switch d {
	case equality.ByDeprivationQuintile:
		return number(5)
	case equality.ByDeprivationDecile:
		return number(10)
	case equality.ByQuantile:
		return number(equality.MaxQuantileGroups)
	case equality.ByEthnicCategory:
		want := "an NHS ethnic category code in lower case: a to s (not i, o, q), z or 99"
		c, err := equality.ParseEthnicCategory(v)
		if err != nil {
			return "", want
		}
		return strings.ToLower(c.Code()), want
	case equality.ByEthnicGroup:
		want := "a broad ethnic group: white, mixed, asian, black, other, not-stated or not-known"
		g, err := equality.ParseEthnicGroup(v)
		if err != nil {
			return "", want
		}
		return g.String(), want
	}
	return v, ""
}

// validate checks the whole input, reporting every problem at once, and returns the
// confidence level to use.
func validate(in *Input) (float64, error) {
	var l field.List
	if err := in.Period.Validate(); err != nil {
		l.AddError("/period", err)
	}
	switch {
	case in.AsOf.IsZero():
		l.Add("/asOf", ErrRequired, "the day the assessment speaks for")
	case !in.Period.Start.IsZero() && in.AsOf.Before(in.Period.Start):
		l.Add("/asOf", ErrOutOfRange, "an as-of day on or after the period's first day")
	}
	if in.Area != "" && !in.Area.Valid() {
		l.Add("/area", ErrOutOfRange, "an ONS GSS code or NHS ODS organisation code, in capitals")
	}
	if len(in.Title) > measure.MaxText {
		l.Add("/title", ErrOutOfRange, "a title of at most "+strconv.Itoa(measure.MaxText)+" bytes")
	}
	level := in.Options.Level
	if level == 0 {
		level = indicator.Level95
	}
	if !(level >= indicator.MinLevel && level < 1) {
		l.Add("/options/level", ErrOutOfRange, "a confidence level in [0.9, 1)")
	}
	targets := in.Options.Targets
	for _, t := range []struct {
		name  string
		value *float64
	}{{"auditTrail", targets.AuditTrail}, {"feedbackLoop", targets.FeedbackLoop}, {"coProduction", targets.CoProduction}, {"socialValue", targets.SocialValue}} {
		if t.value != nil && !(*t.value >= 0 && *t.value <= 1) {
			l.Add("/options/targets/"+t.name, ErrOutOfRange, "a target share as a fraction in [0, 1]")
		}
	}
	set := measure.ObservationSet{Observations: in.Observations}
	if err := set.Validate(); err != nil {
		l.AddError("", err)
	}
	if len(in.Observations) <= measure.MaxObservations {
		for i, o := range in.Observations {
			at := "/observations/" + strconv.Itoa(i)
			if o.Indicator != "" {
				if ind, err := indicator.Lookup(indicator.ID(o.Indicator)); err != nil || string(ind.ID) != o.Indicator {
					l.Add(at+"/indicator", indicator.ErrUnknownIndicator, "the canonical ID of an indicator in the catalogue")
				}
			}
			if measure.IsSlug(o.Method.Statistic) && !knownStatistic(o.Method.Statistic) {
				l.Add(at+"/method/statistic", ErrUnknownValue, "one of engage's statistics, e.g. proportion, crude-rate, mean, count, score, pam-score, or other")
			}
			if measure.IsSlug(o.Method.Interval) && !knownInterval(o.Method.Interval) {
				l.Add(at+"/method/interval", ErrUnknownValue, "an interval method, e.g. wilson, byar, exact-poisson, student-t, dobson, katz-log, or other")
			}
			if o.Group != nil {
				checkGroup(&l, at+"/group", *o.Group)
			}
		}
	}
	if err := in.Evidence.Validate(); err != nil {
		l.AddError("/evidence", err)
	} else {
		for i := range in.Evidence.Activities {
			for j, g := range in.Evidence.Activities[i].Participants.Groups {
				checkGroup(&l, "/evidence/activities/"+strconv.Itoa(i)+"/participants/groups/"+strconv.Itoa(j), g.Group)
			}
		}
		type profileKey struct {
			area      measure.AreaCode
			dimension string
		}
		seen := map[profileKey]bool{}
		for i, c := range in.Evidence.Community {
			at := "/evidence/community/" + strconv.Itoa(i)
			if d, ok := checkDimension(&l, at+"/dimension", c.Dimension); ok {
				for j, g := range c.Groups {
					if canon, want := canonicalValue(d, g.Value); canon != g.Value {
						l.Add(at+"/groups/"+strconv.Itoa(j)+"/value", ErrUnknownValue, want)
					}
				}
			}
			k := profileKey{c.Area, c.Dimension}
			if seen[k] {
				l.Add(at, ErrDuplicate, "one community profile for each area and dimension")
			}
			seen[k] = true
		}
	}
	return level, l.Err()
}

// schemaURI returns the URI of the scorecard schema that every Scorecard names.
func schemaURI() string { return schemas.ID(schemas.Scorecard) }
