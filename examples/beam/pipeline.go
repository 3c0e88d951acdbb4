package main

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/peopleandcommunities/engage/examples/internal/sample"
	"github.com/peopleandcommunities/engage/pam"
)

// The pipeline:
//
//	shards of people ─ Reshuffle ─ generate responses ─ score ─┬─ by area, decile, place ─ CombinePerKey(cohortFn) ×2 stages
//	                                                           ├─ by decile (accepted) ─── CombinePerKey(quantileCountsFn) ×2
//	                                                           └─ by person ─ CoGroupByKey(baseline, follow-up) ─ pairs
//	                                                                ─ by area, decile, place ─ CombinePerKey(gainsFn)
//	shards of areas ─ Reshuffle ─ generate area records ─┬─ by area, decile ─ CombinePerKey(groupedTallyFn)
//	                                                     ├─ by indicator and period ─ CombinePerKey(tallyFn)
//	                                                     └─ residents by decile, place ─ CombinePerKey(groupCountsFn)
//	shards of participants ─ Reshuffle ─ generate ─ by decile, place ─ CombinePerKey(groupCountsFn)
//	every combine's Part ─ Flatten by area / decile / place ─ GroupByKey ─ assemble a line ─ textio.Write
//
// Records are generated on the workers from the seed and their index (the sample generator
// is a pure function of both), so the pipeline reads no input files: at national size the
// workers generate the million people between them.

// Config is what the pipeline and the single-process loop need to know.
type Config struct {
	Seed        uint64
	Size        sample.Size
	Repetitions int // Monte Carlo repetitions of the SII's confidence limits
	ShardSize   int // records per shard of the source
}

// shards splits [0, n) into ranges of at most size records.
func shards(n, size int) []Shard {
	var out []Shard
	for from := 0; from < n; from += size {
		out = append(out, Shard{From: from, To: min(from+size, n)})
	}
	return out
}

// generator is the part of a DoFn that rebuilds the sample generator on each worker.
type generator struct {
	Seed uint64
	Size sample.Size
	g    *sample.Generator
}

func (gen *generator) setup() error {
	g, err := sample.New(gen.Seed, gen.Size)
	gen.g = g
	return err
}

// peopleFn generates the PAM responses of a shard of people, as a national dataset of
// responses would hold them.
type peopleFn struct{ generator }

func (fn *peopleFn) Setup() error { return fn.setup() }
func (fn *peopleFn) ProcessElement(s Shard, emit func(ResponseRecord)) {
	for p := range fn.g.PeopleRange(s.From, s.To) {
		for stage, m := range [2]sample.Measurement{p.Baseline, p.FollowUp} {
			if m.Taken() {
				emit(ResponseRecord{Area: p.Area, Decile: p.Decile, Stage: Stage(stage), Response: m.Response})
			}
		}
	}
}

// scoreFn scores responses with the Hellström 2019 calibration; the scorer is prepared once
// per worker.
type scoreFn struct{ scorer *pam.RaschScorer }

func (fn *scoreFn) Setup() (err error) {
	fn.scorer, err = newScorer()
	return err
}
func (fn *scoreFn) ProcessElement(r ResponseRecord) (ScoredRecord, error) {
	res, err := fn.scorer.Score(r.Response)
	if err != nil {
		return ScoredRecord{}, fmt.Errorf("scoring a response of area %d: %w", r.Area, err)
	}
	return ScoredRecord{Area: r.Area, Decile: r.Decile, Stage: r.Stage, Result: res}, nil
}

// areasFn generates the records of a shard of small areas.
type areasFn struct{ generator }

func (fn *areasFn) Setup() error { return fn.setup() }
func (fn *areasFn) ProcessElement(s Shard, emit func(AreaRecord)) {
	for i := s.From; i < s.To; i++ {
		emit(areaRecord(fn.g, i))
	}
}

// participantsFn generates the records of a shard of participants.
type participantsFn struct{ generator }

func (fn *participantsFn) Setup() error { return fn.setup() }
func (fn *participantsFn) ProcessElement(s Shard, emit func(ParticipantRecord)) {
	for i := s.From; i < s.To; i++ {
		emit(participantRecord(fn.g, i))
	}
}

// Keying functions.

