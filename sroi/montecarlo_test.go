package sroi

import (
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestSimulationIsReproducible(t *testing.T) {
	m := benchModel()
	s := Simulation{Draws: 2100, Seed: 42} // three streams of draws
	first, err := Simulate(m, s)
	if err != nil {
		t.Fatal(err)
	}
	// The same seed gives bit-for-bit the same figures, whatever the workers or GOMAXPROCS.
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		for _, workers := range []int{0, 1, 3, 8} {
			s.Workers = workers
			again, err := Simulate(m, s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first, again); diff != "" {
				t.Fatalf("GOMAXPROCS %d, %d workers (-first +again):\n%s", procs, workers, diff)
			}
		}
	}
	s.Seed = 43
	other, _ := Simulate(m, s)
	if other.Ratio.Mean == first.Ratio.Mean {
		t.Errorf("a different seed gave the same mean")
	}
	// A model's own simulation is run by Evaluate.
	m.Simulation = &Simulation{Draws: 2100, Seed: 42}
	r := mustEvaluate(t, m)
	if diff := cmp.Diff(&first, r.Simulation); diff != "" {
		t.Errorf("Evaluate's simulation differs (-Simulate +Evaluate):\n%s", diff)
	}
}

func TestSimulationOfPointsIsDeterministic(t *testing.T) {
	// With no distribution (or only points) every draw is the deterministic model, so the
	// simulated ratio equals Evaluate's to float64 precision and has no spread.
	m := publicValue(false)
	m.Outcomes[0].Uncertainty = &Uncertainty{Deadweight: &Distribution{Shape: Point, Mode: d("0.4")}}
	r := mustEvaluate(t, m)
	s, err := Simulate(m, Simulation{Draws: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := approx(r.Ratio)
	for _, x := range []float64{s.Ratio.Mean, s.Ratio.Min, s.Ratio.Max, s.Ratio.Percentiles[2].Value} {
		if math.Abs(x-want) > 1e-14*want {
			t.Errorf("simulated ratio %v, want %v", x, want)
		}
	}
	if s.Ratio.StdDev > 1e-14 || s.ProbabilityAboveOne != 1 {
		t.Errorf("spread %v, P(>1) %v", s.Ratio.StdDev, s.ProbabilityAboveOne)
	}
	if math.Abs(s.NetPresentValue.Mean-approx(r.NetPresentValue)) > 1e-8 {
		t.Errorf("simulated NPV %v, want %v", s.NetPresentValue.Mean, approx(r.NetPresentValue))
	}
}

func TestSamplers(t *testing.T) {
	// Moments of each shape against their textbook formulas (Vose 2008, Risk Analysis, 3rd
	// ed., §III): uniform mean (a+b)/2, variance (b−a)²/12; triangular mean (a+c+b)/3,
	// variance (a²+b²+c²−ab−ac−bc)/18; PERT mean μ = (a+4c+b)/6, variance (μ−a)(b−μ)/7.
	// Tolerances are five standard errors of the draws.
	n := 200000
	if testing.Short() {
		n = 50000
	}
	a, c, b := 2.0, 3.0, 10.0
	pertMean := (a + 4*c + b) / 6
	cases := []struct {
		name       string
		dist       *Distribution
		mean, vari float64
	}{
		{"uniform", &Distribution{Shape: Uniform, Min: d("2"), Max: d("10")}, (a + b) / 2, (b - a) * (b - a) / 12},
		{"triangular", &Distribution{Shape: Triangular, Min: d("2"), Mode: d("3"), Max: d("10")}, (a + b + c) / 3, (a*a + b*b + c*c - a*b - a*c - b*c) / 18},
		{"pert", &Distribution{Shape: PERT, Min: d("2"), Mode: d("3"), Max: d("10")}, pertMean, (pertMean - a) * (b - pertMean) / 7},
	}
	for _, tc := range cases {
		f := newFdist(tc.dist)
		r := rand.New(rand.NewPCG(7, 0))
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = f.draw(r)
			if xs[i] < a || xs[i] > b {
				t.Fatalf("%s draw %v outside [%v, %v]", tc.name, xs[i], a, b)
			}
		}
		s := summarise(xs, []float64{0.5})
		se := math.Sqrt(tc.vari / float64(n))
		if math.Abs(s.Mean-tc.mean) > 5*se {
			t.Errorf("%s mean %v, want %v ± %v", tc.name, s.Mean, tc.mean, 5*se)
		}
		if v := s.StdDev * s.StdDev; math.Abs(v-tc.vari) > 0.02*tc.vari {
			t.Errorf("%s variance %v, want %v", tc.name, v, tc.vari)
		}
	}
	// Whole-year uniform durations 3 … 6 are drawn evenly.
	f := newFdist(&Distribution{Shape: Uniform, Min: d("3"), Max: d("6")})
	r := rand.New(rand.NewPCG(7, 1))
	counts := map[int]int{}
	for range 40000 {
		counts[f.drawYears(r)]++
	}
	for y := 3; y <= 6; y++ {
		if math.Abs(float64(counts[y])-10000) > 5*math.Sqrt(40000*0.25*0.75) {
			t.Errorf("duration %d drawn %d times of 40,000", y, counts[y])
		}
	}
	if len(counts) != 4 {
		t.Errorf("durations outside 3 … 6: %v", counts)
	}
}

func TestQuantile7(t *testing.T) {
	// Hyndman and Fan definition 7 (R's quantile(x, type = 7)) on x = 1 … 10, by hand:
	// h = 9p; p = 0.05 → 1 + 0.45 = 1.45; 0.25 → 3.25; 0.5 → 5.5; 0.9 → 9.1; 0.99 → 9.91.
	xs := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	want := map[float64]float64{0.05: 1.45, 0.25: 3.25, 0.5: 5.5, 0.9: 9.1, 0.99: 9.91}
	for p, w := range want {
		if got := quantile7(xs, p); math.Abs(got-w) > 1e-12 {
			t.Errorf("Q(%v) = %v, want %v", p, got, w)
		}
	}
	s := summarise([]float64{4, 1, 3, 2}, []float64{0.5})
	// mean 2.5, sample variance (2.25+0.25+0.25+2.25)/3 = 5/3
	if diff := cmp.Diff(Summary{Mean: 2.5, StdDev: math.Sqrt(5.0 / 3), Min: 1, Max: 4, Percentiles: []Percentile{{0.5, 2.5}}}, s, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

func TestSimulationWidensWithUncertainty(t *testing.T) {
	// Deadweight drawn from [0, 0.8] around the base 0.4: the 5th and 95th percentiles of the
	// ratio bracket the deterministic ratio, and P(ratio > 1) lies strictly between 0 and 1
	// because the ratio at deadweight 0.8 is 1.3877 × 0.2/0.6 < 1.
	m := publicValue(false)
	m.Outcomes[0].Uncertainty = &Uncertainty{Deadweight: &Distribution{Shape: Uniform, Min: d("0"), Max: d("0.8")}}
	s, err := Simulate(m, Simulation{Draws: 20000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	base := approx(mustEvaluate(t, m).Ratio)
	if !(s.Ratio.Percentiles[0].Value < base && base < s.Ratio.Percentiles[4].Value) {
		t.Errorf("percentiles %+v do not bracket %v", s.Ratio.Percentiles, base)
	}
	// Ratio = 1.3877/0.6 × (1 − dw); P(ratio > 1) = P(dw < 1 − 0.6/1.3877) = (0.5676…)/0.8 = 0.7095…
	want := (1 - 0.6/base) / 0.8
	if math.Abs(s.ProbabilityAboveOne-want) > 5*math.Sqrt(want*(1-want)/20000) {
		t.Errorf("P(ratio > 1) = %v, want %v", s.ProbabilityAboveOne, want)
	}
}

func TestSimulateRejectsBadSettings(t *testing.T) {
	m := publicValue(false)
	for _, s := range []Simulation{{Draws: 0}, {Draws: 10, Seed: MaxSeed + 1}, {Draws: 10, Percentiles: []float64{0}}, {Draws: 10, Percentiles: []float64{math.NaN()}}, {Draws: 10, Workers: -1}} {
		if _, err := Simulate(m, s); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%+v: %v", s, err)
		}
	}
	m.Inputs[0].Value = d("0")
	if _, err := Simulate(m, Simulation{Draws: 10}); !errors.Is(err, ErrInputsNotPositive) {
		t.Errorf("zero inputs: %v", err)
	}
}
