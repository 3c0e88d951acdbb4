package indicator

import "math"

// exactSmall returns the exact Poisson limits for a whole count k in 0 … 9 at level c by
// solving the Poisson tail equations that the chi-square quantiles of ExactPoissonLimits
// are equivalent to (the gamma–Poisson relation, P(χ²(2k) ≤ 2λ) = P(Poisson(λ) ≥ k)):
//
//	upper U:  P(Poisson(U) ≤ k) = (1 − c)/2
//	lower L:  P(Poisson(L) ≥ k) = (1 − c)/2        (L = 0 when k = 0)
//
// with Newton's method on the logarithm of each tail, kept inside a bracket by bisection.
// The upper equation's right-hand side is formed as 1 − (c + (1 − c)/2), exactly the upper
// tail of the probability that phe_rate passes to qchisq (the subtraction is exact in
// floating point), so that both give the root for the same probability.
// The tails are sums of positive terms, so neither loses precision to cancellation. This
// gives the same limits as the chi-square quantiles (checked against them to 1e-12 in the
// tests) at any level in a few hundred nanoseconds, without allocation. ok is false if the
// iteration did not converge, and the caller then uses the quantiles.
func exactSmall(k int, c float64) (iv Interval, ok bool) {
	a := (1 - c) / 2
	au := 1 - (c + (1-c)/2)
	iv.Level = c
	if k == 0 {
		iv.Upper = -math.Log(au)
		return iv, true
	}
	if k == 1 {
		iv.Lower = -math.Log1p(-a)
	} else {
		iv.Lower, ok = solveTail(k, a, false)
		if !ok {
			return iv, false
		}
	}
	iv.Upper, ok = solveTail(k, au, true)
	return iv, ok
}

// solveTail finds λ with P(Poisson(λ) ≤ k) = a (upper) or P(Poisson(λ) ≥ k) = a (lower).
func solveTail(k int, a float64, upper bool) (float64, bool) {
	target := math.Log(a)
	kf := float64(k)
	// Brackets: the lower limit lies in (0, k), the upper in (k, k + 200) for every
	// level below 1 that float64 can represent.
	lo, hi := 0.0, kf
	if upper {
		lo, hi = kf, kf+200
	}
	// Start from Byar's approximation, which is within a few per cent here.
	z := math.Sqrt(2) * math.Erfinv(1-2*a)
	var x float64
	if upper {
		k1 := kf + 1
		b := 1 - 1/(9*k1) + z/(3*math.Sqrt(k1))
		x = k1 * b * b * b
	} else {
		b := 1 - 1/(9*kf) - z/(3*math.Sqrt(kf))
		x = kf * b * b * b
	}
	if !(x > lo && x < hi) {
		x = (lo + hi) / 2
	}
	for range 100 {
		logTail, dlog := poissonLogTail(k, x, upper)
		f := logTail - target
		// The upper tail P(≤ k) falls with λ; the lower tail P(≥ k) rises.
		if (f > 0) == upper {
			lo = x
		} else {
			hi = x
		}
		next := x - f/dlog
		// Newton's error squares at each step: a step below 1e-9 relative leaves an
		// error far below 1e-15, so that step is the last.
		if math.Abs(next-x) <= 1e-9*x {
			return next, true
		}
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		x = next
	}
	return 0, false
}

// poissonLogTail returns ln P(Poisson(λ) ≤ k) (upper) or ln P(Poisson(λ) ≥ k), and its
// derivative in λ.
func poissonLogTail(k int, lambda float64, upper bool) (float64, float64) {
	// terms are relative to e^{−λ}: t_j = λ^j/j!
	if upper {
		sum, t := 1.0, 1.0
		for j := 1; j <= k; j++ {
			t *= lambda / float64(j)
			sum += t
		}
		// d/dλ P(≤ k) = −e^{−λ} λ^k/k! = −e^{−λ} t_k
		return math.Log(sum) - lambda, -t / sum
	}
	t := 1.0
	for j := 1; j <= k; j++ {
		t *= lambda / float64(j)
	}
	// t is λ^k/k!; sum the series from j = k until its terms no longer count
	sum, term := t, t
	for j := k + 1; j < k+400; j++ {
		term *= lambda / float64(j)
		sum += term
		if term < 1e-17*sum {
			break
		}
	}
	// d/dλ P(≥ k) = e^{−λ} λ^{k−1}/(k−1)! = e^{−λ} t_k · k/λ
	return math.Log(sum) - lambda, t * float64(k) / lambda / sum
}
