package render

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/examples/report/internal/build"
)

// Colours with at least 3:1 contrast against white (WCAG 2.1, 1.4.11 non-text contrast) for
// marks, and text in the page's near-black.
const (
	ink       = "#1b1b1b"
	muted     = "#505050"
	gridline  = "#d0d0d0"
	seriesOne = "#1d4f91" // dark blue
	seriesTwo = "#a64b00" // dark orange
)

// levelColours colour PAM levels 1 to 4, each outlined in ink so that the lighter ones keep
// their boundary's contrast; levelText is the label colour with enough contrast on each.
var (
	levelColours = [4]string{"#7f2704", "#f59f5a", "#9ecae1", "#08519c"}
	levelText    = [4]string{"#ffffff", ink, ink, "#ffffff"}
)

// svg accumulates an SVG document.
type svg struct {
	b             strings.Builder
	width, height float64
}

func f(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// newSVG opens an SVG image with an accessible name and description.
func newSVG(id string, width, height float64, title, desc string) *svg {
	s := &svg{width: width, height: height}
	s.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ` + f(width) + " " + f(height) +
		`" width="100%" style="max-width:` + f(width) + `px" aria-labelledby="` + id + `-title ` + id + `-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13">`)
	s.b.WriteString(`<title id="` + id + `-title">` + html.EscapeString(title) + `</title>`)
	s.b.WriteString(`<desc id="` + id + `-desc">` + html.EscapeString(desc) + `</desc>`)
	return s
}

func (s *svg) raw(x string) { s.b.WriteString(x) }

func (s *svg) text(x, y float64, anchor, fill, weight, t string) {
	s.b.WriteString(`<text x="` + f(x) + `" y="` + f(y) + `" text-anchor="` + anchor + `" fill="` + fill + `"`)
	if weight != "" {
		s.b.WriteString(` font-weight="` + weight + `"`)
	}
	s.b.WriteString(`>` + html.EscapeString(t) + `</text>`)
}

func (s *svg) rect(x, y, w, h float64, fill, stroke, tip string) {
	s.b.WriteString(`<rect x="` + f(x) + `" y="` + f(y) + `" width="` + f(math.Max(w, 0)) + `" height="` + f(math.Max(h, 0)) + `" fill="` + fill + `"`)
	if stroke != "" {
		s.b.WriteString(` stroke="` + stroke + `" stroke-width="1"`)
	}
	if tip != "" {
		s.b.WriteString(`><title>` + html.EscapeString(tip) + `</title></rect>`)
		return
	}
	s.b.WriteString(`/>`)
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	s.b.WriteString(`<line x1="` + f(x1) + `" y1="` + f(y1) + `" x2="` + f(x2) + `" y2="` + f(y2) + `" stroke="` + stroke + `" stroke-width="` + f(width) + `"`)
	if dash != "" {
		s.b.WriteString(` stroke-dasharray="` + dash + `"`)
	}
	s.b.WriteString(`/>`)
}

func (s *svg) String() string { return s.b.String() + `</svg>` }

// niceTicks returns round tick values covering lo … hi.
func niceTicks(lo, hi float64, n int) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ticks []float64
	for v := math.Floor(lo/step) * step; ; v += step {
		ticks = append(ticks, v)
		if v >= hi-1e-9*step {
			return ticks
		}
	}
}

// tickLabel writes a tick value with as few decimals as its step needs.
func tickLabel(v, step float64) string {
	dp := 0
	for dp < 6 && math.Abs(step*math.Pow(10, float64(dp))-math.Round(step*math.Pow(10, float64(dp)))) > 1e-9 {
		dp++
	}
	s := strconv.FormatFloat(v, 'f', dp, 64)
	if strings.HasPrefix(s, "-") {
		s = "−" + s[1:]
	}
	return s
}

