// Package build computes the engagement report for a place from its bundle of documents:
// the six principles in the framework's order, each principle's measures of success with the
// catalogue indicators that evidence them, and every value the bundle supports, computed with
// engage's packages and given with its confidence interval, its method, its source and a
// plain-English interpretation. The values it computes join the bundle's own observations
// and records of engagement in engage's principle-by-principle assessment (package
// assessment), whose statuses, rules and reasons the principles and measures carry. Build is pure: it reads nothing but its arguments, and the
// same bundle and options give the same report.
package build

import (
	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

// Report is the engagement report for one place. Its JSON form is described by the schema of
// kind schemas.Report.
type Report struct {
	// Title names the report; Place and Period say what it covers.
	Title  string `json:"title"`
	Place  Area   `json:"place"`
	Period string `json:"period"`
	// Synthetic marks a report on generated data; Notice repeats the bundle's notice.
	Synthetic bool   `json:"synthetic"`
	Notice    string `json:"notice,omitempty"`
	// Framework names the framework the report follows.
	Framework string `json:"framework"`
	// Highlights are the report's main findings, one sentence each.
	Highlights []string `json:"highlights"`
	// Assessment is the principle-by-principle assessment of the evidence (engage's package
	// assessment), whose statuses, rules and reasons the principles and measures carry; nil
	// when the bundle gives no assessment period.
	Assessment *Assessment `json:"assessment,omitempty"`
	// Principles holds the six principles in the framework's order.
	Principles []Principle `json:"principles"`
	// Charts holds the data of the report's figures.
	Charts Charts `json:"charts"`
	// Methods lists every method the findings name, with its citation.
	Methods []Method `json:"methods"`
	// Settings records the choices that made the numbers, so they can be reproduced.
	Settings Settings `json:"settings"`
}

// Area is a coded, named area.
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Settings are the choices behind the report's figures.
type Settings struct {
	// Confidence is the level of every interval, 0.95.
	Confidence float64 `json:"confidence"`
	// Seed and Repetitions drive the Monte Carlo limits of the slope index of inequality.
	Seed        uint64 `json:"seed"`
	Repetitions int    `json:"repetitions"`
	// Calibration names the PAM calibration and LevelScheme its level cut points; empty
	// when the bundle has no PAM responses.
	Calibration string `json:"calibration,omitempty"`
	LevelScheme string `json:"levelScheme,omitempty"`
}

// Principle is one of the six principles with its measures of success and findings.
type Principle struct {
	ID      principle.Principle `json:"id"`
	Number  int                 `json:"number"`
	Name    string              `json:"name"`
	Title   string              `json:"title"`
	Summary string              `json:"summary"`
	// Coverage says in a sentence how many of the principle's measures the bundle evidences.
	Coverage string `json:"coverage"`
	// Status is the assessment's verdict on the principle (a slug such as "mixed") and
	// StatusLabel its wording; Rule is the rule that produced it and Reason applies the rule.
	// Empty without an assessment.
	Status      string `json:"status,omitempty"`
	StatusLabel string `json:"statusLabel,omitempty"`
	Rule        string `json:"rule,omitempty"`
	Reason      string `json:"reason,omitempty"`
	// Measures are the principle's measures of success in the framework's order.
	Measures []Measure `json:"measures"`
	// Findings are the values computed for the principle, each listing the measures it speaks
	// to; a finding that speaks to measures of two principles appears under both.
	Findings []Finding `json:"findings"`
}

// Measure is one measure of success and the evidence the bundle holds for it.
type Measure struct {
	ID       measure.ID       `json:"id"`
	Name     string           `json:"name"`
	Kind     measure.Kind     `json:"kind"`
	Polarity measure.Polarity `json:"polarity"`
	// Indicators are the catalogue's indicators for the measure, and any other indicator a
	// finding uses as evidence for it, each marked reported or not.
	Indicators []IndicatorRef `json:"indicators"`
	// Findings are the IDs of the principle's findings that speak to the measure.
	Findings []string `json:"findings"`
	// Status, StatusLabel and Reason are the assessment's verdict on the measure, its wording
	// and the reason; Judgements are the assessment's findings about the measure, one
	// sentence each (values against benchmarks and targets, trends, representation). Empty
	// without an assessment.
	Status      string   `json:"status,omitempty"`
	StatusLabel string   `json:"statusLabel,omitempty"`
	Reason      string   `json:"reason,omitempty"`
	Judgements  []string `json:"judgements,omitempty"`
}

// IndicatorRef is an indicator as the report lists it under a measure.
type IndicatorRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Catalogue is false for evidence the catalogue does not list under the measure but a
	// finding uses for it.
	Catalogue bool `json:"catalogue"`
	// Reported says whether the bundle holds data for the indicator.
	Reported bool `json:"reported"`
	// Coverage is the assessment's coverage of the indicator: "reported", "out-of-date" or
	// "missing"; empty without an assessment.
	Coverage string `json:"coverage,omitempty"`
}

// Assessment is the principle-by-principle assessment as the report carries it.
type Assessment struct {
	// Period names the period assessed; Start, End and AsOf are its days and the day the
	// assessment speaks for (YYYY-MM-DD).
	Period string `json:"period"`
	Start  string `json:"start"`
	End    string `json:"end"`
	AsOf   string `json:"asOf"`
	// Summary says in a sentence how the principles, measures and key actions stand.
	Summary string `json:"summary"`
	// Actions are the statutory guidance's ten key actions as a checklist.
	Actions []Action `json:"actions"`
	// Excluded lists what the assessment left out, and why.
	Excluded []string `json:"excluded,omitempty"`
}

