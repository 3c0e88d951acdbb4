package pam

import (
	"math"

	"pgregory.net/rapid"
)

// genCalibration draws a calibration of every item: rating-scale or partial-credit,
// difficulties and thresholds within ±4 logits (thresholds possibly disordered, as they are in
// real data), a positive slope.
func genCalibration(t *rapid.T) Calibration {
	model := rapid.SampledFrom([]Model{RatingScale, PartialCredit}).Draw(t, "model")
	logit := rapid.Float64Range(-4, 4)
	steps := func(label string) []float64 {
		return []float64{logit.Draw(t, label+"1"), logit.Draw(t, label+"2"), logit.Draw(t, label+"3")}
	}
	c := Calibration{
		Name:  "generated",
		Model: model,
		Transform: Transform{
			Intercept: rapid.Float64Range(20, 80).Draw(t, "intercept"),
			Slope:     rapid.Float64Range(1, 20).Draw(t, "slope"),
		},
	}
	if model == RatingScale {
		c.Thresholds = steps("tau")
	}
	for it := PA1; it <= PA13; it++ {
		ic := ItemCalibration{Item: it, Difficulty: logit.Draw(t, "delta")}
		if model == PartialCredit {
			ic.Thresholds = steps("tau")
		}
		c.Items = append(c.Items, ic)
	}
	return c
}

// genAnswer draws an answer, mostly on the scale.
var genAnswer = rapid.SampledFrom([]Answer{
	DisagreeStrongly, Disagree, Disagree, Agree, Agree, Agree, AgreeStrongly, AgreeStrongly,
	NotApplicable, NotAnswered,
})

// genResponse draws a response to form f.
func genResponse(t *rapid.T, f Form) Response {
	r := Response{Form: f}
	for it := range f.Items() {
		r.Answers[it-1] = genAnswer.Draw(t, it.String())
	}
	return r
}

// oracle estimates θ̂ for the answered items of r under c the slow, obvious way, as a check
// on the scorer: category probabilities from their log-weights with the largest subtracted
// (log-sum-exp), and plain bisection of E(θ) − x on [−100, 100] to 1e-12 logits.
func oracle(c Calibration, r Response) (theta float64, ok bool) {
	type params struct{ s [4]float64 } // cumulative sums s₀ = 0, s₁, s₂, s₃
	var ps []params
	x := 0.0
	for _, ic := range c.Items {
		p, answered := r.Answers[ic.Item-1].Points()
		if !answered || !r.Form.Has(ic.Item) {
			continue
		}
		x += float64(p - 1)
		steps := c.Thresholds
		if c.Model == PartialCredit {
			steps = ic.Thresholds
		}
		var q params
		for k := 1; k <= 3; k++ {
			q.s[k] = q.s[k-1] + ic.Difficulty + steps[k-1]
		}
		ps = append(ps, q)
	}
	if len(ps) == 0 || x == 0 || x == float64(3*len(ps)) {
		return 0, false
	}
	expect := func(theta float64) float64 {
		e := 0.0
		for _, q := range ps {
			var lw [4]float64
			m := math.Inf(-1)
			for k := range 4 {
				lw[k] = float64(k)*theta - q.s[k]
				m = max(m, lw[k])
			}
			num, den := 0.0, 0.0
			for k := range 4 {
				w := math.Exp(lw[k] - m)
				num += float64(k) * w
				den += w
			}
			e += num / den
		}
		return e
	}
	lo, hi := -100.0, 100.0
	for hi-lo > 1e-12 {
		mid := lo + (hi-lo)/2
		if expect(mid) < x {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2, true
}
