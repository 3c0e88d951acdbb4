package measure_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/schemas"
)

// FuzzParseObservations: any input either parses into a set that validates, marshals to a
// document valid against the schema and parses back, or gives an error matching one of the
// documented classes. Nothing panics.
func FuzzParseObservations(f *testing.F) {
	if data, err := os.ReadFile("testdata/observations.json"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"observations":[]}`, `{"observations":[{}]}`,
		`{"observations":[{"id":"a","measure":"health-activation","area":"QYG","period":{"start":"2025-01-01","end":"2025-01-31"},"value":1,"method":{"statistic":"score"},"source":"x"}]}`,
		`{"observations":[{"id":"a","indicator":"pam","area":"e92000001","period":{"start":"2025-02-29","end":"2025-01-31"},"value":1e999,"method":{"statistic":"score"},"source":"x"}]}`,
		`{"observations":[{"id":"a","measure":"Health Activation","area":"QYG","period":{"start":"2025-01-01","end":"2025-01-31"},"value":1,"method":{"statistic":"score"},"source":"x"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := measure.ParseObservations(data)
		if err != nil {
			for _, class := range []error{schemas.ErrInvalid, schemas.ErrInternal, measure.ErrOutOfRange, measure.ErrRequired,
				measure.ErrDuplicate, measure.ErrMismatch, measure.ErrUnknownMeasure} {
				if errors.Is(err, class) {
					return
				}
			}
			t.Fatalf("unclassified error %v", err)
		}
		if err := set.Validate(); err != nil {
			t.Fatalf("parsed set does not validate: %v", err)
		}
		out, err := json.Marshal(set)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := measure.ParseObservations(out); err != nil {
			t.Fatalf("re-parse: %v", err)
		}
	})
}

// FuzzParseDate: a date that parses prints as its input; nothing panics.
func FuzzParseDate(f *testing.F) {
	for _, tc := range parseDateTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := measure.ParseDate(s)
		if err != nil {
			if !errors.Is(err, measure.ErrOutOfRange) {
				t.Fatalf("ParseDate(%q): %v", s, err)
			}
			return
		}
		if d.String() != s || d.IsZero() {
			t.Fatalf("ParseDate(%q) prints as %q", s, d.String())
		}
	})
}

// FuzzParseAreaCode: a code that parses is canonical, valid and parses to itself.
func FuzzParseAreaCode(f *testing.F) {
	for _, s := range []string{"E92000001", "qyg", " 01a ", "X12345678", "", "EE134290", "ÉÉÉ", "E9200000१"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := measure.ParseAreaCode(s)
		if err != nil {
			if !errors.Is(err, measure.ErrOutOfRange) {
				t.Fatalf("ParseAreaCode(%q): %v", s, err)
			}
			return
		}
		if !c.Valid() {
			t.Fatalf("ParseAreaCode(%q) = %q, not valid", s, c)
		}
		if again, err := measure.ParseAreaCode(string(c)); err != nil || again != c {
			t.Fatalf("%q does not parse to itself", c)
		}
	})
}

// FuzzParseTrend covers the trend, trend method, benchmark kind and area scheme parsers.
func FuzzParseTrend(f *testing.F) {
	for _, s := range []string{"improving", "Getting worse", "no change", "chi-squared", "England", "peers", "ons", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := measure.ParseTrend(s); err == nil {
			if back, err := measure.ParseTrend(v.String()); err != nil || back != v {
				t.Fatalf("Trend %v does not round-trip", v)
			}
		}
		if v, err := measure.ParseTrendMethod(s); err == nil {
			if back, err := measure.ParseTrendMethod(v.String()); err != nil || back != v {
				t.Fatalf("TrendMethod %v does not round-trip", v)
			}
		}
		if v, err := measure.ParseBenchmarkKind(s); err == nil {
			if back, err := measure.ParseBenchmarkKind(v.String()); err != nil || back != v {
				t.Fatalf("BenchmarkKind %v does not round-trip", v)
			}
		}
		if v, err := measure.ParseAreaScheme(s); err == nil {
			if back, err := measure.ParseAreaScheme(v.String()); err != nil || back != v {
				t.Fatalf("AreaScheme %v does not round-trip", v)
			}
		}
	})
}
