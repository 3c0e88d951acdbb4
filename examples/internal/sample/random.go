package sample

import (
	"math"
	"math/rand/v2"
)

// The generator's random streams. Every part of the place draws from its own stream, derived
// from the seed, the part and (for records) the record's index, so that any record can be
// generated on its own, in any order and on any worker, and always comes out the same.
const (
	streamAreas uint64 = 1 + iota
	streamPeople
	streamParticipants
	streamVolunteers
	streamCounts
	streamActivities
)

// mix is SplitMix64's finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom
// number generators", OOPSLA), used to turn (seed, stream, index) into well-spread PCG seeds,
// so that neighbouring indices do not start neighbouring PCG states.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// stream returns the random source of record index of one stream: a PCG generator (O'Neill
// 2014) from math/rand/v2 seeded from the three numbers.
func stream(seed, part uint64, index int) *rand.Rand {
	hi := mix(seed ^ mix(part))
	lo := mix(hi ^ mix(uint64(index)+part<<48))
	return rand.New(rand.NewPCG(hi, lo))
}

// poisson draws from the Poisson distribution with mean lambda ≥ 0: by multiplying uniforms
// (Knuth, The Art of Computer Programming vol 2, 3.4.1) below a mean of 10, and otherwise by
// the transformed rejection method PTRS of Hörmann W (1993), "The transformed rejection method
// for generating Poisson random variables", Insurance: Mathematics and Economics 12:39–45.
func poisson(r *rand.Rand, lambda float64) int {
	switch {
	case lambda <= 0:
		return 0
	case lambda < 10:
		limit := math.Exp(-lambda)
		k, p := 0, r.Float64()
		for p > limit {
			k++
			p *= r.Float64()
		}
		return k
	}
	slam := math.Sqrt(lambda)
	loglam := math.Log(lambda)
	b := 0.931 + 2.53*slam
	a := -0.059 + 0.02483*b
	invAlpha := 1.1239 + 1.1328/(b-3.4)
	vr := 0.9277 - 3.6224/(b-2)
	for {
		u := r.Float64() - 0.5
		v := r.Float64()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + lambda + 0.43)
		if us >= 0.07 && v <= vr {
			return int(k)
		}
		if k < 0 || (us < 0.013 && v > us) {
			continue
		}
		lg, _ := math.Lgamma(k + 1)
		if math.Log(v)+math.Log(invAlpha)-math.Log(a/(us*us)+b) <= -lambda+k*loglam-lg {
			return int(k)
		}
	}
}

// binomial draws the number of successes in n trials of probability p: one trial at a time
// for small n, by counting geometric gaps between successes when the expected count is small
// (Devroye, Non-Uniform Random Variate Generation, 1986, X.4.3), and from the normal
// approximation, rounded and kept within 0 … n, when n·p·(1 − p) is at least 25, where it is
// accurate to well within what synthetic counts need.
func binomial(r *rand.Rand, n int, p float64) int {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	case p > 0.5:
		return n - binomial(r, n, 1-p)
	case n < 40:
		k := 0
		for range n {
			if r.Float64() < p {
				k++
			}
		}
		return k
	}
	nf := float64(n)
	if v := nf * p * (1 - p); v >= 25 {
		k := math.Round(nf*p + math.Sqrt(v)*r.NormFloat64())
		return int(math.Max(0, math.Min(nf, k)))
	}
	// Geometric gaps: the position of the next success is 1 + ⌊ln U / ln(1 − p)⌋ trials on.
	lq := math.Log1p(-p)
	k, pos := 0, 0
	for {
		pos += 1 + int(math.Floor(math.Log(1-r.Float64())/lq))
		if pos > n {
			return k
		}
		k++
	}
}

// categorical draws an index with probability proportional to weights, given their running
// totals cum (cum[i] = weights[0] + … + weights[i]).
func categorical(r *rand.Rand, cum []float64) int {
	u := r.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] > u {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// cumulative returns the running totals of w.
func cumulative(w []float64) []float64 {
	c := make([]float64, len(w))
	s := 0.0
	for i, x := range w {
		s += x
		c[i] = s
	}
	return c
}
