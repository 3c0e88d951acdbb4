// Package pam scores the Patient Activation Measure (PAM) and analyses the scores: it reads
// responses, judges their validity, estimates activation with a Rasch model under a
// calibration of the caller's choice, bands scores into levels, classifies change, and
// accumulates cohorts and the "Gains in PAM scores" quality measure in mergeable form.
//
// The framework for engaging people and communities names improvement in people's health
// activation as a measure of success for its first principle, and the statutory guidance on
// involving people in their own health and care asks commissioners to use the PAM to find
// people who need more support.
//
// # The measure
//
// The PAM (Hibbard et al. 2004, Health Serv Res 39(4):1005–1026; short form, Hibbard et al.
// 2005, Health Serv Res 40(6):1918–1930) asks 13 items (PAM-13), or 10 of them (PAM-10), each
// answered Disagree Strongly, Disagree, Agree, Agree Strongly or Not Applicable. Items are
// identified by their PAM-13 numbers, PA1 … PA13. The item wording, its translations and the
// official calibration belong to the licence holder (Insignia Health, a Phreesia company);
// engage ships no item text and no official conversion table. Scoring needs a Calibration,
// which the caller supplies: the licence holder's, if the organisation holds it, or a
// published one such as Hellstrom2019, the only complete PAM-13 calibration found in the
// public literature (a Swedish sample's own scale, not the official one).
//
// # Scoring
//
// NewScorer prepares a calibration once. Its Score method estimates activation by maximum
// likelihood over the answered items (rating-scale or partial-credit model), transforms it to
// the 0–100 metric, rounds it to one decimal and bands it into a Level under a LevelScheme:
// the original scheme of Hibbard 2005 and the licence holder's current one (Insignia2024) are
// both offered, and every Result names the scheme it used. Responses score through a table of
// every raw sum over their set of answered items, with no allocation: NewScorer precomputes
// the tables of the complete forms, and the first response with items missing in a new way
// builds the table of its set, shared by every later response. Another scoring method plugs
// in through the Scorer interface.
//
// # Validity
//
// A Policy flags, and never drops, doubtful responses: extreme lines (every answer Disagree
// Strongly or every answer Agree Strongly), all answers the same, too many Not Applicable, too
// few items answered. The policy names the flags that make a result unacceptable for analysis.
//
// # Change and cohorts
//
// Change compares two results of the same person: the difference, the level moved, and
// whether the gain is meaningful (3 points or more, the threshold of the quality measure
// CBE/NQF #2483) or excellent (6 or more). Cohort accumulates results (counts by flag, mean
// and standard deviation, level shares under both schemes) and Gains accumulates the #2483
// measure over pairs of baseline and follow-up results. Both are fixed-size values whose zero
// value is ready to use, and both merge, so that a national dataset can be split across
// workers and combined: the counts are exactly those of a single pass, and the means and
// standard deviations agree with it to floating-point rounding. Their MarshalBinary and
// UnmarshalBinary carry the whole state, bit for bit, between the workers of an engine
// that ships partial results (Apache Beam, Spark).
//
// # Documents
//
// Responses, calibrations and results read and write JSON that conforms to the schemas
// pam-response, pam-calibration and pam-result of package schemas; ParseResponse,
// ParseCalibration and ParseResult check a document's shape against its schema, decode it,
// and check its meaning, reporting every problem located by JSON Pointer. ParseFHIR reads a
// response from a HL7 FHIR R4 QuestionnaireResponse (items PA1 … PA13 with integer or coded
// answers), a documented subset decoded without a FHIR library.
package pam
