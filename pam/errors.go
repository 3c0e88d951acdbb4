package pam

import (
	"errors"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// FieldError reports a problem with one field of a document: its JSON Pointer (Path), the
// class of problem (Err, one of this package's sentinels, which errors.Is matches) and what
// was expected (Detail). It never repeats the offending value, which may be personal data.
type FieldError = field.Error

// Sentinel errors classifying bad input; every error from this package matches one of them,
// enum.ErrUnknown (for text naming no value of an enumeration) or schemas.ErrInvalid (for a
// document that breaks its schema).
var (
	// ErrOutOfRange classifies a number outside the range its field allows: an answer code
	// of 7, an item difficulty of 90 logits, a negative slope, a score above 100.
	ErrOutOfRange = errors.New("pam: value out of range")
	// ErrMissing classifies a required value that is absent: a response without a form, a
	// calibration without thresholds.
	ErrMissing = errors.New("pam: required value missing")
	// ErrNotOnForm classifies an answer to an item that the response's form does not ask
	// (PAM-10 has no items 3, 8 and 9).
	ErrNotOnForm = errors.New("pam: item not on the response's form")
	// ErrUnexpected classifies a member that a document may not contain: an unknown field,
	// or answers given in both of the codings ParseResponse accepts.
	ErrUnexpected = errors.New("pam: unexpected member")
	// ErrDuplicate classifies an item calibrated twice.
	ErrDuplicate = errors.New("pam: duplicate item")
	// ErrInconsistent classifies fields that contradict each other: per-item thresholds in a
	// rating-scale calibration, a level that does not match its score, counts that do not
	// add up to the form's length.
	ErrInconsistent = errors.New("pam: inconsistent values")
	// ErrNotCalibrated classifies a response whose form has items the scorer's calibration
	// does not cover.
	ErrNotCalibrated = errors.New("pam: form not covered by the calibration")
	// ErrNotScored classifies a result that carries no score (no item was answered on the
	// 1–4 scale) where a score is needed.
	ErrNotScored = errors.New("pam: result has no score")
	// ErrIncomparable classifies two results whose scores are on different scales (different
	// calibrations) or whose levels follow different schemes.
	ErrIncomparable = errors.New("pam: results are not comparable")
	// ErrOrder classifies a follow-up result dated before its baseline.
	ErrOrder = errors.New("pam: follow-up dated before baseline")
	// ErrNoConvergence classifies a Rasch estimate that did not converge. It cannot happen for
	// a calibration that passed Validate; it exists so that a defect is reported, never hidden.
	ErrNoConvergence = errors.New("pam: estimate did not converge")
)

// ErrUnknown classifies text that names no value of one of this package's enumerations (an
// unknown form, answer, level or flag). The error is an *enum.ParseError listing the valid
// slugs.
var ErrUnknown = enum.ErrUnknown
