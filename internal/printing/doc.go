// Package printing turns view models of minutes and reports into printed
// documents, PDF and DOCX, laid out per PRINT.md (Hướng dẫn 36-HD/VPTW).
// It knows nothing about the database or HTTP.
package printing
