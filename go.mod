module github.com/serverless-landscape/landscape

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/google/go-github/v50 v50.2.0 // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	github.com/tdewolff/minify/v2 v2.24.25 // indirect
	github.com/tdewolff/parse/v2 v2.8.20 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
