package sroi

import (
	"errors"
	"testing"
)

func TestFormatter(t *testing.T) {
	// Expected strings follow CLDR's currency pattern for English and Welsh, ¤#,##0.00 with a
	// leading minus (CLDR common/main/en.xml and cy.xml, numbers/currencyFormats), the
	// currency symbols of en-GB (£, €, US$, JP¥) and ISO 4217's minor units (2 for GBP, EUR
	// and USD, 0 for JPY); rounding half away from zero.
	cases := []struct {
		locale, currency, amount, want string
	}{
		{"en-GB", "GBP", "1234.565", "£1,234.57"},
		{"en-GB", "GBP", "-12.5", "-£12.50"},
		{"en-GB", "GBP", "0", "£0.00"},
		{"en-GB", "GBP", "-0.004", "£0.00"},
		{"en-GB", "GBP", "1234567.891", "£1,234,567.89"},
		{"en-GB", "GBP", "999.995", "£1,000.00"},
		{"en-GB", "GBP", "100", "£100.00"},
		{"cy-GB", "GBP", "1234.565", "£1,234.57"},
		{"cy-GB", "GBP", "-98765.4321", "-£98,765.43"},
		{"cy", "GBP", "12", "£12.00"},
		{"en-GB", "EUR", "1234.5", "€1,234.50"},
		{"en-GB", "USD", "1234.5", "US$1,234.50"},
		{"en-GB", "JPY", "1234.5", "JP¥1,235"},
		{"en", "GBP", "5", "£5.00"},
	}
	for _, c := range cases {
		f, err := NewFormatter(c.locale, c.currency)
		if err != nil {
			t.Fatalf("%s %s: %v", c.locale, c.currency, err)
		}
		if got := f.Money(d(c.amount)); got != c.want {
			t.Errorf("%s %s Money(%s) = %q, want %q", c.locale, c.currency, c.amount, got, c.want)
		}
	}
	f, _ := NewFormatter("cy-GB", "GBP")
	if got := f.Ratio(d("5.07339")); got != "£5.07 : £1" {
		t.Errorf("Ratio = %q", got)
	}
	if got := f.Ratio(d("-0.5")); got != "-£0.50 : £1" {
		t.Errorf("negative Ratio = %q", got)
	}
	if got := f.Percent(d("0.125"), 1); got != "12.5%" {
		t.Errorf("Percent = %q", got)
	}
	if got := f.Percent(d("0.25"), 0); got != "25%" {
		t.Errorf("Percent = %q", got)
	}
	if got := f.Number(d("1234.5"), 2); got != "1,234.50" {
		t.Errorf("Number = %q", got)
	}
	if got := f.Locale().String(); got != "cy-GB" {
		t.Errorf("Locale = %s", got)
	}
	if g, _ := NewFormatter("en-US", "GBP"); g.Locale().String() != "en-GB" {
		t.Errorf("en-US should be written as en-GB, got %s", g.Locale())
	}
}

func TestFormatterErrors(t *testing.T) {
	for _, c := range []struct {
		locale, currency string
		want             error
	}{
		{"fr-FR", "GBP", ErrUnsupportedLocale},
		{"not a tag!", "GBP", ErrUnsupportedLocale},
		{"en-GB", "ABC", ErrUnknownCurrency},
		{"en-GB", "", ErrUnknownCurrency},
	} {
		if _, err := NewFormatter(c.locale, c.currency); !errors.Is(err, c.want) {
			t.Errorf("NewFormatter(%q, %q) = %v, want %v", c.locale, c.currency, err, c.want)
		}
	}
}
