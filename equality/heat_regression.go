package equality

import (
	"math"
)

// heatRanks returns the weights of the ordered subgroups (their populations, rounded up to
// whole people when ceil is set as healthequal's regression measures do, or 1 each when
// populations are not given), their sum, and each subgroup's relative rank: the mid-point of
// its cumulative population share, rank_j = (Σ_{i<j} w_i + w_j/2) / Σ w.
func heatRanks(d *heatData, ceil bool) (w []float64, total float64, rank []float64) {
	w = make([]float64, d.k)
	for c := range w {
		w[c] = 1
		if d.hasPop {
			w[c] = d.pop[c]
			if ceil {
				w[c] = math.Ceil(w[c])
			}
		}
		total += w[c]
	}
	rank = make([]float64, d.k)
	var cum float64
	for c, wc := range w {
		rank[c] = (cum + wc/2) / total
		cum += wc
	}
	return w, total, rank
}

// heatLogisticScale returns the indicator scale of the logistic SII and RII: the stated scale,
// or else healthequal's inference, the largest of S(y_j) with S(y) = 1 for y ≤ 1, 100 for
// y ≤ 100, then 1000, 10⁴, 10⁵, and 10⁶ above.
func heatLogisticScale(d *heatData) float64 {
	if d.opts.Scale > 0 {
		return d.opts.Scale
	}
	scale := 1.0
	for _, y := range d.y {
		s := 1e6
		switch {
		case y <= 1:
			s = 1
		case y <= 100:
			s = 100
		case y <= 1000:
			s = 1000
		case y <= 1e4:
			s = 1e4
		case y <= 1e5:
			s = 1e5
		}
		scale = math.Max(scale, s)
	}
	return scale
}

// heatSym2 is a symmetric 2×2 matrix [[a, b], [b, c]].
type heatSym2 struct{ a, b, c float64 }

func (m heatSym2) inverse() (heatSym2, bool) {
	det := m.a*m.c - m.b*m.b
	if !(det > 0) || !heatFinite(det) {
		return heatSym2{}, false
	}
	return heatSym2{m.c / det, -m.b / det, m.a / det}, true
}

// sandwich returns K/(K−2) · A·B·A, the HC1 heteroskedasticity-consistent covariance.
func (m heatSym2) sandwich(b heatSym2, k int) heatSym2 {
	// A·B
	ab00, ab01 := m.a*b.a+m.b*b.b, m.a*b.b+m.b*b.c
	ab10, ab11 := m.b*b.a+m.c*b.b, m.b*b.b+m.c*b.c
	f := float64(k) / float64(k-2)
	return heatSym2{
		a: f * (ab00*m.a + ab01*m.b),
		b: f * (ab00*m.b + ab01*m.c),
		c: f * (ab10*m.b + ab11*m.c),
	}
}

// quad returns gᵀ·M·g for g = (g0, g1).
func (m heatSym2) quad(g0, g1 float64) float64 { return g0*g0*m.a + 2*g0*g1*m.b + g1*g1*m.c }

// heatSlope computes the SII or RII by healthequal's logistic model or by weighted least
// squares.
func heatSlope(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	_, _, rank := heatRanks(d, true)
	r := SummaryResult{Subgroups: heatNames(d), Method: SummaryAnalytic}
	var (
		est, se float64
		logRII  bool
	)
	if d.opts.Linear {
		fit, err := heatLinearFit(d, rank)
		if err != nil {
			return SummaryResult{}, err
		}
		b0, b1, v := fit.b0, fit.b1, fit.v
		if m == SummarySII {
			est, se = b1, math.Sqrt(math.Max(v.c, 0))
			r.Note = "Slope index of inequality: weighted least squares of the estimate on the subgroups' mid-point rank (weights: populations, rounded up), SII = β1."
		} else {
			if !(b0 > 0) || !(b0+b1 > 0) {
				return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
					Detail: "the linear RII needs positive fitted values at both ends of the rank"}
			}
			est, logRII = (b0+b1)/b0, true
			se = math.Sqrt(math.Max(v.quad(1/(b0+b1)-1/b0, 1/(b0+b1)), 0))
			r.Note = "Relative index of inequality: weighted least squares of the estimate on the subgroups' mid-point rank (weights: populations, rounded up), RII = (β0 + β1)/β0."
		}
		r.Note += " HC1 sandwich standard error by the delta method."
	} else {
		scale := heatLogisticScale(d)
		fit, err := heatLogisticFit(d, rank, scale)
		if err != nil {
			return SummaryResult{}, err
		}
		p0, p1, v := fit.p0, fit.p1, fit.v
		r.Scale = scale
		if m == SummarySII {
			est = (p1 - p0) * scale
			se = scale * math.Sqrt(math.Max(v.quad(p1*(1-p1)-p0*(1-p0), p1*(1-p1)), 0))
			r.Note = "Slope index of inequality: (expit(β0 + β1) − expit(β0)) · scale from healthequal's logistic regression of the estimate, as a proportion of the scale, on the subgroups' mid-point rank."
			r.Note += " HC1 sandwich SE by the delta method, on the SII's scale (healthequal 1.0.1 reports it on the 0–1 scale)."
		} else {
			if !(p0 > 0) {
				return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
					Detail: "the RII is undefined when the fitted value at the lowest rank is 0"}
			}
			est, logRII = p1/p0, true
			se = math.Sqrt(math.Max(v.quad(p0-p1, 1-p1), 0))
			r.Note = "Relative index of inequality: expit(β0 + β1)/expit(β0) from healthequal's logistic regression of the estimate, as a proportion of the scale, on the subgroups' mid-point rank."
			r.Note += " HC1 sandwich SE of ln RII by the delta method."
		}
		if fit.note != "" {
			r.Note += " " + fit.note
		}
	}
	r.Estimate, r.SE = est, heatPtr(se)
	if logRII {
		r.LogScale = true
		r.Interval = &Interval{Level: d.conf, Lower: est * math.Exp(-d.z*se), Upper: est * math.Exp(d.z*se)}
		r.Note += " Interval exp(ln RII ± z·SE)."
	} else {
		r.Interval = &Interval{Level: d.conf, Lower: est - d.z*se, Upper: est + d.z*se}
		r.Note += " Wald interval."
	}
	return r, nil
}

