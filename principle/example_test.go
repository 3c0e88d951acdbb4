package principle_test

import (
	"encoding/json"
	"fmt"

	"github.com/peopleandcommunities/engage/principle"
)

func ExampleAll() {
	for p := range principle.All() {
		fmt.Printf("%d %-30s %s\n", p.Number(), p, p.Name())
	}
	// Output:
	// 1 person-centred-care            Person-centred care
	// 2 services-in-partnership        Services in partnership
	// 3 equality-and-inequalities      Equality and inequalities
	// 4 carers                         Carers
	// 5 vcse-and-housing-partners      VCSE and housing partners
	// 6 volunteering-and-social-action Volunteering and social action
}

func ExampleParsePrinciple() {
	for _, s := range []string{"3", "Principle 4", "VCSE and housing partners", "Services are created in partnership with citizens and communities"} {
		p, err := principle.ParsePrinciple(s)
		fmt.Println(p, err)
	}
	_, err := principle.ParsePrinciple("principle 7")
	fmt.Println(err)
	// Output:
	// equality-and-inequalities <nil>
	// carers <nil>
	// vcse-and-housing-partners <nil>
	// services-in-partnership <nil>
	// "principle 7" is not a valid principle.Principle; valid values are person-centred-care, services-in-partnership, equality-and-inequalities, carers, vcse-and-housing-partners, volunteering-and-social-action
}

func ExamplePrinciple_Commitments() {
	for _, c := range principle.EqualityAndInequalities.Commitments() {
		fmt.Printf("%-12s %s\n", c.Kind, c.Name)
	}
	// Output:
	// dimension    Knowledge of their needs
	// dimension    Access to services
	// dimension    Experience of services
	// dimension    Health and wellbeing outcomes
	// target-group People with the greatest disadvantage
	// target-group Groups protected by the Equality Act 2010
	// target-group People less likely to use services
}

func ExampleAction() {
	a, _ := principle.ParseAction("action 2")
	fmt.Println(a.Number(), a.Title())
	for _, d := range a.Duties() {
		fmt.Println(" duty:", d.Citation())
	}
	for _, ap := range a.Approaches() {
		fmt.Println(" approach:", ap.Name())
	}
	// Output:
	// 2 Publicise and promote personal health budgets
	//  duty: National Health Service Commissioning Board and Clinical Commissioning Groups (Responsibilities and Standing Rules) Regulations 2012, Part 6A
	//  approach: Personal health budgets and integrated personal commissioning
}

func ExampleParseDuty() {
	for _, s := range []string{"14U", "s13I", "Part 8"} {
		d, _ := principle.ParseDuty(s)
		fmt.Printf("%s: %s (%v)\n", d.Citation(), d.Title(), d.Holders())
	}
	// Output:
	// National Health Service Act 2006, section 14U: Duty to promote involvement of each patient ([clinical-commissioning-group])
	// National Health Service Act 2006, section 13I: Duty as to patient choice ([nhs-england])
	// National Health Service Commissioning Board and Clinical Commissioning Groups (Responsibilities and Standing Rules) Regulations 2012, Part 8: Patient choice ([clinical-commissioning-group nhs-england])
}

func ExamplePrinciple_MarshalText() {
	b, _ := json.Marshal(map[string]any{
		"principle": principle.Carers,
		"level":     principle.SystemLevel,
		"approach":  principle.SocialPrescribing,
	})
	fmt.Println(string(b))
	// Output:
	// {"approach":"social-prescribing","level":"system","principle":"carers"}
}

func ExampleEmpowermentLevels() {
	for l := range principle.EmpowermentLevels() {
		fmt.Println(l.Name())
	}
	// Output:
	// Individual
	// Services
	// System
}
