package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"chibo/internal/store"
	"chibo/internal/store/storetest"
)

const goodCSV = "DANH SÁCH ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ SỐ 6\n" +
	"STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Ghi chú\n" +
	"1,Nguyễn Thị Lụa,05/06/1950,03/02/1975,03/02/1976,01234567,\n" +
	"2,Trần Văn Quý,12/9/1962,19/05/1990,19/05/1991,07654321,\n" +
	"3,Lê Thị Mơ,1/1/1999,10/10/2025,,,dự bị\n"

func countMembers(t *testing.T, db *store.DB, org int64) int {
	var n int
	_ = db.View(t.Context(), func(tx *store.Tx) error {
		return tx.QueryRow(t.Context(), `SELECT count(*) FROM members WHERE org_id = $1`, org).Scan(&n)
	})
	return n
}

func TestImportAllRowsOrNone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		cell := strconv.FormatInt(a.fix.CellA2, 10)
		before := countMembers(t, db, a.fix.CellA2)

		// One bad row (a date that does not exist, a card of 7 digits):
		// nothing is stored and each problem is reported by row and column.
		bad := strings.Replace(goodCSV, "12/9/1962", "31/02/1962", 1)
		bad = strings.Replace(bad, "07654321", "7654321", 1)
		rec := a.upload("seca2", "/orgs/"+cell+"/import", "file", "danh-sach.csv", []byte(bad))
		if rec.Code != http.StatusUnprocessableEntity {
			t.Fatalf("bad file: status %d", rec.Code)
		}
		p := parsePage(t, rec.Body.String())
		rows := texts(p.css("td.row-n"))
		if len(rows) < 2 || rows[0] != "4" {
			t.Errorf("report rows %v, want row 4 (the heading is on row 2)", rows)
		}
		if got := countMembers(t, db, a.fix.CellA2); got != before {
			t.Fatalf("%d members stored from a refused file", got-before)
		}

		rec = a.upload("seca2", "/orgs/"+cell+"/import", "file", "danh-sach.csv", []byte(goodCSV))
		if rec.Code != http.StatusOK {
			t.Fatalf("good file: status %d: %s", rec.Code, rec.Body.String())
		}
		if got := countMembers(t, db, a.fix.CellA2); got != before+3 {
			t.Fatalf("%d members imported, want 3", got-before)
		}
		var card string
		_ = db.View(t.Context(), func(tx *store.Tx) error {
			return tx.QueryRow(t.Context(), `SELECT card_number FROM members WHERE full_name = $1`, "Nguyễn Thị Lụa").Scan(&card)
		})
		if card != "01234567" {
			t.Errorf("card number %q lost its leading zero", card)
		}

		// The same file again: every card is already registered.
		rec = a.upload("seca2", "/orgs/"+cell+"/import", "file", "danh-sach.csv", []byte(goodCSV))
		if rec.Code != http.StatusUnprocessableEntity {
			t.Errorf("duplicate cards: status %d", rec.Code)
		}
		if got := countMembers(t, db, a.fix.CellA2); got != before+3 {
			t.Errorf("second import stored %d rows", got-before-3)
		}
	})
}

func TestImportRefusesWhatIsNotAList(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA2, 10)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 100)...)
	if rec := a.upload("seca2", "/orgs/"+cell+"/import", "file", "danh-sach.csv", png); rec.Code != http.StatusBadRequest {
		t.Errorf("PNG named .csv: status %d", rec.Code)
	}
	big := bytes.Repeat([]byte("a,b,c\n"), 3<<20)
	if rec := a.upload("seca2", "/orgs/"+cell+"/import", "file", "lon.csv", big); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("18 MB file: status %d", rec.Code)
	}
	// A committee is not a cell.
	ward := strconv.FormatInt(a.fix.WardA, 10)
	if rec := a.upload("boarda", "/orgs/"+ward+"/import", "file", "danh-sach.csv", []byte(goodCSV)); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("import into a committee: status %d", rec.Code)
	}
}

func TestImportAPI(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA2, 10)
	rec := a.upload("seca2", "/api/v1/orgs/"+cell+"/import", "file", "ds.csv", []byte(strings.Replace(goodCSV, "03/02/1975", "3/2/75", 1)))
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", rec.Code)
	}
	var body struct {
		Imported int
		Errors   []struct {
			Row     int
			Column  string
			Message string
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if body.Imported != 0 || len(body.Errors) != 1 || body.Errors[0].Row != 3 || !strings.Contains(body.Errors[0].Message, "4 chữ số") {
		t.Errorf("answer %+v", body)
	}
	sp := loadSpec(t)
	sp.check(t, "/api/v1/orgs/{id}/import", "POST", rec)
}

func TestExportRoundTrip(t *testing.T) {
	a := newApp(t, storetest.NewSQLite(t))
	cell := strconv.FormatInt(a.fix.CellA1, 10)
	rec := a.get("seca1", "/orgs/"+cell+"/export")
	if rec.Code != http.StatusOK || !bytes.HasPrefix(rec.Body.Bytes(), []byte("PK")) {
		t.Fatalf("export: %d", rec.Code)
	}
	// Import the export into another cell: every card is taken, so the
	// whole file is refused — proving the columns read back.
	other := strconv.FormatInt(a.fix.CellA2, 10)
	back := a.upload("board", "/api/v1/orgs/"+other+"/import", "file", "xuat.xlsx", rec.Body.Bytes())
	var body struct{ Errors []struct{ Message string } }
	_ = json.Unmarshal(back.Body.Bytes(), &body)
	if back.Code != http.StatusUnprocessableEntity || len(body.Errors) != 9 {
		t.Errorf("re-import of the export: %d, %d errors (want one per card: 9)", back.Code, len(body.Errors))
	}
}
