// Package search is the search box (issue 4): minutes, resolutions,
// speeches, thematic topics, documents, and member names, found without
// diacritics ("dang" finds "Đảng"), with phrases, prefixes and exclusions
// (internal/searchq), most recent first, and only within what the user may
// see. The index is kept by a meetings hook inside every meeting write
// (index.go), and by the documents and quality services inside theirs
// (documents.Index, quality.IndexTopic); the SQL of both engines is in
// internal/store/search*.go.
package search

import (
	"context"
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"time"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/searchq"
	"chibo/internal/store"
)

// Kinds of results. Member results come from the member register itself,
// not from the text index.
const (
	KindMinutes    = store.DocMinutes
	KindResolution = store.DocResolution
	KindSpeech     = store.DocSpeech
	KindTopic      = store.DocTopic
	KindDocument   = store.DocDocument
	KindMember     = "member"
)

// Kinds lists every kind of result, in the order the page groups them.
var Kinds = []string{KindMember, KindResolution, KindMinutes, KindSpeech, KindTopic, KindDocument}

// Limits of a page.
const (
	DefaultLimit = 20
	MaxLimit     = 100
	// MaxMembers is how many members the first page shows at most: the
	// search box finds a person, the member list pages through them.
	MaxMembers = 10
	// SnippetRunes is the length of a snippet, in characters.
	SnippetRunes = 160
)

// Service runs searches and keeps the index.
type Service struct {
	DB  *store.DB
	Now func() time.Time
}

// New returns a Service with the real clock.
func New(db *store.DB) *Service { return &Service{DB: db, Now: time.Now} }

// Options narrow a search.
type Options struct {
	Kinds  []string // only these kinds; empty for all
	Limit  int      // texts per page; 0 for DefaultLimit
	Cursor string   // Results.Next of the page before
}

// Result is one thing found.
type Result struct {
	Kind      string
	ID        int64 // the record: the meeting for minutes, resolutions and speeches; the member
	Part      int   // which speech of the meeting
	MeetingID int64
	OrgID     int64
	OrgName   string
	// Title is the text's own title: the speaker of a speech, the
	// topic of a thematic meeting, a document's title, a member's name.
	Title       string
	MeetingKind party.MeetingKind
	Period      party.Period
	Date        party.Date
	Snippet     searchq.Snippet
}

// Results is a page of results: members first (on the first page), then
// texts, most recent first.
type Results struct {
	Query searchq.Query
	Items []Result
	Next  string // the cursor of the next page; "" on the last
}

// Search finds what q names within what p may see. Bad input is refused
// with searchq's messages (party.Invalid: empty, too long, no words, only
// exclusions), never passed to an engine.
func (s *Service) Search(ctx context.Context, p auth.Principal, q string, opt Options) (Results, error) {
	if !p.LoggedIn() {
		return Results{}, party.Errorf(party.EUnauthorized, "auth.login_required")
	}
	query, err := searchq.Parse(q)
	if err != nil {
		return Results{}, err
	}
	kinds, err := checkKinds(opt.Kinds)
	if err != nil {
		return Results{}, err
	}
	before, err := decodeCursor(opt.Cursor)
	if err != nil {
		return Results{}, err
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	res := Results{Query: query}
	// The scope: the whole tree for administrators, the subtree of a
	// board, a secretary's cell, a member's home cell. No scope, nothing.
	scope := p.ScopePath()
	if scope == "" {
		return res, nil
	}
	wantMembers := before == 0 && want(kinds, KindMember)
	texts := kinds
	if len(kinds) > 0 {
		texts = slices.DeleteFunc(slices.Clone(kinds), func(k string) bool { return k == KindMember })
	}
	wantTexts := (len(kinds) == 0 || len(texts) > 0) && auth.Can(p, auth.ViewMeetings, auth.Target{OrgPath: scope})
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		if wantMembers {
			ms, err := tx.SearchMembers(ctx, scope, query, min(limit, MaxMembers))
			if err != nil {
				return err
			}
			for _, m := range ms {
				// A member sees no one's record but their own.
				if !auth.Can(p, auth.ViewMembers, auth.Target{OrgPath: m.OrgPath, MemberID: m.ID}) {
					continue
				}
				res.Items = append(res.Items, Result{Kind: KindMember, ID: m.ID, OrgID: m.OrgID, OrgName: m.OrgName, Title: m.FullName,
					Snippet: searchq.Highlight(m.FullName, query, 0)})
			}
		}
		if !wantTexts {
			return nil
		}
		page, err := tx.SearchDocs(ctx, store.SearchQuery{Match: query, Scope: scope, Kinds: texts, Before: before, Limit: limit, Received: true})
		if err != nil {
			return err
		}
		hits, err := s.readable(ctx, tx, p, dedupe(page.Hits))
		if err != nil {
			return err
		}
		for _, h := range hits {
			res.Items = append(res.Items, resultOf(h, query))
		}
		if page.Next != 0 {
			res.Next = encodeCursor(page.Next)
		}
		return nil
	})
	return res, err
}

