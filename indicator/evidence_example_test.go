package indicator_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/measure"
)

// Two entries of a fictional audit trail of engagement, and how often they closed the
// feedback loop.
func ExampleParseEvidence() {
	doc := []byte(`{
	  "activities": [
	    {"id": "stroke-workshop", "title": "Stroke pathway workshop", "date": "2024-06-12",
	     "level": "services", "approach": "experience-based-co-design",
	     "principles": ["services-in-partnership"], "redesign": true,
	     "participants": {"total": 20},
	     "feedback": ["asked-for-feedback", "listened-to", "involved-in-use-of-insight", "informed-of-influence"],
	     "changes": "Weekend early supported discharge"},
	    {"id": "ucc-consultation", "title": "Urgent care consultation", "date": "2025-02-10",
	     "level": "system", "approach": "consultation", "principles": ["person-centred-care"],
	     "participants": {"total": 200},
	     "feedback": ["asked-for-feedback", "listened-to", "informed-of-influence"]}
	  ]
	}`)
	set, err := indicator.ParseEvidence(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	start, _ := measure.ParseDate("2024-04-01")
	end, _ := measure.ParseDate("2025-03-31")
	loop, err := set.FeedbackLoop(measure.Period{Start: start, End: end}, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range loop.Steps {
		fmt.Printf("%-27s %d of %d\n", st.Step, st.Activities, loop.Activities)
	}
	c := loop.Closed
	fmt.Printf("closed the loop: %d of %d (95%% CI %.3f to %.3f); still open: %v\n", c.Numerator, c.Denominator, c.Lower, c.Upper, loop.Open)
	fmt.Println(set.Activities[0].Evidences())
	// Output:
	// asked-for-feedback          2 of 2
	// listened-to                 2 of 2
	// involved-in-use-of-insight  1 of 2
	// informed-of-influence       2 of 2
	// closed the loop: 1 of 2 (95% CI 0.095 to 0.905); still open: [ucc-consultation]
	// [engagement-audit-trail co-production-in-redesign]
}

// Lay involvement at the four programme levels the framework names.
func ExampleEvidenceSet_LayCoverage() {
	since, _ := measure.ParseDate("2023-01-01")
	set := indicator.EvidenceSet{LayInvolvement: []indicator.LayInvolvement{
		{EvidenceRecord: indicator.EvidenceRecord{ID: "board", Title: "Lay member of the programme board"},
			Programme: "Urgent care", Level: indicator.LevelLeadership, Roles: []indicator.LayRole{indicator.LayLeader},
			Members: 1, Start: since},
		{EvidenceRecord: indicator.EvidenceRecord{ID: "task-group", Title: "Experts by experience on the redesign group"},
			Programme: "Urgent care", Level: indicator.LevelRedesign, Roles: []indicator.LayRole{indicator.ExpertByExperience},
			Members: 3, Start: since},
	}}
	start, _ := measure.ParseDate("2024-04-01")
	end, _ := measure.ParseDate("2025-03-31")
	c := set.LayCoverage(measure.Period{Start: start, End: end})
	fmt.Printf("%d of 4 levels covered; missing %v\n", c.Covered, c.Missing)
	// Output:
	// 2 of 4 levels covered; missing [governance planning-and-steering-groups]
}
