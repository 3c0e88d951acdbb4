package schemas

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validateFixture validates data as kind k against the fixture schemas and returns the
// violations.
func validateFixture(t *testing.T, k Kind, data string) []Violation {
	t.Helper()
	err := fixtureValidator(t).validate(k, []byte(data))
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("validate = %v, want an *Error", err)
	}
	if e.Kind != k {
		t.Errorf("Error.Kind = %v, want %v", e.Kind, k)
	}
	return e.Violations
}

func TestFixtureDocumentsConform(t *testing.T) {
	for _, c := range []struct {
		k    Kind
		data string
	}{{PAMResponse, pamDoc}, {SROIModel, string(sroiDoc(50))}, {PAMResponse, `{"form":"pam-10","answers":{"PA1":null}}`}} {
		if vs := validateFixture(t, c.k, c.data); vs != nil {
			t.Errorf("%v: %v", c.k, vs)
		}
	}
}

// Each wrong document's violations, in document order. The messages are this package's
// specification of what a person is told.
func TestViolations(t *testing.T) {
	for _, c := range []struct {
		name string
		k    Kind
		data string
		want []Violation
	}{{
		name: "every kind of mistake at once, in document order",
		k:    PAMResponse,
		data: `{"form": "pam-14", "answrs": {}, "nhsNumber": "9434765918", "area": "E02000001", "imdDecile": 1.0,
		        "date": "2024-02-30", "answers": {"PA1": 5, "PA2": "3", "PA3": 1.5, "PA44": 1, "PA5": -1}}`,
		want: []Violation{
			{"/form", "enum", `must be one of "pam-13", "pam-10"`},
			{"/answrs", "additionalProperties", `the field "answrs" is not defined by the schema; did you mean "answers"?`},
			{"/nhsNumber", "format", "must be " + formats["nhs-number"].expect},
			{"/area", "pattern", "does not have the required form: the GSS code of a lower layer super output area " +
				"(England E01, Wales W01), the small areas of about 1,500 residents for which the indices of deprivation " +
				"are published (pattern ^[EW]01[0-9]{6}$)"},
			{"/imdDecile", "format", "must be " + formats["whole-number"].expect},
			{"/date", "format", `must be a calendar date written YYYY-MM-DD, such as "2026-04-01"`},
			{"/answers/PA1", "maximum", "must be at most 4"},
			{"/answers/PA2", "type", "must be a whole number or null, not a string"},
			{"/answers/PA3", "type", "must be a whole number or null, not a number with a fractional part"},
			{"/answers/PA44", "additionalProperties", `the field "PA44" is not defined by the schema; did you mean "PA4"?`},
			{"/answers/PA5", "minimum", "must be at least 0"},
		},
	}, {
		name: "missing fields point where they belong, at the top of their object",
		k:    PAMResponse,
		data: `{"id": ""}`,
		want: []Violation{
			{"/answers", "required", `the required field "answers" is missing`},
			{"/form", "required", `the required field "form" is missing`},
			{"/id", "minLength", "must be at least 1 character long"},
		},
	}, {
		name: "wrong types of containers",
		k:    PAMResponse,
		data: `{"form": ["pam-13"], "answers": {}}`,
		want: []Violation{
			{"/form", "type", "must be a string, not an array"},
			{"/answers", "minProperties", "must have at least 1 field"},
		},
	}, {
		name: "the document itself",
		k:    PAMResponse,
		data: `[]`,
		want: []Violation{{"", "type", "must be an object, not an array"}},
	}, {
		name: "a long field name is shortened and never a value",
		k:    PAMResponse,
		data: `{"form": "pam-13", "answers": {"PA1": 1}, "` + strings.Repeat("n", 60) + `": "9434765919"}`,
		want: []Violation{{"/" + strings.Repeat("n", 60), "additionalProperties",
			`the field "` + strings.Repeat("n", 39) + `…" is not defined by the schema`}},
	}, {
		name: "nested arrays of objects",
		k:    SROIModel,
		data: strings.Replace(strings.Replace(strings.Replace(string(sroiDoc(3)),
			`"deadweight": 0.25`, `"deadweight": 1.25`, 1),
			`"priceYear": 2024`, `"priceYear": 1850`, 1),
			`"value": "1020.50"`, `"value": "-1020.50"`, 1),
		want: []Violation{
			{"/outcomes/0/proxy/priceYear", "minimum", "must be at least 1900"},
			{"/outcomes/0/deadweight", "maximum", "must be at most 1"},
			{"/outcomes/2/proxy/value", "pattern", "does not have the required form: an amount of money that cannot be " +
				"negative, such as an investment or a financial proxy, as a decimal string with at most 18 digits before " +
				"the decimal point and at most 12 after it, no sign and no exponent (pattern ^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?$)"},
		},
	}, {
		name: "format and pattern failing together give one violation",
		k:    SROIModel,
		data: strings.Replace(string(sroiDoc(1)), `"value": "185000.00"`, `"value": "1.5e3"`, 1),
		want: []Violation{{"/inputs/0/value", "format", "must be " + formats["decimal"].expect}},
	}, {
		name: "array bounds and missing nested fields",
		k:    SROIModel,
		data: `{"title": "", "currency": "gbp", "stakeholders": [], "inputs": [{"value": "1"}], "outcomes": [{}],
		        "discount": {"scheme": "constant", "rate": 2}}`,
		want: []Violation{
			{"/title", "minLength", "must be at least 1 character long"},
			{"/currency", "pattern", "does not have the required form: an ISO 4217 alphabetic currency code: three capital letters (pattern ^[A-Z]{3}$)"},
			{"/stakeholders", "minItems", "must have at least 1 item"},
			{"/inputs/0/stakeholder", "required", `the required field "stakeholder" is missing`},
			{"/outcomes/0/attribution", "required", `the required field "attribution" is missing`},
			{"/outcomes/0/deadweight", "required", `the required field "deadweight" is missing`},
			{"/outcomes/0/description", "required", `the required field "description" is missing`},
			{"/outcomes/0/displacement", "required", `the required field "displacement" is missing`},
			{"/outcomes/0/dropOff", "required", `the required field "dropOff" is missing`},
			{"/outcomes/0/duration", "required", `the required field "duration" is missing`},
			{"/outcomes/0/id", "required", `the required field "id" is missing`},
			{"/outcomes/0/proxy", "required", `the required field "proxy" is missing`},
			{"/outcomes/0/quantity", "required", `the required field "quantity" is missing`},
			{"/outcomes/0/stakeholder", "required", `the required field "stakeholder" is missing`},
			{"/discount/rate", "maximum", "must be at most 1"},
		},
	}} {
		t.Run(c.name, func(t *testing.T) {
			got := validateFixture(t, c.k, c.data)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// Messages for the keywords the fixtures do not use, through small schemas.
func TestKeywordMessages(t *testing.T) {
	for _, c := range []struct {
		schema, doc string
		want        []Violation
	}{
		{`"type": "integer", "exclusiveMinimum": 0`, `0`, []Violation{{"", "exclusiveMinimum", "must be greater than 0"}}},
		{`"exclusiveMaximum": 1`, `1`, []Violation{{"", "exclusiveMaximum", "must be less than 1"}}},
		{`"multipleOf": 0.01`, `1.005`, []Violation{{"", "multipleOf", "must be a multiple of 0.01"}}},
		{`"maxLength": 3`, `"abcd"`, []Violation{{"", "maxLength", "must be at most 3 characters long"}}},
		{`"pattern": "^[a-z]+$"`, `"A"`, []Violation{{"", "pattern", "must match the pattern ^[a-z]+$"}}},
		{`"const": "pam-13"`, `"x"`, []Violation{{"", "const", `must be exactly "pam-13"`}}},
		{`"type": ["string", "null"]`, `true`, []Violation{{"", "type", "must be a string or null, not a boolean (true or false)"}}},
		{`"maxItems": 1`, `[1, 2]`, []Violation{{"", "maxItems", "must have at most 1 item"}}},
		{`"maxProperties": 2`, `{"a":1,"b":2,"c":3}`, []Violation{{"", "maxProperties", "must have at most 2 fields"}}},
		{`"uniqueItems": true`, `[1, 2, 1.0, 2, 3]`, []Violation{
			{"/2", "uniqueItems", "is the same as the item at /0; every item must be different"},
			{"/3", "uniqueItems", "is the same as the item at /1; every item must be different"}}},
		{`"prefixItems": [{"type": "string"}], "items": false`, `["a", 1]`, []Violation{
			{"/1", "items", "is an item the schema does not allow at this position; the array may hold at most 1 item"}}},
		{`"properties": {"secret": false}`, `{"secret": 1}`, []Violation{{"/secret", "notAllowed", `the field "secret" is not allowed here`}}},
		{`"if": {"properties": {"shape": {"const": "point"}}}, "then": {"description": "A point takes its mode only.", "properties": {"min": false}}`,
			`{"shape": "point", "min": 1}`, []Violation{{"/min", "notAllowed", `the field "min" is not allowed here: a point takes its mode only`}}},
		{`"items": false`, `[1]`, []Violation{{"/0", "items", "is an item the schema does not allow at this position"}}},
		{`"patternProperties": {"^x-": false}`, `{"x-a": 1}`, []Violation{{"/x-a", "notAllowed", "is not allowed here"}}},
		{`"dependentRequired": {"end": ["start"]}`, `{"end": "2026-01-01"}`, []Violation{
			{"/start", "dependentRequired", `the field "start" is required when "end" is given`}}},
		{`"propertyNames": {"description": "An item code such as PA1.", "pattern": "^PA[0-9]+$"}`, `{"PA1": 1, "pa2": 2}`, []Violation{
			{"/pa2", "propertyNames", `has a field name the schema does not allow ("pa2"): an item code such as PA1`}}},
		{`"oneOf": [{"type": "integer"}, {"minimum": 0}]`, `1`, []Violation{
			{"", "oneOf", "matches more than one of the alternatives the schema allows here; it must match exactly one"}}},
		{`"anyOf": [{"type": "string", "maxLength": 2}, {"type": "integer"}]`, `"abc"`, []Violation{
			{"", "maxLength", "must be at most 2 characters long"}}},
		{`"not": {"const": 0}`, `0`, []Violation{{"", "not", "has a form the schema rules out here"}}},
		{`"if": {"required": ["a"]}, "then": {"required": ["b"]}`, `{"a": 1}`, []Violation{
			{"/b", "required", `the required field "b" is missing`}}},
		{`"contains": {"type": "string"}, "minContains": 2`, `["a", 1]`, []Violation{
			{"", "minContains", `must contain at least 2 items matching the schema's "contains" rule`}}},
		{`"contains": {"description": "A closing balance.", "required": ["closing"]}`, `[{}]`, []Violation{
			{"", "minContains", "must contain at least 1 item matching the rule: a closing balance"}}},
		{`"contains": {"const": 0}, "maxContains": 1`, `[0, 0]`, []Violation{
			{"", "maxContains", `must contain at most 1 item matching the schema's "contains" rule`}}},
		{`"dependentSchemas": {"end": {"required": ["start"]}}`, `{"end": "2026-01-01"}`, []Violation{
			{"/start", "required", `the required field "start" is missing`}}},
		{`"unevaluatedProperties": false, "allOf": [{"properties": {"answers": true}}]`, `{"answer": 1}`, []Violation{
			{"/answer", "unevaluatedProperties", `the field "answer" is not defined by the schema; did you mean "answers"?`}}},
		{`"enum": ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99", "x", "y", "z", "w"]`, `"I"`,
			[]Violation{{"", "enum", `must be one of "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99", "x", "y", … (2 more)`}}},
		{`"properties": {"a~b/c": {"type": "string"}}, "required": ["x/y"]`, `{"a~b/c": 1}`, []Violation{
			{"/x~1y", "required", `the required field "x/y" is missing`},
			{"/a~0b~1c", "type", "must be a string, not a number"}}},
	} {
		v := testSchema(t, c.schema)
		err := v.validate(Catalogue, []byte(c.doc))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("schema {%s} document %s: validate = %v", c.schema, c.doc, err)
			continue
		}
		if diff := cmp.Diff(c.want, e.Violations); diff != "" {
			t.Errorf("schema {%s} document %s (-want +got):\n%s", c.schema, c.doc, diff)
		}
	}
}

// No message quotes a string value from the document.
func TestMessagesNeverEchoValues(t *testing.T) {
	secret := "9434765918" // an NHS number with a wrong check digit: personal data all the same
	doc := `{"form": "` + secret + `", "nhsNumber": "` + secret + `", "id": "` + strings.Repeat(secret, 10) + `",
	         "answers": {"PA1": "` + secret + `"}, "ethnicCategory": "` + secret + `"}`
	err := fixtureValidator(t).validate(PAMResponse, []byte(doc))
	if err == nil {
		t.Fatal("accepted")
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("the error repeats a value from the document:\n%v", err)
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Kind: PAMResponse, Violations: []Violation{{"", "type", "must be an object, not an array"},
		{"/answers/PA1", "maximum", "must be at most 4"}}}
	want := "schemas: pam-response document is not valid\n  (document): must be an object, not an array [type]\n" +
		"  /answers/PA1: must be at most 4 [maximum]"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, ErrInvalid) || errors.Is(e, ErrInternal) {
		t.Error("an *Error matches ErrInvalid and nothing else")
	}
}
