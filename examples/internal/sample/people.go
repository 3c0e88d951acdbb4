package sample

import (
	"iter"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/pam"
)

// shortFormSkips are the PAM-13 items that the short form, PAM-10, does not ask: 3, 8 and 9.
var shortFormSkips = [pam.NumItems]bool{2: true, 7: true, 8: true}

// ItemLocations returns the Rasch item locations the generator answers with; see itemLocations.
func ItemLocations() [pam.NumItems]float64 { return itemLocations }

// Thresholds returns the rating scale model's step thresholds; see thresholds.
func Thresholds() [3]float64 { return thresholds }

// itemLocations are the Rasch item locations, in logits, with which the generator answers the
// questionnaire: the measures of the thirteen items published by Hellström A et al. (2019),
// "Validation of the patient activation measure in patients at discharge from hospitals and at
// distance from hospital care in Sweden", BMC Public Health 19:1701, Table 3, indexed by item
// number minus one. They are a published Swedish calibration, not the licence holder's.
var itemLocations = [pam.NumItems]float64{-1.55, -0.87, -0.07, -1.13, 0.19, -0.56, -0.57, -0.11, 0.70, 0.99, 0.69, 1.26, 1.05}

// thresholds are the three step thresholds, in logits relative to an item's location, shared
// by every item: each item's thresholds in Hellström et al. (2019), Table 3, are its measure
// plus these offsets, which makes the model Andrich's rating scale model (Andrich D 1978,
// "A rating formulation for ordered response categories", Psychometrika 43:561–573).
var thresholds = [3]float64{-2.12, -0.49, 2.61}

// Measurement is one completed questionnaire.
type Measurement struct {
	// Response is the questionnaire as completed: the form, the person's ID, the date and
	// the answers. It is the zero Response when the questionnaire was not taken.
	Response pam.Response
	// Activation is the person's latent activation when it was taken, in logits on the scale
	// of itemLocations: the truth the answers were drawn from, for checking estimates.
	Activation float64
}

// Taken reports whether the questionnaire was completed.
func (m Measurement) Taken() bool { return m.Response.Form.Valid() }

// Date returns the day the questionnaire was completed as midnight UTC, or the zero time.
func (m Measurement) Date() time.Time {
	if !m.Taken() {
		return time.Time{}
	}
	d := m.Response.Date
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Person is someone referred to the place's social prescribing service, whose activation
// was measured at referral (Baseline) and, unless they left the service, at follow-up six to
// eleven months later (FollowUp).
type Person struct {
	// Index is the person's position, 0 … Size.People − 1; ID is a pseudonymous identifier.
	Index int
	ID    string
	// Area is the index of the small area the person lives in; AreaCode its code; Decile and
	// Quintile its IMD 2019 national decile and quintile (1 = most deprived).
	Area             int
	AreaCode         string
	Decile, Quintile int
	// Ethnic is the person's ethnic category as recorded (possibly not stated or not known).
	Ethnic equality.EthnicCategory
	// Form is the questionnaire the person answered both times: PAM-13, or for some the
	// short form PAM-10.
	Form pam.Form
	// Baseline and FollowUp are the two measurements; FollowUp is not taken for people who
	// left the service before it.
	Baseline, FollowUp Measurement
}

// The activation model, in logits (one logit is about 7.7 points of the 0–100 metric under
// the Hellström 2019 calibration). The values are invented: they make activation lower in
// more deprived quintiles and give modest gains at follow-up, larger where activation started
// lower, as a service aimed at the least activated would hope.
var (
	activationMean   = 1.2
	activationSD     = 1.3
	quintileEffect   = [5]float64{-0.40, -0.20, 0, 0.15, 0.30}
	quintileGain     = [5]float64{0.50, 0.42, 0.35, 0.30, 0.25}
	gainSD           = 0.85
	followUpRate     = [5]float64{0.72, 0.755, 0.79, 0.825, 0.86}
	shortFormRate    = 0.15
	notApplicable    = [pam.NumItems]float64{0.01, 0.01, 0.01, 0.07, 0.01, 0.01, 0.05, 0.01, 0.02, 0.01, 0.01, 0.01, 0.01}
	blankRate        = 0.006
	allHighRate      = 0.012 // extreme line responses: every answer agree strongly
	allLowRate       = 0.004 // every answer disagree strongly
	notStatedRate    = 0.03
	notKnownRate     = 0.015
	baselineStart    = time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC)
	baselineDays     = 183 // April to September 2025
	followUpMinDays  = 186
	followUpDaysSpan = 150 // so follow-up is 186 … 335 days after baseline: always 6 to 12 months
)

