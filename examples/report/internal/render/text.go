// Package render writes an engagement report for people: as aligned text for a terminal, or
// as one self-contained, accessible HTML page with inline SVG charts. Rendering is pure: it
// writes to the io.Writer it is given and reads nothing else.
package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peopleandcommunities/engage/examples/report/internal/build"
	"github.com/peopleandcommunities/engage/internal/figure"
)

// Width is the column at which the text report wraps its prose.
const Width = 100

// Text writes the report as plain text: a heading, the highlights, then each principle with
// its measures of success, the evidence found for each, and the findings with their tables,
// methods and sources, and finally the methods cited.
func Text(w io.Writer, r *build.Report) error {
	bw := bufio.NewWriter(w)
	t := textWriter{w: bw}
	t.line(strings.ToUpper(r.Title))
	t.line(strings.Repeat("=", min(Width, utf8.RuneCountInString(r.Title))))
	if r.Notice != "" {
		t.blank()
		t.wrap("", "", r.Notice)
	}
	t.blank()
	t.wrap("", "", "Framework: "+r.Framework+". Every interval is a 95 % confidence interval.")
	t.blank()
	t.line("HIGHLIGHTS")
	for _, h := range r.Highlights {
		t.wrap("  • ", "    ", h)
	}
	if a := r.Assessment; a != nil {
		t.blank()
		t.line("ASSESSMENT")
		t.wrap("  ", "  ", a.Summary)
		t.blank()
		tb := build.Table{Caption: "The principles' statuses (rules in each principle's section)",
			Columns: []build.Column{{Title: "Principle"}, {Title: "Status"}}}
		for _, p := range r.Principles {
			tb.Rows = append(tb.Rows, []string{strconv.Itoa(p.Number) + ". " + p.Name, p.StatusLabel})
		}
		t.table("  ", tb)
	}
	shown := map[string]string{} // findings already set out in full, by their number
	for _, p := range r.Principles {
		t.blank()
		t.line(strings.Repeat("─", Width))
		t.wrap("", "   ", strconv.Itoa(p.Number)+". "+p.Title)
		t.line(strings.Repeat("─", Width))
		t.wrap("   ", "   ", p.Summary)
		if p.StatusLabel != "" {
			t.blank()
			t.wrap("   Status: ", "   ", p.StatusLabel+". "+p.Reason)
			t.wrap("   Rule: ", "   ", p.Rule)
		}
		t.wrap("   ", "   ", p.Coverage)
		numbers := findingNumbers(p)
		t.blank()
		t.line("   Measures of success and the evidence for them")
		for _, m := range p.Measures {
			mark := "·"
			if len(m.Findings) > 0 || len(m.Judgements) > 0 {
				mark = "✓"
			}
			name := m.Name
			if m.StatusLabel != "" {
				name = "[" + m.StatusLabel + "] " + name
			}
			t.wrap("   "+mark+" ", "     ", name)
			var reported, missing []string
			for _, ind := range m.Indicators {
				switch {
				case ind.Reported:
					reported = append(reported, ind.Name)
				case ind.Coverage == "out-of-date":
					missing = append(missing, ind.Name+" (out of date)")
				default:
					missing = append(missing, ind.Name)
				}
			}
			for _, j := range m.Judgements {
				t.wrap("       assessment: ", "                   ", j)
			}
			switch {
			case len(m.Findings) > 0:
				var refs []string
				for _, id := range m.Findings {
					refs = append(refs, numbers[id])
				}
				t.wrap("       evidence: ", "                 ", strings.Join(reported, "; ")+" (findings "+strings.Join(refs, ", ")+")")
			case len(reported) > 0:
				t.wrap("       evidence: ", "                 ", strings.Join(reported, "; "))
			default:
				t.wrap("       ", "       ", "No evidence in these documents.")
			}
			if len(missing) > 0 {
				t.wrap("       not supplied: ", "                     ", strings.Join(missing, "; "))
			}
		}
		for _, f := range p.Findings {
			t.blank()
			t.wrap("   ", "        ", numbers[f.ID]+" "+f.Title)
			if f.Headline != nil {
				t.wrap("        ", "        ", f.Headline.Label+": "+f.Headline.Text)
			}
			if at, ok := shown[f.ID]; ok {
				t.wrap("        ", "        ", "Set out in full as finding "+at+".")
				continue
			}
			shown[f.ID] = numbers[f.ID]
			for _, s := range f.Statements {
				t.wrap("        - ", "          ", s)
			}
			for _, tb := range f.Tables {
				t.blank()
				t.table("        ", tb)
			}
			t.blank()
			t.wrap("        Methods: ", "                 ", strings.Join(f.Methods, ", ")+". Source: "+f.Source+".")
		}
	}
	if a := r.Assessment; a != nil {
		t.blank()
		t.line(strings.Repeat("─", Width))
		t.line("THE STATUTORY GUIDANCE'S TEN KEY ACTIONS")
		for _, act := range a.Actions {
			t.wrap("  "+strconv.Itoa(act.Number)+". ", "      ", "["+act.StatusLabel+"] "+act.Title)
			if len(act.Evidence) > 0 {
				t.wrap("      evidence: ", "                ", strings.Join(act.Evidence, "; "))
			}
		}
		if len(a.Excluded) > 0 {
			t.blank()
			t.line("  Left out of the assessment:")
			for _, e := range a.Excluded {
				t.wrap("  - ", "    ", e)
			}
		}
	}
	t.blank()
	t.line(strings.Repeat("─", Width))
	t.line("METHODS AND SOURCES")
	for _, m := range r.Methods {
		t.wrap("  ["+m.ID+"] ", "      ", m.Name+". "+m.Citation+".")
	}
	t.blank()
	s := r.Settings
	settings := "Settings: intervals at " + strconv.FormatFloat(100*s.Confidence, 'f', -1, 64) + " %; slope index limits from " +
		figure.Whole(s.Repetitions) + " Monte Carlo repetitions, seed " + strconv.FormatUint(s.Seed, 10)
	if s.Calibration != "" {
		settings += "; PAM calibration " + s.Calibration + ", levels " + s.LevelScheme
	}
	t.wrap("", "  ", settings+".")
	if t.err != nil {
		return t.err
	}
	return bw.Flush()
}

