package exactsum

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
)

// FracBits is the number of binary fraction digits the grid keeps: values are held as
// integer multiples of 2⁻⁶⁴.
const FracBits = 64

// Limit is the exclusive bound on the magnitude of the values Add accepts, 2⁵².
const Limit = 1 << 52

// MaxAbsError is the largest distance between a value and the grid point it is held as, half
// the grid's step: 2⁻⁶⁵ ≈ 2.7·10⁻²⁰. Values of magnitude 2⁻¹² or more are held exactly.
const MaxAbsError = 0x1p-65

// SumSize is the length of a Sum's encoding.
const SumSize = 24

// errRange is the panic of a value that the caller did not bound.
const errRange = "exactsum: value not finite or not below 2^52 in magnitude"

// Magnitude returns the grid integer of |x| as hi·2⁶⁴ + lo: |x|·2⁶⁴ rounded to the nearest
// integer, ties to even. It panics if x is not finite or |x| ≥ Limit. It is small enough for
// the compiler to inline, and with [Sum.AddMagnitude] it is Add taken apart, for callers on a
// hot path whose values are never negative (counts, populations).
func Magnitude(x float64) (hi, lo uint64) {
	b := math.Float64bits(x)
	// |x| = m·2^(e−1075) for a normal x with biased exponent e and significand m, so
	// |x|·2⁶⁴ = m·2^sh with sh = e − 1011.
	sh := b>>52&0x7ff - (1075 - FracBits)
	if sh < 64 {
		// 2⁻¹² ≤ |x| < 2⁵²: on the grid, exactly m·2^sh
		return bits.Mul64(b&(1<<52-1)|1<<52, 1<<sh)
	}
	if sh < 1<<63 {
		// e ≥ 1075 (sh did not wrap): |x| ≥ 2⁵², ±Inf or NaN, an unbounded input
		panic(errRange)
	}
	// |x| < 2⁻¹², zero and subnormals included. In [2⁻¹², 2⁻¹¹) float64s are 2⁻⁶⁴ apart, so
	// the hardware's addition, rounding to nearest with ties to even (IEEE 754-2019 §4.3.1),
	// gives 2⁻¹² + k·2⁻⁶⁴ with k the grid integer of |x| and k in the significand's low bits
	// (k = 2⁵² carries into the exponent field, which the subtraction also undoes).
	return 0, math.Float64bits(math.Abs(x)+0x1p-12) - bits2m12
}

// bits2m12 is the IEEE 754 encoding of 2⁻¹²: biased exponent 1023 − 12 = 1011, significand 0.
const bits2m12 = (1075 - FracBits) << 52

// sign returns all ones if x's sign bit is set, zero otherwise.
func sign(x float64) uint64 { return -(math.Float64bits(x) >> 63) }

// Sum is an exact sum of values on the 2⁻⁶⁴ grid: the 192-bit two's-complement integer
// Σk, the sum being Σk·2⁻⁶⁴. The zero value is an empty sum. Sums are comparable with ==:
// two sums of the same values, added and merged in any order, are equal.
type Sum struct {
	w [3]uint64 // least significant word first
}

// add adds hi·2⁶⁴ + lo, negated when mask is all ones.
func (s *Sum) add(hi, lo, mask uint64) {
	var c uint64
	s.w[0], c = bits.Add64(s.w[0], lo^mask, mask&1)
	s.w[1], c = bits.Add64(s.w[1], hi^mask, c)
	s.w[2] += mask + c
}

// Add adds x, held as its grid point. x must be finite with |x| < Limit; Add panics
// otherwise.
func (s *Sum) Add(x float64) {
	hi, lo := Magnitude(x)
	s.add(hi, lo, sign(x))
}

// AddMagnitude adds the grid integer hi·2⁶⁴ + lo that Magnitude returned: s.Add(x) for an x
// that is not negative.
func (s *Sum) AddMagnitude(hi, lo uint64) {
	var c uint64
	s.w[0], c = bits.Add64(s.w[0], lo, 0)
	s.w[1], c = bits.Add64(s.w[1], hi, c)
	s.w[2] += c
}

// AddMultiple adds k times x's grid point, exactly (the product is formed in integers, not
// rounded in float64). x must be finite with |x| < Limit, and the product should be below
// Limit in magnitude for the headroom the package documents to hold.
func (s *Sum) AddMultiple(x float64, k uint64) {
	hi, lo := Magnitude(x)
	mask := sign(x)
	p0h, p0l := bits.Mul64(lo, k)
	p1h, p1l := bits.Mul64(hi, k)
	w1, c := bits.Add64(p0h, p1l, 0)
	w2 := p1h + c
	s.w[0], c = bits.Add64(s.w[0], p0l^mask, mask&1)
	s.w[1], c = bits.Add64(s.w[1], w1^mask, c)
	s.w[2] += (w2 ^ mask) + c
}

// Merge adds every value of o into s.
func (s *Sum) Merge(o Sum) {
	var c uint64
	s.w[0], c = bits.Add64(s.w[0], o.w[0], 0)
	s.w[1], c = bits.Add64(s.w[1], o.w[1], c)
	s.w[2] += o.w[2] + c
}

