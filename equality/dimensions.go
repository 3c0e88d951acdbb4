package equality

import (
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// IMDEdition is an edition of the English Index of Multiple Deprivation (part of the English
// Indices of Deprivation, IoD), which ranks every Lower layer Super Output Area (LSOA) in
// England from 1 (most deprived) to the number of LSOAs in that edition. Editions use
// different LSOA boundaries and different indicators, so their ranks, deciles and quintiles
// are not comparable with each other: an analysis must say which edition its deprivation
// groups come from. The zero value is not an edition.
//
// Sources: Ministry of Housing, Communities and Local Government, The English Indices of
// Deprivation 2019, Statistical release and Research report (26 September 2019); The English
// Indices of Deprivation 2025, Frequently asked questions (30 October 2025).
type IMDEdition uint8

// The editions of the Index of Multiple Deprivation for England.
const (
	// IMD2019 ranks 32,844 LSOAs drawn on 2011 Census boundaries (published 26 September 2019).
	IMD2019 IMDEdition = 1 + iota
	// IMD2025 ranks 33,755 LSOAs drawn on 2021 Census boundaries (published 30 October 2025).
	IMD2025
)

var imdEditions = enum.NewTable[IMDEdition]("equality.IMDEdition",
	[]string{"imd-2019", "imd-2025"},
	map[string]IMDEdition{
		"imd2019": IMD2019, "iod-2019": IMD2019, "iod2019": IMD2019, "2019": IMD2019,
		"imd2025": IMD2025, "iod-2025": IMD2025, "iod2025": IMD2025, "2025": IMD2025,
	})

var imdFacts = [...]struct {
	lsoas      int
	boundaries int
	published  string
}{
	IMD2019: {32844, 2011, "2019-09-26"},
	IMD2025: {33755, 2021, "2025-10-30"},
}

// Valid reports whether e is a declared edition.
func (e IMDEdition) Valid() bool { return imdEditions.Valid(e) }

// String returns the edition's slug, "imd-2019" or "imd-2025"; any other value prints as
// %!IMDEdition(n).
func (e IMDEdition) String() string { return imdEditions.String(e) }

// MarshalText returns the slug; an invalid edition is an error.
func (e IMDEdition) MarshalText() ([]byte, error) { return imdEditions.Marshal(e) }

// UnmarshalText parses text with ParseIMDEdition.
func (e *IMDEdition) UnmarshalText(text []byte) error {
	v, err := ParseIMDEdition(string(text))
	if err == nil {
		*e = v
	}
	return err
}

// ParseIMDEdition returns the edition named by s: its slug ("imd-2019"), "IoD2019", "IMD 2025"
// or the bare year, forgiving about case, spaces and dashes.
func ParseIMDEdition(s string) (IMDEdition, error) { return imdEditions.Parse(s, false) }

// LSOAs returns the number of LSOAs the edition ranks (32,844 for IMD 2019, 33,755 for IMD
// 2025), or 0 for an invalid edition.
func (e IMDEdition) LSOAs() int {
	if !e.Valid() {
		return 0
	}
	return imdFacts[e].lsoas
}

// Boundaries returns the Census year whose LSOA boundaries the edition uses (2011 or 2021),
// or 0 for an invalid edition.
func (e IMDEdition) Boundaries() int {
	if !e.Valid() {
		return 0
	}
	return imdFacts[e].boundaries
}

// Published returns the edition's publication date as YYYY-MM-DD, or "" for an invalid
// edition.
func (e IMDEdition) Published() string {
	if !e.Valid() {
		return ""
	}
	return imdFacts[e].published
}

// DeprivationGroup is a national deprivation quintile or decile of one IMD edition: Group 1 is
// the most deprived fifth (or tenth) of LSOAs in England and Group Quantiles the least
// deprived. Groups of different editions, or quintiles and deciles, are not comparable;
// Comparable says whether two groups are. The zero value is not a group.
type DeprivationGroup struct {
	// Edition is the IMD edition the group comes from.
	Edition IMDEdition `json:"edition"`
	// Quantiles is 5 for quintiles or 10 for deciles.
	Quantiles int `json:"quantiles"`
	// Group is 1 (most deprived) … Quantiles (least deprived).
	Group int `json:"group"`
}

// NewDeprivationGroup returns the group as published (for example the decile column of the
// IoD files), after checking that the edition is valid, quantiles is 5 or 10 and group lies
// in 1 … quantiles.
func NewDeprivationGroup(edition IMDEdition, quantiles, group int) (DeprivationGroup, error) {
	g := DeprivationGroup{Edition: edition, Quantiles: quantiles, Group: group}
	if err := g.Validate(); err != nil {
		return DeprivationGroup{}, err
	}
	return g, nil
}

// DeprivationDecile returns the national decile of the LSOA with IMD rank rank (1 = most
// deprived) in the given edition. With N LSOAs in the edition, rank r falls in decile
//
//	d = ⌈10·r / N⌉
//
// the smallest d with r ≤ d·N/10, so that every decile holds N/10 LSOAs to within one. For
// IMD 2019 (N = 32,844) decile 1 is ranks 1–3,284 and decile 10 is ranks 29,560–32,844. The
// arithmetic is exact (integers), so ranks on a boundary are never misplaced by rounding.
func DeprivationDecile(edition IMDEdition, rank int) (DeprivationGroup, error) {
	return deprivationFromRank(edition, 10, rank)
}

// DeprivationQuintile returns the national quintile of the LSOA with IMD rank rank, by the
// rule of DeprivationDecile with 5 groups: q = ⌈5·r / N⌉.
func DeprivationQuintile(edition IMDEdition, rank int) (DeprivationGroup, error) {
	return deprivationFromRank(edition, 5, rank)
}

func deprivationFromRank(edition IMDEdition, quantiles, rank int) (DeprivationGroup, error) {
	if !edition.Valid() {
		return DeprivationGroup{}, &FieldError{Path: "/edition", Err: enum.ErrUnknown, Detail: "an IMD edition: imd-2019 or imd-2025"}
	}
	n := edition.LSOAs()
	if rank < 1 || rank > n {
		return DeprivationGroup{}, &FieldError{Path: "/rank", Err: ErrOutOfRange,
			Detail: "an IMD rank from 1 to " + strconv.Itoa(n) + " for " + edition.String()}
	}
	// ⌈q·r/n⌉ in integers; q·r ≤ 10·33,755 cannot overflow.
	g := (quantiles*rank + n - 1) / n
	return DeprivationGroup{Edition: edition, Quantiles: quantiles, Group: g}, nil
}

// Validate checks that the group is well formed, reporting every problem as a *FieldError.
func (g DeprivationGroup) Validate() error {
	var l field.List
	if !g.Edition.Valid() {
		l.Add("/edition", ErrUnknownValue, "an IMD edition: imd-2019 or imd-2025")
	}
	if g.Quantiles != 5 && g.Quantiles != 10 {
		l.Add("/quantiles", ErrOutOfRange, "5 (quintiles) or 10 (deciles)")
	} else if g.Group < 1 || g.Group > g.Quantiles {
		l.Add("/group", ErrOutOfRange, "a group from 1 (most deprived) to "+strconv.Itoa(g.Quantiles))
	}
	return l.Err()
}

// Comparable reports whether g and h can be compared: same edition and same kind of quantile.
func (g DeprivationGroup) Comparable(h DeprivationGroup) bool {
	return g.Edition == h.Edition && g.Quantiles == h.Quantiles
}

// Quintile returns the quintile containing a decile (deciles 1–2 are quintile 1, and so on);
// a quintile is returned unchanged. The decile and quintile boundaries of DeprivationDecile
// and DeprivationQuintile coincide, so the result is the quintile of the same ranks.
func (g DeprivationGroup) Quintile() (DeprivationGroup, error) {
	if err := g.Validate(); err != nil {
		return DeprivationGroup{}, err
	}
	if g.Quantiles == 5 {
		return g, nil
	}
	return DeprivationGroup{Edition: g.Edition, Quantiles: 5, Group: (g.Group + 1) / 2}, nil
}

// String returns e.g. "imd-2019 decile 1" or "imd-2025 quintile 5"; an invalid group prints
// as %!DeprivationGroup(edition/quantiles/group) and never panics.
func (g DeprivationGroup) String() string {
	if g.Validate() != nil {
		return "%!DeprivationGroup(" + strconv.Itoa(int(g.Edition)) + "/" + strconv.Itoa(g.Quantiles) + "/" + strconv.Itoa(g.Group) + ")"
	}
	kind := " decile "
	if g.Quantiles == 5 {
		kind = " quintile "
	}
	return g.Edition.String() + kind + strconv.Itoa(g.Group)
}

// ProtectedCharacteristic is one of the nine characteristics protected by the Equality Act
// 2010 (section 4), which the public sector equality duty (section 149) asks NHS bodies and
// councils to consider when they engage people and communities. The zero value is not a
// characteristic.
type ProtectedCharacteristic uint8

// The protected characteristics, in the order of section 4 of the Equality Act 2010.
const (
	Age                         ProtectedCharacteristic = 1 + iota // section 5
	Disability                                                     // section 6
	GenderReassignment                                             // section 7
	MarriageAndCivilPartnership                                    // section 8
	PregnancyAndMaternity                                          // sections 17 and 18
	Race                                                           // section 9
	ReligionOrBelief                                               // section 10
	Sex                                                            // section 11
	SexualOrientation                                              // section 12
)

var protectedCharacteristics = enum.NewTable[ProtectedCharacteristic]("equality.ProtectedCharacteristic",
	[]string{"age", "disability", "gender-reassignment", "marriage-and-civil-partnership",
		"pregnancy-and-maternity", "race", "religion-or-belief", "sex", "sexual-orientation"},
	map[string]ProtectedCharacteristic{
		"marriage-civil-partnership": MarriageAndCivilPartnership,
		"pregnancy-maternity":        PregnancyAndMaternity,
		"religion":                   ReligionOrBelief,
		"ethnicity":                  Race,
	})

// ProtectedCharacteristics returns the nine characteristics in the order of section 4.
func ProtectedCharacteristics() []ProtectedCharacteristic {
	out := make([]ProtectedCharacteristic, 0, 9)
	for c := Age; c <= SexualOrientation; c++ {
		out = append(out, c)
	}
	return out
}

// Valid reports whether c is one of the nine characteristics.
func (c ProtectedCharacteristic) Valid() bool { return protectedCharacteristics.Valid(c) }

// String returns the slug, e.g. "religion-or-belief"; any other value prints as
// %!ProtectedCharacteristic(n).
func (c ProtectedCharacteristic) String() string { return protectedCharacteristics.String(c) }

// MarshalText returns the slug; an invalid characteristic is an error.
func (c ProtectedCharacteristic) MarshalText() ([]byte, error) {
	return protectedCharacteristics.Marshal(c)
}

// UnmarshalText parses text with ParseProtectedCharacteristic.
func (c *ProtectedCharacteristic) UnmarshalText(text []byte) error {
	v, err := ParseProtectedCharacteristic(string(text))
	if err == nil {
		*c = v
	}
	return err
}

// ParseProtectedCharacteristic returns the characteristic named by s, its slug or the Act's
// wording ("Religion or belief"), forgiving about case, spaces and dashes; "ethnicity" is
// accepted for race, which the Act defines to include ethnic origins (section 9(1)(c)).
func ParseProtectedCharacteristic(s string) (ProtectedCharacteristic, error) {
	return protectedCharacteristics.Parse(s, false)
}

// EqualityDutyAim reports whether the characteristic is a relevant protected characteristic
// for all three aims of the public sector equality duty. Section 149(7) of the Equality Act
// 2010 lists all but marriage and civil partnership, which counts only for the first aim
// (eliminating discrimination, harassment and victimisation).
func (c ProtectedCharacteristic) EqualityDutyAim() bool {
	return c.Valid() && c != MarriageAndCivilPartnership
}

// EthnicCodeSet is a version of the code list for ethnic category. Code lists change (the
// 2021 Census added categories such as Roma and Arab), so every EthnicCategory belongs to one
// code set, and counts from different code sets are not comparable group by group. The zero
// value is not a code set.
type EthnicCodeSet uint8

// The ethnic category code sets.
const (
	// EthnicCodes2001 is the NHS Data Dictionary data element ETHNIC CATEGORY: the sixteen
	// categories of the 2001 Census (codes A–S), Z "not stated" and 99 "not known".
	EthnicCodes2001 EthnicCodeSet = 1 + iota
)

var ethnicCodeSets = enum.NewTable[EthnicCodeSet]("equality.EthnicCodeSet",
	[]string{"nhs-2001"}, map[string]EthnicCodeSet{"2001": EthnicCodes2001})

// Valid reports whether s is a declared code set.
func (s EthnicCodeSet) Valid() bool { return ethnicCodeSets.Valid(s) }

// String returns the slug, "nhs-2001"; any other value prints as %!EthnicCodeSet(n).
func (s EthnicCodeSet) String() string { return ethnicCodeSets.String(s) }

// MarshalText returns the slug; an invalid code set is an error.
func (s EthnicCodeSet) MarshalText() ([]byte, error) { return ethnicCodeSets.Marshal(s) }

// UnmarshalText parses text with ParseEthnicCodeSet.
func (s *EthnicCodeSet) UnmarshalText(text []byte) error {
	v, err := ParseEthnicCodeSet(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// ParseEthnicCodeSet returns the code set named by s ("nhs-2001").
func ParseEthnicCodeSet(s string) (EthnicCodeSet, error) { return ethnicCodeSets.Parse(s, false) }

// Categories returns the code set's categories in the Data Dictionary's order.
func (s EthnicCodeSet) Categories() []EthnicCategory {
	if s != EthnicCodes2001 {
		return nil
	}
	out := make([]EthnicCategory, 0, ethnicCount)
	for c := EthnicWhiteBritish; c <= EthnicNotKnown; c++ {
		out = append(out, c)
	}
	return out
}

// EthnicCategory is a person's ethnic category as the NHS Data Dictionary codes it (data
// element ETHNIC CATEGORY, code set EthnicCodes2001): sixteen categories, "not stated" (Z: the
// person was asked and declined) and "not known" (99: the person was not asked; the default).
// Its wire format is the national code ("A" … "S", "Z", "99"); the zero value is not a
// category.
//
// Source: NHS Data Dictionary, ETHNIC CATEGORY,
// https://www.datadictionary.nhs.uk/data_elements/ethnic_category.html; Change Request 406
// (the default code 99).
type EthnicCategory uint8

// The ethnic categories of EthnicCodes2001, in the Data Dictionary's order, with their codes.
const (
	EthnicWhiteBritish             EthnicCategory = 1 + iota // A White - British
	EthnicWhiteIrish                                         // B White - Irish
	EthnicWhiteOther                                         // C White - Any other White background
	EthnicMixedWhiteBlackCaribbean                           // D Mixed - White and Black Caribbean
	EthnicMixedWhiteBlackAfrican                             // E Mixed - White and Black African
	EthnicMixedWhiteAsian                                    // F Mixed - White and Asian
	EthnicMixedOther                                         // G Mixed - Any other mixed background
	EthnicAsianIndian                                        // H Asian or Asian British - Indian
	EthnicAsianPakistani                                     // J Asian or Asian British - Pakistani
	EthnicAsianBangladeshi                                   // K Asian or Asian British - Bangladeshi
	EthnicAsianOther                                         // L Asian or Asian British - Any other Asian background
	EthnicBlackCaribbean                                     // M Black or Black British - Caribbean
	EthnicBlackAfrican                                       // N Black or Black British - African
	EthnicBlackOther                                         // P Black or Black British - Any other Black background
	EthnicChinese                                            // R Other Ethnic Groups - Chinese
	EthnicOther                                              // S Other Ethnic Groups - Any other ethnic group
	EthnicNotStated                                          // Z Not stated
	EthnicNotKnown                                           // 99 Not known
)

const ethnicCount = int(EthnicNotKnown)

var ethnicCategories = enum.NewTable[EthnicCategory]("equality.EthnicCategory",
	[]string{"white-british", "white-irish", "white-other", "mixed-white-black-caribbean",
		"mixed-white-black-african", "mixed-white-asian", "mixed-other", "asian-indian",
		"asian-pakistani", "asian-bangladeshi", "asian-other", "black-caribbean", "black-african",
		"black-other", "chinese", "other-ethnic-group", "not-stated", "not-known"},
	nil)

var ethnicInfo = [...]struct {
	code  string
	label string
	group EthnicGroup
}{
	EthnicWhiteBritish:             {"A", "White - British", EthnicGroupWhite},
	EthnicWhiteIrish:               {"B", "White - Irish", EthnicGroupWhite},
	EthnicWhiteOther:               {"C", "White - Any other White background", EthnicGroupWhite},
	EthnicMixedWhiteBlackCaribbean: {"D", "Mixed - White and Black Caribbean", EthnicGroupMixed},
	EthnicMixedWhiteBlackAfrican:   {"E", "Mixed - White and Black African", EthnicGroupMixed},
	EthnicMixedWhiteAsian:          {"F", "Mixed - White and Asian", EthnicGroupMixed},
	EthnicMixedOther:               {"G", "Mixed - Any other mixed background", EthnicGroupMixed},
	EthnicAsianIndian:              {"H", "Asian or Asian British - Indian", EthnicGroupAsian},
	EthnicAsianPakistani:           {"J", "Asian or Asian British - Pakistani", EthnicGroupAsian},
	EthnicAsianBangladeshi:         {"K", "Asian or Asian British - Bangladeshi", EthnicGroupAsian},
	EthnicAsianOther:               {"L", "Asian or Asian British - Any other Asian background", EthnicGroupAsian},
	EthnicBlackCaribbean:           {"M", "Black or Black British - Caribbean", EthnicGroupBlack},
	EthnicBlackAfrican:             {"N", "Black or Black British - African", EthnicGroupBlack},
	EthnicBlackOther:               {"P", "Black or Black British - Any other Black background", EthnicGroupBlack},
	EthnicChinese:                  {"R", "Other Ethnic Groups - Chinese", EthnicGroupOther},
	EthnicOther:                    {"S", "Other Ethnic Groups - Any other ethnic group", EthnicGroupOther},
	EthnicNotStated:                {"Z", "Not stated", EthnicGroupNotStated},
	EthnicNotKnown:                 {"99", "Not known", EthnicGroupNotKnown},
}

// Valid reports whether c is a declared category.
func (c EthnicCategory) Valid() bool { return ethnicCategories.Valid(c) }

// Code returns the national code, "A" … "S", "Z" or "99"; "" for an invalid category.
func (c EthnicCategory) Code() string {
	if !c.Valid() {
		return ""
	}
	return ethnicInfo[c].code
}

// Slug returns a stable descriptive slug such as "white-british"; "" for an invalid category.
func (c EthnicCategory) Slug() string { return ethnicCategories.Slug(c) }

// Description returns the Data Dictionary's label, e.g. "Mixed - White and Asian"; "" for an
// invalid category.
func (c EthnicCategory) Description() string {
	if !c.Valid() {
		return ""
	}
	return ethnicInfo[c].label
}

// Group returns the broad ethnic group (the Data Dictionary's headings) the category belongs
// to; the zero EthnicGroup for an invalid category.
func (c EthnicCategory) Group() EthnicGroup {
	if !c.Valid() {
		return 0
	}
	return ethnicInfo[c].group
}

// CodeSet returns the code set the category belongs to.
func (c EthnicCategory) CodeSet() EthnicCodeSet {
	if !c.Valid() {
		return 0
	}
	return EthnicCodes2001
}

// Recorded reports whether the category records an ethnicity, that is, it is neither "not
// stated" nor "not known".
func (c EthnicCategory) Recorded() bool { return c.Valid() && c < EthnicNotStated }

// String returns the national code, e.g. "A"; any other value prints as %!EthnicCategory(n).
func (c EthnicCategory) String() string {
	if !c.Valid() {
		return ethnicCategories.String(c)
	}
	return ethnicInfo[c].code
}

// MarshalText returns the national code ("A", "Z", "99"); an invalid category is an error.
func (c EthnicCategory) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, enum.NewParseError("equality.EthnicCategory", c.String(), ethnicCodes())
	}
	return []byte(ethnicInfo[c].code), nil
}

// UnmarshalText parses text with ParseEthnicCategory.
func (c *EthnicCategory) UnmarshalText(text []byte) error {
	v, err := ParseEthnicCategory(string(text))
	if err == nil {
		*c = v
	}
	return err
}

// ParseEthnicCategory returns the category named by s, which may be:
//   - a national code, "A" … "S", "Z" or "99", in either case;
//   - a two-character local code whose first character is a national letter code ("CA"
//     groups to C), as the Data Dictionary allows for local sub-categories;
//   - "X", which Hospital Episode Statistics uses for "not known";
//   - a descriptive slug such as "white-british" or "not-stated".
//
// Any other text is an *enum.ParseError listing the national codes.
func ParseEthnicCategory(s string) (EthnicCategory, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case t == "99" || t == "X":
		return EthnicNotKnown, nil
	case len(t) == 1 || (len(t) == 2 && isAlnum(t[1])):
		for c := EthnicWhiteBritish; c <= EthnicNotStated; c++ {
			if ethnicInfo[c].code[0] == t[0] {
				return c, nil
			}
		}
	}
	if v, err := ethnicCategories.Parse(s, false); err == nil {
		return v, nil
	}
	return 0, enum.NewParseError("equality.EthnicCategory", s, ethnicCodes())
}