// levelsChart draws the PAM level distribution as one 100 % stacked bar per series.
func levelsChart(c *build.LevelsChart) string {
	const w, left, right, barH, gap, top = 720.0, 120.0, 20.0, 34.0, 18.0, 44.0
	h := top + float64(len(c.Series))*(barH+gap) + 40
	desc := c.Description
	for _, se := range c.Series {
		desc += " " + se.Label + " (" + strconv.FormatInt(se.N, 10) + " responses):"
		for k, sh := range se.Shares {
			desc += " Level " + strconv.Itoa(k+1) + " " + pctText(sh) + ","
		}
		desc = strings.TrimSuffix(desc, ",") + "."
	}
	s := newSVG("chart-levels", w, h, c.Title, desc)
	// Legend.
	x := left
	for k := range 4 {
		s.rect(x, 12, 14, 14, levelColours[k], ink, "")
		s.text(x+20, 24, "start", ink, "", "Level "+strconv.Itoa(k+1))
		x += 100
	}
	plotW := w - left - right
	for i, se := range c.Series {
		y := top + float64(i)*(barH+gap)
		s.text(left-10, y+barH/2+5, "end", ink, "600", se.Label)
		x := left
		for k, sh := range se.Shares {
			bw := sh * plotW
			s.rect(x, y, bw, barH, levelColours[k], ink, se.Label+": Level "+strconv.Itoa(k+1)+", "+pctText(sh))
			if bw >= 44 {
				s.text(x+bw/2, y+barH/2+5, "middle", levelText[k], "600", pctText(sh))
			}
			x += bw
		}
	}
	yAxis := top + float64(len(c.Series))*(barH+gap)
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		xx := left + t*plotW
		s.line(xx, yAxis-gap+4, xx, yAxis-gap+9, muted, 1, "")
		s.text(xx, yAxis-gap+24, "middle", muted, "", strconv.Itoa(int(100*t))+" %")
	}
	return s.String()
}

func pctText(share float64) string { return strconv.FormatFloat(100*share, 'f', 1, 64) + " %" }

// gradientChart draws values by deprivation quintile at their population mid-point ranks,
// with 95 % intervals and the fitted slope index of inequality line, one colour per series.
func gradientChart(c *build.GradientChart) string {
	const w, h, left, right, top, bottom = 720.0, 400.0, 64.0, 24.0, 48.0, 64.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, se := range c.Series {
		for _, p := range se.Points {
			lo, hi = math.Min(lo, p.Lower), math.Max(hi, p.Upper)
		}
		lo = math.Min(lo, math.Min(se.Intercept, se.Intercept+se.SII))
		hi = math.Max(hi, math.Max(se.Intercept, se.Intercept+se.SII))
	}
	ticks := niceTicks(lo, hi, 5)
	step := ticks[1] - ticks[0]
	y0, y1 := ticks[0], ticks[len(ticks)-1]
	plotW, plotH := w-left-right, h-top-bottom
	px := func(rank float64) float64 { return left + rank*plotW }
	py := func(v float64) float64 { return top + (y1-v)/(y1-y0)*plotH }
	desc := c.Description
	for _, se := range c.Series {
		desc += " " + se.Label + ":"
		for _, p := range se.Points {
			desc += " quintile " + strconv.Itoa(p.Quintile) + " " + strconv.FormatFloat(p.Value, 'f', 1, 64) + ","
		}
		desc += " slope index of inequality " + strconv.FormatFloat(se.SII, 'f', 1, 64) + " (95 % CI " +
			strconv.FormatFloat(se.SIILower, 'f', 1, 64) + " to " + strconv.FormatFloat(se.SIIUpper, 'f', 1, 64) + ")."
	}
	s := newSVG("chart-gradient", w, h, c.Title, desc)
	for _, t := range ticks {
		s.line(left, py(t), w-right, py(t), gridline, 1, "")
		s.text(left-8, py(t)+4, "end", muted, "", tickLabel(t, step))
	}
	s.line(left, top+plotH, w-right, top+plotH, ink, 1, "")
	s.text(left, h-bottom+36, "start", ink, "", "Most deprived")
	s.text(w-right, h-bottom+36, "end", ink, "", "Least deprived")
	s.text(left+plotW/2, h-bottom+36, "middle", ink, "", "Rank in the population by deprivation")
	s.raw(`<text transform="translate(16 ` + f(top+plotH/2) + `) rotate(-90)" text-anchor="middle" fill="` + ink + `">` + html.EscapeString("Mean score, "+c.Unit) + `</text>`)
	colours := []string{seriesOne, seriesTwo}
	for i, se := range c.Series {
		col := colours[i%2]
		// Legend.
		lx := left + float64(i)*220
		s.line(lx, 22, lx+26, 22, col, 3, map[bool]string{true: "6 4", false: ""}[i == 1])
		s.b.WriteString(`<circle cx="` + f(lx+13) + `" cy="22" r="4" fill="` + col + `"/>`)
		s.text(lx+34, 27, "start", ink, "", se.Label)
		// Fitted line.
		s.line(px(0), py(se.Intercept), px(1), py(se.Intercept+se.SII), col, 2, map[bool]string{true: "6 4", false: ""}[i == 1])
		for _, p := range se.Points {
			x := px(p.Rank) + float64(i*2-1)*4
			s.line(x, py(p.Lower), x, py(p.Upper), col, 2, "")
			s.line(x-4, py(p.Lower), x+4, py(p.Lower), col, 2, "")
			s.line(x-4, py(p.Upper), x+4, py(p.Upper), col, 2, "")
			s.b.WriteString(`<circle cx="` + f(x) + `" cy="` + f(py(p.Value)) + `" r="5" fill="` + col + `" stroke="#ffffff" stroke-width="1"><title>` +
				html.EscapeString(se.Label+", quintile "+strconv.Itoa(p.Quintile)+": "+strconv.FormatFloat(p.Value, 'f', 1, 64)+
					" (95 % CI "+strconv.FormatFloat(p.Lower, 'f', 1, 64)+" to "+strconv.FormatFloat(p.Upper, 'f', 1, 64)+")") + `</title></circle>`)
			if i == 0 {
				s.text(px(p.Rank), top+plotH+18, "middle", muted, "", "Q"+strconv.Itoa(p.Quintile))
			}
		}
	}
	return s.String()
}

