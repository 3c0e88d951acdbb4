package pam

import (
	"math"
	"math/big"
	"math/bits"
)

// Exact sums for the cohort statistics.
//
// A Cohort's mean and standard deviation, and a Gains' mean change, come from sums kept as
// whole numbers, so that adding and merging in any order and any grouping gives the same state
// bit for bit: the property a map-reduce engine needs when it decides the order of the work.
// Scores lie in [0, 100]; each is held as a whole number of units of 2⁻⁵⁷ points, the spacing of
// float64 values from 1/32 to 1/16, so every score of 1/32 or more is held exactly and a lower one
// to within half a unit, 2⁻⁵⁸ ≈ 3.5e-18 points. A score is then below 100·2⁵⁷ < 2⁶⁴ units, so a
// count of at most 2⁵³ results sums to less than 2¹¹⁷ units, and their squares to less than
// 2¹⁸¹: the sums are held in 128 and 192 bits and cannot overflow. Statistics are read from the exact sums
// with one rounding each (math/big), so the reported mean is the correctly rounded mean of the
// held scores.

// scoreUnitBits is the binary exponent of the unit in which scores are summed: 2⁻⁵⁷ points;
// scoreScale is the number of units in a point.
const (
	scoreUnitBits       = 57
	scoreScale    int64 = 1 << scoreUnitBits
)

// scoreUnits returns x, a score in [0, 100], as a whole number of units of 2⁻⁵⁷ points,
// rounded to nearest with ties to even.
func scoreUnits(x float64) uint64 {
	return uint64(math.RoundToEven(math.Ldexp(x, scoreUnitBits)))
}

// uint128 is an unsigned 128-bit integer, least significant word first.
type uint128 [2]uint64

// add adds a 64-bit value.
func (u *uint128) add(v uint64) {
	var c uint64
	u[0], c = bits.Add64(u[0], v, 0)
	u[1] += c
}

// addWide adds a 128-bit value given as its high and low words.
func (u *uint128) addWide(hi, lo uint64) {
	var c uint64
	u[0], c = bits.Add64(u[0], lo, 0)
	u[1], _ = bits.Add64(u[1], hi, c)
}

// merge adds another 128-bit value.
func (u *uint128) merge(v uint128) { u.addWide(v[1], v[0]) }

// big returns u as a big.Int.
func (u uint128) big() *big.Int { return wordsBig(u[:]) }

// uint192 is an unsigned 192-bit integer, least significant word first.
type uint192 [3]uint64

// addWide adds a 128-bit value given as its high and low words.
func (u *uint192) addWide(hi, lo uint64) {
	var c uint64
	u[0], c = bits.Add64(u[0], lo, 0)
	u[1], c = bits.Add64(u[1], hi, c)
	u[2] += c
}

// merge adds another 192-bit value.
func (u *uint192) merge(v uint192) {
	var c uint64
	u[0], c = bits.Add64(u[0], v[0], 0)
	u[1], c = bits.Add64(u[1], v[1], c)
	u[2], _ = bits.Add64(u[2], v[2], c)
}

// big returns u as a big.Int.
func (u uint192) big() *big.Int { return wordsBig(u[:]) }

// wordsBig returns the unsigned integer whose 64-bit words, least significant first, are w,
// independently of the platform's word size.
func wordsBig(w []uint64) *big.Int {
	z := new(big.Int)
	for i := len(w) - 1; i >= 0; i-- {
		z.Lsh(z, 64)
		z.Or(z, new(big.Int).SetUint64(w[i]))
	}
	return z
}

// quotient returns num / den rounded to the nearest float64 (ties to even); den > 0. Both
// convert to big.Float exactly (SetInt takes as many bits as the integer has), and Quo rounds
// the exact quotient once to the 53 bits of a float64; the results here lie far inside the
// float64 exponent range, so the conversion that follows is exact.
func quotient(num, den *big.Int) float64 {
	q := new(big.Float).SetPrec(53).Quo(new(big.Float).SetInt(num), new(big.Float).SetInt(den))
	f, _ := q.Float64()
	return f
}

// meanAndVariance returns the mean and sample variance of n ≥ 1 values whose sum is s and
// sum of squares s2, each as a whole number of units of 1/scale, in the values' own units:
//
//	mean = s / (n·scale),  variance = (n·s2 − s²) / (n(n − 1)·scale²)
//
// Both are computed exactly and rounded once; the variance is 0 for n = 1. The numerator of
// the variance is never negative for sums of real values (Cauchy–Schwarz), and is clamped at
// 0 for sums that are not.
func meanAndVariance(n int64, s, s2 *big.Int, scale int64) (mean, variance float64) {
	bn, bs := big.NewInt(n), big.NewInt(scale)
	mean = quotient(s, new(big.Int).Mul(bn, bs))
	if n < 2 {
		return mean, 0
	}
	num := new(big.Int).Mul(bn, s2)
	num.Sub(num, new(big.Int).Mul(s, s))
	if num.Sign() <= 0 {
		return mean, 0
	}
	den := new(big.Int).Mul(bn, big.NewInt(n-1))
	den.Mul(den, bs)
	den.Mul(den, bs)
	return mean, quotient(num, den)
}
