package indicator

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// TestWilsonNewcombe checks the Wilson score interval against the published worked
// examples of Newcombe RG (1998), "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Stat Med 17:857–872, Table II, method 3
// (score interval without continuity correction), given there to 4 decimal places; the
// first is also the worked example of Newcombe & Altman in Statistics with Confidence
// (2000), p 47 (81/263: 0.255 to 0.366).
func TestWilsonNewcombe(t *testing.T) {
	cases := []struct {
		x, n   float64
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, c := range cases {
		iv, err := WilsonLimits(c.x, c.n, 0.95)
		if err != nil {
			t.Fatalf("WilsonLimits(%v, %v): %v", c.x, c.n, err)
		}
		if math.Abs(iv.Lower-c.lo) > 0.00005 || math.Abs(iv.Upper-c.hi) > 0.00005 {
			t.Errorf("WilsonLimits(%v, %v) = [%.6f, %.6f], want [%.4f, %.4f]", c.x, c.n, iv.Lower, iv.Upper, c.lo, c.hi)
		}
	}
}

// TestWilsonFullPrecision checks the limits to 1e-9 relative against the formula evaluated
// by hand at 40 significant digits (Python mpmath), with z(0.95) = 1.959963984540054…,
// z(0.998) = 3.090232306167813…. For 81/263 at 95 %:
//
//	z² = 3.841458820694124, 4x(1 − x/n) = 324·(182/263) = 224.2129277566540
//	√(z² + 224.2129…) = 15.10148…, × z = 29.5983…
//	lower = (162 + 3.84146 − 29.5983)/(2·266.84146) = 0.255288519878
//	upper = (162 + 3.84146 + 29.5983)/(2·266.84146) = 0.366209576983
func TestWilsonFullPrecision(t *testing.T) {
	cases := []struct {
		name string
		x, n float64
		c    float64
		want Interval
	}{
		{"81/263", 81, 263, 0.95, Interval{0.95, 0.255288519878, 0.366209576983}},
		{"15/148", 15, 148, 0.95, Interval{0.95, 0.0623863995307, 0.160487241723}},
		{"0/20 lower is exactly 0", 0, 20, 0.95, Interval{0.95, 0, 0.161125158053}},
		{"1/29", 1, 29, 0.95, Interval{0.95, 0.00611321429276, 0.171755218793}},
		{"29/29 upper is exactly 1", 29, 29, 0.95, Interval{0.95, 0.8830302015, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := WilsonLimits(c.x, c.n, c.c)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
				t.Errorf("-want +got\n%s", diff)
			}
		})
	}
}

// TestByarHand checks Byar's limits against the formula worked by hand at 40 digits
// (Python mpmath). For o = 10 at 95 % (z = 1.959963984540054):
//
//	a = 1 − 1/90 − z/(3√10) = 1 − 0.0111111 − 0.2066005 = 0.782290544787368
//	lower = 10·a³ = 4.78744991396756
//	b = 1 − 1/99 + z/(3√11) = 1 − 0.0101010 + 0.1969838 = 1.18688278199988
//	upper = 11·b³ = 18.3914586057565
//
// which is within 0.2 % of the exact interval [4.7954, 18.3904], as the PHE technical
// guide on confidence intervals says Byar's method is from 10 events.
func TestByarHand(t *testing.T) {
	cases := []struct {
		o, c float64
		want Interval
	}{
		{10, 0.95, Interval{0.95, 4.78744991396756, 18.3914586057565}},
		{10, 0.998, Interval{0.998, 2.91631837469569, 24.1937249278805}},
		{100, 0.95, Interval{0.95, 81.3621054905279, 121.627937579206}},
		{100, 0.998, Interval{0.998, 71.9036918725984, 134.943621762263}},
		{1000, 0.95, Interval{0.95, 938.97249871549, 1063.95258127149}},
		{1000, 0.998, Interval{0.998, 905.114954595967, 1101.63294512277}},
	}
	for _, c := range cases {
		got, err := ByarLimits(c.o, c.c)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
			t.Errorf("ByarLimits(%v, %v) -want +got\n%s", c.o, c.c, diff)
		}
	}
}

