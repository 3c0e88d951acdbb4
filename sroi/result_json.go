package sroi

import "encoding/json"

// The result's figures are written as decimal strings with every place they are held to,
// so that a result read back is exactly the result written.

type (
	resultAlias           Result
	outcomeResultAlias    OutcomeResult
	outcomeYearAlias      OutcomeYear
	inputResultAlias      InputResult
	yearTotalAlias        YearTotal
	stakeholderTotalAlias StakeholderTotal
	paybackAlias          Payback
	switchingValueAlias   SwitchingValue
	scenarioResultAlias   ScenarioResult
)

type resultWire struct {
	*resultAlias
	Value              jstr `json:"value"`
	PresentValue       jstr `json:"presentValue"`
	InputsValue        jstr `json:"inputsValue"`
	InputsPresentValue jstr `json:"inputsPresentValue"`
	NetPresentValue    jstr `json:"netPresentValue"`
	Ratio              jstr `json:"ratio"`
	NetRatio           jstr `json:"netRatio"`
}

func (r *Result) wire() *resultWire {
	return &resultWire{(*resultAlias)(r), jstr{&r.Value}, jstr{&r.PresentValue}, jstr{&r.InputsValue},
		jstr{&r.InputsPresentValue}, jstr{&r.NetPresentValue}, jstr{&r.Ratio}, jstr{&r.NetRatio}}
}

// MarshalJSON writes the result with its figures as decimal strings.
func (r Result) MarshalJSON() ([]byte, error) { return json.Marshal(r.wire()) }

// UnmarshalJSON reads a result written by MarshalJSON.
func (r *Result) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, r.wire()) }

type outcomeResultWire struct {
	*outcomeResultAlias
	ProxyValue        jstr `json:"proxyValue"`
	Gross             jstr `json:"gross"`
	AfterDeadweight   jstr `json:"afterDeadweight"`
	AfterDisplacement jstr `json:"afterDisplacement"`
	Impact            jstr `json:"impact"`
	Value             jstr `json:"value"`
	PresentValue      jstr `json:"presentValue"`
}

func (o *OutcomeResult) wire() *outcomeResultWire {
	return &outcomeResultWire{(*outcomeResultAlias)(o), jstr{&o.ProxyValue}, jstr{&o.Gross}, jstr{&o.AfterDeadweight},
		jstr{&o.AfterDisplacement}, jstr{&o.Impact}, jstr{&o.Value}, jstr{&o.PresentValue}}
}

// MarshalJSON writes the outcome's figures as decimal strings.
func (o OutcomeResult) MarshalJSON() ([]byte, error) { return json.Marshal(o.wire()) }

// UnmarshalJSON reads an outcome result written by MarshalJSON.
func (o *OutcomeResult) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, o.wire()) }

type outcomeYearWire struct {
	*outcomeYearAlias
	Value        jstr `json:"value"`
	Factor       jstr `json:"factor"`
	PresentValue jstr `json:"presentValue"`
}

func (y *OutcomeYear) wire() *outcomeYearWire {
	return &outcomeYearWire{(*outcomeYearAlias)(y), jstr{&y.Value}, jstr{&y.Factor}, jstr{&y.PresentValue}}
}

// MarshalJSON writes the year's figures as decimal strings.
func (y OutcomeYear) MarshalJSON() ([]byte, error) { return json.Marshal(y.wire()) }

// UnmarshalJSON reads a year written by MarshalJSON.
func (y *OutcomeYear) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, y.wire()) }

type inputResultWire struct {
	*inputResultAlias
	Value        jstr `json:"value"`
	Factor       jstr `json:"factor"`
	PresentValue jstr `json:"presentValue"`
}

func (in *InputResult) wire() *inputResultWire {
	return &inputResultWire{(*inputResultAlias)(in), jstr{&in.Value}, jstr{&in.Factor}, jstr{&in.PresentValue}}
}

// MarshalJSON writes the input's figures as decimal strings.
func (in InputResult) MarshalJSON() ([]byte, error) { return json.Marshal(in.wire()) }

// UnmarshalJSON reads an input result written by MarshalJSON.
func (in *InputResult) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, in.wire()) }

