package equality

import (
	"math"
	"strconv"

	"github.com/peopleandcommunities/engage/internal/dist"
	"github.com/peopleandcommunities/engage/internal/enum"
	"github.com/peopleandcommunities/engage/internal/field"
)

// MaxRepresentationGroups is the most groups a representation analysis accepts.
const MaxRepresentationGroups = 1000

// RepresentationGroup is one group (an ethnic category, an age band, a deprivation quintile,
// ...) in a comparison of the people who took part in an engagement activity with the
// community they come from: principle two's measure of success, "diversity of participants
// and how this relates to diversity of community".
type RepresentationGroup struct {
	// Group labels the group; it is carried into the result and never interpreted.
	Group string
	// Participants is the number of participants in the group, ≥ 0.
	Participants float64
	// Community is the group's size in the community, > 0: a census or register count, a
	// population estimate, or (with RepresentationOptions.CommunitySampled) the count in a
	// community survey. Only the shares matter unless the community is sampled.
	Community float64
}

// RepresentationOptions configures Representation. The zero value asks for 95 % intervals
// with the community's shares treated as known.
type RepresentationOptions struct {
	// Confidence is the level of the representation ratios' intervals, in [0.9, 1); zero
	// means 0.95.
	Confidence float64
	// CommunitySampled says the community counts come from a sample (a survey) rather than a
	// census, register or population estimate, so that their sampling error must be allowed
	// for: intervals use the Katz log method and the test is one of homogeneity.
	CommunitySampled bool
}

// RepresentationFlag judges a group's representation among participants from the interval of
// its representation ratio. The zero value is not a flag.
type RepresentationFlag uint8

// The flags. A group is flagged under- or over-represented only when the interval of its
// representation ratio excludes parity (1).
const (
	UnderRepresented RepresentationFlag = 1 + iota // the interval lies wholly below 1
	InProportion                                   // the interval contains 1
	OverRepresented                                // the interval lies wholly above 1
)

var representationFlags = enum.NewTable[RepresentationFlag]("equality.RepresentationFlag",
	[]string{"under-represented", "in-proportion", "over-represented"},
	map[string]RepresentationFlag{"under": UnderRepresented, "over": OverRepresented, "parity": InProportion})

// Valid reports whether f is a declared flag.
func (f RepresentationFlag) Valid() bool { return representationFlags.Valid(f) }

// String returns the slug, e.g. "under-represented"; any other value prints as
// %!RepresentationFlag(n).
func (f RepresentationFlag) String() string { return representationFlags.String(f) }

// MarshalText returns the slug; an invalid flag is an error.
func (f RepresentationFlag) MarshalText() ([]byte, error) { return representationFlags.Marshal(f) }

// UnmarshalText parses text with ParseRepresentationFlag.
func (f *RepresentationFlag) UnmarshalText(text []byte) error {
	v, err := ParseRepresentationFlag(string(text))
	if err == nil {
		*f = v
	}
	return err
}

// ParseRepresentationFlag returns the flag named by s ("under-represented", "under", ...).
func ParseRepresentationFlag(s string) (RepresentationFlag, error) {
	return representationFlags.Parse(s, false)
}

// GroupRepresentation is the representation of one group.
type GroupRepresentation struct {
	Group string `json:"group"`
	// ParticipantShare and CommunityShare are the group's shares of all participants and of
	// the whole community, fractions in [0, 1].
	ParticipantShare float64 `json:"participantShare"`
	CommunityShare   float64 `json:"communityShare"`
	// Ratio is the representation ratio ParticipantShare / CommunityShare: 1 is parity, 0.5
	// means the group is half as common among participants as in the community.
	Ratio float64 `json:"ratio"`
	// Interval is the ratio's confidence interval (see Representation for the method).
	Interval Interval `json:"interval"`
	// Flag says whether the interval excludes parity, and on which side.
	Flag RepresentationFlag `json:"flag"`
	// Expected is the number of participants the group would have at parity.
	Expected float64 `json:"expected"`
}

// FitTest is a Pearson chi-square test that the participants' shares equal the community's.
type FitTest struct {
	// Statistic is Pearson's X², DF its degrees of freedom (groups − 1) and PValue the upper
	// tail probability of the chi-square distribution.
	Statistic float64 `json:"statistic"`
	DF        int     `json:"df"`
	PValue    float64 `json:"pValue"`
	// MinExpected is the smallest expected count. Cochran's rule (Biometrics
	// 1954;10:417–451) asks for every expected count to be at least 5 for the chi-square
	// approximation to be trusted; SmallExpected is set when one is below 5.
	MinExpected   float64 `json:"minExpected"`
	SmallExpected bool    `json:"smallExpected"`
	// Method names the test: "goodness-of-fit" (community shares known) or "homogeneity"
	// (community sampled).
	Method string `json:"method"`
}

