package sroi

import (
	"errors"
	"strconv"

	"github.com/shopspring/decimal"
)

// Precision and limits. Every number the package computes is a decimal.Decimal; none of
// shopspring/decimal's package-level settings (DivisionPrecision, MarshalJSONWithoutQuotes,
// TrimTrailingZeros, ...) is read or written.
const (
	// Places is the number of decimal places at which computed figures are held. Sums,
	// differences and products are exact; a figure that would otherwise need ever more
	// places is rounded half away from zero to Places at the step that creates it: a
	// quotient (discount factors, ratios, price uplifts, switching values, payback months),
	// and a product that compounds year on year or step by step (a year's value after
	// drop-off, the impact after each deduction when its inputs carry many places). A
	// present value — a held value times a held discount factor — is exact, with at most
	// 2 × Places places. With ordinary inputs (money in pence, shares in whole percent)
	// every figure before discounting is exact; an error of at most 10⁻⁴⁰ per step is far
	// below anything a report shows and below the 10⁻²⁰ to which switching values are
	// checked. Model numbers may themselves carry at most Places decimal places.
	Places = 40

	// RoundPlaces is the number of decimal places to which Round rounds figures for
	// presentation.
	RoundPlaces = 2

	// MaxIntegerDigits bounds the size of every number in a model: its absolute value must
	// be below 10^MaxIntegerDigits (a thousand million million). Larger figures are errors,
	// not silently huge results.
	MaxIntegerDigits = 15

	// MaxDuration is the longest an outcome may last, and the latest year an input may fall
	// in, in whole years. It is far beyond any SROI forecast horizon and bounds the work an
	// evaluation does.
	MaxDuration = 100

	// MaxHorizon is the last year for which Discount.Factors computes discount factors, so
	// that every band of the Green Book schedules (the last begins in year 301) can be
	// inspected.
	MaxHorizon = 500

	// MaxOutcomes bounds the number of outcomes in a model.
	MaxOutcomes = 1000
	// MaxInputs bounds the number of inputs in a model.
	MaxInputs = 1000
	// MaxStakeholders bounds the number of stakeholders in a model.
	MaxStakeholders = 1000
	// MaxBands bounds the number of caller-supplied discount bands.
	MaxBands = 100
	// MaxDeflators bounds the length of a deflator series.
	MaxDeflators = 500
	// MaxScenarios bounds the number of what-if scenarios in a model.
	MaxScenarios = 100
	// MaxChanges bounds the number of changes in one what-if scenario.
	MaxChanges = 1000
	// MaxDraws bounds the number of Monte Carlo draws in one simulation.
	MaxDraws = 1_000_000
	// MaxSimulationWork bounds the work of one simulation: draws × the number of
	// outcome-years a draw can reach (the sum over outcomes of the longest duration each can
	// take, plus one for each outcome and input). A billion steps take a few seconds.
	MaxSimulationWork = 1_000_000_000
	// MaxText bounds the length, in characters, of every text field of a model.
	MaxText = 4000
	// MaxPercentiles bounds the number of percentiles a simulation reports.
	MaxPercentiles = 99
	// MaxSeed is the largest Monte Carlo seed, 2⁵³ − 1, so that a seed survives a JSON
	// reader that holds numbers as IEEE doubles.
	MaxSeed = 1<<53 - 1

	// MinPriceYear and MaxPriceYear bound the calendar years used as price years and in
	// deflator series.
	MinPriceYear = 1900
	MaxPriceYear = 2200

	// maxTextLen bounds the length of a number's text in a JSON document, and the size of its
	// exponent, checked before it is parsed, so that hostile text cannot make parsing slow.
	// A result's figures need up to 1 + 40 + 1 + 80 characters.
	maxTextLen = 128
)

// Round rounds a figure for presentation to RoundPlaces (2) decimal places, half away from
// zero (ROUND_HALF_UP in the usual accounting sense: 2.345 → 2.35, −2.345 → −2.35). Nothing
// in this package rounds to pennies before presentation: round totals, never sum rounded
// parts.
func Round(d decimal.Decimal) decimal.Decimal { return d.Round(RoundPlaces) }

var (
	one    = decimal.NewFromInt(1)
	twelve = decimal.NewFromInt(12)
)

// hold keeps d within Places decimal places, rounding half away from zero.
func hold(d decimal.Decimal) decimal.Decimal {
	if d.Exponent() < -Places {
		return d.Round(Places)
	}
	return d
}

