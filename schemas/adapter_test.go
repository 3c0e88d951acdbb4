package schemas

import (
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// The compiler's loader refuses every URL that is not an embedded schema: the library's
// default loader would read a file:// URL from disk and fetch an http:// one. The file
// below holds a valid schema, so had it been read the schema would have compiled; the error
// is the loader's refusal.
func TestLoaderRefusesExternalRefs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "outside.json")
	if err := os.WriteFile(path, []byte(`{"type": "string"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	common, _ := files.ReadFile("common.json")
	for _, ref := range []string{"file://" + filepath.ToSlash(path), "file:///etc/hostname", "http://127.0.0.1:9/schema.json",
		"https://json-schema.org/draft/2020-12/schema-not-built-in"} {
		doc := `{"$schema": "` + draft202012 + `", "$id": "` + BaseURI + `test.json", "$ref": ` + strconv.Quote(ref) + `}`
		v, err := compile(fstest.MapFS{"common.json": {Data: common}, "test.json": {Data: []byte(doc)}},
			map[Kind]string{Catalogue: "test.json"})
		if err != nil {
			t.Fatal(err)
		}
		if v.schemas[Catalogue] != nil {
			t.Errorf("$ref %s: the schema compiled", ref)
			continue
		}
		if err := v.errs[Catalogue]; !errors.Is(err, ErrInternal) ||
			!strings.Contains(err.Error(), strconv.Quote(ref)+" is not one of engage's embedded schemas and will not be loaded") {
			t.Errorf("$ref %s: error %v, want the loader's refusal", ref, err)
		}
	}
}

// Only adapter.go knows the validator library, so that moving to another validator touches
// one file.
func TestOnlyTheAdapterImportsTheLibrary(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "github.com/santhosh-tekuri/jsonschema") && name != "adapter.go" {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}

// engage registers its formats on its own compiler, never in the library's package-level
// registry, which other code in a program may share.
func TestLibraryGlobalsUntouched(t *testing.T) {
	if _, err := compiled(); err != nil {
		t.Fatal(err)
	}
	fixtureValidator(t)
	for name := range formats {
		if builtinFormat(name) != nil {
			t.Errorf("format %q is in the library's global registry", name)
		}
	}
}

// The library panics on numbers such as 1e1000000000 (it discards big.Rat.SetString's
// failure). The guard keeps them out; were one to reach the library, the boundary recovers.
func TestPanicsBecomeInternalErrors(t *testing.T) {
	v := testSchema(t, `"maximum": 10`)
	err := safely(Catalogue, func() error {
		_, err := v.check(Catalogue, json.Number("1e1000000000"))
		return err
	})
	if !errors.Is(err, ErrInternal) {
		t.Skipf("the library no longer panics here (err = %v); the guard stays regardless", err)
	}
	if err := safely(PAMResponse, func() error { panic("boom") }); !errors.Is(err, ErrInternal) ||
		strings.Contains(err.Error(), "boom") {
		t.Errorf("safely = %v", err)
	}
	// Through Validate, the same number is stopped by the guard.
	err = v.validate(Catalogue, []byte(`1e1000000000`))
	var e *Error
	if !errors.As(err, &e) || e.Violations[0].Code != codeNumber {
		t.Errorf("validate = %v, want a %q violation", err, codeNumber)
	}
}
