package schemas

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// schemaDocs returns every embedded schema and the test fixtures, decoded, by URL.
func schemaDocs(t *testing.T) map[string]any {
	t.Helper()
	raw := map[string]any{}
	for name, f := range fixtureFS(t) {
		d := json.NewDecoder(strings.NewReader(string(f.Data)))
		d.UseNumber()
		var doc any
		if err := d.Decode(&doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw[BaseURI+name] = doc
	}
	return raw
}

// Every embedded schema (and every fixture) names only formats the validator asserts and
// $refs that resolve to embedded schemas; the validator would silently skip an unknown
// format, and only fail on a bad $ref when a document happened to reach it.
func TestSchemasAreSound(t *testing.T) {
	for _, p := range checkSchemas(schemaDocs(t), knownFormat) {
		t.Errorf("%s: %s", strings.TrimPrefix(p.url, BaseURI), p.problem)
	}
}

// The check finds each kind of defect.
func TestSchemaCheckFindsDefects(t *testing.T) {
	for _, c := range []struct{ members, want string }{
		{`"format": "nhs-numbr"`, `unknown format "nhs-numbr"`},
		{`"properties": {"a": {"format": 3}}`, "unknown format 3 (the validator would not check it) at /properties/a/format"},
		{`"$ref": "elsewhere.json"`, "names a schema file that is not embedded"},
		{`"$ref": "common.json#/$defs/nope"`, "points at nothing in common.json"},
		{`"$ref": "#/$defs/missing"`, "points at nothing in test.json"},
		{`"$ref": "#nowhere"`, "names an $anchor that test.json does not define"},
		{`"$ref": "file:///etc/hostname"`, "does not name an embedded schema file"},
		{`"$ref": "https://example.org/schema.json"`, "does not name an embedded schema file"},
		{`"$ref": "../v1/common.json"`, "does not name an embedded schema file"},
		{`"items": {"$id": "inner.json"}`, "an $id inside a schema file is not supported at /items/$id"},
		{`"allOf": [{"anyOf": [{"not": {"$ref": "#/x"}}]}]`, "at /allOf/0/anyOf/0/not/$ref"},
	} {
		raw := map[string]any{BaseURI + "test.json": decodeSchema(t, c.members)}
		raw[BaseURI+"common.json"] = schemaDocs(t)[BaseURI+"common.json"]
		problems := checkSchemas(raw, knownFormat)
		found := false
		for _, p := range problems {
			found = found || strings.Contains(p.problem, c.want)
		}
		if !found {
			t.Errorf("schema {%s}: problems %v, want one containing %q", c.members, problems, c.want)
		}
	}
	// A property called "format" and an example holding "$ref" are not keywords.
	raw := map[string]any{BaseURI + "test.json": decodeSchema(t,
		`"properties": {"format": {"description": "d", "type": "string"}}, "examples": [{"$ref": "nowhere"}]`)}
	if problems := checkSchemas(raw, knownFormat); len(problems) != 0 {
		t.Errorf("problems %v, want none", problems)
	}
	// The file itself: $schema and $id.
	raw = map[string]any{BaseURI + "test.json": map[string]any{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "x"}}
	if problems := checkSchemas(raw, knownFormat); len(problems) != 2 {
		t.Errorf("problems %v, want two ($schema and $id)", problems)
	}
}

// A kind whose schema names an unknown format is not validated at all: Validate reports an
// internal error rather than silently skipping the check.
func TestUnknownFormatFailsTheKind(t *testing.T) {
	common, _ := files.ReadFile("common.json")
	doc := `{"$schema": "` + draft202012 + `", "$id": "` + BaseURI + `test.json", "format": "nhs-numbr"}`
	v, err := compile(fstest.MapFS{"common.json": {Data: common}, "test.json": {Data: []byte(doc)}},
		map[Kind]string{Catalogue: "test.json"})
	if err != nil {
		t.Fatal(err)
	}
	err = v.validate(Catalogue, []byte(`"anything"`))
	if !errors.Is(err, ErrInternal) || !strings.Contains(err.Error(), `unknown format "nhs-numbr"`) {
		t.Errorf("validate = %v, want an internal error naming the unknown format", err)
	}
}

func decodeSchema(t *testing.T, members string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(`{"$schema": "` + draft202012 + `", "$id": "` + BaseURI + `test.json", ` + members + `}`))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// conditional reports whether a schema location lies inside an if, then, else or not branch.
func conditional(ptr string) bool {
	for _, kw := range []string{"/if/", "/then/", "/else/", "/not/"} {
		if strings.Contains(ptr+"/", kw) {
			return true
		}
	}
	return false
}

// The schemas double as reference documentation: every file has a title and description,
// every property and every shared definition has a description (outside conditional
// branches, which only restate constraints).
func TestEverySchemaPropertyHasDescription(t *testing.T) {
	for url, doc := range schemaDocs(t) {
		file := strings.TrimPrefix(url, BaseURI)
		root, _ := doc.(map[string]any)
		for _, kw := range []string{"title", "description"} {
			if s, _ := root[kw].(string); strings.TrimSpace(s) == "" {
				t.Errorf("%s: no %s", file, kw)
			}
		}
		walkSchema(doc, "", func(obj map[string]any, ptr string) {
			if conditional(ptr) {
				// An if/then/else/not branch restates constraints on properties that are
				// described where they are defined.
				return
			}
			for _, kw := range []string{"properties", "$defs"} {
				members, _ := obj[kw].(map[string]any)
				for name, sub := range members {
					m, _ := sub.(map[string]any)
					if s, _ := m["description"].(string); strings.TrimSpace(s) == "" {
						t.Errorf("%s: %s/%s/%s has no description", file, ptr, kw, escapeToken(name))
					}
				}
			}
		})
	}
}

// Every object schema that lists its properties says what other fields may hold
// ("additionalProperties": false, usually). Go's encoding/json matches field names without
// regard to case, so in an open object {"answers": …, "Answers": …} the second field would
// pass validation and then overwrite the first on unmarshalling.
func TestObjectsAreClosed(t *testing.T) {
	for url, doc := range schemaDocs(t) {
		walkSchema(doc, "", func(obj map[string]any, ptr string) {
			_, props := obj["properties"]
			_, additional := obj["additionalProperties"]
			_, unevaluated := obj["unevaluatedProperties"]
			if props && obj["type"] == "object" && !additional && !unevaluated {
				t.Errorf("%s: the object at %s does not declare additionalProperties or unevaluatedProperties",
					strings.TrimPrefix(url, BaseURI), ptr)
			}
		})
	}
}

// The fixtures under testdata compile and stand for real kinds.
func TestFixturesCompile(t *testing.T) {
	v := fixtureValidator(t)
	for k := range fixtureFiles {
		if v.fast[k] == nil {
			t.Errorf("fixture for %v has no fast path: %v", k, v.slow[k])
		}
	}
	if _, err := os.Stat("testdata/" + fixturePAM); err != nil {
		t.Fatal(err)
	}
}
