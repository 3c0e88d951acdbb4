package equality

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestHeatQuantile7 checks the interpolated quantile against R's quantile(type = 7), whose
// definition (Hyndman & Fan 1996) gives x[1 + h] with h = (n − 1)p interpolated linearly:
// quantile(1:10, 0.025) = 1 + 9·0.025 = 1.225; quantile(c(1, 2, 3, 4), 0.975) = 1 + 3·0.975 =
// 3.925; p = 0 and 1 give the extremes.
func TestHeatQuantile7(t *testing.T) {
	ten := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, c := range []struct {
		x    []float64
		p    float64
		want float64
	}{
		{ten, 0.025, 1.225},
		{ten, 0.975, 9.775},
		{[]float64{1, 2, 3, 4}, 0.975, 3.925},
		{ten, 0, 1},
		{ten, 1, 10},
		{[]float64{5}, 0.5, 5},
	} {
		if got := heatQuantile7(c.x, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("quantile(%v, %v) = %v, want %v", c.x, c.p, got, c.want)
		}
	}
}

// TestHeatDrawTruncated checks both sampling paths of the truncated normal: rejection (an
// estimate well inside its range) and inversion (a standard error so large that rejection
// almost always fails, where the truncated distribution on [0, 100] is close to uniform, with
// mean 50 and SD 100/√12 ≈ 28.87).
func TestHeatDrawTruncated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 20000
	var sum, sum2 float64
	for range n {
		x := heatDraw(rng, 50, 1e6, 100)
		if x < 0 || x > 100 {
			t.Fatalf("draw %v outside [0, 100]", x)
		}
		sum += x
		sum2 += x * x
	}
	mean := sum / n
	sd := math.Sqrt(sum2/n - mean*mean)
	if math.Abs(mean-50) > 1 || math.Abs(sd-100/math.Sqrt(12)) > 1 {
		t.Errorf("inversion path: mean %v, SD %v; want about 50 and 28.87", mean, sd)
	}
	sum, sum2 = 0, 0
	for range n {
		x := heatDraw(rng, 50, 2, math.Inf(1))
		sum += x
		sum2 += x * x
	}
	mean = sum / n
	sd = math.Sqrt(sum2/n - mean*mean)
	if math.Abs(mean-50) > 0.1 || math.Abs(sd-2) > 0.1 {
		t.Errorf("rejection path: mean %v, SD %v; want about 50 and 2", mean, sd)
	}
	if x := heatDraw(rng, 0, 0, 1); x != 0 {
		t.Errorf("zero SE draw = %v", x)
	}
}

// TestHeatSimulateAllocations checks that the replicate loop allocates nothing per replicate:
// the whole simulation makes a fixed number of allocations whatever the number of replicates.
func TestHeatSimulateAllocations(t *testing.T) {
	g := []Subgroup{
		{Name: "a", Estimate: 20, SE: heatTestSE(2), Population: 100},
		{Name: "b", Estimate: 30, SE: heatTestSE(3), Population: 200},
		{Name: "c", Estimate: 50, SE: heatTestSE(5), Population: 200},
	}
	d, err := heatPrepare(g, SummaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st := &heatStat{m: SummaryBGSD, p: heatShares(d)}
	small, large := make([]float64, 100), make([]float64, 10000)
	a1 := testing.AllocsPerRun(5, func() { _ = heatSimulate(d, SummaryBGSD, st, small) })
	a2 := testing.AllocsPerRun(5, func() { _ = heatSimulate(d, SummaryBGSD, st, large) })
	if a1 != a2 {
		t.Errorf("allocations grow with replicates: %v for 100, %v for 10,000", a1, a2)
	}
}

func heatTestSE(x float64) *float64 { return &x }
