// Package schemas holds the JSON Schemas (draft 2020-12) of every document engage reads or
// writes, and Validate, which checks a document against its schema and says exactly which
// field is wrong and why.
//
// # Document kinds
//
// Each Kind has one schema, embedded in the library, whose $id is BaseURI followed by the
// kind's file name:
//
//	catalogue        catalogue.json        the framework catalogue: principles, measures, indicators
//	pam-response     pam-response.json     one Patient Activation Measure response
//	pam-calibration  pam-calibration.json  a Rasch calibration for PAM scoring
//	pam-result       pam-result.json       a scored PAM response
//	sroi-model       sroi-model.json       a Social Return on Investment impact map with its inputs
//	sroi-result      sroi-result.json      an evaluated SROI model
//	indicator-data   indicator-data.json   counts and denominators for indicator statistics
//	equality-data    equality-data.json    values by population group for inequality measures
//
// The schemas share definitions in common.json, referenced as "common.json#/$defs/NAME":
// slug, name, text, uri; decimal, money and nonNegativeMoney (decimal strings, never JSON
// numbers, so no amount passes through binary floating point) and currency; fraction,
// probability, percentage and confidenceLevel; count, positiveCount, year and
// financialYear; date and dateTime; gssCode and the ONS area codes lsoaCode,
// localAuthorityCode, subIcbLocationCode, icbCode and nhsRegionCode; odsCode; nhsNumber;
// ethnicCategory (the NHS Data Dictionary's ETHNIC CATEGORY codes A–H, J–N, P, R, S, Z and
// 99) and ethnicGroup; imdEdition, imdDecile and imdQuintile (English Indices of Deprivation
// 2019 and 2025, which rank different sets of small areas and are not comparable). Every
// definition and every property carries a description, so the schemas double as reference
// documentation.
//
// # Data flow
//
// A document travels through engage as
//
//	raw JSON → schemas.Validate (shape) → json.Unmarshal into the Go type →
//	value.Validate() (meaning: ranges, sums, cross-references) → compute
//
// and each domain package's Parse… function performs the first three steps. A document
// Validate accepts unmarshals with encoding/json: its numbers fit a float64, its counts are
// written as whole numbers (format "whole-number"), and no field name appears twice.
//
// # How Validate works
//
// Validate checks a document in three stages.
//
//  1. A guard reads the bytes once, without decoding them, and rejects anything that is not
//     well-formed JSON (RFC 8259) in UTF-8, that passes a limit below, or that gives one
//     field name twice in an object (parsers disagree on which value wins). It reports the
//     first such problem, with its JSON Pointer and, for syntax, its line and column. The
//     validator library never sees such a document: it panics on numbers such as
//     1e1000000000 and spends over 100 MB on 20 KB of nested brackets.
//  2. A fast evaluator, compiled from the same schema documents, streams over the bytes and
//     decides whether the document conforms. Most documents end here.
//  3. A document the fast evaluator rejects is decoded and validated by the validator
//     library (github.com/santhosh-tekuri/jsonschema/v5, behind one adapter file), which is
//     the reference: every violation Validate reports is the library's finding, explained
//     by this package in its own words. The library's cost grows with the number of
//     failures, so the fast evaluator counts them first: a document failing in more than
//     MaxViolations places is explained from the fast evaluator's own records of the
//     first MaxViolations failures, which name the same values and keywords, without
//     decoding the document: the few values the explanations look at are read from the
//     bytes, in one pass that ends after the last of them, so a large document wrong
//     everywhere costs about what its first MaxViolations failures do.
//
// The schemas are compiled once, on first use, with format assertion on (draft 2020-12
// treats "format" as an annotation by default) and with a loader that refuses every $ref
// that is not to an embedded schema, so validation never reads a file or the network.
// Validate is safe for concurrent use. Should anything below it panic regardless, the
// panic is recovered and reported as ErrInternal.
//
// # Limits
//
// The guard's limits are constants, and a rejected document's message states the limit:
//
//	MaxDocumentBytes   8 MiB       size of the document
//	MaxDepth           32          nesting of arrays and objects
//	MaxArrayLength     100,000     items in one array
//	MaxObjectMembers   100,000     fields in one object
//	MaxValues          1,000,000   values in the whole document
//	MaxNumberDigits    40          digits of a number before its exponent
//	MaxNumberExponent  300         decimal exponent of a number: magnitudes below 1e301
//	MinNumberExponent  -324        and from 1e-324, the smallest a float64 holds
//	MaxViolations      1,000       violations listed for one document
//
// # Violations
//
// An invalid document gives an *Error (matching ErrInvalid) holding every Violation, in
// document order, without duplicates. Each has the JSON Pointer (RFC 6901) of the value at
// fault, a stable Code and a Message in plain English. Messages are written from the failing
// keyword and its parameters ("must be at most 1") and never repeat a value from the
// document, which may be personal data; a field name may appear, shortened if long. A
// missing required field is reported at the pointer where it belongs ("/answers" when
// "answers" is missing) and a field the schema does not define at that field, so that a form
// or an editor can highlight exactly what to add or remove. Where a value fails a "format"
// and the "pattern" beside it, only the format is reported. Where every alternative of an
// anyOf or oneOf fails, alternatives of the wrong type are left out when one of the right
// type failed for a deeper reason; when all failed on their type, one violation lists every
// type allowed.
//
// The codes:
//
//	syntax                 not well-formed JSON, or not UTF-8
//	tooLarge               more than MaxDocumentBytes bytes
//	tooDeep                nested more than MaxDepth levels
//	tooLong                an array of more than MaxArrayLength items, or an object of more than MaxObjectMembers fields
//	tooManyValues          more than MaxValues values
//	number                 a number beyond MaxNumberDigits, MaxNumberExponent or MinNumberExponent
//	duplicateField         a field name given twice in one object
//	type                   a value of the wrong JSON type
//	enum, const            a value that is not one of those allowed
//	format                 a string (or number) not in the required format
//	pattern                a string not matching the required pattern
//	minLength, maxLength   a string too short or too long
//	minimum, maximum       a number out of range (inclusive bounds)
//	exclusiveMinimum       a number not above its bound
//	exclusiveMaximum       a number not below its bound
//	multipleOf             a number not a multiple of the step
//	minItems, maxItems     an array with too few or too many items
//	uniqueItems            an item repeating an earlier one (at the repeat)
//	items                  an item where the array allows none
//	required               a required field that is missing (at the missing field)
//	dependentRequired      a field required by another that is present (at the missing field)
//	additionalProperties   a field the schema does not define (at that field)
//	unevaluatedProperties  likewise, for schemas combined with allOf
//	propertyNames          a field name the schema does not allow
//	minProperties          an object with too few fields
//	maxProperties          an object with too many fields
//	minContains            an array with too few items of the kind required
//	maxContains            an array with too many of them
//	oneOf                  a value matching more than one exclusive alternative (or none,
//	                       when the list is cut short)
//	not                    a value of a form the schema rules out
//	notAllowed             a value where the schema allows none (a false schema)
//	anyOf                  a value matching none of the alternatives (when the list is cut short)
//	tooManyViolations      the list stops at MaxViolations; the document fails in more places
//
// # Formats
//
// Besides the standard "date", "date-time" and "uri", engage's schemas use formats of
// their own. Validate asserts them all; another validator must register them to check
// them, and otherwise still applies the "pattern" given beside each:
//
//	decimal         a decimal number as a string: -?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?, no exponent
//	nhs-number      ten digits with a valid modulus 11 check digit (NHS Data Dictionary,
//	                NHS NUMBER), not all the same digit; written without the spaces or
//	                hyphens of the 3-3-4 display form, so each number has one spelling
//	gss-code        an ONS GSS geography code: E, W, S or N and eight digits
//	whole-number    a number written without a decimal point or exponent
//	financial-year  a UK financial year, "2025-26"
//
// # Publishing the schemas
//
// Source(kind) returns a kind's schema exactly as embedded, and FS returns every schema
// file, common.json included. Serve the files under BaseURI with their file names (each
// $id is BaseURI + name, and the kinds' schemas refer to common.json by that relative
// name), or bundle them into another validator with the same names.
package schemas
