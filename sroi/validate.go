package sroi

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
)

// FieldError reports a problem with one field of a model: its JSON Pointer (Path), the class
// of problem (Err, one of this package's sentinels, which errors.Is matches) and what was
// expected (Detail). It never repeats the offending value.
type FieldError = field.Error

// Sentinel errors classifying bad input; every error from this package matches one of them
// (or schemas.ErrInvalid for a document that breaks its schema).
var (
	// ErrRequired classifies a required field that is missing or empty.
	ErrRequired = errors.New("sroi: required field missing")
	// ErrOutOfRange classifies a number outside the range its field allows: a share outside
	// [0, 1], a negative quantity, a duration beyond MaxDuration, a number with more than
	// MaxIntegerDigits integer digits or Places decimal places, a non-finite percentile.
	ErrOutOfRange = errors.New("sroi: value out of range")
	// ErrTooLarge classifies a list or text longer than the package's limits allow.
	ErrTooLarge = errors.New("sroi: list or text too long")
	// ErrDuplicate classifies an ID, year or name that appears twice where it must be unique.
	ErrDuplicate = errors.New("sroi: duplicate")
	// ErrUnknownReference classifies a reference to a stakeholder, input or outcome ID that
	// the model does not define.
	ErrUnknownReference = errors.New("sroi: unknown reference")
	// ErrInputsNotPositive classifies a model whose inputs total zero: the SROI ratio
	// (value ÷ inputs) is then undefined, and is reported as an error rather than as 0, ∞ or a
	// substituted 1.
	ErrInputsNotPositive = errors.New("sroi: total inputs not positive")
	// ErrMissingDeflator classifies a proxy whose price year differs from the model's with
	// no deflator for one of the two years.
	ErrMissingDeflator = errors.New("sroi: no deflator for a price year")
	// ErrUnknownCurrency classifies a currency code that is not an ISO 4217 code.
	ErrUnknownCurrency = errors.New("sroi: unknown currency")
	// ErrUnsupportedLocale classifies a locale for which money formatting is not supported.
	ErrUnsupportedLocale = errors.New("sroi: unsupported locale")
)

// ParseModel reads a model from its JSON form: it checks the document against the schema of
// schemas.SROIModel (an error matching schemas.ErrInvalid lists every violation with its
// pointer), decodes it, and checks its meaning with Validate.
func ParseModel(data []byte) (Model, error) {
	if err := schemas.Validate(schemas.SROIModel, data); err != nil {
		return Model{}, err
	}
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return Model{}, &FieldError{Err: ErrOutOfRange, Detail: "a document whose numbers are within the package's limits"}
	}
	if err := m.Validate(); err != nil {
		return Model{}, err
	}
	return m, nil
}

// Validate checks the model's meaning and reports every problem at once: an errors.Join of
// *FieldError, each with the JSON Pointer of its field ("/outcomes/2/deadweight") and a
// sentinel (ErrRequired, ErrOutOfRange, ErrTooLarge, ErrDuplicate, ErrUnknownReference,
// ErrInputsNotPositive, ErrMissingDeflator, ErrUnknownCurrency). A model that passes can be
// evaluated without error.
func (m Model) Validate() error {
	var l field.List
	m.validate(&l)
	return l.Err()
}

