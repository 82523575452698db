// Package textsim detects formalism in minutes (DOMAIN.md §6): minutes that
// are nearly the same as the cell's previous minutes, or as another cell's
// minutes of the same period, are flagged with a similarity figure from 0
// to 1, and Diff shows two minutes side by side.
//
// Texts are compared as sets of shingles: runs of ShingleWords folded words
// (vntext.Fold: case, diacritics and đ do not count), hashed to uint64. The
// fixed parts of the minutes form (a Template) are taken out first, so two
// honest minutes written on the same form are not alike; across a batch,
// shingles found in the minutes of many cells are taken out too
// (boilerplate the form does not list). Similarity is the Jaccard index of
// what is left.
//
// Everything here is pure: no I/O, no database, no clock.
package textsim

// ShingleWords is the number of words in a shingle. Vietnamese words are
// written as syllables ("sinh hoạt" is two), so three syllables are about
// one and a half words: long enough that two honest minutes share few
// shingles, short enough that changing a date, a name or a figure in a
// copied text only breaks a few of them.
const ShingleWords = 3

// SignatureSize is the number of MinHash values in a Fingerprint.
const SignatureSize = 128

// DefaultThreshold is the similarity from which two minutes are flagged.
// Measured on generated minutes of about 2,000 characters (450 words) in a
// batch of 5,000 cells, boilerplate taken out: honest minutes, of the same
// cell or not, stay under 0.2; a copy with 5 words changed scores 0.72–0.91,
// with 10 changed 0.62–0.81, with 20 changed 0.41–0.65. Half is well above
// the first and catches a copy with its dates, figures and a dozen words
// changed.
const DefaultThreshold = 0.5

// DefaultBoilerplateShare and DefaultBoilerplateMin: a shingle found in the
// minutes of more than 5% of the cells of a batch, and of more than 20
// cells, is boilerplate. The floor keeps small batches (one ward's ten
// cells) from calling a text copied by three cells "boilerplate".
const (
	DefaultBoilerplateShare = 0.05
	DefaultBoilerplateMin   = 20
)