func isAlnum(b byte) bool { return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') }

func ethnicCodes() []string {
	out := make([]string, 0, ethnicCount)
	for c := EthnicWhiteBritish; c <= EthnicNotKnown; c++ {
		out = append(out, ethnicInfo[c].code)
	}
	return out
}

// EthnicGroup is a broad ethnic group, the headings under which the Data Dictionary lists the
// ethnic categories, plus "not stated" and "not known". Representation analyses often use
// the broad groups when the sixteen categories give counts too small to judge. The zero
// value is not a group.
type EthnicGroup uint8

// The broad ethnic groups.
const (
	EthnicGroupWhite     EthnicGroup = 1 + iota // White (A, B, C)
	EthnicGroupMixed                            // Mixed (D, E, F, G)
	EthnicGroupAsian                            // Asian or Asian British (H, J, K, L)
	EthnicGroupBlack                            // Black or Black British (M, N, P)
	EthnicGroupOther                            // Other ethnic groups (R, S)
	EthnicGroupNotStated                        // not stated (Z)
	EthnicGroupNotKnown                         // not known (99)
)

var ethnicGroups = enum.NewTable[EthnicGroup]("equality.EthnicGroup",
	[]string{"white", "mixed", "asian", "black", "other", "not-stated", "not-known"},
	map[string]EthnicGroup{
		"asian-or-asian-british": EthnicGroupAsian, "black-or-black-british": EthnicGroupBlack,
		"other-ethnic-groups": EthnicGroupOther, "mixed-or-multiple": EthnicGroupMixed,
	})

// Valid reports whether g is a declared group.
func (g EthnicGroup) Valid() bool { return ethnicGroups.Valid(g) }

// String returns the slug, e.g. "asian"; any other value prints as %!EthnicGroup(n).
func (g EthnicGroup) String() string { return ethnicGroups.String(g) }

// MarshalText returns the slug; an invalid group is an error.
func (g EthnicGroup) MarshalText() ([]byte, error) { return ethnicGroups.Marshal(g) }

// UnmarshalText parses text with ParseEthnicGroup.
func (g *EthnicGroup) UnmarshalText(text []byte) error {
	v, err := ParseEthnicGroup(string(text))
	if err == nil {
		*g = v
	}
	return err
}

// ParseEthnicGroup returns the group named by s: its slug or the Data Dictionary heading
// ("Asian or Asian British"), forgiving about case, spaces and dashes.
func ParseEthnicGroup(s string) (EthnicGroup, error) { return ethnicGroups.Parse(s, false) }
