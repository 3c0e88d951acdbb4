package measure

import (
	"math"
	"slices"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// Trend is the verdict on a series of observations over time, in the words public-health
// profiles use: improving or worsening for a measure with a polarity, increasing or
// decreasing for one without, no significant change, or not tested when the data allow no
// test. The zero value is not a trend.
type Trend uint8

// The trends.
const (
	// TrendImproving: a significant change in the better direction.
	TrendImproving Trend = 1 + iota
	// TrendWorsening: a significant change in the worse direction.
	TrendWorsening
	// TrendIncreasing: a significant rise, for a measure with no judgement.
	TrendIncreasing
	// TrendDecreasing: a significant fall, for a measure with no judgement.
	TrendDecreasing
	// TrendNoSignificantChange: the test found no significant change.
	TrendNoSignificantChange
	// TrendNotTested: the observations carry neither counts nor confidence limits, so the
	// change, whatever its size, was not tested.
	TrendNotTested
)

var trends = enum.NewTable[Trend]("measure.Trend",
	[]string{"improving", "worsening", "increasing", "decreasing", "no-significant-change", "not-tested"},
	map[string]Trend{"getting-better": TrendImproving, "getting-worse": TrendWorsening,
		"no-change": TrendNoSignificantChange, "stable": TrendNoSignificantChange})

// Valid reports whether t is a declared trend.
func (t Trend) Valid() bool { return trends.Valid(t) }

// String returns the slug, e.g. "improving"; any other value prints as %!Trend(n).
func (t Trend) String() string { return trends.String(t) }

// MarshalText returns the slug; an invalid trend is an error.
func (t Trend) MarshalText() ([]byte, error) { return trends.Marshal(t) }

// UnmarshalText parses text with ParseTrend.
func (t *Trend) UnmarshalText(text []byte) error {
	v, err := ParseTrend(string(text))
	if err == nil {
		*t = v
	}
	return err
}

// ParseTrend returns the trend named by s ("improving", "getting worse", "no change", ...),
// forgiving about case and spacing, or a *principle.ParseError listing the slugs.
func ParseTrend(s string) (Trend, error) { return trends.Parse(s, false) }

// TrendMethod names the test behind a Trend. The zero value is not a method.
type TrendMethod uint8

// The trend methods.
const (
	// TrendChiSquared is the chi-squared test for linear trend in proportions (Armitage
	// 1955), used when every observation is a proportion with its numerator and denominator.
	TrendChiSquared TrendMethod = 1 + iota
	// TrendIntervals compares the confidence intervals of the first and latest observations:
	// a change is significant when they do not overlap.
	TrendIntervals
	// TrendUntested: no test was possible.
	TrendUntested
)

var trendMethods = enum.NewTable[TrendMethod]("measure.TrendMethod",
	[]string{"chi-squared-trend", "non-overlapping-intervals", "untested"},
	map[string]TrendMethod{"chi-squared": TrendChiSquared, "armitage": TrendChiSquared,
		"cochran-armitage": TrendChiSquared, "intervals": TrendIntervals, "none": TrendUntested})

// Valid reports whether m is a declared method.
func (m TrendMethod) Valid() bool { return trendMethods.Valid(m) }

// String returns the slug, e.g. "chi-squared-trend"; any other value prints as
// %!TrendMethod(n).
func (m TrendMethod) String() string { return trendMethods.String(m) }

// MarshalText returns the slug; an invalid method is an error.
func (m TrendMethod) MarshalText() ([]byte, error) { return trendMethods.Marshal(m) }

// UnmarshalText parses text with ParseTrendMethod.
func (m *TrendMethod) UnmarshalText(text []byte) error {
	v, err := ParseTrendMethod(string(text))
	if err == nil {
		*m = v
	}
	return err
}

// ParseTrendMethod returns the method named by s, forgiving about case and spacing, or a
// *principle.ParseError listing the slugs.
func ParseTrendMethod(s string) (TrendMethod, error) { return trendMethods.Parse(s, false) }

// TrendResult is the trend of one series of observations.
type TrendResult struct {
	// Trend is the verdict.
	Trend Trend `json:"trend"`
	// Method is the test that gave it.
	Method TrendMethod `json:"method"`
	// Level is the confidence level of the test: 1 − the significance level of the
	// chi-squared test, or the level of the intervals compared; 0 when untested.
	Level float64 `json:"level,omitempty"`
	// Points is the number of periods in the series.
	Points int `json:"points"`
	// From and To are the first and latest periods.
	From Period `json:"from"`
	To   Period `json:"to"`
	// First and Latest are the values in those periods, and Change is Latest − First.
	First  float64 `json:"first"`
	Latest float64 `json:"latest"`
	Change float64 `json:"change"`
	// ChiSquared and PValue are the chi-squared test's statistic (one degree of freedom) and
	// its p-value; nil for the other methods.
	ChiSquared *float64 `json:"chiSquared,omitempty"`
	PValue     *float64 `json:"pValue,omitempty"`
}

// TrendOf judges the trend of a series of observations of one subject, area, group and kind
// of value over two or more periods, taking the polarity from the catalogue (the measure's,
// or for an indicator the one the assessment package derives). The observations may be in
// any order; they are put in order of their periods' last days. The test depends on what the
// observations carry:
//
// Every observation a proportion with numerator x_i and denominator n_i: the chi-squared test
// for linear trend in proportions (Armitage P, Tests for linear trends in proportions and
// frequencies, Biometrics 1955;11:375–386; R's stats::prop.trend.test), with the periods
// scored s_i = 1 … k in order:
//
//	p̄ = Σx_i / Σn_i,   s̄ = Σn_i s_i / Σn_i
//	X² = (Σ x_i (s_i − s̄))² / (p̄ (1 − p̄) Σ n_i (s_i − s̄)²),   one degree of freedom
//
// The change is significant when the p-value is below 1 − level (level 0.95 when 0 is
// given), and its direction is the sign of Σ x_i (s_i − s̄). When p̄ is 0 or 1 every period
// has the same proportion and there is no significant change.
//
// Otherwise, when the first and latest observations both carry confidence limits at the same
// level: the change is significant when the two intervals do not overlap, a conservative
// test (Schenker N, Gelfand JF, On judging the significance of differences by examining the
// overlap between confidence intervals, Am Stat 2001;55:182–186).
//
// Otherwise the trend is TrendNotTested.
//
// A significant rise is TrendImproving when higher is better, TrendWorsening when lower is
// better and TrendIncreasing with no judgement; a fall the reverse. Errors: fewer than two
// observations (ErrTooFewPoints), observations of different series (ErrMismatch), two of one
// period (ErrDuplicate), an invalid observation, polarity or level (located *FieldErrors,
// "/observations/i/…", "/polarity", "/level").
func TrendOf(series []Observation, p Polarity, level float64) (TrendResult, error) {
	var l fieldList
	if len(series) < 2 {
		l.Add("/observations", ErrTooFewPoints, "observations of at least two periods")
	}
	if !p.Valid() {
		l.Add("/polarity", ErrOutOfRange, "higher-is-better, lower-is-better or no-judgement")
	}
	if level == 0 {
		level = 0.95
	}
	if !(level >= 0.5 && level < 1) {
		l.Add("/level", ErrOutOfRange, "a confidence level in [0.5, 1), e.g. 0.95")
	}
	if len(series) > MaxObservations {
		l.Add("/observations", ErrOutOfRange, "at most "+strconv.Itoa(MaxObservations)+" observations")
		return TrendResult{}, l.Err()
	}
	order := make([]int, len(series))
	for i := range order {
		order[i] = i
		if err := series[i].Validate(); err != nil {
			l.AddError("/observations/"+strconv.Itoa(i), err)
		}
		if i > 0 && series[i].Series() != series[0].Series() {
			l.Add("/observations/"+strconv.Itoa(i), ErrMismatch, "an observation of the same subject, area, group and statistic as observation 0")
		}
	}
	if err := l.Err(); err != nil {
		return TrendResult{}, err
	}
	slices.SortStableFunc(order, func(a, b int) int {
		pa, pb := series[a].Period, series[b].Period
		if c := pa.End.Compare(pb.End); c != 0 {
			return c
		}
		return pa.Start.Compare(pb.Start)
	})
	for k := 1; k < len(order); k++ {
		a, b := series[order[k-1]].Period, series[order[k]].Period
		if a.Start == b.Start && a.End == b.End {
			return TrendResult{}, &FieldError{Path: field.Pointer("observations", order[k], "period"), Err: ErrDuplicate,
				Detail: "one observation per period; observation " + strconv.Itoa(order[k-1]) + " has the same"}
		}
	}
	first, latest := series[order[0]], series[order[len(order)-1]]
	r := TrendResult{
		Points: len(series),
		From:   first.Period,
		To:     latest.Period,
		First:  first.Value,
		Latest: latest.Value,
		Change: latest.Value - first.Value,
	}
	if !bounded(r.Change) {
		return TrendResult{}, &FieldError{Path: "/observations", Err: ErrOutOfRange, Detail: "values whose difference is at most 1e15 in size"}
	}
	direction := 0
	switch {
	case proportions(series):
		stat, pv, dir := armitage(series, order, periodScores(series, order))
		r.Method, r.Level = TrendChiSquared, level
		r.ChiSquared, r.PValue = &stat, &pv
		if pv < 1-level {
			direction = dir
		}
	case first.Limits != nil && latest.Limits != nil && first.Limits.Level == latest.Limits.Level:
		r.Method, r.Level = TrendIntervals, first.Limits.Level
		switch {
		case latest.Limits.Lower > first.Limits.Upper:
			direction = 1
		case latest.Limits.Upper < first.Limits.Lower:
			direction = -1
		}
	default:
		r.Method, r.Trend = TrendUntested, TrendNotTested
		return r, nil
	}
	r.Trend = judge(direction, p)
	return r, nil
}

// judge turns a significant direction (+1 up, −1 down, 0 none) into a trend.
func judge(direction int, p Polarity) Trend {
	switch {
	case direction == 0:
		return TrendNoSignificantChange
	case p == NoJudgement && direction > 0:
		return TrendIncreasing
	case p == NoJudgement:
		return TrendDecreasing
	case (direction > 0) == (p == HigherIsBetter):
		return TrendImproving
	}
	return TrendWorsening
}

func proportions(series []Observation) bool {
	for _, o := range series {
		if o.Method.Statistic != "proportion" || o.Numerator == nil || o.Denominator == nil {
			return false
		}
	}
	return true
}

// periodScores returns the score of each observation in the given order: months from the
// first period's end to each period's end when no two periods end in the same month, days
// otherwise (see TrendOf).
func periodScores(series []Observation, order []int) []float64 {
	scores := make([]float64, len(order))
	first := series[order[0]].Period.End
	byMonth := true
	for k, i := range order {
		e := series[i].Period.End
		scores[k] = float64(12*(e.Year()-first.Year()) + int(e.Month()) - int(first.Month()))
		if k > 0 && scores[k] == scores[k-1] {
			byMonth = false
		}
	}
	if !byMonth {
		for k, i := range order {
			scores[k] = float64(first.Days(series[i].Period.End))
		}
	}
	return scores
}

// armitage returns the chi-squared statistic for linear trend, its p-value and the sign of
// the slope, for the observations in the given order with the given scores. The sums are
// taken about the weighted mean score, which avoids the cancellation of the textbook form.
func armitage(series []Observation, order []int, scores []float64) (stat, pValue float64, direction int) {
	var x, n, ns float64
	for k, i := range order {
		s := scores[k]
		x += *series[i].Numerator
		n += *series[i].Denominator
		ns += *series[i].Denominator * s
	}
	pbar, sbar := x/n, ns/n
	var sxy, sxx float64
	for k, i := range order {
		d := scores[k] - sbar
		sxy += *series[i].Numerator * d
		sxx += *series[i].Denominator * d * d
	}
	v := pbar * (1 - pbar) * sxx
	if !(v > 0) {
		return 0, 1, 0
	}
	stat = sxy * sxy / v
	if math.IsInf(stat, 0) || math.IsNaN(stat) {
		return 0, 1, 0
	}
	pValue, err := dist.ChiSquareSurvival(stat, 1)
	if err != nil {
		return stat, 1, 0
	}
	switch {
	case sxy > 0:
		direction = 1
	case sxy < 0:
		direction = -1
	}
	return stat, pValue, direction
}
