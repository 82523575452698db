package printing

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// PRINT.md: "Vietnamese literals … must be printed exactly, in NFC." Every
// fixed word of the documents is in words.go; each must be NFC already.
func TestFixedWordsAreNFC(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "words.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		lit, ok := node.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not in NFC", s)
		}
		return true
	})
	if n < 50 {
		t.Errorf("found only %d literals in words.go", n)
	}
}
