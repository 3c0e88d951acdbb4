// Package measure holds the measures of success of the six principles for engaging people
// and communities: what a health and care system would see if it were honouring each
// principle.
//
// The People and Communities Board's Six principles for engaging people and communities:
// definitions, evaluation and measurement lists, under every principle, its measures of
// success and, separately, the indicators and evidence that can show them (which the
// indicator package holds). The measures run from health outcomes ("Improvement in health
// and wellbeing outcomes attributable to person-centred interventions") through people's
// experience and access, the capability of people and professionals, and relationships with
// the voluntary sector, to how communities regard volunteering and the NHS.
//
// Each [Measure] has a stable [ID], the framework's own wording as its name, a [Kind] that
// says what it looks at (outcome, experience, access, capability, relationship,
// representation, inequality, insight, responsiveness, participation, attitude,
// community), a [Polarity] that says which direction is better, as public-health indicator
// catalogues such as OHID's Fingertips record it, and the principles it is listed under.
// Where the framework spells out the aspects of a measure, they are its [Part] values: the
// four domains of people's experience (involvement in decisions, control and independence,
// wellbeing and confidence to manage, feeling supported), the four steps of the feedback
// loop (asked, listened to, involved in how insight is used, informed of the result), the
// five facets of carers' quality of life (recognition, support, health and wellbeing,
// involvement, ability to care), and so on.
//
// A measure the framework repeats under several principles is one measure linked to each:
// people's experiences of involvement, control, wellbeing and support appear under both
// principle 1 and principle 2. [All] yields every measure once, in the order of its first
// appearance; [ForPrinciple] yields a principle's measures in the order the framework lists
// them there; [Lookup] and [ParseID] find a measure by its ID, forgiving differences of
// case, spacing and typographic punctuation.
//
// IDs never change or are reused once released; names follow the framework's wording and
// may be corrected. A Measure is a plain value, and every Measure the package returns is the
// caller's own copy. Measures marshal to JSON with their enumerations as slugs; the whole
// catalogue exports as one document through the indicator package.
//
// # Observations
//
// An [Observation] is what a place measured: one value of a measure (or one of its parts) or
// of an indicator, for one area ([AreaCode]: an ONS GSS code or an NHS ODS organisation
// code), one [Period] of whole days and optionally one population [Group], with its
// confidence [Limits], numerator and denominator, a [Benchmark] (England, the region,
// comparators or a target), the source and the [Method] that produced it, naming engage's
// statistics where they were used. An [ObservationSet] is the observations document
// (schemas.Observations), read by [ParseObservations]. [TrendOf] judges a series of
// observations over time — by the chi-squared test for trend when they are proportions with
// counts, by comparing confidence intervals otherwise — as improving, worsening or showing
// no significant change under the catalogue's polarity. Dates are [Date] values the caller
// gives; the package reads no clock.
package measure
