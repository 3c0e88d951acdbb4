package dist

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// This file solves P(T > t) = q for Student's t with ν degrees of freedom. With a = ν/2,
// r = t²/ν, x = 1/(1 + r) and y = r/(1 + r) = 1 − x (Abramowitz & Stegun 26.7.1, 26.5.27):
//
//	P(T > t)     = ½ I_x(a, ½)
//	P(0 < T < t) = ½ I_y(½, a) = ½ − P(T > t)
//	f(t)         = x^(a+½) / (√ν B(a, ½))                       the density
//
// Halley's method runs on G(s) = log P − log P* in s = log t, with P the tail (or the
// centre) and P* its target. Every evaluation gives G, G′ = dG/ds in closed form (±t f/P),
// and then G″/G′ = 1 − (ν + 1) y − G′ follows from f′/f = −(ν + 1) t/(ν + t²).

const (
	ln2Hi    = 0x1.62e42feep-1                          // ln 2 to 32 bits, so k·ln2Hi is exact for |k| < 2²⁰
	ln2Lo    = 0x1.a39ef35793c76p-33                    // ln 2 − ln2Hi
	lnSqrtPi = 0.57236494292470008707171367567652935582 // ½ ln π

	seriesEps = 0x1p-56 // relative size of the last term kept in a series or fraction
	maxIter   = 40      // Halley steps before giving up (convergence takes 1 to 4)
	stopStep  = 2e-6    // a Halley step this small leaves an error below 10⁻¹⁷

	// centralT2 is the largest t² at which the solution comes from the central series: a
	// relative error δ in P(0 < T < t) moves t by δ·P(0 < T < t)/(t f(t)), a factor that
	// grows from 1 at the centre to about 5 at t² = 4.5 (and 38 at t² = 9).
	centralT2 = 4.5
	// The tail series converges like xⁿ: it takes over when x ≤ ½ (r ≥ 1) and keeps going
	// until x > 0.8 (r < ¼), so that an iteration near x = ½ does not flip between methods.
	tailEnterR = 1
	tailLeaveR = 0.25
)

// tSolver holds the constants of one quantile problem.
type tSolver struct {
	q, c  float64 // the tail P(T > t) sought and the central probability ½ − q
	nu, a float64 // ν and a = ν/2
	laB   float64 // ln(a·B(a, ½))
	aB    float64 // a·B(a, ½)
	z     float64 // Φ⁻¹(1 − q) if already known, else NaN
}

func newTSolver(q, nu, z float64) tSolver {
	a := nu / 2
	laB := logABHalf(a)
	return tSolver{q: q, c: 0.5 - q, nu: nu, a: a, laB: laB, aB: math.Exp(laB), z: z}
}

// solve returns t > 0 with P(T > t) = q, or +Inf.
func (s tSolver) solve() float64 {
	// L = ln(t₀/√ν) for the leading tail term t₀ = √ν (2q·aB)^(−1/ν), in double length.
	lHi, lLo := s.logT0()
	tail := lHi >= math.Ln2*2 // r₀ = t₀²/ν = e^(2L) ≥ 16: start in the tail from t₀
	var d, t float64          // the iterate: ln(t/t₀) in the tail, t elsewhere
	if !tail {
		t = s.start()
		if !(t > 0 && t < math.Inf(1)) { // not expected away from the far tail, but safe
			tail, d = true, 0
		}
	}
	for range maxIter {
		if !tail {
			if t*t >= tailEnterR*s.nu {
				tail = true
				d = math.Log(t/math.Sqrt(s.nu)) - lHi - lLo
				continue
			}
			var g, g1, y float64
			if t*t <= centralT2 {
				g, g1, y = s.central(t)
			} else {
				g, g1, y = s.fraction(t)
			}
			step := s.halley(g, g1, y)
			t *= math.Exp(step)
			if math.Abs(step) < stopStep {
				return t
			}
			continue
		}
		g, g1, y, r := s.tailSeries(lHi, d)
		step := s.halley(g, g1, y)
		d += step
		if math.Abs(step) < stopStep {
			return expScaled(lHi, lLo+d, math.Sqrt(s.nu))
		}
		if r < tailLeaveR {
			tail = false
			t = expScaled(lHi, lLo+d, math.Sqrt(s.nu))
		}
	}
	if tail {
		return expScaled(lHi, lLo+d, math.Sqrt(s.nu))
	}
	return t
}

