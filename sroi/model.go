package sroi

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// Model is an SROI impact map with everything needed to evaluate it: who the stakeholders
// are, what was put in, what changed and what each change is worth, how future years are
// discounted, and optionally the price index for bringing proxies to one price year, what-if
// scenarios and a Monte Carlo specification. Its columns follow the impact map of *A guide to
// Social Return on Investment* (Office of the Third Sector, Cabinet Office 2009; SROI Network
// update 2012), stages 2–4.
//
// A Model is a plain value: build it in Go or read it with ParseModel, check it with
// Validate, and evaluate it with Evaluate. Its JSON form is described by the schema of
// schemas.SROIModel.
type Model struct {
	// Title names the analysis, e.g. "Link worker social prescribing, 2025/26 forecast".
	Title string `json:"title"`
	// Description says what is being analysed, over what period and for whom.
	Description string `json:"description,omitempty"`
	// Currency is the ISO 4217 code of every amount of money in the model, e.g. "GBP".
	Currency string `json:"currency"`
	// PriceYear is the calendar year whose prices the analysis is expressed in. Each proxy
	// whose own price year differs is uplifted to it with Deflators.
	PriceYear int `json:"priceYear"`
	// Stakeholders are the people and organisations who put something in or experience
	// change.
	Stakeholders []Stakeholder `json:"stakeholders"`
	// Inputs are the contributions, financial and in kind, that the activity uses.
	Inputs []Input `json:"inputs"`
	// Outcomes are the changes the activity brings about, with their valuation.
	Outcomes []Outcome `json:"outcomes"`
	// Discount sets the discount rates applied to future years.
	Discount Discount `json:"discount"`
	// Deflators is a price index series (for example HM Treasury's GDP deflators) used to
	// bring proxies from their price year to PriceYear. Needed only when some proxy's price
	// year differs from PriceYear.
	Deflators []Deflator `json:"deflators,omitempty"`
	// Scenarios are what-if variations whose ratios Evaluate reports beside the base case.
	Scenarios []Scenario `json:"scenarios,omitempty"`
	// Simulation, when present, makes Evaluate run a seeded Monte Carlo simulation over the
	// distributions placed on inputs and outcomes.
	Simulation *Simulation `json:"simulation,omitempty"`
}

// Stakeholder is one group of people or one organisation in the analysis.
type Stakeholder struct {
	// ID is a stable slug by which inputs and outcomes refer to the stakeholder,
	// e.g. "patients".
	ID string `json:"id"`
	// Name is the stakeholder's display name, e.g. "People referred by their GP".
	Name string `json:"name"`
	// Description says who the stakeholder is and how they were involved.
	Description string `json:"description,omitempty"`
}

// Input is one contribution to the activity: money, or time and goods valued in money.
// Following the guide, an input in year 0 is a lump sum at the start and is not discounted;
// an input in year y ≥ 1 is discounted like an outcome in year y.
type Input struct {
	// ID is a stable slug for the input, e.g. "icb-grant".
	ID string `json:"id"`
	// Stakeholder is the ID of the stakeholder who contributes it.
	Stakeholder string `json:"stakeholder"`
	// Description says what the input is, e.g. "Integrated care board grant".
	Description string `json:"description"`
	// Value is the input's value in Model.Currency at Model.PriceYear prices; not negative.
	Value decimal.Decimal `json:"value"`
	// Year is the year in which it is spent: 0 for a lump sum at the start, 1 … MaxDuration
	// for later years.
	Year int `json:"year"`
	// NonFinancial marks an input valued in money but not paid in money, such as volunteers'
	// time; the guide asks for such values to be tested in the sensitivity analysis.
	NonFinancial bool `json:"nonFinancial,omitempty"`
	// Uncertainty, when not nil, is the distribution of the input's value in Monte Carlo
	// simulation.
	Uncertainty *Distribution `json:"uncertainty,omitempty"`
}

