package sroi

import (
	"github.com/shopspring/decimal"
)

// Result is an evaluated model: every intermediate figure of the calculation, the totals by
// year and by stakeholder, and the headline figures of stage 5 of the guide (net present
// value, ratio, payback, sensitivity). Figures are exact or held to Places decimal places;
// round them with Round only to present them. Its JSON form is described by the schema of
// schemas.SROIResult.
type Result struct {
	// Title, Currency and PriceYear repeat the model's.
	Title     string `json:"title"`
	Currency  string `json:"currency"`
	PriceYear int    `json:"priceYear"`
	// Discount repeats the model's discount settings.
	Discount Discount `json:"discount"`
	// Outcomes holds each outcome's calculation, in the model's order.
	Outcomes []OutcomeResult `json:"outcomes"`
	// Inputs holds each input's discounting, in the model's order.
	Inputs []InputResult `json:"inputs"`
	// Years totals every year from 0 to the last year with an input or a valued outcome.
	Years []YearTotal `json:"years"`
	// Stakeholders totals value and inputs by stakeholder, in the model's order.
	Stakeholders []StakeholderTotal `json:"stakeholders"`
	// Value is the total value of the outcomes over their durations, undiscounted.
	Value decimal.Decimal `json:"value"`
	// PresentValue is the total present value of the outcomes.
	PresentValue decimal.Decimal `json:"presentValue"`
	// InputsValue is the total value of the inputs, undiscounted.
	InputsValue decimal.Decimal `json:"inputsValue"`
	// InputsPresentValue is the present value of the inputs; always positive.
	InputsPresentValue decimal.Decimal `json:"inputsPresentValue"`
	// NetPresentValue is PresentValue − InputsPresentValue.
	NetPresentValue decimal.Decimal `json:"netPresentValue"`
	// Ratio is the SROI ratio, PresentValue ÷ InputsPresentValue, reported as "£Ratio : £1".
	// Held to Places decimal places.
	Ratio decimal.Decimal `json:"ratio"`
	// NetRatio is NetPresentValue ÷ InputsPresentValue = Ratio − 1, the net SROI ratio that
	// some reports quote instead.
	NetRatio decimal.Decimal `json:"netRatio"`
	// Payback is the time the value takes to repay the inputs.
	Payback Payback `json:"payback"`
	// Sensitivity holds a switching value for every assumption of every outcome, for every
	// input and for the inputs in total.
	Sensitivity []SwitchingValue `json:"sensitivity"`
	// Scenarios holds the figures of each what-if scenario in the model, in its order.
	Scenarios []ScenarioResult `json:"scenarios,omitempty"`
	// Simulation holds the Monte Carlo summary when the model asks for one.
	Simulation *SimulationResult `json:"simulation,omitempty"`
}

// OutcomeResult is the calculation of one outcome, step by step.
type OutcomeResult struct {
	// ID and Stakeholder repeat the outcome's.
	ID          string `json:"id"`
	Stakeholder string `json:"stakeholder"`
	// ProxyValue is the proxy's value per unit at the model's price year: the proxy's own
	// value uplifted with the deflator series when its price year differs (see Uplift).
	ProxyValue decimal.Decimal `json:"proxyValue"`
	// Gross is quantity × ProxyValue.
	Gross decimal.Decimal `json:"gross"`
	// AfterDeadweight is Gross × (1 − deadweight).
	AfterDeadweight decimal.Decimal `json:"afterDeadweight"`
	// AfterDisplacement is AfterDeadweight × (1 − displacement).
	AfterDisplacement decimal.Decimal `json:"afterDisplacement"`
	// Impact is AfterDisplacement × (1 − attribution): the guide's impact, the outcome's
	// value in year 1.
	Impact decimal.Decimal `json:"impact"`
	// Years holds the outcome's value in each year of its duration, 1 … Duration.
	Years []OutcomeYear `json:"years"`
	// Value is the undiscounted sum of Years' values.
	Value decimal.Decimal `json:"value"`
	// PresentValue is the sum of Years' present values.
	PresentValue decimal.Decimal `json:"presentValue"`
}

// OutcomeYear is one outcome's figures for one year.
type OutcomeYear struct {
	// Year is the year, from 1.
	Year int `json:"year"`
	// Value is the outcome's value in the year, after drop-off: Impact in year 1, and the
	// previous year's value × (1 − drop-off) afterwards.
	Value decimal.Decimal `json:"value"`
	// Factor is the discount factor applied to the year.
	Factor decimal.Decimal `json:"factor"`
	// PresentValue is Value × Factor.
	PresentValue decimal.Decimal `json:"presentValue"`
}

// InputResult is the discounting of one input.
type InputResult struct {
	// ID, Stakeholder and Year repeat the input's.
	ID          string `json:"id"`
	Stakeholder string `json:"stakeholder"`
	Year        int    `json:"year"`
	// Value is the input's value.
	Value decimal.Decimal `json:"value"`
	// Factor is the discount factor for its year (1 for year 0).
	Factor decimal.Decimal `json:"factor"`
	// PresentValue is Value × Factor.
	PresentValue decimal.Decimal `json:"presentValue"`
}

