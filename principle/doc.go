// Package principle holds the six principles for engaging people and communities, and the
// guidance that surrounds them, as typed values with stable identifiers.
//
// # The six principles
//
// The People and Communities Board, one of the programme boards of the NHS Five Year Forward
// View, set out six principles for person-centred, community-focussed health, wellbeing and
// care (Six principles for engaging people and communities: definitions, evaluation and
// measurement, 2016, with its companion Putting them into practice). They describe the new
// relationship with people and communities that the Forward View called for, and which it
// held to be the key to closing its three gaps: in health and wellbeing, in quality of care,
// and in finance and efficiency. A [Principle] is one of them:
//
//  1. [PersonCentredCare] — care and support is person-centred: personalised, coordinated,
//     and empowering
//  2. [ServicesInPartnership] — services are created in partnership with citizens and
//     communities
//  3. [EqualityAndInequalities] — focus is on equality and narrowing inequalities
//  4. [Carers] — carers are identified, supported and involved
//  5. [VCSEAndHousing] — voluntary, community and social enterprise, and housing sectors
//     are involved as key partners and enablers
//  6. [VolunteeringAndSocialAction] — volunteering and social action are recognised as key
//     enablers
//
// Each principle carries the framework's title, a short name, a summary and its
// [Commitment] list: the nine key interventions of principle 1, the ways of working of
// principles 2, 4, 5 and 6, the four dimensions and three kinds of target group of
// principle 3, and the meanings of volunteering and social action in principle 6. What
// counts as success under each principle, and the evidence that shows it, live in the
// measure and indicator packages, which link back to these values.
//
// # Around the principles
//
// Three further sources frame the principles:
//
//   - The Local Government Association's page on empowering patients, service users and
//     communities: empowerment happens at three [EmpowermentLevel] values at once — over a
//     person's own care, over services, and over the system's strategy.
//   - The shared narrative Engaging and empowering communities: our shared commitment and
//     call to action: five [NarrativePrinciple] values that underpin any approach to
//     community empowerment, and the [AgreedAction] list its signatories committed to.
//   - NHS England's statutory guidance Involving people in their own health and care (2017)
//     for clinical commissioning groups and NHS England: the [Approach] values it describes
//     for involving people (personalised care and support planning, shared decision making,
//     social prescribing, personal health budgets and integrated personal commissioning,
//     self-management, accessible information), the legal [Duty] values it rests on, and
//     its ten key [Action] values, each linked to the principles, duties and approaches it
//     serves.
//
// # Identifiers
//
// Every value has a stable lowercase slug that never changes once released ("carers",
// "nhs-act-2006-s14u", "assure-providers"); display names and summaries may be reworded.
// Values marshal to text and JSON as their slugs. The Parse… functions accept the slug, the
// number where the framework numbers the items, and common alternative spellings, and they
// forgive differences of case, spacing, underscores and typographic quotes and dashes; text
// that names nothing is a *[ParseError] listing the valid slugs, matching [ErrUnknown].
//
// Iterators such as [All], [Commitments] and [Actions] yield values in the order of their
// source document. Everything in the package is immutable: methods that return slices return
// the caller's own copy. The whole catalogue, with measures and indicators, exports as one
// JSON document through the indicator package.
//
// Titles and names are the framework's own terms; summaries, commitments and action points
// restate the source documents in the package's own words.
package principle
