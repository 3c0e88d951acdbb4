package assessment

import "github.com/peopleandcommunities/engage/internal/enum"

// Status is the verdict of an assessment on a measure of success, a principle or a key
// action. Each status comes from a written rule (see Rule), never from a weighted score.
// The zero value is not a status.
type Status uint8

// The statuses. Measures take NoEvidence, Concern, Mixed, Evidenced or Good; principles any
// of them; the key actions NoEvidence or Evidenced.
const (
	// NoEvidence: nothing current shows the measure, principle or action.
	NoEvidence Status = 1 + iota
	// Concern: the current evidence includes unfavourable findings and no favourable ones
	// (for a principle: at least one of its measures is a concern).
	Concern
	// Mixed: the current evidence includes both favourable and unfavourable findings (for a
	// principle: a measure is mixed, and none is a concern).
	Mixed
	// Partial: a principle none of whose measures is a concern or mixed, but some of whose
	// measures have no current evidence.
	Partial
	// Evidenced: there is current evidence, and nothing in it is judged better or worse.
	Evidenced
	// Good: the current evidence includes favourable findings and no unfavourable ones (for
	// a principle: every measure has current evidence, none is a concern or mixed, and at
	// least one is good).
	Good
)

var statuses = enum.NewTable[Status]("assessment.Status",
	[]string{"no-evidence", "concern", "mixed", "partial", "evidenced", "good"},
	map[string]Status{"none": NoEvidence, "missing": NoEvidence})

// Valid reports whether s is a declared status.
func (s Status) Valid() bool { return statuses.Valid(s) }

// String returns the slug, e.g. "no-evidence"; any other value prints as %!Status(n).
func (s Status) String() string { return statuses.String(s) }

