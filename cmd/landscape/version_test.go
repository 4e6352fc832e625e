package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}}
	devel := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	tests := []struct {
		name, linked string
		info         *debug.BuildInfo
		want         string
	}{
		{"go install @v1.2.3", "", info, "landscape v1.2.3 (revision abc123, modified, go1.26.8)"},
		{"-ldflags wins", "v1.4.0", info, "landscape v1.4.0 (revision abc123, modified, go1.26.8)"},
		{"a checkout", "", devel, "landscape devel (go1.26.8)"},
		{"no build info", "", nil, "landscape devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionLine(tt.linked, tt.info); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
