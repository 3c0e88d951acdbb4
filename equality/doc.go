// Package equality measures inequality between population groups and the representation of
// participants, for principle three of the Six principles for engaging people and
// communities, "focus on equality and narrowing inequalities", whose measures of success are
// gaps ("narrowing the gap on measures of access, outcomes and experience"; interventions
// "accessed by the most deprived/excluded groups"), and for principle two's "diversity of
// participants and how this relates to diversity of community".
//
// The numbers match the reference tools used in England and by the World Health
// Organization, and where those tools have a documented defect the doc comment of the
// function says how and why its result differs.
//
// # Inequality across deprivation: the PHE slope and relative index
//
// SII computes the slope index of inequality and relative index of inequality across 5 to 100
// ordered groups (quantiles of deprivation) exactly as OHID's PHEindicatormethods phe_sii does
// for Fingertips (Low & Low 2004): a population-weighted regression on the cumulative
// mid-point rank, for values, rates (log scale) or proportions (logit scale), with or without
// the transform, standard errors given or derived from 95 % limits, polarity by a negative
// multiplier, and Monte Carlo confidence limits taken as order statistics, from a seed.
// SIIAreas does the same for many areas on all cores, with results that do not depend on the
// number of cores.
//
// # WHO HEAT summary measures
//
// The package also computes the summary measures of the WHO Health Equity Assessment Toolkit
// (HEAT; R package healthequal) from disaggregated estimates by subgroup, for ordered and
// non-ordered dimensions, favourable and adverse indicators and reference subgroups, with
// standard errors and confidence intervals (analytic or simulated from a seed):
//
//   - simple measures: difference (D) and ratio (R);
//   - regression-based measures for ordered dimensions: slope and relative index of
//     inequality (SII, RII; logistic or linear), absolute and relative concentration index
//     (ACI, RCI);
//   - variance-based measures: between-group variance (BGV), between-group standard deviation
//     (BGSD), coefficient of variation (COV);
//   - disparity and mean-difference measures: index of disparity, unweighted and weighted
//     (IDISU, IDISW); mean difference from the best performing subgroup (MDBU, MDBW), from the
//     mean (MDMU, MDMW) and from a reference subgroup (MDRU, MDRW);
//   - disproportionality measures: mean log deviation (MLD) and Theil index (TI);
//   - impact measures: population attributable fraction (PAF) and risk (PAR).
//
// # Representation of participants
//
// Representation compares who took part with the community they come from: each group's
// share of participants and of the community, the representation ratio with a confidence
// interval (Wilson score, or Katz log when the community figures are themselves a sample),
// under- or over-representation flagged only when the interval excludes parity, the index of
// dissimilarity, a chi-square test against the community's shares, and the Simpson and
// Shannon diversity of both, with their effective numbers of groups.
//
// # Change in a gap
//
// GapChange answers "is the gap narrowing?" between two periods, with the change, its
// interval and a verdict, for absolute gaps (differences, SII) and relative ones (ratios,
// RII).
//
// # Groups that NHS and council data use
//
// IMDEdition, DeprivationGroup, DeprivationDecile and DeprivationQuintile place areas in
// national deprivation deciles and quintiles of a named edition of the English Index of
// Multiple Deprivation (IMD 2019 and IMD 2025 are not comparable); ProtectedCharacteristic
// lists the nine characteristics of the Equality Act 2010; EthnicCategory holds the NHS Data
// Dictionary ethnic category codes as a versioned code set (EthnicCodeSet), with their broad
// EthnicGroup.
//
// # Data at scale and documents
//
// GroupCounts and QuantileCounts accumulate counts per group from record-level data; they
// merge exactly, so national datasets can be split across workers. Data is the JSON input
// document for these analyses (schema kind schemas.EqualityData), read with ParseData and
// checked with Validate; its SII and Representation methods run the analyses on it.
//
// # Errors
//
// Bad input is reported, never computed with: every error is a *FieldError (or an
// errors.Join of them, listing every problem at once) whose Path is a JSON Pointer to the
// offending field and whose class matches one of ErrOutOfRange, ErrTooFewGroups,
// ErrUndefined, ErrMissingField, ErrDuplicateGroup or ErrUnknownValue with errors.Is. No
// function returns a NaN or an infinity. Monte Carlo work is bounded by documented limits
// (MaxSIIRepetitions), and randomness comes only from the caller's seed.
package equality
