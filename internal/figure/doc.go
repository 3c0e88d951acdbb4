// Package figure writes numbers for people, by the one house rule that engage's sentences and
// reports share: thousands grouped with commas ("2,209"; the GOV.UK style guide, entry
// "Numbers") and a true minus sign (−, U+2212) before a negative figure, so that it does not
// read as a hyphen; and lists in a sentence as "a, b and c". Nothing here rounds other than as
// strconv does.
package figure
