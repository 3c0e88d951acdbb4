package indicator

import (
	"errors"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/field"
)

// FieldError reports a problem with one field of an input: its JSON Pointer (Path), the class
// of problem (Err, one of this package's sentinels, which errors.Is matches) and what was
// expected (Detail). It never repeats the offending value.
type FieldError = field.Error

// Sentinel errors classifying bad input and statistics that cannot be computed; every error
// from this package's statistics matches one of them with errors.Is.
var (
	// ErrOutOfRange classifies a number outside the range its field allows: a negative
	// count, a numerator above its denominator, a confidence level outside [0.9, 1), a
	// non-finite value, a multiplier the statistic does not accept.
	ErrOutOfRange = errors.New("indicator: value out of range")
	// ErrTooFewEvents classifies a statistic that public-health practice does not publish
	// for so few events: a directly standardised rate from fewer than 10 events.
	ErrTooFewEvents = errors.New("indicator: too few events for the statistic")
	// ErrTooFewAreas classifies a quantile assignment given fewer areas than quantiles.
	ErrTooFewAreas = errors.New("indicator: fewer areas than quantiles")
	// ErrUndefined classifies a statistic that is mathematically undefined for the data
	// given: a mean's interval from one value, a standardised ratio with no expected
	// events, Byar's lower limit where its cube root approximation goes negative.
	ErrUndefined = errors.New("indicator: statistic undefined for these data")
	// ErrMismatch classifies inputs that do not fit together: an age band that the standard
	// population lacks, a standard band with no population, rows of one age band that give
	// different populations.
	ErrMismatch = errors.New("indicator: inputs do not match")
	// ErrRequired classifies a field that must be present and is missing.
	ErrRequired = errors.New("indicator: required field missing")
	// ErrDuplicate classifies a value given twice where it must be unique: a confidence
	// level, a dataset row.
	ErrDuplicate = errors.New("indicator: duplicate value")
	// ErrVersion classifies a binary encoding of an accumulator in another version of its
	// format: one written by an earlier release of engage, whose floating-point sums cannot
	// be merged exactly with this release's exact ones, or by a later release.
	ErrVersion = errors.New("indicator: encoding of another version")
	// ErrNoInterval classifies a request for limits at a confidence level that an estimate
	// was not computed at.
	ErrNoInterval = errors.New("indicator: no interval at that confidence level")
)

// joinErrs returns the single error, or all of them joined.
func joinErrs(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// index returns the JSON Pointer "/name/i" of an array element. name is one of this
// package's own field names, which need no escaping, so this is field.Pointer without its
// cost on paths built for every row.
func index(name string, i int) string { return "/" + name + "/" + strconv.Itoa(i) }
