package indicator

import (
	"github.com/peopleandcommunities/engage/internal/enum"
)

// catParse is t.Parse with a fast path for the canonical slug, so that decoding documents
// written by engage does not pay for Unicode normalisation.
func catParse[T ~uint8](t *enum.Table[T], s string, numbers bool) (T, error) {
	for v := T(1); t.Valid(v); v++ {
		if t.Slug(v) == s {
			return v, nil
		}
	}
	return t.Parse(s, numbers)
}

// Tier says where the framework places an indicator. The definitions, evaluation and
// measurement document splits the indicators of principles 1 and 4 into existing indicators,
// already collected, and additional ones a system could adopt, and lists those of the other
// principles without a split; the statutory guidance on involving people in their own health
// and care adds the items of its measurement and assurance section. The zero value is not a
// tier.
type Tier uint8

// The tiers.
const (
	// TierExisting: listed among a principle's existing indicators.
	TierExisting Tier = 1 + iota
	// TierAdditional: listed among a principle's additional indicators.
	TierAdditional
	// TierUntiered: listed under a principle whose indicators the framework does not split.
	TierUntiered
	// TierAssurance: named only by the statutory guidance, as a way to measure individual
	// involvement and give assurance that commissioners meet their duties.
	TierAssurance
)

var catTiers = enum.NewTable[Tier]("indicator.Tier",
	[]string{"existing", "additional", "untiered", "assurance"},
	map[string]Tier{"existing-indicators": TierExisting, "additional-indicators": TierAdditional,
		"measurement-and-assurance": TierAssurance})

// Valid reports whether t is a declared tier.
func (t Tier) Valid() bool { return catTiers.Valid(t) }

// String returns the slug, e.g. "existing"; any other value prints as %!Tier(n).
func (t Tier) String() string { return catTiers.String(t) }

// MarshalText returns the slug; an invalid tier is an error.
func (t Tier) MarshalText() ([]byte, error) { return catTiers.Marshal(t) }

// UnmarshalText parses text with [ParseTier].
func (t *Tier) UnmarshalText(text []byte) error {
	v, err := ParseTier(string(text))
	if err == nil {
		*t = v
	}
	return err
}

// ParseTier returns the tier named by its slug (or "existing indicators", "additional
// indicators", "measurement and assurance"), forgiving about case and spacing. Otherwise it
// returns a *principle.ParseError listing the slugs.
func ParseTier(s string) (Tier, error) { return catParse(catTiers, s, false) }

// EvidenceKind says what sort of evidence an indicator is. The zero value is not a kind.
type EvidenceKind uint8

// The kinds of evidence.
const (
	// EvidenceNationalSurvey: results of a national survey, published for local units.
	EvidenceNationalSurvey EvidenceKind = 1 + iota
	// EvidenceLocalSurvey: a survey the local system runs itself.
	EvidenceLocalSurvey
	// EvidenceInstrument: a published, validated questionnaire or tool completed by or with
	// people, such as the Patient Activation Measure.
	EvidenceInstrument
	// EvidenceLocalData: routine monitoring or administrative data held locally.
	EvidenceLocalData
	// EvidenceAuditTrail: a documented record that something is in place or was done, such
	// as engagement in a redesign or partnership agreements.
	EvidenceAuditTrail
	// EvidenceCount: a number of people, hours or events.
	EvidenceCount
	// EvidenceRate: a count relative to the population it is drawn from.
	EvidenceRate
	// EvidenceInvestment: an amount of money invested.
	EvidenceInvestment
	// EvidenceSocialValue: a valuation of the social value an investment creates.
	EvidenceSocialValue
	// EvidenceEvaluation: an evaluation that attributes a change to an intervention.
	EvidenceEvaluation
	// EvidenceFramework: a published framework, set of principles or guide that the local
	// system adopts and judges itself against.
	EvidenceFramework
	// EvidenceIncentive: a measure attached to a payment incentive scheme, such as CQUIN.
	EvidenceIncentive
	// EvidenceRegulation: a regulatory requirement checked by inspection.
	EvidenceRegulation
)

var catEvidenceKinds = enum.NewTable[EvidenceKind]("indicator.EvidenceKind",
	[]string{"national-survey", "local-survey", "instrument", "local-data", "audit-trail", "count", "rate",
		"investment", "social-value", "evaluation", "framework", "incentive", "regulation"},
	map[string]EvidenceKind{"survey": EvidenceNationalSurvey, "audit": EvidenceAuditTrail, "inspection": EvidenceRegulation})

