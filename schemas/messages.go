package schemas

import (
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A reporter explains why a document does not conform: it turns failures into Violations
// with messages written here from each keyword and its parameters, never the validator
// library's text, and never quoting a value from the document (which may be personal data)
// beyond a field name, shortened if long.
type reporter struct {
	raw  map[string]any // schema documents by absolute URL
	doc  any            // the decoded document, unless sparse
	data []byte         // the document as sent, for document order
	// With sparse set there is no decoded document: the values the failures are about
	// are read from src (the document as a string) when needed, in one pass that stops
	// after the last of them (see readLeaves). A document failing in more than
	// MaxViolations places is explained so, at a cost that grows with the violations
	// listed rather than with the document.
	sparse bool
	src    string
	shapes map[string]*trieNode // with sparse, the values the leaves are about, by pointer
}

// report returns every violation below root: leaves only, explained, without duplicates,
// in document order.
func (r *reporter) report(root *failure) []Violation {
	ls := r.leaves(root)
	ls = supersede(ls)
	if r.sparse {
		r.readLeaves(ls)
	}
	var out []Violation
	for _, l := range ls {
		out = append(out, r.explain(l)...)
	}
	out = dedupe(out)
	r.order(out)
	return out
}

// supersede drops a "pattern" failure when a "format" in the same subschema failed for the
// same value: engage's shared definitions carry both (the pattern for validators that do not
// assert formats), and the format's message is the more helpful of the two.
func supersede(ls []leaf) []leaf {
	type place struct{ instance, url, schema string }
	formatted := map[place]bool{}
	for _, l := range ls {
		if l.name == "format" {
			formatted[place{l.instance, l.url, l.parentKeyword()}] = true
		}
	}
	if len(formatted) == 0 {
		return ls
	}
	out := ls[:0:0]
	for _, l := range ls {
		if l.name == "pattern" && formatted[place{l.instance, l.url, l.parentKeyword()}] {
			continue
		}
		out = append(out, l)
	}
	return out
}

func dedupe(vs []Violation) []Violation {
	seen := make(map[Violation]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// param returns the value of the leaf's keyword in its schema: 1 for "maximum": 1.
func (r *reporter) param(l leaf) any {
	v, _ := resolvePointer(r.raw[l.url], l.keyword)
	return v
}

// schemaOf returns the schema object that holds the leaf's keyword.
func (r *reporter) schemaOf(l leaf) map[string]any {
	v, _ := resolvePointer(r.raw[l.url], l.parentKeyword())
	m, _ := v.(map[string]any)
	return m
}

// value returns the value at ptr, for the explanations that look at it; without a decoded
// document (sparse), only its shape: a string, number, boolean or null as it is, an object
// with its field names (their values nil), an array without its items.
func (r *reporter) value(ptr string) (any, bool) {
	if !r.sparse {
		return resolvePointer(r.doc, ptr)
	}
	if n, ok := r.shapes[ptr]; ok && n.reached {
		return n.value, true
	}
	return nil, false
}

// fullValue returns the whole value at ptr, for the explanations that compare values.
func (r *reporter) fullValue(ptr string) (any, bool) {
	if !r.sparse {
		return resolvePointer(r.doc, ptr)
	}
	if n, ok := r.shapes[ptr]; ok && n.reached {
		d := decoder{src: r.src, pos: n.offset}
		return d.value(), true
	}
	return nil, false
}

// readLeaves finds, for a sparse reporter, the values the leaves are about, and reads their
// shapes, in one pass over the document that ends after the last of them.
func (r *reporter) readLeaves(ls []leaf) {
	root := &trieNode{offset: -1}
	r.shapes = make(map[string]*trieNode, len(ls))
	for _, l := range ls {
		r.shapes[l.instance] = root.want(l.instance, true)
	}
	p := positioner{data: r.data, todo: root.pending}
	p.walk(root)
}

// explain writes the violations one leaf stands for: usually one, but one per missing field
// for "required" and one per undefined field for "additionalProperties".
//
// Where a violation points: at the value that is wrong; for a missing required field, at
// the place the field should be ("/answers" when the document lacks "answers"); for a field
// the schema does not define, at that field. Pointing at the field rather than at the
// object that holds it lets a form or an editor highlight exactly what to add or remove.
func (r *reporter) explain(l leaf) []Violation {
	one := func(msg string) []Violation {
		return []Violation{{Pointer: l.instance, Code: l.name, Message: msg}}
	}
	if slices.Contains(l.chain, "propertyNames") {
		name := lastToken(l.instance)
		return []Violation{{Pointer: l.instance, Code: "propertyNames",
			Message: "has a field name the schema does not allow (" + quoteName(name) + ")" + r.described(r.schemaAt(l.url, chainPrefix(l.keyword, "propertyNames")))}}
	}
	p := r.param(l)
	switch l.name {
	case "type":
		v, _ := r.value(l.instance)
		allowed := r.allowedTypes(l)
		return one("must be " + orList(mapStrings(allowed, typePhrase)) + ", not " + foundPhrase(v, allowed))
	case "required":
		obj, _ := r.value(l.instance)
		m, _ := obj.(map[string]any)
		var out []Violation
		for _, n := range asList(p) {
			name, ok := n.(string)
			if _, present := m[name]; !ok || present || m == nil {
				continue
			}
			out = append(out, Violation{Pointer: l.instance + "/" + escapeToken(name), Code: "required",
				Message: "the required field " + strconv.Quote(name) + " is missing"})
		}
		return out
	case "dependentRequired":
		name, _ := p.(string)
		when := ""
		if len(l.args) > 0 {
			when = l.args[0]
		}
		return []Violation{{Pointer: l.instance + "/" + escapeToken(name), Code: l.name,
			Message: "the field " + strconv.Quote(name) + " is required when " + strconv.Quote(when) + " is given"}}
	case "additionalProperties":
		return r.undefinedFields(l)
	case "unevaluatedProperties":
		name := lastToken(l.instance)
		return one("the field " + quoteName(name) + " is not defined by the schema" + suggest(name, r.propertyNames(r.schemaOf(l))))
	case "items", "unevaluatedItems", "additionalItems":
		return one("is an item the schema does not allow at this position" + r.prefixLimit(l))
	case "notAllowed":
		if len(l.chain) > 0 && l.chain[len(l.chain)-1] == "properties" && l.instance != "" {
			// A field ruled out by name ("properties": {"rate": false}), often in a
			// conditional branch whose description says when the field belongs.
			holder := r.schemaAt(l.url, strings.TrimSuffix(l.parentKeyword(), "/properties"))
			return one("the field " + quoteName(lastToken(l.instance)) + " is not allowed here" + r.described(holder))
		}
		return one("is not allowed here")
	case "enum":
		return one("must be one of " + renderList(asList(p), 20))
	case "const":
		return one("must be exactly " + renderJSON(p))
	case "format":
		name, _ := p.(string)
		return one("must be " + formatExpectation(name))
	case "pattern":
		pat, _ := p.(string)
		if d := description(r.schemaOf(l)); d != "" {
			return one("does not have the required form: " + d + " (pattern " + pat + ")")
		}
		return one("must match the pattern " + pat)
	case "minLength":
		return one("must be at least " + count(p, "character") + " long")
	case "maxLength":
		return one("must be at most " + count(p, "character") + " long")
	case "minimum":
		return one("must be at least " + renderJSON(p))
	case "maximum":
		return one("must be at most " + renderJSON(p))
	case "exclusiveMinimum":
		return one("must be greater than " + renderJSON(p))
	case "exclusiveMaximum":
		return one("must be less than " + renderJSON(p))
	case "multipleOf":
		return one("must be a multiple of " + renderJSON(p))
	case "minItems":
		return one("must have at least " + count(p, "item"))
	case "maxItems":
		return one("must have at most " + count(p, "item"))
	case "minProperties":
		return one("must have at least " + count(p, "field"))
	case "maxProperties":
		return one("must have at most " + count(p, "field"))
	case "uniqueItems":
		return r.repeatedItems(l)
	case "minContains", "maxContains":
		what := r.described(r.schemaAt(l.url, l.parentKeyword()+"/contains"))
		if what == "" {
			what = ` matching the schema's "contains" rule`
		} else {
			what = " matching the rule" + what
		}
		bound := "at least "
		if l.name == "maxContains" {
			bound = "at most "
		}
		if p == nil { // the library names minContains even when the schema leaves it at 1
			p = json.Number("1")
		}
		return one("must contain " + bound + count(p, "item") + what)
	case "oneOf":
		if l.none {
			return one("matches none of the alternatives the schema allows here")
		}
		return one("matches more than one of the alternatives the schema allows here; it must match exactly one")
	case "anyOf":
		return one("matches none of the alternatives the schema allows here")
	case "not":
		return one("has a form the schema rules out here" + r.described(r.schemaAt(l.url, l.keyword)))
	}
	return one("does not satisfy the schema's " + strconv.Quote(l.name) + " rule")
}

// undefinedFields explains an "additionalProperties": false failure with one violation per
// field that neither "properties" nor "patternProperties" of the same schema defines.
func (r *reporter) undefinedFields(l leaf) []Violation {
	obj, _ := r.value(l.instance)
	m, ok := obj.(map[string]any)
	if !ok {
		return nil
	}
	s := r.schemaOf(l)
	props, _ := s["properties"].(map[string]any)
	var patterns []*regexp.Regexp
	if pp, ok := s["patternProperties"].(map[string]any); ok {
		for expr := range pp {
			if re, err := regexp.Compile(expr); err == nil {
				patterns = append(patterns, re)
			}
		}
	}
	known := r.propertyNames(s)
	var out []Violation
	for name := range m {
		if _, ok := props[name]; ok || slices.ContainsFunc(patterns, func(re *regexp.Regexp) bool { return re.MatchString(name) }) {
			continue
		}
		out = append(out, Violation{Pointer: l.instance + "/" + escapeToken(name), Code: l.name,
			Message: "the field " + quoteName(name) + " is not defined by the schema" + suggest(name, known)})
	}
	return out
}

// propertyNames lists the fields a schema object defines, including those of the schemas
// it combines with allOf.
func (r *reporter) propertyNames(s map[string]any) []string {
	var names []string
	add := func(s map[string]any) {
		if props, ok := s["properties"].(map[string]any); ok {
			for n := range props {
				names = append(names, n)
			}
		}
	}
	add(s)
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			if m, ok := sub.(map[string]any); ok {
				add(m)
			}
		}
	}
	sort.Strings(names)
	return names
}

// repeatedItems explains a "uniqueItems" failure with one violation per item that repeats an
// earlier one, comparing as JSON Schema does (1 and 1.0 are the same number; field order
// does not matter).
func (r *reporter) repeatedItems(l leaf) []Violation {
	v, _ := r.fullValue(l.instance)
	items, _ := v.([]any)
	first := make(map[string]int, len(items))
	var out []Violation
	for i, item := range items {
		var b strings.Builder
		canonical(&b, item)
		k := b.String()
		if j, seen := first[k]; seen {
			out = append(out, Violation{Pointer: l.instance + "/" + strconv.Itoa(i), Code: l.name,
				Message: "is the same as the item at " + l.instance + "/" + strconv.Itoa(j) + "; every item must be different"})
			continue
		}
		first[k] = i
	}
	if len(out) == 0 {
		return []Violation{{Pointer: l.instance, Code: l.name, Message: "must not hold the same item twice"}}
	}
	return out
}

// canonical writes a JSON value in a form that is equal for values JSON Schema deems equal.
func canonical(b *strings.Builder, v any) {
	switch v := v.(type) {
	case map[string]any:
		b.WriteByte('{')
		keys := sortedKeys(v)
		for _, k := range keys {
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			canonical(b, v[k])
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for _, x := range v {
			canonical(b, x)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case json.Number:
		if q, ok := new(big.Rat).SetString(string(v)); ok {
			b.WriteString(q.RatString())
		} else {
			b.WriteString(string(v))
		}
	case string:
		b.WriteString(strconv.Quote(v))
	default:
		b.WriteString(renderJSON(v))
	}
}

// prefixLimit says how many items an array may hold when "items": false follows
// "prefixItems".
func (r *reporter) prefixLimit(l leaf) string {
	if prefix, ok := r.schemaOf(l)["prefixItems"].([]any); ok && l.name == "items" {
		return "; the array may hold at most " + count(json.Number(strconv.Itoa(len(prefix))), "item")
	}
	return ""
}

func (r *reporter) schemaAt(url, ptr string) map[string]any {
	v, _ := resolvePointer(r.raw[url], ptr)
	m, _ := v.(map[string]any)
	return m
}

// described returns ": " and a schema's description, or "" when it has none.
func (r *reporter) described(s map[string]any) string {
	if d := description(s); d != "" {
		return ": " + d
	}
	return ""
}

// description returns a schema's description without its final full stop and, so that
// it reads on in a sentence, with its first letter in lower case unless it begins an
// abbreviation ("The GSS code …" becomes "the GSS code …"; "ONS …" stays).
func description(s map[string]any) string {
	d, _ := s["description"].(string)
	d = strings.TrimSuffix(strings.TrimSpace(d), ".")
	if len(d) >= 2 && d[0] >= 'A' && d[0] <= 'Z' && !(d[1] >= 'A' && d[1] <= 'Z') {
		d = string(d[0]+'a'-'A') + d[1:]
	}
	return d
}

// chainPrefix returns the part of a keyword location up to and including the last
// occurrence of the applicator keyword kw.
func chainPrefix(ptr, kw string) string {
	i := strings.LastIndex(ptr, "/"+kw)
	if i < 0 {
		return ptr
	}
	return ptr[:i+1+len(kw)]
}

func lastToken(ptr string) string {
	return unescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:])
}

func formatExpectation(name string) string {
	if f, ok := formats[name]; ok {
		return f.expect
	}
	if e, ok := expectations[name]; ok {
		return e
	}
	return "in the " + strconv.Quote(name) + " format"
}

func typePhrase(t string) string {
	switch t {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "integer":
		return "a whole number"
	case "object":
		return "an object"
	case "array":
		return "an array"
	case "boolean":
		return "true or false"
	case "null":
		return "null"
	}
	return t
}

// foundPhrase names the type of a value, never the value itself.
func foundPhrase(v any, allowed []string) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean (true or false)"
	case string:
		return "a string"
	case json.Number:
		if slices.Contains(allowed, "integer") {
			if q, ok := new(big.Rat).SetString(string(v)); ok && !q.IsInt() {
				return "a number with a fractional part"
			}
		}
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "a value of another type"
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// orList joins phrases as "a, b or c".
func orList(items []string) string {
	switch len(items) {
	case 0:
		return "of another type"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// renderList writes up to max values of a schema's enum, in JSON.
func renderList(vals []any, max int) string {
	parts := make([]string, 0, min(len(vals), max)+1)
	for i, v := range vals {
		if i == max {
			parts = append(parts, "… ("+strconv.Itoa(len(vals)-max)+" more)")
			break
		}
		parts = append(parts, renderJSON(v))
	}
	return strings.Join(parts, ", ")
}

// renderJSON writes a value from a schema (never from the document) as JSON.
func renderJSON(v any) string {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case string:
		return strconv.Quote(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "the value the schema gives"
	}
	return string(b)
}

// count writes "1 item", "3 items" from a schema's number.
func count(n any, noun string) string {
	s := renderJSON(n)
	if s == "1" {
		return "1 " + noun
	}
	return s + " " + noun + "s"
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// suggest returns `; did you mean "name"?` when one of the known field names is close to
// name: the same but for case, or within two single-character edits (Levenshtein).
func suggest(name string, known []string) string {
	best, bestDist := "", 3
	if len([]rune(name)) <= 3 {
		bestDist = 2
	}
	for _, k := range known {
		d := 0
		if !strings.EqualFold(k, name) {
			d = editDistance(name, k, bestDist)
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return "; did you mean " + strconv.Quote(best) + "?"
}

// editDistance returns the Levenshtein distance between a and b, or limit if it is limit
// or more.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}
