package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// testSchema compiles one schema, given as the members of its root object, as the schema of
// Catalogue, beside the embedded common.json, through compile.
func testSchema(t testing.TB, members string) *validator {
	t.Helper()
	common, err := files.ReadFile("common.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := `{"$schema": "` + draft202012 + `", "$id": "` + BaseURI + `test.json"`
	if strings.TrimSpace(members) != "" {
		doc += ", " + members
	}
	doc += "}"
	v, err := compile(fstest.MapFS{"common.json": {Data: common}, "test.json": {Data: []byte(doc)}},
		map[Kind]string{Catalogue: "test.json"})
	if err != nil {
		t.Fatal(err)
	}
	if v.errs[Catalogue] != nil {
		t.Fatalf("schema %s: %v", members, v.errs[Catalogue])
	}
	return v
}

// verdicts returns what the fast path and the library decide about a document the guard
// accepts.
func verdicts(t testing.TB, v *validator, k Kind, data []byte) (fast, library bool) {
	t.Helper()
	if bad := guard(data); bad != nil {
		t.Fatalf("guard rejected %s: %+v", data, *bad)
	}
	src := string(data)
	e := fastEval{src: src}
	_, fast = e.eval(v.fast[k], 0)
	f, err := v.check(k, decode(src))
	if err != nil {
		t.Fatal(err)
	}
	return fast, f == nil
}

// fastSchemas exercise every keyword the fast path implements.
var fastSchemas = []string{
	``,
	`"type": "integer", "minimum": 0, "maximum": 4`,
	`"type": ["number", "null"], "exclusiveMinimum": 0, "exclusiveMaximum": 1, "multipleOf": 0.25`,
	`"type": "number", "minimum": -1, "maximum": 1e1, "multipleOf": 0.5`,
	`"type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$"`,
	`"type": "string", "maxLength": 1`,
	`"enum": [1, "a", null, true, [1, 2], {"x": 1}, 0.5]`,
	`"const": {"a": [1, 2.0]}`,
	`"const": 10`,
	`"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 3, "uniqueItems": true`,
	`"uniqueItems": true`,
	`"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}], "items": false`,
	`"prefixItems": [{"const": 1}]`,
	`"type": "object", "properties": {"a": {"type": "integer"}, "b": {"$ref": "#/$defs/s"}}, "required": ["a"],
	 "additionalProperties": false, "$defs": {"s": {"type": "string", "format": "date"}}`,
	`"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "number"},
	 "propertyNames": {"maxLength": 4}, "minProperties": 1, "maxProperties": 3`,
	`"properties": {"a": true, "b": false}, "required": ["kind", "x"]`,
	`"dependentRequired": {"a": ["b", "c"]}`,
	`"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 10}]`,
	`"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 2}]`,
	`"not": {"type": "object"}`,
	`"if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]}, "then": {"required": ["x"]}, "else": {"required": ["y"]}`,
	`"then": {"required": ["x"]}`,
	`"allOf": [{"$ref": "common.json#/$defs/fraction"}, {"not": {"const": 0.5}}]`,
	`"$ref": "common.json#/$defs/nhsNumber"`,
	`"$ref": "common.json#/$defs/money"`,
	`"$ref": "common.json#/$defs/gssCode"`,
	`"$ref": "common.json#/$defs/count"`,
	`"$ref": "common.json#/$defs/imdEdition"`,
	`"$ref": "common.json#/$defs/ethnicCategory"`,
	`"$ref": "common.json#/$defs/confidenceLevel"`,
	`"$ref": "common.json#/$defs/financialYear"`,
	`"$ref": "common.json#/$defs/dateTime"`,
	`"$defs": {"tree": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/tree"}}, "a": {"type": "string"}}}}, "$ref": "#/$defs/tree"`,
	`"type": "object", "properties": {"a b/c~d": {"type": "integer"}, "é": {"const": "é"}}`,
	`"items": {"$ref": "#"}, "maxItems": 2`,
	`"$anchor": "root", "properties": {"a": {"$ref": "#root"}}, "maxProperties": 1`,
	`"type": "integer", "format": "whole-number"`,
	`"minimum": 1e-300, "maximum": 9.99e300`,
	`"contains": {"type": "integer"}`,
	`"contains": {"const": "a"}, "minContains": 2, "maxContains": 3`,
	`"contains": {"type": "string"}, "minContains": 0, "maxContains": 1`,
	`"dependentSchemas": {"a": {"required": ["b"], "properties": {"b": {"type": "string"}}}, "x": {"maxProperties": 2}}`,
	`"unevaluatedProperties": false, "allOf": [{"properties": {"a": true}}], "properties": {"b": {"type": "integer"}}`,
	`"unevaluatedProperties": {"type": "string"}, "anyOf": [{"properties": {"a": true}, "required": ["a"]}, {"properties": {"x": true}}]`,
	`"unevaluatedProperties": false, "if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]},
	 "then": {"properties": {"x": true, "kind": true}}, "else": {"properties": {"y": true, "kind": true}}`,
	`"unevaluatedProperties": false, "patternProperties": {"^x-": true}, "dependentSchemas": {"a": {"properties": {"b": true}}}, "properties": {"a": true}`,
	`"unevaluatedProperties": false, "allOf": [{"$ref": "#/$defs/base"}], "$defs": {"base": {"properties": {"a": {"type": "string"}}, "unevaluatedProperties": {"type": "integer"}}}`,
	`"unevaluatedItems": false, "prefixItems": [{"type": "integer"}], "allOf": [{"prefixItems": [true, true]}]`,
	`"unevaluatedItems": {"type": "string"}, "contains": {"type": "integer"}`,
	`"properties": {"a": {"unevaluatedProperties": false, "properties": {"b": true}}}, "unevaluatedProperties": false`,
	// Rules on the same object that only name fields, read from the memo of the object's
	// fields, and conditions that stop reading once they have seen their field.
	`"properties": {"kind": {"type": "string"}, "a": true}, "allOf": [
	 {"if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]}, "then": {"required": ["x"], "properties": {"y": false}}},
	 {"if": {"properties": {"kind": {"enum": ["x", "y"]}}, "required": ["kind"]}, "then": {"required": ["a", "b"], "properties": {"x": {"type": "integer"}, "a": {"maxLength": 1}}}}]`,
	`"if": {"properties": {"kind": {"const": "a"}}}, "then": {"minProperties": 3}, "else": {"properties": {"b": {"type": "array"}}}`,
	nestedRules,
	`"allOf": [{"const": {"a": 1}}, {"$ref": "#/$defs/o"}], "$defs": {"o": {"properties": {"a": {"enum": [1, 2]}}}}`,
	// Patterns of one character class, checked without the regular-expression machine.
	`"pattern": "\\S"`,
	`"type": "string", "pattern": "[^a-z]"`,
	`"pattern": "\\d"`,
	`"pattern": "\\p{Lu}"`,
	// Lengths settled by the byte length alone, or by counting characters.
	`"minLength": 3`,
	`"maxLength": 2`,
}

// nestedRules has a memo replaced while it is in use: the rules' own fields hold objects
// with rules of their own.
const nestedRules = `"type": "object", "properties": {"a": {"type": "object", "properties": {"x": true}, "allOf": [{"properties": {"x": {"type": "integer"}}}]}},
	 "allOf": [{"properties": {"a": {"required": ["x"]}, "b": {"properties": {"x": {"const": 1}}, "allOf": [{"required": ["y"]}]}}},
	 {"required": ["a"], "properties": {"c": false}}]`

// jsonValues draws JSON documents from small vocabularies chosen to fall on both sides of
// the bounds in fastSchemas.
func jsonValues() *rapid.Generator[any] {
	numbers := []string{"0", "-0", "1", "1.0", "1e0", "0.25", "0.5", "0.50", "0.75", "1.5", "2", "4", "5", "10",
		"10.0", "1e1", "-1", "-1.5", "100", "0.1", "1e-300", "9.99e300", "3", "2019", "2025", "0.9", "0.95",
		"9007199254740991", "9007199254740992", "1E1", "5e-1", "-0.0"}
	strs := []string{"", "a", "ab", "abcdef", "AB", "2024-02-29", "2023-02-29", "9434765919", "9434765918",
		"E38000050", "K02000001", "x-1", "1250.00", "1e3", "kind", "é", "x", "y", "99", "Z", "I", "2025-26",
		"2025-27", "2026-04-01T09:30:00Z", "0.5", "-12.5", "a\"b", "\u00e9t\u00e9"}
	keys := []string{"a", "b", "c", "x", "y", "kind", "children", "x-a", "x-bb", "long-key", "a b/c~d", "é"}
	return rapid.Custom(func(t *rapid.T) any {
		var value func(depth int) any
		value = func(depth int) any {
			kind := rapid.IntRange(0, 6).Draw(t, "kind")
			if depth > 3 && kind >= 5 {
				kind = 0
			}
			switch kind {
			case 0:
				return json.Number(rapid.SampledFrom(numbers).Draw(t, "number"))
			case 1:
				return rapid.SampledFrom(strs).Draw(t, "string")
			case 2:
				return rapid.Bool().Draw(t, "bool")
			case 3:
				return nil
			case 4:
				return json.Number(rapid.SampledFrom(numbers[:12]).Draw(t, "small"))
			case 5:
				n := rapid.IntRange(0, 4).Draw(t, "items")
				a := make([]any, n)
				for i := range a {
					a[i] = value(depth + 1)
				}
				return a
			}
			n := rapid.IntRange(0, 4).Draw(t, "fields")
			m := map[string]any{}
			for range n {
				m[rapid.SampledFrom(keys).Draw(t, "key")] = value(depth + 1)
			}
			return m
		}
		return value(0)
	})
}

// The fast path and the library agree on every document, for every schema in fastSchemas
// (rapid's default of 100 documents per schema; raise it with -rapid.checks).
func TestFastPathAgreesWithLibrary(t *testing.T) {
	for _, schema := range fastSchemas {
		v := testSchema(t, schema)
		if v.fast[Catalogue] == nil {
			t.Errorf("schema %s has no fast path: %v", schema, v.slow[Catalogue])
			continue
		}
		accepted, rejected := 0, 0
		rapid.Check(t, func(rt *rapid.T) {
			doc := jsonValues().Draw(rt, "document")
			data, err := json.Marshal(doc)
			if err != nil {
				rt.Fatal(err)
			}
			fast, lib := verdicts(t, v, Catalogue, data)
			if fast != lib {
				rt.Fatalf("schema {%s}\ndocument %s\nfast path says %v, library says %v", schema, data, fast, lib)
			}
			if lib {
				accepted++
			} else {
				rejected++
			}
		})
		if schema != "" && (accepted == 0 || rejected == 0) {
			t.Logf("schema {%s}: %d accepted, %d rejected: the generator does not reach both sides", schema, accepted, rejected)
		}
	}
}

// Hand-picked documents at the edges, for the same agreement.
func TestFastPathAgreesOnEdges(t *testing.T) {
	for _, c := range []struct{ schema, doc string }{
		{`"type": "integer"`, `1.0`}, {`"type": "integer"`, `1e2`}, {`"type": "integer"`, `1.5e1`},
		{`"type": "integer"`, `1.05e1`}, {`"type": "integer"`, `-0.0`},
		{`"maximum": 1`, `1.000000000000000000000000000000000000001`}, {`"maximum": 1`, `0.99999999999999999999999999999999999999`},
		{`"minimum": 0`, `-0`}, {`"exclusiveMinimum": 0`, `-0.0`}, {`"exclusiveMaximum": 1e2`, `99.999`},
		{`"const": 100`, `1e2`}, {`"const": 100`, `100.0`}, {`"enum": [0.1]`, `1e-1`},
		{`"multipleOf": 0.01`, `12.34`}, {`"multipleOf": 0.01`, `12.345`}, {`"multipleOf": 3`, `1e2`},
		{`"maxLength": 2`, `"\ud83d\ude00\ud83d\ude00"`}, {`"maxLength": 1`, `"\ud800"`},
		{`"pattern": "^a$"`, `"\u0061"`}, {`"const": "é"`, `"\u00e9"`},
		{`"properties": {"é": {"type": "integer"}}`, `{"\u00e9": "x"}`},
		{`"required": ["a"]`, `{"\u0061": 1}`}, {`"additionalProperties": false, "properties": {"a/b": true}`, `{"a\/b": 1}`},
		{`"uniqueItems": true`, `[{"a": 1, "b": 2}, {"b": 2, "a": 1.0}]`}, {`"uniqueItems": true`, `[1, 1.0]`},
		{`"uniqueItems": true`, `[[1, "a"], [1, "b"]]`}, {`"uniqueItems": true`, `["a", "\u0061"]`},
		{`"propertyNames": {"pattern": "^[a-z]+$"}`, `{"ok": 1, "Not": 2}`},
		{`"propertyNames": {"enum": ["a"]}`, `{"\u0061": 1}`},
		{`"dependentRequired": {"a": ["b"]}`, `{"a": 1, "\u0062": 2}`},
		{`"items": {"type": "string"}`, ` [ "a" , "b" ] `}, {`"properties": {"a": {"type": "string"}}`, ` { "a" : "x" , "b" : [ 1 , { } ] } `},
		{`"$ref": "common.json#/$defs/count"`, `9007199254740991`}, {`"$ref": "common.json#/$defs/count"`, `9007199254740992`},
		{`"$ref": "common.json#/$defs/count"`, `1.0`}, {`"$ref": "common.json#/$defs/imdEdition"`, `2019.0`},
		{`"$ref": "common.json#/$defs/money"`, `"1e3"`}, {`"$ref": "common.json#/$defs/money"`, `"-0.5"`},
		{`"$ref": "common.json#/$defs/nonNegativeMoney"`, `"-0.5"`}, {`"$ref": "common.json#/$defs/date"`, `"2024-02-30"`},
		// The memo of an object's fields: more fields than it holds, escaped names.
		{`"properties": {"a": true}, "allOf": [{"required": ["k17"]}]`, manyFields(20, "")},
		{`"properties": {"a": true}, "allOf": [{"required": ["k17"]}]`, manyFields(20, "k17")},
		{`"properties": {"a": true}, "allOf": [{"required": ["k3"], "properties": {"k17": false}}]`, manyFields(16, "")},
		{`"properties": {"a": true}, "allOf": [{"required": ["é"]}]`, `{"\u00e9": 1, "a": 2}`},
		{`"properties": {"a": true}, "allOf": [{"properties": {"a\"b": false}}]`, `{"a\"b": 1, "a": 2}`},
		{`"properties": {"a": true}, "allOf": [{"properties": {"a": {"type": "string"}}}]`, ` { "a" : 1 } `},
		// A memo replaced while it is in use (the schema is one of fastSchemas).
		{nestedRules, `{"a": {"x": 1}}`}, {nestedRules, `{"a": {"x": 1}, "b": {"x": 1, "y": 0}}`},
		{nestedRules, `{"a": {"x": 1}, "b": {"x": 2, "y": 0}}`}, {nestedRules, `{"a": {"x": 1}, "b": {"x": 1}}`},
		{nestedRules, `{"b": {"y": 0, "x": 1}, "a": {"x": "s"}}`}, {nestedRules, `{"a": {}}`}, {nestedRules, `{"a": {"x": 1}, "c": 1}`},
		{`"allOf": [{"const": {"a": 1}}, {"$ref": "#/$defs/o"}], "$defs": {"o": {"properties": {"a": {"enum": [1, 2]}}}}`, `{"a": 1.0}`},
		{`"allOf": [{"const": {"a": 2}}, {"$ref": "#/$defs/o"}], "$defs": {"o": {"properties": {"a": {"enum": [1, 2]}}}}`, `{"a": 2}`},
		// A condition that stops at its field, with harder values after it.
		{`"if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]}, "then": {"required": ["z"]}`, `{"kind": "a", "x": [1, {"y": "}"}], "z": 0}`},
		{`"if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]}, "then": {"required": ["z"]}`, `{"x": [1, {"y": "}"}], "kind": "a"}`},
		// One character class: white space, characters beyond ASCII, a lone surrogate.
		{`"pattern": "\\S"`, `" \t\n\r\f"`}, {`"pattern": "\\S"`, `"\u00a0"`}, {`"pattern": "\\S"`, `"\ud800"`},
		{`"pattern": "\\S"`, `""`}, {`"pattern": "[^\\x{FFFD}]"`, `"\ud800"`}, {`"pattern": "[\\x{FFFD}]"`, `"\ud800"`},
		{`"minLength": 2`, `"\ud83d\ude00"`}, {`"minLength": 2, "maxLength": 4`, `"ééé"`}, {`"maxLength": 3`, `"éééé"`},
	} {
		v := testSchema(t, c.schema)
		if v.fast[Catalogue] == nil {
			t.Fatalf("schema %s has no fast path: %v", c.schema, v.slow[Catalogue])
		}
		fast, lib := verdicts(t, v, Catalogue, []byte(c.doc))
		if fast != lib {
			t.Errorf("schema {%s} document %s: fast path says %v, library says %v", c.schema, c.doc, fast, lib)
		}
	}
}

// manyFields returns an object of n fields k0 … k(n-1), with the field also when given.
func manyFields(n int, also string) string {
	var b strings.Builder
	b.WriteString(`{"a": 1`)
	for i := range n {
		fmt.Fprintf(&b, `, "k%d": %d`, i, i)
	}
	if also != "" && !strings.Contains(b.String(), `"`+also+`"`) {
		fmt.Fprintf(&b, `, %q: 0`, also)
	}
	b.WriteString("}")
	return b.String()
}

// Schemas using keywords the fast path does not implement are validated by the library
// alone, and still correctly.
func TestFastPathFallsBack(t *testing.T) {
	for _, c := range []struct {
		schema, good, bad string
	}{
		{`"$dynamicRef": "#meta", "$defs": {"m": {"$dynamicAnchor": "meta", "type": "string"}}`, `"x"`, `1`},
		{`"x-vendor": 1, "type": "string"`, `"x"`, `1`},
	} {
		v := testSchema(t, c.schema)
		if v.fast[Catalogue] != nil {
			t.Errorf("schema {%s} compiled for the fast path", c.schema)
		}
		if err := v.validate(Catalogue, []byte(c.good)); err != nil {
			t.Errorf("schema {%s} %s: %v", c.schema, c.good, err)
		}
		if err := v.validate(Catalogue, []byte(c.bad)); err == nil {
			t.Errorf("schema {%s} accepted %s", c.schema, c.bad)
		}
	}
}

// parseDec and cmp agree with big.Rat on every pair of guard-admissible literals.
func TestDecimalComparisonMatchesBigRat(t *testing.T) {
	lit := rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		if rapid.Bool().Draw(t, "neg") {
			b.WriteByte('-')
		}
		b.WriteString(rapid.StringMatching(`0|[1-9][0-9]{0,12}`).Draw(t, "int"))
		if rapid.Bool().Draw(t, "frac") {
			b.WriteString("." + rapid.StringMatching(`[0-9]{1,12}`).Draw(t, "fracDigits"))
		}
		if rapid.Bool().Draw(t, "exp") {
			b.WriteString("e" + rapid.StringMatching(`[+-]?[0-9]{1,2}`).Draw(t, "expDigits"))
		}
		return b.String()
	})
	rapid.Check(t, func(t *rapid.T) {
		a, b := lit.Draw(t, "a"), lit.Draw(t, "b")
		da, okA := parseDec(a)
		db, okB := parseDec(b)
		if !okA || !okB {
			t.Fatalf("parseDec refused %q or %q", a, b)
		}
		ra, _ := new(big.Rat).SetString(a)
		rb, _ := new(big.Rat).SetString(b)
		if got, want := da.cmp(&db), ra.Cmp(rb); got != want {
			t.Fatalf("cmp(%s, %s) = %d, big.Rat says %d", a, b, got, want)
		}
		if got, want := da.isInt(), ra.IsInt(); got != want {
			t.Fatalf("isInt(%s) = %v, big.Rat says %v", a, got, want)
		}
	})
}

