package schemas

import (
	"embed"
	"errors"
	"strings"
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
// library, so that other systems can publish or use it.
func Source(k Kind) ([]byte, error) {
	if !k.valid() {
		return nil, ErrUnknownKind
	}
	return files.ReadFile(kinds[k].file)
}

// ID returns the absolute $id of the schema for kind k.
func ID(k Kind) string {
	if !k.valid() {
		return ""
	}
	return BaseURI + kinds[k].file
}

// Validate checks that data is a JSON document of kind k. It returns nil when it conforms; an
// *Error (matching ErrInvalid) listing every violation when it does not; and an error matching
// ErrUnknownKind or ErrInternal otherwise. Validate does no I/O and is safe for concurrent use;
// the schemas are compiled once, on first use.
func Validate(k Kind, data []byte) error {
	if !k.valid() {
		return ErrUnknownKind
	}
	v, err := compiled()
	if err != nil {
		return err
	}
	return v.validate(k, data)
}

// A Violation is one way in which a document breaks its schema.
type Violation struct {
	// Pointer is the JSON Pointer (RFC 6901) of the offending value: "/outcomes/2/deadweight";
	// "" is the whole document.
	Pointer string `json:"pointer"`
	// Code is a stable machine code named after the failing JSON Schema keyword: "required",
	// "type", "maximum", "format", "additionalProperties", ... or, for input rejected before
	// schema validation, "syntax", "tooLarge", "tooDeep", "tooLong" and "number".
	Code string `json:"code"`
	// Message says in plain English what is wrong and what is expected. It never repeats a
	// whole input value.
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