func (m *Model) validate(l *field.List) {
	checkText(l, "/title", m.Title, true)
	checkText(l, "/description", m.Description, false)
	if u, err := currency.ParseISO(m.Currency); err != nil || u.String() != m.Currency {
		l.Add("/currency", ErrUnknownCurrency, "an ISO 4217 currency code in capitals, e.g. GBP")
	}
	checkYear(l, "/priceYear", m.PriceYear)

	stakeholders := map[string]bool{}
	switch n := len(m.Stakeholders); {
	case n == 0:
		l.Add("/stakeholders", ErrRequired, "at least one stakeholder")
	case n > MaxStakeholders:
		l.Add("/stakeholders", ErrTooLarge, fmt.Sprintf("at most %d stakeholders", MaxStakeholders))
	default:
		for i, s := range m.Stakeholders {
			p := ptr("stakeholders", i)
			checkID(l, p+"/id", s.ID, stakeholders)
			checkText(l, p+"/name", s.Name, true)
			checkText(l, p+"/description", s.Description, false)
		}
	}

	deflators := map[int]bool{}
	if len(m.Deflators) > MaxDeflators {
		l.Add("/deflators", ErrTooLarge, fmt.Sprintf("at most %d deflators", MaxDeflators))
	} else {
		for i, d := range m.Deflators {
			p := ptr("deflators", i)
			if checkYear(l, p+"/year", d.Year) {
				if deflators[d.Year] {
					l.Add(p+"/year", ErrDuplicate, "each year at most once in a deflator series")
				}
				deflators[d.Year] = true
			}
			if d.Index.Sign() <= 0 || !checkSize(d.Index) {
				l.Add(p+"/index", ErrOutOfRange, "a positive price index within the size limits")
			}
		}
	}

	inputs := map[string]bool{}
	switch n := len(m.Inputs); {
	case n == 0:
		l.Add("/inputs", ErrRequired, "at least one input")
	case n > MaxInputs:
		l.Add("/inputs", ErrTooLarge, fmt.Sprintf("at most %d inputs", MaxInputs))
	default:
		total, lowest := decimal.Decimal{}, decimal.Decimal{}
		for i, in := range m.Inputs {
			p := ptr("inputs", i)
			checkID(l, p+"/id", in.ID, inputs)
			checkRef(l, p+"/stakeholder", in.Stakeholder, stakeholders, "a stakeholder")
			checkText(l, p+"/description", in.Description, true)
			ok := checkAmount(l, p+"/value", in.Value, false)
			if in.Year < 0 || in.Year > MaxDuration {
				l.Add(p+"/year", ErrOutOfRange, fmt.Sprintf("a year in 0 … %d", MaxDuration))
			}
			if ok {
				total = total.Add(in.Value)
				lowest = lowest.Add(in.Value)
			}
			if in.Uncertainty != nil {
				if checkDistribution(l, p+"/uncertainty", *in.Uncertainty, InputValue) && ok {
					lowest = lowest.Sub(in.Value).Add(in.Uncertainty.lowest())
				}
			}
		}
		if total.Sign() <= 0 {
			l.Add("/inputs", ErrInputsNotPositive, "inputs whose values total more than zero")
		} else if lowest.Sign() <= 0 {
			l.Add("/inputs", ErrInputsNotPositive, "input distributions that cannot all reach zero together")
		}
	}

	outcomes := map[string]bool{}
	switch n := len(m.Outcomes); {
	case n == 0:
		l.Add("/outcomes", ErrRequired, "at least one outcome")
	case n > MaxOutcomes:
		l.Add("/outcomes", ErrTooLarge, fmt.Sprintf("at most %d outcomes", MaxOutcomes))
	default:
		for i := range m.Outcomes {
			m.validateOutcome(l, i, stakeholders, outcomes, deflators)
		}
	}

	m.Discount.validate(l, "/discount")

	switch n := len(m.Scenarios); {
	case n > MaxScenarios:
		l.Add("/scenarios", ErrTooLarge, fmt.Sprintf("at most %d scenarios", MaxScenarios))
	default:
		names := map[string]bool{}
		for i, s := range m.Scenarios {
			p := ptr("scenarios", i)
			if checkText(l, p+"/name", s.Name, true) {
				if names[s.Name] {
					l.Add(p+"/name", ErrDuplicate, "a name not used by another scenario")
				}
				names[s.Name] = true
			}
			checkText(l, p+"/description", s.Description, false)
			switch {
			case len(s.Changes) == 0:
				l.Add(p+"/changes", ErrRequired, "at least one change")
			case len(s.Changes) > MaxChanges:
				l.Add(p+"/changes", ErrTooLarge, fmt.Sprintf("at most %d changes", MaxChanges))
			default:
				before := l.Len()
				for j, c := range s.Changes {
					checkChange(l, p+ptr("changes", j), c, inputs, outcomes)
				}
				if l.Len() == before && len(m.Inputs) > 0 {
					if !inputsPositive(m.Inputs, s.Changes) {
						l.Add(p+"/changes", ErrInputsNotPositive, "changes that leave inputs totalling more than zero")
					}
				}
			}
		}
	}

	if s := m.Simulation; s != nil {
		s.validate(l, "/simulation", m)
	}
}

