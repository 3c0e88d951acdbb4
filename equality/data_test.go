package equality

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peopleandcommunities/engage/schemas"
)

func numPtr(x float64) *float64 { return &x }

// sampleSIIData builds a document with the phe_sii documentation's two example areas (deciles
// with population, value, 95 % limits and standard error) and representation counts.
func sampleSIIData() Data {
	d := Data{Title: "Example", Indicator: "life-expectancy", Dimension: ByDeprivationDecile, IMDEdition: IMD2019, ValueType: ValueOther}
	for a, area := range [][]QuantileGroup{pheArea1(), pheArea2()} {
		da := DataArea{Area: "E0600000" + strconv.Itoa(a+1), Name: "Area " + strconv.Itoa(a+1), Period: "2021-23"}
		for q, g := range area {
			dg := DataGroup{Group: strconv.Itoa(q + 1), Population: numPtr(g.Population), Value: numPtr(g.Value), SE: numPtr(g.SE),
				Participants: numPtr(float64(3 + q)), Community: numPtr(g.Population)}
			if g.Lower != 0 {
				dg.Lower95, dg.Upper95 = numPtr(g.Lower), numPtr(g.Upper)
			}
			da.Groups = append(da.Groups, dg)
		}
		d.Areas = append(d.Areas, da)
	}
	return d
}

func TestDataMarshalValidatesAndRoundTrips(t *testing.T) {
	docs := map[string]Data{
		"deciles": sampleSIIData(),
		"ethnic categories": {Dimension: ByEthnicCategory, Areas: []DataArea{{Area: "X", Groups: []DataGroup{
			{Group: "A", Participants: numPtr(40), Community: numPtr(6000)},
			{Group: "Z", Participants: numPtr(0), Community: numPtr(300)},
			{Group: "99", Participants: numPtr(2), Community: numPtr(10)},
		}}}},
		"protected characteristic": {Dimension: ByProtectedCharacteristic, Characteristic: Age, Areas: []DataArea{{Area: "X", Groups: []DataGroup{
			{Group: "16-24", Participants: numPtr(4), Community: numPtr(100)}, {Group: "25+", Participants: numPtr(9), Community: numPtr(900)},
		}}}},
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas.Validate(schemas.EqualityData, b); err != nil {
				t.Fatalf("marshalled document does not validate: %v\n%s", err, b)
			}
			back, err := ParseData(b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d, back); diff != "" {
				t.Errorf("round trip -want +got:\n%s", diff)
			}
		})
	}
}

