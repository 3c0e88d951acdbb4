package equality_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peopleandcommunities/engage/equality"
)

func heatSE(x float64) *float64 { return &x }

// heatOrderedSample is healthequal's OrderedSample data set (births attended by skilled health
// personnel, %, by wealth quintile; WHO Health Inequality Data Repository) exactly as printed by
// head(OrderedSample) on the package's reference page
// https://whoequity.github.io/healthequal/reference/OrderedSample.html (healthequal 1.0.1).
// The setting average printed there is 91.59669.
func heatOrderedSample() []equality.Subgroup {
	return []equality.Subgroup{
		{Name: "Quintile 1 (poorest)", Order: 1, Estimate: 75.60530, SE: heatSE(1.5996131), Population: 2072.436},
		{Name: "Quintile 2", Order: 2, Estimate: 91.01997, SE: heatSE(1.1351504), Population: 2112.204},
		{Name: "Quintile 3", Order: 3, Estimate: 96.03959, SE: heatSE(0.6461946), Population: 1983.059},
		{Name: "Quintile 4", Order: 4, Estimate: 97.04223, SE: heatSE(0.5676206), Population: 2052.124},
		{Name: "Quintile 5 (richest)", Order: 5, Estimate: 99.22405, SE: heatSE(0.2237683), Population: 1884.510},
	}
}

// heatTestthatSample is the ordered data of healthequal 1.0.0's tests/testthat/test-sii.R,
// test-rii.R, test-aci.R, test-rci.R, test-paf.R and test-parisk.R (CRAN package sources):
// est = c(20, 30, 40, 50, 60), se = c(5, 7, 10, 12, 14), orders 1…5, scale 100, and
// pop = round(rnorm(5, 100, 40)) after set.seed(123). R's first five standard normal draws
// from seed 123 are −0.56047565, −0.23017749, 1.55870831, 0.07050839, 0.12928774, so
// pop = round(77.58, 90.79, 162.35, 102.82, 105.17) = 78, 91, 162, 103, 105.
func heatTestthatSample() []equality.Subgroup {
	pops := []float64{78, 91, 162, 103, 105}
	ses := []float64{5, 7, 10, 12, 14}
	var g []equality.Subgroup
	for i := range 5 {
		g = append(g, equality.Subgroup{Name: string(rune('a' + i)), Order: i + 1,
			Estimate: float64(20 + 10*i), SE: heatSE(ses[i]), Population: pops[i]})
	}
	return g
}

// heatABC is the non-ordered hand-derivation data: N = 500, shares p = (0.2, 0.4, 0.4),
// μ = 0.2·20 + 0.4·30 + 0.4·50 = 36.
func heatABC(ref bool) []equality.Subgroup {
	return []equality.Subgroup{
		{Name: "A", Estimate: 20, SE: heatSE(2), Population: 100},
		{Name: "B", Estimate: 30, SE: heatSE(3), Population: 200, Reference: ref},
		{Name: "C", Estimate: 50, SE: heatSE(5), Population: 200},
	}
}

// heatWant is an expected result: estimate, standard error and limits (NaN where not checked).
type heatWant struct {
	Estimate, SE, Lower, Upper float64
}

func heatGot(r equality.SummaryResult) heatWant {
	w := heatWant{Estimate: r.Estimate, SE: math.NaN(), Lower: math.NaN(), Upper: math.NaN()}
	if r.SE != nil {
		w.SE = *r.SE
	}
	if r.Interval != nil {
		w.Lower, w.Upper = r.Interval.Lower, r.Interval.Upper
	}
	return w
}

const heatZ95 = 1.959963984540054

type heatCase struct {
	name   string
	m      equality.SummaryMeasure
	groups []equality.Subgroup
	opts   equality.SummaryOptions
	want   heatWant
	rel    float64 // relative tolerance
	abs    float64 // absolute tolerance
}

func heatRun(t *testing.T, cases []heatCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := equality.Summarise(tc.m, tc.groups, tc.opts)
			if err != nil {
				t.Fatalf("Summarise: %v", err)
			}
			got := heatGot(r)
			want := tc.want
			// A NaN in the table means "not checked"; NaN ≠ NaN would fail cmp, so copy it.
			if math.IsNaN(want.SE) {
				got.SE = want.SE
			}
			if math.IsNaN(want.Lower) {
				got.Lower, got.Upper = want.Lower, want.Upper
			}
			opt := cmpopts.EquateApprox(tc.rel, tc.abs)
			if diff := cmp.Diff(want, got, opt, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.m, diff)
			}
		})
	}
}

