package web

import (
	"context"
	"net/http"
	"strings"

	"chibo/internal/store"
)

type notificationsData struct {
	Items []store.Notification
}

// unreadCount is the number shown beside "Thông báo" in the menu: one
// COUNT per page view.
func (s *Server) unreadCount(ctx context.Context, user int64) int {
	var n int
	_ = s.db.View(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountUnread(ctx, user)
		return err
	})
	return n
}

// notificationList is the user's in-app notifications, newest first.
func (s *Server) notificationList(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var d notificationsData
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		d.Items, err = tx.Notifications(r.Context(), c.P.UserID, false, 200)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	s.render(w, r, http.StatusOK, "notifications", View{Title: c.T("web.notify.title"), Nav: "notifications", Data: d})
}

// localPath keeps a redirect inside the application.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/notifications"
	}
	return p
}

func (s *Server) markNotification(w http.ResponseWriter, r *http.Request, c *Ctx, dismiss bool) {
	if !s.parseForm(w, r, c) {
		return
	}
	id := pathID(r, "nid")
	var err error
	if dismiss {
		err = s.meetings.Dismiss(r.Context(), c.Actor(), c.P.UserID, id)
	} else {
		err = s.meetings.MarkRead(r.Context(), c.Actor(), c.P.UserID, id)
	}
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	redirect(w, r, localPath(r.PostForm.Get("next")))
}

// notificationRead marks one read; with next= it then opens what the
// notification is about.
func (s *Server) notificationRead(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.markNotification(w, r, c, false)
}

func (s *Server) notificationDismiss(w http.ResponseWriter, r *http.Request, c *Ctx) {
	s.markNotification(w, r, c, true)
}

func (s *Server) notificationReadAll(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := s.meetings.MarkAllRead(r.Context(), c.Actor(), c.P.UserID); err != nil {
		s.fail(w, r, c, err)
		return
	}
	redirect(w, r, "/notifications")
}

// apiNotification is a notification in the API.
type apiNotification struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
	Link      string `json:"link"`
	MeetingID int64  `json:"meeting_id,omitempty"`
	CreatedAt string `json:"created_at"`
	Read      bool   `json:"read"`
}

func (s *Server) apiNotifications(w http.ResponseWriter, r *http.Request, c *Ctx) {
	var ns []store.Notification
	err := s.db.View(r.Context(), func(tx *store.Tx) error {
		var err error
		ns, err = tx.Notifications(r.Context(), c.P.UserID, false, 1000)
		return err
	})
	if err != nil {
		s.fail(w, r, c, err)
		return
	}
	out := make([]apiNotification, len(ns))
	for i, n := range ns {
		out[i] = apiNotification{ID: n.ID, Kind: n.Kind, Message: c.Msg(n.Msg), Link: n.Link, MeetingID: n.MeetingID,
			CreatedAt: rfc3339(n.CreatedAt), Read: !n.ReadAt.IsZero()}
	}
	writeJSON(w, http.StatusOK, pageOf(r, out))
}

func (s *Server) apiNotificationRead(w http.ResponseWriter, r *http.Request, c *Ctx) {
	if err := s.meetings.MarkRead(r.Context(), c.Actor(), c.P.UserID, pathID(r, "nid")); err != nil {
		s.fail(w, r, c, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"read": true})
}
