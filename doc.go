// Package engage makes NHS England's Six principles for engaging people and communities
// computable: it gives every part of the framework a typed value and a stable identifier,
// and supplies the arithmetic that turns what a health and care system collects into the
// evidence the framework asks for. This package holds only documentation; the work is done
// by its sub-packages.
//
// # The framework
//
// The NHS Five Year Forward View called for a new relationship with patients and
// communities. The People and Communities Board set out what that relationship looks like in
// six principles for person-centred, community-focussed health, wellbeing and care: care and
// support is person-centred; services are created in partnership with citizens and
// communities; the focus is on equality and narrowing inequalities; carers are identified,
// supported and involved; the voluntary, community and social enterprise and housing sectors
// are key partners and enablers; and volunteering and social action are key enablers. For
// each principle its companion document on definitions, evaluation and measurement lists what
// the system commits to, the measures of success that would show the principle honoured, and
// the indicators and evidence — national surveys, validated instruments such as the Patient
// Activation Measure, local monitoring data, audit trails, investment, Social Return on
// Investment — from which those measures can be judged.
//
// Around the principles sit NHS England's statutory guidance Involving people in their own
// health and care, which sets out the ways of involving people (personalised care and support
// planning, shared decision making, social prescribing, personal health budgets, support for
// self-management, accessible information), the legal duties commissioners must discharge and
// ten key actions; the three levels at which people can be empowered — over their own care,
// over services and over the system; and the shared narrative's principles of community
// empowerment.
//
// Councils, integrated care boards, providers and the voluntary sector report against the
// framework, vendors build its measures into their products, and researchers study how well
// it is honoured. engage gives them one vocabulary — the same identifier for the same measure
// in every system — and arithmetic that matches the reference methods used in England.
//
// # Map of the packages
//
// The framework itself, as a catalogue:
//
//   - principle: the six principles with their commitments; the empowerment levels and the
//     shared-narrative principles; the statutory guidance's ways of involving people, legal
//     duties and ten key actions, each linked to the principles and duties it serves.
//   - measure: every measure of success, with its kind, its polarity, the aspects the
//     framework spells out and the principles it belongs to.
//   - indicator: every indicator and source of evidence, with its tier, source, the measures
//     it evidences, the principles it serves and the engage package that computes it; the
//     export of the whole catalogue as one JSON document. It also computes indicator values
//     — proportions, rates, means and standardised rates with confidence intervals, quantiles
//     and comparison with a benchmark — by the methods of OHID's PHEindicatormethods.
//
// The arithmetic the indicators need:
//
//   - pam: Patient Activation Measure responses, validity, Rasch scoring with a supplied
//     calibration, activation levels, change and cohorts (principle 1's health activation).
//   - sroi: Social Return on Investment impact maps in exact decimals — discounting, ratios,
//     payback, sensitivity and uncertainty (principles 5 and 6).
//   - equality: gaps and inequality measures across population groups, and how far
//     participants represent their community (principle 3's narrowing of gaps, principle 2's
//     diversity of participants).
//
// Putting it together:
//
//   - assessment: evidence and observations judged principle by principle into a scorecard;
//     the only package that uses all the others.
//   - schemas: the JSON Schemas (draft 2020-12) of every document engage reads or writes, and
//     Validate, which reports every violation with its JSON Pointer.
//   - examples/report: the main program, an engagement report for a sample place, walking the
//     six principles with computed values and their confidence intervals;
//     examples/catalogue prints the framework as an outline or exports it as JSON.
//
// # Conventions
//
// Library packages do no I/O, read no clock and keep no mutable global state; they are safe
// for concurrent use. Identifiers are stable lowercase slugs that never change once
// released. Enumerations marshal as their slugs, money is a decimal string, and every
// document has a schema. Bad input is reported as located errors, every problem at once,
// never as a panic or a silently wrong number.
package engage