// YearTotal totals one year over every outcome and input.
type YearTotal struct {
	// Year is the year, from 0.
	Year int `json:"year"`
	// Factor is the discount factor applied to the year.
	Factor decimal.Decimal `json:"factor"`
	// Value is the outcomes' value in the year, undiscounted.
	Value decimal.Decimal `json:"value"`
	// PresentValue is the outcomes' present value in the year.
	PresentValue decimal.Decimal `json:"presentValue"`
	// InputsValue is the inputs spent in the year, undiscounted.
	InputsValue decimal.Decimal `json:"inputsValue"`
	// InputsPresentValue is their present value.
	InputsPresentValue decimal.Decimal `json:"inputsPresentValue"`
}

// StakeholderTotal totals the value one stakeholder receives and the inputs it gives.
type StakeholderTotal struct {
	// Stakeholder is the stakeholder's ID.
	Stakeholder string `json:"stakeholder"`
	// Value and PresentValue total the stakeholder's outcomes.
	Value        decimal.Decimal `json:"value"`
	PresentValue decimal.Decimal `json:"presentValue"`
	// InputsValue and InputsPresentValue total the stakeholder's inputs.
	InputsValue        decimal.Decimal `json:"inputsValue"`
	InputsPresentValue decimal.Decimal `json:"inputsPresentValue"`
}

// Payback is the time, in months, that the value takes to repay the inputs. A nil figure
// means the inputs are never repaid within the outcomes' durations.
type Payback struct {
	// Simple is the guide's payback period (stage 5.5):
	//
	//	months = inputs' present value ÷ (year-1 impact ÷ 12)
	//
	// It assumes the year-1 impact recurs every year, and so flatters outcomes that last a
	// year or less; nil when the year-1 impact is not positive.
	Simple *decimal.Decimal `json:"simple"`
	// Cumulative is the months until the outcomes' cumulative undiscounted value first
	// reaches the inputs' undiscounted total, with each year's value accruing evenly over
	// its twelve months.
	Cumulative *decimal.Decimal `json:"cumulative"`
	// Discounted is the same with present values on both sides.
	Discounted *decimal.Decimal `json:"discounted"`
}

// Evaluate validates the model and calculates it: each outcome's impact and value year by
// year, present values, the totals, the SROI ratio, net present value, payback periods and a
// switching value for every assumption, and, when the model has them, its what-if scenarios
// and Monte Carlo simulation. A model that fails Validate returns its errors and no result.
func Evaluate(m Model) (Result, error) {
	if err := m.Validate(); err != nil {
		return Result{}, err
	}
	r := evaluate(&m)
	r.Sensitivity = sensitivity(&m, &r)
	if len(m.Scenarios) > 0 {
		r.Scenarios = make([]ScenarioResult, len(m.Scenarios))
		for i, s := range m.Scenarios {
			alt := m.apply(s.Changes)
			ar := evaluate(&alt)
			r.Scenarios[i] = ScenarioResult{
				Name: s.Name, PresentValue: ar.PresentValue, InputsPresentValue: ar.InputsPresentValue,
				NetPresentValue: ar.NetPresentValue, Ratio: ar.Ratio,
			}
		}
	}
	if m.Simulation != nil {
		s, err := simulate(&m, *m.Simulation)
		if err != nil {
			return Result{}, err
		}
		r.Simulation = &s
	}
	return r, nil
}

// horizon returns the last year with an input or an outcome value.
func (m *Model) horizon() int {
	h := 0
	for _, in := range m.Inputs {
		h = max(h, in.Year)
	}
	for _, o := range m.Outcomes {
		h = max(h, o.Duration)
	}
	return h
}

// proxyValue returns the outcome's proxy value at the model's price year.
func (m *Model) proxyValue(o *Outcome) decimal.Decimal {
	return m.uplift(o.Proxy.Value, o.Proxy.PriceYear)
}

// uplift brings v from price year from to the model's price year (the model is valid).
func (m *Model) uplift(v decimal.Decimal, from int) decimal.Decimal {
	if from == m.PriceYear {
		return v
	}
	var a, b decimal.Decimal
	for _, d := range m.Deflators {
		switch d.Year {
		case from:
			a = d.Index
		case m.PriceYear:
			b = d.Index
		}
	}
	return quo(v.Mul(b), a)
}

