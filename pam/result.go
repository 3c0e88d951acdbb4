package pam

import (
	"encoding/json"
	"math"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/peopleandcommunities/engage/schemas"
)

// Scorer turns a response into a Result. engage's own RaschScorer implements it from a
// Calibration; an organisation that scores another way (with the licence holder's conversion
// table, or by calling the licence holder's service) implements it too, so that cohorts,
// change and the #2483 measure work the same on its results. Policy.Check, RoundScore and
// LevelScheme.Level give an implementation the flags, rounding and levels engage uses.
//
// Score returns an error for an invalid response and a Result, flagged but never dropped, for
// every valid one. Implementations must be safe for concurrent use.
type Scorer interface {
	Score(r Response) (Result, error)
}

// Result is a scored response: the score on the 0–100 metric, its level, the Rasch estimate
// behind it, and what the validity policy found.
type Result struct {
	// ID and Date are the response's, carried over unchanged.
	ID   string
	Date Date
	// Form is the questionnaire answered.
	Form Form
	// Calibration names the calibration (or other scoring) that produced the score. Scores
	// are on the same scale, and comparable, only when their calibrations are the same.
	Calibration string
	// Scheme is the level scheme that banded Score into Level.
	Scheme LevelScheme
	// Scored is false when no item was answered on the 1–4 scale, so there is no score; the
	// score fields are then zero and not meaningful.
	Scored bool
	// Score is the activation score rounded to one decimal, half up, as reported.
	Score float64
	// Unrounded is the activation score before rounding, in [0, 100].
	Unrounded float64
	// Level is Score's level under Scheme.
	Level Level
	// Extreme is true when every answered item is at the bottom (score 0) or top (score 100)
	// category: the Rasch estimate is not finite, and Logit and StandardError are zero.
	Extreme bool
	// Logit is the Rasch estimate of activation θ̂, in logits.
	Logit float64
	// StandardError is the standard error of Logit, in logits. It is zero, and so is Logit,
	// when there is no estimate: an extreme result, or a Scorer that reports only a score (a
	// conversion table, the licence holder's service).
	StandardError float64
	// Answered, NotApplicable and NotAnswered count the form's items answered on the 1–4
	// scale, marked not applicable, and left blank; they add up to the form's length.
	Answered      int
	NotApplicable int
	NotAnswered   int
	// Flags is the set of validity flags raised.
	Flags Flags
	// Accepted is true when the result is scored and its policy rejects none of its flags:
	// it belongs in analyses.
	Accepted bool
}

// Validate checks that the result is internally consistent and reports every problem at
// once: counts that do not add up to the form, a score outside [0, 100] or not rounded from
// the unrounded score, a level that does not match the score under the scheme, an extreme
// result whose score is neither 0 nor 100, a standard error that is not positive.
func (r Result) Validate() error {
	var l field.List
	if !r.Form.Valid() {
		l.Add("/form", ErrMissing, "a form, pam-13 or pam-10")
	}
	if !validID(r.ID) {
		l.Add("/id", ErrOutOfRange, "UTF-8 text of at most 128 characters")
	}
	if !r.Date.validOrZero() {
		l.Add("/date", ErrOutOfRange, "a calendar date YYYY-MM-DD")
	}
	if len(r.Calibration) > 80 || !slugPattern.MatchString(r.Calibration) {
		l.Add("/calibration", ErrOutOfRange, "the calibration's name, a slug")
	}
	if !r.Scheme.Valid() {
		l.Add("/levelScheme", ErrMissing, "a level scheme, hibbard-2005 or insignia-2024")
	}
	for _, c := range []struct {
		path string
		n    int
	}{{"/answered", r.Answered}, {"/notApplicable", r.NotApplicable}, {"/notAnswered", r.NotAnswered}} {
		if c.n < 0 || c.n > NumItems {
			l.Add(c.path, ErrOutOfRange, "a number of items from 0 to 13")
		}
	}
	if r.Form.Valid() && r.Answered+r.NotApplicable+r.NotAnswered != r.Form.Len() {
		l.Add("/answered", ErrInconsistent, "answered, notApplicable and notAnswered adding up to the form's number of items")
	}
	if !r.Flags.Valid() {
		l.Add("/flags", ErrOutOfRange, "a set of declared flags")
	}
	if r.Answered == 0 && !r.Flags.Has(TooFewAnswered) {
		l.Add("/flags", ErrInconsistent, "too-few-answered, raised whenever no item is answered")
	}
	if r.Accepted && !r.Scored {
		l.Add("/accepted", ErrInconsistent, "false for a result with no score")
	}
	if !r.Scored {
		if r.Answered != 0 {
			l.Add("/scored", ErrInconsistent, "true for a response with an item answered on the 1–4 scale")
		}
		if r.Score != 0 || r.Unrounded != 0 || r.Level != 0 || r.Extreme || r.Logit != 0 || r.StandardError != 0 {
			l.Add("/score", ErrInconsistent, "no score, level or estimate on a result with no score")
		}
		return l.Err()
	}
	if r.Answered == 0 {
		l.Add("/scored", ErrInconsistent, "false for a response with no item answered on the 1–4 scale")
	}
	if !(r.Unrounded >= 0 && r.Unrounded <= 100) {
		l.Add("/unroundedScore", ErrOutOfRange, "a score in [0, 100]")
	} else if r.Score != RoundScore(r.Unrounded) {
		l.Add("/score", ErrInconsistent, "the unrounded score rounded to one decimal, half up")
	}
	if !(r.Score >= 0 && r.Score <= 100) {
		l.Add("/score", ErrOutOfRange, "a score in [0, 100]")
	} else if r.Scheme.Valid() && r.Level != r.Scheme.Level(r.Score) {
		l.Add("/level", ErrInconsistent, "the score's level under the level scheme")
	}
	if r.Extreme {
		if r.Unrounded != 0 && r.Unrounded != 100 {
			l.Add("/extreme", ErrInconsistent, "an extreme result scores 0 or 100")
		}
		if r.Logit != 0 || r.StandardError != 0 {
			l.Add("/logit", ErrInconsistent, "no logit or standard error on an extreme result")
		}
	} else if r.StandardError == 0 {
		if r.Logit != 0 {
			l.Add("/logit", ErrInconsistent, "no logit without its standard error")
		}
	} else {
		if !finite(r.Logit) || math.Abs(r.Logit) > thetaBound {
			l.Add("/logit", ErrOutOfRange, "a finite number of logits")
		}
		if !finite(r.StandardError) || !(r.StandardError > 0) {
			l.Add("/standardError", ErrOutOfRange, "a positive, finite number of logits")
		}
	}
	return l.Err()
}

