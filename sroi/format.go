package sroi

import (
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Formatter writes figures for reports in one locale and currency: amounts of money with the
// currency's symbol and standard number of decimal places, ratios as "£5.07 : £1", and shares
// as percentages. It supports British English (en-GB) and Welsh (cy-GB), whose conventions
// for money are the same (CLDR pattern ¤#,##0.00: "£1,234.57", "-£12.50"). The locale's
// symbols, currency symbols and currency digits come from golang.org/x/text; the pattern is
// applied here, because x/text's currency formatter does not follow CLDR's patterns (it
// writes "£ 1,234.57" and "£ -12.50").
//
// Every figure is rounded half away from zero at the moment it is written; the value itself
// is not changed. The zero Formatter is not usable; build one with NewFormatter.
type Formatter struct {
	tag     language.Tag
	symbol  string
	digits  int32
	group   string
	decimal string
}

// supported returns the locales Formatter writes.
func supported() []language.Tag {
	return []language.Tag{language.BritishEnglish, language.Make("cy-GB")}
}

// NewFormatter returns a Formatter for a BCP 47 locale ("en-GB", "cy-GB", "cy", "en") and an
// ISO 4217 currency code ("GBP"). Other English or Welsh variants are written as en-GB or
// cy-GB; a locale in any other language is an error matching ErrUnsupportedLocale, and an
// unknown currency one matching ErrUnknownCurrency.
func NewFormatter(locale, currencyCode string) (Formatter, error) {
	tag, err := language.Parse(locale)
	if err != nil {
		return Formatter{}, &FieldError{Path: "/locale", Err: ErrUnsupportedLocale, Detail: "a BCP 47 language tag, en-GB or cy-GB"}
	}
	base, _ := tag.Base()
	if b := base.String(); b != "en" && b != "cy" {
		return Formatter{}, &FieldError{Path: "/locale", Err: ErrUnsupportedLocale, Detail: "an English or Welsh locale (en-GB or cy-GB)"}
	}
	locales := supported()
	_, i, _ := language.NewMatcher(locales).Match(tag)
	tag = locales[i]
	u, err := currency.ParseISO(currencyCode)
	if err != nil {
		return Formatter{}, &FieldError{Path: "/currency", Err: ErrUnknownCurrency, Detail: "an ISO 4217 currency code, e.g. GBP"}
	}
	p := message.NewPrinter(tag)
	f := Formatter{tag: tag, symbol: p.Sprint(currency.Symbol(u))}
	scale, _ := currency.Standard.Rounding(u)
	f.digits = int32(scale)
	// Read the locale's grouping and decimal separators from x/text's rendering of a probe.
	probe := p.Sprint(number.Decimal(1234.5, number.Scale(1)))
	i1, i4 := strings.IndexByte(probe, '1'), strings.IndexByte(probe, '4')
	f.group, f.decimal = probe[i1+1:strings.IndexByte(probe, '2')], probe[i4+1:strings.IndexByte(probe, '5')]
	return f, nil
}

// Locale returns the locale the formatter writes, en-GB or cy-GB.
func (f Formatter) Locale() language.Tag { return f.tag }

// Money writes an amount with the currency symbol and the currency's standard decimal places
// (two for pounds), rounded half away from zero, with thousands grouped and a leading minus
// for a negative amount: 1234.565 → "£1,234.57", −12.5 → "-£12.50".
func (f Formatter) Money(d decimal.Decimal) string {
	s := f.Number(d, f.digits)
	if strings.HasPrefix(s, "-") {
		return "-" + f.symbol + s[1:]
	}
	return f.symbol + s
}

// Ratio writes an SROI ratio in the form reports use, "£5.07 : £1", with two decimal places,
// rounded half away from zero, whatever the currency's own decimal places.
func (f Formatter) Ratio(r decimal.Decimal) string {
	s := f.Number(r, RoundPlaces)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	out := f.symbol + s + " : " + f.symbol + "1"
	if neg {
		out = "-" + out
	}
	return out
}

// Percent writes a share as a percentage with the given decimal places, rounded half away
// from zero: Percent(0.125, 1) → "12.5%".
func (f Formatter) Percent(share decimal.Decimal, places int32) string {
	return f.Number(share.Shift(2), places) + "%"
}

// Number writes d with the given decimal places (0 … Places), rounded half away from zero,
// with the locale's grouping and decimal separators: Number(1234.5, 2) → "1,234.50".
func (f Formatter) Number(d decimal.Decimal, places int32) string {
	places = min(max(places, 0), Places)
	s := d.StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(whole+frac, "0") != "" {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteString(f.decimal)
		b.WriteString(frac)
	}
	return b.String()
}