// Diversity describes how evenly a population is spread across groups, as a probability
// (Simpson), an information measure (Shannon) and their effective numbers of groups (Hill
// numbers of order 2 and 1: the number of equally common groups that would give the same
// diversity). Shares are the plug-in proportions.
//
//	Simpson          = 1 − Σ p_i²            (Gini–Simpson: chance two people differ in group)
//	SimpsonEffective = 1 / Σ p_i²
//	Shannon          = −Σ p_i ln p_i         (nats; groups with p_i = 0 contribute 0)
//	ShannonEffective = exp(Shannon)
//
// Simpson EH. Measurement of diversity. Nature 1949;163:688. Shannon CE. A mathematical
// theory of communication. Bell Syst Tech J 1948;27:379–423. Hill MO. Diversity and
// evenness: a unifying notation and its consequences. Ecology 1973;54:427–432.
type Diversity struct {
	// Groups is the number of groups with a non-zero count.
	Groups           int     `json:"groups"`
	Simpson          float64 `json:"simpson"`
	SimpsonEffective float64 `json:"simpsonEffective"`
	Shannon          float64 `json:"shannon"`
	ShannonEffective float64 `json:"shannonEffective"`
}

// RepresentationResult compares participants with their community group by group.
type RepresentationResult struct {
	Groups []GroupRepresentation `json:"groups"`
	// Participants and Community are the totals.
	Participants float64 `json:"participants"`
	Community    float64 `json:"community"`
	// Dissimilarity is the index of dissimilarity between the two distributions (see
	// Dissimilarity).
	Dissimilarity float64 `json:"dissimilarity"`
	// Fit tests whether participants' shares equal the community's.
	Fit FitTest `json:"fit"`
	// ParticipantDiversity and CommunityDiversity describe each distribution's diversity.
	ParticipantDiversity Diversity `json:"participantDiversity"`
	CommunityDiversity   Diversity `json:"communityDiversity"`
	// Confidence is the level of the ratios' intervals and Method names the interval method:
	// "wilson" or "katz-log".
	Confidence       float64 `json:"confidence"`
	Method           string  `json:"method"`
	CommunitySampled bool    `json:"communitySampled"`
}

