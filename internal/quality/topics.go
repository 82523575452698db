package quality

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// DefaultTopics are the orientation groups of DOMAIN.md §4, shipped for
// every cell type, and those of Hướng dẫn 42 for village and
// residential-group cells. Titles are data: committees add and edit their own.
func DefaultTopics() []store.Topic {
	general := []struct{ grp, title, desc string }{
		{"hcm", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
			"Liên hệ việc học tập và làm theo Bác với nhiệm vụ của chi bộ và từng đảng viên; nêu gương người tốt, việc tốt."},
		{"nang_luc", "Nâng cao năng lực chính trị, chuyên môn, nghiệp vụ của đảng viên",
			"Trao đổi về kiến thức, kỹ năng đảng viên cần để hoàn thành nhiệm vụ được giao."},
		{"nghi_quyet", "Thực hiện nghị quyết của Đảng, pháp luật của Nhà nước liên quan đến nhiệm vụ của chi bộ",
			"Quán triệt và đề ra cách làm cụ thể để thực hiện các nghị quyết, chỉ thị của cấp trên ở chi bộ."},
		{"suy_thoai", "Phòng, chống suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện \"tự diễn biến\", \"tự chuyển hóa\"",
			"Tự soi, tự sửa; nhận diện biểu hiện suy thoái và biện pháp phòng ngừa trong chi bộ."},
		{"xay_dung_dang", "Xây dựng Đảng, phòng, chống tham nhũng, lãng phí, tiêu cực",
			"Nâng cao chất lượng sinh hoạt chi bộ, công tác kiểm tra, giám sát, phòng, chống tham nhũng, lãng phí."},
	}
	local := []struct{ grp, title, desc string }{
		{"dan_van", "Vận động nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước; xây dựng khối đại đoàn kết toàn dân tộc",
			"Vai trò của đảng viên trong công tác dân vận ở khu dân cư."},
		{"kinh_te_xa_hoi", "Vai trò lãnh đạo của chi bộ trong phát triển kinh tế - xã hội, giữ gìn an ninh trật tự, xây dựng tổ dân phố kiểu mẫu, giảm nghèo, đền ơn đáp nghĩa, từ thiện",
			"Những việc cụ thể chi bộ lãnh đạo ở tổ dân phố, thôn trong năm."},
		{"dan_chu", "Thực hiện dân chủ ở cơ sở, hương ước, quy ước; xây dựng môi trường văn hóa lành mạnh",
			"Thực hiện quy chế dân chủ, hương ước, quy ước; nếp sống văn minh ở khu dân cư."},
	}
	var out []store.Topic
	for _, g := range general {
		out = append(out, store.Topic{Title: g.title, Description: g.desc, Group: g.grp, Active: true})
	}
	for _, g := range local {
		out = append(out, store.Topic{Title: g.title, Description: g.desc, Group: g.grp, CellTypes: []party.CellType{party.CellThonTDP}, Active: true})
	}
	return out
}

var topicPeriod = regexp.MustCompile(`^\d{4}(-Q[1-4])?$`)

// ValidateTopic checks a topic before it is stored.
func ValidateTopic(ctx context.Context, tx *store.Tx, t *store.Topic) error {
	f := party.FieldErrors{}
	t.Title, t.Description, t.Materials = vntext.Clean(t.Title), strings.TrimSpace(vntext.NFC(t.Description)), strings.TrimSpace(vntext.NFC(t.Materials))
	if t.Title == "" {
		f.Add("title", "field.required")
	}
	if t.Period != "" && !topicPeriod.MatchString(t.Period) {
		f.Add("period", "quality.topic_period_invalid")
	}
	for _, ct := range t.CellTypes {
		if ok, err := tx.CellTypeExists(ctx, ct); err != nil {
			return err
		} else if !ok {
			f.Add("cell_types", "org.cell_type_invalid")
		}
	}
	return f.Err()
}

// SaveTopic creates (ID 0) or updates a topic published by a committee.
func (s *Service) SaveTopic(ctx context.Context, actor store.Actor, t store.Topic) (int64, error) {
	err := s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		if err := ValidateTopic(ctx, tx, &t); err != nil {
			return err
		}
		o, err := tx.Org(ctx, t.OrgID)
		if err != nil {
			return err
		}
		if !o.Kind.IsCommittee() {
			return party.RuleError("quality.topic_by_committee")
		}
		if t.ID == 0 {
			t.ID, err = tx.InsertTopic(ctx, t)
		} else {
			var before store.Topic
			if before, err = tx.Topic(ctx, t.ID); err != nil {
				return err
			}
			if before.OrgID != t.OrgID {
				return party.Errorf(party.EForbidden, "auth.forbidden")
			}
			err = tx.UpdateTopic(ctx, t)
		}
		if err != nil {
			return err
		}
		if err := IndexTopic(ctx, tx, t.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, "save", "topic", t.ID, t.OrgID, nil, t)
	})
	return t.ID, err
}