// halley returns the Halley step in s = ln t for G = g with G′ = g1, at a point where
// y = t²/(ν + t²). Far from the root, where the second-order factor would more than
// halve or double the Newton step, it returns the Newton step, and no step moves t by
// more than a factor e².
func (s tSolver) halley(g, g1, y float64) float64 {
	n := g / g1
	den := 1 - 0.5*n*(1-(s.nu+1)*y-g1)
	step := -n
	if den > 0.5 && den < 2 {
		step = -n / den
	}
	return max(-2, min(2, step))
}

// central evaluates G = ln(C/c) for the central probability C = P(0 < T < t), from
//
//	I_y(½, a) = 2 y^½ x^a / B(a, ½) · Σ (a + ½)ₙ/(3/2)ₙ yⁿ            (A&S 26.5.4, 15.1.1)
//
// with C/(t f) = Σ, so G′ = 1/Σ. It returns G, G′ and y.
func (s tSolver) central(t float64) (g, g1, y float64) {
	r := t * t / s.nu
	y = r / (1 + r)
	sum, term := 1.0, 1.0
	for n := 0.0; n < 5000 && term > seriesEps*sum; n++ {
		term *= y * (s.a + 0.5 + n) / (n + 1.5)
		sum += term
	}
	// C = a y^½ x^a Σ / (aB), x^a = (1 + r)^(−a).
	cp := s.a * math.Sqrt(y) * math.Exp(-s.a*math.Log1p(r)) * sum / s.aB
	return math.Log(cp / s.c), 1 / sum, y
}

// fraction evaluates G = ln(P/q) for the tail P = P(T > t), from the continued fraction
// (A&S 26.5.8)
//
//	I_x(a, b) = x^a y^b / (a B(a, b)) · K,  K = 1/(1 + d₁/(1 + d₂/(1 + …)))
//	d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
//	d₂ₘ   = m (b − m) x / ((a + 2m − 1)(a + 2m))
//
// with b = ½. For large a and x near 1 each 1 + d₂ₘ₊₁ nearly cancels, so it uses the
// fraction's even part, K = 1/(β₀ + α₁/(β₁ + α₂/(β₂ + …))) with α_m = −d₂ₘ₋₁d₂ₘ and
// β_m = 1 + d₂ₘ + d₂ₘ₊₁ (β₀ = 1 + d₁), whose partial denominators, put over
// (u − 1)u(u + 1) with u = a + 2m, are free of cancellation when written in y = 1 − x:
//
//	(u − 1)u(u + 1) β_m = u((1 + 2m − b) a + 2m² + b − 1) + y ((u − m)(u − m + b)(u − 1) − m(b − m)(u + 1))
//	(a + 1) β₀          = 1 − b + (a + b) y
//
// Multiplying level m by (u − 1)u(u + 1) (level 0 by a + 1) leaves polynomial partial
// numerators and denominators, evaluated by the forward three-term recurrence (Wallis) with
// occasional rescaling. P/(t f) = K/ν, so G′ = −ν/K. It returns G, G′ and y.
func (s tSolver) fraction(t float64) (g, g1, y float64) {
	r := t * t / s.nu
	y = r / (1 + r)
	x := 1 / (1 + r)
	a := s.a
	x2 := x * x
	// Convergents A/B of K, from level 0: A = a + 1, B = (a + 1)β₀. With b = ½:
	//	α_m = (u − 3)(u + 1)(a + m − 1)(a + m − ½) m(½ − m) x²   (α₁ = −½(a + 3)(a + ½) x²)
	//	β_m = u((2m + ½)a + 2m² − ½) + y((a + m)(a + m + ½)(u − 1) + m(m − ½)(u + 1))
	// The convergents differ by A_mB_{m−1} − A_{m−1}B_m = ∓(a + 1)∏α, tracked as det, so the
	// stopping test |A/B − A'/B'| ≤ ε|A/B| needs no division.
	aPrev, bPrev := 0.0, 1.0
	aCur, bCur := a+1, 0.5+(a+0.5)*y
	det := a + 1
	for m := 1.0; m < 5000; m++ {
		u := a + 2*m
		am := a + m
		alpha := -0.5 * (a + 3) * (a + 0.5) * x2
		if m > 1 {
			alpha = (u - 3) * (u + 1) * (am - 1) * (am - 0.5) * m * (0.5 - m) * x2
		}
		beta := u*((2*m+0.5)*a+2*m*m-0.5) + y*(am*(am+0.5)*(u-1)+m*(m-0.5)*(u+1))
		aPrev, aCur = aCur, beta*aCur+alpha*aPrev
		bPrev, bCur = bCur, beta*bCur+alpha*bPrev
		det *= alpha
		if math.Abs(bCur) > 0x1p500 {
			aPrev, aCur, bPrev, bCur = aPrev*0x1p-500, aCur*0x1p-500, bPrev*0x1p-500, bCur*0x1p-500
			det *= 0x1p-1000
		}
		if math.Abs(det) <= seriesEps*math.Abs(aCur*bPrev) {
			break
		}
	}
	k := aCur / bCur
	// ln P = a ln x + ½ ln y + ln K − ln 2 − ln(aB)
	lp := -a*math.Log1p(r) + 0.5*math.Log(y) + math.Log(k) - math.Ln2 - s.laB
	return lp - logPos(s.q), -s.nu / k, y
}

