package pam

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/peopleandcommunities/engage/schemas"
	"pgregory.net/rapid"
)

// hellstromTable3 is Table 3 of Hellström A et al., BMC Public Health 2019;19:1701
// (doi:10.1186/s12889-019-8025-1), as published: each item's "calibrated PAM score", its
// measure in logits, and its three thresholds in logits. The thresholds of items 10 and 12
// are not legible in the copy consulted and are left out (nil).
var hellstromTable3 = []struct {
	item       Item
	calibrated float64
	measure    float64
	thresholds []float64
}{
	{PA1, 36.22, -1.55, []float64{-3.67, -2.04, 1.06}},
	{PA4, 39.52, -1.13, []float64{-3.25, -1.62, 1.48}},
	{PA2, 41.5, -0.87, []float64{-2.99, -1.36, 1.74}},
	{PA7, 43.82, -0.57, []float64{-2.69, -1.06, 2.04}},
	{PA6, 43.89, -0.56, []float64{-2.68, -1.05, 2.05}},
	{PA8, 47.38, -0.11, []float64{-2.23, -0.6, 2.5}},
	{PA3, 47.72, -0.07, []float64{-2.19, -0.56, 2.54}},
	{PA5, 49.7, 0.19, []float64{-1.93, -0.3, 2.8}},
	{PA11, 53.61, 0.69, []float64{-1.43, 0.2, 3.3}},
	{PA9, 53.64, 0.70, []float64{-1.42, 0.2, 3.31}},
	{PA10, 55.91, 0.99, nil},
	{PA13, 56.37, 1.05, []float64{-1.07, 0.56, 3.66}},
	{PA12, 57.98, 1.26, nil},
}

func TestHellstrom2019ReproducesTable3(t *testing.T) {
	c := Hellstrom2019()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if !c.Covers(PAM13) || !c.Covers(PAM10) {
		t.Fatal("Hellstrom2019 does not cover both forms")
	}
	byItem := map[Item]ItemCalibration{}
	for _, ic := range c.Items {
		byItem[ic.Item] = ic
	}
	worstScore, worstThreshold := 0.0, 0.0
	for _, row := range hellstromTable3 {
		ic := byItem[row.item]
		if ic.Difficulty != row.measure {
			t.Errorf("%v: difficulty %v, Table 3 measure %v", row.item, ic.Difficulty, row.measure)
		}
		// Each item's difficulty maps to its published calibrated score within 0.05.
		got := c.Transform.Score(ic.Difficulty)
		worstScore = max(worstScore, math.Abs(got-row.calibrated))
		if math.Abs(got-row.calibrated) > 0.05 {
			t.Errorf("%v: transformed difficulty %.3f, Table 3 calibrated score %.2f", row.item, got, row.calibrated)
		}
		// Each published threshold is the measure plus the common offset, within the
		// two-decimal rounding of both published numbers (0.01) and a trailing zero dropped
		// in the table (0.2 for 0.20).
		for k, th := range row.thresholds {
			got := ic.Difficulty + c.Thresholds[k]
			worstThreshold = max(worstThreshold, math.Abs(got-th))
			if math.Abs(got-th) > 0.0101 {
				t.Errorf("%v threshold %d: %.3f, Table 3 %.2f", row.item, k+1, got, th)
			}
		}
	}
	t.Logf("Hellström 2019 Table 3: largest score difference %.4f points, largest threshold difference %.4f logits",
		worstScore, worstThreshold)
}

func TestHellstrom2019TransformIsTheLeastSquaresLine(t *testing.T) {
	// Hand derivation: the least-squares line of calibrated score on measure through the 13
	// rows of Table 3, computed here from the published numbers, rounds to the shipped
	// intercept 48.24 and slope 7.743.
	var sx, sy float64
	for _, r := range hellstromTable3 {
		sx += r.measure
		sy += r.calibrated
	}
	n := float64(len(hellstromTable3))
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for _, r := range hellstromTable3 {
		sxy += (r.measure - mx) * (r.calibrated - my)
		sxx += (r.measure - mx) * (r.measure - mx)
	}
	slope := sxy / sxx
	intercept := my - slope*mx
	c := Hellstrom2019()
	if math.Abs(intercept-c.Transform.Intercept) > 0.005 || math.Abs(slope-c.Transform.Slope) > 0.0005 {
		t.Errorf("least squares %.4f + %.4f θ, shipped %v + %v θ", intercept, slope, c.Transform.Intercept, c.Transform.Slope)
	}
}