// exactTable holds exact Poisson count limits computed independently from Garwood's
// definition, lower = χ²⁻¹((1−c)/2; 2o)/2 and upper = χ²⁻¹((1+c)/2; 2o+2)/2, by bisection
// on the regularised incomplete gamma function at 40 significant digits (Python mpmath).
// The 95 % rows agree with the limits tabulated in standard references (o = 0: 0–3.689;
// o = 1: 0.0253–5.572; o = 10: 4.795–18.39), and the 99.8 % limit for o = 0 is
// −ln(0.001) = 6.907755. The rows at other levels were computed the same way (bisection,
// 200 halvings, on mpmath 1.3.0's gammainc at 40 digits) from the tail probabilities
// (1 − c)/2 and 1 − (c + (1 − c)/2) formed in binary64 as the code forms them: at
// c = 0.9999999 the level's binary value alone moves 1 − c by 6e-9 relative, more than the
// tolerance. By hand, the lower limits for o = 1 are −ln(1 − (1 − c)/2): 0.0512932943875505
// at 90 %.
var exactTable = []struct {
	o, c float64
	want Interval
}{
	{0, 0.95, Interval{0.95, 0, 3.68887945411394}},
	{0, 0.998, Interval{0.998, 0, 6.90775527898214}},
	{1, 0.95, Interval{0.95, 0.0253178079842899, 5.5716433909389}},
	{1, 0.998, Interval{0.998, 0.00100050033358353, 9.23341347645159}},
	{2, 0.95, Interval{0.95, 0.242209278543965, 7.22468766772396}},
	{2, 0.998, Interval{0.998, 0.0454020177694896, 11.2288722424127}},
	{5, 0.95, Interval{0.95, 1.62348639011842, 11.6683320793227}},
	{5, 0.998, Interval{0.998, 0.739371731917833, 16.4547452036801}},
	{9, 0.95, Interval{0.95, 4.11537309737833, 17.0848034514192}},
	{9, 0.998, Interval{0.998, 2.45242440436377, 22.6573733090629}},
	{10, 0.95, Interval{0.95, 4.79538869613243, 18.3903560420178}},
	{10, 0.998, Interval{0.998, 2.96052037274376, 24.1339711454176}},
	{3.5, 0.95, Interval{0.95, 0.844934590338677, 9.51138389932082}},
	{3.5, 0.9, Interval{0.9, 1.08367495464903, 8.45948880231022}},
	{1, 0.9, Interval{0.9, 0.0512932943875505, 4.74386451839058}},
	{2, 0.9, Interval{0.9, 0.355361510698662, 6.29579362187199}},
	{4, 0.9, Interval{0.9, 1.36631839674983, 9.15351902663757}},
	{7, 0.9, Interval{0.9, 3.28531569189467, 13.1481138024321}},
	{9, 0.9, Interval{0.9, 4.69522754034449, 15.7052164221155}},
	{1, 0.99, Interval{0.99, 0.00501254182354429, 7.43012950028012}},
	{2, 0.99, Interval{0.99, 0.103494546748091, 9.27379208925554}},
	{4, 0.99, Interval{0.99, 0.672206543507405, 12.5940897859856}},
	{7, 0.99, Interval{0.99, 2.03733747869967, 17.1335932689133}},
	{9, 0.99, Interval{0.99, 3.13240234225323, 19.9984231564693}},
	{1, 0.99999, Interval{0.99999, 5.00001250001891e-6, 14.9772377118358}},
	{2, 0.99999, Interval{0.99999, 0.0031656158327291, 17.3333386228638}},
	{4, 0.99999, Interval{0.99999, 0.106921676326185, 21.4934301000623}},
	{7, 0.99999, Interval{0.99999, 0.640052415210149, 27.0484137142764}},
	{9, 0.99999, Interval{0.99999, 1.20434135157621, 30.4947646839228}},
	{1, 0.9999999, Interval{0.9999999, 5.00000012236822e-8, 19.8485260876617}},
	{2, 0.9999999, Interval{0.9999999, 0.000316261104098984, 22.427759170661}},
	{4, 0.9999999, Interval{0.9999999, 0.0333186751830601, 26.9650284679444}},
	{7, 0.9999999, Interval{0.9999999, 0.318543084120644, 32.9881909779917}},
	{9, 0.9999999, Interval{0.9999999, 0.685828089803531, 36.7066163128928}},
	{1, 0.999999999999, Interval{0.999999999999, 4.99988939140064e-13, 31.8149640316891}},
	{2, 0.999999999999, Interval{0.999999999999, 9.99989272404879e-7, 34.7868751583325}},
	{4, 0.999999999999, Interval{0.999999999999, 0.00186189260305806, 40.0044266528071}},
	{7, 0.999999999999, Interval{0.999999999999, 0.0595468156786074, 46.8912576001466}},
	{9, 0.999999999999, Interval{0.999999999999, 0.181486605709599, 51.1184215896376}},
}

func TestExactPoisson(t *testing.T) {
	for _, c := range exactTable {
		got, err := ExactPoissonLimits(c.o, c.c)
		if err != nil {
			t.Fatal(err)
		}
		// 1e-12 relative; the references are given to 15 significant digits.
		if diff := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-12, 1e-15)); diff != "" {
			t.Errorf("ExactPoissonLimits(%v, %v) -want +got\n%s", c.o, c.c, diff)
		}
	}
}