// tailSeries evaluates G = ln(P/q) for the tail P = P(T > t) at t = t₀e^d, where
// ln(t₀/√ν) = L. From
//
//	I_x(a, ½) = x^a / (a B(a, ½)) · (1 + a Σ′),  Σ′ = Σₙ≥₁ (½)ₙ/n! · xⁿ/(a + n)   (A&S 26.5.4)
//
// and x^a = (t²/ν)^(−a) (1 + 1/r)^(−a), the tail is q (t₀/t)^ν W with
//
//	ln W = ln(1 + a Σ′) − a ln(1 + 1/r),
//
// so G = ln W − ν d: the large logarithms of q and t never meet, which keeps G exact to a
// few ulps of its own size however far out the tail is. P/(t f) = (1 + aΣ′)/(ν √y), so
// G′ = −ν √y/(1 + aΣ′). It returns G, G′, y and r.
func (s tSolver) tailSeries(l, d float64) (g, g1, y, r float64) {
	lr := 2 * (l + d) // ln r
	ri := math.Exp(-lr)
	r = 1 / ri
	x := ri / (1 + ri)
	y = 1 / (1 + ri)
	// Σ′ by its term ratio v_{n+1}/v_n = x (n + ½)(a + n)/((n + 1)(a + n + 1)), v₁ = x/(2(a + 1))
	term := x / (2 * (s.a + 1))
	sum := term
	for n := 1.0; n < 5000 && term > seriesEps*sum; n++ {
		term *= x * ((n + 0.5) * (s.a + n)) / ((n + 1) * (s.a + n + 1))
		sum += term
	}
	as := s.a * sum
	g = math.Log1p(as) - s.a*math.Log1p(ri) - s.nu*d
	return g, -s.nu * math.Sqrt(y) / (1 + as), y, r
}

// logT0 returns L = ln(t₀/√ν) = −ln(2q·aB)/ν in double length (hi + lo).
func (s tSolver) logT0() (hi, lo float64) {
	// ln(2q) = e ln 2 + ln m for 2q = m·2^e, m in [1/√2, √2), all in double length.
	m, e := math.Frexp(2 * s.q) // 2q is exact, subnormal q included
	if m < math.Sqrt2/2 {
		m, e = 2*m, e-1
	}
	lmHi, lmLo := logDD(m)
	h, l := twoSum(float64(e)*ln2Hi, lmHi)
	l += float64(e)*ln2Lo + lmLo
	h, l2 := twoSum(h, s.laB)
	l += l2
	h, l = twoSum(h, l) // normalise, so that |l| ≤ ½ ulp(h)
	// divide by −ν in double length
	hi = h / s.nu
	lo = (math.FMA(-hi, s.nu, h) + l) / s.nu
	return twoSum(-hi, -lo)
}

// start returns a starting value for t away from the far tail: Hill's Algorithm 396 for
// ν ≥ 1, and for ν < 1 the central series t ≈ v + (ν + 1) v³/(6ν), v = c/f(0).
func (s tSolver) start() float64 {
	nu := s.nu
	if nu < 1 {
		v := 2 * s.c * s.aB / math.Sqrt(nu)
		return v + (nu+1)*v*v*v/(6*nu)
	}
	z := s.z
	if math.IsNaN(z) {
		z = -normalLowerQuantile(s.q)
	}
	return hill(2*s.q, nu, z)
}

