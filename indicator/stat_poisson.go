package indicator

import (
	"math"
	"sync"
)

// exactSmall returns the exact Poisson limits for a whole count k in 0 … 9 at level c by
// solving the Poisson tail equations that the chi-square quantiles of ExactPoissonLimits
// are equivalent to (the gamma–Poisson relation, P(χ²(2k) ≤ 2λ) = P(Poisson(λ) ≥ k)):
//
//	upper U:  P(Poisson(U) ≤ k) = (1 − c)/2
//	lower L:  P(Poisson(L) ≥ k) = (1 − c)/2        (L = 0 when k = 0)
//
// The upper equation's right-hand side is formed as 1 − (c + (1 − c)/2), exactly the upper
// tail of the probability that phe_rate passes to qchisq (the subtraction is exact in
// floating point), so that both give the root for the same probability. k = 0 (upper) and
// k = 1 (lower) have closed forms, −ln p and −ln(1 − p). Otherwise each root, which
// depends on the level only through p, starts from a table of the roots over p (rootTable,
// computed once) and takes one Halley step on its tail equation; the tails are sums of
// positive terms, which lose nothing to cancellation. This gives the same limits as the
// chi-square quantiles (checked against them to 1e-12 in the tests) at any level in a
// little over a hundred nanoseconds, without allocation. ok is false if no root was found, and the
// caller then uses the quantiles.
func exactSmall(k int, c float64) (iv Interval, ok bool) {
	a := (1 - c) / 2
	au := 1 - (c + (1-c)/2)
	iv.Level = c
	if k == 0 {
		iv.Upper = -math.Log(au)
		return iv, true
	}
	r := math.Sqrt(-math.Log(a))
	// a and au differ by the rounding of c + (1 − c)/2, which moves a starting point by no
	// more than the relative difference, unless that is coarse (1 − c below about 1e-9).
	ru := r
	if math.Abs(au-a) > 1e-7*a {
		ru = math.Sqrt(-math.Log(au))
	}
	iv.Lower, iv.Upper, ok = poissonRoots().limits(k, r, ru, a, au)
	return iv, ok
}

// rootTable holds, for each whole count k below SmallCount, the roots of the tail equations
// of exactSmall at probabilities p = e^{−r²} for r on a grid (r = √(−ln p), in which the
// roots are smooth enough for cubic interpolation to give seven or more correct digits):
// ln L and U with their derivatives in r. It also holds the coefficients of the sums that
// make the tails. The roots depend on k and p only, not on the level, so the table serves
// every level; it is computed once, on first use, and never changes.
type rootTable struct {
	r0    float64                         // the first grid point; p = e^{−r0²} is just above 0.05
	lower [SmallCount][rootNodes]rootNode // ln L, k = 2 … 9
	upper [SmallCount][rootNodes]rootNode // U, k = 1 … 9
	// The tails' sums as polynomials in λ, for Horner's rule in λ² on the even and the odd
	// coefficients at once (two independent chains), highest powers first:
	//
	//	lower:  Σₙ λⁿ k!/(k + n)!  for n = 0 … while the terms count,
	//	        P(Poisson(λ) ≥ k) = e^{−λ}λᵏ/k! · Σ
	//	upper:  Σⱼ λʲ/j!  for j = 0 … k,  P(Poisson(λ) ≤ k) = e^{−λ} · Σ
	lowerSum, upperSum [SmallCount][][2]float64
	invFac             [SmallCount + 1]float64 // 1/j!
}

// A rootNode is a tabulated value and its derivative in r.
type rootNode struct{ y, dy float64 }

const (
	rootStep  = 0.1 // the grid's step in r
	rootNodes = 47  // r from √2.99 to √2.99 + 4.6 ≈ 6.33: p from 0.0503 down to 4e-18
)

// poissonRoots computes the table once.
var poissonRoots = sync.OnceValue(func() *rootTable {
	t := &rootTable{r0: math.Sqrt(2.99)}
	f := 1.0
	for j := range SmallCount + 1 {
		if j > 0 {
			f *= float64(j)
		}
		t.invFac[j] = 1 / f
	}
	for k := 1; k < SmallCount; k++ {
		kf := float64(k)
		lgk, _ := math.Lgamma(kf)      // ln (k − 1)!
		lgk1, _ := math.Lgamma(kf + 1) // ln k!
		for i := range rootNodes {
			r := t.r0 + float64(i)*rootStep
			x := r * r
			p := math.Exp(-x)
			// dλ/dr = −p/T'(λ) · 2r, with T' = e^{−λ}λ^{k−1}/(k−1)! for the lower tail and
			// −e^{−λ}λ^k/k! for the upper, written with logarithms to stay in range.
			if k >= 2 {
				l, _ := solveTail(k, p, false)
				dl := -math.Exp(-x+l-(kf-1)*math.Log(l)+lgk) * 2 * r
				t.lower[k][i] = rootNode{math.Log(l), dl / l}
			}
			u, _ := solveTail(k, p, true)
			t.upper[k][i] = rootNode{u, math.Exp(-x+u-kf*math.Log(u)+lgk1) * 2 * r}
		}
		t.upperSum[k] = evenOdd(t.invFac[:k+1])
		if k < 2 {
			continue
		}
		// The lower limit is below its value at the grid's first point, where p is largest;
		// keep the terms of the lower sum while they can exceed 1e-18 of it (it is at least
		// 1) anywhere below 1.05 times that. The terms left out then fall faster than by
		// half each, so together they are below 2e-18 of the sum.
		lmax := 1.05 * math.Exp(t.lower[k][0].y)
		var lower []float64
		c, bound := 1.0, 1.0
		for n := 0; bound >= 1e-18; n++ {
			lower = append(lower, c)
			c /= kf + float64(n) + 1
			bound *= lmax / (kf + float64(n) + 1)
		}
		t.lowerSum[k] = evenOdd(lower)
	}
	return t
})

