package sroi

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/peopleandcommunities/engage/internal/field"
)

// SimulationResult summarises a Monte Carlo simulation of a model: the distribution of the
// SROI ratio and of the net present value when every assumption that carries a distribution
// is drawn at random, and the probability that the ratio exceeds 1.
//
// The guide has no Monte Carlo step; it is offered beyond the guide because a single
// switching value varies one assumption at a time. The draws are evaluated in float64, not
// decimal: a simulation's sampling error (of order 1/√draws) is many orders of magnitude
// larger than float64 rounding (about 10⁻¹⁶ relative), and float64 makes 10,000 draws of a
// 50-outcome map take milliseconds. The deterministic figures of Evaluate remain decimal.
type SimulationResult struct {
	// Draws and Seed repeat the simulation's settings.
	Draws int    `json:"draws"`
	Seed  uint64 `json:"seed"`
	// Ratio summarises the simulated SROI ratios.
	Ratio Summary `json:"ratio"`
	// NetPresentValue summarises the simulated net present values, in the model's currency.
	NetPresentValue Summary `json:"netPresentValue"`
	// ProbabilityAboveOne is the share of draws whose ratio is strictly above 1 (equivalently
	// whose net present value is positive).
	ProbabilityAboveOne float64 `json:"probabilityAboveOne"`
}

// Summary describes a simulated distribution.
type Summary struct {
	// Mean is the arithmetic mean of the draws.
	Mean float64 `json:"mean"`
	// StdDev is the sample standard deviation (divisor draws − 1; 0 for one draw).
	StdDev float64 `json:"stdDev"`
	// Min and Max are the smallest and largest draws.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Percentiles are the requested percentiles, in the order requested, by linear
	// interpolation between order statistics (Hyndman and Fan 1996, definition 7, the
	// default of R's quantile and of spreadsheets' PERCENTILE.INC).
	Percentiles []Percentile `json:"percentiles"`
}

// Percentile is one percentile of a simulated distribution.
type Percentile struct {
	// P is the percentile as a fraction, e.g. 0.05 for the 5th percentile.
	P float64 `json:"p"`
	// Value is the percentile's value.
	Value float64 `json:"value"`
}

// chunk is the number of consecutive draws that share one random stream. Draw k belongs to
// chunk k/chunk, whose stream is PCG(seed, chunk index); so each draw's random numbers depend
// only on the seed and k, never on how many goroutines run the chunks.
const chunk = 1024

// Simulate runs the Monte Carlo simulation s on model m: for each draw, every assumption
// carrying a distribution (Outcome.Uncertainty, Input.Uncertainty) takes a random value, in
// the order outcomes, then inputs, each outcome's assumptions in the order of the Assumption
// constants; the others keep their values; the model's deterministic arithmetic (deductions,
// drop-off, discounting, uplift) is then applied in float64. Random numbers come from
// math/rand/v2's PCG generator seeded with s.Seed. The result depends only on the model, the
// seed and the number of draws — not on s.Workers or GOMAXPROCS — and is the same on every
// run on a given platform. (Across processor architectures it may differ in the last bits,
// because math.Log and math.Sqrt may be computed by different instructions.)
//
// Distribution shapes: Uniform and Triangular are drawn by inverting their distribution
// functions; PERT by a beta variate built from two gamma variates (Marsaglia and Tsang 2000,
// ACM Transactions on Mathematical Software 26(3):363–372).
func Simulate(m Model, s Simulation) (SimulationResult, error) {
	if err := m.Validate(); err != nil {
		return SimulationResult{}, err
	}
	var l field.List
	s.validate(&l, "", &m)
	if err := l.Err(); err != nil {
		return SimulationResult{}, err
	}
	return simulate(&m, s)
}

// fdist is a distribution in float64.
type fdist struct {
	shape       Shape
	min, mode   float64
	max         float64
	alpha, beta float64 // PERT's beta parameters
}

func newFdist(d *Distribution) *fdist {
	if d == nil {
		return nil
	}
	f := &fdist{shape: d.Shape, min: d.Min.InexactFloat64(), mode: d.Mode.InexactFloat64(), max: d.Max.InexactFloat64()}
	if f.shape == Point {
		f.min, f.max = f.mode, f.mode
	}
	if f.shape == Uniform {
		f.mode = f.min
	}
	if f.max == f.min {
		f.shape, f.mode = Point, f.min
	}
	if f.shape == PERT {
		f.alpha = 1 + 4*(f.mode-f.min)/(f.max-f.min)
		f.beta = 1 + 4*(f.max-f.mode)/(f.max-f.min)
	}
	if f.shape == Point {
		return nil // no randomness is drawn for a point
	}
	return f
}

// draw returns one random value.
func (f *fdist) draw(r *rand.Rand) float64 {
	switch f.shape {
	case Uniform:
		return f.min + (f.max-f.min)*r.Float64()
	case Triangular:
		u := r.Float64()
		w := f.max - f.min
		if u < (f.mode-f.min)/w {
			return f.min + math.Sqrt(u*w*(f.mode-f.min))
		}
		return f.max - math.Sqrt((1-u)*w*(f.max-f.mode))
	case PERT:
		x := gammaVariate(r, f.alpha)
		y := gammaVariate(r, f.beta)
		return f.min + (f.max-f.min)*(x/(x+y))
	}
	return f.mode
}

// drawYears returns a random whole number of years.
func (f *fdist) drawYears(r *rand.Rand) int {
	if f.shape == Uniform {
		lo := int(f.min)
		return lo + r.IntN(int(f.max)-lo+1)
	}
	return int(math.Round(f.draw(r)))
}

// gammaVariate draws from Gamma(k, 1) for k ≥ 1 (Marsaglia and Tsang's method).
func gammaVariate(r *rand.Rand, k float64) float64 {
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*(x*x)*(x*x) || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// simOutcome is one outcome prepared for simulation.
type simOutcome struct {
	base   [7]float64 // quantity, proxy value, deadweight, displacement, attribution, drop-off, duration
	dist   [7]*fdist
	uplift float64
	random bool
}

type simInput struct {
	value  float64
	year   int
	dist   *fdist
	factor float64
}

type simModel struct {
	outcomes []simOutcome
	inputs   []simInput
	factors  []float64
}

func prepare(m *Model) *simModel {
	df := m.Discount.factors(MaxDuration)
	sm := &simModel{factors: make([]float64, len(df))}
	for t, f := range df {
		sm.factors[t] = f.InexactFloat64()
	}
	for i := range m.Outcomes {
		o := &m.Outcomes[i]
		so := simOutcome{uplift: 1}
		if o.Proxy.PriceYear != m.PriceYear {
			so.uplift = m.uplift(one, o.Proxy.PriceYear).InexactFloat64()
		}
		so.base = [7]float64{o.Quantity.InexactFloat64(), o.Proxy.Value.InexactFloat64(), o.Deadweight.InexactFloat64(),
			o.Displacement.InexactFloat64(), o.Attribution.InexactFloat64(), o.DropOff.InexactFloat64(), float64(o.Duration)}
		if u := o.Uncertainty; u != nil {
			for k := range 7 {
				so.dist[k] = newFdist(u.of(Assumption(k + 1)))
				so.random = so.random || so.dist[k] != nil
			}
		}
		sm.outcomes = append(sm.outcomes, so)
	}
	for _, in := range m.Inputs {
		sm.inputs = append(sm.inputs, simInput{value: in.Value.InexactFloat64(), year: in.Year, dist: newFdist(in.Uncertainty), factor: sm.factors[in.Year]})
	}
	return sm
}

// run evaluates one draw.
func (sm *simModel) run(r *rand.Rand) (pv, inputs float64) {
	for i := range sm.outcomes {
		o := &sm.outcomes[i]
		x := o.base
		dur := int(x[6])
		if o.random {
			for k := range 6 {
				if d := o.dist[k]; d != nil {
					x[k] = d.draw(r)
				}
			}
			if d := o.dist[6]; d != nil {
				dur = d.drawYears(r)
			}
		}
		v := x[0] * x[1] * o.uplift * (1 - x[2]) * (1 - x[3]) * (1 - x[4])
		keep := 1 - x[5]
		sum := 0.0
		for t := 1; t <= dur; t++ {
			sum += v * sm.factors[t]
			v *= keep
		}
		pv += sum
	}
	for j := range sm.inputs {
		in := &sm.inputs[j]
		v := in.value
		if in.dist != nil {
			v = in.dist.draw(r)
		}
		inputs += v * in.factor
	}
	return pv, inputs
}

// simulate runs a valid simulation on a valid model.
func simulate(m *Model, s Simulation) (SimulationResult, error) {
	sm := prepare(m)
	ratios := make([]float64, s.Draws)
	npvs := make([]float64, s.Draws)
	chunks := (s.Draws + chunk - 1) / chunk
	work := func(c int) {
		r := rand.New(rand.NewPCG(s.Seed, uint64(c)))
		for k := c * chunk; k < min((c+1)*chunk, s.Draws); k++ {
			pv, in := sm.run(r)
			ratios[k] = pv / in
			npvs[k] = pv - in
		}
	}
	workers := min(max(s.Workers, 1), chunks)
	if workers == 1 {
		for c := range chunks {
			work(c)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := range next {
					work(c)
				}
			}()
		}
		for c := range chunks {
			next <- c
		}
		close(next)
		wg.Wait()
	}
	ps := s.Percentiles
	if len(ps) == 0 {
		ps = DefaultPercentiles()
	}
	res := SimulationResult{Draws: s.Draws, Seed: s.Seed}
	above := 0
	for _, x := range ratios {
		if x > 1 {
			above++
		}
	}
	res.ProbabilityAboveOne = float64(above) / float64(s.Draws)
	res.Ratio = summarise(ratios, ps)
	res.NetPresentValue = summarise(npvs, ps)
	for _, x := range []float64{res.Ratio.Mean, res.Ratio.StdDev, res.Ratio.Min, res.Ratio.Max,
		res.NetPresentValue.Mean, res.NetPresentValue.StdDev, res.NetPresentValue.Min, res.NetPresentValue.Max} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return SimulationResult{}, &FieldError{Path: "/simulation", Err: ErrOutOfRange, Detail: "figures whose simulated values stay within float64 range"}
		}
	}
	return res, nil
}

// summarise describes xs (which it sorts) with the percentiles ps.
func summarise(xs []float64, ps []float64) Summary {
	n := float64(len(xs))
	// Mean and variance by Welford's method, in draw order, so the figures do not depend on
	// how the draws were scheduled.
	mean, m2 := 0.0, 0.0
	for i, x := range xs {
		d := x - mean
		mean += d / float64(i+1)
		m2 += d * (x - mean)
	}
	s := Summary{Mean: mean}
	if len(xs) > 1 {
		s.StdDev = math.Sqrt(m2 / (n - 1))
	}
	slices.Sort(xs)
	s.Min, s.Max = xs[0], xs[len(xs)-1]
	s.Percentiles = make([]Percentile, len(ps))
	for i, p := range ps {
		s.Percentiles[i] = Percentile{P: p, Value: quantile7(xs, p)}
	}
	return s
}

// quantile7 returns the p quantile of sorted xs by Hyndman and Fan's definition 7:
// h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
func quantile7(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := int(math.Floor(h))
	if lo >= len(xs)-1 {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}
