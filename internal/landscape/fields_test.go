package landscape

import "testing"

// TestFieldKinds checks that every key the loader reads has a kind, so the
// JSON schema describes it.
func TestFieldKinds(t *testing.T) {
	for _, f := range append(ItemFields(), ExtraFields()...) {
		if f.Kind == KindUnknown {
			t.Errorf("key %q has no kind: add it to itemKind or extraFieldKind in internal/landscape/fields.go", f.Key)
		}
	}
}
