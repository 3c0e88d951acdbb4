package equality

import (
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/field"
)

// heatFmt formats a number for a method note.
func heatFmt(x float64) string { return strconv.FormatFloat(x, 'g', 7, 64) }

const heatNoSENote = " No interval: a standard error it needs was not supplied."

// heatPair computes D or R.
func heatPair(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	o := d.opts
	fav := o.Favourability == Favourable
	var i1, i2 int
	var how string
	switch {
	case o.Ordered:
		if fav {
			i1, i2 = d.k-1, 0
			how = "most advantaged subgroup against most disadvantaged (favourable indicator)"
		} else {
			i1, i2 = 0, d.k-1
			how = "most disadvantaged subgroup against most advantaged (adverse indicator)"
		}
	case d.ref >= 0 && fav:
		i1, i2 = d.ref, heatExtreme(d.y, d.ref, false)
		how = "reference subgroup against the lowest other subgroup (favourable indicator)"
	case d.ref >= 0:
		i1, i2 = heatExtreme(d.y, d.ref, true), d.ref
		how = "highest other subgroup against the reference subgroup (adverse indicator)"
	default:
		i1 = heatExtreme(d.y, -1, true)
		i2 = heatExtreme(d.y, i1, false)
		how = "highest estimate against lowest"
	}
	y1, y2 := d.y[i1], d.y[i2]
	r := SummaryResult{Compared: []string{d.name[i1], d.name[i2]}, Method: SummaryNoInterval}
	if o.Ordered {
		r.Subgroups = heatSelected(d, i1, i2)
	} else {
		r.Subgroups = heatNames(d)
	}
	haveSE := d.hasSE[i1] && d.hasSE[i2]
	s1, s2 := d.se[i1], d.se[i2]
	if m == SummaryD {
		r.Estimate = y1 - y2
		r.Note = "Difference y1 − y2: " + how + "."
		if haveSE {
			se := math.Hypot(s1, s2)
			r.SE = heatPtr(se)
			r.Interval = &Interval{Level: d.conf, Lower: r.Estimate - d.z*se, Upper: r.Estimate + d.z*se}
			r.Method = SummaryAnalytic
			r.Note += " SE = √(s1² + s2²); Wald interval."
		} else {
			r.Note += heatNoSENote
		}
		return r, nil
	}
	if y2 == 0 {
		return SummaryResult{}, &FieldError{Path: field.Pointer("subgroups", d.idx[i2], "estimate"),
			Err: ErrUndefined, Detail: "the ratio's denominator subgroup has an estimate of 0"}
	}
	r.Estimate = y1 / y2
	r.Note = "Ratio y1 / y2: " + how + "."
	switch {
	case !haveSE:
		r.Note += heatNoSENote
	case y1 == 0:
		r.Note += " No interval: the ratio is 0, so its logarithm is undefined."
	default:
		se := math.Hypot(s1/y1, s2/y2)
		r.SE, r.LogScale, r.Method = heatPtr(se), true, SummaryAnalytic
		r.Interval = &Interval{Level: d.conf, Lower: r.Estimate * math.Exp(-d.z*se), Upper: r.Estimate * math.Exp(d.z*se)}
		r.Note += " SE of ln R = √(s1²/y1² + s2²/y2²); interval exp(ln R ± z·SE)."
	}
	return r, nil
}

// heatExtreme returns the index of the first highest (high) or lowest estimate, skipping skip.
func heatExtreme(y []float64, skip int, high bool) int {
	best := -1
	for i, v := range y {
		if i == skip {
			continue
		}
		if best < 0 || (high && v > y[best]) || (!high && v < y[best]) {
			best = i
		}
	}
	return best
}

// heatSelected returns the names of the subgroups at computation indices cs, in input order.
func heatSelected(d *heatData, cs ...int) []string {
	keep := make([]bool, d.k)
	for _, c := range cs {
		keep[d.idx[c]] = true
	}
	all := heatNames(d)
	out := make([]string, 0, len(cs))
	for i, n := range all {
		if keep[i] {
			out = append(out, n)
		}
	}
	return out
}