// dedupe keeps the first hit of each text: a document is indexed once
// per organization it concerns (its issuer, each recipient), and a board
// above several of them finds it under each. Speeches stay apart: each
// part of a meeting is a text of its own.
func dedupe(hits []store.SearchHit) []store.SearchHit {
	type text struct {
		kind string
		ref  int64
		part int
	}
	seen := map[text]bool{}
	out := hits[:0:0]
	for _, h := range hits {
		t := text{h.Kind, h.RefID, h.Part}
		if h.Kind == KindDocument {
			t.part = 0
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, h)
		}
	}
	return out
}

// readable leaves out the documents p may not read (documents.CanRead):
// one sent to the holders of an office reaches the cells under its
// recipient in the index, but only those members among them.
func (s *Service) readable(ctx context.Context, tx *store.Tx, p auth.Principal, hits []store.SearchHit) ([]store.SearchHit, error) {
	out := hits[:0:0]
	for _, h := range hits {
		if h.Kind == KindDocument {
			d, err := tx.Document(ctx, h.RefID)
			if party.ErrorCode(err) == party.ENotFound {
				continue
			}
			if err != nil {
				return nil, err
			}
			if ok, err := documents.CanRead(ctx, tx, p, d, party.DateOf(s.Now())); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
		}
		out = append(out, h)
	}
	return out, nil
}

func resultOf(h store.SearchHit, q searchq.Query) Result {
	r := Result{Kind: h.Kind, ID: h.RefID, Part: h.Part, MeetingID: h.MeetingID, OrgID: h.OrgID, OrgName: h.OrgName,
		Title: h.Title, MeetingKind: h.MeetingKind, Period: h.Period, Date: h.Date}
	r.Snippet = searchq.Highlight(h.Body, q, SnippetRunes)
	if !hasHit(r.Snippet) && q.Matches(h.Title) {
		// Found by its title only: show the title with the hit marked.
		r.Snippet = searchq.Highlight(h.Title, q, SnippetRunes)
	}
	return r
}

func hasHit(s searchq.Snippet) bool {
	for _, p := range s.Parts {
		if p.Hit {
			return true
		}
	}
	return false
}

func want(kinds []string, k string) bool { return len(kinds) == 0 || slices.Contains(kinds, k) }

// checkKinds reads the kinds filter: known kinds only, each once.
func checkKinds(kinds []string) ([]string, error) {
	var out []string
	for _, k := range kinds {
		for _, k := range strings.Split(k, ",") {
			k = strings.TrimSpace(k)
			if k == "" {
				continue
			}
			if !slices.Contains(Kinds, k) {
				return nil, party.Invalid("web.search.bad_kind", k)
			}
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out, nil
}

// A cursor is the sort key of the last text of a page, opaque to clients.
func encodeCursor(key int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("k" + strconv.FormatInt(key, 36)))
}

func decodeCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && len(b) > 1 && b[0] == 'k' {
		if key, err := strconv.ParseInt(string(b[1:]), 36, 64); err == nil && key > 0 {
			return key, nil
		}
	}
	return 0, party.Invalid("web.search.bad_cursor")
}
