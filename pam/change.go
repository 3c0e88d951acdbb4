package pam

import (
	"github.com/peopleandcommunities/engage/internal/field"
)

// Thresholds of change in the 0–100 score, in points.
const (
	// MeaningfulGain is the smallest gain counted as meaningful: the 3-point increase of the
	// quality measure CBE/NQF #2483, "Gains in Patient Activation Measure (PAM) Scores at 12
	// Months" (steward Insignia Health; also CMS MIPS quality measure 503).
	MeaningfulGain = 3.0
	// ExcellentGain is the smallest gain counted as excellent: the 6-point increase that the
	// American College of Physicians' review of #2483 (April 2021) describes as an
	// "excellent" result, against 3 points for "passing".
	ExcellentGain = 6.0
)

// meaningfulTenths and excellentTenths are the thresholds in tenths of a point.
const (
	meaningfulTenths = 30
	excellentTenths  = 60
)

// ScoreChange is the change between two results of the same person: the difference of the
// reported (one-decimal) scores, the levels moved, and whether the gain reaches the
// thresholds of CBE/NQF #2483.
type ScoreChange struct {
	// Before and After are the two reported scores.
	Before float64 `json:"before"`
	After  float64 `json:"after"`
	// Difference is After − Before, exact to one decimal; positive for a gain.
	Difference float64 `json:"difference"`
	// From and To are the two levels, under the results' common scheme.
	From Level `json:"from"`
	To   Level `json:"to"`
	// Levels is the number of levels moved, To − From: positive up, negative down.
	Levels int `json:"levels"`
	// Meaningful is true for a gain of MeaningfulGain (3) points or more.
	Meaningful bool `json:"meaningful"`
	// Excellent is true for a gain of ExcellentGain (6) points or more.
	Excellent bool `json:"excellent"`
}

// Change returns the change from before to after. Both must be scored (ErrNotScored), under
// the same calibration and level scheme (ErrIncomparable: scores on different scales cannot be
// subtracted), and, when both are dated, after may not be earlier than before (ErrOrder).
// Problems are located under "/before" and "/after". Flags are not judged here: the Gains
// measure applies its exclusions.
//
// The difference is taken between the reported scores, each rounded to one decimal, so it is
// exact to one decimal and agrees with what a reader of the two reports would compute.
func Change(before, after Result) (ScoreChange, error) {
	var l field.List
	if !before.Scored {
		l.Add("/before/scored", ErrNotScored, "a scored result")
	}
	if !after.Scored {
		l.Add("/after/scored", ErrNotScored, "a scored result")
	}
	if before.Calibration != after.Calibration {
		l.Add("/after/calibration", ErrIncomparable, "the same calibration as the baseline result")
	}
	if before.Scheme != after.Scheme || !before.Scheme.Valid() {
		l.Add("/after/levelScheme", ErrIncomparable, "the same level scheme as the baseline result")
	}
	if !before.Date.IsZero() && !after.Date.IsZero() && after.Date.Before(before.Date) {
		l.Add("/after/date", ErrOrder, "a date on or after the baseline result's")
	}
	for _, p := range []struct {
		path string
		r    Result
	}{{"/before/score", before}, {"/after/score", after}} {
		if p.r.Scored && !(p.r.Score >= 0 && p.r.Score <= 100) {
			l.Add(p.path, ErrOutOfRange, "a score in [0, 100]")
		}
	}
	if err := l.Err(); err != nil {
		return ScoreChange{}, err
	}
	b, a := roundTenths(before.Score), roundTenths(after.Score)
	from, to := before.Scheme.levelTenths(b), after.Scheme.levelTenths(a)
	d := a - b
	return ScoreChange{
		Before: float64(b) / 10, After: float64(a) / 10, Difference: float64(d) / 10,
		From: from, To: to, Levels: int(to) - int(from),
		Meaningful: d >= meaningfulTenths, Excellent: d >= excellentTenths,
	}, nil
}
