package equality

import (
	"errors"

	"github.com/peopleandcommunities/engage/internal/field"
)

// FieldError reports a problem with one field of an input: its JSON Pointer (Path), the class
// of problem (Err, one of this package's sentinels, which errors.Is matches) and what was
// expected (Detail). It never repeats the offending value.
type FieldError = field.Error

// Sentinel errors classifying bad input; every error from this package matches one of them.
var (
	// ErrOutOfRange classifies a number outside the range its field allows (a negative
	// population, a confidence level outside [0.9, 1), a non-finite value, ...).
	ErrOutOfRange = errors.New("equality: value out of range")
	// ErrTooFewGroups classifies an analysis given fewer groups than its method needs.
	ErrTooFewGroups = errors.New("equality: too few groups")
	// ErrUndefined classifies a measure that is mathematically undefined for the data given
	// (a ratio whose reference value is zero, a slope with no spread in rank, ...).
	ErrUndefined = errors.New("equality: measure undefined for these data")
)

// Interval is a two-sided confidence interval at a stated level.
type Interval struct {
	// Level is the confidence level as a fraction, e.g. 0.95.
	Level float64 `json:"level"`
	// Lower and Upper are the limits; Lower ≤ Upper.
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
}

// Contains reports whether x lies within the interval, limits included.
func (iv Interval) Contains(x float64) bool { return iv.Lower <= x && x <= iv.Upper }