// hill returns Hill's approximation to the upper P/2 quantile of Student's t with n ≥ 1
// degrees of freedom, P the two-tailed probability and z = Φ⁻¹(1 − P/2) (Hill GW (1970),
// Algorithm 396, Comm ACM 13:619–620).
func hill(p, n, z float64) float64 {
	a := 1 / (n - 0.5)
	b := 48 / (a * a)
	c := ((20700*a/b-98)*a-16)*a + 96.36
	d := ((94.5/(b+c)-3)/b + 1) * math.Sqrt(a*math.Pi/2) * n
	y := math.Pow(d*p, 2/n)
	if y > 0.05+a {
		// asymptotic inverse expansion about the normal quantile
		x := -z
		y = x * x
		if n < 5 {
			c += 0.3 * (n - 4.5) * (x + 0.6)
		}
		c = (((0.05*d*x-5)*x-7)*x-2)*x + b + c
		y = (((((0.4*y+6.3)*y+36)*y+94.5)/c-y-3)/b + 1) * x
		y = a * y * y
		if y > 0.002 {
			y = math.Expm1(y)
		} else {
			y += 0.5 * y * y
		}
	} else {
		y = ((1/(((n+6)/(n*y)-0.089*d-0.822)*(n+2)*3)+0.5/(n+4))*y-1)*(n+1)/(n+2) + 1/y
	}
	return math.Sqrt(n * y)
}

// normalLowerQuantile returns Φ⁻¹(p) for p in (0, ½], negative below ½, from Wichura's
// Algorithm AS 241 as in gonum's distuv.UnitNormal (Wichura MJ (1988), Appl Stat
// 37:477–484), accurate to 10⁻¹⁶ relative for normal p but not for subnormal p, where it
// is refined by Newton's method on ln Φ(z) = −z²/2 − ½ ln 2π + ln R(−z) with the
// asymptotic series of Mills' ratio R(w) = Φ(−w)/φ(w) (A&S 26.2.12):
//
//	R(w) = (1/w)(1 − 1/w² + 1·3/w⁴ − 1·3·5/w⁶ + …)
//
// whose terms beyond the eighth are below 10⁻¹⁹ for w ≥ 36.
func normalLowerQuantile(p float64) float64 {
	z := distuv.UnitNormal.Quantile(p)
	if p >= 0x1p-1000 {
		return z
	}
	const lnSqrt2Pi = 0.91893853320467274178032973640561763986
	lp := logPos(p)
	for range 8 {
		w := max(-z, 36) // p < 2⁻¹⁰⁰⁰ puts the root beyond w = 37.2
		w2 := 1 / (w * w)
		sum, term := 1.0, 1.0
		for k := 1.0; k <= 8; k++ {
			term *= -(2*k - 1) * w2
			sum += term
		}
		rm := sum / w // R(w)
		g := -0.5*w*w - lnSqrt2Pi + math.Log(rm) - lp
		// d ln Φ(−w)/dw = −1/R(w): Newton's step on w is +g·R(w)
		step := g * rm
		z = -(w + step)
		if math.Abs(step) < 1e-9*w { // Newton's error is now below 10⁻¹⁸ relative
			break
		}
	}
	return z
}

// logPos returns ln x for x > 0, subnormal x included: the amd64 assembly behind
// math.Log is wrong for subnormal arguments (math.Log(5e-324) gives −709.09, not −744.44).
func logPos(x float64) float64 {
	if x >= 0x1p-1022 {
		return math.Log(x)
	}
	m, e := math.Frexp(x)
	return math.Log(m) + float64(e)*math.Ln2
}

// expScaled returns m·exp(hi + lo) for a double-length exponent hi + lo, without
// overflowing or underflowing on the way to a representable result (exp(hi) may be out
// of range when m·exp(hi) is not).
func expScaled(hi, lo, m float64) float64 {
	k := math.Round(hi / math.Ln2)
	if k > 2100 {
		return math.Inf(1)
	}
	if k < -2100 {
		return 0
	}
	red := (hi - k*ln2Hi) + (lo - k*ln2Lo) // hi − k·ln2Hi is exact
	return math.Ldexp(m*math.Exp(red), int(k))
}