// Person returns person i (0 ≤ i < Size().People). The same generator always returns the
// same person for the same i, whatever was generated before.
func (g *Generator) Person(i int) Person {
	r := stream(g.seed, streamPeople, i)
	ai := categorical(r, g.referralCum)
	ar := &g.areas[ai]
	p := Person{
		Index: i, ID: recordID('P', i),
		Area: ai, AreaCode: ar.Code, Decile: ar.Decile, Quintile: ar.Quintile,
		Ethnic: g.ethnic(r, ai, nil),
		Form:   pam.PAM13,
	}
	if r.Float64() < shortFormRate {
		p.Form = pam.PAM10
	}
	q := ar.Quintile - 1
	theta := activationMean + quintileEffect[q] + activationSD*r.NormFloat64()
	day := r.IntN(baselineDays)
	date := baselineStart.AddDate(0, 0, day)
	p.Baseline = Measurement{
		Response:   pam.Response{Form: p.Form, ID: p.ID, Date: pamDate(date), Answers: answer(r, theta, p.Form)},
		Activation: theta,
	}
	if r.Float64() < followUpRate[q] {
		theta2 := theta + quintileGain[q] + gainSD*r.NormFloat64()
		date = date.AddDate(0, 0, followUpMinDays+r.IntN(followUpDaysSpan))
		p.FollowUp = Measurement{
			Response:   pam.Response{Form: p.Form, ID: p.ID, Date: pamDate(date), Answers: answer(r, theta2, p.Form)},
			Activation: theta2,
		}
	}
	return p
}

func pamDate(t time.Time) pam.Date { return pam.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()} }

// People returns every person in order of index, generated one at a time.
func (g *Generator) People() iter.Seq[Person] { return g.PeopleRange(0, g.size.People) }

// PeopleRange returns persons from … to−1 in order (clamped to 0 … Size().People), so that a
// national population can be split into ranges generated on different workers.
func (g *Generator) PeopleRange(from, to int) iter.Seq[Person] {
	from, to = max(from, 0), min(to, g.size.People)
	return func(yield func(Person) bool) {
		for i := from; i < to; i++ {
			if !yield(g.Person(i)) {
				return
			}
		}
	}
}

// answer draws a questionnaire's answers for activation theta under the rating scale model
// (AnswerProbabilities). Some items are not applicable or left blank, and a few people
// give an extreme line, every answer the same.
func answer(r *rand.Rand, theta float64, form pam.Form) [pam.NumItems]pam.Answer {
	var a [pam.NumItems]pam.Answer
	extreme := pam.NotAnswered
	switch u := r.Float64(); {
	case u < allHighRate:
		extreme = pam.AgreeStrongly
	case u < allHighRate+allLowRate:
		extreme = pam.DisagreeStrongly
	}
	for it := range a {
		if form == pam.PAM10 && shortFormSkips[it] {
			continue // not on the form: left NotAnswered
		}
		if extreme != pam.NotAnswered {
			a[it] = extreme
			continue
		}
		if u := r.Float64(); u < blankRate {
			continue // left blank
		} else if u < blankRate+notApplicable[it] {
			a[it] = pam.NotApplicable
			continue
		}
		pr := AnswerProbabilities(theta, itemLocations[it])
		u := r.Float64()
		k := 0
		for k < 3 && u >= pr[k] {
			u -= pr[k]
			k++
		}
		a[it] = pam.DisagreeStrongly + pam.Answer(k)
	}
	return a
}

// AnswerProbabilities returns the probabilities of the four answers (disagree strongly …
// agree strongly) to an item at location delta from a person of activation theta under the
// rating scale model with thresholds:
//
//	P(k) = exp(Σ_{j<k} (θ − δ − τ_j)) / Σ_m exp(Σ_{j<m} (θ − δ − τ_j)),   k = 1 … 4
func AnswerProbabilities(theta, delta float64) [4]float64 {
	var w [4]float64
	s, top := 0.0, 0.0
	for k := 1; k < 4; k++ {
		s += theta - delta - thresholds[k-1]
		w[k] = s
		top = math.Max(top, s)
	}
	// Subtract the largest exponent before exponentiating so that no activation overflows.
	total := 0.0
	for k := range w {
		w[k] = math.Exp(w[k] - top)
		total += w[k]
	}
	for k := range w {
		w[k] /= total
	}
	return w
}

// ethnic draws a recorded ethnic category from area ai's residents, accepting it with
// probability accept[group] (nil accepts every category), and then records it as not stated
// or not known at the generator's rates.
func (g *Generator) ethnic(r *rand.Rand, ai int, accept *[6]float64) equality.EthnicCategory {
	switch u := r.Float64(); {
	case u < notStatedRate:
		return equality.EthnicNotStated
	case u < notStatedRate+notKnownRate:
		return equality.EthnicNotKnown
	}
	for {
		c := equality.EthnicCategory(categorical(r, g.shares[ai]) + 1)
		if accept == nil || r.Float64() < accept[c.Group()] {
			return c
		}
	}
}

// recordID writes a record's identifier: a letter and seven or more digits of index + 1.
func recordID(prefix byte, i int) string {
	s := strconv.Itoa(i + 1)
	b := make([]byte, 0, 8)
	b = append(b, prefix)
	for n := len(s); n < 7; n++ {
		b = append(b, '0')
	}
	return string(append(b, s...))
}
