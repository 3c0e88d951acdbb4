package schemas

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The fast path. Validating through the validator library costs far more than the documents
// warrant (it allocates maps and slices for every object it visits and compares every
// number as a big.Rat), so Validate first asks a second evaluator, compiled here from the
// same schema documents, whether the document conforms. That evaluator streams over the
// document's bytes, allocating next to nothing, and reads each object about once: the
// subschemas that apply to an object already read (allOf, $ref, if, then, else, …) look
// its fields up in a memo when they only name fields, a condition stops reading once it
// has seen the fields it tests, and a subschema with nothing to say about objects does
// not read one to find where it ends. When it says yes, Validate is done; when it
// says no, the library validates the document again and its findings are what Validate
// reports. Only a document failing in more than MaxViolations places is explained from the
// fast evaluator's own records, made in its collecting mode as the library reports
// failures, because the library's cost grows with every failure; that explanation reads
// the values it needs from the bytes rather than from a decoded document (see
// reporter.sparse). A schema that uses a
// keyword the fast evaluator does not implement ("$dynamicRef", "$recursiveRef", …) is not
// compiled here, and its kind is always validated by the library
// alone.
//
// The two evaluators must agree on every document. The fast one calls the same format
// checks, uses the same regular-expression engine, and compares numbers exactly as the
// library's big.Rat arithmetic does; differential tests and fuzzing compare their verdicts
// and, in collecting mode, their violations.

// JSON types as a bit set.
const (
	tNull uint8 = 1 << iota
	tBoolean
	tInteger
	tNumber
	tString
	tArray
	tObject
)

var typeBits = map[string]uint8{"null": tNull, "boolean": tBoolean, "integer": tInteger, "number": tNumber,
	"string": tString, "array": tArray, "object": tObject}

// A fastNode is one compiled schema.
type fastNode struct {
	url, ptr string // where the schema is: its file's URL and its JSON Pointer there

	never   bool // the false schema
	trivial bool // no assertion applies: every value conforms
	types   uint8

	enum     []any // values from the schema, numbers as json.Number
	hasEnum  bool
	constVal any
	hasConst bool

	fmtStr                                func(string) bool // the format's check of strings, if any
	fmtNum                                func(string) bool // the format's check of numbers, if any
	stringKw, numberKw, arrayKw, objectKw bool              // whether any keyword applies to values of that type

	pattern              *regexp.Regexp
	class                []rune // when the pattern is one character class, such as \S: its ranges
	minLength, maxLength int

	minimum, maximum, exclusiveMinimum, exclusiveMaximum *decNum
	multipleOf                                           *big.Rat

	minItems, maxItems int
	uniqueItems        bool
	prefixItems        []*fastNode
	items              *fastNode
	contains           *fastNode
	minContains        int // 1 unless given
	maxContains        int // -1 unless given

	members           map[string]member // the fields "properties" or "required" name
	namesOnly         bool              // the object keywords are "properties" and "required" alone
	fields            []field           // for a namesOnly node of at most memoFields members, its members
	names             []string          // for at most fewMembers members, their names …
	byName            []member          // … and what the node says of each
	sameValue         bool              // other schemas apply to the same value: allOf, $ref, if, …
	required          int               // how many distinct fields "required" names
	patternProperties []patternNode
	additional        *fastNode
	propertyNames     *fastNode
	minProps          int
	maxProps          int
	dependentRequired map[string][]string
	dependentSchemas  map[string]*fastNode

	unevaluatedProperties, unevaluatedItems *fastNode

	allOf, anyOf, oneOf         []*fastNode
	not, ifNode, then, elseNode *fastNode
	ref                         *fastNode
}

// A field is a member with its name.
type field struct {
	name     string
	node     *fastNode
	required bool
}

// A member is what an object schema says about one field name.
type member struct {
	node *fastNode // from "properties", or nil
	bit  int       // its number among the required fields, or -1
}

type patternNode struct {
	re   *regexp.Regexp
	node *fastNode
}

// annotations are keywords that assert nothing in draft 2020-12 as engage compiles it.
var annotations = map[string]bool{"$schema": true, "$id": true, "$anchor": true, "$comment": true, "$defs": true,
	"definitions": true, "title": true, "description": true, "default": true, "examples": true,
	"deprecated": true, "readOnly": true, "writeOnly": true}

// impliedPatterns are, for some of engage's formats, the pattern common.json gives beside the
// format so that validators that ignore formats still check the shape. A string the format
// accepts always matches the pattern (a property test checks it), so the fast path need not
// match the pattern when the format is checked.
var impliedPatterns = map[string]string{
	"decimal":        `^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?$`,
	"nhs-number":     `^[0-9]{10}$`,
	"gss-code":       `^[EWSN][0-9]{8}$`,
	"financial-year": `^[0-9]{4}-[0-9]{2}$`,
}

// A fastCompiler builds fastNodes from schema documents.
type fastCompiler struct {
	raw     map[string]any
	builtin func(name string) func(any) bool // the library's own formats
	nodes   map[string]*fastNode             // by url#pointer
	err     error                            // the first feature the fast path lacks
}

// compileFast compiles the schema at url for the fast path, or reports why it cannot.
func compileFast(raw map[string]any, url string, builtin func(string) func(any) bool) (*fastNode, error) {
	c := &fastCompiler{raw: raw, builtin: builtin, nodes: map[string]*fastNode{}}
	root := c.node(url, "")
	if c.err != nil {
		return nil, c.err
	}
	if err := c.checkLoops(); err != nil {
		return nil, err
	}
	return root, nil
}

func (c *fastCompiler) unsupported(url, ptr, why string) {
	if c.err == nil {
		if ptr == "" {
			ptr = "/"
		}
		c.err = fmt.Errorf("%s at %s#%s", why, strings.TrimPrefix(url, BaseURI), ptr)
	}
}

