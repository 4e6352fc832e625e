package landscape

import "gopkg.in/yaml.v3"

// maxMappingKeys is how many keys one mapping of settings.yml or guide.yml
// may hold. yaml.v3 compares every key of a mapping it decodes into a Go
// map with every other (and makes an error of each repeat), so 100,000
// keys in organization_names kept validate busy for more than ten minutes.
// Settings have a few dozen keys per mapping at most.
const maxMappingKeys = 2000

// boundMappings prepares a settings or guide file for yaml.v3's decoding:
// a key repeated in a mapping is reported and its later values dropped,
// and a mapping of more than maxMappingKeys keys is reported and cut there.
// Each mapping is seen once, aliases or not.
func (d *decoder) boundMappings(root *yaml.Node) {
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		n = resolve(n)
		if seen[n] {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			d.boundMapping(n, path)
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], joinPath(path, n.Content[i].Value))
			}
		}
	}
	walk(root, "")
}

func (d *decoder) boundMapping(n *yaml.Node, path string) {
	keys := make(map[string]bool, min(len(n.Content)/2, maxMappingKeys))
	kept := n.Content[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && keys[k.Value] {
			d.errorf(k, "", joinPath(path, k.Value), "key %q repeated (keep one; the first is used)", k.Value)
			continue
		}
		if len(kept)/2 == maxMappingKeys {
			d.errorf(k, "", path, "more than %d keys in one mapping (%d here); the rest are ignored", maxMappingKeys, len(n.Content)/2)
			break
		}
		keys[k.Value] = true
		kept = append(kept, k, n.Content[i+1])
	}
	n.Content = kept
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// valuesByKey maps each key of a mapping to its value (aliases followed),
// for looking many keys up in one mapping: child looks through them all.
func valuesByKey(n *yaml.Node) map[string]*yaml.Node {
	m := map[string]*yaml.Node{}
	if n == nil || n.Kind != yaml.MappingNode {
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if _, ok := m[n.Content[i].Value]; !ok {
			m[n.Content[i].Value] = resolve(n.Content[i+1])
		}
	}
	return m
}