// Action is one key action of the statutory guidance with the evidence that it is taken.
type Action struct {
	Number      int      `json:"number"`
	Title       string   `json:"title"`
	Status      string   `json:"status"`
	StatusLabel string   `json:"statusLabel"`
	Evidence    []string `json:"evidence"`
}

// Finding is one computed result: a headline value with its interval, an optional table, and
// the sentences that interpret it.
type Finding struct {
	// ID is unique within the report, e.g. "pam-activation".
	ID string `json:"id"`
	// Title names the finding.
	Title string `json:"title"`
	// Indicator is the catalogue indicator the data are for; Measures the measures of success
	// the finding speaks to.
	// Indicator is empty when the catalogue does not know the dataset's indicator.
	Indicator string       `json:"indicator"`
	Measures  []measure.ID `json:"measures"`
	// Headline is the main value, if the finding has one.
	Headline *Estimate `json:"headline,omitempty"`
	// Statements interpret the finding in plain English.
	Statements []string `json:"statements"`
	// Tables break the finding down.
	Tables []Table `json:"tables,omitempty"`
	// Methods are the IDs of the methods used (see Report.Methods).
	Methods []string `json:"methods"`
	// Source points at the bundle part the data come from, as a JSON Pointer, e.g.
	// "/indicators/0".
	Source string `json:"source"`
	// Charts name the charts of Report.Charts that draw the finding, if any.
	Charts []string `json:"charts,omitempty"`
}

// Estimate is a value with its confidence interval.
type Estimate struct {
	// Label says what the value is, e.g. "Mean activation score at follow-up".
	Label string  `json:"label"`
	Value float64 `json:"value"`
	// Lower and Upper are the limits at Level; absent for a value with no interval.
	Lower *float64 `json:"lower,omitempty"`
	Upper *float64 `json:"upper,omitempty"`
	Level float64  `json:"level,omitempty"`
	// Unit says what the value is measured in, e.g. "points (0–100)", "per 100,000", "%",
	// "£ per £1".
	Unit string `json:"unit"`
	// Text is the value as the report writes it, e.g. "59.6 (95 % CI 59.1 to 60.1)".
	Text string `json:"text"`
}

// Table is a table of a finding: a caption, column headings and formatted cells.
type Table struct {
	Caption string     `json:"caption"`
	Columns []Column   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// Column is a table column's heading and whether it holds numbers (right-aligned).
type Column struct {
	Title   string `json:"title"`
	Numeric bool   `json:"numeric"`
}

// Method is a statistical or valuation method with its citation.
type Method struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Citation string `json:"citation"`
}

// Charts holds the data of the report's figures; a chart is absent when the bundle lacks its
// data.
type Charts struct {
	// ActivationLevels is the distribution of PAM levels at baseline and follow-up.
	ActivationLevels *LevelsChart `json:"activationLevels,omitempty"`
	// ActivationGradient is mean activation by deprivation quintile with the fitted slope
	// index of inequality, at baseline and follow-up.
	ActivationGradient *GradientChart `json:"activationGradient,omitempty"`
	// SROIByYear is the Social Return on Investment's present value by year.
	SROIByYear *YearsChart `json:"sroiByYear,omitempty"`
	// SROITornado is the ratio at each uncertain assumption's lowest and highest value.
	SROITornado *TornadoChart `json:"sroiTornado,omitempty"`
}

// LevelsChart is the share of results at each PAM level, for one or more series.
type LevelsChart struct {
	Title       string        `json:"title"`
	Description string        `json:"description"`
	Scheme      string        `json:"scheme"`
	Series      []LevelSeries `json:"series"`
}

// LevelSeries is one cohort's level distribution.
type LevelSeries struct {
	Label string `json:"label"`
	// N is the number of accepted results; Shares the fractions at Level 1 … Level 4.
	N      int64      `json:"n"`
	Shares [4]float64 `json:"shares"`
}

// GradientChart is a value by deprivation quintile with its fitted slope.
type GradientChart struct {
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Unit        string           `json:"unit"`
	Series      []GradientSeries `json:"series"`
}

// GradientSeries is one period's quintile values and slope.
type GradientSeries struct {
	Label  string          `json:"label"`
	Points []GradientPoint `json:"points"`
	// Intercept is the fitted value at the most deprived end (rank 0) and SII the slope
	// index of inequality, the fitted difference from rank 0 to rank 1; SIILower and
	// SIIUpper its 95 % limits.
	Intercept float64 `json:"intercept"`
	SII       float64 `json:"sii"`
	SIILower  float64 `json:"siiLower"`
	SIIUpper  float64 `json:"siiUpper"`
}

// GradientPoint is one quintile: its mid-point rank in the population (0 most deprived, 1
// least), its value and 95 % limits.
type GradientPoint struct {
	Quintile int     `json:"quintile"`
	Rank     float64 `json:"rank"`
	Value    float64 `json:"value"`
	Lower    float64 `json:"lower"`
	Upper    float64 `json:"upper"`
}

// YearsChart is money by year.
type YearsChart struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Currency    string      `json:"currency"`
	Years       []YearValue `json:"years"`
}

// YearValue is one year's present value of outcomes and of inputs, as decimal strings.
type YearValue struct {
	Year               int    `json:"year"`
	PresentValue       string `json:"presentValue"`
	InputsPresentValue string `json:"inputsPresentValue"`
}

// TornadoChart is a one-at-a-time sensitivity analysis of the SROI ratio.
type TornadoChart struct {
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Base        float64      `json:"base"`
	Bars        []TornadoBar `json:"bars"`
}

// TornadoBar is the ratio with one assumption at its lowest and at its highest value.
type TornadoBar struct {
	Label string  `json:"label"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	// LowLabel and HighLabel write the assumption's two values.
	LowLabel  string `json:"lowLabel"`
	HighLabel string `json:"highLabel"`
}