func TestPoissonLimitsSwitchesAtTen(t *testing.T) {
	// phe_rate: exact below 10 events, Byar's from 10 (equality-methods notes §1.2).
	for _, c := range []struct {
		o    float64
		want Method
	}{{0, MethodExactPoisson}, {9, MethodExactPoisson}, {9.999, MethodExactPoisson}, {10, MethodByar}, {1e6, MethodByar}} {
		_, m, err := PoissonLimits(c.o, 0.95)
		if err != nil || m != c.want {
			t.Errorf("PoissonLimits(%v) method = %v, %v; want %v", c.o, m, err, c.want)
		}
	}
}

func TestLimitErrors(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"wilson x > n", second(WilsonLimits(5, 4, 0.95)), ErrOutOfRange},
		{"wilson n = 0", second(WilsonLimits(0, 0, 0.95)), ErrOutOfRange},
		{"wilson NaN", second(WilsonLimits(nan, 4, 0.95)), ErrOutOfRange},
		{"wilson level 1", second(WilsonLimits(1, 4, 1)), ErrOutOfRange},
		{"wilson level 0.5", second(WilsonLimits(1, 4, 0.5)), ErrOutOfRange},
		{"wilson level 95 (percent)", second(WilsonLimits(1, 4, 95)), ErrOutOfRange},
		{"byar zero", second(ByarLimits(0, 0.95)), ErrOutOfRange},
		{"byar negative cube", second(ByarLimits(0.1, 0.998)), ErrUndefined},
		{"byar Inf", second(ByarLimits(math.Inf(1), 0.95)), ErrOutOfRange},
		{"exact negative", second(ExactPoissonLimits(-1, 0.95)), ErrOutOfRange},
		{"exact huge", second(ExactPoissonLimits(1e16, 0.95)), ErrOutOfRange},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
		}
		var fe *FieldError
		if !errors.As(c.err, &fe) || fe.Path == "" {
			t.Errorf("%s: error %v is not a located *FieldError", c.name, c.err)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// genLevel draws a confidence level in [0.9, 1), favouring the published ones.
func genLevel() *rapid.Generator[float64] {
	return rapid.OneOf(rapid.Just(0.95), rapid.Just(0.998), rapid.Float64Range(0.9, 0.999999))
}

func TestPropertyWilsonBracketsAndStaysInUnitInterval(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.Float64Range(1e-3, 1e12).Draw(t, "n")
		x := rapid.Float64Range(0, 1).Draw(t, "share") * n
		c := genLevel().Draw(t, "level")
		iv, err := WilsonLimits(x, n, c)
		if err != nil {
			t.Fatal(err)
		}
		if !(0 <= iv.Lower && iv.Lower <= x/n*(1+1e-12) && x/n <= iv.Upper*(1+1e-12) && iv.Upper <= 1) {
			t.Fatalf("limits %v do not bracket %v within [0, 1]", iv, x/n)
		}
	})
}

func TestPropertyPoissonLimitsBracketAndGrowWithEvents(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := float64(rapid.IntRange(0, 100000).Draw(t, "events"))
		c := genLevel().Draw(t, "level")
		iv, _, err := PoissonLimits(o, c)
		if err != nil {
			t.Fatal(err)
		}
		if !(iv.Lower <= o && o <= iv.Upper && iv.Lower >= 0) {
			t.Fatalf("limits %v do not bracket %v", iv, o)
		}
		next, _, err := PoissonLimits(o+1, c)
		if err != nil {
			t.Fatal(err)
		}
		if !(next.Lower > iv.Lower || (o == 0 && next.Lower >= iv.Lower)) || !(next.Upper > iv.Upper) {
			t.Fatalf("limits not increasing in events: %v then %v", iv, next)
		}
		// a higher level gives a wider interval
		wider, _, _ := PoissonLimits(o, math.Min(c+(1-c)/2, 0.9999999))
		if wider.Lower > iv.Lower || wider.Upper < iv.Upper {
			t.Fatalf("interval at a higher level is not wider: %v vs %v", wider, iv)
		}
	})
}

func TestPropertyExactCachedEqualsComputed(t *testing.T) {
	for x := range SmallCount {
		for _, c := range defaultLevels {
			want, _ := exactPoisson(float64(x), c)
			got, _ := ExactPoissonLimits(float64(x), c)
			if got != want {
				t.Errorf("cached exact limits for %d at %v = %v, computed %v", x, c, got, want)
			}
		}
	}
}

var sinkInterval Interval

func BenchmarkWilsonLimits(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInterval, _ = WilsonLimits(81, 263, 0.95)
	}
}

