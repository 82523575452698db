package web

import (
	"context"
	"strconv"

	"chibo/internal/auth"
	"chibo/internal/documents"
	"chibo/internal/party"
	"chibo/internal/store"
	"chibo/internal/training"
)

// TodoItem is one line of a secretary's to-do list for the month: what is
// due, said with its numbers, and where to do it.
type TodoItem struct {
	Area     string // meeting, document, training
	Msg      party.Msg
	Href     string
	Due      party.Date // zero when there is no date
	Severity string     // party.SeverityInfo, SeverityWarn, SeverityDanger
}

// secretaryTodo is the month's to-do list of a secretary's cell across
// meetings, documents and training (UX.md: "the home screen tells them
// what is due"). The partial "todo" shows it; the cell's page and the
// secretary's own page place it.
func (s *Server) secretaryTodo(ctx context.Context, p auth.Principal) ([]TodoItem, error) {
	if p.Role != auth.RoleSecretary || p.OrgID == 0 {
		return nil, nil
	}
	today := s.civilToday()
	month, quarter := party.MonthOf(today), party.QuarterOf(today)
	var out []TodoItem
	err := s.db.View(ctx, func(tx *store.Tx) error {
		cell, err := tx.Org(ctx, p.OrgID)
		if err != nil {
			return err
		}
		if !cell.IsCell() {
			return nil
		}
		cellID := strconv.FormatInt(cell.ID, 10)

		// Meetings: this month's regular meeting and the quarter's thematic one.
		ms, err := tx.MeetingsForPeriods(ctx, cell.ID, []party.Period{month, quarter})
		if err != nil {
			return err
		}
		var regular, thematic *store.Meeting
		for i := range ms {
			if ms[i].Kind == party.ThuongKy && ms[i].Period == month {
				regular = &ms[i]
			}
			// A regular meeting held together with the thematic one counts
			// for the quarter too.
			if (ms[i].Kind == party.ChuyenDe || ms[i].Combined) && (ms[i].Period == quarter || party.QuarterOf(ms[i].Date) == quarter) {
				thematic = &ms[i]
			}
		}
		switch {
		case regular == nil:
			out = append(out, TodoItem{Area: "meeting", Msg: party.M("web.todo.plan_regular", month), Href: "/orgs/" + cellID + "/meetings/new",
				Due: month.Last(), Severity: party.SeverityWarn})
		case regular.Status == party.DuKien && regular.Prep.NoticeSentAt.IsZero() && !regular.Date.Before(today):
			out = append(out, TodoItem{Area: "meeting", Msg: party.M("web.todo.notice", regular.Date, regular.StartsAt.In(party.Zone).Format("15:04")),
				Href: "/meetings/" + strconv.FormatInt(regular.ID, 10), Due: regular.Date, Severity: party.SeverityInfo})
		case !regular.Status.Locked() && regular.Date.Before(today):
			out = append(out, TodoItem{Area: "meeting", Msg: party.M("web.todo.finish_minutes", regular.Date),
				Href: "/meetings/" + strconv.FormatInt(regular.ID, 10), Due: regular.Date, Severity: party.SeverityWarn})
		}
		if thematic == nil {
			out = append(out, TodoItem{Area: "meeting", Msg: party.M("web.todo.thematic_missing", quarter, today.DaysUntil(quarter.Last())),
				Href: "/orgs/" + cellID + "/meetings/new", Due: quarter.Last(), Severity: party.SeverityWarn})
		}

		// Documents to pass on: those sent to the cell that not every
		// member has acknowledged yet.
		docs, err := tx.DocumentsSentTo(ctx, cell.Path, nil, p.MemberID, 20)
		if err != nil {
			return err
		}
		for _, d := range docs {
			cov, err := documents.CoverageTx(ctx, tx, d.Document, cell, today)
			if err != nil {
				return err
			}
			if cov.Members == 0 || cov.Acknowledged >= cov.Members {
				continue
			}
			out = append(out, TodoItem{Area: "document", Msg: party.M("web.todo.document", d.Number, d.Title, cov.Acknowledged, cov.Members),
				Href: "/documents/" + strconv.FormatInt(d.ID, 10) + "/coverage?org=" + cellID, Severity: party.SeverityInfo})
		}

		// Training: courses the secretary is enrolled in that have not
		// ended, and the cell's officers never trained.
		if p.MemberID != 0 {
			hist, err := tx.TrainingHistory(ctx, p.MemberID)
			if err != nil {
				return err
			}
			for _, t := range hist {
				if !t.Course.EndsOn.Before(today) {
					out = append(out, TodoItem{Area: "training", Msg: party.M("web.todo.course", t.Course.Title, t.Course.StartsOn, t.Course.EndsOn, t.Course.Place),
						Due: t.Course.StartsOn, Severity: party.SeverityInfo})
				}
			}
		}
		officers, err := training.OfficersTx(ctx, tx, cell.Path, today, party.Date{}, party.Date{})
		if err != nil {
			return err
		}
		for _, o := range officers {
			if !o.Trained {
				out = append(out, TodoItem{Area: "training", Msg: party.M("web.todo.untrained", o.FullName, party.M("member.role."+string(o.Roles[0]))),
					Href: memberPageHref(o.MemberID), Severity: party.SeverityWarn})
			}
		}
		return nil
	})
	return out, err
}