func TestHellstrom2019IsAFreshValue(t *testing.T) {
	a := Hellstrom2019()
	a.Items[0].Difficulty = 9
	a.Thresholds[0] = 9
	if b := Hellstrom2019(); b.Items[0].Difficulty == 9 || b.Thresholds[0] == 9 {
		t.Fatal("changing one Hellstrom2019 value changed another")
	}
}

// pcm returns a partial-credit calibration of every item, for tests.
func pcm() Calibration {
	c := Calibration{Name: "test-pcm", Model: PartialCredit, Transform: Transform{Intercept: 50, Slope: 10}}
	for it := PA1; it <= PA13; it++ {
		c.Items = append(c.Items, ItemCalibration{Item: it, Difficulty: float64(it)/4 - 1.75, Thresholds: []float64{-1.5, 0.2, 1.3}})
	}
	return c
}

// fieldProblems flattens an error of *FieldErrors into "path: sentinel" strings.
func fieldProblems(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *FieldError
		if errors.As(e, &fe) {
			class := fe.Err.Error()
			if errors.Is(fe.Err, ErrUnknown) {
				class = ErrUnknown.Error() // an *enum.ParseError, whose message lists the slugs
			}
			out = append(out, fe.Path+": "+class)
			return
		}
		out = append(out, "?: "+e.Error())
	}
	if err != nil {
		walk(err)
	}
	return out
}

// classified reports whether err is one a caller can act on: a schema violation, a failure
// the schema validator reports for input beyond its limits (such as a number with a
// million-digit exponent), or located *FieldErrors.
func classified(err error) bool {
	if errors.Is(err, schemas.ErrInvalid) || errors.Is(err, schemas.ErrInternal) {
		return true
	}
	ps := fieldProblems(err)
	for _, p := range ps {
		if strings.HasPrefix(p, "?") {
			return false
		}
	}
	return len(ps) > 0
}

