package exactsum

import (
	"encoding/binary"
	"math/big"
	"math/bits"
)

// MomentsSize is the length of a Moments' encoding.
const MomentsSize = 8 + SumSize + 40

// Moments accumulates the count n, the sum Σq and the sum of squares Σq² of values held as
// their grid points q = k·2⁻⁶⁴, all exactly: Σk in a [Sum], Σk² (the squares on the 2⁻¹²⁸
// grid) in a 320-bit unsigned integer. The zero value is empty. Moments are comparable with
// ==: the same values, added and merged in any order, give equal Moments.
type Moments struct {
	n   int64
	sum Sum
	sq  [5]uint64 // Σk², least significant word first
}

// Add adds x, held as its grid point. x must be finite with |x| < Limit; Add panics
// otherwise.
func (m *Moments) Add(x float64) {
	hi, lo := Magnitude(x)
	m.sum.add(hi, lo, sign(x))
	// k² for |k| = hi·2⁶⁴ + lo, hi < 2⁵²:
	//	k² = lo² + 2·hi·lo·2⁶⁴ + hi²·2¹²⁸ < 2²³²
	p0h, p0l := bits.Mul64(lo, lo)
	p1h, p1l := bits.Mul64(hi, lo) // p1h < 2⁵², so doubling does not overflow
	p2h, p2l := bits.Mul64(hi, hi)
	w1, c := bits.Add64(p0h, p1l<<1, 0)
	w2, c := bits.Add64(p1h<<1|p1l>>63, p2l, c)
	w3 := p2h + c
	m.sq[0], c = bits.Add64(m.sq[0], p0l, 0)
	m.sq[1], c = bits.Add64(m.sq[1], w1, c)
	m.sq[2], c = bits.Add64(m.sq[2], w2, c)
	m.sq[3], c = bits.Add64(m.sq[3], w3, c)
	m.sq[4] += c
	m.n++
}

// Merge adds every value of o into m.
func (m *Moments) Merge(o *Moments) {
	m.sum.Merge(o.sum)
	var c uint64
	for i := range m.sq {
		m.sq[i], c = bits.Add64(m.sq[i], o.sq[i], c)
	}
	m.n += o.n
}

// Count returns the number of values added.
func (m *Moments) Count() int64 { return m.n }

// Sum returns the exact sum of the values' grid points.
func (m *Moments) Sum() Sum { return m.sum }

// Mean returns Σq/n rounded once to the nearest float64, ties to even; 0 for no values.
func (m *Moments) Mean() float64 {
	if m.n <= 0 {
		return 0
	}
	return roundRatio(m.sum.Int(), big.NewInt(m.n), -FracBits)
}

// spread returns n·Σk² − (Σk)² and n(n − 1), whose quotient times 2⁻¹²⁸ is the sample
// variance of the grid points.
func (m *Moments) spread() (num, den *big.Int) {
	n := big.NewInt(m.n)
	s := m.sum.Int()
	num = wordsInt(m.sq[:])
	num.Mul(num, n)
	num.Sub(num, s.Mul(s, s))
	den = new(big.Int).Mul(n, big.NewInt(m.n-1))
	return num, den
}

// Variance returns the sample variance of the grid points (divisor n − 1),
//
//	(n·Σq² − (Σq)²) / (n(n − 1))
//
// computed exactly and rounded once to the nearest float64, ties to even; 0 for fewer than
// two values.
func (m *Moments) Variance() float64 {
	if m.n < 2 {
		return 0
	}
	num, den := m.spread()
	return roundRatio(num, den, -2*FracBits)
}

// SD returns the sample standard deviation of the grid points, the exact square root of the
// exact variance rounded once to the nearest float64, ties to even; 0 for fewer than two
// values.
func (m *Moments) SD() float64 {
	if m.n < 2 {
		return 0
	}
	num, den := m.spread()
	return sqrtRatio(num, den, -FracBits)
}

// Consistent reports whether the state could have come from adding m.Count() values, each no
// larger in magnitude than max (finite, not negative, below Limit): the count is not
// negative, |Σq| ≤ n·max and Σq² ≤ n·max² on the grid, (Σq)² ≤ n·Σq² (Cauchy–Schwarz), and
// for one value Σq² = (Σq)². A decoded state that passes these checks reads out a finite
// mean and a variance that is not negative.
func (m *Moments) Consistent(max float64) bool {
	if m.n < 0 || !m.sum.Bounded(m.n, max) {
		return false
	}
	s := m.sum.Int()
	t := wordsInt(m.sq[:])
	hi, lo := Magnitude(max)
	k := wordsInt([]uint64{lo, hi})
	n := big.NewInt(m.n)
	bound := new(big.Int).Mul(k, k)
	bound.Mul(bound, n)
	s2 := new(big.Int).Mul(s, s)
	nt := new(big.Int).Mul(t, n)
	switch {
	case t.Cmp(bound) > 0 || s2.Cmp(nt) > 0:
		return false
	case m.n <= 1:
		return t.Cmp(s2) == 0
	}
	return true
}

// Append appends the MomentsSize-byte encoding of m: the count as a little-endian int64, the
// sum as Sum.Append writes it, and the five 64-bit words of Σk², least significant first,
// each little-endian.
func (m *Moments) Append(b []byte) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(m.n))
	b = m.sum.Append(b)
	for _, w := range m.sq {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

// ReadMoments decodes Moments from the first MomentsSize bytes of b, as Append wrote them.
// Any bytes decode; callers check the state with [Moments.Consistent]. b must hold at least
// MomentsSize bytes.
func ReadMoments(b []byte) Moments {
	_ = b[MomentsSize-1]
	m := Moments{n: int64(binary.LittleEndian.Uint64(b)), sum: ReadSum(b[8:])}
	for i := range m.sq {
		m.sq[i] = binary.LittleEndian.Uint64(b[8+SumSize+8*i:])
	}
	return m
}