func (m *Model) validateOutcome(l *field.List, i int, stakeholders, ids map[string]bool, deflators map[int]bool) {
	o := &m.Outcomes[i]
	p := ptr("outcomes", i)
	checkID(l, p+"/id", o.ID, ids)
	checkRef(l, p+"/stakeholder", o.Stakeholder, stakeholders, "a stakeholder")
	checkText(l, p+"/description", o.Description, true)
	checkText(l, p+"/output", o.Output, false)
	checkText(l, p+"/indicator", o.Indicator, true)
	checkText(l, p+"/indicatorSource", o.IndicatorSource, false)
	checkAmount(l, p+"/quantity", o.Quantity, false)
	if o.Duration < 0 || o.Duration > MaxDuration {
		l.Add(p+"/duration", ErrOutOfRange, fmt.Sprintf("a whole number of years in 0 … %d", MaxDuration))
	}
	checkText(l, p+"/proxy/description", o.Proxy.Description, true)
	checkAmount(l, p+"/proxy/value", o.Proxy.Value, true)
	checkText(l, p+"/proxy/source", o.Proxy.Source, true)
	checkText(l, p+"/proxy/licence", o.Proxy.Licence, false)
	if checkYear(l, p+"/proxy/priceYear", o.Proxy.PriceYear) && o.Proxy.PriceYear != m.PriceYear &&
		m.PriceYear >= MinPriceYear && m.PriceYear <= MaxPriceYear {
		if !deflators[o.Proxy.PriceYear] || !deflators[m.PriceYear] {
			l.Add(p+"/proxy/priceYear", ErrMissingDeflator, "deflators for both the proxy's and the model's price years")
		}
	}
	checkFraction(l, p+"/deadweight", o.Deadweight)
	checkFraction(l, p+"/displacement", o.Displacement)
	checkFraction(l, p+"/attribution", o.Attribution)
	checkFraction(l, p+"/dropOff", o.DropOff)
	if u := o.Uncertainty; u != nil {
		for _, a := range []Assumption{Quantity, ProxyValue, Deadweight, Displacement, Attribution, DropOff, Duration} {
			if d := u.of(a); d != nil {
				checkDistribution(l, p+"/uncertainty/"+jsonName(a), *d, a)
			}
		}
	}
}

// of returns the distribution placed on assumption a, or nil.
func (u *Uncertainty) of(a Assumption) *Distribution {
	switch a {
	case Quantity:
		return u.Quantity
	case ProxyValue:
		return u.ProxyValue
	case Deadweight:
		return u.Deadweight
	case Displacement:
		return u.Displacement
	case Attribution:
		return u.Attribution
	case DropOff:
		return u.DropOff
	case Duration:
		return u.Duration
	}
	return nil
}

// jsonName is the JSON member name of an outcome assumption.
func jsonName(a Assumption) string {
	switch a {
	case Quantity:
		return "quantity"
	case ProxyValue:
		return "proxyValue"
	case Deadweight:
		return "deadweight"
	case Displacement:
		return "displacement"
	case Attribution:
		return "attribution"
	case DropOff:
		return "dropOff"
	case Duration:
		return "duration"
	}
	return "value"
}