// In collecting mode the fast path records the failures the library reports, so the
// violations explained from either are the same. (For anyOf and oneOf the library explains
// the alternatives while the fast path reports that none matched; for those schemas only
// the next check is made.) And the fast path's failures are explained the same whether the
// reporter has the decoded document or reads the values it needs from the bytes (sparse,
// as for a document failing in more than MaxViolations places), with or without white
// space between the tokens.
func TestCollectingAgreesWithLibrary(t *testing.T) {
	for _, schema := range fastSchemas {
		alternatives := strings.Contains(schema, "anyOf") || strings.Contains(schema, "oneOf")
		v := testSchema(t, schema)
		rapid.Check(t, func(rt *rapid.T) {
			value := jsonValues().Draw(rt, "document")
			data, err := json.Marshal(value)
			if rapid.Bool().Draw(rt, "indent") {
				data, err = json.MarshalIndent(value, " ", "\t")
			}
			if err != nil {
				rt.Fatal(err)
			}
			src := string(data)
			doc := decode(src)
			root, err := v.check(Catalogue, doc)
			if err != nil {
				rt.Fatal(err)
			}
			if root == nil {
				return
			}
			r := reporter{raw: v.raw, doc: doc, data: data}
			c := fastEval{src: src, collect: true, limit: 1 << 30}
			c.eval(v.fast[Catalogue], 0)
			got := r.report(&failure{causes: c.fails})
			if !alternatives {
				if diff := cmp.Diff(r.report(root), got); diff != "" {
					rt.Fatalf("schema {%s}\ndocument %s\nviolations (-library +fast path):\n%s", schema, data, diff)
				}
			}
			sparse := reporter{raw: v.raw, data: data, sparse: true, src: src}
			if diff := cmp.Diff(got, sparse.report(&failure{causes: c.fails})); diff != "" {
				rt.Fatalf("schema {%s}\ndocument %s\nviolations (-decoded +sparse):\n%s", schema, data, diff)
			}
		})
	}
}

