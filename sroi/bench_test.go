package sroi

import (
	"encoding/json"
	"testing"
)

// BenchmarkEvaluate evaluates the benchmark map (benchModel: 50 outcomes lasting 10 years,
// uplifted proxies, Green Book discounting, inputs in three years) with its full
// sensitivity analysis, 357 switching values. Target: ≤ 2 ms per evaluation.
func BenchmarkEvaluate(b *testing.B) {
	m := benchModel()
	b.ReportAllocs()
	for range b.N {
		if _, err := Evaluate(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateWithoutSensitivity is the calculation alone, for comparison.
func BenchmarkEvaluateWithoutSensitivity(b *testing.B) {
	m := benchModel()
	b.ReportAllocs()
	for range b.N {
		_ = evaluate(&m)
	}
}

// BenchmarkSimulate runs 10,000 Monte Carlo draws of the benchmark map on one goroutine,
// with distributions on four assumptions of every outcome and on every input.
// Target: ≤ 300 ms.
func BenchmarkSimulate(b *testing.B) {
	m := benchModel()
	s := Simulation{Draws: 10000, Seed: 1, Workers: 1}
	b.ReportAllocs()
	for range b.N {
		if _, err := Simulate(m, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseModel reads the benchmark map from JSON: schema check, decoding, Validate.
func BenchmarkParseModel(b *testing.B) {
	data, err := json.Marshal(fullModel())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for range b.N {
		if _, err := ParseModel(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGreenBookFactors computes the Green Book factors for 100 years.
func BenchmarkGreenBookFactors(b *testing.B) {
	disc := Discount{Schedule: GreenBook}
	b.ReportAllocs()
	for range b.N {
		if _, err := disc.Factors(MaxDuration); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormatterMoney formats one amount.
func BenchmarkFormatterMoney(b *testing.B) {
	f, err := NewFormatter("cy-GB", "GBP")
	if err != nil {
		b.Fatal(err)
	}
	v := d("-1234567.891")
	b.ReportAllocs()
	for range b.N {
		_ = f.Money(v)
	}
}