// lowest returns the smallest value the distribution can take.
func (d Distribution) lowest() decimal.Decimal {
	if d.Shape == Point {
		return d.Mode
	}
	return d.Min
}

// checkDistribution records the problems with a distribution for assumption a and reports
// whether there were none.
func checkDistribution(l *field.List, at string, d Distribution, a Assumption) bool {
	before := l.Len()
	var params []string
	switch d.Shape {
	case Point:
		params = []string{"mode"}
	case Uniform:
		params = []string{"min", "max"}
	case Triangular, PERT:
		params = []string{"min", "mode", "max"}
	default:
		l.Add(at+"/shape", ErrRequired, "one of point, uniform, triangular, pert")
		return false
	}
	for _, name := range params {
		v := d.Min
		switch name {
		case "mode":
			v = d.Mode
		case "max":
			v = d.Max
		}
		checkValue(l, at+"/"+name, v, a)
	}
	if l.Len() != before {
		return false
	}
	switch d.Shape {
	case Uniform:
		if d.Min.GreaterThan(d.Max) {
			l.Add(at+"/max", ErrOutOfRange, "a maximum not below the minimum")
		}
	case Triangular, PERT:
		if d.Min.GreaterThan(d.Mode) || d.Mode.GreaterThan(d.Max) {
			l.Add(at+"/mode", ErrOutOfRange, "min ≤ mode ≤ max")
		}
	}
	return l.Len() == before
}

// checkValue records a problem unless v is a valid value for assumption a.
func checkValue(l *field.List, at string, v decimal.Decimal, a Assumption) {
	switch {
	case a.fraction():
		checkFraction(l, at, v)
	case a == Duration:
		if !v.IsInteger() || v.Sign() < 0 || v.GreaterThan(decimal.NewFromInt(MaxDuration)) {
			l.Add(at, ErrOutOfRange, fmt.Sprintf("a whole number of years in 0 … %d", MaxDuration))
		}
	case a == ProxyValue:
		checkAmount(l, at, v, true)
	default: // Quantity, InputValue
		checkAmount(l, at, v, false)
	}
}

// checkChange records the problems with one what-if change.
func checkChange(l *field.List, at string, c Change, inputs, outcomes map[string]bool) {
	switch {
	case !c.Assumption.Valid():
		l.Add(at+"/assumption", ErrRequired, "an assumption: quantity, proxy-value, deadweight, displacement, attribution, drop-off, duration or input-value")
		return
	case c.Assumption == InputValue:
		if c.Outcome != "" {
			l.Add(at+"/outcome", ErrOutOfRange, "no outcome for an input-value change")
		}
		checkRef(l, at+"/input", c.Input, inputs, "an input")
	default:
		if c.Input != "" {
			l.Add(at+"/input", ErrOutOfRange, "no input for an outcome change")
		}
		if c.Outcome != "" {
			checkRef(l, at+"/outcome", c.Outcome, outcomes, "an outcome")
		}
	}
	checkValue(l, at+"/value", c.Value, c.Assumption)
}

// inputsPositive reports whether inputs still total more than zero after changes.
func inputsPositive(inputs []Input, changes []Change) bool {
	values := make(map[string]decimal.Decimal, len(inputs))
	for _, in := range inputs {
		values[in.ID] = in.Value
	}
	for _, c := range changes {
		if c.Assumption == InputValue {
			values[c.Input] = c.Value
		}
	}
	total := decimal.Decimal{}
	for _, in := range inputs {
		total = total.Add(values[in.ID])
	}
	return total.Sign() > 0
}

