package schemas

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// refValidator compiles {"$ref": ref} beside every embedded schema and the fixtures.
func refValidator(t *testing.T, ref string) *validator {
	t.Helper()
	fsys := fixtureFS(t)
	fsys["ref.json"] = &fstest.MapFile{Data: []byte(`{"$schema": "` + draft202012 + `", "$id": "` + BaseURI +
		`ref.json", "$ref": ` + strconv.Quote(ref) + `}`)}
	v, err := compile(fsys, map[Kind]string{Catalogue: "ref.json"})
	if err != nil || v.errs[Catalogue] != nil {
		t.Fatalf("%s: %v %v", ref, err, v.errs[Catalogue])
	}
	return v
}

// Every example a schema gives is valid against the schema that gives it.
func TestExamplesAreValid(t *testing.T) {
	for url, doc := range schemaDocs(t) {
		file := strings.TrimPrefix(url, BaseURI)
		walkSchema(doc, "", func(obj map[string]any, ptr string) {
			examples, ok := obj["examples"].([]any)
			if !ok {
				return
			}
			v := refValidator(t, file+"#"+ptr)
			for _, ex := range examples {
				data, _ := json.Marshal(ex)
				if err := v.validate(Catalogue, data); err != nil {
					t.Errorf("%s#%s: example %s: %v", file, ptr, data, err)
				}
			}
		})
	}
}

// Values each shared definition refuses, with the code of the violation.
func TestCommonDefinitionsRefuse(t *testing.T) {
	for def, cases := range map[string][]struct{ doc, code string }{
		"slug":               {{`"Involve"`, "pattern"}, {`"a--b"`, "pattern"}, {`"-a"`, "pattern"}, {`"` + strings.Repeat("a", 81) + `"`, "maxLength"}, {`1`, "type"}},
		"name":               {{`""`, "minLength"}, {`"` + strings.Repeat("é", 201) + `"`, "maxLength"}},
		"text":               {{`"` + strings.Repeat("x", 5001) + `"`, "maxLength"}, {`null`, "type"}},
		"uri":                {{`"not a uri"`, "format"}, {`"/relative"`, "format"}},
		"decimal":            {{`"1e3"`, "format"}, {`1.5`, "type"}, {`"01"`, "format"}},
		"money":              {{`"12.345678901234567"`, "format"}, {`"£12"`, "format"}, {`12.5`, "type"}},
		"nonNegativeMoney":   {{`"-1"`, "pattern"}, {`"-0"`, "pattern"}},
		"currency":           {{`"gbp"`, "pattern"}, {`"GBPX"`, "pattern"}},
		"fraction":           {{`1.01`, "maximum"}, {`-0.01`, "minimum"}, {`"0.5"`, "type"}},
		"probability":        {{`2`, "maximum"}},
		"percentage":         {{`100.5`, "maximum"}, {`-1`, "minimum"}},
		"confidenceLevel":    {{`1`, "exclusiveMaximum"}, {`0.8`, "minimum"}, {`95`, "exclusiveMaximum"}},
		"count":              {{`-1`, "minimum"}, {`1.5`, "type"}, {`2.0`, "format"}, {`1e3`, "format"}, {`9007199254740992`, "maximum"}},
		"positiveCount":      {{`0`, "minimum"}},
		"year":               {{`1899`, "minimum"}, {`2201`, "maximum"}, {`"2025"`, "type"}},
		"financialYear":      {{`"2025-2026"`, "format"}, {`"2025-27"`, "format"}},
		"date":               {{`"2023-02-29"`, "format"}, {`"01/04/2026"`, "format"}, {`"2026-04-01T00:00:00Z"`, "format"}},
		"dateTime":           {{`"2026-04-01"`, "format"}, {`"2026-04-01T09:30:00"`, "format"}},
		"gssCode":            {{`"K02000001"`, "format"}, {`"e38000050"`, "format"}},
		"lsoaCode":           {{`"E02000001"`, "pattern"}, {`"S01000001"`, "pattern"}},
		"localAuthorityCode": {{`"E01000001"`, "pattern"}, {`"E11000001"`, "pattern"}},
		"subIcbLocationCode": {{`"E54000008"`, "pattern"}},
		"icbCode":            {{`"E38000050"`, "pattern"}},
		"nhsRegionCode":      {{`"E54000008"`, "pattern"}},
		"odsCode":            {{`"qyg"`, "pattern"}, {`"Q"`, "pattern"}, {`"ABCDEFGHIJ"`, "pattern"}},
		"nhsNumber":          {{`"9990000019"`, "format"}, {`"999 000 0018"`, "format"}, {`"1111111111"`, "format"}, {`9990000018`, "type"}},
		"ethnicCategory":     {{`"I"`, "enum"}, {`"a"`, "enum"}, {`"A1"`, "enum"}, {`"X"`, "enum"}},
		"ethnicGroup":        {{`"White"`, "enum"}},
		"imdEdition":         {{`2015`, "enum"}, {`"2019"`, "type"}, {`2019.0`, "format"}},
		"imdDecile":          {{`0`, "minimum"}, {`11`, "maximum"}, {`3.5`, "type"}},
		"imdQuintile":        {{`6`, "maximum"}},
	} {
		v := refValidator(t, "common.json#/$defs/"+def)
		for _, c := range cases {
			err := v.validate(Catalogue, []byte(c.doc))
			var e *Error
			if !errors.As(err, &e) || len(e.Violations) != 1 || e.Violations[0].Code != c.code {
				t.Errorf("%s: %s: validate = %v, want one %q violation", def, c.doc, err, c.code)
			}
		}
	}
}

// Every shared definition has refusal cases above.
func TestCommonDefinitionsCovered(t *testing.T) {
	src, err := os.ReadFile("common_test.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := schemaDocs(t)[BaseURI+"common.json"].(map[string]any)
	for name := range doc["$defs"].(map[string]any) {
		if !strings.Contains(string(src), "\t\""+name+"\":") {
			t.Errorf("common.json#/$defs/%s has no refusal cases", name)
		}
	}
}
