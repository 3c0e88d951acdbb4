package build

import (
	"strconv"
	"strings"

	"github.com/peopleandcommunities/engage/equality"
	"github.com/peopleandcommunities/engage/indicator"
	"github.com/peopleandcommunities/engage/internal/field"
)

// groupName writes a group label of a dimension for people.
func groupName(d equality.GroupDimension, label string) string {
	switch d {
	case equality.ByEthnicGroup:
		if g, err := equality.ParseEthnicGroup(label); err == nil {
			return map[equality.EthnicGroup]string{
				equality.EthnicGroupWhite: "White", equality.EthnicGroupMixed: "Mixed",
				equality.EthnicGroupAsian: "Asian or Asian British", equality.EthnicGroupBlack: "Black or Black British",
				equality.EthnicGroupOther: "Other ethnic groups", equality.EthnicGroupNotStated: "Not stated",
				equality.EthnicGroupNotKnown: "Not known",
			}[g]
		}
	case equality.ByEthnicCategory:
		if c, err := equality.ParseEthnicCategory(label); err == nil {
			return c.Description()
		}
	case equality.ByDeprivationQuintile, equality.ByDeprivationDecile:
		kind := map[bool]string{true: "Quintile ", false: "Decile "}[d == equality.ByDeprivationQuintile]
		switch {
		case label == "1":
			return kind + label + " (most deprived)"
		case label == "5" && d == equality.ByDeprivationQuintile, label == "10":
			return kind + label + " (least deprived)"
		}
		return kind + label
	}
	return label
}

// dimensionName writes what a dimension's groups are.
func dimensionName(d equality.GroupDimension) string {
	switch d {
	case equality.ByEthnicGroup:
		return "ethnic group"
	case equality.ByEthnicCategory:
		return "ethnic category"
	case equality.ByDeprivationQuintile:
		return "deprivation quintile"
	case equality.ByDeprivationDecile:
		return "deprivation decile"
	}
	return "group"
}

// pValue writes a p-value as journals do: "p < 0.001" or "p = 0.042".
func pValue(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return "p = " + num(p, 3)
}

// equality computes the representation of participants against their community for every
// equality document that carries participants and community counts.
func (bd *builder) equality() error {
	for i := range bd.b.Equality {
		d := &bd.b.Equality[i]
		res, err := d.Representation(equality.RepresentationOptions{})
		if err != nil {
			// The document is valid but its counts do not support the analysis (no
			// participants, a group with no residents): say so where the finding would be.
			id := canonical(d.Indicator)
			bd.add(Finding{ID: equalityID(i, d), Title: equalityTitle(d), Indicator: string(id),
				Measures: measuresOf(string(id)), Methods: []string{"representation"}, Source: field.Pointer("equality", i),
				Statements: []string{"The representation of these groups could not be computed from the counts given: " + err.Error() + "."}}, "")
			continue
		}
		for _, area := range res {
			bd.representation(i, d, area)
		}
	}
	return nil
}

// equalityID returns the finding ID of equality document i.
func equalityID(i int, d *equality.Data) string {
	if id := canonical(d.Indicator); id != "" {
		return string(id) + "-by-" + d.Dimension.String()
	}
	return "equality-" + strconv.Itoa(i+1)
}

// equalityTitle returns the finding title of an equality document: its indicator's name by
// its dimension.
func equalityTitle(d *equality.Data) string {
	name := "Participants"
	if ind, err := indicator.Lookup(canonical(d.Indicator)); err == nil {
		name = ind.Name
	}
	return name + ", by " + dimensionName(d.Dimension)
}

func (bd *builder) representation(i int, d *equality.Data, a equality.AreaRepresentation) {
	id := canonical(d.Indicator)
	title := equalityTitle(d)
	where := a.Name
	if where == "" {
		where = a.Area
	}
	caption := d.Title
	if caption == "" {
		caption = title + ": " + where + " " + a.Period
	}
	f := Finding{
		ID: equalityID(i, d), Title: title, Indicator: string(id), Measures: measuresOf(string(id)),
		Methods: []string{"representation"}, Source: field.Pointer("equality", i),
	}
	table := Table{
		Caption: caption,
		Columns: []Column{{Title: capitalise(dimensionName(d.Dimension))}, {Title: "People counted", Numeric: true},
			{Title: "Share counted", Numeric: true}, {Title: "Share of community", Numeric: true},
			{Title: "Representation ratio (95 % CI)", Numeric: true}, {Title: "Judgement"}},
	}
	var under, over []string
	for _, g := range a.Groups {
		gn := groupName(d.Dimension, g.Group)
		judge := "in proportion"
		desc := gn + ": ratio " + withCI(g.Ratio, g.Interval.Lower, g.Interval.Upper, 2)
		switch g.Flag {
		case equality.UnderRepresented:
			judge = "under-represented"
			under = append(under, desc)
		case equality.OverRepresented:
			judge = "over-represented"
			over = append(over, desc)
		}
		table.Rows = append(table.Rows, []string{gn, num(g.ParticipantShare*a.Participants, 0), pct(g.ParticipantShare), pct(g.CommunityShare),
			cell(g.Ratio, g.Interval.Lower, g.Interval.Upper, 2), judge})
	}
	f.Tables = []Table{table}
	f.Statements = append(f.Statements, capitalise(num(a.Participants, 0))+" people counted in "+where+" "+a.Period+", against a community of "+num(a.Community, 0)+
		". A representation ratio of 1 means a group's share of the people counted equals its share of the community; a group is judged under- or over-represented only when the 95 % interval excludes 1.")
	var s string
	if len(under) > 0 {
		s = "Under-represented: " + strings.Join(under, "; ") + "."
	} else {
		s = "No " + dimensionName(d.Dimension) + " is significantly under-represented."
	}
	f.Statements = append(f.Statements, s)
	highlight := title + ". " + s
	if len(over) > 0 {
		f.Statements = append(f.Statements, "Over-represented: "+strings.Join(over, "; ")+".")
	}
	f.Statements = append(f.Statements,
		"Index of dissimilarity "+num(a.Dissimilarity, 3)+": "+pct(a.Dissimilarity)+" of the people counted would have to be in other groups for their mix to match the community's.",
		"Pearson's chi-square test of their shares against the community's: X² = "+num(a.Fit.Statistic, 1)+" on "+
			plural(a.Fit.DF, "degree")+" of freedom, "+pValue(a.Fit.PValue)+
			map[bool]string{true: " (some expected counts are below 5, so the test is approximate).", false: "."}[a.Fit.SmallExpected])
	f.Headline = &Estimate{Label: "Index of dissimilarity from the community", Value: a.Dissimilarity, Unit: "index (0–1)", Text: num(a.Dissimilarity, 3)}
	bd.add(f, highlight)
}