// heatShares returns the population shares p_j in computation order.
func heatShares(d *heatData) []float64 {
	var n float64
	for _, p := range d.pop {
		n += p
	}
	out := make([]float64, d.k)
	for c, p := range d.pop {
		out[c] = p / n
	}
	return out
}

// heatBGV computes the between-group variance with Ahn et al.'s analytic standard error.
func heatBGV(d *heatData) (SummaryResult, error) {
	p := heatShares(d)
	var mu float64
	for c, y := range d.y {
		mu += p[c] * y
	}
	var bgv float64
	for c, y := range d.y {
		bgv += p[c] * (y - mu) * (y - mu)
	}
	r := SummaryResult{Estimate: bgv, Mean: heatPtr(mu), Subgroups: heatNames(d), Method: SummaryNoInterval,
		Note: "Between-group variance Σ p_j (y_j − μ)², population-weighted."}
	if !d.allSE {
		r.Note += heatNoSENote
		return r, nil
	}
	var t1, a, b4, c4 float64
	for c, y := range d.y {
		pj, s2 := p[c], d.se[c]*d.se[c]
		t1 += pj * pj * s2 * (y - mu) * (y - mu)
		a += pj * pj * s2
		b4 += pj * pj * pj * pj * s2 * s2
		c4 += pj * pj * (1 - pj) * (1 - pj) * s2 * s2
	}
	v := 4*t1 + 2*(a*a-b4+c4)
	se := math.Sqrt(math.Max(v, 0))
	r.SE, r.Method = heatPtr(se), SummaryAnalytic
	r.Interval = &Interval{Level: d.conf, Lower: bgv - d.z*se, Upper: bgv + d.z*se}
	r.Note += " Analytic SE of Ahn et al. (2018); Wald interval."
	return r, nil
}

// heatEntropy computes the mean log deviation or the Theil index, × 1000.
func heatEntropy(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	p := heatShares(d)
	var mu float64
	for c, y := range d.y {
		mu += p[c] * y
	}
	if m == SummaryMLD {
		for c, y := range d.y {
			if y == 0 {
				return SummaryResult{}, &FieldError{Path: field.Pointer("subgroups", d.idx[c], "estimate"),
					Err: ErrUndefined, Detail: "the mean log deviation is undefined when a subgroup's estimate is 0"}
			}
		}
	} else if mu == 0 {
		return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: "the Theil index is undefined when every estimate is 0"}
	}
	r := SummaryResult{Mean: heatPtr(mu), Subgroups: heatNames(d), Method: SummaryNoInterval}
	var est, g float64
	zero := false
	for c, y := range d.y {
		rj := y / mu
		if m == SummaryMLD {
			est -= p[c] * math.Log(rj)
		} else if rj > 0 {
			est += p[c] * rj * math.Log(rj)
			g += p[c] * rj * (1 + math.Log(rj))
		} else {
			zero = true
		}
	}
	r.Estimate = 1000 * est
	if m == SummaryMLD {
		r.Note = "Mean log deviation 1000 · Σ p_j (−ln(y_j/μ)), population-weighted."
	} else {
		r.Note = "Theil index 1000 · Σ p_j r_j ln r_j, r_j = y_j/μ, population-weighted."
	}
	switch {
	case !d.allSE:
		r.Note += heatNoSENote
		return r, nil
	case zero:
		r.Note += " No interval: a subgroup estimate of 0 makes the delta-method standard error unbounded."
		return r, nil
	}
	var v float64
	for c, y := range d.y {
		rj := y / mu
		var grad float64
		if m == SummaryMLD {
			grad = 1 - 1/rj
		} else {
			grad = 1 + math.Log(rj) - g
		}
		v += p[c] * p[c] * d.se[c] * d.se[c] * grad * grad / (mu * mu)
	}
	se := 1000 * math.Sqrt(v)
	r.SE, r.Method = heatPtr(se), SummaryAnalytic
	r.Interval = &Interval{Level: d.conf, Lower: r.Estimate - d.z*se, Upper: r.Estimate + d.z*se}
	r.Note += " Delta-method SE, multiplied by 1000 like the estimate (healthequal leaves it unscaled, making its interval 1000 times too narrow)."
	return r, nil
}