// Outcome is one row of the impact map: a change for a stakeholder, how it is measured, how
// much of it there is, how long it lasts, what it is worth and how much of it the activity
// can claim.
//
// Its value in year 1 (the guide's "impact") is
//
//	impact = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution)
//
// and in each later year t ≤ Duration the previous year's value less the drop-off:
//
//	value(t) = value(t − 1) × (1 − drop-off)
//
// The deductions multiply, each taking its share of what remains; nothing is rounded in
// between.
type Outcome struct {
	// ID is a stable slug for the outcome, e.g. "improved-wellbeing".
	ID string `json:"id"`
	// Stakeholder is the ID of the stakeholder who experiences the change.
	Stakeholder string `json:"stakeholder"`
	// Description says what changes, e.g. "Feel less lonely".
	Description string `json:"description"`
	// Output, when given, summarises the activity in numbers that leads to the outcome,
	// e.g. "240 people supported by a link worker".
	Output string `json:"output,omitempty"`
	// Indicator says how the change is measured, e.g. "UCLA loneliness score fell by 2 or
	// more".
	Indicator string `json:"indicator"`
	// IndicatorSource says where the indicator's figures come from.
	IndicatorSource string `json:"indicatorSource,omitempty"`
	// Quantity is how many units of the outcome there are (people, visits avoided, ...);
	// not negative.
	Quantity decimal.Decimal `json:"quantity"`
	// Duration is how many whole years the outcome lasts, 0 … MaxDuration. An outcome of 0
	// years contributes nothing.
	Duration int `json:"duration"`
	// Proxy is the financial proxy valuing one unit of the outcome.
	Proxy Proxy `json:"proxy"`
	// Deadweight is the share of the outcome that would have happened anyway, in [0, 1].
	Deadweight decimal.Decimal `json:"deadweight"`
	// Displacement is the share of the outcome that displaced outcomes elsewhere, in [0, 1].
	Displacement decimal.Decimal `json:"displacement"`
	// Attribution is the share of the outcome owed to other people or organisations (not the
	// share owed to this activity), in [0, 1].
	Attribution decimal.Decimal `json:"attribution"`
	// DropOff is the share of the outcome lost in each year after the first, in [0, 1].
	DropOff decimal.Decimal `json:"dropOff"`
	// Uncertainty, when not nil, places distributions on the outcome's assumptions for Monte
	// Carlo simulation.
	Uncertainty *Uncertainty `json:"uncertainty,omitempty"`
}

// Proxy is a financial proxy: the value of one unit of an outcome, with where it comes from.
// Proxies are inputs to the library and carry their source and licence; the library ships no
// proxy values. (The HACT UK Social Value Bank and the National TOMs are licensed CC BY-NC-ND
// and may not be bundled; take values from them only under their licences.)
type Proxy struct {
	// Description says what the value stands for, e.g. "Cost of a GP appointment".
	Description string `json:"description"`
	// Value is the value of one unit in Model.Currency at PriceYear prices. It may be
	// negative, for an outcome that is a cost.
	Value decimal.Decimal `json:"value"`
	// Source names where the value comes from, e.g. "PSSRU Unit Costs of Health and Social
	// Care 2024, table 10.3.1".
	Source string `json:"source"`
	// PriceYear is the year whose prices Value is expressed in.
	PriceYear int `json:"priceYear"`
	// Licence records the terms under which the value is used, e.g. "Open Government
	// Licence v3.0".
	Licence string `json:"licence,omitempty"`
}

// Deflator is one point of a price index series: the index for a year. Only the ratio of two
// points matters, so any base year will do. Financial years (2014/15) must be mapped to one
// calendar year by the caller, consistently for the whole series.
type Deflator struct {
	// Year is the calendar year of the index value.
	Year int `json:"year"`
	// Index is the price index for Year; positive.
	Index decimal.Decimal `json:"index"`
}

