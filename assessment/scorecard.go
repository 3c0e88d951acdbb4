package assessment

import (
	"encoding/json"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

// A Scorecard is the assessment of a place's evidence against the framework, principle by
// principle: for each principle its status and the rule that produced it, each measure of
// success with its status, rule, findings and evidence, the coverage of each indicator; the
// statutory guidance's ten key actions as a checklist with evidence links; the indicators
// computed from the evidence records; and what was left out and why. Its JSON form is
// described by the schema schemas.Scorecard; Text writes it in plain English.
type Scorecard struct {
	// Schema is the URI of the document's JSON Schema.
	Schema string `json:"$schema"`
	// Title names the place or programme assessed.
	Title string `json:"title,omitempty"`
	// Area is the area assessed; empty when observations of every area were assessed.
	Area measure.AreaCode `json:"area,omitempty"`
	// Period is the assessment period and AsOf the day the assessment speaks for.
	Period measure.Period `json:"period"`
	AsOf   measure.Date   `json:"asOf"`
	// Level is the confidence level of the computed intervals and trend tests.
	Level float64 `json:"level"`
	// Summary counts the statuses and coverages.
	Summary Summary `json:"summary"`
	// Principles holds the six principles in the framework's order.
	Principles []PrincipleResult `json:"principles"`
	// Actions holds the ten key actions in the guidance's order.
	Actions []ActionCheck `json:"actions"`
	// Computed holds the indicators computed from the evidence records.
	Computed Computed `json:"computed"`
	// Excluded lists the observations and records the assessment left out, and why.
	Excluded []Exclusion `json:"excluded,omitempty"`
}

// Summary counts the results of an assessment.
type Summary struct {
	// Principles and Measures count the principles and measures by status; statuses with
	// no count are left out.
	Principles []StatusCount `json:"principles"`
	Measures   []StatusCount `json:"measures"`
	// Indicators counts the catalogue's indicators by coverage.
	Indicators []CoverageCount `json:"indicators"`
	// Actions is the number of key actions with current evidence, of ten.
	Actions int `json:"actions"`
}

// StatusCount is how many principles or measures have one status.
type StatusCount struct {
	// Status is the status and Count how many have it.
	Status Status `json:"status"`
	Count  int    `json:"count"`
}

// CoverageCount is how many indicators have one coverage.
type CoverageCount struct {
	// Coverage is the coverage and Count how many indicators have it.
	Coverage Coverage `json:"coverage"`
	Count    int      `json:"count"`
}

// PrincipleResult is the assessment of one principle.
type PrincipleResult struct {
	// Principle is the principle, Number its number and Title its title.
	Principle principle.Principle `json:"principle"`
	Number    int                 `json:"number"`
	Title     string              `json:"title"`
	// Status is the verdict; Rule states the rule that produced it and Reason applies it
	// to this principle's measures, naming them as the catalogue does.
	Status Status `json:"status"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
	// Measures assesses the principle's measures of success in the framework's order.
	Measures []MeasureResult `json:"measures"`
	// Indicators gives the coverage of the principle's indicators in the framework's order.
	Indicators []IndicatorResult `json:"indicators"`
}

// MeasureResult is the assessment of one measure of success. A measure listed under two
// principles is assessed once and appears under both.
type MeasureResult struct {
	// Measure is the measure and Name its wording; Polarity is the direction the catalogue
	// judges it by.
	Measure  measure.ID       `json:"measure"`
	Name     string           `json:"name"`
	Polarity measure.Polarity `json:"polarity"`
	// Status is the verdict; Rule states the rule that produced it and Reason applies it,
	// naming the findings it rests on and the indicators by their names.
	Status Status `json:"status"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
	// Reported, OutOfDate and Missing list the indicators that evidence the measure, by
	// coverage.
	Reported  []indicator.ID `json:"reported,omitempty"`
	OutOfDate []indicator.ID `json:"outOfDate,omitempty"`
	Missing   []indicator.ID `json:"missing,omitempty"`
	// Findings are the current findings about the measure and its indicators.
	Findings []Finding `json:"findings,omitempty"`
	// Evidence lists the current observations of the measure itself.
	Evidence []Link `json:"evidence,omitempty"`
}

// IndicatorResult is the coverage of one indicator.
type IndicatorResult struct {
	// Indicator is the indicator and Name its wording.
	Indicator indicator.ID `json:"indicator"`
	Name      string       `json:"name"`
	// Coverage says whether it is reported.
	Coverage Coverage `json:"coverage"`
	// Evidence lists the current observations and records of it; when it is out of date,
	// the latest of those that exist.
	Evidence []Link `json:"evidence,omitempty"`
}

// Finding is one thing the evidence shows about a measure or an indicator: a value against
// its benchmark or a target, a trend, lay involvement across the programme levels, or the
// representation of participants.
type Finding struct {
	// Kind says what the finding compares.
	Kind FindingKind `json:"kind"`
	// Measure (with Part) or Indicator is the finding's subject.
	Measure   measure.ID   `json:"measure,omitempty"`
	Part      string       `json:"part,omitempty"`
	Indicator indicator.ID `json:"indicator,omitempty"`
	// Measures lists the measures of success the finding counts for: the measure observed,
	// or those of the indicator's measures its kind of value speaks to (see Assess).
	Measures []measure.ID `json:"measures"`
	// Area and Group are those of the observations, when the finding rests on observations.
	Area  measure.AreaCode `json:"area,omitempty"`
	Group *measure.Group   `json:"group,omitempty"`
	// Period is the period of the latest value.
	Period measure.Period `json:"period"`
	// Value is the latest value, Limits its confidence limits.
	Value  float64         `json:"value"`
	Limits *measure.Limits `json:"limits,omitempty"`
	// Benchmark is what the value was compared with, for a benchmark or target finding.
	Benchmark *measure.Benchmark `json:"benchmark,omitempty"`
	// Trend is the trend test, for a trend finding.
	Trend *measure.TrendResult `json:"trend,omitempty"`
	// Verdict is what the finding shows and Effect which way it counts.
	Verdict Verdict `json:"verdict"`
	Effect  Effect  `json:"effect"`
	// Text says it in a sentence, by the house rule of the package overview: "Involvement
	// in decisions, 2024/25: 86.0 % (95 % CI 83.7 % to 88.0 %), significantly worse than
	// England at 90.0 %."
	Text string `json:"text"`
	// Evidence lists the observations or records the finding rests on.
	Evidence []Link `json:"evidence"`
}

// ActionCheck is one of the statutory guidance's ten key actions as a checklist item.
type ActionCheck struct {
	// Action is the action, Number its number and Title its heading.
	Action principle.Action `json:"action"`
	Number int              `json:"number"`
	Title  string           `json:"title"`
	// Status is Evidenced or NoEvidence; Rule states the rule.
	Status Status `json:"status"`
	Rule   string `json:"rule"`
	// Indicators lists the catalogue indicators the action names, each with its coverage.
	Indicators []IndicatorResult `json:"indicators,omitempty"`
	// Evidence lists the current observations and records that show the action being taken.
	Evidence []Link `json:"evidence,omitempty"`
}

// Computed holds the indicators the assessment computed from the evidence records over the
// assessment period (up to the as-of day).
type Computed struct {
	// AuditTrail is the completeness of the audit trail of engagement
	// (indicator.EvidenceSet.AuditTrail).
	AuditTrail indicator.AuditTrailSummary `json:"auditTrail"`
	// FeedbackLoop is how often activities closed the feedback loop.
	FeedbackLoop indicator.FeedbackLoopSummary `json:"feedbackLoop"`
	// LayCoverage is lay involvement across the four programme levels.
	LayCoverage indicator.LayCoverageSummary `json:"layCoverage"`
	// CoProduction is the use of co-production in redesign.
	CoProduction indicator.CoProductionSummary `json:"coProduction"`
	// SocialValue is the use of the Social Value Act in procurement.
	SocialValue indicator.SocialValueSummary `json:"socialValue"`
	// Diversity compares participants with the community, one dimension at a time.
	Diversity []Diversity `json:"diversity,omitempty"`
}

// Diversity compares the participants in engagement with the community by one dimension,
// the framework's "measure of diversity of participants and how this relates to diversity of
// community", with equality.Representation.
type Diversity struct {
	// Dimension is the dimension compared and Profile the community profile used.
	Dimension string `json:"dimension"`
	Profile   string `json:"profile"`
	// Participants are the participants counted by this dimension.
	Participants indicator.ParticipantSummary `json:"participants"`
	// Representation is the comparison, group by group, of the groups the community profile
	// holds.
	Representation equality.RepresentationResult `json:"representation"`
	// Unmatched lists the participants' groups the community profile does not hold, which
	// the comparison leaves out.
	Unmatched []string `json:"unmatched,omitempty"`
}

// Exclusion is an observation or record the assessment left out, or a comparison it could not
// make, with the reason.
type Exclusion struct {
	Link
	// Reason says why, e.g. "not available by the as-of day, 31 July 2025"; Text makes it a
	// sentence that names the observation or record.
	Reason string `json:"reason"`
}

// LinkKind says what a Link points to. The zero value is not a kind.
type LinkKind uint8

// The kinds of link: an observation, or one of the kinds of evidence record.
const (
	LinkObservation      LinkKind = 1 + iota // an observation
	LinkActivity                             // an engagement activity
	LinkLayInvolvement                       // a lay involvement record
	LinkPartnership                          // a partnership agreement
	LinkTraining                             // a training record
	LinkProcurement                          // a contract award
	LinkDocument                             // a document
	LinkCommunityProfile                     // a community profile
)

var linkKinds = enum.NewTable[LinkKind]("assessment.LinkKind",
	[]string{"observation", "activity", "lay-involvement", "partnership", "training", "procurement", "document", "community-profile"}, nil)

// Valid reports whether k is a declared kind.
func (k LinkKind) Valid() bool { return linkKinds.Valid(k) }

// String returns the slug, e.g. "observation"; any other value prints as %!LinkKind(n).
func (k LinkKind) String() string { return linkKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k LinkKind) MarshalText() ([]byte, error) { return linkKinds.Marshal(k) }

// UnmarshalText parses text with ParseLinkKind.
func (k *LinkKind) UnmarshalText(text []byte) error {
	v, err := ParseLinkKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseLinkKind returns the kind named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseLinkKind(s string) (LinkKind, error) { return linkKinds.Parse(s, false) }

// linkKind maps an evidence record kind to its link kind.
func linkKind(k indicator.RecordKind) LinkKind {
	switch k {
	case indicator.RecordActivity:
		return LinkActivity
	case indicator.RecordLayInvolvement:
		return LinkLayInvolvement
	case indicator.RecordPartnership:
		return LinkPartnership
	case indicator.RecordTraining:
		return LinkTraining
	case indicator.RecordProcurement:
		return LinkProcurement
	case indicator.RecordDocument:
		return LinkDocument
	}
	return 0
}

// Link points to an observation or an evidence record by its ID in its document.
type Link struct {
	// Kind says what the link points to.
	Kind LinkKind `json:"kind"`
	// ID is the observation's or record's ID.
	ID string `json:"id"`
	// Title is the record's title, or the observation's source.
	Title string `json:"title,omitempty"`
}

// ParseScorecard reads a scorecard document written by Assess and marshalled to JSON: it
// checks it against the schema (schemas.Scorecard; a failure is a *schemas.Error matching
// schemas.ErrInvalid) and decodes it.
func ParseScorecard(data []byte) (Scorecard, error) {
	if err := schemas.Validate(schemas.Scorecard, data); err != nil {
		return Scorecard{}, err
	}
	var s Scorecard
	if err := json.Unmarshal(data, &s); err != nil {
		return Scorecard{}, &FieldError{Err: ErrOutOfRange, Detail: "a scorecard as the schema describes it"}
	}
	return s, nil
}