func BenchmarkWilsonLimitsOtherLevel(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInterval, _ = WilsonLimits(81, 263, 0.9)
	}
}

func BenchmarkByarLimits(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInterval, _ = ByarLimits(117, 0.998)
	}
}

func BenchmarkExactPoissonLimits(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInterval, _ = ExactPoissonLimits(7, 0.95)
	}
}

func BenchmarkExactPoissonLimitsOtherLevel(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInterval, _ = ExactPoissonLimits(7, 0.9)
	}
}

// Whole counts below 10 at levels away from the two tabulated ones (target ≤ 200 ns).
func BenchmarkExactPoissonLimitsLevels(b *testing.B) {
	for _, o := range []float64{1, 2, 9} {
		for _, c := range []float64{0.9, 0.99, 0.9999999, 1 - 1e-15} {
			b.Run(fmt.Sprintf("o=%v/c=%v", o, c), func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					sinkInterval, _ = ExactPoissonLimits(o, c)
				}
			})
		}
	}
}

// The table of roots starts every Halley step of exactSmall close enough for one step to
// suffice, at every tail probability a level in [0.9, 1) gives: within 1e-6 relative of
// the root (limits falls back to solveTail beyond that), which one step takes to ~1e-18.
func TestRootTableStartsClose(t *testing.T) {
	tb := poissonRoots()
	worst := 0.0
	for x := -math.Log(0.0500000000000001); x <= -math.Log(5e-17); x += 0.00731 {
		p := math.Exp(-x)
		u := (math.Sqrt(x) - tb.r0) / rootStep
		i := int(u)
		if u < 0 || i >= rootNodes-1 {
			t.Fatalf("p = %v is beyond the table", p)
		}
		for k := 1; k < SmallCount; k++ {
			for _, upper := range []bool{false, true} {
				if !upper && k < 2 {
					continue
				}
				want, ok := solveTail(k, p, upper)
				if !ok {
					t.Fatalf("no root for k = %d at p = %v", k, p)
				}
				var got float64
				if upper {
					got = hermite(tb.upper[k][i], tb.upper[k][i+1], u-float64(i))
				} else {
					got = math.Exp(hermite(tb.lower[k][i], tb.lower[k][i+1], u-float64(i)))
				}
				worst = max(worst, math.Abs(got-want)/want)
			}
		}
	}
	if worst > 1e-6 {
		t.Errorf("a start is %.3g from its root, relatively; more than 1e-6", worst)
	}
	t.Logf("starts within %.2g of the roots", worst)
}

// TestExactSmallMatchesChiSquare checks the Poisson-tail solution for whole counts below 10
// against the chi-square quantiles (gonum, a port of Cephes) at levels across [0.9, 1).
func TestExactSmallMatchesChiSquare(t *testing.T) {
	levels := []float64{0.9, 0.95, 0.975, 0.99, 0.995, 0.998, 0.999, 0.9999, 0.999999, 0.99999999, 1 - 1e-15}
	for k := range SmallCount {
		for _, c := range levels {
			want, err := exactPoisson(float64(k), c)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := exactSmall(k, c)
			if !ok {
				t.Fatalf("no convergence for %d at %v", k, c)
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-300)); diff != "" {
				t.Errorf("k = %d, c = %v: -quantiles +tails\n%s", k, c, diff)
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		k := rapid.IntRange(0, SmallCount-1).Draw(t, "k")
		// 1 − c log-uniform from 0.1 down to 1e-15
		c := 1 - math.Pow(10, -rapid.Float64Range(1, 15).Draw(t, "digits"))
		want, _ := exactPoisson(float64(k), c)
		got, ok := exactSmall(k, c)
		if !ok || !cmp.Equal(want, got, cmpopts.EquateApprox(1e-12, 1e-300)) {
			t.Fatalf("k = %d, c = %v: quantiles %v, tails %v (%v)", k, c, want, got, ok)
		}
	})
}

// Levels so close to 1 that c + (1 − c)/2 rounds to 1 in float64 have no finite exact upper
// limit; they are refused, never answered with an empty interval.
func TestLevelsTooCloseToOneAreRefused(t *testing.T) {
	for _, c := range []float64{1 - 0x1p-53, 1 - 1e-16, math.Nextafter(1, 0)} {
		if _, err := ExactPoissonLimits(0, c); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("ExactPoissonLimits(0, %v): err = %v, want ErrOutOfRange", c, err)
		}
		if _, err := WilsonLimits(3, 10, c); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("WilsonLimits(3, 10, %v): err = %v, want ErrOutOfRange", c, err)
		}
	}
	if _, err := ExactPoissonLimits(1, MaxLevel); err != nil {
		t.Errorf("ExactPoissonLimits(1, MaxLevel): %v", err)
	}
}