// Valid reports whether k is a declared kind.
func (k EvidenceKind) Valid() bool { return catEvidenceKinds.Valid(k) }

// String returns the slug, e.g. "audit-trail"; any other value prints as %!EvidenceKind(n).
func (k EvidenceKind) String() string { return catEvidenceKinds.String(k) }

// MarshalText returns the slug; an invalid kind is an error.
func (k EvidenceKind) MarshalText() ([]byte, error) { return catEvidenceKinds.Marshal(k) }

// UnmarshalText parses text with [ParseEvidenceKind].
func (k *EvidenceKind) UnmarshalText(text []byte) error {
	v, err := ParseEvidenceKind(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// ParseEvidenceKind returns the kind named by its slug, forgiving about case and spacing, or
// a *principle.ParseError listing the slugs.
func ParseEvidenceKind(s string) (EvidenceKind, error) { return catParse(catEvidenceKinds, s, false) }

// Publisher is who publishes an indicator's results. The zero value is not a publisher.
type Publisher uint8

// The publishers.
const (
	// PublisherLocal: the local system itself — commissioners, councils, providers and their
	// partners — produces and holds the evidence.
	PublisherLocal Publisher = 1 + iota
	// PublisherNHSEngland: NHS England, including the collections NHS Digital published until
	// it merged into NHS England in 2023.
	PublisherNHSEngland
	// PublisherCQC: the Care Quality Commission.
	PublisherCQC
)

var catPublishers = enum.NewTable[Publisher]("indicator.Publisher",
	[]string{"local", "nhs-england", "care-quality-commission"},
	map[string]Publisher{"nhse": PublisherNHSEngland, "nhs-digital": PublisherNHSEngland, "cqc": PublisherCQC})

var catPublisherNames = [...]string{PublisherLocal: "the local system", PublisherNHSEngland: "NHS England", PublisherCQC: "Care Quality Commission"}

// Valid reports whether p is a declared publisher.
func (p Publisher) Valid() bool { return catPublishers.Valid(p) }

// String returns the slug, e.g. "nhs-england"; any other value prints as %!Publisher(n).
func (p Publisher) String() string { return catPublishers.String(p) }

// Name returns the publisher's name, e.g. "Care Quality Commission", or "" for an invalid
// value.
func (p Publisher) Name() string {
	if !p.Valid() {
		return ""
	}
	return catPublisherNames[p]
}

// MarshalText returns the slug; an invalid publisher is an error.
func (p Publisher) MarshalText() ([]byte, error) { return catPublishers.Marshal(p) }

// UnmarshalText sets p to the publisher named by its slug or by "cqc", "nhse" or "NHS
// Digital", forgiving about case and spacing; other text is a *principle.ParseError listing
// the slugs.
func (p *Publisher) UnmarshalText(text []byte) error {
	v, err := catParse(catPublishers, string(text), false)
	if err == nil {
		*p = v
	}
	return err
}

// Geography is the level at which an indicator's results are reported: the kind of unit one
// value describes. The zero value is not a geography.
type Geography uint8

// The geographies.
const (
	// GeographyNational: England as a whole (some collections also give regions).
	GeographyNational Geography = 1 + iota
	// GeographyCommissioner: a commissioner's area — a clinical commissioning group when the
	// guidance was written, an integrated care board or its sub-location since July 2022.
	GeographyCommissioner
	// GeographyLocalAuthority: a council with adult social services responsibilities.
	GeographyLocalAuthority
	// GeographyTrust: an NHS trust or foundation trust.
	GeographyTrust
	// GeographyPractice: a general practice.
	GeographyPractice
	// GeographyProvider: a registered provider of health or social care, or one of its
	// locations, as the Care Quality Commission inspects them.
	GeographyProvider
	// GeographyLocal: the local system's own area or programme; the evidence is not reported
	// for a standard kind of unit.
	GeographyLocal
)

var catGeographies = enum.NewTable[Geography]("indicator.Geography",
	[]string{"national", "commissioner", "local-authority", "trust", "practice", "provider", "local"},
	map[string]Geography{"england": GeographyNational, "ccg": GeographyCommissioner, "icb": GeographyCommissioner,
		"sub-icb": GeographyCommissioner, "council": GeographyLocalAuthority, "la": GeographyLocalAuthority,
		"gp-practice": GeographyPractice, "nhs-trust": GeographyTrust, "location": GeographyProvider})

// Valid reports whether g is a declared geography.
func (g Geography) Valid() bool { return catGeographies.Valid(g) }

// String returns the slug, e.g. "practice"; any other value prints as %!Geography(n).
func (g Geography) String() string { return catGeographies.String(g) }

// MarshalText returns the slug; an invalid geography is an error.
func (g Geography) MarshalText() ([]byte, error) { return catGeographies.Marshal(g) }

// UnmarshalText parses text with [ParseGeography].
func (g *Geography) UnmarshalText(text []byte) error {
	v, err := ParseGeography(string(text))
	if err == nil {
		*g = v
	}
	return err
}

// ParseGeography returns the geography named by its slug or a common synonym ("ccg", "icb",
// "council", "GP practice"), forgiving about case and spacing, or a *principle.ParseError
// listing the slugs.
func ParseGeography(s string) (Geography, error) { return catParse(catGeographies, s, false) }

// Computation names the engage calculation that turns an indicator's raw data into a value.
// The zero value is not a computation.
type Computation uint8

// The computations.
const (
	// ComputationNone: engage computes nothing; the evidence is a document, a record, an
	// amount or a total taken as it stands.
	ComputationNone Computation = 1 + iota
	// ComputationProportion: a proportion of a population with a Wilson score interval,
	// computed by this package's statistics.
	ComputationProportion
	// ComputationRate: a crude rate per 100,000 population with a confidence interval for a
	// Poisson count, computed by this package's statistics.
	ComputationRate
	// ComputationPAM: Patient Activation Measure scores, levels and change, computed by
	// package pam.
	ComputationPAM
	// ComputationSROI: a Social Return on Investment ratio, computed by package sroi.
	ComputationSROI
	// ComputationEquality: a comparison between population groups — the gap between them,
	// or how far participants represent the community — computed by package equality.
	ComputationEquality
)

var catComputations = enum.NewTable[Computation]("indicator.Computation",
	[]string{"none", "proportion", "rate", "pam", "sroi", "equality"},
	map[string]Computation{"percentage": ComputationProportion, "rate-per-100000": ComputationRate,
		"patient-activation-measure": ComputationPAM, "social-return-on-investment": ComputationSROI,
		"inequality": ComputationEquality})

const catModule = "github.com/peopleandcommunities/engage/"

var catComputationInfo = [...]struct{ pkg, desc string }{
	ComputationNone:       {"", "taken as it stands"},
	ComputationProportion: {catModule + "indicator", "proportion with Wilson score interval"},
	ComputationRate:       {catModule + "indicator", "crude rate per 100,000 with Poisson interval"},
	ComputationPAM:        {catModule + "pam", "Patient Activation Measure score and level"},
	ComputationSROI:       {catModule + "sroi", "Social Return on Investment ratio"},
	ComputationEquality:   {catModule + "equality", "gap between groups, or representation of the community"},
}

// Valid reports whether c is a declared computation.
func (c Computation) Valid() bool { return catComputations.Valid(c) }

// String returns the slug, e.g. "pam"; any other value prints as %!Computation(n).
func (c Computation) String() string { return catComputations.String(c) }

// Package returns the import path of the engage package that performs the computation, e.g.
// "github.com/peopleandcommunities/engage/pam", or "" for [ComputationNone] and invalid
// values.
func (c Computation) Package() string {
	if !c.Valid() {
		return ""
	}
	return catComputationInfo[c].pkg
}

// Description says in a few words what the computation produces, or "" for an invalid
// value.
func (c Computation) Description() string {
	if !c.Valid() {
		return ""
	}
	return catComputationInfo[c].desc
}

// MarshalText returns the slug; an invalid computation is an error.
func (c Computation) MarshalText() ([]byte, error) { return catComputations.Marshal(c) }

// UnmarshalText parses text with [ParseComputation].
func (c *Computation) UnmarshalText(text []byte) error {
	v, err := ParseComputation(string(text))
	if err == nil {
		*c = v
	}
	return err
}

// ParseComputation returns the computation named by its slug or a synonym ("percentage",
// "social return on investment"), forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseComputation(s string) (Computation, error) { return catParse(catComputations, s, false) }
