package schemas

import "github.com/santhosh-tekuri/jsonschema/v5"

// message turns a failing keyword into a plain-English sentence.
func message(keyword string, e *jsonschema.ValidationError) string {
	switch keyword {
	case "required":
		return "a required field is missing: " + e.Message
	case "additionalProperties":
		return "the object has a field the schema does not define: " + e.Message
	}
	return e.Message
}
