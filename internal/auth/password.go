package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"chibo/internal/party"
	"chibo/internal/vntext"
)

// Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, 1
// lane); a login costs about 30 ms on the reference machine.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches hash, in constant time.
func CheckPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when a user name does not exist, so that
// a login answers as slowly for unknown names as for known ones.
var dummyHash, _ = HashPassword("chibo-no-such-user")

// CheckDummy spends the time of one password check.
func CheckDummy(password string) { CheckPassword(dummyHash, password) }

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 10

// commonPasswords are refused whatever their length.
var commonPasswords = map[string]bool{
	"1234567890": true, "0123456789": true, "12345678910": true, "matkhau123": true, "matkhau1234": true,
	"password123": true, "password1234": true, "qwertyuiop": true, "abc1234567": true, "chibo12345": true,
	"dangcongsan": true, "123456789a": true, "a123456789": true, "1111111111": true, "0000000000": true,
	"changeme123": true, "admin12345": true, "admin123456": true, "vietnam123": true, "iloveyou12": true,
}

// CheckPasswordRules applies the password rules: at least MinPasswordLen
// characters, at most 200, not the user name, not a well-known password,
// not one repeated character.
func CheckPasswordRules(username, password string) error {
	f := party.FieldErrors{}
	n := utf8.RuneCountInString(password)
	lower := strings.ToLower(password)
	switch {
	case n < MinPasswordLen:
		f.Add("password", "auth.password_too_short", MinPasswordLen)
	case n > 200:
		f.Add("password", "auth.password_too_long")
	case commonPasswords[vntext.Fold(lower)]:
		f.Add("password", "auth.password_common")
	case username != "" && strings.Contains(lower, strings.ToLower(username)):
		f.Add("password", "auth.password_has_username")
	case strings.Count(password, password[:1]) == len(password):
		f.Add("password", "auth.password_common")
	}
	return f.Err()
}

// NewToken returns a random secret for a session or an API token, and the
// hash stored in the database (the secret itself never is).
func NewToken() (secret, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret)
}

// HashToken is the stored form of a secret.
func HashToken(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}
