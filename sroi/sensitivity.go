package sroi

import (
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/shopspring/decimal"
)

// SwitchingValue is the value an assumption would have to take, everything else unchanged,
// for the SROI ratio to fall (or rise) to exactly 1:1: the test the guide asks of a
// sensitivity analysis (stage 5.4, "how much each estimate would have to change for the SROI
// to fall to 1:1"). With T the outcomes' present value, I the inputs' present value, PVᵢ
// outcome i's present value and P* = I − (T − PVᵢ) the present value outcome i would need:
//
//	quantity or proxy value x:              x* = x × P* ÷ PVᵢ
//	deadweight, displacement, attribution s: s* = 1 − P* × (1 − s) ÷ PVᵢ
//	drop-off d, two-year outcome:           d* = 1 − (P* − PVᵢ,₁) ÷ (impact × DF(2))
//	drop-off d, three years or more:        Σₜ impact × (1 − d*)ᵗ⁻¹ × DF(t) = P*, solved by search
//	duration:                               the whole number of years at which the ratio
//	                                        reaches or crosses 1
//	input j's value v in year y:            v* = v + (T − I) ÷ DF(y)
//	all inputs (present value):             I* = T
//
// A zero base value is handled by evaluating the outcome with a unit value instead.
type SwitchingValue struct {
	// Outcome is the outcome's ID, for an outcome assumption.
	Outcome string `json:"outcome,omitempty"`
	// Input is the input's ID for one input's value; empty, with no Outcome, for the inputs
	// in total, whose Base and Value are then present values.
	Input string `json:"input,omitempty"`
	// Assumption is the assumption varied.
	Assumption Assumption `json:"assumption"`
	// Base is the assumption's value in the model (for ProxyValue, in the proxy's own price
	// year).
	Base decimal.Decimal `json:"base"`
	// Status says whether a switching value exists.
	Status Status `json:"status"`
	// Method says how it was found.
	Method Method `json:"method"`
	// Value is the switching value when Status is Found, and nil otherwise. It is held to
	// Places decimal places (the inputs' total is an exact present value); substituted into
	// the model it brings the ratio to 1 within 10⁻²⁰ (to the crossing, for a duration).
	Value *decimal.Decimal `json:"value"`
	// Change is (Value − Base) ÷ |Base|, the relative change needed; nil when Value is nil
	// or Base is zero.
	Change *decimal.Decimal `json:"change"`
	// Attainable reports whether Value is a value the assumption can take: a share in
	// [0, 1], a quantity or input value not below zero, a proxy value of the same sign as the
	// base (a benefit cannot become a cost), a duration within 0 … MaxDuration.
	Attainable bool `json:"attainable"`
}

// sensitivity computes the switching values of an evaluated valid model.
func sensitivity(m *Model, r *Result) []SwitchingValue {
	out := make([]SwitchingValue, 0, 7*len(m.Outcomes)+len(m.Inputs)+1)
	s := switcher{m: m, r: r}
	for i := range m.Outcomes {
		out = s.outcome(out, i)
	}
	// Inputs: v* = v + (T − I) ÷ DF(y). When the outcomes are worth nothing or less, no
	// positive inputs can match them.
	gap := r.PresentValue.Sub(r.InputsPresentValue)
	for j, in := range r.Inputs {
		sv := SwitchingValue{Input: in.ID, Assumption: InputValue, Base: m.Inputs[j].Value, Method: ClosedForm}
		if r.PresentValue.Sign() <= 0 {
			out = append(out, status(sv, Unreachable))
			continue
		}
		v := in.Value.Add(quo(gap, in.Factor))
		out = append(out, found(sv, v, v.Sign() >= 0))
	}
	total := SwitchingValue{Assumption: InputValue, Base: r.InputsPresentValue, Method: ClosedForm}
	if r.PresentValue.Sign() <= 0 {
		out = append(out, status(total, Unreachable))
	} else {
		out = append(out, found(total, r.PresentValue, true))
	}
	return out
}

// found completes a switching value with its value, relative change and attainability.
func found(sv SwitchingValue, v decimal.Decimal, attainable bool) SwitchingValue {
	sv.Status = Found
	sv.Value = &v
	sv.Attainable = attainable
	if !sv.Base.IsZero() {
		c := quo(v.Sub(sv.Base), sv.Base.Abs())
		sv.Change = &c
	}
	return sv
}

// status completes a switching value that has no value.
func status(sv SwitchingValue, st Status) SwitchingValue {
	sv.Status = st
	return sv
}

type switcher struct {
	m  *Model
	r  *Result
	df []decimal.Decimal // factors up to MaxDuration, computed when first needed
	ff []float64         // the same in float64, computed when first needed
}

