package render

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/examples/report/internal/build"
	"github.com/peopleandcommunities/engage/internal/figure"
)

// HTML writes the report as one self-contained HTML page: no scripts, fonts, images or style
// sheets are fetched; the charts are inline SVG. The page is written for accessibility:
// one h1 and a heading for every section, a contents list, a caption on every table with
// header cells scoped, every chart an image with a title, a description that gives its
// numbers in words, and the same numbers in a table nearby, and colours that keep at least
// 4.5:1 contrast for text and 3:1 for marks.
func HTML(w io.Writer, r *build.Report) error {
	charts := map[string]template.HTML{}
	if c := r.Charts.ActivationLevels; c != nil {
		charts["activationLevels"] = svgFigure(levelsChart(c), c.Title, c.Description)
	}
	if c := r.Charts.ActivationGradient; c != nil {
		charts["activationGradient"] = svgFigure(gradientChart(c), c.Title, c.Description)
	}
	if c := r.Charts.SROIByYear; c != nil {
		charts["sroiByYear"] = svgFigure(yearsChart(c), c.Title, c.Description)
	}
	if c := r.Charts.SROITornado; c != nil {
		charts["sroiTornado"] = svgFigure(tornadoChart(c), c.Title, c.Description)
	}
	// A finding that speaks to two principles is set out in full under the first and
	// referred to under the second.
	first := map[string]string{}
	var principles []principleView
	for _, p := range r.Principles {
		pv := principleView{Principle: p, Numbers: findingNumbers(p)}
		for _, f := range p.Findings {
			fv := findingView{Finding: f, Number: pv.Numbers[f.ID], Anchor: "finding-" + strconv.Itoa(p.Number) + "-" + f.ID}
			if at, ok := first[f.ID]; ok {
				fv.SeeAlso = at
			} else {
				first[f.ID] = fv.Anchor
				for _, c := range f.Charts {
					fv.Charts = append(fv.Charts, charts[c])
				}
			}
			pv.Findings = append(pv.Findings, fv)
		}
		principles = append(principles, pv)
	}
	return page.Execute(w, struct {
		R          *build.Report
		Principles []principleView
		First      map[string]string
	}{r, principles, first})
}

// principleView is a principle as the page shows it.
type principleView struct {
	build.Principle
	Numbers  map[string]string
	Findings []findingView
}

// findingView is a finding as the page shows it: in full with its charts, or, when it was set
// out under an earlier principle, as a reference to it (SeeAlso, the earlier anchor).
type findingView struct {
	build.Finding
	Number  string
	Anchor  string
	SeeAlso string
	Charts  []template.HTML
}

// svgFigure wraps an SVG chart in a figure with its caption. The SVG is built by this package
// with every piece of text escaped.
func svgFigure(svg, title, desc string) template.HTML {
	return template.HTML(`<figure>` + svg + `<figcaption><strong>` + template.HTMLEscapeString(title) + `.</strong> ` +
		template.HTMLEscapeString(desc) + `</figcaption></figure>`)
}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"numbers": findingNumbers,
	"grouped": figure.Whole[int],
	"reported": func(inds []build.IndicatorRef) string {
		var names []string
		for _, i := range inds {
			if i.Reported {
				names = append(names, i.Name)
			}
		}
		return strings.Join(names, "; ")
	},
	"pct": func(x float64) string {
		return strconv.FormatFloat(100*x, 'f', -1, 64)
	},
	"prose": prose,
}).Parse(pageTemplate))

// prose writes a sentence for the page, escaped, with a no-break space between a figure and
// its per cent sign so that a line never starts with "%".
func prose(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), " %", "&nbsp;%"))
}

