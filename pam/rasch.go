package pam

import (
	"math"
	"math/bits"
	"sync/atomic"

	"github.com/peopleandcommunities/engage/internal/field"
)

// Convergence settings of the Rasch estimate.
const (
	// Tolerance is the convergence criterion of the Rasch estimate: iteration stops when a
	// step changes θ by less than this many logits.
	Tolerance = 1e-9
	// thetaBound brackets every finite estimate: with difficulties and thresholds within
	// MaxLogit, an expected raw score within one point of either extreme is reached within 80
	// logits of zero, and every term of the arithmetic stays within float64 range.
	thetaBound = 100
	// maxIterations bounds the safeguarded Newton–Raphson iteration; bisection alone needs
	// under 40 steps to narrow the bracket to Tolerance.
	maxIterations = 200
)

// RaschScorer is engage's own Scorer: a maximum-likelihood Rasch estimate of the person's
// activation from the answered items under a Calibration, transformed to the 0–100 metric.
// Build one with NewScorer and use it through the pointer it returns: it is safe for
// concurrent use, and it always gives the same result for the same response, as it only
// remembers estimates it has solved.
//
// The estimate θ̂ is the value at which the expected raw score over the answered items equals
// the observed raw score (Wright BD, Masters GN. Rating Scale Analysis. MESA Press, 1982,
// ch. 4):
//
//	Σᵢ Eᵢ(θ̂) = Σᵢ xᵢ,   Eᵢ(θ) = Σₖ k·Pᵢ(k | θ),   xᵢ = answer − 1 ∈ {0, 1, 2, 3}
//
// found by Newton–Raphson, θ ← θ + (Σxᵢ − ΣEᵢ(θ)) / ΣVᵢ(θ) with Vᵢ the variance of item i's
// answer, safeguarded by bisection within a bracket that always holds the root, until a step
// is smaller than Tolerance. Its standard error is 1/√ΣVᵢ(θ̂). Items marked not applicable and
// items left blank are both simply not in the sums.
//
// Because the raw score is a sufficient statistic in the Rasch model, θ̂ depends only on which
// items were answered and on their raw sum (Wright and Masters 1982, ch. 4), so a scorer
// scores a response by looking its raw sum up in a conversion table of its set of answered
// items. NewScorer solves every raw sum of each complete form the calibration covers. The
// table of any other set is made, empty, by the first response with that set, and the
// estimate of each of its raw sums is solved by the first response with that sum, as above,
// exactly as a response on its own would be solved. So a result never depends on which
// responses came before it, no response costs more than one solution, and once its set and
// sum have been met, a response with items missing costs what a complete one does, allocates
// nothing and does no iteration.
//
// Those tables are indexed by the 13-bit set of answered items and published with an atomic
// compare-and-swap, and each estimate in them is stored in atomic fields, its state last, so
// that reading needs no lock; two goroutines that meet a new set or sum at once may both
// solve it, and store identical values. A table takes 1,280 bytes. A scorer takes 72 KiB
// when made (64 KiB of them pointers to tables) and, after scoring a national sample of a
// million responses with 636 different sets of answered items other than the complete forms,
// 0.8 MB more; however many responses it scores, it never holds more than the 8,192 possible
// sets' tables, 10.5 MB.
//
// A response whose every answered item is at the bottom (or top) category has no finite
// estimate: it scores 0 (or 100), with Extreme set and no logit. Other scores are clamped to
// [0, 100] after the transform.
type RaschScorer struct {
	name        string
	scheme      LevelScheme
	policy      Policy
	minAnswered [3]int  // by form
	covers      [3]bool // by form
	calibrated  uint16  // bit i-1 set for each calibrated item i
	transform   Transform
	// coef[i][k-1] = exp(−sᵢₖ), sᵢₖ = Σⱼ₌₁..ₖ (δᵢ + τᵢⱼ), for item i+1.
	coef       [NumItems][numSteps]float64
	difficulty [NumItems]float64
	// complete[f][x] is the estimate of a complete response to form f with raw sum x.
	complete [3][numSteps*NumItems + 1]estimate
	// tables[m] is the conversion table of the set of answered items m (bit i-1 set for each
	// answered item i), nil until a response with that set is scored; unused for the sets of
	// the complete forms, which complete holds.
	tables [1 << NumItems]atomic.Pointer[conversions]
}

// conversions is the conversion table of one set of n answered items: element x holds the
// estimate for raw sum x (0 … 3n) once it has been solved; elements beyond 3n are unused.
type conversions [numSteps*NumItems + 1]cell

// A cell holds one estimate of a conversion table, solved on first use. Its fields are
// atomic, so that goroutines solving it at once, which store identical values, and
// goroutines reading it need no lock; state is stored last, and a goroutine that loads a
// nonzero state therefore loads the floating-point fields stored before it.
type cell struct {
	// state is 0 until the estimate is stored, then solved | extreme | level<<32 | tenths.
	state                atomic.Uint64
	unrounded, logit, se atomic.Uint64 // math.Float64bits of the estimate's fields
}