func (s *switcher) floatFactors() []float64 {
	if s.ff == nil {
		s.ff = s.m.Discount.floatFactors(MaxDuration)
	}
	return s.ff
}

func (s *switcher) factors() []decimal.Decimal {
	if s.df == nil {
		s.df = s.m.Discount.factors(MaxDuration)
	}
	return s.df
}

// outcome appends the seven switching values of outcome i.
func (s *switcher) outcome(out []SwitchingValue, i int) []SwitchingValue {
	o := &s.m.Outcomes[i]
	or := &s.r.Outcomes[i]
	pvi := or.PresentValue
	// target is the present value outcome i must have for the ratio to be 1.
	target := s.r.InputsPresentValue.Sub(s.r.PresentValue.Sub(pvi))
	sv := func(a Assumption, base decimal.Decimal, m Method) SwitchingValue {
		return SwitchingValue{Outcome: o.ID, Assumption: a, Base: base, Method: m}
	}

	// k = P* ÷ PVᵢ is the factor by which PVᵢ must change; PVᵢ is proportional to the
	// quantity, to the proxy value and to (1 − s) for each share s.
	var k decimal.Decimal
	if !pvi.IsZero() {
		k = quo(target, pvi)
	}

	// Quantity and proxy value.
	linear := func(a Assumption, base decimal.Decimal) SwitchingValue {
		v := sv(a, base, ClosedForm)
		switch {
		case !pvi.IsZero():
			return found(v, hold(base.Mul(k)), false)
		case !base.IsZero():
			return status(v, NoEffect) // zero for another reason
		}
		unit := s.outcomePV(o, a, one)
		if unit.IsZero() {
			return status(v, NoEffect)
		}
		return found(v, quo(target, unit), false)
	}
	q := linear(Quantity, o.Quantity)
	if q.Value != nil {
		q.Attainable = q.Value.Sign() >= 0
	}
	out = append(out, q)
	p := linear(ProxyValue, o.Proxy.Value)
	if p.Value != nil {
		p.Attainable = o.Proxy.Value.IsZero() || p.Value.IsZero() || p.Value.Sign() == o.Proxy.Value.Sign()
	}
	out = append(out, p)

	// Deadweight, displacement, attribution: s* = 1 − k × (1 − s).
	for _, a := range []Assumption{Deadweight, Displacement, Attribution} {
		base := o.share(a)
		v := sv(a, base, ClosedForm)
		keep := one.Sub(base)
		var x decimal.Decimal
		switch {
		case !pvi.IsZero():
			x = one.Sub(hold(k.Mul(keep)))
		case !keep.IsZero():
			out = append(out, status(v, NoEffect))
			continue
		default:
			b := s.outcomePV(o, a, decimal.Decimal{})
			if b.IsZero() {
				out = append(out, status(v, NoEffect))
				continue
			}
			x = one.Sub(quo(target, b))
		}
		out = append(out, found(v, x, x.Sign() >= 0 && x.LessThanOrEqual(one)))
	}

	out = append(out, s.dropOff(o, or, target))
	out = append(out, s.duration(o, or, target))
	return out
}

// share returns the outcome's deadweight, displacement or attribution.
func (o *Outcome) share(a Assumption) decimal.Decimal {
	switch a {
	case Deadweight:
		return o.Deadweight
	case Displacement:
		return o.Displacement
	case Attribution:
		return o.Attribution
	}
	return o.DropOff
}

// outcomePV returns the present value of outcome o with assumption a set to x.
func (s *switcher) outcomePV(o *Outcome, a Assumption, x decimal.Decimal) decimal.Decimal {
	c := *o
	c.set(a, x)
	return outcomeResult(&c, s.m.proxyValue(&c), s.factors()).PresentValue
}

// set sets an outcome assumption to x (a valid value).
func (o *Outcome) set(a Assumption, x decimal.Decimal) {
	switch a {
	case Quantity:
		o.Quantity = x
	case ProxyValue:
		o.Proxy.Value = x
	case Deadweight:
		o.Deadweight = x
	case Displacement:
		o.Displacement = x
	case Attribution:
		o.Attribution = x
	case DropOff:
		o.DropOff = x
	case Duration:
		o.Duration = int(x.IntPart())
	}
}

