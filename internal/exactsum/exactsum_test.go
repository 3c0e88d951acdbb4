package exactsum

import (
	"math"
	"math/big"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// References. Hand-derived cases are worked beside their tables. Everything else is checked
// against the definitions, computed with math/big's exact integers and rationals:
//
//   - the grid point of x is the integer nearest to x·2⁶⁴, ties to even (exactQ);
//   - a read-out f of an exact rational v is correct when no float64 is nearer to v than f,
//     and, at a tie, f's significand is even (nearestEven), the rule of IEEE 754-2019
//     §4.3.1;
//   - IEEE 754 addition is itself correctly rounded, so the sum of two grid values must read
//     out as the hardware's a + b.

// exactQ returns the integer nearest to x·2⁶⁴, ties to even, from x's exact binary value.
func exactQ(x float64) *big.Int {
	r := new(big.Rat).SetFloat64(x)
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 64)))
	neg := r.Sign() < 0
	r.Abs(r)
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// compare the remainder with half the denominator: 2·rem vs denom
	switch c := new(big.Int).Lsh(rem, 1).Cmp(r.Denom()); {
	case c > 0, c == 0 && q.Bit(0) == 1:
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q
}

// gridRat returns k·2^exp as an exact rational.
func gridRat(k *big.Int, exp int) *big.Rat {
	r := new(big.Rat).SetInt(k)
	p := new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(abs(exp))))
	if exp < 0 {
		return r.Quo(r, p)
	}
	return r.Mul(r, p)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// nearestEven reports whether f is the float64 nearest to v, ties to even.
func nearestEven(f float64, v *big.Rat) bool {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return false
	}
	d := dist(f, v)
	for _, g := range []float64{math.Nextafter(f, math.Inf(-1)), math.Nextafter(f, math.Inf(1))} {
		switch dist(g, v).Cmp(d) {
		case -1:
			return false
		case 0:
			if math.Float64bits(f)&1 != 0 {
				return false
			}
		}
	}
	return true
}

func dist(f float64, v *big.Rat) *big.Rat {
	d := new(big.Rat).SetFloat64(f)
	d.Sub(d, v)
	return d.Abs(d)
}

// genValue draws a value in the accumulators' range with a spread of scales: tiny values
// that quantise, values on the grid, exact halves of the grid, and the largest magnitudes.
func genValue() *rapid.Generator[float64] {
	return rapid.Custom(func(t *rapid.T) float64 {
		var x float64
		switch rapid.IntRange(0, 5).Draw(t, "kind") {
		case 0: // any binary exponent from well below the grid to the limit
			e := rapid.IntRange(-80, 51).Draw(t, "exponent")
			m := rapid.Uint64Range(1<<52, 1<<53-1).Draw(t, "significand")
			x = math.Ldexp(float64(m), e-52)
		case 1: // a small integer, as counts are
			x = float64(rapid.IntRange(0, 1000).Draw(t, "count"))
		case 2: // a grid point plus half a step: a tie for the rounding
			k := rapid.Uint64Range(0, 1<<40).Draw(t, "k")
			x = (float64(k) + 0.5) * 0x1p-64
		case 3: // the extremes
			x = rapid.SampledFrom([]float64{0, math.Copysign(0, -1), 0x1p52 - 0.5, 1e15, math.SmallestNonzeroFloat64, 0x1p-1022, 0x1p-12, 0x1p-13, 0x1p-64, 0x1p-65, 0x1p-66}).Draw(t, "extreme")
		case 4: // a decimal fraction of the kind people type
			x = float64(rapid.IntRange(0, 1_000_000).Draw(t, "hundredths")) / 100
		default:
			x = rapid.Float64Range(-1e15, 1e15).Draw(t, "value")
		}
		if rapid.Bool().Draw(t, "negative") {
			x = -x
		}
		return x
	})
}

func gridInt(x float64) *big.Int {
	hi, lo := Magnitude(x)
	k := wordsInt([]uint64{lo, hi})
	if sign(x) != 0 {
		k.Neg(k)
	}
	return k
}