// evenOdd arranges the coefficients c₀, c₁, … of a polynomial for Horner's rule in λ² on
// the even and the odd ones together: {c₂ⱼ, c₂ⱼ₊₁} from the highest j down.
func evenOdd(c []float64) [][2]float64 {
	out := make([][2]float64, (len(c)+1)/2)
	for n, v := range c {
		out[len(out)-1-n/2][n%2] = v
	}
	return out
}

// horner evaluates a polynomial arranged by evenOdd at λ.
func horner(p [][2]float64, lam float64) float64 {
	l2 := lam * lam
	var even, odd float64
	for _, c := range p {
		even = even*l2 + c[0]
		odd = odd*l2 + c[1]
	}
	return even + lam*odd
}

// limits returns the lower and upper limits for a count k ≥ 1 at tail probabilities a and
// au, with r = √(−ln a) and ru = √(−ln au) or near them: each from the table's cubic
// interpolation and one Halley step on T(λ) = p, where T is the tail. The two are worked
// side by side, so that the processor overlaps their chains of dependent operations. If a
// step is not tiny, its start was not close enough (p beyond the table, or a far-off r),
// and that root is found by solveTail instead.
func (t *rootTable) limits(k int, r, ru, a, au float64) (lower, upper float64, ok bool) {
	ul, uu := (r-t.r0)/rootStep, (ru-t.r0)/rootStep
	if !(ul >= 0 && ul < rootNodes-1 && uu >= 0 && uu < rootNodes-1) { // NaN too
		// Beyond the table: p below e^{−40} (only within about 1e-17 of c = 1, where
		// c + (1 − c)/2 may round to 1 and au to 0).
		if k == 1 {
			lower, ok = -math.Log1p(-a), true
		} else {
			lower, ok = solveTail(k, a, false)
		}
		if ok {
			upper, ok = solveTail(k, au, true)
		}
		return lower, upper, ok
	}
	il, iu := int(ul), int(uu)
	lu := hermite(t.upper[k][iu], t.upper[k][iu+1], uu-float64(iu))
	if k == 1 {
		lower = -math.Log1p(-a)
		upper, ok = t.halley(k, lu, au, true)
		return lower, upper, ok
	}
	ll := math.Exp(hermite(t.lower[k][il], t.lower[k][il+1], ul-float64(il)))
	// q = e^{−λ}λ^k/k!, the Poisson probability of k, with λ^k by squaring.
	pl, pu := 1.0, 1.0
	sl, su := ll, lu
	for n := k; n > 0; n >>= 1 {
		if n&1 != 0 {
			pl *= sl
			pu *= su
		}
		sl *= sl
		su *= su
	}
	el, eu := math.Exp(-ll), math.Exp(-lu)
	ql, qu := el*pl*t.invFac[k], eu*pu*t.invFac[k]
	// Halley's step for f(λ) = T(λ) − p is λ − 2ff'/(2f'² − ff''), and f'' = f'·(m/λ − 1):
	// for the lower tail f' = qk/λ and m = k − 1; for the upper f' = −q and m = k.
	// Multiplied through by λ, each step takes one division.
	kf := float64(k)
	fl := ql*horner(t.lowerSum[k], ll) - a
	fu := eu*horner(t.upperSum[k], lu) - au
	nl := ll - 2*fl*ll/(2*ql*kf-fl*(kf-1-ll))
	nu := lu - 2*fu*lu/(-2*qu*lu-fu*(kf-lu))
	lower, upper, ok = nl, nu, true
	if !(math.Abs(nl-ll) <= 1e-6*ll) {
		lower, ok = solveTail(k, a, false)
	}
	if !(math.Abs(nu-lu) <= 1e-6*lu) && ok {
		upper, ok = solveTail(k, au, true)
	}
	return lower, upper, ok
}

// halley takes the step of limits for one limit (used where the other has a closed form).
func (t *rootTable) halley(k int, lam, p float64, upper bool) (float64, bool) {
	pw, sq := 1.0, lam
	for n := k; n > 0; n >>= 1 {
		if n&1 != 0 {
			pw *= sq
		}
		sq *= sq
	}
	e := math.Exp(-lam)
	q := e * pw * t.invFac[k]
	kf := float64(k)
	var next float64
	if upper {
		f := e*horner(t.upperSum[k], lam) - p
		next = lam - 2*f*lam/(-2*q*lam-f*(kf-lam))
	} else {
		f := q*horner(t.lowerSum[k], lam) - p
		next = lam - 2*f*lam/(2*q*kf-f*(kf-1-lam))
	}
	if !(math.Abs(next-lam) <= 1e-6*lam) {
		return solveTail(k, p, upper)
	}
	return next, true
}

// hermite interpolates between two grid points with the cubic that matches their values
// and derivatives, at the fraction s of the step from the first.
func hermite(a, b rootNode, s float64) float64 {
	s2 := s * s
	s3 := s2 * s
	return (2*s3-3*s2+1)*a.y + (s3-2*s2+s)*a.dy*rootStep + (3*s2-2*s3)*b.y + (s3-s2)*b.dy*rootStep
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
