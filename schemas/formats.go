package schemas

import "regexp"

// formats are the custom "format" values engage's schemas use, asserted during validation.
// Each check returns true for values that are not strings, as JSON Schema requires.
var formats = map[string]func(any) bool{
	"decimal": func(v any) bool {
		s, ok := v.(string)
		return !ok || decimalPattern.MatchString(s)
	},
}

var decimalPattern = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?$`)
