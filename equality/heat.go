package equality

import (
	"errors"
	"math"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Sentinel errors of the WHO HEAT summary measures, in addition to the package's ErrOutOfRange,
// ErrTooFewGroups and ErrUndefined.
var (
	// ErrHEATNotApplicable classifies a summary measure asked of a dimension it does not apply
	// to: an ordered measure (SII, RII, ACI, RCI) of a non-ordered dimension, or a measure for
	// non-ordered dimensions (BGV, IDIS, MD…, MLD, TI) of an ordered one, as WHO HEAT rules.
	ErrHEATNotApplicable = errors.New("equality: summary measure not applicable to this dimension")
	// ErrHEATMissing classifies an input a summary measure needs but was not given: the
	// populations of a weighted measure, the favourability of D, R, MDB or PAF, the reference
	// subgroup of MDR, a subgroup's name.
	ErrHEATMissing = errors.New("equality: input needed by the summary measure is missing")
	// ErrHEATInconsistent classifies inputs that contradict each other: two subgroups with one
	// name, subgroup orders that are not 1…K, more than one reference subgroup, populations given
	// for some subgroups only.
	ErrHEATInconsistent = errors.New("equality: inconsistent subgroup data")
)

// Limits and defaults of the HEAT summary measures. Work is bounded before it starts: a request
// beyond these limits is an ErrOutOfRange error, not a long computation.
const (
	// HEATDefaultConfidence is the confidence level used when SummaryOptions.Confidence is 0.
	HEATDefaultConfidence = 0.95
	// HEATDefaultSimulations is the number of Monte Carlo replicates used for the simulated
	// intervals when SummaryOptions.Simulations is 0. healthequal's default is 100, whose
	// Monte Carlo error is several per cent of the interval's width; 10,000 makes it negligible.
	HEATDefaultSimulations = 10000
	// HEATMinSimulations and HEATMaxSimulations bound SummaryOptions.Simulations.
	HEATMinSimulations = 100
	HEATMaxSimulations = 1000000
	// HEATMaxDraws bounds the simulation work: replicates × subgroups.
	HEATMaxDraws = 100000000
	// HEATMaxSubgroups is the largest number of subgroups a dimension may have.
	HEATMaxSubgroups = 10000
	// HEATMaxMagnitude bounds every estimate, standard error, population, scale and setting
	// average, so that sums of squares stay far from overflow.
	HEATMaxMagnitude = 1e12
)

// Favourability says whether higher values of a health indicator are desirable, as WHO HEAT and
// healthequal's favourable_indicator record it: a favourable indicator (such as births attended
// by skilled health personnel) aims at a maximum, an adverse one (such as under-five mortality)
// at a minimum. It decides which subgroup is "best" and the direction of D and R. The zero value
// is not a favourability.
type Favourability uint8

// The favourabilities.
const (
	Favourable Favourability = 1 + iota // higher values are desirable (healthequal's 1)
	Adverse                             // lower values are desirable (healthequal's 0)
)

var heatFavourabilities = enum.NewTable[Favourability]("equality.Favourability",
	[]string{"favourable", "adverse"},
	map[string]Favourability{
		"favorable": Favourable, "higher-is-better": Favourable, "high-is-good": Favourable,
		"unfavourable": Adverse, "unfavorable": Adverse, "non-favourable": Adverse,
		"non-favorable": Adverse, "lower-is-better": Adverse, "low-is-good": Adverse,
	})

// Valid reports whether f is Favourable or Adverse.
func (f Favourability) Valid() bool { return heatFavourabilities.Valid(f) }

// String returns the slug "favourable" or "adverse"; any other value prints as
// %!Favourability(n).
func (f Favourability) String() string { return heatFavourabilities.String(f) }

// MarshalText returns the slug; an invalid favourability is an error.
func (f Favourability) MarshalText() ([]byte, error) { return heatFavourabilities.Marshal(f) }

// UnmarshalText parses text with ParseFavourability.
func (f *Favourability) UnmarshalText(text []byte) error {
	v, err := ParseFavourability(string(text))
	if err == nil {
		*f = v
	}
	return err
}

// ParseFavourability returns the favourability named by s: "favourable" or "adverse", the US
// spellings, "unfavourable", or the polarity wording "higher is better" / "lower is better",
// forgiving about case, spaces and dashes. Otherwise it returns an error listing the slugs.
func ParseFavourability(s string) (Favourability, error) { return heatFavourabilities.Parse(s, false) }

// SummaryMeasure is one of the summary measures of health inequality computed by the WHO Health
// Equity Assessment Toolkit (HEAT) and its R package healthequal (Schlotheuber & Hosseinpoor,
// "Summary measures of health inequality", Int J Environ Res Public Health 2022;19(6):3697). The
// zero value is not a measure. Slugs are healthequal's function names, except "cov" (covar) and
// "par" (parisk).
type SummaryMeasure uint8

// The summary measures, in HEAT's order. Which dimensions each applies to is reported by
// Applies; Summarise documents each formula.
const (
	SummaryD     SummaryMeasure = 1 + iota // difference between two subgroups
	SummaryR                               // ratio of two subgroups
	SummarySII                             // slope index of inequality (ordered)
	SummaryRII                             // relative index of inequality (ordered)
	SummaryACI                             // absolute concentration index (ordered)
	SummaryRCI                             // relative concentration index (ordered)
	SummaryBGV                             // between-group variance (non-ordered)
	SummaryBGSD                            // between-group standard deviation (non-ordered)
	SummaryCOV                             // coefficient of variation (non-ordered)
	SummaryIDISU                           // index of disparity, unweighted (non-ordered)
	SummaryIDISW                           // index of disparity, weighted (non-ordered)
	SummaryMDBU                            // mean difference from the best subgroup, unweighted
	SummaryMDBW                            // mean difference from the best subgroup, weighted
	SummaryMDMU                            // mean difference from the mean, unweighted
	SummaryMDMW                            // mean difference from the mean, weighted
	SummaryMDRU                            // mean difference from the reference subgroup, unweighted
	SummaryMDRW                            // mean difference from the reference subgroup, weighted
	SummaryMLD                             // mean log deviation (non-ordered)
	SummaryTI                              // Theil index (non-ordered)
	SummaryPAF                             // population attributable fraction
	SummaryPAR                             // population attributable risk
)

var heatMeasures = enum.NewTable[SummaryMeasure]("equality.SummaryMeasure",
	[]string{"d", "r", "sii", "rii", "aci", "rci", "bgv", "bgsd", "cov", "idisu", "idisw",
		"mdbu", "mdbw", "mdmu", "mdmw", "mdru", "mdrw", "mld", "ti", "paf", "par"},
	map[string]SummaryMeasure{
		"difference": SummaryD, "ratio": SummaryR, "covar": SummaryCOV,
		"coefficient-of-variation": SummaryCOV, "parisk": SummaryPAR, "theil": SummaryTI,
		"slope-index-of-inequality": SummarySII, "relative-index-of-inequality": SummaryRII,
		"mean-log-deviation": SummaryMLD,
	})

var heatMeasureNames = [...]string{"",
	"difference (D)", "ratio (R)", "slope index of inequality (SII)",
	"relative index of inequality (RII)", "absolute concentration index (ACI)",
	"relative concentration index (RCI)", "between-group variance (BGV)",
	"between-group standard deviation (BGSD)", "coefficient of variation (COV)",
	"index of disparity, unweighted (IDISU)", "index of disparity, weighted (IDISW)",
	"mean difference from best performing subgroup, unweighted (MDBU)",
	"mean difference from best performing subgroup, weighted (MDBW)",
	"mean difference from mean, unweighted (MDMU)", "mean difference from mean, weighted (MDMW)",
	"mean difference from reference subgroup, unweighted (MDRU)",
	"mean difference from reference subgroup, weighted (MDRW)",
	"mean log deviation (MLD)", "Theil index (TI)",
	"population attributable fraction (PAF)", "population attributable risk (PAR)",
}

// Valid reports whether m is one of the declared measures.
func (m SummaryMeasure) Valid() bool { return heatMeasures.Valid(m) }

// String returns the measure's slug, e.g. "sii"; any other value prints as %!SummaryMeasure(n).
func (m SummaryMeasure) String() string { return heatMeasures.String(m) }

// Name returns the measure's name as HEAT displays it, e.g. "slope index of inequality (SII)",
// or "" for an invalid measure.
func (m SummaryMeasure) Name() string {
	if !m.Valid() {
		return ""
	}
	return heatMeasureNames[m]
}

// MarshalText returns the slug; an invalid measure is an error.
func (m SummaryMeasure) MarshalText() ([]byte, error) { return heatMeasures.Marshal(m) }

// UnmarshalText parses text with ParseSummaryMeasure.
func (m *SummaryMeasure) UnmarshalText(text []byte) error {
	v, err := ParseSummaryMeasure(string(text))
	if err == nil {
		*m = v
	}
	return err
}

// ParseSummaryMeasure returns the measure named by s: its slug ("mdrw"), healthequal's
// function name ("covar", "parisk") or a few spelled-out names ("theil", "ratio"), forgiving
// about case, spaces and dashes. Otherwise it returns an error listing the slugs.
func ParseSummaryMeasure(s string) (SummaryMeasure, error) { return heatMeasures.Parse(s, false) }

// SummaryMeasures returns every measure in HEAT's order.
func SummaryMeasures() []SummaryMeasure {
	out := make([]SummaryMeasure, 0, len(heatMeasureNames)-1)
	for m := SummaryD; m <= SummaryPAR; m++ {
		out = append(out, m)
	}
	return out
}

// Applies reports whether HEAT computes m for a dimension of the given kind: D, R, PAF and PAR
// for every dimension; SII, RII, ACI and RCI for ordered dimensions only (they rank the
// subgroups); the variance, disparity, mean-difference, MLD and Theil measures for non-ordered
// dimensions only.
func (m SummaryMeasure) Applies(ordered bool) bool {
	switch {
	case !m.Valid():
		return false
	case m == SummaryD || m == SummaryR || m == SummaryPAF || m == SummaryPAR:
		return true
	case m >= SummarySII && m <= SummaryRCI:
		return ordered
	}
	return !ordered
}

// MinSubgroups returns the fewest subgroups m is defined for: 2 for the simple measures D and
// R, 3 for every complex measure (healthequal: "more than two subgroups").
func (m SummaryMeasure) MinSubgroups() int {
	if m == SummaryD || m == SummaryR {
		return 2
	}
	return 3
}

// Relative reports whether m is a relative measure (unchanged when every estimate is multiplied
// by the same positive factor): R, RII, RCI, COV, IDISU, IDISW, MLD, TI and PAF.
func (m SummaryMeasure) Relative() bool {
	switch m {
	case SummaryR, SummaryRII, SummaryRCI, SummaryCOV, SummaryIDISU, SummaryIDISW, SummaryMLD,
		SummaryTI, SummaryPAF:
		return true
	}
	return false
}

// heatSimulated reports whether m's interval comes from Monte Carlo simulation (healthequal:
// BGSD, COV, IDISU, IDISW and the six mean differences).
func (m SummaryMeasure) heatSimulated() bool {
	switch m {
	case SummaryBGSD, SummaryCOV, SummaryIDISU, SummaryIDISW, SummaryMDBU, SummaryMDBW,
		SummaryMDMU, SummaryMDMW, SummaryMDRU, SummaryMDRW:
		return true
	}
	return false
}

// heatWeighted reports whether m needs every subgroup's population.
func (m SummaryMeasure) heatWeighted() bool {
	switch m {
	case SummaryBGV, SummaryBGSD, SummaryCOV, SummaryIDISW, SummaryMDBW, SummaryMDMW,
		SummaryMDRW, SummaryMLD, SummaryTI:
		return true
	}
	return false
}

// SummaryMethod says how a summary measure's standard error and interval were obtained.
type SummaryMethod uint8

// The methods.
const (
	// SummaryAnalytic: a closed-form standard error (delta method, regression, Walter's
	// formula) and a Wald interval, estimate ± z·SE, or its exponential for ratios.
	SummaryAnalytic SummaryMethod = 1 + iota
	// SummarySimulated: Monte Carlo simulation of every subgroup estimate from a normal
	// distribution with its standard error, truncated to the indicator's range; the interval is
	// the simulated quantiles and the standard error the simulated standard deviation.
	SummarySimulated
	// SummaryNoInterval: no standard error or interval could be given; the result's Note says
	// why (typically, subgroup standard errors were not supplied).
	SummaryNoInterval
)

var heatMethods = enum.NewTable[SummaryMethod]("equality.SummaryMethod",
	[]string{"analytic", "simulated", "none"}, nil)

// Valid reports whether m is a declared method.
func (m SummaryMethod) Valid() bool { return heatMethods.Valid(m) }

// String returns the slug "analytic", "simulated" or "none"; any other value prints as
// %!SummaryMethod(n).
func (m SummaryMethod) String() string { return heatMethods.String(m) }

// MarshalText returns the slug; an invalid method is an error.
func (m SummaryMethod) MarshalText() ([]byte, error) { return heatMethods.Marshal(m) }

// UnmarshalText parses text with ParseSummaryMethod.
func (m *SummaryMethod) UnmarshalText(text []byte) error {
	v, err := ParseSummaryMethod(string(text))
	if err == nil {
		*m = v
	}
	return err
}

// ParseSummaryMethod returns the method named by its slug, or an error listing the slugs.
func ParseSummaryMethod(s string) (SummaryMethod, error) { return heatMethods.Parse(s, false) }

// Subgroup is one population subgroup of a dimension of inequality (a wealth quintile, a region,
// a sex) with the indicator's estimate for it, as HEAT's disaggregated data record it.
type Subgroup struct {
	// Name identifies the subgroup; names must be unique within a dimension.
	Name string `json:"name"`
	// Estimate is the indicator's value for the subgroup, on the indicator's scale (e.g. a
	// percentage, or deaths per 1,000 live births). It must be finite and not negative.
	Estimate float64 `json:"estimate"`
	// SE is the standard error of Estimate, on the same scale, or nil when it is not known.
	// Zero is a valid standard error (an estimate of 100 % from a survey, say). Measures whose
	// interval needs a missing standard error are returned without an interval.
	SE *float64 `json:"se,omitempty"`
	// Population is the number of people in the subgroup (it may be survey-weighted and not a
	// whole number), or 0 when it is not known. It must be given for every subgroup or none.
	Population float64 `json:"population,omitempty"`
	// Order ranks the subgroups of an ordered dimension from 1 (most disadvantaged, e.g. the
	// poorest quintile) to K (most advantaged); the orders must be exactly 1…K. It is ignored
	// for a non-ordered dimension.
	Order int `json:"order,omitempty"`
	// Reference marks the reference subgroup of a non-ordered dimension (at most one), used by
	// D, R, MDRU and MDRW. An ordered dimension has no reference subgroup.
	Reference bool `json:"reference,omitempty"`
}

// SummaryOptions describes the dimension and indicator being summarised and how intervals are
// made. The zero value is a non-ordered dimension at 95 % confidence with 10,000 simulations
// from seed 0; Favourability must be set for the measures that need it.
type SummaryOptions struct {
	// Ordered says the dimension's subgroups have a natural order (wealth quintiles, education
	// levels), given by Subgroup.Order.
	Ordered bool `json:"ordered"`
	// Favourability says whether higher values are desirable. D and R (for ordered dimensions
	// or with a reference subgroup), MDBU, MDBW, PAF and PAR need it.
	Favourability Favourability `json:"favourability,omitempty"`
	// Scale is the indicator's scale: 1 for a proportion, 100 for a percentage, 1000 for a
	// rate per 1,000, and so on; 0 when not stated. The logistic SII and RII model the
	// estimate as a proportion of the scale (when it is not stated it is inferred as
	// healthequal does); PAF's and PAR's standard errors need it; with a scale of 1 or 100
	// the simulated estimates are kept within [0, Scale].
	Scale float64 `json:"scale,omitempty"`
	// SettingAverage is the indicator's overall value for the setting (e.g. the national
	// average from the survey), or nil. IDISU and MDMU measure differences from it when it is
	// given; PAF and PAR use it when populations are not given. Every other measure uses the
	// population-weighted mean of the subgroups.
	SettingAverage *float64 `json:"settingAverage,omitempty"`
	// Confidence is the confidence level of the intervals, in [0.9, 1); 0 means 0.95.
	Confidence float64 `json:"confidence,omitempty"`
	// Linear fits the SII and RII by weighted least squares instead of healthequal's default
	// logistic regression.
	Linear bool `json:"linear,omitempty"`
	// Simulations is the number of Monte Carlo replicates for the simulated intervals, in
	// [HEATMinSimulations, HEATMaxSimulations]; 0 means HEATDefaultSimulations.
	Simulations int `json:"simulations,omitempty"`
	// Seed seeds the simulation's random stream (math/rand/v2 PCG). The same inputs and seed
	// always give the same limits; each measure draws from its own stream, so a measure's limits
	// do not depend on which other measures are computed.
	Seed uint64 `json:"seed,omitempty"`
}

// SummaryResult is one summary measure of inequality for a dimension, with its uncertainty.
type SummaryResult struct {
	// Measure is the measure computed.
	Measure SummaryMeasure `json:"measure"`
	// Estimate is the measure's value, in the units Summarise documents for the measure.
	Estimate float64 `json:"estimate"`
	// SE is the standard error of Estimate, or nil when it could not be computed. For the
	// ratios R and RII it is the standard error of ln(Estimate) (see LogScale).
	SE *float64 `json:"se,omitempty"`
	// LogScale reports that SE is on the natural-log scale and the interval is
	// exp(ln(Estimate) ± z·SE).
	LogScale bool `json:"logScale,omitempty"`
	// Interval is the confidence interval, or nil when it could not be computed.
	Interval *Interval `json:"interval,omitempty"`
	// Method says how SE and Interval were obtained.
	Method SummaryMethod `json:"method"`
	// Simulations and Seed record the Monte Carlo settings of a simulated interval.
	Simulations int    `json:"simulations,omitempty"`
	Seed        uint64 `json:"seed,omitempty"`
	// Scale is the indicator scale the measure used (stated or inferred), or 0 when it used
	// none.
	Scale float64 `json:"scale,omitempty"`
	// Mean is the average the measure compares with (the population-weighted mean or the
	// setting average), or nil when it uses none.
	Mean *float64 `json:"mean,omitempty"`
	// Subgroups names the subgroups whose estimates entered the measure, in input order.
	Subgroups []string `json:"subgroups"`
	// Compared names, for D and R, the two subgroups compared: the first minus (or over) the
	// second.
	Compared []string `json:"compared,omitempty"`
	// Reference names the subgroup the measure compares with: the reference subgroup of MDRU
	// and MDRW, the best-performing subgroup of MDBU and MDBW, the reference of PAF and PAR.
	Reference string `json:"reference,omitempty"`
	// Note says in words what was computed and, where it applies, how the result differs from
	// healthequal's and why no interval was given.
	Note string `json:"note"`
}

// SummaryOmission records a measure SummariseAll did not compute, and why.
type SummaryOmission struct {
	// Measure is the measure left out.
	Measure SummaryMeasure `json:"measure"`
	// Reason is the error's message.
	Reason string `json:"reason"`
	// Err is the error Summarise returned; errors.Is matches its sentinel.
	Err error `json:"-"`
}

// SummaryTable is a HEAT-style summary table for one indicator and dimension: every summary
// measure HEAT computes for that kind of dimension.
type SummaryTable struct {
	// Ordered, Favourability and Confidence repeat the options the table was made with.
	Ordered       bool          `json:"ordered"`
	Favourability Favourability `json:"favourability,omitempty"`
	Confidence    float64       `json:"confidence"`
	// Results holds the measures computed, in HEAT's order.
	Results []SummaryResult `json:"results"`
	// Omitted lists the measures that apply to the dimension but could not be computed from
	// these data (a missing reference subgroup, an undefined ratio), with the reason.
	Omitted []SummaryOmission `json:"omitted,omitempty"`
}

// Result returns the table's result for m, if it was computed.
func (t SummaryTable) Result(m SummaryMeasure) (SummaryResult, bool) {
	for _, r := range t.Results {
		if r.Measure == m {
			return r, true
		}
	}
	return SummaryResult{}, false
}

// SummariseAll computes every summary measure that HEAT gives for the dimension (D, R, SII, RII,
// ACI, RCI, PAF and PAR for an ordered dimension; D, R, BGV, BGSD, COV, IDISU, IDISW, MDBU,
// MDBW, MDMU, MDMW, MDRU, MDRW, MLD, TI, PAF and PAR for a non-ordered one). Invalid input is an
// error listing every problem; a measure that cannot be computed from valid data (no reference
// subgroup, no populations, an undefined ratio) is listed in Omitted instead. Each row equals
// what Summarise returns for that measure.
func SummariseAll(groups []Subgroup, opts SummaryOptions) (SummaryTable, error) {
	d, err := heatPrepare(groups, opts)
	if err != nil {
		return SummaryTable{}, err
	}
	t := SummaryTable{Ordered: opts.Ordered, Favourability: opts.Favourability, Confidence: d.conf}
	for _, m := range SummaryMeasures() {
		if !m.Applies(opts.Ordered) {
			continue
		}
		r, err := heatSummarise(m, d)
		if err != nil {
			t.Omitted = append(t.Omitted, SummaryOmission{Measure: m, Reason: err.Error(), Err: err})
			continue
		}
		t.Results = append(t.Results, r)
	}
	return t, nil
}

// Summarise computes one WHO HEAT summary measure of inequality across the subgroups of a
// dimension, with its standard error and confidence interval, following healthequal 1.0.1
// (WHO, https://github.com/WHOequity/healthequal) and the HEAT technical notes, except where
// noted below. Invalid input is an error listing every problem with it, each a *FieldError
// whose Path is a JSON Pointer such as "/subgroups/3/population" or "/favourability"; for valid
// input, everything the measure needs and lacks is listed the same way (ErrHEATMissing, or
// ErrHEATNotApplicable for a measure that does not apply to the dimension). Data for which the
// measure is mathematically undefined give ErrUndefined. No result holds a NaN or an infinity.
//
// Notation: y_j is subgroup j's estimate, s_j its standard error, p_j = pop_j / Σ pop its
// population share, μ = Σ p_j y_j, K the number of subgroups, z = Φ⁻¹(1 − (1 − c)/2).
//
// D (difference) and R (ratio) compare two subgroups y1 and y2. Ordered dimension: the most
// advantaged (highest order) minus/over the most disadvantaged (order 1) for a favourable
// indicator, the reverse for an adverse one. Non-ordered without a reference: the highest
// estimate minus/over the lowest. With a reference subgroup: the reference against the lowest
// other subgroup (favourable), or the highest other subgroup against the reference (adverse).
// Ties go to the first subgroup in input order.
//
//	D = y1 − y2,   SE = √(s1² + s2²),   D ± z·SE
//	R = y1 / y2,   SE(ln R) = √(s1²/y1² + s2²/y2²),   exp(ln R ± z·SE)
//
// SII and RII (ordered; Subgroup.Order 1…K): subgroups are ranked by the mid-point of their
// cumulative population share, rank_j = (Σ_{i<j} n_i + n_j/2) / Σ n with n_j = ⌈pop_j⌉, the
// population rounded up to whole people as healthequal does (equal shares when populations are
// not given). The default model is healthequal's logistic regression of the estimate as a
// proportion of the scale on rank: cases k_j = round-half-even(y_j/scale · n_j), prior weights
// n_j² (what R's glm does with a binomial response and weights = pop), and
//
//	SII = (expit(β0 + β1) − expit(β0)) · scale,   RII = expit(β0 + β1) / expit(β0)
//
// With Linear, weighted least squares of y on rank with weights n_j: SII = β1,
// RII = (β0 + β1)/β0. Standard errors are HC1 sandwich estimates, K/(K−2)·A(Σ u_j u_jᵀ)A, by the
// delta method; SII ± z·SE, exp(ln RII ± z·SE(ln RII)). Where this differs from healthequal:
// the SII's SE is reported on the SII's own scale (healthequal 1.0.1 reports it on the 0–1
// scale; its interval is the same); a stated Scale is used rather than inferred (inference
// takes 0.8 % to be the proportion 0.8); without populations the logistic model fits the
// proportions with equal weights, where healthequal rounds every proportion to 0 or 1; equal
// estimates give SII = 0 and RII = 1, where healthequal stops with an error (because cases
// are rounded to whole numbers, equal estimates give exactly 0 only when y·n_j/scale are
// whole numbers; otherwise the rounding leaves a slope of the order of scale/n_j).
//
// ACI and RCI (ordered), the absolute and relative concentration indices, with population
// weights w (1 when populations are not given):
//
//	ACI = 2 Σ w_j y_j (rank_j − ½) / Σ w_j,   RCI = ACI / μ   (a fraction in [−1, 1])
//
// SE from the convenient regression (Kakwani, Wagstaff & van Doorslaer 1997): weighted least
// squares of 2σ²_r·y_j on rank_j, σ²_r the weighted variance of rank, residual variance on K−2
// degrees of freedom; ACI ± z·SE, RCI ± z·SE/μ.
//
// BGV = Σ p_j (y_j − μ)², with Ahn et al.'s analytic SE (JCO Clin Cancer Inform 2018;2:1–19)
//
//	SE² = 4 Σ p_j² s_j² (y_j − μ)² + 2[(Σ p_j² s_j²)² − Σ p_j⁴ s_j⁴ + Σ p_j² (1 − p_j)² s_j⁴]
//
// BGSD = √BGV; COV = 100 · BGSD / μ; IDISU = (100/K) Σ |y_j − m| / m; IDISW = 100 Σ p_j |y_j − μ|
// / μ; MDBU = (1/K) Σ |y_j − y_best|; MDBW = Σ p_j |y_j − y_best| (best: the highest estimate
// for a favourable indicator, the lowest for an adverse one); MDMU = (1/K) Σ |y_j − m|;
// MDMW = Σ p_j |y_j − μ|; MDRU = (1/K) Σ |y_j − y_ref|; MDRW = Σ p_j |y_j − y_ref|; where m is
// the setting average if given, else μ. Their intervals are simulated: each replicate draws
// every y_j from a normal distribution N(y_j, s_j) truncated to [0, ∞) ([0, Scale] for a scale
// of 1 or 100), recomputes μ, the best subgroup and the reference's value from the draws (a
// setting average stays fixed), and recomputes the measure; the limits are the type-7
// (linearly interpolated) quantiles at (1 ∓ c)/2 and SE is the replicates' standard deviation.
// Where this differs from healthequal: the requested confidence level is used (healthequal
// always gives 95 %); IDISW recomputes μ in each replicate as every other measure does
// (healthequal keeps the observed μ, understating the uncertainty); the default is 10,000
// replicates, not 100; an interval is given when the scale is not stated, and MDBU and MDBW
// without standard errors return the estimate without an interval (healthequal stops with an
// error). These percentile intervals, like healthequal's, can lie entirely above the estimate
// when subgroups differ by little compared with their standard errors, because the measures
// are biased away from zero there; the Note says so when it happens.
//
// MLD and TI (× 1000, as HEAT reports them), with r_j = y_j / μ, and delta-method SEs:
//
//	MLD = 1000 Σ p_j (−ln r_j),  SE = 1000 √(Σ p_j² s_j² (1 − 1/r_j)² / μ²)
//	TI  = 1000 Σ p_j r_j ln r_j, SE = 1000 √(Σ p_j² s_j² (1 + ln r_j − Σ_k p_k r_k (1 + ln r_k))² / μ²)
//
// Where this differs from healthequal: the SE is multiplied by 1000 like the estimate
// (healthequal does not, so its interval is 1000 times too narrow); MLD with an estimate of 0
// is ErrUndefined (healthequal substitutes 10⁻⁶, whose effect depends on the scale); TI with an
// estimate of 0 has the value its limit gives (0·ln 0 = 0) and no interval, as its delta-method
// SE is unbounded there.
//
// PAF and PAR (impact measures): the reference is the most advantaged subgroup (highest order)
// of an ordered dimension, whatever the favourability, and the best subgroup of a non-ordered
// one (a subgroup marked as the reference is not used, as in healthequal). With m the population-weighted mean (or the setting average when populations are not
// given):
//
//	PAR = y_ref − m,   PAF = 100 (y_ref − m) / m
//
// both set to 0 when the reference is worse than the mean (below it for a favourable indicator,
// above for an adverse one). Walter's SE (Int J Epidemiol 1978;7:175–82) from the 2×2 table of
// cases c = y_ref/scale · N_ref, d = N_ref − c, a = m/scale · N − c, b = N − a − N_ref:
//
//	SE(PAF/100) = √(c N (a d (N − c) + b c²) / ((a + c)³ (c + d)³)),   SE(PAR) = m · SE(PAF/100)
//
// and the interval is the Wald interval of the unclamped value, clamped like the estimate.
// Where this differs from healthequal: PAF's SE is in per cent like PAF (healthequal reports
// the fraction's SE and centres a 100-times-too-narrow interval on PAF); a clamped estimate has
// its interval clamped too rather than centred on 0. Without populations there is no interval.
func Summarise(m SummaryMeasure, groups []Subgroup, opts SummaryOptions) (SummaryResult, error) {
	d, err := heatPrepare(groups, opts)
	if err != nil {
		if !m.Valid() {
			var l field.List
			l.Add("/measure", ErrOutOfRange, "not a summary measure")
			l.AddError("", err)
			return SummaryResult{}, l.Err()
		}
		return SummaryResult{}, err
	}
	if !m.Valid() {
		return SummaryResult{}, &FieldError{Path: "/measure", Err: ErrOutOfRange, Detail: "not a summary measure"}
	}
	return heatSummarise(m, d)
}

// heatData holds a validated dimension: subgroups in computation order (by Order for an ordered
// dimension, input order otherwise) with their input indices for error paths.
type heatData struct {
	opts   SummaryOptions
	conf   float64
	z      float64
	sims   int
	k      int
	name   []string
	idx    []int // input index of each subgroup in computation order
	y      []float64
	se     []float64 // valid only where hasSE
	hasSE  []bool
	allSE  bool
	pop    []float64 // valid only when hasPop
	hasPop bool
	ref    int // computation index of the reference subgroup, or -1
}

// heatPrepare validates the subgroups and options, reporting every problem at once, and
// arranges them for computation.
func heatPrepare(groups []Subgroup, opts SummaryOptions) (*heatData, error) {
	var l field.List
	d := &heatData{opts: opts, conf: opts.Confidence, sims: opts.Simulations, ref: -1}
	if d.conf == 0 {
		d.conf = HEATDefaultConfidence
	}
	if !(d.conf >= 0.9 && d.conf < 1) {
		l.Add("/confidence", ErrOutOfRange, "a confidence level in [0.9, 1), or 0 for 0.95")
	} else {
		d.z, _ = dist.Z(d.conf)
	}
	if opts.Favourability != 0 && !opts.Favourability.Valid() {
		l.Add("/favourability", ErrOutOfRange, "favourable or adverse")
	}
	if !heatFinite(opts.Scale) || opts.Scale < 0 || opts.Scale > HEATMaxMagnitude {
		l.Add("/scale", ErrOutOfRange, "a positive indicator scale such as 1, 100 or 1000, or 0 when not stated")
	}
	if sa := opts.SettingAverage; sa != nil && (!heatFinite(*sa) || *sa < 0 || *sa > HEATMaxMagnitude) {
		l.Add("/settingAverage", ErrOutOfRange, "a finite, non-negative setting average")
	}
	if d.sims == 0 {
		d.sims = HEATDefaultSimulations
	}
	if d.sims < HEATMinSimulations || d.sims > HEATMaxSimulations {
		l.Add("/simulations", ErrOutOfRange, "between 100 and 1,000,000 replicates, or 0 for 10,000")
	}
	k := len(groups)
	switch {
	case k < 2:
		l.Add("/subgroups", ErrTooFewGroups, "at least two subgroups")
	case k > HEATMaxSubgroups:
		l.Add("/subgroups", ErrOutOfRange, "at most 10,000 subgroups")
		return nil, l.Err()
	}
	if d.sims >= HEATMinSimulations && d.sims <= HEATMaxSimulations && d.sims*k > HEATMaxDraws {
		l.Add("/simulations", ErrOutOfRange, "replicates × subgroups at most 100,000,000")
	}
	names := make(map[string]int, k)
	withPop := 0
	for i, g := range groups {
		if g.Population != 0 {
			withPop++
		}
		p := func(f string) string { return field.Pointer("subgroups", i, f) }
		if g.Name == "" {
			l.Add(p("name"), ErrHEATMissing, "a name for the subgroup")
		} else if j, dup := names[g.Name]; dup {
			l.Add(p("name"), ErrHEATInconsistent, "a name not used by subgroup "+field.Pointer(j)[1:])
		} else {
			names[g.Name] = i
		}
		if !heatFinite(g.Estimate) || g.Estimate < 0 || g.Estimate > HEATMaxMagnitude {
			l.Add(p("estimate"), ErrOutOfRange, "a finite, non-negative estimate")
		}
		if g.SE != nil && (!heatFinite(*g.SE) || *g.SE < 0 || *g.SE > HEATMaxMagnitude) {
			l.Add(p("se"), ErrOutOfRange, "a finite, non-negative standard error, or none")
		}
		if !heatFinite(g.Population) || g.Population < 0 || g.Population > HEATMaxMagnitude {
			l.Add(p("population"), ErrOutOfRange, "a positive number of people, or 0 when not known")
		}
		if opts.Ordered && g.Reference {
			l.Add(p("reference"), ErrHEATInconsistent, "an ordered dimension has no reference subgroup")
		}
	}
	if withPop > 0 && withPop < k {
		for i, g := range groups {
			if g.Population == 0 {
				l.Add(field.Pointer("subgroups", i, "population"), ErrHEATMissing,
					"a population, as the other subgroups have one")
			}
		}
	}
	if !opts.Ordered {
		first := -1
		for i, g := range groups {
			if !g.Reference {
				continue
			}
			if first >= 0 {
				l.Add(field.Pointer("subgroups", i, "reference"), ErrHEATInconsistent,
					"at most one reference subgroup")
				continue
			}
			first = i
		}
	}
	// Order: an ordered dimension's subgroups must be numbered exactly 1…K.
	perm := make([]int, k)
	for i := range perm {
		perm[i] = i
	}
	if opts.Ordered && k <= HEATMaxSubgroups {
		seen := make([]int, k+1)
		for i := range seen {
			seen[i] = -1
		}
		for i, g := range groups {
			switch {
			case g.Order < 1 || g.Order > k:
				l.Add(field.Pointer("subgroups", i, "order"), ErrOutOfRange,
					"an order from 1 (most disadvantaged) to the number of subgroups")
			case seen[g.Order] >= 0:
				l.Add(field.Pointer("subgroups", i, "order"), ErrHEATInconsistent,
					"an order not used by another subgroup")
			default:
				seen[g.Order] = i
			}
		}
		if l.Len() == 0 {
			for o := 1; o <= k; o++ {
				perm[o-1] = seen[o]
			}
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	d.k = k
	d.name = make([]string, k)
	d.idx = perm
	d.y = make([]float64, k)
	d.se = make([]float64, k)
	d.hasSE = make([]bool, k)
	d.pop = make([]float64, k)
	d.hasPop = withPop == k
	d.allSE = true
	for c, i := range perm {
		g := groups[i]
		d.name[c] = g.Name
		d.y[c] = g.Estimate
		if g.SE != nil {
			d.se[c], d.hasSE[c] = *g.SE, true
		} else {
			d.allSE = false
		}
		d.pop[c] = g.Population
		if g.Reference && !opts.Ordered {
			d.ref = c
		}
	}
	return d, nil
}

// heatSummarise checks what measure m needs from the validated data, then computes it.
func heatSummarise(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	if err := heatRequire(m, d); err != nil {
		return SummaryResult{}, err
	}
	var (
		r   SummaryResult
		err error
	)
	switch {
	case m == SummaryD || m == SummaryR:
		r, err = heatPair(m, d)
	case m == SummarySII || m == SummaryRII:
		r, err = heatSlope(m, d)
	case m == SummaryACI || m == SummaryRCI:
		r, err = heatConcentration(m, d)
	case m == SummaryBGV:
		r, err = heatBGV(d)
	case m == SummaryMLD || m == SummaryTI:
		r, err = heatEntropy(m, d)
	case m == SummaryPAF || m == SummaryPAR:
		r, err = heatImpact(m, d)
	default:
		r, err = heatDispersion(m, d)
	}
	if err != nil {
		return SummaryResult{}, err
	}
	r.Measure = m
	if !heatResultFinite(r) {
		return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: m.String() + " overflows for these estimates"}
	}
	return r, nil
}

// heatRequire reports, all at once, what measure m needs and the data lack.
func heatRequire(m SummaryMeasure, d *heatData) error {
	var l field.List
	o := d.opts
	if !m.Applies(o.Ordered) {
		if o.Ordered {
			l.Add("/ordered", ErrHEATNotApplicable, m.String()+" is for non-ordered dimensions")
		} else {
			l.Add("/ordered", ErrHEATNotApplicable, m.String()+" is for ordered dimensions (subgroups with an order)")
		}
		return l.Err()
	}
	if d.k < m.MinSubgroups() {
		l.Add("/subgroups", ErrTooFewGroups, m.String()+" needs more than two subgroups")
	}
	needFav := m == SummaryMDBU || m == SummaryMDBW || m == SummaryPAF || m == SummaryPAR ||
		((m == SummaryD || m == SummaryR) && (o.Ordered || d.ref >= 0))
	if needFav && o.Favourability == 0 {
		l.Add("/favourability", ErrHEATMissing, m.String()+" needs to know whether the indicator is favourable or adverse")
	}
	if m.heatWeighted() && !d.hasPop {
		l.Add("/subgroups", ErrHEATMissing, m.String()+" needs every subgroup's population")
	}
	if (m == SummaryIDISU || m == SummaryMDMU || m == SummaryPAF || m == SummaryPAR) &&
		!d.hasPop && o.SettingAverage == nil {
		l.Add("/settingAverage", ErrHEATMissing, m.String()+" needs the subgroups' populations or the setting average")
	}
	if (m == SummaryMDRU || m == SummaryMDRW) && d.ref < 0 {
		l.Add("/subgroups", ErrHEATMissing, m.String()+" needs a subgroup marked as the reference")
	}
	if (m == SummarySII || m == SummaryRII) && d.hasPop {
		for c, p := range d.pop {
			if p < 1 {
				l.Add(field.Pointer("subgroups", d.idx[c], "population"), ErrOutOfRange,
					"at least 1: the regression measures take populations as numbers of people")
			}
		}
	}
	if (m == SummarySII || m == SummaryRII) && !o.Linear {
		scale := heatLogisticScale(d)
		for c, y := range d.y {
			if y > scale {
				l.Add(field.Pointer("subgroups", d.idx[c], "estimate"), ErrOutOfRange,
					"at most the indicator scale: the logistic model needs a proportion of the scale")
			}
		}
	}
	if m.heatSimulated() {
		if hi := heatUpper(o.Scale); !math.IsInf(hi, 1) {
			for c, y := range d.y {
				if y > hi {
					l.Add(field.Pointer("subgroups", d.idx[c], "estimate"), ErrOutOfRange,
						"at most the indicator scale")
				}
			}
		}
	}
	return l.Err()
}

// heatUpper is the upper limit of simulated estimates: the scale for proportions (1) and
// percentages (100), as healthequal does for 100, and unbounded otherwise.
func heatUpper(scale float64) float64 {
	if scale == 1 || scale == 100 {
		return scale
	}
	return math.Inf(1)
}

func heatFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func heatResultFinite(r SummaryResult) bool {
	if !heatFinite(r.Estimate) || (r.SE != nil && !heatFinite(*r.SE)) || (r.Mean != nil && !heatFinite(*r.Mean)) {
		return false
	}
	if r.Interval != nil && (!heatFinite(r.Interval.Lower) || !heatFinite(r.Interval.Upper)) {
		return false
	}
	return true
}

// heatNames returns the names of all the subgroups, in input order.
func heatNames(d *heatData) []string {
	out := make([]string, d.k)
	for c, i := range d.idx {
		out[i] = d.name[c]
	}
	return out
}

// heatMean returns the population-weighted mean of the estimates.
func heatMean(d *heatData) float64 {
	var sw, s float64
	for c, y := range d.y {
		sw += d.pop[c]
		s += d.pop[c] * y
	}
	return s / sw
}

func heatPtr(x float64) *float64 { return &x }
