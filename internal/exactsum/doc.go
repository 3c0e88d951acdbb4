// Package exactsum accumulates sums of bounded float64 values exactly, so that the state an
// accumulator reaches does not depend on the order of its additions or on how the values
// were split between accumulators that were later merged.
//
// # The grid
//
// Every value x with |x| < [Limit] (2⁵²) is held as the integer k nearest to x·2⁶⁴, ties to
// even (the rounding of IEEE 754-2019, §4.3.1), so that x is replaced by its grid point
//
//	q = k·2⁻⁶⁴,  |x − q| ≤ 2⁻⁶⁵ ≈ 2.7·10⁻²⁰
//
// A float64 whose magnitude is at least 2⁻¹² has no binary digits below 2⁻⁶⁴ (its 53-bit
// significand ends at or above 2⁻¹²⁻⁵²), so it lies on the grid and q = x exactly; only
// smaller values move, by at most [MaxAbsError].
//
// A [Sum] keeps Σk in a 192-bit two's-complement integer: |k| < 2¹¹⁶, so even 2⁶³ values of
// the largest magnitude (|Σk| < 2¹⁷⁹) leave twelve bits of headroom, and integer addition,
// being exact, is associative and commutative. A [Moments] adds the count and Σk² (each
// k² < 2²³², the sum of 2⁶³ of them below 2²⁹⁵) in a 320-bit unsigned integer, the squares of
// the grid points on the 2⁻¹²⁸ grid, without any rounding.
//
// This is Kulisch's long accumulator cut down to the range the values can take: an exact
// fixed-point register wide enough for every partial sum, so that the result is the exact
// sum rounded once (Kulisch U, Computer Arithmetic and Validity, 2nd ed., de Gruyter 2013;
// Neal RM (2015), Fast exact summation using small and large superaccumulators,
// arXiv:1505.05571). A register for the whole float64 range needs about 2,100 bits; values
// bounded by 2⁵² and resolved to 2⁻⁶⁴ need 192. Reproducible binned summation (Demmel J,
// Nguyen HD (2015), Parallel reproducible summation, IEEE Trans Comput 64:2060–2070) also
// gives order-independent results with fixed-size state and no bound on the inputs, but its
// result is a reproducible approximation of the sum with an error bound, not the sum: for
// bounded inputs the fixed-point register is smaller, simpler to check against math/big, and
// exact.
//
// # Reading out
//
// [Sum.Float64] converts the exact integer to the nearest float64, ties to even, without
// allocating. [Moments.Mean], [Moments.Variance] and [Moments.SD] compute from the exact
// integers with math/big and round once:
//
//	mean     = Σq / n
//	variance = (n·Σq² − (Σq)²) / (n(n − 1))
//	sd       = √variance, the exact square root rounded once
//
// The numerator of the variance is a difference of exact integers, so the cancellation that
// makes this "textbook" formula unusable in floating point (Chan TF, Golub GH, LeVeque RJ
// (1983), Algorithms for computing the sample variance: analysis and recommendations, Am
// Stat 37:242–247) does not arise.
//
// # Preconditions
//
// Callers bound their inputs before adding them: [Sum.Add], [Magnitude] and [Moments.Add]
// panic on NaN, ±Inf or |x| ≥ Limit, which is a programming error, not bad data. Nothing in
// the package allocates except the math/big read-outs of Moments and [Sum.Int].
package exactsum