// Bits of a cell's state above its level and tenths.
const (
	cellSolved  = 1 << 62
	cellExtreme = 1 << 61
)

// load returns the cell's estimate and true, or false if it has not been stored yet.
func (c *cell) load() (estimate, bool) {
	st := c.state.Load()
	if st == 0 {
		return estimate{}, false
	}
	return estimate{
		unrounded: math.Float64frombits(c.unrounded.Load()),
		logit:     math.Float64frombits(c.logit.Load()),
		se:        math.Float64frombits(c.se.Load()),
		tenths:    int32(uint32(st)),
		level:     Level(st >> 32),
		extreme:   st&cellExtreme != 0,
	}, true
}

// store stores estimate e in the cell.
func (c *cell) store(e estimate) {
	c.unrounded.Store(math.Float64bits(e.unrounded))
	c.logit.Store(math.Float64bits(e.logit))
	c.se.Store(math.Float64bits(e.se))
	st := uint64(cellSolved) | uint64(e.level)<<32 | uint64(uint32(e.tenths))
	if e.extreme {
		st |= cellExtreme
	}
	c.state.Store(st)
}

// estimate is one precomputed or freshly solved Rasch estimate.
type estimate struct {
	unrounded float64 // 0–100, clamped
	logit     float64
	se        float64
	tenths    int32 // the score rounded half up, in tenths of a point
	level     Level
	extreme   bool
}

// NewScorer prepares calibration c for scoring, with levels banded by scheme and validity
// judged by policy. It checks all three and reports every problem at once, each located under
// "/calibration", "/scheme" or "/policy". Preparing solves the estimate of every raw sum of
// each form the calibration covers, so build a scorer once and share it.
func NewScorer(c Calibration, scheme LevelScheme, policy Policy) (*RaschScorer, error) {
	var l field.List
	l.AddError("/calibration", c.Validate())
	if !scheme.Valid() {
		l.Add("/scheme", ErrMissing, "a level scheme, hibbard-2005 or insignia-2024")
	}
	l.AddError("/policy", policy.Validate())
	if err := l.Err(); err != nil {
		return nil, err
	}
	s := &RaschScorer{name: c.Name, scheme: scheme, policy: policy, transform: c.Transform}
	for _, ic := range c.Items {
		i := ic.Item - 1
		s.calibrated |= 1 << i
		s.difficulty[i] = ic.Difficulty
		steps := c.Thresholds
		if c.Model == PartialCredit {
			steps = ic.Thresholds
		}
		cum := 0.0
		for k := range numSteps {
			cum += ic.Difficulty + steps[k]
			s.coef[i][k] = math.Exp(-cum)
		}
	}
	for _, f := range []Form{PAM13, PAM10} {
		s.minAnswered[f] = policy.minAnswered(f)
		if formMask[f]&^s.calibrated != 0 {
			continue
		}
		s.covers[f] = true
		n := f.Len()
		for x := 0; x <= numSteps*n; x++ {
			e, err := s.solve(formMask[f], n, x)
			if err != nil {
				return nil, err
			}
			s.complete[f][x] = e
		}
	}
	return s, nil
}

// table returns the conversion table of the set of answered items mask, making an empty one
// if no goroutine has yet published one; of goroutines making it at once, all return the one
// published first.
func (s *RaschScorer) table(mask uint16) *conversions {
	if t := s.tables[mask].Load(); t != nil {
		return t
	}
	t := new(conversions)
	if s.tables[mask].CompareAndSwap(nil, t) {
		return t
	}
	return s.tables[mask].Load()
}

// fill solves the estimate for raw sum x over the n answered items in mask and stores it in
// the set's conversion table, which it makes if need be. An estimate that does not converge
// is not stored, and each response that needs it gets the error.
func (s *RaschScorer) fill(mask uint16, n, x int) (estimate, error) {
	e, err := s.solve(mask, n, x)
	if err != nil {
		return estimate{}, err
	}
	s.table(mask)[x].store(e)
	return e, nil
}

// Calibration returns the name of the scorer's calibration.
func (s *RaschScorer) Calibration() string { return s.name }

// Scheme returns the level scheme the scorer bands scores with.
func (s *RaschScorer) Scheme() LevelScheme { return s.scheme }

// Policy returns the validity policy the scorer applies.
func (s *RaschScorer) Policy() Policy { return s.policy }

// Covers reports whether the scorer's calibration covers every item of form f.
func (s *RaschScorer) Covers(f Form) bool { return f.Valid() && s.covers[f] }

