// Package sroi calculates Social Return on Investment in exact decimal arithmetic: impact
// maps, valuation, discounting, the SROI ratio, net present value, payback, sensitivity and
// Monte Carlo uncertainty.
//
// Principles five and six of the *Six principles for engaging people and communities* name
// Social Return on Investment as the social-value indicator for investment in volunteering and
// community development; commissioners use it to justify social prescribing and community
// programmes. The method is that of *A guide to Social Return on Investment* (Office of the
// Third Sector, Cabinet Office 2009; SROI Network update 2012), with discounting from HM
// Treasury's Green Book.
//
// # The calculation
//
// A Model is the impact map: stakeholders, inputs and outcomes. For each outcome (stages 3–4
// of the guide)
//
//	impact   = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution)
//	value(1) = impact
//	value(t) = value(t − 1) × (1 − drop-off),   t = 2 … duration
//
// and then (stage 5)
//
//	DF(t)            = 1 / ∏ₖ₌₁..ₜ (1 + rₖ)            (year 1 discounted one period)
//	present value    = Σ outcomes Σₜ value(t) × DF(t)
//	inputs' PV       = Σ inputs value × DF(year)        (year 0 undiscounted)
//	NPV              = present value − inputs' PV
//	SROI ratio       = present value ÷ inputs' PV       ("£x : £1")
//	payback (months) = inputs' PV ÷ (year-1 impact ÷ 12)
//
// Evaluate returns a Result that keeps every step: gross value, the value after each
// deduction, each year's value, discount factor and present value, totals by year and by
// stakeholder, three payback periods, and a SwitchingValue for every assumption of every
// outcome and for the inputs — the value at which the ratio would fall to 1:1. A model's
// Scenarios report the ratio under alternative values; Simulate (or a model's Simulation)
// runs a seeded Monte Carlo simulation over distributions placed on the assumptions.
//
// # Conventions
//
//   - Year 1 is discounted by one full period, as the guide and a spreadsheet's NPV function
//     do; Discount.YearOneUndiscounted selects the alternative. Inputs in year 0 are not
//     discounted.
//   - Declining schedules (GreenBook, GreenBookHealth, caller bands) apply band by band, year
//     by year: DF(31) = DF(30) ÷ 1.03 under the Green Book, not 1 ÷ 1.03³¹.
//   - Deductions multiply; drop-off starts in year 2 and takes its share of the previous
//     year's value. Attribution is the share owed to others.
//   - Shares are fractions in [0, 1]; durations are whole years; inputs total more than zero.
//     Anything else is an error, never a 0, an infinity or a substituted 1.
//   - Money is decimal.Decimal from end to end; no package-level setting of shopspring/decimal
//     is read or written. Quotients are held to Places decimal places; nothing is rounded to
//     pennies until presentation, for which Round and Formatter exist.
//   - Proxies are inputs and carry their source, price year and licence; the package ships no
//     proxy values (the HACT Social Value Bank and the National TOMs are licensed CC BY-NC-ND
//     and may not be bundled). Uplift brings a value to another price year with a deflator
//     series.
//
// The guide warns that ratios from different analyses are not comparable on their own; report
// the ratio with its sensitivity analysis, as Result makes easy.
//
// Everything in the package is safe for concurrent use; nothing reads a clock or does I/O,
// and all randomness comes from a caller's seed.
package sroi