type heatLinear struct {
	b0, b1 float64
	v      heatSym2
}

// heatLinearFit fits y_j = β0 + β1·rank_j by weighted least squares with weights ⌈pop_j⌉ (1
// without populations), and returns the coefficients and their HC1 covariance.
func heatLinearFit(d *heatData, rank []float64) (heatLinear, error) {
	var xtx heatSym2
	var xy0, xy1 float64
	w := make([]float64, d.k)
	for c, y := range d.y {
		w[c] = 1
		if d.hasPop {
			w[c] = math.Ceil(d.pop[c])
		}
		x := rank[c]
		xtx.a += w[c]
		xtx.b += w[c] * x
		xtx.c += w[c] * x * x
		xy0 += w[c] * y
		xy1 += w[c] * x * y
	}
	a, ok := xtx.inverse()
	if !ok {
		return heatLinear{}, &FieldError{Path: "/subgroups", Err: ErrUndefined, Detail: "the subgroups' ranks do not vary"}
	}
	b0 := a.a*xy0 + a.b*xy1
	b1 := a.b*xy0 + a.c*xy1
	var meat heatSym2
	for c, y := range d.y {
		x := rank[c]
		u := w[c] * (y - b0 - b1*x)
		meat.a += u * u
		meat.b += u * u * x
		meat.c += u * u * x * x
	}
	return heatLinear{b0: b0, b1: b1, v: a.sandwich(meat, d.k)}, nil
}

type heatLogistic struct {
	p0, p1 float64 // fitted proportions at rank 0 and rank 1
	v      heatSym2
	note   string
}

