package indicator

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/schemas"
)

func band(s string) *AgeBand {
	b, err := ParseAgeBand(s)
	if err != nil {
		panic(err)
	}
	return &b
}

// sampleDatasets are one valid dataset of each statistic.
func sampleDatasets() map[string]Dataset {
	esp := ESP2013()
	dsrRows := make([]Row, 0, 2*len(esp.Bands))
	for _, sb := range esp.Bands {
		b := sb.Band
		dsrRows = append(dsrRows,
			Row{Area: "E38000050", Period: "2025/26", AgeBand: &b, Numerator: sb.Population / 1000, Denominator: sb.Population},
			Row{Area: "E38000051", Period: "2025/26", AgeBand: &b, EventFrequency: 1, Numerator: 2, Denominator: 900},
			Row{Area: "E38000051", Period: "2025/26", AgeBand: &b, EventFrequency: 3, Numerator: 1, Denominator: 900},
		)
	}
	return map[string]Dataset{
		"proportion": {
			Indicator: "people-feel-involved", Title: "Residents who feel able to influence decisions", Statistic: StatisticProportion, Multiplier: 100,
			Rows: []Row{
				{Area: "E06000001", AreaName: "Hartlepool", Period: "2025/26", Group: "imd-2019-quintile-1", Numerator: 81, Denominator: 263},
				{Area: "E06000001", AreaName: "Hartlepool", Period: "2025/26", Group: "imd-2019-quintile-5", Numerator: 40, Denominator: 100},
				{Area: "E06000002", Period: "2025/26", Group: "imd-2019-quintile-1", AgeBand: band("18-64"), Numerator: 10, Denominator: 20},
				{Area: "E06000002", Period: "2025/26", Group: "imd-2019-quintile-1", AgeBand: band("65+"), Numerator: 5, Denominator: 20},
			},
		},
		"crude-rate": {Statistic: StatisticCrudeRate, Rows: []Row{{Area: "E38000050", Period: "2025", Numerator: 65, Denominator: 17000}}},
		"mean": {Statistic: StatisticMean, Observations: []Observation{
			{Area: "E38000050", Period: "2025", Value: 4}, {Area: "E38000050", Period: "2025", Value: 2},
			{Area: "E38000050", Period: "2025", Value: 5}, {Area: "E38000050", Period: "2025", Value: 1},
			{Area: "E38000050", Period: "2025", Value: 3}, {Area: "E38000051", Period: "2025", Value: 3},
		}},
		"dsr": {Statistic: StatisticDSR, Standard: StandardESP2013, Rows: dsrRows},
		"isratio": {Statistic: StatisticISRatio, Multiplier: 100,
			Rows: []Row{
				{Area: "E38000050", Period: "2025", AgeBand: band("0-39"), Numerator: 5, Denominator: 10000},
				{Area: "E38000050", Period: "2025", AgeBand: band("40-64"), Numerator: 20, Denominator: 5000},
				{Area: "E38000050", Period: "2025", AgeBand: band("65+"), Numerator: 40, Denominator: 2000},
			},
			Reference: []ReferenceRow{
				{AgeBand: AgeBand{0, 39}, Numerator: 100, Denominator: 100000},
				{AgeBand: AgeBand{40, 64}, Numerator: 400, Denominator: 50000},
				{AgeBand: AgeBand{65, OpenEnded}, Numerator: 1000, Denominator: 20000},
			}},
	}
}

func TestDatasetMarshalValidatesAndRoundTrips(t *testing.T) {
	for name, d := range sampleDatasets() {
		t.Run(name, func(t *testing.T) {
			if err := d.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			data, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas.Validate(schemas.IndicatorData, data); err != nil {
				t.Fatalf("marshalled dataset breaks its schema: %v\n%s", err, data)
			}
			back, err := ParseDataset(data)
			if err != nil {
				t.Fatalf("ParseDataset: %v", err)
			}
			if diff := cmp.Diff(&d, back, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("round trip -want +got\n%s", diff)
			}
		})
	}
}

