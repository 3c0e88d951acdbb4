package schemas

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// order sorts violations into document order: by the position in the document of the value
// each one points at or, for a field that is missing, of the object that should hold it.
// Violations at the same position are sorted by pointer, code and message, so the order is
// the same on every run. The positions come from one scan of the document that reads only
// the branches leading to the violations, skips the rest, and stops once it has found
// them all.
func (r *reporter) order(vs []Violation) {
	if len(vs) < 2 {
		return
	}
	root := &trieNode{offset: -1}
	nodes := make([]*trieNode, len(vs))
	for i, v := range vs {
		nodes[i] = root.want(v.Pointer, false)
	}
	p := positioner{data: r.data, todo: root.pending}
	p.walk(root)
	pos := make([]int, len(vs))
	for i, n := range nodes {
		for n != nil && n.offset < 0 {
			n = n.parent
		}
		if n != nil {
			pos[i] = n.offset
		}
	}
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if pos[i] != pos[j] {
			return pos[i] < pos[j]
		}
		if vs[i].Pointer != vs[j].Pointer {
			return vs[i].Pointer < vs[j].Pointer
		}
		if vs[i].Code != vs[j].Code {
			return vs[i].Code < vs[j].Code
		}
		return vs[i].Message < vs[j].Message
	})
	sorted := make([]Violation, len(vs))
	for a, i := range idx {
		sorted[a] = vs[i]
	}
	copy(vs, sorted)
}

// A trieNode is one reference token of the violations' pointers.
type trieNode struct {
	parent   *trieNode
	children map[string]*trieNode
	offset   int  // where the value starts in the document; -1 if it is not there
	wanted   bool // a pointer asked for, not only a step towards one
	shape    bool // the value's shape is wanted too (see readShape)
	value    any  // the value's shape, once read
	pending  int  // wanted nodes in this subtree not yet settled
	reached  bool
}

// want adds the pointer ptr below n and returns its node; with shape, the value's shape is
// to be read as well.
func (n *trieNode) want(ptr string, shape bool) *trieNode {
	for _, tok := range splitPointer(ptr) {
		n = n.child(tok)
	}
	n.shape = n.shape || shape
	if !n.wanted {
		n.wanted = true
		for m := n; m != nil; m = m.parent {
			m.pending++
		}
	}
	return n
}

func (n *trieNode) child(tok string) *trieNode {
	if c, ok := n.children[tok]; ok {
		return c
	}
	if n.children == nil {
		n.children = map[string]*trieNode{}
	}
	c := &trieNode{parent: n, offset: -1}
	n.children[tok] = c
	return c
}

// A positioner finds where values start in a well-formed document.
type positioner struct {
	data []byte
	pos  int
	todo int  // wanted nodes not yet settled: reached and read, or known to be absent
	done bool // every wanted node is settled: the rest of the document is not read
}

func (p *positioner) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// walk records the position of the value at p.pos for node n, and descends into the
// members that lead to wanted nodes, skipping the others; once every wanted node is
// settled, it stops.
func (p *positioner) walk(n *trieNode) {
	p.space()
	n.offset, n.reached = p.pos, true
	p.visit(n)
	if p.done {
		return
	}
	for _, c := range n.children {
		if !c.reached { // not in the document
			p.todo -= c.pending
		}
	}
	if n.wanted {
		p.todo--
	}
	p.done = p.todo <= 0
}

func (p *positioner) visit(n *trieNode) {
	if p.pos >= len(p.data) {
		return
	}
	c := p.data[p.pos]
	if n.shape && c != '{' && c != '[' {
		n.value = p.scalar()
		return
	}
	fields := n.shape && c == '{'
	if len(n.children) == 0 && !fields {
		if n.shape {
			n.value = []any{}
		}
		p.skip()
		return
	}
	switch c {
	case '{':
		var names map[string]any
		if fields {
			names = map[string]any{}
			n.value = names
		}
		p.pos++
		p.space()
		if p.data[p.pos] == '}' {
			p.pos++
			return
		}
		for {
			p.space()
			start := p.pos + 1
			p.skipString()
			key := unquote(p.data[start : p.pos-1])
			if fields {
				names[strings.Clone(key)] = nil // key itself may live on the stack
			}
			p.space()
			p.pos++ // the colon
			if c, ok := n.children[key]; ok {
				if p.walk(c); p.done {
					return
				}
			} else {
				p.space()
				p.skip()
			}
			if !p.next('}') {
				return
			}
		}
	case '[':
		if n.shape {
			n.value = []any{}
		}
		// The wanted items by index, in order: a token that is not an index in canonical
		// form ("01", "-1", "x") names no item.
		var buf [8]indexedNode
		items := buf[:0]
		for tok, c := range n.children {
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && strconv.Itoa(i) == tok {
				items = append(items, indexedNode{i, c})
			}
		}
		slices.SortFunc(items, func(a, b indexedNode) int { return a.index - b.index })
		p.pos++
		p.space()
		if p.data[p.pos] == ']' {
			p.pos++
			return
		}
		for i := 0; ; i++ {
			if len(items) > 0 && items[0].index == i {
				c := items[0].node
				items = items[1:]
				if p.walk(c); p.done {
					return
				}
			} else {
				p.space()
				p.skip()
			}
			if !p.next(']') {
				return
			}
		}
	default:
		p.skip()
	}
}

type indexedNode struct {
	index int
	node  *trieNode
}

// scalar decodes the string, number, boolean or null at p.pos and moves past it.
func (p *positioner) scalar() any {
	start := p.pos
	p.skip()
	d := decoder{src: string(p.data[start:p.pos])}
	return d.value()
}

// next reads the comma or the closing bracket after a member or item; it reports whether
// another follows.
func (p *positioner) next(closing byte) bool {
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ',' {
		p.pos++
		return true
	}
	p.pos++ // closing
	return false
}

// skip moves past the value at p.pos.
func (p *positioner) skip() {
	depth := 0
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '"':
			p.skipString()
			if depth == 0 {
				return
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return // the end of the container holding a scalar
			}
			depth--
			if depth == 0 {
				p.pos++
				return
			}
		case ',':
			if depth == 0 {
				return
			}
		case ' ', '\t', '\n', '\r':
			if depth == 0 {
				return
			}
		}
		p.pos++
	}
}

// skipString moves past the string whose opening quote is at p.pos.
func (p *positioner) skipString() {
	p.pos++
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\\':
			p.pos += 2
			continue
		case '"':
			p.pos++
			return
		}
		p.pos++
	}
}