// evaluate calculates a valid model, without sensitivity, scenarios or simulation.
func evaluate(m *Model) Result {
	h := m.horizon()
	df := m.Discount.factors(h)
	r := Result{
		Title: m.Title, Currency: m.Currency, PriceYear: m.PriceYear, Discount: m.Discount,
		Outcomes: make([]OutcomeResult, len(m.Outcomes)),
		Inputs:   make([]InputResult, len(m.Inputs)),
		Years:    make([]YearTotal, h+1),
	}
	for t := range r.Years {
		r.Years[t] = YearTotal{Year: t, Factor: df[t]}
	}
	stake := make(map[string]int, len(m.Stakeholders))
	r.Stakeholders = make([]StakeholderTotal, len(m.Stakeholders))
	for i, s := range m.Stakeholders {
		stake[s.ID] = i
		r.Stakeholders[i].Stakeholder = s.ID
	}

	for i := range m.Outcomes {
		o := &m.Outcomes[i]
		or := outcomeResult(o, m.proxyValue(o), df)
		r.Outcomes[i] = or
		for _, y := range or.Years {
			yt := &r.Years[y.Year]
			yt.Value = yt.Value.Add(y.Value)
			yt.PresentValue = yt.PresentValue.Add(y.PresentValue)
		}
		st := &r.Stakeholders[stake[o.Stakeholder]]
		st.Value = st.Value.Add(or.Value)
		st.PresentValue = st.PresentValue.Add(or.PresentValue)
		r.Value = r.Value.Add(or.Value)
		r.PresentValue = r.PresentValue.Add(or.PresentValue)
	}
	for j, in := range m.Inputs {
		f := df[in.Year]
		pv := in.Value.Mul(f)
		r.Inputs[j] = InputResult{ID: in.ID, Stakeholder: in.Stakeholder, Year: in.Year, Value: in.Value, Factor: f, PresentValue: pv}
		yt := &r.Years[in.Year]
		yt.InputsValue = yt.InputsValue.Add(in.Value)
		yt.InputsPresentValue = yt.InputsPresentValue.Add(pv)
		st := &r.Stakeholders[stake[in.Stakeholder]]
		st.InputsValue = st.InputsValue.Add(in.Value)
		st.InputsPresentValue = st.InputsPresentValue.Add(pv)
		r.InputsValue = r.InputsValue.Add(in.Value)
		r.InputsPresentValue = r.InputsPresentValue.Add(pv)
	}
	r.NetPresentValue = r.PresentValue.Sub(r.InputsPresentValue)
	r.Ratio = quo(r.PresentValue, r.InputsPresentValue)
	r.NetRatio = r.Ratio.Sub(one)
	r.Payback = payback(&r)
	return r
}

// outcomeResult calculates one outcome with proxy value pv (at the model's price year) and
// discount factors df, which must reach the outcome's duration.
func outcomeResult(o *Outcome, pv decimal.Decimal, df []decimal.Decimal) OutcomeResult {
	or := OutcomeResult{ID: o.ID, Stakeholder: o.Stakeholder, ProxyValue: pv}
	or.Gross = hold(o.Quantity.Mul(pv))
	or.AfterDeadweight = hold(or.Gross.Mul(one.Sub(o.Deadweight)))
	or.AfterDisplacement = hold(or.AfterDeadweight.Mul(one.Sub(o.Displacement)))
	or.Impact = hold(or.AfterDisplacement.Mul(one.Sub(o.Attribution)))
	or.Years = make([]OutcomeYear, o.Duration)
	keep := one.Sub(o.DropOff)
	v := or.Impact
	for t := 1; t <= o.Duration; t++ {
		if t > 1 {
			v = hold(v.Mul(keep))
		}
		p := v.Mul(df[t])
		or.Years[t-1] = OutcomeYear{Year: t, Value: v, Factor: df[t], PresentValue: p}
		or.Value = or.Value.Add(v)
		or.PresentValue = or.PresentValue.Add(p)
	}
	return or
}

// payback computes the three payback periods of an evaluated result.
func payback(r *Result) Payback {
	var p Payback
	if len(r.Years) > 1 && r.Years[1].Value.Sign() > 0 {
		s := quo(twelve.Mul(r.InputsPresentValue), r.Years[1].Value)
		p.Simple = &s
	}
	p.Cumulative = crossing(r.Years, r.InputsValue, func(y YearTotal) decimal.Decimal { return y.Value })
	p.Discounted = crossing(r.Years, r.InputsPresentValue, func(y YearTotal) decimal.Decimal { return y.PresentValue })
	return p
}

// crossing returns the months until the running total of value(year) over years 1, 2, …
// first reaches target, the value of each year accruing evenly over its twelve months; nil
// if it never does.
func crossing(years []YearTotal, target decimal.Decimal, value func(YearTotal) decimal.Decimal) *decimal.Decimal {
	sum := decimal.Decimal{}
	for t := 1; t < len(years); t++ {
		v := value(years[t])
		next := sum.Add(v)
		if v.Sign() > 0 && next.GreaterThanOrEqual(target) {
			// 12(t − 1) + 12 × (target − sum) ÷ v
			m := decimal.NewFromInt(int64(12 * (t - 1))).Add(quo(twelve.Mul(target.Sub(sum)), v))
			return &m
		}
		sum = next
	}
	return nil
}

// ScenarioResult is the headline of one what-if scenario.
type ScenarioResult struct {
	// Name repeats the scenario's name.
	Name string `json:"name"`
	// PresentValue, InputsPresentValue, NetPresentValue and Ratio are as in Result, under
	// the scenario's changes.
	PresentValue       decimal.Decimal `json:"presentValue"`
	InputsPresentValue decimal.Decimal `json:"inputsPresentValue"`
	NetPresentValue    decimal.Decimal `json:"netPresentValue"`
	Ratio              decimal.Decimal `json:"ratio"`
}
