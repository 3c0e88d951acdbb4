package indicator

import (
	"encoding/json"
	"slices"

	"github.com/peopleandcommunities/engage/measure"
	"github.com/peopleandcommunities/engage/principle"
	"github.com/peopleandcommunities/engage/schemas"
)

// Catalogue is the whole framework catalogue as one document: the six principles with their
// commitments, the empowerment levels, the shared-narrative principles and agreed actions,
// the statutory guidance's ways of involving people, legal duties and ten key actions, every
// measure of success and every indicator, with all the links between them. Its JSON form is
// described by the schema schemas.Catalogue; [ExportJSON] writes it.
//
// Links are by identifier, and a link is given from both sides where a reader would look
// for it: a principle lists its measures and indicators, and each measure and indicator
// lists its principles.
type Catalogue struct {
	// Schema is the URI of the document's JSON Schema.
	Schema string `json:"$schema"`
	// Principles are the six principles in the framework's order.
	Principles []CataloguePrinciple `json:"principles"`
	// EmpowermentLevels are the levels at which people are empowered.
	EmpowermentLevels []CatalogueEntry[principle.EmpowermentLevel] `json:"empowermentLevels"`
	// NarrativePrinciples are the shared narrative's principles of community empowerment.
	NarrativePrinciples []CatalogueEntry[principle.NarrativePrinciple] `json:"narrativePrinciples"`
	// AgreedActions are the shared narrative's agreed actions.
	AgreedActions []principle.AgreedAction `json:"agreedActions"`
	// Approaches are the statutory guidance's ways of involving people in their own health
	// and care.
	Approaches []CatalogueApproach `json:"approaches"`
	// Duties are the legal duties the statutory guidance rests on.
	Duties []CatalogueDuty `json:"duties"`
	// Actions are the statutory guidance's ten key actions.
	Actions []CatalogueAction `json:"actions"`
	// Measures are the measures of success.
	Measures []measure.Measure `json:"measures"`
	// Indicators are the indicators and evidence.
	Indicators []Indicator `json:"indicators"`
}

// CataloguePrinciple is a principle as the catalogue document presents it.
type CataloguePrinciple struct {
	// ID is the principle's slug.
	ID principle.Principle `json:"id"`
	// Number is the principle's number in the framework, 1 to 6.
	Number int `json:"number"`
	// Name is the principle's short name.
	Name string `json:"name"`
	// Title is the principle's title as the framework words it.
	Title string `json:"title"`
	// Summary says what the principle asks of a health and care system.
	Summary string `json:"summary"`
	// Commitments lists the items the framework lists under the principle.
	Commitments []principle.Commitment `json:"commitments"`
	// Measures lists the principle's measures of success in the framework's order.
	Measures []measure.ID `json:"measures"`
	// Indicators lists the indicators that serve the principle, in the framework's order.
	Indicators []ID `json:"indicators"`
	// Actions lists the statutory guidance's key actions that serve the principle.
	Actions []principle.Action `json:"actions"`
}

// CatalogueEntry is a named value with a summary, such as an empowerment level, as the
// catalogue document presents it.
type CatalogueEntry[T any] struct {
	// ID is the value, written as its slug.
	ID T `json:"id"`
	// Name is the value's name.
	Name string `json:"name"`
	// Summary says what the value means.
	Summary string `json:"summary"`
}

// CatalogueApproach is a way of involving people, as the catalogue document presents it.
type CatalogueApproach struct {
	// ID is the approach's slug.
	ID principle.Approach `json:"id"`
	// Name is the approach's name as the guidance heads it.
	Name string `json:"name"`
	// Summary describes the approach.
	Summary string `json:"summary"`
	// Principles lists the principles whose commitments include the approach.
	Principles []principle.Principle `json:"principles"`
}

