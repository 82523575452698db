package quality

import (
	"context"
	"strconv"
	"time"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/textsim"
)

// The threshold is a setting (issue 4: "Threshold a setting").
const settingThreshold = "formalism.threshold"

// Threshold is the similarity from which two minutes are flagged.
func Threshold(ctx context.Context, tx *store.Tx) float64 {
	v, ok, err := tx.Setting(ctx, settingThreshold)
	if err != nil || !ok {
		return textsim.DefaultThreshold
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f > 1 {
		return textsim.DefaultThreshold
	}
	return f
}

// SetThreshold changes the setting.
func (s *Service) SetThreshold(ctx context.Context, actor store.Actor, t float64) error {
	if t < 0.2 || t > 0.99 {
		f := party.FieldErrors{}
		f.Add("threshold", "quality.threshold_range")
		return f.Err()
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.PutSetting(ctx, settingThreshold, strconv.FormatFloat(t, 'f', 2, 64)); err != nil {
			return err
		}
		return tx.Audit(ctx, "setting", "formalism.threshold", 0, 0, nil, t)
	})
}

// template is what every honest minutes share: the agenda titles of every
// rule set and the fixed sentences of the minutes (PRINT.md §6). It is
// taken out before comparing, so that shared wording does not count.
func template(ctx context.Context, tx *store.Tx) (*textsim.Template, error) {
	sets, err := tx.RuleSets(ctx)
	if err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		sets = party.DefaultRuleSets()
	}
	var phrases []string
	for _, rs := range sets {
		for _, a := range rs.Agendas {
			for _, it := range a.Items {
				phrases = append(phrases, it.Title, it.Hint)
			}
		}
	}
	phrases = append(phrases, fixedPhrases...)
	return textsim.NewTemplate(phrases...), nil
}

// fixedPhrases are the standard sentences of minutes (PRINT.md §6).
var fixedPhrases = []string{
	"Đồng chí chủ trì tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình sinh hoạt và cử thư ký.",
	"Biên bản đã được đọc lại cho chi bộ nghe và được các đồng chí dự họp nhất trí thông qua.",
	"Chi bộ tự đánh giá chất lượng buổi sinh hoạt",
	"Thông báo tình hình thời sự, những chủ trương, chính sách mới của Đảng, Nhà nước và phổ biến, quán triệt các văn bản của cấp trên.",
	"Đánh giá kết quả thực hiện nhiệm vụ tháng …, đề ra nhiệm vụ tháng …",
	"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
}

// ScanResult counts what a formalism pass found.
type ScanResult struct {
	Period   party.Period
	Minutes  int
	Peers    int // pairs of cells alike in the period
	Previous int // minutes alike their cell's previous ones
	Took     time.Duration
}

// Scan compares every minutes of a period with each other (across cells)
// and with their cell's previous minutes, and records the pairs at or
// above the threshold. It runs as a job after each month closes and on
// demand; for a city (20,000 cells) it takes seconds.
func (s *Service) Scan(ctx context.Context, actor store.Actor, p party.Period) (ScanResult, error) {
	start := time.Now()
	res := ScanResult{Period: p}
	var docs []store.MinutesText
	var tmpl *textsim.Template
	var threshold float64
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if docs, err = tx.MinutesOfPeriod(ctx, p.String()); err != nil {
			return err
		}
		threshold = Threshold(ctx, tx)
		tmpl, err = template(ctx, tx)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Minutes = len(docs)
	in := make([]textsim.Doc, len(docs))
	org := map[int64]int64{}
	for i, d := range docs {
		in[i] = textsim.Doc{ID: d.MeetingID, Group: d.OrgID, Text: d.Text}
		org[d.MeetingID] = d.OrgID
	}
	var pairs []store.SimilarPair
	for _, pr := range textsim.SimilarPairs(in, tmpl, threshold) {
		if org[pr.A] == org[pr.B] {
			continue // the same cell twice in a period: not a peer copy
		}
		pairs = append(pairs, store.SimilarPair{A: pr.A, B: pr.B, Kind: "peer", Similarity: pr.Similarity, Period: p.String()})
	}
	res.Peers = len(pairs)
	// Each minutes against its cell's previous minutes.
	prev, err := s.previousPairs(ctx, docs, tmpl, threshold, p)
	if err != nil {
		return res, err
	}
	res.Previous = len(prev)
	pairs = append(pairs, prev...)
	err = s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		// Open pairs of the period are found again; reviewed ones stay.
		if err := tx.DeleteOpenPairs(ctx, p.String()); err != nil {
			return err
		}
		for _, pr := range pairs {
			if err := tx.PutSimilarPair(ctx, pr); err != nil {
				return err
			}
		}
		touched := map[int64]bool{}
		for _, pr := range pairs {
			for _, id := range []int64{pr.A, pr.B} {
				if touched[id] {
					continue
				}
				touched[id] = true
				m, err := tx.Meeting(ctx, id, false)
				if err != nil {
					return err
				}
				for _, h := range s.Hooks {
					if err := h(ctx, tx, m); err != nil {
						return err
					}
				}
			}
		}
		return tx.Audit(ctx, "formalism_scan", "period", 0, 0, nil, map[string]any{"period": p.String(), "peers": res.Peers, "previous": res.Previous})
	})
	res.Took = time.Since(start)
	return res, err
}

// Pair is two minutes shown side by side with their differences.
type Pair struct {
	Row  store.SimilarPair
	A, B store.Meeting
	OrgA string
	OrgB string
	Diff []textsim.Op
}

// LoadPair reads two meetings' minutes and their word diff.
func (s *Service) LoadPair(ctx context.Context, a, b int64) (Pair, error) {
	var p Pair
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		pairs, err := tx.SimilarPairsOf(ctx, a)
		if err != nil {
			return err
		}
		found := false
		for _, x := range pairs {
			if (x.A == a && x.B == b) || (x.A == b && x.B == a) {
				p.Row, found = x, true
			}
		}
		if !found {
			return party.NotFound("quality.pair_not_found")
		}
		var texts [2]string
		for i, id := range []int64{p.Row.A, p.Row.B} {
			m, err := tx.Meeting(ctx, id, false)
			if err != nil {
				return err
			}
			o, err := tx.Org(ctx, m.OrgID)
			if err != nil {
				return err
			}
			rec, _, err := tx.Minutes(ctx, id)
			if err != nil {
				return err
			}
			texts[i] = meetings.BodyText(rec.Content)
			if i == 0 {
				p.A, p.OrgA = m, o.Name
			} else {
				p.B, p.OrgB = m, o.Name
			}
		}
		p.Diff = textsim.Diff(texts[0], texts[1])
		return nil
	})
	return p, err
}

// Review records the following committee member's verdict on a pair.
func (s *Service) Review(ctx context.Context, actor store.Actor, a, b int64, status, note string) error {
	if status != "confirmed" && status != "dismissed" && status != "open" {
		return party.Invalid("quality.pair_status_invalid")
	}
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := tx.ReviewPair(ctx, a, b, status, note); err != nil {
			return err
		}
		return tx.Audit(ctx, "review_pair", "similar_pair", a, 0, nil, map[string]any{"a": a, "b": b, "status": status, "note": note})
	})
}
