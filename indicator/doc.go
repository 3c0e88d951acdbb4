// Package indicator holds the indicators and evidence of the six principles for engaging
// people and communities, and computes indicator values from counts and populations.
//
// # The catalogue
//
// For each principle, Six principles for engaging people and communities: definitions,
// evaluation and measurement lists the indicators and evidence that can show whether its
// measures of success are being met — national surveys such as the GP Patient Survey,
// instruments such as the Patient Activation Measure, local data on target groups, audit
// trails of engagement, investment in the voluntary sector, Social Return on Investment.
// Under principles 1 and 4 it splits them into existing and additional indicators. NHS
// England's statutory guidance Involving people in their own health and care adds a
// section on measurement and assurance: personal health budgets per 100,000 population,
// the Improvement and Assessment Framework indicator on people with long term conditions
// feeling supported, CQUIN 11, CQC regulation 9 and national surveys.
//
// An [Indicator] carries a stable [ID], the source's own wording as its name, its [Tier],
// the [EvidenceKind] it is, its [Source] (the [Publisher] and the [Geography] its results
// are reported for), the measures of success it evidences, the principles it serves, the
// key actions of the statutory guidance that name it, and the [Computation] that produces
// its value: a proportion or a rate computed by this package, Patient Activation Measure
// scoring by package pam, a Social Return on Investment ratio by package sroi, or a
// comparison between population groups by package equality. An indicator the framework
// lists under several principles — the GP Patient Survey under principles 1 and 4, the
// Social Value Act audit trail, partnership agreements and asset-based community
// development under principles 2 and 5, Social Return on Investment under principles 5 and
// 6 — is one indicator linked to each.
//
// [All] yields every indicator once; [ForPrinciple] yields a principle's indicators in the
// order the framework lists them; [ForMeasure] yields the evidence for one measure of
// success; [Lookup] finds an indicator by its ID or a common abbreviation ("pam", "gpps",
// "sroi"), forgiving differences of case, spacing and typographic punctuation. IDs never
// change or are reused once released. [Export] gathers the whole catalogue — principles
// and their commitments, empowerment levels, shared-narrative principles, the statutory
// guidance's approaches, duties and ten actions, measures and indicators, with every link —
// into one [Catalogue], and [ExportJSON] writes it as a JSON document that the schema
// schemas.Catalogue describes.
//
// # Indicator values
//
// The package also computes the values an indicator reports, with the confidence intervals
// that OHID's Fingertips profiles and its R package PHEindicatormethods produce for England:
//
//   - [NewProportion]: a proportion (or percentage) with Wilson score limits;
//   - [NewRate]: a crude rate per 100,000 (or any multiplier) with exact Poisson limits below
//     10 events and Byar's approximation from 10;
//   - [NewMean] and [NewMeanFromSummary]: a mean with Student t limits;
//   - [NewDSR]: a directly standardised rate against the 2013 European Standard Population
//     ([ESP2013]) by Dobson's method, including the wider interval when people have repeat
//     events, and not computed below 10 events;
//   - [NewISRatio] and [NewISRate]: indirectly standardised ratios and rates.
//
// Each result carries its value, its limits at every requested confidence level (95 % and
// 99.8 % by default, any level in [0.9, 1) allowed), the method and the inputs used.
// [Compare] judges an interval against a benchmark as better, similar or worse — or higher,
// similar or lower for an indicator without a polarity — as public-health profiles do.
// [AssignQuantiles] places small areas in deprivation quantiles exactly as phe_quantile does.
// [Tally], [GroupedTally], [MeanTally] and [AgeTally] accumulate national-scale records on
// many workers and merge into exactly the one-pass result, bit for bit, whatever the order
// of adds and merges: their sums are exact, each value held as an integer multiple of 2⁻⁶⁴
// (values from 2⁻¹² up exactly, smaller ones to within 2⁻⁶⁵) and added as a wide integer,
// and each total is rounded once when it is read. Each encodes its whole state with
// MarshalBinary, for engines that ship partial results between workers. A [Dataset]
// document, checked against the indicator-data schema, carries a council's or ICB's counts
// for many areas, periods and breakdowns and evaluates them group by group. Bad input is reported as located
// [FieldError] values, never as a NaN or a panic.
package indicator