// quo returns a ÷ b rounded half away from zero to Places decimal places. b must not be zero.
func quo(a, b decimal.Decimal) decimal.Decimal { return a.DivRound(b, Places) }

// pow10f holds the powers of ten that float64 represents exactly.
var pow10f = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// approx returns the float64 nearest d (correctly rounded for short coefficients, within an
// ulp otherwise), without the big.Rat arithmetic of decimal's own conversion.
func approx(d decimal.Decimal) float64 {
	if d.NumDigits() <= 15 {
		c, e := float64(d.CoefficientInt64()), d.Exponent()
		switch {
		case e >= 0 && e <= 22:
			return c * pow10f[e]
		case e < 0 && e >= -22:
			return c / pow10f[-e]
		}
	}
	f, _ := strconv.ParseFloat(text(d), 64)
	return f
}

// ptr returns the JSON Pointer "/name/i" (name needs no escaping).
func ptr(name string, i int) string { return "/" + name + "/" + strconv.Itoa(i) }

// places returns the number of decimal places d is written with.
func places(d decimal.Decimal) int {
	if e := d.Exponent(); e < 0 {
		return int(-e)
	}
	return 0
}

// integerDigits returns the number of digits before the decimal point of |d| (0 for |d| < 1).
func integerDigits(d decimal.Decimal) int {
	n := d.NumDigits() + int(d.Exponent())
	if d.IsZero() || n < 0 {
		return 0
	}
	return n
}

// checkSize reports whether d is within the package's limits: fewer than MaxIntegerDigits
// digits before the point and at most Places after it.
func checkSize(d decimal.Decimal) bool {
	return integerDigits(d) <= MaxIntegerDigits && places(d) <= Places
}

// text writes d in plain decimal notation with exactly the places it carries, never in
// exponent form and without trimming trailing zeros, so that "1250.00" is written back as
// "1250.00". It does not depend on decimal's package settings.
func text(d decimal.Decimal) string {
	if d.Exponent() >= 0 {
		return d.StringFixed(0)
	}
	return d.StringFixed(d.Exponent() * -1)
}

var errNumberText = errors.New("not a decimal number within the accepted size")

// parse reads a decimal from JSON number syntax (an optional minus sign, digits, an optional
// fraction, an optional exponent), refusing text longer than maxTextLen or with an exponent
// beyond ±maxTextLen before any arithmetic is done.
func parse(s string) (decimal.Decimal, error) {
	if len(s) == 0 || len(s) > maxTextLen {
		return decimal.Decimal{}, errNumberText
	}
	i := 0
	if s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return decimal.Decimal{}, errNumberText
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == fs {
			return decimal.Decimal{}, errNumberText
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > maxTextLen || e < -maxTextLen {
			return decimal.Decimal{}, errNumberText
		}
		i = len(s)
	}
	if i != len(s) {
		return decimal.Decimal{}, errNumberText
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, errNumberText
	}
	return d, nil
}

// jnum reads and writes a decimal as a bare JSON number (shares, quantities, indices).
type jnum struct{ d *decimal.Decimal }

func (n jnum) MarshalJSON() ([]byte, error) { return []byte(text(*n.d)), nil }

func (n jnum) UnmarshalJSON(b []byte) error {
	d, err := parse(string(b))
	if err != nil {
		return err
	}
	*n.d = d
	return nil
}

// jstr reads and writes a decimal as a JSON string (money and exact figures).
type jstr struct{ d *decimal.Decimal }

func (n jstr) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(text(*n.d))), nil }

func (n jstr) UnmarshalJSON(b []byte) error {
	s, err := strconv.Unquote(string(b))
	if err != nil || len(b) < 2 || b[0] != '"' {
		return errNumberText
	}
	d, err := parse(s)
	if err != nil {
		return err
	}
	*n.d = d
	return nil
}

// ostr reads and writes an optional decimal as a JSON string, or null when absent.
type ostr struct{ d **decimal.Decimal }

func (n ostr) MarshalJSON() ([]byte, error) {
	if *n.d == nil {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(text(**n.d))), nil
}

func (n ostr) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n.d = nil
		return nil
	}
	var d decimal.Decimal
	if err := (jstr{&d}).UnmarshalJSON(b); err != nil {
		return err
	}
	*n.d = &d
	return nil
}