// moneyFloat reads a decimal string for drawing.
func moneyFloat(s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return x
}

// shortMoney writes an amount of pounds briefly for a chart label: £1.2m, £350k, £900.
func shortMoney(x float64) string {
	switch a := math.Abs(x); {
	case a >= 1e6:
		return "£" + strconv.FormatFloat(x/1e6, 'f', 2, 64) + "m"
	case a >= 1e3:
		return "£" + strconv.FormatFloat(x/1e3, 'f', 0, 64) + "k"
	}
	return "£" + strconv.FormatFloat(x, 'f', 0, 64)
}

// yearsChart draws the present value of outcomes and of inputs by year as paired bars.
func yearsChart(c *build.YearsChart) string {
	const w, h, left, right, top, bottom = 720.0, 340.0, 72.0, 20.0, 48.0, 48.0
	hi := 0.0
	for _, y := range c.Years {
		hi = math.Max(hi, math.Max(moneyFloat(y.PresentValue), moneyFloat(y.InputsPresentValue)))
	}
	ticks := niceTicks(0, hi, 4)
	y1 := ticks[len(ticks)-1]
	plotW, plotH := w-left-right, h-top-bottom
	py := func(v float64) float64 { return top + (y1-v)/y1*plotH }
	desc := c.Description
	for _, y := range c.Years {
		desc += " Year " + strconv.Itoa(y.Year) + ": outcomes " + shortMoney(moneyFloat(y.PresentValue)) + ", inputs " + shortMoney(moneyFloat(y.InputsPresentValue)) + "."
	}
	s := newSVG("chart-years", w, h, c.Title, desc)
	for _, t := range ticks {
		s.line(left, py(t), w-right, py(t), gridline, 1, "")
		s.text(left-8, py(t)+4, "end", muted, "", shortMoney(t))
	}
	s.rect(left, 14, 14, 14, seriesOne, "", "")
	s.text(left+20, 26, "start", ink, "", "Outcomes, present value")
	s.rect(left+220, 14, 14, 14, seriesTwo, "", "")
	s.text(left+240, 26, "start", ink, "", "Inputs, present value")
	slot := plotW / float64(max(len(c.Years), 1))
	bw := math.Min(60, slot/3)
	for i, y := range c.Years {
		cx := left + slot*(float64(i)+0.5)
		for k, v := range []float64{moneyFloat(y.PresentValue), moneyFloat(y.InputsPresentValue)} {
			x := cx - bw - 2 + float64(k)*(bw+4)
			col := []string{seriesOne, seriesTwo}[k]
			what := []string{"outcomes", "inputs"}[k]
			s.rect(x, py(v), bw, top+plotH-py(v), col, "", "Year "+strconv.Itoa(y.Year)+", "+what+": "+shortMoney(v))
			if v > 0 {
				s.text(x+bw/2, py(v)-6, "middle", ink, "", shortMoney(v))
			}
		}
		s.text(cx, top+plotH+20, "middle", ink, "", "Year "+strconv.Itoa(y.Year))
	}
	s.line(left, top+plotH, w-right, top+plotH, ink, 1, "")
	return s.String()
}