// TestDataSchemaRejects checks that the schema rejects wrong documents for the right reason:
// every violation's pointer and code, in document order. A missing field is reported where it
// belongs and a field the schema does not define at that field (schemas package convention).
func TestDataSchemaRejects(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string // "pointer code", one per violation
	}{
		{"missing dimension", `{"areas":[{"area":"x","groups":[{"group":"1"}]}]}`, []string{"/dimension required"}},
		{"unknown dimension", `{"dimension":"postcode","areas":[{"area":"x","groups":[{"group":"1"}]}]}`, []string{"/dimension enum"}},
		{"deprivation without edition", `{"dimension":"deprivation-decile","areas":[{"area":"x","groups":[{"group":"1"}]}]}`, []string{"/imdEdition required"}},
		{"characteristic missing", `{"dimension":"protected-characteristic","areas":[{"area":"x","groups":[{"group":"1"}]}]}`, []string{"/characteristic required"}},
		{"no areas", `{"dimension":"other","areas":[]}`, []string{"/areas minItems"}},
		{"zero population", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","population":0}]}]}`, []string{"/areas/0/groups/0/population exclusiveMinimum"}},
		{"negative participants", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","participants":-1}]}]}`, []string{"/areas/0/groups/0/participants minimum"}},
		{"lower without upper", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","lower95":1}]}]}`, []string{"/areas/0/groups/0/upper95 required"}},
		{"upper without lower", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","upper95":1}]}]}`, []string{"/areas/0/groups/0/lower95 required"}},
		{"unknown field", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","pop":3}]}]}`, []string{"/areas/0/groups/0/pop additionalProperties"}},
		{"value as a string", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","value":"3"}]}]}`, []string{"/areas/0/groups/0/value type"}},
		{"empty group label", `{"dimension":"other","areas":[{"area":"x","groups":[{"group":""}]}]}`, []string{"/areas/0/groups/0/group minLength"}},
		{"value type as PHE's number", `{"dimension":"other","valueType":1,"areas":[{"area":"x","groups":[{"group":"a"}]}]}`, []string{"/valueType enum"}},
		// Two problems in one document: both reported, in the order they occur.
		{"unknown field then missing groups", `{"dimension":"other","extra":1,"areas":[{"area":"x"}]}`, []string{"/extra additionalProperties", "/areas/0/groups required"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseData([]byte(c.doc))
			var se *schemas.Error
			if !errors.As(err, &se) || !errors.Is(err, schemas.ErrInvalid) {
				t.Fatalf("error %v is not a schema error", err)
			}
			var got []string
			for _, v := range se.Violations {
				got = append(got, v.Pointer+" "+v.Code)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestDataValidate(t *testing.T) {
	d := sampleSIIData()
	d.Areas[0].Groups[2].Lower95 = numPtr(90) // above the upper limit
	d.Areas[0].Groups[3].Group = "11"         // not a decile
	d.Areas[0].Groups[4].Group = "1"          // duplicate of decile 1
	d.Areas[0].Groups[5].Upper95 = nil        // limits come in pairs
	d.Areas = append(d.Areas, d.Areas[1])     // duplicate area and period
	d.Areas[2].Groups = nil                   // no groups
	want := []string{
		"/areas/0/groups/2/lower95",
		"/areas/0/groups/3/group",
		"/areas/0/groups/4/group",
		"/areas/0/groups/5",
		"/areas/2",
		"/areas/2/groups",
	}
	err := d.Validate()
	if diff := cmp.Diff(want, locatedPaths(err)); diff != "" {
		t.Errorf("paths -want +got:\n%s\n%v", diff, err)
	}
	if !errors.Is(err, ErrDuplicateGroup) || !errors.Is(err, ErrOutOfRange) || !errors.Is(err, ErrMissingField) {
		t.Errorf("classes: %v", err)
	}
	// Ethnic categories are compared as categories: "A" and "white-british" are one group.
	e := Data{Dimension: ByEthnicCategory, Areas: []DataArea{{Area: "x", Groups: []DataGroup{{Group: "A"}, {Group: "white-british"}, {Group: "Q"}}}}}
	if diff := cmp.Diff([]string{"/areas/0/groups/1/group", "/areas/0/groups/2/group"}, locatedPaths(e.Validate())); diff != "" {
		t.Errorf("ethnic paths:\n%s", diff)
	}
}

func TestDataSII(t *testing.T) {
	d := sampleSIIData()
	opts := SIIOptions{Repetitions: 2000, RII: true, Seed: 8}
	got, err := d.SII(opts)
	if err != nil {
		t.Fatal(err)
	}
	// Every group has a standard error, so the SEs are used: the same as SIIAreas on the
	// groups themselves.
	want, err := SIIAreas([][]QuantileGroup{pheArea1(), pheArea2()}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if diff := cmp.Diff(want[i], got[i].SIIResult); diff != "" || got[i].Area != d.Areas[i].Area {
			t.Errorf("area %d -want +got:\n%s", i, diff)
		}
	}
	// Shuffled groups are put in quantile order.
	s := sampleSIIData()
	g := s.Areas[0].Groups
	g[0], g[9] = g[9], g[0]
	got2, err := s.SII(opts)
	if err != nil || !cmp.Equal(got, got2) {
		t.Errorf("group order in the document changed the result: %v", err)
	}
	// A missing decile is an error naming the area, not a silent drop.
	m := sampleSIIData()
	m.Areas[1].Groups = m.Areas[1].Groups[:9]
	_, err = m.SII(opts)
	if diff := cmp.Diff([]string{"/areas/1/groups"}, locatedPaths(err)); diff != "" || !errors.Is(err, ErrMissingField) ||
		!strings.Contains(err.Error(), "missing 10") {
		t.Errorf("missing decile: %v %s", err, diff)
	}
	// Without an SE on every group, the 95 % limits are used; a group with neither fails.
	l := sampleSIIData()
	l.Areas[1].Groups[0].SE = nil
	_, err = l.SII(opts)
	if diff := cmp.Diff([]string{"/areas/1/groups/0", "/areas/1/groups/1", "/areas/1/groups/2", "/areas/1/groups/3", "/areas/1/groups/4",
		"/areas/1/groups/5", "/areas/1/groups/6", "/areas/1/groups/7", "/areas/1/groups/8", "/areas/1/groups/9"}, locatedPaths(err)); diff != "" {
		t.Errorf("no SE and no limits in area 2: %s", diff)
	}
	// An SII error inside an area is located at the document's group, not the quantile.
	p := sampleSIIData()
	p.ValueType = ValueRate
	p.Areas[0].Groups[0], p.Areas[0].Groups[4] = p.Areas[0].Groups[4], p.Areas[0].Groups[0]
	p.Areas[0].Groups[4].Value = numPtr(0) // decile 1, now at index 4, with a zero rate
	p.Areas[0].Groups[4].Lower95 = numPtr(0)
	_, err = p.SII(opts)
	if diff := cmp.Diff([]string{"/areas/0/groups/4/value"}, locatedPaths(err)); diff != "" {
		t.Errorf("zero rate: %s\n%v", diff, err)
	}
	// Unordered dimensions have no SII.
	e := Data{Dimension: ByEthnicGroup, Areas: []DataArea{{Area: "x", Groups: []DataGroup{{Group: "white"}}}}}
	if _, err := e.SII(opts); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("unordered: %v", err)
	}
}

func TestDataRepresentation(t *testing.T) {
	d := Data{Dimension: ByEthnicCategory, Areas: []DataArea{{Area: "x", Groups: []DataGroup{
		{Group: "white-british", Participants: numPtr(30), Community: numPtr(5000)},
		{Group: "B", Participants: numPtr(50), Community: numPtr(3000)},
		{Group: "Z", Participants: numPtr(20), Community: numPtr(2000)},
	}}}}
	got, err := d.Representation(RepresentationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Representation([]RepresentationGroup{{"A", 30, 5000}, {"B", 50, 3000}, {"Z", 20, 2000}}, RepresentationOptions{})
	if diff := cmp.Diff(want, got[0].RepresentationResult); diff != "" {
		t.Errorf("-want +got:\n%s", diff)
	}
	d.Areas[0].Groups[1].Community = nil
	_, err = d.Representation(RepresentationOptions{})
	if diff := cmp.Diff([]string{"/areas/0/groups/1/community"}, locatedPaths(err)); diff != "" {
		t.Errorf("missing community: %s", diff)
	}
}

func FuzzParseData(f *testing.F) {
	good, _ := json.Marshal(sampleSIIData())
	f.Add(good)
	f.Add([]byte(`{"dimension":"ethnic-category","areas":[{"area":"x","groups":[{"group":"A","participants":1,"community":2},{"group":"99","participants":0,"community":3}]}]}`))
	f.Add([]byte(`{"dimension":"quantile","valueType":"proportion","areas":[{"area":"x","groups":[{"group":"1","population":10,"count":3,"se":0.1}]}]}`))
	f.Add([]byte(`{"dimension":"deprivation-quintile","imdEdition":"imd-2025","areas":[{"area":"x","groups":[{"group":"5","value":1e308,"lower95":-1e308,"upper95":1e308}]}]}`))
	f.Add([]byte(`{"dimension":"other","areas":[{"area":"x","groups":[{"group":"a","value":1e400}]}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseData(b)
		if err != nil {
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("parsed document does not validate: %v", err)
		}
		out, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("parsed document does not marshal: %v", err)
		}
		if err := schemas.Validate(schemas.EqualityData, out); err != nil {
			t.Fatalf("re-marshalled document is invalid: %v", err)
		}
		// The analyses return errors or finite numbers, never panic.
		if r, err := d.SII(SIIOptions{Repetitions: 1000}); err == nil {
			for _, a := range r {
				if !finite(a.SII) || !finite(a.SIILimits[0].Lower) || !finite(a.SIILimits[0].Upper) {
					t.Fatalf("non-finite SII %+v", a)
				}
			}
		}
		if r, err := d.Representation(RepresentationOptions{}); err == nil {
			for _, a := range r {
				if !finite(a.Dissimilarity) || !finite(a.Fit.PValue) {
					t.Fatalf("non-finite representation %+v", a)
				}
			}
		}
	})
}
