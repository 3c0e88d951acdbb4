package equality

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/field"
)

// heatStat evaluates one of the simulated measures (BGSD, COV, IDIS…, MD…) on a vector of
// subgroup estimates in computation order, without allocating.
type heatStat struct {
	m     SummaryMeasure
	p     []float64 // population shares, or nil
	fixed bool      // compare with the setting average rather than the weighted mean
	avg   float64   // the setting average
	ref   int       // computation index of the reference subgroup
	fav   bool
}

// eval returns the measure for estimates y, and false when it is undefined (a relative
// measure whose mean is not positive).
func (s *heatStat) eval(y []float64) (float64, bool) {
	k := float64(len(y))
	var mu float64
	if s.fixed {
		mu = s.avg
	} else if s.p != nil {
		for j, v := range y {
			mu += s.p[j] * v
		}
	}
	var sum float64
	switch s.m {
	case SummaryBGSD, SummaryCOV:
		for j, v := range y {
			sum += s.p[j] * (v - mu) * (v - mu)
		}
		if s.m == SummaryBGSD {
			return math.Sqrt(sum), true
		}
		if !(mu > 0) {
			return 0, false
		}
		return 100 * math.Sqrt(sum) / mu, true
	case SummaryIDISU, SummaryMDMU:
		for _, v := range y {
			sum += math.Abs(v - mu)
		}
		if s.m == SummaryMDMU {
			return sum / k, true
		}
		if !(mu > 0) {
			return 0, false
		}
		return 100 / k * sum / mu, true
	case SummaryIDISW, SummaryMDMW:
		for j, v := range y {
			sum += s.p[j] * math.Abs(v-mu)
		}
		if s.m == SummaryMDMW {
			return sum, true
		}
		if !(mu > 0) {
			return 0, false
		}
		return 100 * sum / mu, true
	case SummaryMDBU, SummaryMDBW:
		best := y[heatExtreme(y, -1, s.fav)]
		return s.meanAbs(y, best), true
	case SummaryMDRU, SummaryMDRW:
		return s.meanAbs(y, y[s.ref]), true
	}
	return 0, false
}

// meanAbs returns the unweighted or weighted mean absolute difference of y from x.
func (s *heatStat) meanAbs(y []float64, x float64) float64 {
	var sum float64
	if s.m == SummaryMDBU || s.m == SummaryMDRU {
		for _, v := range y {
			sum += math.Abs(v - x)
		}
		return sum / float64(len(y))
	}
	for j, v := range y {
		sum += s.p[j] * math.Abs(v-x)
	}
	return sum
}

// heatDispersionNote describes measure m's formula.
func heatDispersionNote(m SummaryMeasure) string {
	switch m {
	case SummaryBGSD:
		return "Between-group standard deviation √(Σ p_j (y_j − μ)²), population-weighted."
	case SummaryCOV:
		return "Coefficient of variation 100 · BGSD / μ."
	case SummaryIDISU:
		return "Index of disparity (100/K) Σ |y_j − μ| / μ, unweighted"
	case SummaryIDISW:
		return "Index of disparity 100 Σ p_j |y_j − μ| / μ, population-weighted."
	case SummaryMDBU:
		return "Mean difference from the best performing subgroup (1/K) Σ |y_j − y_best|, unweighted."
	case SummaryMDBW:
		return "Mean difference from the best performing subgroup Σ p_j |y_j − y_best|, population-weighted."
	case SummaryMDMU:
		return "Mean difference from the mean (1/K) Σ |y_j − μ|, unweighted"
	case SummaryMDMW:
		return "Mean difference from the mean Σ p_j |y_j − μ|, population-weighted."
	case SummaryMDRU:
		return "Mean difference from the reference subgroup (1/K) Σ |y_j − y_ref|, unweighted."
	case SummaryMDRW:
		return "Mean difference from the reference subgroup Σ p_j |y_j − y_ref|, population-weighted."
	}
	return ""
}