// dropOff finds the drop-off at which outcome o's present value equals target. With
// x = 1 − d the present value is the polynomial
//
//	g(x) = Σₜ₌₁..D impact × xᵗ⁻¹ × DF(t)
//
// whose coefficients all have the sign of the impact, so g is monotone for x ≥ 0. Drop-off
// beyond 100 % (x < 0) would make alternate years change sign and is not searched.
func (s *switcher) dropOff(o *Outcome, or *OutcomeResult, target decimal.Decimal) SwitchingValue {
	v := SwitchingValue{Outcome: o.ID, Assumption: DropOff, Base: o.DropOff, Method: ClosedForm}
	if o.Duration < 2 || or.Impact.IsZero() {
		return status(v, NoEffect)
	}
	df := or.Years
	if o.Duration == 2 {
		// g(x) = PV₁ + impact × DF(2) × x
		x := quo(target.Sub(df[0].PresentValue), or.Impact.Mul(df[1].Factor))
		if x.Sign() < 0 {
			return status(v, Unreachable)
		}
		d := one.Sub(x)
		return found(v, d, x.LessThanOrEqual(one))
	}
	v.Method = RootSearch
	x, ok := solveDropOff(or.Impact, df, target, s.r.InputsPresentValue, s.floatFactors)
	if !ok {
		return status(v, Unreachable)
	}
	d := one.Sub(x)
	return found(v, d, x.Sign() >= 0 && x.LessThanOrEqual(one))
}

// maxGrowth bounds the search for x = 1 − d above 1 (drop-off below 0, i.e. growth).
const maxGrowth = 1 << 20

// solveDropOff solves g(x) = target for x ≥ 0 (see dropOff). It brackets the root and
// bisects in float64, then polishes with Newton steps in decimal arithmetic (Horner's rule on
// the exact coefficients impact × DF(t); the slope from float64), until g(x) is within
// 10⁻²⁶ × inputs of the target, so that the ratio is within 10⁻²⁶ of 1.
func solveDropOff(impact decimal.Decimal, years []OutcomeYear, target, inputs decimal.Decimal, factors func() []float64) (decimal.Decimal, bool) {
	sign := impact.Sign()
	// Exact checks at x = 0 decide reachability: g(0) is the year-1 present value.
	if cmp := years[0].PresentValue.Cmp(target); cmp*sign > 0 {
		return decimal.Decimal{}, false
	} else if cmp == 0 {
		return decimal.Decimal{}, true
	}
	ff := factors()
	imp := approx(impact)
	c := make([]float64, len(years))
	for t := range years {
		c[t] = imp * ff[t+1]
	}
	tf := approx(target)
	h := func(x float64) float64 { // increasing in x
		g := 0.0
		for t := len(c) - 1; t >= 0; t-- {
			g = g*x + c[t]
		}
		return float64(sign) * (g - tf)
	}
	lo, hi := 0.0, 1.0
	for h(hi) < 0 {
		lo, hi = hi, hi*2
		if hi > maxGrowth {
			return decimal.Decimal{}, false
		}
	}
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if h(mid) < 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	x := decimal.NewFromFloat(lo + (hi-lo)/2)
	coef := make([]decimal.Decimal, len(years))
	for t := range years {
		coef[t] = impact.Mul(years[t].Factor)
	}
	// Stop when the residual, or the residual left after a step, is below tol. The float64
	// slope has a relative error below δ = 10⁻¹³ (Horner's rule on same-signed terms), so a
	// step from residual r leaves a residual of about δ·|r|.
	tol := decimal.New(1, -26).Mul(inputs)
	delta := decimal.New(1, -13)
	for range 8 {
		g := decimal.Decimal{}
		for t := len(coef) - 1; t >= 0; t-- {
			g = g.Mul(x)
			if g.Exponent() < -4*Places {
				g = g.Round(4 * Places) // only after many steps with long x
			}
			g = g.Add(coef[t])
		}
		res := g.Sub(target)
		if res.Abs().LessThanOrEqual(tol) {
			break
		}
		xf, dg := approx(x), 0.0
		for t := len(c) - 1; t >= 1; t-- {
			dg = dg*xf + float64(t)*c[t]
		}
		if dg == 0 || math.IsInf(dg, 0) || math.IsNaN(dg) {
			break
		}
		x = hold(x.Sub(quo(res, decimal.NewFromFloat(dg))))
		if x.Sign() < 0 {
			x = decimal.Decimal{}
		}
		if delta.Mul(res.Abs()).LessThanOrEqual(tol) {
			break
		}
	}
	return x, true
}