// MarshalText returns the slug; an invalid status is an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText parses text with ParseStatus.
func (s *Status) UnmarshalText(text []byte) error {
	v, err := ParseStatus(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseStatus returns the status named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseStatus(s string) (Status, error) { return statuses.Parse(s, false) }

// Label returns the status as a board paper would print it: "No current evidence",
// "Concern", "Mixed", "Partly evidenced", "Evidenced", "Good"; "" for an invalid status.
func (s Status) Label() string {
	switch s {
	case NoEvidence:
		return "No current evidence"
	case Concern:
		return "Concern"
	case Mixed:
		return "Mixed"
	case Partial:
		return "Partly evidenced"
	case Evidenced:
		return "Evidenced"
	case Good:
		return "Good"
	}
	return ""
}

// Coverage says whether an indicator is reported in an assessment. The zero value is not a
// coverage.
type Coverage uint8

// The coverages.
const (
	// Reported: a current observation of the indicator, or a current evidence record that
	// evidences it.
	Reported Coverage = 1 + iota
	// OutOfDate: observations or records of the indicator exist, but none is current.
	OutOfDate
	// Missing: nothing evidences the indicator.
	Missing
)

var coverages = enum.NewTable[Coverage]("assessment.Coverage",
	[]string{"reported", "out-of-date", "missing"},
	map[string]Coverage{"current": Reported, "stale": OutOfDate, "none": Missing})

// Valid reports whether c is a declared coverage.
func (c Coverage) Valid() bool { return coverages.Valid(c) }

// String returns the slug, e.g. "out-of-date"; any other value prints as %!Coverage(n).
func (c Coverage) String() string { return coverages.String(c) }

// MarshalText returns the slug; an invalid coverage is an error.
func (c Coverage) MarshalText() ([]byte, error) { return coverages.Marshal(c) }

// UnmarshalText parses text with ParseCoverage.
func (c *Coverage) UnmarshalText(text []byte) error {
	v, err := ParseCoverage(string(text))
	if err == nil {
		*c = v
	}
	return err
}

// ParseCoverage returns the coverage named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseCoverage(s string) (Coverage, error) { return coverages.Parse(s, false) }

// Verdict is what one finding shows. The zero value is not a verdict.
type Verdict uint8

// The verdicts. Against a benchmark or target they are those of OHID's Fingertips profiles
// (indicator.Significance); over time those of measure.Trend; for lay involvement whether
// the framework's "at all levels" is met; for participants whether any group is
// under-represented.
const (
	VerdictBetter           Verdict = 1 + iota // significantly better than the benchmark or target
	VerdictSimilar                             // not significantly different from it
	VerdictWorse                               // significantly worse than it
	VerdictHigher                              // significantly higher, no judgement
	VerdictLower                               // significantly lower, no judgement
	VerdictImproving                           // a significant change for the better over time
	VerdictWorsening                           // a significant change for the worse over time
	VerdictIncreasing                          // a significant rise over time, no judgement
	VerdictDecreasing                          // a significant fall over time, no judgement
	VerdictNoChange                            // no significant change over time
	VerdictNotTested                           // a comparison the data do not allow to test
	VerdictMet                                 // a requirement of the framework is met
	VerdictNotMet                              // a requirement of the framework is not met
	VerdictInProportion                        // no group is significantly under-represented
	VerdictUnderRepresented                    // at least one group is significantly under-represented
	VerdictReported                            // a value with nothing to judge it against
)

var verdicts = enum.NewTable[Verdict]("assessment.Verdict",
	[]string{"better", "similar", "worse", "higher", "lower", "improving", "worsening", "increasing",
		"decreasing", "no-significant-change", "not-tested", "met", "not-met", "in-proportion",
		"under-represented", "reported"},
	nil)

// Valid reports whether v is a declared verdict.
func (v Verdict) Valid() bool { return verdicts.Valid(v) }

// String returns the slug, e.g. "worse"; any other value prints as %!Verdict(n).
func (v Verdict) String() string { return verdicts.String(v) }

// MarshalText returns the slug; an invalid verdict is an error.
func (v Verdict) MarshalText() ([]byte, error) { return verdicts.Marshal(v) }

// UnmarshalText parses text with ParseVerdict.
func (v *Verdict) UnmarshalText(text []byte) error {
	x, err := ParseVerdict(string(text))
	if err == nil {
		*v = x
	}
	return err
}

// ParseVerdict returns the verdict named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseVerdict(s string) (Verdict, error) { return verdicts.Parse(s, false) }

// Effect says which way a verdict counts for its measure: favourable (better, improving,
// met), unfavourable (worse, worsening, not met, a group under-represented) or neutral
// (everything else, including differences with no judgement). It returns 0 for an invalid
// verdict.
func (v Verdict) Effect() Effect {
	switch v {
	case VerdictBetter, VerdictImproving, VerdictMet:
		return Favourable
	case VerdictWorse, VerdictWorsening, VerdictNotMet, VerdictUnderRepresented:
		return Unfavourable
	case 0:
		return 0
	}
	if !v.Valid() {
		return 0
	}
	return Neutral
}

// Effect is which way a finding counts. The zero value is not an effect.
type Effect uint8

// The effects.
const (
	Favourable   Effect = 1 + iota // the finding counts in the measure's favour
	Neutral                        // the finding counts neither way
	Unfavourable                   // the finding counts against the measure
)

var effects = enum.NewTable[Effect]("assessment.Effect",
	[]string{"favourable", "neutral", "unfavourable"}, nil)

// Valid reports whether e is a declared effect.
func (e Effect) Valid() bool { return effects.Valid(e) }

// String returns the slug, e.g. "unfavourable"; any other value prints as %!Effect(n).
func (e Effect) String() string { return effects.String(e) }

// MarshalText returns the slug; an invalid effect is an error.
func (e Effect) MarshalText() ([]byte, error) { return effects.Marshal(e) }

// UnmarshalText parses text with ParseEffect.
func (e *Effect) UnmarshalText(text []byte) error {
	v, err := ParseEffect(string(text))
	if err == nil {
		*e = v
	}
	return err
}

// ParseEffect returns the effect named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseEffect(s string) (Effect, error) { return effects.Parse(s, false) }

// FindingKind says what a finding compares. The zero value is not a kind.
type FindingKind uint8

// The kinds of finding.
const (
	// FindingBenchmark: an observation's latest value against its benchmark (national,
	// regional, comparators).
	FindingBenchmark FindingKind = 1 + iota
	// FindingTarget: a value against a target, the observation's own or one given in the
	// assessment's options.
	FindingTarget
	// FindingTrend: a series of observations over time.
	FindingTrend
	// FindingLevels: lay involvement across the four programme levels.
	FindingLevels
	// FindingRepresentation: participants in engagement against the community.
	FindingRepresentation
	// FindingShare: a share computed from the evidence records with nothing to judge it
	// against.
	FindingShare
)

var findingKinds = enum.NewTable[FindingKind]("assessment.FindingKind",
	[]string{"benchmark", "target", "trend", "levels", "representation", "share"}, nil)

// Valid reports whether k is a declared kind.
func (k FindingKind) Valid() bool { return findingKinds.Valid(k) }

// String returns the slug, e.g. "trend"; any other value prints as %!FindingKind(n).
func (k FindingKind) String() string { return findingKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k FindingKind) MarshalText() ([]byte, error) { return findingKinds.Marshal(k) }

// UnmarshalText parses text with ParseFindingKind.
func (k *FindingKind) UnmarshalText(text []byte) error {
	v, err := ParseFindingKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseFindingKind returns the kind named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseFindingKind(s string) (FindingKind, error) { return findingKinds.Parse(s, false) }