// heatLogisticFit fits healthequal's logistic model of the estimate as a proportion of the
// scale on rank, by Newton–Raphson with step halving, and returns the fitted proportions at
// both ends of the rank and the HC1 covariance of (β0, β1).
//
// With populations, as healthequal's glm(cbind(k, n − k) ~ rank, weights = n, family =
// quasibinomial): n_j = ⌈pop_j⌉, k_j = round-half-even(y_j/scale · n_j), the response k_j/n_j
// and the prior weight n_j² (R's binomial family multiplies the given weights by n). Without
// populations the response is y_j/scale with weight 1.
func heatLogisticFit(d *heatData, rank []float64, scale float64) (heatLogistic, error) {
	k := d.k
	w := make([]float64, k)
	ph := make([]float64, k)
	var note string
	for c, y := range d.y {
		if d.hasPop {
			n := math.Ceil(d.pop[c])
			ph[c] = math.RoundToEven(y/scale*n) / n
			w[c] = n * n
		} else {
			ph[c] = y / scale
			w[c] = 1
		}
	}
	if !d.hasPop {
		note = "Without populations the subgroups have equal weight and the proportions are fitted as they are (healthequal rounds each to 0 or 1)."
	}
	equal := true
	for _, p := range ph {
		if p != ph[0] {
			equal = false
		}
	}
	if equal {
		// Every proportion is the same: the fit is flat, every residual is zero and so is the
		// sandwich covariance.
		return heatLogistic{p0: ph[0], p1: ph[0], note: note}, nil
	}
	var sw, sp float64
	for c := range ph {
		sw += w[c]
		sp += w[c] * ph[c]
	}
	pbar := math.Min(math.Max(sp/sw, 1e-6), 1-1e-6)
	b0, b1 := math.Log(pbar/(1-pbar)), 0.0
	loglik := func(b0, b1 float64) float64 {
		var l float64
		for c, x := range rank {
			eta := b0 + b1*x
			// ln μ = −softplus(−η), ln(1 − μ) = −softplus(η)
			l -= w[c] * (ph[c]*heatSoftplus(-eta) + (1-ph[c])*heatSoftplus(eta))
		}
		return l
	}
	ll := loglik(b0, b1)
	converged := false
	var info heatSym2
	for iter := 0; iter < 100; iter++ {
		var u0, u1 float64
		info = heatSym2{}
		for c, x := range rank {
			mu := heatExpit(b0 + b1*x)
			g := w[c] * (ph[c] - mu)
			u0 += g
			u1 += g * x
			h := w[c] * mu * (1 - mu)
			info.a += h
			info.b += h * x
			info.c += h * x * x
		}
		inv, ok := info.inverse()
		if !ok {
			break
		}
		d0 := inv.a*u0 + inv.b*u1
		d1 := inv.b*u0 + inv.c*u1
		if math.Abs(d0) <= 1e-10*(1+math.Abs(b0)) && math.Abs(d1) <= 1e-10*(1+math.Abs(b1)) {
			b0, b1 = b0+d0, b1+d1
			converged = true
			break
		}
		// Newton's step, halved while it lowers the log-likelihood by more than rounding.
		step := 1.0
		nb0, nb1 := b0+d0, b1+d1
		nll := loglik(nb0, nb1)
		for halving := 0; nll < ll-1e-12*math.Abs(ll) && halving < 40; halving++ {
			step /= 2
			nb0, nb1 = b0+step*d0, b1+step*d1
			nll = loglik(nb0, nb1)
		}
		b0, b1, ll = nb0, nb1, nll
	}
	if !converged || math.Abs(b0) > 35 || math.Abs(b0+b1) > 35 {
		return heatLogistic{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: "the logistic model has no finite fit (estimates at 0 or at the scale separate the subgroups); use the linear model"}
	}
	var meat heatSym2
	info = heatSym2{}
	for c, x := range rank {
		mu := heatExpit(b0 + b1*x)
		h := w[c] * mu * (1 - mu)
		info.a += h
		info.b += h * x
		info.c += h * x * x
		u := w[c] * (ph[c] - mu)
		meat.a += u * u
		meat.b += u * u * x
		meat.c += u * u * x * x
	}
	a, ok := info.inverse()
	if !ok {
		return heatLogistic{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
			Detail: "the logistic model's information matrix is singular"}
	}
	return heatLogistic{p0: heatExpit(b0), p1: heatExpit(b0 + b1), v: a.sandwich(meat, k), note: note}, nil
}

// heatExpit is the logistic function 1/(1 + e^−x).
func heatExpit(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// heatSoftplus is ln(1 + e^x), computed without overflow.
func heatSoftplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// heatConcentration computes the ACI or RCI with the convenient-regression standard error.
func heatConcentration(m SummaryMeasure, d *heatData) (SummaryResult, error) {
	w, total, rank := heatRanks(d, false)
	var mu, aci, s2r float64
	for c, y := range d.y {
		p := w[c] / total
		mu += p * y
		aci += 2 * p * y * (rank[c] - 0.5)
		s2r += p * (rank[c] - 0.5) * (rank[c] - 0.5)
	}
	// Residuals of the weighted regression of 2σ²_r·y_j on rank_j, whose slope is the ACI and
	// whose intercept is 2σ²_r·μ − ACI/2 (the weighted mean rank is exactly ½).
	b0 := 2*s2r*mu - aci/2
	var rss float64
	for c, y := range d.y {
		e := 2*s2r*y - b0 - aci*rank[c]
		rss += w[c] * e * e
	}
	se := math.Sqrt(rss / float64(d.k-2) / (total * s2r))
	r := SummaryResult{Subgroups: heatNames(d), Mean: heatPtr(mu), Method: SummaryAnalytic}
	weights := "population-weighted"
	if !d.hasPop {
		weights = "subgroups weighted equally (no populations given)"
	}
	if m == SummaryACI {
		r.Estimate = aci
		r.Note = "Absolute concentration index 2 Σ p_j y_j (rank_j − ½), " + weights + "."
	} else {
		if !(mu > 0) {
			return SummaryResult{}, &FieldError{Path: "/subgroups", Err: ErrUndefined,
				Detail: "the relative concentration index is undefined when the mean is 0"}
		}
		r.Estimate, se = aci/mu, se/mu
		r.Note = "Relative concentration index ACI/μ, a fraction in [−1, 1], " + weights + "."
	}
	r.SE = heatPtr(se)
	r.Interval = &Interval{Level: d.conf, Lower: r.Estimate - d.z*se, Upper: r.Estimate + d.z*se}
	r.Note += " Standard error from the convenient regression (Kakwani, Wagstaff & van Doorslaer 1997); Wald interval."
	return r, nil
}
