// Package assessment judges a place's evidence against the Six principles for engaging
// people and communities, principle by principle, into a Scorecard.
//
// It is the one package that sees the whole framework: the principles, their measures of
// success and the indicators that evidence them (packages principle, measure and indicator),
// the statutory guidance's ten key actions, and the calculations of the indicator, equality
// and measure packages. Given observations (measure.Observation: values of measures and
// indicators by area, period and group), evidence records (indicator.EvidenceSet: the audit
// trail of engagement, lay involvement, partnership agreements, training, procurement,
// documents and community profiles), an assessment period and an "as of" day, Assess says for
// every principle:
//
//   - which measures of success have current evidence, and which indicators are reported,
//     out of date or missing;
//   - what the numbers show: each latest value against its benchmark or target, each series
//     over time, lay involvement across the programme levels, the feedback loop, and the
//     representation of participants against the community;
//   - a Status for each measure and each principle, with the rule that produced it written
//     out (MeasureRule, PrincipleRule) and a reason naming the findings it rests on.
//
// There is no weighted score: a status follows from which findings are favourable and which
// unfavourable, and from which measures have evidence at all, by rules a board can follow.
// The ten key actions are a checklist, each with the evidence that shows it being taken.
//
// A Scorecard marshals to JSON valid against the schema schemas.Scorecard (ParseScorecard
// reads it back), and Text writes it in plain English. The package does no I/O and reads no
// clock: the caller gives the period and the as-of day, and the same input always gives the
// same scorecard, whatever the order of its observations and records.
package assessment
