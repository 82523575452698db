package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"sync"
)

// The OpenAPI document is assembled from one fragment per feature area
// (openapi/*.json), each holding its own paths and schemas, so that areas
// can grow without editing one big file.
//
//go:embed openapi/*.json
var openapiFS embed.FS

var (
	openapiOnce sync.Once
	openapiDoc  []byte
	openapiErr  error
)

// OpenAPI returns the merged document.
func OpenAPI() ([]byte, error) {
	openapiOnce.Do(func() {
		doc, err := mergeOpenAPI()
		if err != nil {
			openapiErr = err
			return
		}
		openapiDoc, openapiErr = json.MarshalIndent(doc, "", "  ")
	})
	return openapiDoc, openapiErr
}

func mergeOpenAPI() (map[string]any, error) {
	files, err := fs.Glob(openapiFS, "openapi/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var doc map[string]any
	for _, f := range files {
		b, err := openapiFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var part map[string]any
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if doc == nil {
			doc = part
			continue
		}
		if err := mergeInto(doc, part, f); err != nil {
			return nil, err
		}
	}
	addAuthErrors(doc)
	return doc, nil
}

// addAuthErrors documents on every operation the answers of the guard:
// 401 without a login, 403 outside the role or scope.
func addAuthErrors(doc map[string]any) {
	paths, _ := doc["paths"].(map[string]any)
	for p, item := range paths {
		if p == "/api/v1/openapi.json" {
			continue
		}
		for _, op := range item.(map[string]any) {
			o, ok := op.(map[string]any)
			if !ok {
				continue
			}
			resps, _ := o["responses"].(map[string]any)
			if resps == nil {
				continue
			}
			for _, code := range []string{"401", "403"} {
				if _, ok := resps[code]; !ok {
					resps[code] = map[string]any{"$ref": "#/components/responses/Error"}
				}
			}
		}
	}
}

// mergeInto adds the paths and components of part to doc; a path or a
// schema defined twice is an error.
func mergeInto(doc, part map[string]any, file string) error {
	for _, key := range []string{"paths", "components"} {
		src, _ := part[key].(map[string]any)
		if src == nil {
			continue
		}
		dst, _ := doc[key].(map[string]any)
		if dst == nil {
			dst = map[string]any{}
			doc[key] = dst
		}
		if key == "paths" {
			for p, v := range src {
				if _, dup := dst[p]; dup {
					return fmt.Errorf("%s: path %s defined twice", file, p)
				}
				dst[p] = v
			}
			continue
		}
		for section, v := range src {
			sm, _ := v.(map[string]any)
			dm, _ := dst[section].(map[string]any)
			if dm == nil {
				dm = map[string]any{}
				dst[section] = dm
			}
			for name, s := range sm {
				if _, dup := dm[name]; dup {
					return fmt.Errorf("%s: component %s/%s defined twice", file, section, name)
				}
				dm[name] = s
			}
		}
	}
	return nil
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	b, err := OpenAPI()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}
