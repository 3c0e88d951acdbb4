package schemas

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
)

// BaseURI is the absolute URI under which every engage schema's $id lives. A schema's $id is
// BaseURI followed by its file name, e.g. BaseURI + "pam-response.json".
const BaseURI = "https://peopleandcommunities.github.io/engage/schemas/v1/"

//go:embed *.json
var files embed.FS

// Sentinel errors; every error returned by this package matches one of them with errors.Is.
var (
	// ErrUnknownKind classifies a Kind or kind slug that names no document kind.
	ErrUnknownKind = errors.New("schemas: unknown document kind")
	// ErrInvalid classifies a document that does not conform to its schema; the error is an
	// *Error listing every violation.
	ErrInvalid = errors.New("schemas: document does not conform to its schema")
	// ErrInternal classifies a failure inside the validator itself (a bug, never bad input).
	ErrInternal = errors.New("schemas: internal validator failure")
)

// Source returns the JSON Schema (draft 2020-12) for documents of kind k, as embedded in the
// library, so that other systems can publish or use it. The schema refers to shared
// definitions in common.json (see FS), which must be published beside it.
func Source(k Kind) ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("%w: %s", ErrUnknownKind, k)
	}
	b, err := files.ReadFile(kinds[k].file)
	if err != nil {
		return nil, fmt.Errorf("%w: no schema is embedded for %s documents", ErrInternal, k)
	}
	return b, nil
}

// FS returns every embedded schema file, common.json included, each named as the last
// segment of its $id, so that a system can publish them all under BaseURI exactly as they
// are (for example with http.FileServerFS). The file system is read-only.
func FS() fs.FS { return files }

// ID returns the absolute $id of the schema for kind k; "" for an invalid kind.
func ID(k Kind) string {
	if !k.Valid() {
		return ""
	}
	return BaseURI + kinds[k].file
}

// compiled compiles every embedded schema once, on first use.
var compiled = sync.OnceValues(func() (*validator, error) {
	return compile(files, kindFiles())
})

// kindFiles maps every kind to its schema file.
func kindFiles() map[Kind]string {
	m := make(map[Kind]string, kindEnd-1)
	for k := Kind(1); k < kindEnd; k++ {
		m[k] = kinds[k].file
	}
	return m
}

// Validate checks that data is a JSON document of kind k. It returns nil when it conforms; an
// *Error (matching ErrInvalid) listing every violation when it does not; and an error matching
// ErrUnknownKind or ErrInternal otherwise.
//
// The document is first checked, in one pass over its bytes, for well-formed JSON in UTF-8
// that gives no field name twice in one object and keeps within the limits
// (MaxDocumentBytes, MaxDepth, MaxArrayLength, MaxObjectMembers, MaxValues,
// MaxNumberDigits, MaxNumberExponent); a document that fails is rejected with one
// violation, the first problem found, before any schema is consulted. Only then is the
// document validated against its schema, and every violation reported.
//
// Validate does no I/O and is safe for concurrent use; the schemas are compiled once, on
// first use.
func Validate(k Kind, data []byte) error {
	if !k.Valid() {
		return fmt.Errorf("%w: %s", ErrUnknownKind, k)
	}
	v, err := compiled()
	if err != nil {
		return err
	}
	return v.validate(k, data)
}

// validate runs the checks Validate describes. A panic anywhere below, in the validator
// library or in this package, is recovered and reported as ErrInternal: bad input must
// never crash the caller.
func (v *validator) validate(k Kind, data []byte) error {
	return safely(k, func() error { return v.validateUnsafe(k, data) })
}

// safely runs f, turning a panic into an error matching ErrInternal. It is the last line of
// defence: the guard exists so that it is never needed.
func safely(k Kind, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: the validator failed on a %s document", ErrInternal, k)
		}
	}()
	return f()
}

func (v *validator) validateUnsafe(k Kind, data []byte) error {
	if bad := guard(data); bad != nil {
		return &Error{Kind: k, Violations: []Violation{*bad}}
	}
	if v.schemas[k] == nil {
		if v.errs[k] != nil {
			return v.errs[k]
		}
		return fmt.Errorf("%w: no schema is compiled for %s documents", ErrInternal, k)
	}
	src := string(data)
	if fast := v.fast[k]; fast != nil {
		e := fastEval{src: src}
		if _, ok := e.eval(fast, 0); ok {
			return nil
		}
		// The library's cost grows with the number of failures (a few kilobytes each), so
		// count them first; past MaxViolations the fast evaluator's own records are
		// explained instead.
		c := fastEval{src: src, collect: true, limit: MaxViolations + 1}
		c.eval(fast, 0)
		if len(c.fails) > MaxViolations {
			r := reporter{raw: v.raw, data: data, sparse: true, src: src}
			vs := r.report(&failure{causes: c.fails[:MaxViolations]})
			if len(vs) > MaxViolations {
				vs = vs[:MaxViolations]
			}
			vs = append(vs, Violation{Code: codeTooManyViolations, Message: "breaks its schema in more than " +
				strconv.Itoa(MaxViolations) + " places; only " + strconv.Itoa(len(vs)) + " are listed"})
			return &Error{Kind: k, Violations: vs}
		}
	}
	doc := decode(src)
	root, err := v.check(k, doc)
	if err != nil || root == nil {
		return err // the library, the reference, finds the document valid
	}
	r := reporter{raw: v.raw, doc: doc, data: data}
	vs := r.report(root)
	if len(vs) == 0 {
		return fmt.Errorf("%w: a %s document failed validation for no reason the validator gave", ErrInternal, k)
	}
	return &Error{Kind: k, Violations: vs}
}

// A Violation is one way in which a document breaks its schema.
type Violation struct {
	// Pointer is the JSON Pointer (RFC 6901) of the offending value: "/outcomes/2/deadweight";
	// "" is the whole document. For a required field that is missing it is where the field
	// should be; for a field the schema does not define, that field.
	Pointer string `json:"pointer"`
	// Code is a stable machine code: the failing JSON Schema keyword ("required", "type",
	// "maximum", "format", "additionalProperties", …), or for a document rejected before
	// schema validation "syntax", "tooLarge", "tooDeep", "tooLong", "tooManyValues", "number"
	// or "duplicateField", or "tooManyViolations" closing a list cut at MaxViolations. The
	// package documentation lists every code.
	Code string `json:"code"`
	// Message says in plain English what is wrong and what is expected. It never repeats a
	// value from the document, except a field name (shortened if long).
	Message string `json:"message"`
}

// Error is returned by Validate for a document that does not conform: it holds every
// violation found, in document order.
type Error struct {
	Kind       Kind
	Violations []Violation
}

// Error lists the violations one per line, each as "pointer: message [code]".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("schemas: ")
	b.WriteString(e.Kind.String())
	b.WriteString(" document is not valid")
	for _, v := range e.Violations {
		b.WriteString("\n  ")
		p := v.Pointer
		if p == "" {
			p = "(document)"
		}
		b.WriteString(p)
		b.WriteString(": ")
		b.WriteString(v.Message)
		b.WriteString(" [")
		b.WriteString(v.Code)
		b.WriteString("]")
	}
	return b.String()
}

// Is reports that an *Error matches ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }
