package indicator

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/peopleandcommunities/engage/measure"
)

// sane fails the test if an estimate holds a NaN or an infinity, or limits out of order.
func sane(t *testing.T, e Estimate) {
	t.Helper()
	if !checkFinite(e.Value) {
		t.Fatalf("value %v", e.Value)
	}
	for _, iv := range e.Limits {
		if !checkFinite(iv.Lower, iv.Upper) || iv.Lower > iv.Upper {
			t.Fatalf("limits %v", iv)
		}
	}
}

func saneInterval(t *testing.T, iv Interval, err error) {
	t.Helper()
	if err == nil && (!checkFinite(iv.Lower, iv.Upper) || iv.Lower > iv.Upper) {
		t.Fatalf("limits %v", iv)
	}
}

func FuzzLimits(f *testing.F) {
	for _, s := range [][3]float64{{81, 263, 0.95}, {0, 1, 0.998}, {1, 1, 0.9}, {0, 0, 0.95}, {1e15, 1e15, 0.999999}, {-1, 2, 0.95}, {math.NaN(), 1, 0.95}, {1, math.Inf(1), 0.95}, {5e-324, 1e-300, 0.95}, {3, 4, math.NaN()}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, x, n, c float64) {
		iv, err := WilsonLimits(x, n, c)
		saneInterval(t, iv, err)
		if err == nil && (iv.Lower < 0 || iv.Upper > 1) {
			t.Fatalf("Wilson limits %v outside [0, 1]", iv)
		}
		iv, err = ByarLimits(x, c)
		saneInterval(t, iv, err)
		iv, err = ExactPoissonLimits(x, c)
		saneInterval(t, iv, err)
		iv, _, err = PoissonLimits(x, c)
		saneInterval(t, iv, err)
	})
}

func FuzzNewProportionAndRate(f *testing.F) {
	f.Add(81.0, 263.0, 0.95, 100.0)
	f.Add(0.0, 1e-300, 0.9, 0.0)
	f.Add(1e15, 1e15, 0.998, 1e15)
	f.Add(9.5, 1e-300, 0.95, 1e15)
	f.Add(math.Inf(-1), math.NaN(), 2.0, -1.0)
	f.Fuzz(func(t *testing.T, x, n, c, m float64) {
		o := Options{Levels: []float64{c, 0.95}, Multiplier: m}
		if p, err := NewProportion(x, n, o); err == nil {
			sane(t, p.Estimate)
		}
		if r, err := NewRate(x, n, o); err == nil {
			sane(t, r.Estimate)
		}
		if s, err := NewISRatio(x, n, o); err == nil {
			sane(t, s.Estimate)
		}
		if s, err := NewISRate(x, n, c, Options{Multiplier: m}); err == nil {
			sane(t, s.Estimate)
		}
	})
}

func FuzzNewMean(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 0.95, 5)
	f.Add(1e15, -1e15, 1e15, 0.9, 2)
	f.Add(math.NaN(), 0.0, 0.0, 0.95, 1)
	f.Fuzz(func(t *testing.T, a, b, c, level float64, n int) {
		o := Options{Levels: []float64{level}}
		if m, err := NewMean([]float64{a, b, c}, o); err == nil {
			sane(t, m.Estimate)
		}
		if m, err := NewMeanFromSummary(n, a, b, o); err == nil {
			sane(t, m.Estimate)
		}
		var mt MeanTally
		for _, v := range []float64{a, b, c} {
			_ = mt.Add(v)
		}
		if m, err := mt.Mean(o); err == nil {
			sane(t, m.Estimate)
		}
	})
}

func FuzzNewDSR(f *testing.F) {
	f.Add(5.0, 10000.0, 20.0, 5000.0, 40.0, 2000.0, 2, 0.95)
	f.Add(0.0, 1e-300, 1e15, 1e-300, 1e15, 1.0, 1000, 0.999999)
	f.Add(math.NaN(), -1.0, 3.0, 0.0, 2.0, 1.0, 0, 1.0)
	f.Fuzz(func(t *testing.T, x1, n1, x2, n2, x3, n3 float64, freq int, c float64) {
		var tally AgeTally
		_ = tally.Add(AgeBand{0, 39}, x1, n1)
		_ = tally.Add(AgeBand{40, 64}, x2, n2)
		_ = tally.Add(AgeBand{65, OpenEnded}, 0, n3)
		_ = tally.AddPersons(AgeBand{65, OpenEnded}, freq, x3)
		o := Options{Levels: []float64{c}}
		if d, err := tally.DSR(threeBand(), o); err == nil {
			sane(t, d.Estimate)
			if !checkFinite(d.Variance) {
				t.Fatalf("variance %v", d.Variance)
			}
		}
		var ref AgeTally
		_ = ref.Add(AgeBand{0, 39}, x2, n2)
		_ = ref.Add(AgeBand{40, 64}, x3, n3)
		_ = ref.Add(AgeBand{65, OpenEnded}, x1, n1)
		if s, err := tally.ISRatio(&ref, o); err == nil {
			sane(t, s.Estimate)
		}
		if s, err := tally.ISRate(&ref, o); err == nil {
			sane(t, s.Estimate)
		}
	})
}