func TestGrid(t *testing.T) {
	// By hand: k is x·2⁶⁴ rounded to the nearest integer, ties to even.
	for _, c := range []struct {
		name   string
		x      float64
		hi, lo uint64
	}{
		{"zero", 0, 0, 0},
		{"negative zero", math.Copysign(0, -1), 0, 0},
		{"one", 1, 1, 0},
		{"a half: 2⁶³", 0.5, 0, 1 << 63},
		{"2.25 hours: 2·2⁶⁴ + 2⁶²", 2.25, 2, 1 << 62},
		{"one step", 0x1p-64, 0, 1},
		{"half a step ties to even 0", 0x1p-65, 0, 0},
		{"three quarters of a step rounds up", 0x3p-66, 0, 1},
		{"a step and a quarter rounds down", 0x5p-66, 0, 1},
		{"a step and a half ties to even 2", 0x3p-65, 0, 2},
		{"2⁻¹² and one ulp: exact, 2⁵² + 1", 0x1p-12 + 0x1p-64, 0, 1<<52 + 1},
		{"smallest subnormal", math.SmallestNonzeroFloat64, 0, 0},
		{"smallest normal", 0x1p-1022, 0, 0},
		// 0.1 is 0x1999999999999a·2⁻⁵⁶, so k = 0x1999999999999a·2⁸.
		{"0.1", 0.1, 0, 0x1999999999999a00},
		{"1e15", 1e15, 1e15, 0},
		// the largest float64 below 2⁵² is 2⁵² − ½
		{"largest", 0x1p52 - 0.5, 1<<52 - 1, 1 << 63},
	} {
		hi, lo := Magnitude(c.x)
		if hi != c.hi || lo != c.lo {
			t.Errorf("%s: Magnitude(%g) = %#x·2⁶⁴ + %#x, want %#x·2⁶⁴ + %#x", c.name, c.x, hi, lo, c.hi, c.lo)
		}
		if nh, nl := Magnitude(-c.x); nh != hi || nl != lo || (c.x != 0 && sign(-c.x) != ^uint64(0)) {
			t.Errorf("%s: the negative value has another magnitude or no sign mask", c.name)
		}
	}
}

func TestGridRefusesUnboundedValues(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0x1p52, -0x1p52, 1e300, -math.MaxFloat64} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Add(%g) did not panic", x)
				}
			}()
			var s Sum
			s.Add(x)
		}()
	}
}

func TestPropertyGridIsNearestEven(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := genValue().Draw(t, "x")
		if got, want := gridInt(x), exactQ(x); got.Cmp(want) != 0 {
			t.Fatalf("Magnitude(%g) = %v, want %v", x, got, want)
		}
		if math.Abs(x) >= 0x1p-12 && gridRat(gridInt(x), -64).Cmp(new(big.Rat).SetFloat64(x)) != 0 {
			t.Fatalf("%g is on the grid but moved", x)
		}
		if d := dist(x, gridRat(gridInt(x), -64)); d.Cmp(new(big.Rat).SetFloat64(MaxAbsError)) > 0 {
			t.Fatalf("%g moved by more than MaxAbsError", x)
		}
		// Add taken apart, for values that are not negative, is Add.
		var whole, parts Sum
		whole.Add(math.Abs(x))
		parts.AddMagnitude(Magnitude(x))
		if whole != parts {
			t.Fatalf("AddMagnitude(Magnitude(%g)) differs from Add", x)
		}
	})
}

