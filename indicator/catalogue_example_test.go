package indicator_test

import (
	"encoding/json"
	"fmt"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

func ExampleLookup() {
	ind, err := indicator.Lookup("PAM")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ind.ID, "-", ind.Name)
	fmt.Println("tier:", ind.Tier, "| evidence:", ind.Evidence, "| measures:", ind.Measures)
	fmt.Println("computed by", ind.Computation.Package())
	// Output:
	// patient-activation-measure - Patient Activation Measure (PAM)
	// tier: additional | evidence: instrument | measures: [health-activation]
	// computed by github.com/peopleandcommunities/engage/pam
}

func ExampleForPrinciple() {
	for ind := range indicator.ForPrinciple(principle.Carers) {
		fmt.Printf("%-10s %s\n", ind.Tier, ind.ID)
	}
	// Output:
	// existing   survey-of-adult-carers
	// existing   national-patient-surveys
	// existing   health-survey-for-england
	// existing   gp-patient-survey
	// existing   carers-access-to-person-centred-care
	// additional national-voices-i-statements
	// additional carers-identified-and-supported
	// additional carers-organisation-partnerships
}

func ExampleForMeasure() {
	for ind := range indicator.ForMeasure("access-to-records-and-budgets") {
		fmt.Printf("%s (%s, %s)\n", ind.ID, ind.Source.Publisher, ind.Computation)
	}
	// Output:
	// personalised-outcomes-evaluation-tool (local, proportion)
	// online-health-record-users (local, proportion)
	// personal-budget-holders (local, rate)
	// personal-health-budget-trajectory (nhs-england, none)
	// personal-health-budgets-per-100000 (nhs-england, rate)
}

func ExampleExportJSON() {
	data, err := indicator.ExportJSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("valid:", schemas.Validate(schemas.Catalogue, data) == nil)
	var c indicator.Catalogue
	if err := json.Unmarshal(data, &c); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Principles), "principles,", len(c.Measures), "measures,", len(c.Indicators), "indicators,", len(c.Actions), "key actions")
	// Output:
	// valid: true
	// 6 principles, 35 measures, 49 indicators, 10 key actions
}

func ExampleComputation_Package() {
	for _, id := range []indicator.ID{"social-return-on-investment", "participant-diversity", "personal-health-budgets-per-100000"} {
		ind, _ := indicator.Lookup(id)
		fmt.Printf("%s: %s (%s)\n", id, ind.Computation.Package(), ind.Computation.Description())
	}
	// Output:
	// social-return-on-investment: github.com/peopleandcommunities/engage/sroi (Social Return on Investment ratio)
	// participant-diversity: github.com/peopleandcommunities/engage/equality (gap between groups, or representation of the community)
	// personal-health-budgets-per-100000: github.com/peopleandcommunities/engage/indicator (crude rate per 100,000 with Poisson interval)
}
