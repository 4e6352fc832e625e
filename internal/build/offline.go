package build

import (
	"errors"
	"net/http"
)

// errOffline is what every request returns in offline mode, so that stages
// fall back to their caches exactly as they do when the network is down.
var errOffline = errors.New("offline mode: no network requests")

type offlineTransport struct{}

func (offlineTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, errOffline }

func offlineClient() *http.Client { return &http.Client{Transport: offlineTransport{}} }