func TestSumFloat64(t *testing.T) {
	// By hand. 2⁵³ + 1 lies halfway between the float64s 2⁵³ and 2⁵³ + 2 and rounds to the
	// even 2⁵³; 2⁵³ + 3 rounds to 2⁵³ + 4; 2⁵³ + 1 + 2⁻⁶⁴ is just above the tie, and only a
	// bit in the lowest word says so, so it rounds up to 2⁵³ + 2. 0.1 + 0.2 is the exact sum
	// of the two binary values, which IEEE addition (correctly rounded) also gives:
	// 0.3000000000000000444.
	for _, c := range []struct {
		name   string
		values []float64
		want   float64
	}{
		{"empty", nil, 0},
		{"cancelling", []float64{0.1, -0.1, 1e15, -1e15}, 0},
		{"tie to even below", []float64{0x1p51, 0x1p51, 0x1p51, 0x1p51, 1}, 0x1p53},
		{"tie to even above", []float64{0x1p51, 0x1p51, 0x1p51, 0x1p51, 3}, 0x1p53 + 4},
		{"sticky bit in the lowest word", []float64{0x1p51, 0x1p51, 0x1p51, 0x1p51, 1, 0x1p-64}, 0x1p53 + 2},
		{"negative tie", []float64{-0x1p51, -0x1p51, -0x1p51, -0x1p51, -1}, -0x1p53},
		{"0.1 + 0.2", []float64{0.1, 0.2}, 0.30000000000000004},
		{"one step", []float64{0x1p-64}, 0x1p-64},
		{"below the grid", []float64{0x1p-66, 0x1p-66, 0x1p-66}, 0},
	} {
		var s Sum
		for _, x := range c.values {
			s.Add(x)
		}
		if got := s.Float64(); got != c.want || math.Signbit(got) != math.Signbit(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// genSum draws a sum of up to 2⁶³ values of the largest magnitude: any integer of magnitude
// below 2¹⁷⁹, with digits spread over all three words.
func genSum(t *rapid.T) Sum {
	var s Sum
	s.w[0] = rapid.Uint64().Draw(t, "w0")
	s.w[1] = rapid.SampledFrom([]uint64{0, 1, 1 << 63, ^uint64(0)}).Draw(t, "w1 shape") ^ rapid.Uint64().Draw(t, "w1")
	s.w[2] = rapid.Uint64Range(0, 1<<50).Draw(t, "w2")
	switch rapid.IntRange(0, 3).Draw(t, "magnitude") {
	case 0:
		s.w[1], s.w[2] = 0, 0
	case 1:
		s.w[2] = 0
	}
	if rapid.Bool().Draw(t, "negative") {
		// two's complement: invert and add one
		n := Sum{w: [3]uint64{^s.w[0], ^s.w[1], ^s.w[2]}}
		n.Merge(Sum{w: [3]uint64{1, 0, 0}})
		s = n
	}
	return s
}

func TestPropertySumFloat64IsNearestEven(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSum(t)
		got := s.Float64()
		if !nearestEven(got, gridRat(s.Int(), -64)) {
			t.Fatalf("Float64 of %v·2⁻⁶⁴ = %v is not the nearest float64", s.Int(), got)
		}
	})
}

func TestPropertyTwoValuesReadOutAsIEEEAddition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// values on the grid (|x| ≥ 2⁻¹² or 0) whose IEEE sum is below 2⁵³
		onGrid := genValue().Filter(func(x float64) bool { return x == 0 || math.Abs(x) >= 0x1p-12 })
		a, b := onGrid.Draw(t, "a"), onGrid.Draw(t, "b")
		var s Sum
		s.Add(a)
		s.Add(b)
		if got, want := s.Float64(), a+b; got != want {
			t.Fatalf("%v + %v: %v, IEEE %v", a, b, got, want)
		}
		var m Moments
		m.Add(a)
		m.Add(b)
		if got, want := m.Mean(), (a+b)/2; got != want {
			t.Fatalf("mean of %v and %v: %v, IEEE %v", a, b, got, want)
		}
	})
}

