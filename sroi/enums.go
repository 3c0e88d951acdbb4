package sroi

import "github.com/peopleandcommunities/engage/internal/enum"

// Schedule says how discount rates run over the years of an appraisal. The zero value is not
// a schedule.
type Schedule uint8

// The discount schedules.
const (
	// ConstantRate discounts every year at the one rate in Discount.Rate.
	ConstantRate Schedule = 1 + iota
	// GreenBook is HM Treasury's standard declining schedule of the social time preference
	// rate (Green Book, Annex 6, Table 6.1): 3.5 % for years 1–30, 3.0 % for 31–75, 2.5 % for
	// 76–125, 2.0 % for 126–200, 1.5 % for 201–300 and 1.0 % beyond.
	GreenBook
	// GreenBookHealth is the Green Book's schedule for health effects, which leaves out the
	// wealth effect of the social time preference rate (ρ = 1.5 %): 1.5 %, 1.29 %, 1.07 %,
	// 0.86 %, 0.64 % and 0.43 % over the same bands as GreenBook.
	GreenBookHealth
	// CustomBands discounts with the caller's bands in Discount.Bands.
	CustomBands
)

var schedules = enum.NewTable[Schedule]("sroi.Schedule",
	[]string{"constant", "green-book", "green-book-health", "bands"},
	map[string]Schedule{
		"constant-rate": ConstantRate, "green-book-standard": GreenBook, "standard": GreenBook,
		"health": GreenBookHealth, "custom": CustomBands, "custom-bands": CustomBands,
	})

// Valid reports whether s is one of the declared schedules.
func (s Schedule) Valid() bool { return schedules.Valid(s) }

// String returns the schedule's slug, e.g. "green-book"; any other value prints as
// %!Schedule(n).
func (s Schedule) String() string { return schedules.String(s) }

// MarshalText returns the slug; an invalid schedule is an error.
func (s Schedule) MarshalText() ([]byte, error) { return schedules.Marshal(s) }