// TopicSearchDoc is the text a published topic is found by in the search
// box: its title, its description and suggested materials, under the
// publishing committee, dated the day it was published. Topics are
// inherited down the tree (TopicsForCell), but the search keeps them
// under their publisher: its boards, and those above, find what it
// oriented; cells find their topics on the thematic meeting's form.
func TopicSearchDoc(t store.Topic, orgPath string) store.SearchDoc {
	return store.SearchDoc{Kind: store.DocTopic, RefID: t.ID, OrgID: t.OrgID, Scope: orgPath, Title: t.Title,
		Body: strings.TrimSpace(t.Description + "\n" + t.Materials), Date: party.DateOf(t.CreatedAt)}
}

// IndexTopic (re)indexes topic id inside the transaction that saved it;
// a topic withdrawn (inactive) or shipped (no publisher) is not indexed.
func IndexTopic(ctx context.Context, tx *store.Tx, id int64) error {
	t, err := tx.Topic(ctx, id)
	if err != nil {
		return err
	}
	if !t.Active || t.OrgID == 0 {
		return tx.DeleteSearchDocs(ctx, store.DocTopic, id)
	}
	o, err := tx.Org(ctx, t.OrgID)
	if err != nil {
		return err
	}
	return tx.PutSearchDoc(ctx, TopicSearchDoc(t, o.Path))
}

// TopicsForCell lists the topics oriented to a cell for a period: those
// published by any committee above it (or shipped), for its type (or
// every type), for the period's year or quarter (or any time).
func (s *Service) TopicsForCell(ctx context.Context, cell int64, p party.Period) ([]store.Topic, error) {
	var out []store.Topic
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, cell)
		if err != nil {
			return err
		}
		all, err := tx.TopicsFor(ctx, store.PathIDs(o.Path), false)
		if err != nil {
			return err
		}
		for _, t := range all {
			if fitsCell(t, o.CellType) && fitsPeriod(t, p) {
				out = append(out, t)
			}
		}
		return nil
	})
	return out, err
}

func fitsCell(t store.Topic, ct party.CellType) bool {
	return len(t.CellTypes) == 0 || slices.Contains(t.CellTypes, ct)
}

func fitsPeriod(t store.Topic, p party.Period) bool {
	if t.Period == "" || p.IsZero() {
		return true
	}
	if len(t.Period) == 4 {
		return t.Period == p.String()[:4]
	}
	q := p
	if q.IsMonth() {
		q = q.QuarterOfMonth()
	}
	return t.Period == q.String()
}

// CoverageRow says, for one oriented topic, how many cells under a
// committee held a thematic meeting on it in a period, per cell type.
type CoverageRow struct {
	Topic    store.Topic
	ByType   map[party.CellType]int // cells of the type that covered it
	Cells    int                    // cells that covered it
	Eligible int                    // cells the topic was oriented to
}

// Coverage reports which cells covered which oriented topics between two
// days, under a committee.
func (s *Service) Coverage(ctx context.Context, org int64, from, to party.Date) ([]CoverageRow, error) {
	var out []CoverageRow
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.Org(ctx, org)
		if err != nil {
			return err
		}
		cells, err := tx.SubtreeOrgs(ctx, o.Path, true)
		if err != nil {
			return err
		}
		topics, err := tx.TopicsFor(ctx, store.PathIDs(o.Path), false)
		if err != nil {
			return err
		}
		// Topics published inside the subtree count too.
		inside, err := tx.TopicsFor(ctx, orgIDs(cells), false)
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		var all []store.Topic
		for _, t := range append(topics, inside...) {
			if !seen[t.ID] {
				seen[t.ID] = true
				all = append(all, t)
			}
		}
		covered, err := thematicTopics(ctx, tx, o.Path, from, to)
		if err != nil {
			return err
		}
		typeOf := map[int64]party.CellType{}
		for _, c := range cells {
			typeOf[c.ID] = c.CellType
		}
		for _, t := range all {
			row := CoverageRow{Topic: t, ByType: map[party.CellType]int{}}
			for _, c := range cells {
				if fitsCell(t, c.CellType) {
					row.Eligible++
				}
			}
			for cell := range covered[t.ID] {
				row.Cells++
				row.ByType[typeOf[cell]]++
			}
			out = append(out, row)
		}
		return nil
	})
	return out, err
}

func orgIDs(os []store.OrgRow) []int64 {
	out := make([]int64, len(os))
	for i, o := range os {
		out[i] = o.ID
	}
	return out
}

// thematicTopics maps topic → cells that held a thematic meeting on it.
func thematicTopics(ctx context.Context, tx *store.Tx, path string, from, to party.Date) (map[int64]map[int64]bool, error) {
	lo, hi := store.SubtreeRange(path)
	rows, err := tx.Query(ctx, `SELECT m.id FROM meetings m JOIN orgs o ON o.id = m.org_id
		WHERE o.path >= $1 AND o.path < $2 AND m.kind = 'chuyen_de' AND m.date >= $3 AND m.date <= $4 AND m.status IN ('da_hop', 'da_ky')`, lo, hi, from, to)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	out := map[int64]map[int64]bool{}
	for _, id := range ids {
		m, err := tx.Meeting(ctx, id, false)
		if err != nil {
			return nil, err
		}
		if m.Prep.TopicID == 0 {
			continue
		}
		if out[m.Prep.TopicID] == nil {
			out[m.Prep.TopicID] = map[int64]bool{}
		}
		out[m.Prep.TopicID][m.OrgID] = true
	}
	return out, nil
}