// resultJSON is the wire form of a Result.
type resultJSON struct {
	ID            string      `json:"id,omitempty"`
	Date          string      `json:"date,omitempty"`
	Form          Form        `json:"form"`
	Calibration   string      `json:"calibration"`
	Scheme        LevelScheme `json:"levelScheme"`
	Scored        bool        `json:"scored"`
	Score         *float64    `json:"score,omitempty"`
	Unrounded     *float64    `json:"unroundedScore,omitempty"`
	Level         Level       `json:"level,omitempty"`
	Extreme       *bool       `json:"extreme,omitempty"`
	Logit         *float64    `json:"logit,omitempty"`
	StandardError *float64    `json:"standardError,omitempty"`
	Answered      int         `json:"answered"`
	NotApplicable int         `json:"notApplicable"`
	NotAnswered   int         `json:"notAnswered"`
	Flags         Flags       `json:"flags"`
	Accepted      bool        `json:"accepted"`
}

// MarshalJSON writes the result in the form of the pam-result schema. The score fields are
// left out of a result with no score, and the logit and standard error out of one without a
// Rasch estimate. An inconsistent result (see Validate) is an error.
func (r Result) MarshalJSON() ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	w := resultJSON{
		ID: r.ID, Date: r.Date.String(), Form: r.Form, Calibration: r.Calibration, Scheme: r.Scheme,
		Scored: r.Scored, Answered: r.Answered, NotApplicable: r.NotApplicable, NotAnswered: r.NotAnswered,
		Flags: r.Flags, Accepted: r.Accepted,
	}
	if r.Scored {
		w.Score, w.Unrounded, w.Level, w.Extreme = &r.Score, &r.Unrounded, r.Level, &r.Extreme
		if !r.Extreme && r.StandardError != 0 {
			w.Logit, w.StandardError = &r.Logit, &r.StandardError
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a result written by MarshalJSON. It checks the values it decodes but
// not the result as a whole; call Validate, or use ParseResult, which also checks the
// document against its schema.
func (r *Result) UnmarshalJSON(data []byte) error {
	var w resultJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return &FieldError{Err: ErrOutOfRange, Detail: "a result document: " + err.Error()}
	}
	out := Result{
		ID: w.ID, Form: w.Form, Calibration: w.Calibration, Scheme: w.Scheme, Scored: w.Scored,
		Level: w.Level, Answered: w.Answered, NotApplicable: w.NotApplicable, NotAnswered: w.NotAnswered,
		Flags: w.Flags, Accepted: w.Accepted,
	}
	if w.Date != "" {
		d, err := ParseDate(w.Date)
		if err != nil {
			return &FieldError{Path: "/date", Err: ErrOutOfRange, Detail: "a calendar date YYYY-MM-DD"}
		}
		out.Date = d
	}
	for _, p := range []struct {
		dst *float64
		src *float64
	}{{&out.Score, w.Score}, {&out.Unrounded, w.Unrounded}, {&out.Logit, w.Logit}, {&out.StandardError, w.StandardError}} {
		if p.src != nil {
			*p.dst = *p.src
		}
	}
	if w.Extreme != nil {
		out.Extreme = *w.Extreme
	}
	*r = out
	return nil
}

// ParseResult reads a result from JSON (as stored by a scoring service or a previous run),
// checking it in three steps: schemas.Validate against the pam-result schema (shape; the
// error is a *schemas.Error), decoding, and Validate (meaning; *FieldErrors).
func ParseResult(data []byte) (Result, error) {
	if err := schemas.Validate(schemas.PAMResult, data); err != nil {
		return Result{}, err
	}
	var r Result
	if err := json.Unmarshal(data, &r); err != nil {
		return Result{}, err
	}
	if err := r.Validate(); err != nil {
		return Result{}, err
	}
	return r, nil
}