func FuzzAssignQuantiles(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, uint8(1))
	f.Add([]byte{5, 5, 5}, 3, uint8(2))
	f.Add([]byte{}, 0, uint8(0))
	f.Fuzz(func(t *testing.T, raw []byte, q int, order uint8) {
		values := make([]float64, len(raw))
		for i, b := range raw {
			values[i] = float64(int8(b)) / 3
		}
		got, err := AssignQuantiles(values, q, QuantileOrder(order))
		if err != nil {
			return
		}
		for _, v := range got {
			if v < 1 || v > q {
				t.Fatalf("quantile %d outside 1…%d", v, q)
			}
		}
	})
}

func FuzzCompare(f *testing.F) {
	f.Add(10.0, 20.0, 5.0, uint8(1))
	f.Add(math.NaN(), 1.0, math.Inf(1), uint8(9))
	f.Fuzz(func(t *testing.T, lo, hi, bench float64, p uint8) {
		s, err := Compare(Interval{0.95, lo, hi}, bench, measure.Polarity(p))
		if err == nil && !s.Valid() {
			t.Fatalf("invalid outcome %d", s)
		}
	})
}

func FuzzParseAgeBand(f *testing.F) {
	for _, s := range []string{"0-4", "90+", "05 to 09", "Aged 65 and over", "4-0", "1000+", "", "-", "+", "0--4", "１０-１４"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseAgeBand(s)
		if err != nil {
			return
		}
		if !b.Valid() {
			t.Fatalf("ParseAgeBand(%q) = invalid %v", s, b)
		}
		again, err := ParseAgeBand(b.String())
		if err != nil || again != b {
			t.Fatalf("%q: %v does not round-trip (%v, %v)", s, b, again, err)
		}
	})
}

func FuzzParseDataset(f *testing.F) {
	for _, d := range sampleDatasets() {
		b, _ := json.Marshal(d)
		f.Add(b)
	}
	f.Add([]byte(`{"statistic":"crude-rate","rows":[{"area":"A","period":"P","numerator":1e15,"denominator":1e-300}]}`))
	f.Add([]byte(`{"statistic":"mean","observations":[{"area":"A","period":"P","value":1e15},{"area":"A","period":"P","value":-1e15}]}`))
	f.Add([]byte(`{"statistic":"directly-standardised-rate","standard":"esp2013","rows":[{"area":"A","period":"P","ageBand":"0-4","eventFrequency":2,"numerator":3,"denominator":4}]}`))
	f.Add([]byte(`{"statistic":"proportion","rows":[{"area":"A","period":"P","numerator":1e1000,"denominator":2}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"statistic":"proportion","rows":[{"area":"A","period":"P","numerator":2,"denominator":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDataset(data)
		if err != nil {
			return
		}
		res, err := d.Evaluate()
		if err != nil {
			return
		}
		for _, r := range res {
			if r.Err == nil {
				sane(t, r.Estimate)
			}
			if !checkFinite(r.Numerator, r.Denominator) {
				t.Fatalf("totals %v/%v", r.Numerator, r.Denominator)
			}
		}
	})
}

func FuzzTally(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 4.0)
	f.Add(1e15, 1e15, 1e15, 1e15)
	f.Add(-1.0, math.NaN(), 0.0, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		var x, y GroupedTally
		_ = x.Add(GroupKey{Area: "A"}, a, b)
		_ = y.Add(GroupKey{Area: "A"}, c, d)
		_ = y.Add(GroupKey{Area: "B"}, a, d)
		x.Merge(&y)
		total := x.Total()
		if p, err := total.Proportion(Options{}); err == nil {
			sane(t, p.Estimate)
		}
		if r, err := total.Rate(Options{}); err == nil {
			sane(t, r.Estimate)
		}
	})
}

func FuzzParseEnumerations(f *testing.F) {
	for _, s := range []string{"wilson", "Byars", "exact", "DSR", "smr", "percentage", "better", "Not significantly different", "highest-first", "", "%!Method(9)", "ＢＥＴＴＥＲ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m, err := ParseMethod(s); err == nil && !m.Valid() {
			t.Fatalf("ParseMethod(%q) = invalid %d", s, m)
		}
		if v, err := ParseStatistic(s); err == nil && !v.Valid() {
			t.Fatalf("ParseStatistic(%q) = invalid %d", s, v)
		}
		if v, err := ParseSignificance(s); err == nil && !v.Valid() {
			t.Fatalf("ParseSignificance(%q) = invalid %d", s, v)
		}
		if v, err := ParseQuantileOrder(s); err == nil && !v.Valid() {
			t.Fatalf("ParseQuantileOrder(%q) = invalid %d", s, v)
		}
	})
}

func FuzzStandardPopulationValidate(f *testing.F) {
	f.Add(0, 4, 5000.0, 5, -1, 1000.0)
	f.Add(0, 10, 1.0, 5, 20, -1.0)
	f.Add(-1, 200, math.NaN(), 0, 0, 0.0)
	f.Fuzz(func(t *testing.T, f1, t1 int, p1 float64, f2, t2 int, p2 float64) {
		s := StandardPopulation{Name: "fuzz", Bands: []StandardBand{{AgeBand{f1, t1}, p1}, {AgeBand{f2, t2}, p2}}}
		if err := s.Validate(); err != nil {
			return
		}
		bands := []BandSums{{Band: AgeBand{f1, t1}, Events: 20, Population: 1000}, {Band: AgeBand{f2, t2}, Events: 30, Population: 500}}
		if d, err := NewDSR(bands, s, Options{}); err == nil {
			sane(t, d.Estimate)
		}
	})
}
