package printing

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// PRINT.md: "PDF and DOCX output must look the same." Where LibreOffice is
// installed, each DOCX is converted to PDF and must take as many pages as
// our PDF (the lines break the same way because the metrics are the same).
// Skipped where LibreOffice is not on PATH.
func TestDOCXOpensInLibreOfficeWithTheSamePages(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice is slow")
	}
	bin := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("libreoffice/soffice not on PATH")
	}
	dir := t.TempDir()
	type doc struct {
		name      string
		pdf, docx func(*bytes.Buffer) error
	}
	docs := []doc{
		{"regular", func(b *bytes.Buffer) error { return MinutesPDF(b, regularExample()) }, func(b *bytes.Buffer) error { return MinutesDOCX(b, regularExample()) }},
		{"thematic", func(b *bytes.Buffer) error { return MinutesPDF(b, thematicExample()) }, func(b *bytes.Buffer) error { return MinutesDOCX(b, thematicExample()) }},
	}
	var inputs []string
	for _, d := range docs {
		var b bytes.Buffer
		if err := d.docx(&b); err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, d.name+".docx")
		if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, inputs...)
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pageObj := regexp.MustCompile(`/Type\s*/Page[^s]`)
	for _, d := range docs {
		lo, err := os.ReadFile(filepath.Join(dir, d.name+".pdf"))
		if err != nil {
			t.Fatalf("%s: LibreOffice made no PDF: %v", d.name, err)
		}
		var ours bytes.Buffer
		if err := d.pdf(&ours); err != nil {
			t.Fatal(err)
		}
		want := readPDF(t, ours.Bytes()).count
		if got := len(pageObj.FindAll(lo, -1)); got != want {
			t.Errorf("%s: the DOCX takes %d pages in LibreOffice, our PDF %d", d.name, got, want)
		}
	}
}