// UnmarshalText parses text with ParseSchedule.
func (s *Schedule) UnmarshalText(text []byte) error {
	v, err := ParseSchedule(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSchedule returns the schedule named by text: "constant", "green-book",
// "green-book-health" or "bands" (also "standard", "health", "custom"), forgiving about case,
// spaces and underscores. Otherwise the error lists the valid slugs and matches
// enum.ErrUnknown.
func ParseSchedule(text string) (Schedule, error) { return schedules.Parse(text, false) }

// Assumption names one estimate in an impact map that a sensitivity analysis, a what-if
// scenario or a Monte Carlo distribution can vary. The zero value is not an assumption.
type Assumption uint8

// The assumptions, in the order of the impact map's columns.
const (
	Quantity     Assumption = 1 + iota // how many units of the outcome (people, visits, ...)
	ProxyValue                         // the financial proxy's value per unit, in its own price year
	Deadweight                         // share of the outcome that would have happened anyway
	Displacement                       // share of the outcome that displaced outcomes elsewhere
	Attribution                        // share of the outcome owed to other people or organisations
	DropOff                            // share of the outcome lost each year after the first
	Duration                           // how many whole years the outcome lasts
	InputValue                         // the value of one input (or, in sensitivity, all inputs)
)

var assumptions = enum.NewTable[Assumption]("sroi.Assumption",
	[]string{"quantity", "proxy-value", "deadweight", "displacement", "attribution", "drop-off", "duration", "input-value"},
	map[string]Assumption{"proxy": ProxyValue, "dropoff": DropOff, "input": InputValue, "inputs": InputValue})

// Valid reports whether a is one of the declared assumptions.
func (a Assumption) Valid() bool { return assumptions.Valid(a) }

// String returns the assumption's slug, e.g. "drop-off"; any other value prints as
// %!Assumption(n).
func (a Assumption) String() string { return assumptions.String(a) }

// MarshalText returns the slug; an invalid assumption is an error.
func (a Assumption) MarshalText() ([]byte, error) { return assumptions.Marshal(a) }

// UnmarshalText parses text with ParseAssumption.
func (a *Assumption) UnmarshalText(text []byte) error {
	v, err := ParseAssumption(string(text))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAssumption returns the assumption named by text, e.g. "deadweight" or "Drop off".
// Otherwise the error lists the valid slugs and matches enum.ErrUnknown.
func ParseAssumption(text string) (Assumption, error) { return assumptions.Parse(text, false) }

// fraction reports whether a is a share in [0, 1].
func (a Assumption) fraction() bool { return a >= Deadweight && a <= DropOff }

// money reports whether a is an amount of money.
func (a Assumption) money() bool { return a == ProxyValue || a == InputValue }

// Shape is the shape of a probability distribution placed on an assumption for Monte Carlo
// simulation. The zero value is not a shape.
type Shape uint8

// The distribution shapes.
const (
	// Point is no uncertainty: the assumption always takes Distribution.Mode.
	Point Shape = 1 + iota
	// Uniform draws evenly between Distribution.Min and Distribution.Max.
	Uniform
	// Triangular draws from the triangle with corners Min, Mode and Max.
	Triangular
	// PERT draws from the beta-PERT distribution on [Min, Max] with the given Mode and the
	// usual weight λ = 4 on the mode (Malcolm, Roseboom, Clark and Fazar 1959, Operations
	// Research 7(5):646–669; Vose 2008, Risk Analysis, 3rd ed., §9.1.5): Min + (Max − Min)·B
	// with B ~ Beta(1 + 4(Mode − Min)/(Max − Min), 1 + 4(Max − Mode)/(Max − Min)).
	PERT
)

var shapes = enum.NewTable[Shape]("sroi.Shape",
	[]string{"point", "uniform", "triangular", "pert"},
	map[string]Shape{"fixed": Point, "beta-pert": PERT, "triangle": Triangular})

// Valid reports whether s is one of the declared shapes.
func (s Shape) Valid() bool { return shapes.Valid(s) }

// String returns the shape's slug, e.g. "pert"; any other value prints as %!Shape(n).
func (s Shape) String() string { return shapes.String(s) }

// MarshalText returns the slug; an invalid shape is an error.
func (s Shape) MarshalText() ([]byte, error) { return shapes.Marshal(s) }

// UnmarshalText parses text with ParseShape.
func (s *Shape) UnmarshalText(text []byte) error {
	v, err := ParseShape(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseShape returns the shape named by text: "point", "uniform", "triangular" or "pert".
// Otherwise the error lists the valid slugs and matches enum.ErrUnknown.
func ParseShape(text string) (Shape, error) { return shapes.Parse(text, false) }

// Method says how a switching value was found. The zero value is not a method.
type Method uint8

// The methods of finding a switching value.
const (
	// ClosedForm: the ratio is linear in the assumption (quantity, proxy value, deadweight,
	// displacement, attribution, an input's value, and drop-off over two years), so the
	// switching value is solved for directly.
	ClosedForm Method = 1 + iota
	// RootSearch: the ratio is a polynomial in (1 − drop-off) for outcomes lasting three
	// years or more; the switching value is found by a bracketed search in float64 polished
	// by Newton steps in decimal arithmetic.
	RootSearch
	// WholeYears: durations are whole years, so the switching value is the whole number of
	// years at which the ratio first reaches or crosses 1:1; the ratio there is usually not
	// exactly 1.
	WholeYears
)

var methods = enum.NewTable[Method]("sroi.Method",
	[]string{"closed-form", "root-search", "whole-years"}, nil)

// Valid reports whether m is one of the declared methods.
func (m Method) Valid() bool { return methods.Valid(m) }

// String returns the method's slug, e.g. "closed-form"; any other value prints as
// %!Method(n).
func (m Method) String() string { return methods.String(m) }

// MarshalText returns the slug; an invalid method is an error.
func (m Method) MarshalText() ([]byte, error) { return methods.Marshal(m) }

// UnmarshalText parses text with ParseMethod.
func (m *Method) UnmarshalText(text []byte) error {
	v, err := ParseMethod(string(text))
	if err == nil {
		*m = v
	}
	return err
}

// ParseMethod returns the method named by text. Otherwise the error lists the valid slugs
// and matches enum.ErrUnknown.
func ParseMethod(text string) (Method, error) { return methods.Parse(text, false) }

// Status says whether a switching value exists. The zero value is not a status.
type Status uint8

// The outcomes of a switching-value search.
const (
	// Found: a value of the assumption brings the ratio to 1:1 (for durations, to or across
	// it); SwitchingValue.Value holds it.
	Found Status = 1 + iota
	// NoEffect: the assumption does not change the ratio at all here (drop-off of an outcome
	// lasting one year, the quantity of an outcome whose proxy is zero, ...).
	NoEffect
	// Unreachable: the assumption changes the ratio but no value of it brings the ratio to
	// 1:1 (the outcome lasting no years still leaves the ratio above 1; drop-off would have
	// to exceed 100 %; ...).
	Unreachable
)

var statuses = enum.NewTable[Status]("sroi.Status",
	[]string{"found", "no-effect", "unreachable"}, nil)

// Valid reports whether s is one of the declared statuses.
func (s Status) Valid() bool { return statuses.Valid(s) }

// String returns the status's slug, e.g. "no-effect"; any other value prints as
// %!Status(n).
func (s Status) String() string { return statuses.String(s) }

// MarshalText returns the slug; an invalid status is an error.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText parses text with ParseStatus.
func (s *Status) UnmarshalText(text []byte) error {
	v, err := ParseStatus(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseStatus returns the status named by text. Otherwise the error lists the valid slugs
// and matches enum.ErrUnknown.
func ParseStatus(text string) (Status, error) { return statuses.Parse(text, false) }
