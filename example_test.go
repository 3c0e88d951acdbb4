package engage_test

import (
	"fmt"
	"log"
	"path"

	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/pam"
)

// A first result: find an indicator in the framework's catalogue, score a Patient Activation
// Measure response with a published calibration, and report a percentage with its Wilson
// interval. The README's quick start is this example.
func Example() {
	// The catalogue: the Patient Activation Measure evidences principle 1.
	ind, err := indicator.Lookup("pam")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %v, computed by %s\n", ind.Name, ind.Principles, path.Base(ind.Computation.Package()))

	// Score one response (the licence holder's coding: 1–4, 0 for not applicable).
	scorer, err := pam.NewScorer(pam.Hellstrom2019(), pam.Insignia2024, pam.DefaultPolicy())
	if err != nil {
		log.Fatal(err)
	}
	r, err := pam.ParseResponse([]byte(`{"PA1": 4, "PA2": 3, "PA3": 3, "PA4": 0, "PA5": 3,
		"PA6": 3, "PA7": 4, "PA8": 3, "PA9": 2, "PA10": 2, "PA11": 3, "PA12": 3, "PA13": 2}`))
	if err != nil {
		log.Fatal(err)
	}
	res, err := scorer.Score(r)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("activation score %.1f, %v\n", res.Score, res.Level)

	// 81 of 263 people said they felt involved in decisions about their care. Newcombe (1998),
	// Stat Med 17:857–872, Table II, gives the Wilson interval 0.2553 to 0.3662 for 81/263.
	p, err := indicator.NewProportion(81, 263, indicator.Options{Levels: []float64{0.95}, Multiplier: 100})
	if err != nil {
		log.Fatal(err)
	}
	ci := p.Limits[0]
	fmt.Printf("%.1f %% (95 %% CI %.1f %% to %.1f %%)\n", p.Value, ci.Lower, ci.Upper)
	// Output:
	// Patient Activation Measure (PAM): [person-centred-care], computed by pam
	// activation score 55.9, level-3
	// 30.8 % (95 % CI 25.5 % to 36.6 %)
}
