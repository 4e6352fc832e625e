package logos

import (
	"fmt"
	"strings"
)

// A browser draws a <use> by building a copy of the element it refers to,
// and of every <use> inside that copy, recursively: ten <use>s per level
// over nine levels make a 2 KB logo of a billion elements, and a page
// showing it never finishes loading. The sanitizer therefore counts the
// elements that <use> adds the way a browser expands them and refuses a
// logo over budget. It counts expansions, not elements: a plain drawing of
// thousands of paths costs nothing here.
const (
	// maxUseInstances bounds the elements that <use> references add to a
	// logo once expanded. The most in a real logo is under 1,000 (cncf-full).
	maxUseInstances = 20000
	// maxUseDepth bounds <use> chains: a <use> of an element holding a
	// <use> of an element holding ... The deepest real chain is 2.
	maxUseDepth = 16
)

// useReport is what limitUses found.
type useReport struct {
	instances int // elements that expanding every <use> adds
	depth     int // longest chain of <use> references
	circular  int // <use>s removed because they refer to themselves through their target
}

// problems reports the <use>s removed.
func (r useReport) problems() []Problem {
	switch {
	case r.circular == 1:
		return []Problem{warnf("has 1 <use> element that refers back to itself through what it shows; removed (browsers draw nothing for it)")}
	case r.circular > 1:
		return []Problem{warnf("has %d <use> elements that refer back to themselves through what they show; removed (browsers draw nothing for them)", r.circular)}
	}
	return nil
}

// limitUses removes each <use> that refers, directly or through its
// target's own <use>s, to itself or to an element containing it (browsers
// draw nothing for those), then measures the expansion of the rest and
// fails when it exceeds the budget.
func limitUses(root *node) (useReport, error) {
	g := newUseGraph(root)
	var rep useReport
	if len(g.uses) == 0 {
		return rep, nil
	}
	for _, u := range g.circularUses() {
		u.delAttr("href")
		delete(g.target, u)
		rep.circular++
	}
	size, depth := g.expansion(root)
	rep.instances, rep.depth = size-g.elements, depth
	switch {
	case depth > maxUseDepth:
		return rep, fmt.Errorf("chains <use> references more than %d deep (flatten the references)", maxUseDepth)
	case rep.instances > maxUseInstances:
		return rep, fmt.Errorf("expands <use> references into more than %d elements, which stalls browsers (flatten the references or simplify the logo)", maxUseInstances)
	}
	return rep, nil
}

// useGraph is the document as a graph: each element leads to its children,
// and each <use> also to the element it refers to.
type useGraph struct {
	ids      map[string]*node
	uses     []*node
	target   map[*node]*node
	elements int
}

func newUseGraph(root *node) *useGraph {
	g := &useGraph{ids: map[string]*node{}}
	root.walk(func(n *node) bool {
		g.elements++
		if id, ok := n.attr("id"); ok {
			if _, dup := g.ids[id]; !dup {
				g.ids[id] = n // the first element with an id is the one a reference finds
			}
		}
		if n.name == "use" {
			g.uses = append(g.uses, n)
		}
		return true
	})
	g.target = make(map[*node]*node, len(g.uses))
	for _, u := range g.uses {
		if t := g.ref(u); t != nil {
			g.target[u] = t
		}
	}
	return g
}

// ref is the element a <use> refers to, or nil.
func (g *useGraph) ref(u *node) *node {
	h, ok := u.attr("href")
	if !ok || !strings.HasPrefix(h, "#") {
		return nil
	}
	return g.ids[h[1:]]
}

// circularUses returns the <use>s that lie on a cycle of the graph: their
// target leads back to them. Tarjan's algorithm finds the strongly
// connected components; a <use> in the same component as its target is on
// a cycle.
func (g *useGraph) circularUses() []*node {
	t := tarjan{g: g, index: map[*node]int{}, low: map[*node]int{}, onStack: map[*node]bool{}, comp: map[*node]int{}}
	for _, u := range g.uses {
		if _, seen := t.index[u]; !seen {
			t.visit(u)
		}
	}
	var out []*node
	for _, u := range g.uses {
		if tg, ok := g.target[u]; ok && t.comp[u] == t.comp[tg] {
			out = append(out, u)
		}
	}
	return out
}

type tarjan struct {
	g       *useGraph
	next    int
	index   map[*node]int
	low     map[*node]int
	onStack map[*node]bool
	stack   []*node
	comp    map[*node]int
	comps   int
}

func (t *tarjan) visit(n *node) {
	t.index[n], t.low[n] = t.next, t.next
	t.next++
	t.stack = append(t.stack, n)
	t.onStack[n] = true
	edge := func(m *node) {
		if _, seen := t.index[m]; !seen {
			t.visit(m)
			t.low[n] = min(t.low[n], t.low[m])
		} else if t.onStack[m] {
			t.low[n] = min(t.low[n], t.index[m])
		}
	}
	for _, c := range n.children {
		if !c.isText {
			edge(c)
		}
	}
	if tg, ok := t.g.target[n]; ok {
		edge(tg)
	}
	if t.low[n] == t.index[n] {
		for {
			m := t.stack[len(t.stack)-1]
			t.stack = t.stack[:len(t.stack)-1]
			t.onStack[m] = false
			t.comp[m] = t.comps
			if m == n {
				break
			}
		}
		t.comps++
	}
}

// expansion returns how many elements n stands for once every <use> is
// expanded, and the longest chain of <use> references under it. The graph
// has no cycle left, so each element is counted once and remembered;
// counts saturate just above the budget so that they cannot overflow.
func (g *useGraph) expansion(root *node) (int, int) {
	type sized struct{ size, depth int }
	memo := map[*node]sized{}
	var count func(n *node) sized
	count = func(n *node) sized {
		if s, ok := memo[n]; ok {
			return s
		}
		s := sized{size: 1}
		for _, c := range n.children {
			if !c.isText {
				cs := count(c)
				s.size = min(s.size+cs.size, saturated)
				s.depth = max(s.depth, cs.depth)
			}
		}
		if tg, ok := g.target[n]; ok {
			ts := count(tg)
			s.size = min(s.size+ts.size, saturated)
			s.depth = max(s.depth, min(ts.depth+1, maxUseDepth+1))
		}
		memo[n] = s
		return s
	}
	s := count(root)
	return s.size, s.depth
}

// saturated caps element counts far above any budget.
const saturated = 1 << 40