// TestSummariseHealthequalPublished checks the measures against the outputs healthequal 1.0.1
// prints for OrderedSample on its reference pages (https://whoequity.github.io/healthequal/
// reference/{sii,rii,rci,paf,parisk}.html, example code 2) and in its vignette (aci), where the
// data printed to 7 significant digits limit the agreement to about 1e-6.
func TestSummariseHealthequalPublished(t *testing.T) {
	ord := equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable, Scale: 100}
	noScale := equality.SummaryOptions{Ordered: true}
	heatRun(t, []heatCase{
		// sii(): estimate 31.61763, se 0.03009635 (on the 0–1 scale), CI 25.71885–37.51641.
		// engage reports the SE on the SII's scale: 100 × 0.03009635.
		{"sii", equality.SummarySII, heatOrderedSample(), noScale,
			heatWant{31.61763, 3.009635, 25.71885, 37.51641}, 2e-6, 0},
		// rii(): estimate 1.466089, se 0.04372912 (of ln RII), CI 1.345669–1.597286.
		{"rii", equality.SummaryRII, heatOrderedSample(), noScale,
			heatWant{1.466089, 0.04372912, 1.345669, 1.597286}, 2e-6, 0},
		// Vignette, aci(): estimate 4.30052, se 1.284031, CI 1.783865–6.817174.
		{"aci", equality.SummaryACI, heatOrderedSample(), noScale,
			heatWant{4.30052, 1.284031, 1.783865, 6.817174}, 2e-6, 0},
		// rci(): estimate 0.0469506, se 0.01401831, CI 0.01947522–0.07442599.
		{"rci", equality.SummaryRCI, heatOrderedSample(), noScale,
			heatWant{0.0469506, 0.01401831, 0.01947522, 0.07442599}, 2e-6, 0},
		// paf(): estimate 8.327116, se 0.003681919 (of the fraction), CI 8.319899–8.334332, a
		// 100-times-too-narrow interval. engage: SE = 100 × 0.003681919 = 0.3681919 and
		// CI = 8.327116 ± 1.959964 × 0.3681919 = 7.605470–9.048762. The printed estimates
		// (5 decimals) move μ by up to 5e-6 and PAF by up to 6e-6.
		{"paf", equality.SummaryPAF, heatOrderedSample(), ord,
			heatWant{8.327116, 0.3681919, 8.327116 - heatZ95*0.3681919, 8.327116 + heatZ95*0.3681919}, 1e-6, 1e-5},
		// parisk(): estimate 7.627362, se 0.3372516, CI 6.966361–8.288363.
		{"par", equality.SummaryPAR, heatOrderedSample(), ord,
			heatWant{7.627362, 0.3372516, 6.966361, 8.288363}, 1e-6, 1e-5},
	})
}

// TestSummariseHealthequalTestthat checks the measures against the expected values in
// healthequal 1.0.0's test suite (tests/testthat/test-*.R; data in heatTestthatSample).
func TestSummariseHealthequalTestthat(t *testing.T) {
	ord := equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable, Scale: 100}
	heatRun(t, []heatCase{
		// test-sii.R: 44.44502, se 2.190822 (1.0.0 reported it on the SII's scale, as engage
		// does), CI 40.15109–48.73895; tolerance 1e-6.
		{"sii", equality.SummarySII, heatTestthatSample(), ord,
			heatWant{44.44502, 2.190822, 40.15109, 48.73895}, 1e-6, 0},
		// test-rii.R: 3.159506, se 0.07644001, CI 2.719902–3.67016; tolerance 1e-6.
		{"rii", equality.SummaryRII, heatTestthatSample(), equality.SummaryOptions{Ordered: true},
			heatWant{3.159506, 0.07644001, 2.719902, 3.67016}, 1e-6, 0},
		// test-aci.R: 7.3284202, se 0.29368517, CI estimate ± qnorm(.975)·se; tolerance 1e-6.
		{"aci", equality.SummaryACI, heatTestthatSample(), equality.SummaryOptions{Ordered: true},
			heatWant{7.3284202, 0.29368517, 7.3284202 - heatZ95*0.29368517, 7.3284202 + heatZ95*0.29368517}, 1e-6, 0},
		// test-rci.R: 0.17776859, se 0.0071240491, CI 0.16380545–0.19173172; tolerance 1e-3.
		{"rci", equality.SummaryRCI, heatTestthatSample(), equality.SummaryOptions{Ordered: true},
			heatWant{0.17776859, 0.0071240491, 0.16380545, 0.19173172}, 1e-5, 0},
		// test-paf.R: 45.544548 (the exact value is 100·(60 − 22220/539)/(22220/539) =
		// 45.5445545), se 0.10689361 of the fraction. engage: SE 10.689361 in per cent and
		// CI 45.5445545 ± 1.959964 × 10.689361.
		{"paf", equality.SummaryPAF, heatTestthatSample(), ord,
			heatWant{45.544548, 10.689361, 45.5445545 - heatZ95*10.689361, 45.5445545 + heatZ95*10.689361}, 1e-6, 0},
		// test-parisk.R: 18.775509, se 4.4066348, CI 10.138505–27.412513, tolerance 1e-2 (the
		// test's limits are not exactly estimate ± 1.96·se; they agree with it to 2e-5).
		{"par", equality.SummaryPAR, heatTestthatSample(), ord,
			heatWant{18.775509, 4.4066348, 10.138505, 27.412513}, 2e-5, 0},
	})
}