// heatDispersion computes BGSD, COV, IDISU, IDISW or one of the mean differences, with a
// simulated interval.
func heatDispersion(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	o := d.opts
	st := &heatStat{m: m, ref: d.ref, fav: o.Favourability == Favourable}
	if d.hasPop {
		st.p = heatShares(d)
	}
	usesMean := m == SummaryCOV || m == SummaryIDISU || m == SummaryIDISW || m == SummaryMDMU || m == SummaryMDMW
	note := heatDispersionNote(m)
	if (m == SummaryIDISU || m == SummaryMDMU) && o.SettingAverage != nil {
		st.fixed, st.avg = true, *o.SettingAverage
		note += ", μ the setting average."
	} else if m == SummaryIDISU || m == SummaryMDMU {
		note += ", μ the population-weighted mean."
	}
	est, ok := st.eval(d.y)
	if !ok {
		return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: m.String() + " is undefined when the mean is 0"}
	}
	r := SummaryResult{Estimate: est, Subgroups: heatNames(d), Method: SummaryNoInterval, Note: note}
	if usesMean {
		if st.fixed {
			r.Mean = heatPtr(st.avg)
		} else {
			r.Mean = heatPtr(heatMean(d))
		}
	}
	switch m {
	case SummaryMDRU, SummaryMDRW:
		r.Reference = d.name[d.ref]
	case SummaryMDBU, SummaryMDBW:
		r.Reference = d.name[heatExtreme(d.y, -1, st.fav)]
	}
	if !d.allSE {
		r.Note += heatNoSENote
		return r, nil
	}
	vals := make([]float64, d.sims)
	if err := heatSimulate(d, m, st, vals); err != nil {
		return SummaryResult{}, err
	}
	_, sd := heatMeanSD(vals)
	slices.Sort(vals)
	alpha := 1 - d.conf
	r.Interval = &Interval{Level: d.conf, Lower: heatQuantile7(vals, alpha/2), Upper: heatQuantile7(vals, 1-alpha/2)}
	r.SE = heatPtr(sd)
	r.Method, r.Simulations, r.Seed = SummarySimulated, d.sims, o.Seed
	if hi := heatUpper(o.Scale); math.IsInf(hi, 1) {
		r.Note += " Interval from " + heatFmt(float64(d.sims)) + " simulations of each estimate from its normal distribution truncated at 0;"
	} else {
		r.Scale = o.Scale
		r.Note += " Interval from " + heatFmt(float64(d.sims)) + " simulations of each estimate from its normal distribution truncated to [0, " + heatFmt(hi) + "];"
	}
	r.Note += " type-7 quantiles, SE the simulated standard deviation."
	switch {
	case r.Interval.Lower > est:
		r.Note += " The interval lies above the estimate: subgroups differ by little compared with their standard errors, and the measure is biased upwards there."
	case r.Interval.Upper < est:
		r.Note += " The interval lies below the estimate."
	}
	return r, nil
}

// heatStream returns the PCG stream of measure m, so that each measure's draws are
// independent of which other measures are computed.
func heatStream(m SummaryMeasure) uint64 { return 0x9e3779b97f4a7c15 * (uint64(m) + 1) }

// heatSimulate fills vals with the measure evaluated on replicates of the subgroup estimates,
// each drawn from N(y_j, s_j) truncated to [0, upper] (Ahn et al., PLoS One 2019;14(7), as
// healthequal does). It allocates once, for the replicate vector.
func heatSimulate(d *heatData, m SummaryMeasure, st *heatStat, vals []float64) error {
	rng := rand.New(rand.NewPCG(d.opts.Seed, heatStream(m)))
	hi := heatUpper(d.opts.Scale)
	ys := make([]float64, d.k)
	for r := range vals {
		for j := range ys {
			ys[j] = heatDraw(rng, d.y[j], d.se[j], hi)
		}
		v, ok := st.eval(ys)
		if !ok || !heatFinite(v) {
			return &FieldError{Path: field.Pointer("subgroups"), Err: ErrUndefined,
				Detail: m.String() + " is undefined for a simulated replicate (a mean of 0)"}
		}
		vals[r] = v
	}
	return nil
}

// heatDraw draws from N(mu, sd) truncated to [0, hi], mu within it. Rejection sampling (the
// method healthequal uses) is tried first; after 32 rejections — only when the interval holds
// little of the distribution — the draw is made exactly by inverting the normal distribution
// function, so the time taken is bounded and the distribution unchanged.
func heatDraw(rng *rand.Rand, mu, sd, hi float64) float64 {
	if sd == 0 {
		return mu
	}
	for range 32 {
		x := mu + sd*rng.NormFloat64()
		if x >= 0 && x <= hi {
			return x
		}
	}
	a := dist.NormalCDF(-mu / sd)
	b := 1.0
	if !math.IsInf(hi, 1) {
		b = dist.NormalCDF((hi - mu) / sd)
	}
	u := a + rng.Float64()*(b-a)
	q, err := dist.NormalQuantile(u)
	if err != nil {
		return mu
	}
	return math.Min(math.Max(mu+sd*q, 0), hi)
}

// heatQuantile7 returns the p quantile of sorted values by linear interpolation between order
// statistics (Hyndman & Fan type 7, R's default): h = (n − 1)p.
func heatQuantile7(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := int(math.Floor(h))
	if lo >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// heatMeanSD returns the mean and sample standard deviation of x (Welford's algorithm).
func heatMeanSD(x []float64) (mean, sd float64) {
	var m2 float64
	for i, v := range x {
		delta := v - mean
		mean += delta / float64(i+1)
		m2 += delta * (v - mean)
	}
	if len(x) < 2 {
		return mean, 0
	}
	return mean, math.Sqrt(m2 / float64(len(x)-1))
}