// mergeTree adds values to accumulators made by fresh, merging them in a random binary tree
// of random splits, and returns the root. It adds to each leaf in a random order.
func mergeTree[A any](t *rapid.T, values []float64, fresh func() A, add func(A, float64), merge func(A, A)) A {
	if len(values) <= 1 || rapid.IntRange(0, 3).Draw(t, "leaf") == 0 {
		a := fresh()
		for _, i := range rapid.Permutation(indexes(len(values))).Draw(t, "order") {
			add(a, values[i])
		}
		return a
	}
	cut := rapid.IntRange(0, len(values)).Draw(t, "cut")
	left := mergeTree(t, values[:cut], fresh, add, merge)
	right := mergeTree(t, values[cut:], fresh, add, merge)
	if rapid.Bool().Draw(t, "swap") {
		left, right = right, left
	}
	merge(left, right)
	return left
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestPropertySumsAreOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		values := rapid.SliceOfN(genValue(), 0, 60).Draw(t, "values")
		var one Sum
		var mOne Moments
		want := new(big.Int)
		for _, x := range values {
			one.Add(x)
			mOne.Add(x)
			want.Add(want, exactQ(x))
		}
		if one.Int().Cmp(want) != 0 {
			t.Fatalf("sum %v, exact %v", one.Int(), want)
		}
		// Shuffle the records themselves too, so the split does not follow the input order.
		shuffled := rapid.Permutation(values).Draw(t, "shuffled")
		tree := mergeTree(t, shuffled, func() *Sum { return new(Sum) },
			func(s *Sum, x float64) { s.Add(x) },
			func(a, b *Sum) {
				// through the encoding, as a worker would ship it
				*b = ReadSum(b.Append(nil))
				a.Merge(*b)
			})
		if *tree != one {
			t.Fatalf("merged state %v, one pass %v", tree.w, one.w)
		}
		mTree := mergeTree(t, shuffled, func() *Moments { return new(Moments) },
			func(m *Moments, x float64) { m.Add(x) },
			func(a, b *Moments) {
				*b = ReadMoments(b.Append(nil))
				a.Merge(b)
			})
		if *mTree != mOne {
			t.Fatalf("merged moments %+v, one pass %+v", *mTree, mOne)
		}
		if mTree.Mean() != mOne.Mean() || mTree.SD() != mOne.SD() || mTree.Variance() != mOne.Variance() {
			t.Fatalf("equal states read out differently")
		}
	})
}

func TestAddMultiple(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := genValue().Filter(func(x float64) bool { return math.Abs(x) < 1e9 }).Draw(t, "x")
		k := rapid.Uint64Range(0, 1_000_000).Draw(t, "k")
		var s Sum
		s.AddMultiple(x, k)
		want := new(big.Int).Mul(exactQ(x), new(big.Int).SetUint64(k))
		if s.Int().Cmp(want) != 0 {
			t.Fatalf("%d × %g: %v, want %v", k, x, s.Int(), want)
		}
		if k <= 20 {
			var r Sum
			for range k {
				r.Add(x)
			}
			if r != s {
				t.Fatalf("%d × %g differs from %d additions", k, x, k)
			}
		}
	})
}

// TestHeadroom checks that 2⁶³ values of the largest magnitude do not overflow: one value
// merged into itself 63 times stands for 2⁶³ of them.
func TestHeadroom(t *testing.T) {
	for _, x := range []float64{0x1p52 - 0.5, -(0x1p52 - 0.5), 1e15, -1e15} {
		var s Sum
		var m Moments
		s.Add(x)
		m.Add(x)
		for range 63 {
			s.Merge(s)
			m.Merge(&m)
		}
		n := new(big.Int).Lsh(big.NewInt(1), 63)
		if want := new(big.Int).Mul(n, exactQ(x)); s.Int().Cmp(want) != 0 || m.Sum() != s {
			t.Errorf("2⁶³ × %g: %v, want %v", x, s.Int(), want)
		}
		// x·2⁶³ is exact in float64.
		if got := s.Float64(); got != x*0x1p63 {
			t.Errorf("2⁶³ × %g reads %v", x, got)
		}
		q := exactQ(x)
		wantSq := new(big.Int).Mul(n, new(big.Int).Mul(q, q))
		if got := wordsInt(m.sq[:]); got.Cmp(wantSq) != 0 {
			t.Errorf("2⁶³ squares of %g: %v, want %v", x, got, wantSq)
		}
	}
	// Below the wrap of the count: 2⁶² values read out exactly.
	var m Moments
	m.Add(-1e15)
	for range 62 {
		m.Merge(&m)
	}
	if m.Mean() != -1e15 || m.Variance() != 0 || m.SD() != 0 {
		t.Errorf("2⁶² × −1e15: mean %v, variance %v, sd %v", m.Mean(), m.Variance(), m.SD())
	}
}

