package schemas_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/peopleandcommunities/engage/pam"
	"github.com/peopleandcommunities/engage/schemas"
	"github.com/peopleandcommunities/engage/sroi"
	"github.com/shopspring/decimal"
)

// Benchmarks of Validate on the embedded schemas of the real kinds, with documents written by
// the domain packages' own types (bench_test.go measures the stages on test-only fixtures).
// Targets (issue "schemas"): a PAM response ≤ 20 µs; a 50-outcome SROI impact map ≤ 300 µs;
// rejecting a 1 MiB hostile document within 10 ms and 16 MiB of allocation.

// pamEngageDoc is a complete PAM-13 response in engage's coding, as pam.Response writes it.
func pamEngageDoc(b *testing.B) []byte {
	b.Helper()
	r, err := pam.NewResponse(pam.PAM13,
		pam.Agree, pam.Agree, pam.AgreeStrongly, pam.Disagree, pam.Agree, pam.Agree, pam.NotApplicable,
		pam.Agree, pam.Disagree, pam.Agree, pam.AgreeStrongly, pam.Agree, pam.DisagreeStrongly)
	if err != nil {
		b.Fatal(err)
	}
	r.ID = "resp-000123"
	r.Date = pam.Date{Year: 2026, Month: 3, Day: 14}
	data, err := json.Marshal(r)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// pamLicenceDoc is the same response in the licence holder's coding: members PA1 … PA13 with
// codes 1 … 4 and 0 for not applicable.
const pamLicenceDoc = `{"id":"resp-000123","date":"2026-03-14","form":"pam-13",` +
	`"PA1":3,"PA2":3,"PA3":4,"PA4":2,"PA5":3,"PA6":3,"PA7":0,"PA8":3,"PA9":2,"PA10":3,"PA11":4,"PA12":3,"PA13":1}`

func BenchmarkValidateRealPAMResponse(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"engage", pamEngageDoc(b)}, {"licence", []byte(pamLicenceDoc)}} {
		if _, err := pam.ParseResponse(c.data); err != nil {
			b.Fatalf("%s: %v\n%s", c.name, err, c.data)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for range b.N {
				if err := schemas.Validate(schemas.PAMResponse, c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// sroiModel50 is an impact map of 50 outcomes across 5 stakeholder groups, each outcome with
// its financial proxy and the four adjustments, three years of inputs and the Green Book
// schedule, as sroi.Model writes it. With uncertainty, every outcome and input also carries
// the distributions of a Monte Carlo run (four per outcome).
func sroiModel50(b *testing.B, uncertainty bool) []byte {
	b.Helper()
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	m := sroi.Model{
		Title: "Community health champions, 2024 to 2034", Currency: "GBP", PriceYear: 2024,
		Discount: sroi.Discount{Schedule: sroi.GreenBook},
		Deflators: []sroi.Deflator{{Year: 2022, Index: d("90.5005")}, {Year: 2023, Index: d("96.2507")},
			{Year: 2024, Index: d("100")}},
	}
	for s := range 5 {
		m.Stakeholders = append(m.Stakeholders, sroi.Stakeholder{ID: fmt.Sprintf("group-%d", s), Name: fmt.Sprintf("Group %d", s)})
	}
	for i := range 50 {
		m.Outcomes = append(m.Outcomes, sroi.Outcome{
			ID: fmt.Sprintf("outcome-%d", i), Stakeholder: fmt.Sprintf("group-%d", i%5),
			Description: "Residents more confident managing a long-term condition",
			Indicator:   "Number reporting higher confidence at six months",
			Quantity:    decimal.NewFromInt(int64(20 + i)), Duration: 10,
			Proxy: sroi.Proxy{Description: "Cost of a structured self-management course", Value: decimal.New(int64(25000+1375*i), -2),
				Source: "Provider price list", PriceYear: 2022 + i%3},
			Deadweight: d("0.25"), Displacement: d("0.1"), Attribution: d("0.3"), DropOff: d("0.15"),
			Uncertainty: &sroi.Uncertainty{
				Quantity:   &sroi.Distribution{Shape: sroi.Triangular, Min: decimal.NewFromInt(int64(15 + i)), Mode: decimal.NewFromInt(int64(20 + i)), Max: decimal.NewFromInt(int64(30 + i))},
				Deadweight: &sroi.Distribution{Shape: sroi.PERT, Min: d("0.1"), Mode: d("0.25"), Max: d("0.5")},
				DropOff:    &sroi.Distribution{Shape: sroi.Uniform, Min: d("0.05"), Max: d("0.3")},
				Duration:   &sroi.Distribution{Shape: sroi.Uniform, Min: d("8"), Max: d("12")},
			},
		})
	}
	for j := range 3 {
		m.Inputs = append(m.Inputs, sroi.Input{ID: fmt.Sprintf("input-%d", j), Stakeholder: "group-0", Description: "Grant funding",
			Value: d("1140000"), Year: j,
			Uncertainty: &sroi.Distribution{Shape: sroi.Uniform, Min: d("1050000"), Max: d("1230000")}})
	}
	if !uncertainty {
		for i := range m.Outcomes {
			m.Outcomes[i].Uncertainty = nil
		}
		for i := range m.Inputs {
			m.Inputs[i].Uncertainty = nil
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := sroi.ParseModel(data); err != nil {
		b.Fatalf("the benchmark's model is not valid: %v", err)
	}
	return data
}

func BenchmarkValidateRealSROIModel50(b *testing.B) {
	for _, c := range []struct {
		name        string
		uncertainty bool
	}{{"plain", false}, {"uncertainty", true}} {
		data := sroiModel50(b, c.uncertainty)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for range b.N {
				if err := schemas.Validate(schemas.SROIModel, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Explaining why a real document fails: the fast path says no, the library validates the
// decoded document, and each violation is explained and ordered.
func BenchmarkExplainRealInvalid(b *testing.B) {
	sroi50 := sroiModel50(b, true)
	for _, c := range []struct {
		name string
		k    schemas.Kind
		data []byte
		n    int // violations expected
	}{
		{"pam", schemas.PAMResponse, []byte(`{"form":"pam-14","answers":{"pa1":"maybe","pa14":"agree"}}`), 3},
		{"sroi50", schemas.SROIModel, []byte(strings.ReplaceAll(string(sroi50), `"deadweight":0.25,"displacement"`, `"deadweight":1.25,"displacement"`)), 50},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				err := schemas.Validate(c.k, c.data)
				var se *schemas.Error
				if !errors.As(err, &se) || len(se.Violations) != c.n {
					b.Fatalf("want %d violations, got %v", c.n, err)
				}
			}
		})
	}
}

// The hostile 1 MiB documents of bench_test.go, against the real SROI model schema.
func BenchmarkRejectHostileReal(b *testing.B) {
	const mib = 1 << 20
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"deepNesting", []byte(strings.Repeat("[", mib))},
		{"giantNumber", []byte("[1" + strings.Repeat("0", mib-3) + "]")},
		{"giantExponents", []byte("[" + strings.Repeat("1e1000000000,", mib/13) + "1]")},
		{"longArray", []byte("[" + strings.Repeat("0,", mib/2-1) + "0]")},
		// Well-formed and within every limit, but wrong everywhere: 100,000 outcomes that are
		// strings (1 MB), explained up to MaxViolations.
		{"wrongEverywhere", []byte(`{"outcomes":[` + strings.Repeat(`"xxxxxxx",`, 99_999) + `"xxxxxxx"]}`)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for range b.N {
				if err := schemas.Validate(schemas.SROIModel, c.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