func TestCalibrationValidate(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Calibration)
		want   []string
	}{
		{"valid rating scale", func(*Calibration) {}, nil},
		{"bad name", func(c *Calibration) { c.Name = "Hellström 2019" }, []string{"/name: pam: value out of range"}},
		{"no model", func(c *Calibration) { c.Model = 0 }, []string{"/model: pam: required value missing"}},
		{"two thresholds", func(c *Calibration) { c.Thresholds = c.Thresholds[:2] }, []string{"/thresholds: pam: required value missing"}},
		{"non-finite threshold", func(c *Calibration) { c.Thresholds[1] = math.NaN() }, []string{"/thresholds/1: pam: value out of range"}},
		{"item thresholds in a rating scale", func(c *Calibration) { c.Items[4].Thresholds = []float64{-1, 0, 1} },
			[]string{"/items/4/thresholds: pam: inconsistent values"}},
		{"difficulty too large", func(c *Calibration) { c.Items[2].Difficulty = 21 }, []string{"/items/2/difficulty: pam: value out of range"}},
		{"infinite difficulty", func(c *Calibration) { c.Items[2].Difficulty = math.Inf(-1) }, []string{"/items/2/difficulty: pam: value out of range"}},
		{"duplicate item", func(c *Calibration) { c.Items[5].Item = PA1 },
			[]string{"/items/5/item: pam: duplicate item", "/items: pam: required value missing"}},
		{"invalid item", func(c *Calibration) { c.Items[0].Item = 14 },
			[]string{"/items/0/item: pam: value out of range", "/items: pam: required value missing"}},
		{"PAM-10 items only", func(c *Calibration) { c.Items = slicesDelete(c.Items, PA3, PA8, PA9) }, nil},
		{"an item of PAM-10 missing", func(c *Calibration) { c.Items = slicesDelete(c.Items, PA4) }, []string{"/items: pam: required value missing"}},
		{"zero slope", func(c *Calibration) { c.Transform.Slope = 0 }, []string{"/transform/slope: pam: value out of range"}},
		{"negative slope", func(c *Calibration) { c.Transform.Slope = -7 }, []string{"/transform/slope: pam: value out of range"}},
		{"NaN intercept", func(c *Calibration) { c.Transform.Intercept = math.NaN() }, []string{"/transform/intercept: pam: value out of range"}},
		{"long title", func(c *Calibration) { c.Title = strings.Repeat("x", 2001) }, []string{"/title: pam: value out of range"}},
		{"several problems at once", func(c *Calibration) {
			c.Name = ""
			c.Transform.Slope = 0
			c.Items[0].Difficulty = 50
		}, []string{"/name: pam: value out of range", "/items/0/difficulty: pam: value out of range", "/transform/slope: pam: value out of range"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal := Hellstrom2019()
			c.change(&cal)
			got := fieldProblems(cal.Validate())
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	// Partial credit.
	if err := pcm().Validate(); err != nil {
		t.Fatalf("pcm: %v", err)
	}
	p := pcm()
	p.Thresholds = []float64{-1, 0, 1}
	p.Items[3].Thresholds = nil
	want := []string{"/thresholds: pam: inconsistent values", "/items/3/thresholds: pam: required value missing"}
	if diff := cmp.Diff(want, fieldProblems(p.Validate())); diff != "" {
		t.Errorf("pcm problems (-want +got):\n%s", diff)
	}
}

func slicesDelete(ics []ItemCalibration, drop ...Item) []ItemCalibration {
	var out []ItemCalibration
	for _, ic := range ics {
		keep := true
		for _, d := range drop {
			if ic.Item == d {
				keep = false
			}
		}
		if keep {
			out = append(out, ic)
		}
	}
	return out
}

func TestCalibrationJSONRoundTrip(t *testing.T) {
	for _, c := range []Calibration{Hellstrom2019(), pcm()} {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(schemas.PAMCalibration, b); err != nil {
			t.Fatalf("%s does not validate against its schema: %v", c.Name, err)
		}
		got, err := ParseCalibration(b)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
	}
}

// violations returns "pointer code" for each violation of a *schemas.Error.
func violations(t testing.TB, err error) []string {
	t.Helper()
	var se *schemas.Error
	if !errors.As(err, &se) || !errors.Is(err, schemas.ErrInvalid) {
		t.Fatalf("error %v is not a *schemas.Error", err)
	}
	var out []string
	for _, v := range se.Violations {
		out = append(out, v.Pointer+" "+v.Code)
	}
	return out
}

func TestCalibrationSchemaRejects(t *testing.T) {
	valid, _ := json.Marshal(Hellstrom2019())
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(valid, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return b
	}
	item := func(m map[string]any, i int) map[string]any { return m["items"].([]any)[i].(map[string]any) }
	for _, c := range []struct {
		name string
		doc  []byte
		want []string
	}{
		{"name missing", edit(func(m map[string]any) { delete(m, "name") }), []string{"/name required"}},
		{"name not a slug", edit(func(m map[string]any) { m["name"] = "Hellström" }), []string{"/name pattern"}},
		{"unknown model", edit(func(m map[string]any) { m["model"] = "graded-response" }), []string{"/model enum"}},
		{"rating scale without thresholds", edit(func(m map[string]any) { delete(m, "thresholds") }), []string{"/thresholds required"}},
		{"four thresholds", edit(func(m map[string]any) { m["thresholds"] = []float64{-2, -1, 1, 2} }), []string{"/thresholds maxItems"}},
		{"threshold beyond 20 logits", edit(func(m map[string]any) { m["thresholds"] = []float64{-2, -1, 21} }), []string{"/thresholds/2 maximum"}},
		{"difficulty a string", edit(func(m map[string]any) { item(m, 3)["difficulty"] = "0.5" }), []string{"/items/3/difficulty type"}},
		{"unknown item", edit(func(m map[string]any) { item(m, 0)["item"] = "pa14" }), []string{"/items/0/item enum"}},
		{"item thresholds in a rating scale", edit(func(m map[string]any) { item(m, 1)["thresholds"] = []float64{-1, 0, 1} }),
			[]string{"/items/1/thresholds notAllowed"}},
		{"too few items", edit(func(m map[string]any) { m["items"] = m["items"].([]any)[:9] }), []string{"/items minItems"}},
		{"zero slope", edit(func(m map[string]any) { m["transform"].(map[string]any)["slope"] = 0 }), []string{"/transform/slope exclusiveMinimum"}},
		{"unknown member", edit(func(m map[string]any) { m["umean"] = 50 }), []string{"/umean additionalProperties"}},
		{"not JSON", []byte(`{"name":`), []string{"/name syntax"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCalibration(c.doc)
			if diff := cmp.Diff(c.want, violations(t, err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
	// A document that passes the schema but not Validate: an item given twice.
	dup := edit(func(m map[string]any) { item(m, 5)["item"] = "pa1" })
	_, err := ParseCalibration(dup)
	if !errors.Is(err, ErrDuplicate) || errors.Is(err, schemas.ErrInvalid) {
		t.Errorf("duplicate item: %v", err)
	}
}

func FuzzCalibrationValidate(f *testing.F) {
	h, _ := json.Marshal(Hellstrom2019())
	p, _ := json.Marshal(pcm())
	f.Add(h)
	f.Add(p)
	f.Add([]byte(`{"name":"x","model":"rating-scale","thresholds":[0,0,0],"items":[{"item":"pa1","difficulty":1e300}],"transform":{"intercept":0,"slope":1e-300}}`))
	f.Add([]byte(`{"name":"x","model":"partial-credit","items":[{"item":"pa1","difficulty":0,"thresholds":[-20,20,-20]}],"transform":{"intercept":-1000,"slope":1000}}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calibration
		if json.Unmarshal(data, &c) != nil {
			return
		}
		if err := c.Validate(); err != nil {
			for _, p := range fieldProblems(err) {
				if strings.HasPrefix(p, "?") {
					t.Fatalf("an unlocated problem: %s", p)
				}
			}
			return
		}
		// A calibration that validates prepares, and scores every extreme and middle raw
		// sum to a finite score in [0, 100].
		s, err := NewScorer(c, Insignia2024, DefaultPolicy())
		if err != nil {
			t.Fatalf("valid calibration does not prepare: %v", err)
		}
		for _, f := range []Form{PAM13, PAM10} {
			rows, err := s.Table(f)
			if err != nil {
				continue
			}
			for _, r := range rows {
				if !(r.Unrounded >= 0 && r.Unrounded <= 100) || math.IsNaN(r.Logit) || math.IsNaN(r.StandardError) {
					t.Fatalf("%v raw %d: %+v", f, r.Raw, r)
				}
			}
		}
	})
}

func FuzzParseCalibration(f *testing.F) {
	h, _ := json.Marshal(Hellstrom2019())
	f.Add(h)
	f.Add([]byte(`{"name":"a","model":"rating-scale","thresholds":[1e999999,0,0],"items":[],"transform":{"intercept":0,"slope":1}}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCalibration(data)
		if err != nil {
			if !classified(err) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseCalibration(b); err != nil {
			t.Fatalf("re-parsing a parsed calibration: %v", err)
		}
	})
}

func TestGeneratedCalibrationsRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCalibration(t)
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas.Validate(schemas.PAMCalibration, b); err != nil {
			t.Fatalf("%s does not validate: %v", b, err)
		}
		got, err := ParseCalibration(b)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
