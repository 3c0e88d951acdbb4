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
//
// # Wording
//
// The scorecard's sentences (the reasons of statuses, the findings' texts, the reasons
// things were left out, and Text) are for people; its fields hold the IDs, slugs and
// unrounded numbers for machines, and the sentences never change those. The sentences follow
// one house rule:
//
//   - Measures, their parts and indicators are named as the catalogue names them, never by
//     ID; a name in a list is set in quotes (“…”), since many hold commas. Groups are named
//     as people name them: "deprivation quintile 1 (most deprived)", "Asian or Asian British"
//     (the NHS Data Dictionary's headings and labels), "sex: female".
//   - A percentage has one decimal place and a space before the sign, which goes with every
//     figure, the limits of an interval included: "66.7 % (95 % CI 20.8 % to 93.9 %)"
//     (Bureau International des Poids et Mesures, The International System of Units, 9th
//     edition, 2019, section 5.4.7: a space separates a number and the symbol %). A sum of money carries its £ the same way; a unit in words is left to
//     the name of what is measured.
//   - A proportion is written as a percentage whether it is given as a fraction or as a
//     percentage: its numerator and denominator tell which, or, without them, whether every
//     figure (value, limits, benchmark) lies in [0, 1].
//   - Rates, means and scores have one decimal place; ratios (representation ratios, SROI
//     ratios, relative indices) two; the index of dissimilarity three; any other value
//     (a slope index of inequality, a gap) enough places to give its largest figure three
//     significant figures, from one to four. A value, its limits and its benchmark share
//     their places.
//   - Counts are whole numbers with thousands separated by commas ("2,209"); negative figures
//     take a minus sign (−, U+2212); an interval is "95 % CI a to b", never "a–b", so that a
//     negative limit reads plainly; p-values have three decimal places, or read "p < 0.001".
//   - Days are written "31 July 2025", periods by their label ("2024/25") or their days.
//     Commas in thousands, "to" in ranges and this form of date are the GOV.UK style guide's
//     (entries "Numbers" and "Dates").
package assessment