// CatalogueDuty is a legal duty, as the catalogue document presents it.
type CatalogueDuty struct {
	// ID is the duty's slug.
	ID principle.Duty `json:"id"`
	// Instrument is the Act or regulations that impose the duty.
	Instrument string `json:"instrument"`
	// Provision is the section or part of the instrument.
	Provision string `json:"provision"`
	// Title is the provision's heading.
	Title string `json:"title"`
	// Summary says what the duty requires.
	Summary string `json:"summary"`
	// Holders lists the bodies the duty falls on.
	Holders []principle.Body `json:"holders"`
}

// CatalogueAction is one of the ten key actions, as the catalogue document presents it.
type CatalogueAction struct {
	// ID is the action's slug.
	ID principle.Action `json:"id"`
	// Number is the action's number in the guidance, 1 to 10.
	Number int `json:"number"`
	// Title is the action's heading as the guidance words it.
	Title string `json:"title"`
	// Points lists what the action involves.
	Points []string `json:"points"`
	// Principles lists the principles the action serves.
	Principles []principle.Principle `json:"principles"`
	// Duties lists the legal duties the action helps to discharge.
	Duties []principle.Duty `json:"duties"`
	// Approaches lists the ways of involving people the action names.
	Approaches []principle.Approach `json:"approaches"`
	// Indicators lists the indicators whose Actions name this action.
	Indicators []ID `json:"indicators"`
}

// Export returns the whole catalogue. Each call builds a fresh value that the caller owns.
func Export() Catalogue {
	c := Catalogue{Schema: schemas.ID(schemas.Catalogue)}
	for m := range measure.All() {
		c.Measures = append(c.Measures, m)
	}
	for ind := range All() {
		c.Indicators = append(c.Indicators, ind)
	}
	for p := range principle.All() {
		cp := CataloguePrinciple{
			ID: p, Number: p.Number(), Name: p.Name(), Title: p.Title(), Summary: p.Summary(),
			Commitments: p.Commitments(),
			Measures:    []measure.ID{},
			Indicators:  []ID{},
			Actions:     catNonNil(p.Actions()),
		}
		for m := range measure.ForPrinciple(p) {
			cp.Measures = append(cp.Measures, m.ID)
		}
		for ind := range ForPrinciple(p) {
			cp.Indicators = append(cp.Indicators, ind.ID)
		}
		c.Principles = append(c.Principles, cp)
	}
	for l := range principle.EmpowermentLevels() {
		c.EmpowermentLevels = append(c.EmpowermentLevels, CatalogueEntry[principle.EmpowermentLevel]{l, l.Name(), l.Summary()})
	}
	for n := range principle.NarrativePrinciples() {
		c.NarrativePrinciples = append(c.NarrativePrinciples, CatalogueEntry[principle.NarrativePrinciple]{n, n.Name(), n.Summary()})
	}
	for a := range principle.AgreedActions() {
		c.AgreedActions = append(c.AgreedActions, a)
	}
	for a := range principle.Approaches() {
		c.Approaches = append(c.Approaches, CatalogueApproach{a, a.Name(), a.Summary(), a.Principles()})
	}
	for d := range principle.Duties() {
		c.Duties = append(c.Duties, CatalogueDuty{d, d.Instrument(), d.Provision(), d.Title(), d.Summary(), d.Holders()})
	}
	for a := range principle.Actions() {
		ca := CatalogueAction{
			ID: a, Number: a.Number(), Title: a.Title(), Points: a.Points(),
			Principles: a.Principles(), Duties: a.Duties(), Approaches: catNonNil(a.Approaches()),
			Indicators: []ID{},
		}
		for _, ind := range c.Indicators {
			if slices.Contains(ind.Actions, a) {
				ca.Indicators = append(ca.Indicators, ind.ID)
			}
		}
		c.Actions = append(c.Actions, ca)
	}
	return c
}

// ExportJSON returns [Export] as compact JSON, valid against the schema schemas.Catalogue.
func ExportJSON() ([]byte, error) { return json.Marshal(Export()) }

// catNonNil returns s, or an empty slice for nil, so that the document has [] rather than
// null.
func catNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
