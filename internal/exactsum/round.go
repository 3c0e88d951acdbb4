package exactsum

import (
	"math"
	"math/big"
	"math/bits"
)

// Correct rounding of exact quantities to float64: round to nearest, ties to even (IEEE
// 754-2019 §4.3.1). Every quantity this package reads out lies in float64's normal range
// (the smallest is 2⁻¹²⁸·2⁻¹²⁶ for a variance, the largest below 2¹⁸⁰), where math.Ldexp
// of an integer of at most 53 bits is exact, so each result is rounded exactly once.

// roundUint returns the float64 nearest to v·2^exp, ties to even, where sticky reports that
// the exact value is a little more than v·2^exp (nonzero digits below v's last). v must have
// at least 55 significant bits when sticky is set, so that the rounding digit is v's own.
func roundUint(v uint64, sticky bool, exp int) float64 {
	n := bits.Len64(v)
	if n == 0 {
		return 0
	}
	var keep uint64 // the significand, 2⁵² ≤ keep ≤ 2⁵³
	if n <= 53 {
		keep = v << uint(53-n)
		exp -= 53 - n
	} else {
		s := uint(n - 53)
		keep = v >> s
		rem := v & (1<<s - 1)
		half := uint64(1) << (s - 1)
		if rem > half || (rem == half && (sticky || keep&1 == 1)) {
			keep++
		}
		exp += int(s)
	}
	// keep·2^exp = 1.f·2^(exp+52); a keep of 2⁵³ carries into the exponent field.
	biased := exp + 52 + 1023
	if biased < 1 || biased > 2045 {
		return math.Ldexp(float64(keep), exp) // outside the range this package reads out
	}
	return math.Float64frombits(uint64(biased)<<52 + keep - 1<<52)
}

// roundRatio returns the float64 nearest to num/den·2^exp, ties to even. den must be
// positive.
func roundRatio(num, den *big.Int, exp int) float64 {
	if num.Sign() == 0 {
		return 0
	}
	a := new(big.Int).Abs(num)
	d := den
	// Scale so that the quotient has 56 or 57 bits: a/d lies in (2^(la−ld−1), 2^(la−ld+1)).
	k := 56 - a.BitLen() + d.BitLen()
	if k >= 0 {
		a.Lsh(a, uint(k))
	} else {
		d = new(big.Int).Lsh(d, uint(-k))
	}
	q, r := a.QuoRem(a, d, new(big.Int))
	f := roundUint(q.Uint64(), r.Sign() != 0, exp-k)
	if num.Sign() < 0 {
		return -f
	}
	return f
}

// sqrtRatio returns the float64 nearest to √(num/den)·2^exp, ties to even. num must not be
// negative and den must be positive.
func sqrtRatio(num, den *big.Int, exp int) float64 {
	if num.Sign() == 0 {
		return 0
	}
	// √(num/den) = √(num·4^p/den)·2^−p; choose p so that num·4^p/den ≥ 2¹¹⁰, giving the
	// integer square root r = ⌊√⌊num·4^p/den⌋⌋ = ⌊√(num·4^p/den)⌋ at least 56 bits (and
	// below 2⁵⁸).
	p := (112-num.BitLen()+den.BitLen())/2 + 1
	a := new(big.Int).Set(num)
	d := den
	if p >= 0 {
		a.Lsh(a, uint(2*p))
	} else {
		d = new(big.Int).Lsh(d, uint(-2*p))
	}
	x, rem := a.QuoRem(a, d, new(big.Int))
	r := new(big.Int).Sqrt(x)
	sticky := rem.Sign() != 0 || new(big.Int).Mul(r, r).Cmp(x) != 0
	return roundUint(r.Uint64(), sticky, exp-p)
}