// Representation compares the participants of an engagement activity with the community they
// come from, group by group.
//
// For group i with x_i of n participants and c_i of C in the community, the shares are
// p_i = x_i/n and π_i = c_i/C and the representation ratio is RR_i = p_i/π_i.
//
// When the community's shares are known (a census, register or population estimate: the
// default), the only sampling error is in the participants' share, and the interval is the
// Wilson score interval for x_i of n divided by π_i:
//
//	(2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)) / π_i
//
// Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat
// Assoc 1927;22:209–212. It is the interval OHID uses for proportions (PHEindicatormethods
// phe_proportion); it keeps close to its nominal coverage for the small groups engagement
// activities produce, where the simple Wald interval does not (Newcombe RG, Stat Med
// 1998;17:857–872), stays inside [0, 1/π_i], gives a sensible upper limit for a group with
// no participants, and always contains the estimate. Treating π_i as known is right when it
// comes from a census, a register or a population estimate, whose error is negligible beside
// that of a few hundred participants.
//
// When CommunitySampled is set, both shares are estimates from independent samples and the
// interval is the Katz log interval for a ratio of two proportions:
//
//	exp(ln RR ± z·√(1/x_i − 1/n + 1/c_i − 1/C))
//
// Katz D, Baptista J, Azen SP, Pike MC. Obtaining confidence intervals for the risk ratio in
// cohort studies. Biometrics 1978;34:469–474. For a group with no participants (RR = 0) the
// lower limit is 0 and the upper limit comes from the table with 0.5 added to each cell
// (x + 0.5 of n + 1 against c + 0.5 of C + 1; Haldane JBS, Ann Hum Genet 1956;20:309–311).
//
// A group is flagged under- or over-represented only when its interval excludes 1. The
// result also holds the index of dissimilarity, a Pearson chi-square test (goodness of fit
// to the known community shares, or, with a sampled community, homogeneity of the 2 × G
// table; both with G − 1 degrees of freedom) and the Simpson and Shannon diversity of both
// distributions.
//
// It needs at least two groups, at least one participant, and every group present in the
// community (c_i > 0: a ratio against an empty group is undefined). Errors are *FieldErrors
// located at "/groups/i/field" and "/options/field", all reported at once.
func Representation(groups []RepresentationGroup, opts RepresentationOptions) (RepresentationResult, error) {
	conf := opts.Confidence
	if conf == 0 {
		conf = 0.95
	}
	var l field.List
	if !(conf >= 0.9 && conf < 1) {
		l.Add("/options/confidence", ErrOutOfRange, "a confidence level in [0.9, 1)")
	}
	n, total := validateRepresentation(groups, &l)
	if err := l.Err(); err != nil {
		return RepresentationResult{}, err
	}
	z, err := dist.Z(conf)
	if err != nil {
		return RepresentationResult{}, &FieldError{Path: "/options/confidence", Err: ErrOutOfRange, Detail: "a confidence level in [0.9, 1)"}
	}
	res := RepresentationResult{
		Groups:           make([]GroupRepresentation, len(groups)),
		Participants:     n,
		Community:        total,
		Confidence:       conf,
		Method:           "wilson",
		CommunitySampled: opts.CommunitySampled,
	}
	if opts.CommunitySampled {
		res.Method = "katz-log"
	}
	var x2, minE float64
	minE = math.Inf(1)
	for i, g := range groups {
		p := g.Participants / n
		pi := g.Community / total
		gr := GroupRepresentation{Group: g.Group, ParticipantShare: p, CommunityShare: pi,
			Ratio: p / pi, Expected: n * pi}
		var lo, hi float64
		if opts.CommunitySampled {
			lo, hi = katzLog(g.Participants, n, g.Community, total, z)
		} else {
			wl, wu := wilson(g.Participants, n, z)
			lo, hi = wl/pi, wu/pi
		}
		if !finite(gr.Ratio) || !finite(lo) || !finite(hi) || !finite(gr.Expected) {
			return RepresentationResult{}, &FieldError{Path: field.Pointer("groups", i, "community"), Err: ErrUndefined,
				Detail: "a community share large enough for the representation ratio to be finite"}
		}
		// Guard the bracketing against the last bit of rounding.
		lo, hi = math.Min(lo, gr.Ratio), math.Max(hi, gr.Ratio)
		gr.Interval = Interval{Level: conf, Lower: lo, Upper: hi}
		switch {
		case hi < 1:
			gr.Flag = UnderRepresented
		case lo > 1:
			gr.Flag = OverRepresented
		default:
			gr.Flag = InProportion
		}
		res.Groups[i] = gr
		if opts.CommunitySampled {
			// Homogeneity: expected counts from the pooled shares, both rows.
			pooled := (g.Participants + g.Community) / (n + total)
			e1, e2 := n*pooled, total*pooled
			d1, d2 := g.Participants-e1, g.Community-e2
			x2 += d1*d1/e1 + d2*d2/e2
			minE = math.Min(minE, math.Min(e1, e2))
		} else {
			e := n * pi
			d := g.Participants - e
			x2 += d * d / e
			minE = math.Min(minE, e)
		}
	}
	df := len(groups) - 1
	pv, err := dist.ChiSquareSurvival(x2, float64(df))
	if err != nil || !finite(x2) {
		return RepresentationResult{}, &FieldError{Path: "/groups", Err: ErrUndefined, Detail: "counts for which the chi-square statistic is finite"}
	}
	res.Fit = FitTest{Statistic: x2, DF: df, PValue: pv, MinExpected: minE, SmallExpected: minE < 5, Method: "goodness-of-fit"}
	if opts.CommunitySampled {
		res.Fit.Method = "homogeneity"
	}
	pc := make([]float64, 2*len(groups))
	for i, g := range groups {
		pc[i], pc[len(groups)+i] = g.Participants, g.Community
	}
	res.Dissimilarity = dissimilarity(pc[:len(groups)], n, pc[len(groups):], total)
	res.ParticipantDiversity = diversity(pc[:len(groups)], n)
	res.CommunityDiversity = diversity(pc[len(groups):], total)
	return res, nil
}

func validateRepresentation(groups []RepresentationGroup, l *field.List) (n, total float64) {
	if len(groups) < 2 {
		l.Add("/groups", ErrTooFewGroups, "at least 2 groups")
		return 0, 0
	}
	if len(groups) > MaxRepresentationGroups {
		l.Add("/groups", ErrOutOfRange, "at most "+strconv.Itoa(MaxRepresentationGroups)+" groups")
		return 0, 0
	}
	bad := false
	for i, g := range groups {
		if !(g.Participants >= 0) || math.IsInf(g.Participants, 1) {
			l.Add(field.Pointer("groups", i, "participants"), ErrOutOfRange, "a finite count, not negative")
			bad = true
		} else {
			n += g.Participants
		}
		if !(g.Community > 0) || math.IsInf(g.Community, 1) {
			l.Add(field.Pointer("groups", i, "community"), ErrOutOfRange, "a finite count greater than 0 (a ratio against an empty group is undefined)")
			bad = true
		} else {
			total += g.Community
		}
	}
	if bad {
		return 0, 0
	}
	if !(n > 0) {
		l.Add("/groups", ErrOutOfRange, "at least one participant")
	}
	if math.IsInf(n, 1) || math.IsInf(total, 1) {
		l.Add("/groups", ErrOutOfRange, "counts whose totals are finite")
	}
	return n, total
}

