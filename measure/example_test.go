package measure_test

import (
	"encoding/json"
	"fmt"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
)

func ExampleForPrinciple() {
	for m := range measure.ForPrinciple(principle.Carers) {
		fmt.Printf("%s [%s, %s]\n", m.ID, m.Kind, m.Polarity)
		for _, p := range m.Parts {
			fmt.Println("  -", p.Name)
		}
	}
	// Output:
	// carers-quality-of-life [outcome, higher-is-better]
	//   - Recognition
	//   - Support
	//   - Health and wellbeing
	//   - Involvement
	//   - Ability to perform their caring role
	// acting-on-what-matters-to-carers [responsiveness, higher-is-better]
}

func ExampleLookup() {
	m, err := measure.Lookup("Narrowing the gap")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.ID, m.Polarity, m.Principles)
	// Output:
	// narrowing-the-gap lower-is-better [equality-and-inequalities]
}

func ExampleAll() {
	// The one measure the framework lists under two principles.
	for m := range measure.All() {
		if len(m.Principles) > 1 {
			fmt.Println(m.ID, m.Principles)
		}
	}
	// Output:
	// experience-of-care [person-centred-care services-in-partnership]
}

func ExampleMeasure_json() {
	m, _ := measure.Lookup("health-activation")
	b, _ := json.MarshalIndent(m, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "id": "health-activation",
	//   "name": "Improvement in people's health 'activation', especially among the least health literate groups",
	//   "kind": "capability",
	//   "polarity": "higher-is-better",
	//   "principles": [
	//     "person-centred-care"
	//   ]
	// }
}