func (s *Simulation) validate(l *field.List, at string, m *Model) {
	if s.Draws < 1 || s.Draws > MaxDraws {
		l.Add(at+"/draws", ErrOutOfRange, fmt.Sprintf("a number of draws in 1 … %d", MaxDraws))
	} else if w := m.simulationSteps(); w > MaxSimulationWork/s.Draws {
		l.Add(at+"/draws", ErrTooLarge, fmt.Sprintf("at most %d draws × outcome-years in all", MaxSimulationWork))
	}
	if s.Seed > MaxSeed {
		l.Add(at+"/seed", ErrOutOfRange, "a seed in 0 … 2⁵³ − 1")
	}
	if len(s.Percentiles) > MaxPercentiles {
		l.Add(at+"/percentiles", ErrTooLarge, fmt.Sprintf("at most %d percentiles", MaxPercentiles))
		return
	}
	for i, p := range s.Percentiles {
		if !(p > 0 && p < 1) || math.IsNaN(p) {
			l.Add(at+ptr("percentiles", i), ErrOutOfRange, "a fraction strictly between 0 and 1")
		}
	}
	if s.Workers < 0 {
		l.Add(at+"/workers", ErrOutOfRange, "zero or more workers")
	}
}

// simulationSteps returns the outcome-years (and inputs) one simulated draw can reach.
func (m *Model) simulationSteps() int {
	n := len(m.Inputs)
	for _, o := range m.Outcomes {
		longest := o.Duration
		if u := o.Uncertainty; u != nil && u.Duration != nil {
			top := u.Duration.Max
			if u.Duration.Shape == Point {
				top = u.Duration.Mode
			}
			if top.LessThanOrEqual(decimal.NewFromInt(MaxDuration)) {
				longest = max(longest, int(top.IntPart()))
			} else {
				longest = MaxDuration
			}
		}
		n += 1 + min(max(longest, 0), MaxDuration)
	}
	return n
}

// checkText records a problem for a missing required text or an over-long one, and reports
// whether the text is present and acceptable.
func checkText(l *field.List, at, s string, required bool) bool {
	switch {
	case required && strings.TrimSpace(s) == "":
		l.Add(at, ErrRequired, "a non-empty text")
		return false
	case !utf8.ValidString(s):
		l.Add(at, ErrOutOfRange, "valid UTF-8 text")
		return false
	case utf8.RuneCountInString(s) > MaxText:
		l.Add(at, ErrTooLarge, fmt.Sprintf("a text of at most %d characters", MaxText))
		return false
	}
	return s != ""
}

// checkID records a problem unless id is a slug not already in seen, and adds it.
func checkID(l *field.List, at, id string, seen map[string]bool) {
	if !isSlug(id) {
		l.Add(at, ErrRequired, "a slug of lowercase letters and digits in hyphen-separated words, at most 80 characters")
		seen[id] = true // references to it are not reported a second time
		return
	}
	if seen[id] {
		l.Add(at, ErrDuplicate, "an ID used once only")
	}
	seen[id] = true
}

// checkRef records a problem unless id is one of the IDs in known.
func checkRef(l *field.List, at, id string, known map[string]bool, what string) {
	if !known[id] {
		l.Add(at, ErrUnknownReference, "the ID of "+what+" defined in the model")
	}
}

// checkYear records a problem unless y is a calendar year in the accepted range.
func checkYear(l *field.List, at string, y int) bool {
	if y < MinPriceYear || y > MaxPriceYear {
		l.Add(at, ErrOutOfRange, fmt.Sprintf("a calendar year in %d … %d", MinPriceYear, MaxPriceYear))
		return false
	}
	return true
}

// checkAmount records a problem unless d is within the size limits (and not negative unless
// negative is allowed), and reports whether it is acceptable.
func checkAmount(l *field.List, at string, d decimal.Decimal, negative bool) bool {
	switch {
	case !checkSize(d):
		l.Add(at, ErrOutOfRange, fmt.Sprintf("a number below 10^%d with at most %d decimal places", MaxIntegerDigits, Places))
	case !negative && d.Sign() < 0:
		l.Add(at, ErrOutOfRange, "a number not below zero")
	default:
		return true
	}
	return false
}

// isSlug reports whether s is a stable identifier as common.json#/$defs/slug defines it.
func isSlug(s string) bool {
	if len(s) == 0 || len(s) > 80 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
