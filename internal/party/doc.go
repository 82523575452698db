// Package party is Chibo's domain core: the types and every rule of
// DOMAIN.md as pure functions, without I/O, clock or SQL. Callers pass the
// day (today, the meeting's date) and the data; the functions answer and
// say why with a Msg, a catalog key plus the numbers.
//
// A newcomer reads it in this order:
//
//   - date.go, period.go: civil days and the month or quarter an obligation falls in;
//   - org.go, member.go: organizations, members and their dated states (StateOn);
//   - ruleset.go, agenda_default.go: the guidance in force on a date, as data (RuleSetOn);
//   - meeting.go: kinds, periods and statuses of meetings;
//   - attendance.go: who is on a meeting's roll and the attendance rate (§5);
//   - voting.go: voting base, quorum and whether a resolution passes (§5);
//   - completeness.go: what the minutes still lack (§6);
//   - evaluation.go, scoring.go: the score sheet and the grade of a meeting (§7);
//   - warnings.go: warnings about members and cells (§9);
//   - compliance.go: on time, late or missing, and the year-end rating (§8, §10).
//
// Errors for people are *Error values (errors.go), whose messages live in
// internal/i18n/catalog (rules.json for this package's own messages).
package party