// Score scores response r. An invalid response is an error: the *FieldErrors of
// r.Validate(); so is a form the calibration does not cover (ErrNotCalibrated). A valid
// response always has a Result, flagged as the policy finds; it has a score unless no item
// was answered on the 1–4 scale. Scoring allocates nothing and does no iteration once the
// scorer has met the response's set of answered items and raw sum, as it always has for a
// complete form; otherwise it solves that one estimate (and allocates the set's conversion
// table, if the set is new) and keeps it for later responses.
func (s *RaschScorer) Score(r Response) (Result, error) {
	f := r.Form
	if f != PAM13 && f != PAM10 {
		return Result{}, r.Validate()
	}
	if !s.covers[f] {
		return Result{}, &FieldError{Path: "/form", Err: ErrNotCalibrated, Detail: "a form whose items the calibration " + s.name + " covers"}
	}
	if !validID(r.ID) || !r.Date.validOrZero() {
		return Result{}, r.Validate()
	}
	// One pass over the answers, without branches on their values: seen records which
	// answer values occur (bit a for answer a; bits 6 and 7 for values out of range).
	var seen, given, answeredMask uint16
	sum := 0
	for i, a := range r.Answers {
		seen |= 1 << min(a, 7)
		given |= uint16(min(a, 1)) << i
		answeredMask |= uint16(isScale[a]) << i
		sum += int(points[a])
	}
	mask := formMask[f]
	if seen&(1<<6|1<<7) != 0 || given&^mask != 0 {
		return Result{}, r.Validate()
	}
	answered := bits.OnesCount16(answeredMask)
	na := bits.OnesCount16(given) - answered
	res := Result{
		ID: r.ID, Date: r.Date, Form: f, Calibration: s.name, Scheme: s.scheme,
		Answered: answered, NotApplicable: na, NotAnswered: f.Len() - answered - na,
	}
	res.Flags = s.flags(f, answered, na, seen)
	if answered == 0 {
		return res, nil
	}
	var e estimate
	switch {
	case answeredMask == mask:
		e = s.complete[f][sum]
	case answeredMask == formMask[PAM10] && s.covers[PAM10]:
		e = s.complete[PAM10][sum]
	default:
		ok := false
		if t := s.tables[answeredMask].Load(); t != nil {
			e, ok = t[sum].load()
		}
		if !ok {
			var err error
			if e, err = s.fill(answeredMask, answered, sum); err != nil {
				return Result{}, err
			}
		}
	}
	res.Scored = true
	res.Unrounded = e.unrounded
	res.Score = float64(e.tenths) / 10
	res.Level = e.level
	res.Extreme = e.extreme
	res.Logit = e.logit
	res.StandardError = e.se
	res.Accepted = res.Flags&s.policy.Reject == 0
	return res, nil
}

// flags applies the scorer's policy to the counts, as Policy.Check does; seen has bit a set
// for each answer value a given.
func (s *RaschScorer) flags(f Form, answered, na int, seen uint16) Flags {
	var fl Flags
	if scale := seen & scaleBits; scale != 0 && scale&(scale-1) == 0 {
		fl |= 1 << (AllSame - 1)
		if scale == 1<<DisagreeStrongly || scale == 1<<AgreeStrongly {
			fl |= 1 << (ExtremeLine - 1)
		}
	}
	if na > s.policy.MaxNotApplicable {
		fl |= 1 << (TooManyNotApplicable - 1)
	}
	if answered < s.minAnswered[f] {
		fl |= 1 << (TooFewAnswered - 1)
	}
	return fl
}

// Lookup tables for the scoring loop, indexed by answer value: isScale is 1 for the four
// points of the scale, points the 0-based category (answer − 1) of those points.
var (
	isScale = [256]uint8{DisagreeStrongly: 1, Disagree: 1, Agree: 1, AgreeStrongly: 1}
	points  = [256]uint8{Disagree: 1, Agree: 2, AgreeStrongly: 3}
)

// scaleBits has bit a set for each of the four points a of the scale.
const scaleBits = 1<<DisagreeStrongly | 1<<Disagree | 1<<Agree | 1<<AgreeStrongly