// Uncertainty places a distribution on each assumption of an outcome that is uncertain; a nil
// field keeps the assumption at its value in the impact map.
type Uncertainty struct {
	// Quantity is the distribution of the quantity.
	Quantity *Distribution `json:"quantity,omitempty"`
	// ProxyValue is the distribution of the proxy's value, in the proxy's own price year.
	ProxyValue *Distribution `json:"proxyValue,omitempty"`
	// Deadweight, Displacement, Attribution and DropOff are distributions of shares in [0, 1].
	Deadweight   *Distribution `json:"deadweight,omitempty"`
	Displacement *Distribution `json:"displacement,omitempty"`
	Attribution  *Distribution `json:"attribution,omitempty"`
	DropOff      *Distribution `json:"dropOff,omitempty"`
	// Duration is the distribution of the duration in whole years: a Uniform duration is drawn
	// evenly from the whole numbers Min … Max; a Triangular or PERT draw is rounded to the
	// nearest whole year, halves away from zero.
	Duration *Distribution `json:"duration,omitempty"`
}

// Distribution is a probability distribution for one assumption. Point uses Mode only;
// Uniform uses Min and Max; Triangular and PERT use all three, with Min ≤ Mode ≤ Max.
type Distribution struct {
	// Shape is the distribution's shape.
	Shape Shape `json:"shape"`
	// Min is the smallest value (Uniform, Triangular, PERT).
	Min decimal.Decimal `json:"min"`
	// Mode is the most likely value (Triangular, PERT), or the only value (Point).
	Mode decimal.Decimal `json:"mode"`
	// Max is the largest value (Uniform, Triangular, PERT).
	Max decimal.Decimal `json:"max"`
}

// Scenario is a named what-if: the ratio the analysis would have under alternative values
// of some assumptions, such as "deadweight 40 % for every outcome".
type Scenario struct {
	// Name labels the scenario in reports; unique within the model.
	Name string `json:"name"`
	// Description explains why the alternative values are plausible.
	Description string `json:"description,omitempty"`
	// Changes are applied together, in order.
	Changes []Change `json:"changes"`
}

// Change sets one assumption to an alternative value.
type Change struct {
	// Outcome is the ID of the outcome changed; empty applies an outcome assumption to every
	// outcome.
	Outcome string `json:"outcome,omitempty"`
	// Input is the ID of the input changed, for InputValue; required then.
	Input string `json:"input,omitempty"`
	// Assumption is what changes.
	Assumption Assumption `json:"assumption"`
	// Value is the alternative: a share in [0, 1], a quantity, a whole number of years, or an
	// amount of money (ProxyValue in the proxy's own price year, InputValue).
	Value decimal.Decimal `json:"value"`
}

// Simulation specifies a Monte Carlo run.
type Simulation struct {
	// Draws is the number of draws, 1 … MaxDraws.
	Draws int `json:"draws"`
	// Seed makes the run reproducible: the same model, seed and draws give the same result
	// on every run, whatever the number of workers or GOMAXPROCS. 0 … MaxSeed.
	Seed uint64 `json:"seed"`
	// Percentiles are the percentiles to report, as fractions in (0, 1); empty means
	// DefaultPercentiles.
	Percentiles []float64 `json:"percentiles,omitempty"`
	// Workers is how many goroutines share the draws (0 or 1: the calling goroutine only).
	// It changes only the speed, never the result, and is not part of the JSON document.
	Workers int `json:"-"`
}

// DefaultPercentiles are the percentiles a simulation reports unless told otherwise.
func DefaultPercentiles() []float64 { return []float64{0.05, 0.25, 0.5, 0.75, 0.95} }

// JSON: money is written as strings, shares, quantities and indices as bare numbers, with
// the decimal digits exactly as held (no float conversion, no package settings consulted).

