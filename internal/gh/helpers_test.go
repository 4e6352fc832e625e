package gh

import "net/url"

func parseQuery(s string) (url.Values, error) { return url.ParseQuery(s) }
