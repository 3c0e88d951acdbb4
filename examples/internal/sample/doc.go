// Package sample generates a fictional but realistic place for engage's examples and
// benchmarks: Brackenford, an invented English town whose every record is SYNTHETIC (see
// Notice). It is a pure function of a seed and a Size; it reads and writes nothing.
//
// The place is a set of small areas (the size of LSOAs, about 1,700 residents each), each
// with an English IMD 2019 rank, residents counted by NHS ethnic category, and an estimated
// number of unpaid carers, grouped into neighbourhoods. Living in it are:
//
//   - people referred to a social prescribing service, whose Patient Activation Measure is
//     taken at referral and, for most of them, again six to eleven months later (Person):
//     answers are drawn from Andrich's rating scale model with the published item locations
//     of Hellström et al. (2019); activation is lower in more deprived quintiles and rises
//     modestly at follow-up, a little more where it started lower;
//   - participants of the year's engagement activities (Participant), whom engagement
//     reaches less in deprived areas and in some ethnic groups;
//   - volunteers with the hours they gave in two years (Volunteer);
//   - counts by area: personal health budgets in two years and carers identified by GP
//     practices (AreaCounts).
//
// From these it builds the documents engage reads: indicator datasets (BudgetsDataset,
// CarersDataset, VolunteeringDataset), equality data (ParticipantsByEthnicGroup,
// ParticipantsByDeprivation, VolunteersByEthnicGroup), a social prescribing impact map
// (SROIModel, its proxies fictional), the records of engagement that an assessment reads
// (Evidence: the activities participants took part in, lay involvement, partnerships,
// training, contract awards, documents and community profiles), the results of surveys run by
// others (Observations, with fictional benchmarks), and all of it together as one place
// bundle (Bundle). Every behavioural parameter (the activation gradient, reach by group,
// rates of budgets, survey results) is invented and written beside the code that uses it.
//
// # Scale and determinism
//
// New builds the areas once; people, participants and volunteers are derived from the seed
// and their index when asked (Person, PeopleRange), each from its own random stream
// (math/rand/v2 PCG seeded through SplitMix64), so that a national population — National
// is every small area of England and a million people — can be streamed, split into ranges
// on many workers and regenerated in any order with identical results. The same seed and Size
// give the same place, bit for bit, on every run and at any GOMAXPROCS.
package sample