// solve returns the estimate for raw sum x (0 … 3n) over the n calibrated items in mask.
func (s *RaschScorer) solve(mask uint16, n, x int) (estimate, error) {
	switch x {
	case 0:
		return s.finish(estimate{unrounded: 0, extreme: true}), nil
	case numSteps * n:
		return s.finish(estimate{unrounded: 100, extreme: true}), nil
	}
	var coef [NumItems][numSteps]float64
	m := 0
	meanDifficulty := 0.0
	for i := range NumItems {
		if mask&(1<<i) != 0 {
			coef[m] = s.coef[i]
			meanDifficulty += s.difficulty[i]
			m++
		}
	}
	meanDifficulty /= float64(m)
	items := coef[:m]
	target := float64(x)
	// Start where n items all at the mean difficulty, answering as three Bernoulli trials
	// each, would have expected raw score x.
	theta := min(max(meanDifficulty+math.Log(target/(float64(numSteps*n)-target)), -thetaBound+1), thetaBound-1)
	// Newton–Raphson safeguarded as in rtsafe (Press et al., Numerical Recipes, 3rd ed.,
	// §9.4): a bracket [lo, hi] around the root shrinks with every evaluation, and a step
	// that would leave it, or that does not at least halve the step before last, is
	// replaced by bisection.
	lo, hi := -float64(thetaBound), float64(thetaBound)
	dx, dxOld := hi-lo, hi-lo
	e, v := expected(items, theta)
	converged := false
	for range maxIterations {
		f := e - target
		switch {
		case f > 0:
			hi = theta
		case f < 0:
			lo = theta
		default:
			converged = true
		}
		if converged {
			break
		}
		next := theta - f/v
		if !(v > 0 && next >= lo && next <= hi) || math.Abs(2*f) > math.Abs(dxOld*v) {
			dxOld, dx = dx, (hi-lo)/2
			theta = lo + dx
		} else {
			dxOld, dx = dx, f/v
			theta = next
		}
		if math.Abs(dx) < Tolerance {
			// The last Newton step, or the bracket's half-width, is below Tolerance.
			converged = true
			break
		}
		e, v = expected(items, theta)
	}
	if !converged {
		return estimate{}, &FieldError{Err: ErrNoConvergence, Detail: "a Rasch estimate within 1e-9 logits"}
	}
	_, v = expected(items, theta)
	return s.finish(estimate{unrounded: s.transform.Score(theta), logit: theta, se: 1 / math.Sqrt(v)}), nil
}

// finish rounds the estimate's score and bands it.
func (s *RaschScorer) finish(e estimate) estimate {
	e.tenths = roundTenths(e.unrounded)
	e.level = s.scheme.levelTenths(e.tenths)
	return e
}

// expected returns the expected raw score and its variance over items at θ. Each item's
// category weights exp(kθ − sᵢₖ) are computed as (e^θ)ᵏ·exp(−sᵢₖ), one exponential for all
// items; with |θ| ≤ 100 and |sᵢₖ| ≤ 120 every weight lies between e^−420 and e^420.
func expected(items [][numSteps]float64, theta float64) (e, v float64) {
	u1 := math.Exp(theta)
	u2 := u1 * u1
	u3 := u2 * u1
	for _, c := range items {
		t1, t2, t3 := u1*c[0], u2*c[1], u3*c[2]
		d := 1 + t1 + t2 + t3
		m := (t1 + 2*t2 + 3*t3) / d
		d0, d1, d2, d3 := m, 1-m, 2-m, 3-m
		e += m
		v += (d0*d0 + t1*d1*d1 + t2*d2*d2 + t3*d3*d3) / d
	}
	return e, v
}

// Conversion is one row of a scorer's conversion table: the result of a complete response
// with a given raw score.
type Conversion struct {
	// Raw is the sum of the answers on the 1–4 scale: 13 … 52 on PAM-13, 10 … 40 on PAM-10.
	Raw int `json:"raw"`
	// Score is the 0–100 score rounded to one decimal, half up.
	Score float64 `json:"score"`
	// Unrounded is the 0–100 score before rounding.
	Unrounded float64 `json:"unroundedScore"`
	// Level is the score's level under the scorer's scheme.
	Level Level `json:"level"`
	// Extreme is true for the lowest and highest raw scores, which have no finite logit.
	Extreme bool `json:"extreme"`
	// Logit is the Rasch estimate θ̂; 0 when Extreme.
	Logit float64 `json:"logit"`
	// StandardError is the estimate's standard error in logits; 0 when Extreme.
	StandardError float64 `json:"standardError"`
}

// Table returns the scorer's conversion table for complete responses to form f, one row per
// raw score from lowest to highest, so that the arithmetic can be audited or published for
// the calibration in use. A form the calibration does not cover is an error matching
// ErrNotCalibrated.
func (s *RaschScorer) Table(f Form) ([]Conversion, error) {
	if !s.Covers(f) {
		return nil, &FieldError{Path: "/form", Err: ErrNotCalibrated, Detail: "a form whose items the calibration " + s.name + " covers"}
	}
	n := f.Len()
	out := make([]Conversion, 0, numSteps*n+1)
	for x := 0; x <= numSteps*n; x++ {
		e := s.complete[f][x]
		out = append(out, Conversion{
			Raw: n + x, Score: float64(e.tenths) / 10, Unrounded: e.unrounded, Level: e.level,
			Extreme: e.extreme, Logit: e.logit, StandardError: e.se,
		})
	}
	return out, nil
}
