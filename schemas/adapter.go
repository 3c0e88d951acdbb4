package schemas

// This file is the only one that knows the validator library
// (github.com/santhosh-tekuri/jsonschema/v5). Moving to another validator, or to the
// library's v6 line, means rewriting this file and nothing else.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

type validator struct {
	schemas [kindEnd]*jsonschema.Schema
}

// compiled compiles every embedded schema once, on first use.
var compiled = sync.OnceValues(func() (*validator, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	// Never fall back to the library's global loaders, which read local files: every
	// schema engage uses is embedded and added below.
	c.LoadURL = func(u string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schemas: %q is not an embedded schema and will not be loaded", u)
	}
	for name, check := range formats {
		c.Formats[name] = check
	}
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInternal, err)
	}
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInternal, err)
		}
		if err := c.AddResource(BaseURI+name, bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("%w: schema %s: %v", ErrInternal, name, err)
		}
	}
	v := &validator{}
	for k := Kind(1); k < kindEnd; k++ {
		if _, err := fs.Stat(files, kinds[k].file); err != nil {
			continue // reported by validate as ErrInternal for that kind only
		}
		s, err := c.Compile(BaseURI + kinds[k].file)
		if err != nil {
			return nil, fmt.Errorf("%w: schema %s: %v", ErrInternal, kinds[k].file, err)
		}
		v.schemas[k] = s
	}
	return v, nil
})

func (v *validator) validate(k Kind, data []byte) (err error) {
	s := v.schemas[k]
	if s == nil {
		return fmt.Errorf("%w: no schema is embedded for %s", ErrInternal, k)
	}
	doc, verr := decode(k, data)
	if verr != nil {
		return verr
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: the validator failed on a %s document", ErrInternal, k)
		}
	}()
	if e := s.Validate(doc); e != nil {
		ve, ok := e.(*jsonschema.ValidationError)
		if !ok {
			return fmt.Errorf("%w: %v", ErrInternal, e)
		}
		return &Error{Kind: k, Violations: violations(ve)}
	}
	return nil
}

// decode parses data with json.Number for numbers, after the hostile-input checks.
func decode(k Kind, data []byte) (any, error) {
	if v := guard(data); v != nil {
		return nil, &Error{Kind: k, Violations: []Violation{*v}}
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		return nil, &Error{Kind: k, Violations: []Violation{{Code: "syntax", Message: "the document is not well-formed JSON: " + syntaxDetail(err)}}}
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, &Error{Kind: k, Violations: []Violation{{Code: "syntax", Message: "the document has data after its end"}}}
	}
	return doc, nil
}

func syntaxDetail(err error) string {
	if se, ok := err.(*json.SyntaxError); ok {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return err.Error()
}

// violations flattens the validator's error tree to its leaves.
func violations(ve *jsonschema.ValidationError) []Violation {
	var out []Violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, leaf(e))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out
}

func leaf(e *jsonschema.ValidationError) Violation {
	kw := e.KeywordLocation
	if i := strings.LastIndexByte(kw, '/'); i >= 0 {
		kw = kw[i+1:]
	}
	return Violation{Pointer: e.InstanceLocation, Code: kw, Message: message(kw, e)}
}