// A document failing in more places than MaxViolations gets the first MaxViolations and a
// closing "tooManyViolations", cheaply (see BenchmarkManyViolations).
func TestTooManyViolations(t *testing.T) {
	v := testSchema(t, `"items": {"$ref": "common.json#/$defs/gssCode"}`)
	doc := "[" + strings.Repeat(`"x",`, 5000) + `"E38000050"]`
	err := v.validate(Catalogue, []byte(doc))
	var e *Error
	if !errors.As(err, &e) || len(e.Violations) != MaxViolations+1 {
		t.Fatalf("validate = %v", err)
	}
	first, last := e.Violations[0], e.Violations[MaxViolations]
	if want := (Violation{"/0", "format", "must be " + formats["gss-code"].expect}); first != want {
		t.Errorf("first violation %+v, want %+v", first, want)
	}
	if want := (Violation{"", codeTooManyViolations, "breaks its schema in more than 1000 places; only 1000 are listed"}); last != want {
		t.Errorf("last violation %+v, want %+v", last, want)
	}
	// Exactly MaxViolations failures go to the library and are all listed.
	doc = "[" + strings.Repeat(`"x",`, MaxViolations-1) + `"x"]`
	if err := v.validate(Catalogue, []byte(doc)); !errors.As(err, &e) || len(e.Violations) != MaxViolations ||
		e.Violations[MaxViolations-1].Pointer != "/999" {
		t.Errorf("validate = %d violations, want %d", len(e.Violations), MaxViolations)
	}
}