// TestDatasetSchemaRejects checks that the schema rejects wrong documents for the right reason:
// every violation's pointer and code, in document order. A missing field is reported where it
// belongs and a field the schema does not define, or rules out (a false schema), at that field.
func TestDatasetSchemaRejects(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		want []string // "pointer code", one per violation
	}{
		{"missing statistic", `{"rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/statistic required"}},
		{"unknown statistic", `{"statistic":"median","rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/statistic enum"}},
		{"negative numerator", `{"statistic":"proportion","rows":[{"area":"A","period":"2025","numerator":-1,"denominator":2}]}`, []string{"/rows/0/numerator minimum"}},
		{"missing denominator", `{"statistic":"crude-rate","rows":[{"area":"A","period":"2025","numerator":1}]}`, []string{"/rows/0/denominator required"}},
		{"unknown field", `{"statistic":"crude-rate","rows":[{"area":"A","period":"2025","numerator":1,"denominator":2,"deaths":3}]}`, []string{"/rows/0/deaths additionalProperties"}},
		{"bad age band", `{"statistic":"crude-rate","rows":[{"area":"A","period":"2025","ageBand":"0 to 4","numerator":1,"denominator":2}]}`, []string{"/rows/0/ageBand pattern"}},
		{"control character in area", `{"statistic":"crude-rate","rows":[{"area":"A\u0007","period":"2025","numerator":1,"denominator":2}]}`, []string{"/rows/0/area pattern"}},
		// A mean takes observations, not rows: the missing observations are reported where they
		// belong, and the rows, which a mean rules out ("rows": false), where they stand.
		{"mean without observations", `{"statistic":"mean","rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/observations required", "/rows notAllowed"}},
		{"rate with observations", `{"statistic":"crude-rate","observations":[{"area":"A","period":"2025","value":1}]}`, []string{"/rows required", "/observations notAllowed"}},
		{"rate without rows", `{"statistic":"crude-rate"}`, []string{"/rows required"}},
		{"dsr without standard", `{"statistic":"directly-standardised-rate","rows":[{"area":"A","period":"2025","ageBand":"0-4","numerator":1,"denominator":2}]}`, []string{"/standard required"}},
		{"standard on a crude rate", `{"statistic":"crude-rate","standard":"esp2013","rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/standard notAllowed"}},
		{"dsr row without age band", `{"statistic":"directly-standardised-rate","standard":"esp2013","rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/rows/0/ageBand required"}},
		{"isr without reference", `{"statistic":"indirectly-standardised-ratio","rows":[{"area":"A","period":"2025","ageBand":"0-4","numerator":1,"denominator":2}]}`, []string{"/reference required"}},
		{"zero multiplier", `{"statistic":"crude-rate","multiplier":0,"rows":[{"area":"A","period":"2025","numerator":1,"denominator":2}]}`, []string{"/multiplier exclusiveMinimum"}},
		{"fractional event frequency", `{"statistic":"directly-standardised-rate","standard":"esp2013","rows":[{"area":"A","period":"2025","ageBand":"0-4","eventFrequency":1.5,"numerator":1,"denominator":2}]}`, []string{"/rows/0/eventFrequency type"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseDataset([]byte(c.doc))
			var se *schemas.Error
			if !errors.As(err, &se) || !errors.Is(err, schemas.ErrInvalid) {
				t.Fatalf("error %v is not a *schemas.Error", err)
			}
			var got []string
			for _, v := range se.Violations {
				got = append(got, v.Pointer+" "+v.Code)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s\n%+v", diff, se.Violations)
			}
		})
	}
}

func TestDatasetValidateLocatesEveryProblem(t *testing.T) {
	d := Dataset{
		Statistic: StatisticDSR, Standard: StandardESP2013, Multiplier: -1,
		Rows: []Row{
			{Area: "", Period: "2025", AgeBand: band("0-4"), Numerator: 1, Denominator: 10},
			{Area: "A", Period: "2025", AgeBand: band("0-9"), Numerator: 1, Denominator: 10},
			{Area: "A", Period: "2025", AgeBand: band("5-9"), Numerator: math.Inf(1), Denominator: 0},
			{Area: "A", Period: "2025", AgeBand: band("5-9"), Numerator: 1, Denominator: 10},
			{Area: "B", Period: "2025", AgeBand: band("0-4"), EventFrequency: 1, Numerator: 1, Denominator: 10},
			{Area: "B", Period: "2025", AgeBand: band("0-4"), EventFrequency: 2, Numerator: 1, Denominator: 11},
			{Area: "B", Period: "2025", Numerator: 1, Denominator: 11},
		},
		Observations: []Observation{{Area: "A", Period: "2025"}},
	}
	err := d.Validate()
	want := []string{
		"/multiplier", "/observations", "/rows/0/area", "/rows/1/ageBand", "/rows/2/numerator",
		"/rows/2/denominator", "/rows/5/denominator", "/rows/6/ageBand",
	}
	if diff := cmp.Diff(want, paths(err), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("paths -want +got\n%s\n%v", diff, err)
	}
	for _, class := range []error{ErrOutOfRange, ErrRequired, ErrMismatch} {
		if !errors.Is(err, class) {
			t.Errorf("error does not match %v", class)
		}
	}
}

func TestDatasetEvaluate(t *testing.T) {
	ds := sampleDatasets()
	p := ds["proportion"]
	res, err := p.Evaluate(0.95)
	if err != nil {
		t.Fatal(err)
	}
	// 81/263 as a percentage (Newcombe 1998, see TestProportion); rows of E06000002 summed:
	// 15/40.
	if len(res) != 3 || res[0].Key != (GroupKey{"E06000001", "2025/26", "imd-2019-quintile-1"}) {
		t.Fatalf("results %+v", res)
	}
	if diff := cmp.Diff([]Interval{{0.95, 25.5288519878, 36.6209576983}}, res[0].Estimate.Limits, cmpopts.EquateApprox(1e-10, 0)); diff != "" {
		t.Errorf("-want +got\n%s", diff)
	}
	if res[2].Numerator != 15 || res[2].Denominator != 40 {
		t.Errorf("summed rows %v/%v, want 15/40", res[2].Numerator, res[2].Denominator)
	}
	// The DSR sample: area E38000050 is TestDSRESP2013Identity (Byar's limits of 100);
	// E38000051 has 19 × 5 = 95 events in 19 × 900 people, 2 people with one event and one
	// with three in every band: per band q = 2 + 9 = 11, x = 5.
	dsr := ds["dsr"]
	res, err = dsr.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Interval{{0.95, 81.3621054905279, 121.627937579206}, {0.998, 71.9036918725984, 134.943621762263}}, res[0].Estimate.Limits, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("-want +got\n%s", diff)
	}
	b := res[1]
	if b.Numerator != 95 || b.Denominator != 19*900 || b.Estimate.Method != MethodDobsonNonIndependent {
		t.Errorf("non-independent group: %+v", b)
	}
	// value = Σ 5·w/900 / 100000 × 1e5 = 5/900 × 1e5
	if math.Abs(b.Estimate.Value-5.0/900*1e5) > 1e-9 {
		t.Errorf("DSR value %v, want %v", b.Estimate.Value, 5.0/900*1e5)
	}
	// The mean sample: E38000051 has one value, so no interval (ErrUndefined).
	m := ds["mean"]
	res, err = m.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Estimate.Value != 3 || !errors.Is(res[1].Err, ErrUndefined) {
		t.Errorf("mean results %+v", res)
	}
	// ISR as an SMR (× 100): TestISRHand's ratio 65/150, × 100.
	isr := ds["isratio"]
	res, err = isr.Evaluate(0.95)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Interval{{0.95, 33.4421251403063, 55.2327590306266}}, res[0].Estimate.Limits, cmpopts.EquateApprox(1e-12, 0)); diff != "" || res[0].Denominator != 150 {
		t.Errorf("expected %v; -want +got\n%s", res[0].Denominator, diff)
	}
	if _, err := isr.Evaluate(0.5); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("bad level: %v", err)
	}
}

func TestDatasetFewEventsKeepsTotals(t *testing.T) {
	d := Dataset{Statistic: StatisticDSR, Standard: StandardESP2013}
	for _, sb := range ESP2013().Bands {
		b := sb.Band
		d.Rows = append(d.Rows, Row{Area: "A", Period: "2025", AgeBand: &b, Numerator: 0, Denominator: 100})
	}
	res, err := d.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res[0].Err, ErrTooFewEvents) || res[0].Denominator != 1900 || !strings.Contains(res[0].Err.Error(), "fewer than 10") {
		t.Errorf("result %+v", res[0])
	}
}