// findingNumbers numbers a principle's findings "1.1", "1.2", ….
func findingNumbers(p build.Principle) map[string]string {
	m := map[string]string{}
	for i, f := range p.Findings {
		m[f.ID] = strconv.Itoa(p.Number) + "." + strconv.Itoa(i+1)
	}
	return m
}

type textWriter struct {
	w   *bufio.Writer
	err error
}

func (t *textWriter) line(s string) {
	if t.err != nil {
		return
	}
	_, t.err = t.w.WriteString(strings.TrimRight(s, " ") + "\n")
}

func (t *textWriter) blank() { t.line("") }

// wrap writes s in lines of at most Width runes, the first starting with first and the rest
// with rest. A per cent sign stays on the line of the figure it follows ("86.2 %").
func (t *textWriter) wrap(first, rest, s string) {
	prefix := first
	var cur strings.Builder
	n := 0
	flush := func() {
		t.line(prefix + cur.String())
		prefix = rest
		cur.Reset()
		n = 0
	}
	for _, word := range unbroken(s) {
		wl := utf8.RuneCountInString(word)
		if n > 0 && utf8.RuneCountInString(prefix)+n+1+wl > Width {
			flush()
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 || prefix == first {
		flush()
	}
}

// unbroken splits s into the words that wrap may put on different lines: at spaces, but
// never before a per cent sign.
func unbroken(s string) []string {
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		if len(out) > 0 && strings.HasPrefix(f, "%") {
			out[len(out)-1] += " " + f
			continue
		}
		out = append(out, f)
	}
	return out
}

// table writes a table with a caption, its columns aligned: text left, numbers right.
func (t *textWriter) table(indent string, tb build.Table) {
	t.wrap(indent+"Table: ", indent+"       ", tb.Caption)
	widths := make([]int, len(tb.Columns))
	for i, c := range tb.Columns {
		widths[i] = utf8.RuneCountInString(c.Title)
	}
	for _, row := range tb.Rows {
		for i, cell := range row {
			if i < len(widths) {
				widths[i] = max(widths[i], utf8.RuneCountInString(cell))
			}
		}
	}
	cell := func(i int, s string) string {
		pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(s))
		if tb.Columns[i].Numeric {
			return pad + s
		}
		return s + pad
	}
	var head, rule []string
	for i, c := range tb.Columns {
		head = append(head, cell(i, c.Title))
		rule = append(rule, strings.Repeat("-", widths[i]))
	}
	t.line(indent + strings.Join(head, "  "))
	t.line(indent + strings.Join(rule, "  "))
	for _, row := range tb.Rows {
		var cells []string
		for i := range tb.Columns {
			s := ""
			if i < len(row) {
				s = row[i]
			}
			cells = append(cells, cell(i, s))
		}
		t.line(indent + strings.Join(cells, "  "))
	}
}
