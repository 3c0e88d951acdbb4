package main

import (
	"math/big"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out, "en-GB"); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	// The headline ratio, by hand from model.json under the Green Book rate of 3.5 %
	// (d1 = 1/1.035, d2 = 1/1.035²), with the GP and A&E proxies uplifted from 2022 prices
	// by 100/90.5005:
	//   loneliness   315,000 × 0.75 × 0.65 = 153,562.50, then 76,781.25
	//   wellbeing    216,000 × 0.70 × 0.70 = 105,840.00, then 63,504.00
	//   GP visits    1,150 × 42 × 100/90.5005 × 0.8 × 0.8
	//   A&E          95 × 132 × 100/90.5005 × 0.8 × 0.9 × 0.75
	//   volunteers   36,000 × 0.6 × 0.8 = 17,280
	//   travel       −3,150
	//   ratio = (year-1 total × d1 + year-2 total × d2) ÷ 244,000 = 1.7847… → £1.78 : £1
	up := new(big.Rat).Quo(big.NewRat(100, 1), rat("90.5005"))
	gp := new(big.Rat).Mul(rat("30912"), up)    // 1,150 × 42 × 0.64
	ae := new(big.Rat).Mul(rat("6771.6"), up)   // 95 × 132 × 0.54
	y1 := new(big.Rat).Add(rat("273532.5"), gp) // 153,562.50 + 105,840 + 17,280 − 3,150
	y1.Add(y1, ae)
	y2 := rat("140285.25") // 76,781.25 + 63,504
	pv := new(big.Rat).Add(new(big.Rat).Quo(y1, rat("1.035")), new(big.Rat).Quo(y2, rat("1.071225")))
	ratio := new(big.Rat).Quo(pv, rat("244000"))
	want := "£" + ratio.FloatString(2) + " : £1"
	for _, line := range []string{
		"ALL FIGURES ARE FICTIONAL",
		"Impact map", "Value year by year", "Sensitivity", "What if", "Uncertainty",
	} {
		if !strings.Contains(s, line) {
			t.Errorf("output lacks %q:\n%s", line, s)
		}
	}
	found := false
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "SROI ratio ") {
			found = true
			if got := strings.TrimSpace(strings.TrimPrefix(line, "SROI ratio")); got != want {
				t.Errorf("headline ratio %q, want %q", got, want)
			}
		}
	}
	if !found {
		t.Errorf("no headline ratio in:\n%s", s)
	}
	var cy strings.Builder
	if err := run(&cy, "cy-GB"); err != nil {
		t.Fatal(err)
	}
	if err := run(&strings.Builder{}, "fr-FR"); err == nil {
		t.Errorf("unsupported locale accepted")
	}
}

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}