// duration finds the whole number of years at which the ratio reaches or crosses 1:1.
// NPV(D′) = T − PVᵢ + PVᵢ(D′) − I is monotone in D′ because every year adds a present value
// of the impact's sign. Shorter durations use the exact yearly present values already
// computed; longer ones are scanned in float64, and the crossing is confirmed in decimal
// arithmetic whenever float64 leaves it in doubt.
func (s *switcher) duration(o *Outcome, or *OutcomeResult, target decimal.Decimal) SwitchingValue {
	v := SwitchingValue{Outcome: o.ID, Assumption: Duration, Base: decimal.NewFromInt(int64(o.Duration)), Method: WholeYears}
	if or.Impact.IsZero() {
		return status(v, NoEffect)
	}
	// f(D′) = PVᵢ(D′) − target has the sign of NPV at duration D′.
	f := or.PresentValue.Sub(target)
	if f.IsZero() {
		return found(v, v.Base, true)
	}
	// The search runs on a float64 model of the yearly present values,
	//
	//	pv(t) ≈ |impact| × (1 − drop-off)ᵗ⁻¹ × DF(t),
	//
	// and a crossing that float64 leaves in doubt is settled in decimal arithmetic.
	need := approx(f.Abs())
	df := s.floatFactors()
	keep := 1 - approx(o.DropOff)
	first := math.Abs(approx(or.Impact))
	sign := f.Sign()
	if (sign > 0) == (or.Impact.Sign() > 0) {
		// Down: the ratio is above 1 and the outcome a benefit, or below 1 and a cost;
		// removing years D, D − 1, … must take away |f| of present value.
		pv := make([]float64, o.Duration+1)
		val := first
		for t := 1; t <= o.Duration; t++ {
			pv[t] = val * df[t]
			val *= keep
		}
		removed := 0.0
		for d := o.Duration - 1; d >= 0; d-- {
			removed += pv[d+1]
			if removed >= need*(1-1e-9) && (removed > need*(1+1e-9) || s.crossesAt(o, or, target, sign, d)) {
				return found(v, decimal.NewFromInt(int64(d)), true)
			}
		}
		return status(v, Unreachable)
	}
	// Up: extra years must add |f| of present value.
	val := first
	if o.Duration > 0 {
		val = math.Abs(approx(or.Years[o.Duration-1].Value))
	}
	added := 0.0
	for d := o.Duration + 1; d <= MaxDuration; d++ {
		if d > 1 {
			val *= keep
		}
		added += val * df[d]
		if added >= need*(1-1e-9) && (added > need*(1+1e-9) || s.crossesAt(o, or, target, sign, d)) {
			return found(v, decimal.NewFromInt(int64(d)), true)
		}
		if val == 0 {
			break
		}
	}
	return status(v, Unreachable)
}

// crossesAt reports, in exact decimal arithmetic, whether outcome o lasting d years brings
// its present value to or across target from the side of sign.
func (s *switcher) crossesAt(o *Outcome, or *OutcomeResult, target decimal.Decimal, sign, d int) bool {
	var pv decimal.Decimal
	if d <= o.Duration {
		for _, y := range or.Years[:d] {
			pv = pv.Add(y.PresentValue)
		}
	} else {
		c := *o
		c.Duration = d
		pv = outcomeResult(&c, or.ProxyValue, s.factors()).PresentValue
	}
	return pv.Sub(target).Sign() != sign
}

// With returns a copy of the model with the changes applied in order, as a what-if scenario
// does, and checks the result with Validate. An error locates a bad change by its index in
// changes ("/2/value"), or reports the changed model's problems.
func (m Model) With(changes ...Change) (Model, error) {
	inputs, outcomes := map[string]bool{}, map[string]bool{}
	for _, in := range m.Inputs {
		inputs[in.ID] = true
	}
	for _, o := range m.Outcomes {
		outcomes[o.ID] = true
	}
	var l field.List
	for j, c := range changes {
		checkChange(&l, "/"+strconv.Itoa(j), c, inputs, outcomes)
	}
	if err := l.Err(); err != nil {
		return Model{}, err
	}
	alt := m.apply(changes)
	if err := alt.Validate(); err != nil {
		return Model{}, err
	}
	return alt, nil
}

// apply returns a copy of the model with valid changes applied; the original's slices are
// not touched.
func (m *Model) apply(changes []Change) Model {
	alt := *m
	alt.Inputs = append([]Input(nil), m.Inputs...)
	alt.Outcomes = append([]Outcome(nil), m.Outcomes...)
	for _, c := range changes {
		if c.Assumption == InputValue {
			for j := range alt.Inputs {
				if alt.Inputs[j].ID == c.Input {
					alt.Inputs[j].Value = c.Value
				}
			}
			continue
		}
		for i := range alt.Outcomes {
			if c.Outcome == "" || alt.Outcomes[i].ID == c.Outcome {
				alt.Outcomes[i].set(c.Assumption, c.Value)
			}
		}
	}
	return alt
}
