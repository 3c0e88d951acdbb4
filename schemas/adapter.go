package schemas

// This file is the only one that knows the validator library
// (github.com/santhosh-tekuri/jsonschema/v5). It compiles schemas with a configuration that
// does no I/O and asserts formats, runs the compiled schema on a decoded document, and turns
// the library's error tree into failures (failure.go), which the rest of the package
// explains in its own words. Moving to another validator, or to the library's v6 line, means
// rewriting this file and nothing else.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A validator holds the compiled schema of each kind, and every schema document as decoded
// JSON so that messages can quote a keyword's parameters ("must be at most 1"). It is
// immutable once built and safe for concurrent use.
type validator struct {
	schemas [kindEnd]*jsonschema.Schema
	errs    [kindEnd]error     // why a kind has no compiled schema
	fast    [kindEnd]*fastNode // the fast path's compiled schema (fast.go), when it has one
	slow    [kindEnd]error     // why a kind has no fast path
	raw     map[string]any     // schema documents by absolute URL, numbers as json.Number
}

// compile builds a validator from the schema files at the root of fsys (every "*.json"),
// each added under BaseURI + its file name, compiling files[k] as the schema of kind k.
// A kind whose file is absent or does not compile, or that refers to a schema file with an
// unknown format or a $ref that resolves nowhere, gets an error matching ErrInternal from
// validate; the other kinds are unaffected. The error result is for failures that affect
// every kind.
//
// The configuration is the point of this function: draft 2020-12; "format" asserted; engage's
// formats registered on this compiler only, never in the library's package-level registry;
// and a loader that refuses every URL, so that a $ref to anything not added here (file://,
// http://, …) fails to compile instead of reading a file or the network, which is what the
// library's default loader would do.
func compile(fsys fs.FS, files map[Kind]string) (v *validator, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("%w: compiling the schemas panicked", ErrInternal)
		}
	}()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("%q is not one of engage's embedded schemas and will not be loaded", u)
	}
	for name, f := range formats {
		c.Formats[name] = f.check
	}
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInternal, err)
	}
	v = &validator{raw: make(map[string]any, len(names))}
	broken := map[string]error{} // schema files that cannot be used, by absolute URL
	for _, name := range names {
		url := BaseURI + name
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("%w: reading schema %s: %v", ErrInternal, name, err)
		}
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var doc any
		if err := d.Decode(&doc); err != nil {
			broken[url] = fmt.Errorf("schema %s is not valid JSON: %v", name, err)
			continue
		}
		v.raw[url] = doc
		if err := c.AddResource(url, bytes.NewReader(b)); err != nil {
			broken[url] = fmt.Errorf("schema %s: %v", name, err)
		}
	}
	for _, p := range checkSchemas(v.raw, knownFormat) {
		if broken[p.url] == nil {
			broken[p.url] = fmt.Errorf("schema %s: %s", strings.TrimPrefix(p.url, BaseURI), p.problem)
		}
	}
	for k, name := range files {
		if !k.Valid() {
			continue
		}
		url := BaseURI + name
		if _, ok := v.raw[url]; !ok && broken[url] == nil {
			v.errs[k] = fmt.Errorf("%w: no schema is embedded for %s documents (%s)", ErrInternal, k, name)
			continue
		}
		s, err := c.Compile(url)
		if err != nil {
			v.errs[k] = fmt.Errorf("%w: schema %s does not compile: %v", ErrInternal, name, err)
			continue
		}
		if err := firstBroken(broken, url, v.raw); err != nil {
			v.errs[k] = fmt.Errorf("%w: %v", ErrInternal, err)
			continue
		}
		v.schemas[k] = s
		v.fast[k], v.slow[k] = compileFast(v.raw, url, builtinFormat)
	}
	return v, nil
}

// firstBroken returns the problem of the schema at url or of any schema it refers to.
func firstBroken(broken map[string]error, url string, raw map[string]any) error {
	seen := map[string]bool{}
	var visit func(u string) error
	visit = func(u string) error {
		if seen[u] {
			return nil
		}
		seen[u] = true
		if err := broken[u]; err != nil {
			return err
		}
		for _, ref := range referencedFiles(u, raw[u]) {
			if err := visit(ref); err != nil {
				return err
			}
		}
		return nil
	}
	return visit(url)
}

// knownFormat reports whether the validator asserts the format called name: one of
// engage's, or one the library implements.
func knownFormat(name string) bool {
	if _, ok := formats[name]; ok {
		return true
	}
	_, ok := jsonschema.Formats[name] // read only: engage never writes the library's globals
	return ok
}

// builtinFormat returns the library's check for a standard format, or nil.
func builtinFormat(name string) func(any) bool { return jsonschema.Formats[name] }

// check validates a decoded document against the schema of kind k. It returns nil when the
// document conforms, and otherwise the root of the tree of failures.
func (v *validator) check(k Kind, doc any) (*failure, error) {
	err := v.schemas[k].Validate(doc)
	if err == nil {
		return nil, nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, fmt.Errorf("%w: validating a %s document: %v", ErrInternal, k, err)
	}
	return convert(ve), nil
}

// convert copies the library's error tree into failures, translating its locations. The
// library writes each reference token of a location percent-encoded as in a URL path (after
// RFC 6901's ~0 and ~1 escapes); failures hold plain RFC 6901 JSON Pointers.
func convert(ve *jsonschema.ValidationError) *failure {
	f := &failure{instance: unpercent(ve.InstanceLocation)}
	loc := ve.AbsoluteKeywordLocation
	if i := strings.IndexByte(loc, '#'); i >= 0 {
		f.url, f.keyword = loc[:i], unpercent(loc[i+1:])
	} else {
		f.url = loc
	}
	for _, c := range ve.Causes {
		f.causes = append(f.causes, convert(c))
	}
	return f
}

// unpercent decodes %XX escapes; other text is kept as it is.
func unpercent(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, byte(hex4("00"+s[i+1:i+3])))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}