// tornadoChart draws the SROI ratio with each assumption at its lowest and highest value.
func tornadoChart(c *build.TornadoChart) string {
	const w, left, right, top, barH, gap = 800.0, 340.0, 60.0, 56.0, 22.0, 8.0
	h := top + float64(len(c.Bars))*(barH+gap) + 44
	lo, hi := c.Base, c.Base
	for _, b := range c.Bars {
		lo, hi = math.Min(lo, math.Min(b.Low, b.High)), math.Max(hi, math.Max(b.Low, b.High))
	}
	if lo < 2 {
		lo = math.Min(lo, 1) // show where the ratio would break even when it comes close
	}
	ticks := niceTicks(lo, hi, 5)
	step := ticks[1] - ticks[0]
	x0, x1 := ticks[0], ticks[len(ticks)-1]
	plotW := w - left - right
	px := func(v float64) float64 { return left + (v-x0)/(x1-x0)*plotW }
	desc := c.Description + " Base ratio " + strconv.FormatFloat(c.Base, 'f', 2, 64) + "."
	for _, b := range c.Bars {
		desc += " " + b.Label + ": " + strconv.FormatFloat(b.Low, 'f', 2, 64) + " at " + b.LowLabel + ", " +
			strconv.FormatFloat(b.High, 'f', 2, 64) + " at " + b.HighLabel + "."
	}
	s := newSVG("chart-tornado", w, h, c.Title, desc)
	plotBottom := top + float64(len(c.Bars))*(barH+gap)
	for _, t := range ticks {
		s.line(px(t), top-6, px(t), plotBottom, gridline, 1, "")
		s.text(px(t), plotBottom+18, "middle", muted, "", tickLabel(t, step))
	}
	s.text(left+plotW/2, plotBottom+38, "middle", ink, "", "SROI ratio (value per £1 of inputs)")
	s.rect(left, 10, 14, 14, seriesOne, "", "")
	s.text(left+20, 22, "start", ink, "", "Assumption at its lowest value")
	s.rect(left+250, 10, 14, 14, seriesTwo, "", "")
	s.text(left+270, 22, "start", ink, "", "At its highest value")
	for i, b := range c.Bars {
		y := top + float64(i)*(barH+gap)
		label := b.Label
		if r := []rune(label); len(r) > 46 {
			label = string(r[:45]) + "…"
		}
		s.b.WriteString(`<text x="` + f(left-10) + `" y="` + f(y+barH/2+5) + `" text-anchor="end" fill="` + ink + `">` +
			html.EscapeString(label) + `<title>` + html.EscapeString(b.Label) + `</title></text>`)
		for k, v := range []float64{b.Low, b.High} {
			col := []string{seriesOne, seriesTwo}[k]
			val := []string{b.LowLabel, b.HighLabel}[k]
			x, wd := px(math.Min(v, c.Base)), math.Abs(px(v)-px(c.Base))
			s.rect(x, y, wd, barH, col, "", b.Label+" at "+val+": ratio "+strconv.FormatFloat(v, 'f', 2, 64))
		}
		lx, rx := math.Min(b.Low, b.High), math.Max(b.Low, b.High)
		s.text(px(lx)-4, y+barH/2+5, "end", muted, "", strconv.FormatFloat(lx, 'f', 2, 64))
		s.text(px(rx)+4, y+barH/2+5, "start", muted, "", strconv.FormatFloat(rx, 'f', 2, 64))
	}
	s.line(px(c.Base), top-10, px(c.Base), plotBottom, ink, 2, "")
	s.text(px(c.Base), top-14, "middle", ink, "600", "Base "+strconv.FormatFloat(c.Base, 'f', 2, 64))
	if x0 <= 1 {
		s.line(px(1), top-6, px(1), plotBottom, "#8a1c1c", 1.5, "4 3")
		s.text(px(1)+4, top-14, "start", "#8a1c1c", "", "1 : 1")
	}
	return s.String()
}