func (c *fastCompiler) node(url, ptr string) *fastNode {
	key := url + "#" + ptr
	if n, ok := c.nodes[key]; ok {
		return n
	}
	n := &fastNode{url: url, ptr: ptr, minLength: -1, maxLength: -1, minItems: -1, maxItems: -1, minProps: -1, maxProps: -1,
		minContains: 1, maxContains: -1}
	c.nodes[key] = n
	v, ok := resolvePointer(c.raw[url], ptr)
	if !ok {
		c.unsupported(url, ptr, "a schema that is not there")
		return n
	}
	switch s := v.(type) {
	case bool:
		n.never, n.trivial = !s, s
		return n
	case map[string]any:
		c.fill(n, url, ptr, s)
	default:
		c.unsupported(url, ptr, "a schema that is not an object")
	}
	return n
}

func (c *fastCompiler) fill(n *fastNode, url, ptr string, s map[string]any) {
	sub := func(kw string) *fastNode { return c.node(url, ptr+"/"+escapeToken(kw)) }
	list := func(kw string) []*fastNode {
		items, ok := s[kw].([]any)
		if !ok {
			c.unsupported(url, ptr+"/"+kw, "a malformed "+kw)
			return nil
		}
		out := make([]*fastNode, len(items))
		for i := range items {
			out[i] = c.node(url, ptr+"/"+kw+"/"+strconv.Itoa(i))
		}
		return out
	}
	intParam := func(kw string) int {
		num, ok := s[kw].(json.Number)
		if !ok {
			c.unsupported(url, ptr+"/"+kw, "a malformed "+kw)
			return -1
		}
		f, _ := num.Float64() // as the library reads it
		return int(f)
	}
	decParam := func(kw string) *decNum {
		num, ok := s[kw].(json.Number)
		if !ok {
			c.unsupported(url, ptr+"/"+kw, "a malformed "+kw)
			return nil
		}
		d, ok := parseDec(string(num))
		if !ok {
			c.unsupported(url, ptr+"/"+kw, "a bound with more digits than the fast path holds")
			return nil
		}
		return &d
	}
	assertions := 0
	for _, kw := range sortedKeys(s) {
		if annotations[kw] {
			continue
		}
		assertions++
		switch kw {
		case "$ref":
			ref, _ := s[kw].(string)
			file, target, _, problem := resolveRefPointer(url, ref, c.raw)
			if problem != "" {
				c.unsupported(url, ptr+"/$ref", "an unresolved $ref")
				continue
			}
			n.ref = c.node(file, target)
		case "type":
			switch t := s[kw].(type) {
			case string:
				n.types = typeBits[t]
			case []any:
				for _, x := range t {
					name, _ := x.(string)
					n.types |= typeBits[name]
				}
			}
			if n.types == 0 {
				c.unsupported(url, ptr+"/type", "an unknown type")
			}
		case "enum":
			n.enum, n.hasEnum = asList(s[kw]), true
		case "const":
			n.constVal, n.hasConst = s[kw], true
		case "format":
			name, _ := s[kw].(string)
			if f, ok := formats[name]; ok {
				n.fmtStr, n.fmtNum = f.str, f.num
			} else if check := c.builtin(name); check != nil {
				// The library's formats check strings only and pass everything else.
				n.fmtStr = func(v string) bool { return check(v) }
			} else {
				c.unsupported(url, ptr+"/format", "an unknown format")
			}
			n.stringKw, n.numberKw = n.stringKw || n.fmtStr != nil, n.numberKw || n.fmtNum != nil
		case "pattern":
			expr, _ := s[kw].(string)
			if f, _ := s["format"].(string); impliedPatterns[f] == expr {
				continue // the format, checked anyway, admits only strings the pattern matches
			}
			re, err := regexp.Compile(expr)
			if err != nil {
				c.unsupported(url, ptr+"/pattern", "an invalid pattern")
				continue
			}
			n.pattern, n.stringKw = re, true
			n.class = charClass(expr)
		case "minLength":
			n.minLength, n.stringKw = intParam(kw), true
		case "maxLength":
			n.maxLength, n.stringKw = intParam(kw), true
		case "minimum":
			n.minimum, n.numberKw = decParam(kw), true
		case "maximum":
			n.maximum, n.numberKw = decParam(kw), true
		case "exclusiveMinimum":
			n.exclusiveMinimum, n.numberKw = decParam(kw), true
		case "exclusiveMaximum":
			n.exclusiveMaximum, n.numberKw = decParam(kw), true
		case "multipleOf":
			num, _ := s[kw].(json.Number)
			r, ok := new(big.Rat).SetString(string(num))
			if !ok || r.Sign() <= 0 {
				c.unsupported(url, ptr+"/multipleOf", "a malformed multipleOf")
				continue
			}
			n.multipleOf, n.numberKw = r, true
		case "minItems":
			n.minItems, n.arrayKw = intParam(kw), true
		case "maxItems":
			n.maxItems, n.arrayKw = intParam(kw), true
		case "uniqueItems":
			n.uniqueItems, _ = s[kw].(bool)
			n.arrayKw = n.arrayKw || n.uniqueItems
		case "prefixItems":
			n.prefixItems, n.arrayKw = list(kw), true
		case "items":
			if _, isList := s[kw].([]any); isList {
				c.unsupported(url, ptr+"/items", "items as a list (draft 2019-09 and earlier)")
				continue
			}
			n.items, n.arrayKw = sub(kw), true
		case "unevaluatedProperties":
			n.unevaluatedProperties = sub(kw)
		case "unevaluatedItems":
			n.unevaluatedItems = sub(kw)
		case "contains":
			n.contains, n.arrayKw = sub(kw), true
		case "minContains":
			n.minContains = intParam(kw)
		case "maxContains":
			n.maxContains = intParam(kw)
		case "dependentSchemas":
			deps, _ := s[kw].(map[string]any)
			n.dependentSchemas = make(map[string]*fastNode, len(deps))
			for _, name := range sortedKeys(deps) {
				n.dependentSchemas[name] = c.node(url, ptr+"/dependentSchemas/"+escapeToken(name))
			}
		case "properties":
			props, _ := s[kw].(map[string]any)
			for _, name := range sortedKeys(props) {
				m := n.newMember(name)
				m.node = c.node(url, ptr+"/properties/"+escapeToken(name))
				n.members[name] = m
			}
			n.objectKw = true
		case "required":
			for _, x := range asList(s[kw]) {
				if name, ok := x.(string); ok {
					if m := n.newMember(name); m.bit < 0 {
						m.bit = n.required
						n.required++
						n.members[name] = m
					}
				}
			}
			n.objectKw = true
		case "patternProperties":
			pp, _ := s[kw].(map[string]any)
			for _, expr := range sortedKeys(pp) {
				re, err := regexp.Compile(expr)
				if err != nil {
					c.unsupported(url, ptr+"/patternProperties", "an invalid pattern")
					continue
				}
				n.patternProperties = append(n.patternProperties,
					patternNode{re, c.node(url, ptr+"/patternProperties/"+escapeToken(expr))})
			}
			n.objectKw = true
		case "additionalProperties":
			n.additional, n.objectKw = sub(kw), true
		case "propertyNames":
			n.propertyNames, n.objectKw = sub(kw), true
		case "minProperties":
			n.minProps, n.objectKw = intParam(kw), true
		case "maxProperties":
			n.maxProps, n.objectKw = intParam(kw), true
		case "dependentRequired":
			deps, _ := s[kw].(map[string]any)
			n.dependentRequired = make(map[string][]string, len(deps))
			for name, list := range deps {
				for _, x := range asList(list) {
					if req, ok := x.(string); ok {
						n.dependentRequired[name] = append(n.dependentRequired[name], req)
					}
				}
			}
			n.objectKw = true
		case "allOf":
			n.allOf = list(kw)
		case "anyOf":
			n.anyOf = list(kw)
		case "oneOf":
			n.oneOf = list(kw)
		case "not":
			n.not = sub(kw)
		case "if":
			n.ifNode = sub(kw)
			if _, ok := s["then"]; ok {
				n.then = c.node(url, ptr+"/then")
			}
			if _, ok := s["else"]; ok {
				n.elseNode = c.node(url, ptr+"/else")
			}
		case "then", "else":
			// compiled with "if"; without "if" they assert nothing, as in the library
		default:
			c.unsupported(url, ptr+"/"+escapeToken(kw), "the keyword "+strconv.Quote(kw))
		}
	}
	n.trivial = assertions == 0
	n.namesOnly = len(n.members) > 0 && len(n.patternProperties) == 0 && n.additional == nil && n.propertyNames == nil &&
		n.minProps < 0 && n.maxProps < 0 && len(n.dependentRequired) == 0
	n.sameValue = len(n.allOf)+len(n.anyOf)+len(n.oneOf)+len(n.dependentSchemas) > 0 || n.not != nil || n.ifNode != nil || n.ref != nil
	if len(n.members) > 0 && len(n.members) <= fewMembers {
		for _, name := range sortedKeys(n.members) {
			n.names = append(n.names, name)
			n.byName = append(n.byName, n.members[name])
		}
	}
	if n.namesOnly && len(n.members) <= memoFields {
		for _, name := range sortedKeys(n.members) {
			m := n.members[name]
			n.fields = append(n.fields, field{name: name, node: m.node, required: m.bit >= 0})
		}
	}
}