// heatImpact computes the population attributable fraction or risk.
func heatImpact(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	o := d.opts
	fav := o.Favourability == Favourable
	ref := d.k - 1 // ordered: the most advantaged subgroup
	if !o.Ordered {
		ref = heatExtreme(d.y, -1, fav)
	}
	var mu float64
	r := SummaryResult{Reference: d.name[ref], Method: SummaryNoInterval}
	if d.hasPop {
		mu = heatMean(d)
		r.Subgroups = heatNames(d)
	} else {
		mu = *o.SettingAverage
		if o.Ordered {
			r.Subgroups = heatSelected(d, ref)
		} else {
			r.Subgroups = heatNames(d)
		}
	}
	r.Mean = heatPtr(mu)
	if m == SummaryPAF && mu <= 0 {
		return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: "the population attributable fraction is undefined when the mean is 0"}
	}
	yref := d.y[ref]
	raw := yref - mu
	clamp := func(x float64) float64 {
		if fav {
			return math.Max(x, 0)
		}
		return math.Min(x, 0)
	}
	unit, mult := "PAR = y_ref − μ", 1.0
	if m == SummaryPAF {
		unit, mult = "PAF = 100 (y_ref − μ)/μ", 100/mu
	}
	r.Estimate = clamp(raw) * mult
	r.Note = unit + ", reference " + heatImpactRef(o) + ", μ " + heatMeanSource(d) +
		"; 0 when the reference is worse than μ."
	scale := o.Scale
	switch {
	case !d.hasPop:
		r.Note += " No interval: Walter's standard error needs the subgroups' populations."
		return r, nil
	case scale <= 0:
		r.Note += " No interval: Walter's standard error needs the indicator scale."
		return r, nil
	}
	var n float64
	for _, p := range d.pop {
		n += p
	}
	nr := d.pop[ref]
	c := yref / scale * nr
	dd := nr - c
	a := mu/scale*n - c
	b := n - a - nr
	if a < 0 || b < 0 || c < 0 || dd < 0 || a+c <= 0 || c+dd <= 0 {
		r.Note += " No interval: Walter's standard error needs every estimate within the indicator scale."
		return r, nil
	}
	num := c * n * (a*dd*(n-c) + b*c*c)
	den := math.Pow(a+c, 3) * math.Pow(c+dd, 3)
	sef := math.Sqrt(math.Max(num, 0) / den) // SE of the fraction (y_ref − μ)/μ
	r.Scale, r.Method = scale, SummaryAnalytic
	var se float64
	if m == SummaryPAF {
		se = 100 * sef
		r.Note += " Walter's (1978) SE, in per cent like PAF (healthequal reports the fraction's SE, making its interval 100 times too narrow);"
	} else {
		se = mu * sef
		r.Note += " SE = μ · Walter's (1978) SE of the attributable fraction;"
	}
	r.SE = heatPtr(se)
	u := raw * mult
	r.Interval = &Interval{Level: d.conf, Lower: clamp(u - d.z*se), Upper: clamp(u + d.z*se)}
	r.Note += " Wald interval of the unclamped value, clamped like the estimate."
	return r, nil
}

func heatImpactRef(o SummaryOptions) string {
	switch {
	case o.Ordered:
		return "the most advantaged subgroup"
	case o.Favourability == Favourable:
		return "the highest estimate"
	}
	return "the lowest estimate"
}

func heatMeanSource(d *heatData) string {
	if d.hasPop {
		return "the population-weighted mean"
	}
	return "the setting average"
}
