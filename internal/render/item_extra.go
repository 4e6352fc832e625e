package render

import (
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/site"
)

// linkView is one link of an item: a readable name, an icon, the URL.
type linkView struct {
	Label, URL, Icon string
}

// linkIcons gives each link kind its icon (icons.go); others get "link".
var linkIcons = map[string]string{
	"blog_url": "blog", "blog_jp_url": "blog", "slack_url": "chat", "discord_url": "chat",
	"gitter_url": "chat", "github_discussions_url": "chat", "mailing_list_url": "mail",
	"documentation_url": "doc", "youtube_url": "video", "summary_intro_url": "video",
	"stack_overflow_url": "question", "dev_stats_url": "chart", "clomonitor_url": "chart",
	"artwork_url": "image", "docker_url": "package", "package_manager_url": "package",
	"helm_chart_url": "package", "operator_chart_url": "package", "kubernetes_url": "package",
	"linkedin_url": "people", "twitter_url": "people", "facebook_url": "people",
	"reddit_url": "people", "pinterest_url": "people", "bluesky_url": "people",
	"funding_url": "heart", "annual_review_url": "doc",
}

// linkOrder puts the links people look for first ahead of the rest.
var linkOrder = []string{"documentation_url", "blog_url", "slack_url", "discord_url",
	"github_discussions_url", "mailing_list_url", "youtube_url", "summary_intro_url"}

// itemLinks lists every link of the item but its homepage and repositories,
// which the page shows as buttons and a section: the social and profile
// links, then extra's links, then other_links, each at most once.
func itemLinks(it *site.Item) []linkView {
	var out []linkView
	seen := map[string]bool{}
	add := func(label, u, icon string) {
		if u = safeURL(u); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, linkView{label, u, icon})
		}
	}
	keys := sortedKeys(it.Extra.Links)
	slices.SortStableFunc(keys, func(a, b string) int { return rank(linkOrder, a) - rank(linkOrder, b) })
	for _, k := range keys {
		icon := linkIcons[k]
		if icon == "" {
			icon = "link"
		}
		add(label(k), it.Extra.Links[k], icon)
	}
	add("X (Twitter)", it.Twitter, "people")
	add("Bluesky", it.Bluesky, "people")
	add("OpenSSF Best Practices", it.BestPractices, "shield")
	add("Crunchbase profile", it.Crunchbase, "org")
	for _, l := range it.Extra.OtherLinks {
		add(strings.TrimSpace(l.Name), l.URL, "link")
	}
	return out
}

// The known texts of extra, by how they read. Keys in none of these lists
// (clomonitor_name and lfx_slug become links, tag a badge) are not shown
// as text; keys the loader does not know never reach the site.
var (
	summaryKeys = []string{"summary_use_case", "summary_business_use_case", "summary_release_rate"}
	listKeys    = []string{"summary_personas", "summary_integrations", "summary_integration",
		"summary_languages", "summary_tags", "cncf_tags", "training_certifications"}
	textKeys = []string{"chat_channel", "parent_project", "training_type"}
)

var textLabels = map[string]string{
	"summary_use_case": "Use case", "summary_business_use_case": "Business use case",
	"summary_release_rate": "Release rate", "summary_personas": "Who uses it",
	"summary_integrations": "Integrations", "summary_integration": "Integrations",
	"summary_languages": "Languages", "summary_tags": "Tags", "cncf_tags": "CNCF tags",
	"training_certifications": "Certifications", "chat_channel": "Chat channel",
	"parent_project": "Parent project", "training_type": "Training type",
}

func extraTexts(text map[string]string) (summary []fact, lists []listFact, texts []fact) {
	for _, k := range summaryKeys {
		if v := strings.TrimSpace(text[k]); v != "" {
			summary = append(summary, fact{textLabels[k], v})
		}
	}
	done := map[string]bool{}
	for _, k := range listKeys {
		items := splitList(text[k])
		if len(items) == 0 || done[textLabels[k]] {
			continue
		}
		done[textLabels[k]] = true
		lists = append(lists, listFact{textLabels[k], items})
	}
	for _, k := range textKeys {
		if v := strings.TrimSpace(text[k]); v != "" {
			texts = append(texts, fact{textLabels[k], v})
		}
	}
	return summary, lists, texts
}

// splitList reads "a, b, c" as a list, each entry once, case aside
// (summary_tags often repeats one).
func splitList(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if k := strings.ToLower(p); p != "" && !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}
