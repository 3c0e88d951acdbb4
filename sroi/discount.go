package sroi

import (
	"fmt"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/shopspring/decimal"
)

// Discount sets how values in future years are brought to present value. The guide (stage 5,
// "calculating the net present value") discounts each year's value; HM Treasury's Green Book
// (Annex A6) sets the rates for public-sector appraisal.
//
// The factor for year t is
//
//	DF(t) = 1 / ∏ₖ₌₁..ₜ (1 + rₖ),  DF(0) = 1
//
// where rₖ is the rate of the band containing year k. Bands apply marginally, year by year,
// as the Green Book requires: under GreenBook, DF(31) = DF(30) ÷ 1.03, not 1 ÷ 1.03³¹. Each
// factor is the previous one divided by (1 + rₖ), held to Places decimal places.
//
// Following the guide and a spreadsheet's NPV function, year 1 is discounted by one full
// period. With YearOneUndiscounted, year t is discounted by DF(t − 1) instead (year 1 is
// treated as the present, as some tools do); inputs and outcomes move together, and year 0
// is never discounted.
type Discount struct {
	// Schedule says which rates apply.
	Schedule Schedule `json:"schedule"`
	// Rate is the rate for a ConstantRate schedule, a fraction in [0, 1] (0.035 for 3.5 %);
	// zero for the other schedules.
	Rate decimal.Decimal `json:"rate"`
	// Bands are the caller's bands for a CustomBands schedule; empty for the others.
	Bands []Band `json:"bands,omitempty"`
	// YearOneUndiscounted selects the alternative convention in which year 1 is not
	// discounted. The zero value is the guide's convention.
	YearOneUndiscounted bool `json:"yearOneUndiscounted,omitempty"`
}

// Band is one band of a discount schedule: Rate applies to every year from From until the
// next band begins; the last band applies to every later year.
type Band struct {
	// From is the first year to which Rate applies. The first band begins in year 1, and
	// each later band begins after the one before it.
	From int `json:"from"`
	// Rate is the annual discount rate, a fraction in [0, 1].
	Rate decimal.Decimal `json:"rate"`
}

// bandsOf builds bands from a list of (from, rate text) pairs.
func bandsOf(pairs ...any) []Band {
	out := make([]Band, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Band{From: pairs[i].(int), Rate: decimal.RequireFromString(pairs[i+1].(string))})
	}
	return out
}

// GreenBookBands returns the Green Book's standard declining schedule of the social time
// preference rate (HM Treasury, The Green Book, 2003 Annex 6 Table 6.1, kept in the 2018,
// 2020 and 2022 editions, Annex A6): 3.5 % in years 1–30, 3.0 % in 31–75, 2.5 % in 76–125,
// 2.0 % in 126–200, 1.5 % in 201–300 and 1.0 % from year 301. The slice is a new copy.
func GreenBookBands() []Band {
	return bandsOf(1, "0.035", 31, "0.03", 76, "0.025", 126, "0.02", 201, "0.015", 301, "0.01")
}

// GreenBookHealthBands returns the Green Book's schedule for health effects, the social time
// preference rate without its wealth effect (Green Book Annex A6; the series as published in
// the greenbook R package, C. Coverdale, inst/extdata/stpr_schedule.csv): 1.5 %, 1.29 %,
// 1.07 %, 0.86 %, 0.64 % and 0.43 % over the same bands as GreenBookBands. The slice is a new
// copy.
func GreenBookHealthBands() []Band {
	return bandsOf(1, "0.015", 31, "0.0129", 76, "0.0107", 126, "0.0086", 201, "0.0064", 301, "0.0043")
}

// bands returns the bands the schedule uses; a constant rate is one band from year 1.
func (d Discount) bands() []Band {
	switch d.Schedule {
	case ConstantRate:
		return []Band{{From: 1, Rate: d.Rate}}
	case GreenBook:
		return GreenBookBands()
	case GreenBookHealth:
		return GreenBookHealthBands()
	}
	return d.Bands
}

// RateFor returns the discount rate that applies in year t ≥ 1 (the rate by which year t's
// factor is smaller than year t − 1's, before the year-one convention is applied). It returns
// an error for an invalid discount or t < 1.
func (d Discount) RateFor(t int) (decimal.Decimal, error) {
	if err := d.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if t < 1 {
		return decimal.Decimal{}, &FieldError{Err: ErrOutOfRange, Detail: "a year of 1 or later"}
	}
	b := d.bands()
	r := b[0].Rate
	for _, band := range b {
		if band.From <= t {
			r = band.Rate
		}
	}
	return r, nil
}

