package sroi

import (
	"fmt"

	"github.com/peopleandcommunities/engage/internal/field"
	"github.com/shopspring/decimal"
)

// Uplift re-expresses value, stated in the prices of year from, in the prices of year to,
// with a price index series such as HM Treasury's GDP deflators (the Green Book's method of
// rebasing to a common price year; as in the greenbook R package's deflator function):
//
//	value_to = value × index[to] ÷ index[from]
//
// The quotient is held to Places decimal places; when from equals to, value is returned
// unchanged. Evaluate applies the same uplift to every proxy whose price year differs from
// the model's. An error locates a missing year (ErrMissingDeflator) or a bad series point
// (ErrOutOfRange, ErrDuplicate) by its index in series.
//
// For example, with the ONS GDP deflator series at 2024 = 100, £132 at 2014 prices
// (index 74.6524) is £176.82 at 2024 prices, to the penny.
func Uplift(value decimal.Decimal, from, to int, series []Deflator) (decimal.Decimal, error) {
	var l field.List
	checkAmount(&l, "/value", value, true)
	var a, b decimal.Decimal
	var fromOK, toOK bool
	seen := map[int]bool{}
	if len(series) > MaxDeflators {
		l.Add("/series", ErrTooLarge, fmt.Sprintf("at most %d deflators", MaxDeflators))
		series = nil
	}
	for i, d := range series {
		p := ptr("series", i)
		if seen[d.Year] {
			l.Add(p+"/year", ErrDuplicate, "each year at most once in a deflator series")
		}
		seen[d.Year] = true
		if d.Index.Sign() <= 0 || !checkSize(d.Index) {
			l.Add(p+"/index", ErrOutOfRange, "a positive price index within the size limits")
		}
		if d.Year == from {
			a, fromOK = d.Index, true
		}
		if d.Year == to {
			b, toOK = d.Index, true
		}
	}
	if from != to {
		if !fromOK {
			l.Add("/from", ErrMissingDeflator, "a year present in the series")
		}
		if !toOK {
			l.Add("/to", ErrMissingDeflator, "a year present in the series")
		}
	}
	if err := l.Err(); err != nil {
		return decimal.Decimal{}, err
	}
	if from == to {
		return value, nil
	}
	return quo(value.Mul(b), a), nil
}
