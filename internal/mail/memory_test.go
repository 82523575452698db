package mail

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

func TestMemoryRecordsEveryMessageFromManySenders(t *testing.T) {
	var mem Memory
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			m := notice()
			m.To = []string{fmt.Sprintf("dangvien%02d@example.vn", i)}
			if err := mem.Send(context.Background(), m); err != nil {
				t.Error(err)
			}
			_ = mem.Sent() // readers race with writers
		})
	}
	wg.Wait()
	sent := mem.Sent()
	if len(sent) != 50 {
		t.Fatalf("recorded %d messages, want 50", len(sent))
	}
	seen := map[string]bool{}
	for _, m := range sent {
		seen[m.To[0]] = true
	}
	if len(seen) != 50 {
		t.Errorf("%d distinct recipients, want 50", len(seen))
	}
}

func TestMemoryKeepsItsOwnCopy(t *testing.T) {
	var mem Memory
	m := notice()
	m.Attachments = []Attachment{{Name: "hop.ics", Data: []byte("BEGIN:VCALENDAR")}}
	if err := mem.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	m.To[0] = "changed@example.vn"
	m.Attachments[0].Data[0] = 'X'
	got := mem.Sent()
	got[0].To[1] = "changed too"
	again := mem.Sent()[0]
	if again.To[0] == "changed@example.vn" || again.To[1] == "changed too" || again.Attachments[0].Data[0] != 'B' {
		t.Errorf("recorded message changed: %+v", again)
	}
}

func TestMemoryAndDiscardHonourCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var mem Memory
	for name, m := range map[string]Mailer{"Memory": &mem, "Discard": Discard{}} {
		if err := m.Send(ctx, notice()); err == nil {
			t.Errorf("%s sent with a cancelled context", name)
		}
	}
	if len(mem.Sent()) != 0 {
		t.Error("Memory recorded a cancelled send")
	}
	if err := (Discard{}).Send(context.Background(), notice()); err != nil {
		t.Errorf("Discard refused a good message: %v", err)
	}
}