// Sign returns −1, 0 or +1 as the sum is negative, zero or positive.
func (s Sum) Sign() int {
	switch {
	case int64(s.w[2]) < 0:
		return -1
	case s.w == [3]uint64{}:
		return 0
	}
	return 1
}

// Cmp compares s and o as numbers: −1 if s < o, 0 if equal, +1 if s > o.
func (s Sum) Cmp(o Sum) int {
	if a, b := int64(s.w[2]), int64(o.w[2]); a != b {
		if a < b {
			return -1
		}
		return 1
	}
	for i := 1; i >= 0; i-- {
		if s.w[i] != o.w[i] {
			if s.w[i] < o.w[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// abs returns the magnitude of s as an unsigned 192-bit integer, least significant word
// first. (Three scalars rather than an array, which the compiler copies through memory.)
func (s *Sum) abs() (w0, w1, w2 uint64) {
	w0, w1, w2 = s.w[0], s.w[1], s.w[2]
	if int64(w2) < 0 {
		var c uint64
		w0, c = bits.Add64(^w0, 1, 0)
		w1, c = bits.Add64(^w1, 0, c)
		w2 = ^w2 + c
	}
	return w0, w1, w2
}

// Float64 returns the sum rounded to the nearest float64, ties to even. It does not allocate.
func (s Sum) Float64() float64 {
	w0, w1, w2 := s.abs()
	// t: the 64 leading bits of |Σk|, top bit set; sticky: whether any bit below them is
	// set; |Σk| = (t + a fraction)·2^e, the fraction nonzero exactly when sticky is.
	var t uint64
	var sticky bool
	var e int
	switch {
	case w2 != 0:
		l := uint(bits.LeadingZeros64(w2))
		t = w2<<l | w1>>(64-l)
		sticky = w1<<l != 0 || w0 != 0
		e = 128 - int(l)
	case w1 != 0:
		l := uint(bits.LeadingZeros64(w1))
		t = w1<<l | w0>>(64-l)
		sticky = w0<<l != 0
		e = 64 - int(l)
	case w0 != 0:
		l := uint(bits.LeadingZeros64(w0))
		t = w0 << l
		e = -int(l)
	default:
		return 0
	}
	// Keep 53 bits, rounding the 11 below to nearest with ties to even; the sum is then
	// keep·2^(e+11−64), 2⁵² ≤ keep ≤ 2⁵³, whose biased exponent is e + 11 − 64 + 52 + 1023
	// (a keep of 2⁵³ carries into the exponent field). |Σk|·2⁻⁶⁴ lies in [2⁻⁶⁴, 2¹⁸⁰),
	// always a normal float64.
	keep, rem := t>>11, t&0x7ff
	if rem > 0x400 || (rem == 0x400 && (sticky || keep&1 == 1)) {
		keep++
	}
	f := uint64(e+11-FracBits+52+1023)<<52 + keep - 1<<52
	return math.Float64frombits(f | s.w[2]&(1<<63))
}

// Bounded reports whether |s| is at most n times the grid point of max: whether n values,
// each no larger in magnitude than max, could have given the sum. max must be finite and
// not negative with max < Limit, and n not negative.
func (s Sum) Bounded(n int64, max float64) bool {
	if n < 0 {
		return false
	}
	hi, lo := Magnitude(max)
	p0h, p0l := bits.Mul64(lo, uint64(n))
	p1h, p1l := bits.Mul64(hi, uint64(n))
	w1, c := bits.Add64(p0h, p1l, 0)
	bound := [3]uint64{p0l, w1, p1h + c}
	a0, a1, a2 := s.abs()
	a := [3]uint64{a0, a1, a2}
	for i := 2; i >= 0; i-- {
		if a[i] != bound[i] {
			return a[i] < bound[i]
		}
	}
	return true
}

// Int returns the exact integer Σk, the sum being Σk·2⁻⁶⁴.
func (s Sum) Int() *big.Int {
	a0, a1, a2 := s.abs()
	z := wordsInt([]uint64{a0, a1, a2})
	if int64(s.w[2]) < 0 {
		z.Neg(z)
	}
	return z
}

// Append appends the sum's SumSize-byte encoding: the three 64-bit words of the
// two's-complement integer Σk, least significant first, each little-endian.
func (s Sum) Append(b []byte) []byte {
	for _, w := range s.w {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

// ReadSum decodes a sum from the first SumSize bytes of b, as Append wrote them. Any bytes
// decode to some sum; callers check that it is one their values could have given (see
// [Sum.Bounded]). b must hold at least SumSize bytes.
func ReadSum(b []byte) Sum {
	_ = b[SumSize-1]
	return Sum{w: [3]uint64{
		binary.LittleEndian.Uint64(b),
		binary.LittleEndian.Uint64(b[8:]),
		binary.LittleEndian.Uint64(b[16:]),
	}}
}

// wordsInt returns the unsigned integer with little-endian 64-bit words w. It goes through
// bytes so as not to depend on the size of big.Word.
func wordsInt(w []uint64) *big.Int {
	buf := make([]byte, 8*len(w))
	for i, x := range w {
		binary.BigEndian.PutUint64(buf[8*(len(w)-1-i):], x)
	}
	return new(big.Int).SetBytes(buf)
}
