package schemas_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/peopleandcommunities/engage/schemas"
)

// A rejected document lists its violations, each with a JSON Pointer, a code and a
// message; errors.As reaches them. (A document that is not well-formed JSON has one
// violation: where the syntax breaks.)
func ExampleValidate() {
	doc := []byte(`{
  "form": "pam-13",
  "answers": {"PA1": 3, "PA2": 4,}
}`)
	err := schemas.Validate(schemas.PAMResponse, doc)
	var invalid *schemas.Error
	if errors.As(err, &invalid) {
		for _, v := range invalid.Violations {
			fmt.Printf("%s [%s]\n%s\n", v.Pointer, v.Code, v.Message)
		}
	}
	fmt.Println(errors.Is(err, schemas.ErrInvalid))
	// Output:
	// /answers [syntax]
	// is not well-formed JSON: the document needs a field name in double quotes here (line 3, column 34, byte 56)
	// true
}

// Hostile input is rejected before any schema is consulted, and the message states the
// limit.
func ExampleValidate_limits() {
	deep := strings.Repeat("[", 1<<20) // 1 MiB of opening brackets
	err := schemas.Validate(schemas.SROIModel, []byte(deep))
	fmt.Println(err)

	err = schemas.Validate(schemas.SROIModel, []byte(`{"outcomes": [{"quantity": 1e1000000000}]}`))
	fmt.Println(err)
	// Output:
	// schemas: sroi-model document is not valid
	//   /0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nests arrays and objects more than 32 levels deep; at most 32 are accepted [tooDeep]
	// schemas: sroi-model document is not valid
	//   /outcomes/0/quantity: is a number beyond the limits accepted: at most 40 digits, and a decimal exponent from -324 to 300 (a magnitude from 1e-324 to below 1e301) [number]
}

// A field given twice is refused: systems disagree on which value wins.
func ExampleError() {
	err := schemas.Validate(schemas.PAMResponse, []byte(`{"form": "pam-13", "form": "pam-10"}`))
	var invalid *schemas.Error
	errors.As(err, &invalid)
	b, _ := json.MarshalIndent(invalid.Violations, "", "  ")
	fmt.Println(invalid.Kind)
	fmt.Println(string(b))
	// Output:
	// pam-response
	// [
	//   {
	//     "pointer": "/form",
	//     "code": "duplicateField",
	//     "message": "is a field name that appears more than once in the same object; each field may be given only once"
	//   }
	// ]
}

func ExampleParseKind() {
	k, err := schemas.ParseKind("SROI model")
	fmt.Println(k, err)
	fmt.Println(schemas.ID(k))

	_, err = schemas.ParseKind("pam")
	fmt.Println(errors.Is(err, schemas.ErrUnknownKind))
	// Output:
	// sroi-model <nil>
	// https://peopleandcommunities.github.io/engage/schemas/v1/sroi-model.json
	// true
}

func ExampleKinds() {
	for _, k := range schemas.Kinds() {
		fmt.Printf("%-16s %s\n", k, k.Description())
	}
	// Output:
	// catalogue        the framework catalogue: principles, measures of success, indicators and their links
	// pam-response     one Patient Activation Measure response
	// pam-calibration  a Rasch calibration for Patient Activation Measure scoring
	// pam-result       a scored Patient Activation Measure response
	// sroi-model       a Social Return on Investment impact map with its inputs
	// sroi-result      an evaluated Social Return on Investment model
	// indicator-data   counts and denominators from which indicator values are computed
	// equality-data    values by population group for inequality measures
}

// The shared definitions are published with the kinds' schemas, from FS.
func ExampleFS() {
	b, _ := fs.ReadFile(schemas.FS(), "common.json")
	var common struct {
		ID   string `json:"$id"`
		Defs map[string]struct {
			Format   string   `json:"format"`
			Examples []string `json:"examples"`
		} `json:"$defs"`
	}
	_ = json.Unmarshal(b, &common)
	fmt.Println(common.ID)
	nhs := common.Defs["nhsNumber"]
	fmt.Println(nhs.Format, nhs.Examples)
	// Output:
	// https://peopleandcommunities.github.io/engage/schemas/v1/common.json
	// nhs-number [9990000018]
}
