package web

import (
	"net/http"
	"net/url"
	"strconv"

	"chibo/internal/meetings"
	"chibo/internal/party"
	"chibo/internal/store"
)

// The topic of a thematic meeting (DOMAIN.md §4: "a topic chosen in
// advance"): the secretary picks one of the topics the committees above
// orient to the cell for the quarter, or writes one. The lead paper and
// its authors stay on the meeting's preparation.

type meetingTopicData struct {
	meetingPage
	Topics []topicView
}

// topicChoice is the value of the "own topic" choice.
const topicChoice = "own"

func (s *Server) meetingTopicShow(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.renderMeetingTopic(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderMeetingTopic(w http.ResponseWriter, r *http.Request, c *Ctx, status int, f *Form) {
	ctx := r.Context()
	p, err := s.loadPage(r, c, pathID(r, "id"))
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	m := p.V.Meeting
	if m.Kind != party.ChuyenDe {
		s.fail(w, r, c, party.RuleError("web.quality.topic.only_thematic"))
		return
	}
	d := meetingTopicData{meetingPage: p}
	ts, err := s.quality.TopicsForCell(ctx, m.OrgID, m.Period)
	if err == nil {
		err = s.db.View(ctx, func(tx *store.Tx) error {
			d.Topics, err = s.topicViews(r, c, tx, ts)
			return err
		})
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	if f == nil {
		f = NewForm(url.Values{"version": {strconv.FormatInt(m.Version, 10)}, "own_topic": {m.Topic}, "choice": {topicChoice}})
		if m.Prep.TopicID != 0 {
			f.Values.Set("choice", strconv.FormatInt(m.Prep.TopicID, 10))
			f.Values.Set("own_topic", "")
		}
	}
	s.render(w, r, status, "quality_meeting_topic", View{Title: c.T("web.quality.topic.choose"), Nav: "orgs",
		Crumbs: s.meetingCrumbs(r, c, p.V, "web.quality.topic.choose"), Form: f, Data: d})
}

// meetingTopicSave stores the choice: the topic's id in the preparation
// (the other preparation fields kept) and its title as the meeting's
// topic, or the topic the secretary wrote.
func (s *Server) meetingTopicSave(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if !s.parseForm(w, r, c) {
		return
	}
	ctx := r.Context()
	f := NewForm(r.PostForm)
	id := pathID(r, "id")
	v, err := s.meetings.Load(ctx, id)
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	m := v.Meeting
	if m.Kind != party.ChuyenDe {
		s.fail(w, r, c, party.RuleError("web.quality.topic.only_thematic"))
		return
	}
	prep := m.Prep
	title := f.Get("own_topic")
	prep.TopicID = 0
	if choice := f.Get("choice"); choice != topicChoice {
		var ts []store.Topic
		if ts, err = s.quality.TopicsForCell(ctx, m.OrgID, m.Period); err != nil {
			s.fail(w, r, c, err)
			return
		}
		picked := atoi64(choice)
		for _, t := range ts {
			if t.ID == picked {
				prep.TopicID, title = t.ID, t.Title
			}
		}
		if prep.TopicID == 0 {
			fe := party.FieldErrors{}
			fe.Add("choice", "web.quality.topic.not_oriented")
			err = fe.Err()
		}
	}
	if err == nil {
		_, err = s.meetings.Update(ctx, c.Actor(), id, meetings.Change{Topic: &title, Prep: &prep, Version: atoi64(f.Get("version"))})
	}
	if err != nil {
		f.SetError(c, err)
		if msg, ok := f.Errors["topic"]; ok {
			f.Errors["own_topic"] = msg // the meeting's topic is what the secretary writes here
		}
		s.renderMeetingTopic(w, r, c, statusOf(party.ErrorCode(err)), f)
		return
	}
	s.flash(w, "web.quality.topic.chosen")
	redirect(w, r, "/meetings/"+strconv.FormatInt(id, 10))
}