func TestMoments(t *testing.T) {
	// By hand. 1 … 5: mean 3, Σq² = 55, variance (5·55 − 15²)/(5·4) = 2.5, and √2.5 is
	// rounded once, as IEEE's correctly rounded math.Sqrt(2.5) is. −1, 1: mean 0, variance
	// (2·2 − 0)/2 = 2. Equal values: variance 0 exactly. 0.5 and 2.25 hours: mean 1.375,
	// variance (2·(0.25 + 5.0625) − 2.75²)/2 = 3.0625/2 = 1.53125, exact, so the sd is IEEE's
	// math.Sqrt(1.53125). ±1e15: variance (2·2·10³⁰ − 0)/2 = 2·10³⁰, and √(2·10³⁰) =
	// 1414213562373095.0488… rounds to 1414213562373095 (float64s there are 0.25 apart).
	for _, c := range []struct {
		name           string
		values         []float64
		mean, variance float64
		sd             float64
	}{
		{"one to five", []float64{4, 2, 5, 1, 3}, 3, 2.5, math.Sqrt(2.5)},
		{"symmetric", []float64{-1, 1}, 0, 2, math.Sqrt2},
		{"equal", []float64{0.1, 0.1, 0.1}, 0.1, 0, 0},
		{"hours", []float64{0.5, 2.25}, 1.375, 1.53125, math.Sqrt(1.53125)},
		{"largest", []float64{1e15, -1e15}, 0, 2e30, 1414213562373095},
		{"one value", []float64{7}, 7, 0, 0},
		{"none", nil, 0, 0, 0},
	} {
		var m Moments
		for _, x := range c.values {
			m.Add(x)
		}
		got := []float64{m.Mean(), m.Variance(), m.SD()}
		if diff := cmp.Diff([]float64{c.mean, c.variance, c.sd}, got); diff != "" {
			t.Errorf("%s: -want +got\n%s", c.name, diff)
		}
	}
}

// exactMoments returns the exact mean and variance of the values' grid points.
func exactMoments(values []float64) (mean, variance *big.Rat) {
	n := int64(len(values))
	s, q := new(big.Int), new(big.Int)
	for _, x := range values {
		k := exactQ(x)
		s.Add(s, k)
		q.Add(q, new(big.Int).Mul(k, k))
	}
	mean = gridRat(s, -64)
	mean.Quo(mean, new(big.Rat).SetInt64(n))
	num := new(big.Int).Mul(q, big.NewInt(n))
	num.Sub(num, new(big.Int).Mul(s, s))
	variance = gridRat(num, -128)
	variance.Quo(variance, new(big.Rat).SetInt64(n*(n-1)))
	return mean, variance
}

// sqrtNearestEven reports whether f is the float64 nearest to √v, ties to even: the
// midpoints between f and its neighbours bracket √v, compared by their squares.
func sqrtNearestEven(f float64, v *big.Rat) bool {
	if f == 0 {
		return v.Sign() == 0
	}
	mid := func(g float64) *big.Rat {
		m := new(big.Rat).SetFloat64(f)
		m.Add(m, new(big.Rat).SetFloat64(g))
		m.Quo(m, big.NewRat(2, 1))
		return m.Mul(m, m)
	}
	lo, hi := mid(math.Nextafter(f, 0)), mid(math.Nextafter(f, math.Inf(1)))
	even := math.Float64bits(f)&1 == 0
	c1, c2 := lo.Cmp(v), v.Cmp(hi)
	return (c1 < 0 || c1 == 0 && even) && (c2 < 0 || c2 == 0 && even)
}