// Factors returns the discount factors applied to money in years 0 … n, under the discount's
// convention: factors[t] = DF(t), or DF(t − 1) with YearOneUndiscounted (factors[0] = 1
// always). n may be at most MaxHorizon. Each factor is held to Places decimal places.
func (d Discount) Factors(n int) ([]decimal.Decimal, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if n < 0 || n > MaxHorizon {
		return nil, &FieldError{Err: ErrOutOfRange, Detail: fmt.Sprintf("a horizon of 0 … %d years", MaxHorizon)}
	}
	return d.factors(n), nil
}

// factors computes the factors for a valid discount.
func (d Discount) factors(n int) []decimal.Decimal {
	df := periodFactors(d.bands(), n)
	if d.YearOneUndiscounted {
		copy(df[1:], df[:n])
	}
	return df
}

// floatFactors approximates factors(n) in float64, for searches that are confirmed in
// decimal arithmetic and for Monte Carlo simulation.
func (d Discount) floatFactors(n int) []float64 {
	bands := d.bands()
	df := make([]float64, n+1)
	df[0] = 1
	b := 0
	growth := 1 + approx(bands[0].Rate)
	for t := 1; t <= n; t++ {
		if b+1 < len(bands) && bands[b+1].From == t {
			b++
			growth = 1 + approx(bands[b].Rate)
		}
		df[t] = df[t-1] / growth
	}
	if d.YearOneUndiscounted {
		copy(df[1:], df[:n])
	}
	return df
}

// periodFactors returns DF(0) … DF(n) for bands that are valid.
func periodFactors(bands []Band, n int) []decimal.Decimal {
	df := make([]decimal.Decimal, n+1)
	df[0] = one
	b := 0
	growth := one.Add(bands[0].Rate)
	for t := 1; t <= n; t++ {
		if b+1 < len(bands) && bands[b+1].From == t {
			b++
			growth = one.Add(bands[b].Rate)
		}
		df[t] = quo(df[t-1], growth)
	}
	return df
}

// Validate checks the discount: a known schedule; a rate in [0, 1] for a constant schedule
// and no rate otherwise; for caller bands at least one band and at most MaxBands, the first
// from year 1, each later one beginning after the one before, each rate in [0, 1]; and no
// bands for other schedules. Every problem is reported, each as a *FieldError whose Path is
// relative to the discount object.
func (d Discount) Validate() error {
	var l field.List
	d.validate(&l, "")
	return l.Err()
}

func (d Discount) validate(l *field.List, at string) {
	if d.Schedule != ConstantRate && !d.Rate.IsZero() {
		l.Add(at+"/rate", ErrOutOfRange, "no rate except for a constant schedule")
	}
	if d.Schedule != CustomBands && len(d.Bands) > 0 {
		l.Add(at+"/bands", ErrOutOfRange, "no bands except for a bands schedule")
	}
	switch d.Schedule {
	case ConstantRate:
		checkFraction(l, at+"/rate", d.Rate)
	case GreenBook, GreenBookHealth:
	case CustomBands:
		switch {
		case len(d.Bands) == 0:
			l.Add(at+"/bands", ErrRequired, "at least one band for a bands schedule")
		case len(d.Bands) > MaxBands:
			l.Add(at+"/bands", ErrTooLarge, fmt.Sprintf("at most %d bands", MaxBands))
		default:
			for i, b := range d.Bands {
				p := at + ptr("bands", i)
				switch {
				case i == 0 && b.From != 1:
					l.Add(p+"/from", ErrOutOfRange, "the first band must begin in year 1")
				case i > 0 && b.From <= d.Bands[i-1].From:
					l.Add(p+"/from", ErrOutOfRange, "a year after the previous band's first year")
				case b.From > MaxHorizon:
					l.Add(p+"/from", ErrOutOfRange, fmt.Sprintf("a year of at most %d", MaxHorizon))
				}
				checkFraction(l, p+"/rate", b.Rate)
			}
		}
	default:
		l.Add(at+"/schedule", ErrRequired, "one of constant, green-book, green-book-health, bands")
	}
}

// checkFraction records a problem unless d is a share in [0, 1] within the size limits.
func checkFraction(l *field.List, at string, d decimal.Decimal) {
	if d.Sign() < 0 || d.GreaterThan(one) || !checkSize(d) {
		l.Add(at, ErrOutOfRange, fmt.Sprintf("a fraction in [0, 1] with at most %d decimal places", Places))
	}
}
