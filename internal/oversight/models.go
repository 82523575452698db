package oversight

import (
	"context"
	"strings"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/vntext"
)

// Replicating good examples (nhân rộng điển hình): a board marks a meeting
// held under it — its lead paper, minutes and resolution — as a model;
// the secretaries of cells of the same type under that board see the
// models when they prepare. The content is copied when marked: a model is
// shown as it was chosen, to cells that could not otherwise read another
// cell's minutes.

// MarkModel marks a meeting as a model for the cells under committee
// (the board's organization). Only a meeting that was held can be one.
func (s *Service) MarkModel(ctx context.Context, actor store.Actor, committee, meeting int64, note string) error {
	note = vntext.NFC(strings.TrimSpace(note))
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		v, err := s.Meetings.LoadTx(ctx, tx, meeting)
		if err != nil {
			return err
		}
		m := v.Meeting
		if m.Status != party.DaHop && m.Status != party.DaKy {
			return party.RuleError("oversight.model.not_held")
		}
		org, err := tx.Org(ctx, committee)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(v.Org.Path, org.Path) {
			return party.RuleError("oversight.unit.not_under", v.Org.Name, org.Name)
		}
		resolution := v.Content.Resolution
		if resolution == "" {
			resolution = m.Prep.DraftResolution
		}
		mm := store.ModelMeeting{MeetingID: m.ID, OrgID: org.ID, CellID: v.Org.ID, CellType: v.Org.CellType, Kind: m.Kind, Period: m.Period.String(),
			HeldOn: m.Date, Topic: m.Topic, LeadPaper: m.Prep.LeadPaper, Resolution: resolution, MinutesText: meetings.BodyText(v.Content), Note: note}
		if err := tx.PutModelMeeting(ctx, mm); err != nil {
			return err
		}
		return tx.Audit(ctx, "mark_model", "meeting", m.ID, m.OrgID, nil, map[string]any{"committee": org.ID, "note": note})
	})
}

// UnmarkModel takes a meeting off the models.
func (s *Service) UnmarkModel(ctx context.Context, actor store.Actor, meeting int64) error {
	return s.DB.Update(ctx, actor, func(tx *store.Tx) error {
		found, err := tx.DeleteModelMeeting(ctx, meeting)
		if err != nil {
			return err
		}
		if !found {
			return party.NotFound("oversight.model.not_found")
		}
		return tx.Audit(ctx, "unmark_model", "meeting", meeting, 0, nil, nil)
	})
}

// Models lists the models a viewer sees: those marked by a committee
// above the viewer's organization (scope), or under it (a board sees what
// its committees chose), of a cell type and a meeting kind ("" for all).
func (s *Service) Models(ctx context.Context, scope string, cellType party.CellType, kind party.MeetingKind) ([]store.ModelMeeting, error) {
	var out []store.ModelMeeting
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, err := tx.ModelMeetings(ctx, cellType, kind, 500)
		if err != nil {
			return err
		}
		for _, m := range list {
			if scope == "/" || strings.HasPrefix(scope, m.OrgPath) || strings.HasPrefix(m.OrgPath, scope) {
				out = append(out, m)
			}
		}
		return nil
	})
	return out, err
}

// IsModel reports whether a meeting is marked as a model.
func (s *Service) IsModel(ctx context.Context, meeting int64) (bool, error) {
	var ok bool
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		ok, err = tx.IsModelMeeting(ctx, meeting)
		return err
	})
	return ok, err
}