func TestPropertyMomentsReadOutsAreCorrectlyRounded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		values := rapid.SliceOfN(genValue(), 2, 40).Draw(t, "values")
		if rapid.Bool().Draw(t, "close values") {
			// nearly equal values, where a floating-point variance cancels
			base := genValue().Draw(t, "base")
			for i := range values {
				values[i] = base + float64(rapid.IntRange(-3, 3).Draw(t, "offset"))*0x1p-40
				if math.Abs(values[i]) >= Limit {
					values[i] = base
				}
			}
		}
		var m Moments
		for _, x := range values {
			m.Add(x)
		}
		mean, variance := exactMoments(values)
		if got := m.Mean(); !nearestEven(got, mean) {
			t.Fatalf("mean %v is not the nearest float64 to %v", got, mean.FloatString(30))
		}
		if got := m.Variance(); !nearestEven(got, variance) {
			t.Fatalf("variance %v is not the nearest float64 to %v", got, variance.FloatString(40))
		}
		if got := m.SD(); !sqrtNearestEven(got, variance) {
			t.Fatalf("sd %v is not the nearest float64 to √%v", got, variance.FloatString(40))
		}
		if !m.Consistent(Limit - 0.5) {
			t.Fatalf("a state from Add is not consistent")
		}
	})
}

func TestPropertyRatioReadOuts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		num := new(big.Int).SetUint64(rapid.Uint64().Draw(t, "num"))
		num.Lsh(num, uint(rapid.IntRange(0, 200).Draw(t, "num shift")))
		if rapid.Bool().Draw(t, "negative") {
			num.Neg(num)
		}
		den := new(big.Int).SetUint64(rapid.Uint64Range(1, math.MaxUint64).Draw(t, "den"))
		den.Lsh(den, uint(rapid.IntRange(0, 100).Draw(t, "den shift")))
		exp := rapid.IntRange(-300, 0).Draw(t, "exp")
		v := new(big.Rat).SetFrac(num, den)
		v.Mul(v, gridRat(big.NewInt(1), exp))
		if got := roundRatio(num, den, exp); !nearestEven(got, v) {
			t.Fatalf("roundRatio(%v, %v, %d) = %v", num, den, exp, got)
		}
		if num.Sign() < 0 {
			num.Neg(num)
		}
		sv := new(big.Rat).SetFrac(num, den)
		sv.Mul(sv, gridRat(big.NewInt(1), 2*exp))
		if got := sqrtRatio(num, den, exp); !sqrtNearestEven(got, sv) {
			t.Fatalf("sqrtRatio(%v, %v, %d) = %v", num, den, exp, got)
		}
	})
}