const pageTemplate = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.R.Title}}</title>
<style>
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1b1b1b; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
header, main, footer, nav { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .5rem; padding-top: .75rem; border-top: 3px solid #1d4f91; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 1.75rem 0 .4rem; }
.notice { background: #fff4ce; border-left: 6px solid #7a5b00; padding: .6rem .9rem; font-weight: 600; }
.lede { color: #3b3b3b; }
.coverage { font-weight: 600; }
.headline { font-size: 1.1rem; background: #eef3fa; border-left: 6px solid #1d4f91; padding: .5rem .9rem; }
.finding { border-top: 1px solid #c8c8c8; margin-top: 1.5rem; }
.meta { color: #3b3b3b; font-size: .92rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; caption-side: top; }
th, td { border-bottom: 1px solid #c8c8c8; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #1b1b1b; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.yes { color: #0b6623; font-weight: 600; }
.no { color: #505050; }
figure { margin: 1.25rem 0; }
figcaption { font-size: .92rem; color: #3b3b3b; margin-top: .35rem; }
.table-wrap { overflow-x: auto; }
a { color: #1d4f91; }
a:focus { outline: 3px solid #7a5b00; outline-offset: 2px; }
code { font-size: .9em; }
ul.contents { list-style: none; padding-left: 0; }
.status { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 600; border: 1px solid #1b1b1b; white-space: nowrap; }
.status-good { background: #d7efdc; color: #0b4d1c; }
.status-evidenced { background: #e3ecf7; color: #133a6b; }
.status-partial { background: #eeeeee; color: #1b1b1b; }
.status-mixed { background: #fff0c2; color: #5c4400; }
.status-concern { background: #fadbd8; color: #7a1c12; }
.status-no-evidence { background: #ffffff; color: #3b3b3b; }
ul.judgements { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .88rem; color: #2b2b2b; }
.verdict { background: #f6f6f6; padding: .5rem .9rem; border-left: 6px solid #505050; }
ul.contents li { margin: .2rem 0; }
dt { font-weight: 600; margin-top: .6rem; }
dd { margin-left: 1.25rem; }
footer { padding-bottom: 2rem; color: #3b3b3b; font-size: .9rem; }
</style>
</head>
<body>
<header>
<h1>{{.R.Title}}</h1>
{{if .R.Notice}}<p class="notice" role="note">{{.R.Notice}}</p>{{end}}
<p class="lede">A report on {{.R.Place.Name}} ({{.R.Place.Code}}), period {{.R.Period}}, following the framework <cite>{{.R.Framework}}</cite>. Every interval is a 95 % confidence interval.</p>
</header>
<nav aria-label="Contents">
<h2 id="contents">Contents</h2>
<ul class="contents">
<li><a href="#highlights">Highlights</a></li>
{{if .R.Assessment}}<li><a href="#assessment">Assessment</a></li>{{end}}
{{range .R.Principles}}<li><a href="#principle-{{.Number}}">{{.Number}}. {{.Title}}</a></li>
{{end}}{{if .R.Assessment}}<li><a href="#actions">The statutory guidance's ten key actions</a></li>{{end}}
<li><a href="#methods">Methods and sources</a></li>
</ul>
</nav>
<main>
<section aria-labelledby="highlights">
<h2 id="highlights">Highlights</h2>
<ul>
{{range .R.Highlights}}<li>{{prose .}}</li>
{{end}}</ul>
</section>
{{with .R.Assessment}}<section aria-labelledby="assessment">
<h2 id="assessment">Assessment</h2>
<p>{{prose .Summary}}</p>
<div class="table-wrap">
<table>
<caption>The principles' statuses, from the principle-by-principle assessment of the evidence (rules in each principle's section)</caption>
<thead><tr><th scope="col">Principle</th><th scope="col">Status</th></tr></thead>
<tbody>
{{range $.R.Principles}}<tr><th scope="row"><a href="#principle-{{.Number}}">{{.Number}}. {{.Name}}</a></th><td><span class="status status-{{.Status}}">{{.StatusLabel}}</span></td></tr>
{{end}}</tbody>
</table>
</div>
</section>
{{end}}
{{range $p := .Principles}}{{$num := $p.Numbers}}
<section id="principle-{{$p.Number}}" aria-labelledby="principle-{{$p.Number}}-title">
<h2 id="principle-{{$p.Number}}-title">{{$p.Number}}. {{$p.Title}}</h2>
<p>{{$p.Summary}}</p>
{{if $p.StatusLabel}}<p class="verdict"><strong>Status: <span class="status status-{{$p.Status}}">{{$p.StatusLabel}}</span>.</strong> {{prose $p.Reason}}<br><span class="meta">Rule: {{$p.Rule}}</span></p>{{end}}
<p class="coverage">{{$p.Coverage}}</p>
<h3>Measures of success and the evidence for them</h3>
<div class="table-wrap">
<table>
<caption>Principle {{$p.Number}}: measures of success, the indicators that evidence them, and what these documents hold</caption>
<thead><tr><th scope="col">Measure of success</th>{{if $p.StatusLabel}}<th scope="col">Status</th>{{end}}<th scope="col">Evidence in these documents</th><th scope="col">Indicators not supplied</th></tr></thead>
<tbody>
{{range $m := $p.Measures}}<tr>
<th scope="row">{{$m.Name}}</th>
{{if $p.StatusLabel}}<td><span class="status status-{{$m.Status}}">{{$m.StatusLabel}}</span></td>{{end}}
<td>{{reported $m.Indicators}}{{if $m.Findings}}; findings {{range $i, $id := $m.Findings}}{{if $i}}, {{end}}<a href="#finding-{{$p.Number}}-{{$id}}">{{index $num $id}}</a>{{end}}{{end}}{{if not (or $m.Findings $m.Judgements)}}<span class="no">None</span>{{end}}
{{if $m.Judgements}}<ul class="judgements">{{range $m.Judgements}}<li>{{prose .}}</li>{{end}}</ul>{{end}}</td>
<td>{{range $i, $ind := $m.Indicators}}{{if not $ind.Reported}}{{$ind.Name}}{{if eq $ind.Coverage "out-of-date"}} (out of date){{end}}<br>{{end}}{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</div>
{{if $p.Findings}}<h3>Findings</h3>{{end}}
{{range $f := $p.Findings}}
<article class="finding" id="{{$f.Anchor}}" aria-labelledby="{{$f.Anchor}}-title">
<h4 id="{{$f.Anchor}}-title">{{$f.Number}} {{$f.Title}}</h4>
{{with $f.Headline}}<p class="headline"><strong>{{.Label}}:</strong> {{prose .Text}}</p>{{end}}
{{if $f.SeeAlso}}<p>Set out in full, with its tables and charts, <a href="#{{$f.SeeAlso}}">above</a>.</p>
{{else}}<ul>
{{range $f.Statements}}<li>{{prose .}}</li>
{{end}}</ul>
{{range $f.Charts}}{{.}}
{{end}}
{{range $t := $f.Tables}}<div class="table-wrap">
<table>
<caption>{{$t.Caption}}</caption>
<thead><tr>{{range $t.Columns}}<th scope="col"{{if .Numeric}} class="num"{{end}}>{{.Title}}</th>{{end}}</tr></thead>
<tbody>
{{range $row := $t.Rows}}<tr>{{range $i, $c := $row}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td{{if (index $t.Columns $i).Numeric}} class="num"{{end}}>{{$c}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{end}}
<p class="meta">Methods: {{range $i, $m := $f.Methods}}{{if $i}}, {{end}}<a href="#method-{{$m}}">{{$m}}</a>{{end}}. Source: <code>{{$f.Source}}</code> in the place bundle.</p>
{{end}}</article>
{{end}}
</section>
{{end}}
{{with .R.Assessment}}<section aria-labelledby="actions">
<h2 id="actions">The statutory guidance's ten key actions</h2>
<div class="table-wrap">
<table>
<caption>Key actions of the statutory guidance on involving people in their own health and care, with the current evidence that each is being taken</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead>
<tbody>
{{range .Actions}}<tr><th scope="row">{{.Number}}. {{.Title}}</th><td><span class="status status-{{.Status}}">{{.StatusLabel}}</span></td><td>{{range $i, $e := .Evidence}}{{if $i}}; {{end}}{{$e}}{{end}}</td></tr>
{{end}}</tbody>
</table>
</div>
{{if .Excluded}}<h3>Left out of the assessment</h3>
<ul>{{range .Excluded}}<li>{{prose .}}</li>{{end}}</ul>{{end}}
</section>
{{end}}
<section aria-labelledby="methods">
<h2 id="methods">Methods and sources</h2>
<dl>
{{range .R.Methods}}<dt id="method-{{.ID}}">{{.ID}}</dt>
<dd>{{.Name}}. {{.Citation}}.</dd>
{{end}}</dl>
</section>
</main>
<footer>
<p>Settings: intervals at {{pct .R.Settings.Confidence}} %; slope index of inequality limits from {{grouped .R.Settings.Repetitions}} Monte Carlo repetitions with seed {{.R.Settings.Seed}}{{if .R.Settings.Calibration}}; PAM calibration {{.R.Settings.Calibration}}, levels {{.R.Settings.LevelScheme}}{{end}}. Made with engage.</p>
</footer>
</body>
</html>
`