// Past MaxViolations the violations are explained without decoding the document, yet they
// are the library's: here each item fails once, so the first MaxViolations violations the
// library finds in the whole document are exactly those listed, messages that look at the
// values included (a type with a fractional number, a missing field, a misspelt field with
// its suggestion, a repeated item, a bound).
func TestTooManyViolationsAgreeWithLibrary(t *testing.T) {
	v := testSchema(t, `"type": "array", "items": {"type": "object", "required": ["id"], "additionalProperties": false,
		"properties": {"id": {"type": "integer", "maximum": 100}, "name": {"type": "string"}, "tags": {"type": "array", "uniqueItems": true}}}`)
	wrong := []string{`{"id": "x"}`, `{"name": "n"}`, `{"id": 1, "nmae": "n"}`, `{"id": 1, "tags": [1, 2, 1.0]}`,
		`{"id": 1.5}`, "{\n  \"id\" : 101\n}", `{"id": 2, "name": "fine"}`}
	var b strings.Builder
	b.WriteString("[")
	for i := range 1400 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(wrong[i%len(wrong)])
	}
	b.WriteString("]")
	data := []byte(b.String())
	doc := decode(string(data))
	root, err := v.check(Catalogue, doc)
	if err != nil || root == nil {
		t.Fatalf("the library accepts the document: %v", err)
	}
	lib := (&reporter{raw: v.raw, doc: doc, data: data}).report(root)
	if len(lib) != 1200 {
		t.Fatalf("the library finds %d violations, want 1200", len(lib))
	}
	var e *Error
	if err := v.validate(Catalogue, data); !errors.As(err, &e) || len(e.Violations) != MaxViolations+1 {
		t.Fatalf("validate = %v", err)
	}
	if diff := cmp.Diff(lib[:MaxViolations], e.Violations[:MaxViolations]); diff != "" {
		t.Errorf("violations (-library +listed):\n%s", diff)
	}
	for _, want := range []Violation{
		{"/0/id", "type", "must be a whole number, not a string"},
		{"/1/id", "required", `the required field "id" is missing`},
		{"/4/id", "type", "must be a whole number, not a number with a fractional part"},
		{"/5/id", "maximum", "must be at most 100"},
	} {
		if !slices.Contains(e.Violations, want) {
			t.Errorf("%+v is not listed", want)
		}
	}
	if got := e.Violations[2]; got.Pointer != "/2/nmae" || got.Code != "additionalProperties" || !strings.Contains(got.Message, `"name"`) {
		t.Errorf("misspelt field: %+v", got)
	}
	if got := e.Violations[3]; got.Pointer != "/3/tags/2" || got.Code != "uniqueItems" {
		t.Errorf("repeated item: %+v", got)
	}
}
