package site

import (
	"testing"
	"unicode/utf8"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

func TestOrganizationName(t *testing.T) {
	settings := &landscape.Settings{OrganizationNames: map[string]string{"acme-cloud": "ACME Cloud"}}
	const cb = "https://www.crunchbase.com/organization/"
	for _, tc := range []struct {
		item landscape.Item
		want string
		src  OrgSource
	}{
		{landscape.Item{Organization: "Foo Corp", Crunchbase: cb + "ibm"}, "Foo Corp", OrgData},
		{landscape.Item{Crunchbase: cb + "acme-cloud"}, "ACME Cloud", OrgSettings},
		{landscape.Item{Crunchbase: cb + "ibm"}, "IBM", OrgSlug},
		{landscape.Item{Crunchbase: cb + "vmware"}, "VMware", OrgSlug},
		{landscape.Item{Crunchbase: cb + "sap"}, "SAP", OrgSlug},
		{landscape.Item{Crunchbase: cb + "nvidia"}, "NVIDIA", OrgSlug},
		{landscape.Item{Crunchbase: cb + "ntt-data"}, "NTT DATA", OrgKnown},
		{landscape.Item{Crunchbase: cb + "solo-io"}, "Solo.io", OrgSlug},
		{landscape.Item{Crunchbase: cb + "cast-ai"}, "Cast AI", OrgSlug},
		{landscape.Item{Crunchbase: cb + "acme_widgets-gmbh/"}, "Acme Widgets GmbH", OrgSlug},
		// multi-byte first letters: the first rune is upper-cased, not the first byte
		{landscape.Item{Crunchbase: cb + "%E5%BC%80%E6%94%BE%E5%8E%9F%E5%AD%90"}, "开放原子", OrgSlug},
		{landscape.Item{Crunchbase: cb + "%C3%A9toile-soci%C3%A9t%C3%A9"}, "Étoile Société", OrgSlug},
		{landscape.Item{Crunchbase: cb + "bad-%FF%FEname"}, "Bad Name", OrgSlug},
		{landscape.Item{}, "", OrgNone},
	} {
		got, src := OrganizationName(&tc.item, settings)
		if got != tc.want || src != tc.src {
			t.Errorf("%q: got %q (source %d), want %q (source %d)", tc.item.Crunchbase, got, src, tc.want, tc.src)
		}
		if !utf8.ValidString(got) {
			t.Errorf("%q: %q is not valid UTF-8", tc.item.Crunchbase, got)
		}
	}
}

func TestSetOwnerName(t *testing.T) {
	slug := &Item{Organization: "Acme", OrgSource: OrgSlug}
	slug.SetOwnerName("ACME Corporation")
	data := &Item{Organization: "Acme Inc", OrgSource: OrgData}
	data.SetOwnerName("ACME Corporation")
	if slug.Organization != "ACME Corporation" || data.Organization != "Acme Inc" {
		t.Errorf("got %q and %q, want the owner's name over the slug only", slug.Organization, data.Organization)
	}
}