// logDD returns ln m for m in [1/√2, √2] in double length, hi + lo, to a few 10⁻¹⁸
// relative, from ln m = 2 atanh w = 2(w + w³/3 + w⁵/5 + …), w = (m − 1)/(m + 1), with
// w itself carried in double length; |w| ≤ 0.172, so eleven terms suffice.
func logDD(m float64) (hi, lo float64) {
	num := m - 1 // exact (Sterbenz)
	dh, dl := twoSum(m, 1)
	wh := num / dh
	wl := (math.FMA(-wh, dh, num) - wh*dl) / dh
	w2 := wh * wh
	p := 1.0 / 23
	for k := 21.0; k >= 3; k -= 2 {
		p = p*w2 + 1/k
	}
	return twoSum(2*wh, 2*wl+2*wh*w2*p)
}

// twoSum returns s = fl(a + b) and the rounding error e, with s + e = a + b exactly
// (Knuth, TAOCP vol 2, §4.2.2, Theorem B).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// logABHalf returns ln(a·B(a, ½)) = ln(√π Γ(a+1)/Γ(a+½)) for a > 0, to a few ulps of
// its size (relative accuracy, so that ln(aB)/a keeps its digits as a → 0).
//
// Below a = 1/32 it sums the Maclaurin series from ln Γ(1+z) = −γz + Σₖ≥₂ ζ(k)(−z)ᵏ/k
// and ψ⁽ⁿ⁾(½) = (−1)ⁿ⁺¹ n! (2ⁿ⁺¹ − 1) ζ(n+1) (A&S 6.1.33, 6.4.4):
//
//	ln(aB(a, ½)) = 2 ln 2 · a − Σₖ≥₂ (−1)ᵏ ζ(k)(2ᵏ − 2) aᵏ/k
//
// Elsewhere it shifts a up to at least 16 with Γ(z+1) = zΓ(z) and uses Stirling's series
// ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + μ(z) (A&S 6.1.40):
//
//	ln(Γ(a+1)/Γ(a+½)) = ½ ln(a + ½) + ln(1 + h)/(2h) − ½ + μ(a+1) − μ(a+½),  h = 1/(2a+1)
func logABHalf(a float64) float64 {
	if a < 1.0/32 {
		// coefficients −(−1)ᵏ ζ(k)(2ᵏ − 2)/k, k = 2…16, from ζ(k) to 20 digits
		const (
			c1  = 1.3862943611198906188 // 2 ln 2
			c2  = -1.6449340668482264365
			c3  = 2.4041138063191885708
			c4  = -3.7881313179889836703
			c5  = 6.221566530860219558
			c6  = -10.512544973839307777
			c7  = 18.150286992874610883
			c8  = -31.879456059284732775
			c9  = 56.78047559347799215
			c10 = -102.30164557806300832
			c11 = 186.09191908036622041
			c12 = -341.25062319577026248
			c13 = 630.07730940897444816
			c14 = -1170.2145262106094073
			c15 = 2184.4668169433890556
			c16 = -4095.937594224255412
		)
		p := c16
		for _, c := range [...]float64{c15, c14, c13, c12, c11, c10, c9, c8, c7, c6, c5, c4, c3, c2, c1} {
			p = p*a + c
		}
		return p * a
	}
	num, den := 1.0, 1.0
	z := a
	for z < 16 {
		num *= z + 0.5
		den *= z + 1
		z++
	}
	h := 1 / (2*z + 1)
	lr := 0.5*math.Log(z+0.5) + (math.Log1p(h)/(2*h) - 0.5) + stirlingMu(z+1) - stirlingMu(z+0.5)
	return lnSqrtPi + lr + math.Log(num/den)
}

// stirlingMu returns μ(z) = ln Γ(z) − (z − ½) ln z + z − ½ ln 2π for z ≥ 16 from its
// asymptotic series Σ B₂ₖ/(2k(2k − 1) z²ᵏ⁻¹) (A&S 6.1.40), to below 10⁻¹⁸.
func stirlingMu(z float64) float64 {
	w := 1 / (z * z)
	return (1.0/12 + w*(-1.0/360+w*(1.0/1260+w*(-1.0/1680+w*(1.0/1188+w*(-691.0/360360+w*(1.0/156))))))) / z
}
