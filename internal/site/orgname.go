package site

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// OrgSource says where an item's organization name came from, best first,
// so that a later stage with a better source (the GitHub owner's display
// name) knows which names it may replace.
type OrgSource int

const (
	OrgNone     OrgSource = iota // no organization known
	OrgData                      // organization.name in landscape.yml
	OrgSettings                  // settings organization_names
	OrgKnown                     // a known company name (knownOrgs)
	OrgSlug                      // the crunchbase slug made readable
)

// OrganizationName names the item's owner, from the best source there is:
// organization.name, then the curated organization_names of settings
// (keyed by crunchbase slug), then a known name for the slug (IBM, VMware,
// NTT DATA: a slug cannot tell their spelling), then the slug made readable
// word by word.
func OrganizationName(it *landscape.Item, s *landscape.Settings) (string, OrgSource) {
	if n := strings.TrimSpace(it.Organization); n != "" {
		return n, OrgData
	}
	slug := CrunchbaseSlug(it.Crunchbase)
	if slug == "" {
		return "", OrgNone
	}
	if s != nil {
		if n := strings.TrimSpace(s.OrganizationNames[slug]); n != "" {
			return n, OrgSettings
		}
	}
	if n, ok := knownOrgs[strings.ToLower(slug)]; ok {
		return n, OrgKnown
	}
	return prettySlug(slug), OrgSlug
}

// CrunchbaseSlug is the organization's slug in a crunchbase URL, decoded
// ("%E5%BC%80..." is a Chinese name), or "" when the URL has none. A slug
// that does not decode to valid UTF-8 is replaced by its readable runes.
func CrunchbaseSlug(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	path := strings.TrimRight(p.Path, "/")
	return strings.ToValidUTF8(path[strings.LastIndex(path, "/")+1:], "")
}

// SetOwnerName offers the GitHub owner's display name as the item's
// organization: it replaces only a name made from the slug, the weakest
// source, never one the data, the settings or the known names give.
func (it *Item) SetOwnerName(name string) {
	name = strings.TrimSpace(strings.ToValidUTF8(name, ""))
	if name != "" && (it.OrgSource == OrgSlug || it.OrgSource == OrgNone) {
		it.Organization, it.OrgSource = name, OrgSlug
	}
}

// prettySlug turns "ntt-foo_bar" into "NTT Foo Bar": words split at dashes
// and underscores, each capitalised by its first rune (never its first
// byte, which would cut a multi-byte letter), known words spelt as they
// are written.
func prettySlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		lw := strings.ToLower(w)
		if k, ok := knownWords[lw]; ok {
			words[i] = k
			continue
		}
		if i == len(words)-1 && i > 0 {
			if tld, ok := suffixWords[lw]; ok { // "solo-io" is Solo.io
				return strings.Join(words[:i], " ") + tld
			}
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// knownOrgs spell the organizations whose slug reads wrong when each word is
// capitalised; keyed by the whole slug.
var knownOrgs = map[string]string{
	"ntt-data": "NTT DATA", "gitlab-com": "GitLab", "ovh-com": "OVHcloud",
	"circle-ci": "CircleCI", "travis-ci": "Travis CI", "db-systel": "DB Systel",
	"kt-cloud": "KT Cloud", "zte-corporation": "ZTE Corporation", "rx-m": "RX-M",
	"the-open-api-initiative": "The OpenAPI Initiative", "logz-io": "Logz.io",
	"crunchy-data-solutions-inc-": "Crunchy Data Solutions, Inc.",
}

// knownWords are words of slugs spelt as their owners write them.
var knownWords = map[string]string{
	"ibm": "IBM", "vmware": "VMware", "sap": "SAP", "nvidia": "NVIDIA", "ntt": "NTT",
	"aws": "AWS", "amd": "AMD", "arm": "Arm", "suse": "SUSE", "github": "GitHub",
	"gitlab": "GitLab", "jfrog": "JFrog", "mongodb": "MongoDB", "minio": "MinIO",
	"hpe": "HPE", "nec": "NEC", "lg": "LG", "cern": "CERN", "asml": "ASML",
	"sncf": "SNCF", "saic": "SAIC", "ubs": "UBS", "ukg": "UKG", "rbc": "RBC",
	"tno": "TNO", "w3c": "W3C", "wso2": "WSO2", "dfds": "DFDS", "wiz": "Wiz",
	"ai": "AI", "api": "API", "ci": "CI", "cd": "CD", "it": "IT", "gmbh": "GmbH",
	"ag": "AG", "llc": "LLC", "inc": "Inc.", "ltd": "Ltd.", "co": "Co.", "kt": "KT",
	"sa": "SA", "bv": "BV", "oy": "Oy", "ab": "AB", "se": "SE", "usa": "USA",
}

// suffixWords end a slug that names a domain: "solo-io" is Solo.io.
var suffixWords = map[string]string{"io": ".io", "com": ".com", "dev": ".dev", "sh": ".sh"}