// wilson returns the Wilson score interval for x of n at normal multiplier z (unscaled).
func wilson(x, n, z float64) (lo, hi float64) {
	z2 := z * z
	centre := 2*x + z2
	half := z * math.Sqrt(z2+4*x*(1-x/n))
	den := 2 * (n + z2)
	lo, hi = (centre-half)/den, (centre+half)/den
	if x == 0 {
		lo = 0
	}
	if x == n {
		hi = 1
	}
	return math.Max(lo, 0), math.Min(hi, 1)
}

// katzLog returns the Katz log interval of (x1/n1)/(x2/n2), with the Haldane correction for
// the upper limit when x1 = 0.
func katzLog(x1, n1, x2, n2, z float64) (lo, hi float64) {
	if x1 == 0 {
		rr := ((x1 + 0.5) / (n1 + 1)) / ((x2 + 0.5) / (n2 + 1))
		se := math.Sqrt(1/(x1+0.5) - 1/(n1+1) + 1/(x2+0.5) - 1/(n2+1))
		return 0, rr * math.Exp(z*se)
	}
	rr := (x1 / n1) / (x2 / n2)
	v := 1/x1 - 1/n1 + 1/x2 - 1/n2
	se := math.Sqrt(math.Max(v, 0))
	return rr * math.Exp(-z*se), rr * math.Exp(z*se)
}

// Dissimilarity returns the index of dissimilarity between two distributions over the same
// groups, given as counts (or any non-negative weights) in the same order:
//
//	D = ½ Σ_i |a_i/A − b_i/B|
//
// D is the share of either population that would have to change group for the two to match:
// 0 when the shares are identical, 1 when they share no group. Duncan OD, Duncan B. A
// methodological analysis of segregation indexes. Am Sociol Rev 1955;20:210–217.
func Dissimilarity(a, b []float64) (float64, error) {
	var l field.List
	if len(a) != len(b) {
		l.Add("/b", ErrOutOfRange, "as many groups as a")
	}
	if len(a) < 2 {
		l.Add("/a", ErrTooFewGroups, "at least 2 groups")
	}
	sa := countsTotal("/a", a, &l)
	sb := countsTotal("/b", b, &l)
	if err := l.Err(); err != nil {
		return 0, err
	}
	return dissimilarity(a, sa, b, sb), nil
}

func dissimilarity(a []float64, sa float64, b []float64, sb float64) float64 {
	d := 0.0
	for i := range a {
		d += math.Abs(a[i]/sa - b[i]/sb)
	}
	return math.Min(d/2, 1)
}

// MeasureDiversity returns the Simpson and Shannon diversity of a distribution given as
// counts (or any non-negative weights) per group; see Diversity.
func MeasureDiversity(counts []float64) (Diversity, error) {
	var l field.List
	if len(counts) < 1 {
		l.Add("", ErrTooFewGroups, "at least 1 group")
	}
	s := countsTotal("", counts, &l)
	if err := l.Err(); err != nil {
		return Diversity{}, err
	}
	return diversity(counts, s), nil
}

func diversity(counts []float64, total float64) Diversity {
	var d Diversity
	sumSq, h := 0.0, 0.0
	for _, c := range counts {
		if c == 0 {
			continue
		}
		d.Groups++
		p := c / total
		sumSq += p * p
		h -= p * math.Log(p)
	}
	d.Simpson = math.Max(1-sumSq, 0)
	d.SimpsonEffective = 1 / sumSq
	d.Shannon = math.Max(h, 0)
	d.ShannonEffective = math.Exp(d.Shannon)
	return d
}

// countsTotal checks that counts are finite and not negative with a positive finite total.
func countsTotal(prefix string, counts []float64, l *field.List) float64 {
	s := 0.0
	ok := true
	for i, c := range counts {
		if !(c >= 0) || math.IsInf(c, 1) {
			l.Add(prefix+field.Pointer(i), ErrOutOfRange, "a finite count, not negative")
			ok = false
			continue
		}
		s += c
	}
	if ok && len(counts) > 0 && (!(s > 0) || math.IsInf(s, 1)) {
		l.Add(prefix, ErrOutOfRange, "counts with a total greater than 0 and finite")
	}
	return s
}
