package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/peopleandcommunities/engage/pam"
)

// The records that flow through the pipeline, and their binary coders. A runner moves
// elements between workers as bytes, so every element type has a coder registered with Beam
// (see coders.go); these are compact fixed-layout encodings, because the national input is
// two million responses.

// Stage says which measurement a PAM response is: at referral or at follow-up.
type Stage uint8

const (
	Baseline Stage = iota
	FollowUp
)

// String returns "baseline" or "follow-up".
func (s Stage) String() string {
	if s == FollowUp {
		return "follow-up"
	}
	return "baseline"
}

// Shard is a range of record indexes, [From, To), that one worker generates: the unit the
// source is split into so that a runner can spread generation across workers.
type Shard struct {
	From, To int
}

// ResponseRecord is one PAM questionnaire as a national dataset would hold it: the response
// (its ID is the person's pseudonymous identifier, the key that pairs a baseline with its
// follow-up), the stage, and the small area the person lives in with its deprivation decile.
type ResponseRecord struct {
	Area     int
	Decile   int
	Stage    Stage
	Response pam.Response
}

// ScoredRecord is a ResponseRecord after scoring.
type ScoredRecord struct {
	Area   int
	Decile int
	Stage  Stage
	Result pam.Result
}

// Pair is one person's baseline and follow-up results, for the CBE #2483 gains measure.
type Pair struct {
	Baseline, FollowUp pam.Result
}

// AreaRecord is what a national dataset holds for one small area: its identity and
// deprivation, its residents (by broad ethnic group, for representation), and the counts of
// the indicators.
type AreaRecord struct {
	Index       int
	Code, Name  string
	Decile      int
	Quintile    int
	Population  int
	Residents   [numGroups]int // by broad ethnic group, indexed by equality.EthnicGroup − 1
	Carers      int
	CarersKnown int    // carers identified by GP practices in the later year
	Budgets     [2]int // personal health budgets held in each period
}

// ParticipantRecord is one participant in an engagement activity: the decile of where they
// live and their broad ethnic group (0 when not recorded).
type ParticipantRecord struct {
	Area   int
	Decile int
	Group  int
}

// errShort is the error for an encoding that ends too soon.
var errShort = errors.New("record encoding truncated")

// enc appends fields.
type enc struct{ b []byte }

func (e *enc) u(v uint64)  { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) i(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *enc) byte(v byte) { e.b = append(e.b, v) }
func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *enc) f(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *enc) s(v string)  { e.u(uint64(len(v))); e.b = append(e.b, v...) }

// dec reads what enc wrote, remembering the first error.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.b = nil
}

func (d *dec) u() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) i() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v < math.MinInt32 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *dec) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *dec) bool() bool { return d.byte() != 0 }

func (d *dec) f() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *dec) s() string {
	n := d.u()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	v := string(d.b[:n])
	d.b = d.b[n:]
	return v
}

// done returns the first error, or an error if bytes are left over.
func (d *dec) done(what string) error {
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return fmt.Errorf("decoding %s: %w", what, d.err)
	}
	return nil
}

func (e *enc) date(v pam.Date) { e.i(v.Year); e.byte(byte(v.Month)); e.byte(byte(v.Day)) }
func (d *dec) date() pam.Date {
	return pam.Date{Year: d.i(), Month: time.Month(d.byte()), Day: int(d.byte())}
}

func (e *enc) response(r *pam.Response) {
	e.byte(byte(r.Form))
	e.s(r.ID)
	e.date(r.Date)
	for _, a := range r.Answers {
		e.byte(byte(a))
	}
}

func (d *dec) response() pam.Response {
	r := pam.Response{Form: pam.Form(d.byte()), ID: d.s(), Date: d.date()}
	for i := range r.Answers {
		r.Answers[i] = pam.Answer(d.byte())
	}
	return r
}

func (e *enc) result(r *pam.Result) {
	e.s(r.ID)
	e.date(r.Date)
	e.byte(byte(r.Form))
	e.s(r.Calibration)
	e.byte(byte(r.Scheme))
	e.bool(r.Scored)
	e.f(r.Score)
	e.f(r.Unrounded)
	e.byte(byte(r.Level))
	e.bool(r.Extreme)
	e.f(r.Logit)
	e.f(r.StandardError)
	e.byte(byte(r.Answered))
	e.byte(byte(r.NotApplicable))
	e.byte(byte(r.NotAnswered))
	e.byte(byte(r.Flags))
	e.bool(r.Accepted)
}