func splitStage(r ScoredRecord, baseline, followUp func(ScoredRecord)) {
	if r.Stage == FollowUp {
		followUp(r)
	} else {
		baseline(r)
	}
}

func resultByArea(r ScoredRecord) (int, pam.Result)        { return r.Area, r.Result }
func resultByDecile(r ScoredRecord) (int, pam.Result)      { return r.Decile, r.Result }
func resultByPlace(r ScoredRecord) (string, pam.Result)    { return placeKey, r.Result }
func recordByPerson(r ScoredRecord) (string, ScoredRecord) { return r.Result.ID, r }

// lowActivationInput keys an accepted result by stage for the counts by decile.
func lowActivationInput(r ScoredRecord, emit func(string, QuantileInput)) {
	if r.Result.Accepted {
		emit(lowActivationKind[r.Stage], QuantileInput{Decile: r.Decile, Low: lowActivation(&r.Result)})
	}
}

var lowActivationKind = [2]string{partLowBaseline, partLowFollowUp}

// placeKey is the key of the place's line.
const placeKey = "place"

// pairFn pairs each person's baseline with their follow-up. A person with one of each is a
// pair; anyone else (no follow-up yet, or duplicated records) is not.
func pairFn(_ string, baselines, followUps func(*ScoredRecord) bool, emit func(ScoredPair)) {
	var b, f ScoredRecord
	nb, nf := 0, 0
	for baselines(&b) {
		nb++
	}
	for followUps(&f) {
		nf++
	}
	if nb == 1 && nf == 1 {
		emit(ScoredPair{Area: b.Area, Decile: b.Decile, Pair: Pair{Baseline: b.Result, FollowUp: f.Result}})
	}
}

// ScoredPair is a Pair with where the person lives.
type ScoredPair struct {
	Area, Decile int
	Pair         Pair
}

func pairByArea(p ScoredPair) (int, Pair)     { return p.Area, p.Pair }
func pairByDecile(p ScoredPair) (int, Pair)   { return p.Decile, p.Pair }
func pairByPlace(p ScoredPair) (string, Pair) { return placeKey, p.Pair }

func areaPart(a AreaRecord) (int, Part) {
	return a.Index, Part{Kind: partArea, Data: encodeAreaRecord(a)}
}

func tallyByArea(a AreaRecord, emit func(int, TallyInput)) {
	for _, in := range tallyInputs(&a) {
		emit(a.Index, in)
	}
}

func tallyByDecile(a AreaRecord, emit func(int, TallyInput)) {
	for _, in := range tallyInputs(&a) {
		emit(a.Decile, in)
	}
}

func tallyByIndicator(a AreaRecord, emit func(string, TallyInput)) {
	for _, in := range tallyInputs(&a) {
		emit(in.Indicator+"\x00"+in.Period, in)
	}
}

func residentsByDecile(a AreaRecord, emit func(int, GroupCount)) {
	for k, n := range a.Residents {
		emit(a.Decile, GroupCount{Group: groupOrder[k], N: int64(n)})
	}
}

func residentsByPlace(a AreaRecord, emit func(string, GroupCount)) {
	for k, n := range a.Residents {
		emit(placeKey, GroupCount{Group: groupOrder[k], N: int64(n)})
	}
}

func participantByDecile(p ParticipantRecord, emit func(int, GroupCount)) {
	if p.Group > 0 {
		emit(p.Decile, GroupCount{Group: groupOrder[p.Group-1], N: 1})
	}
}

func participantByPlace(p ParticipantRecord, emit func(string, GroupCount)) {
	if p.Group > 0 {
		emit(placeKey, GroupCount{Group: groupOrder[p.Group-1], N: 1})
	}
}

// tallyToPlace moves the tally of one indicator and period to the place's key, labelled.
func tallyToPlace(key string, p Part) (string, Part) {
	for i := range len(key) {
		if key[i] == 0 {
			p.Label = GroupKey{Group: key[:i], Period: key[i+1:]}
			break
		}
	}
	return placeKey, p
}

// stageToPlace moves a stage's low-activation counts to the place's key.
func stageToPlace(_ string, p Part) (string, Part) { return placeKey, p }

// collect reads a key's parts.
func collect(parts func(*Part) bool) []Part {
	var out []Part
	var p Part
	for parts(&p) {
		out = append(out, p)
		p = Part{}
	}
	return out
}