func TestRatioTies(t *testing.T) {
	// By hand: (2⁵³ + 1)/1 is a tie between 2⁵³ and 2⁵³ + 2 and goes to the even 2⁵³;
	// (2⁵³ + 3)/1 goes to 2⁵³ + 4; (2⁵⁴ + 2)/2 is the first case again; the square root of a
	// perfect square is exact: √(9·2⁻¹²⁸) = 3·2⁻⁶⁴; √2 rounded once is IEEE's math.Sqrt(2).
	p53 := new(big.Int).Lsh(big.NewInt(1), 53)
	one := big.NewInt(1)
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"tie below", roundRatio(new(big.Int).Add(p53, one), one, 0), 0x1p53},
		{"tie above", roundRatio(new(big.Int).Add(p53, big.NewInt(3)), one, 0), 0x1p53 + 4},
		{"scaled tie", roundRatio(new(big.Int).Add(new(big.Int).Lsh(p53, 1), big.NewInt(2)), big.NewInt(2), 0), 0x1p53},
		{"negative tie", roundRatio(new(big.Int).Neg(new(big.Int).Add(p53, one)), one, 0), -0x1p53},
		{"a third", roundRatio(one, big.NewInt(3), 0), 1.0 / 3},
		{"exact square root", sqrtRatio(big.NewInt(9), one, -64), 3 * 0x1p-64},
		{"√2", sqrtRatio(big.NewInt(2), one, 0), math.Sqrt2},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestCompareAndBound(t *testing.T) {
	sum := func(xs ...float64) Sum {
		var s Sum
		for _, x := range xs {
			s.Add(x)
		}
		return s
	}
	values := []Sum{sum(-1e15, -1e15), sum(-1), sum(-0x1p-64), sum(), sum(0x1p-64), sum(0.5), sum(1), sum(1e15, 1e15)}
	for i, a := range values {
		for j, b := range values {
			if got, want := a.Cmp(b), compareInts(i, j); got != want {
				t.Errorf("Cmp(%v, %v) = %d, want %d", a.Float64(), b.Float64(), got, want)
			}
		}
		if got, want := a.Sign(), a.Cmp(Sum{}); got != want {
			t.Errorf("Sign(%v) = %d", a.Float64(), got)
		}
	}
	for _, c := range []struct {
		s    Sum
		n    int64
		max  float64
		want bool
	}{
		{sum(), 0, 1e15, true},
		{sum(0x1p-64), 0, 1e15, false},
		{sum(1e15, 1e15), 2, 1e15, true},
		{sum(1e15, 1e15, 0x1p-64), 2, 1e15, false},
		{sum(-1e15, -1e15), 2, 1e15, true},
		{sum(-1e15, -1e15, -0x1p-64), 2, 1e15, false},
		{sum(1e15), math.MaxInt64, 1e15, true},
		{sum(1), -1, 1e15, false},
	} {
		if got := c.s.Bounded(c.n, c.max); got != c.want {
			t.Errorf("Bounded(%v, %d, %g) = %v", c.s.Float64(), c.n, c.max, got)
		}
	}
	// Consistent: a state from Add passes; a count that does not fit its sums fails.
	var m Moments
	m.Add(3)
	m.Add(-1)
	if !m.Consistent(1e15) {
		t.Errorf("consistent moments refused")
	}
	for _, bad := range []Moments{
		{n: -1},
		{n: 0, sum: sum(1)},
		{n: 1, sum: sum(2), sq: [5]uint64{0, 0, 3}},          // (Σk)² = 4·2¹²⁸ ≠ Σk² = 3·2¹²⁸
		{n: 2, sum: sum(4), sq: [5]uint64{0, 0, 7}},          // (Σk)² = 16·2¹²⁸ > 2·Σk²
		{n: 1, sum: sum(2e15), sq: [5]uint64{0, 0, 0, 0, 1}}, // beyond 1e15 per value
	} {
		if bad.Consistent(1e15) {
			t.Errorf("inconsistent moments %+v accepted", bad)
		}
	}
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestEncoding(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		values := rapid.SliceOfN(genValue(), 0, 20).Draw(t, "values")
		var s Sum
		var m Moments
		for _, x := range values {
			s.Add(x)
			m.Add(x)
		}
		b := s.Append([]byte("prefix"))
		if len(b) != 6+SumSize || ReadSum(b[6:]) != s {
			t.Fatalf("sum encoding does not round-trip")
		}
		mb := m.Append(nil)
		if len(mb) != MomentsSize || ReadMoments(mb) != m {
			t.Fatalf("moments encoding does not round-trip")
		}
	})
	// By hand: 1.5 is 2⁶⁴ + 2⁶³: words 2⁶³, 1, 0; −1.5 is their two's complement.
	var s Sum
	s.Add(-1.5)
	want := []byte{0, 0, 0, 0, 0, 0, 0, 0x80, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	if diff := cmp.Diff(want, s.Append(nil)); diff != "" {
		t.Errorf("−1.5: -want +got\n%s", diff)
	}
}

