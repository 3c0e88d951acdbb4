package pam_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/pam"
)

// A FHIR R4 QuestionnaireResponse from an electronic form, read without a FHIR library.
func ExampleParseFHIR() {
	doc := []byte(`{
	  "resourceType": "QuestionnaireResponse",
	  "status": "completed",
	  "authored": "2025-03-31T14:05:00+01:00",
	  "item": [
	    {"linkId": "PA1", "answer": [{"valueInteger": 4}]},
	    {"linkId": "PA2", "answer": [{"valueCoding": {"code": "3", "display": "Agree"}}]},
	    {"linkId": "PA4", "answer": [{"valueCoding": {"code": "N/A"}}]},
	    {"linkId": "PA5"}
	  ]
	}`)
	r, err := pam.ParseFHIR(doc, pam.FHIROptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Form, r.Date)
	for _, it := range []pam.Item{pam.PA1, pam.PA2, pam.PA4, pam.PA5} {
		fmt.Println(it.Code(), r.Answer(it))
	}

	// What the reader does not understand is refused, with its place in the resource.
	_, err = pam.ParseFHIR([]byte(`{"resourceType": "QuestionnaireResponse", "status": "completed",
	  "item": [{"linkId": "PA1", "answer": [{"valueString": "agree"}]}]}`), pam.FHIROptions{})
	fmt.Println(err)
	// Output:
	// pam-10 2025-03-31
	// PA1 agree-strongly
	// PA2 agree
	// PA4 not-applicable
	// PA5 not-answered
	// /item/0/answer/0/valueString: pam: unexpected member: valueInteger or valueCoding
}