func assembleArea(_ int, parts func(*Part) bool) (string, error) {
	a, err := decodeParts(collect(parts))
	if err != nil {
		return "", err
	}
	if a.Area == nil {
		return "", fmt.Errorf("results for an area that has no record")
	}
	return line(areaResult(a))
}

func assembleDecile(decile int, parts func(*Part) bool) (string, error) {
	a, err := decodeParts(collect(parts))
	if err != nil {
		return "", err
	}
	return line(decileResult(decile, a))
}

// assemblePlaceFn makes the place's line, computing the SII with its simulated limits.
type assemblePlaceFn struct {
	generator
	Repetitions int
}

func (fn *assemblePlaceFn) Setup() error { return fn.setup() }
func (fn *assemblePlaceFn) ProcessElement(_ string, parts func(*Part) bool) (string, error) {
	a, err := decodeParts(collect(parts))
	if err != nil {
		return "", err
	}
	return line(placeResult(fn.g, fn.Repetitions, a))
}

func init() {
	register.DoFn2x0[Shard, func(ResponseRecord)](&peopleFn{})
	register.DoFn1x2[ResponseRecord, ScoredRecord, error](&scoreFn{})
	register.DoFn2x0[Shard, func(AreaRecord)](&areasFn{})
	register.DoFn2x0[Shard, func(ParticipantRecord)](&participantsFn{})
	register.DoFn2x2[string, func(*Part) bool, string, error](&assemblePlaceFn{})
	register.Emitter1[ResponseRecord]()
	register.Emitter1[AreaRecord]()
	register.Emitter1[ParticipantRecord]()
	register.Emitter1[ScoredRecord]()
	register.Emitter1[ScoredPair]()
	register.Emitter2[string, QuantileInput]()
	register.Emitter2[int, TallyInput]()
	register.Emitter2[string, TallyInput]()
	register.Emitter2[int, GroupCount]()
	register.Emitter2[string, GroupCount]()
	register.Iter1[*ScoredRecord]()
	register.Iter1[*Part]()
	register.Function3x0(splitStage)
	register.Function1x2(resultByArea)
	register.Function1x2(resultByDecile)
	register.Function1x2(resultByPlace)
	register.Function1x2(recordByPerson)
	register.Function2x0(lowActivationInput)
	register.Function4x0(pairFn)
	register.Function1x2(pairByArea)
	register.Function1x2(pairByDecile)
	register.Function1x2(pairByPlace)
	register.Function1x2(areaPart)
	register.Function2x0(tallyByArea)
	register.Function2x0(tallyByDecile)
	register.Function2x0(tallyByIndicator)
	register.Function2x0(residentsByDecile)
	register.Function2x0(residentsByPlace)
	register.Function2x0(participantByDecile)
	register.Function2x0(participantByPlace)
	register.Function2x2(tallyToPlace)
	register.Function2x2(stageToPlace)
	register.Function2x2(assembleArea)
	register.Function2x2(assembleDecile)
	beam.RegisterType(typeOf[ScoredPair]())
	beam.RegisterType(typeOf[TallyInput]())
	beam.RegisterType(typeOf[GroupCount]())
	beam.RegisterType(typeOf[QuantileInput]())
}

