package equality

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// Reference values are hand derivations with z = 1.959963984540054:
//   - narrowing: 10 (SE 1) → 5 (SE 1): Δ = −5, SE = √2, Δ ± z√2 =
//     [−7.771807648699356, −2.228192351300644], excludes 0, |5| < |10|.
//   - not significant: 10 (SE 1.5) → 6 (SE 2): SE = 2.5, [−8.899909961350135,
//     0.8999099613501347] contains 0.
//   - reversal: 5 (SE 0.5) → −8 (SE 0.5): Δ = −13, excludes 0, |−8| > |5|: widening.
//   - relative: RII 2 → 1.5, log-scale SEs 0.1 and 0.1: ratio 0.75, SE √0.02,
//     exp(ln 0.75 ± z√0.02) = [0.5684381099041942, 0.9895536386446804], excludes 1, narrowing.
func TestGapChange(t *testing.T) {
	cases := []struct {
		name          string
		before, after Gap
		opts          GapChangeOptions
		want          GapChangeResult
	}{
		{"narrowing", Gap{10, 1}, Gap{5, 1}, GapChangeOptions{},
			GapChangeResult{Before: Gap{10, 1}, After: Gap{5, 1}, Change: -5, SE: math.Sqrt2,
				Interval: Interval{0.95, -7.771807648699356, -2.228192351300644}, Trend: Narrowing}},
		{"not significant", Gap{10, 1.5}, Gap{6, 2}, GapChangeOptions{},
			GapChangeResult{Before: Gap{10, 1.5}, After: Gap{6, 2}, Change: -4, SE: 2.5,
				Interval: Interval{0.95, -8.899909961350135, 0.8999099613501347}, Trend: NoSignificantChange}},
		{"reversal counts as widening", Gap{5, 0.5}, Gap{-8, 0.5}, GapChangeOptions{},
			GapChangeResult{Before: Gap{5, 0.5}, After: Gap{-8, 0.5}, Change: -13, SE: math.Sqrt(0.5),
				Interval: Interval{0.95, -13 - z95*math.Sqrt(0.5), -13 + z95*math.Sqrt(0.5)}, Trend: Widening}},
		{"relative narrowing", Gap{2, 0.1}, Gap{1.5, 0.1}, GapChangeOptions{Relative: true},
			GapChangeResult{Before: Gap{2, 0.1}, After: Gap{1.5, 0.1}, Change: 0.75, SE: math.Sqrt(0.02),
				Interval: Interval{0.95, 0.5684381099041942, 0.9895536386446804}, Trend: Narrowing, Relative: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := GapChange(c.before, c.after, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(c.want, got, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
				t.Errorf("-want +got:\n%s", d)
			}
		})
	}
}

func TestGapFromInterval(t *testing.T) {
	// A 95 % interval of half-width z·2 around 7 gives SE 2; on the log scale, limits
	// 2·e^{∓0.1z} give SE 0.1.
	g, err := GapFromInterval(7, Interval{0.95, 7 - 2*z95, 7 + 2*z95}, false)
	if err != nil || !pheNear(g.SE, 2, 1e-12) {
		t.Errorf("absolute: %+v, %v", g, err)
	}
	g, err = GapFromInterval(2, Interval{0.95, 2 * math.Exp(-0.1*z95), 2 * math.Exp(0.1*z95)}, true)
	if err != nil || !pheNear(g.SE, 0.1, 1e-12) {
		t.Errorf("relative: %+v, %v", g, err)
	}
	if _, err := GapFromInterval(2, Interval{0.95, -1, 3}, true); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("non-positive limit of a ratio: %v", err)
	}
	if _, err := GapFromInterval(2, Interval{1.5, 1, 3}, false); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("level 1.5: %v", err)
	}
}

func TestGapChangeErrors(t *testing.T) {
	_, err := GapChange(Gap{math.NaN(), -1}, Gap{-1, 0}, GapChangeOptions{Relative: true, Confidence: 2})
	want := []string{"/options/confidence", "/before/estimate", "/before/se", "/after/estimate"}
	if d := cmp.Diff(want, locatedPaths(err)); d != "" || !errors.Is(err, ErrOutOfRange) {
		t.Errorf("paths -want +got:\n%s\n%v", d, err)
	}
}

func TestGapChangeProperties(t *testing.T) {
	t.Run("equal gaps show no change", rapid.MakeCheck(func(t *rapid.T) {
		g := Gap{rapid.Float64Range(-100, 100).Draw(t, "g"), rapid.Float64Range(0, 10).Draw(t, "se")}
		r, err := GapChange(g, g, GapChangeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Change != 0 || r.Trend != NoSignificantChange && g.SE > 0 {
			t.Fatalf("%+v", r)
		}
	}))
	t.Run("swapping periods negates the change and keeps significance", rapid.MakeCheck(func(t *rapid.T) {
		a := Gap{rapid.Float64Range(-100, 100).Draw(t, "a"), rapid.Float64Range(0, 10).Draw(t, "sa")}
		b := Gap{rapid.Float64Range(-100, 100).Draw(t, "b"), rapid.Float64Range(0, 10).Draw(t, "sb")}
		x, err1 := GapChange(a, b, GapChangeOptions{})
		y, err2 := GapChange(b, a, GapChangeOptions{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if x.Change != -y.Change || (x.Trend == NoSignificantChange) != (y.Trend == NoSignificantChange) {
			t.Fatalf("%+v vs %+v", x, y)
		}
		if !x.Interval.Contains(x.Change) {
			t.Fatalf("interval %v does not contain %v", x.Interval, x.Change)
		}
	}))
}

func FuzzGapChange(f *testing.F) {
	f.Add(10.0, 1.0, 5.0, 1.0, 0.95, false)
	f.Add(2.0, 0.1, 1.5, 0.1, 0.998, true)
	f.Add(math.Inf(1), 0.0, math.NaN(), -1.0, 0.0, true)
	f.Add(1e308, 1e308, -1e308, 1e308, 0.9, false)
	f.Fuzz(func(t *testing.T, b, sb, a, sa, c float64, rel bool) {
		r, err := GapChange(Gap{b, sb}, Gap{a, sa}, GapChangeOptions{Confidence: c, Relative: rel})
		if err != nil {
			return
		}
		for _, v := range []float64{r.Change, r.SE, r.Interval.Lower, r.Interval.Upper} {
			if !finite(v) {
				t.Fatalf("non-finite %+v", r)
			}
		}
		if !r.Trend.Valid() || r.Interval.Lower > r.Interval.Upper {
			t.Fatalf("%+v", r)
		}
	})
}

func FuzzGapFromInterval(f *testing.F) {
	f.Add(7.0, 0.95, 3.0, 11.0, false)
	f.Add(2.0, 0.998, 1.0, 4.0, true)
	f.Add(math.NaN(), 2.0, math.Inf(-1), 0.0, true)
	f.Add(1e308, 0.5, -1e308, 1e308, false)
	f.Fuzz(func(t *testing.T, est, level, lo, hi float64, rel bool) {
		g, err := GapFromInterval(est, Interval{Level: level, Lower: lo, Upper: hi}, rel)
		if err != nil {
			return
		}
		if !finite(g.Estimate) || !finite(g.SE) || g.SE < 0 {
			t.Fatalf("%+v", g)
		}
	})
}
