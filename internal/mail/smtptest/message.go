package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
)

// Message is one message as the server received it.
type Message struct {
	From string   // envelope sender (MAIL FROM), without the angle brackets
	To   []string // envelope recipients (RCPT TO)
	Auth string   // the user who authenticated, "" if none

	Data []byte // the message as sent: dot-unstuffed, CRLF line ends

	// What Data holds, decoded. Err says why it could not be, if so.
	Header      mail.Header // the top-level header, read by net/mail
	Subject     string      // decoded from RFC 2047 encoded words
	Text        string      // the text/plain body, decoded, with LF line ends
	HTML        string      // the text/html body, decoded, with LF line ends
	Attachments []Attachment
	Err         error
}

// Attachment is a decoded attachment.
type Attachment struct {
	Name        string // from filename= or name=, RFC 2047/2231 decoded
	ContentType string // the media type with its parameters
	Data        []byte
}

var words = new(mime.WordDecoder)

func (m *Message) parse() error {
	msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
	if err != nil {
		return fmt.Errorf("smtptest: header: %w", err)
	}
	m.Header = msg.Header
	if m.Subject, err = words.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return fmt.Errorf("smtptest: subject: %w", err)
	}
	return m.walk(textproto.MIMEHeader(msg.Header), msg.Body)
}

// walk decodes one MIME entity, descending into multiparts: the first
// text/plain and text/html without a file name are the bodies, everything
// else is an attachment. Text is taken as UTF-8 (what Chibo sends).
func (m *Message) walk(h textproto.MIMEHeader, body io.Reader) error {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain; charset=us-ascii" // RFC 2045, 5.2
	}
	mediaType, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("smtptest: Content-Type %q: %w", ct, err)
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			// NextRawPart: NextPart would decode quoted-printable itself
			// and hide the header that says so.
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("smtptest: %s: %w", mediaType, err)
			}
			if err := m.walk(p.Header, p); err != nil {
				return err
			}
		}
	}

	data, err := decode(h.Get("Content-Transfer-Encoding"), body)
	if err != nil {
		return err
	}
	disposition, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	if name, err = words.DecodeHeader(name); err != nil {
		return fmt.Errorf("smtptest: file name: %w", err)
	}
	text := func() string { return strings.ReplaceAll(string(data), "\r\n", "\n") }
	switch {
	case disposition != "attachment" && name == "" && mediaType == "text/plain" && m.Text == "":
		m.Text = text()
	case disposition != "attachment" && name == "" && mediaType == "text/html" && m.HTML == "":
		m.HTML = text()
	default:
		m.Attachments = append(m.Attachments, Attachment{Name: name, ContentType: ct, Data: data})
	}
	return nil
}

func decode(encoding string, r io.Reader) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // skips the line breaks
	case "", "7bit", "8bit", "binary":
	default:
		return nil, fmt.Errorf("smtptest: unknown Content-Transfer-Encoding %q", encoding)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("smtptest: %s body: %w", encoding, err)
	}
	return b, nil
}