// Build adds the pipeline to scope s and returns its lines: one per area, decile and the
// place, in no particular order.
func Build(s beam.Scope, cfg Config) beam.PCollection {
	source := func(name string, n int) beam.PCollection {
		s := s.Scope(name)
		col := beam.CreateList(s, shards(n, cfg.ShardSize))
		// Spread the shards over the workers: without the shuffle, a runner fuses generation
		// with the single element that Create emits and runs it on one worker.
		return beam.Reshuffle(s, col)
	}
	gen := generator{Seed: cfg.Seed, Size: cfg.Size}

	// PAM: responses, scored, combined into cohorts and gains by area, decile and place.
	ps := s.Scope("pam")
	responses := beam.ParDo(ps, &peopleFn{gen}, source("people", cfg.Size.People))
	scored := beam.ParDo(ps, &scoreFn{}, responses)
	baseline, followUp := beam.ParDo2(ps, splitStage, scored)
	var areaParts, decileParts, placeParts []beam.PCollection
	for stage, col := range [2]beam.PCollection{baseline, followUp} {
		kind := [2]string{partBaseline, partFollowUp}[stage]
		fn := &cohortFn{Kind: kind}
		ss := ps.Scope(kind)
		areaParts = append(areaParts, beam.CombinePerKey(ss, fn, beam.ParDo(ss, resultByArea, col)))
		decileParts = append(decileParts, beam.CombinePerKey(ss, fn, beam.ParDo(ss, resultByDecile, col)))
		placeParts = append(placeParts, beam.CombinePerKey(ss, fn, beam.ParDo(ss, resultByPlace, col)))
	}
	low := beam.CombinePerKey(ps, &quantileCountsFn{}, beam.ParDo(ps, lowActivationInput, scored))
	placeParts = append(placeParts, beam.ParDo(ps, stageToPlace, beam.ParDo(ps, setQuantileKind, low)))

	pairs := beam.ParDo(ps, pairFn, beam.CoGroupByKey(ps,
		beam.ParDo(ps, recordByPerson, baseline), beam.ParDo(ps, recordByPerson, followUp)))
	areaParts = append(areaParts, beam.CombinePerKey(ps, &gainsFn{}, beam.ParDo(ps, pairByArea, pairs)))
	decileParts = append(decileParts, beam.CombinePerKey(ps, &gainsFn{}, beam.ParDo(ps, pairByDecile, pairs)))
	placeParts = append(placeParts, beam.CombinePerKey(ps, &gainsFn{}, beam.ParDo(ps, pairByPlace, pairs)))

	// Indicators and residents, from the area records.
	as := s.Scope("areas")
	areas := beam.ParDo(as, &areasFn{gen}, source("areas", cfg.Size.Areas))
	areaParts = append(areaParts, beam.ParDo(as, areaPart, areas))
	areaParts = append(areaParts, beam.CombinePerKey(as, &groupedTallyFn{}, beam.ParDo(as, tallyByArea, areas)))
	decileParts = append(decileParts, beam.CombinePerKey(as, &groupedTallyFn{}, beam.ParDo(as, tallyByDecile, areas)))
	placeParts = append(placeParts, beam.ParDo(as, tallyToPlace,
		beam.CombinePerKey(as, &tallyFn{}, beam.ParDo(as, tallyByIndicator, areas))))
	residents := &groupCountsFn{Kind: partResidents}
	decileParts = append(decileParts, beam.CombinePerKey(as, residents, beam.ParDo(as, residentsByDecile, areas)))
	placeParts = append(placeParts, beam.CombinePerKey(as, residents, beam.ParDo(as, residentsByPlace, areas)))

	// Participants of engagement activities.
	es := s.Scope("participants")
	participants := beam.ParDo(es, &participantsFn{gen}, source("participants", cfg.Size.Participants))
	pc := &groupCountsFn{Kind: partParticipants}
	decileParts = append(decileParts, beam.CombinePerKey(es, pc, beam.ParDo(es, participantByDecile, participants)))
	placeParts = append(placeParts, beam.CombinePerKey(es, pc, beam.ParDo(es, participantByPlace, participants)))

	// Assemble each key's parts into its line.
	ls := s.Scope("lines")
	areaLines := beam.ParDo(ls, assembleArea, beam.GroupByKey(ls, beam.Flatten(ls, areaParts...)))
	decileLines := beam.ParDo(ls, assembleDecile, beam.GroupByKey(ls, beam.Flatten(ls, decileParts...)))
	placeLines := beam.ParDo(ls, &assemblePlaceFn{generator: gen, Repetitions: cfg.Repetitions},
		beam.GroupByKey(ls, beam.Flatten(ls, placeParts...)))
	return beam.Flatten(ls, placeLines, decileLines, areaLines)
}

// setQuantileKind names a stage's low-activation counts after their key.
func setQuantileKind(stage string, p Part) (string, Part) {
	p.Kind = stage
	return stage, p
}

func init() {
	register.Function2x2(setQuantileKind)
}

// run runs the pipeline on the runner named by the --runner flag and writes its lines to out.
func run(ctx context.Context, cfg Config, out string, runner string) error {
	p, s := beam.NewPipelineWithRoot()
	writeLines(s, out, Build(s, cfg))
	_, err := beam.Run(ctx, runner, p)
	return err
}