type (
	inputAlias    Input
	outcomeAlias  Outcome
	proxyAlias    Proxy
	deflatorAlias Deflator
	discountAlias Discount
	bandAlias     Band
	changeAlias   Change
)

type inputWire struct {
	*inputAlias
	Value jstr `json:"value"`
}

// MarshalJSON writes the input with its value, and the parameters of its distribution, as
// decimal strings.
func (in Input) MarshalJSON() ([]byte, error) {
	w := inputMarshalWire{inputAlias: (*inputAlias)(&in), Value: jstr{&in.Value}}
	if in.Uncertainty != nil {
		w.Uncertainty = &moneyDist{in.Uncertainty}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads an input written by MarshalJSON.
func (in *Input) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &inputWire{(*inputAlias)(in), jstr{&in.Value}})
}

type outcomeWire struct {
	*outcomeAlias
	Quantity     jnum `json:"quantity"`
	Deadweight   jnum `json:"deadweight"`
	Displacement jnum `json:"displacement"`
	Attribution  jnum `json:"attribution"`
	DropOff      jnum `json:"dropOff"`
}

func (o *Outcome) wire() outcomeWire {
	return outcomeWire{(*outcomeAlias)(o), jnum{&o.Quantity}, jnum{&o.Deadweight},
		jnum{&o.Displacement}, jnum{&o.Attribution}, jnum{&o.DropOff}}
}

// MarshalJSON writes the outcome with its quantity and shares as JSON numbers.
func (o Outcome) MarshalJSON() ([]byte, error) { return json.Marshal(o.wire()) }

// UnmarshalJSON reads an outcome written by MarshalJSON.
func (o *Outcome) UnmarshalJSON(b []byte) error { w := o.wire(); return json.Unmarshal(b, &w) }

type proxyWire struct {
	*proxyAlias
	Value jstr `json:"value"`
}

// MarshalJSON writes the proxy with its value as a decimal string.
func (p Proxy) MarshalJSON() ([]byte, error) {
	return json.Marshal(proxyWire{(*proxyAlias)(&p), jstr{&p.Value}})
}

// UnmarshalJSON reads a proxy written by MarshalJSON.
func (p *Proxy) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &proxyWire{(*proxyAlias)(p), jstr{&p.Value}})
}

type deflatorWire struct {
	*deflatorAlias
	Index jnum `json:"index"`
}

// MarshalJSON writes the deflator with its index as a JSON number.
func (d Deflator) MarshalJSON() ([]byte, error) {
	return json.Marshal(deflatorWire{(*deflatorAlias)(&d), jnum{&d.Index}})
}

// UnmarshalJSON reads a deflator written by MarshalJSON.
func (d *Deflator) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &deflatorWire{(*deflatorAlias)(d), jnum{&d.Index}})
}

type discountWire struct {
	*discountAlias
	Rate *jnum `json:"rate,omitempty"`
}

// MarshalJSON writes the discount; the rate is written only for a constant schedule, the
// bands only for a bands schedule.
func (d Discount) MarshalJSON() ([]byte, error) {
	w := discountWire{discountAlias: (*discountAlias)(&d)}
	if d.Schedule == ConstantRate {
		w.Rate = &jnum{&d.Rate}
	}
	if d.Schedule != CustomBands {
		w.Bands = nil
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a discount written by MarshalJSON.
func (d *Discount) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &discountWire{(*discountAlias)(d), &jnum{&d.Rate}})
}

type bandWire struct {
	*bandAlias
	Rate jnum `json:"rate"`
}

// MarshalJSON writes the band with its rate as a JSON number.
func (b Band) MarshalJSON() ([]byte, error) {
	return json.Marshal(bandWire{(*bandAlias)(&b), jnum{&b.Rate}})
}

// UnmarshalJSON reads a band written by MarshalJSON.
func (b *Band) UnmarshalJSON(data []byte) error {
	return json.Unmarshal(data, &bandWire{(*bandAlias)(b), jnum{&b.Rate}})
}

