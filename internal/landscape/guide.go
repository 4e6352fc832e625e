package landscape

import (
	"fmt"
	"io/fs"
	"reflect"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Guide is guide.yml in the landscape2 format: markdown content per category
// and subcategory.
type Guide struct {
	Categories []GuideCategory `yaml:"categories"`
}

// GuideCategory is one chapter of the guide.
type GuideCategory struct {
	Category      string             `yaml:"category"`
	Content       string             `yaml:"content"`
	Keywords      []string           `yaml:"keywords"` // landscape2's, for search; read, not shown
	Subcategories []GuideSubcategory `yaml:"subcategories"`
}

// GuideSubcategory is one section of a chapter.
type GuideSubcategory struct {
	Subcategory string   `yaml:"subcategory"`
	Content     string   `yaml:"content"`
	Keywords    []string `yaml:"keywords"` // landscape2's, for search; read, not shown
}

// LoadGuide reads guide.yml from fsys.
func LoadGuide(fsys fs.FS, name string) (*Guide, diag.List, error) {
	data, err := readInput(fsys, name, maxSettingsBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	d := &decoder{file: name}
	g := &Guide{}
	root, ok := d.document(trimBOM(data), `"categories:" and a list of chapters`)
	if !ok {
		return g, d.diags, nil
	}
	d.boundMappings(root)
	d.limitText(root, "", "")
	if err := root.Decode(g); err != nil {
		d.decodeErrors(root, err, "expected categories: [{category, content, subcategories}]")
	}
	d.nestedKeys(root, reflect.TypeFor[Guide](), "")
	return g, d.diags, nil
}