// TestSummariseHandDerivations checks every measure on small data worked by hand with the
// formulas of healthequal 1.0.1 (the arithmetic is in the comments).
func TestSummariseHandDerivations(t *testing.T) {
	fav := equality.SummaryOptions{Favourability: equality.Favourable, Scale: 100}
	adv := equality.SummaryOptions{Favourability: equality.Adverse, Scale: 100}
	nan := math.NaN()
	abc, abcRef := heatABC(false), heatABC(true)
	// Ordered A < B < C (orders 1, 2, 3), same values: ranks (0 + 50)/500 = 0.1,
	// (100 + 100)/500 = 0.4, (300 + 100)/500 = 0.8.
	ordered := heatABC(false)
	for i := range ordered {
		ordered[i].Order = i + 1
	}
	ordFav := equality.SummaryOptions{Ordered: true, Favourability: equality.Favourable, Scale: 100}
	ordAdv := equality.SummaryOptions{Ordered: true, Favourability: equality.Adverse, Scale: 100}
	linear := equality.SummaryOptions{Ordered: true, Linear: true}
	heatRun(t, []heatCase{
		// D, non-ordered, no reference: highest − lowest = 50 − 20 = 30, SE = √(25 + 4) = √29.
		{"d/max-min", equality.SummaryD, abc, equality.SummaryOptions{},
			heatWant{30, math.Sqrt(29), 30 - heatZ95*math.Sqrt(29), 30 + heatZ95*math.Sqrt(29)}, 1e-12, 0},
		// D with reference B, favourable: B − lowest other (A) = 30 − 20 = 10, SE = √(9 + 4).
		{"d/reference-favourable", equality.SummaryD, abcRef, fav,
			heatWant{10, math.Sqrt(13), 10 - heatZ95*math.Sqrt(13), 10 + heatZ95*math.Sqrt(13)}, 1e-12, 0},
		// D with reference B, adverse: highest other (C) − B = 50 − 30 = 20, SE = √(25 + 9).
		{"d/reference-adverse", equality.SummaryD, abcRef, adv,
			heatWant{20, math.Sqrt(34), 20 - heatZ95*math.Sqrt(34), 20 + heatZ95*math.Sqrt(34)}, 1e-12, 0},
		// D ordered, favourable: top (C) − bottom (A) = 30; adverse: A − C = −30.
		{"d/ordered-favourable", equality.SummaryD, ordered, ordFav, heatWant{30, math.Sqrt(29), nan, nan}, 1e-12, 0},
		{"d/ordered-adverse", equality.SummaryD, ordered, ordAdv, heatWant{-30, math.Sqrt(29), nan, nan}, 1e-12, 0},
		// R, no reference: 50/20 = 2.5, SE(ln R) = √(4/400 + 25/2500) = √0.02,
		// CI 2.5·exp(∓1.959964·0.1414214).
		{"r/max-min", equality.SummaryR, abc, equality.SummaryOptions{},
			heatWant{2.5, math.Sqrt(0.02), 2.5 * math.Exp(-heatZ95*math.Sqrt(0.02)), 2.5 * math.Exp(heatZ95*math.Sqrt(0.02))}, 1e-12, 0},
		// R with reference B, favourable: 30/20 = 1.5, SE(ln R) = √(9/900 + 4/400) = √0.02.
		{"r/reference-favourable", equality.SummaryR, abcRef, fav, heatWant{1.5, math.Sqrt(0.02), nan, nan}, 1e-12, 0},
		// R ordered, adverse: A/C = 0.4.
		{"r/ordered-adverse", equality.SummaryR, ordered, ordAdv, heatWant{0.4, math.Sqrt(0.02), nan, nan}, 1e-12, 0},
		// BGV = 0.2·16² + 0.4·6² + 0.4·14² = 51.2 + 14.4 + 78.4 = 144. SE² = 4·Σp²s²(y−μ)²
		// + 2[(Σp²s²)² − Σp⁴s⁴ + Σp²(1−p)²s⁴] with Σp²s²(y−μ)² = 0.04·4·256 + 0.16·9·36 +
		// 0.16·25·196 = 876.8, Σp²s² = 0.16 + 1.44 + 4 = 5.6, Σp⁴s⁴ = 18.0992,
		// Σp²(1−p)²s⁴ = 41.0752: SE² = 3507.2 + 2(31.36 − 18.0992 + 41.0752) = 3615.872.
		{"bgv", equality.SummaryBGV, abc, fav,
			heatWant{144, math.Sqrt(3615.872), 144 - heatZ95*math.Sqrt(3615.872), 144 + heatZ95*math.Sqrt(3615.872)}, 1e-12, 0},
		// BGSD = √144 = 12; COV = 100·12/36 = 33.3333.
		{"bgsd", equality.SummaryBGSD, abc, fav, heatWant{12, nan, nan, nan}, 1e-12, 0},
		{"cov", equality.SummaryCOV, abc, fav, heatWant{100.0 / 3, nan, nan, nan}, 1e-12, 0},
		// IDISU = (100/3)(16 + 6 + 14)/36 = 33.3333; IDISW = 100(0.2·16 + 0.4·6 + 0.4·14)/36
		// = 100·11.2/36 = 31.1111.
		{"idisu", equality.SummaryIDISU, abc, fav, heatWant{100.0 / 3, nan, nan, nan}, 1e-12, 0},
		{"idisw", equality.SummaryIDISW, abc, fav, heatWant{1120.0 / 36, nan, nan, nan}, 1e-12, 0},
		// IDISU against a setting average of 40: (100/3)(20 + 10 + 10)/40 = 33.3333;
		// MDMU = (20 + 10 + 10)/3 = 13.3333.
		{"idisu/setting-average", equality.SummaryIDISU, abc, equality.SummaryOptions{SettingAverage: heatSE(40)},
			heatWant{100.0 / 3, nan, nan, nan}, 1e-12, 0},
		{"mdmu/setting-average", equality.SummaryMDMU, abc, equality.SummaryOptions{SettingAverage: heatSE(40)},
			heatWant{40.0 / 3, nan, nan, nan}, 1e-12, 0},
		// MDBU, favourable (best C = 50): (30 + 20 + 0)/3; MDBW = 0.2·30 + 0.4·20 = 14.
		{"mdbu/favourable", equality.SummaryMDBU, abc, fav, heatWant{50.0 / 3, nan, nan, nan}, 1e-12, 0},
		{"mdbw/favourable", equality.SummaryMDBW, abc, fav, heatWant{14, nan, nan, nan}, 1e-12, 0},
		// Adverse (best A = 20): MDBU = (0 + 10 + 30)/3; MDBW = 0.4·10 + 0.4·30 = 16.
		{"mdbu/adverse", equality.SummaryMDBU, abc, adv, heatWant{40.0 / 3, nan, nan, nan}, 1e-12, 0},
		{"mdbw/adverse", equality.SummaryMDBW, abc, adv, heatWant{16, nan, nan, nan}, 1e-12, 0},
		// MDMU = (16 + 6 + 14)/3 = 12; MDMW = 11.2.
		{"mdmu", equality.SummaryMDMU, abc, fav, heatWant{12, nan, nan, nan}, 1e-12, 0},
		{"mdmw", equality.SummaryMDMW, abc, fav, heatWant{11.2, nan, nan, nan}, 1e-12, 0},
		// Reference B = 30: MDRU = (10 + 0 + 20)/3 = 10; MDRW = 0.2·10 + 0.4·20 = 10.
		{"mdru", equality.SummaryMDRU, abcRef, fav, heatWant{10, nan, nan, nan}, 1e-12, 0},
		{"mdrw", equality.SummaryMDRW, abcRef, fav, heatWant{10, nan, nan, nan}, 1e-12, 0},
		// MLD = 1000[0.2 ln(36/20) + 0.4 ln(36/30) + 0.4 ln(36/50)]
		//     = 1000[0.2·0.5877867 + 0.4·0.1823216 − 0.4·0.3285041] = 59.084329.
		// SE = 1000 √(Σ p²s²(1 − μ/y)²/μ²) = 1000 √((0.16·0.64 + 1.44·0.04 + 4·0.1024)/1296)
		//    = 1000 √(0.5696/1296) = 19.116278.
		{"mld", equality.SummaryMLD, abc, fav,
			heatWant{59.084329, 19.116278, 59.084329 - heatZ95*19.116278, 59.084329 + heatZ95*19.116278}, 1e-7, 0},
		// TI = 1000 Σ p r ln r, r = (5/9, 5/6, 25/18):
		//    = 1000[0.2·(5/9)ln(5/9) + 0.4·(5/6)ln(5/6) + 0.4·(25/18)ln(25/18)] = 56.418778.
		// g = Σ p r (1 + ln r) = 1.0564188; (1 + ln r − g)² = (0.4150007, 0.0569969, 0.0740304);
		// SE = 1000 √(Σ p²s²(1 + ln r − g)²/μ²)
		//    = 1000 √((0.16·0.4150007 + 1.44·0.0569969 + 4·0.0740304)/1296) = 18.521703.
		{"ti", equality.SummaryTI, abc, fav,
			heatWant{56.418778, 18.521703, 56.418778 - heatZ95*18.521703, 56.418778 + heatZ95*18.521703}, 1e-7, 0},
		// PAF, favourable, best C = 50: 100(50 − 36)/36 = 38.8889. Walter with scale 100:
		// c = 0.5·200 = 100, d = 100, a = 0.36·500 − 100 = 80, b = 500 − 80 − 200 = 220,
		// SE² = 100·500(80·100·400 + 220·100²)/(180³·200³) = 2.7e11/4.6656e13, SE = 0.0760726,
		// in per cent 7.60726; PAR = 14, SE = 36·0.0760726 = 2.738613.
		{"paf", equality.SummaryPAF, abc, fav,
			heatWant{350.0 / 9, 7.6072577, 350.0/9 - heatZ95*7.6072577, 350.0/9 + heatZ95*7.6072577}, 1e-7, 0},
		{"par", equality.SummaryPAR, abc, fav,
			heatWant{14, 2.7386128, 14 - heatZ95*2.7386128, 14 + heatZ95*2.7386128}, 1e-7, 0},
		// PAF, adverse, best A = 20: 100(20 − 36)/36 = −44.4444. With a setting average of 40 and
		// no populations: PAR = 20 − 40 = −20, no interval.
		{"paf/adverse", equality.SummaryPAF, abc, adv, heatWant{-400.0 / 9, nan, nan, nan}, 1e-12, 0},
		{"par/setting-average", equality.SummaryPAR, heatNoPop(abc),
			equality.SummaryOptions{Favourability: equality.Adverse, SettingAverage: heatSE(40)},
			heatWant{-20, nan, nan, nan}, 1e-12, 0},
		// PAF ordered, adverse: the reference is still the top subgroup C = 50 > μ = 36, worse
		// than the mean for an adverse indicator, so PAF = 0. Unclamped 38.8889 ± 1.96·7.60726
		// lies above 0, so the interval clamps to [0, 0].
		{"paf/ordered-adverse-clamped", equality.SummaryPAF, ordered, ordAdv, heatWant{0, 7.6072577, 0, 0}, 1e-7, 0},
		// ACI = 2[0.2·20·(0.1 − 0.5) + 0.4·30·(0.4 − 0.5) + 0.4·50·(0.8 − 0.5)]
		//     = 2(−1.6 − 1.2 + 6) = 6.4. σ²_r = 0.2·0.16 + 0.4·0.01 + 0.4·0.09 = 0.072.
		// Regression of 0.144·y = (2.88, 4.32, 7.2) on rank: slope 6.4, intercept
		// 0.144·36 − 3.2 = 1.984, residuals (0.256, −0.224, 0.096), Σ p e² = 0.036864 on
		// 3 − 2 = 1 df; SE = √(0.036864/0.072) = √0.512 = 0.7155418. RCI = 6.4/36,
		// SE 0.7155418/36.
		{"aci", equality.SummaryACI, ordered, linear,
			heatWant{6.4, math.Sqrt(0.512), 6.4 - heatZ95*math.Sqrt(0.512), 6.4 + heatZ95*math.Sqrt(0.512)}, 1e-12, 0},
		{"rci", equality.SummaryRCI, ordered, linear,
			heatWant{6.4 / 36, math.Sqrt(0.512) / 36, nan, nan}, 1e-12, 0},
		// Linear SII: WLS slope = Σp y (r − ½)/σ²_r = 3.2/0.072 = 400/9, intercept
		// 36 − 200/9 = 124/9; residuals (16/9, −14/9, 6/9). HC1: A = (XᵀPX)⁻¹ with
		// XᵀPX = [[1, 0.5], [0.5, 0.322]] (det 0.072); B = Σ (p e)² x xᵀ =
		// [[0.5846914, 0.2243951], [0.2243951, 0.1087210]]; V = 3·A B A gives
		// V11 = 3(0.25·0.5846914 − 0.2243951 + 0.1087210)/0.072² = 17.649749, SE = 4.201160.
		{"sii/linear", equality.SummarySII, ordered, linear,
			heatWant{400.0 / 9, 4.2011604, 400.0/9 - heatZ95*4.2011604, 400.0/9 + heatZ95*4.2011604}, 1e-7, 0},
		// Linear RII = (124/9 + 400/9)/(124/9) = 524/124 = 4.2258065; gradient of ln RII
		// (1/(β0+β1) − 1/β0, 1/(β0+β1)) with V = [[8.997787, −11.656150], [−11.656150,
		// 17.649749]] gives SE 0.2345457.
		{"rii/linear", equality.SummaryRII, ordered, linear,
			heatWant{524.0 / 124, 0.2345457, 524.0 / 124 * math.Exp(-heatZ95*0.2345457), 524.0 / 124 * math.Exp(heatZ95*0.2345457)}, 1e-6, 0},
	})
}

