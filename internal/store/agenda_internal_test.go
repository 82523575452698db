package store

import "testing"

// A kept agenda is handed out as a copy: a caller changing its items does
// not change what the next meeting with the same text reads.
func TestDecodedAgendasAreCopies(t *testing.T) {
	text := `[{"Key":"mo_dau","Part":"I","Title":"Khai mạc","Hint":"Bí thư chủ trì"}]`
	a, err := decodeAgenda(text)
	if err != nil {
		t.Fatal(err)
	}
	a[0].Title = "đã sửa"
	b, err := decodeAgenda(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 1 || b[0].Title != "Khai mạc" || b[0].Hint != "Bí thư chủ trì" {
		t.Fatalf("second read = %+v", b)
	}
	if _, err := decodeAgenda(`[{"Key":`); err == nil {
		t.Fatal("a broken agenda decoded")
	}
}
