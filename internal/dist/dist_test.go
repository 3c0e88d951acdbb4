package dist

import (
	"errors"
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestReferenceQuantiles(t *testing.T) {
	// Reference values: R 4.x, qnorm/qt/qchisq/qbeta (also tabulated in standard tables).
	cases := []struct {
		name string
		got  func() (float64, error)
		want float64
		tol  float64
	}{
		{"z(0.95)", func() (float64, error) { return Z(0.95) }, 1.959963984540054, 1e-12},
		{"z(0.998)", func() (float64, error) { return Z(0.998) }, 3.090232306167813, 1e-12},
		{"qt(0.975, 9)", func() (float64, error) { return TQuantile(0.975, 9) }, 2.262157162798205, 1e-10},
		{"qchisq(0.025, 20)", func() (float64, error) { return ChiSquareQuantile(0.025, 20) }, 9.590777392264869, 1e-9},
		{"qchisq(0.975, 22)", func() (float64, error) { return ChiSquareQuantile(0.975, 22) }, 36.78071208403, 1e-8},
		{"qchisq(0.5, 0)", func() (float64, error) { return ChiSquareQuantile(0.5, 0) }, 0, 0},
		{"qbeta(0.025, 2, 9)", func() (float64, error) { return BetaQuantile(0.025, 2, 9) }, 0.02521073, 1e-7},
	}
	for _, c := range cases {
		got, err := c.got()
		if err != nil || !near(got, c.want, c.tol) {
			t.Errorf("%s = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
}

func TestDomainErrors(t *testing.T) {
	bad := []func() (float64, error){
		func() (float64, error) { return Z(1) },
		func() (float64, error) { return Z(math.NaN()) },
		func() (float64, error) { return TQuantile(0.5, 0) },
		func() (float64, error) { return ChiSquareQuantile(1, 3) },
		func() (float64, error) { return ChiSquareQuantile(0.5, -1) },
		func() (float64, error) { return BetaQuantile(0.5, 0, 1) },
		func() (float64, error) { return ChiSquareSurvival(-1, 2) },
	}
	for i, f := range bad {
		if _, err := f(); !errors.Is(err, ErrDomain) {
			t.Errorf("case %d: err = %v, want ErrDomain", i, err)
		}
	}
}
