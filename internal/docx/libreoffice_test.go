package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestLibreOfficeOpensOutput converts a generated file to PDF with
// LibreOffice (DESIGN.md: "test that LibreOffice opens the output"). It is
// skipped where LibreOffice is not installed.
func TestLibreOfficeOpensOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice is slow")
	}
	bin := libreOffice()
	if bin == "" {
		t.Skip("libreoffice/soffice not on PATH")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "sample.docx")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample().Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := convertToPDF(bin, in, dir); err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "sample.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice made no PDF: %v", err)
	}
	if len(pdf) < 1000 || string(pdf[:5]) != "%PDF-" {
		t.Fatalf("LibreOffice output is not a PDF (%d bytes)", len(pdf))
	}
}

// libreOffice is the path of libreoffice or soffice, or "" when neither is
// installed.
func libreOffice() string {
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// convertToPDF runs LibreOffice headless to convert a file into outDir,
// with a profile of its own so that it never meets a running instance.
func convertToPDF(bin, in, outDir string) error {
	profile := filepath.Join(outDir, "lo-profile")
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+profile, "--headless", "--convert-to", "pdf", "--outdir", outDir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return &convertError{err: err, out: string(out)}
	}
	return nil
}

type convertError struct {
	err error
	out string
}

func (e *convertError) Error() string { return "libreoffice: " + e.err.Error() + ": " + e.out }