// FuzzSum checks, for any three values in range and any multiplier, that the sum does not
// depend on the order of additions, equals the exact sum of the grid points, and reads out
// correctly rounded.
func FuzzSum(f *testing.F) {
	f.Add(0.1, 0.2, 0.3, uint16(3))
	f.Add(1e15, -1e15, 0x1p-65, uint16(0))
	f.Add(0x1p52-0.5, 0x1p52-0.5, -5e-324, uint16(1000))
	f.Add(math.NaN(), 1.0, 2.0, uint16(1))
	f.Fuzz(func(t *testing.T, a, b, c float64, k uint16) {
		values := []float64{a, b, c}
		for _, x := range values {
			if !(math.Abs(x) < Limit) {
				return
			}
		}
		want := new(big.Int)
		for _, x := range values {
			want.Add(want, exactQ(x))
		}
		var first Sum
		var firstM Moments
		for i, p := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
			var s Sum
			var m Moments
			for _, j := range p {
				s.Add(values[j])
				m.Add(values[j])
			}
			if s.Int().Cmp(want) != 0 {
				t.Fatalf("sum %v, exact %v", s.Int(), want)
			}
			if i == 0 {
				first, firstM = s, m
			} else if s != first || m != firstM {
				t.Fatalf("order changed the state")
			}
		}
		if got := first.Float64(); !nearestEven(got, gridRat(want, -64)) {
			t.Fatalf("read-out %v of %v·2⁻⁶⁴", got, want)
		}
		mean, variance := exactMoments(values)
		if !nearestEven(firstM.Mean(), mean) || !nearestEven(firstM.Variance(), variance) || !sqrtNearestEven(firstM.SD(), variance) {
			t.Fatalf("moments read out wrongly: %v %v %v", firstM.Mean(), firstM.Variance(), firstM.SD())
		}
		if math.Abs(a) < 1e9 {
			var s Sum
			s.AddMultiple(a, uint64(k))
			if s.Int().Cmp(new(big.Int).Mul(exactQ(a), big.NewInt(int64(k)))) != 0 {
				t.Fatalf("%d × %g", k, a)
			}
		}
	})
}

// FuzzReadMoments checks that any bytes decode, that a state that passes Consistent reads
// out finite numbers with a variance that is not negative, and that re-encoding gives the
// same bytes.
func FuzzReadMoments(f *testing.F) {
	var m Moments
	f.Add(m.Append(nil))
	m.Add(0.5)
	m.Add(-2.25)
	f.Add(m.Append(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < MomentsSize {
			return
		}
		m := ReadMoments(data)
		if !slices.Equal(m.Append(nil), data[:MomentsSize]) {
			t.Fatalf("re-encoding differs")
		}
		if !m.Consistent(1e15) {
			return
		}
		for _, v := range []float64{m.Mean(), m.Variance(), m.SD(), m.Sum().Float64()} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("consistent state reads out %v", v)
			}
		}
		if m.Variance() < 0 {
			t.Fatalf("negative variance")
		}
	})
}

var (
	sinkFloat float64
	sinkSum   Sum
)

func BenchmarkSumAdd(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for i := 0; i < b.N; i++ {
		s.Add(0.25 * float64(i&1023))
	}
	sinkSum = s
}

func BenchmarkSumAddTiny(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for i := 0; i < b.N; i++ {
		s.Add(0x1p-70 * float64(i&1023))
	}
	sinkSum = s
}

func BenchmarkSumMerge(b *testing.B) {
	b.ReportAllocs()
	var s, o Sum
	o.Add(2.75)
	for i := 0; i < b.N; i++ {
		s.Merge(o)
	}
	sinkSum = s
}

func BenchmarkSumFloat64(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for i := range 1000 {
		s.Add(float64(i) * 0.37)
	}
	for i := 0; i < b.N; i++ {
		sinkFloat = s.Float64()
	}
}

func BenchmarkMomentsAdd(b *testing.B) {
	b.ReportAllocs()
	var m Moments
	for i := 0; i < b.N; i++ {
		m.Add(float64(i&1023) - 511.75)
	}
	sinkFloat = float64(m.n)
}

func BenchmarkMomentsSD(b *testing.B) {
	b.ReportAllocs()
	var m Moments
	for i := range 1000 {
		m.Add(float64(i) * 0.37)
	}
	for i := 0; i < b.N; i++ {
		sinkFloat = m.SD()
	}
}