func (d *dec) result() pam.Result {
	var r pam.Result
	r.ID = d.s()
	r.Date = d.date()
	r.Form = pam.Form(d.byte())
	r.Calibration = d.s()
	r.Scheme = pam.LevelScheme(d.byte())
	r.Scored = d.bool()
	r.Score = d.f()
	r.Unrounded = d.f()
	r.Level = pam.Level(d.byte())
	r.Extreme = d.bool()
	r.Logit = d.f()
	r.StandardError = d.f()
	r.Answered = int(d.byte())
	r.NotApplicable = int(d.byte())
	r.NotAnswered = int(d.byte())
	r.Flags = pam.Flags(d.byte())
	r.Accepted = d.bool()
	return r
}

func encodeResponseRecord(r ResponseRecord) []byte {
	e := enc{make([]byte, 0, 48)}
	e.i(r.Area)
	e.i(r.Decile)
	e.byte(byte(r.Stage))
	e.response(&r.Response)
	return e.b
}

func decodeResponseRecord(b []byte) (ResponseRecord, error) {
	d := dec{b: b}
	r := ResponseRecord{Area: d.i(), Decile: d.i(), Stage: Stage(d.byte()), Response: d.response()}
	return r, d.done("a response record")
}

func encodeScoredRecord(r ScoredRecord) []byte {
	e := enc{make([]byte, 0, 80)}
	e.i(r.Area)
	e.i(r.Decile)
	e.byte(byte(r.Stage))
	e.result(&r.Result)
	return e.b
}

func decodeScoredRecord(b []byte) (ScoredRecord, error) {
	d := dec{b: b}
	r := ScoredRecord{Area: d.i(), Decile: d.i(), Stage: Stage(d.byte()), Result: d.result()}
	return r, d.done("a scored record")
}

func encodeResult(r pam.Result) []byte {
	e := enc{make([]byte, 0, 72)}
	e.result(&r)
	return e.b
}

func decodeResult(b []byte) (pam.Result, error) {
	d := dec{b: b}
	r := d.result()
	return r, d.done("a PAM result")
}

func encodePair(p Pair) []byte {
	e := enc{make([]byte, 0, 144)}
	e.result(&p.Baseline)
	e.result(&p.FollowUp)
	return e.b
}

func decodePair(b []byte) (Pair, error) {
	d := dec{b: b}
	p := Pair{Baseline: d.result(), FollowUp: d.result()}
	return p, d.done("a pair of PAM results")
}

func encodeAreaRecord(a AreaRecord) []byte {
	e := enc{make([]byte, 0, 64)}
	e.i(a.Index)
	e.s(a.Code)
	e.s(a.Name)
	e.i(a.Decile)
	e.i(a.Quintile)
	e.i(a.Population)
	for _, n := range a.Residents {
		e.i(n)
	}
	e.i(a.Carers)
	e.i(a.CarersKnown)
	e.i(a.Budgets[0])
	e.i(a.Budgets[1])
	return e.b
}

func decodeAreaRecord(b []byte) (AreaRecord, error) {
	d := dec{b: b}
	a := AreaRecord{Index: d.i(), Code: d.s(), Name: d.s(), Decile: d.i(), Quintile: d.i(), Population: d.i()}
	for i := range a.Residents {
		a.Residents[i] = d.i()
	}
	a.Carers, a.CarersKnown = d.i(), d.i()
	a.Budgets[0], a.Budgets[1] = d.i(), d.i()
	return a, d.done("an area record")
}

func encodeParticipantRecord(p ParticipantRecord) []byte {
	e := enc{make([]byte, 0, 8)}
	e.i(p.Area)
	e.i(p.Decile)
	e.i(p.Group)
	return e.b
}

func decodeParticipantRecord(b []byte) (ParticipantRecord, error) {
	d := dec{b: b}
	p := ParticipantRecord{Area: d.i(), Decile: d.i(), Group: d.i()}
	return p, d.done("a participant record")
}

func encodeShard(s Shard) []byte {
	e := enc{}
	e.i(s.From)
	e.i(s.To)
	return e.b
}

func decodeShard(b []byte) (Shard, error) {
	d := dec{b: b}
	s := Shard{From: d.i(), To: d.i()}
	return s, d.done("a shard")
}