func heatNoPop(g []equality.Subgroup) []equality.Subgroup {
	out := append([]equality.Subgroup(nil), g...)
	for i := range out {
		out[i].Population = 0
	}
	return out
}

// TestSummariseDeviations pins the places where engage deliberately differs from healthequal
// 1.0.1, each derived from healthequal's own published numbers.
func TestSummariseDeviations(t *testing.T) {
	// MLD and TI: healthequal multiplies the estimate by 1000 but not the SE. engage's SE is
	// 1000 times the delta-method SE of Σ p (−ln r), so the interval is 1000 times wider than
	// healthequal's would be.
	mld, err := equality.Summarise(equality.SummaryMLD, heatABC(false), equality.SummaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := *mld.SE, 19.116278; math.Abs(got-want) > 1e-6 {
		t.Errorf("MLD SE = %v, want %v (1000 × 0.019116278)", got, want)
	}
	// MLD is undefined, not 1e-6-substituted, when an estimate is 0.
	zero := heatABC(false)
	zero[0].Estimate = 0
	_, err = equality.Summarise(equality.SummaryMLD, zero, equality.SummaryOptions{})
	var fe *equality.FieldError
	if !errors.Is(err, equality.ErrUndefined) || !errors.As(err, &fe) || fe.Path != "/subgroups/0/estimate" {
		t.Errorf("MLD with a zero estimate: err = %v, want ErrUndefined at /subgroups/0/estimate", err)
	}
	// TI with an estimate of 0 has its limiting value and no interval.
	ti, err := equality.Summarise(equality.SummaryTI, zero, equality.SummaryOptions{})
	if err != nil || ti.Interval != nil || ti.Method != equality.SummaryNoInterval {
		t.Errorf("TI with a zero estimate = %+v, %v; want a value without interval", ti, err)
	}
	// Equal estimates: healthequal's sii() stops; engage gives SII 0 (SE 0) and RII 1. (The
	// populations are whole hundreds so that the cases, 0.9·pop, need no rounding.)
	eq := heatOrderedSample()
	for i := range eq {
		eq[i].Estimate, eq[i].Population = 90, float64(100*(i+1))
	}
	sii, err := equality.Summarise(equality.SummarySII, eq, equality.SummaryOptions{Ordered: true, Scale: 100})
	if err != nil || sii.Estimate != 0 || *sii.SE != 0 {
		t.Errorf("SII of equal estimates = %+v, %v; want 0 with SE 0", sii, err)
	}
}