// changeWire writes the value as a string for money and as a number otherwise.
type changeWire struct {
	*changeAlias
	Value json.RawMessage `json:"value"`
}

// MarshalJSON writes the change with a money value as a decimal string and any other value
// as a JSON number.
func (c Change) MarshalJSON() ([]byte, error) {
	v := text(c.Value)
	if c.Assumption.money() {
		v = `"` + v + `"`
	}
	return json.Marshal(changeWire{(*changeAlias)(&c), json.RawMessage(v)})
}

// UnmarshalJSON reads a change written by MarshalJSON; the value may be a string or a number.
func (c *Change) UnmarshalJSON(b []byte) error {
	w := changeWire{changeAlias: (*changeAlias)(c)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	return unmarshalEither(w.Value, &c.Value)
}

// unmarshalEither reads a decimal written either as a string or as a bare number.
func unmarshalEither(raw json.RawMessage, d *decimal.Decimal) error {
	if len(raw) == 0 {
		return nil
	}
	if raw[0] == '"' {
		return jstr{d}.UnmarshalJSON(raw)
	}
	return jnum{d}.UnmarshalJSON(raw)
}

// distributionWire carries only the parameters the shape uses; Distribution.marshal chooses
// between strings (money) and numbers.
type distributionWire struct {
	Shape Shape           `json:"shape"`
	Min   json.RawMessage `json:"min,omitempty"`
	Mode  json.RawMessage `json:"mode,omitempty"`
	Max   json.RawMessage `json:"max,omitempty"`
}

func (d Distribution) marshal(money bool) ([]byte, error) {
	enc := func(x decimal.Decimal) json.RawMessage {
		if money {
			return json.RawMessage(`"` + text(x) + `"`)
		}
		return json.RawMessage(text(x))
	}
	w := distributionWire{Shape: d.Shape}
	switch d.Shape {
	case Point:
		w.Mode = enc(d.Mode)
	case Uniform:
		w.Min, w.Max = enc(d.Min), enc(d.Max)
	default:
		w.Min, w.Mode, w.Max = enc(d.Min), enc(d.Mode), enc(d.Max)
	}
	return json.Marshal(w)
}

// MarshalJSON writes the distribution's parameters as JSON numbers; those of a money
// assumption (an input's value, a proxy's value) are written as decimal strings by the
// enclosing Input or Uncertainty.
func (d Distribution) MarshalJSON() ([]byte, error) { return d.marshal(false) }

// UnmarshalJSON reads a distribution whose parameters are strings or numbers.
func (d *Distribution) UnmarshalJSON(b []byte) error {
	var w distributionWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*d = Distribution{Shape: w.Shape}
	if err := unmarshalEither(w.Min, &d.Min); err != nil {
		return err
	}
	if err := unmarshalEither(w.Mode, &d.Mode); err != nil {
		return err
	}
	return unmarshalEither(w.Max, &d.Max)
}

// moneyDist marshals a distribution over money with string parameters.
type moneyDist struct{ d *Distribution }

func (m moneyDist) MarshalJSON() ([]byte, error) { return m.d.marshal(true) }

type uncertaintyAlias Uncertainty

type uncertaintyWire struct {
	*uncertaintyAlias
	ProxyValue *moneyDist `json:"proxyValue,omitempty"`
}

// MarshalJSON writes the distributions, those of the proxy value with decimal strings.
func (u Uncertainty) MarshalJSON() ([]byte, error) {
	w := uncertaintyWire{uncertaintyAlias: (*uncertaintyAlias)(&u)}
	if u.ProxyValue != nil {
		w.ProxyValue = &moneyDist{u.ProxyValue}
	}
	return json.Marshal(w)
}

type inputMarshalWire struct {
	*inputAlias
	Value       jstr       `json:"value"`
	Uncertainty *moneyDist `json:"uncertainty,omitempty"`
}
