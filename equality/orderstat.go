package equality

import (
	"math"
	"math/bits"
	"slices"
)

// The limits of the slope index of inequality are a few order statistics of 100,000 or more
// simulated values, all in the tails (levels of at least 90 % put them at or beyond the 5th
// and 95th percentiles). orderStats finds them exactly, in about one pass over the values,
// by Floyd and Rivest's sampling idea (Floyd RW, Rivest RL. Expected time bounds for
// selection. Commun ACM 1975;18:165–172): a sample brackets each wanted order statistic
// between two sample values, one pass moves the few values inside the brackets to the front
// and counts those below, and quickselect runs on the front part only. The result does not
// depend on the method: an order statistic is a value of the input, found exactly.

const (
	// orderSample is the size of the bracketing sample.
	orderSample = 1024
	// orderSampleMin is the shortest input bracketed from a sample; shorter inputs go
	// straight to quickselect.
	orderSampleMin = 8 * orderSample
	// orderMaxBrackets is the most brackets one pass keeps (two per confidence level).
	orderMaxBrackets = 2 * MaxSIILevels
)

// orderStats sets out[j] to the (ks[j]+1)-th smallest element of a for every j; ks must be
// sorted, distinct and within a, and a must not contain NaN. It reorders a.
func orderStats(a []float64, ks []int, out []float64) {
	if len(a) >= orderSampleMin && len(ks) <= orderMaxBrackets && bracketedOrderStats(a, ks, out) {
		return
	}
	selectOrder(a, ks)
	for j, k := range ks {
		out[j] = a[k]
	}
}

// bracketedOrderStats is orderStats by sampling, for len(a) ≥ orderSampleMin. It reports
// false, leaving a reordered but otherwise unchanged, when the sample's brackets miss an
// order statistic, and the caller then selects on the whole of a. That costs only time: it
// happens in about 0.2 % of calls on independent draws at the positions of 95 % and 99.8 %
// limits, and always for an input laid out so that the sample misrepresents it.
func bracketedOrderStats(a []float64, ks []int, out []float64) bool {
	n := len(a)
	// A systematic sample, sorted.
	var s [orderSample]float64
	for i := range s {
		s[i] = a[orderSamplePos(i, n)]
	}
	slices.Sort(s[:])

	// The number of sample values below the (k+1)-th smallest is about binomial with
	// m = orderSample trials and p = (k + ½)/n; bracket it by 3 standard deviations and 2
	// more sample values either side, merging brackets that overlap so that they are
	// disjoint and in order.
	var lo, hi [orderMaxBrackets]float64
	var in [orderMaxBrackets]int // bracket of each k
	nb := 0
	for j, k := range ks {
		p := (float64(k) + 0.5) / float64(n)
		c := p * orderSample
		d := 3*math.Sqrt(orderSample*p*(1-p)) + 2
		l, u := math.Inf(-1), math.Inf(1)
		if i := int(math.Floor(c - d)); i >= 0 {
			l = s[i]
		}
		if i := int(math.Ceil(c + d)); i < orderSample {
			u = s[i]
		}
		if nb > 0 && l <= hi[nb-1] {
			hi[nb-1] = max(hi[nb-1], u)
		} else {
			lo[nb], hi[nb] = l, u
			nb++
		}
		in[j] = nb - 1
	}

	// One pass: values inside a bracket move to the front, a[:front]; gap[b] counts the
	// others below bracket b (and above bracket b−1), inside[b] the values in bracket b.
	// Most values fall in the gap holding the sample's median (between the lower and upper
	// tails' brackets); they are skipped with two comparisons and counted at the end.
	var gap [orderMaxBrackets + 1]int
	var inside [orderMaxBrackets]int
	mid := 0
	for mid < nb && s[orderSample/2] > hi[mid] {
		mid++
	}
	skipLo, skipHi := math.Inf(1), math.Inf(-1) // an empty gap unless the median is in one
	if mid == nb || s[orderSample/2] < lo[mid] {
		skipLo, skipHi = math.Inf(-1), math.Inf(1)
		if mid > 0 {
			skipLo = hi[mid-1]
		}
		if mid < nb {
			skipHi = lo[mid]
		}
	}
	front := 0
	for i, x := range a {
		if skipLo < x && x < skipHi {
			continue
		}
		b := 0
		for b < nb && x > hi[b] {
			b++
		}
		if b < nb && x >= lo[b] {
			a[i], a[front] = a[front], x
			front++
			inside[b]++
		} else {
			gap[b]++
		}
	}

	// The (k+1)-th smallest lies in its bracket b if the values below the bracket number
	// at most k and those up to its top more than k; its rank among the front values is then
	// k less the values below b left behind.
	gap[mid] = n - front
	for b, g := range gap[:nb+1] {
		if b != mid {
			gap[mid] -= g
		}
	}
	var under, left [orderMaxBrackets]int // values below bracket b: all, and those not at the front
	for b, u, l := 0, 0, 0; b < nb; b++ {
		u += gap[b]
		l += gap[b]
		under[b], left[b] = u, l
		u += inside[b]
	}
	var kf [orderMaxBrackets]int
	for j, k := range ks {
		b := in[j]
		if k < under[b] || k >= under[b]+inside[b] {
			return false
		}
		kf[j] = k - left[b]
	}
	selectOrder(a[:front], kf[:len(ks)])
	for j := range ks {
		out[j] = a[kf[j]]
	}
	return true
}

// orderSamplePos is the position in an input of length n of sample value i: the middles of
// orderSample equal runs.
func orderSamplePos(i, n int) int { return (2*i + 1) * n / (2 * orderSample) }

// selectOrder rearranges a so that a[k] holds the (k+1)-th smallest element for every k in
// ks (sorted, distinct, within a): a multiple quickselect with three-way partitioning, so
// runs of equal values cost nothing, falling back to a full sort if partitioning goes badly.
// a must not contain NaN.
func selectOrder(a []float64, ks []int) {
	depth := 2 * bits.Len(uint(len(a)))
	multiSelect(a, 0, len(a), ks, depth)
}

func multiSelect(a []float64, lo, hi int, ks []int, depth int) {
	for len(ks) > 0 && hi-lo > 1 {
		if depth == 0 {
			slices.Sort(a[lo:hi])
			return
		}
		depth--
		p := medianOfThree(a[lo], a[lo+(hi-lo)/2], a[hi-1])
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch x := a[i]; {
			case x < p:
				a[lt], a[i] = x, a[lt]
				lt++
				i++
			case x > p:
				gt--
				a[i], a[gt] = a[gt], x
			default:
				i++
			}
		}
		// a[lo:lt] < p, a[lt:gt] == p, a[gt:hi] > p.
		left, _ := slices.BinarySearch(ks, lt)
		right, _ := slices.BinarySearch(ks, gt)
		if left > 0 {
			multiSelect(a, lo, lt, ks[:left], depth)
		}
		ks, lo = ks[right:], gt
	}
}

func medianOfThree(x, y, z float64) float64 {
	if x > y {
		x, y = y, x
	}
	if y > z {
		y = z
	}
	if x > y {
		return x
	}
	return y
}