// fewMembers is how many members a node may have for its members to be looked up by
// comparing names in turn, which is quicker than a map for a few.
const fewMembers = 16

// member returns what n says of the field name, and whether it says anything.
func (n *fastNode) member(name string) (member, bool) {
	if n.names != nil {
		for i, s := range n.names {
			if s == name {
				return n.byName[i], true
			}
		}
		return member{}, false
	}
	m, ok := n.members[name]
	return m, ok
}

// newMember returns what n says of the field name so far, creating the map if need be.
func (n *fastNode) newMember(name string) member {
	if n.members == nil {
		n.members = map[string]member{}
	}
	if m, ok := n.members[name]; ok {
		return m
	}
	return member{bit: -1}
}

// checkLoops rejects schemas that could apply to the same value forever ({"$ref": "#"} at
// the root, or allOf rings), which the library reports as an infinite loop.
func (c *fastCompiler) checkLoops() error {
	const (
		white = iota
		grey
		black
	)
	state := map[*fastNode]int{}
	var visit func(n *fastNode) bool
	visit = func(n *fastNode) bool {
		switch state[n] {
		case grey:
			return false
		case black:
			return true
		}
		state[n] = grey
		for _, m := range n.inPlace() {
			if !visit(m) {
				return false
			}
		}
		state[n] = black
		return true
	}
	keys := make([]string, 0, len(c.nodes))
	for k := range c.nodes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !visit(c.nodes[k]) {
			return fmt.Errorf("schemas that apply to the same value in a loop, through %s", strings.TrimPrefix(k, BaseURI))
		}
	}
	return nil
}