type yearTotalWire struct {
	*yearTotalAlias
	Factor             jstr `json:"factor"`
	Value              jstr `json:"value"`
	PresentValue       jstr `json:"presentValue"`
	InputsValue        jstr `json:"inputsValue"`
	InputsPresentValue jstr `json:"inputsPresentValue"`
}

func (y *YearTotal) wire() *yearTotalWire {
	return &yearTotalWire{(*yearTotalAlias)(y), jstr{&y.Factor}, jstr{&y.Value}, jstr{&y.PresentValue},
		jstr{&y.InputsValue}, jstr{&y.InputsPresentValue}}
}

// MarshalJSON writes the year's totals as decimal strings.
func (y YearTotal) MarshalJSON() ([]byte, error) { return json.Marshal(y.wire()) }

// UnmarshalJSON reads a year total written by MarshalJSON.
func (y *YearTotal) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, y.wire()) }

type stakeholderTotalWire struct {
	*stakeholderTotalAlias
	Value              jstr `json:"value"`
	PresentValue       jstr `json:"presentValue"`
	InputsValue        jstr `json:"inputsValue"`
	InputsPresentValue jstr `json:"inputsPresentValue"`
}

func (s *StakeholderTotal) wire() *stakeholderTotalWire {
	return &stakeholderTotalWire{(*stakeholderTotalAlias)(s), jstr{&s.Value}, jstr{&s.PresentValue},
		jstr{&s.InputsValue}, jstr{&s.InputsPresentValue}}
}

// MarshalJSON writes the stakeholder's totals as decimal strings.
func (s StakeholderTotal) MarshalJSON() ([]byte, error) { return json.Marshal(s.wire()) }

// UnmarshalJSON reads a stakeholder total written by MarshalJSON.
func (s *StakeholderTotal) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, s.wire()) }

type paybackWire struct {
	*paybackAlias
	Simple     ostr `json:"simple"`
	Cumulative ostr `json:"cumulative"`
	Discounted ostr `json:"discounted"`
}

func (p *Payback) wire() *paybackWire {
	return &paybackWire{(*paybackAlias)(p), ostr{&p.Simple}, ostr{&p.Cumulative}, ostr{&p.Discounted}}
}

// MarshalJSON writes the payback periods as decimal strings, or null when never reached.
func (p Payback) MarshalJSON() ([]byte, error) { return json.Marshal(p.wire()) }

// UnmarshalJSON reads payback periods written by MarshalJSON.
func (p *Payback) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, p.wire()) }

type switchingValueWire struct {
	*switchingValueAlias
	Base   jstr `json:"base"`
	Value  ostr `json:"value"`
	Change ostr `json:"change"`
}

func (s *SwitchingValue) wire() *switchingValueWire {
	return &switchingValueWire{(*switchingValueAlias)(s), jstr{&s.Base}, ostr{&s.Value}, ostr{&s.Change}}
}

// MarshalJSON writes the switching value's figures as decimal strings (null when absent).
func (s SwitchingValue) MarshalJSON() ([]byte, error) { return json.Marshal(s.wire()) }

// UnmarshalJSON reads a switching value written by MarshalJSON.
func (s *SwitchingValue) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, s.wire()) }

type scenarioResultWire struct {
	*scenarioResultAlias
	PresentValue       jstr `json:"presentValue"`
	InputsPresentValue jstr `json:"inputsPresentValue"`
	NetPresentValue    jstr `json:"netPresentValue"`
	Ratio              jstr `json:"ratio"`
}

func (s *ScenarioResult) wire() *scenarioResultWire {
	return &scenarioResultWire{(*scenarioResultAlias)(s), jstr{&s.PresentValue}, jstr{&s.InputsPresentValue},
		jstr{&s.NetPresentValue}, jstr{&s.Ratio}}
}

// MarshalJSON writes the scenario's figures as decimal strings.
func (s ScenarioResult) MarshalJSON() ([]byte, error) { return json.Marshal(s.wire()) }

// UnmarshalJSON reads a scenario result written by MarshalJSON.
func (s *ScenarioResult) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, s.wire()) }
