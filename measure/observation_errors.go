package measure

import (
	"errors"

	"github.com/peopleandcommunities/engage/internal/field"
)

// FieldError reports a problem with one field of an observation or observation document: its
// JSON Pointer (Path), the class of problem (Err, one of this package's sentinels, which
// errors.Is matches) and what was expected (Detail). It never repeats the offending value.
type FieldError = field.Error

// Sentinel errors classifying bad observations; every error from this package's observation
// functions matches one of them (or ErrUnknownMeasure) with errors.Is.
var (
	// ErrOutOfRange classifies a value outside what its field allows: a malformed date or
	// area code, a non-finite number, a lower limit above the value, a confidence level
	// outside (0, 1).
	ErrOutOfRange = errors.New("measure: value out of range")
	// ErrRequired classifies a field that must be present and is missing.
	ErrRequired = errors.New("measure: required field missing")
	// ErrDuplicate classifies a value given twice where it must be unique, such as an
	// observation ID or two observations of one series for the same period.
	ErrDuplicate = errors.New("measure: duplicate value")
	// ErrMismatch classifies fields that do not fit together: both a measure and an
	// indicator as the subject, a part that is not one of the measure's parts, a series that
	// mixes areas or groups.
	ErrMismatch = errors.New("measure: inputs do not match")
	// ErrTooFewPoints classifies a trend asked of fewer than two periods.
	ErrTooFewPoints = errors.New("measure: too few periods for a trend")
)

type fieldList = field.List