// inPlace lists the schemas that apply to the same value as n.
func (n *fastNode) inPlace() []*fastNode {
	var out []*fastNode
	out = append(out, n.allOf...)
	out = append(out, n.anyOf...)
	out = append(out, n.oneOf...)
	for _, name := range sortedKeys(n.dependentSchemas) {
		out = append(out, n.dependentSchemas[name])
	}
	for _, m := range []*fastNode{n.not, n.ifNode, n.then, n.elseNode, n.ref} {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// A fastEval evaluates a document that guard has accepted (so well-formed and within the
// limits) against fastNodes. By default it stops at the first failure, which is all the fast
// path needs. In collecting mode it carries on, recording each failure as the library would
// report it (the value's pointer and the failing keyword's location), up to a limit.
type fastEval struct {
	src     string
	collect bool       // record failures and carry on
	limit   int        // in collecting mode, stop after this many failures
	fails   []*failure // the failures recorded
	path    []string   // in collecting mode, the reference tokens of the value being evaluated
	memo    memo       // the fields of the object read last
}

// memoFields is how many fields an object may have for a memo to hold them.
const memoFields = 16

// A memo holds the fields of the object last read in full: their names and where their
// values start. The subschemas applied to the same object afterwards (allOf, $ref, if,
// then, else, …) that only name fields (fastNode.namesOnly) look the fields up in it instead
// of reading the object again: a distribution checked against three if/then rules is read
// once, not four times. The document never changes, so a memo is right for as long as it is
// kept; each object read in full replaces it.
type memo struct {
	open, end int // where the object starts, and ends; end is 0 when the memo is empty
	n         int
	names     [memoFields]string // unescaped
	values    [memoFields]int
}

// lookup returns where the value of the field name starts, or -1.
func (m *memo) lookup(name string) int {
	for i := range m.n {
		if m.names[i] == name {
			return m.values[i]
		}
	}
	return -1
}

func (e *fastEval) space(pos int) int {
	for pos < len(e.src) {
		switch e.src[pos] {
		case ' ', '\t', '\n', '\r':
			pos++
		default:
			return pos
		}
	}
	return pos
}

// miss records, in collecting mode, that the value being evaluated fails keyword kw of n
// ("" for a false schema; "dependentRequired/name/0" for one of a keyword's parts).
func (e *fastEval) miss(n *fastNode, kw string) {
	if !e.collect || len(e.fails) >= e.limit {
		return
	}
	at := n.ptr
	if kw != "" {
		at += "/" + kw
	}
	e.fails = append(e.fails, &failure{instance: e.pointer(), url: n.url, keyword: at})
}

// fail notes that the value fails keyword kw of n, recording it in collecting mode, and
// reports whether evaluation stops.
func (e *fastEval) fail(ok *bool, n *fastNode, kw string) bool {
	*ok = false
	e.miss(n, kw)
	return e.halt()
}

// halt reports whether evaluation stops at a failure: always, unless collecting, and when
// the collection is full.
func (e *fastEval) halt() bool { return !e.collect || len(e.fails) >= e.limit }

// pointer returns the JSON Pointer of the value being evaluated (collecting mode).
func (e *fastEval) pointer() string {
	var b []byte
	for _, t := range e.path {
		b = appendPointerToken(append(b, '/'), t)
	}
	return string(b)
}

// failed ends the evaluation of a value that fails: in collecting mode the value's end is
// still needed to carry on, when the caller asked for it.
func (e *fastEval) failed(pos int, needEnd bool) (int, bool) {
	if e.collect && needEnd {
		return e.skip(pos), false
	}
	return 0, false
}

// passes reports whether the value at pos conforms to n, recording nothing: for the
// alternatives of anyOf, oneOf, not and if, whose failures are not the document's.
func (e *fastEval) passes(n *fastNode, pos int) bool {
	if !e.collect {
		return e.check(n, pos)
	}
	quiet := fastEval{src: e.src}
	return quiet.check(n, pos)
}

func (n *fastNode) allows(t uint8) bool { return n.types == 0 || n.types&t != 0 }

// eval reports whether the value at pos conforms to n, and where the value ends (when it
// conforms, or in collecting mode).
func (e *fastEval) eval(n *fastNode, pos int) (int, bool) { return e.run(n, pos, true) }

// check reports whether the value at pos conforms to n, for the subschemas that apply to a
// value in place (allOf, $ref, if, then, else, not, …), whose callers know where the value
// ends or do not need to: a schema with no keyword for the value's type then costs nothing,
// where finding the end of an object would mean reading all of it.
func (e *fastEval) check(n *fastNode, pos int) bool {
	_, ok := e.run(n, pos, false)
	return ok
}

// run is eval, finding where the value ends only when needEnd is set or a keyword needs it;
// otherwise the end it returns is -1 or 0.
func (e *fastEval) run(n *fastNode, pos int, needEnd bool) (int, bool) {
	pos = e.space(pos)
	if n.never {
		e.miss(n, "")
		return e.failed(pos, needEnd)
	}
	if n.trivial {
		if !needEnd {
			return -1, true
		}
		return e.skip(pos), true
	}
	needEnd = needEnd || n.hasConst || n.hasEnum
	end, ok, typed := -1, true, true
	switch c := e.src[pos]; {
	case c == '{':
		if typed = n.allows(tObject); typed && n.objectKw {
			end, ok = e.object(n, pos, needEnd)
		}
	case c == '[':
		if typed = n.allows(tArray); typed && n.arrayKw {
			end, ok = e.array(n, pos)
		}
	case c == '"':
		if typed = n.allows(tString); typed {
			end, ok = e.string(n, pos)
		}
	case c == 't' || c == 'f':
		if typed = n.allows(tBoolean); typed {
			end = pos + 4
			if c == 'f' {
				end++
			}
		}
	case c == 'n':
		if typed = n.allows(tNull); typed {
			end = pos + 4
		}
	default:
		end, typed, ok = e.number(n, pos)
	}
	if !typed {
		// As in the library, a value of the wrong type fails on its type alone.
		e.miss(n, "type")
		return e.failed(pos, needEnd)
	}
	if !ok && e.halt() {
		return 0, false
	}
	refDone := false
	if end < 0 && n.ref != nil && needEnd {
		// The node only refers elsewhere: let the reference find the value's end.
		var refOK bool
		end, refOK = e.eval(n.ref, pos)
		if !refOK {
			if ok = false; e.halt() {
				return 0, false
			}
		}
		refDone = true
	}
	if end < 0 && needEnd {
		end = e.skip(pos)
	}
	if n.hasConst && !e.matches(pos, end, n.constVal) {
		if e.fail(&ok, n, "const") {
			return 0, false
		}
	}
	if n.hasEnum && !e.inEnum(n, pos, end) {
		if e.fail(&ok, n, "enum") {
			return 0, false
		}
	}
	if !n.sameValue && n.unevaluatedProperties == nil && n.unevaluatedItems == nil {
		return end, ok
	}
	for _, m := range n.allOf {
		if !e.check(m, pos) {
			if ok = false; e.halt() {
				return 0, false
			}
		}
	}
	if len(n.anyOf) > 0 {
		passed := false
		for _, m := range n.anyOf {
			if e.passes(m, pos) {
				passed = true
				break
			}
		}
		if !passed {
			if e.fail(&ok, n, "anyOf") {
				return 0, false
			}
		}
	}
	if len(n.oneOf) > 0 {
		matched := 0
		for _, m := range n.oneOf {
			if e.passes(m, pos) {
				matched++
			}
		}
		if matched != 1 {
			ok = false
			if e.miss(n, "oneOf"); e.collect && matched == 0 && len(e.fails) > 0 {
				e.fails[len(e.fails)-1].none = true
			}
			if e.halt() {
				return 0, false
			}
		}
	}
	if n.not != nil && e.passes(n.not, pos) {
		if e.fail(&ok, n, "not") {
			return 0, false
		}
	}
	if n.ifNode != nil {
		next := n.elseNode
		if e.passes(n.ifNode, pos) {
			next = n.then
		}
		if next != nil {
			if !e.check(next, pos) {
				if ok = false; e.halt() {
					return 0, false
				}
			}
		}
	}
	if n.ref != nil && !refDone {
		if !e.check(n.ref, pos) {
			if ok = false; e.halt() {
				return 0, false
			}
		}
	}
	if len(n.dependentSchemas) > 0 && e.src[pos] == '{' {
		obj, _ := e.decodeAt(pos).(map[string]any)
		for _, name := range sortedKeys(obj) {
			if m, ok2 := n.dependentSchemas[name]; ok2 {
				if !e.check(m, pos) {
					if ok = false; e.halt() {
						return 0, false
					}
				}
			}
		}
	}
	if n.unevaluatedProperties != nil && e.src[pos] == '{' {
		if !e.unevaluated(n, pos) {
			if ok = false; e.halt() {
				return 0, false
			}
		}
	}
	if n.unevaluatedItems != nil && e.src[pos] == '[' {
		if !e.unevaluated(n, pos) {
			if ok = false; e.halt() {
				return 0, false
			}
		}
	}
	return end, ok
}

// unevaluated applies unevaluatedProperties (to an object) or unevaluatedItems (to an array)
// of n to the fields or items that no other keyword of n evaluated, as the library does:
// the fields its properties, patternProperties and additionalProperties name, and those of
// every subschema applied to the same value that passes (allOf, anyOf, oneOf, not, if,
// then, else, $ref, dependentSchemas); likewise for items, with prefixItems, items and
// contains.
func (e *fastEval) unevaluated(n *fastNode, pos int) bool {
	v := e.decodeAt(pos)
	ev := evaluation{fields: map[string]bool{}, items: map[int]bool{}}
	e.annotate(n, pos, v, &ev, true)
	ok := true
	switch v := v.(type) {
	case map[string]any:
		if ev.allFields {
			return true
		}
		for _, name := range e.memberOrder(pos) {
			if ev.fields[name] {
				continue
			}
			if e.collect {
				e.path = append(e.path, name)
			}
			sub := e.check(n.unevaluatedProperties, e.memberValue(pos, name))
			if e.collect {
				e.path = e.path[:len(e.path)-1]
			}
			if !sub {
				if ok = false; e.halt() {
					return false
				}
			}
		}
	case []any:
		if ev.allItems {
			return true
		}
		p := e.space(pos + 1)
		for i := range v {
			if !ev.items[i] {
				if e.collect {
					e.path = append(e.path, strconv.Itoa(i))
				}
				sub := e.check(n.unevaluatedItems, p)
				if e.collect {
					e.path = e.path[:len(e.path)-1]
				}
				if !sub {
					if ok = false; e.halt() {
						return false
					}
				}
			}
			p = e.space(e.skip(p))
			p = e.space(p + 1) // the comma
		}
	}
	return ok
}

// An evaluation is the set of fields or items some keyword has evaluated.
type evaluation struct {
	fields              map[string]bool
	items               map[int]bool
	allFields, allItems bool
}

// annotate adds to ev what n evaluates of the value v at pos; top is n itself, whose own
// unevaluated keywords are the ones being applied.
func (e *fastEval) annotate(n *fastNode, pos int, v any, ev *evaluation, top bool) {
	if n.never || n.trivial {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		for name := range v {
			if m, ok := n.members[name]; ok && m.node != nil {
				ev.fields[name] = true
			}
			for _, pp := range n.patternProperties {
				if pp.re.MatchString(name) {
					ev.fields[name] = true
				}
			}
		}
		if n.additional != nil || !top && n.unevaluatedProperties != nil {
			ev.allFields = true
		}
	case []any:
		if n.items != nil || !top && n.unevaluatedItems != nil {
			ev.allItems = true
		}
		for i := 0; i < len(n.prefixItems) && i < len(v); i++ {
			ev.items[i] = true
		}
		if n.contains != nil {
			p := e.space(pos + 1)
			for i := range v {
				if e.passes(n.contains, p) {
					ev.items[i] = true
				}
				p = e.space(e.skip(p))
				p = e.space(p + 1)
			}
		}
	default:
		return
	}
	sub := func(m *fastNode) {
		if m != nil && e.passes(m, pos) {
			e.annotate(m, pos, v, ev, false)
		}
	}
	for _, m := range n.allOf {
		sub(m)
	}
	for _, m := range n.anyOf {
		sub(m)
	}
	for _, m := range n.oneOf {
		sub(m)
	}
	sub(n.not)
	if n.ifNode != nil {
		if e.passes(n.ifNode, pos) {
			e.annotate(n.ifNode, pos, v, ev, false)
			sub(n.then)
		} else {
			sub(n.elseNode)
		}
	}
	sub(n.ref)
	if obj, ok := v.(map[string]any); ok {
		for name, m := range n.dependentSchemas {
			if _, present := obj[name]; present {
				sub(m)
			}
		}
	}
}

// memberOrder returns the field names of the object at pos in document order.
func (e *fastEval) memberOrder(pos int) []string {
	var names []string
	pos = e.space(pos + 1)
	if e.src[pos] == '}' {
		return nil
	}
	for {
		i, escaped := e.closingQuote(pos + 1)
		name := e.src[pos+1 : i]
		if escaped {
			name = unescape(name)
		}
		names = append(names, name)
		pos = e.space(e.skip(e.space(e.space(i+1) + 1)))
		if e.src[pos] == '}' {
			return names
		}
		pos = e.space(pos + 1)
	}
}

// memberValue returns where the value of the field name of the object at pos starts.
func (e *fastEval) memberValue(pos int, name string) int {
	pos = e.space(pos + 1)
	for {
		i, escaped := e.closingQuote(pos + 1)
		key := e.src[pos+1 : i]
		if escaped {
			key = unescape(key)
		}
		value := e.space(e.space(i+1) + 1)
		if key == name {
			return value
		}
		pos = e.space(e.skip(value))
		pos = e.space(pos + 1)
	}
}

// closingQuote returns the index of the quote closing the string whose content starts at
// start, and whether the string holds escapes.
func (e *fastEval) closingQuote(start int) (int, bool) {
	// Field names and most values are short: a plain loop finds their end sooner than
	// IndexByte, whose setup costs more than reading a dozen bytes.
	src := e.src
	k := min(start+16, len(src))
	for i := start; i < k; i++ {
		switch src[i] {
		case '"':
			return i, false
		case '\\':
			return e.escapedEnd(start), true
		}
	}
	i := k + strings.IndexByte(src[k:], '"')
	if !hasBackslash(src[k:i]) {
		return i, false
	}
	return e.escapedEnd(start), true
}

// match reports whether s matches n's pattern.
func (e *fastEval) match(n *fastNode, s string) bool {
	if n.class == nil {
		return n.pattern.MatchString(s)
	}
	// An unanchored pattern of one character class matches where a character of the
	// class is; invalid UTF-8 reads as U+FFFD, one byte at a time, as in the regexp.
	for _, r := range s {
		for i := 0; i < len(n.class); i += 2 {
			if n.class[i] <= r && r <= n.class[i+1] {
				return true
			}
		}
	}
	return false
}

// charClass returns the ranges of a pattern that is one character class and nothing else
// (such as \S, "not blank"), as pairs lo, hi; nil for any other pattern.
func charClass(expr string) []rune {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpCharClass || len(re.Rune) == 0 || len(re.Rune)%2 != 0 {
		return nil
	}
	return slices.Clone(re.Rune)
}

// hasBackslash reports whether s holds a backslash: an escape, in a JSON string.
func hasBackslash(s string) bool {
	if len(s) > 16 {
		return strings.IndexByte(s, '\\') >= 0
	}
	for i := range len(s) {
		if s[i] == '\\' {
			return true
		}
	}
	return false
}

// escapedEnd returns the index of the quote closing a string that holds escapes.
func (e *fastEval) escapedEnd(start int) int {
	i := start
	for ; e.src[i] != '"'; i++ {
		if e.src[i] == '\\' {
			i++
		}
	}
	return i
}

// string checks a string value whose opening quote is at pos.
func (e *fastEval) string(n *fastNode, pos int) (int, bool) {
	start := pos + 1
	i, escaped := e.closingQuote(start)
	end := i + 1
	if !n.stringKw {
		return end, true
	}
	s := e.src[start:i]
	if escaped {
		s = unescape(s)
	}
	ok := true
	// A character is one to four bytes, so the byte length alone often shows that the
	// string is within its bounds; only otherwise are the characters counted.
	if (n.minLength > 0 && len(s) < 4*n.minLength) || (n.maxLength >= 0 && len(s) > n.maxLength) {
		length := utf8.RuneCountInString(s)
		if n.minLength >= 0 && length < n.minLength {
			if e.fail(&ok, n, "minLength") {
				return 0, false
			}
		}
		if n.maxLength >= 0 && length > n.maxLength {
			if e.fail(&ok, n, "maxLength") {
				return 0, false
			}
		}
	}
	if n.pattern != nil && !e.match(n, s) {
		if e.fail(&ok, n, "pattern") {
			return 0, false
		}
	}
	if n.fmtStr != nil && !n.fmtStr(s) {
		if e.fail(&ok, n, "format") {
			return 0, false
		}
	}
	return end, ok
}

// number checks a number at pos; typed is false when the number is not of a type n allows.
func (e *fastEval) number(n *fastNode, pos int) (end int, typed, ok bool) {
	end = pos
	for end < len(e.src) {
		c := e.src[end]
		if !(isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		end++
	}
	lit := e.src[pos:end]
	integerOnly := n.types != 0 && n.types&tNumber == 0
	if integerOnly && n.types&tInteger == 0 {
		return end, false, false
	}
	if !integerOnly && !n.numberKw {
		return end, true, true
	}
	d, parsed := parseDec(lit)
	if !parsed {
		return end, false, false // guard admits nothing parseDec refuses
	}
	if integerOnly && !d.isInt() {
		return end, false, false
	}
	ok = true
	for _, b := range [...]struct {
		bound *decNum
		kw    string
		fails func(c int) bool
	}{
		{n.minimum, "minimum", func(c int) bool { return c < 0 }},
		{n.maximum, "maximum", func(c int) bool { return c > 0 }},
		{n.exclusiveMinimum, "exclusiveMinimum", func(c int) bool { return c <= 0 }},
		{n.exclusiveMaximum, "exclusiveMaximum", func(c int) bool { return c >= 0 }},
	} {
		if b.bound != nil && b.fails(d.cmp(b.bound)) {
			if e.fail(&ok, n, b.kw) {
				return 0, true, false
			}
		}
	}
	if n.multipleOf != nil {
		q, _ := new(big.Rat).SetString(lit)
		if !q.Quo(q, n.multipleOf).IsInt() {
			if e.fail(&ok, n, "multipleOf") {
				return 0, true, false
			}
		}
	}
	if n.fmtNum != nil && !n.fmtNum(lit) {
		if e.fail(&ok, n, "format") {
			return 0, true, false
		}
	}
	return end, true, ok
}

// array checks an array whose opening bracket is at pos.
func (e *fastEval) array(n *fastNode, pos int) (int, bool) {
	open := pos
	pos = e.space(pos + 1)
	count, contained := 0, 0
	ok := true
	if e.src[pos] != ']' {
		for {
			if n.contains != nil && e.passes(n.contains, pos) {
				contained++
			}
			var child *fastNode
			switch {
			case count < len(n.prefixItems):
				child = n.prefixItems[count]
			case n.items != nil:
				child = n.items
			}
			if child != nil {
				if e.collect {
					e.path = append(e.path, strconv.Itoa(count))
				}
				end, sub := e.eval(child, pos)
				if e.collect {
					e.path = e.path[:len(e.path)-1]
				}
				if !sub {
					if ok = false; e.halt() {
						return 0, false
					}
				}
				pos = end
			} else {
				pos = e.skip(pos)
			}
			count++
			pos = e.space(pos)
			if e.src[pos] == ']' {
				break
			}
			pos = e.space(pos + 1) // the comma
		}
	}
	if n.minItems >= 0 && count < n.minItems {
		if e.fail(&ok, n, "minItems") {
			return 0, false
		}
	}
	if n.maxItems >= 0 && count > n.maxItems {
		if e.fail(&ok, n, "maxItems") {
			return 0, false
		}
	}
	if n.contains != nil && (n.minContains >= 0 || n.maxContains >= 0) {
		if n.minContains >= 0 && contained < n.minContains {
			if e.fail(&ok, n, "minContains") {
				return 0, false
			}
		}
		if n.maxContains >= 0 && contained > n.maxContains {
			if e.fail(&ok, n, "maxContains") {
				return 0, false
			}
		}
	}
	if n.uniqueItems && count > 1 && !e.unique(open) {
		if e.fail(&ok, n, "uniqueItems") {
			return 0, false
		}
	}
	return pos + 1, ok
}

// unique reports whether the items of the array at pos are all different, as JSON Schema
// compares them.
func (e *fastEval) unique(pos int) bool {
	items, _ := e.decodeAt(pos).([]any)
	seen := make(map[string]bool, len(items))
	for _, item := range items {
		var b strings.Builder
		canonical(&b, item)
		k := b.String()
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// object checks an object whose opening brace is at pos. When the caller does not need the
// object's end, the check stops as soon as every field n names has been seen, if nothing n
// says depends on the other fields (see fastNode.namesOnly): an "if" that tests one field
// then reads only up to that field.
func (e *fastEval) object(n *fastNode, pos int, needEnd bool) (int, bool) {
	open := pos
	if !e.collect && n.fields != nil && e.memo.end > 0 && e.memo.open == open {
		return e.memo.end, e.fromMemo(n)
	}
	pos = e.space(pos + 1)
	count := 0
	named, stop := 0, -1 // fields seen that n names; how many to see before stopping
	if !needEnd && !e.collect && n.namesOnly {
		stop = len(n.members)
	}
	// A node whose subschemas apply to the same object leaves a memo of it for them.
	remember := !e.collect && n.sameValue
	if remember {
		e.memo.open, e.memo.end, e.memo.n = open, 0, 0
	}
	ok := true
	undefined := false // a field that additionalProperties: false forbids
	var found uint64
	var foundMany []bool
	if n.required > 64 {
		foundMany = make([]bool, n.required)
	}
	if e.src[pos] != '}' {
		for {
			count++
			keyStart := pos + 1
			i, escaped := e.closingQuote(keyStart)
			key := e.src[keyStart:i]
			if escaped {
				key = unescape(key)
			}
			m, known := n.member(key)
			if known {
				named++
			}
			if remember {
				// A nested object's memo may have replaced this one; then there is none.
				m := &e.memo
				if remember = m.open == open && m.n < memoFields && !escaped; remember {
					m.names[m.n] = key
					m.values[m.n] = e.space(e.space(i+1) + 1)
					m.n++
				}
			}
			if known && m.bit >= 0 {
				if foundMany != nil {
					foundMany[m.bit] = true
				} else {
					found |= 1 << m.bit
				}
			}
			if e.collect {
				e.path = append(e.path, key)
			}
			if n.propertyNames != nil {
				if !e.check(n.propertyNames, pos) {
					if ok = false; e.halt() {
						return 0, false
					}
				}
			}
			pos = e.space(i + 1)
			pos = e.space(pos + 1) // the colon
			end := -1
			matched := false
			if known && m.node != nil {
				matched = true
				var sub bool
				if end, sub = e.eval(m.node, pos); !sub {
					if ok = false; e.halt() {
						return 0, false
					}
				}
			}
			for _, pp := range n.patternProperties {
				if pp.re.MatchString(key) {
					matched = true
					var sub bool
					if end, sub = e.eval(pp.node, pos); !sub {
						if ok = false; e.halt() {
							return 0, false
						}
					}
				}
			}
			if !matched && n.additional != nil {
				if n.additional.never {
					// The library reports a forbidden field once, at the object.
					if ok, undefined = false, true; e.halt() {
						return 0, false
					}
				} else {
					var sub bool
					if end, sub = e.eval(n.additional, pos); !sub {
						if ok = false; e.halt() {
							return 0, false
						}
					}
				}
			}
			if e.collect {
				e.path = e.path[:len(e.path)-1]
			}
			if named == stop {
				// Every field n names has been checked (and passed: a failure has
				// returned), so every required field is present; the rest is free.
				return -1, true
			}
			if end < 0 {
				end = e.skip(pos)
			}
			pos = e.space(end)
			if e.src[pos] == '}' {
				break
			}
			pos = e.space(pos + 1) // the comma
		}
	}
	if undefined {
		e.miss(n, "additionalProperties")
	}
	if n.minProps >= 0 && count < n.minProps {
		if e.fail(&ok, n, "minProperties") {
			return 0, false
		}
	}
	if n.maxProps >= 0 && count > n.maxProps {
		if e.fail(&ok, n, "maxProperties") {
			return 0, false
		}
	}
	if n.required > 0 {
		complete := found == 1<<n.required-1
		if foundMany != nil {
			complete = !slices.Contains(foundMany, false)
		}
		if !complete {
			if e.fail(&ok, n, "required") {
				return 0, false
			}
		}
	}
	if len(n.dependentRequired) > 0 {
		obj, _ := e.decodeAt(open).(map[string]any)
		for _, name := range sortedKeys(obj) {
			for i, r := range n.dependentRequired[name] {
				if _, present := obj[r]; !present {
					if e.fail(&ok, n, "dependentRequired/"+escapeToken(name)+"/"+strconv.Itoa(i)) {
						return 0, false
					}
				}
			}
		}
	}
	if remember && e.memo.open == open {
		e.memo.end = pos + 1
	}
	return pos + 1, ok
}

// fromMemo checks the object in the memo against a node that only names fields.
func (e *fastEval) fromMemo(n *fastNode) bool {
	// Look every field up first: checking a value may replace the memo.
	var at [memoFields]int
	for i, f := range n.fields {
		at[i] = e.memo.lookup(f.name)
		if at[i] < 0 && f.required {
			return false
		}
	}
	for i, f := range n.fields {
		if at[i] >= 0 && f.node != nil && !e.check(f.node, at[i]) {
			return false
		}
	}
	return true
}

// matches reports whether the value between pos and end equals v, as JSON Schema compares
// values (numbers by value, objects regardless of field order), without decoding strings,
// numbers and literals into interface values.
func (e *fastEval) matches(pos, end int, v any) bool {
	switch c := e.src[pos]; {
	case c == '"':
		want, ok := v.(string)
		if !ok {
			return false
		}
		s := e.src[pos+1 : end-1]
		if hasBackslash(s) {
			s = unescape(s)
		}
		return s == want
	case c == 't':
		return v == true
	case c == 'f':
		return v == false
	case c == 'n':
		return v == nil
	case c == '{' || c == '[':
		return jsonEqual(e.decodeAt(pos), v)
	}
	want, ok := v.(json.Number)
	if !ok {
		return false
	}
	a, okA := parseDec(e.src[pos:end])
	b, okB := parseDec(string(want))
	if okA && okB {
		return a.cmp(&b) == 0
	}
	return jsonEqual(json.Number(e.src[pos:end]), v)
}

func (e *fastEval) inEnum(n *fastNode, pos, end int) bool {
	for _, x := range n.enum {
		if e.matches(pos, end, x) {
			return true
		}
	}
	return false
}

// decodeAt decodes the value at pos.
func (e *fastEval) decodeAt(pos int) any {
	d := decoder{src: e.src, pos: pos}
	return d.value()
}

// skip returns the position after the value at pos.
func (e *fastEval) skip(pos int) int {
	depth := 0
	for pos < len(e.src) {
		switch e.src[pos] {
		case '"':
			pos, _ = e.closingQuote(pos + 1)
			pos++
			if depth == 0 {
				return pos
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return pos
			}
			depth--
			if depth == 0 {
				return pos + 1
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return pos
			}
		}
		pos++
	}
	return pos
}

// jsonEqual compares two decoded JSON values as JSON Schema does.
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		bb, ok := b.(bool)
		return ok && a == bb
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	case json.Number:
		bn, ok := b.(json.Number)
		if !ok {
			return false
		}
		da, okA := parseDec(string(a))
		db, okB := parseDec(string(bn))
		if okA && okB {
			return da.cmp(&db) == 0
		}
		ra, okA := new(big.Rat).SetString(string(a))
		rb, okB := new(big.Rat).SetString(string(bn))
		return okA && okB && ra.Cmp(rb) == 0
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bl[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, v := range a {
			w, ok := bm[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// A decNum is an exact decimal number ±0.d₁d₂…dₙ × 10^exp, with d₁ and dₙ not zero; zero
// has no digits.
type decNum struct {
	neg    bool
	n      int
	digits [MaxNumberDigits]byte
	exp    int
}

// parseDec parses a JSON number literal of at most MaxNumberDigits digits.
func parseDec(lit string) (decNum, bool) {
	var d decNum
	i := 0
	if i < len(lit) && lit[i] == '-' {
		d.neg = true
		i++
	}
	intDigits, leading := 0, true
	point := 0 // digits of the integer part kept
	for ; i < len(lit) && isDigit(lit[i]); i++ {
		intDigits++
		if leading && lit[i] == '0' {
			continue
		}
		leading = false
		if d.n == len(d.digits) {
			return d, false
		}
		d.digits[d.n] = lit[i]
		d.n++
		point++
	}
	zerosAfterPoint := 0
	if i < len(lit) && lit[i] == '.' {
		for i++; i < len(lit) && isDigit(lit[i]); i++ {
			if leading && lit[i] == '0' {
				zerosAfterPoint++
				continue
			}
			leading = false
			if d.n == len(d.digits) {
				return d, false
			}
			d.digits[d.n] = lit[i]
			d.n++
		}
	}
	if intDigits == 0 {
		return d, false
	}
	exp := 0
	if i < len(lit) && (lit[i] == 'e' || lit[i] == 'E') {
		i++
		neg := false
		if i < len(lit) && (lit[i] == '+' || lit[i] == '-') {
			neg = lit[i] == '-'
			i++
		}
		if i == len(lit) {
			return d, false
		}
		for ; i < len(lit) && isDigit(lit[i]); i++ {
			exp = exp*10 + int(lit[i]-'0')
			if exp > 1_000_000 {
				return d, false
			}
		}
		if neg {
			exp = -exp
		}
	}
	if i != len(lit) {
		return d, false
	}
	for d.n > 0 && d.digits[d.n-1] == '0' {
		d.n--
	}
	if d.n == 0 {
		return decNum{}, true
	}
	if point > 0 {
		d.exp = point + exp
	} else {
		d.exp = -zerosAfterPoint + exp
	}
	return d, true
}

func (d *decNum) sign() int {
	switch {
	case d.n == 0:
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// cmp returns -1, 0 or +1 as d is less than, equal to or greater than o.
func (d *decNum) cmp(o *decNum) int {
	sd, so := d.sign(), o.sign()
	if sd != so {
		if sd < so {
			return -1
		}
		return 1
	}
	if sd == 0 {
		return 0
	}
	m := d.cmpMagnitude(o)
	if sd < 0 {
		return -m
	}
	return m
}

func (d *decNum) cmpMagnitude(o *decNum) int {
	if d.exp != o.exp {
		if d.exp > o.exp {
			return 1
		}
		return -1
	}
	for i := 0; i < d.n && i < o.n; i++ {
		if d.digits[i] != o.digits[i] {
			if d.digits[i] > o.digits[i] {
				return 1
			}
			return -1
		}
	}
	switch {
	case d.n > o.n:
		return 1
	case d.n < o.n:
		return -1
	}
	return 0
}

// isInt reports whether d is a whole number.
func (d *decNum) isInt() bool { return d.n == 0 || d.n <= d.exp }
