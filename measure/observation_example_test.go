package measure_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/measure"
)

func ExampleParseObservations() {
	doc := []byte(`{
	  "observations": [{
	    "id": "involvement-2024-25",
	    "measure": "experience-of-care",
	    "part": "involvement-in-decisions",
	    "area": "QYG",
	    "period": {"start": "2024-04-01", "end": "2025-03-31", "label": "2024/25"},
	    "value": 0.86,
	    "limits": {"level": 0.95, "lower": 0.838, "upper": 0.879},
	    "benchmark": {"kind": "national", "label": "England", "value": 0.9},
	    "method": {"statistic": "proportion", "interval": "wilson"},
	    "source": "A fictional survey extract"
	  }]
	}`)
	set, err := measure.ParseObservations(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	o := set.Observations[0]
	fmt.Println(o.Subject(), o.Area, o.Area.Scheme(), o.Period)
	fmt.Println(o.Value, "against", o.Benchmark.Label, o.Benchmark.Value)

	// A problem is reported with its place in the document.
	_, err = measure.ParseObservations([]byte(`{"observations": [{"id": "x", "measure": "health-activation",
	  "area": "QYG", "period": {"start": "2025-04-01", "end": "2025-03-31"}, "value": 1,
	  "method": {"statistic": "score"}, "source": "a survey"}]}`))
	fmt.Println(err)
	// Output:
	// experience-of-care/involvement-in-decisions QYG ods 2024-04-01 to 2025-03-31 (2024/25)
	// 0.86 against England 0.9
	// /observations/0/period/end: measure: value out of range: a last day on or after the first day
}

// The share of engagement participants who were told what changed, in four years of a
// fictional programme, judged with the chi-squared test for trend. By hand: p̄ = 204/400 =
// 0.51, s̄ = 2.5, Σx(s − s̄) = −60 − 24 + 27.5 + 91.5 = 35, Σn(s − s̄)² = 500, so
// X² = 35² / (0.51 × 0.49 × 500) = 9.80 and p = erfc(√(9.80/2)) = 0.0017.
func ExampleTrendOf() {
	counts := [][2]float64{{40, 100}, {48, 100}, {55, 100}, {61, 100}}
	var series []measure.Observation
	for i, c := range counts {
		start, _ := measure.ParseDate(fmt.Sprintf("%d-04-01", 2021+i))
		end, _ := measure.ParseDate(fmt.Sprintf("%d-03-31", 2022+i))
		x, n := c[0], c[1]
		series = append(series, measure.Observation{
			ID: fmt.Sprintf("informed-%d", 2021+i), Measure: "feedback-loop", Part: "informed-of-influence",
			Area: "QYG", Period: measure.Period{Start: start, End: end},
			Value: x / n, Numerator: &x, Denominator: &n,
			Method: measure.Method{Statistic: "proportion"}, Source: "engagement audit trail",
		})
	}
	m, _ := measure.Lookup("feedback-loop")
	r, err := measure.TrendOf(series, m.Polarity, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v by %v: %.2f to %.2f over %d periods, X² = %.2f, p = %.4f\n",
		r.Trend, r.Method, r.First, r.Latest, r.Points, *r.ChiSquared, *r.PValue)
	// Output:
	// improving by chi-squared-trend: 0.40 to 0.61 over 4 periods, X² = 9.80, p = 0.0017
}

func ExampleParseAreaCode() {
	for _, s := range []string{"E92000001", "qyg", "E9200000X"} {
		c, err := measure.ParseAreaCode(s)
		if err != nil {
			fmt.Println(s, "->", err)
			continue
		}
		fmt.Println(s, "->", c, c.Scheme())
	}
	// Output:
	// E92000001 -> E92000001 gss
	// qyg -> QYG ods
	// E9200000X -> (document): measure: value out of range: an ONS GSS code such as E92000001 or an NHS ODS organisation code such as QYG
}
