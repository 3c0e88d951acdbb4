package schemas

import "fmt"

// Limits on documents, checked before the validator sees them, so that hostile input cannot
// make validation panic or exhaust memory.
const (
	// MaxDocumentBytes is the largest document Validate accepts.
	MaxDocumentBytes = 8 << 20
	// MaxDepth is the deepest nesting of arrays and objects Validate accepts.
	MaxDepth = 32
)

// guard rejects documents beyond the limits without decoding them.
func guard(data []byte) *Violation {
	if len(data) > MaxDocumentBytes {
		return &Violation{Code: "tooLarge", Message: fmt.Sprintf("the document is %d bytes; at most %d are accepted", len(data), MaxDocumentBytes)}
	}
	depth := 0
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > MaxDepth {
				return &Violation{Code: "tooDeep", Message: fmt.Sprintf("the document nests arrays and objects more than %d deep", MaxDepth)}
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}
